"""One editor widget per kind of block setting (:class:`~cnnstudio.core.params.ParamSpec`).

Every editor has ``value()``, ``set_value(v)`` (which does not emit) and the signal
``edited(object)``, emitted as the student changes it: whole numbers get a spin box bounded by
the setting's range, real numbers a spin box without exponents, choices a combo box, on/off a
check box, and padding a choice of ``same``/``valid``/pixels with a spin box for the pixels.

A number box refuses what its range does not allow (``-5``, letters, ``99999`` for at most
9,999) and says so: its ``refused(str)`` signal carries the allowed range in a sentence
(:func:`allowed_range`), and ``range_ok()`` follows an edit finished without a refusal.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtGui import QKeySequence, QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QSpinBox,
    QWidget,
)

from ..core import fmt
from ..core.params import PADDING_WORDS, ParamSpec
from .terms import choice_title, param_help, param_label

PIXELS = "pixels"
"""The padding editor's third choice (its value is the spin box's number)."""


def _number(value: float) -> str:
    return fmt(int(value)) if float(value).is_integer() else f"{value:g}"


def allowed_range(spec: ParamSpec, whole: bool) -> str:
    """The values *spec* allows, in a sentence: "Filters must be a whole number from 1 to 9,999."."""
    label, low, high = param_label(spec), spec.minimum, spec.maximum
    if low is not None and high is not None:
        low, high = _number(low), _number(high)
        if whole:
            return QCoreApplication.translate(
                "ParamEditors", "{setting} must be a whole number from {low} to {high}."
            ).format(setting=label, low=low, high=high)
        return QCoreApplication.translate(
            "ParamEditors", "{setting} must be a number from {low} to {high}."
        ).format(setting=label, low=low, high=high)
    if low is not None:
        low = _number(low)
        if whole:
            return QCoreApplication.translate(
                "ParamEditors", "{setting} must be a whole number of at least {low}."
            ).format(setting=label, low=low)
        return QCoreApplication.translate(
            "ParamEditors", "{setting} must be a number of at least {low}."
        ).format(setting=label, low=low)
    if whole:
        return QCoreApplication.translate("ParamEditors", "{setting} must be a whole number.").format(
            setting=label
        )
    return QCoreApplication.translate("ParamEditors", "{setting} must be a number.").format(setting=label)


class _SaysItsRange:
    """For the number boxes: tell the student the allowed range when what they type is refused.

    A keystroke the range cannot allow (a minus sign, a letter, a fifth digit past 9,999) is
    refused as it is typed; a value the box puts back when editing ends ("0" for at least 1)
    is refused then. Either emits ``refused(message)``; an edit that ends without one emits
    ``range_ok()``.
    """

    def _say_range(self, message: str) -> None:
        self.allowed = message
        self._refused = False
        self._typed: str | None = None
        self.lineEdit().textEdited.connect(self._on_typed)
        self.editingFinished.connect(self._on_finished)

    def validate(self, text: str, pos: int):
        result = super().validate(text, pos)
        state = result[0] if isinstance(result, tuple) else result
        if state == QValidator.State.Invalid:
            self._refuse()
        return result

    def _on_typed(self, text: str) -> None:
        self._typed = text

    def _on_finished(self) -> None:
        typed, self._typed = self._typed, None
        if typed is not None and typed.strip() and self.lineEdit().text().strip() != typed.strip():
            self._refuse()  # the box put its last value back
        if not self._refused:
            self.range_ok.emit()
        self._refused = False

    def _refuse(self) -> None:
        self._refused = True
        self.refused.emit(self.allowed)


class _LeavesUndoToTheWindow:
    """For the number boxes: Ctrl+Z (and redo's keys) reach the window's Undo when the box has
    no typing of its own to take back. Qt's line edit claims those keys even with nothing to
    undo, so after typing a value and Enter, Ctrl+Z did nothing at all."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            edit = self.lineEdit()
            undo = event.matches(QKeySequence.StandardKey.Undo) and not edit.isUndoAvailable()
            redo = event.matches(QKeySequence.StandardKey.Redo) and not edit.isRedoAvailable()
            if undo or redo:
                event.ignore()  # not claimed: the window's shortcut runs
                return True
        return super().event(event)


class IntEditor(_LeavesUndoToTheWindow, _SaysItsRange, QSpinBox):
    """A whole-number setting."""

    edited = Signal(object)
    refused = Signal(str)
    range_ok = Signal()

    def __init__(self, spec: ParamSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(
            int(spec.minimum if spec.minimum is not None else -(2**31)), int(spec.maximum or 2**31 - 1)
        )
        self.setAccelerated(True)
        self.valueChanged.connect(self.edited.emit)
        self._say_range(allowed_range(spec, whole=True))

    def set_value(self, value: Any) -> None:
        self.blockSignals(True)
        self.setValue(int(value))
        self.blockSignals(False)


class FloatEditor(_LeavesUndoToTheWindow, _SaysItsRange, QDoubleSpinBox):
    """A real-number setting, shown without trailing zeros (``0.5``, ``0.0001``)."""

    edited = Signal(object)
    refused = Signal(str)
    range_ok = Signal()

    def __init__(self, spec: ParamSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(6)
        self.setRange(spec.minimum if spec.minimum is not None else -1e9, spec.maximum or 1e9)
        self.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self.valueChanged.connect(self.edited.emit)
        self._say_range(allowed_range(spec, whole=False))

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
    """A setting with named values (shown in the app's language, the value kept as the core
    names it)."""

    edited = Signal(object)

    def __init__(self, spec: ParamSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for choice in spec.choices:
            self.addItem(choice_title(choice), choice)
        self.currentIndexChanged.connect(lambda _index: self.edited.emit(self.value()))

    def value(self) -> str:
        return self.currentData()

    def set_value(self, value: Any) -> None:
        self.blockSignals(True)
        self.setCurrentIndex(max(self.findData(str(value)), 0))
        self.blockSignals(False)


class PixelsBox(_LeavesUndoToTheWindow, _SaysItsRange, QSpinBox):
    """The pixels of a padding setting."""

    refused = Signal(str)
    range_ok = Signal()

    def __init__(self, spec: ParamSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(int(spec.minimum or 0), int(spec.maximum or 255))
        self._say_range(allowed_range(spec, whole=True))


class PaddingEditor(QWidget):
    """Padding: ``same``, ``valid``, or a number of pixels on each side."""

    edited = Signal(object)
    refused = Signal(str)
    range_ok = Signal()

    def __init__(self, spec: ParamSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = QComboBox(self)
        for word in PADDING_WORDS:  # PyTorch's words, the same in every language
            self.mode.addItem(word, word)
        self.mode.addItem(QCoreApplication.translate("ParamEditors", "pixels"), PIXELS)
        self.mode.setToolTip(param_help(spec))
        self.pixels = PixelsBox(spec, self)
        self.pixels.refused.connect(self.refused.emit)
        self.pixels.range_ok.connect(self.range_ok.emit)
        self.pixels.setSuffix(" px")
        self.pixels.setToolTip(
            QCoreApplication.translate("ParamEditors", "Pixels of zeros added on each side")
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.mode, 1)
        layout.addWidget(self.pixels)
        self.mode.currentIndexChanged.connect(self._changed)
        self.pixels.valueChanged.connect(self._changed)

    def value(self) -> str | int:
        mode = self.mode.currentData()
        return self.pixels.value() if mode == PIXELS else mode

    def set_value(self, value: Any) -> None:
        for widget in (self.mode, self.pixels):
            widget.blockSignals(True)
        if isinstance(value, str):
            self.mode.setCurrentIndex(max(self.mode.findData(value), 0))
        else:
            self.mode.setCurrentIndex(self.mode.findData(PIXELS))
            self.pixels.setValue(int(value))
        self.pixels.setEnabled(self.mode.currentData() == PIXELS)
        for widget in (self.mode, self.pixels):
            widget.blockSignals(False)

    def _changed(self) -> None:
        self.pixels.setEnabled(self.mode.currentData() == PIXELS)
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
    editor.setToolTip(param_help(spec))
    editor.setObjectName(f"param_{spec.key}")
    return editor
