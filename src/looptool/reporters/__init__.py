"""Reporters render findings; the CLI picks one by name from REPORTERS."""

from __future__ import annotations

import importlib
import os

from looptool.errors import did_you_mean

# name -> "module:function"; each function is render(result, stream, options) -> None
REPORTERS = {
    "text": "looptool.reporters.text:render",
    "json": "looptool.reporters.json_report:render",
    "github": "looptool.reporters.github:render",
    "sarif": "looptool.reporters.sarif:render",
    "junit": "looptool.reporters.junit:render",
    "markdown": "looptool.reporters.markdown:render",
}


def get(name: str):
    module, func = REPORTERS[name].split(":")
    return getattr(importlib.import_module(module), func)


def choose(name: str | None) -> str:
    """The format to use: the one asked for, else ``github`` on GitHub Actions,
    else ``text``. An unknown name raises ValueError naming the choices."""
    if name is None:
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    wanted = name.strip().lower()
    if wanted not in REPORTERS:
        raise ValueError(f"--format: expected one of {', '.join(REPORTERS)}, not `{name}`"
                         + did_you_mean(name, REPORTERS))
    return wanted
