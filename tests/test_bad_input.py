"""A bad input file stops the build with one short message: the file relative to the repository,
the line, the field where there is one, and what is wrong; no Python traceback, no absolute path.

Each case breaks one file in its own copy of the repository and runs the build as ``make book``
does (``python -m barneskit.outputs.build``). The builds stop at the input checks, before any page
is read, and run side by side.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from barneskit.paths import copy_sources


def _replace(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer holds {old!r}: update this test"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def break_events(repo):
    _replace(repo / "data" / "events.csv", "barnes-reply,1933-03-20,", "barnes-reply,1933-02-30,")


def break_metadata(repo):
    path = repo / "texts" / "reply-to-barnes" / "metadata.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^credit: .*\n", "", text, count=1, flags=re.MULTILINE), encoding="utf-8")


def break_claims(repo):
    _replace(repo / "data" / "claims.csv", "contracted with the U.S.S.R. to render technical aid",
             "contracted with the U.S.S.R. to render military aid")


def break_sessions(repo):
    _replace(repo / "data" / "sessions.yml", "      - minutes: 5\n", "      - minutes: 7\n")


def break_toc(repo):
    _replace(repo / "_toc.yml", "file: chapters/letter\n", "file: chapters/leter\n")


def break_config(repo):
    _replace(repo / "_config.yml", "  execute_notebooks: cache ", "  execute_notebooks: [cache ")


def break_encoding(repo):
    path = repo / "data" / "events.csv"
    data = path.read_bytes()
    path.write_bytes(data.replace("Bolshevik".encode(), "Bolshevik".encode()[:4] + b"\xe9vik", 1))


#: case -> (how to break the copy, the whole output expected).
CASES = {
    "events-row": (break_events, "data/events.csv, line 36, field 'start': bad date '1933-02-30': day is out of range for month"),
    "metadata-field": (break_metadata, "texts/reply-to-barnes/metadata.yml, line 3, field 'credit': required field is missing"),
    "claims-quote": (break_claims, ("data/claims.csv, line 2, field 'quote': the quote 'contracted with the U.S.S.R. "
                                    "to render military aid' does not occur in segment 'n1'")),
    "session-minutes": (break_sessions, ("data/sessions.yml, line 77, field 'sessions.1.minutes': session 'two-45' says "
                                          "90 minutes but its phases add up to 92")),
    "toc-entry": (break_toc, ("_toc.yml, line 8, field 'parts.0.chapters.0.file': no page 'chapters/leter' (looked "
                            "for chapters/leter.md and chapters/leter.ipynb); did you mean 'chapters/letter'?")),
    "config-yaml": (break_config, "_config.yml, line 11: not valid YAML: did not find expected ',' or ']' "
                                  "(while parsing a flow sequence that starts on line 10)"),
    "non-utf8": (break_encoding, ("data/events.csv, line 2: byte 0xe9 at column 70 is not UTF-8 text; save the file "
                                   "as UTF-8 (the data files are UTF-8)")),
}

HINT = "The build stopped. (the full output: VERBOSE=1 make book, or python -m barneskit.outputs.build --debug)"


@pytest.fixture(scope="module")
def broken_builds(tmp_path_factory):
    """{case: (return code, output)}: each case's build, all started at once."""
    procs = {}
    for case, (breaker, _) in CASES.items():
        repo = copy_sources(tmp_path_factory.mktemp(case) / "repo")
        breaker(repo)
        env = {**os.environ, "PYTHONPATH": str(repo)}
        env.pop("VERBOSE", None)
        procs[case] = (repo, subprocess.Popen([sys.executable, "-m", "barneskit.outputs.build"], cwd=repo, env=env,
                                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True))
    results = {}
    for case, (repo, proc) in procs.items():
        output, _ = proc.communicate(timeout=300)
        results[case] = (proc.returncode, output, repo)
    return results


@pytest.mark.parametrize("case", CASES)
def test_a_bad_input_gives_one_short_message(broken_builds, case):
    code, output, repo = broken_builds[case]
    assert code != 0
    assert output == f"Bad input file: {CASES[case][1]}\n{HINT}\n"


def test_another_failure_keeps_sphinx_lines_without_tracebacks_or_absolute_paths(tmp_path):
    from barneskit.outputs.build import short_output

    root = tmp_path / "book"
    output = (f"Running Sphinx v7.4.7\n{root}/chapters/letter.md:12: WARNING: undefined label: 'nosuch'\n"
              "Traceback (most recent call last):\n  File \"/usr/lib/x.py\", line 1, in f\n    g()\n"
              "ValueError: the cause\n\nThe above exception was the direct cause of the following exception:\n\n"
              "Traceback (most recent call last):\n  File \"/usr/bin/jupyter-book\", line 8\nRuntimeError: \n"
              "===\n\nThere was an error in building your book. Look above for the cause.\n\n===\n")
    short = short_output(output, root)
    assert "chapters/letter.md:12: WARNING: undefined label: 'nosuch'" in short
    assert "Traceback" not in short and "File " not in short and str(root) not in short
    assert "There was an error" not in short


def test_a_failing_cell_shows_the_cell_and_its_own_error():
    from barneskit.outputs.build import short_output

    output = ("reading sources... [ 61%] exercises/trial\n"
              "exercises/trial.md: WARNING: Executing notebook failed: CellExecutionError [mystnb.exec]\n\n"
              "Exception occurred:\n  File \"/x/cache.py\", line 89, in start_client\n"
              "nbclient.exceptions.CellExecutionError: An error occurred while executing the following cell:\n"
              "------------------\n1/0\n------------------\n\nZeroDivisionError: division by zero\n\n"
              "myst_nb.core.execute.base.ExecutionError: exercises/trial.md\n")
    assert short_output(output) == ("A code cell failed in exercises/trial.md:\n------------------\n1/0\n"
                                    "------------------\n\nZeroDivisionError: division by zero\n")


def test_a_repeated_bibliography_key_names_the_line_of_its_second_entry(tmp_path):
    from barneskit.corpus.references import bib_keys
    from barneskit.errors import DataError

    bib = tmp_path / "references.bib"
    bib.write_text("@book{one2000,\n  title = {A},\n  year = {2000}\n}\n\n@book{one2000,\n  title = {B},\n  year = {2001}\n}\n",
                   encoding="utf-8")
    with pytest.raises(DataError) as caught:
        bib_keys(bib)
    assert caught.value.message(root=tmp_path) == (
        "references.bib, line 6: cannot be read as BibTeX: repeated bibliography entry: one2000")
