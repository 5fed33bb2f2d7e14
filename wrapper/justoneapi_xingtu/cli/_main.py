"""The ``xingtu`` command (also ``python -m justoneapi_xingtu``).

    xingtu rec-videos AUTHOR_ID [--platform P] [--env E] [--base-url URL] [--timeout S]
                                [--max-retries N] [--format table|json|jsonl|csv] [--csv-raw]
    xingtu batch IDS_FILE|- --db results.sqlite [--platform P] [--max-concurrency N]
                                [--rate R] [--fixed-concurrency] [--refresh] [--env/--base-url]
                                [--backend httpx|aiohttp]
    xingtu export --db results.sqlite --format csv|jsonl|parquet [--out PATH] [--csv-raw]
    xingtu operations [--format table|json]
                                every operation: name, summary, parameters
    xingtu call NAME [ID] [--param NAME=VALUE ...] [--format json|jsonl] [--env/--base-url]
                                any operation by name; prints its answer's envelope
    xingtu demo                 rec-videos against the bundled mock server: no token, no network

``--format csv|jsonl`` of rec-videos, the store and ``export`` share one row model:
the same columns in the same order, ``extra`` (fields the spec lacks) and ``drift``
(values that cannot be their declared type, as received) last. CSV cells that a
spreadsheet would run as a formula get a leading ``'`` unless ``--csv-raw``.

Errors print one line to stderr, never a traceback and never the token, and exit with:

    0 success
    1 other API error
    2 bad input or configuration: arguments, ids file, a store or output path that
      cannot be used, a refused TLS handshake (https:// to a plain-HTTP server, an
      untrusted certificate)
    3 token or permission (100, 600, no token)
    4 quota or balance (303, 601)
    5 transient: retry later (301, 302, 500, network, timeout, the store in use by
      another `xingtu batch`)
    6 disk full (the store or an export could not be written; what was stored before
      is kept)
    130 interrupted (Ctrl-C), 143 terminated (SIGTERM): a batch starts no new call, lets
        the calls in flight finish and stores them, then says what it kept; a second
        signal abandons the calls in flight. Run the same command again: it resumes.
"""

from __future__ import annotations

import argparse
import asyncio
import errno
import logging
import math
import shutil
import signal
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from .._config import Environment, cleartext_warning
from .._spec import (
    DEFAULT_PLATFORM,
    check_author_id,
    find_operation,
    parse_platform,
)
from .._spec_release import SPEC_RELEASE_ID, SPEC_SHA256
from .._version import __version__
from ..batch import AsyncBatch
from ..batch._calls import AsyncCallBatch, plan_calls
from ..client import AsyncXingtuClient, XingtuClient, aiohttp_installed
from ..errors import (
    BatchStoppedError,
    DailyQuotaExceededError,
    InsufficientBalanceError,
    InvalidParameterError,
    InvalidTokenError,
    JustOneAPIError,
    MissingTokenError,
    PermissionDeniedError,
    TLSError,
)
from ..io.export import write_csv, write_jsonl
from ..io.rows import Counted, Tally, result_rows
from ..io.store import ANSWER_ROW_KEYS, ResultStore, StoreError, StoreFullError
from ..models import AuthorRecVideos, BatchStats, CallOutcome, Outcome
from ._ids import IdsFileError, load_ids, read_ids
from ._operations import add_commands, call_operation, call_params, calls_todo, list_operations
from ._progress import PlainProgress, make_progress, status_line
from ._signals import GracefulStop, Terminated, exit_status, sigterm_as_interrupt

__all__ = ["IdsFileError", "build_parser", "exit_code_for", "main", "read_ids"]

