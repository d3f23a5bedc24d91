"""Time stage: recognition spans and TIMEX3 normalisation against the publication date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.evaluate.time import read_tml, same_value
from eventwire.pipeline import Pipeline
from eventwire.records import Analysis, Article, TimeExpression
from eventwire.stages.time import time_of_clause
from eventwire.stages.time_grammar import number_value
from eventwire.stages.time_normalise import resolve_day, resolve_month, resolve_weekday

PUB = "2024-04-26"  # a Friday


@pytest.fixture(scope="module")
def time_pipeline(pipeline: Pipeline) -> Pipeline:
    """Only the time stage, on the session's spaCy model."""
    return Pipeline(stages=["time"], settings=pipeline.settings, nlp=pipeline.nlp)


@pytest.fixture(scope="module")
def tag(time_pipeline: Pipeline) -> Callable[..., Analysis]:
    def run(text: str, published: str = PUB) -> Analysis:
        return time_pipeline.analyze(text, published=dt.date.fromisoformat(published))

    return run


def times(analysis: Analysis) -> dict[str, TimeExpression]:
    return {t.text: t for t in analysis.times}


def value_of(tag: Callable[..., Analysis], text: str, expr: str, published: str = PUB) -> str:
    found = times(tag(text, published))
    assert expr in found, f"{expr!r} not found in {list(found)}"
    return found[expr].value


# ---------------------------------------------------------------- absolute dates


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("The treaty was signed on April 26, 2024 in Geneva.", "April 26, 2024", "2024-04-26"),
        ("The treaty was signed on 26 April 2024 in Geneva.", "26 April 2024", "2024-04-26"),
        ("The treaty was signed on 26/04/2024 in Geneva.", "26/04/2024", "2024-04-26"),
        ("The treaty was signed on 2024-04-26 in Geneva.", "2024-04-26", "2024-04-26"),
        ("The treaty was signed in April 2024 in Geneva.", "April 2024", "2024-04"),
        ("The ministers met on Monday, April 22, in Geneva.", "Monday, April 22", "2024-04-22"),
        ("The ministers met on Sept. 30 in Geneva.", "Sept. 30", "2023-09-30"),
        ("Exports fell in 2022, the ministry said.", "2022", "2022"),
        ("Relations were frozen throughout the 1990s.", "the 1990s", "199"),
        ("Borders were redrawn in the 20th century.", "the 20th century", "19"),
    ],
)
def test_absolute_dates(tag: Callable[..., Analysis], text: str, expr: str, value: str) -> None:
    assert value_of(tag, text, expr) == value


def test_published_today(tag: Callable[..., Analysis]) -> None:
    a = tag("The foreign ministers meet today in Vienna.")
    (t,) = a.times
    assert (t.text, t.type, t.value, t.granularity, t.id) == ("today", "DATE", "2024-04-26", "day", "T1")
    assert a.article.text[t.start : t.end] == "today"


# ---------------------------------------------------------------- relative days


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("The envoy arrived yesterday.", "yesterday", "2024-04-25"),
        ("The envoy leaves tomorrow.", "tomorrow", "2024-04-27"),
        ("The envoy speaks tonight.", "tonight", "2024-04-26TNI"),
        ("Talks resumed last week.", "last week", "2024-W16"),
        ("Talks resume next month.", "next month", "2024-05"),
        ("Trade grew this year.", "this year", "2024"),
        ("The envoy arrived two days ago.", "two days ago", "2024-04-24"),
        ("Ministers met earlier this month.", "earlier this month", "2024-04"),
        ("Ministers will meet early next year.", "early next year", "2025"),
        ("The summit opened on May 2, 2024. Three weeks later the deal collapsed.", "Three weeks later", "2024-W21"),
    ],
)
def test_relative_days(tag: Callable[..., Analysis], text: str, expr: str, value: str) -> None:
    assert value_of(tag, text, expr) == value


