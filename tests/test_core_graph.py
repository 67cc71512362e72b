"""Network edits: each has an exact inverse, structural mistakes are refused with a reason."""

import pytest

from cnnstudio.core import (
    EdgesChanged,
    EditError,
    Network,
    NetworkRenamed,
    NodeAdded,
    NodeChanged,
    NodeMoved,
    NodeRemoved,
    NodeRenamed,
    preset,
)
from cnnstudio.core.fileformat import dumps


def lenet():
    return preset("lenet5")


def test_remove_then_restore_gives_back_the_same_network():
    net = lenet()
    before = dumps(net)
    removed = net.remove_node(net.find("pool1").id)
    assert net.find("pool1") is None
    assert net.find("tanh1").inputs == []
    net.restore_node(removed)
    assert dumps(net) == before


def test_removing_from_a_chain_with_bridge_keeps_the_chain_whole():
    net = lenet()
    before = dumps(net)
    removed = net.remove_node(net.find("pool1").id, bridge=True)
    assert net.find("tanh1").inputs == [net.find("conv1").id]
    net.restore_node(removed)
    assert dumps(net) == before


def test_insert_between_routes_an_edge_through_a_new_node():
    net = lenet()
    conv1, pool1 = net.find("conv1"), net.find("pool1")
    bn = net.add_node("batchnorm2d")
    net.insert_between(bn.id, conv1.id, pool1.id)
    assert pool1.inputs == [bn.id] and bn.inputs == [conv1.id]


def test_connect_refuses_loops_and_second_inputs():
    net = lenet()
    conv1, fc3 = net.find("conv1"), net.find("fc3")
    with pytest.raises(EditError, match="would make a loop"):
        net.connect(fc3.id, conv1.id)
    with pytest.raises(EditError, match="takes one input and already has one"):
        net.connect(net.find("input").id, net.find("pool1").id)
    with pytest.raises(EditError, match="nothing can feed into it"):
        net.connect(conv1.id, net.find("input").id)


def test_disconnect_returns_the_index_for_undo():
    net = Network()
    inp = net.add_node("input")
    a, b = net.add_node("relu", inputs=[inp.id]), net.add_node("tanh", inputs=[inp.id])
    cat = net.add_node("concat", inputs=[a.id, b.id])
    index = net.disconnect(a.id, cat.id)
    assert index == 0 and cat.inputs == [b.id]
    net.connect(a.id, cat.id, index)
    assert cat.inputs == [a.id, b.id]


def test_names_are_unique_and_renames_are_checked():
    net = Network()
    net.add_node("input")
    first, second = net.add_node("conv2d"), net.add_node("conv2d")
    assert first.name == "conv" and second.name == "conv1"
    with pytest.raises(EditError, match="already called"):
        net.rename(second.id, "conv")
    assert net.rename(second.id, "reduce") == "conv1"


def test_set_param_checks_types_and_ranges_but_leaves_fit_to_the_analysis():
    net = lenet()
    conv1 = net.find("conv1")
    with pytest.raises(EditError, match="whole number"):
        net.set_param(conv1.id, "kernel", "big")
    with pytest.raises(EditError, match="has no setting 'colour'"):
        net.set_param(conv1.id, "colour", 3)
    with pytest.raises(EditError, match="kernel size must be at least 1, got 0"):
        net.set_param(conv1.id, "kernel", 0)
    assert net.set_param(conv1.id, "kernel", 200) == 5  # larger than its input: the analysis says so


def test_listeners_hear_every_edit_as_a_typed_event_naming_what_it_touched():
    net = lenet()
    events = []
    net.subscribe(events.append)
    conv1, pool1 = net.find("conv1"), net.find("pool1")
    net.set_param(conv1.id, "filters", 8)
    net.rename(conv1.id, "C1")
    net.move(conv1.id, (10.0, 20.0))
    removed = net.remove_node(conv1.id)
    net.restore_node(removed)
    net.set_name("LeNet")
    assert events == [
        NodeChanged(conv1.id),
        NodeRenamed(conv1.id),
        NodeMoved(conv1.id),
        NodeRemoved(conv1.id),
        EdgesChanged((pool1.id,)),
        NodeAdded(conv1.id),
        EdgesChanged((pool1.id,)),
        NetworkRenamed(),
    ]


def test_only_one_input_node():
    net = lenet()
    with pytest.raises(EditError, match="already has an Input"):
        net.add_node("input")


def test_unknown_block_types_list_the_known_ones():
    with pytest.raises(EditError, match=r"unknown block type 'capsule'.*conv2d"):
        Network().add_node("capsule")
