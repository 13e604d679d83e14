"""The "last updated" date and the "changed since the last review" list of persona and
journey pages.

From the build's :class:`~..core.history.History` (one ``git log`` per build): when the
page's YAML file last changed in a commit, and the commits that touched it after its
``last_reviewed`` date, newest first. Nothing when git knows nothing about the file (no
history, or a file never committed).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..core.history import CHANGES_LISTED, Commit, History
from ..core.models import Journey, Persona


@dataclass(frozen=True)
class FileHistory:
    """What git says about one content file."""

    last_updated: dt.date | None = None
    #: The newest :data:`~..core.history.CHANGES_LISTED` commits since the last review.
    changes: list[Commit] = field(default_factory=list)
    more: int = 0  #: how many older commits since the review are not listed

    @property
    def known(self) -> bool:
        """Whether git knows the file (it has a "last updated" date)."""
        return self.last_updated is not None


def file_history(history: History, item: Persona | Journey) -> FileHistory:
    """The history of ``item``'s YAML file."""
    rel = item.source_rel
    every = history.changed_since(rel, item.last_reviewed, limit=len(history.commits(rel)))
    return FileHistory(
        last_updated=history.last_updated(rel),
        changes=every[:CHANGES_LISTED],
        more=max(0, len(every) - CHANGES_LISTED),
    )