def test_weekday_by_tense(tag: Callable[..., Analysis]) -> None:
    # Published on Wednesday 2024-04-24.
    assert value_of(tag, "The rebels attacked on Friday.", "Friday", "2024-04-24") == "2024-04-19"
    assert value_of(tag, "The rebels will attack on Friday.", "Friday", "2024-04-24") == "2024-04-26"
    assert value_of(tag, "The talks ended last Monday.", "last Monday", "2024-04-24") == "2024-04-22"


def test_month_by_tense(tag: Callable[..., Analysis]) -> None:
    assert value_of(tag, "The presidents met in November.", "November") == "2023-11"
    assert value_of(tag, "The presidents will meet in November.", "November") == "2024-11"
    assert value_of(tag, "The presidents are expected to meet in November.", "November") == "2024-11"
    assert value_of(tag, "The government plans to hold a referendum in November.", "November") == "2024-11"
    assert value_of(tag, "The ceasefire collapsed last November.", "last November") == "2023-11"


def test_seasons_quarters_and_halves(tag: Callable[..., Analysis]) -> None:
    assert value_of(tag, "Elections will take place in the summer.", "the summer") == "2024-SU"
    assert value_of(tag, "The offensive stalled last winter.", "last winter") == "2023-WI"
    assert value_of(tag, "Exports rose in the first quarter.", "the first quarter") == "2024-Q1"
    assert value_of(tag, "Exports fell in the fourth quarter.", "the fourth quarter") == "2023-Q4"
    assert value_of(tag, "Output fell in the first half of 2023.", "the first half of 2023") == "2023-H1"
    assert value_of(tag, "Revenue rose in fiscal 2023.", "fiscal 2023") == "2023"


def test_times_of_day(tag: Callable[..., Analysis]) -> None:
    a = times(tag("The blast happened at 3 p.m. and a second one this morning."))
    assert (a["3 p.m."].type, a["3 p.m."].value) == ("TIME", "2024-04-26T15:00")
    assert (a["this morning"].type, a["this morning"].value) == ("TIME", "2024-04-26TMO")
    assert value_of(tag, "Troops crossed the border at 10:35 a.m. Thursday.", "10:35 a.m. Thursday") == (
        "2024-04-25T10:35"
    )


def test_durations_and_sets(tag: Callable[..., Analysis]) -> None:
    a = times(
        tag(
            "The talks lasted for two days. Negotiators argued for several hours. "
            "The war has gone on for a decade. Inspectors visit every week and report daily."
        )
    )
    assert (a["two days"].type, a["two days"].value) == ("DURATION", "P2D")
    assert a["several hours"].value == "PTXH"
    assert a["a decade"].value == "P10Y"
    assert (a["every week"].type, a["every week"].value) == ("SET", "P1W")
    assert (a["daily"].type, a["daily"].value) == ("SET", "P1D")


def test_generic_references(tag: Callable[..., Analysis]) -> None:
    a = times(tag("The border is now closed. The envoy recently visited Kyiv. Talks may resume in the future."))
    assert a["now"].value == "PRESENT_REF"
    assert a["recently"].value == "PAST_REF"
    assert a["the future"].value == "FUTURE_REF"


def test_spans_exclude_prepositions(tag: Callable[..., Analysis]) -> None:
    a = tag("Ministers met on Friday in Paris and will meet again in March.")
    assert [t.text for t in a.times] == ["Friday", "March"]


def test_non_times_are_rejected(tag: Callable[..., Analysis]) -> None:
    a = tag(
        "May I add that protesters march on the capital? The Sunday Times reported it, "
        "citing China Daily. Theresa May declined to comment. The army sent 2000 troops."
    )
    assert a.times == [], [t.text for t in a.times]


def test_sentence_index_and_ids(tag: Callable[..., Analysis]) -> None:
    a = tag("Nothing happened. The envoy arrived yesterday. She leaves on Sunday.")
    assert [(t.id, t.sentence) for t in a.times] == [("T1", 1), ("T2", 2)]


