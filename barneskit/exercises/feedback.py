"""What every exercise check shares: the result and its message, blank detection, the guard that
keeps a student's answer from ever raising, and small helpers for writing messages.

Every check (one module per exercise set, beside this one) takes the student's answer, compares
it with a key computed at run time from the texts and data, shows a short message and returns a
:class:`CheckResult`.

* A blank answer (``...``, the placeholder in every scaffold) gets "Not yet: ..." and a hint.
* A wrong answer gets "Not quite: ..." saying what is off, and a hint.
* A right answer gets "Right: ...".

A check never raises on a student's answer. Solution cells pass ``strict=True``: then an answer
that is not right raises :class:`AnswerNotRight`, so a solution that stops passing its own check
fails the build of the book.
"""
from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass

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


def sentence(words):
    """``words`` ending in exactly one mark: a full stop is added only when none ends it already."""
    words = " ".join(str(words).split())
    if not words:
        return ""
    if words.endswith("..."):
        return words
    words = re.sub(r"([.?!])[.;,]+$", r"\1", words)
    return words if re.search(r"[.?!:]$|\.\.\.$|[.?!]\W$", words) and not words.endswith(":") else words + "."


def sentences(parts):
    """Several findings as one sentence, ``"a; b; c."``, each part without its own closing mark."""
    parts = [re.sub(r"[.;]+$", "", str(p).strip()) for p in parts if str(p).strip()]
    return sentence("; ".join(parts)) if parts else ""


def finish(exercise, status, message, hint, strict):
    result = CheckResult(exercise, status, sentence(message), sentence(hint) if hint else "")
    result.show()
    if strict and not result.ok:
        raise AnswerNotRight(f"{exercise}: the reference solution does not pass its check.\n{result.text}")
    return result


def never_raises(exercise):
    """Decorator: whatever shape a student's answer has, the check answers in words, never a traceback."""
    def wrap(check):
        @functools.wraps(check)
        def safe(*args, strict=False, **kwargs):
            try:
                return check(*args, strict=strict, **kwargs)
            except AnswerNotRight:
                raise
            except Exception:  # an answer of a shape the check did not foresee
                # Python's own words (the exception) are for the module's authors, never for the student.
                return finish(exercise, WRONG, "your answer has a shape this check cannot read.",
                               "compare its shape with the scaffold: the same names, a number where it "
                               "asks for a number, a list or set where it asks for several.", strict)
        return safe
    return wrap


def is_blank(value, top=True):
    """True for the scaffold's placeholder ``...``, an empty answer, or one still holding a placeholder.

    An empty list, set or dictionary is blank at the top (``absent = set()`` not yet filled in), but
    not inside an answer, where it is a real answer (a claim with no sources is wrong, not unfinished).
    """
    if value is Ellipsis:
        return True
    if isinstance(value, str):
        return bool(PLACEHOLDER_WORDS.search(value))
    if isinstance(value, dict):
        return (top and not value) or any(is_blank(v, top=False) for v in value.values())
    if isinstance(value, (list, tuple, set, frozenset)):
        return (top and not value) or any(is_blank(v, top=False) for v in value)
    return False


def blank_parts(answers):
    """The names of the answers still blank, from a ``{name: value}`` mapping."""
    return [name for name, value in answers.items() if is_blank(value)]


def not_yet(exercise, answers, hint, strict):
    missing = blank_parts(answers)
    if not missing:
        return None
    return finish(exercise, NOT_YET, "still to fill in: " + ", ".join(f"`{m}`" for m in missing) + ".",
                   hint, strict)


#: A number as a student may write it: "21", " 1954 ", "9 days", "21 years", "1.9%", "1.9 per 100".
_NUMBER = re.compile(r"^\s*([-+]?\d+(?:[.,]\d{1,2}|\.\d+)?|[-+]?\.\d+)\s*"
                     r"(?:%|per ?cent|per 100(?: words)?|years?|yrs?|days?|words?|characters?|chars?|sentences?)?\s*$", re.IGNORECASE)
NUMBER_WORDS = re.compile(r"\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
                          r"forty|fifty|sixty|seventy|eighty|ninety|hundred|nineteen)\b", re.IGNORECASE)


