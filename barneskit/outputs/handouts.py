"""Printable handouts: PDFs with selectable text, printed by Chromium from the built book.

``python -m barneskit.outputs.handouts`` (``make handouts``) prints pages of the built HTML book with the
print stylesheet (``_static/print.css``) into ``handouts/``:

* ``letter.pdf``: the letter with paragraph numbers and its note (teacher/letter-handout);
* ``worksheet.pdf``: the document-analysis worksheet (teacher/worksheet);
* ``teacher-guide.pdf``: guide, session plans, adapted letter, assessment (teacher/*);
* ``exercises.pdf``: the student exercise sheet, printed from the **student edition**
  (``make student`` writes it to ``_build/student-html``), which has no solutions in it at all.

Chromium prints what a reader would print from a browser, so the web pages and the handouts share
one print stylesheet. ``--preview`` also renders every PDF page to PNG (``handouts/preview/``) so
that the pages can be looked at before printing a class set.
"""
from __future__ import annotations

import argparse
import shutil
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
                  "--virtual-time-budget=5000"]


class HandoutError(RuntimeError):
    """A handout could not be made; the message says which and what to do."""


@dataclass(frozen=True)
class Handout:
    name: str          # file name in handouts/, without .pdf
    title: str
    pages: tuple       # pages of the built book, relative to the HTML folder, printed in this order
    student: bool = False  # printed from the student edition (no solutions)
    for_students: bool = False  # a student handout: in the student edition (sheets/) and its archive


HANDOUTS = (
    Handout("letter", "The letter and its note", ("teacher/letter-handout.html",), for_students=True),
    Handout("worksheet", "Document-analysis worksheet", ("teacher/worksheet.html",), for_students=True),
    Handout("teacher-guide", "Teacher guide", ("teacher/guide.html", "teacher/sessions.html",
                                               "teacher/differentiation.html", "teacher/assessment.html")),
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


def join_pdfs(parts, out):
    """One PDF from several, with poppler's pdfunite (selectable text is kept)."""
    out = Path(out)
    if len(parts) == 1:
        shutil.copyfile(parts[0], out)
    else:
        subprocess.run(["pdfunite", *map(str, parts), str(out)], check=True)
    return out


def make_handout(handout, html_dir, out_dir):
    out_dir = Path(out_dir)
    with tempfile.TemporaryDirectory(prefix="barnes-handout-") as tmp:
        parts = [print_page(Path(html_dir) / page, Path(tmp) / f"{i:02d}.pdf")
                 for i, page in enumerate(handout.pages)]
        return join_pdfs(parts, out_dir / f"{handout.name}.pdf")


def student_handout(student_html=STUDENT_HTML, book_html=BOOK_HTML):
    """The exercise sheet, from the student edition; None when the book has no exercises yet."""
    if not exercise_pages(book_html):
        return None
    pages = exercise_pages(student_html) if Path(student_html).exists() else ()
    if not pages:
        raise HandoutError(f"the student edition is missing from {student_html}: run `make student` "
                           "first. The exercise sheet is printed only from it, so that no solution "
                           "can reach a student's handout.")
    return Handout("exercises", "Exercises (student edition)", pages, student=True, for_students=True)


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
    ensure_programs("chromium", "pdfunite", "pdftotext", "pdftoppm")
    if student and exercise_pages(book_html):
        build_student_edition()
    made = {h.name: make_handout(h, book_html, out_dir) for h in HANDOUTS}
    sheet = student_handout(student_html, book_html)
    if sheet is not None:
        made[sheet.name] = make_handout(sheet, student_html, out_dir)
    return made


def pdf_text(pdf):
    """The text of a PDF in content order (poppler's pdftotext -raw)."""
    return subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], check=True,
                          stdout=subprocess.PIPE, text=True).stdout


def pdf_pages(pdf):
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, stdout=subprocess.PIPE, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


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
