"""Can a loop template be filled, and if not, every slot that fails and why.

The planner's own feasibility test, reused where others must predict it: the
``unfillable-slot`` rule and ``looptool diff``. A slot is fillable when some
question passes ``selection.rejection`` and is not blocked; the loop is
fillable when, on top of that, its interviews can take questions with
distinct signals (a matching, see ``matching.py``) and the questions that
fit its slots test every skill the loop must cover (``required``: the role's
``must_cover``, else its heaviest skills, and the template's own
``must_cover``).

What the loop is planned for beyond level and role is data too: the
candidate's ``background`` (deep dives written for other backgrounds are
blocked, and one written for theirs is preferred, ``selection.for_background``)
and ``pins`` (interview number -> question id, as ``--pin`` gives them).
"""

from __future__ import annotations

from dataclasses import dataclass

from looptool.bank.load import Bank
from looptool.bank.model import LoopTemplate, Question, Role, Slot
from looptool.plan.matching import hall_set, match
from looptool.plan.selection import (Candidates, background_blocks, candidates, for_background, rejection,
                                     signal_key)


class PlanError(Exception):
    """A loop the bank (or the pool) cannot fill; the CLI exits 1.

    One problem has a slot (``number``, ``slot``, ``reason``); a loop with
    several lists them all in ``problems`` and in its message.
    """

    def __init__(self, number: int | None, slot: Slot | None, reason: str, involved: tuple[Slot, ...] = (),
                 message: str | None = None):
        self.number, self.slot, self.reason = number, slot, reason
        self.involved = involved or ((slot,) if slot is not None else ())  # every slot the problem spans
        self.problems: tuple[PlanError, ...] = (self,)
        super().__init__(message or f"cannot fill slot {number} ({slot_name(slot)}): {reason}")

    @classmethod
    def every(cls, errors: list[PlanError]) -> PlanError:
        """One error that names every problem of ``errors``."""
        if len(errors) == 1:
            return errors[0]
        first = errors[0]
        combined = cls(first.number, first.slot, first.reason, first.involved,
                       message=f"{len(errors)} problems: " + "; ".join(str(e) for e in errors))
        combined.problems = tuple(errors)
        return combined


class UncoveredError(PlanError):
    """Skills the loop must cover that the questions able to fill its slots do not test."""

    def __init__(self, skills: list[str], why: str):
        self.skills = list(skills)
        noun = "skill" if len(skills) == 1 else "skills"
        super().__init__(None, None, f"must cover {', '.join(skills)}: {why}",
                         message=f"cannot cover the must-cover {noun} {', '.join(skills)}: {why}")


def required(template: LoopTemplate, role: Role | None) -> list[str]:
    """The skills a loop from ``template`` for ``role`` must test, in a stable order."""
    return list(dict.fromkeys([*(role.required if role is not None else []), *template.must_cover]))


def slot_name(slot: Slot) -> str:
    return " or ".join(slot.kinds)


def by_type(questions) -> dict[str, list[Question]]:
    index: dict[str, list[Question]] = {}
    for question in questions:
        index.setdefault(question.type, []).append(question)
    return index


@dataclass
class SlotFit:
    number: int
    slot: Slot
    fit: list[Question]


def slot_fits(bank, template, role, blocked, slot_blocked=None, *, background=None, pins=None) -> list[SlotFit]:
    """Each interview's fitting questions; raises one PlanError naming every slot that has none,
    or the skills the loop must cover that no fitting question tests."""
    fits, errors = examine(bank, template, role, blocked, slot_blocked, background=background, pins=pins)
    if errors:
        raise PlanError.every(errors)
    return fits


