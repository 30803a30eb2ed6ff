"""Teaching data: session plans, the adapted letter and the document-analysis worksheet.

Three YAML files in ``data/``, each described by a pydantic model here:

* ``sessions.yml``: session plans; every phase has minutes and the page it uses. The minutes of
  a session must add up to its stated length, and every page must be in ``_toc.yml``.
* ``adapted-letter.yml``: the adapted letter, kept as a list of changes to the original. The
  adapted text is *computed* by applying the changes to the segments of ``texts/reply-to-barnes``,
  so the visible change list is complete by construction: a word that is not in a change is
  the original's word.
* ``worksheet.yml``: the four steps of the document-analysis worksheet and their questions,
  shared by the paper worksheet and the notebook form.

A bad file raises :class:`barneskit.DataError` naming the file, the line and the field.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Literal, Optional

from pydantic import BaseModel, Field

from barneskit.paths import DATA_DIR
from barneskit.errors import DataError
from barneskit.corpus.schema import StrictModel, read_yaml_model, yaml_line
from barneskit.corpus.texts import text, word_count
from barneskit.corpus.toc import TOC_PATH, toc_order

SESSIONS_PATH = DATA_DIR / "sessions.yml"
ADAPTED_PATH = DATA_DIR / "adapted-letter.yml"
WORKSHEET_PATH = DATA_DIR / "worksheet.yml"

#: The longest adapted letter we accept, in words (whitespace-separated tokens, as in the exercises).
ADAPTED_MAX_WORDS = 120


# --------------------------------------------------------------------------- reading YAML

def _fail(path, raw, loc, problem):
    """Raise DataError for the YAML node at ``loc`` (a tuple of keys and indexes)."""
    raise DataError(path, problem, line=yaml_line(raw, loc), field=".".join(str(p) for p in loc))


# --------------------------------------------------------------------------- session plans

class Phase(StrictModel):
    minutes: int = Field(gt=0, le=90)
    title: str = Field(min_length=3)
    activity: str = Field(min_length=10)
    page: str = Field(pattern=r"^[a-z0-9_\-/]+$", description="docname in _toc.yml, e.g. chapters/letter")
    anchor: Optional[str] = Field(default=None, pattern=r"^[a-z0-9\-]+$",
                                  description="a label on that page, to link to a section")
    grouping: Literal["whole class", "pairs", "groups", "individual"] = "whole class"
    meeting: int = Field(default=1, ge=1, description="which class meeting of the session (1, 2, ...)")


class Session(StrictModel):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    title: str
    minutes: int = Field(gt=0)
    meetings: int = Field(ge=1, le=4, description="how many class meetings the minutes are split over")
    computers: Literal["one per pair", "teacher's screen only", "none"]
    pick_when: str = Field(min_length=10)
    prints: list[str] = Field(default_factory=list, description="handouts to print, by page docname")
    phases: list[Phase] = Field(min_length=2)


class SessionPlans(StrictModel):
    sessions: list[Session] = Field(min_length=1)


def toc_docnames(toc_path=TOC_PATH):
    """The set of pages in _toc.yml."""
    return set(toc_order(toc_path))


def load_sessions(path=SESSIONS_PATH, toc_path=TOC_PATH, check_pages=True):
    """The session plans, checked: minutes add up, ids are unique, every page is in the book.

    ``check_pages=False`` skips the last check, for a book that does not show the plans (the
    browser tests' small fixture book reuses this repository's data with its own _toc.yml).
    """
    path = Path(path)
    plans, raw = read_yaml_model(path, SessionPlans)
    pages = toc_docnames(toc_path)
    seen = set()
    for i, session in enumerate(plans.sessions):
        if session.id in seen:
            _fail(path, raw, ("sessions", i, "id"), f"duplicate session id '{session.id}'")
        seen.add(session.id)
        total = sum(phase.minutes for phase in session.phases)
        if total != session.minutes:
            _fail(path, raw, ("sessions", i, "minutes"),
                  f"session '{session.id}' says {session.minutes} minutes but its phases add up to {total}")
        per_meeting = session.minutes / session.meetings
        for meeting in range(1, session.meetings + 1):
            length = sum(p.minutes for p in session.phases if p.meeting == meeting)
            if length != per_meeting:
                _fail(path, raw, ("sessions", i, "meetings"),
                      f"session '{session.id}': meeting {meeting} has {length} minutes of phases, "
                      f"but {session.minutes} minutes over {session.meetings} meetings means {per_meeting:g} each")
        for j, phase in enumerate(session.phases):
            if phase.meeting > session.meetings:
                _fail(path, raw, ("sessions", i, "phases", j, "meeting"),
                      f"meeting {phase.meeting} but the session has only {session.meetings}")
        for j, phase in enumerate(session.phases):
            if check_pages and phase.page not in pages:
                _fail(path, raw, ("sessions", i, "phases", j, "page"),
                      f"page '{phase.page}' is not in _toc.yml, so the link would lead nowhere")
        for j, page in enumerate(session.prints):
            if check_pages and page not in pages:
                _fail(path, raw, ("sessions", i, "prints", j), f"page '{page}' is not in _toc.yml")
    return plans.sessions


# --------------------------------------------------------------------------- the adapted letter

class Change(StrictModel):
    segment: str
    original: str = Field(min_length=1, description="exact words of the original segment")
    adapted: str = Field(description="what replaces them; empty for a cut")
    why: str = Field(min_length=5)


class VocabularyItem(StrictModel):
    word: str
    segment: str
    meaning: str = Field(min_length=5)
    glossary: Optional[str] = Field(default=None, description="the term in chapters/glossary.md, if it has one")


class KeptPhrase(StrictModel):
    phrase: str = Field(min_length=1, description="exact words of the original, kept in the adaptation")
    why: str = Field(min_length=5, description="what a reader weighs in these words")
    exercise: bool = Field(default=False, description="the students' adaptation exercise must keep it too")


class AdaptedLetter(StrictModel):
    text: str = Field(description="id of the text under texts/")
    segments: list[str] = Field(min_length=1, description="segments of the original that the adaptation covers")
    credit: str
    keep: list[KeptPhrase] = Field(min_length=1, description="key phrases the adaptation must keep word for word")
    changes: list[Change] = Field(min_length=1)
    vocabulary: list[VocabularyItem] = Field(default_factory=list)


class AdaptedSegment(BaseModel):
    id: str
    label: str
    original: str
    adapted: str


class Adaptation(BaseModel):
    """The adapted letter, computed: segments (original beside adapted), the change log, the checks."""

    spec: AdaptedLetter
    segments: list[AdaptedSegment]

    @property
    def adapted_text(self):
        return "\n".join(seg.adapted for seg in self.segments)

    @property
    def original_text(self):
        return "\n".join(seg.original for seg in self.segments)

    @property
    def adapted_words(self):
        return word_count(self.adapted_text)

    @property
    def original_words(self):
        return word_count(self.original_text)


def exercise_key_phrases(path=ADAPTED_PATH):
    """{phrase: why} for the key phrases marked ``exercise: true`` in ``adapted-letter.yml``: the
    ones the students' own adaptation must keep."""
    path = Path(path)
    spec, raw = read_yaml_model(path, AdaptedLetter)
    phrases = {kept.phrase: kept.why for kept in spec.keep if kept.exercise}
    if not phrases:
        _fail(path, raw, ("keep",), "no key phrase is marked 'exercise: true' for the students' adaptation")
    # Students adapt the letter's body, so each of their phrases must be in it (not only in the note).
    body = "\n".join(seg.text for seg in text(spec.text).letter_body)
    for i, kept in enumerate(spec.keep):
        if kept.exercise and kept.phrase not in body:
            _fail(path, raw, ("keep", i, "phrase"), f"key phrase '{kept.phrase}' is not in the letter's body")
    return phrases


