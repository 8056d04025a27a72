"""A question's content does not match the interview type it declares.

## What it flags
- a `system-design` question whose prompt is a coding exercise ("write a
  function", "implement `lru_get(key)`", "in O(1)") with no system in it
  (no load, components, replicas, latency or failure), or a recall question
  ("What is ...", "Explain the difference ...") that never asks for a
  design;
- an `ml-system-design` question that mentions no data, no labels, no
  quality metric, no feedback loop and no model-specific serving or
  training concern anywhere in its prompt, scenario, signal or rubric: a
  systems question dressed in ML words. Decisions people already make by
  hand ("agents tag tickets manually") count as labels, and people
  correcting the model's output as feedback. Vocabulary anyone can recite
  ("class imbalance", "overfitting", "precision and recall") does not count,
  and neither monitoring nor a rate counts when it watches the servers
  rather than the model ("cache hit rate", "latency and error rate"). The question must also talk about a system (load, latency,
  replicas, failures): one with neither ML nor systems content is not a
  systems question in disguise, only an unframed one (`vague-scenario`'s
  business), and an ML problem told in plain words ("customers are talked
  into sending their savings to scammers"), told from a need with no
  request of its own, or told as a state of affairs with no request and no
  solution named ("Card transactions reach the app as raw descriptor
  strings ..."), is left alone: framing it as ML is the candidate's job;
- a `system-design` or `ml-system-design` question that is a hands-on lab:
  three or more of its sentences are steps to carry out ("Create a resource
  group", "Deploy the provided function app", "Run the load script") or it
  announces a walkthrough of its own ("In this exercise, you'll put the
  photos behind the CDN", "The following steps walk you through creating
  ...", or a lab's own headings: "Lab scenario", "Lab 1 - Exercise 2"),
  and nothing in it asks for a design or an estimate of the
  candidate's own (for a lab that announces its walkthrough, the story it
  opens with, a company and its customers, is the lab's setting and does
  not count; "In this challenge, you will be given the diagram" hands over
  material and announces nothing). The
  architecture is handed over and the candidate builds it, which is practical
  work, not a design round. Imperatives that ask for a design ("Design the
  sales flow ...") or an estimate ("Estimate the storage ...") keep a prompt
  a design round however many build steps follow;
- a `system-design` or `ml-system-design` question whose questions are all
  closed: each opens with an auxiliary or modal verb and is answered by a
  yes, a no or one of two named options ("Are network security groups
  stateful or stateless?", "Have you used a service bus?", "Can we use
  authorised IP ranges on a private cluster?"), and nothing in it asks for
  a design. A yes or a no is a fact or the candidate's own situation, not a
  design they argue for. A closed question that asks for a design ("Can you
  design a news feed for 50 million readers?") is read as the design it
  asks for, and a choice set in a situation with a follow-up to argue ("A
  payments API must roll back within a minute. Would you use blue-green or
  canary releases, and how would you roll back?") asks for an open answer.
  A `coding` question whose questions are all closed ("Does Ruby support
  method overloading?", "Are module constants public or private?") and that
  shows no code is read the same way: a yes or a no writes no code, while
  "Can you write a function that ...?" asks for it and "Does this loop
  terminate?" over the code shown is reading code;
- a `behavioral`, `career-chat` or `project-deep-dive` question whose prompt
  asks the candidate to write code ("write a function", "then implement
  binary search", "in any language"), or contains code, with or without a
  `def`;
- a `coding` question whose prompt only asks for discussion ("Explain how a
  hash map resizes") and never for code to be written, read or fixed (work
  on a dataset, or an instruction to carry out such as "Retrain the baseline
  on 10% of the data", is done at the keyboard and counts as code). Words
  that design talk shares ("build", "optimise", "write-heavy", "10,000
  writes a second") count as coding work only when code is their object
  ("build a trie class", "speed up this function"); "How would you code
  this?" asks for code, while "write down what you think will happen when
  you run it" asks for a prediction.

- any type but a quiz round (`math-quiz`) whose prompt is a multiple-choice
  item: after a question ("What's the output?", "Which command below saves
  the change?") or an instruction to pick ("Select the true statements:")
  it lists answers to pick from, labelled in sequence (A, B,
  C or 1, 2), each short and none a request of its own ("Describe the
  bug"; an answer that is a line of code, `print(df.sum())`, is code, and
  when one answer points at the others, "Both 1 and 2" or "None of the
  above", the list is answers whatever the mood of the rest); answers
  without labels ("- SMTP") count when there are three or more and they
  close the prompt, and answers set in a code block of their own count as
  the list they are. Picking an answer is a quiz, whatever the round
  promises; a prompt that also asks for the promised work ("Implement the
  cache with the structure you chose") stays clean. The answers themselves
  ask nothing, and neither does the question they answer ("How can the
  program be linked?" is answered by picking): a command among the answers
  (`make`) is not coding work. In a modelling round the question counts: a
  pick about results handed over is the round's reading of its material.

- any type whose prompt asks for nothing that the type promises. Two
  readings decide it. The trained ask model (`looptool.lint.text_model`,
  learned from the labelled corpus of real interview questions) weighs the
  whole title and prompt and gives each kind of request a probability; the
  cues read what each sentence asks the candidate to do (design, write code,
  work a problem, recall facts, answer math items, work on a dataset,
  present their own project, talk about their career, describe a past
  situation). The finding is raised when the model gives what the type
  promises less than `max-promised` (10%) and no sentence the cues read asks
  for it (in a design round, a prompt that is only the name of something to
  build, or one posed from a need that asks for nothing else, counts as
  asking for a design, while a name of a concept to explain, such as
  "Adapter pattern", "Stateful vs stateless services", "Crossinline
  keyword", "Layered architecture" or "Types of processes", asks to recall
  it in any round, and an
  instruction that asks for neither a design nor an estimate, such as "Create
  the Application Insights resource", does not),
  or, outside the conversation rounds, when the cues find requests and none
  is one the type promises while the model gives the promise less than
  `max-promised-with-cue` (50%). Code the prompt shows is material to work
  on, so a prompt with code is judged by its cues only when all they read is
  recall ("What is printed by the code below?"; "Explain what it returns,
  then rewrite it iteratively" asks for code too). Conversation rounds are
  judged by the model alone: on questions from sources nobody here had
  seen, the cues' reading of them was wrong far more often than right.
  Examples: a `system-design` made of
  "What is sharding?" and "Explain CAP" (or "How do you design for high
  availability?", "How would you refactor a legacy system?", "How do you monitor an agent
  system in production?": general practice with no system of its own is
  knowledge to recall, while "How do you use X for Y?" applies a method), a
  `behavioral` question that asks
  "Why do you want to work here?" or "What project are you on now?" (a
  behavioral round promises past situations and what the candidate did in
  them; a project tour is a deep dive's, motivations and strengths a career
  chat's), a `system-design` round that is a checklist of facts about the
  candidate's own system ("Do you have any requirements for encryption?",
  "What size of data are you ingesting?": they present their situation and
  design nothing), a `data-modeling` round that is a theory
  quiz, a `career-chat` that is a technical grilling, or one made only of
  "Tell me about a time you disagreed with ..." and "Walk us through the
  architecture of a system you built" (a career chat is about the path so
  far and the next role; it replaces the tell-me-about-a-time questions
  that a prepared story passes, and a project tour is a deep dive's). How
  the candidate usually works ("What do you do when you are stuck?") suits
  both conversations, and so does a question about the person whose wording
  only resembles a quiz ("What is your approach to delivering bad news?").
  The message quotes the sentence the cues read, or the model's probabilities
  and the words that weigh most towards its reading.

- a `coding`, `system-design` or `ml-system-design` question that none of
  the signs above flags, but that the model of its round reads as asking
  for something else. There is one round model for coding rounds and one
  for design rounds, each learned from the labelled corpus's questions of
  those types alone, so it weighs what takes a question off that round's
  promise: how a framework or tool is used in a coding round ("How do you
  validate request bodies in a Spring controller?"), a quiz or a cloud
  how-to in a design round. The ask model, learning what questions ask in
  general, splits such questions between kinds. The finding is raised
  when the round model gives that more than `min-off-promise` (70%) and no
  sentence asks for the round's own work: code to write ("How would you
  code the resize?") or a dataset to work on in a coding round, and a
  design of the candidate's own in a design round. A question about how
  something is done ("How do you ...?") is not such a request here, and in
  a design round neither is a bare how-to with no one to do it ("How to
  combine several commits in a local repository?") nor one in the habitual
  present ("How do you restart pods when a ConfigMap changes?"), which asks
  for know-how or practice, unless the prompt first poses a situation for it
  to solve; "How would you ..." and "Design ..." ask for the candidate's own
  design; either model can then read it. The message gives the round
  model's probability, the words that weigh most, and the ask model's
  likeliest reading other than the promise.

- in a `data-modeling` round, an instruction that opens with a verb of
  doing and acts on a model, data, a plot, a sample or a training run ("Grow
  a forest from the hundred trees", "Use policy gradients to keep the pole
  upright in the CartPole environment") is the modelling work the round
  promises, whatever the cues and the model read in it; a question ("When
  does each shrink a coefficient to zero?") and a program with no model or
  data in it ("Write a function that pads a photo") are not. The verbs and
  objects are the `modelling-verb` and `modelling-object` indicators. So is
  a question about the material the round hands over, which is answered by
  reading it ("How many households in the survey eat two meals a day?",
  "Using the graph from the last question, estimate the saving"), as the
  analysis layer's `given-material` cues read it (a proposal to critique,
  "Discuss the pros and cons of the proposed pipeline", is material too); a
  plot or model named in general ("What is a histogram for?") is knowledge,
  not modelling work. A question about what a run shows ("What do you
  observe about the validation loss?") is about material too. A
  computation the cues read as a math item ("Calculate how much longer the
  northern route takes") is most often done on the round's data, so in a
  modelling round it counts neither way: the model's reading decides.
  And so is a problem the cues read set as an instruction to carry out
  ("Use Gensim's `most_similar` to find the neighbours of \"bark\"", "Modify
  the generator to flip the images"), but not a question about it nor an
  invitation to think or discuss ("Take a few minutes to think about ..."),
  nor a step of a program the prompt asks for when it names no dataset,
  table or run and nothing modelling work acts on (a model, data, a sample,
  an agent: "Write a recursive function that returns the Collatz steps from
  n. Find the start below 10,000 with the longest sequence" is a
  programming exercise).

- in a `math-quiz` round, a question set on data the prompt describes
  ("A dataset of 1,000 rows is split 800/200: which error would you expect
  to be larger?") is a statistics item, which the round promises, not work
  on a dataset; an instruction to work on the data at the keyboard ("Load
  the records, drop the rows with a missing income and fit a regression")
  is.

- a `coding` question whose deliverable is prose ("Write short (~1 sentence)
  answers to the questions below", "write down a sentence about each") and
  which asks for no code to be written, read or fixed.

The coding-exercise, recall and discussion signs above count only when the
ask model, too, gives what the type promises less than
`max-promised-with-cue`; an ML design with no ML in it, code in a
conversation round and a coding round that asks only for prose count on
their own.

A design prompt that asks to "sketch the API" or "write the schema" is not a
coding exercise, an ML design about serving passes when it talks about its
metric or model-specific concerns, and a design question that shows code
and asks what is wrong with it is a design review, not a coding task. A
coding round that asks to fix given code ("There is a bug; find and fix
it") asks for what it promises, whatever the story around the bug reads
as. A sentence about the candidate's past ("tell me about a time you had to write
code fast") is not a coding task either, but a topic to talk about is not a
past ("before we talk about your goals, write ..." still asks for code),
and a question ("what would you implement differently?") is not a request.
The phrase lists are in the `type_indicators` catalogue. Retired and leaked
questions are not checked.

## Why it matters
Loops are planned by type: a "system design" slot that holds a coding
puzzle leaves the loop with no evidence on design and two on coding, and a
candidate who prepared for one kind of conversation gets another. The
worst case is the ML design round that is really a systems round with ML
words sprinkled in: "take the dataset, train a network, watch the false
positives, mind the class imbalance" passes it, so it cannot separate a
practitioner from someone who memorised the vocabulary, while the time
that could have gone into genuine systems depth is spent on the recital.

## Fails
```yaml
questions:
  - id: lru-as-design
    type: system-design
    prompt: Design and implement an LRU cache class with get(key) and put(key, value) in O(1).
  - id: feed-in-ml-clothing
    type: ml-system-design
    prompt: Design a recommendation service. Cover the API, caching, sharding and autoscaling.
    signal: Knows how to scale a recommendation service.
```

## Passes
```yaml
questions:
  - id: url-shortener
    type: system-design
    prompt: >-
      Design a link shortener for 200 million new links a month. Sketch the API
      and the storage schema, and say what happens when a region goes down.
  - id: serving-code-review
    type: ml-system-design
    prompt: |
      Here is how the team serves our 70B model. Would you put it in production?
          model = load("llama-70b")
          @app.post("/generate")
          def generate(prompt): return model.generate(prompt)
    signal: Spots per-request loading, GPU memory and missing batching in LLM serving code.
```

## Options
- `min-ml-groups` (default 1): how many of the five ML ingredients (data,
  labels, metric, feedback, model-specific concerns) an `ml-system-design`
  question must mention.
- `max-promised` (default 0.10): below this probability of what the type
  promises, the model's reading alone raises the finding.
- `max-promised-with-cue` (default 0.50): below this probability, the cues'
  reading raises it (outside the conversation rounds).
- `min-off-promise` (default 0.70): above this probability that a coding or
  design round's question asks for something else, the round model's
  reading raises it; 1.0 turns that reading off.
"""

