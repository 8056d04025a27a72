"""What several reporters share: rule documentation links, counts, wording."""

from __future__ import annotations

from collections import Counter

from looptool import __version__
from looptool.safetext import escape_controls

PROJECT_URL = "https://github.com/looptool/looptool"
# Rule pages are generated from the rule docstrings into docs/rules/<name>.md.
# A release links the pages at its own tag; a development version (".devN",
# everything on main between releases) links main, since it has no tag.
RULE_DOC_URL = PROJECT_URL + "/blob/{ref}/docs/rules/{name}.md"
LEVEL_ORDER = ("error", "warning", "info")


def rule_doc_url(name: str, version: str = __version__) -> str:
    ref = "main" if ".dev" in version else f"v{version}"
    return RULE_DOC_URL.format(ref=ref, name=name)


def one_line(text: str) -> str:
    """``text`` with line breaks and control characters written as escapes
    (``\\n``, ``\\x1b``), tabs kept: a finding quoting a file's value stays on its line."""
    return escape_controls(text, keep="\t")


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def level_counts(findings) -> Counter:
    return Counter(f.level for f in findings)


def headline(result) -> str:
    """``Found 2 errors, 1 warning in 3 files (97 questions).`` or the all-clear."""
    files = plural(len(result.bank.files), "file")
    questions = plural(result.bank.questions_seen, "question")
    levels = level_counts(result.findings)
    if not result.findings:
        return f"All checks passed: {files}, {questions}."
    parts = [plural(levels[lv], lv) for lv in LEVEL_ORDER if levels[lv]]
    return f"Found {', '.join(parts)} in {files} ({questions})."


def notes(options) -> list[str]:
    """Lines about how the findings were narrowed (baseline, changed-since)."""
    out = []
    if options.get("changed_since"):
        out.append(options["changed_since"].describe())
    if options.get("baseline"):
        out.append(options["baseline"].describe())
    return out
