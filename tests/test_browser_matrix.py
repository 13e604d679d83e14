"""Every generated page kind, at 1280 and 375 px, in the light and the dark scheme.

Two handbooks: the repository's example (11 personas with photos and initials, 4 journeys)
and a second, independent one (13 personas: non-Latin and accented names, look-alike
initials, sparse and full personas, a negative persona; journeys of 3 to 7 stages). On each
page: no serious or critical axe-core finding, no layout shift above 0.1, no text squeezed
into a column narrower than about 90 px, and no sideways scroll on a phone.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_checks import (
    PALETTE,
    axe_violations,
    layout_shift,
    offline,
    sideways_overflow,
    squeezed_text,
    watch_layout_shift,
)
from conftest import REPO, run_build, serve, write_project

pytestmark = pytest.mark.browser


def _persona(name: str, **fields: str) -> str:
    fields = {"owner": f"'@team-{len(name) % 3}'", "last_reviewed": "2026-03-14", **fields}
    return f"name: {name}\n" + "".join(f"{k}: {v}\n" for k, v in fields.items())


FULL = {
    "type": "buyer",
    "market": "b2b",
    "segment": "Mid-market finance teams (20–250 employees)",
    "tagline": "Wants the close done before the board pack is due",
    "bio": "Runs a small team and owns the numbers. **Hates** surprises at month end.",
    "quotes": "['Nothing is one click.', 'I check every reconciliation twice.']",
    "demographics": "{Age: 44, Location: Leeds, Zip: 0170}",
    "role": "{Job title: Finance lead, Team: 3 accountants, Decision power: Recommends}",
    "goals": "[Close in five days, Fewer manual journals, One source of truth]",
    "challenges": "[Bank feeds break, Approvals stall in email, Audits take weeks]",
    "motivations": "[Being trusted by the board]",
    "objections": "[Migration risk, Another login]",
    "channels": "[Peer groups, Vendor webinars]",
    "tools": "[Excel, Xero]",
    "messaging": "{pitch: Close the books in days not weeks., vocabulary: [reconcile], "
    "avoid: [effortless]}",
    "share": "22",
    "research": "{interviews: 9, sources: [Interviews 2026], confidence: medium}",
}

VARIED_PERSONAS = {
    "tomas.yaml": _persona("Tech Starter Tomáš", **FULL, related="[ted, chen]"),
    "ted.yaml": _persona("Techy Ted", type="user", tagline="Automates everything he can"),
    "chen.yaml": _persona(
        "陈静", type="decision-maker", market="b2b", tagline="CFO of a growing importer",
        quotes="['每个月的结账太慢了。']", goals="[Faster close]",
    ),
    "ivan.yaml": _persona("Ivan Ilić", type="influencer", goals="[Fewer tools]"),
    "isla.yaml": _persona("Isla Ingram", type="payer", challenges="[Budget cuts]"),
    "zoe.yaml": _persona(
        "Zoë Łukasz-Øberg", type="user", market="b2c", photo="photos/carla.jpg",
        photo_alt="Portrait", tagline="A very long tagline that goes on and on to test "
        "wrapping on a narrow phone screen without squeezing anything at all",
    ),
    "olu.yaml": _persona(
        "Operations Olu", type="buyer", photo="photos/fiona.jpg", photo_alt="Portrait",
        **{k: v for k, v in FULL.items() if k not in ("type",)},
    ),
    "nadia.yaml": _persona(
        "Never-a-customer Nadia", type="negative", status="active",
        tagline="Wants free forever; see [our pricing](https://example.com/pricing)",
        objections="[Price, Any price]",
    ),
    "pia.yaml": _persona("Procurement Pia", type="decision-maker", last_reviewed="2024-01-02"),
    "sam.yaml": _persona("Sam", type="user", status="draft"),
    "kai.yaml": _persona("Kai Nakamura-Williamson", type="detractor", challenges="[Change]"),
    "lea.yaml": _persona("Léa Dupont", type="user", market="public", tags="[gov, eu]"),
    "amir.yaml": _persona("Amir", type="buyer", photo="photos/hannah.jpg", photo_alt="Portrait"),
}


def _journey(title: str, personas: list[str], stages: int) -> str:
    lines = [f"title: {title}", f"personas: [{', '.join(personas)}]", "owner: '@cx'", "stages:"]
    for i in range(stages):
        emotion = "{" + ", ".join(f"{p}: {((i + j) % 5) - 2}" for j, p in enumerate(personas)) + "}"
        lines += [
            f"  - name: Stage {i + 1} of the journey",
            "    actions: [Looks for a tool, Asks a colleague what they use today]",
            "    thoughts: [Will this work with our bank?]",
            "    pain_points: [Too many options]",
            "    opportunities: [A comparison page]",
            f"    emotion: {emotion}",
        ]
        if i == stages // 2:
            lines.append("    moment_of_truth: true")
    return "\n".join(lines) + "\n"


VARIED_JOURNEYS = {
    "short.yaml": _journey("Three stages", ["tomas"], 3),
    "five.yaml": _journey("Five stages", ["ted", "chen"], 5),
    "seven.yaml": _journey("Seven stages", ["olu", "zoe", "ivan"], 7),
    "never.yaml": _journey("Never reviewed", ["isla"], 4),
}


@pytest.fixture(scope="module")
def handbooks(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Both handbooks, built with a light/dark palette and served over HTTP."""
    urls: dict[str, str] = {}
    servers = []
    theme = {"name": "material", "palette": PALETTE}
    example = write_project(tmp_path_factory.mktemp("example"), example=True,
                            config={"theme": theme})
    varied_root = tmp_path_factory.mktemp("varied")
    (varied_root / "personas" / "photos").mkdir(parents=True)
    for photo in ("carla.jpg", "fiona.jpg", "hannah.jpg"):
        shutil.copy(REPO / "personas" / "photos" / photo, varied_root / "personas" / "photos")
    varied = write_project(
        varied_root,
        personas={k: textwrap.indent(v, "") for k, v in VARIED_PERSONAS.items()},
        journeys=VARIED_JOURNEYS,
        config={"theme": theme},
    )
    for name, project in (("example", example), ("varied", varied)):
        result = run_build(project)
        assert result.returncode == 0, result.log
        url, server = serve(result.site)
        urls[name] = url
        servers.append(server)
    yield urls
    for server in servers:
        server.shutdown()


