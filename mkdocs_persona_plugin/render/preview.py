"""The preview notice: while the files have problems, every previewed page lists them.

``mkdocs serve`` keeps running when a persona or journey file is invalid (it shows the last
valid version, or no handbook pages at all). So that nobody takes that for a lost save, the
plugin puts this notice on every page it serves until the problems are fixed, like the error
overlay of a front-end dev server. It is never part of ``mkdocs build`` output.

The notice is rendered from ``persona/preview_notice.html`` (autoescaped: the problem text
quotes user files) and holds its own styles and a few lines of script, so it looks the same
on the plugin's pages and on the site's own pages, whatever the theme. This module does not
import mkdocs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import jinja2

from ..core.options import HandbookOptions
from ..core.problems import Problem
from .site import make_environment
from .strings import Strings

TEMPLATE = "persona/preview_notice.html"
#: The notice's element id (also what tests and styles look for).
NOTICE_ID = "pp-preview-problems"
_BODY_OPEN = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class NoticeItem:
    """One problem as the notice lists it: ``where`` (``file:line:col``, or ``""``) and the
    rest of the line ``mkdocs-persona validate`` prints for it."""

    where: str
    message: str

    @classmethod
    def of(cls, problem: Problem | str) -> NoticeItem:
        """The item for a validation problem, or for any other error message."""
        if isinstance(problem, str):
            return cls("", problem)
        where = f"{problem.path}:{problem.line}:{problem.column}" if problem.line else problem.path
        text = f"{problem.field}: {problem.message}" if problem.field else problem.message
        return cls(where, text)

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


def render_notice(
    problems: Iterable[Problem | str], *, stale: bool, options: HandbookOptions
) -> str:
    """The notice's HTML for ``problems`` (``""`` when there are none).

    ``stale``: the preview still shows the last valid version (else it shows no handbook, or
    an empty one). A broken override of the template in the theme's ``custom_dir`` falls back
    to the plugin's own template, so the notice is never lost to the error it would report.
    """
    items = [NoticeItem.of(p) for p in problems]
    if not items:
        return ""
    values = {
        "t": Strings(options.language, options.strings),
        "items": items,
        "stale": stale,
        "notice_id": NOTICE_ID,
    }
    try:
        return make_environment(options.template_dirs).get_template(TEMPLATE).render(**values)
    except jinja2.TemplateError:
        return make_environment().get_template(TEMPLATE).render(**values)


def insert_notice(page_html: str, notice: str) -> str:
    """``page_html`` with ``notice`` first in its ``<body>`` (first for screen readers and the
    keyboard too), or in front of it when it has no ``<body>`` tag."""
    if not notice:
        return page_html
    match = _BODY_OPEN.search(page_html)
    if match is None:
        return notice + page_html
    return page_html[: match.end()] + notice + page_html[match.end() :]
