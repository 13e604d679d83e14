"""The preview never hides a problem.

``mkdocs serve`` watches the persona and journey folders even when they are created after it
started (what the getting-started guide does), and while the files have problems every page
it serves carries a notice listing them exactly as ``mkdocs-persona validate`` does, until
they are fixed. ``mkdocs build`` output never contains the notice.
"""

from __future__ import annotations

import datetime as dt
import shutil
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import FIXED_TODAY, run_build, run_cli, write_project
from test_site_safety import Server
from watchdog.events import DirDeletedEvent
from watchdog.observers.polling import PollingObserver

from mkdocs_persona_plugin.core.options import HandbookOptions
from mkdocs_persona_plugin.core.problems import Problem
from mkdocs_persona_plugin.mkdocs.serve_watch import FolderWatcher
from mkdocs_persona_plugin.render.preview import NOTICE_ID, insert_notice, render_notice

MARGIE = "name: Finance Manager Margie\nowner: '@team'\nlast_reviewed: 2026-06-01\n"
#: Two problems, one of them quoting hostile text from the file.
BROKEN = MARGIE + "share: 101\n'<b>bold</b>': 1\n"


def journey(title: str) -> str:
    """A minimal valid journey of Margie's."""
    return f"title: {title}\npersona: margie\nstages:\n  - name: Prepare\n"


def notice_of(html: str) -> Any:
    """The preview notice of a served page, or ``None``."""
    return BeautifulSoup(html, "html.parser").find(id=NOTICE_ID)


def validate_lines(project: Path) -> list[str]:
    """What ``mkdocs-persona validate`` prints for ``project``, one problem a line."""
    result = run_cli("validate", "--today", FIXED_TODAY, cwd=project)
    assert result.returncode == 1, result.stdout + result.stderr
    return result.stdout.splitlines()


