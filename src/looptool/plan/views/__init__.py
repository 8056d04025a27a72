"""Views of a scheduled plan, each in four formats.

Three views, for three audiences:

- ``panel`` (the hiring manager): times, interview types, questions,
  interviewers, what each interview tests, the coverage matrix, the
  progression rule and the questions the planner skipped;
- ``interviewer``: one kit per interview (or only ``handle``'s) with the
  prompt, scenario, follow-ups, rubric and notes;
- ``candidate``: the day, the interview kinds, the breaks, the interviewers'
  names and what each kind of interview is like, and nothing from the
  questions.

Four formats: ``text`` (rich), ``markdown``, ``json`` (one document per view,
``schemas/plan.schema.json``) and ``ics`` (one calendar event per interview).
Every renderer is a pure function of the plan returning a string.
"""

from __future__ import annotations

import json

from looptool.plan.result import Plan
from looptool.plan.views import document, ics, markdown, text
from looptool.plan.views.document import VIEWS, ViewError

FORMATS = ("text", "markdown", "json", "ics")

__all__ = ["FORMATS", "VIEWS", "ViewError", "render_plan"]


def _json(doc: dict) -> str:
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


RENDERERS = {"text": text.render, "markdown": markdown.render, "json": _json, "ics": ics.render}


def render_plan(plan: Plan, view: str = "panel", fmt: str = "text", handle: str | None = None, *,
                color: bool = False, width: int | None = None) -> str:
    """``plan`` (already scheduled) as ``view`` in ``fmt``; ``color``/``width`` apply to text."""
    if fmt not in RENDERERS:
        raise ViewError(f"unknown format `{fmt}`; expected one of: {', '.join(FORMATS)}")
    doc = document.build(plan, view, handle)
    if fmt == "text":
        return text.render(doc, color=color, width=width or text.WIDTH)
    return RENDERERS[fmt](doc)
