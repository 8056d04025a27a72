"""The markdown format: headings, tables and lists to paste into a doc or an ATS.

GitHub-flavoured pipe tables; a ``|`` inside a cell is escaped and a line
break inside a cell becomes ``<br>``, so every row keeps its columns.
"""

from __future__ import annotations

from looptool.plan.views import document as d


def cell(value: str) -> str:
    return value.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


def table(columns, rows) -> list[str]:
    lines = ["| " + " | ".join(map(cell, columns)) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(map(cell, row)) + " |" for row in rows]
    return lines + [""]


def render(doc: dict) -> str:
    lines = RENDERERS[doc["view"]](doc)
    return "\n".join(lines).rstrip("\n") + "\n"


def _title(doc: dict, prefix: str = "") -> list[str]:
    return [f"# {prefix}{d.heading(doc)}", "", d.day_line(doc), "",
            *[line for line in d.context_lines(doc) for line in (line, "")]]


def _agenda(doc: dict) -> list[str]:
    columns, rows = d.agenda_table(doc)
    return table(columns, [[f"*{c}*" if is_break and c else c for c in cells] for is_break, cells in rows])


def _panel(doc: dict) -> list[str]:
    columns, rows = d.coverage_table(doc)
    return [*_title(doc), *_agenda(doc), "## Coverage", "", *table(columns, rows),
            *[f"- {line}" for line in d.coverage_lines(doc)], "", "## Summary", "",
            *[f"- {line}" for line in d.summary_lines(doc)]]


def _part(part: d.Part) -> list[str]:
    if part.text:
        return [f"**{part.label}:** {part.text.strip()}", ""]
    if part.rubric:
        rows = [[d.band_range(b), b["label"], "\n".join(f"- {e}" for e in b["evidence"])] for b in part.rubric]
        return [f"**{part.label}:**", "", *table(["Score", "Band", "Evidence"], rows)]
    return [f"**{part.label}:**", "", *[f"- {entry}" for entry in part.items], ""]


def _interviewer(doc: dict) -> list[str]:
    lines = _title(doc, prefix="Interviewer kits: ")
    for item in doc["interviews"]:
        lines += [f"## {d.kit_title(doc, item)}", ""]
        lines += [line for part in d.parts(doc, item) for line in _part(part)]
    return lines


def _candidate(doc: dict) -> list[str]:
    lines = [*_title(doc, prefix="Your interview day: "), *_agenda(doc), "## What each interview is like", ""]
    for kind in doc["kinds"]:
        lines += [f"### {kind['name']}", ""]
        lines += [line for part in d.kind_parts(kind) for line in _part(part)]
    return lines


RENDERERS = {"panel": _panel, "interviewer": _interviewer, "candidate": _candidate}
