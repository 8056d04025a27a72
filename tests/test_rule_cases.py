"""Run every rule's YAML case file (tests/rules/<rule-name>.yaml).

A case file looks like::

    rule: duplicate-key
    cases:
      - name: a repeated title
        files:
          bank.yaml: |
            questions: ...
        today: 2026-11-24        # optional
        role: backend-engineer   # optional
        fifos: [pipe.yaml]       # optional special files
        symlinks: {a.yaml: b.yaml}
        options: {max-age-months: 6}  # optional: the rule's options
        also_run: [duplicate-id]  # optional: other rules this rule depends on
                                  # (only the case file's rule is reported)
        expect:                  # file:line:col CODE, in order; [] for a passing case
          - bank.yaml:3:5 LT004

Only the case file's rule is selected, so each case tests exactly one rule.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
import yaml

from looptool.lint import registry
from looptool.lint.config import Settings
from looptool.lint.linter import LintOptions, lint

CASES_DIR = Path(__file__).parent / "rules"


def _load_cases():
    for path in sorted(CASES_DIR.glob("*.yaml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in spec["cases"]:
            yield pytest.param(spec["rule"], case, id=f"{spec['rule']}::{case['name']}")


def run_case(rule_name, case, tmp_path, monkeypatch):
    for name, text in case["files"].items():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    names = sorted(case["files"])
    for name in case.get("fifos", []):  # special files cannot be written as text
        os.mkfifo(tmp_path / name)
        names.append(name)
    for name, target in case.get("symlinks", {}).items():
        os.symlink(target, tmp_path / name)
        names.append(name)
    monkeypatch.chdir(tmp_path)
    today = case.get("today", "2026-11-24")
    code = registry.find(rule_name).code
    options = LintOptions(
        today=today if isinstance(today, dt.date) else dt.date.fromisoformat(str(today)),
        role=case.get("role"), select=[rule_name, *case.get("also_run", [])],
        settings=Settings(rule_options={code: case.get("options", {})}),
    )
    result = lint(sorted(names), options)
    return [f"{f.file}:{f.line}:{f.column} {f.code}" for f in result.findings if f.code == code]


@pytest.mark.parametrize("rule_name,case", list(_load_cases()))
def test_rule_case(rule_name, case, tmp_path, monkeypatch):
    assert registry.find(rule_name) is not None, f"no rule named {rule_name}"
    assert run_case(rule_name, case, tmp_path, monkeypatch) == case["expect"]
