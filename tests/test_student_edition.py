"""The student edition holds nothing of the teacher's; the teacher edition says what it is.

The proof is a search that can fail: every sentence that occurs only on teacher pages of the
teacher edition, and every solution line, is looked for in every student output (the HTML, the
search index, the `_sources` files, the notebooks, the PDFs, the archive and every file inside
the wheel in it), and the same search run on the teacher edition finds them.
"""
import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from barneskit.paths import ROOT
from barneskit.corpus.toc import toc_order
from barneskit.outputs import student
from barneskit.outputs.handouts import pdf_text

SHEETS = student.student_sheet_pages()
TEACHER_ONLY_PAGES = [d for d in toc_order() if d.startswith("teacher/") and d not in SHEETS]
SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?=[A-Z\"“(‘])")


def words(text):
    """Lower-case words only, one space apart: markup, quotes and line wraps do not matter. A blank
    (``...``) stays a word of its own, so ``len(...)`` never reads as ``len(words)``."""
    return " ".join(re.findall(r"\w+", re.sub(r"\.\.\.|…", " ellipsis ", text.lower())))


def main_text(html_path):
    soup = BeautifulSoup(Path(html_path).read_text(encoding="utf-8"), "html.parser")
    return (soup.find("article") or soup.find("main") or soup).get_text(" ")


def sentences(text, min_words=6):
    found = set()
    for part in SENTENCE_END.split(" ".join(text.split())):
        w = words(part)
        if len(w.split()) >= min_words:
            found.add(w)
    return found


@pytest.fixture(scope="session")
def teacher_only_sentences(built_book):
    """Sentences on the teacher-only pages of the teacher edition that no other page has."""
    html = built_book["html"]
    assert built_book["code"] == 0, built_book["output"][-2000:]
    on_teacher = set().union(*(sentences(main_text(html / f"{d}.html")) for d in TEACHER_ONLY_PAGES))
    elsewhere = " ".join(words(main_text(html / f"{d}.html")) for d in toc_order() if d not in TEACHER_ONLY_PAGES)
    return {s for s in on_teacher if s not in elsewhere}


def solution_lines(prose_only=False):
    """Lines found only in the exercise pages' solution blocks, as word streams of 3 words or more.

    A line that is also outside the solutions (in a scaffold, a hint, another page or a primary
    text the solution quotes) is not a solution's own line."""
    elsewhere = [(ROOT / f"{d}.md").read_text(encoding="utf-8") for d in toc_order()
                 if not d.startswith("exercises/") and (ROOT / f"{d}.md").exists()]
    elsewhere += [p.read_text(encoding="utf-8") for p in (ROOT / "texts").rglob("*.txt")]
    elsewhere = words(" ".join(elsewhere))
    found = set()
    for page in student.exercise_sets():
        source = page.read_text(encoding="utf-8")
        outside = words(student.strip_solutions(source, page)) + " " + elsewhere
        for block in student.solution_blocks(source, page):
            in_code = False
            for line in block.splitlines():
                line = line.strip()
                if line.startswith("```"):
                    in_code = line.startswith("```{code-cell")
                if prose_only and in_code:
                    continue
                w = words(line)
                if (len(line) >= 12 and len(w.split()) >= 3 and not line.startswith(("```", ":::", "{", ":"))
                        and f" {w} " not in f" {outside} "):
                    found.add(w)
    return found


def file_texts(path, name=None):
    """(name, text) for a file, and for every member of a .zip or .whl inside it, recursively."""
    path = Path(path)
    name = name or str(path)
    suffix = path.suffix.lower()
    if suffix in (".zip", ".whl"):
        with zipfile.ZipFile(path) as zf:
            for member in zf.namelist():
                yield from member_texts(zf, member, f"{name}!{member}")
        return
    yield from text_of(name, path.read_bytes())


def member_texts(zf, member, name):
    data = zf.read(member)
    if member.endswith((".zip", ".whl")):
        import io
        with zipfile.ZipFile(io.BytesIO(data)) as inner:
            for m in inner.namelist():
                yield from member_texts(inner, m, f"{name}!{m}")
    else:
        yield from text_of(name, data)


def text_of(name, data):
    if name.endswith(".pdf"):
        import tempfile
        with tempfile.NamedTemporaryFile(suffix=".pdf") as tmp:
            tmp.write(data)
            tmp.flush()
            yield name, pdf_text(tmp.name)
        return
    if name.endswith((".png", ".jpg", ".ico", ".woff", ".woff2", ".ttf", ".eot", ".inv", ".pickle")):
        return
    text = data.decode("utf-8", errors="replace")
    if name.endswith(".html"):
        text = text + " " + BeautifulSoup(text, "html.parser").get_text(" ")
    elif name.endswith(".ipynb"):
        nb = json.loads(text)
        text = text + " " + " ".join("".join(c.get("source", "")) for c in nb.get("cells", []))
    yield name, text


