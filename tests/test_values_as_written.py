"""Every free-text value is published exactly as written, whatever YAML 1.1 would make of it.

YAML 1.1 (PyYAML's dialect) reads ``0170`` as 120, ``7:30`` as 450, ``1.10`` as 1.1,
``1_000`` as 1000 and ``yes`` as true. A persona author who writes ``zip: 0170`` must see
``0170`` on the page, in ``personas.json``, in the CSV export and in the comparison, in every
free-text position of both kinds of file. Typed fields (dates, emotion, share, counts) stay
typed and keep their errors.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import FIXED_TODAY, project_outputs, write_project

from mkdocs_persona_plugin.core.loader import load_handbook
from mkdocs_persona_plugin.core.problems import ValidationFailed
from mkdocs_persona_plugin.render import exports

TODAY = dt.date.fromisoformat(FIXED_TODAY)

#: Plain scalars YAML 1.1 would turn into something else, and what it would make of them.
IMPLICIT = [
    "0170",  # octal: 120
    "012",  # octal: 10
    "0x1F",  # hex: 31
    "0b101",  # binary: 5
    "7:30",  # base 60: 450
    "1:20:30",  # base 60
    "1_000",  # underscores: 1000
    "1.10",  # float: 1.1
    "1e3",  # float: 1000.0
    "6.02e+23",
    "+12",
    "-0",
    ".inf",
    "-.Inf",
    ".nan",
    "yes",
    "No",
    "on",
    "OFF",
    "y",
    "n",
    "true",
    "False",
    "2001-02-03",  # date
    "2001-12-14t21:59:43.10-05:00",  # timestamp
]

PERSONA = """\
name: {v}
owner: {v}
last_reviewed: 2026-03-14
segment: {v}
tagline: {v}
bio: {v}
photo_alt: {v}
quotes:
  - {v}
  - text: {v}
    source: {v}
demographics:
  Zip: {v}
role:
  Team size: {v}
goals: [{v}]
challenges:
  - {v}
motivations: [{v}]
needs: [{v}]
objections: [{v}]
behaviors: [{v}]
channels: [{v}]
tools: [{v}]
interests: [{v}]
messaging:
  pitch: {v}
  message: {v}
  vocabulary: [{v}]
  avoid: [{v}]
research:
  sources: [{v}]
tags: [{v}]
review_every: 1 year
sections:
  Text: {v}
  List:
    - {v}
"""

JOURNEY = """\
title: {v}
persona: ada
scenario: {v}
goal: {v}
owner: {v}
last_reviewed: 2026-03-14
tags: [{v}]
stages:
  - name: {v}
    description: {v}
    actions: [{v}]
    thoughts: [{v}]
    touchpoints: [{v}]
    channels: [{v}]
    pain_points: [{v}]
    opportunities: [{v}]
    backstage: [{v}]
    teams: [{v}]
    kpis: [{v}]
    emotion: 1
"""

LIST_FIELDS = [
    "goals", "challenges", "motivations", "needs", "objections", "behaviors", "channels",
    "tools", "interests", "tags",
]
STAGE_LISTS = [
    "actions", "thoughts", "touchpoints", "channels", "pain_points", "opportunities",
    "backstage", "teams", "kpis",
]


def _outputs(root: Path) -> dict[str, Any]:
    return project_outputs(root, TODAY)


def _yaml11(value: str) -> Any:
    """What PyYAML's YAML 1.1 reading would have published instead."""
    return yaml.safe_load(f"v: {value}")["v"]


def _texts(output: Any) -> list[str]:
    soup = BeautifulSoup(output.full_body(), "html.parser")
    return [el.get_text(" ", strip=True) for el in soup.find_all(True)]


