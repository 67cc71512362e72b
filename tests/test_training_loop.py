"""The training loop: events, learning, optimizers, schedules, seeds and failures (no threads)."""

from __future__ import annotations

import itertools
import math

import pytest
import torch
from test_training_fakes import blob_split, one_torch_thread, small_net  # noqa: F401
from torch.nn import functional as F

from cnnstudio.training import (
    Epoch,
    Failed,
    FailureKind,
    Finished,
    Started,
    Step,
    Trainer,
    TrainSettings,
)


def train(settings: TrainSettings, split=None, net=None) -> tuple[Trainer, list]:
    trainer = Trainer(net or small_net(), split or blob_split(), settings)
    return trainer, list(trainer.run())


def steps_of(events) -> list[Step]:
    return [e for e in events if isinstance(e, Step)]


def test_learns_separable_images_and_reports_the_true_val_accuracy():
    trainer, events = train(TrainSettings(epochs=4, batch_size=32, lr=0.01))
    finished = events[-1]
    assert isinstance(finished, Finished) and not finished.stopped
    assert finished.val_accuracy >= 0.9
    # the accuracy reported is that of the module on the validation images, computed here by hand
    val = trainer.data.val
    with torch.no_grad():
        guesses = trainer.module(val.batch(torch.arange(len(val)))[0]).argmax(dim=1)
    assert finished.val_accuracy == pytest.approx((guesses == val.labels()).float().mean().item())
    assert trainer.history.status == "finished"


def test_events_come_in_order_with_consecutive_steps():
    _, events = train(TrainSettings(epochs=3, batch_size=32, report_every=3))
    assert isinstance(events[0], Started)
    assert events[0].steps_per_epoch == 256 // 32
    assert isinstance(events[-1], Finished) and events[-1].epochs_done == 3
    steps = steps_of(events)
    assert [s.step for s in steps] == list(range(1, 3 * 8 + 1))
    epochs = [e for e in events if isinstance(e, Epoch)]
    assert [e.epoch for e in epochs] == [1, 2, 3]
    assert [e.step for e in epochs] == [8, 16, 24]
    # each Epoch follows the last Step of its epoch
    for epoch in epochs:
        before = events[events.index(epoch) - 1]
        assert isinstance(before, Step) and before.step == epoch.step


def test_epoch_train_loss_is_the_mean_of_its_step_losses():
    _, events = train(TrainSettings(epochs=2, batch_size=32))
    steps = steps_of(events)
    for epoch in (e for e in events if isinstance(e, Epoch)):
        losses = [s.loss for s in steps if s.epoch == epoch.epoch]
        assert epoch.train_loss == pytest.approx(sum(losses) / len(losses))
        assert 0.0 <= epoch.train_accuracy <= 1.0
        assert epoch.images_per_second > 0 and epoch.seconds > 0


def test_a_last_batch_of_one_image_is_left_out():
    # 257 images in batches of 32: eight full batches and one of a single image, which batch
    # norm could not train on
    trainer = Trainer(small_net(), blob_split(train=257), TrainSettings(epochs=1, batch_size=32))
    events = list(trainer.run())
    assert events[0].steps_per_epoch == 8
    assert len(steps_of(events)) == 8


def test_the_same_seed_repeats_a_run_and_grouping_steps_changes_nothing():
    settings = TrainSettings(epochs=2, batch_size=32, augment=True, seed=7)
    first = [s.loss for s in steps_of(train(settings.with_changes(report_every=1))[1])]
    again = [s.loss for s in steps_of(train(settings.with_changes(report_every=5))[1])]
    other = [s.loss for s in steps_of(train(settings.with_changes(seed=8))[1])]
    assert first == again
    assert first != other


def test_step_schedule_multiplies_the_rate_by_gamma():
    settings = TrainSettings(epochs=6, batch_size=64, lr=0.01, schedule="step", step_epochs=2, gamma=0.5)
    _, events = train(settings)
    lrs = [e.lr for e in events if isinstance(e, Epoch)]
    assert lrs == pytest.approx([0.01, 0.01, 0.005, 0.005, 0.0025, 0.0025])


