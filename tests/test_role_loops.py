"""Loops fitted to the role and the candidate: role templates, must-cover skills, the candidate's
background, --pin, lint and diff seeing the planner's templates, and "did you mean"."""

from __future__ import annotations

import json

import pytest

from looptool.bank.load import Bank, load_bank
from looptool.bank.model import LoopTemplate, Progression, Question, Role, Slot
from looptool.bank.resources import bundled_bank
from looptool.commands.plan import plan_loop
from looptool.plan.feasibility import PlanError, UncoveredError, required, unfillable
from looptool.plan.planner import make_plan
from looptool.plan.views.document import build as build_doc
from looptool.plan import agenda
from looptool.review.impact import outlooks

from conftest import TODAY

BUNDLED, _ = load_bank([bundled_bank()])
LEVELS = ["intern", "junior", "senior", "staff"]
ROLES = [r.id for r in BUNDLED.roles]
DAY = "2026-11-25"
WITH_OWN = {"backend-engineer": LEVELS, "ml-performance-engineer": ["senior", "staff"],
            "ml-training-infra": ["senior", "staff"], "inference-serving": ["senior", "staff"],
            "applied-ml-scientist": ["senior", "staff"]}


def plan(level, role=None, **kw):
    kw.setdefault("lint_findings", [])  # the bundled bank lints clean
    return plan_loop(BUNDLED, level, role, **kw)


def q(qid, qtype="coding", skills=("algorithms",), levels=("senior",), stage="filter", **kw):
    return Question(id=qid, title=qid, type=qtype, levels=list(levels), skills=list(skills), stage=stage,
                    duration_minutes=45, prompt="p", signal=kw.pop("signal", f"signal of {qid}"), **kw)


def loop(*slots, level="senior", must=(), roles=()):
    return LoopTemplate(id=level, level=level, slots=list(slots), progression=Progression(3),
                        must_cover=list(must), roles=list(roles))


# -- every bundled level x role --------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("level", LEVELS)
def test_each_role_gets_its_template_and_covers_its_must_cover_skills(level, role):
    result = plan(level, role)
    template = BUNDLED.template_for(level, role)
    assert result.template is template
    assert template.is_for(role) == (level in WITH_OWN.get(role, ()))
    allowed = {t for slot in template.slots for t in slot.types}
    assert {i.type for i in result.interviews} <= allowed
    tested = {s for i in result.interviews for s in i.question.skills}
    must = required(template, BUNDLED.role(role))
    assert set(must) <= tested and set(BUNDLED.role(role).required) <= set(must)
    if level == "staff":
        assert "technical-leadership" in tested and "technical-leadership" in must


def test_roles_must_cover_their_heaviest_skills_by_default():
    role = Role("r", "R", {"a": 5, "b": 5, "c": 2})
    assert role.required == ["a", "b"]
    assert Role("r", "R", {"a": 5, "c": 2}, must_cover=["c"]).required == ["c"]
    assert Role("r", "R", {"a": 5}, must_cover=[]).required == []


def test_staff_backend_has_no_notebook_and_no_ml_system_design(cli):
    run = cli("plan", "--level", "staff", "--role", "backend-engineer", "--today", TODAY, "--date", DAY,
              "--format", "json")
    assert run.code == 0, run.err
    doc = json.loads(run.out)
    types = [i["type"] for i in doc["interviews"]]
    assert "data-modeling" not in types and "ml-system-design" not in types
    assert doc["loop"] == {"id": "staff-backend", "title": "Staff+ loop",
                           "roles": ["backend-engineer"]}
    covered = {row["skill"] for row in doc["coverage"]["skills"] if row["interviews"]}
    assert "technical-leadership" in covered and "technical-leadership" in doc["must_cover"]
    text = cli("plan", "--level", "staff", "--role", "backend", "--today", TODAY, "--date", DAY).out
    assert "Loop template: staff-backend (for backend-engineer)" in text
    assert "Not covered: technical-leadership" not in text


