"""JSON that stays inert when pasted into HTML."""

from __future__ import annotations

import json
import re
from typing import Any

_UNSAFE = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_UNSAFE_RE = re.compile("[<>&\u2028\u2029]")


def inert_json(data: Any, *, indent: int | None = 2) -> str:
    """Deterministic JSON with ``<``, ``>``, ``&`` and the JavaScript line separators written
    as ``\\uXXXX`` escapes.

    They can only occur inside JSON strings, so the meaning is unchanged, while ``</script>``
    or ``<!--`` can never appear in the text, even when someone inlines it into a page.
    """
    separators = (",", ":") if indent is None else (",", ": ")
    text = json.dumps(
        data, ensure_ascii=False, indent=indent, separators=separators, allow_nan=False
    )
    return _UNSAFE_RE.sub(lambda m: _UNSAFE[m.group(0)], text)


def inert_json_item(item: Any, *, indent: int | None = 2) -> str:
    """:func:`inert_json` of ``item`` laid out as an item of the list that
    :func:`inert_json_spliced` puts last in its document (two levels deep)."""
    text = inert_json(item, indent=indent)
    if indent is None:
        return text
    inner = "\n" + " " * (2 * indent)
    return inner + text.replace("\n", inner)


def inert_json_spliced(data: dict[str, Any], *, indent: int | None = 2) -> str:
    """:func:`inert_json` of ``data`` whose last value is a list of items given as their
    own JSON texts (each from :func:`inert_json_item` with the same ``indent``): the same text
    as encoding the items in place, without encoding them again.

    A large document (every persona's record) is rebuilt from the texts of its records, most
    of them kept from an earlier build (:mod:`.reuse`).
    """
    return "".join(inert_json_spliced_parts(data, indent=indent))


def inert_json_spliced_parts(data: dict[str, Any], *, indent: int | None = 2) -> list[str]:
    """The text of :func:`inert_json_spliced` in parts, the items' texts among them: a
    host that compresses or writes the parts one by one never holds the megabytes of the
    whole document (see :meth:`.site.BuildContext.text_file`)."""
    *_, key = data
    texts = data[key]
    head = inert_json({**data, key: []}, indent=indent)
    end = "[]}" if indent is None else "[]\n}"
    assert head.endswith(end)
    if not texts:
        return [head]
    parts = [head[: -len(end)], "["]
    for i, text in enumerate(texts):
        parts += (",", text) if i else (text,)
    parts.append("]" if indent is None else "\n" + " " * indent + "]")
    parts.append(end[2:])
    return parts
