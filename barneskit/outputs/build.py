"""Build the book the one way the Makefile, the tests and the benchmark all use.

``python -m barneskit.outputs.build [--output DIR] [extra jupyter-book options]`` runs
``jupyter-book build . -W -n --keep-going`` in this environment, with the project's own kernel
first on Jupyter's search path, and prints the output; it exits non-zero on any warning.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from barneskit.paths import ROOT

#: Sphinx's warning form: "path:line: WARNING: ..." (pip's and ipykernel's stderr notes are not warnings).
WARNING_RE = re.compile(r"^(?:\S.*?: )?(?:WARNING|ERROR|CRITICAL): ", re.MULTILINE)


def build_env(root=ROOT):
    """Environment for building: our package importable, our kernel found before any user's."""
    env = dict(os.environ)
    venv = Path(sys.prefix)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), env.get("PYTHONPATH")]))
    env["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(venv / "share" / "jupyter"), env.get("JUPYTER_PATH")]))
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"  # quiets a debugger notice on kernel start
    return env


def build_command(extra=(), root=ROOT):
    jb = Path(sys.prefix) / "bin" / "jupyter-book"
    return [str(jb), "build", str(root), "-W", "-n", "--keep-going", *extra]


def build(extra=(), echo=True, root=ROOT):
    """Run the build of the book in ``root``; return (returncode, combined output, warning lines)."""
    proc = subprocess.run(build_command(extra, root), cwd=root, env=build_env(root),
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if echo:
        sys.stdout.write(proc.stdout)
    return proc.returncode, proc.stdout, warning_lines(proc.stdout)


def warning_lines(output):
    """The Sphinx warnings and errors in a build's output, colour codes removed."""
    plain = re.sub(r"\x1b\[[0-9;]*m", "", output)
    return [line for line in plain.splitlines() if WARNING_RE.match(line)]


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    code, _, warnings = build(argv)
    if warnings:
        print(f"\n{len(warnings)} warning(s): the book must build without any.", file=sys.stderr)
        code = code or 1
    return code


if __name__ == "__main__":
    sys.exit(main())
