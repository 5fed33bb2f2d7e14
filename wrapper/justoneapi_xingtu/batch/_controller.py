"""When the next call of a batch may start: the pure concurrency and pacing controller.

A rate limit and a stray rate-limit answer look alike one at a time; they differ in
*rate*. A server that limits the client answers 302 (or HTTP 429) to a share of the calls
that grows with the sending rate; a stray 302 does not depend on it. So a single answer
does not lower the pace. The controller keeps a sliding window (``window_s``, 2 s) of
the answers to the calls started at the current pace, and lowers the pace only when

* the rate limits in it pass ``threshold`` (5 %) of the answers by more than chance
  would explain (two standard deviations of what 5 % would give), and number at least
  ``min_rate_limited`` (2); or
* once a limit was found that way, a call sent at the new pace is refused with
  ``Retry-After``: that limit again, still below the pace.

Otherwise a 302 is noise: the engine retries the call and the pace stays.

``Retry-After`` answers one request. The refused call waits that long before its retry
and keeps its slot meanwhile, as in a client that sleeps before retrying: before they
retry a request, Stripe's and OpenAI's Python SDKs wait its answer's ``Retry-After``
(when at most 60 s), and neither holds back other requests. Every start waits for it
only when the refusals show a limit as above. Pausing every start for each one, and
reading a refusal after a pause as the limit outliving it, made one-off refusals
compound: five spread through a run of 200 calls cost 3.7x its wall time (issue 19).

What it takes from proven designs (ideas, no code):

* Google SRE book, "Handling Overload", client-side adaptive throttling: judge the
  server by requests vs accepts over a sliding window, not by single rejections; a small
  rejection rate changes nothing.
* TCP: loss-based control (Reno, CUBIC) reads every loss as congestion, which is why
  random loss starves it (Mathis et al.: throughput ~ 1/sqrt(loss)), exactly the
  collapse of the earlier controller under stray 302s; BBR v2 reacts to loss only above
  a threshold rate per round (2 %). The share threshold here is that idea. Decreases
  count once per episode (answers to calls started before a decrease do not count for
  the next), like TCP's once per round trip.
* AWS SDKs' adaptive retry mode (``ClientRateLimiter``): a token bucket paces the sends;
  at throttling the new rate is ``beta x`` a *measured* rate, not the configured one; it
  recovers along CUBIC (Ha, Rhee, Xu 2008): concave back to the last rate that worked
  (``W_max``), flat near it, then convex beyond it. Here ``W_max`` is the rate the server
  *accepted* (answers code 0 per second over the window, over at least 1 s because a
  server's bucket often holds a second of burst), and the pace restarts at ``backoff``
  (0.7) x ``W_max``.
* Envoy's adaptive concurrency filter was considered: it reads latency, which a rate
  limit does not raise here, so only its "start low, grow while it works" remains: TCP
  slow start on the number of calls in flight while no limit is known.

How it behaves:

* **window** (calls in flight), adaptive mode before any limit was found: starts at
  ``initial_concurrency``, grows by 0.5 per success while the window is what limits
  (x1.5 per round trip) up to ``max_concurrency``, and drops by 15 % at a refusal with
  ``Retry-After`` (additive increase, multiplicative decrease, as TCP's window). Once
  starts are paced (a limit was found, or ``rate_per_s`` was given), calls in flight go
  up to ``max_concurrency``: the pace decides and concurrency follows (rate x latency).
* **recovery**: back to ``W_max`` in ``recover_s`` (3 s), then probing above it, doubled
  ``probe_s`` (4 s) later, so a raised limit is found in seconds. A rate limit without
  ``Retry-After`` to a call sent while probing above ``W_max`` ends the probe (back to
  ``W_max``, no decrease); what the server accepted meanwhile, times ``backoff``, may
  raise ``W_max``. With ``Retry-After`` it is the limit again (above). The pace does not
  grow during a pause.
* **Retry-After** (at most :data:`~justoneapi_xingtu._retry.MAX_RETRY_AFTER`; the engine
  stops the batch when the server asks for more): the refused call holds its slot that
  long. When the refusals show a limit, every new start waits that long too; answers
  that arrive during that pause extend it, they do not add up. Without ``Retry-After``
  (or with 0), the call is retried at once and nothing waits.
* **known rate** (``rate_per_s``): starts are paced at that rate from the first call (a
  token bucket of at most 0.1 s of starts), not merely capped by it. In adaptive mode a
  limit found below it lowers the pace, which climbs back to ``rate_per_s``, never beyond.
* ``adaptive=False``: ``max_concurrency`` calls in flight, paced at ``rate_per_s`` when
  given; rate limits never slow it down; refused calls hold their slots, and refusals
  that show a limit (the share above) still pause every start for their ``Retry-After``.

Known costs (see the simulation tests): a burst of rate limits at the very start of a run
(say 5 of the first 15 answers) cannot be told from a low limit, so the batch slows down
and climbs back over some seconds; a limit sent without ``Retry-After`` is found with
more 302s than one that sends it; a limit that sends it is found after a few refusals
rather than at the first (the window's decrease holds back the starts meanwhile; with
``rate_per_s`` above the limit nothing does, and the onset costs a few more 302s than
pausing did); a limit just below what ``max_concurrency`` calls in flight send is held
off by the refused calls' own waits rather than found (under 1 % 302s).

Pure and deterministic: every method takes the time ``now`` (seconds, any monotonic
origin); nothing here sleeps or reads a clock.
"""

