"""Timelines drawn from data/events.csv with matplotlib.

Four figures, each a function returning a :class:`matplotlib.figure.Figure`:

* :func:`overview` -- 1917 to 1941, one lane per category, the letter marked;
* :func:`crisis_1933` -- the Metro-Vickers crisis day by day (March--April), then May--December;
* :func:`layers_of_time` -- when things happened, when the letter was written, printed, put online;
* :func:`letter_strip` -- a small strip: the letter between the arrests and the trial.

How they stay legible:

* Labels are placed by :func:`place_labels`: each label tries rows above and below its marker, left
  and right, and takes the first spot that overlaps no other label, marker or the axes' edge
  (measured with the renderer, in pixels). A label that finds no spot is left out and its marker
  stays; the figure says how many are unlabelled and the text alternative lists every event. So
  when a teacher adds many events, labels thin out by importance instead of piling up.
* Uncertain dates look uncertain: a filled marker is an exact day, a hollow marker a day that is
  approximate (circa) or only a month or year, a bar with end caps a range of days.
* Colours are the Okabe--Ito palette (distinguishable with the common colour-vision deficiencies),
  and every category also has its own marker shape. Backgrounds are opaque white.
* Output is deterministic: fixed margins (no layout engine), a fixed SVG hash salt, no date in
  the SVG metadata (see :func:`save_svg`).
"""
from __future__ import annotations

import datetime
import textwrap

import matplotlib

matplotlib.use("Agg") if matplotlib.get_backend().lower() not in ("agg", "module://matplotlib_inline.backend_inline") else None

import matplotlib.dates as mdates  # noqa: E402
import numpy as np  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402
from matplotlib.transforms import Bbox, offset_copy  # noqa: E402

from barneskit.events import CATEGORIES, load_events  # noqa: E402

#: Okabe & Ito (2008), "Color Universal Design": eight colours told apart under the common
#: colour-vision deficiencies. Yellow is not used: too pale on white.
OKABE_ITO = {
    "black": "#000000", "orange": "#E69F00", "sky blue": "#56B4E9", "bluish green": "#009E73",
    "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00", "reddish purple": "#CC79A7",
}
#: Category -> (colour, marker shape): colour and shape both tell the categories apart.
CATEGORY_STYLE = {
    "the-letter": (OKABE_ITO["vermillion"], "*"),
    "metro-vickers": (OKABE_ITO["blue"], "o"),
    "anglo-soviet": (OKABE_ITO["orange"], "s"),
    "us-soviet": (OKABE_ITO["bluish green"], "D"),
    "soviet-domestic": (OKABE_ITO["reddish purple"], "^"),
    "press": (OKABE_ITO["sky blue"], "v"),
    "editions": (OKABE_ITO["black"], "P"),
}
LETTER_ID = "barnes-reply"
#: Events whose labels matter most: placed first, so they are the last to be thinned out.
KEY_IDS = ["barnes-reply", "mv-arrests", "mv-trial-opens", "mv-verdicts", "uk-embargo-proclaimed",
           "mv-release", "us-recognition", "roosevelt-inauguration", "moscow-trial-1936",
           "moscow-trial-1937", "moscow-trial-1938", "edition-sochineniya-13", "edition-works-13",
           "mia-transcription"]

FONT_SIZE = 7.5
SVG_SALT = "barnes-module-timelines"
#: rcParams for every figure: opaque white everywhere, the same fonts on every machine.
RC = {
    "figure.facecolor": "white", "axes.facecolor": "white", "savefig.facecolor": "white",
    "savefig.transparent": False, "font.family": "DejaVu Sans", "font.size": FONT_SIZE,
    "svg.hashsalt": SVG_SALT, "axes.spines.top": False, "axes.spines.right": False,
}


# ---------------------------------------------------------------------------------------------
# Which events each figure shows
# ---------------------------------------------------------------------------------------------

def _load(events):
    return load_events() if events is None else list(events)


def overview_events(events=None):
    return [e for e in _load(events) if 1917 <= e.start.year <= 1941]


CRISIS_SPLIT = datetime.date(1933, 5, 1)


