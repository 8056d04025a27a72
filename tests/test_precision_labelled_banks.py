"""A third labelled set, stored as banks: tests/labelled/{content,design}/*.yaml.

Written by evaluators who read only the seed essays, the user docs and the
formats, never the rule code or the other labelled sets, to measure the
heuristic rules on questions they had not seen. The label is the id prefix:
``good-lt102-...`` must not be flagged by LT102, ``bad-lt102-...`` must be.
Each folder is linted once through the real CLI, with only the rules it
labels (content: LT101-LT103 and LT123; design: LT111-LT114).

What the first measurement found was fixed where a principle was missing;
the misses and the false positive left are listed below with the reason,
so the test fails both when a new mistake appears and when a known one is
fixed (then move it out of the list).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from conftest import REPO, TODAY

LABELLED = Path(__file__).parent / "labelled"
FOLDERS = {"content": {"lt101": "LT101", "lt102": "LT102", "lt103": "LT103", "lt123": "LT123"},
           "design": {"lt111": "LT111", "lt112": "LT112", "lt113": "LT113", "lt114": "LT114"}}
RULES = {**FOLDERS["content"], **FOLDERS["design"]}

KNOWN_MISSES = {
    "bad-lt101-lstm-autocomplete": "an LSTM language model under a 20 MB device limit: no catalogue entry, and "
                                   "small recurrent models still have uses on device",
    "bad-lt102-global-snapshot": "Chandy-Lamport snapshots: not in the landmark_algorithms catalogue",
    "bad-lt102-mergeable-quantiles": "quantile sketches (KLL, t-digest): not in the catalogue",
    "bad-lt102-seen-urls-tiny-ram": "membership in a memory budget is recognised by its usual wordings only",
    "bad-lt103-mha-batch-bug": "the layer is named only in the symptom sentence and the task says 'fix it'",
    "bad-lt111-whatsapp": "two numbers and a scoping hook earn enough grip; arguably a sizing exercise",
    "bad-lt112-mlsd-fraud-recital": "a recital of ML words on a systems design is reported by ml-clothing (LT116)",
    "bad-lt112-mlsd-serving-plumbing": "'paging on error rate' without a server word reads as a quality metric",
    "bad-lt114-my-experience": "'the interviewer's own experience' is not a placeholder word; debatable as a label",
}
KNOWN_FALSE_POSITIVES = {
    "good-lt111-terse-link-shortener": "LT111: four numbers and three spelled-out asks but no hooks and no one "
                                       "harmed; a judgement call (a link shortener is also the most memorised "
                                       "design question), left as is",
}
# findings on another rule's questions that are right: these prompts really are vague designs
# (quizzes and coding filed as system design are mislabelled, not vague: they ask for no design)
EXPECTED_CROSS = {("LT111", "bad-lt112-sd-lru-class")}


def _questions(folder: Path) -> list[str]:
    return [q["id"] for path in sorted(folder.glob("*.yaml"))
            for q in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]]


@pytest.fixture(scope="module", params=["content", "design"])
def measured(request):
    from conftest import run_subprocess

    folder = LABELLED / request.param
    run = run_subprocess("lint", folder, "--today", TODAY, "--select", ",".join(FOLDERS[request.param].values()),
                         "--format", "json", cwd=REPO)
    assert run.code in (0, 1), run.err
    found = {(f["code"], f["subject"]) for f in json.loads(run.out)["findings"]}
    return _questions(folder), found


def test_the_labelled_banks_are_valid_and_labelled(cli):
    for folder in ("content", "design"):
        assert cli("lint", LABELLED / folder, "--today", TODAY, "--select", "LT0").code == 0
        ids = _questions(LABELLED / folder)
        assert all(i.split("-")[0] in ("good", "bad") and i.split("-")[1] in RULES for i in ids), ids
        assert len(ids) == len(set(ids))


def test_each_rule_flags_its_bad_questions_and_only_those(measured):
    ids, found = measured
    for key, code in RULES.items():
        own = [i for i in ids if i.split("-")[1] == key]
        flagged = {i for c, i in found if c == code and i in own}
        bad = {i for i in own if i.startswith("bad-")}
        assert bad - flagged == {i for i in bad if i in KNOWN_MISSES}, f"{code} misses changed"
        assert flagged - bad == {i for i in set(own) - bad if i in KNOWN_FALSE_POSITIVES}, f"{code} false positives"


def test_findings_on_other_rules_questions_are_the_expected_ones(measured):
    ids, found = measured
    cross = {(c, i) for c, i in found if i in ids and RULES[i.split("-")[1]] != c}
    assert cross == {pair for pair in EXPECTED_CROSS if pair[1] in ids}


def test_good_questions_pass_clean_under_every_rule():
    """tests/labelled/good/: 79 questions a careful program owner would ship, across every
    type and level, many of them near the rules' limits (old techniques named for history or
    comparison, named algorithms with their method, ML coding that is not a layer, "strong"
    inside concrete rubric evidence), written blind by an evaluator. With every rule on, the
    only warning is a pair of "tell me about a disagreement" prompts, put in as a boundary
    case, that a reviewer would indeed merge; two design questions with no prepared hooks get
    scenario-prep's info note, which is about the interviewer's preparation, not the question."""
    from conftest import run_subprocess

    # unfillable-slot is left out: 79 questions alone cannot plan every bundled level and role
    run = run_subprocess("lint", LABELLED / "good", "--today", TODAY, "--format", "json",
                         "--ignore", "unfillable-slot", cwd=REPO)
    report = json.loads(run.out)
    assert report["summary"]["questions"] == 79
    assert [(f["code"], f["subject"]) for f in report["findings"]] == [
        ("LT115", "sd-status-page-survives-outage"), ("LT301", "beh-disagree-product-deadline"),
        ("LT115", "mlsd-counterfeit-listings")]
