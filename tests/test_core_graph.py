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
from cnnstudio.core.fileformat import dumps, loads
from cnnstudio.core.graph import MAX_NAME_LENGTH


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


def test_bridging_never_feeds_a_node_the_same_input_twice():
    """n1 -> a -> add and n1 -> add: removing a with bridging drops that edge instead (issue 7.1)."""
    net = Network()
    n1 = net.add_node("input").id
    a = net.add_node("relu", name="a", inputs=[n1]).id
    add = net.add_node("add", inputs=[a, n1]).id
    tail = net.add_node("tanh", name="tail", inputs=[a]).id
    before = dumps(net)
    removed = net.remove_node(a, bridge=True)
    assert net.node(add).inputs == [n1]  # not [n1, n1]
    assert net.node(tail).inputs == [n1]  # a chain consumer is still bridged
    assert loads(dumps(net)).nodes == net.nodes  # what the core accepts, it saves and loads back
    net.restore_node(removed)
    assert dumps(net) == before


@pytest.mark.parametrize("name", ["", "   ", "\t", "a\nb", "bad\x00", "x" * (MAX_NAME_LENGTH + 1), "\ud800"])
def test_names_that_cannot_be_used_or_saved_are_refused_everywhere(name):
    net = lenet()
    conv1 = net.find("conv1").id
    with pytest.raises(EditError):
        net.rename(conv1, name)
    with pytest.raises(EditError):
        net.add_node("relu", name=name)
    with pytest.raises(EditError):
        net.set_name(name)


def test_names_lose_surrounding_spaces_and_may_be_as_long_as_the_limit():
    net = lenet()
    conv1 = net.find("conv1").id
    net.rename(conv1, "  C1  ")
    assert net.node(conv1).name == "C1" and net.find("C1") is not None
    longest = "y" * MAX_NAME_LENGTH
    net.rename(conv1, longest)
    copy = net.add_node("relu", name=longest)
    assert len(copy.name) == MAX_NAME_LENGTH and copy.name != longest  # numbered, still within the limit
    assert loads(dumps(net)).find(longest) is not None


def test_a_network_built_with_any_name_becomes_usable():
    assert Network("   ").name == "Untitled"
    assert Network(" LeNet ").name == "LeNet"
    assert "\ud800" not in Network("a\ud800b").name


@pytest.mark.parametrize(
    "value",
    [10**16, -(10**16), 10**400, pytest.param(10**5000, id="5000-digits"), 1e300, float("inf"), float("nan")],
)
def test_numbers_far_out_of_any_range_are_edit_errors_not_overflows(value):
    net = lenet()
    for layer, key in (("conv1", "filters"), ("conv1", "padding")):
        with pytest.raises(EditError):
            net.set_param(net.find(layer).id, key, value)
    lrn = net.add_node("lrn", inputs=[net.find("conv1").id])
    with pytest.raises(EditError):  # a float setting given an int too large for a float
        net.set_param(lrn.id, "alpha", value)


def test_values_outside_a_settings_range_say_what_is_allowed():
    net = lenet()
    with pytest.raises(EditError, match="filters must be at most 65,536, got 70,000"):
        net.set_param(net.find("conv1").id, "filters", 70_000)


@pytest.mark.parametrize("node_id", ["", "   ", 5, None])
def test_node_ids_must_be_text(node_id):
    net = Network()
    if node_id is None:
        assert net.add_node("input", node_id=None).id == "n1"  # None means "make one up"
        return
    with pytest.raises(EditError, match="node id"):
        net.add_node("input", node_id=node_id)


def test_positions_must_be_two_finite_numbers():
    net = lenet()
    conv1 = net.find("conv1").id
    for bad in [(float("nan"), 0.0), (1.0,), "here", (True, 2.0)]:
        with pytest.raises(EditError):
            net.move(conv1, bad)
    net.move(conv1, (3, 4))
    assert net.node(conv1).pos == (3.0, 4.0)


def test_blocks_that_only_live_inside_composites_cannot_be_added():
    with pytest.raises(EditError, match="only exists inside"):
        lenet().add_node("padshortcut")


class CountingDict(dict):
    """A dict that counts its lookups: how many nodes a search visits."""

    lookups = 0

    def __getitem__(self, key):
        CountingDict.lookups += 1
        return super().__getitem__(key)

    def get(self, key, default=None):
        CountingDict.lookups += 1
        return super().get(key, default)


@pytest.mark.parametrize("reverse", [False, True])
def test_loading_a_long_chain_in_either_order_takes_linear_work(reverse):
    """Each connect searches the smaller side of the loop check, so building a 5,000-layer chain
    in either order looks at each node a few times, not thousands (which made loading cubic)."""
    layers = 5_000
    net = Network()
    order = range(layers, -1, -1) if reverse else range(layers + 1)
    for i in order:
        net.add_node("input" if i == 0 else "relu", name=f"l{i}", node_id=f"n{i}")
    net._nodes, net._consumers = CountingDict(net._nodes), CountingDict(net._consumers)
    CountingDict.lookups = 0
    for i in order:
        if i:
            net.connect(f"n{i - 1}", f"n{i}")
    assert CountingDict.lookups < 10 * layers
    assert net.consumers("n0") == [("n1", 0)] and net.node(f"n{layers}").inputs == [f"n{layers - 1}"]
    assert net.reaches("n0", f"n{layers}") and not net.reaches(f"n{layers}", "n0")
