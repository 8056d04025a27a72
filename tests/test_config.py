"""Configuration discovery, validation and effect, through the CLI."""

from __future__ import annotations

import json

import pytest

from looptool.lint.config import ConfigError, load_settings

DUP = """\
questions:
  - id: q1
    title: Top k
    type: coding
    levels: [junior]
    skills: [algorithms]
    stage: filter
    duration_minutes: 45
    prompt: Return the k most frequent ids in a stream.
    signal: Picks a heap and explains the cost.
"""
DUP = DUP + DUP.split("\n", 1)[1]


def test_pyproject_is_discovered_from_the_linted_path_upward(cli, write, tmp_path):
    write("pyproject.toml", '[tool.looptool]\nignore = ["duplicate-id"]\n')
    path = write("bank/questions/b.yaml", DUP)
    assert cli("lint", path, "--select", "LT0").code == 0
    assert cli("lint", path, "--config", write("other.toml", ""), "--select", "LT0").code == 1


def test_looptool_yaml_sets_levels_and_fail_on(cli, write):
    write(".looptool.yaml", "fail-on: error\nrules:\n  duplicate-id: {level: warning}\n")
    path = write("b.yaml", DUP)
    run = cli("lint", path, "--select", "LT0")
    assert run.code == 0
    assert "1 warning" in run.out
    assert cli("lint", path, "--fail-on", "warning", "--select", "LT0").code == 1


def test_pyproject_without_a_looptool_table_is_skipped(cli, write, tmp_path):
    write("pyproject.toml", "[project]\nname = 'x'\n")
    write("sub/looptool.toml", 'ignore = ["LT009"]\n')
    path = write("sub/b.yaml", DUP)
    assert cli("lint", path, "--select", "LT0").code == 0


def test_per_path_ignores_are_relative_to_the_config_file(cli, write):
    write("looptool.toml", '[per-path-ignores]\n"legacy/*" = ["LT009"]\n')
    assert cli("lint", write("legacy/b.yaml", DUP), "--select", "LT0").code == 0
    assert cli("lint", write("current/b.yaml", DUP), "--select", "LT0").code == 1


@pytest.mark.parametrize("text,needle", [
    ("ignor = ['LT009']\n", "unknown key `ignor`; did you mean `ignore`?"),
    ("select = ['LT999']\n", "unknown rule `LT999`"),
    ("[rules.no-such-rule]\nlevel = 'error'\n", "`rules.no-such-rule` is not a rule"),
    ("[rules.duplicate-id]\nlevel = 'fatal'\n", "`rules.duplicate-id.level` must be one of"),
    ("[rules.duplicate-id]\nmax-age = 3\n", "has no option `max-age`"),
    ("fail-on = 'sometimes'\n", "`fail-on` must be one of"),
    ("[catalogues]\nno_such = []\n", "`catalogues.no_such` is not a catalogue"),
    ("select = [\n", "cannot read configuration"),
    ("[rules.stale-problem]\nmax-age-months = 115163\n", "`rules.stale-problem.max-age-months` must be between 1"),
    ("[rules.stale-problem]\nmax-age-months = 6.5\n", "must be a whole number"),
    ("[rules.stale-problem]\nmax-age-months = 0\n", "must be between 1 and 1200, not 0"),
    ("[rules.near-duplicate]\nthreshold = nan\n", "`rules.near-duplicate.threshold` must be a finite number"),
    ("[rules.near-duplicate]\nthreshold = 1.5\n", "must be between 0.01 and 1.0"),
    ("[rules.near-duplicate]\nshingle-words = -3\n", "must be between 1 and 10"),
    ("[rules.rederive-from-scratch]\nexempt-types = ['behavioral', 5]\n",
     "`rules.rederive-from-scratch.exempt-types` must be a list of str, not ['behavioral', 5]"),
    ("[[catalogues.stale_topics]]\nbogus = 1\n", "`catalogues.stale_topics` entry 1 has unknown key `bogus`"),
    ("[[catalogues.stale_topics]]\nid = 'x'\nsince = 'soon'\n", "`since` must be a date (YYYY-MM-DD)"),
    # every configured pattern is checked at load, not when (or if) a question reaches it
    ("[[catalogues.stale_topics]]\nid = 'x'\nall = ['nothing matches this', 'a(b']\n",
     "entry 1: `all` pattern 'a(b' is not a valid regular expression: missing ), unterminated subpattern"),
    ("[[catalogues.stale_topics]]\nid = 'x'\nall = 'user-user'\n", "entry 1: `all` must be list[str], not str"),
    ("[[catalogues.stale_topics]]\nid = 'x'\nall = 5\n", "entry 1: `all` must be list[str], not number (5)"),
    ("[[catalogues.stale_topics]]\nid = 'x'\nall = [5]\n", "entry 1: `all` must be list[str], not list[number]"),
    ("[[catalogues.type_indicators]]\nindicator = 'code-ask'\npatterns = ['ok', '[z-a]']\n",
     "`catalogues.type_indicators` entry 1: `patterns` pattern '[z-a]' is not a valid regular expression"),
    ("[[catalogues.question_cues]]\nkind = 'design'\nanywhere = ['plan it']\n",
     "`catalogues.question_cues` is read by the question-analysis layer from the bundled data only"),
    ("[[catalogues.stale_topics]]\nid = 'x'\nall = ['(\\\\w+\\\\s?)+QQQ']\n",
     "QQQ' repeats without bound a part that itself repeats without bound"),
])
def test_bad_config_is_exit_2_naming_the_key(cli, write, text, needle):
    write("looptool.toml", text)
    path = write("b.yaml", DUP)
    run = cli("lint", path, "--select", "LT0")
    assert run.code == 2
    assert "looptool.toml" in run.err and needle in run.err


