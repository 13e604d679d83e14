"""The handbook employees see: persona gallery, persona pages and "Start here".

Most assertions read the example handbook built once (``example_site``); option variants are
rendered in-process with ``build_outputs`` (fast), and a few small projects are built for real
where MkDocs itself matters (titles, meta tags, edit links, other themes, URL styles).
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import FIXED_TODAY, REPO, SCRATCH_CACHE, BuildResult, run_build, write_project

from mkdocs_persona_plugin.core.loader import Handbook, load_handbook
from mkdocs_persona_plugin.core.models import Persona
from mkdocs_persona_plugin.core.options import HandbookOptions
from mkdocs_persona_plugin.render.build import build_outputs
from mkdocs_persona_plugin.render.site import Output

TODAY = dt.date.fromisoformat(FIXED_TODAY)
ACTIVE_BY_SHARE = ["ben", "margie", "fiona", "hannah", "carla", "sam", "paula", "bruno", "ian"]
GALLERY_BY_SHARE = ["ben", "margie", "fiona", "hannah", "carla", "sam", "stella", "paula",
                    "bruno", "ian"]

HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"
HOSTILE_LINK = "[x](javascript:alert(1))"


# Helpers ---------------------------------------------------------------------------------
def example_handbook() -> Handbook:
    """The repository's example personas and journeys, loaded with the fixed today."""
    return load_handbook(REPO / "personas", REPO / "journeys", root=REPO, today=TODAY)


def render(handbook: Handbook | None = None, **options: Any) -> dict[str, Output]:
    """Every output of ``handbook`` (default: the example) by ``src_uri``, images off."""
    opts = HandbookOptions(
        project_root=REPO,
        personas_dir=REPO / "personas",
        journeys_dir=REPO / "journeys",
        cache_dir=SCRATCH_CACHE,
        today=TODAY,
        **options,
    )
    outputs = build_outputs(handbook or example_handbook(), opts, images=None)
    return {o.src_uri: o for o in outputs}


def body(output: Output) -> BeautifulSoup:
    """The HTML body of a generated Markdown page."""
    assert isinstance(output.content, str)
    _, front, _ = output.content.split("---\n", 2)
    assert yaml.safe_load(front)["title"]
    return BeautifulSoup(output.full_body(), "html.parser")


def front_matter(output: Output) -> dict[str, Any]:
    """The YAML front matter of a generated page."""
    assert isinstance(output.content, str)
    data = yaml.safe_load(output.content.split("---\n", 2)[1])
    assert isinstance(data, dict)
    return data


def text(node: Any) -> str:
    """Visible text with runs of whitespace collapsed."""
    return re.sub(r"\s+", " ", node.get_text(" ")).strip()


def card_ids(soup: BeautifulSoup) -> list[str]:
    """Persona ids of the gallery cards, in page order (from the name links)."""
    ids = []
    for card in soup.select("article.pp-card"):
        href = card.select_one("a.pp-card-link")["href"]
        ids.append(href.rstrip("/").split("/")[-1].removesuffix(".html"))
    return ids


def expected_sections(persona: Persona, handbook: Handbook) -> list[str]:
    """The h2 ids a persona page must have, derived from the data alone."""
    ids = []
    if persona.bio:
        ids.append("about")
    for name in ("goals", "challenges", "motivations", "needs", "objections", "behaviors"):
        if getattr(persona, name):
            ids.append(name)
    m = persona.messaging
    if m and (m.pitch or m.vocabulary or m.avoid):
        ids.append("messaging")
    ids += [f"s-{re.sub(r'[^a-z0-9]+', '-', t.lower()).strip('-')}" for t in persona.sections]
    if len(persona.quotes) > 1:
        ids.append("quotes")
    if handbook.journeys_of(persona.id):
        ids.append("journeys")
    if persona.related:
        ids.append("related")
    if persona.demographics:
        ids.append("demographics")
    if persona.role:
        ids.append("role")
    for name in ("channels", "tools", "interests"):
        if getattr(persona, name):
            ids.append(name)
    r = persona.research
    if r and (r.interviews is not None or r.sources or r.confidence):
        ids.append("research")
    if persona.tags:
        ids.append("tags")
    return ids


