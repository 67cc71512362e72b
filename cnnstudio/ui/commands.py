"""Undo commands: one command per edit of the core :class:`~cnnstudio.core.Network`.

Each command's ``redo`` and ``undo`` call one network method (``add_node`` is undone by
``remove_node`` and redone by ``restore_node``, so a node comes back exactly where it was).
A command is *applied* once before it is recorded, so an edit the core refuses never reaches
the undo stack: :func:`execute` runs one command, :class:`EditMacro` runs several as one undo
step (a drag of several nodes, a paste, a delete) and takes back what it did if one of them
fails.

Commands are plain Python objects; the undo stack holds them inside :class:`UndoStep`, a
``QUndoCommand`` that nothing but the stack references. So a command may be kept or dropped
freely, whatever happens to the document and its stack.
Refusals, and every edit tried while the network is locked for training, end up as a sentence
on :attr:`Document.status_message <cnnstudio.ui.document.Document.status_message>`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QUndoCommand

from ..core import EditError, Network, RemovedNode
from ..core.layout import position_below
from .document import Document
from .language import core_text
from .terms import block_title, param_label

LOCKED_MESSAGE = QT_TRANSLATE_NOOP(
    "Commands", "The network is locked while it trains; stop the training to edit it"
)
"""Why no edit is allowed while a training run uses the network (in English; see :func:`locked_message`)."""
MERGE_ID = 4201
"""The undo-step id under which consecutive changes of one setting merge."""


def locked_message() -> str:
    """:data:`LOCKED_MESSAGE` in the app's language."""
    return QCoreApplication.translate("Commands", LOCKED_MESSAGE)


def sentence(text: str) -> str:
    """*text* with a capital first letter, as the status bar shows it."""
    return text[:1].upper() + text[1:]


class NetworkCommand:
    """One edit of the network, with its inverse: plain Python, never a Qt object.

    :meth:`apply` runs it the first time (and may raise :class:`~cnnstudio.core.EditError`);
    :meth:`redo` and :meth:`undo` run it again and take it back. Commands reach the undo stack
    inside an :class:`UndoStep`, which only the stack holds, so a Python reference to a command
    can never outlive, or free twice, anything Qt owns.
    """

    def __init__(self, network: Network, text: str) -> None:
        self.network = network
        self.text = text

    changes: tuple[str, ...] = ()
    """The nodes whose own settings, name or presence the command changes (not their wiring):
    what a locked layer refuses (see :meth:`Document.set_locked_layers
    <cnnstudio.ui.document.Document.set_locked_layers>`)."""

    def apply(self) -> None:
        """Do the edit for the first time; raises :class:`~cnnstudio.core.EditError` if refused."""
        self.first()

    def first(self) -> None:
        """The first run; by default the same as every later redo."""
        self.again()

    def redo(self) -> None:
        """Do the edit again after an undo."""
        self.again()

    def again(self) -> None:
        raise NotImplementedError

    def undo(self) -> None:
        raise NotImplementedError

    mergeable = False
    """Whether :meth:`merge` may absorb later edits."""

    def merge(self, later: NetworkCommand) -> bool:
        """Absorb *later*, the next edit, into this one (one undo step); False if it cannot."""
        return False

    @property
    def obsolete(self) -> bool:
        """True when the edit (after merging) changes nothing, so its undo step can go."""
        return False


class UndoStep(QUndoCommand):
    """One undo step: the commands done together, in order. Owned by the undo stack alone.

    The commands were already applied when the step is pushed, so the push's own ``redo`` does
    nothing; later redos run them again in order, undos take them back in reverse. Create one
    only through :func:`record`, which keeps no reference to it.
    """

    def __init__(self, text: str, commands: list[NetworkCommand]) -> None:
        super().__init__(text)
        self._commands = list(commands)
        self._done = True

    def redo(self) -> None:
        if self._done:  # the push right after the commands were applied
            self._done = False
            return
        for command in self._commands:
            command.redo()

    def undo(self) -> None:
        for command in reversed(self._commands):
            command.undo()

    def id(self) -> int:
        return MERGE_ID if len(self._commands) == 1 and self._commands[0].mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, UndoStep) or len(self._commands) != 1 or len(other._commands) != 1:
            return False
        mine = self._commands[0]
        if not mine.merge(other._commands[0]):
            return False
        self.setObsolete(mine.obsolete)
        return True


def record(document: Document, text: str, commands: list[NetworkCommand]) -> None:
    """Put already applied *commands* on *document*'s undo stack as one step, then re-analyse."""
    document.undo_stack.push(UndoStep(text, commands))
    document.refresh()