@pytest.mark.parametrize("value", IMPLICIT)
def test_free_text_is_published_as_written(tmp_path: Path, value: str) -> None:
    root = write_project(
        tmp_path,
        personas={"ada.yaml": PERSONA.format(v=value)},
        journeys={"trip.yaml": JOURNEY.format(v=value)},
    )
    outputs = _outputs(root)
    text_of = {
        uri: o.data().decode() for uri, o in outputs.items() if uri.endswith((".json", ".ics"))
    }

    # personas.json: every free-text field holds the text as written
    ada = json.loads(text_of["personas.json"])["personas"][0]
    for key in ("name", "owner", "segment", "tagline", "bio", "photo_alt"):
        assert ada[key] == value, key
    assert [(q["text"], q["source"]) for q in ada["quotes"]] == [(value, None), (value, value)]
    assert ada["demographics"] == {"Zip": value}
    assert ada["role"] == {"Team size": value}
    for key in LIST_FIELDS:
        assert ada[key] == [value], key
    assert ada["messaging"] == {
        "pitch": value, "message": value, "vocabulary": [value], "avoid": [value]
    }
    assert [s["title"] for s in ada["research"]["sources"]] == [value]
    assert ada["sections"] == {"Text": value, "List": [value]}
    assert ada["last_reviewed"] == "2026-03-14"  # typed fields stay typed

    trip = json.loads(text_of["journeys.json"])["journeys"][0]
    for key in ("title", "scenario", "goal", "owner"):
        assert trip[key] == value, key
    assert trip["tags"] == [value]
    stage = trip["stages"][0]
    assert stage["name"] == value and stage["description"] == value
    for key in STAGE_LISTS:
        assert stage[key] == [value], key
    assert stage["emotion"] == 1

    # the persona page, the journey page and the comparison data show it as written
    persona_texts = _texts(outputs["personas/ada.md"])
    assert value in persona_texts  # a fact, a list item, a quote…
    facts = BeautifulSoup(outputs["personas/ada.md"].full_body(), "html.parser").select("dd")
    assert value in [dd.get_text(strip=True) for dd in facts]
    assert value in _texts(outputs["journeys/trip.md"])
    compare = text_of["personas/compare-data.json"]
    assert json.dumps(value) in compare or value in compare

    # CSV exports
    persona_row = next(csv.DictReader(io.StringIO(exports.csv_text("personas", [ada]))))
    in_csv = exports.safe_cell(value)  # "'+12": spreadsheets show it, never evaluate it
    assert in_csv in (value, "'" + value)
    assert persona_row["name"] == in_csv and persona_row["goals"] == in_csv
    journey_row = next(csv.DictReader(io.StringIO(exports.csv_text("journeys", [trip]))))
    assert journey_row["title"] == in_csv

    # the review calendar names the persona as written
    assert value.replace(",", "\\,") in text_of["reviews.ics"].replace("\r\n ", "")

    # and what YAML 1.1 would have made of it appears nowhere as a value of its own
    rewritten = _yaml11(value)
    shown = str(rewritten)
    if shown != value and len(shown) > 1 and not isinstance(rewritten, (dt.date, bool)):
        assert str(rewritten) not in persona_texts


@pytest.mark.parametrize("value", ["~", "null", "Null", "NULL", ""])
def test_null_in_an_optional_field_means_not_set(tmp_path: Path, value: str) -> None:
    head = "name: Ada\nowner: x\nlast_reviewed: 2026-03-14\n"
    root = write_project(tmp_path, personas={"ada.yaml": f"{head}tagline: {value}\n"})
    outputs = _outputs(root)
    ada = json.loads(outputs["personas.json"].data())["personas"][0]
    assert ada["tagline"] is None


@pytest.mark.parametrize(
    ("yaml_text", "expected"),
    [
        (
            "goals:\n  - ~\n",
            "personas/ada.yaml:5:5: goals[0]: expected text or a mapping, got nothing",
        ),
        ("demographics:\n  Zip: null\n", "personas/ada.yaml:5:8: demographics.Zip: expected "
         "text, got nothing"),
    ],
)
def test_null_where_text_is_needed_is_refused(
    tmp_path: Path, yaml_text: str, expected: str
) -> None:
    root = write_project(
        tmp_path,
        personas={"ada.yaml": "name: Ada\nowner: x\nlast_reviewed: 2026-03-14\n" + yaml_text},
    )
    with pytest.raises(ValidationFailed) as failed:
        load_handbook(root / "personas", root / "journeys", root=root, today=TODAY)
    first, *_ = failed.value.problems
    assert str(first).startswith(expected)


@pytest.mark.parametrize(
    ("field", "written", "read"),
    [
        ("share", "12", 12.0),
        ("share", "012", 12.0),  # YAML 1.2: decimal, not octal
        ("share", "1.10", 1.1),
        ("share", "0x1F", 31.0),
        ("research:\n  interviews", "3.0", 3),  # a whole number, however written
        ("research:\n  interviews", "1_0", 10),
    ],
)
def test_typed_fields_are_read_as_numbers(
    tmp_path: Path, field: str, written: str, read: float
) -> None:
    root = write_project(
        tmp_path,
        personas={
            "ada.yaml": f"name: Ada\nowner: x\nlast_reviewed: 2026-03-14\n{field}: {written}\n"
        },
    )
    handbook = load_handbook(root / "personas", root / "journeys", root=root, today=TODAY)
    ada = handbook.personas["ada"]
    got = ada.share if field == "share" else ada.research.interviews  # type: ignore[union-attr]
    assert got == read and type(got) is type(read)


@pytest.mark.parametrize(
    ("stage", "expected"),
    [
        ("emotion: 1.0", None),
        ("emotion: yes", "expected a whole number from -2 to 2"),
        ("emotion: 1.5", "expected a whole number from -2 to 2"),
        ("moment_of_truth: true", None),
        ("moment_of_truth: yes", "expected true or false, got the text 'yes'"),
    ],
)
def test_typed_journey_fields(tmp_path: Path, stage: str, expected: str | None) -> None:
    root = write_project(
        tmp_path,
        personas={"ada.yaml": "name: Ada\nowner: x\nlast_reviewed: 2026-03-14\n"},
        journeys={"trip.yaml": f"title: Trip\npersona: ada\nstages:\n  - name: One\n    {stage}\n"},
    )
    if expected is None:
        load_handbook(root / "personas", root / "journeys", root=root, today=TODAY)
        return
    with pytest.raises(ValidationFailed) as failed:
        load_handbook(root / "personas", root / "journeys", root=root, today=TODAY)
    (problem,) = failed.value.problems
    assert (problem.path, problem.line, problem.field) == ("journeys/trip.yaml", 5, "stages[0]."
                                                           + stage.split(":")[0])
    assert problem.message.startswith(expected)
