"""The recogniser of the time stage: a compiled regular grammar over the article text.

Each rule is one compiled pattern with a *kind*; :func:`find_candidates` runs every rule
once over the text and keeps the longest non-overlapping matches (rule priority breaks
ties).  Spans follow TimeML: prepositions ("in", "on", "at", "for") stay outside, while
determiners and modifiers ("the", "last", "early", "about", "the past") stay inside.

The semantic part (which value a match denotes) lives in
:mod:`eventwire.stages.time_normalise`; this module only finds and classifies spans and
offers the word tables both modules share.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Any

MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 1,
    "tuesday": 2,
    "wednesday": 3,
    "thursday": 4,
    "friday": 5,
    "saturday": 6,
    "sunday": 7,
}
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
#: Season -> (first month, last month) for ordering seasons against a date.
SEASON_MONTHS: dict[str, tuple[int, int]] = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "midday": "MI",
    "mid-afternoon": "AF",
    "mid afternoon": "AF",
}
UNITS: dict[str, str] = {
    "second": "S",
    "minute": "M",
    "hour": "H",
    "day": "D",
    "week": "W",
    "weekend": "WE",
    "fortnight": "F",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
}
NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "half a": 0,
    "a half": 0,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
    "a dozen": 12,
    "dozen": 12,
}
#: Vague quantities: the TIMEX3 value gets an X for the number.
VAGUE_NUMBERS = ("several", "a few", "few", "many", "some", "a number of", "numerous", "recent", "coming")
ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "final": 4,
}

# ---------------------------------------------------------------- pattern pieces

_B = r"(?<![\w'])"  # left word boundary that also refuses "'s"
_E = r"(?![\w])"
_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?(?!\w))"
)
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
#: Years said as words, as broadcast transcripts write them: "nineteen ninety-six", "two thousand".
_SPYEAR = (
    r"(?:(?:eighteen|nineteen|twenty)[\s-]+(?:" + _TEENS + r"|" + _TENS + r"(?:[\s-]" + _ONES + r")?|hundred"
    r"|oh[\s-]" + _ONES + r")|two\s+thousand(?:\s+and\s+(?:" + _ONES + r"|" + _TEENS + r"))?)"
)
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_POD = r"(?:morning|afternoon|evening|night|mid-?\s?afternoon|midday)"
_UNIT = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur(?:y|ie))"
_UNITS = _UNIT + r"s?"
_NUMWORD = (
    r"(?:an?(?=[\s-]+(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century)\b)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|a\s+dozen|dozen|a\s+couple\s+of|a\s+couple|couple\s+of|(?:a|one)\s+hundred|hundred)"
)
_NUM = r"(?:\d{1,3}(?:\.\d+)?(?:\s+1/2|½)?|" + _NUMWORD + r"(?:\s+and\s+a\s+half)?|half\s+an?|a\s+half)"
_VAGUE = r"(?:several|a\s+few|few|many|some|a\s+number\s+of|numerous)"
_APPROX = (
    r"(?:about|around|approximately|roughly|nearly|almost|some|more\s+than|less\s+than|fewer\s+than"
    r"|at\s+least|at\s+most|up\s+to|just|only|barely|close\s+to|under|as\s+many\s+as|as\s+much\s+as)"
)
_REL = r"(?:last|next|this|coming|past|previous|following|current|same|that)"
_EARLYLATE = (
    r"(?:early|late|mid-?|earlier|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)"
)
_ORD = r"(?:first|second|third|fourth|final|1st|2nd|3rd|4th)"
_QREL = r"(?:latest|last|past|previous|current|next|coming|year-earlier|year-ago|same|comparable|recent)"
_TZ = r"(?:\s+(?:EST|EDT|CST|CDT|PST|PDT|MST|MDT|GMT|UTC|BST|CET|local\s+time))?"
_CLOCK = (
    r"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:a\.m\.?|p\.m\.?|am|pm|a\s?m|p\s?m)(?![\w])"
    r"|(?:[01]?\d|2[0-3]):[0-5]\d(?![\w:])|(?:[01]?\d)\s+o'clock|noon|midnight|midday)"
)
_DAYREF = r"(?:today|tonight|yesterday|tomorrow|" + _WEEKDAY + r")"


@dataclass(frozen=True)
class Rule:
    """One pattern of the grammar: its kind and priority (higher wins equal-length ties)."""

    kind: str
    pattern: re.Pattern[str]
    priority: int = 0
    #: Lower-cased strings one of which must occur near the core word (before it, or just after) for
    #: the rule to be tried there: a cheap filter for rules whose core words are common.
    needs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Candidate:
    """A matched span before normalisation."""

    start: int
    end: int
    kind: str
    text: str


def _rx(body: str) -> re.Pattern[str]:
    return re.compile(_B + body + _E, re.IGNORECASE)


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """The grammar, compiled once per process."""
    return _grammar()


def _grammar() -> tuple[Rule, ...]:
    wd_prefix = r"(?:" + _WEEKDAY + r",?\s+)?"
    return (
        # Absolute calendar dates.
        Rule("iso_date", _rx(r"\d{4}-\d{1,2}-\d{1,2}"), 9),
        Rule("slash_date", _rx(r"\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})"), 9),
        Rule(
            "month_day",
            _rx(
                r"(?:"
                + _EARLYLATE
                + r"\s+)?"
                + wd_prefix
                + _MONTH
                + r"\s+"
                + _DAYNUM
                + r"(?:(?:,\s*|\s+)"
                + _YEAR
                + r")?"
            ),
            8,
        ),
        Rule(
            "day_month",
            _rx(wd_prefix + r"(?:the\s+)?" + _DAYNUM + r"(?:\s+of)?\s+" + _MONTH + r"(?:,?\s+" + _YEAR + r")?"),
            8,
        ),
        Rule(
            "month_year",
            _rx(
                r"(?:"
                + _EARLYLATE
                + r"\s*)?"
                + _MONTH
                + r"(?:,?\s+|\s+of\s+)(?:"
                + _YEAR
                + r"|"
                + _SPYEAR
                + r"|(?:last|this|next)\s+year)"
            ),
            7,
        ),
        Rule(
            "month",
            _rx(r"(?:(?:" + _EARLYLATE + r"|last|next|this|" + _REL + r")\s*)?" + _MONTH),
            3,
        ),
        # Named days of the year: (last) Thanksgiving (Day), Christmas Eve, Easter week, Election Day.
        Rule(
            "holiday",
            re.compile(
                r"(?<![\w'])(?:(?:[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?:Christmas(?:\s+(?:Day|Eve))?|New\s+Year's\s+(?:Day|Eve)"
                r"|Thanksgiving(?:\s+Day)?|Easter(?:\s+(?:Sunday|Monday|week))?|Election\s+Day|Halloween"
                r"|Valentine's\s+Day|Labou?r\s+Day|Memorial\s+Day)(?![\w])"
            ),
            6,
        ),
        # Years, decades, centuries, fiscal years.
        Rule("spelled_year", _rx(r"(?:the\s+year\s+)?" + _SPYEAR), 4),
        Rule(
            "year",
            _rx(
                r"(?:(?:" + _EARLYLATE + r")\s*)?(?:(?:the\s+)?(?:fiscal|calendar|financial|model)(?:\s+year)?\s+"
                r"|the\s+year\s+)?(?:" + _YEAR + r"|FY\s?\d{2,4}|fiscal\s+'\d\d)"
            ),
            4,
        ),
        Rule(
            "decade",
            _rx(
                r"(?:the\s+)?(?:(?:" + _EARLYLATE + r")\s*)?(?:1[0-9]|20)?[0-9]0'?s|(?:the\s+)?'[0-9]0s"
                r"|the\s+(?:(?:" + _EARLYLATE + r")\s*)?(?:nineteen[\s-]+)?(?:twenties|thirties|forties|fifties|sixties"
                r"|seventies|eighties|nineties)"
            ),
            5,
        ),
        Rule(
            "century",
            _rx(
                r"(?:the\s+|this\s+|last\s+|next\s+|past\s+)?(?:(?:" + _EARLYLATE + r")\s*)?"
                r"(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
                r"|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth"
                r"|twentieth|twenty-first)?[\s-]*centur(?:y|ies)"
            ),
            2,
        ),
        # Quarters and halves.
        Rule(
            "quarter",
            _rx(
                r"(?:(?:the|this|that|" + _YEAR + r"'s|this\s+year's|last\s+year's|next\s+year's)\s+(?![\w]+-quarter))?"
                r"(?:" + _YEAR + r"\s+(?=(?:" + _ORD + r"[\s-]+)?quarter))?"
                r"(?:(?:fiscal|calendar)\s+)?(?:(?:comparable|same|corresponding)\s+(?=year-))?"
                r"(?:(?:" + _QREL + r"|" + _ORD + r")[\s-]+)?(?:(?:fiscal|calendar)\s+)?"
                r"(?:(?:"
                + _ORD
                + r")[\s-]+)?quarters?(?:\s+of\s+(?:fiscal\s+)?(?:"
                + _YEAR
                + r"|this\s+year|last\s+year"
                r"|next\s+year)|,?\s+" + _YEAR + r"|\s+(?:a|one)\s+year\s+(?:ago|earlier|before))?"
            ),
            5,
        ),
        Rule(
            "half",
            _rx(
                r"(?:(?:the|this|" + _YEAR + r"'s)\s+)?(?:(?:fiscal|calendar)\s+)?(?:first|second|latter|last|"
                r"1st|2nd)[\s-]+half(?!-)(?:\s+of\s+(?:fiscal\s+)?(?:" + _YEAR + r"|this\s+year|last\s+year|next\s+year"
                r"|the\s+year))?"
            ),
            5,
        ),
        # Reporting periods: the year-earlier period, the 1988 period, the latest period, a three-year period.
        Rule(
            "period",
            _rx(
                r"(?:the\s+)?(?:(?:year-earlier|year-ago|prior-year|comparable|corresponding|same|latest|"
                + _YEAR
                + r")\s+)+period(?:\s+(?:of\s+|in\s+)?(?:last\s+year|a\s+year\s+(?:ago|earlier)))?"
                r"|(?:a|an|the)\s+(?:" + _NUM + r"|" + _VAGUE + r")-" + _UNIT + r"\s+period"
            ),
            6,
        ),
        # "year-earlier results": the comparison period as a modifier.
        Rule("year_ago", _rx(r"year-(?:earlier|ago)"), 2),
        # Seasons.
        Rule(
            "season",
            _rx(
                r"(?:(?:"
                + _EARLYLATE
                + r"|last|next|this|past|coming|the)\s+)?"
                + _SEASON
                + r"(?:\s+(?:of\s+)?(?:"
                + _YEAR
                + r"|"
                + _SPYEAR
                + r"))?"
            ),
            4,
        ),
        # Relative calendar units: last week, next month, earlier this year, early next year.
        Rule(
            "rel_unit",
            _rx(
                r"(?:(?:" + _EARLYLATE + r")\s+)?(?:the\s+)?(?:last|next|this|coming|past|previous|following|current)"
                r"\s+(?:week|weekend|month|year|decade|fiscal\s+year)"
            ),
            6,
        ),
        # Anchored offsets: two days ago, a year earlier, three weeks later, the day before.
        Rule(
            "offset",
            _rx(
                r"(?:"
                + _APPROX
                + r"\s+)?(?:(?:"
                + _NUM
                + r"|"
                + _VAGUE
                + r"|the"
                + r")[\s-]+)?(?:(?:trading|business|working)\s+(?=days?\b))?"
                + _UNITS
                + r"(?:\s+or\s+so)?\s+(?:ago|earlier|later|from\s+now|hence|(?:before|after)(?!\s+\w))"
            ),
            7,
        ),
        Rule(
            "next_day",
            _rx(
                r"the\s+(?:next|following|previous|preceding|same|prior)\s+(?:day|morning|evening|night|afternoon|week|month|year)"
            ),
            6,
        ),
        # Anaphoric units: "that year", "later that year", "earlier that day", "that same day".
        Rule(
            "that_unit",
            _rx(
                r"(?:(?:earlier|later|early|late)\s+)?that\s+(?:same\s+)?(?:week|month|year)"
                r"|(?:earlier|later|early|late)\s+that\s+(?:same\s+)?day|that\s+same\s+day"
            ),
            6,
            needs=("that",),
        ),
        Rule(
            "week_of",
            _rx(r"the\s+week\s+of\s+" + _MONTH + r"\s+" + _DAYNUM + r"(?:,?\s+" + _YEAR + r")?"),
            8,
            needs=("week of",),
        ),
        Rule("weekend", _rx(r"(?:(?:the|this|last|next|that|past|coming|previous|following)\s+)weekend"), 6),
        Rule(
            "day_before",
            _rx(
                r"the\s+day\s+(?:before|after)(?:\s+(?:yesterday|tomorrow|(?:(?:last|next|this)\s+)?"
                + _WEEKDAY
                + r"(?!\s+(?:morning|afternoon|evening|night))))?"
            ),
            7,
        ),
        # Deictic days and parts of days.
        Rule(
            "deictic",
            _rx(
                r"(?:(?:early|late)\s+)?(?:today|tonight|yesterday|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?"
                r"|(?:(?:early|late|later|earlier)\s+)?(?:this|last|tomorrow|yesterday)\s+"
                + _POD
                + r"|(?:(?:early|late)\s+)?(?:mid-?\s?)?"
                + _POD
                + r"\s+(?:yesterday|today|tomorrow)"
            ),
            6,
        ),
        # Weekdays, possibly with a part of day.
        Rule(
            "weekday",
            _rx(
                r"(?:(?:last|next|this|coming|past|early|late|the\s+(?:previous|preceding|following))\s+)?"
                + _WEEKDAY
                + r"(?:s|\s+(?:morning|afternoon|evening|night)s?)?"
            ),
            4,
        ),
        # Clock times, optionally with the day: 3 p.m., 10:35 a.m. Wednesday, noon Thursday.
        Rule(
            "clock",
            _rx(
                r"(?:(?:about|around|approximately|roughly|nearly|almost)\s+)?"
                + _CLOCK
                + _TZ
                + r"(?:\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night))?"
                r"(?:,?\s+(?:on\s+)?(?:"
                + _DAYREF
                + r"(?:,?\s+"
                + _MONTH
                + r"\s+"
                + _DAYNUM
                + r")?|"
                + _MONTH
                + r"\s+"
                + _DAYNUM
                + r"))?"
            ),
            8,
        ),
        # The second day of "April 24 and 25": the match is the group "span" ("25") only.
        Rule(
            "second_day",
            _rx(_MONTH + r"\s+" + _DAYNUM + r",?\s+(?:and|or|to|through)\s+(?P<span>" + _DAYNUM + r")"),
            0,
            needs=(" and ", " or ", " to ", " through "),
        ),
        Rule("clock_hour", _rx(r"(?:[01]?\d)\s+in\s+the\s+(?:morning|afternoon|evening)"), 8),
        Rule(
            "part_of_day",
            _rx(r"(?:(?:early|late|mid|mid-)\s*)?(?:the\s+)?(?:morning|afternoon|evening|overnight)"),
            1,
        ),
        # Generic references.
        Rule(
            "generic",
            _rx(
                r"now|right\s+now|currently|nowadays|recently|lately|previously|formerly|soon|shortly|"
                r"(?:the\s+)?(?:near\s+|distant\s+|foreseeable\s+)?future|the\s+past|these\s+days|"
                r"the\s+moment|the\s+present|once\s+again|current|recent|former|earlier|at\s+present"
                r"|the\s+(?:near|short|long)\s+term|(?:a|some)\s+(?:later|future)\s+(?:date|time)"
            ),
            1,
        ),
        # Durations: two days, the past two months, five-year, several hours, weeks.
        Rule(
            "duration",
            _rx(
                r"(?:" + _APPROX + r"\s+)?(?:(?:the|a|an|another)\s+)?(?:(?:past|last|next|first|coming|previous|"
                r"following|latest|final|remaining|full|entire|whole|recent|year-earlier|year-ago|prior|initial|"
                r"further|additional|subsequent|same)\s+)?(?:(?:"
                + _NUM
                + r"|"
                + _VAGUE
                + r")(?:\s+to\s+"
                + _NUM
                + r")?[\s-]+(?:more\s+)?)?(?:fiscal\s+|(?:trading|business|working)\s+(?=days?\b))?"
                + _UNITS
                + r"(?:-(?:old|long)|\s+and\s+a\s+half)?"
            ),
            2,
        ),
        # The lower bound of a range, tagged on its own as TimeML does: "two" in "two to six days".
        Rule(
            "range_low",
            _rx(r"(?:" + _APPROX + r"\s+)?" + _NUM + r"(?=\s+(?:to|or)\s+" + _NUM + r"[\s-]+" + _UNITS + r"\b)"),
            1,
            needs=(" to ", " or "),
        ),
        # Sets: daily, every week, each Thursday, twice a year.
        Rule(
            "set",
            _rx(
                r"daily|weekly|monthly|yearly|annually|hourly|quarterly|nightly|biweekly|bimonthly|"
                r"(?:(?:once|twice|\w+\s+times)\s+)?(?:every|each|per|a)\s+(?:other\s+)?(?:"
                + _UNIT
                + r"|"
                + _WEEKDAY
                + r"|"
                + _MONTH
                + r"|"
                + _SEASON
                + r"|morning|evening|night)|(?:every|each)\s+(?:"
                + _NUM
                + r"\s+)?"
                + _UNITS
            ),
            3,
        ),
    )


_UNIT_WORDS = ("second", "minute", "hour", "day", "week", "fortnight", "month", "quarter", "year", "decade", "century")


@lru_cache(maxsize=1)
def keyword_kinds() -> dict[str, frozenset[str]]:
    """Lower-cased word -> the rules whose matches contain it (every match contains such a core word)."""
    table: dict[str, set[str]] = {}

    def add(words: object, *kinds: str) -> None:
        for w in words:  # type: ignore[attr-defined]
            table.setdefault(str(w), set()).update(kinds)

    add(MONTHS, "month_day", "day_month", "month_year", "month", "set", "clock", "second_day")
    add(WEEKDAYS, "weekday", "set", "clock")
    add([w + "s" for w in WEEKDAYS], "weekday")
    add(SEASONS, "season", "set")
    units = list(_UNIT_WORDS) + [u + "s" for u in _UNIT_WORDS] + ["centuries"]
    add(units, "duration", "set", "offset", "range_low")
    add(("week", "weekend", "month", "year", "decade", "weeks", "months", "years"), "rel_unit")
    add(("century", "centuries"), "century")
    add(("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"), "decade")
    add(("term", "date", "time"), "generic")
    add(("quarter", "quarters"), "quarter")
    add(("half",), "half")
    add(
        ("christmas", "thanksgiving", "easter", "election", "halloween", "valentine", "labor", "labour", "memorial"),
        "holiday",
    )
    add(("year",), "holiday")  # New Year's Day
    add(("eighteen", "nineteen", "twenty", "thousand"), "spelled_year")
    add(("period",), "period")
    add(("earlier", "ago"), "year_ago")
    add(("weekend",), "weekend")
    add(("week",), "week_of")
    add(("day", "week", "month", "year"), "that_unit")
    add(("day",), "day_before", "next_day")
    add(("ago", "earlier", "later", "before", "after", "now", "hence"), "offset")
    add(("next", "following", "previous", "preceding", "same", "prior"), "next_day")
    add(("today", "tonight", "yesterday", "tomorrow", "morning", "afternoon", "evening", "night"), "deictic")
    add(("morning", "afternoon", "evening", "overnight"), "part_of_day")
    add(("noon", "midnight", "midday", "clock"), "clock")
    add(
        (
            "now",
            "currently",
            "nowadays",
            "recently",
            "lately",
            "previously",
            "formerly",
            "soon",
            "shortly",
            "future",
            "past",
            "these",
            "moment",
            "present",
            "current",
            "recent",
        ),
        "generic",
    )
    add(
        (
            "daily",
            "weekly",
            "monthly",
            "yearly",
            "annually",
            "hourly",
            "quarterly",
            "nightly",
            "biweekly",
            "bimonthly",
            "every",
            "each",
            "per",
        ),
        "set",
    )
    add(("fy", "fiscal"), "year")
    return {k: frozenset(v) for k, v in table.items()}


_DIGIT_KINDS = frozenset({"clock", "clock_hour", "slash_date", "month_day", "day_month"})
_YEAR_KINDS = frozenset({"year", "iso_date", "month_day", "day_month", "month_year", "decade"})
_WORD_RX = re.compile(r"[A-Za-z]+|\d+")
#: How far before its core word a match may start.
_REACH = 32


_WORD_SPLIT_RX = re.compile(r"([A-Za-z]+|\d+)")
_DIGIT2_KINDS = _DIGIT_KINDS | {"decade"}


def _cores(text: str) -> tuple[list[int], list[tuple[int, frozenset[str]]]]:
    """Word start offsets, and (offset, rule kinds) for every core word of the text.

    Words are the runs ``_WORD_RX`` finds; one ``split`` and a running sum of the part lengths
    give them with their offsets, and only the distinct words are looked up in the keyword table.
    """
    parts = _WORD_SPLIT_RX.split(text)  # separator, word, separator, word, ..., separator
    bounds = list(accumulate(map(len, parts)))
    starts = bounds[0:-1:2]
    words = parts[1::2]
    known = _WORD_KINDS
    kinds_of: dict[str, frozenset[str]] = {}
    for w in set(words):
        found = known.get(w, _UNKNOWN)
        if found is _UNKNOWN:
            found = _word_kinds(w)
            if len(known) >= _WORD_KINDS_MAX:
                known.clear()
            known[w] = found
        if found:
            kinds_of[w] = found
    out = [(p, kinds_of[w]) for p, w in zip(starts, words, strict=True) if w in kinds_of]
    return starts, out


#: The rule kinds of each word seen (empty: no core word), kept per process; cleared past ``_WORD_KINDS_MAX`` words.
_WORD_KINDS: dict[str, frozenset[str]] = {}
_WORD_KINDS_MAX = 200_000
_UNKNOWN: frozenset[str] = frozenset({"?"})


def _word_kinds(w: str) -> frozenset[str]:
    """The rule kinds a word is the core word of (a run of letters or of digits), empty for none."""
    if w[0].isdigit():
        return _YEAR_KINDS if len(w) == 4 else (_DIGIT2_KINDS if len(w) == 2 else _DIGIT_KINDS)
    return keyword_kinds().get(w.lower(), frozenset())


@lru_cache(maxsize=1)
def _rules_by_kind() -> dict[str, Rule]:
    """The grammar rules by kind."""
    return {r.kind: r for r in rules()}


_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def _first_chars(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The ASCII letters and digits a match of ``pattern`` can begin with (both cases), or None when that is not
    known (a class like ``\\w``, ``.`` or a negation first, a pattern that can match the empty string, or a regex
    construct this reading does not know).  Zero-width assertions before the first character are passed over:
    they only narrow what may follow.  Read from the parsed pattern (``re._parser``) once per rule."""
    try:
        from re import _constants as c  # type: ignore[attr-defined]
        from re import _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # another Python's regex internals: no filter, every start is tried
        return None

    def chars(code: int) -> set[str] | None:
        ch = chr(code)
        if not ch.isascii():
            return None  # case folding may map it onto an ASCII letter: unknown
        return {ch.lower(), ch.upper()} & _ASCII_ALNUM

    def sequence(items: Any) -> tuple[set[str] | None, bool]:
        out: set[str] = set()
        for op, av in items:
            found, nullable = item(op, av)
            if found is None:
                return None, False
            out |= found
            if not nullable:
                return out, False
        return out, True

    def item(op: Any, av: Any) -> tuple[set[str] | None, bool]:
        if op is c.LITERAL:
            return chars(av), False
        if op is c.IN:
            out: set[str] = set()
            for o, a in av:
                if o is c.LITERAL:
                    found = chars(a)
                elif o is c.RANGE and a[1] < 128:
                    found = set().union(*(chars(k) or set() for k in range(a[0], a[1] + 1)))
                elif o is c.CATEGORY and a is c.CATEGORY_DIGIT:
                    found = set("0123456789")
                elif o is c.CATEGORY and a is c.CATEGORY_SPACE:
                    found = set()
                else:
                    found = None
                if found is None:
                    return None, False
                out |= found
            return out, False
        if op is c.SUBPATTERN:
            return sequence(av[3])
        if op is c.BRANCH:
            union: set[str] = set()
            any_nullable = False
            for branch in av[1]:
                found, nullable = sequence(branch)
                if found is None:
                    return None, False
                union |= found
                any_nullable = any_nullable or nullable
            return union, any_nullable
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            found, nullable = sequence(av[2])
            return found, nullable or av[0] == 0
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            return set(), True  # zero width
        return None, False

    found, nullable = sequence(parsed)
    return None if found is None or nullable else frozenset(found)


