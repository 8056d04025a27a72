"""The one place a problem becomes a Finding.

Rules yield :class:`~looptool.lint.rules.Problem` (what and where, relative to
a subject); the loader reports :class:`~looptool.bank.load.LoadProblem` (named
by a file-scope rule). Here each gets the code, name and level of its rule
from the registry and, for rule problems, a file position from the source map.
"""

from __future__ import annotations

from looptool.bank.load import LoadProblem
from looptool.lint import registry
from looptool.lint.findings import Finding
from looptool.lint.registry import Rule


def finding(rule: Rule, file: str, line: int, column: int, message: str, path=(), subject=None,
            document: int = 0) -> Finding:
    return Finding(file=file, line=line, column=column, code=rule.code, name=rule.name, level=rule.level,
                   message=message, path=tuple(path), subject=subject, document=document)


def from_load(problem: LoadProblem) -> Finding:
    """A problem met while reading; its rule must be registered (KeyError otherwise)."""
    return finding(registry.by_name(problem.rule), problem.file, problem.line, problem.column, problem.message,
                   problem.path, problem.subject, problem.document)


def from_check(rule: Rule, problem, subject) -> Finding:
    """A problem a rule's ``check`` yielded about ``subject``, placed through the source map."""
    anchor = problem.at if problem.at is not None else subject
    origin = anchor.origin
    line, col = origin.locate_key(problem.path) if problem.on_key else origin.locate(problem.path)
    ident = problem.subject or getattr(anchor, "id", None) or getattr(anchor, "handle", None)
    return finding(rule, origin.file, line, col, problem.message, (*origin.path, *problem.path), ident,
                   origin.document.index)
