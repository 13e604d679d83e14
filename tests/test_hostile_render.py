"""Hostile text in every field stays inert text in every generated file.

One project fills every field of one persona and one journey (and a future-state journey and a
comparison set) with script tags, event-handler attributes, ``javascript:`` links, style tags
and iframes. It is built once with ``--strict``; every HTML page is parsed and must contain no
active markup from user text, while the payloads are still readable as text. The data files
(``personas.json``, ``journeys.json``, ``reviews.json``, ``compare-data.json``) and the review
calendar (``reviews.ics``) are parsed back and must carry the exact strings.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import BuildResult, run_build, serve, write_project

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
MD_LINK = "[x](javascript:alert(1))"
A_LINK = '<a href="javascript:alert(1)">'
STYLE = "<style>body{display:none}</style>"
IFRAME = "<iframe src=//evil>"
PAYLOADS = (SCRIPT, IMG, MD_LINK, A_LINK, STYLE, IFRAME)
ALL = " ".join(PAYLOADS)
#: ALL as Markdown fields show it: the Markdown link becomes its text, "x".
ALL_MD = ALL.replace(MD_LINK, "x")

NAME = f"Eve {ALL}"
JOURNEY_TITLE = f"Journey {ALL}"
FUTURE_TITLE = f"Future {ALL}"
SET_TITLE = f"Set {ALL}"


def _labels(suffix: str) -> dict[str, str]:
    """One entry per payload: label ``"<payload> <suffix> <n>"`` → the payload."""
    return {f"{p} {suffix} {i}": p for i, p in enumerate(PAYLOADS)}


HOSTILE_PERSONA: dict[str, Any] = {
    "name": NAME,
    "owner": ALL,
    "last_reviewed": "2026-06-01",
    "type": "user",
    "market": "b2b",
    "segment": ALL,
    "status": "active",
    "tagline": ALL,
    "bio": f"{ALL}\n\n{ALL}",
    "photo_alt": ALL,
    "quotes": [ALL, {"text": ALL, "source": ALL}],
    "demographics": {**_labels("demo"), "Age": 30},
    "role": _labels("role"),
    **{
        name: [*PAYLOADS, ALL]
        for name in (
            "goals",
            "challenges",
            "motivations",
            "needs",
            "objections",
            "behaviors",
            "channels",
            "tools",
            "interests",
        )
    },
    "messaging": {"pitch": ALL, "vocabulary": list(PAYLOADS), "avoid": list(PAYLOADS)},
    "share": 40,
    "research": {"interviews": 3, "sources": list(PAYLOADS), "confidence": "low"},
    "tags": list(PAYLOADS),
    "related": ["mo"],
    "review_every": "6 months",
    "sections": {
        **_labels("section"),
        f"List {ALL}": list(PAYLOADS),
    },
}

PLAIN_PERSONA: dict[str, Any] = {
    "name": "Mo Plain",
    "owner": "@team",
    "last_reviewed": "2026-06-01",
    "tagline": "Nothing to see here",
    "goals": [SCRIPT],  # shared with Eve: the comparison marks it
    "share": 10,
}


def _stage(i: int, payload: str) -> dict[str, Any]:
    lanes = (
        "actions",
        "thoughts",
        "touchpoints",
        "channels",
        "pain_points",
        "opportunities",
        "backstage",
        "teams",
        "kpis",
    )
    return {
        "name": f"{payload} stage {i}",
        "description": payload,
        **{lane: [payload, ALL] for lane in lanes},
        "moment_of_truth": i == 2,
        "emotion": {"eve": (i % 5) - 2, "mo": 2 - (i % 5)},
    }


HOSTILE_JOURNEY: dict[str, Any] = {
    "title": JOURNEY_TITLE,
    "personas": ["eve", "mo"],
    "scenario": ALL,
    "goal": ALL,
    "owner": ALL,
    "last_reviewed": "2026-06-01",
    "review_every": "90 days",
    "tags": list(PAYLOADS),
    "stages": [_stage(i, p) for i, p in enumerate(PAYLOADS)],
}

FUTURE_JOURNEY: dict[str, Any] = {
    "title": FUTURE_TITLE,
    "persona": "eve",
    "state": "future",
    "improves": "hostile",
    "owner": ALL,
    "last_reviewed": "2026-06-01",
    "stages": [
        {"name": f"{p} stage {i}", "description": p, "emotion": 1} for i, p in enumerate(PAYLOADS)
    ],
}


def _dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The hostile project, built once with ``--strict`` and images on."""
    root = tmp_path_factory.mktemp("hostile")
    write_project(
        root,
        personas={"eve.yaml": _dump(HOSTILE_PERSONA), "mo.yaml": _dump(PLAIN_PERSONA)},
        journeys={"hostile.yaml": _dump(HOSTILE_JOURNEY), "future.yaml": _dump(FUTURE_JOURNEY)},
        plugin={"comparisons": [{"title": SET_TITLE, "personas": ["eve", "mo"]}]},
        config={
            "site_url": "https://handbook.example.com/",
            "repo_url": "https://github.com/acme/handbook",
            "edit_uri": "edit/main/docs/",
        },
    )
    result = run_build(root)
    assert result.returncode == 0, result.log
    return result


