"""The ``mkdocs-persona`` command line: validate (three formats), new, schema."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from conftest import run_cli, write_project

MARGIE = """\
name: Finance Manager Margie
owner: "@finance"
last_reviewed: 2026-03-14
"""
HANNAH = MARGIE.replace("Finance Manager Margie", "Head of Finance Hannah")
CLOSE = """\
title: Month-end close
persona: margie
stages:
  - name: Research
"""
BROKEN_MARGIE = MARGIE + "type: bayer\nrelated: [hanah]\n"
BROKEN_CLOSE = CLOSE.replace("persona: margie", "persona: margi") + "    emotion: 5\n"


def broken_project(tmp_path: Path) -> Path:
    return write_project(
        tmp_path,
        personas={"margie.yaml": BROKEN_MARGIE, "hannah.yaml": HANNAH},
        journeys={"close.yaml": BROKEN_CLOSE},
    )


# ---------------------------------------------------------------------------- validate


def test_validate_clean_project(tmp_path: Path) -> None:
    project = write_project(
        tmp_path,
        personas={"margie.yaml": MARGIE, "hannah.yaml": HANNAH},
        journeys={"close.yaml": CLOSE},
    )
    result = run_cli("validate", cwd=project)
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        "OK: 2 personas and 1 journey are valid.\n",
        "",
    )


def test_validate_text_format(tmp_path: Path) -> None:
    result = run_cli("validate", cwd=broken_project(tmp_path))
    assert result.returncode == 1
    assert result.stdout == (
        "journeys/close.yaml:2:10: persona: no persona with id 'margi'; did you mean 'margie'? "
        "(known personas: hannah, margie)\n"
        "journeys/close.yaml:5:14: stages[0].emotion: must be between -2 and 2 (got 5)\n"
        "personas/margie.yaml:4:7: type: 'bayer' is not allowed; use one of: buyer, user, "
        "decision-maker, influencer, detractor, payer, negative; did you mean 'payer'?\n"
        "personas/margie.yaml:5:11: related[0]: no persona with id 'hanah'; did you mean "
        "'hannah'? (known personas: hannah, margie)\n"
    )
    assert result.stderr == "4 problems found.\n"


def test_validate_github_format(tmp_path: Path) -> None:
    result = run_cli("validate", "--format", "github", cwd=broken_project(tmp_path))
    assert result.returncode == 1
    assert result.stdout == (
        "::error file=journeys/close.yaml,line=2,col=10,title=persona::no persona with id "
        "'margi'; did you mean 'margie'? (known personas: hannah, margie)\n"
        "::error file=journeys/close.yaml,line=5,col=14,title=stages[0].emotion::must be "
        "between -2 and 2 (got 5)\n"
        "::error file=personas/margie.yaml,line=4,col=7,title=type::'bayer' is not allowed; "
        "use one of: buyer, user, decision-maker, influencer, detractor, payer, negative; did "
        "you mean 'payer'?\n"
        "::error file=personas/margie.yaml,line=5,col=11,title=related[0]::no persona with id "
        "'hanah'; did you mean 'hannah'? (known personas: hannah, margie)\n"
    )
    assert result.stderr == "4 problems found.\n"


def test_github_format_escapes_workflow_command_characters(tmp_path: Path) -> None:
    project = write_project(tmp_path, personas={"a,b.yaml": MARGIE + "id: ab\ntags: [[1]]\n"})
    result = run_cli("validate", "--format", "github", cwd=project)
    assert result.stdout == (
        "::error file=personas/a%2Cb.yaml,line=5,col=8,title=tags[0]::expected text, got a "
        "list\n"
    )


def test_validate_json_format(tmp_path: Path) -> None:
    result = run_cli("validate", "--format", "json", cwd=broken_project(tmp_path))
    assert result.returncode == 1
    assert result.stderr == ""
    report = json.loads(result.stdout)
    assert report["ok"] is False
    assert report["count"] == 4
    assert report["problems"][0] == {
        "path": "journeys/close.yaml",
        "line": 2,
        "column": 10,
        "field": "persona",
        "message": "no persona with id 'margi'; did you mean 'margie'? (known personas: hannah, "
        "margie)",
    }
    assert [(p["path"], p["line"]) for p in report["problems"]] == [
        ("journeys/close.yaml", 2),
        ("journeys/close.yaml", 5),
        ("personas/margie.yaml", 4),
        ("personas/margie.yaml", 5),
    ]


def test_validate_json_format_when_clean(tmp_path: Path) -> None:
    project = write_project(tmp_path, personas={"margie.yaml": MARGIE})
    result = run_cli("validate", "--format", "json", cwd=project)
    assert result.returncode == 0
    assert result.stdout == '{\n  "ok": true,\n  "count": 0,\n  "problems": []\n}\n'


def test_validate_reads_folders_and_today_from_mkdocs_yml(tmp_path: Path) -> None:
    project = write_project(
        tmp_path,
        plugin={"personas_dir": "people", "journeys_dir": "maps", "today": "2026-03-13"},
    )
    (project / "people").mkdir()
    (project / "people" / "margie.yaml").write_text(MARGIE)
    result = run_cli("validate", cwd=project)
    assert result.returncode == 1
    assert result.stdout == (
        "people/margie.yaml:3:16: last_reviewed: 2026-03-14 lies in the future (today is "
        "2026-03-13)\n"
    )
    assert run_cli("validate", "--today", "2026-03-14", cwd=project).returncode == 0


def test_validate_with_folder_options_and_config_file(tmp_path: Path) -> None:
    write_project(tmp_path / "site", personas={"margie.yaml": MARGIE})
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "x.yaml").write_text("name: [\n")
    result = run_cli("validate", "-f", "site/mkdocs.yml", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "OK: 1 persona and 0 journeys are valid.\n")
    result = run_cli("validate", "--personas", "other", "-f", "site/mkdocs.yml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("../other/x.yaml:1:7: invalid YAML:")


def test_validate_without_a_personas_folder(tmp_path: Path) -> None:
    result = run_cli("validate", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == "personas: personas folder not found (set the personas_dir option)\n"
    result = run_cli("validate", "--format", "github", cwd=tmp_path)
    assert result.stdout == (
        "::error file=personas,title=persona handbook::personas folder not found (set the "
        "personas_dir option)\n"
    )


def test_validate_help_lists_the_formats() -> None:
    result = run_cli("validate", "--help", cwd=Path.cwd())
    assert result.returncode == 0
    assert "--format {github,json,text}" in result.stdout


# ---------------------------------------------------------------------------- new


def test_new_persona_writes_a_valid_starter(tmp_path: Path) -> None:
    project = write_project(tmp_path)
    result = run_cli("new", "persona", "Finance Manager Margie", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "wrote personas/finance-manager-margie.yaml\n"
    assert result.stderr == (
        "tip: run `mkdocs-persona schema schemas` so that editors can check and complete this "
        "file\n"
    )
    text = (project / "personas" / "finance-manager-margie.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/persona.schema.json\n")
    assert 'name: "Finance Manager Margie"' in text
    assert "last_reviewed: 2026-11-29" in text  # the project's "today"
    assert "status: draft" in text
    validate = run_cli("validate", cwd=project)
    assert (validate.returncode, validate.stdout) == (
        0,
        "OK: 1 persona and 0 journeys are valid.\n",
    )


def test_new_persona_starter_stays_valid_with_every_optional_field(tmp_path: Path) -> None:
    project = write_project(tmp_path)
    run_cli("new", "persona", "Finance Manager Margie", cwd=project)
    target = project / "personas" / "finance-manager-margie.yaml"
    lines = target.read_text(encoding="utf-8").splitlines()
    uncommented = [
        line[2:] if re.match(r"^# ([a-z_]+:|  +\S)", line) and "photo:" not in line else line
        for line in lines
    ]
    assert sum(a != b for a, b in zip(lines, uncommented, strict=True)) >= 20
    target.write_text("\n".join(uncommented) + "\n", encoding="utf-8")
    validate = run_cli("validate", cwd=project)
    assert validate.returncode == 0, validate.stdout


def test_new_uses_the_project_schema_folder(tmp_path: Path) -> None:
    project = write_project(tmp_path)
    assert run_cli("schema", "schemas", cwd=project).returncode == 0
    result = run_cli("new", "persona", "Bookkeeper Ben", cwd=project)
    assert result.stderr == ""
    text = (project / "personas" / "bookkeeper-ben.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/persona.schema.json\n")


def test_new_refuses_to_overwrite(tmp_path: Path) -> None:
    project = write_project(tmp_path, personas={"finance-manager-margie.yml": MARGIE})
    result = run_cli("new", "persona", "Finance Manager Margie", cwd=project)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "error: personas/finance-manager-margie.yml already exists; not overwriting it\n"
    )
    assert (project / "personas" / "finance-manager-margie.yml").read_text() == MARGIE
    assert not (project / "personas" / "finance-manager-margie.yaml").exists()


def test_new_needs_letters_or_digits(tmp_path: Path) -> None:
    result = run_cli("new", "persona", "山田 ???", cwd=write_project(tmp_path))
    assert result.returncode == 2
    assert result.stderr == (
        "error: cannot make a file name from '山田 ???': use at least one Latin letter or digit "
        "(the file name becomes the id)\n"
    )


def test_new_slugifies_accents_and_punctuation(tmp_path: Path) -> None:
    project = write_project(tmp_path)
    result = run_cli("new", "persona", "Zoë", "O'Brien-Smith", cwd=project)
    assert result.stdout == "wrote personas/zoe-o-brien-smith.yaml\n"
    assert 'name: "Zoë O\'Brien-Smith"' in (
        project / "personas" / "zoe-o-brien-smith.yaml"
    ).read_text(encoding="utf-8")
    assert run_cli("validate", cwd=project).returncode == 0


def test_new_journey_uses_the_first_persona(tmp_path: Path) -> None:
    project = write_project(tmp_path, personas={"margie.yaml": MARGIE, "hannah.yaml": HANNAH})
    result = run_cli("new", "journey", "Month-end close", cwd=project)
    assert (result.returncode, result.stdout) == (0, "wrote journeys/month-end-close.yaml\n")
    text = (project / "journeys" / "month-end-close.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/journey.schema.json\n")
    assert "\npersona: hannah  #" in text
    validate = run_cli("validate", cwd=project)
    assert (validate.returncode, validate.stdout) == (
        0,
        "OK: 2 personas and 1 journey are valid.\n",
    )


def test_new_journey_for_a_named_persona(tmp_path: Path) -> None:
    project = write_project(tmp_path, personas={"margie.yaml": MARGIE, "hannah.yaml": HANNAH})
    assert run_cli("new", "journey", "Close", "--persona", "margie", cwd=project).returncode == 0
    text = (project / "journeys" / "close.yaml").read_text(encoding="utf-8")
    assert "\npersona: margie  #" in text
    assert run_cli("validate", cwd=project).returncode == 0
    result = run_cli("new", "journey", "Other", "--persona", "Not An Id", cwd=project)
    assert (result.returncode, result.stderr) == (2, "error: 'Not An Id' is not a persona id\n")


def test_new_journey_before_any_persona(tmp_path: Path) -> None:
    project = write_project(tmp_path)
    result = run_cli("new", "journey", "Close", cwd=project)
    assert result.returncode == 0
    assert result.stderr.startswith(
        "warning: no persona found; write one first with `mkdocs-persona new persona NAME`, "
        "then set `persona:` in journeys/close.yaml\n"
    )
    validate = run_cli("validate", cwd=project)
    assert validate.stdout == (
        "journeys/close.yaml:4:10: persona: no persona with id 'your-persona-id'\n"
    )


def test_new_then_validate_end_to_end(tmp_path: Path) -> None:
    project = write_project(tmp_path)
    assert run_cli("new", "persona", "Finance Manager Margie", cwd=project).returncode == 0
    assert run_cli("new", "journey", "Month-end close", cwd=project).returncode == 0
    validate = run_cli("validate", "--format", "github", cwd=project)
    assert (validate.returncode, validate.stdout, validate.stderr) == (0, "", "")


def test_new_respects_the_personas_dir_option(tmp_path: Path) -> None:
    project = write_project(tmp_path, plugin={"personas_dir": "content/people"})
    result = run_cli("new", "persona", "Ben", cwd=project)
    assert result.stdout == "wrote content/people/ben.yaml\n"
    text = (project / "content" / "people" / "ben.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/persona.schema.json\n")


@pytest.mark.parametrize("kind", ["persona", "journey"])
def test_new_persona_flag_only_for_journeys(tmp_path: Path, kind: str) -> None:
    project = write_project(tmp_path, personas={"margie.yaml": MARGIE})
    result = run_cli("new", kind, "Close", "--persona", "margie", cwd=project)
    assert result.returncode == (2 if kind == "persona" else 0)


def test_validate_does_not_load_the_export_and_review_commands(tmp_path: Path) -> None:
    """validate runs in every pre-commit hook: it skips importing templates and Markdown."""
    import subprocess
    import sys

    project = write_project(tmp_path, example=True)
    code = (
        "import sys; from mkdocs_persona_plugin import cli; rc = cli.main(['validate']); "
        "print(rc, sorted(m for m in sys.modules if m.endswith(('cli.export', 'cli.review', "
        "'jinja2', 'markdown'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=project, capture_output=True, text=True, check=True
    ).stdout
    assert out.splitlines()[-1] == "0 []"


# ---------------------------------------------------------------------------- usage errors


def usage_error(*args: str) -> str:
    """The error line of a usage error (after argparse's usage lines); exit status 2."""
    result = run_cli(*args, cwd=Path.cwd())
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.startswith("usage: mkdocs-persona")
    assert result.stdout == ""
    return result.stderr.splitlines()[-1]


def test_unknown_command_lists_every_command() -> None:
    assert usage_error("generat") == (
        "mkdocs-persona: error: unknown command 'generat'; use one of: validate, schema, new, "
        "export, review, generate; did you mean 'generate'?"
    )


def test_unknown_command_suggests_the_closest() -> None:
    assert usage_error("valdate") == (
        "mkdocs-persona: error: unknown command 'valdate'; use one of: validate, schema, new, "
        "export, review, generate; did you mean 'validate'?"
    )
    assert usage_error("reveiw", "--owner", "x") == (
        "mkdocs-persona: error: unknown command 'reveiw'; use one of: validate, schema, new, "
        "export, review, generate; did you mean 'review'?"
    )


def test_unknown_command_lists_commands_registered_later(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The list comes from the registry: a new command module shows up without other changes."""
    import types

    from mkdocs_persona_plugin.cli import app

    command = types.ModuleType("mkdocs_persona_plugin.cli.publish")
    command.HELP = "publish the handbook"  # type: ignore[attr-defined]
    command.add_arguments = lambda parser: None  # type: ignore[attr-defined]
    command.run = lambda args: 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, command.__name__, command)
    monkeypatch.setitem(app.COMMANDS, "publish", "publish")
    with pytest.raises(SystemExit) as stopped:
        app.main(["publsh"])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "mkdocs-persona: error: unknown command 'publsh'; use one of: validate, schema, new, "
        "export, review, generate, publish; did you mean 'publish'?"
    )


def test_unknown_option_suggests_the_closest() -> None:
    assert usage_error("validate", "--formt", "json") == (
        "mkdocs-persona validate: error: unknown option '--formt'; use one of: --help, "
        "--config-file, --personas, --journeys, --format, --today; did you mean '--format'?"
    )
    assert usage_error("review", "--ownr=@sales") == (
        "mkdocs-persona review: error: unknown option '--ownr'; use one of: --help, "
        "--config-file, --personas, --journeys, --format, --fail-on, --changed-since, --owner, "
        "--today, --all; "
        "did you mean '--owner'?"
    )


def test_unexpected_argument() -> None:
    assert usage_error("validate", "personas") == (
        "mkdocs-persona validate: error: unexpected argument 'personas'"
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ("validate", "--format", "jsn"),
            "mkdocs-persona validate: error: argument --format: 'jsn' is not allowed; use one "
            "of: github, json, text; did you mean 'json'?",
        ),
        (
            ("review", "--format", "xml"),
            "mkdocs-persona review: error: argument --format: 'xml' is not allowed; use one of: "
            "text, json, markdown, github",
        ),
        (
            ("review", "--fail-on", "overdu"),
            "mkdocs-persona review: error: argument --fail-on: 'overdu' is not allowed; use one "
            "of: overdue, due-soon, evidence-stale; did you mean 'overdue'?",
        ),
        (
            ("export", "--kind", "persons"),
            "mkdocs-persona export: error: argument --kind: 'persons' is not allowed; use one of: "
            "personas, journeys; did you mean 'personas'?",
        ),
        (
            ("new", "persna", "Margie"),
            "mkdocs-persona new: error: argument kind: 'persna' is not allowed; use one of: "
            "persona, journey; did you mean 'persona'?",
        ),
    ],
)
def test_value_not_among_the_choices(args: tuple[str, ...], expected: str) -> None:
    assert usage_error(*args) == expected


def test_command_line_page_shows_the_real_usage_errors() -> None:
    """The documented usage errors and the unknown-owner error are what the commands print."""
    import os
    import shlex
    import subprocess
    import sys

    from conftest import REPO

    page = (REPO / "docs/guide/command-line.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```console\n(.*?)^```", page, re.M | re.S)
    checked = 0
    env = {**os.environ, "COLUMNS": "80"}
    for block in blocks:
        if ": error: " not in block and "error: --owner" not in block:
            continue
        commands = re.split(r"^\$ ", block, flags=re.M)[1:]
        code = None
        for command in commands:
            line, _, expected = command.partition("\n")
            if line == "echo $?":
                assert expected.strip() == str(code)
                continue
            result = subprocess.run(
                [sys.executable, "-m", "mkdocs_persona_plugin.cli", *shlex.split(line)[1:]],
                cwd=REPO, capture_output=True, text=True, env=env, timeout=120,
            )
            code = result.returncode
            assert code == 2, line
            assert result.stdout + result.stderr == expected, line
            checked += 1
    assert checked >= 5


@pytest.mark.parametrize("name", ["properdocs.yml", "mkdocs.yaml"])
def test_the_configuration_is_found_under_properdocs_names(tmp_path: Path, name: str) -> None:
    """A project that followed ProperDocs' advice and renamed mkdocs.yml keeps its options."""
    project = write_project(
        tmp_path, personas={"margie.yaml": MARGIE}, plugin={"personas_dir": "people"}
    )
    (project / "personas").rename(project / "people")
    (project / "mkdocs.yml").rename(project / name)
    result = run_cli("validate", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "OK: 1 persona and 0 journeys are valid.\n"
