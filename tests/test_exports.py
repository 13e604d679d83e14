"""personas.json / journeys.json in the built site and ``mkdocs-persona export`` (JSON, CSV)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXED_TODAY, REPO, BuildResult, run_build, run_cli, write_project

from mkdocs_persona_plugin.core.intervals import parse_interval
from mkdocs_persona_plugin.core.loader import load_handbook
from mkdocs_persona_plugin.core.models import Journey, Persona
from mkdocs_persona_plugin.core.options import HandbookOptions
from mkdocs_persona_plugin.render import exports
from mkdocs_persona_plugin.render.pages.exports import export_document, generate
from mkdocs_persona_plugin.render.site import BuildContext, make_environment
from mkdocs_persona_plugin.render.strings import Strings

TODAY = dt.date.fromisoformat(FIXED_TODAY)

ADA = """\
    name: Analyst Ada
    owner: "@research"
    last_reviewed: 2026-03-01
    type: decision-maker
    market: b2b
    share: 12.5
    quotes:
      - Plain quote
      - text: Sourced quote
        source: Interview 3
    demographics:
      Age: 41
      City: Leeds
    goals:
      - Close the books in **5 days**
    tags: [finance, lead]
    related: [mia]
"""
MIA = """\
    name: Manager Mia
    owner: "@sales"
    last_reviewed: 2025-01-10
"""
ZED = """\
    name: Zed
    owner: "@sales"
    last_reviewed: 2026-11-01
    status: retired
"""
TRIP = """\
    title: Buying the product
    personas: [ada, mia]
    stages:
      - name: Research
        emotion: {ada: -1, mia: 2}
        actions: [Reads reviews, Asks peers]
        pain_points: [Too many options]
      - name: Decide
        emotion: -2
        moment_of_truth: true
        teams: [Sales]
