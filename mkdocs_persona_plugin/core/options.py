"""Host-independent settings for generating the handbook (the plugin fills them from mkdocs.yml)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .intervals import Interval, parse_interval


@dataclass
class Comparison:
    """A comparison set declared in the configuration, rendered as a static page."""

    title: str
    personas: list[str]


@dataclass
class HandbookOptions:
    """Everything that shapes the generated pages, independent of the site generator."""

    project_root: Path
    personas_dir: Path
    journeys_dir: Path
    cache_dir: Path
    today: dt.date
    url_prefix: str = ""
    use_directory_urls: bool = True
    #: Every page as ``<name>/index.md`` (its own folder), so that a page's file and its
    #: address share a folder: relative links in the pages' HTML then read the same whether
    #: a host keeps them as written (MkDocs) or reads them from the Markdown file (Zensical).
    folder_pages: bool = False
    site_name: str = ""
    site_url: str = ""
    language: str = "en"
    strings: dict[str, str] = field(default_factory=dict)
    theme: str = "material"
    template_dirs: list[Path] = field(default_factory=list)
    edit_url_base: str = ""
    gallery: bool = True
    gallery_order: str = "share"
    start_here: bool = True
    onboarding: list[str] = field(default_factory=list)
    images: bool = True
    social_cards: bool = True
    font: Path | None = None  # tried for text the bundled font lacks (avatars, social cards)
    compare: bool = True
    comparisons: list[Comparison] = field(default_factory=list)
    journey_pages: bool = True
    tracker: bool = True
    review_every: Interval = field(default_factory=lambda: parse_interval("1 year"))
    due_soon: Interval = field(default_factory=lambda: parse_interval("30 days"))
    #: Research older than this makes a persona "evidence stale" (see :mod:`.evidence`).
    evidence_max_age: Interval = field(default_factory=lambda: parse_interval("2 years"))
    exports: bool = True

    def edit_url(self, source_rel: str) -> str:
        """Link to edit a YAML file (``source_rel`` relative to the project root), or ``""``."""
        return self.edit_url_base + source_rel if self.edit_url_base else ""