def test_time_of_clause(time_pipeline: Pipeline) -> None:
    text = "The army withdrew on Tuesday, and the president said on Thursday that talks will resume."
    doc = time_pipeline.nlp(text)
    analysis = time_pipeline.run_stages(doc, _article(text))
    said = next(t for t in doc if t.text == "said")
    withdrew = next(t for t in doc if t.text == "withdrew")
    t_said = time_of_clause(analysis, doc, said.i)
    t_withdrew = time_of_clause(analysis, doc, withdrew.i)
    assert t_said is not None and t_said.text == "Thursday"
    assert t_withdrew is not None and t_withdrew.text == "Tuesday"


def _article(text: str) -> Article:
    return Article.from_text(text, published=dt.date(2024, 4, 26))


# ---------------------------------------------------------------- pure helpers


def test_resolvers() -> None:
    pub = dt.date(2024, 4, 26)
    assert resolve_month(11, pub, "past") == 2023
    assert resolve_month(11, pub, "future") == 2024
    assert resolve_month(3, pub, None) == 2024
    assert resolve_weekday(1, pub, "past") == dt.date(2024, 4, 22)
    assert resolve_weekday(1, pub, "future") == dt.date(2024, 4, 29)
    assert resolve_day(12, 25, pub, "past") == dt.date(2023, 12, 25)
    assert number_value("twenty four") == 24
    assert number_value("several") is None


def test_tml_reader(tmp_path: Path) -> None:
    tml = tmp_path / "doc.tml"
    tml.write_text(
        '<?xml version="1.0" ?><TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" '
        'functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT><TEXT>\nPrices <EVENT eid="e1">fell</EVENT> '
        '<TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> &amp; rose.</TEXT></TimeML>',
        encoding="utf-8",
    )
    doc = read_tml(tml)
    assert doc is not None and doc.dct == dt.date(1998, 1, 8)
    (g,) = doc.timexes
    assert doc.text[g.start : g.end] == "yesterday" and g.value == "1998-01-07"
    assert doc.text.endswith("& rose.")
    assert same_value("2000-W7", "2000-W07") and not same_value("2000-W07", "2000-W08")


# ---------------------------------------------------------------- acceptance


def test_beijing_talks_acceptance(shared_dir: Path, tag: Callable[..., Analysis]) -> None:
    text = (shared_dir / "examples" / "beijing-talks.txt").read_text(encoding="utf-8")
    a = tag(text, "2024-04-26")
    by_text: dict[str, list[str]] = {}
    for t in a.times:
        by_text.setdefault(t.text, []).append(t.value)
    assert set(by_text["today"]) == {"2024-04-26"}
    assert by_text["November"] == ["2023-11"]
    assert by_text["2022"] == ["2022"]


def test_ages_and_connectives_are_not_times(tag: Callable[..., Analysis]) -> None:
    a = tag("A 6-year-old boy left as soon as possible, shortly after the vote.")
    assert a.times == [], [t.text for t in a.times]


def test_year_earlier_follows_the_reference_quarter(tag: Callable[..., Analysis]) -> None:
    a = times(tag("Profit rose 5% in the third quarter. A year earlier, the company lost money.", "1989-10-26"))
    assert a["the third quarter"].value == "1989-Q3"
    assert a["A year earlier"].value == "1988-Q3"
    b = times(tag("Sales were $300 million last year, down from $450 million the year before.", "1999-03-01"))
    assert b["last year"].value == "1998"
    assert b["the year before"].value == "1997"


def test_attributive_durations_leave_the_article_outside(tag: Callable[..., Analysis]) -> None:
    a = times(tag("The general got a two-year term and the ministers held a three day meeting."))
    assert a["two-year"].value == "P2Y"
    assert a["three day"].value == "P3D"
    assert "a two-year" not in a and "a three day" not in a
    assert "a year" in times(tag("The talks lasted a year."))


