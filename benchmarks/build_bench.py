"""Build benchmark: the persona plugin against the same content as plain Markdown pages.

For each size (default 100 and 1000 personas) and each content weight (default both: "full",
~3.5 KB of YAML per persona, and "light", short cards of ~1 KB) it writes a synthetic handbook
(see ``synthetic.py``: a journey for every fourth persona, a photo for every fifth) twice:

(a) as a plugin project: ``personas/``, ``journeys/``, ``plugins: [search, persona]`` with a
    fixed ``today`` (plus a copy of the configuration with ``images: false``);
(b) as a baseline: the same text written out as plain Markdown, one page per persona and per
    journey plus the two index pages, with the navigation the plugin's ``nav: auto`` would
    choose (every page listed up to 50 personas, only the index pages above).

Then it runs ``python -m mkdocs build -q`` in a subprocess for each, alternating
(a, b, images-off, a, b, images-off, …) so that machine noise hits all of them alike, and
records the wall time and the child's peak RSS (``os.wait4``). The plugin's image cache is
emptied once before a "cold" build; the builds in the rounds are "warm" (cache filled). Last,
``mkdocs-persona validate`` is timed on the same project.

Ratios are taken per round (a_i / b_i: two builds minutes apart at most, so that drifting
machine load hits both alike) and reported as median (min–max) over the rounds.

Usage::

    python benchmarks/build_bench.py                       # sizes 100,1000, both weights, repeat 3
    python benchmarks/build_bench.py --sizes 1000 --content light
    python benchmarks/build_bench.py --sizes 100 --repeat 1
    python benchmarks/build_bench.py --keep /tmp/bench --json results.json
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic

REPO = Path(__file__).resolve().parent.parent
#: The plugin's default ``nav_threshold``: ``nav: auto`` lists persona pages up to this many.
NAV_THRESHOLD = 50
SITE_NAME = "Synthetic persona handbook"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}

#: Targets: (label, limit); checked where the measurement exists.
TARGET_BUILD = 1.25  # plugin build time / baseline build time, at 1000 personas, both weights
TARGET_WARM = 1.10  # warm plugin build / plugin build with images: false
TARGET_VALIDATE = 1.5  # seconds for `mkdocs-persona validate` on 1000 personas + 250 journeys
TARGET_RSS = 1.5  # plugin peak RSS / baseline peak RSS, every size and weight
TARGET_SIZE = 1000  # the size the build-time and validate targets apply to


# Running children ---------------------------------------------------------------------------
@dataclass
class Run:
    """One child process: wall time and CPU time (user + system) in seconds, peak RSS in MB."""

    seconds: float
    rss_mb: float
    cpu_seconds: float = 0.0


class BenchError(RuntimeError):
    """A build or command failed."""


def run_child(cmd: list[str], cwd: Path, log: Path) -> Run:
    """Run ``cmd`` and measure its wall time and peak RSS (``ru_maxrss`` of this child only)."""
    with log.open("wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=ENV)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4, tell Popen
    if proc.returncode != 0:
        raise BenchError(
            f"{' '.join(cmd)} failed (exit {proc.returncode}):\n"
            + log.read_text(encoding="utf-8", errors="replace")[-4000:]
        )
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    rss = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return Run(seconds, rss, usage.ru_utime + usage.ru_stime)


def mkdocs_build(config: Path, site: Path, log: Path, *, strict: bool = False) -> Run:
    """``python -m mkdocs build`` of ``config`` into ``site`` (emptied first, not timed)."""
    shutil.rmtree(site, ignore_errors=True)
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)]
    cmd += ["--strict"] if strict else ["-q"]
    return run_child(cmd, config.parent, log)


def validate(config: Path, log: Path) -> Run:
    """``mkdocs-persona validate -f config`` (run as ``python -m``, as the console script does)."""
    cmd = [sys.executable, "-m", "mkdocs_persona_plugin.cli", "validate", "-f", str(config)]
    return run_child(cmd, config.parent, log)


# Writing the projects ---------------------------------------------------------------------------
def _write_yaml(path: Path, data: dict[str, Any]) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _home(count: int) -> str:
    return (
        f"# {SITE_NAME}\n\n"
        f"{count} synthetic personas and {(count + 3) // 4} journeys, generated for the build "
        "benchmark.\n"
    )


def write_plugin_project(
    root: Path, count: int, seed: int = 0, content: str = "full"
) -> synthetic.SyntheticHandbook:
    """The plugin project: ``mkdocs.yml`` (images on) and ``mkdocs-noimages.yml``.

    ``content`` is the weight of the synthetic text: "full" (~3.5 KB per persona) or "light".
    """
    book = synthetic.write_handbook(root, count, seed, content)
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "docs" / "index.md").write_text(_home(count), encoding="utf-8")
    for name, extra in (("mkdocs.yml", {}), ("mkdocs-noimages.yml", {"images": False})):
        _write_yaml(
            root / name,
            {
                "site_name": SITE_NAME,
                "theme": {"name": "material"},
                "plugins": [
                    "search",
                    {"persona": {"today": synthetic.TODAY.isoformat(), **extra}},
                ],
            },
        )
    return book


def _bullets(items: list[Any]) -> str:
    return "".join(f"- {item}\n" for item in items) + "\n"


def _facts(facts: dict[str, Any]) -> str:
    return "".join(f"- **{k}:** {v}\n" for k, v in facts.items()) + "\n"


#: The card facts in the order the persona page's header line shows them.
_HEADER_FACTS = (
    ("type", "Type", ""),
    ("market", "Market", ""),
    ("segment", "Segment", ""),
    ("status", "Status", ""),
    ("share", "Share", " %"),
    ("owner", "Owner", ""),
    ("last_reviewed", "Last reviewed", ""),
)
_PERSONA_LISTS = (
    ("goals", "Goals"),
    ("challenges", "Challenges"),
    ("motivations", "Motivations"),
    ("needs", "Needs"),
    ("objections", "Objections"),
    ("behaviors", "Behaviours"),
    ("channels", "Channels"),
    ("tools", "Tools"),
)
_STAGE_LISTS = (
    ("actions", "Actions"),
    ("thoughts", "Thoughts"),
    ("touchpoints", "Touchpoints"),
    ("channels", "Channels"),
    ("pain_points", "Pain points"),
    ("opportunities", "Opportunities"),
    ("teams", "Teams"),
)


def persona_markdown(
    pid: str,
    data: dict[str, Any],
    personas: dict[str, dict[str, Any]],
    journeys: list[tuple[str, dict[str, Any]]],
) -> str:
    """A persona's page as plain Markdown, with the same text the plugin shows.

    Sections whose field the persona lacks (a light card has no bio, quotes, …) are left out.
    """
    parts = [
        f"---\ntitle: {json.dumps(data['name'])}\ndescription: {json.dumps(data['tagline'])}\n"
        f"---\n\n# {data['name']}\n\n*{data['tagline']}*\n\n"
    ]
    if "photo" in data:
        parts.append(f"![{data['photo_alt']}]({data['photo']})\n\n")
    facts = [f"**{label}:** {data[key]}{unit}" for key, label, unit in _HEADER_FACTS if key in data]
    parts.append(" · ".join(facts) + "\n\n")
    if "bio" in data:
        parts.append(f"## Bio\n\n{data['bio']}\n")
    if "quotes" in data:
        parts.append("## Quotes\n\n")
        for quote in data["quotes"]:
            parts.append(f"> {quote['text']}\n>\n> — {quote['source']}\n\n")
    if "demographics" in data:
        parts.append("## Demographics\n\n" + _facts(data["demographics"]))
    if "role" in data:
        parts.append("## Role\n\n" + _facts(data["role"]))
    for key, title in _PERSONA_LISTS:
        if key in data:
            parts.append(f"## {title}\n\n" + _bullets(data[key]))
    if "messaging" in data:
        messaging = data["messaging"]
        parts.append(f"## Messaging\n\n{messaging['pitch']}\n\n**Say:**\n\n")
        parts.append(_bullets(messaging["vocabulary"]))
        parts.append("**Avoid:**\n\n" + _bullets(messaging["avoid"]))
    if "research" in data:
        research = data["research"]
        parts.append(
            f"## Research\n\n- **Interviews:** {research['interviews']}\n"
            f"- **Confidence:** {research['confidence']}\n\n" + _bullets(research["sources"])
        )
    if journeys:
        parts.append("## Journeys\n\n")
        parts.append(_bullets([f"[{j['title']}](../journeys/{jid}.md)" for jid, j in journeys]))
    parts.append("## Related personas\n\n")
    parts.append(_bullets([f"[{personas[r]['name']}]({r}.md)" for r in data["related"]]))
    parts.append("**Tags:** " + ", ".join(data["tags"]) + "\n")
    return "".join(parts)


def journey_markdown(
    jid: str, data: dict[str, Any], personas: dict[str, dict[str, Any]]
) -> str:
    """A journey map as plain Markdown: one section per stage (absent fields left out)."""
    ids = data.get("personas") or [data["persona"]]
    who = ", ".join(f"[{personas[p]['name']}](../personas/{p}.md)" for p in ids)
    parts = [
        f"---\ntitle: {json.dumps(data['title'])}\n---\n\n# {data['title']}\n\n",
        f"**Personas:** {who} · **State:** {data['state']} · **Owner:** {data['owner']} · "
        f"**Last reviewed:** {data['last_reviewed']}\n\n",
        f"**Goal:** {data['goal']}\n\n",
    ]
    if "scenario" in data:
        parts.append(f"{data['scenario']}\n")
    if "improves" in data:
        parts.append(f"Improves [the current journey]({data['improves']}.md).\n\n")
    for n, stage in enumerate(data["stages"], 1):
        truth = " (moment of truth)" if stage.get("moment_of_truth") else ""
        parts.append(f"## {n}. {stage['name']}{truth}\n\n{stage['description']}\n\n")
        emotion = stage["emotion"]
        if isinstance(emotion, dict):
            emotion = ", ".join(f"{personas[p]['name']}: {v:+d}" for p, v in emotion.items())
        else:
            emotion = f"{emotion:+d}"
        parts.append(f"**Emotion:** {emotion}\n\n")
        for key, title in _STAGE_LISTS:
            if key in stage:
                parts.append(f"### {title}\n\n" + _bullets(stage[key]))
    return "".join(parts)


def journeys_by_persona(
    book: synthetic.SyntheticHandbook,
) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """Each persona's journeys as ``(id, data)``, in journey order."""
    by_persona: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for jid, journey in book.journeys.items():
        for pid in journey.get("personas") or [journey["persona"]]:
            by_persona.setdefault(pid, []).append((jid, journey))
    return by_persona


