"""A batch over operations: for many ids, one or several operations that take that id,
each (operation, id, parameters) called once by the same engine, controller and retries
as :class:`~justoneapi_xingtu.batch.AsyncBatch`.

The engine runs on keys: here a key is ``"<operation>:<index>"`` into the list of planned
calls, so its log lines read ``kol_info:3``; :class:`CallOutcome` gives them back as
(operation, id, parameters).
"""

from __future__ import annotations

from collections.abc import Awaitable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .._operation import Operation
from .._spec import REC_VIDEOS, find_operation
from ..models import Answer, AuthorRecVideos, BatchStats, CallOutcome, Failure, Success
from ._engine import StopSignal, _AsyncBatch, _options, _prepare_ids, _run
from ._sync import _SyncBatch, _SyncRunner

if TYPE_CHECKING:
    from ..client import AsyncXingtuClient, Backend, XingtuClient

__all__ = ["AsyncCallBatch", "CallBatch", "PlannedCall", "plan_calls"]


@dataclass(frozen=True, slots=True)
class PlannedCall:
    """One call of a batch over operations."""

    operation: Operation
    id: str
    values: Mapping[str, object]
    """The keyword arguments, by Python name (the id included)."""
    params: Mapping[str, str]
    """The query they make, by wire name (the token aside)."""


def plan_calls(
    operations: str | Sequence[str], ids: Iterable[str], params: Mapping[str, object]
) -> list[PlannedCall]:
    """Every (operation, id) to call, operation by operation, ids in input order
    (de-duplicated); a ValueError names an operation without an id parameter, an
    argument no operation takes, or a bad value, before anything is sent."""
    names = (
        [n.strip() for n in operations.split(",")] if isinstance(operations, str) else operations
    )
    chosen = [find_operation(name) for name in dict.fromkeys(names)]
    if not chosen:
        raise ValueError("operations: expected at least one operation name")
    for operation in chosen:
        if operation.id_param is None:
            raise ValueError(
                f"operations: {operation.name} takes no id (it cannot be batched over ids)"
            )
    taken = {p.name for op in chosen for p in op.params}
    for name in params:
        if name not in taken:
            raise ValueError(f"{name}: none of {', '.join(op.name for op in chosen)} takes it")
    checked = _prepare_ids(ids)
    planned: list[PlannedCall] = []
    for operation in chosen:
        key = operation.id_param
        assert key is not None
        own = {p.name: params[p.name] for p in operation.params if p.name in params}
        if operation is REC_VIDEOS:  # its outcomes are keyed by platform in the store
            own.setdefault("platform", REC_VIDEOS_DEFAULT_PLATFORM)
        for item in checked:
            values = {**own, key.name: item}
            planned.append(PlannedCall(operation, item, values, operation.query(values)))
    return planned


REC_VIDEOS_DEFAULT_PLATFORM = next(
    (p.default for p in REC_VIDEOS.params if p.wire == "platform"), None
)


class AsyncCallBatch(_AsyncBatch):
    """The outcomes of :meth:`AsyncXingtuClient.call_many`, as they complete: one
    :class:`~justoneapi_xingtu.CallOutcome` per planned call. Stops, ``stop()``,
    ``aclose(drain=)``, ``stats`` and ``unfinished`` work as on
    :class:`~justoneapi_xingtu.batch.AsyncBatch` (``unfinished`` lists planned calls)."""

    def __init__(
        self,
        client: AsyncXingtuClient,
        calls: list[PlannedCall],
        *,
        backend: Backend | None = None,
        **options: Any,
    ) -> None:
        """``options``: those of :meth:`AsyncXingtuClient.call_many` (``max_concurrency``,
        ``initial_concurrency``, ``rate_per_s``, ``adaptive``, ``max_rate_limit_retries``)."""
        settings = _options(**options)
        self.calls = calls
        self.controller = settings.controller()
        self.stats = BatchStats(total=len(calls))
        self._stop = StopSignal()
        self.backend, single = client._for_batch(backend)
        keys = {f"{call.operation.name}:{index}": call for index, call in enumerate(calls)}
        self._keys = keys

        def call(key: str) -> Awaitable[Answer | AuthorRecVideos]:
            planned = keys[key]
            return single._request(planned.operation, planned.values)

        self._outcomes = _run(
            call,  # type: ignore[arg-type]  # the engine hands back whatever call returns
            list(keys),
            "",
            self.controller,
            self.stats,
            retry=client.retry,
            max_rate_limit_retries=settings.max_rate_limit_retries,
            stop_signal=self._stop,
        )

    def _convert(self, outcome: Success | Failure) -> CallOutcome:
        return _call_outcome(self._keys[outcome.author_id], outcome)

    if TYPE_CHECKING:

        async def __anext__(self) -> CallOutcome: ...

        async def aclose(self, *, drain: bool = False) -> list[CallOutcome]: ...

    @property
    def unfinished(self) -> tuple[PlannedCall, ...]:
        """The planned calls a :meth:`stop` left without an outcome."""
        return tuple(self._keys[key] for key in self._stop.unfinished)


def _call_outcome(planned: PlannedCall, outcome: Success | Failure) -> CallOutcome:
    return CallOutcome(
        planned.operation.name,
        planned.id,
        planned.params,
        answer=outcome.result,
        error=outcome.error,
        attempts=outcome.attempts,
    )


class CallBatch(_SyncBatch):
    """The outcomes of :meth:`XingtuClient.call_many`, as they complete: the sync twin of
    :class:`AsyncCallBatch`, run as :class:`~justoneapi_xingtu.batch.Batch` runs."""

    def __init__(self, client: XingtuClient, calls: list[PlannedCall], **options: Any) -> None:
        settings = _options(**options)
        self.calls = calls
        self.controller = settings.controller()
        self.stats = BatchStats(total=len(calls))
        keys = {f"{call.operation.name}:{index}": call for index, call in enumerate(calls)}
        self._keys = keys

        def send(single: XingtuClient, key: str) -> Answer | AuthorRecVideos:
            return single._request(keys[key].operation, keys[key].values)

        self._runner = _SyncRunner(
            client, send, list(keys), "", settings, self.controller, self.stats
        )
        self._started = False
        self._finished = False

    def _convert(self, outcome: Success | Failure) -> CallOutcome:
        return _call_outcome(self._keys[outcome.author_id], outcome)

    if TYPE_CHECKING:

        def __next__(self) -> CallOutcome: ...

        def close(self, *, drain: bool = False) -> list[CallOutcome]: ...

    @property
    def unfinished(self) -> tuple[PlannedCall, ...]:
        """The planned calls a :meth:`stop` left without an outcome."""
        return tuple(self._keys[key] for key in self._runner.stop_signal.unfinished)