def resolve(site: Path, page: Path, ref: str) -> Path | None:
    """The file a relative ``href``/``src`` in ``page`` points at (``None`` if external)."""
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc or ref.startswith(("#", "/", "mailto:")) or not parts.path:
        return None
    target = Path(posixpath.normpath(posixpath.join(page.parent.as_posix(), unquote(parts.path))))
    if ref.endswith("/") or target.is_dir():
        target = target / "index.html"
    assert site.resolve() in [target.resolve(), *target.resolve().parents], ref
    return target


# Gallery ---------------------------------------------------------------------------------
def test_gallery_shows_active_and_draft_personas_in_share_order(example_site: BuildResult) -> None:
    soup = example_site.soup("personas/index.html")
    gallery = soup.select_one("div.pp-gallery")
    assert gallery.h1.get_text() == "Personas"
    assert card_ids(gallery) == GALLERY_BY_SHARE
    assert "oscar" not in card_ids(gallery)  # retired
    assert text(gallery.select_one("[data-pp-count]")) == "10 personas"


def test_gallery_cards_show_what_people_need(example_site: BuildResult) -> None:
    soup = example_site.soup("personas/index.html")
    cards = {i: c for i, c in zip(card_ids(soup), soup.select("article.pp-card"), strict=True)}
    margie = cards["margie"]
    assert text(margie.select_one(".pp-card-name")) == "Finance Manager Margie"
    assert margie.select_one("a.pp-card-link")["href"] == "margie/"
    assert text(margie.select_one(".pp-badge-type")) == "Buyer"
    assert text(margie.select_one(".pp-card-tagline")).startswith("Owns the month-end close")
    meta = text(margie.select_one(".pp-card-meta"))
    assert "SMB and mid-market (20–250 employees) · B2B" in meta
    assert "@product-marketing" in meta and "18%" in meta
    img = margie.select_one("img.pp-avatar")
    assert img["src"] == "assets/margie-96.webp"
    assert img["srcset"] == "assets/margie-96.webp 1x, assets/margie-256.webp 2x"
    assert (img["width"], img["height"], img["loading"]) == ("96", "96", "lazy")
    assert img["alt"].startswith("Illustrated portrait of Margie")
    assert cards["ben"].select_one("img")["alt"] == "Bookkeeper Ben"  # no photo_alt: the name
    # Machine-readable filter data.
    assert margie["data-type"] == "buyer" and margie["data-market"] == "b2b"
    assert margie["data-tags"].startswith('["')
    assert "finance manager margie" in margie["data-text"]
    assert "@product-marketing" in margie["data-text"]


def test_gallery_marks_negative_draft_and_review_state(example_site: BuildResult) -> None:
    soup = example_site.soup("personas/index.html")
    cards = {i: c for i, c in zip(card_ids(soup), soup.select("article.pp-card"), strict=True)}
    bruno = cards["bruno"]
    assert "pp-card-negative" in bruno["class"]
    badge = bruno.select_one(".pp-badge-type")
    assert text(badge) == "Negative persona"
    icon = badge.select_one(".pp-icon")
    assert icon["class"] == ["pp-icon", "pp-icon-negative"] and icon["aria-hidden"] == "true"
    assert text(cards["stella"].select_one(".pp-badge-draft")) == "Draft"
    assert not cards["margie"].select(".pp-badge-draft")
    dots = {i: c.select_one(".pp-review-dot") for i, c in cards.items()}
    assert dots["bruno"]["data-review"] == "overdue"
    assert dots["bruno"]["title"].startswith("Review overdue")
    assert text(dots["bruno"]) == dots["bruno"]["title"]  # screen-reader text
    assert dots["ben"]["data-review"] == "due-soon"
    assert dots["ben"]["title"] == "Review due soon · Next review 8 December 2026"
    assert dots["margie"]["data-review"] == "current"


