"""The start page: every case-study network as a card, grouped by lesson.

Each card shows the network's title (in English and Korean), one line about it, and its size:
parameters and multiply-accumulates, the two numbers the lessons compare.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..core import LESSONS, PRESETS, Preset, fmt, summarize
from .style import START_PAGE

LESSON_KO = {
    "Classic networks": "고전 신경망",
    "ResNets": "잔차 신경망",
    "1x1 convolutions": "1x1 합성곱",
    "Inception": "인셉션",
}
COLUMNS_PER_ROW = 4
PAGE_SIZE = (1280, 800)

STYLE = START_PAGE


def compact(number: int) -> str:
    """``61706`` -> ``"61.7 K"``, ``15470264320`` -> ``"15.5 G"`` (the lecture's 60k, 138M)."""
    for size, unit in ((10**9, "G"), (10**6, "M"), (10**3, "K")):
        if number >= size:
            return f"{number / size:.1f} {unit}"
    return str(number)


@cache
def preset_costs(preset_id: str) -> tuple[int, int]:
    """Parameters and MACs of a preset (computed once per run)."""
    summary = summarize(PRESETS[preset_id].build())
    return summary.totals.params, summary.totals.macs


class PresetCard(QPushButton):
    """One clickable card: titles, description, parameters and MACs."""

    def __init__(self, entry: Preset, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presetCard")
        self.preset_id = entry.id
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        params, macs = preset_costs(entry.id)
        self.setToolTip(f"{entry.title}\n{fmt(params)} parameters\n{fmt(macs)} multiply-accumulates")
        self.setAccessibleName(entry.title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(3)
        layout.addWidget(self._label(entry.title, "cardTitle"))
        if entry.title_ko != entry.title:
            layout.addWidget(self._label(entry.title_ko, "cardTitleKo"))
        layout.addWidget(self._label(entry.description, "cardText", wrap=True), 1)
        layout.addWidget(self._label(f"{compact(params)} params  ·  {compact(macs)} MACs", "cardStats"))
        self.setMinimumSize(250, 132)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def _label(self, text: str, name: str, wrap: bool = False) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(wrap)
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return label

    def sizeHint(self):
        return self.layout().sizeHint()


class StartPage(QDialog):
    """Pick a case-study network to open.

    Signals
    -------
    preset_chosen(str)
        A card was clicked; carries the preset id. The dialog then closes.
    """

    preset_chosen = Signal(str)

    def __init__(self, show_at_start: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        self.setWindowTitle("CNN Studio: pick a network")
        self.setStyleSheet(STYLE)
        self._fit_to_screen()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 14)
        layout.addWidget(self._header())
        layout.addWidget(self._cards(), 1)
        self.show_at_start = QCheckBox("Show this page when CNN Studio starts")
        self.show_at_start.setChecked(show_at_start)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        footer = QVBoxLayout()
        footer.addWidget(self.show_at_start)
        footer.addWidget(buttons)
        layout.addLayout(footer)

    def _fit_to_screen(self) -> None:
        available = self.screen().availableGeometry()
        width, height = PAGE_SIZE
        self.resize(min(width, int(0.92 * available.width())), min(height, int(0.92 * available.height())))

    def _header(self) -> QWidget:
        header = QWidget()
        layout = QVBoxLayout(header)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel("Explore the classic CNN case studies  ·  CNN 케이스 스터디")
        title.setObjectName("pageTitle")
        text = QLabel(
            "Pick a network to open it. Every layer's output shape, parameters and "
            "multiply-accumulates appear in the table, with the arithmetic behind each number."
        )
        text.setObjectName("pageText")
        text.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(text)
        return header

    def _cards(self) -> QScrollArea:
        body = QWidget()
        body.setObjectName("startCards")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 8, 0)
        for lesson in LESSONS:
            heading = QLabel(f"{lesson}  ·  {LESSON_KO.get(lesson, lesson)}")
            heading.setObjectName("lessonTitle")
            layout.addWidget(heading)
            layout.addLayout(self._grid([p for p in PRESETS.values() if p.lesson == lesson]))
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        return scroll

    def _grid(self, entries: list[Preset]) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(10)
        for i, entry in enumerate(entries):
            card = PresetCard(entry)
            card.clicked.connect(lambda _=False, pid=entry.id: self._choose(pid))
            grid.addWidget(card, i // COLUMNS_PER_ROW, i % COLUMNS_PER_ROW)
        for column in range(COLUMNS_PER_ROW):
            grid.setColumnStretch(column, 1)
        return grid

    def cards(self) -> list[PresetCard]:
        """Every card, in page order."""
        return self.findChildren(PresetCard)

    def _choose(self, preset_id: str) -> None:
        self.preset_chosen.emit(preset_id)
        self.accept()


__all__ = ["LESSON_KO", "PresetCard", "StartPage", "compact", "preset_costs"]
