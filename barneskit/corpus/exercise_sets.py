"""The exercises as data: each exercise's level, minutes and prerequisites (``data/exercise-sets.yml``),
and the answer policy of their checks (``data/answer-policy.yml``).

* ``exercise-sets.yml``: one entry per exercise set (a page in ``exercises/``), in the order of
  ``_toc.yml``, each exercise with its label, level (novice / intermediate / advanced), minutes and
  the exercises it builds on. The pages show these at each exercise; the session plans can read
  the minutes.
* ``answer-policy.yml``: for each check, which classes of answer it accepts and which it refuses,
  and the shared vocabulary the checks read (the synonyms of "not stated", the defensible
  alternative verdicts, the claims an adaptation must keep). The teacher page
  ``teacher/answer-policy.md`` shows it; ``tests/data/answers.yml`` tests it row by row.

A bad file raises :class:`barneskit.DataError` naming the file, the line and the field.
"""
from __future__ import annotations

import functools
import re
from typing import Literal

from pydantic import Field

from barneskit.corpus.schema import StrictModel, read_yaml_model, yaml_line
from barneskit.errors import DataError
from barneskit.paths import DATA_DIR, ROOT

SETS_PATH = DATA_DIR / "exercise-sets.yml"
POLICY_PATH = DATA_DIR / "answer-policy.yml"

Level = Literal["novice", "intermediate", "advanced"]
LEVELS = ("novice", "intermediate", "advanced")
Id = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


# --------------------------------------------------------------------------- exercise sets

class Exercise(StrictModel):
    label: str = Id              # the section label on the page, e.g. ex-sourcing-card
    title: str = Field(min_length=3)
    level: Level
    minutes: int = Field(ge=2, le=60)   # for a student at this level, reading and writing included
    builds_on: list[str] = []           # labels of earlier exercises
    needs: str = Field(min_length=3)    # what the student must already know, in words


class ExerciseSet(StrictModel):
    page: str                           # e.g. exercises/sourcing-and-counting
    title: str = Field(min_length=3)
    exercises: list[Exercise] = Field(min_length=1)


class ExerciseSets(StrictModel):
    sets: list[ExerciseSet] = Field(min_length=1)

    def exercise(self, label):
        for s in self.sets:
            for e in s.exercises:
                if e.label == label:
                    return e
        raise KeyError(label)

    def all(self):
        return [e for s in self.sets for e in s.exercises]

    def set_of(self, label):
        return next(s for s in self.sets if any(e.label == label for e in s.exercises))


@functools.lru_cache(maxsize=4)
def load_exercise_sets(path=SETS_PATH):
    sets, raw = read_yaml_model(path, ExerciseSets)
    seen = {}
    for i, s in enumerate(sets.sets):
        page = ROOT / f"{s.page}.md"
        if not page.is_file():
            raise DataError(path, f"no page {s.page}.md", line=yaml_line(raw, ["sets", i, "page"]), field="page")
        source = page.read_text(encoding="utf-8")
        for j, e in enumerate(s.exercises):
            loc = ["sets", i, "exercises", j]
            if f"({e.label})=" not in source:
                raise DataError(path, f"{s.page}.md has no label ({e.label})=", line=yaml_line(raw, loc + ["label"]),
                                field="label")
            if e.label in seen:
                raise DataError(path, f"duplicate exercise label {e.label!r}", line=yaml_line(raw, loc + ["label"]),
                                field="label")
            for k, earlier in enumerate(e.builds_on):
                if earlier not in seen:
                    raise DataError(path, f"{e.label} builds on {earlier!r}, which is not an exercise listed before it",
                                    line=yaml_line(raw, loc + ["builds_on", k]), field="builds_on")
            seen[e.label] = e
    return sets


# --------------------------------------------------------------------------- answer policy

class Rule(StrictModel):
    id: str = Id
    rule: str = Field(min_length=10)    # the rule in words, for the teacher


class CheckPolicy(StrictModel):
    id: str = Id
    name: str                           # the name the check's messages carry
    exercise: str                       # the exercise label (or the teacher page's label)
    function: str = Field(pattern=r"^[a-z_]+\.check_[a-z_]+$")   # module.function in barneskit.exercises
    arguments: list[str] = Field(min_length=1)
    accepts: list[Rule] = []
    refuses: list[Rule] = []


class AlternativeVerdict(StrictModel):
    claim: str
    verdict: str
    why: str = Field(min_length=10)


class KeptClaim(StrictModel):
    id: str = Id
    paragraph: str
    says: str = Field(min_length=10)    # what the letter claims, in our words
    any_of: list[str] = Field(min_length=1)   # word stems; the adaptation must keep at least one


class Vocabulary(StrictModel):
    not_stated: list[str] = Field(min_length=1)
    alternative_verdicts: list[AlternativeVerdict] = []
    adaptation_claims: list[KeptClaim] = []
    short_answers: list[str] = []       # worksheet questions that ask for a fact, not a sentence


class AnswerPolicy(StrictModel):
    general: list[Rule]
    vocabulary: Vocabulary
    checks: list[CheckPolicy] = Field(min_length=1)

    def check(self, check_id):
        return next(c for c in self.checks if c.id == check_id)

    def rule_ids(self):
        ids = {r.id for r in self.general}
        for c in self.checks:
            ids |= {r.id for r in c.accepts + c.refuses}
        return ids


def _normal(words):
    return " ".join(re.sub(r"[-_]", " ", str(words)).lower().split())


@functools.lru_cache(maxsize=4)
def load_answer_policy(path=POLICY_PATH):
    policy, raw = read_yaml_model(path, AnswerPolicy)
    seen = set()
    for i, c in enumerate(policy.checks):
        if c.id in seen:
            raise DataError(path, f"duplicate check id {c.id!r}", line=yaml_line(raw, ["checks", i, "id"]), field="id")
        seen.add(c.id)
        rules = [r.id for r in c.accepts + c.refuses]
        if len(set(rules)) != len(rules):
            raise DataError(path, f"check {c.id} names a rule twice", line=yaml_line(raw, ["checks", i]), field="accepts")
    return policy


def not_stated_phrases():
    """The phrases that mean "the text does not state it", normalised (lower case, single spaces)."""
    return [_normal(p) for p in load_answer_policy().vocabulary.not_stated]


def validate_exercise_data():
    """Both files, and their agreement: every check's exercise is an exercise of the sets (or a teacher page)."""
    sets = load_exercise_sets()
    policy = load_answer_policy()
    raw = POLICY_PATH.read_text(encoding="utf-8")
    labels = {e.label for e in sets.all()}
    for i, c in enumerate(policy.checks):
        if c.exercise not in labels and not c.exercise.startswith("teacher-"):
            raise DataError(POLICY_PATH, f"check {c.id}: no exercise {c.exercise!r} in {SETS_PATH.name}",
                            line=yaml_line(raw, ["checks", i, "exercise"]), field="exercise")
    from barneskit.corpus.claims import VERDICTS, load_claims
    claims = {c.id for c in load_claims()}
    for i, alt in enumerate(policy.vocabulary.alternative_verdicts):
        loc = ["vocabulary", "alternative_verdicts", i]
        if alt.claim not in claims:
            raise DataError(POLICY_PATH, f"no claim {alt.claim!r} in data/claims.csv", line=yaml_line(raw, loc + ["claim"]),
                            field="claim")
        if alt.verdict not in VERDICTS:
            raise DataError(POLICY_PATH, f"{alt.verdict!r} is not a verdict", line=yaml_line(raw, loc + ["verdict"]),
                            field="verdict")
