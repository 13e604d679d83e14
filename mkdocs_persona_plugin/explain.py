"""Turn pydantic's validation errors into messages a persona author understands."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from .models import MAX_ITEMS, MAX_TEXT
from .yamlsafe import date_problem

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Explained:
    """A friendly message for the value at ``path`` (a path into the YAML data)."""

    path: Loc
    message: str
    at_key: bool = False  # point at the key (unknown fields) rather than the value


def field_path(path: Loc) -> str:
    """``('stages', 2, 'emotion')`` → ``stages[2].emotion``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def suggest(word: str, choices: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` for the closest choice, or an empty string."""
    by_lower: dict[str, str] = {}
    for choice in choices:
        by_lower.setdefault(str(choice).lower(), str(choice))
    close = difflib.get_close_matches(str(word).lower(), list(by_lower), n=1, cutoff=0.6)
    return f"; did you mean '{by_lower[close[0]]}'?" if close else ""


def _kind(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"a yes/no value ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, dt.date):
        return f"a date ({value.isoformat()})"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _branch_kind(marker: str) -> str:
    marker = marker.removeprefix("constrained-")
    if marker.startswith("str"):
        return "text"
    if marker.startswith("list"):
        return "a list"
    if marker.startswith("dict") or marker[:1].isupper():
        return "a mapping"
    if marker.startswith("int"):
        return "a whole number"
    if marker.startswith("float"):
        return "a number"
    if marker.startswith("bool"):
        return "true or false"
    if marker.startswith("date"):
        return "a date"
    return marker


def _matches(marker: str, value: Any) -> bool:
    kind = _branch_kind(marker)
    if isinstance(value, bool):
        return kind == "true or false"
    return {
        "text": isinstance(value, str),
        "a list": isinstance(value, list),
        "a mapping": isinstance(value, dict),
        "a whole number": isinstance(value, int),
        "a number": isinstance(value, (int, float)),
    }.get(kind, False)


def _real_path(data: Any, loc: Sequence[str | int]) -> tuple[Loc, list[str], Loc]:
    """Split a pydantic ``loc`` into the data path and the union-branch markers in it."""
    path: list[str | int] = []
    markers: list[str] = []
    union_at: Loc | None = None
    node = data
    for part in loc:
        in_dict = isinstance(node, dict) and part in node
        if in_dict or (isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)):
            node = node[part]
            path.append(part)
        elif isinstance(part, str) and (
            part in ("str", "int", "float", "bool", "date")
            or part.startswith(("constrained-", "list[", "dict[", "function-", "tagged-union["))
            or (part[:1].isupper() and not isinstance(node, dict))
            or (part[:1].isupper() and part in _MODEL_NAMES)
        ):
            if union_at is None:
                union_at = tuple(path)
            markers.append(part)
        else:
            path.append(part)  # a missing or unknown key
            node = None
    return tuple(path), markers, union_at if union_at is not None else tuple(path)


_MODEL_NAMES = {"Quote", "Messaging", "Research", "Stage", "Persona", "Journey"}


def _choices(model: type[BaseModel], path: Loc) -> list[str]:
    """Field names allowed at ``path`` (for 'did you mean')."""
    current: Any = model
    for part in path[:-1]:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return []
        current = _model_in(field.annotation)
        if current is None:
            return []
    return list(getattr(current, "model_fields", {}))


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _message(err: dict[str, Any], model: type[BaseModel], path: Loc) -> tuple[str, bool]:
    kind = err["type"]
    value = err.get("input")
    ctx = err.get("ctx") or {}
    name = str(path[-1]) if path else ""
    if kind == "missing":
        return f"missing required field '{name}'", False
    if kind == "extra_forbidden":
        hint = suggest(name, _choices(model, path))
        return (
            f"unknown field '{name}'{hint or '; see the field reference for what is allowed'}",
            True,
        )
    if kind == "enum":
        allowed = [
            a.strip(" '") for a in str(ctx.get("expected", "")).replace(" or ", ", ").split(",")
        ]
        if not isinstance(value, str):
            return f"expected one of: {', '.join(allowed)}; got {_kind(value)}", False
        hint = suggest(value, allowed)
        return f"'{value}' is not allowed; use one of: {', '.join(allowed)}{hint}", False
    if kind == "string_type":
        return f"expected text, got {_kind(value)}{_quote_hint(value)}", False
    if kind == "string_pattern_mismatch":
        return (
            f"'{value}' is not a valid id: use lowercase letters, digits and hyphens "
            "(e.g. 'finance-manager')",
            False,
        )
    if kind == "string_too_short":
        return "must not be empty", False
    if kind == "string_too_long":
        limit = ctx.get("max_length", MAX_TEXT)
        return f"is {len(str(value))} characters long; the limit is {limit}", False
    if kind == "too_short":
        least = ctx.get("min_length", 1)
        return f"needs at least {least} item{'' if least == 1 else 's'}", False
    if kind == "too_long":
        limit = ctx.get("max_length", MAX_ITEMS)
        return f"has {ctx.get('actual_length', '')} items; the limit is {limit}", False
    if kind in ("list_type",):
        hint = "; start each item on its own line with '- '" if isinstance(value, str) else ""
        return f"expected a list, got {_kind(value)}{hint}", False
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"expected a mapping (key: value), got {_kind(value)}", False
    if kind in ("int_type", "int_from_float", "int_parsing"):
        what = "a whole number from -2 to 2" if "emotion" in path else "a whole number"
        return f"expected {what}, got {_kind(value)}{_unquote_hint(value)}", False
    if kind in ("float_type", "float_parsing"):
        return f"expected a number, got {_kind(value)}{_unquote_hint(value)}", False
    if kind == "finite_number":
        return f"expected a number, got {value}", False
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false, got {_kind(value)}", False
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        lo = {"share": 0, "interviews": 0}.get(name, -2)
        hi = {"share": 100}.get(name, 2)
        if name == "interviews":
            return f"must be 0 or more (got {value})", False
        return f"must be between {lo} and {hi} (got {value})", False
    if kind.startswith("date"):
        if isinstance(value, str):
            impossible = date_problem(value)
            if impossible:
                return impossible, False
            return f"'{value}' is not a date: write YYYY-MM-DD, e.g. 2026-03-31", False
        return f"expected a date (YYYY-MM-DD), got {_kind(value)}", False
    if kind == "value_error":
        return str(ctx.get("error", err["msg"])), False
    return str(err["msg"]), False


def explain(exc: ValidationError, data: Any, model: type[BaseModel]) -> list[Explained]:
    """One friendly message per real problem in ``exc`` (union alternatives collapsed)."""
    plain: list[Explained] = []
    unions: dict[Loc, list[tuple[dict[str, Any], Loc, list[str]]]] = {}
    for details in exc.errors():
        err = dict(details)
        path, markers, union_at = _real_path(data, details["loc"])
        if markers:
            unions.setdefault(union_at, []).append((err, path, markers))
            continue
        message, at_key = _message(err, model, path)
        plain.append(Explained(path, message, at_key))
    for union_at, errs in unions.items():
        value = _get(data, union_at)
        chosen = [(e, p) for e, p, m in errs if _matches(m[0], value)]
        if chosen:
            for err, path in chosen:
                message, at_key = _message(err, model, path)
                plain.append(Explained(path, message, at_key))
        else:
            plain.append(Explained(union_at, _union_message(union_at, errs, value)))
    return list(dict.fromkeys(plain))


def _unquote_hint(value: Any) -> str:
    if isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            return ""
        if number != number or number in (float("inf"), float("-inf")):
            return ""
        return f"; write it as a plain number without quotes, e.g. {number:g}"
    return ""


def _quote_hint(value: Any) -> str:
    if isinstance(value, (bool, int, float, dt.date)):
        return "; put it in quotes if you mean text"
    return ""


def _union_message(path: Loc, errs: list[tuple[dict[str, Any], Loc, list[str]]], value: Any) -> str:
    """The message for a value that matches none of a field's alternatives."""
    if (path and path[-1] == "emotion") or (len(path) > 1 and path[-2] == "emotion"):
        return (
            f"expected a whole number from -2 to 2 (or, for several personas, a mapping of "
            f"persona id to such a number), got {_kind(value)}"
        )
    kinds = list(dict.fromkeys(_branch_kind(m[0]) for _, _, m in errs))
    if "a number" in kinds and "a whole number" in kinds:
        kinds.remove("a whole number")
    hint = _quote_hint(value) if "text" in kinds else ""
    return f"expected {' or '.join(kinds)}, got {_kind(value)}{hint}"


def _get(data: Any, path: Loc) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data
