"""Compose a loop: the level's interviews, the best questions for the role.

Pure: ``make_plan(bank, level, role)`` returns a :class:`~looptool.plan.result.Plan`
(questions, and interviewers when a pool is given) or raises
:class:`PlanError` naming the slot that cannot be filled and why.

**Eligibility.** A question may fill a slot when ``selection.candidates``
accepts it (kind, status, level, stage, role fit) and it is not blocked: a
question with an error-level lint finding, or one excluded by ``--exclude``.
Blocked questions that would otherwise have fitted some slot are counted in
``plan.skipped`` by reason. A slot that pins a question gets exactly that
question, which must still be eligible. No question appears twice in a loop,
and no two questions of a loop share a ``signal`` (compared without case or
extra spaces): two interviews after the same evidence waste one of them.

**Objective.** With a role, each in-scope skill weighs its ``in_scope``
weight; without one, every skill the loop's candidates test weighs 1. A
loop's value is the summed weight of the skills tested by at least one of
its interviews (``plan.score``; ``plan.best_possible`` is the summed weight
of every skill that counts). There is deliberately no secondary term: every
tie it broke would be one fewer choice for the rotation below, and the
rotation is what keeps one leaked question out of most loops.

**Search.** Only a question's in-scope skill set (a bitmask) matters to the
objective, so each slot's candidates are grouped by skill set, keeping per
group up to *n* questions with distinct signals (*n* = interviews in the
loop): the other *n - 1* interviews can take at most *n - 1* of them. A skill
set whose strict supersets in the same slot offer *n* distinct signals is
dropped: an optimal loop can always swap it for one of them without losing
value. A depth-first branch and bound then walks the slots in order, trying
each slot's skill sets by marginal gain. Its bound is the least of three
upper bounds on what the remaining slots can add: the sum of each slot's
best marginal gain (gains only shrink as the loop grows), the weight of
every untested skill they could reach, and a *seating* that lets each slot
add as many skills as its widest option but each skill only once (see
``_Seats``). Repeated slots (``count: 2``) take skill sets in
non-decreasing order, and a matching of interviews to signals keeps every
partial loop completable. The search is exact unless it visits
``NODE_BUDGET`` nodes, when it keeps the best loop found so far, which the
gain-first order makes a good one. The bundled bank needs at most about
5,000 nodes; a random 2,000-question bank needed up to about 12,000.

**Rotation.** Every question gets a seeded rank, ``sha256(seed, id)``.
Skill sets of equal marginal gain are tried in the order of their
best-ranked question, and the search keeps the *first* loop of maximal
value in that order (it accepts only strictly better loops and prunes
branches that cannot beat the best). Then each slot takes its best-ranked
question that keeps the rest of the loop fillable. So wherever the search
meets equally good choices the seed decides: another seed gives another,
equally good loop when such ties exist, the same seed always the same one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from looptool.bank.load import Bank, UsageError
from looptool.bank.model import LoopTemplate, Question, Role, Slot
from looptool.plan.result import Interview, Plan
from looptool.plan.selection import Candidates, candidates, rejection

LINT_ERRORS = "with lint errors"
EXCLUDED = "excluded"
NODE_BUDGET = 30_000
# Rules the planner does not consult: they judge loops or pools, not questions,
# and unfillable-slot itself asks the planner.
_NOT_ABOUT_QUESTIONS = frozenset({"loop", "pool", "file"})
_PLANNER_RULES = frozenset({"unfillable-slot"})


class PlanError(Exception):
    """A slot the bank (or the pool) cannot fill; the CLI exits 1."""

    def __init__(self, number: int, slot: Slot, reason: str, involved: tuple[Slot, ...] = ()):
        self.number, self.slot, self.reason = number, slot, reason
        self.involved = involved or (slot,)  # every slot the problem spans (several when matching fails)
        super().__init__(f"cannot fill slot {number} ({slot_name(slot)}): {reason}")


def slot_name(slot: Slot) -> str:
    return " or ".join(slot.kinds)


def signal_key(question: Question) -> str:
    return _normal(question.signal)


@lru_cache(maxsize=65536)
def _normal(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(".")


def seeded_rank(seed: int, key: str) -> bytes:
    """A stable pseudo-random sort key (``hash()`` varies between runs)."""
    return hashlib.sha256(f"{seed}\0{key}".encode()).digest()[:8]


# -- level, role, exclusions --------------------------------------------------


def resolve(bank: Bank, level, role=None) -> tuple[LoopTemplate, Role | None]:
    """The loop template and role named on the command line (UsageError if unknown)."""
    template = level if isinstance(level, LoopTemplate) else bank.loop_for(str(level))
    if template is None:
        names = ", ".join(loop.id for loop in bank.loops)
        aliases = ", ".join(a for loop in bank.loops for a in loop.aliases)
        raise UsageError(f"unknown level `{level}`; expected one of: {names}"
                         + (f" (or an alias: {aliases})" if aliases else ""))
    if role is None and template.role:
        role = template.role
    if isinstance(role, str):
        found = bank.role(role)
        if found is None:
            known = ", ".join(r.id for r in bank.roles)
            raise UsageError(f"unknown role `{role}`; known roles: {known}")
        role = found
    return template, role


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
    data = _parse_structured(text)
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
        if not all(isinstance(x, str) for x in data):
            raise UsageError(f"--exclude {where}: expected a list of question ids")
        return _checked(data, where)
    if data is not None and not isinstance(data, str):
        raise UsageError(f"--exclude {where}: expected a plan's JSON output (interviews[].question) "
                         "or a list of question ids")
    lines = [line.split("#", 1)[0].strip() for line in text.splitlines()]
    return _checked([line for line in lines if line], where)


def _parse_structured(text: str):
    try:
        return json.loads(text)
    except ValueError:
        pass
    import yaml

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return None


def _checked(ids, where):
    for qid in ids:
        if not _ID.match(qid):
            raise UsageError(f"--exclude {where}: `{qid}` is not a question id")
    return ids


# -- lint errors --------------------------------------------------------------


def lint_bank(bank: Bank, load_findings=(), *, today: dt.date | None = None, settings=None,
              only=None) -> list:
    """The findings that can block a question: ``load_findings`` (met while
    loading) plus the error-level rules that judge questions (question and bank scope),
    after inline suppressions and ``settings`` (config ignores, level overrides).

    ``only``: the questions worth judging one by one (the loop's possible
    candidates); bank-wide rules still see the whole bank.
    """
    from dataclasses import replace

    from looptool.lint import rules as catalogue
    from looptool.lint.linter import Context, apply_suppressions, run_rules, selected_rules

    levels = getattr(settings, "rule_levels", None) or {}
    # only error-level findings block a question, so rules that cannot raise
    # one (warning and info, after config levels) need not run at all
    codes = {rule.code for rule in catalogue.catalogue()
             if rule.scope not in _NOT_ABOUT_QUESTIONS and rule.name not in _PLANNER_RULES
             and levels.get(rule.code, rule.level) == "error"}
    if settings is not None:
        codes &= selected_rules(settings.select, settings.ignore)
    ctx = Context(bank=bank, today=today or dt.date.today(), codes=frozenset(codes),
                  extra_catalogues=getattr(settings, "catalogues", None) or {})
    options = getattr(settings, "rule_options", None)
    if only is None:
        found = [*load_findings, *run_rules(bank, codes, ctx, options)]
    else:
        per_question = {rule.code for rule in catalogue.catalogue() if rule.scope == "question"}
        subset = replace(bank, questions=list(only))
        found = [*load_findings, *run_rules(subset, codes & per_question, ctx, options, jobs=0),
                 *run_rules(bank, codes - per_question, ctx, options)]
    found = apply_suppressions(found, getattr(bank, "suppressions", None), set())
    if settings is not None:
        found = [f for f in found if f.code not in settings.ignored_at(f.file)]
    if settings is not None and settings.rule_levels:
        found = [replace(f, level=settings.rule_levels.get(f.code, f.level)) for f in found]
    return found


def lint_blocks(bank: Bank, findings) -> dict[str, str]:
    """Question id -> LINT_ERRORS for each question with an error-level finding."""
    where = {(q.origin.file, tuple(q.origin.path)): q.id for q in bank.questions if q.origin is not None}
    blocked = {}
    for finding in findings:
        qid = where.get((finding.file, tuple(finding.path[:2])))
        if finding.level == "error" and qid is not None and finding.subject in (None, qid):
            blocked[qid] = LINT_ERRORS
    return blocked


# -- feasibility and diagnosis --------------------------------------------------


def by_type(questions) -> dict[str, list[Question]]:
    index: dict[str, list[Question]] = {}
    for question in questions:
        index.setdefault(question.type, []).append(question)
    return index


@dataclass
class _SlotFit:
    number: int
    slot: Slot
    fit: list[Question]


def _slot_fits(bank, template, role, blocked, slot_blocked=None) -> list[_SlotFit]:
    """Each interview's fitting questions; raises PlanError for the first slot that has none."""
    index = by_type(bank.questions)
    return [_fit_slot(bank, index, number, slot, template.level, role,
                      {**blocked, **(slot_blocked[number - 1] if slot_blocked else {})})
            for number, slot in enumerate(template.expanded_slots(), 1)]


