"""Find the plugin's options in a project's configuration without importing mkdocs.

The command line uses this so that ``mkdocs-persona validate`` checks the same folders, with
the same review interval and "today", as the site build. The configuration is ``mkdocs.yml``
(the plugin's entry under ``plugins:``) or, for a Zensical site, ``zensical.toml`` (the
``[project]`` table, with the options under ``[project.plugins.persona]``; Zensical ignores
plugins it does not know).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

#: The configuration files looked for in the current folder, in this order.
#: Where the configuration is looked for, in this order: ProperDocs' own names first (as
#: ProperDocs itself does), then MkDocs', then Zensical's.
CONFIG_NAMES = (
    "properdocs.yml", "properdocs.yaml", "mkdocs.yml", "mkdocs.yaml", "zensical.toml",
)


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
    config_file: Path | None = None  # the configuration read (None: none was found)


def _load_toml(text: str) -> Any:
    try:
        toml = importlib.import_module("tomllib")
    except ModuleNotFoundError:  # Python 3.10 has no tomllib; Zensical installs tomli
        toml = importlib.import_module("tomli")
    document = toml.loads(text)
    project = document.get("project")
    return project if isinstance(project, dict) else document


def read_config(path: Path) -> dict[str, Any]:
    """The site configuration in ``path`` (``.toml``: Zensical's ``[project]`` table), or an
    empty one when it is missing or cannot be read."""
    if not path.is_file():
        return {}
    try:
        text = path.read_text(encoding="utf-8")
        if path.suffix.lower() == ".toml":
            config = _load_toml(text)
        else:
            config = yaml.load(text, Loader=_TolerantLoader)
    except (ValueError, yaml.YAMLError, UnicodeDecodeError, OSError, ImportError):
        return {}  # tomllib's TOMLDecodeError is a ValueError
    return config if isinstance(config, dict) else {}


def plugin_options(config: dict[str, Any]) -> dict[str, Any]:
    """The ``persona`` plugin's options in a site configuration (``plugins`` as a list of
    names and one-entry mappings, or as a mapping)."""
    plugins = config.get("plugins")
    options: dict[str, Any] = {}
    if isinstance(plugins, list):
        for entry in plugins:
            if isinstance(entry, dict) and isinstance(entry.get("persona"), dict):
                options = dict(entry["persona"])
    elif isinstance(plugins, dict):
        options = dict(plugins.get("persona") or {})
    return options


def find_config(cwd: Path) -> Path | None:
    """The configuration file in ``cwd`` (see :data:`CONFIG_NAMES`), if any."""
    return next((cwd / n for n in CONFIG_NAMES if (cwd / n).is_file()), None)


def find_project(config_file: Path | None = None, cwd: Path | None = None) -> ProjectOptions:
    """Options from ``config_file`` (default: the first of :data:`CONFIG_NAMES` in ``cwd``)."""
    cwd = (cwd or Path.cwd()).absolute()
    path = config_file or find_config(cwd) or cwd / "mkdocs.yml"
    options: dict[str, Any] = {}
    root = cwd
    found = None
    if path.is_file():
        found = path.absolute()
        root = found.parent
        options = plugin_options(read_config(path))
    return ProjectOptions(
        root=root,
        personas_dir=root / str(options.get("personas_dir", "personas")),
        journeys_dir=root / str(options.get("journeys_dir", "journeys")),
        options=options,
        config_file=found,
    )
