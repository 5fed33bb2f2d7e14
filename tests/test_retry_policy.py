"""RetryPolicy: the one retry decision, its per-code caps honoured by the sync client, the
async client (both backends) and the batch, counted at a loopback server; the batch's
stop rule; the renamed and re-based errors still importable under their old names."""

from __future__ import annotations

import logging
import pickle
from collections.abc import Iterator
from typing import Any

import anyio
import pytest
from _scripted import Answer, scripted_server
from conftest import AUTHOR, TOKEN, call, envelope

import justoneapi_xingtu
from justoneapi_xingtu import (
    AsyncXingtuClient,
    BatchStopped,
    BatchStoppedError,
    CollectionFailedError,
    InternalServerError,
    JustOneAPIError,
    ProtocolError,
    RateLimitError,
    RetryPolicy,
    XingtuClient,
    errors,
)
from justoneapi_xingtu.batch import STOPPING_ERRORS, stops_batch
from justoneapi_xingtu.testing import instant_retries

KINDS = ["sync", "async", "aiohttp"]


@pytest.fixture(autouse=True)
def no_wait() -> Iterator[list[float]]:
    with instant_retries() as waits:
        yield waits


def options(kind: str, **extra: Any) -> dict[str, Any]:
    return {**extra, "backend": "aiohttp"} if kind == "aiohttp" else extra


def client_kind(kind: str) -> str:
    return "sync" if kind == "sync" else "async"


# -- the decision ------------------------------------------------------------------------


def test_decide_stops_at_the_per_code_cap_and_the_overall_limit() -> None:
    policy = RetryPolicy(max_retries=3, per_code={301: 2})
    assert [policy.decide(CollectionFailedError(301), n) is not None for n in range(4)] == [
        True,
        True,
        False,
        False,
    ]
    assert [policy.decide(InternalServerError(500), n) is not None for n in range(4)] == [
        True,
        True,
        True,
        False,
    ]
    # the cap counts every retry the call made, whatever failed before
    assert policy.decide(CollectionFailedError(301), 2) is None
    assert policy.decide(errors.InvalidParameterError(400), 0) is None  # not retryable


