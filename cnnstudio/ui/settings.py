"""What the app remembers between runs: window layout, recent files and the display toggles.

Settings live in an INI file in the user's configuration folder (``~/.config/cnnstudio`` on
Linux); the autosave recovery files live in the user's data folder (``~/.local/share/cnnstudio``).
Tests point both elsewhere with ``QSettings.setPath`` and ``QStandardPaths.setTestModeEnabled``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

ORGANIZATION = "cnnstudio"
APPLICATION = "cnnstudio"
MAX_RECENT = 10


def data_dir() -> Path:
    """The folder for the app's own data files (created when missing)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    folder = Path(base) / APPLICATION
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def recovery_dir() -> Path:
    """Where unsaved work is autosaved (created when missing)."""
    folder = data_dir() / "recovery"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Settings:
    """Typed access to the app's ``QSettings``."""

    def __init__(self) -> None:
        self.store = QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
        )

    # -- recent files -------------------------------------------------------------------------

    def recent_files(self) -> list[Path]:
        """The files opened or saved lately, newest first."""
        value = self.store.value("files/recent", [])
        names = [value] if isinstance(value, str) else list(value or [])
        return [Path(name) for name in names if name]

    def add_recent(self, path: Path) -> list[Path]:
        """Put *path* first in the recent files; returns the new list."""
        path = Path(path).resolve()
        recent = [path] + [p for p in self.recent_files() if p != path]
        return self._set_recent(recent[:MAX_RECENT])

    def remove_recent(self, path: Path) -> list[Path]:
        """Forget *path* (it could not be opened); returns the new list."""
        return self._set_recent([p for p in self.recent_files() if p != Path(path).resolve()])

    def clear_recent(self) -> list[Path]:
        """Forget every recent file."""
        return self._set_recent([])

    def _set_recent(self, recent: list[Path]) -> list[Path]:
        self.store.setValue("files/recent", [str(p) for p in recent])
        return recent

    # -- display ------------------------------------------------------------------------------

    def shape_order(self) -> str:
        """``"hwc"`` (default) or ``"chw"``."""
        value = self.store.value("display/shape_order", "hwc")
        return value if value in ("hwc", "chw") else "hwc"

    def show_flops(self) -> bool:
        return _as_bool(self.store.value("display/show_flops", False))

    def save_display(self, shape_order: str, show_flops: bool) -> None:
        self.store.setValue("display/shape_order", shape_order)
        self.store.setValue("display/show_flops", show_flops)

    # -- start page ---------------------------------------------------------------------------

    def show_start_page(self) -> bool:
        """Whether to show the preset cards when the app starts without a network."""
        return _as_bool(self.store.value("start/show_start_page", True))

    def set_show_start_page(self, show: bool) -> None:
        self.store.setValue("start/show_start_page", show)

    # -- window -------------------------------------------------------------------------------

    def window_geometry(self) -> QByteArray | None:
        return _as_bytes(self.store.value("window/geometry"))

    def window_state(self) -> QByteArray | None:
        return _as_bytes(self.store.value("window/state"))

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.store.setValue("window/geometry", geometry)
        self.store.setValue("window/state", state)

    def last_folder(self) -> str:
        """The folder of the last file dialog ("" for the default)."""
        return str(self.store.value("files/last_folder", ""))

    def set_last_folder(self, folder: Path) -> None:
        self.store.setValue("files/last_folder", str(folder))

    def sync(self) -> None:
        """Write everything to disk now."""
        self.store.sync()


def _as_bool(value: object) -> bool:
    """INI files give booleans back as text."""
    if isinstance(value, str):
        return value.lower() in ("true", "1", "yes")
    return bool(value)


def _as_bytes(value: object) -> QByteArray | None:
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


__all__ = ["Settings", "data_dir", "recovery_dir"]
