"""Sphinx extension: take out two costs of sphinxcontrib-bibtex that every rebuild paid.

* It asks pybtex for a plugin (a style, a backend) once per citation it resolves, and pybtex
  answers each time by scanning the entry points of every installed distribution (about 150
  here): a third of a rebuild after a prose edit in a chapter with 70 citations. Entry points
  do not change during a build, so each answer is remembered, and the installed entry points
  are scanned once per build instead of once for each of the eight plugins a build needs
  (pybtex's and sphinxcontrib-bibtex's own).
* On every build, even one that reads no page, it formats every bibliography entry, and twice:
  once for the list, once for the citation's tooltip (when no separate tooltip style is set).
  That was a quarter of a no-change rebuild. Each formatted entry is now remembered, keyed by
  the style and the entry's full content, in the Sphinx environment (which Sphinx saves between
  builds), so a rebuild formats only entries that are new or changed. Entries not formatted in a
  build are dropped from the memory, so it does not grow with edits.

Loaded through ``_config.yml``; it changes no output.
"""
from __future__ import annotations

import functools
import importlib.metadata

import pybtex.plugin
import sphinxcontrib.bibtex.plugin
from pybtex.style.formatting import BaseStyle


@functools.lru_cache(maxsize=None)
def _installed_entry_points():
    return importlib.metadata.entry_points()  # one scan of every installed distribution


def _entry_points(**selection):
    return _installed_entry_points().select(**selection)


def _remember_plugin_lookups():
    lookup = pybtex.plugin._load_entry_point
    if not hasattr(lookup, "cache_info"):  # once per process, however often Sphinx loads us
        pybtex.plugin._load_entry_point = functools.lru_cache(maxsize=None)(lookup)
        pybtex.plugin.entry_points = _entry_points
        sphinxcontrib.bibtex.plugin.entry_points = _entry_points  # its own look-ups, the same way


#: Where the formatted entries are kept between builds (an attribute of the pickled environment).
ENV_KEY = "barneskit_formatted_entries"
#: {key: FormattedEntry}: "previous" is the last build's, "current" this build's (hits and misses).
_memory = {"previous": {}, "current": {}}


def _entry_key(style, label, entry):
    """Everything the formatted text depends on: the style's parts, the label, the entry's content."""
    persons = tuple((role, tuple(str(person) for person in people)) for role, people in entry.persons.items())
    return (type(style).__module__, type(style).__qualname__, type(style.label_style).__qualname__,
            type(style.name_style).__qualname__, style.abbreviate_names, label, entry.key, entry.type,
            tuple(entry.fields.items()), persons)


def _format_each_entry_once():
    format_entry = BaseStyle.format_entry
    if getattr(format_entry, "remembers_results", False):
        return

    @functools.wraps(format_entry)
    def format_entry_remembered(self, label, entry, *args, **kwargs):
        if args or kwargs or "crossref" in entry.fields:  # a cross-referenced entry depends on another
            return format_entry(self, label, entry, *args, **kwargs)
        key = _entry_key(self, label, entry)
        result = _memory["current"].get(key) or _memory["previous"].get(key)
        if result is None:
            result = format_entry(self, label, entry)
        _memory["current"][key] = result
        return result

    format_entry_remembered.remembers_results = True
    BaseStyle.format_entry = format_entry_remembered


def _recall(app):
    _memory["previous"] = getattr(app.env, ENV_KEY, {})
    _memory["current"] = {}


def _keep(app, env):
    setattr(env, ENV_KEY, _memory["current"])  # saved with the environment when Sphinx pickles it


def setup(app):
    _remember_plugin_lookups()
    _format_each_entry_once()
    app.connect("builder-inited", _recall)
    app.connect("env-updated", _keep, priority=900)  # after sphinxcontrib-bibtex has formatted (500)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
