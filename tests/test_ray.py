"""The Ray Data engine on the example corpus: same events as the local engine, errors dataset, no duplicates on
re-run or after a crash, and ``load`` gives the store local ingest gives.

One local Ray instance (2 CPUs, no dashboard, small object store) serves the whole module.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
ray = pytest.importorskip("ray", reason="Ray is not installed (pip install -e '.[ray]'); the Ray engine is untested")

from eventwire.engines.ray_engine import ingest_ray  # noqa: E402
from eventwire.ingest import ingest  # noqa: E402
from eventwire.parquet_dataset import ingest_to_parquet, load, open_dataset  # noqa: E402
from eventwire.store import connect  # noqa: E402

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"

# What identifies an event report and its evidence (times of the run are left out).
EVENT_SQL = """
SELECT e.id, e.date, e.source_code, e.target_code, e.cameo, e.root, e.quad_class, e.goldstein, e.modality,
       e.source_name, e.target_name, e.place_key, m.article_id, m.local_id, m.sentence_start, m.sentence_end,
       m.trigger_start, m.trigger_end, m.trigger_text, m.source_text, m.target_text, m.rule
FROM events e JOIN event_mentions m ON m.event_id = e.id ORDER BY ALL
"""
# Store tables and the columns that legitimately differ between runs (run ids and wall-clock times).
VOLATILE = {"articles": ("run_id", "ingested_at"), "events": ("first_seen",), "errors": ("run_id", "seen_at")}
COMPARED = ("articles", "actors", "mentions", "quotes", "times", "places", "sources", "events", "event_mentions")


@pytest.fixture(scope="module")
def ray_cluster() -> Iterator[None]:
    """One quiet local Ray instance for the module."""
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        object_store_memory=200 * 1024 * 1024,
        logging_level="WARNING",
        ignore_reinit_error=True,
    )
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory, ray_cluster: None) -> dict[str, Any]:
    """The example corpus through local ingest (DuckDB), the local engine into Parquet and the Ray engine."""
    root = tmp_path_factory.mktemp("ray")
    corpus = root / "corpus"
    shutil.copytree(CORPUS, corpus)
    write_parquet_input(corpus / "extra.parquet")
    local_db = root / "local.duckdb"
    local = ingest([corpus], local_db)
    local_pq = ingest_to_parquet([corpus], root / "local-parquet")
    out = root / "ray-parquet"
    first = ingest_ray([corpus], out, workers=2, batch_size=4)
    return {
        "root": root,
        "corpus": corpus,
        "local_db": local_db,
        "local": local,
        "local_pq": local_pq,
        "out": out,
        "ray": first,
    }


def write_parquet_input(path: Path) -> None:
    """A Parquet corpus file (input format shared by both engines): one good row, one with empty text."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    text = (
        "Kenya and Egypt signed an agreement on sharing the waters of the Nile in Nairobi on Monday, officials said. "
        "The foreign minister of Kenya met her Egyptian counterpart to discuss the dam and irrigation projects. "
        "Egypt praised Kenya for its help with the negotiations, a government spokesman told reporters."
    )
    table = pa.table({"text": [text, "  "], "date": ["2024-03-11", "2024-03-12"], "source": ["Parquet Wire", None]})
    pq.write_table(table, path)


def rows(con: Any, sql: str) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in con.execute(sql).fetchall()]


def table_rows(con: Any, table: str) -> list[tuple[Any, ...]]:
    cols = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall() if r[0] not in VOLATILE.get(table, ())]
    cols = [c for c in cols if c not in ("analysis", "ew_run", "ew_file", "ew_record")]
    sql = "SELECT " + ", ".join(f'"{c}"' for c in cols) + f" FROM {table}"
    return sorted((tuple(r) for r in con.execute(sql).fetchall()), key=repr)


def test_ray_events_identical_to_local_engine(runs: dict[str, Any]) -> None:
    assert runs["ray"].articles == runs["local"].articles == 15
    store = connect(runs["local_db"], read_only=True)
    dataset = open_dataset(runs["out"])
    try:
        local_events = rows(store, EVENT_SQL)
        ray_events = rows(dataset, EVENT_SQL)
    finally:
        store.close()
        dataset.close()
    assert len(local_events) > 20
    assert ray_events == local_events


def test_both_engines_write_the_same_parquet_rows(runs: dict[str, Any]) -> None:
    a, b = open_dataset(runs["out"]), open_dataset(runs["root"] / "local-parquet")
    try:
        for table in ("actors", "quotes", "event_mentions", "errors"):
            assert table_rows(a, table) == table_rows(b, table), table
    finally:
        a.close()
        b.close()


