"""A method per operation of openapi/xingtu.json: written by `make generate`
(openapi/tools/spec_module.py). Never edit by hand: change the spec and regenerate.
"""

from __future__ import annotations

from collections.abc import Mapping

from ._operation import Operation
from .models import Answer


class Operations:
    """The methods of the untyped operations (a client supplies _answer)."""

    __slots__ = ()

    def _answer(self, operation: Operation, values: Mapping[str, object]) -> Answer:
        raise NotImplementedError


class AsyncOperations:
    """The awaitable methods of the untyped operations (a client supplies _answer)."""

    __slots__ = ()

    async def _answer(self, operation: Operation, values: Mapping[str, object]) -> Answer:
        raise NotImplementedError
