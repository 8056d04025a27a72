"""Lint for review workflows: narrow a lint result to what a pull request
must answer for (``--changed-since``) or to what is new (``--baseline``).

Each narrowing returns the findings to report and a note the reporters show
(and machine-readable formats record), so the exit code follows what is
reported.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from looptool.bank import model


def narrow(result, paths, *, changed_since: str | None = None, baseline: Path | None = None, relint=None):
    """(result with only the findings to report, reporter options describing why)."""
    findings, notes = with_subjects(result.findings, result.bank), {}
    result = dataclasses.replace(result, findings=findings)
    # every lint run passes through here, and most narrow nothing: the git and baseline code is
    # imported only when asked for
    if changed_since:
        from looptool.review.changed_since import narrow as since  # deferred: git code, for --changed-since

        findings, notes["changed_since"] = since(result, changed_since, paths, relint)
    if baseline is not None:
        from looptool.review import baseline as baselines  # deferred: baseline code, for --baseline

        outcome = baselines.apply(findings, baseline)
        findings, notes["baseline"] = outcome.kept, outcome
    return dataclasses.replace(result, findings=findings), notes


def write_baseline(result, path: Path) -> str:
    """Record every finding of ``result``; returns a line saying so."""
    from looptool.review import baseline as baselines  # deferred: baseline code, for --write-baseline

    count = baselines.write(path, with_subjects(result.findings, result.bank))
    return f"Wrote {count} finding{'s' if count != 1 else ''} to the baseline {path}."


def with_subjects(findings, bank) -> list:
    """Findings made while reading (a duplicate key, a schema violation)
    name no item when the item's id was not known yet; name it from the
    source, so that reports, baselines and --changed-since tie them to their
    question rather than to a line of a file."""
    out = []
    for finding in findings:
        subject = None
        if finding.subject is None and len(finding.path) >= 2 and finding.path[0] in model.SECTIONS:
            subject = _item_id(finding, bank)
        out.append(dataclasses.replace(finding, subject=subject) if subject else finding)
    return out


def _item_id(finding, bank) -> str | None:
    section, index = finding.path[:2]
    id_field = model.SECTIONS[section][1]
    for document in bank.documents:
        data = document.data
        if (document.file, document.index) != (finding.file, finding.document) or not isinstance(data, dict) \
                or not isinstance(index, int):
            continue
        items = data.get(section)
        if isinstance(items, list) and 0 <= index < len(items) and isinstance(items[index], dict):
            ident = items[index].get(id_field)
            return ident if isinstance(ident, str) else None
    return None
