"""The render stage: a validated handbook in, every generated page and asset out.

Hosts call :func:`build_outputs` (the MkDocs plugin turns the outputs into virtual files; the
generator writes them as Markdown and asset files). Each page module contributes its outputs
through its ``generate(ctx)`` function, in the order :func:`generators` lists.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from ..core import urls
from ..core.history import History
from ..core.loader import Handbook
from ..core.options import HandbookOptions
from ..images.text import release_text_memos
from . import formats, markup
from .avatar_labels import labels
from .pages import compare, exports, index, journeys, onboarding, persona, reviews
from .reuse import RenderMemo, scope_key, template_signature
from .site import PACKAGE_TEMPLATES, BuildContext, Output, make_environment
from .strings import Strings

Generator = Callable[[BuildContext], Iterable[Output]]


def generators() -> list[Generator]:
    """The page generators, in the order they run (later ones may use ``ctx.shared``)."""
    return [
        index.generate,
        onboarding.generate,
        persona.generate,
        exports.generate,
        compare.generate,
        journeys.generate,
        reviews.generate,
    ]


def make_context(
    handbook: Handbook,
    options: HandbookOptions,
    *,
    images: Any = None,
    history: History | None = None,
    memo: RenderMemo | None = None,
) -> BuildContext:
    """The build context for ``handbook``: its strings, templates, (optional) images,
    (optional) git history of the content files and (optional) memo of the previous build
    (a new build of its session begins: :meth:`.reuse.RenderMemo.begin`)."""
    dirs = options.template_dirs
    history = history if history is not None else History()
    if memo is not None:
        memo.begin(build_scope(options, history, handbook.today, images is not None))
        env = memo.environment(dirs, partial(make_environment, dirs))
    else:
        env = make_environment(dirs)
    ctx = BuildContext(
        handbook=handbook,
        options=options,
        strings=Strings(options.language, options.strings),
        env=env,
        images=images,
        history=history,
        memo=memo,
    )
    labels(ctx)  # every avatar's initials and colour: the keys of reused parts name them
    return ctx


def build_outputs(
    handbook: Handbook,
    options: HandbookOptions,
    *,
    images: Any = None,
    history: History | None = None,
    memo: RenderMemo | None = None,
) -> list[Output]:
    """Every generated page and asset for ``handbook`` (packed, see :meth:`.Output.pack`,
    unless there is a ``memo``).

    ``history`` (:func:`~..core.history.read_history`) adds "last updated" dates and the
    changes since each review to the pages and ``reviews.json``. With a ``memo``
    (:mod:`.reuse`), what the previous build rendered from the same inputs is reused.
    """
    ctx = make_context(handbook, options, images=images, history=history, memo=memo)
    outputs: list[Output] = []
    try:
        for generate in generators():
            for out in generate(ctx):
                # While serving, the memo holds the parts pages and data files are made of
                # anyway; compressing them again on every rebuild would cost more than it saves.
                if memo is None:
                    out.pack()
                outputs.append(out)
    except BaseException:
        if memo is not None:
            memo.forget()
        raise
    if memo is not None:
        memo.end()
    else:
        release_memos()
    return outputs


def release_memos() -> None:
    """Drop what the render stage remembered to compute faster (page addresses, links, Markdown
    of short texts, drawable text, the language's CLDR data): after a one-off build, the host
    keeps building pages with every page's HTML in memory, and these would only add to its
    peak. A session that renders again (``mkdocs serve``) keeps them."""
    urls.page_url.cache_clear()
    urls.relative_url.cache_clear()
    markup.release_memo()
    formats.release_locale_data()
    release_text_memos()


def build_scope(
    options: HandbookOptions, history: History, today: dt.date, images: bool
) -> bytes:
    """What every result of a build may depend on (:func:`.reuse.scope_key`): the options,
    the templates, git's history, the handbook's "today" and whether images are made."""
    dirs = [PACKAGE_TEMPLATES, *(d / "persona" for d in options.template_dirs)]
    return scope_key(
        options,
        template_signature(dirs),
        sorted(history.by_file.items()),
        history.unavailable,
        today,
        images,
    )
