"""A YAML tag asks for something other than plain data.

## What it flags
Explicit tags other than the standard scalar and collection ones:
``!!python/object:...``, ``!!python/object/apply:...``, ``!!set``,
``!!binary`` and local tags such as ``!include``.

## Why it matters
Some YAML loaders build objects, or run code, from tags. looptool never does:
it reads the tagged value as plain data and reports the tag, so that a bank
shared between tools cannot smuggle code through review, and so nobody
expects a tag to have an effect it does not have.

## Fails
```yaml
questions: !!python/object/apply:os.system ["echo hi"]
```

## Passes
```yaml
questions: []
```

## Options
None.
"""

CODE, NAME, LEVEL, SCOPE = "LT003", "unsafe-tag", "error", "file"
