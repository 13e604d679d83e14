"""A failed build never costs the last good site, and builds never write into content folders.

Also drives ``mkdocs serve`` (with live reload) on a copy of the example handbook: edits show
up, a broken file keeps the last good content on screen while the log says what is wrong, a
fix recovers, and editing one persona does not regenerate the other personas' images.
"""

from __future__ import annotations

import hashlib
import io
import os
import queue
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import run_build, write_project
from PIL import Image

BASE = "name: {name}\nowner: '@team'\nlast_reviewed: 2026-06-01\n"


def persona(name: str, extra: str = "") -> str:
    """A minimal valid persona file, plus ``extra`` lines."""
    return BASE.format(name=name) + extra


def snapshot(folder: Path) -> dict[str, tuple[int, str]]:
    """Every file and folder below ``folder``: relative path → (mtime in ns, SHA-256)."""
    found: dict[str, tuple[int, str]] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_dir() and not path.is_symlink():
            found[rel + "/"] = (path.stat().st_mtime_ns, "")
        else:
            found[rel] = (path.lstat().st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest())
    return found


def content_snapshot(project: Path) -> dict[str, dict[str, tuple[int, str]]]:
    """The content folders and the configuration, as :func:`snapshot` sees them."""
    snap = {name: snapshot(project / name) for name in ("personas", "journeys", "docs")}
    config = project / "mkdocs.yml"
    snap["mkdocs.yml"] = {"": (config.stat().st_mtime_ns, config.read_text())}
    snap["root"] = {p.name: (0, "") for p in project.iterdir()}
    return snap


def jpeg(colour: tuple[int, int, int], size: int = 300) -> bytes:
    """A valid JPEG photo."""
    out = io.BytesIO()
    Image.new("RGB", (size, size), colour).save(out, "JPEG")
    return out.getvalue()


# A failed build keeps the last good site -------------------------------------------------
def _break_data(project: Path) -> None:
    (project / "personas" / "mo.yaml").write_text("owner: '@team'\nlast_reviewed: 2026-06-01\n")


def _break_photo(project: Path) -> None:
    (project / "personas" / "photos" / "eve.jpg").write_bytes(b"not a photo any more")


def _break_comparison(project: Path) -> None:
    config = (project / "mkdocs.yml").read_text()
    pair = "comparisons:\n    - title: Pair\n      personas: [eve, nobody]\n    today:"
    (project / "mkdocs.yml").write_text(config.replace("today:", pair))


def _break_review(project: Path) -> None:
    config = (project / "mkdocs.yml").read_text()
    strict = config.replace("today:", "fail_on_overdue: true\n    today:")
    (project / "mkdocs.yml").write_text(strict)
    old = persona("Mo").replace("2026-06-01", "2020-01-01")
    (project / "personas" / "mo.yaml").write_text(old)


BREAKAGES: dict[str, tuple[Callable[[Path], None], str]] = {
    "invalid-data": (
        _break_data,
        "ERROR   -  Invalid persona data (1 problem):\n"
        "  personas/mo.yaml:1:1: name: missing required field 'name'\n",
    ),
    "unusable-photo": (
        _break_photo,
        "ERROR   -  Invalid persona data (1 problem):\n"
        "  personas/eve.yaml:4:8: photo: 'photos/eve.jpg' is not an image Pillow can read "
        "(supported formats: JPEG, PNG, WebP, GIF, AVIF, BMP, TIFF)\n",
    ),
    "bad-comparison": (
        _break_comparison,
        "ERROR   -  persona plugin: comparisons: no persona with id 'nobody'\n",
    ),
    "overdue-review": (
        _break_review,
        "ERROR   -  1 persona overdue for review (fail_on_overdue is on):\n"
        "  personas/mo.yaml: persona 'Mo' is 2158 days overdue for review (last reviewed "
        "2020-01-01, review was due 2021-01-01) — owner @team\n",
    ),
}


@pytest.mark.parametrize("case", list(BREAKAGES))
def test_failed_build_never_wipes_the_last_good_site(tmp_path: Path, case: str) -> None:
    project = write_project(
        tmp_path,
        personas={"eve.yaml": persona("Eve", "photo: photos/eve.jpg\n"), "mo.yaml": persona("Mo")},
    )
    (project / "personas" / "photos").mkdir()
    (project / "personas" / "photos" / "eve.jpg").write_bytes(jpeg((180, 40, 40)))
    first = run_build(project)
    assert first.returncode == 0, first.log
    before = snapshot(project / "site")
    assert "personas/eve/index.html" in before and "personas/assets/eve-256.webp" in before

    breaker, message = BREAKAGES[case]
    breaker(project)
    second = run_build(project)
    assert second.returncode == 1, second.log
    assert message in second.log
    assert "Cleaning site directory" not in second.log
    assert snapshot(project / "site") == before


