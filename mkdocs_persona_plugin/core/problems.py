"""Validation problems: one record per mistake, with file, line, column and field."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field as dataclass_field


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file, located as precisely as the YAML allows.

    ``line`` and ``column`` are 1-based. ``field`` is a dotted path such as
    ``stages[2].emotion`` (empty when the problem concerns the whole file). ``kind`` says
    which kind of file it is in (``"persona"`` or ``"journey"``; empty when unknown); it
    takes no part in comparisons.
    """

    path: str
    line: int
    column: int
    field: str
    message: str
    kind: str = dataclass_field(default="", compare=False)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}" if self.line else self.path
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class ValidationFailed(Exception):
    """Raised when content has problems; carries every problem found in one run."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(format_text(self.problems))


KIND_FILES = {"persona": "persona files", "journey": "journey files"}


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def headline(problems: Iterable[Problem]) -> str:
    """What is invalid and how much, for the line above the problems.

    ``Invalid persona data (2 problems)`` or ``Invalid journey data (1 problem)`` when every
    problem is in one kind of file, else ``Invalid handbook data (3 problems: 2 in persona
    files, 1 in journey files)``.
    """
    problems = list(problems)
    counts: dict[str, int] = {}
    for problem in problems:
        counts[problem.kind] = counts.get(problem.kind, 0) + 1
    total = _plural(len(problems), "problem")
    if len(counts) == 1 and problems[0].kind in KIND_FILES:
        return f"Invalid {problems[0].kind} data ({total})"
    if len(counts) <= 1:
        return f"Invalid handbook data ({total})"
    parts = [
        f"{counts[kind]} in {KIND_FILES.get(kind, 'other files')}"
        for kind in (*KIND_FILES, "")
        if counts.get(kind)
    ]
    return f"Invalid handbook data ({total}: {', '.join(parts)})"


def format_text(problems: Iterable[Problem]) -> str:
    """One problem per line, ``file:line:col: field: message``."""
    return "\n".join(str(p) for p in problems)


def _escape_github(value: str, *, property_value: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(problems: Iterable[Problem]) -> str:
    """GitHub Actions workflow commands, so problems show as annotations on the pull request."""
    lines = []
    for p in problems:
        title = f"{p.field}" if p.field else "persona handbook"
        where = f",line={p.line},col={p.column}" if p.line else ""
        lines.append(
            f"::error file={_escape_github(p.path, property_value=True)}{where},"
            f"title={_escape_github(title, property_value=True)}::{_escape_github(p.message)}"
        )
    return "\n".join(lines)


def format_json(problems: Iterable[Problem]) -> str:
    """A JSON document ``{"ok": bool, "problems": [...]}`` for other tools."""
    items = [
        {"path": p.path, "line": p.line, "column": p.column, "field": p.field, "message": p.message}
        for p in problems
    ]
    return json.dumps({"ok": not items, "count": len(items), "problems": items}, indent=2)
