"""MkDocs hook: the field reference pages, generated at build time so they cannot drift.

Registered in ``mkdocs.yml`` (``hooks: [docs/hooks/field_reference.py]``). In ``on_files`` it
adds three generated pages (nothing is written into ``docs/``):

* ``reference/persona-fields.md`` from :class:`~mkdocs_persona_plugin.core.models.Persona`,
* ``reference/journey-fields.md`` from :class:`~mkdocs_persona_plugin.core.models.Journey`,
* ``reference/ui-strings.md`` from the English language file (``render/locales/en.yaml``).

Each field's type, allowed values and limits come from the JSON Schema the plugin gives
editors (:func:`mkdocs_persona_plugin.core.schema.build_schema`); whether it is required and its
default come from the pydantic model itself. ``on_nav`` moves the "Documentation" section
after the handbook sections the persona plugin appends, so the example handbook comes first.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from babel import Locale
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from pydantic import BaseModel

from mkdocs_persona_plugin.core.explain import is_model
from mkdocs_persona_plugin.core.intervals import json_schema_pattern
from mkdocs_persona_plugin.core.models import SLUG_PATTERN, Journey, Persona
from mkdocs_persona_plugin.core.schema import build_schema
from mkdocs_persona_plugin.render import strings as ui_strings

#: The generated pages: source path -> function returning the page's Markdown.
PERSONA_PAGE = "reference/persona-fields.md"
JOURNEY_PAGE = "reference/journey-fields.md"
STRINGS_PAGE = "reference/ui-strings.md"
DOCS_SECTION = "Documentation"

#: Defaults that are not a literal value (the model stores a placeholder).
DEFAULT_TEXT = {
    "id": "the file name",
    "review_every": "the plugin's `review_every` option",
}


# Describing JSON Schema nodes ------------------------------------------------------------
@dataclass
class Desc:
    """How one schema node reads in the reference: a type, allowed values and limits."""

    type: str
    allowed: list[str] = field(default_factory=list)
    limits: list[str] = field(default_factory=list)


INTERVAL_PATTERN = json_schema_pattern()


def _number(value: float) -> str:
    """``20000`` → ``20,000``; ``-2`` → ``−2``."""
    text = f"{value:,}" if isinstance(value, int) else f"{value:g}"
    return text.replace("-", "−")


def _range(node: dict[str, Any], unit: str = "") -> str | None:
    low, high = node.get("minimum"), node.get("maximum")
    suffix = f" {unit}" if unit else ""
    if low is not None and high is not None:
        return f"{_number(low)} to {_number(high)}{suffix}"
    if low is not None:
        return f"at least {_number(low)}{suffix}"
    if high is not None:
        return f"at most {_number(high)}{suffix}"
    return None


def _count(node: dict[str, Any], low_key: str, high_key: str, unit: str) -> str | None:
    low, high = node.get(low_key), node.get(high_key)
    if low and high is not None:
        return f"{_number(low)}–{_number(high)} {unit}"
    if low:
        return f"at least {_number(low)} {unit}"
    if high is not None:
        return f"at most {_number(high)} {unit}"
    return None


def anchor(name: str) -> str:
    """The heading id of a nested model's table (``Stage`` → ``stage``)."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


