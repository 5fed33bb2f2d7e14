"""Videos as flat rows: CSV, JSON lines, Parquet and pandas dataframes.

One row per video: ``author_id, platform, category, position``, then every field of
:attr:`Video.FIELDS <justoneapi_xingtu.models.Video.FIELDS>` (``item_id`` always text).
pandas and pyarrow (the ``pandas`` extra) are imported only by the functions that need
them, never by ``import justoneapi_xingtu``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, TYPE_CHECKING, Any, Final

import orjson

from ..errors import ProtocolError
from ..models import AuthorRecVideos, Outcome, Video

if TYPE_CHECKING:
    import pandas

__all__ = [
    "COLUMNS",
    "EXPORT_FORMATS",
    "outcomes_to_dataframe",
    "result_rows",
    "to_dataframe",
    "write_csv",
    "write_jsonl",
    "write_parquet",
]

COLUMNS: Final[tuple[str, ...]] = (
    "author_id",
    "platform",
    "category",
    "position",
    "item_id",
    *(name for name in Video.FIELDS if name != "item_id"),
)
EXPORT_FORMATS: Final = ("csv", "jsonl", "parquet")
_PANDAS_HINT: Final = "needs the pandas extra: pip install 'justoneapi-xingtu[pandas]'"
_PANDAS_DTYPES: Final = {
    "int": "Int64",
    "float": "Float64",
    "str": "string",
    "bool": "boolean",
    "list[str]": "object",
}


def result_rows(result: AuthorRecVideos) -> Iterator[dict[str, Any]]:
    """The rows of one answer (a field that cannot be read as its type reads ``None``)."""
    for category in ("masterpiece", "newest", "order_hot", "personal_hot"):
        for position, video in enumerate(result.videos(category)):
            row: dict[str, Any] = {
                "author_id": result.author_id,
                "platform": result.platform,
                "category": category,
                "position": position,
            }
            for name in COLUMNS[4:]:
                try:
                    row[name] = getattr(video, name)
                except ProtocolError:  # a drifted value
                    row[name] = None
            yield row


def _results(items: Iterable[AuthorRecVideos | Outcome]) -> Iterator[AuthorRecVideos]:
    for item in items:
        if isinstance(item, Outcome):
            if item.result is not None:
                yield item.result
        else:
            yield item


def _require(module: str) -> Any:
    try:
        return __import__(module)
    except ImportError:
        raise ImportError(f"{module} is not installed: this {_PANDAS_HINT}") from None


def rows_to_dataframe(rows: Iterable[Mapping[str, Any]]) -> pandas.DataFrame:
    """A dataframe of :data:`COLUMNS` with nullable dtypes (``Int64``, ``string``...)."""
    pd = _require("pandas")
    frame = pd.DataFrame.from_records(list(rows), columns=list(COLUMNS))
    dtypes = {"author_id": "string", "platform": "string", "category": "string"}
    dtypes["position"] = "Int64"
    for name, kind in Video.FIELD_TYPES.items():
        dtypes[name] = _PANDAS_DTYPES[kind]
    return frame.astype(dtypes)


def to_dataframe(items: Iterable[AuthorRecVideos | Outcome]) -> pandas.DataFrame:
    """One row per video of every answer (outcomes without a result are skipped)."""
    return rows_to_dataframe(row for result in _results(items) for row in result_rows(result))


def outcomes_to_dataframe(outcomes: Iterable[Outcome | AuthorRecVideos]) -> pandas.DataFrame:
    """A batch's videos as one dataframe, e.g.
    ``outcomes_to_dataframe(client.author_rec_videos_many(ids))``."""
    return to_dataframe(outcomes)


def write_csv(rows: Iterable[Mapping[str, Any]], out: IO[str]) -> int:
    """CSV with a header; lists as JSON text. Returns the number of rows written."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    count = 0
    for row in rows:
        values = []
        for name in COLUMNS:
            value = row.get(name)
            if isinstance(value, list):
                value = orjson.dumps(value).decode()
            values.append("" if value is None else value)
        writer.writerow(values)
        count += 1
    return count


def write_jsonl(rows: Iterable[Mapping[str, Any]], out: IO[str]) -> int:
    """One JSON object per line. Returns the number of rows written."""
    count = 0
    for row in rows:
        out.write(orjson.dumps({name: row.get(name) for name in COLUMNS}).decode())
        out.write("\n")
        count += 1
    return count


def write_parquet(rows: Iterable[Mapping[str, Any]], path: str) -> int:
    """A Parquet file with typed columns (``item_id`` a string). Needs pyarrow."""
    pa = _require("pyarrow")
    import pyarrow.parquet as pq

    kinds = {
        "int": pa.int64(),
        "float": pa.float64(),
        "str": pa.string(),
        "bool": pa.bool_(),
        "list[str]": pa.list_(pa.string()),
    }
    fields = [
        pa.field("author_id", pa.string()),
        pa.field("platform", pa.string()),
        pa.field("category", pa.string()),
        pa.field("position", pa.int64()),
        *(pa.field(name, kinds[Video.FIELD_TYPES[name]]) for name in COLUMNS[4:]),
    ]
    schema = pa.schema(fields)
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[Mapping[str, Any]] = []
        for row in rows:
            batch.append(row)
            count += 1
            if len(batch) >= 10_000:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    return count
