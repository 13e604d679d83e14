"""What the ``review`` reports share: state labels, user text made inert for Markdown and
GitHub workflow commands, and the line of a key in a persona or journey file.

Used by :mod:`.review` (items due for review) and :mod:`.review_changes` (what a pull
request changes); neither imports the other's formats.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.evidence import EvidenceSummary
from ..core.reviews import ReviewItem, ReviewState, when_text

if TYPE_CHECKING:
    from ..render.site import BuildContext

STATE_LABEL = {
    ReviewState.overdue: "Overdue",
    ReviewState.due_soon: "Due soon",
    ReviewState.current: "Current",
    ReviewState.retired: "Retired",
    ReviewState.unscheduled: "Unscheduled",
}

#: Shown next to the review state (never instead of it) when a persona's research is old.
EVIDENCE_STALE = "evidence stale"


def owner_matches(owner: str, wanted: str) -> bool:
    """Owners compare case-insensitively, with or without a leading ``@``."""
    return owner.strip().lstrip("@").casefold() == wanted.strip().lstrip("@").casefold()


def one_line(text: str) -> str:
    """``text`` with every run of white space (new lines included) as one space."""
    return " ".join(text.split())


def needs_attention(entry: ReviewItem) -> bool:
    """Overdue, due soon, or (unless retired) evidence stale: what the report lists."""
    return entry.needs_review or (
        entry.evidence_stale and entry.state is not ReviewState.retired
    )


def evidence_stale(entry: ReviewItem) -> bool:
    """Evidence stale on a persona still in use (a retired persona's research is history)."""
    return entry.evidence_stale and entry.state is not ReviewState.retired


def when(entry: ReviewItem) -> str:
    """``374 days overdue``, ``in 11 days``, ``retired`` or ``unscheduled``."""
    if entry.state is ReviewState.retired:
        return "retired"
    if entry.state is ReviewState.unscheduled:
        return "unscheduled"
    return when_text(entry.status)


def evidence_text(summary: EvidenceSummary | None) -> str:
    """``newest research 2024-05-10`` (``no dated research`` when no source has a date)."""
    if summary is None or summary.newest is None:
        return "no dated research"
    return f"newest research {summary.newest.isoformat()}"


# Markdown ----------------------------------------------------------------------------------
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")


def md_escape(text: str) -> str:
    """User text as inert Markdown (no links, HTML, emphasis, table cells or new lines)."""
    return _MD_SPECIAL.sub(r"\\\1", one_line(text))


def owner_md(owner: str) -> str:
    """The owner as Markdown; an ``@handle`` stays a mention so GitHub notifies it."""
    text = one_line(owner)
    match = re.fullmatch(r"@[A-Za-z0-9](?:[A-Za-z0-9-]*)(?:/[A-Za-z0-9_.-]+)?", text)
    return text if match else md_escape(text)


# GitHub workflow commands --------------------------------------------------------------------
def gh_escape(value: str, *, prop: bool = False) -> str:
    """A workflow command's message (or, with ``prop``, a property value) made inert."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def gh_annotation(level: str, message: str, *, file: str | None = None, line: int | None = None,
                  title: str | None = None) -> str:
    """``::warning file=...,line=...,title=...::message`` (properties escaped)."""
    props = []
    if file is not None:
        props.append(f"file={gh_escape(file, prop=True)}")
    if line is not None:
        props.append(f"line={line}")
    if title is not None:
        props.append(f"title={gh_escape(title, prop=True)}")
    return f"::{level} {','.join(props)}::{gh_escape(message)}" if props else (
        f"::{level}::{gh_escape(message)}"
    )


# Lines in files ------------------------------------------------------------------------------
def key_line(path: Path, key: str) -> int:
    """The 1-based line of the top-level ``key:`` in a YAML file (1 when not found)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    name = re.escape(key)
    pattern = re.compile(rf"""^(?:{name}|"{name}"|'{name}')\s*:""")
    for number, line in enumerate(lines, start=1):
        if pattern.match(line):
            return number
    return 1


def item_path(ctx: BuildContext, entry: ReviewItem) -> Path:
    """The item's YAML file on disk."""
    return entry.item.source or ctx.options.project_root / entry.source_rel


def last_reviewed_line(ctx: BuildContext, entry: ReviewItem) -> int:
    """The 1-based line of ``last_reviewed:`` in the item's file (1 when not found)."""
    return key_line(item_path(ctx, entry), "last_reviewed")


def research_line(ctx: BuildContext, entry: ReviewItem) -> int:
    """The 1-based line of ``research:`` in a persona's file (1 when not found)."""
    return key_line(item_path(ctx, entry), "research")


# Annotations both reports make ---------------------------------------------------------------
def review_annotation(ctx: BuildContext, e: ReviewItem) -> str:
    """A ``::warning`` on the ``last_reviewed`` line of an overdue or due-soon item."""
    status = e.status
    title = "Review overdue" if e.state is ReviewState.overdue else "Review due soon"
    last = status.last_reviewed.isoformat() if status.last_reviewed else "never"
    owner = f" Owner: {one_line(e.owner)}." if e.owner else ""
    message = (
        f"{e.kind.capitalize()} '{one_line(e.title)}' was last reviewed on {last}; "
        f"next review {status.next_review.isoformat() if status.next_review else '-'} "
        f"({when_text(status)}).{owner} Review it and update last_reviewed."
    )
    return gh_annotation("warning", message, file=e.source_rel,
                         line=last_reviewed_line(ctx, e), title=title)


def evidence_annotation(ctx: BuildContext, e: ReviewItem) -> str:
    """A ``::warning`` on the ``research`` line of a persona whose evidence is stale."""
    owner = f" Owner: {one_line(e.owner)}." if e.owner else ""
    newest = e.evidence.newest if e.evidence is not None else None
    message = (
        f"{e.kind.capitalize()} '{one_line(e.title)}': its newest research "
        f"({newest.isoformat() if newest else 'undated'}) is older than evidence_max_age "
        f"({ctx.options.evidence_max_age}).{owner} A review "
        "cannot refresh it: plan new research and add it to research.sources with its date."
    )
    return gh_annotation("warning", message, file=e.source_rel, line=research_line(ctx, e),
                         title=EVIDENCE_STALE.capitalize())
