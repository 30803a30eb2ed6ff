"""Read a CSV data file into pydantic models, so every data module reports bad rows the same way.

A file must have exactly the expected header; each row becomes one model. Lists are written in
one cell, ``;``-separated. The first problem raises :class:`barneskit.DataError` naming the file,
the line (as a text editor counts it, header = line 1) and the field.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from pydantic import ValidationError

from barneskit.errors import DataError, read_utf8


def split_list(cell):
    """``"a; b;c"`` -> ``["a", "b", "c"]``; an empty cell gives an empty list."""
    return [part.strip() for part in (cell or "").split(";") if part.strip()]


def read_rows(path, columns):
    """Yield ``(line, {column: cell})`` for every row of the CSV file at ``path``, whose header must
    hold exactly ``columns`` (in any order). Cells are strings; a missing cell is ``""``."""
    path = Path(path)
    if not path.exists():
        raise DataError(path, "file is missing")
    expected = list(columns)
    with io.StringIO(read_utf8(path), newline="") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        missing = [name for name in expected if name not in header]
        extra = [name for name in header if name not in expected]
        if missing:
            raise DataError(path, f"the header lacks column(s) {', '.join(missing)}", line=1, field=missing[0])
        if extra:
            raise DataError(path, f"unknown column(s) {', '.join(extra)}; expected {', '.join(expected)}",
                            line=1, field=extra[0])
        count = 0
        for raw in reader:
            line = reader.line_num  # the line this row ends on (quoted cells may span lines)
            if None in raw:
                raise DataError(path, "this row has more cells than the header has columns", line=line)
            count += 1
            yield line, {key: (value if value is not None else "") for key, value in raw.items()}
    if not count:
        raise DataError(path, "the file has a header but no rows", line=1)


def read_models(path, model, list_fields=()):
    """Return ``[(line, model_instance), ...]`` for every row of the CSV file at ``path``."""
    rows = []
    for line, data in read_rows(path, model.model_fields):
        raw = dict(data)
        for name in list_fields:
            data[name] = split_list(data[name])
        try:
            rows.append((line, model.model_validate(data)))
        except ValidationError as exc:
            item = exc.errors()[0]
            field = str(item["loc"][0]) if item["loc"] else None
            value = raw.get(field, "") if field else ""
            raise DataError(path, f"{item['msg']} (value: {value!r})", line=line, field=field) from None
    return rows


def check_unique(rows, path, field="id"):
    seen = {}
    for line, row in rows:
        value = getattr(row, field)
        if value in seen:
            raise DataError(path, f"duplicate {field} '{value}' (first used on line {seen[value]})",
                            line=line, field=field)
        seen[value] = line
