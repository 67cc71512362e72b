"""Pictures of the diagram for reports and slides: PNG (sharp, 2x by default) and SVG.

The diagram is drawn through a hidden view made for the purpose, not ``QGraphicsScene.render``:
PySide6 6.12 loses a reference to ``None`` on every item it paints without a widget, which
crashes Python after a few exports.
"""

from __future__ import annotations

import math
import os
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPaintDevice, QPainter, QTransform
from PySide6.QtWidgets import QFrame, QGraphicsItem, QGraphicsView

from .base_scene import GraphScene

BORDER = 24.0
MAX_SIDE_PIXELS = 16_000


@contextmanager
def _exporting(scene: GraphScene):
    """Draw plainly (no selection, white background) and as vectors (no cached bitmaps)."""
    scene.exporting = True
    cached = [item for item in scene.nodes.values() if item.cacheMode() != QGraphicsItem.CacheMode.NoCache]
    for item in cached:
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    try:
        yield
    finally:
        scene.exporting = False
        for item in cached:
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


def _source(scene: GraphScene) -> QRectF:
    return scene.diagram_rect().adjusted(-BORDER, -BORDER, BORDER, BORDER)


def _paint(scene: GraphScene, device: QPaintDevice, source: QRectF, scale: float) -> None:
    """Draw *source* (scene units) onto *device* at *scale* pixels per unit."""
    view = QGraphicsView()
    view.setFrameShape(QFrame.Shape.NoFrame)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setRenderHints(
        QPainter.RenderHint.Antialiasing
        | QPainter.RenderHint.TextAntialiasing
        | QPainter.RenderHint.SmoothPixmapTransform
    )
    view.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    view.setScene(scene)
    view.setSceneRect(source)
    view.setTransform(QTransform.fromScale(scale, scale))
    view.resize(math.ceil(source.width() * scale), math.ceil(source.height() * scale))
    try:
        with _exporting(scene):
            view.viewport().render(device, QPoint())
    finally:
        view.setScene(None)
        view.deleteLater()


def render_png(scene: GraphScene, path: str | os.PathLike[str], scale: float = 2.0) -> None:
    """Write the diagram to *path* as a PNG image; raises OSError if it cannot be written."""
    source = _source(scene)
    scale = min(scale, MAX_SIDE_PIXELS / max(source.width(), source.height()))
    image = QImage(
        max(1, math.ceil(source.width() * scale)),
        max(1, math.ceil(source.height() * scale)),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.fill(Qt.GlobalColor.white)
    _paint(scene, image, source, scale)
    if not image.save(str(Path(path)), "PNG"):
        raise OSError(
            QCoreApplication.translate("DiagramExport", "could not write the picture to {file}").format(
                file=path
            )
        )


def render_svg(scene: GraphScene, path: str | os.PathLike[str], title: str = "") -> None:
    """Write the diagram to *path* as an SVG drawing; raises OSError if it cannot be written."""
    from PySide6.QtSvg import QSvgGenerator

    source = _source(scene)
    width, height = math.ceil(source.width()), math.ceil(source.height())
    generator = QSvgGenerator()
    generator.setFileName(str(Path(path)))
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRect(0, 0, width, height))
    generator.setTitle(title)
    generator.setDescription("Drawn by CNN Studio")
    _paint(scene, generator, source, 1.0)
    if not Path(path).is_file():
        raise OSError(
            QCoreApplication.translate("DiagramExport", "could not write the drawing to {file}").format(
                file=path
            )
        )
