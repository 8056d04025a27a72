"""A question tests skills outside the role it is being used for.

## What it flags
Only when there is a role to check against: the role given with
`looptool lint --role ROLE`, or the `role:` of a loop template that pins the
question to a slot (`question:`). Then a question is reported when

* one of its skills is in the role's `out_of_scope` (on that skill), or
* none of its skills is in the role's `in_scope` (on its first skill), or
* its text tests a skill in the role's `out_of_scope` that its tags do not
  declare (on the prompt): a coding round on Bezier curves and arc length
  tagged `[algorithms, code-quality]` still tests `parametric-geometry`.
  The evidence cues are in the `skill_cues` catalogue.

The test is the planner's own (`selection.rejection`), so a question this
rule reports is exactly one the planner would refuse for the role. Without a
role the rule reports nothing; skills missing from the taxonomy are
`unknown-reference`'s business, and a declared skill whose vocabulary the
text never uses is `unevidenced-skill`'s (LT125, an info note, with or
without a role).

## Why it matters
A round that tests what the job does not need measures the wrong thing and
tells the candidate the team does not know what it is hiring for. An ML
performance engineer whose work is profiling, batching and parallelism gains
nothing from a coding round on parametric curves in C++, and a strong
candidate can fail it for reasons unrelated to the job. Pinning such a
question into a role's loop bypasses the planner's own check, which is why
the pin is checked here.

## Fails
```yaml
roles:
  - id: ml-performance-engineer
    in_scope: {gpu-performance: 5, inference-serving: 4}
    out_of_scope: [parametric-geometry]
questions:
  - id: bezier-offsets
    skills: [parametric-geometry, algorithms]   # linted with --role ml-performance-engineer
```

## Passes
```yaml
questions:
  - id: batching-simulator
    skills: [inference-serving, algorithms]     # linted with --role ml-performance-engineer
```

## Options
None.
"""

from looptool.bank.model import Slot
from looptool.lint.analysis import analyse
from looptool.lint.rules import Problem
from looptool.plan.selection import rejection

CODE, NAME, LEVEL, SCOPE = "LT124", "role-mismatch", "warning", "question"


def check(question, ctx):
    for role, why in _roles(question, ctx):
        yield from _untagged(question, role, why)
        if not _refused(question, role):
            continue
        excluded = [i for i, skill in enumerate(question.skills) if skill in role.out_of_scope]
        for i in excluded:
            yield Problem(f"skill `{question.skills[i]}` is out of scope for role `{role.id}`{why}; "
                          "a loop for this role must not test it: use another question for this role, "
                          "or drop the skill if the question does not really test it", ("skills", i))
        if not excluded:
            yield Problem(f"none of this question's skills ({', '.join(question.skills)}) is in scope for "
                          f"role `{role.id}`{why}; the planner will never pick it for this role: tag the "
                          "role skill it really tests, or keep it out of this role's loops", ("skills", 0))


def _untagged(question, role, why):
    """Out-of-scope skills the text tests although the tags do not declare them."""
    evidence = analyse(question).skills
    for skill in role.out_of_scope:
        if skill in evidence and skill not in question.skills:
            yield Problem(f"the text tests `{skill}` ({evidence[skill].quote(70)}), which is out of scope for "
                          f"role `{role.id}`{why}, although the tags do not declare it; a loop for this role "
                          "must not test it: use another question for this role, or tag the skill honestly",
                          ("prompt",))


def _roles(question, ctx):
    """(role, reason) pairs to check: the linted role, then roles of loops pinning the question."""
    found = {}
    if ctx.role is not None:
        found[ctx.role.id] = (ctx.role, "")
    for loop in ctx.bank.loops:
        if not any(s.question == question.id for s in loop.slots):
            continue
        for role in filter(None, map(ctx.bank.role, loop.roles)):
            found.setdefault(role.id, (role, f" (loop `{loop.id}` pins this question)"))
    return list(found.values())


def _refused(question, role):
    """The planner refuses the question for this role, and only because of the role."""
    slot = Slot(kinds=[question.kind], minutes=question.duration_minutes)
    level = question.levels[0]
    return rejection(question, slot, level, None) is None and rejection(question, slot, level, role) is not None
