"""Every data catalogue is checked against schemas/catalogues.schema.json when it is read.

A broken bundled catalogue (the package data damaged or edited) and a broken
configured extension both stop `looptool lint` with one line naming the file,
the entry and the key, exit 2, before any question is judged.
"""

from __future__ import annotations

import shutil

import pytest

from looptool.bank import catalogues
from looptool.bank.catalogues import CatalogueError, available, bundled, first_problem, pattern_keys
from looptool.bank.resources import data_path

DUP = "questions:\n  - {id: a, type: coding, prompt: Merge two sorted lists.}\n"


def test_every_bundled_catalogue_has_a_schema_and_fits_it():
    for name in available():
        assert first_problem(name, bundled(name), patterns=False) is None, name
    assert set(pattern_keys()) >= {"question_cues", "skill_cues", "stale_topics", "landmark_algorithms"}


@pytest.mark.parametrize("name,entry,needle", [
    ("stale_topics", {"id": "x", "since": "2020-01-01", "all": ["a"], "bogus": 1}, "has unknown key `bogus`"),
    ("stale_topics", {"id": "x", "since": "someday", "all": ["a"]}, "`since` must be a date (YYYY-MM-DD)"),
    ("stale_topics", {"id": "x", "since": "2020-01-01"}, "needs `all` or `any`"),
    ("stale_topics", {"id": "x", "all": ["a"]}, "needs `since`"),
    ("method_phrases", {"kind": "maybe", "patterns": ["a"]}, "`kind` must be one of recall, given, produce"),
    ("ml_coding_patterns", {"kind": "component", "patterns": ["mlp"]}, "needs `name`"),
    ("skill_cues", {"skill": "geometry", "anywhere": ["bezier("]}, "`anywhere` pattern 'bezier(' is not a valid"),
    ("compositions", {"level": "staff", "interviews": [{"kinds": [], "count": 1}]}, "`interviews`"),
])
def test_a_bad_entry_is_named_with_its_key(name, entry, needle):
    problem = first_problem(name, [{"id": "fine", "since": "2020-01-01", "all": ["x"]}] * (name == "stale_topics")
                            + [entry])
    assert problem is not None and needle in problem
    assert problem.startswith(f"entry {1 + (name == 'stale_topics')}")


def _damaged_data(tmp_path, monkeypatch, name: str, text: str):
    """A copy of the bundled data folder with one catalogue replaced, where the package looks for it."""
    folder = tmp_path / "data"
    shutil.copytree(data_path(""), folder)
    (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(catalogues, "data_path", lambda file: folder / file)
    from looptool.lint import analysis

    for cached in (bundled, analysis._cues, analysis._skill_cues):
        cached.cache_clear()  # and again after the test (fresh_catalogues), once the real path is back
    return folder


@pytest.fixture
def fresh_catalogues():
    from looptool.lint import analysis

    yield
    for cached in (bundled, analysis._cues, analysis._skill_cues):
        cached.cache_clear()


@pytest.mark.parametrize("name,text,needle", [
    ("stale_topics", "entries:\n  - {id: x, since: 2020-01-01, all: [a], colour: red}\n",
     "catalogue `stale_topics` entry 1 (`x`) has unknown key `colour`"),
    ("stale_topics", "entries:\n  - {id: x, since: 2020-01-01, all: a}\n",
     "catalogue `stale_topics` entry 1 (`x`): `all` must be list[str], not str"),
    ("vague_evidence", "entries: [\n", "catalogue `vague_evidence` is not valid YAML"),
    ("signal_filler", "- just a list\n", "catalogue `signal_filler` must be a mapping whose `entries` is a list"),
])
def test_a_broken_bundled_catalogue_is_a_clean_usage_error(cli, write, tmp_path, monkeypatch, fresh_catalogues,
                                                          name, text, needle):
    folder = _damaged_data(tmp_path, monkeypatch, name, text)
    run = cli("lint", str(write("b.yaml", DUP)), "--jobs", "1", "--no-cache")
    assert run.code == 2, run.err
    assert str(folder / f"{name}.yaml") in run.err and needle in run.err
    assert "Traceback" not in run.err


def test_a_bundled_pattern_that_does_not_compile_names_its_file_entry_and_key(tmp_path, monkeypatch,
                                                                             fresh_catalogues):
    # the schema takes any string as a pattern on the fast path; the failure at compile time is explained
    cues = data_path("skill_cues.yaml").read_text(encoding="utf-8")
    broken = cues.replace("entries:\n", "entries:\n  - {skill: geometry, anywhere: ['bezier(']}\n", 1)
    folder = _damaged_data(tmp_path, monkeypatch, "skill_cues", broken)
    with pytest.raises(CatalogueError) as caught:
        from looptool.lint import analysis

        analysis._skill_cues()
    message = str(caught.value)
    assert str(folder / "skill_cues.yaml") in message
    assert "entry 1: `anywhere` pattern 'bezier(' is not a valid regular expression" in message


def test_a_broken_user_extension_is_a_clean_config_error(cli, write):
    write("looptool.toml", "[[catalogues.landmark_algorithms]]\nid = 'x'\nall = ['ok']\nnames = ['(unclosed']\n")
    run = cli("lint", str(write("b.yaml", DUP)))
    assert run.code == 2
    assert "looptool.toml" in run.err and "`catalogues.landmark_algorithms` entry 1: `names` pattern '(unclosed'" in run.err
    assert "Traceback" not in run.err


def _variants(entry: dict):
    """The entry, and ways of breaking it: a key dropped, an unknown key, each value of the wrong kind."""
    yield entry
    yield {**entry, "unexpected": "x"}
    for key, value in entry.items():
        yield {k: v for k, v in entry.items() if k != key}
        yield {**entry, key: 5}
        yield {**entry, key: [5] if isinstance(value, list) else ["x"]}
        yield {**entry, key: [] if isinstance(value, list) else ""}


def test_the_fast_reading_of_the_schema_agrees_with_jsonschema():
    """catalogues._fits reads the schema without compiling it; on every bundled entry and many broken
    variants of each, its yes/no is jsonschema's."""
    from jsonschema import Draft202012Validator, FormatChecker

    schema = catalogues._schema()
    checker = FormatChecker(formats=())
    checker.checks("date")(catalogues.valid_date)
    checker.checks("pattern")(lambda value: True)
    compared = 0
    for name in available():
        validator = Draft202012Validator({**schema["$defs"][name], "$defs": schema["$defs"]}, format_checker=checker)
        for entry in bundled(name):
            for variant in _variants(catalogues._plain(entry)):
                assert catalogues._fits(schema["$defs"][name], variant, False) == validator.is_valid(variant), \
                    (name, variant)
                compared += 1
    assert compared > 1000
