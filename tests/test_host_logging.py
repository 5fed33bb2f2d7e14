"""What the package does to its host's logging (issue 16).

Importing it does nothing: no record factory, filter, handler or logger. The first client
(or ``install_log_masking()``) puts one record factory in front of whatever factory is
set; it masks the records of the package and of the HTTP stack only, once each, and
stays in front of a factory the host sets later and through ``dictConfig``.

Each test runs in a fresh interpreter: the record factory is process-wide.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from conftest import TOKEN

# Every module of the package a user may import (private ones come with them).
PUBLIC_MODULES = [
    "justoneapi_xingtu",
    "justoneapi_xingtu.batch",
    "justoneapi_xingtu.cli",
    "justoneapi_xingtu.client",
    "justoneapi_xingtu.errors",
    "justoneapi_xingtu.io",
    "justoneapi_xingtu.io.export",
    "justoneapi_xingtu.io.rows",
    "justoneapi_xingtu.io.store",
    "justoneapi_xingtu.models",
    "justoneapi_xingtu.testing",
]

# A host's own code: a logger of its own, and a record factory that tags its records.
PRELUDE = f"""
import json, logging, sys
TOKEN = {TOKEN!r}
lines = []

class Collect(logging.Handler):
    def emit(self, record):
        lines.append((record.name, record.getMessage(), getattr(record, "host", None)))

def host_factory(previous):
    def make(*args, **kwargs):
        record = previous(*args, **kwargs)
        record.host = "tagged"
        return record
    return make
