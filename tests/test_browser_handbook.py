"""The handbook in a real browser: gallery filters, search, dark mode, images, instant nav."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import BuildResult, free_port, run_build, serve, write_project

pytestmark = pytest.mark.browser

PALETTE = [
    {
        "media": "(prefers-color-scheme: light)",
        "scheme": "default",
        "toggle": {"icon": "material/brightness-7", "name": "Switch to dark mode"},
    },
    {
        "media": "(prefers-color-scheme: dark)",
        "scheme": "slate",
        "toggle": {"icon": "material/brightness-4", "name": "Switch to light mode"},
    },
]


def offline(page: Any, base: str) -> None:
    """Answer requests to other hosts (web fonts) with an empty response."""
    page.route(
        lambda url: not url.startswith(base),
        lambda route: route.fulfill(status=200, body="", content_type="text/css"),
    )


def visible_cards(page: Any) -> list[str]:
    """Names of the gallery cards currently shown."""
    return page.eval_on_selector_all(
        "article.pp-card:not([hidden]) .pp-card-link", "els => els.map(e => e.textContent.trim())"
    )


def open_gallery(page: Any, url: str, query: str = "") -> None:
    """Open the gallery and wait until its script has shown the filters."""
    offline(page, url)
    page.goto(url + "personas/" + query)
    page.wait_for_selector("form.pp-filters:not([hidden])")


@pytest.fixture(scope="module")
def themed_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example handbook with a light/dark palette toggle and instant navigation (with
    ``site_url`` naming the server, without which Material loads every page in full)."""
    port = free_port()
    root = write_project(
        tmp_path_factory.mktemp("themed"),
        example=True,
        config={
            "site_url": f"http://127.0.0.1:{port}/",
            "theme": {"name": "material", "palette": PALETTE, "features": ["navigation.instant"]},
        },
    )
    result: BuildResult = run_build(root)
    assert result.returncode == 0, result.log
    url, server = serve(result.site, port)
    yield url
    server.shutdown()
    server.server_close()


def test_filter_by_type_updates_url_and_survives_reload(page: Any, example_url: str) -> None:
    open_gallery(page, example_url)
    assert len(visible_cards(page)) == 10
    page.click("button[data-type-choice='buyer']")
    assert visible_cards(page) == ["Finance Manager Margie", "Freelancer Fiona"]
    assert page.get_attribute("button[data-type-choice='buyer']", "aria-pressed") == "true"
    assert page.text_content("[data-pp-count]") == "2 personas"
    assert re.search(r"\?type=buyer$", page.url)
    page.reload()
    page.wait_for_selector("form.pp-filters:not([hidden])")
    assert visible_cards(page) == ["Finance Manager Margie", "Freelancer Fiona"]
    assert page.get_attribute("button[data-type-choice='buyer']", "aria-pressed") == "true"
    page.click("button[data-type-choice='']")
    assert len(visible_cards(page)) == 10
    assert page.url.endswith("/personas/")


def test_text_filter_select_filters_and_no_match(page: Any, example_url: str) -> None:
    open_gallery(page, example_url)
    page.fill("input[name=text]", "fin")
    assert visible_cards(page) == [
        "Bookkeeper Ben",  # segment "SMB finance teams"
        "Finance Manager Margie",
        "Head of Finance Hannah",
        "Council Clerk Carla",  # tagline "Responsible Financial Officer"
        "Spreadsheet Loyalist Sam",  # segment "... finance team"
    ]
    assert page.url.endswith("?text=fin")
    # Counts per type follow the other filters.
    assert page.text_content("[data-pp-type-count='buyer']") == "1"
    page.select_option("select[name=market]", "b2b")
    assert "market=b2b" in page.url and "text=fin" in page.url
    assert "Council Clerk Carla" not in visible_cards(page)
    page.reload()
    page.wait_for_selector("form.pp-filters:not([hidden])")
    assert page.input_value("input[name=text]") == "fin"
    assert not page.eval_on_selector("#__search", "e => e.checked")  # Material search stays shut
    assert page.input_value("select[name=market]") == "b2b"
    assert len(visible_cards(page)) == 4
    page.fill("input[name=text]", "zzz nobody")
    assert visible_cards(page) == []
    assert page.is_visible("[data-pp-empty]")
    assert page.text_content("[data-pp-count]") == "0 personas"
    page.click("[data-pp-empty] [data-pp-clear]")
    assert len(visible_cards(page)) == 10
    assert not page.is_visible("[data-pp-empty]")
    assert page.url.endswith("/personas/")
    assert page.console_errors == []


def test_shared_link_with_tag_and_segment(page: Any, example_url: str) -> None:
    open_gallery(page, example_url, "?tag=power-user")
    assert visible_cards(page) == ["Bookkeeper Ben"]
    open_gallery(page, example_url, "?segment=SMB+finance+teams&type=nonsense")
    assert visible_cards(page) == ["Bookkeeper Ben"]
    assert page.get_attribute("button[data-type-choice='']", "aria-pressed") == "true"


