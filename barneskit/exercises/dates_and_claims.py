"""Checks and keys for the exercise set "Dates and claims" (``exercises/dates-and-claims.md``).

Each check answers in plain words (see :mod:`barneskit.exercises.feedback`); each key is computed
from the texts and data when the check runs.
"""
from __future__ import annotations

from barneskit.analysis import textstats
from barneskit.corpus.claims import VERDICTS, load_claims
from barneskit.corpus.events import load_events
from barneskit.exercises.feedback import (
    NOT_YET, RIGHT, WRONG, as_number, finish, is_blank, never_raises, not_yet,
    quoted_list)


# --- 8. Layers of time -------------------------------------------------------------------------

@never_raises("layers of time")
def check_time_layers(layers, strict=False):
    ex = "layers of time"
    early = not_yet(ex, {"layers": layers},
                     "years = edition.year - meta.date.year, and the same for `meta.transcription.year`.", strict)
    if early:
        return early
    key = textstats.time_layers()
    if not isinstance(layers, dict) or set(layers) != set(key):
        return finish(ex, WRONG, "the answer should have one entry per printing: " + quoted_list(sorted(key)) + ".",
                       "keep the keys of the scaffold.", strict)
    meta = textstats.letter().metadata
    problems, hints = [], set()
    for name, want in key.items():
        got = as_number(layers[name])
        if got == want:
            continue
        if got is not None and got > 1900:
            problems.append(f"{name}: {layers[name]} is a year, not a number of years")
            hints.add(f"subtract the letter's year, {meta.date.year}")
        elif got is not None and got == -want:
            problems.append(f"{name}: the difference has the wrong sign")
            hints.add("later year minus earlier year")
        else:
            problems.append(f"{name}: not {layers[name]} years")
            hints.add("look up the year of this printing in `meta.editions` or `meta.transcription`")
    if problems:
        return finish(ex, WRONG, "; ".join(problems) + ".", "; ".join(sorted(hints)) + ".", strict)
    return finish(ex, RIGHT, "the gaps are " + ", ".join(f"{k} {v} years" for k, v in key.items()) + ".", "", strict)


# --- Timeline -----------------------------------------------------------------------------------

def _events():
    return load_events()


def _event_id(item):
    return getattr(item, "id", item)


def timeline_key():
    """The 1933 events in date order, and the day counts around the letter, from data/events.csv."""
    events = {e.id: e for e in _events()}
    arrests, reply, trial = events["mv-arrests"], events["barnes-reply"], events["mv-trial-opens"]
    return {
        "timeline": sorted((e for e in events.values() if e.start.year == 1933), key=lambda e: e.start),
        "arrests_to_reply": (reply.start - arrests.start).days,
        "arrests_end_to_reply": (reply.start - (arrests.end or arrests.start)).days,
        "reply_to_trial": (trial.start - reply.start).days,
        "arrests": arrests,
    }


