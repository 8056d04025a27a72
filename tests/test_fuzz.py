"""Property-based tests: generated banks, valid and broken, through the real command line.

Banks are built from the bundled questions and the schemas: valid ones (random
subsets, shuffled lists, random valid values, random unicode in text fields)
and broken ones (deleted keys, wrong types, duplicate ids, control characters,
odd code points, broken YAML text, truncated files, other encodings). They are
written to a temporary folder and run through ``looptool lint`` in every report
format and ``looptool plan`` in every view and format, in-process through
``looptool.cli.main``. Whatever the input:

- no traceback and no "internal error"; the exit code is 0, 1 or 2, the one the
  findings call for;
- every output is valid in its format: the JSON report and the plan JSON follow
  their schemas, SARIF the OASIS schema, JUnit and ICS parse, github lines are
  workflow commands, the text report has one line per finding;
- every question of every document of every file is linted or its file is
  reported unreadable: questions in (counted by PyYAML's own composer) against
  questions seen (the report's count);
- a baseline written from a run hides every finding of the same run;
- the candidate view shows nothing of any question (every question text holds
  made-up words that must not appear);
- input files are never changed.

The default run tries a few dozen banks. ``LOOPTOOL_FUZZ_CASES=10000 pytest -m
fuzz`` shares 10,000 cases among the properties (see the README's reliability
section); a failure prints the ``@reproduce_failure`` line to replay it.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import io
import json
import math
import os
import re
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from looptool.bank.load import load_bank
from looptool.lint.linter import read_bank
from looptool.bank.loader import load_bytes
from looptool.bank.model import LEVELS, TYPES
from looptool.bank.resources import bundled_bank, schema_path
from looptool.cli import main
from looptool.plan.views import FORMATS, VIEWS
from looptool.reporters import REPORTERS
from looptool.safetext import CONTROLS, UNWANTED

from conftest import REPO, TODAY, sarif_schema

pytestmark = pytest.mark.fuzz

# -- how many cases -----------------------------------------------------------------------------

CASES = int(os.environ.get("LOOPTOOL_FUZZ_CASES", "0") or 0)  # the fuzz run's total; 0: a quick run
SHARE = {"valid": 0.3, "broken": 0.4, "plan": 0.25, "leak": 0.05}  # leak: tests/test_candidate_leak.py
QUICK = {"valid": 15, "broken": 25, "plan": 10, "leak": 25}


def cases(kind: str):
    """Settings for one property: its share of the fuzz run, or a quick, repeatable default."""
    common = dict(deadline=None, suppress_health_check=list(HealthCheck), print_blob=True)
    if CASES:
        return settings(max_examples=math.ceil(CASES * SHARE[kind]), **common)
    return settings(max_examples=QUICK[kind], derandomize=True, database=None, **common)


# -- the bundled bank as raw data ---------------------------------------------------------------


@cache
def bundled_data() -> dict[str, list]:
    """Section -> items of the bundled bank, as plain data (YAML 1.2, dates as strings)."""
    out: dict[str, list] = {}
    bank, _ = load_bank([bundled_bank()], fallback=False)
    for document in bank.documents:
        for section, items in document.data.items():
            out.setdefault(section, []).extend(items)
    return out


def bundled_ids(section: str) -> list[str]:
    return [item["id"] for item in bundled_data()[section]]


@cache
def validators():
    def load(path):
        return json.loads(Path(path).read_text(encoding="utf-8"))

    sarif = sarif_schema()
    return {
        "json": jsonschema.Draft202012Validator(load(schema_path("lint-report")),
                                                format_checker=jsonschema.FormatChecker()),
        "plan": jsonschema.Draft202012Validator(load(schema_path("plan"))),
        # None when the OASIS schema is not beside the repository: then only the structure below is checked
        "sarif": jsonschema.Draft4Validator(sarif) if sarif else None,
    }


# -- text ---------------------------------------------------------------------------------------

# strings that mean something to YAML, a template engine, a shell, Python, a terminal, GitHub,
# markdown, XML or looptool's own suppression comments; all must stay plain text
HOSTILE = [
    "__import__('os').system('touch PWNED')", "{{7*7}}", "${{ 7*7 }}", "$(touch PWNED)", "`touch PWNED`",
    "!!python/object/apply:os.system ['touch PWNED']", "*alias", "&anchor", "<<", "---", "...", "%YAML 1.2",
    "# looptool: ignore[missing-rubric] -- in a string, not a comment", "x # looptool: ignore-file[LT008]",
    "::error file=x.yaml,line=1,col=1::forged", "%0A%25%3A", "\x1b[2J\x1b[31mred", "[bold red]markup[/]",
    "<script>alert(1)</script>", "]]></failure>", "| a | b |\n|---|", "\\", "\"'", "\t", "\r\n", "a\rb",
    "\u2028", "\u2029", "\x85", "\ufeff", "\u200b", "\U0001F600", "\u202e", "\ufffe", "\U0010ffff",
    "null", "true", "no", "0o17", "0x1F", "1e3", ".inf", "~", "-", "? x", ": y", "@", "%", "#", "0",
]
SYLLABLES = ("zor", "bek", "quil", "vash", "trel", "pix", "gand", "fyr", "nesh", "kad", "ulo", "mox")


def unicode_text(controls: bool, min_size: int = 1, max_size: int = 30):
    excluded = ("Cs",) if controls else ("Cs", "Cc")
    random_text = st.text(st.characters(exclude_categories=excluded), min_size=min_size, max_size=max_size)
    hostile = st.sampled_from([h for h in HOSTILE if len(h) >= min_size and (controls or not _has_control(h))])
    return st.one_of(random_text, hostile, st.tuples(hostile, random_text).map("".join))


def _has_control(text: str) -> bool:
    """What lint reports in any value (encoding-error): valid banks hold none of it."""
    return UNWANTED.search(text) is not None


marker_word = st.lists(st.sampled_from(SYLLABLES), min_size=2, max_size=3).map("".join)
MADE_UP = re.compile(f"(?:{'|'.join(SYLLABLES)}){{2,3}}")


def marked_text(controls: bool = False):
    """Made-up words, sometimes with odd unicode around them: text no output may show unless it
    shows the question."""
    words = st.lists(marker_word, min_size=1, max_size=6).map(" ".join)
    return st.one_of(words, st.tuples(words, unicode_text(controls, 0, 8)).map(" ".join))


# -- generated banks ----------------------------------------------------------------------------

TEXT_FIELDS = ("title", "prompt", "signal", "notes", "owner")
TEXT_LISTS = ("follow_ups", "references")
OPTIONAL = ("flavor", "scenario", "rubric", "follow_ups", "method_provided", "relies_on", "references",
            "last_reviewed", "owner", "status", "notes")


@dataclass
class File:
    path: str  # relative to the bank folder
    documents: list = field(default_factory=list)  # each a mapping of sections (or anything, once broken)
    style: str = "block"  # block, flow or json
    encoding: str = "utf-8"  # utf-8, utf-8-sig, utf-16, utf-16-be
    newline: str = "\n"
    comment: str | None = None
    raw: bytes | None = None  # set once written; text-level mutations change it

    def __repr__(self) -> str:  # a failing example prints its files: the text, not the data
        return f"File({self.path!r}, {self.encoding}, raw={self.raw if self.raw is not None else to_text(self)!r})"


def tweak_text(draw, question: dict, text) -> None:
    """Replace some of a question's wording with ``text``."""
    for key in TEXT_FIELDS:
        if key in question and draw(st.booleans()):
            question[key] = draw(text)
    for key in TEXT_LISTS:
        if question.get(key) and draw(st.booleans()):
            question[key] = draw(st.lists(text, min_size=1, max_size=3))
    scenario = question.get("scenario")
    if isinstance(scenario, dict) and draw(st.booleans()):
        for key, value in scenario.items():
            scenario[key] = draw(text) if isinstance(value, str) else draw(st.lists(text, max_size=3))
    rubric = question.get("rubric")
    for band in rubric if isinstance(rubric, list) else []:
        if isinstance(band, dict) and draw(st.booleans()):
            band["evidence"] = draw(st.lists(text, min_size=1, max_size=3))
        if isinstance(band, dict) and "label" in band and draw(st.booleans()):
            band["label"] = draw(text)


