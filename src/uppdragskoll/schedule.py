"""Deadlines expanded into dated occurrences, and their state on a given day. Pure."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from dateutil.relativedelta import relativedelta
from dateutil.rrule import MONTHLY, rrule

from uppdragskoll import workdays
from uppdragskoll.model import Activity, Assignment, Deadline
from uppdragskoll.periods import Period

STEP_MONTHS = {"årligen": 12, "halvårsvis": 6, "kvartalsvis": 3, "månadsvis": 1}
MAX_OCCURRENCES = 1200  # a hundred years of monthly reports; bounds hostile `till` values
SOON_DAYS = 14
# An open series (`upprepas` without `till`, "varje år från och med 2027") has no last
# occurrence; views and calendars show it this many years from its first date, or from its
# latest delivered occurrence, so that a series in use never runs out. Counted from the data,
# not from today, so that feeds stay the same from day to day.
OPEN_SERIES_YEARS = 10


class State(StrEnum):
    DELIVERED = "inlämnad"
    OVERDUE = "försenad"
    TODAY = "idag"
    SOON = "snart"  # within SOON_DAYS
    UPCOMING = "kommande"
    CLOSED = "avslutad"  # the assignment ended without this being delivered


@functools.lru_cache(maxsize=4096)
def _recurrence(first: date, step_months: int, until: date) -> tuple[date, ...]:
    return tuple(recurrence_dates(first, step_months, until))


def recurrence_dates(first: date, step_months: int, until: date) -> list[date]:
    """Every `step_months` from `first` up to `until` inclusive.

    A day past the 28th is kept as "that day, or the month's last day when shorter", so
    31 March quarterly gives 30 June and 29 February yearly gives 28 February in common years.
    """
    if until < first:
        return []
    if first.day <= 28:
        rule = rrule(MONTHLY, interval=step_months, dtstart=first, until=until, count=None)
    else:
        rule = rrule(
            MONTHLY,
            interval=step_months,
            dtstart=first.replace(day=1),
            until=until,
            bymonthday=tuple(range(28, first.day + 1)),
            bysetpos=-1,
        )
    days: list[date] = []
    for moment in rule:
        days.append(moment.date())
        if len(days) >= MAX_OCCURRENCES:
            break
    return days


@dataclass(frozen=True)
class Occurrence:
    """One dated instance of a deadline: what the calendar shows and `klar` marks."""

    assignment: Assignment
    deadline: Deadline
    due: date
    period: Period  # the wording of `datum` (for a recurring one, of the first occurrence)
    recurring: bool
    delivered: date | None

    @property
    def key(self) -> str:
        base = f"{self.assignment.id}/{self.deadline.id}"
        return f"{base}/{self.due.isoformat()}" if self.recurring else base

    @property
    def wording(self) -> str | None:
        """The period as written, when the date is not an exact day."""
        if self.recurring or self.period.start == self.period.end:
            return None  # one day, however it is written ("30 maj 2026")
        return self.period.text

    @property
    def working_day(self) -> bool:
        return workdays.is_working_day(self.due)

    def target(self, rule: workdays.HolidayRule) -> date:
        """The date to plan for, per the holiday rule; the deadline itself never moves."""
        return workdays.planning_target(self.due, rule)

    def days_left(self, today: date) -> int:
        return (self.due - today).days

    def state(self, today: date) -> State:
        if self.delivered is not None:
            return State.DELIVERED
        if self.assignment.status != "pågående":
            return State.CLOSED
        left = self.days_left(today)
        if left < 0:
            return State.OVERDUE
        if left == 0:
            return State.TODAY
        if left <= SOON_DAYS:
            return State.SOON
        return State.UPCOMING

    def sort_key(self) -> tuple[date, str, str]:
        return (self.due, self.assignment.id, self.key)


def _delivered_on(deadline: Deadline, due: date, recurring: bool) -> date | None:
    value = deadline.delivered
    if value is None:
        return None
    if isinstance(value, dict):
        return value.get(due)
    return None if recurring else value


def open_series_end(first: date) -> date:
    """The last day an open series counted from `first` is shown: the day before
    `OPEN_SERIES_YEARS` years after it (so a yearly series shows that many occurrences)."""
    return first + relativedelta(years=OPEN_SERIES_YEARS, days=-1)


def series_last_day(deadline: Deadline) -> date | None:
    """The inclusive bound of a recurring deadline's series: `till`, or for an open series
    `open_series_end`; None for a deadline that does not repeat or has no date."""
    if deadline.repeats is None or deadline.due is None:
        return None
    if deadline.until is not None:
        return deadline.until.due
    delivered = deadline.delivered if isinstance(deadline.delivered, dict) else {}
    return open_series_end(max([deadline.due.due, *delivered]))


def due_dates(deadline: Deadline) -> tuple[date, ...]:
    """Every due date of a deadline, whatever its assignment's status: one for a single
    deadline, the series for a recurring one (an open one up to `open_series_end`), none for
    an ongoing one."""
    if deadline.due is None:
        return ()
    last = series_last_day(deadline)
    if deadline.repeats is not None and last is not None:
        return _recurrence(deadline.due.due, STEP_MONTHS[deadline.repeats], last)
    return (deadline.due.due,)


def occurrences(assignment: Assignment) -> Iterator[Occurrence]:
    """The dated occurrences of an assignment's deadlines; ongoing ones have none, and a
    withdrawn assignment has none (it disappears from views and calendars)."""
    if assignment.status == "återkallat":
        return
    for deadline in assignment.deadlines:
        if deadline.due is None:
            continue
        recurring = deadline.repeats is not None
        for day in due_dates(deadline):
            yield Occurrence(
                assignment,
                deadline,
                day,
                deadline.due,
                recurring,
                _delivered_on(deadline, day, recurring),
            )


def all_occurrences(items: Sequence[Assignment]) -> list[Occurrence]:
    return sorted((o for a in items for o in occurrences(a)), key=Occurrence.sort_key)


@dataclass(frozen=True)
class Milestone:
    """An internal activity with a date, for `--aktiviteter` and `visa`."""

    assignment: Assignment
    activity: Activity
    index: int

    @property
    def due(self) -> date | None:
        return self.activity.period.due if self.activity.period else None


def milestones(assignment: Assignment) -> list[Milestone]:
    return [Milestone(assignment, a, i) for i, a in enumerate(assignment.activities)]


def window(
    rows: Sequence[Occurrence], today: date, days: int | None, *, include_delivered: bool
) -> list[Occurrence]:
    """Overdue (any age) and upcoming within `days`; `days=None` means no upper bound."""
    selected = []
    for occ in rows:
        state = occ.state(today)
        if state in (State.DELIVERED, State.CLOSED) and not include_delivered:
            continue
        if days is not None and occ.days_left(today) > days:
            continue
        selected.append(occ)
    return selected
