"""A coding question asks the candidate to implement or debug a neural-network layer.

## What it flags
A `coding` question (any flavour, including `coding/math`) whose task is to
write or repair a neural-network layer or architecture: a transformer
block or its feed-forward sub-layer (position-wise, SwiGLU), a whole
transformer language model, an attention layer, layer or batch norm, a
convolution (a graph convolution too), a pooling or fully-connected layer
(an MLP module among them), a dropout, maxout or embedding layer, an LSTM
cell, or a whole network with its backpropagation, a low-rank adapter or a
patch embedding; a network's
forward or backward pass named without its network ("complete the
`forward` pass below") counts as its component, and a network class named
in code style (`SiameseNet`) as a whole network. A layer counts
when it is the object of a task verb, also after a piece of its work is
named first, the object being read after those pieces ("write the forward
and backward pass for a batch norm layer", "implement the forward and
backward passes of several kinds of layer, including pooling layers",
"code the gradient of a linear layer", "there is a bug in this layer
norm"), when it is built by hand ("multi-head attention from scratch", "a
conv layer in numpy"; numpy or no autograd counts whatever the question's
type, "from scratch" only in a coding round, since "train a transformer
from scratch or fine-tune?" is a design choice), or when it is the
title's subject ("Token embedding layer"; a title that compares two, such
as "SwiGLU versus SiLU feed-forward", builds neither); a layer that is only
context ("top-k sampling over a transformer's logits", "a tokenizer for our
transformer", a title such as "Training without layer norm" or "LoRA
fine-tuning for code") does not. The finding quotes the words that name
the task. A whole network built to do a task ("build a neural network to
classify spam", "train an MLP on the given dataset", "an LSTM for text
generation") is assembled from a framework's layers, a modelling exercise:
it counts only when the question names its mechanics (backpropagation, a
backward pass, NumPy, "from scratch", no autograd) or asks for a piece of
its work ("the forward pass of an LSTM", "the forward part of `SiameseNet`").
A framework's own layer is configured, not written: a task whose object
names one in code style ("Add the first `Conv2D` layer to the model", "pass
it through a `nn.Conv2d()` layer") does not count, and a question that sets
a layer by its settings ("12 filters, a kernel_size of 3") counts only
through a built-by-hand phrase or when it names the mechanics; a custom
layer checked against the framework's ("the same output as
`keras.layers.LayerNormalization`") is still written by hand. The phrases
live in the catalogue `ml_coding_patterns`.

Small numerical functions (a stable softmax or log-sum-exp, a loss),
sampling, tokenizers and data loaders are not layers and pass. Other
question types are checked when their prompt asks for code to be written
(an "ML system design" that asks to implement attention in numpy is a
coding round in disguise); a data-modeling exercise that works on a dataset
or notebook and changes a network's architecture inside its scaffold is
unaffected, and so is a layer given as correct whose task is to make it
faster; so do GPU-kernel questions, where the
difficulty is the hardware rather than array indexing. Retired questions
are skipped.

## Why it matters
Most of the work in writing a transformer layer live is getting array
indexing and broadcasting right. That struggle happens in the candidate's
head, out of the interviewer's sight, so the round mostly measures whether
the candidate has typed this exact layer recently. It says little about
code quality or algorithmic skill, which an indexing, search, graph, tree,
heap or compiler-flavoured problem shows better, and ML craft is seen more
clearly in a data-modeling round.

## Fails
```yaml
questions:
  - id: mha-numpy
    type: coding
    title: Multi-head self-attention in NumPy
    prompt: >-
      Implement the forward pass of a multi-head self-attention layer with a
      causal mask. Inputs are (batch, seq, d_model) arrays.
```

## Passes
```yaml
questions:
  - id: topk-sampler
    type: coding
    title: Top-k sampling with a heap
    prompt: >-
      Given the logits a language model returns for the next token, write
      top_k_sample(logits, k, rng) in O(n log k) without sorting everything.
```

## Options
None.
"""

from __future__ import annotations

import re

from looptool.lint.analysis import analyse, clip, unread
from looptool.lint.rules import Problem
from looptool.lint.rules._content import absent_from, finditer, found_any, search

