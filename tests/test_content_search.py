"""The prefiltered catalogue search finds exactly what a plain regex search finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from looptool.bank.catalogues import available, bundled
from looptool.bank.load import load_bank
from looptool.bank.resources import bundled_bank
from looptool.lint.rules import _content

PATTERNS = sorted({p for name in available() for entry in bundled(name) if isinstance(entry, dict)
                   for key in ("all", "any", "unless", "names", "mechanism", "patterns")
                   for p in (entry.get(key) or []) if isinstance(p, str)})
BANK, _ = load_bank([bundled_bank()])
TEXTS = [f(q) for q in BANK.questions for f in (_content.posed_text, _content.framing_text, _content.interviewer_text)]


def _valid(pattern):
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True


def test_same_spans_on_the_bundled_bank():
    assert len(PATTERNS) > 50
    for pattern in PATTERNS:
        plain = re.compile(pattern, re.IGNORECASE)
        for text in TEXTS:
            expected = plain.search(text)
            got = _content.search(pattern, text)
            assert (expected and expected.span()) == (got and got.span()), pattern


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PATTERNS), st.lists(st.sampled_from(
    ["RAG", "near-duplicate", "the", "Vector store", "İstanbul", "ß", "count distinct", "users", "10 million",
     "LSTM", "translate", "embedding", ".", "\n", "GloVe", "glove", "implement", "attention", "x"]), max_size=30))
def test_same_spans_on_generated_text(pattern, words):
    text = " ".join(words)
    expected = re.compile(pattern, re.IGNORECASE).search(text)
    got = _content.search(pattern, text)
    assert (expected and expected.span()) == (got and got.span())


def test_prefixes_are_derived_only_when_every_branch_has_one():
    assert _content._prefixes(r"\bRAG\b|retrieval[- ]augmented") == ("rag", "retrieval")
    assert _content._prefixes(r"\d+ ?(KB|bytes)") is None
    assert _content._prefixes(r"x?abc") == ("ab", "xab")  # an optional start: either spelling opens a match
    assert _content._prefixes(r"x?\w") is None


def test_a_start_too_short_to_scan_for_is_lengthened_by_the_fixed_pieces_after_it():
    # re factors "(np|numpy)" into "n(p|umpy)": the start "n" alone would leave the pattern unfiltered
    assert _content._prefixes(r"\b(np|numpy)\.(float|int)\b") == ("np", "numpy")
    assert _content._prefixes(r"\bp(50|99)(\.\d+)?\b|medians?") == ("median", "p50", "p99")
    assert _content._prefixes(r"(k|several) hash functions") == ("k ", "several ")
    assert _content._prefixes(r"classif(y|ies)|categori[sz]") == ("categoris", "categoriz", "classifies", "classify")
    assert _content._prefixes(r"p\d+") is None  # nothing fixed follows: the pattern always runs
    assert _content.search(r"\bp(50|99)\b", "Keep the P99 latency low").group(0) == "P99"
    assert _content.search(r"\bp(50|99)\b", "keep p95 low") is None


def test_a_text_a_pattern_is_absent_from_holds_no_match_in_any_window():
    ruled_out = 0
    for pattern in PATTERNS[::5]:
        plain = re.compile(pattern, re.IGNORECASE)
        for text in TEXTS[::4]:
            if _content.absent_from(pattern, text):
                ruled_out += 1
                assert not any(plain.search(text[i:i + 50]) for i in range(0, len(text), 25)), pattern
    assert ruled_out > 100  # the test is used, not only defined
    assert not _content.absent_from(r"^\W{0,3}from scratch", "Build attention. From scratch, please.")
    assert _content.absent_from(r"^\W{0,3}from scratch", "Build attention in numpy.")


def test_a_pattern_with_a_common_start_is_screened_by_its_needles_first():
    pattern = r"\b(with|using|in|as) (a )?map-?reduce"
    assert "in" in _content._prefixes(pattern)  # "in" occurs in nearly every text ("using", "training")
    screen = _content._SCREENS[pattern]
    assert screen is not None and min(map(len, screen)) >= _content.RARE_NEEDLE
    plain = "training in a pipeline, using spark as the engine"
    assert not _content.may_match(pattern, plain) and _content.search(pattern, plain) is None
    found = _content.search(pattern, "Count words in a MapReduce job")
    assert found is not None and found.group(0) == "in a MapReduce"
    # a start long enough to be rare is scanned for as before
    assert _content._prefixes(r"\bhadoop\b") == ("hadoop",) and _content._SCREENS[r"\bhadoop\b"] is None
