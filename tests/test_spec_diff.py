"""make spec-diff: every change a client can notice, each classified, with honest exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from _specdocs import PATH, TOOLS, UPSTREAM, our_operation, param, vendored, write
from conftest import ROOT

sys.path.insert(0, str(TOOLS))
from spec_diff import ADDITIVE, BREAKING, DOCS, diff_documents, level, load_pinned

OP = f"GET {PATH}"
Doc = dict[str, Any]


def changes(mutate: Callable[[Doc], None]) -> list[tuple[str, str]]:
    new = vendored()
    mutate(new)
    return [(c.cls, c.text) for c in diff_documents(vendored(), new)]


def only(mutate: Callable[[Doc], None]) -> tuple[str, str]:
    found = changes(mutate)
    assert len(found) == 1, found
    return found[0]


def schemas(doc: Doc) -> dict[str, Any]:
    return doc["components"]["schemas"]


def result_props(doc: Doc) -> dict[str, Any]:
    return schemas(doc)["Result"]["properties"]


def bad_request(doc: Doc) -> str:
    """The name of the response component our operation's HTTP 400 answer uses."""
    return str(our_operation(doc)["responses"]["400"]["$ref"]).rsplit("/", 1)[1]


# -- the operation's own responses ----------------------------------------------------------


def test_a_response_schema_that_becomes_an_array_is_breaking() -> None:
    def to_array(doc: Doc) -> None:
        media = our_operation(doc)["responses"]["200"]["content"]["application/json"]
        media["schema"] = {"type": "array", "items": media["schema"]}

    cls, text = only(to_array)
    assert cls == BREAKING
    assert text == f"type changed: {OP} HTTP 200 application/json: Result -> array of Result"


def test_response_codes_added_and_removed() -> None:
    def add_404(doc: Doc) -> None:
        our_operation(doc)["responses"]["404"] = {
            "$ref": our_operation(doc)["responses"]["400"]["$ref"]
        }

    assert only(add_404) == (ADDITIVE, f"response added: {OP} HTTP 404")
    assert only(lambda d: our_operation(d)["responses"].pop("503")) == (
        ADDITIVE,
        f"response removed: {OP} HTTP 503",
    )
    assert only(lambda d: our_operation(d)["responses"].pop("200")) == (
        BREAKING,
        f"response removed: {OP} HTTP 200",
    )


def test_content_types() -> None:
    def rename(doc: Doc) -> None:
        content = our_operation(doc)["responses"]["200"]["content"]
        content["application/problem+json"] = content.pop("application/json")

    assert sorted(changes(rename)) == [
        (ADDITIVE, f"content type added: {OP} HTTP 200: application/problem+json"),
        (BREAKING, f"content type removed: {OP} HTTP 200: application/json"),
    ]

    def also_text(doc: Doc) -> None:
        content = our_operation(doc)["responses"]["200"]["content"]
        content["text/plain"] = {"schema": {"type": "string"}}

    assert only(also_text) == (ADDITIVE, f"content type added: {OP} HTTP 200: text/plain")


def test_a_response_component_is_compared_where_it_is_used_and_a_rename_alone_is_no_change() -> (
    None
):
    def rename(doc: Doc) -> None:
        old = bad_request(doc)
        responses = doc["components"]["responses"]
        responses[old + "V2"] = responses.pop(old)
        for item in doc["paths"].values():  # every use of it, in every operation of the family
            for answers in (operation["responses"] for operation in item.values()):
                for status, answer in answers.items():
                    if answer.get("$ref") == f"#/components/responses/{old}":
                        answers[status] = {"$ref": f"#/components/responses/{old}V2"}

    assert changes(rename) == []

    def retype(doc: Doc) -> None:
        media = doc["components"]["responses"][bad_request(doc)]["content"]["application/json"]
        media["schema"] = {"type": "string"}

    found = changes(retype)  # every status that uses the component: 400, and any a release adds
    assert (BREAKING, f"type changed: {OP} HTTP 400 application/json: Result -> string") in found
    assert {cls for cls, _ in found} == {BREAKING}


