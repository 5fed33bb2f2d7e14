"""author_rec_videos_many: the controller (deterministic, no clock), the engine (in virtual
time: tests/_virtual.py), the clients."""

from __future__ import annotations

import asyncio
import math
import threading
from collections.abc import Awaitable, Callable, Iterator

import pytest
from _virtual import run_virtual
from conftest import TOKEN

import justoneapi_xingtu.batch as batch_module
from justoneapi_xingtu import (
    AsyncXingtuClient,
    AuthorRecVideos,
    BatchStopped,
    CollectionFailedError,
    ConcurrencyController,
    DailyQuotaExceededError,
    InsufficientBalanceError,
    InvalidParameterError,
    InvalidTokenError,
    Outcome,
    PermissionDeniedError,
    ProtocolError,
    RateLimitError,
    RequestTimeoutError,
    XingtuClient,
)
from justoneapi_xingtu.batch._engine import _run
from justoneapi_xingtu.models import BatchStats
from justoneapi_xingtu.testing import MockServer, instant_retries


def ids(n: int, offset: int = 0) -> list[str]:
    return [str(7_200_000_000_000_000_000 + offset + i) for i in range(n)]


@pytest.fixture(autouse=True)
def quick_retries() -> Iterator[list[float]]:
    with instant_retries() as waits:
        yield waits


# -- the controller: every method takes the time, so these need no clock -----------------


def fill(controller: ConcurrencyController, now: float) -> list[batch_module.Ticket]:
    tickets = []
    while controller.delay(now) == 0:
        tickets.append(controller.start(now))
    return tickets


def test_starts_modestly_and_waits_for_a_free_slot() -> None:
    controller = ConcurrencyController(max_concurrency=64)
    tickets = fill(controller, 0.0)
    assert len(tickets) == 4 and controller.delay(0.0) == math.inf
    controller.failed(tickets[0], 0.1)
    assert controller.delay(0.1) == 0 and controller.limit == 4  # a failure: no growth


def test_grows_while_calls_succeed_and_never_past_the_cap() -> None:
    controller = ConcurrencyController(max_concurrency=10)
    now = 0.0
    limits = []
    for _ in range(40):
        for ticket in fill(controller, now):
            now += 0.01
            controller.succeeded(ticket, now)
        limits.append(controller.limit)
    assert limits[0] > 4 and limits == sorted(limits)
    assert max(limits) == 10 and controller.limit == 10


def test_does_not_grow_when_the_window_is_not_what_limits() -> None:
    controller = ConcurrencyController(max_concurrency=64)
    for step in range(20):  # one call at a time: the window is never full
        ticket = controller.start(float(step))
        controller.succeeded(ticket, step + 0.5)
    assert controller.limit == 4


def answer(
    controller: ConcurrencyController, now: float, ok: int, limited: int = 0, **kwargs: float
) -> None:
    """Start ``ok + limited`` calls at ``now`` and answer them 0.05 s later, the rate
    limits spread among the successes."""
    tickets = [controller.start(now) for _ in range(ok + limited)]
    every = (ok + limited) // limited if limited else 0
    for i, ticket in enumerate(tickets):
        if every and i % every == every - 1 and limited:
            limited -= 1
            controller.rate_limited(ticket, now + 0.05, kwargs.get("retry_after"))
        else:
            controller.succeeded(ticket, now + 0.05)


def test_a_stray_rate_limit_is_noise_it_slows_nothing() -> None:
    controller = ConcurrencyController(max_concurrency=64, initial_concurrency=16)
    tickets = fill(controller, 1.0)
    controller.rate_limited(tickets[0], 1.0, retry_after=None)
    assert controller.decreases == 0 and controller.limit == 16
    assert controller.rate(1.0) is None and controller.delay(1.0) == 0  # no pause either


def test_two_percent_of_rate_limits_among_the_answers_are_noise() -> None:
    controller = ConcurrencyController(max_concurrency=64)
    now = 0.0
    for _ in range(100):  # 5,000 answers over 10 s, one in 50 a rate limit
        answer(controller, now, ok=49, limited=1)
        now += 0.1
    assert controller.rate_limited_calls == 100 and controller.decreases == 0
    assert controller.rate(now) is None