def test_gallery_without_javascript_shows_everything(browser: Any, example_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        pg = context.new_page()
        offline(pg, example_url)
        pg.goto(example_url + "personas/?type=buyer")
        assert not pg.is_visible("form.pp-filters")
        assert pg.locator("article.pp-card").count() == 10
        assert all(pg.locator("article.pp-card").nth(i).is_visible() for i in range(10))
    finally:
        context.close()


def test_search_finds_a_persona_by_an_objection(page: Any, example_url: str) -> None:
    offline(page, example_url)
    page.goto(example_url + "personas/")
    page.click(".md-search__input")
    page.wait_for_function(
        "() => !/initiali[sz]ing/i.test("
        "document.querySelector('.md-search-result__meta')?.textContent || 'initializing')"
    )
    page.keyboard.type("logs me out every hour")
    page.wait_for_selector(".md-search-result__item a")
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item a", "els => els.map(e => e.getAttribute('href'))"
    )
    assert any(re.search(r"personas/ben/(#objections)?$", h) for h in hrefs), hrefs


def test_persona_page_has_no_errors_and_no_broken_images(page: Any, example_url: str) -> None:
    for persona in ("margie", "ben", "bruno"):
        offline(page, example_url)
        page.goto(example_url + f"personas/{persona}/")
        page.wait_for_load_state("load")
        broken = page.evaluate(
            """async () => {
                const images = [...document.querySelectorAll("img")];
                for (const img of images) { img.loading = "eager"; }
                await Promise.all(images.map(img => img.decode().catch(() => null)));
                return images.filter(img => !(img.naturalWidth > 0)).map(img => img.src);
            }"""
        )
        assert broken == [], persona
        assert page.is_visible("button[data-pp-print]")  # shown by the script
    assert page.console_errors == []


def test_icons_are_painted_and_related_personas_fit_a_phone(page: Any, example_url: str) -> None:
    """Icons are CSS masks in the text colour; the related list stacks on a 375 px screen."""
    page.set_viewport_size({"width": 375, "height": 800})
    offline(page, example_url)
    page.goto(example_url + "personas/margie/")
    page.wait_for_load_state("load")
    icons = page.evaluate(
        """() => [...document.querySelectorAll(".pp-persona .pp-icon")].map(el => {
            const style = getComputedStyle(el);
            const box = el.getBoundingClientRect();
            return {cls: el.className, mask: style.maskImage || style.webkitMaskImage,
                    bg: style.backgroundColor, color: style.color, w: box.width, h: box.height};
        })"""
    )
    assert len(icons) >= 4, icons
    for icon in icons:
        assert icon["mask"].startswith('url("data:image/svg+xml'), icon
        assert icon["bg"] == icon["color"] and icon["w"] >= 10 and icon["h"] >= 10, icon
    items = page.locator(".pp-section-related li.pp-related-item")
    assert items.count() == 3
    for i in range(3):
        box = items.nth(i).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.emulate_media(forced_colors="active")  # Windows high contrast: system text colour
    forced = page.evaluate(
        """() => {
            const probe = document.createElement("span");
            probe.style.color = "CanvasText";
            document.body.append(probe);
            const text = getComputedStyle(probe).color;
            const icon = getComputedStyle(document.querySelector(".pp-persona .pp-icon"));
            return [icon.backgroundColor, text];
        }"""
    )
    assert forced[0] == forced[1], forced
    assert page.console_errors == []


def test_dark_mode_changes_card_colours(page: Any, themed_url: str) -> None:
    open_gallery(page, themed_url)

    def colours() -> list[str]:
        return page.eval_on_selector(
            "article.pp-card",
            "el => { const s = getComputedStyle(el); "
            "return [s.backgroundColor, s.color, s.borderTopColor]; }",
        )

    scheme = "body[data-md-color-scheme]"
    assert page.get_attribute(scheme, "data-md-color-scheme") == "default"
    light = colours()
    page.click("label.md-header__button[for='__palette_1']")
    page.wait_for_selector("body[data-md-color-scheme='slate']")
    dark = colours()
    assert all(a != b for a, b in zip(light, dark, strict=True)), (light, dark)
    assert page.console_errors == []


def test_filters_work_after_instant_navigation(page: Any, themed_url: str) -> None:
    offline(page, themed_url)
    page.goto(themed_url + "personas/margie/")
    page.evaluate("window.ppMarker = 1")
    page.click(".pp-crumbs a.pp-crumb")  # back to the gallery without a page load
    page.wait_for_selector("form.pp-filters:not([hidden])")
    page.click("button[data-type-choice='negative']")
    assert visible_cards(page) == ["Bargain-hunter Bruno"]
    assert page.url.endswith("personas/?type=negative")
    page.click("article.pp-card:not([hidden]) .pp-card-link")
    page.wait_for_selector(".pp-persona-hero h1:has-text('Bargain-hunter Bruno')")
    # The print button is shown by the page script once it has run on the new page.
    page.wait_for_selector("button[data-pp-print]", state="visible", timeout=5000)
    assert page.evaluate("window.ppMarker") == 1  # both steps without a page load
    assert page.console_errors == []


def test_persona_prints_on_one_page(page: Any, example_url: str) -> None:
    offline(page, example_url)
    page.goto(example_url + "personas/margie/")  # the fullest example persona
    page.emulate_media(media="print")
    hidden = page.evaluate(
        """() => [".md-header", ".md-sidebar--primary", ".md-footer", ".pp-stepnav",
                  ".pp-crumbs", ".pp-footer-actions"].map(
            s => getComputedStyle(document.querySelector(s)).display)"""
    )
    assert set(hidden) == {"none"}
    assert page.is_visible(".pp-persona-hero img.pp-avatar")
    assert page.is_visible("#demographics")
    assert page.eval_on_selector(".pp-persona-body", "e => getComputedStyle(e).columnCount") == "2"
    pdf = page.pdf(format="A4", print_background=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
