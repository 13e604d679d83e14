"""Journey maps: one page per journey (``journeys/<id>.md``) and the journeys index.

A map shows stages as columns and lanes (actions, thoughts, emotion, touchpoints, ...) as
rows; lanes without content in any stage are left out. The emotion lane is an inline SVG
(:mod:`.emotion_svg`) spanning every stage column, with a legend for several curves and the
same data as a table for screen readers. A future-state journey that ``improves`` a current
one shows both curves (as-is dashed, to-be solid) and the two pages link to each other.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from markupsafe import Markup

from ...core.models import Journey, Stage
from .. import emotion_svg, markup
from ..avatar_labels import label_of
from ..emotion_svg import Series, Words
from ..evidence_marks import journey_sources
from ..file_history import file_history
from ..site import BuildContext, Output, journey_sort_key

#: The stylesheets and scripts a journey map loads: the map ("fit to width"), its sources
#: and history (evidence.css) and its review banner (brought up to the reader's date).
ASSETS = ("journey.css", "evidence.css", "reviews.css", "journey.js", "reviews.js")
#: The journeys index: cards with sparklines, nothing that changes.
INDEX_ASSETS = ("journey.css",)

#: The lanes of a map, top to bottom (``emotion`` is the curve).
LANES = (
    "description",
    "actions",
    "thoughts",
    "emotion",
    "touchpoints",
    "channels",
    "pain_points",
    "opportunities",
    "backstage",
    "teams",
    "kpis",
    "evidence",
)


#: From this many stages on, a map offers its "fit to width" view (its script hides the
#: switch while the map fits anyway).
FIT_TOGGLE_FROM = 4


@dataclass
class Chip:
    """A persona named by a journey: link, avatar or initials."""

    id: str
    name: str
    url: str
    avatar: str
    initials: str
    colour: str


def persona_chips(ctx: BuildContext, journey: Journey, from_src: str) -> list[Chip]:
    """The journey's personas as chips (an unknown id is shown as is, without a link)."""
    chips = []
    for pid in journey.persona_ids:
        persona = ctx.handbook.personas.get(pid)
        name = persona.name if persona else pid
        chips.append(
            Chip(
                id=pid,
                name=name,
                url=ctx.link(ctx.persona_src(pid), from_src) if persona else "",
                avatar=(
                    ctx.link(ctx.avatar_src(pid, 96), from_src)
                    if persona is not None and ctx.images is not None
                    else ""
                ),
                initials=label_of(ctx, pid, name).initials,
                colour=label_of(ctx, pid, name).colour,
            )
        )
    return chips


def present_lanes(stages: Sequence[Stage], has_emotion: bool) -> list[str]:
    """The lanes with content in at least one stage, in :data:`LANES` order."""
    lanes = []
    for lane in LANES:
        if lane == "emotion":
            if has_emotion:
                lanes.append(lane)
        elif any(getattr(stage, lane) for stage in stages):
            lanes.append(lane)
    return lanes


def _norm(name: str) -> str:
    return " ".join(markup.plain(name).casefold().split())


def align_stages(base: Journey, stages: Sequence[Stage]) -> list[int | None]:
    """For each of ``stages``, the index of the matching stage of ``base`` (or ``None``).

    Stages are matched by name (ignoring case and spacing); when no name matches at all,
    by position.
    """
    by_name: dict[str, int] = {}
    for i, stage in enumerate(base.stages):
        by_name.setdefault(_norm(stage.name), i)
    matched = [by_name.get(_norm(stage.name)) for stage in stages]
    if any(m is not None for m in matched):
        return matched
    return [i if i < len(base.stages) else None for i in range(len(stages))]


def emotion_series(ctx: BuildContext, journey: Journey) -> list[Series]:
    """The curves of ``journey``: one per persona with data, plus the as-is curves of the
    journey it improves (aligned to this journey's stages)."""
    t = ctx.strings
    base = ctx.handbook.journeys.get(journey.improves) if journey.improves else None
    order = list(journey.persona_ids)
    if base is not None:
        order += [pid for pid in base.persona_ids if pid not in order]

    def name(pid: str) -> str:
        persona = ctx.handbook.personas.get(pid)
        return persona.name if persona else pid

    series: list[Series] = []
    if base is not None:
        mapping = align_stages(base, journey.stages)
        for pid in base.persona_ids:
            values = [
                base.emotion_of(base.stages[m], pid) if m is not None else None for m in mapping
            ]
            notes = [
                _plain_note(base.emotion_note_of(base.stages[m], pid)) if m is not None else None
                for m in mapping
            ]
            if any(v is not None for v in values):
                series.append(
                    Series(
                        t("journey.as_is", name=name(pid)),
                        values,
                        style=order.index(pid),
                        as_is=True,
                        key=pid,
                        notes=notes,
                    )
                )
    for pid in journey.persona_ids:
        values = [journey.emotion_of(stage, pid) for stage in journey.stages]
        notes = [
            _plain_note(journey.emotion_note_of(stage, pid)) if value is not None else None
            for stage, value in zip(journey.stages, values, strict=True)
        ]
        if any(v is not None for v in values):
            label = t("journey.to_be", name=name(pid)) if base is not None else name(pid)
            series.append(Series(label, values, style=order.index(pid), key=pid, notes=notes))
    # Legend order: persona by persona, as-is before to-be.
    series.sort(key=lambda s: (s.style, not s.as_is))
    return series


