"""What the browser tests do on one page: collect errors, requests, links, images and axe results.

The fixtures in ``conftest.py`` start one Chromium and a local server; the functions here take a
Playwright page and return plain data, so each test only states what must hold.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import threading
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from barneskit.outputs.programs import ensure_programs

HERE = Path(__file__).parent
#: Kept after a run (gitignored): one full-page PNG per page, and a JSON report per site.
ARTIFACTS = HERE.parents[1] / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
AXE_JS = HERE / "node_modules" / "axe-core" / "axe.min.js"
#: The Nu HTML Checker (npm package vnu-jar), a Java program.
VNU_JAR = HERE / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
#: The checker needs a thread stack of at least 512k (else, now and then, "StackOverflowError while
#: evaluating HTML schema"); one short run needs only the quick compiler and the simplest collector
#: (2.2 s of CPU for the book instead of 5.6 s, measured).
VNU_JAVA_OPTIONS = ["-Xss2m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]
#: WCAG 2.1 and 2.2, A and AA, and Deque's best practices (landmarks, headings, ...).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
LOCAL_HOST = "127.0.0.1"
#: Schemes a page may load from without a network request.
INLINE_SCHEMES = {"data", "blob", "about"}


# --------------------------------------------------------------------------- set-up

def ensure_chromium():
    """Debian's Chromium; installed with apt-get (as root) where missing (barneskit.outputs.programs)."""
    return ensure_programs("chromium")["chromium"]


def ensure_node_packages():
    """axe-core and vnu-jar as pinned in package-lock.json; `npm ci` puts them in tests/browser/node_modules."""
    if not (AXE_JS.exists() and VNU_JAR.exists()):
        npm = shutil.which("npm")
        if npm is None:
            raise RuntimeError("npm is missing: install Node.js 20 (it ships npm) to fetch axe-core and vnu-jar")
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True)


def ensure_axe():
    """axe-core's source, to inject into each page."""
    ensure_node_packages()
    return AXE_JS.read_text(encoding="utf-8")


def ensure_vnu():
    """The command that runs the Nu HTML Checker: Java (Debian's default-jre-headless, installed
    with apt-get as root where missing) and the jar from vnu-jar."""
    ensure_node_packages()
    java = ensure_programs("java")["java"]
    return [java, *VNU_JAVA_OPTIONS, "-jar", str(VNU_JAR)]


def validate_html(root, pages):
    """The Nu HTML Checker's errors on ``pages`` (paths relative to ``root``), as
    ``[(page, line, message)]``; warnings and notes are left out."""
    proc = subprocess.run([*ensure_vnu(), "--errors-only", "--format", "json", "--exit-zero-always",
                           *[str(Path(root) / page) for page in pages]],
                          capture_output=True, text=True, check=True)
    errors = []
    for message in json.loads(proc.stderr or proc.stdout)["messages"]:
        url = unquote(urlsplit(message.get("url", "")).path)
        page = Path(url).relative_to(Path(root).resolve()).as_posix() if url else "?"
        errors.append((page, message.get("lastLine"), message.get("message", "")))
    return errors


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # the test report says what failed; no access log
        pass


@dataclass
class Server:
    root: Path
    httpd: ThreadingHTTPServer
    thread: threading.Thread

    @property
    def base(self):
        return f"http://{LOCAL_HOST}:{self.httpd.server_address[1]}/"

    def url(self, relpath):
        return self.base + relpath

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()


def serve(root):
    """Serve ``root`` on 127.0.0.1 on a free port, from a thread."""
    httpd = ThreadingHTTPServer((LOCAL_HOST, 0), partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    return Server(Path(root), httpd, thread)


def html_pages(root):
    """Every page of the built site, as paths relative to ``root`` (theme templates left out)."""
    root = Path(root)
    skip = ("_static/", "_sources/", "_images/")
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html")
                  if not p.relative_to(root).as_posix().startswith(skip))


def screenshot_name(relpath):
    return relpath.replace("/", "__").removesuffix(".html") + ".png"


# --------------------------------------------------------------------------- one visit

