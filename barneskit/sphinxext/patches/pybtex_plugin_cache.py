"""Plugin look-ups scan the installed packages once, not once per citation.

sphinxcontrib-bibtex asks pybtex for a plugin (a style, a backend) once per citation it
resolves, and pybtex answers each time by scanning the entry points of every installed
distribution (about 150 here): a third of a rebuild after a prose edit in a chapter with 70
citations. Entry points do not change during a build, so each answer is remembered, and the
installed entry points are scanned once per process instead of once for each of the eight
plugins a build needs (pybtex's and sphinxcontrib-bibtex's own).

Upstream: no report found (pybtex's tracker is on Codeberg, not searchable here). The scan came
with pybtex's move from ``pkg_resources`` (which cached) to ``importlib.metadata`` in 0.25;
sphinxcontrib-bibtex's ``plugin.py`` (2.5+) does the same. Replaces module attributes of both.
"""
from __future__ import annotations

import functools
import importlib.metadata

from barneskit.sphinxext.patches import PARALLEL_SAFE, written_for

WRITTEN_FOR = {"pybtex": "==0.26.*", "sphinxcontrib-bibtex": "==2.7.*"}


@functools.lru_cache(maxsize=None)
def _installed_entry_points():
    return importlib.metadata.entry_points()  # one scan of every installed distribution


def _entry_points(**selection):
    return _installed_entry_points().select(**selection)


def remember_plugin_lookups():
    import pybtex.plugin
    import sphinxcontrib.bibtex.plugin

    lookup = pybtex.plugin._load_entry_point
    if not hasattr(lookup, "cache_info"):  # once per process, however often Sphinx loads us
        pybtex.plugin._load_entry_point = functools.lru_cache(maxsize=None)(lookup)
        pybtex.plugin.entry_points = _entry_points
        sphinxcontrib.bibtex.plugin.entry_points = _entry_points  # its own look-ups, the same way


def setup(app):
    if written_for(__name__, WRITTEN_FOR):
        remember_plugin_lookups()
    return PARALLEL_SAFE
