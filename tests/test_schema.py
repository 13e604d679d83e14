"""The JSON Schemas editors use: generated from the models, shipped, and in step with them."""

from __future__ import annotations

import datetime as dt
import fnmatch
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli

from mkdocs_persona_plugin.core.schema import SCHEMA_DIR, SCHEMA_FILES, build_schema, schema_text
from mkdocs_persona_plugin.core.starter import journey_starter, persona_starter
from mkdocs_persona_plugin.core.yamlsafe import load_yaml

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    tomllib = pytest.importorskip("tomli")

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((REPO / "personas").glob("*.yaml")) + sorted((REPO / "journeys").glob("*.yaml"))
SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def _kind(path: Path) -> str:
    return "persona" if path.parent.name == "personas" else "journey"


def _jsonable(value: Any) -> Any:
    """Data as an editor's YAML server sees it: dates are text."""
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@pytest.mark.parametrize("name", sorted(SCHEMA_FILES))
def test_checked_in_schema_matches_the_models(name: str) -> None:
    """Fails when a model changes without `mkdocs-persona schema <package>/core/schemas`."""
    checked_in = (SCHEMA_DIR / name).read_text(encoding="utf-8")
    assert checked_in == schema_text(SCHEMA_FILES[name]), (
        f"{name} is out of date: run `mkdocs-persona schema mkdocs_persona_plugin/core/schemas`"
    )


def test_schema_command_writes_both_schemas(tmp_path: Path) -> None:
    result = run_cli("schema", "out/schemas", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "wrote out/schemas/persona.schema.json\nwrote out/schemas/journey.schema.json\n"
    )
    for name in SCHEMA_FILES:
        assert (tmp_path / "out" / "schemas" / name).read_text(encoding="utf-8") == (
            SCHEMA_DIR / name
        ).read_text(encoding="utf-8")


def test_schemas_are_package_data() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["mkdocs_persona_plugin"]
    for name in SCHEMA_FILES:
        assert any(fnmatch.fnmatch(f"core/schemas/{name}", p) for p in patterns), patterns
    assert "jsonschema" in " ".join(config["project"]["optional-dependencies"]["test"])


@pytest.mark.parametrize("name", sorted(SCHEMA_FILES))
def test_schema_is_what_editors_need(name: str) -> None:
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == name
    assert schema["additionalProperties"] is False  # typos are flagged in the editor
    missing = [key for key, prop in schema["properties"].items() if not prop.get("description")]
    assert missing == [], missing
    assert "default" not in schema["properties"]["id"]  # the default is the file name


def test_persona_schema_details() -> None:
    schema = build_schema(SCHEMA_FILES["persona.schema.json"])
    props = schema["properties"]
    assert schema["required"] == ["name", "owner", "last_reviewed"]
    assert props["last_reviewed"]["format"] == "date"
    assert props["type"]["$ref"] == "#/$defs/PersonaType"
    assert schema["$defs"]["PersonaType"]["enum"] == [
        "buyer",
        "user",
        "decision-maker",
        "influencer",
        "detractor",
        "payer",
        "negative",
    ]
    assert props["id"]["anyOf"][0]["pattern"] == "^[a-z0-9]+(?:-[a-z0-9]+)*$"
    assert props["name"]["type"] == ["string", "number", "boolean"]  # kept as written


def test_journey_schema_details() -> None:
    schema = build_schema(SCHEMA_FILES["journey.schema.json"])
    assert schema["required"] == ["title", "stages"]
    assert schema["oneOf"] == [{"required": ["persona"]}, {"required": ["personas"]}]
    emotion = schema["$defs"]["Stage"]["properties"]["emotion"]["anyOf"]
    assert emotion[0] == {"maximum": 2, "minimum": -2, "type": "integer"}
    assert emotion[1]["additionalProperties"] is False


# ---------------------------------------------------------------------------- example files


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_example_file_points_at_the_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = SCHEMA_LINE.match(first)
    assert match, f"{path.name} must start with '# yaml-language-server: $schema=...'"
    assert match.group(1) == f"../mkdocs_persona_plugin/core/schemas/{_kind(path)}.schema.json"
    assert (path.parent / match.group(1)).resolve().is_file()


