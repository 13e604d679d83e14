"""The persona and journey data contract: every rule, with its exact message and position."""

from __future__ import annotations

import datetime as dt
import shutil
import struct
import textwrap
import zlib
from pathlib import Path

import pytest
from PIL import Image

from mkdocs_persona_plugin.core.loader import Handbook, load_handbook
from mkdocs_persona_plugin.core.models import JourneyState, Market, PersonaType, Quote, Status
from mkdocs_persona_plugin.core.problems import ValidationFailed

REPO = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 29)
MARGIE = 'name: Finance Manager Margie\nowner: "@finance"\nlast_reviewed: 2026-03-14\n'
HANNAH = 'name: Head of Finance Hannah\nowner: "@finance"\nlast_reviewed: 2026-03-14\n'
ENUM_TYPES = "buyer, user, decision-maker, influencer, detractor, payer, negative"


def load(
    tmp_path: Path,
    personas: dict[str, str | bytes] | None = None,
    journeys: dict[str, str | bytes] | None = None,
) -> Handbook | list[str]:
    """Write the files, load them; the handbook, or the problems as printed."""
    for folder, files in (("personas", personas or {}), ("journeys", journeys or {})):
        (tmp_path / folder).mkdir(exist_ok=True)
        for name, text in files.items():
            target = tmp_path / folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                target.write_bytes(text)
            else:
                target.write_text(textwrap.dedent(text), encoding="utf-8")
    try:
        return load_handbook(
            tmp_path / "personas", tmp_path / "journeys", root=tmp_path, today=TODAY
        )
    except ValidationFailed as failed:
        return [str(p) for p in failed.problems]


def persona_problems(tmp_path: Path, extra: str) -> list[str] | Handbook:
    """Problems of Margie's file with ``extra`` lines appended (they start on line 4)."""
    return load(tmp_path, {"margie.yaml": MARGIE + extra, "hannah.yaml": HANNAH})


# ---------------------------------------------------------------------------- valid content


def test_example_handbook_is_valid() -> None:
    handbook = load_handbook(REPO / "personas", REPO / "journeys", root=REPO, today=TODAY)
    assert len(handbook.personas) >= 10
    assert len(handbook.journeys) >= 4
    assert all(p.source_rel == f"personas/{p.source.name}" for p in handbook.personas.values())


def test_minimal_persona_gets_the_defaults(tmp_path: Path) -> None:
    handbook = load(tmp_path, {"margie.yaml": MARGIE})
    assert isinstance(handbook, Handbook)
    margie = handbook.personas["margie"]
    assert margie.id == "margie"
    assert margie.type is PersonaType.buyer
    assert margie.status is Status.active
    assert margie.market is None
    assert margie.last_reviewed == dt.date(2026, 3, 14)
    assert margie.goals == [] and margie.quotes == [] and margie.sections == {}


def test_full_persona_is_read_as_written(tmp_path: Path) -> None:
    handbook = load(
        tmp_path,
        {
            "hannah.yaml": HANNAH,
            "margie.yml": MARGIE
            + textwrap.dedent(
                """\
                id: finance-manager
                type: decision-maker
                market: b2b
                segment: Mid-market
                status: draft
                tagline: Owns the close
                bio: |
                  Runs **finance** day to day.
                quotes:
                  - Plain quote
                  - text: Sourced quote
                    source: Interview, March 2026
                demographics:
                  Location: Bristol
                  Age: 38
                  Share of time: 0.5
                role:
                  Team: 2 bookkeepers
                goals: [Close by day 6]
                challenges: [Bank feeds]
                motivations: [Pride]
                needs: [Matching]
                objections: [Setup time]
                behaviors: [Trials first]
                channels: [LinkedIn]
                tools: [Excel]
                interests: [Parkrun]
                messaging:
                  pitch: Close faster
                  vocabulary: [reconcile]
                  avoid: [effortless]
                share: 18.5
                research:
                  interviews: 21
                  sources: [Interviews]
                  confidence: high
                tags: [b2b]
                related: [hannah]
                review_every: 6 months
                sections:
                  A day in the life: [08:00 coffee, "09:00 bank feed"]
                  What she tells peers: Do the mapping first.
                """
            ),
        },
    )
    assert isinstance(handbook, Handbook)
    margie = handbook.personas["finance-manager"]
    assert margie.source_rel == "personas/margie.yml"
    assert margie.type is PersonaType.decision_maker and margie.market is Market.b2b
    assert margie.quote_list == [
        Quote(text="Plain quote"),
        Quote(text="Sourced quote", source="Interview, March 2026"),
    ]
    assert list(margie.demographics) == ["Location", "Age", "Share of time"]  # order kept
    assert margie.demographics["Age"] == "38"  # as written
    assert margie.demographics["Share of time"] == "0.5"
    assert margie.share == 18.5 and margie.research and margie.research.interviews == 21
    assert margie.sections == {
        "A day in the life": ["08:00 coffee", "09:00 bank feed"],
        "What she tells peers": "Do the mapping first.",
    }


