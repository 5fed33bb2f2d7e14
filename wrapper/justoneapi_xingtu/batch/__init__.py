"""Many authors at once: adaptive concurrency, rate pacing, retries and stop conditions.

``client.author_rec_videos_many(ids)`` returns an :class:`AsyncBatch` (async client) or
a :class:`Batch` (sync client): an iterator of :class:`Outcome` (a :class:`Success` or a
:class:`Failure`: ``if outcome.ok:`` narrows its type), one per distinct author, in the
order they complete. Three parts:

* :class:`ConcurrencyController` decides when the next call may start. It is pure (every
  method takes the time ``now``; no I/O, no sleeping), so its behaviour is testable
  without a clock. It tells a rate limit from noise: a stray 302 is retried and slows
  nothing; only a share of rate limits in a sliding window (or a limit that outlives its
  own ``Retry-After``) lowers the pace, to what the server accepted, from which it climbs
  back CUBIC-style within seconds. ``Retry-After`` pauses every new start; a known
  ``rate_per_s`` paces the starts from the first call.
* the engine (:func:`_run`) sends each author's call once at a time (the client's own
  retries are switched off for it), so every 302 and HTTP 429 reaches the controller; it
  retries as the client's :class:`~justoneapi_xingtu.RetryPolicy` decides: transient
  failures with backoff, rate-limited calls after the pause (``max_rate_limit_retries``).
* stop conditions (:func:`stops_batch`): 100, 303, 600 and 601, a refused TLS handshake,
  a closed client, and a ``Retry-After`` longer than ``MAX_RETRY_AFTER`` (60 s), cancel
  the calls in flight, send no more, and raise
  :class:`~justoneapi_xingtu.errors.BatchStoppedError` after the outcomes finished so far
  were yielded.

Stopping without losing a paid answer: ``batch.stop()`` (safe from a signal handler or
another thread) starts nothing new; the calls in flight finish and are still yielded,
then the iteration ends, and ``batch.unfinished`` lists the ids left.
``close(drain=True)``/``aclose(drain=True)`` do the same from outside the loop and return
those outcomes; a plain ``close()``/``aclose()`` (or leaving ``with``) abandons them.
"""

from ..models import BatchStats, Failure, Outcome, Success
from ._controller import ConcurrencyController, Ticket
from ._engine import AsyncBatch
from ._stops import STOPPING_ERRORS, is_rate_limited, stops_batch
from ._sync import Batch

__all__ = [
    "STOPPING_ERRORS",
    "AsyncBatch",
    "Batch",
    "BatchStats",
    "ConcurrencyController",
    "Failure",
    "Outcome",
    "Success",
    "Ticket",
    "is_rate_limited",
    "stops_batch",
]
