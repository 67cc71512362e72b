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

import contextlib
import json
import os
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, QTimer

from ..core import Network
from ..core.atomic import atomic_write
from ..core.fileformat import FileFormatError, from_dict, to_dict
from ..core.jsonfile import parse_json, read_text
from .document import Document
from .language import core_text

FORMAT = "cnnstudio-recovery"
SUFFIX = ".recovery.json"
UNREADABLE_SUFFIX = ".unreadable"
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
        for path in (self.file, _lock_path(self.file)):
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)


def recovery_text(network: Network, original_path: Path | None, saved_at: datetime) -> str:
    """The contents of a recovery file."""
    data = {
        "format": FORMAT,
        "version": 1,
        "saved_at": saved_at.isoformat(timespec="seconds"),
        "path": str(original_path) if original_path else None,
        "network": to_dict(network),
    }
    # ASCII: a file name that is not UTF-8 (held with surrogate escapes) is kept exactly
    return json.dumps(data, indent=1, allow_nan=False) + "\n"


def read_recovery(file: Path) -> Recovered:
    """Read a recovery file; :class:`FileFormatError` if it is not one (whatever it holds)."""
    data = parse_json(read_text(file))
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise FileFormatError(QCoreApplication.translate("Recovery", "it is not a CNN Studio recovery file"))
    when = _saved_at(data.get("saved_at"))
    return Recovered(file, when, _original_path(data.get("path")), from_dict(data.get("network")))


def _saved_at(text: object) -> datetime:
    """The time a recovery file was written, as local time without a zone (so any two compare)."""
    try:
        when = datetime.fromisoformat(text) if isinstance(text, str) and len(text) < 40 else None
    except ValueError:
        when = None
    if when is None:
        raise FileFormatError(QCoreApplication.translate("Recovery", "it has no valid 'saved_at' time"))
    return when.astimezone().replace(tzinfo=None) if when.tzinfo else when


def _original_path(path: object) -> Path | None:
    """The file the work came from, if the recovery file names one a file can have."""
    if not isinstance(path, str) or not path or "\0" in path or not Path(path).is_absolute():
        return None  # the work itself is what matters: it comes back untitled
    return Path(path)


@dataclass
class Unreadable:
    """A recovery file that could not be read, and where it was put so it is not read again."""

    file: Path
    reason: str
    set_aside_as: Path | None

    def message(self) -> str:
        """One line for the status bar."""
        reason = core_text(self.reason)
        if self.set_aside_as is None:
            return QCoreApplication.translate(
                "Recovery", "A recovery file could not be read ({why}); it could not be moved away"
            ).format(why=reason)
        return QCoreApplication.translate(
            "Recovery", "A recovery file could not be read ({why}); set aside as {file}"
        ).format(why=reason, file=self.set_aside_as.name)


def find_recoverable(folder: Path) -> tuple[list[Recovered], list[Unreadable]]:
    """Work left behind by programs that are no longer running (newest first), and the recovery
    files that could not be read.

    An unreadable recovery file is renamed to end in ``.unreadable`` (it holds nothing to give
    back, but someone may want to look at it), so it is reported once and never read again.
    """
    found, unreadable = [], []
    for file in sorted(folder.glob(f"*{SUFFIX}")):
        if _owned_by_running_program(file):
            continue
        try:
            found.append(read_recovery(file))
        except FileFormatError as error:
            unreadable.append(Unreadable(file, str(error), _set_aside(file)))
    return sorted(found, key=lambda r: r.saved_at, reverse=True), unreadable


def _set_aside(file: Path) -> Path | None:
    """Rename *file* out of the recovery files' pattern; its new path, or None if it cannot be."""
    target = file.with_name(file.name + UNREADABLE_SUFFIX)
    try:
        os.replace(file, target)
    except OSError:
        return None
    with contextlib.suppress(OSError):
        _lock_path(file).unlink(missing_ok=True)
    return target


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
        try:
            atomic_write(self.file, recovery_text(self.document.network, self.document.path, datetime.now()))
        except OSError as error:
            self.document.status_message.emit(
                self.tr("Could not autosave: {why}").format(why=error.strerror or error)
            )
            return
        except FileFormatError as error:
            self.document.status_message.emit(
                self.tr("Could not autosave: {why}").format(why=core_text(str(error)))
            )
            return
        self._pending = False

    def discard(self) -> None:
        """Delete the recovery file (the work was saved, or thrown away on purpose)."""
        with contextlib.suppress(OSError):  # a folder made read-only: the file stays, nothing breaks
            self.file.unlink(missing_ok=True)
        self._pending = False

    def close(self) -> None:
        """Delete the recovery file and release its lock: a clean exit."""
        self.timer.stop()
        self.discard()
        self._lock.unlock()


__all__ = ["AUTOSAVE_INTERVAL_MS", "Autosave", "Recovered", "Unreadable", "find_recoverable", "read_recovery"]
