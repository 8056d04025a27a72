"""A key appears twice in the same mapping.

## What it flags
A mapping that repeats a key, such as two `prompt:` fields in one question.
The finding sits on the repeat and names the line of the first one, which
is the value looptool reads.

## Why it matters
Most YAML parsers keep one of the values and drop the other without a word,
so half of an edit disappears: typically a reviewer sees the new text in the
diff while the tool uses the old one. Tools also disagree on which value
wins (looptool and some parsers keep the first, PyYAML the last), so the
same file can mean two things.

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