def test_cosine_schedule_falls_from_the_rate_towards_zero():
    _, events = train(TrainSettings(epochs=4, batch_size=64, lr=0.02, schedule="cosine"))
    lrs = [s.lr for s in steps_of(events)]
    total = len(lrs)
    assert lrs[0] == pytest.approx(0.02)
    assert lrs[total // 2] == pytest.approx(0.01)  # halfway down the half cosine
    assert all(a > b for a, b in itertools.pairwise(lrs))
    assert lrs[-1] < 0.02 * 0.01


def one_full_batch_step(settings: TrainSettings):
    """Weights before, gradient, and weights after one step on the whole (tiny) training set."""
    split = blob_split(train=32)
    trainer = Trainer(small_net(), split, settings.with_changes(epochs=1, batch_size=32))
    before = {k: v.clone() for k, v in trainer.module.named_parameters()}
    x, y = split.train.batch(torch.arange(32))
    trainer.module.zero_grad()
    F.cross_entropy(trainer.module(x), y).backward()
    grads = {k: v.grad.clone() for k, v in trainer.module.named_parameters()}
    events = list(trainer.run())
    assert isinstance(events[-1], Finished)
    after = dict(trainer.module.named_parameters())
    return before, grads, after


def test_sgd_step_follows_the_textbook_rule_with_weight_decay():
    before, grads, after = one_full_batch_step(
        TrainSettings(optimizer="sgd", lr=0.1, momentum=0.9, weight_decay=0.01)
    )
    for key, w in before.items():
        # first step: the momentum buffer is just the gradient (plus the L2 term)
        expected = w - 0.1 * (grads[key] + 0.01 * w)
        torch.testing.assert_close(after[key].detach(), expected, atol=1e-5, rtol=1e-4)


@pytest.mark.parametrize("optimizer", ["adam", "adamw"])
def test_adam_first_step_moves_each_weight_by_the_rate(optimizer):
    before, grads, after = one_full_batch_step(TrainSettings(optimizer=optimizer, lr=0.01, weight_decay=0.1))
    for key, w in before.items():
        if optimizer == "adam":  # L2 added to the gradient, then normalized: a step of lr * sign
            g = grads[key] + 0.1 * w
            expected = w - 0.01 * g / (g.abs() + 1e-8)
        else:  # decoupled: shrink the weight, then a step of lr * sign(gradient)
            g = grads[key]
            expected = w * (1 - 0.01 * 0.1) - 0.01 * g / (g.abs() + 1e-8)
        torch.testing.assert_close(after[key].detach(), expected, atol=2e-5, rtol=1e-4)


def test_augmented_training_still_learns():
    _, events = train(TrainSettings(epochs=5, batch_size=32, lr=0.01, augment=True, crop_padding=1))
    assert events[-1].val_accuracy >= 0.8


def test_a_huge_learning_rate_fails_at_the_first_bad_step_with_a_suggestion():
    trainer, events = train(TrainSettings(optimizer="sgd", lr=10000.0, epochs=5, batch_size=32))
    failed = events[-1]
    assert isinstance(failed, Failed)
    steps = steps_of(events)
    assert all(math.isfinite(s.loss) for s in steps)
    assert failed.step == len(steps) + 1
    assert failed.kind is FailureKind.DIVERGED and not failed.kind.weights_usable
    assert failed.reason.endswith(f"at step {failed.step}")
    assert failed.reason.startswith(("the loss became NaN", "the loss became infinite", "the loss grew to"))
    assert "lower the learning rate (now 10000), e.g. to 0.01" in failed.suggestion
    assert trainer.history.status == "failed" and trainer.history.failure == failed.message
    assert not trainer.running


def test_running_out_of_memory_fails_with_a_smaller_batch_and_keeps_the_trainer_usable(monkeypatch):
    trainer = Trainer(small_net(), blob_split(), TrainSettings(epochs=2, batch_size=32))
    real_step = Trainer._train_step
    calls = []

    def step_then_oom(self, *args):
        calls.append(1)
        if len(calls) == 3:
            raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")
        return real_step(self, *args)

    monkeypatch.setattr(Trainer, "_train_step", step_then_oom)
    events = list(trainer.run())
    failed = events[-1]
    assert isinstance(failed, Failed)
    assert failed.reason == "the computer ran out of memory at step 3"
    assert failed.kind is FailureKind.OUT_OF_MEMORY and failed.kind.weights_usable
    assert failed.suggestion == "use a smaller batch size (now 32), e.g. 16"
    assert trainer.history.status == "failed"
    assert len(trainer.evaluate()) == 64  # the module still works
    monkeypatch.setattr(Trainer, "_train_step", real_step)
    assert isinstance(list(trainer.run())[-1], Finished)  # and it can train again


def test_another_pytorch_error_fails_the_run_with_its_message(monkeypatch):
    trainer = Trainer(small_net(), blob_split(), TrainSettings(epochs=1))

    def broken(self, *args):
        raise RuntimeError("cuDNN error: CUDNN_STATUS_INTERNAL_ERROR\nmore detail")

    monkeypatch.setattr(Trainer, "_train_step", broken)
    failed = list(trainer.run())[-1]
    assert isinstance(failed, Failed)
    assert (
        failed.reason == "PyTorch stopped with an error at step 1: cuDNN error: CUDNN_STATUS_INTERNAL_ERROR"
    )
    assert failed.kind is FailureKind.ERROR


def test_a_second_run_continues_from_the_trained_weights():
    trainer, first = train(TrainSettings(epochs=3, batch_size=32, lr=0.01))
    second = list(trainer.run())
    assert steps_of(second)[0].loss < steps_of(first)[0].loss / 2
    assert trainer.history.steps[0] == 1  # a new history per run


def test_reset_weights_goes_back_to_the_seeds_initial_weights():
    trainer, _ = train(TrainSettings(epochs=1, seed=3))
    fresh = Trainer(small_net(), blob_split(), TrainSettings(seed=3))
    other = Trainer(small_net(), blob_split(), TrainSettings(seed=4))
    key = "layers.conv1.weight"
    assert not torch.equal(trainer.module.state_dict()[key], fresh.module.state_dict()[key])
    trainer.reset_weights()
    for name, value in fresh.module.state_dict().items():
        assert torch.equal(trainer.module.state_dict()[name], value)
    assert not torch.equal(other.module.state_dict()[key], fresh.module.state_dict()[key])


def test_a_trainer_cannot_run_twice_at_once():
    trainer = Trainer(small_net(), blob_split(), TrainSettings(epochs=1))
    first = trainer.run()
    next(first)
    with pytest.raises(RuntimeError, match="already training"):
        next(trainer.run())
    first.close()
    assert not trainer.running
    assert trainer.history.status == "stopped"


def test_mixed_precision_is_used_on_cuda_only():
    trainer = Trainer(small_net(), blob_split(), TrainSettings(amp=True, device="cpu"))
    assert not trainer.mixed_precision
    assert next(trainer.run()).mixed_precision is False


# the mixed precision paths (bfloat16; float16 with a scaler) run on the CPU: test_training_precision.py


def test_the_cpu_allocator_running_out_counts_as_out_of_memory(monkeypatch):
    def no_memory(self, *args):
        raise RuntimeError("[enforce fail at alloc_cpu.cpp:117] DefaultCPUAllocator: can't allocate memory")

    monkeypatch.setattr(Trainer, "_train_step", no_memory)
    failed = train(TrainSettings(epochs=1, batch_size=8))[1][-1]
    assert failed.reason == "the computer ran out of memory at step 1"
    assert failed.kind is FailureKind.OUT_OF_MEMORY
    assert failed.suggestion == "use a smaller batch size (now 8), e.g. 4"


def test_train_accuracy_counts_the_right_guesses_of_the_epoch():
    # with a vanishing learning rate the weights stay put, so the epoch's training accuracy is
    # the accuracy of the initial module on the training set, measured here apart
    trainer = Trainer(small_net(), blob_split(), TrainSettings(optimizer="sgd", lr=1e-12, epochs=1))
    before = trainer.evaluate("train").accuracy
    epoch = next(e for e in list(trainer.run()) if isinstance(e, Epoch))
    assert epoch.train_accuracy == pytest.approx(before)
    assert 0.1 < before < 0.9  # an untrained module: neither all right nor all wrong


def test_a_loss_that_grows_huge_but_finite_is_a_diverged_run_not_a_finished_one():
    # lr 1e9 with Adam: every step moves each weight by about 1e9, the loss stays finite but
    # explodes; the run must fail with advice instead of "finishing" with a loss of 1e10
    trainer, events = train(TrainSettings(optimizer="adam", lr=1e9, epochs=3, batch_size=32))
    failed = events[-1]
    assert isinstance(failed, Failed) and failed.kind is FailureKind.DIVERGED
    assert "lower the learning rate (now 1e+09), e.g. to 0.001, and reset the weights" in failed.suggestion
    assert not any(isinstance(e, Finished) for e in events)
    assert trainer.history.status == "failed"


def test_a_loss_that_spikes_and_recovers_is_not_divergence():
    # SGD at a brisk rate: the loss jumps to hundreds (from 1.4) on some steps, yet the run learns
    _, events = train(TrainSettings(optimizer="sgd", lr=0.5, momentum=0.9, epochs=3, batch_size=16))
    assert max(step.loss for step in steps_of(events)) > 100
    assert isinstance(events[-1], Finished) and events[-1].val_accuracy > 0.8


def test_an_image_that_cannot_be_read_mid_run_fails_the_run_with_its_name():
    from cnnstudio.data import DatasetError

    split = blob_split()
    real_batch = split.train.batch

    def batch(indices):
        if 7 in indices.tolist():
            raise DatasetError("cat/7.jpg cannot be read as an image (the file is damaged or cut short).")
        return real_batch(indices)

    split.train.batch = batch
    trainer, events = train(TrainSettings(epochs=1, batch_size=32), split=split)
    failed = events[-1]
    assert isinstance(failed, Failed) and failed.kind is FailureKind.DATASET
    assert "cat/7.jpg cannot be read" in failed.reason
    assert trainer.history.status == "failed"


def test_a_sticky_gpu_error_asks_for_a_restart_and_frees_memory_only_after_the_except_block(monkeypatch):
    """An illegal access or device assert (torch.AcceleratorError) leaves the GPU unusable: the
    run fails telling the student to restart; memory is released with no exception in flight."""
    import sys

    from cnnstudio.training import trainer as trainer_module

    released = []
    monkeypatch.setattr(trainer_module, "release_memory", lambda device: released.append(sys.exc_info()))
    freed_with_error = []

    def broken(self, *args):
        raise torch.AcceleratorError("CUDA error: an illegal memory access was encountered")

    monkeypatch.setattr(Trainer, "_train_step", broken)
    failed = train(TrainSettings(epochs=1))[1][-1]
    assert failed.kind is FailureKind.DEVICE_FAILED and not failed.kind.weights_usable
    assert failed.reason.startswith("the computer reported an error it cannot recover from at step 1")
    assert "restart CNN Studio" in failed.suggestion
    assert released == freed_with_error == []  # a broken GPU is not asked to free memory at all


def test_out_of_memory_releases_device_memory_outside_the_except_block(monkeypatch):
    import sys

    from cnnstudio.training import trainer as trainer_module

    released = []
    monkeypatch.setattr(trainer_module, "release_memory", lambda device: released.append(sys.exc_info()[0]))

    def no_memory(self, *args):
        raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")

    monkeypatch.setattr(Trainer, "_train_step", no_memory)
    failed = train(TrainSettings(epochs=1))[1][-1]
    assert failed.kind is FailureKind.OUT_OF_MEMORY
    assert released == [None]  # called once, with no exception (and its traceback) alive


def test_out_of_memory_while_moving_the_network_to_the_device_is_a_device_error(monkeypatch):
    from cnnstudio.training import DeviceError

    real_to, moves = torch.nn.Module.to, []

    def no_room(self, *args, **kwargs):
        moves.append(args)
        if len(moves) == 1:
            raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 20.00 GiB")
        return real_to(self, *args, **kwargs)

    monkeypatch.setattr(torch.nn.Module, "to", no_room)
    with pytest.raises(
        DeviceError, match=r"the network's [\d,]+ weights do not fit in the computer's memory"
    ):
        Trainer(small_net(), blob_split(), TrainSettings(device="cpu"))
    assert moves[-1] == ("cpu",)  # what was moved is taken back, so its memory can be freed


def test_the_gpu_is_called_the_gpu():
    from cnnstudio.training.device import device_word

    assert device_word(torch.device("cuda")) == "the GPU"
    assert device_word(torch.device("mps")) == "the GPU"
    assert device_word(torch.device("cpu")) == "the computer"
