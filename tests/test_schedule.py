"""Scheduling for remote loops and real calendars: time zones, working days, interviewers' hours
and busy calendars, invitations, accommodations and the agenda at 80 columns.

Every zone and date is given explicitly (conftest pins TZ=UTC for the system default), and every
calendar the tool writes is parsed back with icalendar."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml
from icalendar import Calendar

from looptool.bank.candidate import Accommodations, Candidate
from looptool.plan import agenda, workdays
from looptool.plan.assign import AssignError, assign
from looptool.plan.availability import Availability, Busy, conflict, nearest, parse_hours, starts
from looptool.plan.views import render_plan
from looptool.plan.zones import ZoneError, get_zone

from conftest import REPO, TODAY
from handplans import hand_plan
from test_assign import interview, person

POOL = REPO / "loops" / "interviewers.example.yaml"
LONDON, NEW_YORK = ZoneInfo("Europe/London"), ZoneInfo("America/New_York")
UTC = dt.timezone.utc
BST_DAY = "2026-06-10"  # a Wednesday in British Summer Time (New York on EDT: 5 hours behind)
GAP_DAY = "2026-10-28"  # a Wednesday after London left summer time (25 Oct) but before New York (1 Nov): 4 hours


def events(text: str) -> list:
    return [c for c in Calendar.from_ical(text).walk() if c.name == "VEVENT"]


def write_candidate(tmp_path, **fields) -> Path:
    path = tmp_path / "candidate.yaml"
    path.write_text(yaml.safe_dump(fields), encoding="utf-8")
    return path


def pool_file(tmp_path, changes: dict, only=None) -> Path:
    """The example pool with ``changes`` (handle -> fields) applied (``only``: keep those handles)."""
    data = yaml.safe_load(POOL.read_text(encoding="utf-8"))
    people = [p for p in data["interviewers"] if only is None or p["handle"] in only]
    for entry in people:
        entry.update(changes.get(entry["handle"], {}))
        for key in [k for k, v in entry.items() if v is None]:
            del entry[key]
    path = tmp_path / "pool.yaml"
    path.write_text(yaml.safe_dump({"interviewers": people}, sort_keys=False), encoding="utf-8")
    return path


WEEKLY = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//busy//EN
BEGIN:VEVENT
UID:weekly-sync@test
DTSTAMP:20260101T000000Z
DTSTART;TZID=Europe/London:{start}
DTEND;TZID=Europe/London:{end}
RRULE:FREQ=WEEKLY;BYDAY=WE
SUMMARY:Weekly sync
END:VEVENT
BEGIN:VEVENT
UID:lunch-free@test
DTSTAMP:20260101T000000Z
DTSTART;TZID=Europe/London:20260610T090000
DTEND;TZID=Europe/London:20260610T180000
TRANSP:TRANSPARENT
SUMMARY:Marked free: never busy
END:VEVENT
END:VCALENDAR
"""


def busy_file(tmp_path, start="20260107T160000", end="20260107T170000", name="busy.ics") -> Path:
    path = tmp_path / name
    path.write_text(WEEKLY.format(start=start, end=end).replace("\n", "\r\n"), encoding="utf-8")
    return path


# -- zones ------------------------------------------------------------------------------------------


def test_an_unknown_zone_is_a_clear_error_with_a_hint():
    assert get_zone("Europe/London").key == "Europe/London"
    with pytest.raises(ZoneError, match="unknown time zone `Europe/Lodnon`.*did you mean `Europe/London`"):
        get_zone("Europe/Lodnon")
    with pytest.raises(ZoneError, match="did you mean `America/New_York`"):
        get_zone("america/new_york")


def test_the_cli_names_a_bad_zone(cli, tmp_path):
    run = cli("plan", "--level", "junior", "--today", TODAY, "--timezone", "Mars/Olympus")
    assert run.code == 2 and "--timezone: unknown time zone `Mars/Olympus`" in run.err
    bad = write_candidate(tmp_path, timezone="Europe/Londn")
    run = cli("plan", "--level", "junior", "--today", TODAY, "--timezone", "UTC", "--candidate", bad)
    assert run.code == 2 and f"--candidate {bad}: timezone: unknown time zone" in run.err
    pool = pool_file(tmp_path, {"fmensah": {"timezone": "Nowhere/Town"}})
    run = cli("plan", "--level", "junior", "--today", TODAY, "--timezone", "UTC", "--interviewers", pool)
    assert run.code == 2 and re.search(rf"--interviewers {re.escape(str(pool))}:\d+:\d+: fmensah: unknown time zone",
                                       run.err)