def crisis_events(events=None):
    """1933 events from March on with at least a month: the year-only ones have no place on a day axis."""
    return [e for e in _load(events)
            if e.start.year == 1933 and e.start >= datetime.date(1933, 3, 1) and e.precision != "year"
            and e.category != "editions"]


#: Layer name -> the event ids drawn in that layer of :func:`layers_of_time`.
LAYERS = {
    "What happened\n(1933; later trials)": ["mv-arrests", "mv-trial-opens", "mv-verdicts", "mv-release",
                                             "moscow-trial-1936", "moscow-trial-1937", "moscow-trial-1938"],
    "Letter written": [LETTER_ID],
    "Edited and printed": ["edition-sochineniya-13", "edition-works-13"],
    "Put online": ["mia-transcription"],
}


def layers_events(events=None):
    by_id = {e.id: e for e in _load(events)}
    return [by_id[i] for ids in LAYERS.values() for i in ids if i in by_id]


STRIP_IDS = ["mv-arrests", LETTER_ID, "mv-trial-opens", "mv-verdicts"]


def strip_events(events=None):
    by_id = {e.id: e for e in _load(events)}
    return [by_id[i] for i in STRIP_IDS if i in by_id]


# ---------------------------------------------------------------------------------------------
# Drawing helpers
# ---------------------------------------------------------------------------------------------

def _num(date):
    return mdates.date2num(date)


def _priority(event):
    """Lower sorts first: key events, then exact and well-attested ones, then by date."""
    key = KEY_IDS.index(event.id) if event.id in KEY_IDS else len(KEY_IDS)
    return (key, event.confidence != "high", event.precision != "day", event.start, event.id)


def _new_figure(width, height, **subplot_kw):
    with plt.rc_context(RC):
        fig = plt.figure(figsize=(width, height), dpi=100, layout=None)
    fig.patch.set_facecolor("white")
    fig.patch.set_alpha(1.0)
    return fig


def draw_event(ax, event, y, size=7, day_axis=True):
    """Marker (and bar) for one event; returns the x of the marker (matplotlib date number)."""
    colour, marker = CATEGORY_STYLE[event.category]
    x0, x1 = _num(event.start), _num(event.last_day)
    if event.precision == "range" or (day_axis and event.precision in ("month", "year") and x1 > x0):
        style = "-" if event.precision == "range" else (0, (2, 1.5))
        ax.plot([x0, x1], [y, y], linestyle=style, color=colour, linewidth=2.2, alpha=0.8,
                solid_capstyle="butt", zorder=2)
        ax.plot([x0, x1], [y, y], linestyle="none", marker="|", markersize=size + 3, color=colour,
                markeredgewidth=1.4, zorder=3)
    filled = event.precision == "day"
    ax.plot([x0], [y], linestyle="none", marker=marker, markersize=size + (3 if marker == "*" else 0),
            markerfacecolor=colour if filled else "white", markeredgecolor=colour,
            markeredgewidth=1.3, zorder=4)
    return x0


def _wrap(text, width):
    return "\n".join(textwrap.wrap(text, width)) if width else text


