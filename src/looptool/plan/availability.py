"""When each interviewer can interview: their working hours, in their own zone, less the busy
times of their calendar.

Pure: the command layer reads the calendars (``commands.calendars``) and
passes an :class:`Availability` per handle; this module only compares times.

- **Working hours** are local to the interviewer (``timezone`` in the pool,
  else the loop's zone), ``09:00-18:00`` unless the pool or the configuration
  says otherwise. An interview that starts before them or ends after them is
  *outside working hours*: the interviewer is not given it, and when nobody
  else qualified is free the plan fails saying so rather than quietly booking
  someone at 04:30 their time.
- **Busy times** are the events of the interviewer's calendar export, recurring
  ones expanded. An interview that overlaps one (touching ends do not overlap)
  is never theirs.

:func:`looptool.plan.assign.staff` re-assigns the leads and trainees of a
scheduled plan within these limits; :func:`nearest` looks for
the nearest start at which the whole loop can be staffed: the same day first
(the times closest to the one asked for), then the following working days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from looptool.plan.zones import abbreviation, get_zone

DEFAULT_HOURS = "09:00-18:00"
STEP_MINUTES = 15  # how finely nearest() tries start times
EARLIEST, LATEST = dt.time(7, 0), dt.time(20, 0)  # the starts nearest() tries, in the loop's zone


@dataclass(frozen=True)
class Busy:
    """One busy stretch of an interviewer's calendar (aware date-times)."""

    start: dt.datetime
    end: dt.datetime
    what: str = ""  # the event's summary, for messages


@dataclass(frozen=True)
class Availability:
    timezone: str | None = None  # the interviewer's zone; None: the loop's
    hours: str = DEFAULT_HOURS  # "HH:MM-HH:MM" local to them; an end of 24:00 is midnight
    busy: tuple[Busy, ...] = ()


def parse_hours(text: str) -> tuple[dt.time, dt.time | None]:
    """``HH:MM-HH:MM`` as (start, end); an end of ``24:00`` is None (midnight). ValueError if bad."""
    first, _, last = text.partition("-")
    start = dt.time.fromisoformat(first.strip())
    end = None if last.strip() == "24:00" else dt.time.fromisoformat(last.strip())
    if end is not None and end <= start:
        raise ValueError(f"working hours `{text}` end before they start")
    return start, end


def conflict(available: Availability, start: dt.datetime, end: dt.datetime) -> str | None:
    """Why someone with ``available`` cannot take an interview from ``start`` to ``end`` (aware, or
    naive wall-clock times when the loop has no zone), or None when they can."""
    shown = start.tzinfo
    zone = get_zone(available.timezone) if available.timezone else shown
    local_start = start.astimezone(zone) if zone is not None and start.tzinfo else start
    local_end = end.astimezone(zone) if zone is not None and end.tzinfo else end
    opens, closes = parse_hours(available.hours)
    day = local_start.date()
    first = dt.datetime.combine(day, opens, tzinfo=local_start.tzinfo)
    last = dt.datetime.combine(day + dt.timedelta(days=1) if closes is None else day, closes or dt.time(),
                               tzinfo=local_start.tzinfo)
    if local_start < first or local_end > last:
        where = f" {available.timezone}" if available.timezone else ""
        return (f"outside working hours ({available.hours}{where}; the interview would be "
                f"{local_start:%H:%M}-{local_end:%H:%M} there)")
    for busy in available.busy:
        if start.tzinfo is None:  # a zoneless loop: compare wall-clock times
            b_start, b_end = busy.start.replace(tzinfo=None), busy.end.replace(tzinfo=None)
        else:
            b_start, b_end = busy.start, busy.end
        if b_start < end and start < b_end:
            return f"busy {_span(b_start, b_end, shown)}" + (f" ({busy.what})" if busy.what else "")
    return None


def _span(start: dt.datetime, end: dt.datetime, zone) -> str:
    if zone is not None and start.tzinfo is not None:
        start, end = start.astimezone(zone), end.astimezone(zone)
    label = f" {abbreviation(start)}" if start.tzinfo is not None else ""
    if start.date() != end.date():
        return f"{start:%Y-%m-%d %H:%M} to {end:%Y-%m-%d %H:%M}{label}"
    return f"{start:%Y-%m-%d %H:%M}-{end:%H:%M}{label}"


def starts(day: dt.date, start: dt.time, later_days) -> list[tuple[dt.date, dt.time]]:
    """The (day, start) pairs :func:`nearest` tries, in order: ``day`` at the times closest to
    ``start`` (earlier before later on a tie), then each of ``later_days`` the same way."""
    times = []
    minute = EARLIEST.hour * 60 + EARLIEST.minute
    while minute <= LATEST.hour * 60 + LATEST.minute:
        times.append(dt.time(*divmod(minute, 60)))
        minute += STEP_MINUTES
    asked = start.hour * 60 + start.minute
    ordered = sorted(times, key=lambda t: (abs(t.hour * 60 + t.minute - asked), t))
    return [(d, t) for d in (day, *later_days) for t in ordered if (d, t) != (day, start)]


def nearest(try_at, day: dt.date, start: dt.time, later_days):
    """The first (day, start, plan) for which ``try_at(day, start)`` gives a staffed plan (it
    returns None when it cannot), in the order of :func:`starts`; None when nothing fits."""
    for when, at in starts(day, start, later_days):
        plan = try_at(when, at)
        if plan is not None:
            return when, at, plan
    return None
