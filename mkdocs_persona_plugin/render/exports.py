"""Machine-readable exports of the handbook: JSON documents and CSV rows.

``personas.json`` and ``journeys.json`` (published with the site and printed by
``mkdocs-persona export``) hold the validated data of every record: every field of the model,
dates as ISO ``YYYY-MM-DD``, enums as their string values and quotes normalised to
``{"text": ..., "source": ...}``; plus

- ``url``: the record's page, relative to the site root (``null`` when there is no page or the
  address is unknown),
- ``source``: the YAML file, relative to the project root,
- ``review``: ``{"next_review", "state", "days"}`` as of the build's "today".

Records are sorted by id and keys keep the model's field order, so the same input always gives
the same bytes. Each document is wrapped in ``{"generated", "count", "personas"|"journeys"}``.

Markdown fields (``bio``, ``scenario``, list items…) are exported **as written**: this is data,
not HTML. Consumers that display it must render or escape it themselves. The JSON text escapes
``<``, ``>``, ``&``, U+2028 and U+2029 as ``\\uXXXX`` so that it stays inert even when inlined in
an HTML ``<script>`` element.

CSV rows are flat (lists joined with ``"; "``) for spreadsheets and CRMs; every cell that a
spreadsheet would read as a formula is prefixed with an apostrophe.

This module does not import mkdocs.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from ..core.loader import Handbook
from ..core.models import CLAIM_FIELDS, Journey, Persona
from ..core.reviews import ReviewStatus
from .safejson import inert_json

#: The two kinds of export, each a top-level key of its document.
KINDS = ("personas", "journeys")

#: Where a record's page lives (site-root-relative URL), or ``None`` when unknown.
UrlOf = Callable[[Persona | Journey], str | None]
#: The review status of a record.
ReviewOf = Callable[[Persona | Journey], ReviewStatus]

LIST_SEPARATOR = "; "

PERSONA_LISTS = (
    "goals",
    "challenges",
    "motivations",
    "needs",
    "objections",
    "behaviors",
    "channels",
    "tools",
    "interests",
)
#: The columns of the personas CSV, in order. ``demographics.*`` and ``role.*`` stand for one
#: column per label found in the exported personas (see :func:`persona_columns`).
PERSONA_COLUMNS = (
    "id",
    "name",
    "type",
    "market",
    "segment",
    "status",
    "owner",
    "last_reviewed",
    "next_review",
    "review_state",
    "share",
    "tagline",
    "bio",
    "tags",
    "demographics.*",
    "role.*",
    *PERSONA_LISTS,
    "quotes",
    "messaging.pitch",
    "messaging.message",
    "messaging.vocabulary",
    "messaging.avoid",
    "research.interviews",
    "research.confidence",
    "research.sources",
    "evidence",
    "related",
    "source",
    "url",
)

STAGE_LANES = (
    "actions",
    "thoughts",
    "touchpoints",
    "channels",
    "pain_points",
    "opportunities",
    "backstage",
    "teams",
    "kpis",
)
#: The columns of the journeys CSV (one row per stage), in order.
JOURNEY_COLUMNS = (
    "journey_id",
    "title",
    "personas",
    "state",
    "stage",
    "stage_name",
    "moment_of_truth",
    "emotion",
    "description",
    *STAGE_LANES,
    "source",
    "url",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")


# Records ---------------------------------------------------------------------------------
def review_record(status: ReviewStatus) -> dict[str, Any]:
    """``{"next_review", "state", "days"}``; ``days`` is ``null`` when nothing is scheduled."""
    return {
        "next_review": status.next_review.isoformat() if status.next_review else None,
        "state": status.state.value,
        "days": status.days if status.next_review else None,
    }


def persona_record(
    persona: Persona, *, review: ReviewStatus, url: str | None
) -> dict[str, Any]:
    """One persona as a JSON-ready dict (model fields in order, then url, source, review)."""
    data = persona.model_dump(mode="json")
    data["quotes"] = [quote.model_dump(mode="json") for quote in persona.quote_list]
    if persona.research is not None:
        data["research"]["sources"] = [
            source.model_dump(mode="json") for source in persona.research.source_list
        ]
    data["evidence"] = evidence_records(persona)
    data["url"] = url
    data["source"] = persona.source_rel
    data["review"] = review_record(review)
    return data


def evidence_records(persona: Persona) -> list[dict[str, Any]]:
    """Each list item that cites evidence: ``{"field", "index", "text", "sources"}``."""
    return [
        {"field": name, "index": i, "text": getattr(persona, name)[i], "sources": list(ids)}
        for name in CLAIM_FIELDS
        for i, ids in enumerate(persona.evidence_of(name))
        if ids
    ]


def journey_record(
    journey: Journey, *, review: ReviewStatus, url: str | None
) -> dict[str, Any]:
    """One journey as a JSON-ready dict (model fields in order, then url, source, review)."""
    data = journey.model_dump(mode="json")
    data["url"] = url
    data["source"] = journey.source_rel
    data["review"] = review_record(review)
    return data


def records(
    handbook: Handbook, kind: str, *, review: ReviewOf, url: UrlOf
) -> list[dict[str, Any]]:
    """Every persona (``kind="personas"``) or journey (``"journeys"``) record, sorted by id."""
    if kind == "personas":
        return [
            persona_record(p, review=review(p), url=url(p))
            for _, p in sorted(handbook.personas.items())
        ]
    if kind == "journeys":
        return [
            journey_record(j, review=review(j), url=url(j))
            for _, j in sorted(handbook.journeys.items())
        ]
    raise ValueError(f"unknown export kind '{kind}' (expected one of {', '.join(KINDS)})")


def document(kind: str, items: list[Any], generated: dt.date) -> dict[str, Any]:
    """The top-level envelope: ``{"generated", "count", kind: items}`` (the records, or their
    JSON texts for :func:`.safejson.inert_json_spliced`)."""
    return {"generated": generated.isoformat(), "count": len(items), kind: items}


def dumps(data: Any) -> str:
    """Pretty, deterministic JSON that is also safe to inline in HTML (ends with a newline)."""
    return inert_json(data) + "\n"


# CSV -------------------------------------------------------------------------------------
def safe_cell(value: Any) -> str:
    """A CSV cell as text; a leading ``= + - @``, tab or CR gets an apostrophe in front so that
    spreadsheets show it instead of evaluating it (plain numbers such as ``-2`` stay as they are).
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, float):
        text = str(int(value)) if value.is_integer() else repr(value)
    else:
        text = str(value)
    if text.startswith(_FORMULA_START) and not _NUMBER.match(text):
        return "'" + text
    return text