def place_labels(fig, ax, items, lane_half_height=None, sides=(1, -1), max_rows=6,
                 obstacles=(), fontsize=FONT_SIZE, wrap=34, pad=2.0):
    """Place labels so that none overlaps another label, a marker or the axes' edge.

    ``items`` are (priority, x, y, text, colour), placed in priority order. Each label tries
    rows above and below its marker (``sides``), to the right and then the left, and takes the
    first spot whose box (measured in pixels by the renderer) is free and inside the axes (and
    inside its lane when ``lane_half_height``, in points, is given). Returns (placed, skipped):
    the Text artists drawn, and the items that found no free spot; their markers stay unlabelled.

    The label is measured once; candidate spots are that box shifted, checked against all taken
    boxes at once with numpy, so 1,000 events cost seconds, not minutes.
    """
    renderer = fig.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    fx0, fy0, fx1, fy1 = frame.x0 + 1, frame.y0 + 1, frame.x1 - 1, frame.y1 - 1
    px = fig.dpi / 72.0  # pixels per point
    taken = np.zeros((len(obstacles) + 2 * len(items) + 1, 4))
    count = 0
    for b in obstacles:
        taken[count] = (b.x0, b.y0, b.x1, b.y1)
        count += 1
    r = 3.5 * px
    for _, x, y, _, _ in items:  # markers are obstacles too
        cx, cy = ax.transData.transform((x, y))
        taken[count] = (cx - r, cy - r, cx + r, cy + r)
        count += 1

    def free(box):
        t = taken[:count]
        hit = (t[:, 0] < box[2]) & (box[0] < t[:, 2]) & (t[:, 1] < box[3]) & (box[1] < t[:, 3])
        return not hit.any()

    gap = 2  # points between marker and the label's side
    placed, skipped = [], []
    for item in sorted(items, key=lambda it: it[0]):
        _, x, y, text, colour = item
        text = _wrap(text, wrap)
        probe = ax.text(x, y, text, fontsize=fontsize, ha="left", va="center", color="black", zorder=6,
                        transform=offset_copy(ax.transData, fig=fig, x=gap, y=0, units="points"))
        b = probe.get_window_extent(renderer)
        base = np.array([b.x0 - pad, b.y0 - pad, b.x1 + pad, b.y1 + pad])
        height = b.height / px
        line = height / (text.count("\n") + 1)
        spot = None
        for row in range(max_rows):
            for side in sides:
                dy = side * (5 + height / 2 + row * line)
                if lane_half_height is not None and abs(dy) + height / 2 > lane_half_height:
                    continue
                for ha, shift in (("left", 0.0), ("right", -(b.width + 2 * gap * px))):
                    box = base + (shift, dy * px, shift, dy * px)
                    if box[0] >= fx0 and box[2] <= fx1 and box[1] >= fy0 and box[3] <= fy1 and free(box):
                        spot = (ha, dy, box)
                        break
                if spot:
                    break
            if spot:
                break
        if spot is None:
            probe.remove()
            skipped.append(item)
            continue
        ha, dy, box = spot
        dx = gap if ha == "left" else -gap
        probe.set_horizontalalignment(ha)
        probe.set_transform(offset_copy(ax.transData, fig=fig, x=dx, y=dy, units="points"))
        taken[count] = box
        count += 1
        placed.append(probe)
        # a thin leader from the marker to the label's near edge
        edge = dy - (1 if dy > 0 else -1) * height / 2
        ax.annotate("", xy=(x, y), xytext=(dx, edge), textcoords="offset points",
                    arrowprops=dict(arrowstyle="-", color="0.55", linewidth=0.6, shrinkA=0, shrinkB=3.5),
                    zorder=5)
    return placed, skipped


def _lane_axes(ax, categories, start, end):
    ax.set_ylim(-0.5, len(categories) - 0.5)
    ax.set_xlim(_num(start), _num(end))
    ax.set_yticks(range(len(categories)))
    ax.set_yticklabels([CATEGORIES[c] for c in categories])
    ax.invert_yaxis()
    for lane in range(len(categories)):
        ax.axhline(lane, color="0.88", linewidth=0.8, zorder=1)
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)


def _lane_half_height_points(fig, ax):
    (_, y0), (_, y1) = ax.transData.transform([(0, 0), (0, 1)])
    return abs(y1 - y0) / (fig.dpi / 72.0) / 2 * 0.96


def _legend(fig, categories, extra=(), ncol=4):
    handles = []
    for cat in categories:
        colour, marker = CATEGORY_STYLE[cat]
        handles.append(Line2D([], [], linestyle="none", marker=marker, markersize=7 + (3 if marker == "*" else 0),
                              markerfacecolor=colour, markeredgecolor=colour, label=CATEGORIES[cat]))
    grey = "0.35"
    handles += [
        Line2D([], [], linestyle="none", marker="o", markersize=7, markerfacecolor=grey, markeredgecolor=grey,
               label="filled: exact day"),
        Line2D([], [], linestyle="none", marker="o", markersize=7, markerfacecolor="white", markeredgecolor=grey,
               markeredgewidth=1.3, label="hollow: approximate (c., month or year)"),
        Line2D([], [], color=grey, linewidth=2.2, marker="|", markersize=9, label="bar: a range of days"),
    ]
    handles += list(extra)
    return fig.legend(handles=handles, loc="lower center", ncol=ncol, frameon=False, fontsize=FONT_SIZE,
                      handlelength=2.2, columnspacing=1.4, borderaxespad=0.4)


