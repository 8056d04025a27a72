"""The agenda: when each interview of a planned loop starts and ends.

Interviews run back to back in plan order from the start time, with a short
break between two interviews and one lunch break instead of the first short
break that falls once the day has run ``lunch_after`` minutes (counted from
the start, breaks included). There is never a break before the first
interview or after the last. Times are timezone-naive local times on the
interview day: the candidate and the panel read them as wall-clock times
wherever they are.

Pure: :func:`schedule` returns a new Plan and never changes the one given.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from looptool.plan.result import Break, Plan

DEFAULT_START = dt.time(9, 30)


class AgendaError(ValueError):
    """Agenda settings that cannot make a day (the CLI reports it, exit 2)."""


def schedule(plan: Plan, start: dt.time = DEFAULT_START, day: dt.date | None = None,
             break_minutes: int | None = None, lunch_after: int | None = None,
             lunch_minutes: int | None = None) -> Plan:
    """A copy of ``plan`` with times, breaks and the day filled in.

    ``break_minutes``, ``lunch_after`` and ``lunch_minutes`` default to the
    loop template's ``break_minutes`` and ``lunch``; a template without
    ``lunch`` (or ``lunch_minutes=0``) gives a day without a lunch break.
    """
    template = plan.template
    break_minutes = template.break_minutes if break_minutes is None else break_minutes
    lunch_after = template.lunch_after if lunch_after is None else lunch_after
    lunch_minutes = template.lunch_minutes if lunch_minutes is None else lunch_minutes
    _check(start, day, break_minutes, lunch_after, lunch_minutes)

    first = dt.datetime.combine(day, start)
    clock = first
    interviews, breaks = [], []
    for position, interview in enumerate(plan.interviews):
        if position:
            lunch = (not any(b.lunch for b in breaks) and lunch_after is not None and lunch_minutes > 0
                     and clock - first >= dt.timedelta(minutes=lunch_after))
            pause = dt.timedelta(minutes=lunch_minutes if lunch else break_minutes)
            if pause:
                breaks.append(Break(clock, clock + pause, lunch=lunch))
            clock += pause
        end = clock + dt.timedelta(minutes=interview.duration_minutes)
        interviews.append(dataclasses.replace(interview, start=clock, end=end))
        clock = end
    if clock.date() != day and clock != dt.datetime.combine(day + dt.timedelta(days=1), dt.time()):
        raise AgendaError(
            f"a loop starting at {start:%H:%M} would end at {clock:%H:%M} the next day; "
            f"start earlier or shorten the breaks")
    return dataclasses.replace(plan, interviews=interviews, breaks=breaks, day=day)


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
    """Length of the day from the first start to the last end, breaks included."""
    start, end = first_start(plan), last_end(plan)
    if start is None or end is None:
        return 0
    return int((end - start).total_seconds() // 60)


def interview_minutes(plan: Plan) -> int:
    return sum(interview.duration_minutes for interview in plan.interviews)


def is_scheduled(plan: Plan) -> bool:
    return plan.day is not None and all(i.start is not None and i.end is not None for i in plan.interviews)
