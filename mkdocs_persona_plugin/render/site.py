"""Generate the handbook's pages and files from a loaded :class:`~.loader.Handbook`.

The result is a list of :class:`Output` objects (Markdown pages and binary/text assets) that
any host can publish; the MkDocs plugin turns them into ``File.generated`` entries. This module
does not import mkdocs.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
import types
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast
from urllib.parse import urljoin

import jinja2
import yaml

from ..core.evidence import EvidenceSummary, evidence_summary
from ..core.history import History
from ..core.loader import Handbook
from ..core.models import Journey, Persona
from ..core.options import HandbookOptions
from ..core.reviews import ReviewItem, ReviewStatus, review_status
from ..core.urls import join, page_url, relative_url
from ..images import IMAGE_SUFFIX
from . import markup
from .page_assets import ordered
from .reuse import RenderMemo
from .share_tags import share_tags
from .strings import Strings

PACKAGE_TEMPLATES = Path(__file__).parent / "templates"
PACKAGE_ASSETS = Path(__file__).parent / "assets"
#: Above this many personas, listing pages are left out of the search index.
LARGE_HANDBOOK = 100
#: Stands in a generated page's Markdown for its HTML body (see :class:`Output`).
BODY_MARKER = "<!-- mkdocs-persona-plugin: page body -->"
#: Templates wrap a page's chrome in these comments: its navigation (breadcrumbs, review
#: banner, related personas, footer, previous/next) and what repeats the page's own content
#: in another form (a persona's "at a glance" box; a journey's stage cards for phones, its
#: emotion curve and the curve's data table); see :attr:`Output.chrome`.
CHROME_START = "<!--pp-chrome-->"
CHROME_END = "<!--/pp-chrome-->"
_CHROME_SLOT = re.compile(r"<!--pp-chrome:(\d+)-->")
_ID_ATTRIBUTE = re.compile(r'id="([^"]+)"')  # a literal start: ten times faster than \sid
#: libyaml's emitter when PyYAML has it (six times faster than the pure-Python one).
_DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
T = TypeVar("T")


@dataclass
class Output:
    """One file of the generated site.

    A page has ``src_uri`` ending in ``.md``, ``content`` (front matter and the one line
    :data:`BODY_MARKER`) and ``body``, the rendered HTML a host puts in place of the marker
    once the Markdown is converted: the HTML never goes through a Markdown parser, which
    would only re-read it (a third of a large build's time). The page's chrome (see
    :data:`CHROME_START`) is kept apart in ``chrome``, with a ``<!--pp-chrome:N-->`` slot for
    each block in ``body``: a host fills the slots in the finished page (:meth:`fill_chrome`),
    after its search index has read the content, so neither links to other pages nor the same
    text twice are indexed, and the index's HTML parser (the larger part of a build's time
    for a journey map) reads each text once.
    :meth:`full_body` is the body with the chrome in place.
    An asset has ``content`` (str or bytes), ``packed`` (the same, zlib-compressed: see
    :meth:`pack`) or ``source`` (a file to copy, e.g. a cached image); :meth:`data` reads any.
    A packed page keeps its body and chrome compressed: read them with :meth:`page_body`
    and :meth:`page_chrome`.
    A page's ``assets`` names the handbook's stylesheets and scripts it uses
    (:mod:`.page_assets`): hosts link those, and only those.
    """

    src_uri: str
    content: str | bytes | None = None
    body: str = ""
    chrome: list[str] = field(default_factory=list)
    source: Path | None = None
    title: str = ""
    edit_url: str = ""
    nav_section: str = ""  # "personas", "journeys" or "" (not listed in the navigation)
    nav_weight: float = 0.0  # order inside the section
    head: str = ""  # extra HTML for <head> (already escaped)
    persona_id: str = ""  # for pages that show one persona
    kind: str = "page"
    packed: bytes = b""  # ``content`` as UTF-8, zlib-compressed (see :meth:`pack`)
    packed_body: bytes = b""  # ``body``, compressed the same way
    packed_chrome: bytes = b""  # ``chrome`` as a JSON list, compressed the same way
    assets: tuple[str, ...] = ()  # the handbook stylesheets and scripts the page loads

    @property
    def is_page(self) -> bool:
        """Whether this output is a Markdown page."""
        return self.src_uri.endswith(".md")

    def page_body(self) -> str:
        """The page's HTML body (without its chrome), whichever way it is kept."""
        if self.packed_body:
            return zlib.decompress(self.packed_body).decode("utf-8")
        return self.body

    def page_chrome(self) -> list[str]:
        """The page's chrome blocks, whichever way they are kept."""
        if self.packed_chrome:
            chrome: list[str] = json.loads(zlib.decompress(self.packed_chrome))
            return chrome
        return self.chrome

    def take_body(self) -> str:
        """:meth:`page_body`, no longer kept here (a host that holds the page's HTML from
        now on need not keep two copies)."""
        body = self.page_body()
        self.body, self.packed_body = "", b""
        return body

    def take_chrome(self) -> list[str]:
        """:meth:`page_chrome`, no longer kept here (the page is finished)."""
        chrome = self.page_chrome()
        self.chrome, self.packed_chrome = [], b""
        return chrome

    def fill_chrome(self, html_text: str) -> str:
        """``html_text`` (a finished page, or the body) with the chrome in its slots."""
        return finish_page(html_text, self.page_chrome())

    def full_body(self) -> str:
        """The page's HTML body with its chrome in place."""
        return self.fill_chrome(self.page_body())

    def pack(self) -> None:
        """Keep ``content`` (a page's body and chrome) compressed until it is written.

        The data files (``personas.json``, ``compare-data.json``, …) are megabytes of JSON in
        a large handbook, and the pages' HTML as much again; compressed, they take a tenth of
        the memory while a one-off build renders every page before the host builds any.
        """
        if self.body:
            self.packed_body, self.body = zlib.compress(self.body.encode("utf-8"), 1), ""
        if self.chrome:
            raw = json.dumps(self.chrome, ensure_ascii=False).encode("utf-8")
            self.packed_chrome, self.chrome = zlib.compress(raw, 1), []
        if self.content is None or self.is_page:
            return
        raw = self.content.encode("utf-8") if isinstance(self.content, str) else self.content
        self.packed, self.content = zlib.compress(raw, 1), None

    def data(self) -> bytes:
        """The file's bytes, whichever way they are kept."""
        if self.packed:
            return zlib.decompress(self.packed)
        if isinstance(self.content, str):
            return self.content.encode("utf-8")
        if self.content is not None:
            return self.content
        return self.source.read_bytes() if self.source is not None else b""


