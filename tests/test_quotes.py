"""Quotes stage: direct, indirect and mixed quotes, speakers, cues, marks; PolNeAR reader; acceptance."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.evaluate.quotes import GoldAttribution, Prediction, match, read_ann, speaker_right
from eventwire.pipeline import Pipeline, available_stages
from eventwire.records import Analysis, Article, Quote
from eventwire.stages.quotes_marks import find_quoted_spans

FIXTURES = Path(__file__).parent / "fixtures" / "quotes"
HAS_ACTORS = "actors" in available_stages()


@pytest.fixture(scope="module")
def run(pipeline: Pipeline) -> Callable[[str], Analysis]:
    """actors + quotes only (cheap), on the session's spaCy model."""
    stages = ["actors", "quotes"] if HAS_ACTORS else ["quotes"]
    p = Pipeline(stages=stages, settings=pipeline.settings, nlp=pipeline.nlp)

    def go(text: str) -> Analysis:
        return p.analyze(Article.from_text(text, published=dt.date(2024, 4, 26)))

    return go


def only(a: Analysis, contains: str) -> Quote:
    found = [q for q in a.quotes if contains in q.text and q.parent_id is None]
    assert len(found) == 1, [q.text for q in a.quotes]
    return found[0]


def actor_name(a: Analysis, q: Quote) -> str | None:
    act = a.actor(q.speaker_actor_id)
    return act.name if act else None


# -- quotation marks -----------------------------------------------------------------------


def test_marks_straight_curly_guillemets_and_apostrophes() -> None:
    text = "“Curly one,” he said. \"Straight one.\" «Guillemets here» and don't 'single quoted' Trump's."
    spans = [text[q.start : q.end] for q in find_quoted_spans(text)]
    assert spans == ["Curly one,", "Straight one.", "Guillemets here", "single quoted"]


def test_marks_unclosed_runs_to_paragraph_end_and_odd_count_recovers() -> None:
    text = 'He spoke. "This opens and never closes. Still quoted.\nNext "fine quote" here. Odd " mark.'
    spans = find_quoted_spans(text)
    got = [(text[q.start : q.end], q.closed) for q in spans]
    assert ("This opens and never closes. Still quoted.", False) in got
    assert ("fine quote", True) in got


def test_marks_nested_single_inside_double() -> None:
    text = "“They told us ‘never again’ last year,” she said."
    spans = find_quoted_spans(text)
    inner = [q for q in spans if q.nested]
    assert [text[q.start : q.end] for q in inner] == ["never again"]


def test_marks_doubled_apostrophes_as_double_quotes() -> None:
    text = "The minister said ''we will not retreat,'' adding nothing."
    assert [text[q.start : q.end] for q in find_quoted_spans(text)] == ["we will not retreat,"]


# -- direct quotes ---------------------------------------------------------------------------


def test_direct_speaker_after(run: Callable[[str], Analysis]) -> None:
    a = run('"We will defend our sovereignty at any cost," Foreign Minister Lavrov said on Monday.')
    q = only(a, "defend our sovereignty")
    assert q.kind == "direct"
    assert q.speaker_text == "Foreign Minister Lavrov"
    assert q.cue == "say"
    assert a.article.text[q.cue_start : q.cue_end] == "said"


def test_direct_speaker_inverted(run: Callable[[str], Analysis]) -> None:
    a = run("“The talks were useful and frank,” said Josep Borrell, the EU foreign policy chief.")
    q = only(a, "talks were useful")
    assert q.speaker_text == "Josep Borrell"


def test_indirect_source_after_its_clause_parsed_as_object(run: Callable[[str], Analysis]) -> None:
    # the parser makes a source that follows its cue the cue's object; the clause before the comma is what was said
    a = run("The ceasefire talks will resume next week in Geneva, reported Reuters, quoted by the Kyodo agency.")
    q = only(a, "ceasefire talks will resume")
    assert q.cue == "report" and q.speaker_text == "Reuters"
    assert q.text == "The ceasefire talks will resume next week in Geneva"
    assert not any(q.text.startswith("Reuters") for q in a.quotes)


def test_object_of_a_cue_not_after_a_comma_is_no_source(run: Callable[[str], Analysis]) -> None:
    a = run("The ministry reported the incident to the police on Monday.")
    assert all(q.speaker_text != "the police" for q in a.quotes)


def test_direct_speaker_before_with_colon(run: Callable[[str], Analysis]) -> None:
    a = run('The president told reporters: "Sanctions will remain in place until the troops leave."')
    q = only(a, "Sanctions will remain")
    assert q.kind == "direct"
    assert q.speaker_text == "The president"
    assert q.cue == "tell"


def test_split_quote_speaker_inside_gives_one_speaker(run: Callable[[str], Analysis]) -> None:
    a = run('"We are ready to talk," Wang said, "but the other side must stop the provocations."')
    first, second = only(a, "ready to talk"), only(a, "must stop")
    assert first.speaker_text == second.speaker_text == "Wang"
    assert first.cue_start == second.cue_start


def test_quote_spanning_sentences(run: Callable[[str], Analysis]) -> None:
    a = run('"The ceasefire holds. Aid is arriving. We expect more trucks tomorrow," the UN envoy said.')
    q = only(a, "The ceasefire holds")
    assert "more trucks tomorrow" in q.text
    assert q.speaker_text == "the UN envoy"


def test_unclosed_quote_with_attribution_tail(run: Callable[[str], Analysis]) -> None:
    text = (
        "The envoy arrived in Cairo on Sunday. "
        '"The region is on the brink. Our patience is not unlimited, Erdogan said.\n'
        "Officials declined to comment."
    )
    a = run(text)
    q = only(a, "on the brink")
    assert q.text.endswith("not unlimited")
    assert q.speaker_text == "Erdogan"
    assert q.cue == "say"


def test_odd_number_of_marks_keeps_other_quotes(run: Callable[[str], Analysis]) -> None:
    text = (
        'The residence "Villa Madama hosted the meeting.\n'
        '"Our position has not changed," Chancellor Scholz said.\n'
        '"Dialogue is the only way forward," the Italian prime minister said.'
    )
    a = run(text)
    assert only(a, "position has not changed").speaker_text == "Chancellor Scholz"
    assert only(a, "only way forward").speaker_text == "the Italian prime minister"


