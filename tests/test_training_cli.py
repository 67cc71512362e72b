"""``cnnstudio train``: bad input, progress, logs, checkpoints, failures and Ctrl-C."""

from __future__ import annotations

import io
import json
import signal
import subprocess
import sys

import pytest
from test_training_fakes import ONE_THREAD_ENV, one_torch_thread, small_net  # noqa: F401

from cnnstudio.core.fileformat import save
from cnnstudio.training import Epoch, Started, Step, load_checkpoint, predict
from cnnstudio.training.cli import Progress, main


@pytest.fixture
def tiny_net_file(tmp_path):
    """A small conv net reading the digits at their own 8x8 size: trains in a blink."""
    path = tmp_path / "tiny.cnnstudio.json"
    save(small_net(classes=10), path)
    return str(path)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["nonet"], "'nonet' is neither a preset"),
        (["lenet5", "--dataset", "nope"], "dataset 'nope': Unknown dataset 'nope'"),
        (["alexnet"], "set fc8's units to 10"),
        (["conv1x1"], "Images can be given to a network with 1 (gray) or 3 (RGB) input channels, not 192"),
        (["lenet5", "--lr", "abc"], "argument --lr: invalid float value: 'abc'"),
        (["lenet5", "--epochs", "0"], "epochs must be at least 1, not 0"),
        (["lenet5", "--batch-size", "-5"], "batch size must be at least 1, not -5"),
        (["lenet5", "--optimizer", "rmsprop"], "invalid choice: 'rmsprop'"),
        (["lenet5", "--val-fraction", "1.5"], "--val-fraction must be between 0 and 1"),
        (["lenet5", "--dataset", "mnist:/no/such/folder"], "dataset 'mnist:/no/such/folder'"),
        (["lenet5", "--checkpoint", "/no/such/folder/x.pt"], "the folder /no/such/folder does not exist"),
        (["lenet5", "--log", "/no/such/folder/run.jsonl"], "cannot write the log /no/such/folder/run.jsonl"),
    ],
)
def test_bad_input_gets_one_clear_line_and_status_2(argv, message, capsys):
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("cnnstudio train: ") and err.count("\n") == 1
    assert message in err


def test_asking_for_cuda_without_it_is_bad_input(monkeypatch, capsys):
    from cnnstudio.training import device

    monkeypatch.setattr(device, "cuda_available", lambda: False)
    assert main(["lenet5", "--device", "cuda"]) == 2
    assert "CUDA was asked for" in capsys.readouterr().err


def test_an_invalid_network_file_is_bad_input(tmp_path, capsys):
    net = small_net(classes=10)
    net.set_param(net.find("conv1").id, "padding", "valid")
    net.set_param(net.find("conv1").id, "kernel", 11)  # larger than the 8x8 input
    path = tmp_path / "broken.cnnstudio.json"
    save(net, path)
    assert main([str(path)]) == 2
    assert "fix the network's errors first" in capsys.readouterr().err


def test_the_command_dispatches_here(capsys):
    from cnnstudio.cli import main as cnnstudio_main

    assert cnnstudio_main(["train", "nonet"]) == 2
    assert "neither a preset" in capsys.readouterr().err


def test_a_run_logs_each_epoch_saves_a_checkpoint_and_prints_the_final_metrics(
    tiny_net_file, tmp_path, capsys
):
    log, checkpoint = tmp_path / "run.jsonl", tmp_path / "tiny.pt"
    argv = [
        tiny_net_file,
        "--epochs",
        "3",
        "--lr",
        "0.01",
        "--log",
        str(log),
        "--checkpoint",
        str(checkpoint),
    ]
    assert main(argv) == 0
    out, err = capsys.readouterr()
    result = json.loads(out)
    assert result["status"] == "finished" and result["epochs"] == 3 and result["dataset"] == "digits"
    epochs = [json.loads(line) for line in log.read_text().splitlines()]
    assert [e["epoch"] for e in epochs] == [1, 2, 3]
    assert result["val_accuracy"] == epochs[-1]["val_accuracy"]
    # not a terminal: one plain line per epoch, no carriage returns
    assert [line.split(":")[0] for line in err.splitlines() if line.startswith("epoch")] == [
        "epoch 1/3",
        "epoch 2/3",
        "epoch 3/3",
    ]
    assert "\r" not in err
    # the checkpoint's module scores what the run reported, on the same validation images
    from cnnstudio.data import open_dataset

    loaded = load_checkpoint(checkpoint)
    val = open_dataset("digits", (1, 8, 8), seed=0).val
    assert predict(loaded.module, val).accuracy == pytest.approx(result["val_accuracy"])


