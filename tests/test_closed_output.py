"""A closed or failing standard output: the same documented exit code from every command.

`looptool lint | head -1` must not exit 1 ("findings at or above --fail-on") when
there are none: a reader that went away is exit 141 (128 + SIGPIPE, as a shell
reports a tool stopped by a closed pipe) in `lint` and `plan` alike, and a write
that fails for another reason (a full disk, /dev/full) is a one-line error, exit 2.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys

import pytest
import yaml

from looptool.cli import EXIT_CLOSED_OUTPUT, main

from conftest import TODAY


@pytest.fixture
def big(tmp_path):
    """A bank whose report (warnings only) is far larger than a pipe's buffer."""
    questions = [{"id": f"q-{i}", "title": f"Question {i}", "type": "coding", "levels": ["senior"],
                  "skills": ["algorithms"], "stage": "filter", "duration_minutes": 45,
                  "prompt": f"Return the k most frequent ids of stream {i}.", "signal": "Picks a heap."}
                 for i in range(800)]
    path = tmp_path / "big.yaml"
    path.write_text(yaml.safe_dump({"questions": questions}), encoding="utf-8")
    return path


def test_lint_into_a_pipe_closed_early_is_141_not_1(big):
    proc = subprocess.Popen([sys.executable, "-m", "looptool", "lint", str(big), "--fail-on", "error",
                             "--today", TODAY, "--ignore", "unfillable-slot"],  # warnings only
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()  # as `head -1` does: the rest of the report has nowhere to go
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == EXIT_CLOSED_OUTPUT
    assert b"LT121" in first and err == ""


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_lint_into_a_full_device_is_exit_2_with_a_message(big):
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "looptool", "lint", str(big), "--today", TODAY],
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr == "looptool: error: cannot write the output: No space left on device\n"


class _Closed:
    """A standard output whose reader has gone (or whose device is full)."""

    def __init__(self, error):
        self.error = error

    def write(self, text):
        raise OSError(self.error, os.strerror(self.error))

    def flush(self):
        pass

    def isatty(self):
        return False


@pytest.mark.parametrize("args", [
    ["lint", "--today", TODAY],
    ["plan", "--level", "senior", "--today", TODAY],
    ["plan", "--level", "senior", "--today", TODAY, "--format", "ics", "--view", "candidate"],
    ["rules"],
    ["config"],
], ids=lambda args: "-".join(args[:2]))
@pytest.mark.parametrize("error,code", [(errno.EPIPE, EXIT_CLOSED_OUTPUT), (errno.ENOSPC, 2)])
def test_every_command_gives_the_same_code_for_a_failed_output(monkeypatch, capsys, args, error, code):
    monkeypatch.setattr(sys, "stdout", _Closed(error))
    with pytest.raises(SystemExit) as stop:
        main(args)
    assert stop.value.code == code
    err = capsys.readouterr().err
    assert "internal error" not in err and "Traceback" not in err
