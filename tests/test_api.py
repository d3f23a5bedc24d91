"""The web API in-process (FastAPI TestClient) over small stores built from hand-made analyses."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventwire.pipeline import Pipeline
from eventwire.records import (
    Actor,
    Analysis,
    Argument,
    Article,
    Event,
    Mention,
    Place,
    Quote,
    Source,
    Spanned,
    TimeExpression,
)
from eventwire.store import connect
from eventwire.store.dedup import minhash
from eventwire.store.writer import Processed, StoreWriter
from eventwire.web import create_app

TOKEN = "test-token-0123456789"


def _span(text: str, part: str, nth: int = 0) -> dict[str, object]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return {"start": start, "end": start + len(part), "text": part}


COUNTRY = {"Blinken": "USA", "Wang": "CHN", "Lavrov": "RUS", "Kuleba": "UKR"}


def make_analysis(
    text: str,
    published: dt.date,
    title: str,
    events: list[tuple[str, str, str, str, str, int, float, str]],
    quote: str | None = None,
) -> Analysis:
    """An analysis with one actor per surname in COUNTRY found in the text, and the given events.

    Each event is (source surname, trigger word, target surname, cameo, name, quad, goldstein, modality).
    """
    art = Article.from_text(text, published=published, title=title, source="Test Wire")
    actors, mentions = [], []
    for i, (surname, country) in enumerate(COUNTRY.items()):
        if surname in text:
            aid = f"A{i}"
            actors.append(Actor(id=aid, name=surname, kind="person", country=country, sectors=["GOV"], confidence=0.9))
            mentions.append(Mention(**_span(text, surname), actor_id=aid, kind="name", sentence=0))
    ids = {a.name: a.id for a in actors}
    evs = []
    for n, (src, trig, tgt, cameo, name, quad, gold, modality) in enumerate(events):
        sentence_end = text.index(".", text.index(trig)) + 1
        sentence_start = text.rfind(". ", 0, text.index(trig))
        sentence_start = 0 if sentence_start < 0 else sentence_start + 2
        evs.append(
            Event(
                id=f"E{n + 1}",
                source=Argument(**_span(text, src), actor_id=ids[src], code=COUNTRY[src] + "GOV"),
                target=Argument(**_span(text, tgt), actor_id=ids[tgt], code=COUNTRY[tgt] + "GOV"),
                cameo=cameo,
                cameo_name=name,
                root=cameo[:2],
                goldstein=gold,
                quad_class=quad,
                modality=modality,
                trigger=Spanned(**_span(text, trig)),
                sentence=Spanned(start=sentence_start, end=sentence_end, text=text[sentence_start:sentence_end]),
                confidence=0.8,
                date=published.isoformat(),
                place_id="P1" if "Beijing" in text[sentence_start:sentence_end] else None,
            )
        )
    quotes = []
    if quote:
        quotes.append(Quote(**_span(text, quote), id="Q1", kind="direct", speaker_actor_id=actors[-1].id))
    times = [TimeExpression(**_span(text, "Friday"), id="T1", type="DATE", value=published.isoformat())]
    places = []
    if "Beijing" in text:
        places.append(
            Place(
                **_span(text, "Beijing"),
                id="P1",
                name="Beijing",
                geonames_id=1816670,
                latitude=39.9,
                longitude=116.4,
                country_code="CN",
                cameo_country="CHN",
            )
        )
    return Analysis(
        article=art, actors=actors, mentions=mentions, quotes=quotes, times=times, places=places, events=evs
    )


def corpus() -> list[Analysis]:
    """Three hand-made articles: USA–CHN in March and May 2024 (none in April), RUS→UKR in May."""
    a1 = make_analysis(
        'Blinken met Wang in Beijing on Friday. Wang praised Blinken. "Ties are stable," Wang said.',
        dt.date(2024, 3, 8),
        "Talks in Beijing",
        [
            ("Blinken", "met", "Wang", "042", "Make a visit", 1, 1.9, "asserted"),
            ("Wang", "praised", "Blinken", "051", "Praise or endorse", 1, 3.4, "asserted"),
        ],
        quote="Ties are stable,",
    )
    a2 = make_analysis(
        "Wang accused Blinken of meddling on Friday. Blinken will sanction Wang next month.",
        dt.date(2024, 5, 10),
        "Accusations fly",
        [
            ("Wang", "accused", "Blinken", "112", "Accuse", 3, -2.0, "asserted"),
            ("Blinken", "sanction", "Wang", "163", "Impose embargo, boycott, or sanctions", 4, -8.0, "future"),
        ],
    )
    a3 = make_analysis(
        "Lavrov threatened Kuleba on Friday. Kuleba rejected the demand.",
        dt.date(2024, 5, 17),
        "Threats",
        [
            ("Lavrov", "threatened", "Kuleba", "130", "Threaten", 3, -4.4, "asserted"),
            ("Kuleba", "rejected", "Lavrov", "120", "Reject", 3, -4.0, "asserted"),
        ],
    )
    return [a1, a2, a3]


def build_store(path: Path, analyses: list[Analysis]) -> None:
    """Write analyses into a store through the store's own writer."""
    con = connect(path)
    try:
        processed = []
        for a in analyses:
            signature, n = minhash(a.article.text)
            processed.append(Processed(analysis=a, minhash=signature, n_shingles=n))
        StoreWriter(con).write_batch(processed)
    finally:
        con.close()


