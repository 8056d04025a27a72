"""What a change to a bank does: which items changed, and for every level ×
role whether a loop can still be planned and how much of the role's skills
it can still cover.

Items are compared by id and content (the parsed YAML), never by line, so
reformatting or moving a question between files is no change. Plannability
is the planner's own feasibility test (:func:`looptool.plan.feasibility.unfillable`,
must-cover skills included) on the template the planner would use
(``Bank.template_for``: the role's own for the level, else the general one);
coverage is the share of the role's weighted in-scope skills that some
question eligible for the loop (:mod:`looptool.plan.selection`) tests.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from looptool.bank import model
from looptool.bank.load import load_bank
from looptool.plan.feasibility import unfillable
from looptool.plan.selection import candidates, rejection
from looptool.review.gitrepo import bank_at, bank_top, resolve

# -- items by id --------------------------------------------------------------


def items(bank) -> dict[tuple[str, str], list]:
    """(section, id) -> the raw items with that id, read from the documents, so
    that items failing the schema count too."""
    out: dict[tuple[str, str], list] = {}
    for document in bank.documents:
        if not isinstance(document.data, dict):
            continue
        for section, (_, id_field, _) in model.SECTIONS.items():
            value = document.data.get(section)
            if not isinstance(value, list):
                continue
            for item in value:
                if isinstance(item, dict) and isinstance(item.get(id_field), str):
                    out.setdefault((section, item[id_field]), []).append(item)
    return out


def _canonical(value) -> str:
    return json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)


def changed_keys(base, head) -> set[tuple[str, str]]:
    """(section, id) of items added, changed or removed from ``base`` to ``head``."""
    before, after = items(base), items(head)
    return {key for key in before.keys() | after.keys()
            if sorted(map(_canonical, after.get(key, []))) != sorted(map(_canonical, before.get(key, [])))}


@dataclass
class QuestionChange:
    id: str
    title: str
    kind: str  # added | removed | retired | changed
    fields: list[str] = field(default_factory=list)  # top-level fields that differ
    detail: str = ""


def question_changes(base, head) -> list[QuestionChange]:
    before = {k[1]: v[0] for k, v in items(base).items() if k[0] == "questions"}
    after = {k[1]: v[0] for k, v in items(head).items() if k[0] == "questions"}
    out = []
    for qid in sorted(before.keys() | after.keys()):
        old, new = before.get(qid), after.get(qid)
        if old is None:
            out.append(QuestionChange(qid, str(new.get("title", "")), "added"))
        elif new is None:
            out.append(QuestionChange(qid, str(old.get("title", "")), "removed"))
        elif _canonical(old) != _canonical(new):
            fields = sorted(k for k in old.keys() | new.keys() if _canonical(old.get(k)) != _canonical(new.get(k)))
            was, now = old.get("status", "active"), new.get("status", "active")
            if was == "active" and now != "active":
                out.append(QuestionChange(qid, str(new.get("title", "")), "retired", fields, f"{was} → {now}"))
            else:
                out.append(QuestionChange(qid, str(new.get("title", "")), "changed", fields))
    return out


# -- plannability and coverage ------------------------------------------------


@dataclass
class Outlook:
    """What one level × role can draw on in one bank."""

    level: str
    role: str
    loop: str | None
    unfilled: list[str]  # descriptions of interviews no question is left for
    coverage: float  # 0..1 of the role's in-scope weight
    covered: set[str]  # in-scope skills some eligible question tests
    eligible: set[str]  # ids of questions that could fill some interview

    @property
    def plannable(self) -> bool:
        return self.loop is not None and not self.unfilled


def _fits(bank, slot, level, role) -> list[str]:
    if slot.question:
        pinned = bank.question(slot.question)
        return [pinned.id] if pinned and rejection(pinned, slot, level, role) is None else []
    return [q.id for q in candidates(bank.questions, slot, level, role).fit]


def _unfilled(bank, loop, role) -> list[str]:
    """The planner's own verdict: each slot it cannot fill (or the must-cover skills it cannot
    test), with the reason."""
    return [f"{error.slot.describe()} ({error.reason})" if error.slot is not None else error.reason
            for error in unfillable(bank, loop, role)]


def outlook(bank, level: str, role) -> Outlook:
    loop = bank.template_for(level, role)
    if loop is None:
        return Outlook(level, role.id, None, ["no loop template for this level"], 0.0, set(), set())
    eligible = {qid for slot in loop.slots for qid in _fits(bank, slot, level, role)}
    unfilled = _unfilled(bank, loop, role)
    tested = {skill for q in bank.questions if q.id in eligible for skill in q.skills}
    weights = role.in_scope
    covered = tested & weights.keys()
    total = sum(weights.values())
    return Outlook(level, role.id, loop.id, unfilled, sum(weights[s] for s in covered) / total if total else 1.0,
                   covered, eligible)


def outlooks(bank) -> dict[tuple[str, str], Outlook]:
    """Every level × role of the bank."""
    return {(level, role.id): outlook(bank, level, role)
            for role in bank.roles for level in model.LEVELS if any(loop.level == level for loop in bank.loops)}


# -- the whole comparison -------------------------------------------------------


@dataclass
class Movement:
    level: str
    role: str
    before: Outlook | None
    after: Outlook | None

    @property
    def lost(self) -> list[str]:
        return sorted((self.before.covered if self.before else set()) - (self.after.covered if self.after else set()))

    @property
    def gained(self) -> list[str]:
        return sorted((self.after.covered if self.after else set()) - (self.before.covered if self.before else set()))

    @property
    def broke(self) -> bool:
        return bool(self.before and self.before.plannable and not (self.after and self.after.plannable))

    @property
    def fixed(self) -> bool:
        return bool(self.after and self.after.plannable and not (self.before and self.before.plannable))

    @property
    def moved(self) -> bool:
        cov = lambda o: round(o.coverage, 4) if o else None  # noqa: E731
        return self.broke or self.fixed or bool(self.lost or self.gained) or cov(self.before) != cov(self.after)


@dataclass
class Impact:
    base: str
    head: str
    questions: list[QuestionChange]
    movements: list[Movement]

    def count(self, kind: str) -> int:
        return sum(1 for q in self.questions if q.kind == kind)


def compare(base_bank, head_bank, base: str, head: str) -> Impact:
    before, after = outlooks(base_bank), outlooks(head_bank)
    keys = sorted(before.keys() | after.keys(), key=lambda k: (k[1], model.LEVEL_RANK.get(k[0], 99)))
    moves = [Movement(level, role, before.get((level, role)), after.get((level, role))) for level, role in keys]
    return Impact(base, head, question_changes(base_bank, head_bank), moves)


def culprits(base_bank, head_bank, changed_ids: set[str]) -> dict[tuple[str, str], list[str]]:
    """For each level × role that was plannable at base and is not at head: the
    changed or removed questions that could fill one of its interviews at base."""
    before, after = outlooks(base_bank), outlooks(head_bank)
    out = {}
    for key, was in before.items():
        now = after.get(key)
        if was.plannable and not (now and now.plannable):
            out[key] = sorted(was.eligible & changed_ids)
    return out


def between(base_ref: str, head_ref: str | None, paths) -> Impact:
    """Compare the bank under ``paths`` at two git refs (head: the working tree)."""
    top = bank_top(paths)
    resolve(base_ref, top)
    base_bank = bank_at(base_ref, paths, top)
    if head_ref is None:
        head_bank, _ = load_bank(paths)
    else:
        resolve(head_ref, top)
        head_bank = bank_at(head_ref, paths, top)
    return compare(base_bank, head_bank, base_ref, head_ref or "working tree")
