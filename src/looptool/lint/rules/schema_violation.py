"""A value does not match the file format.

## What it flags
Anything the JSON Schemas in `schemas/` reject: a missing required field, an
unknown field (with a did-you-mean), a wrong type, a value outside its
allowed set, a malformed id or date. The finding sits on the offending value,
on the key for an unknown field, or on the enclosing item when a field is
missing. An item with a schema problem is not checked by the other rules.

## Why it matters
The planner and the other rules rely on the format; a question with
`levels: senior` (a string, not a list) or `stage: screen` cannot be placed
in a loop, and should be fixed where it is written rather than discovered
when a loop comes up short.

## Fails
```yaml
questions:
  - id: graph-build-order
    title: Build order
    type: coding
    levels: senior          # must be a list
    stage: screen           # filter or probe
```

## Passes
```yaml
questions:
  - id: graph-build-order
    title: Build order
    type: coding
    levels: [senior]
    stage: filter
```

## Options
None.
"""

CODE, NAME, LEVEL, SCOPE = "LT008", "schema-violation", "error", "file"
