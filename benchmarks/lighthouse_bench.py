"""Page-weight benchmark: Lighthouse performance of handbook pages against a plain page.

It builds the example handbook (this repository's ``mkdocs.yml``) into a temporary folder,
serves it on 127.0.0.1 with gzip (as any web host does), and runs the Lighthouse CLI
(simulated mobile: Lighthouse's default throttling of network and CPU) ``--runs`` times on
each of

- a persona page (``personas/margie/``, the fullest example persona),
- a journey page (``journeys/fiona-first-invoice/``),
- a plain documentation page of the same site (``guide/templates/``: text and code, no
  images), the baseline.

Runs alternate (persona, journey, plain, persona, …) so that noise from other processes hits
every page alike. For each page it reports the median (min–max) of the performance score,
total blocking time (TBT), first and largest contentful paint, cumulative layout shift and
the bytes transferred; for each handbook page, the difference to the plain page taken per
round (the k-th run of each) as median (min–max).

``--site NAME=DIR`` (repeatable) measures already built sites instead, alternating between
them too, e.g. the same handbook built before and after a change; the differences between
the first site and each other are then reported per page and round as well.

Target: a persona or journey page's performance score is within 0.02 of the plain page's
(median of the per-round differences), in every site measured.

Lighthouse is not a test dependency; install it next to axe-core, without saving it in
``package.json`` (Lighthouse 12 is the last release that runs on Node 20)::

    npm install --no-save -E lighthouse@12.2.3

Usage::

    python benchmarks/lighthouse_bench.py                  # 3 runs per page, ~4 minutes
    python benchmarks/lighthouse_bench.py --runs 5 --json /tmp/lighthouse.json
    python benchmarks/lighthouse_bench.py --site before=/tmp/old-site --site after=site/
    python benchmarks/lighthouse_bench.py --page gallery=personas/

Chromium is ``$CHROME_PATH`` or ``/usr/bin/chromium``, run with ``--headless=new
--no-sandbox``. Run it on an otherwise idle machine: TBT is the CPU time of long tasks, so a
busy CPU inflates it.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import socketserver
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
INSTALL = "npm install --no-save -E lighthouse@12.2.3"
TARGET = 0.02  # a handbook page's score may be this much below the plain page's
PAGES = {
    "persona": "personas/margie/",
    "journey": "journeys/fiona-first-invoice/",
    "plain": "guide/templates/",
}
BASELINE = "plain"
#: What Lighthouse calls the measurements reported here.
AUDITS = {
    "tbt_ms": "total-blocking-time",
    "fcp_ms": "first-contentful-paint",
    "lcp_ms": "largest-contentful-paint",
    "cls": "cumulative-layout-shift",
    "bytes": "total-byte-weight",
}
_TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ics")


@dataclass
class Run:
    """One Lighthouse run of one page of one site."""

    site: str
    page: str
    round: int
    score: float
    tbt_ms: float
    fcp_ms: float
    lcp_ms: float
    cls: float
    bytes: float


# Serving ------------------------------------------------------------------------------------
class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, text ones gzip-compressed when the client accepts it (as hosts do)."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # redirects "/dir" to "/dir/"
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.is_file() and path.suffix in _TEXT):
            return super().send_head()
        data = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return _Bytes(data)


class _Bytes:
    """A file-like object over bytes, for :meth:`SimpleHTTPRequestHandler.copyfile`."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = (self.data, b"") if size < 0 else (self.data[:size], self.data[size:])
        return data

    def close(self) -> None:
        pass


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # the browser hung up: fine
            super().handle_error(request, client_address)


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on a free port of 127.0.0.1; yields the base URL."""
    server = _Server(("127.0.0.1", 0), functools.partial(_GzipHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# Building and measuring ----------------------------------------------------------------------
def build_example(site: Path) -> None:
    """Build this repository's example handbook into ``site``."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
        cwd=REPO,
        env=env,
        check=True,
    )


def lighthouse(url: str, out: Path, chrome: str) -> dict[str, Any]:
    """Run Lighthouse (performance only, default mobile settings) on ``url``; its report."""
    cmd = [
        str(LIGHTHOUSE),
        url,
        "--only-categories=performance",
        "--output=json",
        f"--output-path={out}",
        "--quiet",
        "--chrome-flags=--headless=new --no-sandbox",
    ]
    subprocess.run(cmd, check=True, env=dict(os.environ, CHROME_PATH=chrome))
    report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return report


def measure(report: dict[str, Any], site: str, page: str, round_: int) -> Run:
    """The figures this benchmark reports, from one Lighthouse report."""
    audits = report["audits"]
    values = {key: float(audits[audit]["numericValue"]) for key, audit in AUDITS.items()}
    score = float(report["categories"]["performance"]["score"])
    return Run(site=site, page=page, round=round_, score=score, **values)


