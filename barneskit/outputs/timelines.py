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
from matplotlib.collections import LineCollection  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402
from matplotlib.transforms import offset_copy  # noqa: E402

from barneskit.corpus.events import CATEGORIES, load_events  # noqa: E402

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
LETTER_EVENT_ID = "barnes-reply"
#: Events whose labels matter most: placed first, so they are the last to be thinned out.
KEY_IDS = ["barnes-reply", "mv-arrests", "mv-trial-opens", "mv-verdicts", "uk-embargo-proclaimed",
           "mv-release", "us-recognition", "roosevelt-inauguration", "moscow-trial-1936",
           "moscow-trial-1937", "moscow-trial-1938", "edition-sochineniya-13", "edition-works-13",
           "mia-transcription"]

FONT_SIZE = 8
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
    "What happened\n(1933)": ["mv-arrests", "mv-trial-opens", "mv-verdicts", "mv-release"],
    "Letter written": [LETTER_EVENT_ID],
    "Moscow trials\n(1936–1938)": ["moscow-trial-1936", "moscow-trial-1937", "moscow-trial-1938"],
    "Edited and printed": ["edition-sochineniya-13", "edition-works-13"],
    "Put online": ["mia-transcription"],
}


def layers_events(events=None):
    by_id = {e.id: e for e in _load(events)}
    return [by_id[i] for ids in LAYERS.values() for i in ids if i in by_id]


STRIP_IDS = ["mv-arrests", LETTER_EVENT_ID, "mv-trial-opens"]


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


def draw_events(ax, placed, size=7, day_axis=True):
    """Draw events with few artists: one marker line per (category, filled or hollow), one bar
    collection per category, so 1,000 events stay quick. ``placed`` is a list of (event, y);
    returns the marker x (matplotlib date number) of each, in order."""
    markers, bars, xs = {}, {}, []
    for event, y in placed:
        x0, x1 = _num(event.start), _num(event.last_day)
        if event.precision == "range" or (day_axis and event.precision in ("month", "year") and x1 > x0):
            bars.setdefault((event.category, event.precision == "range"), []).append([(x0, y), (x1, y)])
        markers.setdefault((event.category, event.precision == "day"), []).append((x0, y))
        xs.append(x0)
    for (category, solid), segments in sorted(bars.items()):
        colour = CATEGORY_STYLE[category][0]
        ax.add_collection(LineCollection(segments, colors=colour, linewidths=2.2, alpha=0.8, zorder=2,
                                         linestyles="solid" if solid else (0, (2, 1.5)), capstyle="butt"))
        ends = [point for segment in segments for point in segment]
        ax.plot([p[0] for p in ends], [p[1] for p in ends], linestyle="none", marker="|", markersize=size + 3,
                color=colour, markeredgewidth=1.4, zorder=3)
    for (category, filled), points in sorted(markers.items()):
        colour, marker = CATEGORY_STYLE[category]
        ax.plot([p[0] for p in points], [p[1] for p in points], linestyle="none", marker=marker,
                markersize=size + (3 if marker == "*" else 0), markerfacecolor=colour if filled else "white",
                markeredgecolor=colour, markeredgewidth=1.3, zorder=4)
    return xs


def draw_event(ax, event, y, size=7, day_axis=True):
    """Marker (and bar) for one event; returns the x of the marker (matplotlib date number)."""
    return draw_events(ax, [(event, y)], size=size, day_axis=day_axis)[0]


def _wrap(text, width):
    return "\n".join(textwrap.wrap(text, width)) if width else text