def test_statement_continued_takes_previous_speaker(run: Callable[[str], Analysis]) -> None:
    text = (
        '"We condemn the strike on the hospital," the spokesman for the ministry said.\n'
        '"Those responsible will be held to account under international law."'
    )
    a = run(text)
    q = only(a, "held to account")
    assert q.speaker_text == "the spokesman for the ministry"
    assert q.cue is None
    assert q.confidence < only(a, "condemn the strike").confidence


def test_multi_paragraph_quote_reopened(run: Callable[[str], Analysis]) -> None:
    text = (
        '"We have made progress on the grain corridor and on prisoner exchanges.\n'
        '"Much remains to be done before winter," President Zelensky said.'
    )
    a = run(text)
    assert only(a, "grain corridor").speaker_text == "President Zelensky"


def test_nested_quote_has_parent(run: Callable[[str], Analysis]) -> None:
    a = run("“They promised us ‘a new beginning’ and delivered nothing,” the opposition leader said.")
    outer = only(a, "delivered nothing")
    inner = [q for q in a.quotes if q.parent_id is not None]
    assert len(inner) == 1
    assert inner[0].text == "a new beginning"
    assert inner[0].parent_id == outer.id


# -- indirect and mixed ------------------------------------------------------------------------


def test_indirect_said_that(run: Callable[[str], Analysis]) -> None:
    a = run("The Japanese defence minister said that the exercises would continue next month.")
    q = only(a, "exercises would continue")
    assert q.kind == "indirect"
    assert q.speaker_text == "The Japanese defence minister"
    assert q.cue == "say"


def test_indirect_zero_that_and_told(run: Callable[[str], Analysis]) -> None:
    a = run("Macron told reporters the summit had been a success. He added that Europe must act together.")
    told = only(a, "summit had been a success")
    assert told.kind == "indirect" and told.cue == "tell" and told.speaker_text == "Macron"
    added = only(a, "Europe must act together")
    assert added.cue == "add" and added.speaker_text == "He"


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("The general warned that the offensive could start within days.", "warn"),
        ("The ministry denied that any troops had crossed the border.", "deny"),
        ("The senator stressed that the aid package was urgent.", "stress"),
        ("The ambassador noted that both sides had shown restraint.", "note"),
    ],
)
def test_indirect_cue_verbs_from_table(run: Callable[[str], Analysis], sentence: str, cue: str) -> None:
    a = run(sentence)
    indirect = [q for q in a.quotes if q.kind == "indirect"]
    assert len(indirect) == 1
    assert indirect[0].cue == cue
    assert indirect[0].speaker_text is not None and indirect[0].speaker_text.startswith("The ")


def test_partial_quote_in_reported_speech_is_mixed(run: Callable[[str], Analysis]) -> None:
    a = run('The foreign minister responded that "proactive diplomacy" was needed to settle the dispute.')
    assert len([q for q in a.quotes if q.parent_id is None]) == 1
    q = a.quotes[0]
    assert q.kind == "mixed"
    assert '"proactive diplomacy"' in q.text and "settle the dispute" in q.text
    assert q.speaker_text == "The foreign minister"
    assert q.cue == "respond"


def test_according_to(run: Callable[[str], Analysis]) -> None:
    a = run("According to Western diplomats, the talks in Geneva will resume next week.")
    q = only(a, "talks in Geneva will resume")
    assert q.kind == "indirect"
    assert q.cue == "according to"
    assert q.speaker_text == "Western diplomats"
    assert not q.text.lower().startswith("according")


def test_media_and_institution_speakers(run: Callable[[str], Analysis]) -> None:
    text = (
        "The Global Times wrote that the sanctions would backfire. "
        "State Department officials said the decision was final."
    )
    a = run(text)
    assert only(a, "sanctions would backfire").speaker_text == "The Global Times"
    assert only(a, "decision was final").speaker_text == "State Department officials"


def test_scare_quotes_and_titles_are_not_quotes(run: Callable[[str], Analysis]) -> None:
    text = (
        'The leaders met at the "Diaoyutai" residence and read an editorial in the "China Daily" '
        'about the so-called "peace plan".'
    )
    a = run(text)
    assert a.quotes == []


def test_direct_quote_spans_and_cue_offsets_are_consistent(run: Callable[[str], Analysis]) -> None:
    a = run('"Nothing was agreed," the Kremlin spokesman said. The Kremlin said it would respond.')
    for q in a.quotes:
        assert a.article.text[q.start : q.end] == q.text
        if q.speaker_start is not None and q.speaker_end is not None:
            assert a.article.text[q.speaker_start : q.speaker_end] == q.speaker_text
    assert [q.id for q in a.quotes] == [f"Q{i}" for i in range(1, len(a.quotes) + 1)]


@pytest.mark.skipif(not HAS_ACTORS, reason="the actors stage is not installed")
def test_pronoun_speaker_resolves_to_previous_person(run: Callable[[str], Analysis]) -> None:
    text = (
        "Antony Blinken arrived in Beijing on Wednesday for talks with Chinese officials. "
        '"We want a stable relationship," he said.'
    )
    a = run(text)
    q = only(a, "stable relationship")
    assert q.speaker_text == "he"
    assert actor_name(a, q) == "Antony Blinken"


# -- evaluator -------------------------------------------------------------------------------------


def test_read_brat_attributions_and_match() -> None:
    text = (FIXTURES / "mini.txt").read_text(encoding="utf-8")
    golds = read_ann(FIXTURES / "mini.ann", text)
    assert len(golds) == 2
    said = golds[0]
    assert said.source_text == "The mayor" and said.cue_text == "said"
    assert len(golds[1].content) == 2  # discontinuous content
    assert golds[1].source == []
    pred = Prediction([(said.content[0][0] + 2, said.content[0][1])], (0, 9), "The mayor", None, said.cue[0])
    res = match([pred], golds, text)
    assert res.pairs and res.pairs[0][2] and res.pairs[0][3]


