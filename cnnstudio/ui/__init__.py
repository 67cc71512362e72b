"""The desktop app (PySide6). Only the GUI thread touches these widgets."""
