"""The result of planning: a loop of interviews with questions and interviewers.

Pure data shared by the planner (which builds a Plan), the agenda (which
adds times) and the views and formats (which render it). No I/O here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from looptool.bank.candidate import Candidate
from looptool.bank.model import Interviewer, LoopTemplate, Question, Role, Slot


@dataclass
class Interview:
    """One interview of the loop, in agenda order."""

    number: int  # 1-based position in the loop
    slot: Slot
    question: Question
    interviewer: Interviewer | None = None  # the lead, when a pool was given
    shadow: Interviewer | None = None  # a trainee sitting in alongside the lead
    start: dt.datetime | None = None  # filled in by the agenda (aware, in the loop's zone, when it has one)
    end: dt.datetime | None = None
    minutes: int | None = None  # the length given by the agenda (extra time); None: the slot's

    @property
    def type(self) -> str:
        return self.question.type

    @property
    def duration_minutes(self) -> int:
        return self.slot.minutes if self.minutes is None else self.minutes

    @property
    def planned_minutes(self) -> int:
        """The slot's own length, before any extra time."""
        return self.slot.minutes


@dataclass
class Break:
    """A pause between interviews; ``lunch`` marks the long one."""

    start: dt.datetime
    end: dt.datetime
    lunch: bool = False


@dataclass
class Plan:
    level: str
    template: LoopTemplate
    role: Role | None
    interviews: list[Interview]
    seed: int = 0
    score: float = 0.0  # weighted coverage of the role's in-scope skills achieved
    best_possible: float = 0.0  # the same with every in-scope skill covered
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> questions skipped
    excluded: list[str] = field(default_factory=list)  # ids ruled out by --exclude
    must_cover: list[str] = field(default_factory=list)  # skills the loop had to test
    breaks: list[Break] = field(default_factory=list)  # filled in by the agenda
    day: dt.date | None = None  # the (first) interview day
    timezone: str | None = None  # the loop's IANA zone; None: floating local times
    days: list[dt.date] = field(default_factory=list)  # every interview day (more than one: a split loop)
    candidate: Candidate | None = None  # name, email, zone and accommodations, for the views
    organizer: str | None = None  # email of whoever sends the invitations
    location: str | None = None  # where interviews happen (a room or video link) unless the lead has one
    notices: list[str] = field(default_factory=list)  # what the hiring manager should know (weekend day, ...)

    def coverage(self) -> dict[str, list[int]]:
        """Skill id -> numbers of the interviews that test it (role skills first, all listed)."""
        out: dict[str, list[int]] = {}
        if self.role is not None:
            for skill in sorted(self.role.in_scope, key=lambda s: (-self.role.in_scope[s], s)):
                out[skill] = []
        for interview in self.interviews:
            for skill in interview.question.skills:
                out.setdefault(skill, []).append(interview.number)
        return out

    @property
    def question_ids(self) -> list[str]:
        return [i.question.id for i in self.interviews]
