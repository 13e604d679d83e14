"""What a pull request changes in the handbook: which personas and journeys, and how.

Review prompts work where the work happens. For a branch compared with a ref (``origin/main``),
each changed persona or journey file is one :class:`ChangedItem`: whether the change is a
review (``last_reviewed`` moved forward) or only an edit, its review state after the change,
and, for a persona, the journeys that name it ("affected": they may need a look too).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import Any

from .history import Change, changed_files, file_at
from .loader import YAML_SUFFIXES, Handbook
from .models import Journey, Persona
from .yamlsafe import load_yaml


class ChangeKind(str, Enum):
    """How a file changed since the ref."""

    added = "added"
    reviewed = "reviewed"  # last_reviewed moved forward (content may have changed too)
    edited = "edited"  # content changed, last_reviewed did not
    deleted = "deleted"


@dataclass(frozen=True)
class ChangedItem:
    """One persona or journey file the branch changes."""

    kind: str  #: "persona" or "journey"
    path: str  #: the file, relative to the project root
    change: ChangeKind
    item: Persona | Journey | None  #: the record after the change (``None`` when deleted)
    previous_review: dt.date | None = None  #: ``last_reviewed`` at the ref
    content_changed: bool = True  #: anything besides ``last_reviewed`` changed
    affected: list[Journey] = field(default_factory=list)  #: journeys naming a changed persona

    @property
    def id(self) -> str:
        """The record's id (the file name of a deleted file)."""
        return self.item.id if self.item is not None else Path(self.path).stem

    @property
    def title(self) -> str:
        """The persona's name or the journey's title (the id of a deleted file)."""
        if isinstance(self.item, Persona):
            return self.item.name
        if isinstance(self.item, Journey):
            return self.item.title
        return self.id


def _raw(data: bytes | None) -> dict[str, Any]:
    loaded = load_yaml(data) if data is not None else None
    return loaded.data if loaded is not None and isinstance(loaded.data, dict) else {}


def _review_date(raw: dict[str, Any]) -> dt.date | None:
    value = raw.get("last_reviewed")
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()) if value is not None else None
    except ValueError:
        return None


def _index(handbook: Handbook) -> dict[str, Persona | Journey]:
    by_path: dict[str, Persona | Journey] = {p.source_rel: p for p in handbook.personas.values()}
    by_path.update((j.source_rel, j) for j in handbook.journeys.values())
    return by_path


def changed_items(
    handbook: Handbook,
    root: Path,
    ref: str,
    personas_dir: Path,
    journeys_dir: Path,
) -> list[ChangedItem]:
    """Every persona and journey file changed between ``ref`` (its merge base) and the work
    tree, personas first, each in file order. Raises :class:`~.history.GitError`."""
    folders: Sequence[Path] = [personas_dir, journeys_dir]
    records = _index(handbook)
    root = root.resolve()
    personas_rel = personas_dir.resolve().relative_to(root).as_posix()
    items: list[ChangedItem] = []
    changes: list[Change] = changed_files(root, ref, folders)
    for change in changes:
        if not change.path.endswith(YAML_SUFFIXES):
            continue
        kind = "persona" if change.path.startswith(personas_rel + "/") else "journey"
        record = records.get(change.path)
        before = _raw(file_at(root, ref, change.path))
        after = _raw((root / change.path).read_bytes()) if change.status != "D" else {}
        old_review, new_review = _review_date(before), _review_date(after)
        if change.status == "D":
            what = ChangeKind.deleted
        elif change.status == "A" or not before:
            what = ChangeKind.added
        elif new_review is not None and (old_review is None or new_review > old_review):
            what = ChangeKind.reviewed
        else:
            what = ChangeKind.edited
        strip = {"last_reviewed"}
        content_changed = {k: v for k, v in before.items() if k not in strip} != {
            k: v for k, v in after.items() if k not in strip
        }
        items.append(
            ChangedItem(
                kind=kind, path=change.path, change=what, item=record,
                previous_review=old_review, content_changed=content_changed,
            )
        )
    # A journey the branch changes itself is listed on its own, not as "affected".
    changed_journeys = {i.id for i in items if i.kind == "journey"}
    result = [
        replace(e, affected=[j for j in handbook.journeys_of(e.id) if j.id not in changed_journeys])
        if e.kind == "persona" else e
        for e in items
    ]
    return sorted(result, key=lambda i: (i.kind != "persona", i.path))
