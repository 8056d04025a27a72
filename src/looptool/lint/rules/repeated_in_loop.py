"""A loop template pins the same question, or the same signal, twice.

## What it flags
In one template's slots:

* a question id pinned by two slots, or by one slot with `count` above 1;
* two different pinned questions whose `signal` is the same (compared
  ignoring case, spacing and punctuation).

The later slot is reported, naming the earlier one.

## Why it matters
Each interview of a loop is meant to add independent evidence. Asking the
same question twice gives the second interviewer a rehearsed answer and
counts one performance twice in the total; two questions written to
measure the same thing do the same more quietly. Either way the candidate
spends an hour giving evidence the panel already has, and another skill
goes untested.

## Fails
```yaml
slots:
  - {type: coding, minutes: 45, question: top-k-stream}
  - {type: coding, minutes: 45, question: top-k-stream}
```

## Passes
```yaml
slots:
  - {type: coding, minutes: 45, question: top-k-stream}
  - {type: coding, minutes: 45, question: interval-merge}
```

## Options
None.
"""

from looptool.lint.rules import Problem
from looptool.lint.rules._text import words

CODE, NAME, LEVEL, SCOPE = "LT205", "repeated-in-loop", "error", "loop"


def check(loop, ctx):
    by_id, by_signal = {}, {}
    for slot in (s for s in loop.slots if s.question):
        if slot.count > 1:
            yield Problem(f"slot {slot.index + 1} pins `{slot.question}` with count {slot.count}, so the "
                          "candidate gets the same question repeatedly; pin one question per slot",
                          ("slots", slot.index, "count"))
        if slot.question in by_id:
            yield Problem(f"`{slot.question}` is already pinned in slot {by_id[slot.question].index + 1}; "
                          "pin a question that tests something else", ("slots", slot.index, "question"))
            continue
        by_id[slot.question] = slot
        question = ctx.bank.question(slot.question)
        signal = " ".join(words(question.signal)) if question else ""
        if signal in by_signal:
            other = by_signal[signal]
            yield Problem(f"`{slot.question}` has the same signal as `{other.question}` (slot {other.index + 1}): "
                          "both measure one thing; pin a question with a different signal",
                          ("slots", slot.index, "question"))
        elif signal:
            by_signal[signal] = slot
