"""The student edition: the exercises with every solution, solution output and model answer left out.

``python -m barneskit.outputs.student`` (``make student``) writes

* ``student/notebooks/<set>.ipynb``, one Jupyter notebook per exercise set, without outputs;
* ``_build/student-html/``, a build of the whole book from a copy of the sources in which the
  exercise pages have lost their solution blocks.

Solutions are cut out of the MyST source, between ``{solution-start}`` and ``{solution-end}``,
before anything else sees it, so they are absent from the files, not collapsed or hidden.
(sphinx-exercise's ``hide_solutions`` option would drop the gated solution's heading but leave the
code cells between the gates on the page; cutting the source does not have that gap.)
"""
from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from pathlib import Path

import jupytext
import nbformat

from barneskit.paths import ROOT, copy_sources
from barneskit.corpus.toc import toc_order
from barneskit.errors import DataError

EXERCISES_DIR = ROOT / "exercises"
NOTEBOOKS_DIR = ROOT / "student" / "notebooks"
STUDENT_HTML = ROOT / "_build" / "student-html"

_FENCE = r"^\s*(`{3,}|:{3,})"
SOLUTION_START = re.compile(_FENCE + r"\{solution-start\}")
SOLUTION_END = re.compile(_FENCE + r"\{solution-end\}")
#: Cells or blocks tagged for the teacher only are removed too.
TEACHER_TAGS = {"solution", "teacher-only"}

#: What a student copy of the repository leaves out.


def exercise_sets(exercises_dir=EXERCISES_DIR):
    """The exercise pages in the book: the ``exercises/*.md`` that ``_toc.yml`` lists, in its order.

    A page not yet in the table of contents (waiting for data from another branch) is not part of
    the book, so it is not part of the student edition either.
    """
    exercises_dir = Path(exercises_dir)
    files = toc_order(exercises_dir.parent / "_toc.yml")
    pages = [exercises_dir.parent / f"{f}.md" for f in files if f.startswith(f"{exercises_dir.name}/")]
    return [p for p in pages if p.exists()]


def _solution_spans(lines, path):
    """(first, last) line indexes of each solution block, fences included."""
    spans, start, i = [], None, 0
    while i < len(lines):
        if SOLUTION_START.match(lines[i]):
            if start is not None:
                raise DataError(path, "a solution starts inside another solution", line=i + 1)
            start = i
        elif SOLUTION_END.match(lines[i]):
            if start is None:
                raise DataError(path, "{solution-end} without a {solution-start} before it", line=i + 1)
            fence = SOLUTION_END.match(lines[i]).group(1)
            end = i + 1 if i + 1 < len(lines) and lines[i + 1].strip() == fence else i
            spans.append((start, end))
            start, i = None, end
        i += 1
    if start is not None:
        raise DataError(path, "a {solution-start} has no {solution-end}", line=start + 1)
    return spans


def solution_blocks(source, path="<exercise page>"):
    """The text of each solution block of a MyST page (what the student edition leaves out)."""
    lines = source.split("\n")
    return ["\n".join(lines[a:b + 1]) for a, b in _solution_spans(lines, path)]


def strip_solutions(source, path="<exercise page>"):
    """A MyST page without its solution blocks (fences included)."""
    lines = source.split("\n")
    keep, last = [], 0
    for a, b in _solution_spans(lines, path):
        keep.extend(lines[last:a])
        last = b + 1
    keep.extend(lines[last:])
    return re.sub(r"\n{3,}", "\n\n", "\n".join(keep))


# MyST that JupyterLab would show as raw text, turned into plain Markdown for the notebook.
_MD_RULES = [
    (re.compile(r"^\(([\w-]+)\)=\s*$", re.M), ""),                                    # (label)=
    (re.compile(r"^:{3,}\{exercise\}\s*(.*)$", re.M), r"**Exercise: \1**"),
    (re.compile(r"^:{3,}\{admonition\}\s*(.*)$", re.M), r"**\1**"),
    (re.compile(r"^:{3,}\{(?:note|tip|important)\}\s*(.*)$", re.M), r"**\1**"),
    (re.compile(r"^:(?:label|class|nonumber):.*$", re.M), ""),
    (re.compile(r"^:{3,}\s*$", re.M), ""),
    (re.compile(r"\{(?:ref|doc|numref)\}`([^`<]+?)\s*<[^`]+>`"), r"\1"),               # {ref}`text <label>`
    (re.compile(r"\{(?:ref|doc|numref)\}`([^`]+)`"), r"\1"),
    (re.compile(r"\{cite:[pt]\}`([^`]+)`"), r"(\1)"),
]


