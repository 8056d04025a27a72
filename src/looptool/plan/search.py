"""The best loop: an objective over skills and an exact branch-and-bound search.

See ``planner.py`` for the objective, the search and the rotation in words.
"""

from __future__ import annotations

from dataclasses import dataclass

from looptool.bank.model import Question, Role
from looptool.plan.matching import augment, match
from looptool.plan.selection import seeded_rank, signal_key

NODE_BUDGET = 30_000


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


def objective_for(role: Role | None, fits, must=()) -> Objective:
    """The role's weights (every skill the loop's candidates test at 1, without a role), with each
    ``must`` skill raised above the sum of all the others: a loop that covers one more of them
    always scores higher, so the search meets must-cover skills first whenever it can."""
    weights = dict(role.in_scope) if role is not None else {skill: 1 for f in fits for q in f.fit
                                                            for skill in q.skills}
    boost = sum(weights.values()) + 1
    for skill in must:
        weights[skill] = weights.get(skill, 0) + boost
    return Objective(weights)


# -- the search -----------------------------------------------------------------


@dataclass
class _Option:
    """One distinct in-scope skill set a slot can take, and questions that carry it."""

    mask: int
    reps: list[Question]  # seeded order, distinct signals, at most n
    signals: list[str]
    rank: int = 0  # position in the seeded order of the slot's options


def options_for(fit, objective: Objective, n: int, seed: int) -> list[_Option]:
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


def concrete(chosen: list[_Option]) -> list[Question]:
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
