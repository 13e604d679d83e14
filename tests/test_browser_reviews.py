"""The review tracker and banners in Chromium: owner filter, grouped view, later dates."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import unquote

import pytest

pytestmark = pytest.mark.browser


def offline(page: Any, base: str) -> None:
    """Answer requests to other hosts (web fonts) with an empty response."""
    page.route(
        lambda url: not url.startswith(base),
        lambda route: route.fulfill(status=200, body="", content_type="text/css"),
    )


def pretend_today(page: Any, iso_datetime: str) -> None:
    """Make ``new Date()`` and ``Date.now()`` return ``iso_datetime`` in the page."""
    script = """
        (() => {
          const fixed = new Date(ISO).getTime();
          const RealDate = Date;
          class FakeDate extends RealDate {
            constructor(...args) {
              if (args.length === 0) { super(fixed); } else { super(...args); }
            }
            static now() { return fixed; }
          }
          window.Date = FakeDate;
        })();
    """
    page.add_init_script(script.replace("ISO", json.dumps(iso_datetime)))


def visible_rows(page: Any) -> list[tuple[str, str]]:
    """(id, owner) of the tracker rows currently shown."""
    return [
        tuple(row)
        for row in page.eval_on_selector_all(
            "tr[data-pp-row]",
            "rows => rows.filter(r => r.offsetParent !== null)"
            ".map(r => [r.dataset.id, r.dataset.owner])",
        )
    ]


def open_tracker(page: Any, url: str, query: str = "") -> None:
    offline(page, url)
    page.goto(url + "reviews/" + query)
    page.wait_for_selector("[data-pp-controls]:not([hidden])")


def test_owner_filter_and_grouped_view(page: Any, example_url: str) -> None:
    open_tracker(page, example_url)
    assert len(visible_rows(page)) == 14
    page.select_option("select[data-pp-owner]", "@growth-team")
    rows = visible_rows(page)
    assert [row_id for row_id, _ in rows] == [
        "bruno", "fiona", "fiona-first-invoice", "stella", "fiona-first-invoice-future"
    ]
    assert {owner for _, owner in rows} == {"@growth-team"}
    assert unquote(page.url).endswith("reviews/?owner=@growth-team")
    assert page.inner_text("[data-pp-shown]") == "Showing 5 of 14 items."
    counts = page.eval_on_selector_all(
        ".pp-tracker-count[data-state] [data-pp-count]", "cs => cs.map(c => c.textContent)"
    )
    assert counts == ["1", "1", "3", "0"]  # the owner's own queue
    # The retired section only lists the owner's retired personas (none here).
    assert page.is_hidden("[data-pp-retired]")

    # A shared link opens with the filter applied, whatever the case of the owner.
    page.goto(example_url + "reviews/?owner=@Sales-Enablement")
    page.wait_for_selector("[data-pp-controls]:not([hidden])")
    assert page.eval_on_selector("select[data-pp-owner]", "s => s.value") == "@sales-enablement"
    assert [row_id for row_id, _ in visible_rows(page)] == ["paula", "team-evaluation", "hannah"]

    # Grouped by owner: one group per owner, in the order of the owners' names.
    page.select_option("select[data-pp-owner]", "")
    page.click("button[data-pp-view=owner]")
    assert "view=owner" in page.url and "owner=" not in page.url.replace("view=owner", "")
    heads = page.eval_on_selector_all(
        "tr.pp-tracker-group-head", "hs => hs.map(h => h.textContent)"
    )
    assert heads == [
        "@customer-success: 1 item",
        "@growth-team: 5 items",
        "@product-design: 2 items",
        "@product-marketing: 1 item",
        "@public-sector-team: 1 item",
        "@sales-enablement: 3 items",
        "@solutions-engineering: 1 item",
    ]
    assert len(visible_rows(page)) == 14
    assert page.get_attribute("button[data-pp-view=owner]", "aria-pressed") == "true"
    page.click("button[data-pp-view=date]")
    assert page.eval_on_selector_all("tr.pp-tracker-group-head", "hs => hs.length") == 0
    assert visible_rows(page)[0][0] == "bruno"
    assert page.console_errors == []


def test_banner_appears_when_a_current_persona_becomes_overdue(
    page: Any, example_url: str
) -> None:
    offline(page, example_url)
    pretend_today(page, "2027-10-01T09:00:00Z")  # Hannah's next review was 2027-09-14
    page.goto(example_url + "personas/hannah/")
    banner = page.locator("[data-pp-review-banner]")
    banner.wait_for(state="visible")
    assert banner.get_attribute("data-state") == "overdue"
    assert page.inner_text("[data-pp-review-banner] [data-pp-label]") == "Overdue"
    assert page.inner_text("[data-pp-review-banner] [data-pp-text]") == (
        "This persona was last reviewed on 14 September 2026 and is 17 days overdue "
        "— owner @sales-enablement"
    )
    assert page.inner_text("[data-pp-review-banner] [data-pp-todo]").startswith(
        "To do: review the persona with its owner, then set last_reviewed in "
        "personas/hannah.yaml to the date of the review."
    )
    assert page.console_errors == []


def test_banner_keeps_the_build_text_on_the_build_day(page: Any, example_url: str) -> None:
    offline(page, example_url)
    pretend_today(page, "2026-11-29T23:30:00Z")
    page.goto(example_url + "personas/ian/")
    mutated = page.evaluate(
        """() => new Promise(resolve => {
             const banner = document.querySelector('[data-pp-review-banner]');
             const seen = [];
             new MutationObserver(m => seen.push(m.length)).observe(
               banner, {subtree: true, childList: true, characterData: true, attributes: true});
             setTimeout(() => resolve(seen.length), 300);
           })"""
    )
    assert mutated == 0
    assert page.inner_text("[data-pp-review-banner] [data-pp-text]") == (
        "This persona was last reviewed on 10 June 2025 and is 172 days overdue "
        "— owner @solutions-engineering"
    )
    page.goto(example_url + "personas/hannah/")
    assert page.is_hidden("[data-pp-review-banner]")
    assert page.console_errors == []


def test_due_soon_banner_and_tracker_move_on_with_the_date(page: Any, example_url: str) -> None:
    offline(page, example_url)
    pretend_today(page, "2026-12-10T08:00:00Z")  # Ben was due on 2026-12-08
    page.goto(example_url + "personas/ben/")
    assert page.inner_text("[data-pp-review-banner] [data-pp-text]") == (
        "This persona was last reviewed on 8 December 2025 and is 2 days overdue "
        "— owner @product-design"
    )
    assert "pp-review-banner--overdue" in page.get_attribute("[data-pp-review-banner]", "class")
    open_tracker(page, example_url)
    counts = page.eval_on_selector_all(
        ".pp-tracker-count[data-state]",
        "cs => cs.map(c => c.dataset.state + ' ' + c.querySelector('[data-pp-count]').textContent)",
    )
    assert counts == ["overdue 5", "due-soon 2", "current 7", "retired 1"]
    ben = page.locator("tr[data-id=ben]")
    assert ben.locator("[data-pp-badge]").inner_text() == "Overdue"
    assert ben.locator("[data-pp-when]").inner_text() == "2 days overdue"
    assert page.inner_text("[data-pp-asof]") == (
        "Status as of today, 10 December 2026 (this site was built on 29 November 2026)."
    )
    assert page.console_errors == []