def test_the_system_zone_is_the_default_and_tz_names_it(cli, monkeypatch):
    from looptool.commands.schedule import system_zone

    assert system_zone({"TZ": "Asia/Kolkata"}) == "Asia/Kolkata"
    assert system_zone({"TZ": "Not/AZone"}, localtime=Path("/nonexistent"), timezone_file=Path("/nonexistent")) == "UTC"
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    doc = json.loads(cli("plan", "--level", "junior", "--today", TODAY, "--format", "json").out)
    assert doc["timezone"] == "Asia/Tokyo" and doc["start"].endswith("T09:30+09:00")


def _loop(cli, tmp_path, day, *extra):
    candidate = write_candidate(tmp_path, name="Sam Rivera", email="sam@example.org", timezone="America/New_York")
    args = ("plan", "--level", "senior", "--role", "mlops", "--interviewers", POOL, "--date", day,
            "--timezone", "Europe/London", "--candidate", candidate, *extra)
    return {view: cli(*args, "--view", view, "--format", fmt)
            for view in ("panel", "interviewer", "candidate") for fmt in ("ics",)}, args


@pytest.mark.parametrize("day, hours_apart", [(BST_DAY, 5), (GAP_DAY, 4)], ids=["summer-time", "across-dst"])
def test_a_london_loop_with_a_new_york_candidate_has_the_right_instants(cli, tmp_path, day, hours_apart):
    runs, args = _loop(cli, tmp_path, day)
    first = dt.datetime.combine(dt.date.fromisoformat(day), dt.time(9, 30), tzinfo=LONDON)
    for view, run in runs.items():
        assert run.code == 0, run.err
        calendar = Calendar.from_ical(run.out)
        assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
        found = events(run.out)
        start = found[0].decoded("dtstart")
        assert found[0]["dtstart"].params["TZID"] == "Europe/London"
        assert start == first  # the same instant, whatever zone reads it
        assert start.astimezone(UTC).hour == (8 if day == BST_DAY else 9)
        in_new_york = start.astimezone(NEW_YORK)
        assert (in_new_york.hour, in_new_york.minute) == (9 - hours_apart, 30)
    doc = json.loads(cli(*args, "--view", "candidate", "--format", "json").out)
    assert doc["timezone"] == "Europe/London"
    assert doc["interviews"][0]["candidate_time"] == {
        "timezone": "America/New_York", "start": f"{day}T0{9 - hours_apart}:30-04:00",
        "end": f"{day}T{10 - hours_apart:02d}:15-04:00"}
    first_break = doc["breaks"][0]
    assert first_break["candidate_time"]["timezone"] == "America/New_York"
    assert first_break["candidate_time"]["start"] == doc["interviews"][0]["candidate_time"]["end"]
    text = cli(*args, "--view", "candidate").out
    assert "Europe/London time" in text and "Your local time (America/New_York)" in text
    assert f"10:15-10:25   {10 - hours_apart:02d}:15-{10 - hours_apart:02d}:25   Break (10 min)" in text
    assert f"09:30-10:15   0{9 - hours_apart}:30-{10 - hours_apart:02d}:15" in text
    markdown = cli(*args, "--view", "panel", "--format", "markdown").out
    assert "Europe/London time" in markdown and f"cand. 0{9 - hours_apart}:30" in markdown
    assert f"the candidate's day runs 0{9 - hours_apart}:30-" in markdown  # too early for them: said
    assert "the candidate's day runs" in cli(*args, "--view", "panel").err


def test_a_loop_on_the_day_the_clocks_change_runs_in_real_time():
    # London springs forward at 01:00 UTC on 29 March 2026: a loop from 00:30 runs through the gap
    plan = agenda.schedule(hand_plan("junior"), dt.time(0, 30), dt.date(2026, 3, 29), 0, lunch_minutes=0,
                           timezone="Europe/London")
    first, second = plan.interviews[:2]
    assert first.start.utcoffset() == dt.timedelta(0) and second.start.utcoffset() == dt.timedelta(hours=1)
    assert agenda.elapsed(first.start, first.end) == first.duration_minutes  # real minutes, not wall-clock
    assert first.end.astimezone(UTC) == second.start.astimezone(UTC)
    assert agenda.total_minutes(plan) == sum(i.duration_minutes for i in plan.interviews)


