"""A design prompt gives the candidate nothing concrete to hold onto.

## What it flags
A `system-design` or `ml-system-design` question that reads like "Design a
<noun> system for <domain>" and little else. Three ingredients give a
design prompt grip, and each earns up to one point:

- **need**: who is affected and what goes wrong for them or what they need
  (`scenario.need` and the prompt; people named in `scenario.stakeholders`
  count as "who"). Half a point for only one of the two.
- **numbers**: quantities the design must respect (in `scenario.constraints`,
  the need or the prompt). One point for two or more numbers, half for a
  single number or for constraints listed without any numbers.
- **hooks**: questions a strong candidate would ask (`scenario.hooks`), as a
  fraction of `min-hooks`. Without a `scenario` block, the questions written
  into the prompt count, except the last one, which is usually the task. A
  hook that is only a clarifying question any design gets ("What is the
  expected scale?", "What data do we have?") does not count.

The question is flagged when it scores under 1.5 points, or when it has no
hooks and does not name both the people affected and something going wrong
for them ("users want recommendations" is a product, not a harm). So a short
scenario that names a real harm, gives a number or two and two hooks
passes; a prompt with a real harm and numbers but no scenario block passes;
an infrastructure question with rich numbers and three hooks but no user
story passes; a bare "Design a news feed for 10M users" does not. A
design prompt that shows code to review (a serving snippet in a filter
round) is not checked: the code itself is the concrete material. The
message names the missing ingredients. Retired and leaked questions are not
checked. The word lists are in the `scenario_cues` catalogue.

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
    # no scenario: no one affected, no numbers, no hooks
```

## Passes
```yaml
questions:
  - id: volunteer-help-bot
    type: ml-system-design
    prompt: >-
      Build a chat bot for our volunteer-run help channel that tags people
      who might be able to answer each question.
    scenario:
      need: Questions sit unanswered for days because askers do not know whom to ask.
      stakeholders: [askers, volunteers who answer, channel moderators]
      hooks:
        - Is every message a question that needs routing?
        - How annoyed are people when tagged on something they cannot answer?
        - Can anyone be tagged, or do we need opt-in?
```

## Options
- `min-hooks` (default 3): the number of hooks that earns the full point;
  fewer earn a proportional share.
"""

from __future__ import annotations

from dataclasses import dataclass

from looptool.lint.rules import Problem
from looptool.lint.rules._cues import first, group, leftover, quantities, sentences

CODE, NAME, LEVEL, SCOPE = "LT111", "vague-scenario", "warning", "question"
OPTIONS = {"min-hooks": 3}
OPTION_RANGES = {"min-hooks": (0, 20)}

_PASS_SCORE = 1.5


@dataclass
class _Grip:
    actor: str | None
    harm: str | None
    want: str | None
    numbers: int
    constraints: int
    hooks: int
    generic_hooks: int
    min_hooks: int

    @property
    def need(self) -> float:
        return (self.actor is not None) * 0.5 + (self.harm is not None or self.want is not None) * 0.5

    @property
    def quantified(self) -> float:
        if self.numbers >= 2:
            return 1.0
        return 0.5 if self.numbers or self.constraints else 0.0

    @property
    def asked(self) -> float:
        return min(self.hooks / max(self.min_hooks, 1), 1.0)

    @property
    def holds(self) -> bool:
        concrete = self.hooks > 0 or (self.actor is not None and self.harm is not None)
        return concrete and self.need + self.quantified + self.asked >= _PASS_SCORE


def check(question, ctx):
    if not (question.is_design and question.active) or first(_code_block(ctx), question.prompt):
        return
    grip = _grip(question, ctx)
    if grip.holds:
        return
    gaps = _gaps(grip)
    yield Problem(
        f"the {question.type} prompt gives the candidate little to hold onto "
        f"({'; '.join(gap for gap, _ in gaps)}): {'; '.join(fix for _, fix in gaps)}",
        _path(question, grip),
    )


def _grip(question, ctx) -> _Grip:
    scenario = question.scenario
    need_text = "\n".join([question.prompt, scenario.need if scenario else ""])
    actor = first(group(ctx, "scenario_cues", "cue", "actor"), need_text)
    if actor is None and scenario and scenario.stakeholders:
        actor = scenario.stakeholders[0]
    numeric_text = "\n".join([need_text, *(scenario.constraints if scenario else [])])
    numbers = quantities(numeric_text) + _number_words(numeric_text, ctx)
    hooks = _hooks(question)
    specific = [hook for hook in hooks if not _generic(hook, ctx)]
    return _Grip(
        actor=actor, harm=first(group(ctx, "scenario_cues", "cue", "harm"), need_text),
        want=first(group(ctx, "scenario_cues", "cue", "want"), need_text),
        numbers=numbers, constraints=len(scenario.constraints) if scenario else 0,
        hooks=len(specific), generic_hooks=len(hooks) - len(specific),
        min_hooks=int(ctx.options.get("min-hooks", 3)),
    )


def _code_block(ctx):
    return group(ctx, "type_indicators", "indicator", "code-block")


def _number_words(text, ctx) -> int:
    """Number words ("forty", "millions"), except a scale word after digits ("50 million")."""
    matcher = group(ctx, "scenario_cues", "cue", "quantity")
    found = matcher.finditer(text) if matcher else ()
    return sum(1 for m in found if not text[: m.start()].rstrip()[-1:].isdigit())


def _hooks(question) -> list[str]:
    """The scenario's hooks; without them, the prompt's questions except the last (the task)."""
    if question.scenario and question.scenario.hooks:
        return question.scenario.hooks
    return [s for s in sentences(question.prompt) if s.endswith("?")][:-1]


def _generic(hook, ctx) -> bool:
    """A hook made only of words any design's clarifying questions use ("What is the expected scale?")."""
    return not leftover(hook, group(ctx, "scenario_cues", "cue", "generic-hook"))


def _gaps(grip: _Grip) -> list[tuple[str, str]]:
    """What is missing, and what to add, for each weak ingredient."""
    out = []
    if grip.need < 1:
        out.append(_need_gap(grip))
    if grip.quantified < 1:
        gap = ("only one number" if grip.numbers else
               "constraints without numbers" if grip.constraints else "no numbers to size the design")
        out.append((gap, "add `scenario.constraints` with numbers (load, latency, data volume, budget)"))
    wanted = max(grip.min_hooks, 1)
    if grip.hooks < wanted:
        generic = f", not counting {grip.generic_hooks} that fit any design" if grip.generic_hooks else ""
        out.append((f"{grip.hooks} of {wanted} hooks{generic}",
                    "list in `scenario.hooks` the questions a strong candidate should ask"))
    return out


def _need_gap(grip: _Grip) -> tuple[str, str]:
    if grip.harm:
        return (f"says what goes wrong ({grip.harm}) but not for whom",
                "name the people affected in `scenario.need` or `scenario.stakeholders`")
    fix = "say in `scenario.need` who is hurt or held back, and how"
    if grip.actor:
        return f"names {grip.actor} but not what goes wrong for them or what they need", fix
    return "no one affected and nothing going wrong", fix


def _path(question, grip: _Grip) -> tuple:
    if question.scenario is None:
        return ("prompt",)
    if grip.need < 1:
        return ("scenario", "need")
    if grip.hooks < max(grip.min_hooks, 1):
        return ("scenario", "hooks")
    return ("scenario", "constraints")
