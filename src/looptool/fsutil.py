"""Writing files without ever leaving half of one behind, or destroying what
the path named.

Everything looptool writes goes through :func:`write_atomic`: ``plan
--output``, ``lint --write-baseline`` and the finding cache. Commands check
with :func:`refuse_inputs` first that the output is none of the files they read.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from looptool.errors import UsageError


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path, text: str) -> None:
    """Write ``text`` (UTF-8, newlines as given) to ``path`` all at once.

    For a regular file (or a new one) the text goes to a temporary file in the
    same folder, is flushed to disk, and then replaces the file in one step
    (``os.replace``): a reader sees the old file or the new one, never a
    partial one, and on any error the temporary file is removed and the file
    is left as it was. The new file keeps the mode of the one it replaces
    (else the usual one for new files).

    A symlink is followed: its target is replaced that way and the link kept.
    What is not a regular file (a device such as /dev/null or /dev/stdout, a
    FIFO) is written through, never replaced: renaming over it would turn a
    device into a file holding the text.
    """
    data = text.encode("utf-8")
    try:
        mode = os.stat(path).st_mode  # follows a symlink to what it names
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(21, "Is a directory", str(path))
        _write_through(path, data)
        return
    _replace(Path(os.path.realpath(path)) if os.path.islink(path) else Path(path), data)


def _write_through(path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "wb") as out:
        out.write(data)
        out.flush()


def _replace(target: Path, data: bytes) -> None:
    folder = target.parent
    try:
        mode = os.stat(target).st_mode & 0o7777
    except FileNotFoundError:
        mode = _default_mode()
    handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def refuse_inputs(output, inputs, option: str) -> None:
    """A UsageError when ``output`` is (or links to) one of the files ``inputs``:
    no command ever writes to a file it reads."""
    if output is None:
        return
    wanted = _identity(output)
    if wanted is None:
        return
    for source in inputs:
        if source is not None and _identity(source) == wanted:
            raise UsageError(f"{option} {output}: is an input file ({source}); choose another path")


def _identity(path):
    """(device, inode) of the file ``path`` names, following links; None if there is none."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return (info.st_dev, info.st_ino) if stat.S_ISREG(info.st_mode) else None