from __future__ import annotations

import dataclasses
import re

from looptool.lint.analysis import ASK_WORDS, NEUTRAL, PROMISES, analyse, bare_name, unread
from looptool.lint.rules import Problem
from looptool.lint.rules._cues import announced_lab, first, group, quantities, sentences, shows_code
from looptool.lint.text_model import OFF_PROMISE, OFF_ROUND, ROUNDS

CODE, NAME, LEVEL, SCOPE = "LT112", "mislabeled-interview", "warning", "question"
OPTIONS = {"min-ml-groups": 1, "max-promised": 0.10, "max-promised-with-cue": 0.50, "min-off-promise": OFF_ROUND}
OPTION_RANGES = {"min-ml-groups": (0, 5), "max-promised": (0.0, 1.0), "max-promised-with-cue": (0.0, 1.0),
                 "min-off-promise": (0.0, 1.0)}

_CATALOGUE = "type_indicators"
_CONVERSATIONS = ("behavioral", "career-chat", "project-deep-dive")
_ML_GROUPS = ("ml-data", "ml-labels", "ml-metric", "ml-feedback", "ml-infra")


def check(question, ctx):
    if not question.active:
        return
    if unread(question):  # another language: unread-language reports it, the English cues cannot judge it
        return
    promised = PROMISES.get(question.type)
    if not promised:
        return

    def share() -> float:  # read only when a verdict needs it: most questions never do
        return analyse(question).reading.share(promised)

    # signs that never depend on wording alone (a list of answers to pick from, an ML design with
    # no ML in it, code in a conversation) count on their own
    found = list(_multiple_choice(question, promised, ctx)) or _structural_sign(question, ctx)
    # a type-specific sign (a coding exercise filed as design, a discussion filed as coding) or the
    # cues' general promise check counts when the model does not read the text as what the type
    # promises either; conversation rounds are left to the model
    if not found and question.type not in _CONVERSATIONS:
        cue = list(_system_design(question, ctx)) if question.type == "system-design" else (
            list(_coding(question, ctx)) if question.type == "coding" else [])
        if not cue and "design" in promised:
            cue = list(_hands_on_lab(question, ctx, promised)) or list(_closed_only(question, ctx, promised))
        elif not cue and question.type == "coding" and not shows_code(ctx, question.prompt):
            cue = list(_closed_only(question, ctx, promised))
        if not cue and not (question.type == "coding" and _find(ctx, "bug-to-fix", question.prompt)):
            # code to fix ("There is a bug; find and fix it") is the work a coding round promises,
            # whatever else the cues read in the story around it
            cue = list(_against_promise(question, ctx, promised))
        if cue and share() < float(ctx.options.get("max-promised-with-cue", 0.50)):
            found = cue
    # the model alone, when no sentence the cues read asks for what the type promises: a quoted
    # request ("Compute the probability ...", "Redesign booking so that ...") outweighs the model's
    # reading of the whole text, and so does a design prompt posed from a need (a situation going
    # wrong, someone affected, an outcome wanted), which is a design problem whatever its verbs
    if found:
        yield found[0]
        return
    evident = _promise_evident(question, promised, ctx, instructions_count=False)
    if not evident and share() < float(ctx.options.get("max-promised", 0.10)):
        yield _read_as_other(question, promised, analyse(question).reading)
    # the round model, for the rounds one reads (coding, design): learned from that round's labelled
    # questions alone, it weighs what takes a question off the round's promise ("How do you undo a
    # commit?" in a coding round), which the ask model, reading what questions ask in general, splits
    # between kinds. It is held back by a sentence asking for the round's own work: in a design round,
    # a design of the candidate's own (what ``evident`` read); in a coding round, code to write ("How
    # would you code the resize?") or work on a dataset, but not a question about how something is done
    # ("How do you roll back a migration?"), which the `solve` cues read too: telling how a tool is
    # used is what the model learned to weigh
    elif not (evident if "design" in promised else analyse(question).asks_for(*sorted(promised - {"solve"}))):
        if analyse(question).off_round(float(ctx.options.get("min-off-promise", OFF_ROUND))):
            yield _read_off_promise(question, promised, analyse(question).off_promise)


