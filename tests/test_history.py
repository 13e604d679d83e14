"""Git history of the content files: last updated, changed since the review, pull-request diffs.

Every test scripts its own repository with fixed author dates.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from mkdocs_persona_plugin.core import history
from mkdocs_persona_plugin.core.history import GitError, changed_files, file_at, read_history


def git(repo: Path, *args: str, date: str = "2026-01-01T10:00:00+00:00",
        author: str = "Ann Author") -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": "a@example.invalid",
        "GIT_COMMITTER_NAME": author, "GIT_COMMITTER_EMAIL": "a@example.invalid",
        "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
        "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
    }
    done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True,
                          check=True)
    return done.stdout


def commit(repo: Path, files: dict[str, str], subject: str, date: str,
           author: str = "Ann Author") -> None:
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", subject, date=date, author=author)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "handbook"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    commit(repo, {"personas/ann.yaml": "name: Ann\n", "journeys/j.yaml": "title: J\n",
                  "docs/index.md": "# Home\n"}, "Start the handbook", "2026-01-05T09:00:00+00:00")
    commit(repo, {"personas/ann.yaml": "name: Ann B\n"}, "Rename Ann",
               "2026-02-10T09:00:00+00:00", author="Bo Editor")
    commit(repo, {"personas/ann.yaml": "name: Ann C\n"}, "Review Ann",
               "2026-03-01T18:00:00+00:00")
    commit(repo, {"personas/ann.yaml": "name: Ann D\n", "docs/index.md": "# Home!\n"},
               "Ann's goals after the survey", "2026-04-02T08:00:00+00:00", author="Cy Writer")
    return repo


def folders(repo: Path) -> list[Path]:
    return [repo / "personas", repo / "journeys"]


def test_last_updated_and_changes_since_the_review(repo: Path) -> None:
    found = read_history(repo, folders(repo))
    assert found.available and found.unavailable is None
    assert found.last_updated("personas/ann.yaml") == dt.date(2026, 4, 2)
    assert found.last_updated("journeys/j.yaml") == dt.date(2026, 1, 5)
    assert found.last_updated("docs/index.md") is None  # not a content folder
    changes = found.changed_since("personas/ann.yaml", dt.date(2026, 2, 10))
    # Newest first; the commit on the review day itself counts as the review.
    assert [(c.date, c.author, c.subject) for c in changes] == [
        (dt.date(2026, 4, 2), "Cy Writer", "Ann's goals after the survey"),
        (dt.date(2026, 3, 1), "Ann Author", "Review Ann"),
    ]
    assert all(len(c.short) == 7 for c in changes)
    assert found.changed_since("personas/ann.yaml", None) == []


def test_at_most_ten_changes_are_listed(repo: Path) -> None:
    for day in range(1, 15):
        commit(repo, {"personas/ann.yaml": f"name: Ann {day}\n"}, f"Edit {day}",
               f"2026-05-{day:02d}T10:00:00+00:00")
    changes = read_history(repo, folders(repo)).changed_since(
        "personas/ann.yaml", dt.date(2026, 4, 30)
    )
    assert [c.subject for c in changes] == [f"Edit {day}" for day in range(14, 4, -1)]


def test_one_git_log_for_the_whole_folder(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(20):
        (repo / "personas" / f"p{i}.yaml").write_text("name: P\n", encoding="utf-8")
    commit(repo, {}, "Many personas", "2026-06-01T10:00:00+00:00")
    calls: list[list[str]] = []
    real = subprocess.run

    def counting(args: list[str], **kwargs: object) -> object:
        calls.append(list(args))
        return real(args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(history.subprocess, "run", counting)
    found = read_history(repo, folders(repo))
    assert len(found.by_file) == 22
    assert sum("log" in call for call in calls) == 1


def test_no_git_work_tree(tmp_path: Path) -> None:
    (tmp_path / "personas").mkdir()
    found = read_history(tmp_path, [tmp_path / "personas"])
    assert not found.available
    assert "not in a git work tree" in str(found.unavailable)
    assert found.last_updated("personas/ann.yaml") is None
    assert found.changed_since("personas/ann.yaml", dt.date(2026, 1, 1)) == []


def test_git_not_installed(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(history.shutil, "which", lambda name: None)
    found = read_history(repo, folders(repo))
    assert found.unavailable == "git is not installed (or not on PATH)"


def test_shallow_clone_has_no_dates(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", repo.as_uri(), str(clone)], check=True)
    found = read_history(clone, folders(clone))
    assert not found.available
    assert "shallow" in str(found.unavailable) and "fetch-depth: 0" in str(found.unavailable)


def test_changed_files_since_a_branch_point(repo: Path) -> None:
    git(repo, "checkout", "-q", "-b", "edit")
    commit(repo, {"personas/bo.yaml": "name: Bo\n", "docs/index.md": "# Changed\n"},
           "Add Bo", "2026-05-01T10:00:00+00:00")
    git(repo, "mv", "journeys/j.yaml", "journeys/k.yaml")
    commit(repo, {"personas/ann.yaml": "name: Ann E\n"}, "Edit Ann, move J",
           "2026-05-02T10:00:00+00:00")
    git(repo, "checkout", "-q", "main")
    commit(repo, {"personas/zed.yaml": "name: Zed\n"}, "Zed on main", "2026-05-03T10:00:00+00:00")
    git(repo, "checkout", "-q", "edit")
    (repo / "personas" / "new.yaml").write_text("name: New\n", encoding="utf-8")  # untracked
    changes = changed_files(repo, "main", folders(repo))
    assert sorted((c.status, c.path) for c in changes) == [
        ("A", "journeys/k.yaml"),  # a renamed file is a new id: deleted and added
        ("A", "personas/bo.yaml"),
        ("A", "personas/new.yaml"),
        ("D", "journeys/j.yaml"),
        ("M", "personas/ann.yaml"),
    ]  # Zed, added on main after the branch point, is not this branch's change
    assert file_at(repo, "main", "personas/ann.yaml") == b"name: Ann D\n"
    assert file_at(repo, "main", "personas/bo.yaml") is None


def test_unknown_ref_says_what_to_do(repo: Path) -> None:
    with pytest.raises(GitError) as raised:
        changed_files(repo, "origin/mian", folders(repo))
    assert str(raised.value) == (
        "unknown git ref 'origin/mian'; fetch it first (e.g. 'git fetch origin main') or check "
        "the name"
    )
    with pytest.raises(GitError, match="is not a git ref"):
        changed_files(repo, "--output=x", folders(repo))


def test_changed_files_outside_git(tmp_path: Path) -> None:
    with pytest.raises(GitError, match="not in a git work tree"):
        changed_files(tmp_path, "main", [tmp_path])
