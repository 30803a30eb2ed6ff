"""Printable handouts: PDFs with selectable text, printed by Chromium from the built book.

``python -m barneskit.outputs.handouts`` (``make handouts``) prints pages of the built HTML book with the
print stylesheet (``_static/print.css``) into ``handouts/``:

* ``letter.pdf``: the letter with paragraph numbers and its note (teacher/letter-handout);
* ``worksheet.pdf``: the document-analysis worksheet (teacher/worksheet);
* ``teacher-guide.pdf``: guide, where it fits, session plans, differentiation, assessment, extension;
* ``exercises.pdf``: the student exercise sheet, printed from the **student edition**
  (``make student`` writes it to ``_build/student-html``), which has no solutions in it at all;
* the student sheets (``for_students``), also printed from the student edition: the letter alone,
  the word bank, the adapted letter, the glossary, the thinking chart, the foundation and
  advanced worksheets, the corroboration organizer and the two written tasks.

Chromium prints what a reader would print from a browser, so the web pages and the handouts share
one print stylesheet. A handout of several pages of the book is printed in **one pass**: their
articles are put into one HTML document (:func:`combined_page`), so the PDF keeps the structure
tags that Chromium writes (``pdfinfo`` says "Tagged: yes"; joining PDFs with ``pdfunite`` would
drop them) and one outline of bookmarks from the headings. Every page carries "<title>, page n of
m" in its footer. ``--preview`` also renders every PDF page to PNG (``handouts/preview/``) so that
the pages can be looked at before printing a class set.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from barneskit.paths import ROOT
from barneskit.outputs.programs import ensure_programs
from barneskit.corpus.toc import toc_order
from barneskit.outputs.student import STUDENT_HTML

BOOK_HTML = ROOT / "_build" / "html"
HANDOUTS_DIR = ROOT / "handouts"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
                  "--generate-pdf-document-outline", "--virtual-time-budget=5000"]


class HandoutError(RuntimeError):
    """A handout could not be made; the message says which and what to do."""


@dataclass(frozen=True)
class Handout:
    name: str          # file name in handouts/, without .pdf
    title: str
    pages: tuple       # pages of the built book, relative to the HTML folder, printed in this order
    for_students: bool = False  # a student sheet: printed from the student edition (no solutions)

    @property
    def student(self):  # the older name of for_students
        return self.for_students


HANDOUTS = (
    Handout("letter", "The letter and its note", ("teacher/letter-handout.html",)),
    Handout("worksheet", "Document-analysis worksheet", ("teacher/worksheet.html",)),
    Handout("teacher-guide", "Teacher guide", ("teacher/guide.html", "teacher/curriculum.html",
                                               "teacher/sessions.html", "teacher/differentiation.html",
                                               "teacher/assessment.html", "teacher/extension.html")),
)

#: Student sheets, one PDF each, printed from the student edition (pages under sheets/).
STUDENT_SHEETS = (
    Handout("sheet-letter", "The letter", ("sheets/letter.html",), for_students=True),
    Handout("sheet-word-bank", "Word bank", ("sheets/word-bank.html",), for_students=True),
    Handout("sheet-adapted-letter", "The letter, original and adapted", ("sheets/adapted-letter.html",),
            for_students=True),
    Handout("sheet-glossary", "Glossary", ("sheets/glossary.html",), for_students=True),
    Handout("sheet-thinking-chart", "Thinking chart", ("sheets/thinking-chart.html",), for_students=True),
    Handout("sheet-worksheet-foundation", "Worksheet (foundation)", ("sheets/worksheet-foundation.html",),
            for_students=True),
    Handout("sheet-worksheet-advanced", "Worksheet (advanced)", ("sheets/worksheet-advanced.html",),
            for_students=True),
    Handout("sheet-organizer", "Corroboration organizer", ("sheets/organizer.html",), for_students=True),
    Handout("sheet-exit-task", "Short written task", ("sheets/exit-task.html",), for_students=True),
    Handout("sheet-summative-task", "Argued essay", ("sheets/summative-task.html",), for_students=True),
)


def exercise_pages(html_dir):
    """The exercise pages of a built edition, in the book's order (_toc.yml)."""
    order = [name for name in toc_order() if name.startswith("exercises/")]
    return tuple(f"{name}.html" for name in order if (Path(html_dir) / f"{name}.html").exists())


def print_page(html_file, pdf_file):
    """Print one built page to PDF with Chromium (the page's print stylesheet applies)."""
    html_file, pdf_file = Path(html_file), Path(pdf_file)
    if not html_file.exists():
        raise HandoutError(f"{html_file} does not exist: build the book first (make book)")
    pdf_file.unlink(missing_ok=True)
    chromium = ensure_programs("chromium")["chromium"]
    with tempfile.TemporaryDirectory(prefix="barnes-chromium-") as profile:
        proc = subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                               f"--print-to-pdf={pdf_file}", html_file.resolve().as_uri()],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=180)
    if not pdf_file.exists() or pdf_file.stat().st_size == 0:
        raise HandoutError(f"Chromium did not print {html_file}:\n{proc.stdout[-2000:]}")
    return pdf_file


def _footer_css(title):
    """The footer of every printed page: the handout's title and "page n of m"."""
    quoted = title.replace("\\", "").replace('"', "'")
    return ("<style>@page { @bottom-center { content: \"" + quoted + ", page \" counter(page) "
            "\" of \" counter(pages); font-size: 8.5pt; font-family: sans-serif; color: #333; } }</style>")


