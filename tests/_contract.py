"""The contract between ``openapi/xingtu.json`` and whatever answers for its operations.

Shared by the schemathesis tests, the cassette tests, the cassette recorder and
``make contract-live``, so that all of them judge an answer by the same rules:

* :class:`SpecContract` validates a decoded answer against its operation's envelope
  (``Result``; ``AuthorRecVideosResult`` for the recommended videos; JSON Schema 2020-12,
  ``$ref``\\ s resolved into the spec) and reports each disagreement as a
  :class:`Mismatch`: field path, expected type, value seen. It also says whether a
  request, as it went over the wire, violates the spec. Every operation by its path;
  :data:`ENDPOINT` (the typed one) when none is named.
* Two schemathesis checks built on it (registered with ``@schemathesis.check``):
  :func:`envelope_is_well_formed` and :func:`bad_request_answered_with_code`, plus
  :func:`valid_request_succeeds` and :func:`mock_answers_every_field` for the mock only.
* :func:`run_suite` drives schemathesis-generated cases with Hypothesis outside pytest
  and collects every failure instead of stopping at the first: the live harness
  and the mutation proofs use it.

The contract where the published spec is silent is written down in
``openapi/README.md`` ("The contract, where the published spec is silent").
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import hypothesis
import requests
import schemathesis
from _drift import spec_part
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from justoneapi_xingtu import Operation
from justoneapi_xingtu.testing import ENDPOINT_PATH

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "openapi" / "tools"))
from spec_module import data_schema  # noqa: E402 - the tools are no package

SPEC_PATH = ROOT / "openapi" / "xingtu.json"
ENDPOINT = ENDPOINT_PATH  # the typed operation: the spec's path, through the table
_SPEC_URI = "urn:justoneapi-xingtu:openapi"

#: Codes a request that violates the spec may be answered with (see openapi/README.md).
BAD_REQUEST_CODES = frozenset({400, 100})


# -- answers against the spec -------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Mismatch:
    """One disagreement between an answer and the spec."""

    path: str
    """Where, e.g. ``data.masterpiece_videos[0].play`` (``(answer)`` for the whole body)."""
    expected: str
    """What the spec says, e.g. ``integer`` or ``one of 0, 100, ...``."""
    seen: str
    """What came, shortened, e.g. ``'8543418' (string)`` or ``missing``."""

    def __str__(self) -> str:
        return f"{self.path}: expected {self.expected}, seen {self.seen}"

    def as_dict(self) -> dict[str, str]:
        return {"path": self.path, "expected": self.expected, "seen": self.seen}


_JSON_TYPE = {
    dict: "object",
    list: "array",
    str: "string",
    bool: "boolean",
    int: "integer",
    float: "number",
    type(None): "null",
}


def show(value: object, limit: int = 60) -> str:
    """A short rendering of a JSON value and its JSON type."""
    text = json.dumps(value, ensure_ascii=False)
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return f"{text} ({_JSON_TYPE.get(type(value), type(value).__name__)})"


def _path(parts: Iterable[str | int]) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(answer)"


def _declared(schema: Mapping[str, Any]) -> str:
    """The type a (sub)schema declares, in words."""
    if "enum" in schema:
        return "one of " + ", ".join(json.dumps(v) for v in schema["enum"])
    if "type" in schema:
        kind = schema["type"]
        return " or ".join(kind) if isinstance(kind, list) else str(kind)
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1] + " object"
    if "anyOf" in schema:
        return " or ".join(_declared(s) for s in schema["anyOf"])
    return "a value"


def _leaves(error: ValidationError) -> list[ValidationError]:
    """The errors that explain ``error``: for anyOf/oneOf, the branch the answer came closest to."""
    if not error.context:
        return [error]
    branches: dict[object, list[ValidationError]] = {}
    for sub in error.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    # A branch that failed deeper, or failed on more than the value's type, came closer.
    closeness = {
        key: max((len(e.absolute_path), e.validator != "type") for e in errs)
        for key, errs in branches.items()
    }
    best = max(closeness.values())
    chosen = [errs for key, errs in branches.items() if closeness[key] == best]
    if len(chosen) == 1:
        return [leaf for sub in chosen[0] for leaf in _leaves(sub)]
    return [error]  # no branch got further than another: report the alternatives together


def _mismatch(error: ValidationError) -> Mismatch:
    where = list(error.absolute_path)
    kind = error.validator
    if kind == "required":
        missing = next(
            (
                name
                for name in error.validator_value
                if name not in error.instance and error.message.startswith(repr(name))
            ),
            "?",
        )
        declared = error.schema.get("properties", {}).get(missing, {})
        return Mismatch(_path([*where, missing]), _declared(declared), "missing")
    if kind == "type":
        value = error.validator_value
        expected = " or ".join(value) if isinstance(value, list) else str(value)
    elif kind == "enum":
        expected = "one of " + ", ".join(json.dumps(v) for v in error.validator_value)
    elif kind == "const":
        expected = json.dumps(error.validator_value)
    elif kind in ("anyOf", "oneOf"):
        expected = " or ".join(_declared(s) for s in error.validator_value)
    else:
        expected = f"{kind}: {error.message[:80]}"
    return Mismatch(_path(where), expected, show(error.instance))


class SpecContract:
    """What ``openapi/xingtu.json`` (or any version of it) says about requests and answers,
    for each of its operations (by path; :data:`ENDPOINT`, the typed one, by default)."""

    def __init__(self, spec: Mapping[str, Any], *, source: str = "openapi/xingtu.json") -> None:
        # What the contract is built on, each named when the spec no longer has it.
        spec_part(spec, "paths", ENDPOINT, "get", source=source)
        for name in ("Result", "AuthorRecVideosData"):
            spec_part(spec, "components", "schemas", name, source=source)
        self._spec = spec
        self._schemas: Mapping[str, Any] = spec["components"]["schemas"]
        resource = Resource.from_contents(dict(spec), default_specification=DRAFT202012)
        self._registry: Registry[Any] = Registry().with_resource(_SPEC_URI, resource)
        self._operations: dict[str, _Operation] = {}

    @classmethod
    def from_path(cls, path: Path = SPEC_PATH) -> SpecContract:
        return cls(json.loads(path.read_text(encoding="utf-8")), source=str(path))

    @property
    def paths(self) -> list[str]:
        """The path of every GET operation the spec describes."""
        return [p for p, item in self._spec["paths"].items() if "get" in item]

    def _validator(self, pointer: str) -> Draft202012Validator:
        return Draft202012Validator({"$ref": f"{_SPEC_URI}#{pointer}"}, registry=self._registry)

    def _operation(self, path: str) -> _Operation:
        """What the contract needs of the GET operation at ``path`` (built once)."""
        found = self._operations.get(path)
        if found is None:
            operation = self._spec["paths"][path]["get"]
            pointer = "/paths/" + path.replace("~", "~0").replace("/", "~1") + "/get/responses/200"
            answer = operation["responses"]["200"]
            if "$ref" in answer:  # a response component: its content is there
                pointer = str(answer["$ref"])[1:]
            envelope = self._validator(pointer + "/content/application~1json/schema")
            typed = data_schema(self._spec, operation)
            found = _Operation(
                envelope=envelope,
                envelope_schema=_resolve_pointer(self._spec, pointer)["content"][
                    "application/json"
                ]["schema"],
                data=None if typed is None else self._validator(f"/components/schemas/{typed}"),
                parameters={
                    p["name"]: p
                    for p in map(self._parameter, operation.get("parameters", []))
                    if p.get("in") == "query"
                },
            )
            self._operations[path] = found
        return found

    def _parameter(self, parameter: Mapping[str, Any]) -> Mapping[str, Any]:
        while "$ref" in parameter:
            parameter = _resolve_pointer(self._spec, str(parameter["$ref"])[1:])
        return parameter

    def parameter_names(self, path: str = ENDPOINT) -> list[str]:
        """The query parameters of the operation at ``path``, in the spec's order."""
        return list(self._operation(path).parameters)

    def answer_mismatches(self, body: object, path: str = ENDPOINT) -> list[Mismatch]:
        """Every way a decoded answer of the operation at ``path`` disagrees with its
        envelope (the schema of its 200 answer: ``Result``, or for the recommended videos
        ``AuthorRecVideosResult``); empty when it agrees.

        Independently of the spec's own ``if``/``then``, an answer with ``code`` 0 of an
        operation whose envelope types ``data`` must carry ``data`` of that schema.
        """
        operation = self._operation(path)
        errors = list(operation.envelope.iter_errors(body))
        if operation.data is not None and isinstance(body, dict) and body.get("code") == 0:
            for error in operation.data.iter_errors(body.get("data")):
                error.path.appendleft("data")
                errors.append(error)
        found = {_mismatch(leaf) for error in errors for leaf in _leaves(error)}
        return sorted(found)

    def absent_fields(self, body: object, path: str = ENDPOINT) -> list[str]:
        """Every field the spec describes, optional ones included, that the answer lacks.

        Not a disagreement with the spec (an optional field may be left out): a stand-in
        for the API, the mock, must answer with every field, or the client is never tested
        against the ones it leaves out. Objects are walked where the answer has them:
        ``data`` when it is an object, each video of each list.
        """
        absent: list[str] = []
        self._walk(self._operation(path).envelope_schema, body, [], absent)
        return sorted(set(absent))

    def _resolve(self, schema: Mapping[str, Any]) -> Mapping[str, Any]:
        while "$ref" in schema:
            schema = self._schemas[str(schema["$ref"]).rsplit("/", 1)[-1]]
        return schema

    def _walk(
        self, schema: Mapping[str, Any], value: object, where: list[str | int], out: list[str]
    ) -> None:
        schema = self._resolve(schema)
        for member in schema.get("allOf", ()):  # an envelope made of Result and typed data
            self._walk(member, value, where, out)
        if "anyOf" in schema:  # the branch of the value's JSON type (data: object or null)
            seen = _JSON_TYPE.get(type(value))
            for branch in map(self._resolve, schema["anyOf"]):
                kinds = branch.get("type")
                if seen in (kinds if isinstance(kinds, list) else [kinds]):
                    self._walk(branch, value, where, out)
                    return
            return
        if isinstance(value, dict):
            for name, sub in schema.get("properties", {}).items():
                if name not in value:
                    out.append(_path([*where, name]))
                else:
                    self._walk(sub, value[name], [*where, name], out)
        elif isinstance(value, list) and "items" in schema:
            for index, item in enumerate(value):
                self._walk(schema["items"], item, [*where, index], out)

    def request_violations(
        self, method: str, query: Mapping[str, Sequence[str]], path: str = ENDPOINT
    ) -> list[str]:
        """How a request to the operation at ``path``, as sent, breaks the spec (or the
        contract's reading of it).

        Values are checked as the strings that went over the wire; a parameter sent
        more than once is judged by its first value, as the mock reads it. A required
        parameter that is missing or empty is a violation (openapi/README.md), and so is
        a value outside a parameter's enum. Token values are never shown. Other values
        (an integer parameter sent as text, say) are not judged: what they mean is the
        API's business, not the contract's (the mock ignores them).
        """
        problems: list[str] = []
        if method.upper() != "GET":
            problems.append(f"method {method.upper()} (the spec has only GET)")
        for name, parameter in self._operation(path).parameters.items():
            values = list(query.get(name, []))
            required = bool(parameter.get("required"))
            if required and not values:
                problems.append(f"required parameter {name} is missing")
            schema = parameter.get("schema", {})
            judged = name == "token" or "enum" in schema
            for value in values[:1]:  # a repeated parameter counts by its first value
                if required and value == "":
                    problems.append(f"required parameter {name} is empty")
                elif judged and not Draft202012Validator(schema).is_valid(value):
                    shown = "(hidden)" if name == "token" else repr(value[:40])
                    problems.append(f"{name}={shown} is not {_declared(schema)}")
        return problems


