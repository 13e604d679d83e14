"""Page addresses for generated files, computed the way MkDocs does, without importing it."""

from __future__ import annotations

import posixpath
from functools import lru_cache


@lru_cache(maxsize=65536)
def page_url(src_uri: str, use_directory_urls: bool = True) -> str:
    """The URL (relative to the site root) MkDocs gives the Markdown file ``src_uri``.

    ``personas/hannah.md`` → ``personas/hannah/`` (or ``personas/hannah.html``);
    ``personas/index.md`` → ``personas/`` (or ``personas/index.html``).
    """
    stem, ext = posixpath.splitext(src_uri)
    if ext != ".md":
        return src_uri
    directory, name = posixpath.split(stem)
    if name in ("index", "README"):
        url = f"{directory}/" if directory else ""
        return url if use_directory_urls else f"{directory + '/' if directory else ''}index.html"
    if use_directory_urls:
        return f"{stem}/"
    return f"{stem}.html"


@lru_cache(maxsize=4096)
def relative_url(target: str, base_page: str) -> str:
    """``target`` (a site-root-relative URL) as seen from the page at URL ``base_page``.

    The same result as ``posixpath.relpath`` on the two paths, computed on their segments
    (a large handbook asks for tens of thousands of links).
    """
    if base_page.endswith("/") or not base_page:
        base_dir = base_page
    else:
        base_dir = posixpath.dirname(base_page)
    fragment = ""
    if "#" in target:
        target, fragment = target.split("#", 1)
        fragment = "#" + fragment
    trailing = "/" if target.endswith("/") else ""
    to, start = _segments(target), _segments(base_dir)
    if ".." in to or ".." in start:
        rel = posixpath.relpath(target.rstrip("/") or ".", base_dir.rstrip("/") or ".")
    else:
        common = 0
        for a, b in zip(to, start, strict=False):
            if a != b:
                break
            common += 1
        rel = "/".join([".."] * (len(start) - common) + to[common:]) or "."
    if rel == ".":
        return ("./" if trailing else ".") + fragment
    return rel + trailing + fragment


def _segments(path: str) -> list[str]:
    return [part for part in path.split("/") if part and part != "."]


def join(*parts: str) -> str:
    """Join URL path segments, dropping empty ones."""
    stripped = [p.strip("/") for p in parts if p]
    return "/".join([p for p in stripped if p])