def test_gallery_filters_are_hidden_without_javascript(example_site: BuildResult) -> None:
    soup = example_site.soup("personas/index.html")
    form = soup.select_one("form.pp-filters")
    assert form.has_attr("hidden")
    chips = {b["data-type-choice"]: text(b) for b in form.select("[data-type-choice]")}
    assert chips == {
        "": "All 10",
        "buyer": "Buyer 2",
        "user": "User 3",
        "decision-maker": "Decision-maker 1",
        "influencer": "Influencer 1",
        "detractor": "Detractor 1",
        "payer": "Payer 1",
        "negative": "Negative persona 1",
    }
    selects = {s["name"]: [o["value"] for o in s.select("option")] for s in form.select("select")}
    assert selects["market"] == ["", "b2b", "b2c", "public"]
    assert "SMB finance teams" in selects["segment"]
    assert "power-user" in selects["tag"]
    assert soup.select_one("[data-pp-empty]").has_attr("hidden")
    assert all(not c.has_attr("hidden") for c in soup.select("article.pp-card"))


def test_gallery_links_to_the_rest_of_the_handbook(example_site: BuildResult) -> None:
    soup = example_site.soup("personas/index.html")
    links = {text(a): a["href"] for a in soup.select(".pp-quicklinks a")}
    assert links == {
        "Start here": "start-here/",
        "Compare": "compare/",
        "Journey maps": "../journeys/",
        "Review tracker": "../reviews/",
    }


def test_gallery_links_follow_the_options() -> None:
    out = render(compare=False, tracker=False, start_here=False)
    soup = body(out["personas/index.md"])
    assert [text(a) for a in soup.select(".pp-quicklinks a")] == ["Journey maps"]
    out = render(compare=False, tracker=False, start_here=False, journey_pages=False)
    assert not body(out["personas/index.md"]).select(".pp-quicklinks")
    empty = render(Handbook(personas={}, journeys={}, today=TODAY))
    assert text(body(empty["personas/index.md"]).select_one(".pp-empty")).startswith("No personas")
    assert "personas/index.md" not in render(gallery=False)


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        ("share", GALLERY_BY_SHARE),
        ("name", ["bruno", "ben", "carla", "margie", "fiona", "hannah", "ian", "paula", "sam",
                  "stella"]),
        ("type", ["margie", "fiona", "ben", "carla", "stella", "hannah", "ian", "sam", "paula",
                  "bruno"]),
    ],
)
def test_gallery_order_option(order: str, expected: list[str]) -> None:
    out = render(gallery_order=order)
    assert card_ids(body(out["personas/index.md"])) == expected
    # Persona pages are weighted by the same order (retired last).
    pages = sorted(
        (o for o in out.values() if o.persona_id), key=lambda o: o.nav_weight
    )
    assert [o.persona_id for o in pages] == [*expected, "oscar"]
    assert all(o.nav_section == "personas" for o in pages)
    assert out["personas/index.md"].nav_weight == -10
    assert out["personas/start-here.md"].nav_weight == -9


# Persona pages ---------------------------------------------------------------------------
def test_every_section_present_when_set_and_absent_when_not(example_site: BuildResult) -> None:
    handbook = example_handbook()
    for persona in handbook.personas.values():
        soup = example_site.soup(f"personas/{persona.id}/index.html")
        root = soup.select_one("div.pp-persona")
        ids = [h["id"] for h in root.select("h2")]
        assert ids == expected_sections(persona, handbook), persona.id
        for h2 in root.select("h2"):  # no heading without content
            assert text(h2.parent).removeprefix(text(h2)).strip(), (persona.id, h2["id"])