def corpus(*roots):
    """{name: word stream} of every file under the given folders and files."""
    out = {}
    for root in roots:
        root = Path(root)
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for f in files:
            for name, text in file_texts(f):
                out[name] = f" {words(text)} "
    return out


def found_in(needles, texts):
    """{needle: first file that holds it}."""
    hits = {}
    for needle in needles:
        for name, text in texts.items():
            if f" {needle} " in text:
                hits[needle] = name
                break
    return hits


#: The one kind of file a student output holds that is searched apart: the package's code in the
#: wheel (barneskit/**/*.py). A check computes its answer key from the texts and data when it runs,
#: so its code can say what a solution's code says (``"date": meta.date``); that is the module a
#: student installs to be checked at all. The same holds for the one data file the checks judge by,
#: data/answer-policy.yml (the forms of an answer they accept), whose rules the teacher part also
#: shows. test_package_code_holds_no_teacher_prose below bounds the exception: no line of a
#: solution's prose may be in any of them, and no teacher-only sentence in the code.
KEY_CODE = re.compile(r"\.whl!barneskit/([a-z_/]+\.py|_data/data/answer-policy\.yml)$")


@pytest.fixture(scope="session")
def all_student_outputs(student_edition):
    return corpus(student_edition["html"], student_edition["notebooks"], student_edition["handouts"],
                  student_edition["archive"])


@pytest.fixture(scope="session")
def student_outputs(all_student_outputs):
    return {k: v for k, v in all_student_outputs.items() if not KEY_CODE.search(k)}


def test_there_are_teacher_only_pages_and_sentences(teacher_only_sentences):
    assert "teacher/assessment" in TEACHER_ONLY_PAGES and "teacher/guide" in TEACHER_ONLY_PAGES
    assert len(teacher_only_sentences) >= 50, len(teacher_only_sentences)


def test_no_teacher_only_sentence_in_any_student_output(teacher_only_sentences, student_outputs, built_book):
    # The search can fail: on the teacher edition's files it finds every sentence.
    teacher = corpus(built_book["html"])
    assert len(found_in(teacher_only_sentences, teacher)) == len(teacher_only_sentences)
    in_sources = found_in(teacher_only_sentences, {k: v for k, v in teacher.items() if "/_sources/" in k})
    # Many are written in the teacher pages' MyST (the rest come from data/, through directives).
    assert len(in_sources) >= len(teacher_only_sentences) / 5, "the search misses the teacher's _sources files"
    leaked = found_in(teacher_only_sentences, student_outputs)
    assert not leaked, "teacher-only sentences in the student edition:\n" + "\n".join(
        f"{where}: {s[:90]}" for s, where in list(leaked.items())[:8])


def test_no_solution_line_in_any_student_output(student_outputs, built_book):
    lines = solution_lines()
    assert len(lines) >= 10, lines
    shown = found_in(lines, corpus(built_book["html"]))
    assert len(shown) >= len(lines) * 0.9, sorted(lines - set(shown))[:5]
    leaked = found_in(lines, student_outputs)
    assert not leaked, "solution lines in the student edition:\n" + "\n".join(
        f"{where}: {s[:90]}" for s, where in list(leaked.items())[:8])


def search_index(html):
    text = (Path(html) / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1:text.rindex(")")])


def test_the_student_search_index_knows_no_teacher_page(student_html, built_book):
    teacher, pupil = search_index(built_book["html"]), search_index(student_html)
    teacher_docs = {i for i, d in enumerate(teacher["docnames"]) if d in TEACHER_ONLY_PAGES}
    assert len(teacher_docs) == len(TEACHER_ONLY_PAGES)
    assert not [d for d in pupil["docnames"] if d.startswith("teacher/")]
    titles = {teacher["titles"][i] for i in teacher_docs}
    assert not titles & set(pupil["titles"]), titles & set(pupil["titles"])

    def docs(entry):
        return {entry} if isinstance(entry, int) else set(entry)
    only_teacher = {t for t, d in teacher["terms"].items() if docs(d) <= teacher_docs}
    assert len(only_teacher) >= 20, "the teacher pages have no words of their own to look for"
    # The student landing page is the one page the teacher edition lacks; its words are the student's.
    landing = pupil["docnames"].index("intro")
    leaked = sorted(t for t in only_teacher & set(pupil["terms"]) if docs(pupil["terms"][t]) - {landing})
    assert not leaked, leaked[:20]


