"""Generated pages skip MkDocs' Markdown conversion (their HTML is rendered already) and
behave like any other page: a title given in ``nav`` stays, Markdown another plugin adds is
converted, and links to their anchors are checked against the anchors they have."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from conftest import run_build, write_project

ADA = """\
name: Ada Admin
owner: "@ops"
last_reviewed: 2026-06-01
goals: [Keep the lights on]
research:
  sources:
    - id: s1
      title: Ops interviews
"""
BOB = """\
name: Bob Buyer
owner: "@sales"
last_reviewed: 2026-06-01
"""


def _nav_links(result: object, page: str = "index.html") -> list[str]:
    soup = result.soup(page)  # type: ignore[attr-defined]
    return [a.get_text(strip=True) for a in soup.select("nav.md-nav--primary a.md-nav__link")]


def test_a_title_given_in_nav_stays(tmp_path: Path) -> None:
    project = write_project(
        tmp_path,
        personas={"ada.yaml": ADA, "bob.yaml": BOB},
        config={"nav": [{"Home": "index.md"}, {"Our people": "personas/index.md"}]},
    )
    result = run_build(project)
    assert result.returncode == 0, result.log
    assert _nav_links(result) == ["Home", "Our people"]
    assert "Ada Admin" in result.html("personas/index.html")


def test_markdown_another_plugin_adds_is_converted(tmp_path: Path) -> None:
    project = write_project(
        tmp_path,
        personas={"ada.yaml": ADA},
        config={"hooks": ["footer_hook.py"]},
    )
    (project / "footer_hook.py").write_text(
        textwrap.dedent(
            """\
            def on_page_markdown(markdown, page, config, files):
                return markdown + "\\n\\nAdded by **a hook**.\\n"
            """
        ),
        encoding="utf-8",
    )
    result = run_build(project)
    assert result.returncode == 0, result.log
    soup = result.soup("personas/ada/index.html")
    content = soup.select_one("article.md-content__inner")
    assert content.select_one(".pp-persona h1").get_text() == "Ada Admin"
    assert "Added by <strong>a hook</strong>." in str(content)
    assert "**" not in content.get_text()


def test_links_to_generated_anchors_are_checked(tmp_path: Path) -> None:
    links = (
        "# Home\n\n[Goals](personas/ada.md#goals), [source](personas/ada.md#source-s1), "
        "[review](personas/ada.md#review), [missing](personas/ada.md#no-such-anchor)\n"
    )
    project = write_project(
        tmp_path,
        personas={"ada.yaml": ADA},
        docs={"index.md": links},
        config={"validation": {"anchors": "warn"}},
    )
    result = run_build(project)
    assert result.returncode == 1  # --strict: the missing anchor is a warning
    warnings = [line for line in result.log.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 1, result.log
    assert "#no-such-anchor" in warnings[0]
    assert "personas/ada.md" in warnings[0]

    (project / "docs" / "index.md").write_text(
        links.split(", [missing]")[0] + "\n", encoding="utf-8"
    )
    assert run_build(project).returncode == 0


def test_a_plugin_that_rewrites_pages_sees_their_html(tmp_path: Path) -> None:
    project = write_project(tmp_path, personas={"ada.yaml": ADA}, config={"hooks": ["seen.py"]})
    (project / "seen.py").write_text(
        textwrap.dedent(
            """\
            def on_page_content(html, page, config, files):
                if page.file.src_uri == "personas/ada.md":
                    seen = "Keep the lights on" in html
                    return html + f'<p id="hook-saw">{seen}</p>'
                return html
            """
        ),
        encoding="utf-8",
    )
    result = run_build(project)
    assert result.returncode == 0, result.log
    soup = result.soup("personas/ada/index.html")
    assert soup.select_one("#hook-saw").get_text() == "True"
    assert "Keep the lights on" in soup.select_one(".pp-section-goals").get_text()


def test_the_search_index_reads_every_generated_page(tmp_path: Path) -> None:
    project = write_project(tmp_path, personas={"ada.yaml": ADA, "bob.yaml": BOB})
    result = run_build(project)
    assert result.returncode == 0, result.log
    index = json.loads(result.html("search/search_index.json"))
    texts = {doc["location"]: doc["text"] for doc in index["docs"]}
    assert any("Keep the lights on" in text for loc, text in texts.items() if "ada" in loc)
    assert "personas/bob/" in texts