_Client = TypeVar("_Client", XingtuClient, AsyncXingtuClient)

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_AUTH, EXIT_QUOTA, EXIT_TRANSIENT = 0, 1, 2, 3, 4, 5
EXIT_DISK_FULL = 6
EXIT_INTERRUPTED = 130
EXIT_CODES_HELP = (
    "Exit codes: 0 ok, 1 API error, 2 bad input (arguments, ids file, an unusable store or "
    "output path, a refused TLS handshake), 3 token/permission, 4 quota/balance, "
    "5 transient (retry later; the store in use by another batch), 6 disk full, "
    "130 interrupted (Ctrl-C), 143 terminated (SIGTERM): a batch stores the calls in flight "
    "first (a second signal abandons them); run it again, it resumes."
)
FORMATS = ("table", "json", "jsonl", "csv")
DEMO_AUTHOR = "7012345678901234567"
TABLE_COLUMNS = (
    "category",
    "item_id",
    "published (UTC)",
    "play",
    "like",
    "comment",
    "share",
    "title",
)
_HOW_TO_AUTHENTICATE = (
    "no API token: set the JUSTONEAPI_TOKEN environment variable "
    "(export JUSTONEAPI_TOKEN=...), or try `xingtu demo`"
)


def exit_code_for(error: BaseException) -> int:
    """The process exit status a failure maps to (see the module docstring)."""
    if isinstance(error, BatchStoppedError):
        return exit_code_for(error.cause)
    if isinstance(error, MissingTokenError | InvalidTokenError | PermissionDeniedError):
        return EXIT_AUTH
    if isinstance(error, DailyQuotaExceededError | InsufficientBalanceError):
        return EXIT_QUOTA
    if isinstance(error, StoreFullError) or (
        isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT)
    ):
        return EXIT_DISK_FULL
    if isinstance(error, StoreError) and not error.retryable:
        return EXIT_USAGE
    if isinstance(error, InvalidParameterError | ValueError | OSError | TLSError):
        return EXIT_USAGE
    if isinstance(error, JustOneAPIError) and error.retryable:
        return EXIT_TRANSIENT
    return EXIT_ERROR


def _published(seconds: object) -> str:
    if not isinstance(seconds, int) or seconds <= 0:
        return ""
    try:
        return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%d %H:%M")
    except (OverflowError, OSError, ValueError):  # a date no calendar holds
        return ""


def _count(value: object) -> str:
    return f"{value:,}" if isinstance(value, int) else ""


def table_rows(result: AuthorRecVideos) -> list[tuple[str, ...]]:
    """The table's cells, from the one row model (a drifted value shows blank)."""
    rows: list[tuple[str, ...]] = []
    for row in result_rows(result):
        title = row["item_title"] or row["title"] or ""
        rows.append(
            (
                row["category"],
                row["item_id"] or "",
                _published(row["create_time"]),
                _count(row["play"]),
                _count(row["like"]),
                _count(row["comment"]),
                _count(row["share"]),
                title[:40],
            )
        )
    return rows


def render_table(result: AuthorRecVideos, out: Any) -> None:
    rows = table_rows(result)
    caption = f"author {result.author_id} · {result.platform} · {len(rows)} videos" + (
        f" · request {result.request_id}" if result.request_id else ""
    )
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:  # the cli extra is not installed: plain aligned text
        widths = [max(len(c), *(len(r[i]) for r in rows)) for i, c in enumerate(TABLE_COLUMNS)]
        for line in (TABLE_COLUMNS, *rows):
            out.write(
                "  ".join(
                    v.rjust(w) if i in (3, 4, 5, 6) else v.ljust(w)
                    for i, (v, w) in enumerate(zip(line, widths, strict=True))
                ).rstrip()
            )
            out.write("\n")
        out.write(caption + "\n")
        return
    table = Table(caption=caption)
    for i, name in enumerate(TABLE_COLUMNS):
        table.add_column(
            name, justify="right" if i in (3, 4, 5, 6) else "left", no_wrap=name == "item_id"
        )
    for row in rows:
        table.add_row(*row)
    width = shutil.get_terminal_size((140, 24)).columns if out.isatty() else 140
    Console(file=out, width=width, soft_wrap=False).print(table)


def render(result: AuthorRecVideos, fmt: str, out: Any, *, csv_raw: bool = False) -> None:
    if fmt == "table":
        render_table(result, out)
    elif fmt == "json":
        out.write(msgspec.json.format(msgspec.json.encode(result.raw), indent=2).decode() + "\n")
    elif fmt == "jsonl":
        write_jsonl(result_rows(result), out)
    else:
        write_csv(result_rows(result), out, formula_guard=not csv_raw)