COLLECT_JS = r"""() => {
  const abs = (el, attr) => el[attr] || '';
  return {
    title: document.title,
    links: [...document.querySelectorAll('a[href], area[href], link[href]')].map(a => ({
      href: abs(a, 'href'), raw: a.getAttribute('href'),
      text: (a.textContent || a.getAttribute('rel') || '').trim().replace(/\s+/g, ' ').slice(0, 60)})),
    ids: [...document.querySelectorAll('[id]')].map(e => e.id)
          .concat([...document.querySelectorAll('a[name]')].map(e => e.getAttribute('name'))),
    images: [...document.querySelectorAll('img')].map(img => ({
      src: img.currentSrc || img.src, alt: img.getAttribute('alt'),
      figure: !!img.closest('article, .bd-article')})),
    toggles: document.querySelectorAll('button.toggle-button, details > summary').length,
    citations: document.querySelectorAll('.citation-list > .citation').length,
  };
}"""


@dataclass
class PageReport:
    page: str
    console_errors: list = field(default_factory=list)
    page_errors: list = field(default_factory=list)
    requests: list = field(default_factory=list)
    failed_requests: list = field(default_factory=list)
    axe_violations: list = field(default_factory=list)
    dom: dict = field(default_factory=dict)
    #: The same page switched to dark mode: OPACITY_JS's result, and axe's colour-contrast violations.
    dark: dict = field(default_factory=dict)
    dark_contrast: list = field(default_factory=list)
    #: The same page at a phone's width (PHONE): PHONE_JS's result.
    phone: dict = field(default_factory=dict)

    @property
    def off_host_requests(self):
        return [u for u in self.requests if not is_local(u)]


def is_local(url, allow_file=False):
    parts = urlsplit(url)
    if parts.scheme in INLINE_SCHEMES or (allow_file and parts.scheme == "file"):
        return True
    return parts.scheme in ("http", "https") and parts.hostname == LOCAL_HOST


def watch(page, report):
    """Record console errors, page errors, every request and every failed one."""
    page.on("console", lambda msg: msg.type == "error" and report.console_errors.append(
        f"{msg.text} (at {msg.location.get('url', '?')})"))
    page.on("pageerror", lambda exc: report.page_errors.append(str(exc)))
    page.on("request", lambda req: report.requests.append(req.url))
    page.on("requestfailed", lambda req: report.failed_requests.append(f"{req.url} ({req.failure})"))
    page.on("response", lambda res: res.status >= 400 and report.failed_requests.append(
        f"{res.url} (HTTP {res.status})"))


def run_axe(page, axe_source, rules=None):
    """axe-core's violations on the page as it stands, for AXE_TAGS (or only the given rules):
    [{rule, impact, help, nodes, count}]."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=axe_source)
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": AXE_TAGS}
    result = page.evaluate(
        "only => axe.run(document, {runOnly: only, resultTypes: ['violations']})", run_only)
    return [{"rule": v["id"], "impact": v["impact"], "help": v["help"],
             "nodes": [{"target": n["target"], "html": n["html"][:200]} for n in v["nodes"][:5]],
             "count": len(v["nodes"])}
            for v in result["violations"]]


#: Pages loading at once. Waiting for a quiet network takes half a second of silence per page;
#: pages that load together wait together. Each is then checked on its own.
AT_ONCE = 4


def opened(context, urls, at_once=AT_ONCE):
    """Yield (page path, Playwright page, PageReport) for each of ``urls`` ({page path: url}), once
    the page has loaded and its network has been quiet for 500 ms; requests and errors are recorded
    from the first byte. A page is closed when its batch is done."""
    items = list(urls.items())
    for start in range(0, len(items), at_once):
        batch = []
        try:
            for rel, url in items[start:start + at_once]:
                report = PageReport(rel)
                page = context.new_page()
                batch.append((rel, page, report))
                watch(page, report)
                page.goto(url, wait_until="commit")
            for rel, page, report in batch:
                page.wait_for_load_state("networkidle")
                page.bring_to_front()  # a background tab draws no frames: screenshots and rAF would wait
                yield rel, page, report
        finally:
            for _, page, _ in batch:
                page.close()


#: A phone's viewport (CSS pixels), as an iPhone 12 to 15 reports it.
PHONE = {"width": 390, "height": 844}
#: Elements whose words must never break inside a word: labels, headings, table headers.
UNBROKEN = "h1, h2, h3, h4, h5, h6, th, dt, label, caption, summary, .admonition-title, .caption-number"

PHONE_JS = """
selector => {
  const doc = document.documentElement;
  const broken = [];
  for (const el of document.querySelectorAll(selector)) {
    if (!el.getClientRects().length) continue;  // not shown (a closed dropdown, a hidden sidebar)
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const words = /[^\\s\\-\u2010-\u2015/]{2,}/g;
      for (let m = words.exec(node.textContent); m; m = words.exec(node.textContent)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push(`${el.tagName.toLowerCase()}: "${m[0]}" in "${el.textContent.trim().slice(0, 60)}"`);
      }
    }
  }
  return {scroll_width: doc.scrollWidth, width: doc.clientWidth, broken: [...new Set(broken)]};
}
"""


def check_phone(page, report):
    """The loaded page at a phone's width: how wide it scrolls, and words broken inside labels."""
    page.set_viewport_size(PHONE)
    report.phone = page.evaluate(PHONE_JS, UNBROKEN)
    return report