def _unlabelled_handle(skipped, where="the table below the figure"):
    if not skipped:
        return []
    return [Patch(facecolor="white", edgecolor="white",
                  label=f"{len(skipped)} markers unlabelled for space: all are in {where}")]


# ---------------------------------------------------------------------------------------------
# The four figures
# ---------------------------------------------------------------------------------------------

def overview(events=None, width=10.0, height=7.0):
    """1917--1941, one lane per category, the letter marked by a dashed line."""
    shown = overview_events(events)
    categories = [c for c in CATEGORIES if any(e.category == c for e in shown)]
    fig = _new_figure(width, height)
    ax = fig.add_axes([0.17, 0.2, 0.8, 0.72])
    _lane_axes(ax, categories, datetime.date(1917, 1, 1), datetime.date(1942, 1, 1))
    ax.xaxis.set_major_locator(mdates.YearLocator(2))
    ax.xaxis.set_minor_locator(mdates.YearLocator(1))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.axvspan(_num(datetime.date(1933, 1, 1)), _num(datetime.date(1934, 1, 1)), color="0.93", zorder=0)
    letter = next((e for e in shown if e.id == LETTER_ID), None)
    if letter:
        ax.axvline(_num(letter.start), color=CATEGORY_STYLE["the-letter"][0], linestyle="--", linewidth=1, zorder=1)
    items = []
    for event in shown:
        y = categories.index(event.category)
        x = draw_event(ax, event, y, day_axis=False)
        items.append((_priority(event), x, y, f"{event.label} ({event.display_date})", "black"))
    ax.set_title("Events 1917–1941 by category (grey band: 1933)", fontsize=FONT_SIZE + 2, loc="left")
    _, skipped = place_labels(fig, ax, items, lane_half_height=_lane_half_height_points(fig, ax), wrap=46)
    in_1933 = sum(1 for e in shown if e.start.year == 1933)
    extra = [Line2D([], [], color=CATEGORY_STYLE["the-letter"][0], linestyle="--", label="the letter, 20 March 1933"),
             Patch(facecolor="0.93", label=f"1933: {in_1933} events, drawn day by day in the next figure")]
    _legend(fig, categories, extra + _unlabelled_handle(skipped))
    fig.skipped_labels = skipped
    return fig


def crisis_1933(events=None, width=10.0, height=7.0):
    """The 1933 crisis: March--April day by day on the left, May--December on the right."""
    shown = crisis_events(events)
    categories = [c for c in CATEGORIES if any(e.category == c for e in shown)]
    fig = _new_figure(width, height)
    left = fig.add_axes([0.17, 0.24, 0.53, 0.66])
    right = fig.add_axes([0.72, 0.24, 0.26, 0.66], sharey=left)
    _lane_axes(left, categories, datetime.date(1933, 3, 1), datetime.date(1933, 4, 30))  # no "01 May" tick next to "May"
    _lane_axes(right, categories, CRISIS_SPLIT, datetime.date(1934, 1, 1))
    right.tick_params(axis="y", labelleft=False)
    left.xaxis.set_major_locator(mdates.DayLocator(bymonthday=(1, 8, 15, 22)))
    left.xaxis.set_minor_locator(mdates.DayLocator())
    left.xaxis.set_major_formatter(mdates.DateFormatter("%d %b"))
    right.xaxis.set_major_locator(mdates.MonthLocator())
    right.xaxis.set_major_formatter(mdates.DateFormatter("%b"))
    left.set_title("March–April 1933, day by day", fontsize=FONT_SIZE + 2, loc="left")
    right.set_title("May–December 1933", fontsize=FONT_SIZE + 2, loc="left")
    letter = next((e for e in shown if e.id == LETTER_ID), None)
    if letter:
        left.axvline(_num(letter.start), color=CATEGORY_STYLE["the-letter"][0], linestyle="--", linewidth=1, zorder=1)
    skipped = []
    for ax, part in ((left, [e for e in shown if e.start < CRISIS_SPLIT]),
                     (right, [e for e in shown if e.start >= CRISIS_SPLIT])):
        items = []
        for event in part:
            y = categories.index(event.category)
            x = draw_event(ax, event, y)
            date = event.display_date.replace(" 1933", "")
            items.append((_priority(event), x, y, f"{event.label} ({date})", "black"))
        _, missed = place_labels(fig, ax, items, lane_half_height=_lane_half_height_points(fig, ax),
                                 wrap=40 if ax is left else 30)
        skipped += missed
    extra = [Line2D([], [], color=CATEGORY_STYLE["the-letter"][0], linestyle="--", label="the letter, 20 March")]
    _legend(fig, categories, extra + _unlabelled_handle(skipped), ncol=4)
    fig.skipped_labels = skipped
    return fig


