"""The code passes ruff's checks as configured in ruff.toml (what `make lint` runs).

ruff is pinned in requirements.txt with the rest of the test suite's needs.
"""
from __future__ import annotations

import subprocess
import sys


from barneskit.paths import ROOT

#: The folders of Python code that `make lint` checks.
LINTED = ("barneskit", "tests", "bench")


def test_ruff_finds_nothing():
    proc = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", *LINTED], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