@lru_cache(maxsize=1)
def _first_chars_by_kind() -> dict[str, frozenset[str] | None]:
    """:func:`_first_chars` of every rule, by kind."""
    return {kind: _first_chars(rule.pattern) for kind, rule in _rules_by_kind().items()}


def find_candidates(text: str, accept: Callable[[Candidate], bool] | None = None) -> list[Candidate]:
    """Grammar matches in ``text`` without overlaps, in text order.

    Longer matches win over shorter ones (then higher rule priority); a match that
    ``accept`` refuses leaves room for the shorter matches it overlapped.
    """
    found: set[tuple[int, int, int, str]] = set()
    by_kind = _rules_by_kind()
    first_chars = _first_chars_by_kind()
    tried: dict[str, set[int]] = {}  # word starts already tried, per rule
    word_starts, cores = _cores(text)
    for offset, kinds in cores:
        lo = bisect_left(word_starts, offset - _REACH)
        hi = bisect_right(word_starts, offset)
        near = ""
        for kind in kinds:
            rule = by_kind[kind]
            if rule.needs:
                near = near or text[word_starts[lo] : offset + 16].lower()
                if not any(n in near for n in rule.needs):
                    continue
            # Try each word start shortly before the core word (each start once per rule).
            done = tried.setdefault(kind, set())
            fresh = [p for p in word_starts[lo:hi] if p not in done]
            if not fresh:
                continue
            done.update(fresh)
            match = rule.pattern.match
            group = "span" if "span" in rule.pattern.groupindex else 0  # a rule may match context around it
            firsts = first_chars[kind]
            for p in fresh:
                if firsts is not None and text[p] not in firsts and text[p].isascii():
                    continue  # the rule cannot begin with this character: no match to try
                m = match(text, p)
                if m is not None and m.end() > m.start():
                    found.add((m.start(group), m.end(group), rule.priority, rule.kind))
    ordered = sorted(found, key=lambda c: (-(c[1] - c[0]), -c[2], c[0], c[3]))  # deterministic ties
    taken: list[tuple[int, int]] = []
    chosen: list[Candidate] = []
    for start, end, _prio, kind in ordered:
        if any(start < e and s < end for s, e in taken):
            continue
        cand = Candidate(start, end, kind, text[start:end])
        if accept is not None and not accept(cand):
            continue
        taken.append((start, end))
        chosen.append(cand)
    chosen.sort(key=lambda c: c.start)
    return chosen


