"""The seam: a second GET operation added to the spec becomes callable (sync and async,
both backends), retried, masked and mocked through its row in the operation table alone.

The spec gets a synthetic operation with the same envelope; ``spec_module.py`` (what
``make generate`` runs) writes the table; a child Python loads the package from this
checkout with only that table swapped in: no other file is changed.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest
from _releases import ROOT, run_python, spec_data_prelude

from justoneapi_xingtu import OPERATIONS, XingtuClient
from justoneapi_xingtu.testing import MockServer

SPEC = ROOT / "openapi" / "xingtu.json"
TOOL = ROOT / "openapi" / "tools" / "spec_module.py"
TOKEN = "sk-SEAM-0123456789"
NEW_PATH = "/api/douyin-xingtu/gw/api/data_sp/author_synthetic_stats/v1"


def spec_with_a_second_operation() -> dict[str, object]:
    spec = json.loads(SPEC.read_text(encoding="utf-8"))
    typed = spec["paths"][OPERATIONS["author_rec_videos"].path]["get"]
    new = copy.deepcopy(typed)
    new["operationId"] = "getSyntheticStats"
    new["summary"] = "Synthetic stats"
    new["description"] = "A made-up operation of the same envelope."
    new["parameters"] = [
        p for p in typed["parameters"] if p.get("name") in ("token", "oAuthorId")
    ] + [
        {"name": "days", "in": "query", "required": False, "schema": {"type": "integer"}},
        {
            "name": "periodType",
            "in": "query",
            "required": False,
            "schema": {"type": "string", "enum": ["DAY_30", "DAY_90"], "default": "DAY_30"},
        },
    ]
    # the same envelope, its data left untyped as the publisher leaves every other one
    envelope = copy.deepcopy(spec["components"]["schemas"]["Result"])
    envelope.pop("if", None), envelope.pop("then", None)
    envelope["properties"]["data"] = {"description": "untyped"}
    spec["components"]["schemas"]["SyntheticResult"] = envelope
    ok = new["responses"]["200"]["content"]["application/json"]["schema"]
    ok["$ref"] = "#/components/schemas/SyntheticResult"
    spec["paths"][NEW_PATH] = {"get": new}
    return spec


@pytest.fixture(scope="module")
def table(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("seam")
    (folder / "spec.json").write_text(json.dumps(spec_with_a_second_operation()), "utf-8")
    out, methods = folder / "_spec_data.py", folder / "_operations.py"
    command = [sys.executable, str(TOOL), str(folder / "spec.json"), str(out), str(methods)]
    subprocess.run(command, check=True)
    return out


SCRIPT = f"""
import asyncio, logging
from justoneapi_xingtu import AsyncXingtuClient, XingtuClient, Answer
from justoneapi_xingtu.testing import MockServer, instant_retries

logging.basicConfig(level=logging.INFO, format="%(message)s")
TOKEN = {TOKEN!r}
with MockServer(tokens={{TOKEN}}) as server, instant_retries():
    server.api.set_fault(500, times=1)
    with XingtuClient(TOKEN, base_url=server.base_url) as client:
        answer = client.call("author_synthetic_stats", o_author_id="42", days=7)
        assert isinstance(answer, Answer) and answer.attempts == 2, answer
        assert answer.data["query"] == {{"oAuthorId": "42", "days": "7"}}, answer.data
        assert answer.params == {{"oAuthorId": "42", "days": "7"}}
        try:
            client.call("author_synthetic_stats", o_author_id="42", period_type="DAY_7")
        except ValueError as exc:
            print("refused:", exc)
        # its own method too, with the spec's summary as its docstring
        by_method = client.author_synthetic_stats("44", days=1)
        assert by_method.params == {{"oAuthorId": "44", "days": "1"}}, by_method
        assert client.author_synthetic_stats.__doc__.startswith("Synthetic stats")

    async def both_backends():
        for backend in ("httpx", "aiohttp"):
            async with AsyncXingtuClient(TOKEN, base_url=server.base_url, backend=backend) as c:
                server.api.set_fault(500, times=1)
                got = await c.author_synthetic_stats("43", period_type="day_90")
                assert got.attempts == 2 and got.params["periodType"] == "DAY_90", got

    asyncio.run(both_backends())
    print("operations:", dict(server.api.stats.operations))
    print("repr:", repr(answer))
"""


def test_a_second_operation_needs_only_its_row(table: Path) -> None:
    proc = run_python(spec_data_prelude(table, methods=table.with_name("_operations.py")), SCRIPT)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert (
        "refused: period_type: unknown period type 'DAY_7'; expected one of DAY_30, DAY_90" in out
    )
    # mocked: 2 + 1 sync calls + 2 per async backend, on the new operation only
    assert "operations: {'author_synthetic_stats': 7}" in out
    # retried and logged, the token masked in every line
    retries = [line for line in proc.stderr.splitlines() if "retry 1/" in line]
    assert len(retries) == 3 and all("author_synthetic_stats oAuthorId=4" in r for r in retries)
    assert TOKEN not in proc.stdout + proc.stderr


def test_the_table_is_the_spec(table: Path) -> None:
    text = table.read_text(encoding="utf-8")
    assert "'author_synthetic_stats': Operation(" in text
    assert "Param('days', 'days', 'int', required=False" in text
    assert "Param('periodType', 'period_type', 'str', required=False, default='DAY_30'" in text
    # this checkout's table is untouched: one row per GET operation of its spec
    spec = json.loads(SPEC.read_text(encoding="utf-8"))
    assert "author_synthetic_stats" not in OPERATIONS
    assert sorted(op.path for op in OPERATIONS.values()) == sorted(spec["paths"])


def test_an_unknown_operation_or_parameter_is_refused_before_any_request() -> None:
    with MockServer(tokens={TOKEN}) as server, XingtuClient(TOKEN, base_url=server.base_url) as c:
        with pytest.raises(ValueError, match="operation: unknown operation 'kol_horoscope'"):
            c.call("kol_horoscope", kol_id="1")
        with pytest.raises(
            ValueError,
            match="^days: author_rec_videos has no such parameter; it takes o_author_id, platform",
        ):
            c.call("author_rec_videos", o_author_id="42", days=3)
        with pytest.raises(ValueError, match="^o_author_id: required by author_rec_videos"):
            c.call("author_rec_videos")
        assert server.api.stats.total == 0
        typed = c.call("author_rec_videos", o_author_id="42", platform="short_video")
        assert typed.author_id == "42" and typed.platform == "SHORT_VIDEO" and len(typed) > 0
