"""Downloading MNIST, Fashion-MNIST and CIFAR-10 from their official addresses.

:func:`download_dataset` fetches a kind's files into its own subfolder of the folder the user
picks, reports progress, can be cancelled, resumes a partial file with an HTTP ``Range`` request
and checks every file's SHA-256 before keeping it. This module needs neither torch nor Qt; run
it on a worker thread, never on the GUI thread.

Nothing a server sends can fill the disk: a transfer stops at the file's published size (or,
where that is unknown, at :data:`MAX_DOWNLOAD_BYTES`), and unpacking the CIFAR-10 archive stops
at :data:`MAX_EXTRACT_BYTES`. A cancelled or broken transfer keeps its partial file only where
the server can resume it; otherwise the partial file is removed. Addresses are https where the
mirror serves https.
"""

from __future__ import annotations

import hashlib
import http.client
import shutil
import tarfile
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from cnnstudio.data.base import DatasetError

CHUNK_BYTES = 64 * 1024
TIMEOUT_SECONDS = 30
PART_SUFFIX = ".part"
MAX_DOWNLOAD_BYTES = 256 * 2**20
"""The most bytes one file may take when its size is not known in advance (CIFAR-10's is 170 MB)."""
MAX_EXTRACT_BYTES = 1 * 2**30
"""The most bytes an archive may unpack to (CIFAR-10's binary version unpacks to 185 MB)."""
MAX_ARCHIVE_MEMBERS = 1000


class DownloadCancelled(DatasetError):
    """The download was cancelled; the message says whether the next try resumes it."""


@dataclass(frozen=True)
class RemoteFile:
    """One file to download: its name on the server, its SHA-256 and its size in bytes."""

    name: str
    sha256: str
    size: int


@dataclass(frozen=True)
class RemoteSet:
    """The files of one downloadable kind, where they are served and where they go.

    ``addresses`` are tried in order (https first) until one answers.
    """

    addresses: tuple[str, ...]
    folder: str
    files: tuple[RemoteFile, ...]


# SHA-256 values and sizes come from TensorFlow Datasets' checksum files
# (github.com/tensorflow/datasets, tensorflow_datasets/url_checksums/): mnist.txt, which lists
# the copies at storage.googleapis.com/cvdf-datasets/mnist/ (byte-for-byte copies of Yann
# LeCun's original files, as is the mirror torchvision uses below; the sizes match), then
# fashion_mnist.txt and cifar10.txt, which list the same addresses as used here.
OFFICIAL_FILES: dict[str, RemoteSet] = {
    "mnist": RemoteSet(
        ("https://ossci-datasets.s3.amazonaws.com/mnist/",),
        "mnist",
        (
            RemoteFile(
                "train-images-idx3-ubyte.gz",
                "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
                9_912_422,
            ),
            RemoteFile(
                "train-labels-idx1-ubyte.gz",
                "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
                28_881,
            ),
            RemoteFile(
                "t10k-images-idx3-ubyte.gz",
                "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
                1_648_877,
            ),
            RemoteFile(
                "t10k-labels-idx1-ubyte.gz",
                "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
                4_542,
            ),
        ),
    ),
    "fashion-mnist": RemoteSet(
        (
            # the bucket's https address first; its website address (http only) as the fallback
            "https://fashion-mnist.s3.eu-central-1.amazonaws.com/",
            "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
        ),
        "fashion-mnist",
        (
            RemoteFile(
                "train-images-idx3-ubyte.gz",
                "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
                26_421_880,
            ),
            RemoteFile(
                "train-labels-idx1-ubyte.gz",
                "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
                29_515,
            ),
            RemoteFile(
                "t10k-images-idx3-ubyte.gz",
                "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
                4_422_102,
            ),
            RemoteFile(
                "t10k-labels-idx1-ubyte.gz",
                "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5",
                5_148,
            ),
        ),
    ),
    "cifar10": RemoteSet(
        ("https://www.cs.toronto.edu/~kriz/",),
        "cifar10",
        (
            RemoteFile(
                "cifar-10-binary.tar.gz",
                "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd",
                170_052_171,
            ),
        ),
    ),
}

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


