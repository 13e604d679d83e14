"""Pages that load only their own files, under Material's instant navigation (Chromium).

A reader who opens a documentation page first has none of the handbook's stylesheets or
scripts; moving on without a page load (``navigation.instant``) to a persona page, the
gallery, the comparison, a journey map and the tracker, and back, every page must still be
styled and its features must work: the page's stylesheets arrive with it, and its scripts,
inside the content, run again.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

import pytest
from conftest import BuildResult, free_port, run_build, serve, write_project

pytestmark = pytest.mark.browser

#: A page of the site's own documentation.
GUIDE = "# Writing personas\n\nOur guide. Then see [Margie](personas/margie.md).\n"


def offline(page: Any, base: str) -> None:
    """Answer requests to other hosts (web fonts) with an empty response."""
    page.route(
        lambda url: not url.startswith(base),
        lambda route: route.fulfill(status=200, body="", content_type="text/css"),
    )


def open_instantly(page: Any, url: str) -> None:
    """Open ``url`` and wait until instant navigation is ready.

    Material intercepts link clicks only once it has read ``sitemap.xml``; a click before
    that is an ordinary page load.
    """
    page.goto(url)
    page.wait_for_load_state("networkidle")


def follow(page: Any, href_end: str) -> None:
    """Click the navigation's link to the page whose address ends with ``href_end`` (the
    link may sit in a collapsed section)."""
    page.eval_on_selector(f"nav.md-nav--primary a[href$='{href_end}']", "a => a.click()")


def back_to(page: Any, path_end: str) -> None:
    """Go back through the history (pages and their filtered views) to ``path_end``."""
    for _ in range(15):
        if page.url.endswith(path_end):
            return
        page.go_back()
    raise AssertionError(f"{path_end} is not in the history")


def handbook_stylesheets(page: Any) -> list[str]:
    """The handbook's stylesheets in the document now, by file name."""
    return page.eval_on_selector_all(
        "link[rel=stylesheet][href*='/assets/persona/']",
        "links => links.map(l => l.href.split('/').pop())",
    )


def styled(page: Any, selector: str, script: str) -> None:
    """Wait until ``script`` (a function of the computed style of ``selector``) is true:
    the page's stylesheet has arrived."""
    page.wait_for_function(
        f"() => {{ const e = document.querySelector({selector!r});"
        f" return !!e && (s => {script})(getComputedStyle(e)); }}",
        timeout=10_000,
    )


@pytest.fixture(scope="module")
def instant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example handbook and a documentation page, with instant navigation and a saved
    comparison. Material navigates instantly only when ``site_url`` is the server's address,
    so the port is chosen before the build."""
    port = free_port()
    root = write_project(
        tmp_path_factory.mktemp("instant"),
        example=True,
        docs={"index.md": "# Home\n", "guide.md": GUIDE},
        config={
            "site_url": f"http://127.0.0.1:{port}/",
            "theme": {"name": "material", "features": ["navigation.instant"]},
        },
        plugin={
            "images": False,
            "comparisons": [{"title": "Finance team", "personas": ["hannah", "margie", "ben"]}],
        },
    )
    result: BuildResult = run_build(root)
    assert result.returncode == 0, result.log
    url, server = serve(result.site, port)
    yield url
    server.shutdown()
    server.server_close()


def check_persona_page(page: Any) -> None:
    """Margie's page is styled, its evidence popovers open and close, its print button shows."""
    page.wait_for_selector(".pp-persona-hero h1:has-text('Finance Manager Margie')")
    styled(page, ".pp-persona-hero", "s.display === 'grid' && s.borderTopLeftRadius === '18px'")
    marker = page.locator(".pp-section-challenges li.pp-ev-host .pp-ev-mark").first
    pop = page.locator(".pp-section-challenges li.pp-ev-host .pp-ev-pop").first
    marker.focus()
    assert pop.is_visible()
    page.keyboard.press("Escape")  # evidence.js
    assert pop.is_hidden()
    page.wait_for_selector("button[data-pp-print]", state="visible")  # persona.js


def test_instant_navigation_across_page_kinds(page: Any, instant: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    offline(page, instant)
    open_instantly(page, instant + "guide/")
    assert [u for u in requested if "/assets/persona/" in u] == []
    page.evaluate("window.ppMarker = 1")

    # A persona page: its stylesheets arrive in the head, its scripts run.
    follow(page, "/personas/margie/")
    check_persona_page(page)
    assert "persona.css" in handbook_stylesheets(page)

    # The gallery: the filters work.
    page.click(".pp-crumbs a.pp-crumb")
    page.wait_for_selector("form.pp-filters:not([hidden])")
    page.click("button[data-type-choice='negative']")
    shown = page.eval_on_selector_all(
        "article.pp-card:not([hidden]) .pp-card-link", "els => els.map(e => e.textContent.trim())"
    )
    assert shown == ["Bargain-hunter Bruno"]

    # The comparison: it starts, compares, and its evidence markers open.
    follow(page, "/personas/compare/")
    page.wait_for_selector(".pp-compare[data-pp-ready=ready]")
    page.select_option("#pp-cmp-slot-0", "ben")
    page.select_option("#pp-cmp-slot-1", "margie")
    names = page.eval_on_selector_all(
        ".pp-cmp-result thead .pp-cmp-name", "els => els.map(e => e.textContent)"
    )
    assert names == ["Bookkeeper Ben", "Finance Manager Margie"]
    styled(page, ".pp-cmp-result thead th", "s.position === 'sticky'")
    page.locator(".pp-cmp-result .pp-ev-mark").first.focus()  # Margie's claims cite sources
    assert page.locator(".pp-cmp-result .pp-ev-pop").first.is_visible()

    # A journey map: the whole width, and its script has set up the "fit to width" switch.
    follow(page, "/journeys/fiona-first-invoice/")
    page.wait_for_selector(".pp-jmap-section[data-pp-fit-ready]")
    styled(page, ".md-main__inner", "s.maxWidth === 'none'")
    assert "persona.css" not in handbook_stylesheets(page)

    # The tracker: the owner filter works.
    follow(page, "/reviews/")
    page.wait_for_selector("[data-pp-controls]:not([hidden])")
    page.select_option("select[data-pp-owner]", "@growth-team")
    owners = page.eval_on_selector_all(
        "tr[data-pp-row]", "rows => rows.filter(r => r.offsetParent !== null)"
        ".map(r => r.dataset.owner)"
    )  # fmt: skip
    assert owners and set(owners) == {"@growth-team"}
    assert unquote(page.url).endswith("reviews/?owner=@growth-team")

    # Back to the persona page through the history: still styled and working.
    back_to(page, "/personas/margie/")
    check_persona_page(page)
    # And to the documentation page: the handbook's stylesheets leave with the handbook.
    back_to(page, "/guide/")
    page.wait_for_selector("h1:has-text('Writing personas')")
    page.wait_for_function("!document.querySelector('link[href*=\"/assets/persona/\"]')")

    assert page.evaluate("window.ppMarker") == 1  # never a page load
    assert page.console_errors == []
