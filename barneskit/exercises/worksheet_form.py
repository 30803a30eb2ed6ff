"""The worksheet's notebook form (``teacher/worksheet-form.md``): its questions as text, and plain-words
feedback on the answers (what is still empty or too short, and the two facts the metadata fixes)."""
from __future__ import annotations

import textwrap

import re

from barneskit.corpus.exercise_sets import load_answer_policy, not_stated_phrases
from barneskit.corpus.teaching import load_worksheet
from barneskit.corpus.texts import LETTER_TEXT_ID, text
from barneskit.exercises.feedback import NOT_YET, RIGHT, WRONG, finish, never_raises, normal


def blank_answers(sheet=None):
    """A dictionary of every question id with an empty answer, for the notebook form."""
    sheet = sheet or load_worksheet()
    return {q.id: "" for step in sheet.steps for q in step.questions}


def step_questions(step_id, sheet=None, width=68):
    """The questions of one worksheet step as plain text, for the notebook form."""
    sheet = sheet or load_worksheet()
    step = next((st for st in sheet.steps if st.id == step_id), None)
    if step is None:
        raise KeyError(f"the worksheet has no step '{step_id}'; steps: {[st.id for st in sheet.steps]}")
    out = [textwrap.fill(f"{step.title}: {step.purpose}", width)]
    for q in step.questions:
        out.append(textwrap.fill(f'"{q.id}": {q.ask}', width, initial_indent="  ", subsequent_indent="      "))
        if q.hint:
            out.append(textwrap.fill(f"Hint: {q.hint}", width, initial_indent="      ", subsequent_indent="      "))
    return "\n".join(out)


def _says_not_stated(answer):
    words = f" {normal(re.sub(r'[.!,;:()]', ' ', answer))} "
    return any(f" {p} " in words for p in not_stated_phrases()) or bool(
        re.search(r"\b(?:does|do|did) not (?:say|state|tell|mention)|\bnot (?:stated|given|said|mentioned)\b|"
                  r"\bdoesn'?t (?:say|state)", answer, re.IGNORECASE))


def _notes(answers, sheet):
    meta = text(LETTER_TEXT_ID).metadata
    short = set(load_answer_policy().vocabulary.short_answers)
    empty, notes = [], []
    for step in sheet.steps:
        for q in step.questions:
            value = answers.get(q.id)
            answer = value.strip() if isinstance(value, str) else ("" if value is None else str(value))
            if not answer:
                empty.append(f"{step.title}, \"{q.id}\": still empty.")
            elif not isinstance(value, str):
                notes.append(f"{step.title}, \"{q.id}\": write the answer in words, in quotes.")
            elif len(answer.split()) < 3 and q.id not in short:
                notes.append(f"{step.title}, \"{q.id}\": very short; write a full sentence.")
    when = answers.get("when") if isinstance(answers.get("when"), str) else ""
    if when.strip() and "1933" not in when:
        notes.append("When: the letter is dated in 1933 (look under the title).")
    where = answers.get("where") if isinstance(answers.get("where"), str) else ""
    if where.strip() and not meta.place.stated_in_text and not _says_not_stated(where):
        notes.append("Where: does the letter itself state a place? If not, say so rather than guess.")
    return empty, notes


def review_answers(answers, sheet=None):
    """Plain-words feedback on a filled-in worksheet: what is missing, and checkable facts.

    Interpretation is the teacher's to judge; this only says which answers are still empty or
    too short to be a sentence (questions that ask for a fact, such as "when" and "where", may be
    answered in a few words), and checks the two facts the metadata fixes (date and place).
    """
    sheet = sheet or load_worksheet()
    if not isinstance(answers, dict):
        return ["The answers should be a dictionary, one entry per question, as in the form's first cell."]
    empty, notes = _notes(answers, sheet)
    return empty + notes or ["Every question has an answer. Now compare yours with a partner's."]


@never_raises("worksheet")
def check_worksheet(answers, strict=False):
    """The worksheet form's feedback as a check: "not yet" while a question is empty, "not quite" when
    a fact is off or an answer is one word, else "right" (the teacher judges the interpretation)."""
    ex = "worksheet"
    sheet = load_worksheet()
    if not isinstance(answers, dict):
        return finish(ex, WRONG, "the answers should be a dictionary, one entry per question",
                      "start again from the form's first cell", strict)
    empty, notes = _notes(answers, sheet)
    if empty:
        return finish(ex, NOT_YET, " ".join(empty), "answer every question; a few words are enough for the facts "
                      "(when, where, who)", strict)
    if notes:
        return finish(ex, WRONG, " ".join(notes), "look at the letter again for the facts, and write the other "
                      "answers as sentences", strict)
    return finish(ex, RIGHT, "every question has an answer, and the date and the place agree with the text; "
                  "now compare yours with a partner's", "", strict)
