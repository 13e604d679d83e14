"""Image benchmark: a cold build (empty image cache) against the same build with ``images: false``.

It writes the synthetic handbook of ``build_bench.py`` (default 1000 personas, a 600×600 JPEG
photo for every fifth) and builds it in rounds, each a cold build with images (``.cache``
deleted first) followed by a build with ``images: false``, in their own processes
(``python -m mkdocs build -q``). A first strict build of each, not counted, proves both build
cleanly and warms the disk cache. It prints the medians (with min–max) of both times and of
the ratio cold / images-off *per round*, so that machine noise, which drifts over minutes,
hits both sides of each ratio alike.

With ``--stage`` it also times the image stage alone in this process (avatars, then social
cards, from an empty cache), which shows what drawing costs without MkDocs around it.

Target (a benchmark, not a timed test): cold build ≤ 2 × the build with ``images: false`` at
1000 personas.

Usage::

    python benchmarks/image_bench.py                       # 1000 personas, 3 rounds
    python benchmarks/image_bench.py --personas 200 --repeat 1 --stage
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_bench
import synthetic
from build_bench import spread

TARGET_COLD = 2.0  # cold build with images / build with images: false


def cache_sizes(cache: Path) -> list[tuple[str, int, int]]:
    """``(kind, files, bytes)`` for the social cards and each avatar size in ``cache``."""
    kinds = [("social cards", "card-*.png")] + [
        (f"avatars {size} px", f"avatar-*-{size}-*") for size in (96, 256)
    ]
    rows = []
    for label, pattern in kinds:
        files = [p for p in cache.glob(pattern) if p.is_file()]
        rows.append((label, len(files), sum(p.stat().st_size for p in files)))
    return rows


def image_stage(root: Path, cache: Path) -> tuple[float, float, float, float]:
    """Wall and CPU seconds of the avatars and of the social cards, drawn from an empty cache
    in this process: ``(avatars wall, avatars CPU, cards wall, cards CPU)``."""
    from mkdocs_persona_plugin.core.loader import load_handbook
    from mkdocs_persona_plugin.core.project import find_project
    from mkdocs_persona_plugin.core.site_options import handbook_options, site_config
    from mkdocs_persona_plugin.images import ImageCache
    from mkdocs_persona_plugin.render.build import make_context
    from mkdocs_persona_plugin.render.pages import shared

    project = find_project(root / "mkdocs.yml")
    handbook = load_handbook(
        project.personas_dir, project.journeys_dir, root=project.root, today=synthetic.TODAY
    )
    options = handbook_options(project, site_config(project.config_file), synthetic.TODAY)
    shutil.rmtree(cache, ignore_errors=True)
    ctx = make_context(handbook, options, images=ImageCache(cache))
    wall0, cpu0 = time.perf_counter(), time.process_time()
    shared.avatar_files(ctx)
    wall1, cpu1 = time.perf_counter(), time.process_time()
    shared.social_cards(ctx)
    wall2, cpu2 = time.perf_counter(), time.process_time()
    return wall1 - wall0, cpu1 - cpu0, wall2 - wall1, cpu2 - cpu1


def main(argv: list[str] | None = None) -> int:
    """Command line entry point; exit 1 when the target is missed, 2 when a build fails."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--personas", type=int, default=1000, help="handbook size (1000)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of cold + images off (3)")
    parser.add_argument(
        "--content", choices=("full", "light"), default="full", help="text weight (full)"
    )
    parser.add_argument("--stage", action="store_true", help="also time the image stage alone")
    parser.add_argument("--keep", type=Path, help="write the project and sites here and keep them")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.personas < 1:
        parser.error("--repeat and --personas must be at least 1")

    info = build_bench.machine()
    print("Machine: " + "; ".join(f"{k} {v}" for k, v in info.items()), flush=True)
    work = args.keep.absolute() if args.keep else Path(tempfile.mkdtemp(prefix="persona-img-"))
    root = work / f"images-{args.personas}"
    shutil.rmtree(root, ignore_errors=True)
    plugin, logs = root / "plugin", root / "logs"
    logs.mkdir(parents=True)
    cold: list[build_bench.Run] = []
    off: list[build_bench.Run] = []
    try:
        book = build_bench.write_plugin_project(plugin, args.personas, content=args.content)
        on_cfg, off_cfg = plugin / "mkdocs.yml", plugin / "mkdocs-noimages.yml"
        site_on, site_off, cache = root / "site-images", root / "site-noimages", plugin / ".cache"
        print(
            f"{args.personas} personas ({args.content} content), {len(book.photos)} photos; "
            f"load average {os.getloadavg()[0]:.2f}",
            flush=True,
        )
        shutil.rmtree(cache, ignore_errors=True)
        build_bench.mkdocs_build(off_cfg, site_off, logs / "warmup-off.log", strict=True)
        build_bench.mkdocs_build(on_cfg, site_on, logs / "warmup-on.log", strict=True)
        for i in range(args.repeat):
            shutil.rmtree(cache, ignore_errors=True)
            cold.append(build_bench.mkdocs_build(on_cfg, site_on, logs / f"cold-{i}.log"))
            off.append(build_bench.mkdocs_build(off_cfg, site_off, logs / f"off-{i}.log"))
            print(
                f"  [{time.strftime('%H:%M:%S')}] round {i + 1}/{args.repeat}: cold "
                f"{cold[-1].seconds:.2f} s (CPU {cold[-1].cpu_seconds:.2f} s), images off "
                f"{off[-1].seconds:.2f} s, ratio {cold[-1].seconds / off[-1].seconds:.2f}×",
                flush=True,
            )
        sizes = cache_sizes(cache / "plugin" / "persona")  # the default cache_dir
        stage = image_stage(plugin, root / "stage-cache") if args.stage else None
    except build_bench.BenchError as exc:
        print(f"\nerror: {exc}", file=sys.stderr)
        return 2
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    ratios = [c.seconds / o.seconds for c, o in zip(cold, off, strict=True)]
    cpu_ratios = [c.cpu_seconds / o.cpu_seconds for c, o in zip(cold, off, strict=True)]
    print(
        f"\nCommand: `python benchmarks/image_bench.py --personas {args.personas} "
        f"--repeat {args.repeat} --content {args.content}` ({dt.date.today().isoformat()}); "
        "median (min–max)\n"
    )
    print("| cold build, images on | images: false | cold / off | CPU cold / off |")
    print("|---|---|---|---|")
    print(
        f"| {spread([r.seconds for r in cold], ' s')} | {spread([r.seconds for r in off], ' s')} "
        f"| {spread(ratios)} | {spread(cpu_ratios)} |"
    )
    print("\n| image files | count | total | each |\n|---|---|---|---|")
    for label, count, total in sizes:
        each = total / count / 1024 if count else 0.0
        print(f"| {label} | {count} | {total / 1e6:.2f} MB | {each:.1f} KB |")
    if stage is not None:
        print(
            f"\nImage stage alone: avatars {stage[0]:.2f} s (CPU {stage[1]:.2f} s), "
            f"social cards {stage[2]:.2f} s (CPU {stage[3]:.2f} s)"
        )
    ratio = statistics.median(ratios)
    ok = ratio <= TARGET_COLD
    print(
        f"\n- {'PASS' if ok else 'FAIL'}  cold build / images: false at {args.personas}: "
        f"{ratio:.2f}× (target ≤ {TARGET_COLD}×)"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
