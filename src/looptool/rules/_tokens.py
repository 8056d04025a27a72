"""Word-level helpers for the rules that compare or classify wording (not a rule)."""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")


def words(text: str) -> list[str]:
    """Lower-case words; hyphenated and apostrophised words stay whole."""
    return _WORD.findall((text or "").lower().replace("\u2019", "'"))


def contains_phrase(tokens: list[str], phrase: str) -> bool:
    """Whether the words of ``phrase`` occur consecutively in ``tokens``."""
    wanted = words(phrase)
    n = len(wanted)
    return n > 0 and any(tokens[i:i + n] == wanted for i in range(len(tokens) - n + 1))


def inflections(verb: str) -> set[str]:
    """A verb's base, -s, -ed and -ing forms (over-generating is harmless)."""
    forms = {verb, verb + "s", verb + "es", verb + "ed", verb + "d", verb + "ing"}
    if verb.endswith("e"):
        forms.add(verb[:-1] + "ing")
    if verb.endswith("y"):
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", verb):
        forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
    return forms