def write_baseline_project(root: Path, book: synthetic.SyntheticHandbook) -> None:
    """The same content as plain Markdown pages, with the navigation ``nav: auto`` picks."""
    docs = root / "docs"
    (docs / "personas").mkdir(parents=True, exist_ok=True)
    (docs / "journeys").mkdir(parents=True, exist_ok=True)
    count = len(book.personas)
    (docs / "index.md").write_text(_home(count), encoding="utf-8")
    by_persona = journeys_by_persona(book)
    index = ["# Personas\n\n"]
    for pid, data in book.personas.items():
        text = persona_markdown(pid, data, book.personas, by_persona.get(pid, []))
        (docs / "personas" / f"{pid}.md").write_text(text, encoding="utf-8")
        index.append(f"- [{data['name']}]({pid}.md): {data['tagline']}\n")
    (docs / "personas" / "index.md").write_text("".join(index), encoding="utf-8")
    if book.photos:
        shutil.copytree(book.personas_dir / "photos", docs / "personas" / "photos")
    index = ["# Journeys\n\n"]
    for jid, data in book.journeys.items():
        text = journey_markdown(jid, data, book.personas)
        (docs / "journeys" / f"{jid}.md").write_text(text, encoding="utf-8")
        index.append(f"- [{data['title']}]({jid}.md)\n")
    (docs / "journeys" / "index.md").write_text("".join(index), encoding="utf-8")
    config: dict[str, Any] = {
        "site_name": SITE_NAME,
        "theme": {"name": "material"},
        "plugins": ["search"],
    }
    if count > NAV_THRESHOLD:
        # What `nav: auto` does above the threshold: only the index pages are listed.
        config["nav"] = [
            {"Home": "index.md"},
            {"Personas": "personas/index.md"},
            {"Journeys": "journeys/index.md"},
        ]
        config["not_in_nav"] = "/personas/*.md\n/journeys/*.md\n"
    _write_yaml(root / "mkdocs.yml", config)


