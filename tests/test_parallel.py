"""Parallel linting gives exactly the serial result."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from looptool.bank.load import UsageError
from looptool.bank.loader import load_bytes
from looptool.bank.resources import bundled_bank
from looptool.lint.linter import PARALLEL_MIN_QUESTIONS, LintOptions, _workers, lint


def _big_bank(folder, copies):
    questions = []
    for path in sorted((bundled_bank() / "questions").glob("*.yaml")):
        questions += load_bytes(path.read_bytes(), str(path)).documents[0].data["questions"]
    for n in range(copies):
        batch = [{**q, "id": f"{q['id']}-{n}", "signal": f"{q['signal']} ({n})"} for q in questions]
        if n % 3 == 0:
            batch[0] = {**batch[0], "rubric": [{"min": 0, "max": 2, "evidence": ["Strong answer"]}]}
        (folder / f"bank-{n}.yaml").write_text(yaml.safe_dump({"questions": batch}, sort_keys=False),
                                               encoding="utf-8")


def test_parallel_and_serial_lint_agree(tmp_path):
    _big_bank(tmp_path, copies=6)
    today = dt.date(2026, 11, 24)
    serial = lint([tmp_path], LintOptions(today=today, jobs=1))
    parallel = lint([tmp_path], LintOptions(today=today, jobs=2))
    assert len(serial.bank.questions) >= PARALLEL_MIN_QUESTIONS
    assert serial.findings and parallel.findings == serial.findings


def test_small_banks_and_jobs_1_stay_serial():
    assert _workers(1, 10_000) == 1
    assert _workers(0, PARALLEL_MIN_QUESTIONS - 1) == 1
    assert _workers(8, 10_000) >= 1


def test_lint_leaves_the_cycle_collector_as_it_found_it(tmp_path):
    import gc

    _big_bank(tmp_path, copies=1)
    today = dt.date(2026, 11, 24)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    lint([tmp_path], LintOptions(today=today, jobs=1))
    assert gc.isenabled() and gc.get_freeze_count() == 0  # the bank collectable again
    with pytest.raises(UsageError):  # also when the run stops early
        lint([tmp_path], LintOptions(today=today, jobs=1, role="no-such-role"))
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.disable()
    try:
        lint([tmp_path], LintOptions(today=today, jobs=1))
        assert not gc.isenabled() and gc.get_freeze_count() == 0
    finally:
        gc.enable()


def test_parallel_lint_leaves_the_cycle_collector_as_it_found_it(tmp_path):
    import gc

    _big_bank(tmp_path, copies=6)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    lint([tmp_path], LintOptions(today=dt.date(2026, 11, 24), jobs=2))
    assert gc.isenabled() and gc.get_freeze_count() == 0  # what the warm-up froze is collectable again


def test_an_error_in_a_bank_rule_run_beside_the_workers_reaches_the_caller(tmp_path, monkeypatch):
    from looptool.lint import registry

    def broken(subject, ctx):
        raise UsageError("catalogue `x` entry 1: broken")

    near = registry.by_name("near-duplicate")
    rules = tuple(registry.Rule(**{**near.__dict__, "check": broken}) if rule is near else rule
                  for rule in registry.catalogue())
    monkeypatch.setattr(registry, "catalogue", lambda: rules)  # forked processes inherit the patch
    _big_bank(tmp_path, copies=6)
    with pytest.raises(UsageError, match="entry 1: broken"):
        lint([tmp_path], LintOptions(today=dt.date(2026, 11, 24), jobs=2))
