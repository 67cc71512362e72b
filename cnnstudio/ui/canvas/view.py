"""The canvas widget: the diagram with zoom, pan, opened blocks and pictures for export.

Zoom with the mouse wheel (at the mouse), Ctrl+= / Ctrl+- / Ctrl+0 (fit); scroll with
Shift+wheel or the scroll bars; pan by dragging with the middle button or with Space held.
A note in the bottom-left corner shows the zoom and says that the wheel zooms.
Double-click a residual block or an Inception module to see its layers (a click selects one,
read-only); Esc or Back returns.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QMouseEvent, QPainter, QTransform, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QMenu, QWidget

from ..document import Document
from .actions import CanvasActions
from .block_scene import BlockScene, BlockUnavailable
from .export import render_png, render_svg
from .node_item import NodeItem
from .overlays import BAR_HEIGHT, BlockBar, ZoomNote, lock_badge
from .scene import DiagramScene

MIN_ZOOM = 0.08
MAX_ZOOM = 3.0
LEGIBLE_ZOOM = 0.33
"""Opening a network shows all of it if that keeps this zoom or more (below 0.55 the boxes show
their names and shapes in large type, legible down to here)."""
READABLE_ZOOM = 0.7
"""A network too big for that opens at its top, at OPEN_ZOOM or at least this."""
OPEN_ZOOM = 0.85


class CanvasView(QGraphicsView):
    """The network diagram (objectName ``canvas``).

    Parameters
    ----------
    document : Document
        The open network; every view of it shares its selection and undo stack.

    Attributes
    ----------
    diagram_scene : DiagramScene
        The network's diagram (``scene()`` is an opened block's scene while one is open).
    canvas_actions : CanvasActions
        The actions (``cut``, ``copy``, ``paste``, ``duplicate``, ``delete``, ``select_all``,
        ``zoom_in``, ``zoom_out``, ``zoom_fit``, ``auto_layout``); see :meth:`edit_actions`
        and :meth:`view_actions`.
    current_block : str or None
        The node id of the opened composite block.

    Signals
    -------
    block_opened(str)
        A composite block was opened; the argument is its node id.
    block_closed()
        The view went back from an opened block to the whole network.
    inner_layer_selected(str)
        A layer was selected in the opened block (its dotted name, ``layer1.0.conv2``), or the
        selection there was cleared ("").
    """

    block_opened = Signal(str)
    block_closed = Signal()
    inner_layer_selected = Signal(str)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("canvas")
        self.document = document
        self.diagram_scene = DiagramScene(document, self)
        self.current_block: str | None = None
        self._block_scene: BlockScene | None = None
        self._saved_view: tuple[QTransform, QPointF, bool] | None = None
        self._fit_pending = True
        self._pan_from: QPoint | None = None
        self._space_held = False
        self.setScene(self.diagram_scene)
        self._set_up_view()
        self.block_bar = BlockBar(self)
        self.block_bar.back.clicked.connect(self.close_block)
        self.lock_badge = lock_badge(self)
        self.lock_badge.setVisible(not document.editable)
        self.zoom_hint = ZoomNote(self)
        document.editable_changed.connect(self._on_editable_changed)
        self.canvas_actions = CanvasActions(self)
        self.diagram_scene.block_open_requested.connect(self.open_block)
        self.diagram_scene.network_placed.connect(self._on_network_placed)
        self.diagram_scene.sceneRectChanged.connect(self._hold_view)
        document.summary_changed.connect(self._refresh_block)
        document.display_changed.connect(self._refresh_block)
        document.selection_changed.connect(self._reveal_selection)

    def _set_up_view(self) -> None:
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.TextAntialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setAcceptDrops(True)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setToolTip("")

    # -- actions for the window's menus -------------------------------------------------------------

    def edit_actions(self) -> list[QAction]:
        """Cut, Copy, Paste, Duplicate, Delete, Select All (for the Edit menu)."""
        return self.canvas_actions.edit_actions()

    def view_actions(self) -> list[QAction]:
        """Zoom In, Zoom Out, Zoom to Fit, Auto Layout (for the View menu)."""
        return self.canvas_actions.view_actions()

    # -- zoom and pan ---------------------------------------------------------------------------------

    @property
    def zoom(self) -> float:
        """The current scale (1.0 = one scene unit per pixel)."""
        return self.transform().m11()

    def set_zoom(self, zoom: float, anchor: QPointF | None = None) -> None:
        """Scale to *zoom* (clamped), keeping *anchor* (scene point) under the same pixel."""
        self._fit_pending = False
        self._scale_to(zoom, anchor)

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        self.set_zoom(self.zoom * factor, anchor)

    def setTransform(self, matrix: QTransform, combine: bool = False) -> None:
        super().setTransform(matrix, combine)
        self._show_zoom()

    def _show_zoom(self) -> None:
        self._place_zoom_hint()

    def _place_zoom_hint(self) -> None:
        self.zoom_hint.show_zoom(self.zoom, self.viewport().geometry())

    def _scale_to(self, zoom: float, anchor: QPointF | None = None) -> None:
        zoom = min(MAX_ZOOM, max(MIN_ZOOM, zoom))
        if anchor is None:
            center = self.mapToScene(self.viewport().rect().center())
            self.setTransform(QTransform.fromScale(zoom, zoom))
            self.centerOn(center)
            return
        before = self.mapFromScene(anchor)
        self.setTransform(QTransform.fromScale(zoom, zoom))
        delta = self.mapFromScene(anchor) - before
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + delta.x())
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + delta.y())

    def fit_to_window(self) -> None:
        """Show the whole diagram (never enlarged beyond 100%)."""
        self._fit_pending = False
        self._fit_all()

    def _hold_view(self, scene_rect: QRectF | None = None) -> None:
        """Keep what is on screen where it is when the diagram grows or shrinks (a box dropped
        beside it, a layer deleted).

        The view keeps a scrollable area of its own, the diagram's united with what is visible:
        while it has one, the scene's changes do not move the view (Qt recentres a small diagram
        and keeps scroll values, not places, when the area grows up or left), and this slot
        then widens it to the new diagram around what is still on screen.
        """
        if self.scene() is not self.diagram_scene or self.diagram_scene.building:
            return
        scene_rect = scene_rect if scene_rect is not None else self.diagram_scene.sceneRect()
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        self.setSceneRect(scene_rect.united(visible))
        now = self.mapToScene(self.viewport().rect()).boundingRect()
        if (now.topLeft() - visible.topLeft()).manhattanLength() > 0.5 / self.zoom:
            self.centerOn(visible.center())

    def _follow_scene(self) -> None:
        """The scrollable area is the scene's again (before fitting, or on another scene)."""
        self.setSceneRect(QRectF())

    def _fit_all(self) -> None:
        self._follow_scene()
        rect = self.scene().diagram_rect().adjusted(-20, -20, 20, 20)
        view = self.viewport().rect()
        self._scale_to(min(view.width() / rect.width(), view.height() / rect.height(), 1.0))
        self.centerOn(rect.center())
        self._hold_view()

    def fit_for_open(self) -> None:
        """The zoom for a freshly opened network: all of it if it stays legible, else its top
        (or the selected layer).

        Until the student zooms or pans, it is redone when the window changes size.
        """
        self._follow_scene()
        rect = self.scene().diagram_rect().adjusted(-20, -20, 20, 20)
        view = self.viewport().rect()
        fit = min(view.width() / rect.width(), view.height() / rect.height(), 1.0)
        if fit >= LEGIBLE_ZOOM:
            self._fit_all()
            return
        zoom = max(READABLE_ZOOM, min(OPEN_ZOOM, view.width() / rect.width()))
        self._scale_to(zoom)
        selected = self.document.selected_ids
        if len(selected) == 1 and selected[0] in self.diagram_scene.nodes:
            self.centerOn(self.diagram_scene.nodes[selected[0]])
        else:
            self.centerOn(QPointF(rect.center().x(), rect.top() + view.height() / (2 * zoom)))
        self._hold_view()

    def _on_network_placed(self) -> None:
        if self.current_block is not None:
            self.close_block()
        self._fit_pending = True
        self.fit_for_open()

    def _refit(self) -> None:
        """Until the student zooms or pans, keep the first view when the window changes size."""
        if not self._fit_pending:
            return
        if self.current_block is None:
            self.fit_for_open()
        else:
            self._fit_all()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._refit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.block_bar.setGeometry(0, 0, self.width(), BAR_HEIGHT)
        self._place_lock_badge()
        self._place_zoom_hint()
        self._refit()

    def _on_editable_changed(self, editable: bool) -> None:
        self.diagram_scene.cancel_interaction()
        self.lock_badge.setVisible(not editable)
        self._place_lock_badge()

    def _place_lock_badge(self) -> None:
        self.lock_badge.adjustSize()
        top = BAR_HEIGHT + 8 if self.current_block is not None else 8
        self.lock_badge.move(self.viewport().width() - self.lock_badge.width() - 12, top)
        self.lock_badge.raise_()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.AltModifier):
            delta = event.angleDelta()
            steps = delta.y() or delta.x()
            bar = self.horizontalScrollBar() if event.modifiers() & Qt.KeyboardModifier.AltModifier else None
            bar = bar or self.verticalScrollBar()
            bar.setValue(bar.value() - steps)
            self._fit_pending = False
            event.accept()
            return
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(1.2**steps, self.mapToScene(event.position().toPoint()))
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pan = event.button() == Qt.MouseButton.MiddleButton or (
            event.button() == Qt.MouseButton.LeftButton and self._space_held
        )
        if pan:
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            point = event.position().toPoint()
            delta = point - self._pan_from
            self._pan_from = point
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            self._fit_pending = False
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().setCursor(
                Qt.CursorShape.OpenHandCursor if self._space_held else Qt.CursorShape.ArrowCursor
            )
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        escape = event.key() == Qt.Key.Key_Escape
        if escape and (self.diagram_scene.cancel_interaction() or self.close_block()):
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._open_selected():
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = False
            self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        super().keyReleaseEvent(event)

    def _reveal_selection(self) -> None:
        """Bring a layer selected elsewhere (in the table), or placed beside a drop, into sight:
        centred if it was out of sight, with the least scroll if it was mostly hidden; one in
        sight already (a box dropped under the mouse) does not move the view."""
        ids = self.document.selected_ids
        if self.current_block is not None or len(ids) != 1 or self.diagram_scene.interaction is not None:
            return
        item = self.diagram_scene.nodes.get(ids[0])
        if item is None:
            return
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        box = item.scene_rect()
        if not visible.intersects(box):
            self.centerOn(item)
            return
        seen = visible.intersected(box)
        if seen.width() * seen.height() < 0.5 * box.width() * box.height():
            self.ensureVisible(box, 24, 24)  # mostly out of sight: the least scroll that shows it

    # -- composite blocks -----------------------------------------------------------------------------

    def open_block(self, node_id: str) -> bool:
        """Show the layers inside the composite node *node_id*; False (with a message) if it can't."""
        try:
            scene = BlockScene(self.document, node_id, self)
        except (BlockUnavailable, KeyError) as error:
            message = (
                error.args[0]
                if isinstance(error, BlockUnavailable)
                else self.tr("there is no layer '{layer}'").format(layer=node_id)
            )
            self.document.status_message.emit(message[:1].upper() + message[1:])
            return False
        self.diagram_scene.cancel_interaction()
        if self.current_block is None:
            center = self.mapToScene(self.viewport().rect().center())
            self._saved_view = (self.transform(), center, self._fit_pending)
        self._show_block_scene(scene, node_id)
        self._fit_pending = True
        self._fit_all()
        self.block_opened.emit(node_id)
        return True

    def _show_block_scene(self, scene: BlockScene, node_id: str) -> None:
        old = self._block_scene
        self._block_scene = scene
        self.current_block = node_id
        self._follow_scene()
        self.setScene(scene)
        scene.inner_selected.connect(self.inner_layer_selected)
        if old is not None:
            old.deleteLater()
        network = self.document.network.name
        self.block_bar.label.setText(
            self.tr("{network}  \u203a  {block}   (read-only)").format(network=network, block=scene.title)
        )
        self.setViewportMargins(0, BAR_HEIGHT, 0, 0)
        self.block_bar.setGeometry(0, 0, self.width(), BAR_HEIGHT)
        self.block_bar.show()
        self.block_bar.raise_()

    def close_block(self) -> bool:
        """Go back to the whole network; returns whether a block was open."""
        if self.current_block is None:
            return False
        self.current_block = None
        self._follow_scene()
        self.setScene(self.diagram_scene)
        if self._block_scene is not None:
            self._block_scene.deleteLater()
            self._block_scene = None
        self.block_bar.hide()
        self.setViewportMargins(0, 0, 0, 0)
        if self._saved_view is not None:
            transform, center, self._fit_pending = self._saved_view
            self.setTransform(transform)
            self.centerOn(center)
        self._hold_view()
        self.block_closed.emit()
        return True

    def _refresh_block(self) -> None:
        """Rebuild an opened block after an edit (or close it if the block is gone)."""
        if self.current_block is None:
            return
        node_id = self.current_block
        try:
            scene = BlockScene(self.document, node_id, self)
        except (BlockUnavailable, KeyError):
            self.close_block()
            return
        transform, center = self.transform(), self.mapToScene(self.viewport().rect().center())
        selected = self._block_scene.selected_path() if self._block_scene is not None else ""
        self._show_block_scene(scene, node_id)
        scene.select_path(selected)  # the same layer stays selected after an edit
        self.setTransform(transform)
        self.centerOn(center)

    def select_inner(self, path: str) -> bool:
        """Select the layer *path* in the opened block, if it is there (nothing for "")."""
        if self._block_scene is None or self.current_block is None:
            return False
        return self._block_scene.select_path(path)

    def _open_selected(self) -> bool:
        ids = self.document.selected_ids
        if self.current_block is None and len(ids) == 1:
            item = self.diagram_scene.nodes.get(ids[0])
            if item is not None and item.labels.composite:
                return self.open_block(ids[0])
        return False

    def dropEvent(self, event) -> None:
        super().dropEvent(event)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- context menu ---------------------------------------------------------------------------------

    def contextMenuEvent(self, event) -> None:
        if self.current_block is not None:
            menu = QMenu(self)
            menu.addAction(self.tr("\u2190 Back to the network"), self.close_block)
            menu.exec(event.globalPos())
            return
        node = self.diagram_scene.node_at(self.mapToScene(event.pos()))
        menu = QMenu(self)
        if isinstance(node, NodeItem) and node.labels.composite:
            menu.addAction(self.tr("Open Block"), lambda: self.open_block(node.node_id))
            menu.addSeparator()
        for action in self.edit_actions():
            menu.addAction(action)
        menu.addSeparator()
        for action in self.view_actions():
            menu.addAction(action)
        menu.exec(event.globalPos())

    # -- export -----------------------------------------------------------------------------------------

    def render_diagram_png(self, path: str | os.PathLike[str], scale: float = 2.0) -> None:
        """Save the diagram on show (the network, or the opened block) as a PNG; OSError on failure."""
        render_png(self.scene(), path, scale)

    def render_diagram_svg(self, path: str | os.PathLike[str]) -> None:
        """Save the diagram on show as an SVG drawing; OSError on failure."""
        render_svg(self.scene(), path, self.document.network.name)