def tweak_values(draw, question: dict) -> None:
    """Random but valid values, shuffled lists, optional fields dropped."""
    if draw(st.booleans()):
        question["levels"] = draw(st.lists(st.sampled_from(LEVELS), min_size=1, max_size=4, unique=True))
    if draw(st.booleans()):
        question["skills"] = draw(st.lists(st.sampled_from(bundled_ids("skills")), min_size=1, max_size=5,
                                           unique=True))
    for key, values in (("type", TYPES), ("stage", ("filter", "probe")), ("status", ("active", "retired", "leaked"))):
        if draw(st.integers(0, 3)) == 0:
            question[key] = draw(st.sampled_from(values))
    if draw(st.booleans()):
        question["duration_minutes"] = draw(st.integers(5, 240))
    if draw(st.integers(0, 3)) == 0:
        question["last_reviewed"] = draw(st.dates(min_value=dt.date(1970, 1, 1))).isoformat()
    for key in ("levels", "skills", "follow_ups", "references", "rubric"):
        if question.get(key) and draw(st.booleans()):
            question[key] = draw(st.permutations(question[key]))
    for key in OPTIONAL:
        if key in question and draw(st.integers(0, 5)) == 0:
            del question[key]


@st.composite
def valid_files(draw, text=None, max_questions: int = 12) -> list[File]:
    """A bank of 1-3 files built from bundled questions, each question valid by the schema."""
    text = text or unicode_text(controls=False)
    pool = bundled_data()["questions"]
    picks = draw(st.lists(st.integers(0, len(pool) - 1), min_size=1, max_size=max_questions))
    questions = []
    for number, index in enumerate(picks):
        question = copy.deepcopy(pool[index])
        question["id"] = f"{question['id']}-{number}"
        tweak_values(draw, question)
        tweak_text(draw, question, text)
        questions.append(question)
    count = draw(st.integers(1, 3))
    names = st.sampled_from(["bank{}", "we,ird:name{}", "spa ce {}", "ünï{}", "100%{}", "#{}", "[{}]", "new\nline{}"])
    files = [File(f"{'sub/' * (n % 2)}{draw(names).format(n)}.{draw(st.sampled_from(['yaml', 'yml']))}")
             for n in range(count)]
    for file in files:
        file.style = draw(st.sampled_from(["block", "flow", "json"]))
        file.encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-be"]))
        file.newline = draw(st.sampled_from(["\n", "\r\n"]))
        file.comment = draw(st.none() | st.just("# yaml-language-server: $schema=bank.schema.json"))
        file.documents = [{"questions": []} for _ in range(draw(st.integers(1, 2)))]
    for question in questions:
        file = draw(st.sampled_from(files))
        draw(st.sampled_from(file.documents))["questions"].append(question)
    for section in ("skills", "roles", "loops", "interviewers"):  # sometimes the bank brings its own
        if draw(st.integers(0, 4)) == 0:
            draw(st.sampled_from(files)).documents.append({section: copy.deepcopy(bundled_data()[section])})
    return files


