"""The MkDocs adapter: option handling, navigation modes, template errors, asset order."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import BuildResult, body_soup, render_example, run_build, write_project

from mkdocs_persona_plugin.render import site

PERSONA = """\
name: Ada Admin
owner: "@ops"
last_reviewed: 2026-06-01
tagline: Keeps the lights on
"""


def _nav_links(result: object, page: str = "index.html") -> list[str]:
    soup = result.soup(page)  # type: ignore[attr-defined]
    return [a.get_text(strip=True) for a in soup.select("nav.md-nav--primary a.md-nav__link")]


def test_bare_nav_off_means_off(tmp_path: Path) -> None:
    project = write_project(tmp_path, personas={"ada.yaml": PERSONA}, plugin={"nav": False})
    result = run_build(project)
    assert result.returncode == 0, result.log
    assert "Ada Admin" not in _nav_links(result)
    assert (result.site / "personas" / "ada" / "index.html").exists()


def test_unknown_nav_mode_is_refused(tmp_path: Path) -> None:
    project = write_project(tmp_path, personas={"ada.yaml": PERSONA}, plugin={"nav": "pruned"})
    result = run_build(project)
    assert result.returncode == 1
    assert "Plugin 'persona' option 'nav': Expected one of: ('auto', 'full', 'grouped', " in (
        result.log
    )


def test_auto_nav_lists_personas_up_to_the_threshold(tmp_path: Path) -> None:
    project = write_project(
        tmp_path,
        personas={"ada.yaml": PERSONA, "bob.yaml": PERSONA.replace("Ada Admin", "Bob Buyer")},
        plugin={"nav_threshold": 1},
    )
    result = run_build(project)
    assert result.returncode == 0, result.log
    links = _nav_links(result)
    assert "Ada Admin" not in links and "Bob Buyer" not in links
    assert result.soup("index.html").select_one('a.md-nav__link[href="personas/"]') is not None


def test_grouped_nav_groups_personas_by_type(tmp_path: Path) -> None:
    project = write_project(
        tmp_path,
        personas={"ada.yaml": PERSONA + "type: user\n"},
        plugin={"nav": "grouped"},
    )
    result = run_build(project)
    assert result.returncode == 0, result.log
    links = _nav_links(result)
    assert "Ada Admin" in links
    labels = [
        el.get_text(" ", strip=True)
        for el in result.soup("index.html").select("nav.md-nav--primary label.md-nav__link")
    ]
    assert any(label.startswith("User") for label in labels), labels


def test_broken_template_override_fails_with_one_clear_line(tmp_path: Path) -> None:
    project = write_project(
        tmp_path,
        personas={"ada.yaml": PERSONA},
        config={"theme": {"name": "material", "custom_dir": "overrides"}},
    )
    override = project / "overrides" / "persona" / "gallery.html"
    override.parent.mkdir(parents=True)
    override.write_text("<div>\n{{ personas | nosuchfilter }}\n</div>\n", encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 1
    assert "ERROR   -  persona plugin: template error in " in result.log
    assert "gallery.html:2: TemplateAssertionError: No filter named 'nosuchfilter'." in result.log
    assert "Traceback" not in result.log


def test_plugin_stylesheets_load_before_the_sites_own(tmp_path: Path) -> None:
    project = write_project(
        tmp_path,
        personas={"ada.yaml": PERSONA},
        config={"extra_css": ["custom.css"]},
        docs={"index.md": "# Home\n", "custom.css": ".pp { --pp-radius: 0; }\n"},
    )
    result = run_build(project)
    assert result.returncode == 0, result.log
    hrefs = [
        link["href"]
        for link in result.soup("personas/ada/index.html").select('link[rel="stylesheet"]')
        if "assets/persona/" in link["href"] or "custom.css" in link["href"]
    ]
    assert hrefs[-1].endswith("custom.css"), hrefs
    assert any("assets/persona/persona.css" in h for h in hrefs[:-1])
    # The site's own stylesheet still loads on its own pages, which need none of the plugin's.
    home = [link["href"] for link in result.soup("index.html").select('link[rel="stylesheet"]')]
    assert home[-1] == "custom.css"
    assert not [h for h in home if "assets/persona/" in h]


def test_hand_written_page_is_not_clobbered(tmp_path: Path) -> None:
    project = write_project(
        tmp_path,
        personas={"ada.yaml": PERSONA},
        docs={"index.md": "# Home\n", "personas/ada.md": "# Our own Ada page\n\nHand-written.\n"},
    )
    result = run_build(project)
    assert result.returncode == 0, result.log
    assert "Hand-written." in result.html("personas/ada/index.html")
    assert (
        "'personas/ada.md' exists in docs_dir: the hand-written page is used instead of the "
        "generated one." in result.log
    )


def test_listing_pages_leave_the_search_index_only_in_large_handbooks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    listings = [
        "personas/index.md",
        "personas/start-here.md",
        "personas/compare.md",
        "journeys/index.md",
        "reviews/index.md",
    ]

    def excluded(outputs: dict[str, Any]) -> list[str]:
        return [
            src
            for src, out in outputs.items()
            if out.is_page and "search" in yaml.safe_load(out.content.split("---\n", 2)[1])
        ]

    assert excluded(render_example()) == []  # 11 personas: everything is searchable
    monkeypatch.setattr(site, "LARGE_HANDBOOK", 5)
    assert sorted(excluded(render_example())) == sorted(listings)


def test_page_bodies_keep_wide_characters_as_references_that_read_back_exactly() -> None:
    page = render_example()["personas/bruno.md"]
    full = page.full_body()
    assert "—" not in full and "&#8212;" in full  # 1 byte per character in memory
    text = body_soup(page).get_text(" ")
    assert "—" in text and "&#8212;" not in text


def test_navigation_chrome_is_filled_in_after_the_search_index_reads_the_page(
    example_site: BuildResult,
) -> None:
    """Breadcrumbs, review banner, related personas, footer and previous/next are put into
    the finished page, so search indexes the persona's content, not links to other pages."""
    margie = render_example()["personas/margie.md"]
    body = margie.page_body()
    assert "pp-persona-hero" in body
    assert "pp-section-related" not in body and "pp-persona-footer" not in body
    assert any("pp-section-related" in block for block in margie.page_chrome())
    for html in example_site.site.rglob("*.html"):
        assert "pp-chrome" not in html.read_text(encoding="utf-8"), html
    page = example_site.soup("personas/margie/index.html")
    assert page.select_one(".pp-persona > nav.pp-crumbs")
    assert page.select_one(".pp-section-related h2#related")
    assert page.select_one(".pp-persona-footer") and page.select_one("nav.pp-stepnav")
    index = json.loads((example_site.site / "search" / "search_index.json").read_text())
    margie_docs = [d for d in index["docs"] if d["location"].startswith("personas/margie/")]
    assert any(d["location"] == "personas/margie/#goals" for d in margie_docs)
    assert not [d for d in margie_docs if "related" in d["location"]]
    assert not [d for d in margie_docs if "Head of Finance Hannah" in d["text"]]