def _fit_slot(bank, index, number, slot, level, role, blocks) -> _SlotFit:
    if slot.question:
        question = bank.question(slot.question)
        if question is None:
            raise PlanError(number, slot, f"the pinned question `{slot.question}` is not in the bank")
        why = rejection(question, slot, level, role) or blocks.get(question.id)
        if why:
            raise PlanError(number, slot, f"the pinned question `{question.id}` cannot be used: {why}")
        return _SlotFit(number, slot, [question])
    pool = [q for kind in dict.fromkeys(slot.types) for q in index.get(kind, ())]
    tally = candidates(pool, slot, level, role, blocks)
    if not tally.fit:
        raise PlanError(number, slot, _none_fit(slot, level, role, tally))
    return _SlotFit(number, slot, tally.fit)


def _none_fit(slot, level, role, tally: Candidates) -> str:
    head = f"no {slot_name(slot)} question for level {level}"
    head += f" fits role {role.id}" if role is not None else " is available"
    reasons = {why: n for why, n in tally.rejected.items() if why != "other type"}
    total = sum(reasons.values())
    if total == 0:
        return head + ": the bank has none"
    if len(reasons) == 1:
        why = next(iter(reasons))
        noun = "candidate" if total == 1 else "candidates"
        return head + (f": 1 {noun}, {why}" if total == 1 else f": {total} {noun}, all {why}")
    return head + ": " + tally.explain()


