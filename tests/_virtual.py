"""Virtual time for asyncio: an event loop whose clock jumps to the next timer instead of
sleeping, so that the batch engine's waits (pacing, pauses, retries) and a fake server's
latency cost no real time. A discrete-event simulation with the real engine inside."""

from __future__ import annotations

import asyncio
import selectors
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


class _JumpingSelector(selectors.DefaultSelector):
    """Never blocks: a wait for ``timeout`` seconds moves the loop's clock instead."""

    loop: VirtualLoop

    def select(self, timeout: float | None = None) -> list[Any]:
        events = super().select(0)
        if not events and timeout:
            self.loop.now += timeout
        return events


class VirtualLoop(asyncio.SelectorEventLoop):
    """``loop.time()`` is virtual; give ``loop.time`` to the engine as its clock."""

    def __init__(self) -> None:
        selector = _JumpingSelector()
        super().__init__(selector)
        selector.loop = self
        self.now = 0.0

    def time(self) -> float:
        return self.now


def run_virtual(coroutine: Coroutine[Any, Any, T], loop: VirtualLoop | None = None) -> T:
    """Run ``coroutine`` to the end on a (new) :class:`VirtualLoop`, then close it."""
    loop = loop or VirtualLoop()
    try:
        return loop.run_until_complete(coroutine)
    finally:
        loop.close()
