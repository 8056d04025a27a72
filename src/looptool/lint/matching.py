"""The one matching engine behind every catalogue: case-insensitive patterns, matched fast.

Every catalogue pattern (the analysis layer's cues, the phrase and topic
catalogues of the rules) is matched ignoring case. Python's ``re`` pays for
that: with ``IGNORECASE`` a letter is no longer a plain literal, so at each
position it tries every alternative of a large alternation in full, where a
case-sensitive pattern skips an alternative whose first letter differs in
one comparison. So :class:`Matcher` runs a lower-cased copy of the pattern,
compiled case-sensitively, over a lower-cased copy of the text (made once per
text). The two matches take the same steps, so the spans are the same; a
:class:`Found` reads its groups from the original text, so callers see the
text as written.

That is exact only where lower-casing the text and the pattern is the same as
ignoring case: the text must be ASCII (other scripts fold in ways
``str.lower`` does not follow), and the pattern must be built only of pieces
whose meaning survives lower-casing (no inline flags such as ``(?-i:GloVe)``,
no escapes that spell a letter by number, no character range that mixes
cases or spans letters and other characters). Anything else runs the
original pattern over the original text. ``tests/test_matching.py`` holds
every bundled pattern to ``re``'s own results. The catalogue matching of a
lint run takes about two thirds of the time it took with ``IGNORECASE``.
"""

from __future__ import annotations

import re
from functools import lru_cache

# pieces whose meaning lower-casing would change: inline flags, and letters spelled by number (an
# escape whose character has case: see _unsafe)
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux-]+[:)]")
_ESCAPE = re.compile(r"\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)", re.S)
_ESCAPE_OR_UPPER = re.compile(r"\\.|[A-Z]", re.S)
# a set with a `-` that is neither its first nor its last character (may be a range: parse it)
_MAY_HOLD_RANGE = re.compile(r"\[\^?\]?(?:\\.|[^\]\\])+?-(?!\])")


_UNREAD = object()


class Matcher:
    """A case-insensitive pattern with the methods the rules use; each finds what ``re`` would
    with the original pattern over the original text (a match's groups are that text's own)."""

    __slots__ = ("pattern", "flags", "folded", "_needles", "_gate_from", "_original")

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern, self.flags = pattern, flags & ~re.IGNORECASE
        self.folded = _folded_pattern(_one_gate(pattern), self.flags)
        self._needles = self._gate_from = _UNREAD  # read on first use: a pattern only ever tried at
        # the places of its literal starts (the content rules' search) never needs them
        self._original = None if self.folded is not None else re.compile(_one_gate(pattern), flags | re.IGNORECASE)

    @property
    def needles(self) -> tuple[str, ...] | None:
        """See :func:`needles`."""
        found = self._needles
        if found is _UNREAD:
            found = self._needles = needles(self.pattern, self.flags)
            self._gate_from = NEEDLE_TEXT_RATIO * len(found or ())
        return found

    @property
    def original(self) -> re.Pattern:
        """The pattern as written, compiled ignoring case (only needed for text that is not ASCII)."""
        if self._original is None:
            self._original = re.compile(_one_gate(self.pattern), self.flags | re.IGNORECASE)
        return self._original

    def _folded_for(self, text: str):
        return self.folded if self.folded is not None and text.isascii() else None

    def absent(self, text: str) -> bool:
        """True when ``text`` certainly holds no match: it is ASCII and holds none of the
        literal pieces every match contains (see :func:`needles`), a few fast substring scans
        instead of running the pattern at every position. Only for text long enough that
        the scans cost less than the pattern would (the answer is the same either way)."""
        found = self.needles
        if found is None or len(text) < self._gate_from or not text.isascii():
            return False
        return not any(map(_lower(text).__contains__, found))

    def absent_from(self, text: str) -> bool:
        """True when no piece of ``text`` holds a match: it is ASCII and holds none of the needles.
        For text that stands for several shorter ones searched one by one (the sentences of a
        prompt joined by newlines: a match in one is a match in the whole), so there is no length
        gate: one scan of the whole spares a search of each piece."""
        found = self.needles
        return found is not None and text.isascii() and not any(map(_lower(text).__contains__, found))

    def search(self, text: str, pos: int = 0):
        # the most frequent call of a lint run: absent() and _folded_for() written out
        folded, ascii_text, found = self.folded, text.isascii(), self._needles
        if found is _UNREAD:
            found = self.needles
        if ascii_text and found is not None and len(text) >= self._gate_from:
            lowered = _lower(text)
            if not any(map(lowered.__contains__, found)):
                return None
        if folded is None or not ascii_text:
            return self.original.search(text, pos)
        found = folded.search(_lower(text), pos)
        return None if found is None else Found(text, found)

    def match(self, text: str, pos: int = 0):
        folded = self.folded  # _folded_for() written out: called once per prefix place of a pattern
        if folded is None or not text.isascii():
            return self.original.match(text, pos)
        found = folded.match(_lower(text), pos)
        return None if found is None else Found(text, found)

    def fullmatch(self, text: str):
        folded = self._folded_for(text)
        if folded is None:
            return self.original.fullmatch(text)
        return _found(text, folded.fullmatch(_lower(text)))

    def finditer(self, text: str):
        if self.absent(text):
            return iter(())
        folded = self._folded_for(text)
        if folded is None:
            return self.original.finditer(text)
        return (Found(text, m) for m in folded.finditer(_lower(text)))

    def sub(self, repl: str, text: str) -> str:
        """``re.sub`` with a plain replacement string (no group references)."""
        folded = self._folded_for(text)
        if folded is None or "\\" in repl:
            return self.original.sub(repl, text)
        parts, last = [], 0
        for m in folded.finditer(_lower(text)):
            parts += [text[last:m.start()], repl]
            last = m.end()
        return "".join(parts) + text[last:] if parts else text


