"""Publish the student edition as a static site: ``make publish REMOTE=<remote>`` (after ``make student``).

``python -m barneskit.outputs.publish --remote REMOTE [--branch gh-pages]`` puts the student site
(``_build/student-html``) at the root of a fresh commit, adds beside each exercise page its student
notebook (``exercises/<set>.ipynb``, which the launch buttons and nbgitpuller links open) and the
wheel, a ``binder/requirements.txt`` that installs that wheel (so a BinderHub or a hub built with
repo2docker can run the branch as it is), the class archive and ``.nojekyll``, and force-pushes the
commit to ``REMOTE``'s branch (``gh-pages`` by default), as ghp-import does. ``REMOTE`` is a git URL,
a path to a repository, or the name of a remote of this clone.

It refuses a site that is not the student edition (the teacher edition's line on a page, or a
``teacher/`` folder): the teacher edition is for teachers and is never published by this command.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from barneskit.paths import ROOT
from barneskit.outputs.student import (ARCHIVE, NOTEBOOKS_DIR, PUBLISH_BRANCH, STUDENT_HTML, TEACHER_DIR,
                                       WHEEL_NAME)

TEACHER_LINE = "Teacher edition:"


class PublishError(RuntimeError):
    """The site could not be published; the message says why and what to do."""


def _git(*args, cwd, check=True):
    proc = subprocess.run(["git", *args], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if check and proc.returncode:
        raise PublishError(f"git {' '.join(args)} failed:\n{proc.stdout.strip()}")
    return proc.stdout.strip()


def check_student_site(html):
    """Raise PublishError unless ``html`` is a built student edition."""
    html = Path(html)
    if not (html / "index.html").exists():
        raise PublishError(f"{html}/index.html does not exist: run `make student` first")
    if (html / TEACHER_DIR).exists():
        raise PublishError(f"{html} has a {TEACHER_DIR}/ folder: it is the teacher edition, which is for "
                           "teachers; only the student edition is published (make student)")
    for page in html.rglob("*.html"):
        if TEACHER_LINE in page.read_text(encoding="utf-8", errors="replace"):
            raise PublishError(f"{page} is a page of the teacher edition: only the student edition is "
                               "published (make student)")


def site_tree(dest, html=STUDENT_HTML, notebooks=NOTEBOOKS_DIR, archive=ARCHIVE):
    """Write the folder that is published: the student site plus notebooks, wheel, binder/, archive."""
    check_student_site(html)
    dest, notebooks = Path(dest), Path(notebooks)
    wheel = notebooks / WHEEL_NAME
    if not wheel.exists() or not list(notebooks.glob("*.ipynb")):
        raise PublishError(f"the student notebooks or {WHEEL_NAME} are missing from {notebooks}: run `make student`")
    shutil.copytree(html, dest, ignore=shutil.ignore_patterns(".buildinfo"))
    for nb in notebooks.glob("*.ipynb"):
        shutil.copyfile(nb, dest / "exercises" / nb.name)
    shutil.copyfile(wheel, dest / "exercises" / WHEEL_NAME)
    (dest / "binder").mkdir()
    (dest / "binder" / "requirements.txt").write_text(
        "# repo2docker / BinderHub: the module, from the wheel published beside the notebooks.\n"
        f"./exercises/{WHEEL_NAME}\n", encoding="utf-8")
    if Path(archive).exists():
        shutil.copyfile(archive, dest / Path(archive).name)
    (dest / ".nojekyll").write_text("", encoding="utf-8")  # GitHub Pages: serve _static/ and _sources/ as they are
    return dest


def resolve_remote(remote, root=ROOT):
    """A remote's URL: ``remote`` itself, or the URL of this clone's remote of that name."""
    if remote and "/" not in remote and ":" not in remote and not Path(remote).exists():
        url = _git("remote", "get-url", remote, cwd=root, check=False)
        if not url or "error" in url.lower() or "fatal" in url.lower():
            raise PublishError(f"this clone has no git remote named {remote!r}: give a URL or path, "
                               "e.g. make publish REMOTE=git@github.com:you/barnes-module.git")
        return url
    if not remote:
        raise PublishError("say where to publish: make publish REMOTE=<git URL, path or remote name>")
    return remote


def publish(remote, branch=PUBLISH_BRANCH, html=STUDENT_HTML, notebooks=NOTEBOOKS_DIR, archive=ARCHIVE,
            message="Publish the student edition"):
    """Force-push the student site to ``remote``'s ``branch``; return the commit id."""
    url = resolve_remote(remote)
    name = _git("config", "user.name", cwd=ROOT, check=False) or "barneskit publish"
    email = _git("config", "user.email", cwd=ROOT, check=False) or "publish@localhost"
    with tempfile.TemporaryDirectory(prefix="barnes-publish-") as tmp:
        tree = site_tree(Path(tmp) / "site", html, notebooks, archive)
        _git("init", "--quiet", cwd=tree)
        _git("checkout", "--quiet", "-b", branch, cwd=tree)
        _git("add", "--all", cwd=tree)
        _git("-c", f"user.name={name}", "-c", f"user.email={email}", "commit", "--quiet", "-m", message, cwd=tree)
        _git("push", "--quiet", "--force", url, f"HEAD:refs/heads/{branch}", cwd=tree)
        return _git("rev-parse", "HEAD", cwd=tree)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--remote", default="", help="git URL, path, or the name of a remote of this clone")
    parser.add_argument("--branch", default=PUBLISH_BRANCH, help=f"branch to write (default {PUBLISH_BRANCH})")
    args = parser.parse_args(argv)
    try:
        commit = publish(args.remote, args.branch)
    except PublishError as exc:
        print(f"make publish: {exc}", file=sys.stderr)
        return 1
    print(f"published the student edition to {args.remote} ({args.branch}, commit {commit[:10]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