def test_previously_is_not_a_time(tag: Callable[..., Analysis]) -> None:
    assert tag("The ministry confirmed a previously announced visit.").times == []


def test_weekday_tense_beyond_simple_past(tag: Callable[..., Analysis]) -> None:
    # Published on Wednesday 2024-04-24.
    pub = "2024-04-24"
    # Present tense of a scheduled event points forward ...
    assert value_of(tag, "The two leaders meet Monday in Geneva.", "Monday", pub) == "2024-04-29"
    # ... but a genitive weekday names a day already past.
    assert value_of(tag, "The index is above Monday's close.", "Monday", pub) == "2024-04-22"
    # "planned to ... Thursday": the future of a past moment; the nearest Thursday wins.
    assert value_of(tag, "The envoy planned to leave on Thursday.", "Thursday", pub) == "2024-04-25"
    # "agreed Tuesday to release": the agreeing is dated, and it is past.
    assert value_of(tag, "The rebels agreed Tuesday to release the hostages.", "Tuesday", pub) == "2024-04-23"


def test_reporting_periods(tag: Callable[..., Analysis]) -> None:
    a = times(
        tag(
            "Net income rose 12% in the third quarter. In the year-earlier period, the group lost money, "
            "and year-ago sales were lower. The 1988 period included a charge. "
            "Margins were thin in the latest period. The plan covers a three-year period.",
            "1989-10-26",
        )
    )
    assert a["the third quarter"].value == "1989-Q3"
    assert a["the year-earlier period"].value == "1988-Q3"
    assert a["year-ago"].value == "1988-Q3"
    assert a["The 1988 period"].value == "1988-Q3"
    assert a["the latest period"].value == "1989-Q3"
    assert (a["a three-year period"].type, a["a three-year period"].value) == ("DURATION", "P3Y")
    b = times(tag("Profit was $5 million in the 1988 second quarter.", "1989-10-26"))
    assert b["the 1988 second quarter"].value == "1988-Q2"
    assert tag("Sales matched the same period.", "1989-10-26").times == []


def test_month_day_after_last_and_since(tag: Callable[..., Analysis]) -> None:
    # Published 2024-04-26: "last Oct. 23" is a day, not the month; "since" looks back.
    assert value_of(tag, "The judge was shot last Oct. 23 at his home.", "Oct. 23") == "2023-10-23"
    assert value_of(tag, "Police have searched for him since the Oct. 23 shooting.", "Oct. 23") == "2023-10-23"


def test_parts_of_named_days(tag: Callable[..., Analysis]) -> None:
    # Published on Wednesday 2024-04-24.
    a = times(tag("The minister spoke Tuesday evening. Rebels attacked Monday night.", "2024-04-24"))
    assert (a["Tuesday evening"].type, a["Tuesday evening"].value) == ("TIME", "2024-04-23TEV")
    assert (a["Monday night"].type, a["Monday night"].value) == ("DATE", "2024-04-22")


def test_current_as_present_reference(tag: Callable[..., Analysis]) -> None:
    a = times(tag("Investors fear current market conditions. Sales rose in the current quarter."))
    assert a["current"].value == "PRESENT_REF"
    assert a["the current quarter"].value == "2024-Q2"
    assert "current" not in times(tag("Holders may buy shares at the then current price."))


def test_fractional_durations(tag: Callable[..., Analysis]) -> None:
    a = times(
        tag("Refugees lived in camps for 2 1/2 years. The talks took three and a half days. They waited half an hour.")
    )
    assert a["2 1/2 years"].value == "P2Y6M"
    assert a["three and a half days"].value == "P3DT12H"
    assert a["half an hour"].value == "PT30M"


