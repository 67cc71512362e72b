"""Long networks on the canvas (issue 8, item 10): ResNet-152 and VGG-16 fit a window legibly,
and their pictures fit a slide."""

from __future__ import annotations

from PySide6.QtGui import QFontMetricsF, QImage

from cnnstudio.core import preset
from cnnstudio.ui.canvas.node_item import OVERVIEW_ZOOM, _fonts
from cnnstudio.ui.canvas.view import LEGIBLE_ZOOM
from cnnstudio.ui.document import Document

SLIDE = 16 / 9


def test_resnet152_opens_whole_and_legible_in_a_canvas_of_a_1600x1000_window(qtbot, show_canvas):
    view = show_canvas(Document(preset("resnet152")))
    view.resize(1080, 560)  # the canvas of the default 1600x1000 window
    qtbot.waitUntil(lambda: view.viewport().width() > 1000)
    view.fit_for_open()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    boxes = view.diagram_scene.nodes.values()
    assert all(visible.contains(item.scene_rect()) for item in boxes), "not all 58 boxes in view"
    assert LEGIBLE_ZOOM <= view.zoom < OVERVIEW_ZOOM
    # zoomed out this far a box shows its name in large type: at least 10 pixels high on screen
    assert QFontMetricsF(_fonts()["overview_name"]).height() * view.zoom >= 10


def png_aspect(path) -> float:
    image = QImage(str(path))
    return image.width() / image.height()


def test_a_png_of_vgg16_fits_a_slide(qtbot, show_canvas, tmp_path):
    view = show_canvas(Document(preset("vgg16")))
    view.render_diagram_png(tmp_path / "vgg16.png")
    assert SLIDE / 1.3 <= png_aspect(tmp_path / "vgg16.png") <= SLIDE * 1.3  # was 596x10212
    view.render_diagram_svg(tmp_path / "vgg16.svg")
    svg = (tmp_path / "vgg16.svg").read_text(encoding="utf-8")
    assert "conv5_3" in svg and "14x14x512" in svg  # the export is drawn in full detail
