"""Files in the main window: save and reopen, the title, unsaved changes, bad files, recovery,
recent files, exports and settings."""

from __future__ import annotations

import csv
import io
import json
import os
import time
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from cnnstudio.core import preset
from cnnstudio.core.fileformat import dumps, load, to_dict
from cnnstudio.ui.recovery import recovery_text
from cnnstudio.ui.settings import recovery_dir

Button = QMessageBox.StandardButton


class Answers:
    """Stands in for QMessageBox's static dialogs: records each question, gives set answers."""

    def __init__(self, monkeypatch, warning=Button.Cancel, question=Button.Yes) -> None:
        self.asked: list[tuple[str, str]] = []
        self.answers = {"warning": warning, "question": question, "critical": Button.Ok}
        for kind in self.answers:
            monkeypatch.setattr(QMessageBox, kind, self._replier(kind))

    def _replier(self, kind: str):
        def reply(_parent, title, text, *args, **kwargs):
            self.asked.append((kind, text))
            return self.answers[kind]

        return staticmethod(reply)


def layers(network) -> list[dict]:
    """The network's nodes as saved, without their places on the canvas."""
    return [{k: v for k, v in node.items() if k != "pos"} for node in to_dict(network)["nodes"]]


def save_path_dialog(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))


def test_save_and_reopen_gives_the_same_file(qtbot, tmp_path, monkeypatch, make_window):
    window = make_window(preset("googlenet"))
    first = tmp_path / "googlenet.cnnstudio.json"
    save_path_dialog(monkeypatch, first)
    assert window.files.save()
    other = make_window()
    assert other.files.open_path(first)
    second = tmp_path / "again.cnnstudio.json"
    assert other.files.save_to(second)
    assert first.read_bytes() == second.read_bytes()
    assert layers(load(first)) == layers(preset("googlenet"))


def test_save_as_adds_the_file_suffix(qtbot, tmp_path, monkeypatch, make_window):
    window = make_window()
    save_path_dialog(monkeypatch, tmp_path / "mine")
    assert window.files.save_as()
    assert (tmp_path / "mine.cnnstudio.json").exists()
    assert window.document.path == (tmp_path / "mine.cnnstudio.json").resolve()


def test_title_shows_the_file_name_and_a_star_when_modified(qtbot, tmp_path, make_window, set_param):
    window = make_window(preset("lenet5"))
    assert window.windowTitle().startswith("LeNet-5 –")
    assert "*" not in window.windowTitle()
    set_param(window.document, "fc1", "units", 100)
    assert window.windowTitle().startswith("LeNet-5* –")
    assert window.files.save_to(tmp_path / "lenet.cnnstudio.json")
    assert window.windowTitle().startswith("lenet.cnnstudio.json –")
    set_param(window.document, "fc1", "units", 90)
    assert window.windowTitle().startswith("lenet.cnnstudio.json* –")
    window.document.undo_stack.undo()
    assert window.windowTitle().startswith("lenet.cnnstudio.json –")


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(
    qtbot, monkeypatch, make_window, set_param
):
    answers = Answers(monkeypatch, warning=Button.Cancel)
    window = make_window()
    set_param(window.document, "fc1", "units", 100)
    assert not window.close()
    assert window.isVisible()
    assert len(answers.asked) == 1 and "LeNet-5" in answers.asked[0][1]


def test_discard_closes_and_save_writes_first(qtbot, tmp_path, monkeypatch, make_window, set_param):
    answers = Answers(monkeypatch, warning=Button.Discard)
    window = make_window()
    set_param(window.document, "fc1", "units", 100)
    assert window.close()
    answers.answers["warning"] = Button.Save
    saved = make_window()
    set_param(saved.document, "fc1", "units", 100)
    save_path_dialog(monkeypatch, tmp_path / "kept.cnnstudio.json")
    assert saved.close()
    assert json.loads((tmp_path / "kept.cnnstudio.json").read_text())["name"] == "LeNet-5"


def test_opening_a_preset_over_unsaved_changes_asks(qtbot, monkeypatch, make_window, set_param):
    answers = Answers(monkeypatch, warning=Button.Cancel)
    window = make_window()
    set_param(window.document, "fc1", "units", 100)
    window.menu_actions["preset:vgg16"].trigger()
    assert window.document.network.name == "LeNet-5"
    answers.answers["warning"] = Button.Discard
    window.menu_actions["preset:vgg16"].trigger()
    assert window.document.network.name == "VGG-16"
    assert not window.document.modified