def test_a_response_schema_pointing_to_another_schema_is_breaking() -> None:
    def repoint(doc: Doc) -> None:
        schemas(doc)["ResultV2"] = schemas(doc)["Result"]
        media = our_operation(doc)["responses"]["200"]["content"]["application/json"]
        media["schema"] = {"$ref": "#/components/schemas/ResultV2"}

    assert (BREAKING, f"type changed: {OP} HTTP 200 application/json: Result -> ResultV2") in (
        changes(repoint)
    )


# -- parameters -----------------------------------------------------------------------------


def add_param(required: bool) -> Callable[[Doc], None]:
    def mutate(doc: Doc) -> None:
        our_operation(doc)["parameters"].append(
            {"name": "cursor", "in": "query", "required": required, "schema": {"type": "integer"}}
        )

    return mutate


def test_parameters_added_removed_and_made_required() -> None:
    assert only(add_param(False)) == (
        ADDITIVE,
        f"parameter added: {OP} query 'cursor': optional, integer",
    )
    assert only(add_param(True)) == (
        BREAKING,
        f"parameter added: {OP} query 'cursor': required, integer",
    )

    def drop_platform(doc: Doc) -> None:
        our_operation(doc)["parameters"].remove(param(doc, "platform"))

    assert only(drop_platform) == (BREAKING, f"parameter removed: {OP} query 'platform'")
    assert only(lambda d: param(d, "platform").update(required=True)) == (
        BREAKING,
        f"parameter now required: {OP} query 'platform'",
    )
    assert only(lambda d: param(d, "oAuthorId").update(required=False)) == (
        ADDITIVE,
        f"parameter now optional: {OP} query 'oAuthorId'",
    )


def test_request_enum_values_and_the_default() -> None:
    where = f"parameter {OP} query 'platform'"
    assert only(lambda d: param(d, "platform")["schema"]["enum"].remove("SHORT_DRAMA")) == (
        BREAKING,
        f'enum value removed: {where}: "SHORT_DRAMA"',
    )
    assert only(lambda d: param(d, "platform")["schema"]["enum"].append("LONG_VIDEO")) == (
        ADDITIVE,
        f'enum value added: {where}: "LONG_VIDEO"',
    )
    assert only(lambda d: param(d, "platform")["schema"].update(default="LIVE_STREAMING")) == (
        BREAKING,
        f'default changed: {where}: "SHORT_VIDEO" -> "LIVE_STREAMING"',
    )


def test_a_parameter_type_widened_is_additive_and_changed_is_breaking() -> None:
    where = f"parameter {OP} query 'oAuthorId'"
    widen = only(lambda d: param(d, "oAuthorId")["schema"].update(type=["string", "integer"]))
    assert widen == (ADDITIVE, f"type changed: {where}: string -> string | integer")
    assert only(lambda d: param(d, "oAuthorId")["schema"].update(type="integer"))[0] == BREAKING


def test_request_constraints_tightened_or_loosened() -> None:
    where = f"parameter {OP} query 'oAuthorId'"
    assert only(lambda d: param(d, "oAuthorId")["schema"].update(maxLength=32)) == (
        BREAKING,
        f"maxLength changed: {where}: null -> 32",
    )
    loose = vendored()
    param(loose, "oAuthorId")["schema"]["maxLength"] = 32
    new = vendored()
    param(new, "oAuthorId")["schema"]["maxLength"] = 64
    [change] = diff_documents(loose, new)
    assert change.cls == ADDITIVE


# -- schemas the response uses --------------------------------------------------------------


def test_response_enum_values_new_business_code_is_additive_removed_is_breaking() -> None:
    assert only(lambda d: result_props(d)["code"]["enum"].append(700)) == (
        ADDITIVE,
        "enum value added: Result.code: 700",
    )
    assert only(lambda d: result_props(d)["code"]["enum"].remove(202)) == (
        BREAKING,
        "enum value removed: Result.code: 202",
    )


