"""Run the rule catalogue over a bank and return ordered findings.

The linter owns everything rules should not care about: which rules are
selected, their levels and options, per-path ignores, suppressions and
ordering (``stamp.py`` turns problems into findings). :func:`check_bank` is
the one pipeline, used by ``looptool lint`` and by the plan command to find
the questions lint errors block.
"""

from __future__ import annotations

import datetime as dt
import gc
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from looptool.bank.catalogues import available, bundled
from looptool.bank.load import Bank, UsageError, load_bank
from looptool.errors import did_you_mean
from looptool.lint import registry as catalogue
from looptool.lint import stamp, suppressions
from looptool.lint.cache import FindingCache, context_key, enabled, whole_bank_key
from looptool.lint.config import Settings
from looptool.lint.findings import Finding, sort_findings
from looptool.lint.rules import unreadable_file


@dataclass
class Context:
    """What a rule's ``check`` may consult besides its subject."""

    bank: Bank
    today: dt.date
    role: object = None  # model.Role when linting against a role
    options: dict = field(default_factory=dict)  # the running rule's options
    extra_catalogues: dict = field(default_factory=dict)  # name -> entries from config
    codes: frozenset | None = None  # the rules this run reports (None: all)
    ignored_at: object = None  # file -> codes ignored there (config per-path ignores)
    _derived: dict = field(default_factory=dict, repr=False, compare=False)

    def derived(self, key, make):
        """``make()``, computed once per context: matchers compiled from its catalogues, which
        do not change during a run, instead of once per question."""
        found = self._derived.get(key)
        if found is None:
            found = self._derived[key] = make()
        return found

    def reports(self, code: str, file: str) -> bool:
        """Whether a finding of rule ``code`` in ``file`` would reach the report;
        a rule may leave a problem to the rule that owns it only when it would."""
        if self.codes is not None and code not in self.codes:
            return False
        return self.ignored_at is None or code not in self.ignored_at(file)

    def catalogue(self, name: str) -> list:
        """A data catalogue: the bundled entries, then the configured extras."""
        return [*bundled(name), *self.extra_catalogues.get(name, ())]


@dataclass
class LintOptions:
    """What one run asks for. ``settings`` (from config) supplies the rest;
    ``select`` replaces the configured selection, ``ignore`` adds to it."""

    today: dt.date | None = None
    role: str | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    settings: object = None  # config.Settings; defaults when None
    jobs: int = 0  # worker processes for large banks: 0 = one per core, 1 = none
    cache: bool = False  # reuse question-rule findings for unchanged files (see cache.py)


@dataclass
class LintResult:
    findings: list[Finding]
    bank: Bank

    @property
    def unreadable(self) -> bool:
        return any(f.code == unreadable_file.CODE for f in self.findings)


def selected_rules(select, ignore) -> set[str]:
    """Codes of the rules to run: all by default, narrowed by select, minus ignore."""
    chosen = set()
    for selector in select or ["ALL"]:
        found = catalogue.matching(selector)
        if not found:
            raise UsageError(f"unknown rule selector `{selector}` (see `looptool rules`)")
        chosen.update(rule.code for rule in found)
    for selector in ignore:
        found = catalogue.matching(selector)
        if not found:
            raise UsageError(f"unknown rule selector `{selector}` (see `looptool rules`)")
        chosen.difference_update(rule.code for rule in found)
    return chosen


def _subjects(rule, bank):
    if rule.scope == "question":
        return bank.questions
    if rule.scope == "loop":
        # bundled templates pin no question, so a loop rule judges them the same whatever the linted
        # files hold, and the bundled bank lints clean; what does depend on the linted questions,
        # whether the planner can fill them, is unfillable-slot's, which checks them all
        return [] if "loops" in bank.fallback else bank.loops
    if rule.scope == "bank":
        return [bank]
    if rule.scope == "pool":
        return [bank.interviewers] if bank.interviewers else []
    return []


PARALLEL_MIN_QUESTIONS = 400  # below this, starting workers costs more than it saves


