"""Checks and keys for the exercise set "Voice and agency" (``exercises/voice-and-agency.md``).

Each check answers in plain words (see :mod:`barneskit.exercises.feedback`); each key is computed
from the texts and data when the check runs.
"""
from __future__ import annotations

import re

from barneskit.analysis import textstats
from barneskit.corpus.gazetteer import load_gazetteer
from barneskit.exercises.feedback import (
    RIGHT, WRONG, as_items, as_number, finish, kind, never_raises, normal, not_yet, number_problem,
    plural, quoted_list, regex_problem, sentences, shorten)


# --- 4. Attribution against certainty ----------------------------------------------------------

@never_raises("attribution and certainty")
def check_stance_rates(rates, strict=False):
    ex = "attribution and certainty"
    early = not_yet(ex, {"rates": rates},
                     "first the idea: a rate per 100 words is a count of markers set against the length of the text; "
                     "the second hint under the exercise names the two functions that give both", strict)
    if early:
        return early
    key = textstats.stance_rates()
    if not isinstance(rates, dict) or set(rates) != set(key) or any(
            not isinstance(rates[t], dict) or set(rates[t]) != set(key[t]) for t in key):
        return finish(ex, WRONG, f"the answer is {kind(rates)} that has lost the scaffold's shape: one dictionary "
                       "for the letter and one for the note, each with an attribution and a certainty rate",
                       "start again from the scaffold and replace only the `...`", strict)
    got_all = {w: {k: as_number(rates[w][k]) for k in key[w]} for w in key}
    if all(got_all[w][k] is not None for w in key for k in key[w]) and any(
            key[w]["attribution"] != key[w]["certainty"] for w in key) and all(
            abs(got_all[w]["attribution"] - key[w]["certainty"]) <= 0.01
            and abs(got_all[w]["certainty"] - key[w]["attribution"]) <= 0.01 for w in key):
        return finish(ex, WRONG, "the attribution and certainty rates are swapped in both texts",
                       "check which list you matched for each kind: `textstats.ATTRIBUTION` or `textstats.CERTAINTY`",
                       strict)
    problems, hints = [], set()
    for which in key:
        words = textstats.text_of(which)
        for stance, want in key[which].items():
            got = got_all[which][stance]
            if got is not None and abs(got - want) <= 0.01:
                continue
            count = len(textstats.find_markers(words, textstats.STANCE_LISTS[stance]))
            label = f"{which} {stance}"
            if got is None:
                problems.append(number_problem(rates[which][stance], label))
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
                problems.append(f"{label}: {got} is not the rate (there {'is' if count == 1 else 'are'} "
                                f"{plural(count, 'marker')} in the {which})")
                hints.add(f"check the word count of the {which}, and which list you matched")
    if problems:
        return finish(ex, WRONG, sentences(problems), sentences(sorted(hints)) if hints else
                       "recompute each rate from its counts", strict)
    return finish(ex, RIGHT, "all four rates per 100 words are right: "
                   + "; ".join(f"{w} {k} {v}" for w in key for k, v in key[w].items()) + ".", "", strict)


# --- 5. Who is named, who is absent ------------------------------------------------------------

