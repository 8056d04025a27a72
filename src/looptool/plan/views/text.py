"""The text format: rich tables and panels, with colour only when asked.

Rendered through a rich Console writing to a string at a fixed width, so the
same plan always gives the same text; the CLI asks for colour only on a
terminal without NO_COLOR. Markup is off: a question that contains
``[brackets]`` prints as written.
"""

from __future__ import annotations

from io import StringIO

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from looptool.plan.views import document as d

WIDTH = 100


NARROW = 100  # below this many columns the interviewers share a column with the interview's kind


def render(doc: dict, color: bool = False, width: int = WIDTH) -> str:
    """``doc`` as text ``width`` columns wide: words wrap, ids never split."""
    out = StringIO()
    console = Console(file=out, width=width, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, markup=False, highlight=False,
                      emoji=False, soft_wrap=False, legacy_windows=False, force_jupyter=False)
    for renderable in RENDERERS[doc["view"]](doc, width):
        console.print(renderable)
    if color:
        return out.getvalue()
    return "".join(line.rstrip() + "\n" for line in out.getvalue().splitlines())


def _title(doc: dict, prefix: str = "") -> list:
    return [Text(prefix + d.heading(doc), style="bold"), Text(d.day_line(doc)),
            *[Text(line) for line in d.context_lines(doc)], Text()]


# Columns whose text may be long take the room that is left; names stay compact. The question
# column comes first: it is never narrower than its longest id, so no id is split.
COLUMN_OPTIONS = {"Question": {"ratio": 1}, "Evidence": {"ratio": 1}, "Interviewer": {"max_width": 22}}
NARROW_OPTIONS = {"Interview": {"max_width": 16}}  # kind and interviewers, in a narrow panel agenda


def _table(columns, rows, widest: dict | None = None, narrow: bool = False, **options) -> Table:
    expand = any("ratio" in COLUMN_OPTIONS.get(c, {}) for c in columns)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=expand, **options)
    for column in columns:
        settings = {**COLUMN_OPTIONS.get(column, {}), **(NARROW_OPTIONS.get(column, {}) if narrow else {})}
        if widest and column in widest:
            settings["min_width"] = widest[column]
        table.add_column(column, overflow="fold", **settings)
    for row in rows:
        table.add_row(*row)
    return table


def _agenda(doc: dict, width: int = WIDTH) -> Table:
    narrow = width < NARROW
    columns, rows = d.agenda_table(doc, compact=True, narrow=narrow)
    widest = {"Question": max(map(len, d.question_ids(doc)), default=0)}
    return _table(columns, [[Text(c, style="dim") for c in cells] if is_break else cells for is_break, cells in rows],
                  widest=widest, narrow=narrow and doc["view"] != "candidate")


def _panel(doc: dict, width: int = WIDTH) -> list:
    columns, rows = d.coverage_table(doc)
    matrix = _table(columns, rows, title="Coverage", title_justify="left", title_style="bold")
    lines = [Text(line) for line in (*d.coverage_lines(doc), "", *d.summary_lines(doc))]
    return [*_title(doc), _agenda(doc, width), Text(), matrix, *lines]


def _part(part: d.Part) -> Group:
    label = Text(part.label, style="bold")
    if part.text:
        return Group(label, Text(part.text.strip()), Text())
    if part.rubric:
        rubric = _table(["Score", "Band", "Evidence"],
                        [[d.band_range(b), b["label"], "\n".join(f"- {e}" for e in b["evidence"])]
                         for b in part.rubric])
        return Group(label, rubric, Text())
    return Group(label, *[Text(f"- {entry}") for entry in part.items], Text())


def _interviewer(doc: dict, width: int = WIDTH) -> list:
    out = _title(doc, prefix="Interviewer kits: ")
    for item in doc["interviews"]:
        body = Group(*[_part(p) for p in d.parts(doc, item)])
        out.append(Panel(body, title=d.kit_title(doc, item), title_align="left", box=box.SQUARE))
    return out


def _candidate(doc: dict, width: int = WIDTH) -> list:
    out = [*_title(doc, prefix="Your interview day: "), _agenda(doc, width), Text(),
           Text("What each interview is like", style="bold"), Text()]
    for kind in doc["kinds"]:
        out.append(Panel(Group(*[_part(p) for p in d.kind_parts(kind)]), title=kind["name"], title_align="left",
                         box=box.SQUARE))
    return out


RENDERERS = {"panel": _panel, "interviewer": _interviewer, "candidate": _candidate}