def run_rules(bank: Bank, codes: set[str], ctx: Context, rule_options=None, jobs: int = 1,
              use_cache: bool = False, questions=None) -> list[Finding]:
    """Every selected rule over its subjects.

    ``questions``: the questions question-scope rules judge (default: all of
    the bank's); rules of other scopes always see the whole bank.

    Question-scope rules may take their findings from the per-file cache
    (``use_cache``), and with ``jobs`` > 1 and many questions left to check
    they run in forked workers over contiguous slices of the questions;
    findings are sorted afterwards, so the output is the same either way."""
    rule_options = rule_options or {}
    for name in available():  # read and check every catalogue here, before any worker starts
        bundled(name)
    selected = [r for r in catalogue.catalogue() if r.check is not None and r.code in codes]
    per_question = [r for r in selected if r.scope == "question"]
    whole = [r for r in selected if r.scope != "question"]
    if not per_question:
        return _run(whole, lambda rule: _subjects(rule, bank), ctx, rule_options)
    out: list[Finding] = []
    store = whole_found = None
    todo = bank.questions if questions is None else list(questions)
    if use_cache:
        store = FindingCache(context_key(bank, codes, rule_options, ctx.extra_catalogues, ctx.today, ctx.role))
        whole_key = whole_bank_key(bank, ctx.ignored_at)
        whole_found = store.get(whole_key, None)
        wanted, todo = todo, []
        for file, in_file in _by_file(wanted).items():
            hit = store.get(bank.hashes[file], file) if file in bank.hashes else None
            if hit is None:
                todo += in_file
            else:
                out += hit
    # the bank-scope rules run while the workers (if any) judge the questions
    cached_whole = whole_found
    fresh = _run_questions(per_question, todo, ctx, rule_options, jobs, meanwhile=cached_whole if
                           cached_whole is not None else lambda: _run(whole, lambda rule: _subjects(rule, bank),
                                                                      ctx, rule_options))
    whole_found = fresh.pop(0)
    out = whole_found + out
    if store is not None and cached_whole is None:
        store.put(whole_key, whole_found, keep_file=True)
    if store is not None:
        found = _by_file_findings(fresh)
        for file in _by_file(todo):
            if file in bank.hashes:
                store.put(bank.hashes[file], found.get(file, []))
        if todo:
            store.prune()
    return out + fresh


def _by_file(questions) -> dict[str, list]:
    out: dict[str, list] = {}
    for question in questions:
        out.setdefault(question.origin.file, []).append(question)
    return out


def _by_file_findings(findings) -> dict[str, list]:
    out: dict[str, list] = {}
    for finding in findings:
        out.setdefault(finding.file, []).append(finding)
    return out


