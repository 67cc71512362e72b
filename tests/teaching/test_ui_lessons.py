"""The lessons panel on the real widgets: every lesson in both languages, every link clicked with
the mouse, every "Try it" step done through the app's commands and seen turning green, and
Korean text drawn with a real font."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QRawFont, QTextCursor, QTextDocument, QTextLayout, QTextTable
from PySide6.QtWidgets import QApplication, QMessageBox

from cnnstudio.core import preset
from cnnstudio.teaching import Formula, Text, load_catalog
from cnnstudio.ui.fonts import KOREAN_FAMILY, install_fonts
from cnnstudio.ui.language import lesson_language
from cnnstudio.ui.lessons.links import EXPERIMENT_METHODS
from cnnstudio.ui.lessons.rendering import links
from cnnstudio.ui.lessons.steps import DONE_MARK, OPEN_MARK

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

LESSON_IDS = [lesson.id for lesson in load_catalog("en").lessons]


def hangul_fonts(font: QFont, text: str) -> list[tuple[str, list[int]]]:
    """The fonts that draw *text* in *font* (with its fallbacks), each with its glyph indexes."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [(run.rawFont().familyName(), list(run.glyphIndexes())) for run in layout.glyphRuns()]


# -- Korean text has a font ---------------------------------------------------------------------


def test_after_start_up_korean_text_is_drawn_with_the_shipped_font(make_window):
    window = make_window(remember_layout=False)
    assert KOREAN_FAMILY in QFontDatabase.families(QFontDatabase.WritingSystem.Korean)
    assert QRawFont.fromFont(QFont(KOREAN_FAMILY)).supportsCharacter(ord("한"))
    app_font = QApplication.instance().font()
    assert app_font.families()[-1] == KOREAN_FAMILY  # the fallback after the system's own font
    runs = hangul_fonts(window.lessons.panel.browser.font(), "한국어")
    assert runs and all(family == KOREAN_FAMILY and 0 not in glyphs for family, glyphs in runs)
    latin = hangul_fonts(app_font, "LeNet")
    assert latin[0][0] != KOREAN_FAMILY  # Latin text keeps the system's font


def test_installing_the_fonts_again_changes_nothing(make_window):
    make_window(remember_layout=False)
    families = QApplication.instance().font().families()
    assert install_fonts() == KOREAN_FAMILY
    assert QApplication.instance().font().families() == families


# -- every lesson in both languages -------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_lesson_opens_in_both_languages(lesson_window, lang, qtbot):
    window = lesson_window()
    panel = window.lessons.panel
    panel.language_box.setCurrentIndex(panel.language_box.findData(lang))
    panel.language_box.activated.emit(panel.language_box.currentIndex())
    assert panel.language == lang and lesson_language() == lang
    assert not panel.problems.isVisible()
    catalog = load_catalog(lang)
    assert panel.lesson_box.count() == len(catalog.lessons) == 7
    for index, lesson in enumerate(catalog.lessons):
        panel.lesson_box.setCurrentIndex(index)
        panel.lesson_box.activated.emit(index)
        assert panel.lesson.id == lesson.id and panel.lesson.language == lang
        text = panel.browser.toPlainText()
        assert text.startswith(lesson.title)
        prose = QTextDocument()
        prose.setMarkdown(next(b for b in lesson.blocks if isinstance(b, Text)).markdown)
        assert prose.toPlainText().split("\n")[0] in text  # the lesson's first words, as text
        frames = [
            f for f in panel.browser.document().rootFrame().childFrames() if not isinstance(f, QTextTable)
        ]
        assert len(frames) == sum(isinstance(block, Formula) for block in lesson.blocks)
        assert [item.step for item in panel.steps.items] == lesson.steps
        assert 2 <= len(panel.steps.items) <= 4
        if lang == "ko":
            assert any("\uac00" <= ch <= "\ud7a3" for ch in text)
            assert panel.steps.title.text() == "직접 해 보기"


def test_a_formula_box_holds_the_formulas_as_written_in_a_fixed_pitch_font(lesson_window):
    window = lesson_window()
    window.lessons.show_lesson("L03")
    frames = window.lessons.panel.browser.document().rootFrame().childFrames()
    texts = []
    for frame in frames:
        cursor = frame.firstCursorPosition()
        texts.append(cursor.block().text())
        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)
        assert QFontDatabase.isFixedPitch(cursor.charFormat().font().family())
    assert "a[l+2] = g(z[l+2] + a[l])" in texts


def test_the_language_chosen_in_the_panel_is_kept_for_the_next_start(lesson_window, make_window):
    window = lesson_window()
    panel = window.lessons.panel
    panel.show_lesson("L05")
    panel.language_box.setCurrentIndex(panel.language_box.findData("ko"))
    panel.language_box.activated.emit(panel.language_box.currentIndex())
    assert panel.lesson.id == "L05" and panel.lesson.title == load_catalog("ko").lesson("L05").title
    later = make_window(remember_layout=False)
    assert later.lessons.panel.language == "ko"