class AddNodeCommand(NetworkCommand):
    """Add a block (optionally fed by *inputs*); undone by removing it."""

    def __init__(
        self,
        network: Network,
        type_id: str,
        params: dict[str, Any] | None = None,
        name: str | None = None,
        inputs: tuple[str, ...] = (),
        pos: tuple[float, float] | None = None,
    ) -> None:
        super().__init__(
            network, QCoreApplication.translate("Commands", "Add {block}").format(block=block_title(type_id))
        )
        self.type_id, self.params, self.name = type_id, dict(params or {}), name
        self.inputs, self.pos = tuple(inputs), pos
        self.node_id = ""
        self.removed: RemovedNode | None = None

    def first(self) -> None:
        pos = self.pos if self.pos is not None else position_below(self.network, self.inputs)
        node = self.network.add_node(self.type_id, self.params, self.name, self.inputs, pos)
        self.node_id = node.id

    def again(self) -> None:
        self.network.restore_node(self.removed)

    def undo(self) -> None:
        self.removed = self.network.remove_node(self.node_id)


class InsertNodeCommand(NetworkCommand):
    """Add a block into the edge *src* -> *dst* (``insert_between``).

    Undone by removing it with ``bridge=True``, which reconnects *src* to *dst* at the same
    input index; redone by restoring it.
    """

    def __init__(
        self,
        network: Network,
        type_id: str,
        params: dict[str, Any] | None,
        src: str,
        dst: str,
        pos: tuple[float, float] | None = None,
    ) -> None:
        super().__init__(
            network,
            QCoreApplication.translate("Commands", "Insert {block}").format(block=block_title(type_id)),
        )
        self.type_id, self.params, self.src, self.dst, self.pos = type_id, dict(params or {}), src, dst, pos
        self.node_id = ""
        self.removed: RemovedNode | None = None

    def first(self) -> None:
        pos = self.pos if self.pos is not None else position_below(self.network, (self.src,))
        node = self.network.add_node(self.type_id, self.params, pos=pos)
        try:
            self.network.insert_between(node.id, self.src, self.dst)
        except EditError:
            self.network.remove_node(node.id)
            raise
        self.node_id = node.id

    def again(self) -> None:
        self.network.restore_node(self.removed)

    def undo(self) -> None:
        self.removed = self.network.remove_node(self.node_id, bridge=True)


class RemoveNodeCommand(NetworkCommand):
    """Delete a node; with *bridge*, a node in a chain leaves the chain connected."""

    def __init__(self, network: Network, node_id: str, bridge: bool = True) -> None:
        super().__init__(
            network,
            QCoreApplication.translate("Commands", "Delete {layer}").format(layer=network.node(node_id).name),
        )
        self.node_id, self.bridge = node_id, bridge
        self.changes = (node_id,)
        self.removed: RemovedNode | None = None

    def again(self) -> None:
        self.removed = self.network.remove_node(self.node_id, bridge=self.bridge)

    def undo(self) -> None:
        self.network.restore_node(self.removed)


class ConnectCommand(NetworkCommand):
    """Feed *src*'s output into *dst*."""

    def __init__(self, network: Network, src: str, dst: str, index: int | None = None) -> None:
        names = network.node(src).name, network.node(dst).name
        super().__init__(
            network,
            QCoreApplication.translate("Commands", "Connect {source} to {target}").format(
                source=names[0], target=names[1]
            ),
        )
        self.src, self.dst, self.index = src, dst, index

    def again(self) -> None:
        self.network.connect(self.src, self.dst, self.index)

    def undo(self) -> None:
        self.network.disconnect(self.src, self.dst)


class DisconnectCommand(NetworkCommand):
    """Remove the edge *src* -> *dst*; undo puts it back at the same input index."""

    def __init__(self, network: Network, src: str, dst: str) -> None:
        names = network.node(src).name, network.node(dst).name
        super().__init__(
            network,
            QCoreApplication.translate("Commands", "Disconnect {source} from {target}").format(
                source=names[0], target=names[1]
            ),
        )
        self.src, self.dst = src, dst
        self.index = 0

    def again(self) -> None:
        self.index = self.network.disconnect(self.src, self.dst)

    def undo(self) -> None:
        self.network.connect(self.src, self.dst, self.index)


class SetParamCommand(NetworkCommand):
    """Change one setting. Consecutive changes of the same field merge into one undo step.

    Parameters
    ----------
    session : object, optional
        Changes merge only while their *session* is equal (the inspector starts a new one
        when another node is shown), so two separate visits stay two steps.
    """

    def __init__(self, network: Network, node_id: str, key: str, value: Any, session: object = None) -> None:
        node = network.node(node_id)
        label = param_label(node.block.spec(key))
        super().__init__(
            network,
            QCoreApplication.translate("Commands", "Set {layer}: {setting}").format(
                layer=node.name, setting=label
            ),
        )
        self.node_id, self.key, self.value, self.session = node_id, key, value, session
        self.changes = (node_id,)
        self.old: Any = None

    def first(self) -> None:
        self.old = self.network.set_param(self.node_id, self.key, self.value)
        self.value = self.network.node(self.node_id).params[self.key]

    def again(self) -> None:
        self.network.set_param(self.node_id, self.key, self.value)

    def undo(self) -> None:
        self.network.set_param(self.node_id, self.key, self.old)

    mergeable = True

    def merge(self, later: NetworkCommand) -> bool:
        same_field = (
            isinstance(later, SetParamCommand)
            and self.session is not None
            and (later.node_id, later.key, later.session) == (self.node_id, self.key, self.session)
        )
        if same_field:
            self.value = later.value
        return same_field

    @property
    def obsolete(self) -> bool:
        return self.value == self.old and type(self.value) is type(self.old)


