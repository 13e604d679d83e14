"""Avatar and social-preview images for persona pages.

This module is host-independent: it uses Pillow only and never imports MkDocs,
so it can be used (and tested) without a site build.

Three kinds of derived image are produced:

* **Photo avatars** - a persona photo, EXIF-orientation corrected, converted to
  sRGB, cropped to a square around its focus point (the upper third unless the
  persona says otherwise, see :mod:`.crop`) and resized to each of :data:`AVATAR_SIZES`.
* **Initials avatars** - used when a persona has no photo: the persona's
  initials in white on a background colour (see :mod:`.avatar_labels`, which
  keeps them apart within a handbook).
* **Social cards** - a :data:`SOCIAL_SIZE` PNG with the avatar, name, tagline,
  type label and site name, for ``og:image`` / ``twitter:image``.

Every derived file lives in a cache directory under a name that contains a hash
of *all* its inputs (source bytes, sizes, text, colours, encoder settings,
:data:`CACHE_VERSION` and the Pillow version), so an unchanged input is never
re-rendered and a changed one can never be served stale. Output is
deterministic: the same inputs give byte-identical files, with no metadata.
Bump :data:`CACHE_VERSION` whenever the rendering code changes its output.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import shutil
import stat
import subprocess
import tempfile
import threading
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import PIL
from PIL import Image, ImageDraw, ImageFont, ImageOps, UnidentifiedImageError, features

from .crop import DEFAULT_FOCUS, Focus, crop_box

__all__ = [
    "AVATAR_PALETTE",
    "AVATAR_SIZES",
    "CACHE_VERSION",
    "IMAGE_FORMAT",
    "IMAGE_SUFFIX",
    "MAX_PIXELS",
    "SOCIAL_SIZE",
    "CacheStats",
    "ImageCache",
    "Look",
    "PhotoError",
    "avatar_colour",
    "contrast_ratio",
    "initials",
    "verify_photo",
]

AVATAR_SIZES: tuple[int, ...] = (96, 256)
"""Square avatar sizes (px) that templates use."""

SOCIAL_SIZE: tuple[int, int] = (1200, 630)
"""Width and height (px) of a social preview card."""

MAX_PIXELS: int = 40_000_000
"""Largest photo (width x height) we agree to decode; bigger ones are refused."""

CACHE_VERSION: int = 3
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

# Photo formats we accept. Restricting Image.open() keeps exotic decoders (and
# EPS, which shells out to Ghostscript) away from user-supplied files.
_INPUT_FORMATS: tuple[tuple[str, str], ...] = (
    ("JPEG", "JPEG"),
    ("MPO", "JPEG"),
    ("PNG", "PNG"),
    ("WEBP", "WebP"),
    ("GIF", "GIF"),
    ("AVIF", "AVIF"),
    ("BMP", "BMP"),
    ("TIFF", "TIFF"),
)

# Encoder settings are fixed (and part of the cache key) so output is reproducible.
_PHOTO_PARAMS: dict[str, Any] = (
    {"quality": 82, "alpha_quality": 100, "method": 4, "lossless": False}
    if _WEBP_SUPPORTED
    else {"compress_level": 9, "optimize": False}
)
_FLAT_PARAMS: dict[str, Any] = (
    {"quality": 80, "method": 4, "lossless": True}
    if _WEBP_SUPPORTED
    else {"compress_level": 9, "optimize": False}
)
_CARD_PARAMS: dict[str, Any] = {"compress_level": 9, "optimize": False}

_Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


# --------------------------------------------------------------------------- errors


class PhotoError(ValueError):
    """A photo that cannot be used.

    ``str()`` is a user-facing message that does not contain the path, meant to
    follow the file name, e.g. ``"is not an image Pillow can read"`` or
    ``"is 12000x12000 pixels (144.0 megapixels); the limit is 40 megapixels"``.
    :meth:`ImageCache.avatars_for_many` sets :attr:`persona_id` to the persona
    whose photo failed.
    """

    persona_id: str | None = None


def _limit_text() -> str:
    return f"the limit is {MAX_PIXELS / 1_000_000:g} megapixels"


def _not_an_image() -> PhotoError:
    names = ", ".join(dict.fromkeys(label for _, label in _INPUT_FORMATS))
    return PhotoError(f"is not an image Pillow can read (supported formats: {names})")


def _bomb_error(exc: BaseException) -> PhotoError:
    found = re.search(r"\((\d+) pixels\)", str(exc))
    if found:
        megapixels = int(found.group(1)) / 1_000_000
        return PhotoError(f"is about {megapixels:.1f} megapixels; {_limit_text()}")
    return PhotoError(f"is too large to process safely; {_limit_text()}")


def _check_pixels(size: tuple[int, int]) -> None:
    width, height = size
    pixels = width * height
    if pixels > MAX_PIXELS:
        raise PhotoError(
            f"is {width}x{height} pixels ({pixels / 1_000_000:.1f} megapixels); {_limit_text()}"
        )
    if width < 1 or height < 1:
        raise PhotoError("has no pixels")


def _stat_photo(path: Path) -> os.stat_result:
    try:
        st = path.stat()
    except FileNotFoundError:
        raise PhotoError("does not exist") from None
    except OSError as exc:
        raise PhotoError(f"cannot be read ({exc.strerror or type(exc).__name__})") from None
    if not stat.S_ISREG(st.st_mode):
        raise PhotoError("is not a regular file")
    return st


# Serialises the (process-global, non-thread-safe) warnings filter changes.
_WARNINGS_LOCK = threading.Lock()


def _open(path: Path) -> Image.Image:
    """Open a photo lazily (header only) after the safety checks.

    Raises PhotoError if the file is unreadable, not a supported image, or has
    more than MAX_PIXELS pixels. Pillow's own decompression-bomb warning is
    turned into an error. The caller must close the returned image.
    """
    _stat_photo(path)
    Image.init()
    formats = [fmt for fmt, _ in _INPUT_FORMATS if fmt in Image.OPEN]
    try:
        with _WARNINGS_LOCK, warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            im = Image.open(path, formats=formats)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _bomb_error(exc) from None
    except UnidentifiedImageError:
        raise _not_an_image() from None
    except FileNotFoundError:
        raise PhotoError("does not exist") from None
    except OSError as exc:
        if exc.strerror:
            raise PhotoError(f"cannot be read ({exc.strerror})") from None
        raise _not_an_image() from None
    except Exception:
        raise _not_an_image() from None
    try:
        _check_pixels(im.size)
    except PhotoError:
        im.close()
        raise
    return im


def verify_photo(path: Path) -> None:
    """Check cheaply that ``path`` is a usable photo, without decoding it.

    Reads the image header (and, for formats that support it, checks the file
    structure with ``Image.verify()``). Raises :class:`PhotoError` if the file
    is missing, is not a supported image, is damaged, or is larger than
    :data:`MAX_PIXELS`.
    """
    im = _open(Path(path))
    try:
        with im:
            im.verify()
    except Exception:
        raise PhotoError("is damaged or truncated") from None


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


def _displayable(text: str, face: Face | None = None) -> str:
    """Plain text made safe for drawing on one line with the bundled font (or ``face``).

    Control characters are removed and whitespace is collapsed. Characters the font lacks
    are drawn as near as it can (see :func:`_approximate`); characters with no such fallback
    are left out: they are never drawn as boxes.
    """
    drawn = (_approximate(ch, face) for ch in _clean(text))
    return " ".join("".join(d for d in drawn if d).split())


def _missing(text: str, face: Face | None = None) -> list[str]:
    """The characters of ``text`` that ``face`` cannot draw, not even approximately."""
    return [ch for ch in dict.fromkeys(_clean(text)) if _approximate(ch, face) is None]


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



# ------------------------------------------------------------------------ rendering


def _to_srgb(im: Image.Image, icc: bytes) -> Image.Image | None:
    """Convert an RGB/RGBA/CMYK image with an embedded ICC profile to sRGB."""
    try:
        from PIL import ImageCms

        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if im.mode != "CMYK" and "srgb" in ImageCms.getProfileDescription(source).lower():
            return None
        alpha = im.getchannel("A") if im.mode == "RGBA" else None
        colour = im.convert("RGB") if alpha is not None else im
        result = ImageCms.profileToProfile(
            colour, source, ImageCms.createProfile("sRGB"), outputMode="RGB"
        )
        if result is None:
            return None
        if alpha is not None:
            result.putalpha(alpha)
        return result
    except Exception:
        return None


def _normalise_mode(im: Image.Image, icc: bytes | None) -> Image.Image:
    """Return an RGB or RGBA version of ``im`` (alpha kept only if it is used)."""
    mode = im.mode
    if mode.startswith("I") or mode == "F":
        if mode != "F":
            im = im.convert("I")
            extrema = im.getextrema()
            high = extrema[1] if isinstance(extrema[1], (int, float)) else 255
            if mode.startswith("I;16") or float(high) > 255:
                im = im.point(lambda value: value * (1 / 256))
        im = im.convert("L")
    elif mode in ("LA", "La", "PA", "P", "RGBa"):
        im = im.convert("RGBA")
    if im.mode in ("RGB", "RGBA", "CMYK") and icc:
        converted = _to_srgb(im, icc)
        if converted is not None:
            im = converted
    if im.mode not in ("RGB", "RGBA"):
        im = im.convert("RGB")
    if im.mode == "RGBA":
        alpha_range = im.getchannel("A").getextrema()
        if alpha_range == (255, 255):
            im = im.convert("RGB")
    return im


def _load_square(path: Path, largest: int, focus: Focus | None = None) -> Image.Image:
    """Decode a photo into an oriented, sRGB RGB/RGBA square around ``focus`` (see
    :func:`.crop.crop_box`; by default one third down, where a portrait has the face).

    JPEGs are decoded at a reduced scale (``Image.draft``) when the largest
    requested size allows it.
    """
    im = _open(path)
    try:
        with im:
            im.draft(None, (largest, largest))
            im.load()
            icc = im.info.get("icc_profile")
            frame: Image.Image = im
            with contextlib.suppress(Exception):  # broken EXIF: keep stored orientation
                transposed = ImageOps.exif_transpose(im)
                if transposed is not None:
                    frame = transposed
            frame = _normalise_mode(frame, icc if isinstance(icc, bytes) else None)
    except PhotoError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _bomb_error(exc) from None
    except MemoryError:
        raise PhotoError("is too large to decode with the memory available") from None
    except Exception:
        raise PhotoError("could not be decoded; the file may be truncated or damaged") from None
    return frame.crop(crop_box(frame.width, frame.height, focus))


def _resize_square(square: Image.Image, size: int) -> Image.Image:
    """Resize a square image to ``size``; tiny sources are enlarged without mush."""
    side = square.width
    if side == size:
        return square.copy()
    if side > size:
        return square.resize((size, size), Image.Resampling.LANCZOS, reducing_gap=3.0)
    if size >= side * 4:  # icon-sized source: keep it crisp, then smooth the last step
        factor = size // side
        square = square.resize((side * factor, side * factor), Image.Resampling.NEAREST)
        if square.width == size:
            return square
    return square.resize((size, size), Image.Resampling.LANCZOS)


def _text_box(draw: ImageDraw.ImageDraw, text: str, font: _Font) -> tuple[float, ...]:
    return tuple(float(v) for v in draw.textbbox((0, 0), text, font=font))


def _initials_image(
    text: str, colour: str, size: int, face: Face | None = None
) -> Image.Image:
    """An RGB square with centred initials (drawn with the bundled font, or ``face``), or a
    head-and-shoulders silhouette when the font cannot draw them."""
    im = Image.new("RGB", (size, size), colour)
    draw = ImageDraw.Draw(im)
    label = _displayable(text, face)
    if label and not _missing(text, face):
        scale = 0.40 if len(label) > 1 else 0.48
        font = _font(max(1, round(size * scale)), bold=face is None, face=face)
        left, top, right, bottom = _text_box(draw, label, font)
        x = (size - (right - left)) / 2 - left
        y = (size - (bottom - top)) / 2 - top
        draw.text((x, y), label, font=font, fill=_AVATAR_TEXT)
    else:
        s = size
        draw.ellipse((0.33 * s, 0.18 * s, 0.67 * s, 0.52 * s), fill=_AVATAR_TEXT)
        draw.ellipse((0.16 * s, 0.60 * s, 0.84 * s, 1.20 * s), fill=_AVATAR_TEXT)
    return im


def _fit(text: str, font: _Font, width: float) -> int:
    """Length of the longest prefix of ``text`` no wider than ``width`` (at least 1)."""
    low, high = 1, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if font.getlength(text[:middle]) <= width:
            low = middle
        else:
            high = middle - 1
    return low


def _ellipsize(text: str, font: _Font, width: float) -> str:
    ellipsis = "\u2026" if _drawable("\u2026") else "..."
    text = text.rstrip()
    while text and font.getlength(text + ellipsis) > width:
        text = text[:-1].rstrip()
    return text + ellipsis


def _wrap(text: str, font: _Font, width: float, max_lines: int) -> list[str]:
    """Greedy word wrap to ``max_lines`` lines, ending with an ellipsis if cut."""
    text = text[:600]
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if font.getlength(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        while font.getlength(word) > width:  # a word wider than a line: break it
            cut = _fit(word, font, width)
            lines.append(word[:cut])
            word = word[cut:]
        current = word
        if len(lines) > max_lines:
            break
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _ellipsize(lines[-1], font, width)
    return lines


def _circle_mask(diameter: int) -> Image.Image:
    big = Image.new("L", (diameter * 4, diameter * 4), 0)
    ImageDraw.Draw(big).ellipse((0, 0, diameter * 4 - 1, diameter * 4 - 1), fill=255)
    return big.resize((diameter, diameter), Image.Resampling.LANCZOS)


_CARD_BG = "#f8fafc"
_CARD_INK = "#0f172a"
_CARD_BODY = "#334155"
_CARD_MUTED = "#475569"
_CARD_RULE = "#e2e8f0"
_CARD_AVATAR = 300


@dataclass(frozen=True)
class _CardText:
    """A card's four texts, each with the font that draws it (``None``: the bundled one).

    ``name_drawn`` is false when no font has the name's characters: the card leaves it out.
    """

    name: str
    tagline: str
    type_label: str
    site_name: str
    faces: tuple[Face | None, Face | None, Face | None, Face | None]
    name_drawn: bool

    @classmethod
    def choose(
        cls, name: str, tagline: str, type_label: str, site_name: str, font: Path | None
    ) -> _CardText:
        """Pick a font for each text (see :func:`_face_for`)."""
        texts = (name, tagline, type_label, site_name)
        chosen = [_face_for(text, font) for text in texts]
        faces = (chosen[0][0], chosen[1][0], chosen[2][0], chosen[3][0])
        return cls(name, tagline, type_label, site_name, faces, chosen[0][1])

    def key(self) -> list[Any]:
        """The fonts and the choices made, for the cache key."""
        return [[_face_key(face) for face in self.faces], self.name_drawn]


def _render_card(avatar: Image.Image, accent: str, text: _CardText) -> Image.Image:
    width, height = SOCIAL_SIZE
    card = Image.new("RGB", SOCIAL_SIZE, _CARD_BG)
    draw = ImageDraw.Draw(card)
    margin = 80
    draw.rectangle((0, 0, width, 15), fill=accent)

    diameter = _CARD_AVATAR
    ax, ay = margin, 130
    draw.ellipse((ax - 8, ay - 8, ax + diameter + 8, ay + diameter + 8), fill="#ffffff")
    disc = Image.new("RGB", (diameter, diameter), "#ffffff")
    if avatar.mode == "RGBA":
        disc.paste(avatar, (0, 0), avatar.getchannel("A"))
    else:
        disc.paste(avatar.convert("RGB"), (0, 0))
    card.paste(disc, (ax, ay), _circle_mask(diameter))

    x0 = ax + diameter + 70
    text_width = width - margin - x0
    name_face, tag_face, label_face, site_face = text.faces

    def font_of(size: int, face: Face | None, bold: bool = False) -> _Font:
        return _font(size, bold=bold and face is None, face=face)

    label_font, name_font = font_of(28, label_face, True), font_of(56, name_face, True)
    tag_font = font_of(32, tag_face)
    blocks: list[tuple[list[str], _Font, int, str, int]] = []
    label = _displayable(text.type_label, label_face)
    if label:
        blocks.append((_wrap(label, label_font, text_width, 1), label_font, 40, accent, 16))
    title = _displayable(text.name, name_face) if text.name_drawn else ""
    if title:
        blocks.append((_wrap(title, name_font, text_width, 2), name_font, 72, _CARD_INK, 22))
    body = _displayable(text.tagline, tag_face)
    if body:
        blocks.append((_wrap(body, tag_font, text_width, 3), tag_font, 46, _CARD_BODY, 0))
    total = sum(len(lines) * step + gap for lines, _, step, _, gap in blocks)
    if blocks:
        total -= blocks[-1][4]
    y = max(40, ay + diameter // 2 - total // 2)
    for lines, font, step, fill, gap in blocks:
        for line in lines:
            draw.text((x0, y), line, font=font, fill=fill)
            y += step
        y += gap

    rule_y = height - 96
    draw.line((margin, rule_y, width - margin, rule_y), fill=_CARD_RULE, width=2)
    site = _displayable(text.site_name, site_face)
    if site:
        site_font = font_of(28, site_face)
        line = _wrap(site, site_font, width - 2 * margin, 1)[0]
        draw.text((margin, rule_y + 26), line, font=site_font, fill=_CARD_MUTED)
    return card


def _encode(im: Image.Image, fmt: str, params: dict[str, Any]) -> bytes:
    """Encode with fixed settings and no metadata (EXIF, ICC, XMP, text chunks)."""
    im.info = {}
    buffer = io.BytesIO()
    im.save(buffer, fmt, **params)
    return buffer.getvalue()


def _atomic_write(dest: Path, data: bytes) -> None:
    """Write ``data`` to ``dest`` via a temporary file in the same directory."""
    fd, tmp_name = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp_name, 0o644)  # mkstemp uses 0600; the files end up on a website
        os.replace(tmp_name, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


# -------------------------------------------------------------------------- caching

_DIGESTS: dict[str, tuple[tuple[int, int, int, int], str]] = {}
_DIGESTS_LOCK = threading.Lock()


def _photo_digest(path: Path) -> str:
    """sha256 of a photo's bytes, memoised per process by (path, size, mtime_ns)."""
    st = _stat_photo(path)
    signature = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
    key = os.path.abspath(path)
    with _DIGESTS_LOCK:
        known = _DIGESTS.get(key)
    if known is not None and known[0] == signature:
        return known[1]
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as exc:
        raise PhotoError(f"cannot be read ({exc.strerror or type(exc).__name__})") from None
    value = digest.hexdigest()
    with _DIGESTS_LOCK:
        _DIGESTS[key] = (signature, value)
    return value


