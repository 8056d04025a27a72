"""Each view of a scheduled plan as one plain document: the JSON shape.

Every format renders the document of its view, never the plan itself, so
what a view may show is decided here once. The candidate document is built
from the schedule, the interview types and the interviewers only: nothing
from a question (not even its id or the seed that chose it) ever enters it,
so no format can leak one. ``schemas/plan.schema.json`` documents the shape.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from looptool.bank.catalogues import bundled
from looptool.bank.model import SCORE_MAX, SCORE_MIN, Interviewer, Question
from looptool.plan import agenda, workdays, zones
from looptool.plan.result import Interview, Plan
from looptool.safetext import escape_controls

SCHEMA_ID = "https://looptool.dev/schemas/plan.schema.json"
VIEWS = ("panel", "interviewer", "candidate")


class ViewError(ValueError):
    """A view that cannot be built as asked (the CLI reports it, exit 2)."""


@cache
def kinds() -> dict[str, dict]:
    """Interview type -> what it is like, for the candidate (data/interview_kinds.yaml)."""
    return {entry["type"]: entry for entry in bundled("interview_kinds")}


def kind_name(interview_type: str) -> str:
    entry = kinds().get(interview_type)
    return entry["name"] if entry else interview_type.replace("-", " ").capitalize()


def variant_of(question: Question) -> dict | None:
    """The first of the type's ``variants`` whose ``when`` (question fields: ``flavor``,
    ``method_provided``) the picked question matches: what the candidate is told depends on the
    format of the question, never on the question itself."""
    for variant in kinds().get(question.type, {}).get("variants", ()):
        if all(getattr(question, key) == value for key, value in variant["when"].items()):
            return variant
    return None


# keys whose text is one line (names, titles, ids): a line break there is escaped too, so it cannot
# start a forged line of the agenda, a Markdown table row or a calendar property
SINGLE_LINE = frozenset({"title", "name", "handle", "id", "question", "for", "kind", "level", "training",
                         "type", "summary", "email", "timezone", "location", "organizer"})


def build(plan: Plan, view: str = "panel", handle: str | None = None) -> dict:
    """The document of ``view`` for a scheduled ``plan`` (only ``handle``'s kits when given), with
    every control character in its text escaped: each format prints the document, so none can
    print one raw."""
    return _escaped(_document(plan, view, handle))


def _escaped(value, key: str | None = None):
    if isinstance(value, str):
        return escape_controls(value, keep="" if key in SINGLE_LINE else "\n\t")
    if isinstance(value, dict):
        return {k: _escaped(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_escaped(item, key) for item in value]
    return value


def _document(plan: Plan, view: str, handle: str | None) -> dict:
    if view not in VIEWS:
        raise ViewError(f"unknown view `{view}`; expected one of: {', '.join(VIEWS)}")
    if not plan.interviews:
        raise ViewError("the plan has no interviews")
    if not agenda.is_scheduled(plan):
        raise ViewError("the plan has no times yet; schedule it first (agenda.schedule)")
    if handle is not None and view != "interviewer":
        raise ViewError("--for HANDLE picks interviewer kits; use it with --view interviewer")
    interviews = plan.interviews
    if handle is not None:
        interviews = [i for i in interviews if handle in _handles(i)]
        if not interviews:
            raise ViewError(_no_interviews_for(plan, handle))
    doc = {
        "$schema": SCHEMA_ID,
        "view": view,
        "level": plan.level,
        "loop": {"id": plan.template.id, "title": plan.template.title or f"{plan.level.capitalize()} loop",
                 "roles": list(plan.template.roles)},
        "role": {"id": plan.role.id, "title": plan.role.title} if plan.role else None,
        "date": plan.day.isoformat(),
        "start": _time(agenda.first_start(plan)),
        "end": _time(agenda.last_end(plan)),
        "total_minutes": agenda.total_minutes(plan),
        "interview_minutes": agenda.interview_minutes(plan),
        "interview_count": len(plan.interviews),
        "breaks": [{**_break(b), **_local_times(plan)(b)} for b in plan.breaks],
        "timezone": plan.timezone,
        "dates": [day.isoformat() for day in plan.days or [plan.day]],
        "candidate": _candidate(plan, view),
        "accommodations": accommodations(plan),
        "organizer": plan.organizer,
        "location": plan.location,
    }
    local = _local_times(plan)
    if view == "candidate":
        doc["interviews"] = [{**_candidate_interview(i), **local(i)} for i in interviews]
        doc["kinds"] = [_kind(t, variant) for t, variant in dict.fromkeys(
            (i.type, (variant_of(i.question) or {}).get("id")) for i in interviews)]
        for item in doc["interviews"]:
            item["location"] = item["location"] or plan.location
        return doc
    doc["progression"] = progression(plan)
    if view == "panel":
        doc["interviews"] = [{**_panel_interview(i), **local(i)} for i in interviews]
        used, allowed = agenda.budget(plan)
        doc.update(seed=plan.seed, score=plan.score, best_possible=plan.best_possible,
                   coverage=coverage(plan), skipped=_skipped(plan), excluded=list(plan.excluded),
                   budget={"interview_minutes": used, "budget_minutes": allowed},
                   notices=list(plan.notices), must_cover=list(plan.must_cover))
    else:
        doc["for"] = handle
        doc["interviews"] = [{**_kit(i), **local(i)} for i in interviews]
    for item in doc["interviews"]:
        item["location"] = item["location"] or plan.location
    return doc


def _candidate(plan: Plan, view: str) -> dict | None:
    """Who the loop is for: their name and zone; their email only on their own copy."""
    person = plan.candidate
    if person is None or not (person.name or person.email or person.timezone):
        return None
    out = {"name": person.name, "timezone": person.timezone}
    if view == "candidate":
        out["email"] = person.email
    return out


def accommodations(plan: Plan) -> dict | None:
    """The candidate's accommodations, and each said plainly, or None when they asked for none."""
    if plan.candidate is None:
        return None
    extra = plan.candidate.accommodations
    said = []
    if extra.extra_time > 1:
        said.append(f"Every interview is {extra.extra_time:g} times its usual length (extra time).")
    if extra.break_minutes is not None:
        said.append(f"There are at least {extra.break_minutes} minutes between two interviews.")
    if extra.latest_end is not None:
        said.append(f"Each day ends by {extra.latest_end}" + (f" ({plan.timezone} time)." if plan.timezone else "."))
    if extra.days > 1:
        said.append(f"The interviews are split over {extra.days} days.")
    if not said:
        return None
    return {"extra_time": extra.extra_time, "break_minutes": extra.break_minutes,
            "latest_end": extra.latest_end, "days": extra.days, "statement": said}


def _span_in(start, end, timezone: str) -> dict:
    zone = zones.get_zone(timezone)
    return {"timezone": timezone, "start": _time(start.astimezone(zone)), "end": _time(end.astimezone(zone))}


def _local_times(plan: Plan):
    """Per interview or break: the candidate's local time where their zone is not the loop's
    (``candidate_time``), else nothing."""
    zone = plan.candidate.timezone if plan.candidate is not None else None
    if not zone or not plan.timezone or zone == plan.timezone or not plan.interviews:
        return lambda interview: {}
    return lambda interview: {"candidate_time": _span_in(interview.start, interview.end, zone)}


def _handles(interview: Interview) -> list[str]:
    return [p.handle for p in (interview.interviewer, interview.shadow) if p is not None]


def _no_interviews_for(plan: Plan, handle: str) -> str:
    staffed = sorted({h for i in plan.interviews for h in _handles(i)})
    if not staffed:
        return f"--for {handle}: this plan has no interviewers (give an interviewer pool)"
    return f"--for {handle}: {handle} runs no interview in this loop (interviewers: {', '.join(staffed)})"


def _time(value) -> str:
    return value.isoformat(timespec="minutes")


def _break(b) -> dict:
    return {"start": _time(b.start), "end": _time(b.end),
            "minutes": agenda.elapsed(b.start, b.end), "lunch": b.lunch}


def _kind(interview_type: str, variant: str | None = None) -> dict:
    entry = kinds().get(interview_type, {})
    chosen = next((v for v in entry.get("variants", ()) if v["id"] == variant), {})
    entry = {**entry, **{k: v for k, v in chosen.items() if k not in ("id", "when")}}
    return {"type": interview_type, "variant": variant, "name": entry.get("name") or kind_name(interview_type),
            "summary": entry.get("summary", ""), "expect": list(entry.get("expect", [])),
            "helps": list(entry.get("helps", []))}


UNNAMED = "an interviewer"  # the candidate's word for a pool entry without a name


def _person(person: Interviewer | None, public: bool = False, interview: Interview | None = None) -> dict | None:
    if person is None:
        return None
    if public:  # what a candidate may see: the name only, never a handle, even for want of a name
        return {"name": person.name or UNNAMED}
    local = None
    if person.timezone and interview is not None and interview.start is not None and interview.start.tzinfo:
        if person.timezone != zones.zone_name(interview.start.tzinfo):
            local = _span_in(interview.start, interview.end, person.timezone)
    return {"handle": person.handle, "name": person.name or person.handle, "level": person.level,
            "training": person.training, "email": person.email, "timezone": person.timezone,
            "local_time": local}


def _common(interview: Interview, public: bool = False) -> dict:
    return {
        "number": interview.number,
        "type": interview.type,
        "kind": kind_name(interview.type),
        "start": _time(interview.start),
        "end": _time(interview.end),
        "duration_minutes": interview.duration_minutes,
        "planned_minutes": interview.planned_minutes,
        "interviewer": _person(interview.interviewer, public, interview),
        "shadow": _person(interview.shadow, public, interview),
        "location": (interview.interviewer.location if interview.interviewer else None),
    }


def _candidate_interview(interview: Interview) -> dict:
    variant = variant_of(interview.question)  # the question's format only: its wording never enters
    out = _common(interview, public=True)
    if variant is not None:
        out["kind"] = variant["name"]
    return {**out, "variant": variant["id"] if variant else None}


def _panel_interview(interview: Interview) -> dict:
    q = interview.question
    return {**_common(interview), "question": q.id, "flavor": q.flavor, "stage": q.stage,
            "title": q.title, "signal": q.signal, "skills": list(q.skills)}


def _kit(interview: Interview) -> dict:
    q: Question = interview.question
    scenario = None
    if q.scenario is not None:
        s = q.scenario
        scenario = {"need": s.need, "stakeholders": list(s.stakeholders), "constraints": list(s.constraints),
                    "hooks": list(s.hooks), "tradeoffs": list(s.tradeoffs)}
    rubric = [{"min": b.min, "max": b.max, "label": b.label, "evidence": list(b.evidence)}
              for b in q.rubric or []]
    return {**_panel_interview(interview), "prompt": q.prompt, "scenario": scenario,
            "follow_ups": list(q.follow_ups), "rubric": rubric, "notes": q.notes,
            "references": list(q.references)}


def progression(plan: Plan) -> dict:
    rule = plan.template.progression
    count = len(plan.interviews)
    max_total = SCORE_MAX * count
    summary = (f"Score each interview {SCORE_MIN}-{SCORE_MAX}. The candidate progresses with a total of at "
               f"least {rule.pass_total} of {max_total}")
    summary += f", no interview below {rule.min_each}." if rule.min_each else "."
    return {"score_min": SCORE_MIN, "score_max": SCORE_MAX, "pass_total": rule.pass_total,
            "max_total": max_total, "min_each": rule.min_each, "summary": summary, "note": rule.note}


def coverage(plan: Plan) -> dict:
    """The role's in-scope skills (every tested skill without a role) x interview numbers."""
    tested = plan.coverage()
    weights = plan.role.in_scope if plan.role else {}
    skills = [s for s in tested if s in weights] if plan.role else list(tested)
    rows = [{"skill": s, "weight": weights.get(s), "interviews": tested[s]} for s in skills]
    return {
        "skills": rows,
        "covered_twice": [r["skill"] for r in rows if len(r["interviews"]) >= 2],
        "not_covered": [r["skill"] for r in rows if not r["interviews"]],
        "outside_role": [s for s in tested if plan.role and s not in weights],
    }


def _skipped(plan: Plan) -> dict:
    reasons = sorted(plan.skipped.items(), key=lambda kv: (-kv[1], kv[0]))
    return {"total": sum(plan.skipped.values()),
            "reasons": [{"reason": reason, "count": count} for reason, count in reasons]}


# -- the parts of one interview, shared by the formats ---------------------------------------


@dataclass
class Part:
    """One labelled piece of an interview's description: text, a list or a rubric."""

    label: str
    text: str = ""
    items: tuple = ()
    rubric: tuple = ()


def person_text(person: dict | None) -> str:
    if person is None:
        return "unassigned"
    handle = person.get("handle")
    return f"{person['name']} ({handle})" if handle and handle != person["name"] else person["name"]


def interviewers_text(item: dict) -> str:
    """``Lead (handle)`` and the trainee on a second line; for the candidate, the two names."""
    text = person_text(item["interviewer"])
    shadow = item.get("shadow")
    if shadow and "handle" in shadow:
        text += f"\n+ {shadow['name']} ({shadow['handle']}, {shadow['training']})"
    elif shadow:  # the candidate meets both; who leads and who learns is the panel's business
        text += f" and {shadow['name']}"
    return text


def kind_label(item: dict) -> str:
    return f"{item['kind']} ({item['flavor']})" if item.get("flavor") else item["kind"]


def interviewer_lines(item: dict) -> str:
    """The panel's compact form: the lead's name, handle, and any trainee, one per line."""
    out = []
    for person, mark in ((item["interviewer"], ""), (item.get("shadow"), "+ ")):
        if person:
            out.append(f"{mark}{person['name']}\n({person['handle']}{', ' + person['training'] if mark else ''})")
    return "\n".join(out) or "unassigned"


def parts(doc: dict, item: dict) -> list[Part]:
    """What ``doc``'s view says about one interview, in reading order."""
    view = doc["view"]
    if view == "candidate":
        kind = next(k for k in doc["kinds"] if (k["type"], k["variant"]) == (item["type"], item["variant"]))
        out = [Part("With", interviewers_text(item))] if item["interviewer"] else []
        return out + kind_parts(kind)
    out = [Part("Question", f"{item['title']} [{item['question']}]"), Part("Interviewer", interviewers_text(item)),
           Part("What it tests", item["signal"]), Part("Skills", ", ".join(item["skills"]))]
    if view == "panel":
        return out
    out[1:1] = [Part("Time", time_text(doc, item)), *[Part("Your time", text) for text in local_time_lines(item)]]
    if item.get("location"):
        out.insert(1, Part("Where", item["location"]))
    out.append(Part("Prompt", item["prompt"]))
    scenario = item.get("scenario")
    if scenario:
        out.append(Part("Need", scenario["need"]))
        for key, label in (("stakeholders", "Stakeholders"), ("constraints", "Constraints"),
                           ("hooks", "Hooks (questions a strong candidate asks)"), ("tradeoffs", "Trade-offs")):
            if scenario[key]:
                out.append(Part(label, items=tuple(scenario[key])))
    if item["follow_ups"]:
        out.append(Part("Follow-ups", items=tuple(item["follow_ups"])))
    if item["rubric"]:
        out.append(Part("Rubric", rubric=tuple(item["rubric"])))
    if item["notes"]:
        out.append(Part("Notes", item["notes"]))
    if item["references"]:
        out.append(Part("References", items=tuple(item["references"])))
    out.append(Part("Progression", doc["progression"]["summary"]))
    return out


def time_text(doc: dict, item: dict) -> str:
    """How long the interview has, in the kit: with extra time, that it is longer than usual."""
    when = f"{span(item)}{zone_label(doc)}, {duration(item['duration_minutes'])}"
    if item["duration_minutes"] > item["planned_minutes"]:
        extra = (doc.get("accommodations") or {}).get("extra_time", 1)
        when += (f": the candidate has extra time ({extra:g} times the usual {duration(item['planned_minutes'])}); "
                 f"the interview has the full {duration(item['duration_minutes'])}, so pace the question to it")
    return when


def local_time_lines(item: dict) -> list[str]:
    """Each interviewer's own local time, where their zone is not the loop's."""
    out = []
    for person in (item.get("interviewer"), item.get("shadow")):
        local = (person or {}).get("local_time")
        if local:
            out.append(f"{person['name']}: {span(local)} {local['timezone']} time")
    return out


def kind_parts(kind: dict) -> list[Part]:
    """What one kind of interview is like, for the candidate."""
    return [Part("What it is like", kind["summary"]), Part("What to expect", items=tuple(kind["expect"])),
            Part("What helps", items=tuple(kind["helps"]))]


def band_range(band: dict) -> str:
    return str(band["min"]) if band["min"] == band["max"] else f"{band['min']}-{band['max']}"


def plain_lines(doc: dict, item: dict) -> list[str]:
    """The parts of one interview as plain text lines (calendar descriptions)."""
    lines: list[str] = []
    for part in parts(doc, item):
        if part.text:
            lines.append(f"{part.label}: {part.text.strip()}")
            continue
        lines.append(f"{part.label}:")
        lines += [f"- {entry}" for entry in part.items]
        for band in part.rubric:
            label = f" {band['label']}" if band["label"] else ""
            lines.append(f"- {band_range(band)}{label}: " + "; ".join(band["evidence"]))
    return lines


def clock(value: str) -> str:
    """``HH:MM`` of an ISO local date-time."""
    return value[11:16]


def span(entry: dict) -> str:
    return f"{clock(entry['start'])}-{clock(entry['end'])}"


def duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest:02d} min" if rest else f"{hours} h"


