"""`looptool lint` through the real CLI: exit codes, positions, no tracebacks."""

from __future__ import annotations

import os
import re

import pytest

from conftest import REPO, TODAY, run_subprocess

GOOD = """\
questions:
  - id: top-k-stream
    title: Top k from a stream
    type: coding
    levels: [junior, senior]
    skills: [algorithms]
    stage: filter
    duration_minutes: 45
    prompt: >-
      Given a stream of product ids (up to 10 million, ids are strings) and an
      integer k, return the k most frequent ids, most frequent first, ties by id.
      Example: [b, a, b, c, a, b] with k=2 gives [b, a].
    signal: Chooses a bounded heap over a full sort and can state the cost of each.
    last_reviewed: 2026-10-01
    owner: eng-interviewing
    rubric:
      - min: 0
        max: 1
        label: Not yet
        evidence: [Cannot produce a working count of the ids]
      - min: 2
        max: 3
        label: Working
        evidence: [Counts with a hash map and sorts all ids, stating O(n log n)]
      - min: 4
        max: 5
        label: Strong
        evidence: [Keeps a heap of size k and states O(n log k) time and O(n) memory]
"""
END = GOOD.count("\n") + 1  # the line after GOOD


def finding_lines(out):
    return [line for line in out.splitlines() if re.match(r"^\S+:\d+:\d+: LT\d{3} ", line)]


def test_bundled_bank_lints_clean(cli):
    run = cli("lint", REPO / "loops", "--today", TODAY)
    assert run.code == 0, run.out
    assert "All checks passed" in run.out


def test_default_is_the_bundled_bank(cli, tmp_path):
    run = cli("lint", "--today", TODAY, cwd=tmp_path)
    assert run.code == 0, run.out


def test_good_file_passes(cli, write):
    run = cli("lint", write("bank.yaml", GOOD), "--today", TODAY, "--ignore", "unfillable-slot")  # alone it plans no loop
    assert run.code == 0, run.out


def test_wrong_type_three_levels_deep_is_placed_exactly(cli, write):
    bank = GOOD.replace("        max: 3\n", "        max: three\n")
    path = write("bank.yaml", bank)
    run = cli("lint", path.name, "--select", "schema-violation", cwd=path.parent)
    assert run.code == 1
    assert finding_lines(run.out) == [
        "bank.yaml:22:14: LT008 schema-violation `max` must be an integer, not a string"
    ]


def test_missing_field_is_reported_on_its_item(cli, write):
    path = write("bank.yaml", GOOD.replace("    signal: Chooses a bounded heap over a full sort and can state the cost of each.\n", ""))
    run = cli("lint", path)
    assert run.code == 1
    assert "bank.yaml:2:5: LT008 schema-violation missing required field `signal`" in run.out


def test_unknown_field_points_at_the_key_with_a_hint(cli, write):
    path = write("bank.yaml", GOOD + "    sigal: typo\n")
    run = cli("lint", path)
    assert f"bank.yaml:{END}:5: LT008 schema-violation unknown field `sigal`" in run.out
    assert "did you mean `signal`" in run.out


def test_duplicate_keys_are_reported(cli, write):
    path = write("bank.yaml", GOOD + "    title: Again\n")
    run = cli("lint", path)
    assert run.code == 1
    assert f"bank.yaml:{END}:5: LT004 duplicate-key" in run.out
    assert "line 3" in run.out


def test_duplicate_ids_across_files(cli, write, tmp_path):
    write("a.yaml", GOOD)
    write("b/c.yaml", "# c\n# d\n" + GOOD)
    run = cli("lint", tmp_path)
    assert run.code == 1
    assert "b/c.yaml:4:9: LT009 duplicate-id question id `top-k-stream` is already used at" in run.out.replace(
        str(tmp_path.as_posix()) + "/", "")


def test_python_object_tag_is_reported_not_executed(cli, write, tmp_path):
    marker = tmp_path / "pwned"
    path = write("bank.yaml", f"questions: !!python/object/apply:os.system ['touch {marker}']\n")
    run = cli("lint", path)
    assert run.code == 1
    assert "bank.yaml:1:12: LT003 unsafe-tag" in run.out
    assert not marker.exists()