# -- writing files ------------------------------------------------------------------------------

# plain scalars that YAML 1.2 reads as something other than a string
_NOT_A_STRING = re.compile(r"""(?x)
    ~|null|Null|NULL|true|True|TRUE|false|False|FALSE
    |[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+
    |[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
    |[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)
""")


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper, value):
    # PyYAML writes NEL and the Unicode line separators raw outside double quotes, where a reader folds them
    style = '"' if _NOT_A_STRING.fullmatch(value) or re.search("[\x85\u2028\u2029]", value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)
# what YAML may hold unescaped; anything else a JSON text shows escaped
_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def to_text(file: File) -> str:
    parts = []
    for document in file.documents:
        if file.style == "json":
            text = json.dumps(document, ensure_ascii=False, indent=1)
            # JSON leaves these raw inside strings; YAML 1.1 (libyaml) reads them as line breaks
            text = re.sub("[\u2028\u2029\x85]", lambda m: f"\\u{ord(m.group()):04x}", text)
            parts.append(_NOT_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")
        else:
            parts.append(yaml.dump(document, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=80,
                                   default_flow_style=file.style == "flow"))
    text = "---\n".join(parts)
    if file.comment:
        text = f"{file.comment}\n{text}"
    return text.replace("\n", file.newline)


def encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-16-be":
        return b"\xfe\xff" + text.encode("utf-16-be")
    return text.encode(encoding)


def write_bank(folder: Path, files: list[File]) -> None:
    for file in files:
        if file.raw is None:
            file.raw = encode(to_text(file), file.encoding)
        path = folder / file.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(file.raw)


# -- questions in: PyYAML's composer, independent of looptool's loader ---------------------------


def _section(node, name: str):
    merged = []
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode) and key.value == name:
            return value
        if isinstance(key, yaml.ScalarNode) and key.value == "<<" and key.tag.endswith(":merge"):
            merged += value.value if isinstance(value, yaml.SequenceNode) else [value]
    for source in merged:
        if isinstance(source, yaml.MappingNode):
            found = _section(source, name)
            if found is not None:
                return found
    return None


def questions_in(raw: bytes) -> int | None:
    """Questions in every document of a file; None when PyYAML cannot read it."""
    try:
        documents = list(yaml.compose_all(raw, Loader=yaml.CSafeLoader))
    except (yaml.YAMLError, RecursionError, ValueError):
        return None
    count = 0
    for node in documents:
        if isinstance(node, yaml.MappingNode):
            value = _section(node, "questions")
            if isinstance(value, yaml.SequenceNode):
                count += len(value.value)
    return count


UNREADABLE = {"LT000", "LT001", "LT002", "LT005"}  # the file, or a document of it, could not be read


def check_every_question_is_seen(folder: Path, files: list[File], report: dict) -> None:
    total = 0
    for file in files:
        bank, findings = read_bank([folder / file.path])
        seen = bank.questions_seen
        reported = any(f.code in UNREADABLE for f in findings)
        expected = questions_in(file.raw)
        if expected is None:
            event("a file PyYAML cannot read")
            assert reported, (file.path, [f.message for f in findings])
        elif reported:
            event("a file looptool reports unreadable")
            assert seen in (0, expected), (file.path, seen, expected)
        else:
            assert seen == expected, (file.path, seen, expected, [f.message for f in findings])
        total += seen
    assert report["summary"]["questions"] == total
    assert report["summary"]["files"] == len(files)


