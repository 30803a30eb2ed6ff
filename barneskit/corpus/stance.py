"""The stance markers (``data/stance-markers.yml``): one list of phrases per kind of stance, read by
the stance exercise and the assessment's table alike."""
from __future__ import annotations

from functools import lru_cache

from pydantic import Field

from barneskit.corpus.schema import StrictModel, read_yaml_model
from barneskit.paths import DATA_DIR

STANCE_PATH = DATA_DIR / "stance-markers.yml"


class MarkerList(StrictModel):
    label: str = Field(min_length=3)                   # how a table names the kind
    phrases: tuple[str, ...] = Field(min_length=1)


class StanceMarkers(StrictModel):
    attribution: MarkerList
    certainty: MarkerList


@lru_cache(maxsize=4)
def _load(path):
    return read_yaml_model(path, StanceMarkers)[0]


def stance_markers(path=STANCE_PATH):
    """The markers as ``{kind: MarkerList}``, kinds in file order (attribution, then certainty)."""
    markers = _load(path)
    return {kind: getattr(markers, kind) for kind in StanceMarkers.model_fields}


def validate_stance_markers(path=STANCE_PATH):
    """Checker for :mod:`barneskit.corpus.validate`."""
    read_yaml_model(path, StanceMarkers)
