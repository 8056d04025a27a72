"""`looptool plan` through the real command line: views, formats, agenda options and --output."""

from __future__ import annotations

import json
import re
import shlex
import sys

import pytest
from icalendar import Calendar
from jsonschema import Draft202012Validator
from test_candidate_leak import normalise, phrases
from test_views import _cells, _tables

from looptool.bank.load import load_bank
from looptool.bank.resources import bundled_bank, schema_path

from conftest import REPO, TODAY, run_subprocess

POOL = REPO / "loops" / "interviewers.example.yaml"
BASE = ("plan", "--level", "senior", "--role", "backend-engineer", "--today", TODAY, "--interviewers", POOL)


@pytest.fixture(scope="module")
def validator():
    return Draft202012Validator(json.loads(schema_path("plan").read_text(encoding="utf-8")))


def test_text_is_the_default_and_plain_when_piped(cli):
    run = cli(*BASE)
    assert run.code == 0, run.err
    assert run.err == ""
    # the first working day after --today, in the system zone (TZ=UTC in conftest)
    assert run.out.startswith("Senior loop for Backend software engineer\nWednesday 25 November 2026, 09:30-16:35 UTC time")
    assert "Loop template: senior-backend (for backend-engineer)" in run.out
    assert "\x1b[" not in run.out
    for expected in ("Coverage", "Not covered:", "Progression: Score each interview 0-5", "at least 28 of 35",
                     "Skipped questions:", "Lunch (45 min)"):
        assert expected in run.out


def test_text_fits_the_terminal_but_pipes_keep_the_fixed_width(cli, monkeypatch):
    piped = cli(*BASE).out
    assert max(map(len, piped.splitlines())) == 100
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    narrow = cli(*BASE).out
    assert 72 < max(map(len, narrow.splitlines())) <= 80
    monkeypatch.setenv("COLUMNS", "20")  # too narrow to read: kept at 72
    assert max(map(len, cli(*BASE).out.splitlines())) <= 72


@pytest.mark.parametrize("view", ["panel", "interviewer", "candidate"])
def test_json_output_matches_the_schema(cli, validator, view):
    run = cli(*BASE, "--view", view, "--format", "json")
    assert run.code == 0, run.err
    doc = json.loads(run.out)
    assert list(validator.iter_errors(doc)) == []
    assert doc["view"] == view and len(doc["interviews"]) == 7
    # the default day is the first working day after --today; TZ=UTC (conftest) is the system zone
    assert doc["interviews"][0]["start"] == "2026-11-25T09:30+00:00"
    if view != "candidate":
        assert all(i["question"] and i["interviewer"]["handle"] for i in doc["interviews"])


@pytest.mark.parametrize("view", ["panel", "interviewer", "candidate"])
def test_ics_output_parses_back(cli, view):
    panel = json.loads(cli(*BASE, "--format", "json").out)
    told = json.loads(cli(*BASE, "--view", "candidate", "--format", "json").out)  # kinds named by format
    run = cli(*BASE, "--view", view, "--format", "ics")
    assert run.code == 0, run.err
    events = [c for c in Calendar.from_ical(run.out).walk() if c.name == "VEVENT"]
    assert len(events) == 7
    for event, interview, seen in zip(events, panel["interviews"], told["interviews"]):
        assert event.decoded("dtstart").isoformat(timespec="minutes") == interview["start"]
        assert event.decoded("dtend").isoformat(timespec="minutes") == interview["end"]
        if view == "candidate":
            assert str(event["summary"]) == f"Interview: {seen['kind']}"
        else:
            assert interview["title"] in str(event["summary"])


@pytest.mark.parametrize("view", ["panel", "interviewer", "candidate"])
def test_markdown_output(cli, view):
    run = cli(*BASE, "--view", view, "--format", "markdown")
    assert run.code == 0, run.err
    assert run.out.startswith("# ")
    for table in _tables(run.out):
        assert len({len(_cells(row)) for row in table}) == 1


def test_candidate_view_through_the_cli_reveals_no_question(cli):
    panel = json.loads(cli(*BASE, "--format", "json").out)
    bank, _ = load_bank([bundled_bank()])
    chosen = [bank.question(i["question"]) for i in panel["interviews"]]
    for fmt in ("text", "markdown", "json", "ics"):
        out = cli(*BASE, "--view", "candidate", "--format", fmt).out
        seen = " " + normalise(out.replace("\r\n ", "")) + " "  # ics: undo line folding
        found = [(q.id, p) for q in chosen for p in phrases(q) if f" {p} " in seen]
        assert found == [], fmt
        assert "code-" not in out and "dm-" not in out and "sd-" not in out