def test_view_lessons_shows_the_dock(make_window, qtbot):
    window = make_window(remember_layout=False)
    assert not window.lessons.isVisible()
    window.menu_actions["lessons"].trigger()
    qtbot.waitUntil(window.lessons.isVisible)
    assert window.menu_actions["lessons"] in window.view_menu().actions()


# -- links --------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_preset_link_opens_its_preset(lesson_window, click_text_link, lang, qtbot):
    window = lesson_window()
    panel = window.lessons.panel
    panel.set_language(lang)
    clicked = 0
    for lesson_id in LESSON_IDS:
        panel.show_lesson(lesson_id)
        browser = panel.browser
        for target, start, end in links(browser.document()):
            if not target.startswith("preset:"):
                continue
            window.files.new_network()
            assert window.document.network.name == "Untitled"
            with qtbot.waitSignal(window.document.network_replaced):
                click_text_link(browser, start, end)
            assert window.document.network.name == preset(target.removeprefix("preset:")).name, target
            clicked += 1
    assert clicked == sum(
        1 for lesson in load_catalog(lang).lessons for link in lesson.links if link.kind == "preset"
    ) + sum(len(lesson.presets) for lesson in load_catalog(lang).lessons)


def test_a_preset_link_asks_about_unsaved_work_first(lesson_window, click_text_link, set_param, monkeypatch):
    window = lesson_window()
    set_param(window.document, "conv1", "filters", 8)
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        lambda *args, **kwargs: asked.append(args[1]) or QMessageBox.StandardButton.Cancel,
    )
    window.lessons.show_lesson("L02")
    _, start, end = next(
        link for link in links(window.lessons.panel.browser.document()) if link[0] == "preset:alexnet"
    )
    click_text_link(window.lessons.panel.browser, start, end)
    assert asked == ["Unsaved changes"]
    assert window.document.network.name == "LeNet-5"  # cancelled: nothing opened


def _link(panel, prefix: str) -> tuple[str, int, int]:
    return next(link for link in links(panel.browser.document()) if link[0].startswith(prefix))


def test_a_compare_link_shows_the_ready_made_comparison_of_its_presets(lesson_window, click_text_link, qtbot):
    window = lesson_window()
    panel = window.lessons.panel
    panel.show_lesson("L06")
    click_text_link(panel.browser, *_link(panel, "compare:")[1:])
    qtbot.waitUntil(window.compare.isVisible)
    view = window.compare.view
    assert view.title.text() == "A 5x5 convolution: naive against a 1x1 bottleneck"
    assert "9.68x fewer multiply-accumulates" in view.ratios.text()


def test_a_compare_link_without_a_ready_made_comparison_pins_its_presets(
    lesson_window, click_text_link, qtbot
):
    window = lesson_window()
    panel = window.lessons.panel
    panel.show_lesson("L01")
    window.compare.pin_open_network()  # pinned before: the link's comparison replaces it
    click_text_link(panel.browser, *_link(panel, "compare:")[1:])
    qtbot.waitUntil(window.compare.isVisible)
    names = [pin.name for pin in window.compare.board.pins]
    assert names == ["LeNet-5", "AlexNet", "VGG-16", "ResNet-152", "GoogLeNet"]


def test_a_lesson_link_shows_that_lesson(lesson_window, click_text_link):
    window = lesson_window()
    panel = window.lessons.panel
    panel.show_lesson("L01")
    target, start, end = _link(panel, "lesson:")
    click_text_link(panel.browser, start, end)
    assert panel.lesson.id == target.removeprefix("lesson:") == "L02"
    assert panel.lesson_box.currentData() == "L02"


class FakeExperiments:
    """What the experiments part of the app offers lessons: a record of what was asked."""

    def __init__(self):
        self.calls = []

    def show_depth_experiment(self):
        self.calls.append("depth")

    def show_identity_check(self):
        self.calls.append("identity")


@pytest.mark.parametrize(("lesson_id", "experiment"), [("L03", "depth"), ("L04", "identity")])
def test_an_experiment_link_asks_the_experiments_part(lesson_window, click_text_link, lesson_id, experiment):
    window = lesson_window()
    window.experiments = FakeExperiments()
    panel = window.lessons.panel
    panel.show_lesson(lesson_id)
    click_text_link(panel.browser, *_link(panel, f"experiment:{experiment}")[1:])
    assert window.experiments.calls == [experiment]
    assert EXPERIMENT_METHODS[experiment] in ("show_depth_experiment", "show_identity_check")


def test_an_experiment_link_says_so_when_the_app_has_no_experiments(lesson_window, click_text_link):
    window = lesson_window()
    del window.experiments  # a build of the app without the Experiments menu
    panel = window.lessons.panel
    panel.show_lesson("L03")
    click_text_link(panel.browser, *_link(panel, "experiment:depth")[1:])
    assert window.statusBar().currentMessage() == (
        "The depth (plain against residual) experiment is not part of this build of CNN Studio"
    )


