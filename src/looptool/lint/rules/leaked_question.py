"""A question is marked as leaked: candidates know it, so it must not be asked.

## What it flags
Any question with `status: leaked`. Retired questions are not reported:
retiring is the fix.

## Why it matters
Once a question and its good answers circulate (on forums, in prep guides,
from earlier candidates), it measures who prepared for it rather than how
a candidate thinks. Its scores stop being comparable with those of
candidates who met it fresh. The planner never picks a leaked question,
but leaving one in the bank hides the gap it leaves in coverage; it has to
be replaced deliberately.

## Fails
```yaml
questions:
  - id: rate-limiter-design
    status: leaked
```

## Passes
```yaml
questions:
  - id: rate-limiter-design
    status: retired
  - id: rate-limiter-multi-region
    status: active
```

## Options
None.
"""

from looptool.lint.rules import Problem

CODE, NAME, LEVEL, SCOPE = "LT104", "leaked-question", "error", "question"
OPTIONS = {}


def check(question, ctx):
    if question.status == "leaked":
        yield Problem("candidates are known to have seen this question, so its scores measure preparation; set "
                      "`status: retired` and, if the slot still needs it, write a new question under a new id "
                      "(a new scenario, not a reworded prompt)", ("status",))