# Helpers ---------------------------------------------------------------------------------
def text(node: Any) -> str:
    """Visible text with runs of whitespace collapsed."""
    return re.sub(r"\s+", " ", node.get_text(" ")).strip()


def _compact(value: str) -> str:
    return re.sub(r"[\s\x00-\x1f]+", "", value).lower()


def inert_problems(soup: BeautifulSoup) -> list[str]:
    """Every active piece of markup that came from user text (empty when all is inert)."""
    problems: list[str] = []
    for script in soup.find_all("script"):
        if "alert(1)" in script.get_text():
            problems.append(f"script element with user text: {str(script)[:200]}")
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            values = value if isinstance(value, list) else [value]
            for v in (str(v) for v in values):
                if name.lower().startswith("on") and "alert(1)" in v:
                    problems.append(f"event handler from user text: {str(element)[:200]}")
                if _compact(v).startswith(("javascript:", "vbscript:")):
                    problems.append(f"script URL in {name}: {str(element)[:200]}")
    for frame in soup.find_all(["iframe", "frame", "object", "embed"]):
        problems.append(f"{frame.name} element: {str(frame)[:200]}")
    for style in soup.find_all("style"):
        if "display:none" in _compact(style.get_text()) and "body{" in _compact(style.get_text()):
            problems.append(f"style element with user text: {str(style)[:200]}")
    for img in soup.find_all("img", src="x"):
        problems.append(f"img from user text: {str(img)[:200]}")
    return problems


def html_files(site: Path) -> list[Path]:
    """Every generated HTML page."""
    return sorted(site.rglob("*.html"))


def test_the_checker_finds_every_payload_when_it_is_live() -> None:
    live = BeautifulSoup(f"<div>{ALL}</div><a href=' JaVa\tScript:alert(1)'>y</a>", "html.parser")
    found = inert_problems(live)
    assert [p.split(":")[0] for p in found] == [
        "script element with user text",
        "event handler from user text",
        "script URL in href",
        "script URL in href",
        "iframe element",
        "style element with user text",
        "img from user text",
    ]
    assert inert_problems(BeautifulSoup(f"<p>{ALL.replace('<', '&lt;')}</p>", "html.parser")) == []


# HTML pages ------------------------------------------------------------------------------
def test_every_html_page_is_inert(hostile_site: BuildResult) -> None:
    pages = html_files(hostile_site.site)
    names = {p.relative_to(hostile_site.site).as_posix() for p in pages}
    expected = {
        "index.html",
        "personas/index.html",
        "personas/eve/index.html",
        "personas/mo/index.html",
        "personas/start-here/index.html",
        "personas/compare/index.html",
        "journeys/index.html",
        "journeys/hostile/index.html",
        "journeys/future/index.html",
        "reviews/index.html",
    }
    assert expected <= names
    assert any(n.startswith("personas/compare/set-") for n in names), names
    problems = {
        page.relative_to(hostile_site.site).as_posix(): inert_problems(
            BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        )
        for page in pages
    }
    assert {k: v for k, v in problems.items() if v} == {}


