"""The command line in Korean: --lang and the locale choose the language of help, messages and
the terminal tables; JSON stays the same; --lang en forces English."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys

import pytest

from cnnstudio.cli import main
from cnnstudio.i18n.commandline import chosen_language, display_width, use_language

HANGUL = re.compile("[\uac00-\ud7a3]")


@pytest.fixture(autouse=True)
def english_locale(monkeypatch):
    """Each test starts in an English locale and leaves the command line speaking English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    yield
    use_language("en")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as stop:  # --help
        code = stop.code
    out, err = capsys.readouterr()
    return code, out, err


def test_the_language_comes_from_lang_then_the_locale():
    assert chosen_language(["summary", "x", "--lang", "ko"], {}) == "ko"
    assert chosen_language(["--lang=ko", "summary"], {}) == "ko"
    assert chosen_language(["summary", "--lang", "en"], {"LANG": "ko_KR.UTF-8"}) == "en"
    assert chosen_language(["summary"], {"LANG": "ko_KR.UTF-8"}) == "ko"
    assert chosen_language(["summary"], {"LC_ALL": "en_US.UTF-8", "LANG": "ko_KR.UTF-8"}) == "en"
    assert chosen_language(["summary", "--", "--lang", "ko"], {}) == "en"
    assert chosen_language(["summary", "--lang", "fr"], {"LANG": "ko_KR"}) == "ko"  # argparse refuses fr


def test_summary_table_in_korean_keeps_numbers_types_and_units(capsys):
    code, out, _ = run(capsys, "--lang", "ko", "summary", "lenet5")
    assert code == 0
    lines = out.splitlines()
    header = lines[2]
    assert header.split()[:4] == ["층", "종류", "출력", "크기"]
    assert "MACs" in header and "파라미터" in header
    assert "Conv2d" in out and "AvgPool2d" in out and "61,706" in out and "416,520" in out
    assert "합계" in out and "가중치 층 5개" in out and "올바름" in out
    widths = {display_width(line) for line in lines[1:4] if line.startswith("-")}
    assert widths == {display_width(header)}  # the rules span the header, wide letters counted twice


def test_summary_lang_after_the_command_and_the_locale_both_work(capsys, monkeypatch):
    _, after, _ = run(capsys, "summary", "lenet5", "--lang", "ko")
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    _, by_locale, _ = run(capsys, "summary", "lenet5")
    _, forced, _ = run(capsys, "summary", "lenet5", "--lang", "en")
    assert after == by_locale and "파라미터" in after
    assert "Params" in forced and not HANGUL.search(forced)


def test_json_output_is_never_translated(capsys):
    _, english, _ = run(capsys, "summary", "resnet50", "--format", "json")
    _, korean, _ = run(capsys, "summary", "resnet50", "--format", "json", "--lang", "ko")
    assert korean == english
    assert json.loads(korean)["total"]["params"] == 25_557_032
    _, english, _ = run(capsys, "compare", "bottleneck-5x5", "--format", "json")
    _, korean, _ = run(capsys, "--lang", "ko", "compare", "bottleneck-5x5", "--format", "json")
    assert korean == english


def test_help_in_korean_under_the_locale(capsys, monkeypatch):
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    code, out, _ = run(capsys, "summary", "--help")
    assert code == 0
    assert out.startswith("사용법: cnnstudio summary")
    assert "위치 인수:" in out and "옵션:" in out and "이 도움말을 보여 주고 끝냅니다" in out
    assert "--format {csv,json,markdown,table}" in out  # options and choices as typed
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "사용법: cnnstudio" in out and "LC_MESSAGES" in out and "로캘" in out


def test_every_command_has_korean_help(capsys):
    for command in ("presets", "summary", "train", "export", "compare", "check"):
        code, out, _ = run(capsys, "--lang", "ko", command, "--help")
        assert code == 0, command
        english = [
            line
            for line in out.splitlines()
            if line.strip() and not line.lstrip().startswith(("-", "[", "{"))
        ]
        described = [
            line for line in english if re.search("[a-z]{4} [a-z]{4}", line) and not HANGUL.search(line)
        ]
        assert not described, (command, described)


def test_english_help_is_unchanged_by_default(capsys):
    code, out, _ = run(capsys, "summary", "--help")
    assert code == 0 and out.startswith("usage: cnnstudio summary") and "positional arguments" in out
    assert not HANGUL.search(out)


def test_errors_in_korean(capsys):
    code, _, err = run(capsys, "--lang", "ko", "summary", "lenet5", "--format", "bad")
    assert code == 2
    assert err.startswith("cnnstudio summary: 인수 --format: 잘못된 선택: 'bad'")
    code, _, err = run(capsys, "--lang", "ko", "summary", "no-such-net")
    assert code == 2 and "프리셋" in err and "'no-such-net'" in err
    code, _, err = run(capsys, "--lang", "ko", "summary", "lenet5", "--input", "3,x,1")
    assert code == 2 and "양의 정수" in err
    code, _, err = run(capsys, "--lang", "ko", "compare", "lenet5")
    assert code == 2 and "두 개 이상" in err
    code, _, err = run(capsys, "--lang", "fr", "summary", "lenet5")
    assert code == 2 and err.startswith("cnnstudio summary: argument --lang: invalid choice: 'fr'")


