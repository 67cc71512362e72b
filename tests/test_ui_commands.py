"""Undo commands: each edit undone and redone gives back the very same file."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from cnnstudio.core import EditError, preset
from cnnstudio.core.fileformat import FileFormatError, dumps, loads
from cnnstudio.ui.commands import (
    LOCKED_MESSAGE,
    AddNodeCommand,
    ConnectCommand,
    DisconnectCommand,
    EditMacro,
    InsertNodeCommand,
    MoveCommand,
    RemoveNodeCommand,
    RenameCommand,
    RenameNetworkCommand,
    SetParamCommand,
    execute,
)
from cnnstudio.ui.document import Document


@pytest.fixture
def document(qtbot):
    return Document(preset("lenet5"))


@pytest.fixture
def messages(document):
    said = []
    document.status_message.connect(said.append)
    return said


def ids(document, *names):
    return [document.network.find(name).id for name in names]


def check_round_trip(document, command):
    """Run *command*; undo must restore the file exactly, redo must restore the edit exactly."""
    before = dumps(document.network)
    assert execute(document, command)
    after = dumps(document.network)
    assert after != before
    document.undo_stack.undo()
    assert dumps(document.network) == before
    document.undo_stack.redo()
    assert dumps(document.network) == after
    return after


def test_add_node_undo_redo(document):
    (fc3,) = ids(document, "fc3")
    command = AddNodeCommand(document.network, "dropout", {"p": 0.3}, None, (fc3,), (10.0, 20.0))
    check_round_trip(document, command)
    node = document.network.node(command.node_id)
    assert (node.type, node.params, node.inputs, node.pos) == ("dropout", {"p": 0.3}, [fc3], (10.0, 20.0))


def test_insert_node_goes_into_the_edge_and_undo_restores_it(document):
    conv1, pool1 = ids(document, "conv1", "pool1")
    command = InsertNodeCommand(document.network, "relu", {}, conv1, pool1, (0.0, 0.0))
    check_round_trip(document, command)
    relu = command.node_id
    assert document.network.node(relu).inputs == [conv1]
    assert document.network.node(pool1).inputs == [relu]


def test_insert_refused_for_an_input_leaves_nothing_behind(qtbot):
    document = Document(preset("conv1x1"))
    said = []
    document.status_message.connect(said.append)
    network = document.network
    conv, relu = network.find("conv").id, network.find("relu").id
    network.remove_node(network.find("input").id)  # room for an Input, so only the edge refuses
    before = dumps(network)
    assert not execute(document, InsertNodeCommand(network, "input", {}, conv, relu))
    assert dumps(network) == before
    assert said and "cannot be inserted into an edge" in said[-1]
    assert document.undo_stack.count() == 0


def test_remove_with_bridge_keeps_the_chain_and_undo_restores_it(document):
    tanh1, conv2, pool2 = ids(document, "tanh1", "conv2", "pool2")
    check_round_trip(document, RemoveNodeCommand(document.network, conv2, bridge=True))
    assert conv2 not in document.network
    assert document.network.node(pool2).inputs == [tanh1]


def test_connect_and_disconnect(document):
    network = document.network
    conv1, pool1 = ids(document, "conv1", "pool1")
    check_round_trip(document, DisconnectCommand(network, conv1, pool1))
    assert network.node(pool1).inputs == []
    check_round_trip(document, ConnectCommand(network, conv1, pool1))
    assert network.node(pool1).inputs == [conv1]


def test_refused_connection_says_why_and_records_nothing(document, messages):
    conv1, fc3 = ids(document, "conv1", "fc3")
    before = dumps(document.network)
    assert not execute(document, ConnectCommand(document.network, fc3, conv1))
    assert dumps(document.network) == before
    assert "loop" in messages[-1]
    assert messages[-1][0].isupper()
    assert document.undo_stack.count() == 0


def test_set_param_rename_move_round_trip(document):
    network = document.network
    (conv1,) = ids(document, "conv1")
    check_round_trip(document, SetParamCommand(network, conv1, "kernel", 3))
    check_round_trip(document, RenameCommand(network, conv1, "c1"))
    check_round_trip(document, MoveCommand(network, conv1, (5.0, 7.0)))
    check_round_trip(document, RenameNetworkCommand(network, "My LeNet"))
    assert network.name == "My LeNet"


def test_changes_of_one_field_merge_into_one_step(document):
    network = document.network
    (conv1,) = ids(document, "conv1")
    session = object()
    for kernel in (3, 4, 7):
        assert execute(document, SetParamCommand(network, conv1, "kernel", kernel, session))
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert network.node(conv1).params["kernel"] == 5
    document.undo_stack.redo()
    assert network.node(conv1).params["kernel"] == 7


def test_a_new_session_starts_a_new_step(document):
    network = document.network
    (conv1,) = ids(document, "conv1")
    execute(document, SetParamCommand(network, conv1, "kernel", 3, object()))
    execute(document, SetParamCommand(network, conv1, "kernel", 7, object()))
    assert document.undo_stack.count() == 2


def test_changing_a_field_back_leaves_no_step(document):
    network = document.network
    (conv1,) = ids(document, "conv1")
    session = object()
    execute(document, SetParamCommand(network, conv1, "kernel", 3, session))
    execute(document, SetParamCommand(network, conv1, "kernel", 5, session))
    assert document.undo_stack.count() == 0
    assert network.node(conv1).params["kernel"] == 5


def test_locked_document_refuses_every_edit(document, messages):
    document.set_editable(False)
    (conv1,) = ids(document, "conv1")
    before = dumps(document.network)
    assert not execute(document, SetParamCommand(document.network, conv1, "kernel", 3))
    with EditMacro(document, "Move") as macro:
        macro.do(MoveCommand(document.network, conv1, (1.0, 1.0)))
    assert not macro.committed
    assert dumps(document.network) == before
    assert messages == [LOCKED_MESSAGE, LOCKED_MESSAGE]


def test_macro_is_one_step(document):
    network = document.network
    before = dumps(network)
    with EditMacro(document, "Delete 2 layers") as macro:
        for node_id in ids(document, "tanh1", "tanh2"):
            macro.do(RemoveNodeCommand(network, node_id))
    assert macro.committed
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Delete 2 layers"
    document.undo_stack.undo()
    assert dumps(network) == before


def test_macro_takes_back_what_it_did_when_one_edit_is_refused(document, messages):
    network = document.network
    conv1, fc3 = ids(document, "conv1", "fc3")
    before = dumps(network)
    with EditMacro(document, "Two edits") as macro:
        macro.do(SetParamCommand(network, conv1, "kernel", 3))
        macro.do(ConnectCommand(network, fc3, conv1))
        pytest.fail("the refused connection ends the block")  # pragma: no cover
    assert not macro.committed
    assert dumps(network) == before
    assert document.undo_stack.count() == 0
    assert "loop" in messages[-1]


def test_summary_follows_undo(document):
    (conv1,) = ids(document, "conv1")
    execute(document, SetParamCommand(document.network, conv1, "filters", 8))
    assert document.row(conv1).shape == (8, 28, 28)
    document.undo_stack.undo()
    assert document.row(conv1).shape == (6, 28, 28)


def test_rename_to_a_taken_name_is_refused(document, messages):
    (conv1,) = ids(document, "conv1")
    assert not execute(document, RenameCommand(document.network, conv1, "conv2"))
    assert "already called" in messages[-1]
    with pytest.raises(EditError):
        document.network.rename(conv1, "conv2")


def test_a_rename_with_spaces_is_undone_cleanly(document, messages):
    """Issue 9.4: renaming, then undoing, never raises inside the undo stack, and the modified
    flag follows the stack."""
    (conv1,) = ids(document, "conv1")
    before = dumps(document.network)
    assert execute(document, RenameCommand(document.network, conv1, "  C1  "))
    assert document.network.node(conv1).name == "C1" and document.modified
    document.undo_stack.undo()
    assert dumps(document.network) == before and not document.modified
    document.undo_stack.redo()
    assert document.network.node(conv1).name == "C1" and document.modified
    assert not execute(document, RenameCommand(document.network, conv1, "   "))
    assert messages[-1] == "A layer needs a name" and document.undo_stack.count() == 1


def test_a_file_with_a_whitespace_only_name_is_refused_as_a_file_error():
    text = dumps(preset("lenet5")).replace('"name": "conv1"', '"name": "   "')
    with pytest.raises(FileFormatError, match=r"'nodes\[1\]\.name' holds only spaces"):
        loads(text)


def test_an_integer_too_large_for_a_float_is_an_edit_error(document, messages):
    network = document.network
    lrn = network.add_node("lrn", inputs=[ids(document, "conv1")[0]]).id
    document.refresh()
    count = document.undo_stack.count()
    assert not execute(document, SetParamCommand(network, lrn, "alpha", 10**400))
    assert (
        "Alpha is far too large; it must be between 0 and 10" in messages[-1]
        and document.undo_stack.count() == count
    )
    assert not execute(document, SetParamCommand(network, lrn, "size", 10**5000))
    assert messages[-1].startswith("Size is far too large")


OWNERSHIP_SCRIPT = """
import gc
from PySide6.QtWidgets import QApplication
app = QApplication([])
from cnnstudio.core import preset
from cnnstudio.ui.commands import EditMacro, MoveCommand, SetParamCommand, execute
from cnnstudio.ui.document import Document

