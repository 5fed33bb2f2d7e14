"""The mock API's faults for the batch benchmarks: stray rate limits, a limit that moves
on a schedule, a fault that starts after a number of calls, and their command line."""

from __future__ import annotations

import json
import subprocess
import sys

import httpx
import pytest

from justoneapi_xingtu.testing import ENDPOINT_PATH, MockAPI, main

QUERY = {"token": ["t"], "oAuthorId": ["1"]}


def answer(api: MockAPI) -> tuple[int, int, str | None]:
    status, headers, body = api.handle("GET", ENDPOINT_PATH, QUERY)
    return status, json.loads(body)["code"], dict(headers).get("Retry-After")


def test_random_rate_limits_are_stray_302s_without_retry_after() -> None:
    def answers(seed: int) -> list[tuple[int, int, str | None]]:
        api = MockAPI(random_rate_limits=0.1, seed=seed, rate_limit_http_status=429)
        return [answer(api) for _ in range(1000)]

    first = answers(3)
    limited = [a for a in first if a[1] == 302]
    assert 60 <= len(limited) <= 140
    assert set(limited) == {(429, 302, None)}
    assert first == answers(3)  # repeatable with the seed


def test_the_rate_limit_follows_its_schedule_from_the_first_request() -> None:
    now = [50.0]
    api = MockAPI(rate_schedule=[(0.0, 2.0), (10.0, None), (20.0, 1.0)], clock=lambda: now[0])
    assert [answer(api)[1] for _ in range(3)] == [0, 0, 302]  # bucket of 2 from the start
    now[0] += 10.0
    assert {answer(api)[1] for _ in range(50)} == {0}  # no limit from 10 s on
    now[0] += 10.0
    assert [answer(api)[1] for _ in range(2)] == [0, 302]


def test_a_fault_can_wait_for_a_number_of_calls() -> None:
    api = MockAPI()
    api.set_fault(302, http_status=429, times=2, retry_after=1, after=3)
    answers = [answer(api) for _ in range(7)]
    assert answers == [(200, 0, None)] * 3 + [(429, 302, "1")] * 2 + [(200, 0, None)] * 2


def test_a_fault_can_recur_spread_through_the_calls() -> None:
    api = MockAPI()
    api.set_fault(302, http_status=429, times=3, retry_after=1, after=1, every=3)
    codes = [answer(api)[1] for _ in range(10)]
    assert codes == [0, 302, 0, 0, 302, 0, 0, 302, 0, 0]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"random_rate_limits": 1.5},
        {"rate_schedule": [(-1.0, 5.0)]},
        {"rate_schedule": [(1.0, 0.0)]},
    ],
)
def test_bad_fault_settings_are_refused(kwargs: dict) -> None:
    with pytest.raises(ValueError, match=next(iter(kwargs))):
        MockAPI(**kwargs)


def test_a_fault_after_a_negative_count_or_every_zero_calls_is_refused() -> None:
    with pytest.raises(ValueError, match="after"):
        MockAPI().set_fault(302, after=-1)
    with pytest.raises(ValueError, match="every"):
        MockAPI().set_fault(302, every=0)


def test_the_command_line_sets_the_new_faults() -> None:
    command = [
        sys.executable, "-m", "justoneapi_xingtu.testing", "--rate-schedule", "0:none",
        "--fault", "302", "--fault-http-status", "429", "--fault-times", "2",
        "--fault-retry-after", "1", "--fault-after", "1", "--fault-every", "2",
        "--random-rate-limits", "0",
    ]  # fmt: skip
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as process:
        try:
            assert process.stdout is not None
            base_url = process.stdout.readline().rsplit(" ", 1)[-1].strip()
            with httpx.Client(base_url=base_url) as http:
                params = {"token": "t", "oAuthorId": "1"}
                statuses = [http.get(ENDPOINT_PATH, params=params).status_code for _ in range(6)]
            assert statuses == [200, 429, 200, 429, 200, 200]
        finally:
            process.terminate()


def test_a_bad_schedule_step_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["--rate-schedule", "20"])
    assert raised.value.code == 2 and "SECONDS:RATE" in capsys.readouterr().err