class Describer:
    """Turns the JSON Schema of one model into table rows, following ``$ref`` to ``$defs``."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.defs: dict[str, Any] = schema.get("$defs", {})
        #: Nested models in the order they are first referenced, with where they are used.
        self.nested: dict[str, str] = {}
        self._where = ""

    def describe(self, node: dict[str, Any], where: str = "") -> Desc:
        """The type, allowed values and limits of ``node`` (``where``: the field path)."""
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            target = self.defs[name]
            if "enum" in target:
                return Desc("text", [f"`{v}`" for v in target["enum"]])
            self.nested.setdefault(name, where)
            return Desc(f"[{name}](#{anchor(name)})")
        if "anyOf" in node:
            if node["anyOf"][0].get("pattern") == SLUG_PATTERN:  # an id, or digits read as one
                return self._string(node["anyOf"][0])
            parts = [self.describe(n, where) for n in node["anyOf"] if n.get("type") != "null"]
            types = list(dict.fromkeys(p.type for p in parts))
            if "number" in types and "whole number" in types:
                types.remove("whole number")
            allowed = list(dict.fromkeys(a for p in parts for a in p.allowed))
            limited = [p for p in parts if p.limits]
            if len(limited) > 1:  # say which alternative each limit belongs to
                limits = [f"{p.type}: {', '.join(p.limits)}" for p in limited]
            else:
                limits = [lim for p in limited for lim in p.limits]
            return Desc(" or ".join(types), allowed, limits)
        kind = node.get("type")
        if isinstance(kind, list) and "string" in kind:  # text kept as written (numbers too)
            kind = "string"
        if kind == "string":
            return self._string(node)
        if kind == "integer":
            return Desc("whole number", [], [r] if (r := _range(node)) else [])
        if kind == "number":
            return Desc("number", [], [r] if (r := _range(node)) else [])
        if kind == "boolean":
            return Desc("`true` or `false`")
        if kind == "array":
            item = self.describe(node.get("items", {}), f"{where}[]")
            limits = [c] if (c := _count(node, "minItems", "maxItems", "items")) else []
            if item.limits:
                limits.append("each item: " + ", ".join(item.limits))
            return Desc(f"list of {item.type}", item.allowed, limits)
        if kind == "object":
            return self._mapping(node, where)
        return Desc("any value")

    def _string(self, node: dict[str, Any]) -> Desc:
        if node.get("format") == "date":
            return Desc("date", [], ["written `YYYY-MM-DD`, e.g. `2026-03-14`"])
        limits = []
        kind = "text"
        if node.get("pattern") == SLUG_PATTERN:
            kind = "id"
            limits.append(
                "lowercase letters, digits and single hyphens, e.g. `finance-manager-margie`"
            )
        elif node.get("pattern") == INTERVAL_PATTERN:
            limits.append(
                "a number and a unit (`90 days`, `6 weeks`, `6 months`, `1 year`) or a word "
                "(`monthly`, `quarterly`, `yearly` …); longer than zero, at most 100 years"
            )
        elif node.get("pattern") == r"\S":
            limits.append("not blank")
        elif node.get("pattern"):
            limits.append(f"matches `{node['pattern']}`")
        length = _count(node, "minLength", "maxLength", "characters")
        if length:
            limits.append(length)
        return Desc(kind, [], limits)

    def _mapping(self, node: dict[str, Any], where: str) -> Desc:
        keys = Desc("text")
        if node.get("patternProperties"):
            pattern, value_node = next(iter(node["patternProperties"].items()))
            keys = self._string({"type": "string", "pattern": pattern})
            keys.type = "persona id" if pattern == SLUG_PATTERN else "text"
            keys.limits = []
        else:
            value_node = node.get("additionalProperties") or {}
            names = node.get("propertyNames") or {}
            length = _count(names, "minLength", "maxLength", "characters")
            if length:
                keys.limits.append(length)
        value = self.describe(value_node, f"{where}.*")
        limits = ["keys: " + ", ".join(keys.limits)] if keys.limits else []
        if value.limits:
            limits.append("values: " + ", ".join(value.limits))
        return Desc(f"mapping of {keys.type} to {value.type}", value.allowed, limits)


# Rendering tables -------------------------------------------------------------------------
def cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def prose(text: str) -> str:
    """A docstring or description as Markdown (reStructuredText ````code```` → ```code```)."""
    return cell(re.sub(r"``(.+?)``", r"`\1`", " ".join(text.split())))


def default_text(name: str, model: type[BaseModel]) -> str:
    """The default of a model field as the reference shows it."""
    info = model.model_fields[name]
    if info.is_required():
        return "—"
    if name in DEFAULT_TEXT:
        return DEFAULT_TEXT[name]
    value = info.get_default(call_default_factory=True)
    if value is None:
        return "—"
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if value in ([], {}):
        return "empty"
    return f"`{value}`"


def required_text(name: str, schema: dict[str, Any]) -> str:
    """``yes``/``no``, or the alternatives when the model needs one of several fields."""
    if name in schema.get("required", []):
        return "**yes**"
    for choice in schema.get("oneOf", []):
        if name in choice.get("required", []):
            others = [f"`{n}`" for c in schema["oneOf"] for n in c.get("required", [])]
            return "**one of** " + " or ".join(others)
    return "no"


def field_table(model: type[BaseModel], schema: dict[str, Any], describer: Describer) -> str:
    """The Markdown table of every field of ``model`` (``schema``: its JSON Schema node)."""
    rows = [
        "| Field | Type | Required | Default | Allowed values and limits | Description |",
        "|---|---|---|---|---|---|",
    ]
    for name, node in schema.get("properties", {}).items():
        desc = describer.describe(node, name)
        values = ["one of " + ", ".join(desc.allowed)] if desc.allowed else []
        values += desc.limits
        rows.append(
            f'| <code id="{model.__name__.lower()}-{name}" style="white-space: nowrap">'
            f"{name}</code> "
            f"| {cell(desc.type)} | {required_text(name, schema)} "
            f"| {cell(default_text(name, model))} | {cell('; '.join(values)) or '—'} "
            f"| {prose(node.get('description', ''))} |"
        )
    return "\n".join(rows)


def _models_below(model: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """Every pydantic model a model's fields refer to, by class name."""
    found: dict[str, type[BaseModel]] = {}

    def visit(annotation: Any) -> None:
        if is_model(annotation):  # not isinstance(…, type): list[X] passes that on 3.10
            if annotation.__name__ not in found:
                found[annotation.__name__] = annotation
                for info in annotation.model_fields.values():
                    visit(info.annotation)
            return
        for arg in getattr(annotation, "__args__", ()) or ():
            visit(arg)
        for meta in getattr(annotation, "__metadata__", ()) or ():
            visit(meta)
        origin = getattr(annotation, "__origin__", None)
        if origin is not None and origin is not annotation:
            visit(origin)

    for info in model.model_fields.values():
        visit(info.annotation)
    return found


