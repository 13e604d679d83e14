"""The user documentation: the repository's own site (example handbook + docs) builds with
``--strict``; the generated field reference covers every model field; the configuration and
command-line pages cover every option; and the examples in the guides are real (the YAML
validates, the troubleshooting messages are exactly what ``mkdocs-persona validate`` prints).
"""

from __future__ import annotations

import re
import shlex
import shutil
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXED_TODAY, REPO, BuildResult, run_build, run_cli
from pydantic import BaseModel

from mkdocs_persona_plugin import cli
from mkdocs_persona_plugin.core import models
from mkdocs_persona_plugin.mkdocs import config
from mkdocs_persona_plugin.render import strings

DOCS = REPO / "docs"
FENCE = re.compile(r'^```(\w+)(?:[ \t]+title="([^"]+)")?[ \t]*\n(.*?)^```[ \t]*$', re.M | re.S)
SCREENSHOTS = ("gallery", "persona", "compare", "journey", "tracker")


@dataclass
class Block:
    """A fenced code block of a documentation page."""

    lang: str
    title: str
    text: str


def blocks(page: str) -> list[Block]:
    """The top-level fenced code blocks of ``docs/<page>``, in order."""
    source = (DOCS / page).read_text(encoding="utf-8")
    return [Block(m.group(1), m.group(2) or "", m.group(3)) for m in FENCE.finditer(source)]


@pytest.fixture(scope="module")
def docs_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The repository's own site, built as it is published: mkdocs.yml, docs/ (with the
    field-reference hook), personas/ and journeys/."""
    root = tmp_path_factory.mktemp("docs-site")
    for name in ("docs", "personas", "journeys"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    result = run_build(root)
    assert result.returncode == 0, result.log
    return result


# The site ---------------------------------------------------------------------------------
def test_handbook_sections_come_before_the_documentation(docs_site: BuildResult) -> None:
    soup = docs_site.soup("index.html")
    top = soup.select("nav.md-nav--primary > ul > li")
    titles = [" ".join(li.find(["a", "label"]).get_text().split()) for li in top]
    assert titles == ["Home", "Personas", "Journeys", "Review tracker", "Documentation"]


def test_documentation_pages_are_published(docs_site: BuildResult) -> None:
    for page in (
        "getting-started",
        "guide/writing-personas",
        "guide/writing-journeys",
        "guide/configuration",
        "guide/templates",
        "guide/editor-setup",
        "guide/troubleshooting",
        "guide/command-line",
        "guide/navigation-and-scale",
        "guide/ci-recipes",
        "reference/persona-fields",
        "reference/journey-fields",
        "reference/ui-strings",
    ):
        assert (docs_site.site / page / "index.html").is_file(), page
    assert not (docs_site.site / "hooks").exists(), "the hook must not be published"


REFERENCE_MODELS: dict[str, list[type[BaseModel]]] = {
    "reference/persona-fields/index.html": [
        models.Persona,
        models.Quote,
        models.Messaging,
        models.Research,
    ],
    "reference/journey-fields/index.html": [models.Journey, models.Stage],
}


@pytest.mark.parametrize("page", sorted(REFERENCE_MODELS))
def test_generated_reference_lists_every_field(docs_site: BuildResult, page: str) -> None:
    soup = docs_site.soup(page)
    for model in REFERENCE_MODELS[page]:
        schema = model.model_json_schema()
        for name, info in model.model_fields.items():
            code = soup.find("code", id=f"{model.__name__.lower()}-{name}")
            assert code is not None and code.get_text() == name, f"{model.__name__}.{name}"
            cells = [td.get_text(" ", strip=True) for td in code.find_parent("tr").find_all("td")]
            required = name in schema.get("required", [])
            assert cells[2] == ("yes" if required else "no") or cells[2].startswith("one of")
            assert cells[5], f"{model.__name__}.{name} has no description"
            annotation = str(info.annotation)
            for enum in (models.PersonaType, models.Market, models.Status, models.Confidence,
                         models.JourneyState):
                if enum.__name__ in annotation:
                    for member in enum:
                        assert member.value in cells[4], (name, member.value)


def test_reference_shows_defaults_and_limits(docs_site: BuildResult) -> None:
    soup = docs_site.soup("reference/persona-fields/index.html")

    def row(ident: str) -> list[str]:
        code = soup.find("code", id=ident)
        return [td.get_text(" ", strip=True) for td in code.find_parent("tr").find_all("td")]

    assert row("persona-type")[3] == "buyer"
    assert row("persona-id")[3] == "the file name"
    assert row("persona-share")[4] == "0 to 100"
    assert row("persona-name")[2:5] == ["yes", "—", "not blank; 1–500 characters"]
    journey = docs_site.soup("reference/journey-fields/index.html")
    emotion = journey.find("code", id="stage-emotion").find_parent("tr").get_text(" ")
    assert "−2 to 2" in emotion


def test_ui_strings_reference_lists_every_key(docs_site: BuildResult) -> None:
    text = docs_site.soup("reference/ui-strings/index.html").get_text()
    missing = [key for key in strings.english() if key not in text]
    assert not missing


# Configuration and command line -----------------------------------------------------------
def documented_default(value: Any) -> str:
    """How configuration.md writes an option's default."""
    if value is None:
        return "not set"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if value == "":
        return '`""`'
    if isinstance(value, list | dict):
        return "`[]`" if isinstance(value, list) else "`{}`"
    return f"`{value}`"


def option_rows(page: str) -> dict[str, list[str]]:
    """Table rows of a page keyed by their first cell (an option in backticks)."""
    rows = {}
    for line in (DOCS / page).read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\| `([a-z_]+)` \|(.*)\|$", line)
        if match:
            rows[match.group(1)] = [cell.strip() for cell in match.group(2).split("|")]
    return rows


