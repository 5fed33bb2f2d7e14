"""``xingtu operations`` and ``xingtu call``: every operation of the table, by name."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

import orjson

from .._operation import Operation, Param
from .._spec import OPERATIONS, REC_VIDEOS, find_operation
from ..batch._calls import PlannedCall
from ..client import XingtuClient
from ..io.store import ResultStore, params_text


def add_commands(
    commands: Any, add_connection_options: Callable[[argparse.ArgumentParser], None], epilog: str
) -> None:
    """Add ``operations`` and ``call`` to the subcommands."""
    listing = commands.add_parser(
        "operations",
        help="the operations this package can call, with their parameters",
        epilog=epilog,
    )
    listing.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="output format (default: %(default)s)",
    )
    call = commands.add_parser(
        "call",
        help="call any operation by name (see `xingtu operations`); prints its answer as JSON",
        description="Call one operation. ID is its id parameter (oAuthorId, kolId, "
        "starAuthorId, itemId, detailId: whichever it takes); every other parameter is "
        "--param NAME=VALUE, by its Python or wire name (o_author_id or oAuthorId).",
        epilog=epilog,
    )
    call.add_argument("operation", metavar="NAME", help="the operation (xingtu operations)")
    call.add_argument("id", metavar="ID", nargs="?", help="the value of its id parameter")
    call.add_argument(
        "--param",
        "-p",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a parameter (repeatable)",
    )
    call.add_argument(
        "--format",
        choices=("json", "jsonl"),
        default="json",
        help="the answer's envelope, indented (json, default) or on one line (jsonl)",
    )
    add_connection_options(call)


def _describe(param: Param) -> str:
    kind = "|".join(param.enum) if param.enum else param.kind
    shown = f"{param.name}: {kind}"
    if not param.required and param.default is not None:
        shown += f" = {param.default!r}"
    return shown if param.required else f"[{shown}]"


def list_operations(args: argparse.Namespace, out: Any) -> int:
    """``xingtu operations``: name, summary and parameters of each operation."""
    if args.format == "json":
        listing = [
            {
                "name": op.name,
                "summary": op.summary,
                "path": op.path,
                "deprecated": op.deprecated,
                "typed": op.data_schema is not None,
                "parameters": [p._asdict() for p in op.params],
            }
            for op in OPERATIONS.values()
        ]
        out.write(orjson.dumps(listing, option=orjson.OPT_INDENT_2).decode() + "\n")
        return 0
    for op in OPERATIONS.values():
        note = " (deprecated)" if op.deprecated else ""
        out.write(f"{op.name}  {op.summary}{note}\n")
        out.write(f"    {' '.join(_describe(p) for p in op.params) or '(no parameters)'}\n")
    return 0


def call_values(operation: Operation, args: argparse.Namespace) -> dict[str, object]:
    """The keyword arguments of ``xingtu call`` for ``operation``; a ValueError names a
    malformed ``--param``, an unknown name or an ID the operation does not take."""
    by_name = {p.name: p for p in operation.params} | {p.wire: p for p in operation.params}
    values: dict[str, object] = {}
    if args.id is not None:
        key = operation.id_param
        if key is None:
            raise ValueError(f"ID: {operation.name} takes no id; pass --param NAME=VALUE")
        values[key.name] = args.id
    for item in args.param:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise ValueError(f"--param: expected NAME=VALUE, got {item!r}")
        param = by_name.get(name.strip())
        if param is None:
            known = ", ".join(p.name for p in operation.params)
            raise ValueError(f"--param {name.strip()}: {operation.name} takes {known}")
        values[param.name] = value
    return values


def call_operation(
    args: argparse.Namespace, out: Any, client_for: Callable[[], XingtuClient]
) -> int:
    """``xingtu call``: one operation, its answer's envelope as JSON."""
    operation = find_operation(args.operation)
    values = call_values(operation, args)
    operation.query(values)  # bad arguments are refused before the token or the network
    with client_for() as client:
        answer = client.call(operation.name, **values)
    option = orjson.OPT_INDENT_2 if args.format == "json" else 0
    out.write(orjson.dumps(answer.raw, option=option).decode() + "\n")
    return 0


def call_params(items: list[str]) -> dict[str, object]:
    """``--param NAME=VALUE`` items as keyword arguments (wire names become Python names
    where an operation of the table knows them)."""
    python = {p.wire: p.name for op in OPERATIONS.values() for p in op.params}
    params: dict[str, object] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise ValueError(f"--param: expected NAME=VALUE, got {item!r}")
        params[python.get(name.strip(), name.strip())] = value
    return params


def calls_todo(
    store: ResultStore, planned: list[PlannedCall], *, refresh: bool = False
) -> list[PlannedCall]:
    """The planned calls the store has no final answer for (all of them: ``refresh``)."""
    if refresh:
        return planned
    todo: list[PlannedCall] = []
    for operation in dict.fromkeys(call.operation for call in planned):
        mine = [call for call in planned if call.operation is operation]
        if operation is REC_VIDEOS:
            platform = mine[0].params.get("platform", "")
            left = set(store.todo([call.id for call in mine], platform))
            todo += [call for call in mine if call.id in left]
        else:
            done = store.answered(operation.name, [call.params for call in mine])
            todo += [call for call in mine if params_text(call.params) not in done]
    return todo