# Measuring ---------------------------------------------------------------------------------------
@dataclass
class SizeResult:
    """Every measurement for one handbook size and content weight."""

    personas: int
    journeys: int
    photos: int
    yaml_kb_per_persona: float
    plugin: list[Run] = field(default_factory=list)
    baseline: list[Run] = field(default_factory=list)
    images_off: list[Run] = field(default_factory=list)
    cold: list[Run] = field(default_factory=list)
    validate: list[Run] = field(default_factory=list)
    plugin_pages: int = 0
    baseline_pages: int = 0
    plugin_site_mb: float = 0.0
    baseline_site_mb: float = 0.0
    load: list[float] = field(default_factory=list)  # 1-minute load average before and after
    content: str = "full"

    @staticmethod
    def median(runs: list[Run]) -> float:
        """Median wall time in seconds."""
        return statistics.median(r.seconds for r in runs) if runs else float("nan")

    @staticmethod
    def cpu(runs: list[Run]) -> float:
        """Median CPU time (user + system) in seconds."""
        return statistics.median(r.cpu_seconds for r in runs) if runs else float("nan")

    @staticmethod
    def peak(runs: list[Run]) -> float:
        """Highest peak RSS in MB."""
        return max(r.rss_mb for r in runs) if runs else float("nan")

    @staticmethod
    def ratios(a: list[Run], b: list[Run], what: str = "seconds") -> list[float]:
        """``a_i / b_i`` per round for the attribute ``what`` (seconds, cpu_seconds, rss_mb)."""
        return [getattr(x, what) / getattr(y, what) for x, y in zip(a, b, strict=False)]


