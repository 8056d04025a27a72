"""Two active questions have nearly the same prompt.

## What it flags
An active question whose `prompt` shares at least `threshold` of its word
pairs with the prompt of an earlier active question (Jaccard similarity of
the sets of consecutive `shingle-words`-word runs, case and punctuation
ignored, every number counted as the same word). The later question is
reported, naming the earlier one; each question is reported once.

Candidates are found through an index of each prompt's rarest word runs
(prefix filtering), so a bank of tens of thousands of questions is checked
in near-linear time rather than pair by pair; every reported pair is
verified exactly.

## Why it matters
A bank with two versions of one question has one question, counted twice.
A candidate who meets the second version after the first is rehearsed, and
their score measures their memory; retiring or marking one as leaked
leaves its twin in use. Near-copies also inflate the bank's apparent
coverage of a level or skill, so the planner seems to have choice where it
has none.

## Fails
```yaml
questions:
  - id: top-k-stream
    prompt: Return the k most frequent user ids seen in a stream of 10 million events.
  - id: top-k-events
    prompt: Return the k most frequent user ids seen in a stream of 50 million events.
```

## Passes
```yaml
questions:
  - id: top-k-stream
    prompt: Return the k most frequent user ids seen in a stream of 10 million events.
  - id: sliding-top-k
    prompt: Keep the k heaviest users of the last hour, updated as each request arrives.
```

## Options
- `threshold` (default `0.5`): the share of word runs two prompts must have
  in common (Jaccard similarity, 0 to 1) to count as near-duplicates.
- `shingle-words` (default `2`): how many consecutive words make one run.
"""

import math
import re
from collections import Counter, defaultdict
from itertools import chain

from looptool.lint.rules import Problem
from looptool.lint.rules._text import words

CODE, NAME, LEVEL, SCOPE = "LT301", "near-duplicate", "warning", "bank"
OPTIONS = {"threshold": 0.5, "shingle-words": 2}
OPTION_RANGES = {"threshold": (0.01, 1.0), "shingle-words": (1, 10)}
_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)*\b")


def check(bank, ctx):
    threshold, width = ctx.options["threshold"], ctx.options["shingle-words"]
    questions = [q for q in bank.questions if q.active]
    runs = [_runs(q.prompt, width) for q in questions]
    rank = _shared_ranks(runs)
    index = defaultdict(list)  # rank of a run -> questions whose prefix holds it
    for i, found in enumerate(runs):
        prefix = _prefix(found, rank, threshold)
        match = _first_match(found, prefix, runs, index, threshold)
        if match is not None:
            yield _report(questions[i], questions[match], _jaccard(found, runs[match]), width)
        for run in prefix:
            index[run].append(i)


def _runs(text, width):
    tokens = words(_NUMBER.sub("0", text))
    if len(tokens) <= width:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i:i + width]) for i in range(len(tokens) - width + 1)}


def _shared_ranks(runs):
    """Runs found in two or more prompts, numbered from the rarest to the most common."""
    counts = Counter(chain.from_iterable(runs))
    shared = sorted((count, run) for run, count in counts.items() if count > 1)
    return {run: r for r, (_, run) in enumerate(shared)}


def _prefix(found, rank, threshold):
    """The rarest runs of which any prompt at least ``threshold`` similar must share one.

    Prefix filtering: in one global order (runs used once first, then by
    rarity), two sets with Jaccard similarity >= t share one of their first
    n - ceil(t*n) + 1 runs. Runs used once are shared with nobody, so only
    the rest of the prefix needs indexing; if nothing is left, no match exists.
    """
    shared = sorted(map(rank.__getitem__, rank.keys() & found))
    length = len(shared) - math.ceil(threshold * len(found)) + 1
    return shared[:max(length, 0)]


def _first_match(found, prefix, runs, index, threshold):
    seen = set()
    for run in prefix:
        for j in index.get(run, ()):
            if j in seen:
                continue
            seen.add(j)
            other = runs[j]
            if threshold * len(found) <= len(other) and threshold * len(other) <= len(found) \
                    and _jaccard(found, other) >= threshold:
                return j
    return None


def _jaccard(a, b):
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared) if a or b else 0.0


def _report(question, earlier, similarity, width):
    line, _ = earlier.origin.locate(("prompt",))
    return Problem(
        f"prompt is a near-duplicate of `{earlier.id}` ({earlier.origin.file}:{line}; {similarity:.0%} of "
        f"their {width}-word runs are shared): a candidate who has met one has met both; merge them, retire one "
        "(`status: retired`), or rewrite this prompt", ("prompt",), at=question, subject=question.id,
    )