@dataclass(frozen=True)
class _Operation:
    envelope: Draft202012Validator
    envelope_schema: Mapping[str, Any]
    data: Draft202012Validator | None
    parameters: Mapping[str, Mapping[str, Any]]


def _resolve_pointer(spec: Mapping[str, Any], pointer: str) -> Any:
    node: Any = spec
    for token in pointer.strip("/").split("/"):
        node = node[token.replace("~1", "/").replace("~0", "~")]
    return node


def sample_arguments(operation: Operation) -> dict[str, object]:
    """Keyword arguments the client accepts for ``operation``: each required parameter
    with a plain valid value (the first enum value, an id of digits, 1, a date)."""
    values: dict[str, object] = {}
    for param in operation.params:
        if not param.required:
            continue
        if param.enum:
            values[param.name] = param.enum[0]
        elif param.kind in ("int", "float"):
            values[param.name] = 1
        elif param.kind == "bool":
            values[param.name] = True
        elif param.wire.endswith("Date"):
            values[param.name] = "2026-08-01"
        else:
            values[param.name] = "7012345678901234567" if param.is_id else "beauty"
    return values


@cache
def _contract_for(spec_json: str) -> SpecContract:
    # The schemathesis suite can be pointed at another document (the mutation proofs do).
    source = os.environ.get("XINGTU_CONTRACT_SPEC") or "openapi/xingtu.json"
    return SpecContract(json.loads(spec_json), source=source)


