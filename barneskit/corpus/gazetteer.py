"""The hand-made list of people, groups and bodies in the Barnes affair (``data/gazetteer.yml``)."""
from __future__ import annotations

from pathlib import Path

from pydantic import Field, ValidationError

from barneskit.corpus import references, yamlio
from barneskit.corpus.schema import StrictModel
from barneskit.errors import DataError, pydantic_problems, read_utf8
from barneskit.paths import DATA_DIR

GAZETTEER_PATH = DATA_DIR / "gazetteer.yml"


class Entity(StrictModel):
    name: str
    kind: str = Field(pattern=r"^(person|group|organisation|state|institution)$")
    forms: list[str] = Field(default_factory=list)   # how the texts write it; empty: never written
    role: str
    sources: list[str] = Field(min_length=1)


def load_gazetteer(path=GAZETTEER_PATH):
    """Every entry of the gazetteer, in file order."""
    path = Path(path)
    try:
        rows = yamlio.load(read_utf8(path))
    except yamlio.YAMLError as exc:
        raise DataError(path, f"not valid YAML: {exc}") from None
    if not isinstance(rows, list):
        raise DataError(path, "expected a list of entries", line=1)
    entities = []
    for index, row in enumerate(rows):
        try:
            entities.append(Entity.model_validate(row))
        except ValidationError as exc:
            field, message = next(pydantic_problems(exc))
            raise DataError(path, message, field=f"{index}.{field}") from None
    return entities


def validate_gazetteer(path=GAZETTEER_PATH):
    """Checker for :mod:`barneskit.corpus.validate`: every entry valid, every source in references.bib."""
    known = references.bib_keys()
    for index, entity in enumerate(load_gazetteer(path)):
        references.check_keys(entity.sources, known, path, field=f"{index}.sources")
