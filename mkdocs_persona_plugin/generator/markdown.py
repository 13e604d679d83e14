"""The rendered handbook as files: Markdown pages with one raw HTML block, and assets.

A page keeps the front matter the renderer gave it (``title``, ``description``, ``hide``, …)
and its HTML body, wrapped in one ``<div>`` so that Python-Markdown (MkDocs, ProperDocs,
Zensical) passes it through untouched, as one raw HTML block. The stylesheets and scripts the
page uses (the same as the plugin links: :mod:`..render.page_assets`) are linked from inside
that block, so a page needs nothing in the site's configuration and a documentation page
loads none of them. Pages are rendered with ``folder_pages`` (every page is
``<name>/index.md``): a page's file and its address share a folder, so every relative link
in the HTML reads the same whether the host keeps it as written (MkDocs) or reads it from the
Markdown file (Zensical).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..core.options import HandbookOptions
from ..core.urls import join, page_url, relative_url
from ..render.page_assets import AssetTags, asset_tags
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


def page_asset_tags(out: Output, options: HandbookOptions) -> AssetTags:
    """The tags that load the stylesheets and scripts the page ``out`` uses."""
    base = page_url(out.src_uri, options.use_directory_urls)
    return asset_tags(
        out.assets, lambda name: relative_url(page_url(asset_src(options, name)), base)
    )


def page_markdown(out: Output, options: HandbookOptions) -> str:
    """The Markdown file of the page ``out``: its front matter and its HTML in one block."""
    assert isinstance(out.content, str), out.src_uri
    tags = page_asset_tags(out, options)
    parts = [tags.stylesheets, out.full_body(), tags.scripts]
    inner = "\n".join(part for part in parts if part)
    block = f'<div class="pp-generated">\n{inner}\n</div>'
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
