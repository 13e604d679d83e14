"""``mkdocs-persona generate``: the handbook as Markdown pages and files inside ``docs/``.

For hosts that do not run the plugin: Zensical, and MkDocs or ProperDocs without it. The
pages come from the plugin's renderer with the plugin's options from ``mkdocs.yml``; the folder
(default ``<docs_dir>/handbook``) holds only what generate wrote there, listed in its manifest,
besides any hand-written pages, which it never touches. ``--check`` writes nothing and exits 1
when the folder is not what generate would write, for CI and pre-commit hooks.

Review states are computed for ``--today``, the ``today`` option, ``SOURCE_DATE_EPOCH`` or the
current date; ``--check`` uses the date the folder was generated for (kept in the manifest),
so that a check does not fail just because a day has passed: the pages' scripts bring the
review banners and the tracker up to date when they are read.

The pages show git's "last updated" dates and changes since each review only when the folder
is ignored by git (generated before each build, never committed): a committed folder cannot
name the commit that will hold it, so its pages would be out of date after every commit.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jinja2

from ..core.history import History, read_history
from ..core.intervals import resolve_today
from ..core.loader import load_handbook
from ..core.problems import ValidationFailed, format_text
from ..core.project import ProjectOptions
from ..core.site_options import docs_dir, handbook_options, nav_options
from ..generator import (
    MANIFEST,
    Changes,
    WriteRefused,
    compare,
    generate_handbook,
    read_manifest,
    write,
)
from ..generator.nav import NAV_TOML, NAV_YAML
from ..images import ImageCache, PhotoError
from ..render.site import describe_template_error
from ..render.strings import override_problems
from .common import iso_date, plural, project_of, shown, site_of

HELP = "write the handbook as Markdown pages for Zensical and other hosts"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``generate`` subcommand's own options."""
    parser.add_argument("dir", metavar="DIR", nargs="?", type=Path, default=None,
                        help="folder inside the docs folder to write the handbook into "
                             "(default: <docs_dir>/handbook)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 when DIR differs from what generate writes")
    parser.add_argument("--today", metavar="YYYY-MM-DD", type=iso_date,
                        help="date to compute review states for (default: mkdocs.yml's today, "
                             "SOURCE_DATE_EPOCH or the current date; --check: the date DIR "
                             "was generated for)")


def target_folder(
    args: argparse.Namespace, project: ProjectOptions, site: dict[str, Any]
) -> tuple[Path, str]:
    """The folder to write and its path below the docs folder (raises :class:`WriteRefused`
    for a folder outside the docs folder, the docs folder itself, or not a folder)."""
    docs = docs_dir(site, project.root).resolve()
    given: Path = args.dir if args.dir is not None else docs / "handbook"
    folder = given.absolute().resolve()
    root = project.root.resolve()
    if not folder.is_relative_to(root):
        raise WriteRefused(f"{shown(given)} is outside the project folder {shown(root)}")
    if folder == docs:
        raise WriteRefused(
            f"{shown(given)} is the docs folder itself; generate writes into a folder of its "
            f"own inside it, e.g. {shown(docs / 'handbook')}"
        )
    if not folder.is_relative_to(docs):
        raise WriteRefused(
            f"{shown(given)} is not inside the docs folder {shown(docs)}, so the site would "
            "not publish it"
        )
    if folder.exists() and not folder.is_dir():
        raise WriteRefused(f"{shown(given)} is not a folder")
    return folder, folder.relative_to(docs).as_posix()


def _today(args: argparse.Namespace, project: ProjectOptions, recorded: dt.date | None) -> dt.date:
    fixed = args.today or project.options.get("today")
    if not fixed and args.check and recorded is not None:
        return recorded
    try:
        return resolve_today(fixed)
    except ValueError as exc:
        raise ValueError(f"today: {exc}") from None


def ignored_by_git(folder: Path, root: Path) -> bool:
    """Whether git ignores ``folder`` (so that it is generated, never committed)."""
    exe = shutil.which("git")
    if exe is None:
        return False
    rel = folder.relative_to(root.resolve()).as_posix() + "/"
    try:
        done = subprocess.run(
            [exe, "check-ignore", "-q", "--", rel], cwd=root, capture_output=True, check=False
        )
    except OSError:
        return False
    return done.returncode == 0