def test_persona_page_shows_every_payload_as_text(hostile_site: BuildResult) -> None:
    soup = hostile_site.soup("personas/eve/index.html")
    root = soup.select_one("div.pp-persona")
    assert text(root.h1) == NAME
    assert soup.title.get_text().startswith(NAME)
    page_text = text(root)
    for payload in (SCRIPT, IMG, A_LINK, STYLE, IFRAME):
        assert payload in page_text
    assert MD_LINK in page_text  # plain-text fields (tags, labels) keep it literally
    assert text(root.select_one(".pp-tagline")) == ALL_MD
    assert f"{ALL_MD} {ALL_MD}" in text(root.select_one("#about + div"))
    assert [text(li) for li in root.select("#goals + ul li")] == [
        SCRIPT, IMG, "x", A_LINK, STYLE, IFRAME, ALL_MD,
    ]
    labels = [text(dt) for dt in root.select("#demographics + dl dt")]
    assert labels == [*_labels("demo"), "Age"]
    assert text(root.select_one("#tags + ul")) == " ".join(PAYLOADS)
    custom = [text(h) for h in root.select("section.pp-section-custom h2")]
    assert custom == [*_labels("section"), f"List {ALL}"]
    # The avatar's text alternative: photo_alt (set here) or the name, verbatim either way.
    assert root.select_one(".pp-avatar")["alt"] in (ALL, NAME)
    og = soup.find("meta", attrs={"property": "og:title"})
    assert og["content"] == NAME
    assert soup.find("meta", attrs={"name": "description"})["content"] == ALL_MD


def test_persona_page_has_a_social_card(hostile_site: BuildResult) -> None:
    card = hostile_site.site / "personas" / "assets" / "eve-card.png"
    assert card.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    og = hostile_site.soup("personas/eve/index.html").find("meta", attrs={"property": "og:image"})
    assert og["content"] == "https://handbook.example.com/personas/assets/eve-card.png"


def test_gallery_card_shows_payloads_as_text(hostile_site: BuildResult) -> None:
    soup = hostile_site.soup("personas/index.html")
    cards = {c.select_one("a.pp-card-link")["href"]: c for c in soup.select("article.pp-card")}
    eve = cards["eve/"]
    assert text(eve.select_one(".pp-card-name")) == NAME
    assert text(eve.select_one(".pp-card-tagline")) == ALL_MD
    assert json.loads(eve["data-tags"]) == list(PAYLOADS)
    assert NAME.lower() in eve["data-text"]


def test_start_here_page_shows_payloads_as_text(hostile_site: BuildResult) -> None:
    soup = hostile_site.soup("personas/start-here/index.html")
    assert NAME in text(soup.select_one("article"))


def test_comparison_page_shows_payloads_as_text(hostile_site: BuildResult) -> None:
    soup = hostile_site.soup("personas/compare/index.html")
    matrix = text(soup.select_one("article"))
    assert NAME in matrix
    assert SCRIPT in matrix  # Eve's first goal in the "at a glance" matrix


def test_comparison_set_page_shows_payloads_as_text(hostile_site: BuildResult) -> None:
    pages = sorted((hostile_site.site / "personas" / "compare").glob("set-*/index.html"))
    assert len(pages) == 1
    soup = BeautifulSoup(pages[0].read_text(encoding="utf-8"), "html.parser")
    assert text(soup.select_one("article h1")) == SET_TITLE
    assert soup.title.get_text().startswith(SET_TITLE)
    assert NAME in text(soup.select_one("article"))


def test_compare_data_json_escapes_and_round_trips(hostile_site: BuildResult) -> None:
    data = read_json(hostile_site.site, "personas/compare-data.json")
    eve = next(p for p in data["personas"] if p["id"] == "eve")
    assert eve["name"] == NAME
    # Pre-rendered HTML that compare.js assigns to innerHTML: inert, payload visible as text.
    fragments = [eve["tagline"]]
    for _section, rows in eve["sections"]:
        for _label, kind, value in rows:
            fragments += [value[0]] if kind == "v" else [cell[0] for cell in value]
    assert len(fragments) > 40
    for fragment in fragments:
        soup = BeautifulSoup(fragment, "html.parser")
        assert inert_problems(soup) == [], fragment
        assert not soup.find_all(["script", "style", "iframe", "img", "a"]), fragment
    assert BeautifulSoup(eve["tagline"], "html.parser").get_text() == ALL_MD
    sections = dict((key, rows) for key, rows in eve["sections"])
    assert [row[0] for row in sections["demographics"]] == [*_labels("demo"), "Age"]
    goals = [BeautifulSoup(c[0], "html.parser").get_text() for c in sections["goals"][0][2]]
    assert goals == [SCRIPT, IMG, "x", A_LINK, STYLE, IFRAME, ALL_MD]


