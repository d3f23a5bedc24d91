"""JSON Lines corpora: one JSON object per line, field names configurable (see FieldMap)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from eventwire.config import DEFAULT_MAX_BYTES
from eventwire.readers.errors import InputError
from eventwire.readers.fields import FieldMap, article_or_error
from eventwire.records import Article


def iter_jsonl(
    data: bytes, origin: str, fields: FieldMap | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | InputError]:
    """Each line of a JSONL file as an Article, or an InputError naming ``origin:line``."""
    fields = fields or FieldMap()
    if b"\x00" in data[:8192]:
        yield InputError(origin, "binary data, not text")
        return
    seen_any = False
    for n, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        seen_any = True
        try:
            line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield InputError(origin, f"not valid UTF-8 (byte {exc.start})", line=n)
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(origin, f"not valid JSON ({exc.msg})", line=n)
            continue
        if not isinstance(record, dict):
            yield InputError(origin, "record is not a JSON object", line=n)
            continue
        yield article_or_error(record, origin, n, fields, max_bytes)
    if not seen_any:
        yield InputError(origin, "empty input")
