"""What a run switches on in PyTorch (cuDNN benchmarking, TF32, deterministic algorithms) and for
how long, the reproducible option, torch.compile, and the messages when either cannot be done."""

from __future__ import annotations

import pytest
import torch
from test_training_fakes import blob_split, one_torch_thread, small_net  # noqa: F401

from cnnstudio.training import Failed, FailureKind, Finished, Step, Trainer, TrainSettings
from cnnstudio.training import trainer as trainer_module
from cnnstudio.training.runtime import read_switches, run_switches

CUDA = torch.device("cuda")
CPU = torch.device("cpu")


@pytest.fixture
def no_cublas_setting(monkeypatch):
    """No CUBLAS_WORKSPACE_CONFIG in the environment (and the test's own value undone after)."""
    monkeypatch.delenv("CUBLAS_WORKSPACE_CONFIG", raising=False)


def flags() -> tuple:
    return (
        torch.backends.cudnn.benchmark,
        torch.backends.cudnn.deterministic,
        torch.are_deterministic_algorithms_enabled(),
        torch.get_float32_matmul_precision(),
    )


def test_a_gpu_run_benchmarks_convolutions_and_uses_tf32_then_puts_everything_back():
    before = flags()
    assert before == (False, False, False, "highest")  # PyTorch's defaults
    with run_switches(CUDA, reproducible=False):
        assert flags() == (True, False, False, "high")
        assert torch.backends.cuda.matmul.fp32_precision == "tf32"
    assert flags() == before


def test_a_cpu_run_changes_nothing_that_would_matter_to_the_cpu():
    before = flags()
    with run_switches(CPU, reproducible=False):
        assert flags() == before


@pytest.mark.parametrize("device", [CPU, CUDA])
def test_a_reproducible_run_asks_for_deterministic_algorithms_only(device, no_cublas_setting):
    import os

    before = flags()
    with run_switches(device, reproducible=True):
        assert torch.are_deterministic_algorithms_enabled()
        assert not torch.is_deterministic_algorithms_warn_only_enabled()  # refuse, never just warn
        assert torch.backends.cudnn.deterministic and not torch.backends.cudnn.benchmark
        assert os.environ["CUBLAS_WORKSPACE_CONFIG"] == ":4096:8"
    assert flags() == before


def test_a_cublas_setting_of_the_users_own_is_kept(monkeypatch):
    import os

    monkeypatch.setenv("CUBLAS_WORKSPACE_CONFIG", ":16:8")
    with run_switches(CUDA, reproducible=True):
        assert os.environ["CUBLAS_WORKSPACE_CONFIG"] == ":16:8"


def test_tf32_set_through_both_of_pytorchs_apis_is_left_alone():
    # PyTorch refuses to read the matmul precision once its legacy and new settings were mixed
    torch.backends.cuda.matmul.fp32_precision = "tf32"
    try:
        assert read_switches().matmul_precision is None
        with run_switches(CUDA, reproducible=False):
            assert torch.backends.cuda.matmul.fp32_precision == "tf32"
    finally:
        torch.backends.cuda.matmul.fp32_precision = "none"
    assert torch.get_float32_matmul_precision() == "highest"


def test_the_reproducible_setting_holds_for_the_run_and_its_evaluation(no_cublas_setting):
    trainer = Trainer(small_net(), blob_split(), TrainSettings(epochs=1, batch_size=32, reproducible=True))
    during = [torch.are_deterministic_algorithms_enabled() for e in trainer.run() if isinstance(e, Step)]
    assert during and all(during)
    assert not torch.are_deterministic_algorithms_enabled()
    seen = []
    trainer.module.register_forward_pre_hook(
        lambda *args: seen.append(torch.are_deterministic_algorithms_enabled())
    )
    trainer.evaluate()
    assert seen and all(seen)
    assert not torch.are_deterministic_algorithms_enabled()


def test_an_operation_without_a_deterministic_gpu_version_fails_the_run_saying_what_to_do(monkeypatch):
    def strict(self, *args):
        raise RuntimeError(
            "avg_pool3d_backward_cuda does not have a deterministic implementation, but you set "
            "'torch.use_deterministic_algorithms(True)'. You can turn off determinism just for this "
            "operation, or you can use the 'warn_only=True' option, if that's acceptable for your "
            "application."
        )

    monkeypatch.setattr(Trainer, "_train_step", strict)
    trainer = Trainer(small_net(), blob_split(), TrainSettings(epochs=1, reproducible=True))
    failed = list(trainer.run())[-1]
    assert isinstance(failed, Failed) and failed.kind is FailureKind.ERROR
    assert failed.reason == (
        "at step 1, the network needed an operation that the computer cannot compute reproducibly "
        "(avg_pool3d_backward_cuda)"
    )
    assert failed.suggestion.startswith("untick 'reproducible'")


# --- torch.compile -----------------------------------------------------------------------------


@pytest.fixture
def dynamo_sees_no_fake_gpu(monkeypatch, _fake_cuda):
    """Under --fake-cuda, TorchDynamo would save the (fake) GPU's random state: tell it the truth."""
    if _fake_cuda:
        monkeypatch.setattr(torch.cuda, "is_available", lambda: False)


@pytest.fixture
def eager_compile(monkeypatch, dynamo_sees_no_fake_gpu):
    """torch.compile with TorchDynamo's tracing but no code generation (quick, no C++ compiler);
    returns the modules compiled."""
    compiled = []

    def compile_module(module):
        compiled.append(module)
        return torch.compile(module, backend="eager")

    monkeypatch.setattr(trainer_module, "compile_module", compile_module)
    return compiled


def test_compile_trains_through_torch_compile_once_per_trainer(eager_compile):
    trainer = Trainer(
        small_net(), blob_split(), TrainSettings(epochs=3, batch_size=32, lr=0.01, compile=True)
    )
    events = list(trainer.run())
    assert isinstance(events[-1], Finished) and events[-1].val_accuracy >= 0.9
    list(trainer.run())  # a second run reuses the compiled network
    assert eager_compile == [trainer.module]
    # the weights keep their names: checkpoints and the views read the module itself
    assert all(not key.startswith("_orig_mod") for key in trainer.module.state_dict())


def test_without_compile_nothing_is_compiled(eager_compile):
    list(Trainer(small_net(), blob_split(), TrainSettings(epochs=1)).run())
    assert eager_compile == []


def test_a_compiler_error_fails_the_run_saying_to_untick_compile(monkeypatch, dynamo_sees_no_fake_gpu):
    def no_compiler(graph, example_inputs):
        raise RuntimeError("no C++ compiler found")

    monkeypatch.setattr(trainer_module, "compile_module", lambda m: torch.compile(m, backend=no_compiler))
    failed = list(Trainer(small_net(), blob_split(), TrainSettings(epochs=1, compile=True)).run())[-1]
    assert isinstance(failed, Failed) and failed.kind is FailureKind.ERROR
    assert failed.reason == "torch.compile could not compile the network at step 1: no C++ compiler found"
    assert failed.suggestion == "untick 'compile' to train without it"
