"""A question has not been reviewed lately, or is built on an approach the field has left behind.

## What it flags
Two kinds of staleness in active and leaked questions (`status: retired`
questions are never used, so they are skipped):

- **Review age.** `last_reviewed` is more than `max-age-months` before
  today, lies after today (a typo that would keep the question from ever
  coming due), or the question has no `last_reviewed` at all.
- **Superseded topic.** The question's framing (title, prompt, scenario,
  signal and the evidence of its passing rubric bands) centres on a topic
  from the dated catalogue `stale_topics`, such as a fixed chunk-and-embed
  retrieval pipeline, or text classification by training a classifier on
  embeddings or TF-IDF features, or code built on an API its tool has
  removed (TensorFlow 1 sessions, TensorFlow's Estimators and the wrappers
  of its TF1 layers, pandas' `DataFrame.append`, NumPy's
  `np.float`, Python 2, Python's `distutils`, React's `componentWillMount`,
  Kubernetes' PodSecurityPolicy, Android's `AsyncTask`, Kafka on
  ZooKeeper), hand-written Hadoop MapReduce jobs, or a
  tool nobody develops any more (Theano, Caffe, MXNet, torchtext, nose,
  Bower, Flash). An entry counts only from its `since` date.
  A question that frames the topic around the modern approach (an agent
  that calls retrieval as a tool, a prompted-LLM baseline, an explicit
  comparison of approaches, or a constraint that rules the modern approach
  out) passes: "this pipeline versus the alternatives" is a comparison,
  "number of intents versus accuracy" is not,
  and so does one that names the old approach as the past system to
  rebuild today, or asks to port old code to the current API. Whatever its type, a question counts only when it sets
  the candidate a task (design, implement, solve, work on data) that the
  old approach would answer ("implement eye detection with Haar
  cascades", "how would you use bag of words for text classification"; a
  coding round that hands over code to complete sets one too, so a
  TensorFlow 1 scaffold built on sessions and placeholders is stale);
  a question that only asks what the old method is, or how it compares,
  asks for knowledge and passes. A retired tool or API is different
  (the catalogue marks such entries `retired_tool`): knowing it is itself
  the dated skill, so a sentence that asks what it is or how it behaves
  ("How does an IntentService differ from a plain Service?") makes the
  question stale too, while one about why it was retired, how to move off
  it or how it compares with its successor ("What was AsyncTask, and why
  did Android deprecate it?", "What is the advantage of a ViewModel over a
  CursorLoader?") passes, and so does a question that only names it in the
  material around what it asks.
  A topic the catalogue scopes to design rounds (the fixed RAG pipeline as
  a design's centre) is judged only in a question that asks for a design: a
  design-typed lab whose steps the design round's trained model takes off
  that round's promise (above 70%, the line at which `mislabeled-interview`
  reads the same model: "upload the PDFs, run the ingestion notebook ...")
  has no design centre to judge; its round is `mislabeled-interview`'s
  business.

The finding quotes the sentence in which the topic was found.

## Why it matters
ML practice moves quickly, and interview questions age with it. When a
question expects yesterday's answer, a candidate who knows current practice
proposes something the interviewer is not ready to discuss; the interview
stalls, the strong candidate scores worse than one who recites the old
recipe, and the candidate learns that the team is not keeping up. A dated
review is the cheap defence: someone has to look at each question regularly
and ask whether a good answer has changed.

## Fails
```yaml
questions:
  - id: manual-lookup-bot
    type: ml-system-design
    prompt: >-
      Design a RAG chatbot over our 20,000 pages of equipment manuals.
      Pick a chunk size, an embedding model and a vector database.
    last_reviewed: 2025-02-10    # more than 12 months before today
```

## Passes
```yaml
questions:
  - id: manual-lookup-agent
    type: ml-system-design
    prompt: >-
      Field technicians cannot find answers in 20,000 pages of manuals.
      Design an assistant; the agent decides when to call a search tool
      over the manuals, the parts database or past repair tickets.
    last_reviewed: 2026-09-01
```

## Options
- `max-age-months` (default `12`): how many months may pass after
  `last_reviewed` before the question is due for review.
- `require-review-date` (default `false`): also flag questions that have
  no `last_reviewed` at all. Off by default: a missing date says nothing
  about whether the question is current, and a bank adopting looptool
  should not see every question flagged at once. Turn it on once the bank
  records review dates.
"""

from __future__ import annotations

import calendar
import datetime as dt

from looptool.bank.model import DESIGN_TYPES
from looptool.lint.analysis import PROMISES, analyse, unread
from looptool.lint.rules import Problem
from looptool.lint.rules._cues import shows_code
from looptool.lint.rules._content import (
    applies_to,
    as_date,
    compile_all,
    entry_matches,
    entry_quote,
    framing_text,
    interviewer_text,
)

