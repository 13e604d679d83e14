"""Review intervals and calendar arithmetic: parsing, month ends, leap days, "today"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import run_build, run_cli, write_project

from mkdocs_persona_plugin.core.intervals import (
    INTERVAL_HELP,
    Interval,
    add_months,
    parse_interval,
    resolve_today,
)

D = dt.date


@pytest.mark.parametrize(
    ("text", "count", "unit", "shown"),
    [
        ("90 days", 90, "days", "90 days"),
        ("1 day", 1, "days", "1 day"),
        ("6 weeks", 6, "weeks", "6 weeks"),
        ("6 months", 6, "months", "6 months"),
        ("1 year", 1, "years", "1 year"),
        ("2 years", 2, "years", "2 years"),
        ("  3 Months ", 3, "months", "3 months"),
        ("18month", 18, "months", "18 months"),
        ("90d", 90, "days", "90 days"),
        ("2w", 2, "weeks", "2 weeks"),
        ("6mo", 6, "months", "6 months"),
        ("1y", 1, "years", "1 year"),
        ("quarterly", 3, "months", "3 months"),
        ("Yearly", 1, "years", "1 year"),
        ("fortnightly", 2, "weeks", "2 weeks"),
        ("100 years", 100, "years", "100 years"),
    ],
)
def test_parse_interval(text: str, count: int, unit: str, shown: str) -> None:
    interval = parse_interval(text)
    assert interval == Interval(count, unit)
    assert str(interval) == shown


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("fortnight", INTERVAL_HELP),
        ("", INTERVAL_HELP),
        ("one year", INTERVAL_HELP),
        ("1.5 years", INTERVAL_HELP),
        ("-3 months", INTERVAL_HELP),
        ("3 decades", INTERVAL_HELP),
        ("0 days", "it must be longer than zero"),
        ("101 years", "it must be at most 100 years"),
        ("9999 years", "it must be at most 100 years"),
        ("36526 days", "it must be at most 100 years"),
    ],
)
def test_invalid_interval_says_why(text: str, why: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_interval(text)
    assert str(info.value) == f"'{text}' is not a review interval: {why}"


def test_interval_help_gives_examples() -> None:
    assert INTERVAL_HELP == (
        "write a number and a unit, e.g. '90 days', '6 weeks', '6 months' or '1 year'"
    )


@pytest.mark.parametrize(
    ("start", "interval", "expected"),
    [
        (D(2024, 2, 29), "1 year", D(2025, 2, 28)),  # leap day clamps to Feb 28
        (D(2024, 2, 29), "4 years", D(2028, 2, 29)),  # …and stays on a leap day when there is one
        (D(2024, 2, 29), "12 months", D(2025, 2, 28)),
        (D(2026, 1, 31), "1 month", D(2026, 2, 28)),  # month end clamps
        (D(2024, 1, 31), "1 month", D(2024, 2, 29)),  # to Feb 29 in a leap year
        (D(2026, 3, 31), "1 month", D(2026, 4, 30)),
        (D(2026, 8, 31), "6 months", D(2027, 2, 28)),
        (D(2026, 12, 31), "1 month", D(2027, 1, 31)),  # across the year end
        (D(2026, 11, 15), "3 months", D(2027, 2, 15)),
        (D(2026, 1, 1), "90 days", D(2026, 4, 1)),
        (D(2024, 2, 28), "1 day", D(2024, 2, 29)),
        (D(2026, 12, 25), "2 weeks", D(2027, 1, 8)),
        (D(2025, 6, 10), "1 year", D(2026, 6, 10)),
        (D(9990, 1, 1), "100 years", dt.date.max),  # past the calendar: clamps, no crash
    ],
)
def test_interval_after(start: dt.date, interval: str, expected: dt.date) -> None:
    assert parse_interval(interval).after(start) == expected


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2026, 3, 31), -1, D(2026, 2, 28)),
        (D(2026, 1, 15), -1, D(2025, 12, 15)),
        (D(2026, 5, 31), 0, D(2026, 5, 31)),
        (D(2023, 10, 31), 16, D(2025, 2, 28)),
    ],
)
def test_add_months(start: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(start, months) == expected


def test_resolve_today_order() -> None:
    epoch = {"SOURCE_DATE_EPOCH": "1767225600"}  # 2026-01-01T00:00:00Z
    assert resolve_today(D(2026, 5, 1), environ=epoch) == D(2026, 5, 1)
    assert resolve_today("2026-05-02", environ=epoch) == D(2026, 5, 2)
    assert resolve_today(None, environ=epoch) == D(2026, 1, 1)
    assert resolve_today(None, environ={"SOURCE_DATE_EPOCH": "1767225599"}) == D(2025, 12, 31)
    utc_today = dt.datetime.now(tz=dt.timezone.utc).date()
    assert resolve_today(None, environ={}) in (utc_today, utc_today + dt.timedelta(days=1))
    assert resolve_today(None, environ={"SOURCE_DATE_EPOCH": "soon"}) in (
        utc_today,
        utc_today + dt.timedelta(days=1),
    )
    with pytest.raises(ValueError):
        resolve_today("29/11/2026", environ={})


PERSONA = """\
name: Olga
owner: "@a-team"
last_reviewed: 2026-01-01
review_every: {every}
"""


@pytest.mark.parametrize("option", ["review_every", "due_soon"])
def test_invalid_plugin_option_fails_the_build_with_the_reason(
    tmp_path: Path, option: str
) -> None:
    project = write_project(
        tmp_path,
        personas={"olga.yaml": PERSONA.format(every="1 year")},
        plugin={option: "fortnight"},
    )
    result = run_build(project)
    assert result.returncode == 1
    assert (
        f"ERROR   -  persona plugin option {option}: 'fortnight' is not a review interval: "
        "write a number "
        "and a unit, e.g. '90 days', '6 weeks', '6 months' or '1 year'"
    ) in result.log
    assert not (project / "site").exists()


def test_invalid_interval_in_a_persona_file_is_located(tmp_path: Path) -> None:
    project = write_project(tmp_path, personas={"olga.yaml": PERSONA.format(every="fortnight")})
    expected = (
        "personas/olga.yaml:4:15: review_every: 'fortnight' is not a review interval: write a "
        "number and a unit, e.g. '90 days', '6 weeks', '6 months' or '1 year'"
    )
    result = run_build(project)
    assert result.returncode == 1
    assert expected in result.log
    cli = run_cli("validate", cwd=project)
    assert cli.returncode == 1
    assert cli.stdout.strip() == expected
