"""Text catalogues as data: stale topics, landmark algorithms, phrase lists.

Each catalogue is ``src/looptool/data/<name>.yaml`` holding a mapping with an
``entries`` list. Rules read them through ``ctx.catalogue(name)``, which adds
the entries a user's configuration supplies (``[tool.looptool.catalogues]``)
after the bundled ones.

Every catalogue, bundled or configured, is checked against its entry shape
in ``schemas/catalogues.schema.json`` when it is read, so a bad entry stops
the run with a message naming the file, the entry and the key (exit 2)
instead of failing somewhere in a rule. Strings of format ``pattern`` are
regular expressions: a configured one must compile and be safe to run
(:func:`pattern_problem`) before any file is linted. A bundled one is
checked for that by the test suite, and only when it fails to compile at
run time is its catalogue checked again in full, for the message; this
keeps hundreds of compilations off every run.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from re._constants import MAXREPEAT

import yaml

from looptool.bank.resources import data_path
from looptool.bank.schema import load_schema, valid_date
from looptool.errors import UsageError

# libyaml's loader reads the same values as the pure-Python one, ten times faster
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SCHEMA = "catalogues"  # schemas/catalogues.schema.json: one $defs member per catalogue


class CatalogueError(UsageError):
    """A catalogue entry that does not fit its schema: one line naming where, exit 2."""


def __getattr__(name: str):
    if name == "PATTERN_KEYS":  # read from the schema on first use, not when the module loads
        return pattern_keys()
    raise AttributeError(name)


@cache
def pattern_keys() -> dict[str, tuple[str, ...]]:
    """Catalogue -> the entry keys whose strings are regular expressions (format `pattern`)."""
    found = {name: tuple(key for key, prop in entry["properties"].items()
                         if prop.get("items", {}).get("format") == "pattern")
             for name, entry in _schema()["$defs"].items()}
    return {name: keys for name, keys in found.items() if keys}


@cache
def _schema() -> dict:
    return load_schema(SCHEMA)


@cache
def bundled(name: str) -> tuple:
    """The bundled entries of one catalogue, checked against the schema."""
    path = data_path(f"{name}.yaml")
    if not path.exists():
        return ()
    try:
        with open(path, encoding="utf-8") as handle:
            loader = _LOADER(handle)  # what yaml.safe_load does, with libyaml's safe loader
            try:
                data = loader.get_single_data()
            finally:
                loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f":{mark.line + 1}" if mark is not None else ""
        raise CatalogueError(f"{path}{at}: catalogue `{name}` is not valid YAML "
                             f"({getattr(exc, 'problem', None) or exc})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogueError(f"{path}: cannot read catalogue `{name}` ({exc})") from None
    data = {} if data is None else data
    if not isinstance(data, dict) or not isinstance(data.get("entries", []), list):
        raise CatalogueError(f"{path}: catalogue `{name}` must be a mapping whose `entries` is a list")
    entries = tuple(data.get("entries") or ())
    problem = first_problem(name, entries, patterns=False)
    if problem:
        raise CatalogueError(f"{path}: catalogue `{name}` {problem}")
    return entries


def compile_error(exc, names=None, pattern=None) -> CatalogueError:
    """The error for bundled patterns that failed to compile at run time (``re.error`` ``exc``),
    naming the file, entry and key of the first pattern of catalogues ``names`` (default: all) that
    does not compile on its own."""
    for name in names or available():
        for number, entry in enumerate(bundled(name), 1):
            for key in pattern_keys().get(name, ()):
                for pattern in entry.get(key, ()) if isinstance(entry, dict) else ():
                    try:
                        re.compile(pattern, re.IGNORECASE)
                    except re.error as own:
                        return CatalogueError(f"{data_path(name + '.yaml')}: catalogue `{name}` entry {number}: "
                                              f"`{key}` pattern {pattern!r} is not a valid regular expression: {own}")
    what = f"catalogue pattern {pattern!r}" if pattern is not None else "a catalogue pattern"
    return CatalogueError(f"{what} is not a valid regular expression: {exc}")


def first_problem(name: str, entries, *, patterns: bool = True, labels: bool = True) -> str | None:
    """What is wrong with the first entry of ``name`` that does not fit the schema ("entry 3 (`x`):
    `all` must be ..."), or None. ``patterns``: also compile every pattern and check it is safe;
    ``labels``: name the entry by its id or kind too (a long bundled file), not only its number."""
    if name not in _schema()["$defs"]:
        return "has no schema (add its entry shape to schemas/catalogues.schema.json)"
    plain = [_plain(entry) for entry in entries]
    if _fast(name, patterns)(plain):
        return None
    for number, (entry, shown) in enumerate(zip(entries, plain), 1):
        message = _entry_problem(name, entry, shown, patterns)
        if message:
            label = next((entry[k] for k in ("id", "kind", "type", "indicator", "skill", "level", "restricted")
                          if labels and isinstance(entry, dict) and isinstance(entry.get(k), str)), None)
            where = f"entry {number}" + (f" (`{label}`)" if label else "")
            return f"{where}{message}"
    return None


def _plain(entry):
    """The entry as JSON would hold it: dates (YAML and TOML read them as dates) become strings."""
    if not isinstance(entry, dict):
        return entry
    return {key: value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value
            for key, value in entry.items()}


def _pattern_format(patterns: bool):
    return (lambda value: pattern_problem(value) is None) if patterns else (lambda value: True)


_TYPES = {"object": dict, "array": list, "string": str, "boolean": bool}


def _fits(schema: dict, value, patterns: bool) -> bool:
    """Whether ``value`` fits ``schema``: a yes/no reading of the JSON Schema keywords the
    catalogue schema uses (jsonschema, a slower import, explains a no). Reading the schema costs
    about a millisecond for every bundled catalogue, where compiling it to code costs a hundred."""
    for keyword, rule in schema.items():
        if keyword in _IGNORED:
            continue
        check = _KEYWORDS.get(keyword)
        if check is None:
            raise ValueError(f"catalogue schema keyword `{keyword}` is not supported by _fits")
        if not check(rule, value, schema, patterns):
            return False
    return True


def _type(rule, value, schema, patterns) -> bool:
    if rule == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, _TYPES[rule]) and not (rule != "boolean" and isinstance(value, bool))


def _when(kind, test):
    """A keyword that applies only to values of one JSON type."""
    return lambda rule, value, schema, patterns: not isinstance(value, kind) or test(rule, value, schema, patterns)


def _if(rule, value, schema, patterns) -> bool:
    if not _fits(rule, value, patterns):
        return True
    return _fits(schema.get("then", {}), value, patterns)


_KEYWORDS = {
    "type": _type,
    "$ref": lambda rule, value, schema, patterns: _fits(_schema()["$defs"][rule.rsplit("/", 1)[1]], value, patterns),
    "properties": _when(dict, lambda rule, value, schema, patterns: all(
        _fits(rule[key], item, patterns) for key, item in value.items() if key in rule)),
    "additionalProperties": _when(dict, lambda rule, value, schema, patterns: rule is not False or all(
        key in schema.get("properties", {}) for key in value)),
    "required": _when(dict, lambda rule, value, schema, patterns: all(key in value for key in rule)),
    "anyOf": lambda rule, value, schema, patterns: any(_fits(option, value, patterns) for option in rule),
    "if": _if,
    "enum": lambda rule, value, schema, patterns: value in rule,
    "const": lambda rule, value, schema, patterns: value == rule,
    "items": _when(list, lambda rule, value, schema, patterns: all(_fits(rule, item, patterns) for item in value)),
    "minItems": _when(list, lambda rule, value, schema, patterns: len(value) >= rule),
    "minLength": _when(str, lambda rule, value, schema, patterns: len(value) >= rule),
    "minimum": lambda rule, value, schema, patterns: not _type("integer", value, {}, patterns) or value >= rule,
    "format": _when(str, lambda rule, value, schema, patterns: valid_date(value) if rule == "date" else
                    _pattern_format(patterns)(value) if rule == "pattern" else True),
}
_IGNORED = {"description", "then", "$schema", "$id", "title", "$defs"}


def _fast(name: str, patterns: bool):
    """A yes/no check of a list of entries of catalogue ``name``."""
    entry = _schema()["$defs"][name]
    return lambda entries: all(_fits(entry, item, patterns) for item in entries)


_RANK = {"additionalProperties": 0, "required": 2, "anyOf": 2, "then": 2}


def _entry_problem(name, entry, shown, patterns) -> str | None:
    """The first schema error of one entry, in a sentence (unknown keys first, missing keys last)."""
    from jsonschema import Draft202012Validator, FormatChecker  # only on the error path: a slow import

    schema = {**_schema()["$defs"][name], "$defs": _schema()["$defs"]}
    checker = FormatChecker(formats=())
    checker.checks("date")(valid_date)
    checker.checks("pattern")(_pattern_format(patterns))
    errors = sorted(Draft202012Validator(schema, format_checker=checker).iter_errors(shown),
                    key=lambda e: (_RANK.get(e.validator, 1), [str(p) for p in e.absolute_path]))
    if not errors:
        return None
    error = errors[0]
    props = _schema()["$defs"][name].get("properties", {})
    path = list(error.absolute_path)
    if not isinstance(entry, dict):
        return f" must be a mapping, not {shape(entry)} ({entry!r})"
    if error.validator == "additionalProperties":
        unknown = sorted(str(key) for key in entry if key not in props)
        return f" has unknown key `{unknown[0]}` (keys: {', '.join(sorted(props))})"
    if error.validator in ("required", "anyOf") and not path:
        options = [e["required"] for e in error.validator_value] if error.validator == "anyOf" else \
            [[k] for k in error.validator_value if k not in entry]
        needed = " or ".join("`" + "` and `".join(keys) + "`" for keys in options)
        return f": needs {needed}"
    key = str(path[0]) if path else "entry"
    value = entry.get(key)
    if error.validator == "format" and error.validator_value == "pattern":
        return f": `{key}` pattern {error.instance!r} {pattern_problem(error.instance)}"
    if error.validator == "format" and error.validator_value == "date":
        return f": `{key}` must be a date (YYYY-MM-DD), not {error.instance!r}"
    if error.validator == "type":
        return f": `{key}` must be {_describe(props.get(key, {}))}, not {shape(value)} ({value!r})"
    if error.validator == "enum":
        return f": `{key}` must be one of {', '.join(map(str, error.validator_value))}, not {error.instance!r}"
    if error.validator in ("minItems", "minLength"):
        return f": `{key}` must not be empty"
    if error.validator == "minimum":
        return f": `{key}` must be at least {error.validator_value}, not {error.instance!r}"
    return f": `{key}`: {error.message}"


def _describe(prop: dict) -> str:
    """A property's expected kind, in the words :func:`shape` uses."""
    kind = prop.get("type")
    if kind == "array":
        return f"list[{_describe(prop.get('items', {}))}]"
    if "enum" in prop:
        return "one of " + ", ".join(map(str, prop["enum"]))
    return {"string": "str", "integer": "number", "number": "number", "object": "mapping",
            "boolean": "bool"}.get(kind, "a value")


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