def test_speaker_rule_head_match_not_for_pronouns() -> None:
    g = GoldAttribution(content=[(50, 60)], cue=[(40, 44)], source=[(30, 39)], source_text="Mr. Obama")
    assert speaker_right(Prediction([(50, 60)], (0, 5), "Obama", None, None), g)
    assert speaker_right(Prediction([(50, 60)], (0, 2), "he", "Barack Obama", None), g)
    g2 = GoldAttribution(content=[(50, 60)], cue=[(40, 44)], source=[(30, 32)], source_text="he")
    assert not speaker_right(Prediction([(50, 60)], (0, 2), "he", None, None), g2)


# -- acceptance ------------------------------------------------------------------------------------


@pytest.mark.acceptance
def test_beijing_talks_quotes(shared_dir: Path, run: Callable[[str], Analysis]) -> None:
    a = run((shared_dir / "examples" / "beijing-talks.txt").read_text(encoding="utf-8"))
    big_ship, negative = only(a, "big ship"), only(a, "negative factors")
    disruptions = only(a, "And the relationship faces all sorts of disruptions")
    view = only(a, "In our view, face-to-face diplomacy cannot be replaced")
    ukraine = only(a, "As for the conflict in Ukraine")
    assert big_ship.speaker_text == negative.speaker_text == "the Chinese foreign minister"
    assert disruptions.speaker_text == "Wang"
    assert view.speaker_text == "the US secretary of state"
    assert ukraine.speaker_text == "the Chinese publication"
    assert not any(q.text == "Diaoyutai" for q in a.quotes)
    if HAS_ACTORS:
        assert actor_name(a, big_ship) == actor_name(a, negative) == "Wang Yi"
        assert actor_name(a, disruptions) == "Wang Yi"
        assert actor_name(a, view) in {"Antony Blinken", "Anthony Blinken"}
        assert actor_name(a, ukraine) == "China Daily"


def test_reported_speech_inside_reported_speech_is_nested(run: Callable[[str], Analysis]) -> None:
    a = run("The senator said that the minister had told him the deal with the rebels was dead.")
    outer = only(a, "the minister had told him")
    assert outer.speaker_text == "The senator" and outer.parent_id is None
    inner = [q for q in a.quotes if q.parent_id == outer.id]
    assert len(inner) == 1
    assert inner[0].cue == "tell" and inner[0].speaker_text == "the minister"
    assert "deal with the rebels was dead" in inner[0].text


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        ("The union called for a ban on night shifts.", "call for", "a ban on night shifts"),
        ("Senator Varga called on the ministry to publish the audit.", "call on", "the ministry to publish the audit"),
        ("The mayor spoke of a crisis in the city hospitals.", "speak of", "a crisis in the city hospitals"),
        ("The committee called the proposal reckless.", "call", "the proposal reckless"),
        ("Several deputies questioned whether the budget was legal.", "question", "whether the budget was legal"),
    ],
)
def test_prepositional_and_predicate_contents(
    run: Callable[[str], Analysis], sentence: str, cue: str, content: str
) -> None:
    q = only(run(sentence), content)
    assert q.cue == cue
    assert q.kind == "indirect"
    assert q.speaker_text is not None
    assert q.cue_class in {"speech", "stance"}


def test_call_without_object_predicate_or_with_a_date_is_no_cue(run: Callable[[str], Analysis]) -> None:
    a = run("The prime minister called the president on Tuesday.")
    assert a.quotes == []


def test_beliefs_intentions_and_findings_carry_their_class(run: Callable[[str], Analysis]) -> None:
    a = run(
        "Ms. Okafor believes the treaty will hold. The ministry plans to open two new consulates. "
        "A survey by the institute shows that most farmers oppose the tariff."
    )
    assert only(a, "the treaty will hold").cue_class == "belief"
    assert only(a, "to open two new consulates").cue_class == "intention"
    survey = only(a, "most farmers oppose the tariff")
    assert survey.cue_class == "evidence"
    assert survey.speaker_text is not None and "survey" in survey.speaker_text
    said = run("Ms. Okafor said the treaty would hold.")
    assert only(said, "the treaty would hold").cue_class == "speech"


def test_negated_attitude_attributes_nothing(run: Callable[[str], Analysis]) -> None:
    a = run("The governor did not unveil a plan for the harbour. The council does not want to raise taxes.")
    assert a.quotes == []


def test_outer_reporting_verb_speaks_for_the_inner_cue(run: Callable[[str], Analysis]) -> None:
    a = run("Minister Halvorsen urged Belgrade to reopen the border crossing, a government spokeswoman said.")
    top = [q for q in a.quotes if q.parent_id is None]
    assert len(top) == 1
    assert top[0].cue == "say" and top[0].speaker_text == "a government spokeswoman"
    assert "Halvorsen urged Belgrade" in top[0].text
    inner = [q for q in a.quotes if q.parent_id == top[0].id]
    assert [q.cue for q in inner] == ["urge"]


def test_quoted_words_inside_a_reported_clause_make_it_mixed(run: Callable[[str], Analysis]) -> None:
    a = run(
        "Dr. Lindqvist said she expects the agency “to keep publishing the figures.” "
        "Mr. Arslan says the new rules are “a step backwards.”"
    )
    first = only(a, "she expects the agency")
    assert first.kind == "mixed" and first.cue == "say" and first.speaker_text == "Dr. Lindqvist"
    second = only(a, "the new rules are")
    assert second.kind == "mixed" and second.speaker_text == "Mr. Arslan"


def test_cue_after_a_full_stop_reports_its_own_clause(run: Callable[[str], Analysis]) -> None:
    a = run("Ms. Duarte called the vote “a disgrace.” Mr. Pohl says the vote was fair.")
    pohl = only(a, "the vote was fair")
    assert pohl.speaker_text == "Mr. Pohl"
    disgrace = only(a, "a disgrace")
    assert disgrace.speaker_text == "Ms. Duarte"


# -- wide contents, addressees, paragraph limits ---------------------------------------------