# -- working days ----------------------------------------------------------------------------------


def test_working_days():
    friday, saturday = dt.date(2026, 11, 27), dt.date(2026, 11, 28)
    assert workdays.next_working_day(friday) == dt.date(2026, 11, 30)
    assert workdays.next_working_day(saturday) == dt.date(2026, 11, 30)
    assert workdays.next_working_day(friday, [dt.date(2026, 11, 30)]) == dt.date(2026, 12, 1)
    assert workdays.why_not(saturday) == "a Saturday" and workdays.why_not(friday) is None
    assert workdays.working_days(friday, 3) == [friday, dt.date(2026, 11, 30), dt.date(2026, 12, 1)]


def test_the_default_day_is_the_next_working_day(cli, tmp_path):
    def day(*args):
        run = cli("plan", "--level", "junior", "--format", "json", "--timezone", "UTC", *args)
        assert run.code == 0, run.err
        return json.loads(run.out)["date"], run.err

    assert day("--today", "2026-11-27") == ("2026-11-30", "")  # Friday -> Monday
    assert day("--today", "2026-11-28") == ("2026-11-30", "")  # Saturday -> Monday
    assert day("--today", "2026-11-30") == ("2026-12-01", "")  # Monday -> Tuesday: a loop is planned ahead


def test_a_saturday_date_is_kept_with_a_warning(cli):
    run = cli("plan", "--level", "junior", "--today", TODAY, "--timezone", "UTC", "--date", "2026-12-12",
              "--format", "json")
    assert run.code == 0
    assert "warning: --date 2026-12-12 is a Saturday; the loop is planned for that day as asked" in run.err
    doc = json.loads(run.out)
    assert doc["date"] == "2026-12-12" and any("Saturday" in n for n in doc["notices"])
    assert "Note: --date 2026-12-12 is a Saturday" in cli("plan", "--level", "junior", "--timezone", "UTC",
                                                           "--date", "2026-12-12").out


def bank_copy(tmp_path) -> Path:
    """The bundled bank in a folder of its own, where a looptool.toml beside it is its config."""
    bank = tmp_path / "bank"
    for item in (REPO / "loops").rglob("*.yaml"):
        if item.name != "interviewers.example.yaml":
            target = bank / item.relative_to(REPO / "loops")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(item.read_text(encoding="utf-8"), encoding="utf-8")
    return bank


def test_configured_holidays_and_zone(cli, tmp_path):
    bank = bank_copy(tmp_path)
    (bank / "looptool.toml").write_text('[schedule]\ntimezone = "Europe/Paris"\nholidays = ["2026-11-30"]\n'
                                        'location = "Room 4"\norganizer = "hiring@example.com"\n', encoding="utf-8")
    run = cli("plan", "--bank", bank, "--level", "junior", "--today", "2026-11-27", "--format", "json")
    assert run.code == 0, run.err
    doc = json.loads(run.out)
    assert doc["date"] == "2026-12-01" and doc["timezone"] == "Europe/Paris" and doc["start"].endswith("+01:00")
    assert doc["location"] == "Room 4" and doc["organizer"] == "hiring@example.com"
    run = cli("plan", "--bank", bank, "--level", "junior", "--date", "2026-11-30", "--format", "json")
    assert "2026-11-30 is a holiday in the configuration" in run.err
    (bank / "looptool.toml").write_text('[schedule]\ntimezone = "Europe/Pari"\n', encoding="utf-8")
    run = cli("plan", "--bank", bank, "--level", "junior", "--today", TODAY)
    assert run.code == 2 and "`schedule.timezone`: unknown time zone `Europe/Pari`" in run.err
    (bank / "looptool.toml").write_text('[schedule]\nworking_hours = "9-5"\n', encoding="utf-8")
    run = cli("plan", "--bank", bank, "--level", "junior", "--today", TODAY)
    assert run.code == 2 and "unknown key `schedule.working_hours`" in run.err


# -- availability ----------------------------------------------------------------------------------


def at(day, hour, minute=0, zone=LONDON):
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour, minute), tzinfo=zone)


