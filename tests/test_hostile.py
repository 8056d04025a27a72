"""Hostile and broken input: every case ends quickly with a clear finding or
lints normally when valid. Small broken files are stored in tests/corpus/
(one folder per case, expectations in tests/corpus/cases.yaml); large and
special inputs are generated here rather than stored.

Each case states the finding it expects and the exit code. The subprocess
helper has a generous timeout that guards against hangs; nothing here
asserts on speed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml

from conftest import TODAY, run_subprocess

CORPUS = Path(__file__).parent / "corpus"
CORPUS_CASES = yaml.safe_load((CORPUS / "cases.yaml").read_text(encoding="utf-8"))

ONE = """\
  - id: q{n}
    title: Question {n}
    type: coding
    levels: [junior]
    skills: [algorithms]
    stage: filter
    duration_minutes: 45
    prompt: Return the {n} most frequent ids in a stream of ids.
    signal: Picks a bounded heap for case {n} and explains the cost.
"""


def bank_text(count: int) -> str:
    return "questions:\n" + "".join(ONE.format(n=n) for n in range(count))


def lint(*args, cwd):
    return run_subprocess("lint", *args, "--today", TODAY, "--select", "LT0", cwd=cwd)


def test_every_corpus_folder_has_its_expectations():
    folders = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
    assert folders == sorted(name for name, case in CORPUS_CASES.items() if "path" not in case)


@pytest.mark.parametrize("name", sorted(CORPUS_CASES))
def test_stored_corpus_case(name, cli):
    case = CORPUS_CASES[name]
    path = case.get("path", name)
    run = cli("lint", path, "--today", TODAY, "--select", "LT0", "--format", "json", cwd=CORPUS)
    assert run.code == case["exit"], run.text
    if "stderr" in case:  # a usage error: one line naming the path, no report
        assert case["stderr"] in run.err and len(run.err.strip().splitlines()) == 1 and not run.out
        return
    report = json.loads(run.out)
    found = [f"{f['file'].removeprefix(name + '/')}:{f['line']}:{f['column']} {f['code']}" for f in report["findings"]]
    assert found == case["findings"]
    assert report["summary"]["questions"] == case["questions"]
    text = cli("lint", path, "--today", TODAY, "--select", "LT0", cwd=CORPUS)
    assert text.code == case["exit"]
    for finding in case["findings"]:  # the plain report names the file, line and column of each
        where, code = finding.split()
        assert f"{name}/{where}: {code} " in text.out


def test_single_30mb_string_is_read(tmp_path):
    big = "x" * (30 * 1024 * 1024)
    (tmp_path / "big.yaml").write_text(bank_text(1).replace("Question 0", big), encoding="utf-8")
    run = lint("big.yaml", cwd=tmp_path)
    assert run.code == 0, run.text
    assert "1 question" in run.out


def test_50000_questions_in_one_file_are_all_seen_and_checked(tmp_path):
    text = bank_text(50_000) + ONE.format(n=123)
    (tmp_path / "many.yaml").write_text(text, encoding="utf-8")
    run = lint("many.yaml", cwd=tmp_path)
    assert run.code == 1
    assert "50001 questions" in run.out
    assert "LT009 duplicate-id question id `q123` is already used at many.yaml:" in run.out


def test_billion_laughs(tmp_path):
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 9) + "]")
    (tmp_path / "lol.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = lint("lol.yaml", cwd=tmp_path)
    assert run.code == 1
    assert "lol.yaml:" in run.out and "LT005 too-complex" in run.out


@pytest.mark.parametrize("opener,closer", [("[", "]"), ("{a: ", "}")])
def test_20000_deep_nesting(tmp_path, opener, closer):
    (tmp_path / "deep.yaml").write_text("questions: " + opener * 20_000 + closer * 20_000 + "\n", encoding="utf-8")
    run = lint("deep.yaml", cwd=tmp_path)
    assert run.code == 1
    assert "deep.yaml:1:" in run.out and "LT005 too-complex" in run.out


def test_deep_block_nesting(tmp_path):
    text = "".join(" " * i + f"k{i}:\n" for i in range(500)) + " " * 500 + "x\n"
    (tmp_path / "deep.yaml").write_text(text, encoding="utf-8")
    run = lint("deep.yaml", cwd=tmp_path)
    assert run.code == 1
    assert "LT005 too-complex" in run.out


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_reported(tmp_path, encoding):
    (tmp_path / "u16.yaml").write_bytes(bank_text(1).encode(encoding))
    run = lint("u16.yaml", cwd=tmp_path)
    assert run.code == 1
    assert "u16.yaml:1:" in run.out and "LT002 encoding-error" in run.out


def test_utf16_with_bom_lints_normally(tmp_path):
    (tmp_path / "u16.yaml").write_bytes(bank_text(2).encode("utf-16"))
    assert lint("u16.yaml", cwd=tmp_path).code == 0


def test_invalid_utf8_names_line_and_column(tmp_path):
    (tmp_path / "bad.yaml").write_bytes(bank_text(1).encode() + b"# caf\xc3\x28\n")
    run = lint("bad.yaml", cwd=tmp_path)
    assert run.code == 1
    assert "bad.yaml:11:6: LT002 encoding-error" in run.out


def test_bom_with_crlf_lints_normally_with_right_positions(tmp_path):
    text = bank_text(2) + ONE.format(n=1)
    (tmp_path / "crlf.yaml").write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    run = lint("crlf.yaml", cwd=tmp_path)
    assert run.code == 1
    assert "crlf.yaml:20:9: LT009 duplicate-id" in run.out


def test_merge_keys_and_anchors_used_legitimately(tmp_path):
    text = """\
