"""Test set-up: Qt runs offscreen, and every test gets a private home folder.

With the private home no test reads or writes the real user's settings, recent files or
autosave recovery files, whichever module it lives in.
"""

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory, monkeypatch):
    from PySide6.QtCore import QSettings, QStandardPaths

    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "settings"))
    yield home
    QStandardPaths.setTestModeEnabled(False)


# --- training: the device, and the panel's warm-up ---------------------------------------------


def pytest_addoption(parser):
    parser.addoption(
        "--fake-cuda",
        action="store_true",
        help="make torch report a CUDA GPU (none is usable): checks that no test assumes the CPU "
        "where the device is 'auto'",
    )


def pytest_configure(config):
    config.addinivalue_line("markers", "cuda: needs a real CUDA GPU (skipped elsewhere)")
    config.addinivalue_line(
        "markers", "idle_warm_up: the training panel loads PyTorch when the window is idle"
    )


@pytest.fixture(scope="session", autouse=True)
def _fake_cuda(request):
    """With --fake-cuda, torch says a CUDA GPU is there for the whole run."""
    if not request.config.getoption("--fake-cuda"):
        yield False
        return
    import torch

    patch = pytest.MonkeyPatch()
    patch.setattr(torch.cuda, "is_available", lambda: True)
    patch.setattr(torch.cuda, "device_count", lambda: 1)
    patch.setattr(torch.cuda, "get_device_name", lambda *args: "Fake GPU")
    yield True
    patch.undo()


@pytest.fixture(scope="session", autouse=True)
def _cpu_for_auto(_fake_cuda):
    """Pins training to the CPU where a test leaves the device on "auto", for the whole run
    (module fixtures included): a GPU machine, or --fake-cuda, must not change what a general
    test does. Tests marked ``cuda`` undo the pin (see :func:`training_device`)."""
    from cnnstudio.training import device

    real = {"cuda_available": device.cuda_available, "mps_available": device.mps_available}
    patch = pytest.MonkeyPatch()
    patch.setattr(device, "cuda_available", lambda: False)
    patch.setattr(device, "mps_available", lambda: False)
    yield real
    patch.undo()


@pytest.fixture(autouse=True)
def training_device(request, monkeypatch, _fake_cuda, _cpu_for_auto):
    """The device "auto" means in this test: "cpu", or "cuda" in tests marked ``cuda``, which
    see the real devices and are skipped where there is no CUDA GPU (or only a fake one)."""
    if request.node.get_closest_marker("cuda") is None:
        return "cpu"
    import torch

    if _fake_cuda or not torch.cuda.is_available():
        pytest.skip("needs a CUDA GPU")
    from cnnstudio.training import device

    for name, function in _cpu_for_auto.items():
        monkeypatch.setattr(device, name, function)
    return "cuda"


@pytest.fixture(autouse=True)
def _training_panel_waits_for_its_tab(request, monkeypatch):
    """The training panel loads PyTorch only when its tab is shown, unless a test is marked
    ``idle_warm_up``: windows in other tests must not start a worker thread on their own."""
    if request.node.get_closest_marker("idle_warm_up") is None:
        from cnnstudio.ui.training.panel import TrainingPanel

        monkeypatch.setattr(TrainingPanel, "idle_warm_up_ms", None)
