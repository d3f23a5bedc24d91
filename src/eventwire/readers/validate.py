"""Checks every reader applies before text becomes an Article.

Language identification is a stop-word ratio over spaCy's English stop list rather
than a language-ID library: eventwire only needs "is this English prose?", the check is
microseconds per article, and it adds no dependency or model files.  Texts shorter
than a few words are not judged.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from eventwire.readers.errors import InputError

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
#: Share of English stop words below which a text is judged not English.
MIN_ENGLISH_STOPWORD_RATIO = 0.12
MIN_WORDS_TO_JUDGE = 12


def english_ratio(text: str) -> tuple[float, int]:
    """(share of words that are English stop words, number of words)."""
    words = _WORD.findall(text[:20000].lower())
    if not words:
        return 0.0, 0
    return sum(1 for w in words if w in STOP_WORDS) / len(words), len(words)


def looks_binary(data: bytes) -> bool:
    """True for data with NUL bytes or many control characters."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return bool(sample) and control / len(sample) > 0.05


def decode(data: bytes, origin: str, max_bytes: int) -> str:
    """Decode article bytes to text, raising :class:`InputError` for bad input."""
    if len(data) > max_bytes:
        raise InputError(origin, f"too large ({len(data):,} bytes; limit {max_bytes:,})")
    if not data.strip():
        raise InputError(origin, "empty input")
    if looks_binary(data):
        raise InputError(origin, "binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(origin, f"not valid UTF-8 (byte {exc.start}: {data[exc.start : exc.start + 1]!r})") from None


def check_text(text: str, origin: str, language: str = "en") -> None:
    """Refuse empty or non-English text."""
    if not text.strip():
        raise InputError(origin, "empty text")
    if language != "en":
        raise InputError(origin, f"language {language!r} is not supported (English only)")
    ratio, n = english_ratio(text)
    if n >= MIN_WORDS_TO_JUDGE and ratio < MIN_ENGLISH_STOPWORD_RATIO:
        raise InputError(origin, f"not English (English function-word share {ratio:.2f})")
    if n == 0:
        raise InputError(origin, "no words in text")
