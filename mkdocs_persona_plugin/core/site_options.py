"""The handbook's options as the plugin reads them from ``mkdocs.yml``, without MkDocs.

The command line (``review``, ``export``, ``generate``) builds its :class:`HandbookOptions`
here, so that its pages, addresses, language and review dates agree with the site build. The
plugin builds the same options from MkDocs' validated configuration (``mkdocs/plugin.py``);
the checks below stand in for MkDocs' own (a wrong type or choice is a ``ValueError`` that
names the option).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from .intervals import parse_interval
from .options import Comparison, HandbookOptions
from .project import ProjectOptions, read_config

#: The plugin's on/off options and their defaults (as in ``mkdocs/config.py``).
SWITCHES = {
    "gallery": True,
    "start_here": True,
    "images": True,
    "social_cards": True,
    "compare": True,
    "journey_pages": True,
    "tracker": True,
    "exports": True,
    "warn_overdue": False,
    "fail_on_overdue": False,
}
GALLERY_ORDERS = ("share", "name", "type")
NAV_MODES = ("auto", "full", "grouped", "gallery", "off")


@dataclass
class NavOptions:
    """How the handbook's pages are listed in the site navigation (``nav``, ``nav_threshold``)."""

    mode: str = "auto"
    threshold: int = 50


def site_config(path: Path | None) -> dict[str, Any]:
    """The top level of the site configuration at ``path`` (empty when there is none)."""
    return read_config(path) if path is not None else {}


def docs_dir(site: Mapping[str, Any], root: Path) -> Path:
    """The site's docs folder (``docs_dir``, default ``docs``), resolved against ``root``."""
    return (root / str(site.get("docs_dir") or "docs")).absolute()


def default_edit_uri(repo_url: str) -> str:
    """MkDocs' default ``edit_uri`` for a ``repo_url`` on a known host."""
    host = (urlsplit(repo_url).hostname or "").lower()
    if host in ("github.com", "gitlab.com"):
        return "edit/master/docs/"
    if host == "bitbucket.org":
        return "src/default/docs/"
    return ""


def edit_url_base(site: Mapping[str, Any], plugin: Mapping[str, Any], root: Path) -> str:
    """The prefix of YAML edit links, computed like the plugin does from ``mkdocs.yml``."""
    repo_url = str(site.get("repo_url") or "")
    if not repo_url:
        return ""
    edit_uri = plugin.get("edit_uri")
    if edit_uri is None:
        site_edit = site.get("edit_uri")
        edit_uri = default_edit_uri(repo_url) if site_edit is None else str(site_edit or "")
        docs = os.path.relpath(docs_dir(site, root), root).replace(os.sep, "/").strip("/")
        stripped = edit_uri.rstrip("/")
        if stripped.endswith("/" + docs):
            edit_uri = stripped[: -len(docs)]
        elif not edit_uri:
            return ""
    edit_uri = str(edit_uri)
    if not edit_uri.endswith("/"):
        edit_uri += "/"
    return urljoin(repo_url.rstrip("/") + "/", edit_uri)


def _switch(opts: Mapping[str, Any], name: str) -> bool:
    value = opts.get(name, SWITCHES[name])
    if value is None:
        return SWITCHES[name]
    if not isinstance(value, bool):
        raise ValueError(f"{name}: expected true or false, not {value!r}")
    return value


def _text(opts: Mapping[str, Any], name: str, default: str) -> str:
    value = opts.get(name)
    if value is None:
        return default
    if not isinstance(value, str):
        raise ValueError(f"{name}: expected a string, not {value!r}")
    return value


def _choice(opts: Mapping[str, Any], name: str, default: str, choices: tuple[str, ...]) -> str:
    value = opts.get(name, default)
    if value not in choices:
        raise ValueError(f"{name}: expected one of {', '.join(choices)}, not {value!r}")
    return str(value)


