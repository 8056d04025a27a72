"""Writing files without ever leaving half of one behind.

Everything looptool writes goes through :func:`write_atomic`: ``plan
--output``, ``lint --write-baseline`` and the finding cache. It never opens an
input file for writing.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path, text: str) -> None:
    """Write ``text`` (UTF-8, newlines as given) to ``path`` all at once.

    The text goes to a temporary file in the same folder, is flushed to disk,
    and then replaces ``path`` in one step (``os.replace``): a reader sees the
    old file or the new one, never a partial one, and on any error the
    temporary file is removed and ``path`` is left as it was. The new file
    keeps the mode of the one it replaces (else the usual one for new files).
    """
    target = Path(path)
    folder = target.parent
    data = text.encode("utf-8")
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
