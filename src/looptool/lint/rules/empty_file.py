"""The file or one of its documents is empty.

## What it flags
A YAML file with no content (or only comments), or an empty document
between `---` separators.

## Why it matters
An empty bank file is usually a mistake: a file truncated by a failed
merge, or content written into the wrong file. It is reported so that the
loss is noticed, as a warning since nothing in it can be wrong.

## Fails
```yaml
# questions to come
```

## Passes
```yaml
questions: []
```

## Options
None.
"""

CODE, NAME, LEVEL, SCOPE = "LT006", "empty-file", "warning", "file"
