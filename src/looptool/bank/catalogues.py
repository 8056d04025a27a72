"""Text catalogues as data: stale topics, landmark algorithms, phrase lists.

Each catalogue is ``src/looptool/data/<name>.yaml`` holding a mapping with an
``entries`` list. Rules read them through ``ctx.catalogue(name)``, which adds
the entries a user's configuration supplies (``[tool.looptool.catalogues]``)
after the bundled ones.
"""

from __future__ import annotations

import re
from functools import cache
from re._constants import MAXREPEAT

import yaml

from looptool.bank.resources import data_path

# libyaml's loader reads the same values as the pure-Python one, ten times faster
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# the entry keys whose strings are regular expressions (the others are words, names or prose);
# tests/test_catalogue.py checks every bundled value of these keys with pattern_problem
PATTERN_KEYS = {
    "stale_topics": ("all", "any", "unless"),
    "landmark_algorithms": ("all", "any", "unless", "names", "own_names", "mechanism"),
    "method_phrases": ("patterns",),
    "ml_coding_patterns": ("patterns",),
    "question_cues": ("start", "anywhere", "unless"),
    "type_indicators": ("patterns",),
}


@cache
def bundled(name: str) -> tuple:
    """The bundled entries of one catalogue (trusted package data)."""
    path = data_path(f"{name}.yaml")
    if not path.exists():
        return ()
    with open(path, encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=_LOADER) or {}
    return tuple(data.get("entries", ()))


# read by the question-analysis layer, which is pure and sees only the bundled data: a configured
# entry would change nothing, so a configuration may not extend them (it is told so, not ignored)
BUNDLED_ONLY = frozenset({"question_cues", "skill_cues"})


def available() -> list[str]:
    return sorted(p.stem for p in data_path("").glob("*.yaml"))


def extendable() -> list[str]:
    """The catalogues a configuration may add entries to."""
    return [name for name in available() if name not in BUNDLED_ONLY]


def shape(value) -> str:
    """A value's kind as catalogues use them: ``str``, ``date``, ``list[str]``, ``list[mapping]`` ..."""
    if isinstance(value, list):
        inner = sorted({shape(item) for item in value})
        return f"list[{'|'.join(inner)}]" if inner else "list"
    return {"str": "str", "dict": "mapping", "date": "date", "bool": "bool", "int": "number",
            "float": "number"}.get(type(value).__name__, type(value).__name__)


def shapes(name: str) -> dict[str, set[str]]:
    """Key -> the kinds its values take in the bundled catalogue (an empty list fits any list)."""
    out: dict[str, set[str]] = {}
    for entry in bundled(name):
        for key, value in entry.items():
            out.setdefault(key, set()).add(shape(value))
    return out


_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


def pattern_problem(pattern) -> str | None:
    """What makes ``pattern`` unfit to run over every question, or None.

    It must compile (case-insensitively, as the rules use it), and nothing
    repeated without bound may itself hold a repeat without bound
    (``(\\w+\\s?)+``): ``re`` has no timeout, and such nesting can backtrack
    for longer than any bank takes to lint. The check reads the parsed pattern,
    so it costs no matching time and no clock; it is cautious, so a safe
    pattern of that shape is refused too (bound the outer repeat, ``{0,5}``).
    """
    import re._parser as parser  # the parse tree re compiles from; no public API exposes it

    if not isinstance(pattern, str):
        return f"must be a string, not {shape(pattern)}"
    try:
        tree = parser.parse(pattern, re.IGNORECASE)
        re.compile(pattern, re.IGNORECASE)
    except (re.error, RecursionError, OverflowError) as exc:
        return f"is not a valid regular expression: {exc}"
    if _nested_repeat(tree):
        return ("repeats without bound a part that itself repeats without bound (like `(\\w+\\s?)+`), which "
                "can take exponential time; bound the outer repeat, e.g. `{0,5}`")
    return None


def _nested_repeat(items) -> bool:
    return any(_unbounded(op, arg) and any(_unbounded(*inner) for inner in _walk(arg[2]))
               for op, arg in _walk(items))


def _unbounded(op, arg) -> bool:
    return str(op) in _REPEATS and arg[1] == MAXREPEAT


def _walk(items):
    for op, arg in items:
        yield op, arg
        name = str(op)
        if name in _REPEATS:
            yield from _walk(arg[2])
        elif name == "SUBPATTERN":
            yield from _walk(arg[-1])
        elif name == "BRANCH":
            for branch in arg[1]:
                yield from _walk(branch)
        elif name in ("ASSERT", "ASSERT_NOT"):
            yield from _walk(arg[1])
