"""How MkDocs writes the plugin's generated files (the adapter's side of :class:`~.site.Output`).

A large handbook has thousands of generated files; these ``File`` kinds keep them cheap in
memory and on disk without leaving MkDocs' file pipeline (``--dirty``, ``serve`` and other
plugins see them like any other file).

Under ``mkdocs serve --dirty`` MkDocs rebuilds only the files whose ``is_modified()`` is true,
and for a file held in memory that is always true. A :class:`GeneratedFile` instead says
whether its content differs from what the plugin generated at the same place in the previous
build of the session, or the site lost it (:func:`output_digest`; the plugin compares and
sets ``changed``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import zlib

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from ..render.site import Output

#: The fields of an :class:`Output` that make its file; not those that act only through the
#: navigation (compared on its own).
_CONTENT_FIELDS = tuple(
    f.name for f in dataclasses.fields(Output) if f.name not in ("nav_section", "nav_weight")
)


def output_digest(out: Output) -> int:
    """A fingerprint of everything the plugin puts into the finished file of ``out``: every
    field of the :class:`Output` (for a page: its Markdown, HTML body and chrome, extra
    ``<head>``, title, edit link, …; for a data file: its bytes; for an image: the cached
    file it is) but its place in the navigation.

    It is Python's own hash of those values, compared only within one process (one ``mkdocs
    serve`` session): 64 bits, and nearly free for a page reused from the previous build,
    whose texts are the very same objects (a string computes its hash once).
    """
    values: list[object] = []
    for name in _CONTENT_FIELDS:
        value = getattr(out, name)
        if isinstance(value, list):  # the chrome: a list of strings
            value = tuple(value)
        elif isinstance(value, os.PathLike):
            value = os.fspath(value)
        values.append(value)
    return hash(tuple(values))


class GeneratedFile(File):
    """A file the plugin generated in memory, modified or not since the last build.

    ``changed`` is true unless the plugin found the same content in the site from the previous
    build of this session. MkDocs asks ``is_modified()`` only for ``--dirty`` builds.
    """

    changed: bool = True

    def is_modified(self) -> bool:
        """Whether ``--dirty`` must (re)build this file."""
        return self.changed


def force_modified(file: File) -> None:
    """Make ``file`` (a page from ``docs_dir``) count as modified in this ``--dirty`` build,
    whatever its dates say: something every page shows (the navigation, the preview notice)
    has changed. MkDocs has no other way to ask for it."""
    file.is_modified = _modified  # type: ignore[method-assign]


def _modified() -> bool:
    return True


class PackedFile(GeneratedFile):
    """A generated file whose content stays zlib-compressed until MkDocs writes it.

    MkDocs keeps every generated file's content in memory for the whole build; the data files
    of a large handbook are megabytes of JSON. Every ``File`` method reads the content through
    ``_content``, so the property decompresses it there, on demand.
    """

    packed: bytes = b""

    @classmethod
    def from_packed(cls, config: MkDocsConfig, src_uri: str, packed: bytes) -> PackedFile:
        """A generated file at ``src_uri`` whose content is ``packed`` (zlib data)."""
        file = cls.generated(config, src_uri, content=b"")
        assert isinstance(file, cls)
        file.packed = packed
        return file

    @property
    def _content(self) -> bytes | None:
        return zlib.decompress(self.packed) if self.packed else b""

    @_content.setter
    def _content(self, value: str | bytes | None) -> None:
        raw = value.encode("utf-8") if isinstance(value, str) else value or b""
        self.packed = zlib.compress(raw, 1) if raw else b""


class LinkedFile(GeneratedFile):
    """A file from the plugin's image cache, hard-linked into the site when it can be.

    Copying costs about a fifth of a millisecond per file, mostly opening and creating
    files: 0.6 s for the 3000 avatars and social cards of 1000 personas, 5 % of a warm
    build. A hard link is eight times cheaper. It is used only when the cache and the site are
    on the same file system; otherwise (and on any error) the file is copied as usual.

    The cache names a file by everything it is drawn from, so the same cached file gives the
    same bytes: ``changed`` is false when the previous build of the session put this very
    file at the same place, and it is still there.
    """

    def copy_file(self, dirty: bool = False) -> None:
        """Link (or copy) the cached file to its place in the site."""
        if dirty and not self.is_modified():
            return
        assert self.abs_src_path is not None
        dest = self.abs_dest_path
        try:
            os.link(self.abs_src_path, dest)  # the usual case: a clean site folder
            return
        except OSError:
            pass  # no folder yet, a file there already (--dirty), or no links here: below
        temp = f"{dest}.pp-link"
        try:
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            with contextlib.suppress(FileNotFoundError):
                os.remove(temp)
            os.link(self.abs_src_path, temp)
            os.replace(temp, dest)
        except OSError:
            with contextlib.suppress(OSError):
                os.remove(temp)
            super().copy_file(dirty)
        else:
            # rename() leaves both names when they already are links to the same file.
            with contextlib.suppress(FileNotFoundError):
                os.remove(temp)
