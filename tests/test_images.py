"""Tests for mkdocs_persona_plugin.images (avatars, social cards, cache, safety)."""

from __future__ import annotations

import io
import os
import struct
import subprocess
import sys
import warnings
import zlib
from pathlib import Path

import pytest
from PIL import Image

from mkdocs_persona_plugin import images
from mkdocs_persona_plugin.core import photos
from mkdocs_persona_plugin.images import (
    AVATAR_SIZES,
    IMAGE_SUFFIX,
    SOCIAL_SIZE,
    ImageCache,
    PhotoError,
    avatar_colour,
    initials,
    verify_photo,
)
from mkdocs_persona_plugin.images import draw as image_draw
from mkdocs_persona_plugin.images.draw import _encode_png
from mkdocs_persona_plugin.images.text import _displayable

RED = (220, 20, 20)
BLUE = (20, 20, 220)


def _dominant(pixel: object) -> str:
    assert isinstance(pixel, tuple)
    r, g, b = pixel[:3]
    if r > 150 and g < 100 and b < 100:
        return "red"
    if b > 150 and r < 100 and g < 100:
        return "blue"
    return f"other{pixel}"


def _png_header_only(path: Path, width: int, height: int) -> Path:
    """A tiny PNG file whose header claims width x height (1-bit greyscale)."""

    def chunk(tag: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(tag + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00"))
        + chunk(b"IEND", b"")
    )
    return path


def _photo(path: Path, colour: tuple[int, int, int], size: tuple[int, int] = (64, 48)) -> Path:
    Image.new("RGB", size, colour).save(path, "PNG")
    return path


def _rgb(path: Path) -> Image.Image:
    with Image.open(path) as im:
        rgb: Image.Image = im.convert("RGB")
    return rgb


# ------------------------------------------------------------------ pure helpers


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Hannah Hill", "HH"),
        ("Finance Manager Margie", "FM"),
        ("Head of Finance Hannah", "HH"),
        ("margie", "M"),
        ("  ian  ", "I"),
        ("", ""),
        ("   ", ""),
        ("<script>alert(1)</script>", "S"),
        ("Ben - the (new) buyer", "BB"),
        ("élodie núñez", "ÉN"),
    ],
)
def test_initials(name: str, expected: str) -> None:
    assert initials(name) == expected


def _contrast_with_white(hex_colour: str) -> float:
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    return 1.05 / (luminance + 0.05)


def test_avatar_colour_is_stable_varied_and_accessible() -> None:
    assert avatar_colour("hannah") == avatar_colour("hannah")
    colours = {avatar_colour(f"persona-{i}") for i in range(60)}
    assert len(colours) >= 8
    assert colours <= set(images.AVATAR_PALETTE)
    assert len(images.AVATAR_PALETTE) >= 10
    for colour in images.AVATAR_PALETTE:
        assert _contrast_with_white(colour) >= 4.5, colour


def test_initials_avatar_colour_stable_per_id_and_differs_across_ids(tmp_path: Path) -> None:
    first, second = (
        "persona-0",
        next(
            f"persona-{i}"
            for i in range(1, 50)
            if avatar_colour(f"persona-{i}") != avatar_colour("persona-0")
        ),
    )
    cache = ImageCache(tmp_path / "cache")
    a1 = _rgb(cache.avatar(first, "Same Name", None, 96)).getpixel((2, 2))
    a2 = _rgb(ImageCache(tmp_path / "other").avatar(first, "Same Name", None, 96)).getpixel((2, 2))
    b = _rgb(cache.avatar(second, "Same Name", None, 96)).getpixel((2, 2))
    assert a1 == a2
    assert a1 != b
    expected = tuple(int(avatar_colour(first)[i : i + 2], 16) for i in (1, 3, 5))
    assert isinstance(a1, tuple)
    assert all(abs(x - y) <= 2 for x, y in zip(a1, expected, strict=True))  # lossless output


