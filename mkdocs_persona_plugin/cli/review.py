"""``mkdocs-persona review``: which personas and journeys need a review, for people and CI.

Reads the same options as the site build from ``mkdocs.yml`` (``review_every``, ``due_soon``,
``today``, ``url_prefix``, ``site_url``, ``repo_url``/``edit_uri``), so the list agrees with
the tracker page, the banners, ``reviews.json`` and ``reviews.ics``.

Formats: ``text`` (a table), ``json`` (the ``reviews.json`` shape), ``markdown`` (an issue
body grouped by owner, with a checkbox per item) and ``github`` (workflow annotations on the
``last_reviewed`` line). A persona whose newest research is older than ``evidence_max_age``
is listed too, marked "evidence stale" next to its review state (never instead of it).
Exit codes: 0, 1 when ``--fail-on`` is met, 2 on invalid data or options (an ``--owner`` no
file has included) and, with ``--changed-since``, when git cannot answer.

``--changed-since REF`` lists what a branch changes instead (see :mod:`.review_changes`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from typing import Any

from ..core.history import GitError, read_history
from ..core.loader import Handbook
from ..core.problems import Problem, format_github, format_json, format_text
from ..core.reviews import ReviewItem, ReviewState, count_states, plural, review_items
from ..core.site_options import handbook_options
from ..core.suggestions import closest, did_you_mean
from ..render.build import make_context
from ..render.review_feeds import absolute_url, page_url, review_record, reviews_document
from ..render.site import BuildContext
from . import review_changes
from .common import iso_date, load_project, site_of
from .review_common import (
    EVIDENCE_STALE,
    STATE_LABEL,
    evidence_annotation,
    evidence_stale,
    evidence_text,
    md_escape,
    needs_attention,
    one_line,
    owner_matches,
    owner_md,
    review_annotation,
    when,
)

FORMATS = ("text", "json", "markdown", "github")
FAIL_ON = ("overdue", "due-soon", "evidence-stale")
#: The first line of the Markdown report; workflows use it to find their own issue.
MARKDOWN_MARKER = "<!-- mkdocs-persona review -->"


HELP = "list personas and journeys due for review (exit 1 with --fail-on)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``review`` subcommand's own options."""
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="text (default), json, markdown (an issue body grouped by owner, "
                             "or a pull-request comment with --changed-since) or github "
                             "(workflow annotations)")
    parser.add_argument("--fail-on", choices=FAIL_ON, action="append", default=None,
                        help="exit 1 when anything listed is overdue (due-soon: or due soon; "
                             "evidence-stale: a persona's newest research is older than "
                             "evidence_max_age); repeat to combine")
    parser.add_argument("--changed-since", metavar="REF",
                        help="list only the personas and journeys changed since the git ref "
                             "REF (e.g. origin/main): reviewed or only edited, their review "
                             "state, and the journeys a changed persona affects")
    parser.add_argument("--owner", metavar="OWNER",
                        help="only items of this owner, e.g. @growth-team (case-insensitive)")
    parser.add_argument("--today", metavar="YYYY-MM-DD", type=iso_date,
                        help="date to compute review states for (default: mkdocs.yml's today, "
                             "SOURCE_DATE_EPOCH or the current date in UTC)")
    parser.add_argument("--all", action="store_true",
                        help="list every tracked item, not only overdue, due-soon and "
                             "evidence-stale ones (every changed file is listed with "
                             "--changed-since)")


# Selection ---------------------------------------------------------------------------------
def select(items: Iterable[ReviewItem], *, owner: str | None, everything: bool) -> list[ReviewItem]:
    """The items to list: those needing attention (or all), of one owner when given."""
    chosen = [e for e in items if everything or needs_attention(e)]
    if owner:
        chosen = [e for e in chosen if owner_matches(e.owner, owner)]
    return chosen


#: At most this many known owners are listed when ``--owner`` matches nobody.
OWNERS_LISTED = 20


def _owners(handbook: Handbook) -> list[str]:
    named: list[str | None] = [p.owner for p in handbook.personas.values()]
    named += [j.owner for j in handbook.journeys.values()]
    return [owner for owner in named if owner and owner.strip()]


def known_owners(handbook: Handbook) -> list[str]:
    """Every owner named by a persona or journey (each once, however it is written)."""
    owners: dict[str, str] = {}
    for owner in (one_line(o) for o in _owners(handbook)):
        owners.setdefault(owner.lstrip("@").casefold(), owner)
    return sorted(owners.values(), key=lambda o: (o.lstrip("@").casefold(), o))


def unknown_owner(handbook: Handbook, wanted: str) -> str | None:
    """The error for an ``--owner`` no persona or journey has, else ``None``.

    A misspelt owner must not pass as "nothing needs review".
    """
    if any(owner_matches(owner, wanted) for owner in _owners(handbook)):
        return None
    owners = known_owners(handbook)
    message = f"--owner '{wanted}' is not the owner of any persona or journey"
    message += did_you_mean(closest(wanted, owners))
    if not owners:
        return message + " (no file names an owner)"
    listed = ", ".join(owners[:OWNERS_LISTED])
    more = len(owners) - OWNERS_LISTED
    return message + f" (known owners: {listed}{f' and {more} more' if more > 0 else ''})"