def test_the_newcomers_level_alone_keeps_the_reference_compositions(cli):
    expected = {
        "intern": ["coding", "data-modeling", "project-deep-dive"],
        "junior": ["coding", "coding", "coding or math-quiz", "data-modeling", "project-deep-dive"],
        "senior": ["coding", "coding", "data-modeling", "data-modeling", "system-design", "project-deep-dive",
                   "career-chat"],
        "staff": ["coding", "data-modeling", "data-modeling", "system-design", "ml-system-design",
                  "project-deep-dive", "career-chat"],
    }
    for level, types in expected.items():
        run = cli("plan", "--level", level, "--today", TODAY, "--date", DAY, "--format", "json")
        assert run.code == 0, run.err
        doc = json.loads(run.out)
        assert all(i["type"] in want.split(" or ") for i, want in zip(doc["interviews"], types, strict=True))
        assert doc["loop"]["id"] == level and doc["loop"]["roles"] == []
    assert "Loop template: senior (the general senior template)" in cli(
        "plan", "--level", "senior", "--today", TODAY, "--date", DAY).out


def test_applied_scientist_staff_loop_designs_ml_not_clusters():
    result = plan("staff", "applied-ml-scientist")
    types = [i.type for i in result.interviews]
    assert "system-design" not in types and types.count("ml-system-design") == 2


# -- must-cover skills as hard constraints ---------------------------------------------------


def test_must_cover_beats_a_higher_scoring_loop():
    # without the constraint the best loop takes `wide` (3 skills); the role must test `deep`
    role = Role("r", "R", {"deep": 1, "x": 3, "y": 3, "z": 3}, must_cover=["deep"])
    bank = Bank(questions=[q("wide", skills=["x", "y", "z"]), q("narrow", skills=["deep"])])
    result = make_plan(bank, loop(Slot(["coding"], 45)), role)
    assert result.question_ids == ["narrow"] and result.must_cover == ["deep"]
    assert result.score == 1 and result.best_possible == 10


def test_a_must_cover_skill_no_question_tests_is_a_clear_error():
    role = Role("r", "R", {"gpu-performance": 5, "algorithms": 1})
    bank = Bank(questions=[q("a")])
    with pytest.raises(UncoveredError, match="must-cover skill gpu-performance: no question that fits a slot"):
        make_plan(bank, loop(Slot(["coding"], 45)), role)
    assert [type(e) for e in unfillable(bank, loop(Slot(["coding"], 45)), role)] == [UncoveredError]


def test_must_cover_skills_only_clashing_questions_test():
    # both skills are tested, but only by two questions that share a signal: no loop has both
    role = Role("r", "R", {"a": 1, "b": 1, "x": 1}, must_cover=["a", "b"])
    bank = Bank(questions=[q("qa", skills=["a"], signal="same"), q("qb", skills=["b"], signal="same"),
                           q("qc", skills=["x"], signal="other")])
    with pytest.raises(UncoveredError, match="must-cover skill [ab]: no loop"):
        make_plan(bank, loop(Slot(["coding"], 45, count=2)), role)


def test_the_plan_error_lists_every_unfillable_slot(cli, write):
    bank = write("bank.yaml", """
        loops:
          - id: senior
            level: senior
            slots:
              - {type: coding, minutes: 45}
              - {type: system-design, minutes: 60}
              - {type: career-chat, minutes: 30}
            progression: {pass_total: 3}
        questions:
          - {id: a, title: A, type: coding, levels: [senior], skills: [algorithms], stage: filter,
             duration_minutes: 45, prompt: Write it., signal: Writes it.}
        """)
    run = cli("plan", "--bank", bank, "--level", "senior", "--today", TODAY)
    assert run.code == 1
    assert "2 problems: cannot fill slot 2 (system-design)" in run.err
    assert "cannot fill slot 3 (career-chat)" in run.err
    assert len(run.err.strip().splitlines()) == 1


# -- the candidate's background -------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("level", LEVELS)
def test_a_phd_gets_a_research_dive_and_industry_never_does(level, role):
    assert "dive-phd-research" in plan(level, role, background="phd").question_ids
    for seed in range(4):
        assert "dive-phd-research" not in plan(level, role, background="industry", seed=seed).question_ids
        unknown = plan(level, role, seed=seed)
        assert not any(i.question.backgrounds for i in unknown.interviews), "background-only dive without one"


def test_self_taught_candidates_present_a_portfolio():
    for level in ("intern", "junior"):
        assert "dive-self-taught-portfolio" in plan(level, "mlops", background="self-taught").question_ids


