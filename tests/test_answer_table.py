"""The answer table (tests/data/answers.yml), row by row: each answer gets the verdict a good teacher
would give, with a message that says what the row asks, and no message is false about the answer,
shows Python's own error text or has broken English.
"""
import importlib
import re

import pytest

from answer_table import VERDICTS, evaluate, load_policy_checks, load_table

ROWS = load_table()
CHECKS = load_policy_checks()

#: Python's own words, which must never reach a student.
MACHINERY = re.compile(r"Traceback|\b[A-Z]\w*Error\b|unhashable|argument must be|object is not|NoneType|"
                       r"<class |object has no attribute|not subscriptable|not iterable")
#: Broken English: doubled punctuation, "(s)" plurals, doubled spaces.
BROKEN = re.compile(r"[?!;:,]\s?[.;,]|(?<![.\w])\.\.(?!\.)|[^.]\.\.(?![.\w])|\(s\)|\w  \w|\?\.|\.\?")


def check_function(row):
    spec = CHECKS[row["ex"]]
    module, name = spec["function"].split(".")
    return spec, getattr(importlib.import_module(f"barneskit.exercises.{module}"), name)


def run_row(row):
    spec, check = check_function(row)
    value = evaluate(row["answer"])
    args = value if len(spec["arguments"]) > 1 else (value,)
    assert len(args) == len(spec["arguments"]), f"the row gives {len(args)} answers for {spec['arguments']}"
    return spec, check(*args)


def row_id(row):
    return f"{row['ex']}: {row['answer'][:60]}"


def test_every_row_names_a_known_check_and_verdict():
    for row in ROWS:
        assert row["ex"] in CHECKS, row
        assert row["verdict"] in VERDICTS, row


def test_every_check_has_every_kind_of_row():
    for ex in CHECKS:
        verdicts = {r["verdict"] for r in ROWS if r["ex"] == ex}
        assert verdicts == set(VERDICTS), f"{ex}: the table has only {sorted(verdicts)} rows"
        assert sum(r["ex"] == ex for r in ROWS) >= 8, f"{ex}: fewer than 8 rows"


def test_every_rule_a_row_names_is_in_the_policy():
    from barneskit.corpus.exercise_sets import load_answer_policy
    known = load_answer_policy().rule_ids()
    unknown = sorted({r["rule"] for r in ROWS if "rule" in r} - known)
    assert not unknown, f"rows name rules the policy does not have: {unknown}"


def test_every_rule_of_the_policy_has_a_row():
    from barneskit.corpus.exercise_sets import load_answer_policy
    named = {r.get("rule") for r in ROWS}
    untested = sorted(load_answer_policy().rule_ids() - named)
    assert not untested, f"rules with no row in the answer table: {untested}"


def test_the_table_is_large_enough():
    assert len(ROWS) >= 200


@pytest.mark.parametrize("row", ROWS, ids=row_id)
def test_answer(row, capsys):
    spec, result = run_row(row)
    words = f"{result.message}\nHint: {result.hint}"
    capsys.readouterr()
    assert result.status == VERDICTS[row["verdict"]], f"wanted {row['verdict']}, got {result.status}: {words}"
    assert result.exercise == spec["name"], f"reported under {result.exercise!r}, not {spec['name']!r}"
    low = words.lower()
    for must in row.get("says", []):
        assert str(must).lower() in low, f"the message should say {must!r}: {words}"
    for never in row.get("never", []):
        assert str(never).lower() not in low, f"the message should not say {never!r}: {words}"
    if row["ex"] != "error-reading":   # that exercise is about Python's error messages
        assert not MACHINERY.search(words), f"Python's own error text reaches the student: {words}"
    prose = re.sub(r"`[^`]*`", "`code`", words)   # code in backticks is not English
    assert not BROKEN.search(prose), f"broken English ({BROKEN.search(prose).group(0)!r}): {words}"
    if result.status != "right":
        assert result.hint, f"a {row['verdict']} answer gets no hint: {words}"