@pytest.fixture(scope="module")
def analyses() -> list[Analysis]:
    return corpus()


@pytest.fixture(scope="module")
def client(
    tmp_path_factory: pytest.TempPathFactory, analyses: list[Analysis], pipeline: Pipeline
) -> Iterator[TestClient]:
    """A read-only server (no token) over the hand-made store."""
    path = tmp_path_factory.mktemp("api") / "store.duckdb"
    build_store(path, analyses)
    with TestClient(create_app(path, pipeline=pipeline)) as c:
        yield c


@pytest.fixture()
def writable(tmp_path: Path, pipeline: Pipeline) -> Iterator[TestClient]:
    """A server with a write token over a fresh empty store."""
    with TestClient(create_app(tmp_path / "w.duckdb", token=TOKEN, pipeline=pipeline)) as c:
        yield c


def _message(r: object) -> str:
    body = r.json()  # type: ignore[attr-defined]
    return str(body.get("message") or body.get("detail"))


# -- meta, dashboard, OpenAPI ---------------------------------------------------------------


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    for p in [
        "/extract",
        "/extract/view",
        "/articles",
        "/events",
        "/events/{event_id}",
        "/dyads/{a}/{b}/timeline",
        "/actors",
        "/articles/{article_id}",
        "/articles/{article_id}/view",
        "/network",
        "/timeline",
        "/export",
        "/info",
    ]:
        assert p in paths, p
    assert "HTTPBearer" in json.dumps(spec["components"]["securitySchemes"])


def test_dashboard_is_served_with_only_local_assets(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert 'src="static/app.js"' in page.text
    for asset in ["static/app.js", "static/app.css", "static/vendor/uplot/uPlot.iife.min.js",
                  "static/vendor/cytoscape/cytoscape.min.js", "static/vendor/uplot/uPlot.min.css"]:  # fmt: skip
        assert asset in page.text
        assert client.get("/" + asset).status_code == 200, asset
    for own in ["/", "/static/app.js", "/static/app.css"]:
        body = client.get(own).text
        assert "http://" not in body and "https://" not in body, f"{own} refers to a remote URL"


def test_info_summarises_the_store(client: TestClient) -> None:
    info = client.get("/info").json()
    assert info["articles"] == 3 and info["events"] == 6
    assert info["writes_enabled"] is False
    assert {c["code"] for c in info["countries"]} == {"USA", "CHN", "RUS", "UKR"}
    assert set(info["export_formats"]) == {"csv", "gdelt", "plover", "geojson"}


# -- events ---------------------------------------------------------------------------------


def test_events_filters(client: TestClient) -> None:
    def ids(**params: object) -> list[str]:
        r = client.get("/events", params=params)
        assert r.status_code == 200, r.text
        return [e["cameo"] for e in r.json()["items"]]

    assert len(ids()) == 6
    assert sorted(ids(source_country="USA")) == ["042", "163"]
    assert sorted(ids(source_country="usa", target_country="CHN")) == ["042", "163"]
    assert sorted(ids(country="UKR")) == ["120", "130"]
    assert sorted(ids(pair="CHN,USA")) == ["042", "051", "112", "163"]
    assert ids(root="16") == ["163"]
    assert ids(code="130") == ["130"]
    assert sorted(ids(quad=3)) == ["112", "120", "130"]
    assert ids(modality="future") == ["163"]
    assert sorted(ids(since="2024-05-01", until="2024-05-12")) == ["112", "163"]
    assert sorted(ids(actor="lavrov")) == ["120", "130"]
    assert ids(actor="x' OR 1=1 --") == []  # a value, never SQL
    assert ids(actor="%") == []  # wildcards in the value are literal


def test_events_pagination_and_sorting(client: TestClient) -> None:
    first = client.get("/events", params={"sort": "goldstein", "limit": 2}).json()
    assert first["total"] == 6 and first["limit"] == 2 and first["offset"] == 0
    assert [e["goldstein"] for e in first["items"]] == [-8.0, -4.4]
    second = client.get("/events", params={"sort": "goldstein", "limit": 2, "offset": 2}).json()
    assert [e["goldstein"] for e in second["items"]] == [-4.0, -2.0]
    last = client.get("/events", params={"sort": "goldstein", "limit": 2, "offset": 6}).json()
    assert last["items"] == [] and last["total"] == 6
    desc = client.get("/events", params={"sort": "-date"}).json()["items"]
    dates = [e["date"] for e in desc]
    assert dates == sorted(dates, reverse=True)
    assert all(isinstance(e["id"], str) and e["id"].isdigit() for e in desc)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"quad": 5}, "quad"),
        ({"since": "last week"}, "since"),
        ({"source_country": "U1S"}, "source_country"),
        ({"root": "21"}, "root"),
        ({"sort": "id; DROP TABLE events"}, "sort"),
        ({"limit": 0}, "limit"),
        ({"limit": 100000}, "limit"),
        ({"offset": -1}, "offset"),
        ({"modality": "maybe"}, "modality"),
        ({"pair": "USA"}, "pair"),
    ],
)
def test_events_bad_parameters_get_422_with_message(client: TestClient, params: dict[str, object], field: str) -> None:
    r = client.get("/events", params=params)
    assert r.status_code == 422
    assert field in r.json()["message"]


