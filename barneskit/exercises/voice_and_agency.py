"""Checks and keys for the exercise set "Voice and agency" (``exercises/voice-and-agency.md``).

Each check answers in plain words (see :mod:`barneskit.exercises.feedback`); each key is computed
from the texts and data when the check runs.
"""
from __future__ import annotations

import re

from barneskit.analysis import textstats
from barneskit.exercises.feedback import (
    RIGHT, WRONG, as_number, finish, never_raises, not_yet,
    quoted_list)


# --- 4. Attribution against certainty ----------------------------------------------------------

@never_raises("attribution and certainty")
def check_stance_rates(rates, strict=False):
    ex = "attribution and certainty"
    early = not_yet(ex, {"rates": rates},
                     "rate = 100 * number of markers found / number of words (count words by spaces). "
                     "`textstats.find_markers(letter, textstats.ATTRIBUTION)` lists the markers found.", strict)
    if early:
        return early
    key = textstats.stance_rates()
    if not isinstance(rates, dict) or set(rates) != set(key) or any(
            not isinstance(rates[t], dict) or set(rates[t]) != set(key[t]) for t in key):
        return finish(ex, WRONG, "the answer should keep the scaffold's shape: {\"letter\": {\"attribution\": ..., "
                       "\"certainty\": ...}, \"note\": {...}}.", "start again from the scaffold.", strict)
    problems, hints = [], set()
    for which in key:
        words = textstats.text_of(which)
        for kind, want in key[which].items():
            got = as_number(rates[which][kind])
            if got is not None and abs(got - want) <= 0.01:
                continue
            count = len(textstats.find_markers(words, textstats.STANCE_LISTS[kind]))
            label = f"{which} {kind}"
            if got is None:
                problems.append(f"{label} is not a number")
            elif want and abs(got * 100 - want) <= 0.01:
                problems.append(f"{label}: {got} is a share of the words, not a rate per 100")
                hints.add("multiply by 100")
            elif abs(got - count) < 1e-9:
                problems.append(f"{label}: {got} is the number of markers, not a rate")
                hints.add("divide by the number of words, then multiply by 100")
            elif abs(got - want) <= 0.06:
                problems.append(f"{label}: {got} is close to the rate but not rounded to two decimals")
                hints.add("use `round(value, 2)` on the unrounded rate")
            elif abs(got - textstats.rate_per_100(count, len(textstats.regex_words(words)))) <= 0.01:
                problems.append(f"{label}: you counted words with \\w+; this exercise counts them by spaces")
                hints.add("use `textstats.word_count(text)`")
            else:
                problems.append(f"{label}: {got} is not the rate (there are {count} marker(s) in the {which})")
                hints.add(f"check the word count of the {which}, and which list you matched")
    if problems:
        return finish(ex, WRONG, "; ".join(problems) + ".", "; ".join(sorted(hints)) + "." if hints else
                       "recompute each rate from its counts.", strict)
    return finish(ex, RIGHT, "all four rates per 100 words are right: "
                   + "; ".join(f"{w} {k} {v}" for w in key for k, v in key[w].items()) + ".", "", strict)


# --- 5. Who is named, who is absent ------------------------------------------------------------

@never_raises("who is named")
def check_names(named_in_letter, named_in_note, absent, strict=False):
    ex = "who is named"
    early = not_yet(ex, {"named_in_letter": named_in_letter, "named_in_note": named_in_note, "absent": absent},
                     "loop over `gazetteer`; an entity is named in a text if any of its `forms` occurs in it. "
                     "`absent` is the set of all names minus those named anywhere.", strict)
    if early:
        return early
    letter, note = textstats.letter_text(), textstats.note_text()
    key = {"named_in_letter": set(textstats.names_in(letter)), "named_in_note": set(textstats.names_in(note)),
           "absent": set(textstats.absent_names())}
    problems = []
    for name, got in (("named_in_letter", named_in_letter), ("named_in_note", named_in_note), ("absent", absent)):
        got = set(got) if isinstance(got, (set, list, tuple, frozenset)) else {got}
        lost, extra = sorted(key[name] - got), sorted(got - key[name])
        if lost:
            problems.append(f"`{name}` lacks {quoted_list(lost)}")
        if extra:
            problems.append(f"`{name}` should not hold {quoted_list(extra)}")
    if problems:
        return finish(ex, WRONG, "; ".join(problems) + ".",
                       "compare names with `entity.name`, and test every form: the U.S.S.R. is also written "
                       "\"Soviet\"; the note's \"investigation\" counts as the investigating authorities.", strict)
    return finish(ex, RIGHT, f"the letter names {len(key['named_in_letter'])} of the people and bodies on the list, "
                   f"the note {len(key['named_in_note'])}; {len(key['absent'])}, every defendant among them, "
                   "are named in neither.", "", strict)