# -- running the command line -------------------------------------------------------------------


@dataclass
class Run:
    code: int
    out: str
    err: str


_CI_VARIABLES = ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITHUB_WORKSPACE", "GITHUB_SHA",
                 "GITHUB_SERVER_URL", "GITHUB_REPOSITORY")
_OURS = ("NO_COLOR", "LOOPTOOL_NO_CACHE", "LOOPTOOL_CACHE_DIR")


@contextlib.contextmanager
def environment(cache: Path):
    """No GitHub Actions variables (the github reporter would append to a real step summary), and
    the finding cache on, in ``cache``: the first lint of a bank fills it, the others read it."""
    saved = {name: os.environ.pop(name) for name in (*_CI_VARIABLES, *_OURS) if name in os.environ}
    os.environ.update(NO_COLOR="1", LOOPTOOL_NO_CACHE="0", LOOPTOOL_CACHE_DIR=str(cache))
    try:
        yield
    finally:
        for name in _OURS:
            os.environ.pop(name, None)
        os.environ.update(saved)


def run(*args, cwd: Path) -> Run:
    """``looptool ARGS`` in-process, as the console script runs it."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), \
            environment(cwd / ".cache"):
        try:
            main([str(a) for a in args])
            code = 0
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 2)
    result = Run(code, out.getvalue(), err.getvalue())
    assert "Traceback" not in result.out + result.err, result.err[-3000:]
    assert "internal error" not in result.err, result.err[-3000:]
    assert code in (0, 1, 2), (code, result.err)
    return result


def snapshot(folder: Path) -> dict:
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.rglob("*")) if p.is_file()}


@contextlib.contextmanager
def workspace(files: list[File]):
    """A temporary folder with the bank under ``bank/``; its files must come out unchanged."""
    with tempfile.TemporaryDirectory() as name:
        root = Path(name)
        write_bank(root / "bank", files)
        before = snapshot(root / "bank")
        yield root
        assert snapshot(root / "bank") == before, "an input file changed"


# -- output formats -----------------------------------------------------------------------------

GITHUB_LINE = re.compile(r"::(error|warning|notice) file=[^,:\n]*,line=[1-9][0-9]*,col=[1-9][0-9]*,"
                         r"title=LT[0-9]{3} [a-z-]+::[^\r\n]*")
LEVEL_RANK = {"info": 0, "warning": 1, "error": 2}


def check_lint_output(fmt: str, out: str, report: dict) -> None:
    findings = report["findings"]
    if fmt == "json":
        assert json.loads(out) == report
    elif fmt == "sarif":
        log = json.loads(out)
        if validators()["sarif"] is not None:
            validators()["sarif"].validate(log)
        assert len(log["runs"][0]["results"]) == len(findings)
    elif fmt == "junit":
        root = ET.fromstring(out)
        assert len(root.findall("./testsuite/testcase")) == report["summary"]["files"]
    elif fmt == "github":
        lines = out.split("\n")
        assert lines.pop() == ""
        assert len(lines) == len(findings)
        for line in lines:
            assert GITHUB_LINE.fullmatch(line), line
    elif fmt == "markdown":
        assert out.startswith("## looptool lint\n")
        assert out.count("\n| `") == min(len(findings), 500)  # one table row per finding
    elif fmt == "text":
        lines = out.split("\n")
        assert lines.pop() == ""
        assert len(lines) == (len(findings) + 2 if findings else 1), ("one line per finding and a summary", lines)
        questions = report["summary"]["questions"]
        assert re.search(rf"\b{questions} questions?\b", lines[-1]), lines[-1]


def lint_everywhere(root: Path, fail_on: str = "warning", role: str | None = None) -> dict:
    """Lint ``bank/`` in every format; all agree with the JSON report, and its exit code."""
    base = ("lint", "bank", "--today", TODAY, "--fail-on", fail_on, *(["--role", role] if role else []))
    first = run(*base, "--format", "json", cwd=root)
    if first.code == 2 and not first.out:  # a usage error, such as a bad config file
        event("lint: usage error")
        check_one_line_error(first)
        for fmt in REPORTERS:
            assert run(*base, "--format", fmt, cwd=root).err == first.err
        return None
    report = json.loads(first.out)
    validators()["json"].validate(report)
    findings = report["findings"]
    unreadable = any(f["code"] == "LT000" for f in findings)
    failing = any(LEVEL_RANK[f["level"]] >= LEVEL_RANK[fail_on] for f in findings)
    expected = 2 if unreadable else 1 if failing else 0
    assert first.code == expected, (first.code, first.err)
    event(f"lint exit {expected}")
    for fmt in REPORTERS:
        result = first if fmt == "json" else run(*base, "--format", fmt, cwd=root)
        assert result.code == expected, (fmt, result.code, result.err)
        check_lint_output(fmt, result.out, report)
    assert run(*base, "--format", "json", cwd=root).out == first.out  # from the finding cache, the same
    return report


def check_baseline_hides_everything(root: Path) -> None:
    written = run("lint", "bank", "--today", TODAY, "--write-baseline", "baseline.json", cwd=root)
    after = run("lint", "bank", "--today", TODAY, "--baseline", "baseline.json", "--format", "json", cwd=root)
    left = json.loads(after.out)["findings"]
    assert {f["code"] for f in left} <= {"LT000"}, left
    assert after.code == written.code == (2 if left else 0)


# -- valid banks --------------------------------------------------------------------------------


@cases("valid")
@given(files=valid_files(), fail_on=st.sampled_from(["error", "warning", "info"]),
       role=st.none() | st.sampled_from(bundled_ids("roles")))
def test_valid_banks(files, fail_on, role):
    check_valid_bank(files, fail_on, role)


def check_valid_bank(files, fail_on="warning", role=None):
    with workspace(files) as root:
        for file in files:  # what PyYAML wrote, looptool reads back as written
            loaded = load_bytes(file.raw, file.path)
            assert not loaded.problems, loaded.problems
            assert [d.data for d in loaded.documents] == file.documents
        report = lint_everywhere(root, fail_on, role)
        assert report["summary"]["questions"] == sum(len(d.get("questions", [])) for f in files for d in f.documents)
        reading = [(f["code"], f["message"]) for f in report["findings"] if f["code"] < "LT013"]
        assert not reading, reading  # nothing about reading the files: schema, suppressions, ...
        check_every_question_is_seen(root / "bank", files, report)
        check_baseline_hides_everything(root)


# -- broken banks -------------------------------------------------------------------------------


def nested(depth: int):
    value = "deep"
    for _ in range(depth):
        value = [value]
    return value


WRONG = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.floats(), unicode_text(controls=True, min_size=0),
    st.lists(st.integers(), max_size=3), st.dictionaries(unicode_text(True, 0, 5), st.integers(), max_size=2),
    st.integers(55, 75).map(nested),
)
KEYS = st.one_of(st.sampled_from(["id", "title", "type", "levels", "skills", "stage", "duration_minutes", "prompt",
                                  "signal", "rubric", "scenario", "titel", "Type", "questions", "<<"]),
                 unicode_text(controls=True, max_size=8))


def _question_places(files):
    return [(items, i) for file in files for doc in file.documents if isinstance(doc, dict)
            for items in [doc.get("questions")] if isinstance(items, list) for i in range(len(items))]


def mutate_data(draw, files: list[File]) -> None:
    """One change that breaks the schema or the structure, somewhere in the bank."""
    places = _question_places(files)
    kind = draw(st.sampled_from(["delete", "wrong", "unknown", "duplicate-id", "item", "section", "document",
                                 "text", "alias", "misplaced", "empty-document"]))
    event(f"mutation: {kind}")
    file = draw(st.sampled_from(files))
    if kind in ("section", "document", "empty-document", "misplaced") or not places:
        index = draw(st.integers(0, len(file.documents) - 1))
        if kind == "section" and isinstance(file.documents[index], dict):
            file.documents[index][draw(st.sampled_from(["questions", "skills", "roles", "loops"]))] = draw(WRONG)
        elif kind == "misplaced" and places:
            items, i = draw(st.sampled_from(places))
            section = draw(st.sampled_from(["skills", "roles", "loops", "interviewers", "extras"]))
            file.documents.append({section: [items[i]]})
        elif kind == "empty-document":
            file.documents.insert(index, draw(st.sampled_from([None, {}, []])))
        else:
            file.documents[index] = draw(WRONG)
        return
    items, i = draw(st.sampled_from(places))
    question = items[i]
    if not isinstance(question, dict):
        items[i] = draw(WRONG)
    elif kind == "delete" and question:
        del question[draw(st.sampled_from(sorted(question)))]
    elif kind in ("wrong", "delete"):
        question[draw(st.sampled_from(sorted(question) or ["id"]))] = draw(WRONG)
    elif kind == "unknown":
        question[draw(KEYS)] = draw(WRONG)
    elif kind == "duplicate-id":
        other_items, j = draw(st.sampled_from(places))
        if isinstance(other_items[j], dict):
            question["id"] = other_items[j].get("id")
    elif kind == "item":
        items[i] = draw(WRONG)
    elif kind == "text":
        tweak_text(draw, question, unicode_text(controls=True, min_size=0))
    elif kind == "alias":  # the same object twice: PyYAML writes an anchor and an alias
        items.append(question)


SNIPPETS = ["\t", ":", ": ", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "*b ", "!!python/object:os.system ",
            "!!python/object/apply:os.system ['touch PWNED'] ", "!!binary ", "!custom ", "!!int ", "!!float ",
            "%TAG ! tag:x,2000:\n", "---\n", "...\n", "\x00", "\ufeff", "? ", "|", ">", "'", '"', "#", "<<: *a\n",
            "\n", "  ", "@", "`", "\r", "\x85", "\u2028", "\x1b", "- &a [*a]\n", "k: !!str\n"]


def mutate_text(draw, file: File) -> None:
    """Break the file as text: cut it, splice in YAML syntax, repeat or swap lines, change the encoding."""
    text = to_text(file) if file.raw is None else file.raw.decode("utf-8", "replace")
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["truncate", "delete", "insert", "duplicate-line", "swap-lines", "indent"]))
        event(f"text mutation: {kind}")
        at = draw(st.integers(0, len(text)))
        lines = text.split("\n")
        line = draw(st.integers(0, len(lines) - 1))
        if kind == "truncate":
            text = text[:at]
        elif kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)):]
        elif kind == "insert":
            snippet = draw(st.sampled_from(SNIPPETS) | unicode_text(controls=True, max_size=6))
            text = text[:at] + snippet + text[at:]
        elif kind == "duplicate-line":
            lines.insert(line, lines[line])
            text = "\n".join(lines)
        elif kind == "swap-lines":
            other = draw(st.integers(0, len(lines) - 1))
            lines[line], lines[other] = lines[other], lines[line]
            text = "\n".join(lines)
        else:
            lines[line] = " " * draw(st.integers(0, 7)) + lines[line].lstrip(" ")
            text = "\n".join(lines)
    encoding = draw(st.sampled_from([file.encoding, "utf-8", "utf-16-le", "utf-32", "latin-1", "bytes"]))
    event(f"encoding: {encoding}")
    if encoding == "bytes":  # stray bytes that are not UTF-8
        raw = text.encode("utf-8")
        at = draw(st.integers(0, len(raw)))
        file.raw = raw[:at] + draw(st.sampled_from([b"\xff", b"\xc3\x28", b"\xe2\x82", b"\x80", b"\xfe\xff"])) + raw[at:]
    else:
        file.raw = encode(text, encoding) if encoding != "latin-1" else text.encode("latin-1", "replace")


def _extreme(default):
    """Values of the option's own kind, including the absurd ones a config may hold."""
    if isinstance(default, bool):
        return st.booleans()
    if isinstance(default, int):
        return st.integers(-5, 10**12)
    if isinstance(default, float):
        return st.floats() | st.integers(-5, 10**6)
    return st.lists(st.sampled_from(TYPES + ("nope",)), max_size=3)