def failed(items: Iterable[ReviewItem], fail_on: Iterable[str] | None) -> bool:
    """Whether any ``--fail-on`` condition (each a :data:`FAIL_ON` choice) is met by
    ``items``."""
    wanted = set(fail_on or ())
    states = {ReviewState.overdue} if wanted & {"overdue", "due-soon"} else set()
    if "due-soon" in wanted:
        states.add(ReviewState.due_soon)
    stale = "evidence-stale" in wanted
    return any(e.state in states or (stale and evidence_stale(e)) for e in items)


# Formats -----------------------------------------------------------------------------------
def _counts_line(items: list[ReviewItem]) -> str:
    counts = count_states(items)
    stale = sum(1 for e in items if evidence_stale(e))
    return (
        f"{counts[ReviewState.overdue]} overdue, {counts[ReviewState.due_soon]} due soon, "
        f"{counts[ReviewState.current]} current"
        + (f", {counts[ReviewState.retired]} retired" if counts[ReviewState.retired] else "")
        + (f", {stale} {EVIDENCE_STALE}" if stale else "")
    )


def _evidence_cell(entry: ReviewItem) -> str:
    if not evidence_stale(entry) or entry.evidence is None:
        return "-"
    newest = entry.evidence.newest
    return f"stale, newest {newest.isoformat()}" if newest else "stale"


def format_text_report(
    ctx: BuildContext, shown: list[ReviewItem], tracked: list[ReviewItem], everything: bool
) -> str:
    """An aligned table plus a one-line summary."""
    options = ctx.options
    head = (
        f"Reviews as of {ctx.handbook.today.isoformat()} (every {options.review_every} unless "
        f"a file says otherwise; due soon {options.due_soon} before)"
    )
    if not shown:
        what = "tracked" if everything else "needs review"
        return f"{head}\nNothing {what}: {_counts_line(tracked)}."
    # The EVIDENCE column appears when a listed persona's research is stale.
    with_evidence = any(evidence_stale(e) for e in shown)
    rows = [("STATE", "NEXT REVIEW", "DUE", *(("EVIDENCE",) if with_evidence else ()),
             "KIND", "TITLE", "OWNER", "FILE")]
    for e in shown:
        rows.append((
            STATE_LABEL.get(e.state, e.state.value).upper(),
            e.status.next_review.isoformat() if e.status.next_review else "",
            when(e),
            *((_evidence_cell(e),) if with_evidence else ()),
            e.kind,
            one_line(e.title),
            one_line(e.owner) or "-",
            e.source_rel,
        ))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(r[:-1], widths, strict=True)) + "  " + r[-1]
        for r in rows
    ]
    return "\n".join([head, "", *lines, "", f"{plural(len(shown), 'item')} listed; "
                      f"{_counts_line(tracked)}."])


def format_markdown(ctx: BuildContext, shown: list[ReviewItem], tracked: list[ReviewItem]) -> str:
    """A ready-to-post issue body: a checkbox per item, grouped by owner."""
    today = ctx.handbook.today.isoformat()
    overdue = sum(1 for e in shown if e.state is ReviewState.overdue)
    soon = sum(1 for e in shown if e.state is ReviewState.due_soon)
    stale = sum(1 for e in shown if evidence_stale(e))
    lines = [MARKDOWN_MARKER]
    if not shown:
        lines += ["", f"Nothing needs review as of {today}. :tada:"]
        return "\n".join(lines) + "\n"
    summary = f"As of {today}: **{overdue} overdue**, **{soon} due soon**"
    if stale:
        summary += f", **{stale} {EVIDENCE_STALE}**"
    other = sum(1 for e in shown if not e.needs_review and not evidence_stale(e))
    if other:
        summary += f", {other} other"
    lines += [
        "",
        summary + ".",
        "",
        "Review each item with its owner, update `last_reviewed` in its file (and anything "
        "that changed), and tick it off once the change is merged.",
    ]
    if stale:
        lines += [
            "",
            f"*{EVIDENCE_STALE.capitalize()}*: the newest research behind the persona is older "
            f"than {ctx.options.evidence_max_age}. A review cannot refresh it: plan new "
            "research, then add it to `research.sources` with its date.",
        ]
    tracker = None
    if ctx.options.tracker:
        tracker = absolute_url(ctx, ctx.url_of(ctx.tracker_src()))
    if tracker:
        lines += ["", f"Full list: [review tracker]({tracker})"]
    groups: dict[str, list[ReviewItem]] = {}
    names: dict[str, str] = {}
    for e in shown:
        key = e.owner.strip().lstrip("@").casefold()
        groups.setdefault(key, []).append(e)
        names.setdefault(key, e.owner)
    for key in sorted(groups, key=lambda k: (k == "", k)):
        owner = names[key]
        lines += ["", f"### {owner_md(owner) if owner else 'No owner'}", ""]
        for e in groups[key]:
            lines.append(_markdown_item(ctx, e))
    return "\n".join(lines) + "\n"


