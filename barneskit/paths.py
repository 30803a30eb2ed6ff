"""Where the module's files are. Every other module finds the repository's files from here.

The package reads the repository it sits in, so a notebook works whatever folder its kernel
starts in, and an edit to a data file counts at once.
"""
from __future__ import annotations

import shutil
from pathlib import Path

#: The repository root: texts/, data/ and references.bib are found from here.
ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
TEXTS_DIR = ROOT / "texts"
BIB_PATH = ROOT / "references.bib"
TOC_PATH = ROOT / "_toc.yml"

#: Folders of the repository that are not sources of the book: the environment, build output,
#: caches, version control, generated editions and handouts, test and benchmark output and
#: scripts. Validation ignores them, and copies of the sources (tests, the student edition, the
#: benchmark) leave them out.
NOT_SOURCES = frozenset({".venv", ".venv-lab", "_build", ".git", "node_modules", ".pytest_cache", "__pycache__",
                         ".ipynb_checkpoints", "student", "handouts", "test-artifacts", "bench"})


def copy_sources(dest, root=ROOT):
    """Copy the book's sources in ``root`` to ``dest`` (a new folder), leaving out NOT_SOURCES."""
    shutil.copytree(root, dest, ignore=lambda folder, names: [n for n in names if n in NOT_SOURCES])
    return Path(dest)
