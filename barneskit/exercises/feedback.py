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


def finish(exercise, status, message, hint, strict):
    result = CheckResult(exercise, status, message, hint)
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
            except Exception as exc:  # an answer of a shape the check did not foresee
                return finish(exercise, WRONG, f"your answer could not be read ({type(exc).__name__}: {exc}).",
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


def not_yet(exercise, answers, hint, strict):
    missing = blank_parts(answers)
    if not missing:
        return None
    return finish(exercise, NOT_YET, "still to fill in: " + ", ".join(f"`{m}`" for m in missing) + ".",
                   hint, strict)


def as_number(value):
    if isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def quoted_list(items):
    items = [f'"{i}"' for i in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