def contract_for(schema: schemathesis.BaseSchema) -> SpecContract:
    """The :class:`SpecContract` of the document a schemathesis schema was loaded from."""
    return _contract_for(json.dumps(schema.raw_schema, sort_keys=True))


def wire_request(response: schemathesis.Response) -> tuple[str, dict[str, list[str]]]:
    """Method and query of the request exactly as it was sent."""
    request = response.request
    query = parse_qs(urlsplit(str(request.url)).query, keep_blank_values=True)
    return str(request.method), query


def decode(response: schemathesis.Response) -> object:
    try:
        return json.loads(response.content)
    except ValueError:
        shown = response.content[:80].decode("utf-8", "replace")
        raise AssertionError(
            f"HTTP {response.status_code}: the answer is not JSON, so not the envelope: {shown!r}"
        ) from None


# -- schemathesis checks ------------------------------------------------------------------


@schemathesis.check
def envelope_is_well_formed(
    ctx: schemathesis.CheckContext, response: schemathesis.Response, case: schemathesis.Case
) -> None:
    """Every answer is the spec's ``Result`` envelope, and code 0 always comes with typed data."""
    contract = contract_for(case.operation.schema)
    mismatches = contract.answer_mismatches(decode(response), case.operation.path)
    if mismatches:
        lines = "\n".join(f"  - {m}" for m in mismatches[:10])
        more = f"\n  ... and {len(mismatches) - 10} more" if len(mismatches) > 10 else ""
        raise AssertionError(
            f"HTTP {response.status_code}: the answer disagrees with the spec's Result:\n"
            f"{lines}{more}"
        )


