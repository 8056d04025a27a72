"""Every `looptool lint --format` through the real CLI, on a bank with findings."""

from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from test_cli_lint import GOOD

from conftest import REPO, TODAY, sarif_schema

# a duplicate key inside question top-k-stream, on the line after GOOD
DUPLICATE = GOOD + "    title: Again\n"
DUP = GOOD.count("\n") + 1
# a section name with the characters GitHub's workflow commands must escape
ODD_SECTION = '"50%\\r\\nsure: yes, no": []\n'
ODD_NAME = "we,ird:name.yaml"


@pytest.fixture
def bank(tmp_path, write, monkeypatch):
    """A git repository with a clean file, a file with a duplicate key and an
    oddly named file with an escaping-hungry finding; cwd is its root."""
    for var in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITHUB_WORKSPACE", "GITHUB_SHA"):
        monkeypatch.delenv(var, raising=False)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    write("bank/clean.yaml", GOOD.replace("top-k-stream", "clean-one"))
    write("bank/dup.yaml", DUPLICATE)
    write(f"bank/{ODD_NAME}", ODD_SECTION)
    write("bank/empty.yaml", "# nothing yet\n")  # a warning
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lint(cli, *args, path="bank"):
    # only the loader's rules: the findings stay the same as content rules are added
    return cli("lint", path, "--today", TODAY, "--select", "LT0", *args)


EXPECTED_GITHUB = [
    f"::error file=bank/dup.yaml,line={DUP},col=5,title=LT004 duplicate-key::"
    "key 'title' repeats the one at line 3; looptool reads that one and ignores this, other YAML readers may take this one instead: keep one of them",
    "::warning file=bank/empty.yaml,line=1,col=1,title=LT006 empty-file::the file is empty",
    "::error file=bank/we%2Cird%3Aname.yaml,line=1,col=1,title=LT007 unknown-section::"
    "unknown section `50%25%0D%0Asure: yes, no`; expected one of: questions, skills, roles, loops, interviewers",
]


def test_github_lines_exactly_with_escaping(cli, bank):
    run = lint(cli, "--format", "github")
    assert run.code == 1
    assert run.out.splitlines() == EXPECTED_GITHUB


def test_github_is_chosen_on_actions_and_appends_the_step_summary(cli, bank, monkeypatch):
    summary = bank / "summary.md"
    summary.write_text("# earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    run = lint(cli)
    assert run.code == 1
    assert run.out.splitlines() == EXPECTED_GITHUB
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("# earlier step\n## looptool lint")
    assert "| [LT004 duplicate-key](" in written
    assert f"`bank/dup.yaml:{DUP}:5`" in written
    # an explicit format still wins on a runner
    assert lint(cli, "--format", "text").out.startswith(f"bank/dup.yaml:{DUP}:5: LT004")


def test_github_paths_are_relative_to_the_repository_root(cli, bank, monkeypatch):
    (bank / "sub").mkdir()
    run = cli("lint", "../bank/dup.yaml", "--format", "github", "--select", "LT0", cwd=bank / "sub")
    assert run.out.startswith(f"::error file=bank/dup.yaml,line={DUP},col=5,")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(bank / "bank"))
    run = cli("lint", "dup.yaml", "--format", "github", "--select", "LT0", cwd=bank / "bank")
    assert run.out.startswith(f"::error file=dup.yaml,line={DUP},")


