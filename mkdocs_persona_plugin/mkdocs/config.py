"""The plugin's options in ``mkdocs.yml`` (``plugins: - persona: {...}``)."""

from __future__ import annotations

import datetime as dt

from mkdocs.config import base
from mkdocs.config import config_options as c

NAV_MODES = ("auto", "full", "grouped", "gallery", "off")


class NavMode(c.Choice[str]):
    """One of :data:`NAV_MODES`; YAML's bare ``off`` (read as ``false``) also means ``off``."""

    def __init__(self, default: str) -> None:
        super().__init__(NAV_MODES, default=default)

    def run_validation(self, value: object) -> str:
        if value is False:
            value = "off"
        return str(super().run_validation(value))


class ComparisonConfig(base.Config):
    """A comparison set rendered as a static page."""

    title = c.Type(str)
    personas = c.ListOfItems(c.Type(str))


class PersonaConfig(base.Config):
    """Options of the ``persona`` plugin. Paths are relative to ``mkdocs.yml``."""

    personas_dir = c.Type(str, default="personas")
    """Folder with one ``<id>.yaml`` per persona."""
    journeys_dir = c.Type(str, default="journeys")
    """Folder with one ``<id>.yaml`` per journey (optional)."""
    url_prefix = c.Type(str, default="")
    """Path the generated pages live under, e.g. ``handbook`` → ``/handbook/personas/…``."""
    cache_dir = c.Type(str, default=".cache/plugin/persona")
    """Where derived images are cached (keyed by a hash of their inputs)."""
    edit_uri = c.Optional(c.Type(str))
    """Edit link prefix for the YAML files, relative to ``repo_url`` (e.g. ``edit/main/``).
    Default: the site's ``edit_uri`` with the docs folder removed."""

    gallery = c.Type(bool, default=True)
    """Generate the persona gallery (the handbook's front door)."""
    gallery_order = c.Choice(("share", "name", "type"), default="share")
    """Card order: by ``share`` (largest first), ``name`` or ``type``."""
    start_here = c.Type(bool, default=True)
    """Generate the "Start here" onboarding page."""
    onboarding = c.ListOfItems(c.Type(str), default=[])
    """Persona ids in onboarding order (default: active personas by share)."""
    images = c.Type(bool, default=True)
    """Generate avatars from photos (or initials)."""
    social_cards = c.Type(bool, default=True)
    """Generate a 1200×630 social preview card per persona."""
    font = c.Optional(c.Type(str))
    """A font file (TTF/OTF/TTC) for names and initials in scripts the bundled font lacks
    (e.g. Chinese); without it, fonts installed on the machine are found with fontconfig."""
    compare = c.Type(bool, default=True)
    """Generate the comparison page and the "at a glance" matrix."""
    comparisons = c.ListOfItems(c.SubConfig(ComparisonConfig), default=[])
    """Comparison sets rendered as static pages: ``[{title, personas: [ids]}]``."""
    journey_pages = c.Type(bool, default=True)
    """Generate journey map pages."""
    tracker = c.Type(bool, default=True)
    """Generate the review tracker page, ``reviews.json`` and ``reviews.ics``."""
    exports = c.Type(bool, default=True)
    """Publish ``personas.json`` and ``journeys.json``."""
    review_every = c.Type(str, default="1 year")
    """Default review interval, e.g. ``1 year``, ``6 months``, ``90 days``."""
    due_soon = c.Type(str, default="30 days")
    """How long before the next review an item counts as due soon."""
    evidence_max_age = c.Type(str, default="2 years")
    """A persona whose newest dated research is older than this is "evidence stale"."""
    today = c.Optional(c.Type((str, dt.date)))
    """Fixed "today" (YYYY-MM-DD) for reproducible builds; also ``SOURCE_DATE_EPOCH``."""
    warn_overdue = c.Type(bool, default=False)
    """Log one warning per overdue item (so ``--strict`` fails on overdue content)."""
    fail_on_overdue = c.Type(bool, default=False)
    """Fail the build when anything is overdue."""
    nav = NavMode(default="auto")
    """Navigation: ``full`` lists every page, ``grouped`` groups personas by type, ``gallery``
    lists only the index pages, ``off`` (or ``false``) adds nothing; ``auto`` picks ``full`` up
    to ``nav_threshold`` personas and ``gallery`` above it."""
    nav_threshold = c.Type(int, default=50)
    """Most personas ``nav: auto`` lists one by one."""
    strings = c.DictOfItems(c.Type(str), default={})
    """Overrides for any UI string, by key (see the i18n reference)."""