def test_the_student_site_has_no_teacher_file_or_link(student_html):
    assert not (student_html / "teacher").exists()
    assert not (student_html / "_sources" / "teacher").exists()
    for page in student_html.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        hrefs = [a.get("href", "") for a in soup.find_all("a")]
        assert not [h for h in hrefs if re.search(r"(^|/)teacher/", h)], page
        assert "Teacher edition:" not in soup.get_text()
    sheets = [d for d in toc_order() if d.startswith("sheets/")] + [student.student_html_page(s) for s in SHEETS]
    assert sheets and all((student_html / f"{d}.html").exists() for d in sheets)


def test_the_teacher_edition_says_so_on_every_page(built_book):
    pages = [built_book["html"] / f"{d}.html" for d in toc_order()] + [built_book["html"] / "search.html"]
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        line = soup.select_one("aside.bd-header-announcement")
        assert line is not None and "Teacher edition: contains solutions and answer keys" in line.get_text(), page


def test_the_student_landing_page_speaks_to_students(student_html):
    soup = BeautifulSoup((student_html / "intro.html").read_text(encoding="utf-8"), "html.parser")
    text = " ".join(soup.find("main").get_text(" ").split())
    assert "This is the student edition of the module" in text
    assert "Where to start" in text and "Doing the exercises" in text


def test_the_archive_holds_site_notebooks_handouts_wheel_and_readme(student_edition):
    with zipfile.ZipFile(student_edition["archive"]) as zf:
        names = set(zf.namelist())
    top = student.ARCHIVE_FOLDER
    assert f"{top}/README.txt" in names and f"{top}/site/index.html" in names
    assert f"{top}/notebooks/{student.WHEEL_NAME}" in names
    for page in student.exercise_sets():
        assert f"{top}/notebooks/{page.stem}.ipynb" in names
        assert f"{top}/site/exercises/{page.stem}.html" in names
    pdfs = {n.split("/")[-1] for n in names if n.startswith(f"{top}/handouts/")}
    assert pdfs == {f"{h.name}.pdf" for h in student._student_handouts()} | {"exercises.pdf"}
    assert len(pdfs) >= 3
    assert not [n for n in names if "/teacher/" in n or n.endswith("teacher-guide.pdf")]
    assert all(n.startswith(f"{top}/") for n in names)


def test_the_wheel_carries_the_data_but_not_the_session_plans(student_edition):
    with zipfile.ZipFile(student_edition["notebooks"] / student.WHEEL_NAME) as zf:
        names = set(zf.namelist())
    assert "barneskit/_data/references.bib" in names
    assert "barneskit/_data/texts/reply-to-barnes/metadata.yml" in names
    assert "barneskit/_data/data/events.csv" in names
    assert "barneskit/_data/data/sessions.yml" not in names
    assert "barneskit/exercises/sourcing_and_counting.py" in names


def test_every_student_notebook_opens_with_the_set_up_cell_for_the_standard_kernel(student_edition):
    import nbformat
    for path in sorted(student_edition["notebooks"].glob("*.ipynb")):
        nb = nbformat.read(str(path), as_version=4)
        assert nb.metadata["kernelspec"]["name"] == "python3"
        first_code = next(c for c in nb.cells if c.cell_type == "code")
        assert first_code.source == student.SETUP_CELL, path.name


def test_a_page_marked_for_students_that_does_not_exist_is_one_clear_message(tmp_path, monkeypatch):
    monkeypatch.setattr(student, "STUDENT_COMPANION_PAGES", ("teacher/no-such-sheet",))
    with pytest.raises(Exception) as info:
        student.student_sources(tmp_path / "copy")
    assert "teacher/no-such-sheet.md" in str(info.value) and "marked for students" in str(info.value)


def test_git_is_there_for_publishing():
    assert subprocess.run(["git", "--version"], stdout=subprocess.PIPE).returncode == 0
    assert (ROOT / "binder" / "requirements.txt").exists()


def test_package_code_holds_no_teacher_prose(all_student_outputs, student_outputs, teacher_only_sentences):
    key_code = {k: v for k, v in all_student_outputs.items() if KEY_CODE.search(k)}
    assert len(key_code) >= 2 * len(student.exercise_sets()), "the wheel's check modules were not searched"
    assert len(student_outputs) > 200
    # Nothing but solution code can be there: no teacher sentence, no model answer in prose.
    lines = solution_lines(prose_only=True)
    assert len(lines) >= 10
    assert not found_in(lines, key_code), found_in(lines, key_code)
    code = {k: v for k, v in key_code.items() if k.endswith(".py")}
    assert not found_in(teacher_only_sentences, code)