def _add_csv_raw(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--csv-raw",
        action="store_true",
        help="CSV: write cells starting with = + - @ tab or CR as received (by default "
        "they get a leading ' so a spreadsheet does not run them as formulas)",
    )


def _add_connection_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS,
        help="log retries to stderr",
    )
    parser.add_argument(
        "--env",
        choices=["prod-global", "prod-cn", "global", "cn"],
        help="deployment; wins over JUSTONEAPI_BASE_URL and JUSTONEAPI_ENV (default: "
        "JUSTONEAPI_BASE_URL, else JUSTONEAPI_ENV, else prod-global)",
    )
    parser.add_argument("--base-url", help="any base URL; wins over --env and the variables")
    parser.add_argument(
        "--timeout", type=float, help="seconds per call (default: JUSTONEAPI_TIMEOUT, else 60)"
    )
    parser.add_argument(
        "--max-retries",
        type=int,
        default=2,
        help="retries of transient failures (default: %(default)s)",
    )


def version_line() -> str:
    """The package version and the published spec it was built from."""
    release = SPEC_RELEASE_ID or "none: hand-written copy"
    return f"xingtu {__version__} (spec release {release}, sha256 {SPEC_SHA256[:12]})"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="xingtu",
        description="Douyin Xingtu (Star Map) creator data from Just One API: recommended "
        "videos typed and batched, and every other operation of the family by name.",
        epilog=f"The token comes from JUSTONEAPI_TOKEN. {EXIT_CODES_HELP}",
    )
    parser.add_argument("--version", action="version", version=version_line())
    parser.add_argument("-v", "--verbose", action="store_true", help="log retries to stderr")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    rec = commands.add_parser(
        "rec-videos", help="one author's recommended videos", epilog=EXIT_CODES_HELP
    )
    rec.add_argument("author_id", metavar="AUTHOR_ID", help="the author's oAuthorId")
    rec.add_argument(
        "--platform",
        default="SHORT_VIDEO",
        help="SHORT_VIDEO (default), LIVE_STREAMING, PICTURE_TEXT or SHORT_DRAMA",
    )
    rec.add_argument(
        "--format", choices=FORMATS, default="table", help="output format (default: %(default)s)"
    )
    _add_csv_raw(rec)
    _add_connection_options(rec)

    batch = commands.add_parser(
        "batch",
        help="many authors into a resumable SQLite store",
        description="Fetch every author of IDS_FILE (one id per line; blank lines and # "
        "comments ignored) into a SQLite store. Rerunning skips the authors already done "
        "and retries transient failures; kill it at any moment, nothing is half-written. "
        "Ctrl-C or SIGTERM stops gracefully: no new call starts, the calls in flight finish "
        "and are stored (exit 130, 143 for SIGTERM); a second Ctrl-C abandons them.",
        epilog=EXIT_CODES_HELP,
    )
    batch.add_argument(
        "ids_file",
        metavar="IDS_FILE",
        help="author ids, one per line (- reads standard input; a first line without "
        "digits, such as 'author_id', is a header and skipped)",
    )
    batch.add_argument("--db", required=True, help="the SQLite store (created if missing)")
    batch.add_argument(
        "--platform",
        help="SHORT_VIDEO (default), LIVE_STREAMING, PICTURE_TEXT or SHORT_DRAMA",
    )
    batch.add_argument(
        "--operation",
        metavar="NAME[,NAME...]",
        help="other operations instead of recommended videos (see `xingtu operations`): "
        "each id through each; answers go to the store's answers table (recommended "
        "videos, when named, to its videos as usual)",
    )
    batch.add_argument(
        "--param",
        "-p",
        action="append",
        metavar="NAME=VALUE",
        help="with --operation: a parameter for every operation that takes it (repeatable)",
    )
    batch.add_argument(
        "--max-concurrency",
        type=int,
        default=32,
        help="calls in flight, at most (default: %(default)s)",
    )
    batch.add_argument(
        "--rate",
        type=float,
        help="a known rate: calls started per second (a target, never exceeded)",
    )
    batch.add_argument(
        "--fixed-concurrency",
        action="store_true",
        help="always --max-concurrency calls in flight (no adaptive control)",
    )
    batch.add_argument(
        "--refresh", action="store_true", help="refetch every author, even those done"
    )
    batch.add_argument(
        "--backend",
        choices=("httpx", "aiohttp"),
        help="HTTP library for the calls (default: aiohttp when installed, as the cli "
        "extra does, for about a third of the CPU per call; else httpx)",
    )
    batch.add_argument(
        "--progress-every",
        type=float,
        default=5.0,
        metavar="S",
        help="seconds between progress lines when stdout is not a terminal (default: %(default)s)",
    )
    _add_connection_options(batch)

    export = commands.add_parser(
        "export", help="the videos of a store as CSV, JSON lines or Parquet", epilog=EXIT_CODES_HELP
    )
    export.add_argument("--db", required=True, help="the SQLite store `xingtu batch` wrote")
    export.add_argument(
        "--format",
        choices=("csv", "jsonl", "parquet"),
        help="output format (default: csv); the answers of an --operation: jsonl only",
    )
    export.add_argument(
        "--operation",
        metavar="NAME",
        help="the stored answers of this operation (xingtu batch --operation), one JSON "
        "object per line: operation, id, params, status, code, message, request_id, "
        "fetched_at, attempts, data",
    )
    _add_csv_raw(export)
    export.add_argument(
        "--out", help="output file (default: stdout; Parquet needs a file)", default=None
    )

    add_commands(commands, _add_connection_options, EXIT_CODES_HELP)

    demo = commands.add_parser("demo", help="rec-videos against the bundled mock server")
    demo.add_argument(
        "--format", choices=FORMATS, default="table", help="output format (default: %(default)s)"
    )
    _add_csv_raw(demo)
    return parser