def test_a_corrupt_file_opens_nothing_and_says_why(qtbot, tmp_path, monkeypatch, make_window, set_param):
    answers = Answers(monkeypatch)
    window = make_window(preset("resnet18"))
    set_param(window.document, "fc", "units", 10)
    before = dumps(window.document.network)
    bad = tmp_path / "broken.cnnstudio.json"
    bad.write_text('{"format": "cnnstudio-network", "version": 1, "name": "x", "nodes": [', encoding="utf-8")
    assert not window.files.open_path(bad)
    assert dumps(window.document.network) == before
    assert window.document.modified
    kind, text = answers.asked[-1]
    assert kind == "critical"
    assert "broken.cnnstudio.json" in text and "not valid JSON" in text


def test_a_file_with_an_unknown_block_names_it(qtbot, tmp_path, monkeypatch, make_window):
    answers = Answers(monkeypatch)
    window = make_window()
    data = json.loads(dumps(preset("lenet5")))
    data["nodes"][1]["type"] = "conv3d"
    bad = tmp_path / "odd.cnnstudio.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    assert not window.files.open_path(bad)
    assert "conv3d" in answers.asked[-1][1]
    assert window.document.network.name == "LeNet-5"


def test_recent_files_remember_opened_and_saved_files(qtbot, tmp_path, make_window):
    window = make_window()
    a, b = tmp_path / "a.cnnstudio.json", tmp_path / "b.cnnstudio.json"
    assert window.files.save_to(a)
    assert window.files.save_to(b)
    assert window.files.open_path(a)
    assert window.files.recent_files()[:2] == [a.resolve(), b.resolve()]
    window.recent_menu.aboutToShow.emit()
    texts = [action.text() for action in window.recent_menu.actions()]
    assert any("a.cnnstudio.json" in t for t in texts) and any("b.cnnstudio.json" in t for t in texts)


def test_autosave_writes_unsaved_work_and_a_clean_save_removes_it(qtbot, tmp_path, make_window, set_param):
    window = make_window()
    autosave = window.files.autosave
    assert not autosave.write_if_needed()
    set_param(window.document, "fc1", "units", 100)
    assert autosave.write_if_needed()
    data = json.loads(autosave.file.read_text(encoding="utf-8"))
    units = [n["params"]["units"] for n in data["network"]["nodes"] if n["name"] == "fc1"]
    assert units == [100]
    assert window.files.save_to(tmp_path / "saved.cnnstudio.json")
    assert not autosave.file.exists()


def test_autosave_runs_on_its_timer(qtbot, make_window, set_param):
    window = make_window()
    set_param(window.document, "fc1", "units", 100)
    assert window.files.autosave.timer.interval() == 30_000
    window.files.autosave.timer.setInterval(10)
    qtbot.waitUntil(window.files.autosave.file.exists, timeout=2000)


def test_recovers_work_left_by_a_crash(qtbot, monkeypatch, make_window):
    crashed = preset("lenet5")
    crashed.set_param(crashed.find("fc1").id, "units", 77)
    saved_at = datetime(2025, 3, 14, 15, 9)
    left_behind = recovery_dir() / "crashed.recovery.json"
    left_behind.write_text(recovery_text(crashed, None, saved_at), encoding="utf-8")
    answers = Answers(monkeypatch, question=Button.Yes)
    window = make_window(preset("alexnet"))
    assert window.files.offer_recovery()
    assert "Recover unsaved work from 2025-03-14 15:09?" in answers.asked[0][1]
    assert layers(window.document.network) == layers(crashed)
    assert window.document.modified and "*" in window.windowTitle()
    assert not left_behind.exists()


def test_recovery_names_the_file_the_work_belongs_to(qtbot, tmp_path, monkeypatch, make_window):
    named = preset("lenet5")
    named.set_name("Untitled")  # the network's name says nothing about its file
    file = tmp_path / "my-lenet.cnnstudio.json"
    left_behind = recovery_dir() / "named.recovery.json"
    left_behind.write_text(recovery_text(named, file, datetime(2025, 3, 14, 15, 9)), encoding="utf-8")
    answers = Answers(monkeypatch, question=Button.No)
    window = make_window()
    assert not window.files.offer_recovery()
    text = answers.asked[0][1]
    assert "before the changes to my-lenet.cnnstudio.json were saved" in text
    assert "Untitled" not in text


def test_recovery_of_a_never_saved_network_says_so(qtbot, monkeypatch, make_window):
    left_behind = recovery_dir() / "new.recovery.json"
    left_behind.write_text(recovery_text(preset("vgg16"), None, datetime(2025, 1, 1)), encoding="utf-8")
    answers = Answers(monkeypatch, question=Button.No)
    make_window().files.offer_recovery()
    assert "before the new network VGG-16 was saved to a file" in answers.asked[0][1]


