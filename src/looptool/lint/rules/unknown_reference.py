"""A skill id that the taxonomy does not define.

## What it flags
A skill named by a question (`skills`), a role (`in_scope`, `out_of_scope`,
`must_cover`), a loop template (`must_cover`) or an interviewer (`skills`)
that is not in the skill taxonomy: the
`skills:` section of the bank, or the bundled taxonomy when the bank has
none.

## Why it matters
Role fit and coverage are computed over skill ids. A typo such as
`inference-servng` makes a question fit no role and cover nothing, so the
planner skips it without an obvious reason; a misspelt out-of-scope skill
stops protecting candidates from an irrelevant round.

## Fails
```yaml
questions:
  - id: kv-cache-sizing
    skills: [inference-servng]
```

## Passes
```yaml
questions:
  - id: kv-cache-sizing
    skills: [inference-serving]
```

## Options
None.
"""

import difflib

from looptool.lint.rules import Problem

CODE, NAME, LEVEL, SCOPE = "LT010", "unknown-reference", "error", "bank"


def _unknown(skill, known):
    hint = difflib.get_close_matches(skill, sorted(known), n=1)
    return f"unknown skill `{skill}`" + (f"; did you mean `{hint[0]}`?" if hint else " (not in the skill taxonomy)")


def check(bank, ctx):
    known = bank.skill_ids
    for question in bank.questions:
        for i, skill in enumerate(question.skills):
            if skill not in known:
                yield Problem(_unknown(skill, known), ("skills", i), at=question, subject=question.id)
    if "roles" not in bank.fallback:
        for role in bank.roles:
            for skill in role.in_scope:
                if skill not in known:
                    yield Problem(_unknown(skill, known), ("in_scope", skill), at=role, subject=role.id, on_key=True)
            for key in ("out_of_scope", "must_cover"):
                for i, skill in enumerate(getattr(role, key) or ()):
                    if skill not in known:
                        yield Problem(_unknown(skill, known), (key, i), at=role, subject=role.id)
    if "loops" not in bank.fallback:
        for loop in bank.loops:
            for i, skill in enumerate(loop.must_cover):
                if skill not in known:
                    yield Problem(_unknown(skill, known), ("must_cover", i), at=loop, subject=loop.id)
    for person in bank.interviewers:
        for i, skill in enumerate(person.skills):
            if skill not in known:
                yield Problem(_unknown(skill, known), ("skills", i), at=person, subject=person.handle)