def test_a_boolean_is_not_the_number_it_equals_in_python() -> None:
    def swap(doc: Doc) -> None:
        enum = result_props(doc)["code"]["enum"]
        enum[enum.index(0)] = False

    assert sorted(changes(swap)) == [
        (ADDITIVE, "enum value added: Result.code: false"),
        (BREAKING, "enum value removed: Result.code: 0"),
    ]


def test_response_properties() -> None:
    assert only(lambda d: result_props(d).update(traceId={"type": "string"})) == (
        ADDITIVE,
        "property added: Result.traceId: optional, string",
    )
    assert only(lambda d: result_props(d).pop("requestId")) == (
        BREAKING,
        "property removed: Result.requestId: string",
    )
    assert only(lambda d: schemas(d)["Result"]["required"].remove("recordTime")) == (
        BREAKING,
        "now optional: Result.recordTime",
    )
    assert only(lambda d: schemas(d)["Result"]["required"].append("requestId")) == (
        ADDITIVE,
        "now required: Result.requestId",
    )


def test_response_types_narrowed_are_additive_widened_or_changed_are_breaking() -> None:
    assert only(lambda d: result_props(d)["message"].update(type="string")) == (
        ADDITIVE,
        "type changed: Result.message: string | null -> string",
    )
    assert only(lambda d: result_props(d)["requestId"].update(type=["string", "null"]))[0] == (
        BREAKING
    )
    assert only(lambda d: result_props(d)["requestId"].update(type="integer"))[0] == BREAKING
    assert only(lambda d: result_props(d)["code"].update(format="int64")) == (
        BREAKING,
        "format changed: Result.code: int32 -> int64",
    )


def test_a_schema_used_in_a_request_and_a_response_gets_the_stricter_class() -> None:
    def share(doc: Doc) -> None:
        schemas(doc)["Id"] = {"type": "object", "properties": {"v": {"type": "string"}}}
        result_props(doc)["id"] = {"$ref": "#/components/schemas/Id"}
        param(doc, "oAuthorId")["schema"] = {"$ref": "#/components/schemas/Id"}

    old = vendored()
    share(old)
    new = vendored()
    share(new)
    schemas(new)["Id"]["properties"]["w"] = {"type": "string"}
    schemas(new)["Id"]["required"] = ["w"]
    [change] = diff_documents(old, new)
    assert (change.cls, change.text) == (BREAKING, "property added: Id.w: required, string")


# -- servers, security, identity ------------------------------------------------------------


def test_servers() -> None:
    extra = {"url": "https://api2.justoneapi.com", "description": "another"}
    assert only(lambda d: d["servers"].append(extra)) == (
        ADDITIVE,
        "server added: document: https://api2.justoneapi.com",
    )
    assert only(lambda d: d["servers"].pop()) == (
        BREAKING,
        "server removed: document: http://47.117.133.51:30015",
    )
    assert only(lambda d: d["servers"][0].update(description="x"))[0] == DOCS


def test_security_requirements() -> None:
    def require_key(doc: Doc) -> None:
        doc["components"]["securitySchemes"] = {
            "key": {"type": "apiKey", "in": "header", "name": "X-Key"}
        }
        doc["security"] = [{"key": []}]

    found = sorted(changes(require_key))
    assert (BREAKING, f"security alternative removed: {OP}: none (anonymous)") in found
    assert (ADDITIVE, f'security alternative added: {OP}: {{"key": []}}') in found
    assert (ADDITIVE, "security scheme added: key") in found


def test_operation_id_and_tags_are_breaking() -> None:
    assert only(lambda d: our_operation(d).update(operationId="getRecVideos"))[0] == BREAKING
    assert only(lambda d: our_operation(d).update(tags=["Douyin Xingtu"]))[0] == BREAKING


