"""Mixed precision that fits the hardware: the format chosen per GPU, the scaler, fused optimizers,
channels-last, and local response normalisation that does not overflow (all on the CPU, with
the GPU's answers faked where a GPU would be asked)."""

from __future__ import annotations

import pytest
import torch
from test_training_fakes import blob_split, one_torch_thread, small_net  # noqa: F401
from torch import nn

from cnnstudio.core import preset
from cnnstudio.core.presets import Chain
from cnnstudio.model.build import build_module
from cnnstudio.training import Finished, Started, Trainer, TrainSettings
from cnnstudio.training import trainer as trainer_module
from cnnstudio.training.precision import (
    FLOAT32,
    Precision,
    choose_precision,
    keep_lrn_in_float32,
    make_optimizer,
)

CUDA = torch.device("cuda")
CPU = torch.device("cpu")
BFLOAT16 = Precision("bfloat16", torch.bfloat16, fused=True, channels_last=True)
FLOAT16 = Precision("float16", torch.float16, scaler=True, fused=True, channels_last=True)


@pytest.fixture
def gpu_bfloat16(monkeypatch):
    """Fakes the GPU's answer to "do you compute bfloat16 natively?"; returns a setter."""
    asked = []

    def answer(supported: bool) -> None:
        def is_bf16_supported(including_emulation: bool = True) -> bool:
            asked.append(including_emulation)
            return supported

        monkeypatch.setattr(torch.cuda, "is_bf16_supported", is_bf16_supported)

    answer.asked = asked
    return answer


def test_a_gpu_with_bfloat16_trains_in_bfloat16_without_a_scaler(gpu_bfloat16):
    gpu_bfloat16(True)
    chosen = choose_precision(CUDA, amp=True)
    assert chosen == BFLOAT16
    assert chosen.make_scaler(CUDA) is None
    assert gpu_bfloat16.asked == [False]  # emulated bfloat16 (pre-Ampere) does not count


def test_an_older_gpu_trains_in_float16_with_a_scaler_and_fused_optimizers(gpu_bfloat16):
    gpu_bfloat16(False)
    chosen = choose_precision(CUDA, amp=True)
    assert chosen == FLOAT16
    assert chosen.scaler and chosen.fused


def test_without_amp_a_gpu_computes_float32_with_fused_optimizers(gpu_bfloat16):
    gpu_bfloat16(True)
    assert choose_precision(CUDA, amp=False) == Precision(fused=True)


def test_the_cpu_always_computes_float32_as_before(gpu_bfloat16):
    gpu_bfloat16(True)
    assert choose_precision(CPU, amp=True) == FLOAT32
    assert gpu_bfloat16.asked == []  # the CPU never asks CUDA anything
    assert FLOAT32.make_scaler(CPU) is None and not FLOAT32.fused


def test_a_float16_scaler_is_made_for_the_runs_device():
    scaler = FLOAT16.make_scaler(CPU)
    assert isinstance(scaler, torch.amp.GradScaler) and scaler.is_enabled()


@pytest.mark.parametrize("optimizer", ["sgd", "adam", "adamw"])
def test_fused_precisions_make_fused_optimizers(optimizer):
    module = nn.Linear(3, 2)
    settings = TrainSettings(optimizer=optimizer)
    assert make_optimizer(module, settings, FLOAT16).defaults["fused"] is True
    assert not make_optimizer(module, settings, FLOAT32).defaults.get("fused")


def _trained_with(monkeypatch, precision: Precision, **settings):
    """A run of the small network on the CPU, with *precision* as if the device had chosen it;
    also what the optimizer, the scaler and the network's input looked like."""
    monkeypatch.setattr(trainer_module, "choose_precision", lambda device, amp: precision)
    seen = {"optimizers": [], "scaled": 0, "inputs": []}
    real_make = trainer_module.make_optimizer

    def make(*args):
        optimizer = real_make(*args)
        seen["optimizers"].append(optimizer)
        return optimizer

    monkeypatch.setattr(trainer_module, "make_optimizer", make)
    real_step = torch.amp.GradScaler.step

    def step(self, *args, **kwargs):
        seen["scaled"] += 1
        return real_step(self, *args, **kwargs)

    monkeypatch.setattr(torch.amp.GradScaler, "step", step)
    settings = TrainSettings(epochs=4, batch_size=32, lr=0.01).with_changes(**settings)
    trainer = Trainer(small_net(), blob_split(), settings)
    trainer.module.register_forward_pre_hook(lambda module, args: seen["inputs"].append(args[0]))
    events = list(trainer.run())
    return trainer, events, seen


def test_the_float16_path_scales_the_loss_with_a_fused_optimizer_and_learns(monkeypatch):
    _, events, seen = _trained_with(monkeypatch, FLOAT16)
    assert isinstance(events[0], Started) and events[0].precision == "float16"
    assert events[0].mixed_precision is True
    assert seen["optimizers"][0].defaults["fused"] is True
    assert seen["scaled"] == events[-1].step  # every step went through the scaler
    assert isinstance(events[-1], Finished) and events[-1].val_accuracy >= 0.9