def notebook_markdown(text):
    for pattern, replacement in _MD_RULES:
        text = pattern.sub(replacement, text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _split_at_headings(cells):
    """Markdown cells cut before each ``##`` heading, so each exercise starts a cell of its own."""
    for cell in cells:
        if cell.cell_type != "markdown":
            yield cell
            continue
        for part in re.split(r"\n(?=## )", cell.source):
            if part.strip():
                yield nbformat.v4.new_markdown_cell(part.strip())


def student_notebook(page):
    """The student notebook for one exercise page: no solutions, no outputs, plain Markdown."""
    page = Path(page)
    source = strip_solutions(page.read_text(encoding="utf-8"), page)
    nb = jupytext.reads(source, fmt="md:myst")
    cells = []
    for cell in _split_at_headings(nb.cells):
        if TEACHER_TAGS & set(cell.metadata.get("tags", [])):
            continue
        if cell.cell_type == "markdown":
            cell.source = notebook_markdown(cell.source)
            if not cell.source:
                continue
        elif cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        cells.append(cell)
        if cell.cell_type == "markdown" and "**To write.**" in cell.source:
            # A written answer needs a cell of its own; in the book the question is enough.
            cells.append(nbformat.v4.new_markdown_cell("*Your answer (double-click here to write):*"))
    intro = nbformat.v4.new_markdown_cell(
        "*Student edition.* Run the cells from the top. Replace each `...` with your answer, run the "
        "cell, then run the check below it: it says what is right, what is off, and gives a hint.")
    nb.cells = [cells[0], intro, *cells[1:]] if cells and cells[0].cell_type == "markdown" else [intro, *cells]
    nb.metadata.pop("jupytext", None)
    nb.metadata["kernelspec"] = {"name": "barnes-module", "display_name": "Python (Barnes module)",
                                 "language": "python"}
    nbformat.validate(nb)
    return nb


def write_student_notebooks(out_dir=NOTEBOOKS_DIR, exercises_dir=EXERCISES_DIR):
    """Write ``<set>.ipynb`` for every exercise page; return the paths written."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for page in exercise_sets(exercises_dir):
        target = out_dir / f"{page.stem}.ipynb"
        nbformat.write(student_notebook(page), str(target))
        written.append(target)
    return written


def student_sources(dest, root=ROOT):
    """Copy the book's sources to ``dest`` with every exercise page stripped of its solutions."""
    dest = Path(dest)
    copy_sources(dest, root)
    for page in exercise_sets(dest / "exercises"):
        page.write_text(strip_solutions(page.read_text(encoding="utf-8"), page), encoding="utf-8")
    cache = Path(root) / "_build" / ".jupyter_cache"
    if cache.is_dir():
        # Unchanged pages (the context chapters) are then not executed again; the stripped exercise
        # pages have other code, so they miss the cache and run.
        shutil.copytree(cache, dest / "_build" / ".jupyter_cache")
    return dest


def build_student_book(out=STUDENT_HTML, root=ROOT, echo=True):
    """Build the student edition of the book into ``out``; return (returncode, warnings, build output)."""
    from barneskit.outputs.build import build

    out = Path(out)
    with tempfile.TemporaryDirectory(prefix="barnes-student-") as tmp:
        copy = student_sources(Path(tmp) / "book", root)
        code, output, warnings = build(echo=echo, root=copy)
        if code == 0 and not warnings:
            if out.exists():
                shutil.rmtree(out)
            shutil.copytree(copy / "_build" / "html", out)
    return code, warnings, output


def main(argv=None):
    parser = argparse.ArgumentParser(description="Write the student edition: notebooks and book.")
    parser.add_argument("--notebooks-only", action="store_true", help="write the notebooks, skip the book")
    parser.add_argument("--notebooks", type=Path, default=NOTEBOOKS_DIR, help="folder for the notebooks")
    parser.add_argument("--html", type=Path, default=STUDENT_HTML, help="folder for the student book")
    args = parser.parse_args(argv)
    for path in write_student_notebooks(args.notebooks):
        print(f"wrote {path}")
    if args.notebooks_only:
        return 0
    code, warnings, output = build_student_book(args.html, echo=False)
    if code or warnings:
        print(output[-4000:], file=sys.stderr)
        print("\n".join(warnings) or "the student build failed", file=sys.stderr)
        return code or 1
    print(f"student edition of the book: {args.html}/index.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
