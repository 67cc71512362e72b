"""Downloading dataset files: progress, checksums, cancelling and resuming, served from 127.0.0.1."""

from __future__ import annotations

import gzip
import io
import socket
import tarfile
from pathlib import Path

import pytest
from support.dataset_files import make_cifar_folder
from support.downloads import checksums_of, serve_mnist, sha256

from cnnstudio.data import DatasetError, DownloadCancelled, download_dataset, open_dataset
from cnnstudio.data.download import CHUNK_BYTES, OFFICIAL_FILES, extract_tar_safely


def test_download_reports_progress_and_gives_a_folder_open_dataset_reads(file_server, tmp_path):
    files = serve_mnist(file_server)
    calls: list[tuple[int, int]] = []
    folder = download_dataset(
        "mnist",
        tmp_path,
        progress=lambda done, total: calls.append((done, total)),
        base_url=file_server.base_url,
        checksums=checksums_of(files),
    )
    assert folder == tmp_path / "mnist"
    for name, data in files.items():
        assert (folder / name).read_bytes() == data
    total = sum(len(data) for data in files.values())
    assert calls[-1] == (total, total)
    done = [d for d, _ in calls]
    assert done == sorted(done) and len(calls) > 4
    assert all(d <= t for d, t in calls)
    assert sorted(name for name, _ in file_server.requests) == sorted(files)
    split = open_dataset(f"mnist:{folder}", (1, 32, 32))
    assert (len(split.train), len(split.val)) == (600, 20)


def test_files_already_downloaded_are_not_fetched_again(file_server, tmp_path):
    files = serve_mnist(file_server)
    download_dataset("mnist", tmp_path, base_url=file_server.base_url, checksums=checksums_of(files))
    file_server.requests.clear()
    calls = []
    download_dataset(
        "mnist",
        tmp_path,
        progress=lambda *a: calls.append(a),
        base_url=file_server.base_url,
        checksums=checksums_of(files),
    )
    assert file_server.requests == []
    total = sum(len(data) for data in files.values())
    assert calls[-1] == (total, total)


def test_a_wrong_checksum_names_the_file_and_keeps_nothing(file_server, tmp_path):
    files = serve_mnist(file_server)
    checksums = checksums_of(files)
    checksums["train-labels-idx1-ubyte.gz"] = "0" * 64
    with pytest.raises(DatasetError) as caught:
        download_dataset("fashion-mnist", tmp_path, base_url=file_server.base_url, checksums=checksums)
    message = str(caught.value)
    assert "train-labels-idx1-ubyte.gz did not download correctly" in message
    assert "0" * 64 in message and sha256(files["train-labels-idx1-ubyte.gz"]) in message
    folder = tmp_path / "fashion-mnist"
    assert not (folder / "train-labels-idx1-ubyte.gz").exists()
    assert not (folder / "train-labels-idx1-ubyte.gz.part").exists()
    # The file before it was correct and is kept.
    assert (folder / "train-images-idx3-ubyte.gz").read_bytes() == files["train-images-idx3-ubyte.gz"]


def test_cancel_keeps_the_partial_file_and_the_next_call_resumes_with_range(file_server, tmp_path):
    files = serve_mnist(file_server)
    big = files["train-images-idx3-ubyte.gz"]
    seen = []

    def cancel_after_two_chunks() -> bool:
        return bool(seen) and seen[-1][0] >= 2 * CHUNK_BYTES

    with pytest.raises(DownloadCancelled) as caught:
        download_dataset(
            "mnist",
            tmp_path,
            progress=lambda done, total: seen.append((done, total)),
            cancelled=cancel_after_two_chunks,
            base_url=file_server.base_url,
            checksums=checksums_of(files),
        )
    assert isinstance(caught.value, DatasetError)
    assert "train-images-idx3-ubyte.gz" in str(caught.value) and "cancelled" in str(caught.value)
    part = tmp_path / "mnist" / "train-images-idx3-ubyte.gz.part"
    kept = part.stat().st_size
    assert 0 < kept < len(big)
    assert part.read_bytes() == big[:kept]
    assert not (tmp_path / "mnist" / "train-images-idx3-ubyte.gz").exists()

    file_server.requests.clear()
    download_dataset("mnist", tmp_path, base_url=file_server.base_url, checksums=checksums_of(files))
    assert ("train-images-idx3-ubyte.gz", f"bytes={kept}-") in file_server.requests
    assert (tmp_path / "mnist" / "train-images-idx3-ubyte.gz").read_bytes() == big
    assert not part.exists()