@dataclass
class BuildContext:
    """What every page generator needs: data, options, templates, strings, images, and
    what git knows about the content files (an empty :class:`History` when nothing)."""

    handbook: Handbook
    options: HandbookOptions
    strings: Strings
    env: jinja2.Environment
    images: Any = None  # an images.ImageCache when images are on
    history: History = field(default_factory=History)
    shared: dict[str, Any] = field(default_factory=dict)  # results generators share
    memo: RenderMemo | None = None  # results of the session's previous build (mkdocs serve)
    #: Paths already joined (``src()``): the pages ask for the same few thousand again and again.
    _paths: dict[tuple[str, ...], str] = field(default_factory=dict, repr=False)

    # Reusing the previous build's results (see .reuse) -----------------------------------
    def digest(self, item: Persona | Journey | None) -> str | None:
        """The digest of what ``item`` was read from (``None``: unknown, never reused; always
        ``None`` without a memo, so that a one-off build does not compute keys it never uses)."""
        if item is None or self.memo is None:
            return None
        kind = "persona" if isinstance(item, Persona) else "journey"
        return self.handbook.digests.get((kind, item.id))

    def reuse(self, key: tuple[Any, ...] | None, make: Callable[[], T]) -> T:
        """``make()``, or the result an earlier build of the session made under ``key``.

        ``key`` must name everything the result depends on beyond the build's scope (see
        :mod:`.reuse`); ``None`` (a record without a digest) is never reused.
        """
        if self.memo is None or key is None:
            return make()
        return self.memo.get(key, make)

    def reuse_each(
        self,
        keys: Sequence[tuple[Any, ...] | None],
        make: Callable[[list[int]], list[T]],
        usable: Callable[[T], bool] = lambda value: True,
    ) -> list[T]:
        """:meth:`reuse` for a batch: one result per key, those not kept (or not ``usable``
        any more) made by one call ``make(indexes)`` (e.g. images drawn in parallel)."""
        results: list[Any] = [None] * len(keys)
        missing: list[int] = []
        for i, key in enumerate(keys):
            found, value = False, cast(Any, None)
            if self.memo is not None and key is not None:
                found, value = self.memo.find(key)
            if found and usable(value):
                results[i] = value
            else:
                missing.append(i)
        if missing:
            for i, value in zip(missing, make(missing), strict=True):
                results[i] = value
                key = keys[i]
                if self.memo is not None and key is not None:
                    self.memo.keep(key, value)
        return results

    def item_key(self, kind: str, item: Any, *extra: Any) -> tuple[Any, ...] | None:
        """The :meth:`reuse` key of a part of kind ``kind`` that shows one persona or journey
        (``item``; a review item stands for its record) and nothing else but ``extra``
        values: the record's digest, and a persona's avatar initials and colour (the
        build's labels, which :func:`.build.make_context` computes first; without them,
        ``None``)."""
        record = item.item if isinstance(item, ReviewItem) else item
        if not isinstance(record, (Persona, Journey)):
            return None
        digest = self.digest(record)
        if digest is None:
            return None
        label = None
        if isinstance(record, Persona):
            labels = self.shared.get("persona.labels")  # avatar_labels.labels()
            if labels is None:
                return None
            label = labels.get(record.id)
        return (kind, digest, label, *extra)

    # Where things live -----------------------------------------------------------------
    def src(self, *parts: str) -> str:
        """A generated file's path below the URL prefix, e.g. ``src("personas", "x.md")``."""
        path = self._paths.get(parts)
        if path is None:
            path = self._paths[parts] = join(self.options.url_prefix, *parts)
        return path

    def persona_src(self, persona_id: str) -> str:
        """The Markdown path of a persona's page."""
        return self.src("personas", f"{persona_id}.md")

    def journey_src(self, journey_id: str) -> str:
        """The Markdown path of a journey's page."""
        return self.src("journeys", f"{journey_id}.md")

    def avatar_src(self, persona_id: str, size: int) -> str:
        """The path of a persona's avatar image (generated by the persona pages)."""
        return self.src("personas", "assets", f"{persona_id}-{size}{IMAGE_SUFFIX}")

    def social_card_src(self, persona_id: str) -> str:
        """The path of a persona's 1200×630 social preview card."""
        return self.src("personas", "assets", f"{persona_id}-card.png")

    def compare_src(self) -> str:
        """The path of the interactive comparison page (``?p=id,id`` selects personas)."""
        return self.src("personas", "compare.md")

    def tracker_src(self) -> str:
        """The path of the review tracker page."""
        return self.src("reviews", "index.md")

    def page_file(self, src_uri: str) -> str:
        """Where the page ``src_uri`` is written: ``src_uri`` itself, or with the
        ``folder_pages`` option ``x/name/index.md`` for ``x/name.md``."""
        if not self.options.folder_pages or not src_uri.endswith(".md"):
            return src_uri
        stem = src_uri[: -len(".md")]
        if posixpath.basename(stem) in ("index", "README"):
            return src_uri
        return f"{stem}/index.md"

    def url_of(self, src_uri: str) -> str:
        """The site-root-relative URL of a generated file."""
        return page_url(self.page_file(src_uri), self.options.use_directory_urls)

    def link(self, target_src: str, from_src: str) -> str:
        """A relative link from the page ``from_src`` to the file or page ``target_src``."""
        return relative_url(self.url_of(target_src), self.url_of(from_src))

    def absolute(self, url: str) -> str | None:
        """``url`` (site-root relative) joined to ``site_url``; ``None`` without a ``site_url``."""
        base = self.options.site_url.strip()
        return urljoin(base.rstrip("/") + "/", url) if base else None

    def absolute_url(self, target_src: str) -> str | None:
        """The absolute address of a generated file (``None`` without ``site_url``)."""
        return self.absolute(self.url_of(target_src))

    def absolute_or_relative(self, target_src: str, from_src: str) -> str:
        """``target_src`` as an absolute URL when ``site_url`` is set, else relative to the
        page ``from_src``."""
        return self.absolute_url(target_src) or self.link(target_src, from_src)

    def review(self, item: Persona | Journey) -> ReviewStatus:
        """The review status of a persona or journey as of the build's "today"."""
        return review_status(
            item,
            today=self.handbook.today,
            default_interval=self.options.review_every,
            due_soon=self.options.due_soon,
        )

    def evidence(self, persona: Persona) -> EvidenceSummary:
        """What backs the persona's claims as of the build's "today" (computed once, and
        reused from the previous build while the persona is the same)."""
        cache: dict[str, EvidenceSummary] = self.shared.setdefault("evidence", {})
        summary = cache.get(persona.id)
        if summary is None:
            summary = cache[persona.id] = self.reuse(
                self.item_key("evidence", persona),
                lambda: evidence_summary(
                    persona, today=self.handbook.today, max_age=self.options.evidence_max_age
                ),
            )
        return summary

    def text_file(self, src_uri: str, parts: Iterable[str], *, kind: str) -> Output:
        """A generated text file made of ``parts`` (a data file with every persona's record:
        see :func:`.safejson.inert_json_spliced_parts`).

        A one-off build keeps it compressed anyway (:meth:`Output.pack`); compressing the
        parts one by one, it never holds the megabytes of the whole text at once. While
        serving (with a ``memo``) it is kept as text, like every other output.
        """
        if self.memo is not None:
            return Output(src_uri=src_uri, content="".join(parts), kind=kind)
        packer = zlib.compressobj(1)
        chunks = [packer.compress(part.encode("utf-8")) for part in parts]
        chunks.append(packer.flush())
        return Output(src_uri=src_uri, packed=b"".join(chunks), kind=kind)

    # Rendering -------------------------------------------------------------------------
    def render(self, template: str, from_src: str, **values: Any) -> str:
        """Render ``template`` for the page at ``from_src``."""

        def link(target_src: str) -> str:
            return self.link(target_src, from_src)

        return self.env.get_template(template).render(
            ctx=self,
            t=self.strings,
            link=link,
            page_src=from_src,
            handbook=self.handbook,
            options=self.options,
            **values,
        )

    def page(
        self,
        src_uri: str,
        title: str,
        body: str,
        *,
        description: str = "",
        nav_section: str = "",
        nav_weight: float = 0.0,
        edit_url: str = "",
        hide: Iterable[str] = (),
        meta: dict[str, Any] | None = None,
        head: str = "",
        persona_id: str = "",
        listing: bool = False,
        assets: Iterable[str] = (),
        og_type: str = "website",
    ) -> Output:
        """A page: front matter for the host, and ``body`` (already-rendered HTML) kept apart.

        ``head`` defaults to the page's share tags (:func:`.share_tags.share_tags`: title,
        ``description``, ``og_type``, its address with ``site_url``).

        ``assets`` names the handbook's stylesheets and scripts the page uses (its kind's
        ``ASSETS``); the host links them (:mod:`.page_assets`).

        A ``listing`` (gallery, start here, compare, journeys, tracker) repeats what the persona
        and journey pages say; in a large handbook it is kept out of the search index, where it
        would only add duplicate results and most of the indexing time.
        """
        front: dict[str, Any] = {"title": safe_title(title)}
        if listing and len(self.handbook.personas) > LARGE_HANDBOOK:
            front["search"] = {"exclude": True}
        if description:
            front["description"] = markup.head_attribute(description)
        if hide:
            front["hide"] = list(hide)
        front.update(meta or {})
        text = (
            "---\n"
            + yaml.dump(front, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=10_000)
            + "---\n\n"
            + BODY_MARKER
            + "\n"
        )
        if not head:
            head = share_tags(
                title=markup.clean(title),
                description=description,
                og_type=og_type,
                url=self.absolute_url(src_uri),
            )
        body, chrome = _take_chrome(_compact(body.strip()))
        return Output(
            src_uri=self.page_file(src_uri),
            content=text,
            body=body,
            chrome=chrome,
            title=title,
            edit_url=edit_url,
            nav_section=nav_section,
            nav_weight=nav_weight,
            head=head,
            persona_id=persona_id,
            assets=tuple(ordered(assets)),
        )


