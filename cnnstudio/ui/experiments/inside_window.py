"""Inside the network: the first layer's filters, a layer's feature maps, and a receptive field.

The window shows a validation image, the first convolution's filters, and the feature maps of
the chosen layer for that image (one small picture per channel, each stretched from its smallest
value, black, to its largest, white). The layer follows the selection on the canvas or the list;
the weights are the seed's initial ones or the Training panel's trained ones. Clicking a
position in a map draws, over the image, the window of input pixels that position reads (its
receptive field, the table's "Receptive field" column). The worker computes the maps (one forward
pass, kept while the network, weights and image stay the same); this window only paints them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core import format_shape
from ..document import Document
from ..language import core_text
from ..style import LOOK_FOR_BOX, PLOT_CAPTION_STYLE, RECEPTIVE_FIELD_PEN, SELECTED_TILE_PEN
from .images import GAP, grid_shape, scaled_pixmap, tile_grid
from .records import InsideView, SampleRequest
from .sample_choice import SampleChoice, weights_phrase

translate = QCoreApplication.translate

MAPS_SIZE = (560, 460)
"""The largest size the maps' grid is scaled to (by a whole factor)."""
SAMPLE_SIZE = 224
FILTERS_SIZE = (320, 160)
PENDING = QT_TRANSLATE_NOOP(
    "ExperimentsInside", "Computing on the training worker (after the training run, if one is in progress)…"
)
EXPLAIN = QT_TRANSLATE_NOOP(
    "ExperimentsInside",
    "Each small picture is one channel of the chosen layer's output for the image on the left: "
    "white where that filter responds most, black where least. Click a position in a map to see, "
    "on the image, the pixels it reads (its receptive field). Compare the initial weights with the "
    "trained ones: training turns noise into edge and shape detectors.",
)


class ClickableLabel(QLabel):
    """A label that reports where it was clicked."""

    clicked = Signal(QPoint)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit(event.position().toPoint())
        super().mousePressEvent(event)