def as_number(value):
    """The number in an answer (a number, or a string holding one, with its unit if any), else None.
    True and False are not numbers here."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        match = _NUMBER.match(value)   # a decimal comma ("1,27") is read as a decimal point
        return float(match.group(1).replace(",", ".")) if match else None
    return None


def number_problem(value, what):
    """Why ``value`` is not read as a number, in words (for a value as_number refuses)."""
    if isinstance(value, bool):
        return f"{what} is {value}, a yes-or-no value, not a number"
    if isinstance(value, str) and NUMBER_WORDS.search(value):
        return f"{what} is written in words (\"{shorten(value)}\"); write it in digits"
    if isinstance(value, str) and re.search(r"\d", value):
        return f"{what} (\"{shorten(value)}\"): write just the number, without other words"
    return f"{what} is not a number"


def show(value):
    """A value as a message quotes it: text in quotes, a date in words, anything else as Python prints it."""
    import datetime
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return f"{value.day} {value:%B %Y}"
    if isinstance(value, str):
        return f"\"{shorten(value)}\""
    return shorten(repr(value))


def as_items(value):
    """An answer that should hold several items, as a list: a list, tuple or set as it is, one string
    (or a non-container) as a one-item list. A dictionary gives None (it is not a collection of items)."""
    if isinstance(value, dict):
        return None
    if isinstance(value, (list, tuple, set, frozenset)):
        return list(value)
    return [value]


def normal(words):
    """Lower case, single spaces, hyphens and underscores as spaces: how answers in words are compared."""
    return " ".join(re.sub(r"[-_]", " ", str(words)).lower().split())


def as_ids(value):
    """Ids as a student may give them: a list, set or tuple of ids, one id, or several in one string
    separated by commas ("opening, specialists"); each in the data's form. None for other shapes."""
    if isinstance(value, str):
        return [normal_id(v) for v in re.split(r"[,;]", value) if v.strip()]
    items = as_items(value)
    if items is None or any(not isinstance(i, str) for i in items):
        return None
    return [normal_id(i) for i in items]


def normal_id(words):
    """An id as a student may type it (" Moscow-Trial-1936 ") in the form the data uses."""
    return "-".join(re.sub(r"[_\s]+", " ", str(words)).strip().lower().split())


def shorten(words, width=60):
    """``words`` shortened at a word boundary, with "..." only when something was cut."""
    words = " ".join(str(words).split())
    if len(words) <= width:
        return words
    cut = words[:width].rsplit(" ", 1)[0]
    return cut + " ..."


def plural(n, one, many=None):
    n = int(n)
    return f"{n} {one if n == 1 else (many or one + 's')}"


#: re.error's messages, in plain words for a student.
_REGEX_PROBLEMS = [
    ("unterminated character set", "a square bracket [ is opened but never closed"),
    ("missing ), unterminated subpattern", "a round bracket ( is opened but never closed"),
    ("unbalanced parenthesis", "a round bracket ) closes nothing"),
    ("nothing to repeat", "a *, + or ? stands where there is nothing before it to repeat"),
    ("multiple repeat", "two repeat signs (such as ** or +*) stand side by side"),
    ("bad escape", "a backslash \\ is followed by a letter that means nothing in a pattern"),
    ("bad character range", "a range inside [ ] runs backwards, such as [z-a]"),
]


def regex_problem(pattern):
    """None if ``pattern`` is a valid regular expression (a string), else what is wrong, in words."""
    if not isinstance(pattern, str):
        return f"it is {_kind(pattern)}, not a string such as r\"law\\w*\""
    try:
        re.compile(pattern)
    except re.error as exc:
        for start, words in _REGEX_PROBLEMS:
            if str(exc.msg).startswith(start):
                break
        else:
            words = "it has a mistake in its signs"
        return f"it is not a valid regular expression: {words}" + (
            f" (near character {exc.pos + 1})" if exc.pos is not None else "")
    return None


def _kind(value):
    return {list: "a list", tuple: "a tuple", set: "a set", dict: "a dictionary", int: "a number",
            float: "a number", bool: "True or False", type(None): "None"}.get(type(value), "not a string")


kind = _kind


def quoted_list(items):
    items = [f'"{i}"' for i in items]
    if not items:
        return "nothing"
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
