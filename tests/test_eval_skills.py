"""eval/run.py --skills: the analysis' skill evidence against the labels, on a tiny corpus of its own.

The corpus is written to a temporary folder, so nothing here reads or measures
the real corpus (least of all its held-out splits).
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


def _runner():
    spec = importlib.util.spec_from_file_location("eval_run", ROOT / "eval" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _question(qid: str, prompt: str, skills: list[str]) -> dict:
    return {"id": qid, "title": qid, "type": "coding", "levels": ["senior"], "skills": skills,
            "stage": "filter", "duration_minutes": 45, "prompt": prompt,
            "signal": "Gets a working answer and explains it.",
            "rubric": [{"min": 0, "max": 1, "evidence": ["No working answer"]},
                       {"min": 2, "max": 3, "evidence": ["A working answer"]},
                       {"min": 4, "max": 5, "evidence": ["A working answer, explained"]}]}


# id -> (prompt, tags, split, skills_evidenced)
CASES = {
    # read and labelled: a hit for parametric-geometry
    "t-bezier": ("Evaluate a cubic Bezier curve from its four control points and compute its arc length.",
                 ["algorithms"], "dev", ["parametric-geometry"]),
    # read but not labelled: a false reading
    "t-kernel": ("Write a CUDA kernel that sums a vector.", ["algorithms"], "dev", []),
    # labelled but not read: a miss
    "t-plain": ("Sort the list and return the median.", ["algorithms"], "dev", ["parametric-geometry"]),
    # another split: must count for nothing on dev, although its text would be read
    "t-held": ("Tune the thread blocks and shared memory of this CUDA kernel.", ["algorithms"], "test",
               ["gpu-kernels"]),
}


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "src-a"
    folder.mkdir()
    questions = [_question(qid, prompt, tags) for qid, (prompt, tags, _, _) in CASES.items()]
    (folder / "questions.yaml").write_text(yaml.safe_dump({"questions": questions}, sort_keys=False))
    labels = {qid: {"split": split, "asks": "implement", "skills_evidenced": want, "findings": []}
              for qid, (_, _, split, want) in CASES.items()}
    (folder / "labels.yaml").write_text(yaml.safe_dump({"labelled_by": "a test", "labelled_on": "2026-12-06",
                                                        "method": "by hand", "questions": labels}))
    return tmp_path


def test_measure_skills_counts_hits_misses_and_false_readings(corpus):
    run = _runner()
    labels = run.load_labels(corpus)
    dev = [qid for qid, lab in labels.items() if lab["split"] == "dev"]
    found = run.evidenced(corpus, dev)
    assert set(found) == set(dev)  # the held-out question is not even read
    result = run.measure_skills(labels, found, "dev", {"parametric-geometry", "gpu-kernels"})
    assert result["questions"] == 3
    geometry = result["skills"]["parametric-geometry"]
    assert (geometry["labelled"], geometry["found"], geometry["hits"]) == (2, 1, 1)
    assert geometry["missed"] == ["t-plain"] and geometry["false"] == []
    kernels = result["skills"]["gpu-kernels"]
    assert (kernels["labelled"], kernels["found"], kernels["hits"]) == (0, 1, 0)
    assert kernels["false"] == ["t-kernel"]
    assert result["overall"] == {"labelled": 2, "found": 2, "hits": 1}
    assert result["overall_catalogued"] == result["overall"]
    # the same question counted on the split it belongs to
    held = run.measure_skills(labels, run.evidenced(corpus, ["t-held"]), "test", {"gpu-kernels"})
    assert held["questions"] == 1 and held["skills"]["gpu-kernels"]["hits"] == 1


def test_uncatalogued_skills_are_reported_as_such(corpus):
    run = _runner()
    labels = run.load_labels(corpus)
    found = {qid: set() for qid in labels}
    result = run.measure_skills(labels, found, "dev", set())
    assert result["skills"]["parametric-geometry"]["catalogued"] is False
    assert result["overall_catalogued"] == {"labelled": 0, "found": 0, "hits": 0}
    table = run.skills_table(result)
    assert "| parametric-geometry | no | 2 | 0 | n/a | 0.00 (0.00-0.66) |" in table


def test_the_skills_mode_through_the_script(corpus, monkeypatch, capsys):
    run = _runner()
    monkeypatch.setitem(run.SETS, "corpus", corpus)
    assert run.main(["--skills", "--details"]) == 0
    out = capsys.readouterr().out
    assert "Split `dev`: 3 questions" in out
    assert "| parametric-geometry | yes | 2 | 1 | 1.00 (0.21-1.00) | 0.50 (0.09-0.91) |" in out
    assert "parametric-geometry missed: t-plain" in out and "gpu-kernels false: t-kernel" in out
    assert "t-held" not in out
    assert run.main(["--skills", "--json", "--split", "test"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["questions"] == 1 and figures["skills"]["gpu-kernels"]["hits"] == 1


def test_a_labelled_question_missing_from_the_banks_is_an_error(corpus):
    labels = corpus / "src-a" / "labels.yaml"
    data = yaml.safe_load(labels.read_text())
    data["questions"]["t-ghost"] = {"split": "dev", "asks": "implement", "skills_evidenced": [], "findings": []}
    labels.write_text(yaml.safe_dump(data))
    monkeypatch_root = str(corpus)
    proc = subprocess.run([sys.executable, "-c", "import sys, runpy; sys.argv = ['run.py', '--skills']; "
                           f"m = runpy.run_path({str(ROOT / 'eval' / 'run.py')!r}); "
                           f"m['SETS']['corpus'] = __import__('pathlib').Path({monkeypatch_root!r}); "
                           "sys.exit(m['main'](['--skills']))"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode != 0
    assert "labelled but not in any questions.yaml: t-ghost" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_question_file_that_does_not_load_stops_every_measurement(tmp_path):
    # eval/run.py's lint_report, which both measuring scripts use: a question the linter cannot read
    # would be counted without ever being checked. Runs without scikit-learn, unlike the end-to-end
    # test of eval/unseen_sources.py
    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    good.write_text(yaml.safe_dump({"questions": [_question("ok", "Sort a list in place.", ["algorithms"])]}),
                    encoding="utf-8")
    bad.write_text(yaml.safe_dump({"questions": [_question("nul", "Sort a \x00 list in place.", ["algorithms"])]}),
                   encoding="utf-8")
    runner = _runner()
    assert runner.lint_report([str(good)])["findings"] is not None
    with pytest.raises(SystemExit) as stopped:
        runner.lint_report([str(good), str(bad)])
    message = str(stopped.value)
    assert "does not load cleanly" in message and "bad.yaml" in message and "LT002" in message