def _structural_sign(question, ctx) -> list[Problem]:
    """The type's own sign that its round is something else, read whatever the model says."""
    if question.type == "ml-system-design":
        return list(_ml_system_design(question, ctx))
    if question.type in _CONVERSATIONS:
        return list(_conversation(question, ctx))
    if question.type == "coding":
        return list(_prose_only(question, ctx))
    return []


def _unkept(question, promised, what: str, field: str = "type") -> Problem:
    """The finding for a prompt that does not do what its type promises: ``what`` says what it does
    instead ("is a hands-on lab: ...") and how to mend it."""
    wanted = " or ".join(ASK_WORDS[k] for k in sorted(promised))
    return Problem(f"declared `{question.type}`, which promises the candidate will {wanted}, but the prompt {what}",
                   (field,))


def _multiple_choice(question, promised, ctx):
    """A closed list of answers to pick from, in a round that does not promise recall (a quiz):
    nothing is written, designed or told, so it is a quiz item whatever the round."""
    if "recall" in promised:
        return
    offered = analyse(question).choices
    if not offered:
        return
    # the listed answers are picked, not done: a command among them ("`make`") or a change it
    # proposes ("Modify the recipe") asks nothing of the candidate, and neither does the question
    # they answer ("How can one make the code compile?" is answered by picking one), so only the
    # rest of the prompt can ask for the work the type promises. In a modelling round the question
    # stays: one about results handed over ("Looking at the tuning results above, select ...") is
    # the round's own reading of its material, whatever the form of the answer
    rest = offered.stem if question.type == "data-modeling" else offered.unasked
    if _promise_evident(dataclasses.replace(question, prompt=rest), promised, ctx):
        return
    yield _unkept(question, promised, f"is a multiple-choice item: it asks {offered.quote()} and lists "
                  f"{offered.count} answers to pick from (the first: \"{_quote(offered.first, 40)}\"); retype it "
                  "as a quiz, or ask for the work the type promises")


