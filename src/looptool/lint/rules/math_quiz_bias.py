"""A loop leans on math quizzes, or pins a quiz that is all one kind of item.

## What it flags
* More math-quiz interviews than `max-quiz-interviews` (a slot that may be
  filled by a quiz, such as `[coding/math, math-quiz]`, counts), on the
  slot that goes over;
* math-quiz interviews making up more than `max-quiz-share` of the loop's
  interviews, on the first of them;
* a pinned math quiz (`question:` on a slot) whose prompt holds fewer than
  `min-item-kinds` of the three kinds of item: theory (derive, prove, show
  that), calculation (compute, estimate, how many) and explanation
  (explain, why, in your own words). The cues are in the `math_quiz_mix`
  catalogue.

## Why it matters
Rapid-fire math quizzes work well for candidates raised on olympiads or
exam-style tripos questions and poorly for almost everyone else: many able
engineers fail them for reasons of format, not ability, so every quiz in a
loop adds false negatives. If a loop uses one, a mix of item kinds at
several levels of sophistication (no degree needed, undergraduate,
graduate) gives each candidate several ways to show what they can do.

## Fails
```yaml
slots:
  - {type: math-quiz, minutes: 30, question: gradient-drill}   # five "compute ..." items
  - {type: math-quiz, minutes: 30}
  - {type: coding, minutes: 45}
```

## Passes
```yaml
slots:
  - {type: coding, count: 2, minutes: 45}
  - {type: [coding/math, math-quiz], minutes: 45}   # theory, calculation and explanation items
  - {type: data-modeling, minutes: 60}
  - {type: project-deep-dive, minutes: 45}
```

## Options
- `max-quiz-interviews` (default `1`): most math-quiz interviews a loop may hold.
- `max-quiz-share` (default `0.25`): largest share of a loop's interviews that may be math quizzes.
- `min-item-kinds` (default `2`): fewest kinds of item (of theory, calculation, explanation) a pinned quiz must mix.
"""

from looptool.lint.rules import Problem
from looptool.lint.rules._text import has_phrase, inflections, words

CODE, NAME, LEVEL, SCOPE = "LT206", "math-quiz-bias", "info", "loop"
OPTIONS = {"max-quiz-interviews": 1, "max-quiz-share": 0.25, "min-item-kinds": 2}
OPTION_RANGES = {"max-quiz-interviews": (0, 50), "max-quiz-share": (0.0, 1.0), "min-item-kinds": (1, 3)}
_WHY = "math quizzes fail many able candidates who were not drilled on them"


def check(loop, ctx):
    quizzes = [slot for slot in loop.slots if "math-quiz" in slot.types]
    n, cap, share = sum(s.count for s in loop.slots), ctx.options["max-quiz-interviews"], ctx.options["max-quiz-share"]
    count = 0
    for slot in quizzes:
        count += slot.count
        if count > cap:
            yield Problem(f"{count} interviews here may be math quizzes, more than {cap}; {_WHY}: "
                          "make the others coding or data modelling", ("slots", slot.index, "type"))
            break
    if count <= cap and quizzes and count / n > share:
        yield Problem(f"math quizzes are {count} of {n} interviews, more than {share:.0%} of the loop; "
                      f"{_WHY}: add other interviews or swap the quiz for math-flavoured coding",
                      ("slots", quizzes[0].index, "type"))
    yield from _unmixed(loop, ctx)


def _unmixed(loop, ctx):
    cues = {}
    for entry in ctx.catalogue("math_quiz_mix"):
        cues.setdefault(entry["kind"], []).extend(entry["terms"])
    for slot in loop.slots:
        question = ctx.bank.question(slot.question) if slot.question else None
        if question is None or question.type != "math-quiz":
            continue
        vocabulary = set(words(question.prompt))
        found = [kind for kind, terms in cues.items() if any(_said(question.prompt, vocabulary, t) for t in terms)]
        if len(found) < ctx.options["min-item-kinds"]:
            have = " and ".join(found) or "no recognisable"
            yield Problem(f"pinned quiz `{question.id}` has {have} items only; {_WHY}: mix theory, "
                          "calculation and explanation items from no-degree to graduate level",
                          ("slots", slot.index, "question"))


def _said(text, vocabulary, term):
    if " " in term.strip():
        return has_phrase(text, term)
    return not vocabulary.isdisjoint(inflections(term))
