"""``make preview`` serves the book on 127.0.0.1 and rebuilds it on a save, as ``make book`` builds it.

A one-page book in a temporary folder is previewed on a free port; an edit to its page must be
served within a minute, and a write under ``_build/`` (where jupyter-cache writes during every
build) must not start a build. sphinx-autobuild is pinned in requirements.txt.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from barneskit.outputs import preview
from barneskit.outputs.build import build_command
from barneskit.paths import ROOT

BOOK = {
    "_config.yml": "title: Preview trial\nonly_build_toc_files: true\nexecute:\n  execute_notebooks: off\n",
    "_toc.yml": "format: jb-book\nroot: intro\n",
    "intro.md": "# Preview trial\n\nFirst words.\n",
}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, text, proc, seconds):
    """The page at ``url`` once it holds ``text``; fails after ``seconds`` or if the server stops."""
    deadline, body = time.monotonic() + seconds, ""
    while time.monotonic() < deadline:
        assert proc.poll() is None, "the preview stopped"
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = response.read().decode("utf-8")
            if text in body:
                return body
        except OSError:
            pass
        time.sleep(0.3)
    pytest.fail(f"{url} did not show {text!r} within {seconds} s")


def test_the_preview_watches_the_sources_and_not_the_build_output(tmp_path):
    ignored = preview.Ignored(tmp_path)
    for path in ["_build/.jupyter_cache/global.db", "_build/html/intro.html", ".venv/x.md", "chapters/__pycache__/a.pyc",
                 "chapters/.letter.md.swp", "chapters/letter.md~", "node_modules/a.js"]:
        assert ignored(tmp_path / path), path
    for path in ["chapters/letter.md", "data/events.csv", "barneskit/outputs/timelines.py", "_toc.yml"]:
        assert not ignored(tmp_path / path), path


def test_the_preview_builds_with_the_book_s_own_command():
    assert build_command()[1:] == ["build", str(ROOT), "-W", "-n", "--keep-going"]
    assert "build(echo=False, root=self.root)" in Path(preview.__file__).read_text(encoding="utf-8")


def test_an_edit_is_served_after_the_rebuild(tmp_path):
    book = tmp_path / "book"
    book.mkdir()
    for name, text in BOOK.items():
        (book / name).write_text(text, encoding="utf-8")
    port = free_port()
    log = (tmp_path / "preview.log").open("w+", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.Popen([sys.executable, "-m", "barneskit.outputs.preview", "--port", str(port), "--root", str(book)],
                            cwd=book, env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}/intro.html"
    try:
        page = wait_for(url, "First words", proc, 120)
        assert "websocket-reload" in page, "the page has no reload script"
        (book / "_build" / "html" / "stray.txt").write_text("written by a build\n", encoding="utf-8")
        time.sleep(1)
        (book / "intro.md").write_text(BOOK["intro.md"].replace("First", "Second"), encoding="utf-8")
        wait_for(url, "Second words", proc, 90)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.seek(0)
        output = log.read()
        log.close()
    changes = [line for line in output.splitlines() if line.startswith("[preview] changed:")]
    assert changes and all("_build" not in line for line in changes), output
    assert "[preview] built in" in output, output