def test_reproducible_and_compile_reach_the_runs_settings(tiny_net_file, tmp_path, capsys, monkeypatch):
    from cnnstudio.training.cli import _settings, build_parser

    monkeypatch.delenv("CUBLAS_WORKSPACE_CONFIG", raising=False)  # a reproducible run sets it
    checkpoint = tmp_path / "same.pt"
    assert main([tiny_net_file, "--epochs", "1", "--reproducible", "--checkpoint", str(checkpoint)]) == 0
    settings = load_checkpoint(checkpoint).settings
    assert settings.reproducible and not settings.compile
    assert " in float32" in capsys.readouterr().err  # the start line names the number format
    assert _settings(build_parser().parse_args([tiny_net_file, "--compile"])).compile


def test_a_nan_loss_fails_with_status_1_and_a_suggestion(tiny_net_file, capsys):
    assert main([tiny_net_file, "--optimizer", "sgd", "--lr", "100000", "--epochs", "5"]) == 1
    out, err = capsys.readouterr()
    assert "lower the learning rate (now 100000), e.g. to 0.01" in err
    assert json.loads(out)["status"] == "failed"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class FakeTrainer:
    head = None  # no classifier head: the network ends in its classes

    class network:
        name = "Net"

    class data:
        name = "Data"


def test_the_progress_bar_redraws_one_line_on_a_terminal():
    out = Terminal()
    progress = Progress(out, epochs=2)
    progress.REDRAW_SECONDS = 0
    progress.started(Started("cpu", False, 2, 4, 100, 20, 1000), FakeTrainer)
    progress.step(Step(2, 1, 0.5, 0.01, 300.0))
    bar = "epoch 1/2 [############............] 2/4  loss 0.5000  300 img/s"
    assert out.getvalue().endswith("\r" + bar)
    progress.epoch(Epoch(1, 4, 0.4, 0.9, 0.3, 0.95, 0.01, 1.0, 400.0))
    # the bar is wiped, then the epoch's line stays
    wiped = "\r" + " " * len(bar) + "\r"
    assert out.getvalue().endswith(
        wiped + "epoch 1/2: train loss 0.4000, accuracy 90.0% | val loss 0.3000, accuracy 95.0% "
        "| lr 0.01, 1.0 s, 400 img/s\n"
    )


def test_ctrl_c_stops_at_the_next_batch_and_still_saves(tiny_net_file, tmp_path):
    checkpoint = tmp_path / "stopped.pt"
    command = [sys.executable, "-m", "cnnstudio", "train", tiny_net_file, "--epochs", "100000"]
    process = subprocess.Popen(
        [*command, "--checkpoint", str(checkpoint)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**ONE_THREAD_ENV, "PYTHONUNBUFFERED": "1"},
    )
    for line in process.stderr:
        if line.startswith("epoch 1/"):
            break
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 130, err
    assert json.loads(out)["status"] == "stopped"
    assert load_checkpoint(checkpoint).history.status == "stopped"


# --- faults: where the checkpoint goes, seeds, Ctrl-C, divergence -------------------------------


