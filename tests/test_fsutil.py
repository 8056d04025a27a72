"""Writing files: one atomic writer serves every command that writes.

``plan --output`` and ``lint --write-baseline`` both go through
``fsutil.write_atomic``; an error or an interrupt at any point of a write
leaves the previous file as it was and no temporary file behind.
"""

from __future__ import annotations

import json
import os
import shutil
import stat

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


# -- what the output path names: a link, a device, a FIFO, an input ---------------------------


def test_a_symlinked_output_writes_its_target_and_keeps_the_link(tmp_path, cli):
    target = tmp_path / "real" / "plan.md"
    target.parent.mkdir()
    target.write_text("old\n")
    link = tmp_path / "plan.md"
    link.symlink_to(target)
    for args in (WRITES["plan"](_bank(tmp_path), link), WRITES["baseline"](_bank(tmp_path), link)):
        assert cli(*args).code == 0
        assert link.is_symlink() and os.readlink(link) == str(target)
        assert target.read_text() not in ("old\n", "")
    assert sorted(p.name for p in target.parent.iterdir()) == ["plan.md"]


def test_a_dangling_symlink_creates_its_target(tmp_path):
    link = tmp_path / "out.md"
    link.symlink_to(tmp_path / "made.md")
    write_atomic(link, "x")
    assert link.is_symlink() and (tmp_path / "made.md").read_text() == "x"


def test_a_fifo_is_written_through_not_replaced(tmp_path, cli):
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    held = os.open(fifo, os.O_RDWR)  # a writer of our own, so that the reader ends even if none comes
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    run = cli(*WRITES["plan"](_bank(tmp_path), fifo))
    os.close(held)
    reader.join()
    assert run.code == 0
    assert json.loads(got[0])["interviews"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.fixture
def devices(tmp_path):
    """Copies of /dev/null and /dev/full in a temporary folder (root only: run as root in a container
    or CI, a rename over the real /dev/null would turn it into a file)."""
    made = {}
    for name, minor in (("null", 3), ("full", 7)):
        try:
            os.mknod(tmp_path / name, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
        except (PermissionError, AttributeError):
            pytest.skip("making a device node needs root")
        made[name] = tmp_path / name
    return made


@pytest.mark.parametrize("command", WRITES)
def test_devices_are_written_through(tmp_path, cli, command, devices):
    """A device stays a device, and one that fails the write (ENOSPC) is exit 2 with the reason."""
    bank = _bank(tmp_path)
    before = devices["null"].stat()
    assert cli(*WRITES[command](bank, devices["null"])).code == 0
    after = devices["null"].stat()
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino
    run = cli(*WRITES[command](bank, devices["full"]))
    assert run.code == 2 and "No space left on device" in run.err
    assert stat.S_ISCHR(devices["full"].stat().st_mode)
    link = tmp_path / "stdout"
    link.symlink_to(devices["null"])
    assert cli(*WRITES[command](bank, link)).code == 0
    assert link.is_symlink() and stat.S_ISCHR(devices["null"].stat().st_mode)


@pytest.mark.parametrize("command,input_file", [
    ("plan", "questions/coding.yaml"),
    ("baseline", "questions/math.yaml"),
    ("plan", "interviewers.example.yaml"),
    ("plan", "exclude.txt"),
    ("plan", "looptool.toml"),
    ("baseline", "looptool.toml"),
    ("baseline", "link-to-coding.yaml"),
])
def test_an_output_that_is_an_input_is_refused(tmp_path, cli, command, input_file):
    bank = _bank(tmp_path)
    (bank / "exclude.txt").write_text("# nothing\n")
    (bank / "looptool.toml").write_text("fail-on = 'error'\n")
    (tmp_path / "link-to-coding.yaml").symlink_to(bank / "questions" / "coding.yaml")
    target = tmp_path / input_file if input_file.startswith("link") else bank / input_file
    args = list(WRITES[command](bank, target))
    if command == "plan":
        args += ["--interviewers", bank / "interviewers.example.yaml", "--exclude", bank / "exclude.txt"]
    before = {p: p.read_bytes() for p in bank.rglob("*") if p.is_file()}
    run = cli(*args)
    assert run.code == 2 and "is an input file" in run.err
    assert {p: p.read_bytes() for p in bank.rglob("*") if p.is_file()} == before
