"""Swedish working days, holiday names and the planning date of a deadline. Pure."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import date, timedelta
from enum import StrEnum
from types import MappingProxyType

_ONE_DAY = timedelta(days=1)
_WEEKEND_NAMES = MappingProxyType({5: "lördag", 6: "söndag"})


class HolidayRule(StrEnum):
    """Which date to plan for when a deadline falls on a non-working day (`helgregel`)."""

    PREVIOUS = "föregående"  # the last working day before it: deliver early
    KEEP = "behåll"  # the date as decided
    NEXT = "nästa"  # the next working day


@functools.lru_cache(maxsize=64)
def _holidays(year: int) -> Mapping[date, str]:
    """Public and de facto holidays of one year, with Swedish names.

    `holidays` covers Sweden 1953–2100; outside those years this is empty and only weekends
    count as non-working. Sundays are left out here (include_sundays=False) because every
    weekend is handled by weekday; DE_FACTO adds midsommarafton, julafton and nyårsafton.
    """
    import holidays  # lazy: keeps `import uppdragskoll.workdays` and `uppdrag --help` cheap

    table = holidays.country_holidays(
        "SE",
        years=year,
        categories=(holidays.PUBLIC, holidays.DE_FACTO),
        include_sundays=False,
        language="sv",
    )
    # A plain dict: HolidayBase would quietly add other years on lookup.
    return MappingProxyType({day: str(name) for day, name in table.items()})


def holiday_name(d: date) -> str | None:
    """The holiday's Swedish name ("Midsommarafton"), else "lördag"/"söndag", else None."""
    return _holidays(d.year).get(d) or _WEEKEND_NAMES.get(d.weekday())


def is_working_day(d: date) -> bool:
    """Monday to Friday and not a public or de facto holiday."""
    return d.weekday() < 5 and d not in _holidays(d.year)


def last_working_day_on_or_before(d: date) -> date:
    """`d` itself if it is a working day, else the working day before it: `sista arbetsdag`."""
    while not is_working_day(d):
        d -= _ONE_DAY
    return d


def last_working_day_before(d: date) -> date:
    """The last working day strictly before `d`, even if `d` is one (the day before delivery)."""
    return last_working_day_on_or_before(d - _ONE_DAY)


def next_working_day_on_or_after(d: date) -> date:
    """`d` itself if it is a working day, else the first working day after it."""
    while not is_working_day(d):
        d += _ONE_DAY
    return d


def planning_target(d: date, rule: HolidayRule = HolidayRule.PREVIOUS) -> date:
    """The date to plan for. The deadline itself never moves (Lag 1930:173 does not apply)."""
    if rule is HolidayRule.PREVIOUS:
        return last_working_day_on_or_before(d)
    if rule is HolidayRule.NEXT:
        return next_working_day_on_or_after(d)
    return d
