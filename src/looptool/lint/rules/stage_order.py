"""A filter interview is scheduled after a probe.

## What it flags
The first slot with stage `filter` that comes after a slot with stage
`probe`, in the template's slot order. A slot without a `stage` takes the
stage of the question pinned to it, if any; otherwise it is ignored.

## Why it matters
A loop should first check the practical basics with short filter
interviews, then spend time on deep, exploratory probes. Probing first
drags a candidate into a hard open problem before they have shown they can
do the everyday work, and spends interviewer time on depth that may never
have been the deciding question; a filter that comes late cannot save
anyone that time. Filters first keeps the day humane and the signal cheap.

## Fails
```yaml
slots:
  - {type: data-modeling, stage: probe, minutes: 60}
  - {type: coding, stage: filter, minutes: 45}
```

## Passes
```yaml
slots:
  - {type: coding, stage: filter, minutes: 45}
  - {type: data-modeling, stage: probe, minutes: 60}
```

## Options
None.
"""

from looptool.lint.rules import Problem

CODE, NAME, LEVEL, SCOPE = "LT202", "stage-order", "warning", "loop"


def check(loop, ctx):
    probe = None
    for slot in loop.slots:
        stage = _stage(slot, ctx.bank)
        if stage == "probe" and probe is None:
            probe = slot
        elif stage == "filter" and probe is not None:
            yield Problem(f"filter interview ({slot.describe()}) comes after the probe interview "
                          f"({probe.describe()}, slot {probe.index + 1}); move the filter slots before "
                          "every probe slot", ("slots", slot.index, "stage"))
            return


def _stage(slot, bank):
    if slot.stage or not slot.question:
        return slot.stage
    pinned = bank.question(slot.question)
    return pinned.stage if pinned else None