def test_unknown_skill_with_hint(cli, write):
    path = write("bank.yaml", GOOD.replace("[algorithms]", "[algorithm]"))
    run = cli("lint", path)
    assert "bank.yaml:6:14: LT010 unknown-reference unknown skill `algorithm`; did you mean `algorithms`?" in run.out


@pytest.mark.parametrize("name,content,expected", [
    ("syntax.yaml", "questions:\n  - id: [a\n", "syntax.yaml:3:1: LT001"),
    ("tabs.yaml", "questions:\n\t- id: a\n", "tabs.yaml:2:1: LT001 syntax-error tab character"),
    ("latin1.yaml", b"questions:\n  - title: caf\xe9\n", "latin1.yaml:2:15: LT002"),
    ("nul.yaml", b"questions: []\n\x00\n", "nul.yaml:2:1: LT002"),
    ("empty.yaml", "", "empty.yaml:1:1: LT006 empty-file"),
    ("comments.yaml", "# nothing yet\n", "comments.yaml:1:1: LT006 empty-file"),
    ("list.yaml", "- id: a\n", "list.yaml:1:1: LT007 unknown-section the top level is a list"),
    ("scalar.yaml", "hello\n", "scalar.yaml:1:1: LT007"),
    ("section.yaml", "question: []\n", "section.yaml:1:1: LT007 unknown-section unknown section `question`; did you mean `questions`?"),
    ("notlist.yaml", "questions: {id: a}\n", "notlist.yaml:1:12: LT008 schema-violation section `questions` must be a list"),
    ("deep.yaml", "a: " + "[" * 5000 + "]" * 5000 + "\n", "deep.yaml:1:"),
    ("multi.yaml", GOOD + "---\n---\nroles: []\n", f"multi.yaml:{END + 1}:1: LT006 empty-file document 2 is empty"),
])
def test_bad_input_is_a_finding(cli, write, name, content, expected):
    path = write(name, content)
    run = cli("lint", path)
    assert run.code == 1, run.out
    assert expected in run.out, run.out


def test_missing_path_is_exit_2(cli, tmp_path):
    run = cli("lint", tmp_path / "nope")
    assert run.code == 2
    assert "nope: no such file or folder" in run.err


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_is_exit_2(cli, write):
    path = write("secret.yaml", GOOD)
    path.chmod(0)
    run = cli("lint", path)
    assert run.code == 2
    assert "secret.yaml:1:1: LT000 unreadable-file" in run.out


def test_fifo_is_unreadable_not_a_hang(cli, tmp_path):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    run = cli("lint", fifo)
    assert run.code == 2
    assert "pipe.yaml:1:1: LT000 unreadable-file" in run.out


def test_non_yaml_files_in_a_folder_are_skipped(cli, write, tmp_path):
    write("bank.yml", GOOD)
    write("README.md", "# not yaml: [")
    run = cli("lint", tmp_path, "--today", TODAY, "--ignore", "unfillable-slot")
    assert run.code == 0, run.out
    assert "1 file" in run.out


def test_bad_option_values_are_exit_2(cli, write):
    path = write("bank.yaml", GOOD)
    assert cli("lint", path, "--today", "yesterday").code == 2
    assert cli("lint", path, "--fail-on", "fatal").code == 2
    assert cli("lint", path, "--select", "LT999").code == 2
    assert cli("lint", path, "--role", "astronaut").code == 2


def test_select_and_ignore(cli, write):
    path = write("bank.yaml", GOOD + "    title: Again\n")
    assert cli("lint", path, "--ignore", "duplicate-key,unfillable-slot", "--today", TODAY).code == 0
    assert cli("lint", path, "--select", "LT0", "--ignore", "LT004").code == 0
    assert cli("lint", path, "--select", "LT004").code == 1


def test_selectors_may_be_comma_separated_as_in_ruff(cli, write):
    path = write("bank.yaml", GOOD + "    title: Again\n")
    assert cli("lint", path, "--today", TODAY, "--ignore", "LT101,duplicate-key,unfillable-slot").code == 0
    assert cli("lint", path, "--select", "LT008, LT004").code == 1
    assert cli("lint", path, "--select", "LT008,LT009").code == 0
    bad = cli("lint", path, "--select", "LT004,LT999")
    assert bad.code == 2 and "LT999" in bad.err