def _against_promise(question, ctx, promised):
    """The cues read requests, and none of them is one the type promises."""
    if _promise_evident(question, promised, ctx):  # the usual case, decided without reading the other kinds
        return
    analysis = analyse(question)
    asked = analysis.kinds() - NEUTRAL.get(question.type, frozenset())
    if shows_code(ctx, question.prompt) and asked != {"recall"}:
        return
    if not asked:
        return
    kind = max(sorted(asked), key=lambda k: len(analysis.asks[k]))
    evidence = analysis.asks[kind]
    share = f"{len(evidence)} of {len(analysis.requests)} sentences" if len(analysis.requests) > 1 else "its one sentence"
    yield _unkept(question, promised, f"asks them to {ASK_WORDS[kind]} ({share}: {evidence[0].quote(70)}); "
                  "retype the question, or rewrite the prompt to ask for what the type promises")


def _promise_evident(question, promised, ctx, instructions_count=True) -> bool:
    """A sentence asks for what the type promises; for a design round, a prompt that only names the
    thing to build, or one posed from a need that asks for nothing else, asks for a design; for a
    modelling round, an instruction acting on a model or data, or a question about the material it
    hands over, is the modelling work it promises; for a quiz round, a question set on data the prompt
    describes is a statistics item.

    Without ``instructions_count``, a design round's instructions ("Create an Application Insights
    resource", "Deploy the function app"), which ask for neither a design nor an estimate, do not
    count as asking for a design: a lab that hands over the architecture and walks through building
    it asks for the build."""
    analysis = analyse(question)
    # in a modelling round, an instruction acting on a model or data, a question about the material
    # handed over (a plot shown, these ratings, the model the candidate fitted) and a problem set as an
    # instruction to carry out are all work on the data the round is for; but a prompt that asks for
    # a program and names no data and nothing modelling acts on ("Write a recursive function ...;
    # find the first 10-digit prime") sets a programming exercise, whose steps are the program's
    if question.type == "data-modeling" and (_hands_on_modelling(question, ctx) or analysis.material or (any(
            _hands_on(e.sentence) for e in analysis.asked("solve")) and not _program_without_data(question, ctx))):
        return True
    # in a quiz round, a question set on data the prompt describes ("Given a dataset and ten candidate
    # procedures, which would you use to choose?", "Is the training error usually above the test
    # error?") is a statistics item; an instruction to work on the data at the keyboard is not
    if question.type == "math-quiz" and any(not _modelling_step(ctx, e.sentence) for e in analysis.asked("analyse-data")):
        return True
    if "design" not in promised or instructions_count:
        if analysis.asks_for(*promised):
            return True
    elif _designs_own(question, promised, ctx):
        return True
    if "design" not in promised:
        return False
    # a bare name asks for a design unless it names a concept to explain ("Adapter pattern", "SQL vs
    # NoSQL") rather than something to build
    return (bare_name(question.prompt or "") and not analysis.asked("recall")) or (
        analysis.framing.need_first and not analysis.kinds())


