"""The comparison at a glance, in headless Chromium: the persona header stays in view, the
differences are marked and summed up, nothing shifts while the page builds, names in the
matrix wrap between words, and printing keeps the chosen personas. Also the gallery's
layout shift."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browser_checks import layout_shift, offline, watch_layout_shift

pytestmark = pytest.mark.browser

PAIR = "personas/compare/?p=hannah,margie"
TRIO = "personas/compare/?p=hannah,margie,ben"
HEIGHT = {1280: 900, 375: 740}
#: Makes every fetch() answer late, as on a slow network: the comparison data arrives
#: well after the first paint.
SLOW_FETCH = """
(() => {
  const original = window.fetch.bind(window);
  window.fetch = (...args) =>
    new Promise(resolve => setTimeout(resolve, 700)).then(() => original(...args));
})();
"""


@pytest.fixture
def open_page(browser: Any, example_url: str) -> Iterator[Any]:
    """Open a page of the example handbook at a width (and scheme); waits for compare.js."""
    contexts: list[Any] = []

    def opener(path: str, width: int = 1280, *, slow: bool = False, shift: bool = False) -> Any:
        context = browser.new_context(viewport={"width": width, "height": HEIGHT[width]})
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda exc: page.errors.append(str(exc)))
        offline(page, example_url)
        if shift:
            watch_layout_shift(page)
        if slow:
            page.add_init_script(SLOW_FETCH)
        page.goto(example_url + path)
        if "compare/?" in path:
            page.wait_for_selector(".pp-compare[data-pp-ready=ready] .pp-cmp-table")
        return page

    yield opener
    for context in contexts:
        context.close()


def header_top(page: Any) -> float:
    """Where Material's header ends (the sticky persona header sits right below it)."""
    return float(page.eval_on_selector(".md-header", "e => e.getBoundingClientRect().bottom"))


@pytest.mark.parametrize("width", [1280, 375])
def test_persona_header_stays_in_view_while_scrolling(open_page: Any, width: int) -> None:
    page = open_page(PAIR, width)
    heads = page.locator(".pp-cmp-result thead th")
    page.locator(".pp-cmp-result tbody.pp-cmp-section-challenges").scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, 400)")
    page.wait_for_timeout(100)
    assert page.evaluate("window.scrollY") > 1000
    top = header_top(page)
    for i in range(2):
        box = heads.nth(i).bounding_box()
        assert abs(box["y"] - top) < 2, (i, box, top)
    # The header shows the avatar, the name and the type badge with its colours.
    first = heads.first
    assert first.locator(".pp-cmp-name").inner_text() == "Head of Finance Hannah"
    assert first.locator(".pp-cmp-avatar").is_visible()
    badge = first.locator(".pp-cmp-type-decision-maker")
    assert badge.inner_text() == "Decision-maker"
    colours = page.evaluate(
        """() => [...document.querySelectorAll('.pp-cmp-result thead .pp-cmp-type')]
             .map(e => getComputedStyle(e).color)"""
    )
    assert len(set(colours)) == 2  # a decision-maker and a buyer, in two colours
    # Nothing else is drawn over the header.
    name_box = first.locator(".pp-cmp-name").bounding_box()
    hit = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('thead') !== null",
        [name_box["x"] + name_box["width"] / 2, name_box["y"] + name_box["height"] / 2],
    )
    assert hit
    assert page.errors == []


def test_header_sticks_inside_a_table_that_scrolls_on_its_own(open_page: Any) -> None:
    """Three personas do not fit a phone: the table scrolls both ways in its own box, and
    its header row stays at the top of that box."""
    page = open_page(TRIO, 375)
    box = page.locator(".pp-cmp-result .pp-cmp-scroll")
    box.scroll_into_view_if_needed()
    page.eval_on_selector(".pp-cmp-result .pp-cmp-scroll", "e => { e.scrollTop = 900; }")
    assert page.eval_on_selector(".pp-cmp-result .pp-cmp-scroll", "e => e.scrollTop") > 500
    head = page.locator(".pp-cmp-result thead th").first.bounding_box()
    assert abs(head["y"] - box.bounding_box()["y"]) < 3
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_differing_cells_are_marked(open_page: Any) -> None:
    page = open_page(PAIR)
    cells = page.locator(".pp-cmp-result td.pp-cmp-differs")
    assert cells.count() > 10
    # A bar beside the cell (not colour alone: the row label says "Differs", and each cell
    # carries a text for screen readers).
    first = cells.first
    assert "inset" in first.evaluate("e => getComputedStyle(e).boxShadow")
    assert first.locator(".pp-sr-differs").inner_text() == "(differs between the personas)"
    assert (
        not first.locator(".pp-sr-differs").is_visible()
        or first.locator(".pp-sr-differs").bounding_box()["width"] <= 1
    )
    label = page.locator(".pp-cmp-result th.pp-cmp-label", has_text="Age")
    assert label.locator(".pp-badge-differs").inner_text() == "≠\u00a0Differs" or (
        label.locator(".pp-badge-differs").inner_text() == "Differs"
    )
    assert label.locator(".pp-badge-differs").is_visible()
    # List sections say how much is in common; shared items keep their "Shared" badge.
    channels = page.locator(".pp-cmp-result tbody.pp-cmp-section-channels th").first
    assert channels.locator(".pp-cmp-overlap").inner_text() == "1 of 8 in common"
    assert page.locator(".pp-cmp-result li.pp-shared .pp-badge-shared").count() == 2
    # Hiding shared items leaves the differences.
    page.click(".pp-cmp-result label.pp-cmp-diff-label")
    assert cells.first.is_visible()