def test_decide_keeps_retry_after_and_the_backoff() -> None:
    policy = RetryPolicy(max_retries=5)
    assert policy.decide(RateLimitError(302, retry_after=7.0), 0) == 7.0
    assert policy.decide(RateLimitError(302, retry_after=3600.0), 0) is None
    assert 0.375 <= (policy.decide(RateLimitError(302, retry_after=0.0), 0) or 0) <= 0.5
    assert 1.5 <= (policy.decide(InternalServerError(500), 2) or 0) <= 2.0


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"max_retries": -1}, "max_retries: expected an integer >= 0"),
        ({"per_code": [301]}, "per_code: expected a mapping"),
        ({"per_code": {"301": 1}}, "per_code: expected integer business codes"),
        ({"per_code": {301: -1}}, r"per_code\[301\]: expected an integer >= 0"),
        ({"per_code": {400: 1}}, r"per_code\[400\]: code 400 is never retried"),
    ],
)
def test_a_bad_policy_is_refused_naming_the_argument(
    arguments: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        RetryPolicy(**arguments)


def test_a_policy_is_a_value() -> None:
    policy = RetryPolicy(max_retries=3, per_code={301: 2})
    assert policy == RetryPolicy(max_retries=3, per_code={301: 2}) != RetryPolicy(max_retries=3)
    assert hash(policy) == hash(RetryPolicy(max_retries=3, per_code={301: 2}))
    assert repr(policy) == "RetryPolicy(max_retries=3, per_code={301: 2})"
    with pytest.raises(TypeError):
        policy.per_code[301] = 5  # type: ignore[index]
    assert pickle.loads(pickle.dumps(policy)) == policy


# -- the clients -------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_a_per_code_cap_is_honoured_by_every_client(kind: str) -> None:
    policy = RetryPolicy(max_retries=5, per_code={301: 2})
    with scripted_server([Answer(200, envelope(301))]) as (url, seen):
        with pytest.raises(CollectionFailedError) as info:
            call(client_kind(kind), url, **options(kind, retry=policy))
    assert len(seen) == 3 and info.value.attempts == 3
    with scripted_server([Answer(200, envelope(500))]) as (url, seen):
        with pytest.raises(InternalServerError) as server_error:
            call(client_kind(kind), url, **options(kind, retry=policy))
    assert len(seen) == 6 and server_error.value.attempts == 6  # other codes: max_retries


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_with_options_sets_or_keeps_the_policy(kind: str) -> None:
    cls = XingtuClient if kind == "sync" else AsyncXingtuClient
    client = cls(TOKEN, base_url="http://127.0.0.1:9", retry=RetryPolicy(3, {301: 1}))
    assert client.max_retries == 3 and client.retry.per_code == {301: 1}
    assert "per_code={301: 1}" in repr(client)
    patient = client.with_options(max_retries=5)  # the caps stay
    assert patient.retry == RetryPolicy(5, {301: 1}) and client.retry.max_retries == 3
    other = client.with_options(retry=RetryPolicy(1))
    assert other.retry == RetryPolicy(1) and other.max_retries == 1
    assert cls(TOKEN, base_url="http://127.0.0.1:9", max_retries=4).retry == RetryPolicy(4)
    with pytest.raises(ValueError, match="max_retries: give it inside retry=RetryPolicy"):
        client.with_options(max_retries=1, retry=RetryPolicy(2))
    with pytest.raises(ValueError, match="max_retries: give it inside retry=RetryPolicy"):
        cls(TOKEN, base_url="http://127.0.0.1:9", max_retries=4, retry=RetryPolicy(1))
    with pytest.raises(ValueError, match="retry: expected a RetryPolicy, got int"):
        cls(TOKEN, base_url="http://127.0.0.1:9", retry=3)  # type: ignore[arg-type]


def test_a_retry_log_line_counts_against_the_code_cap(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="justoneapi_xingtu")
    answers = [Answer(200, envelope(301)), Answer(200, envelope(0, {}))]
    with scripted_server(answers) as (url, _):
        call("sync", url, retry=RetryPolicy(max_retries=4, per_code={301: 1}))
    assert "code 301, HTTP 200; retry 1/1 in" in caplog.text


# -- the batch ---------------------------------------------------------------------------


def run_batch(kind: str, url: str, authors: list[str], **client_options: Any) -> list[Any]:
    if kind == "sync":
        with XingtuClient(TOKEN, base_url=url, **client_options) as client:
            with client.author_rec_videos_many(authors, adaptive=False) as batch:
                return list(batch)

    async def main() -> list[Any]:
        async with AsyncXingtuClient(TOKEN, base_url=url, **client_options) as client:
            backend = "aiohttp" if kind == "aiohttp" else "httpx"
            many = client.author_rec_videos_many(authors, adaptive=False, backend=backend)
            async with many as batch:
                return [outcome async for outcome in batch]

    return anyio.run(main)


@pytest.mark.parametrize("kind", KINDS)
def test_a_per_code_cap_is_honoured_by_the_batch(kind: str) -> None:
    authors = [AUTHOR, "7012345678901234568"]
    policy = RetryPolicy(max_retries=5, per_code={301: 2})
    with scripted_server([Answer(200, envelope(301))]) as (url, seen):
        outcomes = run_batch(kind, url, authors, retry=policy)
    assert sorted(o.author_id for o in outcomes) == sorted(authors)
    assert all(not o.ok and o.attempts == 3 for o in outcomes)
    assert len(seen) == 6  # 1 + 2 retries each, sent by the batch (its calls retry nothing)


def test_a_per_code_cap_is_honoured_by_call_many() -> None:
    policy = RetryPolicy(max_retries=5, per_code={301: 1})

    async def main(url: str) -> list[Any]:
        async with AsyncXingtuClient(TOKEN, base_url=url, retry=policy) as client:
            calls = client.call_many("author_rec_videos", [AUTHOR], adaptive=False)
            async with calls as batch:
                return [outcome async for outcome in batch]

    with scripted_server([Answer(200, envelope(301))]) as (url, seen):
        outcomes = anyio.run(main, url)
    assert [(o.ok, o.attempts) for o in outcomes] == [(False, 2)] and len(seen) == 2


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_cap_on_302_also_caps_the_batchs_rate_limit_retries(kind: str) -> None:
    policy = RetryPolicy(max_retries=5, per_code={302: 1})
    with scripted_server([Answer(429, envelope(302))]) as (url, seen):
        outcomes = run_batch(kind, url, [AUTHOR], retry=policy)
    assert [type(o.error) for o in outcomes] == [RateLimitError]
    assert len(seen) == 2 and outcomes[0].attempts == 2  # not max_rate_limit_retries (10)


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_batch_does_not_retry_a_429_whose_code_is_never_retried(kind: str) -> None:
    with scripted_server([Answer(429, envelope(400))]) as (url, seen):
        outcomes = run_batch(kind, url, [AUTHOR])
    assert [type(o.error) for o in outcomes] == [errors.InvalidParameterError]
    assert len(seen) == 1  # as the clients do; before, retried after the pause


def every_error_class() -> list[type[JustOneAPIError]]:
    found, todo = [], [JustOneAPIError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo += cls.__subclasses__()
    return found


def test_the_batch_decides_what_stops_it_and_the_old_attribute_still_agrees() -> None:
    import justoneapi_xingtu.io.store  # noqa: F401 - its errors join the walk below

    for cls in every_error_class():
        error = cls.__new__(cls)
        assert stops_batch(error) is issubclass(cls, STOPPING_ERRORS) is cls.stops_batch, cls
    assert stops_batch(RateLimitError(302, retry_after=61.0))
    assert stops_batch(ProtocolError("HTTP 429", http_status=429, retry_after=3600.0))
    assert not stops_batch(RateLimitError(302, retry_after=60.0))
    assert not stops_batch(InternalServerError(500, retry_after=3600.0))  # final, not a stop


# -- the errors' names -------------------------------------------------------------------


def test_batch_stopped_is_batch_stopped_error_under_its_former_name() -> None:
    assert BatchStopped is BatchStoppedError is errors.BatchStopped is errors.BatchStoppedError
    assert {"BatchStopped", "BatchStoppedError"} <= set(justoneapi_xingtu.__all__)
    stopped = BatchStoppedError(RateLimitError(302), completed=1, unfinished=("1",))
    with pytest.raises(BatchStopped):
        raise stopped


def test_store_errors_have_their_own_base_and_are_still_api_errors() -> None:
    from justoneapi_xingtu import StoreBusyError, StoreError, StoreFullError, XingtuStoreError
    from justoneapi_xingtu.io import store

    assert (store.StoreError, store.XingtuStoreError) == (StoreError, XingtuStoreError)
    assert not issubclass(XingtuStoreError, JustOneAPIError)
    for cls in (StoreError, StoreFullError, StoreBusyError):
        assert issubclass(cls, XingtuStoreError) and issubclass(cls, JustOneAPIError)
    busy = StoreBusyError("/data/run.db", "another writer holds it")
    assert busy.retryable and str(busy) == "/data/run.db: another writer holds it"
    with pytest.raises(JustOneAPIError):  # `except JustOneAPIError` written before still works
        raise busy
    plain = pickle.loads(pickle.dumps(XingtuStoreError("/data/run.db", "disk full", "ENOSPC")))
    assert (plain.path, plain.reason, str(plain)) == (
        "/data/run.db",
        "disk full",
        "/data/run.db: disk full (ENOSPC)",
    )
