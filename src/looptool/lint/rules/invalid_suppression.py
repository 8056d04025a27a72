"""A suppression comment is malformed, names an unknown rule, or gives no reason.

## What it flags
`# looptool: ignore[...]` comments that name no rule, name a rule that does
not exist, or give no reason after `--`.

## Why it matters
A suppression is a decision to live with a known failure mode. Without the
reason, the next reviewer cannot tell a deliberate choice from a way to
silence the linter; with a misspelt rule it silently suppresses nothing.

## Fails
```yaml
questions:
  # looptool: ignore[vague-scenario]
  - id: open-design-probe
```

## Passes
```yaml
questions:
  # looptool: ignore[vague-scenario] -- deliberately open: a staff probe of scoping
  - id: open-design-probe
```

## Options
None.
"""

CODE, NAME, LEVEL, SCOPE = "LT011", "invalid-suppression", "warning", "file"