def test_quoted_date_is_accepted(tmp_path: Path) -> None:
    handbook = load(tmp_path, {"margie.yaml": MARGIE.replace("2026-03-14", "'2026-03-14'")})
    assert isinstance(handbook, Handbook)
    assert handbook.personas["margie"].last_reviewed == dt.date(2026, 3, 14)


# ---------------------------------------------------------------------------- required fields


def test_missing_required_fields(tmp_path: Path) -> None:
    problems = load(tmp_path, {"margie.yaml": "# yaml-language-server: x\ntype: user\n"})
    assert problems == [
        "personas/margie.yaml:2:1: last_reviewed: missing required field 'last_reviewed'",
        "personas/margie.yaml:2:1: name: missing required field 'name'",
        "personas/margie.yaml:2:1: owner: missing required field 'owner'",
    ]


def test_empty_required_value(tmp_path: Path) -> None:
    problems = load(tmp_path, {"margie.yaml": MARGIE.replace('"@finance"', '""')})
    assert problems == ["personas/margie.yaml:2:8: owner: must not be empty"]
    problems = load(tmp_path, {"margie.yaml": MARGIE.replace(' "@finance"', "")})
    assert problems == [
        "personas/margie.yaml:2:7: owner: expected text, got nothing (an empty value)"
    ]


# ---------------------------------------------------------------------------- field types

FIELD_CASES = [
    ("segment: [a, b]", "4:10: segment: expected text, got a list"),
    ("bio:\n  text: hi", "5:3: bio: expected text, got a mapping"),
    (
        "quotes: Nice",
        "4:9: quotes: expected a list, got text; start each item on its own line with '- '",
    ),
    ("quotes:\n  - [x]", "5:5: quotes[0]: expected text or a mapping, got a list"),
    ("quotes:\n  - text: Hi\n    source: [x]", "6:13: quotes[0].source: expected text, got a list"),
    ("quotes:\n  - source: Interview", "5:5: quotes[0].text: missing required field 'text'"),
    ("demographics: Bristol", "4:15: demographics: expected a mapping (key: value), got text"),
    ("demographics:\n  Age: [38]", "5:8: demographics.Age: expected text, got a list"),
    (
        "goals:\n  - Close the books\n  -",
        "6:4: goals[1]: expected text or a mapping, got nothing (an empty value)",
    ),
    ("goals:\n  - ''", "5:5: goals[0]: must not be empty"),
    (
        "messaging:\n  vocabulary: reconcile",
        "5:15: messaging.vocabulary: expected a list, got text; start each item on its own line "
        "with '- '",
    ),
    ("messaging: Save time", "4:12: messaging: expected a mapping (key: value), got text"),
    ("share: 101", "4:8: share: must be between 0 and 100 (got 101)"),
    ("share: -1", "4:8: share: must be between 0 and 100 (got -1)"),
    ("share: 12.5%", "4:8: share: expected a number, got the text '12.5%'"),
    (
        "share: '12'",
        "4:8: share: expected a number, got the text '12'; write it as a plain number without "
        "quotes, "
        "e.g. 12",
    ),
    ("share: 1e3", "4:8: share: must be between 0 and 100 (got 1000)"),
    ("share: 1_000", "4:8: share: must be between 0 and 100 (got 1000)"),
    ("share: 0170", "4:8: share: must be between 0 and 100 (got 170)"),
    ("share: 7:30", "4:8: share: expected a number, got the text '7:30'"),
    (
        "status:",
        "4:8: status: expected one of: draft, active, retired; got nothing (an empty value)",
    ),
    (
        "research:\n  confidence: [high]",
        "5:15: research.confidence: expected one of: low, medium, high; got a list",
    ),
    ("share: yes", "4:8: share: expected a number, got the text 'yes'"),
    ("share: true", "4:8: share: expected a number, got a yes/no value (true)"),
    ("share: .nan", "4:8: share: expected a number, got nan"),
    ("research: 5", "4:11: research: expected a mapping (key: value), got text"),
    (
        "research:\n  interviews: many",
        "5:15: research.interviews: expected a whole number, got the text 'many'",
    ),
    (
        "research:\n  interviews: 2.5",
        "5:15: research.interviews: expected a whole number, got a number (2.5)",
    ),
    ("research:\n  interviews: -1", "5:15: research.interviews: must be 0 or more (got -1)"),
    (
        "review_every: every year",
        "4:15: review_every: 'every year' is not a review interval: write a number and a unit, "
        "e.g. '90 days', '6 weeks', '6 months' or '1 year'",
    ),
    (
        "review_every: 0 days",
        "4:15: review_every: '0 days' is not a review interval: it must be longer than zero",
    ),
    (
        "review_every: 90",
        "4:15: review_every: '90' is not a review interval: write a number and a unit, "
        "e.g. '90 days', '6 weeks', '6 months' or '1 year'",
    ),
    ("sections:\n  Day: {a: b}", "5:8: sections.Day: expected text or a list, got a mapping"),
    (
        "related: hannah",
        "4:10: related: expected a list, got text; start each item on its own line with '- '",
    ),
    (
        "related: [Head Of Finance]",
        "4:11: related[0]: 'Head Of Finance' is not a valid id: use lowercase letters, digits "
        "and hyphens (e.g. 'finance-manager')",
    ),
    (
        "id: Margie Smith",
        "4:5: id: 'Margie Smith' is not a valid id: use lowercase letters, digits and hyphens "
        "(e.g. 'finance-manager')",
    ),
    ("tags: [x" + ", x" * 200 + "]", "4:7: tags: has 201 items; the limit is 200"),
    ("tagline: " + "x" * 501, "4:10: tagline: is 501 characters long; the limit is 500"),
]