def load_adapted_letter(path=ADAPTED_PATH):
    """Apply the changes in ``adapted-letter.yml`` to the original; check length and key phrases."""
    path = Path(path)
    spec, raw = read_yaml_model(path, AdaptedLetter)
    doc = text(spec.text)
    known = {seg.id: seg for seg in doc.segments}
    for i, seg_id in enumerate(spec.segments):
        if seg_id not in known:
            _fail(path, raw, ("segments", i), f"'{spec.text}' has no segment '{seg_id}'")
    current = {seg_id: known[seg_id].text for seg_id in spec.segments}
    for i, change in enumerate(spec.changes):
        if change.segment not in current:
            _fail(path, raw, ("changes", i, "segment"),
                  f"segment '{change.segment}' is not one of the adapted segments {spec.segments}")
        found = current[change.segment].count(change.original)
        if found != 1:
            how = "does not occur" if found == 0 else f"occurs {found} times"
            _fail(path, raw, ("changes", i, "original"),
                  f"'{change.original}' {how} in segment '{change.segment}' (after the changes before it); "
                  "a change must name words that occur exactly once")
        current[change.segment] = _tidy(current[change.segment].replace(change.original, change.adapted))
    segments = [AdaptedSegment(id=s, label=known[s].label, original=known[s].text, adapted=current[s])
                for s in spec.segments]
    adaptation = Adaptation(spec=spec, segments=segments)
    original_all = "\n".join(seg.text for seg in doc.segments)
    for i, kept in enumerate(spec.keep):
        if kept.phrase not in original_all:
            _fail(path, raw, ("keep", i, "phrase"), f"key phrase '{kept.phrase}' is not in the original text")
        if kept.phrase not in adaptation.adapted_text:
            _fail(path, raw, ("keep", i, "phrase"), f"key phrase '{kept.phrase}' was lost in the adaptation")
    for i, item in enumerate(spec.vocabulary):
        if item.segment not in current:
            _fail(path, raw, ("vocabulary", i, "segment"), f"segment '{item.segment}' is not adapted")
        if item.word.lower() not in current[item.segment].lower():
            _fail(path, raw, ("vocabulary", i, "word"),
                  f"'{item.word}' does not occur in the adapted segment '{item.segment}'")
    if adaptation.adapted_words > ADAPTED_MAX_WORDS:
        _fail(path, raw, ("changes",), f"the adapted letter has {adaptation.adapted_words} words; "
              f"at most {ADAPTED_MAX_WORDS} are allowed")
    return adaptation


