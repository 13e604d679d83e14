"""One mistake, one error: a bad file name is reported once (with the name that would work),
unknown ids get useful suggestions, and problems are announced by the kind of file they are in.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from mkdocs_persona_plugin.core.loader import Handbook, load_handbook
from mkdocs_persona_plugin.core.problems import Problem, ValidationFailed, headline
from mkdocs_persona_plugin.core.suggestions import closest

TODAY = dt.date(2026, 11, 29)
OLIVIA = 'name: Operations Manager Olivia\nowner: "@ops"\nlast_reviewed: 2026-03-14\n'
MARGIE = 'name: Finance Manager Margie\nowner: "@finance"\nlast_reviewed: 2026-03-14\n'
STAGES = "stages:\n  - name: Research\n"


def journey(persona_line: str, title: str = "Close") -> str:
    return f"title: {title}\n{persona_line}\n{STAGES}"


def load_all(
    tmp_path: Path, personas: dict[str, str], journeys: dict[str, str] | None = None
) -> Handbook | ValidationFailed:
    for folder, files in (("personas", personas), ("journeys", journeys or {})):
        (tmp_path / folder).mkdir(exist_ok=True)
        for name, text in files.items():
            (tmp_path / folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    try:
        return load_handbook(
            tmp_path / "personas", tmp_path / "journeys", root=tmp_path, today=TODAY
        )
    except ValidationFailed as failed:
        return failed


def load(
    tmp_path: Path, personas: dict[str, str], journeys: dict[str, str] | None = None
) -> list[str]:
    """The problems, as printed (the files must have some)."""
    result = load_all(tmp_path, personas, journeys)
    assert isinstance(result, ValidationFailed), "expected problems"
    return [str(p) for p in result.problems]


# ---------------------------------------------------------------------------- a bad file name


def test_bad_file_name_is_one_problem_with_the_name_that_would_work(tmp_path: Path) -> None:
    """The file name is reported once; journeys and related personas that use the id the
    file would have are not reported as unknown on top of it."""
    problems = load(
        tmp_path,
        {
            "Operations Manager Olivia.yaml": OLIVIA,
            "margie.yaml": MARGIE + "related: [operations-manager-olivia]\n",
        },
        {
            "close.yaml": journey("persona: operations-manager-olivia"),
            "audit.yaml": journey("persona: operations-manager-olivia", "Audit"),
            "budget.yaml": journey("personas: [margie, operations-manager-olivia]", "Budget")
            + "    emotion: {margie: 1, operations-manager-olivia: -1}\n",
            "report.yaml": journey("persona: operations-manager-olivia", "Report"),
        },
    )
    assert problems == [
        "personas/Operations Manager Olivia.yaml:1:1: id: the file name 'Operations Manager "
        "Olivia' is not a valid id: rename the file to 'operations-manager-olivia.yaml' "
        "(lowercase letters, digits and hyphens), or set 'id: operations-manager-olivia'"
    ]


def test_bad_file_name_keeps_its_yml_suffix(tmp_path: Path) -> None:
    assert load(tmp_path, {"Ops_Olivia.yml": OLIVIA}) == [
        "personas/Ops_Olivia.yml:1:1: id: the file name 'Ops_Olivia' is not a valid id: rename "
        "the file to 'ops-olivia.yml' (lowercase letters, digits and hyphens), or set "
        "'id: ops-olivia'"
    ]


def test_bad_file_name_without_any_latin_letter(tmp_path: Path) -> None:
    assert load(tmp_path, {"Ωμέγα.yaml": OLIVIA}) == [
        "personas/Ωμέγα.yaml:1:1: id: the file name 'Ωμέγα' is not a valid id: rename the file "
        "using lowercase letters, digits and hyphens, or set 'id:'"
    ]


def test_bad_id_is_one_problem_too(tmp_path: Path) -> None:
    """An invalid ``id:`` is reported; references to its slug are not reported again."""
    problems = load(
        tmp_path,
        {"olivia.yaml": OLIVIA + "id: Ops Olivia\n"},
        {"close.yaml": journey("persona: ops-olivia")},
    )
    assert problems == [
        "personas/olivia.yaml:4:5: id: 'Ops Olivia' is not a valid id: use lowercase letters, "
        "digits and hyphens (e.g. 'finance-manager')"
    ]


def test_references_to_other_ids_are_still_checked(tmp_path: Path) -> None:
    problems = load(
        tmp_path,
        {"Operations Manager Olivia.yaml": OLIVIA},
        {"close.yaml": journey("persona: operations-manager-oliva")},
    )
    assert problems[0] == (
        "journeys/close.yaml:2:10: persona: no persona with id 'operations-manager-oliva'; did "
        "you mean 'operations-manager-olivia'? (known personas: operations-manager-olivia)"
    )
    assert len(problems) == 2


# ---------------------------------------------------------------------------- unknown ids


def test_unknown_persona_finds_a_longer_id_by_one_of_its_words(tmp_path: Path) -> None:
    problems = load(
        tmp_path,
        {"operations-manager-olivia.yaml": OLIVIA, "margie.yaml": MARGIE},
        {"close.yaml": journey("persona: olivia")},
    )
    assert problems == [
        "journeys/close.yaml:2:10: persona: no persona with id 'olivia'; did you mean "
        "'operations-manager-olivia'? (known personas: margie, operations-manager-olivia)"
    ]


def test_unknown_persona_is_found_by_the_persona_name(tmp_path: Path) -> None:
    problems = load(
        tmp_path,
        {"ops-lead.yaml": OLIVIA, "margie.yaml": MARGIE},
        {"close.yaml": journey("persona: olivia")},
    )
    assert problems == [
        "journeys/close.yaml:2:10: persona: no persona with id 'olivia'; did you mean "
        "'ops-lead'? (known personas: margie, ops-lead)"
    ]


def test_several_close_ids_are_all_suggested(tmp_path: Path) -> None:
    personas = {
        f"{p}.yaml": MARGIE.replace("Finance Manager Margie", p.replace("-", " ").title())
        for p in ("finance-manager-margie", "finance-director-fred", "finance-clerk-cleo")
    }
    problems = load(tmp_path, personas, {"close.yaml": journey("persona: finance")})
    assert problems == [
        "journeys/close.yaml:2:10: persona: no persona with id 'finance'; did you mean "
        "'finance-clerk-cleo', 'finance-director-fred' or 'finance-manager-margie'? (known "
        "personas: finance-clerk-cleo, finance-director-fred, finance-manager-margie)"
    ]


def test_no_suggestion_without_anything_close_but_the_few_known_ids(tmp_path: Path) -> None:
    problems = load(
        tmp_path,
        {"operations-manager-olivia.yaml": OLIVIA, "margie.yaml": MARGIE},
        {"close.yaml": journey("persona: bob")},
    )
    assert problems == [
        "journeys/close.yaml:2:10: persona: no persona with id 'bob' (known personas: margie, "
        "operations-manager-olivia)"
    ]


def test_many_personas_are_not_listed(tmp_path: Path) -> None:
    personas = {f"p{n}.yaml": MARGIE.replace("Margie", f"Person {n}") for n in range(9)}
    personas["operations-manager-olivia.yaml"] = OLIVIA
    problems = load(tmp_path, personas, {"close.yaml": journey("persona: olivia")})
    assert problems == [
        "journeys/close.yaml:2:10: persona: no persona with id 'olivia'; did you mean "
        "'operations-manager-olivia'?"
    ]
    problems = load(tmp_path, personas, {"close.yaml": journey("persona: bob")})
    assert problems == ["journeys/close.yaml:2:10: persona: no persona with id 'bob'"]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("margi", ["margie", "finance-manager-margie"]),  # a tiny typo first
        ("olivai", ["operations-manager-olivia"]),  # a typo in one word of the id
        ("fin-man", ["finance-manager-margie", "margie"]),  # words of the id or the name
        ("bargain", ["bruno"]),  # a word of the name only
        ("bob", []),
        ("a", []),
    ],
)
def test_closest_ids(word: str, expected: list[str]) -> None:
    ids = ["operations-manager-olivia", "margie", "hannah", "finance-manager-margie", "bruno"]
    names = {"margie": ["Finance Manager Margie"], "bruno": ["Bargain-hunter Bruno"]}
    assert closest(word, ids, names) == expected


# ---------------------------------------------------------------------------- persona: [a, b]


def test_several_personas_in_persona(tmp_path: Path) -> None:
    problems = load(
        tmp_path,
        {"margie.yaml": MARGIE, "olivia.yaml": OLIVIA},
        {"close.yaml": journey("persona: [margie, olivia]")},
    )
    assert problems == [
        "journeys/close.yaml:2:10: persona: expected one persona id, got a list: several "
        "personas go in 'personas:' (a list); 'persona:' takes one id"
    ]


# ---------------------------------------------------------------------------- the headline


def test_problems_say_which_kind_of_file_they_are_in(tmp_path: Path) -> None:
    failed = load_all(
        tmp_path,
        {"margie.yaml": MARGIE + "type: bayer\n"},
        {"close.yaml": journey("persona: margie") + "colour: blue\n"},
    )
    assert isinstance(failed, ValidationFailed)
    assert [(p.path, p.kind) for p in failed.problems] == [
        ("journeys/close.yaml", "journey"),
        ("personas/margie.yaml", "persona"),
    ]
    assert headline(failed.problems) == (
        "Invalid handbook data (2 problems: 1 in persona files, 1 in journey files)"
    )


def test_headline_names_the_one_kind_of_file_with_problems(tmp_path: Path) -> None:
    failed = load_all(
        tmp_path,
        {"margie.yaml": MARGIE},
        {"close.yaml": journey("persona: margie") + "colour: blue\nsize: 2\n"},
    )
    assert isinstance(failed, ValidationFailed)
    assert headline(failed.problems) == "Invalid journey data (2 problems)"
    with pytest.raises(ValidationFailed) as missing:
        load_handbook(tmp_path / "people", tmp_path / "journeys", root=tmp_path, today=TODAY)
    assert headline(missing.value.problems) == "Invalid persona data (1 problem)"


def test_headline_of_problems_of_no_known_kind() -> None:
    assert headline([Problem("x.yaml", 1, 1, "", "bad")]) == "Invalid handbook data (1 problem)"
    assert headline(
        [Problem("a.yaml", 1, 1, "", "bad", kind="persona"), Problem("x.yaml", 1, 1, "", "bad")]
    ) == "Invalid handbook data (2 problems: 1 in persona files, 1 in other files)"


def test_kind_takes_no_part_in_comparisons() -> None:
    assert Problem("a.yaml", 1, 1, "", "bad", kind="persona") == Problem("a.yaml", 1, 1, "", "bad")
