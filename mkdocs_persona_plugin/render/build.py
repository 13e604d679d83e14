"""The render stage: a validated handbook in, every generated page and asset out.

Hosts call :func:`build_outputs` (the MkDocs plugin turns the outputs into virtual files; the
generator writes them as Markdown and asset files). Each page module contributes its outputs
through its ``generate(ctx)`` function, in the order :func:`generators` lists.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ..core.history import History
from ..core.loader import Handbook
from ..core.options import HandbookOptions
from .pages import compare, exports, index, journeys, onboarding, persona, reviews
from .site import BuildContext, Output, make_environment
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
) -> BuildContext:
    """The build context for ``handbook``: its strings, templates, (optional) images and
    (optional) git history of the content files."""
    return BuildContext(
        handbook=handbook,
        options=options,
        strings=Strings(options.language, options.strings),
        env=make_environment(options.template_dirs),
        images=images,
        history=history if history is not None else History(),
    )


def build_outputs(
    handbook: Handbook,
    options: HandbookOptions,
    *,
    images: Any = None,
    history: History | None = None,
) -> list[Output]:
    """Every generated page and asset for ``handbook`` (assets given as text are packed).

    ``history`` (:func:`~..core.history.read_history`) adds "last updated" dates and the
    changes since each review to the pages and ``reviews.json``.
    """
    ctx = make_context(handbook, options, images=images, history=history)
    outputs: list[Output] = []
    for generate in generators():
        for out in generate(ctx):
            if not out.is_page:
                out.pack()
            outputs.append(out)
    return outputs
