"""The exercises run as a teacher and as a student would run them.

* Every solution passes its own check (teacher notebooks executed in the project's kernel).
* Every student notebook runs top to bottom and every check says "Not yet" with a hint.
* A deliberately wrong answer gets the wrong-answer message, in a notebook and from each check.
* No line of any solution appears in the student notebooks or the student build of the book.

Each notebook is executed once per session (fixtures below) to keep the suite fast.
"""
import json

import jupytext
import nbformat
import pytest
from bs4 import BeautifulSoup
from nbclient import NotebookClient

from barneskit.paths import ROOT
from barneskit.outputs import student
from barneskit.outputs.build import build_env

PAGES = student.exercise_sets()
EXERCISES = ROOT / "exercises"


def execute(nb, cwd):
    """Run a notebook in the project's kernel; errors are kept as outputs so tests can name them."""
    client = NotebookClient(nb, kernel_name="barnes-module", timeout=120, allow_errors=True,
                            resources={"metadata": {"path": str(cwd)}})
    client.execute(env=build_env())
    return nb


def output_text(cell):
    parts = []
    for out in cell.get("outputs", []):
        if out.output_type == "stream":
            parts.append(out.text)
        elif out.output_type in ("display_data", "execute_result"):
            parts.append(out.data.get("text/plain", ""))
        elif out.output_type == "error":
            parts.append(f"{out.ename}: {out.evalue}")
    return "\n".join(parts)


def errors(nb):
    return [(i, f"{o.ename}: {o.evalue}") for i, cell in enumerate(nb.cells)
            for o in cell.get("outputs", []) if o.output_type == "error"]


def tagged(nb, tag):
    return [cell for cell in nb.cells if tag in cell.metadata.get("tags", [])]


def exercise_count(page):
    return page.read_text(encoding="utf-8").count(":::{exercise}")


@pytest.fixture(scope="session")
def teacher_runs():
    """Each teacher page (solutions included) executed once, in exercises/ as the book does."""
    return {page.stem: execute(jupytext.read(page), EXERCISES) for page in PAGES}


@pytest.fixture(scope="session")
def student_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("student") / "notebooks"
    student.write_student_notebooks(folder)
    return folder


@pytest.fixture(scope="session")
def student_runs(student_dir):
    return {path.stem: execute(nbformat.read(str(path), as_version=4), student_dir)
            for path in sorted(student_dir.glob("*.ipynb"))}


def test_there_are_exercise_pages():
    assert PAGES, "no exercise page is listed in _toc.yml"
    assert all(exercise_count(page) >= 2 for page in PAGES)


def test_every_solution_passes_its_check(teacher_runs):
    for page in PAGES:
        nb = teacher_runs[page.stem]
        assert errors(nb) == [], f"{page.name}: {errors(nb)}"
        solutions = tagged(nb, "solution")
        assert len(solutions) == exercise_count(page), f"{page.name}: one solution cell per exercise"
        for cell in solutions:
            text = output_text(cell)
            assert "Right:" in text, f"{page.name}: a solution does not pass its check:\n{text[-800:]}"
            assert "Not quite:" not in text and "Not yet:" not in text, text


def test_every_exercise_opens_with_both_goals_then_scaffold_then_check():
    for page in PAGES:
        nb = jupytext.read(page)
        assert len(tagged(nb, "scaffold")) == exercise_count(page) == len(tagged(nb, "check")), page.name
        source = page.read_text(encoding="utf-8")
        assert source.count("**Goal in history.**") == source.count("**Goal in code.**") == exercise_count(page)
        for cell in tagged(nb, "scaffold"):
            assert "..." in cell.source, f"{page.name}: a scaffold without a `...` placeholder"


def test_student_notebooks_run_and_every_check_says_not_yet(student_runs):
    assert sorted(student_runs) == sorted(page.stem for page in PAGES)
    for name, nb in student_runs.items():
        assert errors(nb) == [], f"{name}: {errors(nb)}"
        checks_run = tagged(nb, "check")
        assert checks_run, name
        for cell in checks_run:
            text = output_text(cell)
            assert text.startswith("Not yet:"), f"{name}: {cell.source!r} said:\n{text}"
            assert "\nHint: " in text, f"{name}: no hint in:\n{text}"
            assert "Traceback" not in text


def test_a_wrong_answer_in_a_notebook_gets_the_wrong_answer_message(student_dir):
    nb = nbformat.read(str(student_dir / "sourcing-and-counting.ipynb"), as_version=4)
    # Every field right but the place, which the text does not state: the commonest slip.
    tagged(nb, "scaffold")[0].source = 'card = dict(checks.sourcing_card_key(), place="Moscow")'
    nb = execute(nb, student_dir)
    text = output_text(tagged(nb, "check")[0])
    assert text.startswith("Not quite:"), text
    assert "Moscow" in text and "guess" in text and "Hint: " in text


def solution_lines(page):
    """Lines of a page's solution blocks found nowhere else in the page's text (so finding one is a leak)."""
    source = page.read_text(encoding="utf-8")
    outside = student.strip_solutions(source, page)
    lines = {line.strip() for block in student.solution_blocks(source, page) for line in block.splitlines()}
    return {line for line in lines if len(line) >= 12 and line not in outside}


def test_no_solution_line_in_any_student_notebook(student_dir):
    for page in PAGES:
        lines = solution_lines(page)
        assert len(lines) >= 10, f"{page.name}: too few solution lines to test"
        nb = nbformat.read(str(student_dir / f"{page.stem}.ipynb"), as_version=4)
        text = "\n".join(cell.source for cell in nb.cells)
        raw = (student_dir / f"{page.stem}.ipynb").read_text(encoding="utf-8")
        assert all(cell.get("outputs", []) == [] for cell in nb.cells if cell.cell_type == "code")
        assert "solution-start" not in raw and "strict=True" not in raw
        for line in lines:
            assert line not in text and json.dumps(line)[1:-1] not in raw, f"{page.name} leaks: {line}"


def page_words(html_path):
    soup = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
    return soup.find("main") or soup


def test_student_book_has_the_exercises_without_solutions(student_html, built_book):
    for page in PAGES:
        main = page_words(student_html / "exercises" / f"{page.stem}.html")
        teacher = page_words(built_book["html"] / "exercises" / f"{page.stem}.html")
        assert len(main.select(".exercise")) == exercise_count(page)
        assert main.select(".solution") == [] and len(teacher.select(".solution")) == exercise_count(page)
        assert main.select(".check-not-yet") and main.select(".check-right") == []
        # Highlighted code is split into spans: join them without separators to get the lines back.
        text = main.get_text()
        flat = " ".join(main.get_text(" ").split())
        # The same search finds solution lines in the teacher's book, so it can find a leak.
        teacher_text = teacher.get_text()
        assert sum(line in teacher_text for line in solution_lines(page)) >= 5
        for line in solution_lines(page):
            plain = line.strip("*").strip()
            assert plain not in text and " ".join(plain.split()) not in flat, f"{page.name} leaks: {line}"


def test_no_file_of_the_student_book_holds_a_solution(student_html):
    assert (student_html / "index.html").exists()
    for path in student_html.rglob("*"):
        if path.suffix in (".html", ".md", ".txt", ".ipynb", ".js") and path.is_file():
            words = path.read_text(encoding="utf-8", errors="replace")
            assert "solution-start" not in words and "strict=True" not in words, path
