"""The domain objects: questions, skills, roles, loop templates, interviewers.

Plain dataclasses with no I/O. Each object built from a file keeps an
:class:`Origin` (its document and JSON path) so that a finding about it can
be placed on the right line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

LEVELS = ("intern", "junior", "senior", "staff")
LEVEL_RANK = {name: rank for rank, name in enumerate(LEVELS)}
TYPES = (
    "coding", "data-modeling", "math-quiz", "system-design", "ml-system-design",
    "project-deep-dive", "career-chat", "behavioral",
)
DESIGN_TYPES = frozenset({"system-design", "ml-system-design"})
SCORE_MIN, SCORE_MAX = 0, 5


@dataclass(frozen=True)
class Origin:
    """Where an object came from: a loaded document and the JSON path in it."""

    document: Any  # loader.Document; Any keeps this module free of the loader
    path: tuple

    @property
    def file(self) -> str:
        return self.document.file

    def locate(self, rel: tuple = ()) -> tuple[int, int]:
        return self.document.locate((*self.path, *rel))

    def locate_key(self, rel: tuple) -> tuple[int, int]:
        return self.document.locate_key((*self.path, *rel))

    def has(self, rel: tuple) -> bool:
        """Whether the value at ``rel`` is present in the source."""
        node = self.document.data
        for part in (*self.path, *rel):
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return False
        return True


@dataclass
class Scenario:
    need: str = ""
    stakeholders: list[str] = field(default_factory=list)
    constraints: list[str] = field(default_factory=list)
    hooks: list[str] = field(default_factory=list)
    tradeoffs: list[str] = field(default_factory=list)


@dataclass
class Band:
    min: int
    max: int
    evidence: list[str]
    label: str = ""


@dataclass
class Question:
    id: str
    title: str
    type: str
    levels: list[str]
    skills: list[str]
    stage: str
    duration_minutes: int
    prompt: str
    signal: str
    flavor: str | None = None
    scenario: Scenario | None = None
    rubric: list[Band] | None = None
    follow_ups: list[str] = field(default_factory=list)
    method_provided: bool = False
    backgrounds: list[str] = field(default_factory=list)  # deep dives for some backgrounds only
    relies_on: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    last_reviewed: dt.date | None = None
    owner: str | None = None
    status: str = "active"
    notes: str | None = None
    origin: Origin | None = field(default=None, repr=False, compare=False)

    @property
    def kind(self) -> str:
        """``type`` or ``type/flavor``: what a loop slot matches against."""
        return f"{self.type}/{self.flavor}" if self.flavor else self.type

    @property
    def is_design(self) -> bool:
        return self.type in DESIGN_TYPES

    @property
    def active(self) -> bool:
        return self.status == "active"

    def text(self) -> str:
        """All candidate-visible wording of the question, for text heuristics."""
        parts = [self.title, self.prompt]
        if self.scenario:
            parts += [self.scenario.need, *self.scenario.constraints, *self.scenario.hooks]
        return "\n".join(p for p in parts if p)


@dataclass
class Skill:
    id: str
    name: str
    family: str | None = None
    description: str | None = None
    origin: Origin | None = field(default=None, repr=False, compare=False)


@dataclass
class Role:
    id: str
    title: str
    in_scope: dict[str, int]
    out_of_scope: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    description: str | None = None
    must_cover: list[str] | None = None  # None: the heaviest in-scope skills
    origin: Origin | None = field(default=None, repr=False, compare=False)

    @property
    def required(self) -> list[str]:
        """The skills every loop for the role must test: ``must_cover``, else the heaviest in-scope ones."""
        if self.must_cover is not None:
            return list(self.must_cover)
        top = max(self.in_scope.values(), default=0)
        return sorted(skill for skill, weight in self.in_scope.items() if weight == top)

    def fits(self, skills) -> bool:
        """A question fits when it tests something the role needs and nothing it excludes."""
        skills = set(skills)
        return bool(skills & self.in_scope.keys()) and not skills & set(self.out_of_scope)


@dataclass
class Slot:
    kinds: list[str]  # "type" or "type/flavor"
    minutes: int
    count: int = 1
    stage: str | None = None
    label: str | None = None
    interviewer_level: str | None = None
    interviewer_role: str | None = None
    question: str | None = None  # a pinned question id
    index: int = 0  # position in the template's `slots` list

    def accepts_kind(self, question: Question) -> bool:
        """The question's type (and flavor, when the slot names one) matches."""
        return question.type in self.kinds or question.kind in self.kinds

    def accepts(self, question: Question) -> bool:
        return self.accepts_kind(question) and (self.stage is None or self.stage == question.stage)

    @property
    def types(self) -> list[str]:
        return [kind.split("/", 1)[0] for kind in self.kinds]

    def describe(self) -> str:
        return self.label or " or ".join(self.kinds)


@dataclass
class Progression:
    pass_total: int
    min_each: int = 0
    note: str | None = None