def test_speech_verbs_take_a_noun_phrase_or_infinitive_in_the_indirect_pass(run: Callable[[str], Analysis]) -> None:
    a = run(
        "The mayor noted the bridge's poor condition during the council meeting. "
        "President Adams told his advisers to prepare new rules for the ports. "
        "The company agreed to pay the workers a bonus."
    )
    noted = only(a, "poor condition")
    assert noted.cue == "note" and noted.speaker_text == "The mayor"
    told = only(a, "to prepare new rules")
    assert told.text.startswith("his advisers") and told.speaker_text == "President Adams" and told.cue == "tell"
    agreed = only(a, "to pay the workers")
    assert agreed.cue == "agree" and agreed.speaker_text == "The company"


def test_writing_verbs_do_not_take_a_bare_object(run: Callable[[str], Analysis]) -> None:
    a = run("Ms. Varga wrote letters to several ministers last spring.")
    assert a.quotes == []  # a bare plural names an activity; "wrote the letter" is a content (see below)


def test_quoted_programme_title_is_not_what_was_said(run: Callable[[str], Analysis]) -> None:
    a = run(
        'Senator Lee told MSNBC\'s "Morning Joe" on Friday that the vote would be close. '
        'On this weekend\'s broadcast of "Face the Nation," Governor Hill said the budget was balanced.'
    )
    assert not [q for q in a.quotes if "Morning Joe" in q.text or q.text.startswith("Face the Nation")]
    assert only(a, "the vote would be close").speaker_text == "Senator Lee"
    assert only(a, "the budget was balanced").speaker_text == "Governor Hill"


def test_speaker_and_content_stay_in_the_cue_paragraph(run: Callable[[str], Analysis]) -> None:
    a = run(
        "Storm Update: Coast Braces\n\n12:15 p.m.\n\nDonald Okafor says the roads will stay closed until Monday.\n\n"
        "Fire crews remained on the scene."
    )
    q = only(a, "the roads will stay closed")
    assert q.speaker_text == "Donald Okafor"
    assert all("Coast Braces" not in (x.speaker_text or "") and "Coast Braces" not in x.text for x in a.quotes)


def test_passive_participle_cue_has_no_speaker_of_its_own(run: Callable[[str], Analysis]) -> None:
    a = run("Asked to describe the device, Chief Moreno said it was small.")
    # the chief was asked, he did not ask: the question is a record without a speaker (as PolNeAR annotates it)
    tops = {q.cue: q.speaker_text for q in a.quotes if q.parent_id is None}
    assert tops == {"ask": None, "say": "Chief Moreno"}


def test_nominal_cues_with_that_clause_or_infinitive(run: Callable[[str], Analysis]) -> None:
    a = run(
        "Ms. Keane's claim that the budget was balanced drew sharp criticism. "
        "The opposition welcomed the ministry's decision to reopen the border crossing."
    )
    claim = only(a, "the budget was balanced")
    assert claim.cue == "claim" and claim.speaker_text is not None and "Keane" in claim.speaker_text
    decision = only(a, "to reopen the border")
    assert decision.cue == "decision" and decision.cue_class == "intention"


def test_relative_that_is_no_nominal_cue_clause(run: Callable[[str], Analysis]) -> None:
    a = run("The claim that Mr. Ruiz made last week was false.")
    assert not [q for q in a.quotes if q.cue == "claim"]


def test_that_clause_hung_on_the_addressee_or_as_adverbial(run: Callable[[str], Analysis]) -> None:
    a = run(
        "In Lyon last week, she told a meeting of regional leaders that few people understood the cost of the floods. "
        "Mr. Dorn tweeted in the early morning hours that the report was a fraud."
    )
    told = only(a, "few people understood")
    assert told.cue == "tell" and told.speaker_text == "she"
    tweeted = only(a, "the report was a fraud")
    assert tweeted.cue == "tweet" and tweeted.speaker_text == "Mr. Dorn"


def test_colon_carries_reported_content_into_the_next_paragraph(run: Callable[[str], Analysis]) -> None:
    a = run("The governor added:\n\nIt is typical of the council. They never listen.")
    q = only(a, "typical of the council")
    assert q.speaker_text == "The governor" and q.cue == "add"


def test_model_lemma_alias_hope(run: Callable[[str], Analysis]) -> None:
    a = run("Farmers are hoping that the rain arrives before the harvest.")
    q = only(a, "the rain arrives")
    assert q.cue == "hope" and q.cue_class == "belief" and q.speaker_text == "Farmers"


def test_evaluative_verbs_take_a_position(run: Callable[[str], Analysis]) -> None:
    a = run("Senator Osei attacked the minister for the delays at the port. The union supports the new contract.")
    attacked = only(a, "the minister")
    assert attacked.cue == "attack" and attacked.cue_class == "stance" and "for the delays" in attacked.text
    assert only(a, "the new contract").speaker_text == "The union"


def test_statement_continues_past_reported_speech_in_the_attribution(run: Callable[[str], Analysis]) -> None:
    a = run(
        '"We will rebuild the bridge," said Anna Ruiz, who has backed the project for years. '
        '"It will take two summers."'
    )
    assert only(a, "two summers").speaker_text == "Anna Ruiz"


def test_quoted_noun_phrase_taken_for_subject_does_not_hide_the_speaker(run: Callable[[str], Analysis]) -> None:
    a = run('"One of the finest engineers in the whole region," Deputy Mayor Lena Holt said in a phone interview.')
    assert only(a, "finest engineers").speaker_text == "Deputy Mayor Lena Holt"


def test_headline_name_and_colon_is_a_speaker_label(run: Callable[[str], Analysis]) -> None:
    a = run("Pat Kellerman: Voters Worried About the Deficit\n\nThe pollster spoke on Monday.")
    q = only(a, "Voters Worried")
    assert q.speaker_text == "Pat Kellerman" and q.kind == "direct"
    b = run("The Latest: Storm hits the coast\n\nRain fell all night.")
    assert b.quotes == []


