"""The comparison page and journey maps in headless Chromium: behaviour, layout, a11y."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import REPO, BuildResult, free_port, run_build, serve, write_project

pytestmark = pytest.mark.browser

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
SHARED_CHANNEL = "Vendor webinars and on-demand demos"
PALETTE = [
    {"media": "(prefers-color-scheme: light)", "scheme": "default"},
    {"media": "(prefers-color-scheme: dark)", "scheme": "slate"},
]
NETWORK = re.compile(r"net::ERR_")


def offline(page: Any, base: str) -> None:
    """Answer requests to other hosts (web fonts) with an empty response."""
    page.route(
        lambda url: not url.startswith(base),
        lambda route: route.fulfill(status=200, body="", content_type="text/css"),
    )


def errors(page: Any) -> list[str]:
    """Console errors, without failed requests to other hosts (there are none offline)."""
    return [e for e in page.console_errors if not NETWORK.search(e)]


def open_compare(page: Any, url: str, query: str = "") -> None:
    """Open the comparison page and wait until its script has shown the picker."""
    offline(page, url)
    page.goto(url + "personas/compare/" + query)
    page.wait_for_selector(".pp-compare[data-pp-ready=ready]")


def column_names(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        ".pp-cmp-result thead .pp-cmp-name", "els => els.map(e => e.textContent)"
    )


@pytest.fixture(scope="module")
def themed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example handbook with light/dark palettes, instant navigation and a saved set.

    Material only navigates instantly when ``site_url`` matches the server, so the port is
    chosen before the build.
    """
    port = free_port()
    root = write_project(
        tmp_path_factory.mktemp("compare-themed"),
        example=True,
        config={
            "site_url": f"http://127.0.0.1:{port}/",
            "theme": {"name": "material", "palette": PALETTE, "features": ["navigation.instant"]},
        },
        plugin={
            "comparisons": [{"title": "Finance team", "personas": ["hannah", "margie", "ben"]}]
        },
    )
    result: BuildResult = run_build(root)
    assert result.returncode == 0, result.log
    url, server = serve(result.site, port)
    yield url
    server.shutdown()
    server.server_close()


# ------------------------------------------------------------------ comparison


def test_pick_two_personas_link_reload_and_history(page: Any, example_url: str) -> None:
    open_compare(page, example_url)
    assert page.locator(".pp-cmp-empty-note").inner_text() == (
        "Choose at least two personas to compare them side by side."
    )
    page.select_option("#pp-cmp-slot-0", "hannah")
    assert page.url.endswith("/personas/compare/?p=hannah")
    page.select_option("#pp-cmp-slot-1", "margie")
    assert page.url.endswith("/personas/compare/?p=hannah,margie")
    assert column_names(page) == ["Head of Finance Hannah", "Finance Manager Margie"]
    shared = page.locator(".pp-cmp-result li.pp-shared")
    assert shared.count() == 2
    assert shared.first.inner_text().startswith(SHARED_CHANNEL)
    assert shared.first.locator(".pp-badge-shared").inner_text() == "Shared"
    assert "pp-shared" not in (
        page.locator("li", has_text="Industry events").get_attribute("class") or ""
    )

    page.reload()
    page.wait_for_selector(".pp-compare[data-pp-ready=ready]")
    assert column_names(page) == ["Head of Finance Hannah", "Finance Manager Margie"]
    assert page.locator("#pp-cmp-slot-1").input_value() == "margie"

    page.go_back()
    page.wait_for_function("location.search === '?p=hannah'")
    assert column_names(page) == ["Head of Finance Hannah"]
    assert (
        page.locator(".pp-cmp-empty-note").inner_text()
        == "Choose one more persona to compare with."
    )
    page.go_forward()
    page.wait_for_function("location.search === '?p=hannah,margie'")
    assert column_names(page) == ["Head of Finance Hannah", "Finance Manager Margie"]
    assert errors(page) == []