@dataclass
class LoopTemplate:
    id: str
    level: str
    slots: list[Slot]
    progression: Progression
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)  # empty: the level's general template
    title: str | None = None
    description: str | None = None
    rationale: str | None = None
    must_cover: list[str] = field(default_factory=list)
    budget_minutes: int | None = None
    break_minutes: int = 10
    lunch_after: int | None = None
    lunch_minutes: int = 0
    origin: Origin | None = field(default=None, repr=False, compare=False)

    @property
    def role(self) -> str | None:
        """The role of a template written for exactly one role (``--level`` alone then implies it)."""
        return self.roles[0] if len(self.roles) == 1 else None

    def is_for(self, role_id: str | None) -> bool:
        return role_id is not None and role_id in self.roles

    def expanded_slots(self) -> list[Slot]:
        """One entry per interview (``count`` unrolled), in order."""
        return [slot for slot in self.slots for _ in range(slot.count)]

    @property
    def interview_minutes(self) -> int:
        return sum(slot.minutes * slot.count for slot in self.slots)


@dataclass
class Interviewer:
    handle: str
    level: str
    qualified_for: list[str]
    name: str | None = None
    skills: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    training: str = "qualified"
    weekly_cap: int = 3
    booked_this_week: int = 0
    email: str | None = None
    timezone: str | None = None  # IANA name; None: the loop's zone
    working_hours: str | None = None  # "HH:MM-HH:MM" in their zone; None: the configured default
    busy: str | None = None  # path of their busy calendar (.ics), relative to the pool file
    location: str | None = None  # a room or video link for the interviews they lead
    origin: Origin | None = field(default=None, repr=False, compare=False)

    @property
    def capacity(self) -> int:
        return max(0, self.weekly_cap - self.booked_this_week)

    @property
    def is_trainee(self) -> bool:
        return self.training != "qualified"


# -- construction from validated data ----------------------------------------


def _date(value):
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def question_from(data: dict, origin: Origin | None = None) -> Question:
    scenario = data.get("scenario")
    rubric = data.get("rubric")
    return Question(
        id=data["id"], title=data["title"], type=data["type"], levels=list(data["levels"]),
        skills=list(data["skills"]), stage=data["stage"], duration_minutes=data["duration_minutes"],
        prompt=data["prompt"], signal=data["signal"], flavor=data.get("flavor"),
        scenario=Scenario(**scenario) if scenario is not None else None,
        rubric=[Band(b["min"], b["max"], list(b["evidence"]), b.get("label", "")) for b in rubric]
        if rubric is not None else None,
        follow_ups=list(data.get("follow_ups", [])), method_provided=data.get("method_provided", False),
        backgrounds=list(data.get("backgrounds", [])),
        relies_on=list(data.get("relies_on", [])), references=list(data.get("references", [])),
        last_reviewed=_date(data.get("last_reviewed")), owner=data.get("owner"),
        status=data.get("status", "active"), notes=data.get("notes"), origin=origin,
    )


def skill_from(data: dict, origin: Origin | None = None) -> Skill:
    return Skill(data["id"], data["name"], data.get("family"), data.get("description"), origin)


def role_from(data: dict, origin: Origin | None = None) -> Role:
    return Role(
        id=data["id"], title=data["title"], in_scope=dict(data["in_scope"]),
        out_of_scope=list(data.get("out_of_scope", [])), aliases=list(data.get("aliases", [])),
        description=data.get("description"),
        must_cover=list(data["must_cover"]) if "must_cover" in data else None, origin=origin,
    )


def loop_from(data: dict, origin: Origin | None = None) -> LoopTemplate:
    slots = []
    for index, raw in enumerate(data["slots"]):
        kinds = raw["type"] if isinstance(raw["type"], list) else [raw["type"]]
        slots.append(Slot(
            kinds=list(kinds), minutes=raw["minutes"], count=raw.get("count", 1), stage=raw.get("stage"),
            label=raw.get("label"), interviewer_level=raw.get("interviewer_level"),
            interviewer_role=raw.get("interviewer_role"), question=raw.get("question"), index=index,
        ))
    prog = data["progression"]
    lunch = data.get("lunch") or {}
    return LoopTemplate(
        id=data["id"], level=data["level"], slots=slots,
        progression=Progression(prog["pass_total"], prog.get("min_each", 0), prog.get("note")),
        aliases=list(data.get("aliases", [])), title=data.get("title"),
        roles=[data["role"]] if "role" in data else list(data.get("roles", [])),
        description=data.get("description"), rationale=data.get("rationale"),
        must_cover=list(data.get("must_cover", [])), budget_minutes=data.get("budget_minutes"), break_minutes=data.get("break_minutes", 10),
        lunch_after=lunch.get("after_minutes"), lunch_minutes=lunch.get("minutes", 0), origin=origin,
    )


def interviewer_from(data: dict, origin: Origin | None = None) -> Interviewer:
    return Interviewer(
        handle=data["handle"], level=data["level"], qualified_for=list(data["qualified_for"]),
        name=data.get("name"), skills=list(data.get("skills", [])), roles=list(data.get("roles", [])),
        training=data.get("training", "qualified"), weekly_cap=data.get("weekly_cap", 3),
        booked_this_week=data.get("booked_this_week", 0), email=data.get("email"),
        timezone=data.get("timezone"), working_hours=data.get("working_hours"), busy=data.get("busy"),
        location=data.get("location"), origin=origin,
    )


SECTIONS = {
    # section key: (schema name, id field, builder)
    "questions": ("bank", "id", question_from),
    "skills": ("skills", "id", skill_from),
    "roles": ("roles", "id", role_from),
    "loops": ("loops", "id", loop_from),
    "interviewers": ("interviewers", "handle", interviewer_from),
}
