"""A key appears twice in the same mapping.

## What it flags
A mapping that repeats a key, such as two `prompt:` fields in one question.

## Why it matters
Most YAML parsers keep one of the values and drop the other without a word,
so half of an edit disappears: typically a reviewer sees the new text in the
diff while the tool uses the old one.

## Fails
```yaml
questions:
  - id: trie-autocomplete
    title: Autocomplete
    title: Autocomplete with ranking
```

## Passes
```yaml
questions:
  - id: trie-autocomplete
    title: Autocomplete with ranking
```

## Options
None.
"""

CODE, NAME, LEVEL, SCOPE = "LT004", "duplicate-key", "error", "file"