def timeline(doc: dict) -> list[tuple[str, dict]]:
    """Interviews and breaks in time order, as ("interview" | "break", entry)."""
    entries = [("interview", i) for i in doc["interviews"]] + [("break", b) for b in doc["breaks"]]
    return sorted(entries, key=lambda e: (e[1]["start"], e[0] == "interview"))


def heading(doc: dict) -> str:
    role = f" for {doc['role']['title']}" if doc["role"] else ""
    return f"{doc['loop']['title']}{role}"


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def long_date(iso: str) -> str:
    """``Tuesday 24 November 2026``, the same whatever the locale."""
    day = dt.date.fromisoformat(iso)
    return f"{workdays.DAY_NAMES[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def zone_label(doc: dict) -> str:
    """`` Europe/London time`` (with a leading space), or nothing for a plan without a zone."""
    return f" {doc['timezone']} time" if doc.get("timezone") else ""


def day_line(doc: dict) -> str:
    dates = doc.get("dates") or [doc["date"]]
    length = f"({duration(doc['total_minutes'])}, {duration(doc['interview_minutes'])} of interviews)"
    if len(dates) > 1:
        return f"{' and '.join(map(long_date, dates))}, from {clock(doc['start'])}{zone_label(doc)} {length}"
    return f"{long_date(doc['date'])}, {clock(doc['start'])}-{clock(doc['end'])}{zone_label(doc)} {length}"


