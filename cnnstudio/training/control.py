"""The one place a run's pause, stop and reset requests live (plain Python: no torch, no Qt).

A :class:`RunControl` is handed to the :class:`~cnnstudio.training.Trainer`, which reads it
between batches; whoever drives the run (the GUI thread, a Ctrl-C handler) writes it. Nothing is
relayed: the GUI and the trainer hold the same object. Every method is safe from any thread.

A request made before the run begins is kept (a Stop clicked while the dataset still opens ends
the run at its first batch); :meth:`RunControl.arm` forgets the last run's requests when a new
run is asked for, and :meth:`RunControl.run_ended` clears stop and pause when one ends.
"""

from __future__ import annotations

import threading


class RunControl:
    """Pause, resume, stop and reset-the-weights requests for a run.

    ``stop_requested`` ends the run after the current batch; while ``paused`` the run waits
    between batches. A reset stops the run too, and is taken once, by whoever resets the
    weights (:meth:`take_reset`), so it can neither be lost nor done twice.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._resume = threading.Event()
        self._resume.set()
        self._reset = False

    # -- requests, from any thread --------------------------------------------------------------

    def pause(self) -> None:
        """Wait after the current batch until :meth:`resume` or :meth:`stop`."""
        self._resume.clear()

    def resume(self) -> None:
        self._resume.set()

    def stop(self) -> None:
        """End the run after the current batch, keeping the weights (also ends a pause)."""
        self._stop.set()
        self._resume.set()

    def request_reset(self) -> None:
        """Stop the run; the weights go back to the seed's initial ones when it has ended."""
        with self._lock:
            self._reset = True
        self.stop()

    def arm(self) -> None:
        """A new run was asked for: forget the requests made for the last one."""
        with self._lock:
            self._reset = False
        self._stop.clear()
        self._resume.set()

    # -- what the run reads -----------------------------------------------------------------------

    @property
    def stop_requested(self) -> bool:
        return self._stop.is_set()

    @property
    def paused(self) -> bool:
        return not self._resume.is_set()

    @property
    def reset_requested(self) -> bool:
        with self._lock:
            return self._reset

    def wait_while_paused(self, timeout: float) -> bool:
        """Wait up to *timeout* seconds for the pause to end; True once it has."""
        return self._resume.wait(timeout)

    def take_reset(self) -> bool:
        """True (once) if a reset was asked for and not yet done: the caller resets the weights."""
        with self._lock:
            asked, self._reset = self._reset, False
            return asked

    def run_ended(self) -> None:
        """The run is over: a later run is not stopped or paused by this one's requests."""
        self._stop.clear()
        self._resume.set()


__all__ = ["RunControl"]
