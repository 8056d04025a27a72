"""A design question gives its interviewer no prepared hooks or constraints.

## What it flags
An active `system-design` or `ml-system-design` question without the
material an interviewer needs to run it the same way every time:
`scenario.hooks` (the questions a strong candidate should ask, and what the
interviewer answers) fewer than `min-hooks`, or no `scenario.constraints`
(the numbers and limits the interviewer gives when asked). A design prompt
that shows code to review is its own material and is not checked.

This is about the interviewer's preparation, not the prompt: a need-first
prompt is a good prompt without numbers in it. What is missing here is what
the interviewer says when the candidate asks "how many users?" or "can we
tag anyone?".

## Why it matters
Without prepared answers, each interviewer invents the numbers and the
follow-ups on the spot, so two candidates get two different problems and
their scores cannot be compared; and a candidate's best questions get a
shrug instead of a decision to design around.

## Fails
```yaml
questions:
  - id: scam-prevention
    type: ml-system-design
    prompt: >-
      Our bank's customers are being scammed, and they are losing their life
      savings. Find a way to prevent this from happening.
```

## Passes
```yaml
questions:
  - id: scam-prevention
    type: ml-system-design
    prompt: >-
      Our bank's customers are being scammed, and they are losing their life
      savings. Find a way to prevent this from happening.
    scenario:
      need: Customers are talked into sending their savings to scammers.
      constraints:
        - 2 million customers, 40,000 outgoing transfers an hour at peak
      hooks:
        - What does a false alarm cost a legitimate customer?
        - Where can we intervene: before, during or after the transfer?
```

## Options
- `min-hooks` (default 2): the number of prepared hooks a design question
  needs.
"""

from __future__ import annotations

from looptool.lint.rules import Problem
from looptool.lint.rules._cues import shows_code

CODE, NAME, LEVEL, SCOPE = "LT115", "scenario-prep", "info", "question"
OPTIONS = {"min-hooks": 2}
OPTION_RANGES = {"min-hooks": (0, 20)}


def check(question, ctx):
    if not (question.is_design and question.active):
        return
    if shows_code(ctx, question.prompt):
        return
    scenario = question.scenario
    wanted = int(ctx.options.get("min-hooks", 2))
    hooks = len(scenario.hooks) if scenario else 0
    missing = []
    if hooks < wanted:
        missing.append(f"{hooks} of {wanted} prepared hooks (`scenario.hooks`: the questions a strong "
                       "candidate should ask, with the answers to give)")
    if not (scenario and scenario.constraints):
        missing.append("no `scenario.constraints` (the numbers and limits to give when asked)")
    if missing:
        yield Problem("interviewer preparation: " + "; ".join(missing)
                      + "; without them each interviewer improvises a different problem",
                      ("scenario",) if scenario else ("prompt",))
