"""A markdown summary: a headline, a count per rule and a table of findings.

Made for ``$GITHUB_STEP_SUMMARY`` and pull-request comments, where a
reviewer wants the whole picture rather than the handful of annotations
GitHub shows. On a GitHub runner, locations link to the file at the commit.
"""

from __future__ import annotations

import os
from collections import Counter

from looptool.reporters.common import LEVEL_ORDER, headline, notes, rule_doc_url
from looptool.review.gitrepo import repo_path, repo_root

MAX_ROWS = 500  # a step summary may hold 1 MiB; a reviewer reads far less
LEVEL_MARK = {"error": "error", "warning": "warning", "info": "info"}


def cell(text: str) -> str:
    """Text safe inside a table cell: no row breaks, no column breaks, no HTML."""
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("|", "\\|").replace("\r", " ").replace("\n", " "))


def _blob_url() -> str | None:
    server, repo, sha = (os.environ.get(k) for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"))
    return f"{server}/{repo}/blob/{sha}/" if server and repo and sha else None


def _location(finding, root, blob) -> str:
    path = repo_path(finding.file, root)
    text = f"`{cell(path)}:{finding.line}:{finding.column}`"
    if blob and not path.startswith("/"):
        return f"[{text}]({blob}{path}#L{finding.line})"
    return text


def summary(result, options) -> str:
    findings = result.findings
    lines = ["## looptool lint", "", f"**{headline(result)}**", ""]
    lines += [f"> {cell(note)}" for note in notes(options)]
    if notes(options):
        lines.append("")
    if not findings:
        return "\n".join(lines) + "\n"
    per_rule = Counter((f.code, f.name, f.level) for f in findings)
    lines += ["| rule | level | findings |", "|---|---|---:|"]
    for (code, name, level), count in sorted(per_rule.items(), key=lambda kv: (LEVEL_ORDER.index(kv[0][2]), -kv[1], kv[0])):
        lines.append(f"| [{code} {name}]({rule_doc_url(name)}) | {LEVEL_MARK[level]} | {count} |")
    root, blob = repo_root(), _blob_url()
    lines += ["", "| location | rule | level | message |", "|---|---|---|---|"]
    for finding in findings[:MAX_ROWS]:
        lines.append(f"| {_location(finding, root, blob)} | {finding.code} {finding.name} | "
                     f"{finding.level} | {cell(finding.message)} |")
    if len(findings) > MAX_ROWS:
        lines += ["", f"… and {len(findings) - MAX_ROWS} more; run `looptool lint` locally for all of them."]
    return "\n".join(lines) + "\n"


def render(result, stream, options=None) -> None:
    stream.write(summary(result, options or {}))
