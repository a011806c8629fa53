"""Tests for workdays: Swedish holidays, weekends and the planning date of a deadline."""

import subprocess
import sys
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from uppdragskoll.workdays import (
    HolidayRule,
    holiday_name,
    is_working_day,
    last_working_day_before,
    last_working_day_on_or_before,
    next_working_day_on_or_after,
    planning_target,
)

D = date


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (D(2026, 1, 1), "Nyårsdagen"),
        (D(2026, 1, 6), "Trettondedag jul"),
        (D(2026, 4, 3), "Långfredagen"),
        (D(2026, 4, 6), "Annandag påsk"),
        (D(2026, 5, 1), "Första maj"),
        (D(2026, 5, 14), "Kristi himmelsfärdsdag"),
        (D(2026, 6, 6), "Nationaldagen"),  # a Saturday: the holiday name wins
        (D(2026, 6, 19), "Midsommarafton"),  # de facto holiday
        (D(2026, 6, 20), "Midsommardagen"),
        (D(2026, 10, 31), "Alla helgons dag"),
        (D(2026, 12, 24), "Julafton"),  # de facto holiday
        (D(2026, 12, 25), "Juldagen"),
        (D(2026, 12, 26), "Annandag jul"),
        (D(2026, 12, 31), "Nyårsafton"),  # de facto holiday
        (D(2027, 3, 26), "Långfredagen"),
        (D(2027, 3, 29), "Annandag påsk"),
        (D(2026, 5, 30), "lördag"),
        (D(2026, 5, 31), "söndag"),
        (D(2100, 1, 6), "Trettondedag jul"),
        (D(2101, 1, 6), None),  # beyond what `holidays` knows (1953–2100): weekends only
        (D(2101, 1, 2), "söndag"),
    ],
)
def test_non_working_days_and_their_swedish_names(day: date, name: str | None) -> None:
    assert holiday_name(day) == name
    assert is_working_day(day) is (name is None)


@pytest.mark.parametrize(
    "day",
    [
        D(2026, 5, 29),  # Friday before the Saturday deadline
        D(2026, 6, 18),  # Thursday before midsommarafton
        D(2026, 4, 30),  # Valborgsmässoafton is an ordinary working day
        D(2026, 11, 6),  # Gustav Adolfsdagen is a flag day, not a holiday
        D(2027, 3, 31),  # the Wednesday after Easter 2027
        D(2027, 3, 25),  # skärtorsdagen
        D(2026, 12, 23),
        D(2026, 12, 30),
    ],
)
def test_working_days(day: date) -> None:
    assert is_working_day(day)
    assert holiday_name(day) is None


@pytest.mark.parametrize(
    ("day", "on_or_before", "before", "on_or_after"),
    [
        # 30 May 2026 is a Saturday; the agency delivered on Friday 29 May.
        (D(2026, 5, 30), D(2026, 5, 29), D(2026, 5, 29), D(2026, 6, 1)),
        (D(2026, 5, 29), D(2026, 5, 29), D(2026, 5, 28), D(2026, 5, 29)),
        # midsommarafton, midsommardagen, Sunday
        (D(2026, 6, 19), D(2026, 6, 18), D(2026, 6, 18), D(2026, 6, 22)),
        (D(2026, 6, 21), D(2026, 6, 18), D(2026, 6, 18), D(2026, 6, 22)),
        # julafton through annandag jul and the weekend: 24–27 Dec 2026
        (D(2026, 12, 24), D(2026, 12, 23), D(2026, 12, 23), D(2026, 12, 28)),
        (D(2026, 12, 27), D(2026, 12, 23), D(2026, 12, 23), D(2026, 12, 28)),
        # nyårsafton and nyårsdagen, then a weekend: back across the year
        (D(2027, 1, 1), D(2026, 12, 30), D(2026, 12, 30), D(2027, 1, 4)),
        # Easter 2027: långfredagen 26 Mar to annandag påsk 29 Mar
        (D(2027, 3, 29), D(2027, 3, 25), D(2027, 3, 25), D(2027, 3, 30)),
        # Kristi himmelsfärdsdag, a Thursday
        (D(2026, 5, 14), D(2026, 5, 13), D(2026, 5, 13), D(2026, 5, 15)),
    ],
)
def test_moving_to_working_days(
    day: date, on_or_before: date, before: date, on_or_after: date
) -> None:
    assert last_working_day_on_or_before(day) == on_or_before
    assert last_working_day_before(day) == before
    assert next_working_day_on_or_after(day) == on_or_after


@pytest.mark.parametrize(
    ("rule", "saturday", "friday"),
    [
        (HolidayRule.PREVIOUS, D(2026, 5, 29), D(2026, 5, 29)),
        (HolidayRule.KEEP, D(2026, 5, 30), D(2026, 5, 29)),
        (HolidayRule.NEXT, D(2026, 6, 1), D(2026, 5, 29)),
    ],
)
def test_planning_target(rule: HolidayRule, saturday: date, friday: date) -> None:
    assert planning_target(D(2026, 5, 30), rule) == saturday
    assert planning_target(D(2026, 5, 29), rule) == friday


def test_planning_target_defaults_to_the_previous_working_day() -> None:
    assert planning_target(D(2026, 6, 19)) == D(2026, 6, 18)


def test_holiday_rule_values_are_the_setting_words() -> None:
    assert [rule.value for rule in HolidayRule] == ["föregående", "behåll", "nästa"]
    assert HolidayRule("nästa") is HolidayRule.NEXT


def test_importing_the_module_does_not_import_holidays() -> None:
    code = "import sys, uppdragskoll.workdays; print('holidays' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


_DATES = st.dates(D(1950, 1, 10), D(2200, 12, 20))


@given(_DATES)
def test_moved_dates_are_working_days_on_the_right_side(day: date) -> None:
    before, on_or_after = last_working_day_on_or_before(day), next_working_day_on_or_after(day)
    assert before <= day <= on_or_after
    assert is_working_day(before) and is_working_day(on_or_after)
    assert last_working_day_before(day) < day
    # nothing in between is a working day
    assert all(not is_working_day(before + timedelta(n)) for n in range(1, (day - before).days))
    assert (before == day) is is_working_day(day)


@given(_DATES)
def test_a_day_has_a_name_exactly_when_it_is_not_a_working_day(day: date) -> None:
    assert (holiday_name(day) is None) is is_working_day(day)