@st.composite
def rule_options(draw) -> dict:
    from looptool.lint.registry import catalogue

    out = {}
    for rule in draw(st.lists(st.sampled_from([r for r in catalogue() if r.options]), max_size=3,
                              unique_by=lambda r: r.code)):
        names = draw(st.lists(st.sampled_from(sorted(rule.options)), max_size=3, unique=True))
        out[rule.name] = {name: draw(_extreme(rule.options[name])) for name in names}
        if draw(st.booleans()):
            out[rule.name]["level"] = draw(st.sampled_from(["error", "warning", "info"]))
    return out


@st.composite
def config_file(draw) -> File:
    """A ``.looptool.yaml`` beside the bank: mostly valid with extreme option values, sometimes wrong."""
    selectors = st.lists(st.sampled_from(["ALL", "LT0", "LT1", "LT2", "LT3", "LT4", "duplicate-id", "stale-problem"]),
                         max_size=3)
    table = draw(st.fixed_dictionaries({}, optional={
        "select": selectors, "ignore": selectors, "fail-on": st.sampled_from(["error", "warning", "info"]),
        "role": st.sampled_from(bundled_ids("roles")), "rules": rule_options(),
        "per-path-ignores": st.dictionaries(st.sampled_from(["*.yaml", "sub/*", "[", "**", ""]), selectors, max_size=2),
    }))
    if draw(st.sampled_from(range(6))) == 5:  # wrong: an unknown key, rule, level, option or selector, or no mapping
        table = draw(st.sampled_from(WRONG_CONFIGS).map(json.loads) | WRONG)
    return File(".looptool.yaml", [table])


