"""The app in Korean (issue 10) on the real widgets: the whole window under the Korean
translation speaks Korean (menus, docks, status bar, start page, inspector, table, canvas),
numbers keep their grouping, ``--lang`` and the system's locale choose the language, and View >
Language saves the choice."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QFont, QTextLayout
from PySide6.QtWidgets import QDialog, QDockWidget, QLabel

from cnnstudio.core import preset
from cnnstudio.ui import language
from cnnstudio.ui.fonts import KOREAN_FAMILY
from cnnstudio.ui.language import current_language, install_translators, saved_language
from cnnstudio.ui.terms import LAYER_TYPE_NAMES

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

HANGUL_TEXT = re.compile(r"[\uac00-\ud7af]")


@pytest.fixture
def korean_window(korean, make_window):
    """LeNet-5 in a window built under the Korean translation."""
    window = make_window(preset("lenet5"), remember_layout=False)
    window.resize(1600, 1000)
    return window


def user_names(window) -> list[str]:
    """The student's own words the window shows: the network's and the layers' names."""
    network = window.document.network
    return [network.name, *(node.name for node in network.nodes)]


def test_the_korean_window_has_no_untranslated_text(korean_window, untranslated_texts):
    window = korean_window
    skip, names = (), user_names(window)  # the whole window: every dock and menu
    found = {"menus": untranslated_texts(window.menuBar(), skip=skip)}
    for dock in window.findChildren(QDockWidget):
        found[dock.objectName()] = untranslated_texts(dock, names, skip)
    found["status bar"] = untranslated_texts(window.statusBar(), names, skip)
    found["canvas"] = untranslated_texts(window.canvas, names, skip)
    assert window.select_layer("conv1", "macs")  # a layer's page, its row chosen, its formula shown
    found["conv1 in the inspector"] = untranslated_texts(window.inspector_dock, names, skip)
    found["conv1 in the table"] = untranslated_texts(window.table_dock, names, skip)
    found["conv1 on the canvas"] = untranslated_texts(window.canvas, names, skip)
    page = window.show_start_page()
    found["start page"] = untranslated_texts(page, names, skip)
    page.close()
    problems = {part: texts for part, texts in found.items() if texts}
    assert not problems, "\n".join(f"{part}: {texts}" for part, texts in problems.items())


def test_the_walk_finds_english_text_and_allows_the_kept_terms(korean_window, untranslated_texts):
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    box = QWidget()
    layout = QVBoxLayout(box)
    for text in ("Conv2d  ·  28x28x6", "61,706 MACs", "ResNet-50", "합성곱", "conv1", "Output shape"):
        layout.addWidget(QLabel(text))
    assert untranslated_texts(box, names=["conv1"]) == ["Output shape"]
    box.deleteLater()


def test_the_menus_speak_korean_with_their_accelerators(korean_window):
    titles = [action.text() for action in korean_window.menuBar().actions()]
    assert titles[:4] == ["파일(&F)", "편집(&E)", "보기(&V)", "프리셋(&P)"]
    assert titles[-1] == "도움말(&H)"  # Help ends the bar in every language
    assert titles.index("비교(&C)") == len(titles) - 2
    assert korean_window.menu_actions["save_as"].text() == "다른 이름으로 저장(&A)…"
    assert korean_window.menu_actions["undo"].text() == "실행 취소(&U)"


def test_numbers_keep_their_grouping_and_layer_types_their_names(korean_window):
    window = korean_window
    assert window.statusBar().findChild(QLabel, "statusTotals").text() == "파라미터 61,706  ·  MACs 416,520"
    model = window.table.table_model
    types = {model.index(row, 1).data() for row in range(model.rowCount())}
    assert {"Conv2d", "AvgPool2d", "Tanh", "Linear", "Softmax"} <= types
    assert set(types) - {"입력", ""} <= set(LAYER_TYPE_NAMES)
    total_row = model.rowCount() - 1
    assert model.index(total_row, 0).data() == "합계"
    assert "61,706" in [model.index(total_row, column).data() for column in range(model.columnCount())]