def file_sha256(path: Path) -> str:
    """The SHA-256 of the file at *path*, as lowercase hex."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


class _Transfer:
    """Progress over all the files of one download, and the question whether to stop."""

    def __init__(
        self, sizes: list[int | None], progress: Progress | None, cancelled: Cancelled | None
    ) -> None:
        self.sizes = sizes
        self.finished = 0
        self.current_name = ""
        self._progress = progress
        self._cancelled = cancelled

    def report(self, position: int) -> None:
        """Tell how far the download is, *position* bytes into the current file."""
        if self._progress is not None:
            done = self.finished + position
            self._progress(done, max(sum(size or 0 for size in self.sizes), done))

    def check_cancelled(self, position: int, part: Path | None = None, resumable: bool = False) -> None:
        """Raise :class:`DownloadCancelled` if asked to stop, removing *part* unless *resumable*."""
        if self._cancelled is None or not self._cancelled():
            return
        if part is not None and not resumable:
            part.unlink(missing_ok=True)
            raise DownloadCancelled(
                f"The download of {self.current_name} was cancelled after {position:,} bytes; the "
                "server cannot continue it later, so the partial file was removed."
            )
        raise DownloadCancelled(
            f"The download of {self.current_name} was cancelled after {position:,} bytes; they are "
            "kept, and the next download continues from there."
        )


def _open(url: str, name: str, offset: int):
    headers = {"User-Agent": "CNN-Studio"}
    if offset:
        headers["Range"] = f"bytes={offset}-"
    try:
        return urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=TIMEOUT_SECONDS)
    except urllib.error.HTTPError as exc:
        if exc.code == 416 and offset:
            exc.close()
            return None  # the partial file already holds everything the server has
        exc.close()
        raise DatasetError(
            f"Downloading {name} failed: the server answered {exc.code} {exc.reason} ({url})."
        ) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise DatasetError(
            f"Downloading {name} failed: {reason}. Check the internet connection and try again; "
            "what was downloaded so far is kept."
        ) from None


def _open_first(urls: list[str], name: str, offset: int):
    """The first of *urls* that answers (see :func:`_open`); the last one's error if none does."""
    for url in urls[:-1]:
        try:
            return _open(url, name, offset)
        except DatasetError:
            continue
    return _open(urls[-1], name, offset)


def _fetch(urls: list[str], part: Path, index: int, transfer: _Transfer) -> None:
    """Download *url* into *part*, continuing after the bytes *part* already holds.

    Never writes more than the file's expected size (or :data:`MAX_DOWNLOAD_BYTES` when it is
    unknown); a partial file that the server could not resume is removed on any failure.
    """
    offset = part.stat().st_size if part.exists() else 0
    expected = transfer.sizes[index]
    if expected is not None and offset == expected:
        return
    if expected is not None and offset > expected:
        part.unlink()
        offset = 0
    response = _open_first(urls, transfer.current_name, offset)
    if response is None:
        return
    with response:
        resumed = offset > 0 and response.status == 206 and _range_start(response) == offset
        resumable = resumed or response.headers.get("Accept-Ranges", "").strip().lower() == "bytes"
        position = offset if resumed else 0
        limit = expected if expected is not None else MAX_DOWNLOAD_BYTES
        length = response.headers.get("Content-Length")
        if length is not None and length.isdigit():
            announced = position + int(length)
            if announced > limit:
                part.unlink(missing_ok=True)
                raise _too_big(transfer.current_name, limit, f"the server announces {announced:,}")
            transfer.sizes[index] = announced
        try:
            position = _copy_body(response, part, resumed, position, limit, transfer, resumable)
        except DownloadCancelled:
            raise
        except DatasetError:
            if not resumable:
                part.unlink(missing_ok=True)
            raise
    expected = transfer.sizes[index]
    if expected is not None and position < expected:
        if not resumable:
            part.unlink(missing_ok=True)
        raise _interrupted(
            transfer.current_name, position, f"the connection closed before {expected:,} bytes", resumable
        )


