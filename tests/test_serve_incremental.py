"""``mkdocs serve`` rebuilds incrementally: what it reuses is never stale.

Within one serve session the plugin keeps the files it read (``core.loader.LoadCache``) and
what it rendered (``render.reuse.RenderMemo``), and under ``--dirty`` MkDocs rewrites only the
generated files whose content changed (``mkdocs.files.GeneratedFile``). These tests edit a
handbook step by step and check each build against one made from scratch: first the rendered
outputs (every field of every output, in-process), then the site a ``--dirty`` session writes
(against ``mkdocs build`` of the same files, and by which files it rewrote).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FIXED_TODAY, REPO, run_build, write_project
from test_compat import broken_links

from mkdocs_persona_plugin.core.loader import LoadCache, load_handbook
from mkdocs_persona_plugin.core.options import HandbookOptions
from mkdocs_persona_plugin.core.problems import ValidationFailed
from mkdocs_persona_plugin.images import ImageCache
from mkdocs_persona_plugin.render import exports as export_format
from mkdocs_persona_plugin.render.build import build_outputs, make_context
from mkdocs_persona_plugin.render.pages import exports, reviews
from mkdocs_persona_plugin.render.persona_data import compare_data, compare_json
from mkdocs_persona_plugin.render.reuse import RenderMemo
from mkdocs_persona_plugin.render.review_feeds import reviews_document, reviews_json
from mkdocs_persona_plugin.render.safejson import (
    inert_json,
    inert_json_item,
    inert_json_spliced,
)
from mkdocs_persona_plugin.render.site import Output

TODAY = dt.date.fromisoformat(FIXED_TODAY)
SERVE_URL = "http://127.0.0.1:8000/"
NOTICE = "data-pp-preview-problems"  # the preview notice (preview.py) on a page
MARGIE_TAGLINE = (
    "Owns the month-end close and the shortlist; if Margie doesn't trust it, Hannah never sees it."
)


@pytest.fixture(scope="module")
def image_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One image cache for the module: avatars are drawn once."""
    return tmp_path_factory.mktemp("images")


# Edits ------------------------------------------------------------------------------------
def set_field(path: Path, name: str, value: str) -> None:
    """Set the top-level ``name: value`` line of a YAML file (``value`` as written)."""
    text = path.read_text(encoding="utf-8")
    text, n = re.subn(rf"(?m)^{name}: .*$", lambda _: f"{name}: {value}", text, count=1)
    assert n == 1, f"{path.name} has no top-level '{name}'"
    path.write_text(text, encoding="utf-8")


def rename_id(root: Path, old: str, new: str) -> None:
    """Rename the persona ``old`` to ``new``: its file, and every reference to it."""
    (root / "personas" / f"{old}.yaml").rename(root / "personas" / f"{new}.yaml")
    # The id on its own: not part of another id, a file name or a photo path.
    alone = re.compile(rf"(?<![\w./-]){re.escape(old)}(?![\w.-])")
    for path in [*(root / "personas").glob("*.yaml"), *(root / "journeys").glob("*.yaml")]:
        text = path.read_text(encoding="utf-8")
        path.write_text(alone.sub(new, text), encoding="utf-8")


NEW_PERSONA = """\
name: Zoe Zero
type: user
status: active
tagline: Arrives late, stays long.
owner: "@team"
last_reviewed: 2026-05-01
related:
  - margie
"""

Edit = Callable[[Path], object]


def _photo_swap(root: Path) -> None:
    photos = root / "personas" / "photos"
    shutil.copyfile(photos / "carla.jpg", photos / "margie.jpg")


def _template_override(root: Path, marker: str) -> Edit:
    def edit(root: Path = root) -> None:
        gallery = REPO / "mkdocs_persona_plugin" / "render" / "templates" / "persona"
        target = root / "overrides" / "persona" / "gallery.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        text = (gallery / "gallery.html").read_text(encoding="utf-8")
        target.write_text(text.replace("</header>", f"<p>{marker}</p></header>", 1), "utf-8")

    return edit


