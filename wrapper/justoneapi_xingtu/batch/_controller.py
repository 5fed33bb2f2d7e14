"""When the next call of a batch may start: the pure concurrency and pacing controller.

:class:`ConcurrencyController` is pure (every method takes the time ``now``; no I/O, no
sleeping), so its behaviour is testable without a clock. AIMD on the number of calls in
flight (start at 4, grow while calls succeed and the window is full, halve on rate
limiting) plus a pacing token bucket: at a 302 it estimates the rate the server allowed
and paces new starts slightly below it, then probes upward slowly. ``Retry-After``
pauses every new start.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .._config import DEFAULT_INITIAL_CONCURRENCY, DEFAULT_MAX_CONCURRENCY
from .._retry import MAX_RETRY_AFTER

__all__ = ["ConcurrencyController", "Ticket"]

_MAX_PAUSE = MAX_RETRY_AFTER


@dataclass(frozen=True, slots=True)
class Ticket:
    """A started call, as the controller knows it."""

    started: float
    epoch: int


@dataclass(slots=True)
class _Epoch:
    """Calls started between two decreases: what the server let through."""

    first_start: float | None = None
    ok: int = 0
    last_ok_start: float = 0.0
    in_flight: int = 0

    def estimate(self, burst_s: float) -> float | None:
        """Calls per second the server allowed, assuming at most ``burst_s`` of burst."""
        if self.ok == 0 or self.first_start is None:
            return None
        return self.ok / (max(0.0, self.last_ok_start - self.first_start) + burst_s)


class ConcurrencyController:
    """When may the next call start? AIMD on concurrency plus a pacing token bucket.

    Pure and deterministic: every method takes the current time ``now`` (seconds, any
    monotonic origin); nothing here sleeps or reads a clock.

    * **window** (calls in flight): starts at ``initial_concurrency``; each success grows
      it, but only while the window is what limits (it filled up, and starts have not
      since dropped to half of it): +0.5 per success until the first rate limit (x1.5
      per round trip), then +1/window (+1 per round trip). A rate limit halves it,
      once per congestion episode (answers to calls started before the decrease do
      not halve it again). Never above
      ``max_concurrency``, never below 1, and never cut below what the pacing rate needs
      in flight (rate x observed latency).
    * **pause**: ``Retry-After`` (1 s when absent, at most 60 s) stops every new start
      until it has passed.
    * **pacing** (adaptive): at a rate limit the server's rate is estimated from the
      calls that succeeded since the previous decrease, ``ok / (span + burst_s)``
      (a limiter of R calls per second lets through at most R x (span + 1 s)), and new
      starts are paced at ``backoff`` x that estimate, growing by ``probe_per_s`` of it
      per second afterwards, so the batch settles just under an unknown limit and
      finds a raised one. ``rate_per_s`` is a fixed ceiling on top, in both modes.
    * ``adaptive=False``: the window stays at ``max_concurrency`` and only ``rate_per_s``
      paces; ``Retry-After`` still pauses.
    """

    def __init__(
        self,
        *,
        max_concurrency: int = DEFAULT_MAX_CONCURRENCY,
        initial_concurrency: int = DEFAULT_INITIAL_CONCURRENCY,
        rate_per_s: float | None = None,
        adaptive: bool = True,
        backoff: float = 0.95,
        probe_per_s: float = 0.02,
        burst_s: float = 1.0,
        default_pause: float = 1.0,
    ) -> None:
        if isinstance(max_concurrency, bool) or not isinstance(max_concurrency, int):
            raise ValueError(f"max_concurrency: expected an integer >= 1, got {max_concurrency!r}")
        if max_concurrency < 1:
            raise ValueError(f"max_concurrency: expected an integer >= 1, got {max_concurrency!r}")
        if isinstance(initial_concurrency, bool) or not isinstance(initial_concurrency, int):
            raise ValueError("initial_concurrency: expected an integer >= 1")
        if initial_concurrency < 1:
            raise ValueError("initial_concurrency: expected an integer >= 1")
        if rate_per_s is not None and not (
            isinstance(rate_per_s, int | float) and rate_per_s > 0 and math.isfinite(rate_per_s)
        ):
            raise ValueError(f"rate_per_s: expected calls per second > 0, got {rate_per_s!r}")
        if not 0 < backoff <= 1:
            raise ValueError("backoff: expected a factor in (0, 1]")
        self.max_concurrency = max_concurrency
        self.rate_per_s = None if rate_per_s is None else float(rate_per_s)
        self.adaptive = adaptive
        self.backoff = backoff
        self.probe_per_s = probe_per_s
        self.burst_s = burst_s
        self.default_pause = default_pause
        self._window = float(
            min(initial_concurrency, max_concurrency) if adaptive else max_concurrency
        )
        self._slow_start = True
        self._saturated = False
        self.in_flight = 0
        self.paused_until = -math.inf
        self._pace: float | None = None  # adaptive pacing rate when set ...
        self._pace_since = 0.0  # ... and since when it grows
        self._tokens = 1.0
        self._tokens_at: float | None = None
        self._epoch = 0
        self._epochs: dict[int, _Epoch] = {0: _Epoch()}
        self._latency: float | None = None
        self.decreases = 0
        """How many times the window was halved (congestion episodes)."""
        self.rate_limited_calls = 0
        """Answers that were rate limits (302 or HTTP 429)."""

    # -- what it allows ----------------------------------------------------------------

    @property
    def limit(self) -> int:
        """Calls allowed in flight now."""
        return max(1, min(self.max_concurrency, math.floor(self._window)))

    def rate(self, now: float) -> float | None:
        """Pacing of new starts, calls per second, at ``now``; ``None``: not paced."""
        pace = self._pace
        if pace is not None:
            pace *= 1.0 + self.probe_per_s * max(0.0, now - self._pace_since)
        fixed = self.rate_per_s
        if pace is None:
            return fixed
        return pace if fixed is None else min(pace, fixed)

    def delay(self, now: float) -> float:
        """Seconds until a call may start: 0 now, ``math.inf`` until a call finishes."""
        if now < self.paused_until:
            return self.paused_until - now
        if self.in_flight >= self.limit:
            return math.inf
        rate = self.rate(now)
        if rate is None:
            return 0.0
        self._refill(now, rate)
        return 0.0 if self._tokens >= 1.0 else (1.0 - self._tokens) / rate

    def _refill(self, now: float, rate: float) -> None:
        capacity = max(1.0, rate * 0.1)  # at most 0.1 s of starts at once
        if self._tokens_at is not None:
            start = max(self._tokens_at, self.paused_until)  # no credit for a pause
            self._tokens += max(0.0, now - start) * rate
        self._tokens = min(self._tokens, capacity)
        self._tokens_at = now

    # -- what happened -----------------------------------------------------------------

    def start(self, now: float) -> Ticket:
        """Record a call starting at ``now`` (call only when :meth:`delay` is 0)."""
        rate = self.rate(now)
        if rate is not None:
            self._refill(now, rate)
            self._tokens -= 1.0
        self.in_flight += 1
        if self.in_flight >= self.limit:
            self._saturated = True  # the window is what limits: successes may grow it
        elif self.in_flight <= self.limit / 2:
            self._saturated = False  # something else limits (pacing, pauses, the input)
        epoch = self._epochs[self._epoch]
        if epoch.first_start is None:
            epoch.first_start = now
        epoch.in_flight += 1
        return Ticket(now, self._epoch)

    def succeeded(self, ticket: Ticket, now: float) -> None:
        """The call answered code 0."""
        self._finish(ticket, now)
        epoch = self._epochs.get(ticket.epoch)
        if epoch is not None:
            epoch.ok += 1
            epoch.last_ok_start = max(epoch.last_ok_start, ticket.started)
        if self.adaptive and self._saturated:
            self._window += 0.5 if self._slow_start else 1.0 / self._window
            self._window = min(self._window, float(self.max_concurrency))
        self._close_epoch(ticket.epoch)

    def failed(self, ticket: Ticket, now: float) -> None:
        """The call failed for any reason but rate limiting (neither grows nor shrinks)."""
        self._finish(ticket, now)
        self._close_epoch(ticket.epoch)

    def abandoned(self, ticket: Ticket) -> None:
        """The call was cancelled without an answer."""
        self.in_flight = max(0, self.in_flight - 1)
        epoch = self._epochs.get(ticket.epoch)
        if epoch is not None:
            epoch.in_flight -= 1
        self._close_epoch(ticket.epoch)

    def rate_limited(self, ticket: Ticket, now: float, retry_after: float | None) -> None:
        """The call was answered 302 or HTTP 429: pause, and (adaptive) slow down."""
        self.rate_limited_calls += 1
        self._finish(ticket, now)
        pause = self.default_pause if retry_after is None else min(retry_after, _MAX_PAUSE)
        self.paused_until = max(self.paused_until, now + pause)
        if self.adaptive and ticket.epoch == self._epoch:
            self._decrease(now)
        self._close_epoch(ticket.epoch)

    def _finish(self, ticket: Ticket, now: float) -> None:
        self.in_flight = max(0, self.in_flight - 1)
        epoch = self._epochs.get(ticket.epoch)
        if epoch is not None:
            epoch.in_flight -= 1
        sample = max(0.0, now - ticket.started)
        self._latency = sample if self._latency is None else 0.8 * self._latency + 0.2 * sample

    def _decrease(self, now: float) -> None:
        self.decreases += 1
        self._slow_start = False
        old = self._epochs[self._epoch]
        self._set_pace(old, now)
        self._epoch += 1
        self._epochs[self._epoch] = _Epoch()
        needed = 1.0
        rate = self.rate(now)
        if rate is not None and self._latency is not None:
            needed = math.ceil(rate * self._latency * 1.25)
        self._window = max(1.0, self._window / 2.0, min(needed, float(self.max_concurrency)))

    def _set_pace(self, epoch: _Epoch, now: float) -> None:
        estimate = epoch.estimate(self.burst_s)
        if estimate is not None:
            self._pace = self.backoff * estimate
        elif self._pace is not None:  # nothing got through since the last decrease
            self._pace = max(self._pace * 0.5, 1.0 / _MAX_PAUSE)
        else:
            return  # rate limited before anything succeeded: the pause and window act
        self._pace_since = max(now, self.paused_until)
        self._tokens = min(self._tokens, 1.0)

    def _close_epoch(self, number: int) -> None:
        """When the calls of the episode before the last decrease have all answered,
        refine the pacing estimate with the successes that were still in flight."""
        epoch = self._epochs.get(number)
        if epoch is None or epoch.in_flight > 0 or number == self._epoch:
            return
        del self._epochs[number]
        if number == self._epoch - 1 and epoch.ok > 0:
            estimate = epoch.estimate(self.burst_s)
            if estimate is not None and self._pace is not None:
                self._pace = max(self._pace, self.backoff * estimate)

    def __repr__(self) -> str:
        return (
            f"ConcurrencyController(limit={self.limit}, in_flight={self.in_flight}, "
            f"pace={self._pace}, rate_per_s={self.rate_per_s}, adaptive={self.adaptive})"
        )
