"""The handbook comes out the same on every host a team may build it with.

MkDocs 1.6 is the last 1.x release (its 2.0 drops plugins), so the example handbook is built
with ``mkdocs build --strict`` and with ``properdocs build --strict`` (ProperDocs, the
maintained MkDocs 1.x fork, reading the same ``mkdocs.yml`` with the plugin unchanged), and
both sites must hold the same files with the same content: persona pages, gallery,
comparison, journeys, tracker, "Start here", the data feeds, avatars and social cards. Only
the generator tag, which names the host, may differ. Both hosts also fail ``--strict`` on the
plugin's warnings and stop on invalid files alike, and ``properdocs serve`` watches content
folders created while it runs, as ``mkdocs serve`` does (``test_preview.py``).
"""

from __future__ import annotations

import os
import queue
import re
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import FIXED_TODAY, BuildResult, write_project
from test_site_safety import Server, free_port

from mkdocs_persona_plugin.mkdocs.serve_watch import FolderWatcher, watch_folders
from mkdocs_persona_plugin.render.preview import NOTICE_ID

#: The hosts, by the module ``python -m`` runs (the same as their command names).
HOSTS = ("mkdocs", "properdocs")

HOME = """\
# Ledgerly handbook

[All personas](personas/index.md) · [Start here](personas/start-here.md) ·
[Compare](personas/compare.md) · [Journeys](journeys/index.md) · [Reviews](reviews/index.md)
"""
CONFIG = {
    "site_url": "https://handbook.example.com/",
    "repo_url": "https://github.com/example/handbook",
    "edit_uri": "edit/main/docs/",
}

#: Pages and files a team relies on, by their path in the built site.
KEY_FILES = (
    "index.html",
    "personas/index.html",
    "personas/start-here/index.html",
    "personas/margie/index.html",
    "personas/bruno/index.html",
    "personas/compare/index.html",
    "journeys/index.html",
    "journeys/fiona-first-invoice/index.html",
    "reviews/index.html",
    "personas.json",
    "journeys.json",
    "personas/compare-data.json",
    "reviews.json",
    "reviews.ics",
    "personas/assets/margie-96.webp",
    "personas/assets/margie-256.webp",
    "personas/assets/margie-card.png",
    "assets/persona/persona.css",
    "assets/persona/persona.js",
)
#: Built files that may differ between two builds of the same site (they carry the date).
DATED = ("sitemap.xml", "sitemap.xml.gz")