@schemathesis.check
def bad_request_answered_with_code(
    ctx: schemathesis.CheckContext, response: schemathesis.Response, case: schemathesis.Case
) -> None:
    """A request that violates the spec is answered with code 400 or 100, whatever the HTTP status.

    This replaces schemathesis' ``negative_data_rejection`` (which wants an HTTP 4xx):
    the API judges by ``code``. The request is judged as it went over the wire, so a
    "negative" case whose mutation serialised into valid data is not held to it.
    """
    method, query = wire_request(response)
    contract = contract_for(case.operation.schema)
    violations = contract.request_violations(method, query, case.operation.path)
    if not violations:
        return
    body = decode(response)
    code = body.get("code") if isinstance(body, dict) else None
    if code not in BAD_REQUEST_CODES:
        shown = masked_request(response, contract.parameter_names(case.operation.path))
        raise AssertionError(
            f"the request {shown} violates the spec ({'; '.join(violations)}) "
            "but was answered with "
            f"code {code!r} (HTTP {response.status_code}); the contract says code 400 "
            "(or 100 when the token is the problem)"
        )


@schemathesis.check
def valid_request_succeeds(
    ctx: schemathesis.CheckContext, response: schemathesis.Response, case: schemathesis.Case
) -> None:
    """For the mock, which knows the token: a request the spec allows gets code 0."""
    method, query = wire_request(response)
    contract = contract_for(case.operation.schema)
    if contract.request_violations(method, query, case.operation.path):
        return
    body = decode(response)
    code = body.get("code") if isinstance(body, dict) else None
    if code != 0:
        shown = masked_request(response, contract.parameter_names(case.operation.path))
        raise AssertionError(
            f"a request the spec allows ({shown}) was answered with "
            f"code {code!r} (HTTP {response.status_code}), not 0"
        )


