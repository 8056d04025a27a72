"""Time zones: IANA names checked against the zone database, and instants shown in a zone.

Pure. Every zone is a :class:`zoneinfo.ZoneInfo`, so daylight-saving changes
come from the zone database, never from fixed offsets: 09:30 in
Europe/London is 08:30 UTC in June and 09:30 UTC in December. An unknown
name is a :class:`ZoneError` that says what was expected and, where a known
name is close, which one was meant. Python reads the system's zone database;
where a system has none (some Windows and container images), installing the
``tzdata`` package provides it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import zoneinfo
from functools import cache

UTC = "UTC"


class ZoneError(ValueError):
    """A time zone name the zone database does not know (the CLI reports it, exit 2)."""


@cache
def known_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def get_zone(name: str) -> zoneinfo.ZoneInfo:
    """The zone called ``name`` (an IANA name such as ``Europe/London``), or a ZoneError."""
    if not isinstance(name, str) or not name.strip():
        raise ZoneError(f"`{name}` is not a time zone (an IANA name such as Europe/London)")
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        pass
    zones = known_zones()
    if not zones:
        raise ZoneError(f"unknown time zone `{name}`: this system has no time zone database "
                        "(install the tzdata package)")
    lowered = {zone.lower(): zone for zone in zones}
    hint = lowered.get(name.lower()) or next(iter(difflib.get_close_matches(name, sorted(zones), n=1)), None)
    more = f"; did you mean `{hint}`?" if hint else ""
    raise ZoneError(f"unknown time zone `{name}` (expected an IANA name such as Europe/London or "
                    f"America/New_York){more}")


def zone_name(zone: dt.tzinfo | None) -> str | None:
    return getattr(zone, "key", None) if zone is not None else None


def abbreviation(instant: dt.datetime) -> str:
    """The zone's short name at ``instant`` (BST, EDT, +0530 where the database has none)."""
    name = instant.tzname() or ""
    if name and not name[0] in "+-":
        return name
    offset = instant.utcoffset() or dt.timedelta()
    sign = "-" if offset < dt.timedelta() else "+"
    minutes = abs(int(offset.total_seconds() // 60))
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"
