"""``looptool diff`` output: what a change does to the bank, for a reviewer.

Text for the terminal, markdown for a pull-request comment or
``$GITHUB_STEP_SUMMARY``. Both list the question changes, then every level ×
role: plannable before and after, and the weighted coverage of the role's
skills with the skills lost or gained.
"""

from __future__ import annotations

from looptool.reporters.markdown import cell

KINDS = ("added", "removed", "retired", "changed")


def _plannable(outlook) -> str:
    return "-" if outlook is None else ("yes" if outlook.plannable else "NO")


def _coverage(outlook) -> str:
    return "-" if outlook is None else f"{outlook.coverage:.0%}"


def _moved(move) -> str:
    parts = [f"-{s}" for s in move.lost] + [f"+{s}" for s in move.gained]
    if move.after is not None and not move.after.plannable:
        parts.append("unfilled: " + "; ".join(move.after.unfilled))
    return " ".join(parts)


def _headline(impact) -> str:
    counts = ", ".join(f"{impact.count(kind)} {kind}" for kind in KINDS)
    broke = sum(m.broke for m in impact.movements)
    fixed = sum(m.fixed for m in impact.movements)
    moved = sum(m.moved for m in impact.movements)
    return (f"Questions: {counts}. Level × role: {moved} of {len(impact.movements)} moved, "
            f"{broke} no longer plannable, {fixed} newly plannable.")


def text(impact) -> str:
    lines = [f"looptool diff {impact.base} → {impact.head}", "", _headline(impact), ""]
    if impact.questions:
        width = max(len(q.id) for q in impact.questions)
        for q in impact.questions:
            detail = q.detail or ", ".join(q.fields)
            lines.append(f"  {q.kind:<8} {q.id:<{width}}  {q.title}" + (f"  ({detail})" if detail else ""))
        lines.append("")
    mark = lambda m: "!" if m.broke else "+" if m.fixed else "~" if m.moved else " "  # noqa: E731
    rows = [(mark(m), m.level, m.role, f"{_plannable(m.before)} → {_plannable(m.after)}",
             f"{_coverage(m.before)} → {_coverage(m.after)}", _moved(m)) for m in impact.movements]
    header = (" ", "level", "role", "plannable", "coverage", "")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(5)]
    for row in [header, *rows]:
        lines.append("  ".join(part.ljust(width) for part, width in zip(row, widths)) + ("  " + row[5] if row[5] else ""))
    return "\n".join(line.rstrip() for line in lines) + "\n"


def markdown(impact) -> str:
    lines = [f"## Question bank impact: `{cell(impact.base)}` → `{cell(impact.head)}`", "", _headline(impact), ""]
    if impact.questions:
        lines += ["| change | question | title | detail |", "|---|---|---|---|"]
        for q in impact.questions:
            lines.append(f"| {q.kind} | `{cell(q.id)}` | {cell(q.title)} | {cell(q.detail or ', '.join(q.fields))} |")
        lines.append("")
    lines += ["| level | role | plannable | coverage | skills moved |", "|---|---|---|---|---|"]
    for m in impact.movements:
        plannable = f"{_plannable(m.before)} → {_plannable(m.after)}"
        coverage = f"{_coverage(m.before)} → {_coverage(m.after)}"
        if m.broke or m.fixed:
            plannable = f"**{plannable}**"
        if m.moved:
            coverage = f"**{coverage}**"
        lines.append(f"| {m.level} | {m.role} | {plannable} | {coverage} | {cell(_moved(m))} |")
    return "\n".join(lines) + "\n"


RENDERERS = {"text": text, "markdown": markdown}


def render(impact, name: str, stream) -> None:
    stream.write(RENDERERS[name](impact))