@never_raises("who is named")
def check_names(named_in_letter, named_in_note, absent, strict=False):
    ex = "who is named"
    early = not_yet(ex, {"named_in_letter": named_in_letter, "named_in_note": named_in_note, "absent": absent},
                     "first the idea: each entity on the list can be written in several forms, and it is named in a text "
                     "if any of them occurs there; the second hint under the exercise gives the loop", strict)
    if early:
        return early
    letter, note = textstats.letter_text(), textstats.note_text()
    key = {"named_in_letter": set(textstats.names_in(letter)), "named_in_note": set(textstats.names_in(note)),
           "absent": set(textstats.absent_names())}
    answers = {"named_in_letter": named_in_letter, "named_in_note": named_in_note, "absent": absent}
    canonical = {}
    for entity in load_gazetteer():
        for form in (entity.name, *entity.forms):
            for variant in (normal(form), normal(form).removeprefix("the ")):
                canonical[variant] = entity.name
                canonical[variant.replace(".", "")] = entity.name   # "USSR" for "U.S.S.R."

    def entity_of(item):
        words = normal(item).removeprefix("the ")
        if words in canonical or words.replace(".", "") in canonical:
            return canonical.get(words, canonical.get(words.replace(".", "")))
        # "Soviet Union" for the form "Soviet": a longer name that begins with a listed form
        starts = [f for f in canonical if len(f) > 3 and words.startswith(f + " ")]
        return canonical[max(starts, key=len)] if starts else item.strip()
    read, problems = {}, []
    for name, value in answers.items():
        items = as_items(value)
        if items is None or any(not isinstance(i, str) for i in items):
            what = kind(value) if items is None else "a collection with something other than names in it"
            problems.append(f"`{name}` is {what}; it should be a set of names, such as "
                            "{\"J. V. Stalin\", \"Russians\"}")
            continue
        read[name] = {entity_of(i) for i in items}
    if not problems and read["named_in_letter"] == key["absent"] and read["absent"] == key["named_in_letter"]:
        return finish(ex, WRONG, "`named_in_letter` and `absent` are swapped", "which names occur in the letter?",
                      strict)
    for name, got in read.items():
        lost, extra = sorted(key[name] - got), sorted(got - key[name])
        if lost:
            problems.append(f"`{name}` lacks {quoted_list(lost)}")
        if extra:
            problems.append(f"`{name}` should not hold {quoted_list(extra)}")
    if problems:
        return finish(ex, WRONG, sentences(problems),
                       "compare names with `entity.name`, and test every form: the U.S.S.R. is also written "
                       "\"Soviet\"; the note's \"investigation\" counts as the investigating authorities", strict)
    return finish(ex, RIGHT, f"the letter names {len(key['named_in_letter'])} of the people and bodies on the list, "
                   f"the note {len(key['named_in_note'])}; {len(key['absent'])}, every defendant among them, "
                   "are named in neither", "", strict)


# --- 6. Agentless passives ---------------------------------------------------------------------

@never_raises("agentless passives")
def check_passive_pattern(pattern, strict=False):
    ex = "agentless passives"
    early = not_yet(ex, {"passive_pattern": pattern},
                     "first the idea: run the naive pattern from the exercise text and see which passive it misses; "
                     "then widen it for the question form (the second hint)", strict)
    if early:
        return early
    problem = regex_problem(pattern)
    if problem:
        return finish(ex, WRONG, f"the pattern: {problem}",
                       "build it step by step and test each step with `textstats.find_pattern(letter, ...)`", strict)
    if re.match(r"^r?[\"']", pattern) and re.search(r"[\"']$", pattern):
        return finish(ex, WRONG, "the pattern has its own quotes inside it (`r\"...\"` typed within the string), so it "
                       "looks for quote marks in the text", "write the pattern as r\"...\" once: the r and the quotes "
                       "go around it, not inside it", strict)
    problems, found_all, missed_any, extra_any = [], [], False, False
    for which in ("letter", "note"):
        words = textstats.text_of(which)
        want = [(m.start(), m.end()) for m in re.finditer(textstats.PASSIVE_PATTERN, words, re.IGNORECASE)]
        got = [(m.start(), m.end()) for m in re.finditer(pattern, words, re.IGNORECASE) if m.end() > m.start()]
        exact = set(want) & set(got)
        found_all += [words[a:b] for a, b in got if (a, b) in exact]
        missed, partial, extra = [], [], []
        for w in want:
            if w in exact:
                continue
            overlapping = [g for g in got if g not in exact and g[0] < w[1] and w[0] < g[1]]
            if overlapping:
                partial.append((overlapping[0], w))
            else:
                missed.append(w)
        paired = {g for g, _ in partial}
        extra = [g for g in got if g not in exact and g not in paired
                 and not any(g[0] < w[1] and w[0] < g[1] for w in want)]
        for g, w in partial:
            inside = w[0] <= g[0] and g[1] <= w[1]
            problems.append(f"in the {which} it matches \"{shorten(words[g[0]:g[1]])}\", "
                            + (f"only part of the passive \"{words[w[0]:w[1]]}\"" if inside else
                               f"which runs past the passive \"{words[w[0]:w[1]]}\""))
            missed_any |= inside
            extra_any |= not inside
        missed_any |= bool(missed)
        extra_any |= bool(extra)
        if missed:
            problems.append(f"in the {which} it misses {quoted_list([words[a:b] for a, b in missed])}")
        if extra:
            shown = [shorten(words[a:b], 40) for a, b in extra[:4]]
            problems.append(f"in the {which} it also matches {quoted_list(shown)}, "
                            f"{'which is not a passive' if len(extra) == 1 else 'which are not passives'}")
    if problems:
        question = "Was not legal action taken"
        if any(question in p and "misses" in p for p in problems):
            hint = ("the question puts \"not\" and the subject between \"Was\" and \"taken\": allow an optional "
                    "\"not\" and then up to two words before the participle")
        elif missed_any and not extra_any:
            hint = ("the pattern is too narrow: widen it so that any form of \"be\" (was, were ...) followed by "
                    "a past participle (a word in -ed, or \"taken\") is found")
        elif extra_any and not missed_any:
            hint = ("the pattern is too wide: make it stricter, so that it ends with a past participle (a word in "
                    "-ed, or \"taken\") and takes no more words than the passive")
        else:
            hint = ("it both misses and over-reaches: start again from the naive pattern in the exercise and "
                    "change one thing at a time")
        return finish(ex, WRONG, sentences(problems), hint, strict)
    return finish(ex, RIGHT, f"your pattern finds {quoted_list(found_all)}: all {len(found_all)} passives, the "
                   "question form included, and nothing else", "", strict)


