"""A design scenario lists no sources for the details it was built from.

## What it flags
A `system-design` or `ml-system-design` question that has a `scenario` but
no `references`. Any source counts: an industry report, a paper, an
incident write-up, an engineering blog post, a regulation, an internal
post-mortem. A reference that is only a placeholder ("TBD", "n/a", "to be
added", "common knowledge") or a to-do note ("TODO: ask the claims team")
is not a source, so a list of nothing else is reported too. Questions
without a scenario are left to `vague-scenario` (LT111); retired and leaked
questions are not checked. The words are the `placeholder` and `marker`
entries of the `signal_filler` catalogue.

## Why it matters
A crafted scenario earns its place through details that are true of the
real problem: how scams actually unfold, how often a GPU silently corrupts
a training run, what a regulator allows. Those details come from somewhere,
and the author should have looked: a report or post-mortem shows which
peculiarities a strong candidate should discover, keeps the numbers
plausible, and lets the next maintainer check the scenario when the world
changes. A scenario written from imagination alone tends to reward the
interviewer's private assumptions instead.

## Fails
```yaml
questions:
  - id: scam-losses
    type: ml-system-design
    scenario:
      need: Customers lose savings to payment scams.
    # no references
```

## Passes
```yaml
questions:
  - id: scam-losses
    type: ml-system-design
    scenario:
      need: Customers lose savings to payment scams.
    references:
      - UK Finance Annual Fraud Report
      - "Authorised push payment fraud: the regulator's reimbursement rules"
```

## Options
None.
"""

from looptool.lint.rules import Problem
from looptool.lint.rules._cues import group, is_placeholder

CODE, NAME, LEVEL, SCOPE = "LT114", "missing-references", "info", "question"


def check(question, ctx):
    if not (question.is_design and question.active and question.scenario is not None):
        return
    marker = group(ctx, "signal_filler", "kind", "marker")
    if any(not _is_placeholder(ref, ctx, marker) for ref in question.references):
        return
    listed = question.origin is not None and question.origin.has(("references",))
    what = "lists only placeholders as sources" if question.references else "cites no sources"
    yield Problem(
        f"the scenario {what}; list in `references` the reports, papers, incident "
        "write-ups or posts its details come from, so its numbers and quirks can be checked",
        ("references",) if listed else ("scenario",), on_key=True,
    )


def _is_placeholder(reference, ctx, marker) -> bool:
    """Empty, a placeholder word ("TBD"), or a to-do note ("TODO: ask the claims team")."""
    return is_placeholder(reference, ctx) or (marker is not None and marker.match(str(reference).strip()) is not None)