def test_korean_text_is_drawn_with_the_shipped_font(korean_window):
    font = korean_window.menuBar().font()
    layout = QTextLayout("파일", QFont(font))
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = [(run.rawFont().familyName(), run.glyphIndexes()) for run in layout.glyphRuns()]
    assert runs and all(family == KOREAN_FAMILY and 0 not in glyphs for family, glyphs in runs)


# -- choosing the language ----------------------------------------------------------------------


@pytest.fixture
def english_again(qapp):
    """Whatever a test installs or gives for the run, English after it."""
    yield
    language.set_session_language(None)
    install_translators("en", qapp)


@pytest.mark.parametrize(("given", "saved", "file_menu"), [("ko", "en", "파일(&F)"), ("en", "ko", "&File")])
def test_lang_wins_over_the_saved_choice(given, saved, file_menu, english_again, qapp, qtbot):
    from cnnstudio.app import make_window, parse_args

    language.set_current_language(saved)
    args = parse_args(["lenet5", "--lang", given, "--screenshot", "unused.png"])
    window = make_window(qapp, args, preset("lenet5"), None)
    qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
    assert language.ui_language() == given
    assert window.menu_actions["file_menu"].text() == file_menu
    assert saved_language() == saved  # --lang is for this run only


def test_without_a_choice_the_system_locale_decides(english_again):
    try:
        QLocale.setDefault(QLocale("ko_KR"))
        assert current_language() == "ko"
        QLocale.setDefault(QLocale("de_DE"))
        assert current_language() == "en"  # a language the app does not speak: English
        language.set_current_language("ko")
        assert current_language() == "ko"  # the choice under View > Language comes first
    finally:
        QLocale.setDefault(QLocale.system())


def test_view_language_saves_the_choice_and_offers_a_restart(make_window, english_again, monkeypatch):
    from cnnstudio.ui import language_menu

    asked, restarted = [], []
    monkeypatch.setattr(language_menu, "_ask_restart", lambda window, name: asked.append(name) or False)
    monkeypatch.setattr(language_menu, "restart", lambda window: restarted.append(window) or True)
    window = make_window(remember_layout=False)
    entries = {action.data(): action for action in window.menu_actions["language_menu"].menu().actions()}
    assert [entries[code].text() for code in ("en", "ko")] == ["English", "한국어"]
    assert entries["en"].isChecked()
    entries["ko"].trigger()
    assert asked == ["한국어"] and restarted == []
    assert saved_language() == "ko"
    assert "한국어" in window.statusBar().currentMessage()
    monkeypatch.setattr(language_menu, "_ask_restart", lambda window, name: True)
    entries["ko"].trigger()
    assert restarted == [window]
    entries["en"].trigger()  # the language it speaks already: saved, nothing to restart
    assert saved_language() == "en" and restarted == [window]


def test_the_restart_starts_the_app_again_with_its_file():
    from cnnstudio.ui.language_menu import restart_command

    _program, arguments = restart_command("/work/lenet.cnnstudio.json")
    assert arguments[-3:] == ["-m", "cnnstudio", "/work/lenet.cnnstudio.json"]
    assert restart_command(None)[1][-2:] == ["-m", "cnnstudio"]


def test_the_palette_filter_reads_korean_and_english(korean_window):
    palette = korean_window.block_palette
    palette.apply_filter("활성화")  # the start of a category's Korean name
    assert palette.visible_titles() == ["ReLU", "Tanh", "Sigmoid", "Softmax"]
    palette.apply_filter("residual")  # the English title still finds its block
    assert palette.visible_titles() == ["잔차 블록 (기본)", "잔차 블록 (병목)"]


def test_a_choice_is_shown_in_korean_and_kept_as_the_core_names_it(korean, qtbot):
    from cnnstudio.core.blocks import BLOCK_TYPES
    from cnnstudio.ui.param_editors import editor_for

    editor = editor_for(BLOCK_TYPES["residual"].spec("shortcut"), "projection")
    qtbot.addWidget(editor)
    assert editor.currentText() == "사영" and editor.value() == "projection"
    with qtbot.waitSignal(editor.edited) as edited:
        editor.setCurrentIndex(editor.findText("자동"))
    assert edited.args == ["auto"]
    padding = editor_for(BLOCK_TYPES["conv2d"].spec("padding"), 2)
    qtbot.addWidget(padding)
    assert [padding.mode.itemText(i) for i in range(3)] == ["same", "valid", "픽셀"]
    assert padding.value() == 2 and padding.pixels.isEnabled()


