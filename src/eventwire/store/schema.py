"""The DuckDB schema of an eventwire store (documented in docs/store.md).

One DuckDB file holds everything.  Article-level tables (actors, mentions, quotes,
times, places, sources) are keyed by ``(article_id, id)`` where ``id`` is the
article-local id from the :class:`~eventwire.records.Analysis`.  ``events`` holds one
row per *deduplicated* event (same source code, target code, CAMEO code, modality,
date and location across all articles); ``event_mentions`` keeps every report of it
with its own evidence.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyarrow as pa

STORE_SCHEMA_VERSION = "1"

#: Article-level record tables, keyed by ``(article_id, id)`` (one list of rows per Analysis record kind).
RECORD_TABLES: tuple[str, ...] = ("actors", "mentions", "quotes", "times", "places", "sources")

TABLES: tuple[str, ...] = (
    "meta",
    "runs",
    "articles",
    "article_bands",
    *RECORD_TABLES,
    "events",
    "event_mentions",
    "errors",
)

DDL: tuple[str, ...] = (
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    "CREATE SEQUENCE IF NOT EXISTS run_seq START 1",
    """CREATE TABLE IF NOT EXISTS runs (
        id INTEGER PRIMARY KEY, started_at TIMESTAMP, finished_at TIMESTAMP, paths VARCHAR,
        articles_added INTEGER DEFAULT 0, articles_skipped INTEGER DEFAULT 0, duplicates INTEGER DEFAULT 0,
        events_added INTEGER DEFAULT 0, errors INTEGER DEFAULT 0, status VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS articles (
        id VARCHAR PRIMARY KEY, title VARCHAR, published DATE, published_from VARCHAR, source VARCHAR,
        url VARCHAR, language VARCHAR, origin VARCHAR, n_chars INTEGER, text VARCHAR,
        n_shingles INTEGER, minhash INTEGER[], duplicate_of VARCHAR, similarity DOUBLE, cluster_id VARCHAR,
        run_id INTEGER, ingested_at TIMESTAMP, eventwire_version VARCHAR, model VARCHAR, stages VARCHAR[])""",
    "CREATE TABLE IF NOT EXISTS article_bands (band UTINYINT, bucket BIGINT, article_id VARCHAR)",
    """CREATE TABLE IF NOT EXISTS actors (
        article_id VARCHAR, id VARCHAR, name VARCHAR, kind VARCHAR, country VARCHAR, sectors VARCHAR[],
        code VARCHAR, role VARCHAR, role_status VARCHAR, kb_id VARCHAR, confidence DOUBLE, evidence VARCHAR[],
        PRIMARY KEY (article_id, id))""",
    """CREATE TABLE IF NOT EXISTS mentions (
        article_id VARCHAR, actor_id VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR, kind VARCHAR,
        sentence INTEGER, label VARCHAR, confidence DOUBLE)""",
    """CREATE TABLE IF NOT EXISTS quotes (
        article_id VARCHAR, id VARCHAR, kind VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR,
        speaker_actor_id VARCHAR, speaker_text VARCHAR, speaker_start INTEGER, speaker_end INTEGER,
        cue VARCHAR, cue_start INTEGER, cue_end INTEGER, cue_class VARCHAR, parent_id VARCHAR, confidence DOUBLE,
        PRIMARY KEY (article_id, id))""",
    """CREATE TABLE IF NOT EXISTS times (
        article_id VARCHAR, id VARCHAR, type VARCHAR, value VARCHAR, granularity VARCHAR, anchor VARCHAR,
        start INTEGER, "end" INTEGER, text VARCHAR, sentence INTEGER, PRIMARY KEY (article_id, id))""",
    """CREATE TABLE IF NOT EXISTS places (
        article_id VARCHAR, id VARCHAR, name VARCHAR, geonames_id BIGINT, latitude DOUBLE, longitude DOUBLE,
        country_code VARCHAR, cameo_country VARCHAR, feature_class VARCHAR, feature_code VARCHAR,
        population BIGINT, actor_id VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR, sentence INTEGER,
        confidence DOUBLE, PRIMARY KEY (article_id, id))""",
    """CREATE TABLE IF NOT EXISTS sources (
        article_id VARCHAR, id VARCHAR, name VARCHAR, role VARCHAR, "order" INTEGER, actor_id VARCHAR,
        cue VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR, PRIMARY KEY (article_id, id))""",
    """CREATE TABLE IF NOT EXISTS events (
        id BIGINT, date DATE,
        source_code VARCHAR, source_country VARCHAR, source_name VARCHAR, source_sectors VARCHAR[],
        target_code VARCHAR, target_country VARCHAR, target_name VARCHAR, target_sectors VARCHAR[],
        cameo VARCHAR, base_code VARCHAR, root VARCHAR, cameo_name VARCHAR, quad_class TINYINT, goldstein DOUBLE,
        plover_type VARCHAR, plover_mode VARCHAR, modality VARCHAR,
        place_key VARCHAR, place_name VARCHAR, latitude DOUBLE, longitude DOUBLE, country_code VARCHAR,
        place_cameo_country VARCHAR, geonames_id BIGINT, feature_class VARCHAR, feature_code VARCHAR,
        is_root BOOLEAN DEFAULT false, num_mentions INTEGER DEFAULT 0, num_sources INTEGER DEFAULT 0,
        num_articles INTEGER DEFAULT 0, num_copies INTEGER DEFAULT 0,
        first_seen TIMESTAMP, source_url VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS event_mentions (
        event_id BIGINT, article_id VARCHAR, local_id VARCHAR, sentence_index INTEGER,
        sentence_start INTEGER, sentence_end INTEGER, sentence_text VARCHAR,
        trigger_start INTEGER, trigger_end INTEGER, trigger_text VARCHAR,
        source_start INTEGER, source_end INTEGER, source_text VARCHAR, source_actor_id VARCHAR,
        target_start INTEGER, target_end INTEGER, target_text VARCHAR, target_actor_id VARCHAR,
        date_value VARCHAR, date_from VARCHAR, place_id VARCHAR, modality VARCHAR, reported BOOLEAN,
        quote_id VARCHAR, confidence DOUBLE, rule VARCHAR, PRIMARY KEY (article_id, local_id))""",
    """CREATE TABLE IF NOT EXISTS errors (
        origin VARCHAR, line INTEGER, reason VARCHAR, run_id INTEGER, seen_at TIMESTAMP)""",
)


#: Columns added after a table was first released: applied to stores created by older versions.
MIGRATIONS: tuple[str, ...] = (
    "ALTER TABLE actors ADD COLUMN IF NOT EXISTS evidence VARCHAR[]",
    "ALTER TABLE mentions ADD COLUMN IF NOT EXISTS confidence DOUBLE",
    "ALTER TABLE quotes ADD COLUMN IF NOT EXISTS cue_start INTEGER",
    "ALTER TABLE quotes ADD COLUMN IF NOT EXISTS cue_end INTEGER",
    "ALTER TABLE quotes ADD COLUMN IF NOT EXISTS cue_class VARCHAR",
)


def create_schema(con: Any) -> None:
    """Create every table (idempotent), bring older stores up to date, record the schema version."""
    for statement in DDL:
        con.execute(statement)
    for statement in MIGRATIONS:
        con.execute(statement)
    con.execute(
        "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT (key) DO NOTHING",
        [STORE_SCHEMA_VERSION],
    )


@lru_cache(maxsize=1)
def arrow_schemas() -> dict[str, pa.Schema]:
    """Arrow schema (column names and types) of every store table, read from the DDL above."""
    import duckdb

    con = duckdb.connect()
    try:
        create_schema(con)
        # Table names come from the fixed TABLES list.
        return {t: con.sql(f'SELECT * FROM "{t}" LIMIT 0').to_arrow_table().schema for t in TABLES}
    finally:
        con.close()


def columns(table: str) -> tuple[str, ...]:
    """Column names of a store table, in DDL order."""
    return tuple(arrow_schemas()[table].names)