def _signal_options(fits: list[_SlotFit]) -> list[set[str]]:
    return [{signal_key(q) for q in f.fit} for f in fits]


def augment(options, owner: dict, row: int, taken=frozenset()) -> bool:
    """Kuhn's step: give ``row`` a column of ``options[row]`` not in ``taken``,
    moving matched rows along an augmenting path. Updates ``owner`` (column ->
    row) and says whether it worked."""
    seen: set = set()

    def go(r):
        for col in options[r]:
            if col in seen or col in taken:
                continue
            seen.add(col)
            if col not in owner or go(owner[col]):
                owner[col] = r
                return True
        return False

    return go(row)


def match(options: list, taken=frozenset()) -> tuple[dict, int | None]:
    """Match rows (index -> iterable of columns) to distinct columns not in ``taken``.

    Returns (column -> row, the first row that cannot be matched or None);
    rows in order, columns in the order given.
    """
    owner: dict = {}
    for row in range(len(options)):
        if not augment(options, owner, row, taken):
            return owner, row
    return owner, None


def hall_set(options: list, owner: dict, row: int) -> tuple[list[int], set]:
    """Rows reachable from unmatched ``row`` by alternating paths, and their columns:
    together they need more columns than they can reach (Hall's condition)."""
    rows, cols, todo = {row}, set(), [row]
    while todo:
        for col in options[todo.pop()]:
            if col not in cols:
                cols.add(col)
                nxt = owner.get(col)
                if nxt is not None and nxt not in rows:
                    rows.add(nxt)
                    todo.append(nxt)
    return sorted(rows), cols


