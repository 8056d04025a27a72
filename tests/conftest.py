"""Shared helpers: run the real CLI in-process or as a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from looptool.cli import main

REPO = Path(__file__).resolve().parent.parent
# the finding cache lives in the user's cache folder; tests must not read or
# fill it (tests/test_cache.py points it at a temporary folder explicitly)
os.environ["LOOPTOOL_NO_CACHE"] = "1"
# plans default to the system's time zone: tests pin it, so no result depends on the machine
os.environ["TZ"] = "UTC"
os.environ.pop("COLUMNS", None)  # and the width of piped text
TODAY = "2026-11-24"


def eval_splits():
    """eval/splits.py: the held-out batches of the labelled corpus that the measuring scripts read."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("eval_splits", REPO / "eval" / "splits.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module

# The OASIS SARIF 2.1.0 schema is reference data kept beside the repository (shared/external-schemas/),
# not vendored; LOOPTOOL_SARIF_SCHEMA may point elsewhere. Without it the SARIF schema checks skip.
SARIF_SCHEMA = Path(os.environ.get("LOOPTOOL_SARIF_SCHEMA") or
                    REPO.parent / "shared" / "external-schemas" / "sarif-schema-2.1.0.json")


def sarif_schema() -> dict | None:
    import json

    return json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")) if SARIF_SCHEMA.is_file() else None


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


@pytest.fixture
def cli(capsys, monkeypatch):
    """Call the CLI entry point in-process, as the console script does."""

    def run(*args, cwd: Path | None = None) -> Run:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        try:
            main([str(a) for a in args])
            code = 0
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 2)
        captured = capsys.readouterr()
        assert "Traceback" not in captured.out + captured.err
        return Run(code, captured.out, captured.err)

    return run


def run_subprocess(*args, cwd=None, env=None) -> Run:
    """The installed console script, exactly as a user runs it."""
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    proc = subprocess.run(
        [sys.executable, "-m", "looptool", *map(str, args)],
        cwd=cwd, env=full_env, capture_output=True, text=True, timeout=120,
    )
    assert "Traceback" not in proc.stdout + proc.stderr
    return Run(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def write(tmp_path):
    """Write dedented text files under tmp_path; returns the path of the last one."""

    def put(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return put