def test_key_differences_open_the_comparison(open_page: Any) -> None:
    page = open_page(PAIR, 375)
    keys = page.locator(".pp-cmp-result .pp-cmp-keys")
    assert keys.is_visible()
    top = keys.bounding_box()["y"]
    assert top < page.locator(".pp-cmp-result table").bounding_box()["y"]
    assert keys.locator("h2").inner_text() == "Key differences"
    entries = page.eval_on_selector_all(
        ".pp-cmp-result .pp-cmp-keys dl > div",
        "els => els.map(e => [e.querySelector('dt').innerText, "
        "e.querySelector('dd').innerText.replace(/\\s+/g, ' ').trim()])",
    )
    assert entries[0] == [
        "Type",
        "Head of Finance Hannah Decision-maker Finance Manager Margie Buyer",
    ]
    assert dict(entries[1:]) == {
        "Goals": "0 of 8 in common",
        "Objections": "0 of 8 in common",
        "Channels": "1 of 8 in common",
        "Messaging": "0 of 19 in common",
        "Evidence": "Head of Finance Hannah: 7 of 24 claims cite evidence · newest 30 Jun 2026 "
        "Finance Manager Margie: 8 of 26 claims cite evidence · newest 31 Mar 2026",
    }
    # Picking another persona recomputes it.
    page.select_option("#pp-cmp-slot-1", "sam")
    page.wait_for_function("location.search === '?p=hannah,sam'")
    assert "Spreadsheet Loyalist Sam" in keys.locator(".pp-cmp-key-type").inner_text()


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize(
    "path", [PAIR, TRIO, "personas/compare/", "personas/", "personas/?type=buyer"]
)
def test_no_layout_shift_while_the_page_builds(open_page: Any, path: str, width: int) -> None:
    """The comparison data arrives late (a slow network) and the gallery's filters appear:
    nothing on screen moves by more than 0.1 (CLS)."""
    page = open_page(path, width, slow=True, shift=True)
    if path.startswith("personas/?") or path == "personas/":
        page.wait_for_selector("form.pp-filters:not([hidden])")
    else:
        page.wait_for_selector(".pp-compare[data-pp-ready=ready]")
    shift = layout_shift(page, 500)
    assert shift < 0.1, f"{path} at {width}px shifts by {shift:.3f}"
    assert page.errors == []


@pytest.mark.parametrize("width", [1280, 375])
def test_matrix_names_wrap_between_words(open_page: Any, width: int) -> None:
    page = open_page("personas/compare/", width)
    broken = page.evaluate(
        """() => {
          const out = [];
          for (const a of document.querySelectorAll('.pp-matrix th[scope=row] a')) {
            const node = a.firstChild;
            for (const m of node.textContent.matchAll(/[^\\s-]+/g)) {
              const range = document.createRange();
              range.setStart(node, m.index);
              range.setEnd(node, m.index + m[0].length);
              const lines = new Set([...range.getClientRects()]
                .filter(r => r.width > 0).map(r => Math.round(r.top)));
              if (lines.size > 1) out.push(m[0]);
            }
          }
          return out;
        }"""
    )
    assert page.locator(".pp-matrix th[scope=row] a").count() == 9
    assert broken == []


def test_print_keeps_the_chosen_comparison(open_page: Any) -> None:
    page = open_page(TRIO)
    page.emulate_media(media="print")
    names = page.locator(".pp-cmp-result thead .pp-cmp-name")
    assert [names.nth(i).inner_text() for i in range(3)] == [
        "Head of Finance Hannah",
        "Finance Manager Margie",
        "Bookkeeper Ben",
    ]
    assert all(names.nth(i).is_visible() for i in range(3))
    assert page.locator(".pp-cmp-result .pp-cmp-keys").is_visible()
    assert page.locator(".pp-cmp-result td.pp-cmp-differs").first.is_visible()
    for control in (".pp-cmp-picker", ".pp-cmp-diff-label", ".pp-cmp-filter-input"):
        assert page.locator(control).first.is_hidden(), control
    # The header does not stick on paper, and the table is not cut off at the side.
    assert (
        page.eval_on_selector(".pp-cmp-result thead th", "e => getComputedStyle(e).position")
        == "static"
    )
    assert (
        page.eval_on_selector(".pp-cmp-result .pp-cmp-scroll", "e => getComputedStyle(e).overflowX")
        == "visible"
    )
    pdf = page.pdf()
    assert len(pdf) > 10_000
