"""The module runs wherever it is installed: from the wheel alone, and as repo2docker would set up a hub.

* A fresh virtual environment with only the archive's wheel (plus ipykernel, and nbclient to run
  the notebooks, as JupyterLab would): every student notebook from the unpacked archive runs top
  to bottom in the standard ``python3`` kernel, in a folder outside the repository, and every check
  says "Not yet" with a hint. Before the wheel is installed, the set-up cell says what to do.
* repo2docker's steps replayed in another fresh environment: ``pip install -r binder/requirements.txt``
  from the repository's root, then ``binder/postBuild``; the same notebooks run there.
* Launch buttons: off in the default build; in a copy with a hub named in ``_config.yml`` the
  student edition links each exercise page to its student notebook on the published branch.
* ``make publish``: the student edition lands on gh-pages of a local bare repository.

Each environment is made once per session; pip installs the versions requirements.txt pins.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
import yaml
from bs4 import BeautifulSoup

from barneskit.paths import ROOT, copy_sources
from barneskit.outputs import publish, student

#: requirements.txt's versions without hashes (pip refuses hashes in a constraints file).
PINS = ROOT / "binder" / "constraints.txt"

#: Runs notebooks with nbclient inside the fresh environment, in each notebook's folder, with the
#: kernel the notebook names; a last cell reports which Python and which barneskit ran.
RUNNER = r'''
import json, sys
from pathlib import Path
import nbformat
from nbclient import NotebookClient

results = {}
only_first = sys.argv[1] == "--setup-only"
for p in sys.argv[2:]:
    nb = nbformat.read(p, as_version=4)
    if only_first:
        nb.cells = [next(c for c in nb.cells if c.cell_type == "code")]
    else:
        nb.cells.append(nbformat.v4.new_code_cell(
            "import sys, barneskit, barneskit.paths\n"
            "print('PROBE', sys.executable, barneskit.__file__, barneskit.paths.INSTALLED)"))
    NotebookClient(nb, timeout=180, allow_errors=True, resources={"metadata": {"path": str(Path(p).parent)}}).execute()
    results[Path(p).stem] = {"kernel": nb.metadata.kernelspec.name, "cells": [
        {"tags": c.metadata.get("tags", []), "source": c.source,
         "outputs": [o.get("text", "") or "".join(o.get("data", {}).get("text/plain", "")) or
                     f"{o.get('ename')}: {o.get('evalue')}" for o in c.get("outputs", [])],
         "errors": [o.get("ename") for o in c.get("outputs", []) if o.get("output_type") == "error"]}
        for c in nb.cells if c.cell_type == "code"]}
print(json.dumps(results))
'''


def clean_env(tmp):
    """No PYTHONPATH, no user kernels: only what the environment itself holds."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "JUPYTER_PATH", "VIRTUAL_ENV")}
    env["JUPYTER_DATA_DIR"] = str(tmp / "jupyter-data")
    env["JUPYTER_CONFIG_DIR"] = str(tmp / "jupyter-config")
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    return env


def make_venv(folder):
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    return folder / "bin" / "python"


def pip(python, *args, cwd=None, env=None):
    proc = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                           *args], cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert proc.returncode == 0, proc.stdout[-3000:]


def run_notebooks(python, notebooks, tmp, setup_only=False):
    runner = tmp / "run_notebooks.py"
    runner.write_text(RUNNER, encoding="utf-8")
    proc = subprocess.run([str(python), str(runner), "--setup-only" if setup_only else "--all",
                           *map(str, notebooks)], cwd=tmp, env=clean_env(tmp),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="session")
def unpacked(student_edition, tmp_path_factory):
    """The class archive unpacked into an empty folder outside the repository."""
    folder = tmp_path_factory.mktemp("usb-stick")
    with zipfile.ZipFile(student_edition["archive"]) as zf:
        zf.extractall(folder)
    return folder / student.ARCHIVE_FOLDER


