"""Preview benchmark: how long after saving a persona does ``mkdocs serve`` show the edit?

It writes the synthetic handbook of ``build_bench.py`` (default 1000 personas and 250
journeys, full content) as a plugin project and as its plain-Markdown twin, then, one server
at a time, for each of

- the plugin under ``mkdocs serve --dirty``, the Markdown twin under ``mkdocs serve --dirty``,
- the plugin under ``mkdocs serve``, the Markdown twin under ``mkdocs serve``,

it starts ``python -m mkdocs serve -a 127.0.0.1:<free port> [--dirty]`` (live reload on: that
is what rebuilds on a save), waits until the site is served and the server is idle, and then
``--edits`` times changes one persona's tagline to a new unique token: in its YAML file for
the plugin, in its ``.md`` page for the twin. After each write it asks for the persona's page
every ``--interval`` seconds (HTTP GET; MkDocs' server holds a request back while it
rebuilds) until the token is in it, and records the time from the write: what someone
previewing their edit waits for, including MkDocs noticing the change (its file watcher polls
every 0.5 s). For the plugin it also checks that the gallery page, which lists the tagline
too, shows the edit. Between edits it waits until the server has finished rebuilding.

It reports per mode the median (min–max) of those times, how long the server took to notice
the change and to rebuild (from its "Detected file changes" to its "Reloading browsers" log
line), the CPU time the server used per edit (which other processes on a busy machine
disturb much less than the wall time), the first build (start-up), the server's memory after
the first and the last edit and its peak; and per serve mode the ratio plugin / Markdown,
taken per edit (the k-th edit of each) and shown as median (min–max).

Targets: ``--dirty`` edit → visible ≤ 1.5 × the Markdown twin's time; plain ``serve`` ≤ 1.25 ×.

Usage::

    python benchmarks/serve_bench.py                   # 1000 personas, 5 edits per mode
    python benchmarks/serve_bench.py --size 100 --edits 3
    python benchmarks/serve_bench.py --keep /tmp/serve --json /tmp/serve.json
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import TracebackType

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_bench
import synthetic

TARGET_DIRTY = 1.5  # plugin / Markdown twin, edit → visible under `mkdocs serve --dirty`
TARGET_PLAIN = 1.25  # the same under plain `mkdocs serve`
GALLERY = "personas/"  # the plugin's gallery page (its default gallery_page)
#: What MkDocs' dev server logs (mkdocs.livereload, mkdocs.commands.build; MkDocs 1.6).
LOG_CHANGE = "Detected file changes"
LOG_RELOAD = "Reloading browsers"
LOG_FAILED = "An error happened during the rebuild"


# The projects and the file each edit changes -------------------------------------------------
@dataclass
class EditTarget:
    """One persona: the file an edit writes, the page that must show it, and how to write it."""

    path: Path
    page: str  # URL path below the site root, e.g. "personas/luca-0500/"
    original: str
    render: Callable[[str], str]  # tagline -> the file's new text

    def write(self, tagline: str) -> None:
        """Save the file with ``tagline`` (one write, as an editor's save)."""
        self.path.write_text(self.render(tagline), encoding="utf-8")

    def restore(self) -> None:
        """Put the file back as it was written."""
        self.path.write_text(self.original, encoding="utf-8")


def write_projects(
    root: Path, count: int, content: str, seed: int
) -> tuple[EditTarget, EditTarget]:
    """The plugin project in ``root/plugin`` and its Markdown twin in ``root/markdown``; the
    persona in the middle of the handbook (one with a photo and a journey at 1000) as the one
    to edit, in each."""
    book = build_bench.write_plugin_project(root / "plugin", count, seed, content)
    build_bench.write_baseline_project(root / "markdown", book)
    pid = synthetic.persona_id(count // 2)
    data = book.personas[pid]
    journeys = build_bench.journeys_by_persona(book).get(pid, [])

    def yaml_text(tagline: str) -> str:
        return synthetic.to_yaml(data | {"tagline": tagline})

    def markdown_text(tagline: str) -> str:
        edited = data | {"tagline": tagline}
        return build_bench.persona_markdown(pid, edited, book.personas, journeys)

    yaml_path = book.personas_dir / f"{pid}.yaml"
    md_path = root / "markdown" / "docs" / "personas" / f"{pid}.md"
    page = f"personas/{pid}/"
    return (
        EditTarget(yaml_path, page, yaml_path.read_text(encoding="utf-8"), yaml_text),
        EditTarget(md_path, page, md_path.read_text(encoding="utf-8"), markdown_text),
    )


# The server -------------------------------------------------------------------------------------
def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via a proxy


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds process ``pid`` has used so far (Linux ``/proc``; ``None``
    elsewhere). On a busy machine this moves much less than the wall time."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()  # from field 3 (state) on; utime, stime: 14, 15
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float | None:
    """Resident memory of process ``pid`` now, in MB (Linux ``/proc``; ``None`` elsewhere)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return None


def fetch(url: str, timeout: float) -> str | None:
    """The body of ``url``, or ``None`` when the server does not answer with it in time."""
    try:
        with _OPENER.open(url, timeout=max(timeout, 0.05)) as response:
            body: bytes = response.read()
            return body.decode("utf-8", "replace")
    except (OSError, http.client.HTTPException):
        return None


class LogTail(threading.Thread):
    """Notes when the server logs that it saw a change and that a rebuild is served.

    (The build's own "Documentation built in … seconds" line is no use: MkDocs logs a message
    only once per process, so a rebuild as long as an earlier one goes unreported.)
    """

    def __init__(self, path: Path) -> None:
        super().__init__(daemon=True)
        self.path = path
        self.events: list[tuple[str, float]] = []  # ("change" | "reload" | "failed", time)
        self._stop_event = threading.Event()
        self._lock = threading.Lock()

    def run(self) -> None:
        """Read new complete lines every 20 ms until stopped."""
        offset, pending = 0, b""
        while not self._stop_event.wait(0.02):
            with self.path.open("rb") as f:
                f.seek(offset)
                chunk = f.read()
            offset += len(chunk)
            *lines, pending = (pending + chunk).split(b"\n")
            now = time.perf_counter()
            for line in lines:
                for marker, kind in ((LOG_CHANGE, "change"), (LOG_RELOAD, "reload"),
                                     (LOG_FAILED, "failed")):
                    if marker.encode() in line:
                        with self._lock:
                            self.events.append((kind, now))

    def stop(self) -> None:
        """End the thread."""
        self._stop_event.set()
        self.join()

    def since(self, start: float) -> list[tuple[str, float]]:
        """The events noted after ``start`` (a ``time.perf_counter()`` value)."""
        with self._lock:
            return [e for e in self.events if e[1] >= start]


class Server:
    """``python -m mkdocs serve`` in its own process group, its output in ``log``."""

    def __init__(self, config: Path, dirty: bool, log: Path, tmp: Path) -> None:
        self.config, self.dirty, self.log, self.tmp = config, dirty, log, tmp
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.proc: subprocess.Popen[bytes] | None = None
        self.rss_mb = float("nan")
        self.tail = LogTail(log)

    def __enter__(self) -> Server:
        cmd = [sys.executable, "-m", "mkdocs", "serve", "-f", str(self.config)]
        cmd += ["-a", f"127.0.0.1:{self.port}"] + (["--dirty"] if self.dirty else [])
        self.tmp.mkdir(parents=True, exist_ok=True)
        env = {**build_bench.ENV, "TMPDIR": str(self.tmp)}  # where serve builds the site
        with self.log.open("wb") as out:
            self.proc = subprocess.Popen(
                cmd,
                cwd=self.config.parent,
                stdout=out,
                stderr=subprocess.STDOUT,
                env=env,
                start_new_session=True,  # its own process group, to stop it and only it
            )
        self.tail.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
        self.tail.stop()

    def alive(self) -> bool:
        """Whether the server process still runs."""
        return self.proc is not None and self.proc.returncode is None and self._reap() is None

    def _reap(self, block: bool = False) -> int | None:
        """Collect the exit status (and peak RSS) if the process has ended."""
        assert self.proc is not None
        if self.proc.returncode is not None:
            return self.proc.returncode
        pid, status, usage = os.wait4(self.proc.pid, 0 if block else os.WNOHANG)
        if pid == 0:
            return None
        self.proc.returncode = os.waitstatus_to_exitcode(status)
        self.rss_mb = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
        return self.proc.returncode

    def stop(self) -> None:
        """Ctrl+C to the server's process group (MkDocs then removes its temporary site),
        harder signals if it does not end within 20 s."""
        if self.proc is None or self._reap() is not None:
            return
        for sig, wait in ((signal.SIGINT, 20.0), (signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
            try:
                os.killpg(self.proc.pid, sig)
            except ProcessLookupError:
                break
            deadline = time.monotonic() + wait
            while time.monotonic() < deadline:
                if self._reap() is not None:
                    return
                time.sleep(0.1)
        self._reap(block=True)

    def log_text(self, start: int = 0) -> str:
        """The server's output from byte ``start`` on."""
        with self.log.open("rb") as f:
            f.seek(start)
            return f.read().decode("utf-8", "replace")

    def log_size(self) -> int:
        """Bytes of output so far."""
        return self.log.stat().st_size

    def _fail(self, what: str) -> build_bench.BenchError:
        return build_bench.BenchError(f"{what}:\n{self.log_text()[-4000:]}")

    def wait_served(self, page: str, timeout: float) -> float:
        """Seconds until ``page`` is served (the first build done and the server listening)."""
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            if not self.alive():
                raise self._fail(f"mkdocs serve -f {self.config} ended")
            if fetch(self.url + page, timeout=30) is not None:
                return time.perf_counter() - start
            time.sleep(0.2)
        raise self._fail(f"mkdocs serve -f {self.config} served nothing within {timeout:.0f} s")

    def wait_idle(self, quiet: float, timeout: float) -> None:
        """Until every rebuild the server started has ended and it has been silent ``quiet`` s."""
        deadline = time.monotonic() + timeout
        size, since = -1, time.monotonic()
        while time.monotonic() < deadline:
            if not self.alive():
                raise self._fail("mkdocs serve ended")
            now_size = self.log_size()
            if now_size != size:
                size, since = now_size, time.monotonic()
            elif time.monotonic() - since >= quiet:
                text = self.log_text()
                if text.count(LOG_CHANGE) <= text.count(LOG_RELOAD) + text.count(LOG_FAILED):
                    return
            time.sleep(0.1)
        raise self._fail(f"mkdocs serve still rebuilding after {timeout:.0f} s")


# Measuring --------------------------------------------------------------------------------------
@dataclass
class Edit:
    """One edit, in seconds from the write: until the page showed it (``None``: not within the
    timeout), until the server logged the change (``noticed``); ``rebuild``: from that log
    line to the next "Reloading browsers"; ``rebuilds``: how many rebuilds the edit caused;
    whether the gallery showed the new tagline with the page (``gallery``) or once the server
    was idle again (``gallery_later``), ``None`` where not checked; ``cpu``: what the server
    used of the CPU from the write until the page showed the edit."""

    seconds: float | None
    cpu: float | None = None  # CPU seconds the server used from the write until it showed it
    rss_mb: float | None = None  # the server's resident memory once idle after the edit
    noticed: float | None = None
    rebuild: float | None = None
    rebuilds: int = 0
    gallery: bool | None = None
    gallery_later: bool | None = None


@dataclass
class ModeResult:
    """Every measurement for one project under one kind of ``mkdocs serve``."""

    project: str  # "plugin" or "markdown"
    dirty: bool
    startup_seconds: float = float("nan")
    edits: list[Edit] = field(default_factory=list)
    rss_mb: float = float("nan")
    load: list[float] = field(default_factory=list)  # 1-minute load average before and after

    @property
    def label(self) -> str:
        """E.g. ``plugin, serve --dirty``."""
        return f"{self.project}, serve{' --dirty' if self.dirty else ''}"

    @property
    def times(self) -> list[float]:
        """The edit → visible times of the edits that became visible."""
        return [e.seconds for e in self.edits if e.seconds is not None]

    @property
    def rebuild_times(self) -> list[float]:
        """The server's first rebuild per edit, from noticing the change to serving it."""
        return [e.rebuild for e in self.edits if e.rebuild is not None]

    @property
    def cpu_times(self) -> list[float]:
        """The server's CPU seconds per edit (write → visible)."""
        return [e.cpu for e in self.edits if e.cpu is not None and e.seconds is not None]

    @property
    def noticed_times(self) -> list[float]:
        """Seconds from each write until the server noticed it."""
        return [e.noticed for e in self.edits if e.noticed is not None]


def _progress(message: str) -> None:
    print(f"  [{time.strftime('%H:%M:%S')}] {message}", flush=True)


def measure_mode(
    result: ModeResult,
    config: Path,
    target: EditTarget,
    args: argparse.Namespace,
    logs: Path,
    tmp: Path,
) -> None:
    """Start the server, make ``args.edits`` edits and time each until it is served."""
    kind = "dirty" if result.dirty else "plain"
    result.load.append(os.getloadavg()[0])
    target.restore()
    with Server(config, result.dirty, logs / f"serve-{result.project}-{kind}.log", tmp) as server:
        result.startup_seconds = server.wait_served(target.page, args.startup_timeout)
        server.wait_idle(args.quiet, args.timeout)
        _progress(f"{result.label}: served after {result.startup_seconds:.1f} s")
        misses = 0
        for k in range(args.edits):
            token = f"sb{secrets.token_hex(5)}"
            assert server.proc is not None
            cpu_before = cpu_seconds(server.proc.pid)
            start = time.perf_counter()
            target.write(f"Edited by the serve benchmark: {token}.")
            edit = Edit(None)
            deadline = start + args.timeout
            while time.perf_counter() < deadline:
                body = fetch(server.url + target.page, timeout=deadline - time.perf_counter())
                if body is not None and token in body:
                    edit.seconds = time.perf_counter() - start
                    cpu_after = cpu_seconds(server.proc.pid)
                    if cpu_before is not None and cpu_after is not None:
                        edit.cpu = cpu_after - cpu_before
                    break
                time.sleep(args.interval)
            if result.project == "plugin" and edit.seconds is not None:
                gallery = fetch(server.url + GALLERY, timeout=args.timeout)
                edit.gallery = gallery is not None and token in gallery
            server.wait_idle(args.quiet, args.timeout)
            edit.rss_mb = rss_mb(server.proc.pid)
            if edit.gallery is False:
                gallery = fetch(server.url + GALLERY, timeout=args.timeout)
                edit.gallery_later = gallery is not None and token in gallery
            elif edit.gallery:
                edit.gallery_later = True
            events = server.tail.since(start)
            changes = [t for kind, t in events if kind == "change"]
            edit.rebuilds = len(changes)
            if changes:
                edit.noticed = changes[0] - start
                reloads = [t for kind, t in events if kind == "reload" and t >= changes[0]]
                edit.rebuild = reloads[0] - changes[0] if reloads else None
            result.edits.append(edit)
            shown = f"{edit.seconds:.2f} s" if edit.seconds is not None else "not shown"
            notes = [
                f"server CPU {edit.cpu:.2f} s" if edit.cpu is not None else "",
                f"noticed after {edit.noticed:.2f} s" if edit.noticed is not None else "",
                f"rebuild {edit.rebuild:.2f} s" if edit.rebuild is not None else "",
                f"{edit.rebuilds} rebuilds" if edit.rebuilds > 1 else "",
                f"RSS {edit.rss_mb:.0f} MB" if edit.rss_mb is not None else "",
                "" if edit.gallery is None else f"gallery {'yes' if edit.gallery else 'NO'}",
            ]
            _progress(
                f"{result.label}: edit {k + 1}/{args.edits}: {shown} "
                f"({', '.join(n for n in notes if n)})"
            )
            if edit.seconds is None:
                tail = server.log_text().splitlines()[-12:]
                print("\n".join(f"      | {line}" for line in tail), flush=True)
                misses += 1
                if misses >= 2:
                    _progress(f"{result.label}: two edits never shown, skipping the rest")
                    break
    target.restore()
    result.rss_mb = server.rss_mb
    result.load.append(os.getloadavg()[0])


# Reporting --------------------------------------------------------------------------------------
def paired_ratios(a: ModeResult, b: ModeResult, what: str = "seconds") -> list[float]:
    """``a_k / b_k`` of ``what`` (seconds or cpu) for the k-th edit of each; an edit ``a``
    never showed counts as infinite."""
    ratios = []
    for x, y in zip(a.edits, b.edits, strict=False):
        bottom = getattr(y, what)
        if y.seconds is None or not bottom:
            continue
        top = getattr(x, what)
        ratios.append(float("inf") if x.seconds is None or top is None else top / bottom)
    return ratios


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def spread(values: list[float], unit: str) -> str:
    """``median (min–max)``, or a dash when there is nothing to show."""
    if not values:
        return "–"
    return build_bench.spread(values, unit)


def report(results: list[ModeResult], args: argparse.Namespace) -> tuple[str, bool]:
    """The results as Markdown tables plus the target checks; and whether all targets pass."""
    lines = [
        f"Command: `python benchmarks/serve_bench.py --size {args.size} --edits {args.edits} "
        f"--content {args.content}`",
        "",
        "| mode | edit → visible | server CPU | change noticed | server's rebuild | "
        "first build (start-up) | gallery shows the edit | RSS after edit 1 → last | peak RSS | "
        "load average before / after |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        memory = [e.rss_mb for e in r.edits if e.rss_mb is not None]
        growth = f"{memory[0]:.0f} → {memory[-1]:.0f} MB" if memory else "–"
        shown = f"{len(r.times)}/{len(r.edits)} shown" if len(r.times) < len(r.edits) else ""
        if r.project == "plugin":
            with_page = sum(1 for e in r.edits if e.gallery)
            later = sum(1 for e in r.edits if e.gallery_later)
            gallery = f"{with_page}/{len(r.times)} with the page, {later}/{len(r.times)} later"
        else:
            gallery = "n/a"
        lines.append(
            f"| {r.label} | {spread(r.times, ' s')}{' ' + shown if shown else ''} | "
            f"{spread(r.cpu_times, ' s')} | {spread(r.noticed_times, ' s')} | "
            f"{spread(r.rebuild_times, ' s')} | "
            f"{r.startup_seconds:.1f} s | {gallery} | {growth} | "
            f"{r.rss_mb:.0f} MB | " + " / ".join(f"{x:.1f}" for x in r.load) + " |"
        )
    lines += [
        "",
        "Targets (plugin / Markdown twin per edit, median (min–max); the ratio of the server's "
        "CPU time in brackets):",
        "",
    ]
    missed: list[str] = []
    by_key = {(r.project, r.dirty): r for r in results}
    for dirty, limit in ((True, TARGET_DIRTY), (False, TARGET_PLAIN)):
        plugin, markdown = by_key.get(("plugin", dirty)), by_key.get(("markdown", dirty))
        if plugin is None or markdown is None:
            continue
        text = f"mkdocs serve{' --dirty' if dirty else ''}: edit → visible, plugin / Markdown"
        ratios = paired_ratios(plugin, markdown)
        ok = bool(ratios) and statistics.median(ratios) <= limit
        value = spread(ratios, "×")
        cpu = spread(paired_ratios(plugin, markdown, "cpu"), "×")
        lines.append(f"- {_verdict(ok)}  {text}: {value} (target ≤ {limit}×) [CPU {cpu}]")
        if not ok:
            missed.append(text)
        if plugin.times:
            text = f"the gallery shows the edit with the persona page ({plugin.label})"
            with_page = sum(1 for e in plugin.edits if e.gallery)
            ok = with_page == len(plugin.times)  # an edit never shown is missed above
            count = f"{with_page}/{len(plugin.times)} edits shown"
            lines.append(f"- {_verdict(ok)}  {text}: {count}")
            if not ok:
                missed.append(text)
    lines += [
        "",
        "Verdict: every target met."
        if not missed
        else f"Verdict: {len(missed)} target(s) missed: " + "; ".join(missed) + ".",
    ]
    return "\n".join(lines), not missed


def main(argv: list[str] | None = None) -> int:
    """Command line entry point; exit 1 when a target is missed, 2 when a server fails."""
    parser = argparse.ArgumentParser(
        description="Time edit → visible under mkdocs serve, plugin against plain Markdown."
    )
    parser.add_argument("--size", type=int, default=1000, help="personas (1000)")
    parser.add_argument("--edits", type=int, default=5, help="edits per mode (5)")
    parser.add_argument(
        "--content", choices=synthetic.CONTENTS, default="full", help="content weight (full)"
    )
    parser.add_argument(
        "--modes",
        default="plugin-dirty,markdown-dirty,plugin,markdown",
        help="which servers, in this order (default: all four)",
    )
    parser.add_argument("--interval", type=float, default=0.05, help="seconds between GETs")
    parser.add_argument("--timeout", type=float, default=120, help="seconds an edit may take")
    parser.add_argument(
        "--startup-timeout", type=float, default=900, help="seconds the first build may take"
    )
    parser.add_argument(
        "--quiet", type=float, default=1.5, help="seconds of silence that count as idle"
    )
    parser.add_argument("--keep", type=Path, help="write the projects and logs here, keep them")
    parser.add_argument("--json", type=Path, help="also write every measurement to this file")
    parser.add_argument("--seed", type=int, default=0, help="content seed (0)")
    args = parser.parse_args(argv)
    known = {"plugin-dirty", "markdown-dirty", "plugin", "markdown"}
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    if args.size < 2 or args.edits < 1 or not modes or not set(modes) <= known:
        parser.error(f"--size ≥ 2, --edits ≥ 1, --modes from {', '.join(sorted(known))}")

    info = build_bench.machine()
    print("Machine: " + "; ".join(f"{k} {v}" for k, v in info.items()), flush=True)
    work = args.keep.absolute() if args.keep else Path(tempfile.mkdtemp(prefix="persona-serve-"))
    work.mkdir(parents=True, exist_ok=True)
    root = work / f"size-{args.size}-{args.content}"
    shutil.rmtree(root, ignore_errors=True)
    logs = root / "logs"
    logs.mkdir(parents=True)
    results: list[ModeResult] = []
    try:
        _progress(f"writing {args.size} {args.content} personas, plugin and Markdown")
        plugin_target, markdown_target = write_projects(root, args.size, args.content, args.seed)
        targets = {"plugin": plugin_target, "markdown": markdown_target}
        configs = {project: root / project / "mkdocs.yml" for project in targets}
        # Not timed: strict builds prove both build cleanly, fill the image cache and warm the
        # disk cache, so that every server's first build is alike.
        for project, cfg in configs.items():
            run = build_bench.mkdocs_build(
                cfg, root / f"site-{project}", logs / f"warmup-{project}.log", strict=True
            )
            _progress(f"warm-up build, {project}: {run.seconds:.1f} s")
        for mode in modes:
            project = mode.removesuffix("-dirty")
            result = ModeResult(project, mode.endswith("-dirty"))
            results.append(result)
            measure_mode(result, configs[project], targets[project], args, logs, root / "tmp")
    except build_bench.BenchError as exc:
        print(f"\nerror: {exc}", file=sys.stderr)
        return 2
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    text, ok = report(results, args)
    print("\n" + text)
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "machine": info,
                    "args": vars(args) | {"keep": str(args.keep), "json": None},
                    "results": [asdict(r) | {"label": r.label} for r in results],
                },
                indent=2,
                default=str,
            ),
            encoding="utf-8",
        )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
