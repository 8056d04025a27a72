"""A cache of question-rule findings per file content, as ruff caches per file.

Question-scope rules judge one question at a time, so their findings for a
file depend only on the file's bytes and on the run's context: looptool's
own code and catalogues, the selected rules and their options, the extra
catalogue entries, ``--today``, the role, and the bank's skills, roles and
loop templates (role-mismatch reads those). The cache key hashes all of
that, so a changed file, rule, option or date is simply a miss. The findings
of the bank-wide rules (duplicates, unfillable slots, near-duplicates) are
kept as one more entry of the same context, keyed by every file's path and
content and by the per-path ignores: any change to any file runs them again.

Entries live under the user's cache folder (``$LOOPTOOL_CACHE_DIR``, else
``$XDG_CACHE_HOME/looptool``, else ``~/.cache/looptool``), never beside the
bank. Any problem reading or writing the cache is ignored: it only ever
saves time. ``--no-cache`` or ``LOOPTOOL_NO_CACHE=1`` turns it off.

An entry is trusted only when it proves itself: it names the package
version, the context and the file content it was made for, carries a
checksum of its findings, and each finding has the shape and values a rule
could have produced. Anything else (a truncated file, ``{}``, an unknown
level) is a miss, and the file is linted afresh.

The cache is bounded: after a run that added entries, only the
``MAX_CONTEXTS`` most recently used contexts (each ``--today``, selection
or option set is one) and at most ``MAX_ENTRIES`` entries are kept, the
least recently used going first, so a run a day leaves no growing pile.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
from dataclasses import asdict
from functools import cache
from pathlib import Path

from looptool import __version__
from looptool.fsutil import write_atomic
from looptool.lint.findings import LEVELS, Finding

MAX_CONTEXTS = 16
MAX_ENTRIES = 20_000  # about one per question file per context


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
    payload = json.dumps([__version__, code_fingerprint(), sorted(codes), rule_options, catalogues, str(today),
                          getattr(role, "id", None), shared, fallback], sort_keys=True, default=repr)
    return hashlib.sha256(payload.encode()).hexdigest()[:32]


_FIELDS = {f.name: f.type for f in dataclasses.fields(Finding) if f.name != "file"}


def _checksum(rows) -> str:
    return hashlib.sha256(json.dumps(rows, sort_keys=True).encode()).hexdigest()


def _valid_row(row, with_file: bool = False) -> bool:
    """Whether a cached row is a finding a rule could have made (``with_file``: naming its file)."""
    if not isinstance(row, dict) or set(row) != set(_FIELDS) | ({"file"} if with_file else set()):
        return False
    if with_file and not isinstance(row["file"], str):
        return False
    ints = ("line", "column", "document")
    return (all(type(row[k]) is int and row[k] >= 0 for k in ints)
            and all(row[k] is None or type(row[k]) is int for k in ("end_line", "end_column"))
            and all(isinstance(row[k], str) for k in ("code", "name", "message"))
            and row["level"] in LEVELS and (row["subject"] is None or isinstance(row["subject"], str))
            and isinstance(row["path"], list) and all(type(p) in (str, int) for p in row["path"])
            and isinstance(row["extra"], dict))


class FindingCache:
    def __init__(self, context: str, root: Path | None = None):
        self.root = root or folder()
        self.context = context
        self.dir = self.root / context[:2] / context

    def _path(self, content_hash: str) -> Path:
        return self.dir / f"{content_hash}.json"

    def get(self, content_hash: str, file: str | None) -> list[Finding] | None:
        """The findings cached for this content, or None (a miss) unless the entry proves itself.
        ``file``: the file they are in, or None when each row names its own (a whole-bank entry)."""
        try:
            entry = json.loads(self._path(content_hash).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict) or [entry.get(k) for k in ("version", "context", "content")] != \
                [__version__, self.context, content_hash]:
            return None
        rows = entry.get("findings")
        if not isinstance(rows, list) or entry.get("checksum") != _checksum(rows) \
                or not all(_valid_row(row, file is None) for row in rows):
            return None
        try:
            os.utime(self._path(content_hash))  # recently used: pruned last
        except OSError:
            pass
        return [Finding(**{**row, "file": row["file"] if file is None else file, "path": tuple(row["path"])})
                for row in rows]

    def put(self, content_hash: str, findings: list[Finding], keep_file: bool = False) -> None:
        """Store ``findings`` for this content; ``keep_file``: each row names its file (read back
        with ``get(content_hash, None)``)."""
        rows = [{k: v for k, v in asdict(f).items() if keep_file or k != "file"} for f in findings]
        rows = json.loads(json.dumps(rows))  # as they will read back (tuples become lists)
        entry = {"version": __version__, "context": self.context, "content": content_hash,
                 "checksum": _checksum(rows), "findings": rows}
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            write_atomic(self._path(content_hash), json.dumps(entry))
        except Exception:  # noqa: BLE001 - a cache that cannot be written is just a slower run
            pass

    def prune(self) -> None:
        """Keep the ``MAX_CONTEXTS`` most recently used contexts and ``MAX_ENTRIES`` entries."""
        try:
            os.utime(self.dir)
            contexts = sorted((d for prefix in self.root.iterdir() if prefix.is_dir() and len(prefix.name) == 2
                               for d in prefix.iterdir() if d.is_dir()), key=_age)
            for old in contexts[MAX_CONTEXTS:]:
                shutil.rmtree(old, ignore_errors=True)
            entries = sorted((e for d in contexts[:MAX_CONTEXTS] for e in d.glob("*.json")), key=_age)
            for old in entries[MAX_ENTRIES:]:
                old.unlink(missing_ok=True)
        except OSError:  # pruning, like caching, only ever saves space or time
            pass


def whole_bank_key(bank, ignored_at=None) -> str:
    """What the bank-wide rules' findings depend on besides the context: every file's path and
    content, and which rules are ignored in each file (a rule may leave a problem to another rule
    only when that one is reported there)."""
    files = sorted(bank.hashes.items())
    ignores = None if ignored_at is None else [[file, sorted(ignored_at(file))] for file, _ in files]
    payload = json.dumps(["whole-bank", files, ignores], sort_keys=True)
    return "bank-" + hashlib.sha256(payload.encode()).hexdigest()


def _age(path: Path):
    """Newest first; the name breaks ties so that the order never depends on the listing."""
    return (-path.stat().st_mtime_ns, path.name)
