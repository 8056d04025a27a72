"""A level and role the planner cannot plan a loop for.

## What it flags
Every level and role the planner can be asked for (each level with a
template, each role of the bank, bundled roles included, and no role at
all), with the template the planner would use for it (`Bank.template_for`:
the role's own template for the level, else the general one; the bundled
templates when the linted files define none). For each, the planner's own
feasibility test: each slot needs a question that is active, suits the level
and stage, fits the role (tests an in-scope skill and no out-of-scope one),
the loop needs as many different questions, with different `signal`s, as it
has interviews, and the questions able to fill its slots must test every
skill the loop must cover (the role's `must_cover`, by default its heaviest
skills, and the template's). One finding per level and role lists every
slot that cannot be filled (or the must-cover skills left untested), with
the tally of why the candidates do not fit. A template that no question
fills for any role is reported once, not once per role. Templates reachable
only by their id (`--level ID`) are checked too.

The finding sits on the template's slot when the linted files define the
template, and on the linted questions otherwise (a missing question has no
line of its own). With `--changed-since`, the report names the changed
questions that could fill the slot before. Nothing is reported for files
that hold no questions. Questions with lint errors of their own still count
here (their own finding says what to fix); the planner skips them; deep
dives written for particular candidate backgrounds do not count, since a
plan without a candidate file does not use them.

A problem another rule already reports where it is made is left to that
rule, so one mistake gives one finding: a pin that the template's own role
refuses is `role-mismatch`'s (on the question's skill), and a loop that
cannot be matched only because its pins repeat a question or a signal is
`repeated-in-loop`'s. When that rule is switched off, or ignored for the
file, this rule reports the problem itself.

## Why it matters
`looptool plan --level staff --role mlops` must produce a loop. Retiring the
last staff-level ML system design question, or narrowing a role so that no
data-modeling question fits it any more, silently breaks planning for that
level and role; this rule makes the pull request that does it fail. A
folder of questions linted alone is planned against the bundled templates
and roles, so it is judged against them too: lint and plan agree.

## Fails
```yaml
roles:
  - {id: applied, title: Applied, in_scope: {ml-problem-framing: 4}}
loops:
  - id: staff
    level: staff
    slots:
      - {type: ml-system-design, stage: probe, minutes: 60}
    progression: {pass_total: 3}
questions:
  - id: scam-losses
    type: ml-system-design
    levels: [staff]
    skills: [ml-problem-framing]
    stage: probe
    status: retired        # the last one
```

## Passes
```yaml
roles:
  - {id: applied, title: Applied, in_scope: {ml-problem-framing: 4}}
loops:
  - id: staff
    level: staff
    slots:
      - {type: ml-system-design, stage: probe, minutes: 60}
    progression: {pass_total: 3}
questions:
  - id: scam-losses
    type: ml-system-design
    levels: [staff]
    skills: [ml-problem-framing]
    stage: probe
    status: active
```

## Options
None.
"""

from dataclasses import dataclass

from looptool.bank import model
from looptool.lint.rules import Problem, repeated_in_loop, role_mismatch
from looptool.plan.feasibility import by_type, unfillable
from looptool.plan.selection import rejection

CODE, NAME, LEVEL, SCOPE = "LT231", "unfillable-slot", "error", "bank"


@dataclass(frozen=True)
class _Anchor:
    """Where a finding about a template the linted files do not define goes: their questions."""

    origin: model.Origin


def _combinations(bank):
    """(template, roles) to check: every level x role (and no role) by the planner's own lookup,
    then each template only its id reaches, for its own roles or for all."""
    chosen: dict[int, list] = {}
    for level in dict.fromkeys(loop.level for loop in bank.loops):
        for role in [None, *bank.roles]:
            template = bank.template_for(level, role)
            if template is not None and (role is not None or not template.roles):  # else planned for its roles
                chosen.setdefault(id(template), [template, []])[1].append(role)
    for template in bank.loops:
        if id(template) not in chosen:
            own = [r for r in map(bank.role, template.roles) if r is not None]
            chosen[id(template)] = [template, own if template.roles else [None, *bank.roles]]
    return [(template, roles) for template, roles in chosen.values()]


def check(bank, ctx):
    if not bank.questions:
        return
    index = by_type(bank.questions)
    anchor = None if "loops" not in bank.fallback else _questions_anchor(bank)
    for template, roles in _combinations(bank):
        if None in roles:
            errors = _kept(bank, template, None, unfillable(bank, template, None, index=index), ctx)
            if any(error.slot is not None for error in errors):
                yield _problem(template, errors, None, anchor)
                continue
            if errors:
                yield _problem(template, errors, None, anchor, any_role=False)
        for role in filter(None, roles):
            errors = _kept(bank, template, role, unfillable(bank, template, role, index=index), ctx)
            if errors:
                yield _problem(template, errors, role, anchor)


def _kept(bank, template, role, errors, ctx):
    return [error for error in errors if not _reported_elsewhere(bank, template, role, error, ctx)]


def _problem(template, errors, role, anchor, any_role=True):
    if role is not None:
        who = f"level {template.level} and role {role.id}"
    else:
        who = f"level {template.level} and any role" if any_role else f"level {template.level} without a role"
    where = f"{'bundled ' if anchor is not None else ''}loop `{template.id}`"
    what = "; ".join(_describe(error) for error in errors)
    message = f"{where} cannot be planned for {who}: {what}"
    first = errors[0]
    if anchor is not None:
        return Problem(message, at=anchor, subject=template.id, on_key=True)
    if first.slot is None:
        return Problem(message, path=("slots",), at=template, on_key=True)
    return Problem(message, path=("slots", first.slot.index), at=template)


def _describe(error) -> str:
    if error.slot is None:
        return str(error)
    return f"slot {error.number} ({error.slot.describe()}) cannot be filled: {error.reason}"


def _questions_anchor(bank):
    question = next(q for q in bank.questions if q.origin is not None)
    return _Anchor(model.Origin(question.origin.document, question.origin.path[:1]))


def _reported_elsewhere(bank, template, role, error, ctx) -> bool:
    """The problem is already a finding of the rule that owns it (see the docs)."""
    if error.slot is None:
        return False
    if len(error.involved) > 1:  # no distinct questions or signals for these slots
        return (all(slot.question for slot in error.involved) and ctx.reports(repeated_in_loop.CODE, _file(template))
                and any(True for _ in repeated_in_loop.check(template, ctx)))
    slot = error.slot
    question = bank.question(slot.question) if slot.question else None
    if question is None or role is None or not template.is_for(role.id):
        return False
    refused_by_role = rejection(question, slot, template.level, None) is None
    return refused_by_role and ctx.reports(role_mismatch.CODE, _file(question))


def _file(item) -> str:
    return item.origin.file if item.origin is not None else ""
