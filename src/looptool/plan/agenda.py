"""The agenda: when each interview of a planned loop starts and ends.

Interviews run back to back in plan order from the start time, with a short
break between two interviews and one lunch break instead of the first short
break that falls once the day has run ``lunch_after`` minutes (counted from
the start, breaks included). There is never a break before the first
interview or after the last.

With a ``timezone`` (an IANA name) every start and end is an aware date-time
in that zone: the start is the wall-clock time there on the interview day,
and the day runs on in real elapsed time, so the zone database decides the
offsets, daylight saving included. Without one the times are naive
("floating") local times, as a library caller may still want.

The candidate's accommodations (``bank.candidate.Accommodations``) change the
day: ``extra_time`` multiplies every interview's length (rounded up to the
next 5 minutes, so a 45-minute interview at 1.5x takes 70), ``break_minutes``
is the shortest break between two interviews, ``latest_end`` is the latest
local time the day may end (an AgendaError when it cannot), and ``days``
splits the loop, in plan order, over that many days, the interviews shared so
that the longest day is as short as it can be; each day starts at ``start``.

Pure: :func:`schedule` returns a new Plan and never changes the one given.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import math

from looptool.bank.candidate import Accommodations
from looptool.plan.result import Break, Interview, Plan
from looptool.plan.zones import get_zone

DEFAULT_START = dt.time(9, 30)
ROUND_TO = 5  # extended interviews are rounded up to whole multiples of this many minutes


class AgendaError(ValueError):
    """Agenda settings that cannot make a day (the CLI reports it, exit 2)."""


def schedule(plan: Plan, start: dt.time = DEFAULT_START, day: dt.date | None = None,
             break_minutes: int | None = None, lunch_after: int | None = None,
             lunch_minutes: int | None = None, *, timezone: str | None = None,
             accommodations: Accommodations | None = None, days=None) -> Plan:
    """A copy of ``plan`` with times, breaks and the day(s) filled in.

    ``break_minutes``, ``lunch_after`` and ``lunch_minutes`` default to the
    loop template's ``break_minutes`` and ``lunch``; a template without
    ``lunch`` (or ``lunch_minutes=0``) gives a day without a lunch break.
    ``days``: the dates of a split loop (as many as ``accommodations.days``,
    the first being ``day``); by default the calendar days from ``day`` on.
    """
    template = plan.template
    extra = accommodations or Accommodations()
    break_minutes = template.break_minutes if break_minutes is None else break_minutes
    lunch_after = template.lunch_after if lunch_after is None else lunch_after
    lunch_minutes = template.lunch_minutes if lunch_minutes is None else lunch_minutes
    _check(start, day, break_minutes, lunch_after, lunch_minutes)
    if extra.break_minutes is not None:
        break_minutes = max(break_minutes, extra.break_minutes)
    zone = get_zone(timezone) if timezone else None
    count = max(1, extra.days)
    if count > len(plan.interviews):
        raise AgendaError(f"a loop of {len(plan.interviews)} interviews cannot be split over {count} days "
                          "(accommodations.days)")
    dates = list(days) if days is not None else [day + dt.timedelta(days=n) for n in range(count)]
    if len(dates) != count or dates[0] != day:
        raise AgendaError(f"a loop split over {count} days needs {count} dates from {day}, not {dates}")
    lengths = [extended(i.planned_minutes, extra.extra_time) for i in plan.interviews]
    interviews, breaks = [], []
    groups = split(lengths, count)
    for date, (first, last) in zip(dates, groups):
        _check(start, date, break_minutes, lunch_after, lunch_minutes)
        try:
            timed, pauses = _one_day(plan.interviews[first:last], lengths[first:last], start, date, zone,
                                     break_minutes, lunch_after, lunch_minutes)
        except OverflowError:  # a zone's offset takes the first or last day of the calendar out of it
            raise AgendaError(f"{date.isoformat()} in {timezone} is at the edge of the calendar; "
                              "choose another day") from None
        interviews += timed
        breaks += pauses
        _check_end(timed[-1].end, date, start, extra.latest_end)
    return dataclasses.replace(plan, interviews=interviews, breaks=breaks, day=day, days=dates,
                               timezone=timezone)


def extended(minutes: int, extra_time: float = 1.0) -> int:
    """An interview's length with extra time: ``minutes`` times ``extra_time``, rounded up to
    whole multiples of ROUND_TO minutes (never shorter than planned)."""
    if extra_time <= 1:
        return minutes
    return max(minutes, math.ceil(minutes * extra_time / ROUND_TO - 1e-9) * ROUND_TO)


def split(lengths: list[int], count: int) -> list[tuple[int, int]]:
    """``(first, last)`` index ranges cutting ``lengths`` (in order) into ``count`` non-empty days,
    the longest day as short as possible; ties go to the earlier cuts."""
    n = len(lengths)
    if count <= 1:
        return [(0, n)]
    best = None
    for cuts in itertools.combinations(range(1, n), count - 1):
        bounds = list(zip((0, *cuts), (*cuts, n)))
        longest = max(sum(lengths[a:b]) for a, b in bounds)
        if best is None or longest < best[0]:
            best = (longest, bounds)
    return best[1]


def _one_day(interviews, lengths, start, day, zone, break_minutes, lunch_after, lunch_minutes):
    first = dt.datetime.combine(day, start)
    if zone is not None:  # run the day in real elapsed time; show it in the zone
        first = first.replace(tzinfo=zone).astimezone(dt.timezone.utc)
    clock = first
    timed: list[Interview] = []
    breaks: list[Break] = []
    local = (lambda t: t.astimezone(zone)) if zone is not None else (lambda t: t)
    for position, (interview, minutes) in enumerate(zip(interviews, lengths)):
        if position:
            lunch = (not any(b.lunch for b in breaks) and lunch_after is not None and lunch_minutes > 0
                     and clock - first >= dt.timedelta(minutes=lunch_after))
            pause = dt.timedelta(minutes=lunch_minutes if lunch else break_minutes)
            if pause:
                breaks.append(Break(local(clock), local(clock + pause), lunch=lunch))
            clock += pause
        end = clock + dt.timedelta(minutes=minutes)
        timed.append(dataclasses.replace(interview, start=local(clock), end=local(end),
                                         minutes=None if minutes == interview.planned_minutes else minutes))
        clock = end
    return timed, breaks


def _check_end(end: dt.datetime, day: dt.date, start: dt.time, latest_end: str | None) -> None:
    midnight = dt.datetime.combine(day + dt.timedelta(days=1), dt.time())
    wall = end.replace(tzinfo=None)
    if wall.date() != day and wall != midnight:
        raise AgendaError(
            f"a loop starting at {start:%H:%M} would end at {wall:%H:%M} the next day; "
            f"start earlier or shorten the breaks")
    if latest_end is not None and wall > dt.datetime.combine(day, parse_time(latest_end)):
        raise AgendaError(
            f"the day of {day.isoformat()} would end at {wall:%H:%M}, after the candidate's latest end of "
            f"{latest_end} (accommodations.latest_end); start earlier, shorten the breaks or split the loop "
            "over more days (accommodations.days)")


MINUTES_PER_DAY = 24 * 60


def _check(start, day, break_minutes, lunch_after, lunch_minutes) -> None:
    if not isinstance(start, dt.time) or start.tzinfo is not None:
        raise AgendaError(f"the start must be a local time of day (HH:MM), not {start!r}")
    if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
        raise AgendaError(f"the interview day must be a date (YYYY-MM-DD), not {day!r}")
    minutes = {"break": break_minutes, "lunch": lunch_minutes, "lunch after": lunch_after}
    for name, value in minutes.items():
        if value is None and name == "lunch after":  # no lunch in this loop
            continue
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise AgendaError(f"{name}: expected a whole number of minutes (0 or more), not {value!r}")
        if value > MINUTES_PER_DAY:
            raise AgendaError(f"{name}: {value} minutes is more than a day (at most {MINUTES_PER_DAY})")
    if day == dt.date.max:  # the loop may end after midnight: the day after must exist
        raise AgendaError(f"the interview day must be before {dt.date.max.isoformat()}")


def parse_time(value: str) -> dt.time:
    """``HH:MM`` (24-hour) as a time, or an AgendaError naming the value."""
    try:
        hours, minutes = value.strip().split(":")
        if len(minutes) != 2 or not hours.isdigit() or not minutes.isdigit():
            raise ValueError
        return dt.time(int(hours), int(minutes))
    except ValueError:
        raise AgendaError(f"`{value}` is not a time of day (HH:MM, 24-hour)") from None


def first_start(plan: Plan) -> dt.datetime | None:
    return plan.interviews[0].start if plan.interviews else None


def last_end(plan: Plan) -> dt.datetime | None:
    return plan.interviews[-1].end if plan.interviews else None


def total_minutes(plan: Plan) -> int:
    """Length of the day from the first start to the last end, breaks included (of a split loop,
    the days added up)."""
    if not is_scheduled(plan):
        return 0
    total = 0
    for _, group in itertools.groupby(plan.interviews, key=lambda i: i.start.date()):
        group = list(group)
        total += elapsed(group[0].start, group[-1].end)
    return total


def elapsed(start: dt.datetime, end: dt.datetime) -> int:
    """Real minutes from ``start`` to ``end``: aware times are compared as instants, so a day that
    crosses a daylight-saving change counts the hour it gains or loses."""
    if start.tzinfo is not None and end.tzinfo is not None:
        start, end = start.astimezone(dt.timezone.utc), end.astimezone(dt.timezone.utc)
    return int((end - start).total_seconds() // 60)


def interview_minutes(plan: Plan) -> int:
    return sum(interview.duration_minutes for interview in plan.interviews)


def budget(plan: Plan) -> tuple[int, int | None]:
    """(minutes of interviews, the template's ``budget_minutes`` scaled by the candidate's extra
    time, or None when the template sets no budget): extra time stretches the budget with the
    interviews, so an accommodation never makes a loop read as over budget."""
    allowed = plan.template.budget_minutes
    if allowed is not None and plan.candidate is not None:
        allowed = extended(allowed, plan.candidate.accommodations.extra_time)
    return interview_minutes(plan), allowed


def is_scheduled(plan: Plan) -> bool:
    return plan.day is not None and all(i.start is not None and i.end is not None for i in plan.interviews)
