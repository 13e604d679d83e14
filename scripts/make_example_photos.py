#!/usr/bin/env python3
"""Generate the illustrated example persona portraits in ``personas/photos/``.

The example handbook ships with a few persona photos. Rather than using stock
photography (licensing, real faces, large files), they are drawn here with
Pillow as simple, friendly head-and-shoulders illustrations: a soft gradient
background, a blurred halo, and a figure made of ellipses and polygons.

The output is deterministic: every persona has a fixed seed and fixed
colours, so re-running the script produces the same images for a given Pillow
version. Files are written as 800x800 baseline JPEGs at quality 85 with no
EXIF or other metadata, and each is well under 60 KB.

Usage::

    python scripts/make_example_photos.py              # writes personas/photos/*.jpg
    python scripts/make_example_photos.py --out /tmp/p # somewhere else
    python scripts/make_example_photos.py hannah ian   # only some personas
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

SIZE = 800  # final edge length in pixels
SCALE = 2  # draw at 2x and downsample, for smooth (anti-aliased) edges
QUALITY = 85
MAX_BYTES = 60_000

RGB = tuple[int, int, int]
Box = tuple[float, float, float, float]


def hex_rgb(value: str) -> RGB:
    value = value.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """Linear blend from colour ``a`` (t=0) to colour ``b`` (t=1)."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


BLACK: RGB = (0, 0, 0)
WHITE: RGB = (255, 255, 255)
BLUSH: RGB = (232, 120, 120)


@dataclass(frozen=True)
class Portrait:
    """Everything that varies between personas."""

    seed: int
    bg_top: str
    bg_bottom: str
    skin: str
    hair: str
    hair_style: str  # short | curly | bob | shoulder | long
    clothes: str
    outfit: str  # blazer | cardigan | jumper | jacket | hoodie
    accent: str = "#f5f1e8"  # shirt / inner layer colour
    glasses: bool = False
    beard: bool = False
    parting: float = 0.0  # horizontal offset of the hairline, -1..1


# Colours match each persona's ``photo_alt`` text.
PORTRAITS: dict[str, Portrait] = {
    "hannah": Portrait(
        seed=1101,
        bg_top="#6fbfb5",
        bg_bottom="#dcefea",
        skin="#eab99b",
        hair="#8a3b1f",
        hair_style="shoulder",
        clothes="#1f2f5a",
        outfit="blazer",
        accent="#f4f4f0",
        parting=-0.5,
    ),
    "margie": Portrait(
        seed=2202,
        bg_top="#f4b98f",
        bg_bottom="#fde8d6",
        skin="#8d5a3b",
        hair="#211714",
        hair_style="curly",
        clothes="#d9a521",
        outfit="cardigan",
        accent="#f3ead6",
        glasses=True,
    ),
    "fiona": Portrait(
        seed=3303,
        bg_top="#b9a8e3",
        bg_bottom="#eee9f9",
        skin="#f3d0b5",
        hair="#b5541c",
        hair_style="long",
        clothes="#3f7d4e",
        outfit="jumper",
        parting=0.35,
    ),
    "carla": Portrait(
        seed=4404,
        bg_top="#aed6a8",
        bg_bottom="#eaf5e6",
        skin="#d9a47e",
        hair="#a8a6a2",
        hair_style="bob",
        clothes="#6b2d5c",
        outfit="jacket",
        accent="#e9e4ea",
        parting=-0.2,
    ),
    "ian": Portrait(
        seed=5505,
        bg_top="#9fc2ea",
        bg_bottom="#e6effa",
        skin="#c68a62",
        hair="#17120f",
        hair_style="short",
        clothes="#7b8088",
        outfit="hoodie",
        beard=True,
        parting=0.6,
    ),
}