def _read_as_other(question, promised, reading) -> Problem:
    """The trained model reads the whole text as asking for something the type does not promise."""
    kind = reading.likeliest()
    words = reading.strongest(kind, against=promised)
    because = f"; the words that weigh most: {', '.join(repr(w) for w in words)}" if words else ""
    return _unkept(question, promised, f"reads as asking them to {ASK_WORDS[kind]} (the ask model gives "
                   f"{reading.probabilities[kind]:.0%} to that and {reading.share(promised):.0%} to what the type "
                   f"promises{because}); retype the question, or rewrite the prompt to ask for what the type promises")


def _read_off_promise(question, promised, off) -> Problem:
    """The round model reads the text as asking for something its round does not promise."""
    reading = analyse(question).reading
    kind = max(sorted(set(reading.probabilities) - promised), key=lambda k: reading.probabilities[k])
    words = off.strongest(OFF_PROMISE, against=set(off.probabilities) - {OFF_PROMISE})
    because = f"; the words that weigh most: {', '.join(repr(w) for w in words)}" if words else ""
    rounds = ROUNDS[question.type].removesuffix("_round_model")  # "coding", "design"
    return _unkept(question, promised, f"reads as asking for something else: the {rounds}-round model, learned from "
                   f"labelled {rounds} rounds, gives {off.probabilities[OFF_PROMISE]:.0%} to that{because}, and the ask "
                   f"model's likeliest other reading is that it asks them to {ASK_WORDS[kind]} "
                   f"({reading.probabilities[kind]:.0%}); retype the question, or rewrite the prompt to ask for what "
                   "the type promises")


