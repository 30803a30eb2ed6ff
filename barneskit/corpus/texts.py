"""Primary texts: load a text's metadata, prove the text is the published one, cut it into cited segments.

Each folder under ``texts/`` holds one document: the source file exactly as published and a
``metadata.yml`` described by :class:`TextMetadata`. The metadata records the source file's
SHA-256, so one changed character stops the build and the tests with the file's name.
"""
from __future__ import annotations

import datetime
import hashlib
from pathlib import Path
from typing import Literal, Optional

from pydantic import BaseModel, Field, model_validator

from barneskit.paths import TEXTS_DIR
from barneskit.errors import DataError
from barneskit.corpus.schema import StrictModel, read_yaml_model



#: The id of the letter itself (its folder in texts/), which the data files annotate.
LETTER_TEXT_ID = "reply-to-barnes"


class Addressee(StrictModel):
    name: str
    identified_as: str
    # A letter names a person whose identity needs arguing; a speech or a cable has an audience.
    name_forms: list[str] = Field(default_factory=list)
    identification_note: Optional[str] = None
    sources: list[str] = Field(default_factory=list)
    #: A remark for the card's "To whom" line, e.g. what the text itself calls the addressee.
    card_note: Optional[str] = None


class Place(StrictModel):
    stated_in_text: bool
    value: Optional[str] = None
    note: str

    @model_validator(mode="after")
    def _value_only_if_stated(self):
        if not self.stated_in_text and self.value:
            raise ValueError("a place that the text does not state must have no value: say so in 'note'")
        return self


class Edition(StrictModel):
    bibkey: str
    language: str
    title: str
    volume: Optional[str] = None
    place: str
    publisher: Optional[str] = None
    year: Optional[int] = None  # None: the year of printing is not confirmed
    # The pinpoint: a page, a column (Hansard) or a document number (FRUS, Papers Past).
    page: Optional[str] = None
    column: Optional[str] = None
    document: Optional[str] = None
    note_number: Optional[str] = None
    note_page: Optional[str] = None
    role: str
    disagreement: Optional[str] = None


class Transcription(StrictModel):
    by: str
    for_: str = Field(alias="for")
    year: Optional[int] = None
    url: str
    #: How the file was made from that copy (OCR kept as it is, line breaks added, ...).
    note: Optional[str] = None


class Omission(StrictModel):
    """A passage of the published document that the file leaves out."""

    after: Optional[str] = None  # id of the segment it follows; None: before the first segment
    what: str = Field(min_length=10)


class Excerpt(StrictModel):
    """The file holds part of a longer document: what the whole is and every cut, in order."""

    of: str = Field(min_length=10)
    omissions: list[Omission] = Field(min_length=1)


class Segment(StrictModel):
    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    role: Literal["salutation", "heading", "speaker", "paragraph", "closing", "signature",
                  "publication-line", "note"]
    line: int = Field(ge=1)
    label: str
    note: Optional[str] = None
    note_marker: Optional[str] = None


class TextMetadata(StrictModel):
    id: str
    title: str
    kind: str
    author: str
    addressee: Addressee
    date: datetime.date
    date_as_printed: str
    #: What the card says after the date, e.g. "as printed under the title".
    date_note: Optional[str] = None
    place: Place
    language_of_original: str
    editions: list[Edition] = Field(min_length=1)
    publication_line: Optional[str] = None
    transcription: Transcription
    licence: str
    credit: str
    #: Set when the file is a marked excerpt of a longer document.
    excerpt: Optional[Excerpt] = None
    source_file: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    segments: list[Segment] = Field(min_length=1)


class TextSegment(BaseModel):
    """One citable piece of a text: its id, its role, its line in the source and its words."""

    id: str
    role: str
    line: int
    label: str
    text: str
    note: Optional[str] = None
    note_marker: Optional[str] = None


class Text(BaseModel):
    metadata: TextMetadata
    folder: Path
    segments: list[TextSegment]

    def segment(self, segment_id):
        for seg in self.segments:
            if seg.id == segment_id:
                return seg
        raise KeyError(f"{self.metadata.id} has no segment '{segment_id}'")

    def by_role(self, *roles):
        return [seg for seg in self.segments if seg.role in roles]

    def omissions_after(self, segment_id):
        """The passages left out right after this segment (``None``: before the first one)."""
        cuts = self.metadata.excerpt.omissions if self.metadata.excerpt else []
        return [cut for cut in cuts if cut.after == segment_id]

    @property
    def letter_body(self):
        """The words of the letter itself, salutation to signature, without the editors' note."""
        return [seg for seg in self.segments if seg.role in ("salutation", "paragraph", "closing", "signature")]


def split_words(text):
    """Words as whitespace-separated pieces: "U.S.S.R." and "Metro-Vickers,1" are one word each."""
    return text.split()


def word_count(text):
    """The module's word count, wherever words are counted (limits in the data, exercises, pages):
    whitespace-separated pieces. The exercises discuss other ways of counting."""
    return len(split_words(text))


def load_metadata(path):
    """Read and validate one ``metadata.yml``; a bad file raises :class:`DataError` naming file, line and field."""
    return read_yaml_model(path, TextMetadata)[0]


def sha256_of(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def load_text(folder):
    """Load a text folder: metadata, checksum check, segments cut from the source by line number."""
    folder = Path(folder)
    meta_path = folder / "metadata.yml"
    if not meta_path.exists():
        raise DataError(meta_path, "missing: every folder under texts/ needs a metadata.yml")
    meta = load_metadata(meta_path)
    source = folder / meta.source_file
    if not source.exists():
        raise DataError(meta_path, f"source file '{meta.source_file}' does not exist", field="source_file")
    digest = sha256_of(source)
    if digest != meta.sha256:
        raise DataError(
            source,
            "the text differs from the published text (SHA-256 "
            f"{digest[:12]}... expected {meta.sha256[:12]}...). Restore the file from the source "
            "named in metadata.yml; primary texts are never edited.",
        )
    lines = source.read_text(encoding="utf-8").split("\n")
    segments = []
    seen = set()
    for index, seg in enumerate(meta.segments):
        field = f"segments.{index}"
        if seg.id in seen:
            raise DataError(meta_path, f"duplicate segment id '{seg.id}'", field=field + ".id")
        seen.add(seg.id)
        if seg.line > len(lines) or not lines[seg.line - 1].strip():
            raise DataError(meta_path, f"segment '{seg.id}' points at line {seg.line} of "
                            f"{meta.source_file}, which is empty or missing", field=field + ".line")
        text = lines[seg.line - 1]
        if seg.note_marker and seg.note_marker not in text:
            raise DataError(meta_path, f"note marker '{seg.note_marker}' not found in segment '{seg.id}'",
                            field=field + ".note_marker")
        segments.append(TextSegment(text=text, **seg.model_dump()))
    if meta.excerpt:
        for index, cut in enumerate(meta.excerpt.omissions):
            if cut.after is not None and cut.after not in seen:
                raise DataError(meta_path, f"omission after unknown segment '{cut.after}'",
                                field=f"excerpt.omissions.{index}.after")
    return Text(metadata=meta, folder=folder, segments=segments)


def text(text_id):
    """The text with this id (its folder name under ``texts/``), checked against its checksum."""
    return load_text(TEXTS_DIR / text_id)


def all_text_folders(texts_dir=TEXTS_DIR):
    return sorted(p for p in Path(texts_dir).iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


def validate_all_texts(texts_dir=TEXTS_DIR):
    """Load every text; the first problem raises :class:`DataError`. Returns the texts."""
    return [load_text(folder) for folder in all_text_folders(texts_dir)]
