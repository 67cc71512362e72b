"""Every fault through the command line (``summary``, ``--screenshot``) and ``cnnstudio.load``:
one clear line, exit status 2, no traceback, bounded time and memory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cnnstudio.core.fileformat import FileFormatError

DRIVER = Path(__file__).with_name("open_all_faults.py")
ROOT = Path(__file__).resolve().parents[2]


def quiet_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"))
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


@pytest.fixture(scope="module")
def report(fault_files, tmp_path_factory) -> dict:
    """What the driver saw for every fault, run once in a fresh interpreter."""
    folder = tmp_path_factory.mktemp("cli")
    cases = folder / "cases.json"
    cases.write_text(json.dumps([{"name": f.name, "path": str(p)} for f, p in fault_files]))
    out = folder / "report.json"
    result = subprocess.run(
        [sys.executable, str(DRIVER), str(cases), str(out), str(folder / "shot.png")],
        cwd=ROOT,
        env=quiet_env(folder),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    data = json.loads(out.read_text())
    data["png_written"] = (folder / "shot.png").exists()
    return data


@pytest.mark.parametrize("route", ["summary", "screenshot"])
def test_the_cli_says_one_line_and_exits_2(report, fault, route, bounds):
    seen = report["cases"][fault.name][route]
    assert "escaped" not in seen, seen.get("traceback")
    assert seen["returned"] == 2
    assert bounds.one_clear_line(seen["stderr"]), seen["stderr"]
    assert seen["stderr"].startswith("cnnstudio: cannot open '")
    assert fault.expected in seen["stderr"]
    assert seen["stdout_chars"] == 0
    assert seen["seconds"] < bounds.seconds and seen["peak_bytes"] < bounds.memory_bytes


def test_cnnstudio_load_raises_only_the_file_format_error(report, fault, bounds):
    seen = report["cases"][fault.name]["load"]
    assert seen.get("escaped") == "FileFormatError", seen.get("traceback")
    assert bounds.one_clear_line(seen["message"]) and fault.expected in seen["message"]
    assert seen["seconds"] < bounds.seconds and seen["peak_bytes"] < bounds.memory_bytes


def test_the_whole_run_stays_below_the_memory_bound_and_draws_nothing(report, bounds):
    assert report["max_rss_bytes"] < bounds.memory_bytes
    assert not report["png_written"]


HOSTILE = ("fifo", "link-to-dev-zero", "deep-lists", "too-big", "layer-name-newline", "name-lone-surrogate")


def test_the_real_command_prints_no_traceback(fault_files, tmp_path, bounds):
    """The installed entry point, as a student runs it, on the faults most likely to escape."""
    paths = {fault.name: path for fault, path in fault_files}
    for name in HOSTILE:
        for args in (
            ["summary", str(paths[name])],
            [str(paths[name]), "--screenshot", str(tmp_path / "x.png")],
        ):
            result = subprocess.run(
                [sys.executable, "-m", "cnnstudio", *args],
                cwd=ROOT,
                env=quiet_env(tmp_path),
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert result.returncode == 2, (name, result.stderr)
            assert bounds.one_clear_line(result.stderr) and "Traceback" not in result.stderr, (
                name,
                result.stderr,
            )


def test_the_driver_would_see_an_escape():
    """The report tells an escaped exception from a refusal (so the tests above can fail)."""
    sys.path.insert(0, str(DRIVER.parent))
    try:
        from open_all_faults import run_route
    finally:
        sys.path.pop(0)

    def escapes():
        raise RecursionError("deep")

    def refuses():
        raise FileFormatError("bad")

    assert run_route(escapes)["escaped"] == "RecursionError"
    assert "RecursionError" in run_route(escapes)["traceback"]
    assert run_route(refuses)["message"] == "bad"
    assert run_route(lambda: 2)["returned"] == 2


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["summary", "lenet5", "--input", "1,3²,32"], "--input must be three positive whole numbers"),
        (["summary", "lenet5", "--input", "1,٣٢,32"], "--input must be three positive whole numbers"),
        (
            ["summary", "lenet5", "--input", "1," + "9" * 5000 + ",32"],
            "--input must be three positive whole numbers",
        ),
        (["lenet5", "--size", "１６００x1000", "--screenshot", "x.png"], "--size must look like 1600x1000"),
        (
            ["lenet5", "--size", "9" * 5000 + "x1000", "--screenshot", "x.png"],
            "--size must look like 1600x1000",
        ),
        (["summary", "x" * 5000], "is neither a preset"),
        (["summary", "bad\x1b[2Jname.cnnstudio.json"], "cannot open 'bad\\x1b[2Jname.cnnstudio.json'"),
    ],
)
def test_numbers_and_names_on_the_command_line_are_read_with_care(argv, expected, capsys, bounds):
    from cnnstudio.cli import main

    assert main(argv) == 2
    err = capsys.readouterr().err
    assert bounds.one_clear_line(err) and expected in err


def test_a_screenshot_that_cannot_be_written_is_one_line(tmp_path, bounds):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "cnnstudio",
            "lenet5",
            "--screenshot",
            str(tmp_path / "no" / "such" / "x.png"),
        ],
        cwd=ROOT,
        env=quiet_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert bounds.one_clear_line(result.stderr) and "--screenshot: cannot write" in result.stderr
    assert "no such file or directory" in result.stderr.lower()
