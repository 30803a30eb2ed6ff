"""Sphinx extension: run the notebook pages that need running side by side, before Sphinx reads them.

myst-nb (execution mode ``cache``) runs a page's notebook when Sphinx reads that page, one page
after another, so a clean build waited for ten kernels in a row while the machine's other core
sat idle. Just before reading starts, this extension looks at the pages to be read, starts a run
for each one that will miss jupyter-cache as soon as it knows (as many at once as the machine has
cores; the config value ``barneskit_parallel_notebooks`` overrides, and 1 leaves all runs to
myst-nb), and stores each result in the cache as myst-nb would. Reading then finds every page in
the cache.

Nothing about the outputs is decided here. A page's notebook is read as myst-nb reads it (with
:mod:`barneskit.sphinxext.datadeps`' digest added, as on ``source-read``), matched with jupyter-cache's own
hash and run by nbclient with myst-nb's settings (folder, timeout, ``allow_errors``). A notebook
that fails is not stored: myst-nb runs it again while reading and reports the error as always, so
the build's messages and its stop on a failing cell are unchanged. Were the notebook read here ever
different from the one read later, the page would miss the cache and myst-nb would run it itself.
"""
from __future__ import annotations

import asyncio
import os
import time
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from tempfile import TemporaryDirectory

from sphinx.util import logging

from barneskit.sphinxext import datadeps

logger = logging.getLogger(__name__)


@dataclass
class _Job:
    docname: str
    path: Path
    notebook: object  # nbformat.NotebookNode
    read_fmt: dict | None
    timeout: int | None
    allow_errors: bool
    in_temp: bool


def _page_config(nb_config, notebook):
    """myst-nb's settings for this page: the book's, overridden by the page's own ``mystnb`` metadata."""
    overrides = dict(notebook.metadata.get(nb_config.metadata_key, {}))
    overrides.pop("output_folder", None)
    try:
        return nb_config.copy(**overrides) if overrides else nb_config
    except Exception:  # myst-nb warns about bad metadata while reading; leave the page to it
        return None


def _excluded(path, nb_config):
    posix = PurePosixPath(path.as_posix())
    return any(posix.match(pattern) for pattern in nb_config.execution_excludepatterns or ())


def _job(app, env, docname, cache):
    """The page's notebook as myst-nb would run it, or None if the page needs no run."""
    from myst_nb.core.read import create_nb_reader

    path = Path(env.doc2path(docname))
    try:
        text = path.read_text(encoding=app.config.source_encoding)
    except (OSError, UnicodeDecodeError):
        return None  # Sphinx reports unreadable pages itself
    _, text = datadeps.page_source(path, text, root=Path(app.srcdir))
    reader = create_nb_reader(str(path), env.myst_config, env.mystnb_config, text)
    if reader is None:
        return None  # not a notebook page
    notebook = reader.read(text)
    nb_config = _page_config(env.mystnb_config, notebook)
    if nb_config is None or nb_config.execution_mode != "cache" or _excluded(path, nb_config):
        return None
    try:
        cache.match_cache_notebook(notebook)
        return None  # already stored
    except KeyError:
        pass
    execution = notebook.metadata.get("execution", {})  # jupyter-cache lets the notebook override these
    return _Job(docname, path, notebook, reader.read_fmt,
                execution.get("timeout", nb_config.execution_timeout),
                execution.get("allow_errors", nb_config.execution_allow_errors),
                nb_config.execution_in_temp)


async def _run(job, slots, cache):
    from nbclient import NotebookClient

    async with slots:
        logger.info("Executing notebook, side by side with others [barneskit]", location=job.docname)
        try:
            with TemporaryDirectory() if job.in_temp else nullcontext(str(job.path.parent)) as cwd:
                # record_timing off, as jupyter-cache runs it: timings in cell metadata would change the hash
                client = NotebookClient(job.notebook, timeout=job.timeout, allow_errors=job.allow_errors,
                                        record_timing=False,
                                        resources={"metadata": {"path": os.path.abspath(cwd)}})
                start = time.perf_counter()
                await client.async_execute()
        except Exception as exc:  # myst-nb runs the page again while reading and reports it
            logger.info("Not stored (%s): the page runs again when it is read [barneskit]",
                        type(exc).__name__, location=job.docname)
            return
        _store(cache, job, time.perf_counter() - start)


async def _find_and_run(app, env, docnames, cache, at_once):
    """Look at the pages one by one and start each run as soon as it is known to be needed, so
    the first kernels boot while the later pages are still being read and matched."""
    slots = asyncio.Semaphore(at_once)
    runs = []
    for docname in docnames:
        try:
            job = _job(app, env, docname, cache)
        except Exception:  # a page that cannot be read as a notebook: myst-nb reports it, with its place
            job = None
        if job is not None:
            runs.append(asyncio.create_task(_run(job, slots, cache)))
            await asyncio.sleep(0)  # let it launch its kernel now
    await asyncio.gather(*runs)


def _store(cache, job, seconds):
    from jupyter_cache.base import CacheBundleIn
    from jupyter_cache.cache.db import NbProjectRecord

    # the same records myst-nb writes after running a page itself
    if job.read_fmt is not None:
        record = cache.add_nb_to_project(str(job.path), read_data=job.read_fmt)
    else:
        record = cache.add_nb_to_project(str(job.path))
    NbProjectRecord.remove_tracebacks([record.pk], cache.db)
    cache.cache_notebook_bundle(CacheBundleIn(job.notebook, record.uri, data={"execution_seconds": seconds}),
                                check_validity=False, overwrite=True)
    logger.info("Executed notebook in %.2f seconds [barneskit]", seconds, location=job.docname)


def _run_before_reading(app, env, docnames):
    nb_config = env.mystnb_config
    at_once = app.config.barneskit_parallel_notebooks or len(os.sched_getaffinity(0))
    if nb_config.execution_mode != "cache" or not docnames or at_once < 2:
        return  # nothing to gain: myst-nb runs the pages one by one as they are read
    from jupyter_cache import get_cache

    cache = get_cache(nb_config.execution_cache_path or ".jupyter_cache")
    # Longest first (by the last stored run of the same page, when there is one), so no long page
    # starts last and runs alone.
    last = {record.uri: record.data.get("execution_seconds", 0) for record in cache.list_cache_records()}
    ordered = sorted(docnames, key=lambda name: -last.get(str(Path(env.doc2path(name))), 0))
    asyncio.run(_find_and_run(app, env, ordered, cache, at_once))


def setup(app):
    # The cache key of a page includes datadeps' digest: without datadeps, every prerun would miss.
    app.setup_extension("barneskit.sphinxext.datadeps")
    app.add_config_value("barneskit_parallel_notebooks", 0, "env", [int])  # 0: one per CPU core
    app.connect("env-before-read-docs", _run_before_reading)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
