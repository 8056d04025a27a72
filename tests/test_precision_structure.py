"""Labelled precision/recall sets for the rubric, role, loop and bank rules.

Each rule gets questions (or loop templates) written independently of its
case file and of the seeds: good ones it must leave alone, including hard
negatives, and bad ones it must report. One bank per rule is linted with
only that rule selected; a finding counts for the question or loop it is
about (`Finding.subject`).
"""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from looptool.lint.linter import LintOptions, lint


def q(qid, **over):
    """A valid question with neutral defaults; ``over`` replaces fields (None drops one)."""
    base = {
        "id": qid, "title": qid.replace("-", " "), "type": "coding", "levels": ["junior", "senior"],
        "skills": ["algorithms"], "stage": "filter", "duration_minutes": 45,
        "prompt": f"Solve the {qid.replace('-', ' ')} problem.", "signal": f"Signal for {qid}.",
        "rubric": [
            {"min": 0, "max": 1, "evidence": ["Cannot produce a version that runs on the first example"]},
            {"min": 2, "max": 3, "evidence": ["Gets the examples right and states the running time"]},
            {"min": 4, "max": 5, "evidence": ["Tests the edge cases unprompted and explains the trade-off"]},
        ],
    }
    base.update(over)
    return {k: v for k, v in base.items() if v is not None}


def bands(*spans, evidence="Writes a version that passes the first example"):
    """Rubric bands from (min, max) pairs, each with neutral observable evidence."""
    return [{"min": lo, "max": hi, "evidence": [evidence]} for lo, hi in spans]


def loop(lid, level, slots, pass_total=None, **over):
    slots = [dict(s) for s in slots]
    n = sum(s.get("count", 1) for s in slots)
    body = {"id": lid, "level": level, "slots": slots,
            "progression": {"pass_total": pass_total if pass_total is not None else 3 * n, "min_each": 1}}
    body.update(over)
    return body


def s(kind, minutes=45, **over):
    return {"type": kind, "minutes": minutes, **over}


def flagged(tmp_path, monkeypatch, rule, questions=(), loops=(), role=None):
    """Subjects (question or loop ids) the rule reports on a bank of ``questions`` and ``loops``."""
    data = {}
    if questions:
        data["questions"] = list(questions)
    if loops:
        data["loops"] = list(loops)
    (tmp_path / "bank.yaml").write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lint(["bank.yaml"], LintOptions(today=dt.date(2026, 11, 24), role=role, select=[rule]))
    assert not [f for f in result.findings if f.code in ("LT001", "LT008")], "the labelled bank must be valid"
    return {f.subject for f in result.findings}


def score(found, good, bad):
    true_pos = len(found & bad)
    precision = true_pos / len(found) if found else 1.0
    recall = true_pos / len(bad) if bad else 1.0
    return precision, recall


def assert_labelled(found, good_ids, bad_ids):
    good_ids, bad_ids = set(good_ids), set(bad_ids)
    assert len(good_ids) >= 15 and len(bad_ids) >= 10
    precision, recall = score(found & (good_ids | bad_ids), good_ids, bad_ids)
    print(f"precision {precision:.2f} recall {recall:.2f} ({len(good_ids)} good, {len(bad_ids)} bad)")
    assert not found & good_ids, f"fired on good: {sorted(found & good_ids)}"
    assert bad_ids <= found, f"missed bad: {sorted(bad_ids - found)}"


# -- LT121 missing-rubric ------------------------------------------------------

