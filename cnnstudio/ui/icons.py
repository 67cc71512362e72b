"""Block icons, drawn with QPainter (no image files): one small glyph per block type.

Each icon is a rounded square tinted with the block's category colour and a line drawing of
what the block does (a kernel grid for a convolution, a hinge for ReLU, a bypass arc for a
residual block...). :func:`block_pixmap` is used by the canvas, :func:`block_icon` by the palette.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import cache
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPainterPath, QPen, QPixmap

from ..core import block_type
from .style import category_color, tinted

Glyph = Callable[[QPainter, QColor], None]
"""Draws on a 24 x 24 grid with the pen already set."""


def icon_variant(type_id: str, params: dict[str, Any]) -> tuple:
    """The settings that change a block's icon (a 1x1 conv, a bottleneck, a naive Inception)."""
    if type_id == "conv2d" and params.get("kernel") == 1:
        return (("kernel", 1),)
    if type_id == "residual" and params.get("variant") == "bottleneck":
        return (("variant", "bottleneck"),)
    if type_id == "inception" and params.get("reductions") is False:
        return (("reductions", False),)
    return ()


def has_glyph(type_id: str) -> bool:
    """Whether the block type *type_id* has a drawing of its own (not the plain square)."""
    return type_id in _GLYPHS


def block_icon(type_id: str, variant: tuple = (), size: int = 24) -> QIcon:
    """The icon of a block type (for the palette)."""
    return QIcon(block_pixmap(type_id, variant, size))


def block_pixmap(type_id: str, variant: tuple = (), size: int = 24) -> QPixmap:
    """The icon of a block type as a pixmap *size* logical pixels wide (sharp on HiDPI)."""
    app = QGuiApplication.instance()
    ratio = max(2.0, app.devicePixelRatio() if app is not None else 1.0)
    return _render(type_id, tuple(variant), size, ratio)


