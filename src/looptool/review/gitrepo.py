"""The git repository around a bank: its root, repository-relative paths, and
the files of a bank as they were at another revision.

CI reports name files relative to the repository root (GitHub annotations,
SARIF), and review features (``--changed-since``, ``looptool diff``) read the
bank at a git ref. Git is only ever run as a subprocess, read-only.
"""

from __future__ import annotations

import os
import posixpath
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from looptool.bank.load import YAML_SUFFIXES, UsageError, empty_bank, load_bank


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
    inside = _relative(file, root)
    return inside if inside is not None else Path(os.path.abspath(file)).as_posix()


def _relative(path, root: Path) -> str | None:
    """``path`` relative to ``root`` (``.`` for the root itself), or None when outside it.

    Compared as written first, then with the folders on both sides resolved:
    git names the top level by its real path, while a user may reach it through
    a symlinked folder (macOS's /tmp is one). The last part is not resolved, so a
    bank file that is a symlink keeps its own name.
    """
    absolute = Path(os.path.abspath(path))
    if _is_below(absolute, Path(os.path.abspath(root))):
        return absolute.relative_to(os.path.abspath(root)).as_posix()
    real = Path(os.path.realpath(absolute)) if absolute.name in ("", "..") else \
        Path(os.path.realpath(absolute.parent)) / absolute.name
    real_root = Path(os.path.realpath(root))
    return real.relative_to(real_root).as_posix() if _is_below(real, real_root) else None


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


SYMLINK_MODE = "120000"
MAX_LINK_HOPS = 40  # as the kernel's limit on symlinks in one lookup


def files_at(ref: str, paths, top: Path) -> dict[str, bytes]:
    """Repository-relative path -> content of every bank file under ``paths`` at ``ref``.

    A file committed as a symlink has its target's content, as in the working
    tree (one that leads outside the repository or nowhere is left out). Names
    are any bytes git can store: read NUL-separated, decoded as the file system
    would (``os.fsdecode``), and contents fetched by object id, never by name.
    """
    commit = resolve(ref, top)
    specs = [_spec(p, top) for p in paths]
    entries = _ls_tree(commit, [s or "." for s in specs], top, recursive=True)
    wanted = {name: entry for name, entry in entries.items()
              if entry[1] == "blob" and any(_wanted(name, s) for s in specs if _covers(s, name))}
    targets = {name: _follow(commit, name, entry, top) for name, entry in wanted.items()}
    targets = {name: oid for name, oid in targets.items() if oid is not None}
    return dict(zip(targets, _cat(list(targets.values()), top)))


def _ls_tree(commit: str, specs, top: Path, recursive: bool = False) -> dict[str, tuple[str, str, str]]:
    """Path -> (mode, type, object id) of the entries ``git ls-tree`` lists."""
    listing = git("ls-tree", *(["-r"] if recursive else []), "-z", "--full-tree", commit, "--", *specs,
                  cwd=top, binary=True)
    out = {}
    for entry in filter(None, listing.split(b"\0")):
        meta, name = entry.split(b"\t", 1)
        mode, kind, oid = meta.decode("ascii").split()
        out[os.fsdecode(name)] = (mode, kind, oid)
    return out


def _follow(commit: str, name: str, entry, top: Path) -> str | None:
    """The object id of the file ``name`` holds at ``commit``, following symlinks inside the repository."""
    for _ in range(MAX_LINK_HOPS):
        mode, kind, oid = entry
        if mode != SYMLINK_MODE:
            return oid if kind == "blob" else None
        target = PurePosixPath(os.fsdecode(_cat([oid], top)[0]))
        name = posixpath.normpath((PurePosixPath(name).parent / target).as_posix())
        if target.is_absolute() or name == ".." or name.startswith("../"):
            return None
        entry = _ls_tree(commit, [name], top).get(name)
        if entry is None:
            return None
    return None


def _spec(path, top: Path) -> str:
    rel = _relative(path, top)
    if rel is None:
        raise UsageError(f"{path}: outside the git repository at {top}")
    return "" if rel == "." else rel


def _covers(spec: str, name: str) -> bool:
    return spec in ("", ".") or name == spec or name.startswith(spec.rstrip("/") + "/")


def _cat(oids: list[str], top: Path) -> list[bytes]:
    """Contents of many blobs, by object id, in one ``git cat-file --batch`` call."""
    if not oids:
        return []
    request = "".join(f"{oid}\n" for oid in oids).encode()
    proc = subprocess.run(["git", "cat-file", "--batch"], cwd=top, input=request, capture_output=True, check=True)
    out, at, blobs = proc.stdout, 0, []
    for _ in oids:
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
    """The bank under ``paths`` as it was at ``ref``; empty when none of them existed then
    (the change that adds a bank)."""
    with at_ref(ref, paths, top) as (mapped, _):
        bank = load_bank(mapped)[0] if mapped else empty_bank()
    return bank
