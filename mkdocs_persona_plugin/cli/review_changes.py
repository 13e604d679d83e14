"""``mkdocs-persona review --changed-since REF``: what a branch changes, for the pull request.

Review prompts work where the work happens. For each persona and journey file changed since
``REF`` (its merge base with ``HEAD``, like a pull request's diff) the report says how it
changed (added; reviewed, date only or with content changes; edited without a review;
deleted), its review state after the change, whether its evidence is stale, its owner, and,
for a persona, the journeys that name it ("affected": they may need a look too).

An edit is never taken for a review: "a falsely refreshed page is worse than a stale one",
so the report asks the owner to review an edited file and set ``last_reviewed`` only then.

Formats: ``text`` (a block per file), ``markdown`` (a pull-request comment body that starts
with :data:`MARKDOWN_MARKER`), ``github`` (workflow annotations on the changed files) and
``json``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from ..core.changes import ChangedItem, ChangeKind, changed_items
from ..core.evidence import evidence_summary
from ..core.models import Journey, Persona
from ..core.project import ProjectOptions
from ..core.reviews import ReviewItem, ReviewState, plural, review_status, when_text
from ..render.review_feeds import absolute_url, page_url, review_record, reviews_document
from ..render.site import BuildContext
from .review_common import (
    EVIDENCE_STALE,
    STATE_LABEL,
    evidence_annotation,
    evidence_stale,
    evidence_text,
    gh_annotation,
    last_reviewed_line,
    md_escape,
    one_line,
    owner_matches,
    owner_md,
    review_annotation,
)

#: The first line of the pull-request comment; a workflow finds (and updates) its comment by it.
MARKDOWN_MARKER = "<!-- mkdocs-persona review changes -->"


@dataclass(frozen=True)
class ChangeEntry:
    """One changed file with the review state of its record after the change."""

    change: ChangedItem
    review: ReviewItem | None  #: ``None`` for a deleted file
    affected: list[ReviewItem] = field(default_factory=list)  #: journeys naming the persona


@dataclass(frozen=True)
class ChangesReport:
    """Every persona and journey file changed since ``ref``."""

    ref: str
    entries: list[ChangeEntry]
    owner: str | None = None  #: the ``--owner`` the entries were chosen for

    @property
    def listed(self) -> list[ReviewItem]:
        """The review items of the changed files (what ``--fail-on`` looks at)."""
        return [e.review for e in self.entries if e.review is not None]

    def for_owner(self, owner: str) -> ChangesReport:
        """Only the files of ``owner`` (a deleted file has none)."""
        kept = [
            e for e in self.entries
            if e.review is not None and owner_matches(e.review.owner, owner)
        ]
        return replace(self, entries=kept, owner=owner)


def _review_item(ctx: BuildContext, tracked: dict[tuple[str, str], ReviewItem], kind: str,
                 record: Persona | Journey) -> ReviewItem:
    """The record's tracked review item, or one in state ``unscheduled``."""
    found = tracked.get((kind, record.id))
    if found is not None:
        return found
    options = ctx.options
    status = review_status(record, today=ctx.handbook.today,
                           default_interval=options.review_every, due_soon=options.due_soon)
    evidence = None
    if isinstance(record, Persona):
        evidence = evidence_summary(record, today=ctx.handbook.today,
                                    max_age=options.evidence_max_age)
    return ReviewItem(kind, record, status, evidence)


def changes_report(
    ctx: BuildContext, project: ProjectOptions, tracked: Iterable[ReviewItem], ref: str
) -> ChangesReport:
    """The changed files since ``ref``; raises :class:`~..core.history.GitError`."""
    index = {(e.kind, e.id): e for e in tracked}
    entries = []
    for change in changed_items(
        ctx.handbook, project.root, ref, project.personas_dir, project.journeys_dir
    ):
        if change.item is None and change.change is not ChangeKind.deleted:
            continue  # a YAML file the loader skips (hidden): not a persona or journey
        review = None
        if change.item is not None:
            review = _review_item(ctx, index, change.kind, change.item)
        affected = [_review_item(ctx, index, "journey", j) for j in change.affected]
        entries.append(ChangeEntry(change, review, affected))
    return ChangesReport(ref, entries)


def nothing_changed(report: ChangesReport, *, markdown: bool = False) -> str:
    """``No persona or journey files changed since main.`` (in Markdown, the ref as code)."""
    owner = one_line(report.owner or "")
    if markdown:
        owner = md_escape(owner)
    whose = f" of {owner}" if owner else ""
    ref = _code(report.ref) if markdown else report.ref
    return f"No persona or journey files{whose} changed since {ref}."


