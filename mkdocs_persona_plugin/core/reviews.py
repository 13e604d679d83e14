"""Review dates: when each persona and journey is next due for review, and its state."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from .evidence import EvidenceSummary, evidence_summary
from .intervals import Interval, add_months, parse_interval
from .models import Journey, Persona, Status
from .urls import join, page_url

if TYPE_CHECKING:
    from .loader import Handbook
    from .options import HandbookOptions


class ReviewState(str, Enum):
    """Where an item stands against its next review date."""

    current = "current"
    due_soon = "due-soon"
    overdue = "overdue"
    retired = "retired"  # never counts as overdue
    unscheduled = "unscheduled"  # a journey without last_reviewed


@dataclass(frozen=True)
class ReviewStatus:
    """The review position of one item on a given day.

    ``days`` is the number of days until the next review (negative when overdue).
    ``due_soon_days``: the item counts as due soon from this many days before its next review
    (what the browser script needs to recompute the state on a later day).
    """

    last_reviewed: dt.date | None
    next_review: dt.date | None
    interval: Interval
    state: ReviewState
    days: int
    due_soon_days: int = 0

    @property
    def days_overdue(self) -> int:
        """Days past the next review date (0 when not overdue)."""
        return max(0, -self.days)


def review_status(
    item: Persona | Journey,
    *,
    today: dt.date,
    default_interval: Interval,
    due_soon: Interval,
) -> ReviewStatus:
    """Compute the review status of ``item`` as of ``today``.

    Next review = ``last_reviewed + review_every`` (month/year arithmetic clamps to the end of
    the month). *Due soon* when the next review falls within ``due_soon`` of today (inclusive);
    *overdue* when it is before today. Retired personas are ``retired`` whatever their dates.
    """
    interval = parse_interval(item.review_every) if item.review_every else default_interval
    last = item.last_reviewed
    if last is None:
        return ReviewStatus(None, None, interval, ReviewState.unscheduled, 0)
    next_review = interval.after(last)
    days = (next_review - today).days
    if isinstance(item, Persona) and item.status is Status.retired:
        state = ReviewState.retired
    elif next_review < today:
        state = ReviewState.overdue
    elif next_review <= due_soon.after(today):
        state = ReviewState.due_soon
    else:
        state = ReviewState.current
    soon_days = (next_review - due_soon_from(next_review, due_soon)).days
    return ReviewStatus(last, next_review, interval, state, days, soon_days)


def due_soon_from(next_review: dt.date, due_soon: Interval) -> dt.date:
    """The first day on which an item whose next review is ``next_review`` counts as due soon.

    That is the earliest ``d`` with ``due_soon.after(d) >= next_review`` (so ``review_status``
    and the browser script, which only knows a number of days, always agree).
    """
    if next_review == dt.date.max:
        return dt.date.max
    day = dt.timedelta(days=1)
    if due_soon.unit in ("days", "weeks"):
        return next_review - (due_soon.after(dt.date(2000, 1, 1)) - dt.date(2000, 1, 1))
    months = due_soon.count * (12 if due_soon.unit == "years" else 1)
    try:
        start = add_months(next_review, -months)
    except ValueError:  # before year 1
        return dt.date.min
    while due_soon.after(start) < next_review:
        start += day
    while start > dt.date.min and due_soon.after(start - day) >= next_review:
        start -= day
    return start


@dataclass(frozen=True)
class ReviewItem:
    """A tracked persona or journey together with its review status."""

    kind: str  # "persona" or "journey"
    item: Persona | Journey
    status: ReviewStatus
    #: A persona's evidence (``None`` for journeys, or when evidence age is not checked).
    evidence: EvidenceSummary | None = None

    @property
    def evidence_stale(self) -> bool:
        """Whether the persona's newest research is older than ``evidence_max_age``."""
        return self.evidence is not None and self.evidence.stale

    @property
    def id(self) -> str:
        """The persona's or journey's id."""
        return self.item.id

    @property
    def title(self) -> str:
        """The persona's name or the journey's title."""
        return self.item.name if isinstance(self.item, Persona) else self.item.title

    @property
    def owner(self) -> str:
        """Who keeps the item up to date (``""`` when a journey names nobody)."""
        return self.item.owner or ""

    @property
    def source_rel(self) -> str:
        """The YAML file, relative to the project root."""
        return self.item.source_rel

    @property
    def state(self) -> ReviewState:
        """Shortcut for ``status.state``."""
        return self.status.state

    @property
    def needs_review(self) -> bool:
        """Overdue or due soon."""
        return self.status.state in (ReviewState.overdue, ReviewState.due_soon)


KIND_ORDER = {"persona": 0, "journey": 1}


def review_items(
    handbook: Handbook,
    *,
    today: dt.date,
    default_interval: Interval,
    due_soon: Interval,
    evidence_max_age: Interval | None = None,
    evidence_of: Callable[[Persona], EvidenceSummary] | None = None,
) -> list[ReviewItem]:
    """Every tracked item (all personas; journeys with ``last_reviewed``), retired included,
    sorted by next review date, then personas before journeys, then by title.

    With ``evidence_max_age``, each persona also carries its :class:`EvidenceSummary`
    (``evidence_of(persona)`` when given: the same summary, computed by the caller).
    """
    items: list[ReviewItem] = []
    records: list[tuple[str, Persona | Journey]] = [
        *(("persona", p) for p in handbook.personas.values()),
        *(("journey", j) for j in handbook.journeys.values()),
    ]
    for kind, record in records:
        status = review_status(
            record, today=today, default_interval=default_interval, due_soon=due_soon
        )
        if status.state is ReviewState.unscheduled:
            continue
        evidence = None
        if evidence_max_age is not None and isinstance(record, Persona):
            if evidence_of is not None:
                evidence = evidence_of(record)
            else:
                evidence = evidence_summary(record, today=today, max_age=evidence_max_age)
        items.append(ReviewItem(kind, record, status, evidence))
    return sorted(items, key=item_sort_key)


