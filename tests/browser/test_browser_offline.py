"""The built site works from a folder copied to a USB stick: relative links only, opened via file://."""
import re
import shutil

from bs4 import BeautifulSoup

import sitecheck

URL_ATTRS = ("href", "src", "action", "poster", "data")
CSS_URL_RE = re.compile(r"""url\(\s*['"]?(/[^'")]*)""")


def rooted_links(root):
    """Every link or asset address in the site's HTML and CSS that starts at a server's root."""
    found = []
    for path in sorted(root.rglob("*.html")):
        rel = path.relative_to(root).as_posix()
        soup = BeautifulSoup(path.read_text(encoding="utf-8", errors="replace"), "html.parser")
        for tag in soup.find_all(True):
            for attr in URL_ATTRS:
                value = tag.get(attr)
                if isinstance(value, str) and value.strip().startswith("/"):
                    found.append((rel, f"<{tag.name} {attr}={value!r}>"))
            for part in (tag.get("srcset") or "").split(","):
                if part.strip().startswith("/"):
                    found.append((rel, f"<{tag.name} srcset={part.strip()!r}>"))
    for path in sorted(root.rglob("*.css")):
        for match in CSS_URL_RE.finditer(path.read_text(encoding="utf-8", errors="replace")):
            found.append((path.relative_to(root).as_posix(), f"url({match.group(1)})"))
    return found


def test_rooted_link_finder_finds_them(tmp_path):
    (tmp_path / "a.html").write_text('<a href="/x.html">x</a><img src="b.png" alt="b">', encoding="utf-8")
    (tmp_path / "s.css").write_text("body { background: url('/bg.png') }", encoding="utf-8")
    assert [where for _, where in rooted_links(tmp_path)] == ["<a href='/x.html'>", "url(/bg.png)"]


def test_no_link_starts_at_the_server_root(any_server):
    _, server = any_server
    assert rooted_links(server.root) == []


def test_site_works_from_a_copied_folder(any_server, browser_context, tmp_path):
    """Copy the built site elsewhere and open every page through file://: nothing missing, no errors."""
    _, server = any_server
    stick = tmp_path / "usb-stick" / "barnes-module"
    shutil.copytree(server.root, stick, ignore=shutil.ignore_patterns(".buildinfo", "objects.inv"))
    problems = {}
    urls = {rel: (stick / rel).as_uri() for rel in sitecheck.html_pages(stick)}
    for rel, page, report in sitecheck.opened(browser_context, urls):
        landed = page.url
        bad = ([f"request off the folder: {u}" for u in report.requests if not sitecheck.is_local(u, allow_file=True)]
               + [u for u in report.requests if u.startswith("http")]
               + [f"failed: {f}" for f in report.failed_requests]
               + [f"page error: {e}" for e in report.page_errors])
        if not landed.startswith(stick.as_uri()):
            bad.append(f"left the folder: {landed}")
        if bad:
            problems[rel] = bad
    assert problems == {}


def test_index_redirects_to_the_first_page_from_a_folder(any_server, browser_context, tmp_path):
    _, server = any_server
    stick = tmp_path / "stick"
    shutil.copytree(server.root, stick)
    page = browser_context.new_page()
    try:
        page.goto((stick / "index.html").as_uri())
        page.wait_for_url(re.compile(r".*/(?!index\.html)[^/]+\.html$"), timeout=10_000)
        landed, title = page.url, page.title()
    finally:
        page.close()
    first = re.search(r'url=([^"]+)"', (stick / "index.html").read_text(encoding="utf-8")).group(1)
    assert landed == (stick / first).as_uri() and title


def test_no_page_carries_a_script_twice_or_a_third_party_address(any_server):
    """The causes of the old errors stay gone: each inline script once, no thebe, no CDN address
    in any script, stylesheet, image or frame (a link a reader clicks may go anywhere)."""
    _, server = any_server
    problems = []
    for rel in sitecheck.html_pages(server.root):
        soup = BeautifulSoup((server.root / rel).read_text(encoding="utf-8"), "html.parser")
        inline = [s.get_text() for s in soup.find_all("script", src=False) if s.get_text().strip()]
        problems += [(rel, f"inline script twice: {text[:60]!r}") for text in set(inline) if inline.count(text) > 1]
        problems += [(rel, "thebe") for tag in soup.find_all(["script", "link"]) if "thebe" in str(tag).lower()]
        for tag in soup.find_all(["script", "link", "img", "iframe", "source", "video", "audio"]):
            if tag.name == "link" and "stylesheet" not in (tag.get("rel") or []) and "icon" not in (tag.get("rel") or []):
                continue
            address = tag.get("src") or tag.get("href") or ""
            if re.match(r"^(https?:)?//", address):
                problems.append((rel, f"<{tag.name}> from {address}"))
    assert problems == []