def test_operation_id_and_tags_the_overlay_pins_are_docs_only(tmp_path: Path) -> None:
    pinned = load_pinned(str(ROOT / "openapi/overlay/xingtu-types.overlay.json"))
    assert pinned == {"operationId", "tags"}
    new = vendored()
    our_operation(new).update(operationId="getRecVideos", tags=["Douyin Xingtu"])
    found = [(c.cls, c.kind) for c in diff_documents(vendored(), new, pinned)]
    assert found == [(DOCS, "operationId changed"), (DOCS, "tags changed")]
    # The command line, as make spec-diff runs it.
    proc = run(
        "--overlay",
        "openapi/overlay/xingtu-types.overlay.json",
        str(UPSTREAM),
        str(write(tmp_path / "new.json", new)),
    )
    assert proc.returncode == 1
    assert "docs-only  operationId changed" in proc.stdout and "overlay pins it" in proc.stdout


# -- documentation only ---------------------------------------------------------------------


def test_descriptions_summaries_examples_and_extensions_are_docs_only() -> None:
    def reword(doc: Doc) -> None:
        op = our_operation(doc)
        op["description"] = "Recommended videos of an author."
        op["summary"] = "Author recommended videos"
        op["x-order"] = "99"
        param(doc, "platform")["description"] = "Platform."
        param(doc, "oAuthorId")["example"] = "7012345678901234567"
        result_props(doc)["code"]["description"] = "Business code."
        doc["info"]["title"] = "Just One API"
        doc["tags"][0]["description"] = "Xingtu"

    found = changes(reword)
    assert len(found) == 8
    assert {cls for cls, _ in found} == {DOCS}
    assert (DOCS, f"description changed: {OP}") in found
    assert (DOCS, "description changed: Result.code") in found


def test_a_new_release_id_alone_is_no_change() -> None:
    assert changes(lambda d: d.update({"x-openapi-release-id": "abc"})) == []


def test_an_unknown_key_is_compared_and_called_breaking() -> None:
    assert only(lambda d: param(d, "platform").update(style="spaceDelimited")) == (
        BREAKING,
        f"style changed: {OP} query 'platform': null -> \"spaceDelimited\"",
    )


def test_level_is_the_highest_class() -> None:
    found = diff_documents(vendored(), vendored())
    assert level(found) is None
    new = vendored()
    result_props(new)["code"]["enum"].append(700)
    our_operation(new)["description"] = "x"
    assert level(diff_documents(vendored(), new)) == ADDITIVE


# -- the command line and make --------------------------------------------------------------


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(TOOLS / "spec_diff.py"), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
    )


def make(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "-s", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )


def changed_document(tmp_path: Path) -> Path:
    doc = vendored()
    our_operation(doc)["parameters"].append(
        {"name": "cursor", "in": "query", "required": False, "schema": {"type": "integer"}}
    )
    param(doc, "platform")["schema"]["enum"].remove("SHORT_DRAMA")
    result_props(doc)["code"]["enum"].append(700)
    our_operation(doc)["description"] = "reworded"
    doc["x-openapi-release-id"] = "r2"
    return write(tmp_path / "pulled.json", doc)


def test_output_is_one_classified_line_per_change_then_a_summary(tmp_path: Path) -> None:
    proc = run(str(UPSTREAM), str(changed_document(tmp_path)))
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[:-1] == [
        f"breaking   enum value removed: parameter {OP} query 'platform': \"SHORT_DRAMA\"",
        f"additive   parameter added: {OP} query 'cursor': optional, integer",
        "additive   enum value added: Result.code: 700",
        f"docs-only  description changed: {OP}",
    ]
    assert lines[-1].startswith("spec-diff: 4 change(s) (1 breaking, 2 additive, 1 docs-only)")
    old_release = vendored().get("x-openapi-release-id")
    assert lines[-1].endswith(f"release id {old_release} -> r2")