def test_search_reads_each_text_of_a_journey_map_once(example_site: BuildResult) -> None:
    """The stage cards for phones, the emotion curve and its data table repeat the map's
    table: the page shows them all, the search index reads the table alone."""
    journey = yaml.safe_load(
        (example_site.project / "journeys/fiona-first-invoice.yaml").read_text()
    )
    page = example_site.soup("journeys/fiona-first-invoice/index.html")
    assert page.select_one("ol.pp-jstages li.pp-jstage")
    assert page.select_one(".pp-jmap-curve svg.pp-emo")
    assert page.select_one("details.pp-emo-data table")
    index = json.loads((example_site.site / "search" / "search_index.json").read_text())
    text = " ".join(
        d["text"] + " " + d["title"]
        for d in index["docs"]
        if d["location"].startswith("journeys/fiona-first-invoice/")
    )
    descriptions = [stage["description"] for stage in journey["stages"]]
    assert len(descriptions) == 5
    for description in descriptions:
        assert text.count(description) == 1, description
    assert "pp-chrome" not in page.decode()


def test_search_leaves_out_a_personas_at_a_glance_box(example_site: BuildResult) -> None:
    goal = yaml.safe_load((example_site.project / "personas/margie.yaml").read_text())["goals"][0]
    assert goal["text"].startswith("Close the books by")  # shown in the glance box too
    page = example_site.soup("personas/margie/index.html")
    assert page.select_one("section.pp-glance")
    index = json.loads((example_site.site / "search" / "search_index.json").read_text())
    text = " ".join(
        d["text"] for d in index["docs"] if d["location"].startswith("personas/margie/")
    )
    assert (
        page.select_one("section.pp-glance")
        .get_text()
        .count("Close the books by working day 6 every month")
        == 1
    )
    assert text.count("Close the books by working day 6 every month") == 1
