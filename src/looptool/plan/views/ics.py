"""The ics format: an iCalendar file with one event per interview.

Built with the ``icalendar`` library, which gets RFC 5545's line folding,
escaping and date-time forms right. Times are *floating* local times (no
time zone), as in the agenda: 09:30 is 09:30 wherever the calendar is opened.

Each event's UID is a hash of what the view's document says about the
interview (view, day, loop, role, number, type, start, interviewer and, in
the panel and interviewer views, the question and seed), so rendering the
same plan again gives the same UIDs and a calendar updates the events instead
of duplicating them. A candidate's UIDs hash only what the candidate's event
shows, so they cannot be matched against question ids. DTSTAMP is midnight UTC
of the interview day rather than the wall clock, to keep the output
reproducible.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from icalendar import Calendar, Event

from looptool.plan.views import document as d

PRODID = "-//looptool//looptool plan//EN"


def uid(doc: dict, item: dict) -> str:
    person = item["interviewer"] or {}
    key = [doc["view"], doc["date"], doc["loop"]["id"], (doc["role"] or {}).get("id"), doc.get("seed"),
           item["number"], item["type"], item.get("question"), item["start"],
           person.get("handle", person.get("name"))]
    digest = hashlib.sha256(json.dumps(key).encode("utf-8")).hexdigest()[:32]
    return f"{digest}@looptool"


def summary(doc: dict, item: dict) -> str:
    if doc["view"] == "candidate":
        return f"Interview: {item['kind']}"
    return f"{d.kind_label(item)}: {item['title']}"


def render(doc: dict) -> str:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", d.heading(doc))
    stamp = dt.datetime.combine(dt.date.fromisoformat(doc["date"]), dt.time(), tzinfo=dt.timezone.utc)
    for item in doc["interviews"]:
        event = Event()
        event.add("uid", uid(doc, item))
        event.add("dtstamp", stamp)
        event.add("dtstart", dt.datetime.fromisoformat(item["start"]))
        event.add("dtend", dt.datetime.fromisoformat(item["end"]))
        event.add("summary", summary(doc, item))
        event.add("description", "\n".join(d.plain_lines(doc, item)))
        calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")
