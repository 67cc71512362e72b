"""The kinds of dataset CNN Studio can open, and how a dataset spec string names one.

A spec is ``KIND`` or ``KIND:ARGUMENT``: ``digits``, ``shapes``, ``shapes:5000``, ``mnist:DIR``,
``fashion-mnist:DIR``, ``cifar10:DIR`` and ``folder:DIR``. This module needs neither torch nor Qt,
so the GUI can list the kinds cheaply.
"""

from __future__ import annotations

from dataclasses import dataclass

from cnnstudio.data.base import DatasetError


@dataclass(frozen=True)
class DatasetKind:
    """One kind of dataset, described for a person choosing it.

    ``needs_folder`` says the spec must name a folder (``KIND:DIR``); ``downloadable`` says
    :func:`cnnstudio.data.download_dataset` can fetch its files; ``image_shape`` is the shape of
    its own images ``(C, H, W)`` (None where it varies).
    """

    id: str
    title: str
    description: str
    needs_folder: bool
    downloadable: bool
    image_shape: tuple[int, int, int] | None

    def spec(self, argument: str | None = None) -> str:
        """The spec string opening this kind with *argument* (a folder or a size)."""
        return self.id if argument is None else f"{self.id}:{argument}"


_KINDS = (
    DatasetKind(
        "digits",
        "Handwritten digits (bundled)",
        "1,797 small 8x8 handwritten digits from the UCI repository, shipped with CNN Studio.",
        needs_folder=False,
        downloadable=False,
        image_shape=(1, 8, 8),
    ),
    DatasetKind(
        "shapes",
        "Drawn shapes (generated)",
        "Ten kinds of shape drawn at random positions, sizes and colours, made at any image size.",
        needs_folder=False,
        downloadable=False,
        image_shape=None,
    ),
    DatasetKind(
        "mnist",
        "MNIST",
        "70,000 handwritten digits of 28x28 pixels, the classic benchmark LeNet-5 was built for.",
        needs_folder=True,
        downloadable=True,
        image_shape=(1, 28, 28),
    ),
    DatasetKind(
        "fashion-mnist",
        "Fashion-MNIST",
        "70,000 28x28 pictures of clothes in ten classes, a harder drop-in for MNIST.",
        needs_folder=True,
        downloadable=True,
        image_shape=(1, 28, 28),
    ),
    DatasetKind(
        "cifar10",
        "CIFAR-10",
        "60,000 small 32x32 colour photos of ten kinds of object and animal.",
        needs_folder=True,
        downloadable=True,
        image_shape=(3, 32, 32),
    ),
    DatasetKind(
        "folder",
        "Image folder",
        "Your own pictures: one subfolder per class, each holding PNG, JPEG, BMP or GIF images.",
        needs_folder=True,
        downloadable=False,
        image_shape=None,
    ),
)

DATASET_KINDS: dict[str, DatasetKind] = {kind.id: kind for kind in _KINDS}
"""Every dataset kind by id, in the order a menu should show them."""

DEFAULT_SHAPES_SIZE = 2500
"""Images in ``shapes`` when the spec gives no size: 2,000 for training and 500 for validation."""

MAX_SHAPES_SIZE = 1_000_000


def valid_specs() -> str:
    """The accepted spec forms, for error messages."""
    return "digits, shapes, shapes:N, mnist:DIR, fashion-mnist:DIR, cifar10:DIR, folder:DIR"


def parse_spec(spec: str) -> tuple[DatasetKind, str | None]:
    """Split *spec* into its kind and its argument (a folder or a size), checking the form.

    Raises :class:`DatasetError` for an unknown kind, a missing folder or a bad size.
    """
    text = spec.strip()
    kind_id, sep, argument = text.partition(":")
    kind = DATASET_KINDS.get(kind_id.strip().lower())
    if kind is None:
        raise DatasetError(f"Unknown dataset {spec!r}. Use one of: {valid_specs()}.")
    argument = argument.strip() if sep else None
    if kind.needs_folder and not argument:
        raise DatasetError(f"The {kind.title} dataset needs a folder: write {kind.id}:DIR.")
    if not kind.needs_folder and argument is not None:
        if kind.id != "shapes":
            raise DatasetError(f"The {kind.title} dataset takes no argument: write just {kind.id}.")
        shapes_size(argument)
    return kind, argument


def shapes_size(argument: str | None) -> int:
    """The number of images a ``shapes`` spec asks for (its default when *argument* is None)."""
    if argument is None:
        return DEFAULT_SHAPES_SIZE
    try:
        size = int(argument.replace(",", "").replace("_", ""))
    except ValueError:
        raise DatasetError(
            f"shapes:{argument} — the size must be a whole number such as shapes:5000."
        ) from None
    if not 20 <= size <= MAX_SHAPES_SIZE:
        raise DatasetError(f"shapes:{argument} — the size must be between 20 and {MAX_SHAPES_SIZE:,}.")
    return size