WRONG_CONFIGS = [json.dumps(table) for table in (
    {"selcet": ["LT0"]}, {"rules": {"no-such-rule": {}}}, {"fail-on": "fatal"}, {"select": ["LT9"]},
    {"role": "astronaut"}, {"rules": {"stale-problem": {"level": "loud"}}},
    {"rules": {"near-duplicate": {"threshold": "high"}}}, {"rules": {"missing-signal": {"typo": 1}}},
)]


@st.composite
def broken_files(draw) -> list[File]:
    files = draw(valid_files(max_questions=6))
    for _ in range(draw(st.integers(0, 3))):
        mutate_data(draw, files)
    for file in files:
        if draw(st.integers(0, 2)) == 0:
            mutate_text(draw, file)
    if draw(st.integers(0, 3)) == 0:
        files.append(draw(config_file()))
    return files


@cases("broken")
@given(files=broken_files(), fail_on=st.sampled_from(["error", "warning", "info"]),
       view=st.sampled_from(VIEWS), fmt=st.sampled_from(FORMATS), pool=st.booleans())
def test_broken_banks(files, fail_on, view, fmt, pool):
    check_broken_bank(files, fail_on, view, fmt, pool)


def check_broken_bank(files, fail_on="warning", view="panel", fmt="text", pool=False):
    with workspace(files) as root:
        report = lint_everywhere(root, fail_on)
        if report is not None:
            check_every_question_is_seen(root / "bank", [f for f in files if f.path != ".looptool.yaml"], report)
            check_baseline_hides_everything(root)
        # the bundled bank planned with the broken files as its pool: or the broken bank itself
        where = ["--interviewers", f"bank/{files[0].path}"] if pool else ["--bank", "bank"]
        result = run("plan", "--level", "senior", *where, "--today", TODAY, "--view", view, "--format", fmt, cwd=root)
        event(f"plan exit {result.code}")
        if result.code == 0:
            check_plan_output(view, fmt, result.out)
        else:
            check_one_line_error(result)


