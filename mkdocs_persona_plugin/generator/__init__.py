"""The generator host: the handbook as plain Markdown pages and asset files in ``docs/``.

Hosts that do not run MkDocs plugins (Zensical, MkDocs or ProperDocs without this plugin)
build the same handbook from these files. The pages come from the same renderer as the
plugin's (:func:`~..render.build.build_outputs`); this package only turns its outputs into
files (:mod:`.markdown`, :mod:`.nav`) and writes them safely (:mod:`.writer`). It does not
import MkDocs.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..core.history import History
from ..core.loader import Handbook
from ..core.options import HandbookOptions
from ..core.site_options import NavOptions
from ..render.build import build_outputs
from ..render.navigation import plan_navigation
from ..render.strings import Strings
from .markdown import handbook_files
from .nav import NAV_TOML, NAV_YAML, nav_toml, nav_yaml
from .writer import MANIFEST, Changes, Manifest, WriteRefused, compare, read_manifest, write

__all__ = [
    "MANIFEST",
    "Changes",
    "Manifest",
    "WriteRefused",
    "compare",
    "generate_handbook",
    "read_manifest",
    "write",
]


def generate_handbook(
    handbook: Handbook,
    options: HandbookOptions,
    prefix: str,
    *,
    nav: NavOptions | None = None,
    images: Any = None,
    history: History | None = None,
) -> dict[str, bytes]:
    """Every file of the handbook, by its path below the folder ``prefix`` of the docs
    folder (the pages' addresses start with ``prefix``): the pages, images, data files,
    stylesheets, scripts and the navigation snippets. ``history`` (git's, of the content
    files) adds the "last updated" dates and the changes since each review.

    Raises what rendering raises (``ValueError``, ``OSError``, template errors).
    """
    prefix = prefix.strip("/")
    options = dataclasses.replace(options, url_prefix=prefix, folder_pages=True)
    outputs = build_outputs(handbook, options, images=images, history=history)
    files = handbook_files(outputs, options)
    nav = nav or NavOptions()
    plan = plan_navigation(
        outputs,
        handbook,
        mode=nav.mode,
        threshold=nav.threshold,
        strings=Strings(options.language, options.strings),
    )
    start = len(prefix) + 1 if prefix else 0
    result = {path[start:]: data for path, data in files.items()}
    if plan:
        result[NAV_YAML] = nav_yaml(plan).encode("utf-8")
        result[NAV_TOML] = nav_toml(plan).encode("utf-8")
    return dict(sorted(result.items()))
