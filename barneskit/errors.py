"""One error type for every bad input file, so the build and the tests report it the same way."""
import os
from pathlib import Path


class DataError(ValueError):
    """A data or text file is wrong. The message names the file, the line (when known) and the field."""

    def __init__(self, path, problem, line=None, field=None):
        self.path = Path(path)
        self.problem = problem
        self.line = line
        self.field = field
        super().__init__(self.message())

    def message(self, root=None):
        """The message, with the file relative to ``root`` when it lies inside it."""
        shown = self.path
        if root is not None:
            try:
                shown = Path(os.path.relpath(Path(self.path).resolve(), Path(root).resolve()))
            except ValueError:
                shown = self.path
            if shown.as_posix().startswith("../"):
                shown = self.path
        where = shown.as_posix()
        if self.line is not None:
            where += f", line {self.line}"
        if self.field is not None:
            where += f", field '{self.field}'"
        return f"{where}: {self.problem}"


def read_utf8(path):
    """The text of the file at ``path``; a byte that is not UTF-8 raises DataError with its line."""
    path = Path(path)
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise DataError(path, f"byte 0x{data[exc.start]:02x} at column {column} is not UTF-8 text; "
                              "save the file as UTF-8 (the data files are UTF-8)", line=line) from None


def pydantic_problems(error):
    """Turn a pydantic ValidationError into (field, message) pairs in plain words."""
    for item in error.errors():
        field = ".".join(str(part) for part in item["loc"]) or None
        yield field, item["msg"]
