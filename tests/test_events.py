"""Tests of the events stage: pattern coding, arguments, modality, and the evaluation scorer."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from eventwire.knowledge.cameo import cameo_codes, lexicon, mirror_code, parse_elements
from eventwire.nlp import load_nlp
from eventwire.pipeline import Pipeline
from eventwire.records import Actor, Analysis, Article, Event, Mention
from eventwire.stages import events as events_stage
from eventwire.stages.base import Context, sentences_of
from eventwire.stages.events_match import Match

FIXTURES = Path(__file__).parent / "fixtures" / "events"

#: name -> (country, sector, kind) for hand-built actors
ACTORS: dict[str, tuple[str, str, str]] = {
    "Germany": ("DEU", "", "country"),
    "Poland": ("POL", "", "country"),
    "Japan": ("JPN", "", "country"),
    "Sri Lanka": ("LKA", "", "country"),
    "Iran": ("IRN", "", "country"),
    "Russia": ("RUS", "", "country"),
    "Russian": ("RUS", "", "country"),
    "Ukrainian": ("UKR", "", "country"),
    "Hungarian": ("HUN", "", "country"),
    "Romanian": ("ROU", "", "country"),
    "France": ("FRA", "", "country"),
    "Iranian ambassador": ("IRN", "GOV", "person"),
    "Police": ("BLR", "COP", "group"),
    "protesters": ("BLR", "CVL", "group"),
    "Protesters": ("VEN", "CVL", "group"),
    "the government": ("VEN", "GOV", "organization"),
    "The government": ("COL", "GOV", "organization"),
    "the rebels": ("COL", "REB", "group"),
    "The rebels": ("COL", "REB", "group"),
    "the capital": ("COL", "GOV", "organization"),
    "Israel": ("ISR", "", "country"),
    "Egypt": ("EGY", "", "country"),
    "Hamas": ("PSE", "REB", "group"),
    "Gaza": ("PSE", "", "country"),
    "The Kremlin": ("RUS", "GOV", "organization"),
    "Washington": ("USA", "GOV", "organization"),
    "Brazil": ("BRA", "", "country"),
    "Argentina": ("ARG", "", "country"),
    "Chinese companies": ("CHN", "BUS", "group"),
    "Canada": ("CAN", "", "country"),
    "Mexico": ("MEX", "", "country"),
    "India": ("IND", "", "country"),
    "Pakistan": ("PAK", "", "country"),
    "Turkey": ("TUR", "", "country"),
    "its soldiers": ("", "MIL", "group"),
    "students": ("", "EDU", "group"),
    "displaced people": ("", "REF", "group"),
    "Liberia": ("LBR", "", "country"),
    "Egyptian officials": ("EGY", "GOV", "group"),
    "Israeli": ("ISR", "", "country"),
}


def code_text(text: str, actors: bool = True) -> list[Event]:
    """Run only the events stage on ``text`` with hand-built actors/mentions (longest names first)."""
    nlp = load_nlp()
    doc = nlp(text)
    art = Article.from_text(text, published=dt.date(2024, 4, 26))
    analysis = Analysis(article=art, sentences=sentences_of(doc))
    if actors:
        taken: list[tuple[int, int]] = []
        for name in sorted(ACTORS, key=len, reverse=True):
            start = 0
            while (i := text.find(name, start)) >= 0:
                start = i + len(name)
                end = i + len(name)
                if any(s < end and i < e for s, e in taken):
                    continue
                if (i > 0 and text[i - 1].isalpha()) or (end < len(text) and text[end].isalpha()):
                    continue
                country, sector, kind = ACTORS[name]
                aid = next((a.id for a in analysis.actors if a.name == name), None)
                if aid is None:
                    aid = f"A{len(analysis.actors) + 1}"
                    analysis.actors.append(
                        Actor(
                            id=aid,
                            name=name,
                            kind=kind,
                            country=country,
                            sectors=[sector] if sector else [],
                            confidence=1.0,
                        )
                    )
                taken.append((i, end))
                analysis.mentions.append(
                    Mention(start=i, end=end, text=name, actor_id=aid, kind="name", sentence=analysis.sentence_of(i))
                )
    events_stage.run(doc, analysis, Context(published=dt.date(2024, 4, 26)))
    return analysis.events


def codes(events: list[Event]) -> list[tuple[str | None, str, str | None]]:
    """(source code, cameo, target code) triples."""
    return [(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None) for e in events]


# ------------------------------------------------------------------ tables


def test_tables_loaded() -> None:
    table = cameo_codes()
    assert table["190"].quad_class == 4 and table["040"].quad_class == 1
    assert table["036"].plover_type == "AGREE"
    assert table["163"].plover_type == "COERCE"
    assert table["0841"].plover_mode == "release"
    assert table["016"].goldstein["gdelt"] != table["016"].goldstein["icews"]
    lex = lexicon()
    assert "meet" in lex.verbs and lex.verbs["call"].defaults["off"][0] == "160"
    assert mirror_code("threat", "163") == "1312"
    assert mirror_code("intent", "042") == "036"


def test_element_syntax() -> None:
    els = parse_elements("w:peace deal|treaty ; p+:with>leaders")
    assert els[0].slots[0] == (("peace", "deal"), ("treaty",))
    assert els[1].preps == ("with",) and els[1].role == "+" and els[1].weight == 2


# ------------------------------------------------------------------ hard cases


def test_patterns_only_verbs() -> None:
    assert codes(code_text("Brazil signed a trade agreement with Argentina."))[0][1].startswith("0")
    ev = code_text("Egypt rejected the proposal for talks with Israel.")
    assert ev and ev[0].root == "12"
    ev = code_text("Israel launched airstrikes on Gaza.")
    assert ev and ev[0].cameo == "195" and ev[0].target and ev[0].target.code == "PSE"


def test_multi_word_verbs() -> None:
    ev = code_text("Police cracked down on protesters in Minsk.")
    assert codes(ev) == [("BLRCOP", "175", "BLRCVL")]
    ev = code_text("The government called off the talks with the rebels.")
    assert ev and ev[0].root == "16" and ev[0].target and ev[0].target.code == "COLREB"


def test_conjoined_actors_symmetric() -> None:
    ev = code_text("Russian and Ukrainian forces exchanged fire near the border.")
    assert {(s, t) for s, _c, t in codes(ev)} == {("RUS", "UKR"), ("UKR", "RUS")}
    assert all(e.root == "19" and e.symmetric for e in ev)
    ev = code_text("Hungarian and Romanian officials agreed to cooperate on refugees.")
    assert {(s, t) for s, _c, t in codes(ev)} == {("HUN", "ROU"), ("ROU", "HUN")}
    assert all(e.root == "03" for e in ev)


def test_light_verb_nominals() -> None:
    ev = code_text("Protesters staged rallies against the government in Caracas.")
    assert codes(ev) == [("VENCVL", "141", "VENGOV")]
    ev = code_text("Canada imposed sanctions on Mexico.")
    assert codes(ev) == [("CAN", "163", "MEX")]
    ev = code_text("Canada held talks with Mexico on Monday.")
    assert {e.root for e in ev} == {"04"} and ("CAN", "MEX") in {(s, t) for s, _c, t in codes(ev)}
    ev = code_text("Talks between India and Pakistan ended without agreement.")
    assert {(s, t) for s, _c, t in codes(ev)} == {("IND", "PAK"), ("PAK", "IND")}


def test_institutions_stand_for_governments() -> None:
    assert codes(code_text("The Kremlin criticized Washington.")) == [("RUSGOV", "111", "USAGOV")]


def test_non_human_subjects() -> None:
    assert code_text("An earthquake killed eight people in Turkey.") == []
    assert code_text("Floods hit the region on Monday.") == []


def test_sense_distinctions() -> None:
    assert codes(code_text("France summoned the Iranian ambassador over the arrests.")) == [("FRA", "114", "IRNGOV")]
    assert codes(code_text("Japan pledged aid to Sri Lanka.")) == [("JPN", "033", "LKA")]
    assert codes(code_text("Japan delivered aid to Sri Lanka.")) == [("JPN", "070", "LKA")]


def test_modality() -> None:
    assert {e.modality for e in code_text("Germany did not meet with Poland.")} == {"negated"}
    assert {e.modality for e in code_text("Germany will meet with Poland next week.")} == {"future"}
    assert {e.modality for e in code_text("Germany is expected to meet with Poland.")} == {"future"}
    ev = code_text("The rebels could attack the capital.")
    assert ev and ev[0].modality == "hypothetical"
    ev = code_text("Washington is ready to take action against Chinese companies.")
    assert codes(ev) == [("USAGOV", "130", "CHNBUS")] and ev[0].modality == "hypothetical"


def test_one_event_per_reported_action() -> None:
    # the statement of a future attack is the event: a threat (CAMEO 13x), not a statement plus an attack
    ev = code_text("Iran said on Monday that it would attack Israel.")
    assert codes(ev) == [("IRN", "138", "ISR")]
    ev = code_text("Egypt said Israel must release the prisoners.")
    assert codes(ev) == [("EGY", "1053", "ISR")]
    ev = code_text("Iran said Russia attacked Turkey.")
    assert [(e.root, e.source and e.source.code) for e in ev] == [("19", "RUS")]
    ev = code_text("Iran threatened to break relations with Russia.")
    assert codes(ev) == [("IRN", "1313", "RUS")]
    ev = code_text("Egypt urged Israel to withdraw its troops from Gaza.")
    assert [e.root for e in ev] == ["02"] and ev[0].target and ev[0].target.code == "ISR"


def test_no_actors_keeps_text() -> None:
    ev = code_text("Germany will meet with Poland next week.", actors=False)
    assert ev and all(e.source and e.source.actor_id is None for e in ev)


# ------------------------------------------------------------------ acceptance


def _article_events(analyze_fn: object, shared_dir: Path) -> tuple[Analysis, list[Event]]:
    text = (shared_dir / "examples" / "beijing-talks.txt").read_text(encoding="utf-8")
    analysis: Analysis = analyze_fn(text, published="2024-04-26")  # type: ignore[operator]
    return analysis, analysis.events


def test_beijing_acceptance(analyze: object, shared_dir: Path) -> None:
    analysis, events = _article_events(analyze, shared_dir)

    def code(arg: object) -> str:
        return getattr(arg, "code", None) or ""

    meet = [e for e in events if e.root == "04" and e.modality == "asserted" and e.date == "2024-04-26"]
    pairs = {(code(e.source)[:6], code(e.target)[:6]) for e in meet}
    assert {("USAGOV", "CHNGOV"), ("CHNGOV", "USAGOV")} <= pairs
    assert any(
        e.place_id and analysis.places and any(p.id == e.place_id and p.name == "Beijing" for p in analysis.places)
        for e in meet
    )
    crit = [e for e in events if e.root == "11"]
    assert any(code(e.source).startswith("CHN") and code(e.target).startswith("USA") for e in crit)
    threat = [e for e in events if e.root == "13"]
    assert any(
        code(e.source).startswith("USA") and code(e.target) == "CHNBUS" and e.modality == "hypothetical" for e in threat
    )
    xi = [e for e in events if e.target and "Xi Jinping" in e.target.text and e.root in ("03", "04")]
    assert xi and all(e.modality == "future" for e in xi)
    wxh = [e for e in events if e.target and "Wang Xiaohong" in e.target.text]
    assert wxh and all(e.modality == "future" for e in wxh)
    pelosi = [e for e in events if "Pelosi" in e.sentence.text]
    assert all("Pelosi" in (e.source.text if e.source else "") for e in pelosi)
    assert not any(e.cameo in ("01", "010") for e in events)
    assert len(events) <= 16


# ------------------------------------------------------------------ evaluation


def test_jsonl_gold_reader() -> None:
    from eventwire.evaluate.events import read_gold

    docs = read_gold(FIXTURES / "gold.jsonl")
    assert len(docs) == 5 and docs[3].events == []
    assert docs[1].events[0].roots == ("11",) and docs[1].events[0].sources == [("RUS", "GOV")]
    assert docs[2].events[0].roots == ("04",) and docs[2].events[0].symmetric


def test_plover_gold_reader(tmp_path: Path) -> None:
    from eventwire.evaluate.events import read_gold

    recs = [
        {"id": "doc", "event": "DOCUMENT", "eventText": "documentation record"},
        {
            "text": "Ruritania accused Freedonia of aggression.",
            "event": "DISAPPROVE",
            "date": "2001-02-03",
            "source": [{"actorText": "Ruritania", "code": "RUR"}],
            "target": "",
        },
    ]
    path = tmp_path / "g.json"
    path.write_text(json.dumps(recs), encoding="utf-8")
    docs = read_gold(path)
    assert len(docs) == 1 and docs[0].events[0].roots == ("11",) and docs[0].events[0].targets == []


def test_evaluate_jsonl(pipeline: object) -> None:
    from eventwire.evaluate.events import evaluate

    report = evaluate(FIXTURES / "gold.jsonl", pipeline)  # type: ignore[arg-type]
    assert report.documents == 5
    assert report.metric("root recall") >= 0.75
    assert report.metric("extra events per gold event") <= 0.5
    assert "Confusion by gold type" in report.tables
    assert "| root F1 |" in report.to_markdown()


def test_possessor_and_place_targets() -> None:
    assert codes(code_text("Brazil praised Argentina's efforts.")) == [("BRA", "051", "ARG")]
    ev = code_text("Egypt rejected the proposal for talks with Israel because of the war in Gaza.")
    assert ev and ev[0].target and ev[0].target.code == "ISR"
    ev = code_text("Turkey lifted the curfew in Iran.")
    assert ev and ev[0].root == "08" and ev[0].target and ev[0].target.code == "IRN"


def test_unconventional_violence_by_unarmed_actors() -> None:
    assert codes(code_text("Protesters attacked the government in Caracas.")) == [("VENCVL", "180", "VENGOV")]
    assert [e.root for e in code_text("The rebels attacked the capital.")] == ["19"]


def test_statements_of_demand_and_conditional_threat() -> None:
    assert codes(code_text("Canada declared that Mexico must drop its tariffs.")) == [("CAN", "100", "MEX")]
    assert codes(code_text("Canada halted aid to Mexico.")) == [("CAN", "162", "MEX")]
    ev = code_text("Canada announced that it will withdraw its troops from Mexico unless the talks resume.")
    assert [e.root for e in ev] == ["13"] and ev[0].source and ev[0].source.code == "CAN"


def test_one_event_per_action_in_sentence() -> None:
    ev = code_text("Talks between India and Pakistan are expected to be held next week.")
    assert {(s, t) for s, _c, t in codes(ev)} == {("IND", "PAK"), ("PAK", "IND")}
    assert len(ev) == 2 and all(e.modality == "future" and e.root == "04" for e in ev)
    ev = code_text("Canada is meeting with Mexico today to discuss trade.")
    assert len(ev) == 2 and {e.root for e in ev} == {"04"}


def test_target_inside_object_phrase() -> None:
    """The target may sit inside the object phrase or the complement; a sector-only actor is a last resort."""
    ev = code_text("Poland demanded an apology by Russia for the raid.")
    assert ev and ev[0].root == "10" and ev[0].target and ev[0].target.code == "RUS"
    ev = code_text("Canada rejected a new offer from Mexico.")
    assert ev and ev[0].root == "12" and ev[0].target and ev[0].target.code == "MEX"
    ev = code_text("Germany offered its soldiers to help Japan.")
    assert ev and all(e.target is None or e.target.code != "MIL" for e in ev)


def test_purpose_clause_is_part_of_the_main_event() -> None:
    """'X did A to do B' is one event: A, unless A only sends people or things (then B is the news)."""
    ev = code_text("Germany telephoned Japan to discuss the trade dispute.")
    assert {e.trigger.text for e in ev} == {"telephoned"}
    ev = code_text("Germany sent experts to Japan to investigate the accident.")
    assert [e.root for e in ev] == ["09"] and ev[0].target and ev[0].target.code == "JPN"


def test_background_clause_needs_a_specific_pattern() -> None:
    """A relative clause's verb with only a default code is not an event of the sentence."""
    ev = code_text("Germany praised Japan, which supports the plan.")
    assert codes(ev) == [("DEU", "051", "JPN")]


