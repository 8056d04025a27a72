"""Nothing lost, nothing leaked: input files are never written, nothing goes over
the network, and no file content is ever run as code.

The runtime tests run every command that reads a bank; the source tests read
looptool's own code (its syntax tree, not its text, so a comment or a string
naming a forbidden call does not count).
"""

from __future__ import annotations

import ast
import json
import shutil
import socket
import subprocess

import pytest

from looptool.plan.views import FORMATS, VIEWS
from looptool.reporters import REPORTERS

from conftest import REPO, TODAY

SOURCE = REPO / "src" / "looptool"


@pytest.fixture
def bank(tmp_path, monkeypatch):
    """A copy of the bundled bank in a git repository (for --changed-since and diff);
    the finding cache on, outside the bank."""
    shutil.copytree(REPO / "loops", tmp_path / "loops")
    (tmp_path / "out").mkdir()
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"]
    for step in (["init", "-q"], ["add", "loops"], ["commit", "-q", "-m", "bank"]):
        subprocess.run([*git, *step], cwd=tmp_path, check=True, capture_output=True)
    monkeypatch.setenv("LOOPTOOL_NO_CACHE", "0")
    monkeypatch.setenv("LOOPTOOL_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    return tmp_path / "loops"


def every_command(cli):
    """Every command that reads the bank in ./loops, with each of its outputs; yields exit codes."""
    lint = ("lint", "loops", "--today", TODAY)
    plan = ("plan", "--level", "senior", "--role", "mlops", "--bank", "loops", "--today", TODAY,
            "--interviewers", "loops/interviewers.example.yaml")
    for fmt in REPORTERS:
        yield cli(*lint, "--format", fmt)
    yield cli(*lint, "--write-baseline", "out/baseline.json")
    yield cli(*lint, "--baseline", "out/baseline.json")
    yield cli(*lint, "--changed-since", "HEAD", "--format", "json")
    yield cli(*lint, "--statistics", "--role", "mlops")
    for view in VIEWS:
        for fmt in FORMATS:
            yield cli(*plan, "--view", view, "--format", fmt)
    yield cli(*plan, "--format", "json", "--output", "out/plan.json")
    yield cli(*plan, "--exclude", "out/plan.json", "--seed", "3", "--output", "out/next.md", "--format", "markdown")
    yield cli("diff", "HEAD", "--bank", "loops")
    yield cli("config", "loops")


def snapshot(folder):
    """Each file's bytes, modification time and inode (a rename over it would change the inode)."""
    out = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        out[path] = (path.read_bytes() if path.is_file() else None, info.st_mtime_ns, info.st_ino, info.st_mode)
    return out


def test_no_command_writes_to_an_input_file(bank, cli):
    before = snapshot(bank)
    codes = [run.code for run in every_command(cli)]
    assert set(codes) <= {0, 1}, codes
    assert snapshot(bank) == before
    assert sorted(p.name for p in (bank.parent / "out").iterdir()) == ["baseline.json", "next.md", "plan.json"]


def test_no_network_access(bank, cli, monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network access in a test")

    for name in ("connect", "connect_ex", "sendto", "bind"):
        monkeypatch.setattr(socket.socket, name, refuse)
    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse)
    codes = [run.code for run in every_command(cli)]
    assert set(codes) <= {0, 1}, codes
    assert attempts == []


# values that a template engine, a shell, Python or a YAML object constructor would act on
INERT = {
    "python": "__import__('os').system('touch PWNED')",
    "template": "{{7*7}} ${{ 7*7 }} {% raw %}",
    "shell": "$(touch PWNED) `touch PWNED`; touch PWNED",
    "format": "{0.__class__.__mro__} %(x)s %s",
}


def test_file_content_stays_inert(tmp_path, cli, monkeypatch, write):
    shutil.copytree(REPO / "loops", tmp_path / "loops")
    monkeypatch.chdir(tmp_path)
    plan = ("plan", "--level", "junior", "--bank", "loops", "--today", TODAY)
    chosen = json.loads(cli(*plan, "--format", "json").out)["interviews"][0]["question"]
    source = next(p for p in (tmp_path / "loops").rglob("*.yaml") if f"- id: {chosen}\n" in p.read_text(encoding="utf-8"))
    text = source.read_text(encoding="utf-8")
    at = text.index("    title: ", text.index(f"- id: {chosen}\n"))
    title = " ~ ".join(INERT.values())
    quoted = title.replace("'", "''")
    source.write_text(text[:at] + f"    title: '{quoted}'" + text[text.index("\n", at):], encoding="utf-8")
    write("loops/hostile.yaml", """
        skills: !!python/object/apply:os.system ["touch PWNED"]
        roles: [!!python/name:os.system x]
    """)
    lint = cli("lint", "loops", "--today", TODAY, "--format", "json")
    assert lint.code == 1 and "LT003" in lint.out
    for view in ("panel", "interviewer"):
        for fmt in ("json", "markdown", "text"):
            run = cli(*plan, "--view", view, "--format", fmt)
            assert run.code == 0, run.err
            if fmt != "text":  # printed as written, never run: {{7*7}} is not 49
                assert title in run.out, (view, fmt)
    assert not list(tmp_path.rglob("PWNED")) and not (REPO / "PWNED").exists()


# -- the source --------------------------------------------------------------------------------


def modules():
    for path in sorted(SOURCE.rglob("*.py")):
        yield path.relative_to(SOURCE).as_posix(), ast.parse(path.read_text(encoding="utf-8"))


def _dotted(node) -> str:
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return node.id if isinstance(node, ast.Name) else ""


def test_no_code_evaluation_in_the_source():
    forbidden_calls = {"eval", "exec", "compile", "__import__", "breakpoint", "os.system", "os.popen",
                       "yaml.load", "yaml.load_all", "yaml.full_load", "yaml.unsafe_load", "yaml.add_constructor"}
    forbidden_modules = {"pickle", "marshal", "shelve", "ctypes", "pty", "code", "codeop", "runpy",
                         "socket", "http", "urllib.request", "requests", "httpx", "ftplib", "smtplib"}
    found = []
    for name, tree in modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _dotted(node.func) in forbidden_calls:
                found.append((name, node.lineno, _dotted(node.func)))
            if isinstance(node, ast.Attribute) and _dotted(node) in {"yaml.Loader", "yaml.UnsafeLoader",
                                                                       "yaml.FullLoader"}:
                found.append((name, node.lineno, _dotted(node)))
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                found += [(name, node.lineno, m) for m in names
                          if any(m == bad or m.startswith(bad + ".") for bad in forbidden_modules)]
    assert found == []


def test_subprocesses_run_git_with_a_list_of_arguments_only():
    calls = []
    for name, tree in modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _dotted(node.func).startswith(("subprocess.", "os.exec", "os.spawn")):
                calls.append((name, _dotted(node.func), node))
    assert {(name, func) for name, func, _ in calls} == {("review/gitrepo.py", "subprocess.run")}
    for _, _, node in calls:
        command = node.args[0]
        assert isinstance(command, ast.List) and isinstance(command.elts[0], ast.Constant)
        assert command.elts[0].value == "git"
        assert "shell" not in {k.arg for k in node.keywords}


def test_modules_are_imported_by_fixed_names_only():
    """importlib is only ever given a name from looptool's own tables, never from input."""
    users = sorted(name for name, tree in modules() for node in ast.walk(tree)
                   if isinstance(node, ast.Call) and _dotted(node.func) == "importlib.import_module")
    assert users == ["lint/registry.py", "reporters/__init__.py"]


def test_no_shell_true_anywhere():
    needle = "shell=" + "True"
    skip = {".git", "__pycache__", ".hypothesis", ".pytest_cache", "build", "dist"}

    def ours(parts) -> bool:
        # virtual environments (.venv, .venv-oldest) hold other people's code, and eval/corpus other
        # people's questions, quoted as written (a secure-coding lab asks about the very call)
        return not (skip & set(parts) or any(part.startswith(".venv") for part in parts)
                    or tuple(parts[:2]) == ("eval", "corpus"))

    files = [p for p in REPO.rglob("*") if p.is_file() and ours(p.relative_to(REPO).parts)]
    assert len(files) > 50
    assert [p for p in files if needle in p.read_text(encoding="utf-8", errors="ignore")] == []
