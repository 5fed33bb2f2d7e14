"""Issue 10, the secrets / configuration / error items: each test is named for its item.

Over real TCP on loopback (the scripted server, the fault server, an HTTP/2 server built
on ``h2``), sync and async where both exist, with retries that never sleep.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import copy
import email.utils
import inspect
import io
import json
import logging
import os
import pickle
import socket
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from _faults import FaultServer, fault_server
from _scripted import Answer, Seen, scripted_server
from conftest import AUTHOR, TOKEN, call, envelope

import justoneapi_xingtu
from justoneapi_xingtu import (
    AsyncXingtuClient,
    BatchStopped,
    ClientClosedError,
    InternalServerError,
    JustOneAPIError,
    ProtocolError,
    RateLimitError,
    RequestTimeoutError,
    TransportError,
    WrongEventLoopError,
    XingtuClient,
    _retry,
    errors,
)
from justoneapi_xingtu.cli import main as cli_main

both = pytest.mark.parametrize("kind", ["sync", "async"])


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("JUSTONEAPI_TOKEN", "JUSTONEAPI_ENV", "JUSTONEAPI_BASE_URL", "JUSTONEAPI_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def no_sleep(no_wait: list[float]) -> list[float]:
    """Every test here: retries wait for nothing, the waits asked for are recorded."""
    return no_wait


def failure(kind: str, base_url: str, **kwargs: Any) -> JustOneAPIError:
    with pytest.raises(JustOneAPIError) as info:
        call(kind, base_url, **kwargs)
    return info.value


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then closed): connecting is refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


def xingtu(*args: str, env: dict[str, str] | None = None) -> Run:
    """The CLI's ``main`` as the command runs it, in this process (a subprocess would cost
    a second of interpreter start per run): exit status, stdout, stderr."""
    package_logger = logging.getLogger("justoneapi_xingtu")  # -v adds a handler to it
    saved_logging = (list(package_logger.handlers), package_logger.level)
    out, err = io.StringIO(), io.StringIO()
    os.environ.update(env or {})  # on top of clean_env's: no JUSTONEAPI_* variable
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli_main(list(args))
            except SystemExit as exit_:  # argparse
                code = int(exit_.code or 0)
    finally:
        for name in env or {}:
            os.environ.pop(name, None)
        package_logger.handlers[:], package_logger.level = saved_logging
    return Run(code, out.getvalue(), err.getvalue())


def assert_one_line_error(proc: Run, code: int) -> str:
    assert proc.returncode == code, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.startswith("xingtu: error:")]
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    return lines[0]


def chain(error: BaseException) -> Iterator[BaseException]:
    """``error`` and every exception attached to it, however deep."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [error]
    while todo:
        current = todo.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        todo += [current.__context__, current.__cause__]
        todo += [v for v in vars(current).values() if isinstance(v, BaseException)]


# -- 5 ------------------------------------------------------------------------------------