def test_since_after_until_is_422(client: TestClient) -> None:
    r = client.get("/events", params={"since": "2024-06-01", "until": "2024-05-01"})
    assert r.status_code == 422 and "after" in _message(r)


def test_event_detail_has_every_mention_with_evidence(client: TestClient, analyses: list[Analysis]) -> None:
    item = client.get("/events", params={"code": "042"}).json()["items"][0]
    detail = client.get(f"/events/{item['id']}").json()
    assert detail["cameo"] == "042" and detail["source_name"] == "Blinken"
    (m,) = detail["mentions"]
    text = analyses[0].article.text
    assert m["article_id"] == analyses[0].article.id
    assert text[m["trigger_start"] : m["trigger_end"]] == "met" == m["trigger_text"]
    assert m["sentence_text"].startswith("Blinken met Wang")
    assert m["article_title"] == "Talks in Beijing"
    assert client.get("/events/12345").status_code == 404
    assert client.get("/events/not-a-number").status_code == 422


# -- dyads, timelines, actors, network ------------------------------------------------------


def test_dyad_timeline_by_month_fills_gaps(client: TestClient) -> None:
    tl = client.get("/dyads/USA/CHN/timeline", params={"by": "month"}).json()
    periods = tl["periods"]
    assert [p["period"] for p in periods] == ["2024-03-01", "2024-04-01", "2024-05-01"]
    march, april, may = periods
    assert march["events"] == 2 and march["quad"] == [2, 0, 0, 0]
    assert march["goldstein_mean"] == pytest.approx((1.9 + 3.4) / 2, abs=1e-3)
    assert april["events"] == 0 and april["goldstein_mean"] is None
    assert may["quad"] == [0, 0, 1, 1] and may["goldstein_sum"] == pytest.approx(-10.0)
    assert may["end"] == "2024-05-31"
    directed = client.get("/dyads/USA/CHN/timeline", params={"by": "month", "directed": True}).json()
    assert sum(p["events"] for p in directed["periods"]) == 2


def test_dyad_timeline_bad_parameters(client: TestClient) -> None:
    assert client.get("/dyads/USA/CHN/timeline", params={"by": "fortnight"}).status_code == 422
    r = client.get("/dyads/US1/CHN/timeline")
    assert r.status_code == 422 and "a:" in r.json()["message"]
    assert client.get("/dyads/USA/RUS/timeline").json()["periods"] == []


def test_actor_timeline(client: TestClient) -> None:
    tl = client.get("/timeline", params={"actor": "Kuleba", "by": "day"}).json()
    assert [(p["period"], p["events"]) for p in tl["periods"]] == [("2024-05-17", 2)]


