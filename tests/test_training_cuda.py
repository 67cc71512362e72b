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


def test_mixed_precision_is_bfloat16_on_a_gpu_that_has_it_else_float16_with_a_scaler():
    trainer = Trainer(small_net(), blob_split(), TrainSettings(epochs=2, batch_size=32, lr=0.01))
    started = next(trainer.run())
    expected = "bfloat16" if torch.cuda.get_device_capability()[0] >= 8 else "float16"
    assert started.precision == expected and started.mixed_precision


def test_a_dataset_that_fits_is_kept_on_the_gpu_as_uint8_and_shapes_are_drawn_there():
    from cnnstudio.core import preset
    from cnnstudio.data.device import on_device
    from cnnstudio.training import open_training_data

    net = preset("resnet20")
    split = open_training_data(net, "shapes:300")
    trainer = Trainer(net, split, TrainSettings(epochs=1, batch_size=32))
    assert isinstance(list(trainer.run())[-1], Finished)
    served = on_device(split.train, trainer.device)
    assert served.resident and served.images.device.type == "cuda" and served.images.dtype == torch.uint8
    indices = torch.arange(10)
    assert (
        served.images[indices.cuda()].cpu().int() - split.train.images_uint8(indices).int()
    ).abs().max() <= 1
    images, labels = served.batch(indices)
    assert images.device.type == "cuda" and labels.device.type == "cuda"


def test_two_reproducible_gpu_runs_from_the_same_seed_give_the_same_losses():
    from cnnstudio.core import preset
    from cnnstudio.training import Step, open_training_data

    net = preset("resnet20")
    split = open_training_data(net, "shapes:300")
    settings = TrainSettings(epochs=2, batch_size=32, reproducible=True, augment=True)
    losses = []
    for _ in range(2):
        trainer = Trainer(net, split, settings)
        losses.append([e.loss for e in trainer.run() if isinstance(e, Step)])
    assert len(losses[0]) > 10 and losses[0] == losses[1]


def test_alexnets_lrn_cannot_train_reproducibly_on_the_gpu_and_says_so():
    from cnnstudio.core.presets import Chain

    c = Chain("LRN", 3, 16, 16)
    c.conv("conv1", 8, 3, padding="same")
    c.add("lrn", "norm1", size=5, alpha=1e-4, beta=0.75, k=2.0)
    c.add("globalavgpool", "gap")
    c.add("linear", "fc", units=4)
    split = blob_split(shape=(3, 16, 16))
    failed = list(Trainer(c.net, split, TrainSettings(epochs=1, reproducible=True)).run())[-1]
    assert failed.reason.startswith("at step 1, the network needed an operation that the GPU cannot")
    assert failed.suggestion.startswith("untick 'reproducible'")


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
