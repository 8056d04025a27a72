"""Rule docs are generated from docstrings and must be committed up to date."""

from __future__ import annotations

import json

from looptool.lint import ruledocs
from looptool.lint.registry import catalogue

from conftest import REPO


def test_generated_rule_docs_and_readme_table_are_current():
    stale = [str(path.relative_to(REPO)) for path, content in ruledocs.expected_files(REPO).items()
             if not path.exists() or path.read_text(encoding="utf-8") != content]
    assert not stale, f"regenerate with `python -m looptool.lint.ruledocs`: {stale}"


def test_readme_links_every_rule_page():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for rule in catalogue():
        assert f"(docs/rules/{rule.name}.md)" in readme


def test_rules_command_lists_every_rule(cli):
    listed = json.loads(cli("rules", "--format", "json").out)
    assert [r["code"] for r in listed] == [r.code for r in catalogue()]
    table = cli("rules")
    assert table.code == 0 and "LT004" in table.out
    assert cli("rules", "--format", "yaml").code == 2


def test_explain_works_for_every_rule_by_code_and_name(cli):
    for rule in catalogue():
        by_code = cli("explain", rule.code)
        assert by_code.code == 0 and rule.name in by_code.out and "Why it matters" in by_code.out
        assert cli("explain", rule.name).out == by_code.out
    missing = cli("explain", "no-such-rule")
    assert missing.code == 2 and "unknown rule" in missing.err


def test_rule_pages_and_json_state_option_ranges():
    from looptool.lint.ruledocs import rule_page, rules_json
    from looptool.lint.registry import find

    assert "- Allowed values: `max-age-months` from 1 to 1200" in rule_page(find("stale-problem"))
    near = next(r for r in rules_json() if r["name"] == "near-duplicate")
    assert near["option_ranges"] == {"threshold": [0.01, 1.0], "shingle-words": [1, 10]}
