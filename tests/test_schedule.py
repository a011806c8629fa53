"""Occurrences: recurrence around month ends and leap years, states at the boundaries."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from uppdragskoll import schedule
from uppdragskoll.model import Assignment
from uppdragskoll.schedule import State


def assignment(*deadlines: dict[str, object], status: str = "pågående") -> Assignment:
    return Assignment.model_validate(
        {"id": "a", "titel": "A", "status": status, "redovisningar": list(deadlines)}
    )


@pytest.mark.parametrize(
    ("first", "step", "until", "expected"),
    [
        ("2026-03-31", 12, "2028-03-31", ["2026-03-31", "2027-03-31", "2028-03-31"]),
        ("2026-08-30", 12, "2027-08-30", ["2026-08-30", "2027-08-30"]),
        # 31 March quarterly: the 31st where it exists, else the month's last day.
        (
            "2026-03-31",
            3,
            "2027-03-31",
            ["2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31", "2027-03-31"],
        ),
        # 29 February yearly: 28 February in common years, not skipped.
        (
            "2028-02-29",
            12,
            "2032-02-29",
            ["2028-02-29", "2029-02-28", "2030-02-28", "2031-02-28", "2032-02-29"],
        ),
        # 31 January monthly: February gets its last day, March the 31st again.
        ("2026-01-31", 1, "2026-04-30", ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"]),
        ("2026-01-30", 1, "2026-03-30", ["2026-01-30", "2026-02-28", "2026-03-30"]),
        ("2026-06-15", 6, "2027-06-15", ["2026-06-15", "2026-12-15", "2027-06-15"]),
        ("2026-06-15", 6, "2026-06-14", []),
    ],
)
def test_recurrence_dates(first: str, step: int, until: str, expected: list[str]) -> None:
    days = schedule.recurrence_dates(date.fromisoformat(first), step, date.fromisoformat(until))
    assert [d.isoformat() for d in days] == expected


@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2150, 12, 31)),
    st.sampled_from([1, 3, 6, 12]),
)
def test_recurrence_keeps_the_day_or_the_month_end(first: date, step: int) -> None:
    days = schedule.recurrence_dates(first, step, date(first.year + 3, 12, 31))
    assert days[0] == first
    for previous, day in itertools.pairwise(days):
        months = (day.year - previous.year) * 12 + day.month - previous.month
        assert months == step
        assert day.day == first.day or day.day < first.day  # clamped only in short months


def test_recurring_occurrences_with_deliveries_per_occurrence() -> None:
    a = assignment(
        {
            "id": "r",
            "typ": "årlig redovisning",
            "datum": "2026-10-15",
            "upprepas": "årligen",
            "till": "2028-10-15",
            "inlämnad": {"2026-10-15": "2026-10-14"},
        }
    )
    occs = list(schedule.occurrences(a))
    assert [o.key for o in occs] == ["a/r/2026-10-15", "a/r/2027-10-15", "a/r/2028-10-15"]
    assert [o.delivered for o in occs] == [date(2026, 10, 14), None, None]


@pytest.mark.parametrize(
    ("first", "step", "count", "last"),
    [
        ("2021-12-15", "årligen", 10, "2030-12-15"),
        ("2028-02-29", "årligen", 10, "2037-02-28"),  # leap day: month end in common years
        ("2027-03-31", "kvartalsvis", 40, "2036-12-31"),
        ("2027-01-31", "månadsvis", 120, "2036-12-31"),
        ("december 2026", "halvårsvis", 20, "2036-06-30"),
    ],
)
def test_open_series_is_shown_ten_years_from_its_first_date(
    first: str, step: str, count: int, last: str
) -> None:
    """`upprepas` without `till` ("varje år från och med 2021") has no last occurrence; it
    is shown `OPEN_SERIES_YEARS` from `datum`, whatever the day, so feeds do not churn."""
    a = assignment({"id": "r", "typ": "årlig redovisning", "datum": first, "upprepas": step})
    occs = list(schedule.occurrences(a))
    assert len(occs) == count
    assert occs[-1].due == date.fromisoformat(last)
    assert all(o.recurring for o in occs)
    assert occs[0].key.startswith("a/r/")  # one key per occurrence, as for a closed series


def test_open_series_deliveries_are_per_occurrence() -> None:
    a = assignment(
        {
            "id": "r",
            "typ": "årlig redovisning",
            "datum": "2026-10-15",
            "upprepas": "årligen",
            "inlämnad": {"2027-10-15": "2027-10-01"},
        }
    )
    occs = list(schedule.occurrences(a))
    assert [o.delivered for o in occs[:3]] == [None, date(2027, 10, 1), None]


def test_an_open_series_in_use_never_runs_out() -> None:
    """The horizon also counts from the latest delivered occurrence, so a standing duty that
    is being reported keeps its next occurrences in view."""
    a = assignment(
        {
            "id": "r",
            "typ": "årlig redovisning",
            "datum": "2021-12-15",
            "upprepas": "årligen",
            "inlämnad": {"2030-12-15": "2030-12-10"},
        }
    )
    assert [o.due.year for o in schedule.occurrences(a)][-1] == 2039  # ten from 2030


def test_period_due_is_its_last_day_and_keeps_the_wording() -> None:
    a = assignment({"id": "s", "typ": "slutredovisning", "datum": "våren 2027"})
    [occ] = schedule.occurrences(a)
    assert occ.due == date(2027, 5, 31) and occ.wording == "våren 2027"


@pytest.mark.parametrize(
    ("today", "state"),
    [
        ("2026-05-31", State.OVERDUE),  # the day after
        ("2026-05-30", State.TODAY),
        ("2026-05-29", State.SOON),
        ("2026-05-16", State.SOON),  # exactly 14 days left
        ("2026-05-15", State.UPCOMING),  # 15 days left
    ],
)
def test_state_boundaries(today: str, state: State) -> None:
    [occ] = schedule.occurrences(assignment({"id": "p", "typ": "plan", "datum": "2026-05-30"}))
    assert occ.state(date.fromisoformat(today)) is state


def test_delivered_and_closed_and_withdrawn() -> None:
    delivered = assignment(
        {"id": "p", "typ": "plan", "datum": "2026-05-30", "inlämnad": "2026-05-29"}
    )
    assert next(schedule.occurrences(delivered)).state(date(2027, 1, 1)) is State.DELIVERED
    closed = assignment({"id": "p", "typ": "plan", "datum": "2026-05-30"}, status="avslutat")
    assert next(schedule.occurrences(closed)).state(date(2027, 1, 1)) is State.CLOSED
    withdrawn = assignment({"id": "p", "typ": "plan", "datum": "2026-05-30"}, status="återkallat")
    assert list(schedule.occurrences(withdrawn)) == []


def test_ongoing_deadline_has_no_occurrence() -> None:
    a = assignment({"id": "i", "typ": "övrigt", "löpande": True})
    assert list(schedule.occurrences(a)) == []


@pytest.mark.parametrize(
    ("due", "working", "last_working"),
    [
        ("2026-05-30", False, "2026-05-29"),  # Saturday
        ("2026-06-19", False, "2026-06-18"),  # midsommarafton
        ("2026-12-24", False, "2026-12-23"),  # julafton
        ("2026-12-31", False, "2026-12-30"),  # nyårsafton
        ("2027-10-30", False, "2027-10-29"),  # alla helgons dag 2027 (a Saturday)
        ("2026-11-02", True, None),  # the Monday after alla helgons dag 2026
        ("2026-12-28", True, None),  # a Monday between the holidays
    ],
)
def test_working_day_marking_in_views(due: str, working: bool, last_working: str | None) -> None:
    from uppdragskoll import views, workdays

    [occ] = schedule.occurrences(assignment({"id": "p", "typ": "plan", "datum": due}))
    row = views.deadline_row(occ, date(2026, 1, 1), workdays.HolidayRule.PREVIOUS)
    assert (row.non_working is None) is working
    assert (row.last_working_day.isoformat() if row.last_working_day else None) == last_working
    keep = views.deadline_row(occ, date(2026, 1, 1), workdays.HolidayRule.KEEP)
    assert keep.target == occ.due
    nxt = views.deadline_row(occ, date(2026, 1, 1), workdays.HolidayRule.NEXT)
    assert nxt.target >= occ.due and workdays.is_working_day(nxt.target)


def test_window_keeps_overdue_of_any_age_and_upcoming_within_days() -> None:
    a = assignment(
        {"id": "old", "typ": "plan", "datum": "2020-01-15"},
        {"id": "soon", "typ": "plan", "datum": "2026-03-10"},
        {"id": "far", "typ": "plan", "datum": "2026-09-01"},
        {"id": "done", "typ": "plan", "datum": "2026-03-05", "inlämnad": "2026-03-01"},
    )
    occs = schedule.all_occurrences([a])
    today = date(2026, 3, 1)
    picked = schedule.window(occs, today, 90, include_delivered=False)
    assert [o.deadline.id for o in picked] == ["old", "soon"]
    everything = schedule.window(occs, today, None, include_delivered=True)
    assert [o.deadline.id for o in everything] == ["old", "done", "soon", "far"]
