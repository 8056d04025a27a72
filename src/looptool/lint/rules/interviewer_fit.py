"""The interviewer pool cannot staff a loop template well, or at all.

## What it flags
Checked against every loop template, with everyone's weekly cap free (this
week's bookings aside), using the planner's own rules for who may lead an
interview (`looptool.plan.assign`: qualified for the type, fully trained, at
least the required level and holding the required role; ML system design
needs a staff interviewer and the career chat a hiring manager unless the
slot says otherwise):

- a slot type that nobody in the pool can lead, saying whether nobody is
  qualified for the type or the qualified people lack the level or role;
- a template that cannot be staffed as a whole, because several slots rely
  on the same few people and nobody may lead twice in one loop;
- a pool too thin to rotate: fewer than `min-per-type` people who can lead
  an interview type (at the level and role a template asks for).

The findings sit on the `interviewers:` key of the pool and name the loop,
the slot and the people.

## Why it matters
An inexperienced interviewer who has only worked on one corner of a system
asks about that corner and judges the whole by it (a "cog in a machine"
view): the ML system design interview needs a staff-level engineer, and
`looptool plan --interviewers` will refuse a loop it cannot staff. A pool
with a single qualified lead for a type puts the same person's view, and the
same blind spots, in every loop, and stops hiring when that person is away.

## Fails
```yaml
loops:
  - id: staff
    level: staff
    slots: [{type: ml-system-design, minutes: 60}]
interviewers:
  - handle: dlee
    level: senior                     # the staff loop's ML system design needs staff
    qualified_for: [ml-system-design]
```

## Passes
```yaml
loops:
  - id: staff
    level: staff
    slots: [{type: ml-system-design, minutes: 60}]
interviewers:
  - handle: akowalski
    level: staff
    qualified_for: [ml-system-design]
  - handle: bnakamura
    level: staff
    qualified_for: [ml-system-design]
```

## Options
`min-per-type` (default 2): the fewest people who must be able to lead each
interview type the templates use, at the level and role they ask for.
"""

from dataclasses import dataclass

from looptool.bank.model import Origin
from looptool.lint.rules import Problem
from looptool.plan.assign import can_lead, need_for, nobody
from looptool.plan.matching import hall_set, match

CODE, NAME, LEVEL, SCOPE = "LT401", "interviewer-fit", "warning", "pool"
OPTIONS = {"min-per-type": 2}
OPTION_RANGES = {"min-per-type": (1, 100)}


@dataclass
class _Section:
    """The pool's `interviewers:` key, where the findings go."""

    origin: Origin


def _numbered(template):
    number = 1
    for slot in template.slots:
        yield number, slot
        number += slot.count


def check(pool, ctx):
    section = _Section(Origin(pool[0].origin.document, ("interviewers",)))

    def problem(message, subject):
        return Problem(message, at=section, subject=subject, on_key=True)

    thin = {}  # type -> (leads, need): the need with the fewest possible leads
    for template in ctx.bank.loops:
        for number, slot in _numbered(template):
            for qtype in dict.fromkeys(slot.types):
                need = need_for(slot, qtype, template.level)
                leads = [p.handle for p in pool if can_lead(p, need, this_week=False)]
                if not leads:
                    yield problem(f"no one can lead {qtype} in slot {number} of loop `{template.id}`: "
                                  f"{nobody(need, pool)}", template.id)
                elif qtype not in thin or len(leads) < len(thin[qtype][0]):
                    thin[qtype] = (leads, need)
        yield from (problem(m, template.id) for m in _unstaffable(template, pool))
    least = ctx.options["min-per-type"]
    for qtype, (leads, need) in thin.items():
        if len(leads) < least:
            who = f"only {len(leads)} {'person' if len(leads) == 1 else 'people'} ({', '.join(leads)})"
            yield problem(f"{who} can lead {qtype} ({need.describe()}); min-per-type is {least}: too few to "
                          f"rotate, so every loop gets the same interviewer's view", qtype)


def _unstaffable(template, pool):
    """The whole loop, one lead per interview, nobody twice."""
    interviews = [(n + k, slot) for n, slot in _numbered(template) for k in range(slot.count)]
    options = [sorted({p.handle for t in set(slot.types) for p in pool
                       if can_lead(p, need_for(slot, t, template.level), this_week=False)})
               for _, slot in interviews]
    if not all(options):
        return  # reported slot by slot
    owner, stuck = match(options)
    if stuck is None:
        return
    rows, people = hall_set(options, owner, stuck)
    numbers = ", ".join(str(interviews[r][0]) for r in rows)
    kinds = ", ".join(dict.fromkeys(interviews[r][1].describe() for r in rows))
    yield (f"loop `{template.id}` cannot be staffed even with everyone free: slots {numbers} ({kinds}) need "
           f"{len(rows)} different leads but only {len(people)} can lead them ({', '.join(sorted(people))})")