def test_a_share_of_rate_limits_lowers_the_pace_once_per_episode() -> None:
    controller = ConcurrencyController(max_concurrency=64, initial_concurrency=64)
    now = 0.0
    for _ in range(20):  # 2 s at 100 calls/s accepted
        answer(controller, now, ok=10)
        now += 0.1
    before = [controller.start(now) for _ in range(10)]  # in flight at the decrease
    answer(controller, now, ok=10, limited=20)  # the server refuses most now
    assert controller.decreases == 1
    assert controller.w_max is not None and 90 <= controller.w_max <= 110  # accepted/s
    assert controller.rate(now + 0.05) == pytest.approx(0.7 * controller.w_max)
    for ticket in before:  # answers to calls started before the decrease: same episode
        controller.rate_limited(ticket, now + 0.1, retry_after=None)
    assert controller.decreases == 1 and controller.rate_limited_calls == 30


def test_the_pace_recovers_to_the_last_good_rate_then_probes_beyond_it() -> None:
    controller = ConcurrencyController(max_concurrency=64, recover_s=3.0, probe_s=4.0)
    controller.w_max = 50.0  # as if a limit had been found at 50 calls/s at time 0
    assert controller.rate(0.0) == pytest.approx(35.0)  # backoff 0.7
    assert controller.rate(1.5) == pytest.approx(50.0 * (1 - 0.3 / 8))  # concave
    assert controller.rate(3.0) == pytest.approx(50.0)  # back at W_max in 3 s, not 30
    assert controller.rate(7.0) == pytest.approx(100.0)  # convex: x2 4 s later
    limited_rate = ConcurrencyController(max_concurrency=64, rate_per_s=60.0)
    limited_rate.w_max = 50.0
    assert limited_rate.rate(7.0) == 60.0  # never beyond a known rate


def test_a_rate_limit_while_probing_ends_the_probe_without_slowing_down() -> None:
    controller = ConcurrencyController(max_concurrency=64)
    controller.w_max = 50.0
    ticket = controller.start(6.0)  # probing: 50 x (1 + (3/4)^3) = 71 calls/s
    controller.rate_limited(ticket, 6.05, retry_after=None)
    assert controller.decreases == 0
    assert controller.rate(6.05) == pytest.approx(50.0)  # back to the last good rate


def test_one_off_refusals_with_retry_after_do_not_add_up_to_a_limit() -> None:
    controller = ConcurrencyController(max_concurrency=64, initial_concurrency=64)
    now = 0.0
    for _ in range(5):  # one refusal every 0.3 s among 100 calls/s
        answer(controller, now, ok=30)
        controller.rate_limited(controller.start(now), now + 0.05, retry_after=1.0)
        now += 0.3
    assert controller.decreases == 0 and controller.paused_until == -math.inf
    assert controller.delay(now) == 0


def test_a_refusal_with_retry_after_shrinks_the_window_which_grows_back() -> None:
    controller = ConcurrencyController(max_concurrency=32, initial_concurrency=32)
    for ticket in fill(controller, 0.0)[:20]:
        controller.succeeded(ticket, 0.05)
    tickets = fill(controller, 0.05)[:12]  # 32 in flight again, 20 answered
    controller.rate_limited(tickets[0], 0.1, retry_after=1.0)
    assert controller.limit == 27  # 32 x 0.85: no start for the next few answers
    for ticket in tickets[1:4]:
        controller.succeeded(ticket, 0.1)
    assert controller.limit == 28 and controller.delay(0.1) == pytest.approx(1.0)  # 28 + 1
    controller.rate_limited(tickets[4], 0.1, retry_after=None)
    assert controller.limit == 28  # no Retry-After: no decrease
    for ticket in tickets[5:]:
        controller.succeeded(ticket, 0.1)
    assert controller.limit == 32 and controller.decreases == 0  # grown back


def test_once_a_limit_is_known_its_retry_after_lowers_the_pace_again() -> None:
    controller = ConcurrencyController(max_concurrency=64, initial_concurrency=64)
    now = 0.0
    for _ in range(20):
        answer(controller, now, ok=10)
        now += 0.1
    answer(controller, now, ok=10, limited=20, retry_after=1.0)  # a limit, shown by rate
    assert controller.decreases == 1
    now = controller.paused_until + 1.0
    answer(controller, now, ok=10)
    controller.rate_limited(controller.start(now + 0.1), now + 0.15, retry_after=1.0)
    assert controller.decreases == 2 and controller.paused_until == pytest.approx(now + 1.15)


def test_the_pace_never_drops_to_nothing() -> None:
    controller = ConcurrencyController(max_concurrency=8, initial_concurrency=1)
    now = 0.0
    for _ in range(30):  # nothing ever gets through
        now += 100.0
        for ticket in [controller.start(now) for _ in range(3)]:
            controller.rate_limited(ticket, now, retry_after=None)
    assert controller.decreases == 30 and controller.limit >= 1
    rate = controller.rate(now)
    assert rate is not None and rate >= 0.7 / 60


