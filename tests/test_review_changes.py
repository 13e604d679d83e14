"""Review prompts at pull-request time: what a branch changes, reviewed or only edited."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import run_cli
from test_history import commit, git

from mkdocs_persona_plugin.core.changes import ChangeKind, changed_items
from mkdocs_persona_plugin.core.history import GitError
from mkdocs_persona_plugin.core.loader import Handbook, load_handbook

TODAY = dt.date(2026, 12, 6)


def persona(name: str, reviewed: str, goal: str = "Close fast", owner: str = "@team",
            extra: str = "") -> str:
    return (
        f"name: {name}\nowner: '{owner}'\nlast_reviewed: {reviewed}\ngoals: [{goal}]\n{extra}"
    )


def journey(title: str, persona_id: str, extra: str = "") -> str:
    return f"title: {title}\npersona: {persona_id}\n{extra}stages:\n  - name: Start\n"


@pytest.fixture
def branch(tmp_path: Path) -> Path:
    """A handbook on main, then a branch that reviews Ann, edits Bo, adds Cy, deletes Di."""
    repo = tmp_path / "handbook"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    commit(repo, {
        "personas/ann.yaml": persona("Ann", "2025-01-10"),
        "personas/bo.yaml": persona("Bo", "2026-06-01"),
        "personas/di.yaml": persona("Di", "2026-06-01"),
        "personas/ed.yaml": persona("Ed", "2026-06-01"),
        "journeys/ann-close.yaml": journey("Ann closes", "ann"),
        "journeys/bo-close.yaml": journey("Bo closes", "bo"),
        "journeys/bo-audit.yaml": journey("Bo audits", "bo"),
    }, "Handbook", "2026-06-01T10:00:00+00:00")
    git(repo, "checkout", "-q", "-b", "edit")
    commit(repo, {
        "personas/ann.yaml": persona("Ann", "2026-12-01"),
        "personas/ed.yaml": persona("Ed", "2026-12-01", goal="Audit"),
        "personas/bo.yaml": persona("Bo", "2026-06-01", goal="Close faster"),
        "personas/cy.yaml": persona("Cy", "2026-12-01"),
        "journeys/bo-audit.yaml": journey("Bo audits twice", "bo"),
    }, "Review Ann and Ed, edit Bo, add Cy", "2026-12-02T10:00:00+00:00")
    git(repo, "rm", "-q", "personas/di.yaml")
    commit(repo, {}, "Retire Di", "2026-12-03T10:00:00+00:00")
    return repo


def load(repo: Path) -> Handbook:
    return load_handbook(repo / "personas", repo / "journeys", root=repo, today=TODAY)


def test_changes_name_reviews_edits_and_affected_journeys(branch: Path) -> None:
    items = changed_items(load(branch), branch, "main", branch / "personas", branch / "journeys")
    summary = [
        (i.kind, i.id, i.change, i.content_changed, [j.id for j in i.affected]) for i in items
    ]
    assert summary == [
        ("persona", "ann", ChangeKind.reviewed, False, ["ann-close"]),  # date only
        ("persona", "bo", ChangeKind.edited, True, ["bo-close"]),  # bo-audit is listed itself
        ("persona", "cy", ChangeKind.added, True, []),
        ("persona", "di", ChangeKind.deleted, True, []),
        ("persona", "ed", ChangeKind.reviewed, True, []),
        ("journey", "bo-audit", ChangeKind.edited, True, []),
    ]
    ann = items[0]
    assert ann.previous_review == dt.date(2025, 1, 10)
    assert ann.title == "Ann" and ann.path == "personas/ann.yaml"
    assert items[3].item is None and items[3].title == "di"


def test_nothing_changed(branch: Path) -> None:
    git(branch, "checkout", "-q", "main")
    assert changed_items(load(branch), branch, "main", branch / "personas",
                         branch / "journeys") == []


def test_unknown_ref(branch: Path) -> None:
    with pytest.raises(GitError, match="unknown git ref 'origin/main'"):
        changed_items(load(branch), branch, "origin/main", branch / "personas",
                      branch / "journeys")


# mkdocs-persona review --changed-since ------------------------------------------------------
#: Research from 2023: older than the default evidence_max_age (2 years) on TODAY.
OLD_RESEARCH = "research:\n  sources:\n    - {title: Survey, id: survey, date: 2023-05-10}\n"
SITE = {
    "site_name": "Handbook",
    "site_url": "https://handbook.example.com/",
    "repo_url": "https://github.com/acme/handbook",
    "plugins": [{"persona": {"today": TODAY.isoformat()}}],
}
EDIT = "https://github.com/acme/handbook/edit/master"


@pytest.fixture
def pull_request(tmp_path: Path) -> Path:
    """main, then a branch that reviews Ann (date only) and Ed (with content), edits Bo
    (overdue, evidence stale) and the journey Bo audits, adds Cy and deletes Di."""
    repo = tmp_path / "handbook"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    commit(repo, {
        "mkdocs.yml": yaml.safe_dump(SITE, sort_keys=False),
        "personas/ann.yaml": persona("Ann", "2025-01-10"),
        "personas/bo.yaml": persona("Bo", "2025-06-01", extra=OLD_RESEARCH),
        "personas/di.yaml": persona("Di", "2026-06-01"),
        "personas/ed.yaml": persona("Ed", "2026-06-01", owner="@design"),
        "journeys/ann-close.yaml": journey(
            "Ann closes", "ann", "owner: '@ops'\nlast_reviewed: 2025-06-01\n"),
        "journeys/bo-close.yaml": journey(
            "Bo closes", "bo", "owner: '@ops'\nlast_reviewed: 2026-01-01\n"),
        "journeys/bo-audit.yaml": journey("Bo audits", "bo"),
    }, "Handbook", "2026-06-01T10:00:00+00:00")
    git(repo, "checkout", "-q", "-b", "edit")
    commit(repo, {
        "personas/ann.yaml": persona("Ann", "2026-12-01"),
        "personas/ed.yaml": persona("Ed", "2026-12-01", goal="Audit", owner="@design"),
        "personas/bo.yaml": persona("Bo", "2025-06-01", goal="Close faster", extra=OLD_RESEARCH),
        "personas/cy.yaml": persona("Cy", "2026-12-01"),
        "journeys/bo-audit.yaml": journey("Bo audits twice", "bo"),
    }, "Review Ann and Ed, edit Bo, add Cy", "2026-12-02T10:00:00+00:00")
    git(repo, "rm", "-q", "personas/di.yaml")
    commit(repo, {}, "Retire Di", "2026-12-03T10:00:00+00:00")
    return repo


def review(repo: Path, *args: str, env: dict[str, str] | None = None) -> Any:
    """``mkdocs-persona review ARGS`` in ``repo`` (with its own environment when given)."""
    if env is None:
        return run_cli("review", *args, cwd=repo)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs_persona_plugin.cli", "review", *args],
        cwd=repo, capture_output=True, text=True, env=env, timeout=120, check=False,
    )


def test_cli_text(pull_request: Path) -> None:
    result = review(pull_request, "--changed-since", "main")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "Persona and journey files changed since main (review states as of 2026-12-06)\n"
        "\n"
        "Persona 'Ann' (personas/ann.yaml), owner @team\n"
        "  reviewed (date only): last_reviewed moved from 2025-01-10 to 2026-12-01, nothing "
        "else changed\n"
        "  review: current, next review 2027-12-01 (in 360 days)\n"
        "  affects journey 'Ann closes' (journeys/ann-close.yaml): overdue, next review "
        "2026-06-01 (188 days overdue)\n"
        "\n"
        "Persona 'Bo' (personas/bo.yaml), owner @team\n"
        "  edited without a review: last_reviewed is still 2025-06-01\n"
        "  review: overdue, next review 2026-06-01 (188 days overdue)\n"
        "  evidence stale: newest research 2023-05-10, older than 2 years\n"
        "  affects journey 'Bo closes' (journeys/bo-close.yaml): due soon, next review "
        "2027-01-01 (in 26 days)\n"
        "\n"
        "Persona 'Cy' (personas/cy.yaml), owner @team\n"
        "  added\n"
        "  review: current, next review 2027-12-01 (in 360 days)\n"
        "\n"
        "Persona 'di' (personas/di.yaml)\n"
        "  deleted\n"
        "\n"
        "Persona 'Ed' (personas/ed.yaml), owner @design\n"
        "  reviewed with content changes: last_reviewed moved from 2026-06-01 to 2026-12-01\n"
        "  review: current, next review 2027-12-01 (in 360 days)\n"
        "\n"
        "Journey 'Bo audits twice' (journeys/bo-audit.yaml)\n"
        "  edited without a review: it has no last_reviewed\n"
        "  review: unscheduled (no last_reviewed)\n"
        "\n"
        "6 files changed: 2 reviewed, 2 edited without a review, 1 added, 1 deleted; "
        "2 journeys affected.\n"
        "Ask the owners of edited files to review them; set last_reviewed only once they "
        "have.\n"
    )


def test_cli_markdown_is_a_pull_request_comment(pull_request: Path) -> None:
    result = review(pull_request, "--changed-since", "main", "--format", "markdown")
    assert result.returncode == 0, result.stderr
    page = "https://handbook.example.com"
    assert result.stdout == (
        "<!-- mkdocs-persona review changes -->\n"
        "### Personas and journeys in this change\n"
        "\n"
        "6 files changed since `main`: **2 reviewed**, **2 edited without a review**, 1 added, "
        "1 deleted. Review states as of 2026-12-06.\n"
        "\n"
        "| Change | Persona or journey | Review state | Owner | File |\n"
        "|---|---|---|---|---|\n"
        f"| Reviewed (date only) | [Ann]({page}/personas/ann/) (persona) | Current · next "
        f"review 2027-12-01 | @team | [`personas/ann.yaml`]({EDIT}/personas/ann.yaml) |\n"
        f"| Edited without a review | [Bo]({page}/personas/bo/) (persona) | **Overdue** · next "
        "review 2026-06-01 · **Evidence stale** (newest research 2023-05-10) | @team | "
        f"[`personas/bo.yaml`]({EDIT}/personas/bo.yaml) |\n"
        f"| Added | [Cy]({page}/personas/cy/) (persona) | Current · next review 2027-12-01 | "
        f"@team | [`personas/cy.yaml`]({EDIT}/personas/cy.yaml) |\n"
        "| Deleted | di (persona) | — | — | `personas/di.yaml` |\n"
        f"| Reviewed with content changes | [Ed]({page}/personas/ed/) (persona) | Current · "
        f"next review 2027-12-01 | @design | [`personas/ed.yaml`]({EDIT}/personas/ed.yaml) |\n"
        f"| Edited without a review | [Bo audits twice]({page}/journeys/bo-audit/) (journey) | "
        f"Unscheduled | — | [`journeys/bo-audit.yaml`]({EDIT}/journeys/bo-audit.yaml) |\n"
        "\n"
        "**Journeys that name a changed persona** (check that they still fit):\n"
        "\n"
        f"- [Ann closes]({page}/journeys/ann-close/) ([`journeys/ann-close.yaml`]"
        f"({EDIT}/journeys/ann-close.yaml)) names Ann: **Overdue** · next review 2026-06-01\n"
        f"- [Bo closes]({page}/journeys/bo-close/) ([`journeys/bo-close.yaml`]"
        f"({EDIT}/journeys/bo-close.yaml)) names Bo: **Due soon** · next review 2027-01-01\n"
        "\n"
        "**Edited without a review:** Bo (@team), Bo audits twice. Ask the owner to review "
        "each one, and set `last_reviewed` only once they have: a date moved without a review "
        "is worse than an old one.\n"
        "\n"
        "**Evidence stale**: the newest research behind the persona is older than 2 years. A "
        "review cannot refresh it: plan new research, then add it to `research.sources` with "
        "its date.\n"
        "\n"
        f"Full list: [review tracker]({page}/reviews/)\n"
    )


def test_cli_github_annotates_the_changed_files(pull_request: Path) -> None:
    result = review(pull_request, "--changed-since", "main", "--format", "github")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "::notice file=personas/ann.yaml,line=3,title=Reviewed (date only)::Persona 'Ann' "
        "reviewed (date only): last_reviewed moved from 2025-01-10 to 2026-12-01, nothing else "
        "changed. Review state: current, next review 2027-12-01 (in 360 days). Owner: @team.",
        "::warning file=personas/bo.yaml,line=3,title=Edited without a review::Persona 'Bo' "
        "changed, but last_reviewed is still 2025-06-01. Owner: @team. Ask the owner to review "
        "it, and set last_reviewed only once they have.",
        "::warning file=personas/bo.yaml,line=3,title=Review overdue::Persona 'Bo' was last "
        "reviewed on 2025-06-01; next review 2026-06-01 (188 days overdue). Owner: @team. "
        "Review it and update last_reviewed.",
        "::warning file=personas/bo.yaml,line=5,title=Evidence stale::Persona 'Bo': its newest "
        "research (2023-05-10) is older than evidence_max_age (2 years). Owner: @team. A review "
        "cannot refresh it: plan new research and add it to research.sources with its date.",
        "::notice file=personas/cy.yaml,line=3,title=Persona added::Persona 'Cy' added. Review "
        "state: current, next review 2027-12-01 (in 360 days). Owner: @team.",
        "::notice file=personas/di.yaml,title=Persona deleted::Persona 'di' (personas/di.yaml) "
        "is deleted.",
        "::notice file=personas/ed.yaml,line=3,title=Reviewed with content changes::Persona "
        "'Ed' reviewed with content changes: last_reviewed moved from 2026-06-01 to 2026-12-01. "
        "Review state: current, next review 2027-12-01 (in 360 days). Owner: @design.",
        "::warning file=journeys/bo-audit.yaml,line=1,title=Edited without a review::Journey "
        "'Bo audits twice' changed, but it has no last_reviewed. Ask the owner to review it, "
        "and set last_reviewed only once they have.",
        "::notice file=journeys/ann-close.yaml,line=1,title=Persona changed::Journey 'Ann "
        "closes' names 'Ann', changed since main: check that the journey still fits.",
        "::notice file=journeys/bo-close.yaml,line=1,title=Persona changed::Journey 'Bo closes' "
        "names 'Bo', changed since main: check that the journey still fits.",
    ]


def test_cli_json(pull_request: Path) -> None:
    result = review(pull_request, "--changed-since", "main", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {k: data[k] for k in ("ref", "today", "evidence_max_age", "counts")} == {
        "ref": "main",
        "today": "2026-12-06",
        "evidence_max_age": "2 years",
        "counts": {"added": 1, "reviewed": 2, "edited": 2, "deleted": 1},
    }
    assert [
        (i["id"], i["change"], i["content_changed"], i["previous_review"], i["state"],
         [a["id"] for a in i["affected"]])
        for i in data["items"]
    ] == [
        ("ann", "reviewed", False, "2025-01-10", "current", ["ann-close"]),
        ("bo", "edited", True, "2025-06-01", "overdue", ["bo-close"]),
        ("cy", "added", True, None, "current", []),
        ("di", "deleted", True, "2026-06-01", None, []),
        ("ed", "reviewed", True, "2026-06-01", "current", []),
        ("bo-audit", "edited", True, None, "unscheduled", []),
    ]
    bo = data["items"][1]
    assert bo["evidence"] == {
        "stale": True, "newest": "2023-05-10", "oldest": "2023-05-10", "cited": 0, "items": 1,
        "stale_from": "2025-05-11",
    }
    assert bo["affected"][0]["state"] == "due-soon"
    assert bo["edit_url"] == f"{EDIT}/personas/bo.yaml"
    assert len({tuple(i) for i in data["items"]}) == 1  # a deleted file has the same keys
    di = data["items"][3]
    assert {k: v for k, v in di.items() if v is not None} == {
        "change": "deleted", "content_changed": True, "previous_review": "2026-06-01",
        "id": "di", "kind": "persona", "title": "di", "source": "personas/di.yaml",
        "affected": [],
    }


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ((), 0),
        (("--fail-on", "overdue"), 1),  # Bo
        (("--fail-on", "due-soon"), 1),
        (("--fail-on", "evidence-stale"), 1),  # Bo
        (("--fail-on", "overdue", "--owner", "@design"), 0),  # only Ed, current
        (("--fail-on", "evidence-stale", "--owner", "design"), 0),
        (("--fail-on", "evidence-stale", "--owner", "@nobody"), 2),
    ],
)
def test_cli_fail_on_looks_at_the_changed_files(
    pull_request: Path, args: tuple[str, ...], code: int
) -> None:
    result = review(pull_request, "--changed-since", "main", *args)
    assert result.returncode == code, result.stdout + result.stderr


def test_cli_affected_journeys_do_not_fail_the_check(pull_request: Path) -> None:
    """Ann's journey is overdue, but this branch only reviews Ann: it is not to blame."""
    git(pull_request, "checkout", "-q", "-b", "only-ann", "main")
    commit(pull_request, {"personas/ann.yaml": persona("Ann", "2026-12-01")}, "Review Ann",
           "2026-12-04T10:00:00+00:00")
    result = review(pull_request, "--changed-since", "main", "--fail-on", "overdue")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "  affects journey 'Ann closes' (journeys/ann-close.yaml): overdue, next review " \
        "2026-06-01 (188 days overdue)" in result.stdout.splitlines()
    assert result.stdout.splitlines()[-1] == (
        "1 file changed: 1 reviewed; 1 journey affected."
    )


