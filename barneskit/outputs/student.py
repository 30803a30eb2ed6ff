"""The student edition: only what is the student's, with every solution, key and teacher page left out.

``python -m barneskit.outputs.student`` (``make student``) writes

* ``student/notebooks/<set>.ipynb``, one Jupyter notebook per exercise set, without outputs, for the
  standard ``python3`` kernel, opening with a set-up cell that checks the module is installed;
* ``_build/student-html/``, a build of the book from a copy of the sources in which the exercise
  pages have lost their solution blocks, the part "For teachers" is gone (its pages that are the
  students' too, the sheets of the handouts marked ``for_students``, move to a part "Handouts" in
  ``sheets/``), and the landing page is ``editions/student-intro.md``;
* ``_build/barnes-module-student.zip``, one archive for a class: the student site, the notebooks with
  the wheel beside them, the student handouts (PDF) and ``editions/student-README.txt``.

Solutions are cut out of the MyST source, between ``{solution-start}`` and ``{solution-end}``,
before anything else sees it, so they are absent from the files, not collapsed or hidden.
(sphinx-exercise's ``hide_solutions`` option would drop the gated solution's heading but leave the
code cells between the gates on the page; cutting the source does not have that gap.) The teacher
pages are deleted from the copy before the build, so no page, link, search-index entry or
``_sources`` file of theirs can exist.
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import jupytext
import nbformat
import yaml

from barneskit import __version__
from barneskit.paths import ROOT, copy_sources
from barneskit.corpus import yamlio
from barneskit.corpus.toc import toc_order
from barneskit.errors import DataError

EXERCISES_DIR = ROOT / "exercises"
NOTEBOOKS_DIR = ROOT / "student" / "notebooks"
STUDENT_HTML = ROOT / "_build" / "student-html"
STUDENT_HANDOUTS = ROOT / "student" / "handouts"
ARCHIVE = ROOT / "_build" / "barnes-module-student.zip"
#: The archive's one top folder (unzipping makes one folder, not a scatter of files).
ARCHIVE_FOLDER = "barnes-module-student"
WHEEL_NAME = f"barneskit-{__version__}-py3-none-any.whl"
EDITIONS_DIR = ROOT / "editions"
STUDENT_INTRO = "editions/student-intro.md"      # the student edition's landing page (replaces intro.md)
STUDENT_README = "editions/student-README.txt"   # the archive's README for students

#: The teacher's folder: every page in it is left out of the student edition, except STUDENT_SHEETS.
TEACHER_DIR = "teacher"
#: Where the student edition puts the teacher folder's pages that are the students' too.
SHEETS_DIR = "sheets"
#: Pages of the teacher folder that students use besides the handouts marked ``for_students``
#: (barneskit.outputs.handouts): none now; the students' sheets are pages of sheets/ already.
STUDENT_COMPANION_PAGES = ()
#: The caption of the student edition's part that holds those pages.
SHEETS_CAPTION = "Handouts"
#: The branch that ``make publish`` writes and that the student edition's launch buttons open.
PUBLISH_BRANCH = "gh-pages"

_FENCE = r"^\s*(`{3,}|:{3,})"
SOLUTION_START = re.compile(_FENCE + r"\{solution-start\}")
SOLUTION_END = re.compile(_FENCE + r"\{solution-end\}")
#: Cells or blocks tagged for the teacher only are removed too.
TEACHER_TAGS = {"solution", "teacher-only"}


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
        "*Student edition.* Run the cells from the top, starting with the set-up cell just below. "
        "Replace each `...` with your answer, run the cell, then run the check below it: it says "
        "what is right, what is off, and gives a hint.")
    setup = nbformat.v4.new_code_cell(SETUP_CELL)
    setup.metadata["tags"] = ["setup"]
    head = [cells.pop(0)] if cells and cells[0].cell_type == "markdown" else []
    nb.cells = [*head, intro, setup, *cells]
    nb.metadata.pop("jupytext", None)
    # The standard kernel: wherever the module is installed (a laptop, VS Code, a school hub), a
    # notebook opens in that Python without asking for a kernel that exists only in the repository.
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)",
                                 "language": "python"}
    nbformat.validate(nb)
    return nb


#: The first code cell of every student notebook: is the module there? If not, what to do, in plain words.
SETUP_CELL = f"""\
# Set-up: run this cell first. It checks that the module for these exercises is installed.
try:
    import barneskit
    print(f"Ready: the module is installed (barneskit {{barneskit.__version__}}). Go on to the next cell.")
