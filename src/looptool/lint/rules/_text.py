"""Word-level text helpers for the rules that read evidence and prompts.

Words are lower-case and compared whole; a hyphenated word ("kv-cache",
"problem-solving") or one with an apostrophe ("candidate's") stays one word.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[a-z0-9]+(?:['’\-][a-z0-9]+)*")
_VOWELS = set("aeiou")


def words(text: str) -> list[str]:
    """The lower-case words of ``text``."""
    return _WORD.findall((text or "").lower().replace("’", "'"))


def has_phrase(text: str, phrase: str) -> bool:
    """Whether ``phrase`` occurs in ``text`` as whole words, ignoring case."""
    phrase = phrase.strip().lower()
    if not phrase:
        return False
    body = r"\s+".join(re.escape(part) for part in phrase.split())
    head = r"(?<![a-z0-9])" if phrase[0].isalnum() else ""
    tail = r"(?![a-z0-9])" if phrase[-1].isalnum() else ""
    return re.search(head + body + tail, (text or "").lower()) is not None


@lru_cache(maxsize=4096)
def inflections(verb: str) -> frozenset[str]:
    """A base-form verb with its -s, -ed and -ing forms (regular spelling rules)."""
    verb = verb.lower()
    forms = {verb}
    if verb.endswith("e"):
        stem = verb if verb.endswith(("ee", "ye", "oe")) else verb[:-1]
        forms |= {verb + "s", verb + "d", stem + "ing"}
    elif verb.endswith("y") and len(verb) > 2 and verb[-2] not in _VOWELS:
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    elif verb.endswith(("s", "x", "z", "ch", "sh")):
        forms |= {verb + "es", verb + "ed", verb + "ing"}
    else:
        forms |= {verb + "s", verb + "ed", verb + "ing"}
        if _doubles(verb):
            forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
    return frozenset(forms)


def _doubles(verb: str) -> bool:
    """Short consonant-vowel-consonant verbs double the last letter (stop, stopped)."""
    return (len(verb) >= 3 and verb[-1] not in _VOWELS | set("wxy") and verb[-2] in _VOWELS
            and verb[-3] not in _VOWELS and sum(c in _VOWELS for c in verb) == 1)
