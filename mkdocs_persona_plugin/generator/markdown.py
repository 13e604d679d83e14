"""The rendered handbook as files: Markdown pages with one raw HTML block, and assets.

A page keeps the front matter the renderer gave it (``title``, ``description``, ``hide``, …)
and its HTML body, wrapped in one ``<div>`` so that Python-Markdown (MkDocs, ProperDocs,
Zensical) passes it through untouched, as one raw HTML block. The handbook's stylesheets and
scripts are linked from inside that block, so a page needs nothing in the site's
configuration. Pages are rendered with ``folder_pages`` (every page is ``<name>/index.md``):
a page's file and its address share a folder, so every relative link in the HTML reads the
same whether the host keeps it as written (MkDocs) or reads it from the Markdown file
(Zensical).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..core.options import HandbookOptions
from ..core.urls import join, page_url, relative_url
from ..render.site import BODY_MARKER, PACKAGE_ASSETS, Output, asset_names

#: The handbook's stylesheets and scripts, below the generated folder.
ASSET_DIR = "assets"
#: The first line of every generated page's front matter.
NOTE = (
    "# Written by `mkdocs-persona generate` from the persona and journey YAML files:\n"
    "# edit those and run it again; changes made here are overwritten.\n"
)


def asset_src(options: HandbookOptions, name: str) -> str:
    """The path (below the docs folder) of one of the handbook's stylesheets or scripts."""
    return join(options.url_prefix, ASSET_DIR, name)


def asset_tags(options: HandbookOptions, page_src: str) -> tuple[str, str]:
    """The ``<link>`` tags and the ``<script>`` tags the page at ``page_src`` needs."""
    base = page_url(page_src, options.use_directory_urls)
    links, scripts = [], []
    for name in asset_names():
        href = relative_url(page_url(asset_src(options, name)), base)
        if name.endswith(".css"):
            links.append(f'<link rel="stylesheet" href="{href}">')
        else:
            scripts.append(f'<script src="{href}"></script>')
    return "\n".join(links), "\n".join(scripts)


def page_markdown(out: Output, options: HandbookOptions) -> str:
    """The Markdown file of the page ``out``: its front matter and its HTML in one block."""
    assert isinstance(out.content, str), out.src_uri
    links, scripts = asset_tags(options, out.src_uri)
    block = f'<div class="pp-generated">\n{links}\n{out.full_body()}\n{scripts}\n</div>'
    text = out.content.replace(BODY_MARKER, block, 1)
    if text.startswith("---\n"):
        text = "---\n" + NOTE + text[len("---\n") :]
    return text


def handbook_files(outputs: Iterable[Output], options: HandbookOptions) -> dict[str, bytes]:
    """Every file of the handbook by its path below the docs folder: the pages as Markdown,
    the images and data files, and the stylesheets and scripts the pages link to."""
    files: dict[str, bytes] = {}
    for out in outputs:
        if out.is_page:
            files[out.src_uri] = page_markdown(out, options).encode("utf-8")
        else:
            files[out.src_uri] = out.data()
    for name in asset_names():
        files[asset_src(options, name)] = (PACKAGE_ASSETS / name).read_bytes()
    return files
