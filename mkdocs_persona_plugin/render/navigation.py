"""Where generated pages go in the site navigation (decided without importing mkdocs).

Material renders the whole navigation into every page, so listing a thousand persona pages makes
a build quadratic (about 22 s instead of 4 s for 1000 pages). ``auto`` therefore lists persona
pages one by one only up to a threshold and otherwise lists just the index pages (gallery,
start here, compare, journeys, tracker), from which every persona is one click away.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.loader import Handbook
from .site import Output
from .strings import Strings

NAV_MODES = ("auto", "full", "grouped", "gallery", "off")
SECTION_KEYS = {"personas": "personas", "journeys": "journeys", "reviews": "reviews"}


@dataclass
class NavEntry:
    """A page (``src_uri`` set) or a section (``children`` set) to add to the navigation."""

    title: str
    src_uri: str | None = None
    children: list[NavEntry] = field(default_factory=list)


def resolve_mode(mode: str, persona_count: int, threshold: int) -> str:
    """``auto`` becomes ``full`` up to ``threshold`` personas, ``gallery`` above it."""
    if mode == "auto":
        return "full" if persona_count <= threshold else "gallery"
    return mode


def plan_navigation(
    outputs: list[Output], handbook: Handbook, *, mode: str, threshold: int, strings: Strings
) -> list[NavEntry]:
    """The sections to append to the site navigation, in order."""
    mode = resolve_mode(mode, len(handbook.personas), threshold)
    if mode == "off":
        return []
    sections: dict[str, list[Output]] = {}
    for out in outputs:
        if out.is_page and out.nav_section:
            sections.setdefault(out.nav_section, []).append(out)
    plan: list[NavEntry] = []
    for key, pages in sections.items():
        pages.sort(key=lambda o: (o.nav_weight, o.title.lower()))
        index_pages = [p for p in pages if p.nav_weight < 0]
        item_pages = [p for p in pages if p.nav_weight >= 0]
        children = [NavEntry(p.title, p.src_uri) for p in index_pages]
        if mode == "full":
            children += [NavEntry(p.title, p.src_uri) for p in item_pages]
        elif mode == "grouped" and key == "personas":
            groups: dict[str, list[NavEntry]] = {}
            for p in item_pages:
                persona = handbook.personas.get(p.persona_id)
                label = strings(f"type.{persona.type.value}") if persona else strings("personas")
                groups.setdefault(label, []).append(NavEntry(p.title, p.src_uri))
            children += [NavEntry(label, children=items) for label, items in groups.items()]
        elif mode == "grouped":
            children += [NavEntry(p.title, p.src_uri) for p in item_pages]
        if not children:
            continue
        if len(children) == 1 and children[0].src_uri is not None:
            plan.append(children[0])
        else:
            plan.append(NavEntry(strings(SECTION_KEYS.get(key, key)), children=children))
    return plan
