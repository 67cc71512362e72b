"""The procedural shapes dataset: sizes, determinism, memory use at 224x224x3, and that it can be learned."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from cnnstudio.data import adapt, open_dataset
from cnnstudio.data.shapes import SHAPE_CLASSES, ShapeRenderer, shape_table


def test_default_size_is_2000_training_and_500_validation_images():
    split = open_dataset("shapes", (3, 32, 32))
    assert (len(split.train), len(split.val)) == (2000, 500)
    assert split.classes == SHAPE_CLASSES and len(SHAPE_CLASSES) == 10
    assert torch.bincount(split.val.labels(), minlength=10).tolist() == [50] * 10


def test_size_in_the_spec():
    split = open_dataset("shapes:5000", (1, 32, 32), val_fraction=0.1)
    assert (len(split.train), len(split.val)) == (4500, 500)
    assert split.spec == "shapes:5000"


def test_same_seed_same_pixels_other_seed_other_pixels():
    first = open_dataset("shapes:200", (3, 32, 32), seed=4).train.display(torch.arange(10))
    again = open_dataset("shapes:200", (3, 32, 32), seed=4).train.display(torch.arange(10))
    other = open_dataset("shapes:200", (3, 32, 32), seed=5).train.display(torch.arange(10))
    assert torch.equal(first, again)
    assert not torch.equal(first, other)


def test_an_image_is_the_same_whichever_batch_asks_for_it():
    split = open_dataset("shapes:200", (3, 32, 32))
    alone = split.train.batch(torch.tensor([17]))[0]
    among_others = split.train.batch(torch.tensor([3, 17, 99]))[0][1:2]
    assert torch.equal(alone, among_others)


def test_224x224x3_is_drawn_per_batch_when_too_big_to_cache(monkeypatch):
    cached = open_dataset("shapes:100", (3, 224, 224))
    monkeypatch.setattr(adapt, "CACHE_LIMIT_BYTES", 1_000_000)
    uncached = open_dataset("shapes:100", (3, 224, 224))
    assert cached.train._cache is not None
    assert uncached.train._cache is None
    images, labels = uncached.train.batch(torch.tensor([0, 5, 9]))
    assert images.shape == (3, 3, 224, 224) and labels.shape == (3,)
    assert torch.equal(uncached.train.display(torch.tensor([5])), cached.train.display(torch.tensor([5])))


def test_any_channel_count_and_size():
    split = open_dataset("shapes:100", (2, 20, 36))
    images, _ = split.train.batch(torch.arange(4))
    assert images.shape == (4, 2, 20, 36)


def test_gray_shapes_are_the_luminance_of_the_colour_ones():
    colour = open_dataset("shapes:100", (3, 32, 32)).train.display(torch.arange(8)).float()
    gray = open_dataset("shapes:100", (1, 32, 32)).train.display(torch.arange(8)).float()
    luminance = colour @ torch.tensor([0.299, 0.587, 0.114])
    # Noise is drawn per channel, so compare 4x4 averages, where it mostly cancels out.
    pooled_luminance = nn.functional.avg_pool2d(luminance.unsqueeze(1), 4)
    pooled_gray = nn.functional.avg_pool2d(gray.permute(0, 3, 1, 2), 4)
    assert (pooled_luminance - pooled_gray).abs().mean() < 6


def _centre_and_edge(kind: int) -> tuple[float, float, float]:
    """Brightness at the centre, at a point halfway out and in a corner of an untilted shape."""
    params = torch.full((1, 16), 0.5)
    params[0, 3] = 0.5  # no tilt
    params[0, 4] = 0.0  # dark background, light shape
    params[0, 7] = 0.0  # least noise
    image = ShapeRenderer((1, 64, 64), seed=0).render(params, torch.tensor([kind]))[0, 0].float()
    return float(image[32, 32]), float(image[32, 48]), float(image[2, 2])


def test_shapes_with_a_hole_are_dark_in_the_middle():
    for name in ("ring", "frame"):
        centre, _, corner = _centre_and_edge(SHAPE_CLASSES.index(name))
        assert abs(centre - corner) < 40, name
    for name in ("circle", "square", "plus", "cross", "diamond"):
        centre, _, corner = _centre_and_edge(SHAPE_CLASSES.index(name))
        assert centre - corner > 100, name


def test_bars_differ_by_orientation():
    # Halfway out to the right (x = 48) is inside a horizontal bar but outside a vertical one.
    _, right_of_h, corner = _centre_and_edge(SHAPE_CLASSES.index("horizontal bar"))
    _, right_of_v, _ = _centre_and_edge(SHAPE_CLASSES.index("vertical bar"))
    assert right_of_h - corner > 100
    assert abs(right_of_v - corner) < 40


def test_labels_are_balanced_and_table_rows_do_not_depend_on_the_size():
    small_table, small_labels = shape_table(100, seed=1)
    big_table, _ = shape_table(1000, seed=1)
    assert torch.bincount(small_labels).tolist() == [10] * 10
    assert torch.equal(small_table, big_table[:100])


@pytest.fixture
def one_thread():
    """Small networks train faster on one thread than on two busy cores; restored afterwards."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def test_a_small_cnn_learns_shapes_well_above_chance(one_thread):
    torch.manual_seed(0)
    split = open_dataset("shapes", (3, 32, 32), seed=0)
    net = nn.Sequential(
        nn.Conv2d(3, 16, 3, padding=1),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(32 * 8 * 8, 64),
        nn.ReLU(),
        nn.Linear(64, 10),
    )
    optimizer = torch.optim.Adam(net.parameters(), 3e-3)
    generator = torch.Generator().manual_seed(0)
    for _ in range(4):
        for indices in torch.randperm(len(split.train), generator=generator).split(32):
            images, labels = split.train.batch(indices)
            loss = nn.functional.cross_entropy(net(images), labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    with torch.no_grad():
        images, labels = split.val.batch(torch.arange(len(split.val)))
        accuracy = (net(images).argmax(1) == labels).float().mean().item()
    assert accuracy > 0.5  # chance is 0.1
