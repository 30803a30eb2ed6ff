"""The events file follows its schema, cites only works in the bibliography, and every kind of bad row
is refused with the file, the CSV line and the field named."""
import csv
import datetime
import shutil

import pytest

from barneskit import DataError
from barneskit.corpus.events import CATEGORIES, COLUMNS, EVENTS_PATH, events_by_id, load_events
from barneskit.corpus.references import bib_keys
from barneskit.corpus.validate import CHECKERS, validate_all

FIXED_IDS = ["mv-arrests", "barnes-reply", "roosevelt-inauguration", "mv-trial-opens", "mv-verdicts",
             "uk-embargo-proclaimed", "mv-release", "us-recognition", "edition-sochineniya-13",
             "edition-works-13", "mia-transcription", "moscow-trial-1936", "moscow-trial-1937",
             "moscow-trial-1938"]


def test_events_load_and_are_enough():
    events = load_events()
    in_period = [e for e in events if 1917 <= e.start.year <= 1941]
    assert len(in_period) >= 80
    by_year = {}
    for event in in_period:
        by_year[event.start.year] = by_year.get(event.start.year, 0) + 1
    assert max(by_year, key=by_year.get) == 1933, by_year


def test_fixed_ids_that_other_pages_rely_on_exist():
    ids = events_by_id()
    missing = [i for i in FIXED_IDS if i not in ids]
    assert not missing, missing


def test_every_source_key_is_in_the_bibliography():
    known = bib_keys()
    unknown = {(e.id, key) for e in load_events() for key in e.sources if key not in known}
    assert not unknown, unknown


def test_the_letter_falls_between_arrests_and_trial():
    ids = events_by_id()
    assert ids["mv-arrests"].last_day < ids["barnes-reply"].start < ids["mv-trial-opens"].start
    assert ids["barnes-reply"].start == datetime.date(1933, 3, 20)


def test_disagreements_are_recorded_as_ranges_with_a_note():
    ids = events_by_id()
    arrests, verdicts = ids["mv-arrests"], ids["mv-verdicts"]
    assert arrests.precision == "range" and (arrests.start.day, arrests.end.day) == (11, 12)
    assert "11 March" in arrests.note and "12 March" in arrests.note
    assert verdicts.precision == "range" and "12-19 April" in verdicts.note


def test_editions_come_after_the_moscow_trials():
    ids = events_by_id()
    last_trial = max(ids[f"moscow-trial-{y}"].last_day for y in (1936, 1937, 1938))
    assert ids["edition-sochineniya-13"].start > last_trial
    assert ids["edition-sochineniya-13"].start < ids["edition-works-13"].start < ids["mia-transcription"].start


def test_every_category_is_used_and_uncertain_rows_explain_themselves():
    events = load_events()
    assert {e.category for e in events} == set(CATEGORIES)
    unexplained = [e.id for e in events if (e.confidence == "low" or e.precision == "circa") and not e.note]
    assert not unexplained, f"say in 'note' why these dates are uncertain: {unexplained}"


def test_the_checker_is_registered_for_the_build():
    from barneskit.corpus.events import validate_events
    assert validate_events in CHECKERS
    validate_all()


# ---- broken copies: each bad row stops loading with file, line and field ----------------------

@pytest.fixture
def events_copy(tmp_path):
    dest = tmp_path / "events.csv"
    shutil.copy(EVENTS_PATH, dest)
    return dest


def _rows(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _write(path, rows):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _break(path, event_id, **changes):
    """Change one row of the copy; return the CSV line number of that row (header = line 1)."""
    rows = _rows(path)
    index = next(i for i, row in enumerate(rows) if row["id"] == event_id)
    rows[index].update(changes)
    _write(path, rows)
    return index + 2


def _error(path):
    with pytest.raises(DataError) as caught:
        load_events(path)
    return caught.value


@pytest.mark.parametrize("event_id, changes, field, words", [
    ("barnes-reply", {"start": "1933-02-30"}, "start", "bad date"),
    ("barnes-reply", {"start": "20 March 1933"}, "start", "bad date"),
    ("edition-works-13", {"start": "1954-05"}, "start", "needs YYYY"),
    ("mv-arrests", {"end": "1933-03-32"}, "end", "bad date"),
    ("barnes-reply", {"category": "letters"}, "category", "unknown category 'letters'"),
    ("barnes-reply", {"precision": "roughly"}, "precision", "unknown precision 'roughly'"),
    ("barnes-reply", {"confidence": "certain"}, "confidence", "unknown confidence 'certain'"),
    ("barnes-reply", {"sources": ""}, "sources", "no source"),
    ("barnes-reply", {"sources": "stalin_works13;nosuch1999"}, "sources", "'nosuch1999' is not in references.bib"),
    ("mv-verdicts", {"end": "1933-04-10"}, "end", "before the start"),
    ("mv-verdicts", {"end": ""}, "end", "needs an end"),
    ("barnes-reply", {"id": "Barnes Reply"}, "id", "pattern"),
    ("barnes-reply", {"label": ""}, "label", "at least 3"),
])
def test_bad_row_names_file_line_and_field(events_copy, event_id, changes, field, words):
    line = _break(events_copy, event_id, **changes)
    error = _error(events_copy)
    message = str(error)
    assert error.path == events_copy and error.line == line and error.field == field
    assert f"events.csv, line {line}, field '{field}'" in message
    assert words in message, message


def test_duplicate_id_names_both_lines(events_copy):
    rows = _rows(events_copy)
    first = next(i for i, row in enumerate(rows) if row["id"] == "barnes-reply")
    rows[-1]["id"] = "barnes-reply"
    _write(events_copy, rows)
    error = _error(events_copy)
    assert error.line == len(rows) + 1 and error.field == "id"
    assert f"first used on line {first + 2}" in str(error)


def test_wrong_header_is_refused(events_copy):
    text = events_copy.read_text(encoding="utf-8").replace("confidence", "certainty", 1)
    events_copy.write_text(text, encoding="utf-8")
    error = _error(events_copy)
    assert error.line == 1 and "header" in str(error)


def test_a_bad_row_stops_the_build_checks(events_copy, monkeypatch):
    """The build runs validate_all before reading a page: point it at a broken copy."""
    import barneskit.corpus.events as events_module
    line = _break(events_copy, "mv-release", category="nonsense")
    monkeypatch.setattr(events_module, "EVENTS_PATH", events_copy)
    with pytest.raises(DataError, match=f"line {line}, field 'category'"):
        validate_all()
