"""Reading a bank: find the files, load them, validate sections, build the model.

A *bank* is everything looptool reads for one run: questions, the skill
taxonomy, roles, loop templates and (optionally) interviewers, from any
number of files. Kinds the given files do not define are taken from the
bundled bank, so a folder of questions alone can be linted and planned.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import stat
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from looptool.bank import model
from looptool.bank.loader import Document, load_bytes
from looptool.bank.resources import bundled_bank
from looptool.bank.schema import validate_item
from looptool.bank.suppressions import scan
from looptool.errors import UsageError  # noqa: F401 - re-exported for callers

YAML_SUFFIXES = (".yaml", ".yml")
FALLBACK_KINDS = ("skills", "roles", "loops")


@dataclass
class Bank:
    questions: list[model.Question] = field(default_factory=list)
    skills: list[model.Skill] = field(default_factory=list)
    roles: list[model.Role] = field(default_factory=list)
    loops: list[model.LoopTemplate] = field(default_factory=list)
    interviewers: list[model.Interviewer] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    fallback: tuple[str, ...] = ()  # kinds taken from the bundled bank
    suppressions: list = field(default_factory=list)  # suppressions.Suppression
    hashes: dict = field(default_factory=dict)  # shown file path -> sha256 of its bytes
    items_seen: int = 0  # list items found in sections, valid or not
    invalid: dict = field(default_factory=dict)  # section -> items that failed the schema

    @property
    def questions_seen(self) -> int:
        """Questions read, whether or not they passed the schema."""
        return len(self.questions) + self.invalid.get("questions", 0)

    @property
    def skill_ids(self) -> set[str]:
        return {skill.id for skill in self.skills}

    def role(self, name: str) -> model.Role | None:
        return _by_name(self.roles, name)

    def template_for(self, level: str, role=None) -> model.LoopTemplate | None:
        """The loop template for a level (template id, level or alias) and a role (id or Role).

        The one answer for the planner, the linter and ``looptool diff``:
        among the templates ``level`` names, the role's own; else the one
        whose id it is; else the general one (no role); else, when no role is
        asked for, the first. None when nothing fits. A template for a family
        of roles (``roles``) is each of those roles' own.
        """
        wanted = level.strip().lower()
        matching = [loop for loop in self.loops if wanted in (loop.id, loop.level, *loop.aliases)]
        role_id = getattr(role, "id", role)
        # a template for other roles is never another role's, unless named by an id that is not a level
        named = next((loop for loop in matching if loop.id == wanted and
                      (role_id is None or not loop.roles or loop.is_for(role_id) or wanted not in model.LEVELS)), None)
        own = next((loop for loop in matching if loop.is_for(role_id)), None)
        general = next((loop for loop in matching if not loop.roles), None)
        fallback = matching[0] if matching and role_id is None else None
        return own or named or general or fallback

    def question(self, qid: str) -> model.Question | None:
        return next((q for q in self.questions if q.id == qid), None)


def _by_name(items, name):
    wanted = name.strip().lower()
    for item in items:
        if wanted == item.id or wanted in getattr(item, "aliases", ()):
            return item
    return None


def display_path(path: Path) -> str:
    """A path as users expect to see it: relative to the working directory when
    below it, POSIX separators, no leading ``./``."""
    absolute = Path(os.path.abspath(path))  # not resolve(): a symlink keeps its own name
    try:
        return absolute.relative_to(os.getcwd()).as_posix()
    except ValueError:
        return absolute.as_posix()


def discover(paths) -> list[Path]:
    """Files to read, in a stable order. A missing path is a usage error."""
    found: list[Path] = []
    seen: set = set()
    for raw in paths:
        path = Path(raw)
        if not os.path.lexists(path):
            raise UsageError(f"{raw}: no such file or folder")
        if path.is_dir():
            candidates = _walk(path)
        else:
            candidates = [path]
        for candidate in candidates:
            key = os.path.realpath(candidate) if candidate.exists() else candidate
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    if not found:
        shown = ", ".join(str(p) for p in paths)
        raise UsageError(f"no YAML files (*.yaml, *.yml) found under {shown}")
    return found


def _walk(folder: Path) -> list[Path]:
    """YAML files below ``folder``; symlinked folders are followed once each,
    so a link loop ends instead of recursing forever."""
    out = []
    visited = {os.path.realpath(folder)}
    for root, dirs, files in os.walk(folder, followlinks=True):
        keep = []
        for name in sorted(dirs):
            real = os.path.realpath(os.path.join(root, name))
            if not name.startswith(".") and real not in visited:
                visited.add(real)
                keep.append(name)
        dirs[:] = keep
        for name in sorted(files):
            if name.endswith(YAML_SUFFIXES) and not name.startswith("."):
                out.append(Path(root) / name)
    return sorted(out, key=lambda p: p.as_posix())


def read_file(path: Path) -> tuple[bytes | None, str | None]:
    """The file's bytes, or why it cannot be read."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return None, exc.strerror or str(exc)
    if stat.S_ISDIR(mode):
        return None, "is a folder"
    if not stat.S_ISREG(mode):
        return None, "is not a regular file (a device, pipe or socket)"
    try:
        with open(path, "rb") as handle:
            return handle.read(), None
    except OSError as exc:
        return None, exc.strerror or str(exc)


