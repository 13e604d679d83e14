"""Review prompts at pull-request time: what a branch changes, reviewed or only edited."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_history import commit, git

from mkdocs_persona_plugin.core.changes import ChangeKind, changed_items
from mkdocs_persona_plugin.core.history import GitError
from mkdocs_persona_plugin.core.loader import Handbook, load_handbook

TODAY = dt.date(2026, 12, 6)


def persona(name: str, reviewed: str, goal: str = "Close fast") -> str:
    return (
        f"name: {name}\nowner: '@team'\nlast_reviewed: {reviewed}\ngoals: [{goal}]\n"
    )


def journey(title: str, persona_id: str) -> str:
    return f"title: {title}\npersona: {persona_id}\nstages:\n  - name: Start\n"


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
