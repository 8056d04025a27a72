"""The candidate view never reveals a question, in any format, for any level and role.

Every text a chosen question holds (id, title, prompt, scenario, signal,
rubric, follow-ups, notes) is cut into normalised 5-word windows (shorter
fields whole) and looked for in everything the candidate view prints,
including each string of the JSON document and each unfolded calendar
property. The same check run on the panel view must find the questions, so a
leak could not slip past it.
"""

from __future__ import annotations

from dataclasses import replace

import json
import random
import re
from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar
from test_fuzz import cases

from looptool.bank.load import Bank
from looptool.bank.model import LEVELS, Band, Question, Scenario
from looptool.plan import agenda
from looptool.commands.plan import blocking_findings, plan_loop
from looptool.plan.views import FORMATS, render_plan
from looptool.plan.views.document import kinds

from handplans import DAY, bundled, hand_plan

WINDOW = 5


def normalise(text: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.lower()).split())


def fields(question: Question) -> list[str]:
    texts = [question.title, question.prompt, question.signal, question.notes or "", *question.follow_ups]
    if question.scenario:
        s = question.scenario
        texts += [s.need, *s.constraints, *s.hooks, *s.tradeoffs]
    for band in question.rubric or []:
        texts += [band.label, *band.evidence]
    return texts


def phrases(question: Question) -> set[str]:
    """What would give the question away: every 5-word window, shorter texts whole, the id."""
    out = {normalise(question.id), normalise(question.title)}
    for text in fields(question):
        words = normalise(text).split()
        if len(words) >= WINDOW:
            out.update(" ".join(words[i:i + WINDOW]) for i in range(len(words) - WINDOW + 1))
        elif len(words) >= 2:
            out.add(" ".join(words))
    return out


def _strings(node):
    if isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)
    elif node is not None:
        yield str(node)


def seen_words(plan, view: str) -> list[list[str]]:
    """Everything ``view`` shows in every format, as runs of normalised words."""
    parts = []
    for fmt in FORMATS:
        # text so wide that nothing wraps: table cells stay whole (wrapping only splits, never adds)
        out = render_plan(plan, view, fmt, width=5000)
        parts.append(out)
        if fmt == "json":
            parts += list(_strings(json.loads(out)))
        if fmt == "ics":
            for component in Calendar.from_ical(out).walk():
                parts += [str(value) for value in component.values()]
    return [normalise(p).split() for p in parts]


def leaks(plan, view: str = "candidate") -> list[tuple[str, str]]:
    runs = seen_words(plan, view)
    grams = {n: {" ".join(run[i:i + n]) for run in runs for i in range(len(run) - n + 1)}
             for n in range(1, WINDOW + 1)}
    whole = " " + " | ".join(" ".join(run) for run in runs) + " "

    def shown(phrase: str) -> bool:
        n = phrase.count(" ") + 1
        return phrase in grams[n] if n <= WINDOW else f" {phrase} " in whole

    return [(i.question.id, phrase) for i in plan.interviews for phrase in sorted(phrases(i.question))
            if shown(phrase)]


@cache
def _bundled_findings() -> tuple:
    return tuple(blocking_findings(bundled(), (), today=DAY))


def _plans(bank, level, role):
    """The planner's loops for three seeds, and three hand-picked ones that reach other questions."""
    findings = list(_bundled_findings()) if bank is bundled() else []
    for seed in range(3):
        plan = plan_loop(bank, level, role, seed=seed, pool=bank.interviewers, lint_findings=findings)
        yield agenda.schedule(plan, day=DAY)
    for skip in range(3):
        yield agenda.schedule(hand_plan(level, role, bank=bank, skip=skip), day=DAY)


ROLES = [None] + [role.id for role in bundled().roles]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("level", LEVELS)
def test_no_question_text_in_the_candidate_view(level, role):
    for plan in _plans(bundled(), level, role):
        assert len(plan.interviews) == len(plan.template.expanded_slots())
        assert leaks(plan) == []


@pytest.mark.parametrize("level", LEVELS)
def test_the_check_finds_questions_where_they_are_shown(level):
    plan = agenda.schedule(hand_plan(level, "mlops"), day=DAY)
    found = {qid for qid, _ in leaks(plan, "panel")}
    assert found == set(plan.question_ids)
    kits = leaks(plan, "interviewer")
    for interview in plan.interviews:  # every field of every kit is found
        assert {p for q, p in kits if q == interview.question.id} == phrases(interview.question)


def test_the_check_would_catch_a_single_leaked_hook(monkeypatch):
    plan = agenda.schedule(hand_plan("staff", "mlops"), day=DAY)
    design = next(i.question for i in plan.interviews if i.question.scenario and i.question.scenario.hooks)
    hook = design.scenario.hooks[-1]
    from looptool.plan.views import document

    real = document.kind_parts

    def leaky(kind):
        parts = real(kind)
        return [*parts[:-1], document.Part(parts[-1].label, items=(*parts[-1].items, hook))]

    monkeypatch.setattr(document, "kind_parts", leaky)
    found = leaks(plan)
    assert found and {qid for qid, _ in found} == {design.id}


def test_candidate_descriptions_share_no_phrase_with_any_bundled_question():
    described = [" " + normalise(" ".join([k["name"], k["summary"], *k["expect"], *k["helps"]])) + " "
                 for k in kinds().values()]
    clashes = [(q.id, p) for q in bundled().questions for p in phrases(q) if any(f" {p} " in d for d in described)]
    assert clashes == []


