"""``mkdocs-persona validate``: check every persona and journey file."""

from __future__ import annotations

import argparse
import sys

from ..core.problems import format_json
from .common import FORMATTERS, load_project, plural

HELP = "check every persona and journey file"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The command's own options."""
    parser.add_argument("--format", choices=sorted(FORMATTERS), default="text",
                        help="text (default), github (workflow annotations) or json")
    parser.add_argument("--today", metavar="YYYY-MM-DD",
                        help="date to check 'future' dates against")


def run(args: argparse.Namespace) -> int:
    """Check every persona and journey file; exit 1 listing every problem."""
    _, handbook, problems = load_project(args)
    if args.format == "json":
        print(format_json(problems))
    elif problems:
        print(FORMATTERS[args.format](problems))
    if problems:
        if args.format != "json":
            print(f"{plural(len(problems), 'problem')} found.", file=sys.stderr)
        return 1
    if args.format == "text" and handbook is not None:
        print(
            f"OK: {plural(len(handbook.personas), 'persona')} and "
            f"{plural(len(handbook.journeys), 'journey')} are valid."
        )
    return 0