def test_json_follows_its_schema(cli, bank):
    run = lint(cli, "--format", "json")
    assert run.code == 1
    report = json.loads(run.out)
    schema = json.loads((REPO / "schemas" / "lint-report.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(report)
    assert report["summary"] == {"files": 4, "questions": 2, "findings": 3, "error": 2, "warning": 1, "info": 0}
    dup = report["findings"][0]
    assert dup["file"] == "bank/dup.yaml" and (dup["line"], dup["column"]) == (DUP, 5)
    assert (dup["code"], dup["name"], dup["level"]) == ("LT004", "duplicate-key", "error")
    assert dup["path"] == "$.questions[0].title" and dup["subject"] == "top-k-stream"
    assert dup["docs"].endswith("/docs/rules/duplicate-key.md")
    assert (REPO / "docs" / "rules" / "duplicate-key.md").is_file()


def test_sarif_validates_against_the_oasis_schema(cli, bank):
    run = lint(cli, "--format", "sarif")
    assert run.code == 1
    log = json.loads(run.out)
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "looptool" and driver["version"] and driver["informationUri"].startswith("https://")
    from looptool.lint.registry import catalogue

    assert [r["id"] for r in driver["rules"]] == [r.code for r in catalogue()]
    for rule in driver["rules"]:
        assert rule["name"] and rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["helpUri"].endswith(f"/docs/rules/{rule['name']}.md")
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    results = log["runs"][0]["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [("LT004", "error"), ("LT006", "warning"), ("LT007", "error")]
    for result in results:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    location = results[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "bank/dup.yaml", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": DUP, "startColumn": 5}
    assert results[2]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "bank/we%2Cird%3Aname.yaml"
    schema = sarif_schema()  # last: without the schema everything above is still checked
    if schema is None:
        pytest.skip("the OASIS SARIF schema is not beside the repository (see tests/conftest.py)")
    jsonschema.Draft4Validator(schema).validate(log)
    assert log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")


def test_sarif_fingerprints_survive_moved_lines_and_repeat_uniquely(cli, bank, write):
    def prints():
        results = json.loads(lint(cli, "--format", "sarif").out)["runs"][0]["results"]
        return [next(iter(r["partialFingerprints"].values())) for r in results]

    first = prints()
    assert len(set(first)) == len(first)
    write("bank/dup.yaml", "# a comment\n\n" + DUPLICATE)  # the finding moves two lines down
    assert prints() == first


def test_junit_one_case_per_file(cli, bank):
    run = lint(cli, "--format", "junit")
    assert run.code == 1
    root = ET.fromstring(run.out)
    assert root.tag == "testsuites" and root.get("tests") == "4" and root.get("failures") == "3"
    cases = {case.get("name"): case for case in root.iter("testcase")}
    assert set(cases) == {"bank/clean.yaml", "bank/dup.yaml", "bank/empty.yaml", f"bank/{ODD_NAME}"}
    assert cases["bank/clean.yaml"].find("failure") is None
    failure = cases["bank/dup.yaml"].find("failure")
    assert failure.get("type") == "LT004"
    assert f"bank/dup.yaml:{DUP}:5: LT004 duplicate-key" in failure.text


def test_junit_findings_below_fail_on_pass(cli, bank):
    root = ET.fromstring(lint(cli, "--format", "junit", "--fail-on", "error").out)
    assert root.get("failures") == "2"
    empty = next(case for case in root.iter("testcase") if case.get("name") == "bank/empty.yaml")
    assert empty.find("failure") is None
    assert "LT006 empty-file" in empty.find("system-out").text
    root = ET.fromstring(lint(cli, "--format", "junit", path="bank/clean.yaml").out)
    assert root.get("failures") == "0" and root.get("tests") == "1"


def test_markdown_summary_table(cli, bank):
    run = lint(cli, "--format", "markdown")
    assert run.code == 1
    lines = run.out.splitlines()
    assert lines[0] == "## looptool lint"
    assert "**Found 2 errors, 1 warning in 4 files (2 questions).**" in lines
    assert "| location | rule | level | message |" in lines
    odd = next(line for line in lines if "LT007 unknown-section |" in line)
    assert odd.count(" | ") == 3  # nothing in the message broke the row
    assert "\r" not in run.out


def test_text_keeps_each_finding_on_one_line(cli, bank, write):
    # a value quoted in a message could otherwise forge a finding line or drive the terminal
    write("bank/odd.yaml", r'"x\nbank/clean.yaml:1:1: LT000 unreadable-file forged\e[2J": []' + "\n")
    run = lint(cli)
    lines = run.out.split("\n")
    assert "bank/odd.yaml:1:1: LT007 unknown-section unknown section `x\\nbank/clean.yaml:1:1: LT000 " \
           "unreadable-file forged\\x1b[2J`; expected one of: questions, skills, roles, loops, interviewers" in lines
    assert "bank/we,ird:name.yaml:1:1: LT007 unknown-section unknown section `50%\\r\\nsure: yes, no`; " \
           "expected one of: questions, skills, roles, loops, interviewers" in lines
    assert not any(line.startswith("bank/clean.yaml") for line in lines)
    assert "\x1b" not in run.out and "\r" not in run.out


def test_clean_bank_in_every_format(cli, bank):
    for name in ("text", "json", "github", "sarif", "junit", "markdown"):
        run = lint(cli, "--format", name, path="bank/clean.yaml")
        assert run.code == 0, (name, run.out)
    assert lint(cli, "--format", "github", path="bank/clean.yaml").out == ""


def test_unknown_format_is_a_usage_error(cli, bank):
    run = lint(cli, "--format", "xml")
    assert run.code == 2
    assert "--format: expected one of text, json, github, sarif, junit, markdown" in run.err


def test_schema_file_is_documented():
    assert "lint-report.schema.json" in (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    assert Path(REPO / "schemas" / "lint-report.schema.json").is_file()


def test_readme_ci_section_names_every_format_and_the_hook():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Use in CI", 1)[1].split("\n## ", 1)[0]
    from looptool.reporters import REPORTERS

    for name in set(REPORTERS) - {"text"}:
        assert f"--format {name}" in section, name
    assert "id: looptool-lint" in section and "looptool/looptool@" in section