#: (page kind, handbook, path, selector that is there once the page's script is done)
PAGES = [
    ("gallery", "example", "personas/", "form.pp-filters:not([hidden])"),
    ("gallery", "varied", "personas/", "form.pp-filters:not([hidden])"),
    ("persona", "example", "personas/fiona/", ""),
    ("persona", "varied", "personas/chen/", ""),
    ("persona", "varied", "personas/olu/", ""),
    ("negative-persona", "example", "personas/bruno/", ""),
    ("negative-persona", "varied", "personas/nadia/", ""),
    ("compare", "example", "personas/compare/?p=hannah,margie", ".pp-compare[data-pp-ready=ready]"),
    ("compare", "varied", "personas/compare/?p=tomas,chen,ted", ".pp-compare[data-pp-ready=ready]"),
    ("journey", "example", "journeys/team-evaluation/", ""),
    ("journey", "varied", "journeys/short/", ""),
    ("journey", "varied", "journeys/seven/", ""),
    ("journeys-index", "example", "journeys/", ""),
    ("journeys-index", "varied", "journeys/", ""),
    ("tracker", "example", "reviews/", ""),
    ("tracker", "varied", "reviews/", ""),
    ("start-here", "example", "personas/start-here/", ""),
    ("start-here", "varied", "personas/start-here/", ""),
]
VIEWS = [(1280, "light"), (1280, "dark"), (375, "light"), (375, "dark")]
CASES = [(*p, w, s) for p in PAGES for w, s in VIEWS]


@pytest.mark.parametrize(
    ("kind", "handbook", "path", "ready", "width", "scheme"),
    CASES,
    ids=[f"{c[0]}-{c[1]}-{c[2].split('/')[-2] or c[2]}-{c[4]}-{c[5]}" for c in CASES],
)
def test_page_reads_well(
    browser: Any,
    handbooks: dict[str, str],
    kind: str,
    handbook: str,
    path: str,
    ready: str,
    width: int,
    scheme: str,
    tmp_path: Path,
) -> None:
    base = handbooks[handbook]
    context = browser.new_context(
        viewport={"width": width, "height": 900 if width > 600 else 740}, color_scheme=scheme
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        offline(page, base)
        watch_layout_shift(page)
        page.goto(base + path)
        if ready:
            page.wait_for_selector(ready)
        shift = layout_shift(page)
        problems = []
        if shift > 0.1:
            problems.append(f"layout shift {shift:.3f} > 0.1")
        problems += axe_violations(page)
        if width < 600:
            problems += [f"squeezed: {s}" for s in squeezed_text(page)]
            overflow = sideways_overflow(page)
            if overflow > 1:
                problems.append(f"the page scrolls sideways by {overflow} px")
        problems += [f"script error: {e}" for e in errors]
        if problems:
            page.screenshot(path=str(tmp_path / "page.png"), full_page=True)
        assert problems == [], "\n".join(problems) + f"\n(screenshot: {tmp_path / 'page.png'})"
    finally:
        context.close()