def _copy_body(
    response, part: Path, resumed: bool, position: int, limit: int, transfer: _Transfer, resumable: bool
) -> int:
    """Append (or write) the body to *part*, stopping at *limit* bytes; the position reached."""
    name = transfer.current_name
    try:
        out = part.open("ab" if resumed else "wb")
    except OSError as exc:
        raise _unwritable(name, part, exc) from None
    with out:
        transfer.report(position)
        transfer.check_cancelled(position, part, resumable)
        while True:
            try:
                block = response.read(min(CHUNK_BYTES, limit - position + 1))
            except (OSError, http.client.HTTPException) as exc:
                reason = f"{exc.__class__.__name__} {exc}"
                raise _interrupted(name, position, reason, resumable) from None
            if not block:
                return position
            if position + len(block) > limit:
                out.close()
                part.unlink(missing_ok=True)
                raise _too_big(name, limit, "the server sent more")
            try:
                out.write(block)
            except OSError as exc:
                raise _unwritable(name, part, exc) from None
            position += len(block)
            transfer.report(position)
            transfer.check_cancelled(position, part, resumable)


def _unwritable(name: str, part: Path, error: OSError) -> DatasetError:
    return DatasetError(f"{name} cannot be written to {part.parent}: {error.strerror or error}.")


def _too_big(name: str, limit: int, found: str) -> DatasetError:
    return DatasetError(
        f"Downloading {name} was stopped: it should take {limit:,} bytes at most, but {found}. "
        "The server may be sending something else; nothing was kept."
    )


def _interrupted(name: str, position: int, reason: str, resumable: bool = True) -> DatasetError:
    kept = (
        "What arrived is kept; try again to continue from there."
        if resumable
        else "The server cannot continue it, so the partial file was removed; try again."
    )
    return DatasetError(f"Downloading {name} stopped after {position:,} bytes ({reason}). {kept}")


def _range_start(response) -> int | None:
    content_range = response.headers.get("Content-Range", "")  # "bytes START-END/TOTAL"
    try:
        return int(content_range.split()[1].split("-")[0])
    except (IndexError, ValueError):
        return None


def _verify(part: Path, final: Path, sha256: str) -> None:
    found = file_sha256(part)
    if found != sha256.lower():
        part.unlink()
        raise DatasetError(
            f"{final.name} did not download correctly: its SHA-256 checksum is {found}, but the "
            f"published one is {sha256.lower()}. The damaged file was deleted; please try again."
        )
    part.replace(final)


def _member_is_safe(member: tarfile.TarInfo) -> bool:
    path = PurePosixPath(member.name)
    if path.is_absolute() or ".." in path.parts or member.name.startswith(("/", "\\")) or ":" in member.name:
        return False
    return member.isfile() or member.isdir()


def extract_tar_safely(archive: Path, target: Path, cancelled: Cancelled | None = None) -> None:
    """Extract the gzipped tar *archive* into *target*, refusing links, absolute paths and ``..``.

    Every entry is checked before anything is written, and files are copied out one by one
    (no ``extractall``), so a hostile archive cannot write outside *target*. The entries' sizes
    are added up as their headers are read: an archive holding more than
    :data:`MAX_EXTRACT_BYTES` or :data:`MAX_ARCHIVE_MEMBERS` entries is refused before anything
    is written, without inflating more of it than that.
    """
    try:
        with tarfile.open(archive, "r:gz") as tar:
            members = _checked_members(tar, archive)
            for member in members:
                if cancelled is not None and cancelled():
                    raise DownloadCancelled(f"Unpacking {archive.name} was cancelled; the archive is kept.")
                _extract_member(tar, member, target)
    except (tarfile.TarError, EOFError, OSError, zlib.error) as exc:
        raise DatasetError(f"{archive.name} cannot be unpacked: {exc}") from None


def _checked_members(tar: tarfile.TarFile, archive: Path) -> list[tarfile.TarInfo]:
    """Every entry of *tar*, read header by header, or a :class:`DatasetError` for the first bad one."""
    members: list[tarfile.TarInfo] = []
    total = 0
    while (member := tar.next()) is not None:
        if not _member_is_safe(member):
            raise DatasetError(
                f"{archive.name} holds an unsafe entry {member.name!r} (an absolute path, '..' or a "
                "link); nothing was extracted."
            )
        members.append(member)
        total += member.size
        if total > MAX_EXTRACT_BYTES or len(members) > MAX_ARCHIVE_MEMBERS:
            raise DatasetError(
                f"{archive.name} would unpack to more than {MAX_EXTRACT_BYTES:,} bytes or "
                f"{MAX_ARCHIVE_MEMBERS:,} files, far more than the dataset holds; nothing was extracted."
            )
    return members