def layers_of_time(events=None, width=10.0, height=5.6):
    """When it happened, when it was written, when it was edited and printed, when it went online."""
    by_id = {e.id: e for e in _load(events)}
    fig = _new_figure(width, height)
    ax = fig.add_axes([0.17, 0.26, 0.8, 0.62])
    names = list(LAYERS)
    ax.set_ylim(-0.5, len(names) - 0.5)
    ax.set_xlim(_num(datetime.date(1930, 1, 1)), _num(datetime.date(2012, 1, 1)))
    ax.set_yticks(range(len(names)))
    ax.set_yticklabels(names)
    ax.invert_yaxis()
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    ax.xaxis.set_major_locator(mdates.YearLocator(10))
    ax.xaxis.set_minor_locator(mdates.YearLocator(2))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    trials = [by_id[i] for i in ("moscow-trial-1936", "moscow-trial-1937", "moscow-trial-1938") if i in by_id]
    if trials:
        ax.axvspan(_num(min(t.start for t in trials)), _num(max(t.last_day for t in trials)),
                   color="0.9", zorder=0)
    items = []
    for lane, (name, ids) in enumerate(LAYERS.items()):
        ax.axhline(lane, color="0.88", linewidth=0.8, zorder=1)
        for event_id in ids:
            if event_id not in by_id:
                continue
            event = by_id[event_id]
            x = draw_event(ax, event, lane, day_axis=False)
            items.append((_priority(event), x, lane, f"{event.label} ({event.display_date})", "black"))
    letter, first = by_id.get(LETTER_ID), by_id.get("edition-sochineniya-13")
    obstacles = []
    if letter and first:
        gap = first.start.year - letter.start.year
        ax.annotate("", xy=(_num(first.start), 2), xytext=(_num(letter.start), 1),
                    arrowprops=dict(arrowstyle="->", color="0.4", linewidth=0.9, connectionstyle="arc3,rad=-0.15"))
        note = ax.text(_num(datetime.date(1941, 6, 1)), 1.5, f"{gap} years until first printed",
                       fontsize=FONT_SIZE, ha="left", va="center", color="0.25", zorder=6)
        obstacles.append(note.get_window_extent(fig.canvas.get_renderer()).padded(2))
    ax.set_title("Layers of time: the events, the letter, its editions (grey band: Moscow trials 1936–38)",
                 fontsize=FONT_SIZE + 2, loc="left")
    _, skipped = place_labels(fig, ax, items, lane_half_height=_lane_half_height_points(fig, ax),
                              obstacles=obstacles, wrap=48)
    categories = [c for c in CATEGORIES if any(by_id[i].category == c for ids in LAYERS.values() for i in ids if i in by_id)]
    _legend(fig, categories, [Patch(facecolor="0.9", label="Moscow trials, 1936–1938")] + _unlabelled_handle(skipped))
    fig.skipped_labels = skipped
    return fig


