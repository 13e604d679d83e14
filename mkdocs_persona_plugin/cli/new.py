"""``mkdocs-persona new``: write a commented starter persona or journey file."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from ..core.intervals import resolve_today
from ..core.loader import YAML_SUFFIXES, find_yaml_files
from ..core.models import SLUG_PATTERN
from ..core.starter import (
    PLACEHOLDER_PERSONA,
    journey_starter,
    persona_starter,
    schema_ref,
    slugify,
)
from ..core.yamlsafe import load_yaml
from .common import project_of, shown

HELP = "write a commented starter persona or journey file"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The command's own arguments."""
    parser.add_argument("kind", choices=["persona", "journey"])
    parser.add_argument("name", nargs="+", help='e.g. "Finance Manager Margie"')
    parser.add_argument(
        "--persona", metavar="ID",
        help="for a journey: the persona it is about (default: the first persona found)",
    )


def _first_persona_id(folder: Path) -> str | None:
    """The id of the first persona file (in file name order), if any."""
    for path in find_yaml_files(folder) if folder.is_dir() else []:
        try:
            data = load_yaml(path.read_bytes()).data
        except OSError:
            continue
        if isinstance(data, dict):
            ident = data.get("id", path.stem)
            if isinstance(ident, str) and re.fullmatch(SLUG_PATTERN, ident):
                return ident
    return None


def run(args: argparse.Namespace) -> int:
    """Write a commented starter file; never overwrite."""
    project = project_of(args)
    name = " ".join(args.name).strip()
    slug = slugify(name)
    if not slug:
        print(
            f"error: cannot make a file name from '{name}': use at least one Latin letter or "
            "digit (the file name becomes the id)",
            file=sys.stderr,
        )
        return 2
    folder = project.personas_dir if args.kind == "persona" else project.journeys_dir
    existing = [folder / f"{slug}{suffix}" for suffix in YAML_SUFFIXES]
    for target in existing:
        if target.exists():
            print(f"error: {shown(target)} already exists; not overwriting it", file=sys.stderr)
            return 1
    target = existing[0]
    today = resolve_today(project.options.get("today"))
    schema = schema_ref(folder, project.root, f"{args.kind}.schema.json")
    if args.kind == "persona":
        if args.persona:
            print("error: --persona is only for `new journey`", file=sys.stderr)
            return 2
        text = persona_starter(name, today, schema)
    else:
        persona = args.persona or _first_persona_id(project.personas_dir)
        if persona is not None and not re.fullmatch(SLUG_PATTERN, persona):
            print(f"error: '{persona}' is not a persona id", file=sys.stderr)
            return 2
        if persona is None:
            print(
                "warning: no persona found; write one first with `mkdocs-persona new persona "
                f"NAME`, then set `persona:` in {shown(target)}",
                file=sys.stderr,
            )
        text = journey_starter(name, today, schema, persona or PLACEHOLDER_PERSONA)
    folder.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
        handle.write(text)
    print(f"wrote {shown(target)}")
    if not (folder / schema).is_file():
        print(
            f"tip: run `mkdocs-persona schema {shown(project.root / 'schemas')}` so that "
            "editors can check and complete this file",
            file=sys.stderr,
        )
    return 0
