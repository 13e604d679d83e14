"""``personas.json`` and ``journeys.json``: the handbook's data for other tools.

Published next to the pages (below ``url_prefix``) when the ``exports`` option is on. The
format is described in :mod:`.exports`; ``mkdocs-persona export`` prints the same documents.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Any

from ...core.models import Journey, Persona
from .. import exports
from ..safejson import inert_json_item, inert_json_spliced_parts
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


def export_text(ctx: BuildContext, kind: str) -> str:
    """``exports.dumps(export_document(ctx, kind))``, made of each record's own JSON text, reused
    from the previous build for a record that did not change (:mod:`..reuse`)."""
    return "".join(export_parts(ctx, kind))


def export_parts(ctx: BuildContext, kind: str) -> list[str]:
    """The text of :func:`export_text` in parts (see :meth:`.BuildContext.text_file`)."""
    items: list[Persona | Journey] = []
    if kind == "personas":
        items += [p for _, p in sorted(ctx.handbook.personas.items())]
    else:
        items += [j for _, j in sorted(ctx.handbook.journeys.items())]
    texts = [
        ctx.reuse(ctx.item_key(f"export-{kind}", item), partial(_record_text, ctx, item))
        for item in items
    ]
    return [*inert_json_spliced_parts(exports.document(kind, texts, ctx.handbook.today)), "\n"]


def _record_text(ctx: BuildContext, item: Persona | Journey) -> str:
    if isinstance(item, Persona):
        record = exports.persona_record(item, review=ctx.review(item), url=url_of(ctx, item))
    else:
        record = exports.journey_record(item, review=ctx.review(item), url=url_of(ctx, item))
    return inert_json_item(record)


def generate(ctx: BuildContext) -> Iterable[Output]:
    """``personas.json`` and ``journeys.json`` (nothing when ``exports`` is off)."""
    if not ctx.options.exports:
        return
    for kind in exports.KINDS:
        yield ctx.text_file(ctx.src(f"{kind}.json"), export_parts(ctx, kind), kind="asset")