@dataclass(frozen=True)
class LoadProblem:
    """A problem met while reading, named by the file-scope rule it is a finding of.

    The bank knows no rule codes or levels: ``looptool.lint.stamp`` turns each
    problem into a Finding from the rule registry.
    """

    rule: str  # a rule name, e.g. ``syntax-error``
    file: str
    line: int
    column: int
    message: str
    path: tuple = ()
    subject: str | None = None
    document: int = 0  # the document ``path`` is in


class _Collector:
    """Gathers load and schema problems while building the bank."""

    def __init__(self):
        self.problems: list[LoadProblem] = []

    def add(self, rule_name, file, line, column, message, path=(), subject=None, document=0):
        self.problems.append(LoadProblem(rule_name, file, line, column, message, tuple(path), subject, document))


def load_bank(paths, *, fallback: bool = True) -> tuple[Bank, list[LoadProblem]]:
    """Read every file under ``paths`` into a Bank, with the problems met on the way
    (``looptool.lint.linter.read_bank`` gives them as findings)."""
    collector = _Collector()
    bank = Bank()
    for path in discover(paths):
        shown = display_path(path)
        bank.files.append(shown)
        raw, why = read_file(path)
        if raw is None:
            collector.add("unreadable-file", shown, 1, 1, f"cannot read: {why}")
            continue
        bank.hashes[shown] = hashlib.sha256(raw).hexdigest()
        _load_file(raw, shown, bank, collector)
    if fallback:
        _apply_fallbacks(bank)
    return bank, collector.problems


def _load_file(raw: bytes, shown: str, bank: Bank, collector: _Collector) -> None:
    result = load_bytes(raw, shown)
    for problem in result.problems:
        collector.add(problem.rule, shown, problem.line, problem.column, problem.message, problem.path,
                      document=problem.document)
    if not result.documents and not any(p.rule != "empty-file" for p in result.problems):
        if not result.problems:
            collector.add("empty-file", shown, 1, 1, "the file is empty")
        return
    for document in result.documents:
        bank.documents.append(document)
        _load_document(document, bank, collector, several=len(result.documents) > 1)
    if result.text is not None:
        found, invalid = scan(result.text, shown, result.documents)
        bank.suppressions.extend(found)
        for bad in invalid:
            collector.add("invalid-suppression", shown, bad.line, bad.column, bad.message)


def _load_document(doc: Document, bank: Bank, collector: _Collector, several: bool) -> None:
    data = doc.data
    line, col = doc.locate()
    if data is None:
        what = f"document {doc.index + 1} is empty" if several else "the file is empty"
        collector.add("empty-file", doc.file, line, col, what)
        return
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        collector.add(
            "unknown-section", doc.file, line, col,
            f"the top level is {kind}; expected a mapping of sections such as `questions:`",
        )
        return
    for key, value in data.items():
        if key not in model.SECTIONS:
            hint = difflib.get_close_matches(str(key), list(model.SECTIONS), n=1)
            more = f"; did you mean `{hint[0]}`?" if hint else f"; expected one of: {', '.join(model.SECTIONS)}"
            kline, kcol = doc.locate_key((key,))
            collector.add("unknown-section", doc.file, kline, kcol, f"unknown section `{key}`{more}", (key,),
                          document=doc.index)
            continue
        schema_name, id_field, build = model.SECTIONS[key]
        if not isinstance(value, list):
            vline, vcol = doc.locate((key,))
            if value is None:
                message = f"section `{key}` is empty; write `{key}: []` if that is meant"
            else:
                message = f"section `{key}` must be a list"
            collector.add("schema-violation", doc.file, vline, vcol, message, (key,), document=doc.index)
            continue
        target = getattr(bank, key)
        for index, item in enumerate(value):
            bank.items_seen += 1
            base = (key, index)
            subject = item.get(id_field) if isinstance(item, dict) and isinstance(item.get(id_field), str) else None
            problems = list(validate_item(schema_name, item))
            for rel, message, on_key in problems:
                full = (*base, *rel)
                pline, pcol = doc.locate_key(full) if on_key else doc.locate(full)
                collector.add("schema-violation", doc.file, pline, pcol, message, full, subject, doc.index)
            if problems:
                bank.invalid[key] = bank.invalid.get(key, 0) + 1
                continue
            target.append(build(item, model.Origin(doc, base)))


def empty_bank() -> Bank:
    """A bank of no files (a bank before its first commit), with the bundled kinds it lacks."""
    bank = Bank()
    _apply_fallbacks(bank)
    return bank


@cache
def _bundled() -> Bank:
    bank, _ = load_bank([bundled_bank()], fallback=False)
    return bank


def _apply_fallbacks(bank: Bank) -> None:
    missing = tuple(kind for kind in FALLBACK_KINDS if not getattr(bank, kind))
    if not missing:
        return
    bundled = _bundled()
    for kind in missing:
        setattr(bank, kind, list(getattr(bundled, kind)))
    bank.fallback = missing
