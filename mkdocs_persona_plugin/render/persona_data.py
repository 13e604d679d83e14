"""Persona data for side-by-side comparison: compact records and the comparison model.

One record per persona holds only what the comparison shows, with every text already
rendered to safe inline HTML (:func:`markup.render_inline`) and a normalised *key* used to
find items the compared personas share. An item that cites research carries its evidence
marker (:mod:`.evidence_marks`, also pre-rendered HTML) as a third element, and each record
its evidence summary (how many items cite a source, the newest research date). The same
records feed the static comparison pages (rendered by Jinja from :func:`compare_model`) and
``personas/compare-data.json`` (rendered by ``assets/compare.js``, which builds the same
model and the same table in the browser).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from markupsafe import Markup

from ..core.models import CLAIM_FIELDS, Persona, PersonaType
from . import markup
from .evidence_marks import persona_marker
from .safejson import inert_json_item, inert_json_spliced_parts
from .site import BuildContext

#: The comparison's sections, in the order they are shown.
SECTIONS = (
    "demographics",
    "role",
    "goals",
    "challenges",
    "motivations",
    "needs",
    "objections",
    "channels",
    "tools",
    "messaging",
    "research",
)
LIST_SECTIONS = ("goals", "challenges", "motivations", "needs", "objections", "channels", "tools")
#: Most personas compared at once.
MAX_COMPARED = 4

_TRAILING = re.compile(r"[\s.,;:!?…]+$")
_SPACE = re.compile(r"\s+")
_QUOTES = "\"'“”‘’«»"


def item_key(text: object) -> str:
    """How two items are matched: Markdown stripped, case and spacing ignored, no final
    punctuation or surrounding quotes (``"**LinkedIn**."`` and ``"linkedin"`` match)."""
    plain = markup.plain(str(text))
    plain = _SPACE.sub(" ", plain).strip().strip(_QUOTES).strip()
    return _TRAILING.sub("", plain).casefold()


def format_number(value: float) -> str:
    """``8.0`` → ``"8"``, ``12.5`` → ``"12.5"``."""
    return f"{value:g}" if isinstance(value, float) else str(value)


def default_key(html: str) -> str:
    """The key compare.js derives from an item's HTML when the data file gives none
    (spacing collapsed, quotes and final punctuation stripped, lower case)."""
    text = _SPACE.sub(" ", html).strip().strip(_QUOTES).strip()
    return _TRAILING.sub("", text).lower()


def _cell(text: object) -> list[Any]:
    """``[html]``, or ``[html, key]`` when the key is not :func:`default_key` of the HTML."""
    value = format_number(text) if isinstance(text, (int, float)) else str(text)
    html = markup.render_inline(value)
    if html.isascii() and "<" not in html and "&" not in html:
        return [html]  # plain ASCII prose: item_key(value) is default_key(html)
    key = item_key(value)
    return [html] if default_key(html) == key else [html, key]


def cell_key(cell: Sequence[str]) -> str:
    """The matching key of a ``[html]``, ``[html, key]`` or ``[html, key, marker]`` cell."""
    return cell[1] if len(cell) > 1 else default_key(cell[0])


def cell_marker(cell: Sequence[str]) -> Markup:
    """The evidence marker of a cell (``[html, key, marker]``), else nothing."""
    return Markup(cell[2]) if len(cell) > 2 else Markup("")


def _items(values: Sequence[object]) -> list[list[Any]]:
    return [_cell(v) for v in values]


def _claim_items(
    ctx: BuildContext, persona: Persona, name: str, from_src: str
) -> list[list[Any]]:
    """The items of a list that may cite research, each with its marker when it does."""
    cells = []
    for text, ids in zip(getattr(persona, name), persona.evidence_of(name), strict=True):
        cell = _cell(text)
        mark = persona_marker(ctx, persona, ids, from_src)
        if mark:
            cell = [cell[0], cell_key(cell), str(mark)]
        cells.append(cell)
    return cells


def _source_items(ctx: BuildContext, persona: Persona) -> list[list[Any]]:
    """The research sources: the title, with its date when it has one (matched by title)."""
    research = persona.research
    cells = []
    for source in research.source_list if research else []:
        cell = _cell(source.title)
        if source.date is not None:
            date = Markup('<span class="pp-cmp-source-date">{}</span>').format(
                ctx.strings.date(source.date, "short")
            )
            cell = [Markup("{} · {}").format(Markup(cell[0]), date), cell_key(cell)]
        cells.append(cell)
    return cells


def evidence_info(ctx: BuildContext, persona: Persona) -> dict[str, Any] | None:
    """The comparison's evidence summary of ``persona`` (``None`` when no item cites a
    source and no source is dated): counts, newest date, staleness and the text to show,
    ``5 of 30 claims cite evidence · newest 1 Mar 2026``."""
    summary = ctx.evidence(persona)
    if not summary.cited and not summary.dated:
        return None
    t = ctx.strings
    text = t(t.plural_key("evidence.summary", summary.items), n=summary.cited, total=summary.items)
    if summary.newest is not None:
        text += " · " + t("evidence.newest", date=t.date(summary.newest, "short"))
    return {
        "cited": summary.cited,
        "items": summary.items,
        "newest": summary.newest.isoformat() if summary.newest else None,
        "stale": summary.stale,
        "text": text,
    }


def section_titles(ctx: BuildContext) -> dict[str, str]:
    """The heading of each comparison section, by key."""
    return {name: ctx.strings(f"section.{name}") for name in SECTIONS}


def persona_sections(
    ctx: BuildContext, persona: Persona, from_src: str | None = None
) -> list[list[Any]]:
    """The persona's comparable content: ``[section, rows]`` with rows
    ``[label, kind, value]``; kind ``"v"`` holds one cell (``[html]`` or ``[html, key]``,
    see :func:`cell_key`), kind ``"l"`` a list of them (an item citing research:
    ``[html, key, marker]``, its marker linking from the page ``from_src``). Empty rows and
    sections are left out."""
    from_src = from_src if from_src is not None else ctx.compare_src()
    t = ctx.strings
    found: dict[str, list[list[Any]]] = {}
    facts = {"demographics": persona.demographics, "role": persona.role}
    for name, mapping in facts.items():
        rows: list[list[Any]] = [[str(label), "v", _cell(v)] for label, v in mapping.items()]
        rows = [r for r in rows if cell_key(r[2])]
        if rows:
            found[name] = rows
    for name in LIST_SECTIONS:
        values = getattr(persona, name)
        if values and name in CLAIM_FIELDS:
            found[name] = [["", "l", _claim_items(ctx, persona, name, from_src)]]
        elif values:
            found[name] = [["", "l", _items(values)]]
    msg = persona.messaging
    if msg is not None:
        rows = []  # reused below
        if msg.pitch:
            rows.append([t("messaging.pitch"), "v", _cell(msg.pitch)])
        if msg.vocabulary:
            rows.append([t("messaging.vocabulary"), "l", _items(msg.vocabulary)])
        if msg.avoid:
            rows.append([t("messaging.avoid"), "l", _items(msg.avoid)])
        if rows:
            found["messaging"] = rows
    research = persona.research
    rows = []
    if research is not None:
        if research.interviews is not None:
            rows.append([t("research.interviews"), "v", _cell(research.interviews)])
        if research.confidence is not None:
            rows.append(
                [t("research.confidence"), "v", _cell(t(f"confidence.{research.confidence.value}"))]
            )
        if research.sources:
            rows.append([t("research.sources"), "l", _source_items(ctx, persona)])
    evidence = evidence_info(ctx, persona)
    if evidence is not None:
        rows.append([t("evidence.heading"), "v", _cell(evidence["text"])])
    if rows:
        found["research"] = rows
    return [[name, found[name]] for name in SECTIONS if name in found]


def persona_record(ctx: BuildContext, persona: Persona, from_src: str) -> dict[str, Any]:
    """Everything the comparison shows about ``persona``; links relative to ``from_src``."""
    from .avatar_labels import label_of

    t = ctx.strings
    meta: list[str] = []
    if persona.market is not None:
        meta.append(t(f"market.{persona.market.value}"))
    if persona.segment:
        meta.append(persona.segment)
    if persona.share is not None:
        meta.append(t("compare.share_value", share=t.percent(persona.share)))
    avatar = ctx.link(ctx.avatar_src(persona.id, 96), from_src) if ctx.images is not None else ""
    return {
        "id": persona.id,
        "name": persona.name,
        "url": ctx.link(ctx.persona_src(persona.id), from_src),
        "avatar": avatar,
        "initials": label_of(ctx, persona.id, persona.name).initials,
        "colour": label_of(ctx, persona.id, persona.name).colour,
        "type": persona.type.value,
        "typeLabel": t(f"type.{persona.type.value}"),
        "status": persona.status.value,
        "statusLabel": t(f"status.{persona.status.value}"),
        "tagline": markup.render_inline(persona.tagline),
        "meta": meta,
        "search": " ".join(
            [persona.name, persona.id, t(f"type.{persona.type.value}"), *meta, *persona.tags]
        ).casefold(),
        "evidence": evidence_info(ctx, persona),
        "sections": persona_sections(ctx, persona, from_src),
    }


def compare_data(ctx: BuildContext, from_src: str) -> dict[str, Any]:
    """The content of ``personas/compare-data.json``: UI strings and every persona's record
    (sorted by name), with links relative to the comparison page ``from_src``."""
    personas = compared_personas(ctx)
    return compare_head(ctx) | {"personas": [persona_record(ctx, p, from_src) for p in personas]}


def compared_personas(ctx: BuildContext) -> list[Persona]:
    """Every persona, in the order of the comparison's data: by name, then id."""
    return sorted(ctx.handbook.personas.values(), key=lambda p: (p.name.casefold(), p.id))


