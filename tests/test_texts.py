"""The letter and its note are the published text, and their metadata follows its schema."""
import re
import shutil

import pytest
import yaml

from barneskit import DataError
from barneskit.corpus.texts import load_metadata, load_text, sha256_of, text

LETTER = "reply-to-barnes"


def test_letter_matches_its_published_checksum():
    doc = text(LETTER)
    assert sha256_of(doc.folder / doc.metadata.source_file) == doc.metadata.sha256


def test_letter_has_the_expected_segments_in_order():
    doc = text(LETTER)
    assert [s.id for s in doc.segments] == [
        "salutation", "p1", "p2", "p3", "closing", "signature", "publication-line", "n1", "n1-p2"]
    assert doc.segment("salutation").text == "Dear Mr. Barnes,"
    assert doc.segment("signature").text == "J. Stalin"
    assert doc.segment("publication-line").text == doc.metadata.publication_line
    assert doc.segment("n1").text.startswith("1.Metro-Vickers")


def test_place_is_not_stated_and_not_guessed():
    place = text(LETTER).metadata.place
    assert place.stated_in_text is False and place.value is None
    assert "not" in place.note.lower()


@pytest.fixture
def letter_copy(tmp_path):
    src = text(LETTER).folder
    dest = tmp_path / LETTER
    shutil.copytree(src, dest)
    return dest


def test_one_changed_character_is_refused_naming_the_file(letter_copy):
    source = letter_copy / "reply-to-barnes-1933.mia.txt"
    words = source.read_text(encoding="utf-8")
    source.write_text(words.replace("quite groundless", "quite groundles!"), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_text(letter_copy)
    assert "reply-to-barnes-1933.mia.txt" in str(caught.value)
    assert "differs from the published text" in str(caught.value)


@pytest.mark.parametrize("field", ["author", "date", "licence", "credit", "sha256", "transcription"])
def test_missing_required_field_names_file_and_field(letter_copy, field):
    meta = letter_copy / "metadata.yml"
    data = yaml.safe_load(meta.read_text(encoding="utf-8"))
    del data[field]
    meta.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_metadata(meta)
    message = str(caught.value)
    assert "metadata.yml" in message and f"field '{field}'" in message and "missing" in message


def test_wrong_value_names_the_line(letter_copy):
    meta = letter_copy / "metadata.yml"
    lines = meta.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, 1) if line.startswith("date:"))
    lines[number - 1] = "date: the twentieth of March"
    meta.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_metadata(meta)
    assert f"line {number}" in str(caught.value) and "field 'date'" in str(caught.value)


def test_a_guessed_place_is_refused(letter_copy):
    meta = letter_copy / "metadata.yml"
    raw = meta.read_text(encoding="utf-8")
    raw = re.sub(r"place:\n  stated_in_text: false\n", "place:\n  stated_in_text: false\n  value: Moscow\n", raw)
    meta.write_text(raw, encoding="utf-8")
    with pytest.raises(DataError, match="place"):
        load_metadata(meta)


def test_segment_pointing_at_an_empty_line_is_refused(letter_copy):
    meta = letter_copy / "metadata.yml"
    raw = meta.read_text(encoding="utf-8").replace("{id: p1, role: paragraph, line: 16", "{id: p1, role: paragraph, line: 17")
    meta.write_text(raw, encoding="utf-8")
    with pytest.raises(DataError, match="line 17"):
        load_text(letter_copy)


DOCUMENT_SET = ["cable-arrests-1933-03-14", "hansard-1933-03-15", "cable-verdicts-1933-04-18",
                "hansard-1933-04-25", "roosevelt-to-litvinov-1933-11-16", "hansard-1933-07-24"]


@pytest.mark.parametrize("text_id", DOCUMENT_SET)
def test_each_document_of_the_set_matches_its_checksum_and_states_its_rights(text_id):
    doc = text(text_id)
    assert sha256_of(doc.folder / doc.metadata.source_file) == doc.metadata.sha256
    assert doc.metadata.licence.strip() and doc.metadata.transcription.url.startswith("http")
    assert any(e.page or e.column or e.document for e in doc.metadata.editions), "no pinpoint"
    if doc.metadata.excerpt:
        marked = [cut for seg in [None, *[s.id for s in doc.segments]] for cut in doc.omissions_after(seg)]
        assert marked == list(doc.metadata.excerpt.omissions)


def test_an_omission_after_an_unknown_segment_is_refused(tmp_path):
    src = text("hansard-1933-04-25").folder
    dest = tmp_path / "hansard-1933-04-25"
    shutil.copytree(src, dest)
    meta = dest / "metadata.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("after: a-simon-2", "after: a-simon-9"),
                    encoding="utf-8")
    with pytest.raises(DataError, match="a-simon-9"):
        load_text(dest)