def test_spelled_out_years_and_month_of_relative_year(tag: Callable[..., Analysis]) -> None:
    a = times(
        tag(
            "In nineteen ninety-one the envoy was expelled. Prices fell to lows in the winter of nineteen "
            "ninety-four. January nineteen ninety-seven brought new talks. By the year two thousand, the treaty "
            "lapsed. In June last year, the coalition split.",
            "1998-02-27",
        )
    )
    assert a["nineteen ninety-one"].value == "1991"
    assert a["the winter of nineteen ninety-four"].value == "1994-WI"
    assert a["January nineteen ninety-seven"].value == "1997-01"
    assert a["the year two thousand"].value == "2000"
    assert a["June last year"].value == "1997-06"
    assert tag("Two thousand troops and nineteen twenty-one votes.", "1998-02-27").times == []


def test_named_days(tag: Callable[..., Analysis]) -> None:
    a = times(
        tag(
            "The boy was rescued on Thanksgiving Day. Relatives prayed as Easter week began. "
            "The envoy will return before Christmas.",
            "2000-04-17",
        )
    )
    assert a["Thanksgiving Day"].value == "1999-11-25"
    assert a["Easter week"].value == "2000-W16"
    assert a["Christmas"].value == "2000-12-25"
    assert value_of(tag, "The vote was held last Election Day.", "last Election Day", "2000-04-17") == "1999-11-02"


def test_deadlines_after_until(tag: Callable[..., Analysis]) -> None:
    # Published on Wednesday 2024-04-24: "postponed until Friday" looks ahead despite the past verb.
    assert value_of(tag, "Officials postponed the vote until Friday.", "Friday", "2024-04-24") == "2024-04-26"
    assert value_of(tag, "The bank extended the loans through January.", "January", "2024-10-30") == "2025-01"


def test_reporting_year_and_twelve_month_spans(tag: Callable[..., Analysis]) -> None:
    # "the year ended <date>" is a twelve-month span; "for the year" alone is the year reported on.
    text = "Revenue was $76 million for the year ended June 30. For the year, volume was flat."
    years = [(t.type, t.value) for t in tag(text, "1989-11-02").times if t.text == "the year"]
    assert years == [("DURATION", "P1Y"), ("DATE", "1989")]
    b = times(tag("Sales for the full year rose 13%. Profit in the fiscal year ending March 31 fell.", "1989-11-02"))
    assert (b["the full year"].type, b["the full year"].value) == ("DATE", "1989")
    assert (b["the fiscal year"].type, b["the fiscal year"].value) == ("DURATION", "P1Y")


def test_latest_quarter_is_one_already_over(tag: Callable[..., Analysis]) -> None:
    a = times(tag("The company expects a loss in the fourth quarter. Sales rose in the latest quarter.", "1989-11-02"))
    assert a["the fourth quarter"].value == "1989-Q4"
    assert a["the latest quarter"].value == "1989-Q3"


def test_weeks_of_dates_halves_and_parts_of_yesterday(tag: Callable[..., Analysis]) -> None:
    a = times(
        tag(
            "Hearings are set for the week of March 6. Growth slowed in the last half of 1989 and in the last "
            "half of the 1980s. Shares fell in mid-afternoon yesterday.",
            "2000-02-24",
        )
    )
    assert a["the week of March 6"].value == "2000-W10"
    assert a["the last half of 1989"].value == "1989-H2"
    assert "the last half" not in a
    assert (a["mid-afternoon yesterday"].type, a["mid-afternoon yesterday"].value) == ("TIME", "2000-02-23TAF")