def compare_head(ctx: BuildContext) -> dict[str, Any]:
    """Everything in :func:`compare_data` but the personas: the UI strings, sections, types."""
    t = ctx.strings
    keys = (
        "compare.slot",
        "compare.choose",
        "compare.remove",
        "compare.remove_slot",
        "compare.add",
        "compare.shared",
        "compare.shared_with",
        "compare.shared_all",
        "compare.hide_shared",
        "compare.caption",
        "compare.pick_more",
        "compare.pick_one_more",
        "compare.unknown",
        "compare.too_many",
        "compare.no_match",
        "compare.keys",
        "compare.keys_same",
        "compare.keys_common",
        "compare.differs",
        "compare.differs_sr",
        "evidence.heading",
        "evidence.stale",
        "type",
        "none",
        "label_colon",
    )
    return {
        "version": 1,
        "max": MAX_COMPARED,
        "strings": {key: t(key) for key in keys},
        "sections": section_titles(ctx),
        "types": [[kind.value, t(f"type.{kind.value}")] for kind in PersonaType],
    }


def compare_json(ctx: BuildContext, from_src: str) -> str:
    """:func:`compare_data` as compact JSON with ``<``, ``>`` and ``&`` written as ``\\u``
    escapes, so the file stays inert even if someone inlines it into an HTML page.

    Each persona's record is encoded on its own, and reused from the previous build when the
    persona and its initials are the same (:mod:`.reuse`).
    """
    return "".join(compare_json_parts(ctx, from_src))


