"""Checks and keys for the exercise set "Sourcing and counting" (``exercises/sourcing-and-counting.md``).

Each check answers in plain words (see :mod:`barneskit.exercises.feedback`); each key is computed
from the texts and data when the check runs.
"""
from __future__ import annotations

import datetime
import re

from barneskit.analysis import textstats
from barneskit.corpus.exercise_sets import not_stated_phrases
from barneskit.exercises.feedback import (
    NOT_YET, RIGHT, WRONG, as_items, as_number, finish, is_blank, kind, never_raises, normal, not_yet,
    number_problem, show, quoted_list, regex_problem, sentences, shorten)


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


_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                        "nov", "dec"), start=1)}


def read_date(value):
    """``(date, None)`` for a date in any form a reader writes one, else ``(None, why)``: a date or
    datetime, "1933-03-20", "20 March 1933", "March 20, 1933", "20th Mar. 1933"."""
    if isinstance(value, datetime.datetime):
        return value.date(), None
    if isinstance(value, datetime.date):
        return value, None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None, "it is not a date"
    words = str(value).strip()
    try:
        return datetime.date.fromisoformat(words), None
    except ValueError:
        pass
    ymd = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", words)   # year first: unambiguous
    if ymd:
        try:
            return datetime.date(*map(int, ymd.groups())), None
        except ValueError:
            return None, "that day does not exist"
    low = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", words.lower()).replace(",", " ").replace(".", " ")
    parts = low.split()
    day = month = year = None
    for part in parts:
        if part.isdigit() and len(part) == 4:
            year = int(part)
        elif part.isdigit() and len(part) <= 2:
            day = int(part)
        elif part[:3] in _MONTHS:
            month = _MONTHS[part[:3]]
    if year and month and day:
        try:
            return datetime.date(year, month, day), None
        except ValueError:
            return None, "that day does not exist"
    if re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", words):
        return None, "ambiguous"
    if year and not day:
        return None, "vague"
    return None, "unreadable"


def means_not_stated(value):
    """True for None or a phrase that says the text does not state it ("unknown", "not-stated" ...)."""
    if value is None or str(value).strip() in ("?", "-", "\u2014", "\u2013"):
        return True
    return normal(re.sub(r"[.!,;:()]", " ", str(value))) in not_stated_phrases()


def _mentions_not_stated(value):
    words = f" {normal(re.sub(r'[.!,;:()]', ' ', str(value)))} "
    return any(f" {p} " in words for p in not_stated_phrases() if len(p) > 4)


_AUTHOR = ("stalin",)
_ADDRESSEE = ("barnes",)


@never_raises("sourcing card")
def check_sourcing_card(card, strict=False):
    ex = "sourcing card"
    if not isinstance(card, dict):
        return finish(ex, WRONG, f"the card is {kind(card)}; it should be a dictionary with one entry per field, "
                       "as in the scaffold", "keep the scaffold's curly brackets and replace each `...`", strict)
    missing = [f for f in CARD_FIELDS if f not in card]
    if missing:
        return finish(ex, WRONG, f"the card has lost {'the field' if len(missing) == 1 else 'the fields'} "
                       f"{quoted_list(missing)}", "start again from the scaffold: it lists every field", strict)
    blank = [f for f in CARD_FIELDS if card[f] is Ellipsis or (isinstance(card[f], str) and is_blank(card[f]))]
    if blank:
        return finish(ex, NOT_YET, "still to fill in: " + ", ".join(f"`{b}`" for b in blank),
                       "print `meta` to see what it holds; each field of the card has a field of `meta` "
                       "behind it (`meta.author`, `meta.date`, `meta.place`, `meta.editions`)", strict)
    key = sourcing_card_key()
    meta = textstats.letter().metadata
    problems, hints = [], []
    if not any(a in normal(card["author"]) for a in _AUTHOR) or "barnes" in normal(card["author"]):
        problems.append(f"the author is not \"{shorten(card['author'])}\"")
        hints.append("who signed the letter")
    if not any(a in normal(card["addressee"]) for a in _ADDRESSEE):
        problems.append(f"the addressee is not \"{shorten(card['addressee'])}\"")
        hints.append("the salutation names him; the metadata gives his full name")
    date, why = read_date(card["date"])
    if date != key["date"]:
        shown = show(card["date"])
        if why == "vague" or (isinstance(card["date"], int) and not isinstance(card["date"], bool)):
            problems.append(f"the date {shown} gives the year (or the month) only; the card asks for the day "
                            "printed under the title")
        elif why == "ambiguous":
            problems.append(f"the date {shown} is in figures only, which readers in the United States and in "
                            "Europe read differently (ambiguous); write the month in words or as YYYY-MM-DD")
        elif date is not None:
            problems.append(f"the date {shown} is not the date printed under the title")
        else:
            problems.append(f"the date {shown} cannot be read as a date")
        hints.append("`meta.date` holds the date printed under the title")
    place = card["place"]
    if not means_not_stated(place):
        if _mentions_not_stated(place):
            problems.append(f"the place: you mark it as not stated and still give \"{shorten(place)}\"; the card "
                            "holds what the text states, so keep the likely place for your notes")
        else:
            problems.append(f"the place: the text does not say where it was written, so \"{shorten(place)}\" is "
                            "a guess, and a likely guess is not evidence")
        hints.append(f"`meta.place.stated_in_text` is {meta.place.stated_in_text}: think what a card should say "
                     "about something the text does not state")
    language = normal(re.sub(r"\(.*?\)", " ", str(card["original_language"])))   # "Russian (we read English)"
    if language != normal(key["original_language"]):
        problems.append(f"the original language is not \"{shorten(card['original_language'])}\": we read a "
                        "translation")
        hints.append("`meta.language_of_original`")
    for field, want, what in (("first_printed", key["first_printed"], "the year of the earliest edition"),
                              ("this_translation", key["this_translation"], "the year of the English edition")):
        got = as_number(card[field])
        if got == want:
            continue
        label = field.replace("_", " ")
        if got is None:
            problems.append(number_problem(card[field], label).replace("a number", "a year in digits"))
        elif field == "first_printed" and got == meta.date.year:
            problems.append("first printed: 1933 is when it was written; 'Published for the first time' "
                            "says the collected works were its first printing")
        else:
            problems.append(f"{label}: {card[field]} is not {what}")
        hints.append("the earliest year among `meta.editions`" if field == "first_printed" else
                     "the edition whose `language` is 'English'")
    if problems:
        return finish(ex, WRONG, sentences(problems), sentences(hints), strict)
    return finish(ex, RIGHT, "every field matches the metadata, and the place is marked as not stated "
                   "rather than guessed", "", strict)


