"""Exercises in the app, on the real widgets: opening one, the shipped exercises passing with
their reference solutions and giving the right hint on a wrong network, locked layers refused,
the work saved with its exercise and graded by ``cnnstudio check``, and the predict flow."""

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from cnnstudio.commands import check as check_command
from cnnstudio.core import preset, summarize
from cnnstudio.core.fileformat import load
from cnnstudio.teaching import grade, load_answers, load_exercise, packaged_exercises
from cnnstudio.ui.commands import (
    EditMacro,
    InsertNodeCommand,
    RemoveNodeCommand,
    RenameCommand,
    SetParamCommand,
    execute,
)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

EXERCISES = {load_exercise(path).id: path for path in packaged_exercises()}


def press_check(window, qtbot):
    qtbot.mouseClick(window.exercises.panel.check_button, Qt.MouseButton.LeftButton)
    return window.exercises.panel


# -- opening ------------------------------------------------------------------------------------


@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
def test_each_shipped_exercise_opens_from_the_file_menu(window, exercise_id, qtbot, open_shipped):
    exercise = open_shipped(window, exercise_id)
    panel = window.exercises.panel
    qtbot.waitUntil(window.exercises.dock.isVisible)
    assert panel.title.text() == exercise.title("en")
    assert exercise.instruction("en")[:40] in panel.instructions.text()
    if exercise.kind == "predict":  # the canvas would show the answers: it is left alone
        assert window.document.network.name == "LeNet-5" and panel.predict is not None
    else:
        names = [node.name for node in window.document.network.nodes]
        assert names == [node.name for node in exercise.start.nodes]
        assert window.document.network.name == exercise.title("en") and not window.document.modified
        assert panel.status.text() == "Not passed yet. Press Check for a hint."
    assert sorted(window.document.network.node(i).name for i in window.document.locked_layers) == sorted(
        exercise.locked
    )


def test_a_broken_exercise_file_is_refused_in_one_dialog_and_nothing_changes(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append((title, text)))
    bad = tmp_path / "broken.cnnstudio-exercise.json"
    bad.write_text('{"format": "cnnstudio-exercise", "version": 1, "id": "x", "title": {"en": "X"}', "utf-8")
    assert not window.exercises.open_path(bad)
    assert len(shown) == 1 and shown[0][0] == "Cannot open the exercise"
    assert "so the network you have open stays as it is" in shown[0][1]
    assert "not valid JSON" in shown[0][1]
    assert window.exercises.exercise is None and window.document.network.name == "LeNet-5"
    assert not window.document.modified


def test_opening_an_exercise_asks_about_unsaved_work_first(window, set_param, monkeypatch):
    set_param(window.document, "conv1", "filters", 8)
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: QMessageBox.StandardButton.Cancel)
    assert not window.exercises.open_path(EXERCISES["cut-5x5-cost"])
    assert window.exercises.exercise is None
    assert window.document.network.find("conv1").params["filters"] == 8


# -- checking -----------------------------------------------------------------------------------


@pytest.mark.parametrize("exercise_id", sorted(set(EXERCISES) - {"predict-lenet5"}))
def test_the_reference_solution_passes_in_the_app(window, reference_solutions, exercise_id, qtbot):
    exercise = load_exercise(EXERCISES[exercise_id])
    window.exercises.start(exercise, reference_solutions[exercise_id](exercise))
    panel = window.exercises.panel
    assert panel.passed  # live, before Check
    press_check(window, qtbot)
    expected = grade(exercise, window.document.network).message
    assert panel.status.text() == f"Passed: {expected}."
    assert not panel.hint.isVisible()


@pytest.mark.parametrize("exercise_id", sorted(set(EXERCISES) - {"predict-lenet5"}))
def test_a_wrong_network_gets_the_right_hint_in_the_apps_language(window, wrong_attempts, exercise_id, qtbot):
    """The exercise's own text follows the lessons' language; the checker and the buttons speak
    the app's (English here; Korean in test_ui_teaching_korean)."""
    exercise = load_exercise(EXERCISES[exercise_id])
    for attempt, english, _ in wrong_attempts[exercise_id]:
        window.exercises.start(exercise, attempt(exercise))
        window.document.undo_stack.setClean()
        panel = press_check(window, qtbot)
        assert not panel.passed and panel.hint.isVisible()
        assert panel.hint.text() == f"First fix: {english}."
        window.lessons.panel.set_language("ko")
        assert panel.title.text() == exercise.title("ko")
        assert panel.hint.isVisible() and panel.hint.text() == f"First fix: {english}."
        assert panel.check_button.text() == "Check"
        window.lessons.panel.set_language("en")


