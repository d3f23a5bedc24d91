"""Quotation-mark pairing for the quotes stage: character spans of quoted text.

Marks are paired per paragraph (a line-break run ends a paragraph), so one stray mark
cannot swallow the rest of the document.  Curly and guillemet marks carry their
direction; straight marks (``"``, ``''``, ``'``) get one from their neighbours (after a
space or at a line start a mark opens, before a space or punctuation it closes).  An
opening mark with no close runs to the next opening mark or to the paragraph end (news
style reopens a multi-paragraph quote at each paragraph without closing it).  Single
marks are only quote marks when they pair within the paragraph; between two letters
they are apostrophes (``don't``, ``Trump's``) and an ``s'`` is a plural possessive
unless a single quote is open.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

#: One alternation over every mark; ``''`` (two apostrophes, used as a double mark) first.
_MARK_RE = re.compile(r"''|[\"“”„«»‘’'‹›]")
_OPEN_ONLY = {"“": True, "„": True, "«": True, "‘": False, "‹": False}  # value: is a double mark
_CLOSE_ONLY = {"”": True, "»": True, "’": False, "›": False}
_OPEN_BEFORE = set("([{—–-/“‘\"'«")
_CLOSE_AFTER = set(".,;:!?)]}—–-”’\"'»…")


class Mark(NamedTuple):
    """One quotation mark with the directions it may take (a named tuple: one is made per mark of every text)."""

    start: int
    end: int
    double: bool
    can_open: bool
    can_close: bool


@dataclass(frozen=True)
class QuotedSpan:
    """Quoted content between marks (the marks excluded), with how it was delimited."""

    start: int
    end: int
    open_start: int
    close_end: int
    closed: bool
    double: bool
    nested: bool
    paragraph: int


def _classify(text: str, m: re.Match[str]) -> Mark | None:
    s, e = m.start(), m.end()
    ch = m.group()
    prev = text[s - 1] if s > 0 else "\n"
    nxt = text[e] if e < len(text) else "\n"
    if ch in _OPEN_ONLY:
        return Mark(s, e, _OPEN_ONLY[ch], True, False)
    if ch in _CLOSE_ONLY:
        double = _CLOSE_ONLY[ch]
        if not double and (prev.isalnum() and nxt.isalnum()):
            return None  # apostrophe written with the right single quote
        if double and prev == "\n" and not nxt.isspace():
            # a closing mark opening a paragraph closes nothing (pairing is per paragraph): a typo for the opener
            return Mark(s, e, double, True, False)
        return Mark(s, e, double, False, True)
    double = ch in {'"', "''"}
    if not double and prev.isalnum() and nxt.isalnum():
        return None  # apostrophe
    can_open = (prev.isspace() or prev in _OPEN_BEFORE) and not nxt.isspace()
    can_close = (not prev.isspace()) and (nxt.isspace() or nxt in _CLOSE_AFTER)
    if not double and can_open and nxt.isdigit():
        return None  # '90s
    if not can_open and not can_close:
        # a mark with spaces on both sides, or glued on both sides: may do either
        can_open = can_close = True
    return Mark(s, e, double, can_open, can_close)


#: The last text's paragraphs, as one tuple (read and replaced whole, so threads see a consistent pair).
_LAST_PARAGRAPHS: list[tuple[str | None, list[tuple[int, int]]]] = [(None, [])]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph; the last text's are kept (the quotes stage asks twice per document).
    Callers must not change the list."""
    last_text, last_spans = _LAST_PARAGRAPHS[0]
    if last_text is text:
        return last_spans
    spans = _find_paragraphs(text)
    _LAST_PARAGRAPHS[0] = (text, spans)
    return spans


def _find_paragraphs(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in re.finditer(r"\n+", text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans


def paragraph_starts(text: str) -> list[int]:
    """Start offsets of the paragraphs of ``text`` (the numbering QuotedSpan.paragraph uses)."""
    return [s for s, _ in _paragraphs(text)]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """All quoted spans of ``text`` in order: top-level double-quoted, single-quoted and nested ones."""
    marks_by_par: dict[int, list[Mark]] = {}
    pars = _paragraphs(text)
    par_ends = [e for _, e in pars]
    pi = 0
    for m in _MARK_RE.finditer(text):
        while pi < len(pars) - 1 and m.start() >= par_ends[pi]:
            pi += 1
        mark = _classify(text, m)
        if mark is not None:
            marks_by_par.setdefault(pi, []).append(mark)
    out: list[QuotedSpan] = []
    for pi, marks in marks_by_par.items():
        par_end = par_ends[pi]
        doubles = _pair([mk for mk in marks if mk.double], par_end, allow_unclosed=True)
        singles = _pair([mk for mk in marks if not mk.double], par_end, allow_unclosed=False)
        for o, c in doubles:
            s, e = _trimmed(text, o.end, c.start if c else par_end)
            if e > s:
                closed = c is not None and c.can_close
                out.append(QuotedSpan(s, e, o.start, c.end if c else e, closed, True, False, pi))
        tops = [q for q in out if q.paragraph == pi]
        for o, c in singles:
            assert c is not None
            s, e = _trimmed(text, o.end, c.start)
            if e <= s:
                continue
            inside = [q for q in tops if q.start <= o.start and c.end <= q.close_end]
            crossing = [
                q for q in tops if (q.open_start < o.start < q.close_end) != (q.open_start < c.start < q.close_end)
            ]
            if crossing:
                continue
            out.append(QuotedSpan(s, e, o.start, c.end, True, False, bool(inside), pi))
    out.sort(key=lambda q: (q.start, -q.end))
    return out


def _pair(marks: list[Mark], par_end: int, allow_unclosed: bool) -> list[tuple[Mark, Mark | None]]:
    pairs: list[tuple[Mark, Mark | None]] = []
    pending: Mark | None = None
    for mk in marks:
        if pending is None:
            if mk.can_open:
                pending = mk
        elif mk.can_close:
            pairs.append((pending, mk))
            pending = None
        elif mk.can_open:
            if allow_unclosed:
                pairs.append((pending, _stop(mk)))
            pending = mk
    if pending is not None and allow_unclosed:
        pairs.append((pending, None))
    return pairs


def _stop(mk: Mark) -> Mark:
    """A zero-width stand-in closing mark just before the next opener (for an unclosed quote)."""
    return Mark(mk.start, mk.start, mk.double, False, False)
