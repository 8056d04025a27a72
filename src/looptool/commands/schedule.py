"""When and where a planned loop happens: the command layer's part of scheduling.

``looptool plan`` calls :func:`arrange` with the planned loop. It decides
the loop's time zone (``--timezone``, else ``schedule.timezone`` in the
configuration, else the system's zone, else UTC), the day (``--date``, else
the first working day after today; a weekend or configured holiday asked for
with ``--date`` is kept and warned about), reads the candidate's
accommodations and the interviewers' busy calendars (``commands.calendars``),
schedules the day(s) (``plan.agenda``) and re-assigns interviewers so that
each is free and within working hours (``plan.assign.staff``). When that
cannot be done it says who is busy when and the nearest start at which the
whole loop fits (``plan.availability.nearest``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path

from looptool.bank.candidate import Candidate
from looptool.errors import UsageError
from looptool.plan import agenda, workdays
from looptool.plan.assign import AssignError, staff
from looptool.plan.availability import DEFAULT_HOURS, Availability, nearest, parse_hours
from looptool.plan.result import Plan
from looptool.plan.zones import UTC, ZoneError, get_zone, known_zones

CANDIDATE_DAY = (dt.time(8, 0), dt.time(20, 0))  # outside this, in their zone, the panel is told
SEARCH_DAYS = 10  # working days after the asked-for one that a suggestion may use
ZONEINFO = "zoneinfo/"


def system_zone(environ=None, localtime: Path = Path("/etc/localtime"),
                timezone_file: Path = Path("/etc/timezone")) -> str:
    """The system's IANA zone: ``TZ`` when it names one, else where ``/etc/localtime`` links to,
    else ``/etc/timezone``, else UTC (a fixed offset is no zone a calendar can use)."""
    environ = os.environ if environ is None else environ
    names = [environ.get("TZ", "").lstrip(":")]
    try:
        target = os.path.realpath(localtime)
        if ZONEINFO in target:
            names.append(target.split(ZONEINFO, 1)[1])
    except OSError:
        pass
    try:
        names.append(timezone_file.read_text(encoding="utf-8").strip())
    except (OSError, UnicodeDecodeError):
        pass
    for name in names:
        if name and name in known_zones():
            return name
    return UTC


def loop_zone(option: str | None, settings) -> str:
    if option is None:
        return settings.schedule.get("timezone") or system_zone()
    try:
        get_zone(option)
    except ZoneError as exc:
        raise UsageError(f"--timezone: {exc}") from None
    return option


def interview_day(asked: dt.date | None, today: dt.date, holidays) -> tuple[dt.date, str | None]:
    """``--date`` as given (with a warning when it is no working day), else the next working day."""
    if asked is None:
        try:
            return workdays.next_working_day(today, holidays), None
        except ValueError as exc:
            raise UsageError(f"--today {today.isoformat()}: {exc}; give --date") from None
    why = workdays.why_not(asked, holidays)
    return asked, (f"--date {asked.isoformat()} is {why}; the loop is planned for that day as asked"
                   if why else None)


def check_candidate(candidate: Candidate) -> None:
    if candidate.timezone:
        try:
            get_zone(candidate.timezone)
        except ZoneError as exc:
            raise UsageError(f"--candidate {candidate.file}: timezone: {exc}") from None


def availability(pool, settings, first: dt.date, last: dt.date, zone: str = UTC) -> dict[str, Availability]:
    """Handle -> working hours and busy times, for each interviewer of ``pool`` (UsageError naming
    the pool file and line for a bad zone, hours or calendar); ``zone``, the loop's, is theirs
    unless the pool gives them one."""
    from looptool.commands.calendars import busy_path, read_busy  # deferred: calendar parsing

    default_hours = settings.schedule.get("working-hours", DEFAULT_HOURS)
    out = {}
    for person in pool:
        where = _where(person)
        try:
            if person.timezone:
                get_zone(person.timezone)
            hours = person.working_hours or default_hours
            parse_hours(hours)
        except (ZoneError, ValueError) as exc:
            raise UsageError(f"--interviewers {where}: {person.handle}: {exc}") from None
        busy = ()
        if person.busy:
            file = person.origin.file if person.origin else None
            since = max(first, dt.date.min + dt.timedelta(days=1)) - dt.timedelta(days=1)
            busy = read_busy(busy_path(file, person.busy), person.timezone or zone, since,
                             last + dt.timedelta(days=1), who=f"--interviewers {where}: {person.handle}")
        out[person.handle] = Availability(person.timezone, hours, busy)
    return out


def _where(person) -> str:
    if person.origin is None:
        return person.handle
    line, column = person.origin.locate()
    return f"{person.origin.file}:{line}:{column}"


def arrange(plan: Plan, *, start: dt.time, day: dt.date | None, today: dt.date, timezone: str | None,
            settings, candidate: Candidate, pool=None, break_minutes=None, lunch_after=None,
            lunch_minutes=None, warn=lambda message: None) -> Plan:
    """The planned loop scheduled in its zone, on its day(s), with free interviewers."""
    check_candidate(candidate)
    zone = loop_zone(timezone, settings)
    holidays = settings.schedule.get("holidays", [])
    first, odd_day = interview_day(day, today, holidays)
    notices = [odd_day] if odd_day else []
    extra = candidate.accommodations

    def at(when: dt.date, time: dt.time) -> Plan:
        try:
            days = workdays.working_days(when, extra.days, holidays)
        except ValueError as exc:
            raise agenda.AgendaError(f"a loop split over {extra.days} days: {exc}") from None
        return agenda.schedule(plan, time, when, break_minutes, lunch_after, lunch_minutes, timezone=zone,
                               accommodations=extra, days=days)

    try:
        scheduled = at(first, start)
    except (agenda.AgendaError, ZoneError) as exc:
        raise UsageError(str(exc)) from None
    if pool:
        later = _later_days(first, holidays)
        horizon = (later or [first])[-1]
        horizon = min(horizon, dt.date.max - dt.timedelta(days=16)) + dt.timedelta(days=14)
        free = availability(pool, settings, first, horizon, zone)
        try:
            scheduled = staff(scheduled, pool, free)
        except AssignError as exc:
            raise _with_suggestion(exc, lambda d, t: _try(at, d, t, pool, free), first, start, later) from None
    notices += _candidate_hours(scheduled, candidate)
    used, allowed = agenda.budget(dataclasses.replace(scheduled, candidate=candidate))
    if allowed is not None and used > allowed:
        notices.append(f"the interviews take {used} minutes, over the {allowed}-minute budget")
    for notice in notices:
        warn(notice)
    return dataclasses.replace(scheduled, candidate=candidate, notices=notices,
                               organizer=settings.schedule.get("organizer"),
                               location=settings.schedule.get("location"))


def _candidate_hours(plan: Plan, candidate: Candidate) -> list[str]:
    """A note when the candidate's local day starts before 08:00 or ends after 20:00."""
    if not candidate.timezone or candidate.timezone == plan.timezone or not plan.interviews:
        return []
    zone = get_zone(candidate.timezone)
    start, end = plan.interviews[0].start.astimezone(zone), plan.interviews[-1].end.astimezone(zone)
    opens, closes = CANDIDATE_DAY
    if start.time() >= opens and end.time() <= closes and start.date() == end.date():
        return []
    return [f"the candidate's day runs {start:%H:%M}-{end:%H:%M} {candidate.timezone} time, outside "
            f"{opens:%H:%M}-{closes:%H:%M} there; consider a later --start"]


def _later_days(first: dt.date, holidays) -> list[dt.date]:
    """The working days after ``first`` a suggestion may use (fewer at the end of the calendar)."""
    days = [first]
    for _ in range(SEARCH_DAYS):
        try:
            days.append(workdays.next_working_day(days[-1], holidays))
        except ValueError:
            break
    return days[1:]


def _try(at, when, time, pool, free):
    try:
        return staff(at(when, time), pool, free)
    except (agenda.AgendaError, AssignError):
        return None


def _with_suggestion(exc: AssignError, try_at, first: dt.date, start: dt.time, later) -> AssignError:
    found = nearest(try_at, first, start, later)
    if found is None:
        tail = (f"; no start between 07:00 and 20:00 on {first.isoformat()} or the next {len(later)} working "
                "days fits everyone")
    else:
        when, time, _ = found
        same = "the same day" if when == first else f"{workdays.DAY_NAMES[when.weekday()]} {when.isoformat()}"
        tail = (f"; the nearest time the whole loop fits is {time:%H:%M} on {same} "
                f"(--date {when.isoformat()} --start {time:%H:%M})")
    exc.args = (exc.args[0] + tail,)
    return exc
