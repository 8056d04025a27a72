"""Meta-tests keeping the rule catalogue honest."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from looptool.lint.registry import DOC_SECTIONS, SCOPES, catalogue, find

CASES_DIR = Path(__file__).parent / "rules"
RULES = catalogue()


def test_codes_and_names_are_unique_and_well_formed():
    codes = [r.code for r in RULES]
    names = [r.name for r in RULES]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    for rule in RULES:
        assert re.fullmatch(r"LT\d{3}", rule.code)
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
        assert rule.level in ("error", "warning", "info")
        assert rule.scope in SCOPES
        assert (rule.check is None) == (rule.scope == "file"), rule.name
        assert find(rule.code) is rule and find(rule.name) is rule


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_rule_is_documented(rule):
    assert rule.summary and not rule.summary.startswith("#")
    headings = re.findall(r"^## (.+)$", rule.doc, flags=re.M)
    assert headings == list(DOC_SECTIONS), rule.name
    for heading in DOC_SECTIONS:
        assert rule.section(heading), f"{rule.name}: empty section {heading}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_rule_has_passing_and_failing_cases(rule):
    path = CASES_DIR / f"{rule.name}.yaml"
    assert path.exists(), f"missing {path}"
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert spec["rule"] == rule.name
    passing = [c for c in spec["cases"] if not c["expect"]]
    failing = [c for c in spec["cases"] if c["expect"]]
    assert len(passing) >= 3 and len(failing) >= 3, (len(passing), len(failing))
    for case in failing:
        assert all(entry.endswith(rule.code) for entry in case["expect"]), case["name"]
