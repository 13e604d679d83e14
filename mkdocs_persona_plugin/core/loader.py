"""Load the persona and journey folders, validate every file and cross-check them.

Every problem in every file is collected; nothing is silently dropped. Used by the MkDocs
plugin and the command line alike (this module does not import mkdocs).

A :class:`LoadCache` lets a session that loads the same folders again and again (``mkdocs
serve``) skip the files that did not change: each file is read, and one whose bytes (and
photo) are those of a valid file read before is not parsed or validated again. The checks
across files (ids, references) run over every file each time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from .explain import Loc, explain, field_path, suggest
from .models import (
    CLAIM_FIELDS,
    JOURNEY_TYPED,
    PERSONA_TYPED,
    SLUG_PATTERN,
    Journey,
    JourneyState,
    Persona,
    persona_field_problem,
)
from .photos import PhotoError, verify_photo
from .problems import Problem, ValidationFailed
from .starter import slugify
from .suggestions import LIST_AT_MOST, Matcher, closest, did_you_mean
from .yamlsafe import LoadedYaml, TypedSpec, load_yaml

YAML_SUFFIXES = (".yaml", ".yml")
_SLUG = re.compile(SLUG_PATTERN)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
Model = TypeVar("Model", Persona, Journey)


@dataclass
class Handbook:
    """Everything that was loaded: personas and journeys by id, in a stable order."""

    personas: dict[str, Persona] = field(default_factory=dict)
    journeys: dict[str, Journey] = field(default_factory=dict)
    today: dt.date = field(default_factory=dt.date.today)
    #: A digest of what each record was read from (its file's path and bytes, its photo), by
    #: ``("persona", id)`` or ``("journey", id)``: the same digest, the same record. Renderers
    #: that keep results between builds key them on it; a record without one is never reused.
    digests: dict[tuple[str, str], str] = field(default_factory=dict, repr=False, compare=False)

    _by_persona: dict[str, list[Journey]] = field(default_factory=dict, repr=False, compare=False)
    _indexed: tuple[int, int] = field(default=(0, -1), repr=False, compare=False)

    def journeys_of(self, persona_id: str) -> list[Journey]:
        """The journeys a persona appears in (from an index built on first use)."""
        if self._indexed != (id(self.journeys), len(self.journeys)):
            self._by_persona = {}
            for journey in self.journeys.values():
                for pid in dict.fromkeys(journey.persona_ids):
                    self._by_persona.setdefault(pid, []).append(journey)
            self._indexed = (id(self.journeys), len(self.journeys))
        return list(self._by_persona.get(persona_id, ()))


@dataclass
class _Parsed:
    """One file as read: its raw data, its id and (if valid) its record."""

    path: Path
    rel: str
    loaded: LoadedYaml
    record: Persona | Journey | None = None

    @property
    def data(self) -> dict[str, Any]:
        """The raw mapping read from the file (empty if the file is not a mapping)."""
        data = self.loaded.data
        return data if isinstance(data, dict) else {}

    @cached_property
    def ident(self) -> str | None:
        """The file's id (``id:`` or the file name) if the file is a mapping and it is valid."""
        if not isinstance(self.loaded.data, dict):
            return None
        return _slug(self.data.get("id", self.path.stem))


class _Collector:
    """Collects problems, turning data paths into file positions."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, parsed: _Parsed, path: Loc, message: str, *, at_key: bool = False) -> None:
        loaded = parsed.loaded
        line, col = loaded.key_position(path) if at_key else loaded.position(path)
        self.problems.append(Problem(parsed.rel, line, col, field_path(path), message))

    def add_file(self, rel: str, line: int, col: int, message: str, fld: str = "") -> None:
        self.problems.append(Problem(rel, line, col, fld, message))


def display_path(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` when inside it, with forward slashes."""
    text, base = str(path), str(root) + os.sep
    if text.startswith(base):  # the usual case, without pathlib's cost (a thousand files)
        return text[len(base) :].replace(os.sep, "/")
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        try:
            return Path(os.path.relpath(path, root)).as_posix()
        except ValueError:  # pragma: no cover - another drive on Windows
            return path.as_posix()


