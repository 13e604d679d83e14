"""``personas.json`` and ``journeys.json``: the handbook's data for other tools.

Published next to the pages (below ``url_prefix``) when the ``exports`` option is on. The
format is described in :mod:`.exports`; ``mkdocs-persona export`` prints the same documents.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ...core.models import Journey, Persona
from .. import exports
from ..site import BuildContext, Output


def url_of(ctx: BuildContext, item: Persona | Journey) -> str | None:
    """The site-root-relative URL of a record's page (``None`` for journeys without pages)."""
    if isinstance(item, Persona):
        return ctx.url_of(ctx.persona_src(item.id))
    if ctx.options.journey_pages:
        return ctx.url_of(ctx.journey_src(item.id))
    return None


def export_document(ctx: BuildContext, kind: str) -> dict[str, Any]:
    """The JSON-ready document of ``kind`` (``personas`` or ``journeys``)."""
    items = exports.records(
        ctx.handbook, kind, review=ctx.review, url=lambda item: url_of(ctx, item)
    )
    return exports.document(kind, items, ctx.handbook.today)


def generate(ctx: BuildContext) -> Iterable[Output]:
    """``personas.json`` and ``journeys.json`` (nothing when ``exports`` is off)."""
    if not ctx.options.exports:
        return
    for kind in exports.KINDS:
        yield Output(
            src_uri=ctx.src(f"{kind}.json"),
            content=exports.dumps(export_document(ctx, kind)),
            kind="asset",
        )
