"""Strict, safe YAML loading that remembers where every value came from.

PyYAML's ``safe_load`` silently keeps the last of two duplicate keys, accepts anchors and
aliases and loses positions. Here the document is composed into a node tree (with libyaml's C
parser when PyYAML was built with it, several times faster than the pure-Python one) and
converted by hand, so that every value keeps its line and column, duplicate keys, anchors,
aliases, merge keys and tags are refused, and only plain JSON-like values come out.

Values are kept **as written**. YAML 1.1 (what PyYAML implements) reads ``zip: 0170`` as the
number 120, ``7:30`` as 450, ``1.10`` as 1.1 and ``yes`` as true; a persona's free text must be
published exactly as its author wrote it, so every scalar comes out as its source text, except
``null``/``~``/an empty value (``None``) and the scalars at *typed* positions (a
:data:`TypedSpec` names them: dates, counts, emotions…), which are read with the YAML 1.2 core
schema (``012`` is 12, ``yes`` stays text, ``true`` is true) — the reading JSON Schema
validators such as check-jsonschema use, so editors, pre-commit and ``validate`` agree.

Nothing here raises for bad input: every problem becomes a :class:`YamlIssue` with a 1-based
line and column, so one run can report every problem in every file.
"""

from __future__ import annotations

import calendar
import contextlib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeAlias

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from . import yaml_syntax

#: Files larger than this are refused before parsing.
MAX_FILE_BYTES = 512 * 1024
#: Collections nested deeper than this are refused (persona files need three or four levels).
MAX_DEPTH = 16
#: Files with more structural characters than this get a cheap nesting check before they are
#: composed: libyaml composes recursively and crashes the interpreter on ~30 000 levels.
_DEEP_SCAN_THRESHOLD = 1000

Path_ = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP = (
    f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")
)
_SEQ, _MAP, _MERGE = f"{_TAG}seq", f"{_TAG}map", f"{_TAG}merge"

_ANCHOR_HINT = re.compile(r"(?:^|[\s\[\]{},:?\-])&", re.MULTILINE)
_DATE_SHAPE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")

@dataclass
class YamlIssue:
    """A problem found while reading a file (positions are 1-based)."""

    line: int
    column: int
    field: Path_
    message: str


@dataclass
class LoadedYaml:
    """The data of one document and the position of every value in it."""

    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    issues: list[YamlIssue] = field(default_factory=list)
    #: Paths whose value was dropped because of a YAML issue (reported already).
    broken: set[Path_] = field(default_factory=set)

    def position(self, path: Path_) -> tuple[int, int]:
        """Position of the value at ``path``, or of its nearest located ancestor."""
        probe = tuple(path)
        while probe:
            if probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return self.positions.get((), (1, 1))

    def key_position(self, path: Path_) -> tuple[int, int]:
        """Position of the key that introduces ``path`` (falls back to :meth:`position`)."""
        return self.key_positions.get(tuple(path)) or self.position(path)

    def is_broken(self, path: Path_) -> bool:
        """Whether ``path`` is (inside) a value dropped because of a reported YAML issue."""
        probe = tuple(path)
        return any(probe[: len(b)] == b for b in self.broken)


def date_problem(text: str) -> str | None:
    """Why ``YYYY-MM-DD`` text is not a real date (``None`` if it is one or is not that shape).

    >>> date_problem("2025-02-30")
    '2025-02-30 does not exist: February 2025 has 28 days'
    """
    match = _DATE_SHAPE.match(text.strip())
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    if not 1 <= month <= 12:
        return f"{text} does not exist: months go from 01 to 12"
    last = calendar.monthrange(year, month)[1] if year >= 1 else 31
    if not 1 <= day <= last:
        return f"{text} does not exist: {calendar.month_name[month]} {year} has {last} days"
    if year < 1:
        return f"{text} does not exist: years start at 0001"
    return None


#: Which values are read as YAML 1.2 core values instead of kept as written: a mapping from
#: key to the spec of its value (``"*"`` stands for any list item or mapping key), or ``True``
#: for "this value and everything inside it". ``None``/a missing key: text as written.
TypedSpec: TypeAlias = "bool | Mapping[str, TypedSpec]"

_NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT_12 = re.compile(r"[-+]?[0-9](?:_?[0-9])*\Z")
_HEX_12 = re.compile(r"0x[0-9a-fA-F](?:_?[0-9a-fA-F])*\Z")
_OCT_12 = re.compile(r"0o[0-7](?:_?[0-7])*\Z")
_FLOAT_12 = re.compile(
    r"[-+]?(?:\.[0-9](?:_?[0-9])*|[0-9](?:_?[0-9])*(?:\.(?:[0-9](?:_?[0-9])*)?)?)"
    r"(?:[eE][-+]?[0-9]+)?\Z"
)
_SPECIAL_FLOATS = {
    **{f"{sign}.{inf}": float(f"{sign or '+'}inf") for sign in ("", "+", "-")
       for inf in ("inf", "Inf", "INF")},
    **{f".{nan}": float("nan") for nan in ("nan", "NaN", "NAN")},
}


def core_value(text: str) -> Any:
    """A plain scalar read with the YAML 1.2 core schema: null, true/false, a number or text.

    >>> [core_value(t) for t in ("012", "0x1F", "1_000", "1.10", "yes", "7:30", "~")]
    [12, 31, 1000, 1.1, 'yes', '7:30', None]
    """
    if text in _NULL_WORDS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    if _INT_12.match(text):
        return int(text.replace("_", ""))
    if _HEX_12.match(text):
        return int(text[2:].replace("_", ""), 16)
    if _OCT_12.match(text):
        return int(text[2:].replace("_", ""), 8)
    if text in _SPECIAL_FLOATS:
        return _SPECIAL_FLOATS[text]
    if _FLOAT_12.match(text) and any(c.isdigit() for c in text):
        return float(text.replace("_", ""))
    return text


def _make_loader(base: type[Any]) -> type[Any]:
    """``base`` with a resolver that types nothing: a plain scalar is null or text.

    (Numbers, booleans and dates are read later, only where the contract expects them.)
    """

    class Loader(base):  # type: ignore[misc,valid-type]
        def descend_resolver(self, current_node: Any, current_index: Any) -> None:
            return None

        def ascend_resolver(self) -> None:
            return None

        def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
            if kind is ScalarNode:
                if implicit[0] and value in _NULL_WORDS:
                    return _NULL
                return _MERGE if implicit[0] and value == "<<" else _STR
            return _SEQ if kind is SequenceNode else _MAP

    Loader.__name__ = Loader.__qualname__ = f"Strict{base.__name__}"
    return Loader


_PyLoader = _make_loader(yaml.SafeLoader)
try:  # pragma: no cover - depends on how PyYAML was built
    _CLoader: type[Any] | None = _make_loader(yaml.CSafeLoader)
except AttributeError:  # pragma: no cover
    _CLoader = None
_Loader: type[Any] = _CLoader or _PyLoader


def is_c_loader() -> bool:
    """Whether libyaml's fast C parser is in use."""
    return _Loader is _CLoader


@contextlib.contextmanager
def pure_python() -> Iterator[None]:
    """Use PyYAML's pure-Python parser inside the ``with`` block (benchmarks, tests)."""
    global _Loader
    previous, _Loader = _Loader, _PyLoader
    try:
        yield
    finally:
        _Loader = previous


