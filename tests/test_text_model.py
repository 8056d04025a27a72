"""The trained text models: their files, their pure-Python scoring, and how the rules use them."""

from __future__ import annotations

import json
import math
import textwrap

import pytest
import yaml

from conftest import REPO, TODAY, eval_splits, run_subprocess
from looptool.bank.load import load_bank
from looptool.bank.resources import data_path
from looptool.lint import text_model
from looptool.lint.analysis import ASK_KINDS, PROMISES, analyse
from looptool.lint.rules import mislabeled_interview

MODEL = json.loads(data_path("ask_model.json").read_text(encoding="utf-8"))
MODELS = {name: json.loads(data_path(f"{name}.json").read_text(encoding="utf-8"))
          for name in (text_model.ASKS, text_model.VAGUE, *sorted(set(text_model.ROUNDS.values())))}


@pytest.mark.parametrize("name", sorted(MODELS))
def test_scoring_reproduces_the_probabilities_scikit_learn_gave_at_training(name):
    model = MODELS[name]
    assert len(model["checks"]) >= len(model["classes"])
    for check in model["checks"]:
        reading = text_model.read(check["text"], name)
        for kind, expected in zip(model["classes"], check["probabilities"]):
            # the file keeps six decimals of each weight, so agreement is close, not exact
            assert reading.probabilities[kind] == pytest.approx(expected, abs=1e-4), (check["text"], kind)


@pytest.mark.parametrize("name", sorted(MODELS))
def test_the_files_pack_one_weight_per_term_and_class_in_the_current_format(name):
    model = MODELS[name]
    assert model["format"] == text_model.FORMAT
    terms = model["vocabulary"].split("\n")
    assert len(text_model.unpacked(model["idf"])) == len(terms)
    assert len(text_model.unpacked(model["weights"])) == len(terms) * len(model["classes"])


def test_packed_numbers_come_back_as_the_doubles_their_six_decimals_parse_to():
    values = [0.123456, -0.000001, 7.5, 0.0, -1234.567891, 2147.483647, float("0.1"), 1e-06]
    counts = text_model.unpacked(text_model.packed(values))
    assert [count / text_model.SCALE for count in counts] == values
    assert [float(f"{count / text_model.SCALE:.6f}") for count in counts] == values


@pytest.mark.parametrize("value", [0.1234567, 2147.483648, -2147.483649, 1e-07])
def test_a_number_packing_would_change_is_refused(value):
    with pytest.raises(ValueError, match="millionths"):
        text_model.packed([value])


def test_the_kinds_are_the_labelled_ask_kinds_and_known_to_the_analysis():
    labelling = (REPO / "eval" / "LABELLING.md").read_text(encoding="utf-8")
    assert set(text_model.kinds()) <= set(ASK_KINDS)
    for kind in text_model.kinds():
        assert f"`{kind}`" in labelling


@pytest.mark.parametrize("name", sorted(MODELS))
def test_the_unmeasured_held_out_split_was_never_trained_on(name):
    trained = MODELS[name]["trained_on"]
    assert eval_splits().UNMEASURED in trained["excluded_splits"]
    assert trained["questions"] == sum(trained["per_class"].values())


def test_a_reading_is_a_distribution_and_deterministic():
    for text in ("", "What is a B-tree?", "x " * 500):
        first, second = text_model.read(text), text_model.read(text)
        assert first == second
        assert math.isclose(sum(first.probabilities.values()), 1.0, abs_tol=1e-9)
        assert all(0.0 <= p <= 1.0 for p in first.probabilities.values())
    assert text_model.read("").features == {}


@pytest.mark.parametrize("text,kind", [
    ("Replication. What is the difference between synchronous and asynchronous replication?", "recall"),
    ("Merge intervals. Write a function that merges overlapping intervals and returns them sorted.", "implement"),
    ("Moving on. Why do you want to leave your current job, and what do you want next?", "career"),
    ("A hard call. Tell me about a time you had to push back on your manager. What happened?", "behavioural"),
])
def test_plain_requests_are_read_as_what_they_ask(text, kind):
    reading = text_model.read(text)
    assert reading.likeliest() == kind
    words = reading.strongest(kind)
    assert words and all(w in reading.features for w in words)


def test_strongest_words_weigh_towards_the_kind_and_away_from_the_others():
    reading = text_model.read("Explain what a write-ahead log is and why databases keep one.")
    model = text_model._model()
    for word in reading.strongest("recall", against=PROMISES["coding"]):
        weights = dict(zip(model.classes, model.weights(word)))
        assert weights["recall"] > max(weights[k] for k in ("implement", "analyse-data"))


def _bank(tmp_path, *questions, config=None):
    (tmp_path / "bank.yaml").write_text(yaml.safe_dump({"questions": list(questions)}, sort_keys=False))
    if config:
        (tmp_path / "pyproject.toml").write_text(textwrap.dedent(config))
    return tmp_path / "bank.yaml"


def _question(qid, qtype, prompt, title):
    return {"id": qid, "title": title, "type": qtype, "levels": ["senior"], "skills": ["distributed-systems"],
            "stage": "probe", "duration_minutes": 45, "prompt": prompt,
            "signal": "Reasons about the trade-offs with numbers."}


QUIZ = _question("consensus-quiz", "system-design",
                 "Compare Raft with Paxos. Which guarantees does each give, and where do they differ?",
                 "Raft versus Paxos")
GRILLING = _question("threads-in-a-career-chat", "career-chat",
                     "What is the difference between a process and a thread, and when would you use each?",
                     "Processes and threads")