def _take_chrome(html_text: str) -> tuple[str, list[str]]:
    """``html_text`` with each block between :data:`CHROME_START` and :data:`CHROME_END`
    replaced by its slot ``<!--pp-chrome:N-->``, and the blocks (found with ``str.find``:
    a regular expression with a lazy group took a quarter of a millisecond per page)."""
    parts: list[str] = []
    chrome: list[str] = []
    pos = 0
    while (start := html_text.find(CHROME_START, pos)) >= 0:
        end = html_text.find(CHROME_END, start + len(CHROME_START))
        if end < 0:
            break
        parts += [html_text[pos:start], f"<!--pp-chrome:{len(chrome)}-->"]
        chrome.append(html_text[start + len(CHROME_START) : end])
        pos = end + len(CHROME_END)
    if not chrome:
        return html_text, chrome
    parts.append(html_text[pos:])
    return "".join(parts), chrome


def _compact(html_text: str) -> str:
    """``html_text`` with characters above U+00FF written as character references.

    Python stores a string at 2 or 4 bytes per character as soon as one character needs it, so
    a single "—" doubles the memory a page body (and the page MkDocs builds from it) takes. The
    browser and every HTML parser read ``&#8212;`` as "—"; the pages contain no ``<script>``
    or ``<style>`` blocks, where references would not be decoded.
    """
    if html_text.isascii():
        return html_text
    # Latin-1 holds exactly U+0000–U+00FF; the codec writes every other character as a
    # decimal reference, at C speed (a listing page of a large handbook is megabytes).
    return html_text.encode("latin-1", "xmlcharrefreplace").decode("latin-1")


