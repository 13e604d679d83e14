"""Text on images: initials, avatar colours, contrast, and fonts that can draw a name.

The bundled DejaVu fonts come first; for a name they cannot draw, the ``font`` option and then
fontconfig are asked (see :func:`system_face`). Names no font can draw are left off rather than
drawn as boxes.
"""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
import subprocess
import threading
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from .formats import AVATAR_PALETTE

_Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


# ------------------------------------------------------------------ text and colour


def _first_alnum(word: str) -> str:
    for ch in word:
        if ch.isalnum():
            return ch
    return ""


def _upper1(ch: str) -> str:
    upper = ch.upper()
    return upper if len(upper) == 1 else ch


def initials(name: str) -> str:
    """Initials for an avatar: first letters of the first and last words, uppercased.

    Words without a letter or digit (e.g. ``"-"``) are ignored and leading
    punctuation is skipped, so ``"Hannah Hill"`` gives ``"HH"``, ``"Margie"``
    gives ``"M"``, ``"<script>"`` gives ``"S"`` and ``""`` gives ``""``.
    """
    letters = [
        letter
        for letter in (_first_alnum(word) for word in unicodedata.normalize("NFC", name).split())
        if letter
    ]
    if not letters:
        return ""
    if len(letters) == 1:
        return _upper1(letters[0])
    return _upper1(letters[0]) + _upper1(letters[-1])


def avatar_colour(persona_id: str) -> str:
    """Background colour (``"#rrggbb"``) for a persona's initials avatar.

    Chosen deterministically from :data:`AVATAR_PALETTE` by hashing the id, so
    it is stable across builds, machines and Python versions.
    """
    digest = hashlib.sha256(persona_id.encode("utf-8", "surrogatepass")).digest()
    return AVATAR_PALETTE[int.from_bytes(digest[:8], "big") % len(AVATAR_PALETTE)]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours (1 to 21)."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


_FONTS = threading.local()  # FreeType faces are not safe to share between threads


#: DejaVu Sans cut down to Latin, Greek and Cyrillic (see ``scripts/subset_fonts.py``).
FONT_DIR = Path(__file__).parent / "fonts"
_FONT_FILES = {False: FONT_DIR / "DejaVuSans.ttf", True: FONT_DIR / "DejaVuSans-Bold.ttf"}

#: A font other than the bundled one: ``(file, index in a collection)``. ``None`` stands for
#: the bundled DejaVu Sans.
Face = tuple[str, int]


def _font(size: int, bold: bool = False, face: Face | None = None) -> _Font:
    """The bundled font (or ``face``) at ``size`` pixels; Pillow's own if FreeType is missing."""
    cache: dict[tuple[int, bool, Face | None], _Font] | None = getattr(_FONTS, "cache", None)
    if cache is None:
        cache = {}
        _FONTS.cache = cache
    key = (size, bold, face)
    font = cache.get(key)
    if font is None:
        try:
            if face is not None:
                font = ImageFont.truetype(face[0], max(1, size), index=face[1])
            else:
                font = ImageFont.truetype(str(_FONT_FILES[bold]), max(1, size))
        except (OSError, ImportError):  # no FreeType in this Pillow, or no font file
            try:
                font = ImageFont.load_default(size=max(1, size))
            except Exception:
                font = ImageFont.load_default()
        cache[key] = font
    return font


_DRAWABLE: dict[tuple[Face | None, str], bool] = {}
#: An unassigned code point: every font draws its "missing glyph" (.notdef) for it.
_NOTDEF_PROBE = "\u0378"
#: What to draw for punctuation the font lacks (only Pillow's ASCII fallback font does).
_PUNCTUATION_FALLBACK: dict[str, str] = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": ",",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u00a0": " ",
    "\u2022": "-",
}


def _glyph_pixels(font: _Font, ch: str) -> bytes:
    probe = Image.new("L", (96, 96))
    ImageDraw.Draw(probe).text((8, 4), ch, font=font, fill=255)
    return probe.tobytes()


def _drawable(ch: str, face: Face | None = None) -> bool:
    """Whether the bundled font (or ``face``) has a glyph for ``ch`` (cached).

    A missing glyph is drawn as the font's .notdef glyph (a box, or nothing), which is what
    the font draws for an unassigned code point: a character drawn exactly like that is
    missing. Space and (in the bundled font) printable ASCII are always there.
    """
    known = _DRAWABLE.get((face, ch))
    if known is None:
        if ch == " " or (face is None and ch.isascii() and ch.isprintable()):
            known = True
        else:
            try:
                font = _font(48, face=face)
                drawn = _glyph_pixels(font, ch)
                known = drawn != _glyph_pixels(font, _NOTDEF_PROBE) and any(drawn)
            except Exception:
                known = False
        _DRAWABLE[(face, ch)] = known
    return known


# The texts below are cleaned and checked once per process: a build draws each persona's name
# and tagline twice (avatar and card) and the same type labels and site name on every card.
_TEXT_MEMO = 4096