def _run_questions(rules, questions, ctx, rule_options, jobs, meanwhile) -> list:
    """``[meanwhile()]`` (or ``[meanwhile]``, findings already known) followed by the question rules'
    findings; with workers, ``meanwhile`` runs in a process of its own while they work."""
    workers = _workers(jobs, len(questions))
    if workers <= 1:
        first = meanwhile() if callable(meanwhile) else meanwhile
        return [first, *_run(rules, lambda rule: questions, ctx, rule_options)]
    import multiprocessing

    global _FORKED, _BESIDE
    fork = multiprocessing.get_context("fork")
    beside = None
    out = []
    try:
        if callable(meanwhile):
            # the bank-scope rules need nothing the warm-up below builds: forked now, they run while
            # this process warms up (one core would otherwise wait), then beside the workers
            _BESIDE = meanwhile
            beside = fork.Pool(1)
            whole = beside.apply_async(_run_beside)
        # judge the first question of each type here: what the questions need once (catalogue
        # matchers, cue patterns; many are read only for some types) is then built before the
        # fork, once, instead of once in each worker
        first = _first_of_each_type(questions)
        with _collector_paused():
            warm = _run(rules, lambda rule: [questions[i] for i in first], ctx, rule_options)
        # what the warm-up built (compiled patterns, analyses) lives until the run ends: frozen like
        # the bank, it is skipped by the collections the workers cause, which leave its pages shared
        gc.freeze()
        taken = set(first)
        questions = [q for i, q in enumerate(questions) if i not in taken]
        # several slices a worker: one that finishes early takes the next, so none waits on another
        size = -(-len(questions) // (workers * SLICES_PER_WORKER))
        slices = [questions[i:i + size] for i in range(0, len(questions), size)]
        _FORKED = (rules, slices, ctx, rule_options)
        with fork.Pool(workers) as pool:
            pending = pool.map_async(_run_slice, range(len(slices)), chunksize=1)
            out.append(meanwhile if beside is None else whole.get())
            out += warm
            for part in pending.get():
                out += part
    finally:
        _FORKED = _BESIDE = None
        if beside is not None:
            beside.terminate()
    return out


def _first_of_each_type(questions) -> list[int]:
    first: dict = {}
    for index, question in enumerate(questions):
        first.setdefault(question.type, index)
    return sorted(first.values())


SLICES_PER_WORKER = 4
_FORKED = None  # what forked workers read: they inherit it instead of unpickling the bank


_BESIDE = None  # the bank-scope rules, for the process forked to run them


def _run_beside() -> list[Finding]:
    return _BESIDE()


def _run_slice(index: int) -> list[Finding]:
    rules, slices, ctx, rule_options = _FORKED
    return _run(rules, lambda rule: slices[index], ctx, rule_options)


def _run(rules, subjects_of, ctx, rule_options) -> list[Finding]:
    out = []
    for rule in rules:
        ctx.options = {**rule.options, **rule_options.get(rule.code, {})}
        for subject in subjects_of(rule):
            for problem in rule.check(subject, ctx):
                out.append(stamp.from_check(rule, problem, subject))
    return out


def _workers(jobs: int, questions: int) -> int:
    import multiprocessing
    import os

    if jobs == 1 or questions < PARALLEL_MIN_QUESTIONS or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    available = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(jobs if jobs > 0 else available, available, questions // (PARALLEL_MIN_QUESTIONS // 2)))


def read_bank(paths, *, fallback: bool = True) -> tuple[Bank, list[Finding]]:
    """The bank under ``paths`` and the findings met while reading it."""
    bank, problems = load_bank(paths, fallback=fallback)
    problems += suppressions.unknown_names(bank.suppressions)
    return bank, [stamp.from_load(problem) for problem in problems]


def check_bank(bank: Bank, load_findings, codes: set[str], ctx: Context, settings: Settings, *,
               questions=None, jobs: int = 1, use_cache: bool = False) -> list[Finding]:
    """The lint pipeline after reading: run the rules in ``codes``, keep the findings of
    those rules not ignored for their file, apply suppressions, then configured levels."""
    findings = [*load_findings, *run_rules(bank, codes, ctx, settings.rule_options, jobs=jobs,
                                           use_cache=use_cache, questions=questions)]
    findings = [f for f in findings if f.code in codes and f.code not in settings.ignored_at(f.file)]
    findings = suppressions.apply(findings, bank.suppressions, codes)
    if settings.rule_levels:
        findings = [replace(f, level=settings.rule_levels.get(f.code, f.level)) for f in findings]
    return findings


def lint(paths, options: LintOptions | None = None) -> LintResult:
    options = options or LintOptions()
    settings = options.settings or Settings()
    codes = selected_rules(options.select or settings.select, [*settings.ignore, *options.ignore])
    with _bank_set_aside() as loaded:
        bank, findings = read_bank(paths)
        loaded()
        role = None
        role_name = options.role or settings.role
        if role_name:
            role = bank.role(role_name)
            if role is None:
                known = [r.id for r in bank.roles]
                hint = did_you_mean(role_name, [*known, *(a for r in bank.roles for a in r.aliases)], ";")
                raise UsageError(f"unknown role `{role_name}`{hint} known roles: {', '.join(known)}")
        ctx = Context(bank=bank, today=options.today or dt.date.today(), role=role,
                      extra_catalogues=settings.catalogues, codes=frozenset(codes), ignored_at=settings.ignored_at)
        findings = check_bank(bank, findings, codes, ctx, settings, jobs=options.jobs,
                              use_cache=enabled(options.cache))
    return LintResult(sort_findings(findings), bank)


@contextmanager
def _collector_paused():
    """The cycle collector off for a stretch that builds many lasting objects and few garbage
    cycles (compiling every catalogue pattern before the workers fork): it would walk them
    again and again for nothing. Whatever garbage there is waits for the next collection."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


@contextmanager
def _bank_set_aside():
    """Python's cycle collector kept off the bank for one run. While the bank loads it is off:
    loading builds many containers and no garbage cycles, and the collector would walk the
    growing bank again and again. Once the bank is read (the caller calls what this yields) its
    objects are frozen, so the collections the rules cause skip them, and a forked worker does
    not copy every page the collector would touch. Afterwards they are collectable as before."""
    was_on = gc.isenabled()
    gc.disable()

    def loaded():
        gc.freeze()
        if was_on:
            gc.enable()

    try:
        yield loaded
    finally:
        gc.unfreeze()
        if was_on:
            gc.enable()