@never_raises("timeline")
def check_timeline(timeline, days_arrests_to_reply, days_reply_to_trial, strict=False):
    ex = "timeline"
    early = not_yet(ex, {"timeline_1933": timeline, "days_arrests_to_reply": days_arrests_to_reply,
                          "days_reply_to_trial": days_reply_to_trial},
                     "keep the events whose `start.year` is 1933, sort them with `sorted(..., key=lambda e: "
                     "e.start)`, and subtract dates: `(later.start - earlier.start).days`.", strict)
    if early:
        return early
    key = timeline_key()
    by_id = {e.id: e for e in _events()}
    want = [e.id for e in key["timeline"]]
    problems, hints = [], []
    try:
        got = [_event_id(item) for item in timeline]
    except TypeError:
        got = None
    if got is None or any(g not in by_id for g in got):
        problems.append("the timeline should be a list of events (or their ids) from `events`")
        hints.append("build it from `events`, the list loaded above")
    else:
        lost, extra = [w for w in want if w not in got], [g for g in got if g not in want]
        if lost:
            problems.append(f"the timeline has {len(want) - len(lost)} of the {len(want)} events dated 1933")
            hints.append("filter on `e.start.year == 1933`")
        if extra:
            problems.append(f"{quoted_list(extra[:3])} {'is' if len(extra) == 1 else 'are'} not dated 1933")
        order = [by_id[g].start for g in got]
        wrong_place = next((i for i in range(1, len(order)) if order[i] < order[i - 1]), None)
        if wrong_place is not None:
            problems.append(f"the events are not in date order: \"{by_id[got[wrong_place - 1]].label}\" "
                            f"comes before \"{by_id[got[wrong_place]].label}\"")
            hints.append("sort by `e.start`")
    a = as_number(days_arrests_to_reply)
    if a not in (key["arrests_to_reply"], key["arrests_end_to_reply"]):
        if a in (key["arrests_to_reply"] + 1, key["arrests_end_to_reply"] + 1):
            problems.append(f"{days_arrests_to_reply} days from the arrests to the reply counts both the first and "
                            "the last day")
            hints.append("subtracting the dates gives the days between them")
        else:
            problems.append(f"{days_arrests_to_reply} is not the number of days from the arrests to the reply")
            hints.append("`(by_id['barnes-reply'].start - by_id['mv-arrests'].start).days`")
    r = as_number(days_reply_to_trial)
    if r != key["reply_to_trial"]:
        if r == -key["reply_to_trial"]:
            problems.append("the days from the reply to the trial have the wrong sign")
            hints.append("later date minus earlier date")
        elif r == key["reply_to_trial"] + 1:
            problems.append(f"{days_reply_to_trial} days from the reply to the trial counts both ends")
            hints.append("subtracting the dates gives the days between them")
        else:
            problems.append(f"{days_reply_to_trial} is not the number of days from the reply to the trial's opening")
            hints.append("use the event `mv-trial-opens`")
    if problems:
        return finish(ex, WRONG, "; ".join(problems) + ".", "; ".join(hints) + "." if hints else "", strict)
    arrests = key["arrests"]
    note = ""
    if arrests.end and arrests.end != arrests.start:
        other = key["arrests_end_to_reply"] if a == key["arrests_to_reply"] else key["arrests_to_reply"]
        note = (f" The arrests are dated {arrests.display_date}, so {other} is right too if you count "
                "from the other night.")
    return finish(ex, RIGHT, f"{len(want)} events of 1933 in order; {int(a)} days from the arrests to the reply, "
                   f"{key['reply_to_trial']} from the reply to the trial.{note}", "", strict)


#: The three Moscow trials (fixed event ids in the module's contracts).
MOSCOW_TRIALS = ("moscow-trial-1936", "moscow-trial-1937", "moscow-trial-1938")


def trials_before_note_key():
    events = {e.id: e for e in _events()}
    letter_date = textstats.letter().metadata.date
    english = events["edition-works-13"].start
    return [t for t in MOSCOW_TRIALS if t in events and letter_date < events[t].start < english]


@never_raises("layers of time: the Moscow trials")
def check_trials_before_note(trials, strict=False):
    ex = "layers of time: the Moscow trials"
    early = not_yet(ex, {"trials_before_note": trials},
                     "keep the events whose id starts with \"moscow-trial\" and whose start lies between the "
                     "letter's date and the English edition's.", strict)
    if early:
        return early
    want = trials_before_note_key()
    try:
        got = [_event_id(t) for t in trials]
    except TypeError:
        got = [trials]
    if sorted(got) != sorted(want):
        return finish(ex, WRONG, f"you list {len(got)} trial(s); the data has {len(want)} Moscow trials between "
                       "the letter and the English edition.", "compare `e.start` with both dates; list the "
                       "event ids.", strict)
    return finish(ex, RIGHT, f"all {len(want)} Moscow trials came between the letter and the note's English "
                   "printing.", "", strict)


def _claims():
    return load_claims()


def note_claims():
    return [c for c in _claims() if c.source_text == "note"]


ESPIONAGE_CLAIM = "note-espionage-established"