def find_yaml_files(folder: Path) -> list[Path]:
    """YAML files below ``folder`` (sorted; hidden files and folders skipped)."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "_")))
        base = Path(dirpath)
        for name in sorted(filenames):
            if name.endswith(YAML_SUFFIXES) and not name.startswith("."):
                found.append(base / name)
    return found


def _read_bytes(path: Path, folder: Path, rel: str, out: _Collector) -> bytes | None:
    """The bytes of ``path``, or ``None`` (and a problem) for a link leading out of ``folder``
    or a file that cannot be read."""
    if path.is_symlink() and not _inside(path.resolve(), folder.resolve()):
        out.add_file(rel, 1, 1, f"is a link to a file outside {folder.name}/; refused")
        return None
    try:
        return path.read_bytes()
    except OSError as exc:
        out.add_file(rel, 1, 1, f"cannot be read: {exc.strerror or exc}")
        return None


def _parse(path: Path, rel: str, raw: bytes, out: _Collector, typed: TypedSpec) -> _Parsed:
    """The YAML of one file, its syntax problems reported."""
    loaded = load_yaml(raw, typed)
    for issue in loaded.issues:
        out.add_file(rel, issue.line, issue.column, issue.message, field_path(issue.field))
    return _Parsed(path, rel, loaded)


def _read(
    files: Iterable[Path], folder: Path, root: Path, out: _Collector, typed: TypedSpec
) -> list[_Parsed]:
    parsed = []
    for path in files:
        rel = display_path(path, root)
        raw = _read_bytes(path, folder, rel, out)
        if raw is not None:
            parsed.append(_parse(path, rel, raw, out, typed))
    return parsed


# Files kept between loads -------------------------------------------------------------------
PhotoState = tuple[int, ...] | None


def _photo_state(persona_file: Path, photo: Any) -> PhotoState:
    """What a persona's photo check depends on: the file ``photo`` (as written, relative to
    the persona's file) leads to, by identity, size and date, and whether the path itself is
    that file or a link to it (a link made or moved changes its own status); ``None`` when
    there is no photo or no file there."""
    if not isinstance(photo, str) or not photo.strip():
        return None
    candidate = persona_file.parent / photo.strip()
    try:
        link, stat = os.lstat(candidate), os.stat(candidate)
    except (OSError, ValueError):
        return None
    return (link.st_ino, link.st_mtime_ns, stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns)


@dataclass
class _Kept:
    """A valid file as one load left it: its digest, what its photo was, the slimmed parse
    with its record, (for a persona) its research source ids, and the file's status when it
    was read, if that can be trusted to show a later change (see :class:`LoadCache`)."""

    digest: str
    photo: Any
    photo_state: PhotoState
    parsed: _Parsed
    source_ids: list[str]
    status: tuple[int, ...] | None = None


#: A file changed less than this before it was read may change again without its date
#: changing (file systems that keep dates to the second, or two).
_RACY_NS = 2_000_000_000


class LoadCache:
    """The valid files of earlier loads of the same folders, for :func:`load_handbook`.

    One object serves one session (``mkdocs serve``): a file whose path, bytes and photo are
    those of a valid file it read before gives the same record without being parsed or
    validated again. Loading other folders, another root or another "today" starts afresh.
    Files with problems are never kept (their messages may depend on other files).

    A file is read again (and its bytes compared) unless its status (inode, size, dates) is
    the one it had when it was read, and it had not changed for two seconds before: like
    git's index, so that a file system that keeps dates to the second cannot hide an edit.
    """

    def __init__(self) -> None:
        self._scope: tuple[Any, ...] = ()
        # By the path as text: hashing a Path object costs ten times as much (Python < 3.12).
        self._kept: dict[str, _Kept] = {}
        self._seen: dict[str, tuple[int, ...] | None] = {}  # the status taken before a read
        self.reused = 0  # files taken from the cache by the last load
        self.read = 0  # files parsed and validated by the last load

    def begin(self, *scope: Any) -> None:
        """Start a load of ``scope`` (folders, root, today): forget everything if it differs
        from the last one's."""
        if scope != self._scope:
            self._scope, self._kept = scope, {}
        self._seen = {}
        self.reused = self.read = 0

    def unchanged(self, path: Path) -> _Kept | None:
        """What was kept for ``path`` when the file's status shows it has not changed (and
        its photo neither), without reading it; else ``None``, and the file must be read."""
        try:
            stat = os.stat(path)
        except OSError:
            return None
        status = (stat.st_ino, stat.st_dev, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)
        # Taken before the read that may follow: a change after it gives another status.
        trusted = stat.st_mtime_ns < time.time_ns() - _RACY_NS
        key = os.fspath(path)
        self._seen[key] = status if trusted else None
        kept = self._kept.get(key)
        if kept is None or kept.status is None or kept.status != status:
            return None
        return self._photo_checked(path, kept)

    def get(self, path: Path, digest: str) -> _Kept | None:
        """What was kept for ``path`` when its input is still ``digest`` and its photo the
        same, else ``None``."""
        key = os.fspath(path)
        kept = self._kept.get(key)
        if kept is None or kept.digest != digest:
            return None
        kept.status = self._seen.get(key)
        return self._photo_checked(path, kept)

    def _photo_checked(self, path: Path, kept: _Kept) -> _Kept | None:
        if _photo_state(path, kept.photo) != kept.photo_state:
            return None
        self.reused += 1
        return kept

    def keep(self, path: Path, kept: _Kept | None) -> None:
        """Remember ``kept`` for ``path`` (``None``: forget the file)."""
        key = os.fspath(path)
        if kept is None:
            self._kept.pop(key, None)
        else:
            kept.status = self._seen.get(key)
            self._kept[key] = kept

    def prune(self, paths: Iterable[Path]) -> None:
        """Forget files not in ``paths`` (deleted since)."""
        wanted = {os.fspath(p) for p in paths}
        for key in [k for k in self._kept if k not in wanted]:
            del self._kept[key]


