"""The book builds with zero warnings; the letter page shows the letter verbatim; bad input stops the build."""
from bs4 import BeautifulSoup

from barneskit.outputs.build import build
from barneskit.corpus.texts import text


def test_book_builds_without_warnings(built_book):
    assert built_book["code"] == 0, built_book["output"][-3000:]
    assert built_book["warnings"] == []


def page_text(html_path):
    soup = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
    return soup.find("main") or soup


def test_letter_page_has_every_segment_verbatim(built_book):
    main = page_text(built_book["html"] / "chapters" / "letter.html")
    doc = text("reply-to-barnes")
    for seg in doc.segments:
        node = main.find(id=f"letter-{seg.id}")
        assert node is not None, f"no element with id letter-{seg.id}"
        words = node.find(class_="seg-text").get_text()
        assert words == seg.text, f"{seg.id} differs on the page:\n{words!r}\n{seg.text!r}"


def test_note_marker_links_to_the_note_and_back(built_book):
    main = page_text(built_book["html"] / "chapters" / "letter.html")
    marker = main.find(id="letter-p3").find("a", class_="note-ref")
    assert marker["href"] == "#letter-n1" and marker.get_text() == "1"
    back = main.find(id="letter-n1").find("a", class_="note-back")
    assert back["href"] == "#letter-p3"


def test_letter_page_credits_the_transcription(built_book):
    words = page_text(built_book["html"] / "chapters" / "letter.html").get_text(" ")
    assert "Marxists Internet Archive" in words and "Salil Sen" in words
    assert "Published for the first time" in words
    assert "not stated" in words  # the place, in the before-you-read card


def test_an_edited_letter_stops_the_build_naming_the_file_even_after_a_good_build(repo_copy):
    """The build skips validation while no source file changed; an edit must bring it back."""
    (repo_copy / "index.md").write_text("(dd-index)=\n# Trial book\n", encoding="utf-8")
    (repo_copy / "_toc.yml").write_text("format: jb-book\nroot: index\n", encoding="utf-8")
    code, output, warnings = build(echo=False, root=repo_copy)
    assert code == 0 and warnings == [], output[-3000:]

    source = repo_copy / "texts" / "reply-to-barnes" / "reply-to-barnes-1933.mia.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("Britishers", "Britons"), encoding="utf-8")
    code, output, _ = build(echo=False, root=repo_copy)
    assert code != 0
    assert "Bad input file" in output and "reply-to-barnes-1933.mia.txt" in output
