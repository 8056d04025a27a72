"""A question's `signal` does not say what the question tells you about the candidate.

## What it flags
A `signal` that is a placeholder ("TBD", "n/a", "TODO: fill in"), that is
shorter than `min-words` words, or that holds nothing specific once generic
wording is set aside: the stock openings ("tests whether the candidate
can"), abilities and traits every question could claim ("problem solving",
"communication", "technical depth", "attention to detail", "handles
ambiguity", "clean, efficient code"), the name of the interview type
("system design skills") and the question's own title words. A signal
that keeps even one concrete word of its own ("Picks a bounded heap and
explains its cost") passes, however short the rest. The vocabulary is in
the `signal_filler` catalogue. Retired and leaked questions are not checked.

## Why it matters
Every question in a loop should be there to answer one thing about the
candidate; that is what lets a planner avoid two rounds that test the same
skill, and what lets an interviewer steer the hour towards evidence that
matters. "Tests problem solving" is true of every question, so it cannot
guide either, and a signal that repeats the title ("can design a rate
limiter") only says which question it is. A signal that names the
judgement a strong answer shows ("keeps per-region counters and bounds how
far they can over-admit") tells the interviewer what to listen for.

## Fails
```yaml
questions:
  - id: top-k-stream
    title: Top k in a stream
    signal: Tests the candidate's problem solving and coding skills.
  - id: rate-limiter
    title: Rate limiter for the public API
    signal: Can design a rate limiter for the public API.
  - id: checkout-latency
    title: Checkout latency
    signal: TBD
```

## Passes
```yaml
questions:
  - id: top-k-stream
    title: Top k in a stream
    signal: Keeps a size-k min-heap and explains why ties need a second key.
  - id: spec-decoding
    title: Speculative decoding
    signal: Separates FLOPs from wall-clock time when judging a draft model.
```

## Options
- `min-words` (default 4): a signal with fewer words than this is reported
  as too short to say what it tests.
"""

from __future__ import annotations

import re
from functools import lru_cache

from looptool.lint.rules import Problem
from looptool.lint.rules._cues import group, is_placeholder, leftover
from looptool.lint.rules._text import words

CODE, NAME, LEVEL, SCOPE = "LT113", "missing-signal", "warning", "question"
OPTIONS = {"min-words": 4}
OPTION_RANGES = {"min-words": (0, 100)}

_CATALOGUE = "signal_filler"
_EXAMPLE = ("e.g. \"keeps a size-k heap and explains why ties need a second key\"")


def check(question, ctx):
    if not question.active:
        return
    reason = _placeholder(question.signal, ctx) or _too_short(question.signal, ctx) or _hollow(question, ctx)
    if reason:
        yield Problem(f"the signal {reason}; say what a strong answer shows that a weak one does not, "
                      f"naming the skill or judgement this question is for ({_EXAMPLE})", ("signal",))


def _placeholder(signal, ctx) -> str | None:
    if is_placeholder(signal, ctx):
        return f"is a placeholder (\"{signal.strip()}\")"
    marker = group(ctx, _CATALOGUE, "kind", "marker")
    found = marker.search(signal) if marker is not None else None
    return f"is unfinished (it says \"{found.group(0)}\")" if found else None


def _too_short(signal, ctx) -> str | None:
    count = len(words(signal))
    needed = int(ctx.options.get("min-words", 4))
    if count < needed:
        return f"has {count} word{'' if count == 1 else 's'}, too few to say what the question tests"
    return None


def _hollow(question, ctx) -> str | None:
    rest = [_stem(w) for w in leftover(question.signal, group(ctx, _CATALOGUE, "kind", "filler"))]
    if not rest:
        return "is generic: it names abilities any question could claim, nothing this one tests"
    title = {_stem(w) for w in words(question.title)}
    if all(w in title for w in rest):
        return "only restates the title"
    return None


@lru_cache(maxsize=8192)
def _stem(word: str) -> str:
    word = re.sub(r"'s$", "", word)
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word