def _look_up(
    path: Path, folder: Path, rel: str, cache: LoadCache | None, out: _Collector
) -> tuple[_Kept | None, bytes | None, str] | None:
    """The content file ``path``: what ``cache`` kept for it (its bytes are not read when its
    status shows no change), its bytes (``None`` then) and its digest; ``None`` when it
    cannot be read (a problem says why)."""
    kept = cache.unchanged(path) if cache is not None else None
    if kept is not None:
        return kept, None, kept.digest
    raw = _read_bytes(path, folder, rel, out)
    if raw is None:
        return None
    digest = _digest(rel, raw)
    return (cache.get(path, digest) if cache is not None else None), raw, digest


def _digest(rel: str, raw: bytes) -> str:
    h = hashlib.sha1(rel.encode("utf-8", "surrogatepass") + b"\0", usedforsecurity=False)
    h.update(raw)
    return h.hexdigest()


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _validate(parsed: _Parsed, model: type[Model], out: _Collector) -> Model | None:
    data = parsed.loaded.data
    if not isinstance(data, dict):
        return None
    data = dict(data)
    stem = parsed.path.stem
    data.setdefault("id", stem)
    if "id" not in parsed.loaded.data:
        # The id comes from the file name: locate problems with it at the top of the file.
        parsed.loaded.positions.setdefault(("id",), parsed.loaded.position(()))
    if model is Journey:
        message = persona_field_problem("persona" in data, "personas" in data)
        if message:
            at: Loc = ("personas",) if "persona" in data and "personas" in data else ()
            out.add(parsed, at, message, at_key=bool(at))
    try:
        record = model.model_validate(data)
    except ValidationError as exc:
        for item in explain(exc, data, model):
            if (
                model is Journey
                and persona_field_problem("persona" in data, "personas" in data) == item.message
            ):
                continue
            if parsed.loaded.is_broken(item.path):
                continue  # the YAML problem there is reported already
            message = _reworded(parsed, model, item.path) or item.message
            out.add(parsed, item.path, message, at_key=item.at_key)
        return None
    record.set_source(parsed.path, parsed.rel)
    parsed.record = record
    return record


