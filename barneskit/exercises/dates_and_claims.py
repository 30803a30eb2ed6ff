"""Checks and keys for the exercise set "Dates and claims" (``exercises/dates-and-claims.md``).

Each check answers in plain words (see :mod:`barneskit.exercises.feedback`); each key is computed
from the texts and data when the check runs.
"""
from __future__ import annotations

import re

from barneskit.analysis import textstats
from barneskit.corpus.claims import VERDICTS, load_claims
from barneskit.corpus.events import load_events
from barneskit.corpus.exercise_sets import load_answer_policy
from barneskit.exercises.feedback import (
    NOT_YET, RIGHT, WRONG, as_ids, as_items, as_number, finish, is_blank, kind, never_raises, normal, normal_id, not_yet,
    number_problem, plural, quoted_list, sentences, shorten)


# --- 8. Layers of time -------------------------------------------------------------------------

@never_raises("layers of time")
def check_time_layers(layers, strict=False):
    ex = "layers of time"
    early = not_yet(ex, dict(layers) if isinstance(layers, dict) and layers else {"layers": layers},
                     "first the idea: a gap in years is a later year minus an earlier one; the letter's year is "
                     "`meta.date.year`, and each printing has a `year` of its own", strict)
    if early:
        return early
    key = textstats.time_layers()
    if not isinstance(layers, dict) or set(layers) != set(key):
        lost = sorted(set(key) - set(layers)) if isinstance(layers, dict) else []
        extra = sorted(map(str, set(layers) - set(key))) if isinstance(layers, dict) else []
        return finish(ex, WRONG, f"the answer should have one entry per printing, {quoted_list(sorted(key))}"
                       + (f"; it has lost {quoted_list(lost)}" if lost else "")
                       + (f"; {quoted_list(extra)} {'is' if len(extra) == 1 else 'are'} not a printing of the "
                          "scaffold" if extra else "")
                       + (f"; it is {kind(layers)}" if not isinstance(layers, dict) else ""),
                       "keep the keys of the scaffold", strict)
    meta = textstats.letter().metadata
    problems, hints = [], set()
    for name, want in key.items():
        got = as_number(layers[name])
        if got == want:
            continue
        if got is None:
            problems.append(number_problem(layers[name], name))
            hints.add("a number of years, in digits")
        elif got > 1900:
            problems.append(f"{name}: {layers[name]} is a year, not a number of years")
            hints.add(f"subtract the letter's year, {meta.date.year}")
        elif got is not None and got == -want:
            problems.append(f"{name}: the difference has the wrong sign")
            hints.add("later year minus earlier year")
        else:
            problems.append(f"{name}: not {layers[name]} years")
            hints.add("look up the year of this printing in `meta.editions` or `meta.transcription`")
    if problems:
        return finish(ex, WRONG, sentences(problems), sentences(sorted(hints)), strict)
    return finish(ex, RIGHT, "the gaps are " + ", ".join(f"{k} {v} years" for k, v in key.items()), "", strict)


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
                     "first the idea: keep the events of 1933, put them in date order, then count the days between "
                     "two of them; the second hint under the exercise says how Python does each", strict)
    if early:
        return early
    key = timeline_key()
    by_id = {e.id: e for e in _events()}
    want = [e.id for e in key["timeline"]]
    problems, hints = [], []
    items = as_items(timeline) if not isinstance(timeline, str) else None
    got = [normal_id(_event_id(i)) if isinstance(_event_id(i), str) else i for i in items] if items else None
    if got is None or any(not isinstance(g, str) for g in got):
        problems.append(f"the timeline is {kind(timeline) if got is None else 'a list with something other than events in it'}; "
                        "it should be a list of events (or their ids) from `events`")
        hints.append("build it from `events`, the list loaded above")
    elif [g for g in got if g not in by_id]:
        unknown = [g for g in got if g not in by_id]
        problems.append(f"{quoted_list(unknown[:3])} {'is not an event id' if len(unknown) == 1 else 'are not event ids'}"
                        " of the data")
        hints.append("take the events (or `e.id`) from `events` rather than typing them")
    else:
        lost, extra = [w for w in want if w not in got], [g for g in got if g not in want]
        twice = sorted({g for g in got if got.count(g) > 1})
        if lost:
            problems.append(f"the timeline has {len(want) - len(lost)} of the {len(want)} events dated 1933")
            hints.append("filter on `e.start.year == 1933`")
        if extra:
            problems.append(f"{quoted_list(extra[:3])} {'is' if len(extra) == 1 else 'are'} not dated 1933")
            hints.append("keep only the events whose `start.year` is 1933")
        if twice:
            problems.append(f"{quoted_list(twice[:3])} {'comes' if len(twice) == 1 else 'come'} twice")
            hints.append("each event once: filter `events`, do not add to the list by hand")
        order = [by_id[g].start for g in got]
        wrong_place = next((i for i in range(1, len(order)) if order[i] < order[i - 1]), None)
        if isinstance(timeline, (set, frozenset)):
            problems.append("the timeline is a set, and a set has no order; a timeline is a list in date order")
            hints.append("`sorted(..., key=lambda e: e.start)` gives a list")
        elif wrong_place is not None and not twice:
            problems.append(f"the events are not in date order: \"{by_id[got[wrong_place - 1]].label}\" "
                            f"comes before \"{by_id[got[wrong_place]].label}\"")
            hints.append("sort by `e.start`")
    for value, label in ((days_arrests_to_reply, "the days from the arrests to the reply"),
                         (days_reply_to_trial, "the days from the reply to the trial")):
        number = as_number(value)
        if number is None:
            problems.append(number_problem(value, label))
            hints.append("subtract two dates and take `.days`")
        elif number != int(number):
            problems.append(f"{label}: {value} is not a whole number of days")
            hints.append("`(later.start - earlier.start).days` is a whole number")
    a = as_number(days_arrests_to_reply)
    if a is not None and a == int(a) and a not in (key["arrests_to_reply"], key["arrests_end_to_reply"]):
        if -a in (key["arrests_to_reply"], key["arrests_end_to_reply"]):
            problems.append("the days from the arrests to the reply have the wrong sign")
            hints.append("later date minus earlier date")
        elif a in (key["arrests_to_reply"] + 1, key["arrests_end_to_reply"] + 1):
            problems.append(f"{int(a)} days from the arrests to the reply counts both the first and "
                            "the last day")
            hints.append("subtracting the dates gives the days between them")
        else:
            problems.append(f"{int(a)} is not the number of days from the arrests to the reply")
            hints.append("find the two events by id in `by_id`, then subtract their `start` dates")
    r = as_number(days_reply_to_trial)
    if r is not None and r == int(r) and r != key["reply_to_trial"]:
        if r == -key["reply_to_trial"]:
            problems.append("the days from the reply to the trial have the wrong sign")
            hints.append("later date minus earlier date")
        elif r == key["reply_to_trial"] + 1:
            problems.append(f"{int(r)} days from the reply to the trial counts both ends")
            hints.append("subtracting the dates gives the days between them")
        else:
            problems.append(f"{int(r)} is not the number of days from the reply to the trial's opening")
            hints.append("use the event `mv-trial-opens`")
    if problems:
        return finish(ex, WRONG, sentences(problems), sentences(dict.fromkeys(hints)), strict)
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
                     "first the idea: a trial came between the two printings if its date is after the letter's and "
                     "before the English edition's; compare the dates", strict)
    if early:
        return early
    want = trials_before_note_key()
    events = {e.id: e for e in _events()}
    if isinstance(trials, str):   # ids in one string, "a, b, c": read as the list they name
        trials = [t for t in re.split(r"[,;]", trials) if t.strip()]
    items = as_items(trials)
    hint = "compare each trial's `start` with both dates, and list the event ids of those in between"
    if items is None or isinstance(trials, (int, float)):
        return finish(ex, WRONG, f"`trials_before_note` is {kind(trials)}; it should be a list of event ids",
                       hint, strict)
    ids = [_event_id(t) for t in items]
    ids = [int(i) if isinstance(i, str) and re.fullmatch(r"\s*\d{4}\s*", i) else i for i in ids]
    if all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
        years = sorted(events[t].start.year for t in want)
        if sorted(ids) == years:
            return finish(ex, WRONG, f"those are the years of the {len(want)} trials, but the exercise asks for "
                           "their event ids, so that the list points at the data", "each event has an `id`; "
                           "keep the ids of the trials you found", strict)
        return finish(ex, WRONG, "the list holds numbers; it should hold the event ids of the trials", hint, strict)
    got = [normal_id(i) if isinstance(i, str) else i for i in ids]
    unknown = [g for g in got if g not in events]
    if unknown:
        return finish(ex, WRONG, f"{quoted_list([str(u) for u in unknown[:3]])} "
                       f"{'is not an event id' if len(unknown) == 1 else 'are not event ids'} of the data",
                       "take the ids from `events` rather than typing them", strict)
    problems = []
    twice = sorted({g for g in got if got.count(g) > 1})
    if twice:
        problems.append(f"{quoted_list(twice)} {'is' if len(twice) == 1 else 'are'} listed twice")
    found, extra = [w for w in want if w in got], sorted({g for g in got if g not in want})
    if len(found) < len(want):
        missing = [events[w].start.year for w in want if w not in got]
        problems.append(f"you list {len(found)} of the {len(want)} Moscow trials between the letter and the English "
                        f"edition; the one{'s' if len(missing) > 1 else ''} of {quoted_list(missing)} "
                        f"{'is' if len(missing) == 1 else 'are'} missing".replace('"', ""))
    if extra:
        problems.append(f"{quoted_list(extra)} {'is not a Moscow trial' if len(extra) == 1 else 'are not Moscow trials'}"
                        " between the letter and the English edition")
    if problems:
        return finish(ex, WRONG, sentences(problems), hint, strict)
    return finish(ex, RIGHT, f"all {len(want)} Moscow trials came between the letter and the note's English "
                   "printing", "", strict)


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
    blank = [cid for cid in claims if cid not in my_verdicts or is_blank(my_verdicts[cid], top=False)]
    if blank:
        return finish(ex, NOT_YET, f"{len(blank)} of the {len(claims)} claims {'has' if len(blank) == 1 else 'have'} "
                       f"no verdict yet, e.g. `{blank[0]}`",
                       "for each claim, compare what the note says with the dates and sources of its events; "
                       "the verdicts are " + quoted_list(VERDICTS), strict)
    strangers = [cid for cid in my_verdicts if cid not in claims]
    if strangers:
        return finish(ex, WRONG, f"{quoted_list([str(c) for c in strangers[:3]])} "
                       f"{'is not a claim' if len(strangers) == 1 else 'are not claims'} of the note",
                       "start from the scaffold: it has one entry per claim id", strict)
    spelled = {normal(v).replace(" ", "-"): v for v in VERDICTS}
    read, unknown = {}, {}
    for cid, value in my_verdicts.items():
        if isinstance(value, str) and normal(value).replace(" ", "-") in spelled:
            read[cid] = spelled[normal(value).replace(" ", "-")]
        else:
            unknown[cid] = value
    if unknown:
        cid, value = next(iter(unknown.items()))
        shown = f"\"{shorten(value)}\"" if isinstance(value, str) else f"{kind(value)}"
        return finish(ex, WRONG, f"{shown} (for {cid}) is not one of the verdicts",
                       "give each claim one word, exactly one of " + quoted_list(VERDICTS), strict)
    if read.get(ESPIONAGE_CLAIM) == "consistent":
        return finish(ex, WRONG, "you call the note's claim that the trial \"established\" espionage consistent "
                       "with the record. It is a verdict of a court whose findings historians dispute, not a date "
                       "or a fact you can check against an event",
                       "read the module's note on this claim in the table of claims: which verdict fits a claim "
                       "that the sources dispute", strict)
    alternatives = {(a.claim, a.verdict): a.why for a in load_answer_policy().vocabulary.alternative_verdicts}
    defended = {cid: alternatives[(cid, v)] for cid, v in read.items() if v != claims[cid].verdict
                and (cid, v) in alternatives}
    wrong = [cid for cid, c in claims.items() if read[cid] != c.verdict and cid not in defended]
    if wrong:
        first = claims[wrong[0]]
        return finish(ex, WRONG, f"{len(claims) - len(wrong)} of {len(claims)} verdicts agree with the module's "
                       f"evidence; not yet {quoted_list(wrong[:4])}",
                       f"look again at \"{first.quote}\": is it a {first.kind} you can check against dated events, "
                       "and do the sources agree on it", strict)
    note = "".join(f" For {cid} you give \"{read[cid]}\" where the module gives \"{claims[cid].verdict}\": "
                   f"{why}; say which reading you take." for cid, why in defended.items())
    return finish(ex, RIGHT, f"all {len(claims)} verdicts agree with the module's evidence, and the espionage "
                   f"claim is \"{read.get(ESPIONAGE_CLAIM)}\", not consistent.{note}", "", strict)


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
                     "first the idea: a claim's sources are those it cites and those of its events; the second hint "
                     "under the exercise says how to collect them in a set", strict)
    if early:
        return early
    key = corroboration_key()
    if not isinstance(matrix, dict):
        return finish(ex, WRONG, f"the matrix is {kind(matrix)}; it should be a dictionary, one entry per claim "
                       "of the note, each a set of source keys", "`{c.id: ... for c in claims}`", strict)
    if set(matrix) != set(key):
        lost, extra = sorted(set(key) - set(matrix)), sorted(set(matrix) - set(key))
        return finish(ex, WRONG, "the matrix should have one entry per claim of the note"
                       + (f"; it lacks {quoted_list(lost[:3])}" if lost else "")
                       + (f"; {quoted_list([str(e) for e in extra[:3]])} "
                          f"{'is not a claim' if len(extra) == 1 else 'are not claims'} of the note" if extra else ""),
                       "`{c.id: ... for c in claims}`", strict)
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in matrix.values()):
        return finish(ex, WRONG, "each entry is a number of sources; the matrix holds the set of source keys "
                       "itself, so that you can see which sources they are", "collect the keys in a set and "
                       "count them afterwards with `len`", strict)
    problems = []
    for cid, want in key.items():
        items = as_items(matrix[cid])
        got = {str(i) for i in items} if items is not None else {str(matrix[cid])}
        if got != want:
            lost = sorted(want - got)
            problems.append(f"{cid}: " + (f"lacks {quoted_list(lost[:3])}" if lost else
                                          f"has extra {quoted_list(sorted(got - want)[:3])}"))
    least = min(len(v) for v in key.values())
    want_fewest = sorted(cid for cid, v in key.items() if len(v) == least)
    fewest_ids = as_ids(fewest)
    if fewest_ids is None:
        problems.append(f"`fewest` is {kind(fewest)}; it should be a list of claim ids")
        got_fewest = None
    else:
        got_fewest = sorted(set(fewest_ids))
    if problems:
        return finish(ex, WRONG, sentences(problems[:4]),
                       "did you add the sources of each of the claim's events? `by_id[eid].sources`"
                       if any(":" in p for p in problems) else "list the claim ids as strings",
                       strict)
    if got_fewest != want_fewest:
        too_many = [f for f in got_fewest if f in key and len(key[f]) > least]
        return finish(ex, WRONG, "the matrix is right, but the claims with the fewest sources are not "
                       f"{quoted_list(got_fewest)}" + (f": {quoted_list(too_many)} "
                       f"{'has' if len(too_many) == 1 else 'have'} more sources than the smallest set" if too_many else ""),
                       f"the smallest set has {plural(least, 'source')}; list every claim whose set is that small "
                       "(there may be a tie)", strict)
    return finish(ex, RIGHT, f"the matrix is right; {quoted_list(want_fewest)} "
                   f"{'rests' if len(want_fewest) == 1 else 'rest'} on {plural(least, 'source')} only", "", strict)