def asset_names() -> list[str]:
    """The handbook's stylesheets and scripts (``assets/*.css`` and ``*.js``), all published;
    each page links those it uses (:attr:`Output.assets`)."""
    return sorted(p.name for p in PACKAGE_ASSETS.iterdir() if p.suffix in (".css", ".js"))


def finish_page(
    page_html: str, chrome: Sequence[str], head: Callable[[str], str] | None = None
) -> str:
    """``page_html`` with ``chrome`` in its slots (see :class:`Output`) and, with ``head``, its
    ``<head>`` content (up to ``</head>``) replaced by ``head(content)``: one new copy of the
    page, however many slots. A listing page is megabytes of text in a large handbook, and
    each copy of it counts toward the build's peak memory.
    """
    parts: list[str] = []
    pos = 0
    head_end = page_html.find("</head>") if head is not None else -1
    if head is not None and head_end >= 0:
        parts.append(head(page_html[:head_end]))
        pos = head_end
    if chrome:
        for slot in _CHROME_SLOT.finditer(page_html, pos):
            parts += (page_html[pos : slot.start()], chrome[int(slot.group(1))])
            pos = slot.end()
    if not parts:
        return page_html
    parts.append(page_html[pos:])
    return "".join(parts)


def anchor_ids(*html_texts: str) -> set[str]:
    """The ids of the elements in rendered HTML (the anchors a link into the page may name)."""
    return {
        html.unescape(m[1])
        for text in html_texts
        for m in _ID_ATTRIBUTE.finditer(text)
        if text[m.start() - 1 : m.start()].isspace()  # not data-id="…"
    }