defaults: &coding
  type: coding
  levels: [junior]
  skills: [algorithms]
  stage: filter
  duration_minutes: 45
"""
    (tmp_path / "anchors.yaml").write_text(text.replace("defaults", "x-defaults") if False else """\
questions:
  - &first
    id: q1
    title: One
    type: coding
    levels: [junior]
    skills: [algorithms]
    stage: filter
    duration_minutes: 45
    prompt: Count ids.
    signal: Uses a hash map and explains why.
  - <<: *first
    id: q2
    title: Two
    signal: Streams the ids with constant memory per key.
""", encoding="utf-8")
    run = lint("anchors.yaml", cwd=tmp_path)
    assert run.code == 0, run.text
    assert "2 questions" in run.out


def test_symlink_loop_in_a_bank_folder(tmp_path):
    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / "q.yaml").write_text(bank_text(1), encoding="utf-8")
    os.symlink("..", bank / "up")  # a folder loop
    os.symlink("self.yaml", bank / "self.yaml")  # a file loop
    run = lint("bank", cwd=tmp_path)
    assert run.code == 2
    assert "bank/self.yaml:1:1: LT000 unreadable-file" in run.out
    assert "1 question" in run.out


def test_symlinked_folder_is_followed_once(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (real / "q.yaml").write_text(bank_text(1), encoding="utf-8")
    bank = tmp_path / "bank"
    bank.mkdir()
    os.symlink(real, bank / "linked")
    run = lint("bank", cwd=tmp_path)
    assert run.code == 0 and "1 question" in run.out


def test_folder_without_yaml_is_a_usage_error(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.txt").write_text("hello", encoding="utf-8")
    run = lint("empty", cwd=tmp_path)
    assert run.code == 2
    assert "no YAML files" in run.err and "empty" in run.err


def test_device_path(tmp_path):
    run = lint("/dev/null", cwd=tmp_path)
    assert run.code == 2
    assert "/dev/null:1:1: LT000 unreadable-file" in run.out


def test_fifo_path(tmp_path):
    os.mkfifo(tmp_path / "fifo.yaml")
    run = lint("fifo.yaml", cwd=tmp_path)
    assert run.code == 2
    assert "fifo.yaml:1:1: LT000" in run.out


def test_config_with_unknown_keys(tmp_path):
    (tmp_path / ".looptool.yaml").write_text("selcet: [LT0]\n", encoding="utf-8")
    (tmp_path / "q.yaml").write_text(bank_text(1), encoding="utf-8")
    run = run_subprocess("lint", "q.yaml", cwd=tmp_path)
    assert run.code == 2
    assert ".looptool.yaml: unknown key `selcet`; did you mean `select`?" in run.err


def test_binary_file(tmp_path):
    (tmp_path / "blob.yaml").write_bytes(bytes(range(256)) * 4)
    run = lint("blob.yaml", cwd=tmp_path)
    assert run.code == 1
    assert "blob.yaml:1:" in run.out and "LT002" in run.out
