"""``mkdocs-persona generate``: the handbook as Markdown pages for hosts without the plugin.

The command writes the plugin's pages, images, data files, stylesheets, scripts and a
navigation snippet into a folder of ``docs/``. These tests check what a team relies on: the
same text as the plugin's pages once Zensical, or MkDocs or ProperDocs without the plugin,
builds them; links that resolve; a folder it can rewrite again and again without touching
hand-written pages; ``--check`` for CI; and nothing written when the data is invalid.
"""

from __future__ import annotations

import importlib.util
import json
import os
import posixpath
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import FIXED_TODAY, BuildResult, run_cli, write_project

from mkdocs_persona_plugin.cli import main
from mkdocs_persona_plugin.generator import MANIFEST

MARGIE = """\
name: Finance Manager Margie
owner: "@finance"
last_reviewed: 2026-03-14
related: [hannah]
"""
HANNAH = """\
name: Head of Finance Hannah
type: decision-maker
owner: "@finance"
last_reviewed: 2025-01-10
"""
CLOSE = """\
title: Month-end close
persona: margie
stages:
  - name: Research
    emotion: -1
  - name: Decide
    emotion: 1
"""
QUICK = {"images": False}  # most tests need no avatars; the host builds below have them

#: The pages compared with the plugin's build, by their path in the site below the handbook.
KEY_PAGES = (
    "personas/index.html",
    "personas/start-here/index.html",
    "personas/margie/index.html",
    "personas/bruno/index.html",
    "personas/compare/index.html",
    "journeys/index.html",
    "journeys/fiona-first-invoice/index.html",
    "journeys/fiona-first-invoice-future/index.html",
    "reviews/index.html",
)
#: The data feeds, by their path below the handbook.
FEEDS = (
    "personas.json",
    "journeys.json",
    "personas/compare-data.json",
    "reviews.json",
    "reviews.ics",
)
#: Files a team links to or fetches, by their path below the handbook.
KEY_FILES = (
    *FEEDS,
    "assets/persona.css",
    "assets/persona.js",
    "assets/compare.js",
    "assets/reviews.js",
    "assets/journey.css",
    "personas/assets/margie-card.png",
)


def small_project(root: Path, **plugin: Any) -> Path:
    """Two personas and a journey; images off unless ``plugin`` says otherwise."""
    return write_project(
        root,
        personas={"margie.yaml": MARGIE, "hannah.yaml": HANNAH},
        journeys={"close.yaml": CLOSE},
        plugin={**QUICK, **plugin},
    )


Generate = Callable[..., tuple[int, str, str]]