"""


def _context(root: Path, **options: Any) -> BuildContext:
    handbook = load_handbook(root / "personas", root / "journeys", root=root, today=TODAY)
    opts = HandbookOptions(
        project_root=root,
        personas_dir=root / "personas",
        journeys_dir=root / "journeys",
        cache_dir=root / ".cache",
        today=TODAY,
        review_every=parse_interval("1 year"),
        **options,
    )
    return BuildContext(handbook, opts, Strings("en"), make_environment())


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """Three personas (written out of id order) and one journey for two of them."""
    return write_project(
        tmp_path / "small",
        personas={"zed.yaml": ZED, "ada.yaml": ADA, "mia.yaml": MIA},
        journeys={"trip.yaml": TRIP},
    )


# Records -------------------------------------------------------------------------------
def test_persona_record_holds_every_field_in_json_form(small: Path) -> None:
    doc = export_document(_context(small), "personas")
    assert list(doc) == ["generated", "count", "personas"]
    assert doc["generated"] == FIXED_TODAY
    assert doc["count"] == 3
    assert [p["id"] for p in doc["personas"]] == ["ada", "mia", "zed"]
    ada = doc["personas"][0]
    assert list(ada) == [*Persona.model_fields, "evidence", "url", "source", "review"]
    assert ada["last_reviewed"] == "2026-03-01"
    assert ada["type"] == "decision-maker"
    assert ada["market"] == "b2b"
    assert ada["status"] == "active"
    assert ada["share"] == 12.5
    assert ada["quotes"] == [
        {"text": "Plain quote", "source": None, "lang": None, "evidence": None},
        {"text": "Sourced quote", "source": "Interview 3", "lang": None, "evidence": None},
    ]
    assert ada["demographics"] == {"Age": "41", "City": "Leeds"}  # text, as written
    assert ada["goals"] == ["Close the books in **5 days**"]  # Markdown stays raw
    assert ada["segment"] is None and ada["research"] is None
    assert ada["url"] == "personas/ada/"
    assert ada["source"] == "personas/ada.yaml"
    assert ada["review"] == {"next_review": "2027-03-01", "state": "current", "days": 92}
    assert doc["personas"][1]["review"] == {
        "next_review": "2026-01-10", "state": "overdue", "days": -323,
    }
    assert doc["personas"][2]["review"]["state"] == "retired"


def test_journey_record_and_urls_follow_the_options(small: Path) -> None:
    doc = export_document(_context(small), "journeys")
    assert doc["count"] == 1
    trip = doc["journeys"][0]
    assert list(trip) == [*Journey.model_fields, "url", "source", "review"]
    assert trip["personas"] == ["ada", "mia"] and trip["persona"] is None
    assert trip["stages"][0]["emotion"] == {"ada": -1, "mia": 2}
    assert trip["stages"][1]["emotion"] == -2
    assert trip["stages"][1]["moment_of_truth"] is True
    assert trip["url"] == "journeys/trip/"
    assert trip["source"] == "journeys/trip.yaml"
    assert trip["review"] == {"next_review": None, "state": "unscheduled", "days": None}

    no_pages = export_document(_context(small, journey_pages=False), "journeys")
    assert no_pages["journeys"][0]["url"] is None
    flat = _context(small, use_directory_urls=False, url_prefix="handbook")
    assert export_document(flat, "personas")["personas"][0]["url"] == "handbook/personas/ada.html"
    assert [o.src_uri for o in generate(flat)] == [
        "handbook/personas.json",
        "handbook/journeys.json",
    ]
    assert list(generate(_context(small, exports=False))) == []


def test_output_is_deterministic(small: Path) -> None:
    first = [o.content for o in generate(_context(small))]
    second = [o.content for o in generate(_context(small))]
    assert first == second
    assert all(o.kind == "asset" for o in generate(_context(small)))


def test_json_is_safe_to_inline_in_html() -> None:
    hostile = '</script><script>alert("x")</script> <!-- & \u2028 café'
    text = exports.dumps({"name": hostile})
    for unsafe in ("<", ">", "&", "\u2028"):
        assert unsafe not in text
    assert "\\u003c/script\\u003e" in text
    assert "café" in text  # not ASCII-escaped
    assert json.loads(text) == {"name": hostile}
    assert text.endswith("}\n")


# CSV -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
        ("+SUM(A1)", "'+SUM(A1)"),
        ("-A1*2", "'-A1*2"),
        ("@cmd", "'@cmd"),
        ("\tleading tab", "'\tleading tab"),
        ("\rcarriage", "'\rcarriage"),
        ("-2", "-2"),
        ("-0.5", "-0.5"),
        ("plain = text", "plain = text"),
        (12.5, "12.5"),
        (30.0, "30"),
        (None, ""),
        (True, "yes"),
        (False, ""),
    ],
)
def test_csv_cells_cannot_become_formulas(value: Any, cell: str) -> None:
    assert exports.safe_cell(value) == cell


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_cli_csv_personas_flat_columns_and_injection(tmp_path: Path) -> None:
    project = write_project(
        tmp_path / "p",
        personas={
            "ada.yaml": ADA,
            "mia.yaml": MIA,
            "evil.yaml": """\
                name: "=HYPERLINK(\\"http://evil.example\\",\\"click\\")"
                owner: "+sales"
                last_reviewed: 2026-06-01
                segment: "-1+2"
                tagline: "@SUM(A1:A9)"
                tags: ["=cmd|' /C calc'!A0", safe]
                goals: ["-1+1 fewer steps", Normal goal]
            """,
        },
    )
    result = run_cli("export", "--format", "csv", cwd=project)
    assert result.returncode == 0, result.stderr
    header = result.stdout.splitlines()[0].split(",")
    assert header[:3] == ["id", "name", "type"] and header[-3:] == ["related", "source", "url"]
    rows = {row["id"]: row for row in _csv(result.stdout)}
    assert list(rows) == ["ada", "evil", "mia"]
    evil = rows["evil"]
    assert evil["name"] == "'=HYPERLINK(\"http://evil.example\",\"click\")"
    assert evil["owner"] == "'+sales"
    assert evil["segment"] == "'-1+2"
    assert evil["tagline"] == "'@SUM(A1:A9)"
    assert evil["tags"] == "'=cmd|' /C calc'!A0; safe"
    assert evil["goals"] == "'-1+1 fewer steps; Normal goal"
    ada = rows["ada"]
    assert ada["type"] == "decision-maker"
    assert ada["share"] == "12.5"
    assert ada["tags"] == "finance; lead"
    assert ada["related"] == "mia"
    assert ada["goals"] == "Close the books in **5 days**"
    assert ada["next_review"] == "2027-03-01"
    assert ada["review_state"] == "current"
    assert ada["source"] == "personas/ada.yaml"
    assert ada["url"] == "personas/ada/"


def test_cli_csv_journeys_one_row_per_stage(small: Path) -> None:
    out = small / "out" / "journeys.csv"
    out.parent.mkdir()
    result = run_cli("export", "--format", "csv", "--kind", "journeys", "-o", str(out), cwd=small)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert "wrote" in result.stderr
    raw = out.read_bytes().decode("utf-8")
    assert raw.startswith(",".join(exports.JOURNEY_COLUMNS) + "\r\n")
    rows = _csv(raw)
    assert [(r["journey_id"], r["stage"], r["stage_name"]) for r in rows] == [
        ("trip", "1", "Research"),
        ("trip", "2", "Decide"),
    ]
    first, second = rows
    assert first["personas"] == "ada; mia"
    assert first["state"] == "current"
    assert first["emotion"] == "ada:-1; mia:2"
    assert first["actions"] == "Reads reviews; Asks peers"
    assert first["pain_points"] == "Too many options"
    assert first["moment_of_truth"] == ""
    assert second["emotion"] == "-2"  # a number, not a formula: left as it is
    assert second["moment_of_truth"] == "yes"
    assert second["teams"] == "Sales"
    assert first["url"] == "journeys/trip/"


def test_cli_without_mkdocs_yml_leaves_urls_empty(small: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    args = ("--personas", str(small / "personas"), "--journeys", str(small / "journeys"))
    result = run_cli("export", *args, "--today", FIXED_TODAY, cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert [p["url"] for p in doc["personas"]] == [None, None, None]
    result = run_cli("export", "--format", "csv", *args, cwd=elsewhere)
    assert {row["url"] for row in _csv(result.stdout)} == {""}


def test_cli_exits_2_listing_problems_when_data_is_invalid(tmp_path: Path) -> None:
    project = write_project(
        tmp_path / "bad",
        personas={"ok.yaml": MIA, "bad.yaml": "name: No owner\nlast_reviewed: soon\n"},
    )
    result = run_cli("export", "--format", "csv", cwd=project)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "personas/bad.yaml:" in result.stderr
    assert "owner" in result.stderr and "last_reviewed" in result.stderr
    assert "nothing exported" in result.stderr


# The built site ------------------------------------------------------------------------
def test_example_site_publishes_personas_and_journeys_json(example_site: BuildResult) -> None:
    personas = json.loads(example_site.html("personas.json"))
    expected = sorted(p.stem for p in (REPO / "personas").glob("*.yaml"))
    assert personas["generated"] == FIXED_TODAY
    assert personas["count"] == len(expected)
    assert [p["id"] for p in personas["personas"]] == expected
    hannah = next(p for p in personas["personas"] if p["id"] == "hannah")
    assert hannah["url"] == "personas/hannah/"
    assert hannah["source"] == "personas/hannah.yaml"
    assert hannah["type"] == "decision-maker"
    assert all(set(q) == {"text", "source", "lang", "evidence"} for q in hannah["quotes"])
    for record in personas["personas"]:
        assert (example_site.site / record["url"] / "index.html").is_file()

    journeys = json.loads(example_site.html("journeys.json"))
    expected_j = sorted(p.stem for p in (REPO / "journeys").glob("*.yaml"))
    assert [j["id"] for j in journeys["journeys"]] == expected_j
    for record in journeys["journeys"]:
        assert (example_site.site / record["url"] / "index.html").is_file()
        assert record["review"]["state"] in {
            "current", "due-soon", "overdue", "unscheduled",
        }


def test_cli_json_is_the_published_file(example_site: BuildResult) -> None:
    for kind in ("personas", "journeys"):
        result = run_cli("export", "--kind", kind, cwd=example_site.project)
        assert result.returncode == 0, result.stderr
        assert result.stdout == example_site.html(f"{kind}.json")


def test_site_options_move_or_drop_the_exports(tmp_path: Path) -> None:
    moved = write_project(
        tmp_path / "moved",
        personas={"mia.yaml": MIA},
        plugin={"url_prefix": "handbook", "images": False},
        config={"use_directory_urls": False},
    )
    result = run_build(moved)
    assert result.returncode == 0, result.log
    doc = json.loads(result.html("handbook/personas.json"))
    assert doc["personas"][0]["url"] == "handbook/personas/mia.html"
    assert (result.site / "handbook/personas/mia.html").is_file()
    assert not (result.site / "personas.json").exists()
    cli = run_cli("export", cwd=moved)
    assert cli.stdout == result.html("handbook/personas.json")

    off = write_project(
        tmp_path / "off", personas={"mia.yaml": MIA}, plugin={"exports": False, "images": False}
    )
    result = run_build(off)
    assert result.returncode == 0, result.log
    assert not (result.site / "personas.json").exists()
    assert not (result.site / "journeys.json").exists()


CSV_PERSONA = """\
name: Ada
owner: "@research"
last_reviewed: 2026-03-01
bio: Runs finance for a **small** firm.
demographics: {Age: "41", City: Leeds}
role: {Title: Finance lead, "=Team": "+3"}
goals:
  - Close fast
  - text: Trust the numbers
    evidence: [int-26]
