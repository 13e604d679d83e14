"""Machine-readable review feeds: ``reviews.json`` and the ``reviews.ics`` calendar.

Both list the same items (see :func:`.reviews.review_items`) with the same dates and states as
the tracker page, the banners and ``mkdocs-persona review``. The calendar follows RFC 5545:
CRLF line endings, lines folded at 75 octets, TEXT values escaped, so hostile names or owners
stay inert text. This module does not import mkdocs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import partial
from typing import Any
from urllib.parse import quote, urlsplit

from .. import __version__
from ..core.evidence import EvidenceSummary
from ..core.reviews import ReviewItem, ReviewState
from .safejson import inert_json_item, inert_json_spliced_parts
from .site import BuildContext

#: Fallback for the host part of calendar UIDs when the site has no ``site_url``.
DEFAULT_UID_HOST = "mkdocs-persona"

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


# Addresses ---------------------------------------------------------------------------------
def page_src(ctx: BuildContext, entry: ReviewItem) -> str | None:
    """The Markdown path of the item's page, or ``None`` when no page is generated."""
    if entry.kind == "persona":
        return ctx.persona_src(entry.id)
    return ctx.journey_src(entry.id) if ctx.options.journey_pages else None


def page_url(ctx: BuildContext, entry: ReviewItem) -> str | None:
    """The item page's URL relative to the site root (``personas/ian/``), or ``None``."""
    src = page_src(ctx, entry)
    return ctx.url_of(src) if src else None


def absolute_url(ctx: BuildContext, url: str | None) -> str | None:
    """``url`` (site-root relative) joined to ``site_url``; ``None`` without a ``site_url``."""
    return None if url is None else ctx.absolute(url)


def uid_host(site_url: str) -> str:
    """The host used in calendar UIDs: the site's host name, else ``mkdocs-persona``."""
    try:
        host = urlsplit(site_url.strip()).hostname or ""
    except ValueError:
        host = ""
    host = re.sub(r"[^a-z0-9.-]", "", host.lower())
    return host or DEFAULT_UID_HOST


# JSON --------------------------------------------------------------------------------------
def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def evidence_record(summary: EvidenceSummary | None) -> dict[str, Any] | None:
    """A persona's evidence in ``reviews.json`` (``None`` for a journey): whether it is stale,
    its newest and oldest research dates, how many of its items cite a source, and the day
    it becomes stale (what a script needs to recompute ``stale`` on a later day)."""
    if summary is None:
        return None
    return {
        "stale": summary.stale,
        "newest": _iso(summary.newest),
        "oldest": _iso(summary.oldest),
        "cited": summary.cited,
        "items": summary.items,
        "stale_from": _iso(summary.stale_from),
    }


def review_record(ctx: BuildContext, entry: ReviewItem) -> dict[str, Any]:
    """One item of ``reviews.json`` (and of ``mkdocs-persona review --format json``).

    ``last_updated`` is when the item's file last changed in git (``None`` when unknown);
    ``evidence`` a persona's :func:`evidence_record` (``None`` for a journey).
    """
    status = entry.status
    return {
        "id": entry.id,
        "kind": entry.kind,
        "title": entry.title,
        "owner": entry.owner or None,
        "last_reviewed": status.last_reviewed.isoformat() if status.last_reviewed else None,
        "next_review": status.next_review.isoformat() if status.next_review else None,
        "review_every": str(status.interval),
        "state": status.state.value,
        "days": status.days,
        "evidence": evidence_record(entry.evidence),
        "last_updated": _iso(ctx.history.last_updated(entry.source_rel)),
        "url": page_url(ctx, entry),
        "source": entry.source_rel,
        "edit_url": ctx.options.edit_url(entry.source_rel) or None,
    }


def reviews_document(ctx: BuildContext, items: Iterable[ReviewItem]) -> dict[str, Any]:
    """``{"today": ..., "items": [...]}`` sorted by next review date."""
    return {
        "today": ctx.handbook.today.isoformat(),
        "review_every": str(ctx.options.review_every),
        "due_soon": str(ctx.options.due_soon),
        "evidence_max_age": str(ctx.options.evidence_max_age),
        "items": [review_record(ctx, e) for e in items],
    }


def reviews_json(ctx: BuildContext, items: Iterable[ReviewItem]) -> str:
    """The text of ``reviews.json`` (:func:`reviews_document`), made of each item's own JSON
    text, reused from the previous build for a record that did not change (:mod:`.reuse`)."""
    return "".join(reviews_json_parts(ctx, items))


