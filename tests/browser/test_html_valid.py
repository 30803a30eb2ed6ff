"""Every built page is valid HTML: the Nu HTML Checker (vnu) finds no error on either site.

The checker is the npm package vnu-jar, pinned in package-lock.json next to axe-core and run
with Debian's Java; the set-up installs both where missing, as it does Chromium. Every ``.html``
file of the output is checked, pages and anything else (the themes' template fragments that
used to be copied into ``_static/`` are removed by the patch no_template_fragments).
"""
from __future__ import annotations

import sitecheck


def test_every_page_is_valid_html(any_server):
    name, server = any_server
    pages = sorted(p.relative_to(server.root).as_posix() for p in server.root.rglob("*.html"))
    assert pages, f"{name}: no pages built"
    errors = sitecheck.validate_html(server.root, pages)
    listing = "\n".join(f"{page}:{line}: {message}" for page, line, message in errors)
    assert not errors, f"{name}: the Nu HTML Checker found {len(errors)} error(s):\n{listing}"
