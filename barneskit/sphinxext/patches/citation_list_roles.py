"""Bibliography entries are list items.

docutils' HTML writer marks each citation ``role="doc-biblioentry"``, a role that DPUB-ARIA 1.1
deprecates (w3c/dpub-aria#22) and that is not allowed as the child of the ``role="list"`` around
the citations (axe-core: aria-required-children, aria-deprecated-role; dequelabs/axe-core#2759).
Each entry becomes a ``listitem`` instead, by a translator mixed in over the theme's.

Upstream: no docutils or Sphinx report found (docutils' tracker is not searchable here);
related: sphinx-doc/sphinx#10784 (the same citation-list code).
"""
from __future__ import annotations

import types

from barneskit.sphinxext.patches import PARALLEL_SAFE, written_for

WRITTEN_FOR = {"docutils": "==0.21.*", "sphinx": "==7.4.*"}


class _CitationListItems:
    """Translator mixin: a citation is a ``listitem`` of its ``role="list"`` wrapper."""

    def visit_citation(self, node):
        if not isinstance(node.previous_sibling(), type(node)):
            self.body.append('<div role="list" class="citation-list">\n')
        self.body.append(self.starttag(node, "div", classes=[node.tagname], role="listitem"))


def _accessible_citations(app):
    if app.builder.format != "html":
        return
    translators = dict(app.registry.translators) or {app.builder.name: app.builder.default_translator_class}
    for name, klass in translators.items():
        fixed = types.new_class("AccessibleCitationTranslator", (_CitationListItems, klass), {})
        app.set_translator(name, fixed, override=True)


def setup(app):
    if written_for(__name__, WRITTEN_FOR):
        # after pydata-sphinx-theme has composed its translator (builder-inited, priority 500)
        app.connect("builder-inited", _accessible_citations, priority=900)
    return PARALLEL_SAFE
