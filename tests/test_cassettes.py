"""The VCR cassettes: valid against the spec, replayed through both clients, token-free,
and exactly what ``make record-mock`` writes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import anyio
import pytest
from _cassettes import (
    AUTHOR,
    CASSETTES,
    DOCUMENTED_CODES,
    FAMILY,
    FILTERED,
    PLATFORM,
    SECRET_HEADERS,
    TOKEN_IN_QUERY,
    Interaction,
    cassette_paths,
    make_vcr,
    read_cassette,
    validation_problems,
)
from _contract import ROOT, SpecContract, sample_arguments
from _scripted import Answer, Seen, scripted_server
from vcr.errors import CannotOverwriteExistingCassetteException

import justoneapi_xingtu
from justoneapi_xingtu import (
    OPERATIONS,
    AsyncXingtuClient,
    AuthorRecVideos,
    BusinessError,
    CollectionFailedError,
    DailyQuotaExceededError,
    InsufficientBalanceError,
    InternalServerError,
    InvalidParameterError,
    InvalidTokenError,
    PermissionDeniedError,
    RateLimitError,
    XingtuClient,
)

sys.path.insert(0, str(CASSETTES))
import record

REPLAY_TOKEN = "replay-token-4d5e6f7a"
ERRORS: dict[int, tuple[type[BusinessError], bool]] = {
    100: (InvalidTokenError, False),
    301: (CollectionFailedError, True),
    302: (RateLimitError, True),
    303: (DailyQuotaExceededError, False),
    400: (InvalidParameterError, False),
    500: (InternalServerError, True),
    600: (PermissionDeniedError, False),
    601: (InsufficientBalanceError, False),
}
KNOWN_TOKENS = [REPLAY_TOKEN, record.RECORDING_TOKEN, "rejected-token-9a8b7c6d"]
CONTRACT = SpecContract.from_path()


def only(name: str) -> Interaction:
    (interaction,) = read_cassette(CASSETTES / name)
    return interaction


def replay(name: str, kind: str) -> AuthorRecVideos:
    """One call through the sync or async client, answered from the cassette only."""
    with make_vcr().use_cassette(name):
        if kind == "sync":
            # max_retries=0: a retryable code is recorded once and must surface as it is.
            with XingtuClient(REPLAY_TOKEN, base_url="https://replay.invalid", max_retries=0) as c:
                return c.author_rec_videos(AUTHOR, platform=PLATFORM)

        async def call() -> AuthorRecVideos:
            async with AsyncXingtuClient(
                REPLAY_TOKEN, base_url="https://replay.invalid", max_retries=0
            ) as c:
                return await c.author_rec_videos(AUTHOR, platform=PLATFORM)

        return anyio.run(call)


both = pytest.mark.parametrize("kind", ["sync", "async"])


def test_there_is_a_cassette_for_the_documented_example_and_each_documented_code() -> None:
    names = {path.name for path in cassette_paths()}
    expected = {"success-documented.yaml", "success-mock.yaml", FAMILY}
    expected |= {f"code-{code}.yaml" for code in DOCUMENTED_CODES}
    assert expected <= names


@pytest.mark.parametrize("path", cassette_paths(), ids=lambda p: p.stem)
def test_every_recorded_answer_agrees_with_the_spec(path: Path) -> None:
    problems = validation_problems(path, CONTRACT)
    if problems:
        pytest.fail("recorded answers disagree with openapi/xingtu.json:\n" + "\n".join(problems))


def test_the_success_cassette_holds_the_documented_example(documented_example) -> None:
    body = only("success-documented.yaml").json()
    added = {k: body.pop(k) for k in ("message", "recordTime", "requestId")}
    assert body == documented_example
    assert added == record.ENVELOPE_ADDITIONS


@both
def test_the_documented_example_replays_as_a_typed_result(kind: str, documented_example) -> None:
    result = replay("success-documented.yaml", kind)
    data = documented_example["data"]
    for name in ("masterpiece_videos", "newest_videos", "order_hot_videos", "personal_hot_videos"):
        assert [v.item_id for v in getattr(result, name)] == [r["item_id"] for r in data[name]]
    first = result.masterpiece_videos[0]
    assert (first.item_id, first.play, first.favorite, first.is_hot) == (
        "7553989899192519974",
        8543418,
        "0",
        False,
    )
    assert result.request_id == "documented-example"
    assert result.attempts == 1


@both
def test_the_mock_success_replays_as_a_typed_result(kind: str) -> None:
    recorded = only("success-mock.yaml").json()
    result = replay("success-mock.yaml", kind)
    assert result.raw == recorded
    assert len(result) == sum(len(v) for k, v in recorded["data"].items() if k.endswith("_videos"))
    assert all(len(video.item_id or "") == 19 for _, video in result)


@both
@pytest.mark.parametrize("code", DOCUMENTED_CODES)
def test_each_documented_code_replays_as_its_error(kind: str, code: int) -> None:
    recorded = only(f"code-{code}.yaml")
    body = recorded.json()
    assert body["code"] == code
    cls, retryable = ERRORS[code]
    with pytest.raises(cls) as raised:
        replay(f"code-{code}.yaml", kind)
    error = raised.value
    assert type(error) is cls
    assert (error.code, error.retryable, error.attempts) == (code, retryable, 1)
    assert error.request_id == body["requestId"]
    assert error.server_message == body["message"]
    assert error.http_status == recorded.status
    assert f"code {code}" in str(error)


def test_the_family_cassette_holds_a_success_of_every_other_operation() -> None:
    recorded = read_cassette(CASSETTES / FAMILY)
    by_path = {op.path: name for name, op in OPERATIONS.items()}
    names = [by_path.get(interaction.path) for interaction in recorded]
    assert names == record.untyped_operations()  # every one, each once, none typed
    assert all(i.json()["code"] == 0 and i.status == 200 for i in recorded)


@both
def test_every_other_operation_replays_as_its_answer(kind: str) -> None:
    """Each recorded success, through the generic call, is the untyped ``Answer`` holding
    exactly what was recorded."""
    recorded = {i.path: i for i in read_cassette(CASSETTES / FAMILY)}
    calls = [(name, sample_arguments(OPERATIONS[name])) for name in record.untyped_operations()]

    async def async_calls() -> list[justoneapi_xingtu.Answer]:
        async with AsyncXingtuClient(
            REPLAY_TOKEN, base_url="https://replay.invalid", max_retries=0
        ) as c:
            return [await c.call(name, **args) for name, args in calls]

    with make_vcr().use_cassette(FAMILY):
        if kind == "sync":
            with XingtuClient(REPLAY_TOKEN, base_url="https://replay.invalid", max_retries=0) as c:
                answers = [c.call(name, **args) for name, args in calls]
        else:
            answers = anyio.run(async_calls)
    for (name, _), answer in zip(calls, answers, strict=True):
        interaction = recorded[OPERATIONS[name].path]
        assert isinstance(answer, justoneapi_xingtu.Answer) and answer.operation == name
        assert answer.raw == interaction.json()
        assert answer.params == {k: v for k, v in interaction.query.items() if k != "token"}


def test_live_recordings_replay_as_recorded() -> None:
    live = [p for p in cassette_paths() if p.name.startswith("live-")]
    if not live:
        pytest.skip("no live recordings yet (make record AUTHORS=... with JUSTONEAPI_TOKEN)")
    for path in live:
        interaction = read_cassette(path)[0]
        query = dict(part.split("=", 1) for part in interaction.uri.split("?", 1)[1].split("&"))
        code = interaction.json()["code"]
        with make_vcr().use_cassette(path.name):
            with XingtuClient(REPLAY_TOKEN, base_url="https://replay.invalid", max_retries=0) as c:
                if code == 0:
                    result = c.author_rec_videos(query["oAuthorId"], platform=query["platform"])
                    assert result.raw == interaction.json()
                else:
                    with pytest.raises(BusinessError) as raised:
                        c.author_rec_videos(query["oAuthorId"], platform=query["platform"])
                    assert raised.value.code == code


def test_a_request_the_cassette_does_not_hold_is_refused_not_sent() -> None:
    with make_vcr().use_cassette("success-mock.yaml"):
        with XingtuClient(REPLAY_TOKEN, base_url="https://replay.invalid", max_retries=0) as c:
            with pytest.raises(CannotOverwriteExistingCassetteException):
                c.author_rec_videos("1111111111111111111")


# -- the token never reaches a cassette ---------------------------------------------------


def token_problems(paths: list[Path], tokens: list[str]) -> list[str]:
    problems = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        for value in TOKEN_IN_QUERY.findall(text):
            if value != FILTERED:
                problems.append(f"{path.name}: a token= value other than {FILTERED}")
        for token in tokens:
            if token and token in text:
                problems.append(f"{path.name}: holds a known token")
        for interaction in read_cassette(path):
            for name, values in interaction.request_headers.items():
                if name.lower() in SECRET_HEADERS and values != [FILTERED]:
                    problems.append(f"{path.name}: request header {name} is not filtered")
    return problems


def test_no_cassette_holds_a_token() -> None:
    tokens = [*KNOWN_TOKENS, os.environ.get("JUSTONEAPI_TOKEN", "")]
    assert token_problems(cassette_paths(), tokens) == []
    for path in cassette_paths():
        assert f"token={FILTERED}" in path.read_text(encoding="utf-8")


def test_the_scan_finds_a_token_left_in_a_cassette(tmp_path: Path) -> None:
    leaked = tmp_path / "leaked.yaml"
    text = (CASSETTES / "code-400.yaml").read_text(encoding="utf-8")
    leaked.write_text(text.replace(f"token={FILTERED}", "token=sk-live-abc123"), "utf-8")
    assert token_problems([leaked], []) == ["leaked.yaml: a token= value other than FILTERED"]


def test_recording_filters_a_token_echoed_in_the_answer(tmp_path: Path) -> None:
    token = "echo-token-0f9e8d7c"

    def echo(seen: Seen) -> Answer:
        body = {
            "code": 400,
            "data": None,
            "message": f"bad token {seen.query['token'][0]}",
            "recordTime": None,
            "requestId": "r",
        }
        headers = {
            "Content-Type": "application/json",
            "Set-Cookie": f"t={token}",
            "X-Echo": seen.query["token"][0],
        }
        return Answer(200, json.dumps(body).encode(), headers)

    with scripted_server(echo) as (base_url, seen):
        with XingtuClient(token, base_url=base_url, max_retries=0) as client:
            record.record_one(tmp_path / "echo.yaml", client, AUTHOR, PLATFORM, token)
    assert seen[0].query["token"] == [token]  # the token really went out
    text = (tmp_path / "echo.yaml").read_text(encoding="utf-8")
    assert token not in text
    assert token_problems([tmp_path / "echo.yaml"], [token]) == []
    assert f"bad token {FILTERED}" in only_in(tmp_path / "echo.yaml").body_text


def only_in(path: Path) -> Interaction:
    (interaction,) = read_cassette(path)
    return interaction


# -- provenance: the committed cassettes are what the recorder writes -----------------------

VOLATILE = ("recordTime", "requestId")


def comparable(interaction: Interaction) -> dict[str, Any]:
    body = interaction.json()
    for key in VOLATILE:
        body.pop(key, None)
    path_and_query = interaction.uri.split("/", 3)[3]
    return {
        "request": (interaction.method, path_and_query),
        "status": interaction.status,
        "body": body,
    }


def test_the_committed_cassettes_are_what_record_mock_writes(tmp_path: Path) -> None:
    written = record.record_mock(tmp_path)
    assert {p.name for p in written} == {
        p.name for p in cassette_paths() if not p.name.startswith("live-")
    }
    for path in written:
        fresh = [comparable(i) for i in read_cassette(path)]
        assert fresh == [comparable(i) for i in read_cassette(CASSETTES / path.name)], path.name
    assert token_problems(written, KNOWN_TOKENS) == []


def test_make_record_without_a_token_skips_in_one_line_and_changes_nothing() -> None:
    before = {p.name: p.read_bytes() for p in cassette_paths()}
    env = {k: v for k, v in os.environ.items() if k != "JUSTONEAPI_TOKEN"}
    proc = subprocess.run(
        ["make", "-s", "record", "AUTHORS=7012345678901234567"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines() == [
        "record: skipped, JUSTONEAPI_TOKEN is not set (nothing recorded, nothing changed)"
    ]
    assert {p.name: p.read_bytes() for p in cassette_paths()} == before
