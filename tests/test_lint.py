"""The code passes ruff's checks as configured in ruff.toml (what `make lint` runs).

ruff comes from requirements-dev.txt: where it is not installed the test is skipped and says so.
"""
from __future__ import annotations

import subprocess
import sys

import pytest

from barneskit.paths import ROOT

#: The folders of Python code that `make lint` checks.
LINTED = ("barneskit", "tests", "bench")


def test_ruff_finds_nothing():
    pytest.importorskip("ruff", reason="ruff is not installed (requirements-dev.txt; `make lint` installs it)")
    proc = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", *LINTED], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