def _client(cls: type[_Client], args: argparse.Namespace) -> _Client:
    """The client of the connection options (token, environment, base URL checked); the
    plain-HTTP warning goes to stderr here unless -v, where the package's log says it."""
    env: Environment | str | None = args.env
    client = cls(
        env=env, base_url=args.base_url, timeout=args.timeout, max_retries=args.max_retries
    )
    warning = cleartext_warning(client.base_url)
    if warning is not None and not args.verbose:
        print(f"xingtu: {warning}", file=sys.stderr)
    return client


def _rec_videos(args: argparse.Namespace, out: Any) -> int:
    check_author_id(args.author_id, "AUTHOR_ID")  # before the token or the network
    with _client(XingtuClient, args) as client:
        result = client.author_rec_videos(args.author_id, platform=args.platform)
    render(result, args.format, out, csv_raw=args.csv_raw)
    return EXIT_OK


def _demo(args: argparse.Namespace, out: Any) -> int:
    from ..testing import MockServer

    token = "demo-token"  # noqa: S105 - the mock server's own, not a secret
    with MockServer(tokens={token}) as server:
        out.write(f"mock server on {server.base_url} (no token or network needed)\n")
        with XingtuClient(token, base_url=server.base_url) as client:
            result = client.author_rec_videos(DEMO_AUTHOR)
        render(result, args.format, out, csv_raw=args.csv_raw)
    return EXIT_OK


def _summary(
    stats: BatchStats, store: ResultStore, out: Any, backend: str, *, stopped: bool = False
) -> None:
    elapsed = stats.elapsed
    errors = ", ".join(f"{kind}: {n}" for kind, n in sorted(stats.errors.items()))
    ended = "stopped after" if stopped else "done in"
    out.write(
        f"xingtu: {ended} {elapsed:.1f} s ({backend}): {stats.succeeded} ok, "
        f"{stats.failed} failed"
        + (f" ({errors})" if errors else "")
        + f", {stats.total - stats.done} not fetched; {stats.calls} calls, "
        f"{stats.retried} retried, {stats.rate_limited} rate limited\n"
    )
    counts = store.counts()
    drifted = store.drift_count()
    out.write(
        f"xingtu: store {store.path}: {counts['ok']} ok, {counts['failed']} failed, "
        f"{counts['retry']} to retry, {store.video_count()} videos"
        + (f", {drifted} drifted value(s) kept as received in the drift column" if drifted else "")
        + "\n"
    )
    for operation, by_status in store.answer_counts().items():
        out.write(
            f"xingtu: store {store.path}: {operation}: {by_status['ok']} ok, "
            f"{by_status['failed']} failed, {by_status['retry']} to retry\n"
        )


