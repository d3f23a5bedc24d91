"""Walk input paths (files, directories recursively, ``-`` for stdin) and yield Articles or InputErrors.

The format of each file comes from ``--format`` or, with ``auto``, from its extension
(``.txt .md .text`` text; ``.html .htm`` HTML; ``.jsonl .ndjson`` JSONL; ``.csv .tsv`` CSV;
``.rss .atom .xml`` feed; ``.parquet`` Parquet), else from sniffing its first bytes.  A text file may have a
*sidecar* ``<name>.meta.json`` beside it with ``title``, ``published``/``date``, ``source``
and ``url`` keys (front matter in the file wins).  Bad input never raises: it is yielded
as an :class:`InputError` so the caller can record it and go on.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, Literal

from eventwire.config import DEFAULT_MAX_BYTES
from eventwire.readers.csv import iter_csv
from eventwire.readers.errors import InputError
from eventwire.readers.feed import iter_feed
from eventwire.readers.fields import FieldMap
from eventwire.readers.html import article_from_html
from eventwire.readers.jsonl import iter_jsonl
from eventwire.readers.text import article_from_bytes, parse_date
from eventwire.records import Article

InputFormat = Literal["auto", "text", "html", "jsonl", "csv", "feed", "parquet"]
FORMATS: tuple[str, ...] = ("auto", "text", "html", "jsonl", "csv", "feed", "parquet")

EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".parquet": "parquet",
}
SIDECAR_SUFFIX = ".meta.json"
#: Multi-record files (JSONL, CSV, feeds) may be this many times larger than one article.
CORPUS_FILE_FACTOR = 1000


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of a file, or an InputError (missing, unreadable, too large)."""
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(origin, f"too large ({size:,} bytes; limit {max_bytes:,})")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(origin, "no such file") from None
    except IsADirectoryError:
        raise InputError(origin, "is a directory, not a file") from None
    except PermissionError:
        raise InputError(origin, "permission denied") from None
    except OSError as exc:
        raise InputError(origin, f"unreadable ({exc.strerror or exc})") from None


def sniff_format(data: bytes) -> str:
    """Guess the format of input bytes from their start."""
    if data[:4] == b"PAR1":
        return "parquet"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed"):
        return "feed" if (b"<rss" in head or b"<feed" in head or b"<rdf" in head) else "html"
    if head.startswith(b"<!doctype html") or head.startswith(b"<html") or head.startswith(b"<"):
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


def _sidecar(path: Path) -> dict[str, str]:
    side = path.with_name(path.name.rsplit(".", 1)[0] + SIDECAR_SUFFIX)
    if not side.is_file():
        return {}
    try:
        data = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(str(side), f"unreadable sidecar metadata ({exc})") from None
    if not isinstance(data, dict):
        raise InputError(str(side), "sidecar metadata is not a JSON object")
    return {str(k).lower(): str(v) for k, v in data.items() if v is not None}


def _text_article(data: bytes, origin: str, path: Path | None, max_bytes: int) -> Article:
    article = article_from_bytes(data, origin, max_bytes=max_bytes)
    meta = _sidecar(path) if path is not None else {}
    if not meta:
        return article
    update: dict[str, object] = {}
    for key in ("title", "source", "url"):
        if getattr(article, key) is None and meta.get(key):
            update[key] = meta[key]
    date = meta.get("published") or meta.get("date")
    if article.published is None and date:
        update["published"], update["published_from"] = parse_date(date, origin), "metadata"
    return article.model_copy(update=update)


def read_input(
    data: bytes,
    origin: str,
    fmt: str = "auto",
    fields: FieldMap | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    path: Path | None = None,
) -> Iterator[Article | InputError]:
    """Articles (or errors) from the bytes of one input in format ``fmt``."""
    if fmt == "auto":
        fmt = EXTENSIONS.get(path.suffix.lower(), "") if path is not None else ""
        fmt = fmt or sniff_format(data)
    try:
        if fmt == "text":
            yield _text_article(data, origin, path, max_bytes)
        elif fmt == "html":
            yield article_from_html(data, origin, max_bytes=max_bytes)
        elif fmt == "jsonl":
            yield from iter_jsonl(data, origin, fields, max_bytes)
        elif fmt == "csv":
            yield from iter_csv(data, origin, fields, max_bytes)
        elif fmt == "feed":
            yield from iter_feed(data, origin, max_bytes)
        elif fmt == "parquet":
            from eventwire.readers.parquet import iter_parquet

            yield from iter_parquet(data, origin, fields, max_bytes)
        else:
            yield InputError(origin, f"unknown input format {fmt!r} (one of {', '.join(FORMATS)})")
    except InputError as exc:
        yield exc


def walk(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Files named or found (recursively, sorted, hidden files and sidecars skipped) under ``paths``."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith(".") or name.endswith(SIDECAR_SUFFIX):
                        continue
                    yield Path(root) / name
        elif path.exists():
            yield path
        else:
            yield InputError(str(path), "no such file or directory")


def discover(
    paths: Iterable[str | Path],
    fmt: str = "auto",
    fields: FieldMap | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> Iterator[Article | InputError]:
    """Every Article (or InputError) from the given paths; ``-`` reads standard input."""
    for raw in paths:
        if str(raw) == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read()
            yield from read_input(data, "<stdin>", fmt, fields, max_bytes)
            continue
        for item in walk([raw]):
            if isinstance(item, InputError):
                yield item
                continue
            multi = fmt in ("jsonl", "csv", "feed", "parquet") or (
                fmt == "auto" and EXTENSIONS.get(item.suffix.lower()) in ("jsonl", "csv", "feed", "parquet")
            )
            try:
                data = read_bytes(item, max_bytes * CORPUS_FILE_FACTOR if multi else max_bytes)
            except InputError as exc:
                yield exc
                continue
            yield from read_input(data, str(item), fmt, fields, max_bytes, path=item)