# Reporting ----------------------------------------------------------------------------------
def spread(values: list[float], digits: int = 2) -> str:
    """``median (min–max)`` of ``values``."""
    fmt = f"{{:+.{digits}f}}" if min(values) < 0 else f"{{:.{digits}f}}"
    med = fmt.format(statistics.median(values))
    return f"{med} ({fmt.format(min(values))} – {fmt.format(max(values))})"


def differences(own: list[Run], other: list[Run]) -> tuple[list[float], list[float]]:
    """Score and TBT of ``own`` minus those of ``other``, round by round."""
    by_round = {r.round: r for r in other}
    pairs = [(r, by_round[r.round]) for r in own if r.round in by_round]
    return [a.score - b.score for a, b in pairs], [a.tbt_ms - b.tbt_ms for a, b in pairs]


def report(runs: list[Run], sites: list[str], pages: dict[str, str]) -> bool:
    """Print the tables and the differences; whether every handbook page meets the target."""
    ok = True
    for site in sites:
        mine = [r for r in runs if r.site == site]
        title = f"site {site}: " if len(sites) > 1 else ""
        print(f"\n{title}median (min – max) of {max(r.round for r in mine) + 1} runs")
        print(f"{'page':10} {'score':20} {'TBT ms':20} {'FCP ms':22} {'LCP ms':22} CLS    KB")
        by_page = {name: [r for r in mine if r.page == name] for name in pages}
        for name, own in by_page.items():
            print(
                f"{name:10} {spread([r.score for r in own]):20} "
                f"{spread([r.tbt_ms for r in own], 0):20} "
                f"{spread([r.fcp_ms for r in own], 0):22} "
                f"{spread([r.lcp_ms for r in own], 0):22} "
                f"{statistics.median(r.cls for r in own):.3f}  "
                f"{statistics.median(r.bytes for r in own) / 1024:.0f}"
            )
        if not by_page.get(BASELINE):
            continue
        print(f"against the {BASELINE} page ({pages[BASELINE]}), per round:")
        for name, own in by_page.items():
            if name == BASELINE:
                continue
            score, tbt = differences(own, by_page[BASELINE])
            passed = statistics.median(score) >= -TARGET
            ok = ok and passed
            print(
                f"  {name:8} score {spread(score):24} TBT {spread(tbt, 0):24} ms   "
                f"{'PASS' if passed else 'FAIL'} (score ≥ {BASELINE} − {TARGET})"
            )
    for site in sites[1:]:
        print(f"\n{site} against {sites[0]}, per page and round:")
        for name in pages:
            now = [r for r in runs if r.site == site and r.page == name]
            then = [r for r in runs if r.site == sites[0] and r.page == name]
            score, tbt = differences(now, then)
            print(f"  {name:8} score {spread(score):24} TBT {spread(tbt, 0):24} ms")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page")
    parser.add_argument(
        "--site",
        action="append",
        default=[],
        metavar="NAME=DIR",
        help="measure this already built site (repeatable; default: build the example)",
    )
    parser.add_argument(
        "--page",
        action="append",
        default=[],
        metavar="NAME=PATH",
        help="measure this page too (PATH below the site root)",
    )
    parser.add_argument("--json", type=Path, help="also write every run to this file")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print(f"Lighthouse is not installed: run `{INSTALL}` in {REPO}", file=sys.stderr)
        return 2
    chrome = os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    pages = dict(PAGES)
    for spec in args.page:
        name, _, path = spec.partition("=")
        pages[name] = path
    with tempfile.TemporaryDirectory(prefix="pp-lighthouse-") as tmp, ExitStack() as stack:
        work = Path(tmp)
        sites: dict[str, Path] = {}
        for spec in args.site:
            name, _, folder = spec.partition("=")
            sites[name] = Path(folder).resolve()
        if not sites:
            print("building the example handbook …", flush=True)
            build_example(work / "site")
            sites["example"] = work / "site"
        bases = {name: stack.enter_context(serve(folder)) for name, folder in sites.items()}
        runs: list[Run] = []
        for round_ in range(args.runs):
            for site, base in bases.items():
                for name, path in pages.items():
                    report_file = work / f"{site}-{name}-{round_}.json"
                    result = lighthouse(base + path, report_file, chrome)
                    run = measure(result, site, name, round_)
                    runs.append(run)
                    print(
                        f"round {round_ + 1}: {site:8} {name:8} score {run.score:.2f}  "
                        f"TBT {run.tbt_ms:4.0f} ms  FCP {run.fcp_ms:5.0f} ms  "
                        f"LCP {run.lcp_ms:5.0f} ms",
                        flush=True,
                    )
                    if args.json:  # after every run: an interrupted benchmark keeps its runs
                        runs_json = json.dumps([asdict(r) for r in runs], indent=2)
                        args.json.write_text(runs_json, encoding="utf-8")
    return 0 if report(runs, list(sites), pages) else 1


if __name__ == "__main__":
    sys.exit(main())
