"""A loop's interviews take longer than its time budget allows.

## What it flags
* The interview minutes of a template (each slot's `minutes` times its
  `count`; breaks and lunch not counted) add up to more than its
  `budget_minutes`, or, when it sets no budget, more than the
  `max-minutes` option (on `budget_minutes`, or on `slots`).
* A slot pinned to a question (`question:`) whose `duration_minutes` is
  longer than the slot's `minutes` (on the slot's `question`).

## Why it matters
A candidate's attention is the scarcest resource of the day: interviews
that overrun the budget push the last ones into the evening, where tired
candidates score lower for reasons that have nothing to do with the job.
A question that needs more time than its slot gets cut short, and the
candidate is scored on an unfinished answer to a question that could not
be finished.

## Fails
```yaml
questions:
  - {id: ride-matching, type: system-design, duration_minutes: 75}
loops:
  - id: senior
    budget_minutes: 300
    slots:
      - {type: coding, count: 2, minutes: 45}
      - {type: data-modeling, count: 2, minutes: 60}
      - {type: system-design, minutes: 60, question: ride-matching}   # needs 75
```

## Passes
```yaml
questions:
  - {id: ride-matching, type: system-design, duration_minutes: 75}
loops:
  - id: senior
    budget_minutes: 360
    slots:
      - {type: coding, count: 2, minutes: 45}
      - {type: data-modeling, count: 2, minutes: 60}
      - {type: system-design, minutes: 75, question: ride-matching}
```

## Options
- `max-minutes` (default `420`): the longest interview day, in interview
  minutes, for a template that sets no `budget_minutes`.
"""

from looptool.lint.rules import Problem

CODE, NAME, LEVEL, SCOPE = "LT203", "over-budget", "warning", "loop"
OPTIONS = {"max-minutes": 420}
OPTION_RANGES = {"max-minutes": (1, 1440)}


def check(loop, ctx):
    total = loop.interview_minutes
    if loop.budget_minutes is not None and total > loop.budget_minutes:
        yield Problem(f"interviews add up to {total} minutes, {total - loop.budget_minutes} over the "
                      f"{loop.budget_minutes}-minute budget; shorten or drop a slot, or raise "
                      "`budget_minutes` if the day really allows it", ("budget_minutes",))
    elif loop.budget_minutes is None and total > ctx.options["max-minutes"]:
        yield Problem(f"interviews add up to {total} minutes, more than a {ctx.options['max-minutes']}-minute "
                      "day (option max-minutes); split the loop over two days or drop a slot, and set "
                      "`budget_minutes`", ("slots",), on_key=True)
    for slot in loop.slots:
        pinned = ctx.bank.question(slot.question) if slot.question else None
        if pinned is not None and pinned.duration_minutes > slot.minutes:
            yield Problem(f"question `{pinned.id}` needs {pinned.duration_minutes} minutes but the slot has "
                          f"{slot.minutes}; lengthen the slot or pin a shorter question",
                          ("slots", slot.index, "question"))
