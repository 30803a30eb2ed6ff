"""Checks and keys for the exercise set "First steps: reading the letter with Python"
(``exercises/reading-with-python.md``), the way in for students who have never programmed.

Each check answers in plain words (see :mod:`barneskit.exercises.feedback`); each key is computed
from the texts and data when the check runs. The messages assume no programming: they name the
Python idea the step is about, never Python's own error text.
"""
from __future__ import annotations

import re

from barneskit.analysis import textstats
from barneskit.exercises.feedback import (
    RIGHT, WRONG, as_items, as_number, finish, kind, never_raises, normal, not_yet,
    number_problem, quoted_list, show, regex_problem, sentences, shorten)
from barneskit.exercises.sourcing_and_counting import means_not_stated, read_date


def _segment(role):
    return [s.text for s in textstats.letter().by_role(role)]


def paragraphs():
    """The letter's three numbered paragraphs, as strings."""
    return _segment("paragraph")


def first_paragraph():
    return paragraphs()[0]


def salutation():
    return _segment("salutation")[0]


# --- 1. Running a cell ---------------------------------------------------------------------------

@never_raises("running a cell")
def check_first_line(first_line, strict=False):
    ex = "running a cell"
    early = not_yet(ex, {"first_line": first_line},
                     "first the idea: text in Python goes between quotes, \"like this\"; replace `...` with the "
                     "letter's first line in quotes, then run the cell with Shift+Enter", strict)
    if early:
        return early
    want = salutation()
    if not isinstance(first_line, str):
        return finish(ex, WRONG, f"`first_line` is {kind(first_line)}; the letter's first line is text, and text "
                       "goes between quotes", "write it as \"...\" with the words inside the quotes", strict)
    def letters(words):
        return re.sub(r"[^\w\s]", "", normal(words))
    if letters(first_line) == letters(want):
        return finish(ex, RIGHT, f"\"{want}\": the letter opens by addressing Barnes by name, "
                       "as a letter does", "", strict)
    if normal(want).rstrip(",") in normal(first_line):
        return finish(ex, WRONG, "your line holds more than the first line of the letter",
                       "stop at the comma after the name", strict)
    return finish(ex, WRONG, f"\"{shorten(first_line)}\" is not the first line of the letter",
                   "look at the printed letter above: the first line is the greeting", strict)


# --- 2. A string and len ---------------------------------------------------------------------------

@never_raises("a string and len")
def check_length(length, strict=False):
    ex = "a string and len"
    early = not_yet(ex, {"length": length},
                     "first the idea: `len(...)` counts the items of what you give it, and a string's items are "
                     "its characters; the next step is to give it `first_paragraph`", strict)
    if early:
        return early
    text = first_paragraph()
    want = len(text)
    got = as_number(length)
    if got == want:
        return finish(ex, RIGHT, f"the first paragraph is {want} characters long, spaces and full stops included",
                      "", strict)
    if got is None:
        return finish(ex, WRONG, number_problem(length, "`length`"),
                      "`len(first_paragraph)` gives a number: assign it, without quotes", strict)
    if got in (len(text.split()), len("first_paragraph")):
        what = (" (and also the number of letters in the name \"first_paragraph\")"
                if len(text.split()) == len("first_paragraph") else "")
        said = "the number of words" if got == len(text.split()) else "the number of letters in the name \"first_paragraph\""
        return finish(ex, WRONG, f"{int(got)} is {said}{what if got == len(text.split()) else ''}; the exercise wants "
                      "the characters of the paragraph", "put the name in the brackets without quotes (with quotes "
                      "you count the name) and without `.split()` (that counts words)", strict)
    if got in (want - 1, want + 1):
        return finish(ex, WRONG, f"{length} is one off: did you count by hand?",
                      "let Python count: `len(first_paragraph)`", strict)
    return finish(ex, WRONG, f"the first paragraph does not have {length} characters",
                  "`len(first_paragraph)`: the name goes inside the brackets, without quotes", strict)


# --- 3. Splitting into words ------------------------------------------------------------------------

