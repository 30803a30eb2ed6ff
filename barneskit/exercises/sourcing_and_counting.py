"""Checks and keys for the exercise set "Sourcing and counting" (``exercises/sourcing-and-counting.md``).

Each check answers in plain words (see :mod:`barneskit.exercises.feedback`); each key is computed
from the texts and data when the check runs.
"""
from __future__ import annotations

import datetime
import re

from barneskit.analysis import textstats
from barneskit.exercises.feedback import (
    NOT_YET, RIGHT, WRONG, as_number, finish, is_blank, never_raises, not_yet,
    quoted_list)


# --- 1. Sourcing card --------------------------------------------------------------------------

CARD_FIELDS = ("author", "addressee", "date", "place", "original_language", "first_printed", "this_translation")


def sourcing_card_key():
    meta = textstats.letter().metadata
    english = [e for e in meta.editions if e.language == "English"][0]
    return {
        "author": meta.author, "addressee": meta.addressee.name, "date": meta.date,
        "place": None, "original_language": meta.language_of_original,
        "first_printed": min(e.year for e in meta.editions), "this_translation": english.year,
    }


def _as_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


@never_raises("sourcing card")
def check_sourcing_card(card, strict=False):
    ex = "sourcing card"
    if not isinstance(card, dict):
        return finish(ex, WRONG, "the card should be a dictionary, {\"author\": ..., ...}.",
                       "Keep the scaffold's curly brackets and replace each `...`.", strict)
    missing = [f for f in CARD_FIELDS if f not in card]
    if missing:
        return finish(ex, WRONG, f"the card has lost the field(s) {quoted_list(missing)}.",
                       "Start again from the scaffold: it lists every field.", strict)
    blank = [f for f in CARD_FIELDS if card[f] is Ellipsis or (isinstance(card[f], str) and is_blank(card[f]))]
    if blank:
        return finish(ex, NOT_YET, "still to fill in: " + ", ".join(f"`{b}`" for b in blank) + ".",
                       "Everything is in `meta = textstats.letter().metadata`: try `meta.author`, "
                       "`meta.date`, `meta.place`, `meta.editions`.", strict)
    key = sourcing_card_key()
    meta = textstats.letter().metadata
    problems, hints = [], []
    if "stalin" not in str(card["author"]).lower():
        problems.append(f"the author is not {card['author']!r}")
        hints.append("who signed the letter?")
    if "barnes" not in str(card["addressee"]).lower():
        problems.append(f"the addressee is not {card['addressee']!r}")
        hints.append("the salutation names him; the metadata gives his full name")
    if _as_date(card["date"]) != key["date"]:
        problems.append(f"the date {card['date']!r} is not the date printed under the title")
        hints.append("`meta.date` is a date; write it as datetime.date(...) or as 'YYYY-MM-DD'")
    place = card["place"]
    if place is not None and "not stated" not in str(place).lower():
        problems.append(f"the place: the text does not say where it was written, so {place!r} is a guess, "
                        "and a likely guess is not evidence")
        hints.append(f"`meta.place.stated_in_text` is {meta.place.stated_in_text}: write None or 'not stated'")
    if str(card["original_language"]).strip().lower() != key["original_language"].lower():
        problems.append(f"the original language is not {card['original_language']!r}: we read a translation")
        hints.append("`meta.language_of_original`")
    if as_number(card["first_printed"]) != key["first_printed"]:
        if as_number(card["first_printed"]) == meta.date.year:
            problems.append("first printed: 1933 is when it was written; 'Published for the first time' "
                            "says the collected works were its first printing")
        else:
            problems.append(f"first printed: {card['first_printed']!r} is not the year of the earliest edition")
        hints.append("the earliest year among `meta.editions`")
    if as_number(card["this_translation"]) != key["this_translation"]:
        problems.append(f"this translation: {card['this_translation']!r} is not the year of the English edition")
        hints.append("the edition whose `language` is 'English'")
    if problems:
        return finish(ex, WRONG, "; ".join(problems) + ".", "; ".join(hints) + ".", strict)
    return finish(ex, RIGHT, "every field matches the metadata, and the place is marked as not stated "
                   "rather than guessed.", "", strict)


# --- 2. Counting words two ways ----------------------------------------------------------------

