"""`looptool plan` through the real command line."""

from __future__ import annotations

import json
import shutil

import pytest

from looptool.bank.load import load_bank
from looptool.bank.resources import bundled_bank

from conftest import REPO, TODAY, run_subprocess

BUNDLED, _ = load_bank([bundled_bank()])
POOL = REPO / "loops" / "interviewers.example.yaml"
LEVELS = ["intern", "junior", "senior", "staff"]
ROLES = [None, *(r.id for r in BUNDLED.roles)]
DAY = "2026-11-25"


def plan_json(cli, *args):
    run = cli("plan", "--today", TODAY, "--date", DAY, "--format", "json", *args)
    assert run.code == 0, run.err
    return json.loads(run.out)


@pytest.mark.parametrize("pool", [False, True], ids=["no-pool", "example-pool"])
@pytest.mark.parametrize("level", LEVELS)
def test_every_level_and_role_of_the_bundled_bank_plans(cli, level, pool):
    for role in ROLES:
        args = ["--level", level, *(["--role", role] if role else []), *(["--interviewers", POOL] if pool else [])]
        doc = plan_json(cli, *args)
        interviews = doc["interviews"]
        assert len(interviews) == len(BUNDLED.template_for(level, role).expanded_slots())
        ids = [i["question"] for i in interviews]
        assert len(set(ids)) == len(ids), (level, role)
        if pool:
            leads = [i["interviewer"]["handle"] for i in interviews]
            assert len(set(leads)) == len(leads) and None not in leads
        else:
            assert all(i["interviewer"] is None for i in interviews)


def test_text_output_and_exit_code(cli):
    run = cli("plan", "--level", "staff", "--role", "mlops", "--interviewers", POOL, "--today", TODAY, "--date", DAY)
    assert run.code == 0 and run.err == ""
    assert "Staff+ loop for MLOps engineer" in run.out
    assert "ML system design" in run.out


def test_same_seed_is_byte_identical_and_seeds_rotate(cli):
    args = ["plan", "--level", "senior", "--role", "backend", "--today", TODAY, "--date", DAY]
    first, again = cli(*args, "--seed", "5"), cli(*args, "--seed", "5")
    assert first.out == again.out and first.code == 0
    others = {cli(*args, "--seed", str(seed), "--format", "json").out for seed in range(6)}
    assert len({tuple(i["question"] for i in json.loads(o)["interviews"]) for o in others}) > 1


def test_exclude_earlier_plans(cli, tmp_path):
    first = tmp_path / "first.json"
    run = cli("plan", "--level", "senior", "--role", "mlops", "--format", "json", "--today", TODAY, "--date", DAY,
              "--output", first)
    assert run.code == 0 and run.out == ""
    seen = {i["question"] for i in json.loads(first.read_text(encoding="utf-8"))["interviews"]}
    listed = tmp_path / "more.txt"
    listed.write_text("# asked in an earlier round\ncode-glob-matcher\n", encoding="utf-8")
    doc = plan_json(cli, "--level", "senior", "--role", "mlops", "--exclude", first, "--exclude", listed)
    again = {i["question"] for i in doc["interviews"]}
    assert not again & seen and "code-glob-matcher" not in again
    assert doc["skipped"] and sorted(doc["excluded"]) == sorted(seen | {"code-glob-matcher"})


BANK = """\
questions:
  - {id: top-k, title: Top k, type: coding, levels: [staff], skills: [algorithms], stage: filter,
     duration_minutes: 45, prompt: Return the k most frequent ids., signal: Picks a heap.}
  - {id: surface-fit, title: Surface fit, type: data-modeling, levels: [staff],
     skills: [gpu-performance, parametric-geometry], stage: probe, duration_minutes: 60,
     prompt: Improve the surface fitting scaffold., signal: Finds the planted bug.}
loops:
  - id: staff
    level: staff
    slots:
      - {type: coding, stage: filter, minutes: 45}
      - {type: data-modeling, stage: probe, minutes: 60}
    progression: {pass_total: 6}
"""


def test_unfillable_slot_exits_1_naming_slot_and_reason(cli, write):
    bank = write("bank.yaml", BANK)
    run = cli("plan", "--bank", bank, "--level", "staff", "--role", "ml-performance-engineer", "--today", TODAY)
    assert run.code == 1 and run.out == ""
    assert run.err.strip() == ("looptool: cannot fill slot 2 (data-modeling): no data-modeling question for level "
                               "staff fits role ml-performance-engineer: 1 candidate, out of scope")


