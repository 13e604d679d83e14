"""Journey map pages and the journeys index, built from real sites with --strict."""

from __future__ import annotations

import datetime as dt
import posixpath
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import (
    FIXED_TODAY,
    REPO,
    BuildResult,
    body_soup,
    render_example,
    run_build,
    write_project,
)

from mkdocs_persona_plugin.render.emotion_svg import emotion_y, pct, stage_x
from mkdocs_persona_plugin.render.site import Output

EVIL = "<script>alert('x')</script>"
TODAY = dt.date.fromisoformat(FIXED_TODAY)


render = render_example
body = body_soup


def front_matter(output: Output) -> dict[str, Any]:
    """The YAML front matter of a generated page."""
    assert isinstance(output.content, str)
    data = yaml.safe_load(output.content.split("---\n", 2)[1])
    assert isinstance(data, dict)
    return data


def lanes(soup: Any) -> list[str]:
    """The lane classes of a map, top to bottom (e.g. ``pp-lane-actions``)."""
    return [
        next(c for c in tr["class"] if c.startswith("pp-lane-"))
        for tr in soup.select("table.pp-jmap tbody tr.pp-lane")
    ]


def stage_headers(soup: Any) -> list[str]:
    return [
        th.select_one(".pp-jmap-stage-name").get_text() for th in soup.select("th.pp-jmap-stage")
    ]


def broken_links(site: Path, page_path: str, soup: Any) -> list[str]:
    """Relative links and images of a built page that point at nothing."""
    base = posixpath.dirname(page_path)
    broken = []
    for tag, attr in (("a", "href"), ("img", "src")):
        for node in soup.select(f".md-content {tag}[{attr}]"):
            url = node[attr].split("#")[0].split("?")[0]
            if not url or "://" in url or url.startswith("mailto:"):
                continue
            target = posixpath.normpath(posixpath.join(base, url))
            path = site / target
            if url.endswith("/") or path.is_dir():
                path = path / "index.html"
            if not path.is_file():
                broken.append(f"{page_path}: {node[attr]}")
    return broken


# ------------------------------------------------------------------ the example handbook


def test_team_evaluation_curve_has_one_point_per_stage_per_persona(
    example_site: BuildResult,
) -> None:
    soup = example_site.soup("journeys/team-evaluation/index.html")
    svg = soup.select_one("td.pp-jmap-curve svg.pp-emo")
    assert svg is not None
    expected = {
        "hannah": {0: -1, 1: 0, 2: 1, 3: 1, 4: -1, 5: -1, 6: 2},
        "ian": {2: -1, 3: 1, 4: -2, 6: 0},
        "paula": {2: 0, 5: 1, 6: 1},
    }
    for pid, values in expected.items():
        group = svg.select_one(f'g.pp-emo-series[data-persona="{pid}"]')
        found = {
            int(p["data-stage"]): (p["x"], float(p["y"])) for p in group.select("use.pp-emo-point")
        }
        assert found == {i: (pct(stage_x(i, 7)), emotion_y(v)) for i, v in values.items()}
    assert len(svg.select("use.pp-emo-point")) == 14


def test_multi_persona_journey_has_a_legend_entry_per_persona(example_site: BuildResult) -> None:
    soup = example_site.soup("journeys/team-evaluation/index.html")
    entries = soup.select("ul.pp-emo-legend > li")
    assert [li.get_text() for li in entries] == [
        "Head of Finance Hannah",
        "IT Admin Ian",
        "Procurement Paula",
    ]
    swatches = [li.select_one("svg")["class"] for li in entries]
    assert [c[1] for c in swatches] == ["pp-series-0", "pp-series-1", "pp-series-2"]


def test_single_persona_journey_has_no_legend(example_site: BuildResult) -> None:
    soup = example_site.soup("journeys/fiona-first-invoice/index.html")
    assert soup.select_one(".pp-emo-legend") is None
    assert len(soup.select("svg.pp-emo use.pp-emo-point")) == 5


