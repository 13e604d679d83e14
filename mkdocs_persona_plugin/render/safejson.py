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