def test_a_refused_call_keeps_its_slot_for_its_retry_after_the_others_carry_on() -> None:
    controller = ConcurrencyController(max_concurrency=8, adaptive=False)
    first, second, third, *_ = fill(controller, 0.0)
    controller.rate_limited(first, 10.0, retry_after=2.5)
    assert controller.delay(10.0) == pytest.approx(2.5)  # its slot waits 2.5 s ...
    controller.succeeded(second, 10.1)
    assert controller.delay(10.1) == 0  # ... the others do not
    assert controller.paused_until == -math.inf
    controller.start(10.1)
    assert controller.delay(12.4) == pytest.approx(0.1) and controller.delay(12.5) == 0
    controller.rate_limited(third, 12.6, retry_after=None)
    assert controller.delay(12.6) == 0  # no Retry-After: no wait
    for value in (0.0, -3.0):  # at or below zero: as if absent
        controller.rate_limited(controller.start(13.0), 13.0, retry_after=value)
        assert controller.delay(13.0) == 0


def test_a_limit_pauses_every_start_once_for_answers_that_arrive_together() -> None:
    controller = ConcurrencyController(max_concurrency=64, initial_concurrency=64)
    answer(controller, 0.0, ok=60)
    tickets = [controller.start(0.1) for _ in range(20)]
    for i, ticket in enumerate(tickets):
        controller.rate_limited(ticket, 0.4 + i * 0.001, retry_after=1.0)
    assert controller.decreases == 1  # 20 of 80 answers: a limit
    assert controller.paused_until == pytest.approx(1.419)  # not 20 s, nor 17
    assert controller.delay(1.0) == pytest.approx(0.419)


def test_a_wait_is_at_most_sixty_seconds() -> None:
    controller = ConcurrencyController(max_concurrency=1)
    controller.rate_limited(controller.start(0.0), 0.0, retry_after=3600.0)
    assert controller.delay(0.0) == pytest.approx(60.0)  # the call's own wait
    controller = ConcurrencyController(max_concurrency=8)
    for ticket in fill(controller, 0.0):  # nothing gets through: a limit
        controller.rate_limited(ticket, 0.0, retry_after=3600.0)
    assert controller.paused_until == pytest.approx(60.0)


def test_the_pace_does_not_grow_during_a_pause() -> None:
    controller = ConcurrencyController(max_concurrency=64, initial_concurrency=64)
    for step in range(20):
        answer(controller, step * 0.1, ok=10)
    answer(controller, 2.0, ok=10, limited=20, retry_after=2.0)
    assert controller.decreases == 1 and controller.w_max is not None
    start = controller.backoff * controller.w_max
    assert controller.rate(2.1) == controller.rate(controller.paused_until) == pytest.approx(start)
    assert controller.rate(controller.paused_until + 1.0) > start


def test_a_known_rate_paces_the_starts_from_the_first_call_in_both_modes() -> None:
    for adaptive in (True, False):
        controller = ConcurrencyController(max_concurrency=64, rate_per_s=10, adaptive=adaptive)
        assert controller.limit == 64  # concurrency as needed: the rate decides
        assert controller.delay(0.0) == 0
        controller.start(0.0)
        assert controller.delay(0.0) == pytest.approx(0.1)
        assert controller.delay(0.1) == 0


def test_fixed_concurrency_mode_neither_grows_nor_slows_but_still_pauses() -> None:
    controller = ConcurrencyController(max_concurrency=12, adaptive=False)
    tickets = fill(controller, 0.0)
    assert len(tickets) == 12
    for ticket in tickets[:6]:
        controller.rate_limited(ticket, 0.1, retry_after=2)
    assert controller.limit == 12 and controller.rate(0.1) is None
    assert controller.delay(0.1) == pytest.approx(2.0) and controller.decreases == 0


@pytest.mark.parametrize(
    "kwargs",
    [
        {"max_concurrency": 0},
        {"max_concurrency": 2.5},
        {"initial_concurrency": 0},
        {"rate_per_s": 0},
        {"rate_per_s": -1},
        {"rate_per_s": float("nan")},
        {"rate_per_s": True},
        {"backoff": 1.0},
        {"threshold": 1.0},
        {"window_s": 0},
    ],
)
def test_bad_settings_are_refused(kwargs: dict) -> None:
    with pytest.raises(ValueError, match=next(iter(kwargs))):
        ConcurrencyController(**kwargs)


