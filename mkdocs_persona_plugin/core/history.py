"""What git knows about the persona and journey files: when each last changed, and by whom.

"Last reviewed" is what a persona's owner claims; "last updated" is when its file last changed.
Readers need both, and the commits in between ("changed since the last review") tell an owner
what to look at. One ``git log`` covers both content folders, whatever their size.

Everything degrades quietly: without git, outside a work tree, or in a shallow clone (where the
oldest commit stands in for all history, so every date would be wrong) :func:`read_history`
returns a history that knows nothing and says why, in one line for the log.

For pull requests, :func:`changed_files` lists the files changed since a ref and
:func:`file_at` reads a file as it was there; they raise :class:`GitError` with a message that
says what to do (a CI checkout without history, a ref that was never fetched).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

#: At most this many commits are listed as "changed since the last review".
CHANGES_LISTED = 10

_RECORD = "\x1e"
_FIELD = "\x1f"


class GitError(RuntimeError):
    """Git cannot answer; ``str()`` says why and what to do."""


@dataclass(frozen=True)
class Commit:
    """One commit that touched a file."""

    sha: str
    date: dt.date
    author: str
    subject: str

    @property
    def short(self) -> str:
        """The abbreviated commit id."""
        return self.sha[:7]


@dataclass
class History:
    """The commits that touched each content file, newest first (empty when unavailable)."""

    by_file: dict[str, list[Commit]] = field(default_factory=dict)
    #: Why there is no history (for one info line in the log), or ``None`` when there is.
    unavailable: str | None = None

    @property
    def available(self) -> bool:
        """Whether git answered (a full-history work tree)."""
        return self.unavailable is None

    def commits(self, rel: str) -> list[Commit]:
        """Commits that touched ``rel`` (a path relative to the project root), newest first."""
        return list(self.by_file.get(rel, ()))

    def last_updated(self, rel: str) -> dt.date | None:
        """When ``rel`` last changed in a commit, or ``None`` (unknown or never committed)."""
        commits = self.by_file.get(rel)
        return commits[0].date if commits else None

    def changed_since(
        self, rel: str, since: dt.date | None, limit: int = CHANGES_LISTED
    ) -> list[Commit]:
        """The newest ``limit`` commits touching ``rel`` after the day ``since``.

        Commits made on the review day itself are taken to be the review.
        """
        if since is None:
            return []
        return [c for c in self.by_file.get(rel, ()) if c.date > since][:limit]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(GIT_TERMINAL_PROMPT="0", GIT_OPTIONAL_LOCKS="0", LC_ALL="C")
    return env


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run git in ``root``; ``GitError`` when git is missing."""
    exe = shutil.which("git")
    if exe is None:
        raise GitError("git is not installed (or not on PATH)")
    return subprocess.run(
        [exe, "-c", "core.quotepath=off", "--no-pager", *args],
        cwd=root, capture_output=True, text=True, encoding="utf-8", errors="replace",
        env=_env(), check=False,
    )


def _toplevel(root: Path) -> Path:
    """The work tree ``root`` is in; ``GitError`` when it is in none."""
    done = _git(root, "rev-parse", "--show-toplevel")
    if done.returncode != 0:
        raise GitError(f"{root} is not in a git work tree")
    return Path(done.stdout.strip()).resolve()


def _is_shallow(root: Path) -> bool:
    done = _git(root, "rev-parse", "--is-shallow-repository")
    return done.returncode == 0 and done.stdout.strip() == "true"


def _pathspecs(top: Path, folders: Iterable[Path]) -> list[str]:
    specs = []
    for folder in folders:
        try:
            specs.append(folder.resolve().relative_to(top).as_posix() or ".")
        except ValueError:
            continue  # a folder outside the work tree has no history here
    return specs


def _relative(top: Path, root: Path, git_path: str) -> str | None:
    """A path git printed (relative to the work tree) as a path relative to the project root."""
    try:
        return (top / git_path).relative_to(root.resolve()).as_posix()
    except ValueError:
        return None


