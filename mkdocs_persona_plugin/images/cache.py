"""The image cache: every derived image under a name that hashes all of its inputs.

An unchanged input is never re-rendered, and a changed one can never be served stale;
:class:`ImageCache` draws what is missing in parallel threads and reports what it did.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import threading
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import PIL

from ..core.crop import DEFAULT_FOCUS, Focus
from ..core.photos import PhotoError, stat_photo
from .draw import (
    _CARD_AVATAR,
    _atomic_write,
    _card_png,
    _CardText,
    _encode,
    _initials_image,
    _load_square,
    _resize_square,
)
from .formats import (
    _AVATAR_TEXT,
    _CARD_PARAMS,
    _CARD_ZLIB_LEVEL,
    _FLAT_PARAMS,
    _MAX_OUTPUT_SIDE,
    _PHOTO_PARAMS,
    AVATAR_SIZES,
    CACHE_VERSION,
    IMAGE_FORMAT,
    IMAGE_SUFFIX,
    SOCIAL_SIZE,
)
from .text import _clean, _face_for, _face_key, avatar_colour, initials

# -------------------------------------------------------------------------- caching

_DIGESTS: dict[str, tuple[tuple[int, int, int, int], str]] = {}
_DIGESTS_LOCK = threading.Lock()


def _photo_digest(path: Path) -> str:
    """sha256 of a photo's bytes, memoised per process by (path, size, mtime_ns)."""
    st = stat_photo(path)
    signature = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
    key = os.path.abspath(path)
    with _DIGESTS_LOCK:
        known = _DIGESTS.get(key)
    if known is not None and known[0] == signature:
        return known[1]
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as exc:
        raise PhotoError(f"cannot be read ({exc.strerror or type(exc).__name__})") from None
    value = digest.hexdigest()
    with _DIGESTS_LOCK:
        _DIGESTS[key] = (signature, value)
    return value