def safe_title(title: str) -> str:
    """A page title safe to print unescaped (the theme does): markup characters escaped."""
    return html.escape(markup.clean(title), quote=False)


class DirectCallContext(jinja2.runtime.Context):
    """A template context that calls plain functions, methods and macros directly.

    Jinja's :meth:`~jinja2.runtime.Context.call` asks every callable whether it wants the
    context, environment or evaluation context passed in (two failed attribute lookups for a
    plain function); a persona page makes about 150 such calls (``t(…)``, ``link(…)``,
    macros), and answering them took 8 % of a large handbook's render. A plain Python
    function or method (no ``jinja_pass_arg`` of its own), a macro and :class:`Strings` never
    want one, so they are called straight away; anything else goes through Jinja's own call.
    """

    def call(
        __self,  # Jinja's name: a template may pass a keyword argument called "self"
        __obj: Callable[..., Any],
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        kind = type(__obj)
        if (
            kind is jinja2.runtime.Macro
            or kind is Strings
            or (kind is types.FunctionType and "jinja_pass_arg" not in __obj.__dict__)
            or (
                kind is types.MethodType
                and "jinja_pass_arg" not in cast(types.MethodType, __obj).__func__.__dict__
            )
        ):
            if kwargs:
                kwargs.pop("_loop_vars", None)
                kwargs.pop("_block_vars", None)
            try:
                return __obj(*args, **kwargs)
            except StopIteration:
                return __self.environment.undefined(
                    "value was undefined because a callable raised a StopIteration exception"
                )
        return super().call(__obj, *args, **kwargs)


def make_environment(template_dirs: Iterable[Path] = ()) -> jinja2.Environment:
    """Jinja2 with autoescape on; ``persona/…`` templates looked up in the theme's
    ``custom_dir`` first, then in this package.

    Templates are not looked at again once loaded: a build (or a session's builds of the
    same templates, see :mod:`.reuse`) uses one environment. Compiled templates are never
    kept on disk: code read back from a cache folder (which CI jobs restore) would run in
    the build.
    """
    loaders: list[jinja2.BaseLoader] = [
        jinja2.FileSystemLoader(str(d)) for d in template_dirs if d.is_dir()
    ]
    loaders.append(jinja2.FileSystemLoader(str(PACKAGE_TEMPLATES)))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=False,
    )
    env.context_class = DirectCallContext
    env.filters["markdown"] = markup.render_block
    env.filters["inline"] = markup.render_inline
    env.filters["plain"] = markup.plain
    env.globals["lang_attr"] = markup.lang_attr
    env.globals["is_web_url"] = markup.is_web_url
    env.globals["reuse"] = _reuse_block
    return env


