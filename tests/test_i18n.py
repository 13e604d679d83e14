"""Languages: the language files, dates and numbers from CLDR, plural forms, and whole sites
built in German, French, Spanish, Portuguese and Japanese (plus overrides and the fallback to
English)."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import shutil
import string
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import material
import pytest
import yaml
from conftest import REPO, BuildResult, run_build, serve, write_project

from mkdocs_persona_plugin.core.intervals import parse_interval
from mkdocs_persona_plugin.render import formats, markup, strings
from mkdocs_persona_plugin.render.strings import Strings, english, plural_groups, table

NBSP = "\u00a0"
D = dt.date
#: The languages Material for MkDocs has (its own codes: pt-BR, zh-Hant, ku-IQ…).
MATERIAL_LANGUAGES = sorted(
    p.stem for p in (Path(material.__file__).parent / "templates/partials/languages").glob("*.html")
)


# The language files -----------------------------------------------------------------------
def placeholders(text: str) -> list[str]:
    """The ``{names}`` a string is formatted with, sorted."""
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def reference_of(key: str, en: dict[str, str]) -> str:
    """The English text a translated key corresponds to (a plural form: the ``.other`` one)."""
    if key in en:
        return en[key]
    return en[key.rsplit(".", 1)[0] + ".other"]


@pytest.mark.parametrize("code", strings.languages())
def test_every_language_file_has_exactly_the_english_keys_and_placeholders(code: str) -> None:
    en, texts = dict(english()), dict(table(code))
    locale = formats.cldr_locale(code)
    groups = plural_groups(en)
    forms = {f"{base}.{c}" for base in groups for c in formats.PLURAL_CATEGORIES}
    needed = {f"{base}.{c}" for base in groups for c in formats.needed_plural_categories(locale)}
    allowed = {f"{base}.{c}" for base in groups for c in formats.plural_categories(locale)}
    plain = {key for key in en if key not in forms}
    assert sorted((plain | needed) - set(texts)) == []  # missing
    assert sorted(set(texts) - plain - allowed) == []  # extra, or a form the language lacks
    wrong = {
        key: (placeholders(reference_of(key, en)), placeholders(text))
        for key, text in texts.items()
        if placeholders(text) != placeholders(reference_of(key, en))
    }
    assert wrong == {}
    # In the English order, so that a file reads side by side with en.yaml.
    position = {key: i for i, key in enumerate(en)}

    def rank(key: str) -> tuple[int, int]:
        if key in position:
            return position[key], 0
        base, category = key.rsplit(".", 1)
        return position[f"{base}.other"], formats.PLURAL_CATEGORIES.index(category) - 9

    ranks = [rank(key) for key in texts]
    assert ranks == sorted(ranks), next(
        k for k, r, s in zip(texts, ranks, sorted(ranks), strict=True) if r != s
    )
    if code != strings.REFERENCE:  # translated, not copied: only names, codes and loanwords
        same = [k for k, t in texts.items() if t == en.get(k) and any(c.isalpha() for c in t)]
        assert len(same) <= 25, same


def test_the_shipped_languages() -> None:
    assert {"en", "de", "fr", "es", "it", "pt", "nl", "ja"} <= set(strings.languages())
    assert strings.REFERENCE == "en"
    # Plural groups have a form for one and for the rest in English.
    assert plural_groups(english())["review.days"] == ["one", "other"]
    assert plural_groups(table("ja"))["review.days"] == ["other"]  # Japanese has no plural


@pytest.fixture
def locales_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty folder of language files in place of the package's (English copied in)."""
    folder = tmp_path / "locales"
    folder.mkdir()
    shutil.copy(strings.LOCALES_DIR / "en.yaml", folder / "en.yaml")
    monkeypatch.setattr(strings, "LOCALES_DIR", folder)
    strings.languages.cache_clear()
    strings.table.cache_clear()
    yield folder
    strings.languages.cache_clear()
    strings.table.cache_clear()


def test_a_new_language_is_a_data_file(locales_dir: Path) -> None:
    """What a translator does: copy en.yaml, translate, done (Esperanto, for the example)."""
    text = (locales_dir / "en.yaml").read_text(encoding="utf-8")
    (locales_dir / "eo.yaml").write_text(
        text.replace("section.goals: Goals", "section.goals: Celoj"), encoding="utf-8"
    )
    t = Strings("eo")
    assert (t.language, t("section.goals"), t("section.challenges")) == (
        "eo", "Celoj", "Challenges"
    )
    assert "2026" in t.date(D(2026, 3, 14)) and "March" not in t.date(D(2026, 3, 14))


def test_plural_forms_follow_the_languages_rules(locales_dir: Path) -> None:
    """A Polish file gives the forms Polish needs; each number gets its form."""
    (locales_dir / "pl.yaml").write_text(
        'review.days.one: "{n} dzień"\nreview.days.few: "{n} dni"\n'
        'review.days.many: "{n} dni."\nreview.days.other: "{n} dnia"\n',
        encoding="utf-8",
    )
    t = Strings("pl")
    assert [t.plural("review.days", n) for n in (1, 3, 5, 22, 25)] == [
        "1 dzień", "3 dni", "5 dni.", "22 dni", "25 dni."
    ]
    assert list(t.plural_forms("review.days")) == ["one", "few", "many", "other"]