def test_complement_of_a_coded_verb_is_not_asserted() -> None:
    """'urged Y to stop supplying X': the supplying is not an asserted action of Y."""
    ev = code_text("France urged Russia to stop supplying Iran with weapons.")
    assert ev and all(e.trigger.text != "supplying" for e in ev)
    assert {e.source.code for e in ev if e.source} == {"FRA"}


def test_scorer_reads_old_cameo_country_codes() -> None:
    from eventwire.evaluate.events import _side_ok

    assert _side_ok("JPNGOV", ("JAP", "GOV")) and _side_ok("ROU", ("ROM", "")) and not _side_ok("JPN", ("KOR", ""))


def test_noun_constraints_match_the_verbs_own_noun_phrases() -> None:
    """A PETRARCH2 noun constraint matches the object's head or its modifiers, not words in a clause on it;
    at equal weight the pattern naming more words wins ('military intelligence' 072 over 'intelligence' 010)."""
    from eventwire.stages.events_match import core_tokens, region

    doc = load_nlp()("Germany approved a law that bans weapons sales to Iran.")
    verb = doc[1]
    core = {doc[i].lower_ for i in core_tokens(verb, region(verb))}
    assert "law" in core and not {"weapons", "sales", "bans"} & core
    assert codes(code_text("Japan provided military intelligence to Sri Lanka.")) == [("JPN", "072", "LKA")]
    assert codes(code_text("Japan provided intelligence to Sri Lanka.")) == []  # information = statement (010)


def test_prepositional_idioms_stay_with_their_verb() -> None:
    """'call on' is an appeal; a synonym of its block ('telephone') with a temporal 'on' is not."""
    assert {c for _s, c, _t in codes(code_text("Germany telephoned Japan on Tuesday."))} == {"041"}
    assert [e.root for e in code_text("Germany called on Japan to release the prisoners.")] == ["02"]


def test_announced_future_action_is_a_statement_of_intent() -> None:
    """CAMEO codes an actor's announced future action as intent (03x), threat (13x) or rejection (12x)."""
    assert codes(code_text("Japan will provide food aid to Sri Lanka.")) == [("JPN", "0333", "LKA")]
    assert codes(code_text("Germany will visit Poland in June.")) == [("DEU", "036", "POL")]
    assert codes(code_text("France plans to impose sanctions on Iran.")) == [("FRA", "1312", "IRN")]
    ev = code_text("Japan will not accept the proposal from Iran.")
    assert [e.root for e in ev] == ["12"] and ev[0].modality == "negated"
    # a conditional offer stays an offer; a negated one is a rejection
    assert codes(code_text("Iran said it would meet Russia if the talks resume.")) == [("IRN", "036", "RUS")]
    assert [e.root for e in code_text("Iran says it will not accept any more refugees from Turkey.")] == ["12"]
    # a forecast by others keeps the action code
    ev = code_text("Talks between India and Pakistan are expected to be held next week.")
    assert ev and all(e.root == "04" and e.modality == "future" for e in ev)


