"""The three views in the four formats, rendered from hand-built plans."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

import pytest
from icalendar import Calendar
from jsonschema import Draft202012Validator

from looptool.bank.model import TYPES, Interviewer
from looptool.bank.resources import schema_path
from looptool.plan import agenda
from looptool.plan.views import FORMATS, VIEWS, ViewError, document, render_plan
from looptool.safetext import CONTROLS

from handplans import DAY, bundled, hand_plan, scheduled

ANSI = re.compile(r"\x1b\[")


@pytest.fixture(scope="module")
def plan():
    return scheduled("senior", "backend-engineer", skipped={"lint errors": 3, "out of scope": 2},
                     excluded=["code-old-one"], score=21.0, best_possible=30.0, seed=7)


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(schema_path("plan").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


# -- every view in every format ----------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("view", VIEWS)
def test_every_view_renders_deterministically(plan, view, fmt):
    first = render_plan(plan, view, fmt)
    rebuilt = scheduled("senior", "backend-engineer", skipped={"out of scope": 2, "lint errors": 3},
                        excluded=["code-old-one"], score=21.0, best_possible=30.0, seed=7)
    assert first.strip()
    assert render_plan(rebuilt, view, fmt) == first
    assert not ANSI.search(first)


@pytest.mark.parametrize("view", VIEWS)
def test_json_matches_the_schema(validator, view):
    for level in ("intern", "junior", "senior", "staff"):
        for role in (None, "mlops"):
            for pool in (True, False):
                doc = json.loads(render_plan(scheduled(level, role, pool=pool), view, "json"))
                errors = [e.message for e in validator.iter_errors(doc)]
                assert errors == [], (level, role, pool, errors[:3])


def test_json_interviews_carry_the_contract_fields(plan):
    for view in ("panel", "interviewer"):
        doc = json.loads(render_plan(plan, view, "json"))
        first = doc["interviews"][0]
        assert {"type", "question", "start", "end", "duration_minutes", "interviewer"} <= first.keys()
        assert first["question"] == plan.interviews[0].question.id
        assert first["start"] == "2026-11-24T09:30" and first["end"] == "2026-11-24T10:15"
        assert first["duration_minutes"] == 45
        assert first["interviewer"]["handle"] == plan.interviews[0].interviewer.handle
    candidate = json.loads(render_plan(plan, "candidate", "json"))
    assert [i["type"] for i in candidate["interviews"]] == [i.type for i in plan.interviews]
    assert all("question" not in i and "title" not in i for i in candidate["interviews"])
    assert candidate["interviews"][0]["interviewer"] == {"name": plan.interviews[0].interviewer.name}
    assert not {"seed", "coverage", "skipped", "excluded", "progression", "score"} & candidate.keys()


def test_the_schema_rejects_a_question_in_the_candidate_view(plan, validator):
    doc = json.loads(render_plan(plan, "candidate", "json"))
    assert validator.is_valid(doc)
    leaked = json.loads(json.dumps(doc))
    leaked["interviews"][0]["question"] = plan.interviews[0].question.id
    assert not validator.is_valid(leaked)
    seeded = {**doc, "seed": 7}
    assert not validator.is_valid(seeded)


def _properties(node, path=()):
    """Every (path, schema) that sits under a ``properties`` keyword."""
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            yield (*path, name), sub
        for key, sub in node.items():
            yield from _properties(sub, (*path, key))
    elif isinstance(node, list):
        for index, sub in enumerate(node):
            yield from _properties(sub, (*path, index))


def test_the_schema_documents_every_property():
    schema = json.loads(schema_path("plan").read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith("/plan.schema.json") and schema["title"] and schema["description"]
    undocumented = [path for path, sub in _properties(schema) if not sub.get("description")]
    assert undocumented == []
    assert len(list(_properties(schema))) > 60


def _events(text):
    calendar = Calendar.from_ical(text)
    return [c for c in calendar.walk() if c.name == "VEVENT"]


@pytest.mark.parametrize("view", VIEWS)
def test_ics_has_one_event_per_interview_at_its_time(plan, view):
    text = render_plan(plan, view, "ics")
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    events = _events(text)
    assert len(events) == len(plan.interviews)
    for event, interview in zip(events, plan.interviews):
        assert event.decoded("dtstart") == interview.start
        assert event.decoded("dtend") == interview.end
        kind = document.kind_name(interview.type)
        if view == "candidate":
            assert str(event["summary"]) == f"Interview: {kind}"
        else:
            assert str(event["summary"]).startswith(kind) and interview.question.title in str(event["summary"])
    uids = [str(e["uid"]) for e in events]
    assert len(set(uids)) == len(uids) and all(u.endswith("@looptool") for u in uids)
    assert uids == [str(e["uid"]) for e in _events(render_plan(plan, view, "ics"))]


def test_ics_summary_and_description_follow_the_view(plan):
    panel = _events(render_plan(plan, "panel", "ics"))
    kits = _events(render_plan(plan, "interviewer", "ics"))
    candidate = _events(render_plan(plan, "candidate", "ics"))
    first = plan.interviews[0]
    assert first.question.title in str(panel[0]["summary"])
    assert first.question.signal in str(panel[0]["description"])
    assert first.question.prompt.strip() in str(kits[0]["description"])
    assert str(candidate[0]["summary"]) == "Interview: Coding"
    assert "What to expect:" in str(candidate[0]["description"])
    assert first.question.title not in str(candidate[0]["description"])
    # the same interview has a different event in each view's calendar
    assert len({str(panel[0]["uid"]), str(kits[0]["uid"]), str(candidate[0]["uid"])}) == 3


def test_ics_uids_change_with_the_day_and_the_interview(plan):
    moved = agenda.schedule(hand_plan("senior", "backend-engineer"), day=dt.date(2026, 11, 25))
    today = {str(e["uid"]) for e in _events(render_plan(plan, "candidate", "ics"))}
    tomorrow = {str(e["uid"]) for e in _events(render_plan(moved, "candidate", "ics"))}
    assert today.isdisjoint(tomorrow)


def _tables(markdown):
    """Each pipe table of a markdown text as a list of its lines."""
    tables, current = [], []
    for line in markdown.splitlines() + [""]:
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    return tables


def _cells(row):
    return re.split(r"(?<!\\)\|", row.strip())[1:-1]


@pytest.mark.parametrize("view", VIEWS)
def test_markdown_tables_are_well_formed(plan, view):
    text = render_plan(plan, view, "markdown")
    tables = _tables(text)
    assert tables
    for table in tables:
        width = len(_cells(table[0]))
        assert re.fullmatch(r"\|(---\|)+", table[1]) and len(_cells(table[1])) == width
        assert all(len(_cells(row)) == width for row in table), table
    assert text.startswith("# ") and text.endswith("\n") and not text.endswith("\n\n")


def test_markdown_escapes_pipes_and_newlines():
    plan = scheduled("intern")
    question = dataclasses.replace(plan.interviews[0].question, title="A | B\nC", signal="x|y\nz")
    plan.interviews[0] = dataclasses.replace(plan.interviews[0], question=question)
    text = render_plan(plan, "panel", "markdown")
    # a title is one line: its line break is escaped; a signal may run over lines
    assert "A \\| B\\\\nC" in text and "x\\|y<br>z" in text
    for table in _tables(text):
        assert len({len(_cells(row)) for row in table}) == 1


# -- what each view shows -------------------------------------------------------------------


def test_panel_text_shows_the_loop_for_the_hiring_manager(plan):
    text = render_plan(plan, "panel", "text", width=400)
    first = plan.interviews[0]
    for expected in ("Senior loop for Backend software engineer", "Tuesday 24 November 2026, 09:30-16:50",
                     "09:30-10:15", "13:30-14:15", "Lunch (45 min)", first.question.title, first.question.id,
                     first.question.signal, f"{first.interviewer.name}", f"({first.interviewer.handle})",
                     "Total: 7 h 20 min (7 interviews, 5 h 45 min of interviews)",
                     "at least 28 of 35, no interview below 2.",
                     "Skipped questions: 5 (3 lint errors, 2 out of scope)",
                     "Excluded by earlier plans: code-old-one", "Weighted coverage: 21 of 30 (seed 7)"):
        assert expected in text, expected
    shadowed = next(i for i in plan.interviews if i.shadow)
    assert f"+ {shadowed.shadow.name}" in text and f"({shadowed.shadow.handle}, {shadowed.shadow.training})" in text
    markdown = render_plan(plan, "panel", "markdown")
    assert (f"| {first.interviewer.name} ({first.interviewer.handle}) |" in markdown
            or f"| {first.interviewer.name} ({first.interviewer.handle})<br>+ " in markdown)
    assert f"<br>+ {shadowed.shadow.name} ({shadowed.shadow.handle}, {shadowed.shadow.training}) |" in markdown


def test_panel_coverage_marks_cells_twice_and_missing(plan):
    doc = json.loads(render_plan(plan, "panel", "json"))
    coverage = doc["coverage"]
    role = bundled().role("backend-engineer")
    assert [row["skill"] for row in coverage["skills"]] == sorted(role.in_scope,
                                                                  key=lambda s: (-role.in_scope[s], s))
    for row in coverage["skills"]:
        expected = [i.number for i in plan.interviews if row["skill"] in i.question.skills]
        assert row["interviews"] == expected and row["weight"] == role.in_scope[row["skill"]]
    assert coverage["covered_twice"] == [r["skill"] for r in coverage["skills"] if len(r["interviews"]) > 1]
    assert coverage["not_covered"] == [r["skill"] for r in coverage["skills"] if not r["interviews"]]
    assert coverage["covered_twice"] and coverage["not_covered"]
    tested = {s for i in plan.interviews for s in i.question.skills}
    assert set(coverage["outside_role"]) == tested - role.in_scope.keys()
    text = render_plan(plan, "panel", "text", width=200)
    row = next(r for r in coverage["skills"] if r["skill"] == coverage["covered_twice"][0])
    line = next(line for line in text.splitlines() if line.startswith(row["skill"] + " "))
    marks = line.split()[2:-1]
    assert [n for n, mark in enumerate(marks, 1) if mark == "x"] == row["interviews"]
    assert line.split()[-1] == str(len(row["interviews"]))
    assert "Not covered: " + ", ".join(coverage["not_covered"]) in text


def test_coverage_without_a_role_lists_every_tested_skill():
    doc = json.loads(render_plan(scheduled("intern"), "panel", "json"))
    tested = {s for i in doc["interviews"] for s in i["skills"]}
    assert {r["skill"] for r in doc["coverage"]["skills"]} == tested
    assert all(r["weight"] is None for r in doc["coverage"]["skills"])
    assert doc["coverage"]["not_covered"] == [] and doc["coverage"]["outside_role"] == []


def test_interviewer_kits_hold_everything_to_run_the_interview(plan):
    text = render_plan(plan, "interviewer", "text", width=2000)
    design = next(i for i in plan.interviews if i.question.scenario)
    q = design.question
    for expected in (q.title, q.prompt.split("\n")[0].strip(), q.scenario.need, *q.scenario.hooks,
                     *q.scenario.constraints, *q.scenario.tradeoffs, *q.follow_ups,
                     *[e for band in q.rubric for e in band.evidence], *[b.label for b in q.rubric],
                     "Progression", "at least 28 of 35"):
        assert expected.strip() in text, expected
    assert text.count("Interview ") >= len(plan.interviews)
    assert f"Interview {design.number} of 7 | {design.start:%H:%M}-{design.end:%H:%M} | System design" in text


def test_interviewer_view_for_one_handle(plan):
    person = plan.interviews[2].interviewer
    doc = json.loads(render_plan(plan, "interviewer", "json", handle=person.handle))
    assert doc["for"] == person.handle
    assert [i["number"] for i in doc["interviews"]] == [3]
    text = render_plan(plan, "interviewer", "markdown", handle=person.handle)
    assert "## Interview 3 of 7" in text and "## Interview 1 of 7" not in text
    shadowed = next(i for i in plan.interviews if i.shadow)
    kits = json.loads(render_plan(plan, "interviewer", "json", handle=shadowed.shadow.handle))["interviews"]
    assert [k["number"] for k in kits] == [shadowed.number]


@pytest.mark.parametrize("call, message", [
    (lambda p: render_plan(p, "interviewer", "text", handle="nobody"), "nobody runs no interview in this loop"),
    (lambda p: render_plan(p, "panel", "text", handle="fmensah"), "use it with --view interviewer"),
    (lambda p: render_plan(p, "audience", "text"), "unknown view `audience`"),
    (lambda p: render_plan(p, "panel", "pdf"), "unknown format `pdf`"),
    (lambda p: render_plan(hand_plan("intern"), "panel", "text"), "schedule it first"),
    (lambda p: render_plan(dataclasses.replace(p, interviews=[]), "candidate", "ics"), "the plan has no interviews"),
    (lambda p: render_plan(scheduled("intern", pool=False), "interviewer", "json", handle="x"),
     "this plan has no interviewers"),
])
def test_view_errors(plan, call, message):
    with pytest.raises(ViewError, match=re.escape(message)):
        call(plan)


def test_candidate_view_is_the_day_and_what_each_kind_is_like(plan):
    text = render_plan(plan, "candidate", "text", width=200)
    for expected in ("Your interview day: Senior loop for Backend software engineer", "09:30-10:15",
                     "Coding (45 min)", "Lunch (45 min)", "What each interview is like", "Project deep dive",
                     document.kinds()["project-deep-dive"]["summary"], plan.interviews[0].interviewer.name):
        assert expected in text, expected
    assert plan.interviews[0].interviewer.handle not in text
    doc = json.loads(render_plan(plan, "candidate", "json"))
    assert [k["type"] for k in doc["kinds"]] == list(dict.fromkeys(i.type for i in plan.interviews))


def test_every_type_has_a_candidate_description():
    kinds = document.kinds()
    assert set(kinds) == set(TYPES)
    for entry in kinds.values():
        assert entry["name"] and len(entry["summary"]) > 40 and entry["expect"] and entry["helps"]


def test_text_is_plain_unless_colour_is_asked_for(plan):
    plain = render_plan(plan, "panel", "text")
    assert not ANSI.search(plain)
    assert all(len(line) <= 100 and line == line.rstrip() for line in plain.splitlines())
    assert ANSI.search(render_plan(plan, "panel", "text", color=True))
    narrow = render_plan(plan, "candidate", "text", width=72)
    assert max(map(len, narrow.splitlines())) <= 72


def test_question_text_is_not_read_as_markup():
    plan = scheduled("intern")
    question = dataclasses.replace(plan.interviews[0].question, title="Parse [bold]x[/bold] and [red]")
    plan.interviews[0] = dataclasses.replace(plan.interviews[0], question=question)
    assert "Parse [bold]x[/bold] and [red]" in render_plan(plan, "panel", "text", width=300)


def test_a_plan_without_interviewers_says_unassigned():
    plan = scheduled("junior", pool=False)
    assert "unassigned" in render_plan(plan, "panel", "text")
    candidate = json.loads(render_plan(plan, "candidate", "json"))
    assert all(i["interviewer"] is None for i in candidate["interviews"])


def test_the_day_line_ignores_the_locale(plan, monkeypatch):
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    assert "Tuesday 24 November 2026" in render_plan(plan, "candidate", "markdown")


def test_day_fixture_is_the_project_today():
    assert DAY == dt.date(2026, 11, 24)


HOSTILE = "Evil\x1b[2J\x1b]0;pwned\x07\x00\r\nSUMMARY:forged\u2028x\x9b"


@pytest.mark.parametrize("view", ["panel", "interviewer", "candidate"])
@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "ics"])
def test_no_view_prints_a_control_character_from_the_bank(view, fmt):
    """ESC sequences, NUL, CR/LF in a title or an interviewer's name reach no output raw."""
    plan = scheduled("intern")
    question = dataclasses.replace(plan.interviews[0].question, title=HOSTILE, signal="ok\x1b[31m")
    lead = Interviewer(handle="ada", name=HOSTILE, level="senior", qualified_for=[plan.interviews[0].type])
    plan.interviews[0] = dataclasses.replace(plan.interviews[0], question=question, interviewer=lead)
    out = render_plan(plan, view, fmt)
    allowed = {"\n", "\t"} | ({"\r"} if fmt == "ics" else set())  # iCalendar lines end in CRLF
    assert not {c for c in out if CONTROLS.match(c)} - allowed
    assert "\nSUMMARY:forged" not in out.replace("\r\n", "\n")