def letter_strip(events=None, width=8.0, height=2.3):
    """A small strip for the letter page: the letter between the arrests and the trial."""
    by_id = {e.id: e for e in _load(events)}
    shown = strip_events(events)
    fig = _new_figure(width, height)
    ax = fig.add_axes([0.03, 0.3, 0.94, 0.56])
    ax.set_xlim(_num(datetime.date(1933, 3, 6)), _num(datetime.date(1933, 4, 24)))
    ax.set_ylim(-1.3, 1.6)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.axhline(0, color="0.85", linewidth=0.8, zorder=1)
    ax.xaxis.set_major_locator(mdates.DayLocator(bymonthday=(1, 8, 15, 22)))
    ax.xaxis.set_minor_locator(mdates.DayLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b 1933"))
    items = []
    for event in shown:
        x = draw_event(ax, event, 0)
        items.append((_priority(event), x, 0, f"{event.label} ({event.display_date.replace(' 1933', '')})", "black"))
    renderer = fig.canvas.get_renderer()
    obstacles = []
    arrests, letter, trial = by_id.get("mv-arrests"), by_id.get(LETTER_ID), by_id.get("mv-trial-opens")
    if arrests and letter and trial:
        for a, b, words in ((arrests.start, letter.start, _days_between(arrests, letter)),
                            (letter.start, trial.start, _days_between(letter, trial))):
            ax.annotate("", xy=(_num(a), -0.75), xytext=(_num(b), -0.75),
                        arrowprops=dict(arrowstyle="|-|", color="0.3", linewidth=0.8, mutation_scale=3))
            note = ax.text((_num(a) + _num(b)) / 2, -1.05, words, ha="center", va="center", fontsize=FONT_SIZE,
                           color="0.2")
            obstacles.append(note.get_window_extent(renderer).padded(2))
    ax.set_title("The letter (20 March) was written while the engineers awaited trial",
                 fontsize=FONT_SIZE + 1.5, loc="left")
    _, skipped = place_labels(fig, ax, items, sides=(1,), obstacles=obstacles, wrap=44)
    fig.skipped_labels = skipped
    return fig


def _days_between(first, second):
    """'9 days', or '8–9 days' when the first event is a range (the arrests: night of 11-12 March)."""
    most = (second.start - first.start).days
    least = (second.start - first.last_day).days
    return f"{most} days" if least == most else f"{least}–{most} days"


def _with_style(draw):
    """Build the figure inside RC, so every artist gets the same fonts and white background."""
    import functools

    @functools.wraps(draw)
    def wrapper(*args, **kwargs):
        with plt.rc_context(RC):
            return draw(*args, **kwargs)
    return wrapper


overview = _with_style(overview)
crisis_1933 = _with_style(crisis_1933)
layers_of_time = _with_style(layers_of_time)
letter_strip = _with_style(letter_strip)

FIGURES = {"overview": overview, "crisis": crisis_1933, "layers": layers_of_time, "strip": letter_strip}


# ---------------------------------------------------------------------------------------------
# Output: SVG that is the same for the same data, and a text alternative
# ---------------------------------------------------------------------------------------------

def detach(fig):
    """Close the figure in pyplot and return it, so a notebook shows it once, as the cell's value."""
    plt.close(fig)
    return fig


def save_svg(fig, path):
    """Write the figure as SVG with a fixed hash salt and no date, so the same data gives the same file."""
    with plt.rc_context({"svg.hashsalt": SVG_SALT}):
        fig.savefig(path, format="svg", metadata={"Date": None}, facecolor="white")


def events_table(events, cite=True):
    """A Markdown table of the plotted events: date, event, category, sources, and notes on the date.

    With ``cite=True`` the sources are MyST ``{cite:p}`` roles (for a ``glue:md`` with
    ``:format: myst``), so they link to the bibliography like any citation in the book.
    """
    lines = ["| Date | Event | Category | Sources | Notes on the date |", "|---|---|---|---|---|"]
    for event in sorted(events, key=lambda e: (e.start, e.id)):
        keys = ",".join(event.sources)
        sources = "{cite:p}`" + keys + "`" if cite else "; ".join(event.sources)
        certainty = {"high": "", "medium": "medium confidence. ", "low": "low confidence. "}[event.confidence]
        note = (certainty + event.note).strip().replace("|", "/")
        lines.append(f"| {event.display_date} | {event.label.replace('|', '/')} | {CATEGORIES[event.category]} "
                     f"| {sources} | {note} |")
    return "\n".join(lines)
