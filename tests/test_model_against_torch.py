"""The core's table against PyTorch: every preset, and random graphs (hypothesis)."""

import pytest
import torch
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cnnstudio.core import PRESETS, EditError, Network, block_type, preset, summarize
from cnnstudio.model.build import InvalidNetworkError, build_module, leaf_module
from cnnstudio.model.verify import verify

HYPOTHESIS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("preset_id", sorted(PRESETS))
def test_every_preset_passes_verify(preset_id):
    result = verify(preset(preset_id))
    assert result.ok, result.mismatches
    assert result.checked == len(result.summary.all_rows()) - 1  # every layer but the Input


def test_building_an_invalid_network_says_why():
    net = preset("lenet5")
    net.set_param(net.find("conv1").id, "kernel", 40)
    with pytest.raises(InvalidNetworkError, match="conv1: kernel 40x40 is larger than the 32x32 input"):
        build_module(net)


def test_logits_mode_drops_the_final_softmax():
    net = preset("lenet5")
    x = torch.randn(4, 1, 32, 32)
    probabilities = build_module(net).eval()(x)
    assert torch.allclose(probabilities.sum(dim=1), torch.ones(4))
    logits_model = build_module(net, logits=True).eval()
    logits_model.load_state_dict(build_module(net).state_dict())
    assert not torch.allclose(logits_model(x).sum(dim=1), torch.ones(4))


def conv_params(draw):
    return {
        "filters": draw(st.integers(1, 12)),
        "kernel": draw(st.integers(1, 5)),
        "stride": draw(st.integers(1, 3)),
        "padding": draw(st.sampled_from(["same", "valid", 0, 1, 2])),
        "groups": draw(st.sampled_from([1, 1, 2, 3])),
        "bias": draw(st.booleans()),
    }


def pool_params(draw):
    return {
        "kernel": draw(st.integers(1, 4)),
        "stride": draw(st.integers(1, 3)),
        "padding": draw(st.integers(0, 2)),
        "ceil_mode": draw(st.booleans()),
    }


def residual_params(draw):
    return {
        "variant": draw(st.sampled_from(["basic", "bottleneck"])),
        "filters": draw(st.integers(1, 8)),
        "stride": draw(st.integers(1, 2)),
        "stride_on": draw(st.sampled_from(["3x3", "1x1"])),
        "batchnorm": draw(st.booleans()),
        "shortcut": draw(st.sampled_from(["auto", "projection", "zero-pad", "none"])),
    }


def inception_params(draw):
    keys = ("c1x1", "c3x3_reduce", "c3x3", "c5x5_reduce", "c5x5", "pool_proj")
    params = {key: draw(st.integers(0 if key in ("c1x1", "pool_proj") else 1, 6)) for key in keys}
    params["reductions"] = draw(st.booleans())
    return params


SIMPLE = ["relu", "tanh", "sigmoid", "softmax", "batchnorm2d", "lrn", "dropout"]


def add_step(draw, net, last):
    """Append one random piece after *last*; returns the ids added and the new last id."""
    kind = draw(st.sampled_from(["conv", "pool", "simple", "residual", "inception", "add", "concat"]))
    if kind == "conv":
        node = net.add_node("conv2d", conv_params(draw), inputs=[last])
        return [node.id], node.id
    if kind == "pool":
        node = net.add_node(
            draw(st.sampled_from(["maxpool2d", "avgpool2d"])), pool_params(draw), inputs=[last]
        )
        return [node.id], node.id
    if kind == "simple":
        node = net.add_node(draw(st.sampled_from(SIMPLE)), inputs=[last])
        return [node.id], node.id
    if kind in ("residual", "inception"):
        params = residual_params(draw) if kind == "residual" else inception_params(draw)
        node = net.add_node(kind, params, inputs=[last])
        return [node.id], node.id
    filters = draw(st.integers(1, 8))
    a = net.add_node(
        "conv2d", {"filters": filters, "kernel": draw(st.sampled_from([1, 3, 5]))}, inputs=[last]
    )
    if kind == "add":
        b = net.add_node(
            "conv2d", {"filters": filters, "kernel": draw(st.sampled_from([1, 3]))}, inputs=[last]
        )
    else:
        b = net.add_node("maxpool2d", {"kernel": 3, "stride": 1, "padding": 1}, inputs=[last])
    merge = net.add_node(kind, inputs=[a.id, b.id])
    return [a.id, b.id, merge.id], merge.id