def test_cli_nothing_changed(pull_request: Path) -> None:
    git(pull_request, "checkout", "-q", "main")
    result = review(pull_request, "--changed-since", "main", "--fail-on", "overdue")
    assert (result.returncode, result.stdout, result.stderr) == (
        0, "No persona or journey files changed since main.\n", ""
    )
    markdown = review(pull_request, "--changed-since", "main", "--format", "markdown")
    assert markdown.stdout == (
        "<!-- mkdocs-persona review changes -->\n"
        "### Personas and journeys in this change\n"
        "\n"
        "No persona or journey files changed since `main`.\n"
    )
    github = review(pull_request, "--changed-since", "main", "--format", "github")
    assert (github.returncode, github.stdout) == (0, "")
    assert github.stderr == "No persona or journey files changed since main.\n"
    data = json.loads(review(pull_request, "--changed-since", "main", "--format", "json").stdout)
    assert data["items"] == []


def test_cli_unknown_ref(pull_request: Path) -> None:
    result = review(pull_request, "--changed-since", "origin/mian", "--format", "markdown")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "error: unknown git ref 'origin/mian'; fetch it first (e.g. 'git fetch origin main') "
        "or check the name\n"
    )


def test_cli_without_git(pull_request: Path, tmp_path: Path) -> None:
    no_git = tmp_path / "empty-path"
    no_git.mkdir()
    result = review(pull_request, "--changed-since", "main",
                    env={**os.environ, "PATH": str(no_git)})
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "error: git is not installed (or not on PATH)\n"


