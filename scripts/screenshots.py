"""Take the documentation's screenshots of the built example handbook.

Serves ``site/`` (build it first with ``python -m mkdocs build``) on 127.0.0.1, opens five
pages in headless Chromium (Playwright, Debian's ``/usr/bin/chromium``) at 1280×800 in the
light colour scheme, and saves them as ``docs/assets/screenshots/<name>.png``:

* ``gallery``: the persona gallery, ``personas/``;
* ``persona``: a persona page, ``personas/margie/``;
* ``compare``: ``personas/compare/?p=hannah,ian``;
* ``journey``: the journey map of ``journeys/team-evaluation/``;
* ``tracker``: the review tracker, ``reviews/``.

Requests to anything but the local server are blocked, so the result does not depend on the
network (Material then falls back to system fonts).

Usage::

    python -m mkdocs build && python scripts/screenshots.py [--site site] [--out DIR] [--only NAME]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import socketserver
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WIDTH, HEIGHT = 1280, 800


@dataclass(frozen=True)
class Shot:
    """One screenshot: the page to open, what to wait for and how to frame it."""

    name: str
    path: str
    ready: str  # a CSS selector that is visible once the page (and its script) is ready
    prepare: Callable[[Any], None] | None = None  # e.g. scroll to the interesting part


def _scroll_to(selector: str, offset: int = 72) -> Callable[[Any], None]:
    """Scroll so that ``selector`` starts just below Material's fixed header."""

    def prepare(page: Any) -> None:
        page.evaluate(
            """([selector, offset]) => {
                const el = document.querySelector(selector);
                window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - offset);
            }""",
            [selector, offset],
        )

    return prepare


SHOTS = [
    Shot("gallery", "personas/", ".pp-gallery .pp-card"),
    Shot("persona", "personas/margie/", ".pp-persona .pp-persona-hero"),
    Shot("compare", "personas/compare/?p=hannah,ian", ".pp-compare table"),
    Shot(
        "journey",
        "journeys/team-evaluation/",
        ".pp-jmap",
        _scroll_to(".pp-jmap-section", 64),
    ),
    Shot("tracker", "reviews/", ".pp-tracker table"),
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 (a free port) while the block runs; yields its URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def take(shots: list[Shot], site: Path, out: Path) -> list[Path]:
    """Take ``shots`` of the site in ``site``; return the files written."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with serve(site) as base, sync_playwright() as pw:
        executable = str(CHROMIUM) if CHROMIUM.exists() else None
        browser = pw.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        try:
            for shot in shots:
                context = browser.new_context(
                    viewport={"width": WIDTH, "height": HEIGHT},
                    color_scheme="light",
                    device_scale_factor=1,
                )
                page = context.new_page()
                page.route(
                    "**/*",
                    lambda route: route.continue_()
                    if route.request.url.startswith(base)
                    else route.abort(),
                )
                errors: list[str] = []

                def record(exc: Any, errors: list[str] = errors) -> None:
                    errors.append(str(exc))

                page.on("pageerror", record)
                page.goto(base + shot.path, wait_until="networkidle")
                page.wait_for_selector(shot.ready, state="visible")
                page.evaluate("document.fonts.ready")
                if shot.prepare is not None:
                    shot.prepare(page)
                page.wait_for_timeout(400)  # let Material's transitions settle
                target = out / f"{shot.name}.png"
                page.screenshot(path=str(target), full_page=False)
                written.append(target)
                context.close()
                if errors:
                    raise RuntimeError(f"{shot.path}: JavaScript error: {errors[0]}")
        finally:
            browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=REPO / "site", help="the built site")
    parser.add_argument(
        "--out", type=Path, default=REPO / "docs" / "assets" / "screenshots",
        help="where to save the PNG files",
    )
    parser.add_argument("--only", choices=[s.name for s in SHOTS], action="append",
                        help="take only this screenshot (repeatable)")
    args = parser.parse_args(argv)
    if not (args.site / "personas" / "index.html").is_file():
        print(f"error: no built handbook in {args.site}; run `python -m mkdocs build` first",
              file=sys.stderr)
        return 2
    shots = [s for s in SHOTS if not args.only or s.name in args.only]
    for path in take(shots, args.site, args.out):
        print(f"wrote {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
