"""Find the plugin's options in a project's ``mkdocs.yml`` without importing mkdocs.

The command line uses this so that ``mkdocs-persona validate`` checks the same folders, with
the same review interval and "today", as the site build.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml files that use ``!!python/name:`` or ``!ENV`` tags (ignored here)."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    return None


_TolerantLoader.add_multi_constructor("", _ignore_tag)  # type: ignore[no-untyped-call]


@dataclass
class ProjectOptions:
    """The plugin options the command line needs, resolved against the project root."""

    root: Path
    personas_dir: Path
    journeys_dir: Path
    options: dict[str, Any]


def find_project(config_file: Path | None = None, cwd: Path | None = None) -> ProjectOptions:
    """Options from ``config_file`` (default: ``mkdocs.yml`` in ``cwd`` if present)."""
    cwd = (cwd or Path.cwd()).absolute()
    path = config_file or (cwd / "mkdocs.yml")
    options: dict[str, Any] = {}
    root = cwd
    if path.is_file():
        root = path.absolute().parent
        try:
            config = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader)
        except (yaml.YAMLError, UnicodeDecodeError):
            config = None
        for entry in (config or {}).get("plugins", []) or [] if isinstance(config, dict) else []:
            if isinstance(entry, dict) and isinstance(entry.get("persona"), dict):
                options = dict(entry["persona"])
        if isinstance(config, dict) and isinstance(config.get("plugins"), dict):
            options = dict(config["plugins"].get("persona") or {})
    return ProjectOptions(
        root=root,
        personas_dir=root / str(options.get("personas_dir", "personas")),
        journeys_dir=root / str(options.get("journeys_dir", "journeys")),
        options=options,
    )