def test_findings_take_a_noun_phrase(run: Callable[[str], Analysis]) -> None:
    a = run("Polls show a close contest in the state.")
    q = only(a, "a close contest")
    assert q.cue == "show" and q.cue_class == "evidence" and q.speaker_text == "Polls"


def test_clause_after_a_time_adverbial_and_name_glued_to_the_phrase_before(run: Callable[[str], Analysis]) -> None:
    a = run(
        "Mr. Ibsen said after the meeting he would not accept the offer. "
        "In a meeting with the editorial board of the Daily Ledger Ibsen said that the port would close."
    )
    assert only(a, "he would not accept the offer").speaker_text == "Mr. Ibsen"
    assert only(a, "the port would close").speaker_text == "Ibsen"


def test_stance_verbs_take_pronoun_and_prepositional_contents(run: Callable[[str], Analysis]) -> None:
    a = run(
        "The senators criticized him sharply. Ms. Anand agreed with the mayor about the plan. "
        "Officials spoke on Tuesday."
    )
    assert only(a, "him").cue == "criticize"
    agreed = only(a, "the mayor")
    assert agreed.cue == "agree" and agreed.speaker_text == "Ms. Anand"
    assert not [q for q in a.quotes if "Tuesday" in q.text]


def test_agentless_passive_is_attributed_to_no_one(run: Callable[[str], Analysis]) -> None:
    a = run("Mr. Kovac was accused of hiding the payments. The vote is expected to take place in May.")
    q = only(a, "hiding the payments")
    assert q.cue == "accuse" and q.speaker_text is None and q.confidence == 0.5
    assert only(a, "take place").speaker_text is None


def test_clause_after_the_cue_wins_over_a_clause_before_it(run: Callable[[str], Analysis]) -> None:
    a = run(
        "Writing for a newspaper panel that all agreed Okafor won the debate, Mark Levin noted that the way "
        "Okafor carried himself was critical to his success."
    )
    q = only(a, "critical to his success")
    assert q.cue == "note" and q.speaker_text == "Mark Levin"


def test_called_on_with_particle_takes_addressee_and_infinitive(run: Callable[[str], Analysis]) -> None:
    a = run("The family has called on the police to release the videos.")
    q = only(a, "release the videos")
    assert q.cue == "call on" and q.text.startswith("the police")


def test_quoted_section_heading_is_no_statement(run: Callable[[str], Analysis]) -> None:
    a = run('"We will rebuild the dams," the mayor said.\n\n"Rivers of the North."\n\nThe floods came in May.')
    assert [q.text for q in a.quotes] == ["We will rebuild the dams,"]


def test_cue_after_a_statement_takes_it_despite_a_clause_of_its_own(run: Callable[[str], Analysis]) -> None:
    a = run("“You should resign and give the money back,” Senator Ward told Mr. Stone, after he admitted the errors.")
    q = only(a, "You should resign")
    assert q.speaker_text == "Senator Ward" and q.cue == "tell"


def test_as_clause_attributes_the_clause_it_hangs_on(run: Callable[[str], Analysis]) -> None:
    a = run(
        "As Ms. Simonyan put it, the network is providing a different perspective. "
        "As the mayor noted, the bridge is closed. He put it on the table."
    )
    put = only(a, "the network is providing")
    assert put.cue == "put it" and put.speaker_text == "Ms. Simonyan"
    assert only(a, "the bridge is closed").speaker_text == "the mayor"
    assert not [q for q in a.quotes if "table" in q.text]


def test_title_case_headline_cue_the_parser_missed(run: Callable[[str], Analysis]) -> None:
    a = run("New Poll Shows Minor Bump For Senator Reyes\n\nThe survey of 900 voters was taken last week.")
    q = only(a, "Minor Bump")
    assert q.cue == "show" and q.speaker_text == "New Poll"
    b = run("Harbor Will Reopen In Spring, Mayor Kessler Says\n\nWork starts soon.")
    assert only(b, "Harbor Will Reopen").speaker_text == "Mayor Kessler"
    c = run("Port Cargo Rules Face Key Test In Court\n\nThe hearing is on Monday.")
    assert c.quotes == []


def test_passive_with_agent_reports_its_subject(run: Callable[[str], Analysis]) -> None:
    a = run("The registration issue was first reported by the Daily Ledger.")
    q = only(a, "The registration issue")
    assert q.cue == "report" and q.speaker_text == "the Daily Ledger"


def test_speaker_through_an_adjective_complement(run: Callable[[str], Analysis]) -> None:
    a = run("Mr. Hale won't be able to brag about his polling lead.")
    assert only(a, "his polling lead").speaker_text == "Mr. Hale"


def test_negative_subject_attributes_nothing(run: Callable[[str], Analysis]) -> None:
    a = run("Neither side has confirmed the meeting. No official commented on the report.")
    assert [q for q in a.quotes if q.parent_id is None] == []


def test_said_to_be_has_no_speaker(run: Callable[[str], Analysis]) -> None:
    a = run("Analysts voiced doubts, and the two governments are said to be far apart on tariffs.")
    said = [q for q in a.quotes if q.cue == "say"]
    assert said and all(q.speaker_text is None for q in said)


def test_cue_verb_tagged_as_noun_heading_its_clause(run: Callable[[str], Analysis]) -> None:
    a = run("But Mr. Dorn claims that he should be the exception.")
    q = only(a, "he should be the exception")
    assert q.cue == "claim" and q.speaker_text == "Mr. Dorn"


def test_respond_to_takes_its_object(run: Callable[[str], Analysis]) -> None:
    a = run("The ministry did not immediately respond to requests for comment. Mr. Lind responded that it was late.")
    assert only(a, "requests for comment").cue == "respond to"
    assert only(a, "it was late").cue == "respond"


def test_call_for_across_a_date(run: Callable[[str], Analysis]) -> None:
    a = run("Attorney General Roy Cooper called Friday for releasing the police videos. She called Putin on Tuesday.")
    q = only(a, "releasing the police videos")
    assert q.speaker_text == "Attorney General Roy Cooper"
    assert not [x for x in a.quotes if "Tuesday" in x.text]