class _TextSize:
    """Estimates of label sizes in pixels, from a few measurements, so that a label is only made
    into a matplotlib Text (slow to measure) once a free spot for it has been found."""

    SAMPLE = "Stalin answers Barnes: the OGPU arrests six Metro-Vickers engineers (11-12 March 1933)"

    def __init__(self, fig, ax, fontsize, renderer):
        self.fig, self.ax, self.fontsize, self.renderer = fig, ax, fontsize, renderer
        probe = ax.text(0, 0, self.SAMPLE, fontsize=fontsize)
        self.char = probe.get_window_extent(renderer).width / len(self.SAMPLE)
        probe.remove()
        self.heights = {}

    def width(self, text):
        return max(len(line) for line in text.split("\n")) * self.char

    def height(self, lines):
        if lines not in self.heights:
            probe = self.ax.text(0, 0, "\n".join(["Ag"] * lines), fontsize=self.fontsize)
            self.heights[lines] = probe.get_window_extent(self.renderer).height + 1  # a pixel to spare
            probe.remove()
        return self.heights[lines]


def place_labels(fig, ax, items, lane_half_height=None, sides=(1, -1), max_rows=12,
                 obstacles=(), fontsize=FONT_SIZE, wrap=34, pad=2.0):
    """Place labels so that none overlaps another label, a marker or the axes' edge.

    ``items`` are (priority, x, y, text, colour), placed in priority order. Each label tries
    rows above and below its marker (``sides``), in half-line steps, beside it towards the middle
    of the axes, then away from it, then centred, and takes the first spot whose box is free and
    inside the axes (and within ``lane_half_height`` points of its lane), and whose leader line
    crosses no other label. Boxes are first estimated, then measured with the figure's renderer
    before a spot is taken, so the rendered figure has no overlaps. Returns (placed, skipped): the
    Text artists drawn, and the items that found no spot (their markers stay, unlabelled).
    """
    renderer = fig.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    fx0, fy0, fx1, fy1 = frame.x0 + 1, frame.y0 + 1, frame.x1 - 1, frame.y1 - 1
    px = fig.dpi / 72.0  # pixels per point
    size = _TextSize(fig, ax, fontsize, renderer)
    taken = np.zeros((len(obstacles) + 3 * len(items) + 1, 4))
    count = 0
    for b in obstacles:
        taken[count] = (b.x0, b.y0, b.x1, b.y1)
        count += 1
    r = 3.5 * px
    for _, x, y, _, _ in items:  # markers are obstacles too
        cx, cy = ax.transData.transform((x, y))
        taken[count] = (cx - r, cy - r, cx + r, cy + r)
        count += 1
    first_label = count  # rows from here on are labels and leaders; before, obstacles and markers

    def free(box, start=0):
        t = taken[start:count]
        hit = (t[:, 0] < box[2]) & (box[0] < t[:, 2]) & (t[:, 1] < box[3]) & (box[1] < t[:, 3])
        return not hit.any()

    def inside(box):
        return box[0] >= fx0 and box[2] <= fx1 and box[1] >= fy0 and box[3] <= fy1

    gap = 2  # points between marker and the label's side
    placed, skipped = [], []
    for item in sorted(items, key=lambda it: it[0]):
        _, x, y, text, colour = item
        text = _wrap(text, wrap)
        lines = text.count("\n") + 1
        w, h = size.width(text), size.height(lines)  # pixels
        cx, cy = ax.transData.transform((x, y))
        left_x = {"left": cx + gap * px, "right": cx - gap * px - w, "center": cx - w / 2}
        order = ["left", "right", "center"]
        if cx > (fx0 + fx1) / 2:  # labels lean towards the middle of the axes, where there is more room
            order = ["right", "left", "center"]
        spot = None
        for row in range(max_rows):
            for side in sides:
                dy = side * (6 + h / 2 / px + row * h / lines / 2 / px)  # points; half-line steps
                if lane_half_height is not None and abs(dy) + h / 2 / px > lane_half_height:
                    continue
                for ha in order:
                    box = np.array([left_x[ha] - pad, cy + dy * px - h / 2 - pad,
                                    left_x[ha] + w + pad, cy + dy * px + h / 2 + pad])
                    if not (inside(box) and free(box)):
                        continue
                    dx = {"left": gap, "right": -gap, "center": 0}[ha]
                    near, far = cy + side * r, cy + dy * px - side * h / 2
                    leader = np.array([min(cx, cx + dx * px) - 1, min(near, far), max(cx, cx + dx * px) + 1,
                                       max(near, far)])
                    if not free(leader, first_label):  # markers at the same date may sit under a leader
                        continue
                    artist = ax.text(x, y, text, fontsize=fontsize, ha=ha, va="center", color="black", zorder=6,
                                     transform=offset_copy(ax.transData, fig=fig, x=dx, y=dy, units="points"),
                                     bbox=dict(boxstyle="square,pad=0.1", facecolor="white", edgecolor="none",
                                               alpha=0.85))
                    real = artist.get_window_extent(renderer)
                    real = np.array([real.x0 - pad, real.y0 - pad, real.x1 + pad, real.y1 + pad])
                    if inside(real) and free(real):
                        spot = (artist, real, leader, dx, dy - side * h / 2 / px)
                        break
                    artist.remove()
                if spot:
                    break
            if spot:
                break
        if spot is None:
            skipped.append(item)
            continue
        artist, real, leader, dx, edge = spot
        taken[count], taken[count + 1] = real, leader
        count += 2
        placed.append(artist)
        # a thin leader from the marker to the label's near edge
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