@pytest.mark.parametrize(("extra", "expected"), FIELD_CASES, ids=[c[0][:30] for c in FIELD_CASES])
def test_field_type_errors(tmp_path: Path, extra: str, expected: str) -> None:
    assert persona_problems(tmp_path, extra + "\n") == [f"personas/margie.yaml:{expected}"]


# ---------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-02-30", "2025-02-30 does not exist: February 2025 has 28 days"),
        ("'2025-02-30'", "2025-02-30 does not exist: February 2025 has 28 days"),
        ("2024-02-30", "2024-02-30 does not exist: February 2024 has 29 days"),
        ("2025-13-01", "2025-13-01 does not exist: months go from 01 to 12"),
        ("2025-04-31", "2025-04-31 does not exist: April 2025 has 30 days"),
        ("'14 March 2026'", "'14 March 2026' is not a date: write YYYY-MM-DD, e.g. 2026-03-31"),
        ("2026-3-14", "'2026-3-14' is not a date: write YYYY-MM-DD, e.g. 2026-03-31"),
        (
            "2026-03-14 10:30:00",
            "'2026-03-14 10:30:00' is not a date: write YYYY-MM-DD, e.g. 2026-03-31",
        ),
        ("20260314", "expected a date (YYYY-MM-DD), got a number (20260314)"),
        ("0", "expected a date (YYYY-MM-DD), got a number (0)"),
        ("", "expected a date (YYYY-MM-DD), got nothing (an empty value)"),
        ("2026-11-30", "2026-11-30 lies in the future (today is 2026-11-29)"),
    ],
)
def test_bad_dates(tmp_path: Path, value: str, expected: str) -> None:
    text = MARGIE.replace("2026-03-14", value)
    column = 15 if not value else 16
    assert load(tmp_path, {"margie.yaml": text}) == [
        f"personas/margie.yaml:3:{column}: last_reviewed: {expected}"
    ]


def test_today_is_not_the_future(tmp_path: Path) -> None:
    assert isinstance(
        load(tmp_path, {"margie.yaml": MARGIE.replace("2026-03-14", "2026-11-29")}), Handbook
    )


def test_future_date_in_a_journey(tmp_path: Path) -> None:
    journey = "title: Close\npersona: margie\nlast_reviewed: 2027-01-01\nstages:\n  - name: A\n"
    assert load(tmp_path, {"margie.yaml": MARGIE}, {"close.yaml": journey}) == [
        "journeys/close.yaml:3:16: last_reviewed: 2027-01-01 lies in the future (today is "
        "2026-11-29)"
    ]


# ---------------------------------------------------------------------------- enums, unknown keys


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (
            "type: bayer",
            f"4:7: type: 'bayer' is not allowed; use one of: {ENUM_TYPES}; did you mean 'payer'?",
        ),
        (
            "type: Buyer",
            f"4:7: type: 'Buyer' is not allowed; use one of: {ENUM_TYPES}; did you mean 'buyer'?",
        ),
        (
            "type: decision maker",
            f"4:7: type: 'decision maker' is not allowed; use one of: "
            f"{ENUM_TYPES}; did you mean 'decision-maker'?",
        ),
        (
            "status: actve",
            "4:9: status: 'actve' is not allowed; use one of: draft, active, "
            "retired; did you mean 'active'?",
        ),
        (
            "market: B2B",
            "4:9: market: 'B2B' is not allowed; use one of: b2b, b2c, public, "
            "internal; did you mean 'b2b'?",
        ),
        (
            "market: government",
            "4:9: market: 'government' is not allowed; use one of: b2b, b2c, public, internal",
        ),
        (
            "research:\n  confidence: hgh",
            "5:15: research.confidence: 'hgh' is not allowed; use "
            "one of: low, medium, high; did you mean 'high'?",
        ),
    ],
)
def test_enum_typos_suggest_the_closest_value(tmp_path: Path, extra: str, expected: str) -> None:
    assert persona_problems(tmp_path, extra + "\n") == [f"personas/margie.yaml:{expected}"]


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("goal: Close", "4:1: goal: unknown field 'goal'; did you mean 'goals'?"),
        ("Name2: x", "4:1: Name2: unknown field 'Name2'; did you mean 'name'?"),
        (
            "colour: blue",
            "4:1: colour: unknown field 'colour'; see the field reference for what is allowed",
        ),
        (
            "messaging:\n  pich: Save time",
            "5:3: messaging.pich: unknown field 'pich'; did you mean 'pitch'?",
        ),
        (
            "quotes:\n  - text: Hi\n    sorce: Call",
            "6:5: quotes[0].sorce: unknown field 'sorce'; did you mean 'source'?",
        ),
        (
            "research:\n  interview: 3",
            "5:3: research.interview: unknown field 'interview'; did you mean 'interviews'?",
        ),
    ],
)
def test_unknown_fields_suggest_the_closest_name(tmp_path: Path, extra: str, expected: str) -> None:
    assert persona_problems(tmp_path, extra + "\n") == [f"personas/margie.yaml:{expected}"]


