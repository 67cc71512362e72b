"""Random sequences of network edits keep every promise of the core (hypothesis, stateful).

Edits: add, remove (with and without bridging), connect, disconnect, insert into an edge, set a
setting, rename a layer, move it, rename the network; names and values at and beyond their
limits (blank and whitespace-only names, names of the longest allowed length and one more,
control characters and lone surrogates, huge integers, integers too large for a float, wrong
types). Undo takes back the last edit with its inverse. After every step:

* ``summarize`` never raises;
* the file round trip ``dumps -> loads -> dumps`` is exact (what the core accepts, it saves and
  loads back equal);
* an analyzer that has followed every edit gives exactly what a fresh one gives;
* a refused edit changed nothing, and an undo gives back exactly the network before the edit.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from cnnstudio.core import Analyzer, EditError, Network, palette_types
from cnnstudio.core.fileformat import dumps, loads
from cnnstudio.core.graph import MAX_NAME_LENGTH, MAX_NUMBER
from cnnstudio.core.report import to_json

TYPES = [block.id for block in palette_types()]


class HugeInt(int):
    """An integer too long for Python to write in decimal (over 4,300 digits); shown briefly."""

    def __repr__(self) -> str:
        return f"<an integer of {self.bit_length()} bits>"


HUGE = HugeInt(10**5000)
NAMES = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        [
            "",
            "   ",
            "\t\n",
            " conv ",
            "x" * MAX_NAME_LENGTH,
            "x" * (MAX_NAME_LENGTH + 1),
            "\ud800",
            "a\x00b",
            "합성곱",
            "conv1",
        ]
    ),
)
NUMBERS = st.one_of(
    st.integers(-3, 300),
    st.sampled_from([0, 1, 65_536, 65_537, MAX_NUMBER, MAX_NUMBER + 1, 2**63, 10**400, -(10**400), HUGE]),
    st.floats(allow_nan=True, allow_infinity=True),
)
VALUES = st.one_of(
    NUMBERS,
    st.booleans(),
    st.sampled_from(["same", "valid", "3", "²", "basic", "bottleneck", "auto", "zero-pad", "", None]),
)


class NetworkEdits(RuleBasedStateMachine):
    """A network under random edits, with a stack of inverses to undo them."""

    def __init__(self) -> None:
        super().__init__()
        self.net = Network("stateful")
        self.net.add_node("input", {"channels": 3, "height": 16, "width": 16}, pos=(0.0, 0.0))
        self.analyzer = Analyzer()
        self.undo_stack: list[tuple[str, object]] = []  # (the file before the edit, its inverse)

    # -- helpers --------------------------------------------------------------------------------

    def _ids(self) -> list[str]:
        return [node.id for node in self.net.nodes]

    def _edit(self, do, inverse_of) -> None:
        """Run *do*; if refused, nothing may have changed; else remember how to undo it."""
        before = dumps(self.net)
        try:
            result = do()
        except EditError:
            assert dumps(self.net) == before, "a refused edit changed the network"
            return
        self.undo_stack.append((before, inverse_of(result)))

    # -- edits ----------------------------------------------------------------------------------

    @rule(data=st.data(), type_id=st.sampled_from(TYPES), name=st.one_of(st.none(), NAMES))
    def add(self, data, type_id, name) -> None:
        ids = self._ids()
        inputs = data.draw(st.lists(st.sampled_from(ids), max_size=3, unique=True)) if ids else []
        self._edit(
            lambda: self.net.add_node(type_id, None, name, inputs, (0.0, 10.0 * len(ids))).id,
            lambda node_id: lambda: self.net.remove_node(node_id),
        )

    @precondition(lambda self: any(node.inputs for node in self.net.nodes))
    @rule(data=st.data(), type_id=st.sampled_from(["add", "concat"]))
    def add_shortcut(self, data, type_id) -> None:
        """A merge fed by a layer and by that layer's own input: a residual shortcut."""
        node = data.draw(st.sampled_from([n for n in self.net.nodes if n.inputs]))
        self._edit(
            lambda: self.net.add_node(type_id, inputs=[node.id, node.inputs[0]]).id,
            lambda node_id: lambda: self.net.remove_node(node_id),
        )

    @precondition(lambda self: len(self.net) > 0)
    @rule(data=st.data(), bridge=st.booleans())
    def remove(self, data, bridge) -> None:
        node_id = data.draw(st.sampled_from(self._ids()))
        self._edit(
            lambda: self.net.remove_node(node_id, bridge=bridge),
            lambda removed: lambda: self.net.restore_node(removed),
        )

    @precondition(lambda self: len(self.net) > 1)
    @rule(data=st.data())
    def connect(self, data) -> None:
        src, dst = data.draw(st.lists(st.sampled_from(self._ids()), min_size=2, max_size=2, unique=True))
        self._edit(lambda: self.net.connect(src, dst), lambda _: lambda: self.net.disconnect(src, dst))

    @precondition(lambda self: bool(self.net.edges()))
    @rule(data=st.data())
    def disconnect(self, data) -> None:
        src, dst = data.draw(st.sampled_from(self.net.edges()))
        self._edit(
            lambda: self.net.disconnect(src, dst),
            lambda index: lambda: self.net.connect(src, dst, index),
        )

    @precondition(lambda self: bool(self.net.edges()))
    @rule(data=st.data(), type_id=st.sampled_from(TYPES))
    def insert(self, data, type_id) -> None:
        """Add a block into an edge, as one step (the editor's insertion)."""
        src, dst = data.draw(st.sampled_from(self.net.edges()))

        def insert() -> str:
            node = self.net.add_node(type_id)
            try:
                self.net.insert_between(node.id, src, dst)
            except EditError:
                self.net.remove_node(node.id)
                raise
            return node.id

        self._edit(insert, lambda node_id: lambda: self.net.remove_node(node_id, bridge=True))

    @precondition(lambda self: len(self.net) > 0)
    @rule(data=st.data(), value=VALUES)
    def set_param(self, data, value) -> None:
        node = self.net.node(data.draw(st.sampled_from(self._ids())))
        keys = [spec.key for spec in node.block.params]
        if not keys:
            return
        key = data.draw(st.sampled_from(keys))
        self._edit(
            lambda: self.net.set_param(node.id, key, value),
            lambda old: lambda: self.net.set_param(node.id, key, old),
        )

    @rule(data=st.data(), name=NAMES)
    def rename(self, data, name) -> None:
        """Rename a layer or, now and then, the network itself."""
        node_id = data.draw(st.sampled_from([*self._ids(), None]))
        if node_id is None:
            self._edit(lambda: self.net.set_name(name), lambda old: lambda: self.net.set_name(old))
            return
        self._edit(
            lambda: self.net.rename(node_id, name),
            lambda old: lambda: self.net.rename(node_id, old),
        )

    @precondition(lambda self: len(self.net) > 0)
    @rule(data=st.data(), x=st.floats(-1e6, 1e6), y=st.floats(-1e6, 1e6))
    def move(self, data, x, y) -> None:
        node_id = data.draw(st.sampled_from(self._ids()))
        self._edit(
            lambda: self.net.move(node_id, (x, y)),
            lambda old: lambda: self.net.move(node_id, old),
        )

    @precondition(lambda self: bool(self.undo_stack))
    @rule()
    def undo(self) -> None:
        before, inverse = self.undo_stack.pop()
        inverse()
        assert dumps(self.net) == before, "an undo did not give back the network before the edit"

    # -- promises -------------------------------------------------------------------------------

    @invariant()
    def analysis_never_raises_and_matches_a_fresh_one(self) -> None:
        followed = to_json(self.analyzer.summarize(self.net))
        assert followed == to_json(Analyzer().summarize(self.net))

    @invariant()
    def the_file_round_trip_is_exact(self) -> None:
        text = dumps(self.net)
        assert dumps(loads(text)) == text


NetworkEdits.TestCase.settings = settings(
    max_examples=100,
    stateful_step_count=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_network_edits = NetworkEdits.TestCase
