"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

The driver lists every rule (not only those that fired), so a viewer can
show any rule's help; results point at repository-relative URIs under
``%SRCROOT%`` and carry a partial fingerprint that does not depend on line
numbers, so code scanning tracks a finding across runs while the file
around it changes.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from looptool import __version__
from looptool.lint.registry import catalogue
from looptool.reporters.common import PROJECT_URL, notes, rule_doc_url
from looptool.review.baseline import occurrence_fingerprints
from looptool.review.gitrepo import repo_path, repo_root

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "looptoolFindingHash/v1"


def _rule(rule) -> dict:
    flags = rule.section("What it flags") or rule.summary
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": flags, "markdown": flags},
        "help": {"text": rule.doc.strip(), "markdown": rule.doc.strip()},
        "helpUri": rule_doc_url(rule.name),
        "defaultConfiguration": {"level": LEVEL[rule.level]},
        "properties": {"scope": rule.scope, "tags": ["looptool", rule.scope]},
    }


def _region(finding) -> dict:
    region = {"startLine": finding.line, "startColumn": finding.column}
    if finding.end_line:
        region["endLine"] = finding.end_line
    if finding.end_column:
        region["endColumn"] = finding.end_column
    return region


def _uri(path: str) -> str:
    if path.startswith("/"):
        return "file://" + quote(path)
    return quote(path)


def log(result, options=None) -> dict:
    rules = list(catalogue())
    index = {rule.code: i for i, rule in enumerate(rules)}
    root = repo_root()
    results = []
    for finding, print_ in zip(result.findings, occurrence_fingerprints(result.findings)):
        path = repo_path(finding.file, root)
        location = {"artifactLocation": {"uri": _uri(path)}, "region": _region(finding)}
        if not path.startswith("/"):
            location["artifactLocation"]["uriBaseId"] = "%SRCROOT%"
        item = {
            "ruleId": finding.code,
            "level": LEVEL.get(finding.level, "warning"),
            "message": {"text": finding.message},
            "locations": [{"physicalLocation": location}],
            "partialFingerprints": {FINGERPRINT_KEY: print_},
            "properties": {"name": finding.name, "jsonPath": finding.json_path},
        }
        if finding.code in index:
            item["ruleIndex"] = index[finding.code]
        if finding.subject:
            item["properties"]["subject"] = finding.subject
        results.append(item)
    run = {
        "tool": {"driver": {
            "name": "looptool",
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": PROJECT_URL,
            "rules": [_rule(rule) for rule in rules],
        }},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": "file://" + quote(root.as_posix().rstrip("/") + "/")}},
        "columnKind": "unicodeCodePoints",
        "invocations": [{"executionSuccessful": True,
                         "toolExecutionNotifications": [{"message": {"text": n}, "level": "note"}
                                                        for n in notes(options or {})]}],
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(result, stream, options=None) -> None:
    json.dump(log(result, options), stream, indent=2, ensure_ascii=False)
    stream.write("\n")
