"""Interviewer assignment: a matching, not first come; clear reasons when impossible."""

from __future__ import annotations

import pytest

from looptool.bank.load import Bank, load_bank
from looptool.bank.model import LEVEL_RANK, Interviewer, LoopTemplate, Progression, Question, Slot
from looptool.bank.resources import bundled_bank
from looptool.plan.assign import AssignError, assign, can_lead, min_cost_assignment, need_for
from looptool.commands.plan import plan_loop
from looptool.plan.result import Interview

BUNDLED, _ = load_bank([bundled_bank()])


def person(handle, level="senior", qualified_for=("coding",), skills=(), roles=(), training="qualified",
           weekly_cap=3, booked=0):
    return Interviewer(handle=handle, level=level, qualified_for=list(qualified_for), skills=list(skills),
                       roles=list(roles), training=training, weekly_cap=weekly_cap, booked_this_week=booked)


def interview(number, qtype="coding", skills=("algorithms",), **slot):
    question = Question(id=f"q{number}", title="t", type=qtype, levels=["senior"], skills=list(skills),
                        stage="probe", duration_minutes=45, prompt="p", signal=f"s{number}")
    return Interview(number, Slot([qtype], 45, **slot), question)


def first_come(interviews, pool, level):
    """What a naive scheduler does: each interview takes the first free qualified lead."""
    used, out = set(), []
    for i in interviews:
        need = need_for(i.slot, i.question.type, level)
        lead = next((p for p in pool if p.handle not in used and can_lead(p, need)), None)
        if lead is None:
            return None
        used.add(lead.handle)
        out.append(lead)
    return out


def test_matching_finds_what_first_come_misses():
    pool = [person("akowalski", "staff", ["coding", "ml-system-design"]), person("fmensah", "senior", ["coding"])]
    loop = [interview(1, "coding"), interview(2, "ml-system-design")]
    assert first_come(loop, pool, "staff") is None
    leads = [lead.handle for lead, _ in assign(loop, pool, "staff")]
    assert leads == ["fmensah", "akowalski"]


def test_a_longer_chain_of_swaps():
    # each interview's first free choice is the only lead of a later one: first come fails at the end
    pool = [person("a", qualified_for=["coding", "data-modeling"]),
            person("b", qualified_for=["data-modeling", "system-design"]),
            person("c", qualified_for=["system-design", "project-deep-dive"]),
            person("d", qualified_for=["project-deep-dive"])]
    loop = [interview(1, "data-modeling"), interview(2, "system-design"), interview(3, "project-deep-dive"),
            interview(4, "coding")]
    assert first_come(loop, pool, "senior") is None
    assert [lead.handle for lead, _ in assign(loop, pool, "senior")] == ["b", "c", "d", "a"]


def test_nobody_twice_and_caps_respected():
    pool = [person("busy", booked=3), person("free1"), person("free2"), person("zero", weekly_cap=0)]
    loop = [interview(1), interview(2)]
    leads = [lead.handle for lead, _ in assign(loop, pool, "senior")]
    assert sorted(leads) == ["free1", "free2"]
    with pytest.raises(AssignError):
        assign([interview(1), interview(2), interview(3)], pool, "senior")


def test_default_requirements():
    assert need_for(Slot(["ml-system-design"], 60), "ml-system-design", "senior").level == "staff"
    assert need_for(Slot(["coding"], 45), "coding", "staff").level == "senior"  # capped at senior
    assert need_for(Slot(["coding"], 45), "coding", "intern").level == "junior"  # never below junior
    assert need_for(Slot(["coding"], 45), "coding", "junior").level == "junior"
    assert need_for(Slot(["career-chat"], 30), "career-chat", "senior").role == "hiring-manager"
    explicit = Slot(["ml-system-design"], 60, interviewer_level="senior", interviewer_role="tech-lead")
    assert need_for(explicit, "ml-system-design", "staff") == need_for(explicit, "ml-system-design", "intern")
    assert need_for(explicit, "ml-system-design", "staff").level == "senior"


def test_message_when_nobody_is_qualified():
    pool = [person("a"), person("t", qualified_for=["system-design"], training="shadow")]
    with pytest.raises(AssignError) as caught:
        assign([interview(1, "system-design")], pool, "senior")
    assert str(caught.value) == ("no qualified interviewer for slot 1 (system-design): nobody in the pool is "
                                 "qualified to lead system-design (1 in training, who cannot lead)")
    assert caught.value.number == 1


def test_message_when_the_level_is_missing():
    pool = [person("dlee", "senior", ["ml-system-design"])]
    with pytest.raises(AssignError, match=r"slot 5 \(ml-system-design\): needs level staff; the one interviewer "
                                          r"qualified for ml-system-design does not: dlee \(senior\)"):
        assign([interview(5, "ml-system-design")], pool, "staff")


def test_message_when_the_role_is_missing():
    pool = [person("lsantos", "staff", ["career-chat"])]
    with pytest.raises(AssignError, match="needs level senior or above and the hiring-manager role"):
        assign([interview(7, "career-chat")], pool, "senior")


