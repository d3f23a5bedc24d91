"""Parameterised queries over the store: event filters and dyad summaries, done in SQL.

Filters become fixed SQL fragments with ``?`` placeholders; user values only ever
travel as parameters.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any, Literal

Period = Literal["day", "week", "month", "year"]
PERIODS: tuple[str, ...] = ("day", "week", "month", "year")

#: Columns of an event row as returned by :func:`select_events` (and the CSV export).
EVENT_COLUMNS: tuple[str, ...] = (
    "id",
    "date",
    "source_code",
    "source_country",
    "source_name",
    "target_code",
    "target_country",
    "target_name",
    "cameo",
    "base_code",
    "root",
    "cameo_name",
    "quad_class",
    "goldstein",
    "plover_type",
    "plover_mode",
    "modality",
    "place_name",
    "latitude",
    "longitude",
    "country_code",
    "place_cameo_country",
    "geonames_id",
    "feature_class",
    "feature_code",
    "is_root",
    "num_mentions",
    "num_sources",
    "num_articles",
    "num_copies",
    "first_seen",
    "source_url",
    "source_sectors",
    "target_sectors",
)


@dataclass(frozen=True)
class EventFilter:
    """Event filters; None means no filter.  ``actor`` matches a name (case-insensitive substring) or code."""

    source_country: str | None = None
    target_country: str | None = None
    actor: str | None = None
    code: str | None = None
    root: str | None = None
    quad: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    limit: int | None = None

    @classmethod
    def from_kwargs(cls, **kwargs: Any) -> EventFilter:
        """A filter from keyword arguments, refusing unknown names; dates may be ISO strings."""
        names = {f.name for f in fields(cls)}
        unknown = set(kwargs) - names
        if unknown:
            raise TypeError(
                f"unknown event filter(s): {', '.join(sorted(unknown))} (known: {', '.join(sorted(names))})"
            )
        for key in ("since", "until"):
            if isinstance(kwargs.get(key), str):
                kwargs[key] = dt.date.fromisoformat(kwargs[key])
        return cls(**kwargs)


def where_clause(flt: EventFilter, alias: str = "e") -> tuple[str, list[Any]]:
    """(SQL ``WHERE ...`` text using ``?`` placeholders, parameters) for a filter."""
    parts: list[str] = []
    params: list[Any] = []
    p = alias + "."
    if flt.source_country:
        parts.append(p + "source_country = ?")
        params.append(flt.source_country.upper())
    if flt.target_country:
        parts.append(p + "target_country = ?")
        params.append(flt.target_country.upper())
    if flt.actor:
        parts.append(f"({p}source_name ILIKE ? OR {p}target_name ILIKE ? OR {p}source_code = ? OR {p}target_code = ?)")
        like = "%" + flt.actor.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        params += [like, like, flt.actor.upper(), flt.actor.upper()]
    if flt.code:
        parts.append(p + "cameo = ?")
        params.append(flt.code)
    if flt.root:
        parts.append(p + "root = ?")
        params.append(flt.root.zfill(2))
    if flt.quad is not None:
        parts.append(p + "quad_class = ?")
        params.append(int(flt.quad))
    if flt.since:
        parts.append(p + "date >= ?")
        params.append(flt.since)
    if flt.until:
        parts.append(p + "date <= ?")
        params.append(flt.until)
    return ("WHERE " + " AND ".join(parts)) if parts else "", params


def select_events_sql(flt: EventFilter, columns: tuple[str, ...] = EVENT_COLUMNS) -> tuple[str, list[Any]]:
    """(SQL, parameters) selecting filtered events, newest first."""
    where, params = where_clause(flt)
    cols = ", ".join("e." + c for c in columns)  # fixed column names from EVENT_COLUMNS
    sql = f"SELECT {cols} FROM events e {where} ORDER BY e.date DESC NULLS LAST, e.num_mentions DESC, e.id"
    if flt.limit is not None:
        sql += " LIMIT ?"
        params.append(int(flt.limit))
    return sql, params


def select_events(con: Any, flt: EventFilter, columns: tuple[str, ...] = EVENT_COLUMNS) -> Any:
    """A DuckDB result of the filtered events (call ``.fetchall()``, ``.df()`` or ``.arrow()``)."""
    sql, params = select_events_sql(flt, columns)
    return con.execute(sql, params)


@dataclass
class DyadPeriod:
    """One period of a dyad summary."""

    period: dt.date
    events: int
    quad1: int
    quad2: int
    quad3: int
    quad4: int
    goldstein_sum: float
    goldstein_mean: float
    mentions: int


_DYAD_SQL = """
SELECT date_trunc(?, e.date)::DATE AS period, count(*) AS events,
       count(*) FILTER (WHERE e.quad_class = 1) AS quad1, count(*) FILTER (WHERE e.quad_class = 2) AS quad2,
       count(*) FILTER (WHERE e.quad_class = 3) AS quad3, count(*) FILTER (WHERE e.quad_class = 4) AS quad4,
       coalesce(sum(e.goldstein), 0) AS goldstein_sum, coalesce(avg(e.goldstein), 0) AS goldstein_mean,
       coalesce(sum(e.num_mentions), 0) AS mentions
FROM events e
WHERE e.date IS NOT NULL AND (
      (e.source_country = ? AND e.target_country = ?) OR (? AND e.source_country = ? AND e.target_country = ?))
  AND (? IS NULL OR e.date >= ?) AND (? IS NULL OR e.date <= ?)
GROUP BY 1 ORDER BY 1
"""


def dyad(
    con: Any,
    a: str,
    b: str,
    by: str = "month",
    directed: bool = False,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[DyadPeriod]:
    """Per-period counts by quad class and summed/mean Goldstein of events between countries ``a`` and ``b``.

    Undirected by default (a→b and b→a); ``directed=True`` keeps only a→b.
    """
    if by not in PERIODS:
        raise ValueError(f"unknown period {by!r} (one of {', '.join(PERIODS)})")
    a, b = a.upper(), b.upper()
    rows = con.execute(_DYAD_SQL, [by, a, b, not directed, b, a, since, since, until, until]).fetchall()
    return [
        DyadPeriod(r[0], int(r[1]), int(r[2]), int(r[3]), int(r[4]), int(r[5]), float(r[6]), float(r[7]), int(r[8]))
        for r in rows
    ]


def event_mentions(con: Any, event_ids: list[int]) -> Any:
    """The evidence of events: every mention with its article, sentence and spans."""
    return con.execute(
        "SELECT m.*, a.title, a.source, a.url, a.published, a.duplicate_of FROM event_mentions m "
        "JOIN articles a ON a.id = m.article_id WHERE m.event_id IN (SELECT unnest(?::BIGINT[])) "
        "ORDER BY m.event_id, a.published, m.article_id",
        [event_ids],
    )
