"""The classifier head: networks ending in a feature map (the lecture's modules) can be trained."""

from __future__ import annotations

import pytest
import torch
from test_training_fakes import blob_split, one_torch_thread  # noqa: F401

import cnnstudio
from cnnstudio.core import summarize
from cnnstudio.core.presets import Chain
from cnnstudio.model.build import build_module
from cnnstudio.training import Trainer, TrainSettings, load_checkpoint, save_checkpoint, training_problem
from cnnstudio.training.checks import classifier_head, run_cost


def map_net(channels: int = 6):
    """conv 3x3 (channels) - relu: ends in a channels x 8 x 8 map."""
    c = Chain("Map", 1, 8, 8)
    c.conv("conv1", channels, 3)
    c.add("relu", "relu1")
    return c.net


def test_a_feature_map_is_refused_unless_a_head_is_allowed():
    network = cnnstudio.load("conv5x5-bottleneck")
    assert "not one score per class" in training_problem(network, 10, "shapes")
    assert training_problem(network, 10, "shapes", allow_head=True) is None


def test_the_head_costs_what_the_lecture_counts():
    # the 5x5 bottleneck ends in 28x28x32: pooling to 32 values, then 32*10 MACs and 32*10+10 weights
    summary = summarize(cnnstudio.load("conv5x5-bottleneck"))
    head = classifier_head(summary, 10)
    assert (head.channels, head.params, head.macs) == (32, 330, 320)
    assert "28x28x32 map" in head.describe() and "330 parameters, 320 MACs" in head.describe()
    cost = run_cost(summary, 10)
    assert (cost.params, cost.macs) == (summary.totals.params + 330, summary.totals.macs + 320)
    assert classifier_head(summarize(cnnstudio.load("lenet5")), 10) is None
    assert run_cost(summarize(cnnstudio.load("lenet5")), 10).params == 61_706


def test_the_module_gets_pooling_and_a_linear_layer_named_head():
    module = build_module(map_net(6), logits=True, classes=4)
    assert module.head == ("head_pool", "head_fc")
    assert [module.layer_names[k] for k in module.head] == ["head.pool", "head.fc"]
    assert module(torch.zeros(2, 1, 8, 8)).shape == (2, 4)
    assert sum(p.numel() for p in module.layers["head_fc"].parameters()) == 6 * 4 + 4
    assert build_module(map_net(6)).head == ()  # without classes: the network as drawn


def test_a_layer_already_called_head_pool_keeps_its_name():
    network = map_net(6)
    network.rename(network.find("relu1").id, "head_pool")
    module = build_module(network, logits=True, classes=4)
    assert module.head == ("head_pool_1", "head_fc")
    assert module(torch.zeros(1, 1, 8, 8)).shape == (1, 4)


def test_the_trainer_trains_a_feature_map_network_and_the_checkpoint_reads_back(tmp_path):
    trainer = Trainer(map_net(6), blob_split(classes=4), TrainSettings(epochs=3, lr=0.01))
    assert trainer.head is not None and trainer.head.params == 28
    assert trainer.parameter_count() == 6 * 9 + 6 + 28
    events = list(trainer.run())
    assert trainer.history.status == "finished" and len(events) > 3
    first, last = trainer.history.epochs[0], trainer.history.last_epoch()
    assert last["train_loss"] < first["train_loss"]  # the head and the conv learn
    path = tmp_path / "map.pt"
    save_checkpoint(trainer, path)
    loaded = load_checkpoint(path)
    x = torch.randn(3, 1, 8, 8)
    assert torch.equal(loaded.module(x), trainer.module.eval()(x))


@pytest.mark.parametrize("preset", ["conv1x1", "conv5x5-naive", "inception-bottleneck"])
def test_the_lecture_modules_build_with_a_head(preset):
    network = cnnstudio.load(preset)
    summary = summarize(network)
    module = build_module(network, logits=True, classes=10)
    assert sum(p.numel() for p in module.parameters()) == run_cost(summary, 10).params