def compare_json_parts(ctx: BuildContext, from_src: str) -> list[str]:
    """The text of :func:`compare_json` in parts (see :meth:`.BuildContext.text_file`)."""
    texts = [
        ctx.reuse(
            ctx.item_key("compare-record", p, from_src),
            partial(_record_json, ctx, p, from_src),
        )
        for p in compared_personas(ctx)
    ]
    return inert_json_spliced_parts(compare_head(ctx) | {"personas": texts}, indent=None)


def _record_json(ctx: BuildContext, persona: Persona, from_src: str) -> str:
    return inert_json_item(persona_record(ctx, persona, from_src), indent=None)


# The comparison model (mirrored by buildModel() in assets/compare.js) ---------------------


@dataclass
class Item:
    """One list item or value in one persona's cell."""

    html: Markup
    key: str
    shared_with: list[str] = field(default_factory=list)  # names of the others who have it
    marker: Markup = field(default_factory=Markup)  # the evidence marker, if it cites any

    @property
    def shared(self) -> bool:
        """Whether another compared persona has the same item."""
        return bool(self.shared_with)


@dataclass
class Cell:
    """One persona's content in one row: a value, a list of items, or nothing."""

    items: list[Item]
    kind: str  # "v" or "l"

    @property
    def empty(self) -> bool:
        """Whether the persona has nothing here (shown as "—")."""
        return not self.items


@dataclass
class Row:
    """One aligned row: the same label for every compared persona."""

    label: str
    kind: str
    cells: list[Cell]
    shared: bool = False  # a value row where every persona has the same value
    differs: bool = False  # a value row whose values are not the same for everyone
    common: int = 0  # distinct items (or values) more than one persona has
    total: int = 0  # distinct items (or values) in the row

    @property
    def overlap(self) -> bool:
        """Whether the row shows "n of m in common" (a list row of two or more personas)."""
        return self.kind == "l" and len(self.cells) > 1 and self.total > 0


@dataclass
class Section:
    """A section of the comparison (facts, goals, ...)."""

    key: str
    title: str
    rows: list[Row]