def assert_every_check_says_not_yet(results, venv):
    assert sorted(results) == sorted(p.stem for p in student.exercise_sets())
    for name, nb in results.items():
        assert nb["kernel"] == "python3", name
        bad = [(c["source"][:60], c["outputs"]) for c in nb["cells"] if c["errors"]]
        assert not bad, f"{name}: {bad}"
        assert nb["cells"][0]["outputs"][0].startswith("Ready: the module is installed"), nb["cells"][0]
        checks = [c for c in nb["cells"] if "check" in c["tags"]]
        assert checks, name
        for cell in checks:
            text = "\n".join(cell["outputs"])
            assert text.startswith("Not yet:") and "\nHint: " in text, f"{name}: {cell['source']!r} said {text!r}"
        probe = nb["cells"][-1]["outputs"][0].split()
        assert probe[0] == "PROBE" and probe[1].startswith(str(venv)), probe
        assert probe[2].startswith(str(venv)) and "site-packages" in probe[2] and probe[3] == "True", probe


@pytest.fixture(scope="session")
def wheel_venv(unpacked, tmp_path_factory):
    """A fresh environment with ipykernel and nbclient; the set-up cell is run before the wheel goes in."""
    tmp = tmp_path_factory.mktemp("wheel-venv")
    python = make_venv(tmp / "venv")
    pip(python, "-c", str(PINS), "ipykernel", "nbclient")
    before = run_notebooks(python, sorted((unpacked / "notebooks").glob("*.ipynb"))[:1], tmp, setup_only=True)
    pip(python, "-c", str(PINS), str(unpacked / "notebooks" / student.WHEEL_NAME))
    return {"python": python, "venv": tmp / "venv", "tmp": tmp, "before": before}


def test_without_the_module_the_set_up_cell_says_what_to_do(wheel_venv):
    (cell,) = next(iter(wheel_venv["before"].values()))["cells"]
    text = "\n".join(cell["outputs"])
    assert "is not installed in this Python yet" in text
    assert f"%pip install {student.WHEEL_NAME}" in text
    assert cell["errors"] == ["SystemExit"], cell   # it stops "Run all" there, without a traceback
    assert "ModuleNotFoundError" not in text


def test_student_notebooks_run_from_the_wheel_alone(wheel_venv, unpacked):
    results = run_notebooks(wheel_venv["python"], sorted((unpacked / "notebooks").glob("*.ipynb")),
                            wheel_venv["tmp"])
    assert_every_check_says_not_yet(results, wheel_venv["venv"])


def test_the_repository_is_a_repo2docker_environment():
    binder = ROOT / "binder"
    assert (binder / "requirements.txt").is_file()
    assert os.access(binder / "postBuild", os.X_OK)
    assert (binder / "postBuild").read_text().startswith("#!/bin/bash")


