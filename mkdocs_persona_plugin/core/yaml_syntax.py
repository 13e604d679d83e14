"""Where a YAML syntax error really is, and what fixes it.

PyYAML and libyaml stop where the *parser* gets stuck, which is often a line or more after the
author's mistake, and describe the parser's state ("could not find expected ':'", "mapping
values are not allowed here") rather than the mistake. :func:`diagnose` takes that error and the
source text, finds the line the author must change (a key without its colon, a quote that is
never closed, an apostrophe inside single quotes, a list item without its space…) and says how
to fix it, with the same answer for the C and the pure-Python parser.

The source is read with a small line scanner (:func:`_scan`) that knows the shapes a persona
file is made of: ``key: value`` lines, ``- item`` lines, comments, block text after ``|`` or
``>``, quoted text and ``[lists]``/``{mappings}`` running over several lines, and plain text
continuing the value above. The diagnosis starts at the parser's position and walks back over
that structure to the culprit. Every rule has a test in ``tests/test_yaml_syntax.py``; whatever
no rule recognises keeps the parser's position with a general hint.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

import yaml


class SyntaxProblem(NamedTuple):
    """A YAML syntax error: where to change the file (1-based line and column) and how."""

    line: int
    column: int
    message: str


#: General hints by the parser's complaint (see :meth:`_Diagnosis.kind`), for the errors
#: that no rule below recognises.
_HINTS = {
    "mapping_values": (
        "a ':' followed by a space is not allowed here; put the text in quotes, "
        "or check the indentation"
    ),
    "tab": "a tab character; indent with spaces",
    "colon": "expected 'key: value'; check the indentation, or put a long text in quotes",
    "misplaced": "this line does not line up with the keys or items above it",
    "quote_end": "a quote is not closed",
    "flow": "a list in [brackets] or a mapping in {braces} is not closed, or lacks a comma",
    "node": "a value is missing here; is a bracket or quote not closed?",
}
#: For the other complaints (their wording differs between the two parsers).
_GENERAL_HINT = "this cannot be read; check the quotes, colons and indentation here"
_PREFIX = "invalid YAML: "
_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
_DOCUMENT = re.compile(r"(?:---|\.\.\.)(?=[ \t]|$)")
_BLOCK_HEADER = re.compile(r"[|>][-+0-9]*[ \t]*(?:#.*)?$")
_COLON_AFTER_QUOTE = re.compile(r"[ \t]*:(?=[ \t]|$)")
#: The ': ' that ends a plain key, or the ' #' of a comment before any.
_KEY_END = re.compile(r":(?=[ \t]|$)|(?<=[ \t])#")
#: ``Age:41``: a key, a colon and no space (``http://`` is not one).
_NO_SPACE = re.compile(r"([^\s:#\"'][^:#]*?):(?=[^\s/:])")
_CLOSERS = {"[": "]", "{": "}"}
_BRACKET_WORDS = {"[": "list", "{": "mapping"}


@dataclass
class _Line:
    """One source line as the scanner understands it (columns are 0-based)."""

    no: int
    text: str
    indent: int
    #: blank, comment, document, key, item, text (plain text, no key), or a line that
    #: continues the value of line ``owner``: cont (plain), block, quoted, flow.
    kind: str = "text"
    owner: int = 0
    dashes: tuple[int, ...] = ()
    start: int = -1  # first column after the indentation and the '- ' indicators
    key: str | None = None
    key_col: int = -1
    colon_col: int = -1
    value_col: int = -1  # where the value written on this line starts (-1: none)
    value_kind: str = ""  # "", plain, quoted, flow, block
    value_end: int = -1  # just after the quote or bracket closing the value on this line
    block_indent: int = -1  # for a '|' or '>' line: the indentation of its text


@dataclass
class _Quote:
    """Quoted text: where it opens and closes (line, 0-based column)."""

    char: str
    line: int
    col: int
    close: tuple[int, int] | None = None
    #: A line inside it looks like the next key or item: the quote was meant to end sooner.
    swallowed_structure: bool = False


@dataclass
class _Bracket:
    """A '[' or '{': where it opens and where it is closed."""

    char: str
    line: int
    col: int
    close: tuple[int, int] | None = None


def _quote_end(text: str, start: int, char: str) -> int:
    """Index of the quote closing text quoted from ``start`` (exclusive), or -1."""
    i, n = start, len(text)
    while i < n:
        c = text[i]
        if char == '"' and c == "\\":
            i += 2
            continue
        if c == char:
            if char == "'" and text.startswith("'", i + 1):
                i += 2
                continue
            return i
        i += 1
    return -1


def _scan_flow(text: str, pos: int, no: int, stack: list[_Bracket], found: list[_Bracket]) -> int:
    """Scan ``[...]``/``{...}`` text from ``pos``; the index just after the bracket that closes
    the outermost open one, or -1 when still open at the end of the line."""
    i, n, expect = pos, len(text), True
    while i < n:
        c = text[i]
        if c in "[{":
            bracket = _Bracket(c, no, i)
            found.append(bracket)
            stack.append(bracket)
            expect = True
        elif c in "]}":
            if not stack:
                return i
            stack.pop().close = (no, i)
            if not stack:
                return i + 1
            expect = False
        elif c == ",":
            expect = True
        elif c == "#" and (i == 0 or text[i - 1] in " \t"):
            return -1
        elif c in "\"'" and expect:
            end = _quote_end(text, i + 1, c)
            if end < 0:
                return -1
            i, expect = end, False
        elif c == ":" and (i + 1 == n or text[i + 1] in " \t,]}"):
            expect = True
        elif c not in " \t":
            expect = False
        i += 1
    return -1


def _head(no: int, text: str) -> _Line:
    """Read one line as if it started a node in block context."""
    stripped = text.lstrip(" ")
    indent = len(text) - len(stripped)
    line = _Line(no, text, indent)
    if not stripped.strip():
        line.kind = "blank"
        return line
    if stripped.startswith("#"):
        line.kind = "comment"
        return line
    if indent == 0 and (_DOCUMENT.match(text) or text.startswith("%")):
        line.kind = "document"
        return line
    pos, n = indent, len(text)
    dashes: list[int] = []
    while text.startswith("-", pos) and (pos + 1 == n or text[pos + 1] in " \t"):
        dashes.append(pos)
        pos += 1
        while pos < n and text[pos] in " \t":
            pos += 1
    line.dashes, line.start = tuple(dashes), pos
    line.kind = "item" if dashes else "text"
    if pos >= n or text[pos] == "#":
        return line
    value = pos
    c = text[pos]
    if c in "\"'":
        end = _quote_end(text, pos + 1, c)
        colon = _COLON_AFTER_QUOTE.match(text, end + 1) if end >= 0 else None
        if colon:
            line.key, line.key_col, line.colon_col = text[pos + 1 : end], pos, colon.end() - 1
            value = colon.end()
    elif c not in "[{":
        found = _KEY_END.search(text, pos)
        if found and found.group()[0] == ":":
            i = found.start()
            line.key, line.key_col, line.colon_col = text[pos:i].rstrip(), pos, i
            value = i + 1
    if line.key is not None and not dashes:
        line.kind = "key"
    while value < n and text[value] in " \t":
        value += 1
    if value >= n or text[value] == "#":
        return line
    line.value_col = value
    c = text[value]
    if c in "|>" and _BLOCK_HEADER.match(text, value):
        line.value_kind = "block"
    elif c in "\"'":
        line.value_kind = "quoted"
        end = _quote_end(text, value + 1, c)
        line.value_end = end + 1 if end >= 0 else -1
    elif c in "[{":
        line.value_kind = "flow"
        line.value_end = _scan_flow(text, value, no, [], [])
    else:
        line.value_kind = "plain"
    return line


@dataclass
class _Source:
    """Every line of a file, with the quotes and brackets that span lines."""

    lines: list[_Line]
    quotes: list[_Quote]
    brackets: list[_Bracket]

    def line(self, no: int) -> _Line | None:
        return self.lines[no - 1] if 1 <= no <= len(self.lines) else None

    def owner(self, line: _Line) -> _Line:
        """The line where the value that ``line`` continues began (``line`` itself if none)."""
        return self.lines[line.owner - 1] if line.owner else line

    def before(self, no: int) -> _Line | None:
        """The nearest line above line ``no`` that is not blank or a comment."""
        for line in reversed(self.lines[: max(no - 1, 0)]):
            if line.kind not in ("blank", "comment"):
                return line
        return None


def _parent_column(line: _Line) -> int:
    """The column of the key or '-' that owns the value written on ``line``."""
    if line.key is not None:
        return line.key_col
    return line.dashes[-1] if line.dashes else line.indent - 1


def _scan(source: str) -> _Source:
    """Read the whole text line by line, following block text, quotes and brackets."""
    lines: list[_Line] = []
    quotes: list[_Quote] = []
    brackets: list[_Bracket] = []
    block: _Line | None = None  # the '|' or '>' line whose text is being read
    quote: tuple[_Quote, _Line] | None = None
    flow: tuple[list[_Bracket], _Line] | None = None
    plain: tuple[_Line, int] | None = None  # a plain value that may go on: (owner, indent)
    parent = -1  # the column of the key above with no value on its line
    for no, text in enumerate(_BREAK.split(source), 1):
        line = _Line(no, text, len(text) - len(text.lstrip(" ")))
        if block is not None:
            if not text.strip():
                line.kind, line.owner = "block", block.no
                lines.append(line)
                continue
            if block.block_indent < 0 and line.indent > _parent_column(block):
                block.block_indent = line.indent
            if block.block_indent >= 0 and line.indent >= block.block_indent:
                line.kind, line.owner = "block", block.no
                lines.append(line)
                continue
            block = None
        if quote is not None:
            found, opener = quote
            end = _quote_end(text, 0, found.char)
            head = _head(no, text[:end] if end >= 0 else text)
            if head.kind in ("key", "item") and head.indent <= opener.indent:
                found.swallowed_structure = True
            line.kind, line.owner = "quoted", opener.no
            if end >= 0:
                found.close, line.value_end, quote = (no, end), end + 1, None
            lines.append(line)
            continue
        if flow is not None:
            stack, opener = flow
            line.kind, line.owner = "flow", opener.no
            line.value_end = _scan_flow(text, 0, no, stack, brackets)
            if not stack:
                flow = None
            lines.append(line)
            continue
        line = _head(no, text)
        if line.kind == "blank":
            lines.append(line)
            continue
        if line.kind == "comment":
            plain = None
            lines.append(line)
            continue
        if plain is not None and line.kind == "text" and line.indent > plain[1]:
            line.kind, line.owner = "cont", plain[0].no
            lines.append(line)
            continue
        plain = None
        lines.append(line)
        if line.value_col < 0:
            parent = _parent_column(line) if line.kind in ("key", "item") else -1
            continue
        own = _parent_column(line)
        if line.kind == "text" and parent >= 0:
            own = parent
        parent = -1
        c = text[line.value_col]
        if line.value_kind == "block":
            block = line
        elif line.value_kind == "plain":
            plain = (line, own)
        elif line.value_kind == "quoted":
            found = _Quote(c, no, line.value_col)
            quotes.append(found)
            if line.value_end < 0:
                quote = (found, line)
            else:
                found.close = (no, line.value_end - 1)
        elif line.value_kind == "flow":
            opened: list[_Bracket] = []
            line.value_end = _scan_flow(text, line.value_col, no, opened, brackets)
            if opened:
                flow = (opened, line)
    return _Source(lines, quotes, brackets)


# ------------------------------------------------------------------------------- messages
def _short(text: str, limit: int = 60) -> str:
    """``text`` cut in the middle when long (for fixes quoted in messages)."""
    text = text.strip()
    if len(text) <= limit:
        return text
    half = (limit - 3) // 2
    return f"{text[:half].rstrip()} … {text[-half:].lstrip()}"


def _quoted(text: str) -> str:
    """``text`` as a quoted YAML value: double quotes when possible, else single quotes."""
    text = text.strip()
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"


def _single_quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _indent_advice(spaces: int, like: str) -> str:
    if spaces == 0:
        return f"remove its indentation, like {like}"
    return f"indent it with {spaces} space{'s' if spaces != 1 else ''} like {like}"


def _plain_value(line: _Line) -> str:
    """The plain value written on ``line``, without a trailing comment."""
    text = line.text[line.value_col :]
    comment = re.search(r"[ \t]#", text)
    return (text[: comment.start()] if comment else text).strip()


def _item_text(line: _Line) -> str:
    """What follows the '- ' of an item line, without a trailing comment."""
    text = line.text[line.start :]
    comment = re.search(r"[ \t]#", text)
    return (text[: comment.start()] if comment else text).strip()


def _indicator(line: _Line) -> str:
    """The block indicator (``|``, ``>-``…) written on ``line``."""
    return line.text[line.value_col :].split()[0]


#: ``- name Prepare``: a lowercase field name, then text (the ':' was forgotten).
_FIELD_THEN_TEXT = re.compile(r"([a-z][a-z0-9_]*)[ \t]+\S")
_DASH_NO_SPACE = re.compile(r"-[^\s-]")
#: A line this long may have been wrapped by an editor (the next line continuing it).
_WRAPPED = 60
#: What a bug in a rule may raise: the parser's position is reported instead (tests set it
#: to ``()`` to see the bug).
_SAFETY_NET: tuple[type[Exception], ...] = (IndexError, KeyError, ValueError, AttributeError)


class _Diagnosis:
    """One parser error, read against the source it came from."""

    def __init__(self, text: str, error: yaml.MarkedYAMLError) -> None:
        self.problem = (error.problem or "").strip()
        self.context = (error.context or "").strip()
        self.source = _scan(text)
        mark = error.problem_mark or error.context_mark
        self.line = mark.line + 1 if mark else 1
        self.column = mark.column if mark else 0
        self.context_at: tuple[int, int] | None = None
        if error.context_mark is not None:
            self.context_at = (error.context_mark.line + 1, error.context_mark.column)

    # -------------------------------------------------------------------------- helpers
    def at(self, line: int, column: int, message: str) -> SyntaxProblem:
        """A problem at 0-based ``column`` of ``line``."""
        return SyntaxProblem(line, column + 1, _PREFIX + message)

    def char(self, line: int, column: int) -> str:
        found = self.source.line(line)
        return found.text[column : column + 1] if found else ""

    def kind(self) -> str:
        """The parser's complaint, the same for the C and the pure-Python parser."""
        problem, context = self.problem, self.context
        kinds = (
            ("tab character", "tab"),
            ("cannot start any token", "token"),
            ("could not find expected ':'", "colon"),
            ("mapping values are not allowed", "mapping_values"),
            ("sequence entries are not allowed", "sequence_entries"),
            ("mapping keys are not allowed", "mapping_keys"),
            ("did not find expected key", "misplaced"),
            ("'-' indicator", "misplaced"),
            ("expected <block end>", "misplaced"),
            ("',' or ']'", "flow"),
            ("',' or '}'", "flow"),
            ("node content", "node"),
            ("escape", "escape"),
            ("hexadecimal", "escape"),
            ("hexdecimal", "escape"),  # sic, libyaml
            ("another document", "document"),
            ("<document start>", "document"),
            ("undefined alias", "indicator"),
        )
        found = next((kind for words, kind in kinds if words in problem), None)
        if found is not None:
            return found
        if "end of stream" in problem and "quoted scalar" in context:
            return "quote_end"
        if any(words in context for words in ("block scalar", "alias", "anchor")):
            return "indicator"
        if "directive" in context:
            return "directive"
        return "other"

    # ----------------------------------------------------------------------------- rules
    def run(self) -> SyntaxProblem:
        """The problem to report: the first rule that recognises the mistake, else the
        parser's position with a general hint."""
        if self.char(self.line, self.column) == "\t":
            return self.at(self.line, self.column, "a tab character; indent with spaces")
        for quote in self.source.quotes:  # an unclosed quote swallowed the lines after it
            if (
                quote.swallowed_structure
                and quote.close is not None
                and quote.close[0] <= self.line <= quote.close[0] + 1
                and quote.close < (self.line, self.column)
            ):
                return self.unclosed_quote(quote.line, quote.col, quote.char)
        rules: dict[str, Callable[[], SyntaxProblem | None]] = {
            "token": self.rule_token,
            "indicator": self.rule_indicator,
            "mapping_keys": self.rule_mapping_keys,
            "directive": self.rule_directive,
            "escape": self.rule_escape,
            "document": self.rule_document,
            "sequence_entries": self.rule_sequence_entries,
            "quote_end": self.rule_quote_end,
            "flow": self.rule_flow,
            "node": self.rule_node,
            "colon": self.rule_colon,
            "mapping_values": self.rule_mapping_values,
            "misplaced": self.rule_misplaced,
        }
        rule = rules.get(self.kind())
        try:
            found = rule() if rule is not None else None
        except _SAFETY_NET:  # pragma: no cover - a bug here must not stop a build
            found = None
        return found or self.fallback()

    def fallback(self) -> SyntaxProblem:
        """The parser's position, with a hint by its complaint."""
        return self.at(self.line, self.column, _HINTS.get(self.kind(), _GENERAL_HINT))

    def cannot_start(self, line: int, column: int, what: str) -> SyntaxProblem:
        return self.at(line, column, f"a value cannot start with '{what}'; put the value in quotes")

    def rule_token(self) -> SyntaxProblem:
        """``owner: @team``, ```code```: characters YAML reserves."""
        return self.cannot_start(self.line, self.column, self.char(self.line, self.column))

    def rule_indicator(self) -> SyntaxProblem | None:
        """``*bold*``, ``&more``, ``> 50``: a value starting with a YAML indicator."""
        line, column = self.context_at or (self.line, self.column)
        char = self.char(line, column)
        return self.cannot_start(line, column, char) if char in "*&|>" and char else None

    def rule_mapping_keys(self) -> SyntaxProblem:
        """``tagline: ? maybe``."""
        return self.cannot_start(self.line, self.column, "? ")

    def rule_directive(self) -> SyntaxProblem:
        """A line starting with '%'."""
        line, column = self.context_at or (self.line, self.column)
        return self.at(line, column, "a line cannot start with '%'; put the text in quotes")

    def rule_escape(self) -> SyntaxProblem | None:
        """``"C:\\Users"``: a backslash in double quotes."""
        line = self.source.line(self.line)
        backslash = line.text.rfind("\\", 0, self.column + 1) if line else -1
        if line is None or backslash < 0:
            return None
        return self.at(
            self.line,
            backslash,
            f"'{line.text[backslash : backslash + 2]}' is not a valid escape in double quotes; "
            "write '\\\\' for a backslash, or put the text in single quotes",
        )

    def rule_document(self) -> SyntaxProblem | None:
        """A second document after '---' or '...', or a first line indented too much."""
        for line in reversed(self.source.lines[: self.line]):
            if line.kind == "document" and _DOCUMENT.match(line.text):
                return self.at(
                    line.no, 0, f"only one document per file: remove the '{line.text[:3]}' line"
                )
        here = self.source.line(self.line)
        return self.misplaced(here) if here is not None else None

    def rule_sequence_entries(self) -> SyntaxProblem | None:
        """``goals: - Close the books``."""
        line = self.source.line(self.line)
        if line is None:
            return None
        if line.key is None or line.text[line.colon_col + 1 : self.column].strip():
            return self.after_a_value(line) if line.text[: self.column].strip() else None
        return self.at(
            self.line,
            self.column,
            f"a list cannot start on the line of its key; put '{_short(line.text[self.column :])}'"
            f" on the next line, indented with {line.key_col + 2} spaces",
        )

    # ---------------------------------------------------------------- quotes and brackets
    def rule_quote_end(self) -> SyntaxProblem | None:
        """The file ends inside quotes: the opening quote is the culprit."""
        if self.context_at is None:
            return None
        char = self.char(*self.context_at)
        return self.unclosed_quote(*self.context_at, char) if char in ("'", '"') else None

    def unclosed_quote(self, line: int, column: int, char: str) -> SyntaxProblem:
        return self.at(
            line,
            column,
            f"the {char} that starts this text is not closed; add {char} at the end of the text",
        )

    def rule_flow(self) -> SyntaxProblem | None:
        """``[a, b`` not closed, or ``["a" "b"]`` without a comma."""
        if self.context_at is None:
            return None
        bracket = next(
            (b for b in self.source.brackets if (b.line, b.col) == self.context_at), None
        )
        if bracket is None:
            return None
        if bracket.close is not None and bracket.close > (self.line, self.column):
            mark = self.source.line(self.line)
            if self.line == bracket.line or (mark is not None and mark.kind == "flow"):
                return self.at(self.line, self.column, "a ',' is missing before this item")
        return self.unclosed_bracket(bracket)

    def unclosed_bracket(self, bracket: _Bracket) -> SyntaxProblem:
        return self.at(
            bracket.line,
            bracket.col,
            f"this '{bracket.char}' is not closed; add '{_CLOSERS[bracket.char]}' after the last "
            f"item of the {_BRACKET_WORDS[bracket.char]}",
        )

    def rule_node(self) -> SyntaxProblem | None:
        """A value is missing: ``[a, , b]``, or ``[`` at the end of the file."""
        here = (self.line, self.column)
        stray = self.stray_indicator()
        if stray is not None:
            return stray
        open_ = [
            b
            for b in self.source.brackets
            if (b.line, b.col) < here and (b.close is None or b.close >= here)
        ]
        if not open_:
            return None
        if self.char(*here) == ",":
            return self.at(*here, "an empty item between two commas; remove one ','")
        unclosed = [b for b in open_ if b.close is None]
        return self.unclosed_bracket(unclosed[-1]) if unclosed else None

    # ------------------------------------------------------------------ text without a key
    def rule_colon(self) -> SyntaxProblem | None:
        """Text where a key was expected, stopped at the next line (the parser's context
        mark is where the text began)."""
        if self.context_at is None:
            return None
        line = self.source.line(self.context_at[0])
        return self.plain_line(line, self.context_at[1]) if line is not None else None

    def plain_line(self, line: _Line, start: int) -> SyntaxProblem:
        """``line`` holds text (from column ``start``) where a key or an item was expected."""
        text = line.text
        above = self.source.before(line.no)
        if above is not None and above.kind == "block":
            found = self.after_block_text(line, self.source.owner(above))
            if found is not None:
                return found
        if text.startswith("-", start) and text[start + 1 : start + 2] not in ("", " ", "\t"):
            return self.dash_without_space(line.no, start)
        owner = self.source.owner(above) if above is not None else None
        if (
            owner is not None
            and owner.kind == "item"
            and owner.key is None
            and owner.dashes[-1] == start == line.indent
        ):
            return self.at(
                line.no,
                start,
                f"this list item has no '- ' in front; write '- {_short(text[start:])}'",
            )
        return self.missing_colon(line, start, above)

    def after_block_text(self, line: _Line, owner: _Line) -> SyntaxProblem | None:
        """``line`` ends the ``|`` or ``>`` text of ``owner`` by being indented less."""
        if not 0 <= line.indent < owner.block_indent:
            return None
        if line.indent == _parent_column(owner) and len(line.text.split()) == 1:
            return None  # a key without its colon ('quotes')
        indicator = _indicator(owner)
        content = [
            other
            for other in self.source.lines[owner.no : line.no - 1]
            if other.kind == "block" and other.text.strip()
        ]
        parent = _parent_column(owner)
        after = next((o for o in self.source.lines[line.no :] if o.kind != "blank"), None)
        usual = self.usual_offsets()[False]
        if (
            len(content) == 1
            and line.indent > parent
            and (
                (after is not None and after.indent == line.indent)
                or line.indent - parent == usual != content[0].indent - parent
            )
        ):
            return self.at(
                content[0].no,
                content[0].indent,
                f"the first line of the '{indicator}' text is indented more than the lines "
                f"below it; {_indent_advice(line.indent, 'them')}",
            )
        return self.at(
            line.no,
            line.indent,
            f"this line is outside the '{indicator}' text above it (it is indented less); "
            f"{_indent_advice(owner.block_indent, 'that text')}, or add ':' if it is a new key",
        )

    def dash_without_space(self, line: int, dash: int) -> SyntaxProblem:
        """``-"item"``: a '-' and no space."""
        found = self.source.line(line)
        item = _short(found.text[dash + 1 :]) if found else ""
        return self.at(
            line, dash + 1, f"a space is missing after the '-' of this list item; write '- {item}'"
        )

    def missing_colon(self, line: _Line, start: int, above: _Line | None) -> SyntaxProblem:
        """``tagline Runs the numbers``, ``Age:41``, ``goals``: a key without ': '."""
        rest = line.text[start:]
        comment = re.search(r"[ \t]#", rest)
        rest = (rest[: comment.start()] if comment else rest).rstrip()
        if rest[:1] in ("[", "{"):
            bracket = next(
                (b for b in self.source.brackets if (b.line, b.col) == (line.no, start)), None
            )
            if bracket is not None and bracket.close is None:
                return self.unclosed_bracket(bracket)
        if rest[:1] in ("'", '"') and _quote_end(rest, 1, rest[0]) < 0:
            return self.unclosed_quote(line.no, start, rest[0])
        no_space = _NO_SPACE.match(rest)
        if no_space:
            key_end = no_space.end(1)
            fixed = _short(f"{rest[:key_end]}: {rest[key_end + 1 :]}")
            return self.at(
                line.no, start + key_end + 1, f"a space is missing after the ':'; write '{fixed}'"
            )
        below = next(
            (o for o in self.source.lines[line.no :] if o.kind not in ("blank", "comment")), None
        )
        children = below is not None and below.indent > start and below.kind in ("key", "item")
        if children:
            key_end = len(rest)  # the whole line is the key of what is indented under it
        elif rest[:1] in ("'", '"'):
            end = _quote_end(rest, 1, rest[0])
            key_end = end + 1 if end > 0 else len(rest)
        else:
            space = re.search(r"[ \t]", rest)
            key_end = space.start() if space else len(rest)
        value = rest[key_end:].strip()
        fixed = _short(f"{rest[:key_end]}: {value}" if value else f"{rest[:key_end]}:")
        message = f"a ':' is missing after the key; write '{fixed}'"
        if above is not None and len(above.text) >= _WRAPPED and not children:
            owner = self.source.owner(above)
            if owner.value_kind == "plain" and line.indent <= _parent_column(owner):
                message += ", or indent it if it continues the text above"
        return self.at(line.no, start + key_end, message)

    # ------------------------------------------------------------- a ':' where none can be
    def rule_mapping_values(self) -> SyntaxProblem | None:
        """A ': ' the parser cannot take as a key: inside a value, or after text that began
        on a line above (a key without its colon, or a key indented under a value)."""
        line = self.source.line(self.line)
        if line is None:
            return None
        if line.colon_col >= 0 and self.column > line.colon_col:
            return self.colon_in_value(line)
        above = self.source.before(line.no)
        if line.colon_col != self.column:  # e.g. in quotes after a '- ' read as more text
            return self.plain_line(above, above.start) if above and above.kind == "text" else None
        first: _Line | None = None
        above = None
        for candidate in reversed(self.source.lines[: line.no - 1]):
            if candidate.kind == "blank":
                continue
            if candidate.kind in ("text", "cont") and candidate.indent >= line.indent:
                first = candidate
                continue
            above = candidate
            break
        if first is not None and first.kind == "text":
            return self.plain_line(first, first.start)
        return self.misplaced(line, above)

    def colon_in_value(self, line: _Line) -> SyntaxProblem:
        """``tagline: Goal: close by day 6``."""
        if line.dashes and line.key is not None and not re.fullmatch(r"[a-z_][a-z0-9_]*", line.key):
            fixed, where = f"- {_quoted(_short(_item_text(line), 80))}", "the whole item"
        else:
            value = _quoted(_short(_plain_value(line), 80))
            fixed, where = line.text[line.start : line.value_col] + value, "the value"
        return self.at(
            self.line,
            self.column,
            f"a ': ' inside text that is not in quotes; put {where} in quotes: {fixed}",
        )

    # ---------------------------------------------------------------------- indentation
    def rule_misplaced(self) -> SyntaxProblem | None:
        """The parser found something where only a key (or only an item) can be."""
        line = self.source.line(self.line)
        if line is None:
            return None
        stray = self.stray_indicator()
        if stray is not None:
            return stray
        if line.text[: self.column].strip():
            return self.after_a_value(line)
        return self.misplaced(line)

    def stray_indicator(self) -> SyntaxProblem | None:
        """A ']', '}' or ',' outside any brackets."""
        here = (self.line, self.column)
        char = self.char(*here)
        inside = any(
            (b.line, b.col) < here and (b.close is None or b.close > here)
            for b in self.source.brackets
        )
        if char in ("]", "}") and not inside:
            opener = "[" if char == "]" else "{"
            return self.at(*here, f"this '{char}' has no '{opener}' to close; remove it")
        if char == "," and not inside:
            return self.at(*here, "this ',' is not inside [brackets]; remove it")
        return None

    def misplaced(self, line: _Line, above: _Line | None = None) -> SyntaxProblem | None:
        """``line`` is a key or item at an indentation where it cannot be."""
        if line.kind == "text":
            return self.plain_line(line, line.start)
        if line.kind not in ("key", "item"):
            return None
        if line.key == "":
            return self.at(line.no, line.key_col, "a ':' with no key before it; remove it")
        if _DASH_NO_SPACE.match(line.text, line.indent):
            return self.dash_without_space(line.no, line.indent)
        found = self.sibling_without_space(line)
        if found is not None:
            return found
        sibling = self.sibling(line)
        if sibling is not None and sibling.kind == "text":
            return self.plain_line(sibling, sibling.start)
        above = above or self.source.before(line.no)
        owner = self.source.owner(above) if above is not None else None
        if owner is not None and owner.kind == "text" and line.dashes:
            return self.at(
                owner.no,
                owner.indent,
                f"this list item has no '- ' in front; write '- {_short(_item_text(owner))}'",
            )
        if owner is not None and owner.key is not None and _DASH_NO_SPACE.match(owner.key):
            return self.dash_without_space(owner.no, owner.key_col)
        if owner is not None and owner.value_col >= 0:
            found = self.under_a_value(line, owner)
            if found is not None:
                return found
        for other in reversed(self.source.lines[: line.no - 1]):
            if other.owner:
                continue
            if line.dashes and other.dashes and other.dashes[0] != line.dashes[0]:
                return self.not_lined_up(line, other)
            if not line.dashes and other.key is not None and other.key_col != line.key_col:
                return self.not_lined_up(line, other)
        return None

    def sibling(self, line: _Line) -> _Line | None:
        """The nearest line above ``line`` at the same indentation (None if there is none
        before a line indented less)."""
        for other in reversed(self.source.lines[: line.no - 1]):
            if other.kind in ("blank", "comment") or other.owner or other.indent > line.indent:
                continue
            return other if other.indent == line.indent else None
        return None

    def not_lined_up(self, line: _Line, other: _Line) -> SyntaxProblem:
        """``line`` and the ``other`` line above it should line up; say which one to move."""
        found = self.item_out_of_line(line, other)
        if found is not None:
            return found
        odd_first = self.odd_first(line, other)
        if line.dashes:
            if odd_first:
                return self.at(
                    other.no,
                    other.dashes[0],
                    f"this '-' is not lined up with the items below it (line {line.no}); "
                    f"{_indent_advice(line.dashes[0], 'them')}",
                )
            return self.at(
                line.no,
                line.dashes[0],
                f"this '-' is not lined up with the '-' on line {other.no}; "
                f"{_indent_advice(other.dashes[0], 'that one')}",
            )
        if odd_first:
            return self.at(
                other.no,
                other.key_col,
                f"'{other.key}' is not lined up with the keys below it ('{line.key}', line "
                f"{line.no}); {_indent_advice(line.key_col, 'them')}",
            )
        return self.at(
            line.no,
            line.key_col,
            f"'{line.key}' is not lined up with '{other.key}' (line {other.no}); "
            f"{_indent_advice(other.key_col, repr(other.key))}",
        )

    def item_out_of_line(self, line: _Line, item: _Line) -> SyntaxProblem | None:
        """``- text: …`` indented one space too many or too few, so that the key under it
        (``source:``, ``line``) no longer lines up with ``text``: move the item."""
        if line.dashes or not item.dashes or item.key is None or not self.first_of_group(item):
            return None
        dash = line.key_col - (item.key_col - item.dashes[-1])
        above = self.source.before(item.no)
        usual = self.usual_offsets()[True]
        if above is None or above.kind != "key" or dash - above.key_col != usual:
            return None
        return self.at(
            item.no,
            item.dashes[-1],
            f"this item is not lined up with '{line.key}' below it (line {line.no}); indent "
            f"the '-' with {dash} space{'s' if dash != 1 else ''}, so that '{item.key}' lines "
            f"up with '{line.key}'",
        )

    def odd_first(self, line: _Line, other: _Line) -> bool:
        """Whether ``other``, the first key or item of its group, is the one out of line
        (rather than ``line`` below it)."""
        return (
            bool(line.dashes) == bool(other.dashes)
            and self.first_of_group(other)
            and (self.has_siblings(line) or self.fits_better(line, other))
        )

    def first_of_group(self, line: _Line) -> bool:
        """Whether ``line`` is the first key or item of its mapping or list."""
        above = self.source.before(line.no)
        if above is None or above.kind == "document":
            return True
        owner = self.source.owner(above)
        return (
            owner.kind in ("key", "item")
            and owner.value_col < 0
            and _parent_column(owner) < line.indent
        )

    def fits_better(self, line: _Line, other: _Line) -> bool:
        """Whether ``line`` has the indentation the file usually gives the first key or item
        under a key, and ``other`` (the first one under its key) does not."""
        above = self.source.before(other.no)
        if above is None or above.kind == "document":
            return line.indent == 0 < other.indent  # the top level is not indented
        if above.kind != "key":
            return False
        usual = self.usual_offsets()[bool(line.dashes)]
        return line.indent - above.key_col == usual and other.indent - above.key_col != usual

    def usual_offsets(self) -> dict[bool, int]:
        """How far the file usually indents the first item (True) or key (False) under a
        key with no value on its line."""
        counts = {True: Counter({2: 1}), False: Counter({2: 1})}  # 2 unless the file says
        previous: _Line | None = None
        for line in self.source.lines:
            if line.kind in ("blank", "comment") or line.owner:
                continue
            if (
                previous is not None
                and previous.kind == "key"
                and previous.value_col < 0
                and line.kind in ("key", "item")
                and line.indent >= previous.key_col
            ):
                counts[bool(line.dashes)][line.indent - previous.key_col] += 1
            previous = line
        return {kind: c.most_common(1)[0][0] for kind, c in counts.items()}

    def has_siblings(self, line: _Line) -> bool:
        """Whether the next line not indented more than ``line`` lines up with it."""
        for other in self.source.lines[line.no :]:
            if other.kind in ("blank", "comment") or other.owner or other.indent > line.indent:
                continue
            return other.indent == line.indent and bool(other.dashes) == bool(line.dashes)
        return False

    def under_a_value(self, line: _Line, owner: _Line) -> SyntaxProblem | None:
        """``line`` is indented under ``owner``, which has a value on its own line."""
        if line.dashes:
            if owner.key is None or line.dashes[0] < owner.key_col:
                return None
            if owner.value_kind == "block":
                return self.at(
                    line.no,
                    line.dashes[0],
                    f"this list item follows the '{_indicator(owner)}' text of '{owner.key}' "
                    f"(line {owner.no}) instead of a key; add the list's key above it",
                )
            value = _short(owner.text[owner.value_col :])
            return self.at(
                owner.no,
                owner.value_col,
                f"'{owner.key}' has a value on its line and a list below it; write the value "
                f"as the first item of the list ('- {value}') or remove it",
            )
        if owner.key is not None:
            if line.indent <= owner.key_col:
                return None
            found = self.item_out_of_line(line, owner)
            if found is not None:
                return found
            if self.odd_first(line, owner):
                return self.not_lined_up(line, owner)
            return self.at(
                line.no,
                line.key_col,
                f"'{line.key}' is indented under '{owner.key}' (line {owner.no}), which already "
                f"has a value; line it up with '{owner.key}', or remove the value on line "
                f"{owner.no} to put '{line.key}' inside '{owner.key}'",
            )
        if owner.dashes and line.indent > owner.dashes[-1]:
            return self.item_without_key(owner, line)
        return None

    def item_without_key(self, item: _Line, line: _Line) -> SyntaxProblem:
        """``- Prepare`` with ``emotion: 1`` under it: the item needs a key."""
        text = _item_text(item)
        no_space = _NO_SPACE.match(text)
        field = _FIELD_THEN_TEXT.match(text)
        if no_space or field:
            return self.missing_colon(item, item.start, None)
        value = _short(text)
        return self.at(
            line.no,
            line.key_col,
            f"'{line.key}' is indented under the list item '- {value}' (line {item.no}), "
            f"which is plain text; give that item a key, e.g. '- name: {value}'",
        )

    def sibling_without_space(self, line: _Line) -> SyntaxProblem | None:
        """A line above at this indentation starts with '-' and no space (``-name: x``)."""
        for other in reversed(self.source.lines[: line.no - 1]):
            if other.kind in ("blank", "comment") or other.owner:
                continue
            if other.indent < line.indent:
                return None
            if other.indent == line.indent and _DASH_NO_SPACE.match(other.text, other.indent):
                return self.dash_without_space(other.no, other.indent)
        return None

    # ----------------------------------------------------------------- text after a value
    def after_a_value(self, line: _Line) -> SyntaxProblem:
        """Text follows a complete value on ``line`` (the parser stopped at the text)."""
        column = self.column
        quotes = [q for q in self.source.quotes if q.close and q.close[0] == line.no]
        for quote in quotes:
            assert quote.close is not None
            if quote.close[1] >= column:
                continue
            if quote.line != line.no and quote.swallowed_structure:
                return self.unclosed_quote(quote.line, quote.col, quote.char)
            if quote.close[1] + 1 == column and quote.char in line.text[column:]:
                return self.quote_inside_quotes(line, quote)
        opener = self.source.owner(line)
        if opener.value_kind == "flow" and 0 < line.value_end <= column:
            closer = line.text[line.value_end - 1]
            if line.text[column] == ",":
                return self.at(
                    line.no, column, f"a ',' after the '{closer}' that ends the value; remove it"
                )
            word = _BRACKET_WORDS.get(opener.text[opener.value_col], "list")
            value = _short(line.text[opener.value_col :]) if opener is line else ""
            return self.at(
                line.no,
                column,
                f"text after the '{closer}' that ends the {word}; put the whole value in quotes "
                f"if it is text" + (f" ({_quoted(value)})" if value else ""),
            )
        last = next((q for q in reversed(quotes) if q.close and q.close[1] < column), None)
        if last is None:
            return self.at(
                line.no, column, "unexpected text after a value; put the whole value in quotes"
            )
        value = line.text[last.col :].strip() if last.line == line.no else ""
        if last.char == '"':
            where, fix = "single quotes", _single_quoted(_short(value))
        else:
            where, fix = "double quotes", _quoted(_short(value))
        return self.at(
            line.no,
            column,
            f"text after the closing {last.char}; put the whole value in {where}"
            + (f" ({fix})" if value else ""),
        )

    def quote_inside_quotes(self, line: _Line, quote: _Quote) -> SyntaxProblem:
        """``'Pete's plan'``, ``"She said "no""``: the quote character inside the text."""
        assert quote.close is not None
        at = quote.close[1]
        value = line.text[quote.col :].rstrip() if quote.line == line.no else ""
        inner = value[1:-1] if len(value) > 1 and value.endswith(quote.char) else value[1:]
        if quote.char == "'":
            if not inner:
                fix = "double it ('') or put the text in double quotes"
            elif '"' in inner:
                fix = f"double it ({_single_quoted(_short(inner))})"
            else:
                fix = (
                    f"double it ({_single_quoted(_short(inner))}) or put the text in double "
                    f'quotes ("{_short(inner)}")'
                )
            return self.at(line.no, at, f"this apostrophe ends the quoted text early; {fix}")
        fix = 'write it as \\" or put the text in single quotes'
        if inner:
            fix += f" ({_single_quoted(_short(inner))})"
        return self.at(line.no, at, f'this " ends the quoted text early; {fix}')


def diagnose(text: str, error: yaml.YAMLError) -> SyntaxProblem:
    """Where the mistake behind ``error`` is in ``text``, and how to fix it.

    ``error`` is what PyYAML raised while reading ``text`` (with either parser). The message
    starts with ``invalid YAML: ``; line and column are 1-based and point at the place to
    change, which is often above the place where the parser stopped.
    """
    if isinstance(error, yaml.reader.ReaderError):
        before = text[: error.position]
        line = before.count("\n") + 1
        column = error.position - (before.rfind("\n") + 1) + 1
        return SyntaxProblem(
            line,
            column,
            f"{_PREFIX}contains the control character #x{error.character:04x}, which YAML "
            "does not allow; delete it",
        )
    if isinstance(error, yaml.MarkedYAMLError):
        return _Diagnosis(text, error).run()
    return SyntaxProblem(1, 1, f"{_PREFIX}{error}")  # pragma: no cover
