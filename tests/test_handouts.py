"""`make handouts`: real PDFs with selectable text; the letter verbatim; no solution on a student sheet."""
import re

import pytest
from bs4 import BeautifulSoup

from barneskit.paths import ROOT
from barneskit.outputs.handouts import HANDOUTS, build_handouts, exercise_pages, pdf_pages, pdf_text
from barneskit.corpus.teaching import load_worksheet
from barneskit.corpus.texts import text
import subprocess
from barneskit.outputs.handouts import STUDENT_SHEETS, pdf_info


@pytest.fixture(scope="session")
def handouts(built_book, student_html, tmp_path_factory):
    assert built_book["code"] == 0, built_book["output"][-2000:]
    out = tmp_path_factory.mktemp("handouts")
    # The student edition is built once for the session (conftest), not again here.
    return build_handouts(out_dir=out, student_html=student_html, student=False)


def flat(words):
    """Whitespace runs (line wraps in a PDF) become one space; nothing else is forgiven."""
    return " ".join(words.split())


#: Sphinx's "smart quotes" set our own prose (not the primary text) with typographic marks.
TYPOGRAPHY = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def prose(words):
    return flat(words).replace("\u2026", "...").translate(TYPOGRAPHY)


def test_every_handout_is_a_pdf_with_selectable_text(handouts):
    assert {h.name for h in HANDOUTS} <= set(handouts)
    for name, pdf in handouts.items():
        assert pdf.read_bytes()[:5] == b"%PDF-", name
        assert pdf_pages(pdf) >= 1
        assert len(pdf_text(pdf).split()) > 100, f"{name}.pdf has (almost) no text to select"


def test_letter_handout_has_the_letter_and_note_verbatim_on_one_page(handouts):
    pdf = handouts["letter"]
    words = flat(pdf_text(pdf))
    for seg in text("reply-to-barnes").segments:
        assert flat(seg.text) in words, f"{seg.id} is not verbatim in letter.pdf"
    for label in ("¶1", "¶2", "¶3"):
        assert label in words
    assert "Marxists Internet Archive" in words
    assert pdf_pages(pdf) == 1


def test_printed_pages_carry_no_navigation(handouts):
    for name, pdf in handouts.items():
        words = pdf_text(pdf)
        assert "Ctrl" not in words and "Back matter" not in words, f"{name}.pdf prints the site's navigation"


def test_worksheet_handout_has_every_question(handouts):
    words = prose(pdf_text(handouts["worksheet"]))
    for step in load_worksheet().steps:
        assert flat(step.title) in words
        for question in step.questions:
            if question.on("core"):
                assert flat(question.ask) in words, question.id


def solution_code_lines():
    """Lines found only in the exercise pages' solution blocks (what a student must never get).

    A line that the page also shows outside its solutions (in a hint or a scaffold) is not a leak.
    """
    from barneskit.outputs.student import solution_blocks, strip_solutions  # the exercises helper's module

    lines = set()
    for page in sorted((ROOT / "exercises").glob("*.md")):
        source = page.read_text(encoding="utf-8")
        outside = strip_solutions(source, page)
        for block in solution_blocks(source, page):
            for line in block.splitlines():
                line = line.strip()
                if len(line) >= 12 and line not in outside and not line.startswith(("```", ":::", "{", ":")):
                    lines.add(line)
    return lines


def test_student_exercise_sheet_has_no_solution(handouts, built_book):
    if not exercise_pages(built_book["html"]):
        pytest.skip("the book has no exercise pages yet")
    lines = solution_code_lines()
    assert lines, "the exercise pages have no solution code to look for"
    # The same lines are on the teacher edition's pages: the search below can find what it looks for.
    teacher = " ".join(flat(BeautifulSoup((built_book["html"] / p).read_text(encoding="utf-8"), "html.parser")
                            .get_text()) for p in exercise_pages(built_book["html"]))
    shown = [line for line in lines if flat(line) in teacher]
    assert len(shown) >= len(lines) / 2, "the solution lines are not on the teacher edition's pages"
    sheet = flat(pdf_text(handouts["exercises"]))
    leaked = [line for line in lines if flat(line) in sheet]
    assert not leaked, f"solution code on the student sheet: {leaked[:3]}"
    assert not re.search(r"\bSolution to Exercise\b", sheet)


# ----------------------------------------------------------------------------- issue 17




def test_every_handout_is_tagged_and_numbered(handouts):
    for name, pdf in handouts.items():
        info = pdf_info(pdf)
        assert info["Tagged"] == "yes", f"{name}.pdf has lost its accessibility tags"
        pages = int(info["Pages"])
        words = flat(pdf_text(pdf))
        assert f"page {pages} of {pages}" in words, f"{name}.pdf has no 'page n of m' footer"


def test_a_multi_page_handout_has_one_outline_from_all_its_pages(handouts):
    xml = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", str(handouts["teacher-guide"])],
                         check=True, stdout=subprocess.PIPE, text=True).stdout
    items = re.findall(r"<item[^>]*>([^<]*)</item>", xml)
    for heading in ("The compelling question", "Where the module fits", "Session plans", "Assessment and answer keys"):
        assert any(heading in item for item in items), heading


def test_student_sheets_are_printed_and_marked_for_students(handouts):
    assert all(sheet.for_students for sheet in STUDENT_SHEETS)
    assert not any(h.for_students for h in HANDOUTS)
    for sheet in STUDENT_SHEETS:
        assert sheet.name in handouts, sheet.name
    bank = prose(pdf_text(handouts["sheet-word-bank"]))
    assert "groundless" in bank and "¶1" in bank
    organizer = prose(pdf_text(handouts["sheet-organizer"]))
    assert "A-note" in organizer and "Corroborates?" in organizer
