"""Read queries the web API needs beyond :mod:`eventwire.api`, over the store schema.

Every statement is a fixed SQL text with ``?`` parameters.  Where a caller chooses a
column, a sort order or a period length, the choice is a key into a dict of fixed SQL
fragments defined here (validated by the API before it gets here), so no user string
ever becomes SQL.

Event ids are 63-bit integers; they are returned as strings because JSON numbers lose
precision past 2**53 in browsers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal, TypeVar

from pydantic import BaseModel

from eventwire.records import (
    Actor,
    Analysis,
    Argument,
    Article,
    Event,
    Mention,
    PipelineInfo,
    Place,
    Quote,
    Source,
    Spanned,
    TimeExpression,
)
from eventwire.store.queries import EventFilter as StoreFilter
from eventwire.store.queries import where_clause
from eventwire.store.schema import RECORD_TABLES

Period = Literal["day", "week", "month", "year"]
NodeKey = Literal["name", "code", "country"]

#: ``sort`` values of GET /events and the ORDER BY each stands for.
SORTS: dict[str, str] = {
    "date": "e.date ASC NULLS LAST, e.id",
    "-date": "e.date DESC NULLS LAST, e.id",
    "goldstein": "e.goldstein ASC, e.id",
    "-goldstein": "e.goldstein DESC, e.id",
    "root": "e.root ASC, e.cameo ASC, e.id",
    "-root": "e.root DESC, e.cameo DESC, e.id",
    "quad": "e.quad_class ASC, e.id",
    "-quad": "e.quad_class DESC, e.id",
    "source": "e.source_name ASC NULLS LAST, e.id",
    "-source": "e.source_name DESC NULLS LAST, e.id",
    "target": "e.target_name ASC NULLS LAST, e.id",
    "-target": "e.target_name DESC NULLS LAST, e.id",
    "mentions": "e.num_mentions ASC, e.id",
    "-mentions": "e.num_mentions DESC, e.id",
    "articles": "e.num_articles ASC, e.id",
    "-articles": "e.num_articles DESC, e.id",
}

_TRUNC: dict[str, str] = {
    "day": "date_trunc('day', e.date)",
    "week": "date_trunc('week', e.date)",
    "month": "date_trunc('month', e.date)",
    "year": "date_trunc('year', e.date)",
}

_NODE: dict[str, tuple[str, str]] = {
    "name": (
        "coalesce(nullif(e.source_name, ''), nullif(e.source_code, ''))",
        "coalesce(nullif(e.target_name, ''), nullif(e.target_code, ''))",
    ),
    "code": ("nullif(e.source_code, '')", "nullif(e.target_code, '')"),
    "country": ("nullif(e.source_country, '')", "nullif(e.target_country, '')"),
}

EVENT_COLUMNS = (
    "e.id, e.date, e.source_code, e.source_country, e.source_name, e.target_code, e.target_country, "
    "e.target_name, e.cameo, e.root, e.cameo_name, e.quad_class, e.goldstein, e.plover_type, e.plover_mode, "
    "e.modality, e.place_name, e.latitude, e.longitude, e.country_code, e.num_mentions, e.num_sources, "
    "e.num_articles, e.num_copies, e.is_root"
)
_EVENT_KEYS = [c.strip().removeprefix("e.") for c in EVENT_COLUMNS.split(",")]


def like_pattern(text: str) -> str:
    """A substring LIKE pattern for ``text`` with its own wildcards escaped (ESCAPE '\\')."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass(frozen=True)
