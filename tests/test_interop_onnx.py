"""ONNX export and import: LeNet-5 and ResNet-18 pass the checker and compute in onnxruntime what
they compute in torch; every preset comes back from ONNX with the same table; PyTorch's own
exports import; broken, hostile or unsupported files are refused with one clear message."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import pytest
import torch

from cnnstudio.commands.export import with_input_shape
from cnnstudio.core import BLOCK_TYPES, PRESETS, Network, preset, summarize
from cnnstudio.core.report import table_rows
from cnnstudio.model.build import build_module

onnx = pytest.importorskip("onnx", reason="the onnx extra is not installed (pip install 'cnnstudio[onnx]')")

from cnnstudio.interop.onnx_blocks import RULES  # noqa: E402  (needs onnx only through the export)
from cnnstudio.interop.onnx_export import EMITTERS, onnx_bytes, to_onnx  # noqa: E402
from cnnstudio.interop.onnx_import import HANDLERS, import_onnx, import_onnx_bytes, network_from_model  # noqa: E402
from cnnstudio.interop.onnx_ops import SUPPORTED  # noqa: E402
from cnnstudio.interop.onnx_reader import OnnxImportError  # noqa: E402


def run_in_onnxruntime(model_bytes: bytes, x: torch.Tensor) -> torch.Tensor:
    ort = pytest.importorskip("onnxruntime", reason="onnxruntime is not installed")
    session = ort.InferenceSession(model_bytes, providers=["CPUExecutionProvider"])
    return torch.from_numpy(session.run(None, {"input": x.numpy()})[0])


def every_leaf_network() -> Network:
    """A small network with every leaf block the exporter writes, in its awkward settings."""
    net = Network("Every block")
    x = net.add_node("input", {"channels": 4, "height": 15, "width": 15}, "input").id
    x = net.add_node(
        "conv2d", {"filters": 8, "kernel": 3, "stride": 2, "padding": 1, "groups": 2}, "grouped", [x]
    ).id
    x = net.add_node("lrn", {"size": 3, "alpha": 1e-3, "beta": 0.6, "k": 1.5}, "lrn", [x]).id
    x = net.add_node("batchnorm2d", {}, "bn", [x]).id
    x = net.add_node("avgpool2d", {"kernel": 3, "stride": 2, "padding": 1, "ceil_mode": True}, "avg", [x]).id
    # (the zero-padding shortcut exists only inside residual blocks: resnet20 covers it)
    a = net.add_node("conv2d", {"filters": 12, "kernel": 3, "stride": 2, "padding": 1}, "branch", [x]).id
    b = net.add_node("conv2d", {"filters": 12, "kernel": 1, "stride": 2, "bias": False}, "projection", [x]).id
    x = net.add_node("add", {}, "add", [a, b]).id
    c = net.add_node("maxpool2d", {"kernel": 3, "stride": 1, "padding": 1}, "max", [x]).id
    d = net.add_node("sigmoid", {}, "sigmoid", [x]).id
    x = net.add_node("concat", {}, "concat", [c, d]).id
    x = net.add_node("tanh", {}, "tanh", [x]).id
    x = net.add_node("flatten", {}, "flatten", [x]).id
    x = net.add_node("dropout", {"p": 0.3}, "dropout", [x]).id
    x = net.add_node("linear", {"units": 7, "bias": False}, "fc", [x]).id
    x = net.add_node("relu", {}, "relu", [x]).id
    net.add_node("softmax", {}, "softmax", [x])
    return net


@pytest.mark.parametrize("network_id", ["lenet5", "resnet18", "every-block", "resnet20", "googlenet"])
def test_onnx_export_passes_the_checker_and_matches_torch_in_onnxruntime(network_id):
    network = every_leaf_network() if network_id == "every-block" else preset(network_id)
    if network_id == "googlenet":
        network = with_input_shape(network, (3, 64, 64))
    torch.manual_seed(0)
    module = build_module(network).eval()
    data = onnx_bytes(network, module.state_dict())
    onnx.checker.check_model(onnx.load_from_string(data), full_check=True)  # shapes inferred and checked too
    x = torch.randn(2, *summarize(network).input_shape)
    with torch.no_grad():
        expected = module(x)
    torch.testing.assert_close(run_in_onnxruntime(data, x), expected, rtol=1e-4, atol=1e-5)


def test_the_onnx_graph_has_cnn_studios_names_and_shapes():
    model = to_onnx(preset("resnet18"))
    names = [node.name for node in model.graph.node]
    assert names[:4] == ["conv1", "bn1", "relu", "maxpool"]
    assert "layer2.0/downsample.0" in names and model.graph.name == "ResNet-18"
    shapes = {
        info.name: [d.dim_value or d.dim_param for d in info.type.tensor_type.shape.dim]
        for info in model.graph.value_info
    }
    assert shapes["layer1.0"] == ["N", 64, 56, 56] and shapes["avgpool"] == ["N", 512]
    initializers = {tensor.name for tensor in model.graph.initializer}
    assert {"conv1.weight", "layer1.0.conv1.weight", "fc.bias", "bn1.running_var"} <= initializers


def test_a_checkpoints_weights_go_into_the_onnx_file(tmp_path):
    from cnnstudio.cli import main

    torch.manual_seed(5)
    network = preset("lenet5")
    module = build_module(network, logits=True)
    state = {k: v + 0.01 for k, v in module.state_dict().items()}  # weights no fresh module has
    model = to_onnx(network, state)
    weights = {t.name: onnx.numpy_helper.to_array(t) for t in model.graph.initializer}
    assert torch.equal(torch.tensor(weights["conv1.weight"]), state["layers.conv1.weight"])
    assert (
        main(["export", "lenet5", "--format", "onnx", "--no-weights", "-o", str(tmp_path / "small.onnx")])
        == 0
    )
    assert (tmp_path / "small.onnx").stat().st_size < 5_000  # the structure only


@pytest.mark.parametrize("preset_id", list(PRESETS))
def test_every_preset_comes_back_from_onnx_with_the_same_table(preset_id):
    network = preset(preset_id)
    back = import_onnx_bytes(onnx_bytes(network, weights=False), f"{preset_id}.onnx")
    assert back.name == network.name
    assert table_rows(summarize(back)) == table_rows(summarize(network))


@pytest.mark.parametrize("preset_id", ["resnet50", "resnet20", "plain18", "googlenet", "inception-naive"])
def test_blocks_are_recognised_from_their_operators_alone(preset_id):
    """Without CNN Studio's metadata (another tool rewrote the file) the blocks still come back."""
    network = preset(preset_id)
    model = to_onnx(network, weights=False)
    del model.metadata_props[:]
    back = network_from_model(model, "the model")
    assert table_rows(summarize(back)) == table_rows(summarize(network))


