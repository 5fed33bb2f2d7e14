"""SIGINT and SIGTERM during `xingtu batch`: the first stops gracefully, the second aborts.

The first signal asks the batch to start nothing new; the calls in flight finish (each
within the call deadline) and their answers are stored. A second signal cancels the
task that runs the batch: the calls in flight are abandoned, every answer stored before
stays (each author is written in one transaction, which a signal cannot split here: the
handlers run on the event loop, between two steps, never inside a write).
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any, Self

__all__ = ["GracefulStop", "Terminated", "exit_status", "sigterm_as_interrupt"]

SIGNALS = (signal.SIGINT, signal.SIGTERM)
_Handler = Callable[[int, FrameType | None], Any] | int | signal.Handlers | None


class Terminated(KeyboardInterrupt):
    """SIGTERM outside the batch's event loop, raised like Ctrl-C's KeyboardInterrupt."""


def exit_status(number: int) -> int:
    """128 + the signal's number, as a shell reports a process the signal ended: 130 for
    SIGINT, 143 for SIGTERM."""
    return 128 + number


def _raise_terminated(number: int, frame: FrameType | None) -> None:
    raise Terminated


@contextlib.contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM raises :class:`Terminated` in the block (main thread only), so that it
    ends like Ctrl-C, not silently with the terminal as it was."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)


class GracefulStop:
    """Installs the two-step handlers on the running loop for the ``with`` block.

    ``stop`` is called on the first signal (it must not block); ``describe()`` returns
    what the first message says is being waited for."""

    def __init__(self, stop: Callable[[], None], describe: Callable[[], str]) -> None:
        self._stop, self._describe = stop, describe
        self._task: asyncio.Task[object] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._installed: list[signal.Signals] = []
        self._previous: dict[signal.Signals, _Handler] = {}
        self.received: int | None = None
        """The first signal's number, once one came."""
        self.last: int | None = None
        self.aborted = False

    @property
    def status(self) -> int:
        return exit_status(self.last or signal.SIGINT)  # the signal that ended it

    def _handle(self, number: int) -> None:
        name = signal.Signals(number).name
        self.last = number
        if self.received is None:
            self.received = number
            self._stop()
            print(
                f"xingtu: stopping ({name}): starting no new calls; {self._describe()} "
                "(press Ctrl-C again to abort them)",
                file=sys.stderr,
                flush=True,
            )
            return
        if not self.aborted and self._task is not None:
            self.aborted = True
            self._task.cancel()

    def __enter__(self) -> Self:
        self._loop = asyncio.get_running_loop()
        self._task = asyncio.current_task()
        for number in SIGNALS:
            previous = signal.getsignal(number)
            try:
                self._loop.add_signal_handler(number, self._handle, number)
            except (NotImplementedError, RuntimeError):  # Windows, or not the main thread
                with contextlib.suppress(ValueError):
                    signal.signal(number, self._from_thread)
                    self._previous[number] = previous
            else:
                self._installed.append(number)
                self._previous[number] = previous
        return self

    def _from_thread(self, number: int, frame: FrameType | None) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._handle, number)

    def __exit__(self, *exc_info: object) -> None:
        assert self._loop is not None
        for number in self._installed:
            self._loop.remove_signal_handler(number)
        for number, previous in self._previous.items():
            if previous is not None:  # None: a handler not set from Python; left as is
                signal.signal(number, previous)
