"""The exported training script: its data is the app's data, it trains under torchrun with two
gloo processes on the CPU and on one process, and writes a checkpoint the app opens."""

from __future__ import annotations

import importlib.util
import os
import runpy
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from cnnstudio.core import Network, preset, summarize
from cnnstudio.core.report import table_rows
from cnnstudio.interop import ExportError, export_file, script_data, script_loop, train_script
from cnnstudio.training.checkpoint import load_checkpoint


@pytest.fixture(scope="module")
def lenet_script(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("script") / "train_lenet.py"
    export_file(preset("lenet5"), "train-script", path)
    return path


def import_script(path: Path):
    spec = importlib.util.spec_from_file_location("exported_training_script", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("spec", "shape"),
    [
        ("digits", (1, 32, 32)),
        ("digits", (3, 20, 24)),
        ("shapes:60", (3, 32, 32)),
        ("shapes:60", (1, 16, 16)),
    ],
)
def test_the_scripts_images_are_the_apps(lenet_script, spec, shape):
    from cnnstudio.data import open_dataset

    script = import_script(lenet_script)
    train, val, classes = script.open_data(spec, shape, 3, script.DIGITS)
    app = open_dataset(spec, shape, seed=3, val_fraction=0.2)
    assert classes == app.classes
    for ours, theirs in ((train, app.train), (val, app.val)):
        everything = torch.arange(len(theirs))
        assert len(ours) == len(theirs)
        images, labels = ours.batch(everything)
        app_images, app_labels = theirs.batch(everything)
        assert torch.equal(labels, app_labels)
        assert torch.equal(images, app_images)


def test_two_processes_train_under_torchrun_and_the_app_opens_the_checkpoint(lenet_script, tmp_path):
    checkpoint = tmp_path / "run.pt"
    torchrun = Path(sys.executable).with_name("torchrun")
    command = [str(torchrun), "--standalone", "--nproc_per_node=2", str(lenet_script)]
    command += ["--max-steps", "2", "--device", "cpu", "--checkpoint", str(checkpoint)]
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=300, env={**os.environ, "OMP_NUM_THREADS": "1"}
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "on cpu x 2 processes (gloo)" in result.stdout
    loaded = load_checkpoint(checkpoint)
    assert table_rows(summarize(loaded.network)) == table_rows(summarize(preset("lenet5")))
    history = loaded.history
    assert history.steps == [1, 2] and history.status == "finished" and len(history.epochs) == 1
    assert history.epochs[0]["step"] == 2 and 0.0 <= history.epochs[0]["val_accuracy"] <= 1.0
    assert loaded.dataset == "digits" and loaded.classes == [str(d) for d in range(10)]
    assert loaded.settings.batch_size == 64 and loaded.settings.optimizer == "adam"
    torch.manual_seed(0)
    initial = import_script(lenet_script).lenet_5(logits=True).state_dict()
    trained = loaded.module.state_dict()
    assert not torch.equal(trained["layers.conv1.weight"], initial["layers.conv1.weight"])


def colour_network() -> Network:
    net = Network("Tiny colour net")
    x = net.add_node("input", {"channels": 3, "height": 16, "width": 16}, "input").id
    x = net.add_node("conv2d", {"filters": 4, "kernel": 3}, "conv", [x]).id
    x = net.add_node("globalavgpool", {}, "gap", [x]).id
    net.add_node("linear", {"units": 10}, "fc", [x])
    return net


def test_one_process_trains_on_the_drawn_shapes(tmp_path, monkeypatch, capsys):
    script = tmp_path / "train.py"
    export_file(colour_network(), "train-script", script)
    argv = [str(script), "--data", "shapes:40", "--epochs", "2", "--batch-size", "8", "--device", "cpu"]
    monkeypatch.setattr(sys, "argv", argv)
    with pytest.raises(SystemExit) as exit_status:
        runpy.run_path(str(script), run_name="__main__")
    assert exit_status.value.code == 0, capsys.readouterr().out
    loaded = load_checkpoint(tmp_path / "train.pt")  # next to the script by default
    assert loaded.dataset == "shapes:40" and loaded.classes[0] == "circle"
    assert [row["epoch"] for row in loaded.history.epochs] == [1, 2]
    assert loaded.history.steps == list(range(1, 9))  # 32 training images, 4 batches of 8 per epoch


def test_a_network_without_one_or_three_channels_defaults_to_the_shapes(tmp_path):
    network = colour_network()
    network.set_param(network.input_nodes()[0].id, "channels", 2)
    text = train_script.training_script(network)
    assert "DIGITS = None" in text and "import base64" not in text
    path = tmp_path / "train.py"
    path.write_text(text)
    ruff = Path(sys.executable).with_name("ruff")
    result = subprocess.run([str(ruff), "check", "--isolated", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_a_network_that_cannot_be_trained_is_refused():
    with pytest.raises(
        ExportError, match="1x1 convolution cannot be trained: the network ends with a 28x28x32 map"
    ):
        train_script.training_script(preset("conv1x1"))


def test_the_script_follows_the_apps_constants():
    from cnnstudio.data import digits, kinds, shapes
    from cnnstudio.data.adapt import LUMA
    from cnnstudio.training import checkpoint

    assert (script_loop.CHECKPOINT_FORMAT, script_loop.CHECKPOINT_VERSION) == (
        checkpoint.FORMAT,
        checkpoint.VERSION,
    )
    assert train_script.DIGITS_RESOURCE == digits.DIGITS_RESOURCE
    assert script_data.DEFAULT_SHAPES == kinds.DEFAULT_SHAPES_SIZE
    assert script_data.SHAPE_CLASSES == shapes.SHAPE_CLASSES and script_data.LUMA == LUMA