def test_cli_outside_a_work_tree(tmp_path: Path) -> None:
    project = tmp_path / "plain"
    project.mkdir()
    (project / "mkdocs.yml").write_text(yaml.safe_dump(SITE), encoding="utf-8")
    (project / "personas").mkdir()
    (project / "personas" / "ann.yaml").write_text(persona("Ann", "2026-01-10"),
                                                   encoding="utf-8")
    env = {**os.environ, "GIT_CEILING_DIRECTORIES": str(tmp_path.resolve())}
    result = review(project, "--changed-since", "main", env=env)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"error: {project.resolve()} is not in a git work tree\n"


def test_cli_invalid_files_are_listed_as_without_changed_since(pull_request: Path) -> None:
    (pull_request / "personas" / "bo.yaml").write_text(
        "name: Bo\nowner: '@team'\nlast_reviewed: 2026-13-01\n", encoding="utf-8")
    changed = review(pull_request, "--changed-since", "main")
    plain = review(pull_request)
    assert changed.returncode == plain.returncode == 2
    assert changed.stdout == plain.stdout == ""
    assert changed.stderr == plain.stderr
    assert changed.stderr.splitlines() == [
        "personas/bo.yaml:3:16: last_reviewed: 2026-13-01 does not exist: months go from 01 "
        "to 12",
        "1 problem found; fix them before checking reviews.",
    ]


