"""The MkDocs adapter: wires MkDocs events to the host-independent core.

Loading and validation run in ``on_config`` (before MkDocs cleans the site folder), so invalid
data fails the build without touching the last good ``site/``. Pages and images are added as
``File.generated`` in ``on_files``; nothing is written into ``docs_dir`` or ``site_dir``.
When the content folders are in a git work tree, one ``git log`` per build gives each page
its "last updated" date and the changes since its review (``core/history.py``); without git
history (a shallow clone, git missing) the pages leave them out and the log says why, once.
Under ``mkdocs serve``, invalid data does not stop the preview: it shows the last valid
version (or an empty handbook), and every page carries a notice listing the problems
(``preview.py``); the content folders are watched even before they exist (``serve_watch.py``).
Within one ``serve`` session, ``--dirty`` rebuilds only the generated files whose content
changed since the previous build (``files.py``), and every page when something all pages show
changed: the navigation, the preview notice, the configuration (:meth:`_site_signature`).
The files read and the parts rendered are kept for the next build of the session
(``LoadCache``, ``RenderMemo``).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure import StructureItem
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from ..core.history import History, read_history
from ..core.intervals import parse_interval, resolve_today
from ..core.loader import Handbook, LoadCache, load_handbook
from ..core.options import Comparison, HandbookOptions
from ..core.problems import Problem, ValidationFailed, headline
from ..core.reviews import build_review_report
from ..core.urls import relative_url
from ..images import ImageCache, PhotoError
from ..render.build import build_outputs
from ..render.navigation import NavEntry, plan_navigation
from ..render.page_assets import AssetTags, asset_tags, link_stylesheets
from ..render.preview import insert_notice, render_notice
from ..render.reuse import RenderMemo
from ..render.site import (
    BODY_MARKER,
    PACKAGE_ASSETS,
    Output,
    anchor_ids,
    asset_names,
    describe_template_error,
    finish_page,
    safe_title,
)
from ..render.strings import Strings, override_problems
from .config import PersonaConfig
from .files import GeneratedFile, LinkedFile, PackedFile, force_modified, output_digest
from .pages import GeneratedPage, use_generated_page
from .theme_code import SessionCodeCache

if TYPE_CHECKING:  # the live-reload server (http.server, ssl, watchdog) only exists in serve
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger(__name__)

ASSET_DIR = "assets/persona"


class PersonaPlugin(BasePlugin[PersonaConfig]):
    """Turns ``personas/`` and ``journeys/`` into handbook pages."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.is_serve = False
        self.handbook: Handbook | None = None
        self.last_good: Handbook | None = None
        self.options: HandbookOptions | None = None
        self.outputs: dict[str, Output] = {}
        self.image_cache: ImageCache | None = None
        self.history = History()
        self.stale_problems: list[str] = []
        self.notice = ""  # the preview notice every served page carries (preview.py)
        # What the previous build of this session wrote (for `--dirty`): the digest of each
        # generated file by its place in the site, and the signature of what every page shows.
        self.session: tuple[str, ...] = ()
        self.built: dict[str, int] = {}
        self.site_signature = b""
        self.digests: dict[str, int] = {}  # this build's, kept once it succeeds
        self.site_listings: dict[str, set[str]] = {}  # folder of the site -> its files
        self.site_dir = ""
        self.anchor_sets: dict[frozenset[str], frozenset[str]] = {}  # one of each, this build
        self.late_bodies = False  # pages get their HTML in on_page_context (see there)
        # Under `mkdocs serve`: the files read and the pages rendered by the previous build.
        self.load_cache: LoadCache | None = None
        self.render_memo: RenderMemo | None = None
        self.theme_code = SessionCodeCache()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.is_serve = command == "serve"
        # MkDocs reuses a plugin instance for an identical configuration within one process:
        # a new build or serve session must not show another session's "last valid" data.
        self.last_good = self.handbook = None
        self.session, self.built, self.site_signature = (), {}, b""
        self.theme_code.clear()

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        # Watch the content folders, also those created while the preview runs (watchdog is
        # imported only here: a one-off build does without its megabyte).
        from .serve_watch import watch_folders

        if self.options is not None:
            folders = [self.options.personas_dir, self.options.journeys_dir]
            watch_folders(server, folders)
            for folder in folders:
                if not folder.is_dir():
                    name = os.path.relpath(folder, self.options.project_root)
                    log.info(f"'{name}' does not exist yet: the preview shows it once created.")
        return server

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        # While previewing, the theme's templates are compiled once per session, not once per
        # rebuild (see theme_code.py).
        if self.is_serve and env.bytecode_cache is None:
            env.bytecode_cache = self.theme_code
        return env

    # Configuration and loading --------------------------------------------------------
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.handbook, self.outputs, self.stale_problems, self.notice = None, {}, [], ""
        root = Path(config.config_file_path or ".").absolute().parent
        session = (str(config.config_file_path), config.site_dir, config.docs_dir)
        if session != self.session:  # another project or site: nothing to compare with
            self.session, self.built, self.site_signature = session, {}, b""
            self.load_cache = LoadCache() if self.is_serve else None
            self.render_memo = RenderMemo() if self.is_serve else None
        self.digests = {}
        options = self._options(config, root)
        self.options = options
        for problem in override_problems(options.strings):
            log.warning(f"persona plugin option strings: {problem}")
        problems: list[Problem | str] = []
        try:
            self.handbook = load_handbook(
                options.personas_dir,
                options.journeys_dir,
                root=root,
                today=options.today,
                cache=self.load_cache,
            )
        except ValidationFailed as failed:
            lines = [str(p) for p in failed.problems]
            if not self.is_serve:
                raise PluginError(
                    f"{headline(failed.problems)}:\n  " + "\n  ".join(lines)
                ) from None
            # Keep serving (the last valid content, or an empty handbook); say loudly what is
            # wrong, in the log and on every page.
            for line in lines:
                log.error(line)
            shown = "the last valid version" if self.last_good else "an empty handbook"
            log.error(
                f"{len(lines)} problem(s) in persona/journey files; the preview shows {shown} "
                "until they are fixed."
            )
            self.handbook = self.last_good or Handbook(today=options.today)
            self.stale_problems, problems = lines, list(failed.problems)
        else:
            self.last_good = self.handbook
        if self.load_cache is not None:
            cache = self.load_cache
            log.debug(f"{cache.read} file(s) read and validated, {cache.reused} unchanged.")
        self.history = self._read_history(options)
        try:
            outputs = self._render(self.handbook, options)
        except PluginError as exc:
            if not self.is_serve:
                raise
            log.error(str(exc))  # the preview goes on without the handbook's pages
            problems.append(str(exc))
            outputs = []
        self.outputs = {out.src_uri: out for out in outputs}
        if self.render_memo is not None:
            memo = self.render_memo
            log.debug(f"{memo.made} part(s) of pages rendered, {memo.reused} reused.")
        if self.image_cache is not None:
            for notice in self.image_cache.take_notices():
                log.info(notice)
        if self.is_serve:
            stale = bool(outputs) and self.handbook is self.last_good
            self.notice = render_notice(problems, stale=stale, options=options)
        if not self.stale_problems:
            self._report_reviews(self.handbook, options)
        return config

    def _render(self, handbook: Handbook, options: HandbookOptions) -> list[Output]:
        """Every generated file, or a :class:`PluginError` saying what went wrong.

        Runs in ``on_config``, before MkDocs cleans ``site/``, so a failure leaves the last
        good site intact.
        """
        if options.images and self.image_cache is None:
            self.image_cache = ImageCache(options.cache_dir)
        images = self.image_cache if options.images else None
        try:
            try:
                return build_outputs(
                    handbook, options, images=images, history=self.history, memo=self.render_memo
                )
            except (PhotoError, OSError):
                if not self.stale_problems:
                    raise
                # The last valid content may name a photo that has since gone: preview it
                # with initials until the problems are fixed.
                return build_outputs(
                    handbook, options, images=None, history=self.history, memo=self.render_memo
                )
        except (ValueError, OSError) as exc:
            raise PluginError(f"persona plugin: {exc}") from None
        except jinja2.TemplateError as exc:
            raise PluginError(f"persona plugin: {describe_template_error(exc)}") from None

    def _read_history(self, options: HandbookOptions) -> History:
        """The git history of both content folders (one ``git log``), read on every build.

        When there is none, one info line says why, unless the project is not versioned
        with git at all: then there is nothing to fix, and the pages simply leave the dates out.
        """
        history = read_history(options.project_root, [options.personas_dir, options.journeys_dir])
        if history.unavailable is not None:
            if _in_git_work_tree(options.project_root):
                log.info(
                    "No 'last updated' dates or changes since the last review on the pages: "
                    f"{history.unavailable}."
                )
            else:
                log.debug(f"No git history for the pages: {history.unavailable}.")
        return history

    def _report_reviews(self, handbook: Handbook, options: HandbookOptions) -> None:
        """Say what is overdue: one info line; a warning per item (``warn_overdue``, so
        ``--strict`` fails); or an error (``fail_on_overdue``; logged only while serving)."""
        report = build_review_report(handbook, options)
        if self.config.fail_on_overdue and report.overdue:
            if not self.is_serve:
                raise PluginError(report.failure)
            log.error(report.failure)
        elif self.config.warn_overdue:
            for line in report.warnings:
                log.warning(line)
        if report.summary:
            log.info(report.summary)

    def _options(self, config: MkDocsConfig, root: Path) -> HandbookOptions:
        cfg = self.config
        def option(name: str, parse: Callable[[Any], Any]) -> Any:
            try:
                return parse(cfg[name])
            except ValueError as exc:
                raise PluginError(f"persona plugin option {name}: {exc}") from None

        review_every = option("review_every", parse_interval)
        font = root / cfg.font if cfg.font else None
        if font is not None and not font.is_file():
            raise PluginError(f"persona plugin option font: {font} is not a file")
        due_soon = option("due_soon", parse_interval)
        evidence_max_age = option("evidence_max_age", parse_interval)
        today = option("today", resolve_today)
        theme = config.theme
        language = str(theme.get("language") or theme.get("locale") or "en")
        template_dirs = [Path(theme.custom_dir)] if theme.custom_dir else []
        return HandbookOptions(
            project_root=root,
            personas_dir=root / cfg.personas_dir,
            journeys_dir=root / cfg.journeys_dir,
            cache_dir=root / cfg.cache_dir,
            today=today,
            url_prefix=cfg.url_prefix.strip("/"),
            use_directory_urls=config.use_directory_urls,
            site_name=config.site_name,
            site_url=config.site_url or "",
            language=language,
            strings=dict(cfg.strings),
            theme=theme.name or "",
            template_dirs=template_dirs,
            edit_url_base=self._edit_url_base(config, root),
            gallery=cfg.gallery,
            gallery_order=cfg.gallery_order,
            start_here=cfg.start_here,
            onboarding=list(cfg.onboarding),
            images=cfg.images,
            social_cards=cfg.social_cards and cfg.images,
            font=font,
            compare=cfg.compare,
            comparisons=[Comparison(c.title, list(c.personas)) for c in cfg.comparisons],
            journey_pages=cfg.journey_pages,
            tracker=cfg.tracker,
            review_every=review_every,
            due_soon=due_soon,
            evidence_max_age=evidence_max_age,
            exports=cfg.exports,
        )

    def _edit_url_base(self, config: MkDocsConfig, root: Path) -> str:
        if not config.repo_url:
            return ""
        edit_uri = self.config.edit_uri
        if edit_uri is None:
            edit_uri = config.edit_uri or ""
            docs = os.path.relpath(config.docs_dir, root).replace(os.sep, "/").strip("/")
            stripped = edit_uri.rstrip("/")
            if stripped.endswith("/" + docs):
                edit_uri = stripped[: -len(docs)]
            elif not edit_uri:
                return ""
        if not edit_uri.endswith("/"):
            edit_uri += "/"
        return urljoin(config.repo_url.rstrip("/") + "/", edit_uri)

    # Files and navigation -------------------------------------------------------------
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.handbook is None or self.options is None:
            return files
        self.site_listings, self.site_dir = {}, os.path.abspath(config.site_dir)
        self.anchor_sets = {}
        self.late_bodies = all(
            getattr(handler, "__self__", None) is self
            for handler in config.plugins.events.get("page_content", [])
        )
        for asset in asset_names():
            path = PACKAGE_ASSETS / asset
            files.append(File.generated(config, f"{ASSET_DIR}/{asset}", abs_src_path=str(path)))
        for out in list(self.outputs.values()):
            existing = files.src_uris.get(out.src_uri)  # a posix path already
            if existing is not None and existing.generated_by is None:
                log.info(
                    f"'{out.src_uri}' exists in docs_dir: the hand-written page is used instead "
                    "of the generated one."
                )
                del self.outputs[out.src_uri]
                continue
            if existing is not None:
                files.remove(existing)
            if out.source is not None:
                file = LinkedFile.generated(config, out.src_uri, abs_src_path=str(out.source))
            elif out.packed:
                file = PackedFile.from_packed(config, out.src_uri, out.packed)
            else:
                assert out.content is not None
                file = GeneratedFile.generated(config, out.src_uri, content=out.content)
            assert isinstance(file, GeneratedFile)
            digest = self.digests[file.dest_uri] = output_digest(out)
            file.changed = self.built.get(file.dest_uri) != digest or not self._in_site(
                file.abs_dest_path
            )
            if out.is_page:
                file.inclusion = InclusionLevel.NOT_IN_NAV
            files.append(file)
        return files

    def _in_site(self, path: str) -> bool:
        """Whether the site holds the file ``path``, from one listing of each folder per
        build: the avatars of a thousand personas share one. A page in a folder of its own
        (``x/index.html``) counts as there when its folder is: MkDocs writes the page
        whenever it makes the folder."""
        folder, name = os.path.split(path)
        if name == "index.html" and folder != self.site_dir:
            folder, name = os.path.split(folder)
        names = self.site_listings.get(folder)
        if names is None:
            try:
                names = self.site_listings[folder] = set(os.listdir(folder))
            except OSError:
                names = self.site_listings[folder] = set()
        return name in names

    def _add_navigation(
        self, nav: Navigation, *, config: MkDocsConfig, files: Files
    ) -> Navigation:
        if not self.outputs or self.options is None or self.handbook is None:
            return nav
        if any(p.file.src_uri in self.outputs for p in nav.pages):
            return nav  # the user placed our pages in `nav` themselves: leave it alone
        plan = plan_navigation(
            list(self.outputs.values()),
            self.handbook,
            mode=self.config.nav,
            threshold=self.config.nav_threshold,
            strings=Strings(self.options.language, self.options.strings),
        )
        items: list[Any] = list(nav.items)
        for entry in plan:
            item = self._nav_item(entry, files, config)
            if item is not None:
                items.append(item)
        pages = _walk(items)
        for prev, nxt in zip([None, *pages], [*pages, None], strict=True):
            if prev is not None:
                prev.next_page = nxt
            if nxt is not None:
                nxt.previous_page = prev
        return Navigation(items, pages)

    # Last, so that the signature sees the navigation other plugins leave.
    @event_priority(-100)
    def _compare_site(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Under ``--dirty``: when something every page shows changed since the previous build
        (the navigation, the preview notice, the configuration), every page is rebuilt, the
        pages from ``docs_dir`` too."""
        if not self.is_serve:
            # A one-off build needs only the outputs from here on; the pages it builds next,
            # each holding its HTML to the end, reach the build's peak memory.
            self.handbook = self.last_good = None
            return nav
        signature = self._site_signature(nav, config)
        if self.site_signature and signature != self.site_signature:
            self.built = {}
            for file in files.documentation_pages():
                if isinstance(file, GeneratedFile):
                    file.changed = True
                else:
                    force_modified(file)
        self.site_signature = signature
        return nav

    @event_priority(-100)
    def _skip_markdown(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Every generated page, in the navigation or not, is a :class:`GeneratedPage`: its
        HTML is rendered already, and MkDocs need not convert its one-line Markdown."""
        for src_uri, out in self.outputs.items():
            file = files.get_file_from_path(src_uri) if out.is_page else None
            if isinstance(file, GeneratedFile):
                use_generated_page(file, config)
        return nav

    on_nav = CombinedEvent(_add_navigation, _skip_markdown, _compare_site)

    def _site_signature(self, nav: Navigation, config: MkDocsConfig) -> bytes:
        """A digest of what every page of the site shows besides its own content: the
        navigation (titles, pages, order), the preview notice and the configuration (the
        ``mkdocs.yml`` text, the theme and the files in its ``custom_dir``)."""
        h = hashlib.sha1(usedforsecurity=False)

        def add(*parts: object) -> None:
            h.update(repr(parts).encode("utf-8", "surrogatepass"))

        def walk(items: Iterable[Any]) -> None:
            for item in items:
                if isinstance(item, Page):
                    add("page", item.title, item.file.src_uri)
                elif isinstance(item, Section):
                    add("section", item.title)
                    walk(item.children)
                    add("end")
                elif isinstance(item, Link):
                    add("link", item.title, item.url)

        walk(nav.items)
        add(self.notice, config.site_url, sorted(config.theme.items(), key=lambda kv: kv[0]))
        add([str(s) for s in config.extra_css], [str(s) for s in config.extra_javascript])
        for path in (config.config_file_path,):
            if path and os.path.isfile(path):
                with open(path, "rb") as f:
                    h.update(f.read())
        custom_dir = config.theme.custom_dir
        if custom_dir and os.path.isdir(custom_dir):
            for folder, _dirs, names in sorted(os.walk(custom_dir)):
                for name in sorted(names):
                    stat = os.stat(os.path.join(folder, name))
                    add(folder, name, stat.st_mtime_ns, stat.st_size)
        return h.digest()

    def _nav_item(
        self, entry: NavEntry, files: Files, config: MkDocsConfig
    ) -> Page | Section | None:
        if entry.src_uri is not None:
            file = files.get_file_from_path(entry.src_uri)
            if file is None:
                return None
            file.inclusion = InclusionLevel.INCLUDED
            page = file.page or GeneratedPage(None, file, config)
            # The title the page's front matter gives it, known before the page is read: under
            # `--dirty` a page that is not rebuilt is never read, and the navigation of those
            # that are would show it without a title.
            page.title = safe_title(entry.title)
            return page
        children: list[StructureItem] = [
            c for c in (self._nav_item(e, files, config) for e in entry.children) if c
        ]
        if not children:
            return None
        section = Section(title=entry.title, children=children)
        for child in children:
            child.parent = section
        return section

    # Pages ------------------------------------------------------------------------------
    # A generated page gets its HTML (the body, kept compressed until then) when MkDocs
    # builds it. With every page's HTML in place as soon as MkDocs has read all pages, a
    # large handbook held it all at once (8 MB at 1000 short personas) while it built the
    # first. So the HTML comes in on_page_context, before the search index reads it; but when
    # another plugin rewrites pages in on_page_content, it comes there, so that plugin sees it.
    # Runs before other plugins' on_page_content, so they see the page's real HTML.
    @event_priority(100)
    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        out = self.outputs.get(page.file.src_uri)
        if out is None or self.late_bodies:
            return html
        return self._with_body(html, out, page)

    def _with_body(self, html: str, out: Output, page: Page) -> str:
        """``html`` (the page's content so far) with the page's body in place of the marker."""
        body = out.take_body()  # the page holds it from here on
        if not body:
            return html
        # The page's scripts go inside its content, where instant navigation runs them.
        scripts = self._asset_tags(out, page).scripts
        if scripts:
            body += "\n" + scripts
        if BODY_MARKER in html:
            return html.replace(BODY_MARKER, body, 1)
        return html + body

    def _asset_tags(self, out: Output, page: Page) -> AssetTags:
        """The tags that load the stylesheets and scripts the page ``out`` uses."""
        folder = relative_url(f"{ASSET_DIR}/", page.url)  # one path per page, not per file
        return asset_tags(out.assets, lambda name: folder + name)

    # First, so that the search index (and any other plugin) sees the page's HTML.
    @event_priority(100)
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        out = self.outputs.get(page.file.src_uri)
        if out is not None:
            page.edit_url = out.edit_url or None
            if self.late_bodies and page.content is not None:
                page.content = self._with_body(page.content, out, page)
        return context

    # First, so that plugins which rewrite the page (minifiers) see it whole.
    @event_priority(100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        out = self.outputs.get(page.file.src_uri)
        if out is not None:
            chrome = out.take_chrome()  # the page is finished
            if isinstance(page, GeneratedPage):
                ids = frozenset(anchor_ids(page.content or "", *chrome))
                page.anchors = self.anchor_sets.setdefault(ids, ids)
                if self.late_bodies:
                    page.content = None  # written: as if --dirty had not rebuilt the page
            stylesheets = self._asset_tags(out, page).stylesheets

            def head(text: str) -> str:
                if stylesheets:
                    text = link_stylesheets(text, stylesheets, config.extra_css, page.url)
                return text + out.head

            output = finish_page(output, chrome, head)
        return insert_notice(output, self.notice)  # only under `mkdocs serve`

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        # The 404 page, too, while previewing (a page missing because of a problem).
        if template_name.endswith(".html"):
            return insert_notice(output_content, self.notice)
        return output_content

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.built, self.digests = self.digests, {}  # the site now holds these files
        if self.stale_problems:
            log.error(
                f"{len(self.stale_problems)} problem(s) in persona/journey files are still "
                "unresolved (see above)."
            )

    def on_build_error(self, *, error: Exception) -> None:
        # The site may hold a mix of two builds: compare the next build with nothing.
        self.built, self.digests, self.site_signature = {}, {}, b""


def _in_git_work_tree(root: Path) -> bool:
    """Whether ``root`` or a folder above it holds a ``.git`` (a work tree, a worktree's or a
    submodule's link file): without one the project is not versioned, and no git history is
    to be expected."""
    return any((folder / ".git").exists() for folder in (root, *root.parents))


def _walk(items: list[Any]) -> list[Page]:
    pages: list[Page] = []
    for item in items:
        if isinstance(item, Page):
            pages.append(item)
        elif isinstance(item, Section):
            pages.extend(_walk(item.children))
    return pages