def test_lanes_without_content_are_left_out(example_site: BuildResult) -> None:
    fiona = example_site.soup("journeys/fiona-first-invoice/index.html")
    assert lanes(fiona) == [
        "pp-lane-description",
        "pp-lane-actions",
        "pp-lane-thoughts",
        "pp-lane-emotion",
        "pp-lane-touchpoints",
        "pp-lane-channels",
        "pp-lane-pain-points",
        "pp-lane-opportunities",
        "pp-lane-kpis",
        "pp-lane-evidence",  # one stage cites research
    ]
    assert fiona.select_one("tr.pp-lane-backstage") is None
    team = example_site.soup("journeys/team-evaluation/index.html")
    assert "pp-lane-backstage" in lanes(team) and "pp-lane-teams" in lanes(team)
    label = team.select_one("tr.pp-lane-backstage th").get_text(" ", strip=True)
    assert label == "Backstage not seen by the customer"


def test_map_structure_stage_columns_and_empty_cells(example_site: BuildResult) -> None:
    soup = example_site.soup("journeys/team-evaluation/index.html")
    assert stage_headers(soup) == [
        "Trigger",
        "Research",
        "Shortlist",
        "Trial",
        "Security review",
        "Negotiation",
        "Sign-off",
    ]
    table = soup.select_one("table.pp-jmap")
    assert table["style"] == "--pp-stages: 7"
    assert table.select_one("tr.pp-lane-emotion td")["colspan"] == "7"
    # "Trigger" has no channels: the cell says so explicitly.
    channels = table.select("tr.pp-lane-channels td")
    assert channels[0].get_text() == "—"
    assert [li.get_text() for li in channels[1].select("li")] == ["Web", "LinkedIn", "Peer groups"]
    assert table.select_one("tr.pp-lane-actions th[scope=row]").get_text() == "Actions"
    # The map scrolls inside its own labelled container.
    scroll = soup.select_one(".pp-jmap-scroll")
    assert scroll["role"] == "region" and scroll["tabindex"] == "0"


def test_moment_of_truth_is_marked_in_text_and_curve(example_site: BuildResult) -> None:
    soup = example_site.soup("journeys/team-evaluation/index.html")
    marked = soup.select("th.pp-jmap-stage.pp-mot")
    assert len(marked) == 1
    assert marked[0].get_text(" ", strip=True) == "Stage 5 Security review ★ Moment of truth"
    assert len(soup.select("tr.pp-lane-actions td.pp-mot")) == 1
    band = soup.select_one("svg.pp-emo rect.pp-emo-mot")
    assert (band["x"], band["width"]) == (pct(4 * 100 / 7), pct(100 / 7))


def test_svg_is_accessible_with_a_data_table(example_site: BuildResult) -> None:
    soup = example_site.soup("journeys/team-evaluation/index.html")
    svg = soup.select_one("svg.pp-emo")
    assert svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert (
        soup.find(id=title_id).get_text() == "Emotion curve: Buying Ledgerly as a mid-market team"
    )
    desc = soup.find(id=desc_id).get_text()
    assert desc.startswith(
        "Emotion on a scale from −2 (very negative) to +2 (very positive), 7 stages."
    )
    assert "IT Admin Ian: starts at −1 (Shortlist), lowest −2 at Security review" in desc
    table = soup.select_one("details.pp-emo-data table")
    assert [th.get_text() for th in table.select("thead th")] == [
        "Stage",
        "Head of Finance Hannah",
        "IT Admin Ian",
        "Procurement Paula",
    ]
    rows = [[c.get_text() for c in tr.select("th, td")] for tr in table.select("tbody tr")]
    note = "The failed audit point lands on her desk, not the CFO's."
    assert rows[0] == ["Trigger", f"−1 (negative): {note}", "no data", "no data"]
    assert [r.split(":")[0] for r in rows[4]] == [
        "Security review",
        "−1 (negative)",
        "−2 (very negative)",
        "no data",
    ]
    # The reason for the feeling, per persona, in the table and under the curve.
    assert (
        rows[4][2]
        == "−2 (very negative): 240 questions, no owner, and SCIM may be Enterprise-only."
    )
    notes = soup.select(".pp-emo-notes li")
    assert [li["data-stage"] for li in notes] == ["0", "4", "6"]
    assert "IT Admin Ian: 240 questions" in notes[1].get_text()
    points = soup.select('svg.pp-emo g[data-persona="ian"] .pp-emo-point[data-stage="4"] title')
    assert (
        points[0].get_text().endswith(": 240 questions, no owner, and SCIM may be Enterprise-only.")
    )
    names = [t.get_text() for t in soup.select("svg.pp-emo .pp-emo-name")]
    assert names == [
        "Trigger",
        "Research",
        "Shortlist",
        "Trial",
        "Security review",
        "Negotiation",
        "Sign-off",
    ]