def _plain_note(note: str | None) -> str | None:
    return markup.plain(note) if note else None


def words(ctx: BuildContext) -> Words:
    """The text-alternative sentences in the site's language."""
    t = ctx.strings
    return Words(
        levels={v: t(f"emotion.{v}") for v in range(emotion_svg.LOW, emotion_svg.HIGH + 1)},
        scale=t("emotion.scale"),
        summary=t("emotion.summary"),
        single=t("emotion.single"),
        missing=t("emotion.missing"),
        empty=t("emotion.empty"),
        point=t("emotion.point"),
        because=t("emotion.because"),
    )


def emotion_table(
    ctx: BuildContext,
    stages: Sequence[Stage],
    series: Sequence[Series],
    journey: Journey | None = None,
) -> list[dict[str, Any]]:
    """Rows of the emotion data table: stage name and one cell per series, each with its
    text (``−2 (very negative)``), value and the note of ``journey``'s stage (Markdown) when
    the series is the journey's own."""
    t = ctx.strings
    rows = []
    for i, stage in enumerate(stages):
        cells = []
        for s in series:
            value = s.values[i] if i < len(s.values) else None
            note = None
            if value is None:
                pass  # no feeling recorded, so no reason for it either
            elif journey is not None and not s.as_is and s.key:
                note = journey.emotion_note_of(stage, s.key)
            elif s.note(i):
                note = s.note(i)
            cells.append(
                {
                    "text": t("journey.no_data")
                    if value is None
                    else f"{emotion_svg.format_emotion(value)} ({t(f'emotion.{value}')})",
                    "value": value,
                    "label": s.label,
                    "style": s.style,
                    "as_is": s.as_is,
                    "note": note,
                    "face": Markup(emotion_svg.face(value)) if value is not None else "",
                }
            )
        rows.append({"stage": stage.name, "cells": cells, "notes": _stage_notes(stage, cells)})
    return rows


