"""Two English renderings of the letter compared on short phrases: the 1954 Works and another one.

``data/renderings.csv`` pairs a short phrase of the *Works* text (checked to occur in the named
letter segment) with the corresponding phrase of the other English rendering, which Spartacus
Educational quotes without naming its source (probably Lyons 1937; not confirmed). An empty
``other_phrase`` means the other rendering leaves the passage out. Only short phrases are kept:
the other rendering is not reproduced in full.
"""
from __future__ import annotations

from pydantic import Field

from barneskit.schema import StrictModel
from barneskit import ROOT, references, texts
from barneskit.csvrows import check_unique, read_models
from barneskit.errors import DataError

RENDERINGS_PATH = ROOT / "data" / "renderings.csv"
TEXT_ID = "reply-to-barnes"
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


def check_renderings(path=RENDERINGS_PATH, bib_path=references.BIB_PATH):
    rows = read_models(path, Rendering, list_fields=("sources",))
    check_unique(rows, path)
    doc = texts.text(TEXT_ID)
    known = references.bib_keys(bib_path)
    for line, row in rows:
        try:
            seg = doc.segment(row.segment)
        except KeyError:
            raise DataError(path, f"'{row.segment}' is not a segment of {TEXT_ID}", line=line, field="segment") from None
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
    return check_renderings(path)


def renderings_table_html(rows=None):
    """An accessible HTML table of the phrase pairs (for a hide-input code cell)."""
    import html

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
