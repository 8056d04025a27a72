"""The per-file finding cache: same findings warm or cold, and misses when anything relevant changes."""

from __future__ import annotations

import json
import shutil

import pytest

from looptool.bank.resources import bundled_bank

from conftest import REPO


@pytest.fixture
def cached(monkeypatch, tmp_path):
    monkeypatch.setenv("LOOPTOOL_NO_CACHE", "0")
    monkeypatch.setenv("LOOPTOOL_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _bank(tmp_path):
    bank = tmp_path / "bank"
    shutil.copytree(bundled_bank(), bank)
    target = bank / "questions" / "coding.yaml"
    text = target.read_text(encoding="utf-8")
    # plant a question without a rubric, so there is a question-rule finding to cache
    target.write_text(text + "  - id: planted-vague\n    title: Planted\n    type: coding\n"
                      "    levels: [junior]\n    skills: [algorithms]\n    stage: filter\n    duration_minutes: 45\n"
                      "    prompt: Reverse a linked list in place and return the new head.\n"
                      "    signal: Moves three pointers without losing the rest of the list.\n"
                      "    last_reviewed: 2026-10-01\n", encoding="utf-8")
    return bank


def _findings(cli, bank, *extra):
    run = cli("lint", bank, "--today", "2026-11-24", "--format", "json", *extra)
    return run.code, [(f["file"], f["line"], f["code"], f["message"]) for f in json.loads(run.out)["findings"]]


def test_warm_run_equals_cold_run(cli, cached, tmp_path):
    bank = _bank(tmp_path)
    cold = _findings(cli, bank)
    assert any(code == "LT121" for _, _, code, _ in cold[1])  # the planted question has no rubric
    assert list(cached.rglob("*.json"))  # the cache was filled
    warm = _findings(cli, bank)
    assert warm == cold
    assert _findings(cli, bank, "--no-cache") == cold


def test_changes_are_misses(cli, cached, tmp_path):
    bank = _bank(tmp_path)
    first = _findings(cli, bank)
    assert [row for row in first[1] if row[2] == "LT121"]
    coding = bank / "questions" / "coding.yaml"
    rubric = ("    rubric:\n      - {min: 0, max: 2, evidence: [Loses the rest of the list after the first swap]}\n"
              "      - {min: 3, max: 5, evidence: [Handles the empty and one-node lists and states O(1) space]}\n")
    coding.write_text(coding.read_text(encoding="utf-8") + rubric, encoding="utf-8")
    second = _findings(cli, bank)
    assert not [row for row in second[1] if row[2] == "LT121"]  # the edited file was linted afresh
    # another date or option is another cache entry, not a stale answer
    entries = len(list(cached.rglob("*.json")))
    _findings(cli, bank, "--select", "LT121")
    assert len(list(cached.rglob("*.json"))) > entries


def test_unwritable_cache_is_ignored(cli, monkeypatch, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("LOOPTOOL_NO_CACHE", "0")
    monkeypatch.setenv("LOOPTOOL_CACHE_DIR", str(blocker))
    run = cli("lint", REPO / "loops", "--today", "2026-11-24")
    assert run.code == 0, run.out
