"""The handbook builds and links correctly across themes and site setups.

Each case builds the example handbook with ``--strict`` (except ``--dirty``, which MkDocs
itself warns about), checks that the key pages exist and that every relative link and asset
reference in every page points at a file that exists.
"""

from __future__ import annotations

import functools
import http.server
import posixpath
import shutil
import socketserver
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import BuildResult, run_build, write_project

HOME = """\
# Home

[All personas](personas/index.md) · [Compare](personas/compare.md) ·
[Journeys](journeys/index.md) · [Reviews](reviews/index.md)
"""

#: Generated pages (as Markdown paths) every build must publish.
KEY_PAGES = (
    "index.md",
    "personas/index.md",
    "personas/start-here.md",
    "personas/margie.md",
    "personas/bruno.md",
    "personas/compare.md",
    "journeys/index.md",
    "journeys/fiona-first-invoice.md",
    "reviews/index.md",
)
KEY_FILES = (
    "personas.json",
    "journeys.json",
    "reviews.json",
    "reviews.ics",
    "personas/compare-data.json",
    "personas/assets/margie-96.webp",
    "personas/assets/margie-256.webp",
    "assets/persona/persona.css",
)
URL_ATTRIBUTES = ("href", "src", "data-url", "data-src", "data-json", "action", "poster")


@pytest.fixture(scope="module")
def image_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One image cache for every build in this module (images are the slow part)."""
    return tmp_path_factory.mktemp("compat-cache")


def example(root: Path, cache: Path, **config: Any) -> Path:
    """The example handbook with a home page linking to the generated pages."""
    return write_project(
        root,
        example=True,
        docs={"index.md": HOME},
        plugin={"cache_dir": str(cache)},
        config=config,
    )


def built_path(src: str, directory_urls: bool) -> str:
    """Where MkDocs writes the page ``src`` (``personas/x.md`` → ``personas/x/index.html``)."""
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return f"{stem}/index.html" if directory_urls else f"{stem}.html"


def references(soup: BeautifulSoup) -> list[str]:
    """Every URL in the page's attributes (``srcset`` split into its URLs)."""
    found: list[str] = []
    for element in soup.find_all(True):
        for name in URL_ATTRIBUTES:
            value = element.get(name)
            if isinstance(value, str) and value.strip():
                found.append(value.strip())
        for name in ("srcset", "imagesrcset"):
            value = element.get(name)
            if isinstance(value, str):
                found += [part.strip().split()[0] for part in value.split(",") if part.strip()]
    return found


def broken_links(site: Path, skip: tuple[str, ...] = ("404.html",)) -> dict[str, list[str]]:
    """For every page, its relative references that point nowhere, and any root-absolute
    references (they break when the site is served under a sub-path)."""
    broken: dict[str, list[str]] = {}
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        if rel in skip:
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        bad: list[str] = []
        for ref in references(soup):
            parts = urlsplit(ref)
            if parts.scheme or parts.netloc or ref.startswith(("#", "mailto:")):
                continue
            if ref.startswith("/"):
                bad.append(ref)
                continue
            if not parts.path:
                continue
            target = Path(
                posixpath.normpath(posixpath.join(page.parent.as_posix(), unquote(parts.path)))
            )
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file() or site.resolve() not in target.resolve().parents:
                bad.append(ref)
        if bad:
            broken[rel] = sorted(set(bad))
    return broken


def assert_complete(result: BuildResult, directory_urls: bool = True) -> None:
    """Key pages and files exist and every reference resolves."""
    assert result.returncode == 0, result.log
    missing = [
        built_path(src, directory_urls)
        for src in KEY_PAGES
        if not (result.site / built_path(src, directory_urls)).is_file()
    ]
    missing += [name for name in KEY_FILES if not (result.site / name).is_file()]
    assert missing == []
    assert broken_links(result.site) == {}


# Themes and URL styles -------------------------------------------------------------------
def test_default_mkdocs_theme(tmp_path: Path, image_cache: Path) -> None:
    result = run_build(example(tmp_path, image_cache, theme={"name": "mkdocs"}))
    assert_complete(result)
    soup = result.soup("personas/margie/index.html")
    assert soup.select_one("div.pp-persona h1").get_text(strip=True) == "Finance Manager Margie"
    assert soup.find("link", href="../../assets/persona/persona.css") is not None
    home = result.soup("index.html")
    assert home.find("a", href="personas/") is not None