def test_initials_avatar_draws_white_text_and_handles_odd_names(tmp_path: Path) -> None:
    cache = ImageCache(tmp_path)
    for name in ["Hannah Hill", "", "山田 太郎", "<script>", "\x00\ud800 x", "Ω" * 500]:
        path = cache.avatar("p-" + str(len(name)), name, None, 256)
        with Image.open(path) as im:
            assert im.size == (256, 256)
            assert im.convert("RGB").getextrema()[0][1] == 255  # some white pixels drawn


# ------------------------------------------------------------------ photo handling


def test_exif_orientation_6_is_applied(tmp_path: Path) -> None:
    # Stored 80x40: left half blue, right half red. Orientation 6 means "rotate
    # 90 degrees clockwise to display", so the displayed image has blue on top.
    stored = Image.new("RGB", (80, 40), RED)
    stored.paste(BLUE, (0, 0, 40, 40))
    exif = Image.Exif()
    exif[0x0112] = 6
    photo = tmp_path / "rotated.jpg"
    stored.save(photo, "JPEG", exif=exif, quality=95)

    out = ImageCache(tmp_path / "cache").avatar("p", "P", photo, 96)
    im = _rgb(out)
    assert im.size == (96, 96)
    assert _dominant(im.getpixel((48, 8))) == "blue"
    assert _dominant(im.getpixel((48, 88))) == "red"
    with Image.open(out) as written:
        assert "exif" not in written.info
        assert "icc_profile" not in written.info


def test_cmyk_jpeg(tmp_path: Path) -> None:
    photo = tmp_path / "cmyk.jpg"
    Image.new("CMYK", (50, 30), (0, 255, 255, 0)).save(photo, "JPEG", quality=95)
    verify_photo(photo)
    im = _rgb(ImageCache(tmp_path / "cache").avatar("p", "P", photo, 96))
    assert im.size == (96, 96)
    assert _dominant(im.getpixel((48, 48))) == "red"


def test_png_with_alpha_keeps_transparency(tmp_path: Path) -> None:
    source = Image.new("RGBA", (40, 40), (0, 0, 0, 0))
    source.paste((*RED, 255), (10, 10, 30, 30))
    photo = tmp_path / "alpha.png"
    source.save(photo)
    out = ImageCache(tmp_path / "cache").avatar("p", "P", photo, 96)
    with Image.open(out) as im:
        assert im.mode == "RGBA"
        assert im.getpixel((2, 2))[3] < 10
        centre = im.getpixel((48, 48))
        assert centre[3] > 245
        assert _dominant(centre) == "red"


def test_la_image_keeps_alpha(tmp_path: Path) -> None:
    source = Image.new("LA", (20, 20), (0, 0))
    source.paste((200, 255), (5, 5, 15, 15))
    photo = tmp_path / "la.png"
    source.save(photo)
    with Image.open(ImageCache(tmp_path / "cache").avatar("p", "P", photo, 96)) as im:
        assert im.mode == "RGBA"
        assert im.getpixel((1, 1))[3] < 10


def test_opaque_rgba_is_stored_without_alpha(tmp_path: Path) -> None:
    photo = tmp_path / "opaque.png"
    Image.new("RGBA", (30, 30), (*BLUE, 255)).save(photo)
    with Image.open(ImageCache(tmp_path / "cache").avatar("p", "P", photo, 96)) as im:
        assert im.mode == "RGB"


