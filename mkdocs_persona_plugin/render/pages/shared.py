"""What the gallery, the onboarding page and the persona pages share.

The configured persona order, the avatar files and the social cards: each computed once per
build and kept in ``ctx.shared``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from ...core.models import Persona, PersonaType, Status
from ...images import AVATAR_SIZES, PhotoError
from .. import markup
from ..avatar_labels import label_of, looks
from ..site import BuildContext, persona_sort_key

#: Avatar sizes generated for every persona (96 px cards, 256 px headers and 2x screens).
SIZES: tuple[int, ...] = AVATAR_SIZES


def _cpus() -> int:
    """How many CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


#: Threads that draw images: one per CPU, at most 8 (Pillow and zlib release the GIL while
#: they resize and compress, most of the work). The images are the same whatever the number.
IMAGE_WORKERS = max(1, min(8, _cpus()))

_TYPE_ORDER = {t: i for i, t in enumerate(PersonaType)}


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
        people = list(ctx.handbook.personas.values())

        def draw(indexes: list[int]) -> list[dict[tuple[str, int], Path]]:
            jobs = [(people[i].id, people[i].name, people[i].photo_path) for i in indexes]
            try:
                found = ctx.images.avatars_for_many(
                    jobs, sizes=SIZES, workers=IMAGE_WORKERS, looks=looks(ctx)
                )
            except PhotoError as exc:
                raise _photo_failure(ctx, exc) from None
            by_persona: dict[str, dict[tuple[str, int], Path]] = {}
            for (pid, size), path in found.items():
                by_persona.setdefault(pid, {})[pid, size] = path
            return [by_persona.get(people[i].id, {}) for i in indexes]

        # Each persona's files, from the previous build while its name, photo and initials
        # are the same and the files are still there (see ..reuse).
        keys = [ctx.item_key("avatars", p, SIZES) for p in people]
        for found in ctx.reuse_each(keys, draw, partial(_all_there, ctx)):
            files.update(found)
    ctx.shared["persona.avatars"] = files
    return dict(files)


def _all_there(ctx: BuildContext, paths: dict[Any, Path] | Path) -> bool:
    """Whether every file of ``paths`` (one, or a mapping of them) is still there, from one
    listing of each folder per build (thousands of cached images share one)."""
    listings: dict[Path, set[str]] = ctx.shared.setdefault("persona.listings", {})
    for path in [paths] if isinstance(paths, Path) else paths.values():
        names = listings.get(path.parent)
        if names is None:
            try:
                names = listings[path.parent] = set(os.listdir(path.parent))
            except OSError:
                names = listings[path.parent] = set()
        if path.name not in names:
            return False
    return True


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
        people = list(ctx.handbook.personas.values())

        def draw(indexes: list[int]) -> list[Path]:
            jobs = [
                (
                    p.id,
                    p.name,
                    markup.plain(p.tagline),
                    ctx.strings(f"type.{p.type.value}"),
                    site_name,
                    p.photo_path,
                )
                for p in (people[i] for i in indexes)
            ]
            try:
                found = ctx.images.social_cards_for_many(
                    jobs, workers=IMAGE_WORKERS, looks=looks(ctx)
                )
            except PhotoError as exc:
                raise _photo_failure(ctx, exc) from None
            return [found[people[i].id] for i in indexes]

        keys = [ctx.item_key("social-card", p) for p in people]
        drawn = ctx.reuse_each(keys, draw, partial(_all_there, ctx))
        cards = {p.id: path for p, path in zip(people, drawn, strict=True)}
    ctx.shared["persona.cards"] = cards
    return dict(cards)
