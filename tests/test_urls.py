"""Relative links between generated pages: the same as ``posixpath.relpath`` gives."""

from __future__ import annotations

import itertools
import posixpath

import pytest

from mkdocs_persona_plugin.core.urls import page_url, relative_url

PAGES = [
    "", "personas/", "personas/hannah/", "personas/hannah.html", "index.html",
    "handbook/personas/", "handbook/personas/index.html", "journeys/a-b/", "a/b/c/d.html",
    "personas/assets/hannah-96.webp", "personas/compare-data.json", "./personas/",
]


def reference(target: str, base_page: str) -> str:
    """The original implementation, on ``posixpath.relpath``."""
    base_dir = base_page if base_page.endswith("/") or not base_page else posixpath.dirname(
        base_page
    )
    base_dir = base_dir.rstrip("/") or "."
    fragment = ""
    if "#" in target:
        target, fragment = target.split("#", 1)
        fragment = "#" + fragment
    trailing = "/" if target.endswith("/") else ""
    rel = posixpath.relpath(target.rstrip("/") or ".", base_dir)
    if rel == ".":
        return ("./" if trailing else ".") + fragment
    return rel + trailing + fragment


@pytest.mark.parametrize("fragment", ["", "#path"])
def test_relative_url_matches_relpath(fragment: str) -> None:
    for target, base in itertools.product(PAGES, PAGES):
        assert relative_url(target + fragment, base) == reference(target + fragment, base), (
            target,
            base,
        )


def test_relative_url_examples() -> None:
    assert relative_url("personas/hannah/", "personas/margie/") == "../hannah/"
    assert relative_url("personas/", "personas/") == "./"
    assert relative_url("reviews/", "personas/hannah/") == "../../reviews/"
    assert relative_url("personas/start-here/#path", "personas/") == "start-here/#path"
    assert relative_url("personas/x.html", "personas/y.html") == "x.html"
    assert relative_url("a/../b/", "c/") == reference("a/../b/", "c/")


def test_page_url() -> None:
    assert page_url("personas/hannah.md") == "personas/hannah/"
    assert page_url("personas/hannah.md", use_directory_urls=False) == "personas/hannah.html"
    assert page_url("personas/index.md") == "personas/"
    assert page_url("personas/index.md", use_directory_urls=False) == "personas/index.html"
    assert page_url("index.md") == ""
    assert page_url("personas.json") == "personas.json"