def test_unknown_stage_field(tmp_path: Path) -> None:
    journey = "title: Close\npersona: margie\nstages:\n  - name: A\n    pain_point: [Slow]\n"
    assert load(tmp_path, {"margie.yaml": MARGIE}, {"close.yaml": journey}) == [
        "journeys/close.yaml:5:5: stages[0].pain_point: unknown field 'pain_point'; did you mean "
        "'pain_points'?"
    ]


# ---------------------------------------------------------------------------- ids


def test_id_from_a_bad_file_name(tmp_path: Path) -> None:
    assert load(tmp_path, {"Margie Smith.yaml": "# header\n" + MARGIE}) == [
        "personas/Margie Smith.yaml:2:1: id: the file name 'Margie Smith' is not a valid id: "
        "rename the file to 'margie-smith.yaml' (lowercase letters, digits and hyphens), or set "
        "'id: margie-smith'"
    ]


def test_bad_file_name_is_fine_with_an_explicit_id(tmp_path: Path) -> None:
    handbook = load(tmp_path, {"Margie Smith.yaml": MARGIE + "id: margie-smith\n"})
    assert isinstance(handbook, Handbook)
    assert list(handbook.personas) == ["margie-smith"]


def test_duplicate_persona_ids_name_both_files(tmp_path: Path) -> None:
    problems = load(
        tmp_path,
        {
            "hannah.yaml": HANNAH,
            "margie.yaml": MARGIE,
            "margie2.yaml": MARGIE + "id: margie\n",
            "margie.yml": MARGIE,
        },
    )
    assert problems == [
        "personas/margie.yml:1:1: id: persona id 'margie' is already used by personas/margie.yaml",
        "personas/margie2.yaml:4:1: id: persona id 'margie' is already used by "
        "personas/margie.yaml",
    ]


def test_duplicate_journey_ids(tmp_path: Path) -> None:
    journey = "title: Close\npersona: margie\nstages:\n  - name: A\n"
    problems = load(
        tmp_path,
        {"margie.yaml": MARGIE},
        {"close.yaml": journey, "other.yaml": "id: close\n" + journey},
    )
    assert problems == [
        "journeys/other.yaml:1:1: id: journey id 'close' is already used by journeys/close.yaml"
    ]


# ---------------------------------------------------------------------------- related


def test_related_to_an_unknown_persona_suggests_the_closest(tmp_path: Path) -> None:
    assert persona_problems(tmp_path, "related:\n  - hannah\n  - hanah\n") == [
        "personas/margie.yaml:6:5: related[1]: no persona with id 'hanah'; did you mean 'hannah'? "
        "(known personas: hannah, margie)"
    ]


def test_related_to_itself(tmp_path: Path) -> None:
    assert persona_problems(tmp_path, "related: [hannah, margie]\n") == [
        "personas/margie.yaml:4:19: related[1]: a persona cannot be related to itself"
    ]


def test_related_twice(tmp_path: Path) -> None:
    assert persona_problems(tmp_path, "related: [hannah, hannah]\n") == [
        "personas/margie.yaml:4:19: related[1]: 'hannah' is listed twice"
    ]


def test_related_to_a_persona_whose_file_has_problems(tmp_path: Path) -> None:
    """An invalid file still exists: only its own problem is reported, not the reference."""
    problems = load(
        tmp_path,
        {"margie.yaml": MARGIE + "related: [hannah]\n", "hannah.yaml": HANNAH + "share: 500\n"},
    )
    assert problems == ["personas/hannah.yaml:4:8: share: must be between 0 and 100 (got 500)"]


# ---------------------------------------------------------------------------- journeys

STAGES = "stages:\n  - name: Research\n"
PEOPLE = {"margie.yaml": MARGIE, "hannah.yaml": HANNAH}


def journey_problems(tmp_path: Path, text: str, **more: str) -> list[str] | Handbook:
    return load(tmp_path, PEOPLE, {"close.yaml": "title: Month-end close\n" + text, **more})


def test_valid_journey(tmp_path: Path) -> None:
    handbook = journey_problems(
        tmp_path,
        "personas: [margie, hannah]\nstate: current\nowner: '@ops'\nlast_reviewed: 2026-01-01\n"
        "review_every: 90 days\ntags: [close]\nscenario: It is day 1.\ngoal: Close by day 6\n"
        "stages:\n  - name: Research\n    description: Reads\n    actions: [a]\n"
        "    thoughts: [b]\n    touchpoints: [c]\n    channels: [d]\n    pain_points: [e]\n"
        "    opportunities: [f]\n    backstage: [g]\n    teams: [h]\n    kpis: [i]\n"
        "    moment_of_truth: true\n    emotion: {margie: -2, hannah: 2}\n"
        "  - name: Decide\n    emotion: 1\n",
    )
    assert isinstance(handbook, Handbook)
    journey = handbook.journeys["close"]
    assert journey.persona_ids == ["margie", "hannah"]
    assert journey.state is JourneyState.current
    assert [journey.emotion_of(s, "hannah") for s in journey.stages] == [2, 1]
    assert [j.id for j in handbook.journeys_of("margie")] == ["close"]


