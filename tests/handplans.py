"""Plans built by hand from a bank, for testing the agenda and the views
without the planner: the first fitting question per slot, the first free
qualified interviewer, and a trainee shadow where one is free."""

from __future__ import annotations

import datetime as dt
from functools import cache

from looptool.bank.load import load_bank
from looptool.bank.resources import bundled_bank
from looptool.plan import agenda
from looptool.plan.result import Interview, Plan
from looptool.plan.selection import candidates

DAY = dt.date(2026, 11, 24)


@cache
def bundled():
    bank, _ = load_bank([bundled_bank()])
    return bank


def hand_plan(level="senior", role=None, bank=None, pool=True, skip=0, **extra) -> Plan:
    """A plan for ``level`` and ``role``; ``skip`` passes over that many fitting questions per slot."""
    bank = bank or bundled()
    template = bank.template_for(level)
    role_obj = bank.role(role) if role else None
    used: dict[str, str] = {}
    busy: set[str] = set()
    interviews = []
    for slot in template.expanded_slots():
        fit = candidates(bank.questions, slot, template.level, role_obj, used).fit
        if not fit:  # the bank cannot fit the role here: any question of the kind will do for a view test
            fit = candidates(bank.questions, slot, template.level, None, used).fit
        if not fit:
            continue
        question = fit[skip % len(fit)]
        used[question.id] = "used"
        lead = shadow = None
        if pool:
            lead = _pick(bank, question.type, busy, trainee=False, level=slot.interviewer_level)
            shadow = _pick(bank, question.type, busy, trainee=True)
        interviews.append(Interview(len(interviews) + 1, slot, question, lead, shadow))
    return Plan(level=template.level, template=template, role=role_obj, interviews=interviews, **extra)


def _pick(bank, kind, busy, trainee, level=None):
    for person in bank.interviewers:
        if person.handle in busy or kind not in person.qualified_for or person.is_trainee != trainee:
            continue
        if level and person.level != level:
            continue
        busy.add(person.handle)
        return person
    return None


def scheduled(level="senior", role=None, **options) -> Plan:
    return agenda.schedule(hand_plan(level, role, **options), day=DAY)
