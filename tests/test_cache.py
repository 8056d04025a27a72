"""The per-file finding cache: same findings warm or cold, and misses when anything relevant changes."""

from __future__ import annotations

import json
import os
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


def _entries(cached):
    return sorted(cached.rglob("*.json"))


@pytest.mark.parametrize("forged", [
    "{}", "[]", "null", "not json", '[{"line": 1}]',
    "old-format",  # the rows alone, as entries were once written
    "unknown-level", "wrong-checksum", "other-version",
])
def test_an_entry_that_does_not_prove_itself_is_a_miss(cli, cached, tmp_path, forged):
    """A cache file holding `{}` once turned every warning into "All checks passed"."""
    bank = _bank(tmp_path)
    cold = _findings(cli, bank)
    assert cold[1]
    for path in _entries(cached):
        entry = json.loads(path.read_text(encoding="utf-8"))
        rows = entry["findings"]
        if forged == "old-format":
            text = json.dumps(rows)
        elif forged == "unknown-level":
            rows = [{**row, "level": "fatal"} for row in rows] or [{"level": "fatal"}]
            from looptool.lint.cache import _checksum
            text = json.dumps({**entry, "findings": rows, "checksum": _checksum(rows)})
        elif forged == "wrong-checksum":
            text = json.dumps({**entry, "findings": []})
        elif forged == "other-version":
            text = json.dumps({**entry, "version": "0.0.1"})
        else:
            text = forged
        path.write_text(text, encoding="utf-8")
    assert _findings(cli, bank) == cold


def test_the_cache_keeps_only_the_most_recently_used_contexts(cli, cached, tmp_path, monkeypatch):
    from looptool.lint import cache

    monkeypatch.setattr(cache, "MAX_CONTEXTS", 3)
    bank = _bank(tmp_path)
    made = []  # context folders in the order the runs made them
    for number, day in enumerate(["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05"]):
        before = {p for p in cached.glob("*/*") if p.is_dir()}
        assert cli("lint", bank, "--today", day, "--format", "json").code in (0, 1)
        made += sorted({p for p in cached.glob("*/*") if p.is_dir()} - before)
        for age, folder in enumerate(made):  # set the clock of each use explicitly, oldest first
            if folder.exists():
                os.utime(folder, ns=(age + 1, age + 1))
    assert len(made) == 5
    assert sorted(p for p in cached.glob("*/*") if p.is_dir()) == sorted(made[-3:])


def test_the_cache_keeps_at_most_max_entries(cli, cached, tmp_path, monkeypatch):
    from looptool.lint import cache

    monkeypatch.setattr(cache, "MAX_ENTRIES", 4)
    cli("lint", _bank(tmp_path), "--today", "2026-11-24", "--format", "json")
    assert len(_entries(cached)) == 4


def _near_duplicate_bank(tmp_path):
    bank = _bank(tmp_path)
    coding = bank / "questions" / "coding.yaml"
    # a second copy of the planted question: a bank-wide (near-duplicate) finding to cache
    text = coding.read_text(encoding="utf-8")
    planted = text[text.index("  - id: planted-vague"):]
    coding.write_text(text + planted.replace("planted-vague", "planted-twin"), encoding="utf-8")
    return bank


def test_bank_wide_findings_are_reused_until_any_file_changes(cli, cached, tmp_path, monkeypatch):
    from looptool.lint.rules import near_duplicate

    bank = _near_duplicate_bank(tmp_path)
    cold = _findings(cli, bank)
    assert any(code == "LT301" for _, _, code, _ in cold[1])
    calls = []
    real = near_duplicate._shared_ranks  # called once per run of the rule
    monkeypatch.setattr(near_duplicate, "_shared_ranks", lambda runs: calls.append(1) or real(runs))
    assert _findings(cli, bank) == cold and calls == []  # warm: the bank-wide rules did not run
    other = bank / "questions" / "system-design.yaml"
    other.write_text(other.read_text(encoding="utf-8") + "\n# touched\n", encoding="utf-8")
    assert _findings(cli, bank) == cold and calls == [1]  # any file changed: they ran again
    (bank / "looptool.toml").write_text('[per-path-ignores]\n"questions/coding.yaml" = ["LT231"]\n',
                                        encoding="utf-8")
    _findings(cli, bank)
    assert calls == [1, 1]  # the per-path ignores are part of the key


def test_a_tampered_bank_wide_entry_is_a_miss(cli, cached, tmp_path):
    bank = _near_duplicate_bank(tmp_path)
    cold = _findings(cli, bank)
    (entry,) = [p for p in cached.rglob("bank-*.json")]
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["findings"][0]["file"] = 5
    entry.write_text(json.dumps(data), encoding="utf-8")
    assert _findings(cli, bank) == cold
