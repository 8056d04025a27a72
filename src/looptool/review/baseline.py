"""Baselines: adopt looptool on an existing bank without fixing everything first.

``looptool lint --write-baseline FILE`` records today's findings;
``looptool lint --baseline FILE`` then reports only findings that are not in
it, and counts the entries whose findings are gone (fixed).

A finding is identified by a *fingerprint* that survives unrelated edits:
rule code, the id of the question (or loop, role, ...) it is about, and the
field path with list positions dropped. A finding about no item (a syntax
error, an empty file) is tied to its file instead. Line numbers and messages
are never part of it, so reformatting, reordering or moving a question to
another file changes nothing. Equal fingerprints are counted, so a second,
identical problem in the same question is still new.

The file is JSON, sorted, one entry per fingerprint (see docs/ci.md)::

    {"looptool-baseline": 1,
     "entries": [{"fingerprint": "3f2a...", "count": 1, "code": "LT008",
                  "name": "schema-violation", "subject": "top-k", "file": null,
                  "field": "questions.rubric.max", "message": "..."}]}
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from looptool.bank.load import UsageError
from looptool.fsutil import write_atomic
from looptool.review.gitrepo import repo_path

FORMAT_KEY, FORMAT_VERSION = "looptool-baseline", 1
NEVER_BASELINED = frozenset({"LT000"})  # an unreadable file is an environment problem, always exit 2


def field_of(finding) -> str:
    """The finding's JSON path without list positions: ``questions.rubric.max``."""
    return ".".join(str(part) for part in finding.path if not isinstance(part, int))


def identity(finding) -> dict:
    """The parts a fingerprint is made of, readable."""
    return {
        "code": finding.code,
        "subject": finding.subject,
        "file": None if finding.subject else repo_path(finding.file),
        "field": field_of(finding),
    }


def fingerprint(finding) -> str:
    parts = identity(finding)
    text = "\x1f".join(str(parts[key] or "") for key in ("code", "subject", "file", "field"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def occurrence_fingerprints(findings) -> list[str]:
    """A fingerprint per finding, made unique by counting repeats in order
    (``abc…:1``, ``abc…:2``): what code-scanning tools track across runs."""
    seen: Counter = Counter()
    out = []
    for finding in findings:
        base = fingerprint(finding)
        seen[base] += 1
        out.append(f"{base}:{seen[base]}")
    return out


# -- writing and reading --------------------------------------------------------


def entries_for(findings) -> list[dict]:
    entries: dict[str, dict] = {}
    for finding in findings:
        if finding.code in NEVER_BASELINED:
            continue
        key = fingerprint(finding)
        if key in entries:
            entries[key]["count"] += 1
            continue
        entries[key] = {"fingerprint": key, "count": 1, **identity(finding),
                        "name": finding.name, "message": finding.message}
    order = ("fingerprint", "count", "code", "name", "subject", "file", "field", "message")
    rows = [{k: entry[k] for k in order} for entry in entries.values()]
    return sorted(rows, key=lambda e: (e["code"], e["subject"] or "", e["file"] or "", e["field"], e["fingerprint"]))


def write(path: Path, findings) -> int:
    """Write the baseline atomically; returns the number of findings recorded."""
    entries = entries_for(findings)
    text = json.dumps({FORMAT_KEY: FORMAT_VERSION, "entries": entries}, indent=2, ensure_ascii=False) + "\n"
    try:
        write_atomic(path, text)
    except OSError as exc:
        raise UsageError(f"{path}: cannot write the baseline: {exc.strerror or exc}") from None
    return sum(entry["count"] for entry in entries)


def read(path: Path) -> Counter:
    """Fingerprint -> count; a missing or malformed file is a usage error."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"{path}: cannot read the baseline: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise UsageError(f"{path}: the baseline is not valid JSON ({exc})") from None
    except RecursionError:
        raise UsageError(f"{path}: not a looptool baseline (nested too deeply)") from None
    if not isinstance(data, dict) or data.get(FORMAT_KEY) != FORMAT_VERSION or not isinstance(data.get("entries"), list):
        raise UsageError(f"{path}: not a looptool baseline (expected `{FORMAT_KEY}: {FORMAT_VERSION}`)")
    counts: Counter = Counter()
    for entry in data["entries"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise UsageError(f"{path}: a baseline entry has no fingerprint")
        count = entry.get("count", 1)
        counts[entry["fingerprint"]] += count if isinstance(count, int) and count > 0 else 1
    return counts


@dataclass
class Outcome:
    """What applying a baseline did."""

    file: str
    kept: list  # findings not in the baseline: report these
    known: int  # findings the baseline covers
    gone: int  # baseline entries (counted) with no finding any more: fixed

    def describe(self) -> str:
        parts = [f"{self.known} known finding{'s' if self.known != 1 else ''} hidden by the baseline {self.file}"]
        if self.gone:
            parts.append(f"{self.gone} baseline entr{'ies are' if self.gone != 1 else 'y is'} gone (fixed); "
                         f"run --write-baseline to drop {'them' if self.gone != 1 else 'it'}")
        return "; ".join(parts) + "."

    def as_dict(self) -> dict:
        return {"file": self.file, "known": self.known, "gone": self.gone}


def apply(findings, path: Path) -> Outcome:
    """Split findings into new ones and those the baseline already records."""
    remaining = read(path)
    kept, known = [], 0
    for finding in findings:
        key = fingerprint(finding)
        if finding.code not in NEVER_BASELINED and remaining[key] > 0:
            remaining[key] -= 1
            known += 1
        else:
            kept.append(finding)
    return Outcome(str(path), kept, known, sum(remaining.values()))
