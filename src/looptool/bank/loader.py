"""Safe, positioned YAML loading.

The loader drives libyaml's event parser itself instead of using a PyYAML
constructor, so that in one pass it can

* build plain Python values (dict, list, str, int, float, bool, None) and
  never construct an object from a tag;
* remember where every mapping value, key and list item starts (a source map
  used to put findings on the right line and column);
* report what PyYAML would swallow: repeated keys, unsafe or unknown tags;
* bound the work an input can cause: nesting depth and alias expansion.

Scalars follow the YAML 1.2 core schema (``yes``/``no`` and dates stay
strings). Problems are returned, not raised: a :class:`LoadProblem` names the
rule it belongs to and the core turns it into a finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml import events as ev
from yaml.parser import Parser as _PyParser
from yaml.reader import Reader
from yaml.scanner import Scanner

from looptool.safetext import UNWANTED, escape_controls


class _PureParser(Reader, Scanner, _PyParser):
    """PyYAML's pure-Python parser: the reference that diagnoses a broken file."""

    def __init__(self, stream):
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        _PyParser.__init__(self)


try:  # libyaml's parser, the fast path for files that parse
    from yaml._yaml import CParser as _FastParser
except ImportError:  # pragma: no cover - depends on the PyYAML build
    _FastParser = _PureParser


MAX_DEPTH = 64
ALIAS_BASE = 100_000
ALIAS_FACTOR = 10

_CORE = "tag:yaml.org,2002:"
_STR_TAGS = {None, "!", _CORE + "str", _CORE + "timestamp"}
_COLLECTION_TAGS = {None, "!", _CORE + "map", _CORE + "seq"}

_INT = re.compile(r"[-+]?[0-9]+\Z")
_INT_OCT = re.compile(r"0o[0-7]+\Z")
_INT_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_SPECIAL = {
    "~": None, "null": None, "Null": None, "NULL": None,
    "true": True, "True": True, "TRUE": True,
    "false": False, "False": False, "FALSE": False,
    ".inf": float("inf"), ".Inf": float("inf"), ".INF": float("inf"),
    "+.inf": float("inf"), "+.Inf": float("inf"), "+.INF": float("inf"),
    "-.inf": float("-inf"), "-.Inf": float("-inf"), "-.INF": float("-inf"),
    ".nan": float("nan"), ".NaN": float("nan"), ".NAN": float("nan"),
}
_NUMERIC_START = frozenset("-+.0123456789")


@dataclass(frozen=True)
class LoadProblem:
    """A problem found while reading a file; ``rule`` is a rule name."""

    rule: str
    line: int  # 1-based
    column: int  # 1-based
    message: str
    path: tuple = ()
    document: int = 0  # the document ``path`` is in


@dataclass
class Document:
    """One YAML document with its source map.

    ``marks`` maps ``id(container)`` to that container's positions: for a dict,
    ``{key: (key_line, key_col, value_line, value_col)}``; for a list, a list of
    ``(line, col)``. Positions are 0-based internally.
    """

    file: str
    index: int
    data: Any
    root: tuple[int, int]
    marks: dict = field(repr=False)

    def _walk(self, path):
        node, pos, key_pos = self.data, self.root, self.root
        for part in path:
            table = self.marks.get(id(node))
            if table is None:
                break
            if isinstance(node, dict):
                entry = table.get(part)
                if entry is None:
                    break
                key_pos, pos = entry[0:2], entry[2:4]
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(table):
                key_pos = pos = table[part]
            else:
                break
            node = node[part]
        return key_pos, pos

    def locate(self, path=()) -> tuple[int, int]:
        """1-based (line, column) of the value at ``path``, or of its nearest
        ancestor that exists."""
        line, col = self._walk(path)[1]
        return line + 1, col + 1

    def locate_key(self, path) -> tuple[int, int]:
        """1-based position of the mapping key that holds the value at ``path``."""
        line, col = self._walk(path)[0]
        return line + 1, col + 1


@dataclass
class LoadResult:
    documents: list[Document]
    problems: list[LoadProblem]
    text: str | None = None  # the decoded text, when it could be decoded


