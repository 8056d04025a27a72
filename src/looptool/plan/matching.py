"""Bipartite matching: rows (interviews) to distinct columns (signals, interviewers).

Used by the feasibility check (no two interviews of a loop share a signal), by
the search (every partial loop stays completable) and by interviewer
assignment (nobody leads twice).
"""

from __future__ import annotations


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