def test_plural_forms_of_the_shipped_languages() -> None:
    assert Strings("fr").plural("review.days", 0) == "0 jour"  # French: 0 is singular
    assert Strings("ja").plural("review.days", 1) == "1日"
    assert [Strings("en").plural("review.days", n) for n in (0, 1, 2)] == [
        "0 days", "1 day", "2 days"
    ]


def test_a_broken_language_file_names_the_file_and_line(locales_dir: Path) -> None:
    (locales_dir / "xx.yaml").write_text(
        "section.goals: Goals\nsection.goals: Again\n", encoding="utf-8"
    )
    (locales_dir / "xy.yaml").write_text("section.goals:\n", encoding="utf-8")
    with pytest.raises(strings.LocaleFileError, match=r"locales/xx\.yaml:2:1: .*section\.goals"):
        Strings("xx")
    with pytest.raises(strings.LocaleFileError, match=r"xy\.yaml:1:.*must be a text"):
        Strings("xy")


def test_language_files_are_read_as_written() -> None:
    """YAML 1.1 would read a bare ``No`` or ``on`` as a boolean: the files keep text."""
    for code in strings.languages():
        assert all(isinstance(v, str) for v in table(code).values())
        raw = yaml.safe_load((strings.LOCALES_DIR / f"{code}.yaml").read_text(encoding="utf-8"))
        assert raw == dict(table(code))


# Dates and numbers from CLDR -----------------------------------------------------------------
DATES = {  # long and short, for 29 November 2026 and 1 March 2026
    "en": ("29 November 2026", "29 Nov 2026", "1 March 2026", "1 Mar 2026"),
    "de": ("29. November 2026", "29. Nov. 2026", "1. März 2026", "1. März 2026"),
    "fr": ("29 novembre 2026", "29 nov. 2026", "1 mars 2026", "1 mars 2026"),
    "es": ("29 de noviembre de 2026", "29 nov 2026", "1 de marzo de 2026", "1 mar 2026"),
    "ja": ("2026年11月29日", "2026年11月29日", "2026年3月1日", "2026年3月1日"),
}


@pytest.mark.parametrize("language", sorted(DATES))
def test_dates_are_written_for_the_language(language: str) -> None:
    t = Strings(language)
    late, first = D(2026, 11, 29), D(2026, 3, 1)
    assert (
        t.date(late), t.date(late, "short"), t.date(first), t.date(first, "short")
    ) == DATES[language]
    assert str(t.time(late)) == f'<time datetime="2026-11-29">{DATES[language][0]}</time>'
    assert str(t.time(late, "short")) == f'<time datetime="2026-11-29">{DATES[language][1]}</time>'
    with pytest.raises(ValueError, match="long or short"):
        t.date(late, "medium")


@pytest.mark.parametrize(
    ("language", "november"),
    [("it", "novembre"), ("pt", "novembro"), ("nl", "november"), ("pt-BR", "novembro"),
     ("sv", "november"), ("pl", "listopada"), ("de-CH", "November")],
)
def test_the_month_is_named_in_the_page_language(language: str, november: str) -> None:
    t = Strings(language)
    assert november in t.date(D(2026, 11, 29)) and "2026" in t.date(D(2026, 11, 29))
    assert t.months()[10].lower().startswith(november[:3].lower())
    assert len(set(t.months())) == len(set(t.months("short"))) == 12


def test_us_english_when_asked_for() -> None:
    assert Strings("en").date(D(2026, 11, 29)) == "29 November 2026"  # as the strings: British
    assert Strings("en-US").date(D(2026, 11, 29)) == "November 29, 2026"
    assert Strings("en-US")("section.behaviors") == "Behaviours"


def pick(values: dict[str, str], match: re.Match[str]) -> str:
    """The value a ``{placeholder}`` match stands for."""
    return values[match.group(1)]


@pytest.mark.parametrize("language", MATERIAL_LANGUAGES)
def test_every_material_language_has_cldr_dates_the_script_can_repeat(language: str) -> None:
    """For each of Material's languages: a CLDR locale of that language, and dates the page
    script writes exactly like the build (the same pattern and month texts)."""
    t = Strings(language)
    expected_language = {"sh": "sr", "tl": "fil"}.get(language, language.split("-")[0])
    assert t.locale.language == expected_language
    attrs = str(t.locale_attributes())
    pattern = html.unescape(re.search(r'data-date-pattern="([^"]*)"', attrs).group(1))
    months = html.unescape(re.search(r'data-date-months="([^"]*)"', attrs).group(1)).split("|")
    assert len(months) == 12
    for day in (D(2026, 1, 5), D(2026, 11, 29), D(1999, 7, 1)):
        values = {  # what reviews.js's formatDate fills in
            "day": str(day.day), "day2": f"{day.day:02d}", "month": months[day.month - 1],
            "year": str(day.year), "year2": str(day.year)[-2:],
        }
        script = re.sub(r"\{(day2?|month|year2?)\}", partial(pick, values), pattern)
        assert script == t.date(day)
        assert str(day.year) in t.date(day) or str(day.year)[-2:] in t.date(day)


