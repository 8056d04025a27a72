"""The composite GitHub Action and the example workflow: valid against
check-jsonschema's vendored GitHub schemas (no network), and the lint step's
script does what it says when run here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO, TODAY

# any attempt to reach the network fails at once: the schemas must be the vendored ones
OFFLINE = {"HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9",
           "http_proxy": "http://127.0.0.1:9", "https_proxy": "http://127.0.0.1:9", "NO_PROXY": ""}


def load(name: str) -> dict:
    return yaml.safe_load((REPO / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("schema,path", [
    ("vendor.github-actions", "action.yml"),
    ("vendor.github-workflows", "examples/github-workflow.yml"),
])
def test_valid_against_vendored_github_schemas(schema, path):
    proc = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(REPO / path)],
        capture_output=True, text=True, timeout=120, env={**os.environ, **OFFLINE},
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "ok -- validation done" in proc.stdout


def test_action_installs_itself_and_lints_with_annotations():
    action = load("action.yml")
    assert action["runs"]["using"] == "composite"
    assert set(action["inputs"]) >= {"paths", "args", "version"}
    steps = action["runs"]["steps"]
    assert steps[0]["uses"].startswith("actions/setup-python@")
    install, lint = steps[1], steps[2]
    assert '"$ACTION_PATH"' in install["run"] and install["env"]["ACTION_PATH"] == "${{ github.action_path }}"
    assert "looptool lint --format github" in lint["run"]
    for step in steps[1:]:  # inputs reach scripts through the environment, never pasted in
        assert "${{" not in step["run"]


def test_action_lint_step_runs_and_writes_the_summary(tmp_path):
    lint = load("action.yml")["runs"]["steps"][2]
    summary = tmp_path / "summary.md"
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
           "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_WORKSPACE": str(REPO),
           "LOOPTOOL_PATHS": "loops/", "LOOPTOOL_ARGS": f"--today {TODAY} --select LT0"}
    proc = subprocess.run(["bash", "-c", lint["run"]], cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert summary.read_text(encoding="utf-8").startswith("## looptool lint\n")


def test_example_workflow_runs_on_bank_pull_requests():
    workflow = load("examples/github-workflow.yml")
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads `on` as true
    assert any(p.startswith("loops/") for p in triggers["pull_request"]["paths"])
    steps = workflow["jobs"]["lint"]["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0
    action = next(s for s in steps if str(s.get("uses", "")).startswith("looptool/looptool@"))
    assert "--changed-since" in action["with"]["args"]
    assert any("looptool diff" in s.get("run", "") for s in steps)
