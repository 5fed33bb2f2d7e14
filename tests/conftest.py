from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_PATH = (
    ROOT / "wrapper" / "justoneapi_xingtu" / "testing" / "_data" / "documented_example.json"
)


@pytest.fixture
def documented_example() -> dict[str, Any]:
    """The response example of the endpoint's documentation page, as published."""
    return json.loads(EXAMPLE_PATH.read_text(encoding="utf-8"))


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
