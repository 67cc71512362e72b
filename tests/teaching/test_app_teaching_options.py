"""``cnnstudio [NET] --lesson ID --lesson-language ko --exercise FILE``: a lesson beside the
network, an exercise opened (with NET: NET checked as the work on it), bad input exiting 2."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cnnstudio.app import _open_teaching, load_exercise_arg, parse_args
from cnnstudio.core.fileformat import save
from cnnstudio.teaching import packaged_exercises

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ROOT = Path(__file__).resolve().parents[2]
EXERCISES = {path.name.split(".")[0]: path for path in packaged_exercises()}


def run_cnnstudio(args: list[str], home: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / "data"))
    command = [sys.executable, "-m", "cnnstudio", *args]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


def test_a_lesson_and_an_exercise_checked_at_start(make_window, wrong_attempts, tmp_path):
    exercise = load_exercise_arg(str(EXERCISES["rebuild-alexnet-convs"]))
    attempt, english, _ = wrong_attempts["rebuild-alexnet-convs"][0]
    work = tmp_path / "ben.cnnstudio.json"
    save(attempt(exercise), work)
    args = parse_args([str(work), "--lesson", "L02", "--lesson-language", "ko", "--exercise", "x"])
    args.exercise = exercise
    from cnnstudio.core.fileformat import load

    window = make_window(load(work), work, remember_layout=False)
    _open_teaching(window, args)
    assert window.lessons.isVisible() and window.lessons.panel.lesson.id == "L02"
    assert window.lessons.panel.lesson.language == "ko"
    panel = window.exercises.panel
    assert window.exercises.exercise.id == "rebuild-alexnet-convs"
    assert [node.name for node in window.document.network.nodes][-1] == "pool5"  # the work, not the start
    assert window.document.path == work.resolve()  # Save writes the work where it was
    assert panel.title.text() == exercise.title("ko")  # the exercise in the lessons' language
    assert panel.hint.isVisible() and panel.hint.text() == f"First fix: {english}."  # the app's


def test_the_options_in_a_screenshot_run(home, tmp_path):
    out = tmp_path / "lesson.png"
    exercise = str(EXERCISES["cut-5x5-cost"])
    result = run_cnnstudio(["--lesson", "L06", "--exercise", exercise, "--screenshot", str(out)], home)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "" and out.stat().st_size > 0


def test_an_unknown_lesson_or_a_broken_exercise_exits_2_with_one_line(home, tmp_path):
    result = run_cnnstudio(["--lesson", "L99", "--screenshot", str(tmp_path / "x.png")], home)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "cnnstudio: --lesson: there is no lesson 'L99' (lessons: L01, L02, L03, L04, L05, L06, L07)"
    )
    broken = tmp_path / "broken.cnnstudio-exercise.json"
    broken.write_text("[]", "utf-8")
    result = run_cnnstudio(["--exercise", str(broken), "--screenshot", str(tmp_path / "x.png")], home)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert "--exercise:" in result.stderr and "must hold a JSON object" in result.stderr
    result = run_cnnstudio(["--lesson-language", "fr"], home)
    assert result.returncode == 2 and "invalid choice: 'fr'" in result.stderr
