"""The exported training script: its data is the app's data, it trains under torchrun with two
gloo processes on the CPU and on one process, computes in the format the GPU fits (bfloat16, or
float16 with a gradient scaler; LRN in float32), and writes a checkpoint the app opens."""

from __future__ import annotations

import importlib.util
import math
import os
import runpy
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import torch
from torch import nn

from cnnstudio.core import Network, preset, summarize
from cnnstudio.core.presets import Chain
from cnnstudio.core.report import table_rows
from cnnstudio.interop import ExportError, export_file, script_data, script_loop, train_script
from cnnstudio.interop.pytorch_code import model_code
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


TORCHRUN_HANG_SECONDS = 600
"""Bounds a hang only: the run takes about ten seconds, several times that on a loaded machine."""


def run_torchrun(arguments: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    """torchrun with *arguments* in a session of its own: a hang kills the agent and its workers."""
    torchrun = Path(sys.executable).with_name("torchrun")
    with subprocess.Popen(
        [str(torchrun), *arguments],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
    ) as process:
        try:
            out, err = process.communicate(timeout=TORCHRUN_HANG_SECONDS)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            out, err = process.communicate()
            pytest.fail(f"torchrun hung for {TORCHRUN_HANG_SECONDS} s:\n{out}{err}")
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def test_two_processes_train_under_torchrun_and_the_app_opens_the_checkpoint(
    lenet_script, tmp_path, one_thread_env
):
    checkpoint = tmp_path / "run.pt"
    # Everything on the loopback, nothing left to the machine's name or to a port found free
    # and then bound later: the rendezvous store binds a port of the kernel's choosing (":0")
    # and tells the workers; they reach it at 127.0.0.1 (--local-addr, not the host's FQDN);
    # gloo connects the workers over "lo" instead of the interface the host name resolves to.
    rendezvous = ["--rdzv-backend=c10d", "--rdzv-endpoint=127.0.0.1:0", f"--rdzv-id={uuid.uuid4()}"]
    launch = ["--nnodes=1", "--nproc-per-node=2", "--local-addr=127.0.0.1", "--max-restarts=0"]
    script = [str(lenet_script), "--max-steps", "2", "--device", "cpu", "--checkpoint", str(checkpoint)]
    result = run_torchrun([*rendezvous, *launch, *script], {**one_thread_env, "GLOO_SOCKET_IFNAME": "lo"})
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


def lrn_network() -> Network:
    """A convolution, then AlexNet's local response normalisation (which float16 overflows)."""
    c = Chain("LRN net", 1, 16, 16)
    c.conv("conv1", 4, 3, padding="same")
    c.add("relu", "relu1")
    c.add("lrn", "norm1", size=5, alpha=1e-4, beta=0.75, k=2.0)
    c.add("flatten", "flatten")
    c.add("linear", "fc", units=10)
    return c.net


@pytest.fixture(scope="module")
def lrn_script(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("script") / "train_lrn.py"
    export_file(lrn_network(), "train-script", path)
    return path


@pytest.mark.parametrize(("native_bfloat16", "half"), [(True, torch.bfloat16), (False, torch.float16)])
def test_on_a_gpu_the_script_computes_in_bfloat16_where_it_is_native_else_float16_with_a_scaler(
    lrn_script, monkeypatch, native_bfloat16, half
):
    script = import_script(lrn_script)
    asked = []

    def is_bf16_supported(including_emulation: bool = True) -> bool:  # the GPU's answer, faked
        asked.append(including_emulation)
        return native_bfloat16

    monkeypatch.setattr(torch.cuda, "is_bf16_supported", is_bf16_supported)
    assert script.half_precision(torch.device("cuda"), amp=True) == half
    assert asked == [False]  # emulated bfloat16 (before Ampere) does not count
    assert script.half_precision(torch.device("cuda"), amp=False) is None  # --no-amp
    assert script.half_precision(torch.device("cpu"), amp=True) is None and asked == [False]
    cpu = torch.device("cpu")  # a scaler for the CPU: a CUDA one cannot be made without a GPU
    assert script.make_scaler(cpu, half).is_enabled() == (half == torch.float16)
    assert not script.make_scaler(cpu, None).is_enabled()


@pytest.mark.parametrize("half", [torch.bfloat16, torch.float16])
def test_the_scripts_loop_trains_in_the_gpus_format_and_keeps_lrn_in_float32(
    lrn_script, tmp_path, monkeypatch, capsys, half
):
    script = import_script(lrn_script)
    monkeypatch.setattr(script, "half_precision", lambda device, amp: half)  # a GPU's choice, on the CPU
    scalers = []
    make_scaler = script.make_scaler

    def recorded_scaler(device, chosen):
        scalers.append(make_scaler(device, chosen))
        return scalers[-1]

    monkeypatch.setattr(script, "make_scaler", recorded_scaler)
    seen = []

    def record(module, args, output):
        if isinstance(module, nn.Conv2d | nn.LocalResponseNorm):
            seen.append((type(module).__name__, args[0].dtype, output.dtype))

    checkpoint = tmp_path / "lrn.pt"
    argv = [str(lrn_script), "--data", "shapes:40", "--epochs", "1", "--batch-size", "8", "--device", "cpu"]
    monkeypatch.setattr(sys, "argv", [*argv, "--checkpoint", str(checkpoint)])
    build = getattr(script, model_code(lrn_network()).builder)
    hook = torch.nn.modules.module.register_module_forward_hook(record)
    try:
        status = script.main(
            build, script.NETWORK, script.INPUT_SHAPE, script.SETTINGS, None, str(lrn_script)
        )
    finally:
        hook.remove()
    assert status == 0
    assert f"computing in {str(half).removeprefix('torch.')}" in capsys.readouterr().out
    assert ("Conv2d", torch.float32, half) in seen  # autocast: the convolution computes in 16 bits
    assert {(given, gave) for kind, given, gave in seen if kind == "LocalResponseNorm"} == {
        (torch.float32, torch.float32)
    }
    assert [scaler.is_enabled() for scaler in scalers] == [half == torch.float16]
    history = load_checkpoint(checkpoint).history
    assert history.status == "finished" and len(history.steps) == 4
    assert all(math.isfinite(loss) for loss in history.losses)


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
