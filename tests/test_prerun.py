"""Notebook pages that must run are run side by side before reading, each exactly once.

barneskit.sphinxext.prerun reads each page's notebook as myst-nb will, runs the ones jupyter-cache lacks at
the same time and stores them; myst-nb must then find every one in the cache (a page it runs
again would mean the two read different notebooks). A failing cell must still stop the build the
usual way, naming the page. That two pages run at the same time is shown without timing
anything: each of the pair waits (up to 30 s) for the other to have started, and records whether
it saw it; run one after the other, the first would wait in vain.
"""
import re

import yaml

from barneskit.outputs.build import build

BODY = """\
# Trial page {name}

```{{code-cell}} ipython3
import time
from pathlib import Path
Path("{name}.started").touch()
partner, deadline = "{partner}", time.time() + 30
while partner and not Path(f"{{partner}}.started").exists() and time.time() < deadline:
    time.sleep(0.05)
Path("{name}.met").write_text(str(bool(partner) and Path(f"{{partner}}.started").exists()))
{extra}
print("output of {name}")
```
"""


def make_book(root, notebook_page, pages, at_once=2):
    """Replace the book in the repository copy ``root`` with an index and ``pages``:
    {name: (the page it waits for or "", extra code)}."""
    (root / "trial").mkdir()
    for name, (partner, extra) in pages.items():
        text = notebook_page(BODY.format(name=name, partner=partner, extra=extra))
        (root / "trial" / f"{name}.md").write_text(text, encoding="utf-8")
    (root / "index.md").write_text("# Trial book\n", encoding="utf-8")
    toc = "format: jb-book\nroot: index\nchapters:\n" + "".join(f"  - file: trial/{n}\n" for n in pages)
    (root / "_toc.yml").write_text(toc, encoding="utf-8")
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    config["sphinx"]["config"]["barneskit_parallel_notebooks"] = at_once  # whatever this machine's cores
    (root / "_config.yml").write_text(yaml.safe_dump(config), encoding="utf-8")


def runs(output, by):
    """Pages that ``by`` (barneskit or mystnb) started executing, in the order of the log."""
    return [path.rsplit("/", 1)[-1] for path in re.findall(rf"(\S+\.md): Executing notebook.*\[{by}\]", output)]


def test_pages_run_side_by_side_and_myst_nb_finds_them_all_in_the_cache(repo_copy, notebook_page):
    make_book(repo_copy, notebook_page, {"one": ("two", ""), "two": ("one", ""), "three": ("", "")})
    code, output, warnings = build(echo=False, root=repo_copy)
    assert code == 0 and warnings == [], output[-3000:]
    assert sorted(runs(output, "barneskit")) == ["one.md", "three.md", "two.md"]
    assert runs(output, "mystnb") == [], "myst-nb ran a page again: the notebook read before differs"
    for name in ("one", "two", "three"):
        html = (repo_copy / "_build" / "html" / "trial" / f"{name}.html").read_text(encoding="utf-8")
        assert f"output of {name}" in html

    met = {n: (repo_copy / "trial" / f"{n}.met").read_text() for n in ("one", "two")}
    assert met == {"one": "True", "two": "True"}, "pages one and two did not run at the same time"

    # Nothing changed: nothing runs. One page's code changed: only it runs, once.
    code, output, _ = build(echo=False, root=repo_copy)
    assert code == 0 and runs(output, "barneskit") == runs(output, "mystnb") == []
    page = repo_copy / "trial" / "two.md"
    page.write_text(page.read_text(encoding="utf-8").replace("time.sleep(0.05)", "time.sleep(0.01)"), encoding="utf-8")
    code, output, _ = build(echo=False, root=repo_copy)
    assert code == 0 and runs(output, "barneskit") == ["two.md"] and runs(output, "mystnb") == []


def test_one_at_a_time_leaves_the_runs_to_myst_nb(repo_copy, notebook_page):
    make_book(repo_copy, notebook_page, {"one": ("", ""), "two": ("", "")}, at_once=1)
    code, output, warnings = build(echo=False, root=repo_copy)
    assert code == 0 and warnings == [], output[-3000:]
    assert runs(output, "barneskit") == [] and sorted(runs(output, "mystnb")) == ["one.md", "two.md"]


def test_a_failing_cell_still_stops_the_build_naming_the_page(repo_copy, notebook_page):
    make_book(repo_copy, notebook_page, {"fine": ("", ""), "broken": ("", "1 / 0")})
    code, output, _ = build(echo=False, root=repo_copy)
    assert code != 0
    assert re.search(r"trial/broken\.md\S*: WARNING: Executing notebook failed: CellExecutionError", output), output[-3000:]
    assert "ZeroDivisionError" in output
    assert "broken.md: Executed notebook" not in output  # the failed run was not stored as a result
    assert runs(output, "mystnb") == ["broken.md"]  # read again by myst-nb, which reports it


def test_a_page_with_broken_front_matter_is_left_to_myst_to_report(repo_copy, notebook_page):
    make_book(repo_copy, notebook_page, {"fine": ("", ""), "other": ("", "")})
    broken = repo_copy / "trial" / "other.md"
    broken.write_text(broken.read_text(encoding="utf-8").replace("kernelspec:\n", "kernelspec: [unclosed\n", 1),
                      encoding="utf-8")
    code, output, warnings = build(echo=False, root=repo_copy)
    assert code != 0
    assert any(re.search(r"trial/other\.md:1: WARNING: Malformed YAML", w) for w in warnings), output[-3000:]
    assert "Traceback" not in output