@cache
def _render(type_id: str, variant: tuple, size: int, ratio: float) -> QPixmap:
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    color = category_color(block_type(type_id).category)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 24.0, size / 24.0)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(tinted(color, 0.16))
    painter.drawRoundedRect(QRectF(0.5, 0.5, 23, 23), 5, 5)
    ink = color.darker(115)
    painter.setPen(QPen(ink, 1.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    glyph = _GLYPHS.get(_glyph_key(type_id, dict(variant)), _default)
    glyph(painter, ink)
    painter.end()
    return pixmap


def _glyph_key(type_id: str, variant: dict[str, Any]) -> str:
    if type_id == "conv2d" and variant.get("kernel") == 1:
        return "conv1x1"
    if type_id == "residual" and variant.get("variant") == "bottleneck":
        return "bottleneck"
    if type_id == "inception" and variant.get("reductions") is False:
        return "inception_naive"
    return type_id


def _grid(p: QPainter, x: float, y: float, cells: int, cell: float) -> None:
    for i in range(cells + 1):
        p.drawLine(QPointF(x + i * cell, y), QPointF(x + i * cell, y + cells * cell))
        p.drawLine(QPointF(x, y + i * cell), QPointF(x + cells * cell, y + i * cell))


def _curve(p: QPainter, f: Callable[[float], float], x0: float = 4, x1: float = 20) -> None:
    path = QPainterPath()
    steps = 24
    for i in range(steps + 1):
        x = x0 + (x1 - x0) * i / steps
        point = QPointF(x, f((x - 12) / 4))
        path.moveTo(point) if i == 0 else path.lineTo(point)
    p.drawPath(path)


def _axis(p: QPainter, ink: QColor) -> None:
    light = QColor(ink)
    light.setAlpha(90)
    pen = p.pen()
    p.setPen(QPen(light, 1.0))
    p.drawLine(QPointF(4, 12), QPointF(20, 12))
    p.drawLine(QPointF(12, 4), QPointF(12, 20))
    p.setPen(pen)


def _input(p: QPainter, ink: QColor) -> None:
    p.drawRoundedRect(QRectF(4, 5, 16, 14), 2, 2)
    p.drawPolyline([QPointF(5, 17), QPointF(10, 11), QPointF(13, 14), QPointF(15, 12), QPointF(19, 17)])
    p.drawEllipse(QPointF(16, 8.5), 1.3, 1.3)


def _conv(p: QPainter, ink: QColor) -> None:
    p.drawRect(QRectF(4, 4, 16, 16))
    p.setBrush(tinted(ink, 0.35))
    p.drawRect(QRectF(4, 4, 9, 9))
    p.setBrush(Qt.BrushStyle.NoBrush)
    _grid(p, 4, 4, 3, 3)


def _conv1x1(p: QPainter, ink: QColor) -> None:
    for i, offset in enumerate((0, 3, 6)):
        p.drawRect(QRectF(4 + offset, 10 - offset, 10, 10))
        if i == 2:
            p.setBrush(ink)
            p.drawRect(QRectF(10.5, 4.5, 3, 3))


def _pool(p: QPainter, ink: QColor, average: bool) -> None:
    _grid(p, 4, 4, 2, 5)
    p.setBrush(ink)
    if average:
        p.drawRect(QRectF(15, 14, 5, 6))
    else:
        p.drawRect(QRectF(9, 4, 5, 5))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawLine(QPointF(7, 16), QPointF(7, 20))
    p.drawPolyline([QPointF(5, 18), QPointF(7, 20), QPointF(9, 18)])


def _global_pool(p: QPainter, ink: QColor) -> None:
    p.drawRect(QRectF(4, 4, 11, 11))
    p.drawLine(QPointF(15, 15), QPointF(18, 18))
    p.setBrush(ink)
    p.drawEllipse(QPointF(19, 19), 1.8, 1.8)


def _flatten(p: QPainter, ink: QColor) -> None:
    p.drawRect(QRectF(4, 4, 8, 8))
    for i in range(4):
        p.drawRect(QRectF(16, 3 + i * 4.5, 4, 4))
    p.drawLine(QPointF(12, 12), QPointF(15, 15))


def _linear(p: QPainter, ink: QColor) -> None:
    left = [QPointF(6, 6 + 6 * i) for i in range(3)]
    right = [QPointF(18, 9 + 6 * i) for i in range(2)]
    light = QColor(ink)
    light.setAlpha(140)
    pen = p.pen()
    p.setPen(QPen(light, 1.0))
    for a in left:
        for b in right:
            p.drawLine(a, b)
    p.setPen(pen)
    p.setBrush(ink)
    for point in left + right:
        p.drawEllipse(point, 1.8, 1.8)


def _relu(p: QPainter, ink: QColor) -> None:
    _axis(p, ink)
    p.drawPolyline([QPointF(4, 12), QPointF(12, 12), QPointF(19, 5)])


def _tanh(p: QPainter, ink: QColor) -> None:
    _axis(p, ink)
    _curve(p, lambda x: 12 - 6.5 * math.tanh(1.6 * x))


def _sigmoid(p: QPainter, ink: QColor) -> None:
    _axis(p, ink)
    _curve(p, lambda x: 19 - 13 / (1 + math.exp(-2.2 * x)))


def _softmax(p: QPainter, ink: QColor) -> None:
    p.setBrush(tinted(ink, 0.45))
    for i, height in enumerate((5, 13, 8, 3)):
        p.drawRect(QRectF(4.5 + i * 4, 20 - height, 3, height))


def _batchnorm(p: QPainter, ink: QColor) -> None:
    p.drawLine(QPointF(4, 19), QPointF(20, 19))
    _curve(p, lambda x: 18.5 - 12 * math.exp(-1.5 * x * x))


def _lrn(p: QPainter, ink: QColor) -> None:
    for i, height in enumerate((8, 14, 8)):
        x = 6 + i * 6
        p.drawLine(QPointF(x, 19), QPointF(x, 19 - height))
    p.drawLine(QPointF(4, 7), QPointF(20, 7))


def _dropout(p: QPainter, ink: QColor) -> None:
    for row in range(3):
        for col in range(3):
            center = QPointF(6 + col * 6, 6 + row * 6)
            if (row * 3 + col) % 3 == 1:
                p.drawLine(center - QPointF(1.6, 1.6), center + QPointF(1.6, 1.6))
                p.drawLine(center + QPointF(-1.6, 1.6), center + QPointF(1.6, -1.6))
            else:
                p.setBrush(ink)
                p.drawEllipse(center, 1.7, 1.7)
                p.setBrush(Qt.BrushStyle.NoBrush)


def _add(p: QPainter, ink: QColor) -> None:
    p.drawEllipse(QPointF(12, 12), 7.5, 7.5)
    p.drawLine(QPointF(12, 8), QPointF(12, 16))
    p.drawLine(QPointF(8, 12), QPointF(16, 12))


def _concat(p: QPainter, ink: QColor) -> None:
    for i, fill in enumerate((0.25, 0.5, 0.75)):
        p.setBrush(tinted(ink, fill))
        p.drawRect(QRectF(5 + i * 5, 5, 5, 14))


def _residual(p: QPainter, ink: QColor) -> None:
    p.drawLine(QPointF(9, 3), QPointF(9, 21))
    p.setBrush(tinted(ink, 0.3))
    p.drawRect(QRectF(6, 6, 6, 4))
    p.drawRect(QRectF(6, 12, 6, 4))
    p.setBrush(Qt.BrushStyle.NoBrush)
    path = QPainterPath(QPointF(9, 4.5))
    path.cubicTo(QPointF(21, 4.5), QPointF(21, 18.5), QPointF(11, 18.5))
    p.drawPath(path)


def _bottleneck(p: QPainter, ink: QColor) -> None:
    p.setBrush(tinted(ink, 0.3))
    p.drawRect(QRectF(4, 4, 10, 3.5))
    p.drawRect(QRectF(6.5, 10.2, 5, 3.5))
    p.drawRect(QRectF(4, 16.5, 10, 3.5))
    p.setBrush(Qt.BrushStyle.NoBrush)
    path = QPainterPath(QPointF(14, 5.5))
    path.cubicTo(QPointF(22, 5.5), QPointF(22, 18.5), QPointF(14, 18.5))
    p.drawPath(path)


def _inception(p: QPainter, ink: QColor, reductions: bool = True) -> None:
    p.drawLine(QPointF(12, 2.5), QPointF(12, 5))
    p.drawLine(QPointF(4.5, 5), QPointF(19.5, 5))
    p.setBrush(tinted(ink, 0.35))
    for i, height in enumerate((6, 10, 10, 8)):
        x = 3.2 + i * 4.6
        p.drawRect(QRectF(x, 6.5, 3, height))
        if reductions and i in (1, 2):
            p.drawLine(QPointF(x, 9.5), QPointF(x + 3, 9.5))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawLine(QPointF(4.5, 19), QPointF(19.5, 19))
    p.drawLine(QPointF(12, 19), QPointF(12, 21.5))


def _default(p: QPainter, ink: QColor) -> None:
    p.drawRoundedRect(QRectF(5, 5, 14, 14), 3, 3)


_GLYPHS: dict[str, Glyph] = {
    "input": _input,
    "conv2d": _conv,
    "conv1x1": _conv1x1,
    "maxpool2d": lambda p, ink: _pool(p, ink, average=False),
    "avgpool2d": lambda p, ink: _pool(p, ink, average=True),
    "globalavgpool": _global_pool,
    "flatten": _flatten,
    "linear": _linear,
    "relu": _relu,
    "tanh": _tanh,
    "sigmoid": _sigmoid,
    "softmax": _softmax,
    "batchnorm2d": _batchnorm,
    "lrn": _lrn,
    "dropout": _dropout,
    "add": _add,
    "concat": _concat,
    "residual": _residual,
    "bottleneck": _bottleneck,
    "inception": _inception,
    "inception_naive": lambda p, ink: _inception(p, ink, reductions=False),
    "padshortcut": _residual,
}
