"""The adapter's generated-file kinds: cached images linked into the site, packed data files."""

from __future__ import annotations

import errno
import os
import zlib
from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig

from mkdocs_persona_plugin.mkdocs.files import LinkedFile, PackedFile


def config(tmp_path: Path) -> MkDocsConfig:
    (tmp_path / "docs").mkdir(exist_ok=True)
    cfg = MkDocsConfig()
    cfg.load_dict(
        {"site_name": "x", "docs_dir": str(tmp_path / "docs"), "site_dir": str(tmp_path / "site")}
    )
    assert cfg.validate() == ([], [])
    cfg.plugins._current_plugin = "persona"  # File.generated is called from a plugin's event
    return cfg


def cached_image(tmp_path: Path, data: bytes = b"\x89PNG cached") -> Path:
    path = tmp_path / ".cache" / "plugin" / "persona" / "card-x.png"
    path.parent.mkdir(parents=True)
    path.write_bytes(data)
    return path


def test_cached_image_is_hard_linked_into_the_site(tmp_path: Path) -> None:
    source = cached_image(tmp_path)
    file = LinkedFile.generated(config(tmp_path), "personas/assets/x.png", abs_src_path=str(source))
    file.copy_file()
    dest = tmp_path / "site" / "personas" / "assets" / "x.png"
    assert dest.read_bytes() == source.read_bytes()
    assert dest.stat().st_ino == source.stat().st_ino
    file.copy_file()  # again, onto the same file: still one file, no leftovers
    assert sorted(p.name for p in dest.parent.iterdir()) == ["x.png"]
    assert dest.stat().st_ino == source.stat().st_ino


def test_a_stale_file_in_the_site_is_replaced(tmp_path: Path) -> None:
    source = cached_image(tmp_path)
    dest = tmp_path / "site" / "personas" / "assets" / "x.png"
    dest.parent.mkdir(parents=True)
    dest.write_bytes(b"old build")
    file = LinkedFile.generated(config(tmp_path), "personas/assets/x.png", abs_src_path=str(source))
    file.copy_file()
    assert dest.read_bytes() == b"\x89PNG cached"
    assert sorted(p.name for p in dest.parent.iterdir()) == ["x.png"]


def test_falls_back_to_copying_across_file_systems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = cached_image(tmp_path)

    def cross_device(src: str, dst: str) -> None:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", cross_device)
    file = LinkedFile.generated(config(tmp_path), "personas/assets/x.png", abs_src_path=str(source))
    file.copy_file()
    dest = tmp_path / "site" / "personas" / "assets" / "x.png"
    assert dest.read_bytes() == source.read_bytes()
    assert dest.stat().st_ino != source.stat().st_ino
    assert sorted(p.name for p in dest.parent.iterdir()) == ["x.png"]


def test_packed_file_is_written_uncompressed(tmp_path: Path) -> None:
    text = '{"personas": ["Zoë", "<b>"]}\n' * 1000
    file = PackedFile.from_packed(
        config(tmp_path), "personas.json", zlib.compress(text.encode("utf-8"))
    )
    assert len(file.packed) < len(text) / 10
    assert file.content_string == text and file.is_modified()
    file.copy_file()
    assert (tmp_path / "site" / "personas.json").read_text(encoding="utf-8") == text


def test_packed_file_content_can_be_replaced_by_other_plugins(tmp_path: Path) -> None:
    file = PackedFile.from_packed(config(tmp_path), "reviews.ics", zlib.compress(b"BEGIN"))
    file.content_string = "BEGIN:VCALENDAR\r\n"
    assert file.content_bytes == b"BEGIN:VCALENDAR\r\n"
    file.content_bytes = b""
    assert file.content_bytes == b"" and file.packed == b""