@both
def test_item5_userinfo_never_printed(kind: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    password = "pw-Secret-5150"
    with scripted_server([Answer(200, envelope(500))]) as (url, seen):
        with_userinfo = url.replace("http://", f"http://reader:{password}@")
        error = failure(kind, with_userinfo, max_retries=1)
        with XingtuClient(TOKEN, base_url=with_userinfo) as client:
            shown = (repr(client), client.base_url)
    # still sent as HTTP Basic credentials, as httpx does with userinfo
    expected = "Basic " + base64.b64encode(f"reader:{password}".encode()).decode()
    assert [s.headers.get("Authorization") for s in seen] == [expected, expected]
    assert isinstance(error, InternalServerError)

    refused = failure(kind, f"http://reader:{password}@127.0.0.1:{closed_port()}", max_retries=0)
    assert isinstance(refused, TransportError)
    assert "reader:***@127.0.0.1" in str(refused)

    XingtuClient(TOKEN, base_url=f"http://{password}@192.0.2.7:8080")  # warns: plain HTTP
    warning = [r.getMessage() for r in caplog.records if "plain HTTP" in r.getMessage()]
    assert warning and "http://***@192.0.2.7:8080" in warning[0]
    assert shown[1] == with_userinfo.replace(password, "***")
    for text in (*shown, str(error), repr(error), str(refused), repr(refused), caplog.text):
        assert password not in text and TOKEN not in text


def test_item5_userinfo_never_printed_by_the_cli() -> None:
    password = "pw-Secret-5150"
    base = f"http://reader:{password}@127.0.0.1:{closed_port()}"
    proc = xingtu(
        "-v", "rec-videos", AUTHOR, "--base-url", base, "--max-retries", "1",
        env={"JUSTONEAPI_TOKEN": TOKEN},
    )  # fmt: skip
    line = assert_one_line_error(proc, 5)
    assert "reader:***@127.0.0.1" in line
    assert password not in proc.stderr + proc.stdout and TOKEN not in proc.stderr


# -- 8 ------------------------------------------------------------------------------------

# A short token with characters a URL encodes: "k/&Z" travels as k%2F%26Z; a server may
# echo it as given, encoded, or encoded with lower-case hex.
SHORT = "k/&Z"
ECHOES = ("k/&Z", "k%2F%26Z", "k%2f%26Z")


def echoing(code: int, data: Any = None) -> Callable[[Seen], Answer]:
    """Answers that echo the token it received in every form, in message and request id."""

    def respond(seen: Seen) -> Answer:
        token = seen.query["token"][0]
        assert token == SHORT
        message = "token " + " / ".join(ECHOES) + " refused"
        return Answer(200, envelope(code, data, message, requestId="rid-" + "-".join(ECHOES)))

    return respond


def assert_masked(*texts: str | None) -> None:
    for text in texts:
        for form in ECHOES:
            assert form not in (text or ""), text


@both
def test_item8_every_form_of_the_token_is_masked(
    kind: str, caplog: pytest.LogCaptureFixture, documented_example: dict[str, Any]
) -> None:
    caplog.set_level(logging.DEBUG)
    with scripted_server(echoing(500)) as (url, seen):
        error = failure(kind, url, token=SHORT, max_retries=1)
    assert len(seen) == 2 and isinstance(error, InternalServerError)
    assert error.request_id == "rid-***-***-***"
    assert error.server_message == "token *** / *** / *** refused"
    assert_masked(str(error), repr(error), error.request_id, error.server_message, caplog.text)

    with scripted_server(echoing(0, documented_example["data"])) as (url, _):
        result = call(kind, url, token=SHORT)
    assert result.request_id == "rid-***-***-***" and len(result) == 6
    assert_masked(result.request_id, result.message, json.dumps(result.raw), repr(result))


@both
def test_item8_a_json_escaped_echo_is_masked(kind: str, documented_example: dict[str, Any]) -> None:
    # PHP's json_encode writes "/" as "\/", many servers write non-ASCII as \uXXXX
    escaped = json.dumps(SHORT).replace("/", "\\/")[1:-1]
    for code in (0, 500):
        body = envelope(code, documented_example["data"] if code == 0 else None).replace(
            b'"req-42"', b'"rid-' + escaped.encode() + b'"'
        )
        assert SHORT.encode() not in body
        with scripted_server([Answer(200, body)]) as (url, _):
            outcome = call(kind, url, token=SHORT) if code == 0 else failure(kind, url, token=SHORT)
        assert outcome.request_id == "rid-***", outcome.request_id


@both
def test_item8_a_token_across_the_cut_of_a_shown_body_is_masked(kind: str) -> None:
    page = b"<html>" + b"x" * 64 + TOKEN.encode() + b"</html>"  # the token spans char 80
    with scripted_server([Answer(502, page, {"Content-Type": "text/html"})]) as (url, _):
        error = failure(kind, url, max_retries=0)
    assert isinstance(error, ProtocolError) and "x***" in str(error)
    assert TOKEN[:5] not in str(error) and TOKEN[:5] not in repr(error)


@both
def test_item8_a_one_character_token_is_masked_too(kind: str) -> None:
    # The rule: any length. Server text loses those letters; the package's own wording stays.
    answer = Answer(200, envelope(400, message="bad Q here", requestId="Q1"))
    with scripted_server([answer]) as (url, _):
        error = failure(kind, url, token="Q")
    assert error.server_message == "bad *** here" and error.request_id == "***1"  # type: ignore[attr-defined]
    assert str(error).startswith("code 400 (invalid parameters): bad *** here. Check oAuthorId")


def test_item8_token_masked_on_cli_stderr_and_in_the_store(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    ids = tmp_path / "ids.txt"
    ids.write_text("1002\n1001\n")  # one failure stored, then a stop

    def respond(seen: Seen) -> Answer:
        author = seen.query["oAuthorId"][0]
        return echoing(100 if author == "1001" else 500)(seen)  # a stop, a failure

    with scripted_server(respond) as (url, _):
        single = xingtu("rec-videos", "1002", "--base-url", url, "--max-retries", "0",
                        env={"JUSTONEAPI_TOKEN": SHORT})  # fmt: skip
        batch = xingtu("-v", "batch", str(ids), "--db", str(db), "--base-url", url,
                       "--max-retries", "0", "--max-concurrency", "1", "--fixed-concurrency",
                       env={"JUSTONEAPI_TOKEN": SHORT})  # fmt: skip
    assert "[request id rid-***-***-***]" in assert_one_line_error(single, 5)
    assert batch.returncode == 3, batch.stderr
    assert_masked(single.stderr, single.stdout, batch.stderr, batch.stdout)
    with contextlib.closing(sqlite3.connect(db)) as store:
        rows = store.execute("SELECT message, request_id, raw_json FROM fetches").fetchall()
    assert rows, "the batch stored nothing"
    for row in rows:
        assert_masked(*row)


# -- 9 ------------------------------------------------------------------------------------


@contextlib.contextmanager
def holding_server() -> Iterator[tuple[FaultServer, threading.Event]]:
    """A server that reads each request and answers nothing until the event is set."""
    release = threading.Event()

    def hold(conn: socket.socket, server: FaultServer) -> None:
        release.wait(5)

    with fault_server(hold) as server:
        try:
            yield server, release
        finally:
            release.set()


def bad_gzip(conn: socket.socket, server: FaultServer) -> None:
    body = b"this is not gzip at all"
    head = (
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    server.send(conn, head.encode() + body)


@both
def test_item9_no_exception_keeps_the_request(kind: str) -> None:
    caught: list[JustOneAPIError] = []
    caught.append(failure(kind, f"http://127.0.0.1:{closed_port()}", max_retries=1))
    with holding_server() as (server, _):
        caught.append(failure(kind, server.base_url, timeout=0.1, max_retries=0))
    with fault_server(bad_gzip) as server:
        caught.append(failure(kind, server.base_url, max_retries=0))
    page = Answer(502, b"<html>bad gateway " + TOKEN.encode() + b"</html>")
    with scripted_server([page]) as (url, _):
        caught.append(failure(kind, url, max_retries=0))
    kinds = [type(error) for error in caught]
    assert kinds == [TransportError, RequestTimeoutError, ProtocolError, ProtocolError]
    for error in caught:
        assert error.__context__ is None and error.__cause__ is None, repr(error.__context__)
        for linked in chain(error):
            assert not isinstance(linked, httpx.HTTPError | ValueError), repr(linked)
            assert TOKEN not in repr(linked) and TOKEN not in str(vars(linked))
        # nor through its traceback: no frame below the public method and the one call
        # pipeline it runs, no local holding the token, an httpx object or the raw body
        frames = traceback_frames(error)
        ours = [f for f in frames if f"{os.sep}justoneapi_xingtu{os.sep}" in f.f_code.co_filename]
        assert [f.f_code.co_name for f in ours] == ["author_rec_videos", "_request"]
        assert frames[-1].f_code.co_name == "_request"
        for frame in ours:
            for name, value in frame.f_locals.items():
                assert TOKEN not in repr(value), name
                assert "httpx" not in type(value).__module__, name


def traceback_frames(error: BaseException) -> list[Any]:
    frames, tb = [], error.__traceback__
    while tb is not None:
        frames.append(tb.tb_frame)
        tb = tb.tb_next
    return frames


# -- 10 -----------------------------------------------------------------------------------


@contextlib.contextmanager
def h2_server(body: bytes) -> Iterator[tuple[str, list[dict[bytes, bytes]]]]:
    """An HTTP/2 server (prior knowledge, cleartext) on loopback answering ``body``."""
    h2_config = pytest.importorskip("h2.config", reason="the test extra installs h2")
    from h2.connection import H2Connection
    from h2.events import RequestReceived

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(0.05)
    seen: list[dict[bytes, bytes]] = []
    stop = threading.Event()

    def serve(sock: socket.socket) -> None:
        with sock:
            conn = H2Connection(h2_config.H2Configuration(client_side=False))
            conn.initiate_connection()
            sock.sendall(conn.data_to_send())
            sock.settimeout(5)
            while not stop.is_set():
                try:
                    data = sock.recv(65536)
                except OSError:
                    return
                if not data:
                    return
                for event in conn.receive_data(data):
                    if isinstance(event, RequestReceived):
                        seen.append(dict(event.headers))  # type: ignore[arg-type]
                        conn.send_headers(
                            event.stream_id,
                            [(":status", "200"), ("content-type", "application/json"),
                             ("content-length", str(len(body)))],
                        )  # fmt: skip
                        conn.send_data(event.stream_id, body, end_stream=True)
                sock.sendall(conn.data_to_send())

    def accept() -> None:
        while not stop.is_set():
            try:
                sock, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=serve, args=(sock,), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}", seen
    finally:
        stop.set()
        thread.join(2)
        listener.close()


@both
def test_item10_http2_debug_logs_never_carry_the_token(
    kind: str, caplog: pytest.LogCaptureFixture, documented_example: dict[str, Any]
) -> None:
    caplog.set_level(logging.DEBUG)
    body = envelope(0, documented_example["data"], "success")
    with h2_server(body) as (url, seen):
        if kind == "sync":
            with (
                httpx.Client(http1=False, http2=True) as http,
                XingtuClient(TOKEN, base_url=url, http_client=http) as client,
            ):
                result = client.author_rec_videos(AUTHOR)
        else:

            async def main() -> Any:
                async with (
                    httpx.AsyncClient(http1=False, http2=True) as http,
                    AsyncXingtuClient(TOKEN, base_url=url, http_client=http) as client,
                ):
                    return await client.author_rec_videos(AUTHOR)

            result = anyio.run(main)
    assert len(result) == 6 and b"token=" + TOKEN.encode() in seen[0][b":path"]
    names = {record.name for record in caplog.records}
    assert {"hpack.hpack", "httpcore.http2"} <= names, names  # the HTTP/2 path was logged
    assert TOKEN not in caplog.text
    assert "token=***" in caplog.text


def test_item10_every_logger_of_the_http_stack_is_covered(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    client = XingtuClient(TOKEN, base_url="http://127.0.0.1:9")  # its token is known
    # children no filter was ever attached to, and one with its own handler that does not
    # propagate: the record is masked when it is made, whoever handles it
    isolated = logging.getLogger("hpack.someday")
    lines: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: lines.append(record.getMessage())  # type: ignore[method-assign]
    isolated.addHandler(handler)
    isolated.propagate = False
    try:
        isolated.debug("Adding %s=%s", b":path", f"/v1?token={TOKEN}&x=1".encode())
        isolated.debug("Encoded header block to %s", b"\x82\x86\x84A\x8a" + TOKEN.encode())
        logging.getLogger("httpcore.future_module").debug("echo %s", TOKEN)
        logging.getLogger("h2.connection").debug("stream %r", {"x": f"?token={TOKEN}"})
    finally:
        isolated.removeHandler(handler)
        isolated.propagate = True
    assert lines[0] == "Adding b':path'=b'/v1?token=***&x=1'"
    assert lines[1] == f"Encoded header block to <{5 + len(TOKEN)} bytes not shown>"
    assert TOKEN not in caplog.text and "echo ***" in caplog.text
    client.close()


# -- 11 -----------------------------------------------------------------------------------

SURROGATE_TOKEN = "tok\udcffen"  # what os.environ holds for a non-UTF-8 byte


@both
def test_item11_unencodable_token_is_refused_at_construction(
    kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    cls = XingtuClient if kind == "sync" else AsyncXingtuClient
    monkeypatch.setenv("JUSTONEAPI_TOKEN", SURROGATE_TOKEN)
    with pytest.raises(ValueError, match=r"^JUSTONEAPI_TOKEN: contains characters") as info:
        cls()
    with pytest.raises(ValueError, match=r"^token: contains characters") as argument:
        cls("ab\ud800cd")
    for error in (info.value, argument.value):
        assert error.__context__ is None  # the UnicodeEncodeError holds the whole token
        assert all("\udcff" not in repr(e) and "\ud800" not in repr(e) for e in chain(error))


@both
def test_item11_unencodable_author_id_fails_the_batch_up_front(kind: str) -> None:
    ids = ["1001", "10\udc80", "1003"]
    with scripted_server([Answer(200, envelope(0, {}))]) as (url, seen):
        with pytest.raises(ValueError, match=r"^author_ids\[1\]: o_author_id: .* cannot be sent"):
            if kind == "sync":
                with XingtuClient(TOKEN, base_url=url) as client:
                    list(client.author_rec_videos_many(ids))
            else:

                async def main() -> None:
                    async with AsyncXingtuClient(TOKEN, base_url=url) as client:
                        async for _ in client.author_rec_videos_many(ids):
                            pass

                anyio.run(main)
    assert seen == []  # refused before the first call


def test_item11_the_cli_refuses_both_in_one_line(tmp_path: Path) -> None:
    ids = tmp_path / "ids.txt"
    ids.write_bytes(b"1001\n10\xed\xb2\x80\n")  # a UTF-8-encoded lone surrogate
    with scripted_server([Answer(200, envelope(0, {}))]) as (url, seen):
        bad_ids = xingtu("batch", str(ids), "--db", str(tmp_path / "s.db"), "--base-url", url,
                         env={"JUSTONEAPI_TOKEN": TOKEN})  # fmt: skip
        ids.write_text("1001\n")
        bad_token = xingtu("batch", str(ids), "--db", str(tmp_path / "s.db"), "--base-url", url,
                           env={"JUSTONEAPI_TOKEN": SURROGATE_TOKEN})  # fmt: skip
    assert str(ids) in assert_one_line_error(bad_ids, 2)
    line = assert_one_line_error(bad_token, 2)
    assert "JUSTONEAPI_TOKEN: contains characters that cannot be sent" in line
    assert "tok" not in bad_token.stderr.replace("token", "")
    assert seen == []


# -- 12 -----------------------------------------------------------------------------------


def every_error_class() -> list[type[JustOneAPIError]]:
    found: list[type[JustOneAPIError]] = []
    todo: list[type[JustOneAPIError]] = [JustOneAPIError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo += cls.__subclasses__()
    return sorted(set(found), key=lambda c: c.__name__)


def an_instance(cls: type[JustOneAPIError]) -> JustOneAPIError:
    if issubclass(cls, errors.BusinessError):
        code = cls.code_value or 777
        return cls(code, "server said no", request_id="rid-9", http_status=429, retry_after=2.5)
    if issubclass(cls, ProtocolError):
        return cls("HTTP 502 is not JSON", http_status=502, retryable=True, retry_after=1.0)
    if cls is BatchStopped:
        cause = RateLimitError(302, "slow", request_id="rid-1", http_status=200)
        return BatchStopped(cause, completed=3, unfinished=("1001", "1002"))
    if cls in (ClientClosedError, WrongEventLoopError):
        return cls()
    # any other (TransportError, StoreError, ...): a string for each required argument
    required = [
        f"{p.name}-value"
        for p in inspect.signature(cls.__init__).parameters.values()
        if p.name != "self" and p.default is p.empty and p.kind is p.POSITIONAL_OR_KEYWORD
    ]
    return cls(*required)


def test_item12_every_error_pickles_with_its_attributes() -> None:
    # every public name first: that imports the lazy modules (the store's errors) too
    named = [getattr(justoneapi_xingtu, name) for name in justoneapi_xingtu.__all__]
    public = {value for value in named if isinstance(value, type)}
    classes = every_error_class()
    assert set(classes) <= public and len(classes) >= 18
    for cls in classes:
        error = an_instance(cls)
        error.attempts = 3
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            for copied in (pickle.loads(pickle.dumps(error, protocol)), copy.deepcopy(error)):
                assert type(copied) is cls
                assert (str(copied), repr(copied)) == (str(error), repr(error))
                assert copied.args == error.args
                assert set(vars(copied)) == set(vars(error))
                for name, value in vars(error).items():
                    if isinstance(value, BaseException):
                        assert repr(getattr(copied, name)) == repr(value)
                    else:
                        assert getattr(copied, name) == value, name
    stopped = pickle.loads(pickle.dumps(an_instance(BatchStopped)))
    assert isinstance(stopped, BatchStopped) and stopped.code == 302
    assert stopped.unfinished == ("1001", "1002") and stopped.cause.request_id == "rid-1"


# -- 13 -----------------------------------------------------------------------------------


def rate_limited(retry_after: str) -> Answer:
    headers = {"Content-Type": "application/json", "Retry-After": retry_after}
    return Answer(200, envelope(302), headers)


@both
@pytest.mark.parametrize("retry_after", ["86400", "a date two days ahead"])
def test_item13_a_long_retry_after_is_not_retried_now(
    kind: str, retry_after: str, no_sleep: list[float]
) -> None:
    if retry_after.startswith("a date"):
        retry_after = email.utils.formatdate(time.time() + 2 * 86400, usegmt=True)
    with scripted_server([rate_limited(retry_after)]) as (url, seen):
        error = failure(kind, url, max_retries=3)
    assert isinstance(error, RateLimitError) and error.retryable
    assert error.retry_after is not None and error.retry_after > 86000
    assert len(seen) == 1 and no_sleep == [] and error.attempts == 1


@both
@pytest.mark.parametrize("retry_after", ["0", "-5", "soon", "2"])
def test_item13_retry_after_at_or_below_zero_waits_the_backoff(
    kind: str, retry_after: str, no_sleep: list[float]
) -> None:
    with scripted_server([rate_limited(retry_after)]) as (url, seen):
        error = failure(kind, url, max_retries=2)
    assert isinstance(error, RateLimitError) and len(seen) == 3
    if retry_after == "2":
        assert no_sleep == [2.0, 2.0]  # honoured as given
    else:  # the normal backoff: 0.5 s then 1 s, minus up to 25 % jitter; never "at once"
        assert 0.375 <= no_sleep[0] <= 0.5 and 0.75 <= no_sleep[1] <= 1.0, no_sleep


# -- 14 -----------------------------------------------------------------------------------


def test_item14_a_closed_sync_client_says_so(no_sleep: list[float]) -> None:
    with scripted_server([Answer(200, envelope(0, {}))]) as (url, seen):
        client = XingtuClient(TOKEN, base_url=url)
        client.close()
        with pytest.raises(ClientClosedError, match="client was closed") as info:
            client.author_rec_videos(AUTHOR)
    assert isinstance(info.value, RuntimeError) and seen == []
    with holding_server() as (server, release):
        client = XingtuClient(TOKEN, base_url=server.base_url, max_retries=3)
        outcome: list[BaseException] = []

        def run() -> None:
            try:
                client.author_rec_videos(AUTHOR)
            except BaseException as error:
                outcome.append(error)

        worker = threading.Thread(target=run)
        worker.start()
        while server.requests == 0:
            time.sleep(0.01)
        client.close()
        release.set()  # a blocked sync read ends with the server (or the timeout)
        worker.join(5)
        assert server.requests == 1  # ended without a retry
    assert [type(e) for e in outcome] == [ClientClosedError] and no_sleep == []


def test_item14_a_closed_async_client_says_so(no_sleep: list[float]) -> None:
    async def closed_then_called(url: str) -> None:
        client = AsyncXingtuClient(TOKEN, base_url=url)
        await client.aclose()
        await client.author_rec_videos(AUTHOR)

    with scripted_server([Answer(200, envelope(0, {}))]) as (url, seen):
        with pytest.raises(ClientClosedError):
            anyio.run(closed_then_called, url)
    assert seen == []

    async def closed_in_flight(url: str) -> tuple[BaseException | None, float]:
        client = AsyncXingtuClient(TOKEN, base_url=url, max_retries=3)
        task = asyncio.ensure_future(client.author_rec_videos(AUTHOR))
        while server.requests == 0:
            await asyncio.sleep(0.01)
        started = time.monotonic()
        await client.aclose()
        with contextlib.suppress(BaseException):
            await task
        return task.exception(), time.monotonic() - started

    with holding_server() as (server, _):
        error, _ = asyncio.run(closed_in_flight(server.base_url))
        assert server.requests == 1
    assert isinstance(error, ClientClosedError) and no_sleep == []  # not retried


@both
def test_item14_a_call_waiting_to_retry_when_the_client_closes_sends_nothing_more(
    kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with scripted_server([Answer(200, envelope(500))]) as (url, seen):
        if kind == "sync":
            client = XingtuClient(TOKEN, base_url=url, max_retries=3)
            monkeypatch.setattr(_retry, "sleep", lambda delay: client.close())
            with pytest.raises(ClientClosedError):
                client.author_rec_videos(AUTHOR)
        else:
            aclient = AsyncXingtuClient(TOKEN, base_url=url, max_retries=3)

            async def close_while_waiting(delay: float) -> None:
                await aclient.aclose()

            monkeypatch.setattr(_retry, "async_sleep", close_while_waiting)
            with pytest.raises(ClientClosedError):
                anyio.run(aclient.author_rec_videos, AUTHOR)
    assert len(seen) == 1


def test_item14_an_async_client_in_a_second_event_loop_says_so() -> None:
    with scripted_server([Answer(200, envelope(0, {}))]) as (url, seen):
        client = AsyncXingtuClient(TOKEN, base_url=url)
        copy_of = client.with_options(max_retries=0)
        assert len(asyncio.run(client.author_rec_videos(AUTHOR))) == 0
        with pytest.raises(WrongEventLoopError, match="one client per event loop"):
            asyncio.run(client.author_rec_videos(AUTHOR))
        with pytest.raises(WrongEventLoopError):
            asyncio.run(copy_of.author_rec_videos(AUTHOR))  # copies share the pool
        with pytest.raises(WrongEventLoopError):
            asyncio.run(client.aclose())
    assert len(seen) == 1


@both
def test_item14_a_batch_on_a_closed_client_stops_with_every_id(kind: str) -> None:
    ids = ["1001", "1002"]
    with scripted_server([Answer(200, envelope(0, {}))]) as (url, seen):
        with pytest.raises(BatchStopped) as info:
            if kind == "sync":
                client = XingtuClient(TOKEN, base_url=url)
                client.close()
                list(client.author_rec_videos_many(ids))
            else:

                async def main() -> None:
                    client = AsyncXingtuClient(TOKEN, base_url=url)
                    await client.aclose()
                    async for _ in client.author_rec_videos_many(ids):
                        pass

                anyio.run(main)
    assert isinstance(info.value.cause, ClientClosedError)
    assert sorted(info.value.unfinished) == ids and seen == []


# -- 15 -----------------------------------------------------------------------------------

BAD_URLS = [
    "http://h\x7f.evil",
    "http://a..b",
    "http://.a.b",
    "http://h.com:99999",
    "http://h.com:0",
    "http://h.com:abc",
    "http://[::1",
    "http://h.com\\x",
    "http://" + "a" * 64 + ".com",
    "http://h\x00.com",
    "ftp://h.com",
    "http://:80",
]


@pytest.mark.parametrize("url", BAD_URLS)
def test_item15_an_unusable_base_url_is_refused_at_construction(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ValueError, match=r"^base_url: ") as argument:
        XingtuClient(TOKEN, base_url=url)
    with pytest.raises(ValueError, match=r"^base_url: "):
        AsyncXingtuClient(TOKEN, base_url=url)
    refused = [argument.value]
    if "\x00" not in url:  # the one an environment variable cannot hold
        monkeypatch.setenv("JUSTONEAPI_BASE_URL", url)
        with pytest.raises(ValueError, match=r"^JUSTONEAPI_BASE_URL: ") as variable:
            XingtuClient(TOKEN)
        refused.append(variable.value)
    for error in refused:
        assert "\n" not in str(error) and not isinstance(error, httpx.InvalidURL)
        assert type(error) is ValueError


def test_item15_good_base_urls_still_work_and_passwords_stay_out_of_the_refusal() -> None:
    for url in (
        "http://127.0.0.1:8080",
        "http://[::1]:8080",
        "https://bücher.example/api-proxy/",
        "http://my_service.internal:8000",
        "https://api.justoneapi.com.",
    ):
        assert XingtuClient(TOKEN, base_url=url).base_url == url.rstrip("/")
    with pytest.raises(ValueError) as info:
        XingtuClient(TOKEN, base_url="http://user:pw-Secret-5150@a..b")
    assert "pw-Secret-5150" not in str(info.value)
    proc = xingtu(
        "rec-videos", AUTHOR, "--base-url", "http://a..b", env={"JUSTONEAPI_TOKEN": TOKEN}
    )
    assert "--base-url" in assert_one_line_error(proc, 2) or "base_url" in proc.stderr
