"""What the training panel allows and says, decided without Qt (so it is tested without widgets).

:class:`RunState` holds what the panel knows: whether a run is in flight or paused, where the
worker's weights stand, which dataset was asked for and what came back, and which weights the
shown results belong to. From that it answers the panel's questions: which buttons are enabled
(:meth:`RunState.buttons`), which weights the next run starts from, whether the results still
describe the weights of the network on screen, and what a run's end means
(:func:`describe_end`, decided by the type of the trainer's event and its
:class:`~cnnstudio.training.FailureKind`, never by the words of a message).

Its sentences reach the student in the app's language through a :class:`Wording`: the panel
passes Qt's ``QCoreApplication.translate`` (for this module's own sentences, contexts
``TrainingRunState``) and :func:`~cnnstudio.ui.language.core_text` (for messages the training
package wrote); without one, they stay English, and this module still needs no Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ...core import Network, Summary
from ...training import Failed, Finished, training_problem
from .records import DatasetInfo, DatasetRequest, Results, RunEnd, WeightsState, network_key


def _as_written(_context: str, text: str) -> str:
    return text


def _unchanged(text: str) -> str:
    return text


@dataclass(frozen=True)
class Wording:
    """How this module's sentences are put in the app's language.

    ``translate(context, text)`` translates its own sentences (Qt's
    ``QCoreApplication.translate``); ``core(text)`` a finished message of the training package
    (``core_text``). The default leaves everything in English.
    """

    translate: Callable[[str, str], str] = _as_written
    core: Callable[[str], str] = _unchanged


ENGLISH = Wording()


def duration(seconds: float, words: Wording = ENGLISH) -> str:
    """``"45 s"``, ``"3 min 20 s"``, ``"1 h 05 min"``."""
    translate = words.translate
    seconds = max(0, round(seconds))
    if seconds < 60:
        return translate("TrainingRunState", "{seconds} s").format(seconds=seconds)
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return translate("TrainingRunState", "{minutes} min {seconds:02d} s").format(
            minutes=minutes, seconds=seconds
        )
    hours, minutes = divmod(minutes, 60)
    return translate("TrainingRunState", "{hours} h {minutes:02d} min").format(hours=hours, minutes=minutes)


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


def describe_end(end: RunEnd, best: tuple[float, int] | None = None, words: Wording = ENGLISH) -> EndReport:
    """The panel's words for *end*; *best* is the run's best validation accuracy and its epoch."""
    event = end.event
    stepped = end.weights.steps > 0
    translate = words.translate
    if isinstance(event, Failed):
        return EndReport(
            _failure_banner(event, words),
            "error",
            translate("TrainingRunState", "Failed at step {step:,}").format(step=event.step),
            stepped and event.kind.weights_usable,
        )
    if isinstance(event, Finished):
        return EndReport("", "error", _finished_status(event, best, words), stepped)
    if end.problem:
        banner = translate("TrainingRunState", "⚠ Cannot train: {problem}").format(
            problem=words.core(end.problem)
        )
        return EndReport(banner, "error", "", False)
    return EndReport("", "error", translate("TrainingRunState", "Stopped before the run began"), stepped)


def _failure_banner(event: Failed, words: Wording) -> str:
    reason = words.core(event.reason)
    reason = reason[:1].upper() + reason[1:]
    banner = words.translate("TrainingRunState", "⚠ Training stopped. {reason}.").format(reason=reason)
    if event.suggestion:
        advice = words.translate("TrainingRunState", "What to do: {suggestion}.")
        banner += "\n" + advice.format(suggestion=words.core(event.suggestion))
    return banner


def _finished_status(event: Finished, best: tuple[float, int] | None, words: Wording) -> str:
    translate = words.translate
    if event.stopped:
        status = translate("TrainingRunState", "Stopped (weights kept) after {epochs:,} epochs in {time}")
        if event.epochs_done == 1:
            status = translate("TrainingRunState", "Stopped (weights kept) after 1 epoch in {time}")
    else:
        status = translate("TrainingRunState", "Finished {epochs:,} epochs in {time}")
        if event.epochs_done == 1:
            status = translate("TrainingRunState", "Finished 1 epoch in {time}")
    status = status.format(epochs=event.epochs_done, time=duration(event.seconds, words))
    if event.val_accuracy is None:
        return status
    if best is not None and best[0] > event.val_accuracy:
        accuracy = translate(
            "TrainingRunState",
            "validation accuracy {accuracy:.1f}% at the last epoch (best {best:.1f}% at epoch {epoch})",
        )
    else:
        accuracy = translate("TrainingRunState", "validation accuracy {accuracy:.1f}% at the last epoch")
    best_accuracy, best_epoch = best if best is not None else (0.0, 0)
    return f"{status} · " + accuracy.format(
        accuracy=100 * event.val_accuracy, best=100 * best_accuracy, epoch=best_epoch
    )


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
    words : Wording
        How its sentences are put in the app's language (English by default).
    """

    def __init__(self, words: Wording = ENGLISH) -> None:
        self.words = words
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
        translate, core = self.words.translate, self.words.core
        problem = training_problem(network, summary=summary, allow_head=True)
        if problem:
            return core(problem)
        if missing_dataset:
            return missing_dataset
        if self.dataset_error:
            cannot = translate("TrainingRunState", "the dataset cannot be opened: {error}")
            return cannot.format(error=core(self.dataset_error))
        if self.dataset is None:
            return translate("TrainingRunState", "opening the dataset…")
        info = self.dataset
        problem = training_problem(network, len(info.classes), info.name, summary, allow_head=True)
        if problem:
            return core(problem)
        return "; ".join(core(problem) for problem in settings_problems) if settings_problems else None

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
        translate = self.words.translate
        if self.running:
            return translate(
                "TrainingRunState", "The network is locked while it trains; stop the run to edit it."
            )
        w, key = self.weights, network_key(network)
        if w.key is not None and w.steps > 0 and spec is not None and w.key == (key, spec, seed):
            if w.steps == 1:
                return translate(
                    "TrainingRunState",
                    "The next run continues from the trained weights (1 step so far); "
                    "Reset weights starts again from the seed's initial weights.",
                )
            return translate(
                "TrainingRunState",
                "The next run continues from the trained weights ({steps:,} steps so far); "
                "Reset weights starts again from the seed's initial weights.",
            ).format(steps=w.steps)
        if w.pending and w.pending == key:
            return translate("TrainingRunState", "The next run starts from the checkpoint's weights.")
        return translate(
            "TrainingRunState", "The next run starts from fresh initial weights (seed {seed})."
        ).format(seed=seed)

    # -- results --------------------------------------------------------------------------------

    def results_problem(self, network: Network) -> str | None:
        """Why the shown results no longer describe the weights of *network* (None if they do)."""
        shown = self.results
        if shown is None:
            return None
        translate = self.words.translate
        if shown.weights.network != network_key(network):
            return translate(
                "TrainingRunState", "they were for another network; train this one or open a checkpoint"
            )
        if self.running or shown.weights.version == self.weights.version:
            return None
        if self.weights.steps == 0 and not self.weights.pending:
            return translate(
                "TrainingRunState", "the weights were reset; train the network to see what it learns"
            )
        return translate(
            "TrainingRunState",
            "the weights changed after they were computed; Update classifies with the current ones",
        )

    def describe_results(self, results: Results) -> str:
        """Whose weights *results* show, in words."""
        translate, steps = self.words.translate, results.weights.steps
        if self.running:
            if steps == 1:
                return translate(
                    "TrainingRunState", "the weights of this run's last finished epoch (1 step trained)"
                )
            text = translate(
                "TrainingRunState", "the weights of this run's last finished epoch ({steps:,} steps trained)"
            )
        else:
            if steps == 1:
                return translate("TrainingRunState", "the current weights (1 step trained)")
            text = translate("TrainingRunState", "the current weights ({steps:,} steps trained)")
        return text.format(steps=steps)


__all__ = ["ENGLISH", "Buttons", "EndReport", "RunState", "Wording", "describe_end", "duration"]