def _check_matchable(fits: list[_SlotFit], level, role) -> None:
    options = [sorted(s) for s in _signal_options(fits)]
    owner, stuck = match(options)
    if stuck is None:
        return
    rows, cols = hall_set(options, owner, stuck)
    questions = {q.id for r in rows for q in fits[r].fit}
    slots = ", ".join(str(fits[r].number) for r in rows)
    kinds = " / ".join(dict.fromkeys(slot_name(fits[r].slot) for r in rows))
    fitting = f"fit level {level}" + (f" and role {role.id}" if role is not None else "")
    if len(questions) < len(rows):
        why = f"only {len(questions)} {'question' if len(questions) == 1 else 'questions'} {fitting}"
    else:
        why = (f"the {len(questions)} questions that {fitting} share only {len(cols)} "
               f"{'signal' if len(cols) == 1 else 'signals'}")
    raise PlanError(fits[stuck].number, fits[stuck].slot,
                    f"slots {slots} ({kinds}) need {len(rows)} questions with different signals, but {why}",
                    involved=tuple(fits[r].slot for r in rows))


def unfillable(bank: Bank, template: LoopTemplate, role: Role | None, blocked=None,
               index: dict[str, list[Question]] | None = None) -> list[PlanError]:
    """Every slot that has no fitting question, or else the first matching problem.

    ``index`` (questions by type, from ``by_type``) may be shared by callers that
    check many templates and roles against one bank."""
    blocked = blocked or {}
    index = index if index is not None else by_type(bank.questions)
    errors, fits, first_fit = [], [], {}
    for number, slot in enumerate(template.expanded_slots(), 1):
        if id(slot) in first_fit:  # a repeated slot fits (or fails) like its first copy
            if first_fit[id(slot)] is not None:
                fits.append(_SlotFit(number, slot, first_fit[id(slot)].fit))
            continue
        try:
            fits.append(_fit_slot(bank, index, number, slot, template.level, role, blocked))
            first_fit[id(slot)] = fits[-1]
        except PlanError as error:
            errors.append(error)
            first_fit[id(slot)] = None
    if errors:
        return errors
    try:
        _check_matchable(fits, template.level, role)
    except PlanError as error:
        return [error]
    return []


# -- the objective --------------------------------------------------------------


class Objective:
    """Skills as bits; a loop's value is the summed weight of the skills it tests."""

    def __init__(self, weights: dict[str, int]):
        self.weights = dict(weights)
        self.bit = {skill: 1 << i for i, skill in enumerate(sorted(weights))}
        self.total = sum(weights.values())
        # weight(mask) by bit planes: sum over k of 2**k * popcount(mask & plane_k)
        top = max(weights.values(), default=0).bit_length()
        self.planes = [(1 << k, sum(b for s, b in self.bit.items() if weights[s] >> k & 1))
                       for k in range(top)]
        self._weights: dict[int, int] = {}

    def mask(self, skills) -> int:
        out = 0
        for skill in skills:
            out |= self.bit.get(skill, 0)
        return out

    def weight(self, mask: int) -> int:
        found = self._weights.get(mask)
        if found is None:
            found = 0
            for value, plane in self.planes:
                found += value * (mask & plane).bit_count()
            self._weights[mask] = found
        return found

    def value(self, masks) -> int:
        covered = 0
        for mask in masks:
            covered |= mask
        return self.weight(covered)


def objective_for(role: Role | None, fits) -> Objective:
    if role is not None:
        return Objective(role.in_scope)
    return Objective({skill: 1 for f in fits for q in f.fit for skill in q.skills})


# -- the search -----------------------------------------------------------------


@dataclass
class _Option:
    """One distinct in-scope skill set a slot can take, and questions that carry it."""

    mask: int
    reps: list[Question]  # seeded order, distinct signals, at most n
    signals: list[str]
    rank: int = 0  # position in the seeded order of the slot's options


def _options(fit, objective: Objective, n: int, seed: int) -> list[_Option]:
    groups: dict[int, dict[str, Question]] = {}
    for question in sorted(fit, key=lambda q: (seeded_rank(seed, q.id), q.id)):
        group = groups.setdefault(objective.mask(question.skills), {})
        key = signal_key(question)
        if key not in group and len(group) < n:
            group[key] = question
    kept: list[_Option] = []
    for mask in sorted(groups, key=lambda m: (-m.bit_count(), m)):
        covered: set[str] = set()
        for other in kept:
            if other.mask != mask and mask & ~other.mask == 0:
                covered.update(other.signals)
        if len(covered) >= n:
            continue  # dominated: n supersets with distinct signals, one is always free
        group = groups[mask]
        kept.append(_Option(mask, list(group.values()), list(group)))
    kept.sort(key=lambda o: (seeded_rank(seed, o.reps[0].id), o.reps[0].id))
    for rank, option in enumerate(kept):
        option.rank = rank
    return kept


