"""Thebe off means thebe not loaded.

jupyter-book 1.x always loads ``sphinx_thebe`` (it is in its default extensions); even with
``launch_buttons: thebe: false`` sphinx-thebe puts its scripts, a CDN address and a config block
on every page. When the launch buttons do not ask for thebe, its event handlers and stylesheet
are removed, so no page carries any of it.

Upstream: jupyter-book/jupyter-book#1014 and #1603 (closed), #1625 "Conditionally load
sphinx-thebe" (closed, not merged); executablebooks/sphinx-thebe#41 made the bundle lazy but
the scripts stay. Reaches into ``app.events.listeners`` and ``app.registry.css_files``, which
are Sphinx internals: hence the guard on both.
"""
from __future__ import annotations

from barneskit.sphinxext.patches import PARALLEL_SAFE, written_for

WRITTEN_FOR = {"jupyter-book": "==1.0.*", "sphinx-thebe": "==0.3.*", "sphinx": "==7.4.*"}


def _drop_thebe_when_off(app, config):
    launch = (config.html_theme_options or {}).get("launch_buttons") or {}
    if launch.get("thebe"):
        return
    for listeners in app.events.listeners.values():
        for listener in list(listeners):
            if getattr(listener.handler, "__module__", "") == "sphinx_thebe":
                app.disconnect(listener.id)
    app.registry.css_files = [(name, attrs) for name, attrs in app.registry.css_files
                              if name != "sphinx-thebe.css"]


def setup(app):
    if written_for(__name__, WRITTEN_FOR):
        app.connect("config-inited", _drop_thebe_when_off)
    return PARALLEL_SAFE
