"""Working days: Monday to Friday, less the holidays the configuration lists.

Pure. The default interview day is the first working day *after* today (a
loop is planned ahead, so a plan made on Friday lands on Monday). A date
asked for explicitly is kept even on a weekend or holiday; :func:`why_not`
says why it is not a working day, and the command warns with it. A loop split
over several days (the candidate's ``accommodations.days``) takes that many
consecutive working days from the first.
"""

from __future__ import annotations

import datetime as dt

WEEKEND = (5, 6)  # Saturday, Sunday
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SEARCH = 366  # a year of holidays in a row is a configuration mistake, not a calendar


def why_not(day: dt.date, holidays=()) -> str | None:
    """Why ``day`` is not a working day (``a Saturday``, ``a holiday``), or None when it is one."""
    if day.weekday() in WEEKEND:
        return f"a {DAY_NAMES[day.weekday()]}"
    if day in set(holidays):
        return "a holiday in the configuration (schedule.holidays)"
    return None


def is_working_day(day: dt.date, holidays=()) -> bool:
    return why_not(day, holidays) is None


def next_working_day(after: dt.date, holidays=()) -> dt.date:
    """The first working day strictly after ``after``."""
    holidays = set(holidays)
    day = after
    for _ in range(_SEARCH):
        if day >= dt.date.max - dt.timedelta(days=1):  # the day after must exist for a loop to end
            raise ValueError(f"no working day after {after.isoformat()} in the calendar")
        day += dt.timedelta(days=1)
        if is_working_day(day, holidays):
            return day
    raise ValueError(f"no working day within a year after {after.isoformat()}; check schedule.holidays")


def working_days(first: dt.date, count: int, holidays=()) -> list[dt.date]:
    """``count`` days from ``first`` (kept even when not a working day: it was asked for), then the
    working days after it."""
    days = [first]
    while len(days) < count:
        days.append(next_working_day(days[-1], holidays))
    return days
