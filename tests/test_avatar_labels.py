"""Avatars tell people apart: initials and colours across a handbook, the photo crop, fonts
for names in other scripts, and ``lang`` on text in another language (issue 11 §4)."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest
from conftest import FIXED_TODAY, REPO
from PIL import Image

from mkdocs_persona_plugin.core.crop import DEFAULT_FOCUS, crop_box, parse_focus
from mkdocs_persona_plugin.core.loader import load_handbook
from mkdocs_persona_plugin.core.options import HandbookOptions
from mkdocs_persona_plugin.core.problems import ValidationFailed
from mkdocs_persona_plugin.images import (
    AVATAR_PALETTE,
    FONT_DIR,
    ImageCache,
    Look,
    avatar_colour,
    contrast_ratio,
)
from mkdocs_persona_plugin.images import text as image_text
from mkdocs_persona_plugin.render.avatar_labels import (
    AvatarLabel,
    avatar_labels,
    build_labels,
    is_thin,
    label_candidates,
    unique,
)
from mkdocs_persona_plugin.render.build import build_outputs

TODAY = dt.date.fromisoformat(FIXED_TODAY)
HEAD = "name: {name}\nowner: '@team'\nlast_reviewed: 2026-06-01\n"


# Initials and colours -------------------------------------------------------------------
def test_example_handbook_labels_are_all_different() -> None:
    handbook = load_handbook(REPO / "personas", REPO / "journeys", root=REPO, today=TODAY)
    labels = avatar_labels(handbook)
    assert set(labels) == set(handbook.personas)
    ben, bruno = labels["ben"], labels["bruno"]
    assert ben.initials != bruno.initials  # both were "BB"
    assert (ben.initials, bruno.initials) == ("Be", "Br")
    assert labels["ian"].initials == "Ia"  # not "II", which reads as a pause icon
    assert len({label.initials.casefold() for label in labels.values()}) == len(labels)
    assert len({label.colour for label in labels.values()}) == len(labels)  # palette lasts
    assert labels["margie"] == AvatarLabel("FM", labels["margie"].colour)  # unclashed: kept


def test_tomas_and_ted_differ_in_initials_and_colour() -> None:
    labels = build_labels({"tomas": "Tech Starter Tomáš", "ted": "Techy Ted"})
    assert labels["tomas"].initials == "To"
    assert labels["ted"].initials == "Te"
    assert labels["tomas"].colour != labels["ted"].colour


@pytest.mark.parametrize(
    "name", ["IT Admin Ian", "Il Lupo", "Ilse", "I l", "1 l", "Ivy Inglis", "ill Ill"]
)
def test_thin_pairs_are_never_chosen(name: str) -> None:
    label = build_labels({"x": name})["x"].initials
    assert label and not is_thin(label), label
    assert "II" not in label and "ll" not in label.lower()


def test_candidates_and_thin() -> None:
    assert label_candidates("Bookkeeper Ben")[:3] == ["BB", "Be", "Bn"]
    assert label_candidates("Margie")[:2] == ["M", "Ma"]
    assert label_candidates("  - ! ") == []
    assert is_thin("II") and is_thin("Il") and is_thin("l1") and not is_thin("I")
    assert not is_thin("Ia")


def test_labels_are_deterministic_unique_and_stable() -> None:
    names = {f"p{i:03d}": f"Role{i % 7} {chr(65 + i % 26)}name{i}" for i in range(150)}
    names.update({"same-1": "Ann Ash", "same-2": "Ann Ash", "same-3": "Ann Ash", "none": "--"})
    first = build_labels(names)
    assert first == build_labels(dict(reversed(list(names.items()))))  # order-free
    assert unique(first.values())  # never the same initials and colour
    colours = [label.colour for label in first.values()]
    counts = [colours.count(c) for c in AVATAR_PALETTE]
    assert max(counts) - min(counts) <= 1  # colours spread evenly beyond the palette
    # An unrelated persona added: the others keep their initials.
    small = {"ben": "Bookkeeper Ben", "bruno": "Bargain-hunter Bruno", "carla": "Clerk Carla"}
    before = build_labels(small)
    after = build_labels({**small, "zed": "Zoo Keeper Zed"})
    assert {k: v.initials for k, v in before.items()} == {
        k: v.initials for k, v in after.items() if k != "zed"
    }
    # A persona alone keeps the colour its id always had.
    assert build_labels({"hannah": "Hannah Hill"})["hannah"].colour == avatar_colour("hannah")


def test_palette_is_readable_with_white_initials() -> None:
    assert len(set(AVATAR_PALETTE)) >= 12
    for colour in AVATAR_PALETTE:
        assert contrast_ratio(colour, "#ffffff") >= 4.5, colour
    assert round(contrast_ratio("#000000", "#ffffff"), 1) == 21.0


def test_label_is_part_of_the_avatar_and_its_cache_key(tmp_path: Path) -> None:
    cache = ImageCache(tmp_path)
    be = cache.avatar("ben", "Bookkeeper Ben", None, 96, Look("Be", "#1d4ed8"))
    bb = cache.avatar("ben", "Bookkeeper Ben", None, 96, Look("BB", "#1d4ed8"))
    other = cache.avatar("ben", "Bookkeeper Ben", None, 96, Look("Be", "#b91c1c"))
    assert len({be, bb, other}) == 3
    with Image.open(other) as im:
        assert im.convert("RGB").getpixel((2, 2)) == (0xB9, 0x1C, 0x1C)
    card_a = cache.social_card("ben", "Ben", "", "", "", None, Look("Be", "#1d4ed8"))
    card_b = cache.social_card("ben", "Ben", "", "", "", None, Look("Bn", "#1d4ed8"))
    assert card_a != card_b


# Crop -----------------------------------------------------------------------------------
def _tall_portrait(path: Path) -> Path:
    """100x300, blue, with a red "face" at y 40-90 (the upper third)."""
    im = Image.new("RGB", (100, 300), (20, 20, 220))
    im.paste((220, 20, 20), (30, 40, 70, 90))
    im.paste((20, 200, 20), (0, 250, 100, 300))  # green "feet" at the bottom
    im.save(path)
    return path


def _colour_at(path: Path, xy: tuple[int, int]) -> tuple[int, int, int]:
    with Image.open(path) as im:
        r, g, b = im.convert("RGB").getpixel(xy)[:3]  # type: ignore[index, misc]
    return (r, g, b)


def test_portrait_is_cropped_from_the_upper_third(tmp_path: Path) -> None:
    photo = _tall_portrait(tmp_path / "tall.png")
    avatar = ImageCache(tmp_path / "cache").avatar("p", "P", photo, 100)
    # The square is y 50-150 of the photo... with the face (y 40-90) inside it.
    assert crop_box(100, 300) == (0, 50, 100, 150)
    red = _colour_at(avatar, (50, 20))
    assert red[0] > 150 and red[2] < 100, red
    # A centred crop (the old behaviour) would have lost the face: y 100-200.
    assert crop_box(100, 300, (0.5, 0.5)) == (0, 100, 100, 200)


def test_photo_focus_bottom_and_point(tmp_path: Path) -> None:
    photo = _tall_portrait(tmp_path / "tall.png")
    cache = ImageCache(tmp_path / "cache")
    bottom = cache.avatar("p", "P", photo, 100, Look(focus=parse_focus("bottom")))
    green = _colour_at(bottom, (50, 90))
    assert green[1] > 150 and green[0] < 100, green
    top = cache.avatar("p", "P", photo, 100, Look(focus=parse_focus("0.5,0")))
    assert _colour_at(top, (50, 60))[0] > 150  # the face, at y 40-90 of the top square
    assert len({bottom, top, cache.avatar("p", "P", photo, 100)}) == 3  # focus in the key
    card_top = cache.social_card("p", "P", "", "", "", photo, Look(focus=(0.5, 0.0)))
    card_default = cache.social_card("p", "P", "", "", "", photo)
    assert card_top != card_default


def test_wide_photo_focus_x(tmp_path: Path) -> None:
    assert crop_box(300, 100, (0.0, 0.5)) == (0, 0, 100, 100)
    assert crop_box(300, 100, (1.0, 0.5)) == (200, 0, 300, 100)
    assert crop_box(300, 100) == (100, 0, 200, 100)
    assert crop_box(10, 10, (0.9, 0.9)) == (0, 0, 10, 10)
    assert DEFAULT_FOCUS[0] == 0.5


@pytest.mark.parametrize(
    ("text", "point"),
    [("top", (0.5, 0.0)), ("center", (0.5, 0.5)), ("bottom", (0.5, 1.0)),
     ("0.5,0.3", (0.5, 0.3)), ("1, 0", (1.0, 0.0)), ("0,1.0", (0.0, 1.0))],
)
def test_parse_focus(text: str, point: tuple[float, float]) -> None:
    assert parse_focus(text) == point


@pytest.mark.parametrize("text", ["middle", "Top", "0.5", "1.5,0", "0.5;0.3", "-0.1,0", ""])
def test_parse_focus_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="top, center, bottom or 'x,y'"):
        parse_focus(text)


# Fonts ----------------------------------------------------------------------------------
CARD_TEXT_AREA = (460, 40, 1120, 500)  # right of the avatar, above the site name


def _blank(path: Path, box: tuple[int, int, int, int]) -> bool:
    with Image.open(path) as im:
        region = im.convert("RGB").crop(box)
        colours = region.getcolors(maxcolors=4)
    return colours is not None and len(colours) == 1


@pytest.fixture
def no_system_fonts(monkeypatch: pytest.MonkeyPatch) -> None:
    """As on a machine without fontconfig (or without a CJK font)."""
    monkeypatch.setattr(image_text.shutil, "which", lambda name: None)
    monkeypatch.setattr(image_text, "_SYSTEM_FACES", {})


def test_name_no_font_has_is_left_out_with_a_notice(
    tmp_path: Path, no_system_fonts: None
) -> None:
    cache = ImageCache(tmp_path)
    look = Look(font=FONT_DIR / "DejaVuSans.ttf")  # a font without Chinese
    card = cache.social_card("chen", "陈静", "", "", "Handbook", None, look)
    assert _blank(card, CARD_TEXT_AREA)  # no name, and above all no boxes
    notices = cache.take_notices()
    assert len(notices) == 1 and "chen" in notices[0] and "'font' option" in notices[0]
    assert cache.take_notices() == []
    # A Latin name is drawn as before, no notice.
    latin = cache.social_card("ann", "Ann", "", "", "Handbook", None, look)
    assert not _blank(latin, CARD_TEXT_AREA) and cache.take_notices() == []
    # The initials avatar falls back to the silhouette, as for a name without letters.
    silhouette = cache.avatar("chen", "陈静", None, 96, Look("陈", "#1d4ed8"))
    nothing = cache.avatar("dash", "-", None, 96, Look("", "#1d4ed8"))
    assert Image.open(silhouette).tobytes() == Image.open(nothing).tobytes()


def test_missing_glyphs_are_never_drawn_as_boxes(no_system_fonts: None) -> None:
    assert image_text._displayable("Ann 陈静") == "Ann"
    assert image_text._missing("Ann 陈静") == ["陈", "静"]
    assert image_text._face_for("陈静", None) == (None, False)
    assert image_text._face_for("José", None) == (None, True)
    assert not image_text._drawable("陈")
    assert image_text._drawable("é") and image_text._drawable("Ж")


def test_no_fontconfig_means_no_system_font(no_system_fonts: None) -> None:
    assert image_text.system_face("陈") is None
    assert image_text.system_face("") is None


def _cjk_font() -> Path | None:
    found = image_text.system_face("陈静")
    return Path(found[0]) if found is not None else None


def test_configured_font_draws_the_name(tmp_path: Path) -> None:
    font = _cjk_font()
    if font is None:
        pytest.skip("no font with Chinese characters on this machine (fonts-noto-cjk)")
    cache = ImageCache(tmp_path)
    card = cache.social_card("chen", "陈静", "", "", "Handbook", None, Look(font=font))
    assert not _blank(card, CARD_TEXT_AREA) and cache.take_notices() == []
    drawn = cache.avatar("chen", "陈静", None, 96, Look("陈", "#1d4ed8", font=font))
    plain = cache.avatar("dash", "-", None, 96, Look("", "#1d4ed8"))
    assert Image.open(drawn).tobytes() != Image.open(plain).tobytes()


# lang and validation --------------------------------------------------------------------
def _project(tmp_path: Path, personas: dict[str, str]) -> Path:
    for sub in ("personas", "journeys"):
        (tmp_path / sub).mkdir(parents=True, exist_ok=True)
    for name, text in personas.items():
        (tmp_path / "personas" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path


def _problems(tmp_path: Path, text: str) -> list[str]:
    root = _project(tmp_path, {"chen.yaml": text})
    with pytest.raises(ValidationFailed) as failed:
        load_handbook(root / "personas", root / "journeys", root=root, today=TODAY)
    return [str(p) for p in failed.value.problems]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            "photo_focus: middle\n",
            "personas/chen.yaml:4:14: photo_focus: 'middle': expected top, center, bottom or "
            "'x,y' with two fractions from 0 to 1 (x from the left, y from the top), "
            "e.g. '0.5,0.3'",
        ),
        (
            "lang: Chinese\n",
            "personas/chen.yaml:4:7: lang: 'Chinese' is not a language tag such as 'en', 'zh' "
            "or 'pt-BR'",
        ),
        (
            "quotes:\n  - text: 你好\n    lang: zh_CN\n",
            "personas/chen.yaml:6:11: quotes[0].lang: 'zh_CN' is not a language tag such as "
            "'en', 'zh' or 'pt-BR'",
        ),
    ],
)
def test_bad_photo_focus_and_lang_are_reported_on_their_line(
    tmp_path: Path, extra: str, message: str
) -> None:
    assert _problems(tmp_path, HEAD.format(name="Chen Jing") + extra) == [message]


def test_lang_attributes_in_the_rendered_pages(tmp_path: Path) -> None:
    root = _project(
        tmp_path,
        {
            "chen.yaml": HEAD.format(name="陈静") + "lang: zh\nquotes:\n  - 我喜欢简单的发票。\n"
            "  - text: I like simple invoices.\n    lang: en\n",
            "ann.yaml": HEAD.format(name="Analyst Ann")
            + "quotes:\n  - text: Einfach.\n    lang: de\n  - text: Plain.\n    lang: EN\n",
        },
    )
    handbook = load_handbook(root / "personas", root / "journeys", root=root, today=TODAY)
    options = HandbookOptions(
        project_root=root,
        personas_dir=root / "personas",
        journeys_dir=root / "journeys",
        cache_dir=root / ".cache",
        today=TODAY,
        language="en",
    )
    pages = {o.src_uri: o.full_body() for o in build_outputs(handbook, options) if o.is_page}
    chen, ann = pages["personas/chen.md"], pages["personas/ann.md"]
    assert 'data-persona="chen" lang="zh"' in chen
    assert '<figure class="pp-pullquote">' in chen  # in the persona's language: no attribute
    assert '<figure class="pp-quote" lang="en">' in chen
    assert 'data-persona="ann">' in ann  # the site's language
    assert '<figure class="pp-pullquote" lang="de">' in ann
    assert '<figure class="pp-quote">' in ann  # "EN" is the site's "en"
    gallery = pages["personas/index.md"]
    assert gallery.count(' lang="zh"') == 1 and ' lang="de"' not in gallery