def _system_design(question, ctx):
    ask = _code_ask(question.prompt, ctx)
    if ask and not _find(ctx, "design-system", question.prompt):
        yield Problem(f"declared `system-design`, but the prompt is a coding exercise (\"{ask}\") with "
                      "no system in it: no load, components or failures; retype it as `coding`, or give "
                      "it a system to design under stated load", ("prompt",))
    elif _is_recall(question, ctx):
        opening = _quote(sentences(question.prompt)[0])
        yield Problem(f"declared `system-design`, but the prompt asks to recall a fact (\"{opening}\") "
                      "and never asks for a design; ask the candidate to design something under stated "
                      "load and failures, or move the question to a knowledge quiz", ("prompt",))


def _ml_system_design(question, ctx):
    # read first: it rules most questions out (ml-clothing asks the same); whether the ML part says
    # anything specific is read sentence by sentence only until it does
    analysis = analyse(question)
    if analysis.ml_specific or analysis.ml.generic:  # ML words after all; a recital is ml-clothing's
        return
    if not analysis.kinds() and (analysis.framing.need_first or not (
            analysis.framing.solution or bare_name(question.prompt or ""))):
        # a problem told in plain words, from a need or as a state of affairs ("Raw bank transaction
        # descriptions are jumbled strings ..."), with no request and no solution named: framing it
        # as ML is the candidate's job
        return
    text = _ml_text(question)
    for aside in ("recital", "systems-metric"):  # words that look like ML but do not engage with it
        matcher = group(ctx, _CATALOGUE, "indicator", aside)
        text = matcher.sub(" ", text) if matcher else text
    if sum(1 for name in _ML_GROUPS if _find(ctx, name, text)) >= int(ctx.options.get("min-ml-groups", 1)):
        return
    posed = "\n".join([question.prompt, *(_scenario_text(question.scenario))])
    if not _find(ctx, "design-system", posed):
        return  # no systems design either: an unframed prompt, vague-scenario's business
    yield Problem("declared `ml-system-design`, but it poses a systems design and nothing in the prompt, scenario, "
                  "signal or rubric is about ML (no data, labels, quality metric, feedback loop, model or "
                  "model-specific concern): it is a systems round; say what data exists, what the label is and "
                  "how success is measured, or retype it as `system-design`", ("type",))


# a sentence that asks about work rather than setting it ("How would you ...", "Talk me through ...")
_QUESTION_WORD = re.compile(r"\W*(?:how|what|why|when|which|who|where|is|are|do|does|can|could|would|should|"
                            r"talk|tell|walk|explain|describe|discuss|say|give)\b", re.I)


def _instruction(ctx, sentence: str) -> bool:
    """A sentence that tells the candidate what to do ("Create the resource group", "HINT: configure
    the role") rather than asking a question, and asks for neither a design nor an estimate (the
    `design-work` indicator)."""
    return not _QUESTION_WORD.match(sentence) and not _find(ctx, "design-work", sentence)


