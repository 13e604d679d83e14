"""A YAML syntax error names the line and column to change, and the fix that works.

The parsers stop where they get stuck, often lines after the mistake, and describe their own
state. ``yaml_syntax.diagnose`` finds the culprit. Each case below is one common mistake in a
small persona file, with the exact problem reported, through ``load_yaml`` and (for some)
through the whole loader, with libyaml's C parser and with PyYAML's pure-Python parser alike.
The last tests make one mistake at a time in the example personas and journeys, and check the
problem is reported on the line that was changed.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest
import yaml

from mkdocs_persona_plugin.core import yaml_syntax, yamlsafe
from mkdocs_persona_plugin.core.loader import load_handbook
from mkdocs_persona_plugin.core.problems import ValidationFailed
from mkdocs_persona_plugin.core.yamlsafe import YamlIssue, load_yaml

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = sorted([*REPO.glob("personas/*.yaml"), *REPO.glob("journeys/*.yaml")])
TODAY = dt.date(2026, 11, 29)
#: Three valid lines; the mistakes start on line 4.
HEAD = 'name: Finance Manager Margie\nowner: "@finance"\nlast_reviewed: 2026-03-14\n'


@pytest.fixture(autouse=True)
def no_safety_net(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug in a rule raises here instead of falling back to the parser's position."""
    monkeypatch.setattr(yaml_syntax, "_SAFETY_NET", ())


class Case(NamedTuple):
    """A file with one mistake, and the problem it must give."""

    text: str
    line: int
    column: int
    message: str


