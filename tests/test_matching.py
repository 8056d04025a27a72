"""The matching engine (lint/matching.py) finds exactly what `re` finds ignoring case.

Its shortcut (a lower-cased pattern over lower-cased ASCII text) is only a
speed-up: every catalogue pattern, over the bundled bank's wording in three
casings and with non-ASCII text mixed in, must give the same matches, spans,
groups and substitutions as the original pattern compiled with IGNORECASE.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from looptool.bank.catalogues import available, bundled, pattern_keys
from looptool.bank.load import load_bank
from looptool.bank.resources import bundled_bank
from looptool.lint.matching import (Matcher, NeedleIndex, _first_chars, _ranges_survive, _ranges_survive_whole, _sets,
                                    alternation, compile_pattern, needles)


def _patterns() -> list[str]:
    found = []
    for name in available():
        for entry in bundled(name):
            for key in pattern_keys().get(name, ()):
                found += list(entry.get(key, ()))
    return sorted(set(found))


def _texts() -> list[str]:
    bank, _ = load_bank([bundled_bank()])
    texts = [t for q in bank.questions[::3] for t in (q.title, q.prompt, q.signal) if t]
    return texts + [t.upper() for t in texts[:20]] + [t.title() for t in texts[:20]] + [
        "Design a CAFÉ ordering SYSTEM", "İstanbul KNOWS ſtreams", "GloVe embeddings", "glove EMBEDDINGS"]


PATTERNS, TEXTS = _patterns(), _texts()


def _same(pattern: str, text: str, flags: int = 0) -> None:
    mine, theirs = Matcher(pattern, flags), re.compile(pattern, flags | re.IGNORECASE)
    found, expected = mine.search(text), theirs.search(text)
    assert (found is None) == (expected is None), (pattern, text)
    if found is not None:
        assert found.span() == expected.span() and found.group(0) == expected.group(0), (pattern, text)
        assert [found.group(i) for i in range(1, theirs.groups + 1)] == list(expected.groups()), (pattern, text)
    assert [m.span() for m in mine.finditer(text)] == [m.span() for m in theirs.finditer(text)], (pattern, text)
    assert mine.sub(" ", text) == theirs.sub(" ", text), (pattern, text)
    assert (mine.match(text) is None) == (theirs.match(text) is None), (pattern, text)
    assert (mine.fullmatch(text) is None) == (theirs.fullmatch(text) is None), (pattern, text)


def test_many_catalogue_patterns_take_the_shortcut():
    assert len(PATTERNS) > 300
    assert sum(Matcher(p).folded is not None for p in PATTERNS) > 0.9 * len(PATTERNS)


@pytest.mark.parametrize("pattern", PATTERNS)
def test_every_catalogue_pattern_matches_as_re_does(pattern):
    for text in TEXTS:
        _same(pattern, text)


@pytest.mark.parametrize("pattern", [r"(?-i:GloVe)|word2vec", r"\x41pple", r"[A-z]+", r"(?i)x", r"\N{LATIN SMALL LETTER A}",
                                     r"caf\u00e9", r"\u212aelvin"])
def test_patterns_whose_meaning_lower_casing_changes_run_as_written(pattern):
    assert Matcher(pattern).folded is None
    for text in ["GloVe and glove", "Apple apple", "[Zebra]", "x X"]:
        _same(pattern, text)


@pytest.mark.parametrize("pattern", [r"\bfirst [\d\w\u2013-]+ days\b", r"print\s+[\"\x27]", r"^(?:\t|\x20{4,})\S",
                                     r"lab\s*[:\u2013\u2014-]\s"])
def test_a_character_without_case_spelled_by_number_takes_the_shortcut(pattern):
    assert Matcher(pattern).folded is not None
    for text in ["In the FIRST 30\u2013 days", "PRINT 'x'", "    Return x", "LAB \u2013 one", "lab: two"]:
        _same(pattern, text)


def test_an_escape_beyond_unicode_is_left_to_re_to_report():
    with pytest.raises((re.error, OverflowError)):
        Matcher(r"a\UFFFFFFFF")


def test_ranges_within_one_case_or_without_letters_take_the_shortcut():
    for pattern in (r"[A-Z]{2,}", r"[a-f0-9]+", r"[!-/]", r"[\w-]+", r"[^A-Z]x"):
        assert Matcher(pattern).folded is not None, pattern
        for text in ["ABC def", "C0FFEE cafe", "a!b", "well-known", "Ax bx"]:
            _same(pattern, text)


def test_text_that_is_not_ascii_runs_the_pattern_as_written():
    # re folds the long s and the Kelvin sign to s and k; str.lower does not: no shortcut there
    for pattern, text in [("stream", "ſtream"), ("kelvin", "\u212aelvin"), ("istanbul", "İstanbul")]:
        _same(pattern, text)
        assert bool(Matcher(pattern).search(text)) == bool(re.search(pattern, text, re.I))


def test_multiline_flag_is_kept():
    _same(r"^\s*def\b", "x = 1\n    DEF f():", re.M)


@pytest.mark.parametrize("pattern, expected", [
    (r"\bxrange\(|\.iter(items|keys)\(\)|(^|\n)\s*print\s+x", (".iteritems()", ".iterkeys()", "print", "xrange(")),
    (r"\b(np|numpy)\.(int|bool)\b", ("np.bool", "np.int", "numpy.bool", "numpy.int")),  # fixed pieces joined
    (r"\bembeds?\b|vectori[sz]e", ("embed", "vectorise", "vectorize")),  # a needle holding another is dropped
    (r"(?-i:GloVe)|Word2Vec", ("glove", "word2vec")),
    (r"(?:foo)+ba[rz]?", ("foo",)),
    (r"a(bc)?d", ("abcd", "ad")),
    (r"a\w?d", None),  # no literal of two characters every match holds
    (r"x|\w+", None),  # one alternative holds no literal
    (r"caf\u00e9s", None),  # not ASCII: re may match it to ASCII text ignoring case
    (r"(?:abc){0,3}z", None),  # a repeat that may be taken no times
])
def test_needles_are_literals_every_match_holds(pattern, expected):
    assert needles(pattern) == expected


@given(st.lists(st.lists(st.sampled_from(["ab", "abc", "data", "datab", "base", "tabase", "zzzz", "é t",
                                           "in", "a"]), min_size=1, max_size=4).map(tuple), min_size=1, max_size=30),
       st.lists(st.text(alphabet="abcdeistz é", max_size=40), min_size=1, max_size=8))
@settings(max_examples=60, deadline=None)
def test_the_needle_index_answers_as_substring_scans_do(asked, texts):
    # rebuilt after a few new pieces, so the answers cross several builds and the pieces still pending
    index = NeedleIndex()
    index.REBUILD_AT = 2
    for strings in asked:
        for text in texts:
            assert index.any_in(strings, text) == any(s in text for s in strings), (strings, text)


def test_text_without_a_needle_is_skipped_and_matches_nothing():
    matcher = Matcher(r"\bxrange\(|(^|\n)\s*print\s+\w")
    assert matcher.absent("for i in range(3): pass") and matcher.search("for i in range(3): pass") is None
    assert not matcher.absent("PRINT x") and matcher.search("PRINT x").group(0) == "PRINT x"
    assert not matcher.absent("print ſ")  # not ASCII: the pattern runs
    assert sum(Matcher(p).needles is not None for p in PATTERNS) > 0.5 * len(PATTERNS)


def test_joined_text_without_a_needle_holds_no_match_in_any_piece():
    matcher = Matcher(r"\bxrange\(|(^|\n)\s*print\s+\w")
    pieces = ["Loop over xrange(3).", "Then print it"]
    # no length gate: a short whole without a needle rules out every piece at once
    assert matcher.absent_from("a") and not matcher.absent("a")
    assert not matcher.absent_from("\n".join(pieces))
    assert matcher.absent_from("\n".join(["Loop over range(3).", "Then show it"]))
    assert not matcher.absent_from("Loop over range(3) and print \u017f")  # not ASCII: every piece is searched
    assert not Matcher(r"\w+").absent_from("anything")  # no needles known: every piece is searched


def test_a_catalogue_pattern_absent_from_joined_text_matches_no_piece():
    ruled_out = 0
    for pattern in PATTERNS:
        matcher = Matcher(pattern)
        for start in range(0, len(TEXTS), 7):
            pieces = TEXTS[start:start + 7]
            if matcher.absent_from("\n".join(pieces)):
                ruled_out += 1
                assert all(re.search(pattern, piece, re.I) is None for piece in pieces), (pattern, pieces)
    assert ruled_out > len(PATTERNS)  # the test is used, not only defined


@pytest.mark.parametrize("pattern, expected", [
    (r"\b(tell|Talk) me", set("tT".lower())),
    (r"(?<!\w)[A-C]\d", {"a", "b", "c"}),
    (r"x?y", {"x", "y"}),
    (r"(?:ab)*c", {"a", "c"}),
    (r"\w+", None),  # a category: unknown
    (r"[^a]b", None),  # a negated set: unknown
    (r"a?", None),  # may match the empty string, anywhere
    (r"caf\u00e9|\u00e9t\u00e9", None),  # starts outside ASCII
])
def test_first_characters(pattern, expected):
    assert _first_chars(pattern) == expected


def test_a_run_whose_patterns_have_literal_starts_is_guarded_by_their_first_two_characters():
    run = [r"\bwhy (do|did) you\b", r"\b(tell|talk) (me|us) about\b", r"(?<!human )\bagents?\b"]
    joined = alternation(run)
    # every one of them starts at a word (\\b, a first character that is a word character): gated for that too
    assert joined.startswith(r"(?<!\w)(?=\w)(?:(?=ag|t[ae]|wh)(?:")
    plain = "|".join(f"(?:{p})" for p in run)
    for text in ["Why did you leave?", "TALK to us about it", "Tell me about your agent", "human agents wait",
                 "whatever happened", "a tale", "Agents"]:
        _same(joined, text)
        assert [m.span() for m in re.finditer(joined, text, re.I)] == [m.span() for m in re.finditer(plain, text, re.I)]


def test_a_run_with_a_pattern_without_literal_start_falls_back_to_first_characters():
    joined = alternation([r"\bwhy\b", r"[a-c]x"])
    assert joined.startswith("(?=[abcw])(?:")


def test_a_pattern_with_no_known_start_leaves_the_runs_around_it_guarded():
    run = [r"\bwrite (a|the) function\b", r"^(?![^.]*\banswer)[^.]*\bcomplete\b", r"\bpseudo-?code\b"]
    joined = alternation(run)
    assert joined == (r"(?=wr)(?:(?:\bwrite (a|the) function\b))|(?:^(?![^.]*\banswer)[^.]*\bcomplete\b)|"
                      r"(?=ps)(?:(?:\bpseudo-?code\b))")
    plain = "|".join(f"(?:{p})" for p in run)
    for text in ["Complete the code", "write the function", "answer and complete", "in pseudocode, write a function"]:
        _same(joined, text)
        assert [m.span() for m in re.finditer(joined, text, re.I)] == [m.span() for m in re.finditer(plain, text, re.I)]


@pytest.mark.parametrize("run, gated", [
    ([r"\bwhy\b", r"^(please )?(try|run)\b"], True),  # \b or ^, then a word character
    ([r"\bwhy\b", r"why\b"], False),  # may start inside a word ("somewhy")
    ([r"\bwhy\b", r"\b-?\d+"], False),  # may start with a character that is no word character
    ([r"\bwhy\b", r"\B(ing)\b"], False),
])
def test_word_gate_only_when_every_pattern_starts_at_a_word(run, gated):
    joined = alternation(run)
    assert joined.startswith(r"(?<!\w)(?=\w)") == gated
    plain = "|".join(f"(?:{p})" for p in run)
    for text in ["why not", "somewhy", "try it", "please run", "x -3 and 4", "running", "(why)"]:
        _same(joined, text)
        assert [m.span() for m in re.finditer(joined, text, re.I)] == [m.span() for m in re.finditer(plain, text, re.I)]


def test_a_word_gate_repeated_by_the_caller_is_tested_once():
    joined = r"(?<!\w)(?=\w)(?:" + alternation([r"\bwhy\b", r"\bhow\b"]) + ")"
    matcher = Matcher(joined)
    assert matcher.folded.pattern.count(r"(?<!\w)(?=\w)") == 1
    for text in ["Why?", "somehow", "how now", "why-how"]:
        _same(joined, text)


def _cue_groups() -> list[list[str]]:
    groups = []
    for name in available():
        for entry in bundled(name):
            for key in pattern_keys().get(name, ()):
                if len(entry.get(key, ())) > 1:
                    groups.append(list(entry[key]))
        for key in pattern_keys().get(name, ()):  # a whole catalogue's patterns: many runs of alternatives
            groups.append(sorted({p for entry in bundled(name) for p in entry.get(key, ())}))
    return [group for group in groups if len(group) > 1]


@pytest.mark.parametrize("patterns", _cue_groups()[::3])
def test_guarded_alternation_matches_as_the_plain_one(patterns):
    plain = re.compile("|".join(f"(?:{p})" for p in patterns), re.I)
    guarded = alternation(patterns)
    assert re.compile(guarded).groups == plain.groups
    mine = Matcher(guarded)
    for text in TEXTS:
        assert [(m.span(), m.group(0)) for m in mine.finditer(text)] == \
            [(m.span(), m.group(0)) for m in plain.finditer(text)], (patterns, text)
        found, expected = mine.search(text), plain.search(text)
        assert (found is None) == (expected is None)
        if found is not None:
            assert [found.group(i) for i in range(plain.groups + 1)] == [expected.group(i) for i in range(plain.groups + 1)]


def test_compiled_once():
    assert compile_pattern("abc") is compile_pattern("abc")


@settings(max_examples=300, deadline=None)
@given(pattern=st.sampled_from(PATTERNS), words=st.lists(
    st.sampled_from(["Design", "a", "SYSTEM", "the", "label", "Arrives", "weeks", "later", "Bezier", "control",
                     "points", "café", "(", ")", "-", "1,000", "GPU", "kernel", "Implement", "HyperLogLog", "?",
                     "users", "are", "LOSING", "money", "so", "that", "\n"]), max_size=30))
def test_random_wording_matches_as_re_does(pattern, words):
    _same(pattern, " ".join(words))


@pytest.mark.parametrize("pattern,sets", [
    (r"\b[a-z]+ and [0-9A-F]{2}", ["[a-z]", "[0-9A-F]"]),
    (r"[]a-z] or [^]A-Z]", ["[]a-z]", "[^]A-Z]"]),  # a `]` first in a set is itself
    (r"\[A-z\] [\]A-z]", [r"[\]A-z]"]),  # escaped brackets outside and inside a set
    (r"[[a-z]", ["[[a-z]"]),  # a `[` inside a set is itself
    (r"(?#[A-z]) x", None),  # a comment could hide a bracket
    (r"x[a-z", None),  # not closed
])
def test_the_sets_of_a_pattern_are_read_as_re_reads_them(pattern, sets):
    assert _sets(pattern) == sets


@pytest.mark.parametrize("pattern", [
    r"[a-z]", r"[A-z]", r"[]a-z]", r"[^]A-Z]", r"\[a-Z\]x[A-Z]", r"(?#[A-z])x", r"[\]A-z]", r"[a\-Z]",
    r"[0-9A-Fa-f]", r"[\w'/-]", r"[+-9]", r"[!-~]", r"x[a-z", r"(a|[B-Y])[a-z]{2}", r"[\x41-\x5a]",
])
def test_reading_the_sets_alone_judges_ranges_as_reading_the_whole_pattern(pattern):
    assert _ranges_survive(pattern) == _ranges_survive_whole(pattern)


def test_every_bundled_pattern_s_ranges_are_judged_alike_read_alone_or_whole():
    assert all(_ranges_survive(p) == _ranges_survive_whole(p) for p in PATTERNS)
