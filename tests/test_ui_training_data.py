"""The training panel's dataset controls: specs, previews, errors, and downloads from a local server
(files generated and served from 127.0.0.1 by the ``file_server`` fixture), with progress, cancel
and resume."""

from __future__ import annotations

import pytest
from support.downloads import checksums_of, serve_mnist
from support.training_panel import LEFT, training_window

import cnnstudio
from cnnstudio.data.download import CHUNK_BYTES
from cnnstudio.ui.training import download as download_thread

pytestmark = pytest.mark.usefixtures("one_torch_thread")


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


def test_the_preview_of_a_192_channel_input_shows_each_shape_as_the_mean_of_its_channels(qtbot):
    """conv5x5-naive reads 28x28x192: its shapes were previewed as stripes (read as RGB rows)."""
    from cnnstudio.ui import MainWindow

    window = MainWindow(cnnstudio.load("conv5x5-naive"))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.training_panel.ready, timeout=60_000):
        window.training_dock.raise_()
    workspace = window.training_panel.workspace  # the digits cannot be given 192 channels
    qtbot.waitUntil(lambda: workspace.state.dataset_error != "", timeout=30_000)
    choose_kind(workspace, "shapes")
    qtbot.waitUntil(
        lambda: workspace.dataset_info is not None and workspace.dataset_info.spec.startswith("shapes"),
        timeout=30_000,
    )
    info, cells = workspace.dataset_info, workspace.dataset.preview.cells
    assert info.input_shape == (192, 28, 28) and len(cells) == len(info.samples) > 0
    for (pixels, _label), cell in zip(info.samples, cells, strict=True):
        gray = pixels.mean(axis=-1).round()
        assert (cell.image.width(), cell.image.height()) == (28, 28)
        for y, x in ((0, 0), (14, 14), (20, 7), (27, 27)):
            assert cell.image.pixelColor(x, y).red() == gray[y, x]


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


def test_download_shows_progress_cancels_and_resumes(qtbot, file_server, tmp_path):
    files = serve_mnist(file_server)
    file_server.hold("train-images-idx3-ubyte.gz", after=CHUNK_BYTES)  # caught mid-way, surely
    _, workspace = training_window(qtbot)
    dataset = workspace.dataset
    choose_kind(workspace, "mnist")
    dataset.download.base_url = file_server.base_url
    dataset.download.checksums = checksums_of(files)
    assert dataset.download_to(tmp_path)
    assert dataset.download_progress.isVisible() and dataset.download_cancel.isVisible()
    qtbot.waitUntil(lambda: dataset.download_progress.value() > 0, timeout=30_000)
    assert " MB" in dataset.download_progress.format()
    with qtbot.waitSignal(dataset.download.failed, timeout=30_000) as failed:
        qtbot.mouseClick(dataset.download_cancel, LEFT)
        file_server.release()  # the next block arrives, and the download sees it was cancelled
    message, cancelled = failed.args
    assert cancelled and "cancelled" in message
    part = tmp_path / "mnist" / "train-images-idx3-ubyte.gz.part"
    kept = part.stat().st_size
    assert 0 < kept < len(files["train-images-idx3-ubyte.gz"])
    assert dataset.download_button.text() == "Resume download" and not dataset.download_progress.isVisible()

    file_server.requests.clear()
    with qtbot.waitSignal(dataset.download.finished, timeout=60_000):
        qtbot.mouseClick(dataset.download_button, LEFT)  # resumes into the same folder, no dialog
    assert ("train-images-idx3-ubyte.gz", f"bytes={kept}-") in file_server.requests
    assert dataset.folder.text() == str(tmp_path / "mnist")
    assert dataset.spec() == f"mnist:{tmp_path / 'mnist'}"
    qtbot.waitUntil(lambda: workspace.dataset_info is not None, timeout=30_000)
    assert (workspace.dataset_info.train_count, workspace.dataset_info.val_count) == (600, 20)
    assert workspace.controls.start.isEnabled()


def test_progress_reports_are_coalesced_and_the_last_one_always_arrives(qtbot, tmp_path):
    worker = download_thread._DownloadWorker("mnist", tmp_path, None, None)
    signals = []
    worker.progress_ready.connect(lambda: signals.append(worker.take_progress()))
    worker._progress(10, 100)  # taken at once (the connection is direct here)
    assert signals == [(10, 100)]
    worker.progress_ready.disconnect()
    sent = []
    worker.progress_ready.connect(lambda: sent.append(True))
    for done in (20, 30, 40):  # the GUI thread is busy: one signal waits, the values replace it
        worker._progress(done, 100)
    assert len(sent) == 1
    assert worker.take_progress() == (40, 100)  # the last report before a stall, not an older one
    worker._progress(50, 2**40)
    assert len(sent) == 2 and worker.take_progress() == (50, download_thread.LARGEST_REPORTED)
