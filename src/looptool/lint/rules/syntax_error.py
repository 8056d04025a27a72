"""The file is not valid YAML.

## What it flags
YAML syntax errors: unclosed brackets or quotes, bad indentation, a tab
used for indentation, a mapping or list used as a key, an alias with no
anchor. The finding points at the place the parser gave up.

## Why it matters
A file that does not parse contributes nothing to the bank: every question
in it would be missing from loops without anyone noticing.

## Fails
```yaml
questions:
  - id: heap-top-k
	title: Top k   # a tab before `title`
```

## Passes
```yaml
questions:
  - id: heap-top-k
    title: Top k
```

## Options
None.
"""

CODE, NAME, LEVEL, SCOPE = "LT001", "syntax-error", "error", "file"