def test_actors_search(client: TestClient) -> None:
    page = client.get("/actors", params={"q": "wang"}).json()
    assert page["total"] == 1
    (wang,) = page["items"]
    assert wang["name"] == "Wang" and wang["code"] == "CHNGOV" and wang["articles"] == 2 and wang["events"] == 4
    assert client.get("/actors").json()["total"] == 4
    assert client.get("/actors", params={"limit": 1, "offset": 1}).json()["items"][0]["name"] in COUNTRY
    assert client.get("/actors", params={"q": "x" * 500}).status_code == 422


def test_network_edges_split_cooperation_and_conflict(client: TestClient) -> None:
    net = client.get("/network").json()
    assert {n["id"] for n in net["nodes"]} == set(COUNTRY)
    edges = {(e["source"], e["target"]): e for e in net["edges"]}
    assert edges[("Blinken", "Wang")]["events"] == 2
    assert edges[("Blinken", "Wang")]["cooperation"] == 1 and edges[("Blinken", "Wang")]["conflict"] == 1
    assert edges[("Lavrov", "Kuleba")]["conflict"] == 1
    countries = client.get("/network", params={"node": "country", "quad": 3}).json()
    assert {(e["source"], e["target"]) for e in countries["edges"]} == {("CHN", "USA"), ("RUS", "UKR"), ("UKR", "RUS")}
    assert client.get("/network", params={"node": "sql"}).status_code == 422


# -- articles --------------------------------------------------------------------------------


def test_article_round_trips_from_the_store(client: TestClient, analyses: list[Analysis]) -> None:
    original = analyses[0]
    r = client.get(f"/articles/{original.article.id}")
    assert r.status_code == 200
    body = r.json()
    for actor in body["actors"]:
        assert actor.pop("code") == (actor["country"] or "") + (actor["sectors"][0] if actor["sectors"] else "")
    stored = Analysis.model_validate(body)
    assert stored.article.text == original.article.text
    assert [a.name for a in stored.actors] == [a.name for a in original.actors]
    assert [(m.start, m.end) for m in stored.mentions] == [(m.start, m.end) for m in original.mentions]
    assert [(e.cameo, e.trigger.text, e.source and e.source.text) for e in stored.events] == [
        (e.cameo, e.trigger.text, e.source and e.source.text) for e in original.events
    ]
    assert stored.quotes[0].text == "Ties are stable,"
    assert stored.places[0].geonames_id == 1816670


def _with_evidence_and_cues(analysis: Analysis) -> Analysis:
    """The analysis with actor evidence notes, a quote cue with offsets and class, and a provenance source."""
    text = analysis.article.text
    actors = [a.model_copy(update={"evidence": [f"table row {a.name}", "title before name"]}) for a in analysis.actors]
    said = text.index("said")
    quotes = [
        q.model_copy(update={"cue": "say", "cue_start": said, "cue_end": said + 4, "cue_class": "speech"})
        for q in analysis.quotes
    ]
    sources = [Source(**_span(text, "Wang", 2), id="S1", name="Wang", role="cited", order=1, actor_id="A1", cue="say")]
    return analysis.model_copy(update={"actors": actors, "quotes": quotes, "sources": sources})


def test_article_keeps_actor_evidence_and_quote_cues_through_the_store(
    tmp_path: Path, analyses: list[Analysis], pipeline: Pipeline
) -> None:
    """Every stored record field comes back: actor evidence, quote cue offsets and cue class included."""
    original = _with_evidence_and_cues(analyses[0])
    assert original.quotes and original.quotes[0].cue_class == "speech"
    path = tmp_path / "cues.duckdb"
    build_store(path, [original])
    with TestClient(create_app(path, pipeline=pipeline)) as c:
        stored = Analysis.model_validate(c.get(f"/articles/{original.article.id}").json())  # drops derived code
    assert stored.actors == original.actors
    assert stored.actors[0].evidence == ["table row Blinken", "title before name"]
    assert stored.quotes == original.quotes
    assert (stored.quotes[0].cue_start, stored.quotes[0].cue_end, stored.quotes[0].cue_class) == (
        original.article.text.index("said"),
        original.article.text.index("said") + 4,
        "speech",
    )
    for field in ("mentions", "times", "places", "sources"):
        assert getattr(stored, field) == getattr(original, field), field
    assert stored.sentences == []  # sentences are not stored


