"""What a question says, and catalogue patterns over it (shared by LT101-LT103).

Text is read in layers, so a rule can match on how a question is *framed*
and exempt it on anything the interviewer wrote:

* ``posed_text``: the problem as set (title, prompt, scenario need and
  constraints);
* ``framing_text``: everything that defines the expected answer (the posed
  text plus hooks, trade-offs, signal and the evidence of passing rubric
  bands; red-flag bands describe what *not* to do, so they are left out);
* ``interviewer_text``: follow-ups and notes.

Catalogue patterns are regular expressions matched case-insensitively on
whitespace-normalised text (``(?-i:GloVe)`` turns case back on). An entry
matches when every ``all`` pattern and at least one ``any`` pattern (when
given) is found, and no ``unless`` pattern is found in the exemption text.
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
from functools import lru_cache

from looptool.bank.catalogues import compile_error
from looptool.lint.analysis import clip, sentences  # noqa: F401  (the one sentence splitter, re-exported)
from looptool.lint.matching import PIECES, Matcher, compile_pattern, literal_starts, needles

PASSING_SCORE = 2  # rubric bands from this score up describe answers that pass


def _compiled(pattern: str) -> Matcher:
    try:
        return compile_pattern(pattern)
    except (re.error, TypeError) as exc:  # catalogues can come from user configuration
        raise compile_error(exc, pattern=pattern) from None


def search(pattern: str, text: str):
    prefixes = _prefixes(pattern)
    if prefixes is None:
        return _compiled(pattern).search(text)
    lowered = _lower(text)
    if _screened_out(pattern, text, lowered):
        return None
    if len(lowered) != len(text):  # lower() changed lengths (rare scripts): positions would not line up
        return _compiled(pattern).search(text) if may_match(pattern, text) else None
    if not PIECES.any_in(prefixes, lowered):  # no place to try (an exemption's words, mostly)
        return None
    # every match starts at an occurrence of a prefix: try only those places, leftmost
    # first, which finds exactly the match search() would
    # (compiled only once some text holds a place to try it: a pattern whose starts no question
    # holds is never compiled)
    if len(prefixes) == 1:  # the usual case: walk its places with find, no heap needed
        prefix = prefixes[0]
        at = lowered.find(prefix)
        if at < 0:
            return None
        match = _compiled(pattern).match
        while at >= 0:
            found = match(text, at)
            if found:
                return found
            at = lowered.find(prefix, at + 1)
        return None
    match = None
    for start in _occurrences(lowered, prefixes):
        match = match or _compiled(pattern).match
        found = match(text, start)
        if found:
            return found
    return None


def _occurrences(lowered: str, prefixes):
    """The places where a prefix occurs, in increasing order, found one at a time: the first place
    usually holds the match, so the later ones are rarely looked for."""
    heap = [(at, prefix) for prefix in prefixes if (at := lowered.find(prefix)) >= 0]
    heapq.heapify(heap)
    last = -1
    while heap:
        at, prefix = heap[0]
        following = lowered.find(prefix, at + 1)
        if following >= 0:
            heapq.heapreplace(heap, (following, prefix))
        else:
            heapq.heappop(heap)
        if at != last:
            last = at
            yield at


def may_match(pattern: str, text: str) -> bool:
    """False only when ``pattern`` certainly does not match ``text`` (a cheap test)."""
    prefixes = _prefixes(pattern)
    if prefixes is None:
        return True
    lowered = _lower(text)
    if _screened_out(pattern, text, lowered):
        return False
    return PIECES.any_in(prefixes, lowered)


def compile_all(patterns) -> list[Matcher]:
    """Every pattern compiled now: a broken one stops the run with the catalogue's usage error
    even when no question would have reached it."""
    return [_compiled(pattern) for pattern in patterns]


def absent_from(pattern: str, text: str) -> bool:
    """True when no piece of ``text`` (a window, a clause) can hold a match: the whole lacks every
    literal piece each match contains (see :meth:`Matcher.absent_from`)."""
    return _compiled(pattern).absent_from(text)


def finditer(pattern: str, text: str):
    return _compiled(pattern).finditer(text)


@lru_cache(maxsize=64)
def _lower(text: str) -> str:
    return text.lower()


def _prefixes(pattern: str) -> tuple[str, ...] | None:
    """Lower-case literal strings one of which every match must start with,
    or None when the pattern has no such literal start (then it always runs).

    Catalogue patterns are mostly alternations of words; Python's re tries
    each at every position of a long text, while a substring test per
    alternative is a fast C scan. The prefixes are read from the parsed
    pattern, so the filter never changes what matches. Read once per pattern
    (a plain dict: the catalogues' patterns are few, and this is asked often).
    """
    try:
        return _PREFIXES[pattern]
    except KeyError:
        found = _PREFIXES[pattern] = literal_starts(pattern)
        _SCREENS[pattern] = _screen(pattern, found)
        return found


_PREFIXES: dict[str, tuple[str, ...] | None] = {}
_SCREENS: dict[str, tuple[str, ...] | None] = {}
COMMON_START = 2  # a literal start this short ("in", "as") occurs in almost every text
RARE_NEEDLE = 3  # needles at least this long are worth scanning for first


def _screen(pattern: str, prefixes) -> tuple[str, ...] | None:
    """The pattern's needles (literal pieces one of which every match contains, see
    :func:`~looptool.lint.matching.needles`) when they are worth scanning for before its literal
    starts: when a start is as short as "in" or "as", which nearly every text holds ("using",
    "training"), the starts rule nothing out and their places are many, each tried by the pattern
    (``\\b(with|using|in|as) (a )?map-?reduce`` walked every "in" of every question); its needles
    ("in a mapreduce", ...) are absent from almost all. Only over ASCII text, where lower-casing
    both sides keeps the test exact."""
    if prefixes is None or min(map(len, prefixes)) > COMMON_START:
        return None
    found = needles(pattern)
    if found is None or min(map(len, found)) < RARE_NEEDLE:
        return None
    return found


def _screened_out(pattern: str, text: str, lowered: str) -> bool:
    screen = _SCREENS[pattern]
    return screen is not None and text.isascii() and not PIECES.any_in(screen, lowered)


def found_any(patterns, text: str) -> bool:
    return any(search(p, text) for p in patterns or ())


def count_found(patterns, text: str) -> int:
    return sum(1 for p in patterns or () if search(p, text))


def entry_matches(entry: dict, text: str, exempt_text: str | None = None) -> bool:
    """Whether a catalogue entry's ``all``/``any`` patterns hit and no ``unless`` does."""
    required = entry.get("all", ())
    # every `all` pattern must match: rule out the entry on the cheap tests before any regex runs
    if not all(may_match(p, text) for p in required):
        return False
    if entry.get("any") and not any(may_match(p, text) for p in entry["any"]):
        return False
    if not all(search(p, text) for p in required):
        return False
    if entry.get("any") and not found_any(entry["any"], text):
        return False
    return not found_any(entry.get("unless"), text if exempt_text is None else exempt_text)