def test_working_hours_are_local_to_the_interviewer():
    assert parse_hours("09:00-18:00") == (dt.time(9), dt.time(18)) and parse_hours("20:00-24:00")[1] is None
    with pytest.raises(ValueError):
        parse_hours("18:00-09:00")
    new_yorker = Availability("America/New_York")
    assert "outside working hours (09:00-18:00 America/New_York; the interview would be 04:30-05:15 there)" == \
        conflict(new_yorker, at(BST_DAY, 9, 30), at(BST_DAY, 10, 15))
    assert conflict(new_yorker, at(BST_DAY, 14), at(BST_DAY, 15)) is None
    assert conflict(Availability(), at(BST_DAY, 17, 30), at(BST_DAY, 18, 15)).startswith("outside working hours")


def test_busy_times_block_overlapping_interviews_only():
    meeting = Busy(at(BST_DAY, 10), at(BST_DAY, 11), "Design review")
    free = Availability(busy=(meeting,))
    assert conflict(free, at(BST_DAY, 9), at(BST_DAY, 10)) is None  # touching is not overlapping
    assert conflict(free, at(BST_DAY, 10, 45), at(BST_DAY, 11, 30)) == "busy 2026-06-10 10:00-11:00 BST (Design review)"


def test_assignment_skips_busy_people_and_names_them_when_nobody_is_free():
    loop = [interview(1), interview(2)]
    for number, item in enumerate(loop):
        item.start, item.end = at(BST_DAY, 10 + number), at(BST_DAY, 10 + number, 45)
    pool = [person("ana"), person("ben")]
    away = {"ana": Availability(busy=(Busy(at(BST_DAY, 10), at(BST_DAY, 10, 30), "1:1"),))}
    assert [lead.handle for lead, _ in assign(loop, pool, "senior", availability=away)] == ["ben", "ana"]
    away["ben"] = Availability("Asia/Tokyo")
    with pytest.raises(AssignError) as caught:
        assign(loop, pool, "senior", availability=away)
    message = str(caught.value)
    assert "no qualified interviewer for slot 1" in message and "not free then" in message
    assert "ana is busy 2026-06-10 10:00-10:30 BST (1:1)" in message
    assert "ben is outside working hours (09:00-18:00 Asia/Tokyo" in message


def test_nearest_tries_the_same_day_first_closest_to_the_asked_time():
    day, later = dt.date(2026, 6, 10), [dt.date(2026, 6, 11)]
    order = starts(day, dt.time(9, 30), later)
    assert order[:3] == [(day, dt.time(9, 15)), (day, dt.time(9, 45)), (day, dt.time(9, 0))]
    assert order[-1][0] == later[0]
    fits = {(later[0], dt.time(11, 0)), (day, dt.time(14, 0))}
    assert nearest(lambda d, t: "plan" if (d, t) in fits else None, day, dt.time(9, 30), later) == (
        day, dt.time(14, 0), "plan")
    assert nearest(lambda d, t: None, day, dt.time(9, 30), later) is None


def _leads(doc):
    return [(item["interviewer"]["handle"], item["start"], item["end"]) for item in doc["interviews"]]


def test_a_weekly_meeting_keeps_its_owner_out_of_overlapping_slots(cli, tmp_path):
    # fmensah and kdubois run coding; a weekly Wednesday meeting 09:00-12:00 keeps both out of the morning
    busy = busy_file(tmp_path, "20260107T090000", "20260107T120000")
    pool = pool_file(tmp_path, {"fmensah": {"busy": busy.name}, "kdubois": {"busy": busy.name}})
    for seed in range(4):
        run = cli("plan", "--level", "senior", "--role", "mlops", "--interviewers", pool, "--date", BST_DAY,
                  "--timezone", "Europe/London", "--seed", seed, "--format", "json")
        assert run.code == 0, run.err
        for handle, start, end in _leads(json.loads(run.out)):
            if handle in ("fmensah", "kdubois"):
                assert dt.datetime.fromisoformat(start) >= at(BST_DAY, 12) or \
                    dt.datetime.fromisoformat(end) <= at(BST_DAY, 9), (seed, handle, start)


