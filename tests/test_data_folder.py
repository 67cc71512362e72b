"""Image folders: one subfolder per class, read with Pillow; broken and hostile files are refused."""

from __future__ import annotations

import struct
import subprocess
import sys
import zlib
from pathlib import Path

import numpy as np
import pytest
import torch

from cnnstudio.data import DatasetError, open_dataset


def png_bytes(pixels: np.ndarray) -> bytes:
    """A PNG file written by hand from the PNG specification: gray (H x W), RGB or RGBA (H x W x C)."""
    pixels = np.ascontiguousarray(pixels, dtype=np.uint8)
    colour_type = {1: 0, 3: 2, 4: 6}[1 if pixels.ndim == 2 else pixels.shape[2]]
    height, width = pixels.shape[:2]
    raw = b"".join(b"\x00" + row.tobytes() for row in pixels.reshape(height, -1))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def save_with_pillow(path: Path, rgb: np.ndarray, fmt: str) -> None:
    from PIL import Image

    Image.fromarray(np.ascontiguousarray(rgb, dtype=np.uint8), "RGB").save(path, fmt)


def solid(height: int, width: int, colour: tuple[int, int, int]) -> np.ndarray:
    return np.broadcast_to(np.array(colour, dtype=np.uint8), (height, width, 3)).copy()


def make_folder(root: Path) -> Path:
    """red/ (5 PNGs via Pillow, 1 JPEG), blue/ (6 hand-written PNGs), an empty subfolder and a stray file."""
    (root / "red").mkdir(parents=True)
    (root / "blue").mkdir()
    (root / "empty").mkdir()
    (root / "notes.txt").write_text("not a class")
    for i in range(5):
        save_with_pillow(root / "red" / f"r{i}.png", solid(10 + i, 20, (255, 0, 0)), "PNG")
    save_with_pillow(root / "red" / "r5.jpg", solid(16, 16, (255, 0, 0)), "JPEG")
    for i in range(6):
        (root / "blue" / f"b{i}.png").write_bytes(png_bytes(solid(20, 10 + i, (0, 0, 255))))
    return root


def test_classes_are_the_subfolders_with_images(tmp_path):
    split = open_dataset(f"folder:{make_folder(tmp_path)}", input_shape=(3, 16, 16), val_fraction=0.34)
    assert split.classes == ["blue", "red"]
    assert len(split.train) + len(split.val) == 12
    assert torch.bincount(split.val.labels(), minlength=2).tolist() == [2, 2]


def test_pixels_are_decoded_and_resized(tmp_path):
    split = open_dataset(f"folder:{make_folder(tmp_path)}", input_shape=(3, 8, 8), val_fraction=0.2)
    shown = split.train.display(torch.arange(len(split.train))).reshape(len(split.train), -1, 3)
    labels = split.train.labels()
    blue, red = shown[labels == 0].float(), shown[labels == 1].float()
    assert shown.shape[1] == 64
    assert torch.allclose(blue.mean(dim=(0, 1)), torch.tensor([0.0, 0.0, 255.0]), atol=1)
    # JPEG may shift a pure red a little.
    assert torch.allclose(red.mean(dim=(0, 1)), torch.tensor([255.0, 0.0, 0.0]), atol=8)


def test_gray_network_gets_bt601_luminance(tmp_path):
    split = open_dataset(f"folder:{make_folder(tmp_path)}", input_shape=(1, 4, 4))
    shown = split.train.display(torch.arange(len(split.train)))[..., 0]
    blue = shown[split.train.labels() == 0]
    assert torch.all(blue == round(0.114 * 255))  # 29


def test_wide_images_are_cropped_around_the_centre_not_squashed(tmp_path):
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        # 60 wide, 20 high: black, white, black thirds. The centred square is all white.
        pixels = np.zeros((20, 60), dtype=np.uint8)
        pixels[:, 20:40] = 255
        for i in range(2):
            (tmp_path / name / f"{i}.png").write_bytes(png_bytes(pixels))
    split = open_dataset(f"folder:{tmp_path}", input_shape=(1, 8, 8), val_fraction=0.5)
    assert torch.all(split.train.display(torch.arange(len(split.train))) == 255)


def test_transparent_pixels_are_shown_over_white(tmp_path):
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        rgba = np.zeros((8, 8, 4), dtype=np.uint8)  # black, fully transparent
        for i in range(2):
            (tmp_path / name / f"{i}.png").write_bytes(png_bytes(rgba))
    split = open_dataset(f"folder:{tmp_path}", input_shape=(3, 8, 8), val_fraction=0.5)
    assert torch.all(split.train.display(torch.arange(len(split.train))) == 255)


def test_large_input_batches_and_preview(tmp_path):
    from cnnstudio.data import preview

    split = open_dataset(f"folder:{make_folder(tmp_path)}", input_shape=(3, 224, 224))
    images, labels = split.train.batch(torch.tensor([0, 1]))
    assert images.shape == (2, 3, 224, 224) and labels.dtype == torch.int64
    samples = preview(split, n=4)
    assert len(samples) == 4
    assert all(image.shape == (224, 224, 3) and label in ("red", "blue") for image, label in samples)


