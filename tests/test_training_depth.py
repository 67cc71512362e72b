"""Gradient norms per weight layer while training, and the depth experiment at a reduced size."""

from __future__ import annotations

import pytest
import torch
from test_training_fakes import blob_split, one_torch_thread, small_net  # noqa: F401

import cnnstudio
from cnnstudio.core import summarize
from cnnstudio.core.counting import weight_layers as count_weight_layers
from cnnstudio.model.build import build_module
from cnnstudio.training import RunControl, Trainer, TrainSettings
from cnnstudio.training.depth import (
    NETWORKS,
    DepthSettings,
    RunBegan,
    RunDone,
    RunProgress,
    depth_network,
    run_depth_experiment,
)
from cnnstudio.training.probes import GradientProbe, weight_layers

TINY = DepthSettings(images=100, size=8, width=4, epochs=2, batch_size=32, gradient_every=1)


def drain(events):
    seen = []
    try:
        while True:
            seen.append(next(events))
    except StopIteration as stop:
        return seen, stop.value


def test_weight_layers_are_the_convolutions_and_linear_layers_in_running_order():
    names = [name for name, _ in weight_layers(build_module(cnnstudio.load("resnet20")))]
    assert len(names) == 20 == count_weight_layers(cnnstudio.load("resnet20")).total
    assert names[:3] == ["conv1", "layer1.0.conv1", "layer1.0.conv2"] and names[-1] == "fc"
    resnet18 = [name for name, _ in weight_layers(build_module(cnnstudio.load("resnet18")))]
    assert "layer2.0.downsample.0" in resnet18  # a projection shortcut is a weight layer too


def test_the_probe_records_each_weight_layers_gradient_norm_every_k_steps():
    trainer = Trainer(small_net(), blob_split(train=320), TrainSettings(epochs=2, batch_size=32))
    trainer.probe = probe = GradientProbe(trainer.module, every=3)
    list(trainer.run())  # 10 steps an epoch: samples after steps 3, 6, ..., 18
    record = probe.take()
    assert record.layers == ["conv1", "fc"]
    assert record.steps == [3, 6, 9, 12, 15, 18]
    assert all(len(norms) == 2 and all(n > 0 for n in norms) for norms in record.norms)
    assert probe.take().steps == []  # taken once


def test_the_sampled_norm_is_the_gradient_of_that_step():
    module = build_module(small_net(), logits=True)
    probe = GradientProbe(module, every=1)
    loss = module(torch.randn(4, 1, 8, 8)).sum()
    loss.backward()
    probe.observe(1)
    record = probe.take()
    assert record.norms[0] == pytest.approx([float(w.grad.norm()) for _, w in weight_layers(module)])


def test_the_depth_networks_are_the_papers_made_narrow_and_small():
    network = depth_network("plain", 56, 16, 8)
    summary = summarize(network)
    assert network.name == "Plain-56" and summary.input_shape == (3, 16, 16)
    assert count_weight_layers(network).depth == 56 and summary.output_shape == (10,)
    widths = sorted({n.params["filters"] for n in network.nodes if n.type == "residual"})
    assert widths == [8, 16, 32]
    paper = depth_network("resnet", 20, 32, 16)
    assert summarize(paper).totals.params == summarize(cnnstudio.load("resnet20")).totals.params == 269_722


def test_the_depth_experiment_runs_four_networks_alike_and_keeps_their_curves():
    events, result = drain(run_depth_experiment(TINY, device="cpu"))
    assert result.status == "finished" and result.complete
    assert [run.name for run in result.runs] == ["Plain-20", "Plain-56", "ResNet-20", "ResNet-56"]
    assert [(run.kind, run.depth) for run in result.runs] == list(NETWORKS)
    for run in result.runs:
        assert len(run.history.epochs) == 2 and len(run.history.losses) == 6  # 80 images, batch 32
        assert run.history.settings == result.runs[0].history.settings  # same seed and settings
        assert run.history.dataset == "shapes:100"
        assert len(run.gradients.layers) == run.depth and run.gradients.steps == [1, 2, 3, 4, 5, 6]
        assert run.final_train_error is not None and run.params > 0 and run.macs > 0
    assert result.run("Plain-56").params == result.run("ResNet-56").params  # zero-pad shortcuts are free
    began = [e for e in events if isinstance(e, RunBegan)]
    done = [e for e in events if isinstance(e, RunDone)]
    assert [e.index for e in began] == [0, 1, 2, 3] == [e.index for e in done]
    progress = [e for e in events if isinstance(e, RunProgress)]
    assert sum(len(p.gradients.steps) for p in progress) == 24
    assert result.verdict()


def test_a_stop_ends_the_experiment_after_the_run_in_progress():
    control = RunControl()
    before = torch.get_num_threads()
    events = run_depth_experiment(TINY.with_changes(threads=before + 1), control, device="cpu")
    for event in events:
        if isinstance(event, RunProgress):
            assert torch.get_num_threads() == before + 1  # the experiment's own thread count
            control.stop()
            break
    _, result = drain(events)
    assert result.status == "stopped" and len(result.runs) == 1 and not result.complete
    assert result.verdict() == ""
    assert torch.get_num_threads() == before  # given back
