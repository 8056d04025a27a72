"""The rule catalogue: one module per rule, discovered from this package.

A rule module defines

* ``CODE`` (``LT###``), ``NAME`` (kebab-case), ``LEVEL`` (``error``,
  ``warning`` or ``info``) and ``SCOPE``: ``file`` (found while reading,
  no ``check``), ``question``, ``loop``, ``bank`` or ``pool``;
* ``OPTIONS``: a dict of option defaults (may be empty), and
  ``OPTION_RANGES``: for numeric options, the inclusive ``(low, high)`` a
  configured value must fall in (``None``: unbounded on that side);
* ``check(subject, ctx)`` yielding :class:`Problem` (except ``file`` rules);
* a module docstring that *is* the user documentation: a one-line summary,
  then the sections ``## What it flags``, ``## Why it matters``, ``## Fails``,
  ``## Passes`` and ``## Options``.

``subject`` is a Question, a LoopTemplate, the Bank or the interviewer list,
by scope. The rule says what is wrong and where (a path relative to the
subject, or to ``Problem.at``); the linter stamps code, level and position.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Callable

SCOPES = ("file", "question", "loop", "bank", "pool")
DOC_SECTIONS = ("What it flags", "Why it matters", "Fails", "Passes", "Options")


@dataclass
class Problem:
    """What a rule reports: a message and where, relative to ``at``."""

    message: str
    path: tuple = ()
    at: Any = None  # an object with an ``origin``; defaults to the checked subject
    subject: str | None = None  # id of what the finding is about
    on_key: bool = False  # place on the key rather than the value


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    level: str
    scope: str
    doc: str
    options: dict = field(default_factory=dict)
    ranges: dict = field(default_factory=dict)  # numeric option -> (low, high), inclusive
    check: Callable | None = None

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0].strip() if self.doc.strip() else ""

    def section(self, heading: str) -> str:
        """The body of one ``## heading`` section of the docs."""
        out, inside = [], False
        for line in self.doc.splitlines():
            if line.startswith("## "):
                inside = line[3:].strip() == heading
                continue
            if inside:
                out.append(line)
        return "\n".join(out).strip()


def _from_module(module) -> Rule:
    return Rule(
        code=module.CODE, name=module.NAME, level=module.LEVEL, scope=module.SCOPE,
        doc=module.__doc__ or "", options=dict(getattr(module, "OPTIONS", {})),
        ranges=dict(getattr(module, "OPTION_RANGES", {})), check=getattr(module, "check", None),
    )


@cache
def catalogue() -> tuple[Rule, ...]:
    """Every rule, sorted by code."""
    rules = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "CODE"):
            rules.append(_from_module(module))
    return tuple(sorted(rules, key=lambda r: r.code))


@cache
def _index() -> dict[str, Rule]:
    index = {}
    for rule in catalogue():
        index[rule.code.lower()] = rule
        index[rule.name] = rule
    return index


def find(code_or_name: str) -> Rule | None:
    return _index().get(code_or_name.strip().lower())


def by_name(name: str) -> Rule:
    return _index()[name]


def matching(selector: str) -> list[Rule]:
    """Rules a selector names: a code, a name, a code prefix (``LT1``) or ``ALL``."""
    sel = selector.strip().lower()
    if sel == "all":
        return list(catalogue())
    exact = find(sel)
    if exact:
        return [exact]
    return [rule for rule in catalogue() if rule.code.lower().startswith(sel)] if sel.startswith("lt") else []
