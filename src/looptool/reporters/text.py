"""The default, human reporter: ``path:line:col: CODE name message`` and a summary.

Colour comes from rich and follows its rules: none when the output is not a
terminal or NO_COLOR is set. Lines are never wrapped, so the output stays
grep- and editor-friendly.
"""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.text import Text

from looptool.reporters.common import one_line

LEVEL_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 or word == 'info' else 's'}"


def render(result, stream, options=None) -> None:
    options = options or {}
    console = Console(file=stream, soft_wrap=True, highlight=False)
    findings = result.findings
    for f in findings:
        line = Text()
        line.append(f"{one_line(f.file)}:{f.line}:{f.column}:", style="bold")
        line.append(" ")
        line.append(f.code, style=LEVEL_STYLE.get(f.level, ""))
        line.append(f" {f.name} ", style="dim")
        line.append(one_line(f.message))
        console.print(line)
    if options.get("statistics") and findings:
        console.print()
        counts = Counter((f.code, f.name, f.level) for f in findings)
        for (code, name, level), count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            console.print(Text(f"{count:>5}  {code}  {name} [{level}]"))
    bank = result.bank
    questions = _plural(bank.questions_seen, "question")
    files = _plural(len(bank.files), "file")
    if findings:
        levels = Counter(f.level for f in findings)
        parts = [_plural(levels[lv], lv) for lv in ("error", "warning", "info") if levels[lv]]
        summary = Text(f"Found {', '.join(parts)} in {files} ({questions}).", style="bold")
    else:
        summary = Text(f"All checks passed: {files}, {questions}.", style="bold green")
    if findings:
        console.print()
    console.print(summary)