def test_journey_with_both_persona_and_personas(tmp_path: Path) -> None:
    assert journey_problems(tmp_path, "persona: margie\npersonas: [hannah]\n" + STAGES) == [
        "journeys/close.yaml:3:1: personas: use either 'persona' or 'personas', not both"
    ]


def test_journey_with_neither_persona_nor_personas(tmp_path: Path) -> None:
    assert journey_problems(tmp_path, STAGES) == [
        "journeys/close.yaml:1:1: missing 'persona' (one id) or 'personas' (a list of ids)"
    ]


def test_journey_missing_title_and_stages(tmp_path: Path) -> None:
    assert load(tmp_path, PEOPLE, {"close.yaml": "persona: margie\n"}) == [
        "journeys/close.yaml:1:1: stages: missing required field 'stages'",
        "journeys/close.yaml:1:1: title: missing required field 'title'",
    ]


def test_journey_with_no_stages(tmp_path: Path) -> None:
    assert journey_problems(tmp_path, "persona: margie\nstages: []\n") == [
        "journeys/close.yaml:3:9: stages: needs at least 1 item"
    ]


def test_stage_without_a_name(tmp_path: Path) -> None:
    assert journey_problems(tmp_path, "persona: margie\nstages:\n  - actions: [a]\n") == [
        "journeys/close.yaml:4:5: stages[0].name: missing required field 'name'"
    ]


def test_unknown_persona_in_a_journey(tmp_path: Path) -> None:
    assert journey_problems(tmp_path, "persona: margi\n" + STAGES) == [
        "journeys/close.yaml:2:10: persona: no persona with id 'margi'; did you mean 'margie'? "
        "(known personas: hannah, margie)"
    ]
    assert journey_problems(tmp_path, "personas:\n  - margie\n  - hanna\n" + STAGES) == [
        "journeys/close.yaml:4:5: personas[1]: no persona with id 'hanna'; did you mean "
        "'hannah'? (known personas: hannah, margie)"
    ]


def test_journey_persona_ids_must_be_slugs(tmp_path: Path) -> None:
    assert journey_problems(tmp_path, "persona: Margie\n" + STAGES) == [
        "journeys/close.yaml:2:10: persona: 'Margie' is not a valid id: use lowercase letters, "
        "digits and hyphens (e.g. 'finance-manager')"
    ]


@pytest.mark.parametrize(
    ("emotion", "expected"),
    [
        ("3", "5:14: stages[0].emotion: must be between -2 and 2 (got 3)"),
        ("-3", "5:14: stages[0].emotion: must be between -2 and 2 (got -3)"),
        (
            "happy",
            "5:14: stages[0].emotion: expected a whole number from -2 to 2 (or, for several "
            "personas, a mapping of persona id to such a number), got text",
        ),
        (
            "1.5",
            "5:14: stages[0].emotion: expected a whole number from -2 to 2 (or, for several "
            "personas, a mapping of persona id to such a number), got a number (1.5)",
        ),
        (
            "true",
            "5:14: stages[0].emotion: expected a whole number from -2 to 2 (or, for several "
            "personas, a mapping of persona id to such a number), got a yes/no value (true)",
        ),
        (
            "[1]",
            "5:14: stages[0].emotion: expected a whole number from -2 to 2 (or, for several "
            "personas, a mapping of persona id to such a number), got a list",
        ),
        ("{margie: 5}", "5:23: stages[0].emotion.margie: must be between -2 and 2 (got 5)"),
        (
            "{margie: sad}",
            "5:23: stages[0].emotion.margie: expected a whole number from -2 to 2, got the text "
            "'sad'",
        ),
        (
            "{margie: 1.5}",
            "5:23: stages[0].emotion.margie: expected a whole number from -2 to 2, got a number "
            "(1.5)",
        ),
        (
            "{hanna: 1}",
            "5:15: stages[0].emotion.hanna: no persona with id 'hanna'; did you mean 'hannah'? "
            "(known personas: hannah, margie)",
        ),
        (
            "{margi: 1}",
            "5:15: stages[0].emotion.margi: no persona with id 'margi'; did you mean 'margie'? "
            "(known personas: hannah, margie)",
        ),
    ],
)
def test_stage_emotion(tmp_path: Path, emotion: str, expected: str) -> None:
    text = f"persona: margie\nstages:\n  - name: Research\n    emotion: {emotion}\n"
    assert journey_problems(tmp_path, text) == [f"journeys/close.yaml:{expected}"]


def test_emotion_key_of_a_persona_not_in_the_journey(tmp_path: Path) -> None:
    text = (
        "personas: [margie]\nstages:\n  - name: A\n    emotion:\n      margie: 1\n      hannah: 2\n"
    )
    assert journey_problems(tmp_path, text) == [
        "journeys/close.yaml:7:7: stages[0].emotion.hannah: 'hannah' is not one of this "
        "journey's personas (margie); add it to 'personas' or remove this line"
    ]