def spread(values: list[float], unit: str = "×") -> str:
    """``median (min–max)`` of ``values``; just the value when there is one."""
    if not values:
        return "–"
    if len(values) == 1:
        return f"{values[0]:.2f}{unit}"
    return f"{statistics.median(values):.2f}{unit} ({min(values):.2f}–{max(values):.2f})"


def _site_stats(site: Path) -> tuple[int, float]:
    pages = sum(1 for _ in site.rglob("*.html"))
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return pages, size / 1e6


def _progress(message: str) -> None:
    print(f"  [{time.strftime('%H:%M:%S')}] {message}", flush=True)


def bench_size(
    count: int, work: Path, repeat: int, cold_repeat: int, seed: int, content: str = "full"
) -> SizeResult:
    """Write the projects for ``count`` personas of ``content`` weight and run every
    measurement."""
    root = work / (f"size-{count}" if content == "full" else f"size-{count}-{content}")
    shutil.rmtree(root, ignore_errors=True)
    plugin_dir, baseline_dir, logs = root / "plugin", root / "baseline", root / "logs"
    logs.mkdir(parents=True)
    load_before = os.getloadavg()[0]
    _progress(f"writing {count} {content} personas (load average {load_before:.2f})")
    book = write_plugin_project(plugin_dir, count, seed, content)
    write_baseline_project(baseline_dir, book)
    yaml_bytes = sum(p.stat().st_size for p in book.personas_dir.glob("*.yaml"))
    result = SizeResult(
        personas=count,
        journeys=len(book.journeys),
        photos=len(book.photos),
        yaml_kb_per_persona=yaml_bytes / count / 1024,
        content=content,
    )
    plugin_cfg, noimg_cfg = plugin_dir / "mkdocs.yml", plugin_dir / "mkdocs-noimages.yml"
    baseline_cfg = baseline_dir / "mkdocs.yml"
    site_a, site_b, site_c = root / "site-plugin", root / "site-baseline", root / "site-noimages"
    cache = plugin_dir / ".cache"

    # Warm-up (not counted): strict builds prove both sites build cleanly and warm the OS caches.
    _progress("warm-up: strict builds of the baseline and of the plugin with images: false")
    mkdocs_build(baseline_cfg, site_b, logs / "warmup-baseline.log", strict=True)
    mkdocs_build(noimg_cfg, site_c, logs / "warmup-noimages.log", strict=True)
    result.baseline_pages, result.baseline_site_mb = _site_stats(site_b)

    for i in range(cold_repeat):
        shutil.rmtree(cache, ignore_errors=True)
        run = mkdocs_build(plugin_cfg, site_a, logs / f"cold-{i}.log", strict=i == 0)
        result.cold.append(run)
        _progress(f"cold plugin build {i + 1}/{cold_repeat}: {run.seconds:.2f} s")
    result.plugin_pages, result.plugin_site_mb = _site_stats(site_a)

    for i in range(repeat):
        for label, cfg, site, runs in (
            ("plugin", plugin_cfg, site_a, result.plugin),
            ("baseline", baseline_cfg, site_b, result.baseline),
            ("images off", noimg_cfg, site_c, result.images_off),
        ):
            run = mkdocs_build(cfg, site, logs / f"{label.replace(' ', '-')}-{i}.log")
            runs.append(run)
            _progress(
                f"round {i + 1}/{repeat} {label}: {run.seconds:.2f} s "
                f"(CPU {run.cpu_seconds:.2f} s), {run.rss_mb:.0f} MB"
            )
    for i in range(repeat):
        result.validate.append(validate(plugin_cfg, logs / f"validate-{i}.log"))
    result.load = [load_before, os.getloadavg()[0]]
    _progress(
        f"validate: {SizeResult.median(result.validate):.2f} s (median); "
        f"load average {result.load[1]:.2f}"
    )
    return result


