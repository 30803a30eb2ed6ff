"""A notebook page's download menu offers a notebook.

For a MyST-Markdown notebook, sphinx-book-theme writes and offers an ``.ipynb`` only when a
launch provider (Binder, JupyterHub, thebe, Colab, JupyterLite) is configured; this book has
none by default, so the menu offered only the ``.md`` text. A real ``.ipynb`` (converted with
jupytext, with stable cell ids) is written to ``_sources/`` and offered first.

Upstream: executablebooks/MyST-NB#124 (open); sphinx-book-theme#47 added the download, behind
the launch-button check in ``header_buttons/launch.py``.
"""
from __future__ import annotations

from pathlib import Path

from barneskit.sphinxext.patches import PARALLEL_SAFE, written_for

WRITTEN_FOR = {"sphinx-book-theme": "==1.3.*", "jupytext": "==1.19.*"}


def _notebook_download(app, pagename, templatename, context, doctree):
    """Write ``_sources/<page>.ipynb`` for a MyST notebook and let the theme offer it."""
    if doctree is None or "kernelspec" not in app.env.metadata.get(pagename, {}):
        return
    source = Path(app.env.doc2path(pagename))
    if source.suffix != ".md":
        return  # an .ipynb source is offered as it is
    import jupytext  # here, not at the top: a rebuild that writes no notebook page skips its import

    target = Path(app.outdir) / "_sources" / f"{pagename}.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    notebook = jupytext.read(source)
    for number, cell in enumerate(notebook.cells):
        cell.id = f"cell-{number}"  # stable ids: the same page gives the same download every build
    jupytext.write(notebook, target, fmt="ipynb")
    context["ipynb_source"] = f"{pagename}.ipynb"


def setup(app):
    if written_for(__name__, WRITTEN_FOR):
        # before sphinx-book-theme builds the download menu (priority 501)
        app.connect("html-page-context", _notebook_download, priority=500)
    return PARALLEL_SAFE