# --- 2. Counting words two ways ----------------------------------------------------------------

def word_counts_key():
    body = textstats.letter_text()
    return {"split_count": textstats.word_count(body), "regex_count": len(textstats.regex_words(body)),
            "culprits": sorted({w for w, _ in textstats.count_differences(body)})}


def _letters(word):
    """A word's letters only, lower case, without the note number stuck to it: "Metro-Vickers,1" -> "metrovickers"."""
    return re.sub(r"[^a-z]", "", re.sub(r"[\d,]+$", "", str(word).strip()).lower())


def _is_culprit(word, culprits):
    return isinstance(word, str) and bool(_letters(word)) and _letters(word) in {_letters(c) for c in culprits}


@never_raises("counting words two ways")
def check_word_counts(split_count, regex_count, culprit, strict=False):
    ex = "counting words two ways"
    early = not_yet(ex, {"split_count": split_count, "regex_count": regex_count, "culprit": culprit},
                     "first the idea: the two ways disagree about what a word is; then the method: "
                     "`letter.split()` gives the pieces between spaces, `re.findall(r\"\\w+\", letter)` the runs "
                     "of letters and digits, and `len(...)` counts either list", strict)
    if early:
        return early
    key = word_counts_key()
    paragraphs = textstats.word_count("\n".join(s.text for s in textstats.letter().by_role("paragraph")))
    problems, hints = [], []
    s, r = as_number(split_count), as_number(regex_count)
    if (s, r) == (key["regex_count"], key["split_count"]):
        problems.append("the two counts are swapped")
        hints.append("which way turns \"U.S.S.R.\" into four words")
    else:
        for value, number, want, label, hint in (
                (split_count, s, key["split_count"], "the count by spaces", "use `len(letter.split())` on the "
                 "whole letter"),
                (regex_count, r, key["regex_count"], "the count by \\w+", "use `len(re.findall(r\"\\w+\", letter))`")):
            if number == want:
                continue
            if number is None:
                problems.append(number_problem(value, label).replace("one exact number", "one exact number, "
                                "as `len` gives it"))
                hints.append(hint)
            elif number == paragraphs and label.endswith("spaces"):
                problems.append(f"{int(number)} counts the three paragraphs only; the exercise counts `letter`, "
                                "from the salutation to the signature")
                hints.append("count the whole of `letter`, from \"Dear\" to \"Stalin\"")
            else:
                problems.append(f"{label} is not {value}")
                hints.append(hint)
    words = as_items(culprit)
    if words is None or not words:
        problems.append("`culprit` should be one word of the letter, as a string")
        hints.append("print `textstats.count_differences(letter)`: look for words with full stops or hyphens inside")
    else:
        not_words = [w for w in words if not isinstance(w, str)]
        alike = [w for w in words if isinstance(w, str) and not _is_culprit(w, key["culprits"])]
        if not_words:
            problems.append(f"`culprit` should be a word of the letter, as a string in quotes, not {not_words[0]!r}")
            hints.append("copy the word from the letter and put it in quotes")
        for word in alike:
            bare = _letters(word)
            if any(bare and bare in _letters(c) for c in key["culprits"]):
                problems.append(f"\"{shorten(word)}\" is a piece of a word, not a whole word of the letter")
                hints.append("give the whole word as the letter writes it, with its full stops or hyphen")
            else:
                problems.append(f"\"{shorten(word)}\" is counted the same way by both methods, so it is not why "
                                "the counts differ")
                hints.append("print `textstats.count_differences(letter)`: look for words with full stops or "
                             "hyphens inside")
    if problems:
        return finish(ex, WRONG, sentences(problems), sentences(dict.fromkeys(hints)), strict)
    named = " and ".join(f"\"{w.strip()}\"" for w in words)
    return finish(ex, RIGHT, f"{key['split_count']} words by spaces, {key['regex_count']} by \\w+; {named} "
                   f"{'is one of the words' if len(words) == 1 else 'are words'} the second way cuts into pieces",
                   "", strict)