def check_page(page, report, axe_source, screenshot_dir=None):
    """Everything the page tests read, from one loaded page: its DOM, a screenshot, axe; then the
    same page switched to dark mode: figure opacity, colour contrast, and (for pages with a figure)
    a dark screenshot."""
    report.dom = page.evaluate(COLLECT_JS)
    name = screenshot_name(report.page)
    if screenshot_dir is not None:
        page.screenshot(path=str(Path(screenshot_dir) / name), full_page=True)
    report.axe_violations = run_axe(page, axe_source)
    switch_to_dark(page)
    report.dark = page.evaluate(OPACITY_JS)
    report.dark_contrast = run_axe(page, axe_source, rules=["color-contrast"])
    if screenshot_dir is not None and any(img["figure"] for img in report.dom["images"]):
        (Path(screenshot_dir) / "dark").mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(screenshot_dir) / "dark" / name), full_page=True)
    check_phone(page, report)
    return report


def visit_pages(context, urls, axe_source, screenshot_dir=None):
    """check_page() on every page of ``urls`` ({page path: url}): {page path: PageReport}."""
    return {rel: check_page(page, report, axe_source, screenshot_dir)
            for rel, page, report in opened(context, urls)}


def visit(context, url, relpath, axe_source, screenshot_dir=None):
    """check_page() on one page."""
    return visit_pages(context, {relpath: url}, axe_source, screenshot_dir)[relpath]


# --------------------------------------------------------------------------- checks on the data

GENERIC_ALT = {"image", "img", "figure", "picture", "photo", "graphic", "png", "jpg", "jpeg", "svg",
               "gif", "webp", "output", "plot", "chart", "logo", "icon"}
FILE_NAME_RE = re.compile(r"^[\w./-]+\.(png|jpe?g|svg|gif|webp)$", re.IGNORECASE)


def alt_problem(alt, src):
    """Why an image's alt text says nothing, or None if it says something."""
    if alt is None:
        return "no alt attribute"
    text = alt.strip()
    stem = Path(urlsplit(src).path).stem
    if not text:
        return "empty alt"
    if text.lower() in GENERIC_ALT:
        return f"generic alt {text!r}"
    if FILE_NAME_RE.match(text) or text == stem:
        return f"alt is a file name {text!r}"
    if not re.search(r"[A-Za-z]{3,}", text):
        return f"alt has no word {text!r}"
    return None


def broken_links(reports, base, root):
    """Internal links whose file is missing, or whose #anchor is not an id on the target page.

    ``reports`` maps page path -> PageReport (with its DOM's links and ids). Returns
    [(page, href, why)]."""
    ids = {rel: set(r.dom.get("ids", ())) for rel, r in reports.items()}
    problems = []
    for rel, report in reports.items():
        for link in report.dom.get("links", ()):
            href = link["href"]
            if not href.startswith(base):
                continue  # other schemes (mailto:) and external sites: not ours to resolve
            parts = urlsplit(href)
            target = unquote(parts.path[len(urlsplit(base).path):]) or "index.html"
            if target.endswith("/"):
                target += "index.html"
            if not (Path(root) / target).is_file():
                problems.append((rel, link["raw"], f"no file {target}"))
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.endswith(".html"):
                if target not in ids:
                    problems.append((rel, link["raw"], f"{target} was not visited"))
                elif fragment not in ids[target]:
                    problems.append((rel, link["raw"], f"no id {fragment!r} on {target}"))
    return problems