def _lane_half_height_points(fig, ax, share=1.7):
    """How far (points) a label may reach from its lane: a little into the neighbours' half, since
    a leader line ties it to its marker."""
    (_, y0), (_, y1) = ax.transData.transform([(0, 0), (0, 1)])
    return abs(y1 - y0) / (fig.dpi / 72.0) / 2 * share


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
               markeredgewidth=1.3, label="hollow: approximate date"),
        Line2D([], [], color=grey, linewidth=2.2, marker="|", markersize=9, label="bar: a range of days"),
    ]
    handles += list(extra)
    return fig.legend(handles=handles, loc="lower center", ncol=ncol, frameon=False, fontsize=FONT_SIZE,
                      handlelength=2.2, columnspacing=1.4, borderaxespad=0.4)


def _unlabelled_handle(skipped, where="the table"):
    if not skipped:
        return []
    return [Patch(facecolor="white", edgecolor="white",
                  label=f"{len(skipped)} markers unlabelled for space: see {where}")]


# ---------------------------------------------------------------------------------------------
# The four figures
# ---------------------------------------------------------------------------------------------

def overview(events=None, width=10.0, height=7.5):
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
    letter = next((e for e in shown if e.id == LETTER_EVENT_ID), None)
    if letter:
        ax.axvline(_num(letter.start), color=CATEGORY_STYLE["the-letter"][0], linestyle="--", linewidth=1, zorder=1)
    ys = [categories.index(e.category) for e in shown]
    xs = draw_events(ax, list(zip(shown, ys)), day_axis=False)
    items = [(_priority(e), x, y, f"{e.label} ({e.display_date})", "black") for e, x, y in zip(shown, xs, ys)]
    ax.set_title("Events 1917–1941 by category (grey band: 1933)", fontsize=FONT_SIZE + 2, loc="left")
    _, skipped = place_labels(fig, ax, items, lane_half_height=_lane_half_height_points(fig, ax), wrap=46)
    in_1933 = sum(1 for e in shown if e.start.year == 1933)
    extra = [Line2D([], [], color=CATEGORY_STYLE["the-letter"][0], linestyle="--", label="the letter, 20 March 1933"),
             Patch(facecolor="0.93", label=f"1933: {in_1933} events (next figure)")]
    _legend(fig, categories, extra + _unlabelled_handle(skipped), ncol=3)
    fig.skipped_labels = skipped
    return fig