def _reworded(parsed: _Parsed, model: type[Model], path: Loc) -> str | None:
    """A message that says more than the model's for a problem at ``path``, if any."""
    raw = parsed.loaded.data
    if path == ("id",) and isinstance(raw, dict) and "id" not in raw:
        stem = parsed.path.stem
        slug = slugify(stem)
        if not slug:
            return (
                f"the file name '{stem}' is not a valid id: rename the file using lowercase "
                "letters, digits and hyphens, or set 'id:'"
            )
        return (
            f"the file name '{stem}' is not a valid id: rename the file to "
            f"'{slug}{parsed.path.suffix}' (lowercase letters, digits and hyphens), "
            f"or set 'id: {slug}'"
        )
    if (
        model is Journey
        and path == ("persona",)
        and isinstance(raw, dict)
        and isinstance(raw.get("persona"), list)
    ):
        return (
            "expected one persona id, got a list: several personas go in 'personas:' "
            "(a list); 'persona:' takes one id"
        )
    return None


def _would_be_id(parsed: _Parsed) -> str | None:
    """The id a file that has none yet would get once its name or ``id:`` is fixed.

    References to it are not reported on top of the file's own problem.
    """
    raw = parsed.loaded.data
    value = raw.get("id", parsed.path.stem) if isinstance(raw, dict) else parsed.path.stem
    if not isinstance(value, str):
        value = parsed.path.stem
    return _slug(value) or slugify(value) or None


def _raw_date(value: Any) -> dt.date | None:
    """A date from raw YAML data (a YAML date, or ``YYYY-MM-DD`` text), else ``None``."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _slug(value: Any) -> str | None:
    """``value`` if it is a valid id (other values get their own problem from the model)."""
    return value if isinstance(value, str) and _SLUG.match(value) else None


def _check_dates(parsed: _Parsed, today: dt.date, out: _Collector) -> None:
    date = _raw_date(parsed.data.get("last_reviewed"))
    if date is not None and date > today:
        out.add(
            parsed,
            ("last_reviewed",),
            f"{date.isoformat()} lies in the future (today is {today.isoformat()})",
        )


def _check_photo(parsed: _Parsed, folder: Path, out: _Collector) -> Path | None:
    """The photo must be an existing, safe image file inside the personas folder."""
    raw = parsed.data.get("photo")
    if not isinstance(raw, str) or not raw.strip():
        return None
    raw = raw.strip()
    where: Loc = ("photo",)
    name = folder.name
    if "://" in raw or raw.startswith("data:"):
        out.add(
            parsed,
            where,
            f"'{raw}' is a URL: save the photo inside the {name}/ folder "
            "and write its path relative to this file",
        )
        return None
    if os.path.isabs(raw) or raw.startswith(("/", "\\")) or (len(raw) > 1 and raw[1] == ":"):
        out.add(
            parsed,
            where,
            f"'{raw}' is an absolute path: write it relative to this file, "
            f"inside the {name}/ folder",
        )
        return None
    candidate = parsed.path.parent / raw
    if not _inside(Path(os.path.normpath(candidate.absolute())), folder.absolute()):
        out.add(parsed, where, f"'{raw}' points outside the {name}/ folder; keep photos inside it")
        return None
    if not candidate.exists():
        if candidate.is_symlink():
            out.add(parsed, where, f"'{raw}' is a broken link")
        else:
            hint = _photo_hint(parsed.path.parent, raw, folder)
            out.add(parsed, where, f"'{raw}' does not exist{hint}")
        return None
    resolved = candidate.resolve()
    if not _inside(resolved, folder.resolve()):
        out.add(
            parsed,
            where,
            f"'{raw}' is a link to a file outside the {name}/ folder; "
            "copy the photo into the folder instead",
        )
        return None
    if not resolved.is_file():
        out.add(parsed, where, f"'{raw}' is not a file")
        return None
    try:
        verify_photo(resolved)
    except PhotoError as exc:
        out.add(parsed, where, f"'{raw}' {exc}")
        return None
    return resolved


_IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif", ".bmp", ".tif", ".tiff"}


def _photo_hint(base: Path, raw: str, folder: Path) -> str:
    """``"; did you mean 'photos/x.jpg'?"`` for the closest image file in the folder."""
    choices: list[str] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for filename in filenames:
            path = Path(dirpath) / filename
            if Path(filename).suffix.lower() in _IMAGE_SUFFIXES and _inside(
                path.resolve(), folder.resolve()
            ):
                choices.append(os.path.relpath(path, base).replace(os.sep, "/"))
        if len(choices) > 5000:
            break
    return suggest(raw, choices)


def _check_ids(kind: str, files: list[_Parsed], out: _Collector) -> dict[str, _Parsed]:
    """Every file's id (valid ones only), reporting ids used twice; first file wins."""
    by_id: dict[str, _Parsed] = {}
    for parsed in files:
        ident = parsed.ident
        if ident is None:
            continue
        if ident in by_id:
            out.add(
                parsed,
                ("id",),
                f"{kind} id '{ident}' is already used by {by_id[ident].rel}",
                at_key="id" in parsed.data,
            )
            parsed.record = None
            continue
        by_id[ident] = parsed
    return by_id