class EventFilter:
    """The store's event filter (the CLI's) plus what the dashboard needs on top of it.

    ``base`` is :class:`eventwire.store.queries.EventFilter` and is turned into SQL by the
    store's own ``where_clause``; the extra filters here are appended to it: a country on
    either side, the modality, and an undirected country pair.
    """

    base: StoreFilter = field(default_factory=StoreFilter)
    country: str | None = None
    modality: str | None = None
    pair: tuple[str, str] | None = None

    def where(self) -> tuple[str, list[Any]]:
        """(WHERE clause over alias ``e``, parameters)."""
        where, params = where_clause(self.base, "e")
        clauses = [where.removeprefix("WHERE ")] if where else []
        if self.country:
            clauses.append("(e.source_country = ? OR e.target_country = ?)")
            params += [self.country, self.country]
        if self.modality:
            clauses.append("e.modality = ?")
            params.append(self.modality)
        if self.pair:
            a, b = self.pair
            clauses.append(
                "((e.source_country = ? AND e.target_country = ?) OR (e.source_country = ? AND e.target_country = ?))"
            )
            params += [a, b, b, a]
        return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def _event_dict(row: tuple[Any, ...]) -> dict[str, Any]:
    item = dict(zip(_EVENT_KEYS, row, strict=True))
    item["id"] = str(item["id"])
    if isinstance(item["date"], dt.date):
        item["date"] = item["date"].isoformat()
    return item


