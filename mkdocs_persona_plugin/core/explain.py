"""Turn pydantic's validation errors into messages a persona author understands.

From each pydantic error only three things are used: its ``type`` (which rule failed), its
``loc`` (where) and its ``input``. Everything a message says — the allowed values, the limits,
how many items there are — comes from our own models and from the data itself, never from the
error's ``ctx`` or ``msg``: their contents change between pydantic releases (2.14, for one,
stopped counting the items of a too long mapping).
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import inspect
import types
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from .intervals import parse_interval
from .models import Journey, check_focus, check_lang, persona_field_problem
from .yamlsafe import date_problem

Loc = tuple[str | int, ...]

#: The ``loc`` entry pydantic appends when a mapping's key (not its value) is invalid.
_KEY = "[key]"


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


# The declared types, walked along a data path -------------------------------------------
@dataclass(frozen=True)
class _Type:
    """One alternative of a declared field type: the bare type and the constraints on it."""

    bare: Any
    meta: tuple[Any, ...] = ()

    @functools.cached_property
    def kind(self) -> str:
        """How the type reads in a message: ``text``, ``a list``…"""
        return _type_kind(self.bare)

    @functools.cached_property
    def fields(self) -> tuple[str, ...]:
        """The field names, if the type is a model."""
        return tuple(self.bare.model_fields) if is_model(self.bare) else ()


def is_model(annotation: Any) -> bool:
    """Whether ``annotation`` is a pydantic model class (``list[X]`` is not, even on 3.10)."""
    return (
        inspect.isclass(annotation)
        and get_origin(annotation) is None
        and issubclass(annotation, BaseModel)
    )


def _alternatives(annotation: Any, meta: tuple[Any, ...] = ()) -> list[_Type]:
    """The alternatives of ``annotation`` other than ``None``, with their constraints."""
    origin = get_origin(annotation)
    if origin is Annotated:
        bare, *extra = get_args(annotation)
        return _alternatives(bare, (*meta, *extra))
    if origin is Union or origin is types.UnionType:
        return [alt for arg in get_args(annotation) for alt in _alternatives(arg, meta)]
    if annotation is type(None):
        return []
    return [_Type(annotation, meta)]


def _field_types(model: type[BaseModel], name: str) -> list[_Type]:
    info = model.model_fields.get(name)
    if info is None:
        return []
    return _alternatives(info.annotation, tuple(info.metadata))


def _inside(alternatives: Iterable[_Type], part: str | int) -> list[_Type]:
    """The types of the value at ``part`` inside a value of one of ``alternatives``."""
    found: list[_Type] = []
    for alt in alternatives:
        origin, args = get_origin(alt.bare), get_args(alt.bare)
        if isinstance(part, int):
            if origin is list and args:
                found += _alternatives(args[0])
        elif origin is dict and len(args) == 2:
            found += _alternatives(args[1])
        elif is_model(alt.bare):
            found += _field_types(alt.bare, part)
    return found


class _Declared:
    """The declared alternatives of the value at a data path in a ``model`` record.

    Memoized: one explanation may look up thousands of sibling paths.
    """

    def __init__(self, model: type[BaseModel]) -> None:
        self.model = model
        self._cache: dict[Loc, list[_Type]] = {(): [_Type(model)]}
        #: (id of the parent's alternatives, field name, "" any key or 0 any item) -> types
        self._steps: dict[tuple[int, str | int], list[_Type]] = {}

    def at(self, path: Loc) -> list[_Type]:
        found = self._cache.get(path)
        if found is None:
            parent, part = self.at(path[:-1]), path[-1]
            if isinstance(part, int):
                key: tuple[int, str | int] = (id(parent), 0)  # any list item
            else:
                key = (id(parent), part if any(alt.fields for alt in parent) else "")
            found = self._steps.get(key)
            if found is None:
                found = self._steps[key] = _inside(parent, part)
            self._cache[path] = found
        return found


def _key_types(alternatives: Iterable[_Type]) -> list[_Type]:
    """The declared types of the keys of the mappings among ``alternatives``."""
    found: list[_Type] = []
    for alt in alternatives:
        args = get_args(alt.bare)
        if get_origin(alt.bare) is dict and len(args) == 2:
            found += _alternatives(args[0])
    return found


def _field_names(alternatives: Iterable[_Type]) -> list[str]:
    return [name for alt in alternatives for name in alt.fields]


def _type_kind(annotation: Any) -> str:
    bare = get_origin(annotation) or annotation
    if bare is list:
        return "a list"
    if bare is dict or is_model(bare):
        return "a mapping"
    if bare is bool:
        return "true or false"
    if bare is int:
        return "a whole number"
    if bare is float:
        return "a number"
    if bare is dt.date:
        return "a date"
    return "text"  # str, and the enums of text values


def _fits(alt: _Type, value: Any) -> bool:
    """Whether ``value`` is of the kind ``alt`` declares (its details may still be wrong)."""
    kind = alt.kind
    if isinstance(value, bool):
        return kind == "true or false"
    return {
        "text": isinstance(value, str),
        "a list": isinstance(value, list),
        "a mapping": isinstance(value, dict),
        "a whole number": isinstance(value, int),
        "a number": isinstance(value, (int, float)),
        "a date": isinstance(value, (str, dt.date)),
    }.get(kind, False)


def _limit(alternatives: Iterable[_Type], name: str) -> Any:
    """A constraint declared on the alternatives (``max_length``, ``ge``…), or ``None``.

    Constraints are read from the ``Annotated`` metadata of our own models: ``Field(...)``
    objects, ``StringConstraints`` and the ``annotated_types`` objects they stand for.
    """
    for alt in alternatives:
        for meta in alt.meta:
            for item in (meta, *(getattr(meta, "metadata", None) or ())):
                value = getattr(item, name, None)
                if value is not None and not callable(value):
                    return value
    return None


def _enum_values(alternatives: Iterable[_Type]) -> list[str]:
    for alt in alternatives:
        if inspect.isclass(alt.bare) and issubclass(alt.bare, Enum):
            return [str(member.value) for member in alt.bare]
    return []


def _typed_kind(value: Any) -> str:
    """Like :func:`_kind`, quoting short text: in a number or true/false field, ``yes`` or
    ``7:30`` is what the author wrote, and seeing it is the quickest way to the fix."""
    if isinstance(value, str) and 0 < len(value) <= 40 and "\n" not in value:
        return f"the text '{value}'"
    return _kind(value)


def _number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


# Where an error is -------------------------------------------------------------------------
@dataclass
class _Where:
    """A pydantic ``loc`` split into the path in the data and the union branches on it."""

    path: Loc
    markers: list[str]
    union_at: Loc
    at_key: bool = False  # the error is about the key at ``path``, not its value


def _real_path(declared: _Declared, data: Any, loc: Sequence[str | int]) -> _Where:
    """Split ``loc``: entries found in the data or naming a declared field are the path;
    the others name the branch of a union pydantic tried (whatever pydantic calls it)."""
    path: list[str | int] = []
    markers: list[str] = []
    union_at: Loc | None = None
    at_key = False
    node = data
    for part in loc:
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_list or (isinstance(node, dict) and part in node):
            node = node[part]
            path.append(part)
        elif isinstance(part, int):
            path.append(part)
            node = None
        elif part == _KEY and path:
            at_key = True
        elif part in _field_names(declared.at(tuple(path))):
            path.append(part)  # a missing field
            node = None
        else:
            if union_at is None:
                union_at = tuple(path)
            markers.append(part)
    return _Where(tuple(path), markers, union_at if union_at is not None else tuple(path), at_key)


def _choices(declared: _Declared, path: Loc) -> list[str]:
    """Field names allowed at ``path`` (for 'did you mean')."""
    return _field_names(declared.at(path[:-1]))


# Messages ----------------------------------------------------------------------------------
def _get(data: Any, path: Loc) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


#: Fields checked by a validator of ours: the same check, to say what is wrong.
_CHECKS: dict[str, Callable[[str], object]] = {
    "review_every": parse_interval,
    "photo_focus": check_focus,
    "lang": check_lang,
}


def _own_check(model: type[BaseModel], data: Any, path: Loc, value: Any) -> str | None:
    """The message of the model's own validator for ``value`` (``None`` if it passes)."""
    if not path:
        if model is Journey and isinstance(data, dict):
            return persona_field_problem("persona" in data, "personas" in data)
        return None
    check = _CHECKS.get(str(path[-1]))
    if check is None or not isinstance(value, str):
        return None
    try:
        check(value.strip())
    except ValueError as exc:
        return str(exc)
    return None