def test_solved_through_the_commands_with_the_lock_in_place(
    window, solve_through_commands, qtbot, open_shipped
):
    open_shipped(window, "cut-5x5-cost")
    panel = press_check(window, qtbot)
    assert panel.hint.text() == "First fix: total MACs: 120,422,400; the goal is below 15,000,000."
    with qtbot.waitSignal(window.exercises.passed_changed):
        solve_through_commands["cut-5x5-cost"](window.document)
    assert panel.passed and panel.status.text() == "Passed: every goal is met."
    assert not panel.hint.isVisible()
    assert window.statusBar().currentMessage().startswith("Exercise passed.")


# -- locked layers ------------------------------------------------------------------------------


def test_a_locked_layer_cannot_be_changed_deleted_or_renamed(window, open_shipped):
    open_shipped(window, "cut-5x5-cost")
    document, network = window.document, window.document.network
    conv = network.find("conv").id
    why = "The exercise locks conv: it must stay as it is"
    assert not execute(document, SetParamCommand(network, conv, "filters", 64))
    assert window.statusBar().currentMessage() == why
    assert not execute(document, RenameCommand(network, conv, "five"))
    with EditMacro(document, "Delete 2 layers") as macro:  # the canvas deletes a selection so
        macro.do(RemoveNodeCommand(network, network.find("relu").id))
        macro.do(RemoveNodeCommand(network, conv))
    assert not macro.committed
    assert [node.name for node in network.nodes] == ["input", "conv", "relu"]  # all or nothing
    assert network.node(conv).params["filters"] == 32 and not document.modified
    assert window.statusBar().currentMessage() == why
    # the wiring around it stays free: the exercise's answer is a layer in front of it
    assert execute(
        document, InsertNodeCommand(network, "conv2d", {"kernel": 1}, network.find("input").id, conv)
    )


def test_the_inspector_puts_a_locked_setting_back(window, qtbot, open_shipped):
    open_shipped(window, "cut-5x5-cost")
    conv = window.document.network.find("conv").id
    window.document.set_selection([conv])
    editor = window.inspector.page.editors["filters"]
    editor.stepBy(1)  # the spin box's arrow: 33 filters
    assert editor.value() == 32  # refused, and the editor shows the layer as it is
    assert window.document.network.node(conv).params["filters"] == 32
    assert window.statusBar().currentMessage() == "The exercise locks conv: it must stay as it is"


def test_opening_another_network_ends_the_exercise_and_its_locks(window, discard_unsaved, open_shipped):
    open_shipped(window, "cut-5x5-cost")
    assert window.document.locked_layers
    window.files.open_preset("conv5x5-naive")
    assert window.exercises.exercise is None and not window.document.locked_layers
    conv = window.document.network.find("conv").id
    assert execute(window.document, SetParamCommand(window.document.network, conv, "filters", 64))


# -- saving the work ----------------------------------------------------------------------------


def test_the_saved_work_keeps_its_exercise_and_cnnstudio_check_grades_it(
    window, make_window, solve_through_commands, tmp_path, capsys, open_shipped
):
    open_shipped(window, "cut-5x5-cost")
    solve_through_commands["cut-5x5-cost"](window.document)
    path = tmp_path / "ana.cnnstudio.json"
    assert window.files.save_to(path)
    data = json.loads(path.read_text("utf-8"))
    assert data["exercise"] == {"id": "cut-5x5-cost", "passed": True}
    assert load(path).name == window.document.network.name  # an ordinary network file
    capsys.readouterr()
    assert check_command.main([str(EXERCISES["cut-5x5-cost"]), str(path)]) == 0
    assert capsys.readouterr().out == f"{path}: pass\n"
    again = make_window(path=path, network=load(path), remember_layout=False)
    assert again.exercises.exercise is None  # a window opened on a file: File > Open resumes
    again.files.open_path(path)
    assert again.exercises.exercise is not None and again.exercises.exercise.id == "cut-5x5-cost"
    assert again.exercises.panel.passed
    assert [again.document.network.node(i).name for i in again.document.locked_layers] == ["conv"]


