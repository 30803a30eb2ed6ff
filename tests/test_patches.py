"""Each patch of a third-party library (barneskit/sphinxext/patches/) is still needed and still works.

For each patch, one test shows the third-party behaviour it mends is still there in the
installed versions: when that test fails, upstream has fixed it, and the patch can go. Another
shows that with the patch the behaviour is mended. Small Sphinx projects are built in a
subprocess (a patch changes a library for the whole process it runs in).
"""
from __future__ import annotations

import importlib
import subprocess
import sys
import textwrap
from pathlib import Path
from types import SimpleNamespace

import pytest

from barneskit.sphinxext import patches
from barneskit.sphinxext.patches import bibtex_format_memo, front_door, hidden_cell_summary, no_template_fragments

PATCH_MODULES = [importlib.import_module(f"barneskit.sphinxext.patches.{name}") for name in patches.PATCHES]


def sphinx_project(root, conf, pages, extra_files=None):
    """Write a small Sphinx project (conf.py, pages, other files) into ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "conf.py").write_text(textwrap.dedent(conf), encoding="utf-8")
    for name, text in {**pages, **(extra_files or {})}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def sphinx_build(root):
    """Build ``root`` with Sphinx's HTML builder in a new process; return the output folder."""
    out = root / "_build"
    proc = subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "html", str(root), str(out)],
                          capture_output=True, text=True, cwd=root,
                          env={"PYTHONPATH": f"{root}:{Path(patches.__file__).parents[3]}", "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stderr[-2000:]
    return out


# --- the guard -----------------------------------------------------------------------------------

@pytest.mark.parametrize("module", PATCH_MODULES, ids=patches.PATCHES)
def test_each_patch_names_its_versions_and_its_upstream(module):
    assert module.WRITTEN_FOR and all(isinstance(v, str) for v in module.WRITTEN_FOR.values())
    assert "Upstream:" in module.__doc__
    assert patches.off_versions(module.WRITTEN_FOR) == [], "the installed versions are the ones it was written for"


@pytest.mark.parametrize("module", PATCH_MODULES, ids=patches.PATCHES)
def test_on_another_version_a_patch_stays_off_and_says_so(module, monkeypatch, caplog):
    monkeypatch.setattr(patches, "version", lambda package: "999.0")
    calls = []
    app = SimpleNamespace(connect=lambda *a, **k: calls.append(a), add_node=lambda *a, **k: calls.append(a),
                          set_translator=lambda *a, **k: calls.append(a))
    with caplog.at_level("INFO"):
        module.setup(app)
    assert calls == []
    assert f"patch {module.__name__.rsplit('.', 1)[-1]} is off" in caplog.text and "999.0" in caplog.text


# --- thebe_off -----------------------------------------------------------------------------------

def test_jupyter_book_still_loads_thebe_whatever_the_config():
    from jupyter_book.config import get_default_sphinx_config
    assert "sphinx_thebe" in get_default_sphinx_config()["extensions"]


def test_no_built_page_carries_thebe(built_book):
    page = (built_book["html"] / "chapters" / "letter.html").read_text(encoding="utf-8")
    assert "thebe" not in page.lower()


# --- one_script_each and citation_list_roles, on one small project -------------------------------

TRIAL_EXT = '''
def _late_script(app):
    app.add_js_file(None, body="const TRIAL_SCRIPT = 1;")  # as sphinx-togglebutton does

def setup(app):
    app.connect("builder-inited", _late_script)
'''
PAGE = '''
Trial
=====

A claim [CIT2002]_.

.. [CIT2002] A cited work.
'''


@pytest.fixture(scope="module")
def small_builds(tmp_path_factory):
    """The same small project built without and with the two patches."""
    built = {}
    for name, extensions in (("plain", ["trial_ext"]),
                             ("patched", ["trial_ext", "barneskit.sphinxext.patches.one_script_each",
                                          "barneskit.sphinxext.patches.citation_list_roles"])):
        root = sphinx_project(tmp_path_factory.mktemp(name), f"extensions = {extensions!r}\n",
                              {"index.rst": PAGE}, {"trial_ext.py": TRIAL_EXT})
        built[name] = (sphinx_build(root) / "index.html").read_text(encoding="utf-8")
    return built


def test_sphinx_still_writes_a_late_inline_script_twice(small_builds):
    assert small_builds["plain"].count("const TRIAL_SCRIPT") == 2


def test_with_the_patch_each_script_is_written_once(small_builds):
    assert small_builds["patched"].count("const TRIAL_SCRIPT") == 1


def test_docutils_still_marks_citations_with_a_deprecated_role(small_builds):
    assert 'role="doc-biblioentry"' in small_builds["plain"]


def test_with_the_patch_citations_are_list_items(small_builds):
    assert 'role="doc-biblioentry"' not in small_builds["patched"]
    assert 'role="list"' in small_builds["patched"] and 'role="listitem"' in small_builds["patched"]


# --- hidden_cell_summary -------------------------------------------------------------------------

def _render(visit):
    translator = SimpleNamespace(body=[])
    visit(translator, {"classes": ["tag_hide-input"], "prompt_show": "Show code cell source",
                       "prompt_hide": "Hide code cell source"})
    return "".join(translator.body)


def test_myst_nb_still_names_a_hidden_cell_otherwise_than_it_shows():
    from myst_nb.sphinx_ import visit_HideCellInput
    assert 'aria-label="Toggle hidden content"' in _render(visit_HideCellInput)


def test_with_the_patch_a_hidden_cell_is_named_by_its_words():
    html = _render(hidden_cell_summary.visit_hidden_cell)
    assert "aria-label" not in html and "<summary>" in html and "Show code cell source" in html


def _summary(html):
    return html.split("<summary", 1)[1].split(">", 1)[1].split("</summary>", 1)[0]


def test_myst_nb_still_puts_paragraphs_in_a_summary():
    from myst_nb.sphinx_ import visit_HideCellInput
    assert "<p " in _summary(_render(visit_HideCellInput))


def test_with_the_patch_a_summary_holds_phrasing_content_only():
    summary = _summary(_render(hidden_cell_summary.visit_hidden_cell))
    assert "<p" not in summary and summary.count('<span class="') == 2
    assert '<span class="collapsed admonition-title">Show code cell source</span>' in summary


# --- exercise_content_ids ------------------------------------------------------------------------

EXERCISE_PAGE = """\
Trial
=====

.. exercise:: One
   :label: trial-one

   First.

.. exercise:: Two
   :label: trial-two

   Second.

.. solution:: trial-one
   :label: trial-one-solution

   Answer one.

.. solution:: trial-two
   :label: trial-two-solution

   Answer two.
"""


@pytest.fixture(scope="module")
def exercise_builds(tmp_path_factory):
    """A page with two exercises and two solutions, built with sphinx-exercise alone and with the patch."""
    pages = {}
    for name, extensions in {"plain": ["sphinx_exercise"],
                             "patched": ["sphinx_exercise", "barneskit.sphinxext.patches.exercise_content_ids"]}.items():
        root = sphinx_project(tmp_path_factory.mktemp(name), f"extensions = {extensions!r}\n", {"index.rst": EXERCISE_PAGE})
        pages[name] = (sphinx_build(root) / "index.html").read_text(encoding="utf-8")
    return pages


def test_sphinx_exercise_still_gives_every_body_the_same_id(exercise_builds):
    assert exercise_builds["plain"].count('id="exercise-content"') == 2
    assert exercise_builds["plain"].count('id="solution-content"') == 2


def test_with_the_patch_each_body_has_its_own_id(exercise_builds):
    page = exercise_builds["patched"]
    assert 'id="exercise-content"' not in page and 'id="solution-content"' not in page
    for label in ("trial-one", "trial-two", "trial-one-solution", "trial-two-solution"):
        assert page.count(f'id="{label}-content"') == 1
    assert page.count('class="exercise-content"') == 2 and page.count('class="solution-content"') == 2


# --- front_door ----------------------------------------------------------------------------------

def _stub_app(outdir):
    config = SimpleNamespace(master_doc="intro", root_doc="intro", source_suffix={".md": "myst-nb"},
                             language="en", html_title="A book", project="A book")
    return SimpleNamespace(outdir=str(outdir), builder=SimpleNamespace(format="html", name="html"), config=config)


def test_sphinx_external_toc_still_writes_a_bare_redirect(tmp_path):
    from sphinx_external_toc.events import ensure_index_file
    ensure_index_file(_stub_app(tmp_path), None)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "<title>" not in page and "intro.html" in page


def test_with_the_patch_the_front_door_has_a_title_and_a_language(tmp_path):
    from sphinx_external_toc.events import ensure_index_file
    app = _stub_app(tmp_path)
    front_door.write_front_door(app, None)
    ensure_index_file(app, None)  # runs after ours, and must leave it alone
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "<title>A book</title>" in page and '<html lang="en">' in page and 'href="intro.html"' in page


# --- static_refresh ------------------------------------------------------------------------------

@pytest.mark.parametrize("patched", [False, True], ids=["plain", "patched"])
def test_a_css_edit_alone_reaches_the_site_only_with_the_patch(tmp_path, patched):
    extensions = ["barneskit.sphinxext.patches.static_refresh"] if patched else []
    root = sphinx_project(tmp_path, f"extensions = {extensions!r}\nhtml_static_path = ['_static']\n",
                          {"index.rst": "Trial\n=====\n"}, {"_static/trial.css": "p { color: black; }\n"})
    out = sphinx_build(root)
    css = root / "_static" / "trial.css"
    css.write_text("p { color: navy; }\n", encoding="utf-8")
    sphinx_build(root)
    copied = (out / "_static" / "trial.css").read_text(encoding="utf-8")
    assert ("navy" in copied) is patched


# --- notebook_download ---------------------------------------------------------------------------

def test_the_theme_still_offers_no_notebook_without_launch_buttons():
    from sphinx_book_theme.header_buttons.launch import add_launch_buttons
    app = SimpleNamespace(env=SimpleNamespace(doc2path=lambda name: f"{name}.md"),
                          config={"html_theme_options": {"launch_buttons": {}}})
    context = {"sourcename": "exercises/trial.md", "header_buttons": []}
    add_launch_buttons(app, "exercises/trial", "page.html", context, None)
    assert "ipynb_source" not in context


def test_with_the_patch_an_exercise_page_offers_its_notebook(built_book):
    page = (built_book["html"] / "exercises" / "sourcing-and-counting.html").read_text(encoding="utf-8")
    assert "_sources/exercises/sourcing-and-counting.ipynb" in page
    assert (built_book["html"] / "_sources" / "exercises" / "sourcing-and-counting.ipynb").is_file()


# --- pybtex_plugin_cache -------------------------------------------------------------------------

COUNT_SCANS = '''
import importlib.metadata, pybtex.plugin
scans = []
real = importlib.metadata.entry_points
pybtex.plugin.entry_points = lambda **kw: scans.append(kw) or real(**kw)
importlib.metadata.entry_points = lambda **kw: scans.append(kw) or real(**kw)
{patch}
for _ in range({rounds}):
    pybtex.plugin.find_plugin("pybtex.style.formatting", "plain")
    pybtex.plugin.find_plugin("pybtex.backends", "html")
print(len(scans))
'''


def _scans(rounds, patched):
    """How often the installed packages' entry points are scanned for ``rounds`` pairs of look-ups."""
    patch = ("from barneskit.sphinxext.patches.pybtex_plugin_cache import remember_plugin_lookups\n"
             "remember_plugin_lookups()") if patched else ""
    code = COUNT_SCANS.format(patch=patch, rounds=rounds)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return int(proc.stdout.split()[-1])


def test_pybtex_still_scans_the_installed_packages_at_every_lookup():
    assert _scans(4, patched=False) >= _scans(1, patched=False) + 6


def test_with_the_patch_more_lookups_scan_no_more():
    assert _scans(4, patched=True) == _scans(1, patched=True)


# --- bibtex_format_memo --------------------------------------------------------------------------

COUNTER_EXT = '''
from pathlib import Path
from pybtex.style.formatting import BaseStyle

_real = BaseStyle.format_entry
calls = []

def _counted(self, label, entry, *args, **kwargs):
    calls.append(entry.key)
    return _real(self, label, entry, *args, **kwargs)

BaseStyle.format_entry = _counted

def _report(app, exception):
    Path(app.srcdir, "formatted.txt").write_text(str(len(calls)))

def setup(app):
    app.connect("build-finished", _report)
'''
BIB = '''
@book{lyons1937, author = {Lyons, Eugene}, title = {Assignment in Utopia}, publisher = {Harcourt}, year = {1937}}
@book{monkhouse1933, author = {Monkhouse, Allan}, title = {Moscow, 1911-1933}, publisher = {Gollancz}, year = {1933}}
'''
CITING = '''
Trial
=====

Two works :cite:p:`lyons1937,monkhouse1933`.

.. bibliography::
'''


@pytest.mark.parametrize("patched", [False, True], ids=["plain", "patched"])
def test_a_no_change_rebuild_formats_the_references_again_unless_patched(tmp_path, patched):
    extensions = ["counter_ext", "sphinxcontrib.bibtex"] + (["barneskit.sphinxext.patches.bibtex_format_memo"]
                                                            if patched else [])
    root = sphinx_project(tmp_path, f"extensions = {extensions!r}\nbibtex_bibfiles = ['refs.bib']\n",
                          {"index.rst": CITING}, {"counter_ext.py": COUNTER_EXT, "refs.bib": BIB})
    out = sphinx_build(root)
    first = (out / "index.html").read_text(encoding="utf-8")
    assert int((root / "formatted.txt").read_text()) >= 2
    sphinx_build(root)
    again = int((root / "formatted.txt").read_text())
    assert again == 0 if patched else again >= 2
    assert (out / "index.html").read_text(encoding="utf-8") == first


def new_build(env):
    """What happens between two builds: the environment is kept, this build's memory starts empty."""
    bibtex_format_memo.keep(None, env)
    bibtex_format_memo.recall(SimpleNamespace(env=env))


def test_an_unchanged_entry_is_recalled_and_a_changed_one_formatted_again():
    from pybtex.database import Entry, Person
    from pybtex.plugin import find_plugin

    bibtex_format_memo.format_each_entry_once()
    style = find_plugin("pybtex.style.formatting", "plain")()
    entry = Entry("book", fields={"title": "Moscow Carrousel", "year": "1935", "publisher": "Knopf"},
                  persons={"author": [Person("Lyons, Eugene")]})
    entry.key = "lyons1935"
    env = SimpleNamespace()
    bibtex_format_memo.recall(SimpleNamespace(env=env))
    first = style.format_entry("1", entry)

    new_build(env)
    assert style.format_entry("1", entry) is first  # remembered across builds

    entry.fields["year"] = "1936"
    new_build(env)
    changed = style.format_entry("1", entry)
    assert changed is not first and "1936" in changed.text.render_as("text")
    assert style.format_entry("2", entry) is not changed  # another label is another result

    new_build(env)
    assert len(getattr(env, bibtex_format_memo.ENV_KEY)) == 2  # entries not formatted in a build are dropped


# --- no_template_fragments -----------------------------------------------------------------------

def test_the_themes_still_ship_template_fragments_as_static_files():
    import pydata_sphinx_theme
    import sphinx_book_theme
    static = [Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static",
              Path(sphinx_book_theme.__file__).parent / "theme" / "sphinx_book_theme" / "static"]
    shipped = {p.name for folder in static for p in folder.glob("*.html")}
    assert shipped == set(no_template_fragments.FRAGMENTS)


def test_with_the_patch_the_built_site_has_no_template_fragment(built_book):
    assert not [p.name for p in (built_book["html"] / "_static").glob("*.html")]
    assert (built_book["html"] / "_static" / "module.css").is_file()
