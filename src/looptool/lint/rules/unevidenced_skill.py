"""A question declares a skill whose own vocabulary its text never uses.

## What it flags
An active question tagged with a skill that the `skill_cues` catalogue
marks `evidence_required: true`, when nothing in its prompt, scenario need,
constraints or signal is evidence of that skill (the question-analysis
layer's skill evidence, the same that `role-mismatch` reads). The finding
sits on the tag.

Only skills whose vocabulary a question cannot avoid are marked: a question
on parametric curves names Bezier curves, splines, control points or arc
length, and one on GPU kernels names CUDA, Triton, kernels or thread blocks.
Skills that can be tested in plain words are left unmarked and never
reported, however their tags are used: statistics ("how likely is it that
..."), experimentation ("decide whether to ship"), distributed training
and parsing. On the labelled sets, most questions tagged with
those skills whose text held none of the cues were tagged rightly, so their
absence says nothing. Tags of skills without a catalogue entry are never
judged.

## Why it matters
Skill tags decide which roles' loops a question can fill and which skills a
loop covers. A tag the question does not test makes the planner believe a
skill is covered when it is not, and can put the question in the loop of a
role it does not fit (`role-mismatch` judges tags against roles, so a wrong
tag also misleads it). This is an info note: the tag may be right and the
wording unusual; either drop the tag or say in the prompt what the question
asks of the skill.

## Fails
```yaml
questions:
  - id: rate-limiter
    skills: [algorithms, parametric-geometry]
    prompt: >-
      Implement a token-bucket rate limiter that allows bursts of up to
      100 requests and refills 10 tokens a second.
```

## Passes
```yaml
questions:
  - id: offset-curves
    skills: [algorithms, parametric-geometry]
    prompt: >-
      Compute offset curves at distance d from a cubic Bezier curve given by
      its four control points, to within 0.01 of the true offset.
```

## Options
None.
"""

from __future__ import annotations

from functools import cache

from looptool.bank.catalogues import bundled
from looptool.lint.analysis import analyse, unread
from looptool.lint.rules import Problem

CODE, NAME, LEVEL, SCOPE = "LT125", "unevidenced-skill", "info", "question"


@cache
def _judged() -> frozenset[str]:
    """The skills whose absence of evidence counts (``evidence_required`` in ``skill_cues``)."""
    return frozenset(entry["skill"] for entry in bundled("skill_cues") if entry.get("evidence_required"))


def check(question, ctx):
    if not question.active:
        return
    judged = [(i, skill) for i, skill in enumerate(question.skills) if skill in _judged()]
    if not judged:
        return
    if unread(question):  # another language: unread-language reports it, the English cues cannot judge it
        return
    evidence = analyse(question).skills
    for i, skill in judged:
        if skill not in evidence:
            yield Problem(f"tagged `{skill}`, but nothing in the prompt, scenario or signal uses its vocabulary "
                          "(see the `skill_cues` catalogue); a question that tests it names what it works on. "
                          "Drop the tag if the question does not test the skill, or say in the prompt what it "
                          "asks of it", ("skills", i))