"""


def run(body: str) -> object:
    """Run ``PRELUDE`` + ``body`` in a fresh interpreter; what it prints, as JSON."""
    code = PRELUDE + textwrap.dedent(body)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_importing_the_package_changes_nothing_of_the_hosts_logging() -> None:
    # The dependencies are imported first: the loggers httpx or asyncio make at their own
    # import are theirs. Then every public module of the package, and its lazy names.
    modules = run(
        f"""
        for name in {PUBLIC_MODULES!r}:
            __import__(name)
        print(json.dumps(sorted(n for n in sys.modules if not n.startswith("justoneapi"))))
        """
    )
    after = run(
        f"""
        import importlib
        for name in {modules!r}:
            try:
                importlib.import_module(name)
            except Exception:
                pass
        logging.basicConfig(level=logging.DEBUG, handlers=[Collect()])
        logging.setLogRecordFactory(host_factory(logging.getLogRecordFactory()))

        def state():
            loggers = dict(logging.Logger.manager.loggerDict, root=logging.getLogger())
            return {{
                "factory": id(logging.getLogRecordFactory()),
                "loggers": {{
                    name: [
                        [id(f) for f in getattr(logger, "filters", [])],
                        [id(h) for h in getattr(logger, "handlers", [])],
                        getattr(logger, "disabled", None),
                        getattr(logger, "level", None),
                    ]
                    for name, logger in loggers.items()
                }},
            }}

        before = state()
        import justoneapi_xingtu
        for name in {PUBLIC_MODULES!r}:
            importlib.import_module(name)
        for name in justoneapi_xingtu.__all__:
            getattr(justoneapi_xingtu, name)
        logging.getLogger("httpx").info("GET /v1?token=%s", TOKEN)
        print(json.dumps([before == state(), lines]))
        """
    )
    assert after == [True, [["httpx", f"GET /v1?token={TOKEN}", "tagged"]]]


FOREIGN = f"next: ?page_token=p1&access_token=abc&token={TOKEN}"


def test_the_first_client_masks_the_http_stack_and_leaves_other_loggers_alone() -> None:
    lines = run(
        """
        logging.basicConfig(level=logging.DEBUG, handlers=[Collect()])
        from justoneapi_xingtu import XingtuClient
        from justoneapi_xingtu.testing import MockServer

        foreign = logging.getLogger("myapp.pager")
        foreign.info("next: ?page_token=p1&access_token=abc&token=%s", TOKEN)
        logging.getLogger("httpx").info("before any client: token=%s", TOKEN)
        with MockServer(tokens={TOKEN}) as server:
            with XingtuClient(TOKEN, base_url=server.base_url) as client:
                client.author_rec_videos("7012345678901234567")
                foreign.info("next: ?page_token=p1&access_token=abc&token=%s", TOKEN)
                logging.getLogger("aiohttp.client").warning("echo %s", TOKEN)
        print(json.dumps([line[:2] for line in lines]))
        """
    )
    assert isinstance(lines, list)
    stack = [message for name, message in lines if name.split(".")[0] != "myapp"]
    # nothing is rewritten before a client exists; then every record of the stack is
    assert stack[0] == f"before any client: token={TOKEN}"
    assert not any(TOKEN in message for message in stack[1:])
    assert any(m.startswith("HTTP Request: GET ") and "token=***" in m for m in stack)
    assert "echo ***" in stack  # aiohttp's loggers too
    assert [m for name, m in lines if name == "myapp.pager"] == [FOREIGN, FOREIGN]


def test_a_factory_set_before_the_client_is_chained_and_records_are_scrubbed_once() -> None:
    result = run(
        """
        logging.basicConfig(level=logging.INFO, handlers=[Collect()])
        logging.setLogRecordFactory(host_factory(logging.getLogRecordFactory()))
        from justoneapi_xingtu import XingtuClient, _redact
        scrubbed = []
        scrub = _redact.scrub_record
        _redact.scrub_record = lambda record: (scrubbed.append(record.name), scrub(record))
        client = XingtuClient(TOKEN, base_url="http://127.0.0.1:9")
        logging.getLogger("httpx").info("GET /v1?token=%s", TOKEN)
        logging.getLogger("myapp").info("token=%s", TOKEN)
        print(json.dumps([lines, scrubbed]))
        """
    )
    assert result == [
        [["httpx", "GET /v1?token=***", "tagged"], ["myapp", f"token={TOKEN}", "tagged"]],
        ["httpx"],
    ]


def test_a_factory_set_after_the_client_still_masks_and_is_still_called() -> None:
    # A chaining factory (the logging HOWTO's idiom) keeps ours behind it: masked at once.
    # One that does not chain (a LogRecord class) is wrapped at the client's next call.
    result = run(
        """
        logging.basicConfig(level=logging.INFO, handlers=[Collect()])
        from justoneapi_xingtu import XingtuClient, _redact
        from justoneapi_xingtu.testing import MockServer
        scrubbed = []
        scrub = _redact.scrub_record
        _redact.scrub_record = lambda record: (scrubbed.append(record.name), scrub(record))
        httpx_log = logging.getLogger("httpx")
        with MockServer(tokens={TOKEN}) as server:
            client = XingtuClient(TOKEN, base_url=server.base_url)
            logging.setLogRecordFactory(host_factory(logging.getLogRecordFactory()))
            httpx_log.info("chained: token=%s", TOKEN)
            client.author_rec_videos("7012345678901234567")  # ours again in front of it

            class HostRecord(logging.LogRecord):
                host = "own class"

            logging.setLogRecordFactory(HostRecord)
            client.author_rec_videos("7012345678901234567")
            httpx_log.info("own class: token=%s", TOKEN)
            client.close()
        print(json.dumps([lines, scrubbed]))
        """
    )
    assert isinstance(result, list)
    lines, scrubbed = result
    assert lines[0] == ["httpx", "chained: token=***", "tagged"]
    for (name, message, host), expected in zip(lines[1:3], ["tagged", "own class"], strict=True):
        # httpx's own line for each call, made through the host's factory
        assert name == "httpx" and "token=***" in message and TOKEN not in message
        assert host == expected
    assert lines[3] == ["httpx", "own class: token=***", "own class"]
    assert scrubbed == ["httpx"] * 4  # one scrub per record, however long the chain


def test_dict_config_after_a_client_keeps_masking_and_disables_nothing_of_ours() -> None:
    result = run(
        """
        import logging.config
        from justoneapi_xingtu import XingtuClient
        from justoneapi_xingtu.testing import MockServer
        with MockServer(tokens={TOKEN}) as server:
            client = XingtuClient(TOKEN, base_url=server.base_url)
            existing = set(logging.Logger.manager.loggerDict)
            logging.config.dictConfig({
                "version": 1,
                "handlers": {"collect": {"()": Collect}},
                "root": {"level": "DEBUG", "handlers": ["collect"]},
                "loggers": {"httpx": {}, "httpcore": {}},  # the HTTP lines wanted
            })
            client.author_rec_videos("7012345678901234567")
            client.close()
        disabled = sorted(
            name for name, logger in logging.Logger.manager.loggerDict.items()
            if getattr(logger, "disabled", False)
        )
        print(json.dumps([[line[:2] for line in lines], disabled]))
        """
    )
    assert isinstance(result, list)
    lines, disabled = result
    assert any(name == "httpx" and "token=***" in message for name, message in lines)
    assert any(name == "httpcore.http11" for name, _ in lines)
    assert not any(TOKEN in message for _, message in lines)
    # dictConfig disables the loggers that existed: the dependencies' own, never one the
    # package made (it makes its own only when it writes a line, none for the HTTP stack)
    assert "justoneapi_xingtu" not in disabled
    assert "httpcore.socks" not in disabled and "h2" not in disabled


def test_install_log_masking_is_public_and_idempotent() -> None:
    result = run(
        """
        import justoneapi_xingtu
        logging.basicConfig(level=logging.INFO, handlers=[Collect()])
        logging.getLogger("httpx").info("token=%s", TOKEN)
        justoneapi_xingtu.install_log_masking()
        factory = logging.getLogRecordFactory()
        justoneapi_xingtu.install_log_masking()
        logging.getLogger("httpx").info("token=%s", TOKEN)
        print(json.dumps([[line[1] for line in lines], logging.getLogRecordFactory() is factory]))
        """
    )
    assert result == [[f"token={TOKEN}", "token=***"], True]
