"""What the image builder makes: sizes, file formats, encoder settings and the avatar palette.

Encoder settings are fixed (and part of every cache key) so that output is reproducible.
"""

from __future__ import annotations

import zlib
from typing import Any

from PIL import features

AVATAR_SIZES: tuple[int, ...] = (96, 256)
"""Square avatar sizes (px) that templates use."""

SOCIAL_SIZE: tuple[int, int] = (1200, 630)
"""Width and height (px) of a social preview card."""


CACHE_VERSION: int = 4
"""Part of every cache key; bump it whenever rendering output changes."""

_WEBP_SUPPORTED: bool = bool(features.check("webp"))

IMAGE_FORMAT: str = "WEBP" if _WEBP_SUPPORTED else "PNG"
"""Pillow format name used for avatars (social cards are always PNG)."""

IMAGE_SUFFIX: str = ".webp" if _WEBP_SUPPORTED else ".png"
"""File suffix of avatar files: ``.webp``, or ``.png`` where Pillow lacks WebP."""

AVATAR_PALETTE: tuple[str, ...] = (
    "#b91c1c",
    "#c2410c",
    "#a16207",
    "#15803d",
    "#047857",
    "#0f766e",
    "#0e7490",
    "#1d4ed8",
    "#4338ca",
    "#6d28d9",
    "#a21caf",
    "#be185d",
)
"""Initials-avatar backgrounds; each has a contrast ratio of at least 4.5 with white."""

_AVATAR_TEXT = "#ffffff"
_MAX_OUTPUT_SIDE = 4096

# Encoder settings are fixed (and part of the cache key) so output is reproducible.
_PHOTO_PARAMS: dict[str, Any] = (
    {"quality": 82, "alpha_quality": 100, "method": 4, "lossless": False}
    if _WEBP_SUPPORTED
    else {"compress_level": 9, "optimize": False}
)
# Lossless WebP at method 2 gave the same bytes as method 4 for every initials avatar we
# tried, a quarter faster.
_FLAT_PARAMS: dict[str, Any] = (
    {"quality": 80, "method": 2, "lossless": True}
    if _WEBP_SUPPORTED
    else {"compress_level": 9, "optimize": False}
)
_CARD_ZLIB_LEVEL = 3
_CARD_PARAMS: dict[str, Any] = {
    "png": "rows unfiltered",
    "zlib_level": _CARD_ZLIB_LEVEL,
    "zlib": zlib.ZLIB_RUNTIME_VERSION,
}
"""How a social card's PNG is written (see :func:`.draw._encode_png`): part of its cache key,
with the zlib library, since another zlib may deflate the same rows into other bytes."""