def test_stored_nulls_take_the_record_defaults(tmp_path: Path, analyses: list[Analysis], pipeline: Pipeline) -> None:
    """NULL in a column whose field has a default (a store from before the column existed) gives the default."""
    original = _with_evidence_and_cues(analyses[0])
    path = tmp_path / "old.duckdb"
    build_store(path, [original])
    con = connect(path)
    try:
        con.execute("UPDATE actors SET evidence = NULL, sectors = NULL, role_status = NULL")
        con.execute("UPDATE quotes SET confidence = NULL, cue_class = NULL")
    finally:
        con.close()
    with TestClient(create_app(path, pipeline=pipeline)) as c:
        body = c.get(f"/articles/{original.article.id}").json()
    assert [(a["evidence"], a["sectors"], a["role_status"]) for a in body["actors"]] == [
        ([], [], "unknown") for _ in original.actors
    ]
    assert body["quotes"][0]["confidence"] == 1.0 and body["quotes"][0]["cue_class"] is None
    assert body["quotes"][0]["cue_start"] == original.quotes[0].cue_start


def test_article_view_highlights_every_record_type(client: TestClient, analyses: list[Analysis]) -> None:
    view = client.get(f"/articles/{analyses[0].article.id}/view").json()
    html = view["html"]
    for cls in ["ew-actor", "ew-trigger", "ew-arg", "ew-quote", "ew-time", "ew-place"]:
        assert cls in html, cls
    assert view["stored"] is True and set(view["event_ids"]) == {"E1", "E2"}
    event = client.get(f"/events/{view['event_ids']['E1']}").json()
    assert event["cameo"] == "042"


def test_article_list_and_errors(client: TestClient) -> None:
    page = client.get("/articles", params={"limit": 2}).json()
    assert page["total"] == 3 and len(page["items"]) == 2
    assert page["items"][0]["published"] == "2024-05-17"  # newest first
    assert client.get("/articles", params={"q": "beijing"}).json()["items"][0]["title"] == "Talks in Beijing"
    assert client.get("/articles/0123456789abcdef").status_code == 404
    assert client.get("/articles/nothex").status_code == 422


# -- exports ---------------------------------------------------------------------------------


def test_export_formats(client: TestClient) -> None:
    r = client.get("/export", params={"format": "csv", "source_country": "USA"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(r.text)))
    assert rows[0][:2] == ["id", "date"] and len(rows) == 3
    assert "attachment" in r.headers["content-disposition"]

    r = client.get("/export", params={"format": "gdelt"})
    lines = [ln for ln in r.text.split("\n") if ln]
    assert len(lines) == 6 and all(len(ln.split("\t")) == 61 for ln in lines)

    r = client.get("/export", params={"format": "plover", "quad": 3})
    records = [json.loads(ln) for ln in r.text.splitlines() if ln.strip()]
    assert len(records) == 3

    r = client.get("/export", params={"format": "geojson"})
    geo = r.json()
    assert geo["type"] == "FeatureCollection"
    assert [f["geometry"]["coordinates"] for f in geo["features"]] == [[116.4, 39.9]]

    assert client.get("/export", params={"format": "xml"}).status_code == 422
    assert client.get("/export", params={"format": "parquet"}).status_code == 422


# -- writes, auth, limits ------------------------------------------------------------------------


def test_writes_disabled_without_a_token(client: TestClient) -> None:
    r = client.post("/articles", json={"text": "Blinken met Wang."})
    assert r.status_code == 403
    assert "--token" in _message(r)


def test_wrong_or_missing_token_is_401(writable: TestClient) -> None:
    body = {"text": "Blinken met Wang in Beijing."}
    r = writable.post("/articles", json=body)
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    r = writable.post("/articles", json=body, headers={"Authorization": "Bearer nope"})
    assert r.status_code == 401
    r = writable.post("/articles", json=body, headers={"Authorization": f"Basic {TOKEN}"})
    assert r.status_code == 401
    assert writable.get("/info").json()["articles"] == 0


