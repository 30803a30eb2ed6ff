"""The Russian wording of the letter beside the English of 1954, phrase by phrase
(``data/letter-russian.yml``; why only phrases are kept, not the full Russian text, is said there).

Each pair's English must be words of its English segment as printed, so the table can always be
traced back to the page; its sources must be in references.bib; a phrase stays a phrase.
"""
from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field

from barneskit.corpus import references, texts
from barneskit.corpus.schema import StrictModel, read_yaml_model, yaml_line
from barneskit.errors import DataError
from barneskit.paths import DATA_DIR

RUSSIAN_PATH = DATA_DIR / "letter-russian.yml"
#: The Russian is quoted, not reproduced: a phrase, not a passage (as in data/renderings.csv).
MAX_WORDS = 16


class Source(StrictModel):
    bibkey: str
    url: str
    edition: str
    page: str
    note_page: str


class SecondCopy(StrictModel):
    bibkey: str
    url: str
    agrees_to: str


class Pair(StrictModel):
    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    segment: str
    english: str = Field(min_length=2)
    russian: str = Field(min_length=2)
    gloss: str = Field(min_length=2)
    differs: str = Field(min_length=3)
    sources: list[str] = Field(min_length=1)


class Rights(StrictModel):
    decision: Literal["reproduce in full", "quote phrases, do not reproduce"]
    reason: str = Field(min_length=40)


class RussianWording(StrictModel):
    rights: Rights
    source: Source
    second_copy: SecondCopy
    verified_to: str
    not_verified: list[str]
    not_verified_note: str
    pairs: list[Pair] = Field(min_length=1)


def load_russian_wording(path=RUSSIAN_PATH):
    """The checked phrase pairs; a problem raises DataError naming the file, line and field."""
    path = Path(path)
    wording, raw = read_yaml_model(path, RussianWording)
    letter = texts.text(texts.LETTER_TEXT_ID)
    segments = {seg.id: seg for seg in letter.segments}
    known = references.bib_keys()
    seen = set()
    for i, pair in enumerate(wording.pairs):
        def fail(field, problem):
            raise DataError(path, problem, line=yaml_line(raw, ("pairs", i, field)), field=f"pairs.{i}.{field}")
        if pair.id in seen:
            fail("id", f"duplicate id '{pair.id}'")
        seen.add(pair.id)
        if pair.segment not in segments:
            fail("segment", f"'{pair.segment}' is not a segment of {texts.LETTER_TEXT_ID}")
        if pair.english not in segments[pair.segment].text:
            fail("english", f"'{pair.english}' is not in segment '{pair.segment}' as printed")
        if len(pair.russian.split()) > MAX_WORDS:  # the English is reproduced in full anyway; the Russian is quoted
            fail("russian", f"more than {MAX_WORDS} words: quote a phrase, not a passage")
        for key in pair.sources:
            if key not in known:
                fail("sources", f"source key '{key}' is not in references.bib")
    for key, field in ((wording.source.bibkey, "source.bibkey"), (wording.source.edition, "source.edition"),
                       (wording.second_copy.bibkey, "second_copy.bibkey")):
        if key not in known:
            raise DataError(path, f"source key '{key}' is not in references.bib",
                            line=yaml_line(raw, tuple(field.split("."))), field=field)
    return wording


def validate_russian_wording(path=RUSSIAN_PATH):
    """Checker for :mod:`barneskit.corpus.validate`."""
    load_russian_wording(path)
