"""A loop's progression threshold cannot be reached, or decides nothing.

## What it flags
Each interview is scored 0-5, so a loop of `n` interviews (counting each
slot's `count`) totals at most `5 × n`. On `progression.pass_total`:

* `pass_total` above `5 × n`: no candidate can progress;
* `pass_total` above 0 but no more than `min_each × n`: anyone who clears
  `min_each` in every interview already reaches it, so the total never
  decides anything;
* `pass_total: 0` with `min_each: 0`: every candidate progresses.

`pass_total: 0` with a `min_each` above 0 is the explicit way to say "no
total, only a floor per interview" and is not reported.

## Why it matters
The threshold is the loop's decision rule; the panel trusts it to separate
candidates. One that is out of reach rejects everybody however well they
do, usually because interviews were removed and the total was not
lowered. One that is always met means the number the debrief argues about
has no effect. Seven interviews give at most 35 points, so a `pass_total`
of 40 is a typo or a stale number, not a high bar.

## Fails
```yaml
slots:
  - {type: coding, count: 2, minutes: 45}
  - {type: project-deep-dive, minutes: 45}
progression: {pass_total: 16}          # at most 15 with three interviews
```

## Passes
```yaml
slots:
  - {type: coding, count: 2, minutes: 45}
  - {type: project-deep-dive, minutes: 45}
progression: {pass_total: 12, min_each: 2}
```

## Options
None.
"""

from looptool.bank.model import SCORE_MAX
from looptool.lint.rules import Problem

CODE, NAME, LEVEL, SCOPE = "LT204", "unreachable-threshold", "error", "loop"


def check(loop, ctx):
    n = sum(slot.count for slot in loop.slots)
    ceiling, floor = SCORE_MAX * n, loop.progression.min_each * n
    total, each = loop.progression.pass_total, loop.progression.min_each
    path = ("progression", "pass_total")
    if total > ceiling:
        yield Problem(f"pass_total {total} is out of reach: {n} interviews scored 0-{SCORE_MAX} total at most "
                      f"{ceiling}; lower it to what the loop's interviews can reach", path)
    elif total == 0 and each == 0:
        yield Problem("pass_total 0 with min_each 0 lets every candidate progress; set the lowest total "
                      f"that should progress (out of {ceiling})", path)
    elif 0 < total <= floor:
        yield Problem(f"pass_total {total} decides nothing: a candidate with min_each {each} in all {n} "
                      f"interviews already totals {floor}; raise it above {floor}, or write pass_total 0 "
                      "if only the per-interview floor matters", path)