def combined_page(html_dir, handout):
    """One HTML document with the articles of every page of ``handout``, in order, written beside
    the first page (so that its relative links, styles and images resolve); returns its path.

    The pages of one handout share a folder (teacher/, sheets/ or exercises/), so their relative
    links are the same from the combined file. Each article after the first starts a new sheet."""
    from bs4 import BeautifulSoup

    html_dir = Path(html_dir)
    files = [html_dir / page for page in handout.pages]
    for file in files:
        if not file.exists():
            raise HandoutError(f"{file} does not exist: build the book first (make book)")
    folders = {file.parent for file in files}
    if len(folders) != 1:
        raise HandoutError(f"the pages of handout '{handout.name}' are in several folders {sorted(map(str, folders))}; "
                           "one handout prints pages of one folder")
    soup = BeautifulSoup(files[0].read_text(encoding="utf-8"), "html.parser")
    first = soup.find("article", class_="bd-article")
    if first is None:
        raise HandoutError(f"{files[0]} has no <article class=\"bd-article\">: is it a page of the built book?")
    for file in files[1:]:
        other = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser").find("article", class_="bd-article")
        if other is None:
            raise HandoutError(f"{file} has no <article class=\"bd-article\">")
        other["style"] = "break-before: page;"
        for title in other.find_all("h1"):
            title["style"] = "display: block !important; visibility: visible !important;"
        first.insert_after(other)
        first = other
    if soup.title is not None:
        soup.title.string = handout.title
    if soup.head is not None:
        soup.head.append(BeautifulSoup(_footer_css(handout.title), "html.parser"))
    out = files[0].parent / f"_handout-{handout.name}.html"
    out.write_text(str(soup), encoding="utf-8")
    return out


def make_handout(handout, html_dir, out_dir):
    """Print ``handout`` to ``out_dir/<name>.pdf`` in one Chromium pass (tags and outline kept)."""
    out_dir = Path(out_dir)
    page = combined_page(html_dir, handout)
    try:
        return print_page(page, out_dir / f"{handout.name}.pdf")
    finally:
        page.unlink(missing_ok=True)


def student_handout(student_html=STUDENT_HTML, book_html=BOOK_HTML):
    """The exercise sheet, from the student edition; None when the book has no exercises yet."""
    if not exercise_pages(book_html):
        return None
    pages = exercise_pages(student_html) if Path(student_html).exists() else ()
    if not pages:
        raise HandoutError(f"the student edition is missing from {student_html}: run `make student` "
                           "first. The exercise sheet is printed only from it, so that no solution "
                           "can reach a student's handout.")
    return Handout("exercises", "Exercises (student edition)", pages, for_students=True)


def build_student_edition():
    """Build the student edition (barneskit.outputs.student, `make student`) so the sheet is never stale."""
    proc = subprocess.run([sys.executable, "-m", "barneskit.outputs.student"], cwd=ROOT,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if proc.returncode != 0:
        raise HandoutError(f"the student edition did not build (make student):\n{proc.stdout[-3000:]}")


def build_handouts(book_html=BOOK_HTML, student_html=STUDENT_HTML, out_dir=HANDOUTS_DIR, student=True):
    """Make every handout; return {name: pdf path}. ``student``: rebuild the student edition first."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    ensure_programs("chromium", "pdftotext", "pdftoppm")
    if student and exercise_pages(book_html):
        build_student_edition()
    made = {h.name: make_handout(h, book_html, out_dir) for h in HANDOUTS}
    sheet = student_handout(student_html, book_html)
    if sheet is not None:
        made[sheet.name] = make_handout(sheet, student_html, out_dir)
    # The student sheets come from the student edition when it is there (as the exercise sheet does);
    # a book without one (no exercises yet) prints them from the book itself, which holds no solution on them.
    sheets_html = student_html if (Path(student_html) / "sheets").is_dir() else book_html
    for handout in STUDENT_SHEETS:
        if (Path(sheets_html) / handout.pages[0]).exists():
            made[handout.name] = make_handout(handout, sheets_html, out_dir)
    return made


def pdf_info(pdf):
    """``pdfinfo``'s fields as a dict (Pages, Tagged, Title, ...)."""
    out = subprocess.run(["pdfinfo", str(pdf)], check=True, stdout=subprocess.PIPE, text=True).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in out.splitlines()) if _}


def pdf_outline(pdf):
    """The titles of the PDF's outline (bookmarks), read with pypdf if it is installed, else None."""
    try:
        from pypdf import PdfReader
    except ImportError:
        return None

    def walk(items):
        for item in items:
            if isinstance(item, list):
                yield from walk(item)
            else:
                yield item.title
    return list(walk(PdfReader(str(pdf)).outline))


def pdf_text(pdf):
    """The text of a PDF in content order (poppler's pdftotext -raw)."""
    return subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], check=True,
                          stdout=subprocess.PIPE, text=True).stdout


def pdf_pages(pdf):
    return int(pdf_info(pdf)["Pages"])


def preview(pdf, out_dir, dpi=60):
    """Render each page of ``pdf`` to PNG (pdftoppm); return the PNG paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = out_dir / Path(pdf).stem
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(stem)], check=True)
    return sorted(out_dir.glob(f"{Path(pdf).stem}-*.png"))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=HANDOUTS_DIR, help="folder for the PDFs")
    parser.add_argument("--preview", action="store_true", help="also render every page to PNG")
    args = parser.parse_args(argv)
    try:
        made = build_handouts(out_dir=args.out)
    except HandoutError as exc:
        print(f"make handouts: {exc}", file=sys.stderr)
        return 1
    if "exercises" not in made:
        print("(no exercise pages in the book yet: no exercise sheet)")
    for name, pdf in made.items():
        print(f"{pdf.relative_to(ROOT) if pdf.is_relative_to(ROOT) else pdf}: {pdf_pages(pdf)} page(s)")
        if args.preview:
            preview(pdf, args.out / "preview")
    return 0


if __name__ == "__main__":
    sys.exit(main())
