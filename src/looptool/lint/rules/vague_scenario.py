"""A design prompt names what to build but no one who needs it, nothing going wrong and no outcome.

## What it flags
A question that asks for a design (whatever type it is filed under) and is
**solution-first**: it opens by naming the artefact to build ("Design a
fraud detection system for a banking application", "Automatically route
tickets to the right subteam", "Design Dropbox"; in a design round, a
prompt that is only a name, "TinyURL", "Achievement System", a title-case
heading, or "Chat App (e.g. Messenger)" with a line of example products,
names the artefact too), and nowhere names

- **someone affected**: people in their situation ("our bank's customers
  are ...", "people who might be able to answer", a volunteer-run channel,
  `scenario.stakeholders`), not a word that only qualifies the artefact
  ("a customer-support assistant", "user questions"), nor a requirement
  line saying what the artefact does for people ("Allow users to upload
  snippets", "Match riders to nearby drivers");
- **a situation going wrong**: a harm, a failure, a wait, a need not met
  ("are being scammed", "questions sit unanswered for days"), outside the
  artefact's own name (the "fraud" of "fraud detection system" is not a
  situation);
- **an outcome wanted**: what must get better ("find a way to prevent
  this", "so that riders wait less").

Any one of the three makes the prompt need-first enough to discuss, with or
without numbers.

Two readings decide it. The cues above name the artefact and look for the
three in the prompt and in `scenario.need`; a small model trained on the
labelled corpus of real interview questions (`looptool.lint.text_model`)
weighs the whole title and prompt and says how likely it is to be a vague
design prompt. The cues' verdict counts when the model gives it at least
`min-probability-with-cues` (20%); the model alone flags a prompt it reads as
vague with at least `min-probability` (70%) when the ask model reads it as a
design request rather than a quiz and the cues quote no situation going
wrong and no outcome wanted. A need written in `scenario.need` passes. Numbers and follow-up hooks are what an interviewer
prepares; a missing `scenario.hooks` or `scenario.constraints` is
`scenario-prep`'s finding, not this one. A prompt that asks for no design at
all (a quiz, a coding task, a name of a concept to explain such as
"Difference between optimistic and pessimistic locking") or announces a
hands-on lab of its own ("Lab: Implementing file sync", "In this lab, you
will configure ...") is `mislabeled-interview`'s business, and a design
prompt that shows code to review is concrete material in itself.
Retired and leaked questions are not checked. The cues are in the
`question_cues` catalogue.

## Why it matters
A design interview is only as good as the questions it invites. "Our
bank's customers are being talked out of their savings; stop it" makes a
strong candidate ask where to intervene, what a false alarm costs a
legitimate customer and who may override a hold, and each answer is a
design decision you can score. "Design a fraud detection system for a
bank" invites a memorised architecture diagram: there is nothing to
clarify, so careful thinkers and confident talkers look the same.

## Fails
```yaml
questions:
  - id: ticket-router
    type: system-design
    prompt: Automatically route support tickets to the right subteam.
```

## Passes
```yaml
questions:
  - id: volunteer-help-bot
    type: ml-system-design
    prompt: >-
      Build a chat bot for our volunteer-run help channel that tags people
      who might be able to answer each question.
```

## Options
- `min-probability` (default 0.7): how sure the vague model must be to flag
  a prompt on its own.
- `min-probability-with-cues` (default 0.2): how much the model must lean
  towards vague for the cues' verdict to count.
"""

from __future__ import annotations

from looptool.lint.analysis import analyse, bare_name, sentences, unread
from looptool.lint.rules import Problem
from looptool.lint.rules._cues import announced_lab, shows_code

CODE, NAME, LEVEL, SCOPE = "LT111", "vague-scenario", "warning", "question"
OPTIONS: dict = {"min-probability": 0.7, "min-probability-with-cues": 0.2}
OPTION_RANGES: dict = {"min-probability": (0.0, 1.0), "min-probability-with-cues": (0.0, 1.0)}


def check(question, ctx):
    if not (question.is_design and question.active) or shows_code(ctx, question.prompt):
        return
    if unread(question):  # another language: unread-language reports it, the English cues cannot judge it
        return
    analysis = analyse(question)
    # what the prompt asks is read first (mislabeled-interview has usually read it already); the
    # framing, read over every sentence, only for a prompt that asks to design or solve
    # a prompt that is only a name ("TinyURL") asks for nothing in words, but in a design round it
    # names the artefact to build, unless it names a concept to explain ("Stateful vs stateless")
    if not (analysis.asks_for("design", "solve")
            or (bare_name(question.prompt or "") and not analysis.asks_for("implement", "recall"))):
        return
    # a hands-on lab filed as design ("Lab: Implementing file sync ...") is not a design prompt at all:
    # whether its round fits is mislabeled-interview's business, not whether it names a need
    if announced_lab(ctx, analysis.requests):
        return
    # two readings: the trained vague model weighs the whole title and prompt (the labelled corpus
    # taught it what a need looks like in many more wordings than the cues list), and the cues name
    # the artefact and look for someone affected, a situation and an outcome, in the prompt and in
    # `scenario.need`. Either flags, the cues' reading only when the model leans that way too.
    framing = analysis.framing
    vague = analysis.vagueness.probabilities.get("vague", 0.0)
    by_cues = framing.solution is not None and not framing.need_first
    # the model alone speaks only against no situation going wrong or outcome wanted that the cues
    # quote, and only for what the ask model reads as a design prompt: a quiz filed as design ("How
    # do you implement service versioning?") is mislabeled-interview's business, not a vague design
    alone = (vague >= float(ctx.options.get("min-probability", 0.7)) and not (framing.situation or framing.outcome)
             and _reads_as_design(analysis))
    if not alone and not (by_cues and vague >= float(ctx.options.get("min-probability-with-cues", 0.2))):
        return
    if _need_in_scenario(question, framing):
        return  # the need is written down beside the prompt
    if framing.solution:
        named = framing.solution.quote(70)
    else:
        named = f'"{analysis.requests[0].strip()[:70]}"' if analysis.requests else "only a title"
    yield Problem(
        f"the prompt names what to build ({named}) but no one affected, nothing going wrong and no outcome "
        f"wanted (the vague model reads it so at {vague:.0%}), so there is nothing for a candidate to ask about; "
        "start from the need: who is hurt or held back, and what must change for them (say it in the prompt "
        "or `scenario.need`)",
        ("prompt",),
    )


def _reads_as_design(analysis) -> bool:
    asks = analysis.reading.probabilities
    return asks.get("design", 0.0) >= asks.get("recall", 0.0)


def _need_in_scenario(question, framing) -> bool:
    """Someone affected, a situation or an outcome that the cues found in `scenario.need`."""
    scenario = question.scenario
    if not (scenario and scenario.need):
        return False
    said = set(sentences(scenario.need))  # the framing reads the need's sentences as these
    return any(e is not None and e.sentence in said for e in (framing.person, framing.situation, framing.outcome))