NEED = _question("replica-drift", "system-design",
                 "Two replicas of a billion keys drift apart after outages, and copying either across the WAN "
                 "takes hours. Work out how they can find exactly which keys differ while sending little data.",
                 "Replicas that drift")


def test_the_cli_reports_a_grilling_filed_as_career_chat_with_the_models_reading(tmp_path):
    bank = _bank(tmp_path, GRILLING, NEED)
    run = run_subprocess("lint", bank, "--select", "mislabeled-interview", "--today", TODAY)
    assert run.code == 1, run.out + run.err
    lines = [line for line in run.out.splitlines() if "LT112" in line]
    assert len(lines) == 1 and "bank.yaml:" in lines[0]
    assert "talk about their career" in lines[0] and "recall or explain known facts (the ask model gives" in lines[0]
    assert "'what is'" in lines[0] or "'difference between'" in lines[0]


def test_a_need_first_design_with_unusual_verbs_passes(tmp_path):
    # the model alone reads "work out how ... find" as coding; a prompt posed from a need is a design
    assert text_model.read(text_model.text_of(NEED["title"], NEED["prompt"])).share(PROMISES["system-design"]) < 0.5
    run = run_subprocess("lint", _bank(tmp_path, NEED), "--select", "mislabeled-interview", "--today", TODAY)
    assert run.code == 0, run.out


def test_the_thresholds_are_options(tmp_path):
    off = """
        [tool.looptool.rules.mislabeled-interview]
        max-promised = 0.0
        max-promised-with-cue = 0.0
        min-off-promise = 1.0
    """
    run = run_subprocess("lint", _bank(tmp_path, QUIZ, GRILLING, config=off), "--select", "mislabeled-interview", "--today", TODAY)
    assert run.code == 0, run.out + run.err
    bad = "[tool.looptool.rules.mislabeled-interview]\nmax-promised = 2\n"
    run = run_subprocess("lint", _bank(tmp_path, QUIZ, config=bad), "--select", "mislabeled-interview", "--today", TODAY)
    assert run.code == 2 and "max-promised" in run.err and "between" in run.err, run.err


def test_the_round_models_tell_off_promise_from_kept_for_their_rounds():
    assert set(text_model.ROUNDS) == {"coding", "system-design", "ml-system-design"}
    for name in set(text_model.ROUNDS.values()):
        assert set(text_model.kinds(name)) == {text_model.OFF_PROMISE, "kept"}
    how_to = text_model.read("Git. How do you undo the last commit without losing its changes?", "coding_round_model")
    task = text_model.read("Merge intervals. Given a list of intervals, merge the overlapping ones and return "
                           "them sorted.", "coding_round_model")
    assert how_to.probabilities[text_model.OFF_PROMISE] > 0.5 > task.probabilities[text_model.OFF_PROMISE]


def test_only_the_rounds_a_round_model_reads_get_its_reading(tmp_path):
    loaded, _ = load_bank([_bank(tmp_path, GRILLING, QUIZ)])
    grilling, quiz = loaded.questions
    assert analyse(grilling).off_promise is None
    assert analyse(quiz).off_promise.model == "design_round_model"


SPRING = _question("spring-validation", "coding",
                   "- How do you validate request bodies in a Spring REST controller?\n"
                   "- How do you return a helpful error when validation fails?", "Spring validation")


def test_the_cli_reports_how_tos_in_a_coding_round_with_the_round_model_s_reading(tmp_path):
    run = run_subprocess("lint", _bank(tmp_path, SPRING), "--select", "mislabeled-interview", "--today", TODAY)
    assert run.code == 1, run.out + run.err
    lines = [line for line in run.out.splitlines() if "LT112" in line]
    assert len(lines) == 1 and "bank.yaml:" in lines[0]
    assert "the coding-round model, learned from labelled coding rounds, gives" in lines[0]
    assert "the words that weigh most:" in lines[0] and "ask model's likeliest other reading" in lines[0]
    off = "[tool.looptool.rules.mislabeled-interview]\nmin-off-promise = 1.0\n"
    run = run_subprocess("lint", _bank(tmp_path, SPRING, config=off), "--select", "mislabeled-interview", "--today", TODAY)
    assert run.code == 0, run.out + run.err


def test_off_round_reads_the_round_model_above_its_line(tmp_path):
    loaded, _ = load_bank([_bank(tmp_path, GRILLING, SPRING)])
    grilling, spring = (analyse(q) for q in loaded.questions)
    reading = spring.off_promise.probabilities[text_model.OFF_PROMISE]
    assert spring.off_round() is (reading > text_model.OFF_ROUND)
    assert spring.off_round(reading - 0.01) and not spring.off_round(reading)
    assert grilling.off_promise is None and not grilling.off_round(0.0)  # no round model reads its type
    assert dict(mislabeled_interview.OPTIONS)["min-off-promise"] == text_model.OFF_ROUND


def test_the_round_model_s_reading_counts_only_above_min_off_promise(tmp_path):
    loaded, _ = load_bank([_bank(tmp_path, SPRING)])
    reading = analyse(loaded.questions[0]).off_promise.probabilities[text_model.OFF_PROMISE]
    for threshold, code in ((reading - 0.01, 1), (reading + 0.01, 0)):
        config = f"[tool.looptool.rules.mislabeled-interview]\nmin-off-promise = {threshold:.4f}\n"
        run = run_subprocess("lint", _bank(tmp_path, SPRING, config=config), "--select", "mislabeled-interview",
                             "--today", TODAY)
        assert run.code == code, (threshold, run.out + run.err)