def test_marks_closing_mark_opening_a_paragraph_opens() -> None:
    text = "Readers wrote in.\n”We are tired of the noise and want answers.” ― Marta Ruiz\n"
    spans = [text[q.start : q.end] for q in find_quoted_spans(text)]
    assert spans == ["We are tired of the noise and want answers."]


def test_dash_byline_glued_to_mark_and_with_full_stop(run: Callable[[str], Analysis]) -> None:
    text = (
        "Voters sent us their views.\n\n"
        "“The debate showed nothing new about either of them and I am still undecided.”― Lucia Ferrante.\n\n"
        "“I want a plan for schools and for jobs before I vote for anyone.” ― Tomas Varga\n"
    )
    a = run(text)
    assert only(a, "still undecided").speaker_text == "Lucia Ferrante"
    assert only(a, "plan for schools").speaker_text == "Tomas Varga"


def test_trailing_participle_cue_is_a_second_statement(run: Callable[[str], Analysis]) -> None:
    a = run("Senator Ana Reyes said the bill would pass next month, arguing that the votes were already there.")
    said = only(a, "the bill would pass")
    assert said.cue == "say" and "arguing" not in said.text
    argued = only(a, "the votes were already there")
    assert argued.parent_id is None and argued.cue == "argue"
    assert argued.speaker_text == "Senator Ana Reyes"


def test_labelling_and_attack_verbs_are_cues(run: Callable[[str], Analysis]) -> None:
    a = run('Minister Hana Kobayashi branded the rival bloc an "outlaw alliance" on Monday.')
    q = only(a, "outlaw alliance")
    assert q.cue == "brand" and q.speaker_text == "Minister Hana Kobayashi"
    b = run("Senator Paul Mendes went after the governor over the delayed budget.")
    q = only(b, "the governor")
    assert q.cue == "go after" and q.speaker_text == "Senator Paul Mendes"
    c = run("Senator Lena Ortiz voted against the pipeline bill on Thursday.")
    q = only(c, "the pipeline bill")
    assert q.cue == "vote against" and q.speaker_text == "Senator Lena Ortiz"
    assert not run("Senator Lena Ortiz voted on Thursday.").quotes


def test_relative_clause_speech_inside_reported_clause_is_its_own_statement(
    run: Callable[[str], Analysis],
) -> None:
    a = run("Mayor Ines Duarte said the shelter would reopen for the families who say they were turned away.")
    inner = [q for q in a.quotes if q.speaker_text == "who"]
    outer = [q for q in a.quotes if q.cue == "say" and q.speaker_text == "Mayor Ines Duarte"]
    assert outer and len(inner) == 1
    assert inner[0].text == "they were turned away" and inner[0].parent_id is None


def test_cue_before_quote_that_the_parser_hung_on_a_verb_inside_it(run: Callable[[str], Analysis]) -> None:
    a = run(
        'Ana Ruiz, a teacher who attended the meeting, recalled, "Out of nowhere, he said, '
        "'We will close the school next year.'\""
    )
    q = only(a, "Out of nowhere")
    assert q.kind == "direct" and q.cue == "recall" and q.speaker_text == "Ana Ruiz"


def test_speaker_name_with_apposition_the_parser_lost(run: Callable[[str], Analysis]) -> None:
    a = run(
        "In a panel discussion this weekend in Lisbon, Marta Sousa Leal, the chief executive of the Urban "
        'League, forcefully told a young woman that "this is not the first generation to be frustrated."'
    )
    q = only(a, "not the first generation")
    assert q.cue == "tell" and q.speaker_text == "Marta Sousa Leal"


def test_what_x_calls_quote_ending_a_reported_clause_is_nested(run: Callable[[str], Analysis]) -> None:
    a = run("Ms. Ortega says she admired the nurses through what she calls a “season of very hard choices.”")
    inner = [q for q in a.quotes if q.cue == "call"]
    assert len(inner) == 1 and inner[0].parent_id is not None


def test_dash_byline_with_no_break_space(run: Callable[[str], Analysis]) -> None:
    text = (
        "Readers sent us their views.\n\n"
        "“I hope this campaign makes everyone go out and register to vote.” ―\u00a0Rafael Ortiz\n"
        "“Maybe we can finally talk about housing and wages.” ―\u00a0Laura Benitez.\n"
    )
    a = run(text)
    assert only(a, "register to vote").speaker_text == "Rafael Ortiz"
    assert only(a, "housing and wages").speaker_text == "Laura Benitez"


def test_noun_cue_with_prepositional_content(run: Callable[[str], Analysis]) -> None:
    a = run("The minister faced sharp criticism of the new housing levy on Tuesday.")
    q = only(a, "the new housing levy")
    assert q.cue == "criticism" and q.speaker_text is None and q.confidence == 0.5
    b = run("The mayor's criticism of the transit budget surprised the council.")
    q = only(b, "the transit budget")
    assert q.speaker_text == "The mayor's"
    c = run("The statement of the committee was short.")
    assert not [q for q in c.quotes if q.cue == "statement"]


def test_adjective_cue_with_prepositional_content(run: Callable[[str], Analysis]) -> None:
    a = run("Senator Lia Brandt has been critical of the new border policy for months.")
    q = only(a, "the new border policy")
    assert q.cue == "critical" and q.speaker_text == "Senator Lia Brandt"
    b = run("The critical part of the bridge was repaired.")
    assert not [q for q in b.quotes if q.cue == "critical"]


def test_link_and_lambast_cues(run: Callable[[str], Analysis]) -> None:
    a = run("Governor Ruth Adeyemi repeatedly linked the power cuts to the new grid contract.")
    q = only(a, "the power cuts")
    assert q.cue == "link" and q.speaker_text == "Governor Ruth Adeyemi"
    b = run("Mayor Tomas Lind spent the evening lambasting the council's spending plan.")
    assert [q.cue for q in b.quotes if "spending plan" in q.text] == ["lambaste"]


def test_underscore_is_a_cue(run: Callable[[str], Analysis]) -> None:
    a = run("The minister underscored the need for calm after the vote.")
    q = only(a, "the need for calm")
    assert q.cue == "underscore" and q.speaker_text == "The minister"


