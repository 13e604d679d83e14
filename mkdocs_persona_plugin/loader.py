"""Load the persona and journey folders, validate every file and cross-check them.

Every problem in every file is collected; nothing is silently dropped. Used by the MkDocs
plugin and the command line alike (this module does not import mkdocs).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from .explain import Loc, explain, field_path, suggest
from .images import PhotoError, verify_photo
from .models import Journey, JourneyState, Persona, persona_field_problem
from .problems import Problem, ValidationFailed
from .yamlsafe import LoadedYaml, load_yaml

YAML_SUFFIXES = (".yaml", ".yml")
Model = TypeVar("Model", Persona, Journey)


@dataclass
class Handbook:
    """Everything that was loaded: personas and journeys by id, in a stable order."""

    personas: dict[str, Persona] = field(default_factory=dict)
    journeys: dict[str, Journey] = field(default_factory=dict)
    today: dt.date = field(default_factory=dt.date.today)

    def journeys_of(self, persona_id: str) -> list[Journey]:
        """The journeys a persona appears in."""
        return [j for j in self.journeys.values() if persona_id in j.persona_ids]


@dataclass
class _Parsed:
    path: Path
    rel: str
    loaded: LoadedYaml


class _Collector:
    """Collects problems, turning data paths into file positions."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, parsed: _Parsed, path: Loc, message: str, *, at_key: bool = False) -> None:
        loaded = parsed.loaded
        pos = loaded.key_positions.get(path) if at_key else None
        line, col = pos or loaded.position(path)
        self.problems.append(Problem(parsed.rel, line, col, field_path(path), message))

    def add_file(self, rel: str, line: int, col: int, message: str, fld: str = "") -> None:
        self.problems.append(Problem(rel, line, col, fld, message))


