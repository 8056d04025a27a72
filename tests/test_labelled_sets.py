"""Run the labelled question sets stored as data: tests/labelled/blind/*.yaml.

A set file names one rule and lists ``good`` questions (must pass) and
``bad`` ones (must be flagged); the whole set is linted once with that rule
alone, as of ``today``. ``known_limits`` (id -> why) marks cases the rule is
known to get wrong: they are strict xfails, so fixing one fails the test
until it is moved out of the list. Comments in a set say where a case was
relabelled or added, and why.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import pytest
import yaml

from looptool.lint import registry
from looptool.lint.linter import LintOptions, lint

SETS = sorted((Path(__file__).parent / "labelled" / "blind").glob("*.yaml"))


@cache
def _spec(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _lint(spec, tmp_path, select) -> list:
    bank = tmp_path / "bank.yaml"
    bank.write_text(yaml.safe_dump({"questions": spec["good"] + spec["bad"]}, sort_keys=False), encoding="utf-8")
    today = spec["today"] if isinstance(spec["today"], dt.date) else dt.date.fromisoformat(spec["today"])
    return lint([str(bank)], LintOptions(today=today, select=select)).findings


@pytest.fixture(scope="module")
def flagged(tmp_path_factory):
    """Set file -> the ids its rule flags."""
    return {path: {f.subject for f in _lint(_spec(path), tmp_path_factory.mktemp(path.stem), [_spec(path)["rule"]])}
            for path in SETS}


def _cases():
    for path in SETS:
        spec = _spec(path)
        known = spec.get("known_limits") or {}
        for label in ("good", "bad"):
            for item in spec[label]:
                marks = [pytest.mark.xfail(strict=True, reason=known[item["id"]])] if item["id"] in known else []
                yield pytest.param(path, item["id"], label, id=f"{path.stem}:{label}:{item['id']}", marks=marks)


@pytest.mark.parametrize("path,qid,label", list(_cases()))
def test_rule_agrees_with_label(flagged, path, qid, label):
    rule = _spec(path)["rule"]
    assert (qid in flagged[path]) == (label == "bad"), f"{rule} on {qid}: expected {label}"


@pytest.mark.parametrize("path", SETS, ids=[p.stem for p in SETS])
def test_set_shape(path, tmp_path):
    spec = _spec(path)
    assert registry.find(spec["rule"]) is not None
    ids = [item["id"] for item in spec["good"] + spec["bad"]]
    assert len(spec["good"]) >= 25 and len(spec["bad"]) >= 15
    assert len(ids) == len(set(ids))
    assert set(spec.get("known_limits") or {}) <= set(ids)
    assert [f.message for f in _lint(spec, tmp_path, ["LT0"])] == []  # every case is a valid question


def test_ids_are_unique_across_sets():
    ids = [item["id"] for path in SETS for item in _spec(path)["good"] + _spec(path)["bad"]]
    assert len(ids) == len(set(ids))
