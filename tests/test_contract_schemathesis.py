"""schemathesis against the mock, in-process (WSGI) and over loopback HTTP, for every
operation of the spec.

Every generated request, positive and negative, is held to the standard checks
(no server error; status code, content type and body as the spec documents) and to
ours (``_contract.py``): each answer is a well-formed envelope of its operation
(``Result``; for the recommended videos one whose code 0 comes with typed data); a
request that violates the spec gets code 400 or 100 whatever the HTTP status; and, the
mock knowing the token, a request the spec allows gets code 0. Each answer is then
handed to the wrapper client, which must read it: the typed result or the untyped
``Answer`` for code 0, the error for any other code.

Examples per operation: 40 for the recommended videos (a quarter under ``--quick``, as
``make test`` runs; half as many again over loopback), 3 for each other one, in-process and without schemathesis' coverage phase (the HTTP
front end carries bytes the same way for every operation); ``XINGTU_CONTRACT_EXAMPLES=N``
gives every operation N examples and the coverage phase.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from _contract import (
    CONTRACT_CHECKS,
    ENDPOINT,
    MOCK_CHECKS,
    SPEC_PATH,
    configure,
    contract_for,
    run_suite,
    sample_arguments,
)
from conftest import TOKEN, examples
from schemathesis import GenerationMode
from schemathesis.core.failures import FailureGroup

from justoneapi_xingtu import OPERATIONS, Answer, BusinessError, XingtuClient
from justoneapi_xingtu.testing import MockAPI, MockServer, make_wsgi_app

# The mutation proof points this suite at a mutated spec; normally it is openapi/xingtu.json.
SPEC = os.environ.get("XINGTU_CONTRACT_SPEC", str(SPEC_PATH))
DEEPER = os.environ.get("XINGTU_CONTRACT_EXAMPLES")
TYPED_EXAMPLES = int(DEEPER or examples(40))
"""Examples for the recommended videos, the typed operation."""
EXAMPLES = int(DEEPER or 3)
"""Examples for each other operation."""
BY_PATH = {op.path: op for op in OPERATIONS.values()}

in_process_api = MockAPI(tokens={TOKEN})


def in_process_schema() -> schemathesis.BaseSchema:
    app = make_wsgi_app(in_process_api, spec=Path(SPEC).read_bytes())
    return schemathesis.openapi.from_wsgi("/openapi.json", app)


# Two schema objects: the examples are set per schema, and include/exclude share it. Each
# other operation gets fuzzing only by default: the coverage phase sends some 25 boundary
# cases per operation whatever the examples (a deeper run turns it back on).
in_process = configure(
    in_process_schema().include(path=ENDPOINT), token=TOKEN, max_examples=TYPED_EXAMPLES
)
in_process_family = configure(
    in_process_schema().exclude(path=ENDPOINT), token=TOKEN, max_examples=EXAMPLES
)
if not DEEPER:
    in_process_family.config.phases.update(phases=["examples", "fuzzing"])


class Replay:
    """A transport handing the client the answer schemathesis just got, as it came."""

    response: schemathesis.Response | None = None

    def __call__(self, request: httpx.Request) -> httpx.Response:
        assert self.response is not None
        headers = [(name, v) for name, values in self.response.headers.items() for v in values]
        return httpx.Response(
            self.response.status_code, headers=headers, content=self.response.content
        )


REPLAY = Replay()
CLIENT = XingtuClient(
    "replay-token",
    base_url="https://replay.invalid",
    max_retries=0,
    http_client=httpx.Client(transport=httpx.MockTransport(REPLAY)),
)


def assert_the_client_reads(response: schemathesis.Response, case: schemathesis.Case) -> None:
    """The wrapper turns the answer into a typed result or an ``Answer`` (code 0), or the
    error for its code."""
    REPLAY.response = response
    body = json.loads(response.content)
    operation = BY_PATH[case.operation.path]
    typed = operation.data_schema is not None

    def call() -> Any:
        if typed:
            return CLIENT.author_rec_videos("42")
        return CLIENT.call(operation.name, **sample_arguments(operation))

    if body["code"] == 0:
        result = call()
        assert result.raw == body
        if typed:
            assert all(video.to_dict() for _, video in result)  # every typed field reads
        else:
            assert isinstance(result, Answer) and result.data == body["data"]
    else:
        with pytest.raises(BusinessError) as raised:
            call()
        assert (raised.value.code, raised.value.http_status) == (body["code"], response.status_code)


@in_process.parametrize()
def test_in_process_mock_keeps_the_contract(case: schemathesis.Case) -> None:
    response = case.call_and_validate(checks=MOCK_CHECKS)
    assert_the_client_reads(response, case)


@in_process_family.parametrize()
def test_in_process_mock_keeps_the_contract_of_every_operation(case: schemathesis.Case) -> None:
    response = case.call_and_validate(checks=MOCK_CHECKS)
    assert_the_client_reads(response, case)


@pytest.fixture(scope="module")
def mock_server() -> Iterator[MockServer]:
    with MockServer(tokens={TOKEN}) as server:
        yield server


# The server's port is known only once the fixture runs, so the URL is given per call.
# (schemathesis.pytest.from_fixture would do it too, but 4.32 reads a pytest attribute
# that pytest 9 no longer has.)
loopback = configure(
    schemathesis.openapi.from_path(SPEC).include(path=ENDPOINT),
    token=TOKEN,
    max_examples=TYPED_EXAMPLES // 2,
)


@loopback.parametrize()
def test_loopback_mock_keeps_the_contract(case: schemathesis.Case, mock_server: MockServer) -> None:
    response = case.call_and_validate(base_url=mock_server.base_url, checks=MOCK_CHECKS)
    assert mock_server.api.stats.total > 0  # the answers really came over HTTP
    assert_the_client_reads(response, case)


def test_the_suite_covers_every_operation_of_the_spec() -> None:
    """Every GET operation of the spec is in one of the parametrized runs, and in the table."""
    spec = json.loads(Path(SPEC).read_bytes())
    covered = [op.ok().path for op in in_process.get_all_operations()] + [
        op.ok().path for op in in_process_family.get_all_operations()
    ]
    assert sorted(covered) == sorted(spec["paths"]) == sorted(BY_PATH)


# -- what the generated runs must have covered, and the token cases they leave out ----------


def test_a_run_sees_successes_and_rejections_and_no_problem() -> None:
    api = MockAPI(tokens={TOKEN})
    schema = schemathesis.openapi.from_wsgi(
        "/openapi.json", make_wsgi_app(api, spec=SPEC_PATH.read_bytes())
    )
    report = run_suite(
        schema,
        token=TOKEN,
        max_examples=40,
        checks=MOCK_CHECKS,
        modes=(GenerationMode.POSITIVE, GenerationMode.NEGATIVE),
    )
    assert report.problems == []
    assert report.calls == 40
    assert report.codes.get(0, 0) > 0 and report.codes.get(400, 0) > 0, report.codes


@pytest.mark.parametrize(
    "query",
    [{"oAuthorId": "42"}, {"oAuthorId": "42", "token": ""}, {"oAuthorId": "42", "token": "nope"}],
    ids=["no-token", "empty-token", "unknown-token"],
)
def test_a_missing_or_rejected_token_is_answered_with_code_100(query: dict[str, str]) -> None:
    # The suites above always send the accepted token, so the token cases are spelled out.
    schema = schemathesis.openapi.from_wsgi(
        "/openapi.json", make_wsgi_app(MockAPI(tokens={TOKEN}), spec=SPEC_PATH.read_bytes())
    )
    case = schema[ENDPOINT]["GET"].Case(query=query)
    response = case.call_and_validate(checks=CONTRACT_CHECKS)
    assert json.loads(response.content)["code"] == 100


@pytest.mark.parametrize(
    ("values", "code"), [(["42", ""], 0), (["", "42"], 400), (["42", "7.5e18"], 0)]
)
def test_a_repeated_parameter_counts_by_its_first_value(values: list[str], code: int) -> None:
    """The contract and the mock read a parameter sent twice alike: by its first value (a
    generated case sent ``page`` seven times, one of them empty, and they disagreed)."""
    contract = contract_for(in_process)
    violations = contract.request_violations("GET", {"token": [TOKEN], "oAuthorId": values})
    assert bool(violations) is (code != 0)
    _, _, body = MockAPI(tokens={TOKEN}).handle(
        "GET", ENDPOINT, {"token": [TOKEN], "oAuthorId": values}
    )
    assert json.loads(body)["code"] == code


def test_our_checks_fail_an_answer_that_breaks_the_envelope() -> None:
    api = MockAPI(tokens={TOKEN})
    schema = schemathesis.openapi.from_wsgi(
        "/openapi.json", make_wsgi_app(api, spec=SPEC_PATH.read_bytes())
    )
    api.set_fault(html=True, http_status=200)
    case = schema[ENDPOINT]["GET"].Case(query={"token": TOKEN, "oAuthorId": "42"})
    with pytest.raises(FailureGroup) as failed:
        case.call_and_validate(checks=CONTRACT_CHECKS)
    assert "the answer is not JSON, so not the envelope" in str(failed.value)


def test_a_spec_violating_request_answered_with_success_fails_the_contract() -> None:
    # An API that ignored an unknown platform (answering code 0) breaks the written contract.
    api = MockAPI(tokens={TOKEN})
    mock = make_wsgi_app(api, spec=SPEC_PATH.read_bytes())

    def lenient(environ: dict[str, Any], start_response: Any) -> Any:
        query = environ.get("QUERY_STRING", "").replace("platform=TELEVISION", "")
        return mock({**environ, "QUERY_STRING": query}, start_response)

    schema = schemathesis.openapi.from_wsgi("/openapi.json", lenient)
    query = {"token": TOKEN, "oAuthorId": "42", "platform": "TELEVISION"}
    case = schema[ENDPOINT]["GET"].Case(query=query)
    with pytest.raises(FailureGroup) as failed:
        case.call_and_validate(checks=CONTRACT_CHECKS)
    message = str(failed.value)
    assert "platform='TELEVISION' is not one of" in message
    assert "answered with code 0" in message
    assert TOKEN not in message
