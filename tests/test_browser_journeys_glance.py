"""A journey map reads at a glance: full width, fit to width, stage cards, print, the curve."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_checks import PALETTE, axe_violations, offline, sideways_overflow
from conftest import run_build, serve, write_project

pytestmark = pytest.mark.browser


def _journey(title: str, stages: int, notes: bool = False) -> str:
    names = ["Notice", "Research", "Compare", "Try", "Decide", "Buy", "Onboard"][:stages]
    lines = [f"title: {title}", "persona: ada", "stages:"]
    for i, name in enumerate(names):
        lines += [
            f"  - name: {name}",
            f"    description: Ada works through the {name.lower()} stage of her journey.",
            "    actions:",
            f"      - Ada does the first thing people do when they {name.lower()}.",
            "    pain_points:",
            "      - Something small goes wrong and costs her a few minutes.",
            f"    emotion: {(i % 5) - 2}",
        ]
        if notes and i == 1:
            lines.append("    emotion_note: The price page hides the per-seat cost.")
        if i == stages // 2:
            lines.append("    moment_of_truth: true")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A handbook with a 3-, 5- and 7-stage journey, light and dark palettes."""
    root = write_project(
        tmp_path_factory.mktemp("glance"),
        personas={"ada.yaml": 'name: Ada\nowner: "@ux"\nlast_reviewed: 2026-11-01\n'},
        journeys={
            "three.yaml": _journey("Three stages", 3),
            "five.yaml": _journey("Five stages", 5, notes=True),
            "seven.yaml": _journey("Seven stages", 7, notes=True),
        },
        config={"theme": {"name": "material", "palette": PALETTE}},
    )
    result = run_build(root)
    assert result.returncode == 0, result.log
    url, server = serve(result.site)
    yield url
    server.shutdown()


def _open(browser: Any, url: str, width: int, scheme: str = "light") -> Any:
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    offline(page, url)
    return page


def _map_overflow(page: Any) -> int:
    return int(page.eval_on_selector(".pp-jmap-scroll", "e => e.scrollWidth - e.clientWidth"))


def test_five_stages_fit_at_1280_without_sideways_scroll(browser: Any, site: str) -> None:
    page = _open(browser, site, 1280)
    page.goto(site + "journeys/five/")
    assert _map_overflow(page) <= 1
    # The page uses the full window: no navigation sidebar, no table of contents.
    assert page.locator(".md-sidebar--primary").is_hidden()
    assert page.eval_on_selector(".pp-jmap-scroll", "e => e.clientWidth") > 1150
    # Nothing to fit: the switch is there (no layout shift) but invisible.
    assert page.eval_on_selector(".pp-jmap-fit", "e => getComputedStyle(e).visibility") == (
        "hidden"
    )
    page.context.close()


def test_fit_to_width_shows_all_seven_stages_and_is_remembered(browser: Any, site: str) -> None:
    page = _open(browser, site, 1280)
    page.goto(site + "journeys/seven/")
    assert _map_overflow(page) > 0
    switch = page.locator(".pp-jmap-fit-input")
    assert switch.is_visible()
    switch.focus()
    page.keyboard.press("Space")  # keyboard operable: a real checkbox
    assert switch.is_checked()
    assert _map_overflow(page) <= 1
    box = page.eval_on_selector(".pp-jmap-scroll", "e => e.getBoundingClientRect().right")
    rights = page.eval_on_selector_all(
        ".pp-jmap-stage", "els => els.map(e => e.getBoundingClientRect().right)"
    )
    assert len(rights) == 7 and max(rights) <= box + 1
    size = page.eval_on_selector(".pp-jmap-cell", "e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 12
    page.reload()
    assert page.locator(".pp-jmap-fit-input").is_checked()
    assert _map_overflow(page) <= 1
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_phone_shows_one_card_per_stage(browser: Any, site: str, scheme: str) -> None:
    page = _open(browser, site, 375, scheme)
    page.goto(site + "journeys/seven/")
    assert sideways_overflow(page) == 0
    assert page.locator(".pp-jmap-scroll").is_hidden()
    cards = page.locator(".pp-jstage")
    assert cards.count() == 7
    assert all(cards.nth(i).is_visible() for i in range(7))
    second = cards.nth(1)
    assert "Research" in second.locator(".pp-jstage-title").inner_text()
    feel = second.locator(".pp-jstage-feel").inner_text()
    assert "−1 (negative)" in feel and "per-seat cost" in feel
    assert axe_violations(page) == []
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_curve_names_stages_and_shows_the_notes(browser: Any, site: str, scheme: str) -> None:
    page = _open(browser, site, 1280, scheme)
    page.goto(site + "journeys/seven/")
    names = page.eval_on_selector_all(
        "svg.pp-emo .pp-emo-name", "els => els.map(e => e.textContent)"
    )
    assert names == ["Notice", "Research", "Compare", "Try", "Decide", "Buy", "Onboard"]
    note = page.locator(".pp-emo-notes li")
    assert note.count() == 1 and note.is_visible()
    assert "per-seat cost" in note.inner_text()
    # Under the point of its stage.
    point = page.eval_on_selector(
        'svg.pp-emo .pp-emo-point[data-stage="1"]', "e => e.getBoundingClientRect().x"
    )
    box = page.eval_on_selector(".pp-emo-notes li", "e => e.getBoundingClientRect()")
    assert box["x"] <= point <= box["x"] + box["width"]
    title = page.eval_on_selector(
        'svg.pp-emo .pp-emo-point[data-stage="1"] title', "e => e.textContent"
    )
    assert title.startswith("Research — Ada:") and title.endswith("per-seat cost.")
    assert page.locator(".pp-emo-band-pos").count() == 1
    assert page.locator("svg.pp-emo .pp-emo-face").count() == 5
    assert axe_violations(page) == []
    page.context.close()


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_print_has_no_blank_page_and_seven_stages_fit_one_landscape_sheet(
    browser: Any, site: str, paper: str, tmp_path: Path
) -> None:
    page = _open(browser, site, 1280)
    for slug in ("three", "seven"):
        page.goto(site + f"journeys/{slug}/")
        pdf = page.pdf(format=paper, prefer_css_page_size=True, print_background=True)
        assert _pages(pdf) == 1, slug
        box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
        assert box is not None and float(box[1]) > float(box[2]), "landscape"
    page.context.close()


def test_print_of_the_example_journeys_fits_one_sheet(browser: Any, example_url: str) -> None:
    page = _open(browser, example_url, 1280)
    for slug in ("team-evaluation", "margie-month-end-close", "fiona-first-invoice"):
        page.goto(example_url + f"journeys/{slug}/")
        pdf = page.pdf(format="A4", prefer_css_page_size=True, print_background=True)
        assert _pages(pdf) == 1, slug
    page.context.close()
