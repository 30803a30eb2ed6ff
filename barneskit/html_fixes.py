"""Sphinx extension: fixes to the HTML that the theme stack gets wrong and templates cannot reach.

Loaded through ``_config.yml`` (``sphinx: extra_extensions``). Each fix has a browser test in
``tests/browser/``; templates (``_templates/``) and CSS (``_static/module.css``) do the rest.

* **Thebe off means thebe not loaded.** jupyter-book always loads ``sphinx_thebe``; even with
  ``launch_buttons: thebe: false`` it puts its scripts, a CDN address and a config block on
  every page. When the launch buttons do not ask for thebe, its event handlers and stylesheet
  are removed, so no page carries any of it.
* **No script twice.** Sphinx 7.4 writes an inline script that an extension adds after the
  builder starts (sphinx-togglebutton, sphinx-thebe) twice: once as registered, once again when
  writing begins (``None`` and ``""`` file names compare unequal). A ``const`` declared twice
  stops the page's JavaScript (``Identifier 'THEBE_JS_URL' has already been declared``).
* **Bibliography roles.** docutils marks each citation ``role="doc-biblioentry"``, a role that
  DPUB-ARIA 1.1 deprecates and that is not allowed as the child of ``role="list"``; each entry
  becomes a ``listitem`` instead (axe: aria-required-children, aria-deprecated-role).
* **Hidden code cells are named by their words.** myst-nb labels the summary of a hidden cell
  "Toggle hidden content" while it shows "Show code cell source" (axe:
  label-content-name-mismatch); the summary is named by its visible text instead.
* **The front door.** ``index.html`` (a redirect to the first page) gets a title, a language, an
  empty icon (no request for /favicon.ico before the redirect) and a plain link, instead of
  sphinx-external-toc's bare one-line redirect.
* **A CSS edit reaches the site.** Sphinx copies ``_static/`` only when some page is rebuilt, so
  after a change to ``_static/module.css`` alone the built site (and the browser tests) kept the
  old file; the root page is marked outdated when one of our static files is newer than its copy.
* **Notebook download is a notebook.** For a MyST-Markdown notebook the theme's download menu
  offers only the ``.md`` text; a real ``.ipynb`` (converted with jupytext) is written next to it
  in ``_sources/`` and offered first.
"""
from __future__ import annotations

import html
import types
from pathlib import Path

from myst_nb.sphinx_ import HideCodeCellNode, depart_HideCellInput


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


def _visit_hidden_cell(self, node):
    """myst-nb's visit_HideCellInput without the aria-label that hid the summary's own words."""
    classes = " ".join(node["classes"])
    self.body.append(f'<details class="admonition hide {classes}">\n<summary>\n')
    self.body.append(f'<p class="collapsed admonition-title">{html.escape(node["prompt_show"])}</p>\n')
    self.body.append(f'<p class="expanded admonition-title">{html.escape(node["prompt_hide"])}</p>\n')
    self.body.append("</summary>\n")


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


def _front_door(app, exception):
    """Write index.html as a small, accessible redirect to the root page (before sphinx-external-toc)."""
    if exception is not None or app.builder.format != "html" or app.config.root_doc == "index":
        return
    page = REDIRECT_PAGE.format(lang=app.config.language or "en", first=f"{app.config.root_doc}.html",
                                title=html.escape(app.config.html_title or app.config.project, quote=False))
    (Path(app.outdir) / "index.html").write_text(page, encoding="utf-8")


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
    app.connect("env-get-outdated", _static_changed)
    app.connect("config-inited", _drop_thebe_when_off)
    app.add_node(HideCodeCellNode, override=True, html=(_visit_hidden_cell, depart_HideCellInput))
    # before sphinx-external-toc's bare redirect (build-finished, priority 500)
    app.connect("build-finished", _front_door, priority=400)
    # after pydata-sphinx-theme has composed its translator (builder-inited, priority 500)
    app.connect("builder-inited", _accessible_citations, priority=900)
    # before sphinx-book-theme builds the download menu (priority 501)
    app.connect("html-page-context", _notebook_download, priority=500)
    # last, after every extension has added its scripts for the page
    app.connect("html-page-context", _one_of_each_script, priority=950)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