def _joined(values: Iterable[Any]) -> str:
    return LIST_SEPARATOR.join(str(v) for v in values)


def _quote(quote: Mapping[str, Any]) -> str:
    """``"text" — source [ids]``."""
    text = f"\u201c{quote['text']}\u201d"
    if quote.get("source"):
        text += f" \u2014 {quote['source']}"
    if quote.get("evidence"):
        text += f" [{', '.join(quote['evidence'])}]"
    return text


def _source(source: Mapping[str, Any]) -> str:
    """``title (id, date, kind) url``: what a spreadsheet reader needs to find it."""
    details = [str(source[k]) for k in ("id", "date", "kind") if source.get(k)]
    text = str(source["title"]) + (f" ({', '.join(details)})" if details else "")
    return text + (f" {source['url']}" if source.get("url") else "")


def _mapping_columns(items: Sequence[Mapping[str, Any]], key: str) -> list[str]:
    """``key.<label>`` for every label of the ``key`` mappings, in order of first use."""
    labels: dict[str, None] = {}
    for item in items:
        labels.update(dict.fromkeys(item.get(key) or {}))
    return [f"{key}.{label}" for label in labels]


def persona_columns(items: Sequence[Mapping[str, Any]]) -> list[str]:
    """The personas CSV header for ``items``: :data:`PERSONA_COLUMNS` with one column per
    demographics and role label."""
    columns: list[str] = []
    for column in PERSONA_COLUMNS:
        if column.endswith(".*"):
            columns += _mapping_columns(items, column[:-2])
        else:
            columns.append(column)
    return columns


