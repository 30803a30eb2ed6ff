"""References are formatted once, not at every build.

On every build, even one that reads no page, sphinxcontrib-bibtex formats every bibliography
entry, and twice: once for the list, once for the citation's tooltip (when no separate tooltip
style is set). That was a quarter of a no-change rebuild. Each formatted entry is remembered,
keyed by the style and the entry's full content, in the Sphinx environment (which Sphinx saves
between builds), so a rebuild formats only entries that are new or changed. Entries not
formatted in a build are dropped from the memory, so it does not grow with edits.

Upstream: no report found (related, on the tooltips: mcmtroffaes/sphinxcontrib-bibtex#198,
#286). Wraps pybtex's ``BaseStyle.format_entry`` for the whole class; changes no output.
"""
from __future__ import annotations

import functools

from barneskit.sphinxext.patches import PARALLEL_SAFE, written_for

WRITTEN_FOR = {"pybtex": "==0.26.*", "sphinxcontrib-bibtex": "==2.7.*"}

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


def format_each_entry_once():
    from pybtex.style.formatting import BaseStyle

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


def recall(app):
    _memory["previous"] = getattr(app.env, ENV_KEY, {})
    _memory["current"] = {}


def keep(app, env):
    setattr(env, ENV_KEY, _memory["current"])  # saved with the environment when Sphinx pickles it


def setup(app):
    if written_for(__name__, WRITTEN_FOR):
        format_each_entry_once()
        app.connect("builder-inited", recall)
        app.connect("env-updated", keep, priority=900)  # after sphinxcontrib-bibtex has formatted (500)
    return PARALLEL_SAFE
