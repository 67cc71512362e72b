"""Training settings: what is refused and why, the schedules' arithmetic, devices."""

from __future__ import annotations

import math

import pytest
import torch

from cnnstudio.training import DeviceError, SettingsError, TrainSettings, learning_rate, select_device
from cnnstudio.training import device as devices


def test_default_settings_are_usable():
    assert TrainSettings().problems() == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"lr": 0.0}, "learning rate must be above 0, not 0"),
        ({"lr": math.nan}, "learning rate must be a number, not nan"),
        ({"lr": "fast"}, "learning rate must be a number, not 'fast'"),
        ({"batch_size": 0}, "batch size must be at least 1, not 0"),
        ({"batch_size": 2.5}, "batch size must be a whole number, not 2.5"),
        ({"epochs": True}, "epochs must be a whole number, not True"),
        ({"momentum": 1.0}, "momentum must be at least 0 and below 1, not 1"),
        ({"weight_decay": -0.1}, "weight decay must be at least 0, not -0.1"),
        ({"gamma": 1.5}, "gamma must be above 0 and at most 1, not 1.5"),
        ({"optimizer": "rmsprop"}, "optimizer must be one of sgd, adam, adamw, not 'rmsprop'"),
        ({"schedule": "linear"}, "schedule must be one of none, step, cosine, not 'linear'"),
        ({"device": "tpu"}, "device must be one of auto, cpu, cuda, mps, not 'tpu'"),
    ],
)
def test_bad_values_are_named_in_plain_words(change, message):
    settings = TrainSettings(**change)
    assert settings.problems() == [message]
    with pytest.raises(SettingsError, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        settings.check()


def test_every_problem_is_listed():
    assert len(TrainSettings(lr=-1, epochs=0, batch_size=0).problems()) == 3


def test_settings_round_trip_through_a_dict_and_ignore_unknown_keys():
    settings = TrainSettings(optimizer="sgd", lr=0.05, schedule="cosine", augment=True, seed=9)
    assert TrainSettings.from_dict({**settings.to_dict(), "future": 1}) == settings


def test_step_schedule_drops_every_third_of_the_run_by_default():
    s = TrainSettings(lr=0.1, epochs=9, schedule="step", gamma=0.1)
    rates = [learning_rate(s, epoch, 0, 90) for epoch in range(1, 10)]
    assert rates == pytest.approx([0.1] * 3 + [0.01] * 3 + [0.001] * 3)


def test_cosine_schedule_follows_half_a_cosine_over_all_steps():
    s = TrainSettings(lr=0.1, schedule="cosine")
    assert learning_rate(s, 1, 0, 100) == pytest.approx(0.1)
    assert learning_rate(s, 1, 25, 100) == pytest.approx(0.1 * (1 + math.sqrt(0.5)) / 2)
    assert learning_rate(s, 1, 50, 100) == pytest.approx(0.05)
    assert learning_rate(s, 1, 100, 100) == pytest.approx(0.0)


def test_no_schedule_keeps_the_rate():
    assert learning_rate(TrainSettings(lr=0.3), 7, 500, 1000) == 0.3


def test_auto_picks_cuda_then_mps_then_cpu(monkeypatch):
    monkeypatch.setattr(devices, "cuda_available", lambda: False)
    monkeypatch.setattr(devices, "mps_available", lambda: False)
    assert select_device("auto") == torch.device("cpu")
    monkeypatch.setattr(devices, "mps_available", lambda: True)
    assert select_device("auto") == torch.device("mps")
    monkeypatch.setattr(devices, "cuda_available", lambda: True)
    assert select_device("auto") == torch.device("cuda")
    assert devices.available_devices() == ["cuda", "mps", "cpu"]


def test_asking_for_an_absent_gpu_says_what_to_use(monkeypatch):
    monkeypatch.setattr(devices, "cuda_available", lambda: False)
    monkeypatch.setattr(devices, "mps_available", lambda: False)
    with pytest.raises(
        DeviceError, match=r"CUDA was asked for, but .* sees no CUDA GPU; use the device 'cpu'"
    ):
        select_device("cuda")
    with pytest.raises(DeviceError, match="MPS was asked for"):
        select_device("mps")
    assert select_device("cpu") == torch.device("cpu")
