"""Random edit, undo, redo and save sequences on a real Document keep the undo stack honest.

Edits go through the commands the editor uses (names and values at and beyond their limits);
undo and redo go through the QUndoStack. After every step: the network at each stack index is
exactly the one first seen there, nothing raised inside the stack, and the document counts as
modified exactly when the stack is away from the index where it was last saved.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from cnnstudio.core import preset
from cnnstudio.core.fileformat import dumps
from cnnstudio.core.graph import MAX_NAME_LENGTH
from cnnstudio.ui.commands import (
    AddNodeCommand,
    EditMacro,
    MoveCommand,
    RemoveNodeCommand,
    RenameCommand,
    RenameNetworkCommand,
    SetParamCommand,
    execute,
)
from cnnstudio.ui.document import Document

NAMES = st.sampled_from(
    ["", "   ", " conv ", "x" * MAX_NAME_LENGTH, "x" * (MAX_NAME_LENGTH + 1), "\ud800", "C1"]
)
VALUES = st.sampled_from([0, 1, 3, 5, 7, 65_536, 65_537, 10**15, 10**16, 10**400, 2.5, -1, "same", "²", None])


class UndoSessions(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.document = Document(preset("lenet5"))
        self.seen = {0: dumps(self.document.network)}  # the network at each stack index
        self.clean = 0

    @property
    def stack(self):
        return self.document.undo_stack

    def _done(self) -> None:
        """After an edit: the network at the new index is what it is now."""
        index = self.stack.index()
        self.seen = {i: text for i, text in self.seen.items() if i < index}
        self.seen[index] = dumps(self.document.network)
        if self.clean >= index:
            self.clean = -1  # the saved state was undone and overwritten: it cannot come back

    def _ids(self):
        return [node.id for node in self.document.network.nodes]

    @rule(data=st.data(), value=VALUES)
    def set_param(self, data, value) -> None:
        node = self.document.network.node(data.draw(st.sampled_from(self._ids())))
        keys = [spec.key for spec in node.block.params]
        if keys and execute(
            self.document,
            SetParamCommand(self.document.network, node.id, data.draw(st.sampled_from(keys)), value),
        ):
            self._done()

    @rule(data=st.data(), name=NAMES)
    def rename(self, data, name) -> None:
        node_id = data.draw(st.sampled_from([*self._ids(), None]))
        network = self.document.network
        command = (
            RenameNetworkCommand(network, name) if node_id is None else RenameCommand(network, node_id, name)
        )
        if execute(self.document, command):
            self._done()

    @rule(data=st.data(), type_id=st.sampled_from(["relu", "conv2d", "add", "residual"]))
    def add(self, data, type_id) -> None:
        inputs = tuple(data.draw(st.lists(st.sampled_from(self._ids()), max_size=2, unique=True)))
        if execute(self.document, AddNodeCommand(self.document.network, type_id, inputs=inputs)):
            self._done()

    @precondition(lambda self: len(self.document.network) > 2)
    @rule(data=st.data(), bridge=st.booleans())
    def delete_two(self, data, bridge) -> None:
        """A macro of two commands (as deleting a selection is)."""
        ids = data.draw(st.lists(st.sampled_from(self._ids()), min_size=2, max_size=2, unique=True))
        with EditMacro(self.document, "Delete 2 layers") as macro:
            for node_id in ids:
                macro.do(RemoveNodeCommand(self.document.network, node_id, bridge))
        if macro.committed:
            self._done()

    @rule(data=st.data(), x=st.floats(-1e4, 1e4), y=st.floats(-1e4, 1e4))
    def move(self, data, x, y) -> None:
        node_id = data.draw(st.sampled_from(self._ids()))
        if execute(self.document, MoveCommand(self.document.network, node_id, (x, y))):
            self._done()

    @rule()
    def undo(self) -> None:
        if self.stack.canUndo():
            self.stack.undo()

    @rule()
    def redo(self) -> None:
        if self.stack.canRedo():
            self.stack.redo()

    @rule()
    def save(self) -> None:
        self.document.mark_saved(Path("saved.cnnstudio.json"))
        self.clean = self.stack.index()

    @invariant()
    def each_index_shows_the_network_first_seen_there(self) -> None:
        assert dumps(self.document.network) == self.seen[self.stack.index()]

    @invariant()
    def modified_exactly_away_from_the_saved_index(self) -> None:
        assert self.document.modified == (self.stack.index() != self.clean)

    @invariant()
    def the_summary_follows_the_network(self) -> None:
        assert self.document.summary.name == self.document.network.name
        assert {row.node_id for row in self.document.summary.rows} == set(self._ids())


def test_undo_sessions_with_names_and_values_at_their_limits(qapp):
    run_state_machine_as_test(
        UndoSessions,
        settings=settings(
            max_examples=40,
            stateful_step_count=30,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
