"""End to end as a newcomer: a fresh virtual environment, the package installed
from a clean clone of the repository (committed files only, not the working
tree), and the README's main command run from an empty folder."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys

import pytest

from conftest import REPO


def readme_main_command() -> list[list[str]]:
    """The commands of the README's first sh block after the install step."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.findall(r"```sh\n(.*?)\n```", readme, flags=re.S)[0]
    steps = [shlex.split(part) for part in block.split("&&")]
    install = next(i for i, step in enumerate(steps) if step[:2] == ["pip", "install"])
    return steps[install + 1:]


@pytest.mark.slow
def test_fresh_install_runs_the_readme_main_command(tmp_path):
    if not (REPO / ".git").exists():
        pytest.skip("needs a git checkout to clone from")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = subprocess.run([str(venv / "bin" / "pip"), "install", "-q", str(clone)],
                         capture_output=True, text=True, timeout=900)
    assert pip.returncode == 0, pip.stderr[-2000:]
    empty = tmp_path / "empty"
    empty.mkdir()
    env = {**os.environ, "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}", "NO_COLOR": "1"}
    env.pop("PYTHONPATH", None)
    for step in readme_main_command():
        run = subprocess.run(step, cwd=empty, env=env, capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, (step, run.stdout[-2000:], run.stderr[-2000:])
        assert "Traceback" not in run.stdout + run.stderr
        assert run.stdout.strip(), step
    # the bundled bank came from the installed package, not from the clone
    where = subprocess.run([str(venv / "bin" / "python"), "-c",
                            "from looptool.bank.resources import bundled_bank; print(bundled_bank())"],
                           cwd=empty, env=env, capture_output=True, text=True, check=True).stdout
    assert str(venv) in where and (empty / "loops").exists() is False
