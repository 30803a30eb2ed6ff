"""Everything the Barnes-letter module computes: texts, data, figures, exercise checks.

Chapters, exercises and tests import from here rather than pasting helpers into cells. The
folders are layers; each imports only the layers listed before it:

* ``errors``, ``paths``: one error type for bad input; where the repository's files are.
* ``corpus``: the texts, the data files, their schemas and the bibliography (no Sphinx, no matplotlib).
* ``analysis``: measuring texts (counts, patterns, stance markers, similarity).
* ``exercises``: one module of checks and keys per exercise set, and their shared feedback.
* ``outputs``: what is made from the corpus: timelines, tables, the book build, handouts, the
  student edition.
* ``sphinxext``: the Sphinx extensions, on top; ``sphinxext.patches`` holds each change to a
  third-party library's behaviour in a module of its own.
"""
__version__ = "0.1.0"  # the one version (pyproject.toml reads it; the wheel's file name carries it)

from barneskit.errors import DataError
from barneskit.paths import ROOT

__all__ = ["ROOT", "DataError", "__version__"]