class Found:
    """A match found over the lower-cased copy of ``text``: the same spans as the original
    pattern's match over ``text`` (each step of the two matches decides alike), groups read from
    ``text`` itself."""

    __slots__ = ("string", "_match")

    def __init__(self, text: str, match: re.Match):
        self.string, self._match = text, match

    def start(self, group=0) -> int:
        return self._match.start(group)

    def end(self, group=0) -> int:
        return self._match.end(group)

    def span(self, group=0) -> tuple[int, int]:
        return self._match.span(group)

    def group(self, *groups):
        if len(groups) > 1:
            return tuple(self.group(g) for g in groups)
        start, end = self._match.span(groups[0] if groups else 0)
        return None if start < 0 else self.string[start:end]

    def __getitem__(self, group):
        return self.group(group)


def _found(text: str, match: re.Match | None) -> Found | None:
    return None if match is None else Found(text, match)


GUARD_RUN = 12  # alternatives behind one look-ahead (see alternation())


def alternation(patterns) -> str:
    """``(?:p1)|(?:p2)|...``, each run of ``GUARD_RUN`` alternatives put behind a look-ahead for
    the first two characters of their literal starts when each has some (see
    :func:`_two_char_guard`), else for the characters they can start with, when that is known
    for each of them; a pattern whose start nothing is known about runs on its own, so that it
    does not leave the others of its run unguarded; and when every alternative starts where a
    word starts, the whole is gated for that (``WORD_GATE``).

    ``re`` tries the alternatives of a large alternation one by one at every position; one
    that opens with ``\\b`` or a group is entered before it fails. The look-ahead turns a run
    of them away with one test wherever the text's next characters open none of them (most
    positions), and the word gate turns every alternative away, in two tests, inside a word. It
    matches what the plain alternation matches, at the same places, by the same alternative: the
    order and the groups are kept, and each look-ahead admits everything an alternative behind it
    can start with, in either case."""
    patterns, parts = list(patterns), []
    for run in _runs(patterns):
        body = "|".join(f"(?:{p})" for p in run)
        guard = _two_char_guard(run)
        if guard is None:
            chars = set()
            for pattern in run:
                found = _start_of(pattern)[1]
                if found is None:
                    chars = None
                    break
                chars |= found
            guard = f"[{''.join(map(re.escape, sorted(chars)))}]" if chars else None
        parts.append(f"(?={guard})(?:{body})" if guard else body)
    joined = "|".join(parts)
    return f"{WORD_GATE}(?:{joined})" if patterns and all(_start_of(p)[2] for p in patterns) else joined


