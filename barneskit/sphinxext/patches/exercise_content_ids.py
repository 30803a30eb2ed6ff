"""One id per exercise body and per solution body.

sphinx-exercise wraps the body of every exercise in ``<section id="exercise-content">`` and of
every solution in ``<section id="solution-content">``, so a page with two exercises carries each
id twice: invalid HTML (Nu HTML Checker: "Duplicate ID") and ambiguous for anything that follows
an id (``#`` links, ARIA references). Before writing, each such section takes the id of its
exercise or solution with ``-content`` added (``ex-dates-layers-ex-content``), and keeps the old
name as a class for style sheets.

Upstream: no report found (the ids are set in sphinx_exercise/directive.py and transforms.py,
with a "TODO: should id be classes?" there); the text for a report is in issue 18's note.
"""
from __future__ import annotations

from docutils import nodes

from barneskit.sphinxext.patches import PARALLEL_SAFE, written_for

WRITTEN_FOR = {"sphinx-exercise": "==1.2.*"}

#: The ids sphinx-exercise gives to every body section.
SHARED_IDS = ("exercise-content", "solution-content")


def unique_body_ids(doctree):
    """Rename every shared body id in ``doctree`` after its exercise or solution; return how many."""
    used = set(doctree.ids) if hasattr(doctree, "ids") else set()
    for node in doctree.findall(nodes.section):
        used.update(node["ids"])
    renamed = 0
    for section in list(doctree.findall(nodes.section)):
        shared = [i for i in section["ids"] if i in SHARED_IDS]
        if not shared:
            continue
        owner = section.parent
        while owner is not None and not owner.get("ids"):
            owner = owner.parent
        base = f"{owner['ids'][0]}-content" if owner is not None else shared[0]
        new, n = base, 1
        while new in used:
            n += 1
            new = f"{base}-{n}"
        used.add(new)
        section["ids"] = [new if i in SHARED_IDS else i for i in section["ids"]]
        section["classes"] = [*section["classes"], *shared]
        renamed += 1
    return renamed


def _on_resolved(app, doctree, docname):
    unique_body_ids(doctree)


def setup(app):
    if written_for(__name__, WRITTEN_FOR):
        app.connect("doctree-resolved", _on_resolved)
    return PARALLEL_SAFE