CODE, NAME, LEVEL, SCOPE = "LT103", "low-signal-ml-coding", "warning", "question"
OPTIONS = {}
OBJECT_WINDOW = 80  # characters after a task verb in which its object is looked for
BUILT_AFTER = r"^\W{0,3}"  # how a `built` pattern says "right after the component"


def check(question, ctx):
    if question.status == "retired":
        return
    if unread(question):  # another language: unread-language reports it, the English cues cannot judge it
        return
    patterns = _patterns(ctx)
    text = " ".join(f"{question.title}. {question.prompt}. {question.signal}".split())
    coding = _coding_task(question)
    if not coding and not found_any(patterns["by-hand-anywhere"], text):
        return
    if found_any(patterns["exempt"], text):
        return
    found = _built_by_hand(text, patterns, patterns["built"] + patterns["by-hand"] if coding
                           else patterns["by-hand"])
    if found is None and coding:
        mechanics = found_any(patterns["mechanics"], text)
        # a layer set by its settings ("12 filters, a kernel_size of 3") is a framework's, configured
        # rather than written, unless the question says the workings are done by hand
        if not mechanics and found_any(patterns["settings"], text):
            return
        found = _task_object(text, patterns, mechanics) or _title_component(question, patterns)
    if found:
        component, evidence = found
        yield Problem(f"the task is to implement or debug {component['name']} (\"{clip(evidence, 70)}\"); most of "
                      "its difficulty is array indexing and broadcasting in the candidate's head, which the "
                      "interviewer cannot see. Use an indexing, search, graph or compiler-flavoured problem here, "
                      "and test ML craft in a data-modeling round", ("prompt",))


def _coding_task(question) -> bool:
    """A coding round, or a request to write code filed under another type (a data-modeling round
    that changes a network inside its scaffold is ML craft, not array bookkeeping)."""
    if question.type == "coding":
        return True
    analysis = analyse(question)
    if question.type == "data-modeling" and analysis.asks_for("analyse-data"):
        return False
    # "How would you implement a CNN for text?" in a quiz asks about an approach, not for code
    return any(not _HOW.match(e.sentence) for e in analysis.asked("implement"))


def _patterns(ctx) -> dict:
    return ctx.derived("ml_coding_patterns", lambda: _read_patterns(ctx))


def _read_patterns(ctx) -> dict:
    kinds = {"task": [], "boundary": [], "exempt": [], "component": [], "part": [], "built": [], "by-hand": [],
             "mechanics": [], "framework": [], "settings": []}
    for entry in ctx.catalogue("ml_coding_patterns"):
        kind = entry.get("kind")
        if kind == "component":
            kinds[kind].append(entry)
        elif kind in kinds:
            kinds[kind].extend(entry.get("patterns", ()))
    # the cheap test that lets a question of another type skip the rule: its words anywhere
    kinds["by-hand-anywhere"] = [p.removeprefix(BUILT_AFTER) for p in kinds["by-hand"]]
    return kinds


def _task_object(text: str, patterns, mechanics: bool) -> tuple[dict, str] | None:
    """The component a task verb works on ("implement the backward pass of a conv layer"). A whole
    network counts only when a piece of its work is the object: "build a neural network for spam"
    assembles framework layers, "write the backward pass of an MLP" (or any question that names the
    backpropagation, NumPy or "from scratch") is the bookkeeping itself. With the component, the
    task as written: its verb and the object read."""
    # each task's object is cut at its clause boundary once, not once per component tried on it
    objects = [(_clause(found, patterns["boundary"]), part, verb) for found, part, verb in
               (_work_object(text[m.end():m.end() + 2 * OBJECT_WINDOW], patterns["part"], m.group(0))
                for p in patterns["task"] for m in finditer(p, text))]
    # an object that holds a framework's own layer ("the first `Conv2D` layer") is configured, not written
    objects = [(o, part, verb) for o, part, verb in objects if not found_any(patterns["framework"], o)]
    return next(((c, f"{verb} {o}") for c in patterns["component"] for o, part, verb in objects
                 if (part or mechanics or not c.get("whole")) and found_any(c["patterns"], o)), None)


