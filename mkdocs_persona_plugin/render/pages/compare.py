"""Side-by-side comparison: the interactive page, its data file and static comparison sets.

* ``personas/compare.md``: pick 2–4 personas (``?p=id,id`` in the address, so a comparison
  can be linked); ``assets/compare.js`` fetches ``personas/compare-data.json`` once and draws
  the columns. Below it, rendered on the server and usable without JavaScript, an
  "at a glance" matrix of every active persona.
* ``personas/compare/<slug>.md``: one static page per ``comparisons`` entry in the options,
  drawn with the same table template as the interactive view.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import partial
from typing import Any

from markupsafe import Markup

from ...core.explain import suggest
from ...core.models import Persona, Status
from ...core.options import Comparison
from ..persona_data import (
    compare_json_parts,
    compare_model,
    key_differences,
    persona_record,
    section_titles,
    shared_count,
)
from ..site import BuildContext, Output, persona_sort_key

#: The stylesheets and scripts the interactive comparison loads: the comparison draws on
#: the journey maps' colours, initials and link styles (journey.css), and its cells carry
#: evidence markers.
ASSETS = ("journey.css", "evidence.css", "compare.css", "compare.js", "evidence.js")
#: A saved comparison set: the same table, drawn by the build.
SET_ASSETS = ("journey.css", "evidence.css", "compare.css", "evidence.js")

MATRIX_TOP = 3


def slugify(title: str) -> str:
    """A URL slug for a comparison set's title (ASCII letters, digits and hyphens)."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.casefold()).strip("-")
    return slug[:60].strip("-")


def comparison_sets(ctx: BuildContext) -> list[tuple[Comparison, list[Persona], str]]:
    """The configured comparison sets with their personas and page paths.

    Raises :class:`ValueError` for an unknown persona id or a set with fewer than two
    different personas.
    """
    known = ctx.handbook.personas
    result: list[tuple[Comparison, list[Persona], str]] = []
    used: set[str] = set()
    for number, comparison in enumerate(ctx.options.comparisons, start=1):
        ids: list[str] = []
        for pid in comparison.personas:
            if pid not in known:
                raise ValueError(f"comparisons: no persona with id '{pid}'{suggest(pid, known)}")
            if pid not in ids:
                ids.append(pid)
        if len(ids) < 2:
            raise ValueError(
                f"comparisons: '{comparison.title}' needs at least two different personas"
            )
        base = slugify(comparison.title) or f"comparison-{number}"
        if base == "index":
            base = "index-comparison"
        slug, n = base, 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        src = ctx.src("personas", "compare", f"{slug}.md")
        result.append((comparison, [known[pid] for pid in ids], src))
    return result


def matrix_rows(ctx: BuildContext, from_src: str) -> list[dict[str, Any]]:
    """One row per active persona (largest share first) for the "at a glance" matrix (each
    reused from the previous build while the persona is the same: see :mod:`..reuse`)."""
    active = [p for p in ctx.handbook.personas.values() if p.status is Status.active]
    return [
        ctx.reuse(ctx.item_key("matrix-values", p, from_src), partial(matrix_row, ctx, p, from_src))
        for p in sorted(active, key=persona_sort_key)
    ]


def matrix_row(ctx: BuildContext, persona: Persona, from_src: str) -> dict[str, Any]:
    """The row of ``persona`` in the "at a glance" matrix on the page ``from_src``."""
    review = ctx.review(persona)
    return {
        "persona": persona,
        "url": ctx.link(ctx.persona_src(persona.id), from_src),
        "goals": persona.goals[:MATRIX_TOP],
        "more_goals": max(0, len(persona.goals) - MATRIX_TOP),
        "challenges": persona.challenges[:MATRIX_TOP],
        "more_challenges": max(0, len(persona.challenges) - MATRIX_TOP),
        "review": review.state.value,
        "next_review": review.next_review,
    }


def render_comparison(
    ctx: BuildContext, personas: list[Persona], from_src: str, table_id: str
) -> Markup:
    """The comparison table of ``personas`` (the same markup compare.js builds)."""
    records = [persona_record(ctx, p, from_src) for p in personas]
    sections = compare_model(records, section_titles(ctx))
    return Markup(  # rendered by our own template: already escaped
        ctx.render(
            "persona/compare_table.html",
            from_src,
            records=records,
            sections=sections,
            keys=key_differences(records, sections),
            shared=shared_count(sections),
            table_id=table_id,
        )
    )


def generate(ctx: BuildContext) -> Iterable[Output]:
    """The comparison page, its data file and the comparison-set pages."""
    if not ctx.options.compare:
        return
    t = ctx.strings
    src = ctx.compare_src()
    data_src = ctx.src("personas", "compare-data.json")
    sets = comparison_sets(ctx)
    set_links = [
        {
            "title": comparison.title,
            "url": ctx.link(set_src, src),
            "names": [p.name for p in personas],
        }
        for comparison, personas, set_src in sets
    ]
    body = ctx.render(
        "persona/compare.html",
        src,
        data_url=ctx.link(data_src, src),
        sets=set_links,
        rows=matrix_rows(ctx, src),
        total=len(ctx.handbook.personas),
    )
    yield ctx.page(
        src,
        t("compare.title"),
        body,
        description=t("compare.intro"),
        nav_section="personas",
        nav_weight=-8,
        listing=True,
        hide=["toc"],
        assets=ASSETS,
    )
    yield ctx.text_file(data_src, compare_json_parts(ctx, src), kind="data")
    for comparison, personas, set_src in sets:
        names = ", ".join(p.name for p in personas)
        table = render_comparison(ctx, personas, set_src, "pp-cmp-set")
        body = ctx.render(
            "persona/compare_set.html",
            set_src,
            comparison=comparison,
            personas=personas,
            table=table,
            interactive_url=ctx.link(src, set_src) + "?p=" + ",".join(p.id for p in personas),
        )
        yield ctx.page(
            set_src,
            comparison.title,
            body,
            description=t("compare.set_description", names=names),
            hide=["toc"],
            assets=SET_ASSETS,
        )
