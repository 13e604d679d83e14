"""Dates, numbers and plural forms from CLDR (through Babel), for any language Material has.

A site's language (``theme.language``: Material's codes such as ``de``, ``pt-BR``,
``zh-Hant``, ``nb``) is mapped to a CLDR locale by :func:`cldr_locale`: the code itself when
CLDR knows it, else its base language, else English. Plain ``en`` means British English
(``29 November 2026``), the English of the plugin's UI strings; ``en-US`` gives
``November 29, 2026``.

Dates are written with the locale's own patterns (CLDR's long date format, and its pattern
for a year, an abbreviated month and a day, skeleton ``yMMMd``), turned into a
:class:`DateFormat` that a page script can fill in exactly like the build
(``assets/reviews.js``), so a date recomputed in the browser never differs from the built
one.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from decimal import Decimal

from babel import Locale, UnknownLocaleError, localedata
from babel.dates import format_date, match_skeleton, tokenize_pattern
from babel.lists import format_list as _format_list
from babel.numbers import format_decimal, format_percent

#: Language codes whose CLDR locale is not the code itself.
ALIASES = {
    "en": "en_GB",  # the UI strings are British English: "29 November 2026"
    "sh": "sr_Latn",  # Material's Serbo-Croatian; CLDR has no "sh"
}
#: The locale of a language neither CLDR nor :data:`ALIASES` knows.
FALLBACK = "en_GB"

#: Date styles: ``long`` is CLDR's long date format (the month in words); ``short`` the
#: locale's pattern for this skeleton (the month abbreviated), else its medium format.
DATE_STYLES = ("long", "short")
SHORT_DATE_SKELETON = "yMMMd"

#: CLDR plural categories in their conventional order.
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")

_PLACEHOLDER = re.compile(r"\{(day2?|month|year2?)\}")
_REFERENCE_DAY = dt.date(2001, 1, 1)  # for date fields that do not depend on the day (eras)


def _parse(identifier: str, sep: str) -> Locale | None:
    try:
        return Locale.parse(identifier, sep=sep)
    except (ValueError, TypeError, UnknownLocaleError):
        return None


@functools.lru_cache(maxsize=128)
def cldr_locale(language: str) -> Locale:
    """The CLDR locale for a language code (``de``, ``pt-BR``, ``zh_TW``, ``sh``…).

    An unknown region or script falls back to the base language, an unknown language to
    British English.
    """
    tag = (language or "").strip().replace("_", "-")
    base = tag.split("-")[0]
    for candidate in dict.fromkeys((tag, base)):
        if not candidate:
            continue
        alias = ALIASES.get(candidate.lower())
        locale = _parse(alias, "_") if alias else _parse(candidate, "-")
        if locale is not None:
            return locale
    return Locale.parse(FALLBACK)


def release_locale_data() -> None:
    """Forget the locales looked up so far, and Babel's CLDR data with them (megabytes per
    language): once a one-off build has rendered its pages, nothing formats dates again.
    Babel releases the data from 2.17 (``localedata.clear_caches``); older releases keep it."""
    cldr_locale.cache_clear()
    clear = getattr(localedata, "clear_caches", None)
    if clear is not None:
        clear()


def locale_tag(locale: Locale) -> str:
    """A locale as a BCP 47 tag, for the page scripts' ``Intl`` (``en-GB``, ``zh-Hant-TW``)."""
    return "-".join(part for part in (locale.language, locale.script, locale.territory) if part)


# Dates ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class DateFormat:
    """How a locale writes a date in one style.

    ``pattern`` is the date with ``{day}``, ``{day2}`` (two digits), ``{month}``, ``{year}``
    and ``{year2}`` (two digits) in place of the numbers; ``months`` holds the twelve texts
    ``{month}`` stands for (names, abbreviations or numbers, as the locale writes them).
    """

    pattern: str
    months: tuple[str, ...]

    def format(self, day: dt.date) -> str:
        """``day`` written with this format."""
        values = {
            "day": str(day.day),
            "day2": f"{day.day:02d}",
            "month": self.months[day.month - 1],
            "year": str(day.year),
            "year2": f"{day.year % 100:02d}",
        }
        return _PLACEHOLDER.sub(lambda m: values[m.group(1)], self.pattern)