# -- the engine, with a scripted call ------------------------------------------------


def result_for(author_id: str) -> AuthorRecVideos:
    document = {"code": 0, "data": {"newest_videos": [{"item_id": "1"}]}, "requestId": "r"}
    return AuthorRecVideos(document, author_id=author_id, platform="SHORT_VIDEO")


Script = Callable[[str, int], Awaitable[AuthorRecVideos]]


async def collect(
    script: Script,
    authors: list[str],
    controller: ConcurrencyController | None = None,
    *,
    max_retries: int = 2,
) -> tuple[list[Outcome], BatchStats, BatchStopped | None, dict[str, int]]:
    calls: dict[str, int] = {}

    async def call(author_id: str) -> AuthorRecVideos:
        calls[author_id] = calls.get(author_id, 0) + 1
        return await script(author_id, calls[author_id])

    stats = BatchStats(total=len(authors))
    outcomes: list[Outcome] = []
    stopped = None
    try:
        async for outcome in _run(
            call,
            authors,
            "SHORT_VIDEO",
            controller or ConcurrencyController(max_concurrency=8),
            stats,
            max_retries=max_retries,
            max_rate_limit_retries=3,
            clock=asyncio.get_running_loop().time,
        ):
            outcomes.append(outcome)
    except BatchStopped as error:
        stopped = error
    return outcomes, stats, stopped, calls


def test_every_author_gets_exactly_one_outcome_success_or_typed_error() -> None:
    authors = ids(40)
    bad = set(authors[::7])

    async def script(author_id: str, n: int) -> AuthorRecVideos:
        await asyncio.sleep(0)
        if author_id in bad:
            raise InvalidParameterError(400, "bad id")
        return result_for(author_id)

    outcomes, stats, stopped, calls = run_virtual(collect(script, authors))
    assert stopped is None
    assert sorted(o.author_id for o in outcomes) == sorted(authors)
    assert {o.author_id for o in outcomes if not o.ok} == bad
    assert all(isinstance(o.error, InvalidParameterError) for o in outcomes if not o.ok)
    assert all(o.result is not None and o.error is None for o in outcomes if o.ok)
    assert set(calls.values()) == {1}  # a 400 is not retried
    assert (stats.succeeded, stats.failed, stats.errors["code 400"]) == (34, 6, 6)


def test_transient_failures_are_retried_up_to_the_clients_max_retries() -> None:
    authors = ids(6)

    async def script(author_id: str, n: int) -> AuthorRecVideos:
        if author_id == authors[0] or n == 1:
            raise CollectionFailedError(301)
        return result_for(author_id)

    outcomes, stats, _, calls = run_virtual(collect(script, authors, max_retries=2))
    by_id = {o.author_id: o for o in outcomes}
    assert not by_id[authors[0]].ok and by_id[authors[0]].attempts == 3
    assert by_id[authors[0]].error is not None and by_id[authors[0]].error.attempts == 3
    assert all(by_id[a].ok and by_id[a].attempts == 2 for a in authors[1:])
    assert stats.retried == sum(calls.values()) - len(authors)


def test_a_batch_timeout_names_the_attempts_and_the_time_they_took() -> None:
    authors = ids(2)

    async def script(author_id: str, n: int) -> AuthorRecVideos:
        if author_id == authors[1]:
            return result_for(author_id)
        await asyncio.sleep(2.0)  # virtual seconds: each attempt runs into its timeout
        hint = RequestTimeoutError.hint(2.0)
        error = RequestTimeoutError(f"request to http://x timed out{hint}: ReadTimeout: slow")
        error.timeout = 2.0
        raise error

    outcomes, _, _, calls = run_virtual(collect(script, authors, max_retries=2))
    failed = next(o for o in outcomes if not o.ok)
    assert calls[authors[0]] == 3 and failed.attempts == 3
    assert str(failed.error) == (
        "request to http://x timed out after 3 attempts in 6.0 s in all (each attempt "
        "limited to 2 s; the page advises at least 60 s): ReadTimeout: slow"
    )


