"""Avatars and social cards in a build: generated once, cached, reused, published."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import FIXED_TODAY, BuildResult, run_build, write_project
from PIL import Image

from mkdocs_persona_plugin.core.loader import load_handbook
from mkdocs_persona_plugin.core.options import HandbookOptions
from mkdocs_persona_plugin.images import IMAGE_SUFFIX, ImageCache
from mkdocs_persona_plugin.render.build import build_outputs

PERSONAS = {
    "ann.yaml": """\
        name: Analyst Ann
        owner: "@team"
        last_reviewed: 2026-06-01
        photo: photos/ann.png
        photo_alt: A drawing of Ann.
    """,
    "bob.yaml": """\
        name: Buyer Bob
        owner: "@team"
        last_reviewed: 2026-06-01
        tagline: Buys things.
    """,
    "cy.yaml": """\
        name: Retired Cy
        owner: "@team"
        last_reviewed: 2026-06-01
        status: retired
    """,
}
CACHE = ".cache/plugin/persona"


def _photo(path: Path, colour: tuple[int, int, int]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (120, 90), colour).save(path)


def _project(root: Path, **plugin: object) -> Path:
    write_project(root, personas=PERSONAS, plugin=dict(plugin))
    _photo(root / "personas" / "photos" / "ann.png", (200, 30, 30))
    return root


def _snapshot(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} if folder.is_dir() else {}


def _options(root: Path, **values: object) -> HandbookOptions:
    return HandbookOptions(
        project_root=root,
        personas_dir=root / "personas",
        journeys_dir=root / "journeys",
        cache_dir=root / CACHE,
        today=dt.date.fromisoformat(FIXED_TODAY),
        site_name="Test handbook",
        **values,  # type: ignore[arg-type]
    )


def test_outputs_per_persona_and_second_run_generates_nothing(tmp_path: Path) -> None:
    root = _project(tmp_path)
    handbook = load_handbook(root / "personas", root / "journeys", root=root,
                             today=dt.date.fromisoformat(FIXED_TODAY))
    cache = ImageCache(root / CACHE)
    outputs = build_outputs(handbook, _options(root), images=cache)
    assets = {o.src_uri: o for o in outputs if o.kind == "asset" and "/assets/" in o.src_uri}
    expected = {
        f"personas/assets/{pid}-{size}{IMAGE_SUFFIX}" for pid in ("ann", "bob", "cy")
        for size in (96, 256)
    } | {f"personas/assets/{pid}-card.png" for pid in ("ann", "bob", "cy")}
    assert set(assets) == expected
    for src, out in assets.items():
        assert out.source is not None and out.source.is_file() and out.content is None
        with Image.open(out.source) as im:
            if src.endswith("-card.png"):
                assert im.size == (1200, 630)
            else:
                size = int(src.rsplit("-", 1)[1].split(".")[0])
                assert im.size == (size, size)
    assert cache.stats.generated == 9

    cache.reset_stats()
    again = build_outputs(handbook, _options(root), images=cache)
    assert cache.stats.generated == 0 and cache.stats.reused == 9
    assert {o.src_uri: o.source for o in again if o.kind == "asset"} == {
        o.src_uri: o.source for o in outputs if o.kind == "asset"
    }

    no_cards = build_outputs(handbook, _options(root, social_cards=False), images=cache)
    assert not [o for o in no_cards if o.src_uri.endswith("-card.png")]
    off = build_outputs(handbook, _options(root, images=False), images=cache)
    assert not [o for o in off if o.kind == "asset" and "/assets/" in o.src_uri]


@pytest.fixture(scope="module")
def built_twice(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildResult, dict[str, int]]:
    """A small project built twice; returns the second build and the cache after the first."""
    root = _project(tmp_path_factory.mktemp("avatars"))
    first = run_build(root)
    assert first.returncode == 0, first.log
    after_first = _snapshot(root / CACHE)
    second = run_build(root)
    assert second.returncode == 0, second.log
    return second, after_first


def test_second_build_regenerates_nothing(built_twice: tuple[BuildResult, dict[str, int]]) -> None:
    result, after_first = built_twice
    assert len(after_first) == 9  # 3 personas x (2 avatars + 1 card)
    assert _snapshot(result.project / CACHE) == after_first


def test_published_images_are_links_to_the_cache(
    built_twice: tuple[BuildResult, dict[str, int]],
) -> None:
    """Warm builds link the cached files into the site instead of copying them."""
    result, _ = built_twice
    cached = {p.stat().st_ino for p in (result.project / CACHE).rglob("*") if p.is_file()}
    published = sorted((result.site / "personas" / "assets").iterdir())
    assert len(published) == 9
    assert {p.stat().st_ino for p in published} == cached


def test_avatars_are_published_and_used(built_twice: tuple[BuildResult, dict[str, int]]) -> None:
    result, _ = built_twice
    for pid in ("ann", "bob", "cy"):
        for size in (96, 256):
            with Image.open(result.site / f"personas/assets/{pid}-{size}{IMAGE_SUFFIX}") as im:
                assert im.size == (size, size)
    with Image.open(result.site / f"personas/assets/ann-96{IMAGE_SUFFIX}") as im:
        r, g, b = im.convert("RGB").getpixel((48, 48))
        assert r > 150 and g < 80 and b < 80  # from the red photo
    hero = result.soup("personas/ann/index.html").select_one(".pp-persona-hero img")
    assert hero["src"] == f"../assets/ann-256{IMAGE_SUFFIX}"
    assert (hero["alt"], hero["width"], hero["height"]) == ("A drawing of Ann.", "160", "160")
    assert not hero.has_attr("loading")
    card = result.soup("personas/index.html").select_one("article.pp-card img")
    assert card["loading"] == "lazy"


def test_changing_one_photo_regenerates_only_that_persona(
    built_twice: tuple[BuildResult, dict[str, int]],
) -> None:
    result, before = built_twice
    root = result.project
    _photo(root / "personas" / "photos" / "ann.png", (30, 30, 200))
    third = run_build(root)
    assert third.returncode == 0, third.log
    after = _snapshot(root / CACHE)
    new = sorted(set(after) - set(before))
    assert len(new) == 3 and all(n.startswith(("avatar-ann-", "card-ann-")) for n in new)
    for name, mtime in before.items():
        if "-ann-" not in name:
            assert after[name] == mtime, name
    with Image.open(root / "site" / f"personas/assets/ann-96{IMAGE_SUFFIX}") as im:
        r, _, b = im.convert("RGB").getpixel((48, 48))
        assert b > 150 and r < 80


def test_images_off_draws_initials_in_html(tmp_path: Path) -> None:
    root = _project(tmp_path, images=False)
    result = run_build(root)
    assert result.returncode == 0, result.log
    assert not (result.site / "personas" / "assets").exists()
    assert not (root / CACHE).exists()
    soup = result.soup("personas/bob/index.html")
    initials = soup.select_one(".pp-persona-hero .pp-avatar-initials")
    assert initials.get_text() == "BB" and initials["aria-label"] == "Buyer Bob"
    assert soup.find("meta", attrs={"property": "og:image"}) is None
    gallery = result.soup("personas/index.html")
    assert not gallery.select("img.pp-avatar")
    assert [s.get_text() for s in gallery.select(".pp-avatar-initials")] == ["AA", "BB"]