def _extract_member(tar: tarfile.TarFile, member: tarfile.TarInfo, target: Path) -> None:
    destination = target.joinpath(*PurePosixPath(member.name).parts)
    if member.isdir():
        destination.mkdir(parents=True, exist_ok=True)
        return
    destination.parent.mkdir(parents=True, exist_ok=True)
    source = tar.extractfile(member)
    assert source is not None  # regular files always have contents
    with source, destination.open("wb") as out:
        shutil.copyfileobj(source, out)


def _cifar_ready(folder: Path) -> bool:
    from cnnstudio.data.cifar import CIFAR_FOLDER, CIFAR_TEST_FILE, CIFAR_TRAIN_FILES, RECORD_BYTES

    batches = folder / CIFAR_FOLDER
    for name in (*CIFAR_TRAIN_FILES, CIFAR_TEST_FILE):
        path = batches / name
        if not path.is_file() or path.stat().st_size == 0 or path.stat().st_size % RECORD_BYTES:
            return False
    return True


def _with_checksum(file: RemoteFile, checksums: Mapping[str, str] | None) -> RemoteFile:
    """*file* with the checksum *checksums* gives it (its size is then unknown unless it is the official one)."""
    if not checksums or file.name not in checksums:
        return file
    sha256 = checksums[file.name].lower()
    return RemoteFile(file.name, sha256, file.size if sha256 == file.sha256 else 0)


def _with_size(file: RemoteFile, sizes: Mapping[str, int] | None) -> RemoteFile:
    if not sizes or file.name not in sizes:
        return file
    return RemoteFile(file.name, file.sha256, int(sizes[file.name]))


def download_dataset(
    kind: str,
    dest_dir: str | Path,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    base_url: str | None = None,
    checksums: Mapping[str, str] | None = None,
    sizes: Mapping[str, int] | None = None,
) -> Path:
    """Download the files of *kind* (``mnist``, ``fashion-mnist`` or ``cifar10``) into *dest_dir*.

    The files go into the subfolder ``mnist``, ``fashion-mnist`` or ``cifar10`` of *dest_dir*,
    which is returned: ``open_dataset(f"{kind}:{folder}")`` opens it. Files already there and
    correct are not fetched again. ``progress(done_bytes, total_bytes)`` is called as bytes
    arrive; ``cancelled()`` is asked as often, and when it says True :class:`DownloadCancelled`
    is raised, keeping the partial file (``NAME.part``) so the next call resumes it with an HTTP
    Range request (where the server cannot resume, the partial file is removed). A file whose SHA-256 differs from the published one is deleted and reported
    in a :class:`DatasetError`. *base_url*, *checksums* (file name -> SHA-256) and *sizes* (file
    name -> bytes) replace the official address and values, for mirrors and tests; a file whose
    checksum is replaced has no known size unless *sizes* gives it (then
    :data:`MAX_DOWNLOAD_BYTES` bounds it). The CIFAR-10 archive is unpacked (safely, bounded by
    :data:`MAX_EXTRACT_BYTES`) and then deleted.
    """
    remote = OFFICIAL_FILES.get(kind)
    if remote is None:
        raise DatasetError(f"{kind!r} cannot be downloaded; these can: {', '.join(OFFICIAL_FILES)}.")
    target = Path(dest_dir).expanduser() / remote.folder
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatasetError(f"The folder {target} cannot be created: {exc.strerror or exc}") from None
    if kind == "cifar10" and _cifar_ready(target):
        if progress is not None:
            progress(1, 1)
        return target
    bases = [address.rstrip("/") + "/" for address in ((base_url,) if base_url else remote.addresses)]
    wanted = [_with_size(_with_checksum(f, checksums), sizes) for f in remote.files]
    transfer = _Transfer([f.size or None for f in wanted], progress, cancelled)
    for index, file in enumerate(wanted):
        final = target / file.name
        transfer.current_name = file.name
        if not (final.is_file() and file_sha256(final) == file.sha256.lower()):
            transfer.check_cancelled(0)
            part = target / (file.name + PART_SUFFIX)
            _fetch([base + file.name for base in bases], part, index, transfer)
            _verify(part, final, file.sha256)
        transfer.sizes[index] = final.stat().st_size
        transfer.finished += transfer.sizes[index]
        transfer.report(0)
    if kind == "cifar10":
        archive = target / wanted[0].name
        extract_tar_safely(archive, target, cancelled)
        archive.unlink()
    return target
