"""The start page: an empty network to build from scratch, the lessons, and every case-study
network as a card, grouped by lesson.

Each card shows the network's title (the English window adds the Korean one), one line about
it, and its size: parameters and multiply-accumulates, the two numbers the lessons compare. The
cards flow into as many columns as the page's width holds (four on a wide screen, one on a
narrow one).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from PySide6.QtCore import QCoreApplication, Qt, Signal
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
from .terms import lesson_group_title, preset_description, preset_title

COLUMNS_PER_ROW = 4
"""The most cards side by side."""
CARD_MIN_SIZE = (250, 132)
GRID_SPACING = 10
PAGE_SIZE = (1280, 800)

STYLE = START_PAGE


def compact(number: int) -> str:
    """``61706`` -> ``"61.7 K"``, ``15470264320`` -> ``"15.5 G"`` (the lecture's 60k, 138M); the
    units are SI prefixes, the same in every language."""
    for size, unit in ((10**9, "G"), (10**6, "M"), (10**3, "K")):
        if number >= size:
            return f"{number / size:.1f} {unit}"
    return str(number)


@cache
def preset_costs(preset_id: str) -> tuple[int, int]:
    """Parameters and MACs of a preset (computed once per run)."""
    summary = summarize(PRESETS[preset_id].build())
    return summary.totals.params, summary.totals.macs


class Card(QPushButton):
    """A clickable card: a title (and a subtitle if it differs: the Korean title beside the
    English), a line of text and a line of figures."""

    def __init__(self, title: str, subtitle: str, text: str, stats: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("presetCard")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(3)
        layout.addWidget(self._label(title, "cardTitle"))
        if subtitle != title:
            layout.addWidget(self._label(subtitle, "cardTitleKo"))
        layout.addWidget(self._label(text, "cardText", wrap=True), 1)
        layout.addWidget(self._label(stats, "cardStats"))
        self.setMinimumSize(*CARD_MIN_SIZE)
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


class PresetCard(Card):
    """The card of a case-study network: titles, description, parameters and MACs."""

    def __init__(self, entry: Preset, parent: QWidget | None = None) -> None:
        params, macs = preset_costs(entry.id)
        title = preset_title(entry)
        stats = QCoreApplication.translate("StartPage", "{params} params  ·  {macs} MACs").format(
            params=compact(params), macs=compact(macs)
        )
        super().__init__(title, entry.title_ko, preset_description(entry), stats, parent)
        self.preset_id = entry.id
        self.setToolTip(
            QCoreApplication.translate(
                "StartPage", "{title}\n{params} parameters\n{macs} multiply-accumulates"
            ).format(title=title, params=fmt(params), macs=fmt(macs))
        )


class EmptyCard(Card):
    """The card that starts an empty network (File > New)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        title = QCoreApplication.translate("StartPage", "Empty network")
        text = QCoreApplication.translate(
            "StartPage",
            "Start from an Input alone and build a network yourself: drag blocks from the palette "
            "onto the canvas.",
        )
        stats = QCoreApplication.translate("StartPage", "{params} params  ·  {macs} MACs").format(
            params=0, macs=0
        )
        super().__init__(title, title, text, stats, parent)
        self.setObjectName("emptyCard")
        self.setToolTip(
            QCoreApplication.translate("StartPage", "A new network holding only an Input (File > New)")
        )


class LessonsCard(Card):
    """The card that opens the Lessons panel at the first of *lesson_ids* (the panel's)."""

    def __init__(self, lesson_ids: Sequence[str], parent: QWidget | None = None) -> None:
        title = QCoreApplication.translate("StartPage", "Lessons")
        text = QCoreApplication.translate(
            "StartPage",
            "Read the course's lessons beside the network, from why case studies matter to the "
            "Inception network, and do their Try it steps on the canvas.",
        )
        first, last = lesson_ids[0], lesson_ids[-1]
        stats = QCoreApplication.translate("StartPage", "{count} lessons  ·  {first} to {last}").format(
            count=fmt(len(lesson_ids)), first=first, last=last
        )
        super().__init__(title, title, text, stats, parent)
        self.setObjectName("lessonsCard")
        self.first_lesson = first
        self.setToolTip(
            QCoreApplication.translate("StartPage", "Open the Lessons panel at {lesson}").format(lesson=first)
        )


class StartPage(QDialog):
    """Pick a case-study network to open.

    Signals
    -------
    preset_chosen(str)
        A card was clicked; carries the preset id. The dialog then closes.
    empty_chosen()
        The "Empty network" card was clicked. The dialog then closes.
    lessons_chosen(str)
        The "Lessons" card was clicked; carries the first lesson's id. The dialog then closes.

    Parameters
    ----------
    show_at_start : bool
        Whether the "show this page at start" box starts checked.
    parent : QWidget, optional
    lesson_ids : sequence of str
        The lessons on offer, in order; the page has a Lessons card when there are any.
    """

    preset_chosen = Signal(str)
    empty_chosen = Signal()
    lessons_chosen = Signal(str)

    def __init__(
        self, show_at_start: bool = True, parent: QWidget | None = None, lesson_ids: Sequence[str] = ()
    ) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        self._lesson_ids = tuple(lesson_ids)
        self.setWindowTitle(QCoreApplication.translate("StartPage", "Pick a network"))
        self.setStyleSheet(STYLE)
        self._fit_to_screen()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 14)
        layout.addWidget(self._header())
        layout.addWidget(self._cards(), 1)
        self.show_at_start = QCheckBox(
            QCoreApplication.translate("StartPage", "Show this page when CNN Studio starts")
        )
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
        title = QLabel(QCoreApplication.translate("StartPage", "Explore the classic CNN case studies"))
        title.setObjectName("pageTitle")
        text = QLabel(
            QCoreApplication.translate(
                "StartPage",
                "Pick a network to open it. Every layer's output shape, parameters and "
                "multiply-accumulates appear in the table, with the arithmetic behind each number.",
            )
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
        self._grids: list[tuple[QGridLayout, list[Card]]] = []
        heading = QLabel(QCoreApplication.translate("StartPage", "Start from scratch or learn"))
        heading.setObjectName("lessonTitle")
        layout.addWidget(heading)
        self.empty_card = EmptyCard()
        self.empty_card.clicked.connect(self._choose_empty)
        first_cards: list[Card] = [self.empty_card]
        self.lessons_card = LessonsCard(self._lesson_ids) if self._lesson_ids else None
        if self.lessons_card is not None:
            self.lessons_card.clicked.connect(self._choose_lessons)
            first_cards.append(self.lessons_card)
        layout.addLayout(self._grid(first_cards))
        for lesson in LESSONS:
            heading = QLabel(lesson_group_title(lesson))
            heading.setObjectName("lessonTitle")
            layout.addWidget(heading)
            cards = []
            for entry in (p for p in PRESETS.values() if p.lesson == lesson):
                card = PresetCard(entry)
                card.clicked.connect(lambda _=False, pid=entry.id: self._choose(pid))
                cards.append(card)
            layout.addLayout(self._grid(cards))
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll = scroll
        return scroll

    def _grid(self, cards: list[Card]) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(GRID_SPACING)
        self._grids.append((grid, cards))
        self._columns = 0
        return grid

    def columns(self) -> int:
        """How many cards stand side by side at the page's width."""
        return self._columns

    def _reflow(self) -> None:
        """Put the cards in as many columns as the page's width holds (at most four)."""
        width = self.scroll.viewport().width() - 8
        fits = (width + GRID_SPACING) // (CARD_MIN_SIZE[0] + GRID_SPACING)
        columns = max(1, min(COLUMNS_PER_ROW, fits))
        if columns == self._columns:
            return
        self._columns = columns
        for grid, cards in self._grids:
            for card in cards:
                grid.removeWidget(card)
            for i, card in enumerate(cards):
                grid.addWidget(card, i // columns, i % columns)
            for column in range(COLUMNS_PER_ROW):
                grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._reflow()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._reflow()

    def cards(self) -> list[PresetCard]:
        """Every card, in page order."""
        return self.findChildren(PresetCard)

    def _choose(self, preset_id: str) -> None:
        self.preset_chosen.emit(preset_id)
        self.accept()

    def _choose_empty(self) -> None:
        self.empty_chosen.emit()
        self.accept()

    def _choose_lessons(self) -> None:
        self.lessons_chosen.emit(self.lessons_card.first_lesson)
        self.accept()


__all__ = ["EmptyCard", "LessonsCard", "PresetCard", "StartPage", "compact", "preset_costs"]
