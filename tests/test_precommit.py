"""The pre-commit hook, run by the real pre-commit client against a temporary repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO

PRE_COMMIT = [sys.executable, "-m", "pre_commit"]


def run(cmd, cwd: Path, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def test_hook_definition_lints_the_whole_bank():
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "looptool-lint")
    assert hook["language"] == "python" and hook["types"] == ["yaml"]
    assert hook["entry"] == "looptool lint"
    assert hook["pass_filenames"] is False and hook["args"] == ["loops/"]


@pytest.mark.slow
def test_try_repo_passes_on_the_bundled_bank_and_fails_on_a_broken_file(tmp_path):
    repo = tmp_path / "bank-repo"
    repo.mkdir()
    shutil.copytree(REPO / "loops", repo / "loops")
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"]
    for step in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "bank"]):
        assert run([*git, *step], repo).returncode == 0
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    try_repo = [*PRE_COMMIT, "try-repo", str(REPO), "looptool-lint", "--all-files", "--color", "never"]

    clean = run(try_repo, repo, env)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "looptool lint" in clean.stdout and "Passed" in clean.stdout

    (repo / "loops" / "questions" / "broken.yaml").write_text("questions:\n  - id: [oops\n", encoding="utf-8")
    assert run([*git, "add", "-A"], repo).returncode == 0
    broken = run(try_repo, repo, env)
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "Failed" in broken.stdout
    assert "loops/questions/broken.yaml:3:1: LT001 syntax-error" in broken.stdout