def test_tense_of_modal_perfects_bare_pasts_and_effective_dates(tag: Callable[..., Analysis]) -> None:
    # Published on Friday 1989-10-27.
    pub = "1989-10-27"
    assert value_of(tag, "Concern may have been responsible for the drop on Wednesday.", "Wednesday", pub) == (
        "1989-10-25"
    )
    assert value_of(tag, "Weakness in technology stocks hurt the index on Wednesday.", "Wednesday", pub) == (
        "1989-10-25"
    )
    # "effective <date>": when a change takes effect, announced ahead of it.
    assert value_of(tag, "The bank created a new office, effective Feb. 1.", "Feb. 1", pub) == "1990-02-01"
    # A past tense keeps a date nine months back over one three months ahead.
    assert value_of(tag, "In the fiscal year ended Jan. 31, the company reported a loss.", "Jan. 31", "1989-10-31") == (
        "1989-01-31"
    )


def test_ranges_and_anaphoric_units(tag: Callable[..., Analysis]) -> None:
    a = times(tag("Waiting times are between two to six days. He fled in June 1998 and returned later that year."))
    assert (a["two"].type, a["two"].value) == ("DURATION", "P2D")
    assert a["six days"].value == "P6D"
    assert a["later that year"].value == "1998"
    b = times(tag("Deals are expected during the next 12 to 18 months."))
    assert b["the next 12 to 18 months"].value == "PXM"


def test_past_perfect_schedules_ahead_of_and_the_past_year(tag: Callable[..., Analysis]) -> None:
    # Published on Monday 1989-10-30.
    pub = "1989-10-30"
    assert value_of(tag, "The offer had been due to expire Friday evening.", "Friday evening", pub) == ("1989-10-27TEV")
    assert value_of(tag, "Traders squared positions ahead of the weekend.", "the weekend", pub) == "1989-W44-WE"
    a = times(tag("Hate groups grew over the past year, the report said.", "1998-03-03"))
    assert (a["the past year"].type, a["the past year"].value) == ("DATE", "1997")


def test_spelled_decades_terms_and_trading_days(tag: Callable[..., Analysis]) -> None:
    a = times(
        tag(
            "Numbers dropped through the nineties. Eight trading days after the crash, it rose. "
            "We see challenges in the near term. It cut long-term debt. A nineteen ninety-seven attack was solved.",
            "1998-03-03",
        )
    )
    assert a["the nineties"].value == "199"
    assert (a["Eight trading days"].type, a["Eight trading days"].value) == ("DURATION", "P8D")
    assert a["the near term"].value == "FUTURE_REF"
    assert not any("term" in t for t in a if t != "the near term")
    assert a["nineteen ninety-seven"].value == "1997"


def test_previous_weekday_quarters_of_losses_and_later_dates(tag: Callable[..., Analysis]) -> None:
    # Published on Monday 1989-10-30.
    a = times(
        tag(
            "The index fell on Friday, down 4.5% from the previous Friday. It earned money after several "
            "quarters of losses, and three quarters of the staff stayed. Financing will come at a later date.",
            "1989-10-30",
        )
    )
    assert a["Friday"].value == "1989-10-27"
    assert a["the previous Friday"].value == "1989-10-20"
    assert a["several quarters"].value == "PXQ"
    assert "three quarters" not in a
    assert a["a later date"].value == "FUTURE_REF"


def test_quarter_a_year_ago(tag: Callable[..., Analysis]) -> None:
    a = times(tag("Profit rose in the third quarter. For the quarter a year ago, it lost money.", "1989-10-30"))
    assert a["the quarter a year ago"].value == "1988-Q3"


def test_day_next_to_a_named_weekday(tag: Callable[..., Analysis]) -> None:
    # Published on Thursday 2000-02-24.
    a = times(tag("The day before last Tuesday's hearing, Manuel went to court.", "2000-02-24"))
    assert a["The day before last Tuesday"].value == "2000-02-21"


def test_second_day_of_a_pair_and_attributive_months(tag: Callable[..., Analysis]) -> None:
    a = times(tag("The summit will be held on April 24 and 25. The March accession will follow.", "1999-02-10"))
    assert a["April 24"].value == "1999-04-24"
    assert a["25"].value == "1999-04-25"
    assert a["March"].value == "1999-03"
    b = times(tag("He won 24 and 25 votes. The march on Washington ended. Theresa May spoke.", "1999-02-10"))
    assert b == {}


