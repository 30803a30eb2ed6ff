"""Check barneskit.sphinxext.datadeps against what each notebook page really opens when its code runs.

Run from the repository root:  python bench/datareads.py [page.md ...]
(default: every notebook page in _toc.yml). Each page's code cells run in a fresh Python process
(IPython, matplotlib's Agg backend, the page's folder as working directory, as in the build),
with an audit hook that records every file opened under data/ or texts/. It prints, per page,
the files found statically and the files opened, and exits non-zero if they differ.
Slow (it runs every page's code), so it is a tool to run after changing barneskit, not a test.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from barneskit.sphinxext import datadeps  # noqa: E402

RUNNER = r"""
import json, os, sys
root, page = sys.argv[1], sys.argv[2]
sys.path.insert(0, root)
from barneskit.sphinxext import datadeps
reads = set()
def hook(event, args):
    if event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)):
        path = os.path.realpath(os.fsdecode(args[0]))
        for folder in datadeps.DATA_DIRS:
            if path.startswith(os.path.join(root, folder) + os.sep):
                reads.add(os.path.relpath(path, root))
import matplotlib
matplotlib.use("agg")
from IPython.core.interactiveshell import InteractiveShell
shell = InteractiveShell.instance()
os.chdir(os.path.dirname(os.path.join(root, page)))
cells = datadeps.code_cells(open(os.path.join(root, page), encoding="utf-8").read())
sys.addaudithook(hook)
for cell in cells:
    result = shell.run_cell(cell, silent=True)
    if not result.success:
        sys.exit(f"{page}: a cell failed: {result.error_in_exec or result.error_before_exec!r}")
print(json.dumps(sorted(reads)))
"""


def notebook_pages():
    sys.path.insert(0, str(ROOT / "bench"))
    from benchmark import notebook_pages as pages

    return [str(p.relative_to(ROOT)) for p in pages(ROOT)]


def main(argv=None):
    pages = list(sys.argv[1:] if argv is None else argv) or notebook_pages()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    differ = 0
    for page in pages:
        static = sorted(str(p.relative_to(ROOT)) for p in datadeps.page_data_files(ROOT / page))
        proc = subprocess.run([sys.executable, "-c", RUNNER, str(ROOT), page], env=env,
                              capture_output=True, text=True)
        if proc.returncode != 0:
            print(f"{page}: could not run\n{proc.stderr[-2000:]}")
            differ += 1
            continue
        opened = json.loads(proc.stdout.strip().splitlines()[-1])
        same = "same" if opened == static else "DIFFERENT"
        differ += opened != static
        print(f"{page}: {same}\n  found:  {static}\n  opened: {opened}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
