"""What the trained network gets right and wrong: the confusion matrix and validation samples.

The worker computes :class:`~.records.Results` (``cnnstudio.training.predict``); these widgets
only draw them. Rows of the matrix are true classes, columns predictions; a cell's colour is
its share of the row (green on the diagonal, red off it).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ..style import MATRIX_DARK_TEXT, MATRIX_GRID, MATRIX_LIGHT_TEXT, RIGHT_GREEN, WRONG_RED
from .image_grid import GridCell, ImageGrid, to_qimage
from .records import Results

translate = QCoreApplication.translate

RIGHT = QColor(RIGHT_GREEN)
WRONG = QColor(WRONG_RED)
LABEL_GAP = 6
TITLE_HEIGHT = 16


def _blend(color: QColor, share: float) -> QColor:
    """*color* faded towards white: full colour for share 1, white for 0."""
    share = max(0.0, min(1.0, share))
    return QColor(
        round(255 + (color.red() - 255) * share),
        round(255 + (color.green() - 255) * share),
        round(255 + (color.blue() - 255) * share),
    )


class ConfusionMatrixView(QWidget):
    """A ``K x K`` grid of counts with class names; a cell's tooltip says what it means."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confusionMatrix")
        self.results: Results | None = None
        self.setMouseTracking(True)
        self.setMinimumSize(120, 120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_results(self, results: Results | None) -> None:
        self.results = results
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(320, 300)

    def _geometry(self) -> tuple[int, int, float]:
        """Left and top of the grid, and the side of a cell."""
        classes = self.results.classes
        metrics = self.fontMetrics()
        left = min(110, max(metrics.horizontalAdvance(c) for c in classes)) + LABEL_GAP + TITLE_HEIGHT
        top = metrics.height() + LABEL_GAP + TITLE_HEIGHT
        side = min(self.width() - left - 4, self.height() - top - 4) / len(classes)
        return left, top, max(side, 4.0)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self.results is None:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                translate("TrainingResults", "The confusion matrix appears after training."),
            )
            return
        left, top, side = self._geometry()
        self._paint_titles(painter, left, top, side)
        self._paint_cells(painter, left, top, side)

    def _paint_titles(self, painter: QPainter, left: int, top: int, side: float) -> None:
        classes = self.results.classes
        size = side * len(classes)
        painter.setPen(self.palette().text().color())
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(
            QRectF(left, 0, size, TITLE_HEIGHT),
            Qt.AlignmentFlag.AlignCenter,
            translate("TrainingResults", "predicted"),
        )
        painter.save()
        painter.translate(0, top + size / 2)
        painter.rotate(-90)
        painter.drawText(
            QRectF(-size / 2, 0, size, TITLE_HEIGHT),
            Qt.AlignmentFlag.AlignCenter,
            translate("TrainingResults", "true class"),
        )
        painter.restore()
        painter.setFont(self.font())
        metrics = painter.fontMetrics()
        for i, name in enumerate(classes):
            row = QRectF(TITLE_HEIGHT, top + i * side, left - TITLE_HEIGHT - LABEL_GAP, side)
            painter.drawText(
                row,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(row.width())),
            )
            column = QRectF(left + i * side, TITLE_HEIGHT, side, top - TITLE_HEIGHT - 2)
            painter.drawText(
                column,
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(side)),
            )

    def _paint_cells(self, painter: QPainter, left: int, top: int, side: float) -> None:
        matrix = self.results.matrix
        totals = matrix.sum(axis=1)
        show_counts = side >= 16
        for t in range(matrix.shape[0]):
            for p in range(matrix.shape[1]):
                count = int(matrix[t, p])
                share = count / totals[t] if totals[t] else 0.0
                base = RIGHT if t == p else WRONG
                cell = QRectF(left + p * side, top + t * side, side, side)
                painter.fillRect(cell, _blend(base, share**0.5 if count else 0.0))
                painter.setPen(QColor(MATRIX_GRID))
                painter.drawRect(cell)
                if show_counts and count:
                    painter.setPen(QColor(MATRIX_LIGHT_TEXT if share > 0.45 else MATRIX_DARK_TEXT))
                    painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, str(count))

    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        """``(true, predicted)`` of the cell at widget point (*x*, *y*)."""
        if self.results is None:
            return None
        left, top, side = self._geometry()
        k = len(self.results.classes)
        t, p = int((y - top) // side), int((x - left) // side)
        return (t, p) if 0 <= t < k and 0 <= p < k and x >= left and y >= top else None

    def cell_text(self, true: int, predicted: int) -> str:
        """What one cell counts, in words."""
        classes, matrix = self.results.classes, self.results.matrix
        count, total = int(matrix[true, predicted]), int(matrix[true].sum())
        share = 100 * count / total if total else 0.0
        if true == predicted:
            text = translate(
                "TrainingResults", "{count:,} of {total:,} '{true}' images recognised ({share:.1f}%)"
            )
        else:
            text = translate(
                "TrainingResults", "{count:,} '{true}' images taken for '{predicted}' ({share:.1f}% of them)"
            )
        return text.format(
            count=count, total=total, true=classes[true], predicted=classes[predicted], share=share
        )

    def mouseMoveEvent(self, event) -> None:
        point = event.position()
        cell = self.cell_at(point.x(), point.y())
        if cell is None:
            QToolTip.hideText()
            return
        QToolTip.showText(event.globalPosition().toPoint(), self.cell_text(*cell), self, QRect())


class ResultsView(QWidget):
    """The confusion matrix beside a grid of validation images, wrong ones first.

    Signals
    -------
    update_requested()
        The student asked for results of the current weights.
    """

    update_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingResults")
        self.summary = QLabel(
            translate(
                "TrainingResults",
                "Train the network (or open a checkpoint) to see what it gets right and wrong.",
            )
        )
        self.summary.setObjectName("resultsSummary")
        self.summary.setWordWrap(True)
        self.update_button = QPushButton(translate("TrainingResults", "Update"))
        self.update_button.setObjectName("resultsUpdate")
        self.update_button.setToolTip(
            translate("TrainingResults", "Classify the validation set with the current weights")
        )
        self.matrix = ConfusionMatrixView()
        self.samples = ImageGrid(min_columns=4, size=40)
        self.samples.setObjectName("resultsSamples")
        self.samples.set_empty_text(
            translate(
                "TrainingResults", "Validation images appear here, marked right (green) or wrong (red)."
            )
        )
        self.results: Results | None = None
        self._layout()
        self.update_button.clicked.connect(self.update_requested)

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.update_button)
        samples = QScrollArea()
        samples.setWidget(self.samples)
        samples.setWidgetResizable(True)
        samples.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QHBoxLayout()
        body.addWidget(self.matrix, 1)
        body.addWidget(samples, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(top)
        layout.addLayout(body, 1)

    def set_results(self, results: Results, whose: str = "") -> None:
        """Show *results* (computed by the worker); *whose* says which weights they are for."""
        self.results = results
        right = int(results.matrix.trace())
        total = int(results.matrix.sum())
        wrong = sum(1 for s in results.samples if not s.correct)
        whose = whose or translate("TrainingResults", "the weights after {steps:,} steps").format(
            steps=results.steps_trained
        )
        self.summary.setText(
            translate(
                "TrainingResults",
                "<b>Validation accuracy {accuracy:.1f}%</b> with {whose}: {right:,} of {total:,} right. "
                "On the right: {wrong:,} mistakes first (red, true→predicted), then right answers (green).",
            ).format(accuracy=100 * results.accuracy, whose=whose, right=right, total=total, wrong=wrong)
        )
        self.matrix.set_results(results)
        self.samples.set_cells(
            [
                GridCell(
                    image=to_qimage(s.image),
                    caption=s.label if s.correct else f"{s.label}→{s.predicted}",
                    tooltip=translate(
                        "TrainingResults", "true: {label}\npredicted: {predicted} ({sure:.0f}% sure)"
                    ).format(label=s.label, predicted=s.predicted, sure=100 * s.confidence),
                    correct=s.correct,
                )
                for s in results.samples
            ]
        )

    def show_problem(self, message: str) -> None:
        """Say why there are no results (those shown stay)."""
        self.summary.setText(translate("TrainingResults", "No results: {reason}").format(reason=message))

    def show_pending(self, message: str) -> None:
        """Say that new results are on their way (those shown stay until they come)."""
        self.summary.setText(message)

    def clear(self, reason: str) -> None:
        """Remove results that no longer describe the weights, saying why."""
        self.results = None
        self.matrix.set_results(None)
        self.samples.set_cells([])
        self.summary.setText(translate("TrainingResults", "No results: {reason}.").format(reason=reason))
