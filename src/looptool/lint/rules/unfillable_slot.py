"""A loop template has a slot the bank cannot fill for some role.

## What it flags
For every loop template and every role (only the template's own `role`
when it names one), the planner's own feasibility test: each slot needs a
question that is active, suits the level and stage, fits the role (tests an
in-scope skill and no out-of-scope one), and the loop needs as many different
questions, with different `signal`s, as it has interviews. The finding names
the slot, the level and the role, with the tally of why the candidates do
not fit. A slot that no question fills for any role is reported once, not
once per role.

The finding sits on the template's slot: a missing question has no line of
its own, and the question whose change caused it cannot be known from one
version of the bank (with `--changed-since`, the report names the changed
questions that could fill the slot before). Only templates defined in the
linted files are checked, and only when those files hold questions: a
folder of questions alone, planned against the bundled templates, would
otherwise be blamed for every interview type it does not cover. Questions
with lint errors of their own still count here (their own finding says what
to fix); the planner skips them.

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
level and role; this rule makes the pull request that does it fail.

## Fails
```yaml
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
    stage: probe
    status: retired        # the last one
```

## Passes
```yaml
questions:
  - id: scam-losses
    type: ml-system-design
    levels: [staff]
    stage: probe
    status: active
```

## Options
None.
"""

from looptool.lint.rules import Problem, repeated_in_loop, role_mismatch
from looptool.plan.feasibility import by_type, unfillable
from looptool.plan.selection import rejection

CODE, NAME, LEVEL, SCOPE = "LT231", "unfillable-slot", "error", "bank"


def _problem(template, error, role=None):
    who = f"for role {role.id}" if role is not None else "for any role"
    return Problem(f"slot {error.number} ({error.slot.describe()}) of loop `{template.id}` cannot be filled {who}: "
                   f"{error.reason}", path=("slots", error.slot.index), at=template)


def _reported_elsewhere(bank, template, role, error, ctx) -> bool:
    """The problem is already a finding of the rule that owns it (see the docs)."""
    if len(error.involved) > 1:  # no distinct questions or signals for these slots
        return (all(slot.question for slot in error.involved) and ctx.reports(repeated_in_loop.CODE, _file(template))
                and any(True for _ in repeated_in_loop.check(template, ctx)))
    slot = error.slot
    question = bank.question(slot.question) if slot.question else None
    if question is None or role is None or not template.is_for(role.id):
        return False
    refused_by_role = rejection(question, slot, template.level, None) is None
    return refused_by_role and ctx.reports(role_mismatch.CODE, _file(question))


def check(bank, ctx):
    if not bank.questions or "loops" in bank.fallback:
        return
    index = by_type(bank.questions)
    for template in bank.loops:
        if template.roles:
            roles = [r for r in map(bank.role, template.roles) if r is not None]
        else:
            errors = unfillable(bank, template, None, index=index)
            if errors:
                yield from (_problem(template, error) for error in errors
                            if not _reported_elsewhere(bank, template, None, error, ctx))
                continue
            roles = [role for role in bank.roles if not _has_own(bank, template, role)]
        for role in roles:
            yield from (_problem(template, error, role) for error in unfillable(bank, template, role, index=index)
                        if not _reported_elsewhere(bank, template, role, error, ctx))


def _has_own(bank, template, role) -> bool:
    """The role has its own template for this level, so its loops never use the general one."""
    chosen = bank.template_for(template.level, role)
    return chosen is not None and chosen.is_for(role.id)


def _file(item) -> str:
    return item.origin.file if item.origin is not None else ""