def _tidy(words):
    """Collapse the double spaces a cut leaves behind, and spaces before punctuation."""
    words = re.sub(r" {2,}", " ", words)
    return re.sub(r" +([,.?;:])", r"\1", words).strip()


# --------------------------------------------------------------------------- the worksheet

class Question(StrictModel):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    ask: str = Field(min_length=5)
    lines: int = Field(ge=1, le=8, description="writing lines on the paper worksheet")
    hint: Optional[str] = None


class Step(StrictModel):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    title: str
    purpose: str
    questions: list[Question] = Field(min_length=1)


class Worksheet(StrictModel):
    title: str
    steps: list[Step] = Field(min_length=4, max_length=4)


def load_worksheet(path=WORKSHEET_PATH):
    path = Path(path)
    sheet, raw = read_yaml_model(path, Worksheet)
    seen = set()
    for i, step in enumerate(sheet.steps):
        for j, question in enumerate(step.questions):
            if question.id in seen:
                _fail(path, raw, ("steps", i, "questions", j, "id"), f"duplicate question id '{question.id}'")
            seen.add(question.id)
    return sheet


# --------------------------------------------------------------------------- build-time checker

#: The page that renders the session plans; a book that has it must have every page they link to.
SESSIONS_PAGE = "teacher/sessions"


def validate_teaching_data():
    """Checker for barneskit.corpus.validate: all three teaching files load without a problem."""
    load_sessions(check_pages=SESSIONS_PAGE in toc_docnames())
    load_adapted_letter()
    load_worksheet()
