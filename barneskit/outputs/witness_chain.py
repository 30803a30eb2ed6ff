"""The chain of witnesses of the letter (``data/witnesses.csv``) as a figure."""
from __future__ import annotations

from barneskit.corpus.witnesses import load_witnesses


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
