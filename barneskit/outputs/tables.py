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


def claims_table_html(claims=None):
    """An accessible HTML table of the claims (for a remove-input code cell), four columns wide."""
    claims = load_claims() if claims is None else claims
    labels = {seg.id: seg.label for seg in texts.text(texts.LETTER_TEXT_ID).segments}
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


def renderings_table_html(rows=None):
    """An accessible HTML table of the phrase pairs (for a hide-input code cell)."""
    rows = load_renderings() if rows is None else rows
    out = ['<div class="table-scroll" role="region" aria-label="renderings table" tabindex="0">',
           '<table class="renderings-table">',
           "<caption>The 1954 <em>Works</em> and the other English rendering, phrase by phrase "
           "(data/renderings.csv)</caption>",
           '<thead><tr><th scope="col">Passage</th><th scope="col">Works 1954</th>'
           '<th scope="col">Other rendering (Spartacus)</th><th scope="col">Russian 1951</th>'
           '<th scope="col">What differs</th></tr></thead><tbody>']
    for r in rows:
        other = f"“{html.escape(r.other_phrase)}”" if r.other_phrase else "<em>not in the quoted passage</em>"
        russian = f'<span lang="ru">{html.escape(r.russian_phrase)}</span>' if r.russian_phrase else "—"
        out.append(f'<tr><th scope="row">{html.escape(r.passage)} ({r.segment})</th>'
                   f"<td>“{html.escape(r.works_phrase)}”</td><td>{other}</td><td>{russian}</td>"
                   f"<td>{html.escape(r.difference)}</td></tr>")
    out.append("</tbody></table></div>")
    return "\n".join(out)


def witnesses_table_html(witnesses=None):
    """The chain as a table: the text alternative to the diagram."""
    witnesses = load_witnesses() if witnesses is None else witnesses
    out = ['<div class="table-scroll" role="region" aria-label="witnesses table" tabindex="0">',
           '<table class="witnesses-table">',
           "<caption>The witnesses of the letter, in order of date (data/witnesses.csv)</caption>",
           '<thead><tr><th scope="col">Witness</th><th scope="col">Year</th><th scope="col">Language</th>'
           '<th scope="col">Where</th><th scope="col">Made from</th><th scope="col">Attested</th>'
           '<th scope="col">Note</th></tr></thead><tbody>']
    for w in witnesses:
        year = f"{w.year} ({html.escape(w.year_note)})" if w.year_note else str(w.year)
        made = f"{w.derivation} {w.derived_from} ({w.derivation_status})" if w.derived_from else "not stated"
        out.append(f'<tr><th scope="row">{w.id}: {html.escape(w.label)}</th><td>{year}</td><td>{w.language}</td>'
                   f"<td>{html.escape(w.holder)}</td><td>{made}</td><td>{w.status}</td>"
                   f"<td>{html.escape(w.note)}</td></tr>")
    out.append("</tbody></table></div>")
    return "\n".join(out)


def russian_wording_html(segment_id, wording=None, with_english=True, id_prefix="oe-ru-"):
    """One paragraph of the letter in English (unless ``with_english`` is false), then a table of its
    phrases beside the Russian of 1951."""
    wording = load_russian_wording() if wording is None else wording
    seg = texts.text(texts.LETTER_TEXT_ID).segment(segment_id)
    label = html.escape(seg.label)
    out = [f'<p class="oe-english"><strong>{label}, English, 1954:</strong> {html.escape(seg.text)}</p>'] \
        if with_english else []
    out += [f'<div class="table-scroll" role="region" aria-label="Russian wording of {label}" tabindex="0">',
           '<table class="claims-table">',
           f"<caption>{label}: the English of 1954 beside the Russian of 1951 (computed from "
           "data/letter-russian.yml)</caption>",
           "<thead><tr>" + "".join(f'<th scope="col">{h}</th>' for h in (
               "English as printed (1954)", "Russian as printed (1951)", "Literal gloss (ours)", "What differs"))
           + "</tr></thead><tbody>"]
    for p in wording.pairs:
        if p.segment == segment_id:
            out.append(f'<tr id="{id_prefix}{p.id}"><th scope="row"><q>{html.escape(p.english)}</q></th>'
                       f'<td><q lang="ru">{html.escape(p.russian)}</q></td>'
                       f"<td>{html.escape(p.gloss)}</td><td>{html.escape(p.differs)}</td></tr>")
    out.append("</tbody></table></div>")
    return "\n".join(out)