WORD_GATE = r"(?<!\w)(?=\w)"  # only where a word starts


def _one_gate(pattern: str) -> str:
    """``pattern`` without a word gate repeated right after itself (a caller that gates an alternation
    this module has gated already): the second test, at the same place, can only pass too."""
    double = f"{WORD_GATE}(?:{WORD_GATE}"
    return f"{WORD_GATE}(?:{pattern[len(double):]}" if pattern.startswith(double) else pattern


@lru_cache(maxsize=4096)
def _start_of(pattern: str) -> tuple[tuple[str, ...] | None, set[str] | None, bool]:
    """What alternation() needs to know of how a pattern's matches start, read from one parse: its
    literal starts (:func:`literal_starts`), its first characters (:func:`_first_chars`), and
    whether every match starts where a word starts: the pattern opens with ``\\b`` or ``^`` (after
    any other zero-width piece) and every character it can start with is a word character."""
    starts, chars = literal_starts(pattern), _first_chars(pattern)
    return starts, chars, bool(chars) and all(ch.isalnum() or ch == "_" for ch in chars) and _opens_at_word(pattern)


def _opens_at_word(pattern: str) -> bool:
    from re import _constants as c

    for op, arg in _parsed(pattern):
        if op is c.AT and arg in (c.AT_BOUNDARY, c.AT_BEGINNING, c.AT_BEGINNING_STRING):
            return True
        if op not in (c.AT, c.ASSERT, c.ASSERT_NOT):
            return False
    return False


def _runs(patterns: list[str]) -> list[list[str]]:
    """The patterns in their order, cut into runs of at most ``GUARD_RUN`` that share a guard. A
    pattern nothing can be said about the start of (``^(?!...)[^.?!]*...``) is put in a run of
    its own, or with others like it, so that it leaves the runs before and after it guarded."""
    runs: list[list[str]] = []
    last = None
    for pattern in patterns:
        starts, chars, _ = _start_of(pattern)
        known = starts is not None or chars is not None
        if not runs or known != last or len(runs[-1]) == GUARD_RUN:
            runs.append([])
        runs[-1].append(pattern)
        last = known
    return runs


def _two_char_guard(run) -> str | None:
    """A look-ahead body admitting the first two characters of every literal start of the run's
    patterns (``wh|t[ae]``: a branch on the first character, which re tests in one comparison
    each), or None when a pattern of the run has no literal start (see :func:`literal_starts`) or
    one outside ASCII. Where most words of a text start with a letter some alternative starts
    with, the second character still turns most of them away."""
    heads: dict[str, set[str]] = {}
    for pattern in run:
        starts = _start_of(pattern)[0]
        if starts is None or not all(start.isascii() for start in starts):
            return None
        for start in starts:
            heads.setdefault(start[0], set()).add(start[1])
    return "|".join(re.escape(first) + (re.escape(*seconds) if len(seconds) == 1 else
                                        f"[{''.join(map(re.escape, sorted(seconds)))}]")
                    for first, seconds in sorted(heads.items()))


def _first_chars(pattern: str) -> set[str] | None:
    """The lower-cased ASCII characters a match of ``pattern`` can start with (matched ignoring
    case), or None when unknown or when it can match the empty string."""
    try:
        found = _first_of(list(_parsed(pattern)))
    except (re.error, RecursionError, OverflowError, TypeError):
        return None
    return None if found is None or found[1] else found[0]