def test_persona_page_header_and_content(example_site: BuildResult) -> None:
    soup = example_site.soup("personas/margie/index.html")
    root = soup.select_one("div.pp-persona")
    hero = root.select_one(".pp-persona-hero")
    assert text(hero.h1) == "Finance Manager Margie"
    assert hero.select_one("img.pp-avatar")["src"] == "../assets/margie-256.webp"
    assert text(hero.select_one(".pp-badge-type")) == "Buyer"
    facts = text(hero.select_one(".pp-keyfacts"))
    assert "Segment SMB and mid-market (20–250 employees)" in facts
    assert "Market B2B" in facts and "18%" in facts
    quote = root.select_one(".pp-pullquote")
    assert text(quote.blockquote).startswith("Month-end is basically me")
    assert text(quote.figcaption)
    # Facts in the order written.
    role = [text(dt) for dt in root.select("#role + dl dt")]
    assert role == list(yaml.safe_load((REPO / "personas/margie.yaml").read_text())["role"])
    # List items are inline Markdown.
    assert root.select_one("#goals + ul strong") is not None
    messaging = root.select_one("#messaging").parent
    assert "Pitch" in text(messaging) and "Words to use" in text(messaging)
    assert "Words to avoid" in text(messaging)
    assert root.select("#s-a-day-in-the-life + ul li")
    assert root.select_one("#s-what-she-tells-her-peers + div p em") is not None
    quotes = root.select("#quotes ~ figure")
    assert len(quotes) == 2 and all(q.figcaption for q in quotes)
    research = text(root.select_one("#research").parent)
    assert "Interviews 21" in research and "High" in research
    tags = {text(a): a["href"] for a in root.select("#tags + ul a")}
    assert tags["b2b"] == "../?tag=b2b"


def test_persona_page_related_journeys_and_footer(example_site: BuildResult) -> None:
    soup = example_site.soup("personas/margie/index.html")
    root = soup.select_one("div.pp-persona")
    related = root.select("#related + ul.pp-related > li")
    assert [li.select_one(".pp-related-name a")["href"] for li in related] == [
        "../hannah/", "../ben/", "../sam/"
    ]
    assert text(related[0].select_one(".pp-related-name")) == "Head of Finance Hannah"
    assert text(related[0].select_one(".pp-badge-type")) == "Decision-maker"
    assert related[0].select_one("img.pp-related-avatar")["alt"]
    compare = related[0].select_one("a.pp-related-compare")
    assert compare["href"] == "../compare/?p=margie,hannah"
    assert compare["aria-label"] == "Compare Finance Manager Margie and Head of Finance Hannah"
    journeys = root.select("#journeys + ul li")
    links = [li.select_one(".pp-journey-title a")["href"] for li in journeys]
    assert "../../journeys/margie-month-end-close/" in links
    footer = text(root.select_one(".pp-persona-footer"))
    assert "Owner @product-marketing" in footer
    assert "Last reviewed 14 March 2026" in footer
    assert "Next review 14 March 2027" in footer
    dates = [(t["datetime"], text(t)) for t in root.select(".pp-persona-footer time")]
    assert dates == [("2026-03-14", "14 March 2026"), ("2027-03-14", "14 March 2027")]
    assert not root.select(".pp-edit")  # the example test project has no repo_url


def test_banners(example_site: BuildResult) -> None:
    oscar = example_site.soup("personas/oscar/index.html").select_one("div.pp-persona")
    assert text(oscar.select_one(".pp-banner-retired")).startswith("This persona is retired.")
    assert "Next review" not in text(oscar.select_one(".pp-persona-footer"))
    stella = example_site.soup("personas/stella/index.html").select_one("div.pp-persona")
    assert text(stella.select_one(".pp-banner-draft")) == "This persona is a draft and may change."
    bruno = example_site.soup("personas/bruno/index.html").select_one("div.pp-persona")
    negative = bruno.select_one(".pp-banner-negative")
    assert text(negative).startswith("A negative persona")
    assert negative.a["href"] == "../start-here/#negative"
    assert bruno.select_one(".pp-review-banner") is not None  # included (owned by the tracker)
    margie = example_site.soup("personas/margie/index.html")
    assert not margie.select(".pp-banner")