def _cache_key(parts: dict[str, Any]) -> str:
    payload = {"cache_version": CACHE_VERSION, "pillow": PIL.__version__, **parts}
    text = json.dumps(payload, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def _slug(persona_id: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", persona_id.lower()).strip("-")[:48].strip("-")
    return slug or "persona"


def _check_size(size: int) -> int:
    if isinstance(size, bool) or not isinstance(size, int) or not 1 <= size <= _MAX_OUTPUT_SIDE:
        raise ValueError(f"avatar size must be an integer from 1 to {_MAX_OUTPUT_SIDE}")
    return size


@dataclass(frozen=True)
class Look:
    """How a persona's avatar and card look beyond the photo and texts.

    ``initials`` and ``colour`` come from :func:`.avatar_labels.avatar_labels` (which keeps
    them apart within a handbook); ``None`` means those of the name and id on their own
    (:func:`initials`, :func:`avatar_colour`). ``focus`` is the photo's ``photo_focus``
    (``None``: :data:`.crop.DEFAULT_FOCUS`). ``font`` is a font file tried for text the
    bundled font lacks, before the fonts installed on the machine.
    """

    initials: str | None = None
    colour: str | None = None
    focus: Focus | None = None
    font: Path | None = None

    def label(self, persona_id: str, name: str) -> tuple[str, str]:
        """The initials and colour to draw."""
        return (
            initials(name) if self.initials is None else self.initials,
            avatar_colour(persona_id) if self.colour is None else self.colour,
        )


@dataclass
class CacheStats:
    """How many derived images an :class:`ImageCache` rendered or found cached."""

    generated: int = 0
    reused: int = 0


#: A persona's avatar files by size, with the parts their names hash and the encoder settings.
_AvatarPlan = tuple[dict[int, Path], dict[str, Any], dict[str, Any]]
#: A card's file (its name hashes every input), its accent colour and its texts.
_CardPlan = tuple[Path, str, _CardText]

_J = TypeVar("_J")  # one persona's inputs
_R = TypeVar("_R")  # what is made of them

class ImageCache:
    """Derived persona images, cached on disk under content-hash file names.

    Safe to use from several threads. File names contain a hash of every input,
    so an existing file is always up to date and is reused as is.
    """

    def __init__(self, cache_dir: Path) -> None:
        """Use ``cache_dir`` (created on first write) for cached images."""
        self.cache_dir = Path(cache_dir)
        self.stats = CacheStats()
        self._lock = threading.Lock()
        self._used: set[Path] = set()
        self._notices: list[str] = []

    def reset_stats(self) -> None:
        """Set :attr:`stats` back to zero."""
        with self._lock:
            self.stats = CacheStats()

    # ---------------------------------------------------------------- internals

    def _record(self, path: Path, generated: bool) -> None:
        with self._lock:
            self._used.add(path)
            if generated:
                self.stats.generated += 1
            else:
                self.stats.reused += 1

    def _lookup(self, path: Path) -> bool:
        if path.is_file():
            self._record(path, generated=False)
            return True
        return False

    def _store(self, path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        _atomic_write(path, data)
        self._record(path, generated=True)

    def _avatar_plan(
        self,
        persona_id: str,
        name: str,
        photo: Path | None,
        sizes: Iterable[int],
        look: Look | None = None,
    ) -> _AvatarPlan:
        """The cache paths of a persona's avatars by size, with the parts and encoder
        parameters their names are derived from."""
        look = look or Look()
        wanted = sorted({_check_size(size) for size in sizes}, reverse=True)
        parts: dict[str, Any]
        if photo is not None:
            photo = Path(photo)
            parts = {
                "kind": "avatar-photo",
                "photo_sha256": _photo_digest(photo),
                "focus": list(look.focus or DEFAULT_FOCUS),
            }
            params = _PHOTO_PARAMS
        else:
            text, colour = look.label(persona_id, name)
            face, whole = _face_for(text, look.font)
            parts = {
                "kind": "avatar-initials",
                "text": text if whole else "",
                "bg": colour,
                "fg": _AVATAR_TEXT,
                "face": _face_key(face),
            }
            params = _FLAT_PARAMS
        parts.update(format=IMAGE_FORMAT, params=params)
        paths = {
            size: self.cache_dir
            / f"avatar-{_slug(persona_id)}-{size}-{_cache_key({**parts, 'size': size})[:24]}"
            f"{IMAGE_SUFFIX}"
            for size in wanted
        }
        return paths, parts, params

    def _cached_avatars(self, plan: _AvatarPlan) -> dict[int, Path] | None:
        """The avatars of ``plan`` if every size is cached already (nothing drawn), else None."""
        paths = plan[0]
        if not all(path.is_file() for path in paths.values()):
            return None
        for path in paths.values():
            self._record(path, generated=False)
        return paths

    def _avatars(
        self,
        persona_id: str,
        name: str,
        photo: Path | None,
        sizes: Iterable[int],
        look: Look | None = None,
        plan: _AvatarPlan | None = None,
    ) -> dict[int, Path]:
        look = look or Look()
        photo = Path(photo) if photo is not None else None
        paths, parts, params = plan or self._avatar_plan(persona_id, name, photo, sizes, look)
        wanted = sorted(paths, reverse=True)
        missing = [size for size in wanted if not self._lookup(paths[size])]
        if missing:
            square = _load_square(photo, missing[0], look.focus) if photo is not None else None
            face = _face_for(parts["text"], look.font)[0] if square is None else None
            for size in missing:
                if square is not None:
                    image = _resize_square(square, size)
                else:
                    image = _initials_image(parts["text"], parts["bg"], size, face)
                self._store(paths[size], _encode(image, IMAGE_FORMAT, params))
        return paths

    def _notice(self, text: str) -> None:
        with self._lock:
            if text not in self._notices:
                self._notices.append(text)

    # ------------------------------------------------------------------- public

    def take_notices(self) -> list[str]:
        """What the images could not show as asked since the last call (e.g. a name no font
        can draw), one line each, for the host to log; empties the list."""
        with self._lock:
            notices, self._notices = self._notices, []
        return notices

    def avatar(
        self, persona_id: str, name: str, photo: Path | None, size: int, look: Look | None = None
    ) -> Path:
        """Path of the cached ``size`` x ``size`` avatar, generating it if missing.

        Derived from ``photo`` when given (raising :class:`PhotoError` if it is
        unusable) and cropped around ``look.focus``, otherwise an initials avatar
        (``look.initials`` and ``look.colour``, by default those of ``name`` and
        ``persona_id`` on their own).
        """
        return self._avatars(persona_id, name, photo, (size,), look)[size]

    def social_card(
        self,
        persona_id: str,
        name: str,
        tagline: str,
        type_label: str,
        site_name: str,
        photo: Path | None,
        look: Look | None = None,
    ) -> Path:
        """Path of the cached :data:`SOCIAL_SIZE` PNG preview card, generating it if missing.

        All strings are drawn as plain text; empty ones are left out, and so is a name that
        no font has the characters of (see :meth:`take_notices`). The avatar is the one
        :meth:`avatar` makes with the same ``look``.
        """
        look = look or Look()
        plan = self._card_path(persona_id, name, tagline, type_label, site_name, photo, look)
        return self._card(persona_id, name, photo, look, plan)

    def _card(
        self, persona_id: str, name: str, photo: Path | None, look: Look, plan: _CardPlan
    ) -> Path:
        """The card that ``plan`` names, drawn unless it is in the cache already."""
        path, colour, text = plan
        if not self._lookup(path):
            if photo is not None:
                square = _load_square(Path(photo), _CARD_AVATAR, look.focus)
                avatar = _resize_square(square, _CARD_AVATAR)
            else:
                initials_text = look.label(persona_id, name)[0]
                face, whole = _face_for(initials_text, look.font)
                avatar = _initials_image(
                    initials_text if whole else "", colour, _CARD_AVATAR, face
                )
            self._store(path, _card_png(avatar, colour, text, _CARD_ZLIB_LEVEL))
        return path

    def _card_path(
        self,
        persona_id: str,
        name: str,
        tagline: str,
        type_label: str,
        site_name: str,
        photo: Path | None,
        look: Look,
    ) -> _CardPlan:
        """Where the card goes (its name hashes every input), its accent colour and texts."""
        initials_text, colour = look.label(persona_id, name)
        text = _CardText.choose(name, tagline, type_label, site_name, look.font)
        if not text.name_drawn:
            self._notice(
                f"{persona_id}: no font here has the characters of the name '{_clean(name)}'; "
                "its social card leaves the name out (set the persona plugin's 'font' option "
                "to a font file that has them)"
            )
        parts: dict[str, Any] = {
            "kind": "card",
            "name": name,
            "tagline": tagline,
            "type_label": type_label,
            "site_name": site_name,
            "accent": colour,
            "initials": initials_text,
            "initials_face": _face_key(_face_for(initials_text, look.font)[0]),
            "fonts": text.key(),
            "photo_sha256": _photo_digest(Path(photo)) if photo is not None else None,
            "focus": list(look.focus or DEFAULT_FOCUS),
            "size": list(SOCIAL_SIZE),
            "avatar": _CARD_AVATAR,
            "format": "PNG",
            "params": _CARD_PARAMS,
            "avatar_params": _PHOTO_PARAMS,
        }
        path = self.cache_dir / f"card-{_slug(persona_id)}-{_cache_key(parts)[:24]}.png"
        return path, colour, text

    def avatars_for_many(
        self,
        jobs: list[tuple[str, str, Path | None]],
        sizes: tuple[int, ...] = AVATAR_SIZES,
        workers: int = 2,
        looks: Mapping[str, Look] | None = None,
    ) -> dict[tuple[str, int], Path]:
        """Avatars in every size for many personas, keyed by ``(persona_id, size)``.

        ``jobs`` holds ``(persona_id, name, photo)``; ``looks`` the :class:`Look` of each
        persona (initials, colour, photo focus, font). Each photo is decoded once
        for all sizes; personas are processed on a ``ThreadPoolExecutor`` with
        ``workers`` threads (Pillow releases the GIL while decoding, resizing
        and encoding). If photos fail, the others are still generated and then
        the first failure (in job order) is raised as :class:`PhotoError` with
        its ``persona_id`` set.
        """
        looks = looks or {}
        unique: dict[str, tuple[str, Path | None]] = {}
        for persona_id, name, photo in jobs:
            entry = (name, Path(photo) if photo is not None else None)
            if unique.setdefault(persona_id, entry) != entry:
                raise ValueError(f"persona id {persona_id!r} appears twice with different inputs")

        plans: dict[str, _AvatarPlan] = {}  # made once per persona, before any thread starts

        def cached(pid: str, job: tuple[str, Path | None]) -> dict[int, Path] | None:
            plans[pid] = plan = self._avatar_plan(pid, *job, sizes, looks.get(pid))
            return self._cached_avatars(plan)

        def make(pid: str, job: tuple[str, Path | None]) -> dict[int, Path]:
            return self._avatars(pid, *job, sizes, looks.get(pid), plans.get(pid))

        by_persona = self._for_many(unique, cached, make, workers)
        return {
            (pid, size): path for pid, paths in by_persona.items() for size, path in paths.items()
        }

    def social_cards_for_many(
        self,
        jobs: list[tuple[str, str, str, str, str, Path | None]],
        workers: int = 2,
        looks: Mapping[str, Look] | None = None,
    ) -> dict[str, Path]:
        """Social cards for many personas, keyed by persona id.

        ``jobs`` holds the arguments of :meth:`social_card`, ``looks`` each persona's
        :class:`Look`; threads and failures as in :meth:`avatars_for_many`.
        """
        looks = looks or {}
        unique = {job[0]: job[1:] for job in jobs}
        plans: dict[str, _CardPlan] = {}  # made once per card, before any thread starts

        def cached(pid: str, job: tuple[str, str, str, str, Path | None]) -> Path | None:
            plans[pid] = plan = self._card_path(pid, *job, looks.get(pid) or Look())
            return plan[0] if self._lookup(plan[0]) else None

        def make(pid: str, job: tuple[str, str, str, str, Path | None]) -> Path:
            look = looks.get(pid) or Look()
            plan = plans.get(pid) or self._card_path(pid, *job, look)
            return self._card(pid, job[0], job[4], look, plan)

        return self._for_many(unique, cached, make, workers)

    def _for_many(
        self,
        jobs: dict[str, _J],
        cached: Callable[[str, _J], _R | None],
        make: Callable[[str, _J], _R],
        workers: int,
    ) -> dict[str, _R]:
        """``make`` for each persona's job, on up to ``workers`` threads; what ``cached``
        finds already in the cache is taken as it is, without threads (a rebuild finds
        nearly everything there). The first :class:`PhotoError` in job order is raised,
        with its ``persona_id`` set, after the other jobs are done."""
        results: dict[str, _R] = {}
        todo: dict[str, _J] = {}
        for persona_id, job in jobs.items():
            try:
                hit = cached(persona_id, job)
            except PhotoError:
                hit = None  # made (and reported) below, in job order
            if hit is None:
                todo[persona_id] = job
            else:
                results[persona_id] = hit

        def run(persona_id: str, job: _J) -> _R:
            try:
                return make(persona_id, job)
            except PhotoError as exc:
                exc.persona_id = persona_id
                raise

        futures: list[tuple[str, Future[_R]]] = []
        if workers <= 1 or len(todo) <= 1:
            for persona_id, job in todo.items():
                future: Future[_R] = Future()
                try:
                    future.set_result(run(persona_id, job))
                except PhotoError as exc:
                    future.set_exception(exc)
                futures.append((persona_id, future))
        else:
            with ThreadPoolExecutor(
                max_workers=min(workers, len(todo)), thread_name_prefix="persona-images"
            ) as pool:
                for persona_id, job in todo.items():
                    futures.append((persona_id, pool.submit(run, persona_id, job)))

        first_error: PhotoError | None = None
        for persona_id, future in futures:
            error = future.exception()
            if error is None:
                results[persona_id] = future.result()
            elif isinstance(error, PhotoError):
                first_error = first_error or error
            else:
                raise error
        if first_error is not None:
            raise first_error
        return results

    def prune_unused(self) -> int:
        """Delete cached images not returned since the last prune; return how many.

        "Returned" counts calls since construction or the previous
        ``prune_unused()``. Call it at the end of each build to drop images of
        changed photos, removed personas and old cache versions. Only files
        named like this module's outputs are touched.
        """
        with self._lock:
            used = set(self._used)
            self._used.clear()
        if not self.cache_dir.is_dir():
            return 0
        removed = 0
        pattern = re.compile(r"^(avatar|card)-[a-z0-9-]*-[0-9a-f]{24}\.(webp|png)$")
        for entry in self.cache_dir.iterdir():
            if pattern.match(entry.name) and entry not in used and entry.is_file():
                with contextlib.suppress(FileNotFoundError):
                    entry.unlink()
                    removed += 1
        return removed