def test_interviewer_kits_for_one_handle(cli):
    panel = json.loads(cli(*BASE, "--format", "json").out)
    person = panel["interviews"][1]["interviewer"]["handle"]
    run = cli(*BASE, "--view", "interviewer", "--for", person, "--format", "json")
    assert run.code == 0, run.err
    kits = json.loads(run.out)["interviews"]
    assert [k["number"] for k in kits] == [2] and kits[0]["prompt"] and kits[0]["rubric"]
    text = cli(*BASE, "--view", "interviewer", "--for", person).out
    assert "Interview 2 of 7 | 10:25-11:10" in text and "Interview 1 of 7" not in text


def test_agenda_options(cli):
    run = cli(*BASE, "--format", "json", "--start", "09:00", "--break", "15", "--lunch-after", "60",
              "--lunch", "30", "--date", "2026-12-01")
    assert run.code == 0, run.err
    doc = json.loads(run.out)
    assert doc["date"] == "2026-12-01"
    # 45 minutes in, the day has not run an hour: a 15-minute break; after the second, lunch
    assert [(i["start"][11:16], i["end"][11:16]) for i in doc["interviews"][:3]] == [
        ("09:00", "09:45"), ("10:00", "10:45"), ("11:15", "12:15")]
    assert [(b["minutes"], b["lunch"]) for b in doc["breaks"]] == [(15, False), (30, True)] + [(15, False)] * 4
    assert doc["total_minutes"] == 330 + 15 * 5 + 30


@pytest.mark.parametrize("args, message", [
    (("--start", "9h30"), "--start: `9h30` is not a time of day"),
    (("--date", "2026-13-01"), "--date: `2026-13-01` is not a date"),
    (("--break", "-5"), "break: expected a whole number of minutes"),
    (("--start", "21:00"), "would end at"),
    (("--view", "recruiter"), "--view: expected one of panel, interviewer, candidate"),
    (("--format", "pdf"), "--format: expected one of text, markdown, json, ics"),
    (("--for", "fmensah"), "use it with --view interviewer"),
    (("--view", "interviewer", "--for", "nobody"), "nobody runs no interview in this loop"),
])
def test_bad_agenda_and_view_options_exit_2(cli, args, message):
    run = cli(*BASE, *args)
    assert run.code == 2
    assert run.out == ""
    assert message in run.err and len(run.err.strip().splitlines()) == 1


def test_output_writes_the_same_bytes_atomically(cli, tmp_path):
    target = tmp_path / "loop.ics"
    target.write_text("an older calendar\n")
    run = cli(*BASE, "--view", "candidate", "--format", "ics", "--output", target)
    assert run.code == 0, run.err
    assert run.out == ""
    expected = cli(*BASE, "--view", "candidate", "--format", "ics").out
    assert target.read_bytes() == expected.encode("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["loop.ics"]


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_output_for_each_format(cli, tmp_path, fmt):
    target = tmp_path / f"plan.{fmt}"
    assert cli(*BASE, "--format", fmt, "-o", target).code == 0
    assert target.read_text(encoding="utf-8") == cli(*BASE, "--format", fmt).out
    assert "\x1b[" not in target.read_text(encoding="utf-8")


def test_output_into_a_missing_folder_is_a_usage_error(cli, tmp_path):
    run = cli(*BASE, "--output", tmp_path / "no" / "such" / "plan.md")
    assert run.code == 2
    assert re.search(r"--output .*plan\.md: No such file or directory", run.err)
    assert list(tmp_path.iterdir()) == []


def test_a_plan_written_as_json_excludes_its_questions_next_time(cli, tmp_path):
    first = tmp_path / "first.json"
    assert cli(*BASE, "--format", "json", "--output", first).code == 0
    before = {i["question"] for i in json.loads(first.read_text())["interviews"]}
    run = cli(*BASE, "--format", "json", "--exclude", first)
    assert run.code == 0, run.err
    after = json.loads(run.out)
    assert before.isdisjoint(i["question"] for i in after["interviews"])
    assert sorted(after["excluded"]) == sorted(before)


def test_same_seed_same_bytes_in_a_subprocess():
    args = (*BASE, "--view", "candidate", "--format", "markdown")
    first, second = run_subprocess(*args), run_subprocess(*args)
    assert first.code == 0 and first.err == ""
    assert first.out == second.out


def _readme_plan_examples():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Planning a loop", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(looptool plan [^\n]*)\n```\s*```text\n(.*?)\n```", section, flags=re.S)


def test_readme_plan_examples_are_real_output(cli):
    examples = _readme_plan_examples()
    assert len(examples) == 2
    for command, shown in examples:
        run = cli(*shlex.split(command)[1:], cwd=REPO)
        assert run.code == 0, run.err
        lines = iter(run.out.splitlines())
        for line in shown.splitlines():
            if line != "…":  # a trimmed stretch
                assert line in lines, (f"README is stale at {line!r}: paste the output of "
                                       f"`NO_COLOR=1 {command}` again (trim with lines of …)")
