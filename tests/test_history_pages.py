""""Last updated" and "changed since the last review" on persona and journey pages, from git.

Every test scripts its own repository with fixed dates (the helpers of test_history.py) and
builds it with ``mkdocs build --strict``, or runs ``mkdocs-persona generate``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import BuildResult, run_build, run_cli, write_project
from test_history import commit, git

ANN = """\
name: Ann Analyst
owner: "@research"
last_reviewed: 2026-03-01
"""
JOURNEY = """\
title: Month-end close
persona: ann
last_reviewed: 2026-05-01
stages:
  - name: Prepare
"""
#: Commits after Ann's review (2026-03-01), oldest first: (day, author, subject).
AFTER_REVIEW = [
    (f"2026-04-{day:02d}", "Bo Editor" if day % 2 else "Cy Writer", f"Ann: change {day}")
    for day in range(1, 12)
] + [("2026-06-30", "Dee Dev", "<script>alert(1)</script> & tidy Ann's goals")]


def plugin_lines(log: str) -> list[str]:
    return [line for line in log.splitlines() if "mkdocs_persona_plugin:" in line]


def history_lines(log: str) -> list[str]:
    return [line for line in plugin_lines(log) if "last updated" in line]


def text(node: Any) -> str:
    return re.sub(r"\s+", " ", node.get_text(" ", strip=True)) if node is not None else ""


def scripted_repo(root: Path) -> Path:
    """A handbook in git: Ann changed before, on and after her review; the journey once."""
    project = write_project(root, personas={"ann.yaml": ANN}, journeys={"j.yaml": JOURNEY})
    (project / ".gitignore").write_text("site/\n", encoding="utf-8")
    git(project, "init", "-q", "-b", "main")
    commit(project, {}, "Start the handbook", "2026-01-05T09:00:00+00:00")
    content = ANN
    for n, (day, when) in enumerate([("2026-02-10", "09:00"), ("2026-03-01", "18:00")]):
        content += f"# edit {n}\n"
        commit(project, {"personas/ann.yaml": content}, f"Before the review {n}",
               f"{day}T{when}:00+00:00")
    for day, author, subject in AFTER_REVIEW:
        content += f"# {subject}\n"
        commit(project, {"personas/ann.yaml": content}, subject, f"{day}T10:00:00+00:00",
               author=author)
    commit(project, {"journeys/j.yaml": JOURNEY + "# after the review\n"},
           "Journey: new stage note", "2026-07-04T10:00:00+00:00", author="Eve Mapper")
    return project


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return scripted_repo(tmp_path_factory.mktemp("history") / "handbook")


@pytest.fixture(scope="module")
def built(repo: Path) -> BuildResult:
    # A persona added but never committed: git knows nothing about it.
    (repo / "personas" / "new.yaml").write_text(
        'name: New Nia\nowner: "@x"\nlast_reviewed: 2026-10-01\n', encoding="utf-8"
    )
    result = run_build(repo)
    assert result.returncode == 0, result.log
    return result


def footer(result: BuildResult, page: str) -> Any:
    soup = result.soup(page)
    return soup.select_one(".pp-persona-footer, .pp-journey-footer")


def test_persona_page_shows_last_updated_next_to_last_reviewed(built: BuildResult) -> None:
    facts = footer(built, "personas/ann/index.html").select(".pp-footer-facts > div")
    assert [text(f) for f in facts][1:3] == [
        "Last reviewed 1 March 2026",
        "Last updated 30 June 2026",
    ]
    assert facts[2].select_one("time")["datetime"] == "2026-06-30"


def test_changes_since_the_review_newest_first_at_most_ten(built: BuildResult) -> None:
    changes = footer(built, "personas/ann/index.html").select_one("details.pp-changes")
    assert not changes.has_attr("open")  # collapsed
    assert text(changes.summary) == "12 changes since the last review"
    items = [text(li) for li in changes.select("ol.pp-changes-list > li")]
    assert len(items) == 10
    assert items[0] == "30 Jun 2026 — Dee Dev: <script>alert(1)</script> & tidy Ann's goals"
    assert items[1] == "11 Apr 2026 — Bo Editor: Ann: change 11"
    assert items[-1] == "3 Apr 2026 — Bo Editor: Ann: change 3"
    # Commits made before and on the review day are not listed.
    assert not any("Before the review" in item for item in items)
    assert text(changes.select_one(".pp-changes-more")) == "… and 2 older changes"
    # A hostile commit subject is text.
    assert changes.select("script") == []
    assert "<script>alert(1)" not in built.html("personas/ann/index.html")


def test_journey_page_has_them_too(built: BuildResult) -> None:
    box = footer(built, "journeys/j/index.html")
    assert "Last updated 4 July 2026" in text(box.select_one(".pp-journey-meta"))
    changes = box.select_one("details.pp-changes")
    assert text(changes.summary) == "1 change since the last review"
    assert [text(li) for li in changes.select("li")] == [
        "4 Jul 2026 — Eve Mapper: Journey: new stage note"
    ]


def test_an_uncommitted_file_shows_neither(built: BuildResult) -> None:
    box = footer(built, "personas/new/index.html")
    assert "Last updated" not in text(box)
    assert box.select(".pp-changes, .pp-last-updated") == []


def test_reviews_json_has_last_updated(built: BuildResult) -> None:
    items = {i["id"]: i for i in json.loads(built.html("reviews.json"))["items"]}
    assert (items["ann"]["last_updated"], items["j"]["last_updated"]) == (
        "2026-06-30", "2026-07-04"
    )
    assert items["new"]["last_updated"] is None


def test_a_full_history_says_nothing_in_the_log(built: BuildResult) -> None:
    assert history_lines(built.log) == []


def test_a_shallow_clone_has_no_dates_and_one_info_line(repo: Path, tmp_path: Path) -> None:
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)],
        check=True, capture_output=True,
        env={**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"},
    )
    result = run_build(shallow)
    assert result.returncode == 0, result.log
    assert history_lines(result.log) == [
        "INFO    -  mkdocs_persona_plugin: No 'last updated' dates or changes since the last "
        "review on the pages: the git checkout is shallow, so the dates of changes are unknown "
        "(fetch the full history, e.g. 'fetch-depth: 0' in actions/checkout)."
    ]
    box = footer(result, "personas/ann/index.html")
    assert "Last updated" not in text(box) and box.select(".pp-changes") == []


def test_without_git_the_pages_build_and_the_log_says_why_once(repo: Path) -> None:
    """git is not on the PATH (a slim CI image): the same build, one info line."""
    env = {**os.environ, "PATH": str(Path(sys.executable).parent / "no-git-here"),
           "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    out = repo.parent / "site-without-git"
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(repo / "mkdocs.yml"),
         "-d", str(out)],
        cwd=repo, capture_output=True, text=True, env=env, timeout=600,
    )
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log
    assert history_lines(log) == [
        "INFO    -  mkdocs_persona_plugin: No 'last updated' dates or changes since the last "
        "review on the pages: git is not installed (or not on PATH)."
    ]
    page = (out / "personas" / "ann" / "index.html").read_text(encoding="utf-8")
    assert "Last updated" not in page and "pp-changes" not in page


def test_a_project_outside_git_says_nothing(tmp_path: Path) -> None:
    project = write_project(tmp_path, personas={"ann.yaml": ANN})
    result = run_build(project)
    assert result.returncode == 0, result.log
    assert history_lines(result.log) == []
    assert "Last updated" not in result.html("personas/ann/index.html")


# generate --------------------------------------------------------------------------------------
def test_generate_shows_history_only_in_a_folder_git_ignores(tmp_path: Path) -> None:
    """A committed folder cannot name the commit that holds it: its pages leave the dates
    out, so that 'generate --check' stays true after the commit. A folder git ignores (built
    before each deploy) gets them."""
    project = scripted_repo(tmp_path / "handbook")
    page = project / "docs" / "handbook" / "personas" / "ann" / "index.md"
    done = run_cli("generate", cwd=project)
    assert done.returncode == 0, done.stderr
    assert "Last updated" not in page.read_text(encoding="utf-8")
    assert done.stderr == ""
    (project / ".gitignore").write_text("site/\ndocs/handbook/\n", encoding="utf-8")
    done = run_cli("generate", cwd=project)
    assert done.returncode == 0, done.stderr
    generated = page.read_text(encoding="utf-8")
    assert "Last updated" in generated and "12 changes since the last review" in generated
    assert run_cli("generate", "--check", cwd=project).returncode == 0
