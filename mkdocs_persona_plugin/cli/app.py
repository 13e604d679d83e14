"""The ``mkdocs-persona`` program: the command registry, argument parsing and ``main``.

Each command is a module of this package with ``HELP``, ``add_arguments(parser)`` and
``run(args) -> int``; :data:`COMMANDS` names them in the order ``--help`` lists them. A
command's module is imported only when it runs (or when every command's options are needed,
for ``--help`` and usage errors): ``validate`` runs in pre-commit hooks and does not pay for
the templates and Markdown that ``export`` and ``review`` load.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Iterable, Sequence
from types import ModuleType
from typing import Any, NoReturn

from .. import __version__
from ..core.suggestions import closest, did_you_mean
from .common import add_common_options

#: Every command: name -> its module in this package.
COMMANDS: dict[str, str] = {
    "validate": "validate",
    "schema": "schema",
    "new": "new",
    "export": "export",
    "review": "review",
    "generate": "generate",
}


def command_names() -> list[str]:
    """Every command, in registry order."""
    return list(COMMANDS)


def command_module(name: str) -> ModuleType:
    """The module that implements command ``name``."""
    return importlib.import_module(f"{__package__}.{COMMANDS[name]}")


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


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; with ``only``, just that command's options are loaded."""
    parser = Parser(
        prog="mkdocs-persona",
        description="Validate, scaffold, export and generate persona and journey handbooks.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        if only is not None and name != only:
            continue
        module = command_module(name)
        p = sub.add_parser(name, help=module.HELP)
        if getattr(module, "PROJECT_OPTIONS", True):
            add_common_options(p)
        module.add_arguments(p)
        p.set_defaults(handler=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``mkdocs-persona`` console script."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    command = next((a for a in args_list if not a.startswith("-")), None)
    only = command if command in COMMANDS else None
    args = parse_arguments(build_parser(only), args_list)
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:  # pragma: no cover
        return 130
    except BrokenPipeError:  # pragma: no cover - e.g. piped into `head`
        return 0