except ModuleNotFoundError:
    print("The module for these exercises (barneskit) is not installed in this Python yet.\\n"
          "1. Install it: put the file {WHEEL_NAME} in the same folder as this notebook\\n"
          "   (it comes with the notebooks; ask your teacher if you do not have it) and run, in a new cell:\\n"
          "       %pip install {WHEEL_NAME}\\n"
          "2. Restart the kernel (menu Kernel > Restart), then run this cell again.\\n"
          "(If a kernel with the module is set up already, e.g. 'Python (Barnes module)', choose it instead:\\n"
          " menu Kernel > Change Kernel.)")
    raise SystemExit("Not ready: install the module first (see above).") from None"""


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


def _dump_yaml(data):
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def _sheet(docname):
    """Where a teacher-folder page that is the students' too goes in the student edition."""
    return f"{SHEETS_DIR}/{docname[len(TEACHER_DIR) + 1:]}"


def student_sheet_pages():
    """Docnames of the teacher folder's pages that belong to the students: the pages of every handout
    marked ``for_students`` and the companion pages, in the book's order."""
    pages = [page.removesuffix(".html") for h in _student_handouts() for page in h.pages]
    chosen = set(p for p in (*pages, *STUDENT_COMPANION_PAGES) if p.startswith(f"{TEACHER_DIR}/"))
    order = toc_order()
    return sorted(chosen, key=lambda p: (order.index(p) if p in order else len(order), p))


def _student_handouts():
    """Every handout marked ``for_students`` (the exercise sheet is made apart, from the built edition)."""
    from barneskit.outputs import handouts  # handouts reads this module's paths at import

    return [h for h in (*handouts.HANDOUTS, *getattr(handouts, "STUDENT_SHEETS", ())) if h.for_students]


def student_html_page(page):
    """A built page's path (``teacher/worksheet.html``) as the student edition names it."""
    return _sheet(page) if page.startswith(f"{TEACHER_DIR}/") else page


def student_toc(toc, sheets):
    """The student edition's table of contents: every ``teacher/`` entry left out, and a part
    "Handouts" with ``sheets`` (as ``sheets/...``) where the teacher's part was."""
    def keep(entries):
        kept = []
        for entry in entries or []:
            if str(entry.get("file", "")).startswith(f"{TEACHER_DIR}/"):
                continue
            entry = dict(entry)
            for key in ("sections", "chapters"):
                if key in entry:
                    entry[key] = keep(entry[key])
                    if not entry[key]:
                        del entry[key]
            kept.append(entry)
        return kept

    toc = dict(toc)
    parts, placed = [], False
    for part in toc.get("parts", []):
        chapters = keep(part.get("chapters"))
        if len(chapters) < len(part.get("chapters") or []) and not chapters and not placed and sheets:
            parts.append({"caption": SHEETS_CAPTION, "chapters": [{"file": _sheet(s)} for s in sheets]})
            placed = True
        elif chapters:
            parts.append({**part, "chapters": chapters})
    if sheets and not placed:
        parts.append({"caption": SHEETS_CAPTION, "chapters": [{"file": _sheet(s)} for s in sheets]})
    if "parts" in toc:
        toc["parts"] = parts
    if "chapters" in toc:
        toc["chapters"] = keep(toc["chapters"])
    return toc


