"""Issue 2 at build level: invalid data fails ``mkdocs build`` cleanly and leaves site/ alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BuildResult, run_build, write_project

MARGIE = """\
name: Finance Manager Margie
owner: "@finance"
last_reviewed: 2026-03-14
related: [hannah]
"""
HANNAH = """\
name: Head of Finance Hannah
owner: "@finance"
last_reviewed: 2026-03-14
"""
CLOSE = """\
title: Month-end close
personas: [margie, hannah]
stages:
  - name: Research
    emotion: {margie: -1, hannah: 1}
"""


def _site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _assert_clean_failure(result: BuildResult) -> None:
    assert result.returncode == 1, result.log
    assert "Traceback" not in result.log
    assert "Aborted with a BuildError!" in result.log


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return write_project(
        tmp_path,
        personas={"margie.yaml": MARGIE, "hannah.yaml": HANNAH},
        journeys={"close.yaml": CLOSE},
    )


def test_invalid_edit_fails_the_build_and_keeps_the_last_site(project: Path) -> None:
    first = run_build(project)
    assert first.returncode == 0, first.log
    before = _site_files(first.site)
    assert "index.html" in before
    assert any(name.startswith("personas/") for name in before)

    (project / "personas" / "margie.yaml").write_text(
        MARGIE.replace("[hannah]", "[hanah]") + "type: bayer\n", encoding="utf-8"
    )
    (project / "personas" / "hannah.yaml").write_text(HANNAH + "goals: [unclosed\n")
    (project / "journeys" / "close.yaml").write_text(CLOSE.replace("-1", "-3"))
    failed = run_build(project)

    _assert_clean_failure(failed)
    assert (
        "ERROR   -  Invalid handbook data (4 problems: 3 in persona files, 1 in journey "
        "files):\n"
        "  journeys/close.yaml:5:23: stages[0].emotion.margie: must be between -2 and 2 (got -3)\n"
        "  personas/hannah.yaml:4:8: invalid YAML: this '[' is not closed; add ']' after the "
        "last item of the list\n"
        "  personas/margie.yaml:4:11: related[0]: no persona with id 'hanah'; did you mean "
        "'hannah'? (known personas: hannah, margie)\n"
        "  personas/margie.yaml:5:7: type: 'bayer' is not allowed; use one of: buyer, user, "
        "decision-maker, influencer, detractor, payer, negative; did you mean 'payer'?\n"
    ) in failed.log
    assert "Cleaning site directory" not in failed.log
    assert _site_files(failed.site) == before  # every file of the last good build, unchanged


def test_yaml_hazard_fails_the_build_without_running_anything(project: Path) -> None:
    marker = project / "pwned"
    (project / "personas" / "evil.yaml").write_text(
        f'name: !!python/object/apply:os.system ["touch {marker}"]\nowner: x\n'
        "last_reviewed: 2026-01-01\n"
    )
    result = run_build(project)
    _assert_clean_failure(result)
    assert (
        "  personas/evil.yaml:1:7: name: YAML tag !!python/object/apply:os.system is not "
        "allowed: only plain text, numbers, true/false, dates, lists and mappings\n"
    ) in result.log
    assert not marker.exists()
    assert not (project / "site").exists()


def test_problems_in_a_journey_only(project: Path) -> None:
    (project / "journeys" / "close.yaml").write_text(CLOSE + "colour: blue\n")
    result = run_build(project)
    _assert_clean_failure(result)
    assert (
        "ERROR   -  Invalid journey data (1 problem):\n"
        "  journeys/close.yaml:6:1: colour: unknown field 'colour'; see the field reference for "
        "what is allowed\n"
    ) in result.log


def test_missing_personas_folder_fails_the_build(tmp_path: Path) -> None:
    project = write_project(tmp_path, plugin={"personas_dir": "people"})
    result = run_build(project)
    _assert_clean_failure(result)
    assert "  people: personas folder not found (set the personas_dir option)\n" in result.log


def test_future_date_uses_the_today_option(project: Path) -> None:
    (project / "personas" / "hannah.yaml").write_text(HANNAH.replace("2026-03-14", "2026-11-30"))
    result = run_build(project)
    _assert_clean_failure(result)
    assert (
        "  personas/hannah.yaml:3:16: last_reviewed: 2026-11-30 lies in the future (today is "
        "2026-11-29)\n"
    ) in result.log


def test_serve_keeps_the_last_valid_content(project: Path) -> None:
    """`mkdocs serve` reloads: a broken edit logs every problem and keeps the last good data."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError

    config = load_config(config_file=str(project / "mkdocs.yml"))
    plugin = config.plugins["persona"]
    config.plugins.on_startup(command="serve", dirty=False)
    config = config.plugins.on_config(config)
    good = plugin.handbook
    assert good is not None and sorted(good.personas) == ["hannah", "margie"]

    (project / "personas" / "hannah.yaml").write_text(HANNAH + "share: 101\n")
    config.plugins.on_config(config)
    assert plugin.handbook is good
    assert plugin.stale_problems == [
        "personas/hannah.yaml:4:8: share: must be between 0 and 100 (got 101)"
    ]

    plugin.is_serve = False  # a plain build never serves stale data
    with pytest.raises(PluginError, match=r"share: must be between 0 and 100 \(got 101\)"):
        config.plugins.on_config(config)


def test_example_handbook_builds_strict(example_site: BuildResult) -> None:
    assert example_site.returncode == 0
    assert "WARNING" not in example_site.log