@pytest.mark.parametrize(
    ("language", "whole", "fraction", "decimal"),
    [
        ("en", "18%", "12.5%", "0.25"),
        ("de", f"18{NBSP}%", f"12,5{NBSP}%", "0,25"),
        ("fr", f"18{NBSP}%", f"12,5{NBSP}%", "0,25"),
        ("es", f"18{NBSP}%", f"12,5{NBSP}%", "0,25"),
        ("it", "18%", "12,5%", "0,25"),
        ("pt", "18%", "12,5%", "0,25"),
        ("nl", "18%", "12,5%", "0,25"),
        ("ja", "18%", "12.5%", "0.25"),
    ],
)
def test_percentages_and_decimal_commas(
    language: str, whole: str, fraction: str, decimal: str
) -> None:
    t = Strings(language)
    assert (t.percent(18.0), t.percent(12.5), t.percent(3)) == (
        whole, fraction, whole.replace("18", "3")
    )
    assert t.number(0.25) == decimal
    assert t.number(18.0) == "18"


def test_percentages_keep_the_decimals_written() -> None:
    t = Strings("en")
    assert [t.percent(v) for v in (100, 100.0, 33.3, 0.5, 7.25)] == [
        "100%", "100%", "33.3%", "0.5%", "7.25%"
    ]


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("en", ["1 year", "30 days", "6 months", "2 weeks", "2 years"]),
        ("de", ["1 Jahr", "30 Tage", "6 Monate", "2 Wochen", "2 Jahre"]),
        ("fr", ["1 an", "30 jours", "6 mois", "2 semaines", "2 ans"]),
        ("es", ["1 año", "30 días", "6 meses", "2 semanas", "2 años"]),
        ("it", ["1 anno", "30 giorni", "6 mesi", "2 settimane", "2 anni"]),
        ("pt", ["1 ano", "30 dias", "6 meses", "2 semanas", "2 anos"]),
        ("nl", ["1 jaar", "30 dagen", "6 maanden", "2 weken", "2 jaar"]),
        ("ja", ["1年", "30日", "6か月", "2週間", "2年"]),
    ],
)
def test_review_intervals_are_written_for_the_language(language: str, texts: list[str]) -> None:
    t = Strings(language)
    intervals = [parse_interval(x) for x in ("1 year", "30 days", "6 months", "2 weeks", "2 y")]
    assert [t.interval(i) for i in intervals] == texts
    if language == "en":  # the same words as the configuration and reviews.json
        assert [str(i) for i in intervals] == texts


def test_language_codes_regions_fallback_and_overrides() -> None:
    assert Strings("de-CH").language == "de"
    assert Strings("de-CH").number(12.5) == "12.5"  # Swiss German numbers
    assert Strings("fr_FR").language == "fr"
    assert Strings("ES").language == "es"
    assert Strings("pt-BR").language == "pt"
    assert Strings("ja").language == "ja"
    assert Strings("").language == "en"
    assert Strings("custom").language == "en"  # Material's own custom language
    korean = Strings("ko")  # no file: English words, Korean dates
    assert korean.language == "en"
    assert korean("section.goals") == "Goals"
    assert korean.date(D(2026, 3, 14)) != Strings("en").date(D(2026, 3, 14))
    assert korean.plural("review.days", 1) == "1 day"  # English forms, English rules
    assert Strings("de")("section.goals") == "Ziele"
    t = Strings("de", {"section.goals": "Objectives", "gallery.count.other": "{n} Leute"})
    assert t("section.goals") == "Objectives"
    assert t("section.challenges") == "Herausforderungen"
    assert t.plural("gallery.count", 3) == "3 Leute"


def test_locale_attributes_let_the_script_format_like_the_build() -> None:
    attrs = str(Strings("fr").locale_attributes())
    assert attrs == (
        ' data-date-pattern="{day} {month} {year}" data-date-months="janvier|février|mars|'
        'avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre" data-plural="fr"'
    )
    assert 'data-date-pattern="{year}年{month}月{day}日"' in str(Strings("ja").locale_attributes())
    assert str(Strings("de").plural_attributes("data-msg-days", "review.days")) == (
        ' data-msg-days-one="{n} Tag" data-msg-days-other="{n} Tagen"'
    )
    hostile = str(Strings("en", {"review.days.one": '"><script>'}).plural_attributes(
        "data-msg-days", "review.days"
    ))
    assert "<script>" not in hostile and "&#34;&gt;&lt;script&gt;" in hostile


# Built sites ------------------------------------------------------------------------------
def build_example(root: Path, language: str, **config: Any) -> BuildResult:
    """The example handbook built with ``theme.language`` (and a repo for edit links)."""
    project = write_project(
        root,
        example=True,
        config={
            "theme": {"name": "material", "language": language},
            "repo_url": "https://github.com/acme/handbook",
            "edit_uri": "edit/main/docs/",
            **config,
        },
    )
    result = run_build(project)
    assert result.returncode == 0, result.log
    return result


