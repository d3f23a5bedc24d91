"""RSS and Atom feed files (feedparser): one article per entry, from its content or summary.

Entry bodies are usually HTML fragments; their text is taken with lxml.  The entry's
published (else updated) date becomes the article date; entry link and feed title
become url and source.  Errors name the entry number as the line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

from eventwire.config import DEFAULT_MAX_BYTES
from eventwire.readers.errors import InputError
from eventwire.readers.validate import check_text, decode
from eventwire.records import Article


class _TextParser(HTMLParser):
    """Collects the text of an HTML fragment; block elements become paragraph breaks."""

    BLOCKS = frozenset({"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section"})
    SKIP = frozenset({"script", "style"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment, paragraphs separated by blank lines."""
    if "<" not in fragment and "&" not in fragment:
        return fragment
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    text = "".join(parser.parts)
    paragraphs = (" ".join(p.split()) for p in text.split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def _entry_body(entry: Any) -> str:
    contents = entry.get("content") or []
    best = max((c.get("value", "") for c in contents), key=len, default="")
    if not best.strip():
        best = entry.get("summary", "") or ""
    return html_fragment_text(best)


def iter_feed(data: bytes, origin: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | InputError]:
    """Each entry of an RSS/Atom feed as an Article, or an InputError (line = entry number, from 1)."""
    import feedparser

    try:
        decode(data, origin, max_bytes * 1000)
    except InputError as exc:
        yield exc
        return
    parsed = feedparser.parse(data)
    if not parsed.entries:
        why = parsed.get("bozo_exception")
        detail = f": {type(why).__name__}: {str(why)[:80]}" if why else ""
        yield InputError(origin, f"broken feed: no entries could be read{detail}")
        return
    why = parsed.get("bozo_exception")
    benign = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
    if parsed.get("bozo") and why is not None and not isinstance(why, benign):
        # Malformed XML: report it, then keep whatever entries the lenient parser recovered.
        yield InputError(origin, f"broken feed: {type(why).__name__}: {str(why)[:80]}")
    outlet = parsed.feed.get("title") or None
    for n, entry in enumerate(parsed.entries, start=1):
        text = _entry_body(entry)
        try:
            if len(text.encode("utf-8")) > max_bytes:
                raise InputError(origin, f"too large (entry over {max_bytes:,} bytes)", line=n)
            check_text(text, origin, "en")
        except InputError as exc:
            yield InputError(origin, exc.reason, line=n)
            continue
        published = _entry_date(entry)
        yield Article.from_text(
            text,
            title=entry.get("title") or None,
            published=published,
            published_from="metadata" if published else None,
            source=outlet,
            url=entry.get("link") or None,
            origin=f"{origin}:{n}",
        )
