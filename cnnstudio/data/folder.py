"""Your own images: a folder with one subfolder per class, each holding image files.

Images are decoded with Qt's ``QImage`` (PNG, JPEG, BMP, GIF and the other formats Qt's image
plugins read), which needs no display and no ``QApplication``. PySide6 is imported lazily,
inside the functions that decode, so importing :mod:`cnnstudio.data` never loads Qt. Each image
is cropped to the network input's aspect ratio around its centre, resized (bilinear,
antialiased) and converted to gray or RGB; transparent pixels are shown over white.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import torch

from cnnstudio.data.adapt import AdaptedImageSet, Normalization, fit_uint8, stratified_split
from cnnstudio.data.base import DatasetError, DataSplit

IMAGE_SUFFIXES = frozenset(
    {".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff", ".ppm", ".pgm", ".pbm"}
)


def _is_image_name(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in IMAGE_SUFFIXES and not path.name.startswith(".")


def scan_class_folders(root: Path) -> tuple[list[str], list[Path], torch.Tensor]:
    """``(classes, image paths, labels)``: one class per subfolder holding images, sorted by name."""
    if not root.is_dir():
        raise DatasetError(f"The folder {root} does not exist.")
    subfolders = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    if not subfolders:
        raise DatasetError(
            f"The folder {root} has no class subfolders: put each class's images in a subfolder "
            f"named after the class, such as {root / 'cat'} and {root / 'dog'}."
        )
    classes, paths, labels = [], [], []
    for folder in subfolders:
        images = sorted(p for p in folder.iterdir() if _is_image_name(p))
        if not images:
            continue
        labels += [len(classes)] * len(images)
        classes.append(folder.name)
        paths += images
    if len(classes) < 2:
        found = f"only {classes[0]!r} has" if classes else "none of its subfolders has"
        raise DatasetError(
            f"The folder {root} needs at least two class subfolders with images "
            f"({', '.join(sorted(IMAGE_SUFFIXES))}); {found} any."
        )
    return classes, paths, torch.tensor(labels, dtype=torch.int64)


def check_readable(paths: list[Path], root: Path) -> None:
    """Raise a :class:`DatasetError` naming the first file Qt cannot read as an image."""
    from PySide6.QtGui import QImageReader

    for path in paths:
        reader = QImageReader(str(path))
        if not reader.canRead():
            reason = reader.errorString() or "unknown format"
            raise DatasetError(f"{path.relative_to(root)} cannot be read as an image ({reason}).")


def decode_image(path: Path, name: str) -> torch.Tensor:
    """uint8 ``3 x H x W`` RGB pixels of the image at *path* (transparency over white)."""
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    if image.isNull():
        raise DatasetError(f"{name} cannot be read as an image: the file is damaged or not a picture.")
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    height, width, stride = image.height(), image.width(), image.bytesPerLine()
    rows = np.frombuffer(image.constBits(), dtype=np.uint8, count=height * stride).reshape(height, stride)
    rgba = rows[:, : width * 4].reshape(height, width, 4).astype(np.float32)
    alpha = rgba[:, :, 3:] / 255.0
    rgb = rgba[:, :, :3] * alpha + 255.0 * (1.0 - alpha)
    return torch.from_numpy(np.rint(rgb).astype(np.uint8)).permute(2, 0, 1).contiguous()


def centre_crop(image: torch.Tensor, height: int, width: int) -> torch.Tensor:
    """The largest centred part of a ``C x h x w`` image with the aspect ratio ``height : width``."""
    _, h, w = image.shape
    if h * width > w * height:
        keep = max(1, round(w * height / width))
        top = (h - keep) // 2
        return image[:, top : top + keep, :]
    keep = max(1, round(h * width / height))
    left = (w - keep) // 2
    return image[:, :, left : left + keep]


class FolderImageSet(AdaptedImageSet):
    """Image files decoded as batches ask for them (and cached when the whole set is small)."""

    def __init__(
        self,
        paths: list[Path],
        root: Path,
        labels: torch.Tensor,
        classes: list[str],
        input_shape: tuple[int, int, int],
        normalization: Normalization | None = None,
    ) -> None:
        self.paths = list(paths)
        self.root = root
        super().__init__(labels, classes, input_shape, normalization)

    def adapt(self, indices: torch.Tensor) -> torch.Tensor:
        _, height, width = self.input_shape
        out = torch.empty((len(indices), *self.input_shape), dtype=torch.uint8)
        for row, index in enumerate(indices.tolist()):
            path = self.paths[index]
            pixels = centre_crop(decode_image(path, str(path.relative_to(self.root))), height, width)
            out[row] = fit_uint8(pixels.unsqueeze(0), self.input_shape)[0]
        return out


def open_folder(folder: str, input_shape: tuple[int, int, int], seed: int, val_fraction: float) -> DataSplit:
    """The images under *folder* (a subfolder per class), split (seeded, per class) for validation."""
    root = Path(folder).expanduser()
    classes, paths, labels = scan_class_folders(root)
    check_readable(paths, root)
    train_idx, val_idx = stratified_split(labels, val_fraction, seed)
    train = FolderImageSet([paths[i] for i in train_idx], root, labels[train_idx], classes, input_shape)
    val_paths = [paths[i] for i in val_idx]
    val = FolderImageSet(val_paths, root, labels[val_idx], classes, input_shape, train.normalization)
    return DataSplit(root.name or str(root), f"folder:{folder}", train, val)