documents, kept = [], []
for _ in range(3):
    document = Document(preset("lenet5"))
    documents.append(document)
    network = document.network
    for name, key in (("conv1", "filters"), ("fc1", "units")):
        node = network.find(name).id
        with EditMacro(document, "two edits") as macro:
            kept.append(macro.do(MoveCommand(network, node, (1.0, 2.0))))
            kept.append(macro.do(SetParamCommand(network, node, key, 7)))
        kept.append(macro)
        single = SetParamCommand(network, node, key, 9)
        execute(document, single)
        kept.append(single)
for document in documents:
    for _ in range(2):
        while document.undo_stack.canUndo():
            document.undo_stack.undo()
        while document.undo_stack.canRedo():
            document.undo_stack.redo()
documents[0].undo_stack.clear()
documents.clear()
gc.collect()
kept.clear()
gc.collect()
print("survived")
"""


def test_commands_and_macros_never_outlive_or_double_free_what_qt_owns():
    """Issue 9.4: three documents with two-command macros and single commands, every Python
    reference to a command kept past its document's end, then collected: no crash."""
    result = subprocess.run(
        [sys.executable, "-c", OWNERSHIP_SCRIPT],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert result.returncode == 0 and result.stdout.strip() == "survived", result.stderr[-2000:]
