"""Markdown for long text fields, with raw HTML escaped and unsafe links dropped.

Authors may write Markdown in ``bio``, ``scenario`` and list items; they may not inject HTML.
Text is HTML-escaped *before* Markdown sees it (so ``<script>`` stays text) and a tree
processor removes links and images whose target is not http(s), mailto or relative.
"""

from __future__ import annotations

import re
import threading
import xml.etree.ElementTree as etree
from functools import lru_cache
from html import escape

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

_SAFE_SCHEME = re.compile(r"^(https?:|mailto:|#|/|\./|\.\./|[^:/?#]*(?:[/?#]|$))", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def is_safe_url(url: str) -> bool:
    """True for http(s), mailto, fragment and relative URLs; False for ``javascript:`` etc."""
    compact = re.sub(r"[\s\x00-\x1f]+", "", url)
    return bool(_SAFE_SCHEME.match(compact))


_WEB_URL = re.compile(r"^https?://[^\s/?#]+", re.IGNORECASE)


def is_web_url(url: str | None) -> bool:
    """True for an ``http://`` or ``https://`` address with a host (what a research source's
    ``url`` must be to become a link); False for ``javascript:``, relative paths, spaces."""
    if not url or not _WEB_URL.match(url):
        return False
    return not re.search(r"[\s\x00-\x1f\x7f]", url)


class _SafeLinks(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for child in list(parent):
                attr = {"a": "href", "img": "src"}.get(child.tag)
                if attr and not is_safe_url(child.get(attr, "")):
                    if child.tag == "img":
                        child.tag = "span"
                        child.text = child.get("alt", "")
                        child.attrib.clear()
                    else:
                        child.attrib.pop("href", None)
                        child.tag = "span"
                elif child.tag == "a":
                    href = child.get("href", "")
                    if href.lower().startswith(("http://", "https://")):
                        child.set("rel", "noopener nofollow")


class _SafeLinksExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_SafeLinks(md), "persona_safe_links", 0)


_local = threading.local()


def _md() -> markdown.Markdown:
    md = getattr(_local, "md", None)
    if md is None:
        md = markdown.Markdown(extensions=[_SafeLinksExtension(), "sane_lists"])
        _local.md = md
    md.reset()
    return md


def clean(text: str) -> str:
    """Remove control characters (they would break Markdown's placeholders)."""
    return _CONTROL.sub("", text)


#: A single line Python-Markdown would only wrap in ``<p>…</p>``: no character that starts inline
#: syntax (emphasis, code, links, HTML, entities, escapes) and no block marker at the start.
#: Most list items are such plain prose, or plain prose with one bold phrase; skipping Markdown
#: for them gives the same HTML (checked by fuzzing against Markdown) and saves most of the
#: rendering time on big handbooks.
_PLAIN = r"[^\n\r\t\\`*_\[\]<>&#!~|]"
_PLAIN_LINE = re.compile(f"{_PLAIN}*")
_EDGE = r"[^\s\\`*_\[\]<>&#!~|]"  # a plain character that is not white space
_STRONG_LINE = re.compile(f"({_PLAIN}*)\\*\\*({_EDGE}(?:{_PLAIN}*{_EDGE})?)\\*\\*({_PLAIN}*)")
_BLOCK_START = re.compile(r"[-+*>#=|:0-9]")


def _simple_html(text: str) -> str | None:
    """The HTML of a line of plain prose, with at most one ``**bold**`` phrase; else None."""
    if not text or text != text.strip():
        return None
    if _PLAIN_LINE.fullmatch(text):
        return None if _BLOCK_START.match(text) else f"<p>{escape(text, quote=False)}</p>"
    strong = _STRONG_LINE.fullmatch(text)
    if strong is None or _BLOCK_START.match(strong.group(1)):
        return None
    before, bold, after = (escape(part, quote=False) for part in strong.groups())
    return f"<p>{before}<strong>{bold}</strong>{after}</p>"


@lru_cache(maxsize=8192)
def _render(text: str) -> str:
    text = clean(text)
    simple = _simple_html(text)
    if simple is not None:
        return simple
    return _md().convert(escape(text, quote=False))


def release_memo() -> None:
    """Forget the HTML of the texts rendered so far (see ``build.release_memos``)."""
    _render.cache_clear()


def render_block(text: str | None) -> Markup:
    """Markdown text (paragraphs, lists, emphasis, links) as safe HTML."""
    return Markup(_render(text)) if text else Markup("")


def render_inline(text: str | None) -> Markup:
    """One line of inline Markdown (emphasis, code, links), without a wrapping paragraph."""
    if not text:
        return Markup("")
    html = _render(text)
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


def plain(text: str | None) -> str:
    """Markdown reduced to plain text (for meta descriptions and JSON), not escaped."""
    if not text:
        return ""
    html = _render(text)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip().replace("&lt;", "<").replace(
        "&gt;", ">"
    ).replace("&amp;", "&").replace("&quot;", '"')


def head_attribute(text: str) -> str:
    """``text`` escaped for an attribute in a page's ``<head>``, every character beyond ASCII
    written as a character reference (``—`` as ``&#8212;``).

    Python keeps a string in one, two or four bytes per character, whichever its widest
    character needs. One em dash in a meta description made the whole gallery page (1.3 MB
    of text at 1000 personas) twice as large in memory, in every copy MkDocs and the
    plugins make while they finish the page. Browsers read both spellings alike.
    """
    return escape(text).encode("ascii", "xmlcharrefreplace").decode("ascii")


def lang_attr(lang: str | None, *outer: str | None) -> Markup:
    """`` lang="…"`` for an element whose text is in ``lang``, or nothing when ``lang`` is
    unset or the same as the nearest of ``outer`` (the enclosing languages, innermost first:
    e.g. the persona's, then the site's). Case does not matter (``en-GB`` is ``en-gb``)."""
    if not lang:
        return Markup("")
    enclosing = next((o for o in outer if o), "")
    if lang.casefold() == enclosing.casefold():
        return Markup("")
    return Markup(' lang="{}"').format(lang)
