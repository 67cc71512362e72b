"""`cnnstudio check EXERCISE STUDENT_FILE...`: a class's files graded at once, on a folder."""

import json
import os
import subprocess
import sys

import pytest

from cnnstudio.cli import main
from cnnstudio.core.fileformat import save
from cnnstudio.teaching import load_exercise, packaged_exercises, save_answers

EXERCISES = {path.name.removesuffix(".cnnstudio-exercise.json"): path for path in packaged_exercises()}


def run(capsys, *argv):
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def alexnet_class(tmp_path, reference_solutions, wrong_attempts):
    """A folder of a class's files for the AlexNet exercise: two pass, two fail, and a note that is
    not a student file."""
    exercise = load_exercise(EXERCISES["rebuild-alexnet-convs"])
    folder = tmp_path / "class"
    folder.mkdir()
    save(reference_solutions[exercise.id](exercise), folder / "ana.cnnstudio.json")
    save(reference_solutions[exercise.id](exercise), folder / "ben.cnnstudio.json")
    for name, (attempt, _, _) in zip(("chloe", "dan"), wrong_attempts[exercise.id], strict=True):
        save(attempt(exercise), folder / f"{name}.cnnstudio.json")
    (folder / "notes.txt").write_text("not a student file", encoding="utf-8")
    return folder


def test_a_folder_is_graded_one_line_per_file(capsys, alexnet_class):
    code, out, err = run(capsys, "check", EXERCISES["rebuild-alexnet-convs"], alexnet_class)
    assert code == 1 and err == ""
    assert out.splitlines() == [
        f"{alexnet_class / 'ana.cnnstudio.json'}: pass",
        f"{alexnet_class / 'ben.cnnstudio.json'}: pass",
        f"{alexnet_class / 'chloe.cnnstudio.json'}: fail: your conv3 gives 13x13x256; AlexNet's has 384 filters",
        f"{alexnet_class / 'dan.cnnstudio.json'}: fail: your network stops after pool2; "
        "AlexNet goes on with conv3 (Conv2d, 3x3 s1 same, 384)",
    ]


def test_all_passing_exits_0_and_hints_come_in_korean(capsys, alexnet_class):
    passing = [alexnet_class / "ana.cnnstudio.json", alexnet_class / "ben.cnnstudio.json"]
    assert run(capsys, "check", EXERCISES["rebuild-alexnet-convs"], *passing)[0] == 0
    code, out, _ = run(
        capsys,
        "check",
        EXERCISES["rebuild-alexnet-convs"],
        alexnet_class / "chloe.cnnstudio.json",
        "--lang",
        "ko",
    )
    assert code == 1 and out.endswith(
        "fail: conv3 층의 출력은 13x13x256입니다. AlexNet의 해당 층은 필터 384개입니다\n"
    )


def test_the_json_report(capsys, alexnet_class):
    code, out, _ = run(capsys, "check", EXERCISES["rebuild-alexnet-convs"], alexnet_class, "--format", "json")
    report = json.loads(out)
    assert code == 1
    assert report["exercise"] == {
        "id": "rebuild-alexnet-convs",
        "title": "Rebuild AlexNet's five convolutional layers",
        "file": str(EXERCISES["rebuild-alexnet-convs"]),
    }
    assert (report["passed"], report["failed"], report["unreadable"]) == (2, 2, 0)
    assert [r["status"] for r in report["results"]] == ["pass", "pass", "fail", "fail"]
    assert report["results"][0]["message"] == "matches AlexNet, layer for layer"
    assert set(report["results"][2]) == {"file", "status", "message", "details"}


