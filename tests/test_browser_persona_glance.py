"""Persona pages, *Start here* and the review tracker in Chromium, on a desktop and a phone.

- a persona page's first screen (1280×900) holds the summary: tagline, a quote, top goals,
  top challenges and the pitch;
- *Start here* cards and the previous/next links never squeeze their text on a phone;
- review status: one compact line above the page, the full notice in the footer;
- the tracker: count tiles filter the table (mouse and keyboard), never-reviewed journey maps
  are listed, and on a phone each row keeps its owner and due date in view.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browser_checks import offline, sideways_overflow
from conftest import FIXED_TODAY, BuildResult, run_build, serve, write_project
from test_browser_reviews import pretend_today

pytestmark = pytest.mark.browser

FIRST_SCREEN = {"width": 1280, "height": 900}
#: The day the test sites are built (conftest.FIXED_TODAY): no recomputation in the browser.
BUILD_DAY = f"{FIXED_TODAY}T12:00:00Z"


def _phone(browser: Any, width: int) -> Any:
    context = browser.new_context(viewport={"width": width, "height": 740})
    return context, context.new_page()


def _box(page: Any, selector: str) -> dict[str, float]:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} is not displayed"
    return dict(box)


def test_first_screen_holds_the_persona_summary(page: Any, example_url: str) -> None:
    offline(page, example_url)
    page.set_viewport_size(FIRST_SCREEN)
    page.goto(example_url + "personas/fiona/")
    for selector in (
        "h1#persona",
        ".pp-persona-hero .pp-avatar",
        ".pp-tagline",
        ".pp-pullquote blockquote",
        ".pp-glance-goals",
        ".pp-glance-challenges",
        ".pp-glance-pitch",
    ):
        box = _box(page, selector)
        assert box["y"] + box["height"] <= FIRST_SCREEN["height"], selector
    goals = page.eval_on_selector_all(".pp-glance-goals li", "ls => ls.map(l => l.innerText)")
    assert goals[0] == "Get invoices out the same day the work is delivered."
    assert len(goals) == 3
    assert page.eval_on_selector_all(".pp-glance-challenges li", "ls => ls.length") == 3
    assert page.inner_text(".pp-glance-pitch .pp-prose").startswith("Send a professional invoice")
    # The full lists follow, and the first screen links to them.
    assert page.eval_on_selector_all("#goals + ul li", "ls => ls.length") == 4
    assert page.get_attribute(".pp-glance-goals .pp-glance-more a", "href") == "#goals"
    # The page uses the width: the body starts right after the summary.
    assert _box(page, ".pp-persona-body")["y"] < FIRST_SCREEN["height"]
    assert page.console_errors == []


def test_sparse_persona_uses_the_whole_width(browser: Any, example_url: str) -> None:
    context = browser.new_context(viewport=FIRST_SCREEN)
    page = context.new_page()
    try:
        offline(page, example_url)
        page.goto(example_url + "personas/oscar/")
        body = _box(page, ".pp-persona-body")
        main = _box(page, ".pp-main")
        if page.locator(".pp-aside").count() == 0:
            assert main["width"] >= body["width"] - 1
    finally:
        context.close()


@pytest.mark.parametrize("width", [360, 375, 430])
def test_start_here_cards_stack_on_phones(browser: Any, example_url: str, width: int) -> None:
    context, page = _phone(browser, width)
    try:
        offline(page, example_url)
        page.goto(example_url + "personas/start-here/")
        widths = page.eval_on_selector_all(
            ".pp-step-text", "ts => ts.map(t => t.getBoundingClientRect().width)"
        )
        assert len(widths) == 9
        assert min(widths) >= 90, widths
        assert page.evaluate("document.documentElement.scrollHeight") < 6000
        assert sideways_overflow(page) <= 1
        # Previous and next at the bottom of a persona page: stacked, full width.
        page.goto(example_url + "personas/fiona/")
        names = page.eval_on_selector_all(
            ".pp-stepnav-name", "ns => ns.map(n => n.getBoundingClientRect().width)"
        )
        assert len(names) == 2 and min(names) >= 90, names
    finally:
        context.close()


def test_review_status_line_on_top_and_notice_in_the_footer(
    page: Any, example_url: str
) -> None:
    offline(page, example_url)
    page.goto(example_url + "personas/bruno/")
    line = page.locator("[data-pp-review-status]")
    assert line.count() == 1
    assert " ".join(line.text_content().split()) == (
        "Last reviewed 20 November 2024 — review overdue, owner @growth-team · What to do"
    )
    hero = _box(page, ".pp-persona-hero")
    assert _box(page, "[data-pp-review-status]")["y"] < hero["y"]
    # Nothing else about the review before the hero: the notice is in the footer.
    notices = page.locator("[data-pp-review-banner]")
    assert notices.count() == 1
    assert page.locator("footer.pp-persona-footer [data-pp-review-banner]").is_visible()
    assert _box(page, "[data-pp-review-banner]")["y"] > _box(page, ".pp-persona-body")["y"]
    assert page.inner_text("[data-pp-review-banner] [data-pp-todo]").startswith("To do:")
    page.click("[data-pp-review-status] a[href='#review']")
    assert page.evaluate("location.hash") == "#review"
    # A current persona: the line without the link, the notice hidden.
    page.goto(example_url + "personas/hannah/")
    assert page.inner_text("[data-pp-review-status] [data-pp-text]") == (
        "Last reviewed 14 September 2026, owner @sales-enablement"
    )
    assert page.is_hidden("[data-pp-review-status] [data-pp-more]")
    assert page.is_hidden("[data-pp-review-banner]")
    assert page.console_errors == []


def test_status_line_moves_on_with_the_date(page: Any, example_url: str) -> None:
    offline(page, example_url)
    pretend_today(page, "2027-10-01T09:00:00Z")  # Hannah's next review was 2027-09-14
    page.goto(example_url + "personas/hannah/")
    page.locator("[data-pp-review-status] [data-pp-more]").wait_for(state="visible")
    assert page.inner_text("[data-pp-review-status] [data-pp-text]") == (
        "Last reviewed 14 September 2026 — review overdue, owner @sales-enablement"
    )
    assert page.get_attribute("[data-pp-review-status]", "data-state") == "overdue"
    assert page.locator("[data-pp-review-banner]").is_visible()
    pretend_today(page, "2027-09-01T09:00:00Z")
    page.goto(example_url + "personas/hannah/")
    page.wait_for_function(
        "() => document.querySelector('[data-pp-review-status]').dataset.state === 'due-soon'"
    )
    assert page.inner_text("[data-pp-review-status] [data-pp-text]") == (
        "Last reviewed 14 September 2026 — review due in 13 days, owner @sales-enablement"
    )
    assert page.console_errors == []


def _shown_states(page: Any) -> set[str]:
    return set(
        page.eval_on_selector_all(
            "tr[data-pp-row]",
            "rs => rs.filter(r => r.offsetParent !== null).map(r => r.dataset.state)",
        )
    )


def test_tracker_tiles_filter_the_table(page: Any, example_url: str) -> None:
    offline(page, example_url)
    pretend_today(page, BUILD_DAY)
    page.goto(example_url + "reviews/")
    page.wait_for_selector("[data-pp-controls]:not([hidden])")
    overdue = page.locator("button[data-pp-state-filter=overdue]")
    assert overdue.get_attribute("aria-pressed") == "false"
    overdue.click()
    assert overdue.get_attribute("aria-pressed") == "true"
    assert _shown_states(page) == {"overdue"}
    assert "state=overdue" in page.url
    assert page.inner_text("[data-pp-shown]") == "Showing 4 of 14 items."
    assert page.is_hidden("[data-pp-retired]")
    # Keyboard: another tile with Enter, then the same one with Space to show everything.
    current = page.locator("button[data-pp-state-filter=current]")
    current.focus()
    page.keyboard.press("Enter")
    assert _shown_states(page) == {"current"}
    assert overdue.get_attribute("aria-pressed") == "false"
    page.keyboard.press(" ")
    assert current.get_attribute("aria-pressed") == "false"
    assert len(_shown_states(page)) == 3 and "state=" not in page.url
    # The tiles keep counting every state of the owner's queue.
    counts = page.eval_on_selector_all(
        ".pp-tracker-count[data-state] [data-pp-count]", "cs => cs.map(c => c.textContent)"
    )
    assert counts == ["4", "3", "7", "1"]
    # A shared link opens filtered.
    page.goto(example_url + "reviews/?state=retired")
    page.wait_for_selector("[data-pp-controls]:not([hidden])")
    assert _shown_states(page) == set()
    assert page.is_visible("[data-pp-retired]")
    assert page.console_errors == []


NEVER_JOURNEY = """\
    title: Never reviewed journey
    persona: fiona
    owner: "@cx"
    stages:
      - name: Try
    """


@pytest.fixture(scope="module")
def never_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[BuildResult, str]]:
    """The example handbook plus an owned journey map that was never reviewed."""
    project = write_project(
        tmp_path_factory.mktemp("never"),
        example=True,
        journeys={"never.yaml": NEVER_JOURNEY},
        config={"repo_url": "https://github.com/acme/handbook", "edit_uri": "edit/main/docs/"},
    )
    result = run_build(project)
    assert result.returncode == 0, result.log
    url, server = serve(result.site)
    yield result, url
    server.shutdown()


def test_never_reviewed_journeys_are_listed(page: Any, never_site: tuple[Any, str]) -> None:
    _, url = never_site
    offline(page, url)
    page.goto(url + "reviews/")
    page.wait_for_selector("[data-pp-controls]:not([hidden])")
    row = page.locator("tr[data-id=never]")
    assert row.locator("[data-pp-badge]").inner_text() == "Never reviewed"
    assert row.locator("[data-pp-when]").inner_text() == "never reviewed"
    assert row.locator("th a").first.get_attribute("href") == "../journeys/never/"
    assert row.locator(".pp-tracker-file a").get_attribute("href") == (
        "https://github.com/acme/handbook/edit/main/journeys/never.yaml"
    )
    tile = page.locator("button[data-pp-state-filter=unscheduled]")
    assert tile.inner_text().split() == ["1", "Never", "reviewed"]
    tile.click()
    assert _shown_states(page) == {"unscheduled"}
    assert page.console_errors == []


def test_tracker_on_a_phone_keeps_owner_and_due_date(browser: Any, example_url: str) -> None:
    context, page = _phone(browser, 375)
    try:
        offline(page, example_url)
        pretend_today(page, BUILD_DAY)
        page.goto(example_url + "reviews/")
        page.wait_for_selector("[data-pp-controls]:not([hidden])")
        assert sideways_overflow(page) <= 1
        for row_id in ("bruno", "fiona", "hannah"):
            row = page.locator(f"tr[data-id={row_id}]")
            for cell in (".pp-tracker-owner", ".pp-tracker-when"):
                box = row.locator(cell).bounding_box()
                assert box is not None and box["width"] >= 90, (row_id, cell, box)
                assert box["x"] >= 0 and box["x"] + box["width"] <= 375, (row_id, cell, box)
        bruno = page.locator("tr[data-id=bruno]")
        assert bruno.locator(".pp-tracker-owner").inner_text() == "@growth-team"
        assert bruno.locator(".pp-tracker-when").inner_text() == "374 days overdue"
        labels = bruno.locator("td[data-label]").evaluate_all(
            "cs => cs.map(c => getComputedStyle(c, '::before').content)"
        )
        assert labels == ['"Kind"', '"Owner"', '"Last reviewed"', '"Next review"', '"Due"']
    finally:
        context.close()
