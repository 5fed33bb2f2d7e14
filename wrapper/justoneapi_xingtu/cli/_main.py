"""The ``xingtu`` command (also ``python -m justoneapi_xingtu``).

    xingtu rec-videos AUTHOR_ID [--platform P] [--env E] [--base-url URL] [--timeout S]
                                [--max-retries N] [--format table|json|jsonl|csv]
    xingtu batch IDS_FILE --db results.sqlite [--platform P] [--max-concurrency N]
                                [--rate R] [--fixed-concurrency] [--refresh] [--env/--base-url]
    xingtu export --db results.sqlite --format csv|jsonl|parquet [--out PATH]
    xingtu demo                 rec-videos against the bundled mock server: no token, no network

Errors print one line to stderr, never a traceback and never the token, and exit with:

    0 success
    1 other API error
    2 bad input or configuration (including a refused TLS handshake: https:// to a
      plain-HTTP server, an untrusted certificate)
    3 token or permission (100, 600, no token)
    4 quota or balance (303, 601)
    5 transient: retry later (301, 302, 500, network, timeout)
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import io
import logging
import re
import shutil
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from .._config import Environment
from .._spec import parse_platform
from .._version import __version__
from ..client import AsyncXingtuClient, XingtuClient
from ..errors import (
    BatchStopped,
    DailyQuotaExceededError,
    InsufficientBalanceError,
    InvalidParameterError,
    InvalidTokenError,
    JustOneAPIError,
    MissingTokenError,
    PermissionDeniedError,
    TLSError,
)
from ..io.store import ResultStore
from ..models import AuthorRecVideos, BatchStats, Video
from ._progress import PlainProgress, make_progress, status_line

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_AUTH, EXIT_QUOTA, EXIT_TRANSIENT = 0, 1, 2, 3, 4, 5
FORMATS = ("table", "json", "jsonl", "csv")
DEMO_AUTHOR = "7012345678901234567"
TABLE_COLUMNS = ("category", "item_id", "published", "play", "like", "comment", "share", "title")


def exit_code_for(error: BaseException) -> int:
    """The process exit status a failure maps to (see the module docstring)."""
    if isinstance(error, BatchStopped):
        return exit_code_for(error.cause)
    if isinstance(error, MissingTokenError | InvalidTokenError | PermissionDeniedError):
        return EXIT_AUTH
    if isinstance(error, DailyQuotaExceededError | InsufficientBalanceError):
        return EXIT_QUOTA
    if isinstance(error, InvalidParameterError | ValueError | TLSError):
        return EXIT_USAGE
    if isinstance(error, JustOneAPIError) and error.retryable:
        return EXIT_TRANSIENT
    return EXIT_ERROR


def _published(video: Video) -> str:
    seconds = video.create_time
    if not seconds:
        return ""
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%d %H:%M")


def table_rows(result: AuthorRecVideos) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for category, video in result:
        title = video.item_title or video.title or ""
        rows.append(
            (
                category,
                video.item_id or "",
                _published(video),
                f"{video.play or 0:,}",
                f"{video.like or 0:,}",
                f"{video.comment or 0:,}",
                f"{video.share or 0:,}",
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


def video_rows(result: AuthorRecVideos) -> list[dict[str, Any]]:
    """One flat dict per video: author, platform, category, then the declared fields."""
    return [
        {
            "author_id": result.author_id,
            "platform": result.platform,
            "category": category,
            **video.to_dict(),
        }
        for category, video in result
    ]


def render(result: AuthorRecVideos, fmt: str, out: Any) -> None:
    if fmt == "table":
        render_table(result, out)
    elif fmt == "json":
        out.write(orjson.dumps(result.raw, option=orjson.OPT_INDENT_2).decode() + "\n")
    elif fmt == "jsonl":
        for row in video_rows(result):
            out.write(orjson.dumps(row).decode() + "\n")
    else:
        buffer = io.StringIO()
        fields = ["author_id", "platform", "category", *Video.FIELDS]
        writer = csv.DictWriter(buffer, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        for row in video_rows(result):
            row["head_image_uris"] = orjson.dumps(row["head_image_uris"] or []).decode()
            writer.writerow(row)
        out.write(buffer.getvalue())


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
        help="deployment (default: JUSTONEAPI_ENV, else prod-global)",
    )
    parser.add_argument("--base-url", help="any base URL; wins over --env")
    parser.add_argument("--timeout", type=float, help="seconds per call (default 60)")
    parser.add_argument("--max-retries", type=int, default=2, help="retries of transient failures")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="xingtu",
        description="Douyin Xingtu author recommended videos, from Just One API.",
        epilog="The token comes from JUSTONEAPI_TOKEN. Exit codes: 0 ok, 1 API error, 2 bad "
        "input, 3 token/permission, 4 quota/balance, 5 transient (retry later).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log retries to stderr")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    rec = commands.add_parser("rec-videos", help="one author's recommended videos")
    rec.add_argument("author_id", metavar="AUTHOR_ID", help="the author's oAuthorId")
    rec.add_argument(
        "--platform",
        default="SHORT_VIDEO",
        help="SHORT_VIDEO (default), LIVE_STREAMING, PICTURE_TEXT or SHORT_DRAMA",
    )
    rec.add_argument("--format", choices=FORMATS, default="table")
    _add_connection_options(rec)

    batch = commands.add_parser(
        "batch",
        help="many authors into a resumable SQLite store",
        description="Fetch every author of IDS_FILE (one id per line; blank lines and # "
        "comments ignored) into a SQLite store. Rerunning skips the authors already done "
        "and retries transient failures; kill it at any moment, nothing is half-written.",
    )
    batch.add_argument("ids_file", metavar="IDS_FILE", help="author ids, one per line")
    batch.add_argument("--db", required=True, help="the SQLite store (created if missing)")
    batch.add_argument(
        "--platform",
        default="SHORT_VIDEO",
        help="SHORT_VIDEO (default), LIVE_STREAMING, PICTURE_TEXT or SHORT_DRAMA",
    )
    batch.add_argument(
        "--max-concurrency", type=int, default=32, help="calls in flight, at most (32)"
    )
    batch.add_argument("--rate", type=float, help="calls started per second, at most")
    batch.add_argument(
        "--fixed-concurrency",
        action="store_true",
        help="always --max-concurrency calls in flight (no adaptive control)",
    )
    batch.add_argument(
        "--refresh", action="store_true", help="refetch every author, even those done"
    )
    batch.add_argument(
        "--progress-every",
        type=float,
        default=5.0,
        metavar="S",
        help="seconds between progress lines when stdout is not a terminal (5)",
    )
    _add_connection_options(batch)

    export = commands.add_parser(
        "export", help="the videos of a store as CSV, JSON lines or Parquet"
    )
    export.add_argument("--db", required=True, help="the SQLite store `xingtu batch` wrote")
    export.add_argument("--format", choices=("csv", "jsonl", "parquet"), default="csv")
    export.add_argument(
        "--out", help="output file (default: stdout; Parquet needs a file)", default=None
    )

    demo = commands.add_parser("demo", help="rec-videos against the bundled mock server")
    demo.add_argument("--format", choices=FORMATS, default="table")
    return parser


def _rec_videos(args: argparse.Namespace, out: Any) -> int:
    env: Environment | str | None = args.env
    with XingtuClient(
        env=env, base_url=args.base_url, timeout=args.timeout, max_retries=args.max_retries
    ) as client:
        result = client.author_rec_videos(args.author_id, platform=args.platform)
    render(result, args.format, out)
    return EXIT_OK


def _demo(args: argparse.Namespace, out: Any) -> int:
    from ..testing import MockServer

    token = "demo-token"  # noqa: S105 - the mock server's own, not a secret
    with MockServer(tokens={token}) as server:
        out.write(f"mock server on {server.base_url} (no token or network needed)\n")
        with XingtuClient(token, base_url=server.base_url) as client:
            result = client.author_rec_videos(DEMO_AUTHOR)
        render(result, args.format, out)
    return EXIT_OK


_ID = re.compile(r"[0-9A-Za-z_-]{1,128}")


class IdsFileError(ValueError):
    """The ids file has lines that are not author ids (each named by line number)."""


def read_ids(path: str | Path) -> tuple[list[str], int]:
    """Author ids from a file: one per line, trimmed; blank lines, ``#`` comments (whole
    line or after the id) ignored; duplicates dropped (first kept).

    Returns ``(ids, duplicates dropped)``; raises :class:`IdsFileError` naming every
    invalid line (an id is letters, digits, ``_`` or ``-``, at most 128 characters).
    """
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise IdsFileError(f"{path}: cannot read the ids file: {error}") from None
    ids: dict[str, None] = {}
    duplicates = 0
    bad: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        value = line.split("#", 1)[0].strip()
        if not value:
            continue
        if not _ID.fullmatch(value):
            shown = value if len(value) <= 40 else value[:37] + "..."
            bad.append(f"line {number}: {shown!r}")
        elif value in ids:
            duplicates += 1
        else:
            ids[value] = None
    if bad:
        shown_bad = "; ".join(bad[:10]) + (f"; and {len(bad) - 10} more" if len(bad) > 10 else "")
        raise IdsFileError(
            f"{path}: {len(bad)} invalid line(s), not author ids (letters, digits, '_' or "
            f"'-', one per line): {shown_bad}"
        )
    if not ids:
        raise IdsFileError(f"{path}: no author ids (one per line; # starts a comment)")
    return list(ids), duplicates


def _summary(stats: BatchStats, store: ResultStore, out: Any) -> None:
    elapsed = stats.elapsed
    errors = ", ".join(f"{kind}: {n}" for kind, n in sorted(stats.errors.items()))
    out.write(
        f"xingtu: done in {elapsed:.1f} s: {stats.succeeded} ok, {stats.failed} failed"
        + (f" ({errors})" if errors else "")
        + f", {stats.total - stats.done} not fetched; {stats.calls} calls, "
        f"{stats.retried} retried, {stats.rate_limited} rate limited\n"
    )
    counts = store.counts()
    out.write(
        f"xingtu: store {store.path}: {counts['ok']} ok, {counts['failed']} failed, "
        f"{counts['retry']} to retry, {store.video_count()} videos\n"
    )


async def _run_batch(
    args: argparse.Namespace, store: ResultStore, todo: list[str], platform: str, out: Any
) -> int:
    env: Environment | str | None = args.env
    async with AsyncXingtuClient(
        env=env, base_url=args.base_url, timeout=args.timeout, max_retries=args.max_retries
    ) as client:
        batch = client.author_rec_videos_many(
            todo,
            platform,
            max_concurrency=args.max_concurrency,
            rate_per_s=args.rate,
            adaptive=not args.fixed_concurrency,
        )
        progress = make_progress(batch.stats, out, args.progress_every)

        async def tick() -> None:
            while True:
                await asyncio.sleep(0.25)
                progress.update()

        ticker = asyncio.create_task(tick())
        stopped: BatchStopped | None = None
        retry = failed = 0
        try:
            async with batch:
                async for outcome in batch:
                    store.record(outcome)
                    if outcome.error is not None:
                        retry += outcome.error.retryable
                        failed += not outcome.error.retryable
                    progress.update()
        except BatchStopped as error:
            stopped = error
        finally:
            ticker.cancel()
            progress.close()
        if isinstance(progress, PlainProgress):
            out.write(f"xingtu: {status_line(batch.stats)}\n")
        _summary(batch.stats, store, out)
    if stopped is not None:
        print(
            f"xingtu: error: {stopped} Everything fetched so far is in {store.path}; "
            "run the same command again once that is fixed.",
            file=sys.stderr,
        )
        return exit_code_for(stopped)
    if retry:
        print(
            f"xingtu: {retry} author(s) failed transiently; run the same command again to "
            "retry them.",
            file=sys.stderr,
        )
        return EXIT_TRANSIENT
    return EXIT_ERROR if failed else EXIT_OK


def _batch(args: argparse.Namespace, out: Any) -> int:
    ids, duplicates = read_ids(args.ids_file)
    platform = parse_platform(args.platform)
    if not isinstance(args.max_concurrency, int) or args.max_concurrency < 1:
        raise ValueError("--max-concurrency: expected an integer >= 1")
    with ResultStore(args.db) as store:
        todo = store.todo(ids, platform, refresh=args.refresh)
        dup = f" ({duplicates} duplicate(s) ignored)" if duplicates else ""
        out.write(
            f"xingtu: {len(ids)} authors in {args.ids_file}{dup}; "
            f"{len(ids) - len(todo)} already in {args.db}; fetching {len(todo)}\n"
        )
        out.flush()
        if not todo:
            return EXIT_OK
        return asyncio.run(_run_batch(args, store, todo, platform, out))


def _export(args: argparse.Namespace, out: Any) -> int:
    from ..io.export import write_csv, write_jsonl, write_parquet

    if not Path(args.db).is_file():
        raise ValueError(f"--db: {args.db} does not exist (write it with `xingtu batch`)")
    with ResultStore(args.db) as store:
        rows = store.video_rows()
        if args.format == "parquet":
            if not args.out:
                raise ValueError("--out: Parquet is written to a file; give --out FILE")
            try:
                count = write_parquet(rows, args.out)
            except ImportError as error:
                raise ValueError(str(error)) from None
        elif args.out:
            with open(args.out, "w", encoding="utf-8", newline="") as handle:
                count = (write_csv if args.format == "csv" else write_jsonl)(rows, handle)
        else:
            count = (write_csv if args.format == "csv" else write_jsonl)(rows, out)
    if args.out:
        print(f"xingtu: {count} videos written to {args.out}", file=sys.stderr)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.verbose:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("xingtu: %(message)s"))
        logging.getLogger("justoneapi_xingtu").addHandler(handler)
        logging.getLogger("justoneapi_xingtu").setLevel(logging.INFO)
    try:
        if args.command == "demo":
            return _demo(args, sys.stdout)
        if args.command == "batch":
            return _batch(args, sys.stdout)
        if args.command == "export":
            return _export(args, sys.stdout)
        return _rec_videos(args, sys.stdout)
    except (JustOneAPIError, ValueError) as error:
        print(f"xingtu: error: {error}", file=sys.stderr)
        return exit_code_for(error)
    except KeyboardInterrupt:
        resume = " (rerun the same command to resume)" if args.command == "batch" else ""
        print(f"xingtu: interrupted{resume}", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `xingtu ... | head`
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