def test_the_only_qualified_and_busy_interviewer_is_reported_with_the_nearest_time(cli, tmp_path):
    busy = busy_file(tmp_path)  # every Wednesday 16:00-17:00 London, from January
    # lsantos is the only hiring manager left, so the only one who can lead the career chat
    pool = pool_file(tmp_path, {"lsantos": {"busy": busy.name}, "bnakamura": {"roles": []},
                                "elindqvist": {"roles": []}})
    args = ("plan", "--level", "senior", "--role", "mlops", "--interviewers", pool, "--date", BST_DAY,
            "--timezone", "Europe/London")
    run = cli(*args)
    assert run.code == 1
    assert "no qualified interviewer for slot 7 (career-chat)" in run.err
    assert "lsantos is busy 2026-06-10 16:00-17:00 BST (Weekly sync)" in run.err
    suggestion = re.search(r"the nearest time the whole loop fits is (\d\d:\d\d) on the same day "
                           r"\(--date 2026-06-10 --start (\d\d:\d\d)\)", run.err)
    assert suggestion, run.err
    fixed = cli(*args, "--start", suggestion.group(2), "--format", "json")
    assert fixed.code == 0, fixed.err
    chat = [item for item in json.loads(fixed.out)["interviews"] if item["type"] == "career-chat"][0]
    assert chat["interviewer"]["handle"] == "lsantos"
    assert not (dt.datetime.fromisoformat(chat["start"]) < at(BST_DAY, 17)
                and at(BST_DAY, 16) < dt.datetime.fromisoformat(chat["end"]))
    # the calendar is one of the plan's inputs: never an --output
    clobber = cli(*args, "--output", busy)
    assert clobber.code == 2 and f"--output {busy}: is an input file" in clobber.err


def test_a_bad_or_missing_busy_calendar_is_named(cli, tmp_path, monkeypatch):
    (tmp_path / "broken.ics").write_text("BEGIN:VCALENDAR\nthis is not a calendar\n", encoding="utf-8")
    for busy, message in (("missing.ics", "cannot read"), ("broken.ics", "not a calendar looptool can read")):
        pool = pool_file(tmp_path, {"lsantos": {"busy": busy}})
        run = cli("plan", "--level", "senior", "--interviewers", pool, "--date", BST_DAY, "--timezone", "UTC")
        assert run.code == 2 and "lsantos: busy calendar" in run.err and message in run.err, run.err
    import builtins

    real = builtins.__import__

    def no_library(name, *args, **kwargs):
        if name == "recurring_ical_events":
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_library)
    pool = pool_file(tmp_path, {"lsantos": {"busy": busy_file(tmp_path).name}})
    run = cli("plan", "--level", "senior", "--interviewers", pool, "--date", BST_DAY, "--timezone", "UTC")
    assert run.code == 2 and "pip install 'looptool[calendars]'" in run.err


def test_an_interviewer_in_new_york_is_not_booked_before_their_day_starts(cli, tmp_path):
    pool = pool_file(tmp_path, {"fmensah": {"timezone": "America/New_York"}})
    run = cli("plan", "--level", "senior", "--role", "mlops", "--interviewers", pool, "--date", BST_DAY,
              "--timezone", "Europe/London", "--format", "json", "--view", "interviewer")
    assert run.code == 0, run.err
    for item in json.loads(run.out)["interviews"]:
        for who in (item["interviewer"], item["shadow"]):
            if who and who["handle"] == "fmensah":
                local = dt.datetime.fromisoformat(item["start"]).astimezone(NEW_YORK)
                assert local.hour >= 9 and who["local_time"]["timezone"] == "America/New_York"


# -- invitations -----------------------------------------------------------------------------------


