"""Findings: what every check produces and every reporter renders."""

from __future__ import annotations

from dataclasses import dataclass, field

LEVELS = ("error", "warning", "info")
LEVEL_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True, order=False)
class Finding:
    """One problem, placed at a 1-based line and column of a file.

    ``path`` is the JSON path of the offending value inside the document
    (e.g. ``("questions", 3, "rubric", 0)``) and ``document`` that
    document's 0-based index in a multi-document file, so that a path is
    never mistaken for the same path in another document; ``subject`` names
    what the finding is about (a question id, a loop id) when there is one.
    """

    file: str
    line: int
    column: int
    code: str
    name: str
    level: str
    message: str
    path: tuple = ()
    end_line: int | None = None
    end_column: int | None = None
    subject: str | None = None
    extra: dict = field(default_factory=dict, compare=False, hash=False)
    document: int = 0

    def sort_key(self) -> tuple:
        return (self.file, self.line, self.column, self.code, self.message)

    @property
    def json_path(self) -> str:
        """The path as a JSONPath-like string: ``$.questions[3].rubric``."""
        out = "$"
        for part in self.path:
            out += f"[{part}]" if isinstance(part, int) else f".{part}"
        return out


def sort_findings(findings) -> list[Finding]:
    return sorted(findings, key=Finding.sort_key)


def at_least(level: str, threshold: str) -> bool:
    return LEVEL_RANK[level] >= LEVEL_RANK[threshold]