def test_every_numeric_option_has_a_range_that_holds_its_default():
    from looptool.lint import registry

    for rule in registry.catalogue():
        for option, default in rule.options.items():
            if isinstance(default, bool) or not isinstance(default, (int, float)):
                continue
            assert option in rule.ranges, f"{rule.name}: give `{option}` an OPTION_RANGES entry"
            low, high = rule.ranges[option]
            assert (low is None or low <= default) and (high is None or default <= high), (rule.name, option)


def test_an_absurd_limit_reaching_past_year_one_is_no_crash():
    """Settings built in code skip the config checks: the rule itself must not fail."""
    import datetime as dt

    from looptool.lint.rules.stale_problem import _months_before

    assert _months_before(dt.date(2026, 11, 24), 115163) == dt.date.min
    assert _months_before(dt.date(2026, 11, 24), 12) == dt.date(2025, 11, 24)


def test_cli_select_replaces_and_ignore_extends(write, tmp_path):
    write("looptool.toml", 'select = ["LT009"]\nignore = ["LT004"]\n')
    settings = load_settings([tmp_path], None, {"select": ["LT0"], "ignore": ["LT001"]})
    assert settings.select == ["LT0"]
    assert settings.origins["select"] == "command line"


def test_option_type_is_checked(write, tmp_path):
    from looptool.lint import registry

    optioned = next((r for r in registry.catalogue() if r.options), None)
    if optioned is None:
        pytest.skip("no rule with options yet")
    name, default = next(iter(optioned.options.items()))
    bad = "'text'" if not isinstance(default, str) else "3"
    write("looptool.toml", f"[rules.{optioned.name}]\n{name} = {bad}\n")
    with pytest.raises(ConfigError, match=name):
        load_settings([tmp_path])


def test_config_command_shows_values_and_origins(cli, write, tmp_path):
    write("looptool.toml", 'ignore = ["LT006"]\n[rules.duplicate-id]\nlevel = "warning"\n')
    run = cli("config", tmp_path)
    assert run.code == 0
    assert "looptool.toml" in run.out
    line = next(l for l in run.out.splitlines() if l.strip().startswith("rules.duplicate-id.level"))
    assert "warning" in line and "looptool.toml" in line
    assert any(l.strip().startswith("select") and "default" in l for l in run.out.splitlines())