def _first_of(items):
    """(first characters, whether the sequence can match empty), or None when unknown."""
    from re import _constants as c

    out = set()
    for op, arg in items:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero-width: the next piece starts the match
            continue
        if op is c.LITERAL:
            found = ({chr(arg)}, False)
        elif op is c.IN:
            found = _set_chars(arg, c)
        elif op is c.SUBPATTERN:
            found = _first_of(arg[-1])
        elif op is c.BRANCH:
            found = (set(), False)
            for branch in arg[1]:
                inner = _first_of(branch)
                if inner is None:
                    return None
                found = (found[0] | inner[0], found[1] or inner[1])
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            inner = _first_of(arg[2])
            found = None if inner is None else (inner[0], inner[1] or arg[0] == 0)
        else:
            return None
        if found is None or not all(ch.isascii() for ch in found[0]):
            return None
        out |= {ch.lower() for ch in found[0]}
        if not found[1]:
            return out, False
    return out, True


def _set_chars(items, c):
    chars = set()
    for op, arg in items:
        if op is c.LITERAL:
            chars.add(chr(arg))
        elif op is c.RANGE and arg[1] < 128:
            chars.update(map(chr, range(arg[0], arg[1] + 1)))
        else:  # a category (\\w), a negation, a character outside ASCII: unknown
            return None
    return chars, False


# flags that change how re parses a pattern; the others (case, multi-line, dot-all) change only
# how the parsed pattern is compiled, so one parse serves every reading below
_PARSE_FLAGS = re.VERBOSE | re.ASCII | re.LOCALE | re.UNICODE


def _parsed(pattern: str, flags: int = 0):
    """re's parse tree of ``pattern`` (``re.error`` when it does not parse), read once however many
    of the readings below (needles, first characters, literal starts, ranges) ask for it. Nothing
    here changes a tree."""
    return _parse(pattern, flags & _PARSE_FLAGS)


@lru_cache(maxsize=16)  # the readings of one pattern come together; a tree kept longer costs the collector
def _parse(pattern: str, flags: int):
    import re._parser as parser  # the parse tree re compiles from; no public API exposes it

    return parser.parse(pattern, flags)


