"""The desktop app (PySide6). Only the GUI thread touches these widgets.

``from cnnstudio.ui import MainWindow`` gives the main window; it is imported on first use, so
importing a single part (``cnnstudio.ui.document``) does not build the whole user interface.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .main_window import MainWindow

__all__ = ["MainWindow"]


def __getattr__(name: str) -> Any:
    if name == "MainWindow":
        from .main_window import MainWindow

        return MainWindow
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
