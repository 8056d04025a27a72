"""Where the bundled bank and schemas live, installed or in a source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # src/looptool


@cache
def bundled_root() -> Path:
    """The folder holding ``loops/`` and ``schemas/``.

    A wheel installs them under ``looptool/_bundled``; an editable install or a
    source checkout has them at the repository root.
    """
    installed = _PACKAGE / "_bundled"
    if (installed / "loops").is_dir():
        return installed
    return _PACKAGE.parent.parent


def bundled_bank() -> Path:
    return bundled_root() / "loops"


def schema_path(name: str) -> Path:
    return bundled_root() / "schemas" / f"{name}.schema.json"


def data_path(name: str) -> Path:
    return _PACKAGE / "data" / name
