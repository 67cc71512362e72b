"""Problems become errors on the node they belong to, in words a student understands."""

import pytest

from cnnstudio.core import EditError, Network, format_shape, preset, summarize


def chain(*layers, channels=3, size=32):
    """A network Input -> layers...; each layer is (type, params)."""
    net = Network("test")
    last = net.add_node("input", {"channels": channels, "height": size, "width": size}).id
    for type_id, params in layers:
        last = net.add_node(type_id, params, inputs=[last]).id
    return net


def errors_of(net, name):
    summary = summarize(net)
    return list(next(row.errors for row in summary.all_rows() if row.path == name))


def test_a_kernel_larger_than_its_input_is_explained():
    net = chain(("conv2d", {"kernel": 5, "padding": "valid"}), size=3)
    assert errors_of(net, "conv") == [
        "kernel 5x5 is larger than the 3x3 input; use padding or a smaller kernel"
    ]


def test_add_with_unequal_shapes_names_both():
    net = Network()
    inp = net.add_node("input", {"channels": 64, "height": 28, "width": 28}).id
    a = net.add_node("conv2d", {"filters": 64}, name="a", inputs=[inp]).id
    b = net.add_node("conv2d", {"filters": 128}, name="b", inputs=[inp]).id
    net.add_node("add", inputs=[a, b])
    assert errors_of(net, "add") == ["Add needs equal shapes, got 28x28x64 and 28x28x128"]


def test_linear_on_an_image_asks_for_flatten():
    net = chain(("conv2d", {"filters": 8}), ("linear", {"units": 10}))
    [message] = errors_of(net, "fc")
    assert "needs a flat input but gets 32x32x8" in message and "Flatten" in message


def test_conv_after_flatten_is_explained():
    net = chain(("flatten", {}), ("conv2d", {}))
    [message] = errors_of(net, "conv")
    assert "needs an image-shaped input" in message and "3,072" in message


def test_an_unconnected_layer_is_dangling_and_says_how_to_connect_it():
    net = chain(("relu", {}))
    net.add_node("conv2d", name="lonely")
    summary = summarize(net)
    lonely = summary.row(net.find("lonely").id)
    assert lonely.errors == () and lonely.dangling
    [note] = lonely.notes
    assert note.startswith("dangling: not connected") and "drag from another layer's output port" in note
    assert summary.valid and summary.output_node == net.find("relu").id


def test_dangling_layers_never_take_over_the_output_or_count_in_the_totals():
    """Pasted layers that lead nowhere (issue 8.3): the real output keeps its numbers."""
    net = preset("lenet5")
    before = summarize(net)
    copy_of_conv = net.add_node("conv2d", {"filters": 6, "kernel": 5, "padding": "valid"}, "conv1")
    net.add_node("avgpool2d", {"kernel": 2, "stride": 2}, "pool1", inputs=[copy_of_conv.id])
    after = summarize(net)
    softmax = net.find("softmax").id
    assert after.output_node == softmax and after.row(softmax).errors == ()
    assert after.totals == before.totals and after.valid
    pasted = [row for row in after.rows if row.node_id not in {r.node_id for r in before.rows}]
    assert len(pasted) == 2 and all(row.dangling and row.notes[0].startswith("dangling") for row in pasted)


def test_the_output_is_the_deepest_end_not_the_last_added():
    net = preset("lenet5")
    side = net.add_node("relu", name="side", inputs=[net.find("conv1").id])
    summary = summarize(net)
    assert summary.output_node == net.find("softmax").id
    assert any("nothing uses this layer's output" in e for e in summary.row(side.id).errors)


def test_a_loose_end_is_reported_on_the_layer_going_nowhere():
    net = chain(("relu", {}))
    net.add_node("tanh", name="side", inputs=["n1"])
    net.add_node("sigmoid", name="last", inputs=["n2"])
    summary = summarize(net)
    assert any("nothing uses this layer's output" in e for e in errors_of(net, "side"))
    assert errors_of(net, "last") == []
    assert summary.output_node == net.find("last").id


def test_a_loop_is_reported_on_every_node_in_it_without_raising():
    net = chain(("relu", {}), ("tanh", {}))
    relu, tanh = net.find("relu"), net.find("tanh")
    relu.inputs.append(tanh.id)  # bypass the editor's refusal, as a hand-edited file could
    summary = summarize(net)
    assert not summary.valid
    for name in ("relu", "tanh"):
        assert any("part of a loop" in e for e in errors_of(net, name))


def test_groups_must_divide_the_channels():
    net = chain(("conv2d", {"filters": 96, "groups": 2}), channels=3)
    assert errors_of(net, "conv") == [
        "groups (2) must divide both the input channels (3) and the filters (96)"
    ]


def test_out_of_range_settings_are_refused_by_the_graph_and_reported_if_forced_in():
    with pytest.raises(EditError, match="filters must be at least 1, got 0"):
        chain(("conv2d", {"filters": 0}))
    net = chain(("conv2d", {}))
    conv = net.find("conv")
    conv.params.update(filters=0, kernel=0)  # bypass the graph, as only code reaching inside can
    errors = errors_of(net, "conv")
    assert "filters must be at least 1, got 0" in errors
    assert "kernel size must be at least 1, got 0" in errors


def test_same_padding_with_an_even_kernel_is_explained():
    [message] = errors_of(chain(("conv2d", {"kernel": 4, "padding": "same"})), "conv")
    assert "'same' padding needs an odd kernel size" in message


def test_pool_padding_over_half_the_kernel_is_refused_like_pytorch():
    [message] = errors_of(chain(("maxpool2d", {"kernel": 2, "padding": 2})), "maxpool")
    assert message == "padding (2) must be at most half the kernel size (2)"


def test_missing_and_extra_inputs():
    net = Network()
    assert summarize(net).errors == ("the network has no Input block; add one from the palette",)
    net = chain(("relu", {}))
    net.add_node("add", name="merge", inputs=["n2"])
    assert errors_of(net, "merge") == ["Add needs at least 2 inputs, has 1"]


def test_an_invalid_graph_still_reports_everything_up_to_the_error():
    net = preset("lenet5")
    net.set_param(net.find("conv2").id, "kernel", 15)  # 14x14 input: too large
    summary = summarize(net)
    assert not summary.valid
    rows = {row.path: row for row in summary.rows}
    assert format_shape(rows["pool1"].shape) == "14x14x6"
    assert rows["conv1"].macs == 117_600
    assert rows["conv2"].errors and rows["conv2"].shape is None
    assert rows["fc3"].shape is None and rows["fc3"].errors == ()
    assert summary.errors == (
        "conv2: kernel 15x15 is larger than the 14x14 input; use padding or a smaller kernel",
    )


def test_errors_inside_a_composite_block_name_the_inner_layer():
    net = chain(("residual", {"shortcut": "zero-pad", "filters": 8}), channels=16, size=8)
    [message] = errors_of(net, "block")
    assert message == "shortcut: a zero-padding shortcut cannot shrink 16 channels to 8"
