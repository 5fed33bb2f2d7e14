"""Rows out: CSV, JSON lines, Parquet and pandas dataframes, all of :data:`COLUMNS`.

The rows come from :mod:`.rows` (one row per video, the drift policy there). pandas and
pyarrow (the ``pandas`` extra) are imported only by the functions that need them, never
by ``import justoneapi_xingtu``.

CSV neutralises formulas: a text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return gets a leading ``'`` (OWASP's advice against CSV injection), so a title
like ``=HYPERLINK(...)`` opens as text in a spreadsheet. Numbers are left alone
(``-5`` stays ``-5``), and ``formula_guard=False`` (``xingtu ... --csv-raw``) writes every
cell as received. JSON lines and Parquet are always exact.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, TYPE_CHECKING, Any, Final

import msgspec

from ..models import AuthorRecVideos, Outcome
from .rows import COLUMN_TYPES, COLUMNS, result_rows, results

if TYPE_CHECKING:
    import pandas

__all__ = [
    "COLUMNS",
    "EXPORT_FORMATS",
    "neutralise_formula",
    "outcomes_to_dataframe",
    "result_rows",
    "rows_to_dataframe",
    "to_dataframe",
    "write_csv",
    "write_jsonl",
    "write_parquet",
]

EXPORT_FORMATS: Final = ("csv", "jsonl", "parquet")
_PANDAS_HINT: Final = "needs the pandas extra: pip install 'justoneapi-xingtu[pandas]'"
_PANDAS_DTYPES: Final = {
    "int": "Int64",
    "float": "Float64",
    "str": "string",
    "bool": "boolean",
    "list[str]": "object",
}
_FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")
_NUMBER: Final = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def neutralise_formula(text: str) -> str:
    """``text`` with a leading ``'`` when a spreadsheet would run it as a formula."""
    if text.startswith(_FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def _require(module: str) -> Any:
    try:
        return __import__(module)
    except ImportError:
        raise ImportError(f"{module} is not installed: this {_PANDAS_HINT}") from None


def rows_to_dataframe(rows: Iterable[Mapping[str, Any]]) -> pandas.DataFrame:
    """A dataframe of :data:`COLUMNS` with nullable dtypes (``Int64``, ``string``...)."""
    pd = _require("pandas")
    frame = pd.DataFrame.from_records(list(rows), columns=list(COLUMNS))
    return frame.astype({name: _PANDAS_DTYPES[kind] for name, kind in COLUMN_TYPES.items()})


def to_dataframe(items: Iterable[AuthorRecVideos | Outcome]) -> pandas.DataFrame:
    """One row per video of every answer (outcomes without a result are skipped)."""
    return rows_to_dataframe(row for result in results(items) for row in result_rows(result))


def outcomes_to_dataframe(outcomes: Iterable[Outcome | AuthorRecVideos]) -> pandas.DataFrame:
    """A batch's videos as one dataframe, e.g.
    ``outcomes_to_dataframe(client.author_rec_videos_many(ids))``."""
    return to_dataframe(outcomes)


def write_csv(
    rows: Iterable[Mapping[str, Any]], out: IO[str], *, formula_guard: bool = True
) -> int:
    """CSV with a header; lists as JSON text; formulas neutralised unless
    ``formula_guard=False``. Returns the number of rows written."""
    writer = csv.writer(out, lineterminator="\n")
    # The csv module quotes a cell holding "\n" but not one holding a lone "\r" (it is
    # not in the line terminator), which readers then take for a line break: such a
    # row is written with every cell quoted.
    quoting_all = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(COLUMNS)
    count = 0
    for row in rows:
        values = []
        carriage_return = False
        for name in COLUMNS:
            value = row.get(name)
            if value is None:
                value = ""
            elif isinstance(value, list):
                value = msgspec.json.encode(value).decode()
            elif isinstance(value, str):
                carriage_return = carriage_return or "\r" in value
                if formula_guard:
                    value = neutralise_formula(value)
            values.append(value)
        (quoting_all if carriage_return else writer).writerow(values)
        count += 1
    return count


def write_jsonl(
    rows: Iterable[Mapping[str, Any]], out: IO[str], columns: Sequence[str] = COLUMNS
) -> int:
    """One JSON object per line (``columns``, in order: by default the video row model's),
    every value exact. Returns the number of rows written."""
    count = 0
    for row in rows:
        out.write(msgspec.json.encode({name: row.get(name) for name in columns}).decode())
        out.write("\n")
        count += 1
    return count


def _parquet_schema() -> Any:
    """The typed Arrow schema of :data:`COLUMNS`, with pandas metadata when pandas is
    installed, so a plain ``pandas.read_parquet(path)`` gives ``Int64``, ``boolean``,
    ``string``... (not float64 with NaN for a missing count)."""
    pa = _require("pyarrow")
    kinds = {
        "int": pa.int64(),
        "float": pa.float64(),
        "str": pa.string(),
        "bool": pa.bool_(),
        "list[str]": pa.list_(pa.string()),
    }
    schema = pa.schema([pa.field(name, kinds[kind]) for name, kind in COLUMN_TYPES.items()])
    try:
        empty = rows_to_dataframe([])
    except ImportError:
        return schema
    metadata = pa.Schema.from_pandas(empty, preserve_index=False).metadata
    return schema.with_metadata(metadata)


def write_parquet(rows: Iterable[Mapping[str, Any]], path: str) -> int:
    """A Parquet file with typed columns (``item_id`` a string). Needs pyarrow."""
    pa = _require("pyarrow")
    import pyarrow.parquet as pq

    schema = _parquet_schema()
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
