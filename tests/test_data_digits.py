"""The bundled digits, the shared adaptation (resize, gray <-> RGB, normalization), splits and preview."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
import torch

from cnnstudio.data import DATASET_KINDS, DatasetError, DataSplit, open_dataset, preview
from cnnstudio.data.adapt import stratified_split
from cnnstudio.data.digits import load_digits

# Published per-class counts of the UCI test set (optdigits.tes), digits 0..9.
UCI_TEST_COUNTS = [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]


def test_digits_has_the_published_size_and_per_class_counts():
    images, labels = load_digits()
    assert images.shape == (1797, 1, 8, 8)
    assert images.dtype == torch.uint8
    assert torch.bincount(labels, minlength=10).tolist() == UCI_TEST_COUNTS
    # Pixel values 0..16 are scaled to 0..255, so both ends of the range occur.
    assert int(images.min()) == 0 and int(images.max()) == 255


def test_digits_first_image_is_the_zero_from_the_csv():
    # The first row of digits.csv.gz: a 0 whose top row is 0,0,5,13,9,1,0,0 (values 0..16).
    images, labels = load_digits()
    assert int(labels[0]) == 0
    expected_top_row = [round(v * 255 / 16) for v in (0, 0, 5, 13, 9, 1, 0, 0)]
    assert images[0, 0, 0].tolist() == expected_top_row


def test_open_digits_for_lenet_gives_normalized_32x32_batches():
    split = open_dataset("digits", input_shape=(1, 32, 32), seed=0, val_fraction=0.2)
    assert isinstance(split, DataSplit)
    assert split.classes == [str(d) for d in range(10)]
    assert split.input_shape == (1, 32, 32)
    images, labels = split.train.batch(torch.tensor([0, 1, 2]))
    assert images.shape == (3, 1, 32, 32) and images.dtype == torch.float32
    assert labels.shape == (3,) and labels.dtype == torch.int64
    everything, _ = split.train.batch(torch.arange(len(split.train)))
    assert abs(float(everything.mean())) < 0.02
    assert abs(float(everything.std()) - 1.0) < 0.02


def test_validation_uses_the_training_sets_normalization():
    split = open_dataset("digits", input_shape=(1, 32, 32))
    assert split.val.normalization is split.train.normalization
    raw = split.val.display(torch.arange(5)).permute(0, 3, 1, 2).float() / 255
    mean, std = split.train.normalization.mean[0], split.train.normalization.std[0]
    normalized, _ = split.val.batch(torch.arange(5))
    assert torch.allclose(normalized, (raw - mean) / std, atol=1e-5)


def test_split_is_seeded_stratified_and_without_overlap():
    labels = load_digits()[1]
    train_idx, val_idx = stratified_split(labels, 0.2, seed=3)
    assert set(train_idx.tolist()).isdisjoint(val_idx.tolist())
    assert sorted(train_idx.tolist() + val_idx.tolist()) == list(range(1797))
    split = open_dataset("digits", input_shape=(1, 8, 8), seed=3, val_fraction=0.2)
    assert (len(split.train), len(split.val)) == (len(train_idx), len(val_idx))
    val_counts = torch.bincount(split.val.labels(), minlength=10).tolist()
    assert val_counts == [round(n * 0.2) for n in UCI_TEST_COUNTS]
    # At the source size the images are the original pixels, in index order.
    images = load_digits()[0]
    assert torch.equal(split.val.display(torch.arange(len(val_idx))), images[val_idx].permute(0, 2, 3, 1))
    assert torch.equal(split.train.labels(), labels[train_idx])


def test_same_seed_same_split_other_seed_other_split():
    first = open_dataset("digits", (1, 8, 8), seed=1).val.display(torch.arange(20))
    again = open_dataset("digits", (1, 8, 8), seed=1).val.display(torch.arange(20))
    other = open_dataset("digits", (1, 8, 8), seed=2).val.display(torch.arange(20))
    assert torch.equal(first, again)
    assert not torch.equal(first, other)


def test_val_fraction_sets_the_validation_size():
    split = open_dataset("digits", (1, 8, 8), val_fraction=0.5)
    assert abs(len(split.val) - 1797 / 2) <= 10
    with pytest.raises(DatasetError, match="between 0 and 1"):
        open_dataset("digits", (1, 8, 8), val_fraction=1.5)


def test_gray_digits_given_to_an_rgb_network_have_three_equal_channels():
    split = open_dataset("digits", input_shape=(3, 224, 224))
    shown = split.train.display(torch.tensor([0, 7]))
    assert shown.shape == (2, 224, 224, 3)
    assert torch.equal(shown[..., 0], shown[..., 1]) and torch.equal(shown[..., 1], shown[..., 2])
    images, _ = split.train.batch(torch.tensor([0, 7]))
    assert images.shape == (2, 3, 224, 224)


def test_upscaled_digit_looks_like_its_8x8_original():
    images, labels = load_digits()
    train_idx, _ = stratified_split(labels, 0.2, seed=0)
    split = open_dataset("digits", input_shape=(1, 32, 32), seed=0)
    big = split.train.display(torch.arange(5))[..., 0].float()
    # Averaging 4x4 blocks of the 32x32 image should give back (nearly) the 8x8 original.
    blocks = big.reshape(5, 8, 4, 8, 4).mean(dim=(2, 4))
    original = images[train_idx[:5], 0].float()
    assert (blocks - original).abs().mean() < 0.1 * 255
    assert torch.corrcoef(torch.stack([blocks.flatten(), original.flatten()]))[0, 1] > 0.97


def test_preview_gives_labelled_uint8_images_of_the_input_shape():
    split = open_dataset("digits", input_shape=(1, 32, 32))
    samples = preview(split, n=16, seed=0)
    assert len(samples) == 16
    for image, label in samples:
        assert isinstance(image, np.ndarray) and image.dtype == np.uint8 and image.shape == (32, 32, 1)
        assert label in split.classes
    again = preview(split, n=16, seed=0)
    assert all(np.array_equal(a[0], b[0]) and a[1] == b[1] for a, b in zip(samples, again, strict=True))
    assert len(preview(split.val, n=10_000)) == len(split.val)


def test_preview_labels_name_the_classes_of_the_images_shown():
    split = open_dataset("digits", input_shape=(1, 8, 8))
    images, labels = load_digits()
    by_pixels = {}
    for image, label in zip(images, labels, strict=True):
        by_pixels.setdefault(image[0].numpy().tobytes(), set()).add(str(int(label)))
    for image, name in preview(split, n=12, seed=5):
        assert name in by_pixels[image[:, :, 0].tobytes()]


def test_unknown_spec_lists_the_valid_ones():
    with pytest.raises(DatasetError) as caught:
        open_dataset("imagenet", (3, 224, 224))
    message = str(caught.value)
    assert "imagenet" in message
    for spec in ("digits", "shapes:N", "mnist:DIR", "fashion-mnist:DIR", "cifar10:DIR", "folder:DIR"):
        assert spec in message


@pytest.mark.parametrize(
    ("spec", "words"),
    [("mnist", "needs a folder"), ("digits:abc", "takes no argument"), ("shapes:many", "whole number")],
)
def test_badly_formed_specs_say_what_is_wrong(spec, words):
    with pytest.raises(DatasetError, match=words):
        open_dataset(spec, (1, 32, 32))


def test_unusable_input_shapes_are_refused():
    with pytest.raises(DatasetError, match="1 \\(gray\\) or 3 \\(RGB\\)"):
        open_dataset("digits", (4, 32, 32))
    with pytest.raises(DatasetError, match="channels, height, width"):
        open_dataset("digits", (32, 32))


def test_dataset_kinds_describe_each_kind_for_the_gui():
    assert list(DATASET_KINDS) == ["digits", "shapes", "mnist", "fashion-mnist", "cifar10", "folder"]
    needs_folder = {k.id for k in DATASET_KINDS.values() if k.needs_folder}
    downloadable = {k.id for k in DATASET_KINDS.values() if k.downloadable}
    assert needs_folder == {"mnist", "fashion-mnist", "cifar10", "folder"}
    assert downloadable == {"mnist", "fashion-mnist", "cifar10"}
    for kind in DATASET_KINDS.values():
        assert kind.title and kind.description.endswith(".")


def test_importing_the_data_package_loads_neither_torch_nor_qt():
    code = "import sys, cnnstudio.data; print('torch' in sys.modules, 'PySide6' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]


def test_batch_rejects_indices_out_of_range():
    split = open_dataset("digits", (1, 32, 32))
    with pytest.raises(IndexError):
        split.val.batch(torch.tensor([len(split.val)]))


@pytest.fixture
def one_thread():
    """Small networks train faster on one thread than on two busy cores; restored afterwards."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.mark.slow
def test_lenet5_learns_the_digits_to_95_percent(one_thread):
    from cnnstudio.core.presets import preset
    from cnnstudio.model.build import build_module

    torch.manual_seed(0)
    split = open_dataset("digits", input_shape=(1, 32, 32), seed=0)
    net = build_module(preset("lenet5"), logits=True)
    optimizer = torch.optim.Adam(net.parameters(), 1e-3)
    generator = torch.Generator().manual_seed(0)
    for _ in range(8):
        net.train()
        for indices in torch.randperm(len(split.train), generator=generator).split(32):
            images, labels = split.train.batch(indices)
            loss = torch.nn.functional.cross_entropy(net(images), labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    net.eval()
    with torch.no_grad():
        images, labels = split.val.batch(torch.arange(len(split.val)))
        accuracy = (net(images).argmax(1) == labels).float().mean().item()
    assert accuracy >= 0.95
