"""The chain of witnesses of the letter: who holds or printed which copy, and what each derives from.

``data/witnesses.csv`` has one row per witness (schema: :class:`Witness`). ``derived_from`` names
the witness a copy was made from (empty when the source does not say), with ``derivation`` saying
how and ``derivation_status`` how sure we are. ``status`` says how well the witness itself is
attested: confirmed (seen in a source we cite), reported (described by others), probable.
"""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import Field, model_validator

from barneskit.corpus.schema import StrictModel
from barneskit.paths import DATA_DIR
from barneskit.corpus import references
from barneskit.corpus.csvrows import check_unique, read_models
from barneskit.errors import DataError

WITNESSES_PATH = DATA_DIR / "witnesses.csv"


class Witness(StrictModel):

    id: str = Field(pattern=r"^W[0-9]+$")
    label: str = Field(min_length=3)
    kind: Literal["manuscript", "edition", "translation", "transcription", "quotation"]
    language: Literal["Russian", "English"]
    year: int = Field(ge=1933, le=2030)
    year_note: str
    holder: str = Field(min_length=3)
    derived_from: Optional[str] = None
    derivation: Literal["", "printed from", "translated from", "transcribed from", "translated from (probably)"]
    derivation_status: Literal["", "documented", "probable", "unknown"]
    status: Literal["confirmed", "reported", "probable"]
    sources: list[str] = Field(min_length=1)
    note: str

    @model_validator(mode="before")
    @classmethod
    def _empty_is_none(cls, data):
        if isinstance(data, dict) and data.get("derived_from") == "":
            data = {**data, "derived_from": None}
        return data

    @model_validator(mode="after")
    def _derivation_needs_a_parent(self):
        if bool(self.derived_from) != bool(self.derivation):
            raise ValueError("give both derived_from and derivation, or neither")
        if self.derived_from and not self.derivation_status:
            raise ValueError("a derivation needs a derivation_status")
        return self


def validate_witnesses(path=WITNESSES_PATH, bib_path=references.BIB_PATH):
    rows = read_models(path, Witness, list_fields=("sources",))
    check_unique(rows, path)
    known = references.bib_keys(bib_path)
    earlier = set()
    for line, w in rows:
        if w.derived_from and w.derived_from not in earlier:
            raise DataError(path, f"derived_from '{w.derived_from}' must be a witness listed on an earlier row",
                            line=line, field="derived_from")
        references.check_keys(w.sources, known, path, line=line, field="sources")
        earlier.add(w.id)
    return [w for _, w in rows]


def load_witnesses(path=WITNESSES_PATH):
    return validate_witnesses(path)