def entry_quote(entry: dict, text: str, width: int = 80) -> str:
    """The evidence a finding quotes, as ' ("...")' to follow what it names: the sentence of
    ``text`` in which most of an entry's ``all`` and ``any`` patterns match (the first of equals),
    cut to ``width``; empty when no one sentence holds a match. Read only for a finding."""
    patterns = (*entry.get("all", ()), *entry.get("any", ()))
    best, most = "", 0
    for sentence in sentences(text):
        count = count_found(patterns, sentence)
        if count > most:
            best, most = sentence, count
    best = clip(re.sub(r"([?!])\.$", r"\1", best), width)  # a title's "?" before the ". " joining the fields
    return f' ("{best}")' if best else ""


def applies_to(entry: dict, question) -> bool:
    """An entry with ``types`` covers only those question types."""
    types = entry.get("types")
    return not types or question.type in types


def as_date(value) -> dt.date | None:
    """A catalogue date (YAML may give a date object or a string)."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _join(parts) -> str:
    # ". " between fields ends a sentence, so a windowed pattern stays inside one field
    return ". ".join(" ".join(str(p).split()) for p in parts if p)


def _memo(fn):
    """Cache a text view on the question itself: several rules read the same views."""
    key = f"_text_{fn.__name__}"

    def wrapper(question) -> str:
        cached = question.__dict__.get(key)
        if cached is None:
            cached = question.__dict__[key] = fn(question)
        return cached

    wrapper.__name__, wrapper.__doc__ = fn.__name__, fn.__doc__
    return wrapper


@_memo
def posed_text(question) -> str:
    scenario = question.scenario
    extra = [scenario.need, *scenario.constraints] if scenario else []
    return _join([question.title, question.prompt, *extra])


@_memo
def posed_sentences(question) -> tuple[tuple[str, ...], str]:
    """The sentences of the posed text, and them joined by newlines (each a piece of the whole)."""
    said = tuple(sentences(posed_text(question)))
    return said, "\n".join(said)


@_memo
def framing_text(question) -> str:
    scenario = question.scenario
    extra = [*scenario.hooks, *scenario.tradeoffs] if scenario else []
    passing = [e for band in question.rubric or () if band.min >= PASSING_SCORE for e in band.evidence]
    return _join([posed_text(question), *extra, question.signal, *passing])


@_memo
def interviewer_text(question) -> str:
    return _join([*question.follow_ups, question.notes])


@_memo
def visible_text(question) -> str:
    """What the interview puts before the candidate: the prompt and the scenario, but not the title,
    which is for the panel and never shown (a method named only in the title is not handed over)."""
    scenario = question.scenario
    extra = [scenario.need, *scenario.constraints, *scenario.hooks, *scenario.tradeoffs] if scenario else []
    return _join([question.prompt, *extra])