# --- 6. Agentless passives ---------------------------------------------------------------------

@never_raises("agentless passives")
def check_passive_pattern(pattern, strict=False):
    ex = "agentless passives"
    early = not_yet(ex, {"passive_pattern": pattern},
                     "start from the naive pattern in the exercise text and allow the question form: "
                     "\"was\", perhaps \"not\", up to two words, then the participle.", strict)
    if early:
        return early
    try:
        re.compile(pattern)
    except (re.error, TypeError) as exc:
        return finish(ex, WRONG, f"the pattern is not a valid regular expression ({exc}).",
                       "build it step by step and test each step with `textstats.find_pattern(letter, ...)`.", strict)
    problems = []
    for which in ("letter", "note"):
        words = textstats.text_of(which)
        want, got = textstats.passives(words), textstats.find_pattern(words, pattern)
        missed = [w for w in want if not any(w in g or g in w for g in got)]
        extra = [g for g in got if not any(w in g or g in w for w in want)]
        if missed:
            problems.append(f"in the {which} it misses {quoted_list(missed)}")
        if extra:
            problems.append(f"in the {which} it also matches {quoted_list(extra)}, which is not a passive")
    if problems:
        question = "Was not legal action taken"
        hint = ("the question puts \"not\" and the subject between \"Was\" and \"taken\": allow "
                "`(?:\\s+not)?` and up to two words `(?:\\s+\\w+){0,2}?`."
                if any(question in p for p in problems) else
                "make the pattern stricter: a form of \"be\" and a past participle ending in -ed, or \"taken\".")
        return finish(ex, WRONG, "; ".join(problems) + ".", hint, strict)
    found = textstats.passives(textstats.letter_text()) + textstats.passives(textstats.note_text())
    return finish(ex, RIGHT, f"the pattern finds all {len(found)} passives ({quoted_list(found)}), the question "
                   "form included, and nothing else.", "", strict)


# --- 7. The one question -----------------------------------------------------------------------

@never_raises("the rhetorical question")
def check_question(sentence_count, the_question, strict=False):
    ex = "the rhetorical question"
    early = not_yet(ex, {"sentence_count": sentence_count, "the_question": the_question},
                     "`textstats.sentences(letter)` splits carefully; keep those that end with \"?\".", strict)
    if early:
        return early
    body = textstats.letter_text()
    found = textstats.sentences(body)
    key_question = textstats.questions(body)
    problems, hints = [], []
    n = as_number(sentence_count)
    if n != len(found):
        if n == len(textstats.naive_sentences(body)):
            problems.append(f"{sentence_count} counts a sentence end after every full stop, so \"Mr.\" and "
                            "\"U.S.S.R.\" cut sentences in two")
            hints.append("use `textstats.sentences`, which knows these abbreviations, and compare with "
                         "`textstats.naive_sentences`")
        else:
            problems.append(f"the letter does not have {sentence_count} sentences")
            hints.append("count `textstats.sentences(letter)`")
    got = " ".join(str(the_question).split())
    if len(key_question) != 1:
        problems.append("(the letter should have exactly one question; the text may have changed)")
    elif got != key_question[0]:
        if got.endswith(key_question[0]):
            problems.append("your question starts too early: it includes the end of the sentence before it")
            hints.append("the sentence before ends with \"U.S.S.R.\"")
        else:
            problems.append(f"\"{got[:60]}\" is not the question in the letter")
            hints.append("copy the sentence that ends with \"?\" from the output of `textstats.sentences`")
    if problems:
        return finish(ex, WRONG, "; ".join(problems) + ".", "; ".join(hints) + "." if hints else "", strict)
    return finish(ex, RIGHT, f"{len(found)} sentences, and one question: \"{key_question[0]}\"", "", strict)
