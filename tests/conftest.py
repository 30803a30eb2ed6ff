"""Shared fixtures: one build of the book per test session, and throw-away copies of the repository."""
import pytest

from barneskit.paths import ROOT, copy_sources
from barneskit.outputs.build import build

HTML = ROOT / "_build" / "html"



@pytest.fixture(scope="session")
def built_book():
    """Build the book once (as `make book` does); tests read the result from _build/html."""
    code, output, warnings = build(echo=False)
    return {"code": code, "output": output, "warnings": warnings, "html": HTML}


#: The front matter that makes a Markdown page a notebook run by the project's kernel.
NOTEBOOK_FRONT_MATTER = """\
---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  name: barnes-module
  display_name: Python (Barnes module)
  language: python
{extra}---
"""


@pytest.fixture
def notebook_page():
    """Text of a trial notebook page: the front matter (plus ``extra`` lines of it), then ``body``."""
    def page(body, extra=""):
        return NOTEBOOK_FRONT_MATTER.format(extra=extra) + body
    return page


@pytest.fixture
def repo_copy(tmp_path):
    """A copy of the repository's sources in a temporary folder, to break without harm."""
    dest = tmp_path / "repo"
    return copy_sources(dest)


@pytest.fixture(scope="session")
def student_edition(built_book, tmp_path_factory):
    """`make student` once per session, into a temporary folder: notebooks (with the wheel), the
    student book, the student handouts and the archive. Built after the teacher edition, whose
    execution cache it reuses, as `make student` after `make book` does."""
    from barneskit.outputs import student

    base = tmp_path_factory.mktemp("student-edition")
    out = {"notebooks": base / "notebooks", "html": base / "html", "archive": base / "student.zip",
           "handouts": base / "handouts"}
    student.make_student_edition(out["notebooks"], out["html"], out["archive"], out["handouts"])
    return out


@pytest.fixture(scope="session")
def student_html(student_edition):
    """The student edition of the book, built once (exercise and handout tests both read it)."""
    return student_edition["html"]
