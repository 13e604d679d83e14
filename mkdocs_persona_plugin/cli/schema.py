"""``mkdocs-persona schema``: write the JSON Schemas that editors use."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.schema import write_schemas

HELP = "write the JSON Schemas for editors into DIR"
#: The command reads no project, so it takes no ``--config-file``/``--personas`` options.
PROJECT_OPTIONS = False


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The command's own arguments."""
    parser.add_argument("dir", metavar="DIR")


def run(args: argparse.Namespace) -> int:
    """Write the persona and journey JSON Schemas into a folder."""
    for path in write_schemas(Path(args.dir)):
        print(f"wrote {path}")
    return 0
