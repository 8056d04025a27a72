"""Two items of the bank share an id.

## What it flags
Two questions with the same `id` anywhere in the bank (not only in the same
file); likewise two skills, roles, loop templates or interviewers with the
same id or handle, and a role or loop alias that clashes with another one's
id or alias.

## Why it matters
Ids are how plans, exclusions (`--exclude`) and baselines refer to a
question. With two questions under one id, a returning candidate can be
shown the question they already had, and a suppression or baseline entry
silently applies to the wrong text. The first occurrence (in file order) is
kept; every later one is reported with the place of the first.

## Fails
```yaml
# coding.yaml
questions:
  - id: interval-merge
# graph.yaml
questions:
  - id: interval-merge
```

## Passes
```yaml
# coding.yaml
questions:
  - id: interval-merge
# graph.yaml
questions:
  - id: interval-merge-streaming
```

## Options
None.
"""

from looptool.lint.rules import Problem

CODE, NAME, LEVEL, SCOPE = "LT009", "duplicate-id", "error", "bank"

_KINDS = (("questions", "id", "question"), ("skills", "id", "skill"), ("roles", "id", "role"),
          ("loops", "id", "loop template"), ("interviewers", "handle", "interviewer"))


def check(bank, ctx):
    for kind, field, label in _KINDS:
        if kind in bank.fallback:
            continue
        seen = {}
        for item in getattr(bank, kind):
            names = [(getattr(item, field), (field,))]
            names += [(alias, ("aliases", i)) for i, alias in enumerate(getattr(item, "aliases", []))]
            for name, path in names:
                first = seen.get(name)
                if first is None:
                    seen[name] = item
                elif first is not item:
                    line, _ = first.origin.locate((field,))
                    yield Problem(
                        f"{label} id `{name}` is already used at {first.origin.file}:{line}",
                        path=path, at=item, subject=getattr(item, field),
                    )