def test_message_when_used_or_at_cap():
    pool = [person("akowalski", "staff", ["ml-system-design"], booked=3),
            person("bnakamura", "staff", ["ml-system-design", "system-design"]),
            person("iabara", "senior", ["system-design"])]
    loop = [interview(3, "ml-system-design"), interview(5, "ml-system-design")]
    with pytest.raises(AssignError) as caught:
        assign(loop, pool, "staff")
    assert str(caught.value) == (
        "no qualified interviewer for slot 5 (ml-system-design): needs level staff; 2 staff interviewers are "
        "qualified but both are already used or at their weekly cap (akowalski at the weekly cap; "
        "bnakamura leads slot 3)")


def test_trainees_only_sit_beside_a_lead():
    pool = [person("lead", "senior", ["coding", "system-design"]),
            person("lead2", "senior", ["system-design"]),
            person("shadowing", "junior", ["coding"], training="shadow"),
            person("rev", "junior", ["system-design"], training="reverse-shadow"),
            person("other", "staff", ["ml-system-design"], training="shadow")]
    loop = [interview(1, "coding"), interview(2, "system-design")]
    result = assign(loop, pool, "senior")
    assert [lead.handle for lead, _ in result] == ["lead", "lead2"]
    # shadowing watches coding; rev is junior, and reverse-shadowing means running a senior interview
    assert [s.handle if s else None for _, s in result] == ["shadowing", None]
    assert all(not lead.is_trainee for lead, _ in result)


def test_reverse_shadow_meets_the_level_and_trainees_are_used_once():
    pool = [person("a", qualified_for=["coding"]), person("b", qualified_for=["coding"]),
            person("rev", "senior", ["coding"], training="reverse-shadow"),
            person("capped", "senior", ["coding"], training="shadow", booked=3)]
    result = assign([interview(1), interview(2)], pool, "senior")
    shadows = [s.handle if s else "-" for _, s in result]
    assert sorted(shadows) == ["-", "rev"]  # one trainee, once; the one at the weekly cap stays away


def test_skill_overlap_is_preferred_then_the_seed_rotates():
    pool = [person("generalist", skills=["debugging"]), person("expert", skills=["algorithms", "graphs"])]
    for seed in range(8):
        assert assign([interview(1, skills=["algorithms"])], pool, "senior", seed=seed)[0][0].handle == "expert"
    equal = [person(f"p{i}") for i in range(6)]
    picks = {assign([interview(1)], equal, "senior", seed=seed)[0][0].handle for seed in range(20)}
    assert len(picks) >= 3
    assert assign([interview(1)], equal, "senior", seed=4) == assign([interview(1)], equal, "senior", seed=4)


def test_min_cost_assignment_is_optimal():
    cost = [[4, 1, 3], [2, 0, 5], [3, 2, 2]]
    assert min_cost_assignment(cost) == [1, 0, 2]
    assert min_cost_assignment([[None, 1], [1, None]]) == [1, 0]
    assert min_cost_assignment([[5, None, 1]]) == [2]


@pytest.mark.parametrize("level", ["intern", "junior", "senior", "staff"])
@pytest.mark.parametrize("role", [None, *(r.id for r in BUNDLED.roles)])
def test_every_bundled_loop_is_staffed_by_the_example_pool(level, role):
    plan = plan_loop(BUNDLED, level, role, pool=BUNDLED.interviewers, lint_findings=[])
    people = [i.interviewer.handle for i in plan.interviews] + [i.shadow.handle for i in plan.interviews if i.shadow]
    assert len(set(people)) == len(people)
    for i in plan.interviews:
        need = need_for(i.slot, i.question.type, plan.level)
        assert can_lead(i.interviewer, need)
        assert i.question.type in i.interviewer.qualified_for
        assert LEVEL_RANK[i.interviewer.level] >= LEVEL_RANK[need.level]
        if i.shadow:
            assert i.shadow.is_trainee and i.question.type in i.shadow.qualified_for
        if i.question.type == "ml-system-design":
            assert i.interviewer.level == "staff"
        if i.question.type == "career-chat":
            assert "hiring-manager" in i.interviewer.roles


def test_the_planner_avoids_question_types_nobody_can_lead():
    quiz = Question(id="quiz", title="q", type="math-quiz", levels=["junior"], skills=["statistics", "algorithms"],
                    stage="filter", duration_minutes=45, prompt="p", signal="quiz")
    coding = Question(id="code", title="c", type="coding", flavor="math", levels=["junior"],
                      skills=["algorithms"], stage="filter", duration_minutes=45, prompt="p", signal="code")
    bank = Bank(questions=[quiz, coding])
    loop = LoopTemplate("junior", "junior", [Slot(["coding/math", "math-quiz"], 45)], Progression(3))
    assert plan_loop(bank, loop, lint_findings=[]).question_ids == ["quiz"]  # covers more without a pool
    pool = [person("gpatel", qualified_for=["coding"])]
    staffed = plan_loop(bank, loop, pool=pool, lint_findings=[])
    assert staffed.question_ids == ["code"] and staffed.interviews[0].interviewer.handle == "gpatel"