def test_header_chips_scenario_state_and_review(example_site: BuildResult) -> None:
    soup = example_site.soup("journeys/team-evaluation/index.html")
    journey = soup.select_one(".pp-journey")
    assert journey.select_one("h1").get_text() == "Buying Ledgerly as a mid-market team"
    assert journey.select_one(".pp-jstate").get_text() == "Current state"
    chips = [(a.get_text(), a["href"]) for a in journey.select(".pp-jchips a")]
    assert chips == [
        ("Head of Finance Hannah", "../../personas/hannah/"),
        ("IT Admin Ian", "../../personas/ian/"),
        ("Procurement Paula", "../../personas/paula/"),
    ]
    assert journey.select_one(".pp-journey-scenario strong").get_text() == "11–16 weeks"
    assert [li.get_text() for li in journey.select(".pp-jtags li")] == [
        "b2b",
        "mid-market",
        "sales",
        "procurement",
    ]
    banner = journey.select_one(".pp-review-banner")
    assert "211 days overdue" in banner.get_text()
    footer = journey.select_one(".pp-journey-footer").get_text(" ", strip=True)
    assert footer == "Owner @sales-enablement Last reviewed 2 May 2025 Next review 2 May 2026"


def test_future_state_shows_both_curves_and_links_both_ways(example_site: BuildResult) -> None:
    future = example_site.soup("journeys/fiona-first-invoice-future/index.html")
    groups = future.select("svg.pp-emo g.pp-emo-series")
    assert [g["class"] for g in groups] == [
        ["pp-emo-series", "pp-series-0", "pp-emo-asis"],
        ["pp-emo-series", "pp-series-0"],
    ]
    as_is = [int(p["data-emotion"]) for p in groups[0].select("use")]
    to_be = [int(p["data-emotion"]) for p in groups[1].select("use")]
    assert as_is == [0, -2, 1, -1, 1]  # the current-state journey's curve
    assert to_be == [1, 1, 2, 1, 2]
    assert {line["stroke-dasharray"] for line in groups[0].select("line")} == {"6 5"}
    assert all(not line.get("stroke-dasharray") for line in groups[1].select("line"))
    assert [li.get_text() for li in future.select(".pp-emo-legend li")] == [
        "Freelancer Fiona (as-is)",
        "Freelancer Fiona (to-be)",
    ]
    link = future.select_one(".pp-journey-improves")
    assert link.get_text() == "This future-state map improves Fiona sends her first invoice."
    assert link.a["href"] == "../fiona-first-invoice/"
    assert future.select_one(".pp-jstate").get_text() == "Future state"

    current = example_site.soup("journeys/fiona-first-invoice/index.html")
    back = current.select_one(".pp-journey-improved-by")
    assert back.get_text() == "Planned improvement: Fiona sends her first invoice (future state)"
    assert back.a["href"] == "../fiona-first-invoice-future/"


def test_journeys_index_cards(example_site: BuildResult) -> None:
    soup = example_site.soup("journeys/index.html")
    cards = soup.select("li.pp-jcard")
    titles = [c.select_one(".pp-jcard-title a").get_text() for c in cards]
    assert titles == [
        "Buying Ledgerly as a mid-market team",
        "Fiona sends her first invoice",
        "Fiona sends her first invoice (future state)",
        "Margie closes the month",
    ]
    team = cards[0]
    assert team.select_one(".pp-jcard-title a")["href"] == "team-evaluation/"
    assert team.select_one(".pp-jcard-meta").get_text(" ", strip=True) == "Current state 7 stages"
    assert [a.get_text() for a in team.select(".pp-jchips a")] == [
        "Head of Finance Hannah",
        "IT Admin Ian",
        "Procurement Paula",
    ]
    spark = team.select_one("svg.pp-spark")
    assert spark["aria-hidden"] == "true"
    assert len(spark.select("polyline")) == 3
    alt = team.select_one(".pp-jcard-spark .pp-visually-hidden").get_text()
    assert alt.startswith("Emotion curve. Emotion on a scale from −2")
    assert "Security review" in team.select_one(".pp-jcard-mot").get_text()
    assert "Future state" in cards[2].select_one(".pp-jcard-meta").get_text()


