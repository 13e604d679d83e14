"""Validation messages come from our models and the data, not from pydantic's wording.

Pydantic's error ``ctx`` and ``msg`` change between releases (2.14 stopped counting the items
of a too long mapping), and so do the names it gives union alternatives in ``loc``. These
tests take real errors, strip or rename everything but ``type``, ``loc`` and ``input``, and
check that every message stays the same.
"""

from __future__ import annotations

from typing import Any, cast

import pytest
from pydantic import BaseModel, ValidationError

from mkdocs_persona_plugin.core.explain import Explained, explain, is_model
from mkdocs_persona_plugin.core.models import MAX_ITEMS, Journey, Persona, Quote

BASE = {"id": "margie", "name": "Margie", "owner": "@finance", "last_reviewed": "2026-03-14"}

#: Persona documents with every kind of problem the contract knows.
BAD_PERSONAS: list[dict[str, Any]] = [
    {**BASE, "demographics": {f"entry {i}": i for i in range(MAX_ITEMS + 50)}},
    {**BASE, "role": {f"fact {i}": "x" for i in range(MAX_ITEMS + 1)}},
    {**BASE, "tags": ["t"] * (MAX_ITEMS + 3), "goals": ["g"] * (MAX_ITEMS + 1)},
    {**BASE, "bio": "b" * 20_001, "tagline": "t" * 501, "name": "  "},
    {**BASE, "type": "buyr", "market": 3, "status": "gone"},
    {**BASE, "research": {"confidence": "hihg", "interviews": -1, "sorces": []}},
    {**BASE, "share": 150, "related": ["Not An Id"], "id": "Margie"},
    {**BASE, "quotes": [3, {"sorce": "x"}, {"text": "t" * 20_001}, ["a list"]]},
    {**BASE, "demographics": {"k" * 501: "v", "": 1, "age": [1], "ok": 2.5, "flag": True}},
    {**BASE, "sections": {"s": 3, "t": ["x" * 20_001], "u": {"a": "b"}}},
    {**BASE, "review_every": "often", "last_reviewed": "2025-02-30", "messaging": "pitch"},
    {**BASE, "last_reviewed": 20260314, "goals": "one goal", "tools": [None]},
    {"id": "margie", "nme": "Margie"},
]

#: Journey documents with every kind of problem the contract knows.
BAD_JOURNEYS: list[dict[str, Any]] = [
    {"id": "j", "title": "T", "persona": "margie", "stages": []},
    {"id": "j", "title": "T", "personas": [], "stages": [{"name": "s"}]},
    {"id": "j", "title": "T", "personas": [f"p{i}" for i in range(21)], "stages": [{"name": "s"}]},
    {"id": "j", "title": "T", "stages": [{"name": "s"}]},
    {
        "id": "j",
        "title": "T",
        "persona": "margie",
        "state": "later",
        "stages": [
            {"name": "a", "emotion": 5},
            {"name": "b", "emotion": {"margie": -7, "Not Id": 1, "hannah": "x"}},
            {"name": "c", "emotion": "happy", "moment_of_truth": "yes"},
            {"name": "d", "emotion": 1.5, "actons": []},
        ],
    },
]