#: (what the edit does, the edit, options for this and later steps)
STEPS: list[tuple[str, Edit]] = [
    ("nothing changed", lambda root: None),
    ("a tagline", lambda root: set_field(root / "personas/margie.yaml", "tagline", "Edited!")),
    ("a name", lambda root: set_field(root / "personas/margie.yaml", "name", "Controller Meg")),
    (
        "related personas",
        lambda root: (root / "personas/ben.yaml").write_text(
            (root / "personas/ben.yaml").read_text().replace("  - margie\n", "  - hannah\n"),
        ),
    ),
    (
        "a journey",
        lambda root: set_field(root / "journeys/fiona-first-invoice.yaml", "title", "First bill"),
    ),
    (
        "a review date",
        lambda root: set_field(root / "personas/ian.yaml", "last_reviewed", "2026-11-01"),
    ),
    ("a new persona", lambda root: (root / "personas/zoe.yaml").write_text(NEW_PERSONA)),
    ("a photo", _photo_swap),
    ("an id", lambda root: rename_id(root, "fiona", "fifi")),
    (
        "a broken file",
        lambda root: (root / "personas/ben.yaml").write_text(
            (root / "personas/ben.yaml").read_text() + "related: [nobody]\n"
        ),
    ),
    (
        "the broken file fixed",
        lambda root: (root / "personas/ben.yaml").write_text(
            (root / "personas/ben.yaml").read_text().replace("related: [nobody]\n", "")
        ),
    ),
    (
        "a duplicate id",
        lambda root: (root / "personas/zoe2.yaml").write_text(NEW_PERSONA + "id: zoe\n"),
    ),
    ("the duplicate removed", lambda root: (root / "personas/zoe2.yaml").unlink()),
    ("a persona deleted", lambda root: (root / "personas/zoe.yaml").unlink()),
]


# Rendering with and without what the session kept ---------------------------------------
def options(root: Path, image_dir: Path, **values: Any) -> HandbookOptions:
    return HandbookOptions(
        project_root=root,
        personas_dir=root / "personas",
        journeys_dir=root / "journeys",
        cache_dir=image_dir,
        today=TODAY,
        **values,
    )


def render(
    opts: HandbookOptions,
    images: ImageCache,
    cache: LoadCache | None = None,
    memo: RenderMemo | None = None,
) -> dict[str, dict[str, Any]] | list[str]:
    """Every output with every field, by ``src_uri``; or the problems, as text."""
    try:
        handbook = load_handbook(
            opts.personas_dir, opts.journeys_dir, root=opts.project_root, today=TODAY, cache=cache
        )
    except ValidationFailed as failed:
        return [str(p) for p in failed.problems]
    outputs = build_outputs(handbook, opts, images=images, memo=memo)
    return {out.src_uri: snapshot(out) for out in outputs}


def snapshot(out: Output) -> dict[str, Any]:
    """Every field of ``out``; a page's HTML and a data file's bytes whether it keeps them
    packed or not."""
    fields = dataclasses.asdict(out)
    if out.is_page:
        fields["body"], fields["packed_body"] = out.page_body(), b""
        fields["chrome"], fields["packed_chrome"] = out.page_chrome(), b""
    else:
        fields["content"], fields["packed"] = out.data(), b""
    return fields


def differences(a: dict[str, dict[str, Any]], b: dict[str, dict[str, Any]]) -> list[str]:
    """``src_uri: field`` for each field that differs (and outputs only one side has)."""
    found = [f"{uri}: only one side" for uri in sorted(a.keys() ^ b.keys())]
    for uri in sorted(a.keys() & b.keys()):
        found += [f"{uri}: {name}" for name in a[uri] if a[uri][name] != b[uri][name]]
    return found


