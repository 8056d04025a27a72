"""Interviewers' busy calendars: the iCalendar exports a pool points to with ``busy:``.

The command layer reads them here and hands ``plan.availability`` plain
:class:`~looptool.plan.availability.Busy` times for the days a plan may use.
Recurring events (RRULE, RDATE, EXDATE, moved occurrences) are expanded by the
``recurring-ical-events`` library, an optional extra (``pip install
'looptool[calendars]'``) imported only when a pool has a ``busy:`` file. It is
LGPL-3.0-or-later, used unmodified as a separate package, which the MIT
licence of looptool allows.

What counts as busy: every event, except those marked free (``TRANSP:
TRANSPARENT``) or cancelled (``STATUS:CANCELLED``). An all-day event makes
the whole day busy in the interviewer's zone; a time without a zone
("floating") is read in their zone too. A file that cannot be read or parsed
is a UsageError naming it (exit 2): a calendar that is silently skipped would
plan someone into a meeting.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from looptool.errors import UsageError
from looptool.plan.availability import Busy
from looptool.plan.zones import get_zone

EXTRA = "pip install 'looptool[calendars]'"


def busy_path(pool_file: str | None, busy: str) -> Path:
    """``busy`` relative to the folder of the pool file that names it."""
    path = Path(busy).expanduser()
    if path.is_absolute() or not pool_file:
        return path
    return Path(pool_file).parent / path


def read_busy(path: Path, timezone: str, first: dt.date, last: dt.date, *, who: str = "") -> tuple[Busy, ...]:
    """The busy times in ``path`` overlapping the days ``first`` .. ``last`` (inclusive) in zone
    ``timezone``, in time order."""
    where = f"{who}: busy calendar {path}" if who else f"busy calendar {path}"
    try:
        # deferred: an optional extra, needed only for pools with busy calendars
        import recurring_ical_events
    except ImportError:
        raise UsageError(f"{where}: reading busy calendars needs the recurring-ical-events package "
                         f"({EXTRA})") from None
    from icalendar import Calendar  # deferred with the rest of calendar reading

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"{where}: cannot read: {exc.strerror or exc}") from None
    zone = get_zone(timezone)
    try:
        calendar = Calendar.from_ical(raw)
        start = dt.datetime.combine(first, dt.time(), tzinfo=zone)
        end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), tzinfo=zone)
        events = recurring_ical_events.of(calendar).between(start, end)
        out = [_busy(event, zone) for event in events if _counts(event)]
    except UsageError:
        raise
    except Exception as exc:  # noqa: BLE001 - any parse failure in a foreign file is bad input
        raise UsageError(f"{where}: not a calendar looptool can read ({type(exc).__name__}: {exc})") from None
    return tuple(sorted((b for b in out if b is not None), key=lambda b: (b.start, b.end, b.what)))


def _counts(event) -> bool:
    transparent = str(event.get("TRANSP", "OPAQUE")).upper() == "TRANSPARENT"
    cancelled = str(event.get("STATUS", "")).upper() == "CANCELLED"
    return not transparent and not cancelled


def _busy(event, zone) -> Busy | None:
    start = _instant(event.get("DTSTART").dt, zone)
    if event.get("DTEND") is not None:
        end = _instant(event.get("DTEND").dt, zone)
    elif event.get("DURATION") is not None:
        end = start + event.get("DURATION").dt
    else:  # RFC 5545: a date lasts the day; a date-time without an end or duration lasts no time
        value = event.get("DTSTART").dt
        end = start + (dt.timedelta(days=1) if not isinstance(value, dt.datetime) else dt.timedelta())
    if end <= start:
        return None
    return Busy(start, end, str(event.get("SUMMARY", "")).strip())


def _instant(value, zone) -> dt.datetime:
    if not isinstance(value, dt.datetime):  # an all-day event: midnight in the interviewer's zone
        return dt.datetime.combine(value, dt.time(), tzinfo=zone)
    return value.replace(tzinfo=zone) if value.tzinfo is None else value