def test_an_import_with_weights_from_a_file_gives_the_network(tmp_path):
    network = preset("resnet18")
    path = tmp_path / "resnet18.onnx"
    path.write_bytes(onnx_bytes(network))
    back = import_onnx(path)
    assert [n.type for n in back.nodes][:6] == [
        "input",
        "conv2d",
        "batchnorm2d",
        "relu",
        "maxpool2d",
        "residual",
    ]
    assert summarize(back).totals.macs == summarize(network).totals.macs


def torch_exported(network: Network) -> bytes:
    """*network* exported by PyTorch's own (TorchScript) ONNX exporter."""
    module = build_module(network).eval()
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the TorchScript exporter is deprecated in favour of dynamo
        torch.onnx.export(module, (torch.zeros(1, *summarize(network).input_shape),), buffer, dynamo=False)
    return buffer.getvalue()


def test_a_model_exported_by_pytorch_imports():
    lenet = preset("lenet5")
    back = import_onnx_bytes(torch_exported(lenet), "lenet.onnx")
    assert table_rows(summarize(back)) == table_rows(summarize(lenet))
    resnet = with_input_shape(preset("resnet18"), (3, 64, 64))
    back = import_onnx_bytes(torch_exported(resnet), "resnet.onnx")  # batch norm folded into the convs
    summary = summarize(back)
    assert summary.valid and summary.output_shape == (1000,)
    assert summary.totals.macs == summarize(resnet).totals.macs
    assert back.find("layer2_0.downsample_0") is not None  # the module path, without "/.../Conv"


def tiny_model(op: str, **attributes) -> bytes:
    helper = onnx.helper
    image = helper.make_tensor_value_info("x", onnx.TensorProto.FLOAT, [1, 3, 8, 8])
    out = helper.make_tensor_value_info("y", onnx.TensorProto.FLOAT, None)
    weight = onnx.numpy_helper.from_array(torch.zeros(4, 3, 3, 3).numpy(), "w")
    nodes = [helper.make_node("Conv", ["x", "w"], ["c"], name="conv", pads=[1, 1, 1, 1])]
    nodes.append(helper.make_node(op, ["c"], ["y"], name="odd", **attributes))
    graph = helper.make_graph(nodes, "tiny", [image], [out], initializer=[weight])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]).SerializeToString()