def test_failing_records_go_to_the_errors_dataset(runs: dict[str, Any]) -> None:
    corpus = str(runs["corpus"])
    dataset = open_dataset(runs["out"])
    got = set(rows(dataset, "SELECT origin, line, reason FROM errors"))
    dataset.close()
    store = connect(runs["local_db"], read_only=True)
    expected = set(rows(store, "SELECT origin, line, reason FROM errors"))
    store.close()
    assert got == expected
    assert (f"{corpus}/broken/binary.txt", None, "binary data, not text") in got
    assert (f"{corpus}/broken/empty.txt", None, "empty input") in got
    assert any(o == f"{corpus}/wire.jsonl" and line == 3 for o, line, _ in got)
    assert (f"{corpus}/extra.parquet", 2, "empty text") in got
    assert len(runs["ray"].errors) == len(got)


def test_load_gives_the_store_local_ingest_gives(runs: dict[str, Any]) -> None:
    db = runs["root"] / "loaded.duckdb"
    report = load(runs["out"], db)
    assert report.articles == 15
    again = load(runs["out"], db)
    assert again.articles == 0 and again.skipped == 15
    local, loaded = connect(runs["local_db"], read_only=True), connect(db, read_only=True)
    try:
        for table in COMPARED:
            assert table_rows(loaded, table) == table_rows(local, table), table
        assert set(rows(loaded, "SELECT origin, line, reason FROM errors")) == set(
            rows(local, "SELECT origin, line, reason FROM errors")
        )
        # the wire copy in the corpus is linked on load, as in local ingest
        assert rows(loaded, "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL") == [(1,)]
    finally:
        local.close()
        loaded.close()


def _files(out: Path) -> dict[str, int]:
    return {str(p.relative_to(out)): p.stat().st_size for p in sorted(out.rglob("*.parquet"))}


def _raw_counts(out: Path) -> dict[str, int]:
    import duckdb

    con = duckdb.connect()
    counts = {}
    for name in ("articles", "events", "quotes", "mentions", "errors"):
        glob = str(out / name / "**" / "*.parquet")
        row = con.execute("SELECT count(*) FROM read_parquet(?)", [glob]).fetchone()
        assert row is not None
        counts[name] = int(row[0])
    con.close()
    return counts


def test_rerun_adds_no_duplicates_and_resumes_after_a_crash(runs: dict[str, Any]) -> None:
    out: Path = runs["out"]
    before_files, before_rows = _files(out), _raw_counts(out)
    assert before_rows["articles"] == 15
    rerun = ingest_ray([runs["corpus"]], out, workers=2, batch_size=4)
    assert rerun.articles == 0 and rerun.skipped == 15
    assert set(_files(out)) == set(before_files)
    assert _raw_counts(out) == before_rows

    # A crash after a batch wrote its record files but before its articles file (the commit) ...
    dataset = open_dataset(out)
    expected_events = rows(dataset, EVENT_SQL)
    dataset.close()
    victim = next(p for p in sorted((out / "articles").rglob("*.parquet")) if "date=2024-04-26" in str(p))
    victim.unlink()
    dataset = open_dataset(out)
    assert len(rows(dataset, EVENT_SQL)) < len(expected_events)  # orphan rows are not counted
    dataset.close()
    # ... is repaired by running again: only the uncommitted articles are analysed, nothing is doubled.
    resumed = ingest_ray([runs["corpus"]], out, workers=2, batch_size=4)
    assert 0 < resumed.articles < 15
    dataset = open_dataset(out)
    try:
        assert rows(dataset, EVENT_SQL) == expected_events
        assert rows(dataset, "SELECT count(*), count(DISTINCT id) FROM articles") == [(15, 15)]
    finally:
        dataset.close()


def test_queries_run_directly_over_the_parquet_dataset(runs: dict[str, Any]) -> None:
    from eventwire.store.queries import EventFilter, dyad, select_events

    dataset = open_dataset(runs["out"])
    store = connect(runs["local_db"], read_only=True)
    try:
        flt = EventFilter(source_country="USA", since=None)
        ids = sorted(r[0] for r in select_events(dataset, flt, ("id",)).fetchall())
        assert ids and ids == sorted(r[0] for r in select_events(store, flt, ("id",)).fetchall())
        by_month = [(p.period, p.events, p.quad1, p.quad4) for p in dyad(dataset, "USA", "CHN", "month")]
        assert by_month == [(p.period, p.events, p.quad1, p.quad4) for p in dyad(store, "USA", "CHN", "month")]
    finally:
        dataset.close()
        store.close()


def test_cli_ingest_ray_needs_an_output(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from eventwire.cli import app

    result = CliRunner().invoke(app, ["ingest", str(CORPUS), "--engine", "ray", "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 2
    assert "--output" in result.output
