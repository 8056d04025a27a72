"""eval/unseen_sources.py: each corpus folder is linted with models trained without it.

The end-to-end test writes a tiny corpus of its own to a temporary folder, so
nothing here reads or measures the real corpus (least of all its held-out
splits); it needs scikit-learn (the `train` extra) and is skipped without it.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import eval_splits

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "eval" / "unseen_sources.py"


def _module():
    spec = importlib.util.spec_from_file_location("eval_unseen_sources", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=False)


def test_a_folder_s_fold_is_fixed_by_its_name():
    fold_of = _module().fold_of
    # pinned, so a change to the formula fails here
    assert [fold_of(name, 5) for name in ("sd-teodor", "ml-mlhandbook", "people-18f")] == [3, 2, 4]
    assert [fold_of(f"f{i}", 5) for i in range(6)] == [1, 1, 1, 2, 2, 0]
    assert {fold_of(f"folder-{i}", 5) for i in range(60)} == set(range(5))


@pytest.mark.parametrize("args,said", [
    (["--split", eval_splits().UNMEASURED], "has not been measured yet"),
    (["--folds", "1"], "at least 2"),
    (["--corpus", "/nonexistent-corpus"], "no corpus folders"),
])
def test_bad_arguments_are_usage_errors(args, said):
    proc = _run(*args)
    assert proc.returncode == 2
    assert said in proc.stderr
    assert "Traceback" not in proc.stderr


def _question(qid: str, qtype: str, prompt: str) -> dict:
    return {"id": qid, "title": qid, "type": qtype, "levels": ["senior"], "skills": ["algorithms"],
            "stage": "filter", "duration_minutes": 45, "prompt": prompt,
            "signal": "Gets a working answer and explains it.",
            "rubric": [{"min": 0, "max": 1, "evidence": ["No working answer"]},
                       {"min": 2, "max": 3, "evidence": ["A working answer"]},
                       {"min": 4, "max": 5, "evidence": ["A working answer, explained"]}]}


def _folder(root: Path, name: str, rows: list[tuple[str, str, str, str, list[str]]]) -> None:
    folder = root / name
    folder.mkdir(parents=True)
    questions = [_question(qid, qtype, prompt) for qid, qtype, prompt, _, _ in rows]
    labels = {qid: {"split": "dev", "asks": asks, "skills_evidenced": [], "findings": findings, "why": "test"}
              for qid, _, _, asks, findings in rows}
    (folder / "questions.yaml").write_text(yaml.safe_dump({"questions": questions}), encoding="utf-8")
    (folder / "labels.yaml").write_text(yaml.safe_dump({"labelled_by": "test", "labelled_on": "2026-12-06",
                                                         "method": "test", "questions": labels}), encoding="utf-8")


def test_every_fold_is_linted_with_models_that_never_saw_it(tmp_path):
    pytest.importorskip("sklearn")
    kinds = [
        ("coding", "Write a function that returns the {} largest values of a list in O(n log k).", "implement"),
        ("math-quiz", "What is the probability that {} fair dice all show a six?", "math-items"),
        ("coding", "What is a {} in Python, and when would you use one?", "recall"),
    ]
    words = ["two", "three", "four", "five", "six", "seven", "eight", "nine"]
    for f in range(6):
        rows = []
        for k, (qtype, text, asks) in enumerate(kinds):
            for w in words[f % 3::3][:2]:
                mis = ["mislabeled-interview"] if asks == "recall" else []
                rows.append((f"f{f}-{k}-{w}", qtype, text.format(w), asks, mis))
        _folder(tmp_path, f"src{f}", rows)
    proc = _run("--corpus", str(tmp_path), "--folds", "3", "--json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["folds"] == 3
    assert result["questions"] == 6 * 3 * 2  # six folders, two questions of each of three kinds
    row = result["modes"]["mislabeled-interview"]
    # each coding recall question is labelled mislabelled: the rule finds most of them on unseen folders
    assert row["labelled"] > 0 and row["hits"] >= row["labelled"] // 2
    proc = _run("--corpus", str(tmp_path), "--folds", "3")
    assert "| mislabeled-interview |" in proc.stdout


def test_a_question_file_that_does_not_load_stops_the_measurement(tmp_path):
    # a question the linter cannot read would be counted without ever being checked
    pytest.importorskip("sklearn")
    for f in range(3):
        stray = "\x00" if f == 1 else ""  # written by PyYAML as "\0" inside a quoted string
        rows = [(f"g{f}-{k}", "coding", f"Write a function that sorts {k}{stray} lists in place.", "implement", [])
                for k in range(4)]
        rows.append((f"g{f}-quiz", "coding", "What is a generator in Python?", "recall", ["mislabeled-interview"]))
        _folder(tmp_path, f"src{f}", rows)
    proc = _run("--corpus", str(tmp_path), "--folds", "3")
    assert proc.returncode != 0
    assert "does not load cleanly" in proc.stderr and "src1/questions.yaml" in proc.stderr and "LT002" in proc.stderr
    assert "Traceback" not in proc.stderr


def _training():
    sys.path.insert(0, str(ROOT / "eval"))
    try:
        spec = importlib.util.spec_from_file_location("eval_train_models", ROOT / "eval" / "train_models.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "eval"))


@pytest.mark.parametrize("weight,said", [(float("inf"), "not a finite number"), (5000.0, "32-bit")])
def test_a_model_the_file_cannot_hold_is_refused_and_nothing_written(tmp_path, capsys, weight, said):
    out = tmp_path / "ask_model.json"
    model = {"weights": [0.5, weight], "idf": [1.0], "trained_on": {"questions": 1, "excluded_splits": []}}
    with pytest.raises(SystemExit) as stopped:
        _training().write(out, model)
    assert stopped.value.code == 2 and said in capsys.readouterr().err and not out.exists()