def test_persona_page_meta_tags(example_site: BuildResult) -> None:
    soup = example_site.soup("personas/fiona/index.html")
    tagline = yaml.safe_load((REPO / "personas/fiona.yaml").read_text())["tagline"]

    def meta(key: str) -> str:
        tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
        assert tag is not None, key
        return str(tag["content"])

    assert soup.title.get_text().startswith("Freelancer Fiona")
    assert meta("description") == tagline
    assert meta("og:title") == "Freelancer Fiona"
    assert meta("og:description") == tagline
    assert meta("og:type") == "profile"
    assert meta("og:image") == "../assets/fiona-card.png"
    assert meta("twitter:card") == "summary_large_image"
    assert meta("twitter:image") == "../assets/fiona-card.png"
    assert (example_site.site / "personas/assets/fiona-card.png").is_file()


def meta_tags(soup: Any) -> dict[str, str]:
    """A page's ``<meta property|name=… content=…>`` values by key."""
    found: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = tag.get("property") or tag.get("name")
        if key:
            found[str(key)] = str(tag.get("content", ""))
    return found


def test_journey_and_listing_pages_have_share_tags(example_site: BuildResult) -> None:
    journey = yaml.safe_load((REPO / "journeys/margie-month-end-close.yaml").read_text())
    meta = meta_tags(example_site.soup("journeys/margie-month-end-close/index.html"))
    assert meta["og:title"] == meta["twitter:title"] == journey["title"]
    assert meta["og:type"] == "article"
    assert meta["og:description"] == meta["description"] != ""
    assert meta["twitter:card"] == "summary"
    assert "og:url" not in meta  # without site_url there is no absolute address
    for path in ["personas/index.html", "journeys/index.html", "reviews/index.html"]:
        soup = example_site.soup(path)
        meta = meta_tags(soup)
        assert meta["og:type"] == "website", path
        assert meta["og:title"] and soup.title.get_text().startswith(meta["og:title"]), path
        assert len(soup.find_all("meta", attrs={"property": "og:title"})) == 1, path


def test_share_tags_name_absolute_addresses_with_site_url(tmp_path: Path) -> None:
    root = write_project(tmp_path, example=True, config={"site_url": "https://docs.example/hb/"})
    result = run_build(root)
    assert result.returncode == 0, result.log
    persona = meta_tags(result.soup("personas/fiona/index.html"))
    assert persona["og:url"] == "https://docs.example/hb/personas/fiona/"
    assert persona["og:image"] == "https://docs.example/hb/personas/assets/fiona-card.png"
    journey = meta_tags(result.soup("journeys/margie-month-end-close/index.html"))
    assert journey["og:url"] == "https://docs.example/hb/journeys/margie-month-end-close/"


def test_page_front_matter_and_outputs() -> None:
    out = render()
    page = out["personas/fiona.md"]
    front = front_matter(page)
    assert front["title"] == "Freelancer Fiona"
    assert front["hide"] == ["toc"]
    assert front["description"].startswith("A freelance illustrator")
    assert page.persona_id == "fiona" and page.nav_section == "personas"
    # Images off: initials drawn in HTML, no image outputs, no og:image.
    soup = body(page)
    initials = soup.select_one(".pp-persona-hero .pp-avatar-initials")
    assert text(initials) == "FF" and initials["role"] == "img"
    assert initials["aria-label"].startswith("Illustrated portrait of Fiona")
    assert "--pp-avatar-bg: #" in initials["style"]
    assert not [o for o in out.values() if o.kind == "asset" and "/assets/" in o.src_uri]
    assert "og:image" not in page.head and 'content="summary"' in page.head


