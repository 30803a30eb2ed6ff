"""Fixtures for the browser tests: one Chromium, the built book served on 127.0.0.1, every page visited once.

Set-up installs what is missing: Debian's ``chromium`` (apt-get, as root) and axe-core (``npm ci``
from the committed package-lock.json). ``playwright install`` is never used.
"""
from __future__ import annotations

import json
import shutil

import pytest

from barneskit.paths import copy_sources
from barneskit.outputs.build import build

import sitecheck

ARTIFACTS = sitecheck.ARTIFACTS
SCREENSHOTS = sitecheck.SCREENSHOTS
FIXTURE_BOOK = sitecheck.HERE / "fixture_book"
#: What the fixture book's copy of the repository leaves out (big, or rebuilt anyway).

_SUMMARIES: list[str] = []


def pytest_terminal_summary(terminalreporter):
    for line in _SUMMARIES:
        terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def axe_source():
    return sitecheck.ensure_axe()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = sitecheck.ensure_chromium()
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=executable, args=sitecheck.CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def browser_context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture(scope="session")
def site(built_book):
    assert built_book["code"] == 0, "the book did not build:\n" + built_book["output"][-3000:]
    server = sitecheck.serve(built_book["html"])
    yield server
    server.stop()


def visit_all(server, context, axe_source, screenshot_dir):
    screenshot_dir.mkdir(parents=True, exist_ok=True)
    for old in [*screenshot_dir.glob("*.png"), *screenshot_dir.glob("dark/*.png")]:
        old.unlink()
    urls = {rel: server.url(rel) for rel in sitecheck.html_pages(server.root)}
    return sitecheck.visit_pages(context, urls, axe_source, screenshot_dir)


def record(name, reports, server, out_json):
    broken = sitecheck.broken_links(reports, server.base, server.root)
    line = sitecheck.summary_line(reports, broken)
    _SUMMARIES.append(f"{name}: {line}")
    out_json.parent.mkdir(parents=True, exist_ok=True)
    out_json.write_text(json.dumps({
        "summary": line,
        "broken_links": broken,
        "pages": {rel: {"console_errors": r.console_errors, "page_errors": r.page_errors,
                        "failed_requests": r.failed_requests, "off_host_requests": r.off_host_requests,
                        "axe_violations": r.axe_violations}
                  for rel, r in reports.items()},
    }, indent=1), encoding="utf-8")
    return broken


@pytest.fixture(scope="session")
def site_reports(site, browser_context, axe_source):
    """Every page of the built book, visited once: {page path: PageReport}, plus screenshots."""
    reports = visit_all(site, browser_context, axe_source, SCREENSHOTS)
    record("book", reports, site, ARTIFACTS / "browser-report.json")
    return reports


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory):
    """The fixture book (tests/browser/fixture_book) built in a copy of the repository, and served."""
    repo = tmp_path_factory.mktemp("fixture-book") / "repo"
    copy_sources(repo)
    for src in FIXTURE_BOOK.iterdir():
        shutil.copy2(src, repo / src.name)
    code, output, warnings = build(echo=False, root=repo)
    assert code == 0 and not warnings, "the fixture book did not build cleanly:\n" + output[-3000:]
    server = sitecheck.serve(repo / "_build" / "html")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def fixture_reports(fixture_site, browser_context, axe_source):
    reports = visit_all(fixture_site, browser_context, axe_source, SCREENSHOTS / "fixture-book")
    record("fixture book", reports, fixture_site, ARTIFACTS / "browser-report-fixture-book.json")
    return reports


@pytest.fixture(scope="session")
def student_site(student_html):
    """The student edition (`make student`), served."""
    server = sitecheck.serve(student_html)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def student_reports(student_site, browser_context, axe_source):
    reports = visit_all(student_site, browser_context, axe_source, SCREENSHOTS / "student-edition")
    record("student edition", reports, student_site, ARTIFACTS / "browser-report-student-edition.json")
    return reports


SITES = {"book": ("site", "site_reports"), "fixture-book": ("fixture_site", "fixture_reports"),
         "student-edition": ("student_site", "student_reports")}


@pytest.fixture(scope="session", params=list(SITES))
def any_site(request):
    """Every site, for checks that must hold on each: (server, reports)."""
    server, reports = SITES[request.param]
    return request.getfixturevalue(server), request.getfixturevalue(reports)


@pytest.fixture(scope="session", params=list(SITES))
def any_server(request):
    """Every site's server, for checks that need no visit: (name, server)."""
    return request.param, request.getfixturevalue(SITES[request.param][0])
