"""What the training panel allows and says, decided without Qt (so it is tested without widgets).

:class:`RunState` holds what the panel knows: whether a run is in flight or paused, where the
worker's weights stand, which dataset was asked for and what came back, and which weights the
shown results belong to. From that it answers the panel's questions: which buttons are enabled
(:meth:`RunState.buttons`), which weights the next run starts from, whether the results still
describe the weights of the network on screen, and what a run's end means
(:func:`describe_end`, decided by the type of the trainer's event and its
:class:`~cnnstudio.training.FailureKind`, never by the words of a message).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...core import Network, Summary
from ...training import Failed, Finished, training_problem
from ...training.events import plural
from .records import DatasetInfo, DatasetRequest, Results, RunEnd, WeightsState, network_key


def duration(seconds: float) -> str:
    """``"45 s"``, ``"3 min 20 s"``, ``"1 h 05 min"``."""
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


@dataclass(frozen=True)
class Buttons:
    """Which run buttons are enabled, and why Train is not (``reason``, empty when it is)."""

    train: bool
    pause: bool
    stop: bool
    reset: bool
    save: bool
    open: bool
    paused: bool
    reason: str = ""


@dataclass(frozen=True)
class EndReport:
    """What the panel says when a run request ends.

    ``banner`` is a message for the banner ("" for none) of ``banner_kind`` "error" or "info";
    ``status`` the line beside the progress bar; ``weights_usable`` whether the weights are worth
    evaluating now (False after a divergence or a GPU failure, or when no step was taken).
    """

    banner: str
    banner_kind: str
    status: str
    weights_usable: bool


def describe_end(end: RunEnd, best: tuple[float, int] | None = None) -> EndReport:
    """The panel's words for *end*; *best* is the run's best validation accuracy and its epoch."""
    event = end.event
    stepped = end.weights.steps > 0
    if isinstance(event, Failed):
        what = event.reason[0].upper() + event.reason[1:]
        advice = f"\nWhat to do: {event.suggestion}." if event.suggestion else ""
        return EndReport(
            f"⚠ Training stopped. {what}.{advice}",
            "error",
            f"Failed at step {event.step:,}",
            stepped and event.kind.weights_usable,
        )
    if isinstance(event, Finished):
        how = "Stopped (weights kept) after" if event.stopped else "Finished"
        status = f"{how} {plural(event.epochs_done, 'epoch')} in {duration(event.seconds)}"
        if event.val_accuracy is not None:
            status += f" · validation accuracy {100 * event.val_accuracy:.1f}% at the last epoch"
            if best is not None and best[0] > event.val_accuracy:
                status += f" (best {100 * best[0]:.1f}% at epoch {best[1]})"
        return EndReport("", "error", status, stepped)
    if end.problem:
        return EndReport(f"⚠ Cannot train: {end.problem}", "error", "", False)
    return EndReport("", "error", "Stopped before the run began", stepped)


class RunState:
    """The training panel's state and the rules that turn it into what the panel shows.

    Attributes
    ----------
    running, paused : bool
        A run is in flight (from Train until its end arrives); it waits between batches.
    weights : WeightsState
        Where the worker's weights stand.
    request : DatasetRequest or None
        The dataset last asked for; ``dataset`` (its info) or ``dataset_error`` is the answer.
    results : Results or None
        The results on show (None when there are none, or they were cleared as out of date).
    """

    def __init__(self) -> None:
        self.running = False
        self.paused = False
        self.weights = WeightsState()
        self.request: DatasetRequest | None = None
        self.dataset: DatasetInfo | None = None
        self.dataset_error = ""
        self.results: Results | None = None

    # -- the dataset ----------------------------------------------------------------------------

    def ask_dataset(self, request: DatasetRequest) -> bool:
        """Remember *request*; False when it was already asked (nothing to open again)."""
        if request == self.request:
            return False
        self.request, self.dataset, self.dataset_error = request, None, ""
        return True

    def forget_dataset(self) -> None:
        """The dataset choice changed: whatever was opened no longer counts."""
        self.request, self.dataset, self.dataset_error = None, None, ""

    def input_changed(self, input_shape: tuple[int, int, int] | None) -> None:
        """The network's input changed: a dataset opened for another input size no longer fits."""
        if self.request is not None and self.request.input_shape != input_shape:
            self.dataset, self.dataset_error = None, ""

    def take_dataset(self, info: DatasetInfo) -> bool:
        """Accept *info* if it answers the last request (False: a late answer to an older one)."""
        if self.request is None or not self.request.answered_by(info):
            return False
        self.dataset, self.dataset_error = info, ""
        return True

    def take_dataset_error(self, spec: str, seed: int, message: str) -> bool:
        if self.request is None or (self.request.spec, self.request.seed) != (spec, seed):
            return False
        self.dataset, self.dataset_error = None, message
        return True

    # -- what Train needs -----------------------------------------------------------------------

    def train_problem(
        self, network: Network, summary: Summary, missing_dataset: str, settings_problems: list[str]
    ) -> str | None:
        """Why Train cannot start now (None when it can)."""
        problem = training_problem(network, summary=summary, allow_head=True)
        if problem:
            return problem
        if missing_dataset:
            return missing_dataset
        if self.dataset_error:
            return f"the dataset cannot be opened: {self.dataset_error}"
        if self.dataset is None:
            return "opening the dataset…"
        info = self.dataset
        problem = training_problem(network, len(info.classes), info.name, summary, allow_head=True)
        if problem:
            return problem
        return "; ".join(settings_problems) if settings_problems else None

    def buttons(self, train_problem: str | None, network: Network) -> Buttons:
        """Pause/Stop act only during a run; Train, Save and Open only between runs."""
        if self.running:
            return Buttons(False, True, True, True, False, False, self.paused)
        return Buttons(
            train=train_problem is None,
            pause=False,
            stop=False,
            reset=self.weights.steps > 0 or bool(self.weights.pending),
            save=self.weights.network == network_key(network) and self.weights.key is not None,
            open=True,
            paused=False,
            reason=train_problem or "",
        )

    def weights_text(self, network: Network, spec: str | None, seed: int) -> str:
        """Which weights the next run starts from."""
        if self.running:
            return "The network is locked while it trains; stop the run to edit it."
        w, key = self.weights, network_key(network)
        if w.key is not None and w.steps > 0 and spec is not None and w.key == (key, spec, seed):
            return (
                f"The next run continues from the trained weights ({plural(w.steps, 'step')} so far); "
                "Reset weights starts again from the seed's initial weights."
            )
        if w.pending and w.pending == key:
            return "The next run starts from the checkpoint's weights."
        return f"The next run starts from fresh initial weights (seed {seed})."

    # -- results --------------------------------------------------------------------------------

    def results_problem(self, network: Network) -> str | None:
        """Why the shown results no longer describe the weights of *network* (None if they do)."""
        shown = self.results
        if shown is None:
            return None
        if shown.weights.network != network_key(network):
            return "they were for another network; train this one or open a checkpoint"
        if self.running or shown.weights.version == self.weights.version:
            return None
        if self.weights.steps == 0 and not self.weights.pending:
            return "the weights were reset; train the network to see what it learns"
        return "the weights changed after they were computed; Update classifies with the current ones"

    def describe_results(self, results: Results) -> str:
        """Whose weights *results* show, in words."""
        steps = plural(results.weights.steps, "step")
        if self.running:
            return f"the weights of this run's last finished epoch ({steps} trained)"
        return f"the current weights ({steps} trained)"


__all__ = ["Buttons", "EndReport", "RunState", "describe_end", "duration"]
