"""Every rule's documented Fails / Passes examples behave as shown (``looptool explain`` prints them).

An example shows only the fields that matter; the fields it leaves out are
filled with plain defaults (``DEFAULTS``), then the file is linted with only
that rule selected: a Fails example must give at least one finding of the
rule, a Passes example none. Examples of file-level rules are linted as
written. An example may show a fragment of one item (a question's ``rubric``,
a loop's ``slots``): it is placed in an item of the rule's scope. A comment
line ``# name.yaml`` starts another file; an example whose comment says
``Latin-1`` is saved in Latin-1. An example that can only be described (a
file nobody may read) says so in a comment and is listed in ``DESCRIBED``.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml

from looptool.lint import registry
from looptool.lint.config import Settings
from looptool.lint.linter import LintOptions, lint

TODAY = dt.date(2026, 11, 24)

DEFAULTS = {
    "questions": {"title": "Example", "type": "coding", "levels": ["senior"], "skills": ["algorithms"],
                  "stage": "probe", "duration_minutes": 45, "prompt": "Merge overlapping booking intervals.",
                  "signal": "Merges intervals correctly and explains the ordering."},
    "loops": {"level": "senior", "slots": [{"type": "coding", "minutes": 45}], "progression": {"pass_total": 3}},
    "roles": {"title": "Example role", "in_scope": {"algorithms": 1}},
    "interviewers": {"level": "senior", "qualified_for": ["coding"]},
    "skills": {"name": "Example skill"},
}

# rules whose examples describe a file rather than show one
DESCRIBED = {"unreadable-file"}
# file-level rules judge the text as written: completing it would parse and rewrite it
AS_WRITTEN = {"syntax-error", "encoding-error", "unsafe-tag", "duplicate-key", "too-complex", "empty-file",
              "unknown-section", "invalid-suppression", "unused-suppression"}
# a suppression is unused only when the rule it names runs
ALSO_RUN = {"unused-suppression": ["duplicate-id"]}
SECTION_OF_SCOPE = {"question": "questions", "bank": "questions", "loop": "loops"}


_BLOCK = re.compile(r"```yaml\n(.*?)```", re.S)
_FILE = re.compile(r"^# ([\w.-]+\.ya?ml)$", re.M)
_ROLE = re.compile(r"--role ([a-z0-9-]+)")


def _example(rule, section) -> str:
    blocks = _BLOCK.findall(rule.section(section))
    assert len(blocks) == 1, f"{rule.name}: `## {section}` must hold one ```yaml block"
    return blocks[0]


def _files(text: str) -> dict[str, str]:
    """``bank.yaml``, or the files an example names in ``# name.yaml`` comment lines."""
    parts = _FILE.split(text)
    if len(parts) == 1:
        return {"bank.yaml": text}
    return dict(zip(parts[1::2], parts[2::2]))


def _completed(text: str, scope: str = "question") -> str:
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        return text
    if not data.keys() & DEFAULTS.keys() and scope in SECTION_OF_SCOPE:  # a fragment of one item
        data = {SECTION_OF_SCOPE[scope]: [{"id": "example", **data}]}
    for section, items in data.items():
        defaults = DEFAULTS.get(section)
        if defaults is None or not isinstance(items, list):
            continue
        for item in items:
            if isinstance(item, dict):
                for key, value in defaults.items():
                    item.setdefault(key, value)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def outcome(rule, section, tmp_path, monkeypatch) -> list[str]:
    """The findings of ``rule`` on its completed ``section`` example."""
    text = _example(rule, section)
    files = _files(text)
    for name, content in files.items():
        written = content if rule.name in AS_WRITTEN else _completed(content, rule.scope)
        (tmp_path / name).write_bytes(written.encode("latin-1" if "Latin-1" in content else "utf-8"))
    monkeypatch.chdir(tmp_path)
    role = _ROLE.search(text)
    options = LintOptions(today=TODAY, role=role.group(1) if role else None,
                          select=[rule.name, *ALSO_RUN.get(rule.name, [])], settings=Settings())
    result = lint(sorted(files), options)
    return [f"{f.line}:{f.column} {f.message}" for f in result.findings if f.code == rule.code]


def _cases():
    for rule in registry.catalogue():
        for section in ("Fails", "Passes"):
            yield pytest.param(rule, section, id=f"{rule.name}-{section.lower()}")


@pytest.mark.parametrize("rule,section", list(_cases()))
def test_documented_example_behaves_as_shown(rule, section, tmp_path, monkeypatch):
    text = _example(rule, section)
    if rule.name in DESCRIBED:
        assert yaml.safe_load(text) is None, f"{rule.name}: a described example is only a comment"
        return
    found = outcome(rule, section, tmp_path, monkeypatch)
    if section == "Fails":
        assert found, f"{rule.name}: the Fails example gives no finding once completed:\n{_completed(text, rule.scope)}"
    else:
        assert not found, f"{rule.name}: the Passes example gives findings: {found}"


def test_the_lists_above_name_real_rules():
    names = {rule.name for rule in registry.catalogue()}
    assert DESCRIBED | AS_WRITTEN | ALSO_RUN.keys() <= names


def test_the_config_docstring_example_is_a_valid_config(tmp_path):
    """The example in looptool.lint.config's docstring loads, and every value it shows takes effect."""
    import textwrap

    from looptool.lint import config

    doc = config.__doc__
    example = textwrap.dedent(doc[doc.index("::\n") + 3:doc.index("\nEvery key is checked")])
    (tmp_path / "looptool.toml").write_text(example, encoding="utf-8")
    settings = config.load_settings([tmp_path])
    assert settings.source == str(tmp_path / "looptool.toml")
    assert settings.select == ["ALL"] and settings.ignore == ["LT114"] and settings.role == "ml-platform"
    stale = registry.find("stale-problem").code
    assert settings.rule_levels[stale] == "error" and settings.rule_options[stale] == {"max-age-months": 6}
    assert [e["id"] for e in settings.catalogues["stale_topics"]] == ["user-user-cf"]
