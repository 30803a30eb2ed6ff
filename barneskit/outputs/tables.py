"""HTML tables of the data for the pages (each the text alternative of a figure or a view of a
data file), accessible: a caption, header cells with scope, a scrollable region with a name."""
from __future__ import annotations

import html

from barneskit.corpus import texts
from barneskit.corpus.claims import load_claims
from barneskit.corpus.references import short_citation
from barneskit.corpus.renderings import load_renderings
from barneskit.corpus.russian_wording import load_russian_wording
from barneskit.corpus.witnesses import load_witnesses


def _table(label, css_class, caption, headers, rows):
    """The one shape of every table here: a named, focusable scrolling region around a table with a
    caption and column headers. ``rows`` are finished ``<tr>`` elements."""
    head = "".join(f'<th scope="col">{h}</th>' for h in headers)
    return "\n".join([f'<div class="table-scroll" role="region" aria-label="{label}" tabindex="0">',
                      f'<table class="{css_class}">', f"<caption>{caption}</caption>",
                      f"<thead><tr>{head}</tr></thead><tbody>", *rows, "</tbody></table></div>"])


def claims_table_html(claims=None):
    """An accessible HTML table of the claims (for a remove-input code cell), four columns wide."""
    claims = load_claims() if claims is None else claims
    labels = {seg.id: seg.label for seg in texts.text(texts.LETTER_TEXT_ID).segments}
    rows = []
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
        rows.append(f'<tr id="claim-{c.id}">' + "".join(cells) + "</tr>")
    return _table("Claims table", "claims-table", "Claims of the letter and of the 1954 note, checked against the "
                  "record (computed from data/claims.csv)",
                  ("Words in the text", "The claim, and our reading", "Kind and verdict", "Evidence"), rows)


def renderings_table_html(rows=None):
    """An accessible HTML table of the phrase pairs (for a hide-input code cell)."""
    rows = load_renderings() if rows is None else rows
    out = []
    for r in rows:
        other = f"“{html.escape(r.other_phrase)}”" if r.other_phrase else "<em>not in the quoted passage</em>"
        russian = f'<span lang="ru">{html.escape(r.russian_phrase)}</span>' if r.russian_phrase else "—"
        out.append(f'<tr><th scope="row">{html.escape(r.passage)} ({r.segment})</th>'
                   f"<td>“{html.escape(r.works_phrase)}”</td><td>{other}</td><td>{russian}</td>"
                   f"<td>{html.escape(r.difference)}</td></tr>")
    return _table("renderings table", "renderings-table", "The 1954 <em>Works</em> and the other English rendering, "
                  "phrase by phrase (data/renderings.csv)",
                  ("Passage", "Works 1954", "Other rendering (Spartacus)", "Russian 1951", "What differs"), out)


def witnesses_table_html(witnesses=None):
    """The chain as a table: the text alternative to the diagram."""
    witnesses = load_witnesses() if witnesses is None else witnesses
    out = []
    for w in witnesses:
        year = f"{w.year} ({html.escape(w.year_note)})" if w.year_note else str(w.year)
        made = f"{w.derivation} {w.derived_from} ({w.derivation_status})" if w.derived_from else "not stated"
        out.append(f'<tr><th scope="row">{w.id}: {html.escape(w.label)}</th><td>{year}</td><td>{w.language}</td>'
                   f"<td>{html.escape(w.holder)}</td><td>{made}</td><td>{w.status}</td>"
                   f"<td>{html.escape(w.note)}</td></tr>")
    return _table("witnesses table", "witnesses-table", "The witnesses of the letter, in order of date "
                  "(data/witnesses.csv)", ("Witness", "Year", "Language", "Where", "Made from", "Attested", "Note"), out)


def russian_wording_html(segment_id, wording=None, with_english=True, id_prefix="oe-ru-"):
    """One paragraph of the letter in English (unless ``with_english`` is false), then a table of its
    phrases beside the Russian of 1951."""
    wording = load_russian_wording() if wording is None else wording
    seg = texts.text(texts.LETTER_TEXT_ID).segment(segment_id)
    label = html.escape(seg.label)
    out = [f'<p class="oe-english"><strong>{label}, English, 1954:</strong> {html.escape(seg.text)}</p>'] \
        if with_english else []
    rows = []
    for p in wording.pairs:
        if p.segment == segment_id:
            rows.append(f'<tr id="{id_prefix}{p.id}"><th scope="row"><q>{html.escape(p.english)}</q></th>'
                       f'<td><q lang="ru">{html.escape(p.russian)}</q></td>'
                       f"<td>{html.escape(p.gloss)}</td><td>{html.escape(p.differs)}</td></tr>")
    out.append(_table(f"Russian wording of {label}", "claims-table", f"{label}: the English of 1954 beside the "
                      "Russian of 1951 (computed from data/letter-russian.yml)",
                      ("English as printed (1954)", "Russian as printed (1951)", "Literal gloss (ours)",
                       "What differs"), rows))
    return "\n".join(out)
