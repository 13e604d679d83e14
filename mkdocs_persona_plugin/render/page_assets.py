"""Which of the handbook's stylesheets and scripts a page loads, and the tags that load them.

Each page kind names the files it uses (``ASSETS`` in its module under ``pages/``, given to
:meth:`~.site.BuildContext.page` and kept in :attr:`~.site.Output.assets`); a documentation
page loads none of them. Both hosts link a page's files with :func:`asset_tags`: the MkDocs
plugin puts the stylesheets in the page's ``<head>``, before the site's own ``extra_css``, and
the scripts at the end of the page content; ``generate`` puts both in the page's HTML block.

Every such page also links ``print.css`` (the page alone on paper) with ``media="print"``, so
it does not hold up the page on screen. Scripts are ``defer``: they never hold up the first
paint, and run in document order once the page is parsed (after the theme's own scripts).
Inside the page content they are run again by Material's and Zensical's instant navigation,
which swaps the content in without a reload; each script subscribes to ``document$`` once per
window (see the end of each script).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urljoin

#: The stylesheets in cascade order (at equal specificity a later one wins): the order in
#: which every page linked all of them before each page linked only its own. The print
#: sheet comes first, so that each page kind's own print rules override it (a journey map's
#: narrower ``@page journey`` margins, for one: Chromium lets a later ``@page`` win).
STYLESHEETS = (
    "print.css",
    "reviews.css",
    "persona.css",
    "journey.css",
    "evidence.css",
    "compare.css",
)
#: Linked on every page that links any of the handbook's files: the page alone on paper.
EVERY_PAGE = ("print.css",)
#: Stylesheets for one medium only: linked with ``media``, they never hold up the first paint.
MEDIA = {"print.css": "print"}
_STYLESHEET = re.compile(r"<link\b[^>]*\brel=[\"']?stylesheet\b[^>]*>", re.IGNORECASE)
_HREF = re.compile(r"\bhref=[\"']([^\"']*)[\"']", re.IGNORECASE)

#: The scripts in the order they run (each stands alone).
SCRIPTS = ("compare.js", "evidence.js", "journey.js", "persona.js", "reviews.js")


@dataclass(frozen=True)
class AssetTags:
    """The HTML that loads a page's files: ``<link>`` tags and ``<script defer>`` tags."""

    stylesheets: str = ""
    scripts: str = ""


def ordered(names: Iterable[str]) -> list[str]:
    """``names`` and, if there are any, :data:`EVERY_PAGE`, without repeats: stylesheets
    first (in cascade order), then scripts.

    Raises :class:`ValueError` for a name that is not one of the handbook's files.
    """
    wanted = set(names)
    if wanted:
        wanted.update(EVERY_PAGE)
    unknown = wanted - set(STYLESHEETS) - set(SCRIPTS)
    if unknown:
        raise ValueError(f"no such handbook stylesheet or script: {', '.join(sorted(unknown))}")
    return [name for name in (*STYLESHEETS, *SCRIPTS) if name in wanted]


def asset_tags(names: Iterable[str], href: Callable[[str], str]) -> AssetTags:
    """The tags that load ``names``; ``href(name)`` is the file's URL as seen from the page."""
    links: list[str] = []
    scripts: list[str] = []
    for name in ordered(names):
        url = html.escape(href(name))
        if name.endswith(".css"):
            media = f' media="{MEDIA[name]}"' if name in MEDIA else ""
            links.append(f'<link rel="stylesheet" href="{url}"{media}>')
        else:
            scripts.append(f'<script src="{url}" defer></script>')
    return AssetTags("\n".join(links), "\n".join(scripts))


def link_stylesheets(head_html: str, links: str, site_css: Iterable[str], page_url: str) -> str:
    """``head_html`` (what a finished page at the site-root-relative URL ``page_url`` has
    before ``</head>``) with ``links`` before the first of the site's own stylesheets
    (``site_css``, e.g. MkDocs' ``extra_css``), so that the site's rules override the
    handbook's at equal specificity; at its end when the page links none of them."""
    root = "http://site.invalid/"  # resolves relative links as the browser does
    wanted = {urljoin(root, str(path)) for path in site_css}
    position = len(head_html)
    for tag in _STYLESHEET.finditer(head_html) if wanted else ():
        href = _HREF.search(tag.group(0))
        if href and urljoin(root + page_url, html.unescape(href.group(1))) in wanted:
            position = tag.start()
            break
    return head_html[:position] + links + "\n" + head_html[position:]