def get(server: Server, path: str) -> tuple[int, str]:
    """Like ``server.get``, but with the body of an error page (the 404 page) too."""
    try:
        with urllib.request.urlopen(server.url + path, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def _title(html: str) -> str:
    h1 = BeautifulSoup(html, "html.parser").find("h1")
    return h1.get_text(strip=True) if h1 else ""


def _project(root: Path, margie: str = MARGIE, **config: Any) -> Path:
    project = write_project(
        root,
        personas={"margie.yaml": margie},
        plugin={"images": False},
        docs={"index.md": "# Home\n", "guide.md": "# Guide\n"},
        config=config,
    )
    shutil.rmtree(project / "journeys")  # as after getting-started step 4
    return project


PAGES = ["", "guide/", "personas/", "personas/margie/", "journeys/close/", "reviews/"]


def test_serve_watches_new_folders_and_shows_problems_on_every_page(tmp_path: Path) -> None:
    project = _project(tmp_path)
    server = Server(project)
    try:
        server.wait_for("the first build", lambda: server.get("personas/margie/")[0] == 200)
        assert "'journeys' does not exist yet" in server.drain()
        assert server.get("journeys/close/")[0] == 404

        # journeys/ is created while the preview runs: its pages appear, edits reload.
        (project / "journeys").mkdir()
        (project / "journeys" / "close.yaml").write_text(journey("Month-end close"))
        server.wait_for("the new journey page", lambda: server.get("journeys/close/")[0] == 200)
        (project / "journeys" / "close.yaml").write_text(journey("Month-end close, edited"))
        server.wait_for(
            "the edited journey",
            lambda: _title(server.get("journeys/close/")[1]) == "Month-end close, edited",
        )
        assert all(notice_of(server.get(path)[1]) is None for path in PAGES)

        # A broken persona: every page, the site's own and the 404 page too, says what is wrong.
        (project / "personas" / "margie.yaml").write_text(BROKEN)
        expected = validate_lines(project)
        assert len(expected) == 2
        server.wait_for(
            "the notice", lambda: notice_of(server.get("personas/margie/")[1]) is not None
        )
        for path in [*PAGES, "no-such-page/"]:
            status, html = get(server, path)
            assert status == (404 if path == "no-such-page/" else 200), path
            notice = notice_of(html)
            assert notice is not None, path
            assert notice["role"] == "alert"
            assert [li.get_text() for li in notice.select("li")] == expected, path
            assert notice.select_one("b") is None  # the hostile key is text, not markup
            assert "the last valid version" in notice.get_text()
        assert "&lt;b&gt;bold&lt;/b&gt;" in html
        # The last valid version is still shown behind the notice.
        assert _title(server.get("personas/margie/")[1]) == "Finance Manager Margie"

        # Fixed: the notice goes away everywhere.
        (project / "personas" / "margie.yaml").write_text(MARGIE.replace("Margie", "Marge"))
        server.wait_for(
            "the fix", lambda: _title(server.get("personas/margie/")[1]) == "Finance Manager Marge"
        )
        assert all(notice_of(get(server, path)[1]) is None for path in [*PAGES, "x/"])

        # journeys/ deleted and made again: still watched.
        shutil.rmtree(project / "journeys")
        server.wait_for("the journey to go", lambda: server.get("journeys/close/")[0] == 404)
        (project / "journeys").mkdir()
        (project / "journeys" / "close.yaml").write_text(journey("Back again"))
        server.wait_for(
            "the journey to return",
            lambda: _title(server.get("journeys/close/")[1]) == "Back again",
        )
        assert server.proc.poll() is None
    finally:
        server.stop()

    # `mkdocs build` never writes the notice, valid or not.
    built = run_build(project)
    assert built.returncode == 0, built.log
    (project / "personas" / "margie.yaml").write_text(BROKEN)
    failed = run_build(project)
    assert failed.returncode == 1
    for path in (project / "site").rglob("*"):
        if path.is_file():
            assert b"pp-preview-problems" not in path.read_bytes(), path


def test_serve_starts_with_invalid_files_and_recovers(tmp_path: Path) -> None:
    project = _project(tmp_path, BROKEN)
    expected = validate_lines(project)
    server = Server(project)
    try:
        server.wait_for("the first build", lambda: server.get("")[0] == 200)
        assert "the preview shows an empty handbook until they are fixed" in server.drain()
        status, html = get(server, "personas/margie/")
        assert status == 404  # nothing valid to show yet, and the 404 page says why
        notice = notice_of(html)
        assert [li.get_text() for li in notice.select("li")] == expected
        assert "no valid version to show yet" in notice.get_text()
        assert notice_of(server.get("personas/")[1]) is not None  # the (empty) gallery

        (project / "personas" / "margie.yaml").write_text(MARGIE)
        server.wait_for("the fix", lambda: server.get("personas/margie/")[0] == 200)
        assert all(notice_of(server.get(path)[1]) is None for path in ["", "personas/margie/"])
    finally:
        server.stop()


# The notice itself ------------------------------------------------------------------------
def options(root: Path, **values: Any) -> HandbookOptions:
    """Handbook options for a project at ``root``."""
    return HandbookOptions(
        project_root=root,
        personas_dir=root / "personas",
        journeys_dir=root / "journeys",
        cache_dir=root / ".cache",
        today=dt.date.fromisoformat(FIXED_TODAY),
        **values,
    )


HOSTILE = Problem("personas/x.yaml", 3, 5, "name", "'</li><script>alert(1)</script>' is wrong")


def test_notice_lists_each_problem_as_text(tmp_path: Path) -> None:
    other = "persona plugin: comparisons: no persona with id 'nobody'"
    html = render_notice([HOSTILE, other], stale=False, options=options(tmp_path))
    notice = notice_of(html)
    assert [li.get_text() for li in notice.select("li")] == [str(HOSTILE), other]
    assert len(notice.find_all("script")) == 1  # its own, none from the problem text
    assert "<script>alert(1)" not in html
    assert notice.select_one(f"#{NOTICE_ID}-title").get_text() == (
        "2 problems in the persona handbook"
    )
    assert notice["aria-labelledby"] == f"{NOTICE_ID}-title"
    button = notice.select_one("button[data-pp-preview-hide]")
    assert button.get_text() == "Hide"
    assert button["aria-label"].startswith("Hide")
    assert render_notice([], stale=True, options=options(tmp_path)) == ""


def test_notice_follows_the_language_and_string_overrides(tmp_path: Path) -> None:
    html = render_notice(
        [HOSTILE],
        stale=True,
        options=options(tmp_path, language="de", strings={"preview.hide": "Weg damit"}),
    )
    notice = notice_of(html)
    assert notice.select_one(f"#{NOTICE_ID}-title").get_text() == "1 Problem im Persona-Handbuch"
    assert "letzte gültige Fassung" in notice.get_text()
    assert notice.select_one("button").get_text() == "Weg damit"


def test_a_broken_override_of_the_notice_falls_back_to_the_plugins(tmp_path: Path) -> None:
    override = tmp_path / "overrides" / "persona" / "preview_notice.html"
    override.parent.mkdir(parents=True)
    override.write_text("{% if %}")
    html = render_notice(
        [HOSTILE], stale=True, options=options(tmp_path, template_dirs=[override.parent.parent])
    )
    assert notice_of(html) is not None


def test_the_notice_goes_first_in_the_body() -> None:
    page = '<html><head></head><BODY class="x">\n<p>Text</p></body></html>'
    assert insert_notice(page, "<div>N</div>") == (
        '<html><head></head><BODY class="x"><div>N</div>\n<p>Text</p></body></html>'
    )
    assert insert_notice("<p>Fragment</p>", "<div>N</div>") == "<div>N</div><p>Fragment</p>"
    assert insert_notice(page, "") == page


def test_plugin_serves_an_empty_handbook_with_the_notice_when_the_first_build_fails(
    tmp_path: Path,
) -> None:
    from mkdocs.config import load_config

    project = _project(tmp_path, BROKEN)
    config = load_config(config_file=str(project / "mkdocs.yml"))
    plugin = config.plugins["persona"]
    config.plugins.on_startup(command="serve", dirty=False)
    config = config.plugins.on_config(config)
    assert plugin.handbook is not None and plugin.handbook.personas == {}
    assert "personas/index.md" in plugin.outputs
    assert [li.get_text() for li in notice_of(plugin.notice).select("li")] == (
        validate_lines(project)
    )
    (project / "personas" / "margie.yaml").write_text(MARGIE)
    config.plugins.on_config(config)
    assert plugin.notice == ""
    assert list(plugin.handbook.personas) == ["margie"]


# Watching folders that come and go ------------------------------------------------------
class Rebuilds:
    """Counts rebuild requests; waits for the next one."""

    def __init__(self) -> None:
        self.count = 0
        self.event = threading.Event()

    def __call__(self) -> None:
        self.count += 1
        self.event.set()

    def expect(self, action: Callable[[], None], what: str) -> None:
        """Run ``action`` and wait until it asks for a rebuild."""
        self.event.clear()
        action()
        assert self.event.wait(10), f"no rebuild after {what}"


def test_folder_watcher_follows_folders_as_they_come_and_go(tmp_path: Path) -> None:
    personas, journeys = tmp_path / "personas", tmp_path / "content" / "journeys"
    personas.mkdir()
    observer = PollingObserver(timeout=0.1)
    rebuilds = Rebuilds()
    watcher = FolderWatcher([personas, journeys], observer, rebuilds)
    assert watcher.refresh() is False
    assert watcher.watched == [(str(tmp_path), False), (str(personas), True)]
    observer.start()
    try:
        (tmp_path / "content").mkdir()
        deadline = time.monotonic() + 10
        while (str(tmp_path / "content"), False) not in watcher.watched:
            assert time.monotonic() < deadline, watcher.watched
            time.sleep(0.05)
        rebuilds.expect(lambda: journeys.mkdir(), "journeys/ was created")
        assert (str(journeys), True) in watcher.watched
        rebuilds.expect(lambda: (journeys / "a.yaml").write_text("x"), "a new journey")
        rebuilds.expect(lambda: (personas / "sub").mkdir(), "a new sub-folder")
        rebuilds.expect(lambda: (personas / "sub" / "b.yaml").write_text("x"), "a nested file")
        rebuilds.expect(lambda: shutil.rmtree(journeys), "journeys/ was deleted")
        rebuilds.expect(lambda: journeys.mkdir(), "journeys/ came back")
        rebuilds.expect(lambda: (journeys / "c.yaml").write_text("x"), "a file in it")
        # Files outside the folders are none of its business.
        time.sleep(0.5)  # let the last change settle
        before = rebuilds.count
        (tmp_path / "README.md").write_text("x")
        (tmp_path / "content" / "notes.txt").write_text("x")
        time.sleep(0.6)
        assert rebuilds.count == before
    finally:
        observer.stop()
        observer.join(10)


# In the browser ---------------------------------------------------------------------------
CONTRAST = """(selector) => {
  const rgb = (c) => c.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length < 4 || c[3] > 0) return c;
    }
    return [255, 255, 255];
  };
  return Array.from(document.querySelectorAll(selector), (el) => {
    const a = lum(rgb(getComputedStyle(el).color)), b = lum(background(el));
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });
}"""
PALETTE = [
    {"media": "(prefers-color-scheme: light)", "scheme": "default"},
    {"media": "(prefers-color-scheme: dark)", "scheme": "slate"},
]


class FakeObserver:
    """Records the watches a :class:`FolderWatcher` schedules and drops."""

    def __init__(self) -> None:
        self.scheduled: list[tuple[str, bool]] = []
        self.unscheduled: list[tuple[str, bool]] = []

    def schedule(self, handler: Any, path: str, recursive: bool = False) -> tuple[str, bool]:
        self.scheduled.append((path, recursive))
        return (path, recursive)

    def unschedule(self, watch: tuple[str, bool]) -> None:
        self.unscheduled.append(watch)


def test_a_folder_deleted_and_made_again_at_once_is_watched_again(tmp_path: Path) -> None:
    journeys = tmp_path / "journeys"
    journeys.mkdir()
    observer, rebuilds = FakeObserver(), Rebuilds()
    watcher = FolderWatcher([journeys], observer, rebuilds)
    watcher.refresh()
    assert observer.scheduled == [(str(journeys), True)]
    # The folder is deleted and made again before the deletion's event is handled: the old
    # watch ended with the old folder, so the new one needs a watch of its own.
    watcher.on_any_event(DirDeletedEvent(str(journeys)))
    assert observer.unscheduled == [(str(journeys), True)]
    assert observer.scheduled == [(str(journeys), True), (str(journeys), True)]
    assert rebuilds.count == 1



@pytest.mark.browser
def test_notice_in_the_browser(browser: Any, tmp_path: Path) -> None:
    """Fixed, readable in light and dark, dismissed with Esc or the keyboard until the next
    reload, and gone by itself once the file is fixed (live reload)."""
    project = _project(tmp_path, BROKEN, theme={"name": "material", "palette": PALETTE})
    server = Server(project)
    try:
        server.wait_for("the first build", lambda: server.get("")[0] == 200)
        for scheme in ("light", "dark"):
            context = browser.new_context(
                color_scheme=scheme, viewport={"width": 1000, "height": 700}
            )
            page = context.new_page()
            try:
                page.goto(server.url + "guide/")
                expected = "slate" if scheme == "dark" else "default"
                assert page.get_attribute("body", "data-md-color-scheme") == expected
                notice = page.get_by_role("alert")
                notice.wait_for(state="visible")
                assert "personas/margie.yaml:4:8: share:" in notice.inner_text()
                assert notice.evaluate("el => getComputedStyle(el).position") == "fixed"
                box = notice.bounding_box()
                assert box is not None and box["y"] + box["height"] <= 700
                ratios = page.evaluate(CONTRAST, f"#{NOTICE_ID} :is(p, li, code, button)")
                assert len(ratios) >= 6 and min(ratios) >= 4.5, (scheme, ratios)

                page.keyboard.press("Escape")
                notice.wait_for(state="hidden")
                page.reload()
                notice.wait_for(state="visible")
                page.keyboard.press("Tab")  # the first stop on the page: its button
                assert page.evaluate("document.activeElement.hasAttribute('data-pp-preview-hide')")
                page.keyboard.press("Enter")
                notice.wait_for(state="hidden")
            finally:
                context.close()

        context = browser.new_context()
        page = context.new_page()
        try:
            page.goto(server.url + "guide/")
            page.get_by_role("alert").wait_for(state="visible")
            (project / "personas" / "margie.yaml").write_text(MARGIE)
            page.locator(f"#{NOTICE_ID}").wait_for(state="detached", timeout=60_000)
        finally:
            context.close()
    finally:
        server.stop()