def list_events(cur: Any, flt: EventFilter, sort: str, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    """(total matching, one page of events) under ``flt``, ordered by the ``SORTS`` key ``sort``."""
    where, params = flt.where()
    order = SORTS[sort]
    total = cur.execute(f"SELECT count(*) FROM events e {where}", params).fetchone()[0]
    rows = cur.execute(
        f"SELECT {EVENT_COLUMNS} FROM events e {where} ORDER BY {order} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return int(total), [_event_dict(r) for r in rows]


_MENTION_COLUMNS = (
    "em.article_id, em.local_id, em.sentence_index, em.sentence_start, em.sentence_end, em.sentence_text, "
    "em.trigger_start, em.trigger_end, em.trigger_text, em.source_start, em.source_end, em.source_text, "
    "em.target_start, em.target_end, em.target_text, em.date_value, em.date_from, em.modality, em.reported, "
    "em.quote_id, em.confidence, em.rule, a.title, a.source, a.published, a.url, a.duplicate_of"
)
_MENTION_KEYS = [c.strip().split(".")[1] for c in _MENTION_COLUMNS.split(",")]


def get_event(cur: Any, event_id: int) -> dict[str, Any] | None:
    """One event with every mention and its evidence (sentence, trigger, arguments, article)."""
    row = cur.execute(f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.id = ?", [event_id]).fetchone()
    if row is None:
        return None
    event = _event_dict(row)
    mentions = cur.execute(
        f"SELECT {_MENTION_COLUMNS} FROM event_mentions em LEFT JOIN articles a ON a.id = em.article_id "
        "WHERE em.event_id = ? ORDER BY a.published NULLS LAST, em.article_id, em.trigger_start",
        [event_id],
    ).fetchall()
    items = []
    for m in mentions:
        item = dict(zip(_MENTION_KEYS, m, strict=True))
        item["article_title"] = item.pop("title")
        item["article_source"] = item.pop("source")
        if isinstance(item["published"], dt.date):
            item["published"] = item["published"].isoformat()
        items.append(item)
    event["mentions"] = items
    return event


def periods(first: dt.date, last: dt.date, by: Period) -> list[dt.date]:
    """Start days of every period from ``first`` to ``last`` (both already period starts)."""
    out = []
    cur = first
    while cur <= last:
        out.append(cur)
        if by == "day":
            cur = cur + dt.timedelta(days=1)
        elif by == "week":
            cur = cur + dt.timedelta(days=7)
        elif by == "month":
            cur = dt.date(cur.year + cur.month // 12, cur.month % 12 + 1, 1)
        else:
            cur = dt.date(cur.year + 1, 1, 1)
    return out


def period_end(start: dt.date, by: Period) -> dt.date:
    """Last day of the period that begins on ``start``."""
    if by == "day":
        return start
    if by == "week":
        return start + dt.timedelta(days=6)
    if by == "month":
        following = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return dt.date(start.year, 12, 31)


#: Most periods one timeline returns (gaps are filled with zero rows).
MAX_PERIODS = 5000


def timeline(cur: Any, flt: EventFilter, by: Period) -> list[dict[str, Any]]:
    """Events per period under ``flt``: counts by quad class, mentions, summed and mean Goldstein.

    Periods without events inside the covered range are included with zero counts so a
    chart shows gaps as gaps; the list is capped at ``MAX_PERIODS`` (the most recent kept).
    """
    where, params = flt.where()
    trunc = _TRUNC[by]
    rows = cur.execute(
        f"SELECT CAST({trunc} AS DATE) AS p, count(*), "
        "count(*) FILTER (WHERE e.quad_class = 1), count(*) FILTER (WHERE e.quad_class = 2), "
        "count(*) FILTER (WHERE e.quad_class = 3), count(*) FILTER (WHERE e.quad_class = 4), "
        "sum(e.num_mentions), sum(e.goldstein), avg(e.goldstein) "
        f"FROM events e {where} {'AND' if where else 'WHERE'} e.date IS NOT NULL GROUP BY p ORDER BY p",
        params,
    ).fetchall()
    found = {r[0]: r for r in rows}
    if not found:
        return []
    out = []
    for p in periods(min(found), max(found), by)[-MAX_PERIODS:]:
        r = found.get(p)
        out.append(
            {
                "period": p.isoformat(),
                "start": p.isoformat(),
                "end": period_end(p, by).isoformat(),
                "events": int(r[1]) if r else 0,
                "quad": [int(r[2]), int(r[3]), int(r[4]), int(r[5])] if r else [0, 0, 0, 0],
                "mentions": int(r[6] or 0) if r else 0,
                "goldstein_sum": round(float(r[7]), 3) if r else 0.0,
                "goldstein_mean": round(float(r[8]), 3) if r else None,
            }
        )
    return out


def search_actors(cur: Any, q: str | None, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    """Actors across articles grouped by name and code, matching ``q`` in name, code or role."""
    clauses = ""
    params: list[Any] = []
    if q:
        pattern = like_pattern(q)
        clauses = "WHERE (a.name ILIKE ? ESCAPE '\\' OR a.code ILIKE ? ESCAPE '\\' OR a.role ILIKE ? ESCAPE '\\')"
        params = [pattern, pattern, pattern]
    base = (
        "SELECT a.name, a.code, any_value(a.kind) AS kind, any_value(a.country) AS country, "
        "mode(a.role) AS role, count(DISTINCT a.article_id) AS articles, "
        "(SELECT count(*) FROM mentions m JOIN actors b ON b.article_id = m.article_id AND b.id = m.actor_id "
        " WHERE b.name = a.name AND b.code = a.code) AS mentions "
        f"FROM actors a {clauses} GROUP BY a.name, a.code"
    )
    total = cur.execute(f"SELECT count(*) FROM ({base})", params).fetchone()[0]
    rows = cur.execute(
        f"SELECT * FROM ({base}) ORDER BY articles DESC, mentions DESC, name LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    keys = ["name", "code", "kind", "country", "role", "articles", "mentions"]
    items = [dict(zip(keys, r, strict=True)) for r in rows]
    if items:
        names = [i["name"] for i in items]
        counts = cur.execute(
            "SELECT n, count(*) FROM (SELECT source_name AS n FROM events UNION ALL SELECT target_name FROM events) "
            "WHERE n IN (SELECT unnest(?::VARCHAR[])) GROUP BY n",
            [names],
        ).fetchall()
        by_name = {n: int(c) for n, c in counts}
        for i in items:
            i["events"] = by_name.get(i["name"], 0)
    return int(total), items


def countries(cur: Any) -> list[dict[str, Any]]:
    """CAMEO country codes that take part in events, with how many events each."""
    rows = cur.execute(
        "SELECT c, count(*) AS n FROM (SELECT source_country AS c FROM events UNION ALL "
        "SELECT target_country FROM events) WHERE c IS NOT NULL AND c <> '' GROUP BY c ORDER BY n DESC, c"
    ).fetchall()
    return [{"code": c, "events": int(n)} for c, n in rows]


def network(cur: Any, flt: EventFilter, node: NodeKey, max_edges: int) -> dict[str, Any]:
    """Actors as nodes and directed source→target edges weighted by events, split cooperation/conflict."""
    where, params = flt.where()
    src, tgt = _NODE[node]
    rows = cur.execute(
        f"SELECT s, t, count(*) AS n, count(*) FILTER (WHERE q <= 2), count(*) FILTER (WHERE q >= 3), "
        "avg(g), sum(m) FROM ("
        f"  SELECT {src} AS s, {tgt} AS t, e.quad_class AS q, e.goldstein AS g, e.num_mentions AS m "
        f"  FROM events e {where}) "
        "WHERE s IS NOT NULL AND t IS NOT NULL AND s <> t GROUP BY s, t ORDER BY n DESC, s, t LIMIT ?",
        [*params, max_edges],
    ).fetchall()
    edges = []
    nodes: dict[str, dict[str, Any]] = {}
    for s, t, n, coop, conflict, mean_g, mentions in rows:
        edges.append(
            {
                "source": s,
                "target": t,
                "events": int(n),
                "cooperation": int(coop),
                "conflict": int(conflict),
                "goldstein_mean": round(float(mean_g), 3),
                "mentions": int(mentions or 0),
            }
        )
        for name in (s, t):
            info = nodes.setdefault(name, {"id": name, "label": name, "events": 0})
            info["events"] += int(n)
    return {"nodes": sorted(nodes.values(), key=lambda x: (-x["events"], x["id"])), "edges": edges}


def store_stats(cur: Any) -> dict[str, Any]:
    """Counts and date range of the store."""
    articles = cur.execute("SELECT count(*) FROM articles").fetchone()[0]
    events, first, last = cur.execute("SELECT count(*), min(date), max(date) FROM events").fetchone()
    mentions = cur.execute("SELECT count(*) FROM event_mentions").fetchone()[0]
    return {
        "articles": int(articles),
        "events": int(events),
        "event_mentions": int(mentions),
        "first_date": first.isoformat() if first else None,
        "last_date": last.isoformat() if last else None,
    }


def list_articles(cur: Any, q: str | None, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    """Stored articles, newest first, optionally whose title or source matches ``q``."""
    clause = ""
    params: list[Any] = []
    if q:
        pattern = like_pattern(q)
        clause = "WHERE (a.title ILIKE ? ESCAPE '\\' OR a.source ILIKE ? ESCAPE '\\' OR a.id = ?)"
        params = [pattern, pattern, q]
    total = cur.execute(f"SELECT count(*) FROM articles a {clause}", params).fetchone()[0]
    rows = cur.execute(
        "SELECT a.id, a.title, a.published, a.source, a.url, a.n_chars, a.duplicate_of, "
        "(SELECT count(*) FROM event_mentions em WHERE em.article_id = a.id) "
        f"FROM articles a {clause} ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    keys = ["id", "title", "published", "source", "url", "n_chars", "duplicate_of", "events"]
    items = []
    for r in rows:
        item = dict(zip(keys, r, strict=True))
        if isinstance(item["published"], dt.date):
            item["published"] = item["published"].isoformat()
        items.append(item)
    return int(total), items


def _span(start: Any, end: Any, text: Any) -> Spanned | None:
    if start is None or end is None:
        return None
    return Spanned(start=int(start), end=int(end), text=text or "")


M = TypeVar("M", bound=BaseModel)

#: The record model and the ORDER BY (a fixed SQL fragment) of each article-level record table.
_RECORD_MODELS: dict[str, tuple[type[BaseModel], str]] = {
    "actors": (Actor, "id"),
    "mentions": (Mention, "start"),
    "quotes": (Quote, "start"),
    "times": (TimeExpression, "start"),
    "places": (Place, "start"),
    "sources": (Source, '"order"'),
}


@cache
def _defaulted(model: type[BaseModel]) -> frozenset[str]:
    """Fields of ``model`` whose default is not None: a NULL column there means "use the default"."""
    return frozenset(
        name
        for name, info in model.model_fields.items()
        if not info.is_required() and (info.default_factory is not None or info.default is not None)
    )


def model_from_row(model: type[M], row: dict[str, Any]) -> M:
    """A record from a store row (column name → value).

    Columns that are not fields of ``model`` (``article_id``, the derived actor ``code``,
    store bookkeeping) are dropped, and so are NULLs in fields with a non-None default, so
    the model's default applies (e.g. a store written before a list column existed).
    """
    defaulted = _defaulted(model)
    fields = model.model_fields
    return model.model_validate({k: v for k, v in row.items() if k in fields and not (v is None and k in defaulted)})


def _dict_rows(cur: Any) -> list[dict[str, Any]]:
    """The rows of the cursor's last statement as dicts keyed by column name."""
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def load_records(cur: Any, table: str, article_id: str) -> list[BaseModel]:
    """One article's rows of a record table (one of ``RECORD_TABLES``), rebuilt as its record model."""
    if table not in RECORD_TABLES:
        raise ValueError(f"not a record table: {table!r}")
    model, order = _RECORD_MODELS[table]
    # The table name is one of the fixed RECORD_TABLES and the order a fixed fragment above.
    cur.execute(f'SELECT * FROM "{table}" WHERE article_id = ? ORDER BY {order}', [article_id])
    return [model_from_row(model, row) for row in _dict_rows(cur)]


def load_analysis(cur: Any, article_id: str) -> tuple[Analysis, dict[str, str]] | None:
    """The stored analysis of one article, rebuilt from the store, and its events' store ids.

    Returns (analysis, {article-local event id: store event id}) or None when not stored.
    Every record field has a store column, so actors (with their evidence notes), mentions,
    quotes (with cue offsets and cue class), times, places and sources come back whole;
    sentences are not stored, so they are empty.
    """
    cur.execute("SELECT * FROM articles WHERE id = ?", [article_id])
    found = _dict_rows(cur)
    if not found:
        return None
    row = found[0]
    article = model_from_row(Article, row)
    info = PipelineInfo(
        eventwire=row["eventwire_version"] or "",
        model=row["model"] or "",
        model_version="",
        stages=list(row["stages"] or []),
    )
    records = {table: load_records(cur, table, article_id) for table in RECORD_TABLES}
    events: list[Event] = []
    store_ids: dict[str, str] = {}
    for r in cur.execute(
        "SELECT em.local_id, e.id, e.cameo, e.cameo_name, e.root, e.goldstein, e.quad_class, e.plover_type, "
        "e.plover_mode, em.modality, em.reported, em.quote_id, em.date_value, em.date_from, em.place_id, "
        "em.trigger_start, em.trigger_end, em.trigger_text, em.sentence_start, em.sentence_end, em.sentence_text, "
        "em.confidence, em.rule, em.source_start, em.source_end, em.source_text, em.source_actor_id, e.source_code, "
        "em.target_start, em.target_end, em.target_text, em.target_actor_id, e.target_code "
        "FROM event_mentions em JOIN events e ON e.id = em.event_id WHERE em.article_id = ? "
        "ORDER BY em.trigger_start, em.local_id",
        [article_id],
    ).fetchall():
        trigger = _span(r[15], r[16], r[17])
        sentence = _span(r[18], r[19], r[20])
        if trigger is None or sentence is None:
            continue
        src = _span(r[23], r[24], r[25])
        tgt = _span(r[28], r[29], r[30])
        events.append(
            Event(
                id=r[0],
                source=Argument(**src.model_dump(), actor_id=r[26], code=r[27] or None) if src else None,
                target=Argument(**tgt.model_dump(), actor_id=r[31], code=r[32] or None) if tgt else None,
                cameo=r[2],
                cameo_name=r[3] or "",
                root=r[4] or r[2][:2],
                goldstein=r[5] if r[5] is not None else 0.0,
                quad_class=r[6],
                plover_type=r[7],
                plover_mode=r[8],
                modality=r[9] or "asserted",
                reported=bool(r[10]),
                quote_id=r[11],
                date=r[12],
                date_from=r[13],
                place_id=r[14],
                trigger=trigger,
                sentence=sentence,
                confidence=r[21] if r[21] is not None else 1.0,
                rule=r[22],
            )
        )
        store_ids[r[0]] = str(r[1])
    analysis = Analysis.model_validate({"article": article, "pipeline": info, **records, "events": events})
    return analysis, store_ids