class _Abort(Exception):
    def __init__(self, problem: LoadProblem):
        self.problem = problem


def decode(raw: bytes) -> tuple[str | None, LoadProblem | None]:
    """Bytes to text: UTF-8 (optionally with a BOM) or UTF-16 with a BOM."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            return None, LoadProblem("encoding-error", 1, 1, f"invalid UTF-16 ({exc.reason})")
        return _check_nul(text)
    at = raw.find(b"\x00")
    if at >= 0:  # before decoding: a binary file should say so, not "bad UTF-8 at byte 0x80"
        line = raw.count(b"\n", 0, at) + 1
        col = at - (raw.rfind(b"\n", 0, at) + 1) + 1
        return None, LoadProblem(
            "encoding-error", line, col,
            "NUL byte in a text file (binary file, or UTF-16 without a byte-order mark?)",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, LoadProblem(
            "encoding-error", line, col,
            f"invalid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
        )
    return _check_nul(text)


def _check_nul(text: str):
    at = text.find("\x00")
    if at < 0:
        return text, None
    line = text.count("\n", 0, at) + 1
    col = at - (text.rfind("\n", 0, at) + 1) + 1
    return None, LoadProblem(
        "encoding-error", line, col,
        "NUL byte in a text file (binary file, or UTF-16 without a byte-order mark?)",
    )


def load_bytes(raw: bytes, file: str) -> LoadResult:
    text, problem = decode(raw)
    if problem:
        return LoadResult([], [problem])
    return load_text(text, file)


def load_text(text: str, file: str) -> LoadResult:
    """Parse ``text``; problems are returned, never raised.

    libyaml parses every file first because it is fast. When it stops on an
    error, the pure-Python parser reads the file again and its verdict is the
    one reported: libyaml's own limits and wording change between builds (a
    newer libyaml rejects flow nesting past 1,000 levels before looptool's
    depth guard sees it), while the pure parser has no limits of its own, so
    looptool's guards and PyYAML's messages decide, whichever libyaml is
    installed. Files that parse never pay for the second reading.
    """
    result, parser_failed = _parse(text, file, _FastParser)
    if parser_failed and _FastParser is not _PureParser:
        result, _ = _parse(text, file, _PureParser)
    return result


def _parse(text: str, file: str, parser) -> tuple[LoadResult, bool]:
    builder = _Builder(file)
    parser_failed = False
    try:
        builder.run(parser(text))
    except _Abort as stop:
        builder.problems.append(stop.problem)
        builder.documents.clear()
    except yaml.MarkedYAMLError as exc:
        builder.problems.append(_syntax_problem(exc, text))
        builder.documents.clear()
        parser_failed = True
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        builder.problems.append(
            LoadProblem("encoding-error", line, col, f"character {exc.character!r} is not allowed in YAML")
        )
        builder.documents.clear()
        parser_failed = True
    return LoadResult(builder.documents, builder.problems, text), parser_failed


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str) -> LoadProblem:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or "invalid YAML"
    lines = text.split("\n", line)
    source_line = lines[line - 1] if len(lines) >= line else ""
    indent = source_line[: len(source_line) - len(source_line.lstrip(" \t"))]
    if "\t" in indent or "'\\t'" in problem:
        message = "tab character used for indentation; YAML indents with spaces only"
    else:
        message = f"invalid YAML: {problem}"
        if exc.context:
            message += f" ({exc.context}"
            if exc.context_mark and exc.context_mark is not mark:
                message += f" at line {exc.context_mark.line + 1}"
            message += ")"
    return LoadProblem("syntax-error", line, col, message)


def resolve_plain(value: str):
    """YAML 1.2 core schema resolution of a plain (unquoted) scalar."""
    if not value:
        return None
    if value in _SPECIAL:
        return _SPECIAL[value]
    if value[0] in _NUMERIC_START:
        if _INT.match(value):
            return int(value)
        if _FLOAT.match(value) and any(ch.isdigit() for ch in value):
            return float(value)
        if _INT_OCT.match(value):
            return int(value[2:], 8)
        if _INT_HEX.match(value):
            return int(value[2:], 16)
    return value


class _Frame:
    __slots__ = ("value", "table", "is_map", "key", "key_mark", "anchor", "merges", "size", "path", "start_mark")

    def __init__(self, value, is_map, anchor, path, start_mark):
        self.value = value
        self.table = {} if is_map else []
        self.is_map = is_map
        self.key = None
        self.key_mark = None
        self.anchor = anchor
        self.merges = None
        self.size = 1
        self.path = path
        self.start_mark = start_mark


class _Builder:
    def __init__(self, file: str):
        self.file = file
        self.documents: list[Document] = []
        self.problems: list[LoadProblem] = []
        self.document = 0  # the index of the document being read

    # -- helpers -----------------------------------------------------------
    def _problem(self, rule, mark, message, path=()):
        self.problems.append(LoadProblem(rule, mark.line + 1, mark.column + 1, message, path, self.document))

    def _check_tag(self, tag, allowed, mark, path):
        if tag in allowed:
            return
        if tag.startswith(_CORE):
            tag = "!!" + tag[len(_CORE):]
        if tag.startswith("!!python/"):
            self._problem(
                "unsafe-tag", mark,
                f"tag {tag!r} asks to construct a Python object; looptool never does that and reads "
                "the value as plain data: remove the tag", path,
            )
        else:
            self._problem("unsafe-tag", mark, f"unsupported tag {tag!r}; looptool reads the value as plain data: remove the tag",
                          path)

    def _scalar(self, event, path):
        tag, value = event.tag, event.value
        control = UNWANTED.search(value)
        if control:
            # only an escape in a quoted string gets here (YAML refuses most raw ones): "\e[2J", "\0", "\r"
            self._problem("encoding-error", event.start_mark,
                          f"control character {escape_controls(control.group())} in a value; a terminal would "
                          "obey it (ESC) or it would break a line of a report: remove it", path)
        if not event.style and tag is None:  # a plain scalar: libyaml says "", the pure parser None
            return resolve_plain(value)
        if tag in _STR_TAGS or tag is None:
            return value
        typed = {_CORE + "int": int, _CORE + "float": float}.get(tag)
        if typed is not None:
            try:
                return typed(value)
            except ValueError:
                self._problem("syntax-error", event.start_mark, f"{value!r} is not a valid {tag.rsplit(':', 1)[1]}", path)
                return value
        if tag == _CORE + "bool":
            result = resolve_plain(value)
            return result if isinstance(result, bool) else value
        if tag == _CORE + "null":
            return None
        self._check_tag(tag, _STR_TAGS, event.start_mark, path)
        return value

    # -- the event loop ----------------------------------------------------
    def run(self, parser) -> None:
        get = parser.get_event
        doc_index = 0
        while True:
            event = get()
            cls = type(event)
            if cls is ev.StreamEndEvent:
                return
            if cls is ev.DocumentStartEvent:
                self._document(get, doc_index)
                doc_index += 1

    def _document(self, get, index):
        self.document = index
        marks: dict[int, Any] = {}
        anchors: dict[str, tuple[Any, int]] = {}
        stack: list[_Frame] = []
        real = 0
        expanded = 0
        root_value = None
        root_mark = None

        def attach(value, mark, size):
            """Hang a finished node on its parent (or make it the root)."""
            nonlocal root_value, root_mark
            if not stack:
                root_value, root_mark = value, (mark.line, mark.column)
                return
            parent = stack[-1]
            parent.size += size
            if parent.is_map:
                if parent.key is None:
                    raise _Abort(LoadProblem(
                        "syntax-error", mark.line + 1, mark.column + 1,
                        "a mapping or list used as a key; keys must be plain scalars",
                    ))
                key, kmark = parent.key, parent.key_mark
                parent.key = None
                if key == "<<" and parent.merges is not None:
                    parent.merges.append((value, mark))
                    return
                if key in parent.value:
                    first = parent.table[key]
                    self._problem(
                        "duplicate-key", kmark,
                        f"key {key!r} repeats the one at line {first[0] + 1}; looptool reads that one and "
                        "ignores this, other YAML readers may take this one instead: keep one of them",
                        (*parent.path, key),
                    )
                    return
                parent.value[key] = value
                parent.table[key] = (kmark.line, kmark.column, mark.line, mark.column)
            else:
                parent.value.append(value)
                parent.table.append((mark.line, mark.column))

        def child_path():
            if not stack:
                return ()
            top = stack[-1]
            return (*top.path, top.key if top.is_map else len(top.value))

        while True:
            event = get()
            cls = type(event)
            if cls is ev.ScalarEvent:
                real += 1
                top = stack[-1] if stack else None
                if top is not None and top.is_map and top.key is None:
                    # a mapping key: kept as its source text
                    top.key = event.value
                    top.key_mark = event.start_mark
                    if event.value == "<<" and not event.style and top.merges is None:
                        top.merges = []
                    if event.anchor:
                        anchors[event.anchor] = (event.value, 1)
                    continue
                value = self._scalar(event, child_path())
                if event.anchor:
                    anchors[event.anchor] = (value, 1)
                attach(value, event.start_mark, 1)
            elif cls is ev.MappingStartEvent or cls is ev.SequenceStartEvent:
                real += 1
                path = child_path()
                if len(stack) >= MAX_DEPTH:
                    raise _Abort(LoadProblem(
                        "too-complex", event.start_mark.line + 1, event.start_mark.column + 1,
                        f"nesting deeper than {MAX_DEPTH} levels; no looptool file needs this",
                    ))
                if event.tag is not None and event.tag not in _COLLECTION_TAGS:
                    self._check_tag(event.tag, _COLLECTION_TAGS, event.start_mark, path)
                is_map = cls is ev.MappingStartEvent
                stack.append(_Frame({} if is_map else [], is_map, event.anchor, path, event.start_mark))
            elif cls is ev.MappingEndEvent or cls is ev.SequenceEndEvent:
                frame = stack.pop()
                if frame.merges:
                    self._merge(frame, marks)
                marks[id(frame.value)] = frame.table
                if frame.anchor:
                    anchors[frame.anchor] = (frame.value, frame.size)
                attach(frame.value, frame.start_mark, frame.size)
            elif cls is ev.AliasEvent:
                found = anchors.get(event.anchor)
                if found is None:  # libyaml reports this itself; kept for the pure parser
                    raise _Abort(LoadProblem(
                        "syntax-error", event.start_mark.line + 1, event.start_mark.column + 1,
                        f"alias *{event.anchor} has no anchor before it",
                    ))
                value, size = found
                expanded += size
                if expanded > ALIAS_BASE + ALIAS_FACTOR * real:
                    raise _Abort(LoadProblem(
                        "too-complex", event.start_mark.line + 1, event.start_mark.column + 1,
                        f"aliases expand to more than {ALIAS_FACTOR} times the file's own content "
                        "(an alias bomb?)",
                    ))
                top = stack[-1] if stack else None
                if top is not None and top.is_map and top.key is None:
                    raise _Abort(LoadProblem(
                        "syntax-error", event.start_mark.line + 1, event.start_mark.column + 1,
                        "an alias used as a mapping key; keys must be plain scalars",
                    ))
                attach(value, event.start_mark, size)
            elif cls is ev.DocumentEndEvent:
                break
        if root_mark is None:
            root_mark = (0, 0)
        self.documents.append(Document(self.file, index, root_value, root_mark, marks))

    def _merge(self, frame: _Frame, marks) -> None:
        """Apply ``<<`` merge keys: explicit keys win, earlier merges win."""
        sources = []
        for value, mark in frame.merges:
            items = value if isinstance(value, list) else [value]
            for item in items:
                if not isinstance(item, dict):
                    self._problem("syntax-error", mark, "a merge key (<<) must point at a mapping", frame.path)
                    continue
                sources.append(item)
        for source in sources:
            table = marks.get(id(source), {})
            for key, value in source.items():
                if key not in frame.value:
                    frame.value[key] = value
                    if key in table:
                        frame.table[key] = table[key]