class _Rewritten:
    """Stands in for a ValidationError whose details a future pydantic words differently."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        self._errors = errors

    def errors(self) -> list[dict[str, Any]]:
        return self._errors


def _errors(model: type[BaseModel], data: dict[str, Any]) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    return caught.value


def _reworded(exc: ValidationError, data: dict[str, Any]) -> ValidationError:
    """The same errors with no ``ctx``, a meaningless ``msg`` and renamed union branches."""
    names: dict[str, str] = {}
    errors = []
    for err in exc.errors():
        loc = []
        node: Any = data
        for part in err["loc"]:
            found = isinstance(node, dict) and part in node
            found = found or (isinstance(node, list) and isinstance(part, int))
            if found:
                node = node[part]
                loc.append(part)
            elif isinstance(part, str) and (part[:1].isupper() or not part.isidentifier()):
                if part != "[key]":  # pydantic's documented marker for a mapping key
                    part = names.setdefault(part, f"alternative-{len(names)}")
                loc.append(part)
            else:
                loc.append(part)
        errors.append({"type": err["type"], "loc": tuple(loc), "msg": "?", "input": err["input"]})
    return cast(ValidationError, _Rewritten(errors))


CASES = [(Persona, d) for d in BAD_PERSONAS] + [(Journey, d) for d in BAD_JOURNEYS]


@pytest.mark.parametrize(("model", "data"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_messages_do_not_depend_on_pydantics_wording(
    model: type[BaseModel], data: dict[str, Any]
) -> None:
    exc = _errors(model, data)
    messages = explain(exc, data, model)
    assert messages
    assert explain(_reworded(exc, data), data, model) == messages
    for item in messages:
        assert "None" not in item.message
        assert "constrained" not in item.message and "[key]" not in item.message
        assert all(part != "[key]" for part in item.path)


def test_too_many_items_are_counted_from_the_data() -> None:
    facts = {f"entry {i}": str(i) for i in range(10_000)}
    data = {**BASE, "demographics": facts, "tags": ["t"] * 300}
    messages = explain(_errors(Persona, data), data, Persona)
    assert sorted(messages, key=lambda m: m.path) == [
        Explained(("demographics",), "has 10000 items; the limit is 200"),
        Explained(("tags",), "has 300 items; the limit is 200"),
    ]


def test_limits_come_from_the_model() -> None:
    data = {**BASE, "tagline": "t" * 501, "bio": "b" * 20_001, "share": -1, "id": "x" * 81}
    data["research"] = {"interviews": -3}
    messages = {m.path: m.message for m in explain(_errors(Persona, data), data, Persona)}
    assert messages == {
        ("tagline",): "is 501 characters long; the limit is 500",
        ("bio",): "is 20001 characters long; the limit is 20000",
        ("share",): "must be between 0 and 100 (got -1)",
        ("id",): "is 81 characters long; the limit is 80",
        ("research", "interviews"): "must be 0 or more (got -3)",
    }


def test_allowed_values_come_from_the_enum() -> None:
    data = {**BASE, "type": "buyr", "research": {"confidence": 3}}
    messages = {m.path: m.message for m in explain(_errors(Persona, data), data, Persona)}
    assert messages == {
        ("type",): "'buyr' is not allowed; use one of: buyer, user, decision-maker, "
        "influencer, detractor, payer, negative; did you mean 'buyer'?",
        ("research", "confidence"): "expected one of: low, medium, high; got a number (3)",
    }


def test_problems_with_a_mapping_key_point_at_the_key() -> None:
    data = {**BASE, "demographics": {"k" * 501: "v", "": "1"}}
    messages = explain(_errors(Persona, data), data, Persona)
    assert messages == [
        Explained(
            ("demographics", "k" * 501), "the key is 501 characters long; the limit is 500", True
        ),
        Explained(("demographics", ""), "the key must not be empty", True),
    ]


def test_unknown_field_inside_a_list_item() -> None:
    """On Python 3.10 ``list[Quote]`` passes ``isinstance(…, type)``: no crash there."""
    assert not is_model(list[Quote]) and not is_model(dict[str, Quote]) and not is_model(int)
    assert is_model(Quote)
    data = {**BASE, "quotes": [{"text": "t", "sorce": "x"}]}
    assert explain(_errors(Persona, data), data, Persona) == [
        Explained(("quotes", 0, "sorce"), "unknown field 'sorce'; did you mean 'source'?", True)
    ]


def test_validator_messages_are_our_own() -> None:
    data = {**BASE, "review_every": " often "}
    assert explain(_errors(Persona, data), data, Persona) == [
        Explained(
            ("review_every",),
            "'often' is not a review interval: write a number and a unit, e.g. '90 days', "
            "'6 weeks', '6 months' or '1 year'",
        )
    ]
    journey = {"id": "j", "title": "T", "stages": [{"name": "s"}]}
    assert explain(_errors(Journey, journey), journey, Journey) == [
        Explained((), "missing 'persona' (one id) or 'personas' (a list of ids)")
    ]