def _message(
    err: dict[str, Any], declared: _Declared, data: Any, where: _Where
) -> tuple[str, bool]:
    kind = str(err["type"])
    path = where.path
    name = str(path[-1]) if path else ""
    model = declared.model
    if where.at_key:
        value: Any = name
        keys = _key_types(declared.at(path[:-1]))
        message, _ = _value_message(kind, model, data, path, value, keys)
        return f"the key {message}" if message[:1].islower() else message, True
    if kind == "missing":
        return f"missing required field '{name}'", False
    if kind == "extra_forbidden":
        hint = suggest(name, _choices(declared, path))
        return (
            f"unknown field '{name}'{hint or '; see the field reference for what is allowed'}",
            True,
        )
    value = _get(data, path) if path else data
    if value is None:
        value = err.get("input")
    return _value_message(kind, model, data, path, value, declared.at(path))


def _value_message(
    kind: str,
    model: type[BaseModel],
    data: Any,
    path: Loc,
    value: Any,
    declared: list[_Type],
) -> tuple[str, bool]:
    fitting = [alt for alt in declared if _fits(alt, value)] or declared
    if kind == "enum":
        allowed = _enum_values(declared)
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
        limit = _limit(fitting, "max_length")
        length = len(str(value).strip())
        return f"is {length} characters long{_the_limit(limit)}", False
    if kind == "too_short":
        least = _limit(fitting, "min_length") or 1
        return f"needs at least {least} item{'' if least == 1 else 's'}", False
    if kind == "too_long":
        limit = _limit(fitting, "max_length")
        count = len(value) if isinstance(value, (list, dict)) else "too many"
        return f"has {count} items{_the_limit(limit)}", False
    if kind == "list_type":
        hint = "; start each item on its own line with '- '" if isinstance(value, str) else ""
        return f"expected a list, got {_kind(value)}{hint}", False
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"expected a mapping (key: value), got {_kind(value)}", False
    if kind in ("int_type", "int_from_float", "int_parsing"):
        what = "a whole number from -2 to 2" if "emotion" in path else "a whole number"
        return f"expected {what}, got {_typed_kind(value)}{_unquote_hint(value)}", False
    if kind in ("float_type", "float_parsing"):
        return f"expected a number, got {_typed_kind(value)}{_unquote_hint(value)}", False
    if kind == "finite_number":
        return f"expected a number, got {value}", False
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false, got {_typed_kind(value)}", False
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return f"{_range(fitting)} (got {_number(value)})", False
    if kind.startswith("date"):
        if isinstance(value, str):
            impossible = date_problem(value)
            if impossible:
                return impossible, False
            return f"'{value}' is not a date: write YYYY-MM-DD, e.g. 2026-03-31", False
        return f"expected a date (YYYY-MM-DD), got {_kind(value)}", False
    own = _own_check(model, data, path, value) if kind == "value_error" else None
    if own:
        return own, False
    return f"{_kind(value)} is not valid here; see the field reference", False