def content_history(project: ProjectOptions, folder: Path) -> History:
    """The git history the pages show: none unless git ignores ``folder`` (see the module's
    docstring); a note on stderr when it should be there but git cannot give it (a shallow
    clone)."""
    if not ignored_by_git(folder, project.root):
        return History(unavailable="the folder is committed")
    history = read_history(project.root, [project.personas_dir, project.journeys_dir])
    if history.unavailable is not None:
        print(f"note: no 'last updated' dates on the pages: {history.unavailable}.",
              file=sys.stderr)
    return history


def _report_check(folder: Path, changes: Changes) -> int:
    where = shown(folder)
    if changes.up_to_date:
        print(f"{where} is up to date ({plural(changes.unchanged, 'file')}).")
        return 0
    lines = [f"  not written by generate: {shown(folder / r)}" for r in changes.foreign]
    lines += [
        f"  {'missing' if r in changes.missing else 'changed'}: {shown(folder / r)}"
        for r in changes.write
    ]
    lines += [f"  no longer generated: {shown(folder / r)}" for r in changes.remove]
    if changes.manifest_stale and not lines:
        lines.append(f"  changed: {shown(folder / MANIFEST)}")
    print(f"{where} is out of date; run 'mkdocs-persona generate' to update it:")
    print("\n".join(lines))
    return 1


def run(args: argparse.Namespace) -> int:
    """Write (or with ``--check`` compare) the handbook's files; exit 1 on any problem."""
    project = project_of(args)
    site = site_of(project)
    try:
        folder, prefix = target_folder(args, project, site)
        manifest = read_manifest(folder)
    except WriteRefused as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    try:
        today = _today(args, project, manifest.today)
    except ValueError as exc:
        print(f"error: persona plugin option {exc}", file=sys.stderr)
        return 1
    try:
        handbook = load_handbook(
            project.personas_dir, project.journeys_dir, root=project.root, today=today
        )
    except ValidationFailed as failed:
        print(format_text(failed.problems))
        print(f"{plural(len(failed.problems), 'problem')} found; nothing written.",
              file=sys.stderr)
        return 1
    try:
        options = handbook_options(project, site, today)
        nav = nav_options(project)
    except ValueError as exc:
        print(f"error: persona plugin option {exc}", file=sys.stderr)
        return 1
    for problem in override_problems(options.strings):
        print(f"warning: persona plugin option strings: {problem}", file=sys.stderr)
    images = ImageCache(options.cache_dir) if options.images else None
    history = content_history(project, folder)
    try:
        files = generate_handbook(
            handbook, options, prefix, nav=nav, images=images, history=history
        )
    except jinja2.TemplateError as exc:
        print(f"error: {describe_template_error(exc)}; nothing written.", file=sys.stderr)
        return 1
    except (ValueError, OSError, PhotoError) as exc:
        print(f"error: {exc}; nothing written.", file=sys.stderr)
        return 1
    for notice in images.take_notices() if images is not None else []:
        print(notice, file=sys.stderr)
    changes = compare(folder, files, manifest, today)
    if args.check:
        return _report_check(folder, changes)
    if changes.foreign:
        print(
            f"error: not writing {shown(folder)}: these files are in the way (generate did "
            f"not write them: they are not in its {MANIFEST}, or the path goes through a "
            "symbolic link):",
            file=sys.stderr,
        )
        for rel in changes.foreign:
            print(f"  {shown(folder / rel)}", file=sys.stderr)
        print("Move or delete them, or generate into another folder.", file=sys.stderr)
        return 1
    try:
        write(folder, files, changes, today)
    except (WriteRefused, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(
        f"{shown(folder)}: {plural(len(changes.write), 'file')} written, "
        f"{len(changes.remove)} removed, {changes.unchanged} unchanged "
        f"(review states as of {today.isoformat()})."
    )
    if NAV_YAML in changes.write:
        print(
            f"Navigation: add the entries of {shown(folder / NAV_YAML)} to nav in mkdocs.yml "
            f"(or of {NAV_TOML} to zensical.toml)."
        )
    return 0