class _GroupWriter:
    """Stores the outcomes that arrive together in one transaction.

    The batch hands over every answer of one wake-up before it waits again; they are
    written as soon as the event loop has its next turn (so a kill loses no more than
    before: the calls in flight), and by :meth:`flush` at the end. A write that fails is
    raised by the next :meth:`add` or :meth:`flush`.
    """

    def __init__(self, record: Callable[[list[Any]], None]) -> None:
        self._record = record
        self._pending: list[Any] = []
        self._error: StoreError | None = None

    def add(self, outcome: Outcome | CallOutcome) -> None:
        if self._error is not None:
            raise self._error
        if not self._pending:
            asyncio.get_running_loop().call_soon(self._write_soon)
        self._pending.append(outcome)

    def _write_soon(self) -> None:
        try:
            self.flush()
        except StoreError as error:
            self._error = error

    def flush(self) -> None:
        if self._error is not None:
            raise self._error
        group, self._pending = self._pending, []
        if group:
            self._record(group)


def _batch_options(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "max_concurrency": args.max_concurrency,
        "rate_per_s": args.rate,
        "adaptive": not args.fixed_concurrency,
        "backend": args.backend,
    }


async def _run_batch(
    args: argparse.Namespace,
    client: AsyncXingtuClient,
    store: ResultStore,
    start: Callable[[AsyncXingtuClient], AsyncBatch | AsyncCallBatch],
    out: Any,
) -> int:
    """The batch ``start`` makes, run to its end on ``client``, stored in ``store``."""
    async with client:
        return await _drive(args, start(client), store, store.record_calls, out)


async def _drive(
    args: argparse.Namespace,
    batch: AsyncBatch | AsyncCallBatch,
    store: ResultStore,
    record: Callable[[list[Any]], None],
    out: Any,
) -> int:
    """Run ``batch`` to its end (or a stop, a signal), storing outcomes as they come."""
    interrupt = GracefulStop(batch.stop, lambda: _waiting_for(batch.stats))
    writer = _GroupWriter(record)
    stopped: BatchStoppedError | None = None
    retry = failed = 0
    with interrupt:  # from here to the end of the progress bar
        progress = make_progress(batch.stats, out, args.progress_every)

        async def tick() -> None:
            while True:
                await asyncio.sleep(0.25)
                progress.update()

        ticker = asyncio.create_task(tick())
        try:
            async with batch:
                async for outcome in batch:
                    writer.add(outcome)
                    if outcome.error is not None:
                        retry += outcome.error.retryable
                        failed += not outcome.error.retryable
                    progress.update()
        except BatchStoppedError as error:
            stopped = error
        except asyncio.CancelledError:
            if not interrupt.aborted:
                raise
        finally:
            ticker.cancel()
            progress.close()  # the line ended, the cursor shown
            writer.flush()  # what arrived last, whatever ended the loop
    if isinstance(progress, PlainProgress):
        out.write(f"xingtu: {status_line(batch.stats)}\n")
    _summary(batch.stats, store, out, batch.backend, stopped=interrupt.received is not None)
    if interrupt.received is not None and stopped is None:
        _interrupted(interrupt, store, batch.stats.total - batch.stats.done)
        return interrupt.status
    if stopped is not None:
        print(
            f"xingtu: error: {stopped} Everything fetched so far is in {store.path}; "
            "run the same command again once that is fixed.",
            file=sys.stderr,
        )
        return exit_code_for(stopped)
    if retry:
        print(
            f"xingtu: {retry} {'call' if isinstance(batch, AsyncCallBatch) else 'author'}(s) "
            "failed transiently; run the same command again to retry them.",
            file=sys.stderr,
        )
        return EXIT_TRANSIENT
    return EXIT_ERROR if failed else EXIT_OK


def _waiting_for(stats: BatchStats) -> str:
    if not stats.in_flight:
        return "no call in flight"
    return f"waiting for the {stats.in_flight} call(s) in flight to finish and be stored"


