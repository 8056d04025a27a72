"""A path could not be read at all.

## What it flags
A file that exists but cannot be opened or read: no permission, a folder
where a file was expected, a device or a pipe, an I/O error.

## Why it matters
A bank file that cannot be read is a bank file that is not checked. looptool
never skips input silently, so an unreadable file stops the run with exit
code 2 (bad input) instead of 0.

## Fails
```yaml
# a file with mode 000, or a FIFO named questions.yaml
```

## Passes
```yaml
# any regular file the user running looptool can read
```

## Options
None.
"""

CODE, NAME, LEVEL, SCOPE = "LT000", "unreadable-file", "error", "file"
