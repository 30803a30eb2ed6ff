"""What every data schema shares: a strict pydantic base, and YAML files read into models with
errors that name the file, the line and the field (CSV files: barneskit.corpus.csvrows)."""
from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from barneskit.corpus import yamlio
from barneskit.errors import DataError, pydantic_problems, read_utf8


class StrictModel(BaseModel):
    # Unknown keys are typos more often than additions: refuse them. Loaded data is not changed.
    model_config = ConfigDict(extra="forbid", frozen=True)


def yaml_line(text, loc):
    """Line (1-based) of the YAML node at ``loc`` (keys and list indexes), or of its nearest parent."""
    node = yamlio.compose(text)
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = [(k, v) for k, v in node.value if k.value == str(part)]
            if not match:
                break
            key, node = match[0]
            line = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line


def read_yaml_model(path, model):
    """Parse the YAML file at ``path`` and validate it with ``model``; return (instance, raw text).

    A problem raises DataError naming the file, the line and the field.
    """
    path = Path(path)
    raw = read_utf8(path)
    data = yamlio.parse(path, raw)
    if not isinstance(data, dict):
        raise DataError(path, "expected a mapping of fields at the top level", line=1)
    try:
        return model.model_validate(data), raw
    except ValidationError as exc:
        item = exc.errors()[0]
        field, message = next(pydantic_problems(exc))
        if item["type"] == "missing":
            message = "required field is missing"
        loc = item["loc"][:-1] if item["type"] == "missing" else item["loc"]
        raise DataError(path, message, line=yaml_line(raw, loc), field=field) from None