def test_journey_links_only_with_journey_pages() -> None:
    soup = body(render(journey_pages=False)["personas/margie.md"])
    items = soup.select("#journeys + ul li")
    assert items and not [li for li in items if li.select(".pp-journey-title a")]


def test_related_personas_without_compare() -> None:
    soup = body(render(compare=False)["personas/margie.md"])
    assert soup.select("#related + ul.pp-related > li")
    assert not soup.select("a.pp-related-compare")


# Start here ------------------------------------------------------------------------------
def test_start_here_page(example_site: BuildResult) -> None:
    soup = example_site.soup("personas/start-here/index.html")
    root = soup.select_one("div.pp-start")
    assert text(root.h1) == "Start here"
    assert [h["id"] for h in root.select("h2")] == ["what", "how", "negative", "path", "next"]
    assert "negative persona" in text(root.select_one("#negative").parent).lower()
    steps = root.select("ol.pp-steps > li")
    hrefs = [s.select_one("a.pp-step-read")["href"] for s in steps]
    assert hrefs == [f"../{i}/" for i in ACTIVE_BY_SHARE]
    assert [text(s.select_one(".pp-step-number")) for s in steps] == [
        str(n) for n in range(1, 10)
    ]
    first = steps[0]
    assert text(first.select_one(".pp-step-tagline")).startswith("Lives in Ledgerly")
    assert text(first.select_one("a.pp-step-read")) == "Read the profile"


def test_persona_pages_walk_the_start_here_path(example_site: BuildResult) -> None:
    ben = example_site.soup("personas/ben/index.html").select_one("div.pp-persona")
    assert text(ben.select_one(".pp-step-pill")) == "Step 1 of 9 in Start here"
    nav = ben.select_one("nav.pp-stepnav")
    assert nav.select_one("[rel=prev]")["href"] == "../start-here/"
    assert nav.select_one("[rel=next]")["href"] == "../margie/"
    assert "Finance Manager Margie" in text(nav.select_one("[rel=next]"))
    sam = example_site.soup("personas/sam/index.html").select_one("nav.pp-stepnav")
    assert text(sam.select_one(".pp-stepnav-step")) == "Step 6 of 9 in Start here"
    assert sam.select_one("[rel=prev]")["href"] == "../carla/"
    assert sam.select_one("[rel=next]")["href"] == "../paula/"
    ian = example_site.soup("personas/ian/index.html").select_one("nav.pp-stepnav")
    assert ian.select_one("[rel=next]")["href"] == "../"  # back to the gallery
    for off_path in ("stella", "oscar"):
        page = example_site.soup(f"personas/{off_path}/index.html")
        assert not page.select(".pp-stepnav, .pp-step-pill")


def test_onboarding_option_sets_the_path() -> None:
    out = render(onboarding=["stella", "bruno", "margie"])
    steps = body(out["personas/start-here.md"]).select("a.pp-step-read")
    assert [a["href"] for a in steps] == ["../stella/", "../bruno/", "../margie/"]
    bruno = body(out["personas/bruno.md"])
    assert text(bruno.select_one(".pp-stepnav-step")) == "Step 2 of 3 in Start here"
    assert not body(out["personas/ben.md"]).select(".pp-stepnav")


def test_onboarding_unknown_id_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match=r"^onboarding: no persona with id 'nobody'$"):
        render(onboarding=["margie", "nobody"])


def test_onboarding_unknown_id_fails_the_build_cleanly(tmp_path: Path) -> None:
    root = write_project(tmp_path, personas={"mo.yaml": MINIMAL}, plugin={"onboarding": ["nobody"]})
    result = run_build(root)
    assert result.returncode != 0
    assert "onboarding: no persona with id 'nobody'" in result.log
    assert "Traceback" not in result.log


def test_start_here_option_off() -> None:
    out = render(start_here=False, onboarding=["nobody"])
    assert "personas/start-here.md" not in out
    assert not body(out["personas/ben.md"]).select(".pp-stepnav, .pp-step-pill")


