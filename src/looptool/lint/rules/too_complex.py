"""The file nests too deeply or its aliases expand too far.

## What it flags
Nesting deeper than 64 levels, or aliases (`*name`) that expand to more
than ten times the file's own content plus 100,000 nodes: the shape of an
"alias bomb", a few lines that expand to billions of values.

## Why it matters
looptool runs in CI on contributions from anyone. A hostile or broken file
must not make it hang or exhaust memory; it stops reading the file and
reports it, in bounded time.

## Fails
```yaml
a: &a [x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]   # 9**6 values from six lines
```

## Passes
```yaml
defaults: &defaults {duration_minutes: 45, stage: filter}
questions:
  - <<: *defaults
    id: top-k-stream
```

## Options
None.
"""

CODE, NAME, LEVEL, SCOPE = "LT005", "too-complex", "error", "file"
