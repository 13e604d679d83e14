"""The ``mkdocs-persona`` command line: validate, schema, new (and more subcommands)."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from . import __version__
from .intervals import resolve_today
from .loader import YAML_SUFFIXES, Handbook, find_yaml_files, load_handbook
from .models import SLUG_PATTERN
from .problems import Problem, ValidationFailed, format_github, format_json, format_text
from .project import ProjectOptions, find_project
from .schema import write_schemas
from .starter import PLACEHOLDER_PERSONA, journey_starter, persona_starter, schema_ref, slugify
from .suggestions import closest, did_you_mean
from .yamlsafe import load_yaml

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


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def cmd_validate(args: argparse.Namespace) -> int:
    """Check every persona and journey file; exit 1 listing every problem."""
    _, handbook, problems = load_project(args)
    if args.format == "json":
        print(format_json(problems))
    elif problems:
        print(FORMATTERS[args.format](problems))
    if problems:
        if args.format != "json":
            print(f"{_plural(len(problems), 'problem')} found.", file=sys.stderr)
        return 1
    if args.format == "text" and handbook is not None:
        print(
            f"OK: {_plural(len(handbook.personas), 'persona')} and "
            f"{_plural(len(handbook.journeys), 'journey')} are valid."
        )
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    """Write the persona and journey JSON Schemas into a folder."""
    for path in write_schemas(Path(args.dir)):
        print(f"wrote {path}")
    return 0


def _shown(path: Path) -> str:
    """``path`` relative to the current folder when inside it (for messages)."""
    try:
        return path.absolute().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


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


def cmd_new(args: argparse.Namespace) -> int:
    """Write a commented starter file; never overwrite."""
    project = _project(args)
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
            print(f"error: {_shown(target)} already exists; not overwriting it", file=sys.stderr)
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
                f"NAME`, then set `persona:` in {_shown(target)}",
                file=sys.stderr,
            )
        text = journey_starter(name, today, schema, persona or PLACEHOLDER_PERSONA)
    folder.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
        handle.write(text)
    print(f"wrote {_shown(target)}")
    if not (folder / schema).is_file():
        print(
            f"tip: run `mkdocs-persona schema {_shown(project.root / 'schemas')}` so that "
            "editors can check and complete this file",
            file=sys.stderr,
        )
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


def command_names() -> list[str]:
    """Every subcommand: the core ones, then those other modules register."""
    _register_extras()
    return [*CORE_COMMANDS, *(name for name in EXTRA_COMMANDS if name not in CORE_COMMANDS)]


def _one_of(value: str, choices: Iterable[str]) -> str:
    """``use one of: a, b, c; did you mean 'b'?`` for a value that is none of them."""
    names = list(choices)
    return f"use one of: {', '.join(names)}{did_you_mean(closest(value, names))}"


class Parser(argparse.ArgumentParser):
    """An argument parser whose mistakes list every choice and suggest the closest one."""

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        choices = action.choices
        if choices is None or value in choices:
            return
        if isinstance(action, argparse._SubParsersAction):
            names = command_names()  # every registered command, even one not parsed here
            raise argparse.ArgumentError(
                None, f"unknown command '{value}'; {_one_of(str(value), names)}"
            )
        names = [str(choice) for choice in choices]
        raise argparse.ArgumentError(
            action, f"'{value}' is not allowed; {_one_of(str(value), names)}"
        )

    def unknown_arguments(self, extras: list[str]) -> NoReturn:
        """Stop with a usage error for arguments no option or argument took."""
        option = next((a for a in extras if a.startswith("-") and a != "-"), None)
        if option is None:
            self.error(f"unexpected argument '{extras[0]}'")
        flag = option.split("=", 1)[0]
        flags = [f for action in self._actions for f in action.option_strings if f[:2] == "--"]
        self.error(f"unknown option '{flag}'; {_one_of(flag, flags)}")


def parse_arguments(parser: argparse.ArgumentParser, argv: Sequence[str]) -> argparse.Namespace:
    """``parser.parse_args(argv)``, naming the command's own options for an unknown one."""
    args, extras = parser.parse_known_args(argv)
    if extras:
        command: Parser | None = None
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                sub = action.choices.get(getattr(args, "command", None) or "")
                command = sub if isinstance(sub, Parser) else None
        target = command or parser
        if isinstance(target, Parser):
            target.unknown_arguments(extras)
        parser.error(f"unrecognized arguments: {' '.join(extras)}")
    return args


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = Parser(
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
    p.add_argument(
        "--persona", metavar="ID",
        help="for a journey: the persona it is about (default: the first persona found)",
    )
    _common(p)
    p.set_defaults(handler=cmd_new)

    for name, (text, add_arguments, handler) in EXTRA_COMMANDS.items():
        p = sub.add_parser(name, help=text)
        _common(p)
        add_arguments(p)
        p.set_defaults(handler=handler)
    return parser


#: Subcommands whose options do not depend on the extra ones (see :func:`_register_extras`).
CORE_COMMANDS = ("validate", "schema", "new")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``mkdocs-persona`` console script."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    command = next((a for a in args_list if not a.startswith("-")), None)
    if command not in CORE_COMMANDS:
        # `validate` runs in pre-commit hooks: it does not pay for importing the export and
        # review commands (templates, Markdown), which the help text and they themselves need.
        _register_extras()
    args = parse_arguments(build_parser(), args_list)
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:  # pragma: no cover
        return 130
    except BrokenPipeError:  # pragma: no cover - e.g. piped into `head`
        return 0


def _register_extras() -> None:
    """Import the modules that add subcommands (kept apart so each stays small)."""
    from . import export_cli, review_cli  # noqa: F401


if __name__ == "__main__":  # pragma: no cover
    # Run the package's copy of this module, not this ``__main__`` one: subcommand modules
    # register themselves in ``mkdocs_persona_plugin.cli.EXTRA_COMMANDS``.
    from mkdocs_persona_plugin.cli import main as _package_main

    raise SystemExit(_package_main())
