"""The compiled fast path and jsonschema must agree on every item."""

from __future__ import annotations

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from looptool.bank.load import load_bank
from looptool.bank.resources import bundled_bank
from looptool.bank.schema import fast_validator, item_validator

BANK, _ = load_bank([bundled_bank()])
ITEMS = {
    "bank": [q for d in BANK.documents if isinstance(d.data, dict) for q in d.data.get("questions", [])],
    "roles": [r for d in BANK.documents if isinstance(d.data, dict) for r in d.data.get("roles", [])],
    "loops": [r for d in BANK.documents if isinstance(d.data, dict) for r in d.data.get("loops", [])],
    "interviewers": [r for d in BANK.documents if isinstance(d.data, dict) for r in d.data.get("interviewers", [])],
}
ODD_VALUES = [None, True, False, 0, 1, -1, 3.5, "", "x", "Not A Slug", "2026-02-30", "2026-01-01", [], ["a", "a"],
              ["coding"], {}, {"a": 1}, ["senior", "senior"], 10**9]


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*prefix, index))


def _mutate(item, path, action, value):
    item = copy.deepcopy(item)
    if not path:
        return value if action == "replace" else item
    parent = item
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if action == "delete":
        del parent[last]
    elif action == "replace":
        parent[last] = value
    elif action == "add" and isinstance(parent, dict):
        parent["unexpected_field"] = value
    return item


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_fast_path_agrees_with_jsonschema(data):
    kind = data.draw(st.sampled_from(sorted(ITEMS)))
    item = data.draw(st.sampled_from(ITEMS[kind]))
    path = data.draw(st.sampled_from(list(_paths(item))))
    action = data.draw(st.sampled_from(["delete", "replace", "add"]))
    value = data.draw(st.sampled_from(ODD_VALUES))
    mutated = _mutate(item, path, action, value)
    slow_ok = not list(item_validator(kind).iter_errors(mutated))
    assert fast_validator(kind)(mutated) == slow_ok, (kind, path, action, value)


def test_every_bundled_item_passes_both():
    for kind, items in ITEMS.items():
        for item in items:
            assert fast_validator(kind)(item)
            assert not list(item_validator(kind).iter_errors(item))