RUBRIC_GOOD = [
    q("g-heap-merge"), q("g-trie", type="coding", flavor="compiler"),
    q("g-sql-window", type="data-modeling", stage="probe", skills=["data-analysis"]),
    q("g-bayes", type="math-quiz", skills=["statistics"]),
    q("g-queue-design", type="system-design", stage="probe", skills=["distributed-systems"]),
    q("g-fraud-harm", type="ml-system-design", stage="probe", levels=["staff"], skills=["ml-problem-framing"]),
    q("g-dive-thesis", type="project-deep-dive", stage="probe", skills=["communication"]),
    q("g-dive-infra", type="project-deep-dive", stage="probe", levels=["staff"], skills=["ownership"]),
    q("g-chat-arc", type="career-chat", stage="probe", skills=["career-motivation"]),
    q("g-chat-switch", type="career-chat", stage="probe", levels=["senior"], skills=["career-motivation"]),
    q("g-beh-incident", type="behavioral", stage="probe", skills=["ownership"]),
    q("g-single-band", rubric=bands((0, 5))),
    q("g-retired-old", rubric=None, status="retired"),
    q("g-leaked-old", rubric=None, status="leaked"),
    q("g-six-bands", rubric=bands((0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (5, 5))),
]
RUBRIC_BAD = [
    q("b-heap-merge", rubric=None), q("b-sql", type="data-modeling", stage="probe", rubric=None),
    q("b-quiz", type="math-quiz", rubric=None), q("b-design", type="system-design", stage="probe", rubric=None),
    q("b-mlsd", type="ml-system-design", stage="probe", levels=["staff"], rubric=None),
    q("b-dive", type="project-deep-dive", stage="probe", rubric=None),
    q("b-chat", type="career-chat", stage="probe", rubric=None),
    q("b-beh", type="behavioral", stage="probe", rubric=None),
    q("b-flavoured", flavor="math", rubric=None), q("b-staff-coding", levels=["staff"], rubric=None),
]


def test_missing_rubric_labelled(tmp_path, monkeypatch):
    found = flagged(tmp_path, monkeypatch, "missing-rubric", RUBRIC_GOOD + RUBRIC_BAD)
    assert_labelled(found, [x["id"] for x in RUBRIC_GOOD], [x["id"] for x in RUBRIC_BAD])


# -- LT122 rubric-scale ---------------------------------------------------------

SCALE_GOOD = [q(f"g-scale-{i}", rubric=bands(*spans)) for i, spans in enumerate([
    [(0, 1), (2, 3), (4, 5)], [(0, 2), (3, 5)], [(0, 5)], [(0, 0), (1, 2), (3, 4), (5, 5)],
    [(0, 1), (2, 2), (3, 3), (4, 5)], [(0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (5, 5)],
    [(0, 3), (4, 5)], [(0, 1), (2, 5)], [(0, 0), (1, 5)], [(0, 4), (5, 5)],
    [(0, 1), (2, 3), (4, 4), (5, 5)], [(0, 2), (3, 3), (4, 5)], [(0, 0), (1, 3), (4, 5)],
    [(0, 1), (2, 4), (5, 5)], [(0, 2), (3, 4), (5, 5)],
])]
SCALE_BAD = [q(f"b-scale-{i}", rubric=bands(*spans)) for i, spans in enumerate([
    [(0, 1), (1, 2), (2, 3), (4, 5)],  # the seed's shape: 1 and 2 in two bands
    [(0, 1), (2, 3)],                  # nothing above 3
    [(1, 2), (3, 5)],                  # nothing at 0
    [(0, 1), (3, 5)],                  # 2 missing
    [(0, 2), (2, 5)],                  # 2 twice
    [(0, 1), (3, 2), (4, 5)],          # inverted band
    [(4, 5), (2, 3), (0, 1)],          # top down
    [(0, 5), (4, 5)],                  # second band inside the first
    [(0, 0), (1, 1), (2, 2), (4, 4), (5, 5)],
    [(2, 3), (0, 1), (4, 5)],          # out of order
])]


def test_rubric_scale_labelled(tmp_path, monkeypatch):
    found = flagged(tmp_path, monkeypatch, "rubric-scale", SCALE_GOOD + SCALE_BAD)
    assert_labelled(found, [x["id"] for x in SCALE_GOOD], [x["id"] for x in SCALE_BAD])


# -- LT123 rubric-evidence ------------------------------------------------------

def evidence(*per_band):
    spans = [(0, 1), (2, 3), (4, 5)] if len(per_band) == 3 else [(0, 2), (3, 5)]
    return [{"min": lo, "max": hi, "evidence": list(items)} for (lo, hi), items in zip(spans, per_band)]


EVIDENCE_GOOD = [q(f"g-ev-{i}", rubric=evidence(*bands_)) for i, bands_ in enumerate([
    (["Joins on the wrong key and does not notice the duplicated rows"],
     ["Uses a window function and explains why GROUP BY alone loses the ordering"],
     ["Spots the late-arriving events and proposes a watermark"]),
    (["Proposes a single database with no estimate of writes per second"],
     ["Estimates 40,000 writes a second and shards by user id"],
     ["Asks what happens when one shard's disk fills, and designs backpressure"]),
    (["Reports accuracy on a 2% positive class without comment"],
     ["Switches to precision at the review team's capacity of 500 cases a day"],
     ["Shows the metric is inflated by a leaked feature and removes it"]),
    (["Describes the project only as a list of tools"],
     ["Says which part of the design was theirs and what they would change"],
     ["Names the measurement that made them drop their first approach"]),
    (["Weak start: never runs the code on the examples"],
     ["Good use of a heap, and states the cost as O(n log k)"],
     ["Clean code that handles an empty input and ties in frequency"]),
    (["Cannot say what the draft model is for"],
     ["Explains why the draft model adds work"],
     ["Names batching and KV-cache reuse unprompted"]),
    (["Blames the other team and cannot say what they asked for"],
     ["Recounts the disagreement in order and what they proposed"],
     ["Describes how they checked afterwards that the compromise held"]),
    (["Answers 95% and keeps it after being asked about 1,000 patients"],
     ["Sets up the counts and gets about one in three"],
     ["Explains the result to a non-specialist with a concrete population"]),
    (["Does not know what a covariance matrix is"],
     ["Understands why the matrix must be symmetric and says so"],
     ["Derives the eigenvectors for the 2 by 2 example"]),
    (["Wants work the role does not have and shows no interest when told so"],
     ["Describes the kind of team they work best in, with an example"],
     ["Connects their last two moves to what they want from this role"]),
    (["Strong opinions, but never tests the parser on nested input"],
     ["Handles nested brackets and reports the column of an error"],
     ["Solid recovery: keeps parsing after an error and lists all of them"]),
    (["Tunes the learning rate without looking at the data"],
     ["Finds the label noise in the scanned invoices and measures its effect"]),
    (["Picks a model before asking who reads the alerts"],
     ["Asks how many alerts a nurse can act on per shift and designs to that"]),
    (["Clear explanation of why the cache misses after a deploy"],
     ["Good intuition, e.g. predicts the p99 will double before measuring it"],
     ["Thorough: writes a load test that reproduces the stampede"]),
    (["Deep knowledge claimed, but cannot draw the write path"],
     ["Draws the write path and marks where a crash loses data"],
     ["Compares write-ahead logging with shadow paging for this workload"]),
])]
EVIDENCE_BAD = [q(f"b-ev-{i}", rubric=evidence(*bands_)) for i, bands_ in enumerate([
    (["Weak answer"], ["Good answer"], ["Excellent answer"]),
    (["Poor understanding of trade-offs"], ["Reasonable grasp of the basics"], ["Strong understanding of trade-offs"]),
    (["Cannot write a loop that terminates"], ["Decent solution"], ["Writes tests for empty input unprompted"]),
    (["No knowledge of SQL"], ["Familiar with joins and indexes"], ["Expert in query planning"]),
    (["Struggles with recursion"], ["Solid coding skills"], ["Exceptional problem-solving ability"]),
    (["Misses the class imbalance"], ["Finds the imbalance and reweights"], ["Impressive depth", "Great communicator"]),
    (["Lacks depth"], ["Has some experience with Kubernetes"], ["Deep expertise in distributed systems"]),
    (["Vague", "Poor communication"], ["Asks two questions about the data"]),
    (["Never asks who uses the system"], ["Good trade-off discussion", "Reasonable design"]),
    (["Does not understand the problem"], ["Understands the problem well"], ["Shows deep knowledge of the CAP theorem"]),
    (["Below expectations"], ["Meets expectations"], ["Exceeds expectations"]),
])]


def test_rubric_evidence_labelled(tmp_path, monkeypatch):
    found = flagged(tmp_path, monkeypatch, "rubric-evidence", EVIDENCE_GOOD + EVIDENCE_BAD)
    assert_labelled(found, [x["id"] for x in EVIDENCE_GOOD], [x["id"] for x in EVIDENCE_BAD])


# -- LT124 role-mismatch ---------------------------------------------------------

PERF_GOOD = [q(f"g-perf-{i}", skills=skills) for i, skills in enumerate([
    ["gpu-performance"], ["inference-serving", "algorithms"], ["distributed-training"], ["model-compression"],
    ["data-pipelines", "debugging"], ["capacity-estimation"], ["algorithms", "code-quality"],
    ["distributed-systems", "statistics"], ["deep-learning"], ["communication"], ["career-motivation"],
    ["ownership", "collaboration"], ["modeling", "evaluation"], ["gpu-performance", "concurrency"],
    ["inference-serving", "llm-applications"], ["technical-leadership"],
])] + [q("g-perf-retired-curves", skills=["parametric-geometry"], status="retired")]
PERF_BAD = [q(f"b-perf-{i}", skills=skills) for i, skills in enumerate([
    ["parametric-geometry"], ["algorithms", "parametric-geometry"], ["gpu-kernels"],
    ["gpu-performance", "gpu-kernels"], ["experimentation"], ["evaluation", "ml-problem-framing"],
    ["api-design"], ["feature-stores", "storage-systems"], ["gpu-kernels", "communication"],
    ["linear-algebra-calculus"],
])]


def test_role_mismatch_labelled(tmp_path, monkeypatch):
    found = flagged(tmp_path, monkeypatch, "role-mismatch", PERF_GOOD + PERF_BAD, role="ml-performance-engineer")
    assert_labelled(found, [x["id"] for x in PERF_GOOD], [x["id"] for x in PERF_BAD])


def test_role_mismatch_needs_a_role(tmp_path, monkeypatch):
    assert flagged(tmp_path, monkeypatch, "role-mismatch", PERF_BAD) == set()


def test_role_mismatch_through_a_pinning_role_loop(tmp_path, monkeypatch):
    questions = [q("bezier", skills=["parametric-geometry"]), q("kv-sizing", skills=["inference-serving"])]
    loops = [loop("perf", "senior", [s("coding", question="bezier"), s("coding", question="kv-sizing")],
                  role="ml-performance-engineer")]
    assert flagged(tmp_path, monkeypatch, "role-mismatch", questions, loops) == {"bezier"}


# -- loop templates ---------------------------------------------------------------

INTERN = [s("coding", stage="filter"), s("data-modeling", 60, stage="probe"), s("project-deep-dive", stage="probe")]
JUNIOR = [s("coding", count=2, stage="filter"), s(["coding/math", "math-quiz"], stage="filter"),
          s("data-modeling", 60, stage="probe"), s("project-deep-dive", stage="probe")]
SENIOR = [s("coding", count=2, stage="filter"), s("data-modeling", 60, count=2, stage="probe"),
          s("system-design", 60, stage="probe"), s("project-deep-dive", stage="probe"),
          s("career-chat", 30, stage="probe", interviewer_role="hiring-manager")]
STAFF = [s("coding", stage="filter"), s("data-modeling", 60, count=2, stage="probe"),
         s("system-design", 60, stage="probe"), s("ml-system-design", 60, stage="probe", interviewer_level="staff"),
         s("project-deep-dive", stage="probe"), s("career-chat", 30, stage="probe", interviewer_role="hiring-manager")]
REFERENCE = {"intern": INTERN, "junior": JUNIOR, "senior": SENIOR, "staff": STAFF}


def variants(prefix, level):
    """Harmless rewrites of a reference loop: order, minutes, flavours, labels, splits."""
    base = REFERENCE[level]
    out = [loop(f"{prefix}-plain", level, base)]
    out.append(loop(f"{prefix}-labels", level, [dict(x, label=f"Round {i}") for i, x in enumerate(base)]))
    out.append(loop(f"{prefix}-split", level, [dict(x, count=1) for x in base for _ in range(x.get("count", 1))]))
    out.append(loop(f"{prefix}-compiler", level, [dict(x, type="coding/compiler") if x["type"] == "coding" else x
                                                  for x in base]))
    return out


COMPOSITION_GOOD = [*variants("g-int", "intern"), *variants("g-jun", "junior"), *variants("g-sen", "senior"),
                    *variants("g-stf", "staff")] + [
    loop("g-jun-quiz", "junior", [s("coding", count=2), s("math-quiz", 30), s("data-modeling", 60),
                                  s("project-deep-dive")]),
    loop("g-sen-hm-staff", "senior", SENIOR[:-1] + [s("career-chat", 30, interviewer_role="hiring-manager",
                                                       interviewer_level="staff")]),
]
COMPOSITION_BAD = [
    loop("b-sen-no-design", "senior", [x for x in SENIOR if x["type"] != "system-design"]),
    loop("b-sen-mlsd", "senior", SENIOR + [s("ml-system-design", 60, stage="probe")]),
    loop("b-jun-mlsd", "junior", JUNIOR[:-1] + [s("ml-system-design", 60), JUNIOR[-1]]),
    loop("b-int-two-coding", "intern", [s("coding", count=2)] + INTERN[1:]),
    loop("b-int-no-dive", "intern", INTERN[:2]),
    loop("b-jun-no-math", "junior", [s("coding", count=3), s("data-modeling", 60), s("project-deep-dive")]),
    loop("b-sen-one-dm", "senior", [s("coding", count=2), s("data-modeling", 60), s("system-design", 60),
                                    s("project-deep-dive"), s("career-chat", 30, interviewer_role="hiring-manager")]),
    loop("b-sen-chat-anyone", "senior", SENIOR[:-1] + [s("career-chat", 30)]),
    loop("b-stf-mlsd-senior", "staff", [x if x["type"] != "ml-system-design" else s("ml-system-design", 60)
                                        for x in STAFF]),
    loop("b-stf-no-chat", "staff", STAFF[:-1]),
    loop("b-stf-behavioural", "staff", STAFF + [s("behavioral", 45)]),
]


def test_composition_labelled(tmp_path, monkeypatch):
    found = flagged(tmp_path, monkeypatch, "composition", loops=COMPOSITION_GOOD + COMPOSITION_BAD)
    assert_labelled(found, [x["id"] for x in COMPOSITION_GOOD], [x["id"] for x in COMPOSITION_BAD])


STAGE_GOOD = [*variants("g-int", "intern"), *variants("g-jun", "junior"), *variants("g-sen", "senior")] + [
    loop("g-no-stages", "senior", [s("career-chat", 30), s("coding"), s("system-design", 60)]),
    loop("g-all-filters", "junior", [s("coding", stage="filter", count=3)]),
    loop("g-all-probes", "staff", [s("ml-system-design", 60, stage="probe"), s("project-deep-dive", stage="probe")]),
]
STAGE_BAD = [
    loop("b-probe-first", "senior", [SENIOR[1], SENIOR[0]] + SENIOR[2:]),
    loop("b-dive-first", "intern", [INTERN[2], INTERN[0], INTERN[1]]),
    loop("b-quiz-last", "junior", [JUNIOR[0], JUNIOR[2], JUNIOR[3], JUNIOR[1]]),
    loop("b-chat-first", "senior", [SENIOR[4]] + SENIOR[:4]),
    loop("b-interleaved", "junior", [s("coding", stage="filter"), s("data-modeling", 60, stage="probe"),
                                     s("coding", stage="filter")]),
    loop("b-design-then-code", "staff", [s("system-design", 60, stage="probe"), s("coding", stage="filter")]),
    loop("b-late-filter-unstaged-gap", "senior", [s("data-modeling", 60, stage="probe"), s("career-chat", 30),
                                                  s("coding", stage="filter")]),
    loop("b-reversed", "staff", list(reversed(STAFF))),
    loop("b-probe-count", "senior", [s("data-modeling", 60, count=2, stage="probe"), s("coding", count=2, stage="filter")]),
    loop("b-mlsd-first", "staff", [STAFF[3]] + STAFF[:3] + STAFF[4:]),
]


def test_stage_order_labelled(tmp_path, monkeypatch):
    found = flagged(tmp_path, monkeypatch, "stage-order", loops=STAGE_GOOD + STAGE_BAD)
    assert_labelled(found, [x["id"] for x in STAGE_GOOD], [x["id"] for x in STAGE_BAD])


BUDGET_GOOD = [dict(x, budget_minutes=420) for x in variants("g-sen", "senior") + variants("g-stf", "staff")] + [
    *variants("g-int", "intern"),  # no budget, short days
    *variants("g-jun", "junior"),
    loop("g-exact", "intern", INTERN, budget_minutes=150),
    loop("g-420", "senior", [s("coding", 60, count=7)]),
]
BUDGET_BAD = [
    loop("b-tight", "senior", SENIOR, budget_minutes=300),
    loop("b-one-over", "intern", INTERN, budget_minutes=149),
    loop("b-marathon", "staff", [s("coding", 60, count=8)]),
    loop("b-long-design", "staff", STAFF + [s("system-design", 120)]),
    loop("b-staff-budget", "staff", STAFF, budget_minutes=330),
    loop("b-junior-budget", "junior", JUNIOR, budget_minutes=200),
    loop("b-two-days", "senior", [s("data-modeling", 90, count=5)]),
    loop("b-many-short", "junior", [s("coding", 30, count=10), s("math-quiz", 30, count=5)]),
    loop("b-budget-stale", "senior", SENIOR + [s("coding", 45)], budget_minutes=360),
    loop("b-half-day", "intern", INTERN + [s("coding")], budget_minutes=180),
]


def test_over_budget_labelled(tmp_path, monkeypatch):
    found = flagged(tmp_path, monkeypatch, "over-budget", loops=BUDGET_GOOD + BUDGET_BAD)
    assert_labelled(found, [x["id"] for x in BUDGET_GOOD], [x["id"] for x in BUDGET_BAD])


def test_over_budget_pinned_question(tmp_path, monkeypatch):
    questions = [q("long-design", type="system-design", stage="probe", duration_minutes=75),
                 q("short-code", duration_minutes=30)]
    loops = [loop("pins-long", "senior", [s("system-design", 60, question="long-design")]),
             loop("pins-short", "senior", [s("coding", 45, question="short-code")])]
    assert flagged(tmp_path, monkeypatch, "over-budget", questions, loops) == {"pins-long"}


def progression(lid, n, pass_total, min_each=0):
    return {"id": lid, "level": "senior", "slots": [s("coding", count=n)],
            "progression": {"pass_total": pass_total, "min_each": min_each}}


THRESHOLD_GOOD = [progression(f"g-thr-{i}", *args) for i, args in enumerate([
    (2, 8), (2, 10), (3, 12, 2), (5, 20, 2), (7, 28, 2), (7, 35), (1, 3), (1, 5, 3), (4, 9, 2),
    (6, 13, 2), (3, 0, 2), (10, 30, 1), (8, 30, 2), (5, 11, 2), (2, 1),
])]
THRESHOLD_BAD = [progression(f"b-thr-{i}", *args) for i, args in enumerate([
    (2, 11), (3, 16), (7, 40), (1, 6), (4, 28, 2), (5, 10, 2), (3, 9, 3), (6, 6, 1), (2, 0), (4, 0, 0),
])]


def test_unreachable_threshold_labelled(tmp_path, monkeypatch):
    found = flagged(tmp_path, monkeypatch, "unreachable-threshold", loops=THRESHOLD_GOOD + THRESHOLD_BAD)
    assert_labelled(found, [x["id"] for x in THRESHOLD_GOOD], [x["id"] for x in THRESHOLD_BAD])


PINNABLE = [q(f"pin-{i}", signal=sig) for i, sig in enumerate([
    "Picks a heap and states its cost.", "Sorts intervals first and handles touching ends.",
    "Uses a trie for shared prefixes.", "Builds a topological order and reports a cycle.",
    "Keeps two heaps for a running median.", "Parses with precedence climbing.",
    "Writes an LRU cache from a map and a list.", "Merges sorted shards with a heap.",
    "Picks a heap, and states its cost!", "SORTS intervals first -- and handles touching ends",
])]


def pins(lid, *ids, **over):
    return loop(lid, "senior", [s("coding", question=i) for i in ids], **over)


REPEAT_GOOD = [pins(f"g-rep-{i}", *ids) for i, ids in enumerate([
    ("pin-0",), ("pin-0", "pin-1"), ("pin-1", "pin-2", "pin-3"), ("pin-4", "pin-5"), ("pin-6", "pin-7"),
    ("pin-2", "pin-7"), ("pin-3", "pin-4", "pin-5", "pin-6"), ("pin-8", "pin-9"), ("pin-8", "pin-2"),
    ("pin-9", "pin-0"), ("pin-5",), ("pin-1", "pin-8"), ("pin-0", "pin-9"), ("pin-7", "pin-6", "pin-5"),
    ("pin-4", "unknown-elsewhere", "also-elsewhere"),
])]
REPEAT_BAD = [pins(f"b-rep-{i}", *ids) for i, ids in enumerate([
    ("pin-0", "pin-0"), ("pin-1", "pin-2", "pin-1"), ("pin-0", "pin-8"), ("pin-1", "pin-9"),
    ("pin-3", "pin-4", "pin-5", "pin-3"), ("pin-9", "pin-2", "pin-1"), ("pin-8", "pin-6", "pin-0"),
    ("elsewhere", "elsewhere"), ("pin-7", "pin-7", "pin-7"),
])] + [loop("b-rep-count", "senior", [s("coding", count=2, question="pin-4")])]


def test_repeated_in_loop_labelled(tmp_path, monkeypatch):
    found = flagged(tmp_path, monkeypatch, "repeated-in-loop", PINNABLE, REPEAT_GOOD + REPEAT_BAD)
    assert_labelled(found, [x["id"] for x in REPEAT_GOOD], [x["id"] for x in REPEAT_BAD])


MIXED_QUIZ = ("1. (Calculation) 3% of parts are faulty and the test catches 90% of them. What is the probability "
              "that a flagged part is faulty?\n2. Explain to a product manager why that number is low.\n"
              "3. Show that the variance of a mean of n independent samples is sigma^2 / n.")
DRILL_QUIZ = ("1. Compute the derivative of x^2 exp(x).\n2. Compute the gradient of the squared error.\n"
              "3. Calculate the Hessian of the logistic loss.")
PROOF_QUIZ = "1. Prove that KL divergence is non-negative.\n2. Derive the normal equations for least squares."
QUIZZES = [q("quiz-mixed", type="math-quiz", prompt=MIXED_QUIZ), q("quiz-drill", type="math-quiz", prompt=DRILL_QUIZ),
           q("quiz-proofs", type="math-quiz", prompt=PROOF_QUIZ)]

QUIZ_GOOD = [*variants("g-int", "intern"), *variants("g-jun", "junior"), *variants("g-sen", "senior")] + [
    loop("g-math-coding", "junior", [s("coding/math", count=3), s("data-modeling", 60), s("project-deep-dive")]),
    loop("g-quiz-pinned-mixed", "junior", [s("coding", count=2), s("math-quiz", question="quiz-mixed"),
                                           s("data-modeling", 60), s("project-deep-dive")]),
    loop("g-one-quiz-in-staff", "staff", STAFF[:-1] + [s("math-quiz", 30)]),
]
QUIZ_BAD = [
    loop("b-two-quizzes", "junior", [s("coding", count=2), s("math-quiz", count=2), s("data-modeling", 60)]),
    loop("b-quiz-or-math-twice", "junior", [s("coding"), s(["coding/math", "math-quiz"], count=2), s("data-modeling", 60),
                                            s("project-deep-dive")]),
    loop("b-quiz-third", "intern", [s("coding"), s("math-quiz", 30), s("project-deep-dive")]),
    loop("b-quiz-half", "intern", [s("math-quiz"), s("coding")]),
    loop("b-all-quiz", "senior", [s("math-quiz", 30, count=4)]),
    loop("b-pinned-drill", "junior", [s("coding", count=2), s("math-quiz", question="quiz-drill"),
                                      s("data-modeling", 60), s("project-deep-dive")]),
    loop("b-pinned-proofs", "senior", SENIOR + [s("math-quiz", question="quiz-proofs")]),
    loop("b-three-quiz-slots", "staff", STAFF + [s("math-quiz"), s("math-quiz"), s("math-quiz")]),
    loop("b-quiz-and-drill", "junior", [s("coding", count=3), s("math-quiz", question="quiz-drill"),
                                        s("data-modeling", 60), s("project-deep-dive"), s("coding")]),
    loop("b-quiz-two-of-five", "junior", [s("coding", count=2), s("math-quiz"), s("data-modeling", 60),
                                          s(["coding/math", "math-quiz"])]),
]


def test_math_quiz_bias_labelled(tmp_path, monkeypatch):
    found = flagged(tmp_path, monkeypatch, "math-quiz-bias", QUIZZES, QUIZ_GOOD + QUIZ_BAD)
    assert_labelled(found, [x["id"] for x in QUIZ_GOOD], [x["id"] for x in QUIZ_BAD])


# -- LT301 near-duplicate -------------------------------------------------------------

DISTINCT_PROMPTS = [
    "Return the k most frequent user ids seen in a stream of 10 million events.",
    "Keep the k heaviest users of the last hour, updated as each request arrives.",
    "Implement an LRU cache with get and put in constant time.",
    "Implement an LFU cache; ties in frequency go to the least recently used key.",
    "Design a rate limiter for a public API that serves 40,000 requests a second from 2 million keys.",
    "Merchants miss payment webhooks while their servers are down; deliver each event at least once, in order.",
    "Our support queue routes 3,000 tickets a day by hand; agents complain about misrouted urgent tickets.",
    "A hospital wants fewer missed appointments without overbooking the clinics that are already full.",
    "Given a CSV of pump vibration readings, improve the failure warning model in this notebook.",
    "Parse arithmetic expressions with + - * / and parentheses into a tree, then evaluate it.",
    "Tell us about a project you are proud of: what was hard, and what would you change?",
    "Where do you want to be in two years, and what kind of work do you want more of?",
    "A request fans out to 100 shards and waits for all of them. How often is it slow?",
    "Walk us through an incident you caused, what you did during it and what changed afterwards.",
    "Design the serving stack for a code-completion model with a 150 ms latency budget per suggestion.",
    "Explain what a covariance matrix is and compute one for three two-dimensional points.",
]
DUPLICATE_PAIRS = [
    ("Return the k most frequent user ids seen in a stream of 10 million events.",
     "Return the k most frequent user ids seen in a stream of 250 million events."),
    ("Implement an LRU cache with get and put in constant time.",
     "Implement an LRU cache with get and put operations in constant time."),
    ("Design a rate limiter for a public API that serves 40,000 requests a second from 2 million keys.",
     "Design a rate limiter for a public API serving 40,000 requests per second from 2 million keys."),
    ("Merchants miss payment webhooks while their servers are down; deliver each event at least once, in order.",
     "Merchants miss payment webhooks while their servers are offline; deliver every event at least once, "
     "in order."),
    ("Our support queue routes 3,000 tickets a day by hand; agents complain about misrouted urgent tickets.",
     "Our support queue routes 5,000 tickets a day by hand, and agents complain about misrouted urgent tickets."),
    ("Given a CSV of pump vibration readings, improve the failure warning model in this notebook.",
     "Given a CSV of pump vibration readings, improve the failure warning model in the notebook provided. "
     "Explain each change."),
    ("Parse arithmetic expressions with + - * / and parentheses into a tree, then evaluate it.",
     "Parse arithmetic expressions with + - * / and parentheses into a syntax tree, and then evaluate it."),
    ("Tell us about a project you are proud of: what was hard, and what would you change?",
     "Tell us about a project you are proud of. What was hard, and what would you change now?"),
    ("A request fans out to 100 shards and waits for all of them. How often is it slow?",
     "A request fans out to 64 shards and waits for all of them. How often is the request slow?"),
    ("Design the serving stack for a code-completion model with a 150 ms latency budget per suggestion.",
     "Design the serving stack for a code completion model with a 200 ms latency budget for each suggestion."),
]


def test_near_duplicate_labelled(tmp_path, monkeypatch):
    good = [q(f"g-dup-{i}", prompt=p) for i, p in enumerate(DISTINCT_PROMPTS)]
    firsts = [q(f"orig-{i}", prompt=a) for i, (a, _) in enumerate(DUPLICATE_PAIRS)]
    copies = [q(f"b-dup-{i}", prompt=b) for i, (_, b) in enumerate(DUPLICATE_PAIRS)]
    (tmp_path / "distinct").mkdir()
    found = flagged(tmp_path / "distinct", monkeypatch, "near-duplicate", good)
    found |= flagged(tmp_path, monkeypatch, "near-duplicate", firsts + copies)
    assert not found & {x["id"] for x in firsts}, "the earlier of a pair is never the one reported"
    assert_labelled(found, [x["id"] for x in good], [x["id"] for x in copies])


@pytest.mark.parametrize("threshold,expected", [(0.5, True), (0.99, False)])
def test_near_duplicate_threshold_option(tmp_path, monkeypatch, threshold, expected):
    from looptool.bank.load import load_bank
    from looptool.lint.linter import Context
    from looptool.lint.rules import near_duplicate

    a, b = DUPLICATE_PAIRS[1]
    (tmp_path / "bank.yaml").write_text(yaml.safe_dump({"questions": [q("a", prompt=a), q("b", prompt=b)]}))
    bank, _ = load_bank([tmp_path / "bank.yaml"])
    ctx = Context(bank=bank, today=dt.date(2026, 11, 24), options={"threshold": threshold, "shingle-words": 2})
    assert bool(list(near_duplicate.check(bank, ctx))) is expected


# Item-level check of the evidence classifier on wording written after the
# rule, in styles the case files do not use.
VERDICTS = [
    "Answers confidently", "A well-rounded response", "Demonstrated a firm grasp of concurrency",
    "Showed limited insight", "Generally competent", "Not strong enough for the level",
    "Lacks the depth we expect from a senior", "Strong fundamentals in statistics and probability",
    "Average coding ability", "Appears to understand the system well", "Seems comfortable with SQL",
    "Surface-level knowledge", "Good enough", "Exemplary", "Understands trade-offs", "Below average",
    "Struggles to communicate", "Incomplete answer", "Clear thinker", "Not much depth",
    "Solid on the basics, weak on scaling", "Good awareness of security concerns", "Lacks practical experience",
    "Has a strong background in ML", "Would be a great addition to the team", "Significant gaps in knowledge",
]
OBSERVATIONS = [
    "Answers the capacity question with a number and a unit", "Weak: guesses the complexity without tracing a loop",
    "Struggles until given the hint about sorting, then finishes in ten minutes",
    "Strong opinions about frameworks, but cannot say how their own service was deployed",
    "Understanding shown by predicting which query will be slow before running EXPLAIN",
    "Weak on estimates: says storage is small without computing it",
    "Knows the on-call rota existed but not what alerts fired during the incident",
    "Poor variable names, but the algorithm passes every example",
    "Great question about whether deletions must propagate to backups",
    "Limited to the happy path; never tries a malformed line", "Heap of size k", "Correct but slow solution",
    "Red flag: blames teammates for the outage", "Needs hints on the data structure", "Good tests for ties and empty input",
    "Understanding: restates the problem with the constraints in their own words",
    "Weak test coverage: only the example input", "Mentions the cold-start problem for new items",
    "Good questions: who pays for a false positive, and who can override",
    "Competent: implements the parser, but the error messages give no position",
]


def test_rubric_evidence_items():
    from looptool.bank.catalogues import bundled
    from looptool.lint.rules.rubric_evidence import _vocabulary, is_verdict

    vocab = _vocabulary(tuple((e["kind"], tuple(e["terms"])) for e in bundled("vague_evidence")))
    assert [v for v in VERDICTS if not is_verdict(v, vocab)] == []
    assert [o for o in OBSERVATIONS if is_verdict(o, vocab)] == []
