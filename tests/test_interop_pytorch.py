"""Exported PyTorch code: for every preset the file imports, and its module is build_module's
module (parameters, state_dict keys and shapes, initial weights, output); a trained checkpoint
loads into it; it reads like torchvision's code and passes ruff."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from cnnstudio.commands.export import with_input_shape
from cnnstudio.core import BLOCK_TYPES, PRESETS, Network, preset, summarize
from cnnstudio.interop import ExportError
from cnnstudio.interop.pytorch_code import LAYER_CODE, MERGES, model_code, pytorch_source
from cnnstudio.model.build import build_module

SMALL_INPUTS = {
    "alexnet": (3, 67, 67),
    "alexnet-2gpu": (3, 67, 67),
    "vgg16": (3, 32, 32),
    "vgg19": (3, 32, 32),
    "googlenet": (3, 32, 32),
    "conv1x1": (192, 8, 8),
    "conv5x5-naive": (192, 8, 8),
    "conv5x5-bottleneck": (192, 8, 8),
    "inception-naive": (192, 8, 8),
    "inception-bottleneck": (192, 8, 8),
}
"""Inputs small enough to run each network quickly on two cores (ResNets: 3x32x32)."""


def load_exported(network: Network, folder: Path):
    """The builder function of *network*'s exported code, imported from a file."""
    code = model_code(network)
    path = folder / f"{code.builder}.py"
    path.write_text(code.text(), encoding="utf-8")
    spec = importlib.util.spec_from_file_location(f"exported_{code.builder}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return getattr(module, code.builder)


def small(preset_id: str) -> Network:
    network = preset(preset_id)
    shape = SMALL_INPUTS.get(
        preset_id, (3, 32, 32) if "resnet" in preset_id or "plain" in preset_id else None
    )
    return with_input_shape(network, shape) if shape else network


def with_trained_statistics(state: dict) -> dict:
    """*state* with batch-norm statistics as after training (fresh ones make batch norm the identity)."""
    generator = torch.Generator().manual_seed(2)
    changed = {}
    for key, value in state.items():
        if key.endswith("running_mean"):
            value = 0.1 * torch.randn(value.shape, generator=generator)
        elif key.endswith("running_var"):
            value = 0.5 + torch.rand(value.shape, generator=generator)
        changed[key] = value
    return changed


def shapes(module) -> list[tuple[str, tuple[int, ...]]]:
    return [(key, tuple(value.shape)) for key, value in module.state_dict().items()]


@pytest.mark.parametrize("preset_id", list(PRESETS))
def test_exported_module_has_build_modules_parameters_at_the_presets_size(preset_id, tmp_path):
    network = preset(preset_id)
    builder = load_exported(network, tmp_path)
    with torch.device("meta"):  # shapes only: VGG-19's 143 million weights take no memory
        exported, built = builder(), build_module(network)
    assert shapes(exported) == shapes(built)
    assert sum(p.numel() for p in exported.parameters()) == summarize(network).totals.params


@pytest.mark.parametrize("preset_id", list(PRESETS))
def test_exported_module_computes_what_build_module_computes(preset_id, tmp_path):
    network = small(preset_id)
    builder = load_exported(network, tmp_path)
    torch.manual_seed(1)
    built = build_module(network).eval()
    torch.manual_seed(1)
    exported = builder().eval()
    for (key, ours), theirs in zip(exported.state_dict().items(), built.state_dict().values(), strict=True):
        assert torch.equal(ours, theirs), f"{key}: the same seed gives other initial weights"
    exported.load_state_dict(with_trained_statistics(built.state_dict()))
    built.load_state_dict(exported.state_dict())
    x = torch.randn(1, *summarize(network).input_shape)
    with torch.no_grad():
        torch.testing.assert_close(exported(x), built(x), rtol=1e-5, atol=1e-6)


def test_a_training_checkpoint_loads_into_the_exported_module(tmp_path):
    from cnnstudio.data import open_dataset
    from cnnstudio.training import Trainer, TrainSettings
    from cnnstudio.training.checkpoint import save_checkpoint

    network = preset("lenet5")
    trainer = Trainer(
        network, open_dataset("digits", (1, 32, 32)), TrainSettings(epochs=1, batch_size=512, device="cpu")
    )
    list(trainer.run())
    save_checkpoint(trainer, tmp_path / "run.pt")
    model = load_exported(network, tmp_path)(logits=True).eval()
    state = torch.load(tmp_path / "run.pt", weights_only=True)["state_dict"]
    model.load_state_dict(state)  # strict: every key and shape fits
    x = torch.randn(4, 1, 32, 32)
    with torch.no_grad():
        torch.testing.assert_close(model(x), trainer.module.cpu().eval()(x))


def branching_network() -> Network:
    """Branches, merges and awkward names at the top level (not a chain)."""
    net = Network('A "branchy" net\\ with Ünïcode')
    image = net.add_node("input", {"channels": 3, "height": 16, "width": 16}, "input").id
    a = net.add_node("conv2d", {"filters": 8, "kernel": 3}, "1x1", [image]).id
    b = net.add_node("conv2d", {"filters": 8, "kernel": 3}, "branch b.0", [image]).id
    total = net.add_node("add", {}, "in", [a, b]).id
    c = net.add_node("maxpool2d", {"kernel": 2, "stride": 2}, "append", [total]).id
    d = net.add_node("avgpool2d", {"kernel": 2, "stride": 2}, "append_1", [total]).id
    joined = net.add_node("concat", {}, "class", [c, d]).id
    pooled = net.add_node("globalavgpool", {}, "gap", [joined]).id
    fc = net.add_node("linear", {"units": 5}, "fc", [pooled]).id
    net.add_node("softmax", {}, "softmax", [fc])
    return net


def test_a_branching_network_is_written_with_an_explicit_forward(tmp_path):
    network = branching_network()
    text = pytorch_source(network)
    assert "nn.ModuleDict(layers)" in text and "torch.cat([" in text
    builder = load_exported(network, tmp_path)
    torch.manual_seed(0)
    built = build_module(network).eval()
    exported = builder().eval()
    exported.load_state_dict(built.state_dict())
    x = torch.randn(3, 3, 16, 16)
    with torch.no_grad():
        torch.testing.assert_close(exported(x), built(x))


def test_a_chain_whose_names_nn_sequential_refuses_gets_a_module_dict(tmp_path):
    network = preset("lenet5")
    network.rename(network.find("conv1").id, "append")  # an nn.Sequential method
    text = pytorch_source(network)
    assert 'layers["append"] = nn.Conv2d(1, 6, kernel_size=5)' in text and "nn.ModuleDict(layers)" in text
    torch.manual_seed(0)
    built = build_module(network).eval()
    exported = load_exported(network, tmp_path)().eval()
    exported.load_state_dict(built.state_dict())
    x = torch.randn(2, 1, 32, 32)
    with torch.no_grad():
        torch.testing.assert_close(exported(x), built(x))


def test_logits_leave_out_only_the_final_softmax(tmp_path):
    for network in (preset("lenet5"), branching_network()):
        builder = load_exported(network, tmp_path)
        torch.manual_seed(0)
        built = build_module(network, logits=True).eval()
        exported = builder(logits=True).eval()
        exported.load_state_dict(built.state_dict())
        x = torch.randn(2, *summarize(network).input_shape)
        with torch.no_grad():
            torch.testing.assert_close(exported(x), built(x))


def test_the_code_reads_like_torchvision_and_passes_ruff(tmp_path):
    text = pytorch_source(preset("resnet50"))
    imports = [line for line in text.splitlines() if line.startswith(("import ", "from "))]
    assert all("torch" in line or "collections" in line for line in imports)
    assert (
        "class Bottleneck(ResidualBlock):" in text
        and "def resnet_50(logits: bool = False) -> ResNet50:" in text
    )
    assert 'layers["layer3_0"] = Bottleneck(512, 256, stride=2)  # N x 1024 x 14 x 14' in text
    assert "class Inception" not in text and "class BasicBlock" not in text  # only the blocks it uses
    for preset_id in PRESETS:
        (tmp_path / f"{preset_id.replace('-', '_')}.py").write_text(pytorch_source(preset(preset_id)))
    (tmp_path / "branchy.py").write_text(pytorch_source(branching_network()))
    ruff = Path(sys.executable).with_name("ruff")
    for command in (["check"], ["format", "--check"]):
        result = subprocess.run(
            [str(ruff), *command, "--isolated", "--line-length", "120", str(tmp_path)],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_every_block_type_can_be_written():
    assert set(BLOCK_TYPES) - {"input"} == set(LAYER_CODE) | set(MERGES)


def test_a_network_with_errors_is_refused():
    network = preset("lenet5")
    network.set_param(network.find("conv2").id, "kernel", 50)
    with pytest.raises(ExportError, match="LeNet-5 has errors to fix first: conv2"):
        pytorch_source(network)