def test_journey_page_and_its_svg_show_payloads_as_text(hostile_site: BuildResult) -> None:
    soup = hostile_site.soup("journeys/hostile/index.html")
    root = soup.select_one("article")
    assert text(root.h1) == JOURNEY_TITLE
    assert soup.title.get_text().startswith(JOURNEY_TITLE)
    page_text = text(root)
    for i, payload in enumerate(PAYLOADS):
        assert f"{payload} stage {i}" in page_text
    svg = root.find("svg", class_="pp-emo")
    assert svg is not None, "no emotion curve"
    assert inert_problems(BeautifulSoup(str(svg), "html.parser")) == []
    assert text(svg.title) == f"Emotion curve: {JOURNEY_TITLE}"
    svg_text = text(svg)
    for i, payload in enumerate(PAYLOADS):
        assert f"{payload} stage {i}" in svg_text  # point titles and the description
    assert svg.select_one("g.pp-emo-series")["data-label"] == NAME
    for element in svg.find_all(True):
        assert element.name not in ("script", "foreignobject", "a", "style", "iframe"), element
    future = text(hostile_site.soup("journeys/future/index.html").select_one("article"))
    assert FUTURE_TITLE in future and JOURNEY_TITLE in future


def test_journeys_index_shows_payloads_as_text(hostile_site: BuildResult) -> None:
    root = hostile_site.soup("journeys/index.html").select_one("article")
    assert JOURNEY_TITLE in text(root) and FUTURE_TITLE in text(root)


def test_tracker_page_shows_payloads_as_text(hostile_site: BuildResult) -> None:
    root = hostile_site.soup("reviews/index.html").select_one("article")
    page_text = text(root)
    assert NAME in page_text and JOURNEY_TITLE in page_text
    assert ALL in page_text  # the owner, verbatim


def test_search_index_keeps_payloads_escaped(hostile_site: BuildResult) -> None:
    data = json.loads((hostile_site.site / "search" / "search_index.json").read_text("utf-8"))
    docs = {d["location"]: d for d in data["docs"]}
    eve = docs["personas/eve/"]
    assert BeautifulSoup(eve["title"], "html.parser").get_text() == NAME
    for doc in data["docs"]:
        for value in (doc["title"], doc["text"]):
            soup = BeautifulSoup(value, "html.parser")
            assert inert_problems(soup) == [], doc["location"]
            assert not soup.find_all(["script", "style", "iframe", "img", "a"]), doc["location"]
    assert SCRIPT in BeautifulSoup(eve["text"], "html.parser").get_text()


# Data files ------------------------------------------------------------------------------
JSON_FILES = ("personas.json", "journeys.json", "reviews.json", "personas/compare-data.json")


