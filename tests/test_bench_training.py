"""The training benchmarks run: the GPU benchmark's smoke mode on the CPU, and its one line
where there is no GPU (the figures themselves are measured by hand: docs/benchmarks.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch
from test_training_fakes import one_torch_thread  # noqa: F401

BENCH = Path(__file__).resolve().parents[1] / "bench"


@pytest.fixture
def bench_cuda(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH))
    import bench_training_cuda

    return bench_training_cuda


def test_without_a_gpu_the_cuda_benchmark_says_so_in_one_line(bench_cuda, monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert bench_cuda.main(["--out", str(tmp_path / "r")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 and lines[0].startswith("no CUDA GPU here")
    assert list(tmp_path.iterdir()) == []


def test_the_cuda_benchmarks_smoke_run_measures_all_three_loops_and_writes_json_and_markdown(
    bench_cuda, capsys, tmp_path
):
    out = tmp_path / "result"
    assert bench_cuda.main(["--cpu-smoke", "--case", "resnet20", "--out", str(out)]) == 0
    report = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert report["device"]["name"].startswith("CPU")
    (result,) = report["results"]  # the CPU computes float32 whether or not amp is asked for
    assert result["precision"] == "float32" and result["case"].startswith("ResNet-20")
    assert set(result["runners"]) == {"app", "tutorial", "tuned"}
    for row in result["runners"].values():
        assert row["images_per_second"] > 0 and row["floor_ms"] > 0
        assert len(row["rounds_seconds"]) == 1
    table = out.with_suffix(".md").read_text(encoding="utf-8")
    assert "| ResNet-20 16x16 (smoke) | float32 | tuned |" in table
    assert "written:" in capsys.readouterr().out


def test_the_plain_loops_train_on_the_apps_precision(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH))
    from plain_loop import train_plain, train_tuned
    from test_training_fakes import blob_split, small_net

    from cnnstudio.training.precision import Precision

    bfloat16 = Precision("bfloat16", torch.bfloat16, channels_last=True)
    for loop in (train_plain, train_tuned):
        scores = []

        def record(module, args, out, scores=scores):
            if isinstance(module, torch.nn.Linear):
                scores.append(out.dtype)

        hook = torch.nn.modules.module.register_module_forward_hook(record)
        try:
            times = loop(small_net(), blob_split(), 0.01, 32, 2, 0, "cpu", bfloat16)
        finally:
            hook.remove()
        assert 0 < times.train < times.total
        assert scores and set(scores) == {torch.bfloat16}


def test_a_runner_that_fails_is_recorded_and_skipped_so_the_others_still_report(bench_cuda):
    calls = []

    def out_of_memory():
        calls.append(1)
        raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 3.00 GiB\nmore")

    runner = bench_cuda.Measured("tutorial")
    assert runner.attempt(out_of_memory) is None
    assert runner.attempt(out_of_memory) is None and len(calls) == 1
    assert runner.error == "OutOfMemoryError: CUDA out of memory. Tried to allocate 3.00 GiB"
    fine = bench_cuda.Measured("app", train_seconds=[2.0], peak_bytes=[0])
    case = bench_cuda.SMOKE_CASES["resnet20"]
    result = bench_cuda.summarise(
        case,
        bench_cuda.choose_precision(torch.device("cpu"), True),
        {"app": fine, "tutorial": runner},
        images=100,
        steps=10,
        floor=0.1,
    )
    assert result["runners"]["tutorial"] == {"error": runner.error}
    assert result["runners"]["app"]["images_per_second"] == 50.0