def check_one_line_error(result: Run) -> None:
    assert result.out == "" and result.err.startswith("looptool: "), result.err
    assert result.err.count("\n") == 1, result.err  # one line, whatever it quotes


# -- plans ---------------------------------------------------------------------------------------


def check_plan_output(view: str, fmt: str, out: str) -> dict | None:
    """The output is valid in its format and prints no control character from the bank raw;
    returns the JSON document when there is one."""
    assert out.strip()
    line_ends = "\r\n" if fmt == "ics" else "\n"  # iCalendar lines end in CRLF
    assert not {c for c in CONTROLS.findall(out) if c not in line_ends + "\t"}, (view, fmt)
    if fmt == "json":
        doc = json.loads(out)
        validators()["plan"].validate(doc)
        assert doc["view"] == view
        return doc
    if fmt == "ics":
        calendar = Calendar.from_ical(out)
        assert calendar.walk("VEVENT")
    return None


FICTIONAL = ("A. Moreau", "B. Osei", "C. Lindqvist", "D. Haddad", "E. Novak", "F. Tanaka")
DESIGN = ("system-design", "ml-system-design")


@dataclass
class PlanCase:
    level: str
    role: str | None
    files: list[File]
    pool: str  # none, bundled or generated
    seed: int
    interviews: int  # interviews in the generated loop
    day: list = field(default_factory=list)  # --start, --break, --lunch, --lunch-after

    def __repr__(self) -> str:
        return (f"PlanCase({self.level}, {self.role}, pool={self.pool}, seed={self.seed}, day={self.day}, "
                f"files={self.files!r})")


@st.composite
def marked_question(draw, number: int, qtype: str, stage: str, level: str, skills: list[str]) -> dict:
    text = marked_text()
    question = {
        "id": f"{draw(marker_word)}-{number}", "title": draw(text), "type": qtype,
        "levels": sorted({level, *draw(st.lists(st.sampled_from(LEVELS), max_size=2))}),
        "skills": draw(st.lists(st.sampled_from(skills), min_size=1, max_size=3, unique=True)),
        "stage": stage, "duration_minutes": draw(st.sampled_from([30, 45, 60])),
        "prompt": draw(text), "signal": draw(text),
        "rubric": [{"min": low, "max": high, "label": draw(text), "evidence": draw(st.lists(text, min_size=1, max_size=2))}
                   for low, high in ((0, 1), (2, 3), (4, 5))],
        "follow_ups": draw(st.lists(text, max_size=2)), "notes": draw(text), "owner": draw(marker_word),
        "last_reviewed": "2026-10-01",
    }
    if qtype in DESIGN:
        question["scenario"] = {"need": draw(text), "stakeholders": draw(st.lists(text, max_size=2)),
                                "constraints": draw(st.lists(text, max_size=2)),
                                "hooks": draw(st.lists(text, max_size=3)), "tradeoffs": draw(st.lists(text, max_size=2))}
        question["references"] = draw(st.lists(text, min_size=1, max_size=2))
    if not question["follow_ups"]:
        del question["follow_ups"]
    return question


