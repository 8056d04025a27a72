"""The rule registry: every rule module of :mod:`looptool.lint.rules`, by code and name.

The one place that knows which rules exist; the linter, the configuration,
the rule docs and the stamping of findings (``stamp.py``) ask it for a rule's
code, name, level and scope.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from functools import cache
from typing import Callable

from looptool.lint import rules as rule_package

SCOPES = ("file", "question", "loop", "bank", "pool")
DOC_SECTIONS = ("What it flags", "Why it matters", "Fails", "Passes", "Options")


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
    for info in sorted(pkgutil.iter_modules(rule_package.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{rule_package.__name__}.{info.name}")
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