def crisis_1933(events=None, width=10.0, height=8.0):
    """The 1933 crisis: March--April day by day on the left, May--December on the right."""
    shown = crisis_events(events)
    categories = [c for c in CATEGORIES if any(e.category == c for e in shown)]
    fig = _new_figure(width, height)
    left = fig.add_axes([0.17, 0.24, 0.5, 0.66])
    right = fig.add_axes([0.69, 0.24, 0.29, 0.66], sharey=left)
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
    letter = next((e for e in shown if e.id == LETTER_EVENT_ID), None)
    if letter:
        left.axvline(_num(letter.start), color=CATEGORY_STYLE["the-letter"][0], linestyle="--", linewidth=1, zorder=1)
    skipped = []
    for ax, part in ((left, [e for e in shown if e.start < CRISIS_SPLIT]),
                     (right, [e for e in shown if e.start >= CRISIS_SPLIT])):
        ys = [categories.index(e.category) for e in part]
        xs = draw_events(ax, list(zip(part, ys)))
        items = [(_priority(e), x, y, f"{e.label} ({e.display_date.replace(' 1933', '')})", "black")
                 for e, x, y in zip(part, xs, ys)]
        _, missed = place_labels(fig, ax, items, lane_half_height=_lane_half_height_points(fig, ax),
                                 wrap=46 if ax is left else 36)
        skipped += missed
    extra = [Line2D([], [], color=CATEGORY_STYLE["the-letter"][0], linestyle="--", label="the letter, 20 March")]
    _legend(fig, categories, extra + _unlabelled_handle(skipped), ncol=3)
    fig.skipped_labels = skipped
    return fig


def layers_of_time(events=None, width=10.0, height=6.4):
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
    letter, first = by_id.get(LETTER_EVENT_ID), by_id.get("edition-sochineniya-13")
    obstacles = []
    if letter and first:
        gap = first.start.year - letter.start.year
        printed = names.index("Edited and printed")
        ax.annotate("", xy=(_num(first.start), printed), xytext=(_num(letter.start), 1),
                    arrowprops=dict(arrowstyle="->", color="0.4", linewidth=0.9, connectionstyle="arc3,rad=-0.2"))
        note = ax.text(_num(datetime.date(1962, 1, 1)), 1, f"the letter was first printed {gap} years later",
                       fontsize=FONT_SIZE, ha="left", va="center", color="0.25", zorder=6,
                       bbox=dict(boxstyle="square,pad=0.1", facecolor="white", edgecolor="none"))
        obstacles.append(note.get_window_extent(fig.canvas.get_renderer()).padded(2))
    ax.set_title("Layers of time: the events, the letter, its editions (grey band: Moscow trials 1936–38)",
                 fontsize=FONT_SIZE + 2, loc="left")
    _, skipped = place_labels(fig, ax, items, lane_half_height=_lane_half_height_points(fig, ax),
                              obstacles=obstacles, wrap=48)
    categories = [c for c in CATEGORIES if any(by_id[i].category == c for ids in LAYERS.values() for i in ids if i in by_id)]
    _legend(fig, categories, [Patch(facecolor="0.9", label="Moscow trials, 1936–1938")] + _unlabelled_handle(skipped),
            ncol=3)
    fig.skipped_labels = skipped
    return fig


def letter_strip(events=None, width=7.5, height=3.0):
    """A small strip for the letter page: the letter between the arrests and the trial."""
    by_id = {e.id: e for e in _load(events)}
    shown = strip_events(events)
    fig = _new_figure(width, height)
    ax = fig.add_axes([0.03, 0.3, 0.94, 0.56])
    ax.set_xlim(_num(datetime.date(1933, 3, 6)), _num(datetime.date(1933, 4, 21)))
    ax.set_ylim(-1.3, 3.2)
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
    arrests, letter, trial = by_id.get("mv-arrests"), by_id.get(LETTER_EVENT_ID), by_id.get("mv-trial-opens")
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
    _, skipped = place_labels(fig, ax, items, sides=(1,), obstacles=obstacles, wrap=34)
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

def notebook_setup():
    """For a book page: sharp (2x) PNGs, and the SVG salt in case a page asks for SVG."""
    from matplotlib_inline.backend_inline import set_matplotlib_formats

    set_matplotlib_formats("retina")
    matplotlib.rcParams["svg.hashsalt"] = SVG_SALT


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
