"""Compose a loop: the level's interviews, the best questions for the role.

Pure: ``make_plan(bank, template, role, pool=..., seed=..., blocked=...)``
returns a :class:`~looptool.plan.result.Plan` (questions, and interviewers
when a pool is given) or raises :class:`PlanError` naming the slot that
cannot be filled and why. It reads no file and runs no linter: what blocks a
question is decided by the command layer (``looptool.commands.plan``) and
passed in as data.

**Eligibility.** A question may fill a slot when ``selection.candidates``
accepts it (kind, status, level, stage, role fit) and it is not blocked
(``blocked`` maps its id to why: lint errors, excluded by ``--exclude``).
Blocked questions that would otherwise have fitted some slot are counted in
``plan.skipped`` by reason. A slot that pins a question gets exactly that
question, which must still be eligible. No question appears twice in a loop,
and no two questions of a loop share a ``signal`` (compared without case or
extra spaces): two interviews after the same evidence waste one of them.

**Must-cover skills.** The skills a loop must test (``feasibility.required``:
the role's ``must_cover``, else its heaviest skills, plus the template's own)
are hard constraints: when no question that fits a slot tests one, planning
fails naming it; otherwise each weighs more than all the other skills
together in the search below, so the best loop covers them all whenever any
loop can (and planning fails when none can).

**The candidate.** ``background`` (from the candidate file) blocks deep dives
written for other backgrounds and, where the bank has one written for theirs,
makes the deep dive one of those (``selection.for_background``); without a
background, no deep dive written for particular backgrounds is planned, since
nothing says the candidate has a PhD or a portfolio. ``pins`` (interview
number -> question id, from ``--pin``) fix one interview's question, which
must still be eligible.

**Objective.** With a role, each in-scope skill weighs its ``in_scope``
weight; without one, every skill the loop's candidates test weighs 1. A
loop's value is the summed weight of the skills tested by at least one of
its interviews (``plan.score``; ``plan.best_possible`` is the summed weight
of every skill that counts). There is deliberately no secondary term: every
tie it broke would be one fewer choice for the rotation below, and the
rotation is what keeps one leaked question out of most loops.

**Search.** Only a question's in-scope skill set (a bitmask) matters to the
objective, so each slot's candidates are grouped by skill set, keeping per
group up to *n* questions with distinct signals (*n* = interviews in the
loop): the other *n - 1* interviews can take at most *n - 1* of them. A skill
set whose strict supersets in the same slot offer *n* distinct signals is
dropped: an optimal loop can always swap it for one of them without losing
value. A depth-first branch and bound then walks the slots in order, trying
each slot's skill sets by marginal gain. Its bound is the least of three
upper bounds on what the remaining slots can add: the sum of each slot's
best marginal gain (gains only shrink as the loop grows), the weight of
every untested skill they could reach, and a *seating* that lets each slot
add as many skills as its widest option but each skill only once (see
``search._Seats``). Repeated slots (``count: 2``) take skill sets in
non-decreasing order, and a matching of interviews to signals keeps every
partial loop completable. The search is exact unless it visits
``NODE_BUDGET`` nodes, when it keeps the best loop found so far, which the
gain-first order makes a good one. The bundled bank needs at most about
5,000 nodes; a random 2,000-question bank needed up to about 12,000.

**Rotation.** Every question gets a seeded rank, ``sha256(seed, id)``.
Skill sets of equal marginal gain are tried in the order of their
best-ranked question, and the search keeps the *first* loop of maximal
value in that order (it accepts only strictly better loops and prunes
branches that cannot beat the best). Then each slot takes its best-ranked
question that keeps the rest of the loop fillable. So wherever the search
meets equally good choices the seed decides: another seed gives another,
equally good loop when such ties exist, the same seed always the same one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from looptool.bank.load import Bank
from looptool.bank.model import LoopTemplate, Role
from looptool.plan.assign import assign, unstaffable
from looptool.plan.feasibility import PlanError, UncoveredError, required, slot_fits
from looptool.plan.result import Interview, Plan
from looptool.plan.search import NODE_BUDGET, concrete, objective_for, options_for, search
from looptool.plan.selection import rejection

# why a question is blocked, in the order ``plan.skipped`` lists them
LINT_ERRORS = "with lint errors"
EXCLUDED = "excluded"


def make_plan(bank: Bank, template: LoopTemplate, role: Role | None = None, *, pool=None, seed: int = 0,
              blocked: Mapping[str, str] | None = None, budget: int = NODE_BUDGET,
              background: str | None = None, pins: Mapping[int, str] | None = None) -> Plan:
    """The best loop for ``template`` and ``role`` (see the module doc).

    ``blocked``: question id -> why it may not be chosen (``LINT_ERRORS``,
    ``EXCLUDED`` or any reason to show). ``pool``: interviewers to assign
    (see ``looptool.plan.assign``). ``background``: the candidate's, from the
    candidate file. ``pins``: interview number -> question id. Raises
    PlanError naming every slot that cannot be filled, or the must-cover
    skills no loop can test.
    """
    blocked = dict(blocked or {})
    slot_blocked = unstaffable(bank.questions, template, pool) if pool is not None else None
    fits = slot_fits(bank, template, role, blocked, slot_blocked, background=background, pins=pins)
    must = required(template, role)

    objective = objective_for(role, fits, must)
    n = len(fits)
    slot_options = [options_for(f.fit, objective, n, seed) for f in fits]
    repeats = [i > 0 and fits[i].slot is fits[i - 1].slot for i in range(n)]
    result = search(slot_options, repeats, objective, budget)
    if result is None:  # unreachable: the matching above proved a loop exists
        raise PlanError(fits[0].number, fits[0].slot, "no combination of questions fits")
    questions = concrete(result.chosen)
    tested = {skill for q in questions for skill in q.skills}
    missing = [skill for skill in must if skill not in tested]
    if missing:
        raise UncoveredError(missing, "no loop of the questions that fit its slots tests them all together")
    interviews = [Interview(f.number, f.slot, q) for f, q in zip(fits, questions)]
    if pool is not None:
        for interview, (lead, shadow) in zip(interviews, assign(interviews, pool, template.level, seed=seed)):
            interview.interviewer, interview.shadow = lead, shadow
    plain = objective_for(role, fits)  # the score shown is the role's own weighting
    masks = [plain.mask(q.skills) for q in questions]
    return Plan(
        level=template.level, template=template, role=role, interviews=interviews, seed=seed,
        score=float(plain.value(masks)), best_possible=float(plain.total), must_cover=must,
        skipped=_skipped(possible_questions(bank, template, role), blocked),
        excluded=sorted(qid for qid, why in blocked.items() if why == EXCLUDED),
    )


def possible_questions(bank: Bank, template: LoopTemplate, role: Role | None) -> list:
    """The questions some slot of the loop would take, were they not blocked."""
    types = {kind for slot in template.slots for kind in slot.types}
    return [q for q in bank.questions if q.type in types
            and any(rejection(q, slot, template.level, role) is None for slot in template.slots)]


def _skipped(possible, blocked) -> dict[str, int]:
    """Blocked questions that some slot of the loop would otherwise have taken, by reason."""
    counts = Counter(blocked[q.id] for q in possible if q.id in blocked)
    return {why: counts[why] for why in (LINT_ERRORS, EXCLUDED) if counts[why]}