def student_config(config):
    """The student edition's _config.yml (a dict): no teacher-edition line; launch buttons, if a
    teacher switched them on, open the student notebooks on the published branch."""
    config = dict(config)
    config["html"] = {**config.get("html", {}), "announcement": ""}
    config["exclude_patterns"] = [*config.get("exclude_patterns", []), "exercises/*.ipynb"]
    if (config.get("repository") or {}).get("url"):
        config["repository"] = {**config["repository"], "branch": PUBLISH_BRANCH, "path_to_book": ""}
    return config


def student_sources(dest, root=ROOT):
    """Copy the book's sources to ``dest`` as the student edition: exercise pages without solutions,
    no teacher folder (its student sheets moved to ``sheets/``), the student landing page, and the
    student notebooks beside their pages (so launch buttons open them, not the pages' MyST)."""
    dest, root = Path(dest), Path(root)
    copy_sources(dest, root)
    for page in exercise_sets(dest / "exercises"):
        page.write_text(strip_solutions(page.read_text(encoding="utf-8"), page), encoding="utf-8")
    sheets = student_sheet_pages()
    for docname in sheets:
        source = dest / f"{docname}.md"
        if not source.exists():
            raise DataError(root / f"{docname}.md", "a page marked for students (a handout with "
                            "for_students, or STUDENT_COMPANION_PAGES) does not exist")
        target = dest / f"{_sheet(docname)}.md"
        if target.exists():
            raise DataError(root / f"{docname}.md", f"a page marked for students would replace {_sheet(docname)}.md")
        target.parent.mkdir(exist_ok=True)
        source.rename(target)
    shutil.rmtree(dest / TEACHER_DIR, ignore_errors=True)
    intro = root / STUDENT_INTRO
    if not intro.exists():
        raise DataError(intro, "the student edition's landing page is missing")
    shutil.copyfile(intro, dest / "intro.md")
    toc_path = dest / "_toc.yml"
    toc_path.write_text(_dump_yaml(student_toc(yamlio.load(toc_path.read_text(encoding="utf-8")), sheets)),
                        encoding="utf-8")
    config_path = dest / "_config.yml"
    config_path.write_text(_dump_yaml(student_config(yamlio.load(config_path.read_text(encoding="utf-8")))),
                           encoding="utf-8")
    write_student_notebooks(dest / "exercises", dest / "exercises")
    cache = root / "_build" / ".jupyter_cache"
    if cache.is_dir():
        # Unchanged pages (the context chapters) are then not executed again; the stripped exercise
        # pages have other code, so they miss the cache and run.
        shutil.copytree(cache, dest / "_build" / ".jupyter_cache")
    return dest


def build_student_book(out=STUDENT_HTML, root=ROOT, echo=True, keep_sources=None):
    """Build the student edition of the book into ``out``; return (returncode, warnings, build output).

    ``keep_sources``: a folder to copy the student sources to as well (tests look at them)."""
    from barneskit.outputs.build import build

    out = Path(out)
    with tempfile.TemporaryDirectory(prefix="barnes-student-") as tmp:
        copy = student_sources(Path(tmp) / "book", root)
        code, output, warnings = build(echo=echo, root=copy)
        if code == 0 and not warnings:
            if out.exists():
                shutil.rmtree(out)
            shutil.copytree(copy / "_build" / "html", out)
            # An exercise page's download button offers the student notebook (set-up cell, python3
            # kernel), not the executed page, whose kernel exists only in the repository.
            for nb in (copy / "exercises").glob("*.ipynb"):
                target = out / "_sources" / "exercises" / nb.name
                if target.exists():
                    shutil.copyfile(nb, target)
        if keep_sources is not None:
            shutil.copytree(copy, keep_sources, ignore=shutil.ignore_patterns("_build"), dirs_exist_ok=True)
    return code, warnings, output