@never_raises("the note's claims")
def check_claim_verdicts(my_verdicts, strict=False):
    ex = "the note's claims"
    claims = {c.id: c for c in note_claims()}
    if not isinstance(my_verdicts, dict):
        return finish(ex, WRONG, "`my_verdicts` should be a dictionary {claim id: verdict}.",
                       "start again from the scaffold.", strict)
    blank = [cid for cid in claims if cid not in my_verdicts or is_blank(my_verdicts[cid])]
    if blank:
        return finish(ex, NOT_YET, f"{len(blank)} of the {len(claims)} claims have no verdict yet, e.g. `{blank[0]}`.",
                       "for each claim, compare what the note says with the dates and sources of its events; "
                       "the verdicts are " + quoted_list(VERDICTS) + ".", strict)
    unknown = {cid: v for cid, v in my_verdicts.items() if v not in VERDICTS}
    if unknown:
        cid, value = next(iter(unknown.items()))
        return finish(ex, WRONG, f"\"{value}\" (for {cid}) is not one of the verdicts.",
                       "use exactly one of " + quoted_list(VERDICTS) + ".", strict)
    if my_verdicts.get(ESPIONAGE_CLAIM) == "consistent":
        c = claims.get(ESPIONAGE_CLAIM)
        return finish(ex, WRONG, "you call the note's claim that the trial \"established\" espionage consistent "
                       "with the record. It is a verdict of a court whose findings historians dispute, not a date "
                       "or a fact you can check against an event.",
                       (c.explanation if c else "") + " Which verdict fits a claim that the sources dispute?", strict)
    wrong = [cid for cid, c in claims.items() if my_verdicts[cid] != c.verdict]
    if wrong:
        first = claims[wrong[0]]
        return finish(ex, WRONG, f"{len(claims) - len(wrong)} of {len(claims)} verdicts agree with the module's "
                       f"evidence; not yet {quoted_list(wrong[:4])}.",
                       f"on \"{first.quote}\": {first.explanation}", strict)
    return finish(ex, RIGHT, f"all {len(claims)} verdicts agree with the module's evidence, and the espionage "
                   f"claim is \"{my_verdicts.get(ESPIONAGE_CLAIM)}\", not consistent.", "", strict)


def corroboration_key(claims=None):
    """For each claim of the note: the set of sources behind it (cited directly or through its events)."""
    events = {e.id: e for e in _events()}
    matrix = {}
    for c in claims if claims is not None else note_claims():
        event_ids = list(getattr(c, "events", [])) + [k for k in c.evidence if k in events]
        sources = {k for k in c.evidence if k not in events}
        for eid in event_ids:
            sources |= set(events[eid].sources)
        matrix[c.id] = sources
    return matrix


@never_raises("corroboration matrix")
def check_corroboration(matrix, fewest, strict=False):
    ex = "corroboration matrix"
    early = not_yet(ex, {"matrix": matrix, "fewest": fewest},
                     "for each claim, take the sources in `claim.evidence` and add the `sources` of each event "
                     "in `claim.events`; collect them in a set.", strict)
    if early:
        return early
    key = corroboration_key()
    if not isinstance(matrix, dict) or set(matrix) != set(key):
        return finish(ex, WRONG, "the matrix should have one entry per claim of the note.",
                       "`{c.id: ... for c in claims}`", strict)
    problems = []
    for cid, want in key.items():
        got = set(matrix[cid]) if isinstance(matrix[cid], (set, list, tuple, frozenset)) else {matrix[cid]}
        if got != want:
            lost = sorted(want - got)
            problems.append(f"{cid}: " + (f"lacks {quoted_list(lost[:3])}" if lost else f"has extra {quoted_list(sorted(got - want)[:3])}"))
    least = min(len(v) for v in key.values())
    want_fewest = sorted(cid for cid, v in key.items() if len(v) == least)
    got_fewest = sorted([fewest] if isinstance(fewest, str) else list(fewest))
    if not problems and got_fewest != want_fewest:
        return finish(ex, WRONG, f"the matrix is right, but the claims with the fewest sources are not "
                       f"{quoted_list(got_fewest)}.", f"the smallest set has {least} sources; list every claim whose "
                       "set is that small (there may be a tie).", strict)
    if problems:
        return finish(ex, WRONG, "; ".join(problems[:4]) + ".",
                       "did you add the sources of each of the claim's events? `by_id[eid].sources`", strict)
    return finish(ex, RIGHT, f"the matrix is right; {quoted_list(want_fewest)} rest(s) on {least} source(s) only.", "",
                   strict)
