"""The timelines: no label overlaps another, the same data gives the same SVG, the colours come from
a colour-blind-safe palette, uncertain dates are drawn hollow, and the text alternative lists every
plotted event with its sources."""
import itertools
import re

import matplotlib.pyplot as plt
import pytest
from matplotlib.colors import to_hex
from matplotlib.lines import Line2D

from barneskit.outputs import timelines
from barneskit.corpus.events import load_events

FIGURE_NAMES = list(timelines.FIGURES)


@pytest.fixture(scope="module")
def figures():
    figs = {name: draw() for name, draw in timelines.FIGURES.items()}
    yield figs
    for fig in figs.values():
        plt.close(fig)


def _visible_texts(fig):
    """Every text that is drawn: labels, titles, notes and the tick labels inside the axis range.

    The legend's own texts are left out (matplotlib lays them out in rows itself); matplotlib keeps
    tick labels beyond the axis limits as objects but does not draw them, so they are left out too.
    """
    texts = list(fig.texts)
    for ax in fig.axes:
        texts += [t for t in ax.texts] + [ax.title, ax._left_title, ax._right_title]
        for axis in (ax.xaxis, ax.yaxis):
            lo, hi = sorted(axis.get_view_interval())
            texts += [label for loc, label in zip(axis.get_majorticklocs(), axis.get_majorticklabels())
                      if lo - 1e-9 <= loc <= hi + 1e-9]
    return [t for t in texts if t.get_visible() and t.get_text().strip()]


@pytest.mark.parametrize("name", FIGURE_NAMES)
def test_no_two_texts_overlap_in_the_rendered_figure(figures, name):
    fig = figures[name]
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in _visible_texts(fig)]
    assert len(boxes) > 5
    clashes = [(a, b) for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2) if box_a.overlaps(box_b)]
    assert not clashes, clashes[:5]


@pytest.mark.parametrize("name", FIGURE_NAMES)
def test_labels_stay_inside_their_axes(figures, name):
    fig = figures[name]
    renderer = fig.canvas.get_renderer()
    for ax in fig.axes:
        frame = ax.get_window_extent(renderer)
        for text in ax.texts:
            box = text.get_window_extent(renderer)
            assert frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1, text


@pytest.mark.parametrize("name", FIGURE_NAMES)
def test_everything_fits_inside_the_figure(figures, name):
    fig = figures[name]
    renderer = fig.canvas.get_renderer()
    page = fig.bbox
    for artist in list(fig.legends) + _visible_texts(fig):
        box = artist.get_window_extent(renderer)
        assert page.x0 <= box.x0 and box.x1 <= page.x1 and page.y0 <= box.y0 and box.y1 <= page.y1, artist


@pytest.mark.parametrize("name", FIGURE_NAMES)
def test_same_data_gives_the_same_svg(tmp_path, name):
    paths = []
    for run in range(2):
        fig = timelines.FIGURES[name]()
        path = tmp_path / f"{name}-{run}.svg"
        timelines.save_svg(fig, path)
        plt.close(fig)
        paths.append(path)
    first, second = (p.read_bytes() for p in paths)
    assert first == second
    assert b"<dc:date>" not in first


def test_changed_data_changes_the_figure(tmp_path):
    events = load_events()
    moved = [e.model_copy(update={"label": "A different label"}) if e.id == "barnes-reply" else e for e in events]
    a, b = tmp_path / "a.svg", tmp_path / "b.svg"
    timelines.save_svg(timelines.letter_strip(events), a)
    timelines.save_svg(timelines.letter_strip(moved), b)
    assert a.read_bytes() != b.read_bytes()


@pytest.mark.parametrize("name", FIGURE_NAMES)
def test_colours_come_from_okabe_ito(figures, name):
    allowed = {c.lower() for c in timelines.OKABE_ITO.values()} | {"#ffffff"}
    used = set()
    for line in figures[name].findobj(Line2D):
        if line.get_marker() not in (None, "None", "", " ") and line.get_linestyle() in ("None", "none", ""):
            used |= {to_hex(line.get_markeredgecolor()), to_hex(line.get_markerfacecolor())}
    greys = {c for c in used if len(set(re.findall("..", c[1:]))) == 1}  # legend samples for filled/hollow
    assert used - greys, "no category colours found"
    assert used - greys <= allowed, used - greys - allowed


def test_category_styles_differ_in_colour_and_shape():
    colours = [c for c, _ in timelines.CATEGORY_STYLE.values()]
    shapes = [m for _, m in timelines.CATEGORY_STYLE.values()]
    assert len(set(colours)) == len(colours) and len(set(shapes)) == len(shapes)


def test_figure_background_is_opaque_white(figures):
    for fig in figures.values():
        assert fig.patch.get_facecolor() == (1.0, 1.0, 1.0, 1.0)
        for ax in fig.axes:
            assert ax.patch.get_facecolor()[3] == 1.0


def test_uncertain_dates_are_drawn_hollow_and_exact_ones_filled():
    events = [e for e in load_events() if e.id in ("barnes-reply", "ovey-recalled")]
    fig = timelines.letter_strip(events)  # any figure drawing these two; the strip shows only the letter
    plt.close(fig)
    fig, ax = plt.subplots()
    exact, circa = events[0], events[1]
    timelines.draw_event(ax, exact, 0)
    timelines.draw_event(ax, circa, 1)
    markers = [ln for ln in ax.lines if ln.get_linestyle() == "None" and ln.get_marker() not in ("|",)]
    faces = [to_hex(ln.get_markerfacecolor()) for ln in markers]
    assert faces[0] != "#ffffff" and faces[1] == "#ffffff"
    plt.close(fig)


def test_crisis_figure_labels_the_key_events(figures):
    texts = " ".join(t.get_text().replace("\n", " ") for t in _visible_texts(figures["crisis"]))
    for event_id in ("barnes-reply", "mv-arrests", "mv-trial-opens", "uk-embargo-proclaimed"):
        label = next(e.label for e in load_events() if e.id == event_id)
        assert label in texts, event_id


def test_strip_counts_days_from_the_data(figures):
    texts = [t.get_text() for t in _visible_texts(figures["strip"])]
    ids = {e.id: e for e in load_events()}
    to_trial = (ids["mv-trial-opens"].start - ids["barnes-reply"].start).days
    assert f"{to_trial} days" in texts
    assert any(re.fullmatch(r"\d+–\d+ days", t) for t in texts)  # the arrests' 11/12 March uncertainty


def test_many_events_thin_out_instead_of_piling_up():
    import datetime
    from barneskit.corpus.events import Event
    base = datetime.date(1933, 3, 1)
    events = [Event(id=f"e{i}", start=base + datetime.timedelta(days=i % 60), precision="day",
                    label=f"Synthetic event number {i}", category="metro-vickers", sources=["trialreport1933"],
                    confidence="high") for i in range(300)]
    fig = timelines.crisis_1933(events)
    assert len(fig.skipped_labels) > 200  # most are thinned ...
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in _visible_texts(fig)]
    assert not any(a.overlaps(b) for a, b in itertools.combinations(boxes, 2))  # ... and none overlap
    plt.close(fig)


def test_text_alternative_lists_every_plotted_event_with_its_sources():
    shown = timelines.crisis_events()
    table = timelines.events_table(shown)
    rows = [line for line in table.splitlines()[2:]]
    assert len(rows) == len(shown)
    for event in shown:
        assert event.display_date in table and event.label in table
        assert "{cite:p}`" + ",".join(event.sources) + "`" in table