@dataclass
class SearchResult:
    chosen: list[_Option]
    value: int
    exact: bool  # False when the search stopped at its node budget
    nodes: int


def _extend(chosen, owner, row):
    """``owner`` (signal -> interview) with interview ``row`` matched too, or None."""
    owner = dict(owner)
    signals = [option.signals if option is not None else () for option in chosen[:row + 1]]
    return owner if augment(signals, owner, row) else None


def search(slot_options: list[list[_Option]], repeats: list[bool], objective: Objective,
           budget: int = NODE_BUDGET) -> SearchResult | None:
    """Branch and bound for the best loop; None when no loop exists.

    Each slot tries its options by marginal gain, then seeded rank, and the
    search keeps the first loop of maximal value in that order.
    ``repeats[i]`` is true when interview i repeats interview i-1's slot, so
    the two take options in non-decreasing rank (their order is immaterial).
    """
    n = len(slot_options)
    weight = objective.weight
    by_alone = [sorted(((weight(o.mask), o.mask) for o in opts), reverse=True) for opts in slot_options]
    suffix = [0] * (n + 1)
    for i in range(n - 1, -1, -1):
        suffix[i] = suffix[i + 1] | _union(slot_options[i])
    seats = _Seats(slot_options, objective)

    def bound(i, covered, need):
        total = 0
        for j in range(i, n):
            best = 0
            for alone, mask in by_alone[j]:
                if alone <= best:
                    break
                g = weight(mask & ~covered)
                if g > best:
                    best = g
            total += best
        total = min(total, weight(suffix[i] & ~covered))
        return total if total < need else min(total, seats.bound(i, covered))

    state = {"best": -1, "chosen": None, "nodes": 0, "exact": True}
    chosen: list = [None] * n

    def dfs(i, covered, value, owner, lo):
        if i == n:
            if value > state["best"]:
                state["best"], state["chosen"] = value, list(chosen)
            return
        state["nodes"] += 1
        if state["nodes"] > budget and state["chosen"] is not None:  # never stop empty-handed
            state["exact"] = False
            return
        if value + bound(i, covered, state["best"] - value + 1) <= state["best"]:
            return
        opts = slot_options[i][lo if repeats[i] else 0:]
        for gain, _, option in sorted(((weight(o.mask & ~covered), -o.rank, o) for o in opts),
                                      key=lambda t: (-t[0], -t[1])):
            chosen[i] = option
            nxt = _extend(chosen, owner, i)
            if nxt is not None:
                dfs(i + 1, covered | option.mask, value + gain, nxt, option.rank)
                if not state["exact"]:
                    break
        chosen[i] = None

    dfs(0, 0, 0, {}, 0)
    if state["chosen"] is None:
        return None
    return SearchResult(state["chosen"], state["best"], state["exact"], state["nodes"])


class _Seats:
    """A second bound: each remaining slot has as many *seats* as its widest
    option has untested skills, and a seat holds one untested skill that some
    option of the slot tests. Any loop's gain fits in such a seating, and the
    heaviest seating is found greedily (seatings form a transversal matroid):
    heaviest skill first, each placed by an augmenting path. It catches what
    the per-slot bound misses: two slots that could each add the same heavy
    skill, of which only one gains from it."""

    def __init__(self, slot_options, objective: Objective):
        self.options = [[o.mask for o in opts] for opts in slot_options]
        order = sorted(objective.bit, key=lambda s: (-objective.weights[s], s))
        self.skills = [(objective.bit[s], objective.weights[s]) for s in order]  # heaviest first
        self.slots_of = {bit: [j for j, opts in enumerate(self.options) if any(m & bit for m in opts)]
                         for bit, _ in self.skills}

    def bound(self, i, covered) -> int:
        n = len(self.options)
        cap = [0] * n
        for j in range(i, n):
            cap[j] = max(((m & ~covered).bit_count() for m in self.options[j]), default=0)
        free = sum(cap)
        seated: list[list[int]] = [[] for _ in range(n)]
        slots_of = self.slots_of

        def place(bit, visited):
            for j in slots_of[bit]:
                if j < i or j in visited:
                    continue
                visited.add(j)
                if len(seated[j]) < cap[j]:
                    seated[j].append(bit)
                    return True
                for k, other in enumerate(seated[j]):
                    if place(other, visited):
                        seated[j][k] = bit
                        return True
            return False

        total = 0
        for bit, w in self.skills:
            if free == 0:
                break
            if not covered & bit and place(bit, set()):
                free -= 1
                total += w
        return total


