"""Time the book's builds against the floor: an empty one-page Jupyter Book in the same environment.

``make bench`` (or ``python bench/benchmark.py [--runs N]``) works on a temporary copy of the
repository's sources, so the real tree is never edited, and builds exactly as ``make book`` does
(``jupyter-book build . -W -n --keep-going`` through :mod:`barneskit.outputs.build`). Each round runs:

floor      a clean build of an empty one-page book (temporary folder, project's environment)
clean      a clean build of the module: _build/ (with .jupyter_cache) and __pycache__ removed
no-change  a rebuild with nothing changed
prose      a rebuild after a sentence is added to the first "Context" chapter in _toc.yml
code       a rebuild after a comment is added to the first code cell of the first exercise
data       a rebuild after one row of data/events.csv is changed

and, once, after the rounds (``--no-setup`` skips it):

setup      the first ``make book`` of a fresh copy: a new .venv and empty pip and uv caches, so
           every package is downloaded (issue 18's target: at most twice the clean build)

Rounds are interleaved (floor, clean, ..., data; then again), so a burst of load from other
users of the machine falls on every scenario alike. It prints the median wall time of each, its
ratio to the floor's median and the pages each build executed, and writes the table to
bench/results/ as Markdown and JSON. A scenario whose page or file does not exist yet is "n/a".
"""
from __future__ import annotations

import argparse
import csv
import datetime
import io
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from barneskit.sphinxext import datadeps  # noqa: E402
from barneskit.outputs.build import build  # noqa: E402
from barneskit.paths import copy_sources  # noqa: E402

RESULTS = ROOT / "bench" / "results"
SCENARIOS = ("floor", "clean", "no-change", "prose", "code", "data")
#: Ratio to the floor that each scenario must stay under (issue 8).
TARGETS = {"no-change": 1.2, "prose": 1.6, "clean": 10.0}
EXECUTED_RE = re.compile(r"(\S+\.(?:md|ipynb)): Executing notebook")

FLOOR_FILES = {
    "_config.yml": "title: Floor\nonly_build_toc_files: true\n",
    "_toc.yml": "format: jb-book\nroot: index\n",
    "index.md": "# Floor\n\nAn empty page.\n",
}


def toc_files(root):
    """(part caption, file) for every page in _toc.yml, in order."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    out = [("", toc["root"])]

    def walk(entries, caption):
        for entry in entries or []:
            if "file" in entry:
                out.append((caption, entry["file"]))
            walk(entry.get("sections"), caption)

    for part in toc.get("parts", []):
        walk(part.get("chapters"), part.get("caption", ""))
    walk(toc.get("chapters"), "")
    return out


def page_path(root, docname):
    for suffix in (".md", ".ipynb"):
        if (root / f"{docname}{suffix}").exists():
            return root / f"{docname}{suffix}"
    return None


def targets(root):
    """The page, notebook and data file the edit scenarios change (None where absent)."""
    pages = toc_files(root)
    prose = next((page_path(root, f) for cap, f in pages if "context" in cap.lower() and page_path(root, f)), None)
    exercises = [page_path(root, f) for cap, f in pages if f.startswith("exercises/") and page_path(root, f)]
    exercises += sorted((root / "exercises").glob("*.md")) if (root / "exercises").is_dir() else []
    code = next((p for p in exercises if datadeps.code_cells(p.read_text(encoding="utf-8"))), None)
    events = root / "data" / "events.csv"
    data = events if events.exists() and len(events.read_text(encoding="utf-8").splitlines()) > 1 else None
    return {"prose": prose, "code": code, "data": data}


def edit_prose(path, n):
    with path.open("a", encoding="utf-8") as f:
        f.write(f"\nBenchmark edit {n}: one more sentence of prose.\n")


def edit_code(path, n):
    """Put a comment at the top of the first code cell's body (after its options)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if re.match(r"^(`{3,}|~{3,})\{code-cell\}", line)) + 1
    if at < len(lines) and lines[at] == "---":  # options as a YAML block
        at = lines.index("---", at + 1) + 1
    while at < len(lines) and lines[at].startswith(":"):  # options as :key: value lines
        at += 1
    if at < len(lines) and lines[at].startswith("%%"):  # a cell magic must stay first
        at += 1
    lines.insert(at, f"# benchmark edit {n}")
    path.write_text("\n".join(lines), encoding="utf-8")


def edit_data(path, n, original):
    """Change one row (the first) of a CSV file: its note, or else its last field; other lines stay as they are."""
    lines = original.splitlines(keepends=True)
    header = next(csv.reader([lines[0]]))
    row = next(csv.reader([lines[1]]))
    column = header.index("note") if "note" in header else len(header) - 1
    row[column] = (row[column] + f" (benchmark edit {n})").strip()
    out = io.StringIO()
    csv.writer(out, lineterminator=lines[1][len(lines[1].rstrip("\r\n")):] or "\n").writerow(row)
    path.write_text(lines[0] + out.getvalue() + "".join(lines[2:]), encoding="utf-8")