class _Known:
    """The ids of one kind of file, for checking references to them."""

    def __init__(self, kind: str, by_id: dict[str, _Parsed]) -> None:
        self.kind = kind
        self.by_id = by_id
        self._matcher: Matcher | None = None
        self._closest: dict[tuple[str, str | None], list[str]] = {}

    def __contains__(self, ident: object) -> bool:
        return ident in self.by_id

    def unknown(self, ref: str, *, exclude: str | None = None, first: Iterable[str] = ()) -> str:
        """``no persona with id 'x'`` with the closest ids (those in ``first`` preferred) and,
        when there are few, every id there is."""
        choices = [k for k in self.by_id if k != exclude]
        matches = Matcher(first).closest(ref) if first else []
        if not matches:
            if self._matcher is None:
                # A persona is also found by its name, a journey by its title.
                label = "name" if self.kind == "persona" else "title"
                self._matcher = Matcher(
                    self.by_id,
                    {k: [str(p.data.get(label) or "")] for k, p in self.by_id.items()},
                )
            if (ref, exclude) not in self._closest:  # a renamed id is often used many times
                found = self._matcher.closest(ref, 4)
                self._closest[ref, exclude] = [m for m in found if m != exclude][:3]
            matches = self._closest[ref, exclude]
        message = f"no {self.kind} with id '{ref}'{did_you_mean(matches)}"
        if 0 < len(choices) <= LIST_AT_MOST:
            message += f" (known {self.kind}s: {', '.join(sorted(choices))})"
        return message


def _check_ref(
    parsed: _Parsed,
    path: Loc,
    ref: str,
    known: _Known,
    out: _Collector,
    *,
    exclude: str | None = None,
) -> bool:
    if ref in known and ref != exclude:
        return True
    out.add(parsed, path, known.unknown(ref, exclude=exclude))
    return False