def test_unstaffable_slot_exits_1(cli, write):
    bank = write("bank.yaml", BANK)
    pool = write("pool.yaml", """\
        interviewers:
          - {handle: fmensah, level: senior, qualified_for: [coding, data-modeling]}
        """)
    run = cli("plan", "--bank", bank, "--level", "staff", "--interviewers", pool, "--today", TODAY)
    assert run.code == 1
    assert "no qualified interviewer for slot 2 (data-modeling): needs level senior or above; 1 senior " \
           "interviewer is qualified but it is already used or at their weekly cap (fmensah leads slot 1)" in run.err


def test_lint_errors_are_skipped_and_counted(cli, write):
    bank = write("bank.yaml", BANK.replace("skills: [algorithms]", "skills: [algoritms]").replace(
        "levels: [staff], skills: [gpu", "levels: [staff], skills: [data-analysis, gpu"))
    run = cli("plan", "--bank", bank, "--level", "staff", "--today", TODAY)
    assert run.code == 1
    assert "no coding question for level staff is available: 1 candidate, with lint errors" in run.err


@pytest.mark.parametrize("args,message", [
    (["--level", "cto"], "unknown level `cto`; expected one of: intern, junior, senior, staff"),
    (["--level", "staff", "--role", "astronaut"], "unknown role `astronaut`; known roles:"),
    (["--level", "staff", "--date", "tomorrow"], "--date: `tomorrow` is not a date"),
    (["--level", "staff", "--today", "2026-13-01"], "--today: `2026-13-01` is not a date"),
    (["--level", "staff", "--start", "25:00"], "--start: `25:00` is not a time of day"),
    (["--level", "staff", "--view", "hr"], "--view: expected one of panel, interviewer, candidate"),
    (["--level", "staff", "--format", "pdf"], "--format: expected one of text, markdown, json, ics"),
    (["--level", "staff", "--exclude", "missing.json"], "--exclude missing.json: cannot read"),
    (["--level", "staff", "--interviewers", "missing.yaml"], "missing.yaml: no such file or folder"),
    (["--level", "staff", "--bank", "nowhere"], "nowhere: no such file or folder"),
    (["--level", "staff", "--break", "999999999999"], "break: 999999999999 minutes is more than a day"),
    (["--level", "staff", "--lunch", "2000"], "lunch: 2000 minutes is more than a day"),
    (["--level", "staff", "--date", "9999-12-31", "--start", "23:00"], "the interview day must be before 9999-12-31"),
])
def test_bad_input_exits_2_with_one_line(cli, tmp_path, args, message):
    run = cli("plan", *args, cwd=tmp_path)
    assert run.code == 2 and run.out == ""
    assert message in run.err and len(run.err.strip().splitlines()) == 1


@pytest.mark.parametrize("content,message", [
    (b"questions:\n  - id: q1\n    title: [unclosed\n", "lost.yaml:4:1: invalid YAML"),
    (b"questions: []\n# caf\xc3\x28\n", "lost.yaml:2:6: invalid UTF-8"),
    (b"a: &a [x, x]\nb: &b [*a, *a]\nquestions: " + b"[" * 100 + b"]" * 100 + b"\n", "lost.yaml:3:"),
])
def test_a_bank_file_that_cannot_be_read_stops_the_plan(cli, tmp_path, content, message):
    # planning from the other files would leave its questions out without a word
    shutil.copytree(REPO / "loops", tmp_path / "bank")
    (tmp_path / "bank" / "lost.yaml").write_bytes(content)
    run = cli("plan", "--level", "senior", "--bank", "bank", "--today", TODAY, cwd=tmp_path)
    assert run.code == 2 and run.out == ""
    assert f"looptool: error: bank/{message}" in run.err
    assert "cannot be planned (see `looptool lint bank/lost.yaml`)" in run.err


def test_an_error_quoting_a_file_stays_on_one_line(cli, write, tmp_path):
    pool = write("pool.yaml", 'interviewers:\n  - {handle: x, level: "boss\\nlooptool: error: forged", '
                              'qualified_for: [coding]}\n')
    run = cli("plan", "--level", "staff", "--interviewers", pool, cwd=tmp_path)
    assert run.code == 2
    assert run.err == "looptool: error: --interviewers: pool.yaml:2:24: `boss\\nlooptool: error: forged` is not a " \
                      "valid `level`; expected one of: intern, junior, senior, staff\n"


def test_bad_pool_and_exclude_files(cli, write, tmp_path):
    pool = write("pool.yaml", "interviewers:\n  - {handle: x, level: boss, qualified_for: [coding]}\n")
    run = cli("plan", "--level", "staff", "--interviewers", pool, cwd=tmp_path)
    assert run.code == 2 and "--interviewers: pool.yaml:2:" in run.err
    empty = write("empty.yaml", "questions: []\n")
    run = cli("plan", "--level", "staff", "--interviewers", empty, cwd=tmp_path)
    assert run.code == 2 and "no interviewers" in run.err
    bad = write("seen.json", '{"interviews": [{"type": "coding"}]}')
    run = cli("plan", "--level", "staff", "--exclude", bad, cwd=tmp_path)
    assert run.code == 2 and "interviews[0] has no question id" in run.err


