"""Machine-readable findings, following ``schemas/lint-report.schema.json``.

The shape is a promise: fields are only ever added, and ``version`` changes
if one is removed or changes meaning.
"""

from __future__ import annotations

import json

from looptool import __version__
from looptool.reporters.common import level_counts, rule_doc_url
from looptool.review.baseline import fingerprint

REPORT_VERSION = 1


def as_dict(finding) -> dict:
    return {
        "file": finding.file,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "code": finding.code,
        "name": finding.name,
        "level": finding.level,
        "message": finding.message,
        "path": finding.json_path,
        "subject": finding.subject,
        "fingerprint": fingerprint(finding),
        "docs": rule_doc_url(finding.name),
    }


def report(result, options=None) -> dict:
    options = options or {}
    levels = level_counts(result.findings)
    out = {
        "version": REPORT_VERSION,
        "tool": {"name": "looptool", "version": __version__},
        "summary": {
            "files": len(result.bank.files),
            "questions": result.bank.questions_seen,
            "findings": len(result.findings),
            "error": levels["error"], "warning": levels["warning"], "info": levels["info"],
        },
        "findings": [as_dict(f) for f in result.findings],
    }
    if options.get("changed_since"):
        out["changed_since"] = options["changed_since"].as_dict()
    if options.get("baseline"):
        out["baseline"] = options["baseline"].as_dict()
    return out


def render(result, stream, options=None) -> None:
    json.dump(report(result, options), stream, indent=2, ensure_ascii=False)
    stream.write("\n")
