"""Training on a real CUDA GPU (skipped, with the reason, where there is none; see conftest)."""

from __future__ import annotations

import pytest
import torch
from test_training_fakes import blob_split, one_torch_thread, small_net  # noqa: F401

from cnnstudio.training import (
    FailureKind,
    Finished,
    Trainer,
    TrainSettings,
    load_checkpoint,
    predict,
    save_checkpoint,
)

pytestmark = pytest.mark.cuda


def test_auto_trains_on_the_gpu_and_learns():
    trainer = Trainer(small_net(), blob_split(), TrainSettings(epochs=4, batch_size=32, lr=0.01))
    assert trainer.device.type == "cuda"
    events = list(trainer.run())
    assert isinstance(events[-1], Finished) and events[-1].val_accuracy >= 0.9
    assert events[0].device.startswith("cuda (")


def test_a_gpu_checkpoint_loads_on_the_cpu_with_the_same_predictions(tmp_path):
    trainer = Trainer(small_net(), blob_split(), TrainSettings(epochs=2, batch_size=32, lr=0.01, amp=False))
    list(trainer.run())
    path = tmp_path / "gpu.pt"
    save_checkpoint(trainer, path)
    loaded = load_checkpoint(path)
    on_gpu = trainer.evaluate()
    on_cpu = predict(loaded.module, trainer.data.val)
    assert torch.equal(on_cpu.predicted, on_gpu.predicted.cpu())


def test_a_device_side_assert_fails_the_run_asking_for_a_restart():
    """Run last in a session: a device-side assert leaves this process's GPU unusable."""
    trainer = Trainer(small_net(), blob_split(), TrainSettings(epochs=1, batch_size=32))
    real_batch = trainer.data.train.batch

    def out_of_range_labels(indices):
        images, labels = real_batch(indices)
        return images, labels + 1000  # cross_entropy asserts on the device

    trainer.data.train.batch = out_of_range_labels
    failed = list(trainer.run())[-1]
    assert failed.kind is FailureKind.DEVICE_FAILED
    assert failed.reason.startswith("the GPU reported an error it cannot recover from")
    assert "restart CNN Studio" in failed.suggestion
