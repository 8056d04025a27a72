"""--changed-since, baselines and `looptool diff`, on a temporary git repository
holding a copy of the bundled bank and several commits."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import REPO, TODAY

# only the loader's rules and unknown skills: findings stay put as content rules are added
RULES = ("--select", "LT0", "--select", "LT010")


def git(repo: Path, *args: str) -> str:
    proc = subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True)
    return proc.stdout


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "-c", "commit.gpgsign=false", "commit", "-q", "-m", message)


def questions(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]


def save(path: Path, items: list[dict]) -> None:
    """Rewrite a question file: every line of it moves, the content does not."""
    path.write_text(yaml.safe_dump({"questions": items}, sort_keys=False, allow_unicode=True, width=200),
                    encoding="utf-8")


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A repository whose first commit is the bundled bank, with one question
    (``LEGACY``) already carrying an unknown skill. cwd is its root."""
    root = tmp_path / "bank-repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Test Reviewer")
    git(root, "config", "user.email", "reviewer@example.com")
    shutil.copytree(REPO / "loops", root / "loops")
    modelling = root / "loops" / "questions" / "data-modeling.yaml"
    items = questions(modelling)
    items[1]["skills"].append("legacy-skill")
    save(modelling, items)
    commit(root, "base bank")
    monkeypatch.chdir(root)
    for var in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITHUB_WORKSPACE"):
        monkeypatch.delenv(var, raising=False)
    return root


NEW_FILE = """\
questions:
  - id: brand-new-question
    title: A brand new question
    title: Twice
    type: coding
    levels: [junior]
    skills: [algorithms, made-up-skill]
    stage: filter
    duration_minutes: 45
    prompt: Reverse a linked list in place and explain the pointer moves.
    signal: Keeps the invariants straight while rewiring pointers.
"""


def make_pull_request(root: Path) -> dict:
    """Second commit: edit one question, reformat its file, move the legacy
    question to another file unchanged, add a file with problems and a broken one."""
    coding = root / "loops" / "questions" / "coding.yaml"
    items = questions(coding)
    items[0]["skills"].append("no-such-skill")
    save(coding, items)
    modelling = root / "loops" / "questions" / "data-modeling.yaml"
    items = questions(modelling)
    legacy = items.pop(1)
    save(modelling, items)
    save(root / "loops" / "questions" / "moved.yaml", [legacy])
    (root / "loops" / "questions" / "new.yaml").write_text(NEW_FILE, encoding="utf-8")
    (root / "loops" / "questions" / "broken.yaml").write_text("questions:\n  - id: [oops\n", encoding="utf-8")
    commit(root, "pull request")
    return {"edited": questions(coding)[0]["id"], "legacy": legacy["id"]}


def finding_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if re.match(r"^\S+:\d+:\d+: LT\d{3} ", line)]


def test_changed_since_reports_changed_questions_only(cli, repo):
    ids = make_pull_request(repo)
    full = cli("lint", "loops", "--today", TODAY, *RULES)
    assert any("legacy-skill" in line for line in finding_lines(full.out))  # the old problem is there

    run = cli("lint", "loops", "--today", TODAY, *RULES, "--changed-since", "HEAD~1")
    assert run.code == 1
    lines = finding_lines(run.out)
    codes = sorted((line.split(":")[0], line.split()[1]) for line in lines)
    assert codes == [
        ("loops/questions/broken.yaml", "LT001"),
        ("loops/questions/coding.yaml", "LT010"),
        ("loops/questions/new.yaml", "LT004"),
        ("loops/questions/new.yaml", "LT010"),
    ], lines
    assert any("no-such-skill" in line for line in lines)
    assert not any("legacy-skill" in line for line in lines)  # moved, not changed
    assert "Changed since HEAD~1" in run.err and "not shown" in run.err


def test_changed_since_nothing_changed_is_clean(cli, repo):
    run = cli("lint", "loops", "--today", TODAY, *RULES, "--changed-since", "HEAD")
    assert run.code == 0, run.out
    assert finding_lines(run.out) == []


def test_changed_since_json_records_the_narrowing(cli, repo):
    make_pull_request(repo)
    report = json.loads(cli("lint", "loops", *RULES, "--changed-since", "main~1", "--format", "json").out)
    assert report["changed_since"]["ref"] == "main~1"
    assert len(report["changed_since"]["commit"]) == 40
    assert report["changed_since"]["hidden"] >= 1
    subjects = {f["subject"] for f in report["findings"]}
    assert "brand-new-question" in subjects  # the duplicate key is tied to its question


def test_changed_since_bad_ref_and_no_repository(cli, repo, tmp_path):
    run = cli("lint", "loops", "--changed-since", "no-such-branch")
    assert run.code == 2 and "`no-such-branch` is not a commit" in run.err
    outside = tmp_path / "plain"
    outside.mkdir()
    (outside / "bank.yaml").write_text(NEW_FILE, encoding="utf-8")
    run = cli("lint", "bank.yaml", "--changed-since", "HEAD", cwd=outside)
    assert run.code == 2 and "not inside a git repository" in run.err


