"""The comparison page, its data file, comparison sets and the "at a glance" matrix."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import (
    FIXED_TODAY,
    BuildResult,
    body_soup,
    render_example,
    run_build,
    write_project,
)

from mkdocs_persona_plugin.core.options import Comparison
from mkdocs_persona_plugin.render.persona_data import (
    cell_key,
    compare_model,
    default_key,
    item_key,
    key_differences,
    shared_count,
)

TODAY = dt.date.fromisoformat(FIXED_TODAY)
ACTIVE_BY_SHARE = ["ben", "margie", "fiona", "hannah", "carla", "sam", "paula", "bruno", "ian"]
SHARED_CHANNEL = "Vendor webinars and on-demand demos"


render = render_example
body = body_soup


def text(node: Any) -> str:
    return " ".join(node.get_text(" ").split())


def table_rows(table: Any) -> list[tuple[str, list[str]]]:
    """(label or section, cell texts) for each body row of a comparison table, without the
    difference marks (see :func:`test_differences_are_marked`)."""
    rows: list[tuple[str, list[str]]] = []
    label = ""
    table = copy.copy(table)
    for mark in table.select(
        ".pp-badge-differs, .pp-cmp-overlap, .pp-cmp-differs > .pp-sr-differs"
    ):
        mark.decompose()
    for tr in table.select("tbody tr"):
        th = tr.find("th")
        if th is not None:
            label = text(th)
            continue
        rows.append((label, [text(td) for td in tr.find_all("td")]))
    return rows


# ------------------------------------------------------------------ matching and the model


def test_item_key_ignores_markdown_case_spacing_and_final_punctuation() -> None:
    assert item_key("**LinkedIn**.") == item_key("linkedin") == "linkedin"
    assert item_key('  "Vendor   webinars"  ') == "vendor webinars"
    assert item_key("Straße") == item_key("STRASSE")
    assert item_key("Q&A") == "q&a"


def test_cells_carry_a_key_only_when_the_browser_cannot_derive_it() -> None:
    assert default_key("Email.") == "email"
    assert cell_key(["Email"]) == "email"
    assert cell_key(["R&amp;D", "r&d"]) == "r&d"


def record(pid: str, name: str, **sections: list[list[Any]]) -> dict[str, Any]:
    return {"id": pid, "name": name, "sections": [[k, v] for k, v in sections.items()]}


def test_model_aligns_rows_marks_shared_items_and_same_values() -> None:
    a = record(
        "a",
        "Ann",
        demographics=[["Age", "v", ["44"]], ["City", "v", ["Leeds"]]],
        channels=[["", "l", [["LinkedIn"], ["Email"]]]],
    )
    b = record(
        "b",
        "Bob",
        demographics=[["City", "v", ["leeds"]], ["Pets", "v", ["Cat"]]],
        channels=[["", "l", [["linkedin."], ["Phone"]]]],
        goals=[["", "l", [["Win"]]]],
    )
    titles = {"demographics": "Demographics", "channels": "Channels", "goals": "Goals"}
    sections = compare_model([a, b], titles)
    assert [s.key for s in sections] == ["demographics", "goals", "channels"]
    demo = sections[0]
    assert [(r.label, [c.empty for c in r.cells], r.shared) for r in demo.rows] == [
        ("Age", [False, True], False),
        ("City", [False, False], True),
        ("Pets", [True, False], False),
    ]
    channels = sections[2].rows[0].cells
    assert [(i.key, i.shared_with) for i in channels[0].items] == [
        ("linkedin", ["Bob"]),
        ("email", []),
    ]
    assert [i.shared for i in channels[1].items] == [True, False]
    assert shared_count(sections) == 2  # the same city and one shared channel


# ------------------------------------------------------------------ the comparison page


def test_compare_page_is_in_the_personas_section_and_works_without_js(
    example_site: BuildResult,
) -> None:
    soup = example_site.soup("personas/compare/index.html")
    page = soup.select_one(".pp-compare")
    assert page["data-src"] == "../compare-data.json"
    assert page.select_one("h1").get_text() == "Compare personas"
    app = page.select_one(".pp-cmp-app")
    assert app.has_attr("hidden")  # shown by compare.js
    assert "needs JavaScript" in page.select_one("noscript").get_text()
    nav = [text(a) for a in soup.select("nav.md-nav--primary a.md-nav__link")]
    assert "Compare personas" in nav


def test_at_a_glance_matrix_lists_active_personas_with_key_fields(
    example_site: BuildResult,
) -> None:
    soup = example_site.soup("personas/compare/index.html")
    matrix = soup.select_one("table.pp-matrix")
    assert [text(th) for th in matrix.select("thead th")] == [
        "Persona",
        "Type",
        "Market",
        "Segment",
        "Share",
        "Top goals",
        "Top challenges",
        "Owner",
        "Review",
    ]
    rows = matrix.select("tbody tr")
    assert [tr["data-persona"] for tr in rows] == ACTIVE_BY_SHARE
    hannah = next(tr for tr in rows if tr["data-persona"] == "hannah")
    cells = [text(c) for c in hannah.find_all(["th", "td"])]
    assert cells[:5] == [
        "Head of Finance Hannah",
        "Decision-maker",
        "B2B",
        "Mid-market (50–250 employees)",
        "8%",
    ]
    goals = [text(li) for li in hannah.select("td")[4].select("ol > li")]
    assert goals == [
        "Cut month-end close from 9 days to 5 within a year.",
        "Give the board a reliable 13-week cash forecast every month.",
        "Bring each newly acquired clinic onto the same chart of accounts within 30 days.",
    ]
    assert text(hannah.select("td")[4].select_one(".pp-matrix-more")) == "+1 more"
    assert len(hannah.select("td")[5].select("ol > li")) == 3
    assert cells[7] == "@sales-enablement"
    assert cells[8].startswith("Up to date")
    assert hannah.select_one("th a")["href"] == "../hannah/"
    # Review status as the tracker computes it: Hannah was reviewed 2026-09-14.
    states = {tr["data-persona"]: tr.select_one(".pp-review-state")["class"][1] for tr in rows}
    assert states["hannah"] == "pp-review-state-current"
    assert set(states.values()) <= {
        "pp-review-state-current",
        "pp-review-state-due-soon",
        "pp-review-state-overdue",
    }


def test_compare_data_json_is_compact_and_complete(example_site: BuildResult) -> None:
    data = json.loads((example_site.site / "personas" / "compare-data.json").read_text())
    assert set(data) == {"version", "max", "strings", "sections", "types", "personas"}
    assert data["max"] == 4
    assert data["strings"]["compare.shared"] == "Shared"
    assert data["sections"]["channels"] == "Channels"
    assert [p["id"] for p in data["personas"]][:3] == ["bruno", "ben", "carla"]  # by name
    assert len(data["personas"]) == 11  # every persona, drafts and retired ones too
    hannah = next(p for p in data["personas"] if p["id"] == "hannah")
    assert set(hannah) == {
        "id",
        "name",
        "url",
        "avatar",
        "initials",
        "colour",
        "type",
        "typeLabel",
        "status",
        "statusLabel",
        "tagline",
        "meta",
        "search",
        "evidence",
        "sections",
    }  # no bio, quotes or anything else the comparison does not show
    assert hannah["url"] == "../hannah/"
    assert hannah["avatar"].startswith("../assets/hannah-96.")
    assert hannah["meta"] == ["B2B", "Mid-market (50–250 employees)", "8% of customers"]
    sections = dict((k, v) for k, v in hannah["sections"])
    assert list(sections) == [
        "demographics",
        "role",
        "goals",
        "challenges",
        "motivations",
        "needs",
        "objections",
        "channels",
        "tools",
        "messaging",
        "research",
    ]
    assert sections["demographics"][0] == ["Age", "v", ["44"]]
    channels = sections["channels"][0][2]
    assert [SHARED_CHANNEL] in channels
    assert [
        "Accounting podcasts on the commute (e.g. <em>The Finance Leader</em>, "
        "<em>CFO Thought Leader</em>)",
        "accounting podcasts on the commute (e.g. the finance leader, cfo thought leader)",
    ] in channels
    assert [r[0] for r in sections["messaging"]] == ["Pitch", "Words to use", "Words to avoid"]
    assert [r[0] for r in sections["research"]] == [
        "Interviews", "Confidence", "Sources", "Evidence"
    ]
    oscar = next(p for p in data["personas"] if p["id"] == "oscar")
    assert (oscar["status"], oscar["statusLabel"]) == ("retired", "Retired")


def test_compare_data_has_no_avatars_when_images_are_off() -> None:
    out = render()["personas/compare-data.json"]
    data = json.loads(out.data())
    assert {p["avatar"] for p in data["personas"]} == {""}
    assert next(p for p in data["personas"] if p["id"] == "hannah")["initials"] == "HH"


def test_compare_option_off() -> None:
    outputs = render(compare=False, comparisons=[Comparison("X", ["hannah", "ian"])])
    assert not [k for k in outputs if "compare" in k]


def test_page_front_matter() -> None:
    out = render()["personas/compare.md"]
    assert (out.nav_section, out.nav_weight) == ("personas", -8)
    assert isinstance(out.content, str)
    front = yaml.safe_load(out.content.split("---\n", 2)[1])
    assert front["title"] == "Compare personas"
    assert front["hide"] == ["toc"]


# ------------------------------------------------------------------ comparison sets


def test_comparison_set_page_renders_the_shared_table() -> None:
    outputs = render(comparisons=[Comparison("Finance team", ["hannah", "margie", "ben"])])
    out = outputs["personas/compare/finance-team.md"]
    soup = body(out)
    assert soup.select_one("h1").get_text() == "Finance team"
    assert soup.select_one(".pp-cmp-open")["href"] == "../?p=hannah,margie,ben"
    table = soup.select_one("table.pp-cmp-table")
    heads = [text(a) for a in table.select("thead th .pp-cmp-name")]
    assert heads == ["Head of Finance Hannah", "Finance Manager Margie", "Bookkeeper Ben"]
    assert [a["href"] for a in table.select("thead a")] == [
        "../../hannah/",
        "../../margie/",
        "../../ben/",
    ]
    # Initials when images are off.
    # (Ben is "Be": Bargain-hunter Bruno is "BB", see avatar_labels.)
    assert [text(s) for s in table.select(".pp-cmp-initials")] == ["HH", "FM", "Be"]
    rows = table_rows(table)
    # Facts aligned by label, in the order they first appear; "—" where one is missing.
    assert [label for label, _ in rows[1:13]] == [
        "Age",
        "Location",
        "Education",
        "Household",
        "Job title",
        "Company",
        "Reports to",
        "Team",
        "Decision power",
        "Budget",
        "Success measured by",
        "Goals",
    ]
    assert rows[1] == ("Age", ["44", "38", "29"])
    assert rows[8] == (
        "Team",
        ["4 (a finance manager, two bookkeepers, a payroll clerk)", "2 bookkeepers", "—"],
    )
    assert table.select("td.pp-cmp-empty")
    # The shared channel is marked in both columns, with a text for screen readers.
    shared = table.select("li.pp-shared")
    assert [text(li) for li in shared] == [
        f"{SHARED_CHANNEL} Shared (also: Finance Manager Margie)",
        f"{SHARED_CHANNEL} Shared (also: Head of Finance Hannah)",
    ]
    toggle = soup.select_one("label.pp-cmp-diff-label")
    assert text(toggle).startswith("Hide shared items (")
    cell_headers = list(table.select_one("tbody.pp-cmp-section-channels td")["headers"])
    assert cell_headers == ["pp-cmp-set-p0", "pp-cmp-set-s7"]
    assert soup.find(id="pp-cmp-set-s7").get_text() == "Channels 1 of 12 in common"


def test_comparison_set_slugs_are_unique() -> None:
    outputs = render(
        comparisons=[
            Comparison("Finance team!", ["hannah", "margie"]),
            Comparison("Finance  team", ["ben", "margie"]),
            Comparison("***", ["ian", "paula"]),
        ]
    )
    assert {k for k in outputs if k.startswith("personas/compare/")} == {
        "personas/compare/finance-team.md",
        "personas/compare/finance-team-2.md",
        "personas/compare/comparison-3.md",
    }
    listed = body(outputs["personas/compare.md"]).select(".pp-cmp-sets a")
    assert [(a.get_text(), a["href"]) for a in listed] == [
        ("Finance team!", "finance-team/"),
        ("Finance  team", "finance-team-2/"),
        ("***", "comparison-3/"),
    ]


def test_comparison_with_unknown_persona_is_a_clear_error() -> None:
    with pytest.raises(ValueError) as info:
        render(comparisons=[Comparison("Oops", ["hannah", "hanah"])])
    assert str(info.value) == "comparisons: no persona with id 'hanah'; did you mean 'hannah'?"
    with pytest.raises(ValueError, match="needs at least two different personas"):
        render(comparisons=[Comparison("Alone", ["hannah", "hannah"])])


def test_comparison_sets_build_from_mkdocs_yml(tmp_path: Path) -> None:
    project = write_project(
        tmp_path,
        example=True,
        plugin={"comparisons": [{"title": "Buying group", "personas": ["hannah", "ian", "paula"]}]},
    )
    result = run_build(project)
    assert result.returncode == 0, result.log
    soup = result.soup("personas/compare/buying-group/index.html")
    assert [text(a) for a in soup.select("table.pp-cmp-table thead .pp-cmp-name")] == [
        "Head of Finance Hannah",
        "IT Admin Ian",
        "Procurement Paula",
    ]
    listing = result.soup("personas/compare/index.html").select_one(".pp-cmp-sets a")
    assert (listing.get_text(), listing["href"]) == ("Buying group", "buying-group/")


def test_unknown_id_in_mkdocs_yml_fails_the_build(tmp_path: Path) -> None:
    project = write_project(
        tmp_path,
        example=True,
        plugin={"comparisons": [{"title": "Typo", "personas": ["hannah", "margi"]}]},
    )
    result = run_build(project)
    assert result.returncode != 0
    assert "comparisons: no persona with id 'margi'; did you mean 'margie'?" in result.log


# ------------------------------------------------------------------ hostile text


def test_hostile_text_is_escaped_in_page_and_data(tmp_path: Path) -> None:
    evil = "<script>alert(1)</script>"
    persona = f"""\
    name: "Eve {evil}"
    owner: "@x {evil}"
    last_reviewed: 2026-10-01
    segment: "<img src=x onerror=alert(1)>"
    demographics:
      "Age {evil}": "{evil}"
    goals: ["{evil}", "[click](javascript:alert(1))"]
    channels: ["{evil}"]
    """
    project = write_project(
        tmp_path,
        personas={"eve.yaml": persona, "bob.yaml": persona.replace("Eve", "Bob")},
        plugin={"comparisons": [{"title": f"T {evil}", "personas": ["eve", "bob"]}]},
    )
    result = run_build(project)
    assert result.returncode == 0, result.log
    data_text = (result.site / "personas" / "compare-data.json").read_text()
    assert "<" not in data_text and ">" not in data_text  # written as \\u003c / \\u003e
    assert "javascript:" not in data_text
    data = json.loads(data_text)
    eve = next(p for p in data["personas"] if p["id"] == "eve")
    assert eve["name"] == f"Eve {evil}"  # plain text, set with textContent by compare.js
    demographics = eve["sections"][0][1]
    assert demographics[0][0] == f"Age {evil}"  # a plain-text label
    assert demographics[0][2][0] == "&lt;script&gt;alert(1)&lt;/script&gt;"  # safe HTML
    goals = eve["sections"][1][1][0][2]
    assert [g[0] for g in goals] == ["&lt;script&gt;alert(1)&lt;/script&gt;", "<span>click</span>"]
    for path in (
        "personas/compare/index.html",
        "personas/compare/t-script-alert-1-script/index.html",
    ):
        html = result.html(path)
        assert "<script>alert" not in html
        assert "onerror=alert(1)>" not in html
        soup = BeautifulSoup(html, "html.parser")
        for node in soup.select(".pp-compare *"):
            assert not [a for a in node.attrs if a.lower().startswith("on")]
    page = result.soup("personas/compare/t-script-alert-1-script/index.html")
    assert page.select_one("h1").get_text() == f"T {evil}"
    # Identical hostile items are still recognised as shared.
    assert len(page.select("li.pp-shared")) == 6  # two goals and a channel, in each column


def test_url_prefix_moves_every_comparison_file() -> None:
    outputs = render(url_prefix="handbook", comparisons=[Comparison("Pair", ["hannah", "ian"])])
    assert {k for k in outputs if "compare" in k} == {
        "handbook/personas/compare.md",
        "handbook/personas/compare-data.json",
        "handbook/personas/compare/pair.md",
    }
    page = body(outputs["handbook/personas/compare.md"])
    assert page.select_one(".pp-compare")["data-src"] == "../compare-data.json"
    assert page.select_one(".pp-cmp-sets a")["href"] == "pair/"


# ------------------------------------------------------------------ differences at a glance


def test_differences_are_marked() -> None:
    """Values that differ carry a visible badge on their label and a screen-reader text in
    each cell; list rows say how many items the personas have in common."""
    outputs = render(comparisons=[Comparison("Finance team", ["hannah", "margie"])])
    table = body(outputs["personas/compare/finance-team.md"]).select_one("table.pp-cmp-table")
    age = table.select_one("th.pp-cmp-label")
    assert text(age) == "Age Differs"
    assert age.select_one(".pp-badge-differs")["aria-hidden"] == "true"
    cells = table.select("tbody.pp-cmp-section-demographics tr.pp-cmp-row")[0].select("td")
    assert [c.get("class") for c in cells] == [["pp-cmp-cell", "pp-cmp-differs"]] * 2
    assert [text(c) for c in cells] == [
        "44 (differs between the personas)",
        "38 (differs between the personas)",
    ]
    channels = table.find(id="pp-cmp-set-s7")
    assert text(channels) == "Channels 1 of 8 in common"
    # A value everyone shares is not marked as differing.
    same = render_comparison_rows(["hannah", "hannah-twin"])
    assert same == []


def render_comparison_rows(ids: list[str]) -> list[str]:
    """Rows marked as differing in a model of ``ids`` (a persona compared with its copy)."""
    outputs = render()
    data = json.loads(outputs["personas/compare-data.json"].data())
    hannah = next(p for p in data["personas"] if p["id"] == "hannah")
    twin = {**hannah, "id": "hannah-twin", "name": "Hannah's twin"}
    sections = compare_model([hannah, twin], data["sections"])
    return [r.label for s in sections for r in s.rows if r.differs]


def test_key_differences_summary() -> None:
    """The summary that opens a comparison: the types, then items in common per section,
    counted from the same model as the table."""
    outputs = render(comparisons=[Comparison("Finance team", ["hannah", "margie"])])
    soup = body(outputs["personas/compare/finance-team.md"])
    keys = soup.select_one(".pp-cmp-view > section.pp-cmp-keys")
    assert text(keys.select_one("h2")) == "Key differences"
    entries = [(text(div.dt), text(div.dd)) for div in keys.select("dl > div")]
    assert entries[0] == (
        "Type",
        "Head of Finance Hannah Decision-maker Finance Manager Margie Buyer",
    )
    assert [e[0] for e in entries[1:]] == [
        "Goals", "Objections", "Channels", "Messaging", "Evidence"
    ]
    assert entries[3] == ("Channels", "1 of 8 in common")
    assert all(e[1].endswith("in common") for e in entries[1:-1])
    assert entries[-1][1].startswith("Head of Finance Hannah: 7 of 24 claims cite evidence")
    badges = keys.select(".pp-cmp-type")
    assert [b["class"][1] for b in badges] == ["pp-cmp-type-decision-maker", "pp-cmp-type-buyer"]
    # The same numbers as the model.
    data = json.loads(outputs["personas/compare-data.json"].data())
    records = [p for p in data["personas"] if p["id"] in ("hannah", "margie")]
    records.sort(key=lambda r: r["id"] != "hannah")
    summary = key_differences(records, compare_model(records, data["sections"]))
    assert [(k["key"], k.get("common"), k.get("total")) for k in summary[1:-1]] == [
        (e[0].lower(), int(e[1].split()[0]), int(e[1].split()[2])) for e in entries[1:-1]
    ]
    assert summary[-1]["key"] == "evidence"


def test_key_differences_of_one_type() -> None:
    records = [
        {
            "name": "A",
            "type": "buyer",
            "typeLabel": "Buyer",
            "sections": [["goals", [["", "l", [["x"], ["y"]]]]]],
        },
        {
            "name": "B",
            "type": "buyer",
            "typeLabel": "Buyer",
            "sections": [["goals", [["", "l", [["X."]]]]]],
        },
    ]
    summary = key_differences(records, compare_model(records, {"goals": "Goals"}))
    assert summary == [
        {"key": "type", "same": True, "types": [("A", "buyer", "Buyer"), ("B", "buyer", "Buyer")]},
        {"key": "goals", "title": "Goals", "common": 1, "total": 2},
    ]
    assert key_differences(records[:1], compare_model(records[:1], {"goals": "Goals"})) == []
