"""Plain-text articles, with optional front matter for metadata.

Front matter is a block of ``key: value`` lines between ``---`` lines at the top::

    ---
    title: Blinken meets Wang
    published: 2024-04-26
    source: BTA
    url: https://example.org/a
    ---
    Article text ...
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from eventwire.config import DEFAULT_MAX_BYTES
from eventwire.readers.errors import InputError
from eventwire.readers.validate import check_text, decode
from eventwire.records import Article

_KEYS = {"title", "published", "date", "source", "url", "language"}


def parse_date(value: str, origin: str, line: int | None = None) -> dt.date:
    """A YYYY-MM-DD (optionally with a time part) date, or an InputError naming ``origin`` (and ``line``)."""
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise InputError(origin, f"bad date {value!r} (expected YYYY-MM-DD)", line=line) from None


def split_front_matter(text: str, origin: str) -> tuple[dict[str, str], str]:
    """(metadata, body) of a text that may start with a front-matter block."""
    stripped = text.lstrip("\ufeff")
    if not stripped.startswith("---\n"):
        return {}, text
    end = stripped.find("\n---", 4)
    if end < 0:
        raise InputError(origin, "front matter opened with '---' is never closed")
    meta: dict[str, str] = {}
    for n, line in enumerate(stripped[4:end].splitlines(), start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        if not sep:
            raise InputError(origin, f"front matter line is not 'key: value': {line!r}", line=n)
        key = key.strip().lower()
        if key in _KEYS:
            meta["published" if key == "date" else key] = value.strip().strip("\"'")
    body_start = stripped.find("\n", end + 4)
    return meta, stripped[body_start + 1 :] if body_start >= 0 else ""


def article_from_bytes(
    data: bytes,
    origin: str,
    *,
    published: dt.date | None = None,
    source: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    """Validate and decode one text article; explicit arguments override front matter."""
    text = decode(data, origin, max_bytes)
    meta, body = split_front_matter(text, origin)
    language = meta.get("language", "en")
    check_text(body, origin, language)
    published_from = "given" if published is not None else None
    if published is None and meta.get("published"):
        published, published_from = parse_date(meta["published"], origin), "metadata"
    return Article.from_text(
        body,
        title=meta.get("title"),
        published=published,
        published_from=published_from,  # type: ignore[arg-type]
        source=source or meta.get("source"),
        url=meta.get("url"),
        language=language,
        origin=origin,
    )


def read_text_file(
    path: Path,
    *,
    published: dt.date | None = None,
    source: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    """Read one text file as an Article (see :func:`article_from_bytes`)."""
    from eventwire.readers.discover import read_bytes

    data = read_bytes(path, max_bytes)
    return article_from_bytes(data, str(path), published=published, source=source, max_bytes=max_bytes)
