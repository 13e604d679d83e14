"""The persona gallery: the handbook's front door (``personas/index.md``).

A grid of persona cards with client-side filters (type, market, segment, tag and free text;
see ``assets/persona.js``). Without JavaScript the full gallery shows and the filters stay
hidden. Retired personas are left out (their pages still exist).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ...core.models import Market, Persona, PersonaType, Status
from .. import markup
from ..site import BuildContext, Output
from .shared import avatar_files, ordered_personas

#: The stylesheets and scripts the gallery loads (its filters run in persona.js).
ASSETS = ("persona.css", "persona.js")


@dataclass
class Facet:
    """One filter choice: its value, label and how many gallery personas have it."""

    value: str
    label: str
    count: int


def search_text(persona: Persona) -> str:
    """The text the gallery's free-text filter matches: name, tagline, segment, tags, owner."""
    parts = [
        persona.name,
        markup.plain(persona.tagline),
        persona.segment or "",
        " ".join(persona.tags),
        persona.owner,
    ]
    return " ".join(p for p in parts if p).lower()


def facets(ctx: BuildContext, people: list[Persona]) -> dict[str, list[Facet]]:
    """The filter choices for ``people``: types and markets in their natural order,
    segments and tags alphabetically."""
    types = Counter(p.type.value for p in people)
    markets = Counter(p.market.value for p in people if p.market)
    segments = Counter(p.segment for p in people if p.segment)
    tags = Counter(tag for p in people for tag in dict.fromkeys(p.tags))
    return {
        "type": [
            Facet(t.value, ctx.strings(f"type.{t.value}"), types[t.value])
            for t in PersonaType
            if types[t.value]
        ],
        "market": [
            Facet(m.value, ctx.strings(f"market.{m.value}"), markets[m.value])
            for m in Market
            if markets[m.value]
        ],
        "segment": [
            Facet(s, s, n) for s, n in sorted(segments.items(), key=lambda i: i[0].lower())
        ],
        "tag": [Facet(s, s, n) for s, n in sorted(tags.items(), key=lambda i: i[0].lower())],
    }


def generate(ctx: BuildContext) -> Iterable[Output]:
    """The ``personas/index.md`` gallery page (unless ``options.gallery`` is off)."""
    if not ctx.options.gallery:
        return
    src = ctx.src("personas", "index.md")
    avatar_files(ctx)  # make sure avatars exist before cards refer to them
    people = [p for p in ordered_personas(ctx) if p.status is not Status.retired]
    body = ctx.render(
        "persona/gallery.html",
        src,
        personas=people,
        facets=facets(ctx, people),
        search_text=search_text,
        show_journeys=bool(ctx.options.journey_pages and ctx.handbook.journeys),
    )
    yield ctx.page(
        src,
        ctx.strings("personas"),
        body,
        description=ctx.strings("gallery_intro"),
        nav_section="personas",
        nav_weight=-10,
        listing=True,
        hide=["toc"],
        assets=ASSETS,
    )