@never_raises("splitting into words")
def check_words(words, n_words, strict=False):
    ex = "splitting into words"
    early = not_yet(ex, {"words": words, "n_words": n_words},
                     "first the idea: splitting cuts a string at every space; the method is `.split()` after the "
                     "string's name, then `len(...)` of the result", strict)
    if early:
        return early
    text = first_paragraph()
    want = text.split()
    problems, hints = [], []
    if isinstance(words, str):
        problems.append("`words` is still one string; `.split()` turns it into a list of words")
        hints.append("`first_paragraph.split()`")
    elif not isinstance(words, (list, tuple)):
        problems.append(f"`words` is {kind(words)}; it should be the list that `.split()` gives")
        hints.append("`first_paragraph.split()`")
    elif len(words) == len(want) and list(words) != want:
        first = next(w for w, k in zip(words, want) if w != k)
        problems.append(f"`words` is not exactly what `.split()` gives: it has {show(first)} where the paragraph has "
                        f"{show(want[list(words).index(first)])}")
        hints.append("split `first_paragraph` as it is, without changing the words")
    elif list(words) != want:
        problems.append(f"`words` has {len(words)} items, but splitting the first paragraph gives {len(want)}")
        hints.append("split `first_paragraph` itself, with `.split()` and nothing in the brackets")
    n = as_number(n_words)
    if n is None:
        problems.append(number_problem(n_words, "`n_words`"))
        hints.append("`len(words)`")
    elif n != len(want):
        if n == len(text):
            problems.append(f"{int(n)} is the number of characters; count the list of words instead")
        else:
            problems.append(f"the first paragraph does not have {n_words} words counted by spaces")
        hints.append("`len(words)`")
    if problems:
        return finish(ex, WRONG, sentences(problems), sentences(dict.fromkeys(hints)), strict)
    return finish(ex, RIGHT, f"{len(want)} words, from \"{want[0]}\" to \"{want[-1]}\": a full stop stays "
                   "attached to its word when you split by spaces", "", strict)


# --- 4. A list and a loop ------------------------------------------------------------------------

@never_raises("a list and a loop")
def check_paragraph_lengths(lengths, strict=False):
    ex = "a list and a loop"
    early = not_yet(ex, {"lengths": lengths},
                     "first the idea: a loop does the same thing once for each paragraph; inside it, count the "
                     "words of `paragraph` and add the count to `lengths` with `.append(...)`", strict)
    if early:
        return early
    want = [len(p.split()) for p in paragraphs()]
    items = as_items(lengths)
    if items is None or isinstance(lengths, (str, int, float)):
        return finish(ex, WRONG, f"`lengths` is {kind(lengths)}; it should be a list with one number per "
                       "paragraph", "start with `lengths = []` and append inside the loop", strict)
    got = [as_number(i) for i in items]
    if any(g is None for g in got):
        return finish(ex, WRONG, "`lengths` should hold numbers, one per paragraph; it holds "
                      f"{show(items[got.index(None)])}", "append the count itself: `len(...)` gives a number", strict)
    if got == want:
        longest = ("first", "second", "third", "fourth", "fifth")[want.index(max(want))]
        return finish(ex, RIGHT, f"the paragraphs have {', '.join(map(str, want[:-1]))} and {want[-1]} words; the "
                       f"{longest} is the longest: what is it about?", "", strict)
    if len(got) == 1 and got[0] == sum(want):
        return finish(ex, WRONG, "you have one number, the words of all the paragraphs together; the exercise "
                       "wants one number for each paragraph", "append inside the loop, once per paragraph", strict)
    if len(got) != len(want):
        return finish(ex, WRONG, f"`lengths` has {len(got)} numbers; the letter has {len(want)} paragraphs",
                      "is the `lengths.append(...)` line indented under the `for` line, so that it runs once "
                      "for each paragraph", strict)
    if got == [len(p) for p in paragraphs()]:
        return finish(ex, WRONG, "these are the lengths in characters; count the words of each paragraph",
                      "`len(paragraph.split())`", strict)
    return finish(ex, WRONG, "one or more of the numbers is not the word count of its paragraph",
                  "count each paragraph by spaces: `len(paragraph.split())`", strict)


# --- 5. A dictionary: the sourcing card's shape ----------------------------------------------------

MINI_CARD_FIELDS = ("author", "date", "place")


@never_raises("a dictionary")
def check_mini_card(card, strict=False):
    ex = "a dictionary"
    if not isinstance(card, dict):
        return finish(ex, WRONG, f"`card` is {kind(card)}; a dictionary is written with curly brackets, "
                       "`{\"name\": value, ...}`", "keep the scaffold's curly brackets and replace each `...`", strict)
    early = not_yet(ex, {f: card.get(f) for f in MINI_CARD_FIELDS if f in card},
                     "first the idea: each entry of a dictionary pairs a name with a value; the values are in "
                     "`meta`, for example `meta.author`", strict)
    if early:
        return early
    missing = [f for f in MINI_CARD_FIELDS if f not in card]
    misspelt = [k for k in card if isinstance(k, str) and normal(k) in MINI_CARD_FIELDS and k not in MINI_CARD_FIELDS]
    if missing and misspelt:
        return finish(ex, WRONG, f"the names of a dictionary are spelt exactly: {quoted_list(misspelt)} "
                      f"{'is' if len(misspelt) == 1 else 'are'} not "
                      f"{quoted_list([normal(m) for m in misspelt])}", "keep the names as the scaffold writes them, in "
                      "lower case", strict)
    if missing:
        return finish(ex, WRONG, f"the card has lost {'the entry' if len(missing) == 1 else 'the entries'} "
                       f"{quoted_list(missing)}", "start again from the scaffold", strict)
    meta = textstats.letter().metadata
    problems, hints = [], []
    if "stalin" not in normal(card["author"]):
        problems.append(f"the author is not \"{shorten(card['author'])}\"")
        hints.append("`meta.author`")
    date, _ = read_date(card["date"])
    if date != meta.date:
        problems.append(f"the date {show(card['date'])} is not the date of the letter")
        hints.append("`meta.date`")
    if not means_not_stated(card["place"]):
        problems.append(f"the place: the letter does not say where it was written, so \"{shorten(card['place'])}\" "
                        "is a guess")
        hints.append("when the text does not state something, write None or \"not stated\"")
    if problems:
        return finish(ex, WRONG, sentences(problems), sentences(hints), strict)
    return finish(ex, RIGHT, "three entries, each a name and a value; the sourcing card in the next set has the "
                   "same shape, with seven", "", strict)


