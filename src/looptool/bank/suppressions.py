"""Inline suppressions written as YAML comments.

    # looptool: ignore[vague-scenario] -- deliberately open: a staff probe
    - id: open-ended-probe          <- the whole question is covered
      prompt: ...                   # looptool: ignore[LT101] -- this line only
    # looptool: ignore-file[stale-problem] -- archive of retired questions

A comment on its own line covers the next line; when that line starts a list
item (a question, a role, ...), it covers the whole item. A comment at the end
of a line covers that line. ``ignore-file`` covers the file. Rules are named by
code or name, comma-separated; a reason after ``--`` is required.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from yaml import ScalarToken, YAMLError

from looptool.bank.loader import _FastParser

_MARKER = re.compile(
    r"(?:^|\s)#\s*looptool:\s*(?P<kind>ignore-file|ignore)\s*(?:\[(?P<rules>[^\]]*)\])?(?P<rest>.*)$"
)


@dataclass
class Suppression:
    file: str
    line: int  # where the comment is
    column: int
    names: tuple[str, ...]  # rules as written (codes or names); the linter resolves them
    reason: str
    kind: str  # "line", "item" or "file"
    target_line: int = 0
    item_path: tuple | None = None
    document: int = 0  # the document holding the item (a path alone repeats in every document)
    used: set[str] = field(default_factory=set)

    def reaches(self, finding) -> bool:
        """Whether the finding's place is covered, whatever its rule."""
        if finding.file != self.file:
            return False
        if self.kind == "file":
            return True
        if finding.line == self.target_line:
            return True
        return (self.item_path is not None and finding.document == self.document
                and tuple(finding.path[: len(self.item_path)]) == self.item_path)


@dataclass
class Invalid:
    file: str
    line: int
    column: int
    message: str


def scan(text: str, file: str, documents) -> tuple[list[Suppression], list[Invalid]]:
    """Find suppression comments in one file's text."""
    if "looptool:" not in text:
        return [], []
    lines = text.splitlines()
    item_starts = _item_starts(documents)
    in_text = _InText(text)
    found, invalid = [], []
    for number, line in enumerate(lines, start=1):
        if "looptool:" not in line:
            continue
        match, column = _comment_marker(line, number, in_text)
        if match is None:
            continue
        names = [n.strip() for n in (match.group("rules") or "").split(",") if n.strip()]
        if not names:
            invalid.append(Invalid(file, number, column, "a suppression must name its rules: `ignore[rule-name]`"))
            continue
        rest = match.group("rest").strip()
        reason = rest[2:].strip() if rest.startswith("--") else ""
        if not reason:
            invalid.append(Invalid(file, number, column,
                                   "a suppression needs a reason after `--`, e.g. `-- scenario is open on purpose`"))
        own_line = not line[: column - 1].strip()
        if match.group("kind") == "ignore-file":
            found.append(Suppression(file, number, column, tuple(names), reason, "file"))
        elif own_line:
            target = _next_content_line(lines, number)
            document, path = item_starts.get(target, (0, None))
            found.append(Suppression(file, number, column, tuple(names), reason, "item" if path else "line", target,
                                     path, document))
        else:
            found.append(Suppression(file, number, column, tuple(names), reason, "line", number))
    return found, invalid


def _comment_marker(line: str, number: int, in_text) -> tuple[re.Match | None, int]:
    """The first marker on the line that is a comment, and the 1-based column of its ``#``."""
    start = 0
    while (match := _MARKER.search(line, start)) is not None:
        column = line.index("#", match.start()) + 1
        if not in_text(number, column):
            return match, column
        start = column
    return None, 0


class _InText:
    """Whether a position lies inside a YAML string: a ``#`` there is text, not a comment.

    Only strings that mention ``looptool:`` matter; their spans come from the
    scanner on first use. Past a syntax error nothing is known to be a string.
    """

    def __init__(self, text: str):
        self.text = text
        self.spans: list | None = None

    def __call__(self, line: int, column: int) -> bool:
        if self.spans is None:
            self.spans = _string_spans(self.text)
        at = (line - 1, column - 1)
        return any(start <= at < end for start, end in self.spans)


def _string_spans(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    spans = []
    scanner = _FastParser(text)
    try:
        while scanner.check_token():
            token = scanner.get_token()
            if isinstance(token, ScalarToken) and "looptool:" in token.value:
                start, end = token.start_mark, token.end_mark
                spans.append(((start.line, start.column), (end.line, end.column)))
    except YAMLError:
        pass
    return spans


def _next_content_line(lines, after: int) -> int:
    for number in range(after + 1, len(lines) + 1):
        stripped = lines[number - 1].strip()
        if stripped and not stripped.startswith("#"):
            return number
    return after


def _item_starts(documents) -> dict[int, tuple]:
    """Line -> (document index, path) of each section list item (a question, a role, ...) starting there."""
    out = {}
    for doc in documents:
        if not isinstance(doc.data, dict):
            continue
        for key, value in doc.data.items():
            if isinstance(value, list):
                for index in range(len(value)):
                    line, _ = doc.locate((key, index))
                    out.setdefault(line, (doc.index, (key, index)))
    return out
