"""Watch the persona and journey folders during ``mkdocs serve``, even before they exist.

Part of the MkDocs adapter: it drives MkDocs' ``LiveReloadServer`` (``mkdocs.livereload``;
under ProperDocs the same class from ``properdocs.livereload``, which ProperDocs makes
importable as ``mkdocs.livereload``; ``tests/test_hosts.py`` checks both).
MkDocs' own ``server.watch(path)`` cannot watch a folder that does not exist yet (the
polling observer fails on it), and stops for good once a watched folder is deleted. But the
getting-started guide creates ``journeys/`` while the preview runs. So each folder is watched
like this:

- a folder that exists is watched with all its sub-folders;
- a folder that does not exist is waited for on its nearest existing parent, without
  sub-folders (one directory listing per poll), and watched as soon as it appears.

Whenever a folder appears or disappears, and whenever a file inside one changes, the server
rebuilds, exactly as for a change in ``docs/``.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from watchdog.events import FileSystemEvent, FileSystemEventHandler

Rebuild = Callable[[], None]


def rebuild_trigger(server: Any) -> Rebuild | None:
    """A function that asks ``server`` (MkDocs 1.6's ``LiveReloadServer``) to rebuild and
    reload the browsers, as a changed file in a watched folder does; ``None`` if the server
    does not work that way (then :func:`watch_folders` falls back to ``server.watch``)."""
    cond = getattr(server, "_rebuild_cond", None)
    if not isinstance(cond, threading.Condition) or not hasattr(server, "_want_rebuild"):
        return None

    def request() -> None:
        with cond:
            server._want_rebuild = True
            cond.notify_all()

    return request


def watch_folders(server: Any, folders: Iterable[Path]) -> FolderWatcher | None:
    """Make ``server`` rebuild on every change in ``folders``, whether or not they exist yet.

    Returns the watcher, or ``None`` when ``server`` offers no way to ask for a rebuild: the
    folders that exist now are then handed to ``server.watch`` (MkDocs' usual behaviour).
    """
    rebuild = rebuild_trigger(server)
    observer = getattr(server, "observer", None)
    if rebuild is None or observer is None:
        for folder in folders:
            if folder.is_dir():
                server.watch(str(folder))
        return None
    watcher = FolderWatcher(folders, observer, rebuild)
    watcher.refresh()
    return watcher


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _nearest_existing(path: Path) -> Path:
    for candidate in (path, *path.parents):
        if candidate.is_dir():
            return candidate
    return Path(path.anchor or os.sep)


class FolderWatcher(FileSystemEventHandler):
    """Keeps a watchdog ``observer`` watching ``folders`` as they come and go.

    ``rebuild`` is called for every change to a file inside a folder and whenever a folder
    appears or disappears. Events are handled on the observer's thread.
    """

    def __init__(self, folders: Iterable[Path], observer: Any, rebuild: Rebuild) -> None:
        super().__init__()
        self.folders = [Path(os.path.abspath(folder)) for folder in folders]
        self._observer = observer
        self._rebuild = rebuild
        self._lock = threading.RLock()
        self._watches: dict[tuple[str, bool], Any] = {}
        self._present: dict[Path, bool] = {}

    def wanted(self) -> set[tuple[str, bool]]:
        """The (path, recursive) watches the folders need right now."""
        wanted: set[tuple[str, bool]] = set()
        for folder in self.folders:
            if folder.is_dir():
                wanted.add((str(folder), True))
            else:
                wanted.add((str(_nearest_existing(folder.parent)), False))
        return wanted

    @property
    def watched(self) -> list[tuple[str, bool]]:
        """The (path, recursive) watches scheduled, sorted."""
        with self._lock:
            return sorted(self._watches)

    def refresh(self) -> bool:
        """Schedule the watches :meth:`wanted` asks for and drop the others.

        Returns whether a folder appeared or disappeared since the last call (never on the
        first call).
        """
        with self._lock:
            wanted = self.wanted()
            for key in [k for k in self._watches if k not in wanted]:
                self._observer.unschedule(self._watches.pop(key))
            for path, recursive in sorted(wanted - set(self._watches)):
                self._watches[(path, recursive)] = self._observer.schedule(
                    self, path, recursive=recursive
                )
            present = {folder: folder.is_dir() for folder in self.folders}
            changed = bool(self._present) and present != self._present
            self._present = present
            return changed

    def _forget(self, path: str) -> None:
        """``path`` was deleted or moved away: if it is a content folder, its watch ended with
        it. The folder may be back by the time this event arrives (deleted and made again at
        once): it needs a new watch then, and counts as having come back."""
        with self._lock:
            for folder in self.folders:
                if str(folder) != path:
                    continue
                watch = self._watches.pop((path, True), None)
                if watch is not None:
                    with contextlib.suppress(KeyError):  # its emitter may have stopped already
                        self._observer.unschedule(watch)
                if self._present:
                    self._present[folder] = False

    def on_any_event(self, event: FileSystemEvent) -> None:
        """Rebuild for a changed file in a folder; re-plan the watches when folders change."""
        paths = [os.fsdecode(event.src_path)]
        dest = getattr(event, "dest_path", "")
        if dest:
            paths.append(os.fsdecode(dest))
        folders = [str(folder) for folder in self.folders]
        inside = any(_inside(path, folder) for path in paths for folder in folders)
        if not event.is_directory:
            if inside:
                self._rebuild()
            return
        # A folder was made, deleted, moved or touched: a content folder itself, one of its
        # parents (one may be about to appear) or a sub-folder.
        if event.event_type in ("deleted", "moved"):
            self._forget(paths[0])
        appeared_or_gone = self.refresh()
        if appeared_or_gone or (inside and event.event_type in ("created", "deleted", "moved")):
            self._rebuild()