@pytest.mark.parametrize("size", [(16, 16), (1, 1), (300, 3), (3, 300)])
def test_tiny_and_extreme_inputs_give_requested_sizes(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    photo = _photo(tmp_path / "tiny.png", BLUE, size)
    cache = ImageCache(tmp_path / "cache")
    result = cache.avatars_for_many([("p", "P", photo)])
    assert set(result) == {("p", s) for s in AVATAR_SIZES}
    for s in AVATAR_SIZES:
        with Image.open(result[("p", s)]) as im:
            assert im.size == (s, s)
            assert _dominant(im.convert("RGB").getpixel((s // 2, s // 2))) == "blue"


def test_palette_images(tmp_path: Path) -> None:
    palette = Image.new("P", (24, 24), 1)
    palette.putpalette([0, 0, 0, *BLUE, *RED] + [0] * (256 * 3 - 9))
    palette.paste(2, (0, 0, 12, 24))
    gif = tmp_path / "palette.gif"
    palette.save(gif, transparency=0)
    png = tmp_path / "palette.png"
    palette.save(png)
    cache = ImageCache(tmp_path / "cache")
    for photo in (gif, png):
        verify_photo(photo)
        im = _rgb(cache.avatar(photo.stem + photo.suffix, "P", photo, 96))
        assert im.size == (96, 96)
        assert _dominant(im.getpixel((10, 48))) == "red"
        assert _dominant(im.getpixel((86, 48))) == "blue"


def test_big_jpeg_is_downscaled(tmp_path: Path) -> None:
    photo = tmp_path / "big.jpg"
    big = Image.new("RGB", (1600, 1200), RED)
    big.paste(BLUE, (0, 0, 800, 1200))
    big.save(photo, quality=85)
    im = _rgb(ImageCache(tmp_path / "cache").avatar("p", "P", photo, 256))
    assert im.size == (256, 256)
    assert _dominant(im.getpixel((40, 128))) == "blue"
    assert _dominant(im.getpixel((216, 128))) == "red"


def test_non_image_file_is_a_photo_error(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.jpg"
    bogus.write_text("this is not a picture <script>", encoding="utf-8")
    with pytest.raises(PhotoError, match="is not an image Pillow can read") as caught:
        verify_photo(bogus)
    assert str(tmp_path) not in str(caught.value)
    with pytest.raises(PhotoError, match="is not an image Pillow can read"):
        ImageCache(tmp_path / "cache").avatar("p", "P", bogus, 96)
    with pytest.raises(PhotoError, match="does not exist"):
        verify_photo(tmp_path / "missing.png")
    with pytest.raises(PhotoError, match="regular file"):
        verify_photo(tmp_path)


def test_truncated_image_is_a_photo_error(tmp_path: Path) -> None:
    photo = tmp_path / "cut.png"
    Image.effect_noise((64, 64), 50).save(photo)
    photo.write_bytes(photo.read_bytes()[:-200])
    with pytest.raises(PhotoError):
        verify_photo(photo)
    with pytest.raises(PhotoError, match="truncated or damaged"):
        ImageCache(tmp_path / "cache").avatar("p", "P", photo, 96)


@pytest.fixture(scope="module")
def bomb_64mp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bomb") / "bomb.png"
    Image.new("1", (8000, 8000)).save(path)  # 64 megapixels, a few KB on disk
    return path


def test_bomb_refused_before_decoding(bomb_64mp: Path, tmp_path: Path) -> None:
    message = r"is 8000x8000 pixels \(64\.0 megapixels\); the limit is 40 megapixels"
    with pytest.raises(PhotoError, match=message):
        verify_photo(bomb_64mp)
    cache = ImageCache(tmp_path / "cache")
    with pytest.raises(PhotoError, match=message):
        cache.avatar("p", "P", bomb_64mp, 96)
    with pytest.raises(PhotoError, match=message):
        cache.social_card("p", "P", "", "", "", bomb_64mp)
    assert cache.stats.generated == 0


@pytest.mark.parametrize("side", [12000, 20000])  # Pillow warning / Pillow error territory
def test_pillow_decompression_bomb_checks_become_photo_errors(tmp_path: Path, side: int) -> None:
    photo = _png_header_only(tmp_path / "huge.png", side, side)
    filters_before = list(warnings.filters)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        with pytest.raises(PhotoError, match="megapixels; the limit is 40 megapixels"):
            verify_photo(photo)
        with pytest.raises(PhotoError, match="the limit is 40 megapixels"):
            ImageCache(tmp_path / "cache").avatar("p", "P", photo, 96)
    assert not [w for w in seen if issubclass(w.category, Image.DecompressionBombWarning)]
    assert list(warnings.filters) == filters_before


def test_max_pixels_is_configurable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    photo = _photo(tmp_path / "p.png", RED, (100, 100))
    monkeypatch.setattr(photos, "MAX_PIXELS", 5_000)
    with pytest.raises(PhotoError, match=r"100x100 pixels \(0\.0 megapixels\)"):
        verify_photo(photo)


# ------------------------------------------------------------------------ caching


def _mtimes(paths: list[Path]) -> dict[Path, int]:
    return {path: path.stat().st_mtime_ns for path in paths}


def test_cache_reuses_and_regenerates_only_changed_photo(tmp_path: Path) -> None:
    photo_a = _photo(tmp_path / "a.png", RED)
    photo_b = _photo(tmp_path / "b.png", BLUE)
    jobs: list[tuple[str, str, Path | None]] = [
        ("alpha", "Alpha A", photo_a),
        ("beta", "Beta B", photo_b),
        ("gamma", "Gamma G", None),
    ]
    cache = ImageCache(tmp_path / "cache")
    first = cache.avatars_for_many(jobs, workers=2)
    assert len(first) == 3 * len(AVATAR_SIZES)
    assert cache.stats.generated == 3 * len(AVATAR_SIZES)
    assert cache.stats.reused == 0
    assert all(path.suffix == IMAGE_SUFFIX and path.is_file() for path in first.values())
    before = _mtimes(list(first.values()))

    again = ImageCache(tmp_path / "cache").avatars_for_many(jobs)  # fresh instance, same dir
    cache.reset_stats()
    assert cache.avatars_for_many(jobs) == first == again
    assert cache.stats.generated == 0
    assert cache.stats.reused == 3 * len(AVATAR_SIZES)
    assert _mtimes(list(first.values())) == before

    # Change photo A (and make sure its mtime differs even on coarse clocks).
    _photo(photo_a, BLUE)
    stat = photo_a.stat()
    os.utime(photo_a, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    cache.reset_stats()
    changed = cache.avatars_for_many(jobs)
    assert cache.stats.generated == len(AVATAR_SIZES)
    assert cache.stats.reused == 2 * len(AVATAR_SIZES)
    for size in AVATAR_SIZES:
        assert changed[("alpha", size)] != first[("alpha", size)]
        assert changed[("beta", size)] == first[("beta", size)]
        assert changed[("gamma", size)] == first[("gamma", size)]
        assert _dominant(_rgb(changed[("alpha", size)]).getpixel((5, 5))) == "blue"

    # Only stale files are pruned; nothing else (and no temp files) is left behind.
    cache.prune_unused()  # forget the first builds
    assert cache.avatars_for_many(jobs) == changed
    assert cache.prune_unused() == len(AVATAR_SIZES)
    assert sorted((tmp_path / "cache").iterdir()) == sorted(changed.values())


def test_touching_a_photo_without_changing_bytes_reuses(tmp_path: Path) -> None:
    photo = _photo(tmp_path / "a.png", RED)
    cache = ImageCache(tmp_path / "cache")
    path = cache.avatar("a", "A", photo, 96)
    os.utime(photo, ns=(1_000_000_000, 1_000_000_000))
    cache.reset_stats()
    assert cache.avatar("a", "A", photo, 96) == path
    assert (cache.stats.generated, cache.stats.reused) == (0, 1)


def test_social_card_cached_and_changes_with_text(tmp_path: Path) -> None:
    photo = _photo(tmp_path / "a.png", RED, (120, 80))
    cache = ImageCache(tmp_path / "cache")
    args = ("hannah", "Head of Finance Hannah", "Wants a close she can trust.", "Decision maker")
    card = cache.social_card(*args, "Handbook", photo)
    with Image.open(card) as im:
        assert im.format == "PNG"
        assert im.size == SOCIAL_SIZE == (1200, 630)
    mtime = card.stat().st_mtime_ns
    cache.reset_stats()
    assert cache.social_card(*args, "Handbook", photo) == card
    assert (cache.stats.generated, cache.stats.reused) == (0, 1)
    assert card.stat().st_mtime_ns == mtime
    assert cache.social_card(*args, "Other handbook", photo) != card


@pytest.mark.parametrize(
    ("name", "tagline", "type_label", "site"),
    [
        ("", "", "", ""),
        ("<script>alert(1)</script>", '<b>bold</b> &amp; "quotes"', "<i>", "</title>"),
        ("山田 太郎", "Ünïcödé — “quotes”, emoji 😀, RTL مرحبا", "تجربة", "Сайт"),
        ("A" * 300, "word " * 400, "x" * 200, "y" * 300),
        ("Line\nbreak\tand\x00nul", "\ud800 lone surrogate", "\u200b", "\r\n"),
    ],
    ids=["empty", "markup", "non-latin", "long", "control-chars"],
)
def test_social_card_handles_hostile_and_odd_text(
    tmp_path: Path, name: str, tagline: str, type_label: str, site: str
) -> None:
    card = ImageCache(tmp_path).social_card("p", name, tagline, type_label, site, None)
    with Image.open(card) as im:
        assert im.size == SOCIAL_SIZE


def _pixels(path: Path) -> bytes:
    with Image.open(path) as im:
        return im.convert("RGB").tobytes()


def test_accents_and_other_scripts_are_drawn_as_written(tmp_path: Path) -> None:
    """The bundled DejaVu Sans subset covers Latin, Greek and Cyrillic: "José" is not
    drawn as "Jose" on a social card, nor "É" as "E" on an initials avatar."""
    text = "José Müller-Łukasiewicz — «Straße», Ωmega, Жанна"
    assert _displayable(text) == text
    assert _displayable("山田") == ""  # no glyph, no fallback: left out, never drawn as boxes
    cache = ImageCache(tmp_path)
    accented = cache.social_card("j", "José Ñúñez", "Préfère «ça»", "Décideur", "Site", None)
    plain = cache.social_card("j", "Jose Nunez", "Prefere <<ca>>", "Decideur", "Site", None)
    assert _pixels(accented) != _pixels(plain)
    pairs = (("Élodie Ørsted", "Elodie Orsted"), ("Жанна Ёлкина", "Zhanna Yolkina"))
    for name, ascii_name in pairs:
        drawn = cache.avatar("e", name, None, 96)
        assert _pixels(drawn) != _pixels(cache.avatar("e", ascii_name, None, 96)), name
        with Image.open(drawn) as im:  # white letters, not the silhouette fallback
            assert im.convert("L").getextrema()[1] > 240


def test_bundled_fonts_and_their_licence_ship_with_the_package() -> None:
    from mkdocs_persona_plugin.images import FONT_DIR

    assert sorted(p.name for p in FONT_DIR.iterdir()) == [
        "DejaVuSans-Bold.ttf",
        "DejaVuSans.ttf",
        "LICENSE-DejaVu.txt",
    ]
    assert "Bitstream Vera" in (FONT_DIR / "LICENSE-DejaVu.txt").read_text(encoding="utf-8")


def test_output_is_deterministic(tmp_path: Path) -> None:
    photo_jpeg = tmp_path / "p.jpg"
    noise = Image.merge("RGB", [Image.effect_noise((200, 150), s) for s in (20, 40, 60)])
    noise.save(photo_jpeg, quality=90)
    photo_alpha = tmp_path / "alpha.png"
    Image.new("RGBA", (50, 70), (*RED, 128)).save(photo_alpha)
    jobs: list[tuple[str, str, Path | None]] = [
        ("a", "Alpha", photo_jpeg),
        ("b", "Beta Bee", photo_alpha),
        ("c", "Gamma Ray", None),
    ]
    outputs = []
    for run in ("one", "two"):
        cache = ImageCache(tmp_path / run)
        paths = list(cache.avatars_for_many(jobs, workers=3).values())
        paths.append(cache.social_card("a", "Alpha", "Tagline", "User", "Site", photo_jpeg))
        paths.append(cache.social_card("c", "Gamma Ray", "Tagline", "User", "Site", None))
        outputs.append({path.name: path.read_bytes() for path in paths})
    assert outputs[0] == outputs[1]


def test_social_card_png_holds_exactly_the_pixels_drawn(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cards are written as plain 8-bit RGB PNGs (unfiltered rows, zlib): lossless, with
    valid checksums and no metadata, the same bytes every time, whether or not Pillow pads
    rows for us."""
    noise = Image.merge("RGB", [Image.effect_noise((321, 123), s) for s in (20, 40, 60)])
    # 123 rows end with a short band, 48 with a whole one
    pictures = [noise, noise.crop((0, 0, 50, 48)), Image.new("RGB", (1, 1), RED)]
    pictures.append(noise.convert("L"))
    written = []
    for padded in (True, False):
        monkeypatch.setattr(image_draw, "_ROWS_PADDED", padded)
        written.append([_encode_png(picture, 3) for picture in pictures])
    assert written[0] == written[1]
    for picture, data in zip(pictures, written[0], strict=True):
        Image.open(io.BytesIO(data)).verify()  # chunk checksums
        with Image.open(io.BytesIO(data)) as back:
            assert (back.format, back.mode, back.size) == ("PNG", "RGB", picture.size)
            assert back.tobytes() == picture.convert("RGB").tobytes()
            assert not back.info
    assert _encode_png(noise, 3) == written[0][0]


def test_avatars_for_many_reports_failing_persona(tmp_path: Path) -> None:
    good = _photo(tmp_path / "good.png", RED)
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"nope")
    cache = ImageCache(tmp_path / "cache")
    with pytest.raises(PhotoError) as caught:
        cache.avatars_for_many([("good", "G", good), ("bad", "B", bad), ("none", "N", None)])
    assert caught.value.persona_id == "bad"
    assert cache.stats.generated == 2 * len(AVATAR_SIZES)  # the others were still made


def test_social_cards_for_many_reuses_the_cache_and_reports_failing_persona(
    tmp_path: Path,
) -> None:
    good = _photo(tmp_path / "good.png", RED)
    jobs: list[tuple[str, str, str, str, str, Path | None]] = [
        ("good", "Good", "Tagline", "User", "Site", good),
        ("none", "None", "Tagline", "Buyer", "Site", None),
    ]
    cache = ImageCache(tmp_path / "cache")
    first = cache.social_cards_for_many(jobs, workers=2)
    assert sorted(first) == ["good", "none"] and cache.stats.generated == 2
    assert first["none"] == cache.social_card(*jobs[1])  # the same card as one at a time
    cache.reset_stats()
    assert cache.social_cards_for_many(jobs, workers=2) == first
    assert (cache.stats.generated, cache.stats.reused) == (0, 2)

    bad = tmp_path / "bad.png"
    bad.write_bytes(b"nope")
    cache.reset_stats()
    with pytest.raises(PhotoError) as caught:
        cache.social_cards_for_many([("bad", "B", "", "", "", bad), *jobs])
    assert caught.value.persona_id == "bad"
    assert cache.stats.reused == 2  # the others were still looked up


def test_hostile_persona_id_stays_inside_cache_dir(tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    path = ImageCache(cache_dir).avatar("../../etc/passwd", "X", None, 96)
    assert path.parent == cache_dir
    assert path.name.startswith("avatar-etc-passwd-96-")


def test_invalid_size_rejected(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="avatar size"):
        ImageCache(tmp_path).avatar("p", "P", None, 0)


def test_png_fallback_without_webp(tmp_path: Path) -> None:
    """With a Pillow lacking WebP, avatars are PNGs (checked in a subprocess)."""
    script = f"""
import pathlib
from PIL import Image, features
real_check = features.check
features.check = lambda name: False if name == "webp" else real_check(name)
from mkdocs_persona_plugin import images
assert images.IMAGE_SUFFIX == ".png" and images.IMAGE_FORMAT == "PNG"
root = pathlib.Path({str(tmp_path)!r})
Image.new("RGBA", (30, 20), (200, 0, 0, 100)).save(root / "p.png")
cache = images.ImageCache(root / "cache")
for path in [cache.avatar("a", "A", root / "p.png", 96), cache.avatar("b", "B b", None, 96)]:
    with Image.open(path) as im:
        assert path.suffix == ".png" and im.format == "PNG" and im.size == (96, 96), path
print("ok")
"""
    root = Path(images.__file__).resolve().parents[2]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")]),
    }
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
