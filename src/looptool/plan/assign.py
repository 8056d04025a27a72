"""Give each interview of a loop a qualified lead, and trainees a seat beside one.

Pure. Assignment is a matching problem, solved exactly rather than first come,
first served: a first-come pass can give the only staff interviewer a coding
interview and leave the ML system design interview without anyone.

**Who may lead an interview** (:func:`need_for`, :func:`can_lead`): someone
fully trained (``training: qualified``) whose ``qualified_for`` lists the
question's type, with weekly capacity left (``weekly_cap`` minus
``booked_this_week``), at least the required level and holding the required
role. A slot's ``interviewer_level`` and ``interviewer_role`` set the
requirement; when a slot leaves them out, these defaults apply:

- ML system design needs a staff interviewer (a design that spans data,
  training and serving needs someone who has seen all of it); other types need at least the
  candidate's level, capped at senior (a staff candidate's coding interview
  does not need a staff interviewer) and never below junior;
- the career chat needs the ``hiring-manager`` role (the person the
  candidate would work for answers questions about the job best).

Nobody appears twice in one loop, as lead or trainee.

**Availability.** Given an ``availability`` per handle
(``plan.availability``: working hours in their zone, busy times from their
calendar) and interviews with times, a person leads or shadows only the
interviews they are free for; when that leaves an interview without a lead
the error names who is busy (or outside working hours) when. :func:`staff`
does this for a scheduled plan.

**Preference.** Among assignments that staff every interview, the one with
the largest total overlap between each lead's ``skills`` and the question's
skills wins; remaining ties go to a seeded rank of (handle, question), so the
same seed always gives the same panel and another seed may rotate people of
equal fit. This is a minimum-cost assignment (Hungarian algorithm).

**Trainees** (``shadow``, ``reverse-shadow``) never lead. After the leads are
set, as many interviews as possible get one trainee qualified for the type
and with capacity left, preferring skill overlap, then the seed. A
``reverse-shadow`` trainee runs the interview under the lead's eye, so must
also meet the slot's level and role requirement; a ``shadow`` only watches.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from looptool.bank.model import LEVEL_RANK, Interviewer, LoopTemplate, Slot
from looptool.plan.availability import Availability, conflict
from looptool.plan.feasibility import PlanError, slot_name
from looptool.plan.matching import hall_set, match
from looptool.plan.selection import seeded_rank

DEFAULT_LEVEL = {"ml-system-design": "staff"}
DEFAULT_ROLE = {"career-chat": "hiring-manager"}
LEVEL_FLOOR, LEVEL_CAP = "junior", "senior"
NO_INTERVIEWER = "no interviewer available"
_TIE = 1000  # seeded tie-break range; preferences are scaled above it
_FORBIDDEN = None


class AssignError(PlanError):
    """No qualified interviewer for a slot; the CLI exits 1."""

    def __init__(self, number: int, slot: Slot, reason: str):
        super().__init__(number, slot, reason)
        self.args = (f"no qualified interviewer for slot {number} ({slot_name(slot)}): {reason}",)

    def __str__(self) -> str:
        return self.args[0]


@dataclass(frozen=True)
class Need:
    """What the lead of one interview must be."""

    type: str
    level: str
    role: str | None = None

    def describe(self) -> str:
        parts = [f"level {self.level}" + ("" if self.level == "staff" else " or above")]
        if self.role:
            parts.append(f"the {self.role} role")
        return "needs " + " and ".join(parts)


def need_for(slot: Slot, qtype: str, candidate_level: str) -> Need:
    level = slot.interviewer_level or DEFAULT_LEVEL.get(qtype)
    if level is None:
        rank = min(max(LEVEL_RANK[candidate_level], LEVEL_RANK[LEVEL_FLOOR]), LEVEL_RANK[LEVEL_CAP])
        level = next(name for name, r in LEVEL_RANK.items() if r == rank)
    return Need(qtype, level, slot.interviewer_role or DEFAULT_ROLE.get(qtype))


def meets(person: Interviewer, need: Need) -> bool:
    """Level and role, whatever the training."""
    return LEVEL_RANK[person.level] >= LEVEL_RANK[need.level] and (not need.role or need.role in person.roles)


def can_lead(person: Interviewer, need: Need, *, this_week: bool = True) -> bool:
    """``this_week=False`` ignores bookings (a lint of the pool's shape, not of this week)."""
    room = person.capacity if this_week else person.weekly_cap
    return not person.is_trainee and need.type in person.qualified_for and room > 0 and meets(person, need)


def can_shadow(person: Interviewer, need: Need) -> bool:
    if not person.is_trainee or need.type not in person.qualified_for or person.capacity <= 0:
        return False
    return person.training != "reverse-shadow" or meets(person, need)


def unstaffable(questions, template: LoopTemplate, pool) -> list[dict[str, str]]:
    """Per interview, the question ids whose type nobody in ``pool`` could lead there.

    Lets the planner pick, say, a coding/math question rather than a math quiz
    when no one can run the quiz.
    """
    out, dead_by_slot = [], {}
    for slot in template.expanded_slots():
        if id(slot) not in dead_by_slot:
            dead = {t for t in set(slot.types)
                    if not any(can_lead(p, need_for(slot, t, template.level)) for p in pool)}
            dead_by_slot[id(slot)] = {q.id: NO_INTERVIEWER for q in questions if q.type in dead} if dead else {}
        out.append(dead_by_slot[id(slot)])
    return out


def _overlap(person, question) -> int:
    return len(set(person.skills) & set(question.skills))


def away(person: Interviewer, interview, availability: dict[str, Availability] | None) -> str | None:
    """Why ``person`` is not free for ``interview`` (busy, outside working hours), or None."""
    if not availability or person.handle not in availability or interview.start is None:
        return None
    return conflict(availability[person.handle], interview.start, interview.end)


def assign(interviews, pool, level: str, *, seed: int = 0,
           availability: dict[str, Availability] | None = None) -> list[tuple[Interviewer, Interviewer | None]]:
    """(lead, trainee or None) for each interview, in order; AssignError when impossible.

    ``availability``: handle -> when they can interview; people are then given
    only interviews (with times) they are free for.
    """
    pool = list(pool)
    needs = [need_for(i.slot, i.question.type, level) for i in interviews]
    absent = [{p.handle: why for p in pool if (why := away(p, i, availability))} for i in interviews]
    leads = [[j for j, p in enumerate(pool) if can_lead(p, need) and p.handle not in absent[r]]
             for r, need in enumerate(needs)]
    owner, stuck = match(leads)
    if stuck is not None:
        raise AssignError(interviews[stuck].number, interviews[stuck].slot,
                          explain(stuck, needs, leads, owner, pool, [i.number for i in interviews],
                                  absent[stuck]))
    scale = _TIE * len(interviews) + 1
    cost = [[_FORBIDDEN if j not in leads[r] else
             -_overlap(p, i.question) * scale + _tie(seed, p, i) for j, p in enumerate(pool)]
            for r, i in enumerate(interviews)]
    chosen = min_cost_assignment(cost)
    taken = {chosen[r] for r in range(len(interviews))}
    trainees = [j for j, p in enumerate(pool) if p.is_trainee and j not in taken]
    shadows = _shadows(interviews, needs, pool, trainees, seed, absent)
    return [(pool[chosen[r]], shadows[r]) for r in range(len(interviews))]


def staff(plan, pool, availability: dict[str, Availability]):
    """A copy of the scheduled ``plan`` whose leads and trainees are all free for their interviews,
    by the same matching and seed (AssignError, naming who is busy when, when impossible)."""
    pairs = assign(plan.interviews, pool, plan.template.level, seed=plan.seed, availability=availability)
    return dataclasses.replace(plan, interviews=[dataclasses.replace(i, interviewer=lead, shadow=shadow)
                                                 for i, (lead, shadow) in zip(plan.interviews, pairs)])


def _tie(seed, person, interview) -> int:
    return int.from_bytes(seeded_rank(seed, f"{person.handle}\0{interview.question.id}"), "big") % _TIE


def _shadows(interviews, needs, pool, trainees, seed, absent):
    """At most one trainee per interview, as many interviews as possible."""
    if not trainees:
        return [None] * len(interviews)
    n = len(interviews)
    scale = _TIE * n + 1
    seat = (max((len(p.skills) for p in pool), default=0) + 1) * scale  # one more shadow beats any overlap
    cost = []
    for r, interview in enumerate(interviews):
        row = [-seat - _overlap(pool[j], interview.question) * scale + _tie(seed, pool[j], interview)
               if can_shadow(pool[j], needs[r]) and pool[j].handle not in absent[r] else _FORBIDDEN
               for j in trainees]
        row += [0] * n  # "no trainee" seats
        cost.append(row)
    chosen = min_cost_assignment(cost)
    return [pool[trainees[chosen[r]]] if chosen[r] < len(trainees) else None for r in range(n)]


def nobody(need: Need, pool) -> str | None:
    """Why no one in ``pool`` could ever lead for ``need`` (bookings aside), or None."""
    qualified = [p for p in pool if not p.is_trainee and need.type in p.qualified_for]
    if not qualified:
        trainees = sum(1 for p in pool if p.is_trainee and need.type in p.qualified_for)
        more = f" ({trainees} in training, who cannot lead)" if trainees else ""
        return f"nobody in the pool is qualified to lead {need.type}{more}"
    fit = [p for p in qualified if meets(p, need)]
    if not fit:
        names = ", ".join(f"{p.handle} ({p.level}{', ' + '/'.join(p.roles) if need.role and p.roles else ''})"
                          for p in qualified[:4]) + (", …" if len(qualified) > 4 else "")
        if len(qualified) == 1:
            return f"{need.describe()}; the one interviewer qualified for {need.type} does not: {names}"
        return f"{need.describe()}; none of the {len(qualified)} qualified for {need.type} does: {names}"
    if all(p.weekly_cap <= 0 for p in fit):
        return f"{need.describe()}; the {len(fit)} who could lead {need.type} have a weekly cap of 0"
    return None


def explain(stuck: int, needs, leads, owner, pool, numbers, absent=None) -> str:
    """Why interview ``stuck`` cannot get a lead, given a maximal matching ``owner`` (``absent``:
    handle -> why they are not free for it)."""
    need = needs[stuck]
    never = nobody(need, pool)
    if never:
        return never
    fit = [p for p in pool if not p.is_trainee and need.type in p.qualified_for and meets(p, need)]
    rows, _ = hall_set(leads, owner, stuck)
    busy = {pool[j].handle: numbers[r] for j, r in owner.items() if r in rows}
    absent = absent or {}
    why = [f"{p.handle} is {absent[p.handle]}" if p.handle in absent else
           f"{p.handle} at the weekly cap" if p.capacity <= 0 else f"{p.handle} leads slot {busy[p.handle]}"
           for p in fit if p.handle in absent or p.capacity <= 0 or p.handle in busy]
    who = f"{need.level} " + ("interviewer" if len(fit) == 1 else "interviewers")
    all_ = "it is" if len(fit) == 1 else ("both are" if len(fit) == 2 else f"all {len(fit)} are")
    what = ("not free then" if all(p.handle in absent for p in fit) else
            "not free then, already used or at their weekly cap" if absent else "already used or at their weekly cap")
    return (f"{need.describe()}; {len(fit)} {who} {'is' if len(fit) == 1 else 'are'} qualified but "
            f"{all_} {what} ({'; '.join(why)})")


def min_cost_assignment(cost) -> list[int]:
    """Column for each row minimising the total cost (rows <= columns; None = forbidden).

    The Hungarian algorithm with potentials, O(rows^2 * columns). Callers make
    sure a complete assignment over allowed cells exists.
    """
    n, m = len(cost), len(cost[0]) if cost else 0
    # a forbidden cell costs more than any difference between two allowed assignments
    big = 1 + 2 * sum(max((abs(c) for c in row if c is not None), default=0) for row in cost)
    inf = float("inf")
    u, v, p, way = [0] * (n + 1), [0] * (m + 1), [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        p[0], j0 = i, 0
        minv, used = [inf] * (m + 1), [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            row = cost[i0 - 1]
            for j in range(1, m + 1):
                if not used[j]:
                    c = row[j - 1]
                    cur = (big if c is None else c) - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    out = [0] * n
    for j in range(1, m + 1):
        if p[j]:
            out[p[j] - 1] = j - 1
    return out
