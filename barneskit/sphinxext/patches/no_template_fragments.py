"""No theme template fragments in the built site.

pydata-sphinx-theme and sphinx-book-theme keep the Jinja macros their page templates include
(``webpack-macros.html``, ``sbt-webpack-macros.html``) in their ``static/`` folders, so Sphinx
copies them into ``_static/`` of every site: unrendered ``{{ pathto(...) }}`` markup that no page
links to and that is not HTML (13 Nu HTML Checker errors between them). They are removed from
the output once the build is done; the templates read them from the theme's own folder.

Upstream: pydata/pydata-sphinx-theme#1122 (closed in 2024 as resolved, yet 0.17.1 still copies
the file; sphinx-book-theme 1.3.0 does the same with its own), related to
pradyunsg/sphinx-theme-builder#18.
"""
from __future__ import annotations

from pathlib import Path

from barneskit.sphinxext.patches import PARALLEL_SAFE, written_for

WRITTEN_FOR = {"pydata-sphinx-theme": "==0.17.*", "sphinx-book-theme": "==1.3.*"}

#: The fragments, as copied into the output's _static/.
FRAGMENTS = ("webpack-macros.html", "sbt-webpack-macros.html")


def remove_fragments(outdir):
    """Delete the fragments from ``outdir``/_static; return the names removed."""
    removed = []
    for name in FRAGMENTS:
        path = Path(outdir) / "_static" / name
        if path.is_file():
            path.unlink()
            removed.append(name)
    return removed


def _on_finished(app, exception):
    if exception is None and app.builder.format == "html":
        remove_fragments(app.outdir)


def setup(app):
    if written_for(__name__, WRITTEN_FOR):
        app.connect("build-finished", _on_finished)
    return PARALLEL_SAFE
