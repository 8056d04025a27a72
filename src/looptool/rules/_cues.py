"""Catalogue-driven phrase matching for the design and signal rules (LT111-LT114).

A catalogue entry groups ``terms`` (plain words or phrases, matched whole
and case-insensitively; a trailing ``*`` also matches any word ending, so
``wait*`` finds "waits" and "waiting") and optional ``patterns`` (regular
expressions) under a key such as ``cue`` or ``indicator``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from looptool.rules._text import words

_SENTENCE_END = re.compile(r"(?<=[.?!])\s+|\n\s*\n")
_QUANTITY = re.compile(r"(?<![\w.,])\d[\d,.]*")


def group(ctx, catalogue: str, key: str, value: str) -> re.Pattern | None:
    """One compiled matcher for every entry of ``catalogue`` whose ``key`` is ``value``."""
    terms, patterns = [], []
    for entry in ctx.catalogue(catalogue):
        if isinstance(entry, dict) and entry.get(key) == value:
            terms += entry.get("terms", [])
            patterns += entry.get("patterns", [])
    return _compile(tuple(terms), tuple(patterns))


@lru_cache(maxsize=256)
def _compile(terms: tuple, patterns: tuple) -> re.Pattern | None:
    parts = [_term(t) for t in sorted({str(t) for t in terms}, key=len, reverse=True) if t.strip()]
    parts += [f"(?:{p})" for p in patterns]
    return re.compile("|".join(parts), re.I | re.M) if parts else None


def _term(term) -> str:
    text = str(term).strip().lower()
    body = r"\s+".join(re.escape(word) for word in text.rstrip("*").split())
    tail = r"[\w'-]*" if text.endswith("*") else ""
    head = r"(?<!\w)" if re.match(r"\w", text) else ""
    end = r"(?!\w)" if re.search(r"\w\*?$", text) else ""
    return f"{head}{body}{tail}{end}"


def first(matcher: re.Pattern | None, text: str) -> str | None:
    """The first phrase ``matcher`` finds in ``text``, as written."""
    if matcher is None or not text:
        return None
    found = matcher.search(text)
    return " ".join(found.group(0).split()) if found else None


def leftover(text: str, matcher: re.Pattern | None) -> list[str]:
    """The lower-case words of ``text`` that ``matcher`` does not cover."""
    return words(matcher.sub(" ", text) if matcher is not None else text)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text or "") if s and s.strip()]


def quantities(text: str) -> int:
    """How many written numbers ``text`` holds (a digit not glued to letters before it)."""
    return len(_QUANTITY.findall(text or ""))
