"""Each page loads only the handbook's stylesheets and scripts it uses; documentation pages
load none (issue: light pages for readers). Checked on the plugin's build and on the pages
``mkdocs-persona generate`` writes, which link the same files."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import BuildResult, run_build, write_project

from mkdocs_persona_plugin.cli import main
from mkdocs_persona_plugin.render.page_assets import (
    SCRIPTS,
    STYLESHEETS,
    asset_tags,
    link_stylesheets,
    ordered,
)
from mkdocs_persona_plugin.render.site import asset_names, finish_page

DOCS = {
    "index.md": "# Home\n\nOur handbook.\n",
    "guide/writing.md": "# Writing\n\nHow we write personas.\n",
    "custom.css": ".pp { --pp-radius: 0; }\n",
}
#: Each page kind (a page of the example handbook) and the files it links, in order:
#: stylesheets (in cascade order, the print sheet first), then scripts.
EXPECTED = {
    "personas/": ["print.css", "persona.css", "persona.js"],
    "personas/start-here/": ["print.css", "persona.css"],
    "personas/margie/": [
        "print.css", "reviews.css", "persona.css", "evidence.css",
        "evidence.js", "persona.js", "reviews.js",
    ],
    "personas/compare/": [
        "print.css", "journey.css", "evidence.css", "compare.css", "compare.js", "evidence.js",
    ],
    "personas/compare/finance-team/": [
        "print.css", "journey.css", "evidence.css", "compare.css", "evidence.js",
    ],
    "journeys/": ["print.css", "journey.css"],
    "journeys/fiona-first-invoice/": [
        "print.css", "reviews.css", "journey.css", "evidence.css", "journey.js", "reviews.js",
    ],
    "reviews/": ["print.css", "reviews.css", "evidence.css", "reviews.js"],
}  # fmt: skip
DOC_PAGES = ("index.html", "guide/writing/index.html", "404.html")
ASSET = re.compile(r"assets/(?:persona/)?([a-z]+\.(?:css|js))$")


def handbook_files(soup: Any) -> list[str]:
    """The handbook's stylesheets, then scripts, that a page links, by file name."""
    found = []
    for tag in soup.select("link[rel=stylesheet][href], script[src]"):
        match = ASSET.search(tag.get("href") or tag.get("src"))
        if match and match.group(1) in asset_names():
            found.append(match.group(1))
    return found


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The example handbook with a saved comparison, two documentation pages and the site's
    own stylesheet, built by the plugin."""
    project = write_project(
        tmp_path_factory.mktemp("assets"),
        example=True,
        docs=DOCS,
        config={"extra_css": ["custom.css"]},
        plugin={
            "images": False,
            "comparisons": [{"title": "Finance team", "personas": ["hannah", "margie", "ben"]}],
        },
    )
    result = run_build(project)
    assert result.returncode == 0, result.log
    return result


# The rules --------------------------------------------------------------------------------
def test_every_stylesheet_and_script_has_its_place_in_the_order() -> None:
    assert sorted(STYLESHEETS + SCRIPTS) == asset_names()


def test_order_puts_stylesheets_first_and_adds_the_print_sheet() -> None:
    assert ordered(["reviews.js", "compare.css", "reviews.css"]) == [
        "print.css", "reviews.css", "compare.css", "reviews.js",
    ]  # fmt: skip
    assert ordered([]) == []  # a page without the handbook's files gets no print sheet either
    with pytest.raises(ValueError, match=r"nosuch\.css"):
        ordered(["persona.css", "nosuch.css"])


def test_tags_defer_scripts_and_keep_print_rules_off_the_screen() -> None:
    tags = asset_tags(["persona.css", "persona.js"], lambda name: f"../a&b/{name}")
    assert tags.stylesheets == (
        '<link rel="stylesheet" href="../a&amp;b/print.css" media="print">\n'
        '<link rel="stylesheet" href="../a&amp;b/persona.css">'
    )
    assert tags.scripts == '<script src="../a&amp;b/persona.js" defer></script>'


def test_stylesheets_go_before_the_sites_own() -> None:
    head = (
        '<html><head><link rel="stylesheet" href="../../assets/main.css">'
        '<link rel="stylesheet" href="../../css/site.css">'
    )
    linked = link_stylesheets(head, "<OURS>", ["css/site.css"], "personas/ada/")
    assert linked.index("main.css") < linked.index("<OURS>") < linked.index("site.css")
    # Without a site stylesheet on the page: at the end of the head.
    assert link_stylesheets(head, "<OURS>", ["other.css"], "personas/ada/") == head + "<OURS>\n"


def test_a_finished_page_gets_its_head_and_chrome_in_one_pass() -> None:
    page = "<html><head><title>T</title></head><body>a<!--pp-chrome:1-->b<!--pp-chrome:0--></body>"
    done = finish_page(page, ["<nav>0</nav>", "<p>1</p>"], lambda head: head + "<meta>")
    assert done == (
        "<html><head><title>T</title><meta></head><body>a<p>1</p>b<nav>0</nav></body>"
    )
    # Without </head> there is no head to change; the chrome is filled in all the same.
    assert finish_page("<p><!--pp-chrome:0--></p>", ["x"], lambda head: "never") == "<p>x</p>"
    assert finish_page("<p>plain</p>", [], None) == "<p>plain</p>"


# The plugin's build -----------------------------------------------------------------------
@pytest.mark.parametrize("page", DOC_PAGES)
def test_documentation_pages_load_none_of_the_handbooks_files(
    built: BuildResult, page: str
) -> None:
    html = built.html(page)
    assert "assets/persona/" not in html
    soup = BeautifulSoup(html, "html.parser")
    assert [link["href"] for link in soup.select("link[rel=stylesheet]")][-1].endswith(
        "custom.css"
    )


@pytest.mark.parametrize("page", EXPECTED)
def test_each_page_kind_links_exactly_what_it_uses(built: BuildResult, page: str) -> None:
    soup = built.soup(page + "index.html")
    assert handbook_files(soup) == EXPECTED[page]
    # Stylesheets in the head, before the site's own; scripts deferred, in the page content
    # (where instant navigation runs them again).
    head = [link["href"] for link in soup.head.select("link[rel=stylesheet]")]
    ours = [i for i, href in enumerate(head) if "assets/persona/" in href]
    assert ours and max(ours) < head.index(next(h for h in head if h.endswith("custom.css")))
    assert soup.head.select_one("link[href$='print.css']")["media"] == "print"
    for script in soup.select("script[src*='assets/persona/']"):
        assert script.has_attr("defer")
        assert script.find_parent("article", class_="md-content__inner") is not None


def test_no_page_is_left_without_its_files(built: BuildResult) -> None:
    """Every handbook page links at least a stylesheet (persona, journey, compare pages…)."""
    site = built.site
    for path in site.rglob("index.html"):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(("personas/", "journeys/", "reviews/")):
            assert "print.css" in handbook_files(BeautifulSoup(path.read_text(), "html.parser"))


# generate -----------------------------------------------------------------------------------
def test_generated_pages_link_the_same_files(
    built: BuildResult, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    monkeypatch.chdir(built.project)
    assert main(["generate"]) == 0
    capsys.readouterr()
    folder = Path(built.project) / "docs" / "handbook"
    for page, expected in EXPECTED.items():
        text = (folder / page / "index.md").read_text(encoding="utf-8")
        soup = BeautifulSoup(text.split("\n---\n", 1)[1], "html.parser")
        assert handbook_files(soup) == expected, page
        assert all(s.has_attr("defer") for s in soup.select("script[src]"))
