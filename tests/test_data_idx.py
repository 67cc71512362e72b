"""MNIST and Fashion-MNIST from IDX files (gzipped or raw), and what broken files are told to be."""

from __future__ import annotations

import gzip
import struct

import numpy as np
import pytest
import torch
from support.dataset_files import idx_bytes, make_mnist_folder, write_idx

from cnnstudio.data import DatasetError, open_dataset
from cnnstudio.data.idx import FASHION_CLASSES


@pytest.mark.parametrize("gz", [True, False])
def test_idx_round_trip(tmp_path, gz):
    arrays = make_mnist_folder(tmp_path, gz=gz)
    split = open_dataset(f"mnist:{tmp_path}", input_shape=(1, 28, 28))
    assert (len(split.train), len(split.val)) == (30, 12)
    shown = split.train.display(torch.arange(30))[..., 0].numpy()
    assert np.array_equal(shown, arrays["train-images-idx3-ubyte"])
    assert split.train.labels().tolist() == arrays["train-labels-idx1-ubyte"].tolist()
    assert np.array_equal(
        split.val.display(torch.arange(12))[..., 0].numpy(), arrays["t10k-images-idx3-ubyte"]
    )
    assert split.val.labels().tolist() == arrays["t10k-labels-idx1-ubyte"].tolist()
    assert split.classes == [str(d) for d in range(10)]


def test_mixed_gz_and_raw_files_in_a_torchvision_style_raw_folder(tmp_path):
    arrays = make_mnist_folder(tmp_path / "MNIST" / "raw", gz=True)
    (tmp_path / "MNIST" / "raw" / "t10k-labels-idx1-ubyte.gz").unlink()
    write_idx(tmp_path / "MNIST" / "raw" / "t10k-labels-idx1-ubyte", arrays["t10k-labels-idx1-ubyte"])
    split = open_dataset(f"mnist:{tmp_path}", input_shape=(1, 32, 32))
    images, labels = split.val.batch(torch.arange(12))
    assert images.shape == (12, 1, 32, 32)
    assert labels.tolist() == arrays["t10k-labels-idx1-ubyte"].tolist()


def test_fashion_mnist_names_its_classes_and_adapts_to_rgb(tmp_path):
    make_mnist_folder(tmp_path)
    split = open_dataset(f"fashion-mnist:{tmp_path}", input_shape=(3, 64, 64))
    assert split.classes[0] == "T-shirt/top" and split.classes[9] == "Ankle boot"
    assert split.classes == FASHION_CLASSES
    shown = split.train.display(torch.arange(3))
    assert shown.shape == (3, 64, 64, 3)
    assert torch.equal(shown[..., 0], shown[..., 2])


def test_a_missing_file_is_named(tmp_path):
    make_mnist_folder(tmp_path)
    (tmp_path / "t10k-labels-idx1-ubyte.gz").unlink()
    with pytest.raises(DatasetError, match=r"t10k-labels-idx1-ubyte\.gz is missing"):
        open_dataset(f"mnist:{tmp_path}", (1, 28, 28))


def test_a_missing_folder_is_named(tmp_path):
    with pytest.raises(DatasetError, match="does not exist"):
        open_dataset(f"mnist:{tmp_path / 'nowhere'}", (1, 28, 28))


def test_a_truncated_images_file_says_how_many_bytes_were_expected(tmp_path):
    make_mnist_folder(tmp_path)
    # A header claiming the real 60,000 training images, followed by only 1,024 bytes.
    header = bytes((0, 0, 8, 3)) + struct.pack(">3I", 60000, 28, 28)
    (tmp_path / "train-images-idx3-ubyte.gz").write_bytes(gzip.compress(header + bytes(1024)))
    with pytest.raises(DatasetError) as caught:
        open_dataset(f"mnist:{tmp_path}", (1, 28, 28))
    message = str(caught.value)
    assert "train-images-idx3-ubyte.gz is cut short" in message
    assert "47,040,016 bytes" in message  # 16-byte header + 60,000 x 28 x 28
    assert "found 1,040" in message


def test_a_cut_gzip_stream_is_reported(tmp_path):
    make_mnist_folder(tmp_path)
    path = tmp_path / "train-labels-idx1-ubyte.gz"
    path.write_bytes(path.read_bytes()[:20])
    with pytest.raises(DatasetError, match=r"train-labels-idx1-ubyte\.gz is not a complete gzip file"):
        open_dataset(f"mnist:{tmp_path}", (1, 28, 28))