def _the_limit(limit: Any) -> str:
    return f"; the limit is {limit}" if limit is not None else ""


def _range(alternatives: list[_Type]) -> str:
    """``must be between -2 and 2`` from the bounds declared on the field."""
    low, high = _limit(alternatives, "ge"), _limit(alternatives, "le")
    above, below = _limit(alternatives, "gt"), _limit(alternatives, "lt")
    if low is not None and high is not None:
        return f"must be between {_number(low)} and {_number(high)}"
    parts = []
    if low is not None:
        parts.append(f"{_number(low)} or more")
    if above is not None:
        parts.append(f"more than {_number(above)}")
    if high is not None:
        parts.append(f"{_number(high)} or less")
    if below is not None:
        parts.append(f"less than {_number(below)}")
    return "must be " + (" and ".join(parts) or "within the allowed range")


def explain(exc: ValidationError, data: Any, model: type[BaseModel]) -> list[Explained]:
    """One friendly message per real problem in ``exc`` (union alternatives collapsed)."""
    plain: list[Explained] = []
    unions: dict[Loc, list[tuple[dict[str, Any], _Where]]] = {}
    declared = _Declared(model)
    for details in exc.errors():
        err = dict(details)
        where = _real_path(declared, data, details["loc"])
        if where.markers:
            unions.setdefault(where.union_at, []).append((err, where))
            continue
        message, at_key = _message(err, declared, data, where)
        plain.append(Explained(where.path, message, at_key))
    for union_at, errs in unions.items():
        value = _get(data, union_at)
        alternatives = declared.at(union_at)
        branch = _branches(alternatives, [where.markers[0] for _, where in errs])
        chosen = [
            (e, w) for e, w in errs if (alt := branch.get(w.markers[0])) and _fits(alt, value)
        ]
        if chosen:
            for err, where in chosen:
                message, at_key = _message(err, declared, data, where)
                plain.append(Explained(where.path, message, at_key))
        else:
            plain.append(Explained(union_at, _union_message(union_at, alternatives, value)))
    return list(dict.fromkeys(plain))


def _branches(alternatives: list[_Type], markers: list[str]) -> dict[str, _Type]:
    """Which declared alternative each union marker stands for.

    Pydantic tries a union's alternatives in the declared order and, when none fits, reports
    the errors of each, marked with a name of its own making: the distinct markers, in order,
    are the alternatives. If they do not line up, no branch is chosen and the message lists
    the alternatives instead.
    """
    distinct = list(dict.fromkeys(markers))
    if len(distinct) != len(alternatives):
        return {}
    return dict(zip(distinct, alternatives, strict=True))


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


def _union_message(path: Loc, alternatives: list[_Type], value: Any) -> str:
    """The message for a value that matches none of a field's alternatives."""
    if (path and path[-1] == "emotion") or (len(path) > 1 and path[-2] == "emotion"):
        return (
            f"expected a whole number from -2 to 2 (or, for several personas, a mapping of "
            f"persona id to such a number), got {_kind(value)}"
        )
    kinds = list(dict.fromkeys(alt.kind for alt in alternatives))
    if "a number" in kinds and "a whole number" in kinds:
        kinds.remove("a whole number")
    hint = _quote_hint(value) if "text" in kinds else ""
    return f"expected {' or '.join(kinds) or 'another kind of value'}, got {_kind(value)}{hint}"
