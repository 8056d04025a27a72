"""Which questions may fill a loop slot, and why the others may not.

Shared by the planner (to choose) and by the rules that must predict what the
planner can do (an unfillable slot, a role mismatch), so that both always
agree. Also here: when two questions ask for the same evidence (their
``signal``), and the seeded order that rotates equally good choices.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from looptool.bank.model import Question, Role, Slot


def rejection(question: Question, slot: Slot, level: str, role: Role | None) -> str | None:
    """Why ``question`` cannot fill ``slot`` for a candidate at ``level`` (None: it can)."""
    if question.type not in slot.types or not slot.accepts_kind(question):
        return "other type"
    if not question.active:
        return question.status
    if level not in question.levels:
        return f"not for level {level}"
    if slot.stage and question.stage != slot.stage:
        return f"not a {slot.stage}"
    if role is not None:
        excluded = sorted(set(question.skills) & set(role.out_of_scope))
        if excluded:
            return "out of scope"
        if not set(question.skills) & role.in_scope.keys():
            return "no in-scope skill"
    return None


@dataclass
class Candidates:
    """The questions that can fill a slot, and a tally of why the rest cannot."""

    fit: list[Question] = field(default_factory=list)
    rejected: Counter = field(default_factory=Counter)

    def explain(self) -> str:
        """`3 candidates, 2 out of scope, 1 retired` (same-type questions only)."""
        same_type = len(self.fit) + sum(n for why, n in self.rejected.items() if why != "other type")
        reasons = [f"{n} {why}" for why, n in sorted(self.rejected.items(), key=lambda kv: (-kv[1], kv[0]))
                   if why != "other type"]
        noun = "candidate" if same_type == 1 else "candidates"
        if not reasons:
            return f"{same_type} {noun}"
        return f"{same_type} {noun}: " + ", ".join(reasons)


def candidates(questions, slot: Slot, level: str, role: Role | None, blocked=frozenset()) -> Candidates:
    """Sort ``questions`` into those that fit the slot and a tally of the others.

    ``blocked`` maps question ids to a reason (e.g. lint errors, excluded by an
    earlier plan) that rules a question out before anything else.
    """
    result = Candidates()
    for question in questions:
        why = rejection(question, slot, level, role)
        if why is None and question.id in blocked:
            why = blocked[question.id] if isinstance(blocked, dict) else "blocked"
        if why is None:
            result.fit.append(question)
        else:
            result.rejected[why] += 1
    return result


NO_BACKGROUND = "for a named background (no candidate background given)"
OTHER_BACKGROUND = "for another background"


def background_blocks(questions, background: str | None) -> dict[str, str]:
    """Question id -> why a question written for some backgrounds only (``backgrounds``) may not be
    planned for this candidate: it names others, or the candidate's background is not known."""
    return {q.id: OTHER_BACKGROUND if background else NO_BACKGROUND
            for q in questions if q.backgrounds and background not in q.backgrounds}


def for_background(fit: list[Question], background: str | None) -> list[Question]:
    """A slot's fitting questions narrowed to those written for the candidate's background, when
    there are any: a PhD presents research, a self-taught engineer a portfolio project."""
    own = [q for q in fit if background and background in q.backgrounds]
    return own or fit


def signal_key(question: Question) -> str:
    return _normal(question.signal)


@lru_cache(maxsize=65536)
def _normal(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(".")


def seeded_rank(seed: int, key: str) -> bytes:
    """A stable pseudo-random sort key (``hash()`` varies between runs)."""
    return hashlib.sha256(f"{seed}\0{key}".encode()).digest()[:8]
