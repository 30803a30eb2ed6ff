"""Dated events: the one file every timeline and date exercise computes from.

``data/events.csv`` holds one event per row, with the columns in :data:`COLUMNS`. Each row is
checked against :class:`Event` (a pydantic model); its source keys are checked against
``references.bib``. A bad row raises :class:`barneskit.DataError` naming the file, the CSV line
(the header is line 1) and the field, so the build stops instead of a figure going quietly wrong.

Dates in the CSV are written as precisely as they are known: ``YYYY`` for precision ``year``,
``YYYY-MM`` for ``month`` and ``YYYY-MM-DD`` for ``day``, ``circa`` and ``range`` (a range also
needs an ``end``). In the model every date is a :class:`datetime.date`; a year or month is
stored as its first day, and :attr:`Event.precision` says how much of it is meaningful.
"""
from __future__ import annotations

import calendar
import datetime
import re
from pathlib import Path
from typing import Literal, Optional, get_args

from pydantic import Field, ValidationError, field_validator

from barneskit.corpus.csvrows import check_unique, read_rows, split_list
from barneskit.corpus.schema import StrictModel
from barneskit.paths import DATA_DIR
from barneskit.corpus import references
from barneskit.errors import DataError

EVENTS_PATH = DATA_DIR / "events.csv"

COLUMNS = ["id", "start", "end", "precision", "label", "category", "sources", "confidence", "note"]

#: Category id -> the name figures and tables show, in the order of the overview's lanes.
CATEGORIES = {
    "the-letter": "The letter and Barnes",
    "metro-vickers": "Metro-Vickers affair",
    "anglo-soviet": "Anglo-Soviet relations",
    "us-soviet": "US–Soviet relations",
    "soviet-domestic": "Soviet domestic",
    "press": "Foreign press",
    "editions": "Editions of the letter",
}
Precision = Literal["day", "month", "year", "circa", "range"]
Confidence = Literal["high", "medium", "low"]
Category = Literal[tuple(CATEGORIES)]  # the ids above, written once
PRECISIONS = get_args(Precision)
CONFIDENCES = get_args(Confidence)

#: How a date must be written in the CSV for each precision.
_DATE_FORMS = {
    "year": (re.compile(r"^\d{4}$"), "YYYY"),
    "month": (re.compile(r"^\d{4}-\d{2}$"), "YYYY-MM"),
    "day": (re.compile(r"^\d{4}-\d{2}-\d{2}$"), "YYYY-MM-DD"),
    "circa": (re.compile(r"^\d{4}-\d{2}-\d{2}$"), "YYYY-MM-DD"),
    "range": (re.compile(r"^\d{4}-\d{2}-\d{2}$"), "YYYY-MM-DD"),
}


class Event(StrictModel):
    """One dated event, with the works that state it."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    start: datetime.date
    end: Optional[datetime.date] = None
    precision: Precision
    label: str = Field(min_length=3, max_length=90)
    category: Category
    sources: list[str] = Field(min_length=1)
    confidence: Confidence
    note: str = ""

    @field_validator("end")
    @classmethod
    def _end_not_before_start(cls, end, info):
        start = info.data.get("start")
        if end is not None and start is not None and end < start:
            raise ValueError(f"the end ({end}) is before the start ({start})")
        return end

    @property
    def uncertain(self):
        """True when the day is not known exactly: circa, a range, or only a month or year."""
        return self.precision != "day"

    @property
    def last_day(self):
        """The latest day the event may cover (end of the range, month or year)."""
        if self.end is not None:
            return self.end
        if self.precision == "year":
            return datetime.date(self.start.year, 12, 31)
        if self.precision == "month":
            days = calendar.monthrange(self.start.year, self.start.month)[1]
            return datetime.date(self.start.year, self.start.month, days)
        return self.start

    @property
    def display_date(self):
        """The date in words, as precise as the data: '11–12 March 1933', 'c. 30 March 1933', '1951'."""
        s = self.start
        if self.precision == "year":
            return str(s.year)
        if self.precision == "month":
            return f"{s:%B} {s.year}"
        day = f"{s.day} {s:%B} {s.year}"
        if self.precision == "circa":
            return f"c. {day}"
        if self.end is None or self.end == s:
            return day
        e = self.end
        if (e.year, e.month) == (s.year, s.month):
            return f"{s.day}–{e.day} {s:%B} {s.year}"
        if e.year == s.year:
            return f"{s.day} {s:%B} – {e.day} {e:%B} {s.year}"
        return f"{day} – {e.day} {e:%B} {e.year}"


def _parse_date(text, precision, path, line, field):
    """A CSV date in the form its precision asks for, as the first day it can mean."""
    pattern, form = _DATE_FORMS.get(precision, (re.compile(r"^\d{4}-\d{2}-\d{2}$"), "YYYY-MM-DD"))
    if not pattern.match(text):
        raise DataError(path, f"bad date '{text}': precision '{precision}' needs {form}", line=line, field=field)
    parts = [int(p) for p in text.split("-")] + [1, 1]
    try:
        return datetime.date(parts[0], parts[1], parts[2])
    except ValueError as exc:
        raise DataError(path, f"bad date '{text}': {exc}", line=line, field=field) from None


def _row_to_event(row, path, line, known_keys):
    precision = row["precision"].strip()
    if precision not in PRECISIONS:
        raise DataError(path, f"unknown precision '{precision}'; use one of {', '.join(PRECISIONS)}",
                        line=line, field="precision")
    start = _parse_date(row["start"].strip(), precision, path, line, "start")
    end_text = row["end"].strip()
    end = _parse_date(end_text, "day", path, line, "end") if end_text else None
    if precision == "range" and end is None:
        raise DataError(path, "precision 'range' needs an end date", line=line, field="end")
    sources = split_list(row["sources"])
    if not sources:
        raise DataError(path, "no source: give at least one key from references.bib", line=line, field="sources")
    references.check_keys(sources, known_keys, path, line=line, field="sources")
    data = {name: row[name].strip() for name in ("id", "label", "category", "confidence", "note")}
    try:
        return Event(start=start, end=end, precision=precision, sources=sources, **data)
    except ValidationError as exc:
        item = exc.errors()[0]
        field = str(item["loc"][0]) if item["loc"] else None
        value = row.get(field, "") if field else ""
        message = item["msg"]
        if field == "category":
            message = f"unknown category '{value}'; use one of {', '.join(CATEGORIES)}"
        elif field == "confidence":
            message = f"unknown confidence '{value}'; use one of {', '.join(CONFIDENCES)}"
        elif message.startswith("Value error, "):
            message = message[len("Value error, "):]
        raise DataError(path, message, line=line, field=field) from None


def load_events(path=None, bib_path=None):
    """Read and check the events file (default :data:`EVENTS_PATH`); return the events in file order.

    Raises :class:`DataError` (file, line, field) for a wrong header, a bad date, an unknown
    category, precision or confidence, a missing or unknown source key, a duplicate id, or an
    end before its start.
    """
    path = Path(path if path is not None else EVENTS_PATH)
    known = references.bib_keys(bib_path) if bib_path else references.bib_keys()
    rows = [(line, _row_to_event(row, path, line, known)) for line, row in read_rows(path, COLUMNS)]
    check_unique(rows, path)
    return [event for _, event in rows]


def events_by_id(path=None):
    """The events keyed by id."""
    return {event.id: event for event in load_events(path)}


def validate_events():
    """Checker for :mod:`barneskit.corpus.validate`: the build stops on the first bad row."""
    load_events()
