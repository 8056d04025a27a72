"""Catalogue-driven phrase matching for the design and signal rules (LT111-LT114).

A catalogue entry groups ``terms`` (plain words or phrases, matched whole
and case-insensitively; a trailing ``*`` also matches any word ending, so
``wait*`` finds "waits" and "waiting") and optional ``patterns`` (regular
expressions) under a key such as ``cue`` or ``indicator``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from looptool.bank.catalogues import compile_error
from looptool.lint.analysis import sentences  # noqa: F401  (the one sentence splitter, re-exported)
from looptool.lint.matching import Matcher, alternation, compile_pattern
from looptool.lint.rules._text import words

_QUANTITY = re.compile(r"(?<![\w.,])\d[\d,.]*")


def group(ctx, catalogue: str, key: str, value: str) -> Matcher | None:
    """One compiled matcher for every entry of ``catalogue`` whose ``key`` is ``value``."""
    return ctx.derived(("group", catalogue, key, value), lambda: _group(ctx, catalogue, key, value)) or None


def announced_lab(ctx, requests) -> str | None:
    """The first of ``requests`` (a prompt's sentences) that announces a walkthrough of its own ("In
    this lab, you will configure ...", "Lab: Implementing file sync"): a hands-on lab, not a problem
    to design (the `lab-announcement` indicator of the type indicators)."""
    lab = group(ctx, "type_indicators", "indicator", "lab-announcement")
    return next((s for s in requests if lab and lab.search(s)), None)


def _group(ctx, catalogue, key, value):
    terms, patterns = [], []
    for entry in ctx.catalogue(catalogue):
        if isinstance(entry, dict) and entry.get(key) == value:
            terms += entry.get("terms", [])
            patterns += entry.get("patterns", [])
    try:
        return _compile(tuple(terms), tuple(patterns)) or False  # False: cached, and nothing to match
    except re.error as exc:
        raise compile_error(exc, [catalogue]) from None


@lru_cache(maxsize=256)
def _compile(terms: tuple, patterns: tuple) -> Matcher | None:
    parts = []
    words_first = [t for t in {_normal(t) for t in terms} if t and re.match(r"\w", t)]
    others = [t for t in {_normal(t) for t in terms} if t and not re.match(r"\w", t)]
    if words_first:
        # one trie-shaped expression instead of a flat alternation: re tries the
        # branches of a flat "a|b|c|..." one by one at every position, which is
        # slow with hundreds of phrases; a trie branches on each character once
        parts.append(r"(?<!\w)" + _trie(words_first))
    parts += [_term(t) for t in sorted(others, key=len, reverse=True)]
    if patterns:
        parts.append(alternation(patterns))
    return compile_pattern("|".join(parts), re.M) if parts else None


def _normal(term) -> str:
    return " ".join(str(term).strip().lower().split())


def _trie(terms) -> str:
    """A regular expression matching exactly the given terms (with `*` tails),
    longest first, built from a character trie."""
    root: dict = {}
    for term in terms:
        node = root
        for char in term:
            node = node.setdefault(char, {})
        node[""] = True  # end of a term
    return _emit(root, last="")


def _emit(node: dict, last: str) -> str:
    branches = []
    # specific continuations before a `*` tail before the end: longest match first
    for char in sorted((k for k in node if k), key=lambda k: (k == "*", k)):
        child = node[char]
        if char == "*":
            branches.append(r"[\w'-]*(?!\w)" + ("" if set(child) == {""} else _emit(child, char)))
            continue
        piece = r"\s+" if char == " " else re.escape(char)
        branches.append(piece + _emit(child, char))
    if "" in node and last != "*":
        branches.append(r"(?!\w)" if re.match(r"\w", last) else "")
    if not branches:
        return ""
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def _term(term) -> str:
    text = str(term).strip().lower()
    body = r"\s+".join(re.escape(word) for word in text.rstrip("*").split())
    tail = r"[\w'-]*" if text.endswith("*") else ""
    head = r"(?<!\w)" if re.match(r"\w", text) else ""
    end = r"(?!\w)" if re.search(r"\w\*?$", text) else ""
    return f"{head}{body}{tail}{end}"


def first(matcher: Matcher | None, text: str) -> str | None:
    """The first phrase ``matcher`` finds in ``text``, as written."""
    if matcher is None or not text:
        return None
    found = matcher.search(text)
    return " ".join(found.group(0).split()) if found else None


def is_placeholder(text, ctx) -> bool:
    """Empty, or nothing but a placeholder word from the `signal_filler` catalogue ("TBD", "n/a"),
    trailing punctuation aside. Read by missing-signal and missing-references."""
    bare = str(text).strip().strip(".!:;").strip()
    whole = group(ctx, "signal_filler", "kind", "placeholder")
    return not bare or (whole is not None and whole.fullmatch(bare) is not None)


def leftover(text: str, matcher: Matcher | None) -> list[str]:
    """The lower-case words of ``text`` that ``matcher`` does not cover."""
    return words(matcher.sub(" ", text) if matcher is not None else text)


def quantities(text: str) -> int:
    """How many written numbers ``text`` holds (a digit not glued to letters before it)."""
    return len(_QUANTITY.findall(text or ""))


def shows_code(ctx, text: str) -> str | None:
    """The code ``text`` shows (a block of it), if any: such a prompt is its own material."""
    return first(group(ctx, "type_indicators", "indicator", "code-block"), text)
