"""Run the labelled question sets stored as data: tests/labelled/{blind,sets}/*.yaml.

A set file names one ``rule`` and lists ``good`` cases (must pass) and
``bad`` ones (must be flagged); the set is linted with that rule alone, as
of ``today``. ``known_limits`` (id -> why) marks cases the rule is known to
get wrong: they are strict xfails, so fixing one fails the test until it is
moved out of the list. Comments in a set say where a case was relabelled or
added, and why. blind/ holds sets written from the user documentation
alone; sets/ holds sets written alongside the rules.

Optional fields, for the rules that need more than a list of questions:

- ``role``: lint as for this role (``--role``).
- ``subjects: loops``: the cases are loop templates, not questions.
- ``questions`` / ``loops``: unlabelled context put in the same bank before
  the cases (questions the loops pin, loops that pin the questions).
- ``banks``: a list of banks, each with its own ``good``/``bad`` and any of
  the fields above (the file's top-level fields are their defaults); each
  bank is linted on its own, and a case counts as flagged if its bank's
  lint reports it.
- ``min_cases: {good: N, bad: M}``: the least the set may hold.
- ``valid_except: {code: why}``: bank-validity findings (LT0xx) a set
  provokes on purpose; any other one fails ``test_set_shape``.

Every finding must be about a labelled case: a rule that reports a context
question or loop fails ``test_only_labelled_cases_are_flagged``.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import pytest
import yaml

from looptool.lint import registry
from looptool.lint.linter import LintOptions, lint

ROOT = Path(__file__).parent / "labelled"
SETS = sorted([*(ROOT / "blind").glob("*.yaml"), *(ROOT / "sets").glob("*.yaml")])
BANK_FIELDS = ("role", "subjects", "questions", "loops", "good", "bad")


def _name(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


@cache
def _spec(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _banks(spec) -> list[dict]:
    """The banks of a set, each with every bank field filled in."""
    top = {key: spec.get(key) for key in BANK_FIELDS}
    banks = [{**top, **bank} for bank in spec["banks"]] if "banks" in spec else [top]
    return [{**bank, "good": bank["good"] or [], "bad": bank["bad"] or []} for bank in banks]


def _labelled(spec) -> list[tuple[str, dict]]:
    return [(label, item) for bank in _banks(spec) for label in ("good", "bad") for item in bank[label]]


def _today(spec) -> dt.date:
    return spec["today"] if isinstance(spec["today"], dt.date) else dt.date.fromisoformat(spec["today"])


def _lint(spec, bank, tmp_path, select) -> list:
    cases = bank["good"] + bank["bad"]
    loops = list(bank["loops"] or []) + (cases if bank["subjects"] == "loops" else [])
    questions = list(bank["questions"] or []) + ([] if bank["subjects"] == "loops" else cases)
    data = {key: value for key, value in (("questions", questions), ("loops", loops)) if value}
    path = tmp_path / "bank.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return lint([str(path)], LintOptions(today=_today(spec), role=bank["role"], select=select)).findings


@pytest.fixture(scope="module")
def flagged(tmp_path_factory):
    """Set file -> the subjects its rule reports, over all its banks."""
    out = {}
    for path in SETS:
        spec = _spec(path)
        out[path] = {f.subject for i, bank in enumerate(_banks(spec))
                     for f in _lint(spec, bank, tmp_path_factory.mktemp(f"{path.stem}-{i}"), [spec["rule"]])}
    return out


def _cases():
    for path in SETS:
        spec = _spec(path)
        known = spec.get("known_limits") or {}
        for label, item in _labelled(spec):
            marks = [pytest.mark.xfail(strict=True, reason=known[item["id"]])] if item["id"] in known else []
            yield pytest.param(path, item["id"], label, id=f"{_name(path)}:{label}:{item['id']}", marks=marks)


@pytest.mark.parametrize("path,qid,label", list(_cases()))
def test_rule_agrees_with_label(flagged, path, qid, label):
    rule = _spec(path)["rule"]
    assert (qid in flagged[path]) == (label == "bad"), f"{rule} on {qid}: expected {label}"


@pytest.mark.parametrize("path", SETS, ids=[_name(p) for p in SETS])
def test_only_labelled_cases_are_flagged(flagged, path):
    assert flagged[path] <= {item["id"] for _, item in _labelled(_spec(path))}


@pytest.mark.parametrize("path", SETS, ids=[_name(p) for p in SETS])
def test_set_shape(path, tmp_path):
    spec = _spec(path)
    assert registry.find(spec["rule"]) is not None
    labelled = _labelled(spec)
    ids = [item["id"] for _, item in labelled]
    least = spec.get("min_cases") or {}
    for label in ("good", "bad"):
        assert sum(1 for lab, _ in labelled if lab == label) >= least.get(label, 1 if label == "good" else 0)
    assert len(ids) == len(set(ids))
    assert set(spec.get("known_limits") or {}) <= set(ids)
    for i, bank in enumerate(_banks(spec)):  # every case and every bank is valid
        (tmp_path / str(i)).mkdir()
        allowed = set(spec.get("valid_except") or {})
        assert [f.message for f in _lint(spec, bank, tmp_path / str(i), ["LT0"]) if f.code not in allowed] == []


def test_ids_are_unique_across_sets():
    """One id, one case, for each rule and role within a directory (blind/ and sets/ were
    written apart, and reuse a few ids for questions of their own)."""
    seen = {}
    for path in SETS:
        spec = _spec(path)
        for bank in _banks(spec):
            for item in bank["good"] + bank["bad"]:
                key = (path.parent.name, spec["rule"], bank["role"], item["id"])
                assert key not in seen, f"{key} in {_name(path)} and {seen[key]}"
                seen[key] = _name(path)
