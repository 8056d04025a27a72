"""Applying inline suppressions (found by :mod:`looptool.bank.suppressions`) to findings.

A suppression names rules by code or name; those the registry does not know
are reported as ``invalid-suppression``, and with ``unused-suppression``
selected, a suppression that covered no finding is reported too.
"""

from __future__ import annotations

from looptool.bank.load import LoadProblem
from looptool.lint import registry, stamp
from looptool.lint.findings import Finding
from looptool.lint.rules import invalid_suppression, unreadable_file, unused_suppression


def codes(suppression) -> set[str]:
    """The codes of the rules a suppression names (unknown names left out)."""
    return {rule.code for rule in map(registry.find, suppression.names) if rule is not None}


def unknown_names(suppressions) -> list[LoadProblem]:
    return [LoadProblem(invalid_suppression.NAME, sup.file, sup.line, sup.column,
                        f"suppression names unknown rule `{name}`")
            for sup in suppressions for name in sup.names if registry.find(name) is None]


def apply(findings, suppressions, selected) -> list[Finding]:
    """Drop suppressed findings; report suppressions that covered nothing (when selected)."""
    if not suppressions:
        return findings
    covering = [(sup, codes(sup)) for sup in suppressions]
    kept = []
    for finding in findings:
        cover = next((sup for sup, named in covering
                      if finding.code != unreadable_file.CODE and finding.code in named and sup.reaches(finding)),
                     None)
        if cover is None:
            kept.append(finding)
        else:
            cover.used.add(finding.code)
    if unused_suppression.CODE in selected:
        rule = registry.find(unused_suppression.CODE)
        for sup, named in covering:
            for code in sorted((named & selected) - sup.used):
                name = registry.find(code).name
                kept.append(stamp.finding(rule, sup.file, sup.line, sup.column,
                                          f"suppression of `{name}` matches no finding; remove it"))
    return kept