def test_refused_recovery_is_deleted_and_not_offered_again(qtbot, monkeypatch, make_window):
    left_behind = recovery_dir() / "crashed.recovery.json"
    left_behind.write_text(recovery_text(preset("vgg16"), None, datetime(2025, 1, 1)), encoding="utf-8")
    answers = Answers(monkeypatch, question=Button.No)
    window = make_window()
    assert not window.files.offer_recovery()
    assert window.document.network.name == "LeNet-5"
    assert not left_behind.exists()
    assert not window.files.offer_recovery()
    assert len(answers.asked) == 1


def test_a_running_windows_autosave_is_not_offered(qtbot, monkeypatch, make_window, set_param):
    answers = Answers(monkeypatch, question=Button.Yes)
    first = make_window()
    set_param(first.document, "fc1", "units", 100)
    first.files.autosave.write_now()
    lock = first.files.autosave.file.with_name(
        first.files.autosave.file.name.replace(".recovery.json", ".lock")
    )
    an_hour_ago = time.time() - 3600
    os.utime(lock, (an_hour_ago, an_hour_ago))  # a window open for an hour
    second = make_window()
    assert not second.files.offer_recovery()
    assert answers.asked == []
    assert first.files.autosave.file.exists()


def test_exports_write_png_svg_csv_and_markdown(qtbot, tmp_path, make_window):
    window = make_window(preset("conv5x5-naive"))
    window.document.set_shape_order("chw")
    paths = {kind: tmp_path / f"net.{kind}" for kind in ("png", "svg", "csv", "md")}
    for kind, path in paths.items():
        assert window.exporter.export(kind, path), kind
    assert paths["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in paths["svg"].read_bytes()
    rows = list(csv.reader(io.StringIO(paths["csv"].read_text(encoding="utf-8"))))
    conv = next(r for r in rows if r[0] == "conv")
    assert conv[2] == "32x28x28" and conv[4] == "120422400"
    markdown = paths["md"].read_text(encoding="utf-8")
    assert "| conv | Conv2d | 32x28x28 |" in markdown and "120,422,400" in markdown


def test_export_follows_the_flops_toggle(qtbot, tmp_path, make_window):
    window = make_window(preset("conv5x5-naive"))
    window.toggles.flops.trigger()
    assert window.exporter.export("csv", tmp_path / "net.csv")
    rows = list(csv.reader(io.StringIO((tmp_path / "net.csv").read_text(encoding="utf-8"))))
    assert rows[0][4] == "FLOPs"
    assert next(r for r in rows if r[0] == "conv")[4] == "240844800"


def test_settings_persist_across_windows(qtbot, tmp_path, make_window):
    first = make_window()
    first.toggles.chw.trigger()
    first.toggles.flops.trigger()
    first.resize(700, 650)
    first.table_dock.hide()
    assert first.files.save_to(tmp_path / "remembered.cnnstudio.json")
    assert first.close()
    second = make_window()
    assert second.document.shape_order == "chw" and second.document.show_flops
    assert second.toggles.chw.isChecked() and second.toggles.flops.isChecked()
    assert (second.width(), second.height()) == (700, 650)
    assert not second.table_dock.isVisible()
    assert second.files.recent_files()[0] == (tmp_path / "remembered.cnnstudio.json").resolve()


def test_settings_stay_out_of_the_real_home(home):
    from cnnstudio.ui.settings import Settings

    assert Path(Settings().store.fileName()).is_relative_to(home)
    assert recovery_dir().is_relative_to(home)


@pytest.mark.parametrize("kind", ["png", "svg", "csv", "md"])
def test_export_menu_asks_for_a_file(qtbot, tmp_path, monkeypatch, kind, make_window):
    window = make_window()
    save_path_dialog(monkeypatch, tmp_path / "chosen")
    window.menu_actions[f"export_{kind}"].trigger()
    assert (tmp_path / f"chosen.{kind}").stat().st_size > 0


def test_nothing_replaces_the_network_while_it_trains(qtbot, tmp_path, monkeypatch, make_window):
    answers = Answers(monkeypatch)
    window = make_window(preset("lenet5"))
    other = tmp_path / "other.cnnstudio.json"
    window.files.save_to(other)
    window.document.set_editable(False)
    with qtbot.waitSignal(window.document.status_message) as message:
        window.menu_actions["preset:vgg16"].trigger()
    assert "stop the training before opening another" in message.args[0]
    assert not window.files.open_path(other)
    assert not window.files.new_network()
    assert window.document.network.name == "LeNet-5"
    assert answers.asked == []
    window.document.set_editable(True)
    assert window.files.new_network()


def test_save_as_offers_no_onnx_type():
    # a network saves in CNN Studio's format; File > Export writes ONNX
    from cnnstudio.ui.files import OPEN_FILTER, file_filter

    assert "onnx" not in file_filter().lower()
    assert "*.onnx" in OPEN_FILTER  # opening an ONNX model still imports it