def test_an_unreadable_student_file_is_reported_and_the_others_still_graded(capsys, alexnet_class):
    (alexnet_class / "eve.cnnstudio.json").write_text(
        '{"format": "cnnstudio-network", "version": 1', encoding="utf-8"
    )
    (alexnet_class / "fay.cnnstudio.json").mkdir()
    code, out, _ = run(
        capsys, "check", EXERCISES["rebuild-alexnet-convs"], alexnet_class, alexnet_class / "gus.json"
    )
    lines = out.splitlines()
    assert code == 2 and len(lines) == 7
    assert lines[
        4
    ] == f"{alexnet_class / 'eve.cnnstudio.json'}: unreadable: not valid JSON at line 1, column 45: " + (
        "Expecting ',' delimiter (the file looks cut short)"
    )
    assert lines[5] == f"{alexnet_class / 'fay.cnnstudio.json'}: unreadable: it is a folder, not a file"
    assert lines[6] == f"{alexnet_class / 'gus.json'}: unreadable: no such file or directory"


def test_a_predict_exercise_grades_answer_files(capsys, tmp_path, reference_solutions, wrong_attempts):
    exercise = load_exercise(EXERCISES["predict-lenet5"])
    save_answers(reference_solutions[exercise.id](exercise), tmp_path / "ana.cnnstudio-answers.json")
    save_answers(wrong_attempts[exercise.id][0][0](exercise), tmp_path / "ben.cnnstudio-answers.json")
    save(exercise.start_network(), tmp_path / "net.cnnstudio.json")  # not an answers file: left out
    code, out, _ = run(capsys, "check", EXERCISES["predict-lenet5"], tmp_path)
    assert code == 1
    assert out.splitlines() == [
        f"{tmp_path / 'ana.cnnstudio-answers.json'}: pass",
        f"{tmp_path / 'ben.cnnstudio-answers.json'}: fail: 9 of 10 answers right; "
        "conv1's output shape: you answered 28x28x5; it is 28x28x6",
    ]
    code, out, _ = run(capsys, "check", EXERCISES["predict-lenet5"], tmp_path / "net.cnnstudio.json")
    assert code == 2 and "unreadable: 'format' must be \"cnnstudio-answers\"" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["check"], "the following arguments are required: exercise, STUDENT_FILE"),
        (["check", "x.json"], "the following arguments are required: STUDENT_FILE"),
        (
            ["check", "missing.cnnstudio-exercise.json", "a.cnnstudio.json"],
            "cannot read the exercise: no such file",
        ),
        (["check", "EXERCISE", "a.cnnstudio.json", "--format", "xml"], "invalid choice: 'xml'"),
        (["check", "EXERCISE", "a.cnnstudio.json", "--lang", "fr"], "invalid choice: 'fr'"),
        (["check", "EXERCISE", "EMPTY"], "holds no .cnnstudio.json files"),
    ],
)
def test_bad_input_exits_2_with_one_line(capsys, tmp_path, argv, message):
    (tmp_path / "empty").mkdir()
    argv = [
        {"EXERCISE": str(EXERCISES["rebuild-lenet5"]), "EMPTY": str(tmp_path / "empty")}.get(arg, arg)
        for arg in argv
    ]
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1


def test_an_exercise_file_that_is_not_one_exits_2(capsys, tmp_path):
    broken = tmp_path / "broken.cnnstudio-exercise.json"
    broken.write_text('{"format": "cnnstudio-exercise", "version": 1, "id": "x"}', encoding="utf-8")
    code, out, err = run(capsys, "check", broken, tmp_path)
    assert code == 2 and out == ""
    assert err == f"cnnstudio: {broken}: 'title' is missing\n"


def test_the_installed_command_exits_with_the_status(tmp_path, reference_solutions):
    exercise = load_exercise(EXERCISES["cut-5x5-cost"])
    save(reference_solutions[exercise.id](exercise), tmp_path / "a.cnnstudio.json")
    result = subprocess.run(
        [sys.executable, "-m", "cnnstudio", "check", str(EXERCISES["cut-5x5-cost"]), str(tmp_path)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
    )
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        f"{tmp_path / 'a.cnnstudio.json'}: pass\n",
        "",
    )