def test_a_missing_folder(tmp_path):
    with pytest.raises(DatasetError, match="does not exist"):
        open_dataset(f"folder:{tmp_path / 'missing'}", (3, 32, 32))


def test_a_folder_without_class_subfolders(tmp_path):
    (tmp_path / "cat.png").write_bytes(png_bytes(solid(4, 4, (1, 2, 3))))
    with pytest.raises(DatasetError, match="has no class subfolders"):
        open_dataset(f"folder:{tmp_path}", (3, 32, 32))


def test_a_single_class_is_not_enough(tmp_path):
    (tmp_path / "cat").mkdir()
    (tmp_path / "dog").mkdir()
    (tmp_path / "cat" / "1.png").write_bytes(png_bytes(solid(4, 4, (1, 2, 3))))
    with pytest.raises(DatasetError, match=r"at least two class subfolders with images.*only 'cat' has"):
        open_dataset(f"folder:{tmp_path}", (3, 32, 32))


def test_a_file_that_is_not_an_image_is_named(tmp_path):
    make_folder(tmp_path)
    (tmp_path / "blue" / "broken.png").write_bytes(b"this is not a picture")
    with pytest.raises(DatasetError) as caught:
        open_dataset(f"folder:{tmp_path}", (3, 32, 32))
    assert str(Path("blue") / "broken.png") in str(caught.value)
    assert "cannot be read as an image" in str(caught.value)


def test_a_damaged_png_is_refused_when_the_folder_opens(tmp_path):
    make_folder(tmp_path)
    good = png_bytes(solid(20, 20, (0, 0, 255)))
    # The header is intact (so the file looks like a PNG) but the pixel data is garbage.
    (tmp_path / "blue" / "damaged.png").write_bytes(good[:41] + b"\x00" * 40 + good[-12:])
    with pytest.raises(DatasetError, match=r"damaged\.png cannot be read as an image \(the file is damaged"):
        open_dataset(f"folder:{tmp_path}", (3, 32, 32), val_fraction=0.2)


def test_a_truncated_png_is_refused_when_the_folder_opens(tmp_path):
    make_folder(tmp_path)
    whole = png_bytes(np.arange(64 * 64 * 3, dtype=np.uint8).reshape(64, 64, 3))
    (tmp_path / "red" / "cut.png").write_bytes(whole[: len(whole) // 2])
    with pytest.raises(DatasetError, match=r"cut\.png cannot be read as an image"):
        open_dataset(f"folder:{tmp_path}", (3, 32, 32))


def test_a_png_whose_header_claims_60000x60000_is_refused_before_decoding(tmp_path):
    make_folder(tmp_path)
    tiny = png_bytes(solid(2, 2, (0, 0, 255)))
    header = struct.pack(">IIBBBBB", 60_000, 60_000, 8, 2, 0, 0, 0)
    ihdr = struct.pack(">I", 13) + b"IHDR" + header + struct.pack(">I", zlib.crc32(b"IHDR" + header))
    (tmp_path / "blue" / "bomb.png").write_bytes(tiny[:8] + ihdr + tiny[33:])
    with pytest.raises(DatasetError, match=r"bomb\.png cannot be read as an image \(its header claims"):
        open_dataset(f"folder:{tmp_path}", (3, 32, 32))


def test_a_large_header_below_pillows_guard_is_refused_by_ours(tmp_path):
    make_folder(tmp_path)
    tiny = png_bytes(solid(2, 2, (0, 0, 255)))
    header = struct.pack(">IIBBBBB", 9_000, 8_000, 8, 2, 0, 0, 0)  # 72 megapixels
    ihdr = struct.pack(">I", 13) + b"IHDR" + header + struct.pack(">I", zlib.crc32(b"IHDR" + header))
    (tmp_path / "blue" / "huge.png").write_bytes(tiny[:8] + ihdr + tiny[33:])
    with pytest.raises(DatasetError, match=r"huge\.png cannot be used: its header says 9,000x8,000 pixels"):
        open_dataset(f"folder:{tmp_path}", (3, 32, 32))


def test_a_truncated_jpeg_is_named_when_it_is_decoded(tmp_path):
    make_folder(tmp_path)
    photo = tmp_path / "red" / "photo.jpg"
    noise = np.random.default_rng(0).integers(0, 256, (256, 256, 3), dtype=np.uint8)
    save_with_pillow(photo, noise, "JPEG")
    whole = photo.read_bytes()
    photo.write_bytes(whole[: len(whole) // 2])  # the header is whole; Pillow cannot verify a JPEG's data
    split = open_dataset(f"folder:{tmp_path}", (3, 32, 32), val_fraction=0.2)
    with pytest.raises(DatasetError, match=r"photo\.jpg cannot be read as an image \(the file is damaged"):
        for part in (split.train, split.val):
            for indices in torch.arange(len(part)).split(4):
                part.batch(indices)


def test_qt_is_never_imported_to_read_a_folder(tmp_path):
    make_folder(tmp_path)
    code = (
        "import sys\n"
        "from cnnstudio.data import open_dataset\n"
        f"open_dataset({f'folder:{tmp_path}'!r}, (3, 8, 8)).train.batch(__import__('torch').arange(2))\n"
        "print('PySide6' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False"]
