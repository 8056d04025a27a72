"""The file's top level is not a mapping of known sections.

## What it flags
A document whose top level is not a mapping, or a top-level key other than
`questions`, `skills`, `roles`, `loops` and `interviewers`.

## Why it matters
looptool decides what a file holds from its section keys. A misspelt
section (`question:`) or a bare list of questions would otherwise be
ignored, and every question in it silently lost.

## Fails
```yaml
question:
  - id: heap-merge-logs
```

## Passes
```yaml
questions:
  - id: heap-merge-logs
```

## Options
None.
"""

CODE, NAME, LEVEL, SCOPE = "LT007", "unknown-section", "error", "file"
