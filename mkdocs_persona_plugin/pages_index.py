"""The persona index: the handbook's front door (a plain list until the gallery takes over)."""

from __future__ import annotations

from collections.abc import Iterable

from .site import BuildContext, Output, persona_sort_key


def generate(ctx: BuildContext) -> Iterable[Output]:
    """The ``personas/index.md`` page listing every persona."""
    src = ctx.src("personas", "index.md")
    personas = sorted(ctx.handbook.personas.values(), key=persona_sort_key)
    body = ctx.render("persona/index.html", src, personas=personas)
    yield ctx.page(
        src,
        ctx.strings("personas"),
        body,
        description=ctx.strings("gallery_intro"),
        nav_section="personas",
        nav_weight=-10,
    )
