"""The antipattern gallery (examples/antipatterns/) shows exactly what it was written to show.

Each file is named after one rule and is built to trigger that rule and nothing
else, so a rule that starts firing on the good parts of an example (a false
positive) or stops firing on the bad part (a miss) fails here. The README's
tour of the linter runs on the same folder.
"""

from __future__ import annotations

import json
import re
import shlex
from collections import Counter

import pytest

from looptool.lint import registry

from conftest import REPO, TODAY, run_subprocess

GALLERY = REPO / "examples" / "antipatterns"

# file -> the codes it must report, with how often; nothing else may fire.
EXPECTED = {
    # a missing data-modeling interview and an extra coding one; without the notebook the loop cannot
    # test the role's must-cover skills (modeling, data-analysis) either
    "composition.yaml": {"LT201": 2, "LT231": 1},
    "duplicate-key.yaml": {"LT004": 1},
    "good-questions.yaml": {},  # the control group the loop examples pin
    "interviewer-fit.yaml": {"LT401": 1},
    "leaked-question.yaml": {"LT104": 1},
    "low-signal-ml-coding.yaml": {"LT103": 1},
    "math-quiz-bias.yaml": {"LT206": 1},
    "mislabeled-interview.yaml": {"LT112": 1},
    "ml-clothing.yaml": {"LT116": 1},
    "missing-references.yaml": {"LT114": 1},
    "missing-rubric.yaml": {"LT121": 1},
    "missing-signal.yaml": {"LT113": 1},
    "near-duplicate.yaml": {"LT301": 1},
    "over-budget.yaml": {"LT203": 1},
    "rederive-from-scratch.yaml": {"LT102": 1},
    # a question pinned twice also leaves the planner one question short
    "repeated-in-loop.yaml": {"LT205": 1},  # the planner cannot fill it either: left to LT205
    # a pinned out-of-scope question is also one the planner cannot use
    "role-mismatch.yaml": {"LT124": 1},  # nor this one: left to LT124
    "rubric-evidence.yaml": {"LT123": 3},  # one per band
    "rubric-scale.yaml": {"LT122": 1},
    "scenario-prep.yaml": {"LT115": 1},
    "stage-order.yaml": {"LT202": 1},
    "stale-problem.yaml": {"LT101": 2},  # an old review date and a superseded topic
    "unfillable-slot.yaml": {"LT231": 1},
    "unreachable-threshold.yaml": {"LT204": 1},
    "unevidenced-skill.yaml": {"LT125": 1},
    "unread-language.yaml": {"LT117": 1},
    "unsafe-tag.yaml": {"LT003": 1},
    "vague-scenario.yaml": {"LT111": 1},
}

FAILURE_MODE = re.compile(r"LT[1-4]\d\d")


@pytest.fixture(scope="module")
def report():
    run = run_subprocess("lint", "examples/antipatterns/", "--today", TODAY, "--format", "json", cwd=REPO)
    assert run.code == 1, run.err  # the gallery holds error-level findings on purpose
    return json.loads(run.out)


@pytest.fixture(scope="module")
def found(report) -> dict[str, Counter]:
    by_file: dict[str, Counter] = {name: Counter() for name in EXPECTED}
    for finding in report["findings"]:
        path = finding["file"]
        assert path.startswith("examples/antipatterns/"), path
        by_file.setdefault(path.removeprefix("examples/antipatterns/"), Counter())[finding["code"]] += 1
    return by_file


def test_every_gallery_file_is_accounted_for():
    on_disk = sorted(p.name for p in GALLERY.iterdir() if p.suffix in (".yaml", ".yml"))
    assert on_disk == sorted(EXPECTED)


def test_the_gallery_reports_exactly_the_intended_findings(found):
    assert {name: dict(codes) for name, codes in found.items()} == EXPECTED


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if n != "good-questions.yaml"))
def test_each_example_shows_its_own_rule(name, found):
    rule = next(r for r in registry.catalogue() if f"{r.name}.yaml" == name)
    assert found[name][rule.code] >= 1, f"{name} no longer triggers {rule.code} {rule.name}"
    others = set(found[name]) - set(EXPECTED[name])
    assert not others, f"{name} also triggers {sorted(others)}"


def test_every_failure_mode_rule_has_a_gallery_example():
    missing = [f"{r.code} {r.name}" for r in registry.catalogue()
               if FAILURE_MODE.fullmatch(r.code) and not (GALLERY / f"{r.name}.yaml").is_file()]
    assert not missing, f"add examples/antipatterns/<name>.yaml for: {', '.join(missing)}"


def _opening_comment(text: str) -> str:
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line)
    return "\n".join(lines)


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if n != "good-questions.yaml"))
def test_each_example_explains_itself(name):
    comment = _opening_comment((GALLERY / name).read_text(encoding="utf-8"))
    rule = next(r for r in registry.catalogue() if f"{r.name}.yaml" == name)
    assert comment.startswith(f"# Antipattern: {rule.name} ({rule.code})")
    for part in ("What is wrong", "Why it matters", "The fix"):
        assert part in comment, f"{name}: the opening comment does not say {part.lower()}"


def test_the_readme_tour_is_real_output(cli):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## A tour of what the linter catches", 1)[1].split("\n## ", 1)[0]
    command, shown = re.search(r"```sh\n(looptool lint [^\n]*)\n```\s*```text\n(.*?)\n```", section, re.S).groups()
    run = cli(*shlex.split(command)[1:], cwd=REPO)
    lines = iter(run.out.splitlines())
    for line in shown.splitlines():
        if line != "…":  # a trimmed stretch
            assert line in lines, (f"README tour is stale at {line!r}: paste the output of "
                                   f"`NO_COLOR=1 {command}` again (trim with lines of …)")
