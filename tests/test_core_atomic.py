"""atomic_write: all or nothing, permissions kept or taken from the umask, symlinks followed."""

import os
import stat

import pytest

from cnnstudio.core.atomic import atomic_write


def _mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def test_new_file_follows_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "a.txt", "hello")
    finally:
        os.umask(old)
    assert (tmp_path / "a.txt").read_text() == "hello"
    assert _mode(tmp_path / "a.txt") == 0o644


def test_new_file_under_a_strict_umask_is_private(tmp_path):
    old = os.umask(0o077)
    try:
        atomic_write(tmp_path / "a.txt", b"x")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "a.txt") == 0o600


def test_existing_file_keeps_its_mode(tmp_path):
    shared = tmp_path / "shared.json"
    shared.write_text("old")
    shared.chmod(0o664)
    old = os.umask(0o077)
    try:
        atomic_write(shared, "new")
    finally:
        os.umask(old)
    assert shared.read_text() == "new"
    assert _mode(shared) == 0o664


def test_writing_onto_a_symlink_updates_its_target_and_keeps_the_link(tmp_path):
    target = tmp_path / "real.json"
    target.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    atomic_write(link, "new")
    assert link.is_symlink()
    assert target.read_text() == "new"


def test_a_failing_writer_leaves_the_old_file_and_no_temporary(tmp_path):
    path = tmp_path / "a.bin"
    path.write_bytes(b"old")

    def writer(handle):
        handle.write(b"partial")
        raise RuntimeError("disk fell off")

    with pytest.raises(RuntimeError):
        atomic_write(path, writer)
    assert path.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.bin"]


def test_text_that_utf8_cannot_encode_is_refused_before_anything_is_written(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("old")
    with pytest.raises(UnicodeEncodeError):
        atomic_write(path, "bad \udc80 name")
    assert path.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(IsADirectoryError):
        atomic_write(tmp_path, "x")


def test_a_relative_path_in_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    atomic_write("plain.txt", "ok")
    assert (tmp_path / "plain.txt").read_text() == "ok"
