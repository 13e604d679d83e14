"""Evidence markers: the small link after a claim that cites research, naming its sources.

A claim (a goal, challenge, quote…) that cites research sources gets a marker: a link to the
first source's entry in its persona's research section (``#source-<id>``, so it works
without JavaScript) showing the number of sources, whose accessible name lists every source
with its date ("Evidence, 2 sources: Customer interviews (1 Mar 2026) and Survey (10 May
2024)"), and a popover showing the same on hover and keyboard focus
(``assets/evidence.css``; Escape hides it, ``assets/evidence.js``). The popover repeats the
link's name for sighted readers and is hidden from assistive technology.

Every text is escaped here: source titles are shown as plain text (their Markdown removed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from ..core.models import Journey, Persona
from . import markup
from .site import BuildContext
from .strings import Strings


@dataclass(frozen=True)
class CitedSource:
    """A research source as a claim's marker shows it."""

    title: str  #: plain text
    date: dt.date | None
    kind: str | None
    href: str  #: the source's entry on its persona's page
    persona: str = ""  #: whose research, when the claim is not on that persona's page


def source_anchor(source_id: str) -> str:
    """The HTML id of a research source's entry on its persona's page."""
    return f"source-{source_id}"


def persona_sources(
    ctx: BuildContext, persona: Persona, ids: Sequence[str], from_src: str
) -> list[CitedSource]:
    """The sources ``ids`` of ``persona`` (unknown ids skipped), linked from the page
    ``from_src``."""
    page = ctx.persona_src(persona.id)
    base = "" if from_src == page else ctx.link(page, from_src)
    by_id = persona.sources_by_id
    return [
        CitedSource(
            title=markup.plain(by_id[i].title),
            date=by_id[i].date,
            kind=by_id[i].kind,
            href=f"{base}#{source_anchor(i)}",
        )
        for i in dict.fromkeys(ids)
        if i in by_id
    ]


def journey_sources(
    ctx: BuildContext, journey: Journey, ids: Sequence[str], from_src: str
) -> list[CitedSource]:
    """The sources a journey stage cites, each found among the journey's personas' research
    (the first persona, in the order the journey names them, that has a source with that
    id); named with their persona when the journey has several."""
    personas = [ctx.handbook.personas[p] for p in journey.persona_ids if p in ctx.handbook.personas]
    several = len(personas) > 1
    found: list[CitedSource] = []
    for source_id in dict.fromkeys(ids):
        owner = next((p for p in personas if source_id in p.sources_by_id), None)
        if owner is None:
            continue
        (cited,) = persona_sources(ctx, owner, [source_id], from_src)
        if several:
            cited = CitedSource(cited.title, cited.date, cited.kind, cited.href, owner.name)
        found.append(cited)
    return found


def describe(strings: Strings, source: CitedSource) -> str:
    """``Customer interviews (1 Mar 2026)``; with its persona when it has one."""
    text = source.title
    if source.date is not None:
        text = strings("evidence.source", title=text, date=strings.date(source.date, "short"))
    if source.persona:
        text = strings("evidence.source_of", source=text, persona=source.persona)
    return text


def label(strings: Strings, sources: Sequence[CitedSource]) -> str:
    """The marker's accessible name: ``Evidence, 2 sources: A (1 Mar 2026) and B (10 May
    2024)`` (the number is what the marker shows, so speech input can name it)."""
    listed = strings.join([describe(strings, s) for s in sources])
    return strings.plural("evidence.label", len(sources), sources=listed)


def marker(strings: Strings, sources: Sequence[CitedSource]) -> Markup:
    """The marker after a claim citing ``sources`` (nothing when there are none)."""
    if not sources:
        return Markup("")
    lines = []
    for source in sources:
        meta = [m for m in (source.kind, source.persona) if m]
        if source.date is not None:
            meta.append(strings.date(source.date, "short"))
        lines.append(
            Markup('<span class="pp-ev-src"><span class="pp-ev-title">{}</span>{}</span>').format(
                source.title,
                Markup(' <span class="pp-ev-meta">{}</span>').format(" · ".join(meta))
                if meta
                else "",
            )
        )
    return Markup(
        '<span class="pp-ev" data-pp-ev><a class="pp-ev-mark" href="{href}" aria-label="{name}">'
        '<span class="pp-ev-icon" aria-hidden="true"></span>'
        '<span class="pp-ev-n" aria-hidden="true">{n}</span></a>'
        '<span class="pp-ev-pop" aria-hidden="true"><span class="pp-ev-head">{head}</span>'
        "{lines}</span></span>"
    ).format(
        href=sources[0].href,
        name=label(strings, sources),
        n=len(sources),
        head=strings("evidence.heading"),
        lines=Markup("").join(lines),
    )


def persona_marker(
    ctx: BuildContext, persona: Persona, ids: Sequence[str] | None, from_src: str
) -> Markup:
    """The marker of a persona's claim citing ``ids`` (nothing when it cites none)."""
    if not ids:
        return Markup("")
    return marker(ctx.strings, persona_sources(ctx, persona, ids, from_src))