def test_invitations_have_organizer_attendees_location_and_stable_uids(cli, tmp_path):
    pool = pool_file(tmp_path, {h: {"email": f"{h}@example.com"} for h in ("fmensah", "kdubois", "hzhao", "pkim")}
                     | {"fmensah": {"email": "fmensah@example.com", "location": "https://meet.example.com/fm"}})
    bank = bank_copy(tmp_path)
    (bank / "looptool.toml").write_text('[schedule]\norganizer = "hiring@example.com"\nlocation = "Room 4"\n',
                                        encoding="utf-8")
    candidate = write_candidate(tmp_path, name="Sam Rivera", email="sam@example.org")
    base = ("plan", "--bank", bank, "--level", "senior", "--role", "mlops", "--interviewers", pool, "--date",
            BST_DAY, "--timezone", "Europe/London", "--candidate", candidate, "--format", "ics")
    monkey_cwd = tmp_path
    panel = events(cli(*base, cwd=monkey_cwd).out)
    candidate_copy = events(cli(*base, "--view", "candidate", cwd=monkey_cwd).out)
    everyone = [str(a) for e in panel for a in (e.get("attendee") if isinstance(e.get("attendee"), list)
                                                 else [e.get("attendee")] if e.get("attendee") else [])]
    assert "mailto:fmensah@example.com" in everyone and "mailto:sam@example.org" not in everyone
    assert all(str(e["organizer"]) == "mailto:hiring@example.com" for e in panel)
    led_by_fmensah = [e for e in panel if "fmensah" in str(e.get("attendee"))]
    assert led_by_fmensah and str(led_by_fmensah[0]["location"]) == "https://meet.example.com/fm"
    assert {str(e["location"]) for e in panel if e not in led_by_fmensah} <= {"Room 4"}
    for event in candidate_copy:
        assert str(event["attendee"]) == "mailto:sam@example.org"
        assert event["attendee"].params["CN"] == "Sam Rivera"
    # a re-plan at another time (or with other questions) updates the same events
    moved = events(cli(*base, "--start", "10:00", "--seed", "3", cwd=monkey_cwd).out)
    assert [str(e["uid"]) for e in moved] == [str(e["uid"]) for e in panel]
    assert moved[0].decoded("dtstart") != panel[0].decoded("dtstart")
    # one interviewer's calendar
    mine = Calendar.from_ical(cli(*base, "--view", "interviewer", "--for", "fmensah", cwd=monkey_cwd).out)
    assert str(mine["x-wr-calname"]).endswith("(fmensah)")
    assert all("fmensah@example.com" in str(e["attendee"]) for e in mine.walk("VEVENT"))


# -- accommodations --------------------------------------------------------------------------------


def test_extra_time_stretches_every_interview_and_the_budget():
    plan = hand_plan("senior")
    extra = Accommodations(extra_time=1.5, break_minutes=20)
    stretched = agenda.schedule(plan, day=dt.date(2026, 6, 10), timezone="Europe/London", accommodations=extra)
    for before, after in zip(plan.interviews, stretched.interviews):
        assert after.duration_minutes == agenda.extended(before.duration_minutes, 1.5) >= before.duration_minutes * 1.5
        assert (after.end - after.start) == dt.timedelta(minutes=after.duration_minutes)
        assert after.planned_minutes == before.duration_minutes
    assert agenda.extended(45, 1.5) == 70 and agenda.extended(60, 1.5) == 90 and agenda.extended(45, 1) == 45
    assert all(b.lunch or (b.end - b.start) >= dt.timedelta(minutes=20) for b in stretched.breaks)
    with_candidate = dataclasses.replace(stretched, candidate=Candidate(accommodations=extra))
    used, allowed = agenda.budget(with_candidate)
    assert used == sum(i.duration_minutes for i in stretched.interviews)
    assert allowed == agenda.extended(plan.template.budget_minutes, 1.5) and used <= allowed
    assert agenda.budget(stretched)[1] == plan.template.budget_minutes  # no candidate: the template's budget


def test_a_split_loop_and_a_latest_end():
    plan = hand_plan("senior")
    two = agenda.schedule(plan, day=dt.date(2026, 11, 27), timezone="UTC", accommodations=Accommodations(days=2),
                          days=workdays.working_days(dt.date(2026, 11, 27), 2))
    dates = sorted({i.start.date() for i in two.interviews})
    assert dates == [dt.date(2026, 11, 27), dt.date(2026, 11, 30)]  # Friday, then Monday
    assert two.days == dates and all(i.start.time() >= dt.time(9, 30) for i in two.interviews)
    assert agenda.split([45, 45, 60, 60, 60, 45, 30], 2) == [(0, 3), (3, 7)]  # 150 + 195 beats 210 + 135
    assert agenda.split([60, 60, 60], 3) == [(0, 1), (1, 2), (2, 3)]
    with pytest.raises(agenda.AgendaError, match="after the candidate's latest end of 15:00"):
        agenda.schedule(plan, day=dt.date(2026, 11, 27), accommodations=Accommodations(latest_end="15:00"))


