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
def student_html(tmp_path_factory):
    """The student edition of the book, built once (exercise and handout tests both read it)."""
    from barneskit.outputs import student

    out = tmp_path_factory.mktemp("student-html") / "html"
    code, warnings, output = student.build_student_book(out, echo=False)
    assert code == 0 and not warnings, output[-3000:]
    return out
