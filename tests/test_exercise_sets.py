"""The exercise data: every exercise has a level, minutes and prerequisites shown at its head, three
hints from the idea to the nearly finished line, and a check in the answer policy; bad rows in
data/exercise-sets.yml or data/answer-policy.yml stop with a DataError naming file, line and field."""
import re

import pytest
from bs4 import BeautifulSoup

from barneskit import DataError
from barneskit.corpus.exercise_sets import (LEVELS, POLICY_PATH, SETS_PATH, load_answer_policy,
                                            load_exercise_sets, validate_exercise_data)
from barneskit.outputs import student

PAGES = student.exercise_sets()


def exercise_labels(page):
    """The section label of each exercise on a page: the ``(label)=`` line before each exercise directive."""
    source = page.read_text(encoding="utf-8")
    return re.findall(r"^\((ex-[a-z0-9-]+)\)=\n## [^\n]+\n\n:::\{exercise\}", source, flags=re.MULTILINE)


def test_every_exercise_is_in_the_data_in_page_order():
    sets = load_exercise_sets()
    assert [s.page for s in sets.sets] == [f"exercises/{p.stem}" for p in PAGES]
    for s, page in zip(sets.sets, PAGES):
        assert [e.label for e in s.exercises] == exercise_labels(page), page.name
        assert len(s.exercises) == page.read_text(encoding="utf-8").count(":::{exercise}")


def test_the_first_set_is_for_beginners():
    sets = load_exercise_sets()
    first = sets.sets[0]
    assert all(e.level == "novice" for e in first.exercises)
    assert first.exercises[0].builds_on == []
    assert {e.level for e in sets.all()} == set(LEVELS)


def test_every_exercise_shows_its_facts_and_three_hints():
    for page in PAGES:
        source = page.read_text(encoding="utf-8")
        for label in exercise_labels(page):
            section = source.split(f"({label})=", 1)[1].split("```{code-cell}", 1)[0]
            assert f"```{{exercise-facts}} {label}\n```" in section, f"{page.name}: {label} shows no facts"
            steps = re.findall(r":::\{admonition\} Hint (\d): ([a-z ]+)\n:class: dropdown", section)
            assert steps == [("1", "the idea"), ("2", "the method"), ("3", "nearly there")], (page.name, label, steps)


def test_every_exercise_has_a_check_in_the_policy():
    policy = load_answer_policy()
    labels = {e.label for e in load_exercise_sets().all()}
    assert labels <= {c.exercise for c in policy.checks}
    validate_exercise_data()


def test_the_book_shows_level_minutes_and_policy(built_book):
    html = built_book["html"]
    for s in load_exercise_sets().sets:
        soup = BeautifulSoup((html / f"{s.page}.html").read_text(encoding="utf-8"), "html.parser")
        facts = [" ".join(p.get_text(" ").split()) for p in soup.select("p.exercise-facts")]
        assert len(facts) == len(s.exercises), s.page
        for ex, words in zip(s.exercises, facts):
            assert f"Level: {ex.level}" in words and f"about {ex.minutes} minutes" in words, words
    page = BeautifulSoup((html / "teacher" / "answer-policy.html").read_text(encoding="utf-8"), "html.parser")
    # Sphinx sets our prose with typographic quotes and dashes.
    typography = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "--",
                                "\u2014": "---", "\u2026": "..."})
    words = " ".join(page.get_text(" ").split()).translate(typography)
    for check in load_answer_policy().checks:
        for rule in check.accepts + check.refuses:
            assert " ".join(rule.rule.split())[:40] in words, rule.id
    assert len(page.select("table.exercise-overview")) == len(load_exercise_sets().sets)


@pytest.mark.parametrize("old, new, field", [
    ("level: novice, minutes: 5, builds_on: []", "level: beginner, minutes: 5, builds_on: []", "level"),
    ("builds_on: [ex-python-len]", "builds_on: [ex-no-such-exercise]", "builds_on"),
    ("label: ex-python-cell,", "label: ex-python-nowhere,", "label"),
    ("minutes: 5, builds_on: []", "minutes: 500, builds_on: []", "minutes"),
])
def test_a_bad_exercise_sets_file_names_file_line_and_field(tmp_path, old, new, field):
    raw = SETS_PATH.read_text(encoding="utf-8")
    assert old in raw
    bad = tmp_path / "exercise-sets.yml"
    bad.write_text(raw.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_exercise_sets(bad)
    assert caught.value.field and field in caught.value.field and caught.value.line, str(caught.value)
    assert str(bad) in str(caught.value)


def test_a_bad_policy_file_names_file_line_and_field(tmp_path):
    raw = POLICY_PATH.read_text(encoding="utf-8")
    bad = tmp_path / "answer-policy.yml"
    bad.write_text(raw.replace("function: sourcing_and_counting.check_sourcing_card",
                               "function: sourcing card checker", 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_answer_policy(bad)
    assert caught.value.field == "checks.3.function" or "function" in caught.value.field, str(caught.value)
    assert caught.value.line