def _interrupted(interrupt: GracefulStop, store: ResultStore, left: int) -> None:
    counts = store.counts()
    how = (
        "aborted: the calls in flight were abandoned"
        if interrupt.aborted
        else "stopped: the calls in flight finished"
    )
    print(
        f"xingtu: {how}; {sum(counts.values())} authors stored in {store.path} "
        f"({counts['ok']} ok, {counts['failed']} failed, {counts['retry']} to retry), "
        f"{left} not fetched; run the same command again to resume.",
        file=sys.stderr,
    )


def _batch(args: argparse.Namespace, out: Any) -> int:
    # Everything that can be checked without the store or the network comes first: a
    # mistake costs no paid call and leaves no file behind.
    loaded = load_ids(args.ids_file)
    platform = parse_platform(args.platform or DEFAULT_PLATFORM)
    if not isinstance(args.max_concurrency, int) or args.max_concurrency < 1:
        raise ValueError("--max-concurrency: expected an integer >= 1")
    if args.rate is not None and not (args.rate > 0 and math.isfinite(args.rate)):
        raise ValueError(f"--rate: expected calls per second > 0, got {args.rate}")
    if args.backend == "aiohttp" and not aiohttp_installed():
        raise ValueError(
            "--backend: aiohttp is not installed: pip install 'justoneapi-xingtu[cli]'"
        )
    planned = None
    if args.operation is not None:
        params = call_params(args.param or [])
        if args.platform is not None:
            params["platform"] = args.platform
        planned = plan_calls(args.operation, loaded.ids, params)
    elif args.param:
        raise ValueError("--param: only with --operation (rec-videos takes --platform)")
    client = _client(AsyncXingtuClient, args)  # checks the token, environment and base URL
    started = False
    try:
        with ResultStore(args.db, readonly=False) as store:
            if planned is not None:
                calls = calls_todo(store, planned, refresh=args.refresh)
                out.write(
                    f"xingtu: {len(loaded.ids)} ids in {loaded.source} x "
                    f"{len(planned) // max(len(loaded.ids), 1)} operation(s); "
                    f"{len(planned) - len(calls)} already in {args.db}; calling {len(calls)}\n"
                )
                out.flush()
                if not calls:
                    return EXIT_OK
                started = True
                options = _batch_options(args)
                return asyncio.run(
                    _run_batch(
                        args, client, store, lambda c: AsyncCallBatch(c, calls, **options), out
                    )
                )
            todo = store.todo(loaded.ids, platform, refresh=args.refresh)
            notes = []
            if loaded.header is not None:
                notes.append(f"header line {loaded.header!r} skipped")
            if loaded.duplicates:
                notes.append(f"{loaded.duplicates} duplicate(s) ignored")
            shown = f" ({'; '.join(notes)})" if notes else ""
            out.write(
                f"xingtu: {len(loaded.ids)} authors in {loaded.source}{shown}; "
                f"{len(loaded.ids) - len(todo)} already in {args.db}; fetching {len(todo)}\n"
            )
            out.flush()
            if not todo:
                return EXIT_OK
            started = True  # _run_batch closes the client
            options = _batch_options(args)
            return asyncio.run(
                _run_batch(
                    args,
                    client,
                    store,
                    lambda c: c.author_rec_videos_many(todo, platform, **options),
                    out,
                )
            )
    finally:
        if not started:
            asyncio.run(client.aclose())


def _write_rows(args: argparse.Namespace, rows: Iterable[Mapping[str, Any]], out: Any) -> None:
    from ..io.export import write_parquet

    if args.format == "parquet":
        if not args.out:
            raise ValueError("--out: Parquet is written to a file; give --out FILE")
        try:
            write_parquet(rows, args.out)
        except ImportError as error:
            raise ValueError(str(error)) from None
    elif args.out:
        with open(args.out, "w", encoding="utf-8", newline="") as handle:
            _write_text(args, rows, handle)
    else:
        _write_text(args, rows, out)


def _write_text(args: argparse.Namespace, rows: Iterable[Mapping[str, Any]], out: Any) -> None:
    if args.format == "csv":
        write_csv(rows, out, formula_guard=not args.csv_raw)
    elif getattr(args, "operation", None) is not None:  # the answers of an operation
        write_jsonl(rows, out, ANSWER_ROW_KEYS)
    else:
        write_jsonl(rows, out)


