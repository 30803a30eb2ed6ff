"""Claims made by the letter and by its 1954 editorial note, each checked against the record.

``data/claims.csv`` holds one claim per row (schema: :class:`Claim`). ``quote`` is a short exact
phrase of the text segment the claim comes from, so the table can always be traced back to the
words on the page; ``evidence`` lists works in ``references.bib``; ``events`` lists ids of dated
events in ``data/events.csv`` (checked whenever that file and ``barneskit.corpus.events`` exist).
"""
from __future__ import annotations

from typing import Literal, get_args

from pydantic import Field

from barneskit.corpus.schema import StrictModel
from barneskit.paths import DATA_DIR
from barneskit.corpus.texts import LETTER_TEXT_ID
from barneskit.corpus import events, references, texts
from barneskit.corpus.events import EVENTS_PATH
from barneskit.corpus.csvrows import check_unique, read_models
from barneskit.errors import DataError

CLAIMS_PATH = DATA_DIR / "claims.csv"

#: Which segment roles belong to which layer: the editors' source line is their voice, not Stalin's.
ROLES = {
    "letter": ("salutation", "paragraph", "closing", "signature"),
    "note": ("note", "publication-line"),
}

#: consistent: the evidence agrees; discrepancy-to-explain: it differs in a way that needs explaining;
#: contested: the sources disagree on the substance; unsupported: only the text (or the court it
#: reports) asserts it, and no independent source supports it; not-verifiable: our sources cannot test it.
Verdict = Literal["consistent", "discrepancy-to-explain", "contested", "unsupported", "not-verifiable"]
VERDICTS = get_args(Verdict)


class Claim(StrictModel):

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    source_text: Literal["letter", "note"]
    segment: str = Field(min_length=1)
    quote: str = Field(min_length=3)
    claim: str = Field(min_length=10)
    kind: Literal["date", "fact", "verdict"]
    verdict: Verdict
    evidence: list[str] = Field(min_length=1)
    events: list[str]
    explanation: str = Field(min_length=10)


def read_claims(path=CLAIMS_PATH):
    """Rows of the claims file as ``(line, Claim)``; only the file's own schema is checked here."""
    rows = read_models(path, Claim, list_fields=("evidence", "events"))
    check_unique(rows, path)
    return rows


def known_event_ids(events_path=EVENTS_PATH):
    """Ids in data/events.csv."""
    return set(events.events_by_id(events_path))


def validate_claims(path=CLAIMS_PATH, bib_path=references.BIB_PATH, events_path=EVENTS_PATH):
    """Schema, then every cross-reference: segment, quote in segment, bib keys, event ids."""
    rows = read_claims(path)
    doc = texts.text(LETTER_TEXT_ID)
    known = references.bib_keys(bib_path)
    event_ids = known_event_ids(events_path)
    for line, claim in rows:
        try:
            seg = doc.segment(claim.segment)
        except KeyError:
            raise DataError(path, f"'{claim.segment}' is not a segment of {LETTER_TEXT_ID}", line=line, field="segment") from None
        if seg.role not in ROLES[claim.source_text]:
            raise DataError(path, f"segment '{seg.id}' is part of the {seg.role}, not of the {claim.source_text}",
                            line=line, field="source_text")
        if claim.quote not in seg.text:
            raise DataError(path, f"the quote {claim.quote!r} does not occur in segment '{seg.id}'",
                            line=line, field="quote")
        references.check_keys(claim.evidence, known, path, line=line, field="evidence")
        if event_ids is not None:
            for event_id in claim.events:
                if event_id not in event_ids:
                    raise DataError(path, f"event id '{event_id}' is not in data/events.csv", line=line, field="events")
    return [claim for _, claim in rows]


def load_claims(path=CLAIMS_PATH):
    """The checked claims, in file order."""
    return validate_claims(path)