CASES: dict[str, Case] = {
    # ---------------------------------------------------------------- keys and colons
    "key without its colon": Case(
        HEAD + "tagline Runs the numbers\ngoals:\n  - Close the books\n",
        4,
        8,
        "a ':' is missing after the key; write 'tagline: Runs the numbers'",
    ),
    "key without its colon, last line": Case(
        HEAD + "tagline Runs the numbers\n",
        4,
        8,
        "a ':' is missing after the key; write 'tagline: Runs the numbers'",
    ),
    "key without its colon inside a mapping": Case(
        HEAD + "demographics:\n  Age 41\n  Location: Bristol\n",
        5,
        6,
        "a ':' is missing after the key; write 'Age: 41'",
    ),
    "key without its colon, last of a mapping": Case(
        HEAD + "demographics:\n  Location: Bristol\n  Age 41\ngoals: [Close]\n",
        6,
        6,
        "a ':' is missing after the key; write 'Age: 41'",
    ),
    "key without its colon before its list": Case(
        HEAD + "goals\n  - Close the books\ntools: [Excel]\n",
        4,
        6,
        "a ':' is missing after the key; write 'goals:'",
    ),
    "heading without its colon before its list": Case(
        HEAD + 'sections:\n  A day in the life\n    - "07:45 On the school run: checks the bank"\n',
        5,
        20,
        "a ':' is missing after the key; write 'A day in the life:'",
    ),
    "field without its colon in a list item": Case(
        HEAD + "quotes:\n  - text Month-end is me and three spreadsheets\n    source: Interview\n",
        5,
        9,
        "a ':' is missing after the key; write 'text: Month-end is me and three spreadsheets'",
    ),
    "text under a long line: colon, or the rest of the line above": Case(
        HEAD + "tagline: Runs the numbers for a growing business and closes the books\n"
        "every month\ngoals: [Close]\n",
        5,
        6,
        "a ':' is missing after the key; write 'every: month', or indent it if it "
        "continues the text above",
    ),
    "no space after the colon": Case(
        HEAD + "demographics:\n  Age:41\n  Location: Bristol\n",
        5,
        7,
        "a space is missing after the ':'; write 'Age: 41'",
    ),
    "no space after the colon of a top-level key": Case(
        HEAD + "tagline:Runs the numbers\ngoals:\n  - Close\n",
        4,
        9,
        "a space is missing after the ':'; write 'tagline: Runs the numbers'",
    ),
    "colon inside an unquoted value": Case(
        HEAD + "tagline: Goal: close by day 6\n",
        4,
        14,
        "a ': ' inside text that is not in quotes; put the value in quotes: tagline: \"Goal: "
        'close by day 6"',
    ),
    "colon inside an unquoted list item": Case(
        HEAD + "goals:\n  - Goal: close: by day 6\n",
        5,
        16,
        "a ': ' inside text that is not in quotes; put the whole item in quotes: - \"Goal: "
        'close: by day 6"',
    ),
    "colon inside the value of an item's field": Case(
        HEAD + "quotes:\n  - text: Me: three spreadsheets\n",
        5,
        13,
        "a ': ' inside text that is not in quotes; put the value in quotes: text: \"Me: "
        'three spreadsheets"',
    ),
    "colon and a quote inside an unquoted value": Case(
        HEAD + 'tagline: Goal: "close" by day 6\n',
        4,
        14,
        "a ': ' inside text that is not in quotes; put the value in quotes: tagline: "
        "'Goal: \"close\" by day 6'",
    ),
    "a ':' with no key": Case(
        HEAD + "goals:\n  - Close\n:  - Report\n",
        6,
        1,
        "a ':' with no key before it; remove it",
    ),
    # ---------------------------------------------------------------------- list items
    "no space after the dash": Case(
        HEAD + 'goals:\n  - "Close"\n  -"Report"\n  - "Pay"\n',
        6,
        4,
        "a space is missing after the '-' of this list item; write '- \"Report\"'",
    ),
    "no space after the dash, last item": Case(
        HEAD + "goals:\n  - Close\n  -Report\n",
        6,
        4,
        "a space is missing after the '-' of this list item; write '- Report'",
    ),
    "no space after the dash of an item with fields": Case(
        HEAD + "quotes:\n  -text: Hello\n  - text: Bye\n",
        5,
        4,
        "a space is missing after the '-' of this list item; write '- text: Hello'",
    ),
    "first list item without its dash": Case(
        HEAD + 'goals:\n   "Close the books"\n  - "Report"\n',
        5,
        4,
        "this list item has no '- ' in front; write '- \"Close the books\"'",
    ),
    "list item without its dash": Case(
        HEAD + "goals:\n  - Close the books\n  Report\ntools: [Excel]\n",
        6,
        3,
        "this list item has no '- ' in front; write '- Report'",
    ),
    "list item indented less than the one above": Case(
        HEAD + "goals:\n  - Close the books\n - Stop chasing receipts\n",
        6,
        2,
        "this '-' is not lined up with the '-' on line 5; indent it with 2 spaces like that one",
    ),
    "first list item indented more than the others": Case(
        HEAD + "goals:\n   - Close\n  - Report\n  - Pay\n",
        5,
        4,
        "this '-' is not lined up with the items below it (line 6); indent it with 2 spaces "
        "like them",
    ),
    "list item of a list of mappings out of line": Case(
        "title: Close\nstages:\n  - name: Prepare\n- name: Report\n",
        4,
        1,
        "this '-' is not lined up with the '-' on line 3; indent it with 2 spaces like that one",
    ),
    "first item of a list of mappings indented one space too many": Case(
        HEAD + "quotes:\n   - text: Hello\n    source: Interview\n  - text: Bye\n",
        5,
        4,
        "this item is not lined up with 'source' below it (line 6); indent the '-' with 2 "
        "spaces, so that 'text' lines up with 'source'",
    ),
    "first item of a list of mappings indented one space too few": Case(
        HEAD + "quotes:\n - text: Hello\n    source: Interview\n  - text: Bye\n",
        5,
        2,
        "this item is not lined up with 'source' below it (line 6); indent the '-' with 2 "
        "spaces, so that 'text' lines up with 'source'",
    ),
    "list under a key that already has a value": Case(
        HEAD + "goals: Close the books\n- Stop chasing receipts\n",
        4,
        8,
        "'goals' has a value on its line and a list below it; write the value as the first "
        "item of the list ('- Close the books') or remove it",
    ),
    "indented list under a key with a quoted value": Case(
        HEAD + 'goals: "Close the books"\n  - Stop chasing receipts\n',
        4,
        8,
        "'goals' has a value on its line and a list below it; write the value as the first "
        "item of the list ('- \"Close the books\"') or remove it",
    ),
    "list on the line of its key": Case(
        HEAD + "goals: - Close the books\n",
        4,
        8,
        "a list cannot start on the line of its key; put '- Close the books' on the next "
        "line, indented with 2 spaces",
    ),
    "list item after a block of text": Case(
        HEAD + "bio: |\n  Runs the numbers.\n#goals:\n  - Close\n",
        7,
        3,
        "this list item follows the '|' text of 'bio' (line 4) instead of a key; add the "
        "list's key above it",
    ),
    # --------------------------------------------------------------------- indentation
    "key indented under a key that has a value": Case(
        "name: Indent\n  owner: '@team'\nlast_reviewed: 2026-01-01\n",
        2,
        3,
        "'owner' is indented under 'name' (line 1), which already has a value; line it up "
        "with 'name', or remove the value on line 1 to put 'owner' inside 'name'",
    ),
    "mapping under a key that has a quoted value": Case(
        HEAD + 'demographics: "none"\n  Age: 41\n',
        5,
        3,
        "'Age' is indented under 'demographics' (line 4), which already has a value; line it "
        "up with 'demographics', or remove the value on line 4 to put 'Age' inside "
        "'demographics'",
    ),
    "key indented less than the keys above": Case(
        HEAD + "demographics:\n  Age: 41\n Location: Bristol\n",
        6,
        2,
        "'Location' is not lined up with 'Age' (line 5); indent it with 2 spaces like 'Age'",
    ),
    "key in a list indented instead of a new top-level key": Case(
        HEAD + "goals:\n  - Close the books\n  tools: [Excel]\n",
        6,
        3,
        "'tools' is not lined up with 'goals' (line 4); remove its indentation, like 'goals'",
    ),
    "first key indented more than the others": Case(
        HEAD + "demographics:\n   Age: 41\n  Location: Bristol\n  Role: CFO\n",
        5,
        4,
        "'Age' is not lined up with the keys below it ('Location', line 6); indent it with 2 "
        "spaces like them",
    ),
    "first line of the file indented": Case(
        " name: Margie\nowner: '@finance'\n",
        1,
        2,
        "'name' is not lined up with the keys below it ('owner', line 2); remove its "
        "indentation, like them",
    ),
    "stage field indented less than its name": Case(
        "title: Close\nstages:\n  - name: Prepare\n   emotion: 1\n",
        4,
        4,
        "'emotion' is not lined up with 'name' (line 3); indent it with 4 spaces like 'name'",
    ),
    "stage field indented more than its name": Case(
        "title: Close\nstages:\n  - name: Prepare\n     emotion: 1\n",
        4,
        6,
        "'emotion' is indented under 'name' (line 3), which already has a value; line it up "
        "with 'name', or remove the value on line 3 to put 'emotion' inside 'name'",
    ),
    "stage without a name key": Case(
        "title: Close\nstages:\n  - Prepare\n    emotion: 1\n",
        4,
        5,
        "'emotion' is indented under the list item '- Prepare' (line 3), which is plain "
        "text; give that item a key, e.g. '- name: Prepare'",
    ),
    "a tab for indentation": Case(
        HEAD + "goals:\n\t- Close the books\n",
        5,
        1,
        "a tab character; indent with spaces",
    ),
    "a tab inside the indentation": Case(
        HEAD + "demographics:\n  Age: 41\n  \tLocation: Bristol\n",
        6,
        3,
        "a tab character; indent with spaces",
    ),
    # -------------------------------------------------------------------- block text
    "text line after a block, indented less": Case(
        HEAD + "bio: |\n  Runs the numbers\nand closes the books\ngoals: [Close]\n",
        6,
        1,
        "this line is outside the '|' text above it (it is indented less); indent it with 2 "
        "spaces like that text, or add ':' if it is a new key",
    ),
    "text line after a '>' block, indented less": Case(
        HEAD + "bio: >\n  Runs the numbers\nand closes the books\n",
        6,
        1,
        "this line is outside the '>' text above it (it is indented less); indent it with 2 "
        "spaces like that text, or add ':' if it is a new key",
    ),
    "first line of a block indented more than the rest": Case(
        HEAD + "bio: >\n   Runs the numbers\n  and closes the books\n  every month\n",
        5,
        4,
        "the first line of the '>' text is indented more than the lines below it; indent it "
        "with 2 spaces like them",
    ),
    "key without its colon after a block": Case(
        HEAD + "bio: |\n  Runs the numbers\ngoals\n  - Close\n",
        6,
        6,
        "a ':' is missing after the key; write 'goals:'",
    ),
    # ------------------------------------------------------------------------- quotes
    "unclosed double quote": Case(
        HEAD + 'tagline: "Runs the numbers\ngoals:\n  - Close\n  - Report\n',
        4,
        10,
        'the " that starts this text is not closed; add " at the end of the text',
    ),
    "unclosed single quote": Case(
        HEAD + "tagline: 'Runs the numbers\ngoals:\n  - Close\n",
        4,
        10,
        "the ' that starts this text is not closed; add ' at the end of the text",
    ),
    "unclosed quote closed by the next quote": Case(
        HEAD + 'tagline: "Runs the numbers\ngoals:\n  - "Close"\n',
        4,
        10,
        'the " that starts this text is not closed; add " at the end of the text',
    ),
    "unclosed quote in a list": Case(
        HEAD + 'goals:\n  - "Close the books\n  - "Report"\ntools: [Excel]\n',
        5,
        5,
        'the " that starts this text is not closed; add " at the end of the text',
    ),
    "unclosed quote at the start of a line": Case(
        HEAD + 'goals:\n  - Close\n"tools: [Excel]\n',
        6,
        1,
        'the " that starts this text is not closed; add " at the end of the text',
    ),
    "apostrophe inside single quotes": Case(
        HEAD + "tagline: 'Pete's plan'\n",
        4,
        15,
        "this apostrophe ends the quoted text early; double it ('Pete''s plan') or put the "
        'text in double quotes ("Pete\'s plan")',
    ),
    "apostrophe inside a single-quoted list item": Case(
        HEAD + "goals:\n  - 'Pete's plan'\n  - Report\n",
        5,
        10,
        "this apostrophe ends the quoted text early; double it ('Pete''s plan') or put the "
        'text in double quotes ("Pete\'s plan")',
    ),
    "apostrophe and double quotes inside single quotes": Case(
        HEAD + "tagline: 'Pete's \"plan\"'\n",
        4,
        15,
        "this apostrophe ends the quoted text early; double it ('Pete''s \"plan\"')",
    ),
    "double quote inside double quotes": Case(
        HEAD + 'tagline: "She said "no" twice"\n',
        4,
        20,
        'this " ends the quoted text early; write it as \\" or put the text in single quotes '
        "('She said \"no\" twice')",
    ),
    "text after a double-quoted value": Case(
        HEAD + 'tagline: "Owns the close" and the shortlist\n',
        4,
        27,
        'text after the closing "; put the whole value in single quotes (\'"Owns the close" '
        "and the shortlist')",
    ),
    "text after a single-quoted value": Case(
        HEAD + "tagline: 'Owns' the close\n",
        4,
        17,
        "text after the closing '; put the whole value in double quotes (\"'Owns' the close\")",
    ),
    "unknown escape in double quotes": Case(
        HEAD + 'photo: "C:\\Users\\margie"\n',
        4,
        11,
        "'\\U' is not a valid escape in double quotes; write '\\\\' for a backslash, or put "
        "the text in single quotes",
    ),
    # ----------------------------------------------------------------------- brackets
    "unclosed bracket": Case(
        HEAD + "goals: [Close the books, Stop chasing\ntools: [Excel]\n",
        4,
        8,
        "this '[' is not closed; add ']' after the last item of the list",
    ),
    "unclosed bracket at the end of the file": Case(
        HEAD + "goals: [Close\n",
        4,
        8,
        "this '[' is not closed; add ']' after the last item of the list",
    ),
    "bracket alone at the end of the file": Case(
        HEAD + "goals: [\n",
        4,
        8,
        "this '[' is not closed; add ']' after the last item of the list",
    ),
    "unclosed brace": Case(
        HEAD + "messaging: {pitch: Save time\ntools: [Excel]\n",
        4,
        12,
        "this '{' is not closed; add '}' after the last item of the mapping",
    ),
    "missing comma between quoted items": Case(
        HEAD + 'goals: ["Close" "Report"]\n',
        4,
        17,
        "a ',' is missing before this item",
    ),
    "missing comma on the next line of a list": Case(
        HEAD + 'goals: [\n  "Close"\n  "Report"\n]\n',
        6,
        3,
        "a ',' is missing before this item",
    ),
    "two commas in a row": Case(
        HEAD + "goals: [Close, , Report]\n",
        4,
        16,
        "an empty item between two commas; remove one ','",
    ),
    "extra closing bracket": Case(
        HEAD + "goals: [Close, Report]]\n",
        4,
        23,
        "this ']' has no '[' to close; remove it",
    ),
    "comma after a list": Case(
        HEAD + "goals: [Close],\n",
        4,
        15,
        "this ',' is not inside [brackets]; remove it",
    ),
    "text after a list": Case(
        HEAD + "tagline: [Beta] Runs the numbers\n",
        4,
        17,
        "text after the ']' that ends the list; put the whole value in quotes if it is text "
        '("[Beta] Runs the numbers")',
    ),
    # ------------------------------------------------------------- reserved characters
    "value starting with @": Case(
        HEAD + "tagline: @finance runs the numbers\n",
        4,
        10,
        "a value cannot start with '@'; put the value in quotes",
    ),
    "value starting with a backtick": Case(
        HEAD + "tagline: `ledgerly` power user\n",
        4,
        10,
        "a value cannot start with '`'; put the value in quotes",
    ),
    "value starting with * (Markdown bold)": Case(
        HEAD + "tagline: *Runs* the numbers\n",
        4,
        10,
        "a value cannot start with '*'; put the value in quotes",
    ),
    "value starting with > (a number)": Case(
        HEAD + "segment: > 50 employees\n",
        4,
        10,
        "a value cannot start with '>'; put the value in quotes",
    ),
    "value starting with '? '": Case(
        HEAD + "tagline: ? maybe\n",
        4,
        10,
        "a value cannot start with '? '; put the value in quotes",
    ),
    "line starting with %": Case(
        HEAD + "%share: 18\n",
        4,
        1,
        "a line cannot start with '%'; put the text in quotes",
    ),
    # ---------------------------------------------------------------------- documents
    "second document": Case(
        HEAD + "---\nname: Other\n",
        4,
        1,
        "only one document per file: remove the '---' line",
    ),
    "document end marker": Case(
        HEAD + "...\nname: Other\n",
        4,
        1,
        "only one document per file: remove the '...' line",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_mistake_is_reported_where_to_fix_it(name: str, parser: str) -> None:
    case = CASES[name]
    result = load_yaml(case.text.encode())
    assert result.issues == [YamlIssue(case.line, case.column, (), f"invalid YAML: {case.message}")]
    assert result.data is None


@pytest.mark.parametrize("name", list(CASES))
def test_mistake_is_reported_the_same_with_windows_line_ends(name: str, parser: str) -> None:
    case = CASES[name]
    result = load_yaml(case.text.replace("\n", "\r\n").encode())
    assert [(i.line, i.column, i.message) for i in result.issues] == [
        (case.line, case.column, f"invalid YAML: {case.message}")
    ]


def handbook_problems(tmp_path: Path, text: str) -> list[str]:
    """Validate a handbook with one persona file holding ``text``; the problems as printed."""
    folder = tmp_path / "personas"
    folder.mkdir()
    (folder / "margie.yaml").write_text(text, encoding="utf-8")
    try:
        load_handbook(folder, tmp_path / "journeys", root=tmp_path, today=TODAY)
    except ValidationFailed as failed:
        return [str(p) for p in failed.problems]
    return []


@pytest.mark.parametrize(
    "name",
    [
        "key without its colon",
        "key without its colon inside a mapping",
        "unclosed double quote",
        "no space after the dash",
        "apostrophe inside single quotes",
    ],
)
def test_the_loader_reports_the_same_place(tmp_path: Path, name: str, parser: str) -> None:
    case = CASES[name]
    assert handbook_problems(tmp_path, case.text) == [
        f"personas/margie.yaml:{case.line}:{case.column}: invalid YAML: {case.message}"
    ]


def test_control_character(parser: str) -> None:
    result = load_yaml(HEAD.encode() + b"tagline: Owns\x07 the close\n")
    assert result.issues == [
        YamlIssue(
            4,
            14,
            (),
            "invalid YAML: contains the control character #x0007, which YAML does not allow; "
            "delete it",
        )
    ]


def test_unrecognised_errors_keep_the_parsers_position() -> None:
    """With a general hint: the parsers word the same complaint differently."""
    error = yaml.MarkedYAMLError(
        problem="something new", problem_mark=yaml.Mark("x", 12, 1, 2, "", 0)
    )
    assert yaml_syntax.diagnose(HEAD, error) == (
        2,
        3,
        "invalid YAML: this cannot be read; check the quotes, colons and indentation here",
    )


def test_troubleshooting_table_shows_real_messages() -> None:
    """Every message in the table of docs/guide/troubleshooting.md is one a case gives."""
    page = (REPO / "docs" / "guide" / "troubleshooting.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| [^|]+ \| `([^`]+)` \| [^|]+ \|$", page, re.MULTILINE)
    assert len(rows) >= 15
    given = {case.message for case in CASES.values()}
    for message in rows:
        assert message in given, message


# ------------------------------------------------------------------ the example files
def test_example_files_have_no_issues(parser: str) -> None:
    assert EXAMPLES
    for path in EXAMPLES:
        assert load_yaml(path.read_bytes()).issues == [], path.name


def _mistakes(lines: list[str]) -> Iterator[tuple[str, int, str]]:
    """One mistake at a time: (kind, 0-based line, the line with the mistake)."""
    for n, line in enumerate(lines):
        if line.lstrip().startswith("#"):
            continue
        key = re.match(r"(\s*(?:- )?[\w ]+):( |$)", line)
        if key:
            yield "colon", n, line[: key.end(1)] + line[key.end(1) + 1 :]
        dash = re.match(r"(\s*)- ", line)
        if dash:
            yield "dash", n, line[: dash.end(1) + 1] + line[dash.end(1) + 2 :]
        quote = re.search(r"([\"'])\s*$", line)
        if quote and line.count(quote.group(1)) >= 2:
            yield "end quote", n, line[: quote.start()]
        if line.startswith("  ") and line.strip():
            yield "indent +1", n, " " + line
            yield "indent -1", n, line[1:]


def test_one_mistake_in_an_example_is_reported_on_its_line(parser: str) -> None:
    """Every 7th mistake of each kind in every example file (the pure-Python parser is
    slow): whenever it makes the file invalid, the problem is on the line with it."""
    checked = 0
    for path in EXAMPLES:
        lines = path.read_text(encoding="utf-8").split("\n")
        seen: dict[str, int] = {}
        for kind, n, changed in _mistakes(lines):
            seen[kind] = seen.get(kind, -1) + 1
            if seen[kind] % 7:
                continue
            text = "\n".join([*lines[:n], changed, *lines[n + 1 :]])
            issues = load_yaml(text.encode()).issues
            if not issues or not issues[0].message.startswith("invalid YAML"):
                continue  # still valid YAML (e.g. an item indented one space more)
            checked += 1
            assert [i.line for i in issues] == [n + 1], (path.name, kind, changed, issues)
    assert checked > 100


def test_random_damage_gives_one_problem_inside_the_file() -> None:
    """Characters deleted or inserted at random: never a crash, one problem in the file,
    the same with both parsers."""
    rng = random.Random(20261129)
    for _ in range(150):
        path = rng.choice(EXAMPLES)
        text = path.read_text(encoding="utf-8")
        at = rng.randrange(len(text))
        if rng.random() < 0.5:
            text = text[:at] + text[at + 1 :]
        else:
            text = text[:at] + rng.choice(":'\"[]{}-#|>,*&@`\t ") + text[at:]
        raw = text.encode()
        with yamlsafe.pure_python():
            issues = load_yaml(raw).issues
        syntax = [i for i in issues if i.message.startswith("invalid YAML")]
        if syntax:
            assert len(issues) == 1
            assert 1 <= syntax[0].line <= text.count("\n") + 1
            assert syntax[0].column >= 1
        if yamlsafe.is_c_loader() and "\t" not in text:  # libyaml accepts 'key:<tab>value'
            assert load_yaml(raw).issues == issues or not syntax, (path.name, at)
