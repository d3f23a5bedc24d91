"""CSV (or TSV) corpora with a header row; field names configurable (see FieldMap)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from eventwire.config import DEFAULT_MAX_BYTES
from eventwire.readers.errors import InputError
from eventwire.readers.fields import FieldMap, article_or_error
from eventwire.readers.validate import decode
from eventwire.records import Article


def iter_csv(
    data: bytes,
    origin: str,
    fields: FieldMap | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    delimiter: str | None = None,
) -> Iterator[Article | InputError]:
    """Each data row as an Article, or an InputError naming ``origin:line`` (the row's first line)."""
    fields = fields or FieldMap()
    try:
        # The whole file may be far larger than one article: allow 1000 articles' worth.
        text = decode(data, origin, max_bytes * 1000)
    except InputError as exc:
        yield exc
        return
    if delimiter is None:
        delimiter = "\t" if origin.endswith(".tsv") else ","
    csv.field_size_limit(max(max_bytes * 2, 131072))
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = reader.fieldnames
    except csv.Error as exc:
        yield InputError(origin, f"broken CSV header ({exc})", line=1)
        return
    if not header or fields.text not in header:
        yield InputError(origin, f"CSV header has no {fields.text!r} column (columns: {header})", line=1)
        return
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield InputError(origin, f"broken CSV row ({exc})", line=start)
            start = reader.line_num + 1
            continue
        line, start = start, reader.line_num + 1
        if None in row:
            yield InputError(origin, "row has more cells than the header", line=line)
            continue
        yield article_or_error(row, origin, line, fields, max_bytes)