class RenameCommand(NetworkCommand):
    """Rename a layer (names are unique in a network)."""

    def __init__(self, network: Network, node_id: str, name: str) -> None:
        super().__init__(
            network,
            QCoreApplication.translate("Commands", "Rename {layer} to {name}").format(
                layer=network.node(node_id).name, name=name.strip()
            ),
        )
        self.node_id, self.name = node_id, name
        self.changes = (node_id,)
        self.old = ""

    def again(self) -> None:
        self.old = self.network.rename(self.node_id, self.name)

    def undo(self) -> None:
        self.network.rename(self.node_id, self.old)


class MoveCommand(NetworkCommand):
    """Move a node on the canvas (part of a macro when several move together)."""

    def __init__(self, network: Network, node_id: str, pos: tuple[float, float]) -> None:
        super().__init__(
            network,
            QCoreApplication.translate("Commands", "Move {layer}").format(layer=network.node(node_id).name),
        )
        self.node_id, self.pos = node_id, pos
        self.old: tuple[float, float] | None = None

    def again(self) -> None:
        self.old = self.network.move(self.node_id, self.pos)

    def undo(self) -> None:
        self.network.move(self.node_id, self.old)


class RenameNetworkCommand(NetworkCommand):
    """Rename the network itself."""

    def __init__(self, network: Network, name: str) -> None:
        super().__init__(network, QCoreApplication.translate("Commands", "Rename the network"))
        self.name = name.strip()
        self.old = ""

    def first(self) -> None:
        if not self.name:
            raise EditError(QCoreApplication.translate("Commands", "a network needs a name"))
        self.again()

    def again(self) -> None:
        self.old = self.network.set_name(self.name)

    def undo(self) -> None:
        self.network.set_name(self.old)


def locked_reason(document: Document, command: NetworkCommand) -> str | None:
    """Why *command* may not run: it changes a layer an exercise locked (None if it may)."""
    return next((document.locked_layers[i] for i in command.changes if i in document.locked_layers), None)


def execute(document: Document, command: NetworkCommand) -> bool:
    """Apply *command* and record it for undo; False (with a status message) if refused."""
    if not document.editable:
        document.status_message.emit(locked_message())
        return False
    reason = locked_reason(document, command)
    if reason is not None:
        document.status_message.emit(sentence(reason))
        return False
    try:
        command.apply()
    except EditError as error:
        document.refresh()
        document.status_message.emit(sentence(core_text(str(error))))
        return False
    record(document, command.text, [command])
    return True


class EditMacro:
    """Several commands as one undo step; all or nothing.

    Use it as a context manager::

        with EditMacro(document, "Delete 3 layers") as macro:
            for node_id in ids:
                macro.do(RemoveNodeCommand(document.network, node_id))
        if macro.committed: ...

    :meth:`do` applies each command at once (later commands may depend on earlier ones). If one
    is refused, the ones already done are undone in reverse, the refusal goes to the status
    bar, and the block ends quietly with ``committed`` False.
    """

    def __init__(self, document: Document, text: str) -> None:
        self.document = document
        self.text = text
        self.commands: list[NetworkCommand] = []
        self.committed = False

    def do(self, command: NetworkCommand) -> NetworkCommand:
        """Apply *command* now; raises EditError (caught by the ``with`` block) if refused."""
        if not self.document.editable:
            raise EditError(locked_message())
        reason = locked_reason(self.document, command)
        if reason is not None:
            raise EditError(reason)
        command.apply()
        self.commands.append(command)
        return command

    def __enter__(self) -> EditMacro:
        return self

    def __exit__(self, kind, error, traceback) -> bool:
        if error is None:
            self._commit()
            return False
        if not isinstance(error, EditError):
            self._roll_back()
            return False
        self._roll_back()
        self.document.status_message.emit(sentence(core_text(str(error))))
        return True

    def _commit(self) -> None:
        if not self.commands:
            return
        record(self.document, self.text, self.commands)
        self.committed = True

    def _roll_back(self) -> None:
        for command in reversed(self.commands):
            command.undo()
        self.commands.clear()
        self.document.refresh()
