"""GitHub Actions workflow commands: one annotation per finding.

``::error file=F,line=L,col=C,title=CODE name::message``. GitHub shows only a
few annotations per step, so when ``$GITHUB_STEP_SUMMARY`` names a file the
markdown summary (every finding) is appended to it too.
"""

from __future__ import annotations

import os

from looptool.reporters import markdown
from looptool.review.gitrepo import repo_path, repo_root

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding, root) -> str:
    props = {
        "file": repo_path(finding.file, root),
        "line": str(finding.line),
        "col": str(finding.column),
        "title": f"{finding.code} {finding.name}",
    }
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in props.items())
    return f"::{COMMAND.get(finding.level, 'warning')} {joined}::{escape_data(finding.message)}"


def render(result, stream, options=None) -> None:
    root = repo_root()
    for finding in result.findings:
        stream.write(annotation(finding, root) + "\n")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        # appended, as GitHub expects: earlier steps may have written their own
        with open(summary, "a", encoding="utf-8") as out:
            out.write(markdown.summary(result, options or {}))
