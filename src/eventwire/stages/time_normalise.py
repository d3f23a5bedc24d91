"""The normaliser of the time stage: a grammar match -> a TIMEX3 type, value and granularity.

Values follow TimeML/TIMEX3 as annotated in TimeBank: ``2024-04-26``, ``2024-04``,
``2024-W16``, ``2024-Q1``, ``2024-SU``, ``2024``, ``199`` (a decade), ``19`` (a century),
``2024-04-26T15:00`` / ``2024-04-26TMO`` (times), ``P2D`` / ``PXH`` / ``P10Y`` (durations;
a decade is ``P10Y``), ``P1W`` (sets), ``PRESENT_REF`` / ``PAST_REF`` / ``FUTURE_REF``.

Underspecified expressions are resolved against the publication date (``dct``), using
the tense of the governing verb where the direction is open ("in November", "on
Friday"): past -> the latest such period up to the publication date, future -> the next
one from it, unknown -> the nearest (months) or the past (weekdays: news reports what
happened).  Anaphoric expressions ("a year earlier", "the next day", "the quarter") are
resolved against the discourse reference kept in :class:`Discourse`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

from eventwire.stages.time_grammar import (
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASON_MONTHS,
    SEASONS,
    WEEKDAYS,
    Candidate,
    number_value,
    spelled_year,
)


@lru_cache(maxsize=1)
def _pod_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern of a part of the day ending a phrase, its TIMEX3 code), in table order."""
    return tuple((re.compile(r"(?<![\w-])" + word + r"s?$"), code) for word, code in PARTS_OF_DAY.items())


@lru_cache(maxsize=8192)
def _pod_code(t: str) -> str:
    """The TIMEX3 code of the part of the day ending ``t`` ('' for none), cached per process."""
    for rx, code in _pod_patterns():
        if rx.search(t):
            return code
    return ""


@lru_cache(maxsize=1)
def _ordinal_patterns() -> tuple[tuple[re.Pattern[str], int], ...]:
    """(pattern of an ordinal as a whole word, its value), in table order."""
    return tuple((re.compile(r"(?<![\w])" + word + r"(?![\w])"), val) for word, val in ORDINALS.items())


Tense = str | None  # "past", "future", "present", "prospective" (future of a past moment) or None

GRAN_ORDER = ("minute", "hour", "day", "week", "month", "quarter", "season", "year", "decade", "century")


class DocView(Protocol):
    """What the normaliser may ask about the parsed document."""

    def tense(self, start: int, end: int) -> Tense:
        """Tense of the clause governing the span."""

    def tag(self, start: int) -> str:
        """Fine-grained POS tag of the token at a character offset ('' if none)."""

    def ent(self, start: int) -> str:
        """Entity label of the token at a character offset ('' if none)."""


@dataclass(frozen=True)
class Point:
    """A calendar period: its granularity and first day (plus a season code)."""

    gran: str
    date: dt.date
    season: str = ""

    def value(self) -> str:
        """The TIMEX3 value of the period."""
        d = self.date
        if self.gran == "day":
            return d.isoformat()
        if self.gran == "week":
            y, w, _ = d.isocalendar()
            return f"{y}-W{w:02d}"
        if self.gran == "weekend":
            y, w, _ = d.isocalendar()
            return f"{y}-W{w:02d}-WE"
        if self.gran == "month":
            return f"{d.year}-{d.month:02d}"
        if self.gran == "quarter":
            return f"{d.year}-Q{(d.month - 1) // 3 + 1}"
        if self.gran == "half":
            return f"{d.year}-H{1 if d.month <= 6 else 2}"
        if self.gran == "season":
            return f"{d.year}-{self.season}"
        if self.gran == "year":
            return f"{d.year:04d}"
        if self.gran == "decade":
            return f"{d.year // 10:03d}"  # TIMEX3 and most of TimeBank: "the 1990s" -> 199
        if self.gran == "century":
            return f"{d.year // 100:02d}"
        return d.isoformat()


@dataclass
class Resolved:
    """A normalised expression."""

    type: str
    value: str
    granularity: str
    anchor: str | None = None
    point: Point | None = None
    sets_reference: bool = True


@dataclass
class Discourse:
    """The reference times a document has set so far (for anaphoric expressions)."""

    dct: dt.date
    last: Point | None = None
    last_coarse: Point | None = None
    history: list[Point] = field(default_factory=list)

    def update(self, point: Point | None) -> None:
        """Record a newly mentioned period as the current reference."""
        if point is None:
            return
        self.last = point
        if point.gran in ("quarter", "half", "month", "season", "year"):
            self.last_coarse = point


# ---------------------------------------------------------------- calendar arithmetic