def test_configuration_page_lists_every_option_with_its_default() -> None:
    rows = option_rows("guide/configuration.md")
    for name, option in config.PersonaConfig._schema:
        assert name in rows, f"option '{name}' is not in the table"
        assert rows[name][0] == documented_default(option.default), name
    for name, _ in config.ComparisonConfig._schema:
        assert name in rows, f"comparisons key '{name}' is not documented"


def test_command_line_page_documents_every_command_and_option() -> None:
    text = (DOCS / "guide/command-line.md").read_text(encoding="utf-8")
    parser = cli.app.build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    assert isinstance(commands, dict)
    for name, sub in commands.items():
        assert f"## `mkdocs-persona {name}`" in text, name
        for action in sub._actions:
            for flag in action.option_strings:
                if flag.startswith("--") and flag != "--help":
                    assert f"`{flag}" in text, f"{name} {flag}"
            for choice in action.choices or ():
                if action.option_strings:
                    assert f"`{action.option_strings[-1]} {choice}`" in text or (
                        f"`{choice}" in text
                    ), f"{name} {choice}"


# Examples ----------------------------------------------------------------------------------
@dataclass
class Scenario:
    """Files and a ``mkdocs-persona`` command with its documented output."""

    files: dict[str, str]
    args: list[str]
    expected: str


def scenarios(page: str) -> list[Scenario]:
    """Each console block running ``mkdocs-persona`` after titled YAML blocks."""
    found, files = [], {}
    for block in blocks(page):
        if block.lang == "yaml" and block.title.startswith(("personas/", "journeys/")):
            files[block.title] = block.text
        elif block.lang == "console" and block.text.startswith("$ mkdocs-persona ") and files:
            command, _, output = block.text.partition("\n")
            args = shlex.split(command)[2:]  # drop "$ mkdocs-persona"
            found.append(Scenario(files, args, output.rstrip("\n")))
            files = {}
    return found


TROUBLESHOOTING = scenarios("guide/troubleshooting.md")


def test_troubleshooting_has_the_promised_cases() -> None:
    text = "\n".join(s.expected for s in TROUBLESHOOTING)
    for message in (
        "duplicate key",
        "a tab character",
        "did you mean 'challenges'",
        "does not exist: February 2026 has 28 days",
        "points outside the personas/ folder",
        "no persona with id 'margi'; did you mean 'margie'?",
    ):
        assert message in text


@pytest.mark.parametrize(
    "scenario", TROUBLESHOOTING, ids=[s.expected.split("\n")[0][:60] for s in TROUBLESHOOTING]
)
def test_troubleshooting_messages_are_real(
    scenario: Scenario, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    for folder in ("personas", "journeys"):
        (tmp_path / folder).mkdir()
    for name, text in scenario.files.items():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = cli.main(scenario.args)
    out = capsys.readouterr()
    assert (out.out + out.err).rstrip("\n") == scenario.expected
    assert code == 1


def example_project(root: Path) -> Path:
    """A copy of the example handbook to write documentation examples into."""
    shutil.copytree(REPO / "personas", root / "personas")
    shutil.copytree(REPO / "journeys", root / "journeys")
    return root


@pytest.mark.parametrize("page", ["guide/writing-personas.md", "guide/writing-journeys.md"])
def test_guide_examples_validate(page: str, tmp_path: Path) -> None:
    root = example_project(tmp_path)
    written = []
    for block in blocks(page):
        if block.lang == "yaml" and block.title.startswith(("personas/", "journeys/")):
            (root / block.title).write_text(block.text, encoding="utf-8")
            written.append(block.title)
    assert len(written) >= 2
    result = run_cli("validate", "--today", FIXED_TODAY, cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("OK: ")


def test_getting_started_builds(tmp_path: Path) -> None:
    """The five-minute guide, step by step: its mkdocs.yml, its home page, `new`, build."""
    pages = {b.title: b.text for b in blocks("getting-started.md") if b.title}
    (tmp_path / "mkdocs.yml").write_text(pages["mkdocs.yml"], encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/index.md").write_text(pages["docs/index.md"], encoding="utf-8")
    for args in (
        ["schema", "schemas"],
        ["new", "persona", "Finance Manager Margie"],
        ["new", "journey", "Month-end close"],
    ):
        assert run_cli(*args, cwd=tmp_path).returncode == 0, args
    starter = (tmp_path / "personas/finance-manager-margie.yaml").read_text(encoding="utf-8")
    shown = next(b.text for b in blocks("getting-started.md") if "yaml-language-server" in b.text)
    first_lines = [line for line in shown.splitlines() if not line.startswith("last_reviewed")]
    for line in first_lines:
        assert line in starter
    result = run_build(tmp_path)
    assert result.returncode == 0, result.log
    assert (result.site / "personas/finance-manager-margie/index.html").is_file()
    assert (result.site / "journeys/month-end-close/index.html").is_file()


def test_editor_settings_example_is_valid_json() -> None:
    import json

    settings = next(b for b in blocks("guide/editor-setup.md") if b.title.endswith(".json"))
    mapping = json.loads(settings.text)["yaml.schemas"]
    assert set(mapping) == {"./schemas/persona.schema.json", "./schemas/journey.schema.json"}


# Screenshots -------------------------------------------------------------------------------
@pytest.mark.parametrize("name", SCREENSHOTS)
def test_screenshots_are_1280_by_800_png(name: str) -> None:
    data = (DOCS / "assets/screenshots" / f"{name}.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1280, 800)


def test_docs_have_no_leftover_placeholders() -> None:
    for path in DOCS.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\{\{\w+\}\}|\bTODO\b|\bXXX\b", text), path
