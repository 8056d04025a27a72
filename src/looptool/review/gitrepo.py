"""The git repository around a bank: its root, repository-relative paths, and
the files of a bank as they were at another revision.

CI reports name files relative to the repository root (GitHub annotations,
SARIF), and review features (``--changed-since``, ``looptool diff``) read the
bank at a git ref. Git is only ever run as a subprocess, read-only.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from looptool.bank.load import YAML_SUFFIXES, UsageError, load_bank


def repo_root(start: Path | None = None) -> Path:
    """The folder paths are reported relative to.

    ``$GITHUB_WORKSPACE`` when set (the checkout on a GitHub runner), else the
    nearest folder at or above ``start`` (the working directory) holding
    ``.git``, else the working directory itself.
    """
    here = Path(os.path.abspath(start or os.getcwd()))
    workspace = os.environ.get("GITHUB_WORKSPACE")
    if workspace and _is_below(here, Path(os.path.abspath(workspace))):
        return Path(os.path.abspath(workspace))
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def _is_below(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def repo_path(file: str, root: Path | None = None) -> str:
    """``file`` relative to the repository root, POSIX, never ``./``-prefixed;
    absolute when it lies outside the repository."""
    root = root or repo_root()
    absolute = Path(os.path.abspath(file))
    if _is_below(absolute, root):
        return absolute.relative_to(root).as_posix()
    return absolute.as_posix()


# -- reading a ref ------------------------------------------------------------


def git(*args: str, cwd: Path, binary: bool = False):
    """Run git; a failure is a usage error carrying git's own message."""
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError("git is not installed (needed for --changed-since and diff)") from None
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(f"git {args[0]}: {message[-1] if message else 'failed'}")
    return proc.stdout if binary else proc.stdout.decode("utf-8", "replace")


def toplevel(cwd: Path | None = None) -> Path:
    cwd = Path(cwd or os.getcwd())
    try:
        out = git("rev-parse", "--show-toplevel", cwd=cwd)
    except UsageError:
        raise UsageError(f"{cwd}: not inside a git repository") from None
    return Path(out.strip())


def resolve(ref: str, top: Path) -> str:
    """The commit a ref names; a clear error when it names none."""
    try:
        return git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", cwd=top).strip()
    except UsageError:
        raise UsageError(f"`{ref}` is not a commit in {top}") from None


def _wanted(rel: str, spec: str) -> bool:
    """Whether a file found under ``spec`` belongs to the bank: named exactly,
    or a YAML file with no hidden part below the folder (as bank.discover)."""
    if rel == spec:
        return True
    below = PurePosixPath(rel).relative_to(spec) if spec not in ("", ".") else PurePosixPath(rel)
    return rel.endswith(YAML_SUFFIXES) and not any(part.startswith(".") for part in below.parts)


def files_at(ref: str, paths, top: Path) -> dict[str, bytes]:
    """Repository-relative path -> content of every bank file under ``paths`` at ``ref``."""
    commit = resolve(ref, top)
    specs = [_spec(p, top) for p in paths]
    listing = git("ls-tree", "-r", "-z", "--full-tree", commit, "--", *(s or "." for s in specs), cwd=top)
    names = []
    for entry in filter(None, listing.split("\0")):
        meta, name = entry.split("\t", 1)
        if meta.split()[1] == "blob" and any(_wanted(name, s) for s in specs if _covers(s, name)):
            names.append(name)
    return dict(zip(names, _cat(commit, names, top)))


def _spec(path, top: Path) -> str:
    absolute = Path(os.path.abspath(path))
    if not _is_below(absolute, top):
        raise UsageError(f"{path}: outside the git repository at {top}")
    rel = absolute.relative_to(top).as_posix()
    return "" if rel == "." else rel


def _covers(spec: str, name: str) -> bool:
    return spec in ("", ".") or name == spec or name.startswith(spec.rstrip("/") + "/")


def _cat(commit: str, names: list[str], top: Path) -> list[bytes]:
    """Contents of many blobs in one ``git cat-file --batch`` call."""
    if not names:
        return []
    request = "".join(f"{commit}:{name}\n" for name in names).encode()
    proc = subprocess.run(["git", "cat-file", "--batch"], cwd=top, input=request, capture_output=True, check=True)
    out, at, blobs = proc.stdout, 0, []
    for _ in names:
        header_end = out.index(b"\n", at)
        size = int(out[at:header_end].split()[2])
        blobs.append(out[header_end + 1: header_end + 1 + size])
        at = header_end + 1 + size + 1
    return blobs


def bank_top(paths) -> Path:
    """The repository holding the bank (found from its first path)."""
    first = Path(os.path.abspath(paths[0])) if paths else Path.cwd()
    return toplevel(first if first.is_dir() else first.parent)


@contextmanager
def at_ref(ref: str, paths, top: Path):
    """The bank files under ``paths`` as they were at ``ref``, written to a
    temporary folder in the repository's layout. Yields (the paths mapped
    into that folder, those left out being absent at ``ref``; repository-
    relative path -> content)."""
    files = files_at(ref, paths, top)
    with tempfile.TemporaryDirectory(prefix="looptool-ref-") as tmp:
        root = Path(tmp)
        for name, content in files.items():
            target = root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        mapped = [root / _spec(path, top) for path in paths]
        yield [path for path in mapped if path.exists()], files


def bank_at(ref: str, paths, top: Path):
    """The bank under ``paths`` as it was at ``ref``."""
    with at_ref(ref, paths, top) as (mapped, _):
        bank, _ = load_bank(mapped)
    return bank