# Wording -----------------------------------------------------------------------------------
def change_label(change: ChangedItem) -> str:
    """``added``, ``reviewed (date only)``, ``reviewed with content changes``,
    ``edited without a review`` or ``deleted``."""
    if change.change is ChangeKind.reviewed:
        return "reviewed with content changes" if change.content_changed else (
            "reviewed (date only)"
        )
    if change.change is ChangeKind.edited:
        return "edited without a review"
    return str(change.change.value)


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value is not None else "none"


def change_detail(entry: ChangeEntry) -> str:
    """The change in one phrase: ``reviewed (date only): last_reviewed moved from ...``."""
    change, review = entry.change, entry.review
    label = change_label(change)
    last = review.status.last_reviewed if review is not None else None
    if change.change is ChangeKind.reviewed:
        moved = f"last_reviewed moved from {_date(change.previous_review)} to {_date(last)}"
        return f"{label}: {moved}" + ("" if change.content_changed else
                                      ", nothing else changed")
    if change.change is ChangeKind.edited:
        if last is None:
            return f"{label}: it has no last_reviewed"
        return f"{label}: last_reviewed is still {last.isoformat()}"
    return label


def state_text(review: ReviewItem | None) -> str:
    """``current, next review 2027-12-01 (in 360 days)``; ``retired``; ``unscheduled (...)``."""
    if review is None:
        return "-"
    state = STATE_LABEL[review.state].lower()
    if review.state is ReviewState.retired:
        return state
    if review.state is ReviewState.unscheduled:
        return f"{state} (no last_reviewed)"
    nxt = review.status.next_review
    return f"{state}, next review {_date(nxt)} ({when_text(review.status)})"


def _what(entry: ChangeEntry) -> str:
    return f"{entry.change.kind.capitalize()} '{one_line(entry.change.title)}'"


def _counts(report: ChangesReport) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for entry in report.entries:
        key = "edited without a review" if entry.change.change is ChangeKind.edited else (
            entry.change.change.value
        )
        counts[key] = counts.get(key, 0) + 1
    order = ("reviewed", "edited without a review", "added", "deleted")
    return [(key, counts[key]) for key in order if key in counts]


def _affected_journeys(report: ChangesReport) -> list[tuple[ReviewItem, list[str]]]:
    """Each affected journey once, with the titles of the changed personas it names."""
    journeys: dict[str, tuple[ReviewItem, list[str]]] = {}
    for entry in report.entries:
        for journey in entry.affected:
            journeys.setdefault(journey.id, (journey, []))[1].append(entry.change.title)
    return list(journeys.values())


def _edited(report: ChangesReport) -> list[ChangeEntry]:
    return [e for e in report.entries if e.change.change is ChangeKind.edited]


# Text --------------------------------------------------------------------------------------
def format_text(ctx: BuildContext, report: ChangesReport) -> str:
    """A block per changed file, then a summary line (and what to do about edits)."""
    if not report.entries:
        return nothing_changed(report)
    lines = [
        f"Persona and journey files changed since {report.ref} (review states as of "
        f"{ctx.handbook.today.isoformat()})",
    ]
    for entry in report.entries:
        review = entry.review
        owner = f", owner {one_line(review.owner)}" if review is not None and review.owner else ""
        lines += ["", f"{_what(entry)} ({entry.change.path}){owner}",
                  f"  {change_detail(entry)}"]
        if review is not None:
            lines.append(f"  review: {state_text(review)}")
            if evidence_stale(review):
                lines.append(f"  {EVIDENCE_STALE}: {evidence_text(review.evidence)}, older "
                             f"than {ctx.options.evidence_max_age}")
        for journey in entry.affected:
            lines.append(f"  affects journey '{one_line(journey.title)}' "
                         f"({journey.source_rel}): {state_text(journey)}")
    counts = ", ".join(f"{n} {key}" for key, n in _counts(report))
    summary = f"{plural(len(report.entries), 'file')} changed: {counts}"
    affected = _affected_journeys(report)
    if affected:
        summary += f"; {plural(len(affected), 'journey')} affected"
    lines += ["", summary + "."]
    if _edited(report):
        lines.append("Ask the owners of edited files to review them; set last_reviewed only "
                     "once they have.")
    return "\n".join(lines)


