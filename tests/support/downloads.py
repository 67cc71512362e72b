"""A local file server for the download tests, and the MNIST files it serves.

The fixture ``file_server`` runs a :class:`FileServer` on 127.0.0.1 for one test. It honours
``Range: bytes=N-`` requests and records every request, and can misbehave on purpose: ignore
ranges, hang up after some bytes, send an endless body, or hold a file after its first bytes until
the test releases it (:meth:`FileServer.hold`), so a test can act while a download is surely
under way without pacing the server with sleeps.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import http.server
import threading

import numpy as np
import pytest

from cnnstudio.data.download import CHUNK_BYTES

from .dataset_files import idx_bytes


class FileServer(http.server.ThreadingHTTPServer):
    """Serves ``files`` (name -> bytes), honours ``Range: bytes=N-`` and records every request."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), RangeHandler)
        self.files: dict[str, bytes] = {}
        self.requests: list[tuple[str, str | None]] = []
        self.honour_range = True
        self.cut_after: int | None = None  # send only this many bytes of a body, then hang up
        self.endless: set[str] = set()  # names whose body never ends (no Content-Length)
        self.sent: dict[str, int] = {}  # bytes of each endless body sent before the client hung up
        self.held: tuple[str, int] | None = None  # (name, bytes): see hold()
        self.released = threading.Event()
        self.released.set()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def hold(self, name: str, after: int) -> None:
        """Send the first *after* bytes of *name*, then nothing more until :meth:`release`."""
        self.held = (name, after)
        self.released.clear()

    def release(self) -> None:
        """Let a held body go on (and every later one pass unheld)."""
        self.released.set()

    def handle_error(self, request, client_address) -> None:
        pass  # a client that stops reading (a cancelled download) is expected here


class RangeHandler(http.server.BaseHTTPRequestHandler):
    """GET of the server's files, whole or from a byte offset."""

    server: FileServer

    def do_GET(self) -> None:
        name = self.path.lstrip("/")
        requested_range = self.headers.get("Range")
        self.server.requests.append((name, requested_range))
        if name in self.server.endless:
            self._send_endless(name)
            return
        data = self.server.files.get(name)
        if data is None:
            self.send_error(404, "Not Found")
            return
        start = 0
        if requested_range and self.server.honour_range:
            start = int(requested_range.removeprefix("bytes=").split("-")[0])
            if start >= len(data):
                self.send_response(416)
                self.send_header("Content-Range", f"bytes */{len(data)}")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        else:
            self.send_response(200)
        if self.server.honour_range:
            self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Length", str(len(data) - start))
        self.end_headers()
        body = data[start:] if self.server.cut_after is None else data[start : start + self.server.cut_after]
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._send_body(name, body)

    def _send_body(self, name: str, body: bytes) -> None:
        held = self.server.held
        if held is not None and held[0] == name and not self.server.released.is_set():
            self.wfile.write(body[: held[1]])
            self.wfile.flush()
            self.server.released.wait()
            body = body[held[1] :]
        self.wfile.write(body)

    def _send_endless(self, name: str) -> None:
        self.send_response(200)
        self.end_headers()
        block = bytes(CHUNK_BYTES)
        self.server.sent[name] = 0
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            while self.server.sent[name] < 2**32:
                self.wfile.write(block)
                self.server.sent[name] += len(block)

    def log_message(self, format, *args) -> None:
        pass


@pytest.fixture
def file_server():
    """A :class:`FileServer` on 127.0.0.1 serving from its own thread for this test."""
    server = FileServer()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield server
    server.release()  # a test that failed while a body was held must not leave its handler waiting
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def serve_mnist(server: FileServer, images: int = 600) -> dict[str, bytes]:
    """Small gzipped MNIST-format files; the training images are big enough to span several chunks."""
    rng = np.random.default_rng(0)
    files = {
        "train-images-idx3-ubyte.gz": gzip.compress(idx_bytes(rng.integers(0, 256, (images, 28, 28)))),
        "train-labels-idx1-ubyte.gz": gzip.compress(idx_bytes(np.arange(images) % 10)),
        "t10k-images-idx3-ubyte.gz": gzip.compress(idx_bytes(rng.integers(0, 256, (20, 28, 28)))),
        "t10k-labels-idx1-ubyte.gz": gzip.compress(idx_bytes(np.arange(20) % 10)),
    }
    server.files.update(files)
    assert len(files["train-images-idx3-ubyte.gz"]) > 3 * CHUNK_BYTES
    return files


def checksums_of(files: dict[str, bytes]) -> dict[str, str]:
    """The SHA-256 of each file, by name, as the downloader's table holds them."""
    return {name: sha256(data) for name, data in files.items()}
