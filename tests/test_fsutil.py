"""Writing files: one atomic writer serves every command that writes.

``plan --output`` and ``lint --write-baseline`` both go through
``fsutil.write_atomic``; an error or an interrupt at any point of a write
leaves the previous file as it was and no temporary file behind.
"""

from __future__ import annotations

import os
import shutil

import pytest

from looptool import fsutil
from looptool.fsutil import write_atomic

from conftest import REPO, TODAY


def test_write_atomic_writes_and_replaces(tmp_path):
    target = tmp_path / "plan.ics"
    write_atomic(target, "one\r\n")
    assert target.read_bytes() == b"one\r\n"
    target.chmod(0o640)
    write_atomic(target, "two – ✓\n")
    assert target.read_text(encoding="utf-8") == "two – ✓\n"
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.ics"]


def test_write_atomic_new_file_follows_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.md", "x")
    finally:
        os.umask(old)
    assert (tmp_path / "new.md").stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("failing", ["fsync", "chmod", "replace"])
@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_write_atomic_never_leaves_a_partial_file(tmp_path, monkeypatch, failing, error):
    target = tmp_path / "plan.json"
    target.write_text("old\n")

    def boom(*args):
        raise error

    monkeypatch.setattr(os, failing, boom)
    with pytest.raises(type(error)):
        write_atomic(target, "new and much longer text\n")
    monkeypatch.undo()
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]


def test_write_atomic_into_a_missing_folder_fails_cleanly(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "nowhere" / "plan.md", "x")
    assert list(tmp_path.iterdir()) == []


def test_one_writer_serves_every_command(monkeypatch, tmp_path, cli):
    """Both writing commands go through fsutil.write_atomic to the end."""
    synced = []
    monkeypatch.setattr(fsutil, "_sync_folder", synced.append)  # the last step of write_atomic
    bank = _bank(tmp_path)
    (tmp_path / "plans").mkdir()
    (tmp_path / "baselines").mkdir()
    assert cli("plan", "--level", "senior", "--bank", bank, "--today", TODAY, "-o", tmp_path / "plans" / "p.md").code == 0
    assert cli("lint", bank, "--today", TODAY, "--write-baseline", tmp_path / "baselines" / "b.json").code == 0
    assert synced == [tmp_path / "plans", tmp_path / "baselines"]


# -- an error in the middle of a command's write ------------------------------------------------


def _bank(tmp_path):
    bank = tmp_path / "loops"
    if not bank.exists():
        shutil.copytree(REPO / "loops", bank)
    return bank


WRITES = {
    "plan": lambda bank, target: ("plan", "--level", "senior", "--bank", bank, "--today", TODAY,
                                  "--format", "json", "--output", target),
    "baseline": lambda bank, target: ("lint", bank, "--today", TODAY, "--write-baseline", target),
}


@pytest.fixture
def previous(tmp_path):
    """An earlier result, alone in its folder, that a failed write must leave as it was."""
    out = tmp_path / "out"
    out.mkdir()
    target = out / "result.json"
    target.write_text("previous\n", encoding="utf-8")
    yield target
    assert target.read_text(encoding="utf-8") == "previous\n"
    assert [p.name for p in out.iterdir()] == ["result.json"]


NO_SPACE = OSError(28, "No space left on device")


@pytest.mark.parametrize("command", WRITES)
@pytest.mark.parametrize("failing,error,code,message", [
    ("replace", NO_SPACE, 2, "No space left on device"),
    ("fsync", NO_SPACE, 2, "No space left on device"),
    ("fsync", KeyboardInterrupt(), 130, "looptool: interrupted"),
])
def test_a_failed_write_keeps_the_previous_file(tmp_path, monkeypatch, cli, previous, command, failing, error,
                                                code, message):
    bank = _bank(tmp_path)

    def boom(*args):
        raise error

    monkeypatch.setattr(os, failing, boom)
    run = cli(*WRITES[command](bank, previous))
    monkeypatch.undo()
    assert run.code == code
    assert message in run.err and "internal error" not in run.err


def test_a_failing_renderer_writes_nothing(tmp_path, monkeypatch, cli, previous):
    import looptool.plan.views as views

    def broken(*args, **kwargs):
        raise RuntimeError("renderer bug")

    monkeypatch.setattr(views, "render_plan", broken)
    run = cli("plan", "--level", "senior", "--bank", _bank(tmp_path), "--today", TODAY, "--output", previous)
    assert run.code == 2 and "internal error: RuntimeError: renderer bug" in run.err


def test_write_baseline_into_a_missing_folder_is_a_usage_error(tmp_path, cli):
    bank = _bank(tmp_path)
    run = cli("lint", bank, "--today", TODAY, "--write-baseline", tmp_path / "nowhere" / "b.json")
    assert run.code == 2
    assert "cannot write the baseline: No such file or directory" in run.err
    assert not (tmp_path / "nowhere").exists()