def test_an_unsupported_operator_is_named():
    with pytest.raises(
        OnnxImportError,
        match=r"uses the operator LeakyRelu \(node 'odd'\), which CNN Studio has no block for",
    ):
        import_onnx_bytes(tiny_model("LeakyRelu", alpha=0.1))


@pytest.mark.parametrize(
    ("op", "attributes", "why"),
    [
        ("MaxPool", {"kernel_shape": [2, 2], "pads": [0, 0, 1, 1]}, "not the same on every side"),
        ("MaxPool", {"kernel_shape": [2, 3]}, "not the same along height and width"),
        ("AveragePool", {"kernel_shape": [3, 3], "pads": [1, 1, 1, 1]}, "leaves the padding out"),
        ("Flatten", {"axis": 2}, "axis other than 1"),
        ("Softmax", {"axis": 2}, "axis 2"),
    ],
)
def test_settings_a_block_cannot_express_are_refused(op, attributes, why):
    with pytest.raises(OnnxImportError, match=why):
        import_onnx_bytes(tiny_model(op, **attributes))


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"not a model at all\n", "not an ONNX model, or it is damaged or cut short"),
        (b"", "holds no ONNX graph"),
    ],
)
def test_a_file_that_is_no_model_gives_one_message(data, why, tmp_path):
    path = tmp_path / "model.onnx"
    path.write_bytes(data)
    with pytest.raises(OnnxImportError, match=why):
        import_onnx(path)


def test_a_cut_short_file_gives_one_message(tmp_path):
    path = tmp_path / "cut.onnx"
    path.write_bytes(onnx_bytes(preset("lenet5"))[:5_000])
    with pytest.raises(OnnxImportError, match="damaged or cut short"):
        import_onnx(path)


def test_a_file_too_large_is_refused_before_it_is_read(tmp_path, monkeypatch):
    from cnnstudio.interop import onnx_reader

    path = tmp_path / "big.onnx"
    path.write_bytes(onnx_bytes(preset("lenet5")))
    monkeypatch.setattr(onnx_reader, "MAX_ONNX_BYTES", 100_000)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("a refused file was read"))
    with pytest.raises(OnnxImportError, match="CNN Studio opens ONNX models up to 0 MB"):
        import_onnx(path)


def test_weights_in_a_separate_file_are_never_opened(tmp_path):
    """A model may name any path as its external data; the importer reads shapes only."""
    model = to_onnx(preset("lenet5"))
    for tensor in model.graph.initializer:
        if tensor.name == "fc1.weight":
            tensor.ClearField("raw_data")
            tensor.data_location = onnx.TensorProto.EXTERNAL
            entry = tensor.external_data.add()
            entry.key, entry.value = "location", str(tmp_path / "secret")
    (tmp_path / "secret").mkdir()  # reading it as a file would fail loudly
    back = import_onnx_bytes(model.SerializeToString())
    assert table_rows(summarize(back)) == table_rows(summarize(preset("lenet5")))


def test_a_model_reading_two_inputs_is_refused():
    model = to_onnx(preset("lenet5"))
    model.graph.input.append(onnx.helper.make_tensor_value_info("extra", onnx.TensorProto.FLOAT, [1, 3]))
    model.graph.node.append(onnx.helper.make_node("Relu", ["extra"], ["unused"]))
    with pytest.raises(OnnxImportError, match="reads 2 inputs; a CNN Studio network reads one image"):
        network_from_model(model)


def test_every_block_type_has_an_onnx_form_and_every_composite_a_rule():
    leaves = {t for t, b in BLOCK_TYPES.items() if not b.composite} - {"input"}
    assert leaves == set(EMITTERS)
    assert {t for t, b in BLOCK_TYPES.items() if b.composite} == set(RULES)
    assert set(SUPPORTED.split(", ")) == set(HANDLERS)  # the refusal lists what is imported


def test_damaged_models_never_raise_anything_but_the_import_error():
    """Flipped bytes anywhere in a model: either it still imports, or one OnnxImportError says why."""
    import random

    data = bytearray(onnx_bytes(every_leaf_network(), weights=False))
    rng = random.Random(0)
    outcomes = set()
    for _ in range(300):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        try:
            import_onnx_bytes(bytes(damaged))
            outcomes.add("imported")
        except OnnxImportError:
            outcomes.add("refused")
    assert outcomes == {"imported", "refused"}
