"""Downloading a dataset on a thread of its own, with progress, cancel and resume.

:class:`DatasetDownload` lives in the GUI thread; each download runs
:func:`cnnstudio.data.download_dataset` in a fresh ``QThread`` (no torch involved, so it may run
while a network trains). Cancelling keeps the partial file where the server can resume it;
starting again then continues it.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from ...data import DatasetError, DownloadCancelled, download_dataset

LARGEST_REPORTED = 2**31 - 1
"""Qt's signals carry 32-bit integers: larger byte counts are reported as this."""


class _DownloadWorker(QObject):
    """Runs one download in its thread and reports back through signals.

    Progress is coalesced, not throttled: each report replaces the last one, and a signal is
    sent only when the GUI thread has taken the one before (:meth:`take_progress`), so at most
    one waits in the event queue, and the bar always ends on the last report, even when the
    transfer stalls right after it.
    """

    progress_ready = Signal()
    done = Signal(str)
    failed = Signal(str, bool)

    def __init__(self, kind: str, folder: Path, base_url: str | None, checksums: Mapping[str, str] | None):
        super().__init__()
        self.kind, self.folder = kind, folder
        self.base_url, self.checksums = base_url, checksums
        self.cancel_event = threading.Event()
        self._lock = threading.Lock()
        self._latest = (0, 0)
        self._pending = False

    @Slot()
    def work(self) -> None:
        try:
            target = download_dataset(
                self.kind,
                self.folder,
                progress=self._progress,
                cancelled=self.cancel_event.is_set,
                base_url=self.base_url,
                checksums=self.checksums,
            )
        except DownloadCancelled as error:
            self.failed.emit(str(error), True)
        except DatasetError as error:
            self.failed.emit(str(error), False)
        except Exception as error:  # a bug should still end the download visibly
            stopped = QCoreApplication.translate(
                "TrainingDataset", "the download stopped with an unexpected error: {error}"
            )
            self.failed.emit(stopped.format(error=error), False)
        else:
            self.done.emit(str(target))

    def _progress(self, done: int, total: int) -> None:
        with self._lock:
            self._latest = (min(done, LARGEST_REPORTED), min(total, LARGEST_REPORTED))
            if self._pending:
                return
            self._pending = True
        self.progress_ready.emit()

    def take_progress(self) -> tuple[int, int]:
        """The last report (bytes done, bytes in all); the next report sends a signal again."""
        with self._lock:
            self._pending = False
            return self._latest


class DatasetDownload(QObject):
    """One download at a time, off the GUI thread.

    ``base_url`` and ``checksums`` replace the official address and SHA-256 values (mirrors,
    tests); None uses the official ones.

    Signals
    -------
    progress(int, int)
        Bytes done and bytes in all (the latest report whenever the GUI thread is free).
    finished(str)
        The folder holding the downloaded files (ready for ``KIND:FOLDER``).
    failed(str, bool)
        The message and whether it was cancelled (start again to resume where the server allows).
    """

    progress = Signal(int, int)
    finished = Signal(str)
    failed = Signal(str, bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.base_url: str | None = None
        self.checksums: Mapping[str, str] | None = None
        self._thread: QThread | None = None
        self._worker: _DownloadWorker | None = None

    @property
    def active(self) -> bool:
        return self._thread is not None

    def start(self, kind: str, folder: Path) -> bool:
        """Download *kind* into ``folder/<kind>``; False if a download is already going."""
        if self.active:
            return False
        self._thread = QThread()
        self._thread.setObjectName("datasetDownload")
        self._worker = _DownloadWorker(kind, Path(folder), self.base_url, self.checksums)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.work)
        self._worker.progress_ready.connect(self._on_progress)
        self._worker.done.connect(self._on_done)
        self._worker.failed.connect(self._on_failed)
        self._thread.start()
        return True

    def cancel(self) -> None:
        """Stop after the current chunk (the partial file stays where the server can resume it)."""
        if self._worker is not None:
            self._worker.cancel_event.set()

    def shutdown(self) -> None:
        """Cancel and wait for the thread (the window is closing)."""
        self.cancel()
        self._end_thread()

    @Slot()
    def _on_progress(self) -> None:
        if self._worker is not None:
            self.progress.emit(*self._worker.take_progress())

    @Slot(str)
    def _on_done(self, folder: str) -> None:
        self._end_thread()
        self.finished.emit(folder)

    @Slot(str, bool)
    def _on_failed(self, message: str, cancelled: bool) -> None:
        self._end_thread()
        self.failed.emit(message, cancelled)

    def _end_thread(self) -> None:
        if self._thread is None:
            return
        self._thread.quit()
        self._thread.wait()
        self._thread = self._worker = None
