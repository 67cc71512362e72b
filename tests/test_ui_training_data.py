"""The training panel's dataset controls: specs, previews, errors, and downloads from a local server
(files generated and served from 127.0.0.1, as in test_data_download.py), with progress, cancel
and resume."""

from __future__ import annotations

import threading
import time

import pytest
from test_data_download import FileServer, RangeHandler, checksums_of, serve_mnist
from test_ui_training_fixtures import LEFT, one_torch_thread, training_window

from cnnstudio.data.download import CHUNK_BYTES


@pytest.fixture(autouse=True)
def _torch_on_one_thread():
    """torch on one thread (the private home comes from conftest's ``home``)."""
    with one_torch_thread():
        yield


class _Trickle:
    """A response stream that sends a chunk at a time with a pause, so a download can be caught mid-way."""

    def __init__(self, stream, pause: float) -> None:
        self.stream, self.pause = stream, pause

    def write(self, data: bytes) -> None:
        for start in range(0, len(data), CHUNK_BYTES // 4):
            self.stream.write(data[start : start + CHUNK_BYTES // 4])
            self.stream.flush()
            time.sleep(self.pause)

    def flush(self) -> None:
        self.stream.flush()


class SlowHandler(RangeHandler):
    def do_GET(self) -> None:
        self.wfile = _Trickle(self.wfile, self.server.pause)
        super().do_GET()


@pytest.fixture
def server():
    srv = FileServer()
    srv.RequestHandlerClass = SlowHandler
    srv.pause = 0.0
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()
    thread.join(timeout=5)


def choose_kind(workspace, kind: str) -> None:
    combo = workspace.dataset.kind
    combo.setCurrentIndex(combo.findData(kind))


def test_a_folder_kind_asks_for_its_folder_and_says_what_is_wrong_with_it(qtbot, tmp_path):
    _, workspace = training_window(qtbot)
    dataset, start, reason = workspace.dataset, workspace.controls.start, workspace.controls.reason
    choose_kind(workspace, "mnist")
    assert dataset.folder_row.isVisible() and dataset.download_row.isVisible()
    assert not start.isEnabled() and "choose the folder holding MNIST or download it" in reason.text()
    missing = tmp_path / "nowhere"
    dataset.folder.setText(str(missing))
    dataset.folder.editingFinished.emit()
    qtbot.waitUntil(lambda: workspace.state.dataset_error != "", timeout=30_000)
    assert f"The folder {missing} does not exist." in dataset.status.text()
    assert not start.isEnabled()
    assert f"the dataset cannot be opened: The folder {missing} does not exist." in reason.text()
    (tmp_path / "empty").mkdir()
    dataset.folder.setText(str(tmp_path / "empty"))
    dataset.folder.editingFinished.emit()
    qtbot.waitUntil(lambda: "train-images-idx3-ubyte.gz is missing" in dataset.status.text(), timeout=30_000)
    assert dataset.preview.cells == []
    choose_kind(workspace, "digits")  # back to a dataset that opens
    qtbot.waitUntil(lambda: workspace.dataset_info is not None, timeout=30_000)
    assert start.isEnabled() and not dataset.folder_row.isVisible()


def test_shapes_open_at_the_chosen_size_with_a_labelled_preview(qtbot):
    _, workspace = training_window(qtbot)
    dataset = workspace.dataset
    choose_kind(workspace, "shapes")
    dataset.shapes_size.setValue(600)
    assert dataset.spec() == "shapes:600"
    qtbot.waitUntil(
        lambda: workspace.dataset_info is not None and workspace.dataset_info.spec == "shapes:600",
        timeout=30_000,
    )
    info = workspace.dataset_info
    assert (info.train_count, info.val_count) == (480, 120)
    assert info.input_shape == (1, 32, 32)  # shapes are drawn for the network's input
    assert "480 training and 120 validation images, 10 classes" in dataset.status.text()
    assert len(dataset.preview.cells) == 16
    assert {cell.caption for cell in dataset.preview.cells} <= set(info.classes)


def test_download_shows_progress_cancels_and_resumes(qtbot, server, tmp_path):
    files = serve_mnist(server)
    server.pause = 0.02
    _, workspace = training_window(qtbot)
    dataset = workspace.dataset
    choose_kind(workspace, "mnist")
    dataset.download.base_url = server.base_url
    dataset.download.checksums = checksums_of(files)
    assert dataset.download_to(tmp_path)
    assert dataset.download_progress.isVisible() and dataset.download_cancel.isVisible()
    qtbot.waitUntil(lambda: dataset.download_progress.value() > 0, timeout=30_000)
    assert " MB" in dataset.download_progress.format()
    with qtbot.waitSignal(dataset.download.failed, timeout=30_000) as failed:
        qtbot.mouseClick(dataset.download_cancel, LEFT)
    message, cancelled = failed.args
    assert cancelled and "cancelled" in message
    part = tmp_path / "mnist" / "train-images-idx3-ubyte.gz.part"
    kept = part.stat().st_size
    assert 0 < kept < len(files["train-images-idx3-ubyte.gz"])
    assert dataset.download_button.text() == "Resume download" and not dataset.download_progress.isVisible()

    server.pause = 0.0
    server.requests.clear()
    with qtbot.waitSignal(dataset.download.finished, timeout=60_000):
        qtbot.mouseClick(dataset.download_button, LEFT)  # resumes into the same folder, no dialog
    assert ("train-images-idx3-ubyte.gz", f"bytes={kept}-") in server.requests
    assert dataset.folder.text() == str(tmp_path / "mnist")
    assert dataset.spec() == f"mnist:{tmp_path / 'mnist'}"
    qtbot.waitUntil(lambda: workspace.dataset_info is not None, timeout=30_000)
    assert (workspace.dataset_info.train_count, workspace.dataset_info.val_count) == (600, 20)
    assert workspace.controls.start.isEnabled()