@st.composite
def valid_networks(draw):
    net = Network("random")
    size = draw(st.integers(5, 20))
    last = net.add_node("input", {"channels": draw(st.integers(1, 6)), "height": size, "width": size}).id
    for _ in range(draw(st.integers(1, 6))):
        added, new_last = add_step(draw, net, last)
        if summarize(net).valid:
            last = new_last
        else:  # keep only pieces that fit: the property is about valid graphs
            for node_id in reversed(added):
                net.remove_node(node_id)
    if draw(st.booleans()):
        last = net.add_node(draw(st.sampled_from(["flatten", "globalavgpool"])), inputs=[last]).id
        net.add_node("linear", {"units": draw(st.integers(1, 10))}, inputs=[last])
    return net


@HYPOTHESIS
@given(valid_networks())
def test_random_valid_graphs_match_torch_layer_by_layer(net):
    assert summarize(net).valid
    result = verify(net)
    assert result.ok, result.mismatches


@st.composite
def single_layers(draw):
    type_id = draw(st.sampled_from(["conv2d", "maxpool2d", "avgpool2d"]))
    params = conv_params(draw) if type_id == "conv2d" else pool_params(draw)
    if type_id == "conv2d":
        params["padding"] = draw(st.integers(0, 3))  # PyTorch has no 'same' with stride > 1
    shape = (draw(st.integers(1, 6)), draw(st.integers(1, 8)), draw(st.integers(1, 8)))
    return type_id, params, shape


@HYPOTHESIS
@given(single_layers())
@example(
    ("maxpool2d", {"kernel": 2, "stride": 2, "padding": 0, "ceil_mode": True}, (1, 1, 1))
)  # runs off the edge
@example(("maxpool2d", {"kernel": 3, "stride": 2, "padding": 0, "ceil_mode": True}, (1, 1, 1)))  # too large
def test_core_and_torch_agree_on_which_settings_are_impossible(layer):
    type_id, params, shape = layer
    net = Network()
    net.add_node("input", dict(zip(("channels", "height", "width"), shape, strict=True)))
    net.add_node(type_id, params, inputs=["n1"])
    row = summarize(net).rows[1]
    try:
        out = leaf_module(type_id, params, [shape])(torch.zeros(1, *shape))
        torch_ok = out.numel() > 0
    except (RuntimeError, ValueError):  # torch refuses at construction or in forward
        torch_ok = False
    assert (not row.errors) == torch_ok, (row.errors, params, shape)
    if torch_ok:
        assert row.shape == tuple(out.shape[1:])


@st.composite
def wild_settings(draw):
    type_id = draw(
        st.sampled_from(
            ["conv2d", "maxpool2d", "avgpool2d", "linear", "residual", "inception", "lrn", "dropout"]
        )
    )
    params = {}
    for spec in block_type(type_id).params:
        if spec.kind == "int":
            params[spec.key] = draw(st.integers(-5, 10**7))
        elif spec.kind == "float":
            params[spec.key] = draw(st.floats(-10, 1e6, allow_nan=False))
        elif spec.kind == "padding":
            params[spec.key] = draw(st.one_of(st.sampled_from(["same", "valid"]), st.integers(-3, 300)))
    return type_id, params, draw(st.booleans())


@HYPOTHESIS
@given(wild_settings())
def test_impossible_settings_are_refused_or_become_node_errors_never_exceptions(case):
    type_id, params, flat = case
    net = Network()
    net.add_node("input", {"channels": 3, "height": 16, "width": 16})
    src = net.add_node("flatten", inputs=["n1"]).id if flat else "n1"
    block = block_type(type_id)
    out_of_range = any(block.spec(k).problems(block.spec(k).coerce(v)) for k, v in params.items())
    if out_of_range:  # the graph refuses a value outside its setting's range, saying which
        with pytest.raises(EditError, match="must be at"):
            net.add_node(type_id, params, inputs=[src])
        return
    node = net.add_node(type_id, params, inputs=[src])
    summary = summarize(net)
    row = summary.row(node.id)
    assert summary.valid == (not row.errors)
    if row.errors:
        assert row.shape is None
