"""The stance markers (``data/stance-markers.yml``): one list of phrases per kind of stance, read by
the stance exercise and the assessment's table alike."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

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
    #: Phrases by which a writer disclaims knowledge ("I do not know"): neither an attribution nor
    #: a certainty. The assessment's table shows them; the exercise's two kinds leave them out.
    disclaimer: Optional[MarkerList] = None


#: The two kinds the stance exercise counts (its answer has one rate for each).
EXERCISE_KINDS = ("attribution", "certainty")


@lru_cache(maxsize=4)
def _load(path):
    return read_yaml_model(path, StanceMarkers)[0]


def stance_markers(path=STANCE_PATH, with_disclaimers=False):
    """The markers as ``{kind: MarkerList}``, kinds in file order (attribution, then certainty).

    ``with_disclaimers=True`` adds the disclaimers (when the file has them), for a table that
    shows every listed phrase; the exercise's kinds are only :data:`EXERCISE_KINDS`."""
    markers = _load(path)
    kinds = [kind for kind in StanceMarkers.model_fields if with_disclaimers or kind in EXERCISE_KINDS]
    return {kind: getattr(markers, kind) for kind in kinds if getattr(markers, kind) is not None}


def validate_stance_markers(path=STANCE_PATH):
    """Checker for :mod:`barneskit.corpus.validate`."""
    read_yaml_model(path, StanceMarkers)
