"""Can a loop template be filled, and if not, which slot fails and why.

The planner's own feasibility test, reused where others must predict it: the
``unfillable-slot`` rule and ``looptool diff``. A slot is fillable when some
question passes ``selection.rejection`` and is not blocked; the loop is
fillable when, on top of that, its interviews can take questions with
distinct signals (a matching, see ``matching.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from looptool.bank.load import Bank
from looptool.bank.model import LoopTemplate, Question, Role, Slot
from looptool.plan.matching import hall_set, match
from looptool.plan.selection import Candidates, candidates, rejection, signal_key


class PlanError(Exception):
    """A slot the bank (or the pool) cannot fill; the CLI exits 1."""

    def __init__(self, number: int, slot: Slot, reason: str, involved: tuple[Slot, ...] = ()):
        self.number, self.slot, self.reason = number, slot, reason
        self.involved = involved or (slot,)  # every slot the problem spans (several when matching fails)
        super().__init__(f"cannot fill slot {number} ({slot_name(slot)}): {reason}")


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


def slot_fits(bank, template, role, blocked, slot_blocked=None) -> list[SlotFit]:
    """Each interview's fitting questions; raises PlanError for the first slot that has none."""
    index = by_type(bank.questions)
    return [fit_slot(bank, index, number, slot, template.level, role,
                      {**blocked, **(slot_blocked[number - 1] if slot_blocked else {})})
            for number, slot in enumerate(template.expanded_slots(), 1)]


def fit_slot(bank, index, number, slot, level, role, blocks) -> SlotFit:
    if slot.question:
        question = bank.question(slot.question)
        if question is None:
            raise PlanError(number, slot, f"the pinned question `{slot.question}` is not in the bank")
        why = rejection(question, slot, level, role) or blocks.get(question.id)
        if why:
            raise PlanError(number, slot, f"the pinned question `{question.id}` cannot be used: {why}")
        return SlotFit(number, slot, [question])
    pool = [q for kind in dict.fromkeys(slot.types) for q in index.get(kind, ())]
    tally = candidates(pool, slot, level, role, blocks)
    if not tally.fit:
        raise PlanError(number, slot, _none_fit(slot, level, role, tally))
    return SlotFit(number, slot, tally.fit)


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
               index: dict[str, list[Question]] | None = None) -> list[PlanError]:
    """Every slot that has no fitting question, or else the first matching problem.

    ``index`` (questions by type, from ``by_type``) may be shared by callers that
    check many templates and roles against one bank."""
    blocked = blocked or {}
    index = index if index is not None else by_type(bank.questions)
    errors, fits, first_fit = [], [], {}
    for number, slot in enumerate(template.expanded_slots(), 1):
        if id(slot) in first_fit:  # a repeated slot fits (or fails) like its first copy
            if first_fit[id(slot)] is not None:
                fits.append(SlotFit(number, slot, first_fit[id(slot)].fit))
            continue
        try:
            fits.append(fit_slot(bank, index, number, slot, template.level, role, blocked))
            first_fit[id(slot)] = fits[-1]
        except PlanError as error:
            errors.append(error)
            first_fit[id(slot)] = None
    if errors:
        return errors
    try:
        check_matchable(fits, template.level, role)
    except PlanError as error:
        return [error]
    return []
