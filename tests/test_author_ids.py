"""One author id rule: the library's single and many calls, `xingtu rec-videos`, `xingtu
batch` and its ids file accept the same ids and refuse the same ones, before any call."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path
from typing import Any

import anyio
import pytest
from _scripted import Answer, scripted_server
from conftest import TOKEN, envelope

from justoneapi_xingtu import AsyncXingtuClient, XingtuClient
from justoneapi_xingtu.cli import IdsFileError, main
from justoneapi_xingtu.cli._ids import load_ids

VALID = ["7012345678901234567", "1", "MS4wLjABAAAA-x_Y9"]
REFUSED = {
    # what pandas' astype(str) makes of ids it read as floats, and of missing values
    "7.012345678901235e+18": "looks like a float (exponent)",
    "7012345678901234567.0": "looks like a float (decimal point)",
    "7.01e18": "looks like a float (exponent)",
    "7E18": "looks like a float (exponent)",
    "nan": "looks like a missing value",
    "None": "looks like a missing value",
    "70 12": "whitespace",
    "1,2": "','",
    "达人7": "'达'",
    "7" * 129: "longer than 128",
}


def _many(kind: str, url: str, author_ids: list[str]) -> Any:
    if kind == "sync":
        with XingtuClient(TOKEN, base_url=url) as client:
            return [o.author_id for o in client.author_rec_videos_many(author_ids)]

    async def run() -> list[str]:
        async with AsyncXingtuClient(TOKEN, base_url=url) as client:
            return [o.author_id async for o in client.author_rec_videos_many(author_ids)]

    return anyio.run(run)


def _single(kind: str, url: str, author_id: str) -> Any:
    if kind == "sync":
        with XingtuClient(TOKEN, base_url=url) as client:
            return client.author_rec_videos(author_id)

    async def run() -> Any:
        async with AsyncXingtuClient(TOKEN, base_url=url) as client:
            return await client.author_rec_videos(author_id)

    return anyio.run(run)


def _cli(*args: str, base_url: str) -> tuple[int, str]:
    err = io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        for name in list(os.environ):
            if name.startswith("JUSTONEAPI_"):
                patch.delenv(name)
        patch.setenv("JUSTONEAPI_TOKEN", TOKEN)
        patch.setattr(sys, "stdout", io.StringIO())
        patch.setattr(sys, "stderr", err)
        code = main([*args, "--base-url", base_url])
    return code, err.getvalue()


@pytest.mark.parametrize("kind", ["sync", "async"])
@pytest.mark.parametrize("bad", list(REFUSED))
def test_every_entry_point_refuses_the_same_id_with_the_same_reason(
    bad: str, kind: str, tmp_path: Path
) -> None:
    why = REFUSED[bad]
    ids_file = tmp_path / "ids.txt"
    ids_file.write_text(f"{VALID[0]}\n{bad}\n", encoding="utf-8")
    with scripted_server([Answer(200, envelope(0, {}))]) as (url, seen):
        with pytest.raises(ValueError, match=r"^o_author_id: ") as single:
            _single(kind, url, bad)
        with pytest.raises(ValueError, match=r"^author_ids\[1\]: o_author_id: ") as many:
            _many(kind, url, [VALID[0], bad])
        with pytest.raises(IdsFileError, match=r"1 invalid line\(s\).*line 2: ") as loaded:
            load_ids(ids_file)
        rec_code, rec_err = _cli("rec-videos", bad, base_url=url)
        batch_code, batch_err = _cli(
            "batch", str(ids_file), "--db", str(tmp_path / "r.sqlite"), base_url=url
        )
    assert seen == []  # nothing was sent, nothing paid for
    for text in (str(single.value), str(many.value), str(loaded.value), rec_err, batch_err):
        assert why in text
    assert rec_code == batch_code == 2
    assert rec_err.startswith("xingtu: error: AUTHOR_ID: ")
    assert not (tmp_path / "r.sqlite").exists()


def test_the_float_message_says_why_and_what_to_do() -> None:
    with pytest.raises(ValueError) as info:
        _single("sync", "http://127.0.0.1:9", "7.01e18")
    assert str(info.value) == (
        "o_author_id: '7.01e18' looks like a float (exponent): author ids are digit strings; "
        "read the column as text (pandas: dtype=str)"
    )
    with pytest.raises(ValueError, match=r"got the float 7\.012345678901235e\+18: author ids are"):
        _single("sync", "http://127.0.0.1:9", 7.012345678901235e18)  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_every_entry_point_accepts_the_same_ids(kind: str, tmp_path: Path) -> None:
    ids_file = tmp_path / "ids.txt"
    ids_file.write_text("\n".join(VALID) + "\n", encoding="utf-8")
    answers = [Answer(200, envelope(0, {}))] * (3 * len(VALID) + len(VALID) + len(VALID))
    with scripted_server(answers) as (url, seen):
        for author in VALID:
            assert _single(kind, url, author).author_id == author
        assert sorted(_many(kind, url, VALID)) == sorted(VALID)
        assert load_ids(ids_file).ids == VALID
        for author in VALID:
            assert _cli("rec-videos", author, base_url=url)[0] == 0
        assert (
            _cli("batch", str(ids_file), "--db", str(tmp_path / "r.sqlite"), base_url=url)[0] == 0
        )
    sent = [q.query["oAuthorId"][0] for q in seen]
    assert sorted(sent) == sorted(VALID * 4)


@pytest.mark.parametrize(
    "header", ["达人ID", "作者 ID", "author_id", "oAuthorId", "Author ID", "kol"]
)
def test_a_first_line_without_digits_is_a_header_in_any_script(header: str, tmp_path: Path) -> None:
    path = tmp_path / "ids.txt"
    path.write_text(f"\ufeff{header}\n7012345678901234567\n", encoding="utf-8")
    loaded = load_ids(path)
    assert loaded.header == header and loaded.ids == ["7012345678901234567"]


def test_a_non_id_line_after_the_first_is_still_an_error(tmp_path: Path) -> None:
    path = tmp_path / "ids.txt"
    path.write_text("达人ID\n7012345678901234567\n达人ID\n", encoding="utf-8")
    with pytest.raises(IdsFileError, match=r"line 3: '达人ID' is not an author id"):
        load_ids(path)


def test_the_ids_file_gives_the_advice_once(tmp_path: Path) -> None:
    path = tmp_path / "ids.txt"
    path.write_text("7.012345678901235e+18\n7012345678901234568.0\nnan\n1\n", encoding="utf-8")
    with pytest.raises(IdsFileError) as info:
        load_ids(path)
    message = str(info.value)
    assert message.count("read the column as text") == 1, message
    assert message.endswith(
        "line 3: 'nan' looks like a missing value turned into text. Author ids are digit "
        "strings; read the column as text (pandas: dtype=str)"
    )


def test_a_float_first_line_is_not_mistaken_for_a_header(tmp_path: Path) -> None:
    path = tmp_path / "ids.txt"
    path.write_text("7.012345678901235e+18\n7012345678901234567\n", encoding="utf-8")
    with pytest.raises(IdsFileError, match=r"line 1: .* looks like a float \(exponent\)"):
        load_ids(path)


def test_the_readmes_show_the_message_the_library_gives() -> None:
    from conftest import ROOT

    with pytest.raises(ValueError) as info:
        _single("sync", "http://127.0.0.1:9", "7.01e18")
    for name in ("README.md", "README.zh-CN.md"):
        assert f"ValueError: {info.value}\n" in (ROOT / name).read_text(encoding="utf-8")