def test_killings_by_irregular_groups_are_unconventional_violence() -> None:
    """CAMEO 18x: guerrillas or militias killing or wounding people; their attacks and states' force stay 19x."""
    assert [e.root for e in code_text("The rebels killed two officials in the capital.")] == ["18"]
    assert [e.root for e in code_text("The rebels attacked the capital.")] == ["19"]
    assert [e.root for e in code_text("Turkey killed two rebels.")] == ["19"]


def test_required_agreement_is_a_demand() -> None:
    """'X said Y must agree' is X's demand on Y (an intent code of Y is not asserted)."""
    assert codes(code_text("Egypt said Israel must agree to the plan.")) == [("EGY", "100", "ISR")]


def test_deverbal_event_nouns_after_light_verbs() -> None:
    """'issued a condemnation' is the condemning (a coded verb's own code), 'issued a report' no event."""
    assert codes(code_text("Germany issued a condemnation of Iran.")) == [("DEU", "111", "IRN")]
    assert codes(code_text("Germany made a visit to Poland.")) == [("DEU", "042", "POL")]
    assert codes(code_text("Germany issued a report on Poland.")) == []


def test_prepositions_inside_a_clause_on_the_object_are_not_the_verbs() -> None:
    """'issued a reminder that Y must cooperate with inspectors of weapons': no '(WITH &WEAPON)' arms deal."""
    ev = code_text("France issued a reminder to Iran that it must cooperate with inspectors of weapons sites.")
    assert all(not e.cameo.startswith("072") for e in ev)


def test_target_three_noun_levels_inside_the_object() -> None:
    """'suspended part of an aid programme for X': the target is X (object -> of -> for)."""
    ev = code_text("Canada suspended part of an aid programme for Mexico.")
    assert [e.root for e in ev] == ["16"] and ev[0].target and ev[0].target.code == "MEX"


def test_conditions_and_demanded_content_are_not_events() -> None:
    """'... if Germany attacks Poland' is a condition; what a refusal or demand is about is its content."""
    ev = code_text("Russia threatened to stop the talks if Germany attacks Poland.")
    assert [e.root for e in ev] == ["13"] and ev[0].source and ev[0].source.code == "RUS"
    ev = code_text("Iran refused to allow planes to land and evacuate the observers.")
    assert [e.root for e in ev] == ["12"]
    # a conjoined main-clause action is still an event
    ev = code_text("Germany refused to meet Poland and urged Japan to leave.")
    assert sorted(e.root for e in ev) == ["02", "12"]


def test_block_default_needs_a_fitting_object() -> None:
    """A code inherited from a broad PETRARCH2 block needs its object to be an actor or an event noun."""
    # not GRANT's block code 060: the welcome is the event noun, host a visit (043, the CAMEO codebook's example)
    assert codes(code_text("France gave a warm welcome to Germany.")) == [("FRA", "043", "DEU")]
    assert codes(code_text("Japan eased its tone in Poland.")) == []
    # an own pattern that names the object does apply: easing restrictions = ease administrative sanctions
    assert codes(code_text("Japan eased emergency measures in Poland.")) == [("JPN", "081", "POL")]
    assert [e.root for e in code_text("Germany will defend Poland.")] == ["03"]  # DEFEND 074 -> intent 0334


def test_synonym_phrases_expand_fully() -> None:
    """'{&MILITARY &AIRCRAFT}' covers every military word before every aircraft word, not a truncated few."""
    assert [e.cameo for e in code_text("Germany sold army helicopters to Poland.")][:1] == ["062"]


# ------------------------------------------------------------------ argument selection and sense vocabulary


def test_sense_vocabulary_of_yielding_mobilizing_and_expelling() -> None:
    """Object words choose the CAMEO sense: meeting demands is yielding (08), not a meeting (04)."""
    assert codes(code_text("Poland met the demands of Germany.")) == [("POL", "080", "DEU")]
    assert codes(code_text("Germany accepted the demands of Poland.")) == [("DEU", "080", "POL")]
    assert codes(code_text("Russia reinforced its troops on the border with Turkey.")) == [("RUS", "154", "TUR")]
    assert [e.cameo for e in code_text("Iran expelled inspectors of the agency.")] == ["1662"]
    assert codes(code_text("Canada handed over medicine to Mexico.")) == [("CAN", "070", "MEX")]


def test_content_of_a_demand_noun_is_not_an_event() -> None:
    """'renewed its demand that Y withdraw' is about Y's withdrawal; Y does not withdraw."""
    ev = code_text("Germany rejected the invitation of Poland to attend talks with Russia.")
    assert [e.root for e in ev] == ["12"]
    ev = code_text("Japan issued a reminder to Iran that it must cooperate with Russia.")
    assert all(e.root != "06" for e in ev)


def test_participles_in_noun_slots_and_clausal_subjects_are_no_actions() -> None:
    """'evacuated the wounded' has one action; 'removing sanctions on X is out of the question' has none."""
    ev = code_text("France evacuated the wounded from Gaza.")
    assert [e.root for e in ev] == ["07"]
    assert code_text("Removing the sanctions on Iran is out of the question.") == []


def test_conjoined_active_verb_of_a_passive_shares_its_subject() -> None:
    """'X was criticized by Y and will resign': the resignation is X's, not the agent's."""
    ev = code_text("The Iranian ambassador was criticized by Germany and resigned.")
    resign = [e for e in ev if e.root == "08"]
    assert resign and resign[0].source and resign[0].source.code == "IRNGOV"


def test_failing_to_cooperate_is_a_rejection() -> None:
    ev = code_text("India and Pakistan failed to reach an agreement on trade.")
    assert ev and {e.root for e in ev} == {"12"} and all(e.modality == "negated" for e in ev)


def test_modal_with_a_condition_is_a_threat() -> None:
    """'may halt X if ...' is a conditional threat (13x), not an asserted reduction of relations."""
    ev = code_text("Germany may halt the talks with Russia if Russia attacks Poland.")
    assert [e.root for e in ev] == ["13"] and ev[0].modality == "hypothetical"
    assert ev[0].target and ev[0].target.code == "RUS"


def test_threat_is_aimed_at_the_side_its_condition_names() -> None:
    """'threatened to stop the talks if Y goes ahead' — the threat's target is Y."""
    ev = code_text("Russia threatened to stop the talks on trade if Japan goes ahead with the plan.")
    assert [(e.root, e.source and e.source.code, e.target and e.target.code) for e in ev] == [("13", "RUS", "JPN")]


def test_preposition_object_misread_as_a_clause_subject() -> None:
    """'granted asylum to five officers holed up in X': the parser reads 'officers' as the subject of 'holed'."""
    ev = code_text("Turkey granted asylum to the Iranian ambassador holed up in a residence since May.")
    assert [(e.root, e.target and e.target.code) for e in ev] == [("07", "IRNGOV")]


def test_repression_and_withdrawal_vocabulary() -> None:
    """Dispersing or preventing protests is repression (17x); withdrawing inspectors reduces relations (166x)."""
    assert [e.cameo for e in code_text("Police dispersed protesters in Mexico.")] == ["175"]
    assert [e.cameo for e in code_text("Turkey prevented the rally of the protesters.")] == ["1721"]
    assert [e.cameo for e in code_text("Police beat up the protesters.")] == ["182"]
    ev = code_text("Germany withdrew inspectors from Iran.")
    assert codes(ev) == [("DEU", "1662", "IRN")]


def test_block_patterns_of_a_figurative_sibling_do_not_apply() -> None:
    """PETRARCH2 groups 'blast' (criticize) with 'blow up': 'blew up power lines' is no criticism."""
    assert all(e.root != "11" for e in code_text("Hamas blew up the power lines of Israel."))
    assert [e.root for e in code_text("Russia blasted the decision of Germany.")] == ["11"]


def test_engaged_in_an_event_noun() -> None:
    """'X were engaged in ethnic cleansing': the subject acts, the noun gives the code."""
    ev = code_text("Hamas was engaged in ethnic cleansing against Egypt.")
    assert codes(ev) == [("PSEREB", "203", "EGY")]


def test_event_noun_as_subject_of_an_occurrence_verb() -> None:
    """'Hamas attacks against Israel are continuing': the attacks are the event, not a 'continuation'."""
    ev = code_text("Hamas attacks against Israel are continuing.")
    assert [(e.root, e.source and e.source.code, e.target and e.target.code) for e in ev] == [("19", "PSEREB", "ISR")]
    assert code_text("Clashes erupted in the region.") == []  # no actor: no event


def test_reporting_verb_takes_no_statement_pattern_of_another_verb() -> None:
    """'announce ... aid' (0331) is a pattern of 'announce'; '..., reports aid agencies' is no aid pledge."""
    ev = code_text("Turkey opened the border to Iran, reports aid agencies.")
    assert all(not e.cameo.startswith("033") for e in ev)


def test_passive_target_inside_the_subject_phrase() -> None:
    """'A camp for Iranian refugees was attacked by X': the target is inside the passive subject."""
    ev = code_text("A camp of Iran was attacked by Hamas.")
    assert [(e.source and e.source.code, e.target and e.target.code) for e in ev] == [("PSEREB", "IRN")]


