"""Every fault as the network inside a checkpoint (or as the checkpoint's path itself):
``load_checkpoint`` raises only its CheckpointError, with one line naming the problem."""

from __future__ import annotations

import json
import time
import tracemalloc

import pytest

torch = pytest.importorskip("torch")

from cnnstudio.training.checkpoint import CheckpointError, load_checkpoint  # noqa: E402
from cnnstudio.training.settings import TrainSettings  # noqa: E402


def checkpoint_holding(network_text: str, path) -> None:
    """A checkpoint file as save_checkpoint writes it, made of plain strings and tensors only."""
    payload = {
        "format": "cnnstudio-checkpoint",
        "version": 1,
        "network": network_text,
        "state_dict": {"fc.weight": torch.zeros(2, 2)},
        "settings": json.dumps(TrainSettings().to_dict()),
        "history": "",
        "dataset": "digits",
        "classes": ["0", "1"],
    }
    torch.save(payload, path)


def test_checkpoint_open_refuses_each_fault_with_its_own_error(fault_files, fault, tmp_path, bounds):
    if fault.kind == "special":
        path = dict((f.name, p) for f, p in fault_files)[fault.name]
    else:
        path = tmp_path / "run.pt"
        # the network travels as text; bytes that are not UTF-8 reach it as escaped surrogates
        checkpoint_holding(fault.content.decode("utf-8", "surrogateescape"), path)
    tracemalloc.start()
    start = time.perf_counter()
    try:
        with pytest.raises(CheckpointError) as refused:
            load_checkpoint(path)
        seconds = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    message = str(refused.value)
    assert bounds.one_clear_line(message), message
    if fault.kind == "json":
        assert "the saved network is not valid" in message and fault.expected in message
    assert seconds < bounds.seconds and peak < bounds.memory_bytes


def valid_checkpoint_payload() -> dict:
    from cnnstudio.core import preset
    from cnnstudio.core.fileformat import dumps
    from cnnstudio.model.build import build_module

    network = preset("lenet5")
    return {
        "format": "cnnstudio-checkpoint",
        "version": 1,
        "network": dumps(network),
        "state_dict": dict(build_module(network, logits=True).state_dict()),
        "settings": json.dumps(TrainSettings().to_dict()),
        "history": "",
        "dataset": "digits",
        "classes": [str(i) for i in range(10)],
    }


THE_OTHER_FIELDS = {
    "settings-nested-deep": ("settings", "[" * 100_000, "the saved settings are not valid"),
    "settings-5000-digits": (
        "settings",
        '{"epochs": ' + "9" * 5000 + "}",
        "the saved settings are not valid",
    ),
    "settings-nan": ("settings", '{"learning_rate": NaN}', "the saved settings are not valid"),
    "settings-not-json": ("settings", "{", "the saved settings are not valid"),
    "history-nested-deep": ("history", "[" * 100_000, "the saved run history is not valid"),
    "history-5000-digits": ("history", "9" * 5000, "the saved run history is not valid"),
}


@pytest.mark.parametrize("case", sorted(THE_OTHER_FIELDS))
def test_the_other_json_fields_of_a_checkpoint_are_read_as_carefully(case, tmp_path, bounds):
    key, text, expected = THE_OTHER_FIELDS[case]
    payload = valid_checkpoint_payload()
    payload[key] = text
    path = tmp_path / "run.pt"
    torch.save(payload, path)
    with pytest.raises(CheckpointError, match=expected) as refused:
        load_checkpoint(path)
    assert bounds.one_clear_line(str(refused.value))


def test_the_untouched_checkpoint_opens(tmp_path):
    """The payload the cases above spoil is itself a good checkpoint."""
    path = tmp_path / "run.pt"
    torch.save(valid_checkpoint_payload(), path)
    assert load_checkpoint(path).network.name == "LeNet-5"
