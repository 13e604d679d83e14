"""Shared fixtures: build real sites in temporary folders, serve them, drive Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import socketserver
import subprocess
import sys
import tempfile
import textwrap
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
FIXED_TODAY = "2026-11-29"
#: The cache folder of handbooks rendered in-process (compiled templates): never the repository.
SCRATCH_CACHE = Path(tempfile.gettempdir()) / "mkdocs-persona-plugin-tests" / "cache"


@dataclass
class BuildResult:
    """The outcome of one ``mkdocs build`` run."""

    project: Path
    site: Path
    returncode: int
    log: str

    def html(self, path: str) -> str:
        """The text of a built file, e.g. ``personas/hannah/index.html``."""
        return (self.site / path).read_text(encoding="utf-8")

    def soup(self, path: str) -> Any:
        """The built file parsed with BeautifulSoup."""
        from bs4 import BeautifulSoup

        return BeautifulSoup(self.html(path), "html.parser")


def write_project(
    root: Path,
    *,
    personas: dict[str, str] | None = None,
    journeys: dict[str, str] | None = None,
    plugin: dict[str, Any] | None = None,
    config: dict[str, Any] | None = None,
    example: bool = False,
    docs: dict[str, str] | None = None,
) -> Path:
    """Create a project folder: mkdocs.yml, docs/, personas/ and journeys/.

    ``example=True`` copies the repository's example handbook; ``personas``/``journeys`` map a
    file name to YAML text (dedented) and are written on top.
    """
    root.mkdir(parents=True, exist_ok=True)
    if example:
        shutil.copytree(REPO / "personas", root / "personas", dirs_exist_ok=True)
        shutil.copytree(REPO / "journeys", root / "journeys", dirs_exist_ok=True)
    (root / "personas").mkdir(exist_ok=True)
    (root / "journeys").mkdir(exist_ok=True)
    for name, text in (personas or {}).items():
        (root / "personas" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    for name, text in (journeys or {}).items():
        (root / "journeys" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    (root / "docs").mkdir(exist_ok=True)
    for name, text in (docs or {"index.md": "# Home\n"}).items():
        target = root / "docs" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text), encoding="utf-8")
    options = {"today": FIXED_TODAY, **(plugin or {})}
    cfg: dict[str, Any] = {
        "site_name": "Test handbook",
        "theme": {"name": "material"},
        "plugins": ["search", {"persona": options}],
        **(config or {}),
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(cfg, sort_keys=False), encoding="utf-8")
    return root


def run_build(project: Path, *args: str, strict: bool = True) -> BuildResult:
    """Run ``mkdocs build`` (``--strict`` by default) in a subprocess, as a user would."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml")]
    if strict:
        cmd.append("--strict")
    cmd.extend(args)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    proc = subprocess.run(cmd, cwd=project, capture_output=True, text=True, env=env, timeout=600)
    return BuildResult(project, project / "site", proc.returncode, proc.stdout + proc.stderr)


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the ``mkdocs-persona`` command line in ``cwd``."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs_persona_plugin.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def render_example(**options: Any) -> dict[str, Any]:
    """The example handbook's outputs by ``src_uri``, generated in-process (images off)."""
    import datetime as dt

    from mkdocs_persona_plugin.core.loader import load_handbook
    from mkdocs_persona_plugin.core.options import HandbookOptions
    from mkdocs_persona_plugin.render.build import build_outputs

    today = dt.date.fromisoformat(FIXED_TODAY)
    opts = HandbookOptions(
        project_root=REPO,
        personas_dir=REPO / "personas",
        journeys_dir=REPO / "journeys",
        cache_dir=SCRATCH_CACHE,
        today=today,
        **options,
    )
    handbook = load_handbook(REPO / "personas", REPO / "journeys", root=REPO, today=today)
    return {o.src_uri: o for o in build_outputs(handbook, opts, images=None)}


def project_outputs(root: Path, today: Any = None, **options: Any) -> dict[str, Any]:
    """The outputs of the project at ``root`` by ``src_uri``, generated in-process (images
    off unless ``images`` is given); ``today`` defaults to :data:`FIXED_TODAY`."""
    import datetime as dt

    from mkdocs_persona_plugin.core.loader import load_handbook
    from mkdocs_persona_plugin.core.options import HandbookOptions
    from mkdocs_persona_plugin.render.build import build_outputs

    today = today or dt.date.fromisoformat(FIXED_TODAY)
    images = options.pop("images", None)
    opts = HandbookOptions(
        project_root=root,
        personas_dir=root / "personas",
        journeys_dir=root / "journeys",
        cache_dir=root / ".cache",
        today=today,
        **options,
    )
    handbook = load_handbook(opts.personas_dir, opts.journeys_dir, root=root, today=today)
    return {o.src_uri: o for o in build_outputs(handbook, opts, images=images)}


@pytest.fixture(params=["c", "python"])
def parser(request: pytest.FixtureRequest) -> Iterator[str]:
    """Run the test with libyaml's C parser (when PyYAML has it) and the pure-Python one."""
    from mkdocs_persona_plugin.core import yamlsafe

    if request.param == "c":
        if not yamlsafe.is_c_loader():
            pytest.skip("PyYAML was built without libyaml")
        yield "c"
    else:
        with yamlsafe.pure_python():
            yield "python"


def body_soup(output: Any) -> Any:
    """The HTML body of a generated page, parsed with BeautifulSoup."""
    from bs4 import BeautifulSoup

    assert isinstance(output.content, str)
    return BeautifulSoup(output.full_body(), "html.parser")


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The repository's example handbook, built once with ``--strict`` and a fixed today."""
    root = tmp_path_factory.mktemp("example")
    project = write_project(root, example=True)
    shutil.copy(REPO / "docs" / "index.md", project / "docs" / "index.md")
    result = run_build(project)
    assert result.returncode == 0, result.log
    return result


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def free_port() -> int:
    """A free TCP port on 127.0.0.1: for a site whose ``site_url`` must name its server before
    the build (Material navigates instantly only when it does)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def serve(folder: Path, port: int = 0) -> tuple[str, socketserver.TCPServer]:
    """Serve ``folder`` on 127.0.0.1 (``port``, or a random free one) in a background thread."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


@pytest.fixture(scope="session")
def example_url(example_site: BuildResult) -> Iterator[str]:
    """URL of the example handbook served over HTTP (search needs a real server)."""
    url, server = serve(example_site.site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Chromium (Debian's package) driven by Playwright.

    Uses Debian's ``/usr/bin/chromium`` when present, else Playwright's own download.
    Missing Chromium fails the run in CI (``CI`` set) and skips the browser tests elsewhere.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        executable = str(CHROMIUM) if CHROMIUM.exists() else None
        if executable is None and not Path(pw.chromium.executable_path).exists():
            message = "Chromium not found: run scripts/test, which installs it"
            if os.environ.get("CI"):
                pytest.fail(message)
            pytest.skip(message)
        instance = pw.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh browser page that records console errors in ``page.console_errors``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.console_errors = errors
    yield pg
    context.close()