def test_a_file_error_nested_in_messages_is_korean(capsys, tmp_path):
    path = tmp_path / "bad.cnnstudio.json"
    path.write_text('{"format": "cnnstudio-network", "version": 1, "name": "x", "nodes": [{"id": 3}]}')
    code, _, err = run(capsys, "--lang", "ko", "summary", str(path))
    assert code == 2
    assert "열 수 없습니다" in err and "'nodes[0].id' 항목은 텍스트여야 합니다 (받은 값: 숫자 3)" in err


def test_compare_table_in_korean(capsys):
    code, out, _ = run(capsys, "--lang", "ko", "compare", "bottleneck-5x5")
    assert code == 0
    assert "곱셈-누산(MAC) 9.68배 적음" in out and "파라미터 9.65배 적음" in out
    assert "네트워크" in out and "(기준)" in out and "120,422,400" in out and "12,443,648" in out
    assert "약 10분의 1" in out and out.startswith("5x5 합성곱: 그대로 vs 1x1 병목층  (bottleneck-5x5)")


def test_train_messages_in_korean(capsys):
    code, _, err = run(capsys, "--lang", "ko", "train", "lenet5", "--val-fraction", "2")
    assert code == 2 and "--val-fraction 값은 0과 1 사이여야 합니다" in err
    code, _, err = run(capsys, "train", "lenet5", "--lr", "-1", "--lang", "ko")
    assert code == 2 and "학습률 값은 0 초과여야 합니다" in err


def test_a_real_process_follows_the_locale():
    env = {**os.environ, "LANG": "ko_KR.UTF-8", "PYTHONIOENCODING": "utf-8"}
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    done = subprocess.run(
        [sys.executable, "-m", "cnnstudio", "summary", "conv5x5-bottleneck"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "출력 크기" in done.stdout and "12,443,648" in done.stdout


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_train_progress_lines_in_korean(monkeypatch):
    from cnnstudio.training.cli import Progress
    from cnnstudio.training.events import Epoch, Finished, Step

    use_language("ko")
    out = _Terminal()
    progress = Progress(out, epochs=2)
    progress.steps_per_epoch = 10
    monkeypatch.setattr(Progress, "REDRAW_SECONDS", 0.0)
    progress.step(Step(step=5, epoch=1, loss=1.25, lr=0.001, images_per_second=1234.0))
    drawn = out.getvalue()
    assert "에포크 1/2 [############............] 5/10  손실 1.2500  1,234 img/s" in drawn
    assert progress.width == display_width(drawn.strip("\r"))  # wide letters counted twice
    progress.epoch(
        Epoch(
            epoch=1,
            step=10,
            train_loss=0.5,
            train_accuracy=0.9,
            val_loss=0.6,
            val_accuracy=0.85,
            lr=0.001,
            seconds=2.5,
            images_per_second=500.0,
        )
    )
    progress.finished(
        Finished(stopped=False, epochs_done=2, step=20, seconds=5.0, val_loss=0.5, val_accuracy=0.875)
    )
    lines = out.getvalue().split("\n")
    assert "에포크 1/2: 학습 손실 0.5000, 정확도 90.0% | 검증 손실 0.6000, 정확도 85.0%" in lines[0]
    assert lines[1] == "2 에포크 후 완료 (5.0 s), 검증 정확도 87.5%"


def test_check_speaks_the_locale_but_keeps_its_status_words(capsys, monkeypatch, tmp_path):
    from cnnstudio.core import preset
    from cnnstudio.core.fileformat import save
    from cnnstudio.teaching import packaged_exercises

    exercise = next(p for p in packaged_exercises() if p.name.startswith("rebuild-alexnet-convs"))
    save(preset("lenet5"), tmp_path / "ana.cnnstudio.json")
    (tmp_path / "ben.cnnstudio.json").write_text('{"format": "cnnstudio-network"', encoding="utf-8")
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    code, out, _ = run(capsys, "check", str(exercise), str(tmp_path))
    ana, ben = out.splitlines()
    assert code == 2
    assert ana.startswith(f"{tmp_path / 'ana.cnnstudio.json'}: fail: ") and HANGUL.search(ana)
    assert ben.startswith(f"{tmp_path / 'ben.cnnstudio.json'}: unreadable: 올바른 JSON이 아닙니다")
    code, out, _ = run(capsys, "check", str(exercise), str(tmp_path), "--lang", "en")
    assert not HANGUL.search(out) and "unreadable: not valid JSON" in out


def test_korean_help_is_wrapped_by_display_width(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    for command in ("summary", "train", "export", "compare"):
        code, out, _ = run(capsys, "--lang", "ko", command, "--help")
        assert code == 0
        wide = [line for line in out.splitlines() if display_width(line) > 80]
        assert not wide, (command, wide)


def test_an_invalid_network_lists_its_errors_in_korean(capsys, tmp_path):
    from cnnstudio.core import preset
    from cnnstudio.core.fileformat import save

    network = preset("lenet5")
    network.set_param(network.find("conv2").id, "kernel", 20)
    save(network, tmp_path / "big-kernel.cnnstudio.json")
    code, out, _ = run(capsys, "--lang", "ko", "summary", str(tmp_path / "big-kernel.cnnstudio.json"))
    assert code == 1
    assert out.splitlines()[-2:] == [
        "오류 있음:",
        "  - conv2: 커널(20x20)이 입력(14x14)보다 큽니다. 패딩을 넣거나 더 작은 커널을 쓰세요",
    ]
