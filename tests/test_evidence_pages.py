"""Evidence behind claims on the pages: markers on cited items, research sources, the evidence
summary, "evidence stale" (persona page, tracker, reviews.json), the comparison and journey
stages. One project built with ``mkdocs build --strict``; a few variants rendered in-process."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import BuildResult, body_soup, project_outputs, run_build, write_project

from mkdocs_persona_plugin.core.intervals import parse_interval

ANN = """\
    name: Ann Analyst
    owner: "@research"
    last_reviewed: 2026-10-01
    goals:
      - Close the month in five days
      - text: Trust the numbers
        evidence: [interviews-2026]
    challenges:
      - text: Manual bank feeds
        evidence: [interviews-2026, survey-2024]
    needs:
      - text: Exports her auditors accept
        evidence: [hostile]
    objections:
      - Too expensive
    quotes:
      - text: I re-check every total.
        evidence: [survey-2024]
      - Plain quote
    research:
      sources:
        - Old notes
        - title: Customer interviews
          id: interviews-2026
          date: 2026-03-01
          kind: interviews
          url: https://example.com/interviews
        - {title: Survey, id: survey-2024, date: 2024-05-10, kind: survey}
        - title: '<img src=x onerror=alert(1)> **bold** "note"'
          id: hostile
          kind: <script>alert(2)</script>
          url: "javascript:alert(1)"
    """
#: Reviewed recently, but on research older than two years: evidence stale, review current.
OLGA = """\
    name: Old-research Olga
    owner: "@research"
    last_reviewed: 2026-09-01
    goals:
      - text: Keep the old reports
        evidence: [olga-survey]
    research:
      sources:
        - {title: Owner survey, id: olga-survey, date: 2024-01-15}
    """
#: Retired on old research: never flagged.
RITA = """\
    name: Retired Rita
    owner: "@research"
    status: retired
    last_reviewed: 2026-09-01
    research:
      sources:
        - {title: Ancient study, id: ancient, date: 2019-01-01}
    """
JOURNEY = """\
    title: Month-end close
    personas: [ann, olga]
    owner: "@cx"
    last_reviewed: 2026-10-01
    stages:
      - name: Prepare
        evidence: [interviews-2026, olga-survey]
      - name: Close
    """


def text(node: Any) -> str:
    return re.sub(r"\s+", " ", node.get_text(" ", strip=True)) if node is not None else ""


def files(root: Path) -> Path:
    return write_project(
        root,
        personas={"ann.yaml": ANN, "olga.yaml": OLGA, "rita.yaml": RITA},
        journeys={"close.yaml": JOURNEY},
        plugin={"comparisons": [{"title": "Ann and Olga", "personas": ["ann", "olga"]}]},
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    result = run_build(files(tmp_path_factory.mktemp("evidence")))
    assert result.returncode == 0, result.log
    return result


def persona(site: BuildResult, pid: str) -> Any:
    return site.soup(f"personas/{pid}/index.html").select_one(".pp-persona")


def marked(section: Any) -> list[tuple[str, str]]:
    """(item text, the marker's accessible name) of each item in ``section`` with a marker."""
    found = []
    for item in section.select("li, blockquote p"):
        mark = item.select_one(".pp-ev-mark")
        if mark is not None:
            claim = copy.copy(item)
            claim.select_one(".pp-ev").decompose()
            found.append((text(claim), mark["aria-label"]))
    return found


# The persona page --------------------------------------------------------------------------
def test_markers_only_on_cited_items_with_the_sources_in_their_name(site: BuildResult) -> None:
    page = persona(site, "ann")
    assert marked(page.select_one(".pp-section-goals")) == [
        ("Trust the numbers", "Evidence, 1 source: Customer interviews (1 Mar 2026)")
    ]
    assert marked(page.select_one(".pp-section-challenges")) == [
        ("Manual bank feeds",
         "Evidence, 2 sources: Customer interviews (1 Mar 2026) and Survey (10 May 2024)")
    ]
    assert marked(page.select_one(".pp-section-objections")) == []
    # The first quote is the hero's pull quote; the other has no evidence.
    assert marked(page.select_one(".pp-persona-hero")) == [
        ("I re-check every total.", "Evidence, 1 source: Survey (10 May 2024)")
    ]
    assert marked(page.select_one(".pp-section-quotes")) == []
    # The "at a glance" box repeats the first goals without markers.
    assert page.select(".pp-glance .pp-ev") == []
    # Each marker is a link to its first source's entry, which exists; its popover shows the
    # same sources (with kind and date) and is hidden from assistive technology.
    mark = page.select_one(".pp-section-challenges .pp-ev")
    link = mark.select_one("a.pp-ev-mark")
    assert link["href"] == "#source-interviews-2026"
    assert page.select_one("#source-interviews-2026") is not None
    pop = mark.select_one(".pp-ev-pop")
    assert pop["aria-hidden"] == "true"
    assert text(pop) == (
        "Evidence Customer interviews interviews · 1 Mar 2026 Survey survey · 10 May 2024"
    )
    assert [s["aria-hidden"] for s in link.select("span")] == ["true", "true"]


def test_research_sources_show_title_kind_date_and_only_web_links(site: BuildResult) -> None:
    sources = persona(site, "ann").select("ul.pp-sources > li")
    assert [s.get("id") for s in sources] == [
        None, "source-interviews-2026", "source-survey-2024", "source-hostile"
    ]
    assert [text(s) for s in sources[:3]] == [
        "Old notes",
        "Customer interviews interviews · 1 Mar 2026",
        "Survey survey · 10 May 2024",
    ]
    link = sources[1].select_one("a")
    assert link["href"] == "https://example.com/interviews"
    assert link["rel"] == ["noopener", "nofollow"]
    assert sources[1].select_one("time")["datetime"] == "2026-03-01"
    # Hostile text stays text, and a javascript: address is not a link.
    hostile = sources[3]
    assert hostile.select("a, img, script") == []
    assert '<img src=x onerror=alert(1)> bold "note"' in text(hostile)
    assert "<script>alert(2)</script>" in text(hostile)
    assert "javascript:alert(1)" in text(hostile)
    html = site.html("personas/ann/index.html")
    assert "<script>alert(2)" not in html and "<img src=x" not in html


def test_hostile_source_title_in_a_markers_name_is_escaped(site: BuildResult) -> None:
    need = persona(site, "ann").select_one(".pp-section-needs .pp-ev-mark")
    assert need["aria-label"] == 'Evidence, 1 source: <img src=x onerror=alert(1)> bold "note"'
    assert need["href"] == "#source-hostile"


def test_evidence_summary_and_no_stale_note_while_fresh(site: BuildResult) -> None:
    page = persona(site, "ann")
    # 2 goals, 1 challenge, 1 need, 1 objection and 2 quotes; 4 of them cite a source.
    assert text(page.select_one(".pp-ev-summary")) == (
        "4 of 7 claims cite evidence · newest 1 Mar 2026 · oldest 10 May 2024"
    )
    # Fresh: the stale note and the status line are there for a later reader, hidden.
    note = page.select_one("#evidence-stale")
    assert note.has_attr("hidden") and note["data-stale-from"] == "2028-03-02"
    line = page.select_one(".pp-evidence-status")
    assert line.has_attr("hidden") and line["data-stale-from"] == "2028-03-02"


def test_stale_evidence_is_its_own_line_next_to_the_review_state(site: BuildResult) -> None:
    page = persona(site, "olga")
    review = page.select_one("[data-pp-review-status]")
    assert text(review).startswith("Last reviewed 1 September 2026, owner @research")
    line = page.select_one(".pp-evidence-status")
    assert not line.has_attr("hidden")
    assert text(line) == (
        "Evidence stale: the newest research (15 January 2024) is older than 2 years "
        "· What to do"
    )
    assert line.select_one("a")["href"] == "#evidence-stale"
    note = page.select_one("#evidence-stale")
    assert not note.has_attr("hidden") and note["role"] == "note"
    assert text(note).startswith(
        "Evidence stale The newest research behind this persona (15 January 2024) is older "
        "than 2 years. To do: plan new research with the persona's owner, or add newer sources "
        "to research.sources"
    )
    assert text(page.select_one(".pp-ev-summary")) == (
        "1 of 1 claim cites evidence · newest 15 Jan 2024"
    )


def test_a_retired_persona_is_never_flagged(site: BuildResult) -> None:
    page = persona(site, "rita")
    assert page.select(".pp-evidence-status, #evidence-stale") == []


def test_personas_without_evidence_show_no_summary(tmp_path: Path) -> None:
    root = write_project(tmp_path, personas={"pam.yaml": """\
        name: Plain Pam
        owner: "@x"
        last_reviewed: 2026-10-01
        goals: [One, Two]
        research: {interviews: 3, sources: [Interviews 2026]}
        """})
    page = body_soup(project_outputs(root)["personas/pam.md"])
    assert page.select(".pp-ev, .pp-ev-summary, .pp-evidence-status, #evidence-stale") == []
    assert text(page.select_one("ul.pp-sources")) == "Interviews 2026"


def test_evidence_max_age_decides_what_is_stale(tmp_path: Path) -> None:
    root = files(tmp_path)
    outputs = project_outputs(root, evidence_max_age=parse_interval("5 years"))
    olga = body_soup(outputs["personas/olga.md"])
    assert olga.select_one(".pp-evidence-status").has_attr("hidden")
    data = json.loads(outputs["reviews.json"].data())
    assert data["evidence_max_age"] == "5 years"
    assert next(i for i in data["items"] if i["id"] == "olga")["evidence"]["stale"] is False


# The tracker and reviews.json ---------------------------------------------------------------
def test_tracker_marks_evidence_stale_beside_the_review_state(site: BuildResult) -> None:
    soup = site.soup("reviews/index.html")
    rows = {r["data-id"]: r for r in soup.select("tr[data-pp-row]")}
    olga = rows["olga"]
    assert (olga["data-state"], olga["data-evidence"]) == ("current", "stale")
    assert olga["data-evidence-stale-from"] == "2026-01-16"
    state = olga.select_one(".pp-tracker-state")
    assert text(state) == "Current Evidence stale"
    assert not state.select_one("[data-pp-evidence-badge]").has_attr("hidden")
    ann = rows["ann"]
    assert ann["data-evidence"] == "fresh"
    assert ann.select_one("[data-pp-evidence-badge]").has_attr("hidden")
    assert not rows["close"].has_attr("data-evidence")  # journeys have no evidence of their own
    tile = soup.select_one("[data-pp-evidence-tile]")
    assert text(tile) == "1 Evidence stale"
    assert tile.select_one("button")["aria-pressed"] == "false"
    # The states keep their own tiles.
    states = [li["data-state"] for li in soup.select(".pp-tracker-count[data-state]")]
    assert states == ["overdue", "due-soon", "current", "retired"]
    assert "is also marked evidence stale" in text(soup.select_one(".pp-tracker-intro"))


def test_reviews_json_carries_evidence(site: BuildResult) -> None:
    data = json.loads(site.html("reviews.json"))
    assert data["evidence_max_age"] == "2 years"
    items = {i["id"]: i for i in data["items"]}
    assert items["olga"]["evidence"] == {
        "stale": True, "newest": "2024-01-15", "oldest": "2024-01-15", "cited": 1, "items": 1,
        "stale_from": "2026-01-16",
    }
    assert items["olga"]["state"] == "current"  # never instead of the review state
    assert items["ann"]["evidence"] == {
        "stale": False, "newest": "2026-03-01", "oldest": "2024-05-10", "cited": 4, "items": 7,
        "stale_from": "2028-03-02",
    }
    assert items["close"]["evidence"] is None
    assert {i["last_updated"] for i in data["items"]} == {None}  # not in git


# Comparison ----------------------------------------------------------------------------------
def test_compare_data_carries_evidence(site: BuildResult) -> None:
    data = json.loads(site.html("personas/compare-data.json"))
    ann = next(p for p in data["personas"] if p["id"] == "ann")
    assert ann["evidence"] == {
        "cited": 4, "items": 7, "newest": "2026-03-01", "stale": False,
        "text": "4 of 7 claims cite evidence · newest 1 Mar 2026",
    }
    sections = dict(ann["sections"])
    goals = sections["goals"][0][2]
    assert len(goals[0]) == 1  # no evidence: [html]
    html, key, marker = goals[1]
    assert (html, key) == ("Trust the numbers", "trust the numbers")
    assert 'href="../ann/#source-interviews-2026"' in marker
    assert 'aria-label="Evidence, 1 source: Customer interviews (1 Mar 2026)"' in marker
    research = {row[0]: row for row in sections["research"]}
    assert research["Evidence"][2] == ["4 of 7 claims cite evidence · newest 1 Mar 2026"]
    sources = [cell[0] for cell in research["Sources"][2]]
    assert sources[1] == 'Customer interviews · <span class="pp-cmp-source-date">1 Mar 2026</span>'
    assert "&lt;img src=x" in sources[3]  # a source's title is escaped, never its repr
    assert data["strings"]["evidence.heading"] == "Evidence"


def test_comparison_table_shows_markers_and_an_evidence_summary(site: BuildResult) -> None:
    soup = site.soup("personas/compare/ann-and-olga/index.html")
    goals = soup.select("tbody.pp-cmp-section-goals td")
    marks = [[li.select_one(".pp-ev-mark")["href"] for li in td.select("li.pp-ev-host")]
             for td in goals]
    assert marks == [["../../ann/#source-interviews-2026"], ["../../olga/#source-olga-survey"]]
    assert [len(td.select("li")) for td in goals] == [2, 1]
    keys = {text(div.dt): div for div in soup.select(".pp-cmp-keys dl > div")}
    assert [text(li) for li in keys["Evidence"].select("li")] == [
        "Ann Analyst: 4 of 7 claims cite evidence · newest 1 Mar 2026",
        "Old-research Olga: 1 of 1 claim cites evidence · newest 15 Jan 2024 Evidence stale",
    ]
    evidence_row = soup.select("tbody.pp-cmp-section-research th.pp-cmp-label")[-1]
    assert text(evidence_row).startswith("Evidence")


# Journeys ------------------------------------------------------------------------------------
def test_a_stage_names_the_sources_it_cites(site: BuildResult) -> None:
    soup = site.soup("journeys/close/index.html")
    row = soup.select_one("tr.pp-lane-evidence")
    assert text(row.th) == "Evidence"
    cells = row.select("td")
    links = [(a["href"], text(a)) for a in cells[0].select("a")]
    assert links == [
        ("../../personas/ann/#source-interviews-2026", "Customer interviews"),
        ("../../personas/olga/#source-olga-survey", "Owner survey"),
    ]
    # Several personas: each source says whose research it is.
    assert [text(s) for s in cells[0].select(".pp-jsource-meta")] == [
        "Ann Analyst · 1 Mar 2026", "Old-research Olga · 15 Jan 2024"
    ]
    assert text(cells[1]) == "—"
    # The phone layout (one card per stage) names them too.
    card = soup.select("li.pp-jstage")[0].select_one(".pp-lane-evidence")
    assert [text(a) for a in card.select("a")] == ["Customer interviews", "Owner survey"]
