"""Writing a file so that a reader sees the old contents or the new, never half of either.

Every file CNN Studio writes (network files, exports, checkpoints, recovery files) goes through
:func:`atomic_write`: the bytes go to a temporary file in the same folder, are flushed to disk,
and the temporary file is renamed over the target. A failure at any point leaves the target as
it was and removes the temporary file.

Two details matter to people who share files:

- the new file keeps an existing file's permission bits (a teacher's 0644 stays 0644); a file
  that did not exist gets the permissions the user's umask gives new files;
- writing onto a symbolic link writes the file the link points to and keeps the link.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

Payload = bytes | str | Callable[[BinaryIO], None]
"""What to write: bytes, text (written as UTF-8), or a function that writes to a binary file."""


def atomic_write(path: str | os.PathLike[str], payload: Payload) -> None:
    """Replace *path* with *payload* in one rename.

    Raises ``OSError`` (the target unchanged) when the folder cannot be written, the disk is
    full, or *path* is a folder; ``UnicodeEncodeError`` when *payload* is text that UTF-8 cannot
    encode (a lone surrogate).
    """
    target = _resolved_target(Path(path))
    data = payload.encode("utf-8") if isinstance(payload, str) else payload
    mode = _mode_for(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            if callable(data):
                data(handle)
            else:
                handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _resolved_target(path: Path) -> Path:
    """The file a write to *path* should replace: a symlink's target, the path itself otherwise."""
    target = path.resolve() if path.is_symlink() else path
    if target.is_dir():
        raise IsADirectoryError(21, "Is a directory", str(path))
    if str(target.parent) == "":
        return Path(".") / target
    return target


def _mode_for(target: Path) -> int:
    """An existing file's permission bits, or what the umask gives a new file."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        return 0o666 & ~_current_umask()


def _current_umask() -> int:
    """The process's umask, read without changing it where the system allows (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    # Elsewhere the umask can only be read by setting it; set it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


__all__ = ("atomic_write",)