def test_builds_write_nothing_into_content_folders(tmp_path: Path) -> None:
    project = write_project(
        tmp_path,
        example=True,
        docs={"index.md": "# Home\n", "guide/notes.md": "# Notes\n"},
        plugin={"cache_dir": ".cache/persona"},
    )
    before = content_snapshot(project)
    good = run_build(project)
    assert good.returncode == 0, good.log
    assert (project / "site" / "personas" / "margie" / "index.html").is_file()
    assert any((project / ".cache" / "persona").glob("avatar-margie-*"))
    after = content_snapshot(project)
    assert after["root"] == {**before["root"], "site": (0, ""), ".cache": (0, "")}
    assert after == {**before, "root": after["root"]}

    (project / "personas" / "margie.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    before = content_snapshot(project)
    bad = run_build(project)
    assert bad.returncode == 1, bad.log
    assert content_snapshot(project) == before


# mkdocs serve ----------------------------------------------------------------------------
def free_port() -> int:
    """A TCP port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """``mkdocs serve`` in a subprocess, its log collected by a background thread."""

    def __init__(self, project: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}"],
            cwd=project,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.log: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.lines.put(line)

    def drain(self) -> str:
        """Everything logged so far."""
        while True:
            try:
                self.log.append(self.lines.get_nowait())
            except queue.Empty:
                return "".join(self.log)

    def get(self, path: str) -> tuple[int, str]:
        """Status and text of a page (status 0 when nothing answers)."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as exc:
            return exc.code, ""
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return 0, ""

    def wait_for(self, what: str, check: Callable[[], bool], timeout: float = 60) -> None:
        """Poll ``check`` until it holds; fail after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, f"mkdocs serve exited:\n{self.drain()}"
            if check():
                return
            time.sleep(0.5)
        pytest.fail(f"timed out waiting for {what}; log:\n{self.drain()[-4000:]}")

    def stop(self) -> None:
        """Stop the server (the process we started, by its id)."""
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=20)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Server, Path]]:
    """A copy of the example handbook under ``mkdocs serve``, ready to answer."""
    project = write_project(tmp_path, example=True)
    server = Server(project)
    try:
        server.wait_for(
            "the first build", lambda: server.get("personas/ben/")[0] == 200, timeout=300
        )
        yield server, project
    finally:
        server.stop()


def _tagline(html: str) -> str:
    found = re.search(r'class="pp-tagline"[^>]*>(.*?)</', html, re.S)
    return found.group(1).strip() if found else ""


def test_serve_rebuilds_keeps_last_good_content_and_recovers(
    served: tuple[Server, Path],
) -> None:
    server, project = served
    ben = project / "personas" / "ben.yaml"
    original = ben.read_text(encoding="utf-8")
    cache = project / ".cache" / "plugin" / "persona"
    images_before = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    assert any(name.startswith("avatar-margie-") for name in images_before)

    edited = re.sub(r"(?m)^tagline: .*$", "tagline: Edited while serving, first time", original)
    ben.write_text(edited, encoding="utf-8")
    server.wait_for(
        "the edited tagline",
        lambda: _tagline(server.get("personas/ben/")[1]) == "Edited while serving, first time",
    )
    # Only Ben's social card shows the tagline: nobody else's images were drawn again.
    images_after = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    regenerated = sorted(
        name for name, mtime in images_after.items() if images_before.get(name) != mtime
    )
    assert [n for n in regenerated if not n.startswith("card-ben-")] == []
    assert len(regenerated) == 1

    seen = len(server.drain())
    ben.write_text(edited.replace("name: Bookkeeper Ben", "name: [unclosed"), encoding="utf-8")
    server.wait_for(
        "the log to name the broken file and the rebuild to finish",
        lambda: "personas/ben.yaml:2:7: invalid YAML" in server.drain()[seen:]
        and "still unresolved" in server.drain()[seen:],
    )
    assert "the preview shows the last valid version" in server.drain()[seen:]
    status, html = server.get("personas/ben/")
    assert status == 200
    assert _tagline(html) == "Edited while serving, first time"
    assert "Bookkeeper Ben" in html

    fixed = edited.replace("first time", "after the fix")
    ben.write_text(fixed, encoding="utf-8")
    server.wait_for(
        "the fixed tagline",
        lambda: _tagline(server.get("personas/ben/")[1]) == "Edited while serving, after the fix",
    )
    assert server.proc.poll() is None

