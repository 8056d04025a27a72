"""Rubric bands leave scores uncovered, share scores, or are out of order.

## What it flags
Over the whole-number scores 0 to 5, a rubric's bands must give every score
exactly one band, listed from the lowest score to the highest:

* a band whose `min` is above its `max`;
* a band listed after a band that starts higher;
* a score that falls in two bands (reported on the later band, naming the
  scores and the earlier band);
* a score that no band covers (reported on the band just above the gap, or
  on the last band when the gap is at the top).

Bands `0-1, 1-2, 2-3, 4-5`, for example, put scores 1 and 2 in two bands each.
Retired and leaked questions are never planned, so their rubrics are left
alone.

## Why it matters
A rubric turns an impression into a number that can be added across a loop
and compared with a threshold. If a 2 sits in two bands, two interviewers who
saw the same answer can both follow the rubric and still disagree; if a 3 sits
in none, whoever gives it is scoring without an anchor. Either way the
progression total stops meaning the same thing for every candidate.

## Fails
```yaml
rubric:
  - {min: 0, max: 1, evidence: [Loads the model on CPU and does not notice]}
  - {min: 1, max: 2, evidence: [Notices the single-request handler]}
  - {min: 4, max: 5, evidence: [Proposes continuous batching and a request queue]}
```

## Passes
```yaml
rubric:
  - {min: 0, max: 1, evidence: [Loads the model on CPU and does not notice]}
  - {min: 2, max: 3, evidence: [Notices the single-request handler]}
  - {min: 4, max: 5, evidence: [Proposes continuous batching and a request queue]}
```

## Options
None.
"""

from looptool.bank.model import SCORE_MAX, SCORE_MIN
from looptool.lint.rules import Problem

CODE, NAME, LEVEL, SCOPE = "LT122", "rubric-scale", "error", "question"


def check(question, ctx):
    if not question.active:
        return
    bands = question.rubric or []
    valid = [(i, band) for i, band in enumerate(bands) if band.min <= band.max]
    for i, band in enumerate(bands):
        if band.min > band.max:
            yield Problem(f"band {_name(band)} has `min` {band.min} above `max` {band.max}; "
                          f"swap them (min: {band.max}, max: {band.min})", ("rubric", i))
    yield from _order(valid)
    yield from _overlaps(valid)
    yield from _gaps(valid)


def _order(valid):
    for (_, before), (i, band) in zip(valid, valid[1:]):
        if band.min < before.min:
            yield Problem(f"band {_name(band)} comes after band {_name(before)}; "
                          "list the bands from the lowest score to the highest", ("rubric", i))


def _overlaps(valid):
    owner = {}
    for i, band in valid:
        scores = range(band.min, band.max + 1)
        shared = [s for s in scores if s in owner]
        if shared:
            others = " and ".join(dict.fromkeys(_name(owner[s]) for s in shared))
            yield Problem(f"this band repeats {_scores(shared)} from band {others}; two interviewers can "
                          "follow the rubric and still score one answer differently: give each score one band",
                          ("rubric", i))
        owner.update({s: band for s in scores if s not in owner})


def _gaps(valid):
    covered = {s for _, band in valid for s in range(band.min, band.max + 1)}
    missing = [s for s in range(SCORE_MIN, SCORE_MAX + 1) if s not in covered]
    if not valid:
        return
    for run in _runs(missing):
        above = [(band.min, i) for i, band in valid if band.min > run[-1]]
        index = min(above)[1] if above else max(valid, key=lambda ib: ib[1].max)[0]
        yield Problem(f"no band covers {_scores(run)}; a score outside every band has no evidence "
                      "to anchor it: widen a neighbouring band or add one", ("rubric", index))


def _runs(scores):
    runs = []
    for score in scores:
        if runs and runs[-1][-1] == score - 1:
            runs[-1].append(score)
        else:
            runs.append([score])
    return runs


def _scores(scores):
    if len(scores) == 1:
        return f"score {scores[0]}"
    return "scores " + ", ".join(map(str, scores[:-1])) + f" and {scores[-1]}"


def _name(band):
    span = f"{band.min}" if band.min == band.max else f"{band.min}-{band.max}"
    return f"{span} ({band.label})" if band.label else span