class InsideWindow(QWidget):
    """Filters, feature maps and receptive fields of the open network (a window of its own).

    Parameters
    ----------
    document : Document
        The open network; the canvas selection picks the layer.
    ask : callable
        ``ask(SampleRequest, layer path)`` sends a request to the worker.
    spec_for : callable
        ``spec_for(channels) -> (dataset spec, seed)`` for the image.

    Signals
    -------
    view_shown(object)
        An :class:`~.records.InsideView` has been painted.
    """

    view_shown = Signal(object)

    def __init__(
        self,
        document: Document,
        ask: Callable[[SampleRequest, str], None],
        spec_for: Callable[[int], tuple[str, int]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("insideNetwork")
        self.setWindowTitle(translate("ExperimentsInside", "Inside the network: filters and feature maps"))
        self.document, self.ask = document, ask
        self.view: InsideView | None = None
        self.layer = ""
        self.position: tuple[int, int, int] | None = None  # channel, row, column
        self._grid: tuple[int, int, int, int] = (1, 1, 1, 1)  # columns, tile height, width, scale
        self.choice = SampleChoice(spec_for)
        self._build()
        self.choice.changed.connect(self.refresh)
        document.summary_changed.connect(self._network_changed)
        document.selection_changed.connect(self._follow_selection)

    def _build(self) -> None:
        explain = QLabel(translate("ExperimentsInside", EXPLAIN), wordWrap=True)
        explain.setStyleSheet(LOOK_FOR_BOX)
        self.sample_label = QLabel(objectName="insideSample", alignment=Qt.AlignmentFlag.AlignCenter)
        self.sample_label.setMinimumSize(SAMPLE_SIZE, SAMPLE_SIZE)
        self.field_text = QLabel(wordWrap=True, objectName="insideField")
        self.filters_title = QLabel(objectName="insideFiltersTitle", wordWrap=True)
        self.filters_label = QLabel(objectName="insideFilters", alignment=Qt.AlignmentFlag.AlignCenter)
        left = QWidget()
        column = QVBoxLayout(left)
        column.addWidget(QLabel(translate("ExperimentsInside", "<b>The image</b>")))
        column.addWidget(self.sample_label)
        column.addWidget(self.field_text)
        column.addWidget(self.filters_title)
        column.addWidget(self.filters_label)
        column.addStretch(1)
        self.layers = QListWidget(objectName="insideLayers")
        self.layers.currentItemChanged.connect(self._on_layer_item)
        self.maps_title = QLabel(objectName="insideMapsTitle", wordWrap=True)
        self.maps_label = ClickableLabel(objectName="insideMaps", alignment=Qt.AlignmentFlag.AlignCenter)
        self.maps_label.setMinimumSize(*MAPS_SIZE)
        self.maps_label.clicked.connect(self._on_maps_clicked)
        self.timing = QLabel(objectName="insideTiming")
        self.timing.setStyleSheet(PLOT_CAPTION_STYLE)
        right = QWidget()
        maps = QVBoxLayout(right)
        maps.addWidget(self.maps_title)
        maps.addWidget(self.maps_label, 1)
        maps.addWidget(self.timing)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.layers)
        splitter.addWidget(right)
        splitter.setSizes([330, 250, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.choice)
        layout.addWidget(splitter, 1)
        self.resize(1220, 760)

    # -- requests ---------------------------------------------------------------------------------

    def refresh(self) -> bool:
        """Ask the worker for the chosen layer's maps (False when the network has errors)."""
        summary = self.document.summary
        if not summary.valid:
            self.maps_title.setText(
                translate("ExperimentsInside", "Fix the network's errors to look inside it.")
            )
            return False
        self.ask(self.choice.request(self.document.network, summary.input_shape[0]), self.layer)
        self.timing.setText(translate("ExperimentsInside", PENDING))
        return True

    def select_layer(self, path: str) -> bool:
        """Show the maps of layer *path* (as the table names it)."""
        self.layer, self.position = path, None
        return self.refresh()

    def _network_changed(self) -> None:
        if self.isVisible():
            self.refresh()

    def _follow_selection(self) -> None:
        for node_id in self.document.selected_ids:
            name = self.document.network.node(node_id).name
            if self.view is not None and any(info.path == name for info in self.view.layers):
                if name != self.layer:
                    self.select_layer(name)
                return

    def _on_layer_item(self, item: QListWidgetItem | None, _previous) -> None:
        if item is not None and item.data(Qt.ItemDataRole.UserRole) != self.layer:
            self.select_layer(item.data(Qt.ItemDataRole.UserRole))

    # -- answers ----------------------------------------------------------------------------------

    @Slot(object)
    def on_view(self, view: InsideView) -> None:
        """Paint the worker's answer (an older answer for another layer is painted too: it is
        replaced when the newer one comes)."""
        self.view, self.layer = view, view.layer
        self.choice.show_count(view.sample.count, view.sample.dataset, view.sample.label)
        self._fill_layers(view)
        self._show_filters(view)
        self._show_maps(view)
        self._show_sample(view)
        self.timing.setText(
            translate(
                "ExperimentsInside", "Computed on the training worker in {ms:.1f} ms with the {weights}."
            ).format(ms=1000 * view.seconds, weights=weights_phrase(view.weights))
        )
        self.view_shown.emit(view)

    @Slot(str)
    def on_failed(self, message: str) -> None:
        self.maps_title.setText(
            translate("ExperimentsInside", "Cannot look inside: {message}").format(message=core_text(message))
        )

    def _fill_layers(self, view: InsideView) -> None:
        paths = [info.path for info in view.layers]
        current = [self.layers.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.layers.count())]
        self.layers.blockSignals(True)
        if paths != current:
            self.layers.clear()
            for info in view.layers:
                depth = info.path.count(".")
                item = QListWidgetItem(
                    f"{'    ' * depth}{info.path.split('.')[-1]}  {info.type}  {format_shape(info.shape)}"
                )
                item.setData(Qt.ItemDataRole.UserRole, info.path)
                self.layers.addItem(item)
        self.layers.setCurrentRow(paths.index(view.layer))
        self.layers.blockSignals(False)

    def _show_filters(self, view: InsideView) -> None:
        if view.filters is None:
            self.filters_title.setText(
                translate("ExperimentsInside", "The network has no convolution: no filters to show.")
            )
            self.filters_label.clear()
            return
        count, k = view.filters.shape[0], view.filters.shape[1]
        inputs = self.document.summary.input_shape[0] if self.document.summary.valid else 1
        if inputs == 3:
            title = translate(
                "ExperimentsInside", "<b>{layer}'s {count:,} filters</b>, {k}x{k}, RGB: mid-gray is 0"
            )
        elif inputs == 1:
            title = translate(
                "ExperimentsInside", "<b>{layer}'s {count:,} filters</b>, {k}x{k}, gray: mid-gray is 0"
            )
        else:
            title = translate(
                "ExperimentsInside",
                "<b>{layer}'s {count:,} filters</b>, {k}x{k}, gray (the mean over the input channels): mid-gray is 0",
            )
        self.filters_title.setText(title.format(layer=view.filters_layer, count=count, k=k))
        _rows, columns = grid_shape(count, 1.5)
        self.filters_label.setPixmap(scaled_pixmap(tile_grid(view.filters, columns), *FILTERS_SIZE))

    def _show_maps(self, view: InsideView) -> None:
        shape = view.shape
        shown = view.maps.shape[0]
        if len(shape) != 3:
            title = translate(
                "ExperimentsInside", "<b>{layer}</b>: {values:,} values, one per unit (white: the largest)"
            )
        elif shown < view.channels:
            title = translate(
                "ExperimentsInside", "<b>{layer}</b>: {channels:,} maps of {shape} (the first {shown:,})"
            )
        else:
            title = translate("ExperimentsInside", "<b>{layer}</b>: {channels:,} maps of {shape}")
        self.maps_title.setText(
            title.format(
                layer=view.layer,
                values=shape[0],
                channels=view.channels,
                shape=format_shape(shape),
                shown=shown,
            )
        )
        aspect = 1.0 if len(shape) == 3 else 0.1
        _rows, columns = grid_shape(shown, aspect)
        grid = tile_grid(view.maps, columns)
        pixmap = scaled_pixmap(grid, *MAPS_SIZE)
        scale = max(1, pixmap.width() // max(1, grid.shape[1]))
        self._grid = (columns, view.maps.shape[1], view.maps.shape[2], scale)
        if self.position is not None:
            pixmap = self._outline_tile(pixmap)
        self.maps_label.setPixmap(pixmap)

    def _outline_tile(self, pixmap: QPixmap) -> QPixmap:
        channel, row, column = self.position
        columns, height, width, scale = self._grid
        tile_row, tile_column = divmod(channel, columns)
        painter = QPainter(pixmap)
        painter.setPen(QPen(QColor(SELECTED_TILE_PEN), 2))
        x = (tile_column * (width + GAP) + column) * scale
        y = (tile_row * (height + GAP) + row) * scale
        painter.drawRect(x, y, scale, scale)
        painter.end()
        return pixmap

    def _show_sample(self, view: InsideView) -> None:
        image = view.sample.image
        pixmap = scaled_pixmap(image, SAMPLE_SIZE, SAMPLE_SIZE)
        field = view.fields.get(view.layer)
        box = field.box(self.position[1], self.position[2]) if field and self.position else None
        if box is not None:
            scale = pixmap.width() // image.shape[1]
            top, left, bottom, right = box
            painter = QPainter(pixmap)
            painter.setPen(QPen(QColor(RECEPTIVE_FIELD_PEN), 2))
            painter.drawRect(
                left * scale, top * scale, (right - left + 1) * scale, (bottom - top + 1) * scale
            )
            painter.end()
            outside = top < 0 or left < 0 or bottom >= image.shape[0] or right >= image.shape[1]
            self.field_text.setText(_field_text(view.layer, self.position, box, field, outside))
        elif field is not None and field.rf is None:
            whole = translate("ExperimentsInside", "Each value of {layer} reads the whole image.")
            self.field_text.setText(whole.format(layer=view.layer))
        else:
            self.field_text.setText(
                translate("ExperimentsInside", "Click a position in a map to see its receptive field here.")
            )
        self.sample_label.setPixmap(pixmap)

    def _on_maps_clicked(self, point: QPoint) -> None:
        """A click on the maps' grid: which channel, which position."""
        view, pixmap = self.view, self.maps_label.pixmap()
        if view is None or pixmap is None or pixmap.isNull() or len(view.shape) != 3:
            return
        columns, height, width, scale = self._grid
        left = (self.maps_label.width() - pixmap.width()) // 2
        top = (self.maps_label.height() - pixmap.height()) // 2
        x, y = (point.x() - left) // scale, (point.y() - top) // scale
        if x < 0 or y < 0:
            return
        tile_column, column = divmod(x, width + GAP)
        tile_row, row = divmod(y, height + GAP)
        channel = tile_row * columns + tile_column
        if column >= width or row >= height or tile_column >= columns or channel >= view.maps.shape[0]:
            return
        self.pick_position(channel, row, column)

    def pick_position(self, channel: int, row: int, column: int) -> None:
        """Outline position (*row*, *column*) of map *channel* and draw its receptive field."""
        self.position = (channel, row, column)
        if self.view is not None:
            self._show_maps(self.view)
            self._show_sample(self.view)

    def tile_count(self) -> int:
        """How many maps are on show."""
        return 0 if self.view is None else int(self.view.maps.shape[0])


def _field_text(layer: str, position: tuple[int, int, int], box, field, outside: bool) -> str:
    """Which input pixels output *position* of *layer* reads (its receptive field *box*)."""
    if outside:
        text = translate(
            "ExperimentsInside",
            "Output ({row}, {column}) of {layer} reads rows {top}..{bottom} and columns {left}..{right}: "
            "a {size}x{size} window; the next position's window starts {jump} input pixels further "
            "(part of it is padding outside the image).",
        )
    else:
        text = translate(
            "ExperimentsInside",
            "Output ({row}, {column}) of {layer} reads rows {top}..{bottom} and columns {left}..{right}: "
            "a {size}x{size} window; the next position's window starts {jump} input pixels further.",
        )
    top, left, bottom, right = box
    return text.format(
        row=position[1],
        column=position[2],
        layer=layer,
        top=top,
        bottom=bottom,
        left=left,
        right=right,
        size=field.rf,
        jump=field.jump,
    )


__all__ = ["InsideWindow"]