def test_cli_markdown_escapes_names_in_the_table(pull_request: Path) -> None:
    commit(pull_request, {
        "personas/cy.yaml": persona("Cy | [CEO](javascript:alert(1)) <b>", "2026-12-01"),
    }, "Rename Cy", "2026-12-04T10:00:00+00:00")
    result = review(pull_request, "--changed-since", "main", "--format", "markdown")
    row = next(line for line in result.stdout.splitlines() if line.startswith("| Added"))
    assert row.startswith(
        "| Added | [Cy \\| \\[CEO\\]\\(javascript:alert\\(1\\)\\) \\<b\\>]"
        "(https://handbook.example.com/personas/cy/) (persona) |"
    )


def test_cli_markdown_without_changes_of_an_owner(pull_request: Path) -> None:
    """A ref whose name also appears in the sentence is quoted once, where it belongs."""
    git(pull_request, "branch", "e")
    result = review(pull_request, "--changed-since", "e", "--format", "markdown",
                    "--owner", "@ops")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == (
        "No persona or journey files of @ops changed since `e`."
    )


def test_review_json_says_when_each_file_last_changed(pull_request: Path) -> None:
    """Like reviews.json: 'last_updated' from git's history, apart from 'last_reviewed'."""
    result = review(pull_request, "--all", "--format", "json")
    assert result.returncode == 0, result.stderr
    records = {r["id"]: r for r in json.loads(result.stdout)["items"]}
    assert (records["ann"]["last_reviewed"], records["ann"]["last_updated"]) == (
        "2026-12-01", "2026-12-02"
    )
    assert records["ann-close"]["last_updated"] == "2026-06-01"