def test_clause_in_next_paragraph_is_not_a_cue_content(pipeline: Pipeline) -> None:
    from eventwire.stages.quotes import _Finder
    from eventwire.stages.quotes_cues import cue_table

    text = "Prices will fall, Mr. Omar Haddad said.\n\nTerraCo plans to sell offsets.\n\nHe added:\n\nWe will grow."
    doc = pipeline.nlp(text)
    finder = _Finder(doc, cue_table())
    finder.text = text
    said = next(t for t in doc if t.text == "said")
    plans = next(t for t in doc if t.text == "plans")
    added = next(t for t in doc if t.text == "added")
    grow = next(t for t in doc if t.text == "grow")
    fall = next(t for t in doc if t.text == "fall")
    assert finder._across_paragraph(said, plans)
    assert not finder._across_paragraph(added, grow)  # "He added:" introduces the next paragraph
    assert not finder._across_paragraph(fall, said)


def test_second_cue_verb_of_the_speaker_is_its_own_statement(run: Callable[[str], Analysis]) -> None:
    a = run("Senator Ana Reyes said the budget was too small and warned the governor to expect a veto.")
    said = only(a, "the budget was too small")
    assert said.cue == "say" and "warned" not in said.text
    warned = only(a, "the governor to expect a veto")
    assert warned.parent_id is None and warned.cue == "warn"
    assert warned.speaker_text == "Senator Ana Reyes"
    b = run("The ministry said it was firmly opposed to the test and warned the neighbours to refrain from it.")
    opposed = only(b, "it was firmly opposed")
    assert "warned" not in opposed.text
    warned = only(b, "the neighbours to refrain")
    assert warned.parent_id is None and warned.speaker_text == "The ministry"


def test_participle_of_a_message_noun_or_name_speaks(run: Callable[[str], Analysis]) -> None:
    a = run("The ministry sent out a tweet attacking the opposition leader.")
    q = only(a, "the opposition leader")
    assert q.cue == "attack" and q.speaker_text == "a tweet"
    b = run("Lawyers for the company filed papers opposing the merger.")
    assert not [q for q in b.quotes if q.speaker_text == "papers"]  # papers are no message noun


def test_quoted_words_join_the_nearest_reported_clause(run: Callable[[str], Analysis]) -> None:
    a = run('Senator Ana Reyes stressed her record on housing and said the plan had one aim: "Cheaper homes for all."')
    stressed = only(a, "her record on housing")
    assert "Cheaper" not in stressed.text
    said = only(a, "the plan had one aim")
    assert said.kind == "mixed" and "Cheaper homes" in said.text