def test_inline_suppression_through_the_cli(cli, write):
    text = DUP.replace("questions:\n", "questions:\n", 1)
    lines = text.splitlines(keepends=True)
    lines.insert(10, "  # looptool: ignore[duplicate-id] -- kept until the old bank is retired\n")
    path = write("b.yaml", "".join(lines))
    assert cli("lint", path, "--select", "LT0").code == 0
    unused = write("c.yaml", "# looptool: ignore-file[duplicate-id] -- nothing to hide\n" + DUP.split("  - id", 2)[0] + "  - id" + DUP.split("  - id", 2)[1])
    run = cli("lint", unused, "--select", "LT0")
    assert run.code == 1 and "LT012 unused-suppression" in run.out


def test_a_broken_pyproject_with_looptool_settings_is_an_error_not_ignored(cli, write, tmp_path):
    path = write("b.yaml", DUP)
    write("pyproject.toml", '[tool.looptool]\nignore = ["LT004"]\nstale = [{ id = "x",\n  topic = "y" }]\n')
    run = cli("lint", path, "--select", "LT0")
    assert run.code == 2 and "pyproject.toml: cannot read configuration" in run.err and "line 3" in run.err


def test_a_broken_pyproject_that_is_not_about_looptool_is_skipped(cli, write, tmp_path):
    path = write("b.yaml", DUP)
    write("pyproject.toml", '[project\nname = "x"\n')
    assert cli("lint", path, "--select", "LT0").code == 1  # the duplicate key, with default settings


def test_a_suppression_in_one_document_leaves_the_same_place_in_another(cli, write):
    """Document 1's suppression covers its own first question, not document 2's."""
    question = ("  - {{id: {id}, title: T, type: coding, levels: [staff], skills: [algoritms], stage: filter,\n"
                "     duration_minutes: 45, prompt: Return the k most frequent ids., signal: Picks a heap.}}\n")
    text = ("questions:\n  # looptool: ignore[unknown-reference] -- renamed next week\n" + question.format(id="one")
            + "---\nquestions:\n" + question.format(id="two"))
    run = cli("lint", write("b.yaml", text), "--select", "unknown-reference", "--format", "json")
    found = [(f["line"], f["subject"]) for f in json.loads(run.out)["findings"]]
    assert run.code == 1 and found == [(7, "two")]


def test_every_bundled_pattern_compiles_and_every_pattern_key_exists():
    """PATTERN_KEYS names the regular-expression keys of each catalogue; the bundled values compile."""
    from looptool.bank.catalogues import PATTERN_KEYS, bundled, pattern_problem, shapes

    for name, keys in PATTERN_KEYS.items():
        assert set(keys) & set(shapes(name)), name
        for entry in bundled(name):
            for key in keys:
                for pattern in entry.get(key, ()):
                    problem = pattern_problem(pattern)
                    assert problem is None or problem.startswith("repeats without bound"), (name, key, pattern)


def test_a_pyproject_whose_looptool_entry_is_not_a_table(cli, write):
    path = write("b.yaml", DUP)
    write("pyproject.toml", "[tool]\nlooptool = 5\n")
    run = cli("lint", path, "--select", "LT0")
    assert run.code == 2 and "`tool.looptool` must be a table, not 5" in run.err


def test_config_of_a_missing_path_is_exit_2(cli, tmp_path):
    run = cli("config", tmp_path / "nonexistent")
    assert run.code == 2 and "nonexistent: no such file or folder" in run.err


# -- rule options and catalogues, on a bank linted with one rule ---------------------------
# (from the former tests/test_precision_question_content.py and test_precision_structure.py;
# their labelled sets now live in tests/labelled/sets/)

def _question(qid, type_, prompt, **fields):
    base = {"id": qid, "title": qid.replace("-", " "), "type": type_, "levels": ["senior"],
            "skills": ["algorithms"], "stage": "probe", "duration_minutes": 60, "prompt": prompt,
            "signal": "Reasons from the constraints to a design and says how to check it works.",
            "last_reviewed": "2026-09-15"}
    return {k: v for k, v in {**base, **fields}.items() if v is not None}