def test_there_are_examples() -> None:
    assert len([p for p in EXAMPLES if _kind(p) == "persona"]) >= 10
    assert len([p for p in EXAMPLES if _kind(p) == "journey"]) >= 4


jsonschema = pytest.importorskip("jsonschema")


def _validator(kind: str) -> Any:
    schema = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _errors(kind: str, data: Any) -> list[str]:
    return sorted(
        f"{'/'.join(str(p) for p in e.absolute_path)}: {e.validator}"
        for e in _validator(kind).iter_errors(_jsonable(data))
    )


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_example_file_is_valid_against_the_schema(path: Path) -> None:
    data = load_yaml(path.read_bytes(), typed=True).data
    assert _errors(_kind(path), data) == []


def test_starter_files_are_valid_against_the_schema() -> None:
    today = dt.date(2026, 11, 29)
    persona = load_yaml(
        persona_starter("Finance Manager Margie", today, "x").encode(), typed=True
    ).data
    journey = load_yaml(
        journey_starter("Month-end close", today, "x", "margie").encode(), typed=True
    ).data
    assert _errors("persona", persona) == []
    assert _errors("journey", journey) == []


MARGIE: dict[str, Any] = {
    "name": "Finance Manager Margie",
    "owner": "@finance",
    "last_reviewed": "2026-03-14",
}
JOURNEY: dict[str, Any] = {"title": "Close", "persona": "margie", "stages": [{"name": "A"}]}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"goal": ["x"]}, [": additionalProperties"]),
        ({"type": "byer"}, ["type: enum"]),
        ({"status": "Active"}, ["status: enum"]),
        ({"share": 101}, ["share: anyOf"]),
        ({"share": "10"}, ["share: anyOf"]),
        ({"last_reviewed": "14 March 2026"}, ["last_reviewed: format"]),
        ({"last_reviewed": "2025-02-30"}, ["last_reviewed: format"]),
        ({"id": "Margie"}, ["id: anyOf"]),
        ({"tagline": ["x"]}, ["tagline: anyOf"]),
        ({"name": "   "}, ["name: pattern"]),
        ({"review_every": "every two weeks"}, ["review_every: anyOf"]),
        ({"share": float("nan")}, ["share: anyOf"]),
        ({"goals": "Close the books"}, ["goals: type"]),
        ({"messaging": {"pich": "x"}}, ["messaging: anyOf"]),
        ({"research": {"interviews": -1}}, ["research: anyOf"]),
        ({"quotes": [{"source": "call"}]}, ["quotes/0: anyOf"]),
        ({"demographics": {"Age": [38]}}, ["demographics/Age: type"]),
        ({"related": ["Hannah"]}, ["related/0: anyOf"]),
    ],
)
def test_schema_rejects_persona_typos(change: dict[str, Any], expected: list[str]) -> None:
    assert _errors("persona", {**MARGIE, **change}) == expected


def test_schema_requires_persona_fields() -> None:
    assert _errors("persona", {"name": "Margie"}) == [": required", ": required"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"personas": ["margie"]}, [": oneOf"]),
        ({"title": ["x"]}, ["title: type"]),
        ({"improves": "close", "state": "current"}, ["state: const"]),
        ({"stages": []}, ["stages: minItems"]),
        ({"stages": [{"name": "A", "emotion": 3}]}, ["stages/0/emotion: anyOf"]),
        ({"stages": [{"name": "A", "emotion": {"Margie": 1}}]}, ["stages/0/emotion: anyOf"]),
        ({"stages": [{"name": "A", "pain_point": ["x"]}]}, ["stages/0: additionalProperties"]),
        ({"state": "later"}, ["state: enum"]),
    ],
)
def test_schema_rejects_journey_mistakes(change: dict[str, Any], expected: list[str]) -> None:
    assert _errors("journey", {**JOURNEY, **change}) == expected


def test_schema_requires_one_of_persona_and_personas() -> None:
    neither = {"title": "Close", "stages": [{"name": "A"}]}
    assert _errors("journey", neither) == [": oneOf"]
    assert _errors("journey", {**neither, "personas": ["a", "b"]}) == []
    assert _errors("journey", {**neither, "persona": "a"}) == []