def test_accommodations_through_the_cli(cli, tmp_path):
    candidate = write_candidate(tmp_path, name="Sam Rivera", accommodations={"extra_time": 1.5, "break_minutes": 15,
                                                                             "days": 2})
    base = ("plan", "--level", "senior", "--role", "mlops", "--interviewers", POOL, "--date", "2026-11-27",
            "--timezone", "UTC", "--candidate", candidate)
    plain = json.loads(cli("plan", "--level", "senior", "--role", "mlops", "--interviewers", POOL, "--date",
                           "2026-11-27", "--timezone", "UTC", "--format", "json").out)
    panel = json.loads(cli(*base, "--format", "json").out)
    assert [i["duration_minutes"] for i in panel["interviews"]] == [
        agenda.extended(i["duration_minutes"], 1.5) for i in plain["interviews"]]
    assert panel["dates"] == ["2026-11-27", "2026-11-30"]
    assert panel["budget"]["budget_minutes"] == agenda.extended(plain["budget"]["budget_minutes"], 1.5)
    assert panel["budget"]["interview_minutes"] <= panel["budget"]["budget_minutes"] and not panel["notices"]
    for item in events(cli(*base, "--format", "ics").out):
        minutes = (item.decoded("dtend") - item.decoded("dtstart")).total_seconds() / 60
        assert minutes in {i["duration_minutes"] for i in panel["interviews"]} and minutes >= 30 * 1.5
    candidate_text = cli(*base, "--view", "candidate").out
    assert "Every interview is 1.5 times its usual length (extra time)." in candidate_text
    assert "split over 2 days" in candidate_text and "Day 2: Monday 30 November 2026" in candidate_text
    kits = cli(*base, "--view", "interviewer", "--format", "markdown").out
    assert "## Interview 4 of 7 | Monday 30 November 2026, 09:30-11:00 |" in kits
    assert "the candidate has extra time (1.5 times the usual 45 min)" in kits
    assert "the interview has the full 1 h 10 min" in kits
    late = write_candidate(tmp_path, accommodations={"latest_end": "14:00"})
    run = cli("plan", "--level", "senior", "--date", "2026-11-27", "--timezone", "UTC", "--candidate", late)
    assert run.code == 2 and "after the candidate's latest end of 14:00" in run.err


# -- the text agenda at 80 columns ----------------------------------------------------------------------


@pytest.mark.parametrize("view", ["panel", "interviewer", "candidate"])
@pytest.mark.parametrize("level, role", [("senior", "mlops"), ("staff", "ml-platform"), ("junior", None)])
def test_at_80_columns_no_line_is_longer_and_no_id_is_split(cli, monkeypatch, view, level, role):
    monkeypatch.setenv("COLUMNS", "80")  # piped: CliRunner's stdout is no terminal
    args = ["plan", "--level", level, "--interviewers", POOL, "--date", "2026-11-25", "--timezone", "UTC",
            "--view", view]
    run = cli(*args, *(["--role", role] if role else []))
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert max(map(len, lines)) <= 80
    doc = json.loads(cli(*args, *(["--role", role] if role else []), "--format", "json").out)
    for item in doc["interviews"]:
        if "question" in item:
            assert f"[{item['question']}]" in run.out  # on one line, whole
    monkeypatch.delenv("COLUMNS")
    assert max(map(len, cli(*args, *(["--role", role] if role else [])).out.splitlines())) <= 100


@pytest.mark.parametrize("view", ["panel", "candidate"])
def test_at_80_columns_a_split_remote_loop_keeps_ids_whole(cli, monkeypatch, tmp_path, view):
    """Day names and the candidate's local times must not squeeze the question column."""
    monkeypatch.setenv("COLUMNS", "80")
    candidate = tmp_path / "candidate.yaml"
    candidate.write_text("timezone: America/New_York\naccommodations: {extra_time: 1.5, days: 2}\n")
    args = ["plan", "--level", "senior", "--role", "mlops", "--interviewers", POOL, "--date", "2026-06-09",
            "--timezone", "Europe/London", "--candidate", candidate, "--view", view]
    run = cli(*args)
    assert run.code == 0, run.err
    assert max(map(len, run.out.splitlines())) <= 80 and "Day 2:" in run.out
    doc = json.loads(cli(*args, "--format", "json").out)
    for item in doc["interviews"]:
        if "question" in item:
            assert f"[{item['question']}]" in run.out


ALL_DAY = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//leave//EN\r\nBEGIN:VEVENT\r\nUID:leave@test\r\n"
           "DTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20260101\r\nDTEND;VALUE=DATE:20260102\r\n"
           "RRULE:FREQ=DAILY\r\nSUMMARY:Leave\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")


