"""Checks for the exercises: each tells the student in plain words what is right, what is off and where to look.

Every check takes the student's answer, compares it with a key computed at run time from the
texts and data (:mod:`barneskit.textstats`, :mod:`barneskit.events`, :mod:`barneskit.claims`,
:mod:`barneskit.renderings`), shows a short message and returns a :class:`CheckResult`.

* A blank answer (``...``, the placeholder in every scaffold) gets "Not yet: ..." and a hint.
* A wrong answer gets "Not quite: ..." saying what is off, and a hint.
* A right answer gets "Right: ...".

A check never raises on a student's answer. Solution cells pass ``strict=True``: then an answer
that is not right raises :class:`AnswerNotRight`, so a solution that stops passing its own check
fails the build of the book.
"""
from __future__ import annotations

import datetime
import functools
import html
import re
from dataclasses import dataclass

from barneskit import textstats

RIGHT, WRONG, NOT_YET = "right", "wrong", "not-yet"
LABELS = {RIGHT: "Right", WRONG: "Not quite", NOT_YET: "Not yet"}
#: A blank written in words rather than as ``...``.
PLACEHOLDER_WORDS = re.compile(r"^\s*$|\.\.\.|\?\?\?|your answer|fill in|todo", re.IGNORECASE)


COLOURS = {RIGHT: "#0072B2", WRONG: "#E69F00", NOT_YET: "#767676"}


def _code_spans(words):
    """Escape for HTML, and show `names` in backticks as code, as the plain-text message writes them."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(words))


class AnswerNotRight(Exception):
    """Raised only with ``strict=True`` (solution cells): the reference answer no longer passes."""


@dataclass(frozen=True)
class CheckResult:
    exercise: str
    status: str
    message: str
    hint: str = ""

    @property
    def ok(self):
        return self.status == RIGHT

    @property
    def text(self):
        words = f"{LABELS[self.status]}: {self.message}"
        if self.hint and self.status != RIGHT:
            words += f"\nHint: {self.hint}"
        return words

    def html(self):
        # Inline styles, so the box looks the same in JupyterLab and in the book without a style sheet.
        # The label says the result in words; the colour (Okabe-Ito blue / orange / grey) only repeats it.
        hint = (f'<p class="check-hint" style="margin:0.3em 0 0"><strong>Hint:</strong> {_code_spans(self.hint)}</p>'
                if self.hint and self.status != RIGHT else "")
        return (f'<div class="check-result check-{self.status}" role="status" style="border-left:0.3em solid '
                f'{COLOURS[self.status]};padding:0.4em 0.8em;margin:0.4em 0">'
                f'<p style="margin:0"><strong>{LABELS[self.status]}</strong> ({html.escape(self.exercise)}): '
                f'{_code_spans(self.message)}</p>{hint}</div>')

    def show(self):
        """Show the message: as a box in Jupyter, as plain text elsewhere."""
        try:
            from IPython import get_ipython
            from IPython.display import display
            if get_ipython() is not None:
                display({"text/plain": self.text, "text/html": self.html()}, raw=True)
                return
        except ImportError:
            pass
        print(self.text)

    def _ipython_display_(self):
        # The check has shown its message already; showing the returned object again would repeat it.
        pass

    def __repr__(self):
        return f"CheckResult({self.exercise!r}, {self.status!r})"


def _finish(exercise, status, message, hint, strict):
    result = CheckResult(exercise, status, message, hint)
    result.show()
    if strict and not result.ok:
        raise AnswerNotRight(f"{exercise}: the reference solution does not pass its check.\n{result.text}")
    return result


def _never_raises(exercise):
    """Decorator: whatever shape a student's answer has, the check answers in words, never a traceback."""
    def wrap(check):
        @functools.wraps(check)
        def safe(*args, strict=False, **kwargs):
            try:
                return check(*args, strict=strict, **kwargs)
            except AnswerNotRight:
                raise
            except Exception as exc:  # an answer of a shape the check did not foresee
                return _finish(exercise, WRONG, f"your answer could not be read ({type(exc).__name__}: {exc}).",
                               "compare its shape with the scaffold: the same names, a number where it "
                               "asks for a number, a list or set where it asks for several.", strict)
        return safe
    return wrap


