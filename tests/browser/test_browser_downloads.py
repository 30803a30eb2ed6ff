"""Download and launch buttons: a notebook page offers a real .ipynb; launch buttons are off unless
configured, and then point at this repository. Plus self-tests of the page checks' judgement."""
import re
import urllib.request
from urllib.parse import urljoin

import nbformat
import pytest
import yaml
from bs4 import BeautifulSoup

import sitecheck
from barneskit.paths import ROOT

LAUNCH_KEYS = ("binderhub_url", "jupyterhub_url", "colab_url", "deepnote_url", "jupyterlite_url", "thebe")


def notebook_pages(root):
    """Pages built from a MyST notebook (a .md source whose front matter names a kernelspec)."""
    pages = []
    for src in sorted((root / "_sources").rglob("*.md")):
        front = re.match(r"^---\n(.*?)\n---", src.read_text(encoding="utf-8"), re.DOTALL)
        if front and "kernelspec" in (yaml.safe_load(front.group(1)) or {}):
            pages.append(src.relative_to(root / "_sources").with_suffix("").as_posix())
    return pages


def test_notebook_pages_offer_a_real_ipynb(any_server):
    name, server = any_server
    pages = notebook_pages(server.root)
    if name == "fixture-book":
        assert pages == ["fixture-notebook"], "the fixture book's notebook page was not found"
    if not pages:
        pytest.skip("no notebook page in this site yet")
    for page in pages:
        html = (server.root / f"{page}.html").read_text(encoding="utf-8")
        button = BeautifulSoup(html, "html.parser").select_one("a.btn-download-notebook-button")
        assert button is not None, f"{page}: no .ipynb in the download menu"
        url = urljoin(server.url(f"{page}.html"), button["href"])
        assert url == server.url(f"_sources/{page}.ipynb"), button["href"]
        with urllib.request.urlopen(url) as response:
            body = response.read().decode("utf-8")
        notebook = nbformat.reads(body, as_version=4)
        nbformat.validate(notebook)
        source = (server.root / "_sources" / f"{page}.md").read_text(encoding="utf-8")
        code = [c.source for c in notebook.cells if c.cell_type == "code"]
        if name == "student-edition" and page.startswith("exercises/"):
            # The student notebook: it runs in any Jupyter where the module is installed.
            from barneskit.outputs.student import SETUP_CELL
            assert notebook.metadata.kernelspec.name == "python3", page
            assert code[0] == SETUP_CELL, page
            code = code[1:]
        else:
            assert notebook.metadata.kernelspec.name == "barnes-module"
        assert code and all(c in source for c in code), f"{page}: the notebook's code is not the page's"


def test_launch_buttons_are_off_unless_configured_and_point_here(any_server):
    _, server = any_server
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    launch = config.get("launch_buttons") or {}
    configured = [k for k in LAUNCH_KEYS if launch.get(k)]
    repo_url = ((config.get("repository") or {}).get("url") or "").rstrip("/")
    assert "executablebooks/jupyter-book" not in repo_url, "repository.url must be this module's, not jupyter-book's"
    for path in sitecheck.html_pages(server.root):
        soup = BeautifulSoup((server.root / path).read_text(encoding="utf-8"), "html.parser")
        assert "executablebooks/jupyter-book" not in str(soup), f"{path} links to jupyter-book's repository"
        links = [a["href"] for a in soup.select(".dropdown-launch-buttons a[href], .btn-launch-thebe")]
        if not configured or not repo_url:
            assert links == [], f"{path}: launch buttons although none is configured"
        else:
            org_repo = "/".join(repo_url.split("/")[-2:])
            assert all(org_repo in href for href in links), f"{path}: launch links {links}"


# --------------------------------------------------------------------------- the checks' own judgement

@pytest.mark.parametrize("alt, src, bad", [
    (None, "x.png", True), ("", "x.png", True), ("png", "x.png", True), ("Figure", "x.png", True),
    ("timeline.png", "_images/timeline.png", True), ("timeline", "_images/timeline.png", True),
    ("../_images/abc123.png", "../_images/abc123.png", True), ("1933", "x.png", True),
    ("Timeline of the Metro-Vickers affair, March to July 1933", "x.png", False),
])
def test_alt_text_judgement(alt, src, bad):
    assert (sitecheck.alt_problem(alt, src) is not None) == bad


def test_dark_mode_checks_catch_a_transparent_figure_and_dark_only_low_contrast(browser_context, axe_source, tmp_path):
    from PIL import Image

    Image.new("RGBA", (20, 10), (255, 255, 255, 0)).save(tmp_path / "clear.png")
    Image.new("RGB", (20, 10), (255, 255, 255)).save(tmp_path / "solid.png")
    (tmp_path / "page.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><title>dark</title><style>'
        'html[data-theme=dark] body {background: #111}'
        'html[data-theme=dark] p {color: #333; transition: color .3s}</style></head>'
        '<body><main><article><img src="clear.png" alt="clear test image">'
        '<img src="solid.png" alt="solid test image"><p>faint only in the dark</p></article></main></body></html>',
        encoding="utf-8")
    server = sitecheck.serve(tmp_path)
    try:
        report = sitecheck.visit(browser_context, server.url("page.html"), "page.html", axe_source)
    finally:
        server.stop()
    by_name = {img["src"].rsplit("/", 1)[-1]: img["transparent"] for img in report.dark["images"]}
    assert by_name == {"clear.png": 200, "solid.png": 0}
    assert "color-contrast" not in {v["rule"] for v in report.axe_violations}
    assert [v["rule"] for v in report.dark_contrast] == ["color-contrast"]


def test_axe_finds_what_it_should(browser_context, axe_source, tmp_path):
    """The axe run is live: a page with an unlabelled image and low contrast fails."""
    (tmp_path / "bad.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><title>bad</title></head><body><main>'
        '<img src="x.png"><p style="color:#aaa;background:#fff">faint</p></main></body></html>',
        encoding="utf-8")
    server = sitecheck.serve(tmp_path)
    try:
        report = sitecheck.visit(browser_context, server.url("bad.html"), "bad.html", axe_source)
    finally:
        server.stop()
    assert {"image-alt", "color-contrast"} <= {v["rule"] for v in report.axe_violations}
    assert any("x.png" in f for f in report.failed_requests)
