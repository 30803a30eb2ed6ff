"""Teaching data: session plans, the adapted letter and the document-analysis worksheet.

YAML files in ``data/``, each described by a pydantic model here:

* ``sessions.yml``: session plans; every phase has minutes and the page it uses. The minutes of
  a session must add up to its stated length, and every page must be in ``_toc.yml``.
* ``adapted-letter.yml``: the adapted letter, kept as a list of changes to the original. The
  adapted text is *computed* by applying the changes to the segments of ``texts/reply-to-barnes``,
  so the visible change list is complete by construction: a word that is not in a change is
  the original's word.
* ``worksheet.yml``: the four steps of the document-analysis worksheet and their questions,
  shared by the paper worksheet and the notebook form, with each question's tier, historical-
  thinking skill, sentence starter and (for an interpretive question) an example answer; the
  historical-thinking chart; and the letter-against-note comparison grid.
* ``assessment.yml``: the rubric's criteria, the written tasks (the short exit task and the longer
  summative argument) with their tiers, and the sample answers with a score per criterion. The
  build refuses samples that cannot calibrate a marker (every criterion must get different scores
  across the samples, and at most one sample may score the same in every row).
* ``curriculum.yml``: where the module fits (frameworks, units, what part of the module serves
  which requirement), each framework with its source in ``references.bib``.
* ``terms.yml``: the glossary of historical-thinking and programming terms.

A bad file raises :class:`barneskit.DataError` naming the file, the line and the field.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Literal, Optional

from pydantic import BaseModel, Field

from barneskit.paths import DATA_DIR
from barneskit.errors import DataError
from barneskit.corpus.exercise_sets import load_exercise_sets
from barneskit.corpus.schema import StrictModel, read_yaml_model, yaml_line
from barneskit.corpus.texts import text, word_count
from barneskit.corpus.toc import TOC_PATH, toc_order

SESSIONS_PATH = DATA_DIR / "sessions.yml"
ADAPTED_PATH = DATA_DIR / "adapted-letter.yml"
WORKSHEET_PATH = DATA_DIR / "worksheet.yml"
ASSESSMENT_PATH = DATA_DIR / "assessment.yml"
CURRICULUM_PATH = DATA_DIR / "curriculum.yml"
TERMS_PATH = DATA_DIR / "terms.yml"
CORROBORATION_PATH = DATA_DIR / "corroboration.yml"

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
    handouts: list[str] = Field(default_factory=list,
                                description="printed sheets the phase uses, by page docname; each must be in the plan's prints")


class PrepItem(StrictModel):
    when: Literal["a week before", "the day before", "on the day"]
    kind: Literal["print", "install", "test", "read", "room"]
    task: str = Field(min_length=10)


class Session(StrictModel):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    title: str
    minutes: int = Field(gt=0)
    meetings: int = Field(ge=1, le=4, description="how many class meetings the minutes are split over")
    computers: Literal["one per pair", "teacher's screen only", "none"]
    pick_when: str = Field(min_length=10)
    prints: list[str] = Field(default_factory=list, description="handouts to print, by page docname")
    prepare: list[PrepItem] = Field(min_length=2, description="the preparation checklist, besides printing")
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
    # A phase that runs an exercise gives it at least the minutes its level needs.
    exercises = {e.label: e for e in load_exercise_sets().all()}
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
            exercise = exercises.get(phase.anchor) if phase.page.startswith("exercises/") else None
            if exercise is not None and phase.minutes < exercise.minutes:
                _fail(path, raw, ("sessions", i, "phases", j, "minutes"),
                      f"{phase.minutes} minutes for the exercise '{exercise.title}', which takes "
                      f"{exercise.minutes} at its level ({exercise.level}; data/exercise-sets.yml)")
        for j, phase in enumerate(session.phases):
            if check_pages and phase.page not in pages:
                _fail(path, raw, ("sessions", i, "phases", j, "page"),
                      f"page '{phase.page}' is not in _toc.yml, so the link would lead nowhere")
        for j, page in enumerate(session.prints):
            if check_pages and page not in pages:
                _fail(path, raw, ("sessions", i, "prints", j), f"page '{page}' is not in _toc.yml")
        used = set()
        for j, phase in enumerate(session.phases):
            for k, sheet in enumerate(phase.handouts):
                if sheet not in session.prints:
                    _fail(path, raw, ("sessions", i, "phases", j, "handouts", k),
                          f"phase '{phase.title}' uses the sheet '{sheet}', which the plan does not print "
                          f"(prints: {', '.join(session.prints) or 'nothing'})")
                used.add(sheet)
        for j, page in enumerate(session.prints):
            if page not in used:
                _fail(path, raw, ("sessions", i, "prints", j),
                      f"the plan prints '{page}' but no phase uses it; name it in a phase's handouts")
        if session.computers != "none" and not any(item.kind == "test" for item in session.prepare):
            _fail(path, raw, ("sessions", i, "prepare"),
                  f"session '{session.id}' uses computers, so its checklist needs a 'test' item "
                  "(what to try the day before)")
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
        # The word bank serves readers of both versions: a word may be one the adaptation replaced.
        if (item.word.lower() not in current[item.segment].lower()
                and item.word.lower() not in known[item.segment].text.lower()):
            _fail(path, raw, ("vocabulary", i, "word"),
                  f"'{item.word}' occurs in neither version of segment '{item.segment}'")
    if adaptation.adapted_words > ADAPTED_MAX_WORDS:
        _fail(path, raw, ("changes",), f"the adapted letter has {adaptation.adapted_words} words; "
              f"at most {ADAPTED_MAX_WORDS} are allowed")
    return adaptation


def _tidy(words):
    """Collapse the double spaces a cut leaves behind, and spaces before punctuation."""
    words = re.sub(r" {2,}", " ", words)
    return re.sub(r" +([,.?;:])", r"\1", words).strip()


# --------------------------------------------------------------------------- the worksheet

#: The four reading skills of the historical-thinking chart, in its order.
SKILLS = ("sourcing", "contextualisation", "corroboration", "close reading")
#: The tiers of the worksheet: "all" questions are on every version; "core" ones on the core and
#: advanced sheets; "advanced" ones only on the advanced sheet.
TIERS = ("foundation", "core", "advanced")
_TIER_OF = {"all": {"foundation", "core", "advanced"}, "core": {"core", "advanced"}, "advanced": {"advanced"}}


class Question(StrictModel):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    ask: str = Field(min_length=5)
    lines: int = Field(ge=1, le=8, description="writing lines on the paper worksheet")
    hint: Optional[str] = None
    kind: Literal["factual", "interpretive"] = "interpretive"
    skill: Literal["sourcing", "contextualisation", "corroboration", "close reading"]
    tier: Literal["all", "core", "advanced"] = "all"
    starter: Optional[str] = Field(default=None, description="a sentence starter for the foundation sheet")
    example: Optional[str] = Field(default=None, description="an example answer (interpretive questions)")

    def on(self, tier):
        """Is the question on the sheet of this tier?"""
        return tier in _TIER_OF[self.tier]


class Skill(StrictModel):
    id: Literal["sourcing", "contextualisation", "corroboration", "close reading"]
    ask: list[str] = Field(min_length=2, description="questions a reader asks")
    can_do: str = Field(min_length=10, description="what a student can do with the skill")
    starters: list[str] = Field(min_length=2)


class Comparison(StrictModel):
    aspect: str = Field(min_length=3)
    ask: str = Field(min_length=10)
    letter: str = Field(min_length=3, description="example answer for the letter (teacher's key)")
    note: str = Field(min_length=3, description="example answer for the note (teacher's key)")


class Step(StrictModel):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    title: str
    purpose: str
    questions: list[Question] = Field(min_length=1)


class Worksheet(StrictModel):
    title: str
    steps: list[Step] = Field(min_length=4, max_length=4)
    skills: list[Skill] = Field(min_length=4, max_length=4, description="the historical-thinking chart")
    comparison: list[Comparison] = Field(min_length=4, description="the letter against the note")

    def questions(self, tier=None):
        return [q for step in self.steps for q in step.questions if tier is None or q.on(tier)]


def load_worksheet(path=WORKSHEET_PATH):
    path = Path(path)
    sheet, raw = read_yaml_model(path, Worksheet)
    seen = set()
    for i, step in enumerate(sheet.steps):
        for j, question in enumerate(step.questions):
            loc = ("steps", i, "questions", j)
            if question.id in seen:
                _fail(path, raw, loc + ("id",), f"duplicate question id '{question.id}'")
            seen.add(question.id)
            if question.kind == "interpretive" and not question.example:
                _fail(path, raw, loc, f"interpretive question '{question.id}' has no example answer "
                      "(the teacher's key needs one to calibrate against)")
            if question.on("foundation") and not question.starter:
                _fail(path, raw, loc, f"question '{question.id}' is on the foundation sheet but has no "
                      "sentence starter")
    skills = [skill.id for skill in sheet.skills]
    if sorted(skills) != sorted(SKILLS):
        _fail(path, raw, ("skills",), f"the chart must have each of {', '.join(SKILLS)} once; it has {skills}")
    for skill in SKILLS:
        if not any(q.skill == skill for q in sheet.questions()):
            _fail(path, raw, ("steps",), f"no question of the worksheet practises {skill}")
    for tier in TIERS:
        if len(sheet.questions(tier)) < 5:
            _fail(path, raw, ("steps",), f"the {tier} sheet would have fewer than five questions")
    return sheet


# --------------------------------------------------------------------------- assessment

class Criterion(StrictModel):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    name: str
    levels: dict[Literal[1, 2, 3], str]


class TaskTier(StrictModel):
    tier: Literal["foundation", "advanced"]
    change: str = Field(min_length=10, description="what this tier changes in the task")
    starters: list[str] = Field(default_factory=list)


class Task(StrictModel):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    title: str
    minutes: int = Field(gt=0, le=120)
    words: str = Field(description="the length asked for, e.g. '150' or '600-800'")
    prompt: str = Field(min_length=20)
    requires: list[str] = Field(min_length=1, description="what the answer must use")
    criteria: list[str] = Field(min_length=3)
    tiers: list[TaskTier] = Field(min_length=2)


class Sample(StrictModel):
    id: str = Field(pattern=r"^[A-Z]$")
    task: str
    profile: str = Field(min_length=5, description="the profile in a few words, e.g. 'strong sourcing, weak corroboration'")
    text: str = Field(min_length=50, description="may use {letter_attributes} etc., filled from the stance table")
    scores: dict[str, Literal[1, 2, 3]]
    comment: str = Field(min_length=20)


class Assessment(StrictModel):
    criteria: list[Criterion] = Field(min_length=3)
    tasks: list[Task] = Field(min_length=2)
    samples: list[Sample] = Field(min_length=3)

    def task(self, task_id):
        return next(task for task in self.tasks if task.id == task_id)

    def criterion(self, criterion_id):
        return next(c for c in self.criteria if c.id == criterion_id)


def load_assessment(path=ASSESSMENT_PATH):
    """The rubric, the tasks and the samples, checked so that the samples can calibrate a marker."""
    path = Path(path)
    data, raw = read_yaml_model(path, Assessment)
    criteria = {c.id for c in data.criteria}
    for i, c in enumerate(data.criteria):
        if set(c.levels) != {1, 2, 3}:
            _fail(path, raw, ("criteria", i, "levels"), f"criterion '{c.id}' needs a description for 1, 2 and 3")
    tasks = {}
    for i, task in enumerate(data.tasks):
        if task.id in tasks:
            _fail(path, raw, ("tasks", i, "id"), f"duplicate task id '{task.id}'")
        tasks[task.id] = task
        for j, cid in enumerate(task.criteria):
            if cid not in criteria:
                _fail(path, raw, ("tasks", i, "criteria", j), f"unknown criterion '{cid}'; use one of {sorted(criteria)}")
    flat = []
    for i, sample in enumerate(data.samples):
        if sample.task not in tasks:
            _fail(path, raw, ("samples", i, "task"), f"unknown task '{sample.task}'")
        wanted = set(tasks[sample.task].criteria)
        if set(sample.scores) != wanted:
            _fail(path, raw, ("samples", i, "scores"),
                  f"sample {sample.id} must score exactly the task's criteria {sorted(wanted)}; "
                  f"it scores {sorted(sample.scores)}")
        if len(set(sample.scores.values())) == 1:
            flat.append(sample.id)
    if len(flat) > 1:
        _fail(path, raw, ("samples",), f"samples {', '.join(flat)} score the same in every row; at most one "
              "flat profile is allowed, so that a marker can calibrate each criterion on its own")
    for task in data.tasks:
        samples = [s for s in data.samples if s.task == task.id]
        if not samples:
            continue
        for cid in task.criteria:
            if len({s.scores[cid] for s in samples}) < 2:
                _fail(path, raw, ("samples",), f"every sample of task '{task.id}' gives '{cid}' the same score; "
                      "the samples must show different levels of each criterion")
    return data


# --------------------------------------------------------------------------- curriculum alignment

class ModuleLink(StrictModel):
    page: str = Field(pattern=r"^[a-z0-9_\-/]+$")
    anchor: Optional[str] = Field(default=None, pattern=r"^[a-z0-9\-]+$")


class Fit(StrictModel):
    unit: str = Field(min_length=3, description="the unit, indicator or requirement, named as the framework names it")
    requirement: str = Field(min_length=10, description="what it asks, in our words")
    serves: list[ModuleLink] = Field(min_length=1)
    how: str = Field(min_length=10, description="which part of the module serves it, and how far")


class Framework(StrictModel):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    name: str
    level: str = Field(description="the ages or courses it is for")
    source: str = Field(description="key in references.bib")
    checked: str = Field(min_length=10, description="what text of the framework the rows were checked against")
    fits: list[Fit] = Field(min_length=1)


class NotMapped(StrictModel):
    name: str
    why: str = Field(min_length=10)


class Curriculum(StrictModel):
    frameworks: list[Framework] = Field(min_length=1)
    not_mapped: list[NotMapped] = Field(default_factory=list)


def load_curriculum(path=CURRICULUM_PATH, toc_path=TOC_PATH, check_pages=True):
    from barneskit.corpus.references import bib_keys
    path = Path(path)
    data, raw = read_yaml_model(path, Curriculum)
    keys, pages = bib_keys(), toc_docnames(toc_path)
    for i, fw in enumerate(data.frameworks):
        if fw.source not in keys:
            _fail(path, raw, ("frameworks", i, "source"), f"source key '{fw.source}' is not in references.bib")
        for j, fit in enumerate(fw.fits):
            for k, link in enumerate(fit.serves):
                if check_pages and link.page not in pages:
                    _fail(path, raw, ("frameworks", i, "fits", j, "serves", k, "page"),
                          f"page '{link.page}' is not in _toc.yml")
    return data


# --------------------------------------------------------------------------- glossary of terms

class Term(StrictModel):
    term: str
    kind: Literal["historical thinking", "programming"]
    plain: str = Field(min_length=10, description="a plain definition a 14-year-old can read")
    example: str = Field(min_length=10, description="how the module uses it")
    page: Optional[str] = Field(default=None, pattern=r"^[a-z0-9_\-/]+$")
    anchor: Optional[str] = Field(default=None, pattern=r"^[a-z0-9\-]+$")


class Terms(StrictModel):
    terms: list[Term] = Field(min_length=5)


def load_terms(path=TERMS_PATH, toc_path=TOC_PATH, check_pages=True):
    path = Path(path)
    data, raw = read_yaml_model(path, Terms)
    pages, seen = toc_docnames(toc_path), set()
    for i, term in enumerate(data.terms):
        if term.term.lower() in seen:
            _fail(path, raw, ("terms", i, "term"), f"duplicate term '{term.term}'")
        seen.add(term.term.lower())
        if check_pages and term.page and term.page not in pages:
            _fail(path, raw, ("terms", i, "page"), f"page '{term.page}' is not in _toc.yml")
    for kind in ("historical thinking", "programming"):
        if not any(t.kind == kind for t in data.terms):
            _fail(path, raw, ("terms",), f"no {kind} term")
    return data


# --------------------------------------------------------------------------- the corroboration organizer

class OrganizerRow(BaseModel):
    id: str
    letter: str
    title: str
    date: str


def organizer_rows(path=CORROBORATION_PATH):
    """One row per document of the set (the letter, the note, Documents B-G), in the data's order,
    for the printable organizer: its letter, its title and its date, read from texts/."""
    import yaml
    path = Path(path)
    raw_text = path.read_text(encoding="utf-8")
    docs = (yaml.safe_load(raw_text) or {}).get("documents") or []
    rows = []
    for i, doc in enumerate(docs):
        if not isinstance(doc, dict) or not {"id", "letter", "text"} <= set(doc):
            _fail(path, raw_text, ("documents", i), "a document needs id, letter and text")
        try:
            meta = text(doc["text"]).metadata
        except DataError as exc:
            _fail(path, raw_text, ("documents", i, "text"), f"text '{doc['text']}' cannot be read: {exc}")
        title, date = meta.title, str(getattr(meta, "date_as_printed", "") or "")
        if doc["id"] == "note":
            title = "The editors' note printed with the letter"
            years = sorted({str(edition.year) for edition in meta.editions})
            date = "printed " + " and ".join(years)
        rows.append(OrganizerRow(id=doc["id"], letter=str(doc["letter"]), title=title, date=date))
    if len(rows) < 3:
        _fail(path, raw_text, ("documents",), "the organizer needs the letter, the note and at least one document")
    return rows


# --------------------------------------------------------------------------- build-time checker

#: The page that renders the session plans; a book that has it must have every page they link to.
SESSIONS_PAGE = "teacher/sessions"


def validate_teaching_data():
    """Checker for barneskit.corpus.validate: every teaching file loads without a problem."""
    in_book = SESSIONS_PAGE in toc_docnames()
    load_sessions(check_pages=in_book)
    load_adapted_letter()
    load_worksheet()
    load_assessment()
    load_curriculum(check_pages=in_book)
    load_terms(check_pages=in_book)
