"""A rubric band's evidence grades the answer instead of describing it.

## What it flags
A rubric band in which every piece of evidence is a verdict rather than an
observation: words that grade ("strong answer", "weak", "great
communication"), or a state of mind nobody can see ("good understanding of
trade-offs", "knows distributed systems", "familiar with PyTorch"), with no
behaviour a second interviewer could confirm from their notes. Evidence
counts as observable when it names something the candidate says or does
(names, explains, computes, asks, tests, cannot derive...), gives numbers or
a quotation, or introduces specifics (`such as`, `e.g.`), or states a
specific claim ("understands *why* the draft model adds work"). A verb
whose only company is a grade on a hollow noun says nothing more than the
grade: "asks good questions" and "explains the solution clearly" do not say
which questions or what was explained. In "Red flag: blames the other
team", the words before the colon are a label and only the rest is judged.
Retired and leaked questions are never planned, so they are left alone.

The vocabulary lives in the `vague_evidence` catalogue (word classes:
judgement, competence, hollow nouns, filler, behaviour verbs).

## Why it matters
Anchors exist so that two interviewers who watched the same answer give the
same score. "Strong answer" anchors nothing: each interviewer fills it in
with their own idea of strong, so the score records the interviewer's taste
and the debrief repeats adjectives instead of comparing what happened. Write
what a candidate in the band visibly does: "Names batching and KV-cache
reuse without prompting" can be checked; "excellent understanding" cannot.

## Fails
```yaml
rubric:
  - {min: 0, max: 1, evidence: [Weak answer]}
  - {min: 2, max: 3, evidence: [Good understanding of trade-offs]}
  - {min: 4, max: 5, evidence: [Excellent, strong communication]}
```

## Passes
```yaml
rubric:
  - {min: 0, max: 1, evidence: [Cannot say what the draft model is for]}
  - {min: 2, max: 3, evidence: [Explains why the draft model adds work]}
  - {min: 4, max: 5, evidence: [Names batching and KV-cache reuse unprompted]}
```

## Options
None.
"""

from functools import lru_cache
from types import SimpleNamespace

from looptool.lint.rules import Problem
from looptool.lint.rules._text import has_phrase, inflections, words

CODE, NAME, LEVEL, SCOPE = "LT123", "rubric-evidence", "warning", "question"

_KINDS = ("judgement", "competence", "hollow", "filler", "clause", "linking", "behaviour", "behaviour-lead",
          "specifics")
_MAX_TOPIC_WORDS = 4  # "good understanding of <a short topic>"
_MAX_VERDICT_WORDS = 5  # "strong distributed systems fundamentals"


def check(question, ctx):
    if not question.active:
        return
    vocab = _vocabulary(tuple((e["kind"], tuple(e["terms"])) for e in ctx.catalogue("vague_evidence")))
    for i, band in enumerate(question.rubric or []):
        if band.evidence and all(is_verdict(item, vocab) for item in band.evidence):
            span = f"{band.min}" if band.min == band.max else f"{band.min}-{band.max}"
            yield Problem(
                f"evidence for band {span} only grades the answer (\"{band.evidence[0]}\"); write what a "
                "candidate in this band says or does that another interviewer could check, e.g. "
                "\"names two failure modes\" or \"cannot explain why the cache misses\"",
                ("rubric", i, "evidence"),
            )


@lru_cache(maxsize=8)
def _vocabulary(entries):
    found = {kind: set() for kind in _KINDS}
    for kind, terms in entries:
        found.setdefault(kind, set()).update(t.lower() for t in terms if isinstance(t, str))
    found["judgement"] |= {_adverb(word) for word in found["judgement"]}
    vocab = SimpleNamespace(**{kind.replace("-", "_"): frozenset(terms) for kind, terms in found.items()})
    vocab.graded = vocab.judgement | vocab.competence | vocab.hollow
    vocab.preamble = vocab.judgement | vocab.hollow  # may precede "understanding of"
    vocab.behaviour = frozenset(f for verb in vocab.behaviour for f in inflections(verb)) - vocab.graded
    vocab.behaviour_lead = frozenset(f for verb in vocab.behaviour_lead for f in inflections(verb)) - vocab.graded
    return vocab


def _adverb(word):
    """`confident` -> `confidently`, `shaky` -> `shakily`, `capable` -> `capably`."""
    if word.endswith("y"):
        return word[:-1] + "ily"
    return word[:-2] + "ly" if word.endswith("le") else word + "ly"


def is_verdict(item, vocab):
    """Whether an evidence item only grades, with nothing a second interviewer could check."""
    _, colon, tail = item.partition(":")
    item = tail if colon and tail.strip() else item  # "Red flag: blames the other team" is judged on its tail
    tokens = words(item)
    content = [t for t in tokens if t not in vocab.filler]
    if not content or _is_specific(item, tokens, content, vocab):
        return False
    if all(t in vocab.graded for t in content):
        return True
    if any(t in vocab.clause for t in tokens):
        return False
    return _graded_topic(tokens, content, vocab) or _short_verdict(content, vocab)


def _is_specific(item, tokens, content, vocab):
    """Numbers, a quotation, a behaviour verb or an `e.g.`: something to check."""
    if any(ch.isdigit() for ch in item) or any(q in item for q in ('"', "\u201c", "`")):
        return True
    verbs = {t for t in tokens if t in vocab.behaviour} | ({content[0]} & vocab.behaviour_lead)
    if verbs and not _graded_manner(content, verbs, vocab):
        return True
    return any(has_phrase(item, p) for p in vocab.specifics)


def _graded_manner(content, verbs, vocab):
    """`Explains things clearly`: the verb's only company is a grade on a hollow noun, so
    nothing says what was explained."""
    rest = [t for t in content if t not in verbs]
    return bool(rest) and all(t in vocab.graded for t in rest) and any(t in vocab.judgement for t in rest)


def _graded_topic(tokens, content, vocab):
    """`[good] understanding of <topic>` or `weak on <topic>`, the topic short."""
    rest = list(content)
    while rest and rest[0] in vocab.preamble:
        rest.pop(0)
    if rest and rest[0] in vocab.competence:
        return len(rest) - 1 <= _MAX_TOPIC_WORDS
    lead = [t for t in tokens if t not in vocab.filler or t in vocab.linking]
    return (len(lead) > 2 and lead[0] in vocab.judgement and lead[1] in vocab.linking
            and len(content) - 1 <= _MAX_TOPIC_WORDS)


def _short_verdict(content, vocab):
    """`strong system design skills`: a grade on a hollow noun, in a few words."""
    return (len(content) <= _MAX_VERDICT_WORDS and any(t in vocab.judgement for t in content)
            and any(t in vocab.graded - vocab.judgement for t in content))