def test_obstruction_visits_and_of_phrases() -> None:
    """Blocking roads is a protest obstruction (144); arriving on a visit is a visit (042); 'state of siege'."""
    assert codes(code_text("Hamas blocked roads into Israel.")) == [("PSEREB", "144", "ISRGOV")]
    assert [e.cameo for e in code_text("The government declared a state of siege in Iran.")] == ["1724"]
    ev = code_text("The Iranian ambassador arrived in Japan on a visit.")
    assert [(e.cameo, e.target and e.target.code) for e in ev] == [("042", "JPN")]


def test_by_phrase_of_an_active_verb_is_no_agent() -> None:
    """'shortened by one hour the curfew': 'by one hour' is no passive agent, the subject stays the source."""
    ev = code_text("Japan eased by one hour the curfew in Poland.")
    assert ev and all(e.source and e.source.code == "JPN" for e in ev)


def test_pledges_of_force_are_threats_and_confirmations_are_statements() -> None:
    """'have sworn to fight' is a threat (13x) even when parsed as a purpose clause; 'confirmed it would impose
    sanctions' is the announced threat, not a hypothetical sanction."""
    ev = code_text("Hamas has sworn to fight Israel.")
    assert [(e.root, e.source and e.source.code, e.target and e.target.code) for e in ev] == [("13", "PSEREB", "ISR")]
    ev = code_text("Russia confirmed it would impose sanctions on Japan.")
    assert [(e.root, e.target and e.target.code) for e in ev] == [("13", "JPN")]
    # agreeing to joint exercises is no threat
    assert all(e.root != "13" for e in code_text("India and Pakistan agreed to hold joint military exercises."))


def test_rejections_and_strikes_by_object_words() -> None:
    assert [e.root for e in code_text("Hamas dismissed an appeal from Egypt.")] == ["12"]
    assert codes(code_text("The rebels stopped work in protest.")) == [("COLREB", "143", None)]


def test_source_repairs_apposition_and_reduced_relative() -> None:
    """'X, the Iranian ambassador, demanded': an uncoded name takes its apposition's actor; 'The rebels operating
    in Brazil said ...' is parsed with 'operating' as the subject — the rebels still speak."""
    ev = code_text("Karim Hosseini, the Iranian ambassador, demanded the withdrawal of Germany.")
    assert ev and ev[0].root == "10" and ev[0].source and ev[0].source.code == "IRNGOV"
    ev = code_text("The rebels operating in Brazil said Argentina must withdraw its soldiers.")
    assert ev and ev[0].source and ev[0].source.code == "COLREB"


def test_agentless_passive_arrest_is_by_the_country_where_it_happens() -> None:
    ev = code_text("The Iranian ambassador was arrested in Turkey.")
    assert [(e.root, e.source and e.source.code, e.target and e.target.code) for e in ev] == [("17", "TUR", "IRNGOV")]


def test_complaint_target_is_what_it_is_about() -> None:
    """'complained to the UN over Israeli raids': the complaint is aimed at Israel, the UN is the addressee."""
    ev = code_text("Egypt complained to Germany over Russian raids.")
    assert [(e.root, e.target and e.target.code) for e in ev] == [("11", "RUS")]


def test_event_noun_object_targets_its_of_phrase() -> None:
    """'demanded the withdrawal of Russian forces' is aimed at Russia."""
    ev = code_text("Poland demanded the withdrawal of Russian forces, officials quoted a statement as saying.")
    assert [(e.root, e.target and e.target.code) for e in ev] == [("10", "RUS")]


def test_travel_for_talks_ties_and_curfew_extensions() -> None:
    """'return to Geneva for talks' is a consultation; upgrading ties is diplomatic cooperation (05); a
    curfew extension announced for the future is a threat (13x)."""
    ev = code_text("Poland and Germany return to Geneva for talks on trade.")
    assert {e.cameo for e in ev} == {"040"} and all(e.symmetric for e in ev)
    assert {e.root for e in code_text("India and Pakistan upgraded their diplomatic ties.")} == {"05"}
    ev = code_text("The government will extend the curfew in Colombia.")
    assert [(e.root, e.modality) for e in ev] == [("13", "future")]


def test_gerund_event_between_two_sides() -> None:
    """'Fighting between X and Y continued': a symmetric fight between them, no sourceless event."""
    ev = code_text("Fighting between Hamas and Israel continued on Monday.")
    assert ev and all(e.root == "19" and e.symmetric and e.source for e in ev)
    assert {(e.source and e.source.code, e.target and e.target.code) for e in ev} == {
        ("PSEREB", "ISR"),
        ("ISR", "PSEREB"),
    }


def test_place_stands_for_its_population_as_target(analyze: object) -> None:
    """A curfew in a city, shelling of a town, a visit to a capital: the place's country is the target (its
    civilians for coercion and force); a meeting merely held in a city gets no place target."""

    def pairs(text: str) -> list[tuple[str, str | None, str | None]]:
        analysis: Analysis = analyze(text)  # type: ignore[operator]
        return [
            (e.root, e.source.code if e.source else None, e.target.code if e.target else None) for e in analysis.events
        ]

    assert ("17", "DZAGOV", "DZACVL") in pairs("The Algerian government imposed a curfew in Algiers on Monday.")
    assert ("19", "ISRMIL", "PSECVL") in pairs("Israeli tanks fired shells at targets in Jericho.")
    assert ("04", "IRQGOV", "JOR") in pairs("Iraqi President Saddam Hussein arrived in Amman on a visit.")
    assert all(t is None for _r, _s, t in pairs("Indian officials met in Geneva on Monday."))
    assert ("14", "IRQCVL", "IRQGOV") in pairs("Thousands of Iraqi Kurds demonstrated in the northern city of Kirkuk.")


def test_frame_reaches_the_purpose_of_a_conveyance(analyze: object) -> None:
    """'willing to send troops to help defend X': the defence is the action (the sending only conveys), and the
    readiness frame makes it a hypothetical statement of intent; without a frame it is asserted."""
    analysis: Analysis = analyze("Norway is willing to send troops to help defend Saudi Arabia.")  # type: ignore[operator]
    assert [(e.root, e.trigger.text, e.target and e.target.code, e.modality) for e in analysis.events] == [
        ("03", "defend", "SAU", "hypothetical")
    ]
    analysis = analyze("France sent troops to help defend Chad.")  # type: ignore[operator]
    assert [(e.cameo, e.trigger.text, e.target and e.target.code) for e in analysis.events] == [
        ("074", "defend", "TCD")
    ]


def test_giving_verbs_target_the_recipient(analyze: object) -> None:
    """'offered its troops to the Lebanese president': the to-object receives, the troops are what is given."""
    analysis: Analysis = analyze("Syria offered its troops to the Lebanese president.")  # type: ignore[operator]
    assert [(e.source and e.source.code, e.target and e.target.code) for e in analysis.events] == [("SYR", "LBNGOV")]
    analysis = analyze("Japan delivered Russian-made helicopters to India.")  # type: ignore[operator]
    assert [e.target and e.target.code for e in analysis.events] == ["IND"]


def test_stance_participle_and_conveyance_phrase_targets(analyze: object) -> None:
    """'X is opposed to Y' is X's stance (not a passive without agent); a purpose after a conveyance finds its
    target inside the conveyance's phrases ('sent experts to a camp in northern Syria to investigate')."""
    analysis: Analysis = analyze("Israel is opposed to French mediation in peace negotiations with Syria.")  # type: ignore[operator]
    assert [(e.root, e.source and e.source.code, e.target and e.target.code) for e in analysis.events] == [
        ("12", "ISR", "FRA")
    ]
    analysis = analyze("The UN sent experts to a camp in northern Syria to investigate the attack.")  # type: ignore[operator]
    assert [(e.root, e.target and e.target.code) for e in analysis.events] == [("09", "SYR")]


def test_target_inside_an_as_phrase(analyze: object) -> None:
    """'denounced as a crime Serbia's suppression of ...': the parser hangs the object under 'as'."""
    analysis: Analysis = analyze("Albania denounced as an ugly crime Serbia's suppression of the unrest.")  # type: ignore[operator]
    assert [(e.root, e.source and e.source.code, e.target and e.target.code) for e in analysis.events] == [
        ("11", "ALB", "SRB")
    ]


def test_retaking_territory_and_sharing_intelligence() -> None:
    """'retook the town' occupies territory (192, as 'recapture'); sharing intelligence or expertise with X is
    064, but sharing a border is no event."""
    assert [e.cameo for e in code_text("Russian troops retook the town from Ukrainian forces.")] == ["192"]
    ev = code_text("Iran has been sharing intelligence with Russia.")
    assert [(e.cameo, e.source and e.source.code, e.target and e.target.code) for e in ev] == [("064", "IRN", "RUS")]
    assert code_text("Poland shares a border with Germany.") == []


def test_content_clause_parsed_on_the_verb_is_not_asserted(analyze: object) -> None:
    """'reiterated its demand today that Israel ease ...': the that-clause hangs on the verb, but it is the
    demand's content — no easing by Israel is reported."""
    analysis: Analysis = analyze("Egypt reiterated its demand today that Israel ease restrictions on Gaza.")  # type: ignore[operator]
    assert [e.root for e in analysis.events] == ["10"]


def test_cue_statement_around_a_reported_action_is_no_second_event(analyze: object) -> None:
    """'X staged a hunger strike in protest against violations by Y, his lawyer said': the strike is the news;
    the lawyer's statement is not coded as a criticism of its own."""
    analysis: Analysis = analyze(  # type: ignore[operator]
        "Ali Hassan, an Egyptian activist, staged a hunger strike in protest against violations by Egyptian "
        "police, his lawyer said on Tuesday."
    )
    assert [e.root for e in analysis.events] == ["14"]