def test_the_hub_s_constraints_are_the_lock_s_versions():
    locked = re.findall(r"^([A-Za-z0-9_.-]+==\S+)", (ROOT / "requirements.txt").read_text(encoding="utf-8"), re.M)
    pinned = [line for line in PINS.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert pinned == locked, "binder/constraints.txt is out of date: run `make lock`"


def test_repo2docker_steps_replayed_set_up_a_hub_that_runs_the_notebooks(unpacked, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("repo2docker")
    repo = copy_sources(tmp / "repo")           # what repo2docker copies into the image
    python = make_venv(tmp / "venv")
    # The image's own environment: a Jupyter server's kernel machinery.
    pip(python, "-c", str(PINS), "ipykernel", "nbclient", env=clean_env(tmp))
    # repo2docker: `pip install -r binder/requirements.txt` in the repository's root, then postBuild.
    pip(python, "-r", "binder/requirements.txt", cwd=repo, env=clean_env(tmp))
    env = clean_env(tmp)
    env["PATH"] = f"{python.parent}{os.pathsep}{env['PATH']}"
    proc = subprocess.run(["bash", "binder/postBuild"], cwd=repo, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    assert proc.returncode == 0, proc.stdout
    assert (tmp / "venv" / "share" / "jupyter" / "kernels" / "barnes-module" / "kernel.json").exists()
    assert "barneskit 0.1.0 reads" in proc.stdout and "site-packages" in proc.stdout
    shutil.rmtree(repo)                          # the installed module must not need the copy
    results = run_notebooks(python, sorted((unpacked / "notebooks").glob("*.ipynb")), tmp)
    assert_every_check_says_not_yet(results, tmp / "venv")


def test_the_default_build_has_no_launch_button(built_book):
    for page in student.exercise_sets():
        html = (built_book["html"] / "exercises" / f"{page.stem}.html").read_text(encoding="utf-8")
        assert "git-pull" not in html and "/v2/gh/" not in html and "Launch on" not in html


HUB = "https://hub.example-school.edu"
REPO_URL = "https://github.com/example-school/barnes-module"


def launch_links(html_file):
    soup = BeautifulSoup(Path(html_file).read_text(encoding="utf-8"), "html.parser")
    return [a["href"] for a in soup.find_all("a", href=True) if "git-pull" in a["href"] or "/v2/" in a["href"]]


def test_launch_buttons_point_at_the_hub_named_in_config(built_book, tmp_path):
    """One build (the student edition, the one put online) of a copy with a hub named in _config.yml."""
    repo = copy_sources(tmp_path / "repo")
    shutil.copytree(ROOT / "_build" / ".jupyter_cache", repo / "_build" / ".jupyter_cache")
    config = yaml.safe_load((repo / "_config.yml").read_text(encoding="utf-8"))
    config["repository"] = {"url": REPO_URL, "branch": "main"}
    config["launch_buttons"].update(jupyterhub_url=HUB, binderhub_url="https://mybinder.org")
    (repo / "_config.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    out = tmp_path / "student-html"
    code, warnings, output = student.build_student_book(out, root=repo, echo=False)
    assert code == 0 and not warnings, output[-3000:]
    for page in student.exercise_sets():
        name = f"exercises/{page.stem}"
        links = launch_links(out / f"{name}.html")
        hub = next(u for u in links if u.startswith(f"{HUB}/hub/user-redirect/git-pull?"))
        query = parse_qs(urlparse(hub).query)
        # The student notebook, on the branch `make publish` writes, never the page's MyST with solutions.
        assert query["repo"] == [REPO_URL] and query["branch"] == [student.PUBLISH_BRANCH]
        assert query["urlpath"] == [f"tree/barnes-module/{name}.ipynb"]
        assert any(u.startswith(f"https://mybinder.org/v2/gh/example-school/barnes-module/{student.PUBLISH_BRANCH}"
                                f"?urlpath=tree/{name}.ipynb") for u in links), links
    assert not launch_links(out / "chapters" / "who-asked.html")   # a page without code has none


def test_publish_puts_the_student_edition_on_gh_pages_and_refuses_the_teacher_edition(
        student_edition, built_book, tmp_path):
    remote = tmp_path / "site.git"
    subprocess.run(["git", "init", "--quiet", "--bare", str(remote)], check=True)
    commit = publish.publish(str(remote), html=student_edition["html"], notebooks=student_edition["notebooks"],
                             archive=student_edition["archive"])
    files = subprocess.run(["git", "--git-dir", str(remote), "ls-tree", "-r", "--name-only", "gh-pages"],
                           check=True, stdout=subprocess.PIPE, text=True).stdout.split()
    head = subprocess.run(["git", "--git-dir", str(remote), "rev-parse", "gh-pages"], check=True,
                          stdout=subprocess.PIPE, text=True).stdout.strip()
    assert head == commit
    assert {"index.html", ".nojekyll", "binder/requirements.txt", f"exercises/{student.WHEEL_NAME}",
            "exercises/sourcing-and-counting.ipynb", "exercises/sourcing-and-counting.html",
            Path(student_edition["archive"]).name} <= set(files)
    assert not [f for f in files if f.startswith("teacher/")]
    with pytest.raises(publish.PublishError, match="teacher edition"):
        publish.publish(str(remote), html=built_book["html"], notebooks=student_edition["notebooks"])
    with pytest.raises(publish.PublishError, match="no git remote named"):
        publish.publish("no-such-remote", html=student_edition["html"], notebooks=student_edition["notebooks"])
