"""A question can only be answered by reinventing a landmark algorithm that the prompt does not give.

## What it flags
A question whose problem, as posed, is one that a landmark result is *the*
answer to (the catalogue `landmark_algorithms`: MinHash/LSH for web-scale
near-duplicates, HyperLogLog for distinct counts in tiny memory, consistent
hashing for moving few keys when nodes change, Bloom filters, count-min
sketches, reservoir sampling, consensus protocols, the alias method,
speculative decoding, FlashAttention-style tiling, PageRank, vector clocks,
quantile sketches for fleet-wide percentiles, Merkle trees for replica
repair, rolling checksums for syncing edited files, ring all-reduce, CRDTs
for merging offline edits, BM25 for keyword ranking, an approximate
nearest-neighbour index for similarity search over millions of vectors), when the method is not
handed over: `method_provided` is not `true`, the candidate-visible text
does not explain it, and it does not name it as something to use ("you may
use consistent hashing", "a dedup pipeline using MinHash").

A question that lists a landmark in `relies_on` is flagged on the same
terms, even when the problem wording is not recognised. So is one that asks
the candidate to build a research-grade landmark by name ("implement
HyperLogLog", "write Raft") without explaining it: naming the method as the
thing to produce does not hand it over, it asks for the method from memory.
Textbook structures whose name is a working spec to most engineers (Bloom
filters, hash rings, reservoir sampling) are ordinary coding questions when
named, even as the thing to build ("implement reservoir sampling"), and
pass. Matching structured records (customers, patients, suppliers) is
entity resolution, not web-scale near-duplicate detection, and passes too. Asking what a named method does ("explain how HyperLogLog
trades memory for accuracy") is not building it, and passes either way. A method named only in
the title is not handed over either: titles are never shown to candidates.

Project deep dives, career chats and behavioural questions are exempt (the
candidate chooses the material); retired questions are skipped.

A problem counts as posed when it is stated in one place: its words must
all fall within three neighbouring sentences of the title, prompt and
scenario. A long lab that mentions membership in one step and false
positives in another poses no membership problem.

A finding for a problem described rather than named quotes the sentence that
describes it.

## Why it matters
Some problems took a research paper to crack. Asking a candidate to design
web-scale deduplication in 45 minutes does not test whether they can do the
work; it tests whether they happened to study MinHash before the interview,
and it rewards recall over reasoning. What the job needs is the ability to
learn and apply such a method in a day or two. Either explain the method
and ask for an implementation and its trade-offs (this tests careful
engineering), or let candidates bring the topic to a project deep dive of
their choosing.

## Fails
```yaml
questions:
  - id: crawl-dedup
    type: system-design
    prompt: >-
      Our web crawl holds 8 billion pages and many are near-duplicates
      (mirrors, boilerplate, syndicated news). Design the pipeline that
      removes them before training.
```

## Passes
```yaml
questions:
  - id: crawl-dedup-minhash
    type: system-design
    method_provided: true
    relies_on: [minhash-lsh]
    prompt: >-
      Our web crawl holds 8 billion pages and many are near-duplicates.
      We will use MinHash: shingle each page into 5-word sets, keep the
      minimum hash under 128 hash functions as a signature, and compare
      signatures in bands. Design the pipeline around it and size it.
```

## Options
- `exempt-types` (default `[project-deep-dive, career-chat, behavioral]`):
  question types where the candidate picks the material, never flagged.
"""

from __future__ import annotations

import re

from looptool.lint.analysis import unread
from looptool.lint.rules import Problem
from looptool.lint.rules._content import (
    count_found,
    entry_matches,
    entry_quote,
    finditer,
    found_any,
    may_match,
    posed_sentences,
    posed_text,
    sentences,
    visible_text,
)

CODE, NAME, LEVEL, SCOPE = "LT102", "rederive-from-scratch", "warning", "question"
OPTIONS = {"exempt-types": ["project-deep-dive", "career-chat", "behavioral"]}
EXPLAINED_PARTS = 2  # mechanism patterns a prompt must hit to count as explaining the method
PROBLEM_WINDOW = 3  # neighbouring sentences a posed problem's patterns must all match within
# what may stand between a produce verb and the name it governs ("implement a simple HyperLogLog")
OBJECT_GAP = re.compile(r"(\s+(an?|the|your|own|how|simple|basic|working|minimal|complete|full))*\s+", re.I)