def test_add_filter_swap_and_remove(page: Any, example_url: str) -> None:
    open_compare(page, example_url, "?p=hannah,margie")
    page.click(".pp-cmp-add")
    assert page.locator(".pp-cmp-select").count() == 3
    # Personas already compared cannot be picked twice.
    assert page.locator("#pp-cmp-slot-2 option[value=hannah]").is_disabled()
    page.fill(".pp-cmp-filter-input", "procurement")
    page.wait_for_function(
        "document.querySelectorAll('#pp-cmp-slot-2 option[value]:not([value=\"\"])').length === 1"
    )
    page.select_option("#pp-cmp-slot-2", "paula")
    assert page.url.endswith("?p=hannah,margie,paula")
    assert column_names(page)[-1] == "Procurement Paula"
    page.fill(".pp-cmp-filter-input", "")
    # Swap Margie for Ian in place.
    page.select_option("#pp-cmp-slot-1", "ian")
    assert page.url.endswith("?p=hannah,ian,paula")
    # Remove the first one.
    page.click("button[aria-label='Remove persona 1']")
    assert page.url.endswith("?p=ian,paula")
    assert column_names(page) == ["IT Admin Ian", "Procurement Paula"]
    for _ in range(2):
        page.click(".pp-cmp-add")
    assert page.locator(".pp-cmp-select").count() == 4
    assert page.locator(".pp-cmp-add").is_hidden()  # four at most
    assert errors(page) == []


def test_unknown_and_duplicate_ids_in_the_link(page: Any, example_url: str) -> None:
    open_compare(page, example_url, "?p=hannah,hanah,hannah,ian")
    assert page.locator(".pp-cmp-status").inner_text() == "No persona with id 'hanah'."
    assert page.url.endswith("?p=hannah,ian")
    assert column_names(page) == ["Head of Finance Hannah", "IT Admin Ian"]


def test_hide_shared_items(page: Any, example_url: str) -> None:
    open_compare(page, example_url, "?p=hannah,margie")
    item = page.locator(".pp-cmp-result li.pp-shared").first
    assert item.is_visible()
    page.click(".pp-cmp-result label.pp-cmp-diff-label")
    assert item.is_hidden()
    assert page.locator(".pp-cmp-result li", has_text="Industry events").is_visible()


def test_dynamic_table_matches_the_static_comparison_set(page: Any, themed: str) -> None:
    """compare.js and the Jinja template produce the same table."""

    def structure() -> list[str]:
        return page.eval_on_selector(
            ".pp-cmp-view",
            """view => Array.from(view.querySelectorAll('*')).map(e =>
                e.tagName + '.' + Array.from(e.classList).sort().join('.') +
                ['headers', 'id', 'colspan', 'scope', 'for', 'style']
                  .map(a => e.hasAttribute(a) ? ' ' + a + '=' + e.getAttribute(a)
                    .replace(/pp-cmp-set/g, 'pp-cmp') : '').join('') +
                ['href', 'src']
                  .map(a => e.hasAttribute(a) ? ' ' + a + '=' +
                    new URL(e.getAttribute(a), location.href).pathname : '').join('') +
                (e.children.length ? '' : ' :: ' + e.textContent.replace(/\\s+/g, ' ').trim()))""",
        )

    offline(page, themed)
    page.goto(themed + "personas/compare/finance-team/")
    static = structure()
    open_compare(page, themed, "?p=hannah,margie,ben")
    dynamic = structure()
    assert dynamic == static
    assert len(dynamic) > 300


def test_instant_navigation_starts_the_comparison(page: Any, themed: str) -> None:
    offline(page, themed)
    page.goto(themed + "journeys/")
    # Material intercepts clicks only once it has read sitemap.xml: a click before that (a
    # busy machine) is an ordinary page load.
    page.wait_for_load_state("networkidle")
    # Follow the (collapsed) navigation link: Material loads the page without a reload.
    page.evaluate("window.ppMarker = 1")
    page.eval_on_selector("nav.md-nav--primary a[href$='/personas/compare/']", "a => a.click()")
    page.wait_for_selector(".pp-compare[data-pp-ready=ready]")
    page.select_option("#pp-cmp-slot-0", "ben")
    page.select_option("#pp-cmp-slot-1", "carla")
    assert column_names(page) == ["Bookkeeper Ben", "Council Clerk Carla"]
    assert page.evaluate("window.ppMarker") == 1  # still the same document
    # Back to the index and forward again: the comparison starts afresh.
    page.go_back()
    page.go_back()
    page.go_back()
    page.wait_for_selector(".pp-jcard")
    page.go_forward()
    page.wait_for_selector(".pp-compare[data-pp-ready=ready]")
    assert page.evaluate("window.ppMarker") == 1
    assert errors(page) == []


# ------------------------------------------------------------------ journeys


