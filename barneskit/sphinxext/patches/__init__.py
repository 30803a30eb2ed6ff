"""Changes to third-party libraries' behaviour, one module each, loaded together by ``_config.yml``.

Every module says what it fixes, the upstream issue or pull request, and the versions it was
written for (``WRITTEN_FOR``). Its ``setup`` asks :func:`written_for` first: on any other version
the change stays off and the build says so, so an upgrade never breaks a patch silently. Each
module can also be loaded alone as a Sphinx extension (the tests do). ``tests/test_patches.py``
shows for each that the third-party behaviour is still there (the test fails when upstream fixes
it: then delete the patch) and that the patch still mends it.
"""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from packaging.specifiers import SpecifierSet
from sphinx.util import logging

logger = logging.getLogger(__name__)

#: The patch modules, in the order they are set up.
PATCHES = ("thebe_off", "one_script_each", "citation_list_roles", "hidden_cell_summary", "front_door",
           "static_refresh", "notebook_download", "pybtex_plugin_cache", "bibtex_format_memo",
           "exercise_content_ids", "no_template_fragments")

#: What a patch returns to Sphinx: it keeps no state that parallel reading or writing could split.
PARALLEL_SAFE = {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}


def off_versions(written_for):
    """``[(package, wanted, installed)]`` for each package of ``written_for`` whose installed version
    is outside the versions the patch was written for (installed None: not installed)."""
    off = []
    for package, wanted in written_for.items():
        try:
            installed = version(package)
        except PackageNotFoundError:
            installed = None
        if installed is None or installed not in SpecifierSet(wanted):
            off.append((package, wanted, installed))
    return off


def written_for(patch, written_for):
    """True when every package is at a version the patch was written for; otherwise say why the
    patch stays off (as an info line: the build goes on without it) and return False."""
    off = off_versions(written_for)
    for package, wanted, installed in off:
        logger.info(f"barneskit: patch {patch.rsplit('.', 1)[-1]} is off: written for {package} {wanted}, "
                    f"installed {installed or 'nothing'}. See {patch.replace('.', '/')}.py: "
                    "is it still needed, and does it still work?")
    return not off


def setup(app):
    for name in PATCHES:
        app.setup_extension(f"{__name__}.{name}")
    return PARALLEL_SAFE
