"""Image sets served from the training device: kept whole there when they fit, drawn there (the
shapes), otherwise copied batch by batch from pinned memory; on the CPU exactly the old batches."""

from __future__ import annotations

import pytest
import torch

from cnnstudio.data import device as device_module
from cnnstudio.data import open_dataset
from cnnstudio.data.adapt import ArrayImageSet, copy_to
from cnnstudio.data.device import DeviceImageSet, device_budget, on_device

CPU = torch.device("cpu")
CUDA = torch.device("cuda")


def array_set(count: int = 40, shape=(1, 8, 8)) -> ArrayImageSet:
    generator = torch.Generator().manual_seed(0)
    images = torch.randint(0, 256, (count, *shape), dtype=torch.uint8, generator=generator)
    labels = torch.arange(count) % 4
    return ArrayImageSet(images, labels, ["a", "b", "c", "d"], shape)


def assert_same_batches(served, base, indices) -> None:
    images, labels = served.batch(indices)
    expected_images, expected_labels = base.batch(indices)
    assert torch.equal(images, expected_images) and torch.equal(labels, expected_labels)


def test_a_set_held_whole_on_the_cpu_is_used_as_it_is_without_a_copy():
    base = array_set()
    served = on_device(base, "cpu")
    assert isinstance(served, DeviceImageSet) and served.resident
    assert served.images.data_ptr() == base.source.data_ptr()
    assert_same_batches(served, base, torch.tensor([5, 0, 39, 5]))


def test_a_set_still_filling_its_cache_gives_the_cpu_the_very_batches_it_gave_before():
    split = open_dataset("digits", (1, 32, 32))
    served = on_device(split.train, "cpu")
    assert not served.resident  # nothing is adapted ahead of the first epoch on the CPU
    assert_same_batches(served, split.train, torch.tensor([3, 1, 4, 1, 5]))
    assert torch.equal(served.labels(), split.train.labels())
    everything = torch.arange(len(split.train))
    served.batch(everything)  # a first epoch: every image adapted once and cached
    assert on_device(split.train, "cpu").resident  # from now on a batch is one gather
    assert served.images.data_ptr() == split.train.held_images().data_ptr()
    assert_same_batches(served, split.train, torch.tensor([3, 1, 4, 1, 5]))


def test_the_copy_for_a_device_is_kept_with_the_set_and_shared():
    base = array_set()
    assert on_device(base, "cpu") is on_device(base, torch.device("cpu"))


def test_sets_that_are_not_adapted_arrays_are_served_as_they_are():
    from test_training_fakes import BlobImages

    images = BlobImages(8)
    assert on_device(images, "cpu") is images


def test_a_whole_set_is_copied_in_chunks_into_one_tensor(monkeypatch):
    split = open_dataset("shapes:90", (3, 16, 16))
    monkeypatch.setattr(split.train, "chunk_images", lambda: 7)
    whole = device_module._copy_whole_set(split.train, CPU)
    assert torch.equal(whole, split.train.images_uint8(torch.arange(len(split.train))))


def test_shapes_drawn_from_table_rows_on_a_device_are_the_images_drawn_for_the_cpu():
    split = open_dataset("shapes:200", (3, 24, 24), seed=3)
    indices = torch.tensor([7, 0, 150, 7, 33])
    assert torch.equal(split.train.draw(indices, CPU), split.train.images_uint8(indices))


def test_a_gpu_keeps_a_set_that_takes_at_most_a_quarter_of_its_memory_and_half_of_whats_free(monkeypatch):
    gib = 2**30
    monkeypatch.setattr(torch.cuda, "mem_get_info", lambda device=None: (30 * gib, 80 * gib))
    assert device_budget(CUDA) == 15 * gib
    monkeypatch.setattr(torch.cuda, "mem_get_info", lambda device=None: (70 * gib, 80 * gib))
    assert device_budget(CUDA) == 20 * gib
    assert device_budget(CPU) == 0


def test_a_set_too_big_for_the_gpu_is_streamed(monkeypatch):
    base = array_set(count=40)  # 40 x 64 bytes
    monkeypatch.setattr(device_module, "device_budget", lambda device: 40 * 64 - 1)
    monkeypatch.setattr(device_module, "_copy_whole_set", pytest.fail)
    assert device_module._whole_set(base, CUDA) is None


def test_photos_are_never_decoded_whole_before_the_first_step(monkeypatch, tmp_path):
    from PIL import Image

    for name in ("cat", "dog"):
        (tmp_path / name).mkdir()
        for i in range(3):
            Image.new("RGB", (10, 10), (i * 40, 0, 0)).save(tmp_path / name / f"{i}.png")
    split = open_dataset(f"folder:{tmp_path}", (3, 8, 8), val_fraction=0.3)
    monkeypatch.setattr(device_module, "device_budget", lambda device: 2**40)
    monkeypatch.setattr(device_module, "_copy_whole_set", pytest.fail)
    assert device_module._whole_set(split.train, CUDA) is None


def test_running_out_of_gpu_memory_while_copying_a_set_streams_it_instead(monkeypatch):
    def no_room(images, device):
        raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 3.00 GiB")

    monkeypatch.setattr(device_module, "device_budget", lambda device: 2**40)
    monkeypatch.setattr(device_module, "_copy_whole_set", no_room)
    assert device_module._whole_set(array_set(), CUDA) is None


def test_batches_go_to_a_gpu_as_uint8_from_pinned_memory_without_waiting(monkeypatch):
    calls = []
    monkeypatch.setattr(torch.Tensor, "pin_memory", lambda self: calls.append("pin") or self)
    monkeypatch.setattr(torch.Tensor, "to", lambda self, *a, **k: calls.append((a, k)) or self)
    copy_to(torch.zeros(2, dtype=torch.uint8), CUDA)
    assert calls == ["pin", ((CUDA,), {"non_blocking": True})]
    calls.clear()
    assert copy_to(torch.zeros(2), CPU) is not None and calls == []


def test_the_trainer_on_the_cpu_computes_the_very_losses_of_the_plain_batches(monkeypatch):
    from cnnstudio.core import preset
    from cnnstudio.training import Step, Trainer, TrainSettings, open_training_data
    from cnnstudio.training import trainer as trainer_module

    net = preset("lenet5")
    settings = TrainSettings(epochs=1, batch_size=64, augment=True, device="cpu")
    served = Trainer(net, open_training_data(net, "digits"), settings)
    losses = [e.loss for e in served.run() if isinstance(e, Step)]
    assert isinstance(on_device(served.data.train, CPU), DeviceImageSet)
    monkeypatch.setattr(trainer_module, "on_device", lambda images, device: images)
    plain = Trainer(net, open_training_data(net, "digits"), settings)
    assert losses == [e.loss for e in plain.run() if isinstance(e, Step)]