def test_navigation_lists_the_index_then_each_journey(example_site: BuildResult) -> None:
    soup = example_site.soup("journeys/index.html")
    section = next(
        s
        for s in soup.select("nav.md-nav--primary li.md-nav__item--nested")
        if s.select_one("label, a") and "Journeys" in s.select_one("label, a").get_text()
    )
    links = [a.get_text(" ", strip=True) for a in section.select("li.md-nav__item a.md-nav__link")]
    assert links[:5] == [
        "Journeys",
        "Buying Ledgerly as a mid-market team",
        "Fiona sends her first invoice",
        "Fiona sends her first invoice (future state)",
        "Margie closes the month",
    ]


def test_journey_links_resolve(example_site: BuildResult) -> None:
    broken: list[str] = []
    for path in ("journeys/index.html", "journeys/team-evaluation/index.html"):
        broken += broken_links(example_site.site, path, example_site.soup(path))
    assert broken == []


def test_print_is_landscape_for_journey_pages_only() -> None:
    css = (REPO / "mkdocs_persona_plugin/render/assets/journey.css").read_text()
    assert "@page journey {\n  size: landscape;" in css
    assert "html:has(.pp-journey),\n  html:has(.pp-journey) body,\n  .pp-journey {\n" in css
    assert "@page {" not in css  # other pages keep the default orientation


# ------------------------------------------------------------------ hostile and custom content

HOSTILE_PERSONA = f"""\
name: "Eve {EVIL}"
owner: "@sec"
last_reviewed: 2026-10-01
goals:
  - "{EVIL}"
"""