from __future__ import annotations

import heapq
import math
from collections import deque
from dataclasses import dataclass

from .._config import DEFAULT_INITIAL_CONCURRENCY, DEFAULT_MAX_CONCURRENCY
from .._retry import MAX_RETRY_AFTER

__all__ = ["ConcurrencyController", "Ticket"]

_BURST_S = 0.1
"""The pacing bucket holds at most this many seconds of starts."""
_MIN_SPAN_S = 1.0
"""Rates are measured over at least this long: a server's bucket often holds 1 s of burst."""
_MIN_RATE = 1.0 / MAX_RETRY_AFTER
_REFUSED_WINDOW = 0.85
"""The window after a refusal while no limit is known (times this): the mildest decrease
that holds back the starts at a limit's onset as pausing every start did (the same 302s
in the simulations; 0.95 gives more). A one-off's 15 % comes back within a round trip;
refusals at p of the answers hold the window near 0.5 (1 - p) / (0.15 p) (160 at 2 %)."""


@dataclass(frozen=True, slots=True)
class Ticket:
    """A started call, as the controller knows it."""

    started: float
    episode: int


def _check_int(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{name}: expected an integer >= 1, got {value!r}")
    return value


def _check_positive(name: str, value: object, what: str) -> float:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not value > 0
        or not math.isfinite(value)
    ):
        raise ValueError(f"{name}: expected {what}, got {value!r}")
    return float(value)