def check(question, ctx):
    if question.status == "retired" or question.method_provided or question.type in ctx.options["exempt-types"]:
        return
    if unread(question):  # another language: unread-language reports it, the English cues cannot judge it
        return
    posed, visible = posed_text(question), visible_text(question)
    phrases = _phrases(ctx)
    if found_any(phrases.get("open-book", ()), visible):
        return  # known methods and libraries are allowed: the question tests using them, not recalling them
    for entry, known in _entries(ctx):
        listed = _listed_at(known, question.relies_on) if question.relies_on else None
        # cheap tests first: the "handed over" scan is only needed for an entry that applies
        posed_problem = listed is None and _posed_problem(entry, question, posed)
        if listed is None and not posed_problem and not _asked_by_name(entry, question, phrases):
            continue
        if _handed_over(entry, visible, phrases):
            continue
        name = entry.get("name", entry.get("id"))
        if listed is not None:
            yield Problem(f"`relies_on` names {name}, but the prompt neither explains it nor offers it; "
                          "describe the method in the prompt and set `method_provided: true`, so the question "
                          "tests applying it rather than remembering it", ("relies_on", listed))
        elif not posed_problem:
            yield Problem(f"asks the candidate to produce {name} by name without explaining it, which tests "
                          "whether they studied it before; describe the method in the prompt and set "
                          "`method_provided: true`, or leave the topic to a project deep dive", ("prompt",))
        else:
            asked = f"{entry.get('problem', 'a problem')}{entry_quote(entry, posed)}"
            yield Problem(f"asks for {asked}, whose known answer is {name}; few "
                          f"candidates rederive it in {question.duration_minutes} minutes without having studied "
                          "it. Explain the method in the prompt and set `method_provided: true`, say the candidate "
                          "may use it, or leave the topic to a project deep dive", ("prompt",))


def _posed_problem(entry, question, posed) -> bool:
    """The entry's problem is posed: its patterns match within ``PROBLEM_WINDOW`` neighbouring
    sentences of the posed text (its exemptions read the whole). A problem is stated in one place; the
    same words scattered over a long lab ("set membership" in one step, "false positives" in another)
    state none."""
    if not entry_matches(entry, posed):  # the usual case, decided on the whole text at once
        return False
    said, _ = posed_sentences(question)
    return len(said) <= PROBLEM_WINDOW or any(
        entry_matches(entry, " ".join(said[at:at + PROBLEM_WINDOW]), posed) for at in range(len(said) - PROBLEM_WINDOW + 1))


def _phrases(ctx) -> dict:
    return ctx.derived("method_phrases", lambda: _read_phrases(ctx))


def _read_phrases(ctx) -> dict:
    kinds = {"recall": [], "given": [], "produce": [], "open-book": []}
    for entry in ctx.catalogue("method_phrases"):
        kinds.setdefault(entry.get("kind"), []).extend(entry.get("patterns", ()))
    return kinds


def _handed_over(entry, visible, phrases) -> bool:
    if count_found(entry.get("mechanism"), visible) >= EXPLAINED_PARTS:
        return True
    textbook = not entry.get("own_names")
    return any(_offered(sentence, name, phrases, textbook) for sentence in sentences(visible)
               for pattern in entry.get("names", ()) for name in finditer(pattern, sentence))


def _offered(sentence, name, phrases, textbook=False) -> bool:
    """The name is not the object of a recall verb ("implement X"), or a `given` phrase intervenes.
    A textbook structure's name is its spec, so "implement reservoir sampling" offers it."""
    before = sentence[:name.start()]
    if _built(before, phrases):
        return textbook
    verbs = [m for p in phrases["recall"] for m in finditer(p, before)]
    if not verbs:
        return True
    last = max(verbs, key=lambda m: m.end())
    return found_any(phrases["given"], before[last.end():])


def _asked_by_name(entry, question, phrases) -> bool:
    """The method's own name is the object of a produce verb ("implement HyperLogLog")."""
    names = entry.get("own_names", ())
    if not names:
        return False
    said, joined = posed_sentences(question)
    # each sentence is a piece of the joined text: a name that cannot occur there occurs in none
    if not any(may_match(p, joined) for p in names):
        return False
    return any(_built(sentence[:name.start()], phrases) for sentence in said
               for pattern in names for name in finditer(pattern, sentence))


def _built(before, phrases) -> bool:
    """``before`` ends in a produce verb whose object is what follows ("write a ...")."""
    return any(OBJECT_GAP.fullmatch(before[verb.end():])
               for p in phrases["produce"] for verb in finditer(p, before))


def _entries(ctx) -> list:
    """Each landmark with the slugs that name it in `relies_on` (read once per run)."""
    return ctx.derived("landmark_algorithms", lambda: [
        (entry, {_slug(entry.get("id", "")), *(_slug(a) for a in entry.get("aliases", ()))} - {""})
        for entry in ctx.catalogue("landmark_algorithms")])


def _listed_at(known, relies_on) -> int | None:
    return next((i for i, item in enumerate(relies_on) if _slug(item) in known), None)


def _slug(text) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-")