def is_blank(value):
    """True for the scaffold's placeholder ``...``, an empty answer, or one still holding a placeholder."""
    if value is Ellipsis:
        return True
    if isinstance(value, str):
        return bool(PLACEHOLDER_WORDS.search(value))
    if isinstance(value, dict):
        return not value or any(is_blank(v) for v in value.values())
    if isinstance(value, (list, tuple, set, frozenset)):
        return not value or any(is_blank(v) for v in value)
    return False


def blank_parts(answers):
    """The names of the answers still blank, from a ``{name: value}`` mapping."""
    return [name for name, value in answers.items() if is_blank(value)]


def _not_yet(exercise, answers, hint, strict):
    missing = blank_parts(answers)
    if not missing:
        return None
    return _finish(exercise, NOT_YET, "still to fill in: " + ", ".join(f"`{m}`" for m in missing) + ".",
                   hint, strict)


def _as_number(value):
    if isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _join(items):
    items = [f'"{i}"' for i in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


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


@_never_raises("sourcing card")
def check_sourcing_card(card, strict=False):
    ex = "sourcing card"
    if not isinstance(card, dict):
        return _finish(ex, WRONG, "the card should be a dictionary, {\"author\": ..., ...}.",
                       "Keep the scaffold's curly brackets and replace each `...`.", strict)
    missing = [f for f in CARD_FIELDS if f not in card]
    if missing:
        return _finish(ex, WRONG, f"the card has lost the field(s) {_join(missing)}.",
                       "Start again from the scaffold: it lists every field.", strict)
    blank = [f for f in CARD_FIELDS if card[f] is Ellipsis or (isinstance(card[f], str) and is_blank(card[f]))]
    if blank:
        return _finish(ex, NOT_YET, "still to fill in: " + ", ".join(f"`{b}`" for b in blank) + ".",
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
    if _as_number(card["first_printed"]) != key["first_printed"]:
        if _as_number(card["first_printed"]) == meta.date.year:
            problems.append("first printed: 1933 is when it was written; 'Published for the first time' "
                            "says the collected works were its first printing")
        else:
            problems.append(f"first printed: {card['first_printed']!r} is not the year of the earliest edition")
        hints.append("the earliest year among `meta.editions`")
    if _as_number(card["this_translation"]) != key["this_translation"]:
        problems.append(f"this translation: {card['this_translation']!r} is not the year of the English edition")
        hints.append("the edition whose `language` is 'English'")
    if problems:
        return _finish(ex, WRONG, "; ".join(problems) + ".", "; ".join(hints) + ".", strict)
    return _finish(ex, RIGHT, "every field matches the metadata, and the place is marked as not stated "
                   "rather than guessed.", "", strict)


# --- 2. Counting words two ways ----------------------------------------------------------------

def word_counts_key():
    body = textstats.letter_text()
    return {"split_count": textstats.word_count(body), "regex_count": len(textstats.regex_words(body)),
            "culprits": sorted({w for w, _ in textstats.count_differences(body)})}


@_never_raises("counting words two ways")
def check_word_counts(split_count, regex_count, culprit, strict=False):
    ex = "counting words two ways"
    early = _not_yet(ex, {"split_count": split_count, "regex_count": regex_count, "culprit": culprit},
                     "`len(letter.split())` counts pieces between spaces; `len(re.findall(r\"\\w+\", letter))` "
                     "counts runs of letters and digits.", strict)
    if early:
        return early
    key = word_counts_key()
    paragraphs = textstats.word_count("\n".join(s.text for s in textstats.letter().by_role("paragraph")))
    problems, hints = [], []
    s, r = _as_number(split_count), _as_number(regex_count)
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
        return _finish(ex, WRONG, "; ".join(problems) + ".", "; ".join(hints) + ".", strict)
    return _finish(ex, RIGHT, f"{key['split_count']} words by spaces, {key['regex_count']} by \\w+; "
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
                        f"with \"{glob[:-1]}\"; it misses {_join(missed)}")
    if extra:
        problems.append(f"`{name}` also catches {_join(extra[:5])}, which do not begin with \"{glob[:-1]}\"")
    return problems, missed + extra


@_never_raises("keywords in context")
def check_kwic_patterns(law_pattern, foreign_pattern, strict=False):
    ex = "keywords in context"
    early = _not_yet(ex, {"law_pattern": law_pattern, "foreign_pattern": foreign_pattern},
                     "a pattern must match the whole word: r\"law\" matches only \"law\"; `\\w*` "
                     "stands for any ending.", strict)
    if early:
        return early
    problems = []
    for name, pattern, glob in (("law_pattern", law_pattern, "law*"), ("foreign_pattern", foreign_pattern, "foreign*")):
        problems += _pattern_problems(name, pattern, glob)[0]
    if problems:
        return _finish(ex, WRONG, "; ".join(problems) + ".",
                       "the pattern is matched against each whole word without its punctuation; "
                       "`\\w*` means \"any letters, or none\".", strict)
    n_law, n_foreign = len(kwic_key("law*")), len(kwic_key("foreign*"))
    return _finish(ex, RIGHT, f"both patterns find exactly the law- words ({n_law}) and the foreign- words "
                   f"({n_foreign}) in the letter.", "", strict)


# --- 4. Attribution against certainty ----------------------------------------------------------

@_never_raises("attribution and certainty")
def check_stance_rates(rates, strict=False):
    ex = "attribution and certainty"
    early = _not_yet(ex, {"rates": rates},
                     "rate = 100 * number of markers found / number of words (count words by spaces). "
                     "`textstats.find_markers(letter, textstats.ATTRIBUTION)` lists the markers found.", strict)
    if early:
        return early
    key = textstats.stance_rates()
    if not isinstance(rates, dict) or set(rates) != set(key) or any(
            not isinstance(rates[t], dict) or set(rates[t]) != set(key[t]) for t in key):
        return _finish(ex, WRONG, "the answer should keep the scaffold's shape: {\"letter\": {\"attribution\": ..., "
                       "\"certainty\": ...}, \"note\": {...}}.", "start again from the scaffold.", strict)
    problems, hints = [], set()
    for which in key:
        words = textstats.text_of(which)
        for kind, want in key[which].items():
            got = _as_number(rates[which][kind])
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
        return _finish(ex, WRONG, "; ".join(problems) + ".", "; ".join(sorted(hints)) + "." if hints else
                       "recompute each rate from its counts.", strict)
    return _finish(ex, RIGHT, "all four rates per 100 words are right: "
                   + "; ".join(f"{w} {k} {v}" for w in key for k, v in key[w].items()) + ".", "", strict)


# --- 5. Who is named, who is absent ------------------------------------------------------------

@_never_raises("who is named")
def check_names(named_in_letter, named_in_note, absent, strict=False):
    ex = "who is named"
    early = _not_yet(ex, {"named_in_letter": named_in_letter, "named_in_note": named_in_note, "absent": absent},
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
            problems.append(f"`{name}` lacks {_join(lost)}")
        if extra:
            problems.append(f"`{name}` should not hold {_join(extra)}")
    if problems:
        return _finish(ex, WRONG, "; ".join(problems) + ".",
                       "compare names with `entity.name`, and test every form: the U.S.S.R. is also written "
                       "\"Soviet\"; the note's \"investigation\" counts as the investigating authorities.", strict)
    return _finish(ex, RIGHT, f"the letter names {len(key['named_in_letter'])} of the people and bodies on the list, "
                   f"the note {len(key['named_in_note'])}; {len(key['absent'])}, every defendant among them, "
                   "are named in neither.", "", strict)


# --- 6. Agentless passives ---------------------------------------------------------------------

@_never_raises("agentless passives")
def check_passive_pattern(pattern, strict=False):
    ex = "agentless passives"
    early = _not_yet(ex, {"passive_pattern": pattern},
                     "start from the naive pattern in the exercise text and allow the question form: "
                     "\"was\", perhaps \"not\", up to two words, then the participle.", strict)
    if early:
        return early
    try:
        re.compile(pattern)
    except (re.error, TypeError) as exc:
        return _finish(ex, WRONG, f"the pattern is not a valid regular expression ({exc}).",
                       "build it step by step and test each step with `textstats.find_pattern(letter, ...)`.", strict)
    problems = []
    for which in ("letter", "note"):
        words = textstats.text_of(which)
        want, got = textstats.passives(words), textstats.find_pattern(words, pattern)
        missed = [w for w in want if not any(w in g or g in w for g in got)]
        extra = [g for g in got if not any(w in g or g in w for w in want)]
        if missed:
            problems.append(f"in the {which} it misses {_join(missed)}")
        if extra:
            problems.append(f"in the {which} it also matches {_join(extra)}, which is not a passive")
    if problems:
        question = "Was not legal action taken"
        hint = ("the question puts \"not\" and the subject between \"Was\" and \"taken\": allow "
                "`(?:\\s+not)?` and up to two words `(?:\\s+\\w+){0,2}?`."
                if any(question in p for p in problems) else
                "make the pattern stricter: a form of \"be\" and a past participle ending in -ed, or \"taken\".")
        return _finish(ex, WRONG, "; ".join(problems) + ".", hint, strict)
    found = textstats.passives(textstats.letter_text()) + textstats.passives(textstats.note_text())
    return _finish(ex, RIGHT, f"the pattern finds all {len(found)} passives ({_join(found)}), the question "
                   "form included, and nothing else.", "", strict)


# --- 7. The one question -----------------------------------------------------------------------

@_never_raises("the rhetorical question")
def check_question(sentence_count, the_question, strict=False):
    ex = "the rhetorical question"
    early = _not_yet(ex, {"sentence_count": sentence_count, "the_question": the_question},
                     "`textstats.sentences(letter)` splits carefully; keep those that end with \"?\".", strict)
    if early:
        return early
    body = textstats.letter_text()
    found = textstats.sentences(body)
    key_question = textstats.questions(body)
    problems, hints = [], []
    n = _as_number(sentence_count)
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
        return _finish(ex, WRONG, "; ".join(problems) + ".", "; ".join(hints) + "." if hints else "", strict)
    return _finish(ex, RIGHT, f"{len(found)} sentences, and one question: \"{key_question[0]}\"", "", strict)


# --- 8. Layers of time -------------------------------------------------------------------------

@_never_raises("layers of time")
def check_time_layers(layers, strict=False):
    ex = "layers of time"
    early = _not_yet(ex, {"layers": layers},
                     "years = edition.year - meta.date.year, and the same for `meta.transcription.year`.", strict)
    if early:
        return early
    key = textstats.time_layers()
    if not isinstance(layers, dict) or set(layers) != set(key):
        return _finish(ex, WRONG, "the answer should have one entry per printing: " + _join(sorted(key)) + ".",
                       "keep the keys of the scaffold.", strict)
    meta = textstats.letter().metadata
    problems, hints = [], set()
    for name, want in key.items():
        got = _as_number(layers[name])
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
        return _finish(ex, WRONG, "; ".join(problems) + ".", "; ".join(sorted(hints)) + ".", strict)
    return _finish(ex, RIGHT, "the gaps are " + ", ".join(f"{k} {v} years" for k, v in key.items()) + ".", "", strict)


# --- Adapting the letter -----------------------------------------------------------------------

@_never_raises("adapted letter")
def check_adaptation(changes, strict=False, limit=120):
    """``changes``: a list of ``(old words, new words, why)``; the adaptation is the letter with them applied."""
    ex = "adapted letter"
    # Only the scaffold's `...` counts as blank here: "" is a real answer (a cut), and "[...]" marks one.
    placeholder = changes is Ellipsis or (isinstance(changes, (list, tuple)) and (
        not changes or any(c is Ellipsis or (isinstance(c, tuple) and Ellipsis in c) for c in changes)))
    early = placeholder and _not_yet(ex, {"changes": ...},
                     "each change is a tuple (\"old words\", \"new words\", \"why\"); cut whole sentences "
                     "with new words \"\" and keep every key phrase.", strict)
    if early:
        return early
    original = textstats.letter_text()
    try:
        adapted, log = textstats.adapt(original, changes)
    except (TypeError, ValueError) as exc:
        message = str(exc) if isinstance(exc, ValueError) else "each change must be a tuple of three strings"
        return _finish(ex, WRONG, message + ".", "copy the old words exactly from `letter` (print it), "
                       "and remember that an earlier change may already have altered them.", strict)
    problems = textstats.adaptation_problems(adapted, log, limit)
    no_reason = [c.old[:30] for c in log if is_blank(c.why) or not str(c.why).strip()]
    if no_reason:
        problems.append(f"the change(s) to {_join(no_reason)} give no reason")
    if problems:
        lost = any("key phrase" in p for p in problems)
        return _finish(ex, WRONG, "the adaptation is not ready: " + "; ".join(problems) + ".",
                       "a shorter letter keeps the evidence: replace long words and cut sentences around "
                       "the key phrases, never inside them." if lost else
                       f"cut or shorten more: `textstats.word_count(adapted)` must be at most {limit}.", strict)
    return _finish(ex, RIGHT, f"{textstats.word_count(adapted)} words (the letter has "
                   f"{textstats.word_count(original)}), every key phrase kept, {len(log)} change(s) logged with "
                   "a reason.", "", strict)


# --- Data-based exercises: events, claims, renderings (modules of the events and context helpers) ---

def _events():
    from barneskit.events import load_events
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


@_never_raises("timeline")
def check_timeline(timeline, days_arrests_to_reply, days_reply_to_trial, strict=False):
    ex = "timeline"
    early = _not_yet(ex, {"timeline_1933": timeline, "days_arrests_to_reply": days_arrests_to_reply,
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
            problems.append(f"{_join(extra[:3])} {'is' if len(extra) == 1 else 'are'} not dated 1933")
        order = [by_id[g].start for g in got]
        wrong_place = next((i for i in range(1, len(order)) if order[i] < order[i - 1]), None)
        if wrong_place is not None:
            problems.append(f"the events are not in date order: \"{by_id[got[wrong_place - 1]].label}\" "
                            f"comes before \"{by_id[got[wrong_place]].label}\"")
            hints.append("sort by `e.start`")
    a = _as_number(days_arrests_to_reply)
    if a not in (key["arrests_to_reply"], key["arrests_end_to_reply"]):
        if a in (key["arrests_to_reply"] + 1, key["arrests_end_to_reply"] + 1):
            problems.append(f"{days_arrests_to_reply} days from the arrests to the reply counts both the first and "
                            "the last day")
            hints.append("subtracting the dates gives the days between them")
        else:
            problems.append(f"{days_arrests_to_reply} is not the number of days from the arrests to the reply")
            hints.append("`(by_id['barnes-reply'].start - by_id['mv-arrests'].start).days`")
    r = _as_number(days_reply_to_trial)
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
        return _finish(ex, WRONG, "; ".join(problems) + ".", "; ".join(hints) + "." if hints else "", strict)
    arrests = key["arrests"]
    note = ""
    if arrests.end and arrests.end != arrests.start:
        other = key["arrests_end_to_reply"] if a == key["arrests_to_reply"] else key["arrests_to_reply"]
        note = (f" The arrests are dated {arrests.display_date}, so {other} is right too if you count "
                "from the other night.")
    return _finish(ex, RIGHT, f"{len(want)} events of 1933 in order; {int(a)} days from the arrests to the reply, "
                   f"{key['reply_to_trial']} from the reply to the trial.{note}", "", strict)


#: The three Moscow trials (fixed event ids in the module's contracts).
MOSCOW_TRIALS = ("moscow-trial-1936", "moscow-trial-1937", "moscow-trial-1938")


def trials_before_note_key():
    events = {e.id: e for e in _events()}
    letter_date = textstats.letter().metadata.date
    english = events["edition-works-13"].start
    return [t for t in MOSCOW_TRIALS if t in events and letter_date < events[t].start < english]


@_never_raises("layers of time: the Moscow trials")
def check_trials_before_note(trials, strict=False):
    ex = "layers of time: the Moscow trials"
    early = _not_yet(ex, {"trials_before_note": trials},
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
        return _finish(ex, WRONG, f"you list {len(got)} trial(s); the data has {len(want)} Moscow trials between "
                       "the letter and the English edition.", "compare `e.start` with both dates; list the "
                       "event ids.", strict)
    return _finish(ex, RIGHT, f"all {len(want)} Moscow trials came between the letter and the note's English "
                   "printing.", "", strict)


def _claims():
    from barneskit.claims import load_claims
    return load_claims()


def note_claims():
    return [c for c in _claims() if c.source_text == "note"]


VERDICTS = ("consistent", "discrepancy-to-explain", "contested", "not-verifiable")
ESPIONAGE_CLAIM = "note-espionage-established"


@_never_raises("the note's claims")
def check_claim_verdicts(my_verdicts, strict=False):
    ex = "the note's claims"
    claims = {c.id: c for c in note_claims()}
    if not isinstance(my_verdicts, dict):
        return _finish(ex, WRONG, "`my_verdicts` should be a dictionary {claim id: verdict}.",
                       "start again from the scaffold.", strict)
    blank = [cid for cid in claims if cid not in my_verdicts or is_blank(my_verdicts[cid])]
    if blank:
        return _finish(ex, NOT_YET, f"{len(blank)} of the {len(claims)} claims have no verdict yet, e.g. `{blank[0]}`.",
                       "for each claim, compare what the note says with the dates and sources of its events; "
                       "the verdicts are " + _join(VERDICTS) + ".", strict)
    unknown = {cid: v for cid, v in my_verdicts.items() if v not in VERDICTS}
    if unknown:
        cid, value = next(iter(unknown.items()))
        return _finish(ex, WRONG, f"\"{value}\" (for {cid}) is not one of the verdicts.",
                       "use exactly one of " + _join(VERDICTS) + ".", strict)
    if my_verdicts.get(ESPIONAGE_CLAIM) == "consistent":
        c = claims.get(ESPIONAGE_CLAIM)
        return _finish(ex, WRONG, "you call the note's claim that the trial \"established\" espionage consistent "
                       "with the record. It is a verdict of a court whose findings historians dispute, not a date "
                       "or a fact you can check against an event.",
                       (c.explanation if c else "") + " Which verdict fits a claim that the sources dispute?", strict)
    wrong = [cid for cid, c in claims.items() if my_verdicts[cid] != c.verdict]
    if wrong:
        first = claims[wrong[0]]
        return _finish(ex, WRONG, f"{len(claims) - len(wrong)} of {len(claims)} verdicts agree with the module's "
                       f"evidence; not yet {_join(wrong[:4])}.",
                       f"on \"{first.quote}\": {first.explanation}", strict)
    return _finish(ex, RIGHT, f"all {len(claims)} verdicts agree with the module's evidence, and the espionage "
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


@_never_raises("corroboration matrix")
def check_corroboration(matrix, fewest, strict=False):
    ex = "corroboration matrix"
    early = _not_yet(ex, {"matrix": matrix, "fewest": fewest},
                     "for each claim, take the sources in `claim.evidence` and add the `sources` of each event "
                     "in `claim.events`; collect them in a set.", strict)
    if early:
        return early
    key = corroboration_key()
    if not isinstance(matrix, dict) or set(matrix) != set(key):
        return _finish(ex, WRONG, "the matrix should have one entry per claim of the note.",
                       "`{c.id: ... for c in claims}`", strict)
    problems = []
    for cid, want in key.items():
        got = set(matrix[cid]) if isinstance(matrix[cid], (set, list, tuple, frozenset)) else {matrix[cid]}
        if got != want:
            lost = sorted(want - got)
            problems.append(f"{cid}: " + (f"lacks {_join(lost[:3])}" if lost else f"has extra {_join(sorted(got - want)[:3])}"))
    least = min(len(v) for v in key.values())
    want_fewest = sorted(cid for cid, v in key.items() if len(v) == least)
    got_fewest = sorted([fewest] if isinstance(fewest, str) else list(fewest))
    if not problems and got_fewest != want_fewest:
        return _finish(ex, WRONG, f"the matrix is right, but the claims with the fewest sources are not "
                       f"{_join(got_fewest)}.", f"the smallest set has {least} sources; list every claim whose "
                       "set is that small (there may be a tie).", strict)
    if problems:
        return _finish(ex, WRONG, "; ".join(problems[:4]) + ".",
                       "did you add the sources of each of the claim's events? `by_id[eid].sources`", strict)
    return _finish(ex, RIGHT, f"the matrix is right; {_join(want_fewest)} rest(s) on {least} source(s) only.", "",
                   strict)


def _renderings():
    from barneskit.renderings import load_renderings
    return load_renderings()


def renderings_key():
    rows = _renderings()
    compared = {r.id: textstats.similarity(r.works_phrase, r.other_phrase) for r in rows if r.other_phrase.strip()}
    authority = next(r for r in rows if "investigating authorities assert" in r.works_phrase)
    return {"similarities": compared, "omitted": sorted(r.id for r in rows if not r.other_phrase.strip()),
            "most_changed": sorted(k for k, v in compared.items() if v == min(compared.values())),
            "lost_in_authority": textstats.only_in_first(authority.works_phrase, authority.other_phrase),
            "authority": authority}


@_never_raises("two renderings")
def check_renderings(similarities, omitted, most_changed, lost_in_authority, strict=False):
    ex = "two renderings"
    early = _not_yet(ex, {"similarities": similarities, "omitted": omitted, "most_changed": most_changed,
                          "lost_in_authority": lost_in_authority},
                     "`textstats.similarity(row.works_phrase, row.other_phrase)` for every row whose other phrase "
                     "is not empty; `textstats.only_in_first(...)` for the words only Works has.", strict)
    if early:
        return early
    key = renderings_key()
    problems, hints = [], []
    if not isinstance(similarities, dict) or set(similarities) != set(key["similarities"]):
        problems.append("`similarities` should have one entry per passage that both renderings have")
        hints.append("skip the rows whose `other_phrase` is empty: those the other rendering leaves out")
    else:
        off = [k for k, v in key["similarities"].items()
               if _as_number(similarities[k]) is None or abs(_as_number(similarities[k]) - v) > 0.01]
        if off:
            problems.append(f"the similarity of {_join(off[:3])} is off")
            hints.append("compare word by word with `textstats.similarity`, which lower-cases and drops punctuation")
    got_omitted = sorted([omitted] if isinstance(omitted, str) else list(omitted))
    if got_omitted != key["omitted"]:
        problems.append("`omitted` should list the passages the other rendering leaves out")
    got_changed = sorted([most_changed] if isinstance(most_changed, str) else list(most_changed))
    if got_changed != key["most_changed"]:
        problems.append(f"the passage that changed most (lowest similarity) is not {_join(got_changed)}")
        hints.append("`min(similarities, key=similarities.get)`")
    lost = [str(w).lower() for w in (lost_in_authority if isinstance(lost_in_authority, (list, tuple)) else [lost_in_authority])]
    if lost != key["lost_in_authority"]:
        problems.append(f"in \"{key['authority'].works_phrase}\" the words with no partner in the other rendering "
                        f"are not {_join(lost)}")
        hints.append("`textstats.only_in_first(row.works_phrase, row.other_phrase)` for that row")
    if problems:
        return _finish(ex, WRONG, "; ".join(problems) + ".", "; ".join(hints) + "." if hints else
                       "compare your list with the table of renderings above.", strict)
    return _finish(ex, RIGHT, f"{len(key['similarities'])} passages compared; most changed: "
                   f"{_join(key['most_changed'])}; left out: {_join(key['omitted'])}; only Works says "
                   f"{_join(key['lost_in_authority'])} in the authority passage.", "", strict)