def test_each_rebuild_renders_what_a_fresh_build_renders(tmp_path: Path, image_dir: Path) -> None:
    root = write_project(tmp_path / "book", example=True)
    cache, memo, images = LoadCache(), RenderMemo(), ImageCache(image_dir)
    extra: dict[str, Any] = {}
    (root / "overrides").mkdir()
    steps = [
        *STEPS,
        ("the language", lambda root: extra.update(language="de")),
        ("a template folder", lambda root: extra.update(template_dirs=[root / "overrides"])),
        ("a template override", _template_override(root, "First override")),
        ("the override edited", _template_override(root, "Second override, longer")),
    ]
    for number, (what, edit) in enumerate(steps):
        edit(root)
        opts = options(root, image_dir, **extra)
        kept = render(opts, images, cache, memo)
        fresh = render(opts, ImageCache(image_dir))
        if isinstance(fresh, list):
            assert kept == fresh, f"after {what}: the problems differ"
            continue
        assert isinstance(kept, dict), f"after {what}: {kept}"
        assert differences(kept, fresh) == [], f"after {what}"
        if 0 < number < len(STEPS):  # edits of the content (the rest changes every page)
            assert memo.reused > 0, f"after {what}: nothing was reused"
            assert cache.reused > 0, f"after {what}: every file was read again"
        if what == "a tagline":
            assert cache.read == 1  # one file changed: only it was parsed and validated
            assert memo.made < (memo.made + memo.reused) / 4  # its parts, those showing it
    assert isinstance(kept, dict)
    assert "Second override, longer" in str(kept["personas/index.md"]["body"])


def test_documents_made_of_kept_records_are_the_documents_themselves(image_dir: Path) -> None:
    opts = options(REPO, image_dir)
    handbook = load_handbook(opts.personas_dir, opts.journeys_dir, root=REPO, today=TODAY)
    ctx = make_context(handbook, opts, memo=RenderMemo())
    for kind in export_format.KINDS:
        whole = export_format.dumps(exports.export_document(ctx, kind))
        assert exports.export_text(ctx, kind) == whole
    src = ctx.compare_src()
    assert compare_json(ctx, src) == inert_json(compare_data(ctx, src), indent=None)
    items = reviews.tracked(ctx)
    assert reviews_json(ctx, items) == inert_json(reviews_document(ctx, items)) + "\n"
    for indent in (None, 2):
        for values in ([], [{"a": [1, {"b": "x<y\n"}]}], [{}, [], "é", {"z": {"y": [1]}}]):
            data = {"n": 1, "s": {"k": ["<&>"]}, "items": values}
            texts = [inert_json_item(v, indent=indent) for v in values]
            spliced = inert_json_spliced(data | {"items": texts}, indent=indent)
            assert spliced == inert_json(data, indent=indent)


# mkdocs serve --dirty, in-process ---------------------------------------------------------
HOME = """\
# Home

[All personas](personas/index.md) · [Compare](personas/compare.md) ·
[Journeys](journeys/index.md) · [Reviews](reviews/index.md)
"""
#: What MkDocs rewrites on every build whatever changed, and the search plugin's index,
#: which under `--dirty` the search plugin merges by its own rules.
ALWAYS_WRITTEN = re.compile(r"^(404\.html|sitemap\.xml(\.gz)?|search/.*)$")