def test_rate_limited_calls_are_retried_after_the_pause_and_reach_the_controller() -> None:
    authors = ids(5)
    controller = ConcurrencyController(max_concurrency=8)

    async def script(author_id: str, n: int) -> AuthorRecVideos:
        if n == 1 and author_id in authors[:2]:
            raise RateLimitError(302, retry_after=0.01)
        if n == 1 and author_id == authors[2]:
            error = ProtocolError("HTTP 429 without an envelope", http_status=429, retryable=True)
            raise error
        return result_for(author_id)

    outcomes, stats, _, _ = run_virtual(collect(script, authors, controller, max_retries=0))
    assert all(o.ok for o in outcomes) and len(outcomes) == 5
    assert stats.rate_limited == 3 and controller.rate_limited_calls == 3
    assert controller.decreases >= 1


def test_an_endless_rate_limit_ends_as_an_error_outcome_not_a_hang() -> None:
    controller = ConcurrencyController(max_concurrency=2)

    async def script(author_id: str, n: int) -> AuthorRecVideos:
        raise RateLimitError(302, retry_after=0.001)

    outcomes, _, _, calls = run_virtual(collect(script, ids(2), controller))
    assert [type(o.error) for o in outcomes] == [RateLimitError, RateLimitError]
    assert set(calls.values()) == {4}  # 1 + max_rate_limit_retries


def test_a_retry_after_beyond_sixty_seconds_stops_the_batch_with_the_unfinished_ids() -> None:
    authors = ids(6)

    async def script(author_id: str, n: int) -> AuthorRecVideos:
        if author_id == authors[2]:
            raise RateLimitError(302, retry_after=3600.0)
        return result_for(author_id)

    controller = ConcurrencyController(max_concurrency=1, adaptive=False)
    outcomes, _, stopped, calls = run_virtual(collect(script, authors, controller))
    assert stopped is not None and isinstance(stopped.cause, RateLimitError)
    assert stopped.cause.retry_after == 3600.0 and calls[authors[2]] == 1
    assert [o.author_id for o in outcomes] == authors[:2]
    assert stopped.unfinished == tuple(authors[2:]) and stopped.completed == 2


@pytest.mark.parametrize(
    "error",
    [
        DailyQuotaExceededError(303),
        InsufficientBalanceError(601),
        InvalidTokenError(100),
        PermissionDeniedError(600),
    ],
)
def test_a_stop_code_cancels_the_calls_in_flight_and_keeps_what_finished(error) -> None:
    authors = ids(30)
    cancelled: list[str] = []

    async def script(author_id: str, n: int) -> AuthorRecVideos:
        index = authors.index(author_id)
        if index < 10:
            return result_for(author_id)
        if index == 10:
            await asyncio.sleep(0.01)
            raise error
        try:
            await asyncio.sleep(30)  # would hang the test if not cancelled
        except asyncio.CancelledError:
            cancelled.append(author_id)
            raise
        return result_for(author_id)

    controller = ConcurrencyController(max_concurrency=8, adaptive=False)
    outcomes, _, stopped, calls = run_virtual(collect(script, authors, controller))
    assert stopped is not None and stopped.cause is error and stopped.code == error.code
    assert sorted(o.author_id for o in outcomes) == authors[:10] and all(o.ok for o in outcomes)
    assert stopped.completed == 10
    assert stopped.unfinished == tuple(authors[10:])  # no author silently dropped
    assert len(cancelled) == 7 and controller.in_flight == 0
    assert len(calls) == 18  # nothing was sent after the stop
    assert error.description in str(stopped) and "20 not fetched" in str(stopped)


def test_closing_early_cancels_the_calls_in_flight() -> None:
    cancelled: list[str] = []

    async def main() -> list[Outcome]:
        async def call(author_id: str) -> AuthorRecVideos:
            if author_id == "1":
                return result_for(author_id)
            try:
                await asyncio.sleep(30)
            except asyncio.CancelledError:
                cancelled.append(author_id)
                raise
            return result_for(author_id)

        outcomes = []
        gen = _run(
            call,
            ["1", "2", "3", "4"],
            "SHORT_VIDEO",
            ConcurrencyController(max_concurrency=4, adaptive=False),
            BatchStats(total=4),
            max_retries=0,
            max_rate_limit_retries=0,
        )
        async for outcome in gen:
            outcomes.append(outcome)
            break
        await gen.aclose()
        return outcomes

    outcomes = asyncio.run(main())
    assert [o.author_id for o in outcomes] == ["1"] and sorted(cancelled) == ["2", "3", "4"]


# -- through the clients, against the mock server on loopback -----------------------------


def batch_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith(("xingtu-batch", "xingtu-call"))]


@pytest.fixture(scope="module")
def server():
    with MockServer(tokens={TOKEN}, latency=0.005) as running:
        yield running


