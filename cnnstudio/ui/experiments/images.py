"""numpy images to Qt: one picture, or many small ones (channels, filters) in a grid.

Only the GUI thread calls these; the arrays come from the worker as uint8.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtGui import QImage, QPixmap

from ..style import TILE_GAP_LEVEL

GAP = 1
"""Pixels between two tiles of a grid (before scaling)."""


def to_qimage(image: np.ndarray) -> QImage:
    """A copy of a uint8 ``H x W`` (gray), ``H x W x 1`` or ``H x W x 3`` array as a QImage."""
    if image.ndim == 3 and image.shape[2] == 1:
        image = image[:, :, 0]
    image = np.ascontiguousarray(image)
    height, width = image.shape[:2]
    if image.ndim == 2:
        return QImage(image.data, width, height, width, QImage.Format.Format_Grayscale8).copy()
    return QImage(image.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()


def grid_shape(count: int, aspect: float = 1.0) -> tuple[int, int]:
    """``(rows, columns)`` for *count* tiles, about *aspect* times wider than tall."""
    columns = max(1, math.ceil(math.sqrt(count * aspect)))
    return math.ceil(count / columns), columns


def tile_grid(tiles: np.ndarray, columns: int) -> np.ndarray:
    """Tiles ``K x H x W`` (or ``K x H x W x C``) side by side, *columns* a row, ``GAP`` apart
    on a gray background (neither black nor white, the ends of every tile's scale)."""
    count, height, width = tiles.shape[:3]
    rows = math.ceil(count / columns)
    shape = (rows * (height + GAP) - GAP, columns * (width + GAP) - GAP, *tiles.shape[3:])
    canvas = np.full(shape, TILE_GAP_LEVEL, dtype=np.uint8)
    for index in range(count):
        row, column = divmod(index, columns)
        top, left = row * (height + GAP), column * (width + GAP)
        canvas[top : top + height, left : left + width] = tiles[index]
    return canvas


def scaled_pixmap(image: np.ndarray, width: int, height: int) -> QPixmap:
    """*image* scaled by a whole factor (sharp pixels) to fit in ``width x height``."""
    qimage = to_qimage(image)
    factor = max(1, min(width // max(1, qimage.width()), height // max(1, qimage.height())))
    return QPixmap.fromImage(qimage.scaled(qimage.width() * factor, qimage.height() * factor))