def test_a_dropped_connection_keeps_what_arrived_and_the_next_call_resumes(file_server, tmp_path):
    files = serve_mnist(file_server)
    big = files["train-images-idx3-ubyte.gz"]
    file_server.cut_after = 100_000
    with pytest.raises(DatasetError) as caught:
        download_dataset("mnist", tmp_path, base_url=file_server.base_url, checksums=checksums_of(files))
    assert "train-images-idx3-ubyte.gz stopped after 100,000 bytes" in str(caught.value)
    part = tmp_path / "mnist" / "train-images-idx3-ubyte.gz.part"
    assert part.read_bytes() == big[:100_000]
    file_server.cut_after = None
    download_dataset("mnist", tmp_path, base_url=file_server.base_url, checksums=checksums_of(files))
    assert ("train-images-idx3-ubyte.gz", "bytes=100000-") in file_server.requests
    assert (tmp_path / "mnist" / "train-images-idx3-ubyte.gz").read_bytes() == big


def test_resuming_from_a_server_that_ignores_range_starts_over(file_server, tmp_path):
    files = serve_mnist(file_server)
    folder = tmp_path / "mnist"
    folder.mkdir()
    (folder / "train-images-idx3-ubyte.gz.part").write_bytes(b"stale bytes from another file")
    file_server.honour_range = False
    download_dataset("mnist", tmp_path, base_url=file_server.base_url, checksums=checksums_of(files))
    assert (folder / "train-images-idx3-ubyte.gz").read_bytes() == files["train-images-idx3-ubyte.gz"]


def test_a_part_file_that_is_already_complete(file_server, tmp_path):
    files = serve_mnist(file_server)
    folder = tmp_path / "mnist"
    folder.mkdir()
    (folder / "t10k-labels-idx1-ubyte.gz.part").write_bytes(files["t10k-labels-idx1-ubyte.gz"])
    download_dataset("mnist", tmp_path, base_url=file_server.base_url, checksums=checksums_of(files))
    assert (
        "t10k-labels-idx1-ubyte.gz",
        f"bytes={len(files['t10k-labels-idx1-ubyte.gz'])}-",
    ) in file_server.requests
    assert (folder / "t10k-labels-idx1-ubyte.gz").read_bytes() == files["t10k-labels-idx1-ubyte.gz"]


def cifar_archive(tmp_path: Path) -> bytes:
    source = tmp_path / "source"
    make_cifar_folder(source)
    stream = io.BytesIO()
    with tarfile.open(fileobj=stream, mode="w:gz") as tar:
        tar.add(source / "cifar-10-batches-bin", arcname="cifar-10-batches-bin")
    return stream.getvalue()


def test_cifar_archive_is_downloaded_unpacked_and_removed(file_server, tmp_path):
    archive = cifar_archive(tmp_path)
    file_server.files["cifar-10-binary.tar.gz"] = archive
    checksums = {"cifar-10-binary.tar.gz": sha256(archive)}
    folder = download_dataset("cifar10", tmp_path / "dl", base_url=file_server.base_url, checksums=checksums)
    assert folder == tmp_path / "dl" / "cifar10"
    assert not (folder / "cifar-10-binary.tar.gz").exists()
    split = open_dataset(f"cifar10:{folder}", (3, 32, 32))
    assert (len(split.train), len(split.val)) == (20, 4)
    file_server.requests.clear()
    assert (
        download_dataset("cifar10", tmp_path / "dl", base_url=file_server.base_url, checksums=checksums)
        == folder
    )
    assert file_server.requests == []