def test_the_candidate_file_reaches_the_planner(cli, write):
    phd = write("phd.yaml", "background: phd\n")
    industry = write("industry.yaml", "background: industry\nseen: [dive-shipped-ml-model]\n")
    args = ["plan", "--level", "senior", "--role", "applied-ml-scientist", "--today", TODAY, "--date", DAY,
            "--format", "json"]
    ids = [i["question"] for i in json.loads(cli(*args, "--candidate", phd).out)["interviews"]]
    assert "dive-phd-research" in ids
    for seed in range(3):
        run = cli(*args, "--candidate", industry, "--seed", seed)
        ids = [i["question"] for i in json.loads(run.out)["interviews"]]
        assert "dive-phd-research" not in ids and "dive-shipped-ml-model" not in ids


# -- --pin ---------------------------------------------------------------------------------------


def test_pin_by_number_and_by_type(cli):
    base = ["plan", "--level", "staff", "--role", "backend", "--today", TODAY, "--date", DAY, "--format", "json"]
    doc = json.loads(cli(*base, "--pin", "project-deep-dive=dive-staff-cross-team-initiative",
                         "--pin", "3=sd-payments-webhook-delivery").out)
    ids = [i["question"] for i in doc["interviews"]]
    assert ids[5] == "dive-staff-cross-team-initiative" and ids[2] == "sd-payments-webhook-delivery"
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("pin,code,message", [
    ("2=code-glob-matcher", 1, "cannot fill slot 2 (coding): the pinned (--pin) question `code-glob-matcher` "
                               "cannot be used: not a probe"),
    ("coding=code-glob-matcher", 2, "loop `staff-backend` has 2 coding interviews (1, 2); pin one by its number"),
    ("9=code-glob-matcher", 2, "loop `staff-backend` has interviews 1 to 7"),
    ("3=sd-payment-webhook-delivery", 2, "no question `sd-payment-webhook-delivery` in the bank (did you mean "
                                         "`sd-payments-webhook-delivery`?)"),
    ("data-modeling=dm-card-fraud-label-delay", 2, "has no data-modeling interview"),
    ("dive-phd-research", 2, "expected SLOT=QUESTION_ID"),
])
def test_bad_pins(cli, pin, code, message):
    run = cli("plan", "--level", "staff", "--role", "backend", "--today", TODAY, "--pin", pin)
    assert run.code == code and message in run.err, run.err


def test_pins_are_data_for_the_pure_planner():
    template = BUNDLED.template_for("senior")
    result = make_plan(BUNDLED, template, None, pins={6: "dive-data-platform-change"})
    assert result.question_ids[5] == "dive-data-platform-change"
    with pytest.raises(PlanError, match="pinned \\(--pin\\) question `dive-phd-research` cannot be used: for a "
                                        "named background"):
        make_plan(BUNDLED, template, None, pins={6: "dive-phd-research"})
    assert make_plan(BUNDLED, template, None, pins={6: "dive-phd-research"},
                     background="phd").question_ids[5] == "dive-phd-research"


# -- did you mean ---------------------------------------------------------------------------------


@pytest.mark.parametrize("args,message", [
    (["--level", "seniro"], "unknown level `seniro` (did you mean `senior`?)"),
    (["--level", "senior", "--role", "backend-engineeer"], "unknown role `backend-engineeer` (did you mean "
                                                           "`backend-engineer`?)"),
    (["--level", "senior", "--view", "candiate"], "(did you mean `candidate`?)"),
    (["--level", "senior", "--format", "markdwn"], "(did you mean `markdown`?)"),
])
def test_did_you_mean(cli, args, message):
    run = cli("plan", "--today", TODAY, *args)
    assert run.code == 2 and message in run.err, run.err


def test_a_family_template_asks_for_a_role(cli):
    run = cli("plan", "--level", "staff-ml-infra", "--today", TODAY)
    assert run.code == 2 and "is for roles ml-performance-engineer, ml-training-infra, inference-serving" in run.err
    doc = json.loads(cli("plan", "--level", "staff-ml-infra", "--role", "inference", "--today", TODAY,
                         "--format", "json").out)
    assert doc["loop"]["id"] == "staff-ml-infra" and doc["role"]["id"] == "inference-serving"


# -- the one lookup -------------------------------------------------------------------------------