def reviews_json_parts(ctx: BuildContext, items: Iterable[ReviewItem]) -> list[str]:
    """The text of :func:`reviews_json` in parts (see :meth:`.BuildContext.text_file`)."""
    texts = [
        ctx.reuse(ctx.item_key("review-record", e), partial(_record_text, ctx, e)) for e in items
    ]
    return [*inert_json_spliced_parts(reviews_document(ctx, []) | {"items": texts}), "\n"]


def _record_text(ctx: BuildContext, entry: ReviewItem) -> str:
    return inert_json_item(review_record(ctx, entry))


# iCalendar ---------------------------------------------------------------------------------
def escape_text(value: str) -> str:
    """An RFC 5545 TEXT value: ``\\ ; ,`` and newlines escaped, other control characters
    dropped, so no text can end a line and start a property of its own."""
    value = _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\n", "\\n")


def safe_uri(value: str) -> str:
    """A URI value with spaces, quotes, control and non-ASCII characters percent-encoded."""
    return quote(_CONTROL.sub("", value.replace("\n", "").replace("\r", "")),
                 safe=":/?#[]@!$&'()*+,;=%~-._")


def fold(line: str) -> str:
    """Fold a content line at 75 octets (continuation lines start with one space), never
    inside a UTF-8 character; lines are joined with CRLF."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    pieces: list[str] = []
    limit = 75
    current = ""
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size, limit = "", 0, 74  # the leading space counts
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def _date(value: dt.date) -> str:
    return value.strftime("%Y%m%d")


def calendar_name(ctx: BuildContext) -> str:
    """The calendar's display name (``X-WR-CALNAME``)."""
    name = ctx.options.site_name.strip() or ctx.strings("handbook")
    return ctx.strings("review.calendar_name", site=name)


def event_lines(ctx: BuildContext, entry: ReviewItem, stamp: str) -> list[str]:
    """The unfolded content lines of one item's all-day VEVENT."""
    status = entry.status
    assert status.next_review is not None
    url = absolute_url(ctx, page_url(ctx, entry))
    edit = ctx.options.edit_url(entry.source_rel)
    summary_key = f"review.calendar_summary.{entry.kind}"
    description = [
        ctx.strings("review.calendar_owner", owner=entry.owner or ctx.strings("none")),
        ctx.strings(
            "review.calendar_last",
            last=status.last_reviewed.isoformat() if status.last_reviewed else "",
            every=ctx.strings.interval(status.interval),
        ),
    ]
    if url:
        description.append(ctx.strings("review.calendar_page", url=url))
    if edit:
        description.append(ctx.strings("review.calendar_edit", url=edit))
    elif entry.source_rel:
        description.append(ctx.strings("review.calendar_file", path=entry.source_rel))
    next_day = status.next_review + dt.timedelta(days=1) if status.next_review < dt.date.max else (
        status.next_review
    )
    lines = [
        "BEGIN:VEVENT",
        f"UID:{entry.kind}-{entry.id}@{uid_host(ctx.options.site_url)}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{_date(status.next_review)}",
        f"DTEND;VALUE=DATE:{_date(next_day)}",
        "SUMMARY:" + escape_text(ctx.strings(summary_key, name=entry.title)),
        "DESCRIPTION:" + escape_text("\n".join(description)),
    ]
    if url:
        lines.append("URL:" + safe_uri(url))
    lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    return lines


def reviews_ics(ctx: BuildContext, items: Iterable[ReviewItem]) -> str:
    """The text of ``reviews.ics``: one all-day event per item on its next review date.

    Retired personas are left out (they are never due). ``DTSTAMP`` is midnight UTC of the
    build's "today", so two builds on the same day produce the same file.
    """
    stamp = _date(ctx.handbook.today) + "T000000Z"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//mkdocs-persona-plugin//Review tracker {escape_text(__version__)}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:" + escape_text(calendar_name(ctx)),
    ]
    events = [
        ctx.reuse(ctx.item_key("review-event", entry), partial(_event_text, ctx, entry, stamp))
        for entry in items
        if entry.state is not ReviewState.retired and entry.status.next_review is not None
    ]
    end = ["END:VCALENDAR"]
    return _lines(lines) + "".join(events) + _lines(end)


def _event_text(ctx: BuildContext, entry: ReviewItem, stamp: str) -> str:
    return _lines(event_lines(ctx, entry, stamp))


def _lines(lines: Iterable[str]) -> str:
    """Content lines, folded, each ending with CRLF."""
    return "".join(fold(line) + "\r\n" for line in lines)


def unfold(text: str) -> list[str]:
    """The content lines of an iCalendar text (CRLF + space/tab continuations joined)."""
    return [line for line in re.sub(r"\r\n[ \t]", "", text).split("\r\n") if line]
