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
import functools
import io
import os
import struct
import tempfile
import threading
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageOps

from ..core.crop import Focus, crop_box
from ..core.photos import PhotoError, bomb_error, open_photo
from .formats import _AVATAR_TEXT, SOCIAL_SIZE
from .text import Face, _displayable, _drawable, _face_for, _face_key, _Font, _font, _missing

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
    im = open_photo(path)
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
        raise bomb_error(exc) from None
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


@functools.lru_cache(maxsize=4)
def _circle_mask(diameter: int) -> Image.Image:
    """An anti-aliased disc (drawn at 4x, then reduced); shared, so never draw on it."""
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


_CANVAS = threading.local()  # each drawing thread's card, drawn over and over


def _card_png(avatar: Image.Image, accent: str, text: _CardText, level: int) -> bytes:
    """A social card as PNG bytes (see :func:`_render_card` and :func:`_encode_png`).

    Each thread draws its cards on one canvas of its own: a new 3 MB image for every card
    made the system hand out (and clear) fresh memory pages each time, which cost as much as
    drawing the card.
    """
    card: Image.Image | None = getattr(_CANVAS, "card", None)
    if card is None:
        card = _CANVAS.card = Image.new("RGB", SOCIAL_SIZE)
    _render_card(card, avatar, accent, text)
    return _encode_png(card, level)


def _render_card(card: Image.Image, avatar: Image.Image, accent: str, text: _CardText) -> None:
    """Draw a social card on ``card`` (an RGB image of :data:`SOCIAL_SIZE`), all of it."""
    width, height = SOCIAL_SIZE
    card.paste(_CARD_BG, (0, 0, width, height))
    draw = ImageDraw.Draw(card)
    margin = 80
    draw.rectangle((0, 0, width, 15), fill=accent)

    diameter = _CARD_AVATAR
    ax, ay = margin, 130
    draw.ellipse((ax - 8, ay - 8, ax + diameter + 8, ay + diameter + 8), fill="#ffffff")
    if avatar.mode == "RGBA":  # transparent parts of a photo show the white disc
        disc = Image.new("RGB", (diameter, diameter), "#ffffff")
        disc.paste(avatar, (0, 0), avatar.getchannel("A"))
    else:
        disc = avatar.convert("RGB")
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
            if font is label_font:  # one of a handful of labels, on every card
                _draw_repeated(draw, (x0, y), line, 28, True, label_face, fill)
            else:
                draw.text((x0, y), line, font=font, fill=fill)
            y += step
        y += gap

    rule_y = height - 96
    draw.line((margin, rule_y, width - margin, rule_y), fill=_CARD_RULE, width=2)
    site = _displayable(text.site_name, site_face)
    if site:
        site_font = font_of(28, site_face)
        line = _wrap(site, site_font, width - 2 * margin, 1)[0]
        _draw_repeated(draw, (margin, rule_y + 26), line, 28, False, site_face, _CARD_MUTED)


@functools.lru_cache(maxsize=64)
def _glyph_mask(
    line: str, size: int, bold: bool, face: Face | None
) -> tuple[Image.Image, int, int]:
    """``line`` drawn in white on black (its coverage), with where the text's origin lies in
    it; shared between cards, so never draw on it."""
    font = _font(size, bold=bold and face is None, face=face)
    left, top, right, bottom = (int(v) for v in font.getbbox(line))
    dx, dy = max(0, -left) + 1, max(0, -top) + 1
    mask = Image.new("L", (max(1, right) + dx + 1, max(1, bottom) + dy + 1), 0)
    ImageDraw.Draw(mask).text((dx, dy), line, font=font, fill=255)
    return mask, dx, dy


def _draw_repeated(
    draw: ImageDraw.ImageDraw,
    xy: tuple[int, int],
    line: str,
    size: int,
    bold: bool,
    face: Face | None,
    fill: str,
) -> None:
    """``draw.text(xy, line, fill=fill)`` in the font given, for a text that many cards show:
    the same pixels, with its glyphs rendered once per process."""
    mask, dx, dy = _glyph_mask(line, size, bold, face)
    draw.bitmap((xy[0] - dx, xy[1] - dy), mask, fill=fill)


def _encode(im: Image.Image, fmt: str, params: dict[str, Any]) -> bytes:
    """Encode with fixed settings and no metadata (EXIF, ICC, XMP, text chunks)."""
    im.info = {}
    buffer = io.BytesIO()
    im.save(buffer, fmt, **params)
    return buffer.getvalue()


_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _pads_rows_with_zeros() -> bool:
    """Whether Pillow's raw encoder pads each row to a longer stride with zero bytes."""
    return Image.new("RGB", (1, 2), (255, 255, 255)).tobytes("raw", "RGB", 4) == (
        b"\xff\xff\xff\0" * 2
    )


_ROWS_PADDED = _pads_rows_with_zeros()
_BAND = 24  # rows taken out of Pillow at a time: 86 KB, small enough to be reused memory


def _padded_rows(band: Image.Image, stride: int) -> bytes:
    """The RGB rows of ``band``, each followed by a zero byte."""
    if _ROWS_PADDED:
        return band.tobytes("raw", "RGB", stride + 1)
    pixels = band.tobytes()
    return b"".join(pixels[i : i + stride] + b"\0" for i in range(0, len(pixels), stride))


def _encode_png(im: Image.Image, level: int) -> bytes:
    """An RGB image as a PNG file with unfiltered rows, deflated by zlib at ``level``; no
    metadata.

    Pillow's PNG writer tries four filters on every row and keeps the one whose bytes sum
    smallest: for a social card that alone takes longer than compressing (14 ms at
    ``compress_level=3``, 80 ms at 9). Flat colours with anti-aliased text compress about as
    well unfiltered, so this writes a card in about 5 ms, a few per cent larger than Pillow
    at level 9. The bytes depend on the zlib library, which :data:`.formats._CARD_PARAMS`
    names.
    """
    rgb = im if im.mode == "RGB" else im.convert("RGB")
    width, height = rgb.size
    stride = width * 3
    # Each row is its filter type, 0 ("None"), then its pixels: the zero byte after each row
    # is the next row's type. The rows go to zlib a band at a time: a fresh 2 MB copy of the
    # whole image cost more than compressing it (new memory pages, cleared by the system).
    compressor = zlib.compressobj(level)
    data = [compressor.compress(b"\0")]
    for top in range(0, height, _BAND):
        band = rgb.crop((0, top, width, min(height, top + _BAND)))
        rows = memoryview(_padded_rows(band, stride))
        data.append(compressor.compress(rows[:-1] if top + _BAND >= height else rows))
    data.append(compressor.flush())
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB, not interlaced
    return b"".join(
        (
            _PNG_SIGNATURE,
            _png_chunk(b"IHDR", header),
            _png_chunk(b"IDAT", b"".join(data)),
            _png_chunk(b"IEND", b""),
        )
    )


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
