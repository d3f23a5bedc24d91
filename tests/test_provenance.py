"""Provenance stage: the chain of sources an article cites (synthetic sentences written for these tests)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.knowledge.outlets import outlets
from eventwire.pipeline import Pipeline
from eventwire.records import Analysis, Article, Source
from eventwire.stages.provenance import Claim, Ref, build_chain, cues, outlet_key

Analyze = Callable[..., Analysis]


def chain(a: Analysis) -> list[tuple[str, str, int]]:
    """(name, role, order) of every source, in list order."""
    return [(s.name, s.role, s.order) for s in a.sources]


def by_name(a: Analysis, name: str) -> Source:
    found = [s for s in a.sources if s.name == name]
    assert len(found) == 1, chain(a)
    return found[0]


def assert_spans(a: Analysis) -> None:
    for s in a.sources:
        assert a.article.text[s.start : s.end] == s.text


def with_publisher(pipeline: Pipeline, text: str, source: str) -> Analysis:
    return pipeline.analyze(Article.from_text(text, published=dt.date(2024, 4, 26), source=source))


# --------------------------------------------------------------------------- tables


def test_tables_load_and_cover_the_cue_kinds() -> None:
    c = cues()
    assert {"report", "say"} <= c.report and "report" in c.report_strong and "say" not in c.report_strong
    assert {"quote", "cite"} <= c.transmit
    assert "tell" in c.tell and "interview" in c.interview and "statement" in c.document
    assert "reporter" in c.audience and "agency" in c.outlet_noun
    table = outlets()
    assert table["Agence France-Presse"].name == "AFP"
    assert table["Bulgarian News Agency"].name == "BTA"
    assert outlet_key("Associated Press") == outlet_key("AP") == "ap"
    assert outlet_key("the Washington Post") == outlet_key("The Washington Post")


# --------------------------------------------------------------------------- each cue form


def test_reported_by_outlet_after_clause(analyze: Analyze) -> None:
    a = analyze("Tensions between the two neighbours remain high, Reuters reported.")
    assert chain(a) == [("Reuters", "original", 0)]
    s = a.sources[0]
    assert s.id == "S1" and s.cue == "report" and s.text == "Reuters"
    assert_spans(a)


def test_inverted_reported_outlet_quoted_by_relay(analyze: Analyze) -> None:
    a = analyze("The ministers will discuss trade and energy on Monday, reported Reuters, quoted by BTA.")
    assert chain(a) == [("Reuters", "original", 0), ("BTA", "relay", 1)]
    assert [s.id for s in a.sources] == ["S1", "S2"]
    assert_spans(a)


def test_according_to_outlet(analyze: Analyze) -> None:
    a = analyze("According to Reuters, the talks will resume next week.")
    assert chain(a) == [("Reuters", "original", 0)]
    assert a.sources[0].cue == "according to"


def test_told_outlet(analyze: Analyze) -> None:
    a = analyze("The foreign minister told AFP that the deal was close.")
    afp = by_name(a, "AFP")
    assert (afp.role, afp.order, afp.cue) == ("original", 0, "tell")
    cited = [s for s in a.sources if s.role == "cited"]
    assert len(cited) == 1 and "minister" in cited[0].name and cited[0].order == -1
    assert_spans(a)


def test_speaker_told_reuters_reuters_is_reporter(analyze: Analyze) -> None:
    a = analyze("A senior official told Reuters on Tuesday that new sanctions were coming.")
    assert a.sources[0].name == "Reuters" and a.sources[0].role == "original"
    assert [s.role for s in a.sources[1:]] == ["cited"]
    assert "official" in a.sources[1].name


def test_reported_citing_official_source(analyze: Analyze) -> None:
    a = analyze("Xinhua reported, citing the Foreign Ministry, that the state visit was postponed.")
    assert by_name(a, "Xinhua").role == "original"
    cited = [s for s in a.sources if s.role == "cited"]
    assert len(cited) == 1 and "Ministry" in cited[0].name and cited[0].cue == "cite"
    assert_spans(a)


def test_as_reported_by(analyze: Analyze) -> None:
    a = analyze("The border crossing was closed overnight, as reported by Al Jazeera.")
    assert chain(a) == [("Al Jazeera", "original", 0)]


def test_outlet_citing_ministry_said(analyze: Analyze) -> None:
    a = analyze("AFP, citing the interior ministry, said the border was closed.")
    assert a.sources[0].name == "AFP" and a.sources[0].role == "original" and a.sources[0].order == 0
    assert a.sources[1].role == "cited" and "ministry" in a.sources[1].name
    assert len(a.sources) == 2


def test_according_to_statement_by_ministry_is_cited(analyze: Analyze) -> None:
    a = analyze("According to a statement by the defence ministry, the exercises will end on Sunday.")
    assert len(a.sources) == 1
    s = a.sources[0]
    assert s.role == "cited" and s.order == -1 and "ministry" in s.name and s.cue == "according to"
    assert_spans(a)


def test_the_agency_said_resolves_to_named_outlet(analyze: Analyze) -> None:
    a = analyze(
        "Xinhua said the delegation arrived in Hanoi on Thursday. The agency said talks would resume on Monday."
    )
    assert chain(a) == [("Xinhua", "original", 0)]


def test_the_agency_without_outlet_antecedent_is_not_an_outlet(analyze: Analyze) -> None:
    a = analyze(
        "The International Atomic Energy Agency inspected the plant on Monday, Reuters reported. "
        "The agency said it had found no violations."
    )
    assert chain(a) == [("Reuters", "original", 0)]


def test_interview_with_outlet(analyze: Analyze) -> None:
    a = analyze("The president said in an interview with CNN that he would seek a second term.")
    cnn = by_name(a, "CNN")
    assert (cnn.role, cnn.order, cnn.cue) == ("original", 0, "interview")
    assert [s.role for s in a.sources] == ["original", "cited"]


def test_dateline(analyze: Analyze) -> None:
    a = analyze("BEIJING (Reuters) - China said on Friday it would hold military drills near the island.")
    assert chain(a) == [("Reuters", "original", 0)]
    assert a.sources[0].cue == "dateline"
    assert_spans(a)


def test_dateline_writer_relays_the_outlet_it_cites(analyze: Analyze) -> None:
    a = analyze("WASHINGTON (AP) — The Senate approved the aid package late on Tuesday, Politico reported.")
    assert chain(a) == [("Politico", "original", 0), ("AP", "relay", 1)]


def test_abbreviation_in_brackets_is_no_dateline(analyze: Analyze) -> None:
    a = analyze("The Shanghai Cooperation Organisation (SCO) - a regional bloc - met in Astana on Thursday.")
    assert a.sources == []


def test_outlet_commented_is_deduplicated(analyze: Analyze) -> None:
    a = analyze(
        "The two sides agreed to keep talking, reported Reuters. Officials met for five hours. "
        "Tensions between the capitals remain, Reuters commented. Reuters also said more talks were planned."
    )
    assert chain(a) == [("Reuters", "original", 0)]
    assert a.sources[0].cue == "report"  # the span and cue of the first mention that fixed the role


def test_outlet_quoted_as_saying(analyze: Analyze) -> None:
    a = analyze("TASS quoted Reuters as saying that the deal had been signed.")
    assert chain(a) == [("Reuters", "original", 0), ("TASS", "relay", 1)]


def test_speaker_quoted_by_outlet(analyze: Analyze) -> None:
    a = analyze("Ukrainian President Volodymyr Zelensky, quoted by Interfax, said the front line was stable.")
    assert a.sources[0].name == "Interfax" and a.sources[0].role == "original"
    assert a.sources[1].role == "cited" and "Zelensky" in a.sources[1].name


def test_weak_cue_by_other_outlet_after_reporter_is_cited(analyze: Analyze) -> None:
    a = analyze(
        "The foreign ministers met in Jakarta on Friday, reported Reuters. "
        "The Global Times wrote that the meeting was a success."
    )
    assert chain(a) == [("Reuters", "original", 0), ("Global Times", "cited", -1)]


def test_generic_state_media(analyze: Analyze) -> None:
    a = analyze("State media reported that the leader had visited a tractor factory.")
    assert len(a.sources) == 1 and a.sources[0].role == "original"
    assert a.sources[0].name.lower() == "state media"


def test_unknown_outlet_from_media_word(analyze: Analyze) -> None:
    a = analyze("The Jakarta Post reported that the election would be held in February.")
    assert chain(a) == [("Jakarta Post", "original", 0)]


def test_speaking_to_outlet(analyze: Analyze) -> None:
    a = analyze("Speaking to the BBC, the prime minister said the country would not back down.")
    assert a.sources[0].name == "BBC" and a.sources[0].role == "original"


def test_ministry_said_in_statement_is_cited(analyze: Analyze) -> None:
    a = analyze("The foreign ministry said in a statement that the embassy would reopen in May.")
    assert [s.role for s in a.sources] == ["cited"]


# --------------------------------------------------------------------------- no source, two agencies, officials


def test_article_without_attribution_has_empty_chain(analyze: Analyze) -> None:
    a = analyze(
        "The two leaders met in Geneva on Tuesday and agreed to continue talks.\n"
        "They also discussed trade, energy and the situation in the region."
    )
    assert a.sources == []


def test_official_told_reporters_is_no_source(analyze: Analyze) -> None:
    a = analyze("The foreign minister told reporters that the talks had gone well.")
    assert a.sources == []


def test_spokesman_said_is_no_source(analyze: Analyze) -> None:
    a = analyze('"We are ready for dialogue," the ministry spokesman said on Thursday.')
    assert a.sources == []


def test_two_independent_agencies(analyze: Analyze) -> None:
    a = analyze(
        "Russian drones struck Odesa overnight, Reuters reported. "
        "Three people were killed in the strike, AFP reported, citing regional officials."
    )
    outlets_ = [(s.name, s.role, s.order) for s in a.sources if s.role != "cited"]
    assert outlets_ == [("Reuters", "original", 0), ("AFP", "original", 0)]
    assert [s.id for s in a.sources] == [f"S{i}" for i in range(1, len(a.sources) + 1)]


# --------------------------------------------------------------------------- the publishing outlet


def test_publisher_closes_chain_after_other_reporter(pipeline: Pipeline) -> None:
    a = with_publisher(pipeline, "Kyiv came under missile attack on Friday, Ukrinform reported.", "BTA")
    assert chain(a) == [("Ukrinform", "original", 0), ("BTA", "relay", 1)]
    bta = a.sources[1]
    assert (bta.start, bta.end, bta.text, bta.cue) == (0, 0, "", "publisher")


def test_publisher_named_as_relay_is_not_duplicated(pipeline: Pipeline) -> None:
    a = with_publisher(pipeline, "Talks resumed in Vienna, reported Reuters, quoted by BTA.", "Bulgarian News Agency")
    assert chain(a) == [("Reuters", "original", 0), ("BTA", "relay", 1)]


def test_publisher_as_own_reporter_is_not_duplicated(pipeline: Pipeline) -> None:
    a = with_publisher(pipeline, "Kyiv came under missile attack on Friday, reported BTA.", "BTA")
    assert chain(a) == [("BTA", "original", 0)]


def test_publisher_without_attribution_adds_nothing(pipeline: Pipeline) -> None:
    a = with_publisher(pipeline, "The two leaders met in Geneva on Tuesday.", "BTA")
    assert a.sources == []


def test_publisher_reports_cited_source(pipeline: Pipeline) -> None:
    a = with_publisher(pipeline, "According to the defence ministry, the exercises will end on Sunday.", "BTA")
    assert chain(a)[0] == ("BTA", "original", 0)
    assert [s.role for s in a.sources] == ["original", "cited"]


# --------------------------------------------------------------------------- chain building (no parse)


def _ref(name: str, start: int, outlet: bool = True) -> Ref:
    return Ref(name, start, start + len(name), name, outlet)


def test_build_chain_orders_relays_along_edges() -> None:
    reuters, tass, bta = _ref("Reuters", 0), _ref("TASS", 20), _ref("BTA", 40)
    claims = [
        Claim(reuters, "original", True, "report"),
        Claim(tass, "relay", True, "quote", upstream=reuters),
        Claim(bta, "relay", True, "cite", upstream=tass),
    ]
    assert [(s.name, s.role, s.order) for s in build_chain(claims)] == [
        ("Reuters", "original", 0),
        ("TASS", "relay", 1),
        ("BTA", "relay", 2),
    ]


def test_build_chain_relay_without_any_original_is_the_reporter() -> None:
    claims = [Claim(_ref("BTA", 5), "relay", True, "quote")]
    assert [(s.name, s.role, s.order) for s in build_chain(claims)] == [("BTA", "original", 0)]


def test_build_chain_empty() -> None:
    assert build_chain([], publisher="BTA") == []


# --------------------------------------------------------------------------- acceptance


def test_acceptance_beijing_talks(shared_dir: Path, analyze: Analyze) -> None:
    text = (shared_dir / "examples" / "beijing-talks.txt").read_text(encoding="utf-8")
    a = analyze(text, published="2024-04-26")
    relay_chain = [(s.name, s.role, s.order) for s in a.sources if s.role != "cited"]
    assert relay_chain == [("Reuters", "original", 0), ("BTA", "relay", 1)]
    assert a.sources[0].id == "S1" and a.sources[1].id == "S2"
    assert [s.name for s in a.sources].count("Reuters") == 1  # "Reuters commented" adds no second entry
    reuters = a.sources[0]
    assert text.index("reported Reuters") + len("reported ") == reuters.start
    assert all(s.name not in ("Wang Yi", "Blinken") for s in a.sources)
    assert_spans(a)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "(",
        "( ) -",
        "According to",
        "reported by",
        "told",
        "(Reuters) -",
        '"Reuters said',
    ],
)
def test_bad_or_degenerate_input_does_not_crash(analyze: Analyze, text: str) -> None:
    a = analyze(text)
    assert_spans(a)


# --------------------------------------------------------------------------- robustness: what is not a source


@pytest.mark.parametrize(
    "text",
    [
        '"This is a turning point," said Maria Petrova, a lawmaker from the ruling party.',
        "Russia carried out large-scale military exercises near the border on Friday.",
        "According to exit polls, the ruling party won about 40 percent of the vote.",
        "The candidate weighs 110 kilograms, according to his medical records.",
        "The organisation said on its own website that it would close the office.",
        "The newspaper said the government would fall. Nobody had expected that.",
        "The opposition leader cited rising prices as the main reason for the protests.",
    ],
)
def test_not_a_source(analyze: Analyze, text: str) -> None:
    a = analyze(text)
    assert a.sources == [], chain(a)


def test_someones_channel_is_not_an_outlet(analyze: Analyze) -> None:
    a = analyze(
        "The strike was confirmed by regional governor Oleh Syniehubov, Ukrinform reported, "
        "citing the governor's Telegram channel."
    )
    assert [(s.name, s.role) for s in a.sources if s.role != "cited"] == [("Ukrinform", "original")]


def test_same_outlet_with_and_without_article_is_one_source(analyze: Analyze) -> None:
    a = analyze("The Times reported that the deal was close. The talks failed, the Times wrote later.")
    assert len(a.sources) == 1 and a.sources[0].role == "original"


def test_document_owner_name_beats_of_phrase(analyze: Analyze) -> None:
    a = analyze("According to a recent Reuters survey of voters, most oppose the plan.")
    assert chain(a) == [("Reuters", "original", 0)]


def test_generic_agency_after_named_agency(analyze: Analyze) -> None:
    a = analyze("The agreement was signed in Baku, Anadolu Agency reported. The agency said both sides welcomed it.")
    assert chain(a) == [("Anadolu", "original", 0)]


def test_comments_to_outlet(analyze: Analyze) -> None:
    a = analyze(
        "The minister said in comments to Reuters that the deal was done. He repeated the remarks on the radio."
    )
    assert a.sources[0].name == "Reuters" and a.sources[0].role == "original"
    assert all(s.name != "radio" for s in a.sources)


def test_outlet_citing_outlet_is_relay(analyze: Analyze) -> None:
    a = analyze("BTA, citing TASS, reported that Moscow had expelled two diplomats.")
    assert chain(a) == [("TASS", "original", 0), ("BTA", "relay", 1)]


def test_three_link_chain_with_official_source(analyze: Analyze) -> None:
    a = analyze("The figures were published by the statistics office on Monday, TASS reported, quoted by BTA.")
    assert chain(a)[:2] == [("TASS", "original", 0), ("BTA", "relay", 1)]


def test_coordinated_outlets(analyze: Analyze) -> None:
    a = analyze("According to Reuters and AFP, the ceasefire took effect at midnight.")
    assert chain(a) == [("Reuters", "original", 0), ("AFP", "original", 0)]


def test_title_case_dateline_with_known_outlet(analyze: Analyze) -> None:
    a = analyze("Moscow, April 26 (TASS) - Russia will respond to the sanctions, the foreign ministry said.")
    assert chain(a) == [("TASS", "original", 0)]


def test_second_agency_with_its_own_cited_source(analyze: Analyze) -> None:
    a = analyze(
        "KCNA said the launch was a success. The Yonhap news agency, citing South Korean military officials, "
        "reported that the missile flew 600 km."
    )
    assert [(s.name, s.role) for s in a.sources if s.role != "cited"] == [("KCNA", "original"), ("Yonhap", "original")]
    assert any(s.role == "cited" and "officials" in s.name for s in a.sources)


def test_actor_ids_point_to_existing_actors(analyze: Analyze) -> None:
    a = analyze("Xinhua reported, citing the Foreign Ministry, that the state visit was postponed.")
    ids = {x.id for x in a.actors}
    assert all(s.actor_id is None or s.actor_id in ids for s in a.sources)
    assert len({s.name for s in a.sources}) == len(a.sources)  # never the same name twice