# -- a bank of distinctive generated text -------------------------------------------------------

SYLLABLES = ["zor", "bek", "quil", "vash", "mon", "trel", "pix", "gand", "ulo", "fyr", "nesh", "kad"]
KINDS = [("coding", None, "filter"), ("coding", "compiler", "probe"), ("coding", "math", "filter"),
         ("math-quiz", None, "filter"),
         ("data-modeling", None, "probe"), ("system-design", None, "probe"), ("ml-system-design", None, "probe"),
         ("project-deep-dive", None, "probe"), ("career-chat", None, "probe"), ("behavioral", None, "probe")]


@cache
def generated_bank() -> Bank:
    """Questions of every type for every level whose every field is made-up, unmistakable words."""
    rng = random.Random(5)
    base = bundled()

    def words(n: int) -> str:
        return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))) for _ in range(n))

    skills = sorted({s for role in base.roles for s in role.in_scope})
    questions = []
    for qtype, flavor, stage in KINDS:
        for level in LEVELS:
            for n in range(3):
                questions.append(Question(
                    id=f"gen-{qtype}-{flavor or 'plain'}-{level}-{n}", title=words(4).capitalize(), type=qtype,
                    levels=[level], skills=rng.sample(skills, 3), stage=stage, duration_minutes=45,
                    prompt=words(40), signal=words(15), flavor=flavor,
                    scenario=Scenario(need=words(12), stakeholders=[words(2), words(2)],
                                      constraints=[words(8), words(9)], hooks=[words(10), words(3)],
                                      tradeoffs=[words(7)]),
                    rubric=[Band(0, 1, [words(9)], words(2)), Band(2, 3, [words(9), words(6)], words(2)),
                            Band(4, 5, [words(11)], words(3))],
                    follow_ups=[words(9), words(4)], notes=words(30)))
    return Bank(questions=questions, skills=base.skills, interviewers=base.interviewers, **unconstrained(base))


def unconstrained(base: Bank) -> dict:
    """The bundled roles and templates without must-cover skills: made-up questions test skills
    at random, and what a candidate may see does not depend on which skills a loop had to test."""
    return {"roles": [replace(role, must_cover=[]) for role in base.roles],
            "loops": [replace(loop, must_cover=[]) for loop in base.loops]}


@pytest.mark.parametrize("role", ROLES)
def test_no_generated_text_in_the_candidate_view(role):
    bank = generated_bank()
    for level in LEVELS:
        plans = list(_plans(bank, level, role))
        for plan in plans:
            assert len(plan.interviews) == len(plan.template.expanded_slots())
            assert leaks(plan) == []
        assert {qid for qid, _ in leaks(plans[0], "panel")} == set(plans[0].question_ids)


# -- banks drawn by hypothesis ------------------------------------------------------------------

made_up_word = st.lists(st.sampled_from(SYLLABLES), min_size=2, max_size=3).map("".join)
odd_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=6)  # controls, marks, emoji, ...


@st.composite
def drawn_case(draw):
    """A level, a role and a bank of questions that fit them, whose every text mixes drawn made-up
    words and odd characters (a drawn vocabulary, composed by a drawn random generator: small data
    for hypothesis, a large bank for the check)."""
    base = bundled()
    level, role = draw(st.sampled_from(LEVELS)), draw(st.sampled_from(ROLES))
    skills = sorted(base.role(role).in_scope) if role else sorted(base.skill_ids)
    vocabulary = draw(st.lists(made_up_word, min_size=8, max_size=30, unique=True))
    oddities = draw(st.lists(odd_text, min_size=1, max_size=8))
    rng = draw(st.randoms(use_true_random=True))

    def text() -> str:
        words = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, 14)))
        return f"{rng.choice(oddities)} {words} {rng.choice(oddities)}"

    def texts() -> list[str]:
        return [text() for _ in range(rng.randint(1, 3))]

    questions = []
    for qtype, flavor, stage in KINDS:
        for _ in range(rng.randint(2, 3)):
            number = len(questions)
            questions.append(Question(
                id=f"{rng.choice(vocabulary)}-{number}", title=text(), type=qtype, flavor=flavor, levels=[level],
                skills=rng.sample(skills, min(len(skills), rng.randint(1, 3))), stage=stage, duration_minutes=45,
                prompt=text(), signal=f"{text()} {number}",
                scenario=Scenario(need=text(), stakeholders=texts(), constraints=texts(), hooks=texts(),
                                  tradeoffs=texts()),
                rubric=[Band(low, high, texts(), text()) for low, high in ((0, 1), (2, 3), (4, 5))],
                follow_ups=texts(), notes=text()))
    bank = Bank(questions=questions, skills=base.skills, interviewers=base.interviewers, **unconstrained(base))
    return bank, level, role, draw(st.integers(0, 9))


@pytest.mark.fuzz
@cases("leak")
@given(case=drawn_case())
def test_no_drawn_text_in_the_candidate_view(case):
    bank, level, role, seed = case
    plan = agenda.schedule(plan_loop(bank, level, role, seed=seed, pool=bank.interviewers, lint_findings=[]), day=DAY)
    assert leaks(plan) == []
    assert {qid for qid, _ in leaks(plan, "panel")} == set(plan.question_ids)
