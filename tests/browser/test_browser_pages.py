"""Every page of the built book, in Chromium: no errors, no requests off this machine, no broken
links, zero axe-core violations, images with real alt text, toggles that work from the keyboard
and figures that stay legible in dark mode.

The same checks run on the fixture book (tests/browser/fixture_book), which has an exercise, a
solution, a hint toggle, a figure and a bibliography even while the real book has none.
"""
import pytest

import sitecheck


def per_page(reports, attr):
    return {rel: getattr(r, attr) for rel, r in reports.items() if getattr(r, attr)}


def test_every_page_is_visited(any_site):
    server, reports = any_site
    assert reports, "no page found to visit"
    assert "index.html" in reports or "fixture-home.html" in reports
    for rel, report in reports.items():
        assert report.dom.get("title"), f"{rel} has no title"


def test_no_console_errors(any_site):
    _, reports = any_site
    assert per_page(reports, "console_errors") == {}


def test_no_page_errors(any_site):
    _, reports = any_site
    assert per_page(reports, "page_errors") == {}


def test_no_failed_requests(any_site):
    _, reports = any_site
    assert per_page(reports, "failed_requests") == {}


def test_no_request_leaves_this_machine(any_site):
    _, reports = any_site
    for rel, report in reports.items():
        assert report.requests, f"{rel}: no request recorded (the recorder is not working)"
    assert per_page(reports, "off_host_requests") == {}


def test_zero_axe_violations(any_site):
    _, reports = any_site
    found = {rel: [f"{v['rule']} ({v['impact']}, {v['count']}x): {v['help']} -- {v['nodes'][0]['target']}"
                   for v in r.axe_violations]
             for rel, r in reports.items() if r.axe_violations}
    assert found == {}


def test_every_image_has_alt_text_that_says_something(any_site):
    _, reports = any_site
    bad = {}
    for rel, report in reports.items():
        for img in report.dom["images"]:
            why = sitecheck.alt_problem(img["alt"], img["src"])
            if why:
                bad.setdefault(rel, []).append(f"{img['src']}: {why}")
    assert bad == {}


def test_every_internal_link_and_anchor_resolves(any_site):
    server, reports = any_site
    assert sum(len(r.dom["links"]) for r in reports.values()) > len(reports), "links were not collected"
    assert sitecheck.broken_links(reports, server.base, server.root) == []


def test_fixture_book_has_what_it_is_for(fixture_reports):
    """The fixture page really holds a figure, toggles and a bibliography, so the checks see them."""
    page = fixture_reports["fixture-notebook.html"]
    assert any(img["figure"] for img in page.dom["images"])
    assert page.dom["toggles"] >= 3  # the solution, the hint and the hidden plot code
    assert page.dom["citations"] >= 1


def pages_with(reports, what):
    return [rel for rel, r in reports.items()
            if (r.dom["toggles"] if what == "toggles" else any(i["figure"] for i in r.dom["images"]))]


def test_toggles_open_and_close_from_the_keyboard(any_site, browser_context):
    server, reports = any_site
    pages = pages_with(reports, "toggles")
    if not pages:
        pytest.skip("no page of this site has a toggle yet")
    problems = {}
    for rel, page, _ in sitecheck.opened(browser_context, {rel: server.url(rel) for rel in pages}):
        reached, found = sitecheck.keyboard_toggles(page)
        assert reached, f"{rel}: Tab never reached a toggle"
        if found:
            problems[rel] = found
    assert problems == {}


def test_every_page_switches_to_dark_mode(any_site):
    """The dark-mode checks below are only worth something if the page really turned dark."""
    _, reports = any_site
    light = {rel: r.dark for rel, r in reports.items()
             if r.dark.get("theme") != "dark" or sitecheck.luminance(r.dark["body"]) >= 0.1}
    assert light == {}


def test_figures_stay_legible_in_dark_mode(any_site):
    _, reports = any_site
    pages = pages_with(reports, "figures")
    if not pages:
        pytest.skip("no page of this site has a figure yet")
    problems = {}
    for rel in pages:
        images = reports[rel].dark["images"]
        assert images, f"{rel}: no figure found in dark mode"
        for img in images:
            if img.get("error") or img["transparent"]:
                problems.setdefault(rel, []).append(img)
    assert problems == {}, "figures need an opaque background to be legible on a dark page"


def test_text_keeps_its_contrast_in_dark_mode(any_site):
    _, reports = any_site
    found = {rel: [f"{v['count']}x, e.g. {v['nodes'][0]['html'][:120]}" for v in r.dark_contrast]
             for rel, r in reports.items() if r.dark_contrast}
    assert found == {}


# --- at a phone's width (sitecheck.PHONE, 390 px): the same visit, the viewport narrowed -----------

def test_no_page_scrolls_sideways_on_a_phone(any_site):
    _, reports = any_site
    wide = {rel: f"{r.phone['scroll_width']} px wide in a {r.phone['width']} px screen"
            for rel, r in reports.items() if r.phone["scroll_width"] > r.phone["width"]}
    assert wide == {}


def test_no_label_heading_or_table_header_breaks_inside_a_word_on_a_phone(any_site):
    _, reports = any_site
    assert {rel: r.phone["broken"] for rel, r in reports.items() if r.phone["broken"]} == {}