@pytest.fixture(scope="module")
def de_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The example handbook in German."""
    return build_example(tmp_path_factory.mktemp("de"), "de")


def text(node: Any) -> str:
    """Visible text with whitespace collapsed (``<wbr>`` adds no space; no-break spaces,
    which the languages use before ``%`` and ``:``, are kept)."""
    for wbr in node.find_all("wbr"):
        wbr.decompose()
    node.smooth()
    return re.sub(r"[ \t\r\n\f]+", " ", node.get_text(" ")).strip(" \t\r\n\f")


def test_german_persona_page(de_site: BuildResult) -> None:
    root = de_site.soup("personas/margie/index.html").select_one("div.pp-persona")
    headings = [text(h) for h in root.select(".pp-persona-body h2")]
    assert headings[:8] == [
        "Hintergrund", "Ziele", "Herausforderungen", "Motivationen", "Bedürfnisse",
        "Einwände", "Verhalten", "Ansprache",
    ]
    assert {"Verwandte Personas", "Demografie", "Forschungsgrundlage", "Schlagwörter"} <= set(
        headings
    )
    facts = [text(d) for d in root.select(".pp-keyfacts > div")]
    assert facts[1:] == [
        "Markt B2B", f"Kundenanteil 18{NBSP}%", "Verantwortlich @product-marketing"
    ]
    footer = root.select_one(".pp-persona-footer")
    assert text(footer.select_one("dl")) == (
        "Verantwortlich @product-marketing Zuletzt überprüft 14. März 2026 "
        "Nächste Überprüfung 14. März 2027 Überprüfung aktuell"
    )
    assert [t["datetime"] for t in footer.select("time")] == ["2026-03-14", "2027-03-14"]
    assert text(footer.select_one(".pp-edit")) == "Diese Persona bearbeiten"
    assert text(footer.select_one(".pp-print")) == "Persona-Steckbrief drucken"
    related = root.select_one(".pp-section-related .pp-related-compare")
    assert related["aria-label"] == "Finance Manager Margie und Head of Finance Hannah vergleichen"


def test_german_banners_and_gallery(de_site: BuildResult) -> None:
    banner = de_site.soup("personas/bruno/index.html").select_one("[data-pp-review-banner]")
    assert text(banner.select_one("[data-pp-label]")) == "Überfällig"
    assert text(banner.select_one("[data-pp-text]")) == (
        "Diese Persona wurde zuletzt am 20. November 2024 überprüft und ist seit 374 Tagen "
        "überfällig – verantwortlich: @growth-team"
    )
    assert banner["data-msg-overdue"] == (
        "Diese Persona wurde zuletzt am {last} überprüft und ist seit {duration} überfällig"
    )
    assert banner["data-date-pattern"] == "{day}. {month} {year}"
    assert banner["data-date-months"].split("|")[2] == "März"
    bruno = de_site.soup("personas/bruno/index.html").select_one("div.pp-persona")
    assert text(bruno.select_one(".pp-banner-negative p")).startswith(
        "Eine negative Persona: jemand, den wir bewusst nicht ansprechen."
    )
    gallery = de_site.soup("personas/index.html").select_one("div.pp-gallery")
    assert text(gallery.select_one("h1")) == "Personas"
    assert [text(a) for a in gallery.select(".pp-quicklinks a")] == [
        "Einstieg", "Vergleichen", "Journey Maps", "Überprüfungsübersicht"
    ]
    assert text(gallery.select_one("[data-pp-count]")) == "10 Personas"
    ben = gallery.select_one('.pp-card .pp-card-link[href="ben/"]').find_parent("article")
    assert ben.select_one(".pp-review-dot")["title"] == (
        "Überprüfung bald fällig · Nächste Überprüfung 8. Dezember 2026"
    )
    assert f"Anteil 22{NBSP}%" in text(ben.select_one(".pp-card-meta"))


def test_german_tracker(de_site: BuildResult) -> None:
    tracker = de_site.soup("reviews/index.html").select_one("div.pp-tracker")
    assert text(tracker.select_one("h1")) == "Überprüfungsübersicht"
    assert text(tracker.select_one(".pp-tracker-intro")) == (
        "Jede Persona und jede Journey Map hat eine verantwortliche Person und ein "
        "Überprüfungsdatum. Sofern die Datei nichts anderes festlegt, beträgt das "
        "Überprüfungsintervall 1 Jahr; 30 Tage vor der nächsten Überprüfung gilt ein Eintrag als "
        "bald fällig. Eine Persona, deren neueste Forschung älter als 2 Jahre ist, wird neben "
        "ihrem Überprüfungsstatus zusätzlich als „Belege veraltet“ markiert: Das behebt nur neue "
        "Forschung."
    )
    assert text(tracker.select_one(".pp-tracker-asof")) == (
        "Stand: 29. November 2026, der Tag, an dem diese Website erstellt wurde."
    )
    assert [text(li) for li in tracker.select(".pp-tracker-summary li")] == [
        "4 Überfällig", "3 Bald fällig", "7 Aktuell", "1 Archiviert", "1 Belege veraltet"
    ]
    assert [text(th) for th in tracker.select("table[data-pp-table] thead th")] == [
        "Status", "Persona oder Journey", "Art", "Verantwortlich", "Zuletzt überprüft",
        "Nächste Überprüfung", "Fällig",
    ]
    first = tracker.select_one("tr[data-pp-row]")
    assert [text(c) for c in first.select("td, th")] == [
        "Überfällig", "Bargain-hunter Bruno personas/bruno.yaml", "Persona", "@growth-team",
        "20. Nov. 2024", "20. Nov. 2025", "seit 374 Tagen überfällig",
    ]
    assert [t["datetime"] for t in first.select("time")] == ["2024-11-20", "2025-11-20"]
    assert [text(b) for b in tracker.select("[data-pp-view]")] == [
        "Nach Datum", "Nach Verantwortlichen"
    ]
    assert tracker["data-msg-as-of-live"] == (
        "Stand: heute, {date} (diese Website wurde am {built} erstellt)."
    )
    assert text(tracker.select_one("section.pp-tracker-retired h2")) == "Archivierte Personas"


def test_german_compare_page_and_data(de_site: BuildResult) -> None:
    page = de_site.soup("personas/compare/index.html").select_one("div.pp-compare")
    assert text(page.select_one("h1")) == "Personas vergleichen"
    assert [text(th) for th in page.select(".pp-matrix thead th")] == [
        "Persona", "Typ", "Markt", "Segment", "Anteil", "Wichtigste Ziele",
        "Größte Herausforderungen", "Verantwortlich", "Überprüfung",
    ]
    ben = page.select_one('.pp-matrix tr[data-persona="ben"]')
    cells = [text(td) for td in ben.select("td")]
    assert cells[3] == f"22{NBSP}%"
    assert cells[-1] == "Bald fällig Nächste Überprüfung: 8. Dez. 2026"
    assert ben.select_one("time")["datetime"] == "2026-12-08"
    data = json.loads(de_site.html("personas/compare-data.json"))
    assert data["strings"]["compare.choose"] == "Persona auswählen …"
    assert data["sections"]["goals"] == "Ziele"
    margie = next(p for p in data["personas"] if p["id"] == "margie")
    assert margie["meta"] == [
        "B2B", "SMB and mid-market (20–250 employees)", f"18{NBSP}% der Kunden"
    ]
    assert margie["typeLabel"] == "Käufer"


def test_german_journey_page(de_site: BuildResult) -> None:
    journey = de_site.soup("journeys/margie-month-end-close/index.html").select_one(
        "div.pp-journey"
    )
    assert text(journey.select_one(".pp-journey-kicker")) == "Ist-Zustand 6 Phasen"
    stages = [text(th) for th in journey.select("th.pp-jmap-stage")]
    assert stages[2] == "Phase 3 Reconcile bank and cards ★ Moment der Wahrheit"
    lanes = [text(th) for th in journey.select("th.pp-lane-label")]
    assert lanes[:3] == ["Was passiert", "Aktionen", "Gedanken"]
    assert text(journey.select_one("svg.pp-emo title")) == "Emotionskurve: Margie closes the month"
    assert text(journey.select_one("svg.pp-emo desc")).startswith(
        "Emotion auf einer Skala von −2 (sehr negativ) bis +2 (sehr positiv), 6 Phasen. "
        "Finance Manager Margie: beginnt bei 0 (Prepare), Tiefpunkt −2 bei"
    )
    assert text(journey.select_one(".pp-journey-footer dl")) == (
        "Verantwortlich @product-design Zuletzt überprüft 14. März 2026 "
        "Nächste Überprüfung 14. März 2027"
    )
    index = de_site.soup("journeys/index.html").select_one("div.pp-journeys")
    spark = text(index.select_one(".pp-jcard-spark .pp-visually-hidden"))
    assert spark.startswith("Emotionskurve. Emotion auf einer Skala von −2")


def test_german_navigation_and_feeds(de_site: BuildResult) -> None:
    nav = de_site.soup("index.html").select(".md-nav--primary > .md-nav__list > li")
    labels = [text(li.find(["label", "a"])) for li in nav]
    assert labels[-3:] == ["Personas", "Journeys", "Überprüfungsübersicht"]
    ics = (de_site.site / "reviews.ics").read_bytes().decode("utf-8")
    assert "SUMMARY:Persona überprüfen: Bargain-hunter Bruno\r\n" in ics
    assert "DTSTART;VALUE=DATE:20251120\r\n" in ics  # machines get ISO dates
    assert "X-WR-CALNAME:Test handbook – Persona-Überprüfungen\r\n" in ics
    unfolded = re.sub(r"\r\n[ \t]", "", ics)
    assert "Zuletzt überprüft am 2024-11-20\\; Überprüfungsintervall: 1 Jahr." in unfolded
    data = json.loads(de_site.html("reviews.json"))
    bruno = next(item for item in data["items"] if item["id"] == "bruno")
    assert (bruno["last_reviewed"], bruno["next_review"]) == ("2024-11-20", "2025-11-20")
    assert data["review_every"] == "1 year"


# No English left: every UI word a reader sees comes from the language file ------------------------
ENGLISH_UI = (
    "Goals", "Challenges", "Owner", "Last reviewed", "Next review", "Compare", "Overdue",
    "Stage", "Moment of truth", "Edit this persona", "Due soon", "Review tracker",
    "Journey map", "Start here", "All personas", "Current state", "Related personas",
)
VISIBLE_ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")


def user_texts() -> list[str]:
    """Every string the example's YAML files hold (values and keys), as plain text."""
    found: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            found.extend({value, markup.plain(value)})

    for folder in ("personas", "journeys"):
        for path in sorted((REPO / folder).glob("*.yaml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            walk(data)
            for field in ("demographics", "role", "sections"):  # labels written by users
                walk([str(key) for key in (data.get(field) or {})])
    return sorted({t for t in found if t.strip()}, key=len, reverse=True)


def ui_text_chunks(page: Any) -> Iterator[str]:
    """The visible text nodes and accessible attributes of a page's content."""
    content = page.select_one("article.md-content__inner") or page
    for node in content.find_all(string=True):
        if node.parent.name not in ("script", "style") and node.strip():
            yield " ".join(node.split())
    for element in content.find_all(True):
        for name, value in element.attrs.items():
            if name in VISIBLE_ATTRIBUTES or name.startswith("data-msg-"):
                yield " ".join(str(value).split())


def english_words(chunk: str, users: list[str]) -> list[str]:
    """English UI words in ``chunk`` once user data is taken out of it."""
    if chunk.rstrip(":") in ENGLISH_UI:  # a label on its own is never user data
        return [chunk.rstrip(":")]
    if any(chunk in u for u in users):
        return []
    for u in users:
        chunk = chunk.replace(" ".join(u.split()), " ")
    return [w for w in ENGLISH_UI if re.search(rf"\b{re.escape(w)}\b", chunk)]


@pytest.mark.parametrize("site_fixture", ["de_site", "ja_site"])
def test_no_english_ui_words_on_translated_pages(
    site_fixture: str, request: pytest.FixtureRequest
) -> None:
    site: BuildResult = request.getfixturevalue(site_fixture)
    users = user_texts()
    pages = [
        p.relative_to(site.site).as_posix()
        for folder in ("personas", "journeys", "reviews")
        for p in sorted((site.site / folder).rglob("index.html"))
    ]
    assert len(pages) >= 18
    found = {}
    for path in pages:
        soup = site.soup(path)
        assert soup.select_one(".pp, .pp-tracker, .pp-compare, .pp-journey, .pp-journeys")
        words = sorted({w for chunk in ui_text_chunks(soup) for w in english_words(chunk, users)})
        if words:
            found[path] = words
    assert found == {}
    # The check itself works: the English site is full of these words.
    en = Strings("en")
    assert english_words(en("edit_persona") + " · " + en("section.goals"), users) == [
        "Goals", "Edit this persona"
    ]


# French, Spanish, Portuguese and Japanese; an override; a language without a file ---------
@pytest.mark.parametrize(
    ("language", "headings", "footer", "share", "as_of", "overdue"),
    [
        (
            "fr",
            ["Présentation", "Objectifs", "Défis", "Motivations"],
            "Responsable @product-marketing Dernière révision 14 mars 2026 "
            "Prochaine révision 14 mars 2027 Révision à jour",
            f"Part de la clientèle 18{NBSP}%",
            "État au 29 novembre 2026, date de génération de ce site.",
            "en retard de 374 jours",
        ),
        (
            "es",
            ["Presentación", "Objetivos", "Retos", "Motivaciones"],
            "Responsable @product-marketing Última revisión 14 de marzo de 2026 "
            "Próxima revisión 14 de marzo de 2027 Revisión al día",
            f"Porcentaje de clientes 18{NBSP}%",
            "Estado a 29 de noviembre de 2026, fecha en que se generó este sitio.",
            "374 días de retraso",
        ),
        (
            "pt",
            ["Sobre", "Objetivos", "Desafios", "Motivações"],
            "Responsável @product-marketing Última revisão 14 de março de 2026 "
            "Próxima revisão 14 de março de 2027 Revisão em dia",
            "Parcela de clientes 18%",
            "Situação em 29 de novembro de 2026, dia em que este site foi gerado.",
            "374 dias de atraso",
        ),
    ],
)
def test_french_spanish_and_portuguese_pages(
    tmp_path: Path, language: str, headings: list[str], footer: str, share: str, as_of: str,
    overdue: str,
) -> None:
    site = build_example(tmp_path, language)
    root = site.soup("personas/margie/index.html").select_one("div.pp-persona")
    assert [text(h) for h in root.select(".pp-persona-body h2")][:4] == headings
    assert text(root.select_one(".pp-persona-footer dl")) == footer
    assert share in [text(d) for d in root.select(".pp-keyfacts > div")]
    tracker = site.soup("reviews/index.html").select_one("div.pp-tracker")
    assert text(tracker.select_one(".pp-tracker-asof")) == as_of
    bruno = tracker.select_one("tr[data-pp-row][data-id=bruno]")
    assert text(bruno.select_one("[data-pp-when]")) == overdue


@pytest.fixture(scope="module")
def ja_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The example handbook in Japanese."""
    return build_example(tmp_path_factory.mktemp("ja"), "ja")


def test_japanese_pages(ja_site: BuildResult) -> None:
    root = ja_site.soup("personas/margie/index.html").select_one("div.pp-persona")
    assert [text(h) for h in root.select(".pp-persona-body h2")][:4] == [
        "プロフィール", "目標", "課題", "動機"
    ]
    assert text(root.select_one(".pp-persona-footer dl")) == (
        "担当者 @product-marketing 最終レビュー 2026年3月14日 次回レビュー 2027年3月14日 "
        "レビューは最新"
    )
    assert "顧客比率 18%" in [text(d) for d in root.select(".pp-keyfacts > div")]
    assert [text(p) for p in root.select(".pp-journey-meta")] == ["現状 6ステージ"]
    banner = ja_site.soup("personas/bruno/index.html").select_one("[data-pp-review-banner]")
    assert text(banner.select_one("[data-pp-text]")) == (
        "このペルソナの最終レビューは2024年11月20日で、期限を374日過ぎています（担当：@growth-team）"
    )
    assert (banner["data-plural"], banner["data-msg-days-other"]) == ("ja", "{n}日")
    assert not banner.has_attr("data-msg-days-one")  # Japanese has one form
    tracker = ja_site.soup("reviews/index.html").select_one("div.pp-tracker")
    assert text(tracker.select_one(".pp-tracker-asof")) == (
        "2026年11月29日時点の状況です（このサイトを生成した日）。"
    )
    assert "レビュー間隔は1年で、次回レビューの30日前から" in text(
        tracker.select_one(".pp-tracker-intro")
    )
    bruno = tracker.select_one("tr[data-pp-row][data-id=bruno]")
    assert [text(c) for c in bruno.select("td")][-3:] == [
        "2024年11月20日", "2025年11月20日", "374日超過"
    ]
    gallery = ja_site.soup("personas/index.html").select_one("div.pp-gallery")
    assert text(gallery.select_one("[data-pp-count]")) == "10件のペルソナ"
    # Labels end in the full-width colon, as Japanese writes them.
    assert gallery.select_one(".pp-review-legend-title").get_text() == "レビューの状況："
    assert tracker.select_one(".pp-tracker-feeds").get_text().startswith("リマインダー：")


def test_label_colons_follow_the_language(tmp_path: Path) -> None:
    # French sets a no-break space before the colon; English writes none.
    site = build_example(tmp_path, "fr")
    feeds = site.soup("reviews/index.html").select_one(".pp-tracker-feeds").get_text()
    assert re.match(r"^\w[^:]*\u00a0: \S", feeds), feeds
    english = build_example(tmp_path / "en", "en")
    feeds = english.soup("reviews/index.html").select_one(".pp-tracker-feeds").get_text()
    assert feeds.startswith("Reminders: "), feeds


SMALL = {
    "mia.yaml": """\
        name: Manager Mia
        owner: "@ops"
        last_reviewed: 2025-12-01
        goals: [Close the books on time]
        challenges: [Too many spreadsheets]
        """,
}


def test_an_override_wins_over_the_translation(tmp_path: Path) -> None:
    project = write_project(
        tmp_path,
        personas=SMALL,
        plugin={"strings": {"section.goals": "Objectives"}},
        config={"theme": {"name": "material", "language": "de"}},
    )
    site = run_build(project)
    assert site.returncode == 0, site.log
    root = site.soup("personas/mia/index.html").select_one("div.pp-persona")
    assert [text(h) for h in root.select("h2")] == ["Objectives", "Herausforderungen"]


def test_a_language_without_a_file_shows_english_words_and_its_own_dates(
    tmp_path: Path,
) -> None:
    project = write_project(
        tmp_path, personas=SMALL, config={"theme": {"name": "material", "language": "sv"}}
    )
    site = run_build(project)
    assert site.returncode == 0, site.log
    root = site.soup("personas/mia/index.html").select_one("div.pp-persona")
    assert [text(h) for h in root.select("h2")] == ["Goals", "Challenges"]
    assert text(root.select_one(".pp-persona-footer dl")).startswith(
        "Owner @ops Last reviewed 1 december 2025 Next review 1 december 2026"  # Swedish dates
    )
    banner = root.select_one("[data-pp-review-banner]")
    assert text(banner.select_one("[data-pp-text]")) == (
        "This persona is due for review in 2 days (on 1 december 2026) — owner @ops"
    )
    assert banner["data-plural"] == "en-GB"  # the words' plural rules, not Swedish ones


# In the browser: the scripts write dates and words like the build ------------------------
@pytest.fixture(scope="module")
def de_url(de_site: BuildResult) -> Iterator[str]:
    """The German example handbook served over HTTP."""
    url, server = serve(de_site.site)
    yield url
    server.shutdown()


def pretend_today(page: Any, iso_datetime: str) -> None:
    """Make ``new Date()`` and ``Date.now()`` return ``iso_datetime`` in the page."""
    script = """
        (() => {
          const fixed = new Date(ISO).getTime();
          const RealDate = Date;
          class FakeDate extends RealDate {
            constructor(...args) { if (args.length === 0) super(fixed); else super(...args); }
            static now() { return fixed; }
          }
          window.Date = FakeDate;
        })();
    """
    page.add_init_script(script.replace("ISO", json.dumps(iso_datetime)))


def offline(page: Any, base: str) -> None:
    """Answer requests to other hosts (web fonts) with an empty response."""
    page.route(
        lambda url: not url.startswith(base),
        lambda route: route.fulfill(status=200, body="", content_type="text/css"),
    )


@pytest.mark.browser
def test_german_banner_and_tracker_recomputed_later(page: Any, de_url: str) -> None:
    offline(page, de_url)
    pretend_today(page, "2027-10-01T09:00:00Z")  # Hannah's next review was 2027-09-14
    page.goto(de_url + "personas/hannah/")
    page.locator("[data-pp-review-banner]").wait_for(state="visible")
    assert page.inner_text("[data-pp-review-banner] [data-pp-label]") == "Überfällig"
    assert page.inner_text("[data-pp-review-banner] [data-pp-text]") == (
        "Diese Persona wurde zuletzt am 14. September 2026 überprüft und ist seit 17 Tagen "
        "überfällig – verantwortlich: @sales-enablement"
    )
    page.goto(de_url + "reviews/")
    page.wait_for_selector("[data-pp-controls]:not([hidden])")
    assert page.inner_text("[data-pp-asof]") == (
        "Stand: heute, 1. Oktober 2027 (diese Website wurde am 29. November 2026 erstellt)."
    )
    hannah = page.locator("tr[data-id=hannah]")
    assert hannah.locator("[data-pp-badge]").inner_text() == "Überfällig"
    assert hannah.locator("[data-pp-when]").inner_text() == "seit 17 Tagen überfällig"
    page.select_option("select[data-pp-owner]", "@growth-team")
    assert page.inner_text("[data-pp-shown]") == "5 von 14 Einträgen werden angezeigt."
    assert page.console_errors == []


@pytest.mark.browser
def test_german_comparison_in_the_browser(page: Any, de_url: str) -> None:
    offline(page, de_url)
    page.goto(de_url + "personas/compare/?p=margie,hannah")
    page.wait_for_selector(".pp-cmp-table")
    assert page.text_content(".pp-cmp-slot-label >> nth=0") == "Persona 1"
    assert page.eval_on_selector(
        ".pp-cmp-select", "s => s.options[0].textContent"
    ) == "Persona auswählen …"
    assert page.text_content(".pp-cmp-table caption") == (
        "Vergleich von Finance Manager Margie, Head of Finance Hannah"
    )
    assert page.text_content(".pp-cmp-section-goals th") == "Ziele 0 von 8 gemeinsam"
    assert page.text_content(".pp-cmp-keys h2") == "Die wichtigsten Unterschiede"
    assert page.text_content(".pp-cmp-label >> nth=0").endswith("Unterschiedlich")
    assert page.console_errors == []


@pytest.mark.browser
def test_french_banner_script_writes_dates_like_the_build(page: Any, tmp_path: Path) -> None:
    project = write_project(
        tmp_path, personas=SMALL, config={"theme": {"name": "material", "language": "fr"}}
    )
    site = run_build(project)
    assert site.returncode == 0, site.log
    page_soup = site.soup("personas/mia/index.html")
    banner = page_soup.select_one("[data-pp-review-banner] [data-pp-text]")
    assert text(banner) == (
        f"Cette persona doit être révisée dans 2 jours (le 1 décembre 2026) — "
        f"responsable{NBSP}: @ops"
    )
    url, server = serve(site.site)
    try:
        offline(page, url)
        pretend_today(page, "2026-11-30T12:00:00Z")
        page.goto(url + "personas/mia/")
        page.wait_for_function(
            "() => document.querySelector('[data-pp-review-banner] [data-pp-text]')"
            ".textContent.includes('1 jour')"
        )
        assert page.inner_text("[data-pp-review-banner] [data-pp-text]") == (
            f"Cette persona doit être révisée dans 1 jour (le 1 décembre 2026) — "
            f"responsable{NBSP}: @ops"
        )
        later = page.context.new_page()
        pretend_today(later, "2026-12-02T12:00:00Z")
        later.goto(url + "personas/mia/")
        later.wait_for_function(
            "() => document.querySelector('[data-pp-review-banner]').dataset.state === 'overdue'"
        )
        assert later.inner_text("[data-pp-review-banner] [data-pp-text]") == (
            "Cette persona a été révisée pour la dernière fois le 1 décembre 2025 et sa "
            f"révision est en retard de 1 jour — responsable{NBSP}: @ops"
        )
        assert later.inner_text("[data-pp-review-banner] [data-pp-label]") == "En retard"
    finally:
        server.shutdown()
    assert page.console_errors == []


def test_string_overrides_that_change_nothing_are_named_with_the_key_meant() -> None:
    assert strings.override_problems(
        {
            "section.goals": "Objectives",  # known
            "gallery.count.many": "{n} personas",  # a plural form other languages have
            "section.goal": "Objective",
            "gallery.count": "{n} people",
            "zzz.nothing.like.it": "x",
        }
    ) == [
        "unknown key 'section.goal' changes nothing (did you mean 'section.goals'?)",
        "unknown key 'gallery.count' changes nothing (it is a plural group: set "
        "'gallery.count.one', 'gallery.count.other')",
        "unknown key 'zzz.nothing.like.it' changes nothing (see the UI strings reference)",
    ]


def test_a_string_override_that_changes_nothing_fails_a_strict_build(tmp_path: Path) -> None:
    project = write_project(
        tmp_path, personas=SMALL, plugin={"strings": {"section.goal": "Objectives"}}
    )
    site = run_build(project)
    assert site.returncode == 1, site.log
    message = (
        "persona plugin option strings: unknown key 'section.goal' changes nothing "
        "(did you mean 'section.goals'?)"
    )
    assert [line[:7] for line in site.log.splitlines() if line.endswith(message)] == ["WARNING"]
    relaxed = run_build(project, strict=False)
    assert relaxed.returncode == 0, relaxed.log