def _export(args: argparse.Namespace, out: Any) -> int:
    if args.out:
        target = Path(args.out)
        if target.is_dir():
            raise ValueError(f"--out: {args.out} is a directory; give a file name")
        if not target.parent.is_dir():
            raise ValueError(f"--out: {args.out}: directory {target.parent} does not exist")
    if args.operation is not None:
        if find_operation(args.operation).data_schema is not None:
            raise ValueError(
                f"--operation: {args.operation} is stored as videos: export them without "
                "--operation (csv, jsonl or parquet)"
            )
        if args.format not in (None, "jsonl"):
            raise ValueError("--format: the answers of an operation export as jsonl")
        args.format = "jsonl"
    args.format = args.format or "csv"
    tally, answers = Tally(), Counted()
    with ResultStore(args.db, readonly=True) as store:
        try:
            if args.operation is not None:
                _write_rows(args, answers.track(store.answer_rows(args.operation)), out)
            else:
                _write_rows(args, tally.track(store.video_rows()), out)
        except OSError as error:
            if isinstance(error, BrokenPipeError):
                raise
            cause = error.strerror or str(error)
            if error.errno in (errno.ENOSPC, errno.EDQUOT):
                cause = f"disk full ({cause})"
            where = args.out or "stdout"
            raise OSError(
                error.errno, f"--out: {where}: cannot write the export: {cause}"
            ) from None
    if args.operation is not None:
        where = f" written to {args.out}" if args.out else ""
        print(f"xingtu: {answers.rows} {args.operation} answer(s){where}", file=sys.stderr)
    elif args.out:
        print(f"xingtu: {tally.summary()} written to {args.out}", file=sys.stderr)
    elif tally.drifted:
        print(f"xingtu: {tally.summary()}", file=sys.stderr)
    return EXIT_OK


def _one_line(error: BaseException) -> str:
    if isinstance(error, MissingTokenError):
        return _HOW_TO_AUTHENTICATE  # the library's message speaks of token=...
    if isinstance(error, OSError) and error.strerror:
        return f"{error.filename}: {error.strerror}" if error.filename else error.strerror
    return " ".join(str(error).split()) or type(error).__name__


def _log_to_stderr(*, verbose: bool) -> Callable[[], None]:
    """With ``-v``, the package's log on stderr (retries, the endpoint chosen, warnings);
    returns what undoes it."""
    if not verbose:
        return lambda: None
    package_logger = logging.getLogger("justoneapi_xingtu")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("xingtu: %(message)s"))
    level = package_logger.level
    package_logger.addHandler(handler)
    package_logger.setLevel(logging.INFO)

    def restore() -> None:
        package_logger.removeHandler(handler)
        package_logger.setLevel(level)

    return restore


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    restore_logging = _log_to_stderr(verbose=args.verbose)
    try:
        if args.command == "demo":
            return _demo(args, sys.stdout)
        if args.command == "batch":
            with sigterm_as_interrupt():  # before or after the event loop: as Ctrl-C
                return _batch(args, sys.stdout)
        if args.command == "export":
            return _export(args, sys.stdout)
        if args.command == "operations":
            return list_operations(args, sys.stdout)
        if args.command == "call":
            return call_operation(args, sys.stdout, lambda: _client(XingtuClient, args))
        return _rec_videos(args, sys.stdout)
    except BrokenPipeError:  # `xingtu ... | head`
        return EXIT_OK
    except (JustOneAPIError, ValueError, OSError) as error:
        print(f"xingtu: error: {_one_line(error)}", file=sys.stderr)
        return exit_code_for(error)
    except KeyboardInterrupt as interrupt:
        resume = " (rerun the same command to resume)" if args.command == "batch" else ""
        print(f"xingtu: interrupted{resume}", file=sys.stderr)
        return (
            exit_status(signal.SIGTERM) if isinstance(interrupt, Terminated) else EXIT_INTERRUPTED
        )
    finally:
        restore_logging()


if __name__ == "__main__":
    sys.exit(main())