def _union(options) -> int:
    out = 0
    for option in options:
        out |= option.mask
    return out


def _concrete(chosen: list[_Option]) -> list[Question]:
    """Each slot's best-ranked question that keeps the rest of the loop fillable."""
    out: list[Question] = []
    used: set[str] = set()
    for i, option in enumerate(chosen):
        rest = [[s for s in o.signals] for o in chosen[i + 1:]]
        for question, key in zip(option.reps, option.signals):
            if key in used:
                continue
            if match(rest, used | {key})[1] is None:
                out.append(question)
                used.add(key)
                break
        else:  # the search only returns loops that the matching can complete
            raise AssertionError(f"no question left for interview {i + 1}")
    return out


# -- the planner ----------------------------------------------------------------


def make_plan(bank: Bank, level, role=None, *, seed: int = 0, exclude=(), pool=None,
              lint_findings=None, load_findings=(), today: dt.date | None = None, settings=None,
              budget: int = NODE_BUDGET) -> Plan:
    """The best loop for ``level`` and ``role`` (see the module doc).

    ``lint_findings``: findings about the bank (``lint_bank``); when None the
    planner lints the loop's possible candidates itself, adding
    ``load_findings`` (``today`` dates staleness checks, ``settings`` applies
    config). A question with an error-level finding is never chosen. ``pool``: interviewers to assign (see ``looptool.plan.assign``).
    Raises UsageError for an unknown level or role, PlanError for a slot that
    cannot be filled.
    """
    template, role_obj = resolve(bank, level, role)
    types = {kind for slot in template.slots for kind in slot.types}
    possible = [q for q in bank.questions if q.type in types
                and any(rejection(q, slot, template.level, role_obj) is None for slot in template.slots)]
    if lint_findings is None:
        lint_findings = lint_bank(bank, load_findings, today=today, settings=settings, only=possible)
    blocked = lint_blocks(bank, lint_findings)
    excluded = sorted(set(exclude))
    for qid in excluded:
        blocked.setdefault(qid, EXCLUDED)
    slot_blocked = None
    if pool is not None:
        from looptool.plan.assign import unstaffable

        slot_blocked = unstaffable(bank.questions, template, pool)
    fits = _slot_fits(bank, template, role_obj, blocked, slot_blocked)
    _check_matchable(fits, template.level, role_obj)

    objective = objective_for(role_obj, fits)
    n = len(fits)
    slot_options = [_options(f.fit, objective, n, seed) for f in fits]
    repeats = [i > 0 and fits[i].slot is fits[i - 1].slot for i in range(n)]
    result = search(slot_options, repeats, objective, budget)
    if result is None:  # unreachable: the matching above proved a loop exists
        raise PlanError(fits[0].number, fits[0].slot, "no combination of questions fits")
    questions = _concrete(result.chosen)
    interviews = [Interview(f.number, f.slot, q) for f, q in zip(fits, questions)]
    if pool is not None:
        from looptool.plan.assign import assign

        for interview, (lead, shadow) in zip(interviews, assign(interviews, pool, template.level, seed=seed)):
            interview.interviewer, interview.shadow = lead, shadow
    masks = [objective.mask(q.skills) for q in questions]
    return Plan(
        level=template.level, template=template, role=role_obj, interviews=interviews, seed=seed,
        score=float(objective.value(masks)), best_possible=float(objective.total),
        skipped=_skipped(possible, blocked), excluded=excluded,
    )


def _skipped(possible, blocked) -> dict[str, int]:
    """Blocked questions that some slot of the loop would otherwise have taken, by reason."""
    counts = Counter(blocked[q.id] for q in possible if q.id in blocked)
    return {why: counts[why] for why in (LINT_ERRORS, EXCLUDED) if counts[why]}