def _cache_key(parts: dict[str, Any]) -> str:
    payload = {"cache_version": CACHE_VERSION, "pillow": PIL.__version__, **parts}
    text = json.dumps(payload, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def _slug(persona_id: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", persona_id.lower()).strip("-")[:48].strip("-")
    return slug or "persona"


def _check_size(size: int) -> int:
    if isinstance(size, bool) or not isinstance(size, int) or not 1 <= size <= _MAX_OUTPUT_SIDE:
        raise ValueError(f"avatar size must be an integer from 1 to {_MAX_OUTPUT_SIDE}")
    return size


@dataclass(frozen=True)
class Look:
    """How a persona's avatar and card look beyond the photo and texts.

    ``initials`` and ``colour`` come from :func:`.avatar_labels.avatar_labels` (which keeps
    them apart within a handbook); ``None`` means those of the name and id on their own
    (:func:`initials`, :func:`avatar_colour`). ``focus`` is the photo's ``photo_focus``
    (``None``: :data:`.crop.DEFAULT_FOCUS`). ``font`` is a font file tried for text the
    bundled font lacks, before the fonts installed on the machine.
    """

    initials: str | None = None
    colour: str | None = None
    focus: Focus | None = None
    font: Path | None = None

    def label(self, persona_id: str, name: str) -> tuple[str, str]:
        """The initials and colour to draw."""
        return (
            initials(name) if self.initials is None else self.initials,
            avatar_colour(persona_id) if self.colour is None else self.colour,
        )


@dataclass
class CacheStats:
    """How many derived images an :class:`ImageCache` rendered or found cached."""

    generated: int = 0
    reused: int = 0


_J = TypeVar("_J")  # one persona's inputs
_R = TypeVar("_R")  # what is made of them

class ImageCache:
    """Derived persona images, cached on disk under content-hash file names.

    Safe to use from several threads. File names contain a hash of every input,
    so an existing file is always up to date and is reused as is.
    """

    def __init__(self, cache_dir: Path) -> None:
        """Use ``cache_dir`` (created on first write) for cached images."""
        self.cache_dir = Path(cache_dir)
        self.stats = CacheStats()
        self._lock = threading.Lock()
        self._used: set[Path] = set()
        self._notices: list[str] = []

    def reset_stats(self) -> None:
        """Set :attr:`stats` back to zero."""
        with self._lock:
            self.stats = CacheStats()

    # ---------------------------------------------------------------- internals

    def _record(self, path: Path, generated: bool) -> None:
        with self._lock:
            self._used.add(path)
            if generated:
                self.stats.generated += 1
            else:
                self.stats.reused += 1

    def _lookup(self, path: Path) -> bool:
        if path.is_file():
            self._record(path, generated=False)
            return True
        return False

    def _store(self, path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        _atomic_write(path, data)
        self._record(path, generated=True)

    def _avatar_plan(
        self,
        persona_id: str,
        name: str,
        photo: Path | None,
        sizes: Iterable[int],
        look: Look | None = None,
    ) -> tuple[dict[int, Path], dict[str, Any], dict[str, Any]]:
        """The cache paths of a persona's avatars by size, with the parts and encoder
        parameters their names are derived from."""
        look = look or Look()
        wanted = sorted({_check_size(size) for size in sizes}, reverse=True)
        parts: dict[str, Any]
        if photo is not None:
            photo = Path(photo)
            parts = {
                "kind": "avatar-photo",
                "photo_sha256": _photo_digest(photo),
                "focus": list(look.focus or DEFAULT_FOCUS),
            }
            params = _PHOTO_PARAMS
        else:
            text, colour = look.label(persona_id, name)
            face, whole = _face_for(text, look.font)
            parts = {
                "kind": "avatar-initials",
                "text": text if whole else "",
                "bg": colour,
                "fg": _AVATAR_TEXT,
                "face": _face_key(face),
            }
            params = _FLAT_PARAMS
        parts.update(format=IMAGE_FORMAT, params=params)
        paths = {
            size: self.cache_dir
            / f"avatar-{_slug(persona_id)}-{size}-{_cache_key({**parts, 'size': size})[:24]}"
            f"{IMAGE_SUFFIX}"
            for size in wanted
        }
        return paths, parts, params

    def _cached_avatars(
        self,
        persona_id: str,
        name: str,
        photo: Path | None,
        sizes: Iterable[int],
        look: Look | None = None,
    ) -> dict[int, Path] | None:
        """The avatars if every size is cached already (nothing drawn), else None."""
        paths, _, _ = self._avatar_plan(persona_id, name, photo, sizes, look)
        if not all(path.is_file() for path in paths.values()):
            return None
        for path in paths.values():
            self._record(path, generated=False)
        return paths

    def _avatars(
        self,
        persona_id: str,
        name: str,
        photo: Path | None,
        sizes: Iterable[int],
        look: Look | None = None,
    ) -> dict[int, Path]:
        look = look or Look()
        photo = Path(photo) if photo is not None else None
        paths, parts, params = self._avatar_plan(persona_id, name, photo, sizes, look)
        wanted = sorted(paths, reverse=True)
        missing = [size for size in wanted if not self._lookup(paths[size])]
        if missing:
            square = _load_square(photo, missing[0], look.focus) if photo is not None else None
            face = _face_for(parts["text"], look.font)[0] if square is None else None
            for size in missing:
                if square is not None:
                    image = _resize_square(square, size)
                else:
                    image = _initials_image(parts["text"], parts["bg"], size, face)
                self._store(paths[size], _encode(image, IMAGE_FORMAT, params))
        return paths

    def _notice(self, text: str) -> None:
        with self._lock:
            if text not in self._notices:
                self._notices.append(text)

    # ------------------------------------------------------------------- public

    def take_notices(self) -> list[str]:
        """What the images could not show as asked since the last call (e.g. a name no font
        can draw), one line each, for the host to log; empties the list."""
        with self._lock:
            notices, self._notices = self._notices, []
        return notices

    def avatar(
        self, persona_id: str, name: str, photo: Path | None, size: int, look: Look | None = None
    ) -> Path:
        """Path of the cached ``size`` x ``size`` avatar, generating it if missing.

        Derived from ``photo`` when given (raising :class:`PhotoError` if it is
        unusable) and cropped around ``look.focus``, otherwise an initials avatar
        (``look.initials`` and ``look.colour``, by default those of ``name`` and
        ``persona_id`` on their own).
        """
        return self._avatars(persona_id, name, photo, (size,), look)[size]

    def social_card(
        self,
        persona_id: str,
        name: str,
        tagline: str,
        type_label: str,
        site_name: str,
        photo: Path | None,
        look: Look | None = None,
    ) -> Path:
        """Path of the cached :data:`SOCIAL_SIZE` PNG preview card, generating it if missing.

        All strings are drawn as plain text; empty ones are left out, and so is a name that
        no font has the characters of (see :meth:`take_notices`). The avatar is the one
        :meth:`avatar` makes with the same ``look``.
        """
        look = look or Look()
        path, colour, text = self._card_path(
            persona_id, name, tagline, type_label, site_name, photo, look
        )
        if not self._lookup(path):
            if photo is not None:
                square = _load_square(Path(photo), _CARD_AVATAR, look.focus)
                avatar = _resize_square(square, _CARD_AVATAR)
            else:
                initials_text = look.label(persona_id, name)[0]
                face, whole = _face_for(initials_text, look.font)
                avatar = _initials_image(
                    initials_text if whole else "", colour, _CARD_AVATAR, face
                )
            card = _render_card(avatar, colour, text)
            self._store(path, _encode(card, "PNG", _CARD_PARAMS))
        return path

    def _cached_card(
        self,
        persona_id: str,
        name: str,
        tagline: str,
        type_label: str,
        site_name: str,
        photo: Path | None,
        look: Look | None = None,
    ) -> Path | None:
        path, _, _ = self._card_path(
            persona_id, name, tagline, type_label, site_name, photo, look or Look()
        )
        return path if self._lookup(path) else None

    def _card_path(
        self,
        persona_id: str,
        name: str,
        tagline: str,
        type_label: str,
        site_name: str,
        photo: Path | None,
        look: Look,
    ) -> tuple[Path, str, _CardText]:
        initials_text, colour = look.label(persona_id, name)
        text = _CardText.choose(name, tagline, type_label, site_name, look.font)
        if not text.name_drawn:
            self._notice(
                f"{persona_id}: no font here has the characters of the name '{_clean(name)}'; "
                "its social card leaves the name out (set the persona plugin's 'font' option "
                "to a font file that has them)"
            )
        parts: dict[str, Any] = {
            "kind": "card",
            "name": name,
            "tagline": tagline,
            "type_label": type_label,
            "site_name": site_name,
            "accent": colour,
            "initials": initials_text,
            "initials_face": _face_key(_face_for(initials_text, look.font)[0]),
            "fonts": text.key(),
            "photo_sha256": _photo_digest(Path(photo)) if photo is not None else None,
            "focus": list(look.focus or DEFAULT_FOCUS),
            "size": list(SOCIAL_SIZE),
            "avatar": _CARD_AVATAR,
            "format": "PNG",
            "params": _CARD_PARAMS,
            "avatar_params": _PHOTO_PARAMS,
        }
        path = self.cache_dir / f"card-{_slug(persona_id)}-{_cache_key(parts)[:24]}.png"
        return path, colour, text

    def avatars_for_many(
        self,
        jobs: list[tuple[str, str, Path | None]],
        sizes: tuple[int, ...] = AVATAR_SIZES,
        workers: int = 2,
        looks: Mapping[str, Look] | None = None,
    ) -> dict[tuple[str, int], Path]:
        """Avatars in every size for many personas, keyed by ``(persona_id, size)``.

        ``jobs`` holds ``(persona_id, name, photo)``; ``looks`` the :class:`Look` of each
        persona (initials, colour, photo focus, font). Each photo is decoded once
        for all sizes; personas are processed on a ``ThreadPoolExecutor`` with
        ``workers`` threads (Pillow releases the GIL while decoding, resizing
        and encoding). If photos fail, the others are still generated and then
        the first failure (in job order) is raised as :class:`PhotoError` with
        its ``persona_id`` set.
        """
        looks = looks or {}
        unique: dict[str, tuple[str, Path | None]] = {}
        for persona_id, name, photo in jobs:
            entry = (name, Path(photo) if photo is not None else None)
            if unique.setdefault(persona_id, entry) != entry:
                raise ValueError(f"persona id {persona_id!r} appears twice with different inputs")

        def look(pid: str) -> Look | None:
            return looks.get(pid)

        by_persona = self._for_many(
            unique,
            lambda pid, job: self._cached_avatars(pid, *job, sizes, look(pid)),
            lambda pid, job: self._avatars(pid, *job, sizes, look(pid)),
            workers,
        )
        return {
            (pid, size): path for pid, paths in by_persona.items() for size, path in paths.items()
        }

    def social_cards_for_many(
        self,
        jobs: list[tuple[str, str, str, str, str, Path | None]],
        workers: int = 2,
        looks: Mapping[str, Look] | None = None,
    ) -> dict[str, Path]:
        """Social cards for many personas, keyed by persona id.

        ``jobs`` holds the arguments of :meth:`social_card`, ``looks`` each persona's
        :class:`Look`; threads and failures as in :meth:`avatars_for_many`.
        """
        looks = looks or {}
        unique = {job[0]: job[1:] for job in jobs}
        return self._for_many(
            unique,
            lambda pid, job: self._cached_card(pid, *job, looks.get(pid)),
            lambda pid, job: self.social_card(pid, *job, looks.get(pid)),
            workers,
        )

    def _for_many(
        self,
        jobs: dict[str, _J],
        cached: Callable[[str, _J], _R | None],
        make: Callable[[str, _J], _R],
        workers: int,
    ) -> dict[str, _R]:
        """``make`` for each persona's job, on up to ``workers`` threads; what ``cached``
        finds already in the cache is taken as it is, without threads (a rebuild finds
        nearly everything there). The first :class:`PhotoError` in job order is raised,
        with its ``persona_id`` set, after the other jobs are done."""
        results: dict[str, _R] = {}
        todo: dict[str, _J] = {}
        for persona_id, job in jobs.items():
            try:
                hit = cached(persona_id, job)
            except PhotoError:
                hit = None  # made (and reported) below, in job order
            if hit is None:
                todo[persona_id] = job
            else:
                results[persona_id] = hit

        def run(persona_id: str, job: _J) -> _R:
            try:
                return make(persona_id, job)
            except PhotoError as exc:
                exc.persona_id = persona_id
                raise

        futures: list[tuple[str, Future[_R]]] = []
        if workers <= 1 or len(todo) <= 1:
            for persona_id, job in todo.items():
                future: Future[_R] = Future()
                try:
                    future.set_result(run(persona_id, job))
                except PhotoError as exc:
                    future.set_exception(exc)
                futures.append((persona_id, future))
        else:
            with ThreadPoolExecutor(
                max_workers=min(workers, len(todo)), thread_name_prefix="persona-images"
            ) as pool:
                for persona_id, job in todo.items():
                    futures.append((persona_id, pool.submit(run, persona_id, job)))

        first_error: PhotoError | None = None
        for persona_id, future in futures:
            error = future.exception()
            if error is None:
                results[persona_id] = future.result()
            elif isinstance(error, PhotoError):
                first_error = first_error or error
            else:
                raise error
        if first_error is not None:
            raise first_error
        return results

    def prune_unused(self) -> int:
        """Delete cached images not returned since the last prune; return how many.

        "Returned" counts calls since construction or the previous
        ``prune_unused()``. Call it at the end of each build to drop images of
        changed photos, removed personas and old cache versions. Only files
        named like this module's outputs are touched.
        """
        with self._lock:
            used = set(self._used)
            self._used.clear()
        if not self.cache_dir.is_dir():
            return 0
        removed = 0
        pattern = re.compile(r"^(avatar|card)-[a-z0-9-]*-[0-9a-f]{24}\.(webp|png)$")
        for entry in self.cache_dir.iterdir():
            if pattern.match(entry.name) and entry not in used and entry.is_file():
                with contextlib.suppress(FileNotFoundError):
                    entry.unlink()
                    removed += 1
        return removed