@pytest.fixture
def generate(monkeypatch: pytest.MonkeyPatch, capsys: Any) -> Generate:
    """``generate(project, *args)`` runs ``mkdocs-persona generate ARGS`` in ``project`` and
    gives its exit status, stdout and stderr."""

    def run(project: Path, *args: str) -> tuple[int, str, str]:
        monkeypatch.chdir(project)
        code = main(["generate", *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def drop_hannah(project: Path) -> None:
    """Delete Hannah's file (and Margie's link to her)."""
    (project / "personas" / "hannah.yaml").unlink()
    (project / "personas" / "margie.yaml").write_text(
        MARGIE.replace("related: [hannah]\n", ""), encoding="utf-8"
    )


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file below ``folder`` (hidden ones too): its bytes and modification time."""
    if not folder.exists():
        return {}
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def manifest_files(folder: Path) -> set[str]:
    return set(json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["files"])


# What is written -----------------------------------------------------------------------------
def test_writes_pages_feeds_assets_and_navigation(tmp_path: Path, generate: Generate) -> None:
    project = small_project(tmp_path)
    code, out, err = generate(project)
    assert (code, err) == (0, "")
    handbook = project / "docs" / "handbook"
    assert out.startswith("docs/handbook: ")
    for rel in (
        "personas/index.md",
        "personas/start-here/index.md",
        "personas/compare/index.md",
        "personas/margie/index.md",
        "journeys/index.md",
        "journeys/close/index.md",
        "reviews/index.md",
        *FEEDS,
        "assets/persona.css",
        "assets/reviews.js",
        "nav.yml",
        "nav.toml",
    ):
        assert (handbook / rel).is_file(), rel
    # Every written file is in the manifest, and nothing else.
    written = {p.relative_to(handbook).as_posix() for p in handbook.rglob("*") if p.is_file()}
    assert manifest_files(handbook) == written - {MANIFEST}
    # A page: its title for the host, a note for people who open it, its HTML as one block.
    page = (handbook / "personas" / "margie" / "index.md").read_text(encoding="utf-8")
    front, body = page.split("\n---\n", 1)
    assert yaml.safe_load(front.removeprefix("---\n"))["title"] == "Finance Manager Margie"
    assert "mkdocs-persona generate" in front
    assert body.strip().startswith('<div class="pp-generated">')
    assert body.strip().endswith("</div>")
    assert '<link rel="stylesheet" href="../../assets/persona.css">' in body
    assert '<script src="../../assets/reviews.js" defer></script>' in body
    assert 'href="../hannah/"' in body  # the related persona, relative to the page


def test_navigation_snippet_lists_the_plugins_sections(tmp_path: Path, generate: Generate) -> None:
    project = small_project(tmp_path)
    assert generate(project)[0] == 0
    handbook = project / "docs" / "handbook"
    nav = yaml.safe_load((handbook / "nav.yml").read_text(encoding="utf-8"))
    assert [next(iter(entry)) for entry in nav] == ["Personas", "Journeys", "Review tracker"]
    personas = nav[0]["Personas"]
    assert {"Finance Manager Margie": "handbook/personas/margie/index.md"} in personas
    assert nav[2] == {"Review tracker": "handbook/reviews/index.md"}
    for entry in personas:
        assert (project / "docs" / next(iter(entry.values()))).is_file()
    if sys.version_info >= (3, 11):
        import tomllib

        toml = tomllib.loads((handbook / "nav.toml").read_text(encoding="utf-8"))
        assert toml["nav"] == nav


def test_the_plugins_options_apply(tmp_path: Path, generate: Generate) -> None:
    project = small_project(tmp_path, compare=False, tracker=False, nav="gallery")
    assert generate(project)[0] == 0
    handbook = project / "docs" / "handbook"
    assert not (handbook / "personas" / "compare").exists()
    assert not (handbook / "reviews").exists()
    assert not (handbook / "reviews.ics").exists()
    gallery = (handbook / "personas" / "index.md").read_text(encoding="utf-8")
    assert "compare" not in BeautifulSoup(gallery, "html.parser").get_text().lower()
    nav = yaml.safe_load((handbook / "nav.yml").read_text(encoding="utf-8"))
    assert nav[0] == {
        "Personas": [
            {"Personas": "handbook/personas/index.md"},
            {"Start here": "handbook/personas/start-here/index.md"},
        ]
    }


def test_docs_dir_from_the_configuration_and_folder_argument(
    tmp_path: Path, generate: Generate
) -> None:
    project = small_project(tmp_path)
    (project / "docs").rename(project / "content")
    cfg = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    (project / "mkdocs.yml").write_text(yaml.safe_dump({**cfg, "docs_dir": "content"}))
    assert generate(project)[0] == 0
    assert (project / "content" / "handbook" / "personas" / "margie" / "index.md").is_file()
    code, _, _ = generate(project, "content/team/people")
    assert code == 0
    nav = (project / "content" / "team" / "people" / "nav.yml").read_text(encoding="utf-8")
    assert "team/people/personas/margie/index.md" in nav
    exported = json.loads(
        (project / "content" / "team" / "people" / "personas.json").read_text(encoding="utf-8")
    )
    assert exported["personas"][0]["url"].startswith("team/people/personas/")


def test_reads_zensical_toml_when_there_is_no_mkdocs_yml(
    tmp_path: Path, generate: Generate
) -> None:
    pytest.importorskip("tomllib", reason="zensical.toml is read with tomllib (Python 3.11+)")
    project = small_project(tmp_path)
    (project / "mkdocs.yml").unlink()
    (project / "zensical.toml").write_text(
        '[project]\nsite_name = "Handbook"\ndocs_dir = "site-src"\n\n'
        "[project.plugins.persona]\ntracker = false\nimages = false\n",
        encoding="utf-8",
    )
    (project / "site-src").mkdir()
    code, _, err = generate(project, "--today", FIXED_TODAY)
    assert (code, err) == (0, "")
    handbook = project / "site-src" / "handbook"
    assert (handbook / "personas" / "margie" / "index.md").is_file()
    assert not (handbook / "reviews").exists()


# Idempotent and deterministic ------------------------------------------------------------------
def test_a_second_run_changes_nothing(tmp_path: Path, generate: Generate) -> None:
    project = small_project(tmp_path, images=True)
    assert generate(project)[0] == 0
    handbook = project / "docs" / "handbook"
    before = snapshot(handbook)
    code, out, _ = generate(project)
    assert code == 0
    assert "0 files written, 0 removed" in out
    assert snapshot(handbook) == before  # same bytes, same modification times


def test_same_input_gives_the_same_bytes(tmp_path: Path, generate: Generate) -> None:
    first = small_project(tmp_path / "a", images=True)
    second = small_project(tmp_path / "b", images=True)
    for project in (first, second):
        assert generate(project)[0] == 0
    files = {k: v[0] for k, v in snapshot(first / "docs" / "handbook").items()}
    assert files == {k: v[0] for k, v in snapshot(second / "docs" / "handbook").items()}


# Safe: only its own files ----------------------------------------------------------------------
def test_hand_written_pages_are_left_alone(tmp_path: Path, generate: Generate) -> None:
    project = small_project(tmp_path)
    handbook = project / "docs" / "handbook"
    handbook.mkdir(parents=True)
    (handbook / "intro.md").write_text("# Our handbook\n", encoding="utf-8")
    (handbook / "personas").mkdir()
    (handbook / "personas" / "notes.md").write_text("# Notes\n", encoding="utf-8")
    assert generate(project)[0] == 0
    drop_hannah(project)
    assert generate(project)[0] == 0
    assert (handbook / "intro.md").read_text(encoding="utf-8") == "# Our handbook\n"
    assert (handbook / "personas" / "notes.md").read_text(encoding="utf-8") == "# Notes\n"
    assert not {"intro.md", "personas/notes.md"} & manifest_files(handbook)


def test_files_no_longer_generated_are_removed(tmp_path: Path, generate: Generate) -> None:
    project = small_project(tmp_path)
    assert generate(project)[0] == 0
    handbook = project / "docs" / "handbook"
    assert (handbook / "personas" / "hannah" / "index.md").is_file()
    drop_hannah(project)
    code, out, _ = generate(project)
    assert code == 0 and "1 removed" in out
    assert not (handbook / "personas" / "hannah").exists()  # its empty folder too
    assert "personas/hannah/index.md" not in manifest_files(handbook)


def test_refuses_to_overwrite_a_file_it_did_not_write(tmp_path: Path, generate: Generate) -> None:
    project = small_project(tmp_path)
    handbook = project / "docs" / "handbook"
    (handbook / "personas").mkdir(parents=True)
    (handbook / "personas" / "index.md").write_text("# Our own gallery\n", encoding="utf-8")
    before = snapshot(handbook)
    code, out, err = generate(project)
    assert code == 1 and out == ""
    assert "docs/handbook/personas/index.md" in err
    assert "in the way" in err
    assert snapshot(handbook) == before  # nothing written, not even the manifest


def test_never_writes_through_a_symbolic_link(tmp_path: Path, generate: Generate) -> None:
    project = small_project(tmp_path / "project")
    outside = tmp_path / "outside"
    outside.mkdir()
    handbook = project / "docs" / "handbook"
    handbook.mkdir(parents=True)
    (handbook / "journeys").symlink_to(outside, target_is_directory=True)
    code, _, err = generate(project)
    assert code == 1
    assert "docs/handbook/journeys/index.md" in err
    assert list(outside.iterdir()) == []
    assert not (handbook / MANIFEST).exists()


@pytest.mark.parametrize(
    ("folder", "message"),
    [
        ("../elsewhere", "outside the project folder"),
        ("docs", "the docs folder itself"),
        ("handbook", "not inside the docs folder"),
    ],
)
def test_refuses_a_folder_outside_the_docs_folder(
    tmp_path: Path, generate: Generate, folder: str, message: str
) -> None:
    project = small_project(tmp_path / "project")
    before = snapshot(tmp_path)
    code, out, err = generate(project, folder)
    assert (code, out) == (1, "")
    assert message in err
    assert snapshot(tmp_path) == before


# --check ---------------------------------------------------------------------------------------
def test_check_passes_when_up_to_date_and_lists_what_is_stale(
    tmp_path: Path, generate: Generate
) -> None:
    project = small_project(tmp_path)
    handbook = project / "docs" / "handbook"
    code, out, _ = generate(project, "--check")
    assert code == 1 and "missing: docs/handbook/personas/margie/index.md" in out
    assert not handbook.exists()
    assert generate(project)[0] == 0
    code, out, _ = generate(project, "--check")
    assert code == 0 and out.startswith("docs/handbook is up to date")
    (project / "personas" / "margie.yaml").write_text(
        MARGIE.replace("Finance Manager", "Finance Lead"), encoding="utf-8"
    )
    drop_hannah(project)
    before = snapshot(handbook)
    code, out, _ = generate(project, "--check")
    assert code == 1
    assert "changed: docs/handbook/personas/margie/index.md" in out
    assert "no longer generated: docs/handbook/personas/hannah/index.md" in out
    assert snapshot(handbook) == before


def test_check_uses_the_date_the_folder_was_generated_for(
    tmp_path: Path, generate: Generate, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A day passing does not make the folder stale: the scripts refresh the review states."""
    project = small_project(tmp_path, today=None)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    code, out, _ = generate(project, "--today", "2026-05-04")
    assert code == 0 and "as of 2026-05-04" in out
    code, out, _ = generate(project, "--check")
    assert code == 0, out
    code, out, _ = generate(project, "--check", "--today", "2026-09-01")
    assert code == 1
    assert "changed: docs/handbook/reviews/index.md" in out


def test_check_reports_a_file_in_the_way(tmp_path: Path, generate: Generate) -> None:
    project = small_project(tmp_path)
    assert generate(project)[0] == 0
    handbook = project / "docs" / "handbook"
    manifest = json.loads((handbook / MANIFEST).read_text(encoding="utf-8"))
    del manifest["files"]["reviews.ics"]
    (handbook / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    code, out, _ = generate(project, "--check")
    assert code == 1 and "not written by generate: docs/handbook/reviews.ics" in out


# Invalid data or options: nothing written ----------------------------------------------------
def test_invalid_data_writes_nothing_and_lists_every_problem(
    tmp_path: Path, generate: Generate
) -> None:
    project = small_project(tmp_path)
    assert generate(project)[0] == 0
    handbook = project / "docs" / "handbook"
    before = snapshot(handbook)
    (project / "personas" / "margie.yaml").write_text(MARGIE + "type: bayer\n", encoding="utf-8")
    (project / "journeys" / "close.yaml").write_text(
        CLOSE.replace("persona: margie", "persona: margi"), encoding="utf-8"
    )
    code, out, err = generate(project)
    validate = run_cli("validate", cwd=project)
    assert code == 1
    assert out == validate.stdout  # the same problems, in the same words
    assert "type: 'bayer' is not allowed" in out and "margi" in out
    assert err == "2 problems found; nothing written.\n"
    assert snapshot(handbook) == before


@pytest.mark.parametrize(
    ("plugin", "message"),
    [
        (
            {"comparisons": [{"title": "Finance", "personas": ["margie", "hanah"]}]},
            "no persona with id 'hanah'",
        ),
        ({"review_every": "sometimes"}, "review_every: 'sometimes' is not a review interval"),
        ({"gallery": "yes"}, "gallery: expected true or false"),
    ],
)
def test_invalid_options_write_nothing(
    tmp_path: Path,
    generate: Generate,
    plugin: dict[str, Any],
    message: str,
) -> None:
    project = small_project(tmp_path, **plugin)
    code, out, err = generate(project)
    assert (code, out) == (1, "")
    assert message in err
    assert not (project / "docs" / "handbook").exists()


# The hosts build it ---------------------------------------------------------------------------
def _host_build(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    return subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, env=env, timeout=600, check=False
    )


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example handbook generated into ``docs/handbook`` of a fresh project (its
    mkdocs.yml is the one the plugin build uses, so the same options apply)."""
    project = write_project(tmp_path_factory.mktemp("generated"), example=True)
    result = run_cli("generate", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def _without_plugin(generated: Path, host: str) -> Path:
    """The generated handbook built by ``<host> build --strict`` without the plugin: a
    configuration that inherits mkdocs.yml and lists only the search plugin (as the guide
    shows), with the navigation snippet and no Markdown extensions."""
    nav = yaml.safe_load((generated / "docs/handbook/nav.yml").read_text(encoding="utf-8"))
    config = {
        "INHERIT": "mkdocs.yml",
        "plugins": ["search"],
        "site_dir": f"site-{host}",
        "nav": [{"Home": "index.md"}, *nav],
    }
    name = f"{host}.files.yml"
    (generated / name).write_text(yaml.safe_dump(config, sort_keys=False))
    result = _host_build([sys.executable, "-m", host, "build", "--strict", "-f", name], generated)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "persona" not in (result.stdout + result.stderr).lower()  # the plugin did not run
    return generated / f"site-{host}"


@pytest.fixture(scope="module")
def mkdocs_site(generated: Path) -> Path:
    """The generated handbook built by MkDocs without the plugin."""
    return _without_plugin(generated, "mkdocs")


@pytest.fixture(scope="module")
def properdocs_site(generated: Path) -> Path:
    """The generated handbook built by ProperDocs (the MkDocs 1.x fork) without the plugin."""
    if importlib.util.find_spec("properdocs") is None:
        pytest.skip("properdocs is not installed")
    return _without_plugin(generated, "properdocs")


@pytest.fixture(scope="module")
def zensical_site(generated: Path) -> Path:
    """The generated handbook built by ``zensical build --strict`` from a zensical.toml with
    the navigation snippet (Zensical's default Markdown extensions)."""
    if importlib.util.find_spec("zensical") is None:
        pytest.skip("zensical is not installed (it needs Python 3.11 or later)")
    nav = (generated / "docs/handbook/nav.toml").read_text(encoding="utf-8")
    (generated / "zensical.toml").write_text(
        '[project]\nsite_name = "Test handbook"\nsite_dir = "site-zensical"\n' + nav,
        encoding="utf-8",
    )
    result = _host_build(
        [sys.executable, "-m", "zensical", "build", "--strict", "-f", "zensical.toml"],
        generated,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return generated / "site-zensical"


@pytest.fixture(scope="module", params=["mkdocs", "properdocs", "zensical"])
def host_site(request: pytest.FixtureRequest) -> Iterator[Path]:
    """The generated handbook as each host built it."""
    yield request.getfixturevalue(f"{request.param}_site")


def _words(node: Any) -> str:
    return " ".join(node.get_text(" ").split())


def plugin_text(site: BuildResult, page: str) -> str:
    """The visible text of a page's content in the plugin's build (theme chrome left out)."""
    article = site.soup(page).select_one("article.md-content__inner")
    for chrome in article.select(".md-content__button, .md-source-file, a.headerlink"):
        chrome.decompose()
    return _words(article)


def generated_text(site: Path, page: str) -> str:
    """The visible text of the generated block of a page a host built."""
    soup = BeautifulSoup((site / "handbook" / page).read_text(encoding="utf-8"), "html.parser")
    return _words(soup.select_one("article .pp-generated"))


@pytest.mark.parametrize("page", KEY_PAGES)
def test_hosts_show_the_same_text_as_the_plugin(
    example_site: BuildResult, host_site: Path, page: str
) -> None:
    assert generated_text(host_site, page) == plugin_text(example_site, page)


def test_hosts_publish_the_feeds_images_and_assets(host_site: Path, generated: Path) -> None:
    for rel in KEY_FILES:
        published = host_site / "handbook" / rel
        assert published.is_file(), rel
        assert published.read_bytes() == (generated / "docs" / "handbook" / rel).read_bytes()
    assert not (host_site / "handbook" / MANIFEST).exists()


def test_hosts_give_the_page_its_title(host_site: Path) -> None:
    soup = BeautifulSoup(
        (host_site / "handbook/personas/margie/index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    assert soup.title is not None and soup.title.get_text().startswith("Finance Manager Margie")
    assert len(soup.select("article h1")) == 1  # the page's own, not a second from the theme


def _target(site: Path, page: str, url: str) -> tuple[Path, str] | None:
    """The file a relative ``url`` on ``page`` leads to, and its fragment (None: external)."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith(("/", "#")) or not parts.path:
        return None
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page), parts.path))
    if parts.path.endswith("/"):
        path += "/index.html"
    return site / path, parts.fragment


def test_links_between_generated_pages_resolve(host_site: Path) -> None:
    """Every link, image, stylesheet and script of a generated page, and every address the
    comparison's data gives its script, leads to a file (and to an id on it)."""
    broken = []
    pages = sorted((host_site / "handbook").rglob("index.html"))
    assert len(pages) > 15
    for file in pages:
        page = file.relative_to(host_site).as_posix()
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        block = soup.select_one(".pp-generated")
        urls = [el.get("href") or el.get("src") for el in block.select("[href], [src]")]
        urls += [el["data-src"] for el in block.select("[data-src]")]
        for url in urls:
            found = _target(host_site, page, url)
            if found is None:
                continue
            target, fragment = found
            if not target.is_file():
                broken.append(f"{page}: {url}")
            elif fragment and target.suffix == ".html":
                ids = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
                if ids.find(id=fragment) is None:
                    broken.append(f"{page}: {url} (no id {fragment})")
    data = json.loads((host_site / "handbook/personas/compare-data.json").read_text("utf-8"))
    compare_page = "handbook/personas/compare/index.html"
    for record in data["personas"]:
        for url in (record.get("url"), record.get("avatar")):
            found = _target(host_site, compare_page, url) if url else None
            if found is not None and not found[0].is_file():
                broken.append(f"compare-data.json: {url}")
    assert broken == []
