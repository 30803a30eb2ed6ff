"""How drawing scales with the number of events: 1,000 synthetic events against the real file.

Run from the repository root:  python bench/timeline_bench.py
Prints times for each figure and the ratio synthetic / real, measured in one run on the same
machine, so the ratio (not the absolute seconds) is what to compare between machines.
"""
import datetime
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import matplotlib.pyplot as plt  # noqa: E402

from barneskit.outputs import timelines  # noqa: E402
from barneskit.corpus.events import CATEGORIES, Event, load_events  # noqa: E402


def synthetic(n, seed=1933):
    """n events spread over 1917-1941 with a third of them in March-December 1933, like the real file."""
    rng = random.Random(seed)
    cats, out = list(CATEGORIES), []
    for i in range(n):
        if i % 3 == 0:
            start = datetime.date(1933, 3, 1) + datetime.timedelta(days=rng.randrange(300))
        else:
            start = datetime.date(1917, 1, 1) + datetime.timedelta(days=rng.randrange(25 * 365))
        precision = rng.choice(["day", "day", "day", "circa", "range"])
        end = start + datetime.timedelta(days=rng.randrange(1, 9)) if precision == "range" else None
        out.append(Event(id=f"synthetic-{i}", start=start, end=end, precision=precision,
                         label=f"Synthetic event {i} with a label of ordinary length",
                         category=rng.choice(cats[:-1]), sources=["trialreport1933"], confidence="high"))
    return out


def timed(draw, events, repeat=2):
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fig = draw(events)
        fig.canvas.draw()  # include rendering, as the book does
        best = min(best, time.perf_counter() - t0)
        skipped = len(fig.skipped_labels)
        plt.close(fig)
    return best, skipped


def main():
    real, fake = load_events(), synthetic(1000)
    print(f"real events: {len(real)}; synthetic events: {len(fake)}")
    print(f"{'figure':10} {'real s':>8} {'1000 s':>8} {'ratio':>6} {'unlabelled (real / 1000)':>26}")
    for name in ("overview", "crisis"):
        draw = timelines.FIGURES[name]
        t_real, skip_real = timed(draw, real)
        t_fake, skip_fake = timed(draw, fake)
        print(f"{name:10} {t_real:8.2f} {t_fake:8.2f} {t_fake / t_real:6.1f} {skip_real:>12} / {skip_fake}")


if __name__ == "__main__":
    main()