def compare_model(records: Sequence[dict[str, Any]], titles: dict[str, str]) -> list[Section]:
    """Align the records' sections and rows, and mark what they share.

    Rows are matched by section and label, in the order they first appear. A value row is
    *shared* when every compared persona has the same value; a list item is shared when at
    least one other compared persona has an item with the same :func:`item_key`.
    """
    names = [r["name"] for r in records]
    by_persona: list[dict[tuple[str, str, str], list[Any]]] = []
    order: dict[str, list[tuple[str, str]]] = {}
    for record in records:
        values: dict[tuple[str, str, str], list[Any]] = {}
        for key, section_rows in record["sections"]:
            for label, kind, value in section_rows:
                values[(key, label, kind)] = value
                if (label, kind) not in order.setdefault(key, []):
                    order[key].append((label, kind))
        by_persona.append(values)
    sections: list[Section] = []
    for key in SECTIONS:
        if key not in order:
            continue
        rows_out: list[Row] = []
        for label, kind in order[key]:
            cells: list[Cell] = []
            for value in (p.get((key, label, kind)) for p in by_persona):
                if value is None:
                    cells.append(Cell([], kind))
                elif kind == "v":
                    cells.append(Cell([Item(Markup(value[0]), cell_key(value))], kind))
                else:
                    cells.append(
                        Cell(
                            [Item(Markup(c[0]), cell_key(c), marker=cell_marker(c)) for c in value],
                            kind,
                        )
                    )
            row = Row(label, kind, cells)
            if kind == "v":
                keys = {c.items[0].key for c in cells if not c.empty}
                row.shared = len(cells) > 1 and all(not c.empty for c in cells) and len(keys) == 1
                row.differs = len(cells) > 1 and not row.shared
            else:
                for i, cell in enumerate(cells):
                    for item in cell.items:
                        item.shared_with = [
                            names[j]
                            for j, other in enumerate(cells)
                            if j != i and any(o.key == item.key for o in other.items)
                        ]
            row.common, row.total = _overlap(cells)
            rows_out.append(row)
        sections.append(Section(key, titles[key], rows_out))
    return sections


def _overlap(cells: Sequence[Cell]) -> tuple[int, int]:
    """How many distinct items of a row more than one persona has, and how many there are."""
    seen: dict[str, int] = {}
    for cell in cells:
        for key in dict.fromkeys(item.key for item in cell.items):
            seen[key] = seen.get(key, 0) + 1
    return sum(1 for n in seen.values() if n > 1), len(seen)


#: The sections the "key differences" summary counts items in common for.
KEY_SECTIONS = ("goals", "objections", "channels", "messaging")


def key_differences(
    records: Sequence[dict[str, Any]], sections: Sequence[Section]
) -> list[dict[str, Any]]:
    """The "key differences" summary that opens a comparison of two or more personas.

    The first entry is the persona types (``same``: everyone has the same type); then, for
    each of :data:`KEY_SECTIONS` someone has, how many distinct items (values, for rows such
    as the pitch) more than one persona has, of how many (``common``, ``total``); last, when
    anyone's claims cite research or their research is dated, each persona's evidence
    (``personas``: name, summary text or ``None``, whether it is stale). Mirrored by
    keyDifferences() in assets/compare.js.
    """
    if len(records) < 2:
        return []
    types = {r["type"] for r in records}
    result: list[dict[str, Any]] = [
        {
            "key": "type",
            "same": len(types) == 1,
            "types": [(r["name"], r["type"], r["typeLabel"]) for r in records],
        }
    ]
    by_key = {s.key: s for s in sections}
    for key in KEY_SECTIONS:
        section = by_key.get(key)
        if section is None:
            continue
        common = total = 0
        for row in section.rows:
            counts = _overlap(row.cells)
            common, total = common + counts[0], total + counts[1]
        if total:
            result.append({"key": key, "title": section.title, "common": common, "total": total})
    evidence = [r.get("evidence") for r in records]
    if any(evidence):
        result.append(
            {
                "key": "evidence",
                "personas": [
                    (r["name"], e["text"] if e else None, bool(e and e["stale"]))
                    for r, e in zip(records, evidence, strict=True)
                ],
            }
        )
    return result


def shared_count(sections: Sequence[Section]) -> int:
    """How many rows and distinct list items are shared (for the "hide shared" toggle)."""
    count = 0
    for section in sections:
        for row in section.rows:
            if row.kind == "v":
                count += row.shared
            else:
                keys = {item.key for cell in row.cells for item in cell.items if item.shared}
                count += len(keys)
    return count
