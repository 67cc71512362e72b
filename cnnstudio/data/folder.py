"""Your own images: a folder with one subfolder per class, each holding image files.

Images are read with Pillow, the field's usual image reader (PNG, JPEG, BMP, GIF, WebP, TIFF and
the PPM family). Opening the folder checks every file first: its header must name a picture no
larger than :data:`MAX_PIXELS` (a PNG whose header claims 60000x60000 pixels is refused before a
byte of it is inflated) and, for the formats Pillow can verify without decoding (PNG), every
chunk's checksum must hold, so a cut-off or damaged file is named when the dataset opens rather
than in the middle of a run. A file that still fails when its pixels are decoded gives a
:class:`~cnnstudio.data.base.DatasetError` naming it. Each image is cropped to the network input's
aspect ratio around its centre, resized (bilinear, antialiased) and converted to gray or RGB;
transparent pixels are shown over white.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np
import torch
from PIL import Image, ImageOps

from cnnstudio.data.adapt import AdaptedImageSet, Normalization, fit_uint8, stratified_split
from cnnstudio.data.base import DatasetError, DataSplit

IMAGE_SUFFIXES = frozenset(
    {".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff", ".ppm", ".pgm", ".pbm"}
)
MAX_PIXELS = 64_000_000
"""Images claiming more pixels than this (64 megapixels, beyond any camera's photo) are refused."""

# What Pillow raises for a file that is not a (whole) picture: unknown or damaged headers
# (UnidentifiedImageError is an OSError), cut-off data, bad chunk checksums, decompression bombs.
_UNREADABLE = (
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    struct.error,
    zlib.error,
    Image.DecompressionBombError,
    Image.DecompressionBombWarning,
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


def _unreadable(name: str, error: BaseException) -> DatasetError:
    if isinstance(error, Image.DecompressionBombError | Image.DecompressionBombWarning):
        detail = "its header claims far more pixels than any photo has"
    elif isinstance(error, Image.UnidentifiedImageError):
        detail = "not a picture in a format CNN Studio reads"
    else:
        detail = f"the file is damaged or cut short: {error}".rstrip(": ")
    return DatasetError(f"{name} cannot be read as an image ({detail}). Remove or replace it.")


def _open_checked(path: Path, name: str) -> Image.Image:
    """The image at *path* opened lazily (only its header read), refused if it claims too many pixels."""
    try:
        image = Image.open(path)
    except _UNREADABLE as error:
        raise _unreadable(name, error) from None
    width, height = image.size
    if width < 1 or height < 1 or width * height > MAX_PIXELS:
        image.close()
        raise DatasetError(
            f"{name} cannot be used: its header says {width:,}x{height:,} pixels, more than the "
            f"{MAX_PIXELS // 1_000_000} megapixels CNN Studio reads. Remove it or make it smaller."
        )
    return image


def check_readable(paths: list[Path], root: Path) -> None:
    """Raise a :class:`DatasetError` naming the first file that is not a whole, sensible picture.

    Reads every header; PNG files are verified chunk by chunk (checksums, nothing inflated).
    """
    for path in paths:
        name = str(path.relative_to(root))
        with _open_checked(path, name) as image:
            try:
                image.verify()
            except _UNREADABLE as error:
                raise _unreadable(name, error) from None


def decode_image(path: Path, name: str, size: tuple[int, int] | None = None) -> torch.Tensor:
    """uint8 ``3 x H x W`` RGB pixels of the image at *path* (transparency over white).

    *size* ``(width, height)``, when given, lets a JPEG decode at a reduced scale no smaller
    than it (much faster for photos).
    """
    with _open_checked(path, name) as image:
        try:
            if size is not None and image.format == "JPEG":
                image.draft("RGB", size)
            image.load()
            upright = ImageOps.exif_transpose(image)
            rgba = np.asarray(upright.convert("RGBA"), dtype=np.float32)
        except _UNREADABLE as error:
            raise _unreadable(name, error) from None
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

    quick_to_adapt = False  # decoding photos: never all at once before the first step

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
            decoded = decode_image(path, str(path.relative_to(self.root)), (width, height))
            pixels = centre_crop(decoded, height, width)
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
