"""Review intervals (``90 days``, ``6 months``, ``1 year``) and calendar arithmetic."""

from __future__ import annotations

import calendar
import datetime as dt
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass

_UNITS = {"day": "days", "week": "weeks", "month": "months", "year": "years"}
_WORDS = {
    "daily": "1 day",
    "weekly": "1 week",
    "fortnightly": "2 weeks",
    "monthly": "1 month",
    "quarterly": "3 months",
    "half-yearly": "6 months",
    "yearly": "1 year",
    "annually": "1 year",
}
_ABBREVIATIONS = {"d": "day", "w": "week", "wk": "week", "mo": "month", "y": "year", "yr": "year"}
_PATTERN = re.compile(
    r"^\s*0*(\d{1,6})\s*(day|week|month|year|d|wk|w|mo|yr|y)s?\s*$", re.IGNORECASE
)
#: The longest interval accepted in each unit (100 years), so dates never leave the calendar.
MAX_COUNT = {"days": 36_525, "weeks": 5_218, "months": 1_200, "years": 100}

def _any_case(word: str) -> str:
    """``"day"`` → ``"[dD][aA][yY]"`` (JSON Schema patterns have no case-insensitive flag)."""
    # ECMA-262 in unicode mode refuses needless escapes such as "\\-": escape only what needs it
    return "".join(
        f"[{c.lower()}{c.upper()}]" if c.isalpha() else c if c == "-" else re.escape(c)
        for c in word
    )


def _one_to(limit: int) -> str:
    """A regular expression for the whole numbers 1 to ``limit`` (no leading zeros)."""
    digits = str(limit)
    alternatives = []
    if len(digits) > 1:
        alternatives.append(f"[1-9][0-9]{{0,{len(digits) - 2}}}")
    for i, char in enumerate(digits):
        low, high = (1 if i == 0 else 0), int(char) - 1
        if high >= low:
            rest = len(digits) - i - 1
            first = f"[{low}-{high}]" if high > low else str(low)
            alternatives.append(digits[:i] + first + (f"[0-9]{{{rest}}}" if rest else ""))
    alternatives.append(digits)
    return "(?:" + "|".join(alternatives) + ")"


def json_schema_pattern() -> str:
    """The JSON Schema ``pattern`` (ECMA-262) accepting exactly what :func:`parse_interval`
    accepts, limits included, so editors and pre-commit agree with ``validate``."""
    units = {
        unit: [_any_case(w) for w in (unit[:-1], *(a for a, u in _ABBREVIATIONS.items()
                                                   if u == unit[:-1]))]
        for unit in MAX_COUNT
    }
    counted = "|".join(
        f"0*{_one_to(MAX_COUNT[unit])}\\s*(?:{'|'.join(words)})[sS]?"
        for unit, words in units.items()
    )
    words = "|".join(_any_case(w) for w in _WORDS)
    return f"^\\s*(?:{counted}|{words})\\s*$"


INTERVAL_HELP = "write a number and a unit, e.g. '90 days', '6 weeks', '6 months' or '1 year'"


@dataclass(frozen=True)
class Interval:
    """A review interval: ``count`` of ``unit`` (``days``, ``weeks``, ``months`` or ``years``)."""

    count: int
    unit: str

    def __str__(self) -> str:
        unit = self.unit if self.count != 1 else self.unit[:-1]
        return f"{self.count} {unit}"

    def after(self, start: dt.date) -> dt.date:
        """The date this interval after ``start``; months and years clamp to the month's end.

        Dates past the end of the calendar (year 9999) clamp to ``date.max``.
        """
        try:
            if self.unit == "days":
                return start + dt.timedelta(days=self.count)
            if self.unit == "weeks":
                return start + dt.timedelta(weeks=self.count)
            months = self.count * (12 if self.unit == "years" else 1)
            return add_months(start, months)
        except (OverflowError, ValueError):
            return dt.date.max


def add_months(start: dt.date, months: int) -> dt.date:
    """``start`` moved by whole months, clamped to the last day (Jan 31 + 1 month = Feb 28/29)."""
    index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(start.day, last))


def parse_interval(text: str) -> Interval:
    """Parse ``'90 days'``, ``'1 year'``, ``'quarterly'``…; raises ``ValueError`` with help."""
    raw = str(text).strip().lower()
    raw = _WORDS.get(raw, raw)
    match = _PATTERN.match(raw)
    if not match:
        raise ValueError(f"'{text}' is not a review interval: {INTERVAL_HELP}")
    count = int(match.group(1))
    word = match.group(2).lower()
    unit = _UNITS[_ABBREVIATIONS.get(word, word)]
    if count == 0:
        raise ValueError(f"'{text}' is not a review interval: it must be longer than zero")
    if count > MAX_COUNT[unit]:
        raise ValueError(f"'{text}' is not a review interval: it must be at most 100 years")
    return Interval(count, unit)


def resolve_today(
    option: dt.date | str | None = None, environ: Mapping[str, str] | None = None
) -> dt.date:
    """The date builds treat as "today": the ``today`` option, else ``SOURCE_DATE_EPOCH``,
    else the current date in UTC. Makes builds and tests reproducible."""
    if isinstance(option, dt.date):
        return option
    if option:
        return dt.date.fromisoformat(str(option))
    env = environ if environ is not None else os.environ
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
    return dt.datetime.now(tz=dt.timezone.utc).date()