def _pos(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _describe_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


def _tag_message(tag: str) -> str:
    return (
        f"YAML tag {_describe_tag(tag)} is not allowed: only plain text, numbers, "
        "true/false, dates, lists and mappings"
    )


def _alias_message(name: str) -> str:
    return f"YAML aliases (*{name}) are not allowed: write the value out in full"


_SCALAR_TAGS = frozenset({_STR, _INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP})


def _child(spec: TypedSpec | None, key: str | int) -> TypedSpec | None:
    """The spec of the value at ``key`` inside a value whose spec is ``spec``."""
    if spec is None or spec is True or spec is False:
        return spec or None
    found = spec.get("*") if isinstance(key, int) else spec.get(key, spec.get("*"))
    return found


class _Converter:
    """Turns a composed node tree into plain data, recording positions and issues."""

    def __init__(self, result: LoadedYaml, aliases_reported: bool) -> None:
        self.result = result
        self.positions = result.positions
        self.seen: set[int] = set()
        self.aliases_reported = aliases_reported

    def issue(self, node: Node, path: Path_, message: str, *, drops: bool = True) -> None:
        line, col = _pos(node)
        self.result.issues.append(YamlIssue(line, col, path, message))
        if drops:
            self.result.broken.add(path)

    def convert(self, node: Node, path: Path_, depth: int, spec: TypedSpec | None) -> Any:
        mark = node.start_mark
        self.positions[path] = (mark.line + 1, mark.column + 1)
        key = id(node)
        if key in self.seen:  # the same node twice: an alias (billion laughs stop here)
            if self.aliases_reported:
                self.result.broken.add(path)
            else:  # pragma: no cover - the anchor pre-check finds every alias
                self.issue(node, path, _alias_message("…"))
            return None
        self.seen.add(key)
        cls = type(node)
        if cls is ScalarNode:
            tag = node.tag
            if tag == _STR and spec is None:
                return node.value  # the common case: text as written
            return self.scalar(node, path, spec)  # type: ignore[arg-type]
        if depth >= MAX_DEPTH:
            self.issue(node, path, f"nested more than {MAX_DEPTH} levels deep")
            return None
        if cls is MappingNode:
            return self.mapping(node, path, depth + 1, spec)  # type: ignore[arg-type]
        if node.tag != _SEQ:
            self.issue(node, path, _tag_message(node.tag))
            return None
        convert = self.convert
        items = _child(spec, 0)
        return [convert(item, (*path, i), depth + 1, items) for i, item in enumerate(node.value)]

    def scalar(self, node: ScalarNode, path: Path_, spec: TypedSpec | None) -> Any:
        tag = node.tag
        if tag not in _SCALAR_TAGS:
            self.issue(node, path, _tag_message(tag))
            return None
        if tag == _NULL:  # plain ~, null or nothing (the resolver), or an explicit !!null
            return None
        if spec is True and not node.style:  # plain (libyaml says "", PyYAML None)
            return core_value(node.value)
        return node.value

    def mapping(
        self, node: MappingNode, path: Path_, depth: int, spec: TypedSpec | None
    ) -> dict[str, Any]:
        if node.tag != _MAP:
            self.issue(node, path, _tag_message(node.tag))
            return {}
        out: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        key_positions = self.result.key_positions
        for key_node, value_node in node.value:
            if type(key_node) is not ScalarNode:
                self.issue(key_node, path, "a key must be plain text, not a list or mapping")
                continue
            tag = key_node.tag
            if tag == _MERGE:
                self.issue(
                    key_node,
                    path,
                    "YAML merge keys (<<) are not allowed: write the fields out in full",
                )
                continue
            if tag not in _SCALAR_TAGS:
                self.issue(key_node, path, _tag_message(tag))
                continue
            key = key_node.value  # `1:` and `yes:` are keys '1' and 'yes', not numbers
            line, col = _pos(key_node)
            here = (*path, key)
            if key in first_line:
                self.issue(
                    key_node,
                    here,
                    f"duplicate key '{key}' (first on line {first_line[key]}, again on line "
                    f"{line}); remove one of them",
                    drops=False,
                )
                continue
            first_line[key] = line
            key_positions[here] = (line, col)
            out[key] = self.convert(value_node, here, depth, _child(spec, key))
        return out


def _decode(raw: bytes, result: LoadedYaml) -> str | None:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        result.issues.append(YamlIssue(1, 1, (), "the file is saved as UTF-16; save it as UTF-8"))
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw.count(b"\n", 0, exc.start) + 1
        col = len(raw[line_start : exc.start].decode("utf-8", "replace")) + 1
        result.issues.append(
            YamlIssue(
                line,
                col,
                (),
                f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
            )
        )
        return None


def _parser_issue(text: str, exc: yaml.YAMLError) -> YamlIssue:
    line, col, message = yaml_syntax.diagnose(text, exc)
    return YamlIssue(line, col, (), message)


def _scan_events(text: str, result: LoadedYaml, parser: type[Any] | None = None) -> bool:
    """Walk the parser events: refuse anchors and aliases, and too deep nesting.

    Runs only for files that might contain them (it is slower than composing). Returns
    ``False`` if the file is too deep to compose safely.
    """
    loader = (parser or _Loader)(text)
    # One frame per open collection: [path, is_mapping, items seen so far, current key]
    stack: list[list[Any]] = []
    try:
        while True:
            event = loader.get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                return True
            if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                stack.pop()
                continue
            if not isinstance(event, (yaml.NodeEvent)):
                continue
            path: Path_ = ()
            is_key = False
            if stack:
                frame = stack[-1]
                if frame[1]:
                    is_key = frame[2] % 2 == 0
                    if is_key:
                        frame[3] = event.value if isinstance(event, yaml.ScalarEvent) else "?"
                        path = frame[0]
                    else:
                        path = (*frame[0], frame[3])
                else:
                    path = (*frame[0], frame[2])
                frame[2] += 1
            mark = event.start_mark
            line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
            if isinstance(event, yaml.AliasEvent):
                result.issues.append(YamlIssue(line, col, path, _alias_message(str(event.anchor))))
                result.broken.add(path)
                continue
            if event.anchor is not None:
                result.issues.append(
                    YamlIssue(
                        line,
                        col,
                        path,
                        f"YAML anchors (&{event.anchor}) are not allowed: write the value out "
                        "in full where it is needed",
                    )
                )
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                if len(stack) >= MAX_DEPTH:
                    result.issues.append(
                        YamlIssue(line, col, path, f"nested more than {MAX_DEPTH} levels deep")
                    )
                    return False
                stack.append([path, isinstance(event, yaml.MappingStartEvent), 0, None])
    finally:
        loader.dispose()


def _too_deep(text: str, result: LoadedYaml) -> bool:
    """After the parser gave up on ``text``: is it nested too deep (then say where)?

    libyaml reads ahead (a ``[`` may start a key, so it scans to the end of the line), and
    newer builds (PyYAML 6.0.4) stop deep nesting there with a message of their own, before
    our event scan sees more than :data:`MAX_DEPTH` levels. PyYAML's pure-Python parser has
    no such limit and no recursion: scan with it, and report the depth if it is exceeded
    before the first syntax error. (Only on this error path; about 1 s per MB of YAML.) The
    pure-Python composer recurses and runs out of stack on files the pre-scan skipped.
    """
    if sum(map(text.count, "[{-:?")) <= MAX_DEPTH:
        return False  # every level of nesting needs one of these characters
    found = LoadedYaml(data=None)
    try:
        if _scan_events(text, found, _PyLoader):
            return False
    except yaml.YAMLError:
        return False
    result.issues, result.broken = found.issues, found.broken
    return True


def load_yaml(raw: bytes, typed: TypedSpec | None = None) -> LoadedYaml:
    """Parse one YAML document from ``raw`` bytes, collecting every issue instead of raising.

    Every scalar comes out as the text written in the file (``None`` for null), except at
    the positions ``typed`` names, which are read as YAML 1.2 core values
    (:func:`core_value`). ``typed=True`` reads the whole document that way.
    """
    result = LoadedYaml(data=None)
    if len(raw) > MAX_FILE_BYTES:
        size = len(raw) / 1024
        result.issues.append(
            YamlIssue(1, 1, (), f"file is {size:.0f} KB; the limit is {MAX_FILE_BYTES // 1024} KB")
        )
        return result
    text = _decode(raw, result)
    if text is None:
        return result
    stripped = text.lstrip()
    if not stripped or (
        stripped.startswith("#")
        and all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines())
    ):
        result.issues.append(YamlIssue(1, 1, (), "file is empty"))
        return result
    scan_anchors = "&" in text and _ANCHOR_HINT.search(text) is not None
    scan_depth = sum(map(text.count, "[{-:?")) > _DEEP_SCAN_THRESHOLD
    try:
        if (scan_anchors or scan_depth) and not _scan_events(text, result):
            return result
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        if _Loader is _PyLoader or not _too_deep(text, result):
            result.issues = [_parser_issue(text, exc)]
        return result
    except RecursionError:  # the pure-Python composer, on files the pre-scan skipped
        if not _too_deep(text, result):  # pragma: no cover - it finds every such file
            result.issues.append(YamlIssue(1, 1, (), f"nested more than {MAX_DEPTH} levels deep"))
        return result
    if node is None or (type(node) is ScalarNode and node.tag == _NULL and not node.value):
        result.issues.append(YamlIssue(1, 1, (), "file is empty"))
        return result
    if not isinstance(node, MappingNode):
        kind = "a list" if isinstance(node, SequenceNode) else "a single value"
        line, col = _pos(node)
        result.issues.append(
            YamlIssue(
                line, col, (), f"the file must be a mapping of fields (key: value), not {kind}"
            )
        )
        return result
    result.data = _Converter(result, aliases_reported=scan_anchors).convert(node, (), 0, typed)
    return result
