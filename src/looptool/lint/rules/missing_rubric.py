"""A question has no scoring rubric.

## What it flags
An active question without a `rubric`: no anchored bands saying what a
candidate who scores 0-1, 2-3 or 4-5 actually says or does. Every interview
type needs one, including project deep dives, career chats and behavioural
interviews, where the conversation is open and the temptation to score on
impression is greatest. Retired and leaked questions are never planned, so
they are left alone.

## Why it matters
Scores from different interviewers only add up to a progression decision
(say, 8 out of 10 over two interviews) if a 3 means the same thing in every
room. Without bands anchored in evidence, each interviewer scores against a
private idea of "good", the total measures who interviewed rather than who
was interviewed, and the debrief turns into a contest of adjectives. Open
conversations drift most: an anchored rubric is what keeps a deep dive from
being scored on how much the interviewer enjoyed it.

## Fails
```yaml
questions:
  - id: dive-migration-story
    type: project-deep-dive
    prompt: Walk us through a migration you led.
    signal: Ownership of a risky change.
    # no rubric
```

## Passes
```yaml
questions:
  - id: dive-migration-story
    type: project-deep-dive
    prompt: Walk us through a migration you led.
    signal: Ownership of a risky change.
    rubric:
      - {min: 0, max: 1, evidence: [Cannot say which part of the plan was theirs]}
      - {min: 2, max: 3, evidence: [Describes the rollback plan and when it would trigger]}
      - {min: 4, max: 5, evidence: [Names the metric that told them the cut-over was safe]}
```

## Options
None.
"""

from looptool.lint.rules import Problem

CODE, NAME, LEVEL, SCOPE = "LT121", "missing-rubric", "warning", "question"


def check(question, ctx):
    if question.rubric is None and question.active:
        yield Problem(
            f"{question.type} question has no rubric; add `rubric` bands covering scores 0-5 "
            "(for example 0-1, 2-3, 4-5), each listing what a candidate in that band says or does",
            ("rubric",),
        )
