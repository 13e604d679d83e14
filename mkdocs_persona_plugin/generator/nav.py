"""The navigation snippet: the entries the plugin would add to the site navigation.

MkDocs, ProperDocs and Zensical list pages that are not in ``nav`` nowhere (or, without a
``nav``, by file name). ``generate`` therefore writes the plugin's navigation plan
(:func:`~..render.navigation.plan_navigation`, same ``nav`` and ``nav_threshold`` options) as
``nav.yml``, entries to add to ``nav:`` in ``mkdocs.yml``, and as ``nav.toml``, the same for
``zensical.toml``.
"""

from __future__ import annotations

import json
from typing import Any

import yaml

from ..render.navigation import NavEntry

NAV_YAML = "nav.yml"
NAV_TOML = "nav.toml"

_YAML_HEAD = (
    "# The handbook's navigation, written by `mkdocs-persona generate`. Add these entries to\n"
    "# `nav:` in mkdocs.yml (nav.toml holds the same for zensical.toml).\n"
)
_TOML_HEAD = (
    "# The handbook's navigation, written by `mkdocs-persona generate`. Add these entries to\n"
    "# the `nav` list of the [project] table in zensical.toml (nav.yml holds the same for\n"
    "# mkdocs.yml).\n"
)


def _plain(entries: list[NavEntry]) -> list[dict[str, Any]]:
    return [
        {entry.title: entry.src_uri if entry.src_uri is not None else _plain(entry.children)}
        for entry in entries
    ]


def nav_yaml(entries: list[NavEntry]) -> str:
    """The entries as a YAML list, ready to paste under ``nav:``."""
    body: str = yaml.safe_dump(
        _plain(entries),
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=10_000,
    )
    return _YAML_HEAD + body


def _toml_string(text: str) -> str:
    # A JSON string is a TOML basic string, except that TOML wants DEL escaped too.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _toml_items(entries: list[NavEntry], indent: str) -> list[str]:
    lines = []
    for entry in entries:
        key = _toml_string(entry.title)
        if entry.src_uri is not None:
            lines.append(f"{indent}{{ {key} = {_toml_string(entry.src_uri)} }},")
        else:
            lines.append(f"{indent}{{ {key} = [")
            lines += _toml_items(entry.children, indent + "  ")
            lines.append(f"{indent}] }},")
    return lines


def nav_toml(entries: list[NavEntry]) -> str:
    """The entries as a TOML ``nav`` array, for the ``[project]`` table of zensical.toml."""
    return _TOML_HEAD + "\n".join(["nav = [", *_toml_items(entries, "  "), "]"]) + "\n"