@schemathesis.check
def mock_answers_every_field(
    ctx: schemathesis.CheckContext, response: schemathesis.Response, case: schemathesis.Case
) -> None:
    """For the mock: every field the spec describes is in the answer, optional ones included.

    The real API may leave out an optional field (``requestId``); the mock may not, or the
    client is never tested against it.
    """
    body = decode(response)
    absent = contract_for(case.operation.schema).absent_fields(body, case.operation.path)
    if absent:
        raise AssertionError(
            f"HTTP {response.status_code}: the mock's answer leaves out "
            f"{', '.join(absent[:10])}{' ...' if len(absent) > 10 else ''}, which the spec "
            "describes: the mock (justoneapi_xingtu.testing) must answer with every field"
        )


#: The checks every answer is held to: the standard ones, then ours.
CONTRACT_CHECKS: list[schemathesis.CheckFunction] = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    envelope_is_well_formed,
    bad_request_answered_with_code,
]
#: Against the mock, which accepts the token it was given, a valid request must also succeed,
#: and every answer carries every field the spec describes.
MOCK_CHECKS: list[schemathesis.CheckFunction] = [
    *CONTRACT_CHECKS,
    valid_request_succeeds,
    mock_answers_every_field,
]


def configure(
    schema: schemathesis.BaseSchema,
    *,
    token: str,
    max_examples: int,
    modes: Sequence[GenerationMode] = (GenerationMode.POSITIVE, GenerationMode.NEGATIVE),
    base_url: str | None = None,
) -> schemathesis.BaseSchema:
    """Send ``token`` with every case (schemathesis masks it in its output)."""
    schema.config.update(parameters={"token": token})
    if base_url is not None:
        schema.config.update(base_url=base_url)
    schema.config.generation.update(modes=list(modes), max_examples=max_examples)
    return schema


# -- running the suite outside pytest ------------------------------------------------------


@dataclass
class Problem:
    """A failed check on one answer."""

    check: str
    message: str
    request: str
    """``METHOD ?query`` as sent, the token masked."""
    answer: int = 0
    """Which answer of the run (1, 2, ...)."""
    mismatches: list[Mismatch] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "answer": self.answer,
            "check": self.check,
            "message": self.message,
            "request": self.request,
            "mismatches": [m.as_dict() for m in self.mismatches],
        }