def read_history(root: Path, folders: Sequence[Path]) -> History:
    """The commit history of every file in ``folders`` (one ``git log``), or why there is none."""
    try:
        top = _toplevel(root)
        if _is_shallow(root):
            return History(
                unavailable="the git checkout is shallow, so the dates of changes are unknown "
                "(fetch the full history, e.g. 'fetch-depth: 0' in actions/checkout)"
            )
        specs = _pathspecs(top, folders)
        if not specs:
            return History(unavailable="the content folders are outside the git work tree")
        done = _git(
            top, "log", f"--format={_RECORD}%H{_FIELD}%aI{_FIELD}%an{_FIELD}%s", "--name-only",
            "--", *specs,
        )
    except GitError as exc:
        return History(unavailable=str(exc))
    except OSError as exc:
        return History(unavailable=f"git could not run: {exc.strerror or exc}")
    if done.returncode != 0:
        # A repository without commits yet says so on stderr; nothing has a history then.
        return History(unavailable=done.stderr.strip().splitlines()[-1] if done.stderr else "")
    return History(by_file=_parse_log(done.stdout, top, root))


def _parse_log(text: str, top: Path, root: Path) -> dict[str, list[Commit]]:
    by_file: dict[str, list[Commit]] = {}
    for record in text.split(_RECORD)[1:]:
        head, _, names = record.partition("\n")
        sha, when, author, subject = [*head.split(_FIELD), "", "", "", ""][:4]
        try:
            date = dt.datetime.fromisoformat(when.strip()).date()
        except ValueError:
            continue
        commit = Commit(sha=sha, date=date, author=author, subject=subject)
        for name in names.splitlines():
            rel = _relative(top, root, name.strip()) if name.strip() else None
            if rel is not None:
                by_file.setdefault(rel, []).append(commit)
    return by_file


@dataclass(frozen=True)
class Change:
    """A content file changed since a ref: ``A``dded, ``M``odified or ``D``eleted.

    A file's name is its record's id, so a renamed file is a deletion and an addition (git's
    similarity guess would also pair two different personas written from one template).
    """

    status: str
    path: str  #: relative to the project root


def changed_files(root: Path, ref: str, folders: Sequence[Path]) -> list[Change]:
    """Files in ``folders`` that differ between ``ref`` and the work tree (since their merge base).

    Like a pull request's diff: only what changed on this side since it branched from ``ref``;
    new files not yet added to git count as added.
    """
    top = _toplevel(root)
    if ref.startswith("-"):
        raise GitError(f"'{ref}' is not a git ref")
    if _git(top, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").returncode != 0:
        hint = (
            "; this checkout is shallow: fetch the history (e.g. 'fetch-depth: 0' in "
            "actions/checkout)" if _is_shallow(root) else
            "; fetch it first (e.g. 'git fetch origin main') or check the name"
        )
        raise GitError(f"unknown git ref '{ref}'{hint}")
    base = _git(top, "merge-base", ref, "HEAD")
    if base.returncode != 0:
        raise GitError(f"'{ref}' and HEAD have no common history; fetch the full history")
    specs = _pathspecs(top, folders)
    if not specs:
        return []
    done = _git(
        top, "diff", "--name-status", "--no-renames", "-z", base.stdout.strip(), "--", *specs
    )
    if done.returncode != 0:
        raise GitError(done.stderr.strip() or "git diff failed")
    fields = done.stdout.split("\0")
    changes: list[Change] = []
    for status, name in zip(fields[0::2], fields[1::2], strict=False):  # a trailing NUL
        rel = _relative(top, root, name)
        if status and rel is not None:
            changes.append(Change(status[0], rel))
    # A new file not yet added to git is a change too (locally, before the commit).
    untracked = _git(top, "ls-files", "--others", "--exclude-standard", "-z", "--", *specs)
    for name in untracked.stdout.split("\0") if untracked.returncode == 0 else []:
        rel = _relative(top, root, name) if name else None
        if rel is not None:
            changes.append(Change("A", rel))
    return sorted(changes, key=lambda c: c.path)


def file_at(root: Path, ref: str, rel: str) -> bytes | None:
    """The content of ``rel`` (relative to the project root) at the merge base of ``ref`` and
    HEAD, or ``None`` when it did not exist there."""
    top = _toplevel(root)
    base = _git(top, "merge-base", ref, "HEAD").stdout.strip()
    path = (root.resolve() / rel).relative_to(top).as_posix()
    exe = shutil.which("git")
    if exe is None or not base:
        return None
    done = subprocess.run(
        [exe, "--no-pager", "show", f"{base}:{path}"], cwd=top, capture_output=True,
        env=_env(), check=False,
    )
    return done.stdout if done.returncode == 0 else None