def _tar_with(member: tarfile.TarInfo, data: bytes = b"x") -> bytes:
    stream = io.BytesIO()
    with tarfile.open(fileobj=stream, mode="w:gz") as tar:
        good = tarfile.TarInfo("cifar-10-batches-bin/readme.txt")
        good.size = 2
        tar.addfile(good, io.BytesIO(b"ok"))
        member.size = len(data) if member.isfile() else 0
        tar.addfile(member, io.BytesIO(data) if member.isfile() else None)
    return stream.getvalue()


def _symlink(name: str, target: str) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = tarfile.SYMTYPE
    info.linkname = target
    return info


@pytest.mark.parametrize(
    "member",
    [
        tarfile.TarInfo("../escaped.bin"),
        tarfile.TarInfo("/tmp/absolute.bin"),
        _symlink("link", "/etc/passwd"),
    ],
    ids=["dot-dot", "absolute", "symlink"],
)
def test_unsafe_archive_entries_are_refused_before_anything_is_written(tmp_path, member):
    archive = tmp_path / "evil.tar.gz"
    archive.write_bytes(_tar_with(member))
    target = tmp_path / "out"
    target.mkdir()
    with pytest.raises(DatasetError, match="unsafe entry"):
        extract_tar_safely(archive, target)
    assert list(target.iterdir()) == []
    assert not (tmp_path / "escaped.bin").exists()


def test_a_server_error_is_reported_with_the_file_name(file_server, tmp_path):
    with pytest.raises(DatasetError, match=r"Downloading train-images-idx3-ubyte\.gz failed: .*404"):
        download_dataset("mnist", tmp_path, base_url=file_server.base_url, checksums={})