def host_env() -> dict[str, str]:
    """The environment for a host: without the end-of-life and fork notices."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def build(host: str, project: Path, *, strict: bool = True) -> BuildResult:
    """``<host> build`` run in ``project`` as a user runs it (no ``-f``: the host finds
    ``mkdocs.yml`` itself)."""
    cmd = [sys.executable, "-m", host, "build"]
    if strict:
        cmd.append("--strict")
    proc = subprocess.run(
        cmd, cwd=project, capture_output=True, text=True, env=host_env(), timeout=600
    )
    return BuildResult(project, project / "site", proc.returncode, proc.stdout + proc.stderr)


def plugin_lines(log: str) -> list[str]:
    """The lines the persona plugin logged (level and message), in order."""
    found = []
    for line in log.splitlines():
        level, _, message = line.partition(" -  ")
        if message.startswith("mkdocs_persona_plugin:"):
            found.append(f"{level.strip()} {message}")
    return found


def files_of(site: Path) -> set[str]:
    """Every file of a built site, as a path relative to it."""
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def squeeze(text: str) -> str:
    """``text`` with every run of whitespace made one space."""
    return re.sub(r"\s+", " ", text).strip()


def page_view(html: str) -> dict[str, Any]:
    """What a reader gets from a page, without what names the host: the title, the head's
    meta tags (description, social preview) but the generator, the navigation's labels and
    links, and the main content (its text and its markup)."""
    soup = BeautifulSoup(html, "html.parser")
    metas = sorted(
        (str(m.get("name") or m.get("property") or ""), str(m.get("content") or ""))
        for m in soup.find_all("meta")
        if m.get("name") != "generator"
    )
    nav = soup.select_one("nav.md-nav--primary")
    links = [(squeeze(a.get_text()), a.get("href")) for a in nav.find_all("a")] if nav else []
    main = soup.select_one("article.md-content__inner")
    assert main is not None, "no main content"
    return {
        "title": squeeze(soup.title.get_text()) if soup.title else "",
        "meta": metas,
        "nav": links,
        "text": squeeze(main.get_text(" ")),
        "markup": squeeze(str(main)),
    }


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BuildResult]:
    """The example handbook built by each host from the same files, one image cache shared."""
    cache = tmp_path_factory.mktemp("hosts-cache")
    built = {}
    for host in HOSTS:
        project = write_project(
            tmp_path_factory.mktemp(host),
            example=True,
            docs={"index.md": HOME},
            plugin={"cache_dir": str(cache)},
            config=CONFIG,
        )
        result = build(host, project)
        assert result.returncode == 0, f"{host} build --strict failed:\n{result.log}"
        built[host] = result
    return built


def test_every_host_publishes_the_whole_handbook(sites: dict[str, BuildResult]) -> None:
    for host, result in sites.items():
        missing = [name for name in KEY_FILES if not (result.site / name).is_file()]
        assert missing == [], host
    mkdocs, properdocs = (files_of(sites[host].site) for host in HOSTS)
    assert properdocs == mkdocs
    personas = sorted(p.stem for p in (sites["mkdocs"].project / "personas").glob("*.yaml"))
    for persona in personas:
        for name in (f"{persona}/index.html", f"assets/{persona}-256.webp",
                     f"assets/{persona}-card.png"):
            assert f"personas/{name}" in mkdocs, name


def test_every_page_reads_the_same_on_every_host(sites: dict[str, BuildResult]) -> None:
    mkdocs, properdocs = (sites[host] for host in HOSTS)
    pages = sorted(name for name in files_of(mkdocs.site) if name.endswith(".html"))
    assert len(pages) > 20
    for name in pages:
        assert page_view(properdocs.html(name)) == page_view(mkdocs.html(name)), name


def test_feeds_and_images_are_identical_on_every_host(sites: dict[str, BuildResult]) -> None:
    mkdocs, properdocs = (sites[host] for host in HOSTS)
    different = [
        name
        for name in sorted(files_of(mkdocs.site))
        if not name.endswith(".html")
        and name not in DATED
        and (mkdocs.site / name).read_bytes() != (properdocs.site / name).read_bytes()
    ]
    assert different == []


def test_the_build_log_says_the_same_on_every_host(sites: dict[str, BuildResult]) -> None:
    mkdocs, properdocs = (plugin_lines(sites[host].log) for host in HOSTS)
    assert mkdocs  # the review summary
    assert properdocs == mkdocs


# Failures -----------------------------------------------------------------------------------
OVERDUE = "name: Finance Manager Margie\nowner: '@team'\nlast_reviewed: 2024-01-10\n"
INVALID = "name: Finance Manager Margie\nowner: '@team'\nlast_reviewed: 2026-06-01\nshare: 101\n"


@pytest.mark.parametrize(
    ("persona", "plugin"),
    [(OVERDUE, {"warn_overdue": True}), (INVALID, {})],
    ids=["strict-warning", "invalid-file"],
)
def test_every_host_stops_on_the_same_problems(
    tmp_path: Path, persona: str, plugin: dict[str, Any]
) -> None:
    results = {}
    for host in HOSTS:
        project = write_project(
            tmp_path / host, personas={"margie.yaml": persona}, plugin={"images": False, **plugin}
        )
        results[host] = build(host, project)
        assert results[host].returncode == 1, f"{host} built despite the problem"
        if not plugin:  # invalid files stop the build before anything is written
            assert not (project / "site").exists(), host
    mkdocs, properdocs = (
        [line for line in results[host].log.splitlines() if "personas/margie.yaml" in line]
        for host in HOSTS
    )
    assert mkdocs  # the problem, naming the file
    assert properdocs == mkdocs


# Serving -------------------------------------------------------------------------------------
class HostServer(Server):
    """``<host> serve`` in a subprocess (:class:`Server` runs ``mkdocs serve``)."""

    def __init__(self, host: str, project: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", host, "serve", "-a", f"127.0.0.1:{self.port}"],
            cwd=project,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=host_env(),
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.log: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()


def _title(html: str) -> str:
    h1 = BeautifulSoup(html, "html.parser").find("h1")
    return h1.get_text(strip=True) if h1 else ""


def test_properdocs_serve_shows_new_content_folders_and_problems(tmp_path: Path) -> None:
    margie = f"name: Finance Manager Margie\nowner: '@team'\nlast_reviewed: {FIXED_TODAY}\n"
    project = write_project(tmp_path, personas={"margie.yaml": margie}, plugin={"images": False})
    (project / "journeys").rmdir()
    server = HostServer("properdocs", project)
    try:
        server.wait_for("the first build", lambda: server.get("personas/margie/")[0] == 200)
        (project / "journeys").mkdir()
        (project / "journeys" / "close.yaml").write_text(
            "title: Month-end close\npersona: margie\nstages:\n  - name: Prepare\n",
            encoding="utf-8",
        )
        server.wait_for("the new journey", lambda: server.get("journeys/close/")[0] == 200)
        assert _title(server.get("journeys/close/")[1]) == "Month-end close"

        (project / "personas" / "margie.yaml").write_text(margie + "share: 101\n")
        server.wait_for(
            "the preview notice", lambda: "share" in _notice(server.get("personas/")[1])
        )
        assert _title(server.get("personas/margie/")[1]) == "Finance Manager Margie"
    finally:
        server.stop()


def _notice(html: str) -> str:
    """The text of the preview notice on a served page ('' without one)."""
    notice = BeautifulSoup(html, "html.parser").find(id=NOTICE_ID)
    return notice.get_text(" ") if notice else ""


@pytest.mark.parametrize("host", HOSTS)
def test_serve_watcher_drives_each_hosts_reload_server(host: str, tmp_path: Path) -> None:
    """The folder watcher asks each host's live-reload server for rebuilds itself (and so
    sees folders created later), rather than falling back to ``server.watch``."""
    livereload = pytest.importorskip(f"{host}.livereload")
    server = livereload.LiveReloadServer(
        builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path)
    )
    watcher = watch_folders(server, [tmp_path / "personas", tmp_path / "journeys"])
    assert isinstance(watcher, FolderWatcher)
    assert watcher.watched == [(str(tmp_path), False)]
