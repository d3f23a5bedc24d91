"""Parquet corpora: one article per row, field names configurable (see FieldMap), validated like JSONL/CSV.

A record's locator is ``origin:N`` with N the 1-based row number in the file, so a bad
row is reported the same way as a bad JSONL line.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from eventwire.config import DEFAULT_MAX_BYTES
from eventwire.readers.errors import InputError
from eventwire.readers.fields import FieldMap, article_or_error
from eventwire.records import Article

#: Rows decoded at a time (memory stays bounded for large files).
ROWS_PER_CHUNK = 1024


def iter_parquet(
    data: bytes, origin: str, fields: FieldMap | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | InputError]:
    """Each row of a Parquet file as an Article, or an InputError naming ``origin:row``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    fields = fields or FieldMap()
    try:
        handle = pq.ParquetFile(io.BytesIO(data))
    except (pa.ArrowException, OSError) as exc:
        yield InputError(origin, f"broken Parquet file ({str(exc)[:200]})")
        return
    names = set(handle.schema_arrow.names)
    if fields.text not in names:
        yield InputError(origin, f"Parquet file has no {fields.text!r} column (columns: {sorted(names)})")
        return
    wanted = [
        f for f in (fields.text, fields.title, fields.date, fields.source, fields.url, fields.language) if f in names
    ]
    row = 0
    try:
        for batch in handle.iter_batches(batch_size=ROWS_PER_CHUNK, columns=list(dict.fromkeys(wanted))):
            for record in batch.to_pylist():
                row += 1
                if record.get(fields.date) is not None and not isinstance(record[fields.date], str):
                    record[fields.date] = str(record[fields.date])  # a DATE/TIMESTAMP column: ISO text
                yield article_or_error(record, origin, row, fields, max_bytes)
    except (pa.ArrowException, OSError) as exc:
        yield InputError(origin, f"broken Parquet data after row {row} ({str(exc)[:200]})", line=row + 1)
    if row == 0:
        yield InputError(origin, "empty input")