# --- 3. Keywords in context --------------------------------------------------------------------

def kwic_key(glob):
    return textstats.kwic(textstats.letter_text(), textstats.glob_to_regex(glob))


def _found(pattern):
    return {line.position: line.keyword for line in textstats.kwic(textstats.letter_text(), pattern)}


def _pattern_problems(name, pattern, glob):
    problem = regex_problem(pattern)
    if problem:
        return [f"`{name}`: {problem}"], []
    want = {line.position: line.keyword for line in kwic_key(glob)}
    got = _found(pattern)
    problems = []
    missed = [want[p] for p in sorted(set(want) - set(got))]
    extra = [got[p] for p in sorted(set(got) - set(want))]
    stem = glob[:-1]
    if missed:
        problems.append(f"`{name}` finds {len(set(want) & set(got))} of the {len(want)} words that begin "
                        f"with \"{stem}\"; it misses {quoted_list([textstats.bare(m) or m for m in missed])}")
    if extra:
        problems.append(f"`{name}` also catches {quoted_list(extra[:5])}, which "
                        f"{'does' if len(extra[:5]) == 1 else 'do'} not begin with \"{stem}\"")
    return problems, missed + extra


@never_raises("keywords in context")
def check_kwic_patterns(law_pattern, foreign_pattern, strict=False):
    ex = "keywords in context"
    early = not_yet(ex, {"law_pattern": law_pattern, "foreign_pattern": foreign_pattern},
                     "first the idea: a pattern describes the words you want, here every word that begins with "
                     "\"law\" (or \"foreign\"), whatever comes after; the first hint under the exercise shows "
                     "how a pattern says \"any letters\"", strict)
    if early:
        return early
    if (isinstance(law_pattern, str) and isinstance(foreign_pattern, str) and not regex_problem(law_pattern)
            and not regex_problem(foreign_pattern)
            and set(_found(law_pattern).values()) == {line.keyword for line in kwic_key("foreign*")}
            and set(_found(foreign_pattern).values()) == {line.keyword for line in kwic_key("law*")}):
        return finish(ex, WRONG, "the two patterns are swapped: `law_pattern` finds the foreign- words and "
                       "`foreign_pattern` the law- words", "exchange them", strict)
    problems = []
    for name, pattern, glob in (("law_pattern", law_pattern, "law*"), ("foreign_pattern", foreign_pattern, "foreign*")):
        problems += _pattern_problems(name, pattern, glob)[0]
    if problems:
        globbed = any(isinstance(p, str) and p.endswith("*") and not p.endswith("\\w*") and not p.endswith(".*")
                      for p in (law_pattern, foreign_pattern))
        hint = ("in a regular expression `*` repeats the sign just before it, so \"law*\" means \"la\" and any "
                "number of w; `\\w*` means \"any letters, or none\"" if globbed else
                "the pattern is matched against each whole word without its punctuation; `\\w*` means "
                "\"any letters, or none\" and `\\w+` \"at least one letter\"")
        return finish(ex, WRONG, sentences(problems), hint, strict)
    n_law, n_foreign = len(kwic_key("law*")), len(kwic_key("foreign*"))
    return finish(ex, RIGHT, f"both patterns find exactly the law- words ({n_law}) and the foreign- words "
                   f"({n_foreign}) in the letter", "", strict)
