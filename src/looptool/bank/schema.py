"""JSON Schema validation of loaded sections, with errors placed on lines.

Each list item (a question, a role, ...) is validated on its own, so an
invalid item is reported and left out of the model while its neighbours are
still linted. Error messages are rewritten into plain sentences and placed on
the offending value, or on the offending key for unknown fields, or on the
nearest ancestor when the value is missing.
"""

from __future__ import annotations

import difflib
import json
from functools import cache

from looptool.bank.resources import schema_path


@cache
def load_schema(name: str) -> dict:
    with open(schema_path(name), encoding="utf-8") as handle:
        return json.load(handle)


@cache
def item_validator(section_schema: str):
    """A compiled validator for one item of a section (e.g. one question)."""
    from jsonschema import Draft202012Validator, FormatChecker

    schema = load_schema(section_schema)
    (item_def,) = schema["$defs"].values()
    return Draft202012Validator(item_def, format_checker=FormatChecker())


def valid_date(value) -> bool:
    """Whether ``value`` is a YYYY-MM-DD date string (the schemas' `date` format)."""
    import datetime as dt

    try:
        dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


@cache
def fast_validator(section_schema: str):
    """A compiled (generated-code) check of one item: True/False only.

    fastjsonschema turns the schema into straight-line Python, an order of
    magnitude faster than interpreting it; the item schemas use only
    keywords it shares with draft 2020-12. Items it rejects go through
    jsonschema for the precise, positioned messages.
    """
    import fastjsonschema

    schema = load_schema(section_schema)
    (item_def,) = schema["$defs"].values()
    check = fastjsonschema.compile(dict(item_def), formats={"date": valid_date})

    def is_valid(item) -> bool:
        try:
            check(item)
        except fastjsonschema.JsonSchemaException:
            return False
        return True

    return is_valid


def _type_name(value) -> str:
    return {
        dict: "a mapping", list: "a list", str: "a string", int: "an integer",
        float: "a number", bool: "true/false", type(None): "nothing (null)",
    }.get(type(value), type(value).__name__)


def _expected(schema_type) -> str:
    names = {"object": "a mapping", "array": "a list", "string": "a string", "integer": "an integer",
             "number": "a number", "boolean": "true or false", "null": "null"}
    if isinstance(schema_type, list):
        return " or ".join(names.get(t, t) for t in schema_type)
    return names.get(schema_type, schema_type)


def _field(path) -> str:
    for part in reversed(path):
        if isinstance(part, str):
            return part
    return "value"


def validate_item(section_schema: str, item):
    """Yield ``(relative_path, message, on_key)`` for each schema problem."""
    if fast_validator(section_schema)(item):
        return
    validator = item_validator(section_schema)
    errors = sorted(validator.iter_errors(item), key=lambda e: (list(map(str, e.absolute_path)), e.message))
    for error in errors:
        path = tuple(error.absolute_path)
        kind, value, schema = error.validator, error.instance, error.schema
        if kind == "additionalProperties" and isinstance(value, dict):
            allowed = list(schema.get("properties", {}))
            for key in value:
                if key not in allowed:
                    hint = difflib.get_close_matches(key, allowed, n=1)
                    more = f"; did you mean `{hint[0]}`?" if hint else f"; allowed: {', '.join(allowed)}"
                    yield (*path, key), f"unknown field `{key}`{more}", True
            continue
        if kind == "required":
            # jsonschema reports each missing field as its own error, naming it first in the message
            name = error.message.split("'")[1] if error.message.startswith("'") else "?"
            yield path, f"missing required field `{name}`", False
            continue
        where = _field(path)
        if kind == "type":
            message = f"`{where}` must be {_expected(error.validator_value)}, not {_type_name(value)}"
        elif kind == "enum":
            message = f"`{value}` is not a valid `{where}`; expected one of: {', '.join(map(str, error.validator_value))}"
        elif kind == "pattern":
            message = f"`{value}` is not a valid `{where}` (use lower-case letters, digits and dashes)"
        elif kind == "format":
            message = f"`{value}` is not a valid date (YYYY-MM-DD)"
        elif kind in ("minLength", "minProperties") or (kind == "minItems" and error.validator_value == 1):
            message = f"`{where}` must not be empty"
        elif kind == "uniqueItems":
            message = f"`{where}` lists the same item twice"
        elif kind in ("minimum", "maximum"):
            bound = "at least" if kind == "minimum" else "at most"
            message = f"`{where}` must be {bound} {error.validator_value}, not {value}"
        elif kind == "not" and list(error.validator_value) == ["required"]:
            both = error.validator_value["required"]
            message = f"use one of {' or '.join(f'`{k}`' for k in both)}, not both"
        elif kind == "anyOf" and where == "type":
            message = f"`{value}` is not a valid interview type (write `type` or `type/flavor`)"
        else:
            message = f"`{where}`: {error.message}"
        yield path, message, False