def test_demobilized_fighters_are_the_actor() -> None:
    """'Rebels have been demobilized' (no agent): the rebels demobilize (0873)."""
    ev = code_text("The rebels have been demobilized since the peace accord.")
    assert [(e.cameo, e.source and e.source.code) for e in ev] == [("0873", "COLREB")]


def test_armed_group_attack_on_civilians_is_an_assault(analyze: object) -> None:
    """An irregular group attacking civilians is unconventional violence (18x); attacking troops is a battle."""
    analysis: Analysis = analyze("Rebels attacked Ugandan villagers near the border.")  # type: ignore[operator]
    assert [e.root for e in analysis.events] == ["18"]
    analysis = analyze("Rebels attacked government troops near the border.")  # type: ignore[operator]
    assert [e.root for e in analysis.events] == ["19"]


def test_active_verb_without_subject_is_no_event() -> None:
    """A verb the parser leaves without any subject ('its fisheries dispute with Germany' read as a verb) names
    no one acting: no event without a source."""
    ev = code_text("Poland accepted a formula for ending its fisheries dispute with Germany.")
    assert all(e.source is not None for e in ev)


def test_unattributed_explosion_is_no_actor(analyze: object) -> None:
    """'A minefield explosion killed two Iraqi youths' names no one acting (like 'an earthquake killed'); a blast
    with an actor among its modifiers still is one ('A Hamas bomb blast killed ...')."""
    analysis: Analysis = analyze("A minefield explosion near the town of Samarra killed two Iraqi youths.")  # type: ignore[operator]
    assert analysis.events == []
    analysis = analyze("A Hamas bomb blast killed three Israeli soldiers.")  # type: ignore[operator]
    assert [e.root for e in analysis.events] == ["18"]


def test_decided_to_act_is_the_action(analyze: object) -> None:
    """'decided to impose sanctions' reports the decision taken: the sanctions (16x), not a statement of intent."""
    analysis: Analysis = analyze("Canada decided to impose sanctions on Iran.")  # type: ignore[operator]
    assert [(e.root, e.trigger.text) for e in analysis.events] == [("16", "impose")]


def test_place_target_takes_the_places_stage_reading(analyze: Callable[..., Analysis]) -> None:
    """A place standing for its population is read in the article's context (the places stage), not by name
    alone: 'Dili' next to East Timor is the Timorese capital, not a same-named town elsewhere."""
    a = analyze("Indonesian troops imposed a curfew in Dili after riots in East Timor.", published="1999-09-10")
    targets = {e.target.text: e.target.code for e in a.events if e.target is not None}
    assert (targets.get("Dili") or "").startswith("TMP")


# ------------------------------------------------------------------ targets: the agent of an act acted upon


def test_target_is_agent_of_event_noun_object() -> None:
    # the protest is the object; the protesters who staged it are the target of the prevention
    ev = code_text("Police prevented the demonstration staged by protesters in Minsk.")
    assert codes(ev) == [("BLRCOP", "1721", "BLRCVL")]
    # calls by X / demands from X: the caller, the demander
    ev = code_text("Israel rejected calls by Egypt to lift the blockade.")
    assert ev and ev[0].root == "12" and ev[0].target and ev[0].target.code == "EGY"
    ev = code_text("Pakistan conceded to demands from India.")
    assert ev and ev[0].root == "08" and ev[0].target and ev[0].target.code == "IND"


def test_target_led_modifier() -> None:
    # "the India-led mission": the leader of the mission is the side the assistance would go to
    ev = code_text("Pakistan refused to commit to any assistance to the India-led mission.")
    assert ev and ev[0].root == "12" and ev[0].target and ev[0].target.code == "IND"


def test_country_target_standing_for_its_people() -> None:
    # coercion in a country's territory, and homes of a nationality, hit the civilians (CVL)
    ev = code_text("The Kremlin imposed a curfew in the town of Cizre in Turkey.")
    assert codes(ev) == [("RUSGOV", "1723", "TURCVL")]
    ev = code_text("Russia demolished Ukrainian homes near the border.")
    assert ev and ev[0].root == "17" and ev[0].target and ev[0].target.code == "UKRCVL"
    # a battle or sanctions aimed at a country are aimed at the state
    ev = code_text("Israel imposed sanctions on Iran.")
    assert ev and ev[0].target and ev[0].target.code == "IRN"


def test_sector_only_side_takes_the_country_of_its_clause() -> None:
    # the phrase names the country
    ev = code_text("Japan will deliver food aid to displaced people fleeing the fighting in Liberia.")
    assert ev and ev[0].target and ev[0].target.code == "LBRREF"
    # a state's police acting on a domestic group: the group is of that state
    ev = code_text("Police prevented the demonstration staged by students.")
    assert ev and ev[0].target and ev[0].target.code == "BLREDU"
    # not when the source is a plain country acting abroad, nor for foreign-looking sectors
    ev = code_text("Germany will deliver food aid to displaced people.")
    assert ev and ev[0].target and ev[0].target.code == "REF"


def test_protest_in_a_place_is_addressed_to_its_authorities() -> None:
    ev = code_text("Protesters blocked roads into Iran.")
    assert codes(ev) == [("VENCVL", "144", "IRNGOV")]


def test_purpose_target_through_participle_agent() -> None:
    # the hunger strike demands the return of what the government seized: aimed at the seizer
    ev = code_text("Protesters staged a hunger strike on Monday to demand the return of land seized by the government.")
    assert ev and ev[0].root == "14" and ev[0].target and ev[0].target.code == "VENGOV"


def test_measure_without_place_is_on_the_own_population() -> None:
    ev = code_text("The Kremlin imposed a curfew on Sunday.")
    assert codes(ev) == [("RUSGOV", "1723", "RUSCVL")]
    # no state authority as source: no target is made up
    ev = code_text("Hamas imposed a curfew on Sunday.")
    assert ev and ev[0].target is None


def test_destroying_property_vocabulary() -> None:
    # CAMEO 1712 destroy property: blowing up lines/bridges, setting fire to buildings, torching, razing
    assert [e.cameo for e in code_text("Hamas blew up two bridges near Gaza.")] == ["1712"]
    assert codes(code_text("The rebels set fire to the offices of the government.")) == [("COLREB", "1712", "VENGOV")]
    assert [e.cameo for e in code_text("Israel razed the village.")] == ["1712"]


def test_up_to_quantity_object() -> None:
    # "up to 16 X" parsed as particle + prepositional object is still the object
    doc = load_nlp()("Rebels have kidnapped up to 16 Russian civilian advisers from a town market.")
    verb = next(t for t in doc if t.lower_ == "kidnapped")
    m = Match("181", "", 0.0, "test")
    heads = [doc[i].lower_ for i in events_stage._target_heads(verb, m, doc[0])]
    assert heads[0] == "advisers"


def test_agentless_investigation_in_a_place_is_by_its_state() -> None:
    # "in Italy" hangs on the investigation, and Italy is only a place here (no actor): its state investigates
    ev = code_text("The Iranian ambassador has been put under investigation in Italy for smuggling.")
    assert codes(ev) == [("ITA", "090", "IRNGOV")]


def test_demand_vocabulary_and_content_clause_target() -> None:
    # the side asked to act in a demand noun's content clause is the target
    ev = code_text("Hamas insisted on its demands that Israel grant more rights to prisoners.")
    assert codes(ev) == [("PSEREB", "100", "ISR")]
    # pressuring X to act is a demand (CAMEO 10: demands and orders), not coercion
    assert [e.root for e in code_text("Iran has been pressuring Russia to cancel the strike.")] == ["10"]
    # accepting a formula / compromise / deal is agreement (03)
    assert [e.root for e in code_text("Japan accepted a compromise proposed by India.")] == ["03"]


def test_conflict_noun_of_object_and_conjoined_objects() -> None:
    # "an invasion of X": the conflict noun's of-object is the target
    ev = code_text("Israel mounted an invasion of Egypt on Monday.")
    assert ev and ev[0].root == "19" and ev[0].target and ev[0].target.code == "EGY"
    # the against-phrase on a later conjoined object ("artillery, mortar and rocket fire against X")
    ev = code_text("Russian forces launched artillery, mortar, and rocket fire against Ukrainian positions.")
    assert ev and ev[0].target and ev[0].target.code == "UKR"


def test_coordinated_modifiers_of_an_actor_mention() -> None:
    # the mention covers only "Egyptian officials": the coordinated "Israeli" is a side of its own
    ev = code_text("Israeli and Egyptian officials agreed to cooperate on water.")
    assert {(s, t) for s, _c, t in codes(ev)} == {("ISR", "EGYGOV"), ("EGYGOV", "ISR")}


def test_rejection_despite_pressure_and_cultural_nouns() -> None:
    # a rejection resists the pressure's agent
    ev = code_text("Pakistan refused to resign from the council despite pressure from India.")
    assert ev and ev[0].root == "12" and ev[0].target and ev[0].target.code == "IND"
    # "the Russian language" names no actor
    ev = code_text("The Kremlin cancelled restrictions on the use of the Ukrainian language.")
    assert ev and ev[0].target is None


def test_hosting_receiving_defying_vocabulary() -> None:
    # CAMEO senses: a warm welcome given to X = host a visit (043); receiving observers = 0862; violating a ban = 128
    assert codes(code_text("Egypt gave a warm welcome on Thursday to the Iranian ambassador.")) == [
        ("EGY", "043", "IRNGOV")
    ]
    assert codes(code_text("Japan received a mission of observers from India.")) == [("JPN", "0862", "IND")]
    assert [e.cameo for e in code_text("Hamas violated a ban by Israel.")] == ["128"]
    # a stern reminder that X must act is a demand on X
    assert codes(code_text("Canada issued a stern reminder to Mexico that it must cooperate with inspectors.")) == [
        ("CAN", "100", "MEX")
    ]


