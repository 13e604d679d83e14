"""Where to crop a persona photo to a square: the ``photo_focus`` field.

A focus is a point ``(x, y)`` of the photo given as fractions of its width and height; the
square crop is centred on it as far as the photo's edges allow. Without a ``photo_focus`` the
point is :data:`DEFAULT_FOCUS`, in the upper third, where a portrait has the face (a centred
crop cuts the head off a tall photo). This module has no dependencies (the models use it).
"""

from __future__ import annotations

import re

__all__ = [
    "DEFAULT_FOCUS",
    "FOCUS_HELP",
    "FOCUS_PATTERN",
    "Focus",
    "crop_box",
    "parse_focus",
]

Focus = tuple[float, float]

#: The point kept in view when a persona has no ``photo_focus``: centred, one third down.
DEFAULT_FOCUS: Focus = (0.5, 1 / 3)

_WORDS: dict[str, Focus] = {"top": (0.5, 0.0), "center": (0.5, 0.5), "bottom": (0.5, 1.0)}
_FRACTION = r"(?:0(?:\.[0-9]+)?|1(?:\.0+)?)"
#: ``photo_focus`` as a regular expression (the JSON Schema uses the same one).
FOCUS_PATTERN = rf"^(?:top|center|bottom|{_FRACTION}, ?{_FRACTION})$"
_FOCUS = re.compile(FOCUS_PATTERN)
#: What a valid ``photo_focus`` looks like, for error messages.
FOCUS_HELP = (
    "expected top, center, bottom or 'x,y' with two fractions from 0 to 1 "
    "(x from the left, y from the top), e.g. '0.5,0.3'"
)


def parse_focus(text: str) -> Focus:
    """The point a ``photo_focus`` value names; :class:`ValueError` (:data:`FOCUS_HELP`) if it
    is not valid."""
    if not isinstance(text, str) or not _FOCUS.match(text):
        raise ValueError(FOCUS_HELP)
    if text in _WORDS:
        return _WORDS[text]
    x, y = (float(part) for part in text.split(","))
    return (x, y)


def _start(length: int, side: int, at: float) -> int:
    """Where a ``side``-long window centred on ``at`` (a fraction) starts, inside ``length``."""
    centre = at * length
    return max(0, min(length - side, round(centre - side / 2)))


def crop_box(width: int, height: int, focus: Focus | None = None) -> tuple[int, int, int, int]:
    """The largest square of a ``width`` x ``height`` image around ``focus`` (or
    :data:`DEFAULT_FOCUS`), as ``(left, top, right, bottom)``."""
    fx, fy = focus if focus is not None else DEFAULT_FOCUS
    side = min(width, height)
    left, top = _start(width, side, fx), _start(height, side, fy)
    return (left, top, left + side, top + side)
