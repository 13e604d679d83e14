"""Evidence in Chromium: the markers by keyboard and pointer, the "evidence stale" tile of the
tracker, and staleness recomputed by date in the reader's browser (the example handbook)."""

from __future__ import annotations

from typing import Any

import pytest
from test_browser_reviews import offline, open_tracker, pretend_today, visible_rows

pytestmark = pytest.mark.browser

FOCUSED_MARKER = "document.activeElement.matches('a.pp-ev-mark')"


def tab_to_marker(page: Any, limit: int = 400) -> None:
    """Press Tab until the focus is on an evidence marker."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED_MARKER):
            return
    raise AssertionError("Tab never reached an evidence marker")


def popover_of_focus(page: Any) -> Any:
    return page.evaluate_handle(
        "document.activeElement.closest('[data-pp-ev]').querySelector('.pp-ev-pop')"
    ).as_element()


def test_tab_reaches_a_marker_and_its_sources_show_on_focus(page: Any, example_url: str) -> None:
    offline(page, example_url)
    page.goto(example_url + "personas/margie/")
    pop = page.locator("[data-pp-ev] .pp-ev-pop").first
    assert pop.is_hidden()  # nothing shows before it is asked for
    tab_to_marker(page)
    # The first marker is the pull quote's: the interviews behind it.
    name = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert name == "Evidence, 1 source: Customer interviews, February–March 2026 (20 Mar 2026)"
    shown = popover_of_focus(page)
    assert shown.is_visible()
    assert " ".join(shown.inner_text().split()) == (
        "EVIDENCE Customer interviews, February–March 2026 interviews · 20 Mar 2026"
    )
    # A visible focus ring, and the popover inside the window.
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")
    box = shown.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 1280
    # Escape hides it without moving the focus; leaving and coming back shows it again.
    page.keyboard.press("Escape")
    assert shown.is_hidden() and page.evaluate(FOCUSED_MARKER)
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(FOCUSED_MARKER) and shown.is_visible()
    # Enter follows the link to the source's entry in the research section.
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#source-interviews-2026'")
    assert page.locator("#source-interviews-2026").is_visible()
    assert page.console_errors == []


def test_hover_shows_the_sources_of_a_claim(page: Any, example_url: str) -> None:
    offline(page, example_url)
    page.goto(example_url + "personas/margie/")
    item = page.locator(".pp-section-challenges li.pp-ev-host").first
    pop = item.locator(".pp-ev-pop")
    assert pop.is_hidden()
    item.locator(".pp-ev-mark").hover()
    assert pop.is_visible()
    assert "Product analytics, trial cohort January 2026" in pop.inner_text()
    # The pointer can move onto the popover without it closing.
    pop.hover()
    assert pop.is_visible()
    page.mouse.move(0, 0)
    assert pop.is_hidden()


def test_evidence_markers_work_in_the_interactive_comparison(page: Any, example_url: str) -> None:
    offline(page, example_url)
    page.goto(example_url + "personas/compare/?p=hannah,margie")
    page.wait_for_selector(".pp-compare[data-pp-ready=ready] .pp-cmp-table")
    marks = page.locator(".pp-cmp-section-goals .pp-ev-mark")
    assert marks.count() == 4
    first = marks.first
    assert first.get_attribute("href") == "../hannah/#source-cfo-interviews-2026"
    first.focus()
    assert first.locator("xpath=..").locator(".pp-ev-pop").is_visible()
    keys = page.inner_text(".pp-cmp-key-evidence")
    assert "Head of Finance Hannah: 7 of 24 claims cite evidence · newest 30 Jun 2026" in keys
    assert page.console_errors == []


def test_tracker_tile_shows_the_evidence_stale_personas(page: Any, example_url: str) -> None:
    open_tracker(page, example_url, "?evidence=stale")
    tile = page.locator("button[data-pp-evidence-filter]")
    assert tile.get_attribute("aria-pressed") == "true"
    assert [row_id for row_id, _ in visible_rows(page)] == ["paula"]
    assert page.locator("tr[data-id=paula] [data-pp-badge]").inner_text() == "Overdue"
    assert page.locator("tr[data-id=paula] [data-pp-evidence-badge]").inner_text() == (
        "Evidence stale"
    )
    tile.click()
    assert tile.get_attribute("aria-pressed") == "false" and "evidence=" not in page.url
    assert len(visible_rows(page)) == 14
    assert page.console_errors == []


def test_evidence_goes_stale_in_the_readers_browser(page: Any, example_url: str) -> None:
    """Built on 29 November 2026; read on 2 July 2028, when Hannah's newest research (30 June
    2026) is more than two years old."""
    offline(page, example_url)
    pretend_today(page, "2028-07-02T09:00:00Z")
    page.goto(example_url + "personas/hannah/")
    line = page.locator(".pp-evidence-status")
    line.wait_for(state="visible")
    assert line.inner_text().startswith(
        "Evidence stale: the newest research (30 June 2026) is older than 2 years"
    )
    assert page.locator("#evidence-stale").is_visible()
    # The review state is still there, on its own line.
    assert page.locator("[data-pp-review-status]").is_visible()
    open_tracker(page, example_url)
    stale = page.eval_on_selector_all(
        "tr[data-evidence=stale]", "rows => rows.map(r => r.dataset.id)"
    )
    assert sorted(stale) == ["fiona", "hannah", "margie", "paula"]
    assert page.inner_text("[data-pp-evidence-tile] [data-pp-count]") == "4"
    assert page.locator("tr[data-id=hannah] [data-pp-evidence-badge]").is_visible()
    assert page.console_errors == []


@pytest.mark.parametrize("path", ["personas/fiona/", "personas/compare/?p=hannah,margie"])
def test_an_open_popover_never_pushes_a_phone_screen_sideways(
    browser: Any, example_url: str, path: str
) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    offline(page, example_url)
    page.goto(example_url + path)
    if "compare" in path:
        page.wait_for_selector(".pp-compare[data-pp-ready=ready] .pp-cmp-table")
    marks = page.locator("a.pp-ev-mark")
    assert marks.count() >= 5
    for i in range(marks.count()):
        marks.nth(i).focus()
        assert popover_of_focus(page).is_visible()
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 1, f"marker {i} pushes the page {overflow} px sideways"
    context.close()
