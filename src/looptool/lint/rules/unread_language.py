"""A question's prompt is written in a language the content rules cannot read.

## What it flags
An active question whose prompt reads as a language other than English: the
common function words of another language (German "und", "nicht", "werden";
French "les", "pour", "dans" ...) number at least five and at least twice
the English ones, counted over its prose (code blocks and indented code are
left out). The word lists are the `words-<language>` entries of the
`question_cues` catalogue; a word that is also English ("in", "an", "die",
"will") is not counted for the other language.

Every cue and trained model behind the content rules reads English. So
such a question is not judged by them (`stale-problem`,
`rederive-from-scratch`, `low-signal-ml-coding`, `vague-scenario`,
`mislabeled-interview`, `ml-clothing`, `unevidenced-skill`), and this note
says so instead of letting it pass in silence. A few foreign words in an
English prompt (a quoted name, "the Zeitgeist of the team") are not enough.

## Why it matters
A clean lint run reads as "checked and fine". For a question in another
language it would mean "not read": its staleness, whether its scenario
names a need and whether it fits its round were never looked at. Someone
has to review it by hand, or the bank needs an English version that the
rules can check.

## Fails
```yaml
questions:
  - id: circuit-breaker
    type: system-design
    prompt: >-
      Erläutern Sie, wie ein Circuit Breaker funktioniert und wann er in
      einem verteilten System eingesetzt werden sollte. Welche Zustände
      gibt es, und was passiert bei einem Fehler?
```

## Passes
```yaml
questions:
  - id: circuit-breaker
    type: system-design
    prompt: >-
      Our checkout calls a payment provider that sometimes hangs for a
      minute, and then every checkout thread waits on it. Design how the
      checkout keeps working while the provider is down.
```

## Options
None.
"""

from __future__ import annotations

from looptool.lint.analysis import analyse
from looptool.lint.rules import Problem

CODE, NAME, LEVEL, SCOPE = "LT117", "unread-language", "info", "question"

# names for the messages; a language added to the catalogue without one is named by its code
_NAMES = {"de": "German", "fr": "French", "es": "Spanish", "pt": "Portuguese", "it": "Italian", "nl": "Dutch"}


def check(question, ctx):
    if not question.active:
        return
    found = analyse(question).language
    if found is None:
        return
    name = _NAMES.get(found.code, f"`{found.code}`")
    yield Problem(f"the prompt reads as {name} ({found.words} of its words are common {name} words, "
                  f"{found.english} English ones); the content rules read English only, so they did not judge "
                  "this question (staleness, its scenario, the round it fits): review it by hand, or add an "
                  "English version", ("prompt",))
