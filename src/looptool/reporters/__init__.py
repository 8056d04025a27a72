"""Reporters render findings; the CLI picks one by name from REPORTERS."""

from __future__ import annotations

import importlib

# name -> "module:function"; each function is render(result, stream, options) -> None
REPORTERS = {
    "text": "looptool.reporters.text:render",
}


def get(name: str):
    module, func = REPORTERS[name].split(":")
    return getattr(importlib.import_module(module), func)
