"""HTML pages: main text and metadata (title, date, url, site) via trafilatura.

trafilatura strips navigation, boilerplate and comments and keeps the article body;
its metadata extraction reads ``<title>``, Open Graph / ``article:published_time``
tags and canonical links.  A page with no extractable body is bad input.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from eventwire.config import DEFAULT_MAX_BYTES
from eventwire.readers.errors import InputError
from eventwire.readers.validate import check_text, decode
from eventwire.records import Article

#: Below this many characters of extracted text a page is judged to have no article.
MIN_TEXT_CHARS = 20


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def article_from_html(
    data: bytes,
    origin: str,
    *,
    published: dt.date | None = None,
    source: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    """Validate one HTML page and extract its article; explicit arguments override page metadata."""
    import trafilatura

    html = decode(data, origin, max_bytes)
    lowered = html[:4096].lower()
    if "<" not in lowered or not any(tag in lowered for tag in ("<html", "<body", "<p", "<article", "<div", "<head")):
        raise InputError(origin, "not HTML (no HTML tags found)")
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    except Exception as exc:  # trafilatura/lxml raise many error types on broken markup
        raise InputError(origin, f"broken HTML ({type(exc).__name__})") from None
    if doc is None:
        raise InputError(origin, "broken HTML: no article text could be extracted")
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = str(meta.get("text") or "")
    title = meta.get("title") or None
    if title and text.startswith(str(title)):
        # trafilatura repeats the headline as the first line of the body.
        text = text[len(str(title)) :].lstrip()
    if len(text.strip()) < MIN_TEXT_CHARS:
        raise InputError(origin, "broken HTML: no article text could be extracted")
    check_text(text, origin, "en")
    published_from = "given" if published is not None else None
    if published is None:
        published = _date(meta.get("date"))
        published_from = "metadata" if published is not None else None
    return Article.from_text(
        text,
        title=str(title) if title else None,
        published=published,
        published_from=published_from,  # type: ignore[arg-type]
        source=source or (str(meta["sitename"]) if meta.get("sitename") else None),
        url=str(meta["url"]) if meta.get("url") else None,
        origin=origin,
    )


def read_html_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read one HTML file as an Article."""
    from eventwire.readers.discover import read_bytes

    return article_from_html(read_bytes(path, max_bytes), str(path), max_bytes=max_bytes)
