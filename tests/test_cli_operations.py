"""`xingtu operations` and `xingtu call`: every operation of the table from the shell."""

from __future__ import annotations

import json

import pytest
from conftest import AUTHOR, TOKEN

from justoneapi_xingtu import OPERATIONS
from justoneapi_xingtu.cli import main
from justoneapi_xingtu.testing import MockServer


@pytest.fixture(scope="module")
def server():
    with MockServer(tokens={TOKEN}) as running:
        yield running


@pytest.fixture
def xingtu(capsys, monkeypatch):
    def invoke(*args: str, token: str | None = TOKEN) -> tuple[int, str, str]:
        monkeypatch.delenv("JUSTONEAPI_BASE_URL", raising=False)
        if token is None:
            monkeypatch.delenv("JUSTONEAPI_TOKEN", raising=False)
        else:
            monkeypatch.setenv("JUSTONEAPI_TOKEN", token)
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


def test_operations_lists_every_operation_with_its_parameters(xingtu) -> None:
    code, out, _ = xingtu("operations")
    assert code == 0
    for operation in OPERATIONS.values():
        assert f"{operation.name}  {operation.summary}" in out
    code, out, _ = xingtu("operations", "--format", "json")
    listed = json.loads(out)
    assert [item["name"] for item in listed] == list(OPERATIONS)
    rec = next(item for item in listed if item["name"] == "author_rec_videos")
    assert rec["typed"] is True
    typed = OPERATIONS["author_rec_videos"].params  # whatever a release adds to them
    assert [p["wire"] for p in rec["parameters"]] == [p.wire for p in typed]
    assert [p["wire"] for p in rec["parameters"]][:2] == ["oAuthorId", "platform"]
    assert rec["parameters"][0]["required"] is True


def test_call_prints_the_envelope_of_any_operation(xingtu, server) -> None:
    code, out, err = xingtu(
        "call", "author_rec_videos", AUTHOR, "-p", "platform=picture_text",
        "--base-url", server.base_url,
    )  # fmt: skip
    assert code == 0, err
    envelope = json.loads(out)
    assert envelope["code"] == 0 and "newest_videos" in envelope["data"]
    assert TOKEN not in out + err
    code, out, _ = xingtu(
        "call", "author_rec_videos", "-p", f"oAuthorId={AUTHOR}", "--format", "jsonl",
        "--base-url", server.base_url,
    )  # fmt: skip
    assert code == 0 and len(out.splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope", "1"], "operation: unknown operation 'nope'"),
        (["author_rec_videos", "7.01e18"], "o_author_id: '7.01e18' looks like a float"),
        (["author_rec_videos", "1", "-p", "days=3"], "--param days: author_rec_videos takes"),
        (["author_rec_videos", "1", "-p", "platform"], "--param: expected NAME=VALUE"),
        (["author_rec_videos", "1", "-p", "platform=TV"], "platform: unknown platform 'TV'"),
        (["author_rec_videos"], "o_author_id: required by author_rec_videos"),
    ],
)
def test_bad_arguments_are_one_line_and_exit_2_before_any_call(
    xingtu, server, args, message
) -> None:
    before = server.api.stats.total
    code, out, err = xingtu("call", *args, "--base-url", server.base_url, token=None)
    assert code == 2 and out == ""
    assert err.startswith("xingtu: error: ") and message in err and len(err.splitlines()) == 1
    assert server.api.stats.total == before


def test_call_without_a_token_exits_3(xingtu, server) -> None:
    code, _, err = xingtu(
        "call", "author_rec_videos", AUTHOR, "--base-url", server.base_url, token=None
    )
    assert code == 3 and "JUSTONEAPI_TOKEN" in err
