"""CIFAR-10 from its binary files (1 label byte + 3,072 pixel bytes per record)."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from support.dataset_files import CIFAR_BATCH_FILES, CIFAR_RECORD, make_cifar_folder

from cnnstudio.data import DatasetError, open_dataset


def test_cifar_round_trip_with_the_test_batch_as_validation(tmp_path):
    written = make_cifar_folder(tmp_path)
    split = open_dataset(f"cifar10:{tmp_path}", input_shape=(3, 32, 32))
    assert (len(split.train), len(split.val)) == (20, 4)
    train_labels = np.concatenate([written[name][0] for name in CIFAR_BATCH_FILES[:5]])
    assert split.train.labels().tolist() == train_labels.tolist()
    test_labels, test_images = written["test_batch.bin"]
    assert split.val.labels().tolist() == test_labels.tolist()
    shown = split.val.display(torch.arange(4)).permute(0, 3, 1, 2).numpy()
    assert np.array_equal(shown, test_images)
    assert split.classes[0] == "airplane" and split.classes[9] == "truck"


def test_the_batches_folder_itself_can_be_chosen(tmp_path):
    make_cifar_folder(tmp_path)
    split = open_dataset(f"cifar10:{tmp_path / 'cifar-10-batches-bin'}", input_shape=(1, 28, 28))
    images, _ = split.train.batch(torch.arange(5))
    assert images.shape == (5, 1, 28, 28)


def test_gray_network_gets_the_luminance(tmp_path):
    written = make_cifar_folder(tmp_path)
    split = open_dataset(f"cifar10:{tmp_path}", input_shape=(1, 32, 32))
    _, test_images = written["test_batch.bin"]
    expected = np.rint(np.tensordot([0.299, 0.587, 0.114], test_images.astype(np.float64), axes=([0], [1])))
    shown = split.val.display(torch.arange(4))[..., 0].numpy().astype(np.float64)
    assert np.abs(shown - expected).max() <= 1


def test_class_names_come_from_batches_meta(tmp_path):
    names = [f"thing{i}" for i in range(10)]
    make_cifar_folder(tmp_path, meta="\n".join(names) + "\n\n")
    assert open_dataset(f"cifar10:{tmp_path}", (3, 32, 32)).classes == names


def test_a_cut_file_is_named_with_its_size(tmp_path):
    make_cifar_folder(tmp_path)
    path = tmp_path / "cifar-10-batches-bin" / "data_batch_3.bin"
    path.write_bytes(path.read_bytes()[: CIFAR_RECORD * 2 + 100])
    with pytest.raises(DatasetError) as caught:
        open_dataset(f"cifar10:{tmp_path}", (3, 32, 32))
    message = str(caught.value)
    assert "data_batch_3.bin is cut short" in message
    assert "6,246 bytes" in message and "3,073-byte records" in message


def test_a_missing_batch_is_named(tmp_path):
    make_cifar_folder(tmp_path)
    (tmp_path / "cifar-10-batches-bin" / "data_batch_5.bin").unlink()
    with pytest.raises(DatasetError, match=r"data_batch_5\.bin is missing"):
        open_dataset(f"cifar10:{tmp_path}", (3, 32, 32))


def test_a_label_out_of_range(tmp_path):
    make_cifar_folder(tmp_path)
    path = tmp_path / "cifar-10-batches-bin" / "test_batch.bin"
    data = bytearray(path.read_bytes())
    data[CIFAR_RECORD * 2] = 10  # the label byte of the third record
    path.write_bytes(bytes(data))
    with pytest.raises(
        DatasetError, match=r"test_batch\.bin has the label 10 in record 2; labels must be 0 to 9"
    ):
        open_dataset(f"cifar10:{tmp_path}", (3, 32, 32))


def test_a_folder_without_cifar_files(tmp_path):
    with pytest.raises(DatasetError, match="No CIFAR-10 files"):
        open_dataset(f"cifar10:{tmp_path}", (3, 32, 32))
