"""The teaching docks in Korean, on the real widgets: with the shipped Korean translation
installed, the Lessons dock (L03, L06), the Exercise dock (rebuild LeNet-5 with a hint, the
predict exercise) and the Compare dock (ready-made comparisons, their charts) show no English
beyond the terms kept as they are, including the text written by the pure-Python layers and
translated by :mod:`cnnstudio.i18n` (a ready-made comparison's note, its ratios in words).
teaching.ts itself is checked with the other translation files in tests/test_translations.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableWidget,
    QTextBrowser,
    QToolBar,
    QToolButton,
    QWidget,
)

from cnnstudio.comparing import ready_made
from cnnstudio.core import PRESETS
from cnnstudio.teaching import load_exercise, packaged_exercises

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ROOT = Path(__file__).resolve().parents[2]
EXERCISES = {load_exercise(path).id: path for path in packaged_exercises()}

HANGUL = re.compile("[\uac00-\ud7a3]")
KEPT = re.compile(
    r"CNN Studio|LeNet-5|AlexNet|VGG-\d+|ResNet-\d+|GoogLeNet|Plain-\d+|English|ONNX|JSON|CIFAR|GPU"
    r"|Conv2d|MaxPool2d|AvgPool2d|ReLU|Tanh|Linear|Softmax|Flatten|LRN|BatchNorm2d|MACs?|FLOPs|px"
    r"|\b(?:vs|same|valid|s\d+|L0\d)\b"
    r"|\b[a-z]+\d+(?:[._]\d+)*\b"  # layer names: conv1, pool5, c3, layer2.0
    r"|\d[\d,.]*x?"  # numbers, shapes (28x28x192), ratios (9.68x)
)
"""Terms kept as PyTorch, the papers and file formats spell them, layer names, numbers."""
ENGLISH_SENTENCE = re.compile(
    r"\b(?:the|of|and|has|than|with|is|are|to|from|not|yet|fewer|more|against|per|your|this|for)\b",
    re.IGNORECASE,
)
"""Words that only an English sentence holds (a Korean text may name English terms, not these)."""
CONTENT = frozenset({"lessonText", "stepGoal", "stepHint", "exerciseTitle", "exerciseInstructions"})
"""Widgets showing a lesson's or an exercise's own text (Korean prose that names terms in
English, as the course does): they must hold Hangul; the rest of the docks may not keep
English words beyond :data:`KEPT`."""


# -- the Korean translation ------------------------------------------------------------------------


@pytest.fixture
def korean_window(korean, make_window):
    """A shown main window built in Korean, its lessons and exercises in Korean."""
    window = make_window(remember_layout=False)
    window.lessons.panel.set_language("ko")
    return window


# -- reading what the docks show -------------------------------------------------------------------


def plain(text: str) -> str:
    """Rich text as the words it shows."""
    if "<" not in text:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def menu_texts(menu: QMenu, where: str) -> list[tuple[str, str]]:
    found = [(where, menu.title())]
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        found += [(f"{where} > action", action.text()), (f"{where} > tip", action.toolTip())]
        if action.menu() is not None:
            found += menu_texts(action.menu(), f"{where} > {action.text()}")
    return found


def chart_texts(charts) -> list[tuple[str, str]]:
    found = []
    for metric, plot in charts.plots.items():
        found.append((f"chart {metric} title", plain(plot.titleLabel.text)))
        for side in ("left", "bottom"):
            axis = plot.getAxis(side)
            found.append((f"chart {metric} {side} axis", axis.labelText))
        for level in plot.getAxis("bottom")._tickLevels or ():
            found += [(f"chart {metric} tick", label) for _, label in level]
    found += [("chart legend", label.text) for _, label in charts.legend.items]
    return found


def widget_texts(root: QWidget) -> list[tuple[str, str]]:
    """Every text *root* and its visible children show: titles, labels, buttons, combo items,
    placeholders, group boxes, table headers and cells, tool bars and their menus, tooltips."""
    found: list[tuple[str, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        where = f"{type(widget).__name__}#{widget.objectName()}"
        found.append((f"{where} tooltip", widget.toolTip()))
        if isinstance(widget, QDockWidget):
            found.append((where, widget.windowTitle()))
        if isinstance(widget, QLabel):
            found.append((where, plain(widget.text())))
        if isinstance(widget, QAbstractButton):
            found.append((where, widget.text()))
        if isinstance(widget, QToolButton) and widget.menu() is not None:
            found += menu_texts(widget.menu(), where)
        if isinstance(widget, QComboBox):
            found += [(where, widget.itemText(i)) for i in range(widget.count())]
        if isinstance(widget, QLineEdit):
            found.append((f"{where} placeholder", widget.placeholderText()))
        if isinstance(widget, QGroupBox):
            found.append((where, widget.title()))
        if isinstance(widget, QTextBrowser):
            found.append((where, widget.toPlainText()))
        if isinstance(widget, QToolBar):
            for action in widget.actions():
                found += [(f"{where} action", action.text()), (f"{where} tip", action.toolTip())]
        if isinstance(widget, QTableWidget):
            found += table_texts(widget, where)
        if hasattr(widget, "plots") and hasattr(widget, "legend"):
            found += chart_texts(widget)
    return [(where, text) for where, text in found if text and text.strip()]


def table_texts(table: QTableWidget, where: str) -> list[tuple[str, str]]:
    found = []
    for column in range(table.columnCount()):
        header = table.horizontalHeaderItem(column)
        found += [(f"{where} header", header.text()), (f"{where} header tip", header.toolTip())]
        for row in range(table.rowCount()):
            item = table.item(row, column)
            found += [(f"{where} cell", item.text()), (f"{where} cell tip", item.toolTip())]
    return found


def english_left(text: str, allowed: tuple[str, ...] = ()) -> str:
    """What of *text* is English that should not be: words left once the kept terms and the
    *allowed* fragments are taken out ("" when none)."""
    for fragment in sorted(allowed, key=len, reverse=True):
        text = text.replace(fragment, " ")
    return " ".join(re.findall(r"[A-Za-z]{2,}", KEPT.sub(" ", text)))


def untranslated(texts: list[tuple[str, str]], allowed: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """The texts not in Korean: a lesson's or an exercise's text without Hangul; any other text
    without Hangul that holds more than the kept terms; or a Korean text with an English
    sentence left in it (a template not translated, filled with Korean names)."""
    bad = []
    for where, text in texts:
        content = where.split(" ")[0].split("#")[-1] in CONTENT
        if HANGUL.search(text):
            rest = text
            for fragment in sorted(allowed, key=len, reverse=True):
                rest = rest.replace(fragment, " ")
            if not content and ENGLISH_SENTENCE.search(rest):
                bad.append((where, text))
        elif content or english_left(text, allowed):
            bad.append((where, text))
    return bad


# -- the lessons -----------------------------------------------------------------------------------


@pytest.mark.parametrize("lesson_id", ["L03", "L06"])
def test_the_lessons_dock_speaks_korean(korean_window, lesson_id, step_solutions, discard_unsaved, qtbot):
    window = korean_window
    assert window.lessons.show_lesson(lesson_id)
    panel = window.lessons.panel
    assert panel.language == "ko" and panel.lesson.language == "ko"
    first = panel.steps.items[0]
    qtbot.mouseClick(first.start_button, Qt.MouseButton.LeftButton)  # "…에서 시작"
    qtbot.mouseClick(first.hint_button, Qt.MouseButton.LeftButton)
    assert first.status.isVisible() and first.status.text().startswith("미완료: ")
    step_solutions[(lesson_id, 1)](window.document)
    assert first.passed and first.status.text() == "완료: 네트워크가 목표를 이루었습니다."
    assert panel.steps.progress.text() == f"{len(panel.steps.items)}단계 중 1단계 완료"
    assert window.lessons.windowTitle() == "강의"
    assert window.menu_actions["lessons"].text() == "강의(&L)"
    texts = widget_texts(window.lessons)
    assert len(texts) > 20
    assert untranslated(texts) == []


def test_a_step_says_what_is_missing_in_korean(korean_window, qtbot):
    panel = korean_window.lessons.panel
    panel.show_lesson("L06")
    item = panel.steps.items[0]
    assert item.start_button.text() == "5x5 합성곱 (그대로)에서 시작"
    qtbot.mouseClick(item.start_button, Qt.MouseButton.LeftButton)
    assert item.status.text() == "미완료: kernel=1, filters=16인 Conv2d 층이 아직 없습니다."
    assert plain(item.goal.text()).startswith("1단계.")


def test_a_korean_app_keeps_english_lessons_in_english_but_its_own_words_korean(korean_window, qtbot):
    panel = korean_window.lessons.panel
    panel.set_language("en")
    panel.show_lesson("L06")
    item = panel.steps.items[0]
    assert panel.lesson.language == "en" and not HANGUL.search(plain(item.goal.text()).split(".", 1)[1])
    assert item.hint_button.text() == "힌트" and item.start_button.text().endswith("에서 시작")
    qtbot.mouseClick(item.start_button, Qt.MouseButton.LeftButton)
    assert item.status.text().startswith("미완료: ")


# -- the exercises ---------------------------------------------------------------------------------


def test_rebuild_lenet5_gives_its_hint_in_korean(korean_window, wrong_attempts, qtbot):
    window = korean_window
    shipped = window.menu_actions["exercise:rebuild-lenet5"]
    assert HANGUL.search(shipped.text())
    shipped.trigger()
    exercise = window.exercises.exercise
    attempt, _, korean_hint = wrong_attempts["rebuild-lenet5"][0]
    window.exercises.start(exercise, attempt(exercise))
    panel = window.exercises.panel
    assert panel.status.text() == "아직 통과하지 못했습니다. 확인을 누르면 힌트를 볼 수 있습니다."
    qtbot.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
    assert panel.hint.isVisible() and panel.hint.text() == f"먼저 고칠 점: {korean_hint}."
    file_menu = window.menu_actions["file_menu"].menu()
    opening = [t for w, t in menu_texts(file_menu, "File") if "xercise" in t or "연습" in t]
    assert "연습 문제 열기(&X)…" in opening and "연습 문제(&I)" in opening
    texts = widget_texts(window.exercises.dock)
    assert untranslated(texts) == []


def test_every_shipped_exercise_hints_in_korean(korean_window, wrong_attempts, qtbot):
    window, panel = korean_window, korean_window.exercises.panel
    for exercise_id in sorted(set(EXERCISES) - {"predict-lenet5"}):
        exercise = load_exercise(EXERCISES[exercise_id])
        for attempt, _, korean_hint in wrong_attempts[exercise_id]:
            window.exercises.start(exercise, attempt(exercise))
            window.document.undo_stack.setClean()
            qtbot.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
            assert panel.hint.text() == f"먼저 고칠 점: {korean_hint}."
            assert untranslated(widget_texts(window.exercises.dock)) == []


def test_the_predict_exercise_in_korean(korean_window, qtbot):
    window = korean_window
    window.menu_actions["exercise:predict-lenet5"].trigger()
    panel = window.exercises.panel
    form = panel.predict
    qtbot.keyClicks(form.fields[("pool1", "shape")].edit, "14x14x6")
    qtbot.keyClicks(form.fields[("conv1", "params")].edit, "150")
    qtbot.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
    assert "pool1 층의 출력 크기: 정답 14x14x6" in form.fields[("pool1", "shape")].result_label.text()
    assert "conv1 층의 파라미터 수: 답 150, 정답 156" in form.fields[("conv1", "params")].result_label.text()
    assert panel.hint.text().startswith("10개 중 1개 맞음.")
    assert panel.check_button.text() == "답 확인" and panel.save_button.text() == "답안 저장…"
    texts = widget_texts(window.exercises.dock)
    assert any("placeholder" in where for where, _ in texts)
    layer_names = tuple(node.name for node in panel.exercise.start.nodes)  # the student's words
    assert untranslated(texts, layer_names) == []


# -- the compare dock ------------------------------------------------------------------------------


@pytest.mark.parametrize("comparison_id", ["bottleneck-5x5", "classic-networks"])
def test_a_ready_made_comparison_in_korean(korean_window, comparison_id, qtbot):
    window = korean_window
    window.menu_actions[f"compare:{comparison_id}"].trigger()
    view = window.compare.view
    qtbot.waitUntil(lambda: view.charts is not None and view.charts.isVisible())
    assert window.compare.windowTitle() == "비교"
    assert HANGUL.search(view.title.text())
    if comparison_id == "bottleneck-5x5":
        # the lecture's "about a tenth", exactly, in the app's language
        assert "곱셈-누산(MAC) 9.68배 적음" in view.ratios.text()
        assert view.table.text(1, 0) == PRESETS["conv5x5-bottleneck"].title_ko
    else:
        ticks = [t for w, t in chart_texts(view.charts) if w.endswith("tick")]
        assert "헤드" in ticks
    texts = widget_texts(window.compare)
    compare_menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and a.text() == "비교(&C)")
    texts += menu_texts(compare_menu, "Compare menu")
    assert untranslated(texts) == []


def test_the_stage_readout_in_korean(korean_window):
    from cnnstudio.ui.compare.readout import stage_readout

    comparison = ready_made("classic-networks")
    text = stage_readout(comparison, "head")
    assert text.startswith("헤드 · ") and "파라미터" in text and "LeNet-5" in text
    assert english_left(text, ("flatten", "softmax")) == ""  # the first and last layers' names
