"""Every piece of text the handbook shows, one data file per language.

The texts live in ``locales/<language>.yaml`` next to this module: ``en.yaml`` is the
reference, and a translator adds a language by copying it, translating the values and
running ``tests/test_i18n.py``, which checks that every file has exactly the English keys
and placeholders (no Python involved). A regional variant can have its own file
(``pt-BR.yaml``, ``zh-Hant.yaml``); a language without a file shows the English texts.

The site's language is ``theme.language``; any string can be overridden with the plugin
option ``strings``. Texts that depend on a number are plural groups: ``gallery.count.one``,
``gallery.count.other`` (and ``.few``, ``.many``… where the language has them), chosen with
the language's CLDR plural rules by :meth:`Strings.plural`.

Dates, numbers and percentages are not in the files: they come from CLDR through Babel
(:mod:`.formats`), for any language CLDR knows, with or without a file. Machine-readable
outputs (``reviews.json``, ``reviews.ics`` dates, ``personas.json``) stay ISO 8601.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from markupsafe import Markup

from ..core.yamlsafe import load_yaml
from . import formats

if TYPE_CHECKING:
    from babel import Locale

    from ..core.intervals import Interval

#: Where the language files are.
LOCALES_DIR = Path(__file__).with_name("locales")
#: The reference language: every other file has exactly its keys.
REFERENCE = "en"
#: Date styles accepted by :meth:`Strings.date`.
DATE_STYLES = formats.DATE_STYLES


class LocaleFileError(ValueError):
    """A language file that cannot be used (not YAML, not a mapping of texts)."""


@functools.cache
def languages() -> tuple[str, ...]:
    """The codes of the languages that have a file (``de``, ``en``, ``pt-BR``…), sorted."""
    return tuple(sorted(path.stem for path in LOCALES_DIR.glob("*.yaml")))


@functools.cache
def table(code: str) -> Mapping[str, str]:
    """The texts of one language file, by key, in file order (read once, then cached).

    Raises :class:`LocaleFileError` naming the file, line and problem when the file is
    broken, and :class:`KeyError` for a language without a file.
    """
    if code not in languages():
        raise KeyError(f"no language file for '{code}'")
    path = LOCALES_DIR / f"{code}.yaml"
    where = f"{path.parent.name}/{path.name}"
    loaded = load_yaml(path.read_bytes())
    if loaded.issues:
        issue = loaded.issues[0]
        raise LocaleFileError(f"{where}:{issue.line}:{issue.column}: {issue.message}")
    texts: dict[str, str] = {}
    for key, value in loaded.data.items():
        if not isinstance(value, str) or not value.strip():
            line, column = loaded.position((key,))
            raise LocaleFileError(f"{where}:{line}:{column}: '{key}' must be a text")
        texts[str(key)] = value
    return MappingProxyType(texts)


def english() -> Mapping[str, str]:
    """The reference texts (``en.yaml``)."""
    return table(REFERENCE)


def plural_groups(texts: Mapping[str, str]) -> dict[str, list[str]]:
    """The plural groups among ``texts``: base key → the categories it has a form for
    (a key ``X.other`` makes ``X`` a group; ``X.one``, ``X.few``… are its other forms)."""
    bases = {key[: -len(".other")] for key in texts if key.endswith(".other")}
    return {
        base: [c for c in formats.PLURAL_CATEGORIES if f"{base}.{c}" in texts]
        for base in sorted(bases)
    }


def file_for(language: str) -> str | None:
    """The language file that serves ``language``, or ``None`` (then English is shown).

    Tried in order: the code as given (``pt-BR``), the CLDR language and script
    (``zh-TW`` → ``zh-Hant``), the language alone (``pt``); letter case and ``_`` versus
    ``-`` do not matter.
    """
    tag = (language or "").strip().replace("_", "-")
    locale = formats.cldr_locale(tag)
    candidates = [tag, tag.split("-")[0]]
    if locale.script and locale.language == candidates[1].lower():
        candidates.insert(1, f"{locale.language}-{locale.script}")
    files = {code.lower(): code for code in languages()}
    for candidate in candidates:
        if candidate.lower() in files:
            return files[candidate.lower()]
    return None


def override_problems(overrides: Mapping[str, str]) -> list[str]:
    """What is wrong with the ``strings`` option ``overrides``: one line per key no text of
    the handbook has (it would change nothing), with the key meant where one is near.

    A plural group is overridden form by form (``gallery.count.one``,
    ``gallery.count.other``; ``.few``, ``.many``… where the site's language has them).
    """
    known = english()
    groups = plural_groups(known)
    found: list[str] = []
    for key in overrides:
        if key in known:
            continue
        base, _, category = key.rpartition(".")
        if base in groups and category in formats.PLURAL_CATEGORIES:
            continue  # a plural form English does not need (French "many", Polish "few")
        if key in groups:
            forms = ", ".join(f"'{key}.{c}'" for c in groups[key])
            hint = f"it is a plural group: set {forms}"
        else:
            near = difflib.get_close_matches(key, list(known), n=1, cutoff=0.75)
            hint = f"did you mean '{near[0]}'?" if near else "see the UI strings reference"
        found.append(f"unknown key '{key}' changes nothing ({hint})")
    return found


class Strings:
    """Looks up UI strings for one language, with per-string overrides, and writes dates and
    numbers the way that language does.

    ``language`` is a code such as ``de``, ``de-CH``, ``pt_BR`` or ``zh-Hant``. The texts come
    from the best language file (:func:`file_for`), English where it has none; dates and
    numbers follow the CLDR locale of the code itself (``de-CH`` writes ``12.5``).
    """

    def __init__(self, language: str = "en", overrides: Mapping[str, str] | None = None) -> None:
        self._code = language
        #: The language file the texts come from (``en`` when the language has none).
        self.language = file_for(language) or REFERENCE
        self._table = {**english(), **table(self.language), **dict(overrides or {})}
        # Results every page asks for again (the same dates, the same attributes): a large
        # handbook formats each a thousand times.
        self._memo: dict[tuple[object, ...], Markup | str] = {}

    # Babel's CLDR data (megabytes) is read only when a date, number or plural is written:
    # looking up texts (the navigation's section titles) does without it.
    @functools.cached_property
    def locale(self) -> Locale:
        """The CLDR locale dates and numbers follow."""
        return formats.cldr_locale(self._code)

    @functools.cached_property
    def plural_locale(self) -> Locale:
        """The locale whose plural rules pick among the texts' plural forms."""
        base = self.language.split("-")[0]
        return self.locale if self.locale.language == base else formats.cldr_locale(self.language)

    def __call__(self, key: str, **values: object) -> str:
        """The string for ``key``, formatted with ``values``; the key itself if unknown."""
        text = self._table.get(key, key)
        return text.format(**values) if values else text

    def markup(self, key: str, **values: object) -> Markup:
        """The string for ``key`` as HTML: its own text escaped, each value escaped unless it
        is already :class:`~markupsafe.Markup` (a link or ``<code>`` built by a template)."""
        return Markup.escape(self._table.get(key, key)).format(**values)

    def has(self, key: str) -> bool:
        """Whether ``key`` has a string."""
        return key in self._table

    # Plurals -----------------------------------------------------------------------------
    def plural_key(self, key: str, n: int) -> str:
        """The key of the form of plural group ``key`` for the number ``n``
        (``gallery.count.one``); ``key.other`` when the language has no form of its own."""
        form = f"{key}.{formats.plural_category(self.plural_locale, n)}"
        return form if form in self._table else f"{key}.other"

    def plural(self, key: str, n: int, **values: object) -> str:
        """The form of plural group ``key`` for ``n``, formatted with ``n`` and ``values``:
        ``t.plural("gallery.count", 1)`` → ``1 persona``, ``t.plural("gallery.count", 5)``
        → ``5 personas``."""
        return self(self.plural_key(key, n), n=n, **values)

    def plural_forms(self, key: str) -> dict[str, str]:
        """The forms of plural group ``key`` by CLDR category: every category the language's
        counts up to 1000 need, and any other it has a text for (French ``many``)."""
        needed = formats.needed_plural_categories(self.plural_locale)
        other = self._table.get(f"{key}.other", key)
        return {
            category: self._table.get(f"{key}.{category}", other)
            for category in formats.plural_categories(self.plural_locale)
            if category in needed or f"{key}.{category}" in self._table
        }

    @property
    def plural_tag(self) -> str:
        """The locale of the plural rules as a BCP 47 tag (``en-GB``), for ``Intl.PluralRules``
        in the page scripts (``data-plural``)."""
        return formats.locale_tag(self.plural_locale)

    def plural_attributes(self, prefix: str, key: str) -> Markup:
        """``prefix-one="…" prefix-other="…"`` (one attribute per form of plural group
        ``key``), for page scripts that choose with ``Intl.PluralRules``."""
        memo_key = ("plural_attributes", prefix, key)
        found = self._memo.get(memo_key)
        if found is None:
            found = self._memo[memo_key] = Markup("").join(
                Markup(' {}-{}="{}"').format(prefix, category, text)
                for category, text in self.plural_forms(key).items()
            )
        return Markup(found)

    # Dates -------------------------------------------------------------------------------
    def months(self, style: str = "long") -> list[str]:
        """The twelve month names (``style`` ``"long"``) or abbreviations (``"short"``)."""
        width = "abbreviated" if style == "short" else "wide"
        names = self.locale.months["format"][width]
        return [str(names[m]) for m in range(1, 13)]

    def date(self, d: dt.date, style: str = "long") -> str:
        """``d`` as readers of this language write it, the month in words.

        ``long``: ``29 November 2026``, ``29. November 2026``, ``29 de noviembre de 2026``,
        ``2026年11月29日``; ``short``: ``29 Nov 2026``, ``29. Nov. 2026``, ``29 nov 2026``.
        """
        memo_key = ("date", d, style)
        found = self._memo.get(memo_key)
        if found is None:
            found = self._memo[memo_key] = formats.date_format(self.locale, style).format(d)
        return str(found)

    def time(self, d: dt.date, style: str = "long") -> Markup:
        """``<time datetime="YYYY-MM-DD">`` around :meth:`date`, so machines still get ISO."""
        return Markup('<time datetime="{}">{}</time>').format(d.isoformat(), self.date(d, style))

    def locale_attributes(self) -> Markup:
        """``data-*`` attributes with which ``assets/reviews.js`` writes long dates exactly
        like :meth:`date` (pattern and month texts) and picks plural forms like
        :meth:`plural` (the locale for ``Intl.PluralRules``)."""
        found = self._memo.get(("locale_attributes",))
        if found is None:
            long = formats.date_format(self.locale, "long")
            found = self._memo[("locale_attributes",)] = Markup(
                ' data-date-pattern="{}" data-date-months="{}" data-plural="{}"'
            ).format(long.pattern, "|".join(long.months), self.plural_tag)
        return Markup(found)

    # Numbers -----------------------------------------------------------------------------
    def number(self, value: float) -> str:
        """A number as written in this language: ``12.5`` (en), ``12,5`` (de, fr, es);
        whole numbers without decimals (``18.0`` → ``18``)."""
        return formats.format_number(value, self.locale)

    def percent(self, value: float) -> str:
        """A percentage (``18`` for 18 %): ``18%`` (en), ``18\u00a0%`` (de, fr, es),
        ``12,5\u00a0%``."""
        return formats.format_percentage(value, self.locale)

    # Lists -------------------------------------------------------------------------------
    def join(self, items: list[str]) -> str:
        """``items`` as a list in this language: ``A, B and C``; ``A, B und C``."""
        return formats.format_list(list(items), self.locale)

    # Intervals ---------------------------------------------------------------------------
    def interval(self, interval: Interval) -> str:
        """A review interval: ``1 year``, ``30 days``; ``1 Jahr``, ``30 Tage``…"""
        return self.plural(f"interval.{interval.unit}", interval.count)
