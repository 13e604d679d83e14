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

from ..core.models import Journey, Persona
from ..core.problems import format_text
from ..core.reviews import plural
from ..core.site_options import handbook_options
from ..render import exports
from ..render.build import make_context
from ..render.pages.exports import url_of
from ..render.site import BuildContext
from .common import load_project, site_of

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
    try:
        options = handbook_options(project, site_of(project), handbook.today)
    except ValueError as exc:
        print(f"error: persona plugin option {exc}", file=sys.stderr)
        return 2
    ctx = make_context(handbook, options)
    text = render(ctx, args.kind, args.format, urls=project.config_file is not None)
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
