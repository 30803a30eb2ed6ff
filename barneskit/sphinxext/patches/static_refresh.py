"""A CSS edit reaches the site.

Sphinx before 8.2 copies ``_static/`` only when some page is rebuilt, so after a change to
``_static/module.css`` alone the built site (and the browser tests) kept the old file. The root
page is marked outdated when one of the book's own static files is newer than its copy.

Upstream: sphinx-doc/sphinx#1810, fixed by #13236 in Sphinx 8.2.0 (jupyter-book 1.x needs Sphinx 7).
"""
from __future__ import annotations

from pathlib import Path

from barneskit.sphinxext.patches import PARALLEL_SAFE, written_for

WRITTEN_FOR = {"sphinx": "==7.4.*"}


def _static_changed(app, env, added, changed, removed):
    if app.builder.format != "html":
        return []
    built = Path(app.outdir) / "_static"
    for folder in app.config.html_static_path:
        source = Path(app.confdir) / folder
        if Path(folder).is_absolute() or not source.is_dir():
            continue  # extensions' own folders; they change only with a package update
        for path in source.rglob("*"):
            copy = built / path.relative_to(source)
            if path.is_file() and not path.name.endswith("_t") and (
                    not copy.exists() or copy.stat().st_mtime < path.stat().st_mtime):
                return [app.config.root_doc]
    return []


def setup(app):
    if written_for(__name__, WRITTEN_FOR):
        app.connect("env-get-outdated", _static_changed)
    return PARALLEL_SAFE