def remove_caches(root):
    shutil.rmtree(root / "_build", ignore_errors=True)
    for cache in root.rglob("__pycache__"):
        shutil.rmtree(cache, ignore_errors=True)


def _children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_build(root):
    """Build ``root``; return wall seconds, CPU seconds (build and kernels) and the pages executed."""
    cpu, start = _children_cpu(), time.perf_counter()
    code, output, warnings = build(echo=False, root=root)
    seconds, cpu = time.perf_counter() - start, _children_cpu() - cpu
    if code != 0 or warnings:
        tail = "\n".join(output.splitlines()[-40:])
        raise SystemExit(f"build in {root} failed (exit {code}, {len(warnings)} warning(s)):\n{tail}")
    executed = sorted({str(Path(p).resolve().relative_to(root.resolve())) for p in EXECUTED_RE.findall(output)})
    return seconds, cpu, executed


def notebook_pages(root):
    return [p for _, f in toc_files(root) if (p := page_path(root, f)) and p.suffix == ".md"
            and datadeps.code_cells(p.read_text(encoding="utf-8"))]


def readers_of(root, data_file):
    """Notebook pages whose declared or detected data files include ``data_file`` (relative paths)."""
    return sorted(str(p.relative_to(root)) for p in notebook_pages(root)
                  if data_file.resolve() in datadeps.page_data_files(p, root=root))


#: The first set-up may take at most this many clean builds (issue 18).
SETUP_TARGET = 2.0


def timed_first_setup(work):
    """Seconds for the first ``make book`` of a fresh copy, with a new .venv and cold caches."""
    repo = copy_sources(work / "setup", ROOT)
    env = dict(os.environ, UV_CACHE_DIR=str(work / "uv-cache"), PIP_CACHE_DIR=str(work / "pip-cache"))
    env.pop("VENV", None)
    start = time.perf_counter()
    proc = subprocess.run(["make", "-C", str(repo), "book"], env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"the first make book of a fresh copy failed:\n{proc.stdout[-3000:]}{proc.stderr[-2000:]}")
    return seconds


def run(runs, keep=False, setup=True):
    work = Path(tempfile.mkdtemp(prefix="barnes-bench-"))
    floor, repo = work / "floor", copy_sources(work / "repo", ROOT)
    floor.mkdir()
    for name, text in FLOOR_FILES.items():
        (floor / name).write_text(text, encoding="utf-8")
    found = targets(repo)
    originals = {k: p.read_text(encoding="utf-8") for k, p in found.items() if p}
    times = {s: [] for s in SCENARIOS}
    cpus = {s: [] for s in SCENARIOS}
    executed = {s: [] for s in SCENARIOS}
    load = [os.getloadavg()[0]]
    try:
        for n in range(1, runs + 1):
            for scenario in SCENARIOS:
                if scenario in found and found[scenario] is None:
                    continue
                if scenario == "floor":
                    remove_caches(floor)
                    root = floor
                else:
                    root = repo
                if scenario == "clean":
                    remove_caches(repo)
                elif scenario == "prose":
                    edit_prose(found["prose"], n)
                elif scenario == "code":
                    edit_code(found["code"], n)
                elif scenario == "data":
                    edit_data(found["data"], n, originals["data"])
                seconds, cpu, pages = timed_build(root)
                times[scenario].append(seconds)
                cpus[scenario].append(cpu)
                executed[scenario].append(pages)
                print(f"  round {n}: {scenario:<9} {seconds:6.2f} s wall {cpu:6.2f} s CPU  executed {len(pages)} page(s)", flush=True)
        setup_seconds = None
        if setup:
            setup_seconds = timed_first_setup(work)
            print(f"  once:    setup     {setup_seconds:6.2f} s wall (new .venv, cold caches)", flush=True)
        load.append(os.getloadavg()[0])
        expected_data = readers_of(repo, found["data"]) if found["data"] else None
    finally:
        if keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return summarize(times, cpus, executed, found, expected_data, repo, load, runs, setup_seconds)


