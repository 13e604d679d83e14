"""JSON Schemas for the persona and journey files, generated from the models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .models import Journey, Persona

SCHEMA_DIR = Path(__file__).parent / "schemas"
SCHEMA_FILES: dict[str, type[BaseModel]] = {
    "persona.schema.json": Persona,
    "journey.schema.json": Journey,
}


def build_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``model``, as editors should see it."""
    schema = model.model_json_schema(mode="validation")
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    props = schema.get("properties", {})
    if "id" in props:
        props["id"].pop("default", None)  # the default is the file name, not ""
    _close_pattern_maps(schema)
    return schema


def _close_pattern_maps(node: Any) -> None:
    """Mappings keyed by persona id accept no other keys (pydantic leaves them open)."""
    if isinstance(node, dict):
        if "patternProperties" in node:
            node.setdefault("additionalProperties", False)
        for value in node.values():
            _close_pattern_maps(value)
    elif isinstance(node, list):
        for value in node:
            _close_pattern_maps(value)


def schema_text(model: type[BaseModel]) -> str:
    """The schema as the exact text written to disk (stable key order, trailing newline)."""
    return json.dumps(build_schema(model), indent=2, ensure_ascii=False) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write both schemas into ``folder`` (created if needed); return the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in SCHEMA_FILES.items():
        target = folder / name
        target.write_text(schema_text(model), encoding="utf-8")
        written.append(target)
    return written