def _month_texts(locale: Locale, char: str, width: int) -> tuple[str, ...]:
    if width <= 2:
        return tuple(str(m).zfill(width) for m in range(1, 13))
    context = "stand-alone" if char == "L" else "format"
    names = locale.months[context][{3: "abbreviated", 4: "wide"}.get(width, "narrow")]
    return tuple(names[m] for m in range(1, 13))


def _pattern_of(locale: Locale, style: str) -> str:
    if style == "long":
        return str(locale.date_formats["long"].pattern)
    skeletons = locale.datetime_skeletons
    matched = match_skeleton(SHORT_DATE_SKELETON, skeletons)
    if matched is not None:
        return str(skeletons[matched].pattern)
    return str(locale.date_formats["medium"].pattern)


@functools.lru_cache(maxsize=256)
def _date_format(identifier: str, style: str) -> DateFormat:
    locale = Locale.parse(identifier)
    parts: list[str] = []
    months: tuple[str, ...] | None = None
    for kind, value in tokenize_pattern(_pattern_of(locale, style)):
        if kind == "chars":
            parts.append(str(value))
            continue
        char, width = str(value[0]), int(value[1])
        if char == "d":
            parts.append("{day2}" if width == 2 else "{day}")
        elif char in "ML" and months is None:
            months = _month_texts(locale, char, width)
            parts.append("{month}")
        elif char in "yu":
            parts.append("{year2}" if width == 2 else "{year}")
        else:  # a field that does not change from day to day, such as the era
            parts.append(format_date(_REFERENCE_DAY, char * width, locale=locale))
    return DateFormat("".join(parts), months or _month_texts(locale, "M", 4))


def date_format(locale: Locale, style: str = "long") -> DateFormat:
    """How ``locale`` writes a date in ``style`` (``long``: ``29 November 2026``;
    ``short``: ``29 Nov 2026``)."""
    if style not in DATE_STYLES:
        raise ValueError(f"date style: expected long or short, not '{style}'")
    return _date_format(str(locale), style)


# Numbers ----------------------------------------------------------------------------------
def _decimal(value: float) -> Decimal:
    return Decimal(str(value))


def format_number(value: float, locale: Locale) -> str:
    """``value`` with the locale's decimal sign and grouping (``12.5``, ``12,5``, ``1 234``);
    whole numbers without decimals."""
    return str(format_decimal(_decimal(value), locale=locale))


def format_percentage(value: float, locale: Locale) -> str:
    """``value`` (``18`` for 18 %) as the locale writes a percentage (``18%``, ``18 %``), with
    as many decimals as ``value`` has (``12.5`` → ``12,5 %``)."""
    ratio = (_decimal(value) / 100).normalize()
    return str(format_percent(ratio, locale=locale, decimal_quantization=False))


# Lists ------------------------------------------------------------------------------------
def format_list(items: list[str], locale: Locale) -> str:
    """``items`` joined as the locale writes a list: ``A, B and C``, ``A, B und C``,
    ``A、B、C``."""
    return str(_format_list(items, locale=locale)) if items else ""


# Plurals ----------------------------------------------------------------------------------
def plural_category(locale: Locale, count: int) -> str:
    """The CLDR plural category of ``count`` in ``locale`` (``one``, ``few``, ``other``…)."""
    return str(locale.plural_form(abs(count)))


def plural_categories(locale: Locale) -> tuple[str, ...]:
    """Every plural category ``locale`` has, ``other`` included, in the usual order."""
    tags = set(locale.plural_form.tags) | {"other"}
    return tuple(c for c in PLURAL_CATEGORIES if c in tags)


def needed_plural_categories(locale: Locale) -> tuple[str, ...]:
    """The categories the whole numbers 0 to 1000 fall into: the forms a translation must
    give (French has a ``many`` form only for millions, Lithuanian only for fractions)."""
    return _needed_plural_categories(str(locale))


@functools.lru_cache(maxsize=128)
def _needed_plural_categories(identifier: str) -> tuple[str, ...]:
    locale = Locale.parse(identifier)
    found = {plural_category(locale, n) for n in range(1001)} | {"other"}
    return tuple(c for c in PLURAL_CATEGORIES if c in found)
