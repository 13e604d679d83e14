"""Generate the handbook's pages and files from a loaded :class:`~.loader.Handbook`.

The result is a list of :class:`Output` objects (Markdown pages and binary/text assets) that
any host can publish; the MkDocs plugin turns them into ``File.generated`` entries. This module
does not import mkdocs.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import yaml

from . import markup
from .loader import Handbook
from .models import Journey, Persona
from .options import HandbookOptions
from .reviews import ReviewStatus, review_status
from .strings import Strings
from .urls import join, page_url, relative_url

PACKAGE_TEMPLATES = Path(__file__).parent / "templates"
PACKAGE_ASSETS = Path(__file__).parent / "assets"


@dataclass
class Output:
    """One file of the generated site.

    A page has ``src_uri`` ending in ``.md`` and ``content`` (Markdown with front matter).
    An asset has ``content`` (str or bytes) or ``source`` (a file to copy, e.g. a cached image).
    """

    src_uri: str
    content: str | bytes | None = None
    source: Path | None = None
    title: str = ""
    edit_url: str = ""
    nav_section: str = ""  # "personas", "journeys" or "" (not listed in the navigation)
    nav_weight: float = 0.0  # order inside the section
    head: str = ""  # extra HTML for <head> (already escaped)
    persona_id: str = ""  # for pages that show one persona
    kind: str = "page"

    @property
    def is_page(self) -> bool:
        """Whether this output is a Markdown page."""
        return self.src_uri.endswith(".md")


@dataclass
class BuildContext:
    """What every page generator needs: data, options, templates, strings, images."""

    handbook: Handbook
    options: HandbookOptions
    strings: Strings
    env: jinja2.Environment
    images: Any = None  # an images.ImageCache when images are on
    shared: dict[str, Any] = field(default_factory=dict)  # results generators share

    # Where things live -----------------------------------------------------------------
    def src(self, *parts: str) -> str:
        """A generated file's path below the URL prefix, e.g. ``src("personas", "x.md")``."""
        return join(self.options.url_prefix, *parts)

    def persona_src(self, persona_id: str) -> str:
        """The Markdown path of a persona's page."""
        return self.src("personas", f"{persona_id}.md")

    def journey_src(self, journey_id: str) -> str:
        """The Markdown path of a journey's page."""
        return self.src("journeys", f"{journey_id}.md")

    def url_of(self, src_uri: str) -> str:
        """The site-root-relative URL of a generated file."""
        return page_url(src_uri, self.options.use_directory_urls)

    def link(self, target_src: str, from_src: str) -> str:
        """A relative link from the page ``from_src`` to the file or page ``target_src``."""
        return relative_url(self.url_of(target_src), self.url_of(from_src))

    def review(self, item: Persona | Journey) -> ReviewStatus:
        """The review status of a persona or journey as of the build's "today"."""
        return review_status(
            item,
            today=self.handbook.today,
            default_interval=self.options.review_every,
            due_soon=self.options.due_soon,
        )

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
    ) -> Output:
        """A Markdown page whose body is already-rendered HTML (kept as one raw block)."""
        front: dict[str, Any] = {"title": safe_title(title)}
        if description:
            front["description"] = html.escape(description)
        if hide:
            front["hide"] = list(hide)
        front.update(meta or {})
        text = (
            "---\n"
            + yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=10_000)
            + "---\n\n"
            + body.strip()
            + "\n"
        )
        return Output(
            src_uri=src_uri,
            content=text,
            title=title,
            edit_url=edit_url,
            nav_section=nav_section,
            nav_weight=nav_weight,
            head=head,
            persona_id=persona_id,
        )


def safe_title(title: str) -> str:
    """A page title safe to print unescaped (the theme does): markup characters escaped."""
    return html.escape(markup.clean(title), quote=False)


def make_environment(template_dirs: Iterable[Path] = ()) -> jinja2.Environment:
    """Jinja2 with autoescape on; ``persona/…`` templates looked up in the theme's
    ``custom_dir`` first, then in this package."""
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
    )
    env.filters["markdown"] = markup.render_block
    env.filters["inline"] = markup.render_inline
    env.filters["plain"] = markup.plain
    return env


Generator = Callable[[BuildContext], Iterable[Output]]


def generators() -> list[Generator]:
    """The page generators, in the order they run (later ones may use ``ctx.shared``)."""
    from . import pages_index

    return [pages_index.generate]


def build_outputs(
    handbook: Handbook,
    options: HandbookOptions,
    *,
    images: Any = None,
) -> list[Output]:
    """Every generated page and asset for ``handbook``."""
    ctx = BuildContext(
        handbook=handbook,
        options=options,
        strings=Strings(options.language, options.strings),
        env=make_environment(options.template_dirs),
        images=images,
    )
    outputs: list[Output] = []
    for generate in generators():
        outputs.extend(generate(ctx))
    return outputs


def persona_sort_key(persona: Persona) -> tuple[float, str]:
    """Default order: largest share first, then by name."""
    return (-(persona.share or 0.0), persona.name.lower())


def journey_sort_key(journey: Journey) -> tuple[int, str]:
    """Current journeys before future ones, then by title."""
    return (0 if journey.state.value == "current" else 1, journey.title.lower())