def test_template_for_picks_the_most_specific_template():
    general = loop(Slot(["coding"], 45))
    family = LoopTemplate(id="senior-infra", level="senior", slots=[Slot(["system-design"], 60)],
                          progression=Progression(3), roles=["a", "b"])
    own = LoopTemplate(id="senior-b", level="senior", slots=[Slot(["coding"], 45)], progression=Progression(3),
                       roles=["b"])
    bank = Bank(loops=[general, family, own])
    assert bank.template_for("senior", "a") is family
    assert bank.template_for("senior", "b") is family  # the first of the role's own, in file order
    assert bank.template_for("senior", "c") is general
    assert bank.template_for("senior") is general
    assert bank.template_for("senior-b", "c") is own  # named by its id
    only_b = Bank(loops=[LoopTemplate(id="senior", level="senior", slots=[Slot(["coding"], 45)],
                                      progression=Progression(3), roles=["b"])])
    assert only_b.template_for("senior", "c") is None  # never another role's template by its level


def test_diff_judges_the_template_the_planner_uses():
    found = outlooks(BUNDLED)
    assert found[("staff", "backend-engineer")].loop == "staff-backend"
    assert found[("senior", "mlops")].loop == "senior"
    assert all(o.plannable for o in found.values())
    thin = Bank(questions=[q for q in BUNDLED.questions if "gpu-performance" not in q.skills],
                skills=BUNDLED.skills, roles=BUNDLED.roles, loops=BUNDLED.loops)
    staff_perf = outlooks(thin)[("staff", "ml-performance-engineer")]
    assert not staff_perf.plannable and any("gpu-performance" in u for u in staff_perf.unfilled)


# -- lint sees what plan sees --------------------------------------------------------------------


def test_a_one_question_bank_reports_what_it_cannot_plan(cli, write):
    bank = write("q.yaml", """
        questions:
          - id: top-k-stream
            title: Top k most frequent ids in a stream
            type: coding
            levels: [junior]
            skills: [algorithms, code-quality]
            stage: filter
            duration_minutes: 45
            prompt: Return the k most frequent ids seen so far in a stream of ids.
            signal: Picks a heap or a bucket count and explains the cost of each update.
        """)
    run = cli("lint", bank, "--select", "unfillable-slot", "--format", "json")
    assert run.code == 1
    findings = json.loads(run.out)["findings"]
    combos = {f["message"].split(" cannot be planned for ")[1].split(":")[0] for f in findings}
    assert "level junior and role backend-engineer" in combos and "level staff and any role" in combos
    assert len(combos) == len(findings)  # one finding per level x role
    junior = next(f for f in findings if "level junior and any role" in f["message"])
    assert junior["message"].count("cannot be filled") == 3  # every unfillable slot, in one finding
    assert all(f["line"] == 1 and f["file"].endswith("q.yaml") for f in findings)
    plan = cli("plan", "--bank", bank, "--level", "junior", "--today", TODAY)
    assert plan.code == 1 and "3 problems" in plan.err


def test_composition_accepts_a_roles_explained_mix(cli, write):
    bank = write("loops.yaml", """
        loops:
          - id: senior-backend
            level: senior
            role: backend-engineer
            rationale: Backend engineers do not train models, so the notebooks become system designs.
            slots:
              - {type: coding, count: 2, stage: filter, minutes: 45}
              - {type: system-design, count: 2, stage: probe, minutes: 60}
              - {type: project-deep-dive, stage: probe, minutes: 45}
              - {type: career-chat, stage: probe, minutes: 30}
            progression: {pass_total: 24}
        """)
    run = cli("lint", bank, "--select", "composition")
    assert "career-chat interview is the hiring-manager's to run" in run.out
    assert "data-modeling" not in run.out and "beyond the reference" not in run.out
    lines = bank.read_text().splitlines(keepends=True)
    bank.write_text("".join(line for line in lines if "rationale:" not in line))
    run = cli("lint", bank, "--select", "composition")
    assert "senior loop has no data-modeling interview" in run.out


def test_the_candidate_view_describes_the_format_without_the_question():
    result = make_plan(BUNDLED, BUNDLED.template_for("senior"), None,
                       pins={5: "sd-llm-chat-serving-ttft"})
    coding = next(x for x in BUNDLED.questions if x.id == "math-alias-table-sampler")  # method provided
    result.interviews[0].question = coding
    import datetime as dt
    result = agenda.schedule(result, agenda.parse_time("09:30"), dt.date(2026, 11, 25))
    doc = build_doc(result, "candidate")
    first = doc["interviews"][0]
    assert first["variant"] == "method-explained" and first["kind"] == "Coding (method explained)"
    kinds = {(k["type"], k["variant"]) for k in doc["kinds"]}
    assert ("coding", "method-explained") in kinds and ("coding", None) in kinds
    text = json.dumps(doc)
    for interview in result.interviews:
        assert interview.question.id not in text and interview.question.title not in text


