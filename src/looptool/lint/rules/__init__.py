"""The rules: one module per rule, found by :mod:`looptool.lint.registry`.

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

from dataclasses import dataclass
from typing import Any


@dataclass
class Problem:
    """What a rule reports: a message and where, relative to ``at``."""

    message: str
    path: tuple = ()
    at: Any = None  # an object with an ``origin``; defaults to the checked subject
    subject: str | None = None  # id of what the finding is about
    on_key: bool = False  # place on the key rather than the value
