"""The worksheet's notebook form (``teacher/worksheet-form.md``): its questions as text, and plain-words
feedback on the answers (what is still empty or too short, and the two facts the metadata fixes)."""
from __future__ import annotations

import textwrap

from barneskit.corpus.teaching import load_worksheet
from barneskit.corpus.texts import LETTER_TEXT_ID, text


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


def review_answers(answers, sheet=None):
    """Plain-words feedback on a filled-in worksheet: what is missing, and checkable facts.

    Interpretation is the teacher's to judge; this only says which answers are still empty or
    too short to be a sentence, and checks the two facts the metadata fixes (date and place).
    """
    sheet = sheet or load_worksheet()
    meta = text(LETTER_TEXT_ID).metadata
    notes = []
    for step in sheet.steps:
        for q in step.questions:
            answer = (answers.get(q.id) or "").strip()
            if not answer:
                notes.append(f"{step.title}, \"{q.id}\": still empty.")
            elif len(answer.split()) < 3:
                notes.append(f"{step.title}, \"{q.id}\": very short; write a full sentence.")
    when = (answers.get("when") or "").lower()
    if when and "1933" not in when:
        notes.append("When: the letter is dated in 1933 (look under the title).")
    where = (answers.get("where") or "").lower()
    if where and "not" not in where and not meta.place.stated_in_text:
        notes.append("Where: does the letter itself state a place? If not, say so rather than guess.")
    return notes or ["Every question has an answer. Now compare yours with a partner's."]