def _stage_notes(stage: Stage, cells: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The notes shown under the curve in a stage's column: a plain ``emotion_note`` once
    (without a persona's name), a mapping per persona (with the name)."""
    if isinstance(stage.emotion_note, str):
        return [{"label": "", "style": None, "note": stage.emotion_note}]
    return [
        {"label": cell["label"], "style": cell["style"], "note": cell["note"]}
        for cell in cells
        if cell["note"] and not cell["as_is"]
    ]


def improvers(ctx: BuildContext) -> dict[str, list[Journey]]:
    """The journeys that improve each journey, by its id (computed once per build)."""
    found: dict[str, list[Journey]] | None = ctx.shared.get("journeys.improvers")
    if found is None:
        found = ctx.shared["journeys.improvers"] = {}
        for journey in ctx.handbook.journeys.values():
            if journey.improves:
                found.setdefault(journey.improves, []).append(journey)
    return found


def map_order(journeys: Iterable[Journey]) -> list[Journey]:
    """Journeys in reading order: current ones by title, each followed by the future-state
    journeys that improve it; other future-state journeys last."""
    ordered = sorted(journeys, key=journey_sort_key)
    ids = {j.id for j in ordered}
    improving: dict[str, list[Journey]] = {}
    for journey in ordered:
        if journey.improves:
            improving.setdefault(journey.improves, []).append(journey)
    result: list[Journey] = []
    for journey in ordered:
        if journey.improves and journey.improves in ids:
            continue  # placed after the journey it improves
        result.append(journey)
        result.extend(j for j in improving.get(journey.id, ()) if j is not journey)
    return result


def journey_page(ctx: BuildContext, journey: Journey, weight: float = 0) -> Output:
    """The page of one journey map."""
    t = ctx.strings
    src = ctx.journey_src(journey.id)
    series = emotion_series(ctx, journey)
    stage_names = [stage.name for stage in journey.stages]
    has_emotion = any(v is not None for s in series for v in s.values)
    moments = [i for i, stage in enumerate(journey.stages) if stage.moment_of_truth]
    wording = words(ctx)
    summary = emotion_svg.describe(stage_names, series, wording)
    curve = ""
    if has_emotion:
        curve = emotion_svg.emotion_curve(
            stage_names,
            series,
            chart_id=f"pp-emo-{journey.id}",
            title=t("journey.emotion_title", title=journey.title),
            desc=summary,
            moments=moments,
            words=wording,
        )
    legend = ""
    if len(series) > 1:
        legend = emotion_svg.legend(series, label=t("journey.emotion_legend"))
    base = ctx.handbook.journeys.get(journey.improves) if journey.improves else None
    improved_by = sorted(improvers(ctx).get(journey.id, ()), key=journey_sort_key)
    review = ctx.review(journey)
    edit_url = ctx.options.edit_url(journey.source_rel)
    table = emotion_table(ctx, journey.stages, series, journey)
    body = ctx.render(
        "persona/journey.html",
        src,
        journey=journey,
        item=journey,
        review=review,
        kind="journey",
        chips=persona_chips(ctx, journey, src),
        lanes=present_lanes(journey.stages, has_emotion),
        curve=Markup(curve),  # built by emotion_svg, every text escaped
        legend=Markup(legend),
        summary=summary,
        series=series,
        table=table,
        has_notes=any(row["notes"] for row in table),
        fit_toggle=len(journey.stages) >= FIT_TOGGLE_FROM,
        moments=[journey.stages[i].name for i in moments],
        base=base,
        base_url=ctx.link(ctx.journey_src(base.id), src) if base else "",
        improves_text=[*t("journey.improves", title="\x00").split("\x00", 1), ""][:2],
        improved_by=[(j, ctx.link(ctx.journey_src(j.id), src)) for j in improved_by],
        edit_url=edit_url,
        stage_sources=[
            journey_sources(ctx, journey, stage.evidence or [], src) for stage in journey.stages
        ],
        history=file_history(ctx.history, journey),
    )
    description = markup.plain(journey.goal or journey.scenario or journey.title)
    return ctx.page(
        src,
        journey.title,
        body,
        description=description,
        nav_section="journeys",
        nav_weight=weight,
        edit_url=edit_url,
        og_type="article",
        # The map takes the whole window: Material hides its navigation and contents.
        hide=["navigation", "toc"],
        assets=ASSETS,
    )


def index_page(ctx: BuildContext, journeys: Sequence[Journey]) -> Output:
    """The journeys index: one card per journey with a sparkline of its emotion curve."""
    t = ctx.strings
    src = ctx.src("journeys", "index.md")
    cards = []
    for journey in journeys:
        key = journey_key(ctx, journey, "journey-card")
        card = ctx.reuse(key, partial(index_card, ctx, journey, src))
        cards.append({**card, "key": key})  # the template reuses the card's HTML by it
    body = ctx.render("persona/journeys_index.html", src, cards=cards)
    return ctx.page(
        src,
        t("journeys"),
        body,
        description=t("journey.index_intro"),
        nav_section="journeys",
        nav_weight=-10,
        listing=True,
        hide=["toc"],
        assets=INDEX_ASSETS,
    )


def index_card(ctx: BuildContext, journey: Journey, src: str) -> dict[str, Any]:
    """The card of ``journey`` on the journeys index at ``src`` (the template's values)."""
    series = [
        s
        for s in emotion_series(ctx, journey)
        if not s.as_is  # the card shows the journey's own curve
    ]
    names = [stage.name for stage in journey.stages]
    has_emotion = any(v is not None for s in series for v in s.values)
    return {
        "journey": journey,
        "url": ctx.link(ctx.journey_src(journey.id), src),
        "chips": persona_chips(ctx, journey, src),
        "spark": Markup(emotion_svg.sparkline(series, len(names))) if has_emotion else "",
        "summary": emotion_svg.describe(names, series, words(ctx)) if has_emotion else "",
        "moments": [s.name for s in journey.stages if s.moment_of_truth],
    }


def journey_key(ctx: BuildContext, journey: Journey, kind: str) -> tuple[Any, ...] | None:
    """The key of ``kind`` (a page, a card) of ``journey``: what a journey map shows from
    outside its own file (see :mod:`..reuse`): its personas (names, initials, the research its
    stages cite), the journey it improves with that one's personas, and the journeys that
    improve it. ``None`` when the journey has no digest."""
    digest = ctx.digest(journey)
    if digest is None:
        return None

    def who(pid: str) -> tuple[Any, ...]:
        persona = ctx.handbook.personas.get(pid)
        name = persona.name if persona is not None else pid
        return (pid, ctx.digest(persona), label_of(ctx, pid, name))

    base = ctx.handbook.journeys.get(journey.improves) if journey.improves else None
    improved_by = improvers(ctx).get(journey.id, [])
    return (
        kind,
        digest,
        tuple(who(pid) for pid in journey.persona_ids),
        base and (base.id, ctx.digest(base), tuple(who(pid) for pid in base.persona_ids)),
        tuple((j.id, ctx.digest(j)) for j in improved_by),
    )


def generate(ctx: BuildContext) -> Iterable[Output]:
    """Every journey page and the journeys index (when ``journey_pages`` is on)."""
    if not ctx.options.journey_pages or not ctx.handbook.journeys:
        return
    journeys = map_order(ctx.handbook.journeys.values())
    yield index_page(ctx, journeys)
    for weight, journey in enumerate(journeys):
        key = journey_key(ctx, journey, "journey-page")
        page = ctx.reuse(key, partial(journey_page, ctx, journey))
        yield replace(page, nav_weight=weight)
