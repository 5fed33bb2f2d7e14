"""VCR cassettes: how they are recorded, replayed, read and checked against the spec.

Shared by ``tests/cassettes/record.py`` (which writes them) and ``tests/test_cassettes.py``
(which replays and validates them), so both use one vcrpy configuration: the token is
replaced by :data:`FILTERED` in the query string, in any credential-like header, and
(when the recorder knows it) anywhere else in the interaction, before anything is written.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import vcr
import yaml
from _contract import ROOT, SpecContract

CASSETTES = ROOT / "tests" / "cassettes"
FILTERED = "FILTERED"
#: The author id and platform every mock cassette was recorded for (replay must match them).
AUTHOR = "7012345678901234567"
PLATFORM = "SHORT_VIDEO"
#: Headers that could carry a credential; they are filtered whether or not they appear.
SECRET_HEADERS = (
    "authorization",
    "proxy-authorization",
    "cookie",
    "set-cookie",
    "x-api-key",
    "x-token",
    "token",
)
#: The documented business codes, each with its own cassette.
DOCUMENTED_CODES = (100, 301, 302, 303, 400, 500, 600, 601)
#: The cassette holding one success of every operation but the typed one (the mock's).
FAMILY = "operations-mock.yaml"
TOKEN_IN_QUERY = re.compile(r"token=([^&\s'\"]*)", re.IGNORECASE)


def make_vcr(*, record_mode: str = "none", secrets: Iterable[str] = ()) -> vcr.VCR:
    """The one vcrpy configuration. Replay (``none``) never touches the network.

    Requests match on method, path and query (token filtered), not host or port: the
    mock recordings came from OS-chosen loopback ports, and replays may use any base URL.
    """
    hidden = [(FILTERED, secret) for secret in secrets if secret]
    return vcr.VCR(
        cassette_library_dir=str(CASSETTES),
        record_mode=record_mode,
        match_on=("method", "path", "query"),
        filter_query_parameters=[("token", FILTERED)],
        filter_headers=[(name, FILTERED) for name in SECRET_HEADERS],
        filter_sensitive_data=hidden,
        decode_compressed_response=True,
        record_on_exception=False,
    )


@dataclass(frozen=True)
class Interaction:
    """One recorded request and its answer, decoded."""

    cassette: str
    index: int
    method: str
    uri: str
    request_headers: dict[str, list[str]]
    status: int
    response_headers: dict[str, list[str]]
    body_text: str

    @property
    def where(self) -> str:
        return f"{self.cassette} interaction {self.index}"

    @property
    def path(self) -> str:
        """The path the request went to (which operation answered)."""
        return urlsplit(self.uri).path

    @property
    def query(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(urlsplit(self.uri).query).items()}

    def json(self) -> Any:
        """The answer body as JSON (the YAML holds it as a string, folded across lines)."""
        return json.loads(self.body_text)


def read_cassette(path: Path) -> list[Interaction]:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    interactions = []
    for index, item in enumerate(document["interactions"]):
        request, response = item["request"], item["response"]
        body = response["body"]["string"]
        interactions.append(
            Interaction(
                cassette=path.name,
                index=index,
                method=request["method"],
                uri=request["uri"],
                request_headers=request.get("headers") or {},
                status=response["status"]["code"],
                response_headers=response.get("headers") or {},
                body_text=body.decode("utf-8") if isinstance(body, bytes) else body,
            )
        )
    return interactions


def cassette_paths(directory: Path = CASSETTES) -> list[Path]:
    return sorted(directory.glob("*.yaml"))


def validation_problems(path: Path, contract: SpecContract) -> list[str]:
    """Every disagreement between a cassette's answers and the spec, one line each, each
    answer held to the envelope of the operation it came from.

    A line names the cassette, the field path, the expected type and the value seen.
    """
    problems = []
    for interaction in read_cassette(path):
        if interaction.path not in contract.paths:
            problems.append(
                f"{interaction.where}: GET {interaction.path} is no operation of the spec any "
                "more (make record-mock)"
            )
            continue
        try:
            body = interaction.json()
        except ValueError:
            problems.append(f"{interaction.where}: the answer is not JSON")
            continue
        mismatches = contract.answer_mismatches(body, interaction.path)
        problems += [f"{interaction.where}: {m}" for m in mismatches]
    return problems
