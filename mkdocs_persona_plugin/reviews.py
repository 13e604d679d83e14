"""Review dates: when each persona and journey is next due for review, and its state."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from .intervals import Interval, parse_interval
from .models import Journey, Persona, Status


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
    """

    last_reviewed: dt.date | None
    next_review: dt.date | None
    interval: Interval
    state: ReviewState
    days: int

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
    return ReviewStatus(last, next_review, interval, state, days)
