"""Sphinx extension: take out a cost that grows with every citation on a page that is re-read.

sphinxcontrib-bibtex asks pybtex for a plugin (a style, a backend) once per citation it resolves,
and pybtex answers each time by scanning the entry points of every installed distribution. In
this environment (about 200 distributions) that was a third of the time of a rebuild after a
prose edit in a chapter with 70 citations. Entry points do not change during a build, so each
answer is remembered. Loaded through ``_config.yml``; it changes no output.
"""
from __future__ import annotations

import functools

import pybtex.plugin


def _remember_plugin_lookups():
    lookup = pybtex.plugin._load_entry_point
    if not hasattr(lookup, "cache_info"):  # once per process, however often Sphinx loads us
        pybtex.plugin._load_entry_point = functools.lru_cache(maxsize=None)(lookup)


def setup(app):
    _remember_plugin_lookups()
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