def test_a_web_link_opens_the_system_browser(lesson_window, monkeypatch):
    from cnnstudio.ui.lessons import links as lesson_links

    opened = []
    monkeypatch.setattr(
        lesson_links.QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True
    )
    window = lesson_window()
    assert lesson_links.follow_link(window, "https://arxiv.org/abs/1512.03385", window.lessons.show_lesson)
    assert opened == ["https://arxiv.org/abs/1512.03385"]
    assert not lesson_links.follow_link(window, "javascript:alert(1)", window.lessons.show_lesson)
    assert "is not a link CNN Studio can follow" in window.statusBar().currentMessage()
    assert opened == ["https://arxiv.org/abs/1512.03385"]


def test_hovering_a_link_says_what_it_does(lesson_window):
    window = lesson_window()
    window.lessons.panel.browser.highlighted.emit("compare:conv5x5-naive,conv5x5-bottleneck")
    assert window.statusBar().currentMessage() == (
        "Compare 5x5 conv, naive, 5x5 conv with a 1x1 bottleneck side by side"
    )


# -- "Try it" steps -----------------------------------------------------------------------------


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_every_step_can_be_done_in_the_app_and_turns_green(
    lesson_window, step_solutions, discard_unsaved, lesson_id, qtbot
):
    window = lesson_window()
    panel = window.lessons.panel
    panel.show_lesson(lesson_id)
    for number, item in enumerate(panel.steps.items, start=1):
        qtbot.mouseClick(item.start_button, Qt.MouseButton.LeftButton)
        assert window.document.network.name == preset(item.step.preset).name
        assert not item.passed and item.mark.text() == OPEN_MARK
        step_solutions[(lesson_id, number)](window.document)
        assert item.passed, f"{lesson_id} step {number}: {item.result.message}"
        assert item.mark.text() == DONE_MARK
        assert item.status.text() == "Done: the network does it."
        window.document.undo_stack.undo()
        assert not item.passed  # checked live: undone, the step is open again
        window.document.undo_stack.redo()
        assert item.passed
    assert len(discard_unsaved) == len(panel.steps.items) - 1  # asked each time work was unsaved


def test_a_korean_step_says_what_is_missing_in_korean_and_turns_green(lesson_window, step_solutions, qtbot):
    window = lesson_window()
    panel = window.lessons.panel
    panel.set_language("ko")
    panel.show_lesson("L06")
    item = panel.steps.items[0]
    qtbot.mouseClick(item.start_button, Qt.MouseButton.LeftButton)
    assert item.status.text() == "아직: kernel=1, filters=16인 Conv2d 층이 아직 없습니다."
    assert item.start_button.text() == "5x5 합성곱 (그대로)에서 시작"
    step_solutions[("L06", 1)](window.document)
    assert item.passed and item.status.text() == "완료: 네트워크가 목표를 이루었습니다."
    assert panel.steps.progress.text() == "3단계 중 1단계 완료"


def test_a_step_shows_its_hint_when_asked(lesson_window, qtbot):
    window = lesson_window()
    item = window.lessons.panel.steps.items[0]
    assert not item.hint.isVisible()
    qtbot.mouseClick(item.hint_button, Qt.MouseButton.LeftButton)
    assert item.hint.isVisible() and item.step.hint[:20] in item.hint.text()
    qtbot.mouseClick(item.hint_button, Qt.MouseButton.LeftButton)
    assert not item.hint.isVisible()


def test_the_steps_follow_any_network_that_is_opened(lesson_window, discard_unsaved):
    window = lesson_window()
    panel = window.lessons.panel
    panel.show_lesson("L07")
    assert panel.steps.progress.text() == "0 of 3 steps done"
    window.files.open_preset("inception-bottleneck")
    done = [item.passed for item in panel.steps.items]
    assert done == [True, False, False]  # the module with reductions is step 1's goal
    assert panel.steps.progress.text() == "1 of 3 steps done"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_no_markdown_marker_is_left_showing(lang, qapp):
    """Qt reads Markdown as CommonMark: ``**지름길(shortcut)**을`` would show its stars (a closing
    ``**`` after ``)`` needs a space or punctuation after it), so lessons write ``**지름길**(shortcut)을``."""
    left = []
    for lesson in load_catalog(lang).lessons:
        texts = [block.markdown for block in lesson.blocks if isinstance(block, Text)]
        texts += [text for step in lesson.steps for text in (step.goal, step.hint)]
        for markdown in texts:
            document = QTextDocument()
            document.setMarkdown(markdown)
            left += [
                f"{lesson.id}: {line}"
                for line in document.toPlainText().splitlines()
                if "*" in line or "`" in line
            ]
    assert left == []