def load_handbook(
    personas_dir: Path,
    journeys_dir: Path | None = None,
    *,
    root: Path | None = None,
    today: dt.date | None = None,
    cache: LoadCache | None = None,
) -> Handbook:
    """Load and validate both folders; raise :class:`ValidationFailed` listing every problem.

    ``root`` is the folder paths in messages are relative to (the project root).
    A missing journeys folder means "no journeys"; a missing personas folder is a problem.
    Cross-file checks (ids, references, photos, dates) also run on files that have other
    problems, wherever the value concerned is usable, so one run reports everything.
    With a ``cache`` (:class:`LoadCache`), files that did not change since its last load are
    taken from it; the result is the same.
    """
    root = (root or Path.cwd()).absolute()
    today = today or dt.date.today()
    out = _Collector()
    personas_dir = personas_dir.absolute()
    if cache is not None:
        cache.begin(personas_dir, journeys_dir and journeys_dir.absolute(), root, today)
    if not personas_dir.is_dir():
        rel = display_path(personas_dir, root)
        raise ValidationFailed(
            [
                Problem(
                    rel, 0, 0, "", "personas folder not found (set the personas_dir option)",
                    kind="persona",
                )
            ]
        )
    # One file at a time: read, validate, run the checks that need only that file, then keep
    # just what the cross-file checks need (a thousand full position maps cost ~60 MB).
    persona_files: list[_Parsed] = []
    source_ids: dict[str, list[str]] = {}  # persona id -> the ids of its research sources
    digests: dict[tuple[str, str], str] = {}
    seen: list[Path] = []
    for path in find_yaml_files(personas_dir):
        rel = display_path(path, root)
        found = _look_up(path, personas_dir, rel, cache, out)
        if found is None:
            continue
        kept, raw, digest = found
        seen.append(path)
        if kept is None:
            before = len(out.problems)
            assert raw is not None  # read above: only an unchanged file is not
            parsed = _parse(path, rel, raw, out, PERSONA_TYPED)
            persona = _validate(parsed, Persona, out)
            _check_dates(parsed, today, out)
            ids = _check_evidence(parsed, out) if parsed.ident is not None else []
            photo = _check_photo(parsed, personas_dir, out)
            if persona is not None and photo is not None:
                persona._photo_path = photo
            raw_photo = parsed.data.get("photo")
            state = _photo_state(path, raw_photo)
            _slim(parsed)
            if cache is not None:
                cache.read += 1
                valid = persona is not None and len(out.problems) == before
                cache.keep(path, _Kept(digest, raw_photo, state, parsed, ids) if valid else None)
        else:
            parsed, ids, state = replace(kept.parsed), kept.source_ids, kept.photo_state
        if parsed.ident is not None:
            source_ids[parsed.ident] = ids
            digests["persona", parsed.ident] = f"{digest}:{state}" if state else digest
        persona_files.append(parsed)
    journey_files: list[_Parsed] = []
    if journeys_dir is not None and journeys_dir.is_dir():
        journeys_dir = journeys_dir.absolute()
        for path in find_yaml_files(journeys_dir):
            rel = display_path(path, root)
            found = _look_up(path, journeys_dir, rel, cache, out)
            if found is None:
                continue
            kept, raw, digest = found
            seen.append(path)
            if kept is None:
                before = len(out.problems)
                assert raw is not None  # read above: only an unchanged file is not
                parsed = _parse(path, rel, raw, out, JOURNEY_TYPED)
                journey = _validate(parsed, Journey, out)
                _check_dates(parsed, today, out)
                _slim(parsed)
                if cache is not None:
                    cache.read += 1
                    valid = journey is not None and len(out.problems) == before
                    cache.keep(path, _Kept(digest, None, None, parsed, []) if valid else None)
            else:
                parsed = replace(kept.parsed)
            if parsed.ident is not None:
                digests["journey", parsed.ident] = digest
            journey_files.append(parsed)
    if cache is not None:
        cache.prune(seen)

    known_personas = _Known("persona", _check_ids("persona", persona_files, out))
    known_journeys = _Known("journey", _check_ids("journey", journey_files, out))
    # A file without a usable id (a file name that is not an id, a bad 'id:', a file that is
    # not a mapping) still names something: references to the id it will have once fixed are
    # not reported on top of its own problem.
    for files, known in ((persona_files, known_personas), (journey_files, known_journeys)):
        for parsed in files:
            would_be = _would_be_id(parsed) if parsed.ident is None else None
            if would_be is not None:
                known.by_id.setdefault(would_be, parsed)
    for parsed in persona_files:
        _check_related(parsed, known_personas, out)
    for parsed in journey_files:
        _check_journey_refs(parsed, known_personas, known_journeys, out)
        _check_stage_evidence(parsed, source_ids, out)

    if out.problems:
        folders = {"persona": personas_dir, "journey": journeys_dir}
        raise ValidationFailed(_with_kinds(out.problems, folders, root))
    personas = {
        p.ident: p.record
        for p in persona_files
        if isinstance(p.record, Persona) and p.ident is not None
    }
    journeys = {
        j.ident: j.record
        for j in journey_files
        if isinstance(j.record, Journey) and j.ident is not None
    }
    return Handbook(
        personas=personas,
        journeys=journeys,
        today=today,
        digests={
            (kind, ident): value
            for (kind, ident), value in digests.items()
            if ident in (personas if kind == "persona" else journeys)
        },
    )