def summarize(times, cpus, executed, found, expected_data, repo, load, runs, setup_seconds=None):
    floor = statistics.median(times["floor"])
    floor_cpu = statistics.median(cpus["floor"])
    rows = []
    for scenario in SCENARIOS:
        target_path = found.get(scenario)
        row = {"scenario": scenario, "target": str(target_path.relative_to(repo)) if target_path else None,
               "runs_s": [round(t, 2) for t in times[scenario]], "median_s": None, "ratio": None,
               "cpu_median_s": None, "cpu_ratio": None,
               "target_ratio": TARGETS.get(scenario), "executed": None, "status": "n/a"}
        if times[scenario]:
            median = statistics.median(times[scenario])
            pages = executed[scenario][-1]
            cpu = statistics.median(cpus[scenario])
            row.update(median_s=round(median, 2), ratio=round(median / floor, 2), executed=pages, status="",
                       cpu_median_s=round(cpu, 2), cpu_ratio=round(cpu / floor_cpu, 2))
            if scenario in TARGETS:
                row["status"] = "ok" if median / floor <= TARGETS[scenario] else "over target"
            if scenario == "data":
                same = all(sorted(e) == expected_data for e in executed["data"])
                row["expected_executed"] = expected_data
                row["status"] = "ok: exactly its readers" if same else "MISMATCH: see executed vs expected"
        rows.append(row)
    if setup_seconds is not None:
        clean = statistics.median(times["clean"])
        rows.append({"scenario": "setup", "target": "(a fresh copy: new .venv, cold caches)",
                     "runs_s": [round(setup_seconds, 2)], "median_s": round(setup_seconds, 2),
                     "ratio": round(setup_seconds / floor, 2), "cpu_median_s": None, "cpu_ratio": None,
                     "target_ratio": None, "executed": None, "clean_ratio": round(setup_seconds / clean, 2),
                     "status": f"{setup_seconds / clean:.2f}× clean: " + (
                         "ok" if setup_seconds / clean <= SETUP_TARGET else "over target") + f" (≤ {SETUP_TARGET:g}×)"})
    return {
        "when": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "commit": _git("rev-parse", "--short", "HEAD"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "jupyter_book": _version("jupyter-book"), "load_1min_start_end": [round(x, 2) for x in load]},
        "runs": runs,
        "rows": rows,
    }


def _git(*args):
    try:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip() or None
    except OSError:
        return None


def _version(dist):
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version(dist)
    except PackageNotFoundError:
        return None


def markdown(result):
    m = result["machine"]
    lines = [
        f"# Build benchmark, {result['when']} (commit {result['commit']})",
        "",
        f"Median of {result['runs']} runs; {m['cpus']} CPUs, Python {m['python']}, jupyter-book "
        f"{m['jupyter_book']}, 1-min load average {m['load_1min_start_end'][0]} at start, "
        f"{m['load_1min_start_end'][1]} at end.",
        "",
        "Wall time is what the targets are about. CPU time (the build and its kernels) is shown "
        "as well: it varies less when other users load the machine.",
        "",
        "| scenario | page or file changed | median (s) | × floor | target | status | runs (s) "
        "| CPU median (s) | CPU × floor | pages executed |",
        "|---|---|---:|---:|---:|---|---|---:|---:|---|",
    ]
    for r in result["rows"]:
        med = "n/a" if r["median_s"] is None else f"{r['median_s']:.2f}"
        ratio = "n/a" if r["ratio"] is None else f"{r['ratio']:.2f}×"
        target = f"≤ {r['target_ratio']}×" if r["target_ratio"] else ""
        runs = ", ".join(f"{t:.2f}" for t in r["runs_s"])
        cpu = "n/a" if r["cpu_median_s"] is None else f"{r['cpu_median_s']:.2f}"
        cpu_ratio = "n/a" if r["cpu_ratio"] is None else f"{r['cpu_ratio']:.2f}×"
        pages = "n/a" if r["executed"] is None else (", ".join(r["executed"]) or "none")
        if r.get("expected_executed") is not None:
            pages += f" (readers of the file: {', '.join(r['expected_executed']) or 'none'})"
        lines.append(f"| {r['scenario']} | {r['target'] or ''} | {med} | {ratio} | {target} | {r['status']} "
                     f"| {runs} | {cpu} | {cpu_ratio} | {pages} |")
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds of every scenario (at least 3)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary copy for inspection")
    parser.add_argument("--no-setup", action="store_true", help="skip the first set-up (it downloads every package)")
    args = parser.parse_args(argv)
    if args.runs < 3:
        parser.error("--runs must be at least 3: the median of fewer runs says little")
    print(f"Benchmarking builds of a copy of {ROOT} ({args.runs} rounds) ...", flush=True)
    result = run(args.runs, keep=args.keep, setup=not args.no_setup)
    table = markdown(result)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = result["when"].replace(":", "").replace("+0000", "Z")[:17]
    for name in (f"benchmark-{stamp}", "latest"):
        (RESULTS / f"{name}.md").write_text(table, encoding="utf-8")
        (RESULTS / f"{name}.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print()
    print(table)
    print(f"Written to {RESULTS / 'latest.md'} and latest.json (and a timestamped copy).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
