"""A cache of question-rule findings per file content, as ruff caches per file.

Question-scope rules judge one question at a time, so their findings for a
file depend only on the file's bytes and on the run's context: looptool's
own code and catalogues, the selected rules and their options, the extra
catalogue entries, ``--today``, the role, and the bank's skills, roles and
loop templates (role-mismatch reads those). The cache key hashes all of
that, so a changed file, rule, option or date is simply a miss. Bank-wide
rules (duplicates, unfillable slots, near-duplicates) always run.

Entries live under the user's cache folder (``$LOOPTOOL_CACHE_DIR``, else
``$XDG_CACHE_HOME/looptool``, else ``~/.cache/looptool``), never beside the
bank. Any problem reading or writing the cache is ignored: it only ever
saves time. ``--no-cache`` or ``LOOPTOOL_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict
from functools import cache
from pathlib import Path

from looptool.fsutil import write_atomic
from looptool.lint.findings import Finding


def enabled(flag: bool = True) -> bool:
    return flag and os.environ.get("LOOPTOOL_NO_CACHE", "") in ("", "0")


def folder() -> Path:
    explicit = os.environ.get("LOOPTOOL_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "looptool"


@cache
def code_fingerprint() -> str:
    """A hash of looptool's own source and data: a new rule version is a new cache."""
    package = Path(__file__).resolve().parent.parent  # src/looptool: every module and catalogue
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".yaml", ".json") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def context_key(bank, codes, rule_options, catalogues, today, role) -> str:
    """Everything besides a file's bytes that question-rule findings depend on."""
    shared = [doc.data.get(kind) for doc in bank.documents if isinstance(doc.data, dict)
              for kind in ("skills", "roles", "loops")]
    fallback = [repr(getattr(bank, kind)) for kind in bank.fallback]
    payload = json.dumps([code_fingerprint(), sorted(codes), rule_options, catalogues, str(today),
                          getattr(role, "id", None), shared, fallback], sort_keys=True, default=repr)
    return hashlib.sha256(payload.encode()).hexdigest()[:32]


class FindingCache:
    def __init__(self, context: str, root: Path | None = None):
        self.dir = (root or folder()) / context[:2] / context

    def _path(self, content_hash: str) -> Path:
        return self.dir / f"{content_hash}.json"

    def get(self, content_hash: str, file: str) -> list[Finding] | None:
        try:
            rows = json.loads(self._path(content_hash).read_text(encoding="utf-8"))
            return [Finding(**{**row, "file": file, "path": tuple(row["path"])}) for row in rows]
        except (OSError, ValueError, TypeError, KeyError):
            return None

    def put(self, content_hash: str, findings: list[Finding]) -> None:
        rows = [{k: v for k, v in asdict(f).items() if k != "file"} for f in findings]
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            write_atomic(self._path(content_hash), json.dumps(rows))
        except Exception:  # noqa: BLE001 - a cache that cannot be written is just a slower run
            pass