@jinja2.pass_context
def _reuse_block(
    context: jinja2.runtime.Context, kind: str, item: Any, *extra: Any, caller: Callable[[], str]
) -> str:
    """``{% call reuse("gallery-card", p) %}…{% endcall %}`` in a template: the block's HTML,
    or what it was in the previous build for the same record ``item`` (a persona, a journey or
    a review item), page and ``extra`` values (:meth:`BuildContext.item_key`). For a block
    that shows nothing but ``item``, the page's values and ``extra``."""
    ctx: BuildContext = context["ctx"]
    return ctx.reuse(ctx.item_key(kind, item, context["page_src"], *extra), caller)


def describe_template_error(exc: jinja2.TemplateError) -> str:
    """A one-line account of a template error, naming the template file and line.

    Syntax errors carry their position; runtime errors (an undefined variable in an overridden
    template) are located from the traceback, whose template frames Jinja maps to template lines.
    """
    where = ""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        where = f"{exc.filename or exc.name}:{exc.lineno}"
    else:
        tb = exc.__traceback__
        while tb is not None:
            code = tb.tb_frame.f_code
            if code.co_filename.endswith(".html") or "<template>" in code.co_filename:
                where = f"{code.co_filename}:{tb.tb_lineno}"
            tb = tb.tb_next
    detail = f"{type(exc).__name__}: {exc.message or exc}"
    return f"template error in {where}: {detail}" if where else f"template error: {detail}"


def persona_sort_key(persona: Persona) -> tuple[float, str]:
    """Default order: largest share first, then by name."""
    return (-(persona.share or 0.0), persona.name.lower())


def journey_sort_key(journey: Journey) -> tuple[int, str]:
    """Current journeys before future ones, then by title."""
    return (0 if journey.state.value == "current" else 1, journey.title.lower())
