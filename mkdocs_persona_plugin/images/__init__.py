"""Avatar and social-preview images, drawn with Pillow (no MkDocs, no Jinja2).

The pipeline's image stage: :mod:`.formats` says what is made, :mod:`.text` picks initials,
colours and fonts, :mod:`.draw` draws avatars and social cards, and :mod:`.cache` keeps each
derived file under a hash of all its inputs. Photos are read and checked by
:mod:`mkdocs_persona_plugin.core.photos`, which the loader also uses while validating.
"""

from ..core.photos import MAX_PIXELS, PhotoError, verify_photo
from .cache import CacheStats, ImageCache, Look
from .formats import (
    AVATAR_PALETTE,
    AVATAR_SIZES,
    CACHE_VERSION,
    IMAGE_FORMAT,
    IMAGE_SUFFIX,
    SOCIAL_SIZE,
)
from .text import FONT_DIR, avatar_colour, contrast_ratio, initials

__all__ = [
    "AVATAR_PALETTE",
    "AVATAR_SIZES",
    "CACHE_VERSION",
    "FONT_DIR",
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
