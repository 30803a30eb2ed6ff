"""Where the module's files are. Every other module finds the repository's files from here.

The package reads its files from one of two places, decided here once:

* **in the repository** (a clone, with the package installed editable or on ``PYTHONPATH``): the
  folder that holds ``barneskit/`` also holds ``_toc.yml``, ``texts/`` and ``data/``, and the package
  reads those, so an edit to a data file counts at once;
* **installed from a wheel** (a student's laptop, a school hub): the wheel carries copies of
  ``PACKAGE_DATA`` (less ``teacher_only_data()``) in ``barneskit/_data/``, and ROOT is that folder.

``INSTALLED`` says which. A notebook works whatever folder its kernel starts in.
"""
from __future__ import annotations

import shutil
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
#: The folder inside the package that an installed copy (a wheel) reads; hatch_build.py fills it.
INSTALLED_DATA = "_data"
#: What the exercises read, relative to the repository root; a wheel carries copies of these.
PACKAGE_DATA = ("texts", "data", "references.bib")
def teacher_only_data():
    """Files under PACKAGE_DATA that are for the teacher only and stay out of a wheel (and so out of
    the students' archive): the session plans, the adapted letter with its list of changes (the
    teacher's model; the student sheet of it is a page, not data), the assessment's rubric and
    scored samples, and the worksheet's questions and notes (its student sheets are pages). No
    exercise check reads any of them.

    A function, not a module constant: datadeps counts the file names a module mentions at import
    as read by every page that imports it, and no page reads these."""
    return frozenset({"data/sessions.yml", "data/adapted-letter.yml", "data/assessment.yml", "data/worksheet.yml"})


def is_repository(folder):
    """Whether ``folder`` is a clone of the module's repository (book sources beside the package)."""
    folder = Path(folder)
    return (folder / "_toc.yml").is_file() and (folder / "texts").is_dir() and (folder / "data").is_dir()


def package_data_files(root):
    """The files a wheel copies, relative to ``root``, as POSIX strings, sorted."""
    root = Path(root)
    teacher_only = teacher_only_data()
    found = []
    for entry in PACKAGE_DATA:
        path = root / entry
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for file in files:
            rel = file.relative_to(root).as_posix()
            if rel not in teacher_only and "__pycache__" not in file.parts:
                found.append(rel)
    return sorted(found)


if is_repository(PACKAGE_DIR.parent):
    INSTALLED = False
    #: The repository root (or, installed, the package's copy): texts/, data/ and references.bib are found from here.
    ROOT = PACKAGE_DIR.parent
elif (PACKAGE_DIR / INSTALLED_DATA / "texts").is_dir():
    INSTALLED = True
    ROOT = PACKAGE_DIR / INSTALLED_DATA
else:
    raise ImportError(
        f"barneskit at {PACKAGE_DIR} finds neither the module's repository around it nor its own copy "
        f"of the texts and data ({PACKAGE_DIR / INSTALLED_DATA}). Install it from the wheel "
        "(pip install barneskit-<version>-py3-none-any.whl) or from a clone (pip install -e .).")

DATA_DIR = ROOT / "data"
TEXTS_DIR = ROOT / "texts"
BIB_PATH = ROOT / "references.bib"
TOC_PATH = ROOT / "_toc.yml"   # only in the repository: an installed copy has no book

#: Folders of the repository that are not sources of the book: the environment, build output,
#: caches, version control, generated editions and handouts, test and benchmark output and
#: scripts. Validation ignores them, and copies of the sources (tests, the student edition, the
#: benchmark) leave them out.
NOT_SOURCES = frozenset({".venv", ".venv-lab", "_build", ".git", "node_modules", ".pytest_cache", "__pycache__",
                         ".ipynb_checkpoints", "student", "handouts", "test-artifacts", "bench", "dist"})


def copy_sources(dest, root=ROOT):
    """Copy the book's sources in ``root`` to ``dest`` (a new folder), leaving out NOT_SOURCES."""
    shutil.copytree(root, dest, ignore=lambda folder, names: [n for n in names if n in NOT_SOURCES])
    return Path(dest)
