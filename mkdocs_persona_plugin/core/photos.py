"""Reading persona photos safely: the formats we accept, the pixel limit, and the errors.

The loader checks every photo with :func:`verify_photo` while it validates a handbook (a
damaged or oversized photo is a data problem named with its file); the image builder opens
photos through :func:`open_photo`. Pillow only; no MkDocs.
"""

from __future__ import annotations

import os
import re
import stat
import threading
import warnings
from pathlib import Path

from PIL import Image, UnidentifiedImageError

MAX_PIXELS: int = 40_000_000
"""Largest photo (width x height) we agree to decode; bigger ones are refused."""

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


def bomb_error(exc: BaseException) -> PhotoError:
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


def stat_photo(path: Path) -> os.stat_result:
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


def open_photo(path: Path) -> Image.Image:
    """Open a photo lazily (header only) after the safety checks.

    Raises PhotoError if the file is unreadable, not a supported image, or has
    more than MAX_PIXELS pixels. Pillow's own decompression-bomb warning is
    turned into an error. The caller must close the returned image.
    """
    stat_photo(path)
    Image.init()
    formats = [fmt for fmt, _ in _INPUT_FORMATS if fmt in Image.OPEN]
    try:
        with _WARNINGS_LOCK, warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            im = Image.open(path, formats=formats)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise bomb_error(exc) from None
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
    im = open_photo(Path(path))
    try:
        with im:
            im.verify()
    except Exception:
        raise PhotoError("is damaged or truncated") from None
