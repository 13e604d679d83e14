"""``mkdocs-persona export``: the handbook's data as JSON or CSV, for other tools.

JSON is the same document the site publishes as ``personas.json``/``journeys.json``; CSV has
one row per persona (or per journey stage) with flat columns for spreadsheets and CRMs. Page
URLs come from ``mkdocs.yml`` (``url_prefix``, ``use_directory_urls``, ``journey_pages``); they
are left empty when no ``mkdocs.yml`` is found.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

from ..core.intervals import parse_interval
from ..core.loader import Handbook
from ..core.models import Journey, Persona
from ..core.options import HandbookOptions
from ..core.problems import format_text
from ..core.project import ProjectOptions, _TolerantLoader
from ..core.reviews import plural
from ..render import exports
from ..render.pages.exports import url_of
from ..render.site import BuildContext, make_environment
from ..render.strings import Strings
from .common import load_project

FORMATS = ("json", "csv")


HELP = "print the personas or journeys as JSON or CSV"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``export`` subcommand's own options."""
    parser.add_argument("--format", choices=FORMATS, default="json",
                        help="json (default; the site's personas.json/journeys.json) or csv")
    parser.add_argument("--kind", choices=exports.KINDS, default="personas",
                        help="personas (default) or journeys (CSV: one row per stage)")
    parser.add_argument("-o", "--output", metavar="FILE", type=Path, default=None,
                        help="write to FILE instead of standard output")
    parser.add_argument("--today", metavar="YYYY-MM-DD",
                        help="date review states are computed for (default: today)")


def _site_config(args: argparse.Namespace) -> dict[str, Any] | None:
    """The top level of ``mkdocs.yml``, or ``None`` when there is none."""
    path: Path = args.config_file or Path.cwd() / "mkdocs.yml"
    if not path.is_file():
        return None
    try:
        config = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (yaml.YAMLError, UnicodeDecodeError, OSError):
        return None
    return config if isinstance(config, dict) else {}


def build_context(
    project: ProjectOptions, handbook: Handbook, site: dict[str, Any] | None
) -> BuildContext:
    """A build context equivalent to the site build's (raises ``ValueError`` on bad options)."""
    opts = project.options
    options = HandbookOptions(
        project_root=project.root,
        personas_dir=project.personas_dir,
        journeys_dir=project.journeys_dir,
        cache_dir=project.root / str(opts.get("cache_dir", ".cache/plugin/persona")),
        today=handbook.today,
        url_prefix=str(opts.get("url_prefix") or "").strip("/"),
        use_directory_urls=bool((site or {}).get("use_directory_urls", True)),
        journey_pages=bool(opts.get("journey_pages", True)),
        review_every=parse_interval(str(opts.get("review_every", "1 year"))),
        due_soon=parse_interval(str(opts.get("due_soon", "30 days"))),
    )
    return BuildContext(
        handbook=handbook,
        options=options,
        strings=Strings(options.language),
        env=make_environment(),
    )


def render(ctx: BuildContext, kind: str, fmt: str, *, urls: bool = True) -> str:
    """The export text of ``kind`` in format ``fmt`` (``json`` or ``csv``)."""

    def url(item: Persona | Journey) -> str | None:
        return url_of(ctx, item) if urls else None

    items = exports.records(ctx.handbook, kind, review=ctx.review, url=url)
    if fmt == "csv":
        return exports.csv_text(kind, items)
    return exports.dumps(exports.document(kind, items, ctx.handbook.today))


def _write_stdout(text: str) -> None:
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def run(args: argparse.Namespace) -> int:
    """Print (or write) the export; exit 2 listing every problem when the data is invalid."""
    project, handbook, problems = load_project(args)
    if problems or handbook is None:
        print(format_text(problems), file=sys.stderr)
        print(f"{plural(len(problems), 'problem')} found; nothing exported.", file=sys.stderr)
        return 2
    site = _site_config(args)
    try:
        ctx = build_context(project, handbook, site)
    except ValueError as exc:
        print(f"error: persona plugin option: {exc}", file=sys.stderr)
        return 2
    text = render(ctx, args.kind, args.format, urls=site is not None)
    if args.output is None:
        _write_stdout(text)
        return 0
    try:
        args.output.write_text(text, encoding="utf-8", newline="")
    except OSError as exc:
        print(f"error: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    count = len(handbook.personas if args.kind == "personas" else handbook.journeys)
    print(f"wrote {args.output} ({count} {args.kind})", file=sys.stderr)
    return 0
