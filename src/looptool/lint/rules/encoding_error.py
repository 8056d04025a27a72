"""The file is not readable text.

## What it flags
Bytes that are not valid UTF-8 (or UTF-16 with a byte-order mark), NUL
bytes, and characters YAML does not allow, written raw or as an escape in a
quoted string (`"\\e[2J"`, `"\\0"`, `"\\r"`): a control character in a
title or a name would drive the terminal that prints the plan. A UTF-8
byte-order mark, CRLF line endings, tabs and line breaks are fine.

## Why it matters
An editor or a copy-paste from a document tool can save a bank in another
encoding. Guessing would silently change question text; looptool reports the
first bad byte instead.

## Fails
```yaml
title: caf\xe9   # Latin-1 byte 0xe9, not UTF-8
```

## Passes
```yaml
title: café      # saved as UTF-8
```

## Options
None.
"""

CODE, NAME, LEVEL, SCOPE = "LT002", "encoding-error", "error", "file"