def test_json_output(tmp_path: Path) -> None:
    proc = run("--json", str(UPSTREAM), str(changed_document(tmp_path)))
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    assert report["level"] == BREAKING
    assert report["counts"] == {BREAKING: 1, ADDITIVE: 2, DOCS: 1}
    assert report["release_id"] == {"old": vendored().get("x-openapi-release-id"), "new": "r2"}
    assert {c["class"] for c in report["changes"]} == {BREAKING, ADDITIVE, DOCS}
    assert report["changes"][1] == {
        "class": ADDITIVE,
        "kind": "parameter added",
        "where": f"{OP} query 'cursor'",
        "detail": "optional, integer",
        "text": f"parameter added: {OP} query 'cursor': optional, integer",
    }
    same = run("--json", str(UPSTREAM), str(UPSTREAM))
    assert same.returncode == 0 and json.loads(same.stdout)["changes"] == []


@pytest.mark.parametrize(
    ("make_args", "expected"),
    [
        (("missing.json",), "cannot read"),
        (("not-json",), "is not JSON"),
        (("array",), "is not a JSON object"),
    ],
)
def test_could_not_run_is_exit_2_in_one_line(
    tmp_path: Path, make_args: tuple[str, ...], expected: str
) -> None:
    (tmp_path / "not-json").write_text("{", encoding="utf-8")
    (tmp_path / "array").write_text("[]", encoding="utf-8")
    proc = run(str(UPSTREAM), str(tmp_path / make_args[0]))
    assert proc.returncode == 2
    assert len(proc.stderr.splitlines()) == 1 and expected in proc.stderr


def test_a_missing_git_revision_is_exit_2() -> None:
    bad_rev = run("--git-rev", "no-such-rev", str(UPSTREAM.relative_to(ROOT)), str(UPSTREAM))
    assert bad_rev.returncode == 2 and "cannot read no-such-rev:" in bad_rev.stderr


def git_status() -> str:
    return subprocess.run(
        ["git", "status", "--porcelain", "--ignored"], cwd=ROOT, capture_output=True, text=True
    ).stdout


def test_make_spec_diff_leaves_no_file_behind(tmp_path: Path) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    before = git_status()
    status = tmp_path / "status"
    proc = make("spec-diff", f"SPEC_DIFF_STATUS_FILE={status}", env={"TMPDIR": str(temp)})
    # 0 on a clean tree; 1 while `make update` has a pulled document not yet committed.
    assert status.read_text().strip() in {"0", "1"}, proc.stdout + proc.stderr
    assert "HEAD:openapi/upstream/" in proc.stdout or "spec-diff:" in proc.stdout
    assert list(temp.iterdir()) == []
    assert git_status() == before


@pytest.mark.parametrize("status", [0, 1, 2])
def test_make_spec_diff_keeps_its_status_in_a_file(tmp_path: Path, status: int) -> None:
    new = {0: UPSTREAM, 1: changed_document(tmp_path), 2: tmp_path / "missing.json"}[status]
    status_file = tmp_path / "status"
    proc = make(
        "spec-diff", f"OLD={UPSTREAM}", f"NEW={new}", f"SPEC_DIFF_STATUS_FILE={status_file}"
    )
    assert proc.returncode == (0 if status == 0 else 2)  # what make itself can say
    assert status_file.read_text().strip() == str(status)


def test_an_untyped_response_value_gaining_a_type_is_narrowed_and_additive() -> None:
    def type_data(doc: Doc) -> None:
        schemas(doc)["Page"] = {"type": "object", "properties": {"n": {"type": "integer"}}}
        result_props(doc)["data"]["anyOf"] = [
            {"$ref": "#/components/schemas/Page"},
            {"type": "null"},
        ]

    assert sorted(changes(type_data)) == [
        (ADDITIVE, "schema added: Page"),
        (ADDITIVE, "type changed: Result.data: any -> Page | null"),
    ]
    typed = vendored()
    type_data(typed)
    assert [(c.cls, c.text) for c in diff_documents(typed, vendored())] == [
        (BREAKING, "type changed: Result.data: Page | null -> any"),
        (BREAKING, "schema removed: Page"),
    ]