def examine(bank, template, role, blocked=None, slot_blocked=None, *, background=None, pins=None,
            index=None, matching=True) -> tuple[list[SlotFit], list[PlanError]]:
    """The fitting questions of every interview, and every problem found: each slot with none;
    else the first matching problem (with ``matching``) or the must-cover skills left untested."""
    pins = dict(pins or {})
    blocked = {**background_blocks(bank.questions, background), **(blocked or {})}
    index = index if index is not None else by_type(bank.questions)
    errors, fits, first_fit = [], [], {}
    for number, slot in enumerate(template.expanded_slots(), 1):
        reuse = slot_blocked is None and number not in pins and id(slot) in first_fit
        if reuse:  # a repeated slot fits (or fails) like its first copy
            if first_fit[id(slot)] is not None:
                fits.append(SlotFit(number, slot, first_fit[id(slot)].fit))
            continue
        blocks = {**blocked, **(slot_blocked[number - 1] if slot_blocked else {})}
        try:
            fits.append(fit_slot(bank, index, number, slot, template.level, role, blocks,
                                 background=background, pin=pins.get(number)))
            if number not in pins:
                first_fit[id(slot)] = fits[-1]
        except PlanError as error:
            errors.append(error)
            first_fit.setdefault(id(slot), None)
    if errors:
        return fits, errors
    if matching:
        try:
            check_matchable(fits, template.level, role)
        except PlanError as error:
            return fits, [error]
    missing = uncovered(fits, required(template, role))
    if missing:
        return fits, [UncoveredError(missing, "no question that fits a slot of the loop tests "
                                              + ("it" if len(missing) == 1 else "them"))]
    return fits, []


def uncovered(fits: list[SlotFit], skills) -> list[str]:
    """The ``skills`` no fitting question of any slot tests."""
    tested = {skill for f in fits for q in f.fit for skill in q.skills}
    return [skill for skill in skills if skill not in tested]


def fit_slot(bank, index, number, slot, level, role, blocks, *, background=None, pin=None) -> SlotFit:
    pinned = pin or slot.question
    if pinned:
        how = "pinned" if pin is None else "pinned (--pin)"
        question = bank.question(pinned)
        if question is None:
            raise PlanError(number, slot, f"the {how} question `{pinned}` is not in the bank")
        why = rejection(question, slot, level, role) or blocks.get(question.id)
        if why:
            raise PlanError(number, slot, f"the {how} question `{question.id}` cannot be used: {why}")
        return SlotFit(number, slot, [question])
    pool = [q for kind in dict.fromkeys(slot.types) for q in index.get(kind, ())]
    tally = candidates(pool, slot, level, role, blocks)
    if not tally.fit:
        raise PlanError(number, slot, _none_fit(slot, level, role, tally))
    return SlotFit(number, slot, for_background(tally.fit, background))


def _none_fit(slot, level, role, tally: Candidates) -> str:
    head = f"no {slot_name(slot)} question for level {level}"
    head += f" fits role {role.id}" if role is not None else " is available"
    reasons = {why: n for why, n in tally.rejected.items() if why != "other type"}
    total = sum(reasons.values())
    if total == 0:
        return head + ": the bank has none"
    if len(reasons) == 1:
        why = next(iter(reasons))
        noun = "candidate" if total == 1 else "candidates"
        return head + (f": 1 {noun}, {why}" if total == 1 else f": {total} {noun}, all {why}")
    return head + ": " + tally.explain()


def signal_options(fits: list[SlotFit]) -> list[set[str]]:
    return [{signal_key(q) for q in f.fit} for f in fits]


def check_matchable(fits: list[SlotFit], level, role) -> None:
    options = [sorted(s) for s in signal_options(fits)]
    owner, stuck = match(options)
    if stuck is None:
        return
    rows, cols = hall_set(options, owner, stuck)
    questions = {q.id for r in rows for q in fits[r].fit}
    slots = ", ".join(str(fits[r].number) for r in rows)
    kinds = " / ".join(dict.fromkeys(slot_name(fits[r].slot) for r in rows))
    fitting = f"fit level {level}" + (f" and role {role.id}" if role is not None else "")
    if len(questions) < len(rows):
        why = f"only {len(questions)} {'question' if len(questions) == 1 else 'questions'} {fitting}"
    else:
        why = (f"the {len(questions)} questions that {fitting} share only {len(cols)} "
               f"{'signal' if len(cols) == 1 else 'signals'}")
    raise PlanError(fits[stuck].number, fits[stuck].slot,
                    f"slots {slots} ({kinds}) need {len(rows)} questions with different signals, but {why}",
                    involved=tuple(fits[r].slot for r in rows))


def unfillable(bank: Bank, template: LoopTemplate, role: Role | None, blocked=None,
               index: dict[str, list[Question]] | None = None, *, background=None, pins=None) -> list[PlanError]:
    """Every problem that stops the planner (see ``examine``); empty when the loop can be planned.

    ``index`` (questions by type, from ``by_type``) may be shared by callers that
    check many templates and roles against one bank."""
    return examine(bank, template, role, blocked, background=background, pins=pins, index=index)[1]
