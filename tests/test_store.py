"""Store: schema, batched writes, idempotent re-runs, wire-copy linking, cross-article event dedup, queries, API."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from eventwire.api import StoredEvent, open_store
from eventwire.readers.errors import InputError
from eventwire.records import Analysis
from eventwire.store import connect
from eventwire.store.dedup import minhash, similarity
from eventwire.store.queries import EventFilter, dyad, select_events
from eventwire.store.schema import TABLES
from eventwire.store.writer import Processed, StoreWriter
from storefactory import Ev, make_analysis

BODY_A = (
    "Officials in Washington said the talks with Beijing lasted five hours and covered trade, export controls, "
    "fentanyl and the situation around Taiwan, and both delegations described them as candid and constructive."
)
BODY_B = (
    "Ministers from Paris and Berlin met in a castle north of the capital to discuss joint arms production, "
    "energy prices and the next steps in supporting Kyiv through the coming winter months."
)


def proc(analysis: Analysis) -> Processed:
    sig, n = minhash(analysis.article.text)
    return Processed(analysis=analysis, minhash=sig, n_shingles=n)


def writer() -> tuple[Any, StoreWriter]:
    con = connect(":memory:")
    w = StoreWriter(con)
    w.start_run(["test"])
    return con, w


def count(con: Any, table: str) -> int:
    assert table in TABLES
    return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_schema_has_every_documented_table() -> None:
    con = connect(":memory:")
    names = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    for t in ("articles", "actors", "mentions", "events", "event_mentions", "quotes", "places", "times", "sources"):
        assert t in names
    assert "errors" in names and "article_bands" in names


def test_write_batch_stores_every_record() -> None:
    con, w = writer()
    a = make_analysis(BODY_A, [Ev("USA", "CHN", "042", "Beijing"), Ev("CHN", "USA", "111")])
    result = w.write_batch([proc(a)])
    assert (result.articles, result.events_new, result.event_mentions) == (1, 2, 2)
    assert count(con, "articles") == 1 and count(con, "actors") == 2 and count(con, "places") == 1
    row = con.execute(
        "SELECT source_country, target_country, cameo, root, quad_class, place_name, num_mentions, num_articles "
        "FROM events WHERE cameo = '042'"
    ).fetchone()
    assert row == ("USA", "CHN", "042", "04", 1, "Beijing", 1, 1)
    ev = con.execute(
        "SELECT sentence_text, trigger_text, source_text, target_text, sentence_index FROM event_mentions "
        "WHERE local_id = 'E1'"
    ).fetchone()
    assert ev == ("United States acted towards China today.", "acted", "United States", "China", 1)


def test_exact_rerun_and_overlapping_batches_add_nothing_twice() -> None:
    con, w = writer()
    a = make_analysis(BODY_A, [Ev("USA", "CHN", "042")])
    b = make_analysis(BODY_B, [Ev("FRA", "DEU", "057", "Paris")])
    w.write_batch([proc(a)])
    again = w.write_batch([proc(a), proc(b), proc(b)])
    assert (again.articles, again.skipped) == (1, 2)
    assert count(con, "articles") == 2 and count(con, "events") == 2 and count(con, "event_mentions") == 2
    assert con.execute("SELECT max(num_mentions) FROM events").fetchone()[0] == 1


def test_cross_article_event_merge_counts_mentions_sources_articles() -> None:
    con, w = writer()
    same = [Ev("USA", "CHN", "042", "Beijing")]
    a = make_analysis(BODY_A, same, source="AP")
    b = make_analysis(BODY_B, same + same, source="Reuters")  # two mentions in one article
    c = make_analysis(BODY_B, [Ev("USA", "CHN", "042", "Paris")], source="AFP")  # other place: other event
    w.write_batch([proc(a)])
    w.write_batch([proc(b), proc(c)])
    rows = con.execute(
        "SELECT place_name, num_mentions, num_sources, num_articles FROM events ORDER BY place_name"
    ).fetchall()
    assert rows == [("Beijing", 3, 2, 2), ("Paris", 1, 1, 1)]
    beijing = con.execute("SELECT id FROM events WHERE place_name = 'Beijing'").fetchone()[0]
    articles = con.execute(
        "SELECT count(DISTINCT article_id), count(*) FROM event_mentions WHERE event_id = ?", [beijing]
    ).fetchone()
    assert articles == (2, 3)


def test_different_date_or_modality_is_a_different_event() -> None:
    con, w = writer()
    a = make_analysis(BODY_A, [Ev("USA", "CHN", "042", date="2024-04-25")])
    b = make_analysis(BODY_B, [Ev("USA", "CHN", "042", date="2024-04-26"), Ev("USA", "CHN", "042", modality="negated")])
    w.write_batch([proc(a), proc(b)])
    assert count(con, "events") == 3


def test_wire_copies_are_linked_and_counted_once() -> None:
    con, w = writer()
    events = [Ev("USA", "CHN", "042", "Beijing")]
    original = make_analysis(BODY_A, events, source="Wire", url="https://wire.example/1")
    copy1 = make_analysis("WASHINGTON (Wire) — " + BODY_A + " Reporting by staff.", events, source="Daily")
    copy2 = make_analysis(BODY_A + " The Daily Planet contributed.", events, source="Planet")
    other = make_analysis(BODY_B, events, source="Other")
    assert similarity(proc(original).minhash, proc(copy1).minhash) > 0.5
    assert similarity(proc(original).minhash, proc(other).minhash) < 0.2
    w.write_batch([proc(original)])
    res = w.write_batch([proc(copy1), proc(copy2), proc(other)])
    assert res.duplicates == 2
    links = dict(con.execute("SELECT source, duplicate_of FROM articles").fetchall())
    assert links == {"Wire": None, "Daily": original.article.id, "Planet": original.article.id, "Other": None}
    clusters = con.execute("SELECT count(DISTINCT cluster_id) FROM articles").fetchone()[0]
    assert clusters == 2
    row = con.execute("SELECT num_mentions, num_sources, num_articles, num_copies FROM events").fetchone()
    assert row == (2, 2, 2, 2)  # original cluster + independent article; two copies linked, not counted


def test_copies_within_one_batch_are_linked() -> None:
    con, w = writer()
    a = make_analysis(BODY_A, [], source="One")
    b = make_analysis("BEIJING — " + BODY_A, [], source="Two")
    w.write_batch([proc(a), proc(b)])
    assert con.execute("SELECT duplicate_of FROM articles WHERE source = 'Two'").fetchone()[0] == a.article.id


def test_errors_are_recorded_once_per_record() -> None:
    con, w = writer()
    bad = [Processed(analysis=None, error=InputError("x.jsonl", "not valid JSON", line=3))]
    w.write_batch(bad)
    w.write_batch(bad)
    w.write_batch([Processed(analysis=None, error=InputError("y.txt", "empty input"))])
    assert con.execute("SELECT origin, line, reason FROM errors ORDER BY origin").fetchall() == [
        ("x.jsonl", 3, "not valid JSON"),
        ("y.txt", None, "empty input"),
    ]


def test_failed_batch_rolls_back_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    con, w = writer()
    a = make_analysis(BODY_A, [Ev("USA", "CHN", "042")])
    real_insert = w._insert

    def failing_insert(table: str, rows: list[dict[str, Any]]) -> None:
        if table == "event_mentions":
            raise RuntimeError("disk full")
        real_insert(table, rows)

    monkeypatch.setattr(w, "_insert", failing_insert)
    with pytest.raises(RuntimeError, match="disk full"):
        w.write_batch([proc(a)])
    assert count(con, "articles") == 0 and count(con, "events") == 0 and count(con, "actors") == 0


def fill(con: Any, w: StoreWriter) -> None:
    w.write_batch(
        [
            proc(make_analysis(BODY_A, [Ev("USA", "CHN", "042", "Beijing"), Ev("CHN", "USA", "130")], "2024-01-10")),
            proc(make_analysis(BODY_B, [Ev("USA", "CHN", "190")], "2024-02-03")),
            proc(make_analysis(BODY_B + " More.", [Ev("RUS", "UKR", "190", "Kyiv")], "2024-02-04")),
        ]
    )


def test_event_filters_run_in_sql() -> None:
    con, w = writer()
    fill(con, w)

    def codes(**kw: Any) -> list[str]:
        return sorted(r[8] for r in select_events(con, EventFilter(**kw)).fetchall())

    assert codes(source_country="usa") == ["042", "190"]
    assert codes(target_country="USA") == ["130"]
    assert codes(root="13") == ["130"]
    assert codes(quad=4) == ["190", "190"]
    assert codes(code="042") == ["042"]
    assert codes(actor="ukra") == ["190"]
    assert codes(since=dt.date(2024, 2, 1), until=dt.date(2024, 2, 3)) == ["190"]
    assert len(codes(limit=1)) == 1
    assert codes(actor="%") == []  # LIKE wildcards in values are literal


def test_dyad_by_month_counts_quads_and_goldstein() -> None:
    con, w = writer()
    fill(con, w)
    rows = dyad(con, "USA", "CHN", by="month")
    assert [(r.period, r.events, r.quad1, r.quad3, r.quad4) for r in rows] == [
        (dt.date(2024, 1, 1), 2, 1, 1, 0),
        (dt.date(2024, 2, 1), 1, 0, 0, 1),
    ]
    assert rows[0].goldstein_sum == pytest.approx(1.9 - 4.4)
    assert rows[0].goldstein_mean == pytest.approx((1.9 - 4.4) / 2)
    directed = dyad(con, "USA", "CHN", by="month", directed=True)
    assert [r.events for r in directed] == [1, 1]
    with pytest.raises(ValueError, match="unknown period"):
        dyad(con, "USA", "CHN", by="fortnight; DROP TABLE events")


def test_python_api_records_and_dataframe(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    con = connect(db)
    w = StoreWriter(con)
    w.start_run(["t"])
    fill(con, w)
    con.close()
    with open_store(db) as store:
        evs = store.events(source_country="USA", root="19")
        assert isinstance(evs, list) and isinstance(evs[0], StoredEvent)
        assert [(e.source_name, e.target_name, e.cameo) for e in evs] == [("United States", "China", "190")]
        df = store.events(as_frame=True, quad=4)
        assert sorted(df["target_country"]) == ["CHN", "UKR"]
        assert store.mentions(evs[0].id)[0]["sentence_text"].startswith("United States acted")
        assert [p.events for p in store.dyad("USA", "CHN", by="month")] == [2, 1]
        assert store.count("articles") == 3
        with pytest.raises(TypeError, match="unknown event filter"):
            store.events(colour="red")


def test_every_record_field_has_a_store_column() -> None:
    """A field added to a record must be added to the store schema too (else ingest would fail)."""
    from eventwire import records
    from eventwire.store.schema import columns

    models: dict[str, type[records.Record]] = {
        "actors": records.Actor,
        "mentions": records.Mention,
        "quotes": records.Quote,
        "times": records.TimeExpression,
        "places": records.Place,
        "sources": records.Source,
    }
    for table, model in models.items():
        fields = set(model.model_fields) | set(model.model_computed_fields)
        missing = fields - set(columns(table))
        assert not missing, f"store table {table!r} lacks columns for record fields {sorted(missing)}"
