"""The bundled bank meets the counts and coverage the product promises."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from looptool.lint.linter import read_bank
from looptool.bank.resources import bundled_bank
from looptool.plan.selection import candidates

from conftest import TODAY

BANK, FINDINGS = read_bank([bundled_bank()])
QUESTIONS = BANK.questions
ROLES = ["ml-performance-engineer", "ml-training-infra", "inference-serving", "ml-platform", "mlops",
         "applied-ml-scientist", "backend-engineer"]


def test_loads_without_findings():
    assert FINDINGS == []
    assert BANK.fallback == ()


@pytest.mark.parametrize("kinds,minimum", [
    ({"coding"}, 16), ({"math-quiz"}, 1), ({"data-modeling"}, 12), ({"system-design"}, 10),
    ({"ml-system-design"}, 10), ({"project-deep-dive"}, 6), ({"career-chat"}, 4), ({"behavioral"}, 8),
])
def test_counts_per_type(kinds, minimum):
    plain = [q for q in QUESTIONS if q.type in kinds and not (q.type == "coding" and q.flavor == "math")]
    assert len(plain) >= minimum


def test_math_flavoured_coding_and_quizzes():
    math = [q for q in QUESTIONS if q.kind == "coding/math" or q.type == "math-quiz"]
    assert len(math) >= 8
    assert {q.type for q in math} == {"coding", "math-quiz"}
    assert len({lv for q in math for lv in q.levels}) >= 3  # several levels of sophistication


def test_at_least_80_complete_questions():
    assert len(QUESTIONS) >= 80
    for q in QUESTIONS:
        assert q.rubric and q.signal and q.prompt and q.skills and q.levels, q.id
        assert q.last_reviewed is not None, q.id
        if q.is_design:
            assert q.scenario and len(q.scenario.hooks) >= 3 and q.references, q.id


def test_every_question_reviewed_within_six_months():
    today = dt.date.fromisoformat(TODAY)
    for q in QUESTIONS:
        assert (today - q.last_reviewed).days <= 183, q.id


def test_levels_and_coding_range():
    levels = Counter(lv for q in QUESTIONS for lv in q.levels)
    assert all(levels[lv] >= 15 for lv in ("intern", "junior", "senior", "staff"))
    coding_levels = {lv for q in QUESTIONS if q.type == "coding" for lv in q.levels}
    assert coding_levels == {"intern", "junior", "senior", "staff"}
    assert any(q.stage == "filter" for q in QUESTIONS if q.type == "ml-system-design")
    assert any(q.method_provided for q in QUESTIONS if q.type == "ml-system-design")


def test_roles_templates_and_pool():
    assert sorted(r.id for r in BANK.roles) == sorted(ROLES)
    for role in BANK.roles:
        assert role.in_scope and role.out_of_scope, role.id
    general = [loop for loop in BANK.loops if not loop.roles]
    assert sorted(loop.level for loop in general) == ["intern", "junior", "senior", "staff"]
    for loop in BANK.loops:
        assert not loop.roles or loop.rationale, loop.id  # a role's own template says why
        assert {BANK.role(r).id for r in loop.roles} == set(loop.roles)
    assert len(BANK.interviewers) >= 10


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("level", ["intern", "junior", "senior", "staff"])
def test_every_slot_has_enough_distinct_candidates(level, role):
    """A quick, planner-independent check: each slot kind has as many fitting
    questions as the template asks for (the planner tests prove the whole loop)."""
    loop = BANK.template_for(level, role)
    for slot in loop.slots:
        fit = candidates(QUESTIONS, slot, level, BANK.role(role)).fit
        assert len(fit) >= slot.count, (slot.describe(), level, role)


def test_signals_are_distinct():
    counts = Counter(q.signal for q in QUESTIONS)
    assert [s for s, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("skill", ["api-design", "experimentation"])
def test_role_weighted_skills_have_questions_of_several_types(skill):
    """api-design (backend-engineer) and experimentation (applied-ml-scientist)
    weigh 3 in their roles; the planner can only cover them with questions that
    test them, at more than one kind of interview."""
    tested = [q for q in QUESTIONS if q.active and skill in q.skills]
    assert len(tested) >= 4, [q.id for q in tested]
    assert len({q.type for q in tested}) >= 2
    assert {"junior", "senior", "staff"} <= {lv for q in tested for lv in q.levels}
