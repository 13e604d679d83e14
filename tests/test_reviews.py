"""Review dates: the rule, the tracker page, banners, reviews.json, reviews.ics, the build log,
and the agreement of all of them (and the CLI) on the example handbook."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import (
    REPO,
    BuildResult,
    body_soup,
    project_outputs,
    run_build,
    run_cli,
    write_project,
)

from mkdocs_persona_plugin import __version__
from mkdocs_persona_plugin.core.intervals import parse_interval
from mkdocs_persona_plugin.core.loader import Handbook
from mkdocs_persona_plugin.core.models import Journey, Persona
from mkdocs_persona_plugin.core.options import HandbookOptions
from mkdocs_persona_plugin.core.reviews import (
    ReviewState,
    due_soon_from,
    review_items,
    review_report,
    review_status,
)
from mkdocs_persona_plugin.render.review_feeds import (
    escape_text,
    fold,
    reviews_ics,
    uid_host,
    unfold,
)
from mkdocs_persona_plugin.render.site import BuildContext, make_environment
from mkdocs_persona_plugin.render.strings import Strings

D = dt.date
TODAY = D(2026, 11, 29)
YEAR = parse_interval("1 year")
MONTH30 = parse_interval("30 days")


JAN_1 = D(2026, 1, 1)


def persona(pid: str = "p", last: dt.date = JAN_1, **fields: Any) -> Persona:
    """A minimal persona."""
    values: dict[str, Any] = {"id": pid, "name": pid.title(), "owner": "@team", **fields}
    return Persona(last_reviewed=last, **values)


def journey(jid: str = "j", last: dt.date | None = None, **fields: Any) -> Journey:
    """A minimal journey."""
    return Journey(
        id=jid, title=jid.title(), persona="p", last_reviewed=last, stages=[{"name": "S"}], **fields
    )


def status(item: Persona | Journey, today: dt.date = TODAY, due_soon: str = "30 days") -> Any:
    return review_status(
        item, today=today, default_interval=YEAR, due_soon=parse_interval(due_soon)
    )


# The rule ---------------------------------------------------------------------------------
def test_due_exactly_today_is_due_soon_with_zero_days() -> None:
    s = status(persona(last=D(2025, 11, 29)))
    assert (s.next_review, s.state, s.days, s.days_overdue) == (TODAY, ReviewState.due_soon, 0, 0)


def test_due_tomorrow() -> None:
    s = status(persona(last=D(2025, 11, 30)))
    assert (s.next_review, s.state, s.days) == (D(2026, 11, 30), ReviewState.due_soon, 1)


def test_one_day_overdue() -> None:
    s = status(persona(last=D(2025, 11, 28)))
    assert (s.next_review, s.state, s.days, s.days_overdue) == (
        D(2026, 11, 28), ReviewState.overdue, -1, 1
    )


def test_due_soon_window_is_inclusive() -> None:
    assert status(persona(last=D(2025, 12, 29))).state is ReviewState.due_soon  # in 30 days
    assert status(persona(last=D(2025, 12, 30))).state is ReviewState.current  # in 31 days
    assert status(persona(last=D(2025, 12, 30))).days == 31


def test_leap_day_review_is_due_on_feb_28() -> None:
    s = status(persona(last=D(2024, 2, 29)), today=D(2025, 2, 28))
    assert (s.next_review, s.state, s.days) == (D(2025, 2, 28), ReviewState.due_soon, 0)
    assert status(persona(last=D(2024, 2, 29)), today=D(2025, 3, 1)).state is ReviewState.overdue


def test_month_end_review_interval() -> None:
    s = status(persona(last=D(2026, 1, 31), review_every="1 month"), today=D(2026, 3, 1))
    assert (s.next_review, s.state, s.days) == (D(2026, 2, 28), ReviewState.overdue, -1)


@pytest.mark.parametrize(
    ("every", "last", "next_review"),
    [
        ("90 days", D(2026, 9, 1), D(2026, 11, 30)),
        ("6 weeks", D(2026, 10, 20), D(2026, 12, 1)),
        ("6 months", D(2026, 5, 31), D(2026, 11, 30)),
        ("2 years", D(2024, 12, 1), D(2026, 12, 1)),
    ],
)
def test_per_file_interval_overrides_the_default(
    every: str, last: dt.date, next_review: dt.date
) -> None:
    s = status(persona(last=last, review_every=every))
    assert s.next_review == next_review
    assert str(s.interval) == every


def test_retired_personas_are_never_overdue() -> None:
    s = status(persona(last=D(2020, 1, 1), status="retired"))
    assert s.state is ReviewState.retired
    assert s.next_review == D(2021, 1, 1)


def test_journeys_follow_the_same_rules_and_untracked_without_a_date() -> None:
    assert status(journey(last=D(2025, 11, 1))).state is ReviewState.overdue
    assert status(journey(last=D(2025, 12, 1), review_every="1 year")).state is (
        ReviewState.due_soon
    )
    assert status(journey()).state is ReviewState.unscheduled


@pytest.mark.parametrize("window", ["30 days", "2 weeks", "1 month", "3 months", "1 year"])
def test_due_soon_days_agree_with_the_rule_every_day(window: str) -> None:
    """The browser recomputes states from ``due_soon_days``: it must match day by day."""
    interval = parse_interval(window)
    for next_review in (D(2026, 3, 31), D(2026, 2, 28), D(2024, 2, 29), D(2026, 12, 31)):
        start = due_soon_from(next_review, interval)
        assert interval.after(start) >= next_review
        assert interval.after(start - dt.timedelta(days=1)) < next_review
        item = persona(last=next_review - dt.timedelta(days=400), review_every="400 days")
        for offset in range(-400, 3):
            today = next_review + dt.timedelta(days=offset)
            s = status(item, today=today, due_soon=window)
            by_days = (
                "overdue" if s.days < 0 else "due-soon" if s.days <= s.due_soon_days else "current"
            )
            assert by_days == s.state.value, (window, next_review, today)


def test_review_items_sorted_and_untracked_journeys_left_out() -> None:
    handbook = Handbook(
        personas={
            "a": persona("a", D(2026, 6, 1)),
            "b": persona("b", D(2025, 1, 1)),
            "r": persona("r", D(2019, 1, 1), status="retired"),
        },
        journeys={"j": journey("j", D(2026, 6, 1)), "n": journey("n")},
        today=TODAY,
    )
    items = review_items(handbook, today=TODAY, default_interval=YEAR, due_soon=MONTH30)
    assert [(e.kind, e.id, e.state.value) for e in items] == [
        ("persona", "r", "retired"),
        ("persona", "b", "overdue"),
        ("persona", "a", "current"),
        ("journey", "j", "current"),
    ]


def _entries(**states: list[str]) -> list[Any]:
    handbook = Handbook(today=TODAY)
    last = {"overdue": D(2025, 1, 1), "due_soon": D(2025, 12, 10), "current": D(2026, 6, 1)}
    for state, ids in states.items():
        for key in ids:
            kind, pid = key.split(":")
            if kind == "p":
                handbook.personas[pid] = persona(pid, last[state])
            else:
                handbook.journeys[pid] = journey(pid, last[state], owner="@j")
    return review_items(handbook, today=TODAY, default_interval=YEAR, due_soon=MONTH30)


@pytest.mark.parametrize(
    ("states", "summary"),
    [
        ({"overdue": ["p:a", "p:b", "p:c"], "due_soon": ["p:d", "p:e"]},
         "3 personas overdue, 2 due soon — see reviews/"),
        ({"overdue": ["p:a"]}, "1 persona overdue — see reviews/"),
        ({"due_soon": ["p:a", "j:b"]}, "1 persona and 1 journey due soon — see reviews/"),
        ({"overdue": ["p:a", "j:x", "j:y"], "due_soon": ["p:d"]},
         "1 persona and 2 journeys overdue, 1 persona due soon — see reviews/"),
        ({"current": ["p:a", "j:b"]}, ""),
    ],
)
def test_build_log_summary(states: dict[str, list[str]], summary: str) -> None:
    assert review_report(_entries(**states), see="reviews/").summary == summary


# Calendar text ----------------------------------------------------------------------------
def test_ics_text_escaping_and_folding() -> None:
    assert escape_text("a,b;c\\d\ne\r\nf\x07g") == "a\\,b\\;c\\\\d\\ne\\nfg"
    line = "DESCRIPTION:" + "é" * 80
    folded = fold(line)
    for part in folded.split("\r\n"):
        assert len(part.encode("utf-8")) <= 75
    assert unfold(folded + "\r\n") == [line]
    assert fold("SHORT:x") == "SHORT:x"


@pytest.mark.parametrize(
    ("site_url", "host"),
    [
        ("https://handbook.example.com/docs/", "handbook.example.com"),
        ("", "mkdocs-persona"),
        ("not a url", "mkdocs-persona"),
        ("https://EXAMPLE.org:8443", "example.org"),
    ],
)
def test_uid_host(site_url: str, host: str) -> None:
    assert uid_host(site_url) == host


def _ctx(handbook: Handbook, **options: Any) -> BuildContext:
    opts = HandbookOptions(
        project_root=Path("/p"), personas_dir=Path("/p/personas"),
        journeys_dir=Path("/p/journeys"), cache_dir=Path("/p/.cache"), today=handbook.today,
        **options,
    )
    return BuildContext(handbook, opts, Strings(), make_environment())


def test_hostile_text_stays_inside_its_ics_property() -> None:
    evil = persona(
        "evil",
        D(2025, 1, 1),
        name="Eve\\; X,Y",
        owner="@x\r\nATTENDEE:mailto:a@b.c\nEND:VEVENT",
    )
    handbook = Handbook(personas={"evil": evil}, today=TODAY)
    ctx = _ctx(handbook, site_name="Hand\nbook; 1,2", site_url="https://h.example/")
    items = review_items(handbook, today=TODAY, default_interval=YEAR, due_soon=MONTH30)
    text = reviews_ics(ctx, items)
    assert "\n" not in text.replace("\r\n", "")
    lines = unfold(text)
    names = [line.split(":", 1)[0].split(";", 1)[0] for line in lines]
    assert names == [
        "BEGIN", "VERSION", "PRODID", "CALSCALE", "METHOD", "X-WR-CALNAME",
        "BEGIN", "UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "URL",
        "TRANSP", "END", "END",
    ]
    assert "X-WR-CALNAME:Hand\\nbook\\; 1\\,2 — persona reviews" in lines
    assert "SUMMARY:Review persona: Eve\\\\\\; X\\,Y" in lines
    description = next(line for line in lines if line.startswith("DESCRIPTION:"))
    assert description.startswith(
        "DESCRIPTION:Owner: @x\\nATTENDEE:mailto:a@b.c\\nEND:VEVENT\\nLast reviewed 2025-01-01"
    )


# Built sites ------------------------------------------------------------------------------
PERSONAS = {
    # overdue by 374 days, with a hostile-looking name
    "bruno.yaml": """\
        name: Bruno <b>"the bold"</b>, Esq.
        owner: "@growth-team"
        last_reviewed: 2024-11-20
        """,
    # due today
    "dora.yaml": """\
        name: Due-today Dora
        owner: "@sales"
        last_reviewed: 2025-11-29
        """,
    # due in 11 days with a per-file interval
    "fiona.yaml": """\
        name: Freelancer Fiona
        owner: "@growth-team"
        last_reviewed: 2026-06-10
        review_every: 6 months
        """,
    # current
    "hannah.yaml": """\
        name: Head of Finance Hannah
        owner: "@sales"
        last_reviewed: 2026-09-14
        """,
    # retired long ago: never overdue
    "oscar.yaml": """\
        name: Old-school Oscar
        owner: "@marketing"
        status: retired
        last_reviewed: 2020-01-15
        """,
}
JOURNEYS = {
    "onboarding.yaml": """\
        title: Onboarding
        persona: hannah
        owner: "@sales"
        last_reviewed: 2025-10-01
        stages:
          - name: Sign up
        """,
    "untracked.yaml": """\
        title: Untracked journey
        persona: fiona
        stages:
          - name: Try
        """,
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """A small handbook with every review state, built with --strict and a repo_url."""
    project = write_project(
        tmp_path_factory.mktemp("reviews"),
        personas=PERSONAS,
        journeys=JOURNEYS,
        config={
            "site_url": "https://handbook.example.com/team/",
            "repo_url": "https://github.com/acme/handbook",
            "edit_uri": "edit/main/docs/",
        },
    )
    result = run_build(project)
    assert result.returncode == 0, result.log
    return result


def _text(node: Any) -> str:
    """The visible text of ``node``, whitespace collapsed (``<wbr>`` adds no space)."""
    for wbr in node.find_all("wbr"):
        wbr.decompose()
    node.smooth()
    return " ".join(node.get_text(" ", strip=True).split())


def test_tracker_table(site: BuildResult) -> None:
    soup = site.soup("reviews/index.html")
    tracker = soup.select_one("div.pp-tracker")
    assert tracker is not None
    assert _text(tracker.select_one("h1")) == "Review tracker"
    assert _text(tracker.select_one(".pp-tracker-asof")) == (
        "Status as of 29 November 2026, the day this site was built."
    )
    counts = {
        li["data-state"]: _text(li) for li in tracker.select(".pp-tracker-summary li")
    }
    assert counts == {
        "overdue": "2 Overdue",
        "due-soon": "2 Due soon",
        "current": "1 Current",
        "retired": "1 Retired",
    }
    rows = tracker.select("table[data-pp-table] tbody tr")
    assert [[_text(td) for td in row.select("td, th")] for row in rows] == [
        ["Overdue", 'Bruno <b>"the bold"</b>, Esq. personas/bruno.yaml', "Persona",
         "@growth-team", "20 Nov 2024", "20 Nov 2025", "374 days overdue"],
        ["Overdue", "Onboarding journeys/onboarding.yaml", "Journey", "@sales", "1 Oct 2025",
         "1 Oct 2026", "59 days overdue"],
        ["Due soon", "Due-today Dora personas/dora.yaml", "Persona", "@sales", "29 Nov 2025",
         "29 Nov 2026", "due today"],
        ["Due soon", "Freelancer Fiona personas/fiona.yaml", "Persona", "@growth-team",
         "10 Jun 2026", "10 Dec 2026", "in 11 days"],
        ["Current", "Head of Finance Hannah personas/hannah.yaml", "Persona", "@sales",
         "14 Sept 2026", "14 Sept 2027", "in 289 days"],  # CLDR en-GB: "Sept"
    ]
    # Readers get the date in words, machines the ISO date.
    assert [t["datetime"] for t in rows[0].select("time")] == ["2024-11-20", "2025-11-20"]
    first = rows[0]
    assert first["data-owner"] == "@growth-team"
    assert first["data-next-review"] == "2025-11-20"
    assert first["data-due-soon-days"] == "30"
    links = [a["href"] for a in first.select("a")]
    assert links == ["../personas/bruno/", "https://github.com/acme/handbook/edit/main/personas/bruno.yaml"]
    assert rows[1].select("a")[0]["href"] == "../journeys/onboarding/"
    # Hostile text is escaped, never markup.
    assert first.select_one("b") is None
    assert "&lt;b&gt;" in site.html("reviews/index.html")
    # Without JavaScript, the controls stay hidden and every row is shown.
    assert tracker.select_one("[data-pp-controls]").has_attr("hidden")
    assert not any(row.has_attr("hidden") for row in rows)
    options = [o["value"] for o in tracker.select("select[data-pp-owner] option")]
    assert options == ["", "@growth-team", "@sales"]
    retired = tracker.select_one("section.pp-tracker-retired")
    assert _text(retired.select_one("h2")) == "Retired personas"
    assert [[_text(td) for td in row.select("td, th")] for row in retired.select("tbody tr")] == [
        ["Old-school Oscar personas/oscar.yaml", "@marketing", "15 Jan 2020"],
    ]
    assert "Untracked journey" not in _text(tracker)
    feeds = [a["href"] for a in tracker.select(".pp-tracker-feeds a")]
    assert feeds == ["../reviews.ics", "../reviews.json"]


def test_tracker_is_in_the_navigation(site: BuildResult) -> None:
    nav = site.soup("index.html").select(".md-nav a.md-nav__link")
    assert any(_text(a) == "Review tracker" and a["href"].endswith("reviews/") for a in nav)


def _banner(site: BuildResult, path: str) -> Any:
    return site.soup(path).select_one("[data-pp-review-banner]")


def test_overdue_banner(site: BuildResult) -> None:
    banner = _banner(site, "personas/bruno/index.html")
    assert not banner.has_attr("hidden")
    assert "pp-review-banner--overdue" in banner["class"]
    assert _text(banner.select_one("[data-pp-text]")) == (
        'This persona was last reviewed on 20 November 2024 and is 374 days overdue — owner '
        '@growth-team'
    )
    assert _text(banner.select_one("[data-pp-label]")) == "Overdue"
    attrs = {k: banner[k] for k in (
        "data-kind", "data-owner", "data-last-reviewed", "data-next-review",
        "data-due-soon-days", "data-today", "data-state",
    )}
    assert attrs == {
        "data-kind": "persona", "data-owner": "@growth-team",
        "data-last-reviewed": "2024-11-20", "data-next-review": "2025-11-20",
        "data-due-soon-days": "30", "data-today": "2026-11-29", "data-state": "overdue",
    }
    assert banner["data-msg-overdue"] == (
        "This persona was last reviewed on {last} and is {duration} overdue"
    )
    assert [a["href"] for a in banner.select("a")] == [
        "https://github.com/acme/handbook/edit/main/personas/bruno.yaml", "../../reviews/"
    ]


def test_due_soon_banners(site: BuildResult) -> None:
    assert _text(_banner(site, "personas/dora/index.html").select_one("[data-pp-text]")) == (
        "This persona is due for review today (on 29 November 2026) — owner @sales"
    )
    banner = _banner(site, "personas/fiona/index.html")
    assert not banner.has_attr("hidden")
    assert _text(banner.select_one("[data-pp-text]")) == (
        "This persona is due for review in 11 days (on 10 December 2026) — owner @growth-team"
    )


def test_journey_banner(site: BuildResult) -> None:
    banner = _banner(site, "journeys/onboarding/index.html")
    assert banner["data-kind"] == "journey"
    assert _text(banner.select_one("[data-pp-text]")) == (
        "This journey map was last reviewed on 1 October 2025 and is 59 days overdue — owner "
        "@sales"
    )
    assert _banner(site, "journeys/untracked/index.html") is None


def test_current_pages_carry_an_empty_hidden_banner(site: BuildResult) -> None:
    banner = _banner(site, "personas/hannah/index.html")
    assert banner.has_attr("hidden")
    assert banner["data-state"] == "current"
    assert banner["data-next-review"] == "2027-09-14"
    assert _text(banner.select_one("[data-pp-text]")) == ""
    assert _banner(site, "personas/oscar/index.html") is None  # retired: never due


TODO_PERSONA = (
    "To do: review the persona with its owner, then set last_reviewed in {file} to the date "
    "of the review."
)
EDIT = "https://github.com/acme/handbook/edit/main/"


def _todo(banner: Any) -> Any:
    return banner.select_one("p.pp-review-banner-todo[data-pp-todo]")


def test_banners_say_what_to_do_and_link_the_file(site: BuildResult) -> None:
    todo = _todo(_banner(site, "personas/bruno/index.html"))
    assert _text(todo) == TODO_PERSONA.format(file="personas/bruno.yaml") + " Review tracker"
    assert [c.get_text() for c in todo.select("code")] == ["last_reviewed", "personas/bruno.yaml"]
    assert todo.select_one("a code").parent["href"] == EDIT + "personas/bruno.yaml"
    journey = _todo(_banner(site, "journeys/onboarding/index.html"))
    assert _text(journey).startswith(
        "To do: review the journey map with its owner, then set last_reviewed in "
        "journeys/onboarding.yaml to the date of the review."
    )
    assert journey.select_one("a")["href"] == EDIT + "journeys/onboarding.yaml"
    # Due soon, or current (hidden until the script finds it due): the same advice, ready.
    for name in ("fiona", "hannah"):
        todo = _todo(_banner(site, f"personas/{name}/index.html"))
        assert _text(todo).startswith(TODO_PERSONA.format(file=f"personas/{name}.yaml"))


def test_tracker_says_what_to_do(site: BuildResult) -> None:
    todo = site.soup("reviews/index.html").select_one(".pp-tracker .pp-tracker-todo")
    assert _text(todo) == (
        "To clear an item that is overdue or due soon, review it with its owner, then set "
        "last_reviewed in its file (shown under its name) to the date of the review."
    )


def test_what_to_do_without_an_owner_or_an_edit_link_and_in_german(tmp_path: Path) -> None:
    journeys = tmp_path / "journeys"
    journeys.mkdir()
    (journeys / "j.yaml").write_text(
        "title: Nobody's\npersona: bruno\nlast_reviewed: 2024-01-01\nstages:\n  - name: A\n"
    )
    personas = tmp_path / "personas"
    shutil.copytree(REPO / "personas", personas)
    for language, expected in (
        ("en", "To do: review the journey map, then set last_reviewed in journeys/j.yaml to the "
               "date of the review."),
        ("de", "Zu tun: die Journey Map überprüfen, dann last_reviewed in journeys/j.yaml auf "
               "das Datum der Überprüfung setzen."),
    ):
        outputs = _outputs(tmp_path, language=language)
        todo = _todo(body_soup(outputs["journeys/j.md"]).select_one("[data-pp-review-banner]"))
        assert _text(todo).startswith(expected)
        assert [a.get_text() for a in todo.select("a")] == [Strings(language)("reviews")]
    bruno = body_soup(_outputs(tmp_path, language="de")["personas/bruno.md"])
    assert _text(_todo(bruno.select_one("[data-pp-review-banner]"))).startswith(
        "Zu tun: die Persona mit der verantwortlichen Person überprüfen, dann last_reviewed in "
        "personas/bruno.yaml auf das Datum der Überprüfung setzen."
    )


def _outputs(root: Path, **values: Any) -> dict[str, Any]:
    """The generated files of the project at ``root`` by ``src_uri`` (in-process, no images)."""
    return project_outputs(root, TODAY, **values)


def test_reviews_json(site: BuildResult) -> None:
    data = json.loads(site.html("reviews.json"))
    assert data["today"] == "2026-11-29"
    assert [(i["id"], i["state"], i["days"], i["next_review"]) for i in data["items"]] == [
        ("oscar", "retired", -2144, "2021-01-15"),
        ("bruno", "overdue", -374, "2025-11-20"),
        ("onboarding", "overdue", -59, "2026-10-01"),
        ("dora", "due-soon", 0, "2026-11-29"),
        ("fiona", "due-soon", 11, "2026-12-10"),
        ("hannah", "current", 289, "2027-09-14"),
    ]
    assert data["items"][1] == {
        "id": "bruno",
        "kind": "persona",
        "title": 'Bruno <b>"the bold"</b>, Esq.',
        "owner": "@growth-team",
        "last_reviewed": "2024-11-20",
        "next_review": "2025-11-20",
        "review_every": "1 year",
        "state": "overdue",
        "days": -374,
        # Nothing cites research; the project is not in git.
        "evidence": {
            "stale": False, "newest": None, "oldest": None, "cited": 0, "items": 0,
            "stale_from": None,
        },
        "last_updated": None,
        "url": "personas/bruno/",
        "source": "personas/bruno.yaml",
        "edit_url": "https://github.com/acme/handbook/edit/main/personas/bruno.yaml",
    }
    assert data["items"][2]["url"] == "journeys/onboarding/"
    assert data["items"][2]["evidence"] is None  # a journey
    assert data["evidence_max_age"] == "2 years"
    assert data["items"][4]["review_every"] == "6 months"


def parse_ics(text: str) -> list[dict[str, str]]:
    """The VEVENTs of a calendar as {property (with parameters): value}."""
    assert text.endswith("\r\n")
    assert re.search(r"(?<!\r)\n", text) is None, "bare LF line ending"
    for physical in text.split("\r\n"):
        assert len(physical.encode("utf-8")) <= 75
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    events: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            assert current is not None
            events.append(current)
            current = None
        elif current is not None:
            key, value = line.split(":", 1)
            assert key not in current, f"repeated {key}"
            current[key] = value
    return events


def test_reviews_ics(site: BuildResult) -> None:
    text = (site.site / "reviews.ics").read_bytes().decode("utf-8")
    head = unfold(text)[:6]
    assert head == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//mkdocs-persona-plugin//Review tracker {__version__}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Test handbook — persona reviews",
    ]
    events = parse_ics(text)
    assert [(e["UID"], e["DTSTART;VALUE=DATE"], e["DTEND;VALUE=DATE"]) for e in events] == [
        ("persona-bruno@handbook.example.com", "20251120", "20251121"),
        ("journey-onboarding@handbook.example.com", "20261001", "20261002"),
        ("persona-dora@handbook.example.com", "20261129", "20261130"),
        ("persona-fiona@handbook.example.com", "20261210", "20261211"),
        ("persona-hannah@handbook.example.com", "20270914", "20270915"),
    ]
    bruno = events[0]
    assert bruno["DTSTAMP"] == "20261129T000000Z"
    assert bruno["SUMMARY"] == 'Review persona: Bruno <b>"the bold"</b>\\, Esq.'
    assert bruno["URL"] == "https://handbook.example.com/team/personas/bruno/"
    assert bruno["DESCRIPTION"] == (
        "Owner: @growth-team\\nLast reviewed 2024-11-20\\; reviewed every 1 year.\\n"
        "Page: https://handbook.example.com/team/personas/bruno/\\n"
        "Edit: https://github.com/acme/handbook/edit/main/personas/bruno.yaml"
    )
    assert events[1]["SUMMARY"] == "Review journey: Onboarding"


def test_ics_uids_stable_across_builds(site: BuildResult, tmp_path: Path) -> None:
    """A later build (another day, a changed date) keeps every UID; only dates move."""
    project = tmp_path / "again"
    shutil.copytree(site.project, project, ignore=shutil.ignore_patterns("site"))
    fiona = project / "personas" / "fiona.yaml"
    fiona.write_text(fiona.read_text().replace("2026-06-10", "2026-11-20"))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("2026-11-29", "2026-12-01"))
    again = run_build(project)
    assert again.returncode == 0, again.log
    before = parse_ics((site.site / "reviews.ics").read_bytes().decode())
    after = parse_ics((again.site / "reviews.ics").read_bytes().decode())
    assert sorted(e["UID"] for e in before) == sorted(e["UID"] for e in after)
    moved = {e["UID"]: e["DTSTART;VALUE=DATE"] for e in after}
    assert moved["persona-fiona@handbook.example.com"] == "20270520"
    assert {e["DTSTAMP"] for e in after} == {"20261201T000000Z"}


def test_without_site_url_or_repo_url(tmp_path: Path) -> None:
    project = write_project(
        tmp_path,
        personas={"bruno.yaml": PERSONAS["bruno.yaml"]},
        journeys={"j.yaml": JOURNEYS["onboarding.yaml"].replace("hannah", "bruno")},
        plugin={"journey_pages": False},
        config={"use_directory_urls": False},
    )
    result = run_build(project)
    assert result.returncode == 0, result.log
    rows = result.soup("reviews/index.html").select("table[data-pp-table] tbody tr")
    bruno, journey_row = rows
    assert [a["href"] for a in bruno.select("a")] == ["../personas/bruno.html"]
    assert _text(bruno.select_one(".pp-tracker-file")) == "personas/bruno.yaml"
    assert journey_row.select("a") == []  # no journey pages, no edit link
    data = json.loads(result.html("reviews.json"))
    assert [(i["id"], i["url"], i["edit_url"]) for i in data["items"]] == [
        ("bruno", "personas/bruno.html", None),
        ("j", None, None),
    ]
    events = parse_ics((result.site / "reviews.ics").read_bytes().decode())
    assert [e["UID"] for e in events] == [
        "persona-bruno@mkdocs-persona",
        "journey-j@mkdocs-persona",
    ]
    assert "URL" not in events[0]
    assert events[0]["DESCRIPTION"].endswith("\\nFile: personas/bruno.yaml")


def test_tracker_off(tmp_path: Path) -> None:
    project = write_project(
        tmp_path, personas={"bruno.yaml": PERSONAS["bruno.yaml"]}, plugin={"tracker": False}
    )
    result = run_build(project)
    assert result.returncode == 0, result.log
    for name in ("reviews/index.html", "reviews.json", "reviews.ics"):
        assert not (result.site / name).exists()
    assert "1 persona overdue — see 'mkdocs-persona review'" in result.log
    banner = _banner(result, "personas/bruno/index.html")
    assert [_text(a) for a in banner.select("a")] == []


def test_url_prefix(tmp_path: Path) -> None:
    project = write_project(
        tmp_path, personas={"bruno.yaml": PERSONAS["bruno.yaml"]}, plugin={"url_prefix": "hb"}
    )
    result = run_build(project)
    assert result.returncode == 0, result.log
    assert "1 persona overdue — see hb/reviews/" in result.log
    data = json.loads(result.html("hb/reviews.json"))
    assert data["items"][0]["url"] == "hb/personas/bruno/"
    row = result.soup("hb/reviews/index.html").select_one("tbody tr")
    assert row.select_one("a")["href"] == "../personas/bruno/"


# Build log ------------------------------------------------------------------------------
OLGA = """\
    name: Old Olga
    owner: "@a-team"
    last_reviewed: 2025-11-28
    """
DORA = """\
    name: Due-today Dora
    owner: "@b-team"
    last_reviewed: 2025-11-29
    """
OLGA_LINE = (
    "personas/olga.yaml: persona 'Old Olga' is 1 day overdue for review (last reviewed "
    "2025-11-28, review was due 2026-11-28) — owner @a-team"
)


def _plugin_lines(log: str) -> list[str]:
    return [line for line in log.splitlines() if "mkdocs_persona_plugin:" in line]


def test_build_log_default_is_one_info_line(tmp_path: Path) -> None:
    project = write_project(tmp_path, personas={"olga.yaml": OLGA, "dora.yaml": DORA})
    result = run_build(project)
    assert result.returncode == 0, result.log
    assert _plugin_lines(result.log) == [
        "INFO    -  mkdocs_persona_plugin: 1 persona overdue, 1 due soon — see reviews/"
    ]


def test_build_log_says_nothing_when_all_current(tmp_path: Path) -> None:
    project = write_project(tmp_path, personas={"olga.yaml": OLGA}, plugin={"today": "2026-01-01"})
    result = run_build(project)
    assert result.returncode == 0, result.log
    assert _plugin_lines(result.log) == []


def test_warn_overdue_fails_strict_builds(tmp_path: Path) -> None:
    project = write_project(
        tmp_path, personas={"olga.yaml": OLGA, "dora.yaml": DORA}, plugin={"warn_overdue": True}
    )
    strict = run_build(project)
    assert strict.returncode == 1
    assert _plugin_lines(strict.log) == [
        f"WARNING -  mkdocs_persona_plugin: {OLGA_LINE}",
        "INFO    -  mkdocs_persona_plugin: 1 persona overdue, 1 due soon — see reviews/",
    ]
    assert "Aborted with 1 warnings in strict mode!" in strict.log
    lenient = run_build(project, strict=False)
    assert lenient.returncode == 0, lenient.log
    assert f"WARNING -  mkdocs_persona_plugin: {OLGA_LINE}" in lenient.log


def test_warn_overdue_without_overdue_items_passes_strict(tmp_path: Path) -> None:
    project = write_project(tmp_path, personas={"dora.yaml": DORA}, plugin={"warn_overdue": True})
    result = run_build(project)
    assert result.returncode == 0, result.log
    assert _plugin_lines(result.log) == [
        "INFO    -  mkdocs_persona_plugin: 1 persona due soon — see reviews/"
    ]


def test_fail_on_overdue(tmp_path: Path) -> None:
    project = write_project(
        tmp_path,
        personas={"olga.yaml": OLGA, "dora.yaml": DORA},
        plugin={"fail_on_overdue": True},
    )
    result = run_build(project, strict=False)
    assert result.returncode == 1
    assert (
        "ERROR   -  1 persona overdue for review (fail_on_overdue is on):\n"
        f"  {OLGA_LINE}\n"
        "Review each one and update its last_reviewed date, or set fail_on_overdue: false."
    ) in result.log
    assert not (project / "site").exists()


# Agreement on the example handbook ------------------------------------------------------
EXAMPLE_OVERDUE = {
    ("persona", "bruno"), ("persona", "paula"), ("persona", "ian"),
    ("journey", "team-evaluation"),
}
EXAMPLE_DUE_SOON = {("persona", "ben"), ("persona", "fiona"), ("persona", "sam")}


def _by_state(pairs: list[tuple[str, str, str]]) -> dict[str, set[tuple[str, str]]]:
    states: dict[str, set[tuple[str, str]]] = {"overdue": set(), "due-soon": set()}
    for kind, item_id, state in pairs:
        if state in states:
            states[state].add((kind, item_id))
    return states


def test_example_tracker_banners_feeds_and_cli_agree(example_site: BuildResult) -> None:
    expected = {"overdue": EXAMPLE_OVERDUE, "due-soon": EXAMPLE_DUE_SOON}
    # 1. the tracker page
    rows = example_site.soup("reviews/index.html").select("table[data-pp-table] tbody tr")
    assert _by_state([(r["data-kind"], r["data-id"], r["data-state"]) for r in rows]) == expected
    # 2. the banners written on every persona and journey page
    pages = []
    for folder in ("personas", "journeys"):
        for page in sorted((example_site.site / folder).glob("*/index.html")):
            banner = _banner(example_site, page.relative_to(example_site.site).as_posix())
            if banner is not None and not banner.has_attr("hidden"):
                pages.append((banner["data-kind"], page.parent.name, banner["data-state"]))
    assert _by_state(pages) == expected
    # 3. reviews.json
    data = json.loads(example_site.html("reviews.json"))
    assert _by_state([(i["kind"], i["id"], i["state"]) for i in data["items"]]) == expected
    # 4. the calendar: overdue events lie before today, due-soon ones within 30 days
    events = parse_ics((example_site.site / "reviews.ics").read_bytes().decode())
    calendar = []
    for event in events:
        match = re.fullmatch(r"(persona|journey)-(.+)@mkdocs-persona", event["UID"])
        assert match is not None
        kind, item_id = match.groups()
        day = dt.datetime.strptime(event["DTSTART;VALUE=DATE"], "%Y%m%d").date()
        days = (day - D(2026, 11, 29)).days
        state = "overdue" if days < 0 else "due-soon" if days <= 30 else ""
        calendar.append((kind, item_id, state))
    assert _by_state(calendar) == expected
    # 5. the command line, reading the same mkdocs.yml
    cli = run_cli("review", "--format", "json", cwd=example_site.project)
    assert cli.returncode == 0, cli.stderr
    listed = json.loads(cli.stdout)["items"]
    assert _by_state([(i["kind"], i["id"], i["state"]) for i in listed]) == expected
    assert len(listed) == 7  # only what needs review
    # 6. the build log's summary line
    assert "3 personas and 1 journey overdue, 3 personas due soon — see reviews/" in (
        example_site.log
    )