def test_concluding_that_another_side_must_act_is_a_demand() -> None:
    ev = code_text("Brazil concluded that Argentina must provide more aid to the refugees.")
    assert ev and ev[0].root == "10" and ev[0].source and ev[0].source.code == "BRA"
    assert ev[0].target and ev[0].target.code == "ARG"


def test_reverse_only_pattern_swaps_the_sides() -> None:
    # '[:184]': dying in someone's custody is done by the custodian to the subject
    ev = code_text("A Russian prisoner died as a result of torture while in Israeli police custody.")
    assert codes(ev) == [("ISR", "184", "RUS")]


def test_agentless_passive_takes_no_deep_target() -> None:
    # nobody is said to need anything of Brazil: an actor deep in the purpose clause is no side
    ev = code_text("Japan said that more diplomacy was needed to make progress on the agenda set by Brazil and India.")
    assert not any(e.target and e.target.code in ("BRA", "IND") and e.source is None for e in ev)


def test_object_read_as_infinitive_subject() -> None:
    # "allow X to land" parsed with X as the subject of a clause: X is still the one allowed
    ev = code_text("Hamas refused to allow Egyptian officials to land and evacuate the wounded.")
    assert ev and ev[0].root == "12" and ev[0].target and ev[0].target.code == "EGYGOV"


def test_purpose_clause_does_not_subsume_its_governor() -> None:
    # the resignation is the event; what it is meant to allow is its purpose
    ev = code_text("The Iranian ambassador resigned yesterday to allow Japan's first free elections to take place.")
    assert [e.root for e in ev] == ["08"] and "resign" in (ev[0].rule or "")


def test_closing_borders_restricts_movement() -> None:
    # CAMEO 191 'impose blockade, restrict movement' (not a ceasefire)
    ev = code_text("Russia closed its southern borders with Iran and Turkey because of fighting.")
    assert codes(ev) == [("RUS", "191", "IRN"), ("RUS", "191", "TUR")]


def test_side_named_in_a_clause_on_the_object() -> None:
    # the side named as subject of a relative clause on the object, or of the that-clause the parser hangs on a
    # verb of giving right after its object, is the one the offer or plan concerns (no direct target is named)
    ev = code_text("Russia rejected a peace plan that Egyptian officials had drafted.")
    assert codes(ev) == [("RUS", "120", "EGYGOV")]
    ev = code_text("Russia offered concessions last week that Egyptian officials believed could lead to a deal.")
    assert [(s, c[:2], t) for s, c, t in codes(ev)] == [("RUS", "03", "EGYGOV")]
    # a pronoun subject names no side
    ev = code_text("Russia rejected the plan that they had drafted.")
    assert all(e.target is None for e in ev)


def test_place_of_an_intended_action_and_agent_of_a_protested_measure(analyze: object) -> None:
    """An agreement to act on something in a place concerns the place's state (not a meeting place); a protest
    over a measure is aimed at the measure's agent."""

    def pairs(text: str) -> list[tuple[str, str | None, str | None]]:
        analysis: Analysis = analyze(text)  # type: ignore[operator]
        return [
            (e.root, e.source.code if e.source else None, e.target.code if e.target else None) for e in analysis.events
        ]

    assert ("03", "AFRIGO", "KEN") in pairs("The African Union agreed to open a liaison office in Nairobi.")
    assert all(t is None for _r, _s, t in pairs("The Indian government agreed to hold talks in Geneva next month."))
    assert ("14", "KENHLH", "KENLEG") in pairs(
        "Hundreds of nurses protested over a new pay law passed by the Kenyan parliament."
    )


def test_place_named_by_a_participle_on_the_object(analyze: object) -> None:
    # "power lines leading into X": the participle places the object, so the place's people are hit
    analysis: Analysis = analyze("Kurdish guerrillas blew up the main power lines leading into Ankara on Friday.")  # type: ignore[operator]
    assert [(e.root, e.target.code if e.target else None) for e in analysis.events] == [("17", "TURCVL")]


def test_frame_with_a_gerund_after_to(analyze: object) -> None:
    # "is committed to releasing ...": a stance of the subject (no passive), whose gerund is the intended action
    analysis: Analysis = analyze("The Kenyan government is committed to releasing all political prisoners.")  # type: ignore[operator]
    ev = analysis.events
    assert ev and ev[0].root == "03" and ev[0].source and ev[0].source.code == "KENGOV"
    assert ev[0].trigger.text == "committed"


def test_appeal_for_a_side_to_act(analyze: object) -> None:
    """'called for X to do A': one appeal (mirrored from A) aimed at X, and A is not asserted."""

    def pairs(text: str) -> list[tuple[str, str | None, str | None]]:
        analysis: Analysis = analyze(text)  # type: ignore[operator]
        return [
            (e.root, e.source.code if e.source else None, e.target.code if e.target else None) for e in analysis.events
        ]

    assert pairs("Russia called for the United States to withdraw its troops from Syria.") == [("02", "RUS", "USA")]
    assert pairs("Iran appealed for the United Nations to send more aid.") == [("02", "IRN", "UNOIGO")]
    # a verb coded as a demand by its own pattern keeps what it pushes for as its content
    assert pairs("The UK is pushing for the US to support its debt relief plan.") == [("10", "GBR", "USA")]


def test_local_group_takes_the_country_of_the_scene(analyze: object) -> None:
    # a society's group without a country acting in a place is local to that place's state
    analysis: Analysis = analyze("Students protested in Nairobi against the new fees.")  # type: ignore[operator]
    assert [(e.root, e.source.code if e.source else None) for e in analysis.events] == [("14", "KENEDU")]
    analysis = analyze("Prisoners rioted at a jail in the Kenyan capital Nairobi on Monday.")  # type: ignore[operator]
    assert [e.source.code if e.source else None for e in analysis.events] == ["KENCRM"]


def test_place_of_a_participle_on_an_event_noun_object(analyze: object) -> None:
    # "eased the curfew imposed in X": the curfew is an event noun, and the participle on it names the place
    analysis: Analysis = analyze("The Kenyan president eased the nightly curfew imposed in Mombasa.")  # type: ignore[operator]
    assert [(e.root, e.target.code if e.target else None) for e in analysis.events] == [("08", "KEN")]


def test_quoted_as_saying_is_no_background(analyze: object) -> None:
    # "was quoted as saying he would be ready to host ...": the reported statement is the news, not background
    analysis: Analysis = analyze(  # type: ignore[operator]
        "The Egyptian president was quoted as saying he would be ready to host a meeting between Israel and Hamas."
    )
    assert any(e.root == "03" and e.trigger.text == "host" for e in analysis.events)


def test_target_inside_the_content_of_a_rejected_proposal() -> None:
    # the infinitive saying what a proposal or invitation is about is searched for the target
    ev = code_text("Egypt rejected a proposal to hold talks with Israel.")
    assert [(s, c[:2], t) for s, c, t in codes(ev)] == [("EGY", "12", "ISR")]


def test_action_after_talks_with_a_side() -> None:
    # the side of the talks an action follows is its fallback target, and the temporal phrase's noun ("talks")
    # does not satisfy a pattern's noun constraint ("call off talks" would be ending talks, 164)
    ev = code_text("Hamas called off the strike after talks with Egyptian officials.")
    assert [(s, c[:2], t) for s, c, t in codes(ev)] == [("PSEREB", "08", "EGYGOV")]


# --- third round ---


def test_agent_of_an_acted_upon_act_without_country_beats_a_deeper_place(analyze: object) -> None:
    # "tolerate rallies by students in Cairo": the students (a sector-only group) are the target, not the place
    analysis: Analysis = analyze("The police will no longer tolerate rallies by students in Cairo.")  # type: ignore[operator]
    targets = {e.target.code for e in analysis.events if e.target is not None}
    assert targets == {"EGYEDU"}


def test_capital_hit_by_a_physical_act_is_the_city(analyze: object) -> None:
    # a capital stands for its government in statements, for its city and people under force or coercion
    analysis: Analysis = analyze("Rebels shelled Kabul on Sunday.")  # type: ignore[operator]
    assert [(e.root, e.target.code if e.target else None) for e in analysis.events] == [("19", "AFGCVL")]
    analysis = analyze("Russia threatened to attack Kyiv.")  # type: ignore[operator]
    assert [(e.root, e.target.code if e.target else None) for e in analysis.events] == [("13", "UKRCVL")]
    analysis = analyze("Paris warned Berlin.")  # type: ignore[operator]
    assert [(e.root, e.target.code if e.target else None) for e in analysis.events] == [("13", "DEUGOV")]
    analysis = analyze("Russia attacked the Kremlin.")  # type: ignore[operator]
    assert [e.target.code if e.target else None for e in analysis.events] == ["RUSGOV"]
    analysis = analyze("Sudanese rebels shelled the capital Khartoum.")  # type: ignore[operator]
    assert [e.target.code if e.target else None for e in analysis.events] == ["SDNCVL"]
    # a capital where an act happens is left to the place rules
    analysis = analyze("Rebels exploded bombs in the capital Kabul.")  # type: ignore[operator]
    assert [e.target.code if e.target else None for e in analysis.events] == ["AFGGOV"]


