"""Sphinx extension: check every input file before the build reads a page.

Loaded through ``_config.yml`` (``sphinx: extra_extensions``). At ``builder-inited`` it runs
:func:`barneskit.corpus.validate.validate_all`; a bad text, metadata, data or reference file
stops the build with the file, line and field in the message.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from sphinx.errors import SphinxError

from barneskit.errors import DataError
from barneskit.paths import NOT_SOURCES


class BadInputError(SphinxError):
    category = "Bad input file"


def _inputs_fingerprint(root):
    """A hash of what validation reads: it changes when any input file changes.

    Every file counts by name, size and mtime, except pages (.md, .ipynb outside data/ and
    texts/): checkers read data, texts, the bibliography and code, not prose, so a page counts
    by its name only (a checker may look for a page that a data file links to).
    """
    h = hashlib.sha256()
    root = os.path.abspath(root)
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in NOT_SOURCES)
        rel = os.path.relpath(folder, root)
        in_data = rel.split(os.sep)[0] in ("data", "texts")
        for name in sorted(files):
            path = os.path.join(folder, name)
            if not in_data and name.endswith((".md", ".ipynb")):
                h.update(f"{path}\n".encode())
                continue
            stat = os.stat(path)
            h.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return h.hexdigest()


def _check_inputs(app):
    # Validation imports every data module (pydantic) and reads every file: skip it when no
    # source file changed since it last passed (the stamp goes with _build, so `make clean`
    # or a failure means it runs again).
    stamp = Path(app.doctreedir) / "barneskit-inputs-valid"
    fingerprint = _inputs_fingerprint(app.srcdir)
    if stamp.exists() and stamp.read_text(encoding="utf-8") == fingerprint:
        return
    from barneskit.corpus.validate import validate_all

    try:
        validate_all()
    except DataError as exc:
        # the file relative to the book's folder: the message a teacher reads, with no traceback
        # (barneskit.outputs.build prints only this message)
        raise BadInputError(exc.message(root=app.srcdir)) from None
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(fingerprint, encoding="utf-8")


def setup(app):
    app.connect("builder-inited", _check_inputs)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