class Canvas:
    """A thin wrapper that lets us draw in 800-unit coordinates at SCALE x."""

    def __init__(self, image: Image.Image) -> None:
        self.image = image
        self.draw = ImageDraw.Draw(image)

    @staticmethod
    def _s(box: Box) -> tuple[float, float, float, float]:
        return (box[0] * SCALE, box[1] * SCALE, box[2] * SCALE, box[3] * SCALE)

    def ellipse(self, box: Box, fill: RGB) -> None:
        self.draw.ellipse(self._s(box), fill=fill)

    def chord(self, box: Box, start: float, end: float, fill: RGB) -> None:
        self.draw.chord(self._s(box), start, end, fill=fill)

    def arc(self, box: Box, start: float, end: float, fill: RGB, width: float) -> None:
        self.draw.arc(self._s(box), start, end, fill=fill, width=round(width * SCALE))

    def ring(self, box: Box, fill: RGB, width: float) -> None:
        self.draw.ellipse(self._s(box), outline=fill, width=round(width * SCALE))

    def rounded(self, box: Box, radius: float, fill: RGB) -> None:
        self.draw.rounded_rectangle(self._s(box), radius=radius * SCALE, fill=fill)

    def polygon(self, points: list[tuple[float, float]], fill: RGB) -> None:
        self.draw.polygon([(x * SCALE, y * SCALE) for x, y in points], fill=fill)

    def line(self, points: list[tuple[float, float]], fill: RGB, width: float) -> None:
        self.draw.line(
            [(x * SCALE, y * SCALE) for x, y in points], fill=fill, width=round(width * SCALE)
        )


def background(p: Portrait) -> Image.Image:
    """Vertical gradient plus a soft, blurred halo behind the head."""
    px = SIZE * SCALE
    top, bottom = hex_rgb(p.bg_top), hex_rgb(p.bg_bottom)
    mask = Image.linear_gradient("L").resize((px, px), Image.Resampling.BICUBIC)
    image = Image.composite(
        Image.new("RGB", (px, px), bottom), Image.new("RGB", (px, px), top), mask
    )

    halo = Image.new("L", (px, px), 0)
    ImageDraw.Draw(halo).ellipse((150 * SCALE, 70 * SCALE, 650 * SCALE, 570 * SCALE), fill=150)
    halo = halo.filter(ImageFilter.GaussianBlur(60 * SCALE))
    light = Image.new("RGB", (px, px), mix(top, WHITE, 0.55))
    return Image.composite(light, image, halo)


def draw_hair_back(c: Canvas, p: Portrait, hair: RGB) -> None:
    """Hair that sits behind the head and neck (drawn first)."""
    if p.hair_style == "bob":
        c.rounded((258, 176, 542, 478), 110, hair)
    elif p.hair_style == "shoulder":
        c.rounded((256, 176, 544, 575), 125, hair)
    elif p.hair_style == "long":
        c.rounded((246, 176, 554, 700), 135, hair)


def draw_body(c: Canvas, p: Portrait, skin: RGB, clothes: RGB, accent: RGB) -> None:
    shade = mix(skin, BLACK, 0.22)
    dark = mix(clothes, BLACK, 0.25)

    # shoulders and torso
    c.ellipse((130, 590, 670, 1060), clothes)

    if p.outfit == "hoodie":
        # hood bunched around the neck, and drawstrings
        c.ellipse((305, 540, 495, 655), dark)

    # neck, with a shadow under the chin
    c.rounded((348, 440, 452, 640), 40, skin)
    c.ellipse((348, 450, 452, 540), shade)

    if p.outfit in ("blazer", "jacket"):
        # shirt V and lapels
        c.polygon([(338, 600), (462, 600), (400, 720)], accent)
        c.polygon([(338, 600), (400, 720), (372, 760), (300, 640)], dark)
        c.polygon([(462, 600), (400, 720), (428, 760), (500, 640)], dark)
        c.ellipse((394, 780, 406, 792), mix(dark, BLACK, 0.3))
    elif p.outfit == "cardigan":
        c.polygon([(335, 598), (465, 598), (400, 730)], accent)
        c.line([(335, 598), (400, 730), (465, 598)], dark, 9)
        for y in (755, 800, 845):
            c.ellipse((393, y, 407, y + 14), dark)
    elif p.outfit == "jumper":
        c.arc((336, 556, 464, 648), 10, 170, dark, 16)
    elif p.outfit == "hoodie":
        c.line([(375, 640), (370, 735)], mix(clothes, WHITE, 0.55), 5)
        c.line([(425, 640), (430, 735)], mix(clothes, WHITE, 0.55), 5)
        c.ellipse((364, 730, 377, 743), mix(clothes, WHITE, 0.55))
        c.ellipse((423, 730, 436, 743), mix(clothes, WHITE, 0.55))