def test_async_client_fetches_every_author_once_and_dedupes(server) -> None:
    authors = ids(60)

    async def main() -> list[Outcome]:
        async with AsyncXingtuClient(TOKEN, base_url=server.base_url) as client:
            async with client.author_rec_videos_many(authors + authors[:5]) as batch:
                return [outcome async for outcome in batch]

    server.api.reset_stats()
    outcomes = asyncio.run(main())
    assert sorted(o.author_id for o in outcomes) == sorted(authors)
    assert all(o.ok and o.result is not None and len(o.result) == 6 for o in outcomes)
    assert all(server.api.calls_for(a) == 1 for a in authors)


def test_sync_client_yields_outcomes_and_leaves_no_threads(server) -> None:
    authors = ids(40, 1000)
    server.api.fail_authors[authors[3]] = 400
    try:
        with XingtuClient(TOKEN, base_url=server.base_url) as client:
            with client.author_rec_videos_many(authors, max_concurrency=8) as batch:
                outcomes = list(batch)
            assert batch.stats.done == 40
    finally:
        del server.api.fail_authors[authors[3]]
    assert sorted(o.author_id for o in outcomes) == sorted(authors)
    assert [o.author_id for o in outcomes if not o.ok] == [authors[3]]
    assert not batch_threads()


def test_sync_batch_closed_early_stops_sending_and_joins_its_threads(server) -> None:
    authors = ids(200, 2000)
    server.api.reset_stats()
    with XingtuClient(TOKEN, base_url=server.base_url) as client:
        batch = client.author_rec_videos_many(authors, max_concurrency=4, adaptive=False)
        first = next(batch)
        batch.close()
        sent = server.api.stats.total
        assert first.ok and sent < 200
        assert not batch_threads()
        assert list(batch) == []
        client.author_rec_videos(authors[0])  # the caller's client is still open
    assert server.api.stats.total == sent + 1


def test_sync_batch_raises_batch_stopped_after_the_outcomes_before_it(server) -> None:
    authors = ids(12, 3000)
    server.api.fail_authors[authors[6]] = 303
    try:
        with XingtuClient(TOKEN, base_url=server.base_url) as client:
            batch = client.author_rec_videos_many(authors, max_concurrency=1, adaptive=False)
            seen = []
            with pytest.raises(BatchStopped) as raised:
                for outcome in batch:
                    seen.append(outcome.author_id)
    finally:
        del server.api.fail_authors[authors[6]]
    assert seen == authors[:6]
    assert isinstance(raised.value.cause, DailyQuotaExceededError)
    assert raised.value.unfinished == tuple(authors[6:])


def test_http_429_rate_limits_are_retried_by_the_batch() -> None:
    with MockServer(tokens={TOKEN}, rate_limit=50, rate_limit_http_status=429) as server:
        authors = ids(100, 4000)

        async def main() -> tuple[list[Outcome], int]:
            async with AsyncXingtuClient(TOKEN, base_url=server.base_url) as client:
                batch = client.author_rec_videos_many(authors, max_concurrency=64)
                async with batch:
                    outcomes = [o async for o in batch]
                return outcomes, batch.stats.rate_limited

        outcomes, limited = asyncio.run(main())
        assert len(outcomes) == 100 and all(o.ok for o in outcomes)
        assert limited == server.api.stats.statuses.get(429, 0) > 0


def test_bad_ids_are_refused_before_anything_is_sent(server) -> None:
    with XingtuClient(TOKEN, base_url=server.base_url) as client:
        with pytest.raises(ValueError, match=r"author_ids\[1\]"):
            client.author_rec_videos_many(["1", "", "3"])
        with pytest.raises(ValueError, match="one string"):
            client.author_rec_videos_many("7012345678901234567")
        with pytest.raises(ValueError, match="max_concurrency"):
            client.author_rec_videos_many(["1"], max_concurrency=0)


def test_import_leaves_the_batch_engine_and_the_store_for_first_use() -> None:
    import subprocess
    import sys

    code = (
        "import sys, justoneapi_xingtu as j; "
        "assert 'justoneapi_xingtu.batch' not in sys.modules; "
        "assert 'sqlite3' not in sys.modules; "
        "assert 'justoneapi_xingtu_generated' not in sys.modules; "
        "assert j.Platform.SHORT_VIDEO.value == 'SHORT_VIDEO'; "
        "assert j.Outcome.__module__ == 'justoneapi_xingtu.models'; "
        "assert j.ResultStore.__module__ == 'justoneapi_xingtu.io.store'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