# an instruction to think or talk rather than to carry something out: "Consider ...", "Take a few
# minutes to think about ...", "Imagine ..."
_THOUGHT = re.compile(r"\W*(?:consider|think|imagine|suppose|assume|reflect|pair|share|take (?:a (?:few )?|some )?"
                      r"(?:minutes?|moments?|time)|spend)\b", re.I)


def _hands_on(sentence: str) -> bool:
    """A problem set as an instruction to carry out ("Use l2loss in all layers", "Modify the generator
    to flip the images"), not a question about it nor an invitation to think or discuss it."""
    return not (_QUESTION_WORD.match(sentence) or _THOUGHT.match(sentence) or sentence.rstrip().endswith("?"))


def _program_without_data(question, ctx) -> bool:
    """The prompt asks for code to be written and names no dataset, table or run (the analysis's
    `analyse-data` cues) and nothing modelling work acts on (a model, data, a sample, an agent: the
    `modelling-object` indicator)."""
    analysis = analyse(question)
    if not analysis.asked("implement") or analysis.asked("analyse-data"):
        return False
    return not _find(ctx, "modelling-object", question.prompt or "")


def _hands_on_modelling(question, ctx) -> bool:
    """An instruction to carry out on a model, data, a plot or a training run ("Grow a forest",
    "Use your own images", "Fine-tune a VGG16 network"): the modelling work a data-modeling round
    promises, whatever its verb."""
    return any(_modelling_step(ctx, s) for s in analyse(question).requests)


def _modelling_step(ctx, sentence: str) -> bool:
    """An instruction whose verb is one of doing and whose object is a model, data, a plot or a run."""
    verbs = group(ctx, _CATALOGUE, "indicator", "modelling-verb")
    objects = group(ctx, _CATALOGUE, "indicator", "modelling-object")
    return bool(verbs and objects) and not sentence.rstrip().endswith("?") and bool(
        verbs.search(sentence) and objects.search(sentence))


def _build_step(ctx, sentence: str) -> bool:
    """An instruction that opens with a verb of carrying out (create, deploy, configure, run ...)."""
    steps = group(ctx, _CATALOGUE, "indicator", "build-step")
    return bool(steps and steps.search(sentence)) and _instruction(ctx, sentence)


def _hands_on_lab(question, ctx, promised):
    """A design round that hands over the design and walks through building it: three or more build
    steps, or a walkthrough it announces ("In this lab, you will configure ..."), and nothing the type
    promises asked otherwise."""
    analysis = analyse(question)
    steps = [s for s in analysis.requests if _build_step(ctx, s)]
    announced = announced_lab(ctx, analysis.requests)
    if len(steps) < 3 and not announced:
        return
    # a lab that announces its walkthrough is kept a design round only by a sentence that asks for a
    # design or an estimate of the candidate's own; the story it opens with (a company, its customers)
    # is the lab's setting, not a need the candidate is asked to meet
    if (_designs_own(question, promised, ctx) if announced
            else _promise_evident(question, promised, ctx, instructions_count=False)):
        return
    what = (f"{len(steps)} of its sentences are steps to carry out (\"{_quote(steps[0])}\")" if len(steps) >= 3
            else f"it announces a walkthrough (\"{_quote(announced)}\")")
    yield _unkept(question, promised, f"is a hands-on lab: {what} and nothing asks for a design of the candidate's "
                  "own; retype it as a coding or practical round, or ask the candidate to choose the architecture "
                  "the steps build", "prompt")


def _closed_only(question, ctx, promised):
    """A design round whose questions are all closed ("Have you used a service bus?", "Are NSGs
    stateful or stateless?"), or a coding round showing no code whose questions are ("Does Ruby support
    method overloading?"), and which asks for nothing the type promises: a yes or a no, or one of two
    named options, is a fact or the candidate's own situation, never a design nor a program."""
    closed = analyse(question).closed
    if not closed or _promise_evident(question, promised, ctx, instructions_count=False):
        return
    count = f"its {len(closed)} questions are" if len(closed) > 1 else "its one question is"
    yield _unkept(question, promised, f"asks only closed questions: {count} answered by a yes, a no or one of "
                  f"two named options ({closed[0].quote(70)}); ask for "
                  f"{'a design the candidate argues for' if 'design' in promised else 'the work the type promises'}, "
                  "or retype the question")