def test_a_checkpoint_path_that_is_a_folder_is_refused_before_training(tmp_path, capsys):
    assert main(["lenet5", "--checkpoint", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert f"cannot save the checkpoint: {tmp_path} is a folder; give a file name such as" in err


def test_a_checkpoint_in_a_read_only_place_is_refused_before_training(capsys):
    # /sys takes no new files, whoever asks (root included)
    assert main(["lenet5", "--checkpoint", "/sys/lenet.pt"]) == 2
    assert "cannot save the checkpoint: the folder /sys cannot be written" in capsys.readouterr().err


def full_disk_at(monkeypatch, folder):
    """Writes into *folder* fail as on a full disk (simulated: the atomic write raises ENOSPC)."""
    import errno

    from cnnstudio.training import checkpoint

    real_write = checkpoint.atomic_write

    def write(path, payload):
        if str(path).startswith(str(folder)):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(path, payload)

    monkeypatch.setattr(checkpoint, "atomic_write", write)


def test_a_full_disk_at_the_end_keeps_the_weights_elsewhere_and_says_where(
    tiny_net_file, tmp_path, monkeypatch, capsys
):
    from cnnstudio.training import checkpoint

    full, rescue = tmp_path / "full", tmp_path / "rescue"
    full.mkdir()
    rescue.mkdir()
    full_disk_at(monkeypatch, full)
    monkeypatch.setattr(checkpoint, "rescue_folders", lambda: [full, rescue])
    assert main([tiny_net_file, "--epochs", "1", "--checkpoint", str(full / "tiny.pt")]) == 1
    out, err = capsys.readouterr()
    saved = list(rescue.glob("cnnstudio-rescued-tiny-*.pt"))
    assert len(saved) == 1
    assert f"cannot save the checkpoint to {full / 'tiny.pt'} (No space left on device); " in err
    assert f"the weights were saved to {saved[0]} instead" in err
    assert json.loads(out)["checkpoint"] == str(saved[0])
    assert load_checkpoint(saved[0]).history.status == "finished"
    assert "Traceback" not in err


def test_when_no_place_takes_the_checkpoint_the_message_says_so(tiny_net_file, tmp_path, monkeypatch, capsys):
    from cnnstudio.training import checkpoint

    full_disk_at(monkeypatch, tmp_path)
    monkeypatch.setattr(checkpoint, "rescue_folders", lambda: [tmp_path])
    assert main([tiny_net_file, "--epochs", "1", "--checkpoint", str(tmp_path / "tiny.pt")]) == 1
    out, err = capsys.readouterr()
    assert "(No space left on device), nor anywhere else" in err
    assert json.loads(out)["checkpoint"] is None


def test_a_seed_beyond_64_bits_is_one_clear_line(capsys):
    assert main(["lenet5", "--seed", str(2**64)]) == 2
    err = capsys.readouterr().err
    assert (
        err
        == "cnnstudio train: seed must be at most 18446744073709551615 (it fits in 64 bits), not 18446744073709551616\n"
    )


def test_the_largest_seed_trains(tiny_net_file, capsys):
    assert main([tiny_net_file, "--epochs", "1", "--seed", str(2**64 - 1)]) == 0
    assert "done after 1 epoch (" in capsys.readouterr().err  # one epoch, not "1 epochs"


def test_a_learning_rate_of_1e9_fails_as_diverged_with_advice(tiny_net_file, capsys):
    assert main([tiny_net_file, "--lr", "1e9", "--epochs", "3"]) == 1
    out, err = capsys.readouterr()
    assert "the training diverged" in err or "the loss became" in err
    assert "lower the learning rate (now 1e+09)" in err
    assert json.loads(out)["status"] == "failed"


def test_ctrl_c_while_preparing_ends_cleanly(monkeypatch, capsys):
    from cnnstudio.training import checks

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(checks, "open_training_data", interrupted)
    assert main(["lenet5"]) == 130
    assert capsys.readouterr().err == "cnnstudio train: stopped (Ctrl-C) before training began\n"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="watches /proc/PID/maps")
def test_ctrl_c_while_torch_loads_gives_no_traceback(tiny_net_file):
    """Ctrl-C in the first second, while torch is still loading (its library mapped, the import not done)."""
    import time
    from pathlib import Path

    process = subprocess.Popen(
        [sys.executable, "-m", "cnnstudio", "train", tiny_net_file],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ONE_THREAD_ENV,
    )
    maps = Path(f"/proc/{process.pid}/maps")
    deadline = time.monotonic() + 30
    while "libtorch" not in maps.read_text() and time.monotonic() < deadline:
        time.sleep(0.002)  # polling the condition: there is no event to wait on in another process
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert "Traceback" not in err, err
    assert process.returncode == 130
    assert err.endswith("stopped (Ctrl-C) before training began\n") or json.loads(out)["status"] == "stopped"


def test_training_imports_nothing_from_the_cli_or_the_gui():
    code = (
        "import sys, cnnstudio.training.cli, cnnstudio.training.trainer, cnnstudio.training.checkpoint\n"
        "print(sorted(m for m in sys.modules if m == 'cnnstudio.cli' or m.startswith(('cnnstudio.ui', 'PySide6'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
