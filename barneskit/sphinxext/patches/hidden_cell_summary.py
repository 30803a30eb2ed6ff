"""Hidden code cells are named by their words.

myst-nb labels the summary of a hidden cell "Toggle hidden content" (``aria-label``) while it
shows "Show code cell source", so a screen reader and a speech-input user name it differently
(axe-core: label-content-name-mismatch). The summary is named by its visible text instead.

myst-nb also puts its two labels ("Show ...", "Hide ...") in ``<p>`` elements inside
``<summary>``, which may hold phrasing content only (Nu HTML Checker: 'Element "p" not allowed
as child of element "summary"'). They are ``<span>`` elements here, with the same classes;
``_static/module.css`` gives them the display myst-nb's style sheet gives the ``<p>``.

Upstream: no report found for either; the label came with executablebooks/MyST-NB#446 and is
still there, and the text for a report on the ``<p>`` is in issue 18's note.
"""
from __future__ import annotations

import html

from myst_nb.sphinx_ import HideCodeCellNode, depart_HideCellInput

from barneskit.sphinxext.patches import PARALLEL_SAFE, written_for

WRITTEN_FOR = {"myst-nb": "==1.4.*"}


def visit_hidden_cell(self, node):
    """myst-nb's visit_HideCellInput without the aria-label that hid the summary's own words, and
    with its labels as phrasing content."""
    classes = " ".join(node["classes"])
    self.body.append(f'<details class="admonition hide {classes}">\n<summary>\n')
    self.body.append(f'<span class="collapsed admonition-title">{html.escape(node["prompt_show"])}</span>\n')
    self.body.append(f'<span class="expanded admonition-title">{html.escape(node["prompt_hide"])}</span>\n')
    self.body.append("</summary>\n")


def setup(app):
    if written_for(__name__, WRITTEN_FOR):
        app.add_node(HideCodeCellNode, override=True, html=(visit_hidden_cell, depart_HideCellInput))
    return PARALLEL_SAFE