quotes:
  - text: I re-check every total.
    source: Interview 3
    evidence: [int-26]
  - Plain quote
messaging:
  pitch: Close in days.
  message: Month-end without the spreadsheets.
  vocabulary: [close, audit]
  avoid: [disrupt]
research:
  interviews: 12
  confidence: high
  sources:
    - Old notes
    - {title: Interviews, id: int-26, date: 2026-02-01, kind: interviews, url: "https://example.invalid/i"}
"""


def test_csv_holds_what_the_persona_method_is_built_on(tmp_path: Path) -> None:
    project = write_project(
        tmp_path, personas={"ada.yaml": CSV_PERSONA, "mia.yaml": CSV_PERSONA.replace(
            "name: Ada", "name: Mia"
        ).replace('demographics: {Age: "41", City: Leeds}', "demographics: {Income: High}")},
    )
    result = run_cli("export", "--format", "csv", cwd=project)
    assert result.returncode == 0, result.stderr
    header = result.stdout.splitlines()[0].split(",")
    # One column per demographics and role label, in order of first use.
    assert header[13:19] == [
        "tags", "demographics.Age", "demographics.City", "demographics.Income", "role.Title",
        "role.=Team",
    ]
    ada = {row["id"]: row for row in _csv(result.stdout)}["ada"]
    assert ada["bio"] == "Runs finance for a **small** firm."
    assert (ada["demographics.Age"], ada["demographics.City"]) == ("41", "Leeds")
    assert ada["demographics.Income"] == ""
    assert ada["role.=Team"] == "'+3"  # a spreadsheet would compute +3: defused
    assert ada["quotes"] == "\u201cI re-check every total.\u201d \u2014 Interview 3 [int-26]; " \
        "\u201cPlain quote\u201d"
    assert ada["messaging.pitch"] == "Close in days."
    assert ada["messaging.message"] == "Month-end without the spreadsheets."
    assert ada["messaging.vocabulary"] == "close; audit"
    assert ada["messaging.avoid"] == "disrupt"
    assert (ada["research.interviews"], ada["research.confidence"]) == ("12", "high")
    assert ada["research.sources"] == (
        "Old notes; Interviews (int-26, 2026-02-01, interviews) https://example.invalid/i"
    )
    assert ada["evidence"] == "goals: Trust the numbers [int-26]"