_SPYEAR_RX = re.compile(_SPYEAR, re.IGNORECASE)


def spelled_year(text: str) -> int | None:
    """The year a spelled-out year in ``text`` denotes ('nineteen ninety-six' -> 1996), else None."""
    m = _SPYEAR_RX.search(text)
    if m is None:
        return None
    words = m.group(0).lower().replace("-", " ").split()
    if words[:2] == ["two", "thousand"]:
        rest = number_value(" ".join(words[3:])) if len(words) > 3 else 0
        return None if rest is None else 2000 + rest
    century = NUMBER_WORDS.get(words[0])
    tail = [w for w in words[1:] if w != "oh"]
    rest = 0 if tail == ["hundred"] else number_value(" ".join(tail))
    if century is None or rest is None or rest >= 100:
        return None
    return century * 100 + rest


def number_value(words: str) -> int | None:
    """The integer a number phrase denotes ('twenty four' -> 24, '3' -> 3), None for vague ones."""
    w = " ".join(words.lower().replace("-", " ").split())
    if not w:
        return None
    if w.replace(".", "", 1).isdigit():
        return round(float(w))
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]
    total = 0
    for part in w.split():
        if part == "and":
            continue
        if part not in NUMBER_WORDS:
            return None
        v = NUMBER_WORDS[part]
        if v == 100:
            total = max(total, 1) * 100
        else:
            total += v
    return total or None