# --- 7. The one question -----------------------------------------------------------------------

@never_raises("the rhetorical question")
def check_question(sentence_count, the_question, strict=False):
    ex = "the rhetorical question"
    early = not_yet(ex, {"sentence_count": sentence_count, "the_question": the_question},
                     "first the idea: a full stop does not always end a sentence; print `textstats.sentences(letter)` "
                     "and look at where it cuts", strict)
    if early:
        return early
    letter = textstats.letter_text()
    paragraphs = "\n".join(s.text for s in textstats.letter().by_role("paragraph"))
    found, in_body = textstats.sentences(letter), textstats.sentences(paragraphs)
    key_question = textstats.questions(letter)
    problems, hints, note = [], [], ""
    n = as_number(sentence_count)
    if n is None:
        problems.append(number_problem(sentence_count, "the sentence count"))
        hints.append("`len(textstats.sentences(letter))`")
    elif n == len(in_body) and n != len(found):
        note = (f" You counted the sentences of the three paragraphs ({len(in_body)}); counting the salutation, "
                f"closing and signature too gives {len(found)}: both readings are right if you say which.")
    elif n != len(found):
        if n != int(n):
            problems.append(f"{sentence_count} is not a whole number of sentences")
            hints.append("`len(...)` counts a list")
        elif n == len(textstats.naive_sentences(letter)):
            problems.append(f"{int(n)} counts a sentence end after every full stop, so \"Mr.\" and "
                            "\"U.S.S.R.\" cut sentences in two")
            hints.append("use `textstats.sentences`, which knows these abbreviations, and compare with "
                         "`textstats.naive_sentences`")
        else:
            problems.append(f"the letter does not have {int(n)} sentences")
            hints.append("count `textstats.sentences(letter)`")
    asked = the_question[0] if isinstance(the_question, (list, tuple)) and len(the_question) == 1 else the_question
    if len(key_question) != 1:
        problems.append("the letter should have exactly one question; the text may have changed")
    elif not isinstance(asked, str):
        problems.append(f"`the_question` is {kind(asked)}; it should be the question, copied as a string")
        hints.append("copy the sentence that ends with \"?\" and put it in quotes")
    else:
        asked = asked.strip().strip("\"'\u201c\u201d")   # the question copied with its quotation marks
        got = normal(asked)
        want = normal(key_question[0])
        bare_got, bare_want = got.rstrip("?").strip(), want.rstrip("?").strip()
        if bare_got != bare_want:
            if bare_want in got and got.endswith(want.rstrip("?")) or got.endswith(want):
                problems.append("your question starts too early: it includes the end of the sentence before it")
                hints.append("the sentence before ends with \"U.S.S.R.\"")
            elif bare_want in got:
                problems.append("your answer holds more than the question: it runs on into the next sentence")
                hints.append("stop at the question mark")
            elif bare_got and bare_want.startswith(bare_got):
                problems.append(f"\"{shorten(asked)}\" is only the beginning of the question")
                hints.append("copy the sentence up to its question mark")
            else:
                problems.append(f"\"{shorten(asked)}\" is not the question in the letter")
                hints.append("print each sentence of `textstats.sentences(letter)` and look for the one that ends "
                             "with \"?\"")
    if problems:
        return finish(ex, WRONG, sentences(problems), sentences(hints) if hints else "", strict)
    return finish(ex, RIGHT, f"{int(n)} sentences, and one question: \"{key_question[0]}\"{note}", "", strict)
