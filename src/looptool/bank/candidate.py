"""The candidate file (``looptool plan --candidate FILE``): what the planner may use about one
candidate, read with the bank's bounded YAML loader and checked against
``schemas/candidate.schema.json``.

Every problem is a ``UsageError`` naming the file, line and column: a candidate file is
command-line input, not part of the bank, so it is never linted or partly used.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from looptool.bank.load import read_file
from looptool.bank.loader import load_bytes
from looptool.bank.schema import validate_item
from looptool.errors import UsageError

BACKGROUNDS = ("new-grad", "phd", "industry", "self-taught")


@dataclass(frozen=True)
class Accommodations:
    extra_time: float = 1.0  # interview lengths are multiplied by this
    break_minutes: int | None = None  # at least this between interviews
    latest_end: str | None = None  # HH:MM, loop time zone
    days: int = 1  # working days the loop is split over


@dataclass(frozen=True)
class Candidate:
    name: str | None = None
    email: str | None = None
    background: str | None = None
    seen: tuple[str, ...] = ()
    timezone: str | None = None
    accommodations: Accommodations = field(default_factory=Accommodations)
    file: str | None = None  # where it was read from, for messages


def read_candidate(path) -> Candidate:
    """The candidate described by the YAML file at ``path`` (UsageError on any problem)."""
    where = str(path)
    raw, why = read_file(Path(path))
    if raw is None:
        raise UsageError(f"--candidate {where}: cannot read: {why}")
    result = load_bytes(raw, where)
    if result.problems:
        first = result.problems[0]
        raise UsageError(f"--candidate {where}:{first.line}:{first.column}: {first.message}")
    if len(result.documents) != 1:
        raise UsageError(f"--candidate {where}: expected one YAML document, found {len(result.documents)}")
    document = result.documents[0]
    data = document.data
    if not isinstance(data, dict):
        raise UsageError(f"--candidate {where}:{document.locate()[0]}:{document.locate()[1]}: expected a mapping "
                         "of candidate fields (background, seen, timezone, accommodations, ...)")
    for path_, message, on_key in validate_item("candidate", data):
        line, column = document.locate_key(path_) if on_key else document.locate(path_)
        raise UsageError(f"--candidate {where}:{line}:{column}: {message}")
    extra = data.get("accommodations") or {}
    return Candidate(
        name=data.get("name"), email=data.get("email"), background=data.get("background"),
        seen=tuple(data.get("seen") or ()), timezone=data.get("timezone"),
        accommodations=Accommodations(
            extra_time=float(extra.get("extra_time", 1.0)), break_minutes=extra.get("break_minutes"),
            latest_end=extra.get("latest_end"), days=int(extra.get("days", 1)),
        ),
        file=where,
    )
