"""``looptool plan`` end to end: read the bank, the pool and the exclusions,
plan, schedule and render.

The command line fills a :class:`PlanRequest` and calls :func:`run`; bad
input of any kind (files, dates, times, views) becomes a ``UsageError``
(exit 2), a loop the bank or pool cannot fill a ``PlanError`` (exit 1).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from looptool.bank.load import UsageError, load_bank
from looptool.plan.result import Plan


@dataclass
class PlanRequest:
    level: str
    role: str | None = None
    bank: list = field(default_factory=list)  # paths; empty: the bundled bank
    interviewers: Path | None = None
    seed: int = 0
    exclude: list = field(default_factory=list)  # paths of earlier plans or id lists
    today: dt.date | None = None  # for lint rules that date things (default: today)
    day: dt.date | None = None  # the interview day (default: --today, else today)
    start: str = "09:30"
    break_minutes: int | None = None  # default: the template's
    lunch_after: int | None = None
    lunch_minutes: int | None = None
    view: str = "panel"
    handle: str | None = None  # --for: one interviewer's kits
    fmt: str = "text"
    color: bool = False
    width: int | None = None  # text columns (None: the text view's fixed default, for files and pipes)


def load_pool(path) -> list:
    """The interviewers of a pool file; any problem in it is a usage error."""
    pool_bank, findings = load_bank([path], fallback=False)
    errors = [f for f in findings if f.level == "error"]
    if errors:
        first = errors[0]
        more = f" (and {len(errors) - 1} more; run `looptool lint {path}`)" if len(errors) > 1 else ""
        raise UsageError(f"--interviewers: {first.file}:{first.line}:{first.column}: {first.message}{more}")
    if not pool_bank.interviewers:
        raise UsageError(f"--interviewers {path}: no interviewers (expected an `interviewers:` section)")
    return pool_bank.interviewers


def _settings(paths):
    from looptool.lint.config import ConfigError, load_settings

    try:
        return load_settings(paths)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


# what the loader reports when a file's content is lost: unreadable, not text, not YAML, too complex
_LOST = {"LT000", "LT001", "LT002", "LT005"}


def _unread(bank, findings) -> list:
    """Findings about bank files of which nothing was read: planning without them would quietly
    leave their questions out."""
    read = {document.file for document in bank.documents}
    return [f for f in findings if f.code in _LOST and f.file not in read]


def build(request: PlanRequest) -> Plan:
    """The planned and scheduled loop."""
    from looptool.bank.resources import bundled_bank
    from looptool.plan import agenda
    from looptool.plan.planner import load_excludes, make_plan

    try:
        start = agenda.parse_time(request.start)
    except agenda.AgendaError as exc:
        raise UsageError(f"--start: {exc}") from None
    paths = list(request.bank) or [bundled_bank()]
    bank, findings = load_bank(paths)
    unread = _unread(bank, findings)
    if unread:
        first = unread[0]
        raise UsageError(f"{first.file}:{first.line}:{first.column}: {first.message}; the questions in it "
                         f"cannot be planned (see `looptool lint {first.file}`)")
    pool = load_pool(request.interviewers) if request.interviewers else None
    excluded = load_excludes(request.exclude)
    today = request.today or dt.date.today()
    plan = make_plan(bank, request.level, request.role, seed=request.seed, exclude=excluded, pool=pool,
                     load_findings=findings, today=today, settings=_settings(paths))
    try:
        return agenda.schedule(plan, start, request.day or today,
                               request.break_minutes, request.lunch_after, request.lunch_minutes)
    except agenda.AgendaError as exc:
        raise UsageError(str(exc)) from None


def render(plan: Plan, request: PlanRequest) -> str:
    from looptool.plan.views import ViewError, render_plan

    try:
        return render_plan(plan, request.view, request.fmt, request.handle, color=request.color,
                           width=request.width)
    except ViewError as exc:
        raise UsageError(str(exc)) from None


def run(request: PlanRequest) -> str:
    """The rendered loop; checks the view and format before doing any work."""
    from looptool.plan.views import FORMATS, VIEWS

    if request.view not in VIEWS:
        raise UsageError(f"--view: expected one of {', '.join(VIEWS)}, not `{request.view}`")
    if request.fmt not in FORMATS:
        raise UsageError(f"--format: expected one of {', '.join(FORMATS)}, not `{request.fmt}`")
    return render(build(request), request)