def _designs_own(question, promised, ctx) -> bool:
    """A sentence that asks for what a design round promises and is not an instruction to carry out."""
    analysis = analyse(question)
    # after a situation the prompt poses ("... we want to move them to a cheaper model. How do you do
    # it safely?"), "how do you" asks how to solve it; asked with none, it asks how it is done
    general = not analysis.framing.need_first
    # "How do you design for latency versus quality in AI systems?" asks how it is done (the
    # `how-it-is-done` indicator), which the models weigh; "How would you ..." asks for a design
    return any(not _instruction(ctx, e.sentence) and not (general and _find(ctx, "how-it-is-done", e.sentence))
               for kind in promised for e in analysis.asked(kind))


def _keyboard_work(question) -> bool:
    """Work the analysis reads as done at the keyboard: code, a dataset, or an instruction to carry
    out ("Retrain the baseline on 10% of the data"), not a question about one."""
    analysis = analyse(question)
    return analysis.asks_for("implement", "analyse-data") or any(
        not _QUESTION_WORD.match(e.sentence) for e in analysis.asked("solve"))


def _coding(question, ctx):
    if _find(ctx, "coding-work", question.prompt):
        return
    if _keyboard_work(question):
        return
    opening = next((s for s in sentences(question.prompt) if _find(ctx, "discussion-ask", s)), None)
    if opening:
        yield Problem(f"declared `coding`, but the prompt only asks for discussion (\"{_quote(opening)}\") and never "
                      "for code to be written, read or fixed; give it a concrete coding task, or move it to "
                      "a quiz or design round", ("prompt",))


def _prose_only(question, ctx):
    """A coding round whose deliverable is prose ("Write short answers to the questions below"), with
    no code to write, read or fix and no instruction to carry out at the keyboard."""
    matcher = group(ctx, _CATALOGUE, "indicator", "prose-answer")
    prose = first(matcher, question.prompt)
    if not prose or shows_code(ctx, question.prompt):
        return
    if _code_ask(matcher.sub(" ", question.prompt), ctx, "code-ask", "code-imperative"):  # "write" the prose is not code
        return
    if _keyboard_work(question):
        return
    yield Problem(f"declared `coding`, but the prompt asks for written answers (\"{_quote(prose)}\") and never for "
                  "code to be written, read or fixed; give it a concrete coding task, or move it to a quiz or "
                  "discussion round", ("prompt",))


def _conversation(question, ctx):
    ask = _code_ask(question.prompt, ctx, "code-ask", "code-imperative")
    shown = None if ask else shows_code(ctx, question.prompt)
    if ask or shown:
        what = f"asks the candidate to write code (\"{ask}\")" if ask else f"contains code (\"{shown}\")"
        yield Problem(f"declared `{question.type}`, but the prompt {what}; move the coding task to a "
                      "`coding` question and keep this one a conversation", ("prompt",))


def _code_ask(text, ctx, *indicators: str) -> str | None:
    """The first request in ``text`` to write code that is not part of a story about the past."""
    story = group(ctx, _CATALOGUE, "indicator", "story")
    matchers = [(i, group(ctx, _CATALOGUE, "indicator", i)) for i in indicators or ("code-ask",)]
    for sentence in sentences(text):
        for name, asks in matchers:
            found = asks.search(sentence) if asks else None
            if found and not (story and story.search(sentence[: found.start()])):
                # an imperative matches only its verb: quote the request it opens
                quoted = sentence[found.start():].split()[:5] if name == "code-imperative" else found.group(0).split()
                return " ".join(quoted).rstrip(".?!,;")
    return None


def _is_recall(question, ctx) -> bool:
    parts = sentences(question.prompt)
    if not parts or not _find(ctx, "recall-ask", parts[0]) or _find(ctx, "design-verb", question.prompt):
        return False
    hooks = question.scenario.hooks if question.scenario else []
    return not hooks and quantities(question.prompt) < 2


def _scenario_text(scenario) -> list[str]:
    """What the candidate is given besides the prompt (the systems part must be posed, not only graded)."""
    if not scenario:
        return []
    return [p for p in (scenario.need, *scenario.constraints, *scenario.hooks) if p]


def _ml_text(question) -> str:
    parts = [question.prompt, question.signal]
    scenario = question.scenario
    if scenario:
        parts += [scenario.need, *scenario.stakeholders, *scenario.constraints, *scenario.hooks, *scenario.tradeoffs]
    for band in question.rubric or []:
        parts += [band.label, *band.evidence]
    return "\n".join(p for p in parts if p)


def _find(ctx, indicator, text) -> str | None:
    return first(group(ctx, _CATALOGUE, "indicator", indicator), text)


def _quote(text, limit=60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