def _markdown_item(ctx: BuildContext, e: ReviewItem) -> str:
    url = absolute_url(ctx, page_url(ctx, e))
    title = md_escape(e.title)
    title = f"[{title}]({url})" if url else f"**{title}**"
    state = f"**{STATE_LABEL.get(e.state, e.state.value)}**"
    evidence = ""
    if evidence_stale(e):
        state += f" · **{EVIDENCE_STALE.capitalize()}**"
        evidence = f" · {evidence_text(e.evidence)}"
    status = e.status
    last = status.last_reviewed.isoformat() if status.last_reviewed else "never"
    nxt = status.next_review.isoformat() if status.next_review else "-"
    edit = ctx.options.edit_url(e.source_rel)
    source = f"[`{e.source_rel}`]({edit})" if edit else f"`{e.source_rel}`"
    return (
        f"- [ ] {state} — {title} ({e.kind}): {when(e)} · next review {nxt} · "
        f"last reviewed {last}{evidence} · {source}"
    )


def format_github_report(ctx: BuildContext, shown: list[ReviewItem]) -> str:
    """``::warning`` workflow commands: on the ``last_reviewed`` line of each item needing
    review, and on the ``research`` line of each evidence-stale persona (current and retired
    items are not annotated for their review state)."""
    lines = []
    for e in shown:
        if e.needs_review:
            lines.append(review_annotation(ctx, e))
        if evidence_stale(e):
            lines.append(evidence_annotation(ctx, e))
    return "\n".join(lines)


def json_record(ctx: BuildContext, entry: ReviewItem) -> dict[str, Any]:
    """One item as in ``reviews.json``, with its ``evidence`` (``null`` for a journey)."""
    return review_record(ctx, entry)


def format_json_report(
    ctx: BuildContext, shown: list[ReviewItem], tracked: list[ReviewItem]
) -> str:
    """The ``reviews.json`` document for the listed items, with counts over all items."""
    document = {k: v for k, v in reviews_document(ctx, []).items() if k != "items"}
    document["items"] = [json_record(ctx, e) for e in shown]
    counts = count_states(tracked)
    document["counts"] = {state.value: n for state, n in counts.items()}
    document["evidence_stale"] = sum(1 for e in tracked if evidence_stale(e))
    return json.dumps(document, indent=2, ensure_ascii=False)


def print_problems(problems: list[Problem], fmt: str) -> None:
    """Invalid files, listed as ``validate`` lists them, and why nothing else is printed."""
    if fmt == "json":
        print(format_json(problems))
    elif fmt == "github":
        print(format_github(problems))
    else:
        print(format_text(problems), file=sys.stderr)
    print(f"{plural(len(problems), 'problem')} found; fix them before checking reviews.",
          file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """List items needing review (or, with ``--changed-since``, what a branch changes); exit 1
    when ``--fail-on`` is met, 2 on invalid data or options, or when git cannot answer."""
    try:
        project, handbook, problems = load_project(args)
    except ValueError as exc:  # a bad `today` option
        print(f"error: persona plugin option today: {exc}", file=sys.stderr)
        return 2
    if problems or handbook is None:
        print_problems(problems, args.format)
        return 2
    try:
        options = handbook_options(project, site_of(project), handbook.today)
    except ValueError as exc:
        print(f"error: persona plugin option {exc}", file=sys.stderr)
        return 2
    if args.owner:
        error = unknown_owner(handbook, args.owner)
        if error:
            print(f"error: {error}", file=sys.stderr)
            return 2
    history = read_history(project.root, [project.personas_dir, project.journeys_dir])
    ctx = make_context(handbook, options, history=history)
    tracked = review_items(
        handbook, today=handbook.today, default_interval=options.review_every,
        due_soon=options.due_soon, evidence_max_age=options.evidence_max_age,
    )
    if args.changed_since is not None:
        try:
            report = review_changes.changes_report(ctx, project, tracked, args.changed_since)
        except GitError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        except OSError as exc:
            print(f"error: git could not run: {exc.strerror or exc}", file=sys.stderr)
            return 2
        if args.owner:
            report = report.for_owner(args.owner)
        text = review_changes.render(ctx, report, args.format)
        if text:
            print(text)
        elif not report.entries:
            print(review_changes.nothing_changed(report), file=sys.stderr)
        return 1 if failed(report.listed, args.fail_on) else 0
    if args.owner:
        tracked_for_owner = [e for e in tracked if owner_matches(e.owner, args.owner)]
    else:
        tracked_for_owner = tracked
    shown = select(tracked, owner=args.owner, everything=args.all)
    if args.format == "json":
        text = format_json_report(ctx, shown, tracked_for_owner)
    elif args.format == "markdown":
        text = format_markdown(ctx, shown, tracked_for_owner).rstrip("\n")
    elif args.format == "github":
        text = format_github_report(ctx, shown)
    else:
        text = format_text_report(ctx, shown, tracked_for_owner, args.all)
    if text:
        print(text)
    return 1 if failed(shown, args.fail_on) else 0
