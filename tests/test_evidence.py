"""Evidence behind claims: the data contract, its validation, and evidence freshness."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mkdocs_persona_plugin.core.evidence import default_max_age, evidence_summary
from mkdocs_persona_plugin.core.intervals import parse_interval
from mkdocs_persona_plugin.core.loader import Handbook, load_handbook
from mkdocs_persona_plugin.core.problems import ValidationFailed
from mkdocs_persona_plugin.core.reviews import review_items

TODAY = dt.date(2026, 12, 6)

ANN = """\
name: Ann
owner: "@research"
last_reviewed: 2026-10-01
goals:
  - Close the month in five days
  - text: Trust the numbers
    evidence: [interviews-2026]
challenges:
  - text: Manual bank feeds
    evidence: [interviews-2026, survey-2024]
quotes:
  - text: I re-check every total.
    evidence: [survey-2024]
  - Plain quote
research:
  sources:
    - Old notes
    - title: Customer interviews
      id: interviews-2026
      date: 2026-03-01
      kind: interviews
    - {title: Survey, id: survey-2024, date: 2024-05-10, url: "https://example.invalid/s"}
"""

JOURNEY = """\
title: Month-end close
persona: ann
stages:
  - name: Prepare
    evidence: [interviews-2026]
  - name: Close
"""


def project(tmp_path: Path, persona: str = ANN, journey: str | None = JOURNEY) -> Path:
    (tmp_path / "personas").mkdir(parents=True)
    (tmp_path / "personas" / "ann.yaml").write_text(persona, encoding="utf-8")
    if journey is not None:
        (tmp_path / "journeys").mkdir()
        (tmp_path / "journeys" / "close.yaml").write_text(journey, encoding="utf-8")
    return tmp_path


def load(root: Path) -> Handbook:
    return load_handbook(root / "personas", root / "journeys", root=root, today=TODAY)


def problems(root: Path) -> list[str]:
    with pytest.raises(ValidationFailed) as failed:
        load(root)
    return [str(p) for p in failed.value.problems]


def test_items_cite_sources_and_stay_text(tmp_path: Path) -> None:
    ann = load(project(tmp_path)).personas["ann"]
    assert ann.goals == ["Close the month in five days", "Trust the numbers"]
    assert [c.evidence for c in ann.claims("goals")] == [[], ["interviews-2026"]]
    assert ann.claims("challenges")[0].evidence == ["interviews-2026", "survey-2024"]
    # The pages read the same evidence without building a claim per item.
    for name in ("goals", "challenges", "needs"):
        assert [list(ids) for ids in ann.evidence_of(name)] == [
            c.evidence for c in ann.claims(name)
        ]
    assert [q.evidence for q in ann.quote_list] == [["survey-2024"], None]
    sources = ann.research.source_list if ann.research else []
    assert [(s.title, s.id, s.date) for s in sources] == [
        ("Old notes", None, None),
        ("Customer interviews", "interviews-2026", dt.date(2026, 3, 1)),
        ("Survey", "survey-2024", dt.date(2024, 5, 10)),
    ]
    journey = load(project(tmp_path / "j")).journeys["close"]
    assert journey.stages[0].evidence == ["interviews-2026"]


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        (
            ANN.replace("evidence: [interviews-2026]", "evidence: [interview-2026]"),
            "personas/ann.yaml:7:16: goals[1].evidence[0]: no research source with id "
            "'interview-2026'; did you mean 'interviews-2026'? (known sources: "
            "interviews-2026, survey-2024)",
        ),
        (
            ANN.replace("  - Plain quote", "  - text: Plain quote\n    evidence: [survey]"),
            "personas/ann.yaml:15:16: quotes[1].evidence[0]: no research source with id "
            "'survey'; did you mean 'survey-2024'? (known sources: interviews-2026, "
            "survey-2024)",
        ),
        (
            ANN.replace("id: survey-2024,", "id: interviews-2026,"),
            "personas/ann.yaml:22:27: research.sources[2].id: source id 'interviews-2026' is "
            "already used by research.sources[1]",
        ),
        (
            ANN.split("research:")[0],
            "personas/ann.yaml:7:16: goals[1].evidence[0]: no research source with id "
            "'interviews-2026': this persona has no source with an id; give one under "
            "research.sources, e.g. '- {title: Customer interviews, id: interviews-2026}'",
        ),
    ],
    ids=["typo", "quote", "duplicate-id", "no-sources"],
)
def test_unknown_and_duplicate_source_ids(tmp_path: Path, persona: str, expected: str) -> None:
    assert expected in problems(project(tmp_path, persona, journey=None))


def test_stage_cites_the_sources_of_the_journeys_personas(tmp_path: Path) -> None:
    journey = JOURNEY.replace("evidence: [interviews-2026]", "evidence: [interviews]")
    assert problems(project(tmp_path, journey=journey)) == [
        "journeys/close.yaml:5:16: stages[0].evidence[0]: no research source with id "
        "'interviews'; did you mean 'interviews-2026'? (known sources: interviews-2026, "
        "survey-2024)"
    ]


def test_claim_mapping_mistakes_are_named(tmp_path: Path) -> None:
    persona = ANN.replace(
        "  - text: Trust the numbers\n    evidence: [interviews-2026]",
        "  - text: Trust the numbers\n    evidence: interviews-2026",
    )
    assert problems(project(tmp_path, persona, journey=None)) == [
        "personas/ann.yaml:7:15: goals[1].evidence: expected a list, got text; start each item "
        "on its own line with '- '"
    ]


def test_summary_counts_cited_items_and_dates_the_research(tmp_path: Path) -> None:
    ann = load(project(tmp_path)).personas["ann"]
    summary = evidence_summary(ann, today=TODAY, max_age=default_max_age())
    assert (summary.cited, summary.items) == (3, 5)
    assert (summary.oldest, summary.newest) == (dt.date(2024, 5, 10), dt.date(2026, 3, 1))
    assert summary.stale_from == dt.date(2028, 3, 2) and not summary.stale
    later = evidence_summary(ann, today=dt.date(2028, 3, 2), max_age=default_max_age())
    assert later.stale
    short = evidence_summary(ann, today=TODAY, max_age=parse_interval("6 months"))
    assert short.stale


def test_undated_research_is_never_stale(tmp_path: Path) -> None:
    persona = ANN.replace("      date: 2026-03-01\n", "").replace(" date: 2024-05-10,", "")
    ann = load(project(tmp_path, persona, journey=None)).personas["ann"]
    summary = evidence_summary(ann, today=dt.date(2099, 1, 1), max_age=default_max_age())
    assert not summary.dated and not summary.stale and summary.stale_from is None


def test_evidence_stale_is_a_state_next_to_the_review_date(tmp_path: Path) -> None:
    journey = JOURNEY.replace("stages:", "last_reviewed: 2026-11-01\nstages:")
    handbook = load(project(tmp_path, journey=journey))
    items = review_items(
        handbook, today=TODAY, default_interval=parse_interval("1 year"),
        due_soon=parse_interval("30 days"), evidence_max_age=parse_interval("6 months"),
    )
    ann = next(i for i in items if i.id == "ann")
    assert ann.state.value == "current"  # reviewed in October: the review is not overdue
    assert ann.evidence_stale  # but its newest research is from March
    journey = next(i for i in items if i.kind == "journey")
    assert journey.evidence is None and not journey.evidence_stale
