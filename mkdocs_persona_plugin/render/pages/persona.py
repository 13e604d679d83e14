"""One page per persona, plus its avatar images and social preview card.

The persona order, avatar files and social cards it shares with the gallery and the
onboarding page are in :mod:`.shared`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from markupsafe import Markup

from ...core.models import CLAIM_FIELDS, Journey, Persona
from .. import markup
from ..avatar_labels import label_of
from ..evidence_marks import persona_marker
from ..file_history import file_history
from ..share_tags import share_tags
from ..site import BuildContext, Output
from .onboarding import onboarding_path
from .shared import avatar_files, ordered_personas, social_cards

#: The stylesheets and scripts a persona page loads: its own (the print button), the
#: evidence markers (Escape closes a popover) and the review status and banner (brought up
#: to the reader's date).
ASSETS = ("persona.css", "evidence.css", "reviews.css", "persona.js", "evidence.js", "reviews.js")

#: Goals and challenges shown "at a glance" on the first screen of a persona page.
GLANCE_ITEMS = 3

_SLUG_STRIP = re.compile(r"[^\w\s-]", re.UNICODE)
_SLUG_SPACE = re.compile(r"[\s_-]+", re.UNICODE)

#: Stable ids of the fixed persona sections (custom sections get ``s-<slug>``).
SECTION_IDS: tuple[str, ...] = (
    "about",
    "demographics",
    "role",
    "goals",
    "challenges",
    "motivations",
    "needs",
    "objections",
    "behaviors",
    "messaging",
    "quotes",
    "channels",
    "tools",
    "interests",
    "research",
    "related",
    "journeys",
    "tags",
)


# Page details ----------------------------------------------------------------------------
def slugify(text: str) -> str:
    """A lowercase, hyphenated id fragment for ``text`` (empty when nothing is left)."""
    text = _SLUG_STRIP.sub("", markup.plain(text).lower())
    return _SLUG_SPACE.sub("-", text).strip("-")


def custom_section_ids(persona: Persona) -> list[tuple[str, str, str | list[str]]]:
    """``(id, title, content)`` for each custom section, with unique stable ids."""
    used = set(SECTION_IDS)
    result = []
    for n, (title, content) in enumerate(persona.sections.items(), start=1):
        base = "s-" + (slugify(title) or str(n))
        anchor, i = base, 2
        while anchor in used:
            anchor, i = f"{base}-{i}", i + 1
        used.add(anchor)
        result.append((anchor, title, content))
    return result


@dataclass
class Step:
    """Where a persona sits on the "Start here" reading path."""

    number: int
    total: int
    previous: Persona | None
    next: Persona | None


def head_tags(ctx: BuildContext, persona: Persona, src: str, card: bool) -> str:
    """Open Graph and Twitter meta tags for a persona page, with its social card if any."""
    return share_tags(
        title=markup.clean(persona.name),
        description=markup.plain(persona.tagline),
        og_type="profile",
        url=ctx.absolute_url(src),
        image=ctx.absolute_or_relative(ctx.social_card_src(persona.id), src) if card else None,
    )


def claim_marks(ctx: BuildContext, persona: Persona, src: str) -> dict[str, list[Markup]]:
    """The evidence marker of every item of each list that may cite research, by list name
    (an empty text for an item that cites none)."""
    return {
        name: [persona_marker(ctx, persona, ids, src) for ids in persona.evidence_of(name)]
        for name in CLAIM_FIELDS
    }


# Generator -------------------------------------------------------------------------------
def generate(ctx: BuildContext) -> Iterable[Output]:
    """A page per persona, its avatars in every size and (optionally) its social card."""

    people = ordered_personas(ctx)
    avatars = avatar_files(ctx)
    cards = social_cards(ctx)
    path = onboarding_path(ctx) if ctx.options.start_here else []
    steps: dict[str, Step] = {}
    for i, p in enumerate(path):
        steps[p.id] = Step(
            number=i + 1,
            total=len(path),
            previous=path[i - 1] if i > 0 else None,
            next=path[i + 1] if i + 1 < len(path) else None,
        )
    for (persona_id, size), file in sorted(avatars.items()):
        yield Output(src_uri=ctx.avatar_src(persona_id, size), source=file, kind="asset")
    for persona_id, file in sorted(cards.items()):
        yield Output(src_uri=ctx.social_card_src(persona_id), source=file, kind="asset")

    for weight, persona in enumerate(people):
        related = [ctx.handbook.personas[r] for r in persona.related if r in ctx.handbook.personas]
        journeys = ctx.handbook.journeys_of(persona.id)
        step, card = steps.get(persona.id), persona.id in cards
        page = ctx.reuse(
            page_key(ctx, persona, related, journeys, step, card),
            partial(persona_page, ctx, persona, related, journeys, step, card),
        )
        yield replace(page, nav_weight=weight)


def page_key(
    ctx: BuildContext,
    persona: Persona,
    related: list[Persona],
    journeys: list[Journey],
    step: Step | None,
    card: bool,
) -> tuple[Any, ...] | None:
    """What a persona page shows from outside its own file (see :mod:`..reuse`): the related
    personas, the journeys it appears in, its neighbours on the reading path, the initials
    of every avatar, whether it has a social card. ``None`` when the persona has no digest."""
    digest = ctx.digest(persona)
    if digest is None:
        return None

    def who(p: Persona | None) -> tuple[Any, ...] | None:
        return None if p is None else (p.id, ctx.digest(p), label_of(ctx, p.id, p.name))

    place = step and (step.number, step.total, who(step.previous), who(step.next))
    return (
        "persona-page",
        digest,
        label_of(ctx, persona.id, persona.name),
        tuple(who(r) for r in related),
        tuple((j.id, ctx.digest(j)) for j in journeys),
        place,
        card,
    )


def persona_page(
    ctx: BuildContext,
    persona: Persona,
    related: list[Persona],
    journeys: list[Journey],
    step: Step | None,
    card: bool,
) -> Output:
    """The page of ``persona``."""
    src = ctx.persona_src(persona.id)
    quotes = persona.quote_list
    quote_marks = [persona_marker(ctx, persona, q.evidence, src) for q in quotes]
    research = persona.research
    body = ctx.render(
        "persona/persona.html",
        src,
        persona=persona,
        review=ctx.review(persona),
        first_quote=quotes[0] if quotes else None,
        more_quotes=quotes[1:],
        first_quote_mark=quote_marks[0] if quotes else "",
        quote_marks=quote_marks[1:],
        marks=claim_marks(ctx, persona, src),
        sources=research.source_list if research else [],
        evidence=ctx.evidence(persona),
        history=file_history(ctx.history, persona),
        custom_sections=custom_section_ids(persona),
        related=related,
        journeys=journeys,
        step=step,
        edit_url=ctx.options.edit_url(persona.source_rel),
        glance_items=GLANCE_ITEMS,
    )
    return ctx.page(
        src,
        persona.name,
        body,
        description=markup.plain(persona.tagline),
        nav_section="personas",
        edit_url=ctx.options.edit_url(persona.source_rel),
        hide=["toc"],
        head=head_tags(ctx, persona, src, card),
        persona_id=persona.id,
        assets=ASSETS,
    )