def test_level_alias_and_help(cli):
    doc = plan_json(cli, "--level", "staff+", "--role", "ml-perf")
    assert doc["level"] == "staff" and doc["role"]["id"] == "ml-performance-engineer"
    help_run = cli("plan", "--help")
    assert help_run.code == 0 and "Example: looptool plan --level senior" in help_run.out


def test_console_script(tmp_path):
    run = run_subprocess("plan", "--level", "abbreviated", "--today", TODAY, "--date", DAY, "--format", "markdown",
                         cwd=tmp_path)
    assert run.code == 0 and run.out.startswith("#")


def test_a_pool_listing_a_handle_twice_is_refused(cli, write):
    """Two entries for one person would each get the weekly cap: refused, never a cap exceeded."""
    bank = write("bank.yaml", BANK)
    entry = "  - {handle: fmensah, level: staff, qualified_for: [coding, data-modeling], weekly_cap: 3, " \
            "booked_this_week: 2}\n"
    once = write("once.yaml", "interviewers:\n" + entry)
    assert cli("plan", "--bank", bank, "--level", "staff", "--interviewers", once, "--today", TODAY).code == 1
    twice = write("twice.yaml", "interviewers:\n" + entry + entry)
    run = cli("plan", "--bank", bank, "--level", "staff", "--interviewers", twice, "--today", TODAY)
    assert run.code == 2 and run.out == ""
    assert "twice.yaml:3:" in run.err and "interviewer id `fmensah` is already used" in run.err


def test_a_lint_error_blocks_its_own_question_in_a_multi_document_file(cli, write):
    """The finding on document 1's first question blocks that question, not document 2's first one."""
    first, second = BANK.split("  - {id: surface-fit")
    questions, loops = ("  - {id: surface-fit" + second).split("loops:")
    text = first.replace("skills: [algorithms]", "skills: [algoritms]") + "---\nquestions:\n" + questions \
        + "loops:" + loops
    run = cli("plan", "--bank", write("bank.yaml", text), "--level", "staff", "--today", TODAY)
    assert run.code == 1
    assert "no coding question for level staff is available: 1 candidate, with lint errors" in run.err


def test_a_question_with_a_control_character_is_not_planned(cli, write):
    """lint reports the escape sequence in the title (LT002, an error), so the planner leaves it out."""
    bank = write("bank.yaml", BANK.replace("title: Top k,", 'title: "Top k\\e[2J\\e]0;pwned\\a",'))
    run = cli("plan", "--bank", bank, "--level", "staff", "--today", TODAY)
    assert run.code == 1 and "\x1b" not in run.text
    assert "no coding question for level staff is available: 1 candidate, with lint errors" in run.err


def test_exclude_ids_that_yaml_reads_as_numbers_or_dates(cli, tmp_path):
    """`123` and `2026-01-01` are valid question ids; a list of them must not be rejected."""
    ids = tmp_path / "seen.yaml"
    ids.write_text("- 123\n- 2026-01-01\n", encoding="utf-8")
    plain = tmp_path / "seen.txt"
    plain.write_text("123\n", encoding="utf-8")
    for path in (ids, plain):
        assert cli("plan", "--level", "junior", "--today", TODAY, "--exclude", path).code == 0


@pytest.mark.parametrize("text", ["[" * 100_000 + "]" * 100_000, "- " * 5_000 + "x\n"])
def test_a_deeply_nested_exclude_file_is_a_usage_error(cli, tmp_path, text):
    deep = tmp_path / "deep.json"
    deep.write_text(text, encoding="utf-8")
    run = cli("plan", "--level", "junior", "--today", TODAY, "--exclude", deep)
    assert run.code == 2 and "internal error" not in run.err and "--exclude" in run.err


def test_the_candidate_view_never_shows_a_handle(cli, write):
    pool = write("pool.yaml", """\
        interviewers:
          - {handle: zq-secret-handle, level: staff, qualified_for: [coding, data-modeling]}
          - {handle: yx-other-handle, level: staff, qualified_for: [coding, data-modeling]}
        """)
    bank = write("bank.yaml", BANK)
    for fmt in ("text", "markdown", "json", "ics"):
        run = cli("plan", "--bank", bank, "--level", "staff", "--interviewers", pool, "--today", TODAY,
                  "--view", "candidate", "--format", fmt)
        assert run.code == 0, run.err
        assert "handle" not in run.out and "an interviewer" in run.out
