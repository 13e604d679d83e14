"""The review tracker page (``reviews/``) and its feeds, ``reviews.json`` and ``reviews.ics``.

The tracker lists every persona and journey map by next review date (owned journey maps that
were never reviewed first), with its state as text, its owner and the file to edit;
``assets/reviews.js`` adds an owner filter (``?owner=@x``), a grouped-by-owner view
(``?view=owner``) and makes the count tiles show one state only (``?state=overdue``). Without
JavaScript the full table is shown.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial

from ...core.reviews import (
    ReviewItem,
    ReviewState,
    ReviewStatus,
    count_states,
    review_items,
    review_status,
)
from ..review_feeds import page_src, reviews_ics, reviews_json_parts
from ..site import BuildContext, Output
from ..strings import Strings

#: The stylesheets and scripts the tracker loads (its filters and dates run in reviews.js;
#: evidence.css styles the "evidence stale" tile and badges).
ASSETS = ("reviews.css", "evidence.css", "reviews.js")


@dataclass(frozen=True)
class TrackerRow:
    """One row of the tracker table, ready to render."""

    entry: ReviewItem
    href: str  # relative link to the item's page ("" when it has none)
    edit_url: str  # link to edit the YAML file ("" when the site has no repo_url)
    when: str  # "374 days overdue", "in 9 days", "due today"
    label: str  # the state as text


def tracked(ctx: BuildContext) -> list[ReviewItem]:
    """Every tracked item as of the build's today (computed once per build)."""
    cached = ctx.shared.get("reviews")
    if cached is None:
        cached = review_items(
            ctx.handbook,
            today=ctx.handbook.today,
            default_interval=ctx.options.review_every,
            due_soon=ctx.options.due_soon,
            evidence_max_age=ctx.options.evidence_max_age,
            evidence_of=ctx.evidence,
        )
        ctx.shared["reviews"] = cached
    return list(cached)


def never_reviewed(ctx: BuildContext) -> list[ReviewItem]:
    """Journey maps that have an owner but no ``last_reviewed``, by title.

    They have no review date, so the feeds and the build log leave them out; the tracker
    lists them ("never reviewed") so that their owners see them.
    """
    items = []
    for journey in ctx.handbook.journeys.values():
        if not journey.owner or journey.last_reviewed is not None:
            continue
        status = review_status(
            journey,
            today=ctx.handbook.today,
            default_interval=ctx.options.review_every,
            due_soon=ctx.options.due_soon,
        )
        items.append(ReviewItem("journey", journey, status))
    return sorted(items, key=lambda e: (e.title.lower(), e.id))


def duration_text(strings: Strings, days: int) -> str:
    """``1 day`` / ``12 days`` in the site's language."""
    return strings.plural("review.days", days)


def when_label(strings: Strings, status: ReviewStatus) -> str:
    """``374 days overdue``, ``due today`` or ``in 9 days`` in the site's language."""
    if status.next_review is None:
        return strings("review.never")
    if status.days < 0:
        return strings("review.overdue_by", duration=duration_text(strings, -status.days))
    if status.days == 0:
        return strings("review.due_today")
    return strings("review.due_in", duration=duration_text(strings, status.days))


def owner_key(owner: str) -> str:
    """How owners are compared: case-insensitive, with or without a leading ``@``."""
    return owner.strip().lstrip("@").casefold()


def tracker_rows(ctx: BuildContext, items: Iterable[ReviewItem], from_src: str) -> list[TrackerRow]:
    """Rows for the tracker page at ``from_src`` (each reused from the previous build while
    its record is the same: see :mod:`..reuse`)."""
    return [
        ctx.reuse(
            ctx.item_key("tracker-row-values", entry, entry.state.value, from_src),
            partial(tracker_row, ctx, entry, from_src),
        )
        for entry in items
    ]


def tracker_row(ctx: BuildContext, entry: ReviewItem, from_src: str) -> TrackerRow:
    """The row of ``entry`` on the tracker page at ``from_src``."""
    src = page_src(ctx, entry)
    return TrackerRow(
        entry=entry,
        href=ctx.link(src, from_src) if src else "",
        edit_url=ctx.options.edit_url(entry.source_rel),
        when=when_label(ctx.strings, entry.status),
        label=ctx.strings(f"review.state.{entry.state.value}"),
    )


def generate(ctx: BuildContext) -> Iterable[Output]:
    """The tracker page, ``reviews.json`` and ``reviews.ics`` (when ``tracker`` is on)."""
    if not ctx.options.tracker:
        return
    items = tracked(ctx)
    never = never_reviewed(ctx)
    src = ctx.tracker_src()
    active = never + [e for e in items if e.state is not ReviewState.retired]
    retired = [e for e in items if e.state is ReviewState.retired]
    owners: dict[str, str] = {}
    for entry in active:
        if entry.owner:
            owners.setdefault(owner_key(entry.owner), entry.owner)
    counts = count_states(items)
    # Personas that are (or will become) evidence stale: their dated research has an age.
    dated = [e for e in active if e.evidence is not None and e.evidence.stale_from is not None]
    if never:  # a tile of its own, after "overdue"
        counts = {ReviewState.overdue: counts[ReviewState.overdue],
                  ReviewState.unscheduled: len(never),
                  **counts}
    body = ctx.render(
        "persona/tracker.html",
        src,
        rows=tracker_rows(ctx, active, src),
        retired_rows=tracker_rows(ctx, retired, src),
        counts=[(state.value, counts[state]) for state in counts],
        owners=sorted(owners.values(), key=owner_key),
        has_unowned=any(not e.owner for e in active),
        evidence_tile=bool(dated),
        evidence_stale=sum(1 for e in active if e.evidence_stale),
        today=ctx.handbook.today,
        json_src=ctx.src("reviews.json"),
        ics_src=ctx.src("reviews.ics"),
    )
    yield ctx.page(
        src,
        ctx.strings("reviews"),
        body,
        description=ctx.strings("review.description"),
        nav_section="reviews",
        nav_weight=0,
        listing=True,
        hide=["toc"],
        assets=ASSETS,
    )
    yield ctx.text_file(ctx.src("reviews.json"), reviews_json_parts(ctx, items), kind="asset")
    yield Output(src_uri=ctx.src("reviews.ics"), content=reviews_ics(ctx, items), kind="asset")
