"""The agenda: start and end times, short breaks, the lunch break and the day's length."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from looptool.plan import agenda
from looptool.plan.agenda import AgendaError, schedule

from handplans import DAY, hand_plan


def times(plan):
    return [(f"{i.start:%H:%M}", f"{i.end:%H:%M}") for i in plan.interviews]


def pauses(plan):
    return [(f"{b.start:%H:%M}", f"{b.end:%H:%M}", b.lunch) for b in plan.breaks]


def test_senior_day_with_template_defaults():
    plan = schedule(hand_plan("senior"), day=DAY)
    assert [i.duration_minutes for i in plan.interviews] == [45, 45, 60, 60, 60, 45, 30]
    assert times(plan) == [("09:30", "10:15"), ("10:25", "11:10"), ("11:20", "12:20"), ("12:30", "13:30"),
                           ("14:15", "15:15"), ("15:25", "16:10"), ("16:20", "16:50")]
    # the day has run 170 minutes after the third interview, 240 after the fourth: lunch goes there
    assert ("13:30", "14:15", True) in pauses(plan)
    assert sum(b.lunch for b in plan.breaks) == 1
    assert len(plan.breaks) == len(plan.interviews) - 1
    assert agenda.total_minutes(plan) == 7 * 60 + 20
    assert agenda.interview_minutes(plan) == 345
    assert plan.day == DAY
    assert all(i.start.date() == DAY and i.start.tzinfo is None for i in plan.interviews)


def test_staff_lunch_falls_at_the_first_gap_after_three_hours():
    plan = schedule(hand_plan("staff"), day=DAY)
    assert times(plan)[:4] == [("09:30", "10:15"), ("10:25", "11:25"), ("11:35", "12:35"), ("13:20", "14:20")]
    assert pauses(plan)[2] == ("12:35", "13:20", True)


def test_a_short_day_has_no_lunch():
    plan = schedule(hand_plan("intern"), day=DAY)
    assert times(plan) == [("09:30", "10:15"), ("10:25", "11:25"), ("11:35", "12:20")]
    assert not any(b.lunch for b in plan.breaks)
    assert agenda.total_minutes(plan) == 170


def test_options_override_the_template():
    plan = schedule(hand_plan("intern"), start=dt.time(13, 0), day=DAY, break_minutes=15, lunch_after=45,
                    lunch_minutes=30)
    assert times(plan) == [("13:00", "13:45"), ("14:15", "15:15"), ("15:30", "16:15")]
    assert pauses(plan) == [("13:45", "14:15", True), ("15:15", "15:30", False)]


def test_no_breaks_runs_back_to_back():
    plan = schedule(hand_plan("senior"), day=DAY, break_minutes=0, lunch_minutes=0)
    assert plan.breaks == []
    assert agenda.total_minutes(plan) == agenda.interview_minutes(plan) == 345
    assert all(a.end == b.start for a, b in zip(plan.interviews, plan.interviews[1:]))


def test_never_a_lunch_after_the_last_interview():
    plan = schedule(hand_plan("senior"), day=DAY, lunch_after=6 * 60 + 45)  # the last one ends at 6 h 45
    assert not any(b.lunch for b in plan.breaks)
    assert plan.breaks[-1].end == plan.interviews[-1].start


def test_schedule_leaves_the_given_plan_alone():
    plan = hand_plan("junior")
    scheduled = schedule(plan, day=DAY)
    assert plan.day is None and plan.breaks == [] and all(i.start is None for i in plan.interviews)
    assert [i.question.id for i in scheduled.interviews] == plan.question_ids
    assert agenda.is_scheduled(scheduled) and not agenda.is_scheduled(plan)


def test_a_day_may_end_at_midnight_but_not_after():
    plan = hand_plan("intern")  # 150 minutes of interviews, two 10-minute breaks
    ends = schedule(plan, start=dt.time(21, 10), day=DAY)
    assert ends.interviews[-1].end == dt.datetime(2026, 11, 25, 0, 0)
    with pytest.raises(AgendaError, match=r"starting at 21:11 would end at 00:01 the next day"):
        schedule(plan, start=dt.time(21, 11), day=DAY)
    with pytest.raises(AgendaError, match="the next day"):
        schedule(hand_plan("staff"), start=dt.time(20, 0), day=DAY)


@pytest.mark.parametrize("options, message", [
    ({"break_minutes": -5}, "break: expected a whole number of minutes"),
    ({"lunch_minutes": 2.5}, "lunch: expected a whole number"),
    ({"lunch_after": True}, "lunch after: expected a whole number"),
    ({"start": "09:30"}, "the start must be a local time of day"),
    ({"start": dt.time(9, 30, tzinfo=dt.timezone.utc)}, "the start must be a local time"),
    ({"day": None}, "the interview day must be a date"),
    ({"day": dt.datetime(2026, 11, 24, 9)}, "the interview day must be a date"),
])
def test_bad_settings_are_clear_errors(options, message):
    kwargs = {"day": DAY, **options}
    with pytest.raises(AgendaError, match=message):
        schedule(hand_plan("intern"), **kwargs)


@pytest.mark.parametrize("text, expected", [("09:30", dt.time(9, 30)), ("9:05", dt.time(9, 5)),
                                            (" 23:59 ", dt.time(23, 59)), ("00:00", dt.time(0, 0))])
def test_parse_time(text, expected):
    assert agenda.parse_time(text) == expected


@pytest.mark.parametrize("text", ["24:00", "9.30", "09:3", "nine", "", "09:30:00", "-1:30", "12:60"])
def test_parse_time_rejects(text):
    with pytest.raises(AgendaError, match="is not a time of day"):
        agenda.parse_time(text)


@settings(max_examples=150, deadline=None)
@given(level=st.sampled_from(["intern", "junior", "senior", "staff"]),
       start=st.integers(6 * 60, 12 * 60), gap=st.integers(0, 30),
       lunch_after=st.one_of(st.none(), st.integers(0, 400)), lunch=st.integers(0, 90))
def test_schedule_invariants(level, start, gap, lunch_after, lunch):
    plan = hand_plan(level)
    day = schedule(plan, start=dt.time(*divmod(start, 60)), day=DAY, break_minutes=gap,
                   lunch_after=lunch_after, lunch_minutes=lunch)
    interviews = day.interviews
    assert interviews[0].start == dt.datetime.combine(DAY, dt.time(*divmod(start, 60)))
    for interview, original in zip(interviews, plan.interviews):
        assert interview.end - interview.start == dt.timedelta(minutes=original.slot.minutes)
        assert dataclasses.replace(interview, start=None, end=None) == original
    lunches = [b for b in day.breaks if b.lunch]
    assert len(lunches) <= 1
    if lunch_after is None:
        lunch_after = plan.template.lunch_after
    if lunches:  # the first gap at or after lunch_after, and only then
        first = interviews[0].start
        gaps_before = [i.end for i in interviews[:-1] if i.end < lunches[0].start]
        assert lunches[0].start - first >= dt.timedelta(minutes=lunch_after)
        assert all(end - first < dt.timedelta(minutes=lunch_after) for end in gaps_before)
    elif lunch_after is not None and lunch:  # no lunch only when no gap comes late enough
        assert all(i.end - interviews[0].start < dt.timedelta(minutes=lunch_after) for i in interviews[:-1])
    for previous, following in zip(interviews, interviews[1:]):
        wanted = next((b for b in day.breaks if b.start == previous.end), None)
        length = (following.start - previous.end).total_seconds() / 60
        assert length == ((lunch if wanted.lunch else gap) if wanted else 0)
        assert wanted is not None or length == 0
    pause = sum((b.end - b.start).total_seconds() / 60 for b in day.breaks)
    assert agenda.total_minutes(day) == agenda.interview_minutes(day) + pause
