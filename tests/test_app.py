"""``cnnstudio [NET] [--screenshot PATH]``: start-up, screenshots, no display, bad input."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from cnnstudio.app import display_problem, open_network
from cnnstudio.cli import UsageError
from cnnstudio.core import preset
from cnnstudio.core.fileformat import save

ROOT = Path(__file__).resolve().parents[1]


def run_cnnstudio(args: list[str], home: Path, display: str | None = None, code: str | None = None):
    """Run ``python -m cnnstudio ARGS`` (or *code*) as a student would: no Qt platform forced."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["HOME"] = str(home)
    env["XDG_CONFIG_HOME"] = str(home / ".config")
    env["XDG_DATA_HOME"] = str(home / ".local" / "share")
    if display is not None:
        env["DISPLAY"] = display
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "cnnstudio", *args]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_screenshot_without_a_display_draws_the_window_offscreen(home, tmp_path):
    out = tmp_path / "resnet.png"
    result = run_cnnstudio(["resnet50", "--screenshot", str(out), "--select", "layer1.0.conv2"], home)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert png_size(out) == (1600, 1000)


def test_without_a_display_it_says_so_in_one_line(home):
    result = run_cnnstudio([], home)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "no display found (DISPLAY is not set)" in lines[0]
    assert "--screenshot" in lines[0] and "xvfb-run" in lines[0]


def test_a_display_nobody_answers_at_is_reported_too(home):
    result = run_cnnstudio(["lenet5"], home, display=":4321")
    assert result.returncode == 1
    assert result.stderr.strip() == result.stderr.strip().splitlines()[0]
    assert "nothing answers at DISPLAY=:4321" in result.stderr


def test_a_bad_net_exits_2_with_one_line(home, tmp_path):
    result = run_cnnstudio(["resnet5000"], home)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "resnet5000" in result.stderr
    broken = tmp_path / "broken.cnnstudio.json"
    broken.write_text("{", encoding="utf-8")
    result = run_cnnstudio([str(broken), "--screenshot", str(tmp_path / "x.png")], home)
    assert result.returncode == 2
    assert "cannot open" in result.stderr and "not valid JSON" in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_creating_the_window_does_not_import_torch(home):
    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from cnnstudio.ui import MainWindow\n"
        "window = MainWindow()\n"
        "window.show()\n"
        "app.processEvents()\n"
        "print('torch' in sys.modules)\n"
    )
    result = run_cnnstudio([], home, code=code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_net_may_be_a_preset_or_a_file(tmp_path):
    network, path = open_network("vgg16")
    assert network.name == "VGG-16" and path is None
    file = tmp_path / "mine.cnnstudio.json"
    save(preset("alexnet"), file)
    network, path = open_network(str(file))
    assert network.name == "AlexNet" and path == file
    assert open_network(None) == (None, None)


def test_no_display_is_detected_from_the_environment(monkeypatch):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    if sys.platform.startswith("linux"):
        assert display_problem() == "no display found (DISPLAY is not set)"
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert display_problem() is None


def test_unknown_screenshot_options_are_usage_errors(home, tmp_path):
    result = run_cnnstudio(["lenet5", "--screenshot", str(tmp_path / "x.png"), "--select", "conv9"], home)
    assert result.returncode == 2
    assert "no layer called 'conv9'" in result.stderr
    with pytest.raises(UsageError, match="lenet6"):
        open_network("lenet6")


def test_a_screenshot_with_the_start_page_shows_the_cards_over_the_window(home, tmp_path):
    from PySide6.QtGui import QColor, QImage

    out = tmp_path / "start.png"
    result = run_cnnstudio(["--start-page", "--screenshot", str(out), "--size", "1200x800"], home)
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 800)
    # the page sits in the middle, over the canvas: its white background covers the canvas's
    # grey one near its top; the status bar below it is the window's
    assert image.pixelColor(600, 40) == QColor("#ffffff")
    assert image.pixelColor(600, 790) != QColor("#ffffff")
