"""An ML system design whose ML part a recital of the generic recipe would pass.

## What it flags
An active `ml-system-design` question whose ML content, across its prompt,
scenario, signal and rubric, is only recipe vocabulary that fits any
problem ("train a neural network", "handle class imbalance", "tune the
hyperparameters", "monitor precision and recall", "use embeddings", "A/B
test it"), at least `min-generic` distinct such words, and nothing that
belongs to this problem alone:

- **what the label is** ("a transfer the customer later reports as a scam",
  "chargebacks", "what counts as a bad listing");
- **when it arrives** ("confirmed about six weeks later");
- **what each error costs, or where the threshold sits** ("a false alarm
  holds a pensioner's rent payment", "reviewers can check 300 a day");
- **what data exists** ("three years of transfers", "40,000 labelled
  tickets");
- **the decision the model drives** ("decide whether to hold the payment").

Any one of these is enough, and so is a design about what this model costs
to run or train ("GPU bills are climbing as contexts grow", "throughput per
GPU", "a KV cache", "quantise to int8"): serving or training the model is
then the ML problem itself. A single model word inside a need told in
its own terms ("automated classifiers lack nuance, and harmful trends change
weekly") is not a recital either, and a question that asks for no design
(a quiz filed as ML design) is `mislabeled-interview`'s, as is a hands-on
lab that announces its walkthrough ("In this challenge, you will run the
following notebooks"): it hands the design over. So is a question the
design round's trained model takes off that round's promise (above 70%,
the line at which `mislabeled-interview` reads the same model: a lab's
steps to retrain and redeploy): whether its ML part is a recital matters
only once it asks for a design. A question with no ML words at all is not
this rule's business (a bare prompt is `vague-scenario`'s, a systems round
filed as ML design is `mislabeled-interview`'s), and a design prompt that
shows serving code to review is its own material. The cues are in the
`question_cues` catalogue.

## Why it matters
If "take the dataset, train a neural network with a cross-entropy loss,
tune the hyperparameters, watch false positives, mind the class imbalance"
earns a pass, the round cannot tell a practitioner from someone who has
memorised the vocabulary, and the time it spends on the recital is time
not spent on the design. Problem-specific detail, such as a label that
arrives weeks late or an error that costs a customer their rent, is what
makes ML judgement visible.

## Fails
```yaml
questions:
  - id: churn-recipe
    type: ml-system-design
    prompt: >-
      Design a churn prediction system for our subscription app. Train a
      gradient boosting model, handle class imbalance, tune hyperparameters
      and monitor precision and recall.
```

## Passes
```yaml
questions:
  - id: churn-decision
    type: ml-system-design
    prompt: >-
      Subscribers of our meal-kit app cancel without warning. We have three
      years of orders and cancellations; a cancellation is only final 30 days
      after the request. Decide whether to offer a discount, and to whom,
      without giving it away to people who would have stayed.
```

## Options
- `min-generic` (default 2): how many distinct recipe words or model names
  make the ML part a recital (at least one must be a practice or metric:
  model names alone prescribe a method); one is enough when the prompt or
  scenario poses a systems design (load, latency, sharding, replicas), the
  seed's "system design in ML clothing".
"""

from __future__ import annotations

from looptool.lint.analysis import ML_SPECIFIC, analyse, unread
from looptool.lint.rules import Problem
from looptool.lint.rules._cues import announced_lab, first, group, shows_code

CODE, NAME, LEVEL, SCOPE = "LT116", "ml-clothing", "warning", "question"
OPTIONS = {"min-generic": 2}
OPTION_RANGES = {"min-generic": (1, 20)}


def _systems(ctx):
    return group(ctx, "type_indicators", "indicator", "design-system")


def _model_cost(ctx):
    """What running or training this model costs (GPU bills, context length, KV cache, quantisation)."""
    return group(ctx, "type_indicators", "indicator", "ml-infra")


def _posed(question) -> str:
    scenario = question.scenario
    extra = [scenario.need, *scenario.constraints, *scenario.hooks] if scenario else []
    return "\n".join(p for p in (question.prompt, *extra) if p)


def check(question, ctx):
    if question.type != "ml-system-design" or not question.active:
        return
    if unread(question):  # another language: unread-language reports it, the English cues cannot judge it
        return
    if shows_code(ctx, question.prompt):
        return
    analysis = analyse(question)
    if analysis.ml_specific:  # something only this problem has: read before the recipe words, and shared
        return
    ml = analysis.ml
    if not ml.generic:
        return
    # the recipe (a practice or metric among at least min-generic words) is a recital; on top of a
    # systems design, one ML word or model name is ("... and where the neural network runs"); model
    # names alone, with no systems design, prescribe a method rather than recite one
    recital = ml.recipe and len(ml.generic) >= int(ctx.options.get("min-generic", 2))
    if not recital and not first(_systems(ctx), _posed(question)):
        return
    if not recital and analysis.framing.need_first:
        return  # a model word inside a need told in its own terms ("automated classifiers lack nuance")
    if analysis.kinds() and not analysis.asks_for("design", "solve"):
        return  # asks for no design at all (a quiz): mislabeled-interview's business
    if announced_lab(ctx, analysis.requests):
        return  # a hands-on lab ("In this challenge, you will run ..."): no design to recite, and its round is
        # mislabeled-interview's business
    if analysis.off_round():
        return  # the design round's model takes it off that round (a lab's steps): mislabeled-interview's finding,
        # whatever its ML words
    if first(_model_cost(ctx), _posed(question)):
        return  # the design is about the model's own cost to run or train: ML systems work, not a recital
    words = ", ".join(f'"{w}"' for w in ml.generic[:4])
    wanted = "; ".join(ML_SPECIFIC.values())
    yield Problem(
        f"the ML part is only recipe words that fit any problem ({words}), so reciting the recipe would "
        f"pass it; add what only this problem has: {wanted}", ("prompt",))