def test_subprocess_console_entry_and_plain_output(write, tmp_path):
    path = write("bank.yaml", GOOD + "    title: Again\n")
    run = run_subprocess("lint", path.name, "--ignore", "unfillable-slot", cwd=tmp_path)
    assert run.code == 1
    assert run.out.startswith(f"bank.yaml:{END}:5: LT004 duplicate-key ")
    assert "\x1b[" not in run.out  # no colour when piped / NO_COLOR
    version = run_subprocess("--version")
    assert version.code == 0 and version.out.startswith("looptool ")


def test_every_command_has_help_with_an_example(cli):
    top = cli("--help")
    assert top.code == 0
    for command in ("lint", "rules", "explain"):
        run = cli(command, "--help")
        assert run.code == 0
        assert "Example:" in run.out, command


def test_each_missing_field_is_named_once(cli, write):
    path = write("bank.yaml", "questions:\n  - id: a\n    title: T\n")
    run = cli("lint", path.name, "--select", "LT008", cwd=path.parent)
    missing = sorted(line.rsplit("`", 2)[1] for line in finding_lines(run.out))
    assert missing == sorted(["type", "levels", "skills", "stage", "duration_minutes", "prompt", "signal"])


def test_a_problem_left_to_another_rule_comes_back_when_that_rule_is_ignored_there(cli, tmp_path):
    """unfillable-slot leaves a pin the loop's role refuses to role-mismatch, but only
    while role-mismatch would report it: ignored for the file, the error must not vanish."""
    for name in ("role-mismatch.yaml", "good-questions.yaml"):
        (tmp_path / name).write_text((REPO / "examples" / "antipatterns" / name).read_text(encoding="utf-8"),
                                     encoding="utf-8")
    codes = lambda run: sorted({line.split()[1] for line in run.out.splitlines() if ": LT" in line})  # noqa: E731
    assert codes(cli("lint", ".", "--today", TODAY, cwd=tmp_path)) == ["LT124"]
    assert codes(cli("lint", ".", "--today", TODAY, "--ignore", "role-mismatch", cwd=tmp_path)) == ["LT231"]
    (tmp_path / ".looptool.yaml").write_text('per-path-ignores:\n  "role-*.yaml": [LT124]\n', encoding="utf-8")
    assert codes(cli("lint", ".", "--today", TODAY, cwd=tmp_path)) == ["LT231"]


@pytest.mark.parametrize("reviewed,age", [("2025-11-20", "just over 12 months ago"), ("2024-05-14", "30 months ago")])
def test_stale_review_date_says_how_old(cli, write, reviewed, age):
    path = write("bank.yaml", GOOD.replace("2026-10-01", reviewed))
    run = cli("lint", path, "--today", TODAY, "--select", "stale-problem")
    assert run.code == 1
    assert f"last reviewed {reviewed}, {age} (limit 12)" in run.out


@pytest.mark.parametrize("rule,prompt,quoted", [
    ("stale-problem", "Write the training step for the digit classifier. Feed each batch through a tf.Session with "
     "placeholders for the images and labels.", '("Feed each batch through a tf.Session with placeholders for the'),
    ("rederive-from-scratch", "Our analytics page shows how many different people visit each day. Estimate the "
     "count of distinct visitors in a stream of billions of page views using only a few kilobytes of memory.",
     '("Estimate the count of distinct visitors in a stream of billions of page views'),
    ("low-signal-ml-coding", "Implement the backward pass of a batch normalisation layer for (N, D) arrays.",
     '("Implement the backward pass of a batch normalisation layer'),
])
def test_a_content_finding_quotes_the_words_that_carried_it(cli, write, rule, prompt, quoted):
    before, after = GOOD.split("    prompt: >-")[0], GOOD.split("    signal: ")[1]
    bank = f"{before}    prompt: {prompt!r}\n    signal: {after}"
    run = cli("lint", write("bank.yaml", bank), "--today", TODAY, "--select", rule)
    assert run.code == 1, run.out
    assert quoted in " ".join(run.out.split())


@pytest.mark.parametrize("args,message", [
    (["plan"], r"Missing option '--level'"),
    (["frobnicate"], r"No such command 'frobnicate'"),
    # click says "No such option '--frob'", typer's rich formatter "No such option: --frob"
    (["lint", "--frob"], r"No such option:? '?--frob"),
])
def test_command_line_mistakes_are_usage_errors_not_internal_ones(args, message):
    run = run_subprocess(*args)
    assert run.code == 2
    assert re.search(message, run.err) and "internal error" not in run.err
