"""Two English renderings of the letter compared on short phrases: the 1954 Works and another one.

``data/renderings.csv`` pairs a short phrase of the *Works* text (checked to occur in the named
letter segment) with the corresponding phrase of the other English rendering, which Spartacus
Educational quotes without naming its source (probably Lyons 1937; not confirmed). An empty
``other_phrase`` means the other rendering leaves the passage out. Only short phrases are kept:
the other rendering is not reproduced in full.
"""
from __future__ import annotations

from pydantic import Field

from barneskit.corpus.schema import StrictModel
from barneskit.paths import DATA_DIR
from barneskit.corpus.texts import LETTER_TEXT_ID
from barneskit.corpus import references, texts
from barneskit.corpus.csvrows import check_unique, read_models
from barneskit.errors import DataError

RENDERINGS_PATH = DATA_DIR / "renderings.csv"
MAX_WORDS = 16  # a phrase, not a passage: keeps quotation of the other rendering brief


class Rendering(StrictModel):

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    passage: str = Field(min_length=3)
    segment: str
    works_phrase: str = Field(min_length=2)
    other_phrase: str
    russian_phrase: str
    difference: str = Field(min_length=10)
    sources: list[str] = Field(min_length=1)


def validate_renderings(path=RENDERINGS_PATH, bib_path=references.BIB_PATH):
    rows = read_models(path, Rendering, list_fields=("sources",))
    check_unique(rows, path)
    doc = texts.text(LETTER_TEXT_ID)
    known = references.bib_keys(bib_path)
    for line, row in rows:
        try:
            seg = doc.segment(row.segment)
        except KeyError:
            raise DataError(path, f"'{row.segment}' is not a segment of {LETTER_TEXT_ID}", line=line, field="segment") from None
        if row.works_phrase not in seg.text:
            raise DataError(path, f"{row.works_phrase!r} does not occur in segment '{seg.id}'",
                            line=line, field="works_phrase")
        for field in ("works_phrase", "other_phrase", "russian_phrase"):
            if len(getattr(row, field).split()) > MAX_WORDS:
                raise DataError(path, f"more than {MAX_WORDS} words: quote a phrase, not a passage",
                                line=line, field=field)
        references.check_keys(row.sources, known, path, line=line, field="sources")
    return [row for _, row in rows]


def load_renderings(path=RENDERINGS_PATH):
    return validate_renderings(path)
