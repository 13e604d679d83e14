"""Safe YAML loading: every hazard is refused with a clear message at the right line.

Each case writes one persona file and checks the exact lines ``mkdocs-persona validate``
would print (``file:line:col: field: message``), with libyaml's C parser and with PyYAML's
pure-Python parser alike.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from mkdocs_persona_plugin.core import yamlsafe
from mkdocs_persona_plugin.core.loader import load_handbook
from mkdocs_persona_plugin.core.problems import ValidationFailed
from mkdocs_persona_plugin.core.yamlsafe import MAX_DEPTH, MAX_FILE_BYTES, load_yaml

TODAY = dt.date(2026, 11, 29)
VALID = b'name: Finance Manager Margie\nowner: "@finance"\nlast_reviewed: 2026-03-14\n'
TAG_HELP = "only plain text, numbers, true/false, dates, lists and mappings"


def problems(tmp_path: Path, raw: bytes, name: str = "margie.yaml") -> list[str]:
    """Validate one persona file holding ``raw``; the problems as printed."""
    folder = tmp_path / "personas"
    folder.mkdir(exist_ok=True)
    (folder / name).write_bytes(raw)
    try:
        load_handbook(folder, tmp_path / "journeys", root=tmp_path, today=TODAY)
    except ValidationFailed as failed:
        return [str(p) for p in failed.problems]
    return []


def test_c_parser_is_used_when_pyyaml_has_it() -> None:
    assert yamlsafe.is_c_loader() is bool(getattr(yaml, "__with_libyaml__", False))
    with yamlsafe.pure_python():
        assert not yamlsafe.is_c_loader()


def test_valid_file_has_no_problems(tmp_path: Path, parser: str) -> None:
    assert problems(tmp_path, VALID) == []


def test_python_tag_is_refused_and_never_run(tmp_path: Path, parser: str) -> None:
    marker = tmp_path / "pwned"
    raw = VALID.replace(
        b"name: Finance Manager Margie",
        f'name: !!python/object/apply:os.system ["touch {marker}"]'.encode(),
    )
    assert problems(tmp_path, raw) == [
        "personas/margie.yaml:1:7: name: YAML tag !!python/object/apply:os.system is not "
        f"allowed: {TAG_HELP}"
    ]
    assert not marker.exists()


def test_python_name_tag_on_a_nested_value(tmp_path: Path, parser: str) -> None:
    raw = VALID + b"research:\n  sources:\n    - !!python/name:os.system\n"
    assert problems(tmp_path, raw) == [
        "personas/margie.yaml:6:7: research.sources[0]: YAML tag !!python/name:os.system is "
        f"not allowed: {TAG_HELP}"
    ]


def test_custom_tag_is_refused(tmp_path: Path, parser: str) -> None:
    raw = VALID + b"tagline: !secret Our best customer\n"
    assert problems(tmp_path, raw) == [
        f"personas/margie.yaml:4:10: tagline: YAML tag !secret is not allowed: {TAG_HELP}"
    ]


def test_tag_on_a_mapping_and_a_list(tmp_path: Path, parser: str) -> None:
    raw = VALID + b"messaging: !!set {a, b}\ngoals: !!omap [a: 1]\n"
    assert problems(tmp_path, raw) == [
        f"personas/margie.yaml:4:12: messaging: YAML tag !!set is not allowed: {TAG_HELP}",
        f"personas/margie.yaml:5:8: goals: YAML tag !!omap is not allowed: {TAG_HELP}",
    ]


def test_anchor_and_alias_are_refused_where_they_are(tmp_path: Path, parser: str) -> None:
    raw = VALID + b"goals: &mine\n  - Close the books\nneeds: *mine\n"
    assert problems(tmp_path, raw) == [
        "personas/margie.yaml:4:8: goals: YAML anchors (&mine) are not allowed: write the "
        "value out in full where it is needed",
        "personas/margie.yaml:6:8: needs: YAML aliases (*mine) are not allowed: write the "
        "value out in full",
    ]


def test_alias_bomb_is_refused_quickly(tmp_path: Path, parser: str) -> None:
    lines = [b"a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]".encode() for i in range(1, 9)]
    result = load_yaml(b"\n".join(lines) + b"\n")
    assert len(result.issues) == 9 + 8 * 9  # every anchor and every alias, nothing expanded
    assert result.data["a8"] == [None] * 9


def test_merge_key_is_refused(tmp_path: Path, parser: str) -> None:
    raw = VALID + b"messaging:\n  <<: {pitch: Save time}\n"
    assert problems(tmp_path, raw) == [
        "personas/margie.yaml:5:3: messaging: YAML merge keys (<<) are not allowed: write the "
        "fields out in full"
    ]


def test_duplicate_key_names_both_lines(tmp_path: Path, parser: str) -> None:
    raw = VALID + b"tagline: First\ngoals: [a]\ntagline: Second\n"
    assert problems(tmp_path, raw) == [
        "personas/margie.yaml:6:1: tagline: duplicate key 'tagline' (first on line 4, again on "
        "line 6); remove one of them"
    ]


def test_duplicate_key_nested(tmp_path: Path, parser: str) -> None:
    raw = VALID + b"demographics:\n  Age: 38\n  Location: Bristol\n  Age: 39\n"
    assert problems(tmp_path, raw) == [
        "personas/margie.yaml:7:3: demographics.Age: duplicate key 'Age' (first on line 5, "
        "again on line 7); remove one of them"
    ]


def test_duplicate_key_spelled_differently(tmp_path: Path, parser: str) -> None:
    raw = VALID + b"demographics:\n  1: one\n  '1': two\n"
    assert problems(tmp_path, raw) == [
        "personas/margie.yaml:6:3: demographics.1: duplicate key '1' (first on line 5, again "
        "on line 6); remove one of them"
    ]


def test_tab_indentation(tmp_path: Path, parser: str) -> None:
    raw = VALID + b"goals:\n\t- Close the books\n"
    assert problems(tmp_path, raw) == [
        "personas/margie.yaml:5:1: invalid YAML: a tab character; indent with spaces"
    ]


def test_bad_indentation_of_a_key(tmp_path: Path, parser: str) -> None:
    raw = VALID + b"goals:\n  - Close the books\n - Stop chasing receipts\n"
    assert problems(tmp_path, raw) == [
        "personas/margie.yaml:6:2: invalid YAML: this '-' is not lined up with the '-' on line 5; "
        "indent it with 2 spaces like that one"
    ]


def test_bad_indentation_in_a_list(tmp_path: Path, parser: str) -> None:
    raw = VALID + b"goals:\n  - Close the books\n  tools: [Excel]\n"
    assert problems(tmp_path, raw) == [
        "personas/margie.yaml:6:3: invalid YAML: 'tools' is not lined up with 'goals' (line 4); "
        "remove its indentation, like 'goals'"
    ]


def test_colon_in_unquoted_text(tmp_path: Path, parser: str) -> None:
    raw = VALID + b"tagline: Goal: close by day 6\n"
    assert problems(tmp_path, raw) == [
        "personas/margie.yaml:4:14: invalid YAML: a ': ' inside text that is not in quotes; put "
        'the value in quotes: tagline: "Goal: close by day 6"'
    ]


def test_value_starting_with_reserved_character(tmp_path: Path, parser: str) -> None:
    raw = VALID + b"owner2: @finance\n"
    assert problems(tmp_path, raw) == [
        "personas/margie.yaml:4:9: invalid YAML: a value cannot start with '@'; put the value "
        "in quotes"
    ]


def test_unclosed_quote(tmp_path: Path, parser: str) -> None:
    raw = VALID + b'tagline: "Owns the close\n'
    assert problems(tmp_path, raw) == [
        'personas/margie.yaml:4:10: invalid YAML: the " that starts this text is not closed; '
        'add " at the end of the text'
    ]


def test_unclosed_bracket(tmp_path: Path, parser: str) -> None:
    raw = VALID + b"goals: [Close the books, Stop chasing\ntools: [Excel]\n"
    assert problems(tmp_path, raw) == [
        "personas/margie.yaml:4:8: invalid YAML: this '[' is not closed; add ']' after the last "
        "item of the list"
    ]


def test_text_after_a_quoted_value(tmp_path: Path, parser: str) -> None:
    raw = VALID + b'tagline: "Owns the close" and the shortlist\n'
    assert problems(tmp_path, raw) == [
        'personas/margie.yaml:4:27: invalid YAML: text after the closing "; put the whole value '
        "in single quotes ('\"Owns the close\" and the shortlist')"
    ]


def test_two_documents(tmp_path: Path, parser: str) -> None:
    raw = VALID + b"---\nname: Other\n"
    assert problems(tmp_path, raw) == [
        "personas/margie.yaml:4:1: invalid YAML: only one document per file: remove the '---' line"
    ]


def test_invalid_utf8_names_line_and_column(tmp_path: Path, parser: str) -> None:
    raw = VALID + "tagline: Café ".encode() + b"\xe9t\xe9\n"
    assert problems(tmp_path, raw) == [
        "personas/margie.yaml:4:15: not valid UTF-8 (byte 0xe9); save the file as UTF-8"
    ]


def test_utf16_file(tmp_path: Path, parser: str) -> None:
    raw = VALID.decode().encode("utf-16")
    assert problems(tmp_path, raw) == [
        "personas/margie.yaml:1:1: the file is saved as UTF-16; save it as UTF-8"
    ]


def test_control_character(tmp_path: Path, parser: str) -> None:
    raw = VALID + b"tagline: Owns\x00 the close\n"
    assert problems(tmp_path, raw) == [
        "personas/margie.yaml:4:14: invalid YAML: contains the control character #x0000, "
        "which YAML does not allow; delete it"
    ]


def test_byte_order_mark_is_accepted(tmp_path: Path, parser: str) -> None:
    assert problems(tmp_path, b"\xef\xbb\xbf" + VALID) == []
    assert load_yaml(b"\xef\xbb\xbf" + VALID).data["name"] == "Finance Manager Margie"


def test_non_ascii_text_is_kept(tmp_path: Path, parser: str) -> None:
    data = load_yaml("name: Zoë Łukasz 山田\nsegment: 20–250 employees £\n".encode()).data
    assert data == {"name": "Zoë Łukasz 山田", "segment": "20–250 employees £"}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"", "personas/margie.yaml:1:1: file is empty"),
        (b"\n\n  \n", "personas/margie.yaml:1:1: file is empty"),
        (b"# just a comment\n\n# and another\n", "personas/margie.yaml:1:1: file is empty"),
        (b"---\n...\n", "personas/margie.yaml:1:1: file is empty"),
        (
            b"# comment\n- name: Margie\n- name: Hannah\n",
            "personas/margie.yaml:2:1: the file must be a mapping of fields (key: value), "
            "not a list",
        ),
        (
            b"Finance Manager Margie\n",
            "personas/margie.yaml:1:1: the file must be a mapping of fields (key: value), "
            "not a single value",
        ),
        (
            b"~\n",
            "personas/margie.yaml:1:1: the file must be a mapping of fields (key: value), "
            "not a single value",
        ),
    ],
    ids=["empty", "blank", "comments-only", "empty-document", "list", "scalar", "null"],
)
def test_file_that_is_not_a_mapping(tmp_path: Path, parser: str, raw: bytes, expected: str) -> None:
    assert problems(tmp_path, raw) == [expected]


def test_too_big_file(tmp_path: Path, parser: str) -> None:
    raw = VALID + b"bio: |\n" + (b"  " + b"y" * 98 + b"\n") * 5300
    assert len(raw) > MAX_FILE_BYTES
    assert problems(tmp_path, raw) == [
        f"personas/margie.yaml:1:1: file is {len(raw) / 1024:.0f} KB; the limit is 512 KB"
    ]


def test_too_deep_nesting(tmp_path: Path, parser: str) -> None:
    lines = [VALID.decode().rstrip("\n"), "sections:"]
    lines += ["  " * level + f"level{level}:" for level in range(1, 20)]
    raw = ("\n".join(lines) + " deep\n").encode()
    # The file is collection 1, `sections` 2, level1 3 ... the value of level15 is the 17th.
    assert problems(tmp_path, raw) == [
        "personas/margie.yaml:6:5: sections.level1: expected text or a list, got a mapping",
        "personas/margie.yaml:20:33: sections."
        + ".".join(f"level{level}" for level in range(1, 16))
        + f": nested more than {MAX_DEPTH} levels deep",
    ]


@pytest.mark.parametrize("shape", ["[", "{a: ", "- "])
def test_pathological_nesting_does_not_crash(parser: str, shape: str) -> None:
    """libyaml composes recursively: 100 000 levels would crash the interpreter. Newer libyaml
    builds refuse deep nesting themselves, in words of their own: whichever parser stops it,
    the problem is ours, at the collection that opens level 17."""
    closing = {"[": "]", "{a: ": "}", "- ": ""}[shape]
    body = shape * 100_000 + "x" + closing * 100_000
    raw = f"a:\n  {body}\n".encode()
    assert len(raw) < MAX_FILE_BYTES
    result = load_yaml(raw)
    assert result.data is None
    # The file's mapping is level 1, so the 16th `shape` opens level 17.
    column = 3 + (MAX_DEPTH - 1) * len(shape)
    assert [(i.line, i.column, i.message) for i in result.issues] == [
        (2, column, f"nested more than {MAX_DEPTH} levels deep")
    ]


def test_a_thousand_levels_of_indentation(parser: str) -> None:
    """Too few brackets and colons for the pre-scan: whatever stops it (our converter, a
    newer libyaml's own limit, or the pure-Python composer's recursion), the problem is ours,
    at the mapping that opens level 17."""
    raw = "".join(" " * level + "k:\n" for level in range(1000)) + " " * 1000 + "x\n"
    assert len(raw) < MAX_FILE_BYTES
    result = load_yaml(raw.encode())
    assert [(i.line, i.column, i.field, i.message) for i in result.issues] == [
        (17, 17, ("k",) * 16, f"nested more than {MAX_DEPTH} levels deep")
    ]


def test_sixteen_levels_are_fine(parser: str) -> None:
    body = "[" * (MAX_DEPTH - 1) + "x" + "]" * (MAX_DEPTH - 1)
    result = load_yaml(f"a: {body}\n".encode())
    assert result.issues == []


def test_impossible_date_is_reported_once(tmp_path: Path, parser: str) -> None:
    raw = VALID.replace(b"2026-03-14", b"2025-02-30")
    assert problems(tmp_path, raw) == [
        "personas/margie.yaml:3:16: last_reviewed: 2025-02-30 does not exist: February 2025 "
        "has 28 days"
    ]


def test_values_keep_their_positions(parser: str) -> None:
    loaded = load_yaml(b"# comment\nname: Margie\ngoals:\n  - one\n  -   two\n")
    assert loaded.position(("name",)) == (2, 7)
    assert loaded.position(("goals", 1)) == (5, 7)
    assert loaded.key_position(("goals",)) == (3, 1)
    assert loaded.position(("goals", 7, "missing")) == (4, 3)  # nearest located ancestor
    assert loaded.position(()) == (2, 1)


def test_only_plain_values_come_out(parser: str) -> None:
    raw = (
        b"a: 1\nb: 1.5\nc: true\nd: ~\ne: 2026-01-31\nf: 2026-01-31 10:00:00\ng: yes\n"
        b"h: 0170\n1: numeric key\n"
    )
    loaded = load_yaml(raw)
    assert loaded.issues == []
    assert loaded.data == {  # every value as written; only null is not text
        "a": "1",
        "b": "1.5",
        "c": "true",
        "d": None,
        "e": "2026-01-31",
        "f": "2026-01-31 10:00:00",
        "g": "yes",
        "h": "0170",
        "1": "numeric key",
    }
    assert load_yaml(raw, typed=True).data == {  # YAML 1.2 core, as JSON Schema tools read it
        "a": 1,
        "b": 1.5,
        "c": True,
        "d": None,
        "e": "2026-01-31",
        "f": "2026-01-31 10:00:00",
        "g": "yes",
        "h": 170,
        "1": "numeric key",
    }
    partly = load_yaml(raw, typed={"a": True, "h": True})
    assert (partly.data["a"], partly.data["b"], partly.data["h"]) == (1, "1.5", 170)
