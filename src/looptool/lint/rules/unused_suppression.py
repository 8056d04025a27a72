"""A suppression comment no longer suppresses anything.

## What it flags
A `# looptool: ignore[rule]` comment whose rule produced no finding on the
line or item it covers (checked only for rules that ran).

## Why it matters
Questions get fixed and rules get sharper. A stale suppression then hides
nothing today but will hide a new problem tomorrow, and its reason keeps
telling readers about a problem that is gone. Delete it.

## Fails
```yaml
questions:
  # looptool: ignore[duplicate-id] -- copied from the old bank
  - id: unique-question-id
```

## Passes
```yaml
questions:
  - id: unique-question-id
```

## Options
None.
"""

CODE, NAME, LEVEL, SCOPE = "LT012", "unused-suppression", "warning", "file"