def persona_rows(items: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Flat rows (one per persona) from :func:`persona_record` dicts."""
    rows = []
    for item in items:
        review = item["review"]
        messaging = item.get("messaging") or {}
        research = item.get("research") or {}
        row: dict[str, Any] = {
            "id": item["id"],
            "name": item["name"],
            "type": item["type"],
            "market": item["market"],
            "segment": item["segment"],
            "status": item["status"],
            "owner": item["owner"],
            "last_reviewed": item["last_reviewed"],
            "next_review": review["next_review"],
            "review_state": review["state"],
            "share": item["share"],
            "tagline": item["tagline"],
            "bio": item.get("bio"),
            "tags": _joined(item["tags"]),
        }
        for key in ("demographics", "role"):
            for label, value in (item.get(key) or {}).items():
                row[f"{key}.{label}"] = value
        for name in PERSONA_LISTS:
            row[name] = _joined(item[name])
        row["quotes"] = _joined(_quote(q) for q in item.get("quotes") or [])
        row["messaging.pitch"] = messaging.get("pitch")
        row["messaging.message"] = messaging.get("message")
        row["messaging.vocabulary"] = _joined(messaging.get("vocabulary") or [])
        row["messaging.avoid"] = _joined(messaging.get("avoid") or [])
        row["research.interviews"] = research.get("interviews")
        row["research.confidence"] = research.get("confidence")
        row["research.sources"] = _joined(_source(s) for s in research.get("sources") or [])
        row["evidence"] = _joined(
            f"{e['field']}: {e['text']} [{', '.join(e['sources'])}]"
            for e in item.get("evidence") or []
        )
        row["related"] = _joined(item["related"])
        row["source"] = item["source"]
        row["url"] = item["url"]
        rows.append(row)
    return rows


def _emotion(value: Any) -> str:
    if isinstance(value, dict):
        return _joined(f"{key}:{val}" for key, val in value.items())
    return "" if value is None else str(value)


def journey_rows(items: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Flat rows (one per stage) from :func:`journey_record` dicts."""
    rows = []
    for item in items:
        personas = item["personas"] or ([item["persona"]] if item["persona"] else [])
        for index, stage in enumerate(item["stages"], start=1):
            row: dict[str, Any] = {
                "journey_id": item["id"],
                "title": item["title"],
                "personas": _joined(personas),
                "state": item["state"],
                "stage": index,
                "stage_name": stage["name"],
                "moment_of_truth": stage["moment_of_truth"],
                "emotion": _emotion(stage["emotion"]),
                "description": stage["description"],
            }
            for lane in STAGE_LANES:
                row[lane] = _joined(stage[lane])
            row["source"] = item["source"]
            row["url"] = item["url"]
            rows.append(row)
    return rows


def to_csv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> str:
    """CSV text (header row first, CRLF line ends as RFC 4180 asks) with every cell made safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(column) for column in columns])
    for row in rows:
        writer.writerow([safe_cell(row.get(column)) for column in columns])
    return buffer.getvalue()


def csv_text(kind: str, items: Sequence[Mapping[str, Any]]) -> str:
    """The CSV export of ``items`` (records of ``kind``)."""
    if kind == "personas":
        return to_csv(persona_rows(items), persona_columns(items))
    if kind == "journeys":
        return to_csv(journey_rows(items), JOURNEY_COLUMNS)
    raise ValueError(f"unknown export kind '{kind}' (expected one of {', '.join(KINDS)})")