def test_a_file_with_the_wrong_magic_number(tmp_path):
    arrays = make_mnist_folder(tmp_path)
    # The labels written where the images should be: a labels file's magic is 00 00 08 01.
    write_idx(tmp_path / "train-images-idx3-ubyte.gz", arrays["train-labels-idx1-ubyte"])
    with pytest.raises(DatasetError) as caught:
        open_dataset(f"mnist:{tmp_path}", (1, 28, 28))
    assert "train-images-idx3-ubyte.gz is not an IDX images file" in str(caught.value)
    assert "00 00 08 01" in str(caught.value) and "00 00 08 03" in str(caught.value)


def test_labels_and_images_count_mismatch(tmp_path):
    make_mnist_folder(tmp_path)
    write_idx(tmp_path / "train-labels-idx1-ubyte.gz", np.zeros(60000, dtype=np.uint8))
    write_idx(tmp_path / "train-images-idx3-ubyte.gz", np.zeros((10000, 2, 2), dtype=np.uint8))
    with pytest.raises(DatasetError) as caught:
        open_dataset(f"mnist:{tmp_path}", (1, 28, 28))
    assert "has 60,000 labels but the images file train-images-idx3-ubyte.gz has 10,000 images" in str(
        caught.value
    )


def test_a_label_out_of_range(tmp_path):
    arrays = make_mnist_folder(tmp_path)
    labels = arrays["t10k-labels-idx1-ubyte"].copy()
    labels[7] = 12
    write_idx(tmp_path / "t10k-labels-idx1-ubyte.gz", labels)
    with pytest.raises(DatasetError) as caught:
        open_dataset(f"mnist:{tmp_path}", (1, 28, 28))
    message = str(caught.value)
    assert "t10k-labels-idx1-ubyte.gz has the label 12 for image 7" in message
    assert "0 to 9" in message


def test_a_file_longer_than_its_header_says(tmp_path):
    make_mnist_folder(tmp_path)
    data = idx_bytes(np.zeros(30, dtype=np.uint8)) + b"extra"
    (tmp_path / "train-labels-idx1-ubyte.gz").write_bytes(gzip.compress(data))
    with pytest.raises(DatasetError, match="longer than its header says"):
        open_dataset(f"mnist:{tmp_path}", (1, 28, 28))


def test_an_idx_file_holding_no_images_is_a_dataset_error_not_a_failed_run(tmp_path):
    make_mnist_folder(tmp_path)
    write_idx(tmp_path / "train-images-idx3-ubyte.gz", np.zeros((0, 28, 28), dtype=np.uint8))
    write_idx(tmp_path / "train-labels-idx1-ubyte.gz", np.zeros(0, dtype=np.uint8))
    with pytest.raises(DatasetError, match=r"train-images-idx3-ubyte\.gz holds no images"):
        open_dataset(f"mnist:{tmp_path}", (1, 28, 28))


def test_an_empty_raw_file_is_not_an_idx_file(tmp_path):
    make_mnist_folder(tmp_path, gz=False)
    (tmp_path / "t10k-images-idx3-ubyte").write_bytes(b"")
    with pytest.raises(DatasetError, match="starts with nothing"):
        open_dataset(f"mnist:{tmp_path}", (1, 28, 28))


def gzip_bomb(header: bytes, members: int) -> bytes:
    """*header* then *members* x 16 MiB of zeros, as concatenated gzip members (16 KiB each)."""
    zeros = gzip.compress(bytes(2**24), compresslevel=9)
    return gzip.compress(header) + zeros * members


def test_a_small_gzip_that_inflates_to_gigabytes_is_refused_with_bounded_memory(tmp_path):
    import tracemalloc

    make_mnist_folder(tmp_path)
    header = bytes((0, 0, 8, 3)) + struct.pack(">3I", 60000, 28, 28)  # 47 MB of images follow
    bomb = gzip_bomb(header, members=150)  # 2.4 GB once inflated
    assert len(bomb) < 3_000_000
    (tmp_path / "train-images-idx3-ubyte.gz").write_bytes(bomb)
    tracemalloc.start()
    try:
        with pytest.raises(DatasetError, match="longer than its header says"):
            open_dataset(f"mnist:{tmp_path}", (1, 28, 28))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 200 * 2**20  # the 47 MB the header announced, not the 2.4 GB


def test_a_header_claiming_more_than_the_ceiling_is_refused_before_reading(tmp_path):
    make_mnist_folder(tmp_path)
    header = bytes((0, 0, 8, 3)) + struct.pack(">3I", 4_000_000_000, 28, 28)
    (tmp_path / "train-images-idx3-ubyte.gz").write_bytes(gzip_bomb(header, members=4))
    with pytest.raises(DatasetError, match=r"claims 4,000,000,000 images of 28x28.*more than the"):
        open_dataset(f"mnist:{tmp_path}", (1, 28, 28))