def _with_kinds(
    problems: list[Problem], folders: dict[str, Path | None], root: Path
) -> list[Problem]:
    """The problems, each saying which kind of file it is in (by the folder it is in)."""
    prefixes = sorted(
        ((display_path(folder.absolute(), root), kind) for kind, folder in folders.items()
         if folder is not None),
        key=lambda item: -len(item[0]),  # the deeper folder first, should one hold the other
    )

    def kind_of(path: str) -> str:
        for prefix, kind in prefixes:
            if path == prefix or path.startswith(prefix.rstrip("/") + "/") or prefix == ".":
                return kind
        return ""

    return [replace(p, kind=kind_of(p.path)) for p in problems]


#: Top-level fields the cross-file checks read (ids and references).
_CROSS_FILE_FIELDS = frozenset(
    # name and title: unknown ids are matched against them for suggestions.
    {"id", "related", "persona", "personas", "stages", "improves", "state", "name", "title"}
)


#: The fields of a stage that may map persona ids to values.
_STAGE_MAPPINGS = ("emotion", "emotion_note")
#: The fields of a stage the cross-file checks read: those mappings and the evidence ids.
_STAGE_CROSS_FILE = (*_STAGE_MAPPINGS, "evidence")


def _cross_file_path(path: tuple[str | int, ...]) -> bool:
    if not path:
        return True
    if path[0] not in _CROSS_FILE_FIELDS:
        return False
    # Of a stage, only its emotion (and emotion_note) mappings are cross-checked: their keys
    # name personas.
    return path[0] != "stages" or len(path) < 3 or path[2] in _STAGE_CROSS_FILE


def _slim(parsed: _Parsed) -> None:
    """Drop the raw data and positions only the per-file checks needed."""
    loaded = parsed.loaded
    if not isinstance(loaded.data, dict):
        return
    data = {k: v for k, v in loaded.data.items() if k in _CROSS_FILE_FIELDS}
    stages = data.get("stages")
    if isinstance(stages, list):
        data["stages"] = [
            {k: st[k] for k in _STAGE_CROSS_FILE if k in st} if isinstance(st, dict) else {}
            for st in stages
        ]
    loaded.data = data
    loaded.positions = {p: v for p, v in loaded.positions.items() if _cross_file_path(p)}
    loaded.key_positions = {
        p: v for p, v in loaded.key_positions.items() if _cross_file_path(p)
    }


def _check_related(parsed: _Parsed, known: _Known, out: _Collector) -> None:
    related = parsed.data.get("related")
    if not isinstance(related, list):
        return
    seen: set[str] = set()
    for i, item in enumerate(related):
        ref = _slug(item)
        if ref is None:
            continue
        if ref == parsed.ident:
            out.add(parsed, ("related", i), "a persona cannot be related to itself")
        elif ref in seen:
            out.add(parsed, ("related", i), f"'{ref}' is listed twice")
        else:
            _check_ref(parsed, ("related", i), ref, known, out)
        seen.add(ref)


def _unknown_source(ref: str, ids: list[str], whose: str) -> str:
    """``no research source with id 'x'`` with the closest ids and, when few, all of them."""
    if not ids:
        return (
            f"no research source with id '{ref}': {whose} no source with an id; give one under "
            f"research.sources, e.g. '- {{title: Customer interviews, id: {ref}}}'"
        )
    message = f"no research source with id '{ref}'{did_you_mean(closest(ref, ids))}"
    if len(ids) <= LIST_AT_MOST:
        message += f" (known sources: {', '.join(ids)})"
    return message