# Markdown ----------------------------------------------------------------------------------
def _code(path: str) -> str:
    """A path as a code span that is safe in a table cell."""
    if "`" in path:
        return md_escape(path)
    return "`" + path.replace("|", "\\|") + "`"


def _title_md(ctx: BuildContext, entry: ReviewItem) -> str:
    url = absolute_url(ctx, page_url(ctx, entry))
    title = md_escape(entry.title)
    return f"[{title}]({url})" if url else f"**{title}**"


def _file_md(ctx: BuildContext, path: str, *, exists: bool = True) -> str:
    edit = ctx.options.edit_url(path) if exists else ""
    return f"[{_code(path)}]({edit})" if edit else _code(path)


def _state_md(ctx: BuildContext, review: ReviewItem | None) -> str:
    if review is None:
        return "—"
    text = STATE_LABEL[review.state]
    if review.needs_review:
        text = f"**{text}**"
    nxt = review.status.next_review
    if nxt is not None and review.state is not ReviewState.retired:
        text += f" · next review {nxt.isoformat()}"
    if evidence_stale(review):
        text += f" · **{EVIDENCE_STALE.capitalize()}** ({evidence_text(review.evidence)})"
    return text


def format_markdown(ctx: BuildContext, report: ChangesReport) -> str:
    """A pull-request comment body: a heading, a summary line, a table of the changed files,
    the journeys that name a changed persona, and what to do about edits."""
    lines = [MARKDOWN_MARKER, "### Personas and journeys in this change", ""]
    ref = _code(report.ref)
    if not report.entries:
        return "\n".join([*lines, nothing_changed(report, markdown=True)]) + "\n"
    counts = ", ".join(
        f"**{n} {key}**" if key in ("reviewed", "edited without a review") else f"{n} {key}"
        for key, n in _counts(report)
    )
    lines += [
        f"{plural(len(report.entries), 'file')} changed since {ref}: {counts}. Review states "
        f"as of {ctx.handbook.today.isoformat()}.",
        "",
        "| Change | Persona or journey | Review state | Owner | File |",
        "|---|---|---|---|---|",
    ]
    for entry in report.entries:
        review = entry.review
        if review is not None:
            title = _title_md(ctx, review)
            owner = owner_md(review.owner) if review.owner.strip() else "—"
        else:
            title, owner = md_escape(entry.change.title), "—"
        source = _file_md(ctx, entry.change.path,
                          exists=entry.change.change is not ChangeKind.deleted)
        lines.append(
            f"| {change_label(entry.change).capitalize()} | {title} ({entry.change.kind}) | "
            f"{_state_md(ctx, review)} | {owner} | {source} |"
        )
    affected = _affected_journeys(report)
    if affected:
        lines += ["", "**Journeys that name a changed persona** (check that they still fit):", ""]
        for journey, personas in affected:
            names = ", ".join(md_escape(p) for p in personas)
            lines.append(
                f"- {_title_md(ctx, journey)} ({_file_md(ctx, journey.source_rel)}) names "
                f"{names}: {_state_md(ctx, journey)}"
            )
    edited = [e for e in _edited(report) if e.review is not None]
    if edited:
        who = ", ".join(
            md_escape(e.review.title) + (f" ({owner_md(e.review.owner)})" if e.review.owner
                                         else "")
            for e in edited if e.review is not None
        )
        lines += [
            "",
            f"**Edited without a review:** {who}. Ask the owner to review each one, and set "
            "`last_reviewed` only once they have: a date moved without a review is worse than "
            "an old one.",
        ]
    if any(evidence_stale(r) for r in report.listed):
        lines += [
            "",
            f"**{EVIDENCE_STALE.capitalize()}**: the newest research behind the persona is "
            f"older than {ctx.options.evidence_max_age}. A review cannot refresh it: plan new "
            "research, then add it to `research.sources` with its date.",
        ]
    tracker = absolute_url(ctx, ctx.url_of(ctx.tracker_src())) if ctx.options.tracker else None
    if tracker:
        lines += ["", f"Full list: [review tracker]({tracker})"]
    return "\n".join(lines) + "\n"


