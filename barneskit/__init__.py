"""Everything the Barnes-letter module computes: texts, data, figures, exercise checks.

Chapters, exercises and tests import from here rather than pasting helpers into cells.
"""
from pathlib import Path

#: The repository root: texts/, data/ and references.bib are found from here,
#: so a notebook works whatever folder its kernel starts in.
ROOT = Path(__file__).resolve().parent.parent

from barneskit.errors import DataError  # noqa: E402  (needs ROOT defined first)

__all__ = ["ROOT", "DataError"]