HOSTILE_JOURNEY = """\
title: "Evil <script>alert('title')</script>"
personas: [eve, bob]
owner: "@owner <b>bold</b>"
last_reviewed: 2026-10-01
tags: ["<script>alert('tag')</script>"]
goal: "Goal <script>alert('goal')</script>"
scenario: |
  Scenario <script>alert('scenario')</script> with **bold** and
  [a bad link](javascript:alert(1)).
stages:
  - name: "Stage <script>alert('stage')</script>"
    description: "<script>alert('description')</script>"
    actions: ["<script>alert('actions')</script>"]
    thoughts: ["<script>alert('thoughts')</script>"]
    touchpoints: ["<script>alert('touchpoints')</script>"]
    channels: ["<script>alert('channels')</script>"]
    pain_points: ["<script>alert('pain_points')</script>"]
    opportunities: ["<script>alert('opportunities')</script>"]
    backstage: ["<script>alert('backstage')</script>"]
    teams: ["<script>alert('teams')</script>"]
    kpis: ["<img src=x onerror=alert('kpis')>"]
    moment_of_truth: true
    emotion: {eve: -2, bob: 1}
  - name: A very long stage name that goes on and on to check that it wraps inside its column
    emotion: {eve: 2}
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """A handbook whose every journey field is hostile, with edit links configured."""
    root = tmp_path_factory.mktemp("hostile-journeys")
    project = write_project(
        root,
        personas={
            "eve.yaml": HOSTILE_PERSONA,
            "bob.yaml": "name: Bob\nowner: '@x'\nlast_reviewed: 2026-10-01\n",
        },
        journeys={"evil.yaml": HOSTILE_JOURNEY},
        config={"repo_url": "https://github.com/acme/handbook", "edit_uri": "edit/main/docs/"},
    )
    result = run_build(project)
    assert result.returncode == 0, result.log
    return result


def test_hostile_text_is_escaped_in_every_lane_and_in_the_svg(hostile_site: BuildResult) -> None:
    html = hostile_site.html("journeys/evil/index.html")
    assert "<script>alert" not in html
    assert "onerror=alert" not in html.replace("onerror=alert('kpis')&gt;", "")
    soup = hostile_site.soup("journeys/evil/index.html")
    for node in soup.find_all(True):
        assert not [a for a in node.attrs if a.lower().startswith("on")], node
        assert "javascript:" not in str(node.get("href", ""))
    text = soup.select_one(".pp-journey").get_text()
    for lane in (
        "description",
        "actions",
        "thoughts",
        "touchpoints",
        "channels",
        "pain_points",
        "opportunities",
        "backstage",
        "teams",
    ):
        assert f"<script>alert('{lane}')</script>" in text  # shown as text
    assert "<img src=x onerror=alert('kpis')>" in text
    assert "Scenario <script>alert('scenario')</script> with bold" in text
    assert soup.select_one("h1").get_text() == "Evil <script>alert('title')</script>"
    svg_html = str(soup.select_one("svg.pp-emo"))
    assert "&lt;script&gt;alert('title')&lt;/script&gt;" in svg_html
    assert "&lt;script&gt;alert('stage')&lt;/script&gt;" in svg_html
    assert stage_headers(soup)[0] == "Stage <script>alert('stage')</script>"
    legend = [li.get_text() for li in soup.select(".pp-emo-legend li")]
    assert legend == ["Eve <script>alert('x')</script>", "Bob"]
    assert "&lt;script&gt;" in hostile_site.html("journeys/index.html")
    assert "<script>alert" not in hostile_site.html("journeys/index.html")


def test_long_stage_names_wrap_in_their_column(hostile_site: BuildResult) -> None:
    soup = hostile_site.soup("journeys/evil/index.html")
    assert stage_headers(soup)[1].startswith("A very long stage name")
    css = (REPO / "mkdocs_persona_plugin/render/assets/journey.css").read_text()
    assert ".pp-jmap-stage-name {\n  display: block;" in css
    assert "overflow-wrap: anywhere;" in css


def test_edit_link_in_footer_and_page(hostile_site: BuildResult) -> None:
    soup = hostile_site.soup("journeys/evil/index.html")
    edit = soup.select_one(".pp-journey-edit a")
    assert edit["href"] == "https://github.com/acme/handbook/edit/main/journeys/evil.yaml"
    assert edit.get_text() == "Edit this journey"


def test_page_outputs_carry_edit_url_nav_and_no_toc() -> None:
    outputs = render(edit_url_base="https://git.example/edit/main/")
    page = outputs["journeys/team-evaluation.md"]
    assert page.edit_url == "https://git.example/edit/main/journeys/team-evaluation.yaml"
    assert page.nav_section == "journeys"
    # The map takes the whole window width: no navigation sidebar, no table of contents.
    assert front_matter(page)["hide"] == ["navigation", "toc"]
    index = outputs["journeys/index.md"]
    assert (index.nav_section, index.nav_weight) == ("journeys", -10)
    # Reading order: each future-state map right after the map it improves.
    order = sorted(
        (o for o in outputs.values() if o.src_uri.startswith("journeys/") and o.nav_weight >= 0),
        key=lambda o: o.nav_weight,
    )
    assert [o.src_uri for o in order] == [
        "journeys/team-evaluation.md",
        "journeys/fiona-first-invoice.md",
        "journeys/fiona-first-invoice-future.md",
        "journeys/margie-month-end-close.md",
    ]
    assert render(edit_url_base="")["journeys/team-evaluation.md"].edit_url == ""


def test_initials_chips_without_images() -> None:
    soup = body(render()["journeys/team-evaluation.md"])
    chip = soup.select_one(".pp-jchip .pp-jchip-initials")
    assert chip.get_text() == "HH"
    assert chip["aria-hidden"] == "true"
    assert chip["style"].startswith("background-color: #")
    assert soup.select_one(".pp-jchip img") is None


def test_journey_pages_can_be_switched_off(tmp_path: Path) -> None:
    project = write_project(tmp_path, example=True, plugin={"journey_pages": False})
    result = run_build(project)
    assert result.returncode == 0, result.log
    assert not (result.site / "journeys" / "team-evaluation").exists()
    assert not (result.site / "journeys" / "index.html").exists()


def test_plain_theme_and_file_urls(tmp_path: Path) -> None:
    """theme: mkdocs with use_directory_urls: false builds and every link still resolves."""
    project = write_project(
        tmp_path,
        example=True,
        config={"theme": {"name": "mkdocs"}, "use_directory_urls": False},
    )
    result = run_build(project)
    assert result.returncode == 0, result.log
    soup = result.soup("journeys/team-evaluation.html")
    assert len(soup.select("svg.pp-emo use.pp-emo-point")) == 14
    chips = [a["href"] for a in soup.select(".pp-jchips a")]
    assert chips[0] == "../personas/hannah.html"
    for path in ("journeys/index.html", "journeys/fiona-first-invoice-future.html"):
        page = result.soup(path)
        for a in page.select(".pp-journeys a, .pp-journey a"):
            href = a["href"]
            if "://" in href:
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), href))
            assert (result.site / target).is_file(), (path, href)