def test_plural_weekdays_are_sets(tag: Callable[..., Analysis]) -> None:
    a = times(tag("Two flights will leave on Monday and Tuesday nights. The shop closes on Sundays."))
    assert (a["Monday"].type, a["Monday"].value) == ("SET", "XXXX-WXX-1TNI")
    assert (a["Tuesday nights"].type, a["Tuesday nights"].value) == ("SET", "XXXX-WXX-2TNI")
    assert (a["Sundays"].type, a["Sundays"].value) == ("SET", "XXXX-WXX-7")


def test_date_on_a_past_planning_verb_is_past(tag: Callable[..., Analysis]) -> None:
    # Published on Wednesday 1998-09-30: the planning happened on Friday; the paying is later.
    a = times(tag("On Friday, the Kenyan government planned to pay the families.", "1998-09-30"))
    assert a["Friday"].value == "1998-09-25"


def test_scheduled_events_take_the_nearest_date(tag: Callable[..., Analysis]) -> None:
    # Published on Friday 2000-01-07: the planned demonstration lies ahead; the march took place.
    a = times(tag("Protesters planned a large demonstration on Saturday. Workers marched on Saturday.", "2000-01-07"))
    assert [t.value for t in tag("Protesters planned a large demonstration on Saturday.", "2000-01-07").times] == [
        "2000-01-08"
    ]
    assert a["Saturday"].value == "2000-01-01"  # the later one, "marched on Saturday", is past


def test_intended_events_in_infinitive_modifiers(tag: Callable[..., Analysis]) -> None:
    # Published 1989-11-02: the acquisition is intended, so the nearest January (ahead) wins.
    text = "The company announced an agreement to acquire the bank in January."
    assert value_of(tag, text, "January", "1989-11-02") == "1990-01"


def test_attributive_month_is_the_nearest(tag: Callable[..., Analysis]) -> None:
    # Published 1989-10-27: the verb's future ("to try to sell") does not date the June agreement.
    text = "The company is continuing to try to sell itself, under a June agreement with a shareholder."
    assert value_of(tag, text, "June", "1989-10-27") == "1989-06"


def test_since_across_fillers_and_months_after_a_named_year(tag: Callable[..., Analysis]) -> None:
    text = "Police have searched for him since shortly after the Oct. 23 slaying."
    assert value_of(tag, text, "Oct. 23", "1999-05-06") == "1998-10-23"
    a = times(tag("Sales were flat this year through August. Last year in June they fell.", "1989-10-27"))
    assert a["August"].value == "1989-08"
    assert a["June"].value == "1988-06"


def test_comparison_after_a_forecast_quarter(tag: Callable[..., Analysis]) -> None:
    text = (
        "Net income fell in the third quarter. The company expects a recovery in the third quarter of 1990. "
        "In the year-ago period, it earned $101 million."
    )
    assert value_of(tag, text, "the year-ago period", "1989-10-26") == "1988-Q3"


def test_one_day_after_a_modal_is_the_future(tag: Callable[..., Analysis]) -> None:
    a = times(tag("Islam will one day be the second largest religion. He stayed one day."))
    assert [(t.type, t.value) for t in tag("Islam will one day be the largest religion.").times] == [
        ("DATE", "FUTURE_REF")
    ]
    assert a["one day"].value == "P1D"  # the later "stayed one day" is a duration


def test_indefinite_quarter_is_an_aside(tag: Callable[..., Analysis]) -> None:
    text = (
        "The company posted a 20% gain in third-quarter net income. After a flat second quarter, it credited "
        "consumer sales. Interest costs were lower than a year ago."
    )
    a = times(tag(text, "1989-11-01"))
    assert a["second quarter"].value == "1989-Q2"
    assert a["a year ago"].value == "1988-Q3"
