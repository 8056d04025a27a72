"""The ics format: an iCalendar file with one event per interview, ready to send as invitations.

Built with the ``icalendar`` library, which gets RFC 5545's line folding,
escaping and date-time forms right.

**Times.** In a loop with a time zone every DTSTART and DTEND carries a
``TZID`` and the calendar holds that zone's ``VTIMEZONE`` (its offsets and
daylight-saving rules, from the zone database), so a calendar anywhere shows
the right instant: a 09:30 London interview appears at 04:30 in New York. A
loop in UTC uses UTC times (``...Z``). A plan made without a zone (a library
caller's) still gets *floating* local times.

**People and place.** ORGANIZER is ``schedule.organizer`` from the
configuration; each event's ATTENDEEs are its lead and trainee, by the email
the pool gives them (the lead required, the trainee optional). Only the
candidate's copy (``--view candidate``) invites the candidate, by the email in
the candidate file, and it never lists the interviewers' addresses. LOCATION
is the lead's ``location`` from the pool, else ``schedule.location``; a link
is also the event's URL.

**Updates.** Each event's UID is a hash of the view, the loop, the role, the
candidate (their email, else their name; without a candidate file, the day)
and the interview's number, and nothing that a re-plan may change: planning
the candidate's loop again, at another time or with other questions or
interviewers, gives the same UIDs, so a calendar that imports the new file
updates the events instead of duplicating them. A candidate's UIDs hash
nothing from the questions. DTSTAMP is midnight UTC of the interview day
rather than the wall clock, to keep the output reproducible.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from icalendar import Calendar, Event, vCalAddress, vText

from looptool.plan.views import document as d
from looptool.plan.zones import get_zone

PRODID = "-//looptool//looptool plan//EN"


def uid(doc: dict, item: dict) -> str:
    candidate = doc.get("candidate") or {}
    who = candidate.get("email") or candidate.get("name") or doc["date"]
    key = [doc["view"], doc["loop"]["id"], (doc["role"] or {}).get("id"), who, item["number"]]
    digest = hashlib.sha256(json.dumps(key).encode("utf-8")).hexdigest()[:32]
    return f"{digest}@looptool"


def summary(doc: dict, item: dict) -> str:
    if doc["view"] == "candidate":
        return f"Interview: {item['kind']}"
    return f"{d.kind_label(item)}: {item['title']}"


def instant(value: str, timezone: str | None) -> dt.datetime:
    """An ISO date-time of the document as the calendar should hold it: in the loop's zone (so it
    gets a TZID), in UTC for UTC, or floating without a zone."""
    moment = dt.datetime.fromisoformat(value)
    if timezone is None or moment.tzinfo is None:
        return moment
    if timezone in ("UTC", "Etc/UTC"):
        return moment.astimezone(dt.timezone.utc)
    return moment.astimezone(get_zone(timezone))


def address(email: str, name: str | None = None, **params) -> vCalAddress:
    person = vCalAddress(f"mailto:{email}")
    if name:
        person.params["CN"] = vText(name)
    for key, value in params.items():
        person.params[key.upper().replace("_", "-")] = vText(value)
    return person


def attendees(doc: dict, item: dict) -> list[vCalAddress]:
    """Who the event invites: the lead and trainee by their pool emails; on the candidate's copy,
    the candidate only."""
    if doc["view"] == "candidate":
        candidate = doc.get("candidate") or {}
        if not candidate.get("email"):
            return []
        return [address(candidate["email"], candidate.get("name"), role="REQ-PARTICIPANT", partstat="NEEDS-ACTION",
                        rsvp="TRUE")]
    out = []
    for person, role in ((item["interviewer"], "REQ-PARTICIPANT"), (item.get("shadow"), "OPT-PARTICIPANT")):
        if person and person.get("email"):
            out.append(address(person["email"], person["name"], role=role, partstat="NEEDS-ACTION", rsvp="TRUE"))
    return out


def render(doc: dict) -> str:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    name = d.heading(doc) + (f" ({doc['for']})" if doc.get("for") else "")
    calendar.add("x-wr-calname", name)
    zone = doc.get("timezone")
    stamp = dt.datetime.combine(dt.date.fromisoformat(doc["date"]), dt.time(), tzinfo=dt.timezone.utc)
    for item in doc["interviews"]:
        event = Event()
        event.add("uid", uid(doc, item))
        event.add("dtstamp", stamp)
        event.add("dtstart", instant(item["start"], zone))
        event.add("dtend", instant(item["end"], zone))
        event.add("summary", summary(doc, item))
        event.add("description", "\n".join(d.plain_lines(doc, item)))
        if doc.get("organizer"):
            event.add("organizer", address(doc["organizer"]))
        for attendee in attendees(doc, item):
            event.add("attendee", attendee, encode=0)
        if item.get("location"):
            event.add("location", item["location"])
            if item["location"].startswith(("https://", "http://")):
                event.add("url", item["location"])
        calendar.add_component(event)
    if zone is not None:  # the zone's rules from a year before the loop to a year after it
        days = [dt.date.fromisoformat(day) for day in doc.get("dates") or [doc["date"]]]
        first, last = min(days), max(days)
        calendar.add_missing_timezones(first_date=first.replace(year=max(first.year - 1, 1), month=1, day=1),
                                       last_date=last.replace(year=min(last.year + 2, 9999), month=1, day=1))
    return calendar.to_ical().decode("utf-8")