class ConcurrencyController:
    """When may the next call start? A noise-tolerant, CUBIC-like pacer (module docs).

    The engine calls :meth:`delay` and :meth:`start` before each call, and exactly one of
    :meth:`succeeded`, :meth:`rate_limited`, :meth:`failed` or :meth:`abandoned` after it.
    """

    def __init__(
        self,
        *,
        max_concurrency: int = DEFAULT_MAX_CONCURRENCY,
        initial_concurrency: int = DEFAULT_INITIAL_CONCURRENCY,
        rate_per_s: float | None = None,
        adaptive: bool = True,
        backoff: float = 0.7,
        threshold: float = 0.05,
        min_rate_limited: int = 2,
        window_s: float = 2.0,
        recover_s: float = 3.0,
        probe_s: float = 4.0,
    ) -> None:
        self.max_concurrency = _check_int("max_concurrency", max_concurrency)
        initial = _check_int("initial_concurrency", initial_concurrency)
        self.rate_per_s = (
            None
            if rate_per_s is None
            else _check_positive("rate_per_s", rate_per_s, "calls per second > 0")
        )
        if not 0 < backoff < 1:
            raise ValueError(f"backoff: expected a factor in (0, 1), got {backoff!r}")
        if not 0 <= threshold < 1:
            raise ValueError(f"threshold: expected a share in [0, 1), got {threshold!r}")
        self.adaptive = adaptive
        self.backoff = backoff
        self.threshold = threshold
        self.min_rate_limited = _check_int("min_rate_limited", min_rate_limited)
        self.window_s = _check_positive("window_s", window_s, "seconds > 0")
        self.recover_s = _check_positive("recover_s", recover_s, "seconds > 0")
        self.probe_s = _check_positive("probe_s", probe_s, "seconds > 0")

        paced = rate_per_s is not None or not adaptive
        self._window = float(self.max_concurrency if paced else min(initial, max_concurrency))
        self._saturated = False
        self.in_flight = 0
        self._held: list[float] = []  # heap: until when refused calls keep their slot
        self.paused_until = -math.inf
        """No call starts before this time (``Retry-After``)."""
        self.w_max: float | None = None
        """The last rate the server accepted before a limit was found (calls/s)."""
        self._cubic_at = 0.0
        self._episode = 0
        self._episode_at = -math.inf
        self._answers: deque[tuple[float, bool]] = deque()  # (answered at, rate limited)
        self._limited_in_window = 0
        self._tokens = 1.0
        self._tokens_at: float | None = None
        self.decreases = 0
        """How many times a limit was found and the pace lowered."""
        self.rate_limited_calls = 0
        """Answers that were rate limits (302 or HTTP 429), noise included."""

    # -- what it allows ----------------------------------------------------------------

    @property
    def limit(self) -> int:
        """Calls allowed in flight now."""
        return max(1, min(self.max_concurrency, math.floor(self._window)))

    def rate(self, now: float) -> float | None:
        """Pacing of new starts, calls per second, at ``now``; ``None``: not paced."""
        if self.w_max is None:
            return self.rate_per_s
        t = max(0.0, now - self._cubic_at)
        if t < self.recover_s:  # concave: back to W_max in recover_s
            share = 1.0 - (1.0 - self.backoff) * ((self.recover_s - t) / self.recover_s) ** 3
        else:  # convex: probe beyond it, x2 probe_s later
            share = 1.0 + ((t - self.recover_s) / self.probe_s) ** 3
        pace = self.w_max * share
        return pace if self.rate_per_s is None else min(pace, self.rate_per_s)

    def delay(self, now: float) -> float:
        """Seconds until a call may start: 0 now, ``math.inf`` until a call finishes."""
        if now < self.paused_until:
            return self.paused_until - now
        while self._held and self._held[0] <= now:
            heapq.heappop(self._held)
        if self.in_flight + len(self._held) >= self.limit:
            return self._held[0] - now if self._held else math.inf
        rate = self.rate(now)
        if rate is None:
            return 0.0
        self._refill(now, rate)
        return 0.0 if self._tokens >= 1.0 else (1.0 - self._tokens) / rate

    def _refill(self, now: float, rate: float) -> None:
        capacity = max(1.0, rate * _BURST_S)
        if self._tokens_at is not None:
            since = max(self._tokens_at, self.paused_until)  # no credit for a pause
            self._tokens += max(0.0, now - since) * rate
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
        if self.in_flight + len(self._held) >= self.limit:
            self._saturated = True  # the window is what limits: successes may grow it
        elif self.in_flight <= self.limit / 2:
            self._saturated = False  # something else limits (pacing, pauses, the input)
        if self._episode_at == -math.inf:
            self._episode_at = now
        return Ticket(now, self._episode)

    def succeeded(self, ticket: Ticket, now: float) -> None:
        """The call answered code 0."""
        self._finish()
        self._record(ticket, now, limited=False)
        if self.adaptive and self.w_max is None and self._saturated:
            self._window = min(self._window + 0.5, float(self.max_concurrency))

    def failed(self, ticket: Ticket, now: float) -> None:
        """The call failed for any reason but rate limiting (says nothing about load)."""
        self._finish()

    def abandoned(self, ticket: Ticket) -> None:
        """The call was cancelled without an answer."""
        self._finish()

    def rate_limited(self, ticket: Ticket, now: float, retry_after: float | None) -> None:
        """The call was answered 302 or HTTP 429 (``retry_after``: its header, seconds).

        The call waits its own ``Retry-After`` in its slot (the engine retries it then);
        every start waits only when the refusals show a limit (see the module).
        """
        self.rate_limited_calls += 1
        self._finish()
        self._record(ticket, now, limited=True)
        current = ticket.episode == self._episode
        instructed = retry_after is not None and retry_after > 0
        # A limit shows by its rate; once it has, its Retry-After to a call sent at the
        # new pace means the pace is still too high.
        limit = current and (self._limit_found() or (instructed and self.w_max is not None))
        if retry_after is not None and retry_after > 0:
            wait = min(retry_after, MAX_RETRY_AFTER)
            if limit or now < self.paused_until:
                self._pause(now, wait)  # answers that arrive together pause once
            else:
                heapq.heappush(self._held, now + wait)
                if self.adaptive and self.w_max is None and self.rate_per_s is None:
                    self._window = max(1.0, self._window * _REFUSED_WINDOW)
        if not self.adaptive or not current:
            return
        if limit:
            self._decrease(now)
        elif self.w_max is not None and ticket.started - self._cubic_at > self.recover_s:
            # Sent above the last good rate and refused: the probe ends; what the server
            # accepted meanwhile (less the backoff) may raise the last good rate.
            self._cubic_at = max(now, self.paused_until) - self.recover_s
            self.w_max = max(self.w_max, self.backoff * (self.accepted_rate(now) or 0.0))

    def _pause(self, now: float, seconds: float) -> None:
        until = max(self.paused_until, now + seconds)
        if self.w_max is not None:  # the pace does not grow while nothing may start
            self._cubic_at += until - max(now, self.paused_until)
        self.paused_until = until

    def _finish(self) -> None:
        self.in_flight = max(0, self.in_flight - 1)

    def _record(self, ticket: Ticket, now: float, *, limited: bool) -> None:
        if ticket.episode != self._episode:
            return  # started before the last decrease: says nothing about the new pace
        self._answers.append((now, limited))
        self._limited_in_window += limited
        horizon = now - self.window_s
        while self._answers and self._answers[0][0] < horizon:
            self._limited_in_window -= self._answers.popleft()[1]

    def _limit_found(self) -> bool:
        limited = self._limited_in_window
        expected = self.threshold * len(self._answers)
        return limited >= self.min_rate_limited and limited > expected + 2.0 * math.sqrt(expected)

    def accepted_rate(self, now: float) -> float | None:
        """Answers code 0 per second over the window (this episode's calls only)."""
        ok = len(self._answers) - self._limited_in_window
        return ok / self._span(now) if ok else None

    def _span(self, now: float) -> float:
        """Seconds the window covers (this episode's; at least ``_MIN_SPAN_S``)."""
        since = max(now - self.window_s, self._episode_at)
        return max(now - since, _MIN_SPAN_S)

    def _decrease(self, now: float) -> None:
        accepted = self.accepted_rate(now)
        if accepted is None:  # nothing got through: half of what was sent
            accepted = 0.5 * len(self._answers) / self._span(now)
        if self.rate_per_s is not None:
            accepted = min(accepted, self.rate_per_s)
        self.w_max = max(accepted, _MIN_RATE)
        self._cubic_at = max(now, self.paused_until)
        self._window = float(self.max_concurrency)
        self.decreases += 1
        self._episode += 1
        self._episode_at = self._cubic_at
        self._answers.clear()
        self._limited_in_window = 0
        self._tokens = min(self._tokens, 1.0)

    def __repr__(self) -> str:
        return (
            f"ConcurrencyController(limit={self.limit}, in_flight={self.in_flight}, "
            f"w_max={self.w_max}, rate_per_s={self.rate_per_s}, adaptive={self.adaptive})"
        )