@dataclass
class SuiteReport:
    calls: int = 0
    codes: dict[int, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    unreachable: str | None = None
    """Why a request got no answer at all (the run stops there)."""

    @property
    def failed_answers(self) -> int:
        return len({p.answer for p in self.problems})

    @property
    def agrees(self) -> bool:
        return self.calls > 0 and not self.problems and self.unreachable is None

    def field_summary(self) -> list[dict[str, Any]]:
        """Field disagreements over all answers, one per field: list indices become ``[*]``.

        Each gives the field, the expected type, the first value seen and in how many
        answers it was wrong.
        """
        answers: dict[tuple[str, str], set[int]] = {}
        first: dict[tuple[str, str], str] = {}
        for problem in self.problems:
            for m in problem.mismatches:
                key = (re.sub(r"\[\d+\]", "[*]", m.path), m.expected)
                answers.setdefault(key, set()).add(problem.answer)
                first.setdefault(key, m.seen)
        return [
            {
                "path": path,
                "expected": expected,
                "seen": first[path, expected],
                "answers": len(answers[path, expected]),
            }
            for path, expected in sorted(answers)
        ]

    def check_summary(self) -> list[dict[str, Any]]:
        """Failed checks, one per check: how many answers failed it and one example."""
        grouped: dict[str, list[Problem]] = {}
        for problem in self.problems:
            grouped.setdefault(problem.check, []).append(problem)
        return [
            {
                "check": check,
                "answers": len({p.request for p in items}),
                "example": items[0].request,
                "message": items[0].message,
            }
            for check, items in grouped.items()
        ]


def masked_request(
    response: schemathesis.Response, declared: Sequence[str] = ("token", "oAuthorId", "platform")
) -> str:
    """``METHOD ?query`` as sent: the declared parameters (token masked), then a count of others."""
    method, query = wire_request(response)
    shown = [
        f"{name}={'***' if name == 'token' else value[:40]}"
        for name in declared
        for value in query.get(name, [])
    ]
    others = sum(len(v) for k, v in query.items() if k not in declared)
    extra = f" (+{others} undeclared)" if others else ""
    return f"{method} ?{'&'.join(shown)}{extra}"


def run_suite(
    schema: schemathesis.BaseSchema,
    *,
    token: str,
    max_examples: int,
    checks: Sequence[schemathesis.CheckFunction] = CONTRACT_CHECKS,
    modes: Sequence[GenerationMode] = (GenerationMode.POSITIVE,),
    authors: Sequence[str] = (),
    base_url: str | None = None,
    seed: int | None = 0,
    timeout: float | None = None,
    on_answer: Callable[[schemathesis.Case, schemathesis.Response], None] | None = None,
    path: str = ENDPOINT,
) -> SuiteReport:
    """Send at most ``max_examples`` generated requests and hold each answer to ``checks``.

    Unlike the pytest integration this never stops at the first failure and never
    shrinks (shrinking would send more requests): it collects a :class:`Problem` per
    failed check. ``authors`` fixes ``oAuthorId`` to those ids; otherwise it is
    generated. The token is sent with every request and shown nowhere. ``path`` names the
    operation (the typed one by default).
    """
    operation = schema[path]["GET"]
    contract = contract_for(schema)
    report = SuiteReport()

    def cases(mode: GenerationMode) -> st.SearchStrategy[schemathesis.Case]:
        if not authors:
            return operation.as_strategy(mode, query={"token": token})
        return st.sampled_from(list(authors)).flatmap(
            lambda author: operation.as_strategy(mode, query={"token": token, "oAuthorId": author})
        )

    @hypothesis.settings(
        max_examples=max_examples,
        database=None,
        deadline=None,
        derandomize=seed is not None,
        phases=[hypothesis.Phase.generate],
        suppress_health_check=list(hypothesis.HealthCheck),
        print_blob=False,
    )
    @hypothesis.given(case=st.one_of([cases(mode) for mode in modes]))
    def drive(case: schemathesis.Case) -> None:
        if report.calls >= max_examples or report.unreachable is not None:
            return
        report.calls += 1
        try:
            response = case.call(base_url=base_url, timeout=timeout)
        except requests.RequestException as exc:
            report.unreachable = f"{type(exc).__name__}: {exc}"
            return
        body = _json_or_none(response.content)
        if isinstance(body, dict) and isinstance(body.get("code"), int):
            report.codes[body["code"]] = report.codes.get(body["code"], 0) + 1
        if on_answer is not None:
            on_answer(case, response)
        try:
            case.validate_response(response, checks=list(checks))
        except FailureGroup as group:
            mismatches = contract.answer_mismatches(body, path) if body is not None else []
            for failure in group.exceptions:
                report.problems.append(
                    Problem(
                        check=getattr(failure, "title", "") or type(failure).__name__,
                        message=_failure_text(failure),
                        request=masked_request(response, contract.parameter_names(path)),
                        answer=report.calls,
                        mismatches=mismatches,
                    )
                )

    drive()
    return report


def _json_or_none(content: bytes) -> object:
    try:
        return json.loads(content)
    except ValueError:
        return None


def _failure_text(failure: BaseException) -> str:
    return (getattr(failure, "message", "") or str(failure)).strip()
