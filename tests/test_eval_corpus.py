"""The labelled evaluation sets (eval/corpus, eval/extra) keep the contract in eval/LABELLING.md.

These checks read the files only; they never lint the questions, so running
them shows nothing of how the rules judge a held-out question.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "eval" / "corpus"
EXTRA = ROOT / "eval" / "extra"
ASKS = {"implement", "design", "recall", "analyse-data", "math-items", "present-own-work", "career",
        "behavioural"}
FINDINGS = {"vague-scenario", "mislabeled-interview", "ml-clothing", "rederive-from-scratch",
            "stale-problem", "low-signal-ml-coding"}
LABEL_KEYS = {"split", "asks", "framing", "skills_evidenced", "findings", "why"}
PERMISSIVE = ("MIT", "Apache", "BSD", "ISC", "CC BY", "CC0", "Creative Commons Attribution", "CC-BY", "Unlicense")


def _folders(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.is_dir())


class _Loader(yaml.SafeLoader):
    """YAML as looptool reads it: dates stay strings (the bank schema says so)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _yaml(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 (a SafeLoader)


def _skill_ids() -> set[str]:
    return {s["id"] for s in _yaml(ROOT / "loops" / "skills.yaml")["skills"]}


def expected_split(qid: str, session: int | None) -> str:
    """The split LABELLING.md fixes for an id: sessions 5 to 23 hold out part of their folders."""
    if session in (6, "6b", "6c", "6d", 7, "7b", "7c", "7d", 8, "8b", "8c", 9, "9b", 10, 11, "11b", 12, "12b", "12c", "12d", 13, "13b", "13c", 14, "14b", "14c", 15, "15b", "15c", 16, "16b", 17, "17b", "17c", 18, "18b", "18c", "18d", 19, "19b", "19c", "19d", 20, "20b", "20c", "20d", 21, "21b", "21c", "21d", "21e", "21f", 22, "22b", "22c", "22d", "22e", "22f", "22g", 23):  # sessions 6 to 23's batches, each with its own salt and split
        name = f"holdout{session}"
        salted = int(hashlib.sha256((name + ":" + qid).encode()).hexdigest()[:8], 16)
        return name if salted % 3 else "dev"
    if session == 5:
        salted = int(hashlib.sha256(("holdout:" + qid).encode()).hexdigest()[:8], 16)
        return "holdout" if salted % 2 == 0 else "dev"
    return "test" if int(hashlib.sha256(qid.encode()).hexdigest()[:8], 16) % 5 < 2 else "dev"


def test_the_split_formulas():
    # pinned values, so a change to either formula fails here
    assert [expected_split(q, None) for q in "abcde"] == ["test", "test", "dev", "dev", "dev"]
    assert [expected_split(q, 5) for q in "abcde"] == ["dev", "dev", "dev", "holdout", "holdout"]
    share = sum(expected_split(f"q{i}", 5) == "holdout" for i in range(2000)) / 2000
    assert 0.45 < share < 0.55
    share = sum(expected_split(f"q{i}", None) == "test" for i in range(2000)) / 2000
    assert 0.35 < share < 0.45
    assert {expected_split(f"q{i}", 5) for i in range(50)} == {"holdout", "dev"}
    assert [expected_split(q, 6) for q in "abcdef"] == ["dev", "dev"] + ["holdout6"] * 4
    share = sum(expected_split(f"q{i}", 6) == "holdout6" for i in range(3000)) / 3000
    assert 0.62 < share < 0.71
    assert [expected_split(q, "6b") for q in "abcdef"] == ["dev"] * 3 + ["holdout6b", "dev", "holdout6b"]
    assert [expected_split(q, "6c") for q in "abcdef"] == ['holdout6c', 'holdout6c', 'dev', 'dev', 'holdout6c', 'holdout6c']
    assert [expected_split(q, "6d") for q in "abcdef"] == ['dev', 'dev', 'holdout6d', 'holdout6d', 'holdout6d', 'holdout6d']
    assert [expected_split(q, 23) for q in "abcdef"] == ['dev', 'holdout23', 'holdout23', 'holdout23', 'holdout23', 'dev']
    assert [expected_split(q, "22g") for q in "abcdef"] == ['holdout22g', 'dev', 'dev', 'holdout22g', 'holdout22g', 'dev']
    assert [expected_split(q, "22f") for q in "abcdef"] == ['holdout22f', 'holdout22f', 'holdout22f', 'dev', 'dev', 'dev']
    assert [expected_split(q, "22e") for q in "abcdef"] == ['holdout22e', 'holdout22e', 'holdout22e', 'holdout22e', 'dev', 'holdout22e']
    assert [expected_split(q, "22d") for q in "abcdef"] == ['holdout22d', 'dev', 'dev', 'holdout22d', 'dev', 'dev']
    assert [expected_split(q, "22c") for q in "abcdef"] == ['holdout22c', 'holdout22c', 'holdout22c', 'holdout22c', 'dev', 'dev']
    assert [expected_split(q, "22b") for q in "abcdef"] == ['holdout22b', 'dev', 'dev', 'holdout22b', 'dev', 'holdout22b']
    assert [expected_split(q, 22) for q in "abcdef"] == ['holdout22', 'dev', 'dev', 'holdout22', 'dev', 'dev']
    assert [expected_split(q, "21f") for q in "abcdef"] == ['dev', 'dev', 'holdout21f', 'holdout21f', 'holdout21f', 'holdout21f']
    assert [expected_split(q, "21e") for q in "abcdef"] == ['dev', 'holdout21e', 'dev', 'dev', 'holdout21e', 'holdout21e']
    assert [expected_split(q, "21d") for q in "abcdef"] == ['holdout21d', 'holdout21d', 'holdout21d', 'dev', 'holdout21d', 'holdout21d']
    assert [expected_split(q, "21c") for q in "abcdef"] == ['holdout21c', 'holdout21c', 'dev', 'holdout21c', 'holdout21c', 'dev']
    assert [expected_split(q, "21b") for q in "abcdef"] == ['holdout21b', 'holdout21b', 'dev', 'holdout21b', 'dev', 'dev']
    assert [expected_split(q, 21) for q in "abcdef"] == ['holdout21', 'dev', 'holdout21', 'holdout21', 'dev', 'holdout21']
    assert [expected_split(q, "20d") for q in "abcdef"] == ['holdout20d'] * 4 + ['dev', 'dev']
    assert [expected_split(q, "20c") for q in "abcdef"] == ['holdout20c', 'holdout20c', 'dev', 'dev', 'holdout20c', 'holdout20c']
    assert [expected_split(q, "20b") for q in "abcdef"] == ['holdout20b'] * 5 + ['dev']
    assert [expected_split(q, 20) for q in "abcdef"] == ['dev', 'holdout20', 'dev', 'dev', 'holdout20', 'dev']
    assert [expected_split(q, "19d") for q in "abcdef"] == ['holdout19d', 'dev', 'dev', 'dev', 'holdout19d', 'holdout19d']
    assert [expected_split(q, "19c") for q in "abcdef"] == ['dev', 'holdout19c', 'dev', 'dev', 'dev', 'holdout19c']
    assert [expected_split(q, "19b") for q in "abcdef"] == ['holdout19b'] * 6
    assert [expected_split(q, 19) for q in "abcdef"] == ['holdout19'] * 6
    assert [expected_split(q, "18d") for q in "abcdef"] == ['dev', 'dev', 'dev', 'holdout18d', 'dev', 'holdout18d']
    assert [expected_split(q, "18c") for q in "abcdef"] == ['dev', 'holdout18c', 'holdout18c', 'holdout18c', 'holdout18c', 'dev']
    assert [expected_split(q, "18b") for q in "abcdef"] == ['dev', 'dev', 'holdout18b', 'dev', 'holdout18b', 'dev']
    assert [expected_split(q, 18) for q in "abcdef"] == ['dev', 'holdout18', 'holdout18', 'holdout18', 'holdout18', 'holdout18']
    assert [expected_split(q, "17c") for q in "abcdef"] == ['holdout17c', 'holdout17c', 'holdout17c', 'dev', 'holdout17c', 'holdout17c']
    assert [expected_split(q, "17b") for q in "abcdef"] == ['holdout17b', 'holdout17b', 'dev', 'holdout17b', 'dev', 'holdout17b']
    assert [expected_split(q, 17) for q in "abcdef"] == ['dev', 'holdout17', 'dev', 'dev', 'holdout17', 'holdout17']
    assert [expected_split(q, "16b") for q in "abcdef"] == ['dev', 'holdout16b', 'holdout16b', 'holdout16b', 'holdout16b', 'holdout16b']
    assert [expected_split(q, 16) for q in "abcdef"] == ['holdout16', 'holdout16', 'dev', 'holdout16', 'dev', 'holdout16']
    assert [expected_split(q, "15c") for q in "abcdef"] == ['holdout15c', 'holdout15c', 'holdout15c', 'holdout15c', 'dev', 'dev']
    assert [expected_split(q, "15b") for q in "abcdef"] == ['holdout15b', 'holdout15b', 'holdout15b', 'dev', 'dev', 'holdout15b']
    assert [expected_split(q, 15) for q in "abcdef"] == ['holdout15', 'holdout15', 'dev', 'dev', 'dev', 'dev']
    assert [expected_split(q, "14c") for q in "abcdef"] == ['holdout14c', 'holdout14c', 'holdout14c', 'holdout14c', 'holdout14c', 'holdout14c']
    assert [expected_split(q, "14b") for q in "abcdef"] == ['holdout14b', 'holdout14b', 'dev', 'holdout14b', 'holdout14b', 'dev']
    assert [expected_split(q, 14) for q in "abcdef"] == ['holdout14'] * 4 + ['dev', 'holdout14']
    assert [expected_split(q, "13c") for q in "abcdef"] == ['holdout13c'] * 5 + ['dev']
    assert [expected_split(q, "13b") for q in "abcdef"] == ['holdout13b', 'holdout13b', 'dev', 'dev', 'holdout13b', 'holdout13b']
    assert [expected_split(q, 13) for q in "abcdef"] == ['dev', 'holdout13', 'holdout13', 'dev', 'holdout13', 'holdout13']
    assert [expected_split(q, "12d") for q in "abcdef"] == ['holdout12d', 'dev', 'holdout12d', 'holdout12d', 'holdout12d', 'dev']
    assert [expected_split(q, "12c") for q in "abcdef"] == ['holdout12c'] * 5 + ['dev']
    assert [expected_split(q, "12b") for q in "abcdef"] == ['holdout12b'] * 4 + ['dev', 'holdout12b']
    assert [expected_split(q, 12) for q in "abcdef"] == ['dev', 'holdout12', 'dev', 'dev', 'dev', 'holdout12']
    assert [expected_split(q, "11b") for q in "abcdef"] == ['holdout11b'] * 3 + ['dev', 'dev', 'holdout11b']
    assert [expected_split(q, 11) for q in "abcdef"] == ['holdout11'] * 4 + ['dev', 'holdout11']
    assert [expected_split(q, 10) for q in "abcdef"] == ['holdout10', 'holdout10', 'dev', 'dev', 'dev', 'dev']
    assert [expected_split(q, "9b") for q in "abcdef"] == ['holdout9b', 'holdout9b', 'dev', 'dev', 'holdout9b', 'holdout9b']
    assert [expected_split(q, 9) for q in "abcdef"] == ['holdout9', 'holdout9', 'holdout9', 'dev', 'dev', 'holdout9']
    assert [expected_split(q, "8c") for q in "abcdef"] == ['holdout8c', 'holdout8c', 'holdout8c', 'dev', 'dev', 'dev']
    assert [expected_split(q, "8b") for q in "abcdef"] == ['holdout8b', 'holdout8b', 'holdout8b', 'holdout8b', 'holdout8b', 'dev']
    assert [expected_split(q, 8) for q in "abcdef"] == ['holdout8', 'holdout8', 'dev', 'holdout8', 'holdout8', 'holdout8']
    assert [expected_split(q, "7d") for q in "abcdef"] == ['dev', 'holdout7d', 'dev', 'holdout7d', 'holdout7d', 'holdout7d']
    assert [expected_split(q, "7c") for q in "abcdef"] == ['dev', 'dev', 'holdout7c', 'holdout7c', 'holdout7c', 'dev']
    assert [expected_split(q, "7b") for q in "abcdef"] == ['dev', 'holdout7b', 'dev', 'dev', 'holdout7b', 'holdout7b']
    assert [expected_split(q, 7) for q in "abcdef"] == ['holdout7', 'holdout7', 'holdout7', 'holdout7', 'holdout7', 'dev']


@pytest.mark.parametrize("folder", _folders(CORPUS) + _folders(EXTRA), ids=lambda p: p.name)
def test_each_folder_keeps_the_contract(folder: Path):
    is_corpus = folder.parent == CORPUS
    required = ["SOURCE.md", "questions.yaml", "labels.yaml"] + (["LICENSE"] if is_corpus else [])
    for name in required:
        assert (folder / name).is_file(), f"{folder.name}: no {name}"
    if is_corpus:
        notice = (folder / "LICENSE").read_text(encoding="utf-8")
        source = (folder / "SOURCE.md").read_text(encoding="utf-8")
        assert notice.strip(), f"{folder.name}: empty LICENSE"
        assert any(word in source for word in PERMISSIVE), f"{folder.name}: SOURCE.md names no permissive licence"
        assert re.search(r"\b[0-9a-f]{40}\b", source), f"{folder.name}: SOURCE.md records no commit hash"

    bank = _yaml(folder / "questions.yaml")
    validator = Draft202012Validator(json.loads((ROOT / "schemas" / "bank.schema.json").read_text()))
    errors = sorted(validator.iter_errors(bank), key=lambda e: list(e.absolute_path))
    assert not errors, f"{folder.name}/questions.yaml: {errors[0].message} at {list(errors[0].absolute_path)}"

    labels = _yaml(folder / "labels.yaml")
    for key in ("labelled_by", "labelled_on", "method"):
        assert labels.get(key), f"{folder.name}/labels.yaml: no {key}"
    session = labels.get("session")
    asked = [q["id"] for q in bank["questions"]]
    labelled = labels["questions"]
    assert sorted(asked) == sorted(labelled), f"{folder.name}: questions and labels list different ids"
    skills = _skill_ids()
    for qid, label in labelled.items():
        where = f"{folder.name}/labels.yaml: {qid}"
        assert set(label) <= LABEL_KEYS, f"{where}: unknown keys {sorted(set(label) - LABEL_KEYS)}"
        assert label["asks"] in ASKS, f"{where}: asks {label['asks']!r}"
        assert set(label.get("findings") or []) <= FINDINGS, f"{where}: unknown finding"
        assert set(label.get("skills_evidenced") or []) <= skills, f"{where}: unknown skill"
        assert label.get("framing") in (None, "need-first", "solution-first"), f"{where}: framing"
        if label.get("findings"):
            assert label.get("why"), f"{where}: a finding without a why"
        if is_corpus:
            assert label["split"] == expected_split(qid, session), f"{where}: split is not the formula's"
        else:
            assert label["split"] in ("dev", "test"), f"{where}: split"


def test_ids_are_unique_across_each_set():
    for root in (CORPUS, EXTRA):
        seen: dict[str, str] = {}
        for folder in _folders(root):
            for question in _yaml(folder / "questions.yaml")["questions"]:
                assert question["id"] not in seen, f"{question['id']} in {folder.name} and {seen[question['id']]}"
                seen[question["id"]] = folder.name


def test_the_corpus_keeps_its_size():
    """The issue asks for at least 300 real questions and a test split of at least 100."""
    splits: dict[str, int] = {}
    for folder in _folders(CORPUS):
        for label in _yaml(folder / "labels.yaml")["questions"].values():
            splits[label["split"]] = splits.get(label["split"], 0) + 1
    assert sum(splits.values()) >= 300
    assert splits.get("test", 0) >= 100