def summary_line(reports, broken):
    r = list(reports.values())
    return ("browser check: {} pages, {} console errors, {} page errors, {} failed requests, "
            "{} off-host requests, {} axe violations, {} broken links").format(
        len(r), sum(len(x.console_errors) for x in r), sum(len(x.page_errors) for x in r),
        sum(len(x.failed_requests) for x in r), sum(len(x.off_host_requests) for x in r),
        sum(v["count"] for x in r for v in x.axe_violations), len(broken))


# --------------------------------------------------------------------------- keyboard and dark mode

TOGGLE_STATE_JS = r"""() => {
  const el = document.activeElement;
  if (!el) return null;
  if (el.matches('button.toggle-button')) {
    const box = document.getElementById(el.dataset.target);
    return {kind: 'button', id: el.id, open: !box.classList.contains('toggle-hidden'),
            expanded: el.getAttribute('aria-expanded')};
  }
  if (el.matches('details > summary')) {
    const details = el.parentElement;
    const idx = [...document.querySelectorAll('details > summary')].indexOf(el);
    return {kind: 'details', id: 'details-' + idx, open: details.open};
  }
  return {kind: 'other'};
}"""


def keyboard_toggles(page, max_tabs=400):
    """Tab through the page; on every toggle, Enter must open it and Space close it again.

    Returns (toggles reached, problems)."""
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    reached, problems = [], []
    total = page.evaluate("() => document.querySelectorAll('button.toggle-button, details > summary').length")
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        state = page.evaluate(TOGGLE_STATE_JS)
        if not state or state["kind"] == "other" or state["id"] in reached:
            if len(reached) == total:
                break
            continue
        reached.append(state["id"])
        if state["open"]:
            problems.append(f"{state['id']} is open before any key press")
            continue
        page.keyboard.press("Enter")
        after_enter = page.evaluate(TOGGLE_STATE_JS)
        if not after_enter.get("open"):
            problems.append(f"{state['id']}: Enter did not open it")
        page.keyboard.press("Space")
        after_space = page.evaluate(TOGGLE_STATE_JS)
        if after_space.get("open"):
            problems.append(f"{state['id']}: Space did not close it again")
    missing = total - len(reached)
    if missing:
        problems.append(f"{missing} of {total} toggles never got keyboard focus")
    return reached, problems


OPACITY_JS = r"""async () => {
  const out = [];
  for (const img of document.querySelectorAll('article img, .bd-article img')) {
    if (!img.complete) await new Promise(r => { img.onload = img.onerror = r; });
    const w = img.naturalWidth, h = img.naturalHeight;
    if (!w || !h) { out.push({src: img.currentSrc, error: 'image did not load'}); continue; }
    const c = document.createElement('canvas'); c.width = w; c.height = h;
    const ctx = c.getContext('2d'); ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, w, h).data;
    let clear = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] < 255) clear++;
    out.push({src: img.currentSrc, pixels: w * h, transparent: clear});
  }
  const bg = getComputedStyle(document.body).backgroundColor;
  return {images: out, body: bg, theme: document.documentElement.dataset.theme};
}"""


def luminance(css_rgb):
    """Relative luminance (0 black .. 1 white) of a CSS rgb()/rgba() colour."""
    r, g, b = (int(float(x)) / 255 for x in re.findall(r"[\d.]+", css_rgb)[:3])
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


#: What the theme's light/dark switch does to the page: mark <html> (not localStorage, which
#: would turn the pages opened after this one dark too). The colours then change through CSS
#: transitions; the checks wait until every one has finished.
DARK_JS = r"""async () => {
  document.documentElement.dataset.theme = 'dark';
  document.documentElement.dataset.mode = 'dark';
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const finite = document.getAnimations().filter(a => isFinite(a.effect.getComputedTiming().endTime));
  await Promise.all(finite.map(a => a.finished.catch(() => null)));
}"""


def switch_to_dark(page):
    """Put a loaded page in dark mode, as a reader with a dark system setting sees it."""
    page.emulate_media(color_scheme="dark")
    page.evaluate(DARK_JS)