def test_moment_of_truth_must_be_true_or_false(tmp_path: Path) -> None:
    text = "persona: margie\nstages:\n  - name: A\n    moment_of_truth: 'yes'\n"
    assert journey_problems(tmp_path, text) == [
        "journeys/close.yaml:5:22: stages[0].moment_of_truth: expected true or false, got the "
        "text 'yes'"
    ]


def test_journey_state_typo(tmp_path: Path) -> None:
    assert journey_problems(tmp_path, "persona: margie\nstate: futur\n" + STAGES) == [
        "journeys/close.yaml:3:8: state: 'futur' is not allowed; use one of: current, future; "
        "did you mean 'future'?"
    ]


CURRENT = "title: Today\npersona: margie\n" + STAGES
FUTURE = "title: Tomorrow\npersona: margie\nstate: future\n" + STAGES


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "improves: today\n",
            "3:11: improves: only a future-state journey can improve another: add 'state: future'",
        ),
        ("state: future\nimproves: close\n", "4:11: improves: a journey cannot improve itself"),
        (
            "state: future\nimproves: toady\n",
            "4:11: improves: no journey with id 'toady'; did you mean 'today'? (known journeys: "
            "today, tomorrow)",
        ),
        (
            "state: future\nimproves: tomorrow\n",
            "4:11: improves: 'tomorrow' is a future-state "
            "journey; name the current-state journey this one improves",
        ),
    ],
)
def test_improves_rules(tmp_path: Path, text: str, expected: str) -> None:
    problems = journey_problems(
        tmp_path,
        "persona: margie\n" + text + STAGES,
        **{"today.yaml": CURRENT, "tomorrow.yaml": FUTURE},
    )
    assert problems == [f"journeys/close.yaml:{expected}"]


def test_future_journey_improving_a_current_one(tmp_path: Path) -> None:
    handbook = journey_problems(
        tmp_path,
        "persona: margie\nstate: future\nimproves: today\n" + STAGES,
        **{"today.yaml": CURRENT},
    )
    assert isinstance(handbook, Handbook)
    assert handbook.journeys["close"].improves == "today"


# ---------------------------------------------------------------------------- photos


def _jpeg(path: Path, size: tuple[int, int] = (40, 40)) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, (200, 120, 80)).save(path, "JPEG")


