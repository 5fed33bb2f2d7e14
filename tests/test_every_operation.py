"""Every operation of the table, against the bundled mock: by its method (sync and
async), by name (`client.call`) and from the shell (`xingtu call`), each with the
arguments its required parameters need."""

from __future__ import annotations

import asyncio
import inspect
import json

import pytest
from conftest import TOKEN

from justoneapi_xingtu import OPERATIONS, Answer, AsyncXingtuClient, Operation, XingtuClient
from justoneapi_xingtu.cli import main
from justoneapi_xingtu.testing import MockServer

ID = "7012345678901234567"


def required_values(operation: Operation) -> dict[str, object]:
    """A valid value for each required parameter (the id one: :data:`ID`)."""
    values: dict[str, object] = {}
    for param in operation.params:
        if not param.required:
            continue
        if param.enum:
            values[param.name] = param.enum[-1].lower()  # any case is accepted
        elif param.kind in ("int", "float"):
            values[param.name] = 2
        elif param.kind == "bool":
            values[param.name] = True
        elif param.wire.endswith("Date"):
            values[param.name] = "2026-11-01"
        else:
            values[param.name] = ID if param.is_id else "beauty"
    return values


@pytest.fixture(scope="module")
def server():
    with MockServer(tokens={TOKEN}) as running:
        yield running


@pytest.mark.parametrize("name", list(OPERATIONS))
def test_every_operation_answers_by_method_sync_and_async(name: str, server) -> None:
    operation = OPERATIONS[name]
    values = required_values(operation)
    with XingtuClient(TOKEN, base_url=server.base_url) as client:
        method = getattr(client, name)
        by_method = method(**values)
        by_name = client.call(name, **values)

    async def awaited():
        async with AsyncXingtuClient(TOKEN, base_url=server.base_url) as client:
            return await getattr(client, name)(**values)

    by_async = asyncio.run(awaited())
    for answer in (by_method, by_name, by_async):
        assert answer.request_id and answer.attempts == 1
        if operation.data_schema is None:
            assert isinstance(answer, Answer) and answer.operation == name
            assert answer.raw["code"] == 0 and answer.data is not None
    # a generated method's signature is the table's: required first, optional keyword-only
    # (a typed operation's method is written by hand: a parameter a release adds to it is
    # reached through client.call until the method names it)
    params = inspect.signature(method).parameters
    required = [p.name for p in operation.params if p.required]
    if operation.data_schema is None:
        assert list(params) == required + [p.name for p in operation.params if not p.required]
    else:
        assert list(params)[: len(required)] == required


@pytest.mark.parametrize("name", list(OPERATIONS))
def test_every_operation_answers_xingtu_call(name: str, server, capsys, monkeypatch) -> None:
    operation = OPERATIONS[name]
    values = required_values(operation)
    key = operation.id_param
    args = ["call", name] + ([str(values.pop(key.name))] if key else [])
    for param_name, value in values.items():
        args += ["--param", f"{param_name}={str(value).lower() if value is True else value}"]
    monkeypatch.setenv("JUSTONEAPI_TOKEN", TOKEN)
    monkeypatch.delenv("JUSTONEAPI_BASE_URL", raising=False)
    capsys.readouterr()
    code = main([*args, "--base-url", server.base_url, "--format", "jsonl"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert json.loads(out)["code"] == 0