def add_months(d: dt.date, n: int) -> dt.date:
    """``d`` moved by ``n`` months (day clipped to the month's length)."""
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    last = [31, 29 if y % 4 == 0 and (y % 100 != 0 or y % 400 == 0) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return dt.date(y, m, min(d.day, last[m - 1]))


def shift(d: dt.date, n: int, unit: str) -> dt.date:
    """``d`` moved by ``n`` units (D, W, M, Q, H, Y, DE, CE)."""
    if unit == "D":
        return d + dt.timedelta(days=n)
    if unit in ("W", "WE"):
        return d + dt.timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "H": 6, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    if months is None:
        return d
    return add_months(d, n * months)


def start_of(gran: str, d: dt.date) -> dt.date:
    """First day of the period of granularity ``gran`` containing ``d``."""
    if gran in ("week", "weekend"):
        return d - dt.timedelta(days=d.weekday())
    if gran == "month":
        return d.replace(day=1)
    if gran == "quarter":
        return dt.date(d.year, (d.month - 1) // 3 * 3 + 1, 1)
    if gran == "half":
        return dt.date(d.year, 1 if d.month <= 6 else 7, 1)
    if gran == "year":
        return dt.date(d.year, 1, 1)
    if gran == "decade":
        return dt.date(d.year // 10 * 10 or 1, 1, 1)
    if gran == "century":
        return dt.date(max(d.year // 100 * 100, 1), 1, 1)
    return d


UNIT_GRAN = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "DE": "decade", "CE": "century"}


def unit_code(word: str) -> str:
    """Unit code of a unit word: 'weeks' -> 'W', 'minutes' -> 'TM'."""
    w = word.lower().rstrip("s")
    if w.startswith("centur"):
        return "CE"
    return {
        "second": "TS",
        "minute": "TM",
        "hour": "TH",
        "day": "D",
        "week": "W",
        "fortnight": "F",
        "month": "M",
        "quarter": "Q",
        "year": "Y",
        "decade": "DE",
    }.get(w, "")


def duration_value(n: int | None, unit: str) -> str:
    """TIMEX3 duration value: (2, 'D') -> 'P2D', (None, 'TH') -> 'PTXH', (1, 'DE') -> 'P10Y'."""
    num = "X" if n is None else str(n)
    if unit == "DE":
        return "P" + ("X" if n is None else str(10 * n)) + "Y" if n is not None else "PXDE"
    if unit == "CE":
        return "P" + str(100 * n) + "Y" if n is not None else "PXCE"
    if unit == "F":
        return "P" + ("X" if n is None else str(2 * n)) + "W"
    if unit.startswith("T"):
        return f"PT{num}{unit[1:]}"
    return f"P{num}{unit}"


def _pick(candidates: list[tuple[int, object]], tense: Tense, penalty: int, future_bias: int = 0) -> object:
    """The candidate with the lowest cost: its distance, plus ``penalty`` when its direction contradicts the tense.

    ``candidates`` are (signed distance from the publication date, value) pairs.  Tense
    decides between near alternatives but cannot pull a date a year away when one a
    few weeks away fits (the parse and the tense are often wrong in reported speech).
    """

    def cost(item: tuple[int, object]) -> tuple[int, int]:
        dist = item[0]
        c = abs(dist)
        if (tense == "past" and dist > 0) or (tense == "future" and dist < 0):
            c += penalty
        if tense not in ("future", "prospective") and dist > 0:
            c += future_bias
        return (c, (dist > 0) != (tense in ("future", "prospective")))  # ties go the tense's way

    return min(candidates, key=cost)[1]


def resolve_month(month: int, dct: dt.date, tense: Tense, rel: str = "") -> int:
    """The year of a month named without one."""
    if rel == "last":
        return dct.year if month < dct.month else dct.year - 1
    if rel == "next":
        return dct.year if month > dct.month else dct.year + 1
    if rel == "this":
        return dct.year
    cands: list[tuple[int, object]] = [
        ((y - dct.year) * 12 + month - dct.month, y) for y in (dct.year - 1, dct.year, dct.year + 1)
    ]
    year = _pick(cands, tense, 9)
    assert isinstance(year, int)
    return year


def resolve_day(month: int, day: int, dct: dt.date, tense: Tense) -> dt.date | None:
    """The date of a month and day named without a year."""
    cands: list[tuple[int, object]] = []
    for y in (dct.year - 1, dct.year, dct.year + 1):
        try:
            d = dt.date(y, month, day)
        except ValueError:
            continue
        cands.append(((d - dct).days, d))
    if not cands:
        return None
    picked = _pick(cands, tense, 240)
    assert isinstance(picked, dt.date)
    return picked


def resolve_weekday(wd: int, dct: dt.date, tense: Tense, rel: str = "") -> dt.date:
    """The date of a weekday (1 = Monday) named without a date."""
    delta = wd - dct.isoweekday()
    if rel == "last":
        back = (dct.isoweekday() - wd) % 7 or 7
        return dct - dt.timedelta(days=back)
    if rel == "next":
        fwd = (wd - dct.isoweekday()) % 7 or 7
        return dct + dt.timedelta(days=fwd)
    if rel == "this":
        return dct + dt.timedelta(days=delta)
    back = (dct.isoweekday() - wd) % 7
    fwd = (wd - dct.isoweekday()) % 7
    if tense == "present":
        tense = "future"  # "the ministers meet Monday": a scheduled event
    if back == 0:
        return dct
    cands: list[tuple[int, object]] = [(-back, dct - dt.timedelta(days=back)), (fwd, dct + dt.timedelta(days=fwd))]
    picked = _pick(cands, tense, 7 if tense == "past" else 3, future_bias=7)
    assert isinstance(picked, dt.date)
    return picked


def resolve_quarter(q: int, dct: dt.date, tense: Tense) -> int:
    """The year of a quarter named without one."""
    cur = (dct.month - 1) // 3 + 1
    if tense == "past" and q > cur:
        return dct.year - 1
    if tense == "future" and q < cur - 1:
        return dct.year + 1
    return dct.year


def resolve_season(code: str, dct: dt.date, tense: Tense, rel: str) -> int:
    """The year of a season named without one."""
    first, _last = SEASON_MONTHS[code]
    started = dct.month >= first if code != "WI" else dct.month >= 12
    in_it = (first <= dct.month <= _last) if code != "WI" else dct.month in (12, 1, 2)
    if code == "WI" and dct.month in (1, 2):
        cur = dct.year - 1
        started = True
    else:
        cur = dct.year
    if rel == "last" or (rel == "past"):
        return cur if started and not in_it else cur - 1
    if rel == "next" or rel == "coming":
        return cur if not started else cur + 1
    if rel == "this":
        return cur
    if tense == "past":
        return cur if started else cur - 1
    if tense == "future":
        return cur if not started or in_it else cur + 1
    return cur


def easter(year: int) -> dt.date:
    """Western Easter Sunday of ``year`` (the Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    la = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * la) // 451
    month = (h + la - 7 * m + 114) // 31
    day = (h + la - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ``weekday`` (1 = Monday) of a month; ``n`` = -1 for the last one."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = add_months(dt.date(year, month, 1), 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def holiday_date(name: str, year: int) -> dt.date | None:
    """The date of a named day in ``year`` ('thanksgiving' -> fourth Thursday of November)."""
    n = " ".join(name.lower().replace("labour", "labor").split())
    fixed = {
        "christmas": (12, 25),
        "christmas day": (12, 25),
        "christmas eve": (12, 24),
        "new year's day": (1, 1),
        "new year's eve": (12, 31),
        "halloween": (10, 31),
        "valentine's day": (2, 14),
    }
    if n in fixed:
        return dt.date(year, *fixed[n])
    if n.startswith("thanksgiving"):
        return nth_weekday(year, 11, 4, 4)
    if n == "election day":
        return nth_weekday(year, 11, 1, 1) + dt.timedelta(days=1)
    if n == "labor day":
        return nth_weekday(year, 9, 1, 1)
    if n == "memorial day":
        return nth_weekday(year, 5, 1, -1)
    if n.startswith("easter"):
        return easter(year) + dt.timedelta(days=1 if n.endswith("monday") else 0)
    return None


# ---------------------------------------------------------------- helpers over the match text


_WORD = re.compile(r"[A-Za-z][A-Za-z.'-]*|\d+(?:st|nd|rd|th)?")
_PREPS_TIME = frozenset(
    [
        "in",
        "on",
        "at",
        "since",
        "until",
        "till",
        "by",
        "during",
        "from",
        "to",
        "before",
        "after",
        "of",
        "through",
        "throughout",
        "between",
        "and",
        "or",
        "for",
        "within",
        "over",
        "around",
        "about",
        "into",
        "late",
        "early",
        "mid",
        "last",
        "next",
        "this",
    ]
)


def words_before(text: str, start: int, n: int = 2) -> list[str]:
    """Up to ``n`` words before ``start``, lower-cased, nearest last."""
    chunk = text[max(0, start - 40) : start]
    return [w.lower() for w in _WORD.findall(chunk)[-n:]]


def word_after(text: str, end: int) -> str:
    """The word right after ``end`` (as written), '' at the end."""
    n = len(text)
    while end < n and text[end] == " ":
        end += 1  # past the spaces (no copy of the rest of the text)
    m = _WORD.match(text, end)
    return m.group(0) if m else ""


def month_of(word: str) -> int | None:
    """Month number of a month word ('Sept.' -> 9)."""
    return MONTHS.get(word.lower().rstrip("."))


def _mod_of(t: str) -> str:
    t = t.lower()
    if re.match(r"(early|the beginning of|the start of|earlier)\b", t):
        return "START"
    if re.match(r"(late|the end of|later)\b", t):
        return "END"
    if re.match(r"(mid|the middle of)", t):
        return "MID"
    return ""


_MONTH_RX = re.compile(
    r"(?<![\w])(january|february|march|april|may|june|july|august|september|october|november|december"
    r"|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?)(?![\w])",
    re.I,
)
_YEAR_RX = re.compile(r"(?<![\d'])(1[0-9]{3}|20[0-9]{2})(?!\d)")
_DAY_RX = re.compile(r"(?<![\d:/.-])([12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])")
_WD_RX = re.compile(r"monday|tuesday|wednesday|thursday|friday|saturday|sunday", re.I)
_NUM_UNIT_RX = re.compile(
    r"(?:(?P<num>[\w.½]+(?:[\s-][\w/½]+)*?)(?:\s+to\s+(?P<num2>[\w.]+(?:[\s-]\w+)?))?[\s-]+(?:more\s+)?)?"
    r"(?P<unit>second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur(?:y|ie))(?P<pl>s?)"
    r"(?:-(?:old|long)|\s+and\s+a\s+half)?$",
    re.I,
)
#: What follows the first number of a range: " to six days" (group 1: the unit word).
_RANGE_REST_RX = re.compile(r"\s+(?:to|or)\s+\S+(?:\s+and\s+a\s+half)?[\s-]+(\w+)")
#: "this year through " right before a month: the month lies in that year.
_YEAR_SPAN_RX = re.compile(r"\b(this|last|next)\s+year\s+(?:through|to|until|till|from|in)\s+$", re.I)
_MODALS = frozenset({"will", "would", "may", "might", "could", "can", "shall", "should", "must"})
#: Words that may stand between "since" and the date it governs.
_SINCE_FILLERS = frozenset(
    {"shortly", "just", "soon", "after", "before", "the", "a", "an", "his", "her", "its", "their", "early", "late"}
)
_SHARED_POD_RX = re.compile(
    r"\s+(?:and|or)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+"
    r"(morning|afternoon|evening|night)(s?)\b",
    re.I,
)
#: "April 24 and " right before a day number (ends where the candidate starts).
_SECOND_DAY_RX = re.compile(
    r"(?<![\w])([A-Z][a-z]+\.?)\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?,?\s+(?:and|or|to|through)\s+$"
)
_HALF_RX = re.compile(r"\s+1/2|½|\s+and\s+a\s+half", re.I)
#: A half of each unit, in the next smaller one: (amount, unit suffix, time part?).
_HALVES: dict[str, tuple[int, str, bool]] = {
    "Y": (6, "M", False),
    "M": (15, "D", False),
    "D": (12, "H", True),
    "TH": (30, "M", True),
    "TM": (30, "S", True),
    "DE": (5, "Y", False),
}


def half_duration(n: int, unit: str) -> str | None:
    """Duration value of ``n`` and a half units: (2, 'Y') -> 'P2Y6M', (5, 'TH') -> 'PT5H30M', (0, 'Y') -> 'P6M'."""
    half = _HALVES.get(unit)
    if half is None:
        return None
    amount, small, timed = half
    if unit == "DE":
        return f"P{10 * n + amount}Y"
    whole = f"{n}{unit[-1]}" if n else ""
    if unit.startswith("T"):
        return f"PT{whole}{amount}{small}"
    if timed:
        return f"P{whole}T{amount}{small}"
    return f"P{whole}{amount}{small}"


_APPROX_RX = re.compile(
    r"^(about|around|approximately|roughly|nearly|almost|some|more\s+than|less\s+than|fewer\s+than|over|"
    r"at\s+least|at\s+most|up\s+to|just|only|barely|close\s+to|under|as\s+many\s+as|as\s+much\s+as)\s+",
    re.I,
)
_DURATION_PREMOD = re.compile(
    r"^(?:(the|a|an|another)\s+)?(?:(past|last|next|first|coming|previous|following|latest|final|remaining|full|"
    r"entire|whole|recent|year-earlier|year-ago|prior|initial|further|additional|subsequent|same)\s+)?",
    re.I,
)
_VAGUE_RX = re.compile(r"^(several|a\s+few|few|many|some|a\s+number\s+of|numerous)$", re.I)


class Normaliser:
    """Turns candidates into resolved expressions for one document."""

    def __init__(self, text: str, dct: dt.date, view: DocView) -> None:
        self.text = text
        self.dct = dct
        self.view = view
        self.disc = Discourse(dct)

    # The public entry point ------------------------------------------------------

    def resolve(self, c: Candidate, commit: bool = True) -> Resolved | None:
        """Normalise one candidate; None rejects it.  ``commit`` updates the discourse."""
        handler = getattr(self, "_" + c.kind)
        saved = (self.disc.last, self.disc.last_coarse)
        res: Resolved | None = handler(c)
        if not commit:
            self.disc.last, self.disc.last_coarse = saved
        elif res is not None and res.point is not None and res.type in ("DATE", "TIME") and res.sets_reference:
            self.disc.update(res.point)
        return res

    # Helpers --------------------------------------------------------------------

    def _tense(self, c: Candidate) -> Tense:
        before = words_before(self.text, c.start, 2)
        if before and before[-1] in ("since", "last"):
            return "past"  # "since March", "shot last Oct. 23"
        wider = words_before(self.text, c.start, 5)
        if "since" in wider and all(w in _SINCE_FILLERS for w in wider[len(wider) - wider[::-1].index("since") :]):
            return "past"  # "since shortly after the Oct. 23 slaying"
        if before[-2:] == ["ahead", "of"]:
            return "future"  # "ahead of the weekend", "ahead of Friday's vote": something still to come
        if before and before[-1] == "effective":
            return "future"  # "a new pact effective June 1": when a change takes effect, announced ahead
        tense = self.view.tense(c.start, c.end)
        if before and before[-1] in ("until", "till", "through") and tense != "future":
            return "future"  # "postponed until Tuesday": a deadline ahead of the reported act
        return tense

    def _date(self, p: Point, anchor: str | None = None, type_: str = "DATE") -> Resolved:
        gran = "week" if p.gran == "weekend" else ("year" if p.gran == "half" else p.gran)
        return Resolved(type_, p.value(), gran, anchor, p)

    def _capitalised_month(self, c: Candidate, m: re.Match[str]) -> bool:
        word = m.group(1)
        if not word[0].isupper():
            return False
        return not (word.lower() in ("may", "march") and self.view.tag(c.start + m.start(1)) in ("MD", "VB", "VBP"))

    # Absolute dates ----------------------------------------------------------------

    def _iso_date(self, c: Candidate) -> Resolved | None:
        y, m, d = (int(x) for x in c.text.split("-"))
        try:
            return self._date(Point("day", dt.date(y, m, d)), "absolute")
        except ValueError:
            return None

    def _slash_date(self, c: Candidate) -> Resolved | None:
        a, b, y = (int(x) for x in re.split(r"[/.]", c.text))
        if "." in c.text and y < 100:
            return None  # 3.14.15 and the like: version numbers, not dates
        if y < 100:
            y += 2000 if y + 2000 <= self.dct.year + 10 else 1900
        day, month = (a, b) if a > 12 or b <= 12 else (b, a)
        try:
            return self._date(Point("day", dt.date(y, month, day)), "absolute")
        except ValueError:
            return None

    def _month_day(self, c: Candidate) -> Resolved | None:
        mm = _MONTH_RX.search(c.text)
        if mm is None or not self._capitalised_month(c, mm):
            return None
        month = month_of(mm.group(1))
        if c.kind == "day_month":
            dm = _DAY_RX.search(c.text, 0, mm.start())
            ym = _YEAR_RX.search(c.text, mm.end())
        else:
            dm = _DAY_RX.search(c.text, mm.end())
            ym = _YEAR_RX.search(c.text, dm.end() if dm else mm.end())
        if month is None or dm is None:
            return None
        day = int(dm.group(1))
        if ym is not None:
            try:
                date = dt.date(int(ym.group(1)), month, day)
            except ValueError:
                return None
            return self._date(Point("day", date), "absolute")
        wm = _WD_RX.search(c.text)
        tense = "past" if wm is None else self._tense(c)
        date_ = resolve_day(month, day, self.dct, self._tense(c) if wm is None else tense)
        if wm is not None:
            # A weekday pins the year: pick the year whose date falls on it.
            for y in (self.dct.year, self.dct.year - 1, self.dct.year + 1):
                try:
                    cand = dt.date(y, month, day)
                except ValueError:
                    continue
                if cand.isoweekday() == WEEKDAYS[wm.group(0).lower()]:
                    date_ = cand
                    break
        if date_ is None:
            return None
        return self._date(Point("day", date_), "publication date")

    _day_month = _month_day

    def _second_day(self, c: Candidate) -> Resolved | None:
        """'25' in 'April 24 and 25': a day of the month named just before."""
        m = _SECOND_DAY_RX.search(self.text, max(0, c.start - 30), c.start)
        if m is None:
            return None
        month = month_of(m.group(1))
        if month is None or not m.group(1)[0].isupper():
            return None
        end = m.start() + len(re.sub(r",?\s+(?:and|or|to|through)\s+$", "", m.group(0)))
        first = self._month_day(Candidate(m.start(), end, "month_day", self.text[m.start() : end]))
        if first is None or first.point is None:
            return None
        try:
            day = first.point.date.replace(day=int(re.sub(r"\D", "", c.text)))
        except ValueError:
            return None
        res = self._date(Point("day", day), first.anchor)
        res.sets_reference = False
        return res

    def _week_of(self, c: Candidate) -> Resolved | None:
        """'the week of March 6': the (ISO) week holding that date."""
        m = re.match(r"the\s+week\s+of\s+", c.text, re.I)
        if m is None:
            return None
        day = self._month_day(Candidate(c.start + m.end(), c.end, "month_day", c.text[m.end() :]))
        if day is None or day.point is None:
            return None
        return self._date(Point("week", start_of("week", day.point.date)), day.anchor)

    def _month_year(self, c: Candidate) -> Resolved | None:
        mm = _MONTH_RX.search(c.text)
        year = self._explicit_year(c.text[mm.end() :]) if mm is not None else None
        if mm is None or year is None or not mm.group(1)[0].isupper():
            return None
        month = month_of(mm.group(1))
        if month is None:
            return None
        return self._date(Point("month", dt.date(year, month, 1)), "absolute")

    def _spelled_year(self, c: Candidate) -> Resolved | None:
        year = spelled_year(c.text)
        if year is None:
            return None
        if not c.text.lower().startswith("the year"):
            gap = len(self.text[c.end :]) - len(self.text[c.end :].lstrip(" "))
            nxt = self.view.tag(c.end + gap)
            article = words_before(self.text, c.start, 1) in (["a"], ["an"])
            if year >= 2000 or nxt == "NNS" or (nxt == "NN" and not article):
                return None  # "two thousand troops", "nineteen twenty-one votes"; but "a nineteen ninety-seven attack"
        return self._date(Point("year", dt.date(year, 1, 1)), "absolute")

    def _month(self, c: Candidate) -> Resolved | None:
        mm = _MONTH_RX.search(c.text)
        if mm is None or not self._capitalised_month(c, mm):
            return None
        month = month_of(mm.group(1))
        if month is None:
            return None
        prefix = c.text[: mm.start()].strip().lower()
        before = words_before(self.text, c.start, 1)
        after = word_after(self.text, c.end)
        attributive = False
        if not prefix:
            word = mm.group(1)
            if "." in word or (len(word) <= 4 and word.lower() not in ("may", "june", "july")):
                return None  # a bare abbreviation is too ambiguous ("Mar", "Dec")
            if before and before[0] not in _PREPS_TIME and before[0][:1].isupper() is False and False:
                return None
            prev_raw = self.text[max(0, c.start - 30) : c.start].rstrip()
            prev_word = _WORD.findall(prev_raw)[-1:] if prev_raw else []
            gap = len(self.text[c.end :]) - len(self.text[c.end :].lstrip(" "))
            attributive = (
                bool(prev_word)
                and prev_word[0].lower() in ("the", "a", "an", "this", "that", "its", "their", "his", "her")
                and after[:1].islower()
                and self.view.tag(c.end + gap) in ("NN", "NNS")
            )  # "the March accession", "a June agreement": a month as a modifier
            if not attributive and (
                prev_word
                and prev_word[0][:1].isupper()
                and prev_word[0].lower() not in _PREPS_TIME
                and not prev_raw.endswith((".", ",", ";", ":", '"'))
            ):
                return None  # "Theresa May", "Ides of March" style names
            if word.lower() in ("may", "march") and (not before or before[0] not in _PREPS_TIME) and not attributive:
                return None
            if (
                after[:1].isupper()
                and after.lower().rstrip(".") not in MONTHS
                and not after.isdigit()
                and self.view.ent(c.start) != "DATE"
            ):
                return None
        if prefix and re.match(r"\d{1,2}(?:st|nd|rd|th)?$", after):
            return None  # "last Oct. 23": the month-day rule takes "Oct. 23"
        rel = ""
        for r in ("last", "next", "this"):
            if prefix.startswith(r):
                rel = r
        span_year = _YEAR_SPAN_RX.search(self.text, max(0, c.start - 40), c.start)
        if span_year is not None and not rel:
            # "this year through August", "earlier this year in March": the year just named
            shift_y = {"this": 0, "last": -1, "next": 1}[span_year.group(1).lower()]
            return self._date(Point("month", dt.date(self.dct.year + shift_y, month, 1)), "publication date")
        # A month modifying a noun ("under a June agreement") dates that thing, not the clause's verb.
        year = resolve_month(month, self.dct, None if attributive else self._tense(c), rel)
        return self._date(Point("month", dt.date(year, month, 1)), "publication date + tense")

    def _holiday(self, c: Candidate) -> Resolved | None:
        m = re.match(r"(?:(last|next|this)\s+)?(.+)$", c.text, re.I)
        if m is None:
            return None
        rel = (m.group(1) or "").lower()
        name = m.group(2)
        week = name.lower().endswith(" week")
        if week:
            name = name[: -len(" week")]
        cands: list[tuple[int, object]] = []
        for y in (self.dct.year - 1, self.dct.year, self.dct.year + 1):
            d = holiday_date(name, y)
            if d is not None:
                cands.append(((d - self.dct).days, d))
        if not cands:
            return None
        if rel == "last":
            past = [x for x in cands if x[0] < 0]
            picked = max(past, key=lambda x: x[0])[1] if past else None
        elif rel == "next":
            future = [x for x in cands if x[0] > 0]
            picked = min(future, key=lambda x: x[0])[1] if future else None
        elif rel == "this":
            picked = next((d for _, d in cands if isinstance(d, dt.date) and d.year == self.dct.year), None)
        else:
            picked = _pick(cands, self._tense(c), 180)
        if not isinstance(picked, dt.date):
            return None
        if week:
            return self._date(Point("week", start_of("week", picked)), "publication date + tense")
        return self._date(Point("day", picked), "publication date + tense")

    # Years, decades, centuries ------------------------------------------------------

    def _year(self, c: Candidate) -> Resolved | None:
        t = c.text
        fy = re.search(r"FY\s?(\d{2,4})|fiscal\s+'(\d\d)", t, re.I)
        if fy:
            digits = fy.group(1) or fy.group(2)
            y = int(digits) if len(digits) == 4 else (2000 + int(digits) if int(digits) < 50 else 1900 + int(digits))
            return self._date(Point("year", dt.date(y, 1, 1)), "absolute")
        ym = _YEAR_RX.search(t)
        if ym is None:
            return None
        y = int(ym.group(1))
        qualified = t[: ym.start()].strip() != ""
        before = words_before(self.text, c.start, 1)
        prev_char = self.text[max(0, c.start - 2) : c.start]
        after = self.text[c.end : c.end + 12]
        if re.match(r"\s*(%|percent|per\s+cent|[-–]\s*\d|,\d|\.\d|[:/]\d)", after) or re.search(
            r"[$€£#]\s*$", prev_char
        ):
            return None
        if not qualified:
            nxt_tag = self.view.tag(c.end + 1) if after[:1] == " " else ""
            prep = bool(before) and before[0] in _PREPS_TIME
            if nxt_tag in ("NNS", "NNPS") and not prep:
                return None
            if y < 1800 and not prep:
                return None
            if before and before[0] in ("no", "number", "no.", "flight", "route", "article", "resolution", "page"):
                return None
            if self.view.tag(c.start) not in ("CD", "NNP", "NN", "JJ", ""):
                return None
        return self._date(Point("year", dt.date(y, 1, 1)), "absolute")

    def _decade(self, c: Candidate) -> Resolved | None:
        t = c.text.lower()
        words = re.search(r"(twent|thirt|fort|fift|sixt|sevent|eight|ninet)ies$", t)
        if words is not None:
            tens = ["twent", "thirt", "fort", "fift", "sixt", "sevent", "eight", "ninet"].index(words.group(1)) + 2
            # "the nineties": the century's decade nearest before the publication date
            cent = self.dct.year // 100 * 100
            y = cent + 10 * tens if cent + 10 * tens <= self.dct.year else cent - 100 + 10 * tens
            return self._date(Point("decade", dt.date(y, 1, 1)), "publication date")
        m = re.search(r"(\d{2,4})'?s$", t)
        if m is None:
            return None
        digits = m.group(1)
        if len(digits) == 2:
            if "'" not in t and not t.startswith("the"):
                return None
            cent = 19 if int(digits) > (self.dct.year % 100) else self.dct.year // 100
            y = cent * 100 + int(digits)
        elif len(digits) == 4:
            y = int(digits)
        else:
            return None
        if len(digits) == 4 and y % 100 == 0 and "the" not in t:
            return Resolved("DATE", f"{y // 100:02d}", "century", "absolute", Point("century", dt.date(y, 1, 1)))
        return self._date(Point("decade", dt.date(y, 1, 1)), "absolute")

    def _century(self, c: Candidate) -> Resolved | None:
        t = c.text.lower()
        if "centuries" in t:
            if re.match(r"(the\s+)?(past|last)", t) or t == "centuries":
                return Resolved("DURATION", "PXCE", "duration")
            return None
        m = re.search(r"(\d{1,2})(?:st|nd|rd|th)", t)
        n: int | None = int(m.group(1)) if m else None
        if n is None:
            for word, val in (("twenty-first", 21), ("twentieth", 20), ("nineteenth", 19), ("eighteenth", 18)):
                if word in t:
                    n = val
        if n is not None:
            return self._date(Point("century", dt.date((n - 1) * 100 or 1, 1, 1)), "absolute")
        if t.startswith("this"):
            return self._date(Point("century", start_of("century", self.dct)), "publication date")
        if re.match(r"(the\s+)?(past|last)\s+century", t):
            return Resolved("DURATION", "P100Y", "duration")
        if t.startswith("next"):
            return self._date(Point("century", shift(start_of("century", self.dct), 1, "CE")), "publication date")
        if t.startswith("a") or t == "century":
            return None
        return None

    # Quarters and halves -------------------------------------------------------------

    def _explicit_year(self, t: str) -> int | None:
        ym = _YEAR_RX.search(t)
        if ym:
            return int(ym.group(1))
        spelled = spelled_year(t)
        if spelled is not None:
            return spelled
        tl = t.lower()
        if "this year" in tl:
            return self.dct.year
        if "last year" in tl:
            return self.dct.year - 1
        if "next year" in tl:
            return self.dct.year + 1
        return None

    def _quarter(self, c: Candidate) -> Resolved | None:
        t = c.text.lower()
        q = None
        for rx, val in _ordinal_patterns():
            if rx.search(t):
                q = val
        if "quarters" in t and q is None:
            return None
        year = self._explicit_year(c.text)
        ref = self.disc.last_coarse if self.disc.last_coarse and self.disc.last_coarse.gran == "quarter" else None
        last_done = shift(start_of("quarter", self.dct), -1, "Q")
        if q is not None and "final" in t and q == 4:
            q = 4
        if q is not None:
            if year is None:
                if re.search(r"year-earlier|year-ago|year (ago|earlier|before)$", t):
                    year = resolve_quarter(q, self.dct, "past") - 1
                else:
                    year = resolve_quarter(q, self.dct, self._tense(c))
            res = self._date(Point("quarter", dt.date(year, 3 * q - 2, 1)), "publication date + tense")
            if "-" not in c.text and any(w in ("a", "an") for w in words_before(self.text, c.start, 2)):
                res.sets_reference = False  # "after a flat second quarter": an aside, not the quarter reported
            return res
        # No ordinal: a reference quarter.
        if not re.match(
            r"(the|this|that|its|their|\d{4}'s|.*year's)\s|(latest|last|past|previous|current|next|"
            r"coming|year-earlier|year-ago|same|comparable|recent)",
            t,
        ):
            return None
        if re.search(r"\b(current|this)\b", t) and "year's" not in t:
            base = start_of("quarter", self.dct)
        elif re.search(r"\b(next|coming)\b", t):
            base = shift(start_of("quarter", self.dct), 1, "Q")
        elif ref is not None:
            base = ref.date
            if re.search(r"\b(latest|last|past|previous|recent)\b", t) and base > last_done:
                base = last_done  # "the latest quarter": one already reported
        else:
            base = last_done
        comparison = bool(re.search(r"year-earlier|year-ago|year (ago|earlier|before)$", t))
        if comparison:
            base = shift(base, -1, "Y")
        if year is not None:
            base = base.replace(year=year)
        res = self._date(Point("quarter", base), "reference quarter")
        res.sets_reference = not comparison
        return res

    def _reference_period(self) -> Point | None:
        """The period a financial report is about: the last quarter or half the text named."""
        ref = self.disc.last_coarse
        return ref if ref is not None and ref.gran in ("quarter", "half") else None

    def _period(self, c: Candidate) -> Resolved | None:
        t = " ".join(c.text.lower().split())
        if re.search(r"-(?:second|minute|hour|day|week|month|quarter|year|decade|centur)", t) and "year-" not in t:
            dm = re.search(r"(?:an?|the)\s+(.+)-([a-z]+?)s?\s+period$", t)
            if dm is None:
                return None
            n = None if _VAGUE_RX.match(dm.group(1)) else number_value(dm.group(1))
            unit = unit_code(dm.group(2))
            return Resolved("DURATION", duration_value(n, unit), "duration") if unit else None
        return self._comparison(c, t)

    def _year_ago(self, c: Candidate) -> Resolved | None:
        after = word_after(self.text, c.end).lower()
        if after in ("period", "quarter", "quarters", "half", "year", "month", "months") or not after.isalpha():
            return None  # the longer rules own these; a bare "year-earlier." is not a modifier
        return self._comparison(c, "year-earlier " + after)

    def _comparison(self, c: Candidate, t: str) -> Resolved | None:
        """A reporting period: the reference quarter (or half), moved a year back for comparisons."""
        ref = self._reference_period()
        year = self._explicit_year(c.text)
        back = bool(re.search(r"year-earlier|year-ago|prior-year|last year|a year (ago|earlier)|comparable|corresp", t))
        if not back and year is None and not re.search(r"latest|current|recent", t):
            return None  # "the same period" alone: compared with what?
        last_done = shift(start_of("quarter", self.dct), -1, "Q")
        if ref is not None and back and ref.gran == "quarter" and ref.date > last_done:
            ref = Point("quarter", last_done)  # after a forecast quarter, compare the one just reported
        if ref is not None:
            base = ref
        else:
            base = Point("year", dt.date(self.dct.year - 1 if "latest" not in t else self.dct.year, 1, 1))
            if "latest" in t:
                base = Point("quarter", shift(start_of("quarter", self.dct), -1, "Q"))
        date = base.date
        if year is not None:
            date = date.replace(year=year)
        elif back and ref is not None:
            date = shift(date, -1, "Y")
        res = self._date(Point(base.gran, date), "reference period")
        res.sets_reference = not back and year is None
        return res

    def _half(self, c: Candidate) -> Resolved | None:
        t = c.text.lower()
        h = 1 if re.search(r"first|1st", t) else 2
        year = self._explicit_year(c.text)
        if year is None:
            if "of the year" not in t and not t.startswith(("the", "this")):
                return None
            if word_after(self.text, c.end).lower() == "of":
                return None  # "the last half of the '80s": a half of some other period
            tense = self._tense(c)
            cur = 1 if self.dct.month <= 6 else 2
            year = self.dct.year
            if tense == "past" and h > cur:
                year -= 1
            elif tense == "future" and h < cur:
                year += 1
        return self._date(Point("half", dt.date(year, 1 if h == 1 else 7, 1)), "publication date + tense")

    def _season(self, c: Candidate) -> Resolved | None:
        t = c.text.lower()
        sm = re.search(r"spring|summer|fall|autumn|winter", t)
        if sm is None:
            return None
        code = SEASONS[sm.group(0)]
        prefix = t[: sm.start()].strip()
        year = self._explicit_year(c.text)
        if not prefix and year is None:
            before = words_before(self.text, c.start, 1)
            if not before or before[0] not in (
                "in",
                "the",
                "during",
                "since",
                "until",
                "by",
                "this",
                "that",
                "of",
                "through",
                "before",
                "after",
                "last",
                "next",
                "early",
                "late",
            ):
                return None
            if self.view.tag(c.start) not in ("NN", "NNP", ""):
                return None
            if before[0] == "the":
                b2 = words_before(self.text, c.start, 2)
                if len(b2) < 2 or b2[0] not in (
                    "in",
                    "during",
                    "since",
                    "until",
                    "by",
                    "of",
                    "through",
                    "before",
                    "after",
                    "over",
                    "for",
                    "that",
                ):
                    return None
        if (
            sm.group(0) in ("fall", "spring")
            and not prefix
            and year is None
            and self.view.tag(c.start) not in ("NN", "NNP")
        ):
            return None
        rel = ""
        for r in ("last", "next", "this", "past", "coming"):
            if prefix.startswith(r):
                rel = r
        if year is None:
            year = resolve_season(code, self.dct, self._tense(c), rel)
        first, _ = SEASON_MONTHS[code]
        return self._date(Point("season", dt.date(year, first, 1), code), "publication date + tense")

    # Relative units --------------------------------------------------------------------

    def _rel_unit(self, c: Candidate) -> Resolved | None:
        t = c.text.lower()
        m = re.search(
            r"(last|next|this|coming|past|previous|following|current)\s+(week|weekend|month|year|decade|"
            r"fiscal\s+year)$",
            t,
        )
        if m is None:
            return None
        rel, unit = m.group(1), m.group(2).replace("fiscal ", "")
        has_the = bool(re.search(r"\bthe\s+(last|past|next|coming|previous|following|current)", t))
        code = {"week": "W", "weekend": "WE", "month": "M", "year": "Y", "decade": "DE"}[unit]
        gran = {"week": "week", "weekend": "weekend", "month": "month", "year": "year", "decade": "decade"}[unit]
        if has_the and rel in ("past", "last") and unit == "year":
            # "over the past year": TimeBank annotates the calendar year before (2 of 2), like "last year"
            return self._date(Point("year", start_of("year", shift(self.dct, -1, "Y"))), "publication date")
        if rel == "past" or (has_the and rel in ("last", "next", "coming") and unit != "weekend"):
            return Resolved("DURATION", duration_value(1, code), "duration", "publication date")
        base = self.dct
        anchor = "publication date"
        if rel in ("following", "previous"):
            if self.disc.last is not None:
                base = self.disc.last.date
            anchor = "reference time"
        n = {"last": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(rel, 0)
        d = start_of(gran, shift(base, n, code))
        if unit == "weekend":
            d = d + dt.timedelta(days=5)
        return self._date(Point(gran, start_of(gran, d)), anchor)

    def _weekend(self, c: Candidate) -> Resolved | None:
        t = c.text.lower()
        wd = self.dct.isoweekday()
        monday = self.dct - dt.timedelta(days=wd - 1)
        if t.startswith(("last", "past", "previous")):
            sat = monday - dt.timedelta(days=2)
        elif t.startswith(("next", "coming", "following")):
            sat = monday + dt.timedelta(days=5 if wd < 6 else 12)
        else:
            tense = self._tense(c)
            if wd >= 6 or tense == "future" or tense == "present":
                sat = monday + dt.timedelta(days=5)
            else:
                sat = monday - dt.timedelta(days=2)
        return self._date(Point("weekend", sat), "publication date + tense")

    def _offset(self, c: Candidate) -> Resolved | None:
        t = re.sub(r"\b(?:trading|business|working)\s+(?=days?\b)", "", c.text, flags=re.I)
        m = re.search(
            r"(?:(.*?)\s+)?(second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur(?:y|ie))s?"
            r"(?:\s+or\s+so)?\s+(ago|earlier|later|before|after|from\s+now|hence)$",
            t,
            re.I,
        )
        if m is None:
            return None
        pre = _APPROX_RX.sub("", m.group(1) or "").strip()
        unit = unit_code(m.group(2))
        direction = m.group(3).lower()
        sign = -1 if direction in ("ago", "earlier", "before") else 1
        if pre.lower() == "the":
            pre = "one"  # "the year before", "the day after"
        vague = not pre or bool(_VAGUE_RX.match(pre))
        n = None if vague else number_value(pre)
        if n is None and not vague:
            return None
        deictic = direction in ("ago", "from now", "hence")
        if n is None:
            if unit.startswith("T"):
                return None
            return Resolved("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", "unknown", "publication date")
        if unit.startswith("T"):
            return Resolved("TIME" if deictic else "DURATION", duration_value(n, unit), "duration")
        if unit == "F":
            n, unit = 2 * n, "W"
        gran = UNIT_GRAN.get(unit, "day")
        base_point: Point | None = None
        if unit == "Y" and self.disc.last_coarse is not None and self.disc.last_coarse.gran in ("quarter", "half"):
            base_point = self.disc.last_coarse
        elif not deictic and self.disc.last is not None:
            base_point = self.disc.last
        if base_point is not None and base_point.gran in ("quarter", "half", "month") and unit == "Y":
            p = Point(base_point.gran, shift(base_point.date, sign * n, unit))
            res = self._date(p, "reference time")
            res.sets_reference = False  # a comparison period, not a new topic time
            return res
        base = self.dct if deictic or base_point is None else base_point.date
        anchor = "publication date" if deictic or base_point is None else "reference time"
        d = shift(base, sign * n, unit)
        return self._date(Point(gran, start_of(gran, d)), anchor)

    def _next_day(self, c: Candidate) -> Resolved | None:
        t = c.text.lower()
        m = re.search(r"(next|following|previous|preceding|same|prior)\s+(\w+)$", t)
        if m is None:
            return None
        rel, unit_word = m.group(1), m.group(2)
        base_p = self.disc.last
        base = base_p.date if base_p is not None and base_p.gran in ("day", "week", "month", "year") else self.dct
        sign = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "prior": -1, "same": 0}[rel]
        if unit_word in PARTS_OF_DAY:
            d = base + dt.timedelta(days=sign)
            return Resolved(
                "TIME", d.isoformat() + "T" + PARTS_OF_DAY[unit_word], "day", "reference time", Point("day", d)
            )
        code = {"day": "D", "week": "W", "month": "M", "year": "Y"}[unit_word]
        gran = UNIT_GRAN[code]
        d = start_of(gran, shift(base, sign, code))
        return self._date(Point(gran, d), "reference time")

    def _day_before(self, c: Candidate) -> Resolved | None:
        t = c.text.lower()
        if t.endswith("yesterday"):
            return self._date(Point("day", self.dct - dt.timedelta(days=2)), "publication date")
        if t.endswith("tomorrow"):
            return self._date(Point("day", self.dct + dt.timedelta(days=2)), "publication date")
        sign = -1 if re.match(r"the\s+day\s+before", t) else 1
        wm = _WD_RX.search(t)
        if wm is not None:
            # "the day before last Tuesday('s hearing)": a day next to a named weekday
            rel = re.search(r"(last|next|this)\s+\w+$", t)
            wd = resolve_weekday(WEEKDAYS[wm.group(0)], self.dct, self._tense(c), rel.group(1) if rel else "")
            return self._date(Point("day", wd + dt.timedelta(days=sign)), "publication date + tense")
        base = self.disc.last.date if self.disc.last is not None and self.disc.last.gran == "day" else self.dct
        return self._date(Point("day", base + dt.timedelta(days=sign)), "reference time")

    # Deictic days and weekdays ------------------------------------------------------

    def _pod_suffix(self, t: str) -> str:
        return _pod_code(t)

    def _deictic(self, c: Candidate) -> Resolved | None:
        t = c.text.lower()
        d = self.dct
        if "yesterday" in t or re.match(r"(early\s+|late\s+)?last\s", t):
            d = self.dct - dt.timedelta(days=1)
        elif "tomorrow" in t:
            d = self.dct + dt.timedelta(days=1)
        pod = "NI" if "tonight" in t else self._pod_suffix(re.sub(r"\s+(yesterday|today|tomorrow)$", "", t))
        if re.match(r"last\s+(morning|afternoon|evening)", t):
            return None
        if pod:
            return Resolved("TIME", f"{d.isoformat()}T{pod}", "day", "publication date", Point("day", d))
        return self._date(Point("day", d), "publication date")

    def _weekday(self, c: Candidate) -> Resolved | None:
        t = c.text
        wm = _WD_RX.search(t)
        if wm is None or not wm.group(0)[0].isupper():
            return None
        after = word_after(self.text, c.end)
        pod = self._pod_suffix(t.lower())
        shared = _SHARED_POD_RX.match(self.text, c.end) if not pod and t[-1:].isalpha() else None
        if shared is not None:
            # "Monday and Tuesday nights": the part of the day (and the plural) is shared
            t = t + " " + shared.group(1) + shared.group(2)
            pod = PARTS_OF_DAY[shared.group(1).lower()]
        if (
            not pod
            and after[:1].isupper()
            and after.lower().rstrip(".") not in MONTHS
            and self.view.ent(c.start + wm.start()) not in ("DATE", "TIME")
        ):
            return None  # "Sunday Times", "Black Monday Fund"
        prefix = t[: wm.start()].strip().lower()
        wd = WEEKDAYS[wm.group(0).lower()]
        if prefix.startswith("the "):
            # "down from the previous Friday": the weekday before (after) the day the text last named
            last = self.disc.last
            base = last.date if last is not None and last.gran == "day" else self.dct
            if prefix.endswith("following"):
                d = base + dt.timedelta(days=(wd - base.isoweekday()) % 7 or 7)
            else:
                d = base - dt.timedelta(days=(base.isoweekday() - wd) % 7 or 7)
            return self._date(Point("day", d), "reference time")
        rel = {"last": "last", "past": "last", "next": "next", "coming": "next", "this": "this"}.get(prefix, "")
        tense = self._tense(c)
        if tense == "present" and self.text.startswith(("'s", "’s"), c.end):
            tense = None  # "above Friday's close": the genitive names a day already past
        d = resolve_weekday(wd, self.dct, tense, rel)
        if re.search(r"(day|morning|afternoon|evening|night)s$", t.lower()):
            # "on Sundays", "Tuesday nights": every such day (a SET)
            if prefix:
                return None
            suffix = f"T{pod}" if pod else ""
            return Resolved("SET", f"XXXX-WXX-{wd}{suffix}", "day")
        if pod in ("AF", "EV"):
            # "Friday evening": TimeBank keeps the part of the day (TEV) ...
            return Resolved("TIME", f"{d.isoformat()}T{pod}", "day", "publication date + tense", Point("day", d))
        # ... but mostly annotates "Friday night" and "Friday morning" with the day's date.
        return self._date(Point("day", d), "publication date + tense")

    # Clock times ----------------------------------------------------------------------

    def _clock(self, c: Candidate) -> Resolved | None:
        t = c.text
        tl = t.lower()
        hh: int
        mi = 0
        cm = re.search(r"(?<![\w:])([01]?\d|2[0-3])(?::([0-5]\d))?\s*(a\.?\s?m\.?|p\.?\s?m\.?|o'clock)?", tl)
        if "noon" in tl or "midday" in tl:
            hh = 12
        elif "midnight" in tl:
            hh = 24
        elif cm is not None:
            hh = int(cm.group(1))
            mi = int(cm.group(2) or 0)
            ampm = (cm.group(3) or "").replace(".", "").replace(" ", "")
            if not ampm:
                before = words_before(self.text, c.start, 1)
                if (
                    cm.group(2) is None
                    or not before
                    or before[0]
                    not in ("at", "by", "around", "until", "from", "about", "before", "after", "till", "since")
                ):
                    return None
            if ampm == "pm" and hh < 12:
                hh += 12
            if ampm == "am" and hh == 12:
                hh = 0
            if "evening" in tl or "afternoon" in tl or "at night" in tl:
                hh = hh + 12 if hh < 12 else hh
        else:
            return None
        d = self.dct
        day_m = re.search(
            r"today|tonight|yesterday|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday", tl
        )
        mm = _MONTH_RX.search(t)
        if mm is not None and month_of(mm.group(1)) is not None:
            dm = _DAY_RX.search(t, mm.end())
            if dm is not None:
                resolved = resolve_day(month_of(mm.group(1)) or 1, int(dm.group(1)), self.dct, "past")
                d = resolved or d
        elif day_m is not None:
            w = day_m.group(0)
            if w == "yesterday":
                d = self.dct - dt.timedelta(days=1)
            elif w == "tomorrow":
                d = self.dct + dt.timedelta(days=1)
            elif w in WEEKDAYS:
                d = resolve_weekday(WEEKDAYS[w], self.dct, self._tense(c))
        elif self.disc.last is not None and self.disc.last.gran == "day":
            d = self.disc.last.date
        value = f"{d.isoformat()}T{hh:02d}:{mi:02d}"
        return Resolved("TIME", value, "minute" if mi else "hour", "publication date", Point("day", d))

    def _clock_hour(self, c: Candidate) -> Resolved | None:
        m = re.match(r"(\d+)\s+in\s+the\s+(morning|afternoon|evening)", c.text.lower())
        if m is None:
            return None
        hh = int(m.group(1))
        if m.group(2) != "morning" and hh < 12:
            hh += 12
        d = self.disc.last.date if self.disc.last is not None and self.disc.last.gran == "day" else self.dct
        return Resolved("TIME", f"{d.isoformat()}T{hh:02d}:00", "hour", "publication date", Point("day", d))

    def _part_of_day(self, c: Candidate) -> Resolved | None:
        t = c.text.lower()
        before = words_before(self.text, c.start, 1)
        if t == "overnight":
            code = "NI"
        else:
            code = self._pod_suffix(t.replace("mid", "").strip(" -"))
            if not code or (
                not t.startswith(("the", "early", "late", "mid")) and not (before and before[0] in ("this",))
            ):
                return None
            if t.startswith("the") and (
                not before or before[0] not in ("in", "during", "that", "by", "until", "through")
            ):
                return None
        d = self.disc.last.date if self.disc.last is not None and self.disc.last.gran == "day" else self.dct
        return Resolved("TIME", f"{d.isoformat()}T{code}", "day", "reference time", Point("day", d))

    # Generic references -------------------------------------------------------------------

    def _generic(self, c: Candidate) -> Resolved | None:
        t = " ".join(c.text.lower().split())
        before = words_before(self.text, c.start, 1)
        if t in ("now", "right now", "currently", "nowadays", "these days", "at present"):
            return Resolved("DATE", "PRESENT_REF", "unknown", "publication date")
        if t in ("the present", "the moment"):
            if not before or before[0] not in ("at", "for", "until", "till"):
                return None
            return Resolved("DATE", "PRESENT_REF", "unknown", "publication date")
        if t == "current":
            # "current market conditions", "his current wife": the present, as TimeBank tags it; the
            # longer rules own "the current quarter/year".
            if before and before[0] == "then":
                return None
            nxt = word_after(self.text, c.end)
            if not nxt or not nxt[0].isalpha() or self.view.tag(c.start) != "JJ":
                return None
            return Resolved("DATE", "PRESENT_REF", "unknown", "publication date")
        if t in ("previously", "formerly"):
            return None  # TimeBank almost never tags these (mostly "previously announced", "formerly known")
        if re.fullmatch(r"(a|some) (later|future) (date|time)", t):
            return Resolved("DATE", "FUTURE_REF", "unknown", "publication date")  # "at a later date"
        if re.fullmatch(r"the (near|short|long) term", t):
            # "in the near term", "over the long term" (the noun, not "long-term debt")
            if not before or before[0] not in ("in", "over", "for", "of", "during", "through"):
                return None
            return Resolved("DATE", "FUTURE_REF", "unknown", "publication date")
        if t in ("recently", "lately"):
            return Resolved("DATE", "PAST_REF", "unknown", "publication date")
        if t == "recent":
            return None
        if t == "the past":
            if not before or before[0] not in ("in", "of", "from", "than", "to", "into"):
                return None
            return Resolved("DATE", "PAST_REF", "unknown", "publication date")
        if t in ("soon", "shortly"):
            if (before and before[0] == "as") or word_after(self.text, c.end).lower() in ("after", "before"):
                return None  # "as soon as", "shortly after the vote": part of a connective
            return Resolved("DATE", "FUTURE_REF", "unknown", "publication date")
        if t.endswith("future"):
            if t == "future" and (not before or before[0] not in ("near", "in")):
                return None
            return Resolved("DATE", "FUTURE_REF", "unknown", "publication date")
        return None

    # Durations and sets -----------------------------------------------------------------------

    def _duration(self, c: Candidate) -> Resolved | None:
        t = " ".join(c.text.split())
        t = re.sub(r"\b(?:trading|business|working)\s+(?=days?\b)", "", t, flags=re.I)
        if re.search(r"\bfiscal\s", t, re.I):
            if not re.fullmatch(r"the fiscal year", t, re.I):
                return None
            t = "the year"  # "the fiscal year ended June 30": as "the year"
        approx = _APPROX_RX.match(t)
        rest = t[approx.end() :] if approx else t
        pm = _DURATION_PREMOD.match(rest)
        det = (pm.group(1) or "").lower() if pm else ""
        premod = (pm.group(2) or "").lower() if pm else ""
        rest = rest[pm.end() :] if pm else rest
        m = _NUM_UNIT_RX.match(rest)
        if m is None:
            return None
        if t.lower().endswith("-old"):
            return None  # ages ("a 6-year-old boy") are not time expressions in TimeBank
        unit = unit_code(m.group("unit"))
        plural = bool(m.group("pl"))
        num_text = (m.group("num") or "").strip()
        after = word_after(self.text, c.end).lower()
        before = words_before(self.text, c.start, 1)
        if t.lower() == "one day" and before and before[0] in _MODALS:
            return Resolved("DATE", "FUTURE_REF", "unknown", "publication date")  # "Islam will one day be ..."
        if det in ("a", "an") and not num_text:
            num_text = det
        if not num_text:
            n: int | None = None
            if not plural:
                if det == "the" and not premod:
                    return self._the_unit(c, unit)
                if det == "the" and premod == "full" and unit == "Y" and not approx:
                    # "sales for the full year": the reporting year, unless a span to a date follows
                    return self._the_unit(c, unit) if after in ("ended", "ending") else self._reference_year()
                if (
                    premod in ("full", "entire", "whole", "same", "past", "last", "next", "first", "coming") and det
                ) or det == "another":
                    n = 1
                else:
                    return None
            elif not det and not premod and not approx:
                if not before or before[0] not in (
                    "for",
                    "within",
                    "over",
                    "after",
                    "in",
                    "take",
                    "took",
                    "takes",
                    "lasted",
                    "last",
                    "than",
                    "spent",
                    "spend",
                    "about",
                    "nearly",
                ):
                    return None
                if after == "of":
                    return None
        elif _VAGUE_RX.match(num_text):
            n = None
        elif _HALF_RX.search(t) or num_text.lower() in ("half a", "half an", "a half"):
            whole = _HALF_RX.sub("", num_text).strip()
            k = 0 if whole.lower() in ("half a", "half an", "a half", "") else number_value(whole)
            value = half_duration(k, unit) if k is not None else None
            if value is None:
                return None
            return Resolved("DURATION", value, "duration")
        else:
            n = number_value(num_text)
            if n is None:
                return None
            if m.group("num2"):
                if not det and not premod:
                    return None  # "two to six days": each bound is tagged on its own (range_low, duration)
                n = None
        if unit == "TS" and (n is None or n <= 1) and not plural:
            return None
        if det in ("a", "an", "the") and num_text.lower() not in ("a", "an") and not premod and not approx:
            joined = re.search(r"-" + m.group("unit") + r"s?(?:-(?:old|long))?$", rest, re.I)
            if joined or (not plural and n is not None and n > 1):
                return None  # attributive ("a two-year term"): TimeBank leaves the article outside
        if unit == "Q" and after == "of" and not (n is None and plural):
            return None  # "three quarters of the vote" is a fraction; "several quarters of losses" is time
        if unit == "Q" and n == 1 and det in ("a", "an") and not premod:
            return None
        if n == 0:
            n = None
        return Resolved("DURATION", duration_value(n, unit), "duration")

    def _that_unit(self, c: Candidate) -> Resolved | None:
        """'that year', 'later that year', 'earlier that day': the period of the last date the text named."""
        m = re.search(r"(day|week|month|year)$", c.text.lower())
        if m is None:
            return None
        gran = m.group(1)
        last = self.disc.last
        order = ("day", "week", "month", "quarter", "half", "season", "year")
        if last is None or last.gran not in order or order.index(last.gran) > order.index(gran):
            # nothing named yet (or only a coarser period): the publication date's
            return self._date(Point(gran, start_of(gran, self.dct)), "publication date")
        res = self._date(Point(gran, start_of(gran, last.date)), "reference time")
        res.sets_reference = False
        return res

    def _range_low(self, c: Candidate) -> Resolved | None:
        """The first number of a range ("two" in "two to six days"): a duration in the range's unit."""
        m = _RANGE_REST_RX.match(self.text, c.end)
        if m is None:
            return None
        unit = unit_code(m.group(1))
        num = _APPROX_RX.sub("", " ".join(c.text.split()))
        n = number_value(num)
        if not unit or n is None or n == 0:
            return None
        return Resolved("DURATION", duration_value(n, unit), "duration")

    def _the_unit(self, c: Candidate, unit: str) -> Resolved | None:
        before = words_before(self.text, c.start, 1)
        if unit == "Y" and word_after(self.text, c.end).lower() in ("ended", "ending"):
            # "the year ended Sept. 30", "the fiscal year ending June 30": a twelve-month span up to a date
            return Resolved("DURATION", "P1Y", "duration")
        if unit == "Y" and before and before[0] == "for":
            # "sales for the year", "a high for the year": the (reporting) year itself
            return self._reference_year()
        if before and before[0] in ("for", "over", "throughout", "during", "within"):
            return Resolved("DURATION", duration_value(1, unit), "duration")
        gran = UNIT_GRAN.get(unit)
        if gran not in ("year", "week", "month", "day"):
            return None
        if before and before[0] not in ("in", "of", "by", "until", "since", "earlier", "later", "end", "start"):
            return None
        base = self.disc.last if self.disc.last is not None and self.disc.last.gran == gran else None
        d = base.date if base is not None else start_of(gran, self.dct)
        return self._date(Point(gran, d), "reference time")

    def _reference_year(self) -> Resolved:
        """The year a report is about: the last year the text named (not a future one), else the publication year."""
        last = self.disc.last
        if last is not None and last.gran == "year" and last.date.year <= self.dct.year:
            d = last.date
        else:
            d = start_of("year", self.dct)
        return self._date(Point("year", d), "reference time")

    def _set(self, c: Candidate) -> Resolved | None:
        t = " ".join(c.text.lower().split())
        simple = {
            "daily": "P1D",
            "weekly": "P1W",
            "monthly": "P1M",
            "yearly": "P1Y",
            "annually": "P1Y",
            "hourly": "PT1H",
            "quarterly": "P1Q",
            "nightly": "P1D",
            "biweekly": "P2W",
            "bimonthly": "P2M",
        }
        if t in simple:
            prev = self.text[max(0, c.start - 30) : c.start].rstrip()
            prev_words = _WORD.findall(prev)
            capital_prev = bool(prev_words) and prev_words[-1][:1].isupper() and not prev.endswith((".", ":", '"'))
            if c.text[0].isupper() and (capital_prev or word_after(self.text, c.end)[:1].isupper()):
                return None  # a title: "China Daily", "Daily Mail"
            return Resolved("SET", simple[t], "duration")
        m = re.search(r"(every|each|per|a)\s+(other\s+)?(.+)$", t)
        if m is None:
            return None
        if m.group(1) == "a":
            before = self.text[max(0, c.start - 25) : c.start].lower()
            if not re.search(
                r"(\d|once|twice|times|percent|%|dollars?|cents?|euros?|\$\S*)\s*$", before
            ) and not t.startswith(("once", "twice")):
                return None
        obj = m.group(3)
        k = 2 if m.group(2) else 1
        if obj in WEEKDAYS:
            return Resolved("SET", f"XXXX-WXX-{WEEKDAYS[obj]}", "day")
        if obj.rstrip(".") in MONTHS:
            return Resolved("SET", f"XXXX-{MONTHS[obj.rstrip('.')]:02d}", "month")
        if obj in SEASONS:
            return Resolved("SET", f"XXXX-{SEASONS[obj]}", "season")
        if obj in ("morning", "evening", "night"):
            return Resolved("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[obj]}", "day")
        nm = re.match(r"(?:(.+)\s+)?(\w+?)s?$", obj)
        if nm is None:
            return None
        unit = unit_code(nm.group(2))
        if not unit:
            return None
        if nm.group(1):
            n = number_value(nm.group(1))
            if n is None:
                return None
            k *= n
        return Resolved("SET", duration_value(k, unit), "duration")