def display_path(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` when inside it, with forward slashes."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def find_yaml_files(folder: Path) -> list[Path]:
    """YAML files below ``folder`` (sorted; hidden files and folders skipped)."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "_")))
        for name in sorted(filenames):
            if name.endswith(YAML_SUFFIXES) and not name.startswith("."):
                found.append(Path(dirpath) / name)
    return found


def _read(files: Iterable[Path], folder: Path, root: Path, out: _Collector) -> list[_Parsed]:
    parsed = []
    real_folder = folder.resolve()
    for path in files:
        rel = display_path(path, root)
        if path.is_symlink() and not _inside(path.resolve(), real_folder):
            out.add_file(rel, 1, 1, f"is a link to a file outside {folder.name}/; refused")
            continue
        try:
            raw = path.read_bytes()
        except OSError as exc:
            out.add_file(rel, 1, 1, f"cannot be read: {exc.strerror or exc}")
            continue
        loaded = load_yaml(raw)
        item = _Parsed(path, rel, loaded)
        for issue in loaded.issues:
            out.add_file(rel, issue.line, issue.column, issue.message, field_path(issue.field))
        parsed.append(item)
    return parsed


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
            if model is Journey and persona_field_problem(
                "persona" in data, "personas" in data
            ) == item.message:
                continue
            message = item.message
            if item.path == ("id",) and "id" not in parsed.loaded.data:
                message = (
                    f"the file name '{stem}' is not a valid id: rename the file using lowercase "
                    "letters, digits and hyphens, or set 'id:'"
                )
            out.add(parsed, item.path, message, at_key=item.at_key)
        return None
    record.set_source(parsed.path, parsed.rel)
    return record


def _check_dates(parsed: _Parsed, record: Persona | Journey, today: dt.date, out: _Collector) -> None:
    if record.last_reviewed is not None and record.last_reviewed > today:
        out.add(
            parsed,
            ("last_reviewed",),
            f"{record.last_reviewed.isoformat()} lies in the future (today is {today.isoformat()})",
        )


def _check_photo(parsed: _Parsed, persona: Persona, folder: Path, out: _Collector) -> None:
    if not persona.photo:
        return
    where: Loc = ("photo",)
    raw = persona.photo
    if os.path.isabs(raw) or raw.startswith(("/", "\\")) or (len(raw) > 1 and raw[1] == ":"):
        out.add(parsed, where, f"'{raw}' is an absolute path: write it relative to this file")
        return
    candidate = parsed.path.parent / raw
    real_folder = folder.resolve()
    if not _inside(Path(os.path.normpath(candidate.absolute())), folder.absolute()):
        out.add(parsed, where, f"'{raw}' points outside the {folder.name}/ folder")
        return
    if not candidate.exists():
        hint = ""
        if candidate.parent.is_dir():
            hint = suggest(candidate.name, (p.name for p in candidate.parent.iterdir()))
        out.add(parsed, where, f"'{raw}' does not exist{hint}")
        return
    resolved = candidate.resolve()
    if not _inside(resolved, real_folder):
        out.add(parsed, where, f"'{raw}' is a link to a file outside the {folder.name}/ folder")
        return
    if not resolved.is_file():
        out.add(parsed, where, f"'{raw}' is not a file")
        return
    try:
        verify_photo(resolved)
    except PhotoError as exc:
        out.add(parsed, where, f"'{raw}' {exc}")
        return
    persona._photo_path = resolved


def _check_ids(
    kind: str, records: list[tuple[_Parsed, Persona | Journey]], out: _Collector
) -> dict[str, Any]:
    by_id: dict[str, Any] = {}
    first: dict[str, _Parsed] = {}
    for parsed, record in records:
        if record.id in by_id:
            out.add(
                parsed,
                ("id",),
                f"{kind} id '{record.id}' is already used by {first[record.id].rel}",
                at_key="id" in parsed.loaded.data,
            )
            continue
        by_id[record.id] = record
        first[record.id] = parsed
    return by_id


def _check_ref(
    parsed: _Parsed, path: Loc, ref: str, known: dict[str, Any], kind: str, out: _Collector
) -> bool:
    if ref in known:
        return True
    out.add(parsed, path, f"no {kind} with id '{ref}'{suggest(ref, known)}")
    return False


def load_handbook(
    personas_dir: Path,
    journeys_dir: Path | None = None,
    *,
    root: Path | None = None,
    today: dt.date | None = None,
) -> Handbook:
    """Load and validate both folders; raise :class:`ValidationFailed` listing every problem.

    ``root`` is the folder paths in messages are relative to (the project root).
    A missing journeys folder means "no journeys"; a missing personas folder is a problem.
    """
    root = (root or Path.cwd()).absolute()
    today = today or dt.date.today()
    out = _Collector()
    personas_dir = personas_dir.absolute()
    if not personas_dir.is_dir():
        rel = display_path(personas_dir, root)
        raise ValidationFailed(
            [Problem(rel, 0, 0, "", "personas folder not found (set the personas_dir option)")]
        )
    persona_files = _read(find_yaml_files(personas_dir), personas_dir, root, out)
    journey_files: list[_Parsed] = []
    if journeys_dir is not None and journeys_dir.is_dir():
        journeys_dir = journeys_dir.absolute()
        journey_files = _read(find_yaml_files(journeys_dir), journeys_dir, root, out)

    persona_records: list[tuple[_Parsed, Persona | Journey]] = []
    for parsed in persona_files:
        persona = _validate(parsed, Persona, out)
        if persona is not None:
            _check_dates(parsed, persona, today, out)
            _check_photo(parsed, persona, personas_dir, out)
            persona_records.append((parsed, persona))
    journey_records: list[tuple[_Parsed, Persona | Journey]] = []
    for parsed in journey_files:
        journey = _validate(parsed, Journey, out)
        if journey is not None:
            _check_dates(parsed, journey, today, out)
            journey_records.append((parsed, journey))

    personas: dict[str, Persona] = _check_ids("persona", persona_records, out)
    journeys: dict[str, Journey] = _check_ids("journey", journey_records, out)
    # Ids of files that failed validation still exist: do not report references to them.
    known_personas = dict(personas)
    for parsed in persona_files:
        if isinstance(parsed.loaded.data, dict):
            known_personas.setdefault(str(parsed.loaded.data.get("id", parsed.path.stem)), None)
    known_journeys = dict(journeys)
    for parsed in journey_files:
        if isinstance(parsed.loaded.data, dict):
            known_journeys.setdefault(str(parsed.loaded.data.get("id", parsed.path.stem)), None)

    for parsed, record in persona_records:
        assert isinstance(record, Persona)
        seen: set[str] = set()
        for i, ref in enumerate(record.related):
            if ref == record.id:
                out.add(parsed, ("related", i), "a persona cannot be related to itself")
            elif ref in seen:
                out.add(parsed, ("related", i), f"'{ref}' is listed twice")
            else:
                _check_ref(parsed, ("related", i), ref, known_personas, "persona", out)
            seen.add(ref)
    for parsed, record in journey_records:
        assert isinstance(record, Journey)
        _check_journey_refs(parsed, record, known_personas, known_journeys, journeys, out)

    if out.problems:
        raise ValidationFailed(out.problems)
    return Handbook(personas=personas, journeys=journeys, today=today)


def _check_journey_refs(
    parsed: _Parsed,
    journey: Journey,
    known_personas: dict[str, Any],
    known_journeys: dict[str, Any],
    journeys: dict[str, Journey],
    out: _Collector,
) -> None:
    if journey.persona is not None:
        _check_ref(parsed, ("persona",), journey.persona, known_personas, "persona", out)
    for i, ref in enumerate(journey.personas or []):
        _check_ref(parsed, ("personas", i), ref, known_personas, "persona", out)
    members = journey.persona_ids
    for s, stage in enumerate(journey.stages):
        if isinstance(stage.emotion, dict):
            for key in stage.emotion:
                if key not in members:
                    out.add(
                        parsed,
                        ("stages", s, "emotion", key),
                        f"'{key}' is not one of this journey's personas "
                        f"({', '.join(members)}){suggest(key, members)}",
                    )
    if journey.improves is not None:
        if journey.state is not JourneyState.future:
            out.add(parsed, ("improves",), "only a future-state journey can improve another: "
                    "add 'state: future'")
        elif journey.improves == journey.id:
            out.add(parsed, ("improves",), "a journey cannot improve itself")
        elif _check_ref(parsed, ("improves",), journey.improves, known_journeys, "journey", out):
            target = journeys.get(journey.improves)
            if target is not None and target.state is not JourneyState.current:
                out.add(
                    parsed,
                    ("improves",),
                    f"'{journey.improves}' is a future-state journey; name the current-state "
                    "journey this one improves",
                )
