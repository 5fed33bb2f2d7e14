"""The ``xingtu`` command (also ``python -m justoneapi_xingtu``).

    xingtu rec-videos AUTHOR_ID [--platform P] [--env E] [--base-url URL] [--timeout S]
                                [--max-retries N] [--format table|json|jsonl|csv]
    xingtu demo                 the same, against the bundled mock server: no token, no network

Errors print one line to stderr, never a traceback and never the token, and exit with:

    0 success            3 token or permission (100, 600, no token)
    1 other API error    4 quota or balance (303, 601)
    2 bad input          5 transient: retry later (301, 302, 500, network, timeout)
"""

from __future__ import annotations

import argparse
import csv
import io
import logging
import shutil
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import orjson

from . import __version__
from .client import XingtuClient
from .environments import Environment
from .errors import (
    DailyQuotaExceededError,
    InsufficientBalanceError,
    InvalidParameterError,
    InvalidTokenError,
    JustOneAPIError,
    MissingTokenError,
    PermissionDeniedError,
)
from .models import AuthorRecVideos, Video

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_AUTH, EXIT_QUOTA, EXIT_TRANSIENT = 0, 1, 2, 3, 4, 5
FORMATS = ("table", "json", "jsonl", "csv")
DEMO_AUTHOR = "7012345678901234567"
TABLE_COLUMNS = ("category", "item_id", "published", "play", "like", "comment", "share", "title")


def exit_code_for(error: BaseException) -> int:
    """The process exit status a failure maps to (see the module docstring)."""
    if isinstance(error, MissingTokenError | InvalidTokenError | PermissionDeniedError):
        return EXIT_AUTH
    if isinstance(error, DailyQuotaExceededError | InsufficientBalanceError):
        return EXIT_QUOTA
    if isinstance(error, InvalidParameterError | ValueError):
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
    from .testing import MockServer

    token = "demo-token"  # noqa: S105 - the mock server's own, not a secret
    with MockServer(tokens={token}) as server:
        out.write(f"mock server on {server.base_url} (no token or network needed)\n")
        with XingtuClient(token, base_url=server.base_url) as client:
            result = client.author_rec_videos(DEMO_AUTHOR)
        render(result, args.format, out)
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
        return _rec_videos(args, sys.stdout)
    except (JustOneAPIError, ValueError) as error:
        print(f"xingtu: error: {error}", file=sys.stderr)
        return exit_code_for(error)
    except KeyboardInterrupt:
        print("xingtu: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `xingtu ... | head`
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
