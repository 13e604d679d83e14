"""Rendering kept from one build to the next, for a session that rebuilds often (``mkdocs serve``).

A page generator asks :meth:`.site.BuildContext.reuse` for a result under a *key* that names
every input the result depends on beyond the build's *scope*; when the previous build of the
session made a result under the same key, that result is used instead of rendering again
(:meth:`~.site.BuildContext.reuse_each` does the same for a batch, such as images drawn in
parallel). A template marks a part that shows one persona or journey with
``{% call reuse("gallery-card", p) %}…{% endcall %}``. Results are shared between builds:
nobody may change one.

- The **scope** (:func:`scope_key`) covers what every page may read: the options (today, the
  strings, the URLs, …), the templates (each file's size and date), git's history of the
  content files and whether images are on. When it changes, nothing is reused.
- A **key** names records by the digest of what each was read from
  (:attr:`~..core.loader.Handbook.digests`: the file's path and bytes, the photo), plus
  whatever else the result shows about other records (an avatar's initials, a place on the
  reading path). A record without a digest makes its key ``None``: never reused.

Results not asked for in a build are dropped at its end, so the memo holds one build's worth.
The tests render a handbook through a series of edits with and without a memo and compare
every output, so a key that misses an input shows up as a difference.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
_MISSING = object()


class RenderMemo:
    """Results of the previous build of a session, and those of the build under way; and the
    template environment, whose compiled templates serve every build of the session."""

    def __init__(self) -> None:
        self._scope = b""
        self._previous: dict[Hashable, Any] = {}
        self._current: dict[Hashable, Any] = {}
        self._environments: dict[tuple[Path, ...], Any] = {}
        self.reused = 0  # results taken from the previous build, in the build under way
        self.made = 0  # results made anew

    def environment(self, dirs: Iterable[Path], make: Callable[[], T]) -> T:
        """The Jinja environment for the template folders ``dirs``: the one made for an
        earlier build of the same scope (its templates compiled already), or ``make()``.
        Call it after :meth:`begin`: a new scope (a template edited, added or removed) gets a
        new environment.

        Globals a build sets for itself (names starting with ``pp_``) are removed, so that
        none refers to an earlier build.
        """
        key = tuple(dirs)
        env = self._environments.get(key)
        if env is None:
            env = self._environments[key] = make()
        else:
            for name in [n for n in env.globals if n.startswith("pp_")]:
                del env.globals[name]
        return env  # type: ignore[no-any-return]

    def begin(self, scope: bytes) -> None:
        """Start a build whose scope is ``scope`` (:func:`scope_key`)."""
        if scope != self._scope:
            self._scope, self._previous, self._environments = scope, {}, {}
        self._current = {}
        self.reused = self.made = 0

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        """The result under ``key``: this build's, the previous build's, or ``make()``."""
        found, value = self.find(key)
        if not found:
            value = make()
            self.keep(key, value)
        return value  # type: ignore[no-any-return]

    def find(self, key: Hashable) -> tuple[bool, Any]:
        """``(True, result)`` when this build or the previous one made a result under ``key``
        (it is kept for the next build), else ``(False, None)``."""
        value = self._current.get(key, _MISSING)
        if value is _MISSING:
            value = self._previous.get(key, _MISSING)
            if value is _MISSING:
                return False, None
            self.reused += 1
            self._current[key] = value
        return True, value

    def keep(self, key: Hashable, value: Any) -> None:
        """Keep ``value``, made in this build, under ``key``."""
        self._current[key] = value
        self.made += 1

    def end(self) -> None:
        """The build is done: keep its results (only those) for the next one."""
        self._previous, self._current = self._current, {}

    def forget(self) -> None:
        """Keep nothing (a build failed half-way)."""
        self._scope, self._previous, self._current, self._environments = b"", {}, {}, {}


def template_signature(dirs: Iterable[Path]) -> list[tuple[str, int, int]]:
    """Every file below the template folders ``dirs``, with its size and date."""
    found: list[tuple[str, int, int]] = []
    for folder in dirs:
        if not folder.is_dir():
            continue
        for path, _dirs, names in sorted(os.walk(folder)):
            for name in sorted(names):
                full = os.path.join(path, name)
                try:
                    stat = os.stat(full)
                except OSError:
                    continue
                found.append((full, stat.st_size, stat.st_mtime_ns))
    return found


def scope_key(*parts: Any) -> bytes:
    """A digest of ``parts`` by their ``repr`` (options, template signature, history, …)."""
    text = repr(parts).encode("utf-8", "surrogatepass")
    return hashlib.sha1(text, usedforsecurity=False).digest()
