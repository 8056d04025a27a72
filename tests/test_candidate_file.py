"""The candidate file (`looptool plan --candidate FILE`): read, checked, and used."""

from __future__ import annotations

import json

import pytest

from looptool.bank.candidate import Candidate, read_candidate
from looptool.errors import UsageError

from conftest import TODAY

DAY = "2026-11-25"


def test_a_full_candidate_file_reads(tmp_path):
    path = tmp_path / "candidate.yaml"
    path.write_text("name: Sam\nemail: sam@example.org\nbackground: phd\nseen: [code-glob-matcher]\n"
                    "timezone: America/New_York\n"
                    "accommodations: {extra_time: 1.5, break_minutes: 20, latest_end: '16:00', days: 2}\n")
    candidate = read_candidate(path)
    assert candidate.background == "phd" and candidate.seen == ("code-glob-matcher",)
    assert candidate.timezone == "America/New_York"
    assert candidate.accommodations.extra_time == 1.5 and candidate.accommodations.days == 2
    assert candidate.accommodations.latest_end == "16:00" and candidate.accommodations.break_minutes == 20


def test_an_empty_mapping_is_a_candidate_with_no_details(tmp_path):
    path = tmp_path / "candidate.yaml"
    path.write_text("{}\n")
    assert read_candidate(path) == Candidate(file=str(path))


@pytest.mark.parametrize("text, where, says", [
    ("backgrund: phd\n", ":1:1:", "did you mean `background`"),
    ("background: postdoc\n", ":1:13:", "expected one of: new-grad, phd, industry, self-taught"),
    ("seen: [Not An Id]\n", ":1:8:", "not a valid"),
    ("accommodations:\n  extra_time: 4\n", ":2:15:", "at most 3"),
    ("- phd\n", ":1:1:", "expected a mapping"),
    ("background: [\n", ":2:1:", "invalid YAML"),
])
def test_bad_candidate_files_name_the_place(tmp_path, text, where, says):
    path = tmp_path / "candidate.yaml"
    path.write_text(text)
    with pytest.raises(UsageError) as caught:
        read_candidate(path)
    assert f"{path}{where}" in str(caught.value) and says in str(caught.value)


def test_the_cli_avoids_what_the_candidate_has_seen(cli, tmp_path):
    first = json.loads(cli("plan", "--level", "senior", "--today", TODAY, "--date", DAY, "--format", "json").out)
    seen = [i["question"] for i in first["interviews"]]
    path = tmp_path / "candidate.yaml"
    path.write_text("seen:\n" + "".join(f"  - {qid}\n" for qid in seen))
    run = cli("plan", "--level", "senior", "--today", TODAY, "--date", DAY, "--format", "json", "--candidate", path)
    assert run.code == 0, run.err
    again = [i["question"] for i in json.loads(run.out)["interviews"]]
    assert not set(again) & set(seen)


def test_the_cli_rejects_a_bad_candidate_file_with_exit_2(cli, tmp_path):
    path = tmp_path / "candidate.yaml"
    path.write_text("background: astronaut\n")
    run = cli("plan", "--level", "senior", "--today", TODAY, "--candidate", path)
    assert run.code == 2 and f"--candidate {path}:1:13:" in run.err and "Traceback" not in run.err
    missing = cli("plan", "--level", "senior", "--today", TODAY, "--candidate", tmp_path / "nope.yaml")
    assert missing.code == 2 and "cannot read" in missing.err


def test_output_may_not_overwrite_the_candidate_file(cli, tmp_path):
    path = tmp_path / "candidate.yaml"
    path.write_text("background: industry\n")
    run = cli("plan", "--level", "senior", "--today", TODAY, "--candidate", path, "--output", path)
    assert run.code == 2 and path.read_text() == "background: industry\n"
