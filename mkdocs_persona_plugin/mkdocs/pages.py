"""How MkDocs reads the plugin's generated pages (the adapter's side of a page
:class:`~..render.site.Output`).

A generated page's Markdown is its front matter and one line, :data:`BODY_MARKER`: its HTML
is rendered already, and the plugin puts it in place of that line when MkDocs builds the page
(see ``PersonaPlugin.on_page_context``).
MkDocs would still build a Markdown converter with every configured extension for each such
page (a third of a millisecond with MkDocs' default extensions, several with a theme's usual
set) only to turn that line into itself: a tenth of a 1000-persona build.
A :class:`GeneratedPage` skips the conversion while its Markdown is just the marker; when
another plugin has changed it (a footer added in ``on_page_markdown``, say), the page is
converted as usual, so that plugin's Markdown still becomes HTML.

Its anchors (for MkDocs' check of links to ``page.md#anchor``) are the ids in its finished
HTML, its chrome included; pages with the same ids share one set.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..render.site import BODY_MARKER


class GeneratedPage(Page):
    """A page whose HTML the plugin rendered (see the module's docstring)."""

    #: The ids in the page's finished HTML, set by the plugin once the page is written (pages
    #: with the same ids share one set).
    anchors: frozenset[str] | None = None

    @property  # type: ignore[override]
    def present_anchor_ids(self) -> set[str] | None:
        """The anchors a link into the page may name (``None``: not known, none is checked).
        MkDocs only asks whether one is among them."""
        return cast("set[str] | None", self.anchors)

    @present_anchor_ids.setter
    def present_anchor_ids(self, value: Iterable[str] | None) -> None:
        self.anchors = None if value is None else frozenset(value)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        """The page's HTML: the marker the plugin replaces, without a Markdown converter
        unless another plugin added Markdown of its own."""
        if self.markdown is None or self.markdown.strip() != BODY_MARKER:
            super().render(config, files)
        else:
            self.content = BODY_MARKER
            self.toc = get_toc([])
            self._title_from_render = None
        self.present_anchor_ids = None  # known once the page is written


def use_generated_page(file: File, config: MkDocsConfig) -> None:
    """Make ``file``'s page a :class:`GeneratedPage`: a new one, or the plain ``Page`` the
    navigation made for it (which keeps the title ``nav`` gives it). A page of another kind,
    which another plugin made, is left as it is."""
    if file.page is None:
        GeneratedPage(None, file, config)
    elif type(file.page) is Page:
        file.page.__class__ = GeneratedPage  # the same object: the navigation holds it
