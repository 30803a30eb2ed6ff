"""The front door: an ``index.html`` with a title, a language and a link.

sphinx-external-toc writes ``index.html`` (a redirect to the root page) as one bare ``<meta>``
line: no title, no language, and a request for /favicon.ico before the redirect. This writes it
first, as a small accessible page, and sphinx-external-toc then leaves an existing file alone.

Upstream: no report found (related, a different bug: executablebooks/sphinx-external-toc#93).
"""
from __future__ import annotations

import html
from pathlib import Path

from barneskit.sphinxext.patches import PARALLEL_SAFE, written_for

WRITTEN_FOR = {"sphinx-external-toc": "==1.1.*"}

REDIRECT_PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Refresh" content="0; url={first}">
<title>{title}</title>
<link rel="icon" href="data:,">
</head>
<body>
<main><p><a href="{first}">{title}: start reading</a></p></main>
</body>
</html>
"""


def write_front_door(app, exception):
    """Write index.html as a small, accessible redirect to the root page."""
    if exception is not None or app.builder.format != "html" or app.config.root_doc == "index":
        return
    page = REDIRECT_PAGE.format(lang=app.config.language or "en", first=f"{app.config.root_doc}.html",
                                title=html.escape(app.config.html_title or app.config.project, quote=False))
    (Path(app.outdir) / "index.html").write_text(page, encoding="utf-8")


def setup(app):
    if written_for(__name__, WRITTEN_FOR):
        # before sphinx-external-toc's bare redirect (build-finished, priority 500)
        app.connect("build-finished", write_front_door, priority=400)
    return PARALLEL_SAFE