class DirtySession:
    """``mkdocs serve --dirty`` without the server: a first build, then one build per edit,
    each with a configuration loaded afresh and the same plugin objects, as MkDocs' dev
    server does it."""

    def __init__(self, project: Path) -> None:
        from mkdocs.commands.build import build

        self.project = project
        self.site = project / "served"
        config = self.config()
        config.plugins.on_startup(command="serve", dirty=True)
        build(config, serve_url=SERVE_URL, dirty=True)

    def config(self) -> Any:
        from mkdocs.config import load_config

        config = load_config(config_file=str(self.project / "mkdocs.yml"), site_dir=str(self.site))
        config.site_url = SERVE_URL
        return config

    def files(self) -> dict[str, tuple[int, bytes]]:
        """Every file of the site by path: its date (ns) and bytes."""
        return {
            path.relative_to(self.site).as_posix(): (path.stat().st_mtime_ns, path.read_bytes())
            for path in self.site.rglob("*")
            if path.is_file()
        }

    def rebuild(self) -> set[str]:
        """Build once more; the files it wrote (beyond those written on every build)."""
        from mkdocs.commands.build import build

        before = self.files()
        build(self.config(), serve_url=SERVE_URL, dirty=True)
        after = self.files()
        written = {path for path, (mtime, _) in after.items() if before.get(path, (0,))[0] != mtime}
        unchanged = {path for path in written if before.get(path, (0, b""))[1] == after[path][1]}
        unchanged = {path for path in unchanged if not ALWAYS_WRITTEN.match(path)}
        assert unchanged == set(), "rewritten with the same content"
        return {path for path in written if not ALWAYS_WRITTEN.match(path)}

    def text(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")

    def compare_with_a_fresh_build(self, tmp_path: Path) -> tuple[list[str], list[str]]:
        """Against ``mkdocs build`` of the same project: the files whose content differs here
        or that are missing here (besides those written on every build), and the files only
        this site has: stale ones, as ``--dirty`` never deletes."""
        copy = tmp_path / f"fresh-{len(list(tmp_path.glob('fresh-*')))}"
        shutil.copytree(self.project, copy, ignore=shutil.ignore_patterns("served", "site"))
        result = run_build(copy, strict=False)
        assert result.returncode == 0, result.log
        served = self.files()
        fresh = {
            path.relative_to(result.site).as_posix(): path.read_bytes()
            for path in result.site.rglob("*")
            if path.is_file()
        }
        differ = [
            rel
            for rel, data in sorted(fresh.items())
            if not ALWAYS_WRITTEN.match(rel) and (rel not in served or served[rel][1] != data)
        ]
        return differ, sorted(served.keys() - fresh.keys())


def served_project(root: Path, image_dir: Path) -> Path:
    return write_project(
        root,
        example=True,
        docs={"index.md": HOME},
        plugin={"cache_dir": str(image_dir)},
        # Under --dirty, MkDocs knows the title of a page from docs/ that it does not rebuild
        # only from `nav`; the plugin gives its own pages theirs.
        config={"site_url": SERVE_URL, "nav": [{"Home": "index.md"}]},
    )


def pages_with(session: DirtySession, text: str) -> set[str]:
    """The site's pages and data files that contain ``text`` (escaped as the pages write it,
    or as JSON writes it)."""
    import html
    import json

    forms = {text, html.escape(text), html.escape(text, quote=False), json.dumps(text)[1:-1]}
    found = set()
    for path in session.site.rglob("*"):
        rel = path.relative_to(session.site).as_posix()
        if path.suffix in (".html", ".json", ".ics") and not ALWAYS_WRITTEN.match(rel):
            content = path.read_text(encoding="utf-8")
            if any(form in content for form in forms):
                found.add(rel)
    return found


def related_to(root: Path, persona_id: str) -> set[str]:
    """The pages of the personas that list ``persona_id`` as related."""
    found = set()
    for path in (root / "personas").glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if persona_id in (data.get("related") or []):
            found.add(f"personas/{path.stem}/index.html")
    return found


def test_a_dirty_rebuild_rewrites_exactly_what_an_edit_changes(
    tmp_path: Path, image_dir: Path
) -> None:
    project = served_project(tmp_path / "book", image_dir)
    session = DirtySession(project)
    assert session.rebuild() == set()  # nothing changed: nothing written

    set_field(project / "personas/margie.yaml", "tagline", "Closes the books by day three.")
    written = session.rebuild()
    assert pages_with(session, MARGIE_TAGLINE) == set()
    showing = {
        "personas/margie/index.html",
        "personas/index.html",
        "personas/start-here/index.html",
        "personas/compare-data.json",
        "personas.json",
        *related_to(project, "margie"),
    }
    assert pages_with(session, "Closes the books by day three.") == showing
    # The persona's page, the listings and data files showing the tagline, and the social
    # card (it has the tagline too); nothing else.
    assert written == showing | {"personas/assets/margie-card.png"}
    assert session.compare_with_a_fresh_build(tmp_path) == ([], [])


def test_a_dirty_rebuild_follows_a_renamed_persona(tmp_path: Path, image_dir: Path) -> None:
    project = served_project(tmp_path / "book", image_dir)
    session = DirtySession(project)

    set_field(project / "personas/fiona.yaml", "name", "Sole Trader Fiona")
    written = session.rebuild()
    # Only Stella's bio still says it ("tomorrow's Freelancer Fionas"): her page, the export.
    quoted = {"personas/stella/index.html", "personas.json"}
    assert pages_with(session, "Freelancer Fiona") == quoted
    named = pages_with(session, "Sole Trader Fiona")
    assert {
        "personas/fiona/index.html",
        "journeys/fiona-first-invoice/index.html",
        "journeys/fiona-first-invoice-future/index.html",
        "reviews/index.html",
        "personas/compare/index.html",
        *related_to(project, "fiona"),
    } <= named <= written
    assert session.compare_with_a_fresh_build(tmp_path) == ([], [])

    rename_id(project, "fiona", "fifi")
    session.rebuild()
    # Every page is what a fresh build makes of the renamed persona. The old page and
    # images stay behind (--dirty never deletes), and nothing links to them any more: the
    # pages that do are the fresh build's, which has no such files.
    differ, stale = session.compare_with_a_fresh_build(tmp_path)
    assert differ == []
    assert stale == [
        "personas/assets/fiona-256.webp",
        "personas/assets/fiona-96.webp",
        "personas/assets/fiona-card.png",
        "personas/fiona/index.html",
    ]
    assert "Sole Trader Fiona" in session.text("personas/fifi/index.html")
    assert broken_links(session.site, skip=("404.html", *stale)) == {}


def test_a_dirty_preview_shows_a_problem_on_every_page_until_it_is_fixed(
    tmp_path: Path, image_dir: Path
) -> None:
    project = served_project(tmp_path / "book", image_dir)
    session = DirtySession(project)
    ben = project / "personas" / "ben.yaml"
    good = ben.read_text(encoding="utf-8")

    ben.write_text(good + "related: [nobody]\n", encoding="utf-8")
    session.rebuild()
    pages = sorted(session.site.rglob("*.html"))
    assert [p for p in pages if NOTICE not in p.read_text(encoding="utf-8")] == []

    ben.write_text(good, encoding="utf-8")
    session.rebuild()
    assert [p for p in pages if NOTICE in p.read_text(encoding="utf-8")] == []
    assert session.compare_with_a_fresh_build(tmp_path) == ([], [])


def test_a_dirty_preview_adds_and_drops_personas(tmp_path: Path, image_dir: Path) -> None:
    project = served_project(tmp_path / "book", image_dir)
    session = DirtySession(project)

    (project / "personas" / "zoe.yaml").write_text(NEW_PERSONA, encoding="utf-8")
    written = session.rebuild()
    assert {"personas/zoe/index.html", "personas/index.html", "personas/margie/index.html"} <= (
        written
    )
    assert "Zoe Zero" in session.text("personas/index.html")
    assert session.compare_with_a_fresh_build(tmp_path) == ([], [])

    (project / "personas" / "zoe.yaml").unlink()
    session.rebuild()
    assert "Zoe Zero" not in session.text("personas/index.html")
    differ, stale = session.compare_with_a_fresh_build(tmp_path)
    assert differ == []
    assert "personas/zoe/index.html" in stale  # left behind, linked from nowhere
    assert broken_links(session.site, skip=("404.html", *stale)) == {}



def test_a_dirty_preview_shows_an_edited_theme_override(tmp_path: Path, image_dir: Path) -> None:
    """The theme's templates are compiled once per session (kept by the plugin), yet an edit
    of an override in ``custom_dir`` shows on the next rebuild."""
    project = write_project(
        tmp_path / "book",
        example=True,
        docs={"index.md": HOME},
        plugin={"cache_dir": str(image_dir)},
        config={
            "site_url": SERVE_URL,
            "nav": [{"Home": "index.md"}],
            "theme": {"name": "material", "custom_dir": "overrides"},
        },
    )
    main = project / "overrides" / "main.html"
    main.parent.mkdir()
    main.write_text('{% extends "base.html" %}{% block announce %}First banner{% endblock %}\n')
    session = DirtySession(project)
    pages = ["index.html", "personas/margie/index.html", "journeys/index.html"]
    assert all("First banner" in session.text(page) for page in pages)
    main.write_text('{% extends "base.html" %}{% block announce %}Second banner{% endblock %}\n')
    session.rebuild()
    assert [page for page in pages if "Second banner" not in session.text(page)] == []
    assert not [p for p in session.site.rglob("*.html") if "First banner" in p.read_text()]
