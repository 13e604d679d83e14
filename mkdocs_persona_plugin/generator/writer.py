"""Write the generated files into their folder safely, and tell whether it is up to date.

The folder may hold hand-written pages next to the generated ones. A manifest,
:data:`MANIFEST` (a dotfile, which neither MkDocs nor Zensical publishes), lists every file
``generate`` wrote there with its SHA-256 and the date the review states were computed for.
Only files in the manifest are ever replaced or removed; a file in the way that is not in it
stops the run before anything is written. Unchanged files are not rewritten (their times
stay), every write goes through a temporary file, and no path through a symbolic link is
followed. The manifest is written first with every file about to be written, and again
at the end, so an interrupted run never leaves a generated file the next run would not own.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

MANIFEST = ".persona-generate.json"
_FORMAT = 1


class WriteRefused(Exception):
    """The folder cannot be written safely; the message says why and what to do."""


@dataclass
class Manifest:
    """What the previous run wrote: file path (below the folder) → SHA-256, and its today."""

    files: dict[str, str] = field(default_factory=dict)
    today: dt.date | None = None

    def text(self) -> str:
        """The manifest file's content (sorted keys: the same files give the same bytes)."""
        document: dict[str, Any] = {
            "generator": "mkdocs-persona generate",
            "format": _FORMAT,
            "today": self.today.isoformat() if self.today else None,
            "files": dict(sorted(self.files.items())),
        }
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


@dataclass
class Changes:
    """How the folder differs from the files a run produces."""

    write: list[str] = field(default_factory=list)  # new or changed files
    missing: list[str] = field(default_factory=list)  # the new ones among ``write``
    remove: list[str] = field(default_factory=list)  # written before, no longer produced
    foreign: list[str] = field(default_factory=list)  # in the way, not written by generate
    unchanged: int = 0
    manifest_stale: bool = False  # the manifest differs from the one this run writes

    @property
    def up_to_date(self) -> bool:
        """Whether the folder holds exactly the produced files (and their manifest)."""
        return not (self.write or self.remove or self.foreign or self.manifest_stale)


def digest(data: bytes) -> str:
    """The SHA-256 of ``data`` in hex."""
    return hashlib.sha256(data).hexdigest()


def read_manifest(folder: Path) -> Manifest:
    """The manifest in ``folder`` (an empty one when there is none).

    Raises :class:`WriteRefused` when it exists but cannot be read.
    """
    path = folder / MANIFEST
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise WriteRefused(f"{path} is not a regular file")
    if not path.exists():
        return Manifest()
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        files = document["files"]
        today = document.get("today")
        if not isinstance(files, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in files.items()
        ):
            raise ValueError("files is not a mapping of path to hash")
        return Manifest(
            files={k: v for k, v in files.items() if _safe_relative(k)},
            today=dt.date.fromisoformat(today) if today else None,
        )
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise WriteRefused(
            f"cannot read {path} ({exc}); it lists the files generate wrote. Restore it (e.g. "
            "from version control), or delete the generated files and it, then run generate "
            "again."
        ) from None


def _safe_relative(rel: str) -> bool:
    """Whether ``rel`` is a plain relative path below the folder (no ``..``, not absolute)."""
    path = PurePosixPath(rel)
    return bool(rel) and not path.is_absolute() and ".." not in path.parts and "\\" not in rel


def _linked(folder: Path, rel: str) -> bool:
    """Whether any part of ``folder/rel`` below ``folder`` is a symbolic link."""
    current = folder
    for part in PurePosixPath(rel).parts:
        current = current / part
        if current.is_symlink():
            return True
    return False


def _current(folder: Path, rel: str) -> bytes | None:
    """The bytes of ``folder/rel`` when it is a regular file reached without links."""
    path = folder / rel
    if _linked(folder, rel) or not path.is_file():
        return None
    try:
        return path.read_bytes()
    except OSError:
        return None


def compare(
    folder: Path, files: Mapping[str, bytes], manifest: Manifest, today: dt.date | None
) -> Changes:
    """How ``folder`` differs from ``files`` (path below the folder → content), written by
    a run whose review states are as of ``today``; ``manifest`` is the previous run's."""
    changes = Changes()
    wanted = Manifest({rel: digest(data) for rel, data in files.items()}, today)
    changes.manifest_stale = _current(folder, MANIFEST) != wanted.text().encode("utf-8")
    for rel in sorted(files):
        path = folder / rel
        exists = path.exists() or path.is_symlink()
        if (exists and rel not in manifest.files) or _linked(folder, rel):
            changes.foreign.append(rel)  # not ours, or reached through a link: never written
            continue
        if _current(folder, rel) == files[rel]:
            changes.unchanged += 1
            continue
        changes.write.append(rel)
        if not exists:
            changes.missing.append(rel)
    for rel in sorted(set(manifest.files) - set(files)):
        path = folder / rel
        if (path.exists() or path.is_symlink()) and not _linked(folder, rel.rpartition("/")[0]):
            changes.remove.append(rel)
    return changes


def _write_file(folder: Path, rel: str, data: bytes) -> None:
    path = folder / rel
    if _current(folder, rel) == data:
        return  # unchanged: keep the file and its time
    if _linked(folder, rel):
        raise WriteRefused(f"{path}: the path goes through a symbolic link; not writing it")
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.pp-tmp")
    try:
        temp.write_bytes(data)
        os.replace(temp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def _remove_empty_parents(folder: Path, rel: str) -> None:
    parent = PurePosixPath(rel).parent
    while parent.parts:
        try:
            (folder / parent).rmdir()  # only when empty
        except OSError:
            return
        parent = parent.parent


def write(
    folder: Path, files: Mapping[str, bytes], changes: Changes, today: dt.date | None
) -> Manifest:
    """Bring ``folder`` to ``files``: write what changed, remove what is no longer produced.

    Raises :class:`WriteRefused` (before writing anything) when ``changes`` has files in the
    way that generate did not write.
    """
    if changes.foreign:
        raise WriteRefused("files in the way: " + ", ".join(changes.foreign))
    old = read_manifest(folder)
    folder.mkdir(parents=True, exist_ok=True)
    new = Manifest({rel: digest(data) for rel, data in files.items()}, today)
    # Own every file this run may leave behind before writing any of them.
    claimed = Manifest({**old.files, **new.files}, today)
    _write_file(folder, MANIFEST, claimed.text().encode("utf-8"))
    for rel in changes.write:
        _write_file(folder, rel, files[rel])
    for rel in changes.remove:
        with contextlib.suppress(FileNotFoundError):
            (folder / rel).unlink()
        _remove_empty_parents(folder, rel)
    _write_file(folder, MANIFEST, new.text().encode("utf-8"))
    return new