def test_quote_in_next_paragraph_is_not_governed_by_a_paragraph_final_verb(pipeline: Pipeline) -> None:
    from spacy.tokens import Doc

    from eventwire.stages.quotes import _Finder
    from eventwire.stages.quotes_cues import cue_table

    # a misparse as the parser makes it: the next paragraph's quoted clause hung on "noted" as its ccomp
    words = ["The", "party", "noted", "the", "remarks", ".", "\n\n", '"', "We", "won", ",", '"', "he", "said", "."]
    spaces = [True, True, True, True, False, False, False, False, True, False, False, True, True, False, False]
    heads = [1, 2, 2, 4, 2, 2, 5, 9, 9, 2, 9, 9, 13, 13, 13]
    deps = ["det", "nsubj", "ROOT", "det", "dobj", "punct", "dep", "punct", "nsubj", "ccomp", "punct", "punct"]
    deps += ["nsubj", "ROOT", "punct"]
    pos = ["DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT", "SPACE", "PUNCT", "PRON", "VERB", "PUNCT", "PUNCT"]
    pos += ["PRON", "VERB", "PUNCT"]
    lemmas = [w.lower() for w in words]
    lemmas[2], lemmas[9], lemmas[13] = "note", "win", "say"
    doc = Doc(pipeline.nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    finder = _Finder(doc, cue_table())
    finder.text = doc.text
    cue = finder.governing_cue(doc[8:10])
    assert cue is not None and cue.text == "said"


def test_verb_of_the_next_paragraph_does_not_attribute_a_quote(run: Callable[[str], Analysis]) -> None:
    a = run(
        'The minister said the plan would work. "We have the money."\n\n'
        "The opposition noted the remarks on its website."
    )
    assert only(a, "We have the money").cue != "note"
    noted = only(a, "the remarks")
    assert noted.cue == "note" and noted.speaker_text == "The opposition"


def test_writing_verb_takes_a_noun_phrase_content(run: Callable[[str], Analysis]) -> None:
    a = run("The Herald first published the letter on Sunday.")
    q = only(a, "the letter")
    assert q.cue == "publish" and q.speaker_text == "The Herald"


def test_gerund_under_prepositions_takes_the_subject_of_the_verb(run: Callable[[str], Analysis]) -> None:
    a = run("Senator Ruth Olsen stopped short of calling the decision illegal.")
    q = only(a, "the decision illegal")
    assert q.cue == "call" and q.speaker_text == "Senator Ruth Olsen"


def test_admire_and_judgement_verb_classes(run: Callable[[str], Analysis]) -> None:
    a = run("The mayor openly admires the new governor.")
    q = only(a, "the new governor")
    assert q.cue == "admire" and q.speaker_text == "The mayor" and q.cue_class == "stance"
    b = run("The coach chastised the players for the late start.")
    q = only(b, "the players")
    assert q.cue == "chastise" and q.speaker_text == "The coach"


def test_reported_clause_running_past_its_host_is_still_nested(run: Callable[[str], Analysis]) -> None:
    a = run(
        "Officer Mara Keller later said she suspected Jonas Feld was under the influence of alcohol — something a "
        "neighbour also told a dispatcher before police arrived on scene."
    )
    suspected = next(q for q in a.quotes if q.cue == "suspect")
    said = next(q for q in a.quotes if q.cue == "say")
    assert suspected.parent_id == said.id and said.speaker_text == "Officer Mara Keller"


def test_source_in_a_prepositional_phrase(run: Callable[[str], Analysis]) -> None:
    a = run("In the latest poll, the mayor led her rival by four points.")
    q = only(a, "the mayor led her rival")
    assert q.speaker_text == "the latest poll" and q.cue == "in" and q.cue_class == "according"
    b = run("In his eyes, the new law is a betrayal of the farmers.")
    assert only(b, "the new law is a betrayal").speaker_text == "his"
    c = run("By one estimate, 40,000 homes lost power during the storm.")
    assert only(c, "40,000 homes lost power").speaker_text == "one estimate"
    d = run("The council gave the land back in return for a new school.")
    assert d.quotes == []


def test_evidential_adjective_with_expletive_it(run: Callable[[str], Analysis]) -> None:
    a = run("It is clear that the plan failed.")
    q = only(a, "the plan failed")
    assert q.cue == "clear" and q.speaker_text is None and q.cue_class == "evidence"
    b = run("The minister made it clear that he would resign.")
    q = only(b, "he would resign")
    assert q.cue == "clear" and q.speaker_text == "The minister"
    c = run("The water in the bay was clear and cold that morning.")
    assert c.quotes == []


def test_plural_noun_before_a_subjectless_cue_speaks(run: Callable[[str], Analysis]) -> None:
    a = run("That is a small fraction of the minimum $20 million experts say it costs to run a campaign.")
    q = only(a, "it costs to run a campaign")
    assert q.cue == "say" and q.speaker_text == "experts"


def test_fronted_fragment_before_a_final_cue(pipeline: Pipeline) -> None:
    from spacy.tokens import Doc

    from eventwire.stages.quotes import _Finder
    from eventwire.stages.quotes_cues import cue_table

    # the parse the model gives a headline "Language unclear on …, experts say.": the fragment is a loose "dep"
    words = ["Rules", "unclear", "on", "whether", "nurses", "are", "covered", ",", "lawyers", "say", "."]
    spaces = [True, True, True, True, True, True, False, True, True, False, False]
    heads = [9, 0, 0, 6, 6, 6, 2, 9, 9, 9, 9]
    deps = ["dep", "amod", "prep", "mark", "nsubjpass", "auxpass", "pcomp", "punct", "nsubj", "ROOT", "punct"]
    pos = ["NOUN", "ADJ", "ADP", "SCONJ", "NOUN", "AUX", "VERB", "PUNCT", "NOUN", "VERB", "PUNCT"]
    lemmas = ["rule", "unclear", "on", "whether", "nurse", "be", "cover", ",", "lawyer", "say", "."]
    doc = Doc(pipeline.nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    finder = _Finder(doc, cue_table())
    finder.text = doc.text
    content = finder.content_of(doc[9], wide=True)
    assert content is not None and doc.text[content[0] : content[1]] == "Rules unclear on whether nurses are covered"
    assert finder.content_of(doc[9], wide=False) is None


def test_complain_class(run: Callable[[str], Analysis]) -> None:
    a = run("Parents protested the new funding formula.")
    q = only(a, "the new funding formula")
    assert q.cue == "protest" and q.speaker_text == "Parents"


def test_concessive_clause_with_its_own_speaker_is_not_reported_content(run: Callable[[str], Analysis]) -> None:
    a = run(
        "Governor Ana Tull said the long hours that come with public service sometimes erase the barriers that "
        "women face in private firms, though she noted clients are beginning to demand diverse legal teams."
    )
    said = only(a, "the long hours")
    assert "noted" not in said.text
    noted = only(a, "clients are beginning")
    assert noted.parent_id is None and noted.cue == "note" and noted.speaker_text == "she"


def test_consider_needs_a_clause_or_small_clause(run: Callable[[str], Analysis]) -> None:
    a = run("The senator considers the governor her political mentor.")
    q = only(a, "the governor her political mentor")
    assert q.cue == "consider" and q.speaker_text == "The senator" and q.cue_class == "belief"
    b = run("The council will consider the bill next week.")
    assert b.quotes == []


def test_subject_is_not_taken_from_inside_quoted_words(run: Callable[[str], Analysis]) -> None:
    a = run(
        'Mr. Hale hardly clarified the matter, treating the remark first as a compliment -- "That makes me smart" '
        '-- and, when questioned after the debate, asserting, "Of course, I pay my taxes."'
    )
    q = only(a, "I pay my taxes")
    assert q.cue == "assert" and q.speaker_text == "Mr. Hale"


def test_fronted_asked_participle_is_a_question_without_source(run: Callable[[str], Analysis]) -> None:
    a = run("Asked about the cause of the fire, the chief said it was too early to tell.")
    asked = only(a, "the cause of the fire")
    assert asked.cue == "ask" and asked.speaker_text is None and asked.confidence == 0.5
    said = only(a, "too early to tell")
    assert said.speaker_text == "the chief"


def test_quote_is_not_governed_by_a_verb_of_the_next_paragraph(pipeline: Pipeline) -> None:
    from spacy.tokens import Doc

    from eventwire.stages.quotes import _Finder
    from eventwire.stages.quotes_cues import cue_table

    # the parser hangs a paragraph-final quote on the next paragraph's "said" (as its ccomp)
    words = ['"', "We", "won", ".", '"', "\n\n", "Prices", "rose", ",", "Mr.", "Lee", "said", "."]
    spaces = [False, True, False, False, False, False, True, False, True, True, True, False, False]
    heads = [2, 2, 11, 2, 2, 4, 7, 11, 11, 10, 11, 11, 11]
    deps = ["punct", "nsubj", "ccomp", "punct", "punct", "dep", "nsubj", "ccomp", "punct", "compound", "nsubj"]
    deps += ["ROOT", "punct"]
    pos = ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "SPACE", "NOUN", "VERB", "PUNCT", "PROPN", "PROPN", "VERB"]
    pos += ["PUNCT"]
    lemmas = [w.lower() for w in words]
    lemmas[2], lemmas[7], lemmas[11] = "win", "rise", "say"
    doc = Doc(pipeline.nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    finder = _Finder(doc, cue_table())
    finder.text = doc.text
    assert finder.governing_cue(doc[1:4]) is None
