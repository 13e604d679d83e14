"""How well a persona's claims are backed: which cite research, and how old that research is.

A persona is reviewed on a schedule (``last_reviewed``), but a review can only confirm what
the research says; when the newest research is years old, the persona is "evidence stale"
however recently someone looked at it. That is its own state, shown next to the review date
and never instead of it.

The evidence dates are the ``date`` of the persona's research sources.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .intervals import Interval, parse_interval
from .models import CLAIM_FIELDS, Persona, Source

#: The default ``evidence_max_age``: research older than this is stale.
DEFAULT_MAX_AGE = "2 years"


@dataclass(frozen=True)
class EvidenceSummary:
    """What backs one persona's claims, as of a given day."""

    cited: int  #: items (list items and quotes) that cite at least one source
    items: int  #: items that could cite a source
    newest: dt.date | None  #: the newest research source date, if any source is dated
    oldest: dt.date | None
    stale_from: dt.date | None  #: the first day the newest evidence counts as stale
    stale: bool

    @property
    def dated(self) -> bool:
        """Whether any research source has a date (else freshness is unknown)."""
        return self.newest is not None


def default_max_age() -> Interval:
    """``evidence_max_age`` when the configuration does not set it."""
    return parse_interval(DEFAULT_MAX_AGE)


def cited_sources(persona: Persona, ids: list[str]) -> list[Source]:
    """The research sources ``ids`` name, in that order (unknown ids are skipped)."""
    by_id = persona.sources_by_id
    return [by_id[i] for i in ids if i in by_id]


def evidence_summary(persona: Persona, *, today: dt.date, max_age: Interval) -> EvidenceSummary:
    """Count the persona's cited items and date its research."""
    claims = [ids for name in CLAIM_FIELDS for ids in persona.evidence_of(name)]
    quotes = persona.quote_list
    cited = sum(1 for ids in claims if ids) + sum(1 for q in quotes if q.evidence)
    sources = persona.research.source_list if persona.research else []
    dates = sorted(s.date for s in sources if s.date is not None)
    newest = dates[-1] if dates else None
    stale_from = None
    if newest is not None:
        try:
            stale_from = max_age.after(newest) + dt.timedelta(days=1)
        except (OverflowError, ValueError):  # past year 9999: never stale
            stale_from = None
    return EvidenceSummary(
        cited=cited,
        items=len(claims) + len(quotes),
        newest=newest,
        oldest=dates[0] if dates else None,
        stale_from=stale_from,
        stale=stale_from is not None and today >= stale_from,
    )
