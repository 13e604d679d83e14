"""What the commands share: finding the project, loading it, and wording counts and paths."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..core.intervals import resolve_today
from ..core.loader import Handbook, load_handbook
from ..core.problems import Problem, ValidationFailed, format_github, format_json, format_text
from ..core.project import CONFIG_NAMES, ProjectOptions, find_project
from ..core.site_options import site_config

Handler = Callable[[argparse.Namespace], int]
FORMATTERS = {"text": format_text, "github": format_github, "json": format_json}


def project_of(args: argparse.Namespace) -> ProjectOptions:
    project = find_project(args.config_file)
    if getattr(args, "personas", None):
        project.personas_dir = Path(args.personas).absolute()
    if getattr(args, "journeys", None):
        project.journeys_dir = Path(args.journeys).absolute()
    return project


def site_of(project: ProjectOptions) -> dict[str, Any]:
    """The top level of the project's ``mkdocs.yml`` or ``zensical.toml`` (empty when there
    is none)."""
    return site_config(project.config_file)


def load_project(args: argparse.Namespace) -> tuple[ProjectOptions, Handbook | None, list[Problem]]:
    """Load the project the arguments name; problems instead of an exception."""
    project = project_of(args)
    today = resolve_today(getattr(args, "today", None) or project.options.get("today"))
    try:
        handbook = load_handbook(
            project.personas_dir, project.journeys_dir, root=project.root, today=today
        )
    except ValidationFailed as failed:
        return project, None, failed.problems
    return project, handbook, []


def iso_date(text: str) -> dt.date:
    """An argument given as ``YYYY-MM-DD`` (a usage error otherwise)."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date: use YYYY-MM-DD") from None


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def shown(path: Path) -> str:
    """``path`` relative to the current folder when inside it (for messages)."""
    try:
        return path.absolute().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def add_common_options(parser: argparse.ArgumentParser) -> None:
    """The options every command that reads the project takes."""
    parser.add_argument(
        "-f", "--config-file", type=Path, default=None,
        help="mkdocs.yml (or properdocs.yml, zensical.toml) to read the plugin options from "
             f"(default: the first of {', '.join(CONFIG_NAMES)} found here)",
    )
    parser.add_argument("--personas", metavar="DIR", help="personas folder (overrides mkdocs.yml)")
    parser.add_argument("--journeys", metavar="DIR", help="journeys folder (overrides mkdocs.yml)")