def test_journey_curve_is_visible_and_lines_up_with_the_stages(page: Any, example_url: str) -> None:
    offline(page, example_url)
    page.goto(example_url + "journeys/team-evaluation/")
    svg = page.locator("svg.pp-emo")
    assert svg.is_visible()
    box = svg.bounding_box()
    assert box["width"] > 500 and box["height"] > 100
    # Each point sits under the centre of its stage column.
    centres = page.eval_on_selector_all(
        "th.pp-jmap-stage",
        "els => els.map(e => { const r = e.getBoundingClientRect(); return r.x + r.width / 2; })",
    )
    points = page.eval_on_selector_all(
        "g.pp-emo-series[data-persona=hannah] use.pp-emo-point",
        "els => els.map(e => { const r = e.getBoundingClientRect(); return r.x + r.width / 2; })",
    )
    assert len(points) == len(centres) == 7
    assert all(abs(p - c) < 2 for p, c in zip(points, centres, strict=True))
    # The lane labels stay in view while the map scrolls sideways.
    label = page.locator("tr.pp-lane-actions th")
    before = label.bounding_box()["x"]
    # (Full width, a 7-stage map is a little wider than the window: scroll to its end.)
    page.eval_on_selector(".pp-jmap-scroll", "e => { e.scrollLeft = e.scrollWidth; }")
    assert page.eval_on_selector(".pp-jmap-scroll", "e => e.scrollLeft") > 100
    assert abs(label.bounding_box()["x"] - before) < 1
    assert errors(page) == []


def test_emotion_data_table_opens(page: Any, example_url: str) -> None:
    offline(page, example_url)
    page.goto(example_url + "journeys/fiona-first-invoice-future/")
    table = page.locator("details.pp-emo-data table")
    assert table.is_hidden()
    page.click("details.pp-emo-data summary")
    assert table.is_visible()
    assert table.locator("tbody tr").first.inner_text().split("\t") == [
        "Sign up",
        "0 (neutral)",
        "+1 (positive)",
    ]


# ------------------------------------------------------------------ layout and schemes

PAGES = [
    "personas/compare/?p=hannah,margie,ben,ian",
    "personas/compare/?p=hannah,margie",
    "personas/compare/finance-team/",
    "journeys/team-evaluation/",
    "journeys/",
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_horizontal_overflow_on_a_phone(browser: Any, themed: str, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    try:
        offline(page, themed)
        for path in PAGES:
            page.goto(themed + path)
            if "compare/?" in path:
                page.wait_for_selector(".pp-compare[data-pp-ready=ready] .pp-cmp-table")
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 375, f"{path} is {width}px wide"
    finally:
        context.close()


def test_dark_scheme_colours(browser: Any, themed: str) -> None:
    def read(scheme: str) -> dict[str, Any]:
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        try:
            offline(page, themed)
            page.goto(themed + "journeys/team-evaluation/")
            return page.evaluate(
                """() => {
                  const style = s => getComputedStyle(document.querySelector(s));
                  return {
                    scheme: document.body.getAttribute('data-md-color-scheme'),
                    series: style('g.pp-emo-series.pp-series-0').color,
                    label: style('tr.pp-lane-actions th').backgroundColor,
                    text: style('tr.pp-lane-actions th').color,
                  };
                }"""
            )
        finally:
            context.close()

    def luminance(colour: str) -> float:
        r, g, b = (int(x) for x in re.findall(r"\d+", colour)[:3])
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255

    light, dark = read("light"), read("dark")
    assert (light["scheme"], dark["scheme"]) == ("default", "slate")
    assert light["series"] != dark["series"]
    assert luminance(light["label"]) > 0.8 and luminance(dark["label"]) < 0.3
    assert luminance(light["text"]) < 0.5 < luminance(dark["text"])


# ------------------------------------------------------------------ accessibility


def axe_violations(page: Any) -> list[str]:
    """Serious and critical axe-core violations in the page content.

    The theme's own chrome (search dialog, footer) is outside ``.md-content``; the review
    banner is checked by the review tracker's tests.
    """
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """axe.run({include: [['.md-content']]},
                   {resultTypes: ['violations']})"""
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(n["target"][0] if n["target"] else "?" for n in v["nodes"][:5])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize(
    ("path", "scheme"),
    [
        ("personas/compare/?p=hannah,margie", "light"),
        ("personas/compare/?p=hannah,margie", "dark"),
        ("journeys/team-evaluation/", "light"),
        ("journeys/fiona-first-invoice-future/", "dark"),
        ("journeys/", "light"),
    ],
)
def test_axe_finds_no_serious_problems(browser: Any, themed: str, path: str, scheme: str) -> None:
    if not AXE.is_file():
        pytest.fail("axe-core is missing: run scripts/test (npm install)")
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    try:
        offline(page, themed)
        page.goto(themed + path)
        if "compare" in path:
            page.wait_for_selector(".pp-compare[data-pp-ready=ready] .pp-cmp-table")
        violations = axe_violations(page)
        assert violations == [], "\n".join(violations)
    finally:
        context.close()