def reference_page(model: type[BaseModel], title: str, intro: str) -> str:
    """The complete reference page of ``model`` and the models nested in it."""
    schema = build_schema(model)
    describer = Describer(schema)
    main = field_table(model, schema, describer)
    nested = _models_below(model)
    parts = [
        "---",
        "hide:",
        "  - toc",  # the tables need the width
        "---",
        "",
        f"# {title}",
        "",
        intro,
        "",
        '!!! info "Generated from the code"',
        f"    This page is generated at build time from the `{model.__name__}` model in "
        "`mkdocs_persona_plugin/core/models.py`, the same model that validates your files and "
        "produces the JSON Schema your editor uses. It is always in step with the installed "
        "version.",
        "",
        f"## Fields of a {model.__name__.lower()} {{#{anchor(model.__name__)}-fields}}",
        "",
        prose(model.__doc__ or ""),
        "",
        main,
    ]
    contents_at = parts.index(intro) + 1
    done: set[str] = set()
    while len(done) < len(describer.nested):
        for name, where in list(describer.nested.items()):
            if name in done:
                continue
            done.add(name)
            sub = nested[name]
            table = field_table(sub, schema["$defs"][name], describer)
            parts += [
                "",
                f"## {name}: `{where}` {{#{anchor(name)}}}",
                "",
                prose(sub.__doc__ or ""),
                "",
                table,
            ]
    links = " · ".join(f"[{name}](#{anchor(name)})" for name in describer.nested)
    parts[contents_at:contents_at] = ["", f"Nested fields: {links}."]
    return "\n".join(parts) + "\n"


def persona_page() -> str:
    """``reference/persona-fields.md``."""
    return reference_page(
        Persona,
        "Persona fields",
        "Every field of a persona file (`personas/<id>.yaml`). Any other field is an error "
        "(with a *did you mean* hint for typos). How to write each one well: "
        "[Writing personas](../guide/writing-personas.md).",
    )


def journey_page() -> str:
    """``reference/journey-fields.md``."""
    return reference_page(
        Journey,
        "Journey fields",
        "Every field of a journey file (`journeys/<id>.yaml`) and of each of its stages. Any "
        "other field is an error. How to map a journey well: "
        "[Writing journeys](../guide/writing-journeys.md).",
    )


def _md_text(text: str) -> str:
    """UI text shown literally in a table cell (no Markdown, no HTML)."""
    escaped = html.escape(" ".join(text.split()), quote=False)
    return cell(re.sub(r"([\\`*_\[\]#+!~])", r"\\\1", escaped))


def strings_page() -> str:
    """``reference/ui-strings.md``: every key of the English language file with its text."""
    english = ui_strings.english()
    languages = ", ".join(
        f"`{code}` ({Locale.parse(code, sep='-').get_display_name('en')})"
        for code in ui_strings.languages()
    )
    rows = ["| Key | English text |", "|---|---|"]
    rows += [f"| `{key}` | {_md_text(text)} |" for key, text in english.items()]
    return "\n".join([
        "# UI strings",
        "",
        "Every piece of text the generated pages show, by key. The texts of each language are "
        "in one data file, `mkdocs_persona_plugin/render/locales/<language>.yaml`, chosen by "
        "`theme.language`; a language without a file shows the English texts. Override any of "
        "them with the plugin's [`strings`](../guide/configuration.md#strings) option, or "
        "[add a language](../guide/configuration.md#add-a-language). Words in braces (`{n}`, "
        "`{name}`) are filled in by the plugin: keep them. Keys ending in `.one` and `.other` "
        "are the plural forms of one text, chosen by the number `{n}`.",
        "",
        f"Languages with a file: {languages}.",
        "",
        '!!! info "Generated from the code"',
        "    This page is generated at build time from "
        "`mkdocs_persona_plugin/render/locales/en.yaml`.",
        "",
        *rows,
        "",
    ])


PAGES = {PERSONA_PAGE: persona_page, JOURNEY_PAGE: journey_page, STRINGS_PAGE: strings_page}


# MkDocs events ----------------------------------------------------------------------------
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated reference pages (in memory; ``docs/`` stays untouched)."""
    for src_uri, render in PAGES.items():
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, src_uri, content=render()))
    return files


def _pages(items: list[Any]) -> Iterator[Page]:
    for item in items:
        if isinstance(item, Page):
            yield item
        elif isinstance(item, Section):
            yield from _pages(item.children)


@event_priority(-100)  # after the persona plugin has appended its sections
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Show the handbook sections before the documentation."""
    docs = [i for i in nav.items if isinstance(i, Section) and i.title == DOCS_SECTION]
    if not docs:
        return nav
    items = [i for i in nav.items if i not in docs] + docs
    pages = list(_pages(items))
    for prev, nxt in zip([None, *pages], [*pages, None], strict=True):
        if prev is not None:
            prev.next_page = nxt
        if nxt is not None:
            nxt.previous_page = prev
    return Navigation(items, pages)