def _flagged(rule, questions, tmp_path, settings=None) -> set[str]:
    import datetime as dt

    import yaml

    from looptool.lint.linter import LintOptions, lint

    path = tmp_path / f"{rule}.yaml"
    path.write_text(yaml.safe_dump({"questions": list(questions)}, sort_keys=False), encoding="utf-8")
    result = lint([str(path)], LintOptions(today=dt.date(2026, 11, 24), select=[rule], settings=settings))
    assert not [f for f in result.findings if f.code.startswith("LT00")], "the bank must load cleanly"
    return {f.subject for f in result.findings}


def test_review_age_and_date_requirement_follow_the_options(tmp_path):
    from looptool.lint.config import Settings

    questions = [_question("four-months", "coding", "Merge intervals.", last_reviewed="2026-07-20"),
                 _question("undated", "coding", "Merge intervals.", last_reviewed=None)]
    assert _flagged("stale-problem", questions, tmp_path) == set()
    dated = Settings(rule_options={"LT101": {"require-review-date": True}})
    assert _flagged("stale-problem", questions, tmp_path, dated) == {"undated"}
    strict = Settings(rule_options={"LT101": {"max-age-months": 3}})
    assert _flagged("stale-problem", questions, tmp_path, strict) == {"four-months"}


def test_configured_catalogue_entries_extend_the_bundled_ones(tmp_path):
    from looptool.lint.config import Settings

    question = _question("neighbour-recs", "ml-system-design",
                         "Design film recommendations by user-user collaborative filtering with Pearson correlation.")
    topic = {"id": "neighbourhood-cf", "topic": "user-user collaborative filtering", "since": "2015-01-01",
             "superseded_by": "learned embeddings and two-stage retrieval and ranking",
             "why": "neighbourhood methods stopped scaling in quality and cost", "all": ["user-user"]}
    landmark = {"id": "pearson", "name": "Pearson correlation", "problem": "similar users",
                "all": ["collaborative filtering"], "names": ["cosine"]}
    assert _flagged("stale-problem", [question], tmp_path) == set()
    assert _flagged("rederive-from-scratch", [question], tmp_path) == set()
    stale = Settings(catalogues={"stale_topics": [topic]})
    assert _flagged("stale-problem", [question], tmp_path, stale) == {"neighbour-recs"}
    landmarks = Settings(catalogues={"landmark_algorithms": [landmark]})
    assert _flagged("rederive-from-scratch", [question], tmp_path, landmarks) == {"neighbour-recs"}


def test_a_broken_configured_pattern_is_a_usage_error(tmp_path):
    from looptool.errors import UsageError
    from looptool.lint.config import Settings

    broken = Settings(catalogues={"stale_topics": [{"id": "broken", "since": "2020-01-01", "all": ["(unclosed"]}]})
    with pytest.raises(UsageError, match="not a valid regular expression"):
        _flagged("stale-problem", [_question("any", "coding", "Merge intervals.")], tmp_path, broken)


@pytest.mark.parametrize("threshold,expected", [(0.5, True), (0.99, False)])
def test_near_duplicate_threshold_option(tmp_path, threshold, expected):
    import datetime as dt

    import yaml

    from looptool.bank.load import load_bank
    from looptool.lint.linter import Context
    from looptool.lint.rules import near_duplicate

    a = "Implement an LRU cache with get and put in constant time."
    b = "Implement an LRU cache with get and put operations in constant time."
    rubric = [{"min": 0, "max": 1, "evidence": ["Cannot produce a version that runs on the first example"]},
              {"min": 2, "max": 3, "evidence": ["Gets the examples right and states the running time"]},
              {"min": 4, "max": 5, "evidence": ["Tests the edge cases unprompted and explains the trade-off"]}]
    questions = [_question(qid, "coding", prompt, levels=["junior", "senior"], stage="filter", duration_minutes=45,
                           signal=f"Signal for {qid}.", last_reviewed=None, rubric=rubric)
                 for qid, prompt in (("a", a), ("b", b))]
    (tmp_path / "bank.yaml").write_text(yaml.safe_dump({"questions": questions}))
    bank, _ = load_bank([tmp_path / "bank.yaml"])
    ctx = Context(bank=bank, today=dt.date(2026, 11, 24), options={"threshold": threshold, "shingle-words": 2})
    assert bool(list(near_duplicate.check(bank, ctx))) is expected
