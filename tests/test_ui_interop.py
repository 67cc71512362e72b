"""The app's way out and in: File > Export writes code, ONNX, a training script and LaTeX;
File > Open imports an ONNX model as a new, unsaved network and refuses a broken one."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from cnnstudio.core import preset, summarize
from cnnstudio.core.report import table_rows

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def window(qtbot):
    from cnnstudio.ui import MainWindow

    shown = MainWindow(preset("lenet5"), remember_layout=False)
    qtbot.addWidget(shown, before_close_func=lambda w: w.document.undo_stack.setClean())
    shown.show()
    qtbot.waitExposed(shown)
    return shown


@pytest.fixture
def messages(monkeypatch):
    """QMessageBox's static dialogs, recorded instead of shown."""
    shown: list[tuple[str, str]] = []

    def record(kind):
        def reply(_parent, title, text, *args, **kwargs):
            shown.append((kind, text))
            return QMessageBox.StandardButton.Ok

        return staticmethod(reply)

    for kind in ("warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, record(kind))
    return shown


def choose_file(monkeypatch, dialog: str, path: Path) -> list[str]:
    """Answer the next file dialog with *path*; returns the filters it offered."""
    offered: list[str] = []

    def answer(_parent, _title, _folder, filters, *args, **kwargs):
        offered.append(filters)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, dialog, staticmethod(answer))
    return offered


@pytest.mark.parametrize(
    ("action", "name", "expected"),
    [
        ("export_pytorch", "model", "def lenet_5(logits: bool = False) -> LeNet5:"),
        ("export_train_script", "train.py", "torchrun --nproc_per_node=4 train.py"),
        ("export_latex", "table.tex", r"\bottomrule"),
    ],
)
def test_file_export_writes_each_format(window, qtbot, tmp_path, monkeypatch, action, name, expected):
    choose_file(monkeypatch, "getSaveFileName", tmp_path / name)
    with qtbot.waitSignal(window.document.status_message) as status:
        window.menu_actions[action].trigger()
    written = tmp_path / name if Path(name).suffix else tmp_path / f"{name}.py"
    assert expected in written.read_text(encoding="utf-8")
    assert status.args == [f"Exported {written.name}"]


def test_file_export_onnx_writes_a_model_the_app_opens_again(window, tmp_path, monkeypatch):
    pytest.importorskip("onnx", reason="the onnx extra is not installed")
    choose_file(monkeypatch, "getSaveFileName", tmp_path / "lenet.onnx")
    window.menu_actions["export_onnx"].trigger()
    window.document.replace_network(preset("resnet18"))
    offered = choose_file(monkeypatch, "getOpenFileName", tmp_path / "lenet.onnx")
    window.menu_actions["open"].trigger()
    assert "ONNX models (*.onnx)" in offered[0]
    assert table_rows(summarize(window.document.network)) == table_rows(summarize(preset("lenet5")))
    assert window.document.path is None  # Save asks where: the .onnx file is never overwritten


def test_a_network_that_cannot_be_trained_is_explained_not_exported(window, tmp_path, monkeypatch, messages):
    window.document.replace_network(preset("conv1x1"))
    choose_file(monkeypatch, "getSaveFileName", tmp_path / "train.py")
    window.menu_actions["export_train_script"].trigger()
    assert messages and messages[0][0] == "warning" and "cannot be trained" in messages[0][1]
    assert not (tmp_path / "train.py").exists()


def test_a_broken_onnx_file_is_refused_and_the_network_stays(window, tmp_path, messages):
    pytest.importorskip("onnx", reason="the onnx extra is not installed")
    path = tmp_path / "broken.onnx"
    path.write_bytes(b"\x0a\x03abc this is not a model")
    before = table_rows(summarize(window.document.network))
    assert not window.files.open_path(path)
    assert len(messages) == 1 and "broken.onnx could not be opened" in messages[0][1]
    assert "not an ONNX model, or it is damaged" in messages[0][1]
    assert table_rows(summarize(window.document.network)) == before


def test_file_open_and_pin_a_file_show_onnx_models_at_first(window, tmp_path, monkeypatch, messages):
    """The dialogs opened on 'CNN Studio networks (*.cnnstudio.json)': a model just exported to
    ONNX was not in the list until the student changed the file type."""
    from fnmatch import fnmatch

    def shown_at_first(filters: str) -> list[str]:
        first = filters.split(";;")[0]
        return first[first.index("(") + 1 : first.rindex(")")].split()

    offered = choose_file(monkeypatch, "getOpenFileName", tmp_path / "missing.onnx")
    window.menu_actions["open"].trigger()
    window.compare.view.choose_file()
    assert len(offered) == 2
    for filters in offered:
        patterns = shown_at_first(filters)
        for name in ("model.onnx", "lenet.cnnstudio.json"):
            assert any(fnmatch(name, pattern) for pattern in patterns), (name, filters)
