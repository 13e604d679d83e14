"""The ``mkdocs-persona`` command line: validate, schema, new (and more subcommands)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__
from .intervals import resolve_today
from .loader import Handbook, load_handbook
from .problems import Problem, ValidationFailed, format_github, format_json, format_text
from .project import ProjectOptions, find_project
from .schema import write_schemas
from .starter import journey_starter, persona_starter, schema_ref, slugify

Handler = Callable[[argparse.Namespace], int]
FORMATTERS = {"text": format_text, "github": format_github, "json": format_json}


def _project(args: argparse.Namespace) -> ProjectOptions:
    project = find_project(args.config_file)
    if getattr(args, "personas", None):
        project.personas_dir = Path(args.personas).absolute()
    if getattr(args, "journeys", None):
        project.journeys_dir = Path(args.journeys).absolute()
    return project


def load_project(args: argparse.Namespace) -> tuple[ProjectOptions, Handbook | None, list[Problem]]:
    """Load the project the arguments name; problems instead of an exception."""
    project = _project(args)
    today = resolve_today(getattr(args, "today", None) or project.options.get("today"))
    try:
        handbook = load_handbook(
            project.personas_dir, project.journeys_dir, root=project.root, today=today
        )
    except ValidationFailed as failed:
        return project, None, failed.problems
    return project, handbook, []


def cmd_validate(args: argparse.Namespace) -> int:
    """Check every persona and journey file; exit 1 listing every problem."""
    _, handbook, problems = load_project(args)
    if args.format == "json":
        print(format_json(problems))
    elif problems:
        print(FORMATTERS[args.format](problems))
    if problems:
        if args.format != "json":
            print(f"{len(problems)} problem(s) found.", file=sys.stderr)
        return 1
    if args.format == "text" and handbook is not None:
        print(
            f"OK: {len(handbook.personas)} personas and {len(handbook.journeys)} journeys are valid."
        )
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    """Write the persona and journey JSON Schemas into a folder."""
    for path in write_schemas(Path(args.dir)):
        print(f"wrote {path}")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    """Write a commented starter file; never overwrite."""
    project = _project(args)
    name = " ".join(args.name).strip()
    slug = slugify(name)
    if not slug:
        print(f"error: '{name}' has no letters or digits to make a file name from", file=sys.stderr)
        return 2
    folder = project.personas_dir if args.kind == "persona" else project.journeys_dir
    target = folder / f"{slug}.yaml"
    if target.exists() or target.with_suffix(".yml").exists():
        print(f"error: {target} already exists; not overwriting it", file=sys.stderr)
        return 1
    folder.mkdir(parents=True, exist_ok=True)
    today = resolve_today(project.options.get("today"))
    schema = schema_ref(folder, project.root, f"{args.kind}.schema.json")
    writer = persona_starter if args.kind == "persona" else journey_starter
    target.write_text(writer(name, today, schema), encoding="utf-8")
    print(f"wrote {target}")
    return 0


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-f", "--config-file", type=Path, default=None,
        help="mkdocs.yml to read the plugin options from (default: ./mkdocs.yml if present)",
    )
    parser.add_argument("--personas", metavar="DIR", help="personas folder (overrides mkdocs.yml)")
    parser.add_argument("--journeys", metavar="DIR", help="journeys folder (overrides mkdocs.yml)")


#: Extra subcommands register here: name -> (help, add-arguments function, handler).
EXTRA_COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Handler]] = {}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="mkdocs-persona",
        description="Validate, scaffold and export persona and journey YAML files.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("validate", help="check every persona and journey file")
    _common(p)
    p.add_argument("--format", choices=sorted(FORMATTERS), default="text",
                   help="text (default), github (workflow annotations) or json")
    p.add_argument("--today", metavar="YYYY-MM-DD", help="date to check 'future' dates against")
    p.set_defaults(handler=cmd_validate)

    p = sub.add_parser("schema", help="write the JSON Schemas for editors into DIR")
    p.add_argument("dir", metavar="DIR")
    p.set_defaults(handler=cmd_schema)

    p = sub.add_parser("new", help="write a commented starter persona or journey file")
    p.add_argument("kind", choices=["persona", "journey"])
    p.add_argument("name", nargs="+", help='e.g. "Finance Manager Margie"')
    _common(p)
    p.set_defaults(handler=cmd_new)

    for name, (text, add_arguments, handler) in EXTRA_COMMANDS.items():
        p = sub.add_parser(name, help=text)
        _common(p)
        add_arguments(p)
        p.set_defaults(handler=handler)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``mkdocs-persona`` console script."""
    _register_extras()
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:  # pragma: no cover
        return 130
    except BrokenPipeError:  # pragma: no cover - e.g. piped into `head`
        return 0


def _register_extras() -> None:
    """Import the modules that add subcommands (kept apart so each stays small)."""


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