def _title_component(question, patterns) -> tuple[dict, str] | None:
    """A title whose subject is the component, unless the prompt only uses it as a tool. The subject
    is the title's first phrase (up to a preposition or a comma: "Embedding module without
    nn.Embedding"), and the component must end it, give or take the rest of its word and a word
    for what it is ("Token embedding layer", "Add and norm block"), or open it as the subject of a
    clause ("LayerNorm returns NaN"): a component that only qualifies the subject ("LoRA
    fine-tuning", "Examine the learned embedding space") or comes after it ("BBC classifier with an
    embedding layer", "Training without RMSNorm") is context, not the thing to write."""
    if _COMPARISON.search(question.title or ""):  # "SwiGLU versus SiLU feed-forward" compares, it builds nothing
        return None
    subject = _TITLE_SUBJECT.split(question.title or "", maxsplit=1)[0]
    return next(((c, question.title) for c in patterns["component"]
                 if not c.get("whole") and any(_is_subject(subject, m)
                                               for p in c["patterns"] for m in finditer(p, subject))
                 and not found_any(c["patterns"], " ".join(_tools(question.prompt)))), None)


def _is_subject(phrase: str, found) -> bool:
    """The component found ends the title's first phrase (give or take the word for what it is), or
    opens a clause about it ("LayerNorm returns NaN", "The attention layer is too slow")."""
    rest = phrase[found.end():]
    return bool(_SUBJECT_TAIL.fullmatch(rest) or (
        len(phrase[:found.start()].split()) <= 1 and _CLAUSE_VERB.match(rest)))


def _work_object(text: str, parts, verb: str) -> tuple[str, bool, str]:
    """What a task verb works on, after any piece of a layer's work ("the backward pass of ..."),
    whether such a piece was named, and the verb with that piece ("implement the backward pass of")."""
    named = False
    for _ in range(2):  # "the numerically stable version of the backward pass of ..."
        text = text.lstrip()
        found = next((m for p in parts if (m := search(p, text)) and m.start() == 0), None)
        if found is None:
            break
        verb, text, named = f"{verb} {text[:found.end()].strip()}", text[found.end():], True
    # the object is read over a window that starts after the pieces of work named before it ("the
    # forward and backward passes of many different layer types, including convolution ...")
    return text[:OBJECT_WINDOW], named, verb


def _built_by_hand(text: str, patterns, built) -> tuple[dict, str] | None:
    """A component followed by a phrase that says it is built by hand ("attention from scratch"),
    with the words that say so."""
    # a phrase whose literal pieces the whole text lacks is in no window after a component: most
    # texts hold none, and then no component needs finding
    built = [p for p in built if not absent_from(p, text)]
    if not built:
        return None
    for component in patterns["component"]:
        for pattern in component["patterns"]:
            for m in finditer(pattern, text):
                window = text[m.end():m.end() + 50]
                if said := next((f for p in built if (f := search(p, window))), None):
                    return component, text[m.start():m.end() + said.end()]
    return None


_HOW = re.compile(r"\W*how\b", re.I)
# where a title's first phrase ends, and the words for what a component is that may follow it there
_TITLE_SUBJECT = re.compile(r"\s+(?:with|without|for|on|in|using|via|from|to|like|into|over|by|as)\b|[,:;(]|\s[-\u2013\u2014]\s", re.I)
_COMPARISON = re.compile(r"\s(?:vs|versus)\b", re.I)  # a title that sets two things side by side
_CLAUSE_VERB = re.compile(r"\w*\s+(?:is|are|has|have|does|do|\w+[^\Ws]s)\b", re.I)  # "... returns NaN"
_SUBJECT_TAIL = re.compile(r"\w*(?:\s+(?:layers?|blocks?|modules?|class(?:es)?|functions?|mechanisms?|cells?|pass(?:es)?|"
                           r"implementations?|units?|heads?|ops?|operators?|forward|backward|gradients?|and|&))*\W*", re.I)
_TOOL = re.compile(r"\b(?:using|with|via|on top of|from|pre-?trained)\s+(?:an?\s+|the\s+|our\s+)?([^,.;:?!]{1,60})", re.I)


def _tools(text: str) -> list[str]:
    """What the prompt uses rather than builds: "... using Mask R-CNN" names a tool, not a task."""
    return [m.group(1) for m in _TOOL.finditer(text or "")]


def _clause(text, boundaries) -> str:
    """``text`` up to the first word that starts a different object."""
    ends = [m.start() for m in (search(b, text) for b in boundaries) if m]
    return text[:min(ends)] if ends else text
