"""One error type for every bad input file, so the build and the tests report it the same way."""
from pathlib import Path


class DataError(ValueError):
    """A data or text file is wrong. The message names the file, the line (when known) and the field."""

    def __init__(self, path, problem, line=None, field=None):
        self.path = Path(path)
        self.problem = problem
        self.line = line
        self.field = field
        where = str(self.path)
        if line is not None:
            where += f", line {line}"
        if field is not None:
            where += f", field '{field}'"
        super().__init__(f"{where}: {problem}")


def pydantic_problems(error):
    """Turn a pydantic ValidationError into (field, message) pairs in plain words."""
    for item in error.errors():
        field = ".".join(str(part) for part in item["loc"]) or None
        yield field, item["msg"]
