"""Field names for record-oriented corpora (JSONL, CSV) and turning a record into an Article."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from eventwire.config import DEFAULT_MAX_BYTES
from eventwire.readers.errors import InputError
from eventwire.readers.text import parse_date
from eventwire.readers.validate import check_text
from eventwire.records import Article


@dataclass(frozen=True)
class FieldMap:
    """Which record field holds the text, title, date, source and url."""

    text: str = "text"
    title: str = "title"
    date: str = "date"
    source: str = "source"
    url: str = "url"
    language: str = "language"


def _str(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def article_from_record(
    record: Mapping[str, object],
    origin: str,
    line: int,
    fields: FieldMap,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    """Validate one JSONL/CSV record and build its Article (errors name ``origin:line``)."""
    locator = f"{origin}:{line}"
    raw = record.get(fields.text)
    if fields.text not in record:
        raise InputError(origin, f"no {fields.text!r} field in record", line=line)
    if not isinstance(raw, str):
        raise InputError(origin, f"field {fields.text!r} is not a string", line=line)
    if len(raw.encode("utf-8")) > max_bytes:
        raise InputError(origin, f"too large (text over {max_bytes:,} bytes)", line=line)
    if "\x00" in raw:
        raise InputError(origin, "binary data, not text", line=line)
    language = _str(record.get(fields.language)) or "en"
    try:
        check_text(raw, origin, language)
    except InputError as exc:
        raise InputError(origin, exc.reason, line=line) from None
    date_value = _str(record.get(fields.date))
    published = parse_date(date_value, origin, line) if date_value else None
    return Article.from_text(
        raw,
        title=_str(record.get(fields.title)),
        published=published,
        published_from="metadata" if published else None,
        source=_str(record.get(fields.source)),
        url=_str(record.get(fields.url)),
        language=language,
        origin=locator,
    )


def article_or_error(
    record: Mapping[str, object], origin: str, line: int, fields: FieldMap, max_bytes: int = DEFAULT_MAX_BYTES
) -> Article | InputError:
    """:func:`article_from_record`, with a bad record returned as its InputError (for record iterators)."""
    try:
        return article_from_record(record, origin, line, fields, max_bytes)
    except InputError as exc:
        return exc
