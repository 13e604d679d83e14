"""How long does validating a large handbook take?

Generates 1000 realistic persona files (about 3 KB each) and 250 journeys in a temporary
folder, then times :func:`mkdocs_persona_plugin.core.loader.load_handbook` with libyaml's C parser
(what users get when PyYAML was built with it) and with PyYAML's pure-Python parser, and
prints both wall times and their ratio. The target: well under two seconds with the C parser.

Run it with ``python benchmarks/validate_speed.py [--personas N] [--journeys N] [--repeat N]``.
It is a script, not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from mkdocs_persona_plugin.core import yamlsafe
from mkdocs_persona_plugin.core.loader import Handbook, load_handbook

TODAY = dt.date(2026, 11, 29)
FIRST = ["Margie", "Hannah", "Ben", "Fiona", "Ian", "Paula", "Sam", "Oscar", "Carla", "Bruno"]
ROLES = [
    "Finance Manager",
    "Head of Finance",
    "Bookkeeper",
    "Freelancer",
    "IT Admin",
    "Procurement Lead",
    "Sales Rep",
    "Operations Lead",
    "Accountant",
    "Founder",
]
_WORD_TEXT = (
    "close reconcile invoice receipt audit ledger export approval budget forecast payroll "
    "supplier customer report spreadsheet deadline month-end dashboard integration mobile "
    "team trial onboarding workflow"
)
WORDS = _WORD_TEXT.split()
TYPES = ["buyer", "user", "decision-maker", "influencer", "detractor", "payer"]


def _sentence(rng: random.Random, words: int = 7) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _items(rng: random.Random, key: str, count: int, indent: str = "") -> str:
    lines = [f"{indent}{key}:"]
    lines += [f"{indent}  - {_sentence(rng)}" for _ in range(count)]
    return "\n".join(lines) + "\n"


def persona_yaml(index: int, total: int, rng: random.Random) -> str:
    """One persona file of about 3 KB that uses most fields."""
    name = f"{rng.choice(ROLES)} {rng.choice(FIRST)} {index}"
    related = sorted(
        {f"persona-{rng.randrange(total):04d}" for _ in range(3)} - {f"persona-{index:04d}"}
    )
    parts = [
        "# yaml-language-server: $schema=../schemas/persona.schema.json\n",
        f"name: {name}\n",
        f"type: {rng.choice(TYPES)}\n",
        "market: b2b\n",
        "segment: SMB and mid-market (20–250 employees)\n",
        "status: active\n",
        f"tagline: {_sentence(rng, 10)}\n",
        '"owner": "@product-marketing"\n',
        f"last_reviewed: 2026-0{rng.randrange(1, 10)}-1{rng.randrange(10)}\n",
        "bio: |\n",
        f"  {_sentence(rng, 20)}\n  {_sentence(rng, 20)}\n\n  **{_sentence(rng, 8)}**\n",
        "quotes:\n",
        f"  - text: {_sentence(rng)}\n    source: Customer interview, March 2026\n",
        f"  - {_sentence(rng)}\n",
        "demographics:\n  Age: 38\n  Location: Bristol, UK\n  Household: Partner and a son\n",
        "role:\n  Job title: Finance Manager\n  Team: 2 bookkeepers\n  Budget: £20k/year\n",
        _items(rng, "goals", 4),
        _items(rng, "challenges", 4),
        _items(rng, "motivations", 2),
        _items(rng, "needs", 3),
        _items(rng, "objections", 2),
        _items(rng, "behaviors", 2),
        _items(rng, "channels", 2),
        _items(rng, "tools", 2),
        "messaging:\n",
        f"  pitch: {_sentence(rng, 20)}\n",
        "  vocabulary: [reconcile, close checklist, audit trail]\n",
        "  avoid: [effortless, one-click migration]\n",
        f"share: {rng.randrange(1, 30)}\n",
        "research:\n  interviews: 21\n  sources:\n    - Customer interviews, 2026\n"
        "  confidence: high\n",
        "tags: [b2b, smb, onboarding]\n",
        "related:\n" + "".join(f"  - {r}\n" for r in related),
        "review_every: 6 months\n",
        "sections:\n  A day in the life:\n",
        "".join(f'    - "{_sentence(rng, 10)}"\n' for _ in range(3)),
    ]
    return "".join(parts)


def journey_yaml(index: int, personas: int, rng: random.Random) -> str:
    """One journey with five stages, several personas and per-persona emotions."""
    members = sorted({f"persona-{rng.randrange(personas):04d}" for _ in range(2)})
    stages = []
    for s in range(5):
        emotion = "".join(f"      {m}: {rng.randint(-2, 2)}\n" for m in members)
        stages.append(
            f"  - name: Stage {s + 1}\n"
            f"    description: {_sentence(rng)}\n"
            + _items(rng, "actions", 2, "    ")
            + _items(rng, "thoughts", 1, "    ")
            + _items(rng, "pain_points", 1, "    ")
            + _items(rng, "opportunities", 1, "    ")
            + f"    moment_of_truth: {'true' if s == 2 else 'false'}\n"
            + "    emotion:\n"
            + emotion
        )
    return (
        f"title: Journey {index}\n"
        "personas:\n"
        + "".join(f"  - {m}\n" for m in members)
        + "state: current\nowner: '@growth'\nlast_reviewed: 2026-10-21\n"
        f"goal: {_sentence(rng)}\n"
        "stages:\n" + "".join(stages)
    )


def generate(root: Path, personas: int, journeys: int, seed: int = 7) -> int:
    """Write the files; return the total number of bytes written."""
    rng = random.Random(seed)
    (root / "personas").mkdir(parents=True)
    (root / "journeys").mkdir(parents=True)
    size = 0
    for i in range(personas):
        text = persona_yaml(i, personas, rng)
        size += (root / "personas" / f"persona-{i:04d}.yaml").write_text(text, encoding="utf-8")
    for i in range(journeys):
        text = journey_yaml(i, personas, rng)
        size += (root / "journeys" / f"journey-{i:04d}.yaml").write_text(text, encoding="utf-8")
    return size


def _time(load: Callable[[], Handbook], repeat: int) -> tuple[float, float, Handbook]:
    """Median wall time and CPU time of ``repeat`` runs (after one warm-up run)."""
    walls, cpus = [], []
    handbook = load()  # warm up: imports, file system cache
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        handbook = load()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), handbook


def main(argv: list[str] | None = None) -> int:
    """Generate, time, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--personas", type=int, default=1000)
    parser.add_argument("--journeys", type=int, default=250)
    parser.add_argument("--repeat", type=int, default=3, help="runs per loader (median shown)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        size = generate(root, args.personas, args.journeys)
        print(
            f"{args.personas} personas + {args.journeys} journeys, "
            f"{size / 1024:.0f} KB ({size / max(args.personas + args.journeys, 1) / 1024:.1f} KB "
            "per file on average)"
        )

        def load() -> Handbook:
            return load_handbook(root / "personas", root / "journeys", root=root, today=TODAY)

        results: dict[str, float] = {}
        runs: list[tuple[str, Callable[[], contextlib.AbstractContextManager[None]]]] = []
        if yamlsafe.is_c_loader():
            runs.append(("C (libyaml)", contextlib.nullcontext))
        runs.append(("pure Python", yamlsafe.pure_python))
        for label, use_parser in runs:
            with use_parser():
                seconds, cpu, handbook = _time(load, args.repeat)
            assert len(handbook.personas) == args.personas, "generated personas must be valid"
            assert len(handbook.journeys) == args.journeys, "generated journeys must be valid"
            results[label] = seconds
            print(f"load_handbook, {label:12}: {seconds:.3f} s wall ({cpu:.3f} s CPU)")
        if len(results) == 2:
            c, py = results["C (libyaml)"], results["pure Python"]
            print(f"pure Python / C: {py / c:.1f}x")
        else:
            print("libyaml is not available: PyYAML was built without it", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