def test_declared_commitment_is_a_statement_of_intent(analyze: object) -> None:
    # "be committed to" with an uncoded complement is itself an intent (030); with a coded one it folds
    analysis: Analysis = analyze("The rebels are committed to peace.")  # type: ignore[operator]
    assert [(e.cameo, e.trigger.text) for e in analysis.events] == [("030", "committed")]
    analysis = analyze("Britain committed troops to the mission.")  # type: ignore[operator]
    assert [e.cameo for e in analysis.events] == []
    # "determined to" is an intent frame: a pledge of force is a threat
    analysis = analyze("Israel is determined to crush the uprising.")  # type: ignore[operator]
    assert [(e.root, e.trigger.text) for e in analysis.events] == [("13", "determined")]


def test_a_states_stance_reported_by_its_own_government(analyze: object) -> None:
    # the bare country subject of a reported stance is the government official who states it
    analysis: Analysis = analyze("The Iranian foreign minister said Iran will not accept the proposal.")  # type: ignore[operator]
    assert [(e.root, e.source.code if e.source else None) for e in analysis.events] == [("12", "IRNGOV")]
    analysis = analyze("The Iranian foreign minister said Iraq will not accept the proposal.")  # type: ignore[operator]
    assert [(e.root, e.source.code if e.source else None) for e in analysis.events] == [("12", "IRQ")]


def test_subject_swallowed_by_a_fronted_phrase(analyze: object) -> None:
    # "With the signing of X, A and B have agreed": the parser reads A and B as conjuncts inside the phrase
    analysis: Analysis = analyze(  # type: ignore[operator]
        "With the signing of a Memorandum of Understanding, the Sudanese government and the rebels have agreed "
        "to allow humanitarian access."
    )
    sides = {(e.root, e.source.code if e.source else None) for e in analysis.events}
    assert ("03", "SDNGOV") in sides


def test_participle_misread_on_a_verbless_root_noun(analyze: object) -> None:
    # "Doctors from two aid groups donated ..." parsed with 'donated' as a participle on 'groups' and the noun as
    # the root: the root noun is the subject and the clause is no background
    analysis: Analysis = analyze(  # type: ignore[operator]
        "Doctors from two German aid groups donated and personally delivered medicine to the Kenyan government."
    )
    assert [
        (e.root, e.source.code if e.source else None, e.target.code if e.target else None) for e in analysis.events
    ] == [("07", "DEUHLH", "KENGOV")]


def test_conjoined_verbs_share_the_later_verbs_objects(analyze: object) -> None:
    analysis: Analysis = analyze("Germany donated and shipped medicine to Iraq.")  # type: ignore[operator]
    assert [(e.root, e.target.code if e.target else None) for e in analysis.events] == [("07", "IRQ")]


def test_places_named_in_from_phrases(analyze: object) -> None:
    # a retreat from a town of the source's own state is no concession to anyone; from another state's it is
    analysis: Analysis = analyze(  # type: ignore[operator]
        "Bosnian Serbs said their forces had completed their withdrawal from the besieged Bosnian town of Gorazde."
    )
    assert [(e.root, e.target) for e in analysis.events] == [("08", None)]
    analysis = analyze("Israeli troops withdrew from the Lebanese town of Khiam.")  # type: ignore[operator]
    assert [e.target.code if e.target else None for e in analysis.events] == ["LBN"]
    # people taken from a place are its civilians
    analysis = analyze("U.N. helicopters evacuated the wounded from the besieged Bosnian town of Gorazde.")  # type: ignore[operator]
    assert [e.target.code if e.target else None for e in analysis.events] == ["BIHCVL"]


def test_protest_without_target_has_none_unless_inference_is_asked_for(analyze: object, pipeline: Pipeline) -> None:
    analysis: Analysis = analyze("Egyptian demonstrators rioted on Friday.")  # type: ignore[operator]
    assert [(e.root, e.target) for e in analysis.events] == [("14", None)]  # no side is invented by default
    inferring = Pipeline(settings=replace(pipeline.settings, infer_protest_targets=True), nlp=pipeline.nlp)
    analysis = inferring.analyze(
        Article.from_text("Egyptian demonstrators rioted on Friday.", published=dt.date(2024, 4, 26))
    )
    assert [(e.root, e.target.code if e.target else None) for e in analysis.events] == [("14", "EGYGOV")]
    # a named target stays
    analysis = analyze("Egyptian demonstrators protested against Israel.")  # type: ignore[operator]
    assert [(e.root, e.target.code if e.target else None) for e in analysis.events] == [("14", "ISR")]


def test_joint_exercises_are_military_cooperation(analyze: object) -> None:
    analysis: Analysis = analyze("Russia and China held joint military exercises.")  # type: ignore[operator]
    assert {(e.cameo, e.source.code if e.source else None, e.symmetric) for e in analysis.events} == {
        ("062", "RUS", True),
        ("062", "CHN", True),
    }
    analysis = analyze("India held military exercises.")  # type: ignore[operator]
    assert [e.root for e in analysis.events] == ["15"]


def test_mobilizing_own_forces_has_no_target(analyze: object) -> None:
    analysis: Analysis = analyze("The Pakistani government ordered patrols by police and soldiers.")  # type: ignore[operator]
    assert [(e.root, e.target) for e in analysis.events] == [("15", None)]
    analysis = analyze("India deployed troops against Pakistani forces.")  # type: ignore[operator]
    assert [e.target.code if e.target else None for e in analysis.events] == ["PAKMIL"]


def test_protest_outside_a_body_is_aimed_at_it(analyze: object) -> None:
    analysis: Analysis = analyze("Students protested outside the US embassy in Cairo.")  # type: ignore[operator]
    assert [
        (e.root, e.source.code if e.source else None, e.target.code if e.target else None) for e in analysis.events
    ] == [("14", "EGYEDU", "USAGOV")]


def test_purpose_of_an_appeal_is_its_content(analyze: object) -> None:
    # "called on X to unite and mobilize against Y": the mobilization is what is appealed for, not asserted
    analysis: Analysis = analyze(  # type: ignore[operator]
        "A Syrian newspaper called Thursday on Arabs to unite and mobilize against Israel."
    )
    assert [e.root for e in analysis.events] == ["02"]


def test_force_during_own_demonstrations_is_violent_protest(analyze: object) -> None:
    # "[X did Y], officials said" misparsed as a participle on the first subject; 'resort to' is transparent;
    # stone-throwing during demonstrations against Y is a violent protest (145) aimed at Y
    analysis: Analysis = analyze(  # type: ignore[operator]
        "Palestinian youths resorted to throwing stones during demonstrations against the violations by the "
        "Israeli military, officials said on Thursday."
    )
    assert [
        (e.cameo, e.source.code if e.source else None, e.target.code if e.target else None) for e in analysis.events
    ] == [("145", "PSECVL", "ISRMIL")]
    # the authorities' force during demonstrations stays force
    analysis = analyze("Police beat protesters during demonstrations against the government.")  # type: ignore[operator]
    assert [e.root for e in analysis.events] == ["18"]


def test_headline_participles_stay_passive(analyze: object) -> None:
    # a verbless root with a bare participle is the passive reading: the soldiers did not kill anyone
    analysis: Analysis = analyze("Three Afghan soldiers killed in Kabul")  # type: ignore[operator]
    assert all(e.source is None or e.source.code != "AFGMIL" for e in analysis.events)
    analysis = analyze("Three soldiers killed in the attack, officials said.")  # type: ignore[operator]
    assert all(e.source is None or e.source.text != "Three soldiers" for e in analysis.events)


def test_action_ruled_out_is_a_rejection(analyze: object) -> None:
    analysis: Analysis = analyze(  # type: ignore[operator]
        "US officials said that lifting the sanctions on Iran is out of the question."
    )
    assert [
        (e.root, e.source.code if e.source else None, e.target.code if e.target else None) for e in analysis.events
    ] == [("12", "USAGOV", "IRN")]
    analysis = analyze("Meeting the rebels is not an option, the Colombian government said.")  # type: ignore[operator]
    assert [(e.root, e.modality) for e in analysis.events] == [("12", "asserted")]
    # an ordinary clausal subject is no event ("removing the sanctions is difficult")
    analysis = analyze("US officials said that lifting the sanctions on Iran is difficult.")  # type: ignore[operator]
    assert [e.root for e in analysis.events] == []


def test_a_state_and_its_government_are_one_side(analyze: object) -> None:
    # the state announced by its own government: its statement of a future attack is a threat (13x)
    analysis: Analysis = analyze("The Iranian foreign ministry said Iran would attack Israel.")  # type: ignore[operator]
    assert [
        (e.root, e.source.code if e.source else None, e.target.code if e.target else None) for e in analysis.events
    ] == [("13", "IRNGOV", "ISR")]
    # a state's own protest is not addressed to itself
    analysis = analyze("China protested.")  # type: ignore[operator]
    assert [(e.root, e.target) for e in analysis.events] == [("14", None)]


def test_state_named_on_a_military_act_subject_is_its_military(analyze: object) -> None:
    analysis: Analysis = analyze("Israeli airstrikes killed ten people in Gaza.")  # type: ignore[operator]
    assert [e.source.code if e.source else None for e in analysis.events] == ["ISRMIL"]
    analysis = analyze("Russia attacked Ukraine.")  # type: ignore[operator]
    assert [e.source.code if e.source else None for e in analysis.events] == ["RUS"]


# --- fourth round (modern news) ---


def _triples(analysis: Analysis) -> list[tuple[str, str | None, str | None]]:
    return [
        (e.cameo, e.source.code if e.source else None, e.target.code if e.target else None) for e in analysis.events
    ]


