"""The benchmark's synthetic handbook generator writes valid, deterministic content."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PIL import Image

from mkdocs_persona_plugin.core.loader import Handbook, load_handbook

REPO = Path(__file__).resolve().parent.parent


def _load(name: str) -> ModuleType:
    """Import ``benchmarks/<name>.py`` (the folder is not a package)."""
    path = REPO / "benchmarks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"_bench_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


synthetic = _load("synthetic")


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Twenty synthetic personas, written once for this module."""
    return synthetic.write_handbook(tmp_path_factory.mktemp("synthetic"), 20)


@pytest.fixture(scope="module")
def handbook(book: Any) -> Handbook:
    """The twenty personas loaded and validated like a build does."""
    root: Path = book.root
    return load_handbook(root / "personas", root / "journeys", root=root, today=synthetic.TODAY)


def test_twenty_personas_validate_with_journeys_and_photos(handbook: Handbook) -> None:
    assert len(handbook.personas) == 20
    # A journey for every fourth persona, one of them about two personas.
    assert sorted(handbook.journeys) == [f"journey-000{i}" for i in range(5)]
    assert handbook.journeys["journey-0003"].persona_ids == ["deepak-0012", "elena-0013"]
    assert [j.id for j in handbook.journeys_of("margie-0000")] == ["journey-0000"]
    # A photo for every fifth persona, checked by the loader.
    with_photo = sorted(p.id for p in handbook.personas.values() if p.photo_path)
    assert with_photo == ["bruno-0010", "greta-0015", "ian-0005", "margie-0000"]


def test_personas_have_realistic_fields(handbook: Handbook, book: Any) -> None:
    margie = handbook.personas["margie-0000"]
    assert margie.name.endswith(" Margie 0")
    assert margie.bio and "\n\n" in margie.bio  # two paragraphs
    assert 2 <= len(margie.quotes) <= 3
    assert list(margie.demographics) == ["Age", "Location", "Education", "Household"]
    assert margie.messaging is not None and margie.messaging.pitch
    assert margie.research is not None and margie.research.interviews
    for persona in handbook.personas.values():
        assert 5 <= len(persona.goals) <= 8
        assert 5 <= len(persona.challenges) <= 8
        assert persona.last_reviewed <= synthetic.TODAY
        assert set(persona.related) <= set(handbook.personas)
    sizes = [p.stat().st_size for p in book.personas_dir.glob("*.yaml")]
    assert 2500 <= sum(sizes) / len(sizes) <= 4500  # about 3 KB of YAML per persona


def test_photos_are_small_600px_jpegs(book: Any) -> None:
    assert len(book.photos) == 4
    for photo in book.photos:
        with Image.open(photo) as im:
            assert (im.format, im.size) == ("JPEG", (600, 600))
        assert photo.stat().st_size < 60_000


def test_output_is_deterministic(book: Any, tmp_path: Path) -> None:
    again = synthetic.write_handbook(tmp_path, 20)
    first = [p.relative_to(book.root) for p in synthetic.iter_files(book.root)]
    second = [p.relative_to(again.root) for p in synthetic.iter_files(again.root)]
    assert first == second
    for rel in first:
        assert (book.root / rel).read_bytes() == (again.root / rel).read_bytes(), rel


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_markup_fast_path_matches_markdown(book: Any) -> None:
    """Plain one-line text skips Python-Markdown (a benchmark hotspot); the HTML is the same."""
    from html import escape

    from mkdocs_persona_plugin.render import markup

    texts = [
        *_strings([book.personas, book.journeys]),
        "Plain prose, with commas; colons: and (brackets).",
        "1986. A year", "- not a list?", "# not a heading", "> not a quote", "---", "x_y_z",
        "a *b* c", "AT&T <b>", "tab\there", "two  spaces", "http://example.com/x", "50% of £3k",
        "\u00a0leading nbsp", "line\u2028separator", "trailing ", "\x01control",
        "**Payroll** first.", "a**b**c", "** x**", "**x **", "**a** **b**", "1. **x** y",
        "- **x**", "**x**", "x **y**", "**a\u00a0** b", "*** x", "**x*y**", "***x***",
    ]
    rng = random.Random(5)
    texts += ["".join(rng.choices("ab *1.-\u00a0_#", k=rng.randint(1, 12))) for _ in range(3000)]
    for text in texts:
        markup._render.cache_clear()
        expected = markup._md().convert(escape(markup.clean(text), quote=False))
        assert markup._render(text) == expected, text