@st.composite
def plan_cases(draw) -> PlanCase:
    """A loop template of a few slots, questions that can fill it (every text made-up words), an
    optional interviewer pool."""
    level = draw(st.sampled_from(LEVELS))
    role = draw(st.none() | st.sampled_from(bundled_data()["roles"]))
    skills = sorted(role["in_scope"]) if role else bundled_ids("skills")
    slots = [{"type": draw(st.sampled_from(TYPES)), "stage": draw(st.sampled_from(["filter", "probe"])),
              "minutes": draw(st.sampled_from([30, 45, 60])), "count": draw(st.integers(1, 2))}
             for _ in range(draw(st.integers(1, 3)))]
    slots.sort(key=lambda slot: slot["stage"] != "filter")
    interviews = sum(slot["count"] for slot in slots)
    loop = {"id": "generated", "level": level, "title": "Generated loop", "slots": slots,
            "progression": {"pass_total": draw(st.integers(0, 5 * interviews)), "min_each": draw(st.integers(0, 2))},
            "break_minutes": draw(st.integers(0, 20))}
    if draw(st.booleans()):
        loop["lunch"] = {"after_minutes": draw(st.integers(0, 240)), "minutes": draw(st.integers(0, 60))}
    questions = []
    for slot in slots:
        for _ in range(slot["count"] + draw(st.integers(0, 2))):
            questions.append(draw(marked_question(len(questions), slot["type"], slot["stage"], level, skills)))
    for _ in range(draw(st.integers(0, 2))):
        questions.append(draw(marked_question(len(questions), draw(st.sampled_from(TYPES)),
                                              draw(st.sampled_from(["filter", "probe"])), level, skills)))
    documents = [{"questions": questions}, {"loops": [loop]}]
    pool = draw(st.sampled_from(["none", "bundled", "generated"]))
    if pool == "generated":
        documents.append({"interviewers": [
            {"handle": f"iv-{n}", "name": draw(st.sampled_from(FICTIONAL)), "level": "staff",
             "qualified_for": sorted({slot["type"] for slot in slots}), "roles": ["hiring-manager"],
             "training": draw(st.sampled_from(["qualified", "qualified", "shadow"]))}
            for n in range(draw(st.integers(1, 2 * interviews)))]})
    files = [File("bank.yaml", documents[:2], style=draw(st.sampled_from(["block", "flow", "json"])),
                  encoding=draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16"])))]
    if pool == "generated":
        files.append(File("pool.yaml", documents[2:]))
    day = ["--start", draw(st.times()).strftime("%H:%M")]
    for option, values in (("--break", st.integers(0, 90)), ("--lunch", st.integers(0, 120)),
                           ("--lunch-after", st.integers(0, 600))):
        if draw(st.booleans()):
            day += [option, draw(values)]
    return PlanCase(level, role["id"] if role else None, files, pool, draw(st.integers(0, 3)), interviews, day)


def _words(out: str, fmt: str) -> set[str]:
    """Every word the output shows, lower case; ICS lines unfolded, JSON strings decoded."""
    texts = [out]
    if fmt == "json":
        texts += [json.dumps(json.loads(out), ensure_ascii=False)]
    if fmt == "ics":
        texts += [str(value) for component in Calendar.from_ical(out).walk() for value in component.values()]
    return set(re.findall(r"[a-z0-9]+", " ".join(texts).lower()))


@cases("plan")
@given(case=plan_cases())
def test_plans(case):
    check_plan(case)


def check_plan(case: PlanCase):
    with workspace(case.files) as root:
        args = ["plan", "--level", case.level, "--bank", "bank/bank.yaml", "--today", TODAY, "--date", TODAY,
                "--seed", case.seed, *case.day]
        if case.role:
            args += ["--role", case.role]
        if case.pool != "none":
            args += ["--interviewers", "bank/pool.yaml" if case.pool == "generated" else bundled_bank() / "interviewers.example.yaml"]
        made_up = {word for file in case.files for word in re.findall(r"[a-z]+", to_text(file))
                   if MADE_UP.fullmatch(word)}
        first = None
        for view in VIEWS:
            for fmt in FORMATS:
                result = run(*args, "--view", view, "--format", fmt, cwd=root)
                first = first or result
                assert result.code == first.code, (view, fmt, result.err)
                if result.code != 0:
                    check_one_line_error(result)
                    continue
                doc = check_plan_output(view, fmt, result.out)
                if doc is not None and view != "interviewer":
                    assert len(doc["interviews"]) == case.interviews
                shown = _words(result.out, fmt) & made_up
                if view == "candidate":
                    assert not shown, (fmt, sorted(shown))  # nothing of any question
                else:
                    assert shown, (view, fmt)  # the check above could see a question if one were shown
        event(f"plan exit {first.code}")
        if first.code == 0:
            written = run(*args, "--format", "json", "--output", "plan.json", cwd=root)
            assert written.out == "" and written.code == 0
            assert (root / "plan.json").read_text(encoding="utf-8") == run(*args, "--format", "json", cwd=root).out
            bank = (root / "bank" / "bank.yaml").read_bytes()
            refused = run(*args, "--format", "json", "--output", "bank/bank.yaml", cwd=root)  # an input file
            assert refused.code == 2 and (root / "bank" / "bank.yaml").read_bytes() == bank
