"""What the documents of the set (Documents B-G) say about the claims of the letter and the note,
and where each document's information came from (``data/corroboration.yml``).

Every quote must be words of the named segment of its document as printed, every claim a row of
``data/claims.csv``, every channel and document named once. Which documents are independent of
which is computed here, never written down: two documents are independent when they draw on no
common channel and neither depends on the other.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal, get_args

from pydantic import Field

from barneskit.corpus import claims, texts
from barneskit.corpus.schema import StrictModel, read_yaml_model, yaml_line
from barneskit.errors import DataError
from barneskit.paths import DATA_DIR

CORROBORATION_PATH = DATA_DIR / "corroboration.yml"

ChannelKind = Literal["soviet-official", "british-official", "press", "party-to-the-case", "us-official"]
#: confirms: the document agrees with the claim; contradicts: it disagrees; leaves-open: it bears
#: on the claim but cannot settle it.
Relation = Literal["confirms", "contradicts", "leaves-open"]
RELATIONS = get_args(Relation)
#: The two layers of the letter's text, named as in data/claims.csv's source_text.
LAYERS = {"letter": "letter_body", "note": None}

ID = r"^[a-z][a-z0-9-]*$"


class Channel(StrictModel):
    id: str = Field(pattern=ID)
    label: str = Field(min_length=3)
    kind: ChannelKind


class Document(StrictModel):
    id: str = Field(pattern=ID)
    letter: str = Field(min_length=1)
    text: str
    relies_on: list[str] = Field(min_length=1)
    evidence: str = Field(min_length=3)
    depends_on: list[str]
    note: str = Field(min_length=10)


class Pair(StrictModel):
    claim: str
    document: str
    segment: str
    relation: Relation
    quote: str = Field(min_length=3)
    explanation: str = Field(min_length=10)


class Corroboration(StrictModel):
    channels: list[Channel] = Field(min_length=1)
    documents: list[Document] = Field(min_length=2)
    pairs: list[Pair] = Field(min_length=1)

    def document(self, doc_id):
        return next(d for d in self.documents if d.id == doc_id)

    def independent(self, a, b):
        """True when documents ``a`` and ``b`` (ids) share no channel and neither depends on the other."""
        da, db = self.document(a), self.document(b)
        return a != b and not set(da.relies_on) & set(db.relies_on) and a not in db.depends_on \
            and b not in da.depends_on

    def independent_of(self, doc_id):
        """The ids of the documents independent of ``doc_id``, in file order."""
        return [d.id for d in self.documents if self.independent(doc_id, d.id)]

    def relations(self, claim_id):
        """``{relation: [document ids]}`` for one claim, every relation present (possibly empty)."""
        found = {relation: [] for relation in RELATIONS}
        for pair in self.pairs:
            if pair.claim == claim_id:
                found[pair.relation].append(pair.document)
        return found


def _segments_of(doc):
    """{segment id: words} of a document of the set; the letter and the note are layers of one text."""
    if doc.id in LAYERS:
        letter = texts.text(doc.text)
        chosen = letter.letter_body if doc.id == "letter" else letter.by_role("note")
        return {seg.id: seg.text for seg in chosen}
    return {seg.id: seg.text for seg in texts.text(doc.text).segments}


@lru_cache(maxsize=4)
def _load(path, mtime):
    path = Path(path)
    data, raw = read_yaml_model(path, Corroboration)

    def fail(loc, problem):
        raise DataError(path, problem, line=yaml_line(raw, loc), field=".".join(str(p) for p in loc))

    channel_ids = [c.id for c in data.channels]
    for i, c in enumerate(data.channels):
        if channel_ids.index(c.id) != i:
            fail(("channels", i, "id"), f"duplicate channel id '{c.id}'")
    doc_ids = [d.id for d in data.documents]
    folders = {folder.name for folder in texts.all_text_folders()}
    segments = {}
    for i, d in enumerate(data.documents):
        if doc_ids.index(d.id) != i:
            fail(("documents", i, "id"), f"duplicate document id '{d.id}'")
        if d.text not in folders:
            fail(("documents", i, "text"), f"no folder texts/{d.text}")
        if d.id not in LAYERS and d.id != d.text:
            fail(("documents", i, "id"), f"the id of a document must be its folder in texts/ ('{d.text}')")
        for j, channel in enumerate(d.relies_on):
            if channel not in channel_ids:
                fail(("documents", i, "relies_on", j), f"unknown channel '{channel}'")
        for j, other in enumerate(d.depends_on):
            if other not in doc_ids:
                fail(("documents", i, "depends_on", j), f"unknown document '{other}'")
        segments[d.id] = _segments_of(d)
        if not any(d.evidence in words for words in segments[d.id].values()):
            fail(("documents", i, "evidence"), f"'{d.evidence}' is not in {d.text} as printed")
    claim_ids = {c.id for c in claims.load_claims()}
    seen = {}
    for i, pair in enumerate(data.pairs):
        if pair.claim not in claim_ids:
            fail(("pairs", i, "claim"), f"'{pair.claim}' is not a claim in data/claims.csv")
        if pair.document not in segments:
            fail(("pairs", i, "document"), f"unknown document '{pair.document}'")
        if pair.segment not in segments[pair.document]:
            fail(("pairs", i, "segment"), f"'{pair.document}' has no segment '{pair.segment}'")
        if pair.quote not in segments[pair.document][pair.segment]:
            fail(("pairs", i, "quote"), f"'{pair.quote}' is not in segment '{pair.segment}' of {pair.document}")
        key = (pair.claim, pair.document)
        if key in seen:
            fail(("pairs", i, "document"), f"a second row for claim '{pair.claim}' and document "
                 f"'{pair.document}' (the first is pair {seen[key]})")
        seen[key] = i
    return data


def load_corroboration(path=CORROBORATION_PATH):
    """The checked corroboration data; a problem raises DataError naming the file, line and field."""
    path = Path(path)
    return _load(str(path), path.stat().st_mtime_ns if path.exists() else None)


def validate_corroboration(path=CORROBORATION_PATH):
    """Checker for :mod:`barneskit.corpus.validate`."""
    load_corroboration(path)
