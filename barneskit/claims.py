"""Claims made by the letter and by its 1954 editorial note, each checked against the record.

``data/claims.csv`` holds one claim per row (schema: :class:`Claim`). ``quote`` is a short exact
phrase of the text segment the claim comes from, so the table can always be traced back to the
words on the page; ``evidence`` lists works in ``references.bib``; ``events`` lists ids of dated
events in ``data/events.csv`` (checked whenever that file and ``barneskit.events`` exist).
"""
from __future__ import annotations

import datetime
import html
import re
from typing import Literal

from pydantic import Field

from barneskit.schema import StrictModel
from barneskit import ROOT, references, texts
from barneskit.csvrows import check_unique, read_models
from barneskit.errors import DataError

CLAIMS_PATH = ROOT / "data" / "claims.csv"
EVENTS_PATH = ROOT / "data" / "events.csv"
TEXT_ID = "reply-to-barnes"

#: Which segment roles belong to which layer: the editors' source line is their voice, not Stalin's.
ROLES = {
    "letter": ("salutation", "paragraph", "closing", "signature"),
    "note": ("note", "publication-line"),
}

Verdict = Literal["consistent", "discrepancy-to-explain", "contested", "not-verifiable"]
VERDICTS = ("consistent", "discrepancy-to-explain", "contested", "not-verifiable")


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
    """Ids in data/events.csv, or None while that file or its loader is not (yet) in the repository."""
    if not events_path.exists():
        return None
    try:
        from barneskit import events  # written by the events helper; absent on some branches
    except ImportError:
        return None
    return set(events.events_by_id())


def check_claims(path=CLAIMS_PATH, bib_path=references.BIB_PATH, events_path=EVENTS_PATH):
    """Schema, then every cross-reference: segment, quote in segment, bib keys, event ids."""
    rows = read_claims(path)
    doc = texts.text(TEXT_ID)
    known = references.bib_keys(bib_path)
    event_ids = known_event_ids(events_path)
    for line, claim in rows:
        try:
            seg = doc.segment(claim.segment)
        except KeyError:
            raise DataError(path, f"'{claim.segment}' is not a segment of {TEXT_ID}", line=line, field="segment") from None
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
    return check_claims(path)


def short_citation(key, _cache={}):
    """'Morrell 1995' for the key 'morrell1995': the first author's (or editor's) surname and the year."""
    if not _cache:
        from pybtex.database import parse_file

        for k, entry in parse_file(str(references.BIB_PATH), bib_format="bibtex").entries.items():
            people = entry.persons.get("author") or entry.persons.get("editor") or []
            if people:
                name = " ".join(people[0].last_names) or str(people[0])
                name = name.strip("{}")
            else:
                name = entry.fields.get("howpublished", k)
            dated = re.search(r"(\d{4})(\d{2})(\d{2})[a-z]?$", k)  # newspapers and debates: key ends in a date
            if dated:
                when = datetime.date(*map(int, dated.groups()))
                _cache[k] = f"{name}, {when.day} {when:%b} {when.year}"
            else:
                _cache[k] = f"{name} {entry.fields.get('year', 'n.d.')}".strip()
    return _cache.get(key, key)


def claims_table_html(claims=None):
    """An accessible HTML table of the claims (for a remove-input code cell), four columns wide."""
    claims = load_claims() if claims is None else claims
    labels = {seg.id: seg.label for seg in texts.text(TEXT_ID).segments}
    head = ("Words in the text", "The claim, and our reading", "Kind and verdict", "Evidence")
    out = ['<div class="table-scroll" role="region" aria-label="Claims table" tabindex="0">',
           '<table class="claims-table">',
           "<caption>Claims of the letter and of the 1954 note, checked against the record "
           "(computed from data/claims.csv)</caption>",
           "<thead><tr>" + "".join(f'<th scope="col">{h}</th>' for h in head) + "</tr></thead><tbody>"]
    for c in claims:
        layer = "Letter, 1933" if c.source_text == "letter" else "Editors, 1951/1954"
        evidence = "; ".join(short_citation(k) for k in c.evidence)
        if c.events:
            evidence += ". Events: " + ", ".join(c.events)
        cells = [
            f'<th scope="row">“{html.escape(c.quote)}”<br><small>{layer}: {html.escape(labels[c.segment])}</small></th>',
            f"<td><strong>{html.escape(c.claim)}</strong> {html.escape(c.explanation)}</td>",
            f'<td>{c.kind}<br><span class="verdict verdict-{c.verdict}">{c.verdict.replace("-", " ")}</span></td>',
            f"<td><small>{html.escape(evidence)}</small></td>",
        ]
        out.append(f'<tr id="claim-{c.id}">' + "".join(cells) + "</tr>")
    out.append("</tbody></table></div>")
    return "\n".join(out)