def test_unfillable_slot_is_blamed_on_the_change(cli, repo):
    design = repo / "loops" / "questions" / "system-design.yaml"
    design.write_text(design.read_text(encoding="utf-8").replace("status: active", "status: retired"),
                      encoding="utf-8")
    commit(repo, "retire system design")
    run = cli("lint", "loops", "--today", TODAY, "--select", "unfillable-slot", "--changed-since", "HEAD~1")
    lines = finding_lines(run.out)
    assert lines and all("unfillable-slot" in line for line in lines)
    assert any("after changes to sd-" in line for line in lines), lines


# -- baseline -------------------------------------------------------------------


def test_baseline_hides_known_findings_and_counts_fixed_ones(cli, repo):
    make_pull_request(repo)
    (repo / "loops" / "questions" / "broken.yaml").unlink()
    before = cli("lint", "loops", *RULES)
    assert before.code == 1
    known = len(finding_lines(before.out))

    wrote = cli("lint", "loops", *RULES, "--write-baseline", "baseline.json")
    assert wrote.code == 0 and wrote.out == ""
    assert f"Wrote {known} findings to the baseline baseline.json" in wrote.err
    data = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))
    assert data["looptool-baseline"] == 1
    entry = next(e for e in data["entries"] if e["subject"] == "brand-new-question" and e["code"] == "LT004")
    assert entry["field"] == "questions.title" and entry["file"] is None and entry["count"] == 1
    assert not list(repo.glob("*.tmp")) and not list(repo.glob(".baseline.json.*"))

    run = cli("lint", "loops", *RULES, "--baseline", "baseline.json")
    assert run.code == 0, run.out
    assert f"{known} known findings hidden by the baseline" in run.err

    # move a question with a known finding to another file and reformat: still known
    new = repo / "loops" / "questions" / "new.yaml"
    (repo / "loops" / "questions" / "elsewhere.yaml").write_text("# moved here\n\n" + NEW_FILE, encoding="utf-8")
    new.unlink()
    assert cli("lint", "loops", *RULES, "--baseline", "baseline.json").code == 0

    # a new problem is reported alone; a fixed one is counted as gone
    coding = repo / "loops" / "questions" / "coding.yaml"
    items = questions(coding)
    items[0]["skills"].remove("no-such-skill")
    items[2]["skills"].append("fresh-typo")
    save(coding, items)
    run = cli("lint", "loops", *RULES, "--baseline", "baseline.json")
    assert run.code == 1
    lines = finding_lines(run.out)
    assert len(lines) == 1 and "fresh-typo" in lines[0]
    assert "1 baseline entry is gone (fixed)" in run.err


def test_baseline_counts_repeats(cli, repo):
    coding = repo / "loops" / "questions" / "coding.yaml"
    items = questions(coding)
    items[0]["skills"].append("typo-one")
    save(coding, items)
    assert cli("lint", "loops", *RULES, "--write-baseline", "b.json").code == 0
    items[0]["skills"].append("typo-two")  # same rule, question and field: a second occurrence
    save(coding, items)
    run = cli("lint", "loops", *RULES, "--baseline", "b.json")
    assert run.code == 1 and len(finding_lines(run.out)) == 1


def test_baseline_errors_are_usage_errors(cli, repo):
    assert cli("lint", "loops", "--baseline", "missing.json").code == 2
    (repo / "junk.json").write_text('{"entries": []}', encoding="utf-8")
    run = cli("lint", "loops", "--baseline", "junk.json")
    assert run.code == 2 and "not a looptool baseline" in run.err
    run = cli("lint", "loops", "--baseline", "junk.json", "--write-baseline", "x.json")
    assert run.code == 2 and "do not go together" in run.err


# -- diff -------------------------------------------------------------------------


def test_diff_lists_question_changes_and_plannability(cli, repo):
    ids = make_pull_request(repo)
    design = repo / "loops" / "questions" / "system-design.yaml"
    retired = [q["id"] for q in questions(design)]
    design.write_text(design.read_text(encoding="utf-8").replace("status: active", "status: retired"),
                      encoding="utf-8")
    commit(repo, "retire system design")

    run = cli("diff", "HEAD~2", "HEAD", "--bank", "loops")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0] == "looptool diff HEAD~2 → HEAD"
    assert re.search(rf"^  changed\s+{re.escape(ids['edited'])}\s.*\(skills\)$", run.out, re.M)
    assert re.search(r"^  added\s+brand-new-question\s", run.out, re.M)
    for qid in retired:
        assert re.search(rf"^  retired\s+{qid}\s.*\(active → retired\)$", run.out, re.M)
    assert ids["legacy"] not in run.out  # moved, unchanged
    senior = [line for line in lines if re.match(r"^! +senior +backend-engineer ", line)]
    assert senior and "yes → NO" in senior[0] and "unfilled: system-design" in senior[0]
    assert re.search(r"^  +intern +backend-engineer +yes → yes", run.out, re.M)

    markdown = cli("diff", "HEAD~2", "HEAD", "--bank", "loops", "--format", "markdown").out
    assert markdown.startswith("## Question bank impact: `HEAD~2` → `HEAD`")
    assert "| senior | backend-engineer | **yes → NO** |" in markdown