def test_an_opened_block_and_its_inner_layer_speak_korean(korean, make_window, untranslated_texts):
    window = make_window(preset("resnet18"), remember_layout=False)
    skip = ()
    rows = window.document.summary.rows
    names = [*user_names(window), *(child.name for row in rows for child in row.children)]
    assert window.canvas.open_block(window.document.network.find("layer1.0").id)
    assert window.select_layer("layer1.0.conv2", "params")
    found = {
        "canvas": untranslated_texts(window.canvas, names, skip),
        "inspector": untranslated_texts(window.inspector_dock, names, skip),
        "table": untranslated_texts(window.table_dock, names, skip),
    }
    assert {part: texts for part, texts in found.items() if texts} == {}
    assert window.inspector.findChild(QLabel, "setting_Kernel size").text() == "3"


def test_a_network_with_a_problem_says_so_in_korean(korean, make_window, untranslated_texts, set_param):
    window = make_window(preset("lenet5"), remember_layout=False)
    set_param(window.document, "conv2", "kernel", 15)  # larger than its 14x14 input
    validity = window.statusBar().findChild(QLabel, "statusValidity")
    assert "문제 1개" in validity.text()
    # the core's message, through core_text and cnnstudio.i18n
    assert "conv2: 커널(15x15)이 입력(14x14)보다 큽니다" in validity.toolTip()
    names = user_names(window)
    assert untranslated_texts(window.statusBar(), names) == []
    assert untranslated_texts(window.table_dock, names) == []


def test_the_help_pages_speak_korean(korean_window, untranslated_texts):
    from cnnstudio.ui.help import counted_page

    page = counted_page(korean_window)
    assert page.windowTitle() == "무엇을 세는가"
    assert untranslated_texts(page) == []
    page.deleteLater()
    korean_window.menu_actions["shortcuts"].trigger()
    keys = korean_window.findChild(QDialog, "shortcutsPage")
    assert keys.windowTitle() == "키보드와 마우스"
    assert "새로 만들기" in keys.text.toPlainText() and "Ctrl+N" in keys.text.toPlainText()
    keys.close()


def test_the_unsaved_changes_question_and_its_buttons_speak_korean(
    korean_window, untranslated_texts, set_param
):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    window = korean_window
    set_param(window.document, "conv1", "filters", 8)
    seen = []

    def look_and_cancel() -> None:
        box = QApplication.activeModalWidget()
        seen.append((box.windowTitle(), sorted(b.text() for b in box.buttons())))
        seen.append(untranslated_texts(box, user_names(window)))
        box.button(QMessageBox.StandardButton.Cancel).click()

    QTimer.singleShot(0, look_and_cancel)
    assert window.files.maybe_save() is False
    assert seen[0][0] == "저장하지 않은 변경 사항"
    assert all(HANGUL_TEXT.search(text) for text in seen[0][1]), seen[0][1]  # Qt's own buttons: qtbase_ko
    assert seen[1] == []


@pytest.mark.parametrize("ask", ["open_dialog", "save_as"])
def test_the_file_dialogs_speak_korean(ask, korean_window, untranslated_texts):
    # qtbase_ko.qm translates "Look in:" but Qt 6 asks for "&Look in:" (and "Files of &type:")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog

    window, seen = korean_window, []

    def look_and_cancel() -> None:  # the folders' names are the user's own, as they are
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        found = untranslated_texts(dialog, user_names(window))
        folders = [Path(text) for text in found if text.startswith("/")] + [Path.cwd()]
        names = {part for folder in folders for part in folder.parts}
        seen.append([text for text in found if not text.startswith("/") and text not in names])
        dialog.reject()

    QTimer.singleShot(0, look_and_cancel)
    assert getattr(window.files, ask)() is False
    assert seen == [[]]