def context_lines(doc: dict) -> list[str]:
    """Below the day line: the candidate's zone where it is not the loop's, the accommodations,
    and where the interviews happen."""
    lines = []
    candidate = doc.get("candidate") or {}
    zone = candidate.get("timezone")
    if zone and doc.get("timezone") and zone != doc["timezone"]:
        first, last = doc["interviews"][0].get("candidate_time"), doc["interviews"][-1].get("candidate_time")
        if doc["view"] == "candidate":
            lines.append(f"Your local time ({zone}): {clock(first['start'])}-{clock(last['end'])}, shown beside "
                         "each interview.")
        elif first and last:
            lines.append(f"Candidate's local time ({zone}): {clock(first['start'])}-{clock(last['end'])}.")
    extra = doc.get("accommodations")
    if extra:
        who = "" if doc["view"] == "candidate" else "Candidate's accommodations: "
        lines.append(who + " ".join(extra["statement"]))
    if doc.get("location"):
        lines.append(f"Where: {doc['location']}")
    return lines


# -- tables and summary lines, shared by the text and markdown formats --------------------------


def agenda_table(doc: dict, compact: bool = False,
                 narrow: bool = False) -> tuple[list[str], list[tuple[bool, list[str]]]]:
    """The columns of the view's agenda and its rows as (is_break, cells), in time order.

    ``compact`` (text tables) puts what an interview tests under the question
    title instead of in a column of its own, and names and handles on lines of
    their own; ``narrow`` (text under 100 columns) also puts the interviewers
    under the interview's kind, leaving the room to the question. The
    candidate's local time, where their zone is not the loop's, is a column
    of the candidate's agenda and a line under each time in the others. A
    loop split over several days has a row naming each day.
    """
    zone = (doc.get("candidate") or {}).get("timezone")
    theirs = any("candidate_time" in entry for entry in doc["interviews"])
    if doc["view"] == "candidate":
        columns = ["Time", *(["Your time"] if theirs else []), "Interview", "With"]
    elif narrow:
        columns = ["#", "Time", "Interview", "Question"]
    else:
        columns = ["#", "Time", "Interview", "Interviewer", "Question", "What it tests"][:5 if compact else 6]
    rows = []
    days = doc.get("dates") or [doc["date"]]
    day = None
    for what, entry in timeline(doc):
        if len(days) > 1 and entry["start"][:10] != day:
            day = entry["start"][:10]
            label = f"Day {days.index(day) + 1}: {long_date(day)}" if day in days else long_date(day)
            # in the widest column, so a day's name never widens the time column
            at = columns.index("Question" if "Question" in columns else "Interview")
            rows.append((True, [""] * at + [label]))
        if what == "break":
            local = span(entry["candidate_time"]) if "candidate_time" in entry else ""
            cells = [span(entry), *([local] if theirs and doc["view"] == "candidate" else []),
                     f"{'Lunch' if entry['lunch'] else 'Break'} ({duration(entry['minutes'])})"]
            rows.append((True, cells if doc["view"] == "candidate" else ["", *cells]))
        elif doc["view"] == "candidate":
            local = [span(entry["candidate_time"])] if theirs else []
            rows.append((False, [span(entry), *local, f"{entry['kind']} ({duration(entry['duration_minutes'])})",
                                 interviewers_text(entry) if entry["interviewer"] else ""]))
        else:
            question = f"{entry['title']} [{entry['question']}]"
            people = interviewer_lines(entry) if compact else interviewers_text(entry)
            tested = [f"{question}\nSignal: {entry['signal']}"] if compact else [question, entry["signal"]]
            when = f"{span(entry)}\n{duration(entry['duration_minutes'])}"
            if "candidate_time" in entry:
                when += f"\ncand. {span(entry['candidate_time'])}"
            if narrow:
                rows.append((False, [str(entry["number"]), when, f"{kind_label(entry)}\n{people}", tested[0]]))
            else:
                rows.append((False, [str(entry["number"]), when, kind_label(entry), people, *tested]))
    return columns, [(is_break, cells + [""] * (len(columns) - len(cells))) for is_break, cells in rows]