def test_use_directory_urls_false(tmp_path: Path, image_cache: Path) -> None:
    result = run_build(example(tmp_path, image_cache, use_directory_urls=False))
    assert_complete(result, directory_urls=False)
    gallery = result.soup("personas/index.html")
    card = gallery.select_one("a.pp-card-link[href='margie.html']")
    assert card is not None
    assert not (result.site / "personas" / "margie" / "index.html").exists()
    persona = result.soup("personas/margie.html")
    assert persona.select_one("img.pp-avatar")["src"] == "assets/margie-256.webp"


def test_material_instant_navigation(tmp_path: Path, image_cache: Path) -> None:
    result = run_build(
        example(
            tmp_path,
            image_cache,
            site_url="https://example.com/",
            theme={"name": "material", "features": ["navigation.instant"]},
        )
    )
    assert_complete(result)
    config = result.soup("index.html").find("script", id="__config")
    assert "navigation.instant" in config.get_text()


# Served under a sub-path -----------------------------------------------------------------
class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def subpath_site(tmp_path: Path, image_cache: Path) -> Iterator[tuple[str, BuildResult]]:
    """The example built for ``https://example.com/handbook/``, served at ``/handbook/``."""
    result = run_build(
        example(tmp_path / "project", image_cache, site_url="https://example.com/handbook/")
    )
    assert result.returncode == 0, result.log
    root = tmp_path / "www"
    root.mkdir()
    shutil.copytree(result.site, root / "handbook")
    handler = functools.partial(_Quiet, directory=str(root))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/handbook/", result
    finally:
        server.shutdown()
        server.server_close()


def fetch(url: str) -> tuple[int, bytes]:
    """Status and body of ``url``."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, b""


def test_site_served_under_a_sub_path(subpath_site: tuple[str, BuildResult]) -> None:
    base, result = subpath_site
    assert_complete(result)
    statuses: dict[str, int] = {}
    for page in ("personas/margie/", "personas/compare/", "journeys/fiona-first-invoice/",
                 "reviews/"):
        status, body = fetch(base + page)
        assert status == 200, page
        soup = BeautifulSoup(body.decode("utf-8"), "html.parser")
        for ref in references(soup):
            url = urljoin(base + page, ref)
            if not url.startswith("http://127.0.0.1"):
                continue  # other hosts (fonts, the edit link) are not ours to serve
            statuses[url.split("#")[0]] = fetch(url.split("#")[0])[0]
    assert {u: s for u, s in statuses.items() if s != 200} == {}
    assert any(u.endswith("/handbook/assets/persona/persona.css") for u in statuses)
    assert any(u.endswith("/handbook/personas/assets/margie-256.webp") for u in statuses)
    assert any(u.endswith("/handbook/personas/compare-data.json") for u in statuses)
    assert all("/handbook/" in u for u in statuses)
    og = result.soup("personas/margie/index.html").find("meta", attrs={"property": "og:image"})
    assert og["content"] == "https://example.com/handbook/personas/assets/margie-card.png"


# Dirty builds ----------------------------------------------------------------------------
def test_dirty_rebuild_shows_the_edit_without_plugin_warnings(
    tmp_path: Path, image_cache: Path
) -> None:
    project = example(tmp_path, image_cache)
    first = run_build(project)
    assert first.returncode == 0, first.log
    margie = project / "personas" / "margie.yaml"
    text = margie.read_text(encoding="utf-8")
    assert "tagline: " in text
    margie.write_text(
        "\n".join(
            "tagline: Edited before a dirty build" if line.startswith("tagline: ") else line
            for line in text.splitlines()
        )
        + "\n",
        encoding="utf-8",
    )
    second = run_build(project, "--dirty", strict=False)
    assert second.returncode == 0, second.log
    tagline = result_tagline(second)
    assert tagline == "Edited before a dirty build"
    warnings = [line for line in second.log.splitlines() if line.startswith("WARNING")]
    assert all("dirty" in line.lower() for line in warnings), warnings
    assert broken_links(second.site) == {}


def result_tagline(result: BuildResult) -> str:
    """The tagline shown on Margie's page."""
    node = result.soup("personas/margie/index.html").select_one(".pp-tagline")
    return str(node.get_text(" ", strip=True)) if node else ""
