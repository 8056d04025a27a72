"""``looptool plan`` end to end: read the bank, the pool and the exclusions,
decide which questions are blocked, plan, schedule and render.

The command line fills a :class:`PlanRequest` and calls :func:`run`; bad
input of any kind (files, dates, times, views) becomes a ``UsageError``
(exit 2), a loop the bank or pool cannot fill a ``PlanError`` (exit 1).
This is the layer that reads files and runs the linter; the planner itself
(:func:`looptool.plan.planner.make_plan`) only takes data.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from looptool.bank.candidate import Candidate, read_candidate
from looptool.bank.load import Bank, UsageError, discover
from looptool.bank.loader import load_text
from looptool.bank.model import LoopTemplate, Role
from looptool.bank.resources import bundled_bank
from looptool.commands import schedule
from looptool.errors import did_you_mean
from looptool.fsutil import refuse_inputs
from looptool.lint import registry, stamp
from looptool.lint.config import ConfigError, Settings, load_settings
from looptool.lint.linter import Context, check_bank, read_bank, selected_rules
from looptool.lint.rules import duplicate_id, encoding_error, syntax_error, too_complex, unreadable_file
from looptool.plan import agenda
from looptool.plan.planner import EXCLUDED, LINT_ERRORS, make_plan, possible_questions
from looptool.plan.result import Plan
from looptool.plan.search import NODE_BUDGET
from looptool.plan import views


@dataclass
class PlanRequest:
    level: str
    role: str | None = None
    bank: list = field(default_factory=list)  # paths; empty: the bundled bank
    interviewers: Path | None = None
    seed: int = 0
    exclude: list = field(default_factory=list)  # paths of earlier plans or id lists
    candidate: Path | None = None  # --candidate: the candidate file
    pins: list = field(default_factory=list)  # --pin SLOT=QUESTION_ID, as given
    today: dt.date | None = None  # for lint rules that date things (default: today)
    day: dt.date | None = None  # the interview day (default: the working day after --today, else today)
    timezone: str | None = None  # --timezone: the loop's IANA zone (default: config, else the system's)
    start: str = "09:30"
    break_minutes: int | None = None  # default: the template's
    lunch_after: int | None = None
    lunch_minutes: int | None = None
    view: str = "panel"
    handle: str | None = None  # --for: one interviewer's kits
    fmt: str = "text"
    color: bool = False
    width: int | None = None  # text columns (None: the text view's fixed default, for files and pipes)
    output: Path | None = None  # --output: checked here never to be one of the files read


def load_pool(path) -> list:
    """The interviewers of a pool file; any problem in it is a usage error, a handle listed twice
    included: the weekly cap is counted per entry, so a second entry would double it."""
    pool_bank, findings = read_bank([path], fallback=False)
    rule = registry.find(duplicate_id.CODE)
    twice = [stamp.from_check(rule, problem, problem.at) for problem in duplicate_id.check(pool_bank, None)]
    errors = [f for f in findings if f.level == "error"] + twice
    if errors:
        first = errors[0]
        more = f" (and {len(errors) - 1} more; run `looptool lint {path}`)" if len(errors) > 1 else ""
        raise UsageError(f"--interviewers: {first.file}:{first.line}:{first.column}: {first.message}{more}")
    if not pool_bank.interviewers:
        raise UsageError(f"--interviewers {path}: no interviewers (expected an `interviewers:` section)")
    return pool_bank.interviewers


def _settings(paths):
    try:
        return load_settings(paths)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


# what the loader reports when a file's content is lost: unreadable, not text, not YAML, too complex
_LOST = {rule.CODE for rule in (unreadable_file, syntax_error, encoding_error, too_complex)}


def _unread(bank, findings) -> list:
    """Findings about bank files of which nothing was read: planning without them would quietly
    leave their questions out."""
    read = {document.file for document in bank.documents}
    return [f for f in findings if f.code in _LOST and f.file not in read]


def build(request: PlanRequest, warn=lambda message: None, pool=None) -> Plan:
    """The planned and scheduled loop; ``warn`` hears what the user should know (a weekend day).
    ``pool``: the interviewers already read from ``request.interviewers`` (read here if not)."""
    try:
        start = agenda.parse_time(request.start)
    except agenda.AgendaError as exc:
        raise UsageError(f"--start: {exc}") from None
    paths = list(request.bank) or [bundled_bank()]
    bank, findings = read_bank(paths)
    unread = _unread(bank, findings)
    if unread:
        first = unread[0]
        raise UsageError(f"{first.file}:{first.line}:{first.column}: {first.message}; the questions in it "
                         f"cannot be planned (see `looptool lint {first.file}`)")
    if pool is None and request.interviewers:
        pool = load_pool(request.interviewers)
    candidate = read_candidate(request.candidate) if request.candidate else Candidate()
    excluded = load_excludes(request.exclude) | set(candidate.seen)
    today = request.today or dt.date.today()
    settings = _settings(paths)
    plan = plan_loop(bank, request.level, request.role, seed=request.seed, exclude=excluded, pool=pool,
                     load_findings=findings, today=today, settings=settings,
                     background=candidate.background, pins=request.pins)
    return schedule.arrange(plan, start=start, day=request.day, today=today, timezone=request.timezone,
                            settings=settings, candidate=candidate, pool=pool,
                            break_minutes=request.break_minutes, lunch_after=request.lunch_after,
                            lunch_minutes=request.lunch_minutes, warn=warn)


def render(plan: Plan, request: PlanRequest) -> str:
    try:
        return views.render_plan(plan, request.view, request.fmt, request.handle, color=request.color,
                           width=request.width)
    except views.ViewError as exc:
        raise UsageError(str(exc)) from None


def run(request: PlanRequest, warn=lambda message: None) -> str:
    """The rendered loop; checks the view and format before doing any work."""
    if request.view not in views.VIEWS:
        raise UsageError(f"--view: expected one of {', '.join(views.VIEWS)}, not `{request.view}`"
                         + did_you_mean(request.view, views.VIEWS))
    if request.fmt not in views.FORMATS:
        raise UsageError(f"--format: expected one of {', '.join(views.FORMATS)}, not `{request.fmt}`"
                         + did_you_mean(request.fmt, views.FORMATS))
    pool = load_pool(request.interviewers) if request.interviewers else None  # read once, for both
    refuse_inputs(request.output, input_files(request, pool), "--output")
    return render(build(request, warn, pool), request)


def input_files(request: PlanRequest, pool=None) -> list:
    """Every file a plan reads: the bank, the pool and the busy calendars it names, the --exclude
    files, the candidate file and the config file."""
    paths = list(request.bank) or [bundled_bank()]
    pools = discover([request.interviewers]) if request.interviewers else []
    candidate = [request.candidate] if request.candidate else []
    return [*discover(paths), *pools, *_busy_files(request, pool), *request.exclude, *candidate,
            _settings(paths).source]


def _busy_files(request: PlanRequest, pool=None) -> list:
    if not request.interviewers:
        return []
    from looptool.commands.calendars import busy_path  # deferred with the calendar reading

    pool = pool if pool is not None else load_pool(request.interviewers)
    return [busy_path(p.origin.file if p.origin else None, p.busy) for p in pool if p.busy]


# -- what blocks a question -----------------------------------------------------------


def plan_loop(bank: Bank, level, role=None, *, seed: int = 0, exclude=(), pool=None, lint_findings=None,
              load_findings=(), today: dt.date | None = None, settings: Settings | None = None,
              budget: int = NODE_BUDGET, background: str | None = None, pins=()) -> Plan:
    """Resolve ``level`` and ``role``, block what lint errors and ``exclude`` rule out, and plan.

    ``lint_findings``: findings about the bank; when None the loop's possible
    questions are linted here (with ``load_findings`` from reading, ``today``
    for dated checks and ``settings`` from config). ``background``: the
    candidate's; ``pins``: ``SLOT=QUESTION_ID`` texts (``--pin``). Raises
    UsageError for an unknown level, role, slot or question, PlanError for a
    loop that cannot be filled.
    """
    template, role_obj = resolve(bank, level, role)
    pinned = parse_pins(bank, template, pins)
    if lint_findings is None:
        lint_findings = blocking_findings(bank, load_findings, today=today, settings=settings,
                                          questions=possible_questions(bank, template, role_obj))
    blocked = lint_blocks(bank, lint_findings)
    for qid in sorted(set(exclude)):
        blocked.setdefault(qid, EXCLUDED)
    return make_plan(bank, template, role_obj, pool=pool, seed=seed, blocked=blocked, budget=budget,
                     background=background, pins=pinned)


def blocking_findings(bank: Bank, load_findings=(), *, today: dt.date | None = None,
                      settings: Settings | None = None, questions=None) -> list:
    """The findings that can block a question: what ``looptool lint`` would report at error
    level (after config) about questions or the bank, by the linter's own pipeline.

    ``questions``: the questions worth judging one by one (the loop's possible
    candidates); bank-wide rules still see the whole bank.
    """
    settings = settings or Settings()
    # only error-level findings block a question, and loop and pool rules never judge one
    codes = {rule.code for rule in registry.catalogue() if rule.scope in ("file", "question", "bank")
             and settings.rule_levels.get(rule.code, rule.level) == "error"}
    codes &= selected_rules(settings.select, settings.ignore)
    ctx = Context(bank=bank, today=today or dt.date.today(), codes=frozenset(codes),
                  extra_catalogues=settings.catalogues, ignored_at=settings.ignored_at)
    return check_bank(bank, load_findings, codes, ctx, settings, questions=questions, jobs=0)


def lint_blocks(bank: Bank, findings) -> dict[str, str]:
    """Question id -> LINT_ERRORS for each question with an error-level finding."""
    where = {(q.origin.file, q.origin.document.index, tuple(q.origin.path)): q.id
             for q in bank.questions if q.origin is not None}
    blocked = {}
    for finding in findings:
        qid = where.get((finding.file, finding.document, tuple(finding.path[:2])))
        if finding.level == "error" and qid is not None and finding.subject in (None, qid):
            blocked[qid] = LINT_ERRORS
    return blocked


# -- level, role, exclusions ------------------------------------------------------------


def resolve(bank: Bank, level, role=None) -> tuple[LoopTemplate, Role | None]:
    """The loop template and role named on the command line (UsageError if unknown)."""
    named = bank.role(role) if isinstance(role, str) else role  # an alias finds the role's own template too
    template = level if isinstance(level, LoopTemplate) else bank.template_for(str(level), named or role)
    if template is None and named is not None and bank.template_for(str(level)) is not None:
        others = ", ".join(f"`{loop.id}` (for {', '.join(loop.roles) or 'any role'})" for loop in bank.loops
                           if str(level).strip().lower() in (loop.id, loop.level, *loop.aliases))
        raise UsageError(f"no loop template for level `{level}` suits role {named.id}: the level has {others}")
    if template is None:
        levels = list(dict.fromkeys(loop.level for loop in bank.loops))
        names = list(dict.fromkeys([*levels, *(loop.id for loop in bank.loops)]))
        aliases = list(dict.fromkeys(a for loop in bank.loops for a in loop.aliases))
        raise UsageError(f"unknown level `{level}`{did_you_mean(str(level), [*names, *aliases], ';')} "
                         f"expected one of: {', '.join(names)}"
                         + (f" (or an alias: {', '.join(aliases)})" if aliases else ""))
    if role is None and template.role:
        role = template.role
    if isinstance(role, str):
        found = bank.role(role)
        if found is None:
            known = [r.id for r in bank.roles]
            named = [*known, *(a for r in bank.roles for a in r.aliases)]
            raise UsageError(f"unknown role `{role}`{did_you_mean(role, named, ';')} known roles: {', '.join(known)}")
        role = found
    if role is None and len(template.roles) > 1:
        raise UsageError(f"loop `{template.id}` is for roles {', '.join(template.roles)}: give one with --role")
    return template, role


def parse_pins(bank: Bank, template: LoopTemplate, pins) -> dict[int, str]:
    """``--pin SLOT=QUESTION_ID`` texts as interview number -> question id. SLOT is an interview's
    number in the loop (1, 2, ...) or an interview type the loop has exactly once."""
    slots = template.expanded_slots()
    out: dict[int, str] = {}
    for text in pins:
        where, sep, qid = str(text).partition("=")
        where, qid = where.strip(), qid.strip()
        if not sep or not where or not qid:
            raise UsageError(f"--pin {text}: expected SLOT=QUESTION_ID, e.g. --pin 3=dm-card-fraud-label-delay")
        if bank.question(qid) is None:
            ids = [q.id for q in bank.questions]
            raise UsageError(f"--pin {text}: no question `{qid}` in the bank{did_you_mean(qid, ids)}")
        out[_pin_slot(template, slots, where, text)] = qid
    return out


def _pin_slot(template: LoopTemplate, slots, where: str, text: str) -> int:
    if where.isdigit():
        number = int(where)
        if not 1 <= number <= len(slots):
            raise UsageError(f"--pin {text}: loop `{template.id}` has interviews 1 to {len(slots)}")
        return number
    numbers = [n for n, slot in enumerate(slots, 1) if where in slot.kinds or where in slot.types]
    if len(numbers) == 1:
        return numbers[0]
    kinds = list(dict.fromkeys(kind for slot in slots for kind in slot.kinds))
    if numbers:
        raise UsageError(f"--pin {text}: loop `{template.id}` has {len(numbers)} {where} interviews "
                         f"({', '.join(map(str, numbers))}); pin one by its number")
    raise UsageError(f"--pin {text}: loop `{template.id}` has no {where} interview{did_you_mean(where, kinds)}; "
                     f"give an interview number (1 to {len(slots)}) or one of: {', '.join(kinds)}")


_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def load_excludes(paths) -> set[str]:
    """Question ids to avoid, from earlier plans (their JSON output) or id lists.

    A file may be a plan as written by ``looptool plan --format json`` (any
    object with ``interviews[].question``, the question being an id or an
    object with an ``id``), a JSON or YAML list of ids, or plain text with one
    id per line (``#`` starts a comment).
    """
    out: set[str] = set()
    for path in paths:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise UsageError(f"--exclude {path}: cannot read: {why}") from None
        out.update(_exclude_ids(text, str(path)))
    return out


def _exclude_ids(text: str, where: str) -> list[str]:
    data = _parse_structured(text, where)
    if isinstance(data, dict) and "interviews" in data:
        ids = []
        for i, item in enumerate(data["interviews"] if isinstance(data["interviews"], list) else [None]):
            question = item.get("question") if isinstance(item, dict) else None
            if isinstance(question, dict):
                question = question.get("id")
            if not isinstance(question, str):
                raise UsageError(f"--exclude {where}: interviews[{i}] has no question id")
            ids.append(question)
        return _checked(ids, where)
    if isinstance(data, list):
        # an id of digits reads as a number (`- 123`); YAML 1.2 keeps `2026-01-01` a string
        data = [str(x) if isinstance(x, int) and not isinstance(x, bool) else x for x in data]
        if not all(isinstance(x, str) for x in data):
            raise UsageError(f"--exclude {where}: expected a list of question ids")
        return _checked(data, where)
    if isinstance(data, dict):
        raise UsageError(f"--exclude {where}: expected a plan's JSON output (interviews[].question) "
                         "or a list of question ids")
    lines = [line.split("#", 1)[0].strip() for line in text.splitlines()]
    return _checked([line for line in lines if line], where)


def _parse_structured(text: str, where: str):
    """JSON, else YAML read by the bank's own bounded loader (depth and alias limits, YAML 1.2
    scalars); None when it is neither, so the text is read as lines."""
    try:
        return json.loads(text)
    except RecursionError:
        raise UsageError(f"--exclude {where}: nested too deeply to be a plan or a list of ids") from None
    except ValueError:
        pass
    result = load_text(text, where)
    complex_ = [p for p in result.problems if p.rule == "too-complex"]
    if complex_:
        raise UsageError(f"--exclude {where}:{complex_[0].line}:{complex_[0].column}: {complex_[0].message}")
    if not result.documents or any(p.rule == "syntax-error" for p in result.problems):
        return None
    return result.documents[0].data


def _checked(ids, where):
    for qid in ids:
        if not _ID.match(qid):
            raise UsageError(f"--exclude {where}: `{qid}` is not a question id")
    return ids