def test_the_readme_pin_example_runs(cli):
    import re
    import shlex

    from conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = [c for c in re.findall(r"```sh\n(looptool plan [^\n]*)\n```", readme) if "--pin" in c]
    assert commands
    for command in commands:
        run = cli(*shlex.split(command)[1:], cwd=REPO)
        assert run.code == 0, run.err
        assert "[dive-staff-cross-team-initiative]" in run.out


def test_a_level_with_only_other_roles_templates_says_so(cli, write):
    bank = write("bank.yaml", """
        loops:
          - id: senior-backend
            level: senior
            role: backend-engineer
            rationale: Backend engineers do not train models.
            slots:
              - {type: coding, minutes: 45}
            progression: {pass_total: 3}
        questions:
          - {id: a, title: A, type: coding, levels: [senior], skills: [algorithms, distributed-systems,
             storage-systems, code-quality], stage: filter, duration_minutes: 45, prompt: Write it.,
             signal: Writes it.}
        """)
    run = cli("plan", "--bank", bank, "--level", "senior", "--role", "mlops", "--today", TODAY)
    assert run.code == 2
    assert "no loop template for level `senior` suits role mlops: the level has `senior-backend` (for " \
           "backend-engineer)" in run.err
    assert cli("plan", "--bank", bank, "--level", "senior", "--today", TODAY).code == 0  # its only role


def test_loop_rules_judge_the_bundled_templates_the_same_for_any_bank():
    """Loop rules skip the bundled templates when a bank falls back on them: they pin no question,
    so nothing the linted files hold can change a loop rule's verdict, which is clean."""
    from looptool.lint import registry
    from looptool.lint.linter import LintOptions, lint

    assert not any(slot.question for loop in BUNDLED.loops for slot in loop.slots)
    loop_rules = [r.code for r in registry.catalogue() if r.scope == "loop"]
    result = lint([bundled_bank() / "levels"], LintOptions(select=loop_rules, today=None))
    assert result.findings == []


@pytest.mark.parametrize("args,message", [
    (["lint", "loops", "--role", "mlopz"], "unknown role `mlopz` (did you mean `mlops`?)"),
    (["lint", "loops", "--format", "jsn"], "not `jsn` (did you mean `json`?)"),
    (["lint", "loops", "--fail-on", "eror"], "not `eror` (did you mean `error`?)"),
    (["diff", "HEAD", "--format", "mardown"], "not `mardown` (did you mean `markdown`?)"),
])
def test_did_you_mean_in_lint_and_diff(cli, args, message):
    from conftest import REPO

    run = cli(*args, cwd=REPO)
    assert run.code == 2 and message in run.err, run.err


def test_did_you_mean_stays_quiet_without_a_near_miss():
    from looptool.errors import did_you_mean

    assert did_you_mean("seniro", ["senior", "staff"]) == " (did you mean `senior`?)"
    assert did_you_mean("xyzzy", ["senior", "staff"], ";") == ";"


def test_role_and_roles_together_and_unknown_must_cover_skills(cli, write):
    bank = write("bank.yaml", """
        loops:
          - id: x
            level: senior
            role: mlops
            roles: [mlops, ml-platform]
            slots:
              - {type: coding, minutes: 45}
            progression: {pass_total: 3}
          - id: y
            level: senior
            must_cover: [gpu-performanc]
            slots:
              - {type: coding, minutes: 45}
            progression: {pass_total: 3}
        roles:
          - {id: r, title: R, in_scope: {algorithms: 2}, must_cover: [algoritms]}
        """)
    out = cli("lint", bank, "--select", "LT008,LT010").out
    assert "bank.yaml:2:5: LT008 schema-violation use one of `role` or `roles`, not both" in out
    assert "LT010 unknown-reference unknown skill `gpu-performanc`; did you mean `gpu-performance`?" in out
    assert "LT010 unknown-reference unknown skill `algoritms`; did you mean `algorithms`?" in out