def test_when_nothing_fits_the_error_says_so(cli, tmp_path):
    (tmp_path / "leave.ics").write_text(ALL_DAY, encoding="utf-8")
    pool = pool_file(tmp_path, {"lsantos": {"busy": "leave.ics"}, "bnakamura": {"roles": []},
                                "elindqvist": {"roles": []}})
    run = cli("plan", "--level", "senior", "--role", "mlops", "--interviewers", pool, "--date", BST_DAY,
              "--timezone", "Europe/London")
    assert run.code == 1
    # an all-day event is the whole day in the interviewer's zone, the loop's when the pool gives none
    assert "lsantos is busy 2026-06-10 00:00 to 2026-06-11 00:00 BST (Leave)" in run.err
    assert "no start between 07:00 and 20:00 on 2026-06-10 or the next 10 working days fits everyone" in run.err


def test_working_hours_from_the_pool_and_the_configuration(cli, tmp_path):
    bank = bank_copy(tmp_path)
    (bank / "looptool.toml").write_text('[schedule]\nworking-hours = "10:00-18:00"\n', encoding="utf-8")
    args = ("plan", "--bank", bank, "--level", "junior", "--interviewers", POOL, "--date", BST_DAY,
            "--timezone", "Europe/London")
    run = cli(*args)
    assert run.code == 1 and "outside working hours (10:00-18:00;" in run.err
    assert "the nearest time the whole loop fits is 10:00 on the same day (--date 2026-06-10 --start 10:00)" in run.err
    assert cli(*args, "--start", "10:00").code == 0
    early = pool_file(tmp_path, {p: {"working_hours": "08:00-16:00"} for p in
                                 [e["handle"] for e in yaml.safe_load(POOL.read_text(encoding="utf-8"))["interviewers"]]})
    assert cli("plan", "--bank", bank, "--level", "junior", "--interviewers", early, "--date", BST_DAY,
               "--timezone", "Europe/London", "--start", "08:30").code == 0


def test_looptool_config_shows_the_schedule(cli, tmp_path):
    (tmp_path / "looptool.toml").write_text('[schedule]\ntimezone = "Asia/Kolkata"\nholidays = [2026-12-25]\n'
                                            'organizer = "not-an-address"\n', encoding="utf-8")
    run = cli("config", tmp_path)
    assert run.code == 2 and "`schedule.organizer` must be an email address" in run.err
    (tmp_path / "looptool.toml").write_text('[schedule]\ntimezone = "Asia/Kolkata"\nholidays = [2026-12-25]\n',
                                            encoding="utf-8")
    run = cli("config", tmp_path)
    assert run.code == 0, run.err
    assert 'schedule.timezone = "Asia/Kolkata"' in run.out and 'schedule.holidays = ["2026-12-25"]' in run.out


@pytest.mark.parametrize("args, message", [
    (("--today", "9999-12-31"), "--today 9999-12-31: no working day after 9999-12-31 in the calendar; give --date"),
    (("--date", "0001-01-01", "--timezone", "Asia/Tokyo", "--start", "00:30"),
     "0001-01-01 in Asia/Tokyo is at the edge of the calendar"),
])
def test_the_ends_of_the_calendar_are_usage_errors(cli, args, message):
    run = cli("plan", "--level", "junior", "--interviewers", POOL, "--timezone", "UTC", *args)
    assert run.code == 2 and message in run.err


def test_a_busy_trainee_does_not_sit_in():
    loop = [interview(1), interview(2)]
    for number, item in enumerate(loop):
        item.start, item.end = at(BST_DAY, 10 + number), at(BST_DAY, 10 + number, 45)
    pool = [person("ana"), person("ben"), person("tia", training="shadow")]
    seated = [shadow.handle if shadow else None for _, shadow in assign(loop, pool, "senior")]
    assert "tia" in seated
    away = {"tia": Availability(busy=(Busy(at(BST_DAY, 9), at(BST_DAY, 12), "Training"),))}
    assert [shadow for _, shadow in assign(loop, pool, "senior", availability=away)] == [None, None]
    away = {"tia": Availability(busy=(Busy(at(BST_DAY, 9), at(BST_DAY, 10, 30), "Training"),))}
    assert [s.handle if s else None for _, s in assign(loop, pool, "senior", availability=away)] == [None, "tia"]
