"""No script twice.

Sphinx 7.2 to 8.2.1 writes an inline script that an extension adds after the builder starts
(sphinx-togglebutton, sphinx-thebe) twice on each page: once as registered, once again when
writing begins (its ``None`` and ``""`` file names compare unequal). A ``const`` declared twice
stops the page's JavaScript (``Identifier 'THEBE_JS_URL' has already been declared``). Each
script is kept once, in its first place.

Upstream: sphinx-doc/sphinx#13402, fixed in Sphinx 8.2.2 (jupyter-book 1.x needs Sphinx 7).
"""
from __future__ import annotations

from barneskit.sphinxext.patches import PARALLEL_SAFE, written_for

WRITTEN_FOR = {"sphinx": "==7.4.*"}


def _script_key(script):
    filename = getattr(script, "filename", script) or ""
    attrs = getattr(script, "attributes", {})
    return (str(filename), getattr(script, "priority", 500), tuple(sorted(attrs.items())))


def _one_of_each_script(app, pagename, templatename, context, doctree):
    scripts = context.get("script_files")
    if not scripts:
        return
    seen, unique = set(), []
    for script in scripts:
        key = _script_key(script)
        if key not in seen:
            seen.add(key)
            unique.append(script)
    context["script_files"] = unique


def setup(app):
    if written_for(__name__, WRITTEN_FOR):
        # last, after every extension has added its scripts for the page
        app.connect("html-page-context", _one_of_each_script, priority=950)
    return PARALLEL_SAFE