# Small real builds -----------------------------------------------------------------------
MINIMAL = """\
    name: Minimal Mo
    owner: "@team"
    last_reviewed: 2026-06-01
"""

HOSTILE = f"""\
    name: "{HOSTILE_SCRIPT} Eve"
    owner: "{HOSTILE_IMG}"
    last_reviewed: 2026-06-01
    segment: "{HOSTILE_IMG}"
    tagline: "{HOSTILE_IMG} and {HOSTILE_LINK}"
    bio: "{HOSTILE_SCRIPT} then [click me](javascript:alert(1)) and {HOSTILE_IMG}"
    goals: ["{HOSTILE_IMG}", "{HOSTILE_LINK}"]
    objections: ["{HOSTILE_SCRIPT}"]
    quotes:
      - "{HOSTILE_SCRIPT} first"
      - text: "{HOSTILE_LINK} second"
        source: "{HOSTILE_IMG}"
    demographics:
      "{HOSTILE_SCRIPT}": "{HOSTILE_IMG}"
    messaging:
      pitch: "{HOSTILE_LINK}"
      vocabulary: ["{HOSTILE_SCRIPT}"]
    sections:
      "{HOSTILE_SCRIPT}": "{HOSTILE_IMG} {HOSTILE_LINK}"
      "List {HOSTILE_IMG}": ["{HOSTILE_SCRIPT}"]
    tags: ["{HOSTILE_SCRIPT}"]
    related: [mo]
"""


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """Two personas (minimal and hostile), with an edit link and a site URL."""
    root = tmp_path_factory.mktemp("handbook-small")
    write_project(
        root,
        personas={"mo.yaml": MINIMAL, "eve.yaml": HOSTILE},
        config={
            "site_url": "https://handbook.example.com/docs/",
            "repo_url": "https://github.com/acme/handbook",
            "edit_uri": "edit/main/docs/",
        },
    )
    result = run_build(root)
    assert result.returncode == 0, result.log
    return result


def test_minimal_persona_has_no_empty_sections(small_site: BuildResult) -> None:
    root = small_site.soup("personas/mo/index.html").select_one("div.pp-persona")
    assert text(root.h1) == "Minimal Mo"
    assert root.select("h2") == []
    assert not root.select(".pp-pullquote, .pp-tagline, .pp-banner, section")
    for element in root.select("ul, ol, dl, p"):
        if element.find_parent(attrs={"hidden": True}) is None:  # the notice, hidden until due
            assert text(element), element
    assert "Owner @team" in text(root.select_one(".pp-persona-footer"))
    assert text(root.select_one(".pp-avatar")) == ""  # an image, not initials text


def _assert_inert(soup: BeautifulSoup) -> None:
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            assert not name.lower().startswith("on"), element
            values = value if isinstance(value, list) else [value]
            for v in values:
                assert not re.sub(r"\s", "", str(v)).lower().startswith("javascript:"), element
    for script in soup.find_all("script"):
        assert "alert(1)" not in script.get_text()
    assert not soup.find("img", src="x")