@functools.lru_cache(maxsize=_TEXT_MEMO)
def _clean(text: str) -> str:
    """``text`` on one line: NFC, control characters removed, white space collapsed."""
    text = unicodedata.normalize("NFC", text)
    cleaned: list[str] = []
    for ch in text:
        category = unicodedata.category(ch)
        if ch.isspace() or category in ("Zl", "Zp"):
            cleaned.append(" ")
        elif category in ("Cc", "Cs", "Co", "Cn"):
            continue
        else:
            cleaned.append(ch)
    return " ".join("".join(cleaned).split())


def _approximate(ch: str, face: Face | None = None) -> str | None:
    """What to draw for ``ch`` with the bundled font (or ``face``): itself, an ASCII stand-in
    for typographic punctuation, the letter without its accents, or ``None`` (nothing)."""
    if _drawable(ch, face):
        return ch
    if ch in _PUNCTUATION_FALLBACK:
        return _PUNCTUATION_FALLBACK[ch]
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    if base and all(_drawable(c, face) for c in base):
        return base
    return None


@functools.lru_cache(maxsize=_TEXT_MEMO)
def _displayable(text: str, face: Face | None = None) -> str:
    """Plain text made safe for drawing on one line with the bundled font (or ``face``).

    Control characters are removed and whitespace is collapsed. Characters the font lacks
    are drawn as near as it can (see :func:`_approximate`); characters with no such fallback
    are left out: they are never drawn as boxes.
    """
    drawn = (_approximate(ch, face) for ch in _clean(text))
    return " ".join("".join(d for d in drawn if d).split())


def release_text_memos() -> None:
    """Forget the texts cleaned and checked so far (a one-off build is done with them)."""
    _clean.cache_clear()
    _displayable.cache_clear()
    _missing_chars.cache_clear()


def _missing(text: str, face: Face | None = None) -> list[str]:
    """The characters of ``text`` that ``face`` cannot draw, not even approximately."""
    return list(_missing_chars(text, face))


@functools.lru_cache(maxsize=_TEXT_MEMO)
def _missing_chars(text: str, face: Face | None) -> tuple[str, ...]:
    return tuple(ch for ch in dict.fromkeys(_clean(text)) if _approximate(ch, face) is None)


_SYSTEM_FACES: dict[str, Face | None] = {}
_SYSTEM_LOCK = threading.Lock()


def system_face(chars: Iterable[str]) -> Face | None:
    """A font installed on this machine that has every one of ``chars``, found by asking
    fontconfig (``fc-match``), or ``None`` (also when fontconfig is not installed).

    The answer is cached per set of characters for the life of the process, so a build asks
    at most once per name; nothing is run when every character is in the bundled font.
    """
    wanted = "".join(sorted(set(chars)))
    if not wanted:
        return None
    with _SYSTEM_LOCK:
        if wanted in _SYSTEM_FACES:
            return _SYSTEM_FACES[wanted]
    face: Face | None = None
    program = shutil.which("fc-match")
    if program is not None:
        charset = " ".join(f"{ord(ch):x}" for ch in wanted)
        try:
            done = subprocess.run(
                [program, "-f", "%{file}\\n%{index}", f":charset={charset}"],
                capture_output=True,
                text=True,
                timeout=20,
                check=False,
            )
            lines = done.stdout.splitlines()
            if done.returncode == 0 and lines and lines[0]:
                index = int(lines[1]) if len(lines) > 1 and lines[1].isdigit() else 0
                found = (lines[0], index)
                if all(_drawable(ch, found) for ch in wanted):
                    face = found
        except (OSError, subprocess.SubprocessError, ValueError):
            face = None
    with _SYSTEM_LOCK:
        _SYSTEM_FACES[wanted] = face
    return face


def _face_for(text: str, font: Path | None) -> tuple[Face | None, bool]:
    """The font to draw ``text`` with, and whether it can draw all of it.

    The bundled font when it can (accents may be dropped, typographic punctuation made
    ASCII); else ``font`` (the configured one) if it has every character; else a system
    font that has them (see :func:`system_face`); else the bundled font, and ``False``.
    """
    missing = _missing(text)
    if not missing:
        return None, True
    needed = [ch for ch in dict.fromkeys(_clean(text)) if ch != " "]
    if font is not None:
        configured: Face = (str(font), 0)
        if Path(font).is_file() and all(_drawable(ch, configured) for ch in needed):
            return configured, True
    found = system_face(needed)
    if found is not None:
        return found, True
    return None, False


def _face_key(face: Face | None) -> list[Any] | None:
    """What identifies a font file in a cache key: path, index, size and modification time."""
    if face is None:
        return None
    try:
        st = os.stat(face[0])
        return [face[0], face[1], st.st_size, st.st_mtime_ns]
    except OSError:
        return [face[0], face[1]]
