"""The chain of witnesses of the letter: who holds or printed which copy, and what each derives from.

``data/witnesses.csv`` has one row per witness (schema: :class:`Witness`). ``derived_from`` names
the witness a copy was made from (empty when the source does not say), with ``derivation`` saying
how and ``derivation_status`` how sure we are. ``status`` says how well the witness itself is
attested: confirmed (seen in a source we cite), reported (described by others), probable.
"""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import Field, model_validator

from barneskit.schema import StrictModel
from barneskit import ROOT, references
from barneskit.csvrows import check_unique, read_models
from barneskit.errors import DataError

WITNESSES_PATH = ROOT / "data" / "witnesses.csv"


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


def check_witnesses(path=WITNESSES_PATH, bib_path=references.BIB_PATH):
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
    return check_witnesses(path)


#: Okabe-Ito colours (safe for the common colour-vision deficiencies), one per attestation status.
STATUS_COLOURS = {"confirmed": "#0072B2", "reported": "#E69F00", "probable": "#CC79A7"}


def draw_chain(witnesses=None, ax=None):
    """Draw the chain: one box per witness at its year, arrows for derivations (dashed when not documented)."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import FancyArrowPatch

    witnesses = load_witnesses() if witnesses is None else witnesses
    if ax is None:
        fig, ax = plt.subplots(figsize=(9, 3.6), dpi=110)
    fig = ax.figure
    fig.patch.set_facecolor("white")  # opaque: readable on the dark theme too
    ax.set_facecolor("white")
    # Space the boxes evenly in reading order, and print the year in each: real year gaps
    # (1933 -> 1951 -> 2008) would crush the early witnesses together.
    rows = {"Russian": 1.0, "English": 0.0}
    pos = {}
    for i, w in enumerate(witnesses):
        pos[w.id] = (i * 1.6, rows[w.language])
    for w in witnesses:
        x, y = pos[w.id]
        colour = STATUS_COLOURS[w.status]
        ax.text(x, y, f"{w.id}  {w.year}{'?' if w.year_note else ''}\n{w.label}", ha="center", va="center",
                fontsize=8, color="black", wrap=True,
                bbox=dict(boxstyle="round,pad=0.45", facecolor="white", edgecolor=colour,
                          linewidth=2.2, linestyle="-" if w.status == "confirmed" else "--"))
    for w in witnesses:
        if not w.derived_from:
            continue
        (x0, y0), (x1, y1) = pos[w.derived_from], pos[w.id]
        style = "-" if w.derivation_status == "documented" else (0, (4, 3))
        ax.add_patch(FancyArrowPatch((x0 + 0.45, y0 - 0.18 * (y0 != y1)), (x1 - 0.45, y1 + 0.18 * (y0 != y1)),
                                     arrowstyle="-|>", mutation_scale=12, color="#333333",
                                     linestyle=style, linewidth=1.3))
    ax.set_xlim(-0.9, 1.6 * (len(witnesses) - 1) + 0.9)
    ax.set_ylim(-0.6, 1.6)
    ax.set_yticks([0, 1], ["English", "Russian"])
    ax.set_xticks([])
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    used = {w.status for w in witnesses}
    handles = [plt.Line2D([], [], color=c, linewidth=2.2, linestyle="-" if s == "confirmed" else "--",
                          label=f"witness {s}") for s, c in STATUS_COLOURS.items() if s in used]
    handles += [plt.Line2D([], [], color="#333333", linestyle="-", label="copy documented"),
                plt.Line2D([], [], color="#333333", linestyle=(0, (4, 3)), label="copy probable")]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.02), ncol=5, fontsize=7.5, frameon=False)
    fig.tight_layout()
    return fig


def witnesses_table_html(witnesses=None):
    """The chain as a table: the text alternative to the diagram."""
    import html

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
