"""Autosave of unsaved work, and finding it again after a crash.

Every open window owns one recovery file in :func:`~cnnstudio.ui.settings.recovery_dir`,
``<session>.recovery.json``, guarded by a lock file while the window lives. Every 30 seconds
the window writes its network there if it has unsaved changes; a clean save or a clean close
deletes it. A recovery file whose lock is not held by a running program was left behind by a
crash and is offered back on the next start.

A recovery file is JSON::

    {"format": "cnnstudio-recovery", "version": 1, "saved_at": "2025-01-31T14:32:05",
     "path": "/home/me/net.cnnstudio.json" or null, "network": {... a network file ...}}
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer

from ..core import Network
from ..core.atomic import atomic_write
from ..core.fileformat import FileFormatError, from_dict, to_dict
from .document import Document

FORMAT = "cnnstudio-recovery"
SUFFIX = ".recovery.json"
AUTOSAVE_INTERVAL_MS = 30_000


@dataclass
class Recovered:
    """Work found in a recovery file left behind by a crash."""

    file: Path
    saved_at: datetime
    original_path: Path | None
    network: Network

    def discard(self) -> None:
        """Delete the recovery file (its work was restored or refused)."""
        self.file.unlink(missing_ok=True)
        _lock_path(self.file).unlink(missing_ok=True)


def recovery_text(network: Network, original_path: Path | None, saved_at: datetime) -> str:
    """The contents of a recovery file."""
    data = {
        "format": FORMAT,
        "version": 1,
        "saved_at": saved_at.isoformat(timespec="seconds"),
        "path": str(original_path) if original_path else None,
        "network": to_dict(network),
    }
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def read_recovery(file: Path) -> Recovered:
    """Read a recovery file; :class:`FileFormatError` if it is not one."""
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FileFormatError(f"{file.name} is not readable: {error}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise FileFormatError(f"{file.name} is not a CNN Studio recovery file")
    try:
        saved_at = datetime.fromisoformat(str(data["saved_at"]))
    except (KeyError, ValueError):
        raise FileFormatError(f"{file.name} has no valid 'saved_at' time") from None
    path = data.get("path")
    return Recovered(
        file, saved_at, Path(path) if isinstance(path, str) else None, from_dict(data.get("network"))
    )


def find_recoverable(folder: Path) -> list[Recovered]:
    """Work left behind by programs that are no longer running, newest first.

    Unreadable recovery files are deleted: there is nothing in them to give back.
    """
    found = []
    for file in folder.glob(f"*{SUFFIX}"):
        if _owned_by_running_program(file):
            continue
        try:
            found.append(read_recovery(file))
        except FileFormatError:
            file.unlink(missing_ok=True)
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


def _lock_path(file: Path) -> Path:
    return file.with_name(file.name[: -len(SUFFIX)] + ".lock")


def _owned_by_running_program(file: Path) -> bool:
    lock_path = _lock_path(file)
    if not lock_path.exists():
        return False
    lock = QLockFile(str(lock_path))
    lock.setStaleLockTime(0)  # stale only when its program is gone, however old the lock
    if not lock.tryLock(0):
        return True
    lock.unlock()
    return False


class Autosave(QObject):
    """Writes the document's unsaved work to its own recovery file every *interval_ms*.

    Parameters
    ----------
    document : Document
        The open network.
    folder : Path
        The recovery folder.
    interval_ms : int
        How often to write (30 seconds by default).
    """

    def __init__(
        self, document: Document, folder: Path, interval_ms: int = AUTOSAVE_INTERVAL_MS, parent=None
    ) -> None:
        super().__init__(parent)
        self.document = document
        session = uuid.uuid4().hex[:12]
        self.file = folder / f"{session}{SUFFIX}"
        self._lock = QLockFile(str(_lock_path(self.file)))
        self._lock.setStaleLockTime(0)
        self._lock.tryLock(0)
        self._pending = False
        document.summary_changed.connect(self._on_change)
        document.network_event.connect(self._on_change)
        document.title_changed.connect(self._on_title_changed)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.write_if_needed)
        self.timer.start()

    def _on_change(self, *_args) -> None:
        self._pending = True

    def _on_title_changed(self) -> None:
        if not self.document.modified:
            self.discard()

    def write_if_needed(self) -> bool:
        """Write the recovery file if there is unsaved work that it does not hold yet."""
        if not self.document.modified:
            self.discard()
            return False
        if not self._pending and self.file.exists():
            return False
        self.write_now()
        return True

    def write_now(self) -> None:
        """Write the recovery file now."""
        text = recovery_text(self.document.network, self.document.path, datetime.now())
        try:
            atomic_write(self.file, text)
        except OSError as error:
            self.document.status_message.emit(f"Could not autosave: {error.strerror or error}")
            return
        self._pending = False

    def discard(self) -> None:
        """Delete the recovery file (the work was saved, or thrown away on purpose)."""
        self.file.unlink(missing_ok=True)
        self._pending = False

    def close(self) -> None:
        """Delete the recovery file and release its lock: a clean exit."""
        self.timer.stop()
        self.discard()
        self._lock.unlock()


__all__ = ["AUTOSAVE_INTERVAL_MS", "Autosave", "Recovered", "find_recoverable", "read_recovery"]