def test_the_bfloat16_path_needs_no_scaler_and_learns(monkeypatch):
    _, events, seen = _trained_with(monkeypatch, BFLOAT16)
    assert events[0].precision == "bfloat16"
    assert seen["scaled"] == 0
    assert isinstance(events[-1], Finished) and events[-1].val_accuracy >= 0.9


def test_channels_last_holds_for_the_run_only(monkeypatch):
    trainer, events, seen = _trained_with(monkeypatch, BFLOAT16, epochs=1)
    conv = next(m for m in trainer.module.modules() if isinstance(m, nn.Conv2d))
    # the network was given channels-last images while training, and its weights are back in
    # the usual layout afterwards (checkpoints and the feature-map views see that)
    layouts = [x.is_contiguous(memory_format=torch.channels_last) for x in seen["inputs"]]
    assert layouts[: events[-1].step] == [True] * events[-1].step
    assert conv.weight.stride() == torch.empty_like(conv.weight).stride()


def test_the_weights_are_channels_last_while_a_mixed_precision_run_trains(monkeypatch):
    monkeypatch.setattr(trainer_module, "choose_precision", lambda device, amp: BFLOAT16)
    trainer = Trainer(small_net(), blob_split(), TrainSettings(epochs=1, batch_size=32))
    conv = next(m for m in trainer.module.modules() if isinstance(m, nn.Conv2d))
    usual = conv.weight.stride()
    run = trainer.run()
    next(run)  # Started
    assert conv.weight.stride() == torch.empty_like(conv.weight, memory_format=torch.channels_last).stride()
    assert conv.weight.stride() != usual
    run.close()
    assert conv.weight.stride() == usual


# --- local response normalisation: AlexNet's float16 overflow ---------------------------------

ACTIVATION = 300.0
"""Above 256, whose square (65,536) is beyond float16's largest number (65,504)."""


def alexnet_lrn() -> nn.LocalResponseNorm:
    """AlexNet's norm1, as the preset defines it (n 5, alpha 1e-4, beta 0.75, k 2)."""
    net = preset("alexnet")
    module = build_module(net, logits=True)
    return next(m for m in module.modules() if isinstance(m, nn.LocalResponseNorm))


def conv_then_lrn() -> nn.Sequential:
    """A 1x1 convolution that writes ACTIVATION into all 8 channels, then AlexNet's LRN."""
    conv = nn.Conv2d(1, 8, 1)
    with torch.no_grad():
        conv.weight.fill_(ACTIVATION)
        conv.bias.zero_()
    return nn.Sequential(conv, alexnet_lrn())


def test_the_premise_float16_squares_of_activations_above_256_are_infinite():
    lrn = alexnet_lrn()
    assert (lrn.size, lrn.alpha, lrn.beta, lrn.k) == (5, 1e-4, 0.75, 2.0)
    a = torch.tensor(ACTIVATION, dtype=torch.float16)
    # LRN divides by (k + alpha * mean of the squares over 5 channels) ** beta
    div = (lrn.k + lrn.alpha * (a * a)) ** lrn.beta
    assert torch.isinf(a * a) and float(a / div) == 0.0


@torch.no_grad()
def test_lrn_in_float32_gives_49_7_for_an_activation_of_300():
    out = conv_then_lrn()(torch.ones(1, 1, 2, 2))
    assert float(out[0, 4, 0, 0]) == pytest.approx(49.7, abs=0.05)


@torch.no_grad()
def test_float16_autocast_computes_lrn_in_float32_and_keeps_49_7():
    model = keep_lrn_in_float32(conv_then_lrn())
    with torch.autocast("cpu", dtype=torch.float16):
        out = model(torch.ones(1, 1, 2, 2))
    assert out.dtype == torch.float32
    assert float(out[0, 4, 0, 0]) == pytest.approx(49.7, abs=0.05)


@torch.no_grad()
def test_bfloat16_has_the_range_to_keep_49_7_even_without_the_float32_guard():
    model = conv_then_lrn()
    with torch.autocast("cpu", dtype=torch.bfloat16):
        out = model(torch.ones(1, 1, 2, 2))
    assert float(out[0, 4, 0, 0]) == pytest.approx(49.7, rel=0.02)


def test_a_trainers_network_computes_lrn_in_float32():
    c = Chain("LRN", 1, 8, 8)
    c.conv("conv1", 4, 3, padding="same")
    c.add("lrn", "norm1", size=5, alpha=1e-4, beta=0.75, k=2.0)
    c.add("flatten", "flatten")
    c.add("linear", "fc", units=4)
    trainer = Trainer(c.net, blob_split(), TrainSettings(device="cpu"))
    lrn = next(m for m in trainer.module.modules() if isinstance(m, nn.LocalResponseNorm))
    seen = []
    lrn.register_forward_hook(lambda module, args, out: seen.append(args[0].dtype))
    with torch.no_grad(), torch.autocast("cpu", dtype=torch.float16):
        trainer.module(torch.randn(2, 1, 8, 8))
    assert seen == [torch.float32]