def test_work_that_fails_is_saved_as_not_passed(window, tmp_path, open_shipped):
    open_shipped(window, "rebuild-lenet5")
    path = tmp_path / "ben.cnnstudio.json"
    assert window.files.save_to(path)
    assert json.loads(path.read_text("utf-8"))["exercise"] == {"id": "rebuild-lenet5", "passed": False}
    window.files.open_preset("lenet5")
    assert window.files.save_to(tmp_path / "plain.cnnstudio.json")
    assert "exercise" not in json.loads((tmp_path / "plain.cnnstudio.json").read_text("utf-8"))


def test_save_my_work_asks_where_then_saves_with_the_exercise(
    window, tmp_path, monkeypatch, qtbot, open_shipped
):
    open_shipped(window, "rebuild-lenet5")
    target = tmp_path / "mine"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    qtbot.mouseClick(window.exercises.panel.save_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "mine.cnnstudio.json"
    assert json.loads(saved.read_text("utf-8"))["exercise"]["id"] == "rebuild-lenet5"


# -- predicting ---------------------------------------------------------------------------------


def test_the_predict_flow_checks_each_answer_then_reveals_the_arithmetic(
    window, tmp_path, monkeypatch, qtbot, capsys, open_shipped
):
    exercise = open_shipped(window, "predict-lenet5")
    form = window.exercises.panel.predict
    assert not form.fields[("conv1", "shape")].result_label.isVisible()
    qtbot.keyClicks(form.fields[("conv1", "shape")].edit, "28x28x5")
    qtbot.keyClicks(form.fields[("conv1", "params")].edit, "156")
    qtbot.keyClicks(form.fields[("conv1", "macs")].edit, "117,600")
    panel = press_check(window, qtbot)
    shape = form.fields[("conv1", "shape")].result_label
    assert (
        shape.isVisible()
        and "✗</b> conv1's output shape: you answered 28x28x5; it is 28x28x6" in shape.text()
    )
    assert "H_out = W_out = floor((32 + 2×0 - 5)/1) + 1 = 28<br>C_out = filters = 6" in shape.text()
    macs = form.fields[("conv1", "macs")].result_label.text()
    assert "✓</b> conv1's MACs: right, 117,600" in macs and "MACs = 28×28×6 × 5×5×1 = 117,600" in macs
    assert not form.fields[("pool1", "shape")].result_label.isVisible()  # not answered: not shown
    assert panel.hint.text() == (
        "2 of 10 answers right; conv1's output shape: you answered 28x28x5; it is 28x28x6"
    )
    rows = {row.path: row for row in summarize(exercise.start).all_rows()}
    answers = {
        ("conv1", "shape"): "28x28x6",
        ("pool1", "shape"): "14x14x6",
        ("conv2", "shape"): "10x10x16",
        ("conv2", "params"): f"{rows['conv2'].params:,}",
        ("conv2", "macs"): str(rows["conv2"].macs),
        ("flatten", "shape"): "400",
        ("fc1", "params"): f"{rows['fc1'].params:,}",
        ("fc1", "macs"): str(rows["fc1"].macs),
    }
    for (layer, quantity), text in answers.items():
        form.fields[(layer, quantity)].edit.clear()
        qtbot.keyClicks(form.fields[(layer, quantity)].edit, text)
    press_check(window, qtbot)
    assert panel.passed and panel.status.text() == "Passed: all 10 answers right."
    target = tmp_path / "ana.cnnstudio-answers.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert grade(exercise, load_answers(target)).passed
    capsys.readouterr()
    assert check_command.main([str(EXERCISES["predict-lenet5"]), str(target)]) == 0
    assert window.document.network.name == "LeNet-5" and not window.document.modified


def test_a_predict_exercise_leaves_the_network_editable(window, set_param, open_shipped):
    open_shipped(window, "predict-lenet5")
    assert not window.document.locked_layers
    set_param(window.document, "conv1", "filters", 8)
    assert preset("lenet5").find("conv1").params["filters"] == 6
