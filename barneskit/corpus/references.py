"""The bibliography: which citation keys exist, so data files can be checked against it."""
from __future__ import annotations

import datetime
import functools
import re
from pathlib import Path

from pybtex.database import parse_file
from pybtex.scanner import PybtexError

from barneskit.paths import BIB_PATH
from barneskit.errors import DataError



def bib_keys(path=BIB_PATH):
    """The set of entry keys in a BibTeX file; a file pybtex cannot read raises DataError.

    Every data checker asks for these, so a file is parsed once per version (path, mtime, size),
    not once per checker: that was five parses per build and per notebook run.
    """
    path = Path(path)
    try:
        stat = path.stat()
    except OSError:
        return set(_parse_keys(str(path), None, None))  # let pybtex report the missing file
    return set(_parse_keys(str(path), stat.st_mtime_ns, stat.st_size))


@functools.lru_cache(maxsize=8)
def _parse_keys(path, mtime_ns, size):
    try:
        return frozenset(parse_file(path, bib_format="bibtex").entries.keys())
    except PybtexError as exc:
        raise DataError(path, f"cannot be read as BibTeX: {exc}", line=_error_line(path, exc)) from None


def _error_line(path, exc):
    """The line a pybtex error is about: its own, or for a repeated key the second entry's."""
    line = getattr(exc, "lineno", None)
    if line:
        return line
    match = re.search(r"repeated bibliography entry: (\S+)", str(exc))
    if match is None:
        return None
    starts = [n for n, text in enumerate(Path(path).read_text(encoding="utf-8", errors="replace").splitlines(), 1)
              if re.match(rf"\s*@\w+\s*{{\s*{re.escape(match.group(1))}\s*,", text, re.IGNORECASE)]
    return starts[1] if len(starts) > 1 else None


def check_keys(keys, known, path, line=None, field=None):
    """Raise DataError for the first key in ``keys`` that is not in the bibliography."""
    for key in keys:
        if key not in known:
            raise DataError(path, f"source key '{key}' is not in references.bib", line=line, field=field)


def short_citation(key, _cache={}):
    """'Morrell 1995' for the key 'morrell1995': the first author's (or editor's) surname and the year."""
    if not _cache:
        for k, entry in parse_file(str(BIB_PATH), bib_format="bibtex").entries.items():
            people = entry.persons.get("author") or entry.persons.get("editor") or []
            if people:
                name = " ".join(people[0].last_names) or str(people[0])
                name = name.strip("{}")
            else:
                name = entry.fields.get("howpublished", k)
            dated = re.search(r"(\d{4})(\d{2})(\d{2})[a-z]?$", k)  # newspapers and debates: key ends in a date
            if dated:
                when = datetime.date(*map(int, dated.groups()))
                _cache[k] = f"{name}, {when.day} {when:%b} {when.year}"
            else:
                _cache[k] = f"{name} {entry.fields.get('year', 'n.d.')}".strip()
    return _cache.get(key, key)