def _ids(value: Any, name: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{name}: expected a list of persona ids, not {value!r}")
    return list(value)


def _comparisons(value: Any) -> list[Comparison]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError(f"comparisons: expected a list of {{title, personas}}, not {value!r}")
    result = []
    for entry in value:
        if not isinstance(entry, dict) or not isinstance(entry.get("title"), str):
            raise ValueError(f"comparisons: each entry needs a title and personas, not {entry!r}")
        result.append(Comparison(entry["title"], _ids(entry.get("personas"), "comparisons")))
    return result


def _strings(value: Any) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ValueError(f"strings: expected a mapping of key: text, not {value!r}")
    return {str(k): str(v) for k, v in value.items()}


def _theme(site: Mapping[str, Any]) -> dict[str, Any]:
    theme = site.get("theme")
    if isinstance(theme, str):
        return {"name": theme}
    return dict(theme) if isinstance(theme, dict) else {}


def handbook_options(
    project: ProjectOptions, site: Mapping[str, Any], today: dt.date
) -> HandbookOptions:
    """The options the site build would use (raises ``ValueError`` naming a bad option)."""
    opts = project.options
    root = project.root
    intervals = {}
    for name, default in (
        ("review_every", "1 year"), ("due_soon", "30 days"), ("evidence_max_age", "2 years")
    ):
        try:
            intervals[name] = parse_interval(_text(opts, name, default) or default)
        except ValueError as exc:
            raise ValueError(f"{name}: {exc}") from None
    font_name = _text(opts, "font", "")
    font = root / font_name if font_name else None
    if font is not None and not font.is_file():
        raise ValueError(f"font: {font} is not a file")
    theme = _theme(site)
    language = str(theme.get("language") or theme.get("locale") or "en")
    custom_dir = theme.get("custom_dir")
    images = _switch(opts, "images")
    return HandbookOptions(
        project_root=root,
        personas_dir=project.personas_dir,
        journeys_dir=project.journeys_dir,
        cache_dir=root / _text(opts, "cache_dir", ".cache/plugin/persona"),
        today=today,
        url_prefix=_text(opts, "url_prefix", "").strip("/"),
        use_directory_urls=bool(site.get("use_directory_urls", True)),
        site_name=str(site.get("site_name") or ""),
        site_url=str(site.get("site_url") or ""),
        language=language,
        strings=_strings(opts.get("strings")),
        theme=str(theme.get("name") or ""),
        template_dirs=[root / str(custom_dir)] if custom_dir else [],
        edit_url_base=edit_url_base(site, opts, root),
        gallery=_switch(opts, "gallery"),
        gallery_order=_choice(opts, "gallery_order", "share", GALLERY_ORDERS),
        start_here=_switch(opts, "start_here"),
        onboarding=_ids(opts.get("onboarding"), "onboarding"),
        images=images,
        social_cards=_switch(opts, "social_cards") and images,
        font=font,
        compare=_switch(opts, "compare"),
        comparisons=_comparisons(opts.get("comparisons")),
        journey_pages=_switch(opts, "journey_pages"),
        tracker=_switch(opts, "tracker"),
        review_every=intervals["review_every"],
        due_soon=intervals["due_soon"],
        evidence_max_age=intervals["evidence_max_age"],
        exports=_switch(opts, "exports"),
    )


def nav_options(project: ProjectOptions) -> NavOptions:
    """The ``nav`` and ``nav_threshold`` options (YAML's bare ``off`` also means ``off``)."""
    opts = project.options
    mode = opts.get("nav", "auto")
    if mode is False:
        mode = "off"
    mode = _choice({"nav": mode}, "nav", "auto", NAV_MODES)
    threshold = opts.get("nav_threshold", 50)
    if isinstance(threshold, bool) or not isinstance(threshold, int):
        raise ValueError(f"nav_threshold: expected a whole number, not {threshold!r}")
    return NavOptions(mode, threshold)
