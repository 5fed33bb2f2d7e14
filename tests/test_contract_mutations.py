"""Mutation proofs: each contract check fails, naming the field, when spec and answers part.

(a) ``play`` typed as a string in the overlay: cassette validation and schemathesis fail.
(b) the mock answers a code outside the enum: schemathesis fails.
(c) ``personal_hot_videos`` dropped from a cassette: cassette validation fails.
(d) the mock leaves out the optional ``requestId``: the mock's contract fails.
(e) the committed spec is not what upstream + overlay make: the message names the JSON
    path and says to run ``make spec``.
(f) the endpoint's path or a schema is renamed: the message names it, not a ``KeyError``.

Every mutation is made on a copy in ``tmp_path``; the committed files are never touched.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import schemathesis
import yaml
from _cassettes import CASSETTES, validation_problems
from _contract import ENDPOINT, MOCK_CHECKS, ROOT, SPEC_PATH, SpecContract, run_suite
from _drift import REBUILD_SPEC, SpecDrift, assert_same_json, json_differences, spec_part
from conftest import TOKEN
from schemathesis import GenerationMode

from justoneapi_xingtu.testing import MockAPI, make_wsgi_app

sys.path.insert(0, str(ROOT / "openapi" / "tools"))
from overlay import apply_overlay

UPSTREAM = ROOT / "openapi" / "upstream" / "douyin-creator-marketplace-xingtu.json"
OVERLAY = ROOT / "openapi" / "overlay" / "xingtu-types.overlay.json"


@pytest.fixture(scope="module")
def play_as_string(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The effective spec made from an overlay that types ``play`` as a string."""
    overlay = json.loads(OVERLAY.read_text(encoding="utf-8"))
    overlay["actions"][0]["update"]["RecVideo"]["properties"]["play"] = {"type": "string"}
    spec = apply_overlay(json.loads(UPSTREAM.read_text(encoding="utf-8")), overlay)
    path = tmp_path_factory.mktemp("mutated") / "xingtu.json"
    path.write_text(json.dumps(spec, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def suite_against_mock(spec: bytes, api: MockAPI) -> Any:
    schema = schemathesis.openapi.from_wsgi("/openapi.json", make_wsgi_app(api, spec=spec))
    return run_suite(
        schema,
        token=TOKEN,
        max_examples=15,
        checks=MOCK_CHECKS,
        modes=(GenerationMode.POSITIVE, GenerationMode.NEGATIVE),
    )


# -- (a) the overlay types `play` as a string --------------------------------------------


def test_a_cassette_validation_names_play_when_the_overlay_makes_it_a_string(
    play_as_string: Path,
) -> None:
    assert (
        validation_problems(CASSETTES / "success-documented.yaml", SpecContract.from_path()) == []
    )
    problems = validation_problems(
        CASSETTES / "success-documented.yaml", SpecContract.from_path(play_as_string)
    )
    assert (
        "success-documented.yaml interaction 0: data.masterpiece_videos[0].play: "
        "expected string, seen 8543418 (integer)"
    ) in problems


def test_a_schemathesis_run_names_play_when_the_overlay_makes_it_a_string(
    play_as_string: Path,
) -> None:
    report = suite_against_mock(play_as_string.read_bytes(), MockAPI(tokens={TOKEN}))
    assert not report.agrees
    fields = {(f["path"], f["expected"]) for f in report.field_summary()}
    assert ("data.masterpiece_videos[*].play", "string") in fields
    checks = {c["check"] for c in report.check_summary()}
    assert {"Response violates schema", "Custom check failed: `envelope_is_well_formed`"} <= checks


@pytest.mark.slow
def test_a_the_pytest_schemathesis_suite_fails_on_the_mutated_spec(
    play_as_string: Path, tmp_path: Path
) -> None:
    # The suite `make contract` runs, pointed at the mutated spec; run from tmp_path so that
    # Hypothesis keeps the failing example out of the project's example database.
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-c",
            str(ROOT / "pyproject.toml"),
            "--rootdir",
            str(ROOT),
            str(ROOT / "tests" / "test_contract_schemathesis.py"),
            "-k",
            "in_process",
        ],
        cwd=tmp_path,
        env={**os.environ, "XINGTU_CONTRACT_SPEC": str(play_as_string)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 1, proc.stdout[-2000:]
    assert "1 failed" in proc.stdout
    assert "data.masterpiece_videos[0].play: expected string" in proc.stdout


# -- (b) the mock answers a code outside the enum -----------------------------------------


def test_b_schemathesis_fails_when_the_mock_answers_a_code_outside_the_enum() -> None:
    assert suite_against_mock(SPEC_PATH.read_bytes(), MockAPI(tokens={TOKEN})).agrees
    api = MockAPI(tokens={TOKEN})
    api.set_fault(777)
    report = suite_against_mock(SPEC_PATH.read_bytes(), api)
    assert not report.agrees
    (code,) = [f for f in report.field_summary() if f["path"] == "code"]
    assert code["expected"].startswith("one of 0, 100, 101, 202")
    assert code["seen"] == "777 (integer)"
    assert code["answers"] == report.calls
    checks = {c["check"] for c in report.check_summary()}
    assert "Response violates schema" in checks  # the standard check, not only ours


# -- (c) a cassette loses `personal_hot_videos` -------------------------------------------


def test_c_cassette_validation_names_a_dropped_list(tmp_path: Path) -> None:
    document = yaml.safe_load((CASSETTES / "success-documented.yaml").read_text("utf-8"))
    body = document["interactions"][0]["response"]["body"]
    answer = json.loads(body["string"])
    del answer["data"]["personal_hot_videos"]
    body["string"] = json.dumps(answer)
    mutated = tmp_path / "success-documented.yaml"
    mutated.write_text(yaml.safe_dump(document), encoding="utf-8")

    problems = validation_problems(mutated, SpecContract.from_path())
    assert problems == [
        "success-documented.yaml interaction 0: data.personal_hot_videos: expected array, seen missing"
    ]


# -- (d) the mock leaves out the optional requestId -----------------------------------------


def test_d_the_mock_leaving_out_request_id_fails_the_contract(monkeypatch) -> None:
    envelope = MockAPI._envelope

    def without_request_id(code: int, data: object, message: str) -> bytes:
        answer = json.loads(envelope(code, data, message))
        del answer["requestId"]
        return json.dumps(answer).encode()

    monkeypatch.setattr(MockAPI, "_envelope", staticmethod(without_request_id))
    report = suite_against_mock(SPEC_PATH.read_bytes(), MockAPI(tokens={TOKEN}))
    assert not report.agrees
    (check,) = report.check_summary()
    assert check["check"] == "Custom check failed: `mock_answers_every_field`"
    assert report.failed_answers == report.calls  # every answer, successes and rejections
    assert "leaves out requestId" in check["message"]
    # The spec itself is not broken: requestId is optional, so no field disagrees.
    assert report.field_summary() == []


def test_d_absent_fields_names_every_described_field_left_out(documented_example) -> None:
    contract = SpecContract.from_path()
    assert contract.absent_fields(documented_example) == ["message", "recordTime", "requestId"]
    del documented_example["data"]["newest_videos"][0]["play"]
    del documented_example["data"]["base_resp"]["status_message"]
    assert contract.absent_fields(documented_example) == [
        "data.base_resp.status_message",
        "data.newest_videos[0].play",
        "message",
        "recordTime",
        "requestId",
    ]


# -- (e) the committed spec is not what upstream + overlay make ----------------------------


def test_e_a_stale_spec_is_named_by_json_path_with_the_command_to_run(play_as_string) -> None:
    with pytest.raises(AssertionError) as failed:
        assert_same_json(
            SPEC_PATH.read_bytes(),
            play_as_string.read_bytes(),
            expected_name="the committed openapi/xingtu.json",
            actual_name="upstream + overlay",
            fix=REBUILD_SPEC,
        )
    message = str(failed.value)
    lines = message.splitlines()
    # The fixture replaces the whole property: its description goes too.
    assert lines[0] == (
        "upstream + overlay differs from the committed openapi/xingtu.json at 2 JSON path(s):"
    )
    assert (
        "  $.components.schemas.RecVideo.properties.play.type: the committed "
        'openapi/xingtu.json "integer", upstream + overlay "string"'
    ) in lines
    assert "run `make spec`" in message
    assert "At index" not in message


def test_e_same_json_other_bytes_says_so() -> None:
    with pytest.raises(AssertionError, match="same JSON .* not the same bytes.*make spec"):
        assert_same_json(
            b'{"a": 1}', b'{"a":1}', expected_name="a", actual_name="b", fix=REBUILD_SPEC
        )


def test_e_a_boolean_recorded_as_a_number_is_a_difference() -> None:
    assert list(json_differences({"x": [True]}, {"x": [1]})) == [("$.x[0]", "true", "1")]


# -- (f) the path or a schema the code is built on is renamed -------------------------------


def renamed(spec: dict[str, Any]) -> dict[str, Any]:
    spec["paths"] = {
        ENDPOINT.replace("author_rec_videos_v2", "author_rec_videos_v3"): v
        for v in spec["paths"].values()
    }
    return spec


def test_f_a_renamed_path_is_named_not_a_bare_key_error() -> None:
    spec = renamed(json.loads(SPEC_PATH.read_text("utf-8")))
    with pytest.raises(SpecDrift) as failed:
        SpecContract(spec)
    message = str(failed.value)
    assert f'openapi/xingtu.json has no $.paths["{ENDPOINT}"]' in message
    assert "author_rec_videos_v3" in message  # what is there instead
    assert "make spec-diff" in message


def test_f_a_renamed_schema_is_named() -> None:
    spec = json.loads(SPEC_PATH.read_text("utf-8"))
    spec["components"]["schemas"]["Envelope"] = spec["components"]["schemas"].pop("Result")
    with pytest.raises(SpecDrift, match=r"no \$\.components\.schemas\.Result \(.*Envelope"):
        SpecContract(spec)
    with pytest.raises(SpecDrift, match=r"\$\.components\.schemas\.Result\b.*make spec-diff"):
        spec_part(spec, "components", "schemas", "Result", "properties", "code", "enum")