def word_counts_key():
    body = textstats.letter_text()
    return {"split_count": textstats.word_count(body), "regex_count": len(textstats.regex_words(body)),
            "culprits": sorted({w for w, _ in textstats.count_differences(body)})}


@never_raises("counting words two ways")
def check_word_counts(split_count, regex_count, culprit, strict=False):
    ex = "counting words two ways"
    early = not_yet(ex, {"split_count": split_count, "regex_count": regex_count, "culprit": culprit},
                     "`len(letter.split())` counts pieces between spaces; `len(re.findall(r\"\\w+\", letter))` "
                     "counts runs of letters and digits.", strict)
    if early:
        return early
    key = word_counts_key()
    paragraphs = textstats.word_count("\n".join(s.text for s in textstats.letter().by_role("paragraph")))
    problems, hints = [], []
    s, r = as_number(split_count), as_number(regex_count)
    if (s, r) == (key["regex_count"], key["split_count"]):
        problems.append("the two counts are swapped")
        hints.append("which way turns \"U.S.S.R.\" into four words?")
    else:
        if s != key["split_count"]:
            problems.append(f"the count by spaces is not {split_count}")
            hints.append("only the three paragraphs? count the whole letter from \"Dear\" to \"Stalin\""
                         if s == paragraphs else "use `len(letter.split())` on the whole letter")
        if r != key["regex_count"]:
            problems.append(f"the count by \\w+ is not {regex_count}")
            hints.append("use `len(re.findall(r\"\\w+\", letter))`")
    word = str(culprit).strip()
    if word not in key["culprits"] and textstats.bare(word) not in {textstats.bare(c) for c in key["culprits"]}:
        problems.append(f"\"{word}\" is counted the same way by both methods, so it is not why the counts differ")
        hints.append("print `textstats.count_differences(letter)`: look for words with full stops or hyphens inside")
    if problems:
        return finish(ex, WRONG, "; ".join(problems) + ".", "; ".join(hints) + ".", strict)
    return finish(ex, RIGHT, f"{key['split_count']} words by spaces, {key['regex_count']} by \\w+; "
                   f"\"{word}\" is one of the words the second way cuts into pieces.", "", strict)


# --- 3. Keywords in context --------------------------------------------------------------------

def kwic_key(glob):
    return textstats.kwic(textstats.letter_text(), textstats.glob_to_regex(glob))


def _pattern_problems(name, pattern, glob):
    if not isinstance(pattern, str):
        return [f"`{name}` should be a string such as r\"...\""], []
    try:
        re.compile(pattern)
    except re.error as exc:
        return [f"`{name}` is not a valid regular expression ({exc})"], []
    body = textstats.letter_text()
    want = {line.position: line.keyword for line in kwic_key(glob)}
    got = {line.position: line.keyword for line in textstats.kwic(body, pattern)}
    problems = []
    missed = [want[p] for p in sorted(set(want) - set(got))]
    extra = [got[p] for p in sorted(set(got) - set(want))]
    if missed:
        problems.append(f"`{name}` finds {len(set(want) & set(got))} of the {len(want)} words that begin "
                        f"with \"{glob[:-1]}\"; it misses {quoted_list(missed)}")
    if extra:
        problems.append(f"`{name}` also catches {quoted_list(extra[:5])}, which do not begin with \"{glob[:-1]}\"")
    return problems, missed + extra


@never_raises("keywords in context")
def check_kwic_patterns(law_pattern, foreign_pattern, strict=False):
    ex = "keywords in context"
    early = not_yet(ex, {"law_pattern": law_pattern, "foreign_pattern": foreign_pattern},
                     "a pattern must match the whole word: r\"law\" matches only \"law\"; `\\w*` "
                     "stands for any ending.", strict)
    if early:
        return early
    problems = []
    for name, pattern, glob in (("law_pattern", law_pattern, "law*"), ("foreign_pattern", foreign_pattern, "foreign*")):
        problems += _pattern_problems(name, pattern, glob)[0]
    if problems:
        return finish(ex, WRONG, "; ".join(problems) + ".",
                       "the pattern is matched against each whole word without its punctuation; "
                       "`\\w*` means \"any letters, or none\".", strict)
    n_law, n_foreign = len(kwic_key("law*")), len(kwic_key("foreign*"))
    return finish(ex, RIGHT, f"both patterns find exactly the law- words ({n_law}) and the foreign- words "
                   f"({n_foreign}) in the letter.", "", strict)
