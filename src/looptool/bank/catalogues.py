"""Text catalogues as data: stale topics, landmark algorithms, phrase lists.

Each catalogue is ``src/looptool/data/<name>.yaml`` holding a mapping with an
``entries`` list. Rules read them through ``ctx.catalogue(name)``, which adds
the entries a user's configuration supplies (``[tool.looptool.catalogues]``)
after the bundled ones.
"""

from __future__ import annotations

from functools import cache

import yaml

from looptool.bank.resources import data_path


@cache
def bundled(name: str) -> tuple:
    """The bundled entries of one catalogue (trusted package data)."""
    path = data_path(f"{name}.yaml")
    if not path.exists():
        return ()
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    return tuple(data.get("entries", ()))


def available() -> list[str]:
    return sorted(p.stem for p in data_path("").glob("*.yaml"))
