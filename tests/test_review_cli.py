"""``mkdocs-persona review``: formats, filters and exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli, write_project

PERSONAS = {
    "bruno.yaml": """\
        # yaml-language-server: $schema=../persona.schema.json
        name: Bargain-hunter Bruno
        owner: "@growth-team"

        last_reviewed: 2024-11-20
        """,
    "fiona.yaml": """\
        name: Freelancer Fiona
        owner: "@growth-team"
        last_reviewed: 2026-06-10
        review_every: 6 months
        """,
    "hannah.yaml": """\
        name: Head of Finance [Hannah](javascript:alert(1)) <img src=x>
        owner: "@Sales"
        last_reviewed: 2026-09-14
        """,
    "oscar.yaml": """\
        name: Old-school Oscar
        owner: "@marketing"
        status: retired
        last_reviewed: 2020-01-15
        """,
}
JOURNEYS = {
    "onboarding.yaml": """\
        title: Onboarding
        persona: hannah
        owner: "@sales"
        last_reviewed: 2025-12-10
        stages:
          - name: Sign up
        """,
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return write_project(
        tmp_path,
        personas=PERSONAS,
        journeys=JOURNEYS,
        config={
            "site_url": "https://handbook.example.com/",
            "repo_url": "https://github.com/acme/handbook",
        },
    )


#: What ``evidence`` says of a persona in the JSON report (as in ``reviews.json``).
EVIDENCE_KEYS = ("stale", "newest", "oldest", "cited", "items")


def review(project: Path, *args: str) -> Any:
    return run_cli("review", *args, cwd=project)


def test_text(project: Path) -> None:
    result = review(project)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "Reviews as of 2026-11-29 (every 1 year unless a file says otherwise; due soon 30 days "
        "before)\n"
        "\n"
        "STATE     NEXT REVIEW  DUE               KIND     TITLE                 OWNER         "
        "FILE\n"
        "OVERDUE   2025-11-20   374 days overdue  persona  Bargain-hunter Bruno  @growth-team  "
        "personas/bruno.yaml\n"
        "DUE SOON  2026-12-10   in 11 days        persona  Freelancer Fiona      @growth-team  "
        "personas/fiona.yaml\n"
        "DUE SOON  2026-12-10   in 11 days        journey  Onboarding            @sales        "
        "journeys/onboarding.yaml\n"
        "\n"
        "3 items listed; 1 overdue, 2 due soon, 1 current, 1 retired.\n"
    )


def test_text_when_nothing_is_due(project: Path) -> None:
    result = review(project, "--today", "2026-10-01", "--fail-on", "due-soon")
    assert result.returncode == 1  # Bruno is overdue on any day after 2025-11-20
    result = review(project, "--owner", "@sales", "--today", "2026-10-01", "--fail-on", "due-soon")
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1] == (
        "Nothing needs review: 0 overdue, 0 due soon, 2 current."
    )


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ((), 0),
        (("--fail-on", "overdue"), 1),
        (("--fail-on", "due-soon"), 1),
        (("--fail-on", "overdue", "--owner", "@sales"), 0),  # only due-soon items
        (("--fail-on", "due-soon", "--owner", "sales"), 1),
        (("--fail-on", "overdue", "--owner", "@nobody"), 2),  # no such owner: an error
        (("--fail-on", "overdue", "--owner", "@sales", "--today", "2026-12-10"), 0),  # due today
        (("--fail-on", "overdue", "--owner", "@sales", "--today", "2026-12-11"), 1),  # 1 day late
        (("--fail-on", "due-soon", "--owner", "@sales", "--today", "2026-11-09"), 0),  # 31 days
        (("--fail-on", "due-soon", "--owner", "@sales", "--today", "2026-11-10"), 1),  # 30 days
    ],
)
def test_exit_codes(project: Path, args: tuple[str, ...], code: int) -> None:
    result = review(project, *args)
    assert result.returncode == code, result.stdout + result.stderr


def test_owner_filter_is_case_insensitive_with_or_without_at(project: Path) -> None:
    for owner in ("@sales", "sales", "@SALES"):
        data = json.loads(review(project, "--format", "json", "--all", "--owner", owner).stdout)
        assert [(i["id"], i["state"]) for i in data["items"]] == [
            ("onboarding", "due-soon"),
            ("hannah", "current"),
        ]
        assert data["counts"] == {"overdue": 0, "due-soon": 1, "current": 1, "retired": 0}


def test_unknown_owner_is_an_error_with_a_suggestion(project: Path) -> None:
    """A misspelt owner must not pass a reminder job as "nothing needs review"."""
    result = review(project, "--owner", "@growth-teem", "--fail-on", "overdue")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "error: --owner '@growth-teem' is not the owner of any persona or journey; did you mean "
        "'@growth-team'? (known owners: @growth-team, @marketing, @Sales)\n"
    )


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "github"])
def test_unknown_owner_without_anything_close(project: Path, fmt: str) -> None:
    result = review(project, "--owner", "@legal", "--format", fmt, "--all")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "error: --owner '@legal' is not the owner of any persona or journey (known owners: "
        "@growth-team, @marketing, @Sales)\n"
    )


def test_owner_of_an_untracked_or_current_item_is_known(tmp_path: Path) -> None:
    """An owner whose files need no review is fine: nothing is listed, exit 0."""
    journey = 'title: Onboarding\npersona: hannah\nowner: "@support"\nstages:\n  - name: A\n'
    project = write_project(
        tmp_path, personas={"hannah.yaml": PERSONAS["hannah.yaml"]},
        journeys={"onboarding.yaml": journey},
    )
    result = review(project, "--owner", "support", "--fail-on", "due-soon")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == (
        "Nothing needs review: 0 overdue, 0 due soon, 0 current."
    )


def test_json(project: Path) -> None:
    result = review(project, "--format", "json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data["today"] == "2026-11-29"
    assert [i["id"] for i in data["items"]] == ["bruno", "fiona", "onboarding"]
    bruno = data["items"][0]
    expected = {  # the keys of reviews.json, stable for scripts
        "id": "bruno",
        "kind": "persona",
        "title": "Bargain-hunter Bruno",
        "owner": "@growth-team",
        "last_reviewed": "2024-11-20",
        "next_review": "2025-11-20",
        "review_every": "1 year",
        "state": "overdue",
        "days": -374,
        "url": "personas/bruno/",
        "source": "personas/bruno.yaml",
        "edit_url": "https://github.com/acme/handbook/edit/master/personas/bruno.yaml",
    }
    assert {key: bruno[key] for key in expected} == expected
    assert {key: bruno["evidence"][key] for key in EVIDENCE_KEYS} == {
        "stale": False, "newest": None, "oldest": None, "cited": 0, "items": 0,
    }
    assert data["items"][2]["evidence"] is None  # a journey
    assert data["counts"] == {"overdue": 1, "due-soon": 2, "current": 1, "retired": 1}
    assert (data["evidence_max_age"], data["evidence_stale"]) == ("2 years", 0)


def test_all_lists_every_item(project: Path) -> None:
    data = json.loads(review(project, "--format", "json", "--all").stdout)
    assert [(i["id"], i["state"]) for i in data["items"]] == [
        ("oscar", "retired"),
        ("bruno", "overdue"),
        ("fiona", "due-soon"),
        ("onboarding", "due-soon"),
        ("hannah", "current"),
    ]
    text = review(project, "--all").stdout
    assert "RETIRED   2021-01-15   retired" in text
    assert "5 items listed; 1 overdue, 2 due soon, 1 current, 1 retired." in text


def test_markdown(project: Path) -> None:
    result = review(project, "--format", "markdown", "--fail-on", "due-soon")
    assert result.returncode == 1
    edit = "https://github.com/acme/handbook/edit/master"
    assert result.stdout == (
        "<!-- mkdocs-persona review -->\n"
        "\n"
        "As of 2026-11-29: **1 overdue**, **2 due soon**.\n"
        "\n"
        "Review each item with its owner, update `last_reviewed` in its file (and anything that "
        "changed), and tick it off once the change is merged.\n"
        "\n"
        "Full list: [review tracker](https://handbook.example.com/reviews/)\n"
        "\n"
        "### @growth-team\n"
        "\n"
        "- [ ] **Overdue** — [Bargain-hunter Bruno](https://handbook.example.com/personas/bruno/) "
        "(persona): 374 days overdue · next review 2025-11-20 · last reviewed 2024-11-20 · "
        f"[`personas/bruno.yaml`]({edit}/personas/bruno.yaml)\n"
        "- [ ] **Due soon** — [Freelancer Fiona](https://handbook.example.com/personas/fiona/) "
        "(persona): in 11 days · next review 2026-12-10 · last reviewed 2026-06-10 · "
        f"[`personas/fiona.yaml`]({edit}/personas/fiona.yaml)\n"
        "\n"
        "### @sales\n"
        "\n"
        "- [ ] **Due soon** — [Onboarding](https://handbook.example.com/journeys/onboarding/) "
        "(journey): in 11 days · next review 2026-12-10 · last reviewed 2025-12-10 · "
        f"[`journeys/onboarding.yaml`]({edit}/journeys/onboarding.yaml)\n"
    )


def test_markdown_escapes_user_text_and_groups_owners_case_insensitively(project: Path) -> None:
    result = review(project, "--format", "markdown", "--all", "--owner", "sales")
    lines = result.stdout.splitlines()
    assert "### @sales" in lines
    assert "### @Sales" not in lines  # one group for @sales and @Sales
    hannah = next(line for line in lines if "Hannah" in line)
    assert hannah.startswith(
        "- [ ] **Current** — [Head of Finance \\[Hannah\\]\\(javascript:alert\\(1\\)\\) "
        "\\<img src=x\\>](https://handbook.example.com/personas/hannah/) (persona)"
    )


def test_markdown_without_anything_due(project: Path) -> None:
    result = review(project, "--format", "markdown", "--owner", "@marketing")
    assert result.returncode == 0
    assert result.stdout == (
        "<!-- mkdocs-persona review -->\n\nNothing needs review as of 2026-11-29. :tada:\n"
    )


def test_markdown_without_site_url_links_files_only(tmp_path: Path) -> None:
    project = write_project(tmp_path, personas={"bruno.yaml": PERSONAS["bruno.yaml"]})
    result = review(project, "--format", "markdown")
    assert (
        "- [ ] **Overdue** — **Bargain-hunter Bruno** (persona): 374 days overdue · next review "
        "2025-11-20 · last reviewed 2024-11-20 · `personas/bruno.yaml`"
    ) in result.stdout.splitlines()
    assert "Full list" not in result.stdout


def test_github_annotations_point_at_last_reviewed(project: Path) -> None:
    result = review(project, "--format", "github", "--all")
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "::warning file=personas/bruno.yaml,line=5,title=Review overdue::Persona "
        "'Bargain-hunter Bruno' was last reviewed on 2024-11-20; next review 2025-11-20 "
        "(374 days overdue). Owner: @growth-team. Review it and update last_reviewed.",
        "::warning file=personas/fiona.yaml,line=3,title=Review due soon::Persona "
        "'Freelancer Fiona' was last reviewed on 2026-06-10; next review 2026-12-10 "
        "(in 11 days). Owner: @growth-team. Review it and update last_reviewed.",
        "::warning file=journeys/onboarding.yaml,line=4,title=Review due soon::Journey "
        "'Onboarding' was last reviewed on 2025-12-10; next review 2026-12-10 (in 11 days). "
        "Owner: @sales. Review it and update last_reviewed.",
    ]


def test_options_come_from_mkdocs_yml(tmp_path: Path) -> None:
    project = write_project(
        tmp_path,
        personas={"fiona.yaml": PERSONAS["fiona.yaml"]},
        plugin={"due_soon": "2 weeks", "today": "2026-11-20", "review_every": "2 years"},
    )
    data = json.loads(review(project, "--format", "json").stdout)
    assert data["today"] == "2026-11-20"
    assert data["due_soon"] == "2 weeks"
    assert data["items"] == []  # Fiona is due in 20 days: not within 2 weeks
    data = json.loads(review(project, "--format", "json", "--today", "2026-11-26").stdout)
    assert [(i["id"], i["days"]) for i in data["items"]] == [("fiona", 14)]


def test_source_date_epoch(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    project = write_project(tmp_path, personas={"fiona.yaml": PERSONAS["fiona.yaml"]})
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("today: '2026-11-29'", ""))
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1796083200"}  # 2026-12-01
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs_persona_plugin.cli", "review", "--format", "json"],
        cwd=project, capture_output=True, text=True, env=env, timeout=120, check=False,
    )
    assert json.loads(result.stdout)["today"] == "2026-12-01"


def test_invalid_data_exits_2_listing_problems(tmp_path: Path) -> None:
    project = write_project(
        tmp_path,
        personas={"bad.yaml": "name: Bad\nowner: '@x'\nlast_reviewed: 2026-01-01\n"
                  "review_every: fortnight\n"},
    )
    result = review(project, "--fail-on", "overdue")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "personas/bad.yaml:4:15: review_every: 'fortnight' is not a review interval: write a "
        "number and a unit, e.g. '90 days', '6 weeks', '6 months' or '1 year'",
        "1 problem found; fix them before checking reviews.",
    ]
    github = review(project, "--format", "github")
    assert github.returncode == 2
    assert github.stdout.startswith("::error file=personas/bad.yaml,line=4,col=15,")


@pytest.mark.parametrize(
    ("plugin", "message"),
    [
        ({"review_every": "sometimes"},
         "error: persona plugin option review_every: 'sometimes' is not a review interval: "
         "write a number and a unit, e.g. '90 days', '6 weeks', '6 months' or '1 year'"),
        ({"due_soon": "0 days"},
         "error: persona plugin option due_soon: '0 days' is not a review interval: it must be "
         "longer than zero"),
        ({"today": "tomorrow"},
         "error: persona plugin option today: Invalid isoformat string: 'tomorrow'"),
    ],
)
def test_invalid_options_exit_2(tmp_path: Path, plugin: dict[str, str], message: str) -> None:
    project = write_project(
        tmp_path, personas={"fiona.yaml": PERSONAS["fiona.yaml"]}, plugin=plugin
    )
    result = review(project)
    assert result.returncode == 2
    assert result.stderr.strip() == message


def test_invalid_today_argument(project: Path) -> None:
    result = review(project, "--today", "29/11/2026")
    assert result.returncode == 2
    assert "argument --today: '29/11/2026' is not a date: use YYYY-MM-DD" in result.stderr


def test_help_lists_review() -> None:
    result = run_cli("--help", cwd=Path.cwd())
    assert "review" in result.stdout
    result = run_cli("review", "--help", cwd=Path.cwd())
    assert "--fail-on {overdue,due-soon,evidence-stale}" in result.stdout
    assert "--changed-since REF" in result.stdout


# Evidence stale: its own state, next to the review state ------------------------------------
STALE = {
    # Reviewed recently, but the newest research is from 2023: evidence stale.
    "gina.yaml": """\
        name: Growth Gina
        owner: "@research"
        last_reviewed: 2026-09-01
        goals:
          - text: Grow fast
            evidence: [survey]
        research:
          sources:
            - {title: Survey, id: survey, date: 2023-05-10}
            - {title: Old interviews, id: talks, date: 2021-02-01}
        """,
    # Overdue and evidence stale: both are shown.
    "otto.yaml": """\
        name: Overdue Otto
        owner: "@research"
        last_reviewed: 2025-01-10
        research:
          sources:
            - {title: Survey, date: 2022-03-01}
        """,
    # Fresh research.
    "fred.yaml": """\
        name: Fresh Fred
        owner: "@sales"
        last_reviewed: 2026-09-01
        research:
          sources:
            - {title: Interviews, date: 2026-02-01}
        """,
    # Retired: its research is history, not a reminder.
    "rita.yaml": """\
        name: Retired Rita
        owner: "@sales"
        status: retired
        last_reviewed: 2026-09-01
        research:
          sources:
            - {title: Survey, date: 2019-01-01}
        """,
}


@pytest.fixture
def stale(tmp_path: Path) -> Path:
    return write_project(tmp_path, personas=STALE)


def test_evidence_stale_is_listed_next_to_the_review_state(stale: Path) -> None:
    result = review(stale)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "Reviews as of 2026-11-29 (every 1 year unless a file says otherwise; due soon 30 days "
        "before)\n"
        "\n"
        "STATE    NEXT REVIEW  DUE               EVIDENCE                  KIND     TITLE         "
        "OWNER      FILE\n"
        "OVERDUE  2026-01-10   323 days overdue  stale, newest 2022-03-01  persona  Overdue Otto  "
        "@research  personas/otto.yaml\n"
        "CURRENT  2027-09-01   in 276 days       stale, newest 2023-05-10  persona  Growth Gina   "
        "@research  personas/gina.yaml\n"
        "\n"
        "2 items listed; 1 overdue, 0 due soon, 2 current, 1 retired, 2 evidence stale.\n"
    )


def test_evidence_stale_in_markdown_github_and_json(stale: Path) -> None:
    lines = review(stale, "--format", "markdown").stdout.splitlines()
    assert lines[2] == "As of 2026-11-29: **1 overdue**, **0 due soon**, **2 evidence stale**."
    assert (
        "- [ ] **Current** · **Evidence stale** — **Growth Gina** (persona): in 276 days · next "
        "review 2027-09-01 · last reviewed 2026-09-01 · newest research 2023-05-10 · "
        "`personas/gina.yaml`"
    ) in lines
    assert (
        "*Evidence stale*: the newest research behind the persona is older than 2 years. A "
        "review cannot refresh it: plan new research, then add it to `research.sources` with "
        "its date."
    ) in lines
    assert review(stale, "--format", "github").stdout.splitlines() == [
        "::warning file=personas/otto.yaml,line=3,title=Review overdue::Persona 'Overdue Otto' "
        "was last reviewed on 2025-01-10; next review 2026-01-10 (323 days overdue). Owner: "
        "@research. Review it and update last_reviewed.",
        "::warning file=personas/otto.yaml,line=4,title=Evidence stale::Persona 'Overdue Otto': "
        "its newest research (2022-03-01) is older than evidence_max_age (2 years). Owner: "
        "@research. A review cannot refresh it: plan new research and add it to "
        "research.sources with its date.",
        "::warning file=personas/gina.yaml,line=7,title=Evidence stale::Persona 'Growth Gina': "
        "its newest research (2023-05-10) is older than evidence_max_age (2 years). Owner: "
        "@research. A review cannot refresh it: plan new research and add it to "
        "research.sources with its date.",
    ]
    data = json.loads(review(stale, "--format", "json", "--all").stdout)
    assert {i["id"]: (i["state"], i["evidence"]["stale"]) for i in data["items"]} == {
        "otto": ("overdue", True),
        "gina": ("current", True),
        "fred": ("current", False),
        "rita": ("retired", True),  # stale, but retired: not listed without --all
    }
    gina = next(i for i in data["items"] if i["id"] == "gina")
    assert gina["evidence"] == {
        "stale": True, "newest": "2023-05-10", "oldest": "2021-02-01", "cited": 1, "items": 1,
        "stale_from": "2025-05-11",  # the day it became stale: newest + evidence_max_age + 1
    }
    assert data["evidence_stale"] == 2


@pytest.mark.parametrize(
    ("args", "plugin", "code"),
    [
        (("--fail-on", "evidence-stale"), {}, 1),
        (("--fail-on", "evidence-stale", "--owner", "@sales"), {}, 0),  # Fred; Rita is retired
        (("--fail-on", "evidence-stale", "--owner", "@research"), {"evidence_max_age": "5 years"},
         0),
        (("--fail-on", "evidence-stale"), {"evidence_max_age": "4 years"}, 1),  # Otto: 2022
        (("--fail-on", "overdue", "--owner", "@research"), {"evidence_max_age": "5 years"}, 1),
    ],
)
def test_fail_on_evidence_stale(
    tmp_path: Path, args: tuple[str, ...], plugin: dict[str, str], code: int
) -> None:
    project = write_project(tmp_path, personas=STALE, plugin=plugin)
    result = review(project, *args)
    assert result.returncode == code, result.stdout + result.stderr


def test_fail_on_conditions_add_up(tmp_path: Path) -> None:
    """Gina's review is current, her research is not: a reminder job can check both."""
    project = write_project(tmp_path, personas={"gina.yaml": STALE["gina.yaml"]})
    assert review(project, "--fail-on", "due-soon").returncode == 0
    both = review(project, "--fail-on", "due-soon", "--fail-on", "evidence-stale")
    assert both.returncode == 1