def build_wheel(out_dir, root=ROOT):
    """Build the package's wheel (with its copies of texts, data and bibliography) into ``out_dir``."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--disable-pip-version-check",
                           "--no-deps", "--wheel-dir", str(out_dir), str(root)],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    wheel = out_dir / WHEEL_NAME
    if proc.returncode or not wheel.exists():
        raise DataError(Path(root) / "pyproject.toml", f"the wheel did not build:\n{proc.stdout[-2000:]}")
    return wheel


def student_handouts(html_dir, out_dir):
    """Print every handout marked ``for_students`` (and the exercise sheet) from the student edition."""
    import dataclasses

    from barneskit.outputs import handouts

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    handouts.ensure_programs("chromium")
    chosen = [dataclasses.replace(h, pages=tuple(student_html_page(p) for p in h.pages))
              for h in _student_handouts()]
    chosen = [h for h in chosen if all((Path(html_dir) / p).exists() for p in h.pages)]
    sheet = handouts.student_handout(html_dir, html_dir)
    if sheet is not None and sheet.for_students:
        chosen.append(sheet)
    return [handouts.make_handout(h, html_dir, out_dir) for h in chosen]


def write_archive(archive, html_dir, notebooks_dir, handout_pdfs, wheel, root=ROOT):
    """One .zip for a class: site/, notebooks/ (with the wheel beside them), handouts/, README.txt."""
    archive = Path(archive)
    archive.parent.mkdir(parents=True, exist_ok=True)
    readme = Path(root) / STUDENT_README
    if not readme.exists():
        raise DataError(readme, "the students' README for the archive is missing")
    tmp = archive.with_suffix(".zip.part")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(readme, f"{ARCHIVE_FOLDER}/README.txt")
        for path in sorted(Path(html_dir).rglob("*")):
            if path.is_file():
                zf.write(path, f"{ARCHIVE_FOLDER}/site/{path.relative_to(html_dir).as_posix()}")
        for path in sorted(Path(notebooks_dir).glob("*.ipynb")):
            zf.write(path, f"{ARCHIVE_FOLDER}/notebooks/{path.name}")
        zf.write(wheel, f"{ARCHIVE_FOLDER}/notebooks/{Path(wheel).name}")
        for pdf in handout_pdfs:
            zf.write(pdf, f"{ARCHIVE_FOLDER}/handouts/{Path(pdf).name}")
    tmp.replace(archive)
    return archive


def make_student_edition(notebooks=NOTEBOOKS_DIR, html=STUDENT_HTML, archive=ARCHIVE,
                         handouts_dir=STUDENT_HANDOUTS, root=ROOT, echo=False):
    """Notebooks, book, wheel, handouts and the archive; return the archive's path.

    Raises DataError (a bad input) or RuntimeError (the build or a program failed), with what to do."""
    write_student_notebooks(notebooks)
    code, warnings, output = build_student_book(html, root=root, echo=echo)
    if code or warnings:
        raise RuntimeError(f"{output[-4000:]}\n" + ("\n".join(warnings) or "the student build failed"))
    wheel = build_wheel(Path(notebooks))
    if Path(handouts_dir).exists():
        shutil.rmtree(handouts_dir)
    pdfs = student_handouts(html, handouts_dir)
    return write_archive(archive, html, notebooks, pdfs, wheel, root=root)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Write the student edition: notebooks, book, handouts, archive.")
    parser.add_argument("--notebooks-only", action="store_true", help="write the notebooks, skip the rest")
    parser.add_argument("--notebooks", type=Path, default=NOTEBOOKS_DIR, help="folder for the notebooks")
    parser.add_argument("--html", type=Path, default=STUDENT_HTML, help="folder for the student book")
    parser.add_argument("--archive", type=Path, default=ARCHIVE, help="the .zip to write")
    args = parser.parse_args(argv)
    if args.notebooks_only:
        for path in write_student_notebooks(args.notebooks):
            print(f"wrote {path}")
        return 0
    try:
        archive = make_student_edition(args.notebooks, args.html, args.archive)
    except (DataError, RuntimeError) as exc:
        print(f"make student: {exc}", file=sys.stderr)
        return 1
    print(f"student notebooks: {args.notebooks}/ (with {WHEEL_NAME})")
    print(f"student edition of the book: {args.html}/index.html")
    print(f"archive for the class: {archive}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