# Reporting ---------------------------------------------------------------------------------------
def machine() -> dict[str, str]:
    """What the numbers were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        commit = subprocess.run(
            ["git", "describe", "--always", "--dirty"], cwd=REPO, capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        commit = ""

    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "not installed"

    return {
        "date": dt.date.today().isoformat(),
        "cpu": f"{os.cpu_count()} × {cpu}",
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "mkdocs-material": version("mkdocs-material"),
        "pillow": version("pillow"),
        "pydantic": version("pydantic"),
        "pyyaml": version("pyyaml"),
        "plugin commit": commit or "unknown",
    }


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def report(results: list[SizeResult], args: argparse.Namespace) -> tuple[str, bool]:
    """The results as Markdown tables plus the target checks; and whether all targets pass.

    Times are medians of the rounds; "CPU" is the child's user + system time, which other
    processes on the machine disturb much less than the wall time. Ratios are taken per round
    (each plugin build against the baseline build right after it) and shown as median
    (min–max); the targets are checked on the median.
    """
    med, cpu, peak, ratios = SizeResult.median, SizeResult.cpu, SizeResult.peak, SizeResult.ratios
    lines = [
        f"Command: `python benchmarks/build_bench.py --sizes {args.sizes} --repeat {args.repeat} "
        f"--content {args.content}`",
        "",
        "Ratios a / b per round, median (min–max) over the rounds.",
        "",
        "| content | personas / journeys / photos | YAML per persona | plugin (a) | baseline (b) | "
        "a / b | CPU a | CPU b | CPU a / b | peak RSS a | peak RSS b | RSS a / b | pages a / b | "
        "site MB a / b |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r.content} | {r.personas} / {r.journeys} / {r.photos} | "
            f"{r.yaml_kb_per_persona:.1f} KB | {med(r.plugin):.2f} s | {med(r.baseline):.2f} s | "
            f"{spread(ratios(r.plugin, r.baseline))} | "
            f"{cpu(r.plugin):.2f} s | {cpu(r.baseline):.2f} s | "
            f"{spread(ratios(r.plugin, r.baseline, 'cpu_seconds'))} | "
            f"{peak(r.plugin):.0f} MB | {peak(r.baseline):.0f} MB | "
            f"{spread(ratios(r.plugin, r.baseline, 'rss_mb'))} | "
            f"{r.plugin_pages} / {r.baseline_pages} | "
            f"{r.plugin_site_mb:.1f} / {r.baseline_site_mb:.1f} |"
        )
    lines += [
        "",
        "| content | personas | cold (empty cache) | warm (cache filled) | images: false | "
        "warm / off | CPU warm / off | validate | load average before / after |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r.content} | {r.personas} | {med(r.cold):.2f} s | {med(r.plugin):.2f} s | "
            f"{med(r.images_off):.2f} s | {spread(ratios(r.plugin, r.images_off))} | "
            f"{spread(ratios(r.plugin, r.images_off, 'cpu_seconds'))} | "
            f"{med(r.validate):.2f} s | " + " / ".join(f"{x:.1f}" for x in r.load) + " |"
        )
    lines += ["", "Targets (median of the per-round ratios; min–max and CPU ratio after it):", ""]
    missed: list[str] = []

    def check(text: str, values: list[float], limit: float, note: str = "") -> None:
        value = statistics.median(values)
        ok = value <= limit
        if not ok:
            missed.append(text)
        lines.append(f"- {_verdict(ok)}  {text}: {spread(values)} (target ≤ {limit}×){note}")

    def check_seconds(text: str, value: float, limit: float, note: str = "") -> None:
        ok = value < limit
        if not ok:
            missed.append(text)
        lines.append(f"- {_verdict(ok)}  {text}: {value:.2f} s (target < {limit} s){note}")

    for r in results:
        where = f"at {r.personas}, {r.content} content"
        cpu_note = f" [CPU {spread(ratios(r.plugin, r.baseline, 'cpu_seconds'))}]"
        if r.personas == TARGET_SIZE:
            check(
                f"plugin build / baseline build {where}",
                ratios(r.plugin, r.baseline),
                TARGET_BUILD,
                cpu_note,
            )
        check(
            f"warm rebuild / images: false {where}",
            ratios(r.plugin, r.images_off),
            TARGET_WARM,
            f" [CPU {spread(ratios(r.plugin, r.images_off, 'cpu_seconds'))}]",
        )
        check(
            f"peak RSS plugin / baseline {where}",
            ratios(r.plugin, r.baseline, "rss_mb"),
            TARGET_RSS,
        )
        if r.personas == TARGET_SIZE:
            check_seconds(
                f"validate on {r.personas} personas + {r.journeys} journeys, {r.content} content",
                med(r.validate),
                TARGET_VALIDATE,
                f" [CPU {cpu(r.validate):.2f} s]",
            )
    if not any(r.personas == TARGET_SIZE for r in results):
        lines.append(f"- (build-time and validate targets apply at {TARGET_SIZE} personas)")
    lines += [
        "",
        "Verdict: every target met."
        if not missed
        else f"Verdict: {len(missed)} target(s) missed: " + "; ".join(missed) + ".",
    ]
    return "\n".join(lines), not missed


def main(argv: list[str] | None = None) -> int:
    """Command line entry point; exit 1 when a target is missed."""
    parser = argparse.ArgumentParser(
        description="Benchmark the persona plugin against plain Markdown pages."
    )
    parser.add_argument("--sizes", default="100,1000", help="persona counts (default 100,1000)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of a, b, images-off (3)")
    parser.add_argument("--cold", type=int, default=1, help="cold builds per size (1)")
    parser.add_argument("--keep", type=Path, help="write the projects and sites here and keep them")
    parser.add_argument("--json", type=Path, help="also write every measurement to this file")
    parser.add_argument("--seed", type=int, default=0, help="content seed (0)")
    parser.add_argument(
        "--content",
        choices=(*synthetic.CONTENTS, "both"),
        default="both",
        help="content weight: full (~3.5 KB of YAML per persona), light (~1 KB) or both (default)",
    )
    args = parser.parse_args(argv)
    contents = synthetic.CONTENTS if args.content == "both" else (args.content,)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if args.repeat < 1 or args.cold < 1 or not sizes:
        parser.error("--repeat and --cold must be at least 1 and --sizes not empty")

    info = machine()
    print("Machine: " + "; ".join(f"{k} {v}" for k, v in info.items()), flush=True)
    work = args.keep.absolute() if args.keep else Path(tempfile.mkdtemp(prefix="persona-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results: list[SizeResult] = []
    try:
        for count in sizes:
            for content in contents:
                print(f"\n== {count} personas, {content} content ==", flush=True)
                results.append(
                    bench_size(count, work, args.repeat, args.cold, args.seed, content)
                )
    except BenchError as exc:
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
                {"machine": info, "args": vars(args) | {"keep": str(args.keep), "json": None},
                 "results": [asdict(r) for r in results]},
                indent=2,
                default=str,
            ),
            encoding="utf-8",
        )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