class NeedleIndex:
    """Which of many literal strings occur in a text, found in one pass over it.

    The catalogue rules ask of one text, entry after entry, whether any of a pattern's literal
    pieces occurs in it: some sixty questions of each question's text, each a scan of the whole
    text for a few strings, most of them absent. An Aho-Corasick automaton of every piece asked
    about (pyahocorasick, in C) finds all of them in one pass, and each question becomes a set
    lookup. The answers are the scans' own; only the work differs:

    * a piece shorter than ``SHORT`` ("in", "as", "the") occurs almost everywhere, so it would make
      the pass report thousands of places; it is still looked for on its own, a scan that stops
      early because it is found early;
    * a piece first asked about after the automaton was built is looked for on its own too, until
      such pieces are as many as half of those built in (``REBUILD_AT`` at least): then the
      automaton is built again with them, so a run builds it a handful of times.
    """

    SHORT = 4
    REBUILD_AT = 64
    CACHE = 256  # texts whose pieces are kept (a question's texts are read together)

    def __init__(self):
        self._built: frozenset[str] = frozenset()
        self._pending: set[str] = set()
        self._automaton = None
        self._found: dict[str, set[str]] = {}
        self._splits: dict[tuple[str, ...], tuple[frozenset[str], tuple[str, ...]]] = {}

    def any_in(self, strings: tuple[str, ...], lowered: str) -> bool:
        """``any(s in lowered for s in strings)``; ``strings`` and ``lowered`` lower-cased."""
        split = self._splits.get(strings)
        if split is None:
            split = self._split(strings)
        known, other = split
        return bool(known and not self._present(lowered).isdisjoint(known)) or any(map(lowered.__contains__, other))

    def _split(self, strings):
        """The strings the automaton finds, and the others; kept until the automaton is rebuilt."""
        long = {s for s in strings if len(s) >= self.SHORT}
        if not long <= self._built:
            self._pending |= long - self._built
            if len(self._pending) >= max(self.REBUILD_AT, len(self._built) // 2):
                self._rebuild()
        known = frozenset(long & self._built)
        split = self._splits[strings] = known, tuple(s for s in strings if s not in known)
        return split

    def _rebuild(self) -> None:
        import ahocorasick

        words = self._built | self._pending
        automaton = ahocorasick.Automaton()
        for word in words:
            automaton.add_word(word, word)
        automaton.make_automaton()
        self._automaton, self._built = automaton, frozenset(words)
        self._pending.clear()
        self._found.clear()
        self._splits.clear()  # each split was made with the pieces built in before

    def _present(self, lowered: str) -> set[str]:
        found = self._found.get(lowered)
        if found is None:
            found = {word for _, word in self._automaton.iter(lowered)}
            if len(self._found) >= self.CACHE:
                self._found.clear()
            self._found[lowered] = found
        return found


PIECES = NeedleIndex()  # every literal piece asked about in this process, found in one pass over each text


@lru_cache(maxsize=2048)
def compile_pattern(pattern: str, flags: int = 0) -> Matcher:
    """The matcher of one catalogue pattern (``re.error`` when it does not compile)."""
    return Matcher(pattern, flags)


@lru_cache(maxsize=256)
def _lower(text: str) -> str:
    return text.lower()


def needles(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Lower-cased literal strings at least one of which every match of ``pattern`` contains, or
    None when no such set is known (then the pattern always runs).

    Read from the parsed pattern: a run of pieces that spell few fixed strings (literal
    characters, sets of them, alternations of such runs, one of them made optional) gives those
    strings; an alternation gives the union of its alternatives' needles (each must have some);
    a group or a repeat taken at least once gives its body's. Of a sequence's candidates the one
    whose shortest needle is longest (up to four characters; then the fewest needles) is kept;
    needles shorter than two characters, or holding characters other than ASCII (which may
    match ASCII text ignoring case), are not used. Over ASCII text, lower-casing both sides
    keeps the test true wherever the pattern matches, case-insensitive or not, so skipping text
    that holds no needle never changes a result."""
    try:
        found = _needles_of(list(_parsed(pattern, flags)))
    except (re.error, RecursionError, OverflowError, TypeError):
        return None
    if not found:
        return None
    return tuple(sorted(_shortest_only(set(found))))


def _shortest_only(found: set[str]) -> list[str]:
    """The needles that hold no other: one holding another adds nothing, the shorter one is there
    whenever it is. Shortest first, each tested against those kept (a needle held by a longer one
    is never dropped, so what is kept holds every needle that contains no other)."""
    kept: list[str] = []
    for needle in sorted(found, key=len):
        if not any(other in needle for other in kept):
            kept.append(needle)
    return kept


NEEDLE_TEXT_RATIO = 8  # needles are looked for only in text at least this many characters per needle long
NEEDLE_PRODUCT_LIMIT = 64  # the most strings a run of fixed pieces ("(np|numpy)\\.(float|int)") spells out


def _needles_of(items) -> list[str] | None:
    from re import _constants as c

    candidates, run = [], [""]  # run: the strings the current run of fixed pieces spells

    def close_run():
        if any(run):
            found = {text.lower() for text in run}
            if all(len(text) >= 2 and text.isascii() for text in found):
                candidates.append(sorted(found))
        run[:] = [""]

    for op, arg in items:
        exact = _exact(op, arg, c)
        if exact is not None and len(run) * len(exact) <= NEEDLE_PRODUCT_LIMIT:
            run[:] = [a + b for a in run for b in exact]
            continue
        close_run()
        if exact is not None:  # too many spellings to join on: start a new run with this piece
            run[:] = exact
            continue
        inner = None
        if op is c.BRANCH:
            inner = []
            for branch in arg[1]:
                found = _needles_of(list(branch))
                if found is None:
                    inner = None
                    break
                inner += found
        elif op is c.SUBPATTERN:
            inner = _needles_of(list(arg[-1]))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and arg[0] >= 1:
            inner = _needles_of(list(arg[2]))
        elif op is c.ATOMIC_GROUP:
            inner = _needles_of(list(arg))
        if inner:
            candidates.append(inner)
    close_run()
    if not candidates:
        return None
    # past four characters a needle is rare enough: then fewer needles, fewer scans
    return max(candidates, key=lambda found: (min(4, *map(len, found)), -len(found)))


def _exact(op, arg, c) -> list[str] | None:
    """The strings a piece of a pattern matches when they are few and fixed (a literal, a set of
    literal characters, an alternation or group of such pieces, one made optional), else None."""
    if op is c.LITERAL:
        return [chr(arg)]
    if op is c.IN:
        if all(item_op is c.LITERAL for item_op, _ in arg) and len(arg) <= 8:
            return [chr(item_arg) for _, item_arg in arg]
        return None
    if op is c.SUBPATTERN:
        return _exact_sequence(list(arg[-1]), c)
    if op is c.BRANCH:
        out = []
        for branch in arg[1]:
            found = _exact_sequence(list(branch), c)
            if found is None:
                return None
            out += found
        return out if len(out) <= NEEDLE_PRODUCT_LIMIT else None
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and arg[0] == 0 and arg[1] == 1:
        found = _exact_sequence(list(arg[2]), c)
        return None if found is None else ["", *found]
    return None


def _exact_sequence(items, c) -> list[str] | None:
    out = [""]
    for op, arg in items:
        found = _exact(op, arg, c)
        if found is None or len(out) * len(found) > NEEDLE_PRODUCT_LIMIT:
            return None
        out = [a + b for a in out for b in found]
    return out


def _folded_pattern(pattern: str, flags: int) -> re.Pattern | None:
    """``pattern`` lower-cased and compiled case-sensitively, or None when that would not be the
    same as matching it ignoring case over ASCII text."""
    if _unsafe(pattern) or not _ranges_survive(pattern):
        return None
    lowered = _ESCAPE_OR_UPPER.sub(lambda m: m.group(0) if m.group(0).startswith("\\") else m.group(0).lower(),
                                   pattern)
    try:
        return re.compile(lowered, flags)
    except re.error:
        return None


def _unsafe(pattern: str) -> bool:
    """An inline flag, or an escape that lower-casing the pattern would not lower-case the way the text
    is: a cased letter spelled by its number ("\\x41"), a character by name or an octal or group
    number. A character by number that has no case ("\\u2013", an en dash; "\\x27", an
    apostrophe) reads the same either way."""
    if _INLINE_FLAGS.search(pattern):
        return True
    for escape in _ESCAPE.finditer(pattern):
        piece = escape.group(0)
        if len(piece) > 2:  # \xhh, \uhhhh, \Uhhhhhhhh
            code = int(piece[2:], 16)
            if code > 0x10FFFF:  # no such character: left to re, which reports it
                return True
            char = chr(code)
            if char.lower() != char or char.upper() != char:
                return True
        elif piece[1] in "xuUN01234567":
            return True
    return False


def _ranges_survive(pattern: str) -> bool:
    """Every character range either holds no letter or lies within one case's letters, so that
    lower-casing its ends describes the lower-cased characters it matches."""
    if not _MAY_HOLD_RANGE.search(pattern):
        return True  # no set holds a `-` between two characters: no range to check
    # the sets alone, each parsed on its own: a cue is a long alternation with a few short sets,
    # and parsing all of it here cost more than compiling it
    sets = _sets(pattern)
    if not sets:  # none found where one may be, or a bracket a comment could hide: read the whole
        return _ranges_survive_whole(pattern)
    try:
        trees = [_parse(piece, 0) for piece in sets if _MAY_HOLD_RANGE.search(piece)]
    except (re.error, RecursionError, OverflowError):
        return _ranges_survive_whole(pattern)  # a set that reads otherwise on its own: read the whole
    return all(_range_ok(low, high) for tree in trees for low, high in _ranges(tree))


def _ranges_survive_whole(pattern: str) -> bool:
    """``_ranges_survive`` read from the whole pattern's parse."""
    try:
        tree = _parsed(pattern)
    except (re.error, RecursionError, OverflowError):
        return False
    return all(_range_ok(low, high) for low, high in _ranges(tree))


def _sets(pattern: str) -> list[str] | None:
    """The character sets of ``pattern`` as written ("[a-z]", "[^]x-]"), read as ``re`` reads them
    outside verbose mode; None when a comment group could hide a bracket, or a set is not closed."""
    if "(?#" in pattern:
        return None
    out, at, end = [], 0, len(pattern)
    while at < end:
        char = pattern[at]
        if char == "\\":
            at += 2
        elif char == "[":
            close = at + 1
            close += pattern.startswith("^", close)
            close += pattern.startswith("]", close)  # a `]` first in a set is itself
            while close < end and pattern[close] != "]":
                close += 2 if pattern[close] == "\\" else 1
            if close >= end:
                return None
            out.append(pattern[at:close + 1])
            at = close + 1
        else:
            at += 1
    return out


def _range_ok(low: int, high: int) -> bool:
    lower, upper = (ord("a"), ord("z")), (ord("A"), ord("Z"))
    inside = any(a <= low and high <= b for a, b in (lower, upper))
    touches = any(low <= b and a <= high for a, b in (lower, upper))
    return inside or not touches


def _ranges(items):
    for op, arg in items:
        name = str(op)
        if name == "IN":
            for item_op, item_arg in arg:
                if str(item_op) == "RANGE":
                    yield item_arg
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            yield from _ranges(arg[2])
        elif name == "SUBPATTERN":
            yield from _ranges(arg[-1])
        elif name == "ATOMIC_GROUP":
            yield from _ranges(arg)
        elif name == "BRANCH":
            for branch in arg[1]:
                yield from _ranges(branch)
        elif name in ("ASSERT", "ASSERT_NOT"):
            yield from _ranges(arg[1])
        elif name == "GROUPREF_EXISTS":
            for branch in arg[1:]:
                if branch is not None:
                    yield from _ranges(branch)


def literal_starts(pattern: str) -> tuple[str, ...] | None:
    """Lower-case literal strings, two characters or longer, one of which every match of
    ``pattern`` starts with; None when it has no such start (then it must always run)."""
    try:
        found = _starts(list(_parsed(pattern, re.IGNORECASE)))
    except Exception:  # noqa: BLE001 - an unusual pattern simply runs unfiltered
        return None
    if not found or any(len(prefix) < 2 for prefix in found):
        return None
    return tuple(sorted(set(found)))


def _starts(items) -> list[str] | None:
    from re import _constants as c

    index = 0
    while index < len(items) and items[index][0] in (c.AT, c.ASSERT, c.ASSERT_NOT):
        index += 1  # zero-width: \b, ^, look-arounds
    if index == len(items):
        return None
    op, arg = items[index]
    if op is c.LITERAL:
        chars = []
        while index < len(items) and items[index][0] is c.LITERAL:
            chars.append(chr(items[index][1]))
            index += 1
        return _lengthened(["".join(chars)], items, index)
    if op is c.BRANCH:
        out = []
        for branch in arg[1]:
            found = _starts(list(branch))
            if found is None:
                return None
            out += found
        return out
    if op is c.SUBPATTERN:
        found = _starts(list(arg[-1]))
        if found and all(len(prefix) >= 2 for prefix in found):
            return found
    exact = _exact(op, arg, c)  # a set of characters, or a group of fixed strings ("(k|several)")
    return None if exact is None else _lengthened(exact, items, index + 1)


def _lengthened(strings: list[str], items, index: int) -> list[str]:
    """Starts too short to scan for ("p", or "n" when re has factored "(np|numpy)" into "n(p|umpy)"),
    lengthened by the fixed pieces that follow them: "p" then "(50|99)" gives "p50" and "p99"."""
    from re import _constants as c

    while index < len(items) and min(map(len, strings)) < 2:
        found = _exact(*items[index], c)
        if found is None or len(strings) * len(found) > NEEDLE_PRODUCT_LIMIT:
            break
        strings = [a + b for a in strings for b in found]
        index += 1
    return [text.lower() for text in strings]