def test_an_unreachable_server_is_reported(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(DatasetError, match=r"Downloading train-images-idx3-ubyte\.gz failed"):
        download_dataset("mnist", tmp_path, base_url=f"http://127.0.0.1:{port}/")


def test_only_the_public_datasets_can_be_downloaded(tmp_path):
    with pytest.raises(DatasetError, match="cannot be downloaded"):
        download_dataset("digits", tmp_path)


def test_the_official_table_has_a_sha256_and_size_for_every_file():
    assert set(OFFICIAL_FILES) == {"mnist", "fashion-mnist", "cifar10"}
    for remote in OFFICIAL_FILES.values():
        for file in remote.files:
            assert len(file.sha256) == 64 and int(file.sha256, 16) >= 0
            assert file.size > 0


# --- hostile servers: nothing they send may fill the disk or outlive a cancel ------------------


def test_an_endless_body_stops_at_the_expected_size_and_keeps_nothing(file_server, tmp_path):
    files = serve_mnist(file_server)
    file_server.endless.add("train-images-idx3-ubyte.gz")
    sizes = {name: len(data) for name, data in files.items()}
    with pytest.raises(DatasetError, match=r"should take [\d,]+ bytes at most, but the server sent more"):
        download_dataset(
            "mnist", tmp_path, base_url=file_server.base_url, checksums=checksums_of(files), sizes=sizes
        )
    assert not list((tmp_path / "mnist").glob("train-images*"))
    assert (
        file_server.sent["train-images-idx3-ubyte.gz"]
        < sizes["train-images-idx3-ubyte.gz"] + 64 * CHUNK_BYTES
    )


def test_an_endless_body_of_unknown_size_stops_at_the_hard_ceiling(file_server, tmp_path, monkeypatch):
    from cnnstudio.data import download

    monkeypatch.setattr(download, "MAX_DOWNLOAD_BYTES", 1_000_000)
    files = serve_mnist(file_server)
    file_server.endless.add("train-images-idx3-ubyte.gz")
    with pytest.raises(DatasetError, match="should take 1,000,000 bytes at most"):
        download_dataset("mnist", tmp_path, base_url=file_server.base_url, checksums=checksums_of(files))
    assert not list((tmp_path / "mnist").glob("train-images*"))


def test_a_content_length_beyond_the_expected_size_is_refused_before_reading(file_server, tmp_path):
    files = serve_mnist(file_server)
    sizes = {name: len(data) - 1 for name, data in files.items()}
    with pytest.raises(DatasetError, match=r"the server announces [\d,]+"):
        download_dataset(
            "mnist", tmp_path, base_url=file_server.base_url, checksums=checksums_of(files), sizes=sizes
        )
    assert not list((tmp_path / "mnist").glob("train-images*"))


def test_cancelling_a_download_the_server_cannot_resume_removes_the_partial_file(file_server, tmp_path):
    files = serve_mnist(file_server)
    file_server.honour_range = False  # no Accept-Ranges: the next try would start over anyway
    seen = []
    with pytest.raises(DownloadCancelled, match="the partial file was removed"):
        download_dataset(
            "mnist",
            tmp_path,
            progress=lambda done, total: seen.append(done),
            cancelled=lambda: bool(seen) and seen[-1] >= 2 * CHUNK_BYTES,
            base_url=file_server.base_url,
            checksums=checksums_of(files),
        )
    assert list((tmp_path / "mnist").iterdir()) == []


def test_a_dropped_connection_without_resume_removes_the_partial_file(file_server, tmp_path):
    files = serve_mnist(file_server)
    file_server.honour_range = False
    file_server.cut_after = 100_000
    with pytest.raises(DatasetError, match="the partial file was removed"):
        download_dataset("mnist", tmp_path, base_url=file_server.base_url, checksums=checksums_of(files))
    assert list((tmp_path / "mnist").iterdir()) == []


def test_a_full_disk_while_downloading_is_one_clear_error(file_server, tmp_path, monkeypatch):
    """The full disk is simulated: the part file's write raises ENOSPC after the first chunk."""
    import errno

    files = serve_mnist(file_server)
    real_open = Path.open

    class FullDisk(io.RawIOBase):
        def __init__(self, handle) -> None:
            self.handle, self.written = handle, 0

        def write(self, block) -> int:
            if self.written:
                raise OSError(errno.ENOSPC, "No space left on device")
            self.written += len(block)
            return self.handle.write(block)

        def close(self) -> None:
            self.handle.close()
            super().close()

    def open_part(self, mode="r", *args, **kwargs):
        handle = real_open(self, mode, *args, **kwargs)
        return FullDisk(handle) if self.name.endswith(".part") else handle

    monkeypatch.setattr(Path, "open", open_part)
    with pytest.raises(
        DatasetError, match=r"train-images-idx3-ubyte\.gz cannot be written to .*No space left"
    ):
        download_dataset("mnist", tmp_path, base_url=file_server.base_url, checksums=checksums_of(files))


def test_https_is_tried_first_and_another_address_serves_when_it_fails(file_server, tmp_path, monkeypatch):
    from cnnstudio.data import download

    for remote in download.OFFICIAL_FILES.values():
        assert remote.addresses[0].startswith("https://")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{probe.getsockname()[1]}/"
    mnist = download.OFFICIAL_FILES["mnist"]
    files = serve_mnist(file_server)
    local = download.RemoteSet((dead, file_server.base_url), mnist.folder, mnist.files)
    monkeypatch.setitem(download.OFFICIAL_FILES, "mnist", local)
    download_dataset("mnist", tmp_path, checksums=checksums_of(files))
    assert (tmp_path / "mnist" / "t10k-labels-idx1-ubyte.gz").read_bytes() == files[
        "t10k-labels-idx1-ubyte.gz"
    ]


def test_an_archive_that_would_unpack_to_gigabytes_is_refused_before_writing(tmp_path):
    """A tar.gz of 33 KB holding an entry of 4 GB: refused at its header, nothing inflated or written."""
    entry = tarfile.TarInfo("cifar-10-batches-bin/data_batch_1.bin")
    entry.size = 2**32
    zeros = gzip.compress(bytes(2**24), compresslevel=9)
    archive = tmp_path / "bomb.tar.gz"
    archive.write_bytes(gzip.compress(entry.tobuf()) + zeros * 2)
    assert archive.stat().st_size < 100_000
    target = tmp_path / "out"
    target.mkdir()
    with pytest.raises(DatasetError, match="would unpack to more than"):
        extract_tar_safely(archive, target)
    assert list(target.iterdir()) == []