def test_diff_head_defaults_to_the_working_tree(cli, repo):
    modelling = repo / "loops" / "questions" / "data-modeling.yaml"
    items = questions(modelling)
    removed = items.pop()
    save(modelling, items)
    run = cli("diff", "HEAD", "--bank", "loops")
    assert run.code == 0
    assert "→ working tree" in run.out.splitlines()[0]
    assert re.search(rf"^  removed\s+{removed['id']}\s", run.out, re.M)
    assert "Questions: 0 added, 1 removed, 0 retired, 0 changed." in run.out


def test_diff_usage_errors(cli, repo):
    assert cli("diff", "nope", "--bank", "loops").code == 2
    assert cli("diff", "HEAD", "--bank", "loops", "--format", "sarif").code == 2


# -- git edge cases: symlinks, a bank added after the ref, symlinked folders, odd file names --

CLEAN_FILE = NEW_FILE.replace("    title: Twice\n", "").replace(", made-up-skill", "")


def nothing_changed(cli, *bank):
    """Both review commands agree that nothing changed since HEAD."""
    run = cli("lint", *bank, "--today", TODAY, *RULES, "--changed-since", "HEAD")
    assert run.code == 0 and finding_lines(run.out) == [], run.text
    assert "0 item(s) in 0 file(s)" in run.err
    run = cli("diff", "HEAD", "--bank", bank[0])
    assert run.code == 0 and "Questions: 0 added, 0 removed, 0 retired, 0 changed." in run.out, run.text


def test_a_bank_file_committed_as_a_symlink_is_read_through_the_link(cli, repo):
    shared = repo / "shared"
    shared.mkdir()
    (shared / "extra.yaml").write_text(CLEAN_FILE, encoding="utf-8")
    (shared / "hop.yaml").symlink_to("extra.yaml")
    (repo / "loops" / "questions" / "linked.yaml").symlink_to("../../shared/hop.yaml")
    (repo / "loops" / "questions" / "outside.yaml").symlink_to("/etc/hostname")
    commit(repo, "a question file shared through a symlink")
    (repo / "loops" / "questions" / "outside.yaml").unlink()
    nothing_changed(cli, "loops")


def test_a_bank_added_after_the_ref_is_all_new(cli, repo):
    (repo / "newbank").mkdir()
    (repo / "newbank" / "q.yaml").write_text(NEW_FILE, encoding="utf-8")
    run = cli("lint", "newbank", "--today", TODAY, *RULES, "--changed-since", "HEAD")
    assert run.code == 1 and "LT004 duplicate-key" in run.out and "made-up-skill" in run.out, run.text
    run = cli("diff", "HEAD", "--bank", "newbank")
    assert run.code == 0 and re.search(r"^  added\s+brand-new-question\s", run.out, re.M), run.text


def test_a_path_through_a_symlinked_folder_is_inside_the_repository(cli, repo, tmp_path):
    (tmp_path / "via").symlink_to(repo)
    nothing_changed(cli, str(tmp_path / "via" / "loops"))


def test_any_file_name_git_can_store(cli, repo):
    folder = os.fsencode(repo / "loops" / "questions")
    for name, qid in ((b"caf\xe9.yaml", "latin-one"), (b"new\nline.yaml", "new-line")):
        with open(os.path.join(folder, name), "w", encoding="utf-8") as out:
            out.write(CLEAN_FILE.replace("brand-new-question", qid))
    commit(repo, "odd file names")
    nothing_changed(cli, "loops")


def test_changed_since_must_name_a_ref_and_cannot_narrow_a_baseline(cli, repo):
    run = cli("lint", "loops", *RULES, "--changed-since", "")
    assert run.code == 2 and "--changed-since: give a git ref" in run.err
    run = cli("lint", "loops", *RULES, "--changed-since", "no-such-ref", "--write-baseline", "b.json")
    assert run.code == 2 and "do not go together" in run.err and not (repo / "b.json").exists()


def test_a_deeply_nested_baseline_is_a_usage_error(cli, repo):
    (repo / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    run = cli("lint", "loops", *RULES, "--baseline", "deep.json")
    assert run.code == 2 and "not a looptool baseline (nested too deeply)" in run.err