def test_hostile_text_is_shown_as_text_everywhere(small_site: BuildResult) -> None:
    for page in ("personas/eve/index.html", "personas/index.html", "personas/start-here/index.html",
                 "personas/mo/index.html"):
        _assert_inert(small_site.soup(page))
    soup = small_site.soup("personas/eve/index.html")
    root = soup.select_one("div.pp-persona")
    assert text(root.h1) == f"{HOSTILE_SCRIPT} Eve"
    assert soup.title.get_text().startswith(f"{HOSTILE_SCRIPT} Eve")
    assert text(root.select_one(".pp-tagline")) == f"{HOSTILE_IMG} and x"
    about = text(root.select_one("#about + div"))
    assert f"{HOSTILE_SCRIPT} then click me and {HOSTILE_IMG}" in about
    assert [text(li) for li in root.select("#goals + ul li")] == [HOSTILE_IMG, "x"]
    assert text(root.select_one(".pp-pullquote blockquote")) == f"{HOSTILE_SCRIPT} first"
    assert text(root.select_one("#quotes ~ figure figcaption")) == HOSTILE_IMG
    assert text(root.select_one("#demographics + dl dt")) == HOSTILE_SCRIPT
    custom = root.select("section.pp-section-custom h2")
    assert [text(h) for h in custom] == [HOSTILE_SCRIPT, f"List {HOSTILE_IMG}"]
    assert text(root.select_one("#tags + ul")) == HOSTILE_SCRIPT
    assert root.select_one(".pp-avatar")["alt"] == f"{HOSTILE_SCRIPT} Eve"
    og = soup.find("meta", attrs={"property": "og:title"})
    assert og["content"] == f"{HOSTILE_SCRIPT} Eve"
    description = soup.find("meta", attrs={"name": "description"})
    assert description["content"] == f"{HOSTILE_IMG} and x"
    card = small_site.soup("personas/index.html").select_one("article.pp-card")
    assert text(card.select_one(".pp-card-name")) == f"{HOSTILE_SCRIPT} Eve"
    assert text(card.select_one(".pp-card-tagline")) == f"{HOSTILE_IMG} and x"
    assert card["data-tags"] == '["\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"]'


def test_edit_links_point_at_the_yaml(small_site: BuildResult) -> None:
    soup = small_site.soup("personas/eve/index.html")
    edit = soup.select_one("a.pp-edit")
    assert edit["href"] == "https://github.com/acme/handbook/edit/main/personas/eve.yaml"
    assert text(edit) == "Edit this persona"
    assert not small_site.soup("personas/index.html").select("a.pp-edit")


def test_social_meta_uses_absolute_urls_with_site_url(small_site: BuildResult) -> None:
    soup = small_site.soup("personas/mo/index.html")
    image = soup.find("meta", attrs={"property": "og:image"})["content"]
    assert image == "https://handbook.example.com/docs/personas/assets/mo-card.png"
    assert soup.find("meta", attrs={"name": "twitter:image"})["content"] == image
    url = soup.find("meta", attrs={"property": "og:url"})["content"]
    assert url == "https://handbook.example.com/docs/personas/mo/"


def test_theme_mkdocs_and_file_urls_build_with_working_links(tmp_path: Path) -> None:
    root = write_project(
        tmp_path / "plain",
        example=True,
        plugin={"compare": False, "tracker": False, "journey_pages": False},
        config={"theme": {"name": "mkdocs"}, "use_directory_urls": False},
    )
    result = run_build(root)
    assert result.returncode == 0, result.log
    site = result.site
    pages = [site / "personas/index.html", site / "personas/start-here.html"]
    pages += sorted((site / "personas").glob("*.html"))
    checked = 0
    for page in dict.fromkeys(pages):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        root = soup.select_one("div.pp")
        assert root is not None, page
        refs = [a["href"] for a in root.select("a[href]")] + [i["src"] for i in root.select("img")]
        refs += [s.split()[0] for i in root.select("img[srcset]") for s in i["srcset"].split(",")]
        for ref in refs:
            target = resolve(site, page, ref)
            if target is not None:
                assert target.is_file(), f"{page.name}: {ref}"
                checked += 1
    assert checked > 200
    gallery = (site / "personas/index.html").read_text(encoding="utf-8")
    assert 'href="margie.html"' in gallery and 'href="start-here.html"' in gallery
    assert "assets/persona/persona.css" in gallery and "assets/persona/persona.js" in gallery


def test_cards_and_pages_link_the_persona_asset_files(example_site: BuildResult) -> None:
    site = example_site.site
    for page in (site / "personas").glob("*/index.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for img in soup.select("div.pp img"):
            target = resolve(site, page, img["src"])
            assert target is not None and target.is_file(), (page, img["src"])

