"""The "Start here" onboarding page: what personas are, then a reading path through them."""

from __future__ import annotations

from collections.abc import Iterable

from ...core.models import Persona, Status
from ..site import BuildContext, Output, persona_sort_key
from .shared import avatar_files

#: The stylesheets and scripts "Start here" loads (no script: nothing on it changes).
ASSETS = ("persona.css",)


def onboarding_path(ctx: BuildContext) -> list[Persona]:
    """The personas of the reading path, in order.

    ``options.onboarding`` lists ids explicitly; by default it is every active persona,
    largest share first, then by name. Raises ``ValueError`` for an unknown or repeated id.
    """
    cached = ctx.shared.get("persona.onboarding")
    if cached is not None:
        return list(cached)
    personas = ctx.handbook.personas
    if ctx.options.onboarding:
        path: list[Persona] = []
        seen: set[str] = set()
        for persona_id in ctx.options.onboarding:
            if persona_id not in personas:
                raise ValueError(f"onboarding: no persona with id '{persona_id}'")
            if persona_id in seen:
                raise ValueError(f"onboarding: persona '{persona_id}' is listed twice")
            seen.add(persona_id)
            path.append(personas[persona_id])
    else:
        path = sorted(
            (p for p in personas.values() if p.status is Status.active),
            key=lambda p: (*persona_sort_key(p), p.id),
        )
    ctx.shared["persona.onboarding"] = path
    return list(path)


def generate(ctx: BuildContext) -> Iterable[Output]:
    """The ``personas/start-here.md`` page (only when ``options.start_here``)."""
    if not ctx.options.start_here:
        return

    avatar_files(ctx)  # make sure avatars exist before cards refer to them
    src = ctx.src("personas", "start-here.md")
    path = onboarding_path(ctx)
    has_negative = any(p.is_negative for p in ctx.handbook.personas.values())
    journeys = bool(ctx.options.journey_pages and ctx.handbook.journeys)
    body = ctx.render(
        "persona/start_here.html",
        src,
        path=path,
        has_negative=has_negative,
        show_journeys=journeys,
    )
    yield ctx.page(
        src,
        ctx.strings("start_here"),
        body,
        description=ctx.strings("onboarding.description"),
        nav_section="personas",
        nav_weight=-9,
        listing=True,
        hide=["toc"],
        assets=ASSETS,
    )