def draw_head(c: Canvas, p: Portrait, rng: random.Random, skin: RGB, hair: RGB) -> None:
    shade = mix(skin, BLACK, 0.18)
    feature = mix(skin, BLACK, 0.62)

    # ears, then the head itself
    c.ellipse((262, 318, 300, 390), shade)
    c.ellipse((500, 318, 538, 390), shade)
    c.ellipse((280, 190, 520, 490), skin)

    # hair in front: a cap over the crown, then the face re-drawn in skin on top
    # of it, giving a curved hairline (offset by the parting) and sideburns
    if p.hair_style == "curly":
        c.ellipse((264, 166, 536, 372), hair)
        for _ in range(30):
            theta = math.radians(rng.uniform(185, 355))
            x = 400 + 128 * math.cos(theta) + rng.uniform(-8, 8)
            y = 288 + 112 * math.sin(theta) + rng.uniform(-8, 8)
            r = rng.uniform(28, 36)
            c.ellipse((x - r, y - r, x + r, y + r), hair)
    elif p.hair_style == "short":
        c.ellipse((276, 178, 524, 372), hair)
    else:
        c.ellipse((272, 172, 528, 380), hair)
    shift = p.parting * 28
    hairline = {"curly": 262, "short": 248, "bob": 258, "shoulder": 256, "long": 258}
    c.ellipse((298 + shift, hairline[p.hair_style], 502 + shift, 520), skin)
    # the lower half of the head is always skin (jaw and chin)
    c.chord((280, 190, 520, 490), 0, 180, skin)

    if p.beard:
        beard = mix(hair, skin, 0.12)
        c.chord((281, 312, 519, 492), 0, 180, beard)
        c.ellipse((366, 396, 434, 446), skin)  # around the mouth
        c.chord((364, 386, 436, 420), 180, 360, beard)  # moustache
        c.chord((380, 414, 420, 434), 0, 180, mix(skin, BLACK, 0.45))  # mouth

    # cheeks (hidden by a beard)
    if not p.beard:
        cheek = mix(skin, BLUSH, 0.22)
        c.ellipse((318, 378, 358, 404), cheek)
        c.ellipse((442, 378, 482, 404), cheek)

    # eyes and brows
    c.ellipse((348, 340, 364, 360), feature)
    c.ellipse((436, 340, 452, 360), feature)
    brow = mix(hair, feature, 0.4)
    c.arc((336, 314, 376, 338), 200, 340, brow, 5)
    c.arc((424, 314, 464, 338), 200, 340, brow, 5)

    # nose and smile
    c.arc((388, 360, 412, 396), 20, 160, shade, 4)
    if not p.beard:
        c.arc((366, 392, 434, 432), 25, 155, feature, 5)

    if p.glasses:
        frame = (40, 36, 34)
        c.ring((322, 318, 390, 382), frame, 5)
        c.ring((410, 318, 478, 382), frame, 5)
        c.line([(390, 345), (410, 345)], frame, 5)
        c.line([(322, 345), (292, 338)], frame, 5)
        c.line([(478, 345), (508, 338)], frame, 5)


def render(p: Portrait) -> Image.Image:
    rng = random.Random(p.seed)
    skin, hair = hex_rgb(p.skin), hex_rgb(p.hair)
    clothes, accent = hex_rgb(p.clothes), hex_rgb(p.accent)

    image = background(p)
    c = Canvas(image)
    draw_hair_back(c, p, hair)
    draw_body(c, p, skin, clothes, accent)
    draw_head(c, p, rng, skin, hair)
    return image.resize((SIZE, SIZE), Image.Resampling.LANCZOS)


def save(image: Image.Image, path: Path) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    clean = Image.new("RGB", image.size)  # fresh image: no EXIF, ICC or other info
    clean.paste(image.convert("RGB"))
    clean.save(path, "JPEG", quality=QUALITY, optimize=True)
    return path.stat().st_size


def main(argv: list[str] | None = None) -> int:
    default_out = Path(__file__).resolve().parent.parent / "personas" / "photos"
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ids", nargs="*", help="persona ids to render (default: all)")
    parser.add_argument("--out", type=Path, default=default_out, help="output folder")
    args = parser.parse_args(argv)

    unknown = [i for i in args.ids if i not in PORTRAITS]
    if unknown:
        parser.error(f"unknown persona id(s): {', '.join(unknown)}; known: {', '.join(PORTRAITS)}")

    status = 0
    for pid in args.ids or list(PORTRAITS):
        target = args.out / f"{pid}.jpg"
        size = save(render(PORTRAITS[pid]), target)
        note = "" if size <= MAX_BYTES else f"  (over {MAX_BYTES // 1000} KB!)"
        print(f"{target}  {size / 1000:.1f} KB{note}")
        if size > MAX_BYTES:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