# GitHub workflow commands ------------------------------------------------------------------
def _change_annotation(ctx: BuildContext, entry: ChangeEntry) -> str:
    change, review = entry.change, entry.review
    what = _what(entry)
    if review is None:  # deleted: the file is gone, so no line to point at
        return gh_annotation("notice", f"{what} ({change.path}) is deleted.", file=change.path,
                             title=f"{change.kind.capitalize()} deleted")
    owner = f" Owner: {one_line(review.owner)}." if review.owner else ""
    line = last_reviewed_line(ctx, review)
    if change.change is ChangeKind.edited:
        last = review.status.last_reviewed
        still = f"last_reviewed is still {last.isoformat()}" if last else "it has no last_reviewed"
        message = (f"{what} changed, but {still}.{owner} Ask the owner to review it, and set "
                   "last_reviewed only once they have.")
        return gh_annotation("warning", message, file=change.path, line=line,
                             title="Edited without a review")
    if change.change is ChangeKind.reviewed:
        message = f"{what} {change_detail(entry)}. Review state: {state_text(review)}.{owner}"
        return gh_annotation("notice", message, file=change.path, line=line,
                             title=change_label(change).capitalize())
    message = f"{what} added. Review state: {state_text(review)}.{owner}"
    return gh_annotation("notice", message, file=change.path, line=line,
                         title=f"{change.kind.capitalize()} added")


def format_github(ctx: BuildContext, report: ChangesReport) -> str:
    """Annotations on the changed files: a warning for an edit without a review, a notice for
    a review, an addition or a deletion; the review and evidence warnings of ``review
    --format github`` for overdue, due-soon and evidence-stale items; a notice on each
    journey that names a changed persona."""
    lines = []
    for entry in report.entries:
        lines.append(_change_annotation(ctx, entry))
        review = entry.review
        if review is not None and review.needs_review:
            lines.append(review_annotation(ctx, review))
        if review is not None and evidence_stale(review):
            lines.append(evidence_annotation(ctx, review))
    for journey, personas in _affected_journeys(report):
        names = ", ".join(f"'{one_line(p)}'" for p in personas)
        message = (f"Journey '{one_line(journey.title)}' names {names}, changed since "
                   f"{report.ref}: check that the journey still fits.")
        lines.append(gh_annotation("notice", message, file=journey.source_rel, line=1,
                                   title="Persona changed"))
    return "\n".join(lines)


# JSON --------------------------------------------------------------------------------------
#: The keys of a ``reviews.json`` record (a deleted file's record has them, mostly null).
RECORD_KEYS = ["id", "kind", "title", "owner", "last_reviewed", "next_review", "review_every",
               "state", "days", "evidence", "url", "source", "edit_url"]


def _record(ctx: BuildContext, review: ReviewItem) -> dict[str, Any]:
    record = review_record(ctx, review)
    if review.state is ReviewState.unscheduled:
        record["days"] = None
    return record


def change_record(ctx: BuildContext, entry: ChangeEntry, keys: list[str]) -> dict[str, Any]:
    """One changed file: how it changed, then its ``reviews.json`` record (``keys``, all
    ``null`` but id, kind, title and source for a deleted file) and affected journeys."""
    change = entry.change
    head: dict[str, Any] = {
        "change": change.change.value,
        "content_changed": change.content_changed,
        "previous_review": change.previous_review.isoformat() if change.previous_review
        else None,
    }
    if entry.review is None:  # deleted: the keys of the others, null but for these
        known = {"id": change.id, "kind": change.kind, "title": change.title,
                 "source": change.path}
        body = {key: known.get(key) for key in keys}
    else:
        body = _record(ctx, entry.review)
    return {**head, **body, "affected": [_record(ctx, j) for j in entry.affected]}


def format_json(ctx: BuildContext, report: ChangesReport) -> str:
    """``{"ref", "today", ..., "items": [...], "counts": {...}}``."""
    document: dict[str, Any] = {"ref": report.ref}
    document.update((k, v) for k, v in reviews_document(ctx, []).items() if k != "items")
    document.setdefault("evidence_max_age", str(ctx.options.evidence_max_age))
    keys = next((list(_record(ctx, e.review)) for e in report.entries if e.review), RECORD_KEYS)
    document["items"] = [change_record(ctx, e, keys) for e in report.entries]
    document["counts"] = {
        kind.value: sum(1 for e in report.entries if e.change.change is kind)
        for kind in ChangeKind
    }
    return json.dumps(document, indent=2, ensure_ascii=False)


def render(ctx: BuildContext, report: ChangesReport, fmt: str) -> str:
    """The report in ``fmt``: ``text``, ``markdown``, ``github`` or ``json``."""
    if fmt == "json":
        return format_json(ctx, report)
    if fmt == "markdown":
        return format_markdown(ctx, report).rstrip("\n")
    if fmt == "github":
        return format_github(ctx, report)
    return format_text(ctx, report)