def test_post_articles_ingests_one_and_many(writable: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    one = {
        "text": "Chinese Foreign Minister Wang Yi met U.S. Secretary of State Antony Blinken in Beijing on Friday.",
        "published": "2024-04-26",
        "source": "Test Wire",
        "title": "Blinken in Beijing",
    }
    r = writable.post("/articles", json=one, headers=auth)
    assert r.status_code == 200, r.text
    res = r.json()
    assert res["added"] == 1 and res["skipped"] == 0 and res["errors"] == []
    (aid,) = res["ids"]
    stored = writable.get(f"/articles/{aid}").json()
    assert stored["article"]["title"] == "Blinken in Beijing" and stored["article"]["published"] == "2024-04-26"
    assert stored["actors"], "the pipeline's actors were stored"

    many = {
        "articles": [
            one,
            {
                "text": "Russia and Ukraine exchanged prisoners on Tuesday, officials in Kyiv said.",
                "published": "2024-05-01",
            },
            {"text": "Ceci n'est pas un article en anglais, mais un texte écrit en français pour le test."},
        ]
    }
    r = writable.post("/articles", json=many, headers=auth)
    assert r.status_code == 200, r.text
    res = r.json()
    assert res["added"] == 1 and res["skipped"] == 1
    assert len(res["errors"]) == 1 and "not English" in res["errors"][0]
    assert writable.get("/info").json()["articles"] == 2
    assert writable.post("/articles", json={"articles": []}, headers=auth).status_code == 422
    assert writable.post("/articles", json={"text": ""}, headers=auth).status_code == 422


def test_body_over_the_limit_is_413(tmp_path: Path, pipeline: Pipeline) -> None:
    app = create_app(tmp_path / "l.duckdb", token=TOKEN, max_body_bytes=2000, pipeline=pipeline)
    with TestClient(app) as c:
        big = {"text": "word " * 1000}
        r = c.post("/extract", json=big)
        assert r.status_code == 413 and "2000" in _message(r)
        r = c.post("/articles", json=big, headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 413

        def chunks() -> Iterator[bytes]:  # streamed without Content-Length
            yield b'{"text": "'
            for _ in range(100):
                yield b"x" * 100
            yield b'"}'

        r = c.post("/extract", content=chunks(), headers={"Content-Type": "application/json"})
        assert r.status_code == 413
        assert c.post("/extract", json={"text": "Blinken met Wang in Beijing on Friday."}).status_code == 200


# -- extract -------------------------------------------------------------------------------------


def test_extract_returns_the_analysis_without_storing(client: TestClient) -> None:
    text = "U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing on Friday."
    r = client.post("/extract", json={"text": text, "published": "2024-04-26", "source": "Test Wire"})
    assert r.status_code == 200, r.text
    body = r.json()
    for actor in body["actors"]:
        actor.pop("code")  # computed field: serialised, not accepted back
    analysis = Analysis.model_validate(body)
    assert analysis.article.text == text and analysis.article.published == dt.date(2024, 4, 26)
    assert analysis.article.source == "Test Wire"
    assert any("Blinken" in a.name for a in analysis.actors)
    view = client.post("/extract/view", json={"text": text}).json()
    assert view["stored"] is False and "ew-actor" in view["html"]
    assert client.get("/info").json()["articles"] == 3  # nothing stored


def test_extract_bad_input(client: TestClient) -> None:
    assert client.post("/extract", json={}).status_code == 422
    assert client.post("/extract", json={"text": "x", "published": "yesterday"}).status_code == 422
    assert client.post("/extract", json={"text": "x", "colour": "red"}).status_code == 422
    r = client.post("/extract", content=b"{not json", headers={"Content-Type": "application/json"})
    assert r.status_code == 422
    r = client.post(
        "/extract", json={"text": "Dies ist kein englischer Text, sondern ein deutscher Satz für den Test."}
    )
    assert r.status_code == 422 and "not English" in _message(r)


def test_events_without_a_target_are_not_network_nodes(tmp_path: Path) -> None:
    one = make_analysis(
        "Wang praised Blinken on Friday. Blinken travelled on.",
        dt.date(2024, 6, 7),
        "One-sided",
        [("Wang", "praised", "Blinken", "051", "Praise or endorse", 1, 3.4, "asserted")],
    )
    lone = one.events[0].model_copy(update={"id": "E2", "target": None, "cameo": "010", "root": "01"})
    build_store(tmp_path / "n.duckdb", [one.model_copy(update={"events": [*one.events, lone]})])
    with TestClient(create_app(tmp_path / "n.duckdb")) as c:
        assert c.get("/events").json()["total"] == 2
        net = c.get("/network").json()
        assert {n["id"] for n in net["nodes"]} == {"Wang", "Blinken"}
        assert all(n["id"] for n in net["nodes"])


def test_serve_command_is_registered_and_binds_loopback_by_default() -> None:
    from typer.testing import CliRunner

    from eventwire.cli import app
    from eventwire.cli.serve import _is_loopback

    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0 and "127.0.0.1" in result.output and "EVENTWIRE_TOKEN" in result.output
    assert _is_loopback("127.0.0.1") and _is_loopback("::1") and _is_loopback("localhost")
    assert not _is_loopback("0.0.0.0") and not _is_loopback("192.0.2.1")
