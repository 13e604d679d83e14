"""Strict, safe YAML loading that remembers where every value came from.

PyYAML's ``safe_load`` silently keeps the last of two duplicate keys, accepts aliases and
loses positions. Here the document is composed into a node tree (with libyaml's C parser when
it is installed, about ten times faster than the pure-Python one) and converted by hand, so
that every value keeps its line and column, duplicate keys and aliases are refused, and only
plain JSON-like types (plus dates) come out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

try:  # pragma: no cover - depends on how PyYAML was built
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

#: Files larger than this are refused before parsing.
MAX_FILE_BYTES = 512 * 1024
#: Deeper nesting than this is refused (persona files need three or four levels).
MAX_DEPTH = 16

Path_ = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"
_ALLOWED_SCALAR_TAGS = {
    f"{_TAG}str",
    f"{_TAG}int",
    f"{_TAG}float",
    f"{_TAG}bool",
    f"{_TAG}null",
    f"{_TAG}timestamp",
}


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

    def position(self, path: Path_) -> tuple[int, int]:
        """Position of the value at ``path``, or of its nearest located ancestor."""
        probe = tuple(path)
        while probe:
            if probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return self.positions.get((), (1, 1))


class _Scalars(SafeConstructor):
    """Builds scalar values with PyYAML's own rules (ints, floats, bools, dates)."""


_scalars = _Scalars()


def _pos(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _describe_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


class _Converter:
    def __init__(self, result: LoadedYaml) -> None:
        self.result = result
        self.seen: set[int] = set()

    def issue(self, node: Node, path: Path_, message: str) -> None:
        line, col = _pos(node)
        self.result.issues.append(YamlIssue(line, col, path, message))

    def convert(self, node: Node, path: Path_, depth: int = 0) -> Any:
        self.result.positions[path] = _pos(node)
        if id(node) in self.seen:
            self.issue(
                node,
                path,
                f"{_ALIAS} (*name) are not allowed: write the value out in full",
            )
            return None
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            self.issue(node, path, f"nested more than {MAX_DEPTH} levels deep")
            return None
        if isinstance(node, ScalarNode):
            return self.scalar(node, path)
        if isinstance(node, SequenceNode):
            if node.tag != f"{_TAG}seq":
                self.issue(node, path, f"YAML tag {_describe_tag(node.tag)} is not allowed")
                return None
            return [self.convert(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            return self.mapping(node, path, depth)
        return None  # pragma: no cover - every node is one of the three

    def scalar(self, node: ScalarNode, path: Path_) -> Any:
        if node.tag not in _ALLOWED_SCALAR_TAGS:
            self.issue(node, path, f"YAML tag {_describe_tag(node.tag)} is not allowed")
            return None
        try:
            value = _scalars.construct_object(node, deep=True)
        except (ValueError, ConstructorError):
            if node.tag == f"{_TAG}timestamp":
                self.issue(node, path, f"'{node.value}' is not a real date")
            else:
                self.issue(node, path, f"cannot read '{node.value}'")
            return None
        if isinstance(value, dt.datetime):
            # A timestamp with a time of day: the contract only has dates.
            return node.value
        return value

    def mapping(self, node: MappingNode, path: Path_, depth: int) -> dict[Any, Any]:
        if node.tag != f"{_TAG}map":
            self.issue(node, path, f"YAML tag {_describe_tag(node.tag)} is not allowed")
            return {}
        out: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == f"{_TAG}merge":
                self.issue(key_node, path, "YAML merge keys (<<) are not allowed")
                continue
            if not isinstance(key_node, ScalarNode):
                self.issue(key_node, path, "a key must be plain text")
                continue
            key = self.scalar(key_node, (*path, "<key>"))
            if key is None and key_node.tag != f"{_TAG}null":
                continue
            if not isinstance(key, str):
                key = key_node.value
            line, col = _pos(key_node)
            if key in out or key in first_line:
                self.issue(
                    key_node,
                    (*path, key),
                    f"duplicate key '{key}' (first defined on line {first_line[key]}); "
                    "remove one of them",
                )
                continue
            first_line[key] = line
            self.result.key_positions[(*path, key)] = (line, col)
            out[key] = self.convert(value_node, (*path, key), depth + 1)
        return out


def load_yaml(raw: bytes) -> LoadedYaml:
    """Parse one YAML document from ``raw`` bytes, collecting every issue instead of raising."""
    result = LoadedYaml(data=None)
    if len(raw) > MAX_FILE_BYTES:
        result.issues.append(
            YamlIssue(
                1,
                1,
                (),
                f"file is {len(raw) / 1024:.0f} KB; the limit is {MAX_FILE_BYTES // 1024} KB",
            )
        )
        return result
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        result.issues.append(
            YamlIssue(line, col, (), f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save as UTF-8")
        )
        return result
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        result.issues.append(YamlIssue(1, 1, (), "file is empty"))
        return result
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or "invalid YAML"
        if mark is not None and text[mark.index : mark.index + 1] == "\t":
            problem = "a tab character; indent with spaces, not tabs"
        detail = f"invalid YAML: {problem}"
        if exc.context and exc.context not in problem:
            detail += f" ({exc.context})"
        result.issues.append(YamlIssue(line, col, (), detail))
        return result
    except yaml.YAMLError as exc:
        result.issues.append(YamlIssue(1, 1, (), f"invalid YAML: {exc}"))
        return result
    except RecursionError:
        result.issues.append(YamlIssue(1, 1, (), f"nested more than {MAX_DEPTH} levels deep"))
        return result
    if node is None:
        result.issues.append(YamlIssue(1, 1, (), "file is empty"))
        return result
    if not isinstance(node, MappingNode):
        kind = "a list" if isinstance(node, SequenceNode) else "a single value"
        line, col = _pos(node)
        result.issues.append(
            YamlIssue(line, col, (), f"the file must be a mapping of fields (key: value), not {kind}")
        )
        return result
    result.data = _Converter(result).convert(node, ())
    if any(i.message.startswith(_ALIAS) for i in result.issues):
        _relocate_aliases(text, result)
    return result


_ALIAS = "YAML aliases"


def _relocate_aliases(text: str, result: LoadedYaml) -> None:
    """Point alias problems at the ``*alias`` itself (the composed node only knows its anchor)."""
    places = [
        (ev.start_mark.line + 1, ev.start_mark.column + 1)
        for ev in yaml.parse(text, Loader=_Loader)
        if isinstance(ev, yaml.AliasEvent)
    ]
    alias_issues = [i for i in result.issues if i.message.startswith(_ALIAS)]
    for issue, (line, col) in zip(alias_issues, places):
        issue.line, issue.column = line, col


def is_c_loader() -> bool:
    """Whether libyaml's fast C parser is in use."""
    return _Loader.__name__.startswith("C")
