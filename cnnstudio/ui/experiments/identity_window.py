"""The identity check: zero a residual block's last layer and see it pass its input through.

The window follows the residual block selected on the canvas (or offers the network's blocks
in a list). "Zero the last layer" sets the block's last batch norm's scale and shift to zero (the
last convolution's weights and bias in a block without batch norm), on the experiments' own copy
of the weights, and runs a validation image: the block's output is then the ReLU of its input,
and the window shows the largest difference, 0. "Restore the weights" (Ctrl+Z) puts the values
back, and the same check fails with the difference it finds. A plain block, or one whose
shortcut changes the shape, fails and says why.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core import format_shape
from ..document import Document
from ..language import core_text
from ..style import CHECK_FAILED, CHECK_PASSED, IDENTITY_VERDICT, LOOK_FOR_BOX
from .records import IdentityRequest, IdentityResult
from .sample_choice import SampleChoice, weights_phrase

if TYPE_CHECKING:
    from ...model.identity import IdentityCheck

translate = QCoreApplication.translate

EXPLAIN = QT_TRANSLATE_NOOP(
    "ExperimentsIdentity",
    "A residual block computes a[l+2] = g(z[l+2] + a[l]). Zero its last layer — the last batch "
    "norm's scale and shift (or, without batch norm, the last convolution's weights and bias) — and "
    "z[l+2] = 0, so a[l+2] = g(a[l]) = ReLU of the block's input. Since a[l] came out of a ReLU, "
    "that is a[l] itself: the block computes the identity. The check runs one image through the "
    "network and compares the block's output with the ReLU of its input.",
)
PENDING = QT_TRANSLATE_NOOP(
    "ExperimentsIdentity", "Checking on the training worker (after the training run, if one is in progress)…"
)
NO_BLOCK = QT_TRANSLATE_NOOP(
    "ExperimentsIdentity", "This network has no residual block. Open ResNet-20 to try the identity on one."
)


class IdentityWindow(QWidget):
    """Zero, restore and check a residual block's last layer (a window of its own).

    Parameters
    ----------
    document : Document
        The open network; its canvas selection picks the block.
    ask : callable
        Sends an :class:`~.records.IdentityRequest` to the worker.
    spec_for : callable
        ``spec_for(channels) -> (dataset spec, seed)`` for the image.

    Signals
    -------
    result_shown(object)
        An :class:`~.records.IdentityResult` is on show.
    open_preset_requested(str)
        The student asked to open a preset (ResNet-20) to have a block to check.
    """

    result_shown = Signal(object)
    open_preset_requested = Signal(str)

    def __init__(
        self,
        document: Document,
        ask: Callable[[IdentityRequest], None],
        spec_for: Callable[[int], tuple[str, int]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("identityCheck")
        self.setWindowTitle(translate("ExperimentsIdentity", "The identity: why ResNets work"))
        self.document, self.ask = document, ask
        self.result: IdentityResult | None = None
        self.zeroed: frozenset[str] = frozenset()
        self.choice = SampleChoice(spec_for)
        self._build()
        document.summary_changed.connect(self._fill_blocks)
        document.selection_changed.connect(self.follow_selection)
        self.choice.changed.connect(self.check)
        self._fill_blocks()

    def _build(self) -> None:
        explain = QLabel(
            translate("ExperimentsIdentity", EXPLAIN), wordWrap=True, objectName="identityExplain"
        )
        explain.setStyleSheet(LOOK_FOR_BOX)
        self.blocks = QComboBox(objectName="identityBlock")
        self.blocks.currentIndexChanged.connect(lambda _i: self.check())
        self.zero_button = QPushButton(
            translate("ExperimentsIdentity", "Zero the last layer"), objectName="identityZero"
        )
        self.zero_button.clicked.connect(self.zero)
        restore = translate("ExperimentsIdentity", "Restore the weights")
        self.restore_button = QPushButton(restore, objectName="identityRestore")
        self.restore_button.setToolTip(
            translate("ExperimentsIdentity", "Undo the zeroing: put the last layer's values back (Ctrl+Z)")
        )
        self.restore_button.clicked.connect(self.restore)
        self.undo = QAction(restore, self, shortcut=QKeySequence.StandardKey.Undo)
        self.undo.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.undo.triggered.connect(self.restore)
        self.addAction(self.undo)
        self.check_button = QPushButton(
            translate("ExperimentsIdentity", "Check again"), objectName="identityCheckAgain"
        )
        self.check_button.clicked.connect(self.check)
        self.open_resnet = QPushButton(
            translate("ExperimentsIdentity", "Open ResNet-20"), objectName="identityOpenResnet", visible=False
        )
        self.open_resnet.clicked.connect(lambda: self.open_preset_requested.emit("resnet20"))
        self.verdict = QLabel(objectName="identityVerdict", wordWrap=True)
        self.detail = QLabel(objectName="identityDetail", wordWrap=True)
        self.values = QTableWidget(3, 0, objectName="identityValues")
        self.values.setVerticalHeaderLabels(
            [
                translate("ExperimentsIdentity", "input a[l]"),
                translate("ExperimentsIdentity", "ReLU(input)"),
                translate("ExperimentsIdentity", "output a[l+2]"),
            ]
        )
        self.values.setMaximumHeight(120)
        self.values.horizontalHeader().setVisible(False)
        self.values.setToolTip(
            translate("ExperimentsIdentity", "The first values where the block's input is positive")
        )
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("ExperimentsIdentity", "Block:")))
        row.addWidget(self.blocks, 1)
        row.addWidget(self.zero_button)
        row.addWidget(self.restore_button)
        row.addWidget(self.check_button)
        row.addWidget(self.open_resnet)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(row)
        layout.addWidget(self.choice)
        layout.addWidget(self.verdict)
        layout.addWidget(self.detail)
        layout.addWidget(self.values)
        layout.addStretch(1)
        self.resize(820, 520)

    # -- the blocks -------------------------------------------------------------------------------

    def _fill_blocks(self) -> None:
        current = self.blocks.currentData()
        self.blocks.blockSignals(True)
        self.blocks.clear()
        for node in self.document.network.nodes:
            if node.type == "residual":
                self.blocks.addItem(f"{node.name}  ({node.block.summary_text(node.params)})", node.name)
        found = self.blocks.findData(current)
        self.blocks.setCurrentIndex(found if found >= 0 else self._first_identity_block())
        self.blocks.blockSignals(False)
        has_blocks = self.blocks.count() > 0
        for widget in (self.zero_button, self.restore_button, self.check_button, self.blocks):
            widget.setEnabled(has_blocks and self.document.summary.valid)
        self.open_resnet.setVisible(not has_blocks)
        if not has_blocks:
            self._show_verdict(translate("ExperimentsIdentity", NO_BLOCK), False)
        elif current != self.blocks.currentData() or self.result is None:
            self.check()

    def _first_identity_block(self) -> int:
        """The first block that can pass its input through (stride 1, a shortcut); else the first."""
        for index in range(self.blocks.count()):
            node = self.document.network.find(self.blocks.itemData(index))
            if node.params["stride"] == 1 and node.params["shortcut"] != "none":
                return index
        return 0

    def follow_selection(self) -> None:
        """Check the residual block selected on the canvas, if one is."""
        for node_id in self.document.selected_ids:
            node = self.document.network.node(node_id)
            index = self.blocks.findData(node.name)
            if node.type == "residual" and index >= 0:
                self.blocks.setCurrentIndex(index)
                return

    @property
    def block(self) -> str:
        return self.blocks.currentData() or ""

    # -- actions ----------------------------------------------------------------------------------

    def _send(self, action: str) -> bool:
        if not self.block or not self.document.summary.valid:
            return False
        channels = self.document.summary.input_shape[0]
        self.ask(IdentityRequest(self.choice.request(self.document.network, channels), self.block, action))
        self.detail.setText(translate("ExperimentsIdentity", PENDING))
        return True

    def zero(self) -> bool:
        """Zero the selected block's last layer and check it."""
        return self._send("zero")

    def restore(self) -> bool:
        """Put the zeroed values back and check again."""
        return self._send("restore")

    def check(self) -> bool:
        """Check the block as its weights are now."""
        return self._send("check")

    # -- answers ----------------------------------------------------------------------------------

    @Slot(object)
    def on_result(self, result: IdentityResult) -> None:
        if result.request.block != self.block:
            return  # an answer about a block no longer chosen
        self.result, self.zeroed = result, result.zeroed
        self.choice.show_count(result.sample.count, result.sample.dataset, result.sample.label)
        self._show_check(result.check, weights_phrase(result.weights) if result.weights else "")
        self._show_values(result)
        self.restore_button.setEnabled(self.block in self.zeroed)
        self.zero_button.setEnabled(self.block not in self.zeroed)
        self.result_shown.emit(result)

    @Slot(str)
    def on_failed(self, message: str) -> None:
        failed = translate("ExperimentsIdentity", "The check could not run: {message}")
        self._show_verdict(failed.format(message=core_text(message)), False)

    def _show_check(self, check: IdentityCheck, weights: str) -> None:
        if check.reason:
            verdict = translate("ExperimentsIdentity", "✗ {block}: the output is not ReLU(input) — {reason}.")
        elif check.passes:
            verdict = translate(
                "ExperimentsIdentity",
                "✓ {block} computes the identity: max |output − ReLU(input)| = {difference:.3g}.",
            )
        else:
            verdict = translate(
                "ExperimentsIdentity",
                "✗ {block}: the output differs from ReLU(input) by up to {difference:.4g} "
                "(the input's values reach {input_max:.3g}).",
            )
        text = verdict.format(
            block=check.block,
            reason=core_text(check.reason),
            difference=check.max_difference,
            input_max=check.input_max,
        )
        self._show_verdict(text, check.passes)
        if check.last_weights_zero:
            detail = translate(
                "ExperimentsIdentity",
                "Last layer: {layer}, its scale and shift (or weights and bias) all zero. "
                "Input {input}, output {output}; {weights}.",
            )
        else:
            detail = translate(
                "ExperimentsIdentity",
                "Last layer: {layer}, its scale and shift (or weights and bias) not all zero. "
                "Input {input}, output {output}; {weights}.",
            )
        self.detail.setText(
            detail.format(
                layer=check.last_layer,
                input=format_shape(check.input_shape),
                output=format_shape(check.output_shape),
                weights=weights,
            )
        )

    def _show_verdict(self, text: str, passed: bool) -> None:
        self.verdict.setText(text)
        self.verdict.setStyleSheet(IDENTITY_VERDICT.format(color=CHECK_PASSED if passed else CHECK_FAILED))

    def _show_values(self, result: IdentityResult) -> None:
        values_in, values_out = result.input_values, result.output_values
        count = min(len(values_in), len(values_out))
        self.values.setColumnCount(count)
        rows = (values_in, tuple(max(0.0, v) for v in values_in), values_out)
        for row, values in enumerate(rows):
            for column in range(count):
                self.values.setItem(row, column, QTableWidgetItem(f"{values[column]:.4f}"))
