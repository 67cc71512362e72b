"""Checkpoints: a round trip keeps every prediction; bad files get a clear CheckpointError."""

from __future__ import annotations

import json
import pickle
import re
import zipfile

import pytest
import torch
from support.training import blob_split, small_net

from cnnstudio.core.fileformat import dumps
from cnnstudio.training import (
    CheckpointError,
    Trainer,
    TrainSettings,
    load_checkpoint,
    predict,
    save_checkpoint,
)

pytestmark = pytest.mark.usefixtures("one_torch_thread")


@pytest.fixture(scope="module")
def trained():
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # as one_torch_thread, which comes too late for a module fixture
    trainer = Trainer(small_net(), blob_split(), TrainSettings(epochs=2, lr=0.01, seed=4, augment=True))
    list(trainer.run())
    torch.set_num_threads(threads)
    return trainer


@pytest.fixture
def saved(trained, tmp_path):
    path = tmp_path / "run.pt"
    save_checkpoint(trained, path)
    return path


def test_a_round_trip_gives_identical_predictions(trained, saved):
    loaded = load_checkpoint(saved)
    images = trained.data.val.batch(torch.arange(len(trained.data.val)))[0]
    trained.module.eval()
    with torch.no_grad():
        assert torch.equal(loaded.module(images), trained.module(images))
    assert torch.equal(predict(loaded.module, trained.data.val).predicted, trained.evaluate().predicted)


def test_a_checkpoint_keeps_the_network_settings_history_and_classes(trained, saved):
    loaded = load_checkpoint(saved)
    assert dumps(loaded.network) == dumps(trained.network)
    assert loaded.settings == trained.settings
    assert loaded.history.to_dict() == trained.history.to_dict()
    assert loaded.classes == trained.data.classes and loaded.dataset == "blobs"
    assert not loaded.module.training


def test_a_checkpoint_holds_only_plain_values(saved):
    # weights_only loading refuses any pickled class: succeeding proves there is none
    data = torch.load(saved, weights_only=True)
    assert data["format"] == "cnnstudio-checkpoint"
    assert isinstance(data["network"], str) and json.loads(data["settings"])["seed"] == 4


def test_saving_before_any_run_stores_no_history(tmp_path):
    path = tmp_path / "fresh.pt"
    save_checkpoint(Trainer(small_net(), blob_split()), path)
    assert load_checkpoint(path).history is None


def test_a_missing_file(tmp_path):
    with pytest.raises(CheckpointError, match="there is no such file"):
        load_checkpoint(tmp_path / "nothing.pt")


def test_a_cut_short_file(saved):
    data = saved.read_bytes()
    saved.write_bytes(data[: len(data) // 2])
    with pytest.raises(CheckpointError, match="damaged or cut short"):
        load_checkpoint(saved)


def test_a_text_file(tmp_path):
    path = tmp_path / "notes.pt"
    path.write_text("these are not weights\n")
    with pytest.raises(CheckpointError, match="not a PyTorch checkpoint"):
        load_checkpoint(path)


def test_a_pickled_object_is_never_unpickled(tmp_path):
    path = tmp_path / "model.pt"
    torch.save(torch.nn.Linear(2, 2), path)  # a whole module: needs code to load
    with pytest.raises(CheckpointError, match="holds Python objects, not just weights"):
        load_checkpoint(path)
    plain = tmp_path / "plain.pkl"
    plain.write_bytes(pickle.dumps({"a": 1}))
    with pytest.raises(CheckpointError):
        load_checkpoint(plain)


def test_someone_elses_weights(tmp_path):
    path = tmp_path / "resnet.pt"
    torch.save(torch.nn.Linear(2, 2).state_dict(), path)
    with pytest.raises(CheckpointError, match="not a CNN Studio checkpoint"):
        load_checkpoint(path)


def rewrite(path, **changes):
    data = torch.load(path, weights_only=True)
    data.update(changes)
    torch.save(data, path)


def test_a_newer_version(saved):
    rewrite(saved, version=99)
    with pytest.raises(CheckpointError, match="newer CNN Studio"):
        load_checkpoint(saved)


def test_weights_that_do_not_fit_the_network(saved):
    data = torch.load(saved, weights_only=True)
    state = data["state_dict"]
    state["layers.fc.weight"] = torch.zeros(3, 3)
    rewrite(saved, state_dict=state)
    with pytest.raises(CheckpointError, match="the saved weights do not fit the saved network"):
        load_checkpoint(saved)


def test_a_damaged_network_text(saved):
    rewrite(saved, network="{not json")
    with pytest.raises(CheckpointError, match="the saved network is not valid"):
        load_checkpoint(saved)


def test_missing_parts(saved):
    data = torch.load(saved, weights_only=True)
    del data["settings"]
    torch.save(data, saved)
    with pytest.raises(CheckpointError, match="incomplete: it lacks settings"):
        load_checkpoint(saved)


def test_damaged_settings_and_history(saved, tmp_path):
    rewrite(saved, settings=json.dumps({"lr": -1}))
    with pytest.raises(CheckpointError, match=r"settings are not valid \(learning rate must be above 0"):
        load_checkpoint(saved)
    rewrite(saved, settings=json.dumps({}), history=json.dumps([1, 2]))
    with pytest.raises(CheckpointError, match="run history is not valid"):
        load_checkpoint(saved)


def test_flipped_bytes_in_the_weights_are_caught_by_the_checksums(saved):
    data = bytearray(saved.read_bytes())
    with zipfile.ZipFile(saved) as archive:
        biggest = max(archive.infolist(), key=lambda info: info.file_size)
    middle = biggest.header_offset + 100 + biggest.file_size // 2  # inside the member's data
    data[middle] ^= 0xFF
    saved.write_bytes(bytes(data))
    with pytest.raises(
        CheckpointError, match=re.escape(f"damaged or cut short (its part {biggest.filename} fails")
    ):
        load_checkpoint(saved)


def test_a_failed_write_keeps_the_weights_in_the_first_rescue_folder_that_takes_them(
    trained, tmp_path, monkeypatch
):
    from cnnstudio.training import checkpoint

    blocked, rescue = tmp_path / "not-a-folder", tmp_path / "rescue"
    blocked.write_text("a file where a folder should be")
    rescue.mkdir()
    monkeypatch.setattr(checkpoint, "rescue_folders", lambda: [blocked, rescue])
    result = checkpoint.save_or_rescue(trained, tmp_path)  # a folder: the write fails
    assert result.rescued and result.path.parent == rescue
    assert "Is a directory" in result.problem
    assert load_checkpoint(result.path).network.name == trained.network.name
    assert checkpoint.save_or_rescue(trained, tmp_path / "fine.pt").problem == ""


def test_the_destination_is_checked_before_a_run(tmp_path):
    from cnnstudio.training.checkpoint import destination_problem

    assert destination_problem(tmp_path / "run.pt") is None
    assert destination_problem(tmp_path).startswith(f"{tmp_path} is a folder")
    assert (
        destination_problem(tmp_path / "missing" / "run.pt")
        == f"the folder {tmp_path / 'missing'} does not exist"
    )
    assert "MB free; the checkpoint needs about" in destination_problem(tmp_path / "run.pt", size=2**62)
