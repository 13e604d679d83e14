"""How MkDocs reads the plugin's generated pages (the adapter's side of a page
:class:`~..render.site.Output`).

A generated page's Markdown is its front matter and one line, :data:`BODY_MARKER`: its HTML
is rendered already, and the plugin puts it in place of that line in ``on_page_content``.
MkDocs would still build a Markdown converter with every configured extension for each such
page (a third of a millisecond with MkDocs' default extensions, several with a theme's usual
set) only to turn that line into itself: a tenth of a 1000-persona build.
A :class:`GeneratedPage` skips the conversion while its Markdown is just the marker; when
another plugin has changed it (a footer added in ``on_page_markdown``, say), the page is
converted as usual, so that plugin's Markdown still becomes HTML.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..render.site import BODY_MARKER


class GeneratedPage(Page):
    """A page whose HTML the plugin rendered (see the module's docstring)."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        """The page's HTML: the marker the plugin replaces, without a Markdown converter
        unless another plugin added Markdown of its own."""
        if self.markdown is None or self.markdown.strip() != BODY_MARKER:
            super().render(config, files)
            return
        self.content = BODY_MARKER
        self.toc = get_toc([])
        self._title_from_render = None
        # Which anchors exist is known once the body is in place (the plugin sets them then).
        self.present_anchor_ids = None


def use_generated_page(file: File, config: MkDocsConfig) -> None:
    """Make ``file``'s page a :class:`GeneratedPage`: a new one, or the plain ``Page`` the
    navigation made for it (which keeps the title ``nav`` gives it). A page of another kind,
    which another plugin made, is left as it is."""
    if file.page is None:
        GeneratedPage(None, file, config)
    elif type(file.page) is Page:
        file.page.__class__ = GeneratedPage  # the same object: the navigation holds it
