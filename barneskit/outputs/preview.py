"""Preview the book while you edit: serve it on 127.0.0.1 and rebuild it on every save.

``python -m barneskit.outputs.preview [--port 8000] [--root DIR]`` (``make preview``) builds the
book exactly as ``make book`` does (:func:`barneskit.outputs.build.build`: the same
``jupyter-book build . -W -n --keep-going``, the same kernel and input checks), serves
``_build/html`` with sphinx-autobuild's server, and rebuilds when a source file changes; the
open page reloads when the build is done. A build that fails prints its message and the server
goes on serving the last good pages.

Changes under the folders that are not book sources (``barneskit.paths.NOT_SOURCES``: above all
``_build/``, where jupyter-cache writes during every build, so watching it would rebuild for
ever) and editors' temporary files are ignored. sphinx-autobuild comes from
``requirements.txt``.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from barneskit.paths import NOT_SOURCES, ROOT

#: Besides NOT_SOURCES: tool caches that never feed the book.
IGNORED_DIRS = frozenset({".ruff_cache", ".mypy_cache", ".lock-venv", ".idea", ".vscode"})
#: Editors' swap, backup and lock files.
EDITOR_TEMP = re.compile(r"(\.sw[a-p]|~|\.tmp|\.bak)$|^\.#|^#.*#$|^\.~lock\.")


class Ignored:
    """True for a path whose change must not trigger a build."""

    def __init__(self, root):
        self.root = Path(root).resolve()

    def __call__(self, path, /):
        try:
            parts = Path(path).resolve().relative_to(self.root).parts
        except ValueError:
            return True
        if any(part in NOT_SOURCES or part in IGNORED_DIRS for part in parts[:-1]):
            return True
        return bool(parts) and (parts[-1] in NOT_SOURCES or parts[-1] in IGNORED_DIRS
                                or EDITOR_TEMP.search(parts[-1]) is not None)


class Rebuild:
    """The build sphinx-autobuild runs on a change (picklable: it runs in a worker process)."""

    def __init__(self, root, url):
        self.root = Path(root)
        self.url = url

    def __call__(self, *, changed_paths=()):
        from barneskit.outputs.build import build, report_failure

        if changed_paths:
            names = sorted({Path(p).resolve().relative_to(self.root.resolve()).as_posix() for p in changed_paths})
            print(f"\n[preview] changed: {', '.join(names[:5])}{' ...' if len(names) > 5 else ''}; rebuilding", flush=True)
        start = time.monotonic()
        code, output, warnings = build(echo=False, root=self.root)
        seconds = time.monotonic() - start
        if code == 0 and not warnings:
            print(f"[preview] built in {seconds:.1f} s; serving {self.url}", flush=True)
        else:
            report_failure(output, warnings, root=self.root)
            print(f"[preview] the build failed ({seconds:.1f} s); still serving the last good pages "
                  f"at {self.url}. Fix the file and save again.", flush=True)
        sys.stdout.flush()


def make_app(root, host, port):
    """The ASGI app: the built pages, with sphinx-autobuild's reload script and watcher."""
    from sphinx_autobuild.middleware import JavascriptInjectorMiddleware
    from sphinx_autobuild.server import RebuildServer
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.routing import Mount, WebSocketRoute
    from starlette.staticfiles import StaticFiles

    root = Path(root).resolve()
    html = root / "_build" / "html"
    html.mkdir(parents=True, exist_ok=True)
    url_host = f"{host}:{port}"
    rebuild = Rebuild(root, f"http://{url_host}/")
    watcher = RebuildServer([root], Ignored(root), change_callback=rebuild)
    app = Starlette(routes=[WebSocketRoute("/websocket-reload", watcher, name="reload"),
                            Mount("/", app=StaticFiles(directory=html, html=True), name="static")],
                    middleware=[Middleware(JavascriptInjectorMiddleware, ws_url=url_host)],
                    lifespan=watcher.lifespan)
    return app, rebuild


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m barneskit.outputs.preview", description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default 8000)")
    parser.add_argument("--root", default=str(ROOT), help="the book's folder (default: this repository)")
    args = parser.parse_args(argv)
    try:
        import uvicorn
    except ImportError:
        print("sphinx-autobuild is not installed here: run `make preview` (it sets up .venv from "
              "requirements.txt first).", file=sys.stderr)
        return 2
    host = "127.0.0.1"
    app, rebuild = make_app(args.root, host, args.port)
    print(f"[preview] first build of {args.root}", flush=True)
    rebuild()
    print(f"[preview] watching for changes; serving http://{host}:{args.port}/ (Ctrl+C stops)", flush=True)
    uvicorn.run(app, host=host, port=args.port, log_level="warning")
    return 0


if __name__ == "__main__":
    sys.exit(main())