def _png_header(width: int, height: int) -> bytes:
    """A tiny PNG that claims to be ``width`` x ``height`` (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def photo_problems(tmp_path: Path, photo: str) -> list[str] | Handbook:
    return load(tmp_path, {"margie.yaml": MARGIE + f"photo: {photo}\n"})


def test_photo_that_exists(tmp_path: Path) -> None:
    _jpeg(tmp_path / "personas" / "photos" / "margie.jpg")
    handbook = photo_problems(tmp_path, "photos/margie.jpg")
    assert isinstance(handbook, Handbook)
    assert (
        handbook.personas["margie"].photo_path
        == (tmp_path / "personas" / "photos" / "margie.jpg").resolve()
    )


def test_photo_missing_suggests_the_closest_file(tmp_path: Path) -> None:
    _jpeg(tmp_path / "personas" / "photos" / "margie.jpg")
    assert photo_problems(tmp_path, "photos/margi.jpg") == [
        "personas/margie.yaml:4:8: photo: 'photos/margi.jpg' does not exist; did you mean "
        "'photos/margie.jpg'?"
    ]
    assert photo_problems(tmp_path, "photo/margie.jpg") == [
        "personas/margie.yaml:4:8: photo: 'photo/margie.jpg' does not exist; did you mean "
        "'photos/margie.jpg'?"
    ]


def test_photo_missing_without_anything_close(tmp_path: Path) -> None:
    assert photo_problems(tmp_path, "portrait.png") == [
        "personas/margie.yaml:4:8: photo: 'portrait.png' does not exist"
    ]


def test_photo_with_an_absolute_path(tmp_path: Path) -> None:
    _jpeg(tmp_path / "margie.jpg")
    assert photo_problems(tmp_path, str(tmp_path / "margie.jpg")) == [
        f"personas/margie.yaml:4:8: photo: '{tmp_path / 'margie.jpg'}' is an absolute path: "
        "write it relative to this file, inside the personas/ folder"
    ]


def test_photo_url(tmp_path: Path) -> None:
    assert photo_problems(tmp_path, "https://example.com/margie.jpg") == [
        "personas/margie.yaml:4:8: photo: 'https://example.com/margie.jpg' is a URL: save the "
        "photo inside the personas/ folder and write its path relative to this file"
    ]


def test_photo_outside_the_folder_with_dot_dot(tmp_path: Path) -> None:
    _jpeg(tmp_path / "docs" / "margie.jpg")
    assert photo_problems(tmp_path, "../docs/margie.jpg") == [
        "personas/margie.yaml:4:8: photo: '../docs/margie.jpg' points outside the personas/ "
        "folder; keep photos inside it"
    ]


def test_photo_dot_dot_that_stays_inside_is_fine(tmp_path: Path) -> None:
    _jpeg(tmp_path / "personas" / "photos" / "margie.jpg")
    assert isinstance(photo_problems(tmp_path, "photos/../photos/margie.jpg"), Handbook)


def test_photo_symlink_out_of_the_folder(tmp_path: Path) -> None:
    _jpeg(tmp_path / "secret" / "margie.jpg")
    (tmp_path / "personas" / "photos").mkdir(parents=True)
    (tmp_path / "personas" / "photos" / "margie.jpg").symlink_to(tmp_path / "secret" / "margie.jpg")
    assert photo_problems(tmp_path, "photos/margie.jpg") == [
        "personas/margie.yaml:4:8: photo: 'photos/margie.jpg' is a link to a file outside the "
        "personas/ folder; copy the photo into the folder instead"
    ]


def test_photo_folder_symlinked_out_of_the_folder(tmp_path: Path) -> None:
    _jpeg(tmp_path / "secret" / "margie.jpg")
    (tmp_path / "personas").mkdir()
    (tmp_path / "personas" / "photos").symlink_to(tmp_path / "secret", target_is_directory=True)
    assert photo_problems(tmp_path, "photos/margie.jpg") == [
        "personas/margie.yaml:4:8: photo: 'photos/margie.jpg' is a link to a file outside the "
        "personas/ folder; copy the photo into the folder instead"
    ]


def test_photo_symlink_inside_the_folder_is_fine(tmp_path: Path) -> None:
    _jpeg(tmp_path / "personas" / "photos" / "margie.jpg")
    (tmp_path / "personas" / "photos" / "alias.jpg").symlink_to("margie.jpg")
    assert isinstance(photo_problems(tmp_path, "photos/alias.jpg"), Handbook)


def test_photo_that_is_not_an_image(tmp_path: Path) -> None:
    target = tmp_path / "personas" / "photos" / "margie.jpg"
    target.parent.mkdir(parents=True)
    target.write_text("not really a picture")
    problems = photo_problems(tmp_path, "photos/margie.jpg")
    assert isinstance(problems, list) and len(problems) == 1
    assert problems[0].startswith(
        "personas/margie.yaml:4:8: photo: 'photos/margie.jpg' is not an image Pillow can read "
        "(supported formats: "
    )


def test_photo_that_is_a_folder(tmp_path: Path) -> None:
    (tmp_path / "personas" / "photos" / "margie.jpg").mkdir(parents=True)
    assert photo_problems(tmp_path, "photos/margie.jpg") == [
        "personas/margie.yaml:4:8: photo: 'photos/margie.jpg' is not a file"
    ]


def test_photo_decompression_bomb(tmp_path: Path) -> None:
    target = tmp_path / "personas" / "photos" / "bomb.png"
    target.parent.mkdir(parents=True)
    target.write_bytes(_png_header(30_000, 30_000))
    assert target.stat().st_size < 200
    assert photo_problems(tmp_path, "photos/bomb.png") == [
        "personas/margie.yaml:4:8: photo: 'photos/bomb.png' is about 900.0 megapixels; the "
        "limit is 40 megapixels"
    ]


def test_photo_too_many_pixels(tmp_path: Path) -> None:
    target = tmp_path / "personas" / "photos" / "big.png"
    target.parent.mkdir(parents=True)
    target.write_bytes(_png_header(8000, 6000))
    assert photo_problems(tmp_path, "photos/big.png") == [
        "personas/margie.yaml:4:8: photo: 'photos/big.png' is 8000x6000 pixels (48.0 "
        "megapixels); the limit is 40 megapixels"
    ]


# ---------------------------------------------------------------------------- files and folders


def test_yaml_file_linked_from_outside_is_refused(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "secret.yaml").write_text(MARGIE)
    (tmp_path / "personas").mkdir()
    (tmp_path / "personas" / "secret.yaml").symlink_to(tmp_path / "elsewhere" / "secret.yaml")
    assert load(tmp_path, {"hannah.yaml": HANNAH}) == [
        "personas/secret.yaml:1:1: is a link to a file outside personas/; refused"
    ]


def test_hidden_files_and_other_extensions_are_ignored(tmp_path: Path) -> None:
    handbook = load(
        tmp_path,
        {"margie.yaml": MARGIE, ".draft.yaml": "broken: [", "notes.txt": "x", "README.md": "x"},
    )
    assert isinstance(handbook, Handbook)
    assert list(handbook.personas) == ["margie"]


def test_personas_in_subfolders(tmp_path: Path) -> None:
    handbook = load(tmp_path, {"finance/margie.yaml": MARGIE, "hannah.yaml": HANNAH})
    assert isinstance(handbook, Handbook)
    assert handbook.personas["margie"].source_rel == "personas/finance/margie.yaml"


def test_missing_personas_folder(tmp_path: Path) -> None:
    with pytest.raises(ValidationFailed) as failed:
        load_handbook(tmp_path / "personas", tmp_path / "journeys", root=tmp_path, today=TODAY)
    assert str(failed.value) == (
        "personas: personas folder not found (set the personas_dir option)"
    )


def test_missing_journeys_folder_means_no_journeys(tmp_path: Path) -> None:
    (tmp_path / "personas").mkdir()
    (tmp_path / "personas" / "margie.yaml").write_text(MARGIE)
    handbook = load_handbook(tmp_path / "personas", tmp_path / "nope", root=tmp_path, today=TODAY)
    assert handbook.journeys == {}


# ---------------------------------------------------------------------------- one run, all problems


def test_every_problem_in_every_file_in_one_run_sorted(tmp_path: Path) -> None:
    problems = load(
        tmp_path,
        {
            "margie.yaml": MARGIE + "type: bayer\nshare: 120\nrelated: [hanah]\n",
            "hannah.yaml": HANNAH.replace("2026-03-14", "2025-02-30") + "goal: Close\n",
            "broken.yaml": b"name: [unclosed\n",
            "empty.yaml": b"",
        },
        {
            "close.yaml": "title: Close\npersona: margi\nstages:\n  - name: A\n    emotion: 7\n",
            "alias.yaml": "title: &t Alias\npersona: margie\nstages: [{name: *t}]\n",
        },
    )
    assert problems == [
        "journeys/alias.yaml:1:8: title: YAML anchors (&t) are not allowed: write the value out "
        "in full where it is needed",
        "journeys/alias.yaml:3:17: stages[0].name: YAML aliases (*t) are not allowed: write the "
        "value out in full",
        "journeys/close.yaml:2:10: persona: no persona with id 'margi'; did you mean 'margie'? "
        "(known personas: broken, empty, hannah, margie)",
        "journeys/close.yaml:5:14: stages[0].emotion: must be between -2 and 2 (got 7)",
        "personas/broken.yaml:1:7: invalid YAML: this '[' is not closed; add ']' after the last "
        "item of the list",
        "personas/empty.yaml:1:1: file is empty",
        "personas/hannah.yaml:3:16: last_reviewed: 2025-02-30 does not exist: February 2025 has "
        "28 days",
        "personas/hannah.yaml:4:1: goal: unknown field 'goal'; did you mean 'goals'?",
        f"personas/margie.yaml:4:7: type: 'bayer' is not allowed; use one of: {ENUM_TYPES}; did "
        "you mean 'payer'?",
        "personas/margie.yaml:5:8: share: must be between 0 and 100 (got 120)",
        "personas/margie.yaml:6:11: related[0]: no persona with id 'hanah'; did you mean "
        "'hannah'? (known personas: broken, empty, hannah, margie)",
    ]


def test_problems_sort_by_line_not_text(tmp_path: Path) -> None:
    extra = "".join(f"extra{n}: x\n" for n in range(1, 12))
    problems = load(tmp_path, {"margie.yaml": MARGIE + extra})
    assert isinstance(problems, list)
    assert [p.split(":")[1] for p in problems] == [str(n) for n in range(4, 15)]


def test_copy_of_the_example_with_one_typo(tmp_path: Path) -> None:
    shutil.copytree(REPO / "personas", tmp_path / "personas")
    shutil.copytree(REPO / "journeys", tmp_path / "journeys")
    margie = tmp_path / "personas" / "margie.yaml"
    margie.write_text(margie.read_text().replace("status: active", "status: activ"))
    problems = load(tmp_path)
    assert problems == [
        "personas/margie.yaml:6:9: status: 'activ' is not allowed; use one of: draft, active, "
        "retired; did you mean 'active'?"
    ]


def test_cross_file_checks_also_run_on_files_with_other_problems(tmp_path: Path) -> None:
    problems = load(
        tmp_path,
        {
            "margie.yaml": MARGIE.replace("2026-03-14", "2027-01-01")
            + "share: 500\nphoto: photos/margie.jpg\nrelated: [nobody]\n",
            "other.yaml": HANNAH + "id: margie\ncolour: red\n",
        },
    )
    assert problems == [
        "personas/margie.yaml:3:16: last_reviewed: 2027-01-01 lies in the future (today is "
        "2026-11-29)",
        "personas/margie.yaml:4:8: share: must be between 0 and 100 (got 500)",
        "personas/margie.yaml:5:8: photo: 'photos/margie.jpg' does not exist",
        "personas/margie.yaml:6:11: related[0]: no persona with id 'nobody' (known personas: "
        "margie)",
        "personas/other.yaml:4:1: id: persona id 'margie' is already used by personas/margie.yaml",
        "personas/other.yaml:5:1: colour: unknown field 'colour'; see the field reference for "
        "what is allowed",
    ]


def test_reference_to_a_file_that_is_not_valid_yaml(tmp_path: Path) -> None:
    journey = "title: Close\npersonas: [margie, hannah]\nstages:\n  - name: A\n"
    problems = load(
        tmp_path,
        {"margie.yaml": MARGIE + "related: [hannah]\n", "hannah.yaml": HANNAH + "goals: [\n"},
        {"close.yaml": journey},
    )
    assert problems == [
        "personas/hannah.yaml:4:8: invalid YAML: this '[' is not closed; add ']' after the last "
        "item of the list"
    ]
