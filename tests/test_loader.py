"""The positioned loader, at the unit level."""

from __future__ import annotations

import pytest
import yaml

from looptool.bank.loader import load_bytes, load_text, resolve_plain


def problems(text):
    return [(p.rule, p.line, p.column) for p in load_text(text, "f.yaml").problems]


def test_values_follow_yaml_1_2_core():
    doc = load_text("a: yes\nb: 2026-01-02\nc: 0x10\nd: 1.5\ne: ~\nf: true\ng: '3'\n", "f").documents[0]
    assert doc.data == {"a": "yes", "b": "2026-01-02", "c": 16, "d": 1.5, "e": None, "f": True, "g": "3"}


@pytest.mark.parametrize("text,expected", [("12", 12), ("-3", -3), ("1e3", 1000.0), ("1.", 1.0),
                                           ("-", "-"), (".", "."), ("+", "+"), ("1-2", "1-2"), ("", None)])
def test_resolve_plain(text, expected):
    assert resolve_plain(text) == expected


def test_positions_of_nested_values_and_keys():
    text = "questions:\n  - id: a\n    rubric:\n      - min: 0\n        max: x\n"
    doc = load_text(text, "f").documents[0]
    assert doc.locate(("questions", 0, "rubric", 0, "max")) == (5, 14)
    assert doc.locate_key(("questions", 0, "rubric", 0, "max")) == (5, 9)
    # a missing value falls back to its nearest ancestor
    assert doc.locate(("questions", 0, "rubric", 0, "evidence")) == (4, 9)
    assert doc.locate(("questions", 0)) == (2, 5)


def test_duplicate_key_is_reported_with_the_first_line():
    result = load_text("a: 1\nb: 2\na: 3\n", "f")
    (problem,) = result.problems
    assert (problem.rule, problem.line, problem.column) == ("duplicate-key", 3, 1)
    assert "line 1" in problem.message
    assert result.documents[0].data == {"a": 1, "b": 2}


def test_python_tag_is_reported_and_never_constructed():
    result = load_text("a: !!python/object/apply:os.system ['false']\n", "f")
    assert [(p.rule, p.line, p.column) for p in result.problems] == [("unsafe-tag", 1, 4)]
    assert result.documents[0].data == {"a": ["false"]}


def test_local_tag_is_reported():
    assert problems("a: !include other.yaml\n") == [("unsafe-tag", 1, 4)]


def test_merge_keys_and_anchors_work():
    doc = load_text("d: &d {x: 1, y: 2}\ne:\n  <<: *d\n  y: 3\n", "f").documents[0]
    assert doc.data["e"] == {"y": 3, "x": 1}
    assert doc.locate(("e", "x")) == (1, 11)  # the merged value's own position


def test_alias_bomb_is_stopped():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 9) + "]")
    result = load_text("\n".join(lines) + "\n", "f")
    assert [p.rule for p in result.problems] == ["too-complex"]
    assert result.documents == []


def test_deep_nesting_is_stopped_quickly():
    result = load_text("[" * 20000 + "]" * 20000, "f")
    assert [(p.rule, p.line) for p in result.problems] == [("too-complex", 1)]


class _StrictLibyaml:
    """A parser that, like a newer libyaml, refuses nesting past a limit of its own.

    It raises libyaml's ScannerError before handing over a single event, as
    libyaml's scanner does when it looks ahead along a long flow line.
    """

    LIMIT = 1000

    def __init__(self, text):
        from looptool.bank import loader

        depth = 0
        for index, char in enumerate(text):
            depth += (char in "[{") - (char in "]}")
            if depth > self.LIMIT:
                mark = yaml.Mark("<unicode string>", index, 0, index, None, None)
                raise yaml.scanner.ScannerError("while increasing flow level", mark,
                                                "exceeded maximum nesting depth", mark)
        self._inner = loader._PureParser(text)
        self.get_event = self._inner.get_event


DEEP = ["[" * 20000 + "]" * 20000, "{a: " * 5000 + "1" + "}" * 5000,
        "".join("  " * i + "a:\n" for i in range(3000)) + "  " * 3000 + "x\n"]


@pytest.mark.parametrize("text", DEEP, ids=["flow-seq", "flow-map", "block-map"])
def test_too_deep_is_the_same_finding_whichever_libyaml_stops_it(monkeypatch, text):
    """A libyaml that rejects deep nesting itself must not turn LT005 into a syntax error."""
    from looptool.bank import loader

    expected = load_text(text, "f").problems
    monkeypatch.setattr(loader, "_FastParser", _StrictLibyaml)
    assert load_text(text, "f").problems == expected
    assert [(p.rule, p.message) for p in expected] == [
        ("too-complex", "nesting deeper than 64 levels; no looptool file needs this")]


def _corpus_files():
    from conftest import REPO

    return sorted(p for p in (REPO / "tests" / "corpus").rglob("*") if p.is_file() and p.name != "cases.yaml")


@pytest.mark.parametrize("path", _corpus_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_libyaml_and_the_pure_parser_report_the_same_problems(monkeypatch, path):
    """Every stored broken-input case reads the same with and without libyaml."""
    from looptool.bank import loader

    raw = path.read_bytes()
    with_libyaml = load_bytes(raw, "f")
    monkeypatch.setattr(loader, "_FastParser", loader._PureParser)
    without = load_bytes(raw, "f")
    assert without.problems == with_libyaml.problems
    assert [d.data for d in without.documents] == [d.data for d in with_libyaml.documents]


def test_tab_indentation_has_a_plain_message():
    (problem,) = load_text("a:\n\tb: 1\n", "f").problems
    assert (problem.rule, problem.line) == ("syntax-error", 2)
    assert "tab" in problem.message


def test_syntax_error_position():
    assert problems("a: 1\n  b: 2\n") == [("syntax-error", 2, 4)]


def test_multiple_documents_are_all_read():
    result = load_text("a: 1\n---\nb: 2\n---\n", "f")
    assert [d.data for d in result.documents] == [{"a": 1}, {"b": 2}, None]
    assert result.documents[1].locate(("b",)) == (3, 4)


def test_invalid_utf8_position():
    result = load_bytes(b"a: 1\nb: caf\xe9\n", "f")
    assert [(p.rule, p.line, p.column) for p in result.problems] == [("encoding-error", 2, 7)]


def test_nul_byte():
    result = load_bytes(b"a: 1\nb: \x00\n", "f")
    assert [(p.rule, p.line, p.column) for p in result.problems] == [("encoding-error", 2, 4)]


def test_utf16_with_bom_and_utf8_bom_with_crlf_are_read():
    text = "a: caf\u00e9\r\nb: 2\r\n"
    assert load_bytes(text.encode("utf-16"), "f").documents[0].data == {"a": "caf\u00e9", "b": 2}
    doc = load_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"), "f").documents[0]
    assert doc.data == {"a": "caf\u00e9", "b": 2}
    assert doc.locate(("b",)) == (2, 4)


def test_complex_key_is_a_syntax_error():
    assert [p[0] for p in problems("? [a, b]\n: 1\n")] == ["syntax-error"]