def item_sort_key(entry: ReviewItem) -> tuple[dt.date, int, str, str]:
    """Next review date, then personas before journeys, then title and id."""
    return (
        entry.status.next_review or dt.date.max,
        KIND_ORDER.get(entry.kind, 9),
        entry.title.lower(),
        entry.id,
    )


def count_states(items: Iterable[ReviewItem]) -> dict[ReviewState, int]:
    """How many items are in each state (every tracked state present, possibly 0)."""
    counts = dict.fromkeys(TRACKED_STATES, 0)
    for entry in items:
        counts[entry.state] = counts.get(entry.state, 0) + 1
    return counts


#: The states a tracked item can be in, most urgent first.
TRACKED_STATES = (
    ReviewState.overdue,
    ReviewState.due_soon,
    ReviewState.current,
    ReviewState.retired,
)


def plural(count: int, noun: str) -> str:
    """``1 persona``, ``3 personas``."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def when_text(status: ReviewStatus) -> str:
    """``374 days overdue``, ``1 day overdue``, ``due today``, ``in 1 day``, ``in 9 days``."""
    if status.days < 0:
        return plural(-status.days, "day") + " overdue"
    if status.days == 0:
        return "due today"
    return "in " + plural(status.days, "day")


def _kinds_phrase(items: list[ReviewItem]) -> str:
    personas = sum(1 for e in items if e.kind == "persona")
    journeys = len(items) - personas
    parts = [plural(n, noun) for n, noun in ((personas, "persona"), (journeys, "journey")) if n]
    return " and ".join(parts)


def item_line(entry: ReviewItem) -> str:
    """One item for logs and messages: where, what, how late, who owns it."""
    status = entry.status
    last = status.last_reviewed.isoformat() if status.last_reviewed else "never"
    nxt = status.next_review.isoformat() if status.next_review else "?"
    if status.days < 0:
        what = f"is {plural(-status.days, 'day')} overdue for review"
        dates = f"last reviewed {last}, review was due {nxt}"
    else:
        what = "is due for review " + ("today" if status.days == 0 else when_text(status))
        dates = f"last reviewed {last}, next review {nxt}"
    owner = f" — owner {entry.owner}" if entry.owner else ""
    where = f"{entry.source_rel}: " if entry.source_rel else ""
    return f"{where}{entry.kind} '{entry.title}' {what} ({dates}){owner}"


@dataclass(frozen=True)
class ReviewReport:
    """What a build says about reviews: one summary line, and the overdue items in detail."""

    summary: str  # "" when nothing is overdue or due soon
    overdue: list[ReviewItem]
    due_soon: list[ReviewItem]

    @property
    def warnings(self) -> list[str]:
        """One line per overdue item (logged as warnings with ``warn_overdue``)."""
        return [item_line(e) for e in self.overdue]

    @property
    def failure(self) -> str:
        """The error message for ``fail_on_overdue`` (``""`` when nothing is overdue)."""
        if not self.overdue:
            return ""
        head = f"{_kinds_phrase(self.overdue)} overdue for review (fail_on_overdue is on):"
        tail = (
            "Review each one and update its last_reviewed date, or set fail_on_overdue: false."
        )
        return head + "".join(f"\n  {line}" for line in self.warnings) + "\n" + tail


def review_report(items: Iterable[ReviewItem], *, see: str = "") -> ReviewReport:
    """Summarise ``items`` for the build log: ``3 personas overdue, 2 due soon — see reviews/``.

    ``see`` is where the full list is (the tracker page's URL, or a command to run).
    """
    entries = list(items)
    overdue = [e for e in entries if e.state is ReviewState.overdue]
    soon = [e for e in entries if e.state is ReviewState.due_soon]
    parts = []
    if overdue:
        parts.append(f"{_kinds_phrase(overdue)} overdue")
    if soon:
        same_kind = {e.kind for e in soon} == {e.kind for e in overdue} and len(
            {e.kind for e in soon}
        ) == 1
        parts.append(f"{len(soon) if same_kind else _kinds_phrase(soon)} due soon")
    summary = ", ".join(parts)
    if summary and see:
        summary += f" — see {see}"
    return ReviewReport(summary, overdue, soon)


def build_review_report(handbook: Handbook, options: HandbookOptions) -> ReviewReport:
    """What ``mkdocs build`` logs about reviews for ``handbook`` (as of ``handbook.today``).

    The summary points at the tracker page (its URL relative to the site root) when the
    tracker is on, else at the ``mkdocs-persona review`` command.
    """
    items = review_items(
        handbook,
        today=handbook.today,
        default_interval=options.review_every,
        due_soon=options.due_soon,
    )
    if options.tracker:
        see = page_url(join(options.url_prefix, "reviews", "index.md"), options.use_directory_urls)
    else:
        see = "'mkdocs-persona review'"
    return review_report(items, see=see)