# --- 6. A first regular expression ---------------------------------------------------------------

CAPITALS_PATTERN = r"\b[A-Z]\w*"


def capitals_key():
    return re.findall(CAPITALS_PATTERN, textstats.letter_text())


@never_raises("a first regular expression")
def check_capitals(capital_pattern, strict=False):
    ex = "a first regular expression"
    early = not_yet(ex, {"capital_pattern": capital_pattern},
                     "first the idea: a pattern describes the words you want, here \"a capital letter, then any "
                     "letters\"; the hints under the exercise show the two signs you need", strict)
    if early:
        return early
    problem = regex_problem(capital_pattern)
    if problem:
        return finish(ex, WRONG, f"the pattern: {problem}", "start from `r\"[A-Z]\"` and run it, then add to it",
                      strict)
    want = capitals_key()
    got = re.findall(capital_pattern, textstats.letter_text())
    if got and not all(isinstance(g, str) for g in got):
        got = ["".join(g) if isinstance(g, tuple) else g for g in got]
    if got == want:
        return finish(ex, RIGHT, f"it finds the {len(want)} words that begin with a capital letter, from "
                       f"\"{want[0]}\" to \"{want[-1]}\" (each letter of U.S.S.R. counts as one)", "", strict)
    if got and all(len(g) == 1 for g in got):
        return finish(ex, WRONG, f"it finds {len(got)} single letters: only the capital at the start of each word",
                      "add `\\w*` after the capital: \"any letters, or none\"", strict)
    missing = [w for w in dict.fromkeys(want) if want.count(w) > got.count(w)]
    extra = [w for w in dict.fromkeys(got) if got.count(w) > want.count(w)]
    problems = []
    if missing:
        problems.append(f"it misses {quoted_list(missing[:5])}")
    if extra:
        problems.append(f"it also finds {quoted_list([shorten(e, 30) for e in extra[:5]])}")
    hint = ("`[A-Z]` is one capital letter; lower-case letters are `[a-z]`, and the pattern is case-sensitive"
            if extra else
            "`\\w+` needs at least one letter after the capital, so one-letter words such as \"I\" are lost: "
            "`\\w*` allows none" if any(len(m) == 1 for m in missing) else
            "compare your matches with the letter: print `re.findall(capital_pattern, letter)`")
    return finish(ex, WRONG, sentences(problems), hint, strict)


# --- 7. Reading an error message ------------------------------------------------------------------

ERROR_NAME = "NameError"
MISSPELT = "leter"


@never_raises("reading an error message")
def check_error_reading(error_name, misspelt_name, strict=False):
    ex = "reading an error message"
    early = not_yet(ex, {"error_name": error_name, "misspelt_name": misspelt_name},
                     "first the idea: read an error message from its last line up; the last line names the "
                     "kind of error, then says what went wrong", strict)
    if early:
        return early
    problems, hints = [], []
    if not isinstance(error_name, str):
        problems.append(f"`error_name` is {kind(error_name)}; copy the kind of error as text, in quotes")
    elif ERROR_NAME.lower() not in normal(error_name).replace(" ", ""):
        problems.append(f"\"{shorten(error_name)}\" is not the kind of error the last line names")
        hints.append("the kind of error is the word before the colon on the last line")
    if not isinstance(misspelt_name, str):
        problems.append(f"`misspelt_name` is {kind(misspelt_name)}; copy the name as text, in quotes")
    elif normal(misspelt_name).strip("'\"` ") != MISSPELT:
        if normal(misspelt_name).strip("'\"` ").startswith(MISSPELT) and normal(misspelt_name) != MISSPELT:
            problems.append(f"\"{shorten(misspelt_name)}\" is more than the name: the message quotes the name alone")
        elif normal(misspelt_name).strip("'\"` ") == "letter":
            problems.append("\"letter\" is the name that exists; the error is about the misspelt one")
        else:
            problems.append(f"\"{shorten(misspelt_name)}\" is not the name the message says is not defined")
        hints.append("the message quotes the name that Python does not know")
    if problems:
        return finish(ex, WRONG, sentences(problems), sentences(hints) or "copy the words as the message gives them",
                      strict)
    return finish(ex, RIGHT, f"a {ERROR_NAME}: Python knows no name \"{MISSPELT}\", because the variable is "
                   "called `letter`; a misspelt name is the commonest error there is, and the last line says so",
                   "", strict)