def test_killing_civilians_is_unconventional_violence(analyze: object) -> None:
    # state forces killing civilians with no weapon or battle named: 18x, not a battle
    analysis: Analysis = analyze("Nigerian soldiers killed twelve civilians near a market.")  # type: ignore[operator]
    assert [e.root for e in analysis.events] == ["18"]
    # conjoined armed sources are co-sources of the one-way act, both against the civilians
    analysis = analyze("Chadian soldiers and Russian mercenaries killed forty civilians.")  # type: ignore[operator]
    assert {(e.root, e.source.code if e.source else None) for e in analysis.events} == {
        ("18", "TCDMIL"),
        ("18", "RUSUAF"),
    }
    # fighting armed forces stays 19; a war machine as subject is military force
    analysis = analyze("Army troops killed five rebels in the north.")  # type: ignore[operator]
    assert [e.root for e in analysis.events] == ["19"]
    analysis = analyze("Nigerian helicopters killed twelve civilians in a raid.")  # type: ignore[operator]
    assert [e.root for e in analysis.events] == ["19"]


def test_irregular_attack_on_a_civilian_place(analyze: object) -> None:
    analysis: Analysis = analyze("Boko Haram militants attacked a school in Maiduguri.")  # type: ignore[operator]
    assert [e.root for e in analysis.events] == ["18"]


def test_event_noun_subject_with_by_agent(analyze: object) -> None:
    # the attack noun's by-agent is the source, and the noun names the means (aerial 195, bombing 183)
    analysis: Analysis = analyze(  # type: ignore[operator]
        "An airstrike by the Israeli army killed nine people in Khan Younis."
    )
    assert [(e.cameo, e.source.code if e.source else None) for e in analysis.events] == [("195", "ISRMIL")]
    analysis = analyze("A car bombing by Somali insurgents killed six traders.")  # type: ignore[operator]
    assert [(e.root, e.source.code[:3] if e.source and e.source.code else None) for e in analysis.events] == [
        ("18", "SOM")
    ]


def test_modern_news_vocabulary(analyze: object) -> None:
    cases = {
        # blocking a legislative text is a veto, a deal a rejection; a road stays an obstruction
        "China vetoed a draft resolution on Myanmar.": "129",
        "France blocked the trade deal with Brazil.": "120",
        "Poland expressed solidarity with Lithuania.": "051",
        "Teachers in Chile went on strike.": "143",
        "The Indian navy sank a Pakistani submarine.": "190",
        "Canada added four Russian banks to its sanctions blacklist.": "163",
        "Sweden suspended development aid to Somalia.": "162",
        "Ukraine filed a lawsuit against Russia at the World Court.": "115",
    }
    for text, code in cases.items():
        analysis: Analysis = analyze(text)  # type: ignore[operator]
        assert [e.cameo for e in analysis.events] == [code], text
    analysis = analyze("Belgian farmers blocked the main highway.")  # type: ignore[operator]
    assert [e.cameo for e in analysis.events] == ["144"]


def test_agent_of_an_event_noun_object_is_the_target(analyze: object) -> None:
    # the nationality adjective of the act condemned names its agent, before the act's own target
    analysis: Analysis = analyze("Canada denounced the Russian bombardment of Odesa.")  # type: ignore[operator]
    assert [(e.root, e.target.code if e.target else None) for e in analysis.events] == [("11", "RUS")]
    # the possessor of a membership (an act noun) is the side refused, not the body joined
    analysis = analyze("Hungary refused to ratify Finland's NATO membership.")  # type: ignore[operator]
    assert [(e.root, e.target.code if e.target else None) for e in analysis.events] == [("12", "FIN")]


def test_reciprocal_possessor_leaves_the_mutual_pair(analyze: object) -> None:
    # "their" soldiers of conjoined states are no third side: the agreement stays between the two states
    analysis: Analysis = analyze(  # type: ignore[operator]
        "Australia and Indonesia agreed to allow their soldiers to exercise on each other's territory."
    )
    assert {(e.source.code if e.source else None, e.target.code if e.target else None) for e in analysis.events} == {
        ("AUS", "IDN"),
        ("IDN", "AUS"),
    }


def test_protesters_storming_or_burning_riot(analyze: object) -> None:
    analysis: Analysis = analyze(  # type: ignore[operator]
        "Demonstrators set fire to the French consulate in Niamey."
    )
    assert [(e.cameo, e.target.code if e.target else None) for e in analysis.events] == [("145", "FRAGOV")]
    analysis = analyze("Thousands of Chileans stormed the presidential palace.")  # type: ignore[operator]
    assert [e.cameo for e in analysis.events] == ["145"]
    # soldiers storming a compound is force, not a protest
    analysis = analyze("Iraqi soldiers stormed a rebel compound.")  # type: ignore[operator]
    assert [e.root for e in analysis.events] == ["19"]


def test_shot_dead_is_a_killing(analyze: object) -> None:
    analysis: Analysis = analyze("Masked gunmen shot dead two teachers in Zamfara.")  # type: ignore[operator]
    assert [e.root for e in analysis.events] == ["18"]


def test_work_with_is_cooperation(analyze: object) -> None:
    # readiness to work with a side is an intent to cooperate (hypothetical), a plan to do so future 06x intent
    analysis: Analysis = analyze("Seoul is willing to work with Tokyo on supply chains.")  # type: ignore[operator]
    assert [
        (e.root, e.modality, e.target.code[:3] if e.target and e.target.code else None) for e in analysis.events
    ] == [("03", "hypothetical", "JPN")]
    analysis = analyze("The baker worked with a local shop for ten years.")  # type: ignore[operator]
    assert analysis.events == []


def test_joint_production_is_cooperation(analyze: object) -> None:
    analysis: Analysis = analyze("Egypt and Greece jointly built a power line.")  # type: ignore[operator]
    assert {
        (e.cameo, e.source.code if e.source else None, e.target.code if e.target else None) for e in analysis.events
    } == {
        ("060", "EGY", "GRC"),
        ("060", "GRC", "EGY"),
    }
    # announced: an intent to cooperate (the codebook's reading of 'will'); with a third side named it stays a pair
    analysis = analyze("Spain and Italy will jointly manufacture drones for the Moroccan army.")  # type: ignore[operator]
    assert {
        (e.root, e.source.code if e.source else None, e.target.code if e.target else None) for e in analysis.events
    } == {
        ("03", "ESP", "ITA"),
        ("03", "ITA", "ESP"),
    }
    # two people running a shop are no political sides
    analysis = analyze("The two brothers jointly run a bakery.")  # type: ignore[operator]
    assert analysis.events == []


def test_a_sea_is_no_population(analyze: object) -> None:
    # a body of water named as the place of an attack stands for no state's civilians
    analysis: Analysis = analyze(  # type: ignore[operator]
        "Yemeni rebels fired drones at a container ship in the Red Sea."
    )
    assert [(e.root, e.target) for e in analysis.events] == [("19", None)]


def test_weapons_of_a_state_strike_one_way(analyze: object) -> None:
    # a mutual pattern matched on the subject's weapon words is one-way on a verb with an object; the state's
    # weapons are its military
    analysis: Analysis = analyze("Russian missiles hit a shopping centre in Kharkiv.")  # type: ignore[operator]
    assert [(e.root, e.source.code if e.source else None, e.symmetric) for e in analysis.events] == [
        ("19", "RUSMIL", False)
    ]


def test_strikes_by_armed_forces_are_military(analyze: object) -> None:
    analysis: Analysis = analyze("Turkish forces carried out strikes inside Iraq.")  # type: ignore[operator]
    assert [(e.cameo, e.target.code if e.target else None) for e in analysis.events] == [("190", "IRQ")]
    analysis = analyze("Dock workers in Italy staged a strike over pay.")  # type: ignore[operator]
    assert [e.cameo for e in analysis.events] == ["143"]
    analysis = analyze("Israeli soldiers raided a village near Nablus.")  # type: ignore[operator]
    assert [e.root for e in analysis.events] == ["19"]


def test_conjoined_sides_exchange_groups(analyze: object) -> None:
    # a group without a country exchanged between conjoined sides is no third side
    analysis: Analysis = analyze("Armenia and Azerbaijan exchanged 32 prisoners.")  # type: ignore[operator]
    assert {(e.source.code if e.source else None, e.target.code if e.target else None) for e in analysis.events} == {
        ("ARM", "AZE"),
        ("AZE", "ARM"),
    }


def test_receiving_leaders_slapping_tariffs(analyze: object) -> None:
    cases = {
        "Narendra Modi received the Egyptian president in New Delhi.": ("043", "EGYGOV"),
        "Canada slapped tariffs on Chinese steel.": ("163", "CHN"),
    }
    for text, (code, target) in cases.items():
        analysis: Analysis = analyze(text)  # type: ignore[operator]
        assert [(e.cameo, e.target.code if e.target else None) for e in analysis.events] == [(code, target)], text


def test_named_hazards_are_no_agents(analyze: object) -> None:
    for text in ("Cyclone Freddy killed 400 people in Malawi.", "Hurricane Otis destroyed homes in Acapulco."):
        analysis: Analysis = analyze(text)  # type: ignore[operator]
        assert analysis.events == [], text


def test_sports_results_are_no_force(analyze: object) -> None:
    for text in ("Japan crushed Germany 4-1 in Tokyo.", "The Australian rugby team crushed Fiji."):
        analysis: Analysis = analyze(text)  # type: ignore[operator]
        assert analysis.events == [], text
    analysis = analyze("The Israeli side shelled Gaza.")  # type: ignore[operator]
    assert [e.root for e in analysis.events] == ["19"]