def read_json(site: Path, name: str) -> Any:
    """A published JSON file, parsed."""
    return json.loads((site / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", JSON_FILES)
def test_json_file_writes_markup_characters_as_escapes(
    hostile_site: BuildResult, name: str
) -> None:
    """``<`` and ``>`` are written as ``\\u003c``/``\\u003e`` (as the exports and the comparison
    data do), so the file stays inert even if a browser sniffs it as HTML or someone inlines
    it into a page."""
    raw = (hostile_site.site / name).read_text(encoding="utf-8")
    assert [c for c in "<>" if c in raw] == []
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in raw


def test_personas_json_round_trips_exact_strings(hostile_site: BuildResult) -> None:
    data = read_json(hostile_site.site, "personas.json")
    items = data["personas"] if isinstance(data, dict) else data
    eve = next(p for p in items if p["id"] == "eve")
    assert eve["name"] == NAME
    assert eve["owner"] == ALL
    assert eve["tagline"] == ALL
    assert eve["bio"] == f"{ALL}\n\n{ALL}"
    assert eve["tags"] == list(PAYLOADS)
    assert eve["goals"] == [*PAYLOADS, ALL]
    assert eve["demographics"] == {**_labels("demo"), "Age": "30"}  # as written
    assert eve["sections"] == HOSTILE_PERSONA["sections"]


def test_journeys_json_round_trips_exact_strings(hostile_site: BuildResult) -> None:
    data = read_json(hostile_site.site, "journeys.json")
    items = data["journeys"] if isinstance(data, dict) else data
    journey = next(j for j in items if j["id"] == "hostile")
    assert journey["title"] == JOURNEY_TITLE
    assert journey["owner"] == ALL
    assert journey["scenario"] == ALL
    assert journey["tags"] == list(PAYLOADS)
    assert [s["name"] for s in journey["stages"]] == [
        f"{p} stage {i}" for i, p in enumerate(PAYLOADS)
    ]
    assert journey["stages"][1]["actions"] == [IMG, ALL]


def test_reviews_json_round_trips_exact_strings(hostile_site: BuildResult) -> None:
    data = read_json(hostile_site.site, "reviews.json")
    by_id = {(i["kind"], i["id"]): i for i in data["items"]}
    assert by_id[("persona", "eve")]["title"] == NAME
    assert by_id[("persona", "eve")]["owner"] == ALL
    assert by_id[("journey", "hostile")]["title"] == JOURNEY_TITLE
    assert by_id[("journey", "hostile")]["owner"] == ALL


def _ics_unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def parse_ics(raw: bytes) -> list[dict[str, str]]:
    """The VEVENTs of an iCalendar file: property name (without parameters) → value."""
    assert b"\n" not in raw.replace(b"\r\n", b""), "bare line feed"
    content = re.sub(r"\r\n[ \t]", "", raw.decode("utf-8"))
    events: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    for line in content.split("\r\n"):
        if not line:
            continue
        name, _, value = line.partition(":")
        name = name.split(";", 1)[0]
        if (name, value) == ("BEGIN", "VEVENT"):
            current = {}
        elif (name, value) == ("END", "VEVENT"):
            assert current is not None
            events.append(current)
            current = None
        elif current is not None:
            assert name not in current, f"{name} twice in one event"
            current[name] = value
    return events


def test_reviews_ics_parses_back_to_exact_strings(hostile_site: BuildResult) -> None:
    raw = (hostile_site.site / "reviews.ics").read_bytes()
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75, line
    events = {e["UID"].split("@")[0]: e for e in parse_ics(raw)}
    assert set(events) == {"persona-eve", "persona-mo", "journey-hostile", "journey-future"}
    eve = events["persona-eve"]
    assert NAME in _ics_unescape(eve["SUMMARY"])
    assert f"Owner: {ALL}" in _ics_unescape(eve["DESCRIPTION"])
    assert eve["URL"] == "https://handbook.example.com/personas/eve/"
    assert JOURNEY_TITLE in _ics_unescape(events["journey-hostile"]["SUMMARY"])


# Browser ---------------------------------------------------------------------------------
@pytest.mark.browser
def test_no_script_runs_in_the_browser(hostile_site: BuildResult, page: Any) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    url, server = serve(hostile_site.site)
    page.route(  # offline: answer requests to other hosts (web fonts) with nothing
        lambda u: not u.startswith(url),
        lambda route: route.fulfill(status=200, body="", content_type="text/css"),
    )
    try:
        for path in (
            "personas/eve/",
            "personas/",
            "personas/compare/?p=eve,mo",
            "journeys/hostile/",
            "reviews/",
        ):
            page.goto(url + path)
            page.wait_for_load_state("load")
            assert page.locator("body").is_visible()
        # The comparison drawn by compare.js from compare-data.json shows Eve as text.
        page.goto(url + "personas/compare/?p=eve,mo")
        page.wait_for_selector(".pp-compare[data-pp-ready=ready]")
        names = page.eval_on_selector_all(
            ".pp-cmp-result thead .pp-cmp-name", "els => els.map(e => e.textContent)"
        )
        assert names == [NAME, "Mo Plain"]
        # Material's search shows the payload as text in its results.
        page.goto(url + "personas/eve/")
        page.click(".md-search__input")
        page.wait_for_function(
            "() => !/initiali[sz]ing/i.test("
            "document.querySelector('.md-search-result__meta')?.textContent || 'initializing')"
        )
        page.keyboard.type("Eve")
        page.wait_for_selector(".md-search-result__item a")
        assert SCRIPT in page.locator(".md-search-result").inner_text()
    finally:
        server.shutdown()
    assert dialogs == []
    assert page.console_errors == []