def question_ids(doc: dict) -> list[str]:
    """The ``[id]`` tokens the agenda prints (a text table keeps each on one line)."""
    return [f"[{entry['question']}]" for entry in doc["interviews"] if "question" in entry]


def coverage_table(doc: dict) -> tuple[list[str], list[list[str]]]:
    """Skill x interview number, ``x`` where the interview tests the skill, and how often."""
    numbers = [i["number"] for i in doc["interviews"]]
    columns = ["Skill", "Weight", *map(str, numbers), "Times"]
    rows = [[row["skill"], "" if row["weight"] is None else str(row["weight"]),
             *["x" if n in row["interviews"] else "." for n in numbers], str(len(row["interviews"]))]
            for row in doc["coverage"]["skills"]]
    return columns, rows


def coverage_lines(doc: dict) -> list[str]:
    coverage = doc["coverage"]
    pairs = (("Covered twice or more", "covered_twice"), ("Not covered", "not_covered"),
             ("Also tests (outside the role)", "outside_role"))
    return [f"{label}: {', '.join(coverage[key]) or 'none'}" for label, key in pairs]


def summary_lines(doc: dict) -> list[str]:
    """Total length, progression rule, skipped and excluded questions, coverage score."""
    skipped = doc["skipped"]
    reasons = ", ".join(f"{r['count']} {r['reason']}" for r in skipped["reasons"])
    lines = [
        template_line(doc),
        f"Total: {duration(doc['total_minutes'])} ({len(doc['interviews'])} interviews, "
        f"{duration(doc['interview_minutes'])} of interviews)",
        f"Progression: {doc['progression']['summary']}",
        f"Skipped questions: {skipped['total']}" + (f" ({reasons})" if reasons else ""),
    ]
    budget = doc.get("budget") or {}
    if budget.get("budget_minutes") is not None:
        extra = (doc.get("accommodations") or {}).get("extra_time", 1)
        why = f", stretched {extra:g} times for the candidate's extra time" if extra > 1 else ""
        over = budget["interview_minutes"] > budget["budget_minutes"]
        lines.append(f"Time budget: {budget['interview_minutes']} of {budget['budget_minutes']} minutes of "
                     f"interviews{why}" + (" (over budget)" if over else ""))
    for notice in doc.get("notices", []):
        lines.append(f"Note: {notice}")
    if doc["excluded"]:
        lines.append(f"Excluded by earlier plans: {', '.join(doc['excluded'])}")
    if doc["must_cover"]:
        lines.append(f"Must cover: {', '.join(doc['must_cover'])} (all covered)")
    if doc["best_possible"]:
        lines.append(f"Weighted coverage: {doc['score']:g} of {doc['best_possible']:g} (seed {doc['seed']})")
    return lines


def template_line(doc: dict) -> str:
    """Which loop template the plan used: the role's own, or the level's general one."""
    roles = doc["loop"]["roles"]
    whose = f"for {', '.join(roles)}" if roles else f"the general {doc['level']} template"
    return f"Loop template: {doc['loop']['id']} ({whose})"


def kit_title(doc: dict, item: dict) -> str:
    when = span(item) if len(doc.get("dates") or ()) < 2 else f"{long_date(item['start'][:10])}, {span(item)}"
    return (f"Interview {item['number']} of {doc['interview_count']} | {when} | {kind_label(item)} "
            f"({duration(item['duration_minutes'])})")