CODE, NAME, LEVEL, SCOPE = "LT101", "stale-problem", "warning", "question"
OPTIONS = {"max-age-months": 12, "require-review-date": False}
OPTION_RANGES = {"max-age-months": (1, 1200)}


def check(question, ctx):
    if question.status == "retired":
        return
    problem = _review_problem(question, ctx)
    if problem:
        yield problem
    if unread(question):  # another language: unread-language reports it, the English cues cannot judge it
        return
    # configured entries are checked before a question can be passed over (bundled ones by the tests)
    ctx.derived("stale_topics configured", lambda: compile_all(
        p for entry in ctx.extra_catalogues.get("stale_topics", ()) for key in ("all", "any", "unless")
        for p in entry.get(key) or ()))
    # an approach counts only in a question that sets a task; a retired tool or API counts in one that
    # only asks about it too. Asked once, before any entry (the analysis it reads is shared with other
    # rules, and about a third of questions set none)
    task = _sets_a_task(question, ctx)
    # in a question that only asks about something, the retired tool must be what a sentence asks
    # about ("What does a retained fragment keep across a rotation?"), not a name in the material
    # around the question (framing_text is memoised: the exemption text below reads it again for free)
    framing = framing_text(question) if task else "\n".join(e.sentence for e in analyse(question).asked("recall"))
    if not framing:
        return
    exempt = None
    for entry in ctx.catalogue("stale_topics"):
        if not (task or entry.get("retired_tool")):
            continue
        since = as_date(entry.get("since"))
        if since and ctx.today >= since and applies_to(entry, question) and _judges(entry, question):
            exempt = exempt or f"{framing_text(question)}. {interviewer_text(question)}"
            if entry_matches(entry, framing, exempt):
                yield Problem(_topic_message(entry, since, entry_quote(entry, framing)), ("prompt",))


def _sets_a_task(question, ctx) -> bool:
    """A design round, a request to build, implement, solve or work on data, or a coding round that
    hands over code to work on. "What is a Haar cascade?" asks for knowledge, not for the old
    approach as the answer to a task."""
    if question.is_design or (question.type == "coding" and shows_code(ctx, question.prompt)):
        return True
    # the kinds the type promises first: mislabeled-interview reads those anyway, and they are the
    # likeliest to be asked, so the others are rarely read
    promised = PROMISES.get(question.type, ())
    return analyse(question).asks_for(*sorted(_TASKS, key=lambda kind: kind not in promised))


_TASKS = ("design", "implement", "solve", "analyse-data")


def _judges(entry, question) -> bool:
    """An entry scoped to design rounds judges the design a question asks for (a fixed RAG pipeline as
    the design's centre): a design-typed question the round's trained model takes off that round (a
    lab's steps to follow, mislabeled-interview's finding) leaves it nothing to judge. Entries about
    what the work is built on (a removed API) judge labs too."""
    types = set(entry.get("types") or ())
    if not types or not types <= DESIGN_TYPES:
        return True
    return not analyse(question).off_round()


def _review_problem(question, ctx) -> Problem | None:
    reviewed = question.last_reviewed
    if reviewed is None:
        if not ctx.options["require-review-date"]:
            return None
        return Problem("no review date; check the question against current practice and add "
                       "`last_reviewed: YYYY-MM-DD`", ("last_reviewed",))
    if reviewed > ctx.today:
        return Problem(f"last reviewed {reviewed.isoformat()}, which is after today ({ctx.today.isoformat()}); "
                       "write the date the question was reviewed", ("last_reviewed",))
    limit = int(ctx.options["max-age-months"])
    if reviewed >= _months_before(ctx.today, limit):
        return None
    age = _months_between(reviewed, ctx.today)
    ago = f"just over {limit} months ago" if age <= limit else f"{age} months ago"
    return Problem(f"last reviewed {reviewed.isoformat()}, {ago} (limit {limit}); check that a "
                   "strong answer has not changed since, then update `last_reviewed`", ("last_reviewed",))


def _topic_message(entry, since, quote: str) -> str:
    why = f": {entry['why']}" if entry.get("why") else ""
    return (f"built around {entry.get('topic', entry.get('id'))}{quote}, which has been superseded by "
            f"{entry.get('superseded_by', 'newer practice')} since {since.year}{why}; reframe the question "
            "around the current approach, or name both and say in the rubric which one earns credit")


def _months_before(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.year * 12 + day.month - 1 - int(months), 12)
    if year < dt.MINYEAR:  # a limit longer than the calendar: nothing is that old
        return dt.date.min
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def _months_between(start: dt.date, end: dt.date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)
