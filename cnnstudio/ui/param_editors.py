"""One editor widget per kind of block setting (:class:`~cnnstudio.core.params.ParamSpec`).

Every editor has ``value()``, ``set_value(v)`` (which does not emit) and the signal
``edited(object)``, emitted as the student changes it: whole numbers get a spin box bounded by
the setting's range, real numbers a spin box without exponents, choices a combo box, on/off a
check box, and padding a choice of ``same``/``valid``/pixels with a spin box for the pixels.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QSpinBox,
    QWidget,
)

from ..core.params import PADDING_WORDS, ParamSpec

PIXELS = "pixels"


class IntEditor(QSpinBox):
    """A whole-number setting."""

    edited = Signal(object)

    def __init__(self, spec: ParamSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(
            int(spec.minimum if spec.minimum is not None else -(2**31)), int(spec.maximum or 2**31 - 1)
        )
        self.setAccelerated(True)
        self.valueChanged.connect(self.edited.emit)

    def set_value(self, value: Any) -> None:
        self.blockSignals(True)
        self.setValue(int(value))
        self.blockSignals(False)


class FloatEditor(QDoubleSpinBox):
    """A real-number setting, shown without trailing zeros (``0.5``, ``0.0001``)."""

    edited = Signal(object)

    def __init__(self, spec: ParamSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(6)
        self.setRange(spec.minimum if spec.minimum is not None else -1e9, spec.maximum or 1e9)
        self.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self.valueChanged.connect(self.edited.emit)

    def textFromValue(self, value: float) -> str:
        return f"{value:.6f}".rstrip("0").rstrip(".") or "0"

    def set_value(self, value: Any) -> None:
        self.blockSignals(True)
        self.setValue(float(value))
        self.blockSignals(False)


class BoolEditor(QCheckBox):
    """An on/off setting."""

    edited = Signal(object)

    def __init__(self, spec: ParamSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggled.connect(self.edited.emit)

    def value(self) -> bool:
        return self.isChecked()

    def set_value(self, value: Any) -> None:
        self.blockSignals(True)
        self.setChecked(bool(value))
        self.blockSignals(False)


class ChoiceEditor(QComboBox):
    """A setting with named values."""

    edited = Signal(object)

    def __init__(self, spec: ParamSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItems(list(spec.choices))
        self.currentTextChanged.connect(self.edited.emit)

    def value(self) -> str:
        return self.currentText()

    def set_value(self, value: Any) -> None:
        self.blockSignals(True)
        self.setCurrentText(str(value))
        self.blockSignals(False)


class PaddingEditor(QWidget):
    """Padding: ``same``, ``valid``, or a number of pixels on each side."""

    edited = Signal(object)

    def __init__(self, spec: ParamSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = QComboBox(self)
        self.mode.addItems([*PADDING_WORDS, PIXELS])
        self.mode.setToolTip(spec.help)
        self.pixels = QSpinBox(self)
        self.pixels.setRange(int(spec.minimum or 0), int(spec.maximum or 255))
        self.pixels.setSuffix(" px")
        self.pixels.setToolTip("Pixels of zeros added on each side")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.mode, 1)
        layout.addWidget(self.pixels)
        self.mode.currentTextChanged.connect(self._changed)
        self.pixels.valueChanged.connect(self._changed)

    def value(self) -> str | int:
        mode = self.mode.currentText()
        return self.pixels.value() if mode == PIXELS else mode

    def set_value(self, value: Any) -> None:
        for widget in (self.mode, self.pixels):
            widget.blockSignals(True)
        if isinstance(value, str):
            self.mode.setCurrentText(value)
        else:
            self.mode.setCurrentText(PIXELS)
            self.pixels.setValue(int(value))
        self.pixels.setEnabled(self.mode.currentText() == PIXELS)
        for widget in (self.mode, self.pixels):
            widget.blockSignals(False)

    def _changed(self) -> None:
        self.pixels.setEnabled(self.mode.currentText() == PIXELS)
        self.edited.emit(self.value())


EDITORS = {
    "int": IntEditor,
    "float": FloatEditor,
    "bool": BoolEditor,
    "choice": ChoiceEditor,
    "padding": PaddingEditor,
}


def editor_for(spec: ParamSpec, value: Any, parent: QWidget | None = None) -> QWidget:
    """A new editor for *spec*, showing *value*, with the setting's help as its tooltip."""
    editor = EDITORS[spec.kind](spec, parent)
    editor.set_value(value)
    editor.setToolTip(spec.help)
    editor.setObjectName(f"param_{spec.key}")
    return editor