def _check_evidence(parsed: _Parsed, out: _Collector) -> list[str]:
    """Check a persona's source ids and the ids its items cite; return its source ids."""
    data = parsed.data
    research = data.get("research")
    sources = research.get("sources") if isinstance(research, dict) else None
    first: dict[str, int] = {}  # source id -> where it is first used
    for i, source in enumerate(sources if isinstance(sources, list) else []):
        ident = _slug(source.get("id")) if isinstance(source, dict) else None
        if ident is None:
            continue
        if ident in first:
            out.add(
                parsed,
                ("research", "sources", i, "id"),
                f"source id '{ident}' is already used by research.sources[{first[ident]}]",
            )
            continue
        first[ident] = i
    ids = list(first)
    for name in (*CLAIM_FIELDS, "quotes"):
        items = data.get(name)
        for i, item in enumerate(items if isinstance(items, list) else []):
            cited = item.get("evidence") if isinstance(item, dict) else None
            for j, ref in enumerate(cited if isinstance(cited, list) else []):
                ident = _slug(ref)
                if ident is not None and ident not in ids:
                    whose = "this persona has"
                    out.add(parsed, (name, i, "evidence", j), _unknown_source(ident, ids, whose))
    return ids


def _check_stage_evidence(
    parsed: _Parsed, source_ids: dict[str, list[str]], out: _Collector
) -> None:
    """A stage cites the research sources of the journey's personas."""
    data = parsed.data
    members = [_slug(data.get("persona"))]
    personas = data.get("personas")
    members += [_slug(p) for p in personas] if isinstance(personas, list) else []
    known = [m for m in dict.fromkeys(members) if m is not None and m in source_ids]
    if not known:
        return  # the persona references are reported on their own
    ids = list(dict.fromkeys(i for m in known for i in source_ids[m]))
    whose = f"{', '.join(known)} {'has' if len(known) == 1 else 'have'}"
    stages = data.get("stages")
    for s, stage in enumerate(stages if isinstance(stages, list) else []):
        cited = stage.get("evidence") if isinstance(stage, dict) else None
        for j, ref in enumerate(cited if isinstance(cited, list) else []):
            ident = _slug(ref)
            if ident is not None and ident not in ids:
                out.add(parsed, ("stages", s, "evidence", j), _unknown_source(ident, ids, whose))


def _check_journey_refs(
    parsed: _Parsed,
    known_personas: _Known,
    known_journeys: _Known,
    out: _Collector,
) -> None:
    data = parsed.data
    members: list[str] = []
    persona = _slug(data.get("persona"))
    if persona is not None:
        _check_ref(parsed, ("persona",), persona, known_personas, out)
        members.append(persona)
    personas = data.get("personas")
    if isinstance(personas, list):
        for i, item in enumerate(personas):
            ref = _slug(item)
            if ref is not None:
                _check_ref(parsed, ("personas", i), ref, known_personas, out)
                members.append(ref)
    stages = data.get("stages")
    for s, stage in enumerate(stages if isinstance(stages, list) else []):
        for name in _STAGE_MAPPINGS:
            mapping = stage.get(name) if isinstance(stage, dict) else None
            if not isinstance(mapping, dict):
                continue
            for key in mapping:
                if _slug(key) is None or key in members:
                    continue
                where: Loc = ("stages", s, name, key)
                if key in known_personas:
                    message = (
                        f"'{key}' is not one of this journey's personas ({', '.join(members)}); "
                        "add it to 'personas' or remove this line"
                    )
                else:
                    message = known_personas.unknown(key, first=members)
                out.add(parsed, where, message, at_key=True)
    _check_improves(parsed, known_journeys, out)


def _check_improves(parsed: _Parsed, known: _Known, out: _Collector) -> None:
    data = parsed.data
    improves = _slug(data.get("improves"))
    state = data.get("state", JourneyState.current.value)
    if improves is None or state not in (JourneyState.current.value, JourneyState.future.value):
        return
    where: Loc = ("improves",)
    if state != JourneyState.future.value:
        out.add(
            parsed, where, "only a future-state journey can improve another: add 'state: future'"
        )
    elif improves == parsed.ident:
        out.add(parsed, where, "a journey cannot improve itself")
    elif _check_ref(parsed, where, improves, known, out, exclude=parsed.ident):
        target = known.by_id[improves].data.get("state", JourneyState.current.value)
        if target == JourneyState.future.value:
            out.add(
                parsed,
                where,
                f"'{improves}' is a future-state journey; name the current-state journey this "
                "one improves",
            )
