"""One page per persona, plus its avatar images and social preview card.

Also home of the helpers the gallery and the onboarding page share with the persona pages:
the configured persona order, the avatar files and the social cards (all computed once per
build and kept in ``ctx.shared``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import escape

from . import markup
from .avatar_labels import label_of, looks
from .images import AVATAR_SIZES, PhotoError
from .models import Persona, PersonaType, Status
from .site import BuildContext, Output, persona_sort_key

#: Avatar sizes generated for every persona (96 px cards, 256 px headers and 2x screens).
SIZES: tuple[int, ...] = AVATAR_SIZES
#: Threads used to render images.
IMAGE_WORKERS = 2
#: Goals and challenges shown "at a glance" on the first screen of a persona page.
GLANCE_ITEMS = 3

_TYPE_ORDER = {t: i for i, t in enumerate(PersonaType)}
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


# Order -----------------------------------------------------------------------------------
def order_key(order: str) -> Callable[[Persona], tuple[Any, ...]]:
    """The sort key for ``options.gallery_order`` (``share``, ``name`` or ``type``)."""
    if order == "name":
        return lambda p: (p.name.lower(), p.id)
    if order == "type":
        return lambda p: (_TYPE_ORDER[p.type], p.name.lower(), p.id)
    if order == "share":
        return lambda p: (*persona_sort_key(p), p.id)
    raise ValueError(f"gallery_order: expected share, name or type, not '{order}'")


def ordered_personas(ctx: BuildContext) -> list[Persona]:
    """Every persona in the configured gallery order, retired ones last."""
    cached = ctx.shared.get("persona.order")
    if cached is None:
        key = order_key(ctx.options.gallery_order)
        people = sorted(ctx.handbook.personas.values(), key=key)
        cached = [p for p in people if p.status is not Status.retired] + [
            p for p in people if p.status is Status.retired
        ]
        ctx.shared["persona.order"] = cached
    return list(cached)


# Images ----------------------------------------------------------------------------------
def images_on(ctx: BuildContext) -> bool:
    """Whether avatar image files are generated (else avatars are drawn with HTML/CSS)."""
    return ctx.images is not None and ctx.options.images


def avatar_files(ctx: BuildContext) -> dict[tuple[str, int], Path]:
    """Cached avatar files keyed by ``(persona_id, size)`` (empty when images are off)."""
    cached = ctx.shared.get("persona.avatars")
    if cached is not None:
        return dict(cached)
    # The handbook's labels (initials and colours told apart), for avatars drawn in HTML.
    ctx.env.globals["pp_initials"] = lambda name, pid="": label_of(ctx, pid, name).initials
    ctx.env.globals["pp_avatar_colour"] = lambda pid: label_of(ctx, pid, "").colour
    files: dict[tuple[str, int], Path] = {}
    if images_on(ctx):
        jobs = [(p.id, p.name, p.photo_path) for p in ctx.handbook.personas.values()]
        try:
            files = ctx.images.avatars_for_many(
                jobs, sizes=SIZES, workers=IMAGE_WORKERS, looks=looks(ctx)
            )
        except PhotoError as exc:
            raise _photo_failure(ctx, exc) from None
    ctx.shared["persona.avatars"] = files
    return dict(files)


def _photo_failure(ctx: BuildContext, exc: PhotoError) -> ValueError:
    """A photo that cannot be used, named by the persona file that refers to it."""
    persona = ctx.handbook.personas.get(exc.persona_id or "")
    where = persona.source_rel if persona is not None else exc.persona_id
    return ValueError(f"{where}: photo {exc}")


def social_cards(ctx: BuildContext) -> dict[str, Path]:
    """Cached social preview cards by persona id (empty when social cards are off)."""
    cached = ctx.shared.get("persona.cards")
    if cached is not None:
        return dict(cached)
    cards: dict[str, Path] = {}
    if images_on(ctx) and ctx.options.social_cards:
        site_name = ctx.options.site_name or ctx.strings("handbook")
        jobs = [
            (
                p.id,
                p.name,
                markup.plain(p.tagline),
                ctx.strings(f"type.{p.type.value}"),
                site_name,
                p.photo_path,
            )
            for p in ctx.handbook.personas.values()
        ]
        try:
            cards = ctx.images.social_cards_for_many(jobs, workers=IMAGE_WORKERS, looks=looks(ctx))
        except PhotoError as exc:
            raise _photo_failure(ctx, exc) from None
    ctx.shared["persona.cards"] = cards
    return dict(cards)


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


def absolute_or_relative(ctx: BuildContext, target_src: str, from_src: str) -> str:
    """``target_src`` as an absolute URL when ``site_url`` is set, else relative to the page."""
    if ctx.options.site_url:
        return ctx.options.site_url.rstrip("/") + "/" + ctx.url_of(target_src)
    return ctx.link(target_src, from_src)


def head_tags(ctx: BuildContext, persona: Persona, src: str, card: bool) -> str:
    """Open Graph and Twitter meta tags for a persona page (every value escaped)."""
    title = markup.clean(persona.name)
    description = markup.plain(persona.tagline)
    tags = [
        ("property", "og:title", title),
        ("property", "og:type", "profile"),
        ("name", "twitter:title", title),
    ]
    if description:
        tags += [
            ("property", "og:description", description),
            ("name", "twitter:description", description),
        ]
    if ctx.options.site_url:
        tags.append(("property", "og:url", absolute_or_relative(ctx, src, src)))
    if card:
        image = absolute_or_relative(ctx, ctx.social_card_src(persona.id), src)
        tags += [
            ("property", "og:image", image),
            ("property", "og:image:width", "1200"),
            ("property", "og:image:height", "630"),
            ("name", "twitter:card", "summary_large_image"),
            ("name", "twitter:image", image),
        ]
    else:
        tags.append(("name", "twitter:card", "summary"))
    return "".join(
        f'<meta {attr}="{escape(key)}" content="{escape(value)}">' for attr, key, value in tags
    )


# Generator -------------------------------------------------------------------------------
def generate(ctx: BuildContext) -> Iterable[Output]:
    """A page per persona, its avatars in every size and (optionally) its social card."""
    from .pages_onboarding import onboarding_path

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
        src = ctx.persona_src(persona.id)
        related = [ctx.handbook.personas[r] for r in persona.related if r in ctx.handbook.personas]
        quotes = persona.quote_list
        body = ctx.render(
            "persona/persona.html",
            src,
            persona=persona,
            review=ctx.review(persona),
            first_quote=quotes[0] if quotes else None,
            more_quotes=quotes[1:],
            custom_sections=custom_section_ids(persona),
            related=related,
            journeys=ctx.handbook.journeys_of(persona.id),
            step=steps.get(persona.id),
            edit_url=ctx.options.edit_url(persona.source_rel),
            glance_items=GLANCE_ITEMS,
        )
        yield ctx.page(
            src,
            persona.name,
            body,
            description=markup.plain(persona.tagline),
            nav_section="personas",
            nav_weight=weight,
            edit_url=ctx.options.edit_url(persona.source_rel),
            hide=["toc"],
            head=head_tags(ctx, persona, src, persona.id in cards),
            persona_id=persona.id,
        )
